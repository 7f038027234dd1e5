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
 2. columns: numCol 2 with spcCol 0.4 in (text flows to the second column
    when the first is full), numCol 3 with bullets, numCol 2 anchored at
    the bottom with little text (one column used)
 3. vertical text: vert, vert270 (insets turn with the text), eaVert with
    Japanese and Latin (CJK upright, Latin turned), wordArtVert (letters
    stacked), upright text in a turned shape, bodyPr rot
 4. fonts: faces drawn as named, by a metric-compatible clone, by a
    stand-in, by the theme's body font (a face nobody has), Wingdings
    bullets as Unicode, and Japanese in MS PGothic (proportional kana:
    palt) beside MS Gothic (full-width)
"""

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


def body(name, x, y, cx, cy, paras, shape_rot=None, **bodypr):
    """A shape with an outline whose bodyPr takes any attribute (numCol,
    spcCol, vert, upright, rot, anchor ...)."""
    bp = elem("a:bodyPr", "", wrap="square", rtlCol="0", **bodypr)
    tx = elem("p:txBody", bp + "<a:lstStyle/>" + "".join(paras))
    return elem("p:sp", G._nv_sp(name, txbox=True)
                + G.sp_pr(xfrm(x, y, cx, cy, rot=shape_rot), "rect", None, G.no_fill(),
                          G.outlined()) + tx)


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


LOREM = ("Columns in a text box: when the first column is full, the text goes on "
         "at the top of the next one, spcCol to the right. PowerPoint fills each "
         "column to the bottom of the box before it starts the next, and the last "
         "column takes what is left. ")


def slide_columns(d):
    s = d.slide("titleOnly").add(G.slide_title("Columns", sz=28))
    x, y = 400000, 1700000
    paras = [p(ppr_tabs(), run(LOREM, sz=14)) for _ in range(2)]
    s.add(label("numCol 2, spcCol 0.4 in", x, y - 350000, 5000000),
          body("Two columns", x, y, 5400000, 1900000, paras, numCol=2,
               spcCol=int(0.4 * IN)))
    bullets = [G.para(run(f"Point {k}: a short line", sz=14), bullet="•",
                      mar_l=228600, indent=-228600) for k in range(1, 13)]
    s.add(label("numCol 3, spcCol 0.2 in, bullets", 6200000, y - 350000, 5000000),
          body("Three columns", 6200000, y, 5500000, 1400000, bullets, numCol=3,
               spcCol=int(0.2 * IN)))
    s.add(label("numCol 2, anchor b, little text: one column", x, 4150000, 5000000),
          body("Bottom", x, 4500000, 5400000, 1200000,
               [p(ppr_tabs(), run("Only one short paragraph.", sz=14))], numCol=2,
               anchor="b"))


def slide_vertical(d):
    s = d.slide("titleOnly").add(G.slide_title("Vertical text", sz=28))
    y, cx, cy = 1700000, 1300000, 3600000
    text = "Vertical text reads top to bottom"
    s.add(label("vert", 400000, y - 350000, cx),
          body("vert", 400000, y, cx, cy, [p(ppr_tabs(), run(text, sz=18))],
               vert="vert", lIns=int(0.5 * IN)),
          label("vert270", 2000000, y - 350000, cx),
          body("vert270", 2000000, y, cx, cy, [p(ppr_tabs(), run(text, sz=18))],
               vert="vert270", lIns=int(0.5 * IN)),
          label("eaVert", 3600000, y - 350000, cx),
          body("eaVert", 3600000, y, cx, cy,
               [p(ppr_tabs(), run("縦書きの日本語、ABC 2024年。", sz=20,
                                  lang="ja-JP"))], vert="eaVert"),
          label("wordArtVert", 5200000, y - 350000, cx),
          body("wordArtVert", 5200000, y, cx, cy,
               [p(ppr_tabs(algn="ctr"), run("WORD", sz=28))], vert="wordArtVert"),
          label("upright in a shape turned 30°", 7000000, y - 350000, 2400000),
          body("Upright", 7200000, y + 300000, 2000000, 1000000,
               [p(ppr_tabs(algn="ctr"), run("upright text", sz=18))], shape_rot=30,
               upright="1", anchor="ctr"),
          label("bodyPr rot 45°", 9800000, y - 350000, 2000000),
          body("Rot", 9800000, y + 300000, 2000000, 1000000,
               [p(ppr_tabs(algn="ctr"), run("turned text", sz=18))],
               rot=str(45 * 60000), anchor="ctr"))


def font_run(text, face, ea=None, sz=18, lang="en-US"):
    props = elem("a:latin", typeface=face) + (elem("a:ea", typeface=ea) if ea else "")
    return (f"<a:r>{elem('a:rPr', props, lang=lang, sz=int(sz * 100))}"
            f"<a:t>{G.escape(text)}</a:t></a:r>")


def slide_fonts(d):
    s = d.slide("titleOnly").add(G.slide_title("Fonts", sz=28))
    rows = [("DejaVu Sans: installed, drawn as named", "DejaVu Sans"),
            ("Calibri: metric-compatible clone (Carlito)", "Calibri"),
            ("Times New Roman: clone (Liberation Serif)", "Times New Roman"),
            ("Segoe UI: stand-in (Noto Sans)", "Segoe UI"),
            ("Franklin Gothic Book: Liberation Sans at its widths",
             "Franklin Gothic Book"),
            ("Nobody Has This Face: the theme's body font", "Nobody Has This Face")]
    paras = [p(ppr_tabs(), font_run(t, f)) for t, f in rows]
    wing = G.para(run("Wingdings bullets drawn as Unicode", sz=18), bullet="Ø",
                  bu_font="Wingdings", mar_l=342900, indent=-342900)
    s.add(body("Faces", 400000, 1500000, 6200000, 2600000, paras + [wing]))
    ja = "プロポーショナルなカナ、句読点。ABC"
    paras = [p(ppr_tabs(), font_run(ja, "Arial", "ＭＳ Ｐゴシック",
                                    lang="ja-JP")),
             p(ppr_tabs(), font_run(ja, "Arial", "ＭＳ ゴシック",
                                    lang="ja-JP"))]
    s.add(label("MS PGothic (proportional: palt), then MS Gothic (full width)", 7000000,
                1150000, 4800000),
          body("Japanese", 7000000, 1500000, 4800000, 1100000, paras))


def deck_text2():
    d = G.Deck("Text layout")
    slide_tabs(d)
    slide_columns(d)
    slide_vertical(d)
    slide_fonts(d)
    return d


def main():
    G.generator_main(__doc__, "text-advanced.pptx", deck_text2, HERE)


if __name__ == "__main__":
    main()
