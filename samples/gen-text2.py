#!/usr/bin/env python3
"""Generate samples/text-advanced.pptx, the deck for text layout beyond runs.

Usage:  python3 samples/gen-text2.py [--out DIR]

Standard library only; deterministic output. The package builders come
from gen-samples.py, loaded with importlib. Boxes are outlined and grey
guides mark the positions the text should line up with. Slides:

 1. tab stops: left, centred, right and decimal stops of a:tabLst (pos is
    measured from the box's inset edge, not from marL); default stops at
    defTabSz after the last one; a hanging first line whose tab stops at
    marL
"""

import argparse
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
G = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(G)

elem, run, srgb, solid, xfrm = G.elem, G.run, G.srgb, G.solid, G.xfrm
IN = 914400
INSET = 91440        # default left/right inset


def p(ppr_xml, *runs, end_sz=None):
    """A paragraph from a ready pPr and runs (XML strings or plain text)."""
    body = "".join(r if r.startswith("<a:") else run(r) for r in runs)
    end = elem("a:endParaRPr", lang="en-US", sz=int(end_sz * 100) if end_sz else None)
    return "<a:p>" + ppr_xml + body + end + "</a:p>"


def ppr_tabs(tabs=(), **attrs):
    """<a:pPr> with an a:tabLst of (pos EMU, algn) stops."""
    lst = elem("a:tabLst", "".join(elem("a:tab", pos=pos, algn=a) for pos, a in tabs)) \
        if tabs else ""
    return elem("a:pPr", lst, **attrs)


def box(name, x, y, cx, cy, paras, **kw):
    return G.textbox(name, xfrm(x, y, cx, cy), paras, ln=G.outlined(), **kw)


def guide(x, y, cy):
    """A thin vertical grey line at x."""
    return G.connector("Guide", xfrm(x, y, 0, cy), ln=G.line(6350, solid(srgb("A6A6A6")),
                                                            dash="sysDash"))


def label(text, x, y, cx):
    return G.label(text, x, y, cx, 300000, sz=12, algn="l")


def slide_tabs(d):
    s = d.slide("titleOnly").add(G.slide_title("Tab stops", sz=28))
    x, y, cx = 400000, 1700000, 7000000
    stops = [(int(1.5 * IN), "l"), (int(3 * IN), "ctr"), (int(4.5 * IN), "r"),
             (int(6 * IN), "dec")]
    rows = [("Item", "Qty", "Unit", "Total", "Price"),
            ("Apples", "12", "kg", "42", "3.50"),
            ("Blueberries", "1200", "grams", "1481.4", "1234.5"),
            ("Figs", "7", "each", "0.88", "0.125"),
            ("Dates", "x", "box", "-", "12")]
    paras = [p(ppr_tabs(stops, marL=int(0.3 * IN)),
               run("\t".join(r), sz=16, b=(i == 0) or None)) for i, r in enumerate(rows)]
    s.add(label("a:tabLst l 1.5 in, ctr 3 in, r 4.5 in, dec 6 in (from the inset "
                "edge; marL 0.3 in)", x, y - 350000, cx),
          box("Tabs", x, y, cx, 1450000, paras))
    for pos, _ in stops:
        s.add(guide(x + INSET + pos, y - 50000, 1550000))
    # default stops: defTabSz 0.75 in after a custom stop at 1 in
    y2 = 3650000
    paras = [p(ppr_tabs([(IN, "l")], defTabSz=int(0.75 * IN)),
               run("a\tb\tc\td\te\tf", sz=16)),
             p(ppr_tabs(defTabSz=int(0.75 * IN), marL=int(0.5 * IN)),
               run("marL 0.5 in:\tx\ty", sz=16))]
    s.add(label("custom stop at 1 in, then defTabSz 0.75 in: 1, 1.5, 2.25, 3, 3.75 ...",
                x, y2 - 350000, cx),
          box("Default tabs", x, y2, cx, 800000, paras))
    for k in (1.0, 1.5, 2.25, 3.0, 3.75, 4.5):
        s.add(guide(x + INSET + int(k * IN), y2 - 50000, 900000))
    # a hanging first line: its tab goes to marL
    y3 = 5150000
    paras = [p(ppr_tabs(marL=int(1.25 * IN), indent=-int(1.25 * IN)),
               run("Step 1\tThe first line starts at the box edge; the tab goes to "
                   "marL, where the wrapped lines start too.", sz=16))]
    s.add(label("hanging indent (marL 1.25 in, indent -1.25 in): the tab stops at marL",
                x, y3 - 350000, cx),
          box("Hanging", x, y3, cx, 900000, paras))
    s.add(guide(x + INSET + int(1.25 * IN), y3 - 50000, 1000000))


def deck_text2():
    d = G.Deck("Text layout")
    slide_tabs(d)
    return d


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()
    with G.using_flavor(G.TRANSITIONAL):
        data = G.zip_bytes(deck_text2().build())
    (args.out / "text-advanced.pptx").write_bytes(data)
    print(f"wrote {args.out / 'text-advanced.pptx'}")


if __name__ == "__main__":
    main()
