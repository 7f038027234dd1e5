#!/usr/bin/env python3
"""Generate samples/effects.pptx: text effects, preset shadows, gradients.

A slide full of shadowed cards measures the blur.

Usage:  python3 samples/gen-effects.py [--out DIR]

Standard library only, deterministic (same bytes on every run).  The deck
structure (theme, master, layouts, slides, zip) comes from gen-samples.py.

Slides:
  1  text effects: a:rPr/a:effectLst with outerShdw, glow and innerShdw on
     whole text bodies and on single runs; text boxes with no fill and no
     line whose spPr/a:effectLst falls from the glyphs (also rotated, and
     with a reflection); a filled card whose run has its own shadow
  2  the 20 preset shadows a:prstShdw shdw1..shdw20 (dist 6 pt, dir 45°,
     grey), on rounded cards; shdw3-9 and shdw20 are drawn as plain drop
     shadows with a diagnostic
  3  24 shadowed cards (roundRect, outerShdw blurRad 9 pt, dist 3 pt down,
     as office2pdf's business decks draw them): the blur benchmark
  4  linear gradients with a:tileRect: a half-width tile repeated (flip
     none, x), a quarter tile mirrored both ways at 45° (flip xy), a tile
     larger than the shape; the same gradient on shapes rotated 30° with
     rotWithShape 1 and 0, and on flipH / flipV shapes
"""

import argparse
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
gs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gs)

elem, srgb, scheme, solid = gs.elem, gs.srgb, gs.scheme, gs.solid
xfrm, shape, pct, deg = gs.xfrm, gs.shape, gs.pct, gs.deg


def outer(blur, dist=0, dir_=0, color="000000", alpha=40000, **kw):
    a = dict(blurRad=blur, dist=dist, dir=deg(dir_), rotWithShape=kw.pop("rot", False))
    a.update(kw)
    return elem("a:outerShdw", srgb(color, alpha=alpha), **a)


def glow(rad, color="FFC000", alpha=60000):
    return elem("a:glow", srgb(color, alpha=alpha), rad=rad)


def inner(blur, dist=0, dir_=0, color="000000", alpha=50000):
    return elem("a:innerShdw", srgb(color, alpha=alpha), blurRad=blur, dist=dist, dir=deg(dir_))


def fx_run(text, sz, color, effects=None, b=None):
    """A run whose rPr carries its own a:effectLst (after the fill, as the
    schema orders them)."""
    kids = solid(srgb(color)) + (elem("a:effectLst", effects) if effects is not None else "")
    rpr = elem("a:rPr", kids, lang="en-US", sz=int(sz * 100), b=b, dirty="0")
    return f"<a:r>{rpr}<a:t>{gs.escape(text)}</a:t></a:r>"


def text_box(name, xf, paras, fill=None, ln=None, effects=None, anchor="ctr"):
    """A text box; effects: the shape's own spPr/a:effectLst."""
    ln_xml = (ln or elem("a:ln", "<a:noFill/>")) + (
        elem("a:effectLst", effects) if effects is not None else "")
    return elem("p:sp", gs._nv_sp(name, txbox=True)
                + gs.sp_pr(xf, "rect", None, fill or gs.no_fill(), ln_xml)
                + gs.tx_body(paras, anchor=anchor, wrap="square", rtl_col=False))


def slide_text_effects(d):
    s = d.slide("titleOnly").add(gs.slide_title("Text effects", sz=24))
    x0, w, h = 400000, 3600000, 1000000
    # run effects over a whole body
    s.add(text_box("run shadow", xfrm(x0, 1300000, w, h), [gs.para(fx_run(
        "Run shadow", 40, "2E75B6", outer(50800, 38100, 45, alpha=60000), b=True),
        algn="ctr")]))
    s.add(text_box("run glow", xfrm(x0 + 3900000, 1300000, w, h), [gs.para(fx_run(
        "Run glow", 40, "1F3864", glow(101600)), algn="ctr")]))
    s.add(text_box("run inner", xfrm(x0 + 7800000, 1300000, w, h), [gs.para(fx_run(
        "Inner shadow", 40, "FFC000", inner(38100, 38100, 45, alpha=80000), b=True),
        algn="ctr")]))
    # one run of three has a shadow; an empty effectLst takes none
    s.add(text_box("mixed runs", xfrm(x0, 2500000, w + 400000, h), [gs.para(
        fx_run("plain ", 28, "000000"),
        fx_run("shadowed", 28, "C00000", outer(38100, 50800, 90, alpha=70000), b=True),
        fx_run(" plain", 28, "000000", ""), algn="ctr")]))
    # shape effects on a box with no fill and no line fall from the glyphs
    s.add(text_box("shape shadow, no fill", xfrm(x0 + 4300000, 2500000, w, h),
                   [gs.para(gs.run("Shape shadow", sz=36, b=True, color=srgb("385723")),
                            algn="ctr")],
                   effects=outer(63500, 50800, 45, alpha=55000)))
    s.add(text_box("shape glow, no fill", xfrm(x0 + 7900000, 2500000, w - 300000, h),
                   [gs.para(gs.run("Shape glow", sz=36, b=True, color=srgb("FFFFFF")),
                            algn="ctr")],
                   effects=glow(76200, "7030A0", 80000)))
    # rotated: the shadow keeps its page direction (rotWithShape 0)
    s.add(text_box("rotated shape shadow", xfrm(x0, 3900000, w, h, rot=-10),
                   [gs.para(gs.run("Rotated -10", sz=32, b=True, color=srgb("2E75B6")),
                            algn="ctr")],
                   effects=outer(25400, 63500, 90, alpha=60000)))
    # a filled card: its own shadow under the box, its run's under the text
    s.add(shape("card with text shadow", xfrm(x0 + 4300000, 3800000, w, 1200000), "roundRect",
                fill=solid(srgb("DEEBF7")),
                ln=elem("a:ln", "<a:noFill/>") + elem("a:effectLst",
                                                       outer(50800, 25400, 90, alpha=35000)),
                style=False,
                text=[gs.para(fx_run("Card text", 32, "FFFFFF",
                                     outer(25400, 25400, 45, "1F3864", 90000), b=True))]))
    # a box with no fill and a reflection: the text is reflected
    s.add(text_box("reflected text", xfrm(x0 + 8200000, 3700000, w - 600000, 800000),
                   [gs.para(gs.run("Reflected", sz=36, b=True, color=srgb("C55A11")),
                            algn="ctr")],
                   effects=elem("a:reflection", blurRad=6350, stA=pct(50000), endA=pct(300),
                                endPos=pct(55000), dir=deg(90), sy=pct(-100000), algn="bl",
                                rotWithShape=False)))
    # list-style inheritance: the body's lstStyle gives every run a shadow
    lst = elem("a:lvl1pPr", elem("a:defRPr", elem("a:effectLst", outer(
        19050, 19050, 45, alpha=60000))))
    s.add(elem("p:sp", gs._nv_sp("list style shadow", txbox=True)
               + gs.sp_pr(xfrm(x0, 5400000, 11000000, 700000), "rect", None, gs.no_fill())
               + gs.tx_body([gs.para(gs.run("Every run of this box has the shadow its "
                                            "lstStyle gives", sz=24, color=srgb("000000")))],
                            lst_style=lst, anchor="ctr", wrap="square", rtl_col=False)))


def slide_preset_shadows(d):
    s = d.slide("titleOnly").add(gs.slide_title("Preset shadows (a:prstShdw)", sz=24))
    cols, cw, ch = 5, 1700000, 750000
    for i in range(20):
        r, c = divmod(i, cols)
        x, y = 700000 + c * (cw + 500000), 1500000 + r * (ch + 450000)
        prst = elem("a:prstShdw", srgb("7F7F7F"), prst=f"shdw{i + 1}", dist=76200,
                    dir=deg(45))
        s.add(shape(f"shdw{i + 1}", xfrm(x, y, cw, ch), "roundRect",
                    fill=solid(srgb("4472C4")),
                    ln=elem("a:ln", "<a:noFill/>") + elem("a:effectLst", prst), style=False,
                    text=[gs.para(gs.run(f"shdw{i + 1}", sz=14, color=srgb("FFFFFF")))]))


def slide_cards(d):
    s = d.slide("titleOnly").add(gs.slide_title("24 shadowed cards", sz=24))
    cols, cw, ch = 6, 1700000, 1050000
    shadow = elem("a:outerShdw", srgb("000000", alpha=20000), blurRad=114300, dist=38100,
                  dir=deg(90), algn="bl", rotWithShape=False)
    for i in range(24):
        r, c = divmod(i, cols)
        x, y = 450000 + c * (cw + 180000), 1450000 + r * (ch + 180000)
        s.add(shape(f"card {i + 1}", xfrm(x, y, cw, ch), "roundRect",
                    adj={"adj": 8000}, fill=solid(srgb("FFFFFF")),
                    ln=elem("a:ln", "<a:noFill/>") + elem("a:effectLst", shadow), style=False,
                    text=[gs.para(gs.run(f"Card {i + 1}", sz=14, color=srgb("1F3864")))]))


def lin_grad(tile=None, flip=None, ang=0, rot_with_shape=True):
    stops = "".join(elem("a:gs", srgb(c), pos=pct(p))
                    for p, c in ((0, "FFFFFF"), (50000, "5B9BD5"), (100000, "1F3864")))
    kids = elem("a:gsLst", stops) + elem("a:lin", ang=deg(ang), scaled=False)
    if tile is not None:
        kids += elem("a:tileRect", **{k: pct(v) for k, v in tile.items()})
    return elem("a:gradFill", kids, flip=flip, rotWithShape=rot_with_shape)


def slide_gradient_tiles(d):
    s = d.slide("titleOnly").add(gs.slide_title("Gradient tiles, flips and turns", sz=24))
    cw, ch = 2400000, 1200000
    cases = [("tile r 50%, flip none", lin_grad(dict(r=50000), "none")),
             ("tile r 50%, flip x", lin_grad(dict(r=50000), "x")),
             ("tile r/b 50%, 45°, flip xy", lin_grad(dict(r=50000, b=50000), "xy", ang=45)),
             ("tile l/r -50% (larger)", lin_grad(dict(l=-50000, r=-50000), "none")),
             ("rot 30°, rotWithShape 1", lin_grad()),
             ("rot 30°, rotWithShape 0", lin_grad(rot_with_shape=False)),
             ("flipH", lin_grad()),
             ("flipV, 90°", lin_grad(ang=90))]
    for i, (text, fill) in enumerate(cases):
        r, c = divmod(i, 4)
        x, y = 500000 + c * (cw + 450000), 1400000 + r * (ch + 1100000)
        rot = 30 if text.startswith("rot") else None
        xf = xfrm(x, y, cw, ch, rot=rot, flip_h=text == "flipH",
                  flip_v=text.startswith("flipV"))
        s.add(shape(text, xf, "rect", fill=fill, ln=elem("a:ln", "<a:noFill/>"), style=False),
              gs.label(text, x, y + ch + 480000, cw, 300000, sz=11))


def build():
    with gs.using_flavor(gs.TRANSITIONAL):
        d = gs.Deck("Effects")
        slide_text_effects(d)
        slide_preset_shadows(d)
        slide_cards(d)
        slide_gradient_tiles(d)
        return gs.zip_bytes(d.build())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()
    data = build()
    (args.out / "effects.pptx").write_bytes(data)
    print(f"wrote {args.out / 'effects.pptx'}")


if __name__ == "__main__":
    main()
