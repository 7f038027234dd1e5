#!/usr/bin/env python3
"""Generate samples/emfplus.pptx: EMF+ dual pictures written record by record.

Usage:  python3 samples/gen-emfplus.py [--out DIR]

Standard library only, deterministic. The EMF writer comes from
gen-metafile.py, the deck from gen-samples.py; the EMF+ records
([MS-EMFPLUS]) are built here and stored in EMR_COMMENTs, as GDI+ writes
them. Every picture also carries an EMF fallback drawn in red with the
word "fallback": it must not show, since the EMF+ records are played
(except the GDI text after GetDC, which must).

Slides:
  1  shapes: FillRects (inline ARGB colours, alpha), DrawRects, FillPolygon
     (16-bit and relative points), DrawLines (dashed, wide, round caps),
     FillEllipse, DrawEllipse, FillPie, DrawPie, DrawArc, DrawBeziers,
     FillPath/DrawPath of a path object (lines, Beziers, closed figures),
     hatch brush objects
  2  gradients, transforms, clipping: linear gradient brushes (two
     colours, preset colours under a brush transform, blend factors),
     world transforms (rotate, translate, scale, multiply, reset),
     Save/Restore, BeginContainer, page transform in millimetres,
     SetClipRect, SetClipPath, SetClipRegion (rectangle minus rectangle),
     ResetClip
  3  images and GetDC: DrawImage of a PNG bitmap object, DrawImagePoints of
     a 32-bit ARGB bitmap onto a skewed parallelogram, a bitmap split over
     two continued Object records, GDI text after GetDC
  4  text: DrawString in layout rectangles (wrapped, centred, right and
     bottom aligned, clipped), font styles and units (pixels, points),
     rotated by the world transform, a gradient brush; DrawDriverString
     with per-glyph positions and with realized advances
"""

import importlib.util
import math
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name, file):
    spec = importlib.util.spec_from_file_location(name, HERE / file)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


gm = _load("gen_metafile", "gen-metafile.py")
gs = gm.gs

# record types
HEADER, EOF, GETDC, OBJECT = 0x4001, 0x4002, 0x4004, 0x4008
FILLRECTS, DRAWRECTS, FILLPOLYGON, DRAWLINES = 0x400A, 0x400B, 0x400C, 0x400D
FILLELLIPSE, DRAWELLIPSE, FILLPIE, DRAWPIE, DRAWARC = 0x400E, 0x400F, 0x4010, 0x4011, 0x4012
FILLREGION, FILLPATH, DRAWPATH, DRAWBEZIERS = 0x4013, 0x4014, 0x4015, 0x4019
DRAWIMAGE, DRAWIMAGEPOINTS = 0x401A, 0x401B
SETANTIALIAS, SAVE, RESTORE, BEGINCONTAINER, ENDCONTAINER = 0x401E, 0x4025, 0x4026, 0x4027, 0x4029
SETWORLD, RESETWORLD, MULTIPLYWORLD = 0x402A, 0x402B, 0x402C
TRANSLATEWORLD, SCALEWORLD, ROTATEWORLD, SETPAGE = 0x402D, 0x402E, 0x402F, 0x4030
RESETCLIP, SETCLIPRECT, SETCLIPPATH, SETCLIPREGION = 0x4031, 0x4032, 0x4033, 0x4034
VERSION = 0xDBC01002
OT_BRUSH, OT_PEN, OT_PATH, OT_REGION, OT_IMAGE = 1, 2, 3, 4, 5


def argb(hexstr, alpha=255):
    return alpha << 24 | int(hexstr, 16)


def floats(*v):
    return struct.pack("<" + "f" * len(v), *v)


def solid_brush(c):
    return struct.pack("<III", VERSION, 0, c)


def hatch_brush(style, fore, back):
    return struct.pack("<IIIII", VERSION, 1, style, fore, back)


def linear_brush(rect, c0, c1, wrap=0, xform=None, preset=None, factors=None):
    flags = (2 if xform else 0) | (4 if preset else 0) | (8 if factors else 0)
    data = struct.pack("<IIIi", VERSION, 4, flags, wrap) + floats(*rect)
    data += struct.pack("<IIII", c0, c1, 0, 0)
    if xform:
        data += floats(*xform)
    if preset:
        data += struct.pack("<I", len(preset)) + floats(*(p for p, _ in preset))
        data += b"".join(struct.pack("<I", c) for _, c in preset)
    if factors:
        data += struct.pack("<I", len(factors)) + floats(*(p for p, _ in factors))
        data += floats(*(f for _, f in factors))
    return data


def pen(width, brush, unit=0, style=None, cap=None, join=None):
    """An EmfPlusPen: optional start/end caps, join, line style."""
    flags, opt = 0, b""
    if cap is not None:
        flags |= 0x02 | 0x04
        opt += struct.pack("<ii", cap, cap)
    if join is not None:
        flags |= 0x08
        opt += struct.pack("<i", join)
    if style is not None:
        flags |= 0x20
        opt += struct.pack("<i", style)
    return struct.pack("<IIII", VERSION, 0, flags, unit) + floats(width) + opt + brush


def path(points, types):
    """An EmfPlusPath with float points; types: 0 start, 1 line, 3 Bezier,
    0x80 closes the figure."""
    data = struct.pack("<III", VERSION, len(points), 0)
    data += b"".join(floats(x, y) for x, y in points)
    data += bytes(types)
    return gm.pad4(data)


def relative_points(points):
    """EmfPlusPointR: each coordinate as a 7-bit or 15-bit signed delta."""
    out, px, py = b"", 0, 0
    for x, y in points:
        for d in (x - px, y - py):
            if -64 <= d <= 63:
                out += bytes([d & 0x7F])
            else:
                out += bytes([0x80 | (d >> 8) & 0x7F, d & 0xFF])
        px, py = x, y
    return out


def bitmap_png(png):
    return struct.pack("<IIiiiII", VERSION, 1, 0, 0, 0, 0, 1) + png


def bitmap_argb(w, h, pixel):
    rows = b"".join(struct.pack("<I", pixel(x, y)) for y in range(h) for x in range(w))
    return struct.pack("<IIiiiII", VERSION, 1, w, h, w * 4, 0x0026200A, 0) + rows


class Plus:
    """EMF+ records appended to an Emf, each in its own EMR_COMMENT."""

    def __init__(self, emf):
        self.emf = emf
        self.rec(HEADER, 1, struct.pack("<IIII", VERSION, 0, 96, 96))

    def rec(self, rtype, flags=0, data=b""):
        data = gm.pad4(data)
        plus = struct.pack("<HHII", rtype, flags, 12 + len(data), len(data)) + data
        payload = b"EMF+" + plus
        self.emf.rec(70, struct.pack("<I", len(payload)) + payload)
        return self

    def obj(self, oid, otype, data):
        return self.rec(OBJECT, otype << 8 | oid, data)

    def obj_split(self, oid, otype, data, cut):
        """An object over two records with the continuation flag."""
        total = struct.pack("<I", len(data))
        self.rec(OBJECT, 0x8000 | otype << 8 | oid, total + data[:cut])
        return self.rec(OBJECT, 0x8000 | otype << 8 | oid, total + data[cut:])

    def fill_rects(self, color, rects):
        data = struct.pack("<II", color, len(rects)) + b"".join(floats(*r) for r in rects)
        return self.rec(FILLRECTS, 0x8000, data)

    def end(self):
        return self.rec(EOF)


def fallback(e):
    """The EMF drawing a GDI+ player must skip: red, with a word."""
    e.pen(1, "FF0000", 6).brush(2, "FF0000").select(1).select(2)
    e.rectangle(20, 20, 380, 280)
    e.font(3, -40, "Liberation Sans", weight=700).select(3)
    e.u32(24, gm.color("FFFFFF")).u32(18, 1).u32(22, 6 | 24)
    e.text(200, 160, "fallback")


def emfplus_shapes():
    e = gm.Emf(400, 300)
    p = Plus(e)
    p.rec(SETANTIALIAS, 0x0401)
    p.fill_rects(argb("4472C4"), [(10, 10, 90, 60)])
    p.fill_rects(argb("ED7D31", 128), [(50, 40, 90, 60)])        # half transparent
    p.obj(0, OT_PEN, pen(3, solid_brush(argb("1F3864"))))
    p.rec(DRAWRECTS, 0, struct.pack("<I", 2) + floats(150, 10, 100, 50, 160, 20, 80, 30))
    p.obj(1, OT_BRUSH, hatch_brush(5, argb("C00000"), argb("FFF2CC")))
    p.rec(FILLELLIPSE, 0, struct.pack("<I", 1) + floats(270, 10, 120, 80))
    p.obj(2, OT_PEN, pen(6, solid_brush(argb("548235")), style=1))
    p.rec(DRAWELLIPSE, 2, floats(280, 20, 100, 60))
    # FillPolygon with 16-bit points, then with relative points
    tri = [(20, 170), (60, 100), (100, 170)]
    p.rec(FILLPOLYGON, 0x8000 | 0x4000,
          struct.pack("<II", argb("70AD47"), 3) + b"".join(struct.pack("<hh", *q) for q in tri))
    star = [(160, 100), (172, 135), (208, 135), (179, 156), (190, 190), (160, 169),
            (130, 190), (141, 156), (112, 135), (148, 135)]
    p.rec(FILLPOLYGON, 0x8000 | 0x0800,
          struct.pack("<II", argb("FFC000"), len(star)) + relative_points(star))
    p.obj(3, OT_PEN, pen(8, solid_brush(argb("7030A0", 200)), cap=2, join=2))
    p.rec(DRAWLINES, 3, struct.pack("<I", 4) + floats(230, 170, 260, 110, 290, 170, 320, 110))
    p.obj(4, OT_PEN, pen(2, solid_brush(argb("000000")), style=2))
    p.rec(DRAWBEZIERS, 4, struct.pack("<I", 4) + floats(330, 180, 350, 90, 390, 200, 395, 110))
    # pies and arcs
    p.rec(FILLPIE, 0x8000, struct.pack("<I", argb("5B9BD5")) + floats(-30, 240)
          + floats(10, 200, 90, 90))
    p.rec(DRAWPIE, 0, floats(0, 90) + floats(110, 200, 90, 90))
    p.rec(DRAWARC, 3, floats(180, 180) + floats(210, 210, 80, 70))
    # a path object: a closed triangle and a closed Bezier drop
    p.obj(5, OT_PATH, path([(300, 200), (390, 200), (345, 290),
                            (330, 230), (320, 260), (370, 260), (360, 230)],
                           [0, 1, 0x81, 0, 3, 3, 0x83]))
    p.obj(6, OT_BRUSH, hatch_brush(0, argb("2F5597"), argb("DEEBF7")))
    p.rec(FILLPATH, 5, struct.pack("<I", 6))
    p.obj(7, OT_PEN, pen(2, solid_brush(argb("2F5597"))))
    p.rec(DRAWPATH, 5, struct.pack("<I", 7))
    p.end()
    fallback(e)
    return e.build()


def emfplus_transforms():
    e = gm.Emf(400, 300)
    p = Plus(e)
    p.rec(SETANTIALIAS, 0x0401)
    # two-colour gradient, preset colours under a rotation, blend factors
    p.obj(0, OT_BRUSH, linear_brush((10, 10, 120, 60), argb("FFFFFF"), argb("2E75B6")))
    p.rec(FILLRECTS, 0, struct.pack("<II", 0, 1) + floats(10, 10, 120, 60))
    c, s = math.cos(math.radians(45)), math.sin(math.radians(45))
    p.obj(1, OT_BRUSH, linear_brush((0, 0, 60, 60), 0, 0, wrap=4,
                                    xform=(c, s, -s, c, 170, 10),
                                    preset=[(0, argb("C00000")), (0.5, argb("FFC000")),
                                            (1, argb("00B050"))]))
    p.rec(FILLELLIPSE, 0, struct.pack("<I", 1) + floats(140, 10, 120, 60))
    p.obj(2, OT_BRUSH, linear_brush((270, 0, 120, 10), argb("000000"), argb("FF00FF"),
                                    factors=[(0, 0), (0.5, 1), (1, 0)]))
    p.rec(FILLRECTS, 0, struct.pack("<II", 2, 1) + floats(270, 10, 120, 60))
    # world transforms under Save/Restore
    p.rec(SAVE, 0, struct.pack("<I", 1))
    p.rec(TRANSLATEWORLD, 0, floats(70, 150))
    p.rec(ROTATEWORLD, 0, floats(30))
    p.fill_rects(argb("A9D18E"), [(-40, -25, 80, 50)])
    p.rec(SCALEWORLD, 0, floats(0.5, 0.5))
    p.fill_rects(argb("375623"), [(-40, -25, 80, 50)])
    p.rec(RESTORE, 0, struct.pack("<I", 1))
    p.rec(MULTIPLYWORLD, 0x2000, floats(1, 0, 0.5, 1, 0, 0))   # shear, appended
    p.fill_rects(argb("F4B183"), [(80, 110, 60, 60)])
    p.rec(RESETWORLD)
    # a container mapping 0..100 onto 160..240, and millimetre page units
    p.rec(BEGINCONTAINER, 2, floats(160, 110, 80, 80) + floats(0, 0, 100, 100)
          + struct.pack("<I", 7))
    p.fill_rects(argb("BF9000"), [(0, 0, 100, 100)])
    p.fill_rects(argb("FFE699"), [(25, 25, 50, 50)])
    p.rec(ENDCONTAINER, 0, struct.pack("<I", 7))
    p.rec(SETPAGE, 6, floats(1))                                  # millimetres at 96 dpi
    p.fill_rects(argb("8FAADC"), [(66, 29, 13, 13)])              # ~ 250..300, 110..160
    p.rec(SETPAGE, 2, floats(1))
    # clipping: rectangle, path, region (rectangle minus ellipse), reset
    p.rec(SETCLIPRECT, 0x0100, floats(320, 110, 40, 80))
    p.rec(FILLELLIPSE, 0x8000, struct.pack("<I", argb("7030A0")) + floats(310, 110, 80, 80))
    p.rec(RESETCLIP)
    p.obj(3, OT_PATH, path([(20, 210), (120, 210), (70, 295)], [0, 1, 0x81]))
    p.rec(SETCLIPPATH, 3)
    p.obj(4, OT_BRUSH, hatch_brush(4, argb("000000"), argb("FFFFFF")))
    p.rec(FILLRECTS, 0, struct.pack("<II", 4, 1) + floats(0, 200, 400, 100))
    p.rec(RESETCLIP)
    region = struct.pack("<III", VERSION, 2, 4)                   # exclude
    region += struct.pack("<I", 0x10000000) + floats(150, 210, 230, 80)
    region += struct.pack("<I", 0x10000000) + floats(250, 225, 30, 50)
    p.obj(5, OT_REGION, region)
    p.rec(SETCLIPREGION, 5)
    p.obj(6, OT_BRUSH, linear_brush((150, 0, 230, 10), argb("FF0000"), argb("0000FF")))
    p.rec(FILLRECTS, 0, struct.pack("<II", 6, 1) + floats(150, 210, 230, 80))
    p.rec(RESETCLIP)
    p.end()
    fallback(e)
    return e.build()


def emfplus_images():
    e = gm.Emf(400, 300)
    p = Plus(e)
    p.rec(SETANTIALIAS, 0x0401)
    p.obj(0, OT_IMAGE, bitmap_png(gs.png_quadrants(48, 32)))
    p.rec(DRAWIMAGE, 0, struct.pack("<Ii", 0xFFFFFFFF, 2) + floats(0, 0, 48, 32)
          + floats(10, 10, 180, 120))

    def disc(x, y):
        d = math.hypot(x - 15.5, y - 15.5) / 16
        a = 0 if d >= 1 else int(255 * (1 - d))
        return a << 24 | (200 * x // 31) << 16 | 80 << 8 | (255 - 200 * x // 31)
    p.obj(1, OT_IMAGE, bitmap_argb(32, 32, disc))
    pts = struct.pack("<hhhhhh", 230, 10, 390, 40, 200, 130)
    p.rec(DRAWIMAGEPOINTS, 0x4000 | 1, struct.pack("<Ii", 0xFFFFFFFF, 2)
          + floats(0, 0, 32, 32) + struct.pack("<I", 3) + pts)
    big = bitmap_png(gs.png_palette(64, 8))
    p.obj_split(2, OT_IMAGE, big, len(big) // 2)
    p.rec(DRAWIMAGE, 2, struct.pack("<Ii", 0xFFFFFFFF, 2) + floats(0, 0, 64, 64)
          + floats(10, 150, 120, 120))
    p.rec(GETDC)
    # GDI text after GetDC: drawn
    e.font(10, -26, "Liberation Sans").select(10)
    e.u32(24, gm.color("1F3864")).u32(18, 1).u32(22, 0)
    e.text(160, 180, "GDI after GetDC")
    p.fill_rects(argb("C55A11"), [(160, 230, 220, 8)])
    p.end()
    fallback(e)
    return e.build()


def font(em, family, style=0, unit=2):
    name = family.encode("utf-16-le")
    return gm.pad4(struct.pack("<IfIiII", VERSION, em, unit, style, 0, len(name) // 2) + name)


def string_format(halign=0, valign=0, flags=0):
    return struct.pack("<IIIIIIIIIIiIIII", VERSION, flags, 0, halign, valign, 0, 0, 0, 0,
                       0, 0, 0, 0, 0, 0)


def draw_string(p, font_id, color, fmt_id, rect, text):
    units = text.encode("utf-16-le")
    p.rec(0x401C, 0x8000 | font_id,
          struct.pack("<III", color, fmt_id, len(units) // 2) + floats(*rect) + units)


def emfplus_text():
    e = gm.Emf(400, 300)
    p = Plus(e)
    p.rec(SETANTIALIAS, 0x0401)
    p.obj(0, 6, font(16, "Liberation Sans"))
    p.obj(1, 6, font(12, "Liberation Serif", style=3, unit=3))        # bold italic, points
    p.obj(2, 6, font(22, "Liberation Sans", style=4))                 # underlined
    p.obj(3, 7, string_format())
    p.obj(4, 7, string_format(halign=1, valign=1))
    p.obj(5, 7, string_format(halign=2, valign=2))
    p.fill_rects(argb("DEEBF7"), [(10, 10, 180, 90), (210, 10, 180, 90), (10, 110, 180, 80)])
    draw_string(p, 0, argb("1F3864"), 3, (10, 10, 180, 90),
                "Near, wrapped inside its layout rectangle by words")
    draw_string(p, 1, argb("C00000"), 4, (210, 10, 180, 90), "Centred, bold italic 12 pt")
    draw_string(p, 0, argb("375623"), 5, (10, 110, 180, 80), "Far and bottom")
    p.obj(6, OT_BRUSH, linear_brush((210, 0, 180, 10), argb("7030A0"), argb("ED7D31")))
    p.rec(0x401C, 2, struct.pack("<III", 6, 3, 8) + floats(210, 120, 0, 0)
          + "Gradient".encode("utf-16-le"))
    p.rec(SAVE, 0, struct.pack("<I", 3))
    p.rec(TRANSLATEWORLD, 0, floats(215, 225))
    p.rec(ROTATEWORLD, 0, floats(-20))
    draw_string(p, 0, argb("BF9000"), 3, (0, 0, 0, 0), "rotated by the world")
    p.rec(RESTORE, 0, struct.pack("<I", 3))
    # DrawDriverString: one glyph per position, then a realized-advance run
    glyphs = "Glyphs"
    pos = [(20 + 24 * i, 240 + (8 if i % 2 else 0)) for i in range(len(glyphs))]
    p.rec(0x4036, 0x8000 | 2, struct.pack("<IIII", argb("2F5597"), 1, 0, len(glyphs))
          + glyphs.encode("utf-16-le") + b"".join(floats(*q) for q in pos))
    run = "advances"
    p.rec(0x4036, 0x8000 | 0, struct.pack("<IIII", argb("000000"), 1 | 4, 0, len(run))
          + run.encode("utf-16-le") + b"".join(floats(200, 270) for _ in run))
    p.end()
    fallback(e)
    return e.build()


def pic(s, name, key, data, x, y, cx, cy):
    return gs.picture(name, s.image(gs.Image(key, data, "emf")), gs.xfrm(x, y, cx, cy))


def deck_emfplus():
    d = gs.Deck("EMF+")
    slides = [
        ("EMF+: shapes, pens, hatches, paths", "shapes.emf", emfplus_shapes(),
         "no red: the EMF fallback is not drawn"),
        ("EMF+: gradients, transforms, clipping", "transforms.emf", emfplus_transforms(),
         "gradients; rotated/sheared; container; mm page; clips"),
        ("EMF+: images, continued objects, GetDC", "images.emf", emfplus_images(),
         "PNG, ARGB skewed, split PNG; GDI text after GetDC"),
        ("EMF+: text", "text.emf", emfplus_text(),
         "DrawString in rectangles, styles, units, rotation; DrawDriverString"),
    ]
    for title, key, data, note in slides:
        s = d.slide("titleOnly").add(gs.slide_title(title))
        s.add(pic(s, title, key, data, 2000000, 1500000, 6800000, 5100000),
              gs.label(note, 8900000, 2000000, 3000000, 1500000, sz=14))
    return d


def main():
    gs.generator_main(__doc__, "emfplus.pptx", deck_emfplus, HERE)


if __name__ == "__main__":
    main()
