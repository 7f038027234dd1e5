#!/usr/bin/env python3
"""Generate samples/regressions.pptx: one slide per bug found on real decks.

Usage:  python3 samples/gen-regressions.py [--out DIR]

Standard library only, deterministic (same bytes on every run); the deck
structure comes from gen-samples.py. Each slide rebuilds, in a few shapes,
what a real deck did when one of our bugs showed, so the golden test keeps
it fixed. Add a slide (and its line below) for the next one.

Slides:
  1  thin gradient-filled boxes across the slide (90 % alpha stops) and a
     radial gradient: built in EMU user space, pixman's 16.16 fixed-point
     evaluation lost them and thin ones came out transparent, only their
     top and bottom rows of pixels painted (portfolio-ml-fa, slide 14)
  2  the same line at 9.5, 10, 11 and 16 pt in boxes half way between its
     width at the nominal size and at PowerPoint's (sizes on a 1/600 inch
     grid: 9.48, 9.96, 11.04, 15.96 pt): "here" stays on the first line at
     9.5, 10 and 16 pt and wraps at 11 pt, as in PowerPoint (owasp2017-en and
     -gm-hidden broke paragraphs a word early)
  3  Han characters in runs marked English (lang en-US, no ea face): the face
     drawing them is fontconfig's choice, which followed the user's locale
     (LANG, FC_LANG) until the renderer fixed fontconfig's default language
     (owasp2017-ja's English-marked Japanese changed with LANG=ko_KR)
  4  symbol fonts: a run with a:sym Wingdings whose U+F08E is Wingdings'
     black circled 3, after "Widespread " in a box just wide enough for the
     line with the symbol at Wingdings' width (owasp2017's risk tables:
     the symbol was drawn as a hex box in the latin face's fallback, then
     as a wider glyph that wrapped the line); runs whose a:latin is
     Wingdings (bullets, check marks, arrows, a clock) and Symbol (Greek
     letters, relations); a Wingdings leaf with no Unicode equivalent,
     drawn as a bullet and reported
"""

import argparse
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
gs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gs)


def far_gradients(s):
    """Slide 1: the same thin gradient box across the slide."""
    stops = [(0, gs.scheme("accent1", lumMod=69000, alpha=90000)),
             (100000, gs.scheme("accent1", tint=50000, lumMod=40000, alpha=90000))]
    cx, cy = 1500000, 320000
    for row in range(5):
        for col in range(6):
            x = 300000 + col * 1950000
            y = 1400000 + row * 1000000
            s.add(gs.shape(f"Box {row}.{col}", gs.xfrm(x, y, cx, cy), "roundRect",
                           fill=gs.grad(stops, 270), ln=gs.line(fill=gs.no_fill())))
    # one radial gradient in the far corner as well
    radial = gs.elem("a:gradFill", gs.elem("a:gsLst", "".join(
        gs.elem("a:gs", clr, pos=pos) for pos, clr in stops)) + gs.elem(
        "a:path", gs.elem("a:fillToRect", l=50000, t=50000, r=50000, b=50000), path="circle"))
    s.add(gs.shape("Radial", gs.xfrm(10300000, 5850000, 1500000, 800000), "ellipse",
                   fill=radial, ln=gs.line(fill=gs.no_fill())))


# Widths of GRID_LINE in Liberation Sans (Arial's metrics), no kerning,
# at the nominal size and at PowerPoint's grid size, in points: measured
# with hb-shape; the boxes sit half way between the two.
GRID_LINE = ("PowerPoint sets text on a grid of one six-hundredth of an inch, "
             "so this line ends here")
GRID_WIDTHS = {9.5: (354.348, 353.602), 10: (372.998, 371.506),
               11: (410.298, 411.790), 16: (596.797, 595.305)}


def grid_sizes(s):
    """Slide 2: lines that break differently at the nominal and grid sizes."""
    y = 1300000
    for size, (nominal, grid) in GRID_WIDTHS.items():
        cx = round((nominal + grid) / 2 * 12700)
        s.add(gs.textbox(f"{size} pt", gs.xfrm(600000, y, cx, 900000),
                         [gs.para(gs.run(GRID_LINE + " and goes on below.", sz=size,
                                         font="Arial"))],
                         ln=gs.outlined(), insets=(0, 0, 0, 0), anchor="t"))
        y += 1200000


def han_in_english(s):
    """Slide 3: characters whose Japanese, Korean and Chinese forms differ."""
    s.add(gs.textbox("Han", gs.xfrm(600000, 1400000, 10800000, 3000000),
                     [gs.para(gs.run("直 骨 今 角 海 者 写 免 化 次 述 刃 (lang en-US)", sz=40)),
                      gs.para(gs.run("English run: 令 曜 閉 歴 将 器 近", sz=40))]))


def sym_run(text, sz, latin="Arial", sym=None, b=None):
    """A run in face @latin, with a:sym @sym when given."""
    props = gs.elem("a:latin", typeface=latin)
    if sym:
        props += gs.elem("a:sym", typeface=sym, pitchFamily="2", charset="2")
    rpr = gs.elem("a:rPr", props, lang="en-US", sz=int(sz * 100), b=b, dirty="0")
    return f"<a:r>{rpr}<a:t>{gs.escape(text)}</a:t></a:r>"


def symbol_fonts(s):
    """Slide 4: text in symbol fonts."""
    # "Widespread" and the space at 8 pt bold, the symbol at 9.5 pt:
    # 45.27 + 2.22 + 0.892 em x 9.5 pt = 55.97 pt, plus the 7.2 pt insets
    cx = round((55.97 + 2 * 7.2 + 0.5) * 12700)
    s.add(gs.textbox("Risk", gs.xfrm(600000, 1400000, cx, 500000),
                     [gs.para(sym_run("Widespread", 8, b="1"), sym_run(" ", 8, b="1"),
                              sym_run("\uf08e", 9.5, sym="Wingdings", b="1"),
                              algn="ctr")],
                     ln=gs.outlined()))
    s.add(gs.textbox("Wingdings", gs.xfrm(600000, 2200000, 10800000, 700000),
                     [gs.para(sym_run("Wingdings as a:latin: ", 20),
                              sym_run("lnuv\u00d8\u00fc\u00fb\u00e8\u00f0\u00b9", 20,
                                      latin="Wingdings"))]))
    s.add(gs.textbox("Symbol", gs.xfrm(600000, 3000000, 10800000, 700000),
                     [gs.para(sym_run("Symbol as a:latin: ", 20),
                              sym_run("abgDSp \u00a3\u00b3\u00b9\u00a5 \u00ae\u00de",
                                      20, latin="Symbol"))]))
    s.add(gs.textbox("Leaf", gs.xfrm(600000, 3800000, 10800000, 700000),
                     [gs.para(sym_run("a Wingdings leaf (no Unicode equivalent): ", 20),
                              sym_run("\u0096", 20, latin="Wingdings"))]))


def build():
    with gs.using_flavor(gs.TRANSITIONAL):
        d = gs.Deck("slides2png regression samples")
        far_gradients(d.slide("titleOnly").add(
            gs.slide_title("Thin gradient boxes", sz=28)))
        grid_sizes(d.slide("titleOnly").add(
            gs.slide_title("Text sizes on a 1/600 inch grid", sz=28)))
        han_in_english(d.slide("titleOnly").add(
            gs.slide_title("Han characters in English runs", sz=28)))
        symbol_fonts(d.slide("titleOnly").add(
            gs.slide_title("Symbol fonts", sz=28)))
        return gs.zip_bytes(d.build())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()
    (args.out / "regressions.pptx").write_bytes(build())
    print(f"wrote {args.out / 'regressions.pptx'}")


if __name__ == "__main__":
    main()
