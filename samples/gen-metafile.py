#!/usr/bin/env python3
"""Generate samples/metafile.pptx: EMF and WMF pictures written byte by byte.

Usage:  python3 samples/gen-metafile.py [--out DIR]

Standard library only, deterministic (same bytes on every run); the deck
structure comes from gen-samples.py. The metafiles are built here record
by record ([MS-EMF], [MS-WMF]) so each slide exercises a few features of
the metafile player (src/metafile/).

Slides:
  1  EMF shapes: rectangle, round rectangle, ellipse, polygon, polyline,
     Bezier, arc, chord, pie; solid, dashed, wide pens with caps; solid,
     hatched and null brushes; ExtTextOutW with alignments, escapement and
     recorded advances
  2  EMF state: world transform (rotation), SaveDC/RestoreDC, clip
     rectangles (intersect, exclude), a path bracket filled even-odd, the
     anisotropic window/viewport mapping, StretchDIBits (24-bit) and
     BitBlt of a 1-bit DIB with its palette
  3  frames: the same EMF in a box of another aspect (stretched), with a
     frame larger than the drawing (margins kept), cropped by srcRect, at
     50 % alpha
  4  WMF with placeable header: shapes, polypolygon, palette colours,
     TextOut/ExtTextOut in code page 1252, a STRETCHDIB bitmap; and a WMF
     without placeable header (its window is the frame)
  5  what is not drawn is reported: an EMF+ dual file whose EMF+ records
     cannot all be played (DrawDriverString of glyph indexes: its EMF
     records are drawn, one diagnostic), an unsupported record (EMR_MASKBLT) and a
     truncated EMF (drawn up to the break)
  6  EMR_GRADIENTFILL (horizontal and vertical rectangles, triangles) and
     EMR_TRANSPARENTBLT (a key colour left out, stretched and cropped)
"""

import importlib.util
import math
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
gs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gs)

gs.IMAGE_TYPES.setdefault("emf", "image/x-emf")
gs.IMAGE_TYPES.setdefault("wmf", "image/x-wmf")


def utf16(text):
    return text.encode("utf-16-le")


def pad4(data):
    return data + b"\0" * (-len(data) % 4)


def color(rgb):
    """COLORREF from 'RRGGBB'."""
    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    return r | g << 8 | b << 16


# ---------------------------------------------------------------------------
# EMF records
# ---------------------------------------------------------------------------

class Emf:
    """An EMF being written: records appended in order, header last.

    Device: 10 pixels per millimetre; the frame is given in device units
    and written in 0.01 mm."""

    def __init__(self, width, height, frame=None, handles=16):
        self.w, self.h, self.handles = width, height, handles
        self.frame = frame or (0, 0, width, height)
        self.records = []

    def rec(self, rtype, payload=b""):
        payload = pad4(payload)
        self.records.append(struct.pack("<II", rtype, 8 + len(payload)) + payload)
        return self

    # state
    def u32(self, rtype, *values):
        return self.rec(rtype, struct.pack("<" + "I" * len(values), *values))

    def i32(self, rtype, *values):
        return self.rec(rtype, struct.pack("<" + "i" * len(values), *values))

    def pen(self, ih, rgb, width=1, style=0):
        return self.rec(38, struct.pack("<IIiiI", ih, style, width, 0, color(rgb)))

    def brush(self, ih, rgb, style=0, hatch=0):
        return self.rec(39, struct.pack("<IIII", ih, style, color(rgb), hatch))

    def font(self, ih, height, face, escapement=0, weight=400, italic=0):
        name = utf16(face)[:62].ljust(64, b"\0")
        lf = struct.pack("<iiiiiBBBBBBBB", height, 0, escapement, escapement, weight,
                         italic, 0, 0, 0, 0, 0, 0, 0) + name
        # ELW: full name, style, script (empty)
        return self.rec(82, struct.pack("<I", ih) + lf + b"\0" * (128 + 64 + 64))

    def select(self, ih):
        return self.u32(37, ih)

    def delete(self, ih):
        return self.u32(40, ih)

    # shapes
    def box(self, rtype, l, t, r, b, *extra):
        return self.i32(rtype, l, t, r, b, *extra)

    def rectangle(self, *ltrb):
        return self.box(43, *ltrb)

    def ellipse(self, *ltrb):
        return self.box(42, *ltrb)

    def round_rect(self, l, t, r, b, cw, ch):
        return self.box(44, l, t, r, b, cw, ch)

    def arc(self, rtype, ltrb, start, end):
        return self.box(rtype, *ltrb, *start, *end)

    def poly16(self, rtype, points):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        head = struct.pack("<iiiiI", min(xs), min(ys), max(xs), max(ys), len(points))
        return self.rec(rtype, head + b"".join(struct.pack("<hh", *p) for p in points))

    def polypoly16(self, rtype, polys):
        pts = [p for poly in polys for p in poly]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        head = struct.pack("<iiiiII", min(xs), min(ys), max(xs), max(ys), len(polys), len(pts))
        counts = b"".join(struct.pack("<I", len(poly)) for poly in polys)
        return self.rec(rtype, head + counts + b"".join(struct.pack("<hh", *p) for p in pts))

    def text(self, x, y, s, dx=None, options=0, rect=(0, 0, 0, -1)):
        """EMR_EXTTEXTOUTW: EMRTEXT after the 36-byte record head."""
        units = utf16(s)
        n = len(units) // 2
        off_string = 76
        off_dx = off_string + len(pad4(units)) if dx else 0
        emrtext = struct.pack("<iiIIIiiiiI", x, y, n, off_string, options, *rect, off_dx)
        body = struct.pack("<iiiiIff", 0, 0, 0, 0, 1, 0.0, 0.0) + emrtext + pad4(units)
        if dx:
            body += b"".join(struct.pack("<i", d) for d in dx)
        return self.rec(84, body)

    def xform(self, rtype, m, mode=None):
        data = struct.pack("<ffffff", *m)
        if mode is not None:
            data += struct.pack("<I", mode)
        return self.rec(rtype, data)

    def dib(self, width, height, bpp, rows, palette=()):
        """BITMAPINFO and bits of a bottom-up DIB; @rows top to bottom,
        each a bytes object of packed pixels."""
        header = struct.pack("<IiiHHIIiiII", 40, width, height, 1, bpp, 0, 0, 3780, 3780,
                             len(palette), 0)
        bmi = header + b"".join(struct.pack("<BBBB", b, g, r, 0) for r, g, b in palette)
        stride = (width * bpp + 31) // 32 * 4
        bits = b"".join(row.ljust(stride, b"\0") for row in reversed(rows))
        return bmi, bits

    def stretch_dibits(self, dest, bmi, bits, rop=0x00CC0020):
        x, y, w, h = dest
        bw, bh = struct.unpack_from("<ii", bmi, 4)
        off_bmi = 80
        off_bits = off_bmi + len(bmi)
        body = struct.pack("<" + "i" * 10 + "I" * 6 + "ii", x, y, x + w, y + h, x, y, 0, 0,
                           bw, abs(bh),
                           off_bmi, len(bmi), off_bits, len(bits), 0, rop, w, h)
        return self.rec(81, body + bmi + bits)

    def bitblt(self, dest, bmi, bits, rop=0x00CC0020):
        x, y, w, h = dest
        off_bmi = 100
        off_bits = off_bmi + len(bmi)
        body = (struct.pack("<iiiiiiiiIii", x, y, x + w, y + h, x, y, w, h, rop, 0, 0)
                + struct.pack("<ffffff", 1, 0, 0, 1, 0, 0)
                + struct.pack("<IIIIII", 0, 0, off_bmi, len(bmi), off_bits, len(bits)))
        return self.rec(76, body + bmi + bits)

    def transparent_blt(self, dest, bmi, bits, key, src_size):
        """EMR_TRANSPARENTBLT: StretchBlt's layout, the key colour in
        place of the raster operation."""
        x, y, w, h = dest
        off_bmi = 108
        off_bits = off_bmi + len(bmi)
        body = (struct.pack("<iiiiiiiiIii", x, y, x + w, y + h, x, y, w, h, color(key), 0, 0)
                + struct.pack("<ffffff", 1, 0, 0, 1, 0, 0)
                + struct.pack("<IIIIII", 0, 0, off_bmi, len(bmi), off_bits, len(bits))
                + struct.pack("<ii", *src_size))
        return self.rec(116, body + bmi + bits)

    def gradient_fill(self, vertices, objects, mode):
        """EMR_GRADIENTFILL: TRIVERTEXes (x, y, 'RRGGBB'), then rectangles
        (mode 0 horizontal, 1 vertical) or triangles (mode 2)."""
        body = struct.pack("<iiiiIII", 0, 0, 0, 0, len(vertices), len(objects), mode)
        for x, y, rgb in vertices:
            r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
            body += struct.pack("<iiHHHH", x, y, r << 8, g << 8, b << 8, 0)
        for o in objects:
            body += struct.pack("<" + "I" * len(o), *o)
        return self.rec(118, body)

    def emfplus_dual(self):
        """A GDI comment holding an EMF+ header record with the dual flag,
        and an EMF+ DrawDriverString of glyph indexes (not played: the EMF
        fallback is drawn)."""
        plus = struct.pack("<HHIIIIII", 0x4001, 1, 28, 16, 0xDBC01002, 0, 96, 96)
        plus += struct.pack("<HHII", 0x4036, 0x8000, 12 + 28, 28)
        plus += struct.pack("<IIIIHHff", 0xFF000000, 0, 0, 1, 36, 0, 10, 10)
        data = b"EMF+" + plus
        return self.rec(70, struct.pack("<I", len(data)) + data)

    def build(self):
        eof = struct.pack("<IIIII", 14, 20, 0, 16, 20)
        body = b"".join(self.records) + eof
        fl, ft, fr, fb = self.frame
        size = 108 + len(body)
        header = struct.pack(
            "<II iiii iiii 4s I I I HH III ii ii III ii",
            1, 108, 0, 0, self.w - 1, self.h - 1,
            fl * 10, ft * 10, fr * 10, fb * 10,     # 0.01 mm at 10 px/mm
            b" EMF", 0x10000, size, len(self.records) + 2, self.handles, 0,
            0, 0, 0, 1000, 1000, 100, 100, 0, 0, 0, 100000, 100000)
        assert len(header) == 108
        return header + body


def emf_shapes():
    e = Emf(400, 300)
    e.pen(1, "1F4E79", 4).brush(2, "9DC3E6").select(1).select(2)
    e.rectangle(10, 10, 110, 80)
    e.brush(3, "C00000", style=2, hatch=5).select(3)          # diagonal cross hatch
    e.round_rect(130, 10, 250, 80, 40, 40)
    e.pen(4, "375623", 10, style=0x10000 | 0x200).select(4)  # geometric, flat caps
    e.brush(5, "A9D18E").select(5)
    e.ellipse(270, 10, 390, 80)
    e.pen(6, "7030A0", 2, style=1).select(6).u32(18, 1)      # dashed, transparent gaps
    e.select(0x80000005)                                     # NULL_BRUSH
    e.poly16(86, [(20, 170), (60, 100), (100, 170)])          # POLYGON16
    e.pen(7, "C55A11", 6, style=0x10000 | 0x100).select(7)   # square caps
    e.poly16(87, [(120, 160), (150, 110), (180, 160), (210, 110)])   # POLYLINE16
    e.pen(8, "000000", 3).select(8)
    e.poly16(85, [(230, 170), (250, 90), (330, 190), (380, 100)])    # POLYBEZIER16
    e.brush(9, "FFD966").select(9)
    e.arc(45, (20, 190, 100, 270), (100, 230), (60, 190))     # ARC
    e.arc(46, (120, 190, 200, 270), (200, 230), (120, 230))   # CHORD
    e.arc(47, (220, 190, 300, 270), (300, 230), (260, 190))   # PIE
    e.font(10, -22, "Liberation Sans", weight=700).select(10)
    e.u32(24, color("1F3864")).u32(18, 1)                      # text colour, transparent
    e.u32(22, 6 | 24)                                          # TA_CENTER | TA_BASELINE
    e.text(345, 225, "EMF")
    e.font(11, -14, "Liberation Serif", escapement=900).select(11)
    e.u32(22, 0)                                               # TA_TOP | TA_LEFT
    e.text(370, 290, "up")
    e.font(12, -14, "Liberation Sans").select(12)
    e.text(310, 255, "w i d e", dx=[12] * 7)
    e.delete(10)
    return e.build()


def dib_quadrants(w=16, h=12):
    colors = [(0xC0, 0x00, 0x00), (0x00, 0x80, 0x00), (0x1F, 0x4E, 0x79), (0xFF, 0xC0, 0x00)]
    rows = []
    for y in range(h):
        row = b""
        for x in range(w):
            r, g, b = colors[(y >= h // 2) * 2 + (x >= w // 2)]
            row += bytes((b, g, r))
        rows.append(row)
    return rows


def emf_state():
    e = Emf(400, 300)
    e.pen(1, "000000", 2).brush(2, "F4B183").select(1).select(2)
    # SaveDC, rotate 20 degrees about (100, 75), draw, RestoreDC
    e.rec(33)
    a = math.radians(20)
    c, s = math.cos(a), math.sin(a)
    e.xform(35, (c, s, -s, c, 100 - 100 * c + 75 * s, 75 - 100 * s - 75 * c))
    e.rectangle(40, 40, 160, 110)
    e.i32(34, -1)
    # clip: intersect a rectangle, exclude a hole, then fill a big ellipse
    e.rec(33)
    e.i32(30, 220, 20, 380, 130)
    e.i32(29, 270, 50, 330, 100)
    e.brush(3, "5B9BD5").select(3)
    e.ellipse(200, 0, 400, 150)
    e.i32(34, -1)
    # path bracket: two overlapping squares filled even-odd
    e.u32(19, 1).brush(4, "70AD47").select(4)
    e.rec(59)
    e.poly16(86, [(20, 160), (120, 160), (120, 260), (20, 260)])
    e.poly16(86, [(60, 200), (160, 200), (160, 290), (60, 290)])
    e.rec(60)
    e.rec(63, struct.pack("<iiii", 0, 0, 0, 0))               # STROKEANDFILLPATH
    # anisotropic mapping: window 100 x 100 onto viewport 80 x 40 at (180, 170)
    e.rec(33)
    e.u32(17, 8)
    e.i32(9, 100, 100).i32(11, 80, 40).i32(12, 180, 170)
    e.brush(5, "FFC000").select(5)
    e.ellipse(0, 0, 100, 100)
    e.i32(34, -1)
    # bitmaps: a 24-bit DIB stretched, a 1-bit DIB with its palette
    bmi, bits = e.dib(16, 12, 24, dib_quadrants())
    e.stretch_dibits((280, 160, 100, 60), bmi, bits)
    rows = [bytes([0b10101010 if y % 2 else 0b01010101]) for y in range(8)]
    bmi, bits = e.dib(8, 8, 1, rows, palette=[(255, 255, 255), (192, 0, 0)])
    e.bitblt((280, 230, 8, 8), bmi, bits)
    e.stretch_dibits((300, 230, 60, 60), bmi, bits)
    return e.build()


def emf_framed():
    """A circle in a square, with a frame larger than the drawing."""
    e = Emf(200, 200, frame=(-50, -50, 250, 250))
    e.pen(1, "2F5597", 6).brush(2, "DAE3F3").select(1).select(2)
    e.rectangle(0, 0, 200, 200)
    e.brush(3, "ED7D31").select(3)
    e.ellipse(20, 20, 180, 180)
    e.font(4, -40, "Liberation Sans", weight=700).select(4)
    e.u32(22, 6 | 24).u32(18, 1).u32(24, color("FFFFFF"))
    e.text(100, 115, "EMF")
    return e.build()


def emf_dual_and_unsupported():
    e = Emf(300, 200)
    e.emfplus_dual()
    e.pen(1, "000000", 2).brush(2, "C5E0B4").select(1).select(2)
    e.round_rect(10, 10, 290, 90, 30, 30)
    # EMR_MASKBLT: not drawn, reported by name
    e.rec(78, struct.pack("<iiiiIII", 10, 110, 290, 190, 0, 0, 0))
    e.brush(3, "F8CBAD").select(3)
    e.rectangle(10, 110, 290, 190)
    return e.build()


def emf_gradients():
    e = Emf(400, 300)
    e.gradient_fill([(10, 10, "C00000"), (190, 90, "FFC000")], [(0, 1)], 0)
    e.gradient_fill([(210, 10, "1F4E79"), (390, 90, "9DC3E6")], [(0, 1)], 1)
    e.gradient_fill([(10, 290, "FF0000"), (100, 110, "00B050"), (190, 290, "0070C0"),
                     (280, 110, "FFFFFF"), (5, 5, "000000")],
                    [(0, 1, 2), (1, 2, 3), (0, 1, 9)], 2)    # the last: a bad index
    # a 24-bit DIB whose red quadrant is the transparent colour
    bmi, bits = e.dib(16, 12, 24, dib_quadrants())
    e.brush(1, "D9D9D9").select(1).select(0x80000008)
    e.rectangle(250, 140, 390, 290)
    e.transparent_blt((260, 150, 120, 90), bmi, bits, "C00000", (16, 12))
    e.transparent_blt((260, 250, 60, 30), bmi, bits, "FFC000", (8, 6))
    return e.build()


def emf_truncated():
    e = Emf(300, 200)
    e.pen(1, "000000", 2).brush(2, "BDD7EE").select(1).select(2)
    e.ellipse(10, 10, 290, 190)
    e.brush(3, "C00000").select(3)
    e.rectangle(100, 60, 200, 140)
    data = e.build()
    # cut inside the last rectangle record: the ellipse is drawn, then a
    # record whose size runs past the end stops the picture
    return data[:len(data) - 20 - 10]


# ---------------------------------------------------------------------------
# WMF records
# ---------------------------------------------------------------------------

class Wmf:
    def __init__(self, bbox=None, inch=1440, objects=16):
        self.bbox, self.inch, self.objects = bbox, inch, objects
        self.records = []

    def rec(self, fn, *words, data=b""):
        payload = b"".join(struct.pack("<h" if w < 0 else "<H", w) for w in words) + data
        if len(payload) % 2:
            payload += b"\0"
        self.records.append(struct.pack("<IH", 3 + len(payload) // 2, fn) + payload)
        return self

    def pen(self, rgb, width=1, style=0):
        return self.rec(0x02FA, style, width, 0, data=struct.pack("<I", color(rgb)))

    def brush(self, rgb, style=0, hatch=0):
        return self.rec(0x02FC, style, data=struct.pack("<IH", color(rgb), hatch))

    def font(self, height, face, weight=400, charset=0):
        return self.rec(0x02FB, height, 0, 0, 0, weight,
                        data=bytes((0, 0, 0, charset, 0, 0, 0, 0))
                        + face.encode("ascii")[:31].ljust(32, b"\0"))

    def build(self):
        body = b"".join(self.records) + struct.pack("<IH", 3, 0)
        size_words = (18 + len(body)) // 2
        max_rec = max(struct.unpack_from("<I", r)[0] for r in self.records)
        header = struct.pack("<HHHIHIH", 1, 9, 0x0300, size_words, self.objects, max_rec, 0)
        if not self.bbox:
            return header + body
        l, t, r, b = self.bbox
        head = struct.pack("<IHhhhhHI", 0x9AC6CDD7, 0, l, t, r, b, self.inch, 0)
        check = 0
        for (w,) in struct.iter_unpack("<H", head):
            check ^= w
        return head + struct.pack("<H", check) + header + body


def wmf_placeable():
    w = Wmf(bbox=(0, 0, 4000, 3000))
    w.rec(0x0103, 8)                               # MM_ANISOTROPIC
    w.rec(0x020B, 0, 0).rec(0x020C, 3000, 4000)    # window org, ext (y, x)
    # a palette: object 0; colours by PALETTEINDEX below
    pal = struct.pack("<HH", 0x0300, 2) + bytes((0x1F, 0x4E, 0x79, 0, 0xFF, 0xC0, 0x00, 0))
    w.rec(0x00F7, data=pal).rec(0x0234, 0)
    w.pen("000000", 30).rec(0x012D, 1)             # object 1
    w.rec(0x02FC, 0, data=struct.pack("<IH", 0x01000001, 0)).rec(0x012D, 2)  # palette index 1
    w.rec(0x041B, 1400, 1800, 200, 200)            # RECTANGLE b, r, t, l
    w.brush("9DC3E6").rec(0x012D, 3)
    w.rec(0x0418, 1400, 3800, 200, 2200)           # ELLIPSE
    w.rec(0x0106, 1)                               # ALTERNATE
    w.brush("A9D18E", style=2, hatch=3).rec(0x012D, 4)
    polys = [[(200, 2800), (1000, 1600), (1800, 2800)], [(700, 2600), (1000, 2100), (1300, 2600)]]
    pts = b"".join(struct.pack("<hh", *p) for poly in polys for p in poly)
    w.rec(0x0538, len(polys), *[len(p) for p in polys], data=pts)   # POLYPOLYGON
    # 8-bit text in code page 1252: curly quotes and the euro sign
    w.font(-260, "Liberation Sans", weight=700).rec(0x012D, 5)
    w.rec(0x0209, data=struct.pack("<I", color("7030A0")))
    w.rec(0x0102, 1)                               # TRANSPARENT
    text = b"\x93WMF\x94 \x80 5"
    w.rec(0x0521, len(text), data=text + (b"\0" if len(text) % 2 else b"")
          + struct.pack("<hh", 1700, 2200))
    w.rec(0x012E, 24)                              # TA_BASELINE
    text = b"ExtTextOut"
    w.rec(0x0A32, 2900, 2200, len(text), 0, data=text)
    # a 24-bit DIB stretched: STRETCHDIB
    e = Emf(1, 1)
    bmi, bits = e.dib(16, 12, 24, dib_quadrants())
    w.rec(0x0F43, 0x0020, 0x00CC, 0, 12, 16, 0, 0, 600, 1200, 2000, 2200, data=bmi + bits)
    return w.build()


def wmf_plain():
    w = Wmf()
    w.rec(0x0103, 8)
    w.rec(0x020B, 0, 0).rec(0x020C, 100, 200)
    w.pen("C00000", 4).rec(0x012D, 0)
    w.brush("FBE5D6").rec(0x012D, 1)
    w.rec(0x061C, 40, 40, 90, 190, 10, 10)         # ROUNDRECT h, w, b, r, t, l
    w.rec(0x0214, 50, 20).rec(0x0213, 50, 180)     # MOVETO, LINETO (y, x)
    return w.build()


# ---------------------------------------------------------------------------
# The deck
# ---------------------------------------------------------------------------

def pic(s, name, key, data, ext, x, y, cx, cy, **kw):
    img = gs.Image(key, data, ext)
    return gs.picture(name, s.image(img), gs.xfrm(x, y, cx, cy), **kw)


def deck_metafile():
    d = gs.Deck("Metafiles")
    label = gs.label

    s = d.slide("titleOnly").add(gs.slide_title("EMF: shapes, pens, brushes, text"))
    s.add(pic(s, "EMF shapes", "shapes.emf", emf_shapes(), "emf",
              2900000, 1600000, 6400000, 4800000))

    s = d.slide("titleOnly").add(gs.slide_title("EMF: transforms, clips, paths, bitmaps"))
    s.add(pic(s, "EMF state", "state.emf", emf_state(), "emf", 2000000, 1500000, 6800000, 5100000),
          label("rotated (SaveDC); clip with hole; even-odd path; window/viewport; DIBs",
                8900000, 2000000, 3000000, 1500000, sz=14))

    s = d.slide("titleOnly").add(gs.slide_title("EMF frames in picture boxes"))
    framed = emf_framed()
    s.add(pic(s, "Square", "framed.emf", framed, "emf", 500000, 1800000, 2500000, 2500000),
          pic(s, "Stretched", "framed.emf", framed, "emf", 3300000, 1800000, 4000000, 2500000),
          pic(s, "Cropped", "framed.emf", framed, "emf", 7600000, 1800000, 1700000, 2500000,
              src_rect=dict(l=gs.pct(16667), r=gs.pct(16667))),
          label("frame 300 x 300 around a 200 x 200 drawing", 500000, 4500000, 2500000, sz=12),
          label("same, stretched to 8:5", 3300000, 4500000, 4000000, sz=12),
          label("srcRect l=r=16.7 %", 7600000, 4500000, 1700000, sz=12))
    s.add(gs.elem("p:pic", gs.elem("p:nvPicPr", gs.elem("p:cNvPr", id=gs.AUTO_ID,
                                                        name="Half transparent")
                                   + "<p:cNvPicPr/><p:nvPr/>")
                  + gs.elem("p:blipFill", gs.elem("a:blip", '<a:alphaModFix amt="50000"/>',
                                                  **{"r:embed": s.image(gs.Image(
                                                      "framed.emf", framed, "emf"))})
                            + "<a:stretch><a:fillRect/></a:stretch>")
                  + gs.sp_pr(gs.xfrm(9600000, 1800000, 2500000, 2500000), "rect")),
          label("alpha 50 %", 9600000, 4500000, 2500000, sz=12))

    s = d.slide("titleOnly").add(gs.slide_title("WMF: placeable and plain"))
    s.add(pic(s, "WMF placeable", "placeable.wmf", wmf_placeable(), "wmf",
              600000, 1500000, 6400000, 4800000),
          pic(s, "WMF plain", "plain.wmf", wmf_plain(), "wmf", 7600000, 2000000, 4000000, 2000000),
          label("no placeable header: the window is the frame", 7600000, 4200000, 4000000, sz=12))

    s = d.slide("titleOnly").add(gs.slide_title("Reported: EMF+, unsupported, truncated"))
    s.add(pic(s, "EMF+ dual", "dual.emf", emf_dual_and_unsupported(), "emf",
              600000, 2000000, 4500000, 3000000),
          pic(s, "Truncated", "truncated.emf", emf_truncated(), "emf",
              6600000, 2000000, 4500000, 3000000),
          label("EMF+ dual (fallback drawn); MASKBLT not drawn", 600000, 5200000,
                4500000, sz=12),
          label("truncated: drawn up to the break", 6600000, 5200000, 4500000, sz=12))

    s = d.slide("titleOnly").add(gs.slide_title("EMF: GradientFill, TransparentBlt"))
    s.add(pic(s, "EMF gradients", "gradients.emf", emf_gradients(), "emf",
              2000000, 1500000, 6800000, 5100000),
          label("rectangles H and V; Gouraud triangles; red and orange keyed out",
                8900000, 2000000, 3000000, 1500000, sz=14))
    return d


def main():
    gs.generator_main(__doc__, "metafile.pptx", deck_metafile, HERE)


if __name__ == "__main__":
    main()
