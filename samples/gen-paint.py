#!/usr/bin/env python3
"""Generate samples/paint.pptx: pattern fills, path gradients, tiled
pictures and shape effects.

Usage:  python3 samples/gen-paint.py [--out DIR]

Standard library only, deterministic (same bytes on every run).  The deck
structure (theme, master, layouts, slides, zip) comes from gen-samples.py.

Slides:
  1  all 54 a:pattFill presets (ST_PresetPatternVal), dark blue on white
  2  path gradients: circle, rect and shape with fillToRect centred and in
     a corner, on a rectangle, an ellipse and a star; flipped and rotated
     shapes with rotWithShape 1 and 0
  3  tiled picture fills: plain tile, scaled (sx/sy), offset (tx/ty),
     flip x/y/xy, algn ctr/br; a tiled slide-sized background strip
  4  outer shadows: plain, scaled about algn (sx/sy 102 %), perspective
     (sy 23 % with kx skew), rotated shape with rotWithShape 1 and 0, a
     line-only shape; inner shadows
  5  glow, soft edges (shape and picture) and reflections (tight, half,
     full with blur), on shapes with text and on a picture
"""

import argparse
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
gs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gs)

elem, srgb, scheme, solid = gs.elem, gs.srgb, gs.scheme, gs.solid
xfrm, shape, label, pct, deg = gs.xfrm, gs.shape, gs.label, gs.pct, gs.deg

PATTERNS = [
    "pct5", "pct10", "pct20", "pct25", "pct30", "pct40", "pct50", "pct60", "pct70",
    "pct75", "pct80", "pct90", "horz", "vert", "ltHorz", "ltVert", "dkHorz", "dkVert",
    "narHorz", "narVert", "dashHorz", "dashVert", "cross", "dnDiag", "upDiag", "ltDnDiag",
    "ltUpDiag", "dkDnDiag", "dkUpDiag", "wdDnDiag", "wdUpDiag", "dashDnDiag", "dashUpDiag",
    "diagCross", "smCheck", "lgCheck", "smGrid", "lgGrid", "dotGrid", "smConfetti",
    "lgConfetti", "horzBrick", "diagBrick", "solidDmnd", "openDmnd", "dotDmnd", "plaid",
    "sphere", "weave", "divot", "shingle", "wave", "trellis", "zigZag",
]


def patt(prst, fg="1F3864", bg="FFFFFF"):
    return elem("a:pattFill", elem("a:fgClr", srgb(fg)) + elem("a:bgClr", srgb(bg)), prst=prst)


def path_grad(stops, path, ftr=None, tile=None, rot_with_shape=True, flip=None):
    gs_ = "".join(elem("a:gs", c, pos=pct(p)) for p, c in stops)
    kids = elem("a:gsLst", gs_) + elem("a:path", elem("a:fillToRect", **(ftr or {})), path=path)
    if tile is not None:
        kids += elem("a:tileRect", **tile)
    return elem("a:gradFill", kids, rotWithShape=rot_with_shape, flip=flip)


def tiled(rid, tx=0, ty=0, sx=100000, sy=100000, flip="none", algn="tl"):
    tile = elem("a:tile", tx=tx, ty=ty, sx=pct(sx), sy=pct(sy), flip=flip, algn=algn)
    return elem("a:blipFill", elem("a:blip", **{"r:embed": rid}) + "<a:srcRect/>" + tile,
                dpi=0, rotWithShape=True)


def fx_shape(name, xf, fill, effects, prst="rect", text=None, ln=None):
    """A shape with an explicit a:effectLst (no style, so no theme effect)."""
    ln_xml = (ln or "") + elem("a:effectLst", effects)
    return shape(name, xf, prst, fill=fill, ln=ln_xml, style=False,
                 text=[gs.para(gs.run(text, sz=12, color=srgb("FFFFFF")))] if text else None)


def outer(blur, dist=0, dir_=0, color="000000", alpha=40000, **kw):
    a = dict(blurRad=blur, dist=dist, dir=deg(dir_), rotWithShape=kw.pop("rot", False))
    a.update(kw)
    return elem("a:outerShdw", srgb(color, alpha=alpha), **a)


def slide_patterns(d):
    s = d.slide("titleOnly").add(gs.slide_title("Pattern fills (54 presets)", sz=24))
    cols, cw, ch, x0, y0 = 9, 1250000, 640000, 300000, 1250000
    for i, name in enumerate(PATTERNS):
        r, c = divmod(i, cols)
        x, y = x0 + c * (cw + 50000), y0 + r * (ch + 250000)
        s.add(shape(name, xfrm(x, y, cw, ch), fill=patt(name),
                    ln=gs.outlined("7F7F7F", 6350), style=False),
              label(name, x, y + ch, cw, 230000, sz=9))


def slide_gradients(d):
    s = d.slide("titleOnly").add(gs.slide_title("Path gradients", sz=24))
    stops = [(0, srgb("FFFFFF")), (50000, srgb("FFC000")), (100000, srgb("C00000"))]
    centre = dict(l=pct(50000), t=pct(50000), r=pct(50000), b=pct(50000))
    corner = dict(l=pct(100000), t=pct(100000))          # bottom-right corner point
    cases = [("circle", centre, "rect"), ("rect", centre, "rect"), ("shape", centre, "rect"),
             ("circle", corner, "rect"), ("rect", corner, "rect"), ("shape", centre, "ellipse"),
             ("rect", centre, "ellipse"), ("shape", centre, "star5")]
    for i, (path, ftr, prst) in enumerate(cases):
        x, y = 350000 + (i % 4) * 2950000, 1250000 + (i // 4) * 1800000
        where = "centre" if ftr is centre else "corner"
        s.add(shape(f"{path} {where}", xfrm(x, y, 2400000, 1250000), prst,
                    fill=path_grad(stops, path, ftr), style=False),
              label(f'path="{path}" fillToRect {where} ({prst})', x - 100000, y + 1260000,
                    2600000, 300000, sz=10))
    # a rect gradient whose fill rect covers the right half: the flat centre
    # strip runs top to bottom
    half = dict(l=pct(50000), t=pct(0), r=pct(0), b=pct(0))
    s.add(shape("rect half", xfrm(350000, 5000000, 2400000, 1100000), "rect",
                fill=path_grad(stops, "rect", half), style=False),
          label("rect, fillToRect l=50% (flat right half)", 250000, 6150000, 2600000, 300000, sz=10))
    rot_stops = [(0, srgb("FFFFFF")), (100000, srgb("2E75B6"))]
    off = dict(l=pct(0), t=pct(0), r=pct(100000), b=pct(100000))  # top-left point
    for i, (rws, rot, flip) in enumerate(((True, 30, False), (False, 30, False),
                                          (True, 0, True))):
        x = 3300000 + i * 2950000
        s.add(shape(f"rot {i}", xfrm(x + 300000, 5050000, 1800000, 900000, rot=rot, flip_h=flip),
                    "rect",
                    fill=path_grad(rot_stops, "rect", off, rot_with_shape=rws), style=False),
              label(f"top-left centre, rot {rot}, flipH {int(flip)}, rotWithShape {int(rws)}",
                    x - 100000, 6300000, 2600000, 300000, sz=10))


def slide_tiles(d):
    s = d.slide("titleOnly").add(gs.slide_title("Tiled picture fills", sz=24))
    rid = s.image(gs.image("quadrants.png"))      # 96 x 64 px at 96 dpi = 914400 x 609600
    cases = [("tile", {}), ("sx=sy=50%", dict(sx=50000, sy=50000)),
             ("tx=ty=0.25in", dict(tx=228600, ty=228600)), ("flip x", dict(flip="x")),
             ("flip y", dict(flip="y")), ("flip xy", dict(flip="xy")),
             ("algn ctr", dict(algn="ctr")), ("algn br, sx=sy=75%", dict(algn="br", sx=75000,
                                                                          sy=75000))]
    for i, (text, kw) in enumerate(cases):
        x, y = 350000 + (i % 4) * 2950000, 1300000 + (i // 4) * 2300000
        s.add(shape(text, xfrm(x, y, 2400000, 1700000), "rect", fill=tiled(rid, **kw),
                    ln=gs.outlined(), style=False),
              label(text, x, y + 1720000, 2400000, 300000, sz=12))
    s.add(shape("ellipse tile", xfrm(4500000, 5950000, 3200000, 800000), "ellipse",
                fill=tiled(rid, sx=40000, sy=40000), style=False))


def slide_shadows(d):
    s = d.slide("titleOnly").add(gs.slide_title("Outer and inner shadows", sz=24))
    fill = solid(srgb("F2F5FB"))
    cases = [
        ("plain: blur 9pt dist 3pt down", outer(114300, 38100, 90, alpha=35000)),
        ("sx=sy=102% algn ctr, no dist", outer(63500, 0, 0, sx=pct(102000), sy=pct(102000),
                                               algn="ctr")),
        ("perspective: sy 23% kx -40° algn bl", outer(76200, 0, 0, sy=pct(23000),
                                                       kx=deg(-40), algn="bl")),
        ("hard shadow, no blur, dist 6pt 45°", outer(0, 76200, 45, color="7F7F7F", alpha=100000)),
    ]
    for i, (text, fx) in enumerate(cases):
        x = 400000 + i * 2950000
        s.add(fx_shape(text, xfrm(x, 1500000, 2300000, 1300000), fill, fx, prst="roundRect"),
              label(text, x - 150000, 2950000, 2600000, 450000, sz=11))
    # rotated shapes: the shadow turns with the shape only with rotWithShape
    for i, rot in enumerate((True, False)):
        x = 400000 + i * 2950000
        s.add(fx_shape(f"rot {rot}", xfrm(x, 3900000, 2300000, 1300000, rot=30),
                       solid(srgb("5B9BD5")), outer(50800, 152400, 90, alpha=50000, rot=rot)),
              label(f"rot 30°, dist 12pt down, rotWithShape {int(rot)}", x - 150000, 5650000,
                    2600000, 450000, sz=11))
    inner = elem("a:innerShdw", srgb("000000", alpha=60000), blurRad=127000, dist=63500,
                 dir=deg(45))
    s.add(fx_shape("inner", xfrm(6300000, 3900000, 2300000, 1300000), solid(srgb("FFC000")),
                   inner, prst="ellipse", text="inner shadow"),
          label("innerShdw blur 10pt dist 5pt 45°", 6150000, 5650000, 2600000, 450000, sz=11))
    s.add(fx_shape("line only", xfrm(9250000, 3900000, 2300000, 1300000), "<a:noFill/>",
                   outer(38100, 38100, 90, alpha=60000), prst="triangle",
                   ln=gs.line(38100, solid(srgb("C00000")))),
          label("outline only: shadow of the stroke", 9100000, 5650000, 2600000, 450000, sz=11))


def slide_glow_soft_reflection(d):
    s = d.slide("titleOnly").add(gs.slide_title("Glow, soft edges, reflection", sz=24))
    glow = elem("a:glow", srgb("FFC000", alpha=60000), rad=228600)
    s.add(fx_shape("glow", xfrm(500000, 1500000, 2200000, 1200000), solid(srgb("4472C4")), glow,
                   prst="roundRect", text="glow 18pt"),
          fx_shape("glow star", xfrm(3300000, 1400000, 1500000, 1400000),
                   solid(srgb("70AD47")), elem("a:glow", srgb("70AD47", alpha=40000),
                                              rad=101600), prst="star5"))
    s.add(fx_shape("soft", xfrm(5500000, 1500000, 2200000, 1200000), solid(srgb("C00000")),
                   elem("a:softEdge", rad=127000), text="softEdge 10pt"))
    pic = gs.picture("soft picture", s.image(gs.image("quadrants.jpeg")),
                     xfrm(8500000, 1400000, 2400000, 1600000))
    pic = pic.replace("</p:spPr>", elem("a:effectLst", elem("a:softEdge", rad=254000))
                      + "</p:spPr>")
    s.add(pic, label("picture, softEdge 20pt", 8500000, 3050000, 2400000, 300000, sz=11))
    refl = [("tight", dict(blurRad=6350, stA=pct(52000), endA=pct(300), endPos=pct(35000),
                          dir=deg(90), sy=pct(-100000), algn="bl", rotWithShape=False)),
            ("half, 4pt offset", dict(blurRad=6350, stA=pct(50000), endA=pct(300),
                                       endPos=pct(55000), dist=50800, dir=deg(90),
                                       sy=pct(-100000), algn="bl", rotWithShape=False)),
            ("full, blur 6pt", dict(blurRad=76200, stA=pct(50000), endA=pct(0),
                                     endPos=pct(100000), dir=deg(90), sy=pct(-100000),
                                     algn="bl", rotWithShape=False))]
    for i, (text, a) in enumerate(refl):
        x = 500000 + i * 2900000
        s.add(fx_shape(text, xfrm(x, 3700000, 2200000, 1100000), solid(srgb("2E75B6")),
                       elem("a:reflection", **a), prst="roundRect", text=f"reflection {text}"))
    pic = gs.picture("reflected picture", s.image(gs.image("quadrants.png")),
                     xfrm(9200000, 3600000, 1800000, 1200000))
    pic = pic.replace("</p:spPr>", elem("a:effectLst", elem(
        "a:reflection", blurRad=6350, stA=pct(50000), endA=pct(300), endPos=pct(90000),
        dir=deg(90), sy=pct(-100000), algn="bl", rotWithShape=False)) + "</p:spPr>")
    s.add(pic)


def build():
    with gs.using_flavor(gs.TRANSITIONAL):
        d = gs.Deck("Paint")
        slide_patterns(d)
        slide_gradients(d)
        slide_tiles(d)
        slide_shadows(d)
        slide_glow_soft_reflection(d)
        return gs.zip_bytes(d.build())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()
    (args.out / "paint.pptx").write_bytes(build())
    print(f"wrote {args.out / 'paint.pptx'} (5 slides)")


if __name__ == "__main__":
    main()
