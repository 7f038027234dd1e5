#!/usr/bin/env python3
"""Generate samples/pictures2.pptx: picture formats and picture effects.

Usage:  python3 samples/gen-pictures2.py [--out DIR]

Standard library only, deterministic (same bytes on every run). The deck
structure comes from gen-samples.py; this script writes the pictures
itself: GIF (LZW, animated and transparent), BMP (24-bit, 8-bit palette,
RLE8, 32-bit with an alpha mask in a v5 header), WebP (VP8L lossless,
written with fixed 8-bit prefix codes) and SVG (text).

Slides:
  1  GIF: opaque (two frames: only the first, red/green/blue/yellow, is
     drawn), transparent index over a black/white backdrop, interlaced
  2  BMP: 24-bit bottom-up, 8-bit palette top-down, RLE8, 32-bit BGRA with
     an alpha mask (over the backdrop)
  3  WebP lossless with alpha (over the backdrop); JPEG XR (.wdp): not
     decodable, a diagnostic and an empty area
  4  SVG: asvg:svgBlip with a (grey) PNG fallback -> the SVG is drawn;
     a broken SVG -> its PNG fallback is drawn (diagnostic); an SVG
     referenced directly (image/svg+xml), stretched 2:1; an SVG whose
     <image> names a file outside the deck: not loaded
  5  recolour: original, grayscl, duotone (accent1 dark .. white), biLevel
     50 %, clrChange white -> transparent over the backdrop, lum bright
     +40 % / contrast -40 %, alphaModFix 40 %, srcRect with negative
     insets (picture shrunk inside its frame)
  6  an OLE object (graphicFrame, p:oleObj, mc:Fallback p:pic preview),
     a PowerPoint 2007 OLE object (no p:pic: its preview is the
     v:imagedata of the VML shape whose o:spid is the oleObj's spid, in
     the slide's vmlDrawing part) and a video (p:pic with a:videoFile,
     poster frame picture)
"""

import argparse
import importlib.util
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
gs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gs)

gs.IMAGE_TYPES.update({"gif": "image/gif", "bmp": "image/bmp", "webp": "image/webp",
                       "svg": "image/svg+xml", "wdp": "image/vnd.ms-photo"})

SVG_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


# ---------------------------------------------------------------------------
# Pictures: RGBA pixel functions, and the encoders
# ---------------------------------------------------------------------------

RED, GREEN, BLUE, YELLOW = (220, 40, 40), (40, 170, 60), (40, 80, 220), (250, 200, 30)


def quad(x, y, w, h):
    """Quadrants: red, green / blue, yellow (flips and crops show)."""
    left, top = x < w // 2, y < h // 2
    if top:
        return RED if left else GREEN
    return BLUE if left else YELLOW


def lzw_codes(indices, min_size):
    """GIF LZW with a clear code before the table outgrows 12 bits:
    (code, width) pairs, LSB-first packing done by the caller."""
    clear, end = 1 << min_size, (1 << min_size) + 1
    out = [(clear, min_size + 1)]
    table = {(i,): i for i in range(clear)}
    nxt, width = end + 1, min_size + 1
    cur = ()
    for px in indices:
        cand = cur + (px,)
        if cand in table:
            cur = cand
            continue
        out.append((table[cur], width))
        if nxt == 4096:
            out.append((clear, width))
            table = {(i,): i for i in range(clear)}
            nxt, width = end + 1, min_size + 1
        else:
            table[cand] = nxt
            nxt += 1
            if nxt > (1 << width) and width < 12:
                width += 1
        cur = (px,)
    if cur:
        out.append((table[cur], width))
    out.append((end, width))
    return out


def pack_lsb(codes):
    acc = nbits = 0
    out = bytearray()
    for code, width in codes:
        acc |= code << nbits
        nbits += width
        while nbits >= 8:
            out.append(acc & 0xFF)
            acc >>= 8
            nbits -= 8
    if nbits:
        out.append(acc & 0xFF)
    return bytes(out)


def gif_frame(w, h, indices, transparent=None, interlace=False):
    gce = struct.pack("<BBBBHBB", 0x21, 0xF9, 4, 1 if transparent is not None else 0,
                      50, transparent or 0, 0)
    rows = [indices[y * w:(y + 1) * w] for y in range(h)]
    if interlace:
        order = [y for start, step in ((0, 8), (4, 8), (2, 4), (1, 2))
                 for y in range(start, h, step)]
        rows = [rows[y] for y in order]
    data = pack_lsb(lzw_codes([i for r in rows for i in r], 8))
    blocks = b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255]
                      for i in range(0, len(data), 255)) + b"\x00"
    desc = struct.pack("<BHHHHB", 0x2C, 0, 0, w, h, 0x40 if interlace else 0)
    return gce + desc + b"\x08" + blocks


def encode_gif(w, h, frames, palette):
    """frames: list of (indices, transparent, interlace); palette: 256 RGB."""
    head = b"GIF89a" + struct.pack("<HHBBB", w, h, 0xF7, 0, 0)
    pal = b"".join(bytes(c) for c in palette)
    loop = b"\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00" if len(frames) > 1 else b""
    return (head + pal + loop + b"".join(gif_frame(w, h, *f) for f in frames)
            + b"\x3B")


def palette_of(colors):
    pal = list(colors) + [(0, 0, 0)] * (256 - len(colors))
    return pal[:256]


def gif_pictures():
    w, h = 64, 48
    pal = palette_of([RED, GREEN, BLUE, YELLOW, (255, 255, 255), (90, 40, 160)])
    idx = {c: n for n, c in enumerate(pal[:6])}
    first = [idx[quad(x, y, w, h)] for y in range(h) for x in range(w)]
    second = [5] * (w * h)                   # purple: must never be drawn
    animated = encode_gif(w, h, [(first, None, False), (second, None, False)], pal)
    # a ring: index 4 (white) inside and outside is transparent
    ring = []
    for y in range(h):
        for x in range(w):
            r = ((x - w / 2 + 0.5) ** 2 + (y - h / 2 + 0.5) ** 2) ** 0.5
            ring.append(2 if 12 <= r <= 20 else 4)
    transparent = encode_gif(w, h, [(ring, 4, False)], pal)
    interlaced = encode_gif(w, h, [([idx[quad(x, y, w, h)] for y in range(h)
                                     for x in range(w)], None, True)], pal)
    return animated, transparent, interlaced


def bmp_file(w, h, bpp, pixel_bytes, palette=b"", compression=0, header=None,
             top_down=False):
    header = header or struct.pack("<IiiHHIIiiII", 40, w, -h if top_down else h, 1, bpp,
                                   compression, len(pixel_bytes), 2835, 2835,
                                   len(palette) // 4, 0)
    off = 14 + len(header) + len(palette)
    return (b"BM" + struct.pack("<IHHI", off + len(pixel_bytes), 0, 0, off) + header
            + palette + pixel_bytes)


def bmp_rows(w, h, row_fn, bpp, bottom_up=True):
    stride = (w * bpp + 31) // 32 * 4
    order = range(h - 1, -1, -1) if bottom_up else range(h)
    out = b""
    for y in order:
        row = row_fn(y)
        out += row + b"\x00" * (stride - len(row))
    return out


def bmp_pictures():
    w, h = 64, 48
    bgr24 = bmp_rows(w, h, lambda y: b"".join(bytes(quad(x, y, w, h)[::-1]) for x in range(w)),
                     24)
    b24 = bmp_file(w, h, 24, bgr24)
    cols = [RED, GREEN, BLUE, YELLOW]
    pal = b"".join(bytes(c[::-1]) + b"\x00" for c in cols)
    idx8 = bmp_rows(w, h, lambda y: bytes(cols.index(quad(x, y, w, h)) for x in range(w)), 8,
                    bottom_up=False)
    b8 = bmp_file(w, h, 8, idx8, pal, top_down=True)
    # RLE8, bottom-up: each row as runs of its quadrant colours
    rle = bytearray()
    for y in range(h - 1, -1, -1):
        row = [cols.index(quad(x, y, w, h)) for x in range(w)]
        x = 0
        while x < w:
            n = 1
            while x + n < w and row[x + n] == row[x] and n < 255:
                n += 1
            rle += bytes([n, row[x]])
            x += n
        rle += b"\x00\x00"
    rle += b"\x00\x01"
    brle = bmp_file(w, h, 8, bytes(rle), pal, compression=1)
    # 32-bit with an alpha mask (v5 header): alpha fades left to right
    px32 = bmp_rows(w, h, lambda y: b"".join(
        bytes(quad(x, y, w, h)[::-1]) + bytes([255 * x // (w - 1)]) for x in range(w)), 32)
    v5 = struct.pack("<IiiHHIIiiIIIIII", 124, w, h, 1, 32, 3, len(px32), 2835, 2835, 0, 0,
                     0x00FF0000, 0x0000FF00, 0x000000FF, 0xFF000000)
    v5 += b"BGRs" + b"\x00" * 36 + b"\x00" * 12 + b"\x00" * 16
    assert len(v5) == 124
    b32 = bmp_file(w, h, 32, px32, header=v5)
    return b24, b8, brle, b32


class BitWriter:
    """LSB-first bit packing (VP8L)."""
    def __init__(self):
        self.acc = self.n = 0
        self.out = bytearray()

    def bits(self, value, count):
        self.acc |= value << self.n
        self.n += count
        while self.n >= 8:
            self.out.append(self.acc & 0xFF)
            self.acc >>= 8
            self.n -= 8

    def code(self, value, length):
        """A prefix code, most significant bit first."""
        for i in range(length - 1, -1, -1):
            self.bits((value >> i) & 1, 1)

    def done(self):
        if self.n:
            self.out.append(self.acc & 0xFF)
        return bytes(self.out)


def encode_webp_lossless(w, h, rgba):
    """VP8L without transforms or colour cache: every channel a normal
    prefix code of 256 symbols of length 8 (code = the value), the
    distance code a one-symbol simple code."""
    bw = BitWriter()
    bw.bits(0x2F, 8)
    bw.bits(w - 1, 14)
    bw.bits(h - 1, 14)
    bw.bits(1, 1)                  # alpha is used
    bw.bits(0, 3)                  # version
    bw.bits(0, 1)                  # no transform
    bw.bits(0, 1)                  # no colour cache
    bw.bits(0, 1)                  # no meta prefix codes

    def normal_code(alphabet):
        bw.bits(0, 1)              # normal (not simple) code
        # code length code: symbols 0 and 8 of length 1, in the order
        # 17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8 (12 entries)
        lengths = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
        bw.bits(len(lengths) - 4, 4)
        for v in lengths:
            bw.bits(v, 3)
        bw.bits(0, 1)              # max_symbol: the whole alphabet
        for s in range(alphabet):  # canonical: symbol 0 -> "0", 8 -> "1"
            bw.code(1 if s < 256 else 0, 1)

    normal_code(256 + 24)          # green + length prefixes
    normal_code(256)               # red
    normal_code(256)               # blue
    normal_code(256)               # alpha
    bw.bits(1, 1)                  # distance: simple code,
    bw.bits(0, 1)                  # one symbol,
    bw.bits(0, 1)                  # of 1 bit:
    bw.bits(0, 1)                  # symbol 0
    for r, g, b, a in rgba:
        for v in (g, r, b, a):
            bw.code(v, 8)
    data = bw.done()
    chunk = b"VP8L" + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) & 1 else b"")
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def webp_picture():
    w, h = 64, 48
    px = []
    for y in range(h):
        for x in range(w):
            r, g, b = quad(x, y, w, h)
            px.append((r, g, b, 255 if y < h // 2 else 255 * x // (w - 1)))
    return encode_webp_lossless(w, h, px)


def png_solid(w, h, rgb):
    return gs.encode_png(w, h, [bytes(rgb) * w for _ in range(h)], 2)


def png_quads(w=64, h=48):
    return gs.encode_png(w, h, [b"".join(bytes(quad(x, y, w, h)) for x in range(w))
                                for y in range(h)], 2)


def png_white_frame(w=64, h=48):
    """Quadrants on a white border (for clrChange white -> clear)."""
    rows = []
    for y in range(h):
        rows.append(b"".join(bytes((255, 255, 255) if min(x, y, w - 1 - x, h - 1 - y) < 8
                                   else quad(x, y, w, h)) for x in range(w)))
    return gs.encode_png(w, h, rows, 2)


SVG_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96">'
            '<circle cx="48" cy="48" r="40" fill="#2E75B6"/>'
            '<path d="M28 50 42 64 70 32" fill="none" stroke="#FFFFFF" stroke-width="9" '
            'stroke-linecap="round" stroke-linejoin="round"/></svg>')
SVG_WIDE = ('<?xml version="1.0" encoding="UTF-8"?>\n<!-- a direct SVG picture -->\n'
            '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" '
            'viewBox="0 0 100 100"><rect x="5" y="5" width="90" height="90" rx="12" '
            'fill="#C55A11"/><circle cx="50" cy="50" r="30" fill="#FFD966"/></svg>')
SVG_BROKEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect'
SVG_EXTERNAL = ('<svg xmlns="http://www.w3.org/2000/svg" '
                'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 96 96">'
                '<rect width="96" height="96" fill="#E2F0D9"/>'
                '<image x="0" y="0" width="96" height="96" xlink:href="file:///etc/hostname"/>'
                '<image x="0" y="0" width="96" height="96" '
                'href="http://example.com/x.png"/></svg>')


def img(key, data, ext):
    return gs.Image(key, data, ext)


# ---------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------

def pic(name, rid, xf, blip_kids="", src_rect=None, nv_pr="<p:nvPr/>"):
    blip = gs.elem("a:blip", blip_kids, **{"r:embed": rid})
    crop = gs.elem("a:srcRect", **src_rect) if src_rect else ""
    fill = gs.elem("p:blipFill", blip + crop + "<a:stretch><a:fillRect/></a:stretch>")
    nv = gs.elem("p:nvPicPr", gs.elem("p:cNvPr", id=gs.AUTO_ID, name=name)
                 + '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr>' + nv_pr)
    return gs.elem("p:pic", nv + fill + gs.sp_pr(xf, "rect"))


def svg_ext(rid):
    return (f'<a:extLst><a:ext uri="{SVG_URI}"><asvg:svgBlip xmlns:asvg="{SVG_NS}" '
            f'r:embed="{rid}"/></a:ext></a:extLst>')


def backdrop(x, y, cx, cy):
    """Black left half, white right half: transparency shows on both."""
    return [gs.shape("Black", gs.xfrm(x, y, cx // 2, cy), "rect",
                     fill=gs.solid(gs.srgb("000000")), style=False),
            gs.shape("White", gs.xfrm(x + cx // 2, y, cx - cx // 2, cy), "rect",
                     fill=gs.solid(gs.srgb("FFFFFF")), ln=gs.outlined(), style=False)]


COLS = [500000, 3400000, 6300000, 9200000]
PW, PH = 2400000, 1800000
TOP = 1700000


def caption(text, col):
    return gs.label(text, col - 150000, TOP + PH + 150000, PW + 300000, 700000, sz=14)


def deck_pictures2():
    d = gs.Deck("Picture formats and effects")

    # 1. GIF
    animated, transparent, interlaced = gif_pictures()
    s = d.slide("titleOnly").add(gs.slide_title("GIF"))
    s.add(*backdrop(COLS[1] - 100000, TOP - 100000, PW + 200000, PH + 200000))
    for col, key, data, text in [
            (COLS[0], "anim.gif", animated, "animated: first frame only"),
            (COLS[1], "ring.gif", transparent, "transparent index (blue ring)"),
            (COLS[2], "interlaced.gif", interlaced, "interlaced")]:
        s.add(pic(key, s.image(img(key, data, "gif")), gs.xfrm(col, TOP, PW, PH)),
              caption(text, col))

    # 2. BMP
    b24, b8, brle, b32 = bmp_pictures()
    s = d.slide("titleOnly").add(gs.slide_title("BMP"))
    s.add(*backdrop(COLS[3] - 100000, TOP - 100000, PW + 200000, PH + 200000))
    for col, key, data, text in [
            (COLS[0], "b24.bmp", b24, "24-bit, bottom-up"),
            (COLS[1], "b8.bmp", b8, "8-bit palette, top-down"),
            (COLS[2], "rle.bmp", brle, "RLE8"),
            (COLS[3], "b32.bmp", b32, "32-bit, alpha mask (v5)")]:
        s.add(pic(key, s.image(img(key, data, "bmp")), gs.xfrm(col, TOP, PW, PH)),
              caption(text, col))

    # 3. WebP and JPEG XR
    s = d.slide("titleOnly").add(gs.slide_title("WebP and JPEG XR"))
    s.add(*backdrop(COLS[0] - 100000, TOP - 100000, PW + 200000, PH + 200000))
    s.add(pic("webp", s.image(img("q.webp", webp_picture(), "webp")),
              gs.xfrm(COLS[0], TOP, PW, PH)),
          caption("WebP lossless, alpha below", COLS[0]))
    wdp = b"II\xbc\x01" + b"\x08\x00\x00\x00" + b"\x00" * 24
    s.add(gs.shape("Frame", gs.xfrm(COLS[2], TOP, PW, PH), "rect", fill=gs.no_fill(),
                   ln=gs.outlined(), style=False),
          pic("wdp", s.image(img("photo.wdp", wdp, "wdp")), gs.xfrm(COLS[2], TOP, PW, PH)),
          caption("JPEG XR: not decodable, left empty", COLS[2]))

    # 4. SVG
    s = d.slide("titleOnly").add(gs.slide_title("SVG"))
    grey = img("grey.png", png_solid(16, 16, (160, 160, 160)), "png")
    rid_png = s.image(grey)
    s.add(pic("svgBlip", rid_png, gs.xfrm(COLS[0], TOP, PH, PH),
              svg_ext(s.image(img("icon.svg", SVG_ICON.encode(), "svg")))),
          caption("svgBlip: the SVG (not the grey PNG)", COLS[0]),
          pic("broken", rid_png, gs.xfrm(COLS[1], TOP, PH, PH),
              svg_ext(s.image(img("broken.svg", SVG_BROKEN.encode(), "svg")))),
          caption("broken SVG: grey PNG fallback", COLS[1]),
          pic("direct", s.image(img("wide.svg", SVG_WIDE.encode(), "svg")),
              gs.xfrm(COLS[2], TOP, PW, PH // 2)),
          caption("image/svg+xml, stretched 2:1", COLS[2]),
          pic("external", s.image(img("external.svg", SVG_EXTERNAL.encode(), "svg")),
              gs.xfrm(COLS[3], TOP, PH, PH)),
          caption("external hrefs: not loaded", COLS[3]))

    # 5. recolour effects
    s = d.slide("titleOnly").add(gs.slide_title("Picture recolour", sz=32))
    rid = s.image(img("quads.png", png_quads(), "png"))
    rid_w = s.image(img("frame.png", png_white_frame(), "png"))
    w, h = 2000000, 1500000
    xs = [500000, 3300000, 6100000, 8900000]
    ys = [1450000, 4100000]
    effects = [
        ("original", rid, "", None),
        ("grayscl", rid, "<a:grayscl/>", None),
        ("duotone accent1 dark .. white", rid,
         '<a:duotone><a:schemeClr val="accent1"><a:shade val="45000"/></a:schemeClr>'
         '<a:prstClr val="white"/></a:duotone>', None),
        ("biLevel 50 %", rid, '<a:biLevel thresh="50000"/>', None),
        ("clrChange white -> clear", rid_w,
         '<a:clrChange><a:clrFrom><a:srgbClr val="FFFFFF"/></a:clrFrom><a:clrTo>'
         '<a:srgbClr val="FFFFFF"><a:alpha val="0"/></a:srgbClr></a:clrTo></a:clrChange>', None),
        ("lum bright +40 % contrast -40 %", rid, '<a:lum bright="40000" contrast="-40000"/>',
         None),
        ("alphaModFix 40 %", rid, '<a:alphaModFix amt="40000"/>', None),
        ("srcRect -25 % (shrunk)", rid, "",
         dict(l=gs.pct(-25000), t=gs.pct(-25000), r=gs.pct(-25000), b=gs.pct(-25000))),
    ]
    s.add(*backdrop(xs[0] - 100000, ys[1] - 100000, xs[3] + w - xs[0] + 200000, h + 200000))
    for n, (text, r, kids, crop) in enumerate(effects):
        x, y = xs[n % 4], ys[n // 4]
        s.add(gs.shape("Frame", gs.xfrm(x, y, w, h), "rect", fill=gs.no_fill(),
                       ln=gs.outlined("BFBFBF"), style=False),
              pic(text, r, gs.xfrm(x, y, w, h), kids, src_rect=crop),
              gs.label(text, x - 200000, y + h + 30000, w + 400000, 400000, sz=12))

    # 6. OLE preview and video poster frame
    s = d.slide("titleOnly").add(gs.slide_title("OLE object and video"))
    preview = s.image(img("quads.png", png_quads(), "png"))
    ole = s.rel("oleObject", "../embeddings/oleObject1.bin")
    frame = (
        '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="90" name="Object 1"/>'
        '<p:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></p:cNvGraphicFramePr>'
        '<p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm><a:off x="{COLS[0]}" y="{TOP}"/><a:ext cx="{PW}" cy="{PH}"/></p:xfrm>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">'
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice xmlns:v="urn:schemas-microsoft-com:vml" Requires="v">'
        f'<p:oleObj spid="_x0000_s1026" name="Worksheet" r:id="{ole}" imgW="914400" '
        'imgH="685800" progId="Excel.Sheet.12"><p:embed/></p:oleObj></mc:Choice>'
        f'<mc:Fallback><p:oleObj name="Worksheet" r:id="{ole}" imgW="914400" imgH="685800" '
        'progId="Excel.Sheet.12"><p:embed/>'
        + pic("", preview, gs.xfrm(COLS[0] + 300000, TOP + 300000, PW, PH))
        + '</p:oleObj></mc:Fallback></mc:AlternateContent></a:graphicData></a:graphic>'
        '</p:graphicFrame>')
    # PowerPoint 2007: the preview lives in the slide's legacy VML drawing
    s.rel("vmlDrawing", "../drawings/vmlDrawing1.vml")
    ole2 = s.rel("oleObject", "../embeddings/oleObject1.bin")
    frame2 = (
        '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="91" name="Object 2"/>'
        '<p:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></p:cNvGraphicFramePr>'
        '<p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm><a:off x="{COLS[1]}" y="{TOP}"/><a:ext cx="{PW}" cy="{PH}"/></p:xfrm>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">'
        f'<p:oleObj spid="_x0000_s2050" name="Document" r:id="{ole2}" imgW="914400" '
        'imgH="685800" progId="Word.Document.8"><p:embed/></p:oleObj>'
        '</a:graphicData></a:graphic></p:graphicFrame>')
    video = s.rel("video", "https://example.com/clip.mp4", external=True)
    nv_video = f'<p:nvPr><a:videoFile r:link="{video}"/></p:nvPr>'
    s.add(frame, caption("OLE: stored preview (frame box)", COLS[0]),
          frame2, caption("OLE 2007: VML preview", COLS[1]),
          pic("Video", s.image(img("quads.png", png_quads(), "png")),
              gs.xfrm(COLS[2], TOP, PW, PH), nv_pr=nv_video),
          caption("video: poster frame", COLS[2]))
    return d


def build():
    with gs.using_flavor(gs.TRANSITIONAL):
        d = deck_pictures2()
        files = d.build()
    # the OLE object's own bytes (never read: only its preview is drawn)
    files["ppt/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 56
    # the VML drawing of slide 6: the shape's id is its name, o:spid the
    # id the oleObj names (as PowerPoint writes it)
    files["ppt/drawings/vmlDrawing1.vml"] = (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<v:shape id="Object_x0020_2" o:spid="_x0000_s2050" type="#_x0000_t75" '
        "style='position:absolute;left:267.75pt;top:133.85pt;width:189pt;height:141.75pt'>"
        '<v:imagedata o:relid="rId1" o:title=""/></v:shape></xml>').encode("utf-8")
    files["ppt/drawings/_rels/vmlDrawing1.vml.rels"] = gs.rels_xml(
        [(gs.FLAVOR.rel("image"), "../media/ole-preview.png", False)]).encode("utf-8")
    files["ppt/media/ole-preview.png"] = png_white_frame()
    ct = files["[Content_Types].xml"].decode("utf-8")
    ct = ct.replace("</Types>", '<Default Extension="bin" ContentType="application/'
                    'vnd.openxmlformats-officedocument.oleObject"/>'
                    '<Default Extension="vml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.vmlDrawing"/></Types>')
    files["[Content_Types].xml"] = ct.encode("utf-8")
    return gs.zip_bytes(files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()
    (args.out / "pictures2.pptx").write_bytes(build())
    print(f"wrote {args.out / 'pictures2.pptx'}")


if __name__ == "__main__":
    main()
