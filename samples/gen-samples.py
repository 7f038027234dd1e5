#!/usr/bin/env python3
"""Generate the sample and test decks in samples/.

Usage:  python3 samples/gen-samples.py [--out DIR]

Standard library only.  Output is deterministic: every zip entry has a fixed
timestamp and the entries are written in sorted order, so running the script
twice produces byte-identical files.

The decks are built the way PowerPoint writes them: Transitional namespaces
(one deck uses ISO Strict), a full theme, a slide master with txStyles and
placeholders, several slide layouts, presProps/viewProps/tableStyles and
docProps.  Pictures (PNG and baseline JPEG) are encoded by this script.
"""

import argparse
import ast
import io
import math
import struct
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

# ---------------------------------------------------------------------------
# Units and slide geometry
# ---------------------------------------------------------------------------

EMU_PER_INCH = 914400
EMU_PER_PT = 12700
SLIDE_W, SLIDE_H = 12192000, 6858000          # 16:9 widescreen (13.333 x 7.5 in)
NOTES_W, NOTES_H = 6858000, 9144000


def deg(angle):
    """Degrees -> DrawingML angle units (60000ths of a degree)."""
    return int(round(angle * 60000))


def pct(value):
    """A DrawingML percentage given in 1000ths of a percent (75000 = 75%).

    Transitional writes the integer, ISO Strict requires the "75%" form."""
    if FLAVOR.strict:
        whole, frac = divmod(int(value), 1000)
        return f"{whole}%" if not frac else f"{value / 1000:g}%"
    return str(int(value))


# ---------------------------------------------------------------------------
# Namespaces: Transitional vs ISO Strict
# ---------------------------------------------------------------------------

class Flavor:
    def __init__(self, strict):
        self.strict = strict
        if strict:
            self.p = "http://purl.oclc.org/ooxml/presentationml/main"
            self.a = "http://purl.oclc.org/ooxml/drawingml/main"
            self.r = "http://purl.oclc.org/ooxml/officeDocument/relationships"
            self.rel_base = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
            self.app = "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"
            self.vt = "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"
        else:
            self.p = "http://schemas.openxmlformats.org/presentationml/2006/main"
            self.a = "http://schemas.openxmlformats.org/drawingml/2006/main"
            self.r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            self.rel_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            self.app = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
            self.vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

    def rel(self, kind):
        """Relationship type URI; `kind` is the Transitional short name."""
        if kind == "core-properties":   # OPC package relationship, same in both
            return ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                    "core-properties")
        if self.strict and kind == "extended-properties":
            kind = "extendedProperties"
        return self.rel_base + kind

    def pml_ns(self):
        return f'xmlns:a="{self.a}" xmlns:r="{self.r}" xmlns:p="{self.p}"'


TRANSITIONAL = Flavor(strict=False)
STRICT = Flavor(strict=True)
FLAVOR = TRANSITIONAL      # namespace flavour of the deck currently being built

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CT_PML = "application/vnd.openxmlformats-officedocument.presentationml."
CONTENT_TYPES = {
    "presentation": CT_PML + "presentation.main+xml",
    "slide": CT_PML + "slide+xml",
    "slideLayout": CT_PML + "slideLayout+xml",
    "slideMaster": CT_PML + "slideMaster+xml",
    "presProps": CT_PML + "presProps+xml",
    "viewProps": CT_PML + "viewProps+xml",
    "tableStyles": CT_PML + "tableStyles+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "core": "application/vnd.openxmlformats-package.core-properties+xml",
    "app": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}
IMAGE_TYPES = {"png": "image/png", "jpeg": "image/jpeg"}


# ---------------------------------------------------------------------------
# Small XML helpers
# ---------------------------------------------------------------------------

def attrs(**kw):
    """Render keyword arguments as XML attributes, skipping None values.
    Booleans become "1"/"0"."""
    out = []
    for key, val in kw.items():
        if val is None:
            continue
        if isinstance(val, bool):
            val = "1" if val else "0"
        out.append(f' {key.rstrip("_")}="{escape(str(val), {chr(34): "&quot;"})}"')
    return "".join(out)


def elem(tag, children="", **kw):
    """<tag attrs>children</tag>, or <tag attrs/> when there are no children."""
    if children:
        return f"<{tag}{attrs(**kw)}>{children}</{tag}>"
    return f"<{tag}{attrs(**kw)}/>"


# ---------------------------------------------------------------------------
# Colours, fills and lines
# ---------------------------------------------------------------------------

_COLOR_MODS = ("tint", "shade", "alpha", "satMod", "lumMod", "lumOff")


def _color(tag, val, mods):
    kids = "".join(elem("a:" + m, val=pct(mods[m])) for m in _COLOR_MODS if m in mods)
    return elem(tag, kids, val=val)


def srgb(hexval, **mods):
    return _color("a:srgbClr", hexval, mods)


def scheme(name, **mods):
    return _color("a:schemeClr", name, mods)


def solid(color):
    return elem("a:solidFill", color)


def no_fill():
    return "<a:noFill/>"


def grad(stops, angle, scaled=False, rot_with_shape=True):
    """Linear gradient; stops = [(position 0..100000, colour), ...], angle in degrees."""
    gs = "".join(elem("a:gs", clr, pos=pct(pos)) for pos, clr in stops)
    return elem("a:gradFill",
                elem("a:gsLst", gs) + elem("a:lin", ang=deg(angle), scaled=scaled),
                rotWithShape=rot_with_shape)


def blip_fill(rid, tag="a:blipFill", src_rect=None, dpi=None, rot_with_shape=None):
    """Picture fill: <a:blip r:embed>, optional <a:srcRect l t r b> crop, stretch."""
    crop = elem("a:srcRect", **(src_rect or {}))
    return elem(tag, elem("a:blip", **{"r:embed": rid}) + crop +
                "<a:stretch><a:fillRect/></a:stretch>",
                dpi=dpi, rotWithShape=rot_with_shape)


def line(width=None, fill=None, dash=None, head=None, tail=None, cap=None):
    kids = (fill or "") + (elem("a:prstDash", val=dash) if dash else "")
    if head:
        kids += elem("a:headEnd", type=head)
    if tail:
        kids += elem("a:tailEnd", type=tail)
    return elem("a:ln", kids, w=width, cap=cap)


# ---------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------

def run(text, sz=None, b=None, i=None, u=None, color=None, font=None, lang="en-US"):
    """A text run.  sz in points (float ok), color is a colour element."""
    props = (solid(color) if color else "") + (elem("a:latin", typeface=font) if font else "")
    rpr = elem("a:rPr", props, lang=lang, sz=int(sz * 100) if sz else None,
               b=b, i=i, u=("sng" if u is True else u), dirty="0")
    return f"<a:r>{rpr}<a:t>{escape(text)}</a:t></a:r>"


def br():
    return '<a:br><a:rPr lang="en-US" dirty="0"/></a:br>'


def field(text, ftype, fid="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"):
    return (f'<a:fld id="{fid}" type="{ftype}"><a:rPr lang="en-US"/>'
            f"<a:t>{escape(text)}</a:t></a:fld>")


def spacing(tag, pts=None, percent=None):
    """<a:lnSpc>/<a:spcBef>/<a:spcAft> with spcPts (points) or spcPct (1000ths of %)."""
    if pts is not None:
        return elem(tag, elem("a:spcPts", val=int(pts * 100)))
    return elem(tag, elem("a:spcPct", val=pct(percent)))


def ppr(algn=None, lvl=None, mar_l=None, indent=None, bullet=None, bu_font=None,
        spc_bef=None, spc_aft=None, ln_spc=None, def_rpr=None, tag="a:pPr", **extra):
    """Paragraph properties.  bullet: a character, "none" or None (inherit).
    spc_bef/spc_aft in points, ln_spc in 1000ths of a percent."""
    kids = ""
    if ln_spc is not None:
        kids += spacing("a:lnSpc", percent=ln_spc)
    if spc_bef is not None:
        kids += spacing("a:spcBef", pts=spc_bef)
    if spc_aft is not None:
        kids += spacing("a:spcAft", pts=spc_aft)
    if bu_font:
        kids += elem("a:buFont", typeface=bu_font)
    if bullet == "none":
        kids += "<a:buNone/>"
    elif bullet:
        kids += elem("a:buChar", char=bullet)
    if def_rpr:
        kids += def_rpr
    return elem(tag, kids, marL=mar_l, indent=indent, lvl=lvl, algn=algn, **extra)


def para(*runs, end_sz=None, **ppr_kw):
    """A paragraph; runs are XML strings (run(), br(), field()) or plain text."""
    body = "".join(r if r.startswith("<a:") else run(r) for r in runs)
    end = elem("a:endParaRPr", lang="en-US", sz=int(end_sz * 100) if end_sz else None,
               dirty="0")
    return "<a:p>" + (ppr(**ppr_kw) if ppr_kw else "") + body + end + "</a:p>"


def body_pr(anchor=None, wrap=None, insets=None, autofit=None, vert=None, rtl_col=None):
    """<a:bodyPr>.  insets = (l, t, r, b) EMU; autofit = "sp" | "no" | dict(normAutofit)."""
    kw = {}
    if insets:
        kw = dict(zip(("lIns", "tIns", "rIns", "bIns"), insets))
    fit = ""
    if autofit == "sp":
        fit = "<a:spAutoFit/>"
    elif autofit == "no":
        fit = "<a:noAutofit/>"
    elif isinstance(autofit, dict):
        fit = elem("a:normAutofit", **{k: pct(v) for k, v in autofit.items()})
    return elem("a:bodyPr", fit, vert=vert, wrap=wrap, rtlCol=rtl_col, anchor=anchor, **kw)


def tx_body(paras, tag="p:txBody", lst_style="", **bodypr_kw):
    if isinstance(paras, str):
        paras = [paras]
    return elem(tag, body_pr(**bodypr_kw) + elem("a:lstStyle", lst_style) + "".join(paras))


# ---------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------

AUTO_ID = "\x00"   # replaced by sequential shape ids in sp_tree()


def xfrm(x, y, cx, cy, rot=None, flip_h=None, flip_v=None, ch=None, tag="a:xfrm"):
    """Transform; ch = (chOff x, chOff y, chExt cx, chExt cy) for groups."""
    kids = elem("a:off", x=x, y=y) + elem("a:ext", cx=cx, cy=cy)
    if ch:
        kids += elem("a:chOff", x=ch[0], y=ch[1]) + elem("a:chExt", cx=ch[2], cy=ch[3])
    return elem(tag, kids, rot=deg(rot) if rot else None,
                flipH=True if flip_h else None, flipV=True if flip_v else None)


def prst_geom(prst, adj=None):
    gds = "".join(elem("a:gd", name=k, fmla=f"val {v}") for k, v in (adj or {}).items())
    return elem("a:prstGeom", "<a:avLst/>" if not gds else elem("a:avLst", gds), prst=prst)


def sp_pr(xf=None, prst="rect", adj=None, fill=None, ln=None, tag="p:spPr"):
    if xf is None and prst is None and fill is None and ln is None:
        return f"<{tag}/>"
    return elem(tag, (xf or "") + (prst_geom(prst, adj) if prst else "") + (fill or "") + (ln or ""))


def shape_style(accent="accent1", line_idx=2, fill_idx=1, font_color="lt1"):
    """The <p:style> PowerPoint attaches to an inserted shape."""
    ln_clr = scheme(accent, shade=50000) if fill_idx else scheme(accent)
    return ("<p:style>"
            + elem("a:lnRef", ln_clr, idx=line_idx)
            + elem("a:fillRef", scheme(accent), idx=fill_idx)
            + elem("a:effectRef", scheme(accent), idx=0)
            + elem("a:fontRef", scheme(font_color), idx="minor")
            + "</p:style>")


def ph(ph_type=None, idx=None, sz=None, orient=None):
    return elem("p:ph", type=ph_type, orient=orient, sz=sz, idx=idx)


def _nv_sp(name, ph_xml="", txbox=False, sid=AUTO_ID):
    locks = '<a:spLocks noGrp="1"/>' if ph_xml else ""
    c_nv = elem("p:cNvSpPr", locks, txBox=True if txbox else None)
    return (elem("p:nvSpPr", elem("p:cNvPr", id=sid, name=name) + c_nv + elem("p:nvPr", ph_xml)))


def shape(name, xf, prst="rect", adj=None, fill=None, ln=None, text=None,
          style=True, accent="accent1", sid=AUTO_ID):
    """An auto shape (preset geometry).  text: list of paragraphs or a tx_body()."""
    if isinstance(text, list):
        text = tx_body(text, anchor="ctr", rtl_col=False)
    return elem("p:sp", _nv_sp(name, sid=sid) + sp_pr(xf, prst, adj, fill, ln)
                + (shape_style(accent) if style else "") + (text or ""))


def textbox(name, xf, paras, fill=None, ln=None, **bodypr_kw):
    """A text box (txBox="1", no fill unless given, wrap square)."""
    bodypr_kw.setdefault("wrap", "square")
    bodypr_kw.setdefault("rtl_col", False)
    return elem("p:sp", _nv_sp(name, txbox=True) + sp_pr(xf, "rect", None, fill or no_fill(), ln)
                + tx_body(paras, **bodypr_kw))


def placeholder(name, ph_xml, paras=None, xf=None, lst_style="", **bodypr_kw):
    """A placeholder shape.  Without xf it inherits its position (layout/master)."""
    body = tx_body(paras if paras is not None else [para()], lst_style=lst_style, **bodypr_kw)
    return elem("p:sp", _nv_sp(name, ph_xml) + sp_pr(xf, prst=None) + body)


def picture(name, rid, xf, src_rect=None, descr=None, link=False):
    """<p:pic>.  link=True writes r:link (external picture) instead of r:embed."""
    blip = elem("a:blip", **{("r:link" if link else "r:embed"): rid})
    crop = elem("a:srcRect", **src_rect) if src_rect else ""
    fill = elem("p:blipFill", blip + crop + "<a:stretch><a:fillRect/></a:stretch>")
    nv = elem("p:nvPicPr", elem("p:cNvPr", id=AUTO_ID, name=name, descr=descr)
              + '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/>')
    return elem("p:pic", nv + fill + sp_pr(xf, "rect"))


def connector(name, xf, prst="straightConnector1", ln=None, start=None, end=None):
    """<p:cxnSp>; start/end = (shape id, connection site index)."""
    cnv = ""
    if start:
        cnv += elem("a:stCxn", id=start[0], idx=start[1])
    if end:
        cnv += elem("a:endCxn", id=end[0], idx=end[1])
    nv = elem("p:nvCxnSpPr", elem("p:cNvPr", id=AUTO_ID, name=name)
              + elem("p:cNvCxnSpPr", cnv) + "<p:nvPr/>")
    return elem("p:cxnSp", nv + sp_pr(xf, prst, ln=ln)
                + shape_style(line_idx=1, fill_idx=0, font_color="tx1"))


def group(name, xf, children):
    nv = elem("p:nvGrpSpPr", elem("p:cNvPr", id=AUTO_ID, name=name) + "<p:cNvGrpSpPr/><p:nvPr/>")
    return elem("p:grpSp", nv + elem("p:grpSpPr", xf) + "".join(children))


def sp_tree(children):
    """The shape tree of a slide/layout/master; assigns shape ids 2, 3, ..."""
    root = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
            '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')
    xml = root + "".join(children)
    parts = xml.split(AUTO_ID)
    out = parts[0]
    for n, rest in enumerate(parts[1:], start=2):
        out += str(n) + rest
    return elem("p:spTree", out)


# Backgrounds -----------------------------------------------------------------

def bg_props(fill):
    return elem("p:bg", elem("p:bgPr", fill + "<a:effectLst/>"))


def bg_ref(idx, color):
    return elem("p:bg", elem("p:bgRef", color, idx=idx))


# ---------------------------------------------------------------------------
# Image encoders (PNG and baseline JPEG)
# ---------------------------------------------------------------------------

def encode_png(width, height, rows, color_type, palette=None):
    """rows: list of bytes (already packed, 8 bits per sample).
    color_type: 0 grey, 2 RGB, 3 palette, 6 RGBA."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    out = b"\x89PNG\r\n\x1a\n"
    out += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0))
    if palette:
        out += chunk(b"PLTE", b"".join(bytes(c) for c in palette))
    out += chunk(b"IDAT", zlib.compress(raw, 9))
    return out + chunk(b"IEND", b"")


_ZIGZAG = sorted(range(64), key=lambda n: (n // 8 + n % 8,
                                            n % 8 if (n // 8 + n % 8) % 2 == 0 else n // 8))
_Q_LUMA = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
           14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
           18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
           49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
_Q_CHROMA = [17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
             24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99] + [99] * 32
_ALL_AC = [0x00, 0xF0] + [(r << 4) | s for r in range(16) for s in range(1, 11)]


def _ac_values(head):
    """Standard AC symbol order: the listed head, then the rest ascending."""
    return head + sorted(set(_ALL_AC) - set(head))


# (bits[1..16], values) -- ITU T.81 Annex K.3 tables
_HUFF = {
    "dc_luma": ([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], list(range(12))),
    "dc_chroma": ([0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], list(range(12))),
    "ac_luma": ([0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D], _ac_values([
        0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13,
        0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xA1, 0x08, 0x23, 0x42,
        0xB1, 0xC1, 0x15, 0x52, 0xD1, 0xF0, 0x24, 0x33, 0x62, 0x72, 0x82])),
    "ac_chroma": ([0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77], _ac_values([
        0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51,
        0x07, 0x61, 0x71, 0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xA1, 0xB1,
        0xC1, 0x09, 0x23, 0x33, 0x52, 0xF0, 0x15, 0x62, 0x72, 0xD1, 0x0A, 0x16, 0x24,
        0x34, 0xE1, 0x25, 0xF1])),
}
_DCT_COS = [[(math.sqrt(0.5) if u == 0 else 1.0) * math.cos((2 * x + 1) * u * math.pi / 16)
             for x in range(8)] for u in range(8)]


def _huff_codes(bits, values):
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[values[k]] = (code, length)
            code, k = code + 1, k + 1
        code <<= 1
    return codes


def _scaled_quant(table, quality):
    scale = 5000 // quality if quality < 50 else 200 - 2 * quality
    return [min(255, max(1, (q * scale + 50) // 100)) for q in table]


def _fdct(block):
    rows = [[sum(_DCT_COS[u][x] * block[y * 8 + x] for x in range(8)) for u in range(8)]
            for y in range(8)]
    return [0.25 * sum(_DCT_COS[v][y] * rows[y][u] for y in range(8))
            for v in range(8) for u in range(8)]


class _BitWriter:
    def __init__(self):
        self.out, self.acc, self.nbits = bytearray(), 0, 0

    def write(self, code, length):
        self.acc = (self.acc << length) | code
        self.nbits += length
        while self.nbits >= 8:
            self.nbits -= 8
            byte = (self.acc >> self.nbits) & 0xFF
            self.out.append(byte)
            if byte == 0xFF:
                self.out.append(0)        # byte stuffing
        self.acc &= (1 << self.nbits) - 1

    def flush(self):
        if self.nbits:
            self.write((1 << (8 - self.nbits)) - 1, 8 - self.nbits)


def _encode_block(bw, coeffs, prev_dc, dc_codes, ac_codes):
    def magnitude(v):
        size = abs(v).bit_length()
        return (v if v >= 0 else v + (1 << size) - 1), size
    bits, size = magnitude(coeffs[0] - prev_dc)
    bw.write(*dc_codes[size])
    if size:
        bw.write(bits, size)
    zeros = 0
    for v in coeffs[1:]:
        if v == 0:
            zeros += 1
            continue
        while zeros > 15:
            bw.write(*ac_codes[0xF0])
            zeros -= 16
        bits, size = magnitude(v)
        bw.write(*ac_codes[(zeros << 4) | size])
        bw.write(bits, size)
        zeros = 0
    if zeros:
        bw.write(*ac_codes[0x00])        # end of block
    return coeffs[0]


def encode_jpeg(width, height, pixels, grey=False, quality=85):
    """Baseline sequential JPEG, 4:4:4 (or one greyscale component).
    pixels[y][x] is an (r, g, b) tuple, or an int 0..255 when grey=True."""
    if grey:
        planes = [[[float(pixels[y][x]) for x in range(width)] for y in range(height)]]
    else:
        planes = [[[0.0] * width for _ in range(height)] for _ in range(3)]
        for y in range(height):
            for x in range(width):
                r, g, b = pixels[y][x]
                planes[0][y][x] = 0.299 * r + 0.587 * g + 0.114 * b
                planes[1][y][x] = -0.168736 * r - 0.331264 * g + 0.5 * b + 128
                planes[2][y][x] = 0.5 * r - 0.418688 * g - 0.081312 * b + 128
    quants = [_scaled_quant(_Q_LUMA, quality), _scaled_quant(_Q_CHROMA, quality)]
    codes = {k: _huff_codes(*v) for k, v in _HUFF.items()}
    ncomp = len(planes)
    tables = [0, 1, 1][:ncomp]        # component -> quant/huffman table index

    def segment(marker, payload):
        return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload

    out = b"\xFF\xD8" + segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    for t in sorted(set(tables)):
        out += segment(0xDB, bytes([t]) + bytes(quants[t][i] for i in _ZIGZAG))
    out += segment(0xC0, struct.pack(">BHHB", 8, height, width, ncomp) + b"".join(
        bytes([c + 1, 0x11, tables[c]]) for c in range(ncomp)))
    for cls, kind in ((0, "dc"), (1, "ac")):
        for t in sorted(set(tables)):
            bits, vals = _HUFF[f"{kind}_{'luma' if t == 0 else 'chroma'}"]
            out += segment(0xC4, bytes([(cls << 4) | t] + bits + vals))
    out += segment(0xDA, bytes([ncomp]) + b"".join(
        bytes([c + 1, (tables[c] << 4) | tables[c]]) for c in range(ncomp)) + b"\x00\x3F\x00")

    bw, prev = _BitWriter(), [0] * ncomp
    for by in range(0, height, 8):
        for bx in range(0, width, 8):
            for c in range(ncomp):
                plane, t = planes[c], tables[c]
                block = [plane[min(by + j, height - 1)][min(bx + i, width - 1)] - 128.0
                         for j in range(8) for i in range(8)]
                dct = _fdct(block)
                coeffs = [int(round(dct[n] / quants[t][n])) for n in _ZIGZAG]
                name = "luma" if t == 0 else "chroma"
                prev[c] = _encode_block(bw, coeffs, prev[c],
                                        codes["dc_" + name], codes["ac_" + name])
    bw.flush()
    return out + bytes(bw.out) + b"\xFF\xD9"


# ---------------------------------------------------------------------------
# Test pictures (recognisable, so crops and flips are visible)
# ---------------------------------------------------------------------------

QUADRANT_COLORS = [(220, 50, 47), (60, 170, 70), (40, 90, 210), (245, 200, 40)]  # TL TR BL BR


def quadrant_pixel(x, y, w, h):
    """Red / green / blue / yellow quadrants, shaded towards the centre, with a
    white dot near the top-left corner and a dark border."""
    if x < 2 or y < 2 or x >= w - 2 or y >= h - 2:
        return (30, 30, 30)
    if (x - w * 0.12) ** 2 + (y - h * 0.16) ** 2 < (h * 0.08) ** 2:
        return (255, 255, 255)
    q = (2 if y >= h // 2 else 0) + (1 if x >= w // 2 else 0)
    dist = math.hypot(x - w / 2, y - h / 2) / math.hypot(w / 2, h / 2)
    k = 0.55 + 0.45 * dist
    return tuple(int(c * k + 255 * (1 - k) * 0.3) for c in QUADRANT_COLORS[q])


def pixels_of(fn, w, h):
    return [[fn(x, y, w, h) for x in range(w)] for y in range(h)]


def png_quadrants(w=96, h=64):
    rows = [bytes(c for px in row for c in px) for row in pixels_of(quadrant_pixel, w, h)]
    return encode_png(w, h, rows, 2)


def png_alpha(size=64):
    """Orange-to-purple disc whose alpha fades to 0 at the rim (RGBA)."""
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            d = math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5) / (size / 2)
            t = x / (size - 1)
            alpha = 0 if d >= 1 else int(255 * min(1.0, (1 - d) * 2.2))
            row += bytes((int(250 - 110 * t), int(140 - 90 * t), int(30 + 180 * t), alpha))
        rows.append(row)
    return encode_png(size, size, rows, 6)


def png_palette(size=64, cells=8):
    """Checkerboard using a 4-entry palette (colour type 3): black/white on top,
    blue/pink below."""
    palette = [(255, 255, 255), (20, 20, 20), (0, 150, 200), (230, 70, 140)]
    rows = []
    for y in range(size):
        cy = y * cells // size
        bottom = 2 if y >= size // 2 else 0     # top half black/white, bottom blue/pink
        rows.append(bytes((x * cells // size + cy) % 2 + bottom for x in range(size)))
    return encode_png(size, size, rows, 3, palette=palette)


def png_grey(w=96, h=64):
    """Horizontal grey ramp with dark concentric rings (colour type 0)."""
    rows = []
    for y in range(h):
        row = bytearray()
        for x in range(w):
            ring = int(math.hypot(x - w / 2, y - h / 2)) % 12 < 3
            row.append(20 if ring else int(40 + 215 * x / (w - 1)))
        rows.append(row)
    return encode_png(w, h, rows, 0)


def jpeg_quadrants(w=96, h=64):
    return encode_jpeg(w, h, pixels_of(quadrant_pixel, w, h))


def jpeg_grey(w=96, h=64):
    """Diagonal grey gradient with a bright disc (single-component JPEG)."""
    def value(x, y, w, h):
        if math.hypot(x - w * 0.7, y - h * 0.4) < h * 0.22:
            return 240
        return int(30 + 180 * (x + y) / (w + h))
    return encode_jpeg(w, h, pixels_of(value, w, h), grey=True)


class Image:
    """A picture part: `key` names it inside one deck (deduplication)."""
    def __init__(self, key, data, ext):
        self.key, self.data, self.ext = key, data, ext


_IMAGES = {}


def image(kind):
    """Cached test pictures by name."""
    makers = {"quadrants.png": (png_quadrants, "png"), "alpha.png": (png_alpha, "png"),
              "palette.png": (png_palette, "png"), "grey.png": (png_grey, "png"),
              "quadrants.jpeg": (jpeg_quadrants, "jpeg"), "grey.jpeg": (jpeg_grey, "jpeg")}
    if kind not in _IMAGES:
        fn, ext = makers[kind]
        _IMAGES[kind] = Image(kind, fn(), ext)
    return _IMAGES[kind]


# ---------------------------------------------------------------------------
# Theme
# ---------------------------------------------------------------------------

THEME_COLORS = [("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
                ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
                ("dk2", "44546A"), ("lt2", "E7E6E6"),
                ("accent1", "4472C4"), ("accent2", "ED7D31"), ("accent3", "A5A5A5"),
                ("accent4", "FFC000"), ("accent5", "5B9BD5"), ("accent6", "70AD47"),
                ("hlink", "0563C1"), ("folHlink", "954F72")]
SCRIPT_FONTS = {"major": [("Jpan", "游ゴシック Light"), ("Hang", "맑은 고딕"),
                          ("Hans", "等线 Light"), ("Hant", "新細明體"),
                          ("Arab", "Times New Roman"), ("Hebr", "Times New Roman"),
                          ("Thai", "Angsana New")],
                "minor": [("Jpan", "游ゴシック"), ("Hang", "맑은 고딕"), ("Hans", "等线"),
                          ("Hant", "新細明體"), ("Arab", "Arial"), ("Hebr", "Arial"),
                          ("Thai", "Cordia New")]}


def theme_xml():
    clr = "".join(elem("a:" + name, val if val.startswith("<") else srgb(val))
                  for name, val in THEME_COLORS)

    def font_set(tag, latin, panose, scripts):
        kids = elem("a:latin", typeface=latin, panose=panose) + '<a:ea typeface=""/><a:cs typeface=""/>'
        kids += "".join(elem("a:font", script=s, typeface=f) for s, f in scripts)
        return elem(tag, kids)

    fonts = (font_set("a:majorFont", "Calibri Light", "020F0302020204030204", SCRIPT_FONTS["major"])
             + font_set("a:minorFont", "Calibri", "020F0502020204030204", SCRIPT_FONTS["minor"]))

    def ph_grad(stops, angle=90):
        return grad([(pos, scheme("phClr", **mods)) for pos, mods in stops], angle)

    fill_styles = (solid(scheme("phClr"))
                   + ph_grad([(0, dict(lumMod=110000, satMod=105000, tint=67000)),
                              (50000, dict(lumMod=105000, satMod=103000, tint=73000)),
                              (100000, dict(lumMod=105000, satMod=109000, tint=81000))])
                   + ph_grad([(0, dict(satMod=103000, lumMod=102000, tint=94000)),
                              (50000, dict(satMod=110000, lumMod=100000, shade=100000)),
                              (100000, dict(lumMod=99000, satMod=120000, shade=78000))]))
    ln_styles = "".join(elem("a:ln", solid(scheme("phClr")) + '<a:prstDash val="solid"/>'
                             '<a:miter lim="800000"/>', w=w, cap="flat", cmpd="sng", algn="ctr")
                        for w in (6350, 12700, 19050))
    shadow = elem("a:outerShdw", srgb("000000", alpha=63000), blurRad=57150, dist=19050,
                  dir=5400000, algn="ctr", rotWithShape=False)
    effect_styles = ("<a:effectStyle><a:effectLst/></a:effectStyle>" * 2
                     + elem("a:effectStyle", elem("a:effectLst", shadow)))
    bg_styles = (solid(scheme("phClr"))
                 + solid(scheme("phClr", tint=95000, satMod=170000))
                 + ph_grad([(0, dict(tint=40000, satMod=150000)),
                            (50000, dict(tint=80000, satMod=130000)),
                            (100000, dict(shade=60000, satMod=120000))]))
    fmt = elem("a:fmtScheme", elem("a:fillStyleLst", fill_styles)
               + elem("a:lnStyleLst", ln_styles)
               + elem("a:effectStyleLst", effect_styles)
               + elem("a:bgFillStyleLst", bg_styles), name="Office")
    elements = (elem("a:clrScheme", clr, name="Office") + elem("a:fontScheme", fonts, name="Office")
                + fmt)
    return (XML_DECL + f'<a:theme xmlns:a="{FLAVOR.a}" name="Office Theme">'
            + elem("a:themeElements", elements)
            + "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>")


# ---------------------------------------------------------------------------
# Slide master, text styles, layouts
# ---------------------------------------------------------------------------

def def_rpr(sz, color=None, font="+mn-lt", b=None):
    kids = solid(color or scheme("tx1"))
    kids += (elem("a:latin", typeface=font) + elem("a:ea", typeface=font[:-2] + "ea")
             + elem("a:cs", typeface=font[:-2] + "cs"))
    return elem("a:defRPr", kids, sz=sz * 100, b=b, kern=1200)


def level_styles(levels):
    """lvl1pPr..lvl9pPr; levels = list of ppr() keyword dicts."""
    return "".join(ppr(tag=f"a:lvl{n}pPr", defTabSz=914400, rtl=False, eaLnBrk=True,
                       latinLnBrk=False, hangingPunct=True, **kw)
                   for n, kw in enumerate(levels, start=1))


def other_style_levels():
    return [dict(mar_l=457200 * n, algn="l", def_rpr=def_rpr(18)) for n in range(9)]


def tx_styles(title_color=None):
    title = level_styles([dict(algn="l", ln_spc=90000, spc_bef=0, bullet="none",
                               def_rpr=def_rpr(44, title_color, "+mj-lt"))])
    body_sizes = [28, 24, 20, 18, 18, 18, 18, 18, 18]
    body = level_styles([dict(mar_l=228600 + 457200 * n, indent=-228600, algn="l",
                              ln_spc=90000, spc_bef=10 if n == 0 else 5,
                              bu_font="Arial", bullet="•", def_rpr=def_rpr(sz))
                         for n, sz in enumerate(body_sizes)])
    other = '<a:defPPr><a:defRPr lang="en-US"/></a:defPPr>' + level_styles(other_style_levels())
    return elem("p:txStyles", elem("p:titleStyle", title) + elem("p:bodyStyle", body)
                + elem("p:otherStyle", other))


# Standard 16:9 placeholder frames (as in PowerPoint's default template)
TITLE_FRAME = (838200, 365125, 10515600, 1325563)
BODY_FRAME = (838200, 1825625, 10515600, 4351338)
DT_FRAME = (838200, 6356350, 2743200, 365125)
FTR_FRAME = (4038600, 6356350, 4114800, 365125)
SLDNUM_FRAME = (8610600, 6356350, 2743200, 365125)
MASTER_PROMPTS = ["Click to edit Master text styles", "Second level", "Third level",
                  "Fourth level", "Fifth level"]


def footer_lst_style(algn):
    return ppr(tag="a:lvl1pPr", algn=algn,
               def_rpr=elem("a:defRPr", solid(scheme("tx1", tint=75000)), sz=1200))


def footer_placeholders(master=False):
    """dt / ftr / sldNum placeholders (master: with frames; layouts: inherit)."""
    specs = [("Date Placeholder", "dt", 10, DT_FRAME, "l", field("1/1/2024", "datetimeFigureOut")),
             ("Footer Placeholder", "ftr", 11, FTR_FRAME, "ctr", ""),
             ("Slide Number Placeholder", "sldNum", 12, SLDNUM_FRAME, "r",
              field("‹#›", "slidenum", "{6D22F896-40B5-41FF-A4AD-7DD9E4B1F2D7}"))]
    out = []
    for name, kind, idx, frame, algn, content in specs:
        paras = [para(content) if content else para()]
        if master:
            out.append(placeholder(name, ph(kind, sz="quarter", idx=idx), paras,
                                   xf=xfrm(*frame), lst_style=footer_lst_style(algn),
                                   anchor="ctr", vert="horz", rtl_col=False))
        else:
            out.append(placeholder(name, ph(kind, sz="quarter", idx=idx), paras))
    return out


def master_placeholders():
    title = placeholder("Title Placeholder", ph("title"),
                        [para(run("Click to edit Master title style"))],
                        xf=xfrm(*TITLE_FRAME), vert="horz", anchor="ctr", rtl_col=False,
                        autofit={})
    body = placeholder("Text Placeholder", ph("body", idx=1),
                       [para(run(t), lvl=n if n else None) for n, t in enumerate(MASTER_PROMPTS)],
                       xf=xfrm(*BODY_FRAME), vert="horz", rtl_col=False, autofit={})
    return [title, body] + footer_placeholders(master=True)


class Layout:
    def __init__(self, key, name, ltype, shapes, bg=None, show_master_sp=True):
        self.key, self.name, self.type = key, name, ltype
        self.shapes, self.bg, self.show_master_sp = shapes, bg, show_master_sp

    def xml(self):
        return (XML_DECL + f"<p:sldLayout {FLAVOR.pml_ns()}"
                + attrs(showMasterSp=None if self.show_master_sp else False,
                        type=self.type, preserve=True) + ">"
                + elem("p:cSld", (self.bg or "") + sp_tree(self.shapes), name=self.name)
                + "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>")


def title_ph(paras=None, xf=None, **kw):
    return placeholder("Title 1", ph("title"),
                       paras or [para(run("Click to edit Master title style"))], xf=xf, **kw)


def content_ph(idx=1, xf=None):
    return placeholder("Content Placeholder 2", ph(idx=idx),
                       [para(run(t), lvl=n if n else None) for n, t in enumerate(MASTER_PROMPTS)],
                       xf=xf)


def layout_title_slide():
    ctr = placeholder("Title 1", ph("ctrTitle"), [para(run("Click to edit Master title style"))],
                      xf=xfrm(1524000, 1122363, 9144000, 2387600), anchor="b",
                      lst_style=ppr(tag="a:lvl1pPr", algn="ctr", def_rpr=elem("a:defRPr", sz=6000)))
    sub = placeholder("Subtitle 2", ph("subTitle", idx=1),
                      [para(run("Click to edit Master subtitle style"))],
                      xf=xfrm(1524000, 3602038, 9144000, 1655762),
                      lst_style=ppr(tag="a:lvl1pPr", mar_l=0, indent=0, algn="ctr", bullet="none",
                                    def_rpr=elem("a:defRPr", sz=2400)))
    return Layout("title", "Title Slide", "title", [ctr, sub] + footer_placeholders())


def layout_content():
    return Layout("content", "Title and Content", "obj",
                  [title_ph(), content_ph()] + footer_placeholders())


def layout_title_only():
    return Layout("titleOnly", "Title Only", "titleOnly", [title_ph()] + footer_placeholders())


def layout_blank():
    return Layout("blank", "Blank", "blank", footer_placeholders())


def standard_layouts():
    return [layout_title_slide(), layout_content(), layout_title_only(), layout_blank()]


class Master:
    CLR_MAP = dict(bg1="lt1", tx1="dk1", bg2="lt2", tx2="dk2", accent1="accent1",
                   accent2="accent2", accent3="accent3", accent4="accent4",
                   accent5="accent5", accent6="accent6", hlink="hlink", folHlink="folHlink")

    def __init__(self, layouts=None, bg=None, decoration=(), title_color=None):
        self.layouts = layouts if layouts is not None else standard_layouts()
        self.bg = bg or bg_ref(1001, scheme("bg1"))
        self.decoration = list(decoration)
        self.title_color = title_color

    def xml(self):
        ids = "".join(elem("p:sldLayoutId", id=2147483649 + n, **{"r:id": f"rId{n + 1}"})
                      for n in range(len(self.layouts)))
        shapes = self.decoration + master_placeholders()
        return (XML_DECL + f"<p:sldMaster {FLAVOR.pml_ns()}>"
                + elem("p:cSld", self.bg + sp_tree(shapes))
                + elem("p:clrMap", **self.CLR_MAP)
                + elem("p:sldLayoutIdLst", ids) + tx_styles(self.title_color)
                + "</p:sldMaster>")


# ---------------------------------------------------------------------------
# Slides and the deck (package assembly)
# ---------------------------------------------------------------------------

class Slide:
    def __init__(self, deck, layout, show=True, bg=None, clr_map_ovr=None):
        self.deck, self.layout = deck, layout
        self.shapes, self.bg, self.show, self.clr_map_ovr = [], bg, show, clr_map_ovr
        self.rels = [("slideLayout", None, False)]   # rId1 -> layout (target set on build)

    def add(self, *shapes):
        self.shapes.extend(shapes)
        return self

    def rel(self, kind, target, external=False):
        """Relationship id for (kind, target); one relationship per target."""
        key = (kind, target, external)
        if key not in self.rels:
            self.rels.append(key)
        return f"rId{self.rels.index(key) + 1}"

    def image(self, img):
        """Relationship id of a picture part (added to the deck's media)."""
        return self.rel("image", "../media/" + self.deck.media_name(img))

    def xml(self):
        ovr = (elem("a:overrideClrMapping", **self.clr_map_ovr) if self.clr_map_ovr
               else "<a:masterClrMapping/>")
        return (XML_DECL + f"<p:sld {FLAVOR.pml_ns()}" + attrs(show=None if self.show else False)
                + ">" + elem("p:cSld", (self.bg or "") + sp_tree(self.shapes))
                + elem("p:clrMapOvr", ovr) + "</p:sld>")


def rels_xml(rels):
    """rels: list of (type URI, target, external)."""
    body = "".join(elem("Relationship", Id=f"rId{n}", Type=t, Target=target,
                        TargetMode="External" if ext else None)
                   for n, (t, target, ext) in enumerate(rels, start=1))
    return XML_DECL + f'<Relationships xmlns="{PKG_RELS_NS}">{body}</Relationships>'


class Deck:
    def __init__(self, title, master=None, flavor=TRANSITIONAL, size=(SLIDE_W, SLIDE_H)):
        self.title, self.flavor, self.size = title, flavor, size
        self.master = master or Master()
        self.slides, self.media = [], {}

    def slide(self, layout="content", **kw):
        keys = [lay.key for lay in self.master.layouts]
        if layout not in keys:
            raise KeyError(f"no layout {layout!r} in {keys}")
        s = Slide(self, layout, **kw)
        self.slides.append(s)
        return s

    def media_name(self, img):
        if img.key not in self.media:
            self.media[img.key] = (f"image{len(self.media) + 1}.{img.ext}", img)
        return self.media[img.key][0]

    # -- package parts ------------------------------------------------------

    def _presentation_xml(self):
        slide_ids = "".join(elem("p:sldId", id=256 + n, **{"r:id": f"rId{n + 2}"})
                            for n in range(len(self.slides)))
        default_style = ('<a:defPPr><a:defRPr lang="en-US"/></a:defPPr>'
                         + level_styles(other_style_levels()))
        return (XML_DECL + f"<p:presentation {FLAVOR.pml_ns()}"
                + attrs(conformance="strict" if FLAVOR.strict else None, saveSubsetFonts=True) + ">"
                + '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
                + (elem("p:sldIdLst", slide_ids) if self.slides else "<p:sldIdLst/>")
                + elem("p:sldSz", cx=self.size[0], cy=self.size[1])
                + elem("p:notesSz", cx=NOTES_W, cy=NOTES_H)
                + elem("p:defaultTextStyle", default_style) + "</p:presentation>")

    def _props_parts(self):
        ns = FLAVOR.pml_ns()
        pres_props = XML_DECL + f"<p:presentationPr {ns}/>"
        view_props = (XML_DECL + f"<p:viewPr {ns}><p:normalViewPr><p:restoredLeft sz=\"15620\"/>"
                      '<p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" '
                      'cy="76200"/></p:viewPr>')
        table_styles = (XML_DECL + f'<a:tblStyleLst xmlns:a="{FLAVOR.a}" '
                        'def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>')
        return pres_props, view_props, table_styles

    def _app_xml(self):
        hidden = sum(1 for s in self.slides if not s.show)
        fields = [("TotalTime", 0), ("Words", 0), ("Application", "Microsoft Office PowerPoint"),
                  ("PresentationFormat", "Widescreen"), ("Paragraphs", 0),
                  ("Slides", len(self.slides)), ("Notes", 0), ("HiddenSlides", hidden),
                  ("MMClips", 0), ("ScaleCrop", "false"), ("LinksUpToDate", "false"),
                  ("SharedDoc", "false"), ("HyperlinksChanged", "false"), ("AppVersion", "16.0000")]
        body = "".join(f"<{k}>{v}</{k}>" for k, v in fields)
        return (XML_DECL + f'<Properties xmlns="{FLAVOR.app}" xmlns:vt="{FLAVOR.vt}">'
                + body + "</Properties>")

    def _core_xml(self):
        stamp = "2024-01-01T00:00:00Z"
        return (XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
                '2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
                'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"<dc:title>{escape(self.title)}</dc:title><dc:creator>slides2png gen-samples.py"
                "</dc:creator><cp:lastModifiedBy>slides2png gen-samples.py</cp:lastModifiedBy>"
                f'<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}'
                f'</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}'
                "</dcterms:modified></cp:coreProperties>")

    def _content_types(self, files):
        exts = sorted({name.rsplit(".", 1)[1] for name in files if name.startswith("ppt/media/")})
        defaults = [("rels", "application/vnd.openxmlformats-package.relationships+xml"),
                    ("xml", "application/xml")] + [(e, IMAGE_TYPES[e]) for e in exts]
        overrides = [("/ppt/presentation.xml", "presentation"),
                     ("/ppt/slideMasters/slideMaster1.xml", "slideMaster")]
        overrides += [(f"/ppt/slides/slide{n}.xml", "slide") for n in range(1, len(self.slides) + 1)]
        overrides += [(f"/ppt/slideLayouts/slideLayout{n}.xml", "slideLayout")
                      for n in range(1, len(self.master.layouts) + 1)]
        overrides += [("/ppt/presProps.xml", "presProps"), ("/ppt/viewProps.xml", "viewProps"),
                      ("/ppt/theme/theme1.xml", "theme"), ("/ppt/tableStyles.xml", "tableStyles"),
                      ("/docProps/core.xml", "core"), ("/docProps/app.xml", "app")]
        body = "".join(elem("Default", Extension=e, ContentType=t) for e, t in defaults)
        body += "".join(elem("Override", PartName=p, ContentType=CONTENT_TYPES[k])
                        for p, k in overrides)
        return XML_DECL + f'<Types xmlns="{CT_NS}">{body}</Types>'

    def build(self):
        """All parts of the package: {zip entry name: bytes}."""
        assert FLAVOR is self.flavor, "build decks inside using_flavor()"
        rel = FLAVOR.rel
        files = {}
        layouts = self.master.layouts
        layout_index = {lay.key: n for n, lay in enumerate(layouts, start=1)}

        files["_rels/.rels"] = rels_xml([(rel("officeDocument"), "ppt/presentation.xml", False),
                                         (rel("core-properties"), "docProps/core.xml", False),
                                         (rel("extended-properties"), "docProps/app.xml", False)])
        files["docProps/core.xml"] = self._core_xml()
        files["docProps/app.xml"] = self._app_xml()
        files["ppt/presentation.xml"] = self._presentation_xml()
        files["ppt/_rels/presentation.xml.rels"] = rels_xml(
            [(rel("slideMaster"), "slideMasters/slideMaster1.xml", False)]
            + [(rel("slide"), f"slides/slide{n}.xml", False)
               for n in range(1, len(self.slides) + 1)]
            + [(rel("presProps"), "presProps.xml", False), (rel("viewProps"), "viewProps.xml", False),
               (rel("theme"), "theme/theme1.xml", False),
               (rel("tableStyles"), "tableStyles.xml", False)])
        (files["ppt/presProps.xml"], files["ppt/viewProps.xml"],
         files["ppt/tableStyles.xml"]) = self._props_parts()
        files["ppt/theme/theme1.xml"] = theme_xml()
        files["ppt/slideMasters/slideMaster1.xml"] = self.master.xml()
        files["ppt/slideMasters/_rels/slideMaster1.xml.rels"] = rels_xml(
            [(rel("slideLayout"), f"../slideLayouts/slideLayout{n}.xml", False)
             for n in range(1, len(layouts) + 1)]
            + [(rel("theme"), "../theme/theme1.xml", False)])
        for n, lay in enumerate(layouts, start=1):
            files[f"ppt/slideLayouts/slideLayout{n}.xml"] = lay.xml()
            files[f"ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"] = rels_xml(
                [(rel("slideMaster"), "../slideMasters/slideMaster1.xml", False)])
        for n, s in enumerate(self.slides, start=1):
            files[f"ppt/slides/slide{n}.xml"] = s.xml()
            rels = [(rel(kind), target, ext) for kind, target, ext in s.rels]
            rels[0] = (rel("slideLayout"), f"../slideLayouts/slideLayout{layout_index[s.layout]}.xml",
                       False)
            files[f"ppt/slides/_rels/slide{n}.xml.rels"] = rels_xml(rels)
        for name, img in self.media.values():
            files["ppt/media/" + name] = img.data
        files["[Content_Types].xml"] = self._content_types(files)
        return {k: (v.encode("utf-8") if isinstance(v, str) else v) for k, v in files.items()}


class using_flavor:
    """Context manager: build XML with the given namespace flavour."""
    def __init__(self, flavor):
        self.flavor = flavor

    def __enter__(self):
        global FLAVOR
        self.saved, FLAVOR = FLAVOR, self.flavor

    def __exit__(self, *exc):
        global FLAVOR
        FLAVOR = self.saved


def zip_bytes(files):
    """Deterministic zip: sorted entries, fixed timestamps and attributes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, files[name], compresslevel=9)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# Layout helpers shared by the deck definitions
# ---------------------------------------------------------------------------

def label(text, x, y, cx, cy=400000, sz=12, algn="ctr", color=None, **kw):
    """A caption text box."""
    return textbox("Label", xfrm(x, y, cx, cy),
                   [para(run(text, sz=sz, color=color), algn=algn)], **kw)


def slide_title(text, sz=None):
    return placeholder("Title 1", ph("title"), [para(run(text, sz=sz))])


def outlined(color="7F7F7F", width=9525):
    return line(width, solid(srgb(color)))


# ---------------------------------------------------------------------------
# Deck 1: sample.pptx -- the showcase deck
# ---------------------------------------------------------------------------

def deck_sample():
    d = Deck("slides2png sample deck")

    # 1. Title slide: placeholders inherit their position from the layout.
    d.slide("title").add(
        placeholder("Title 1", ph("ctrTitle"), [para(run("slides2png"))]),
        placeholder("Subtitle 2", ph("subTitle", idx=1),
                    [para(run("PowerPoint slides rendered to PNG")),
                     para(run("sample deck", i=True, color=scheme("accent1")))]))

    # 2. Title and content with formatted bullets on three levels.
    d.slide("content").add(
        placeholder("Title 1", ph("title"), [para(run("Text formatting"))]),
        placeholder("Content Placeholder 2", ph(idx=1), [
            para(run("First-level bullet with plain text")),
            para(run("Runs can be "), run("bold", b=True), run(", "), run("italic", i=True),
                 run(", "), run("underlined", u=True), run(" or "),
                 run("coloured", color=srgb("C00000")), run(".")),
            para(run("Second level (24 pt from the master body style)"), lvl=1),
            para(run("A "), run("36 pt", sz=36, b=True, color=scheme("accent2")),
                 run(" run next to a "), run("14 pt", sz=14), run(" run"), lvl=1),
            para(run("Third level bullet"), lvl=2),
            para(run("Theme colour accent6, darker", color=scheme("accent6", lumMod=75000),
                     b=True, i=True), lvl=2),
            para(run("Back to the first level")),
        ]),
        placeholder("Slide Number Placeholder 3", ph("sldNum", sz="quarter", idx=12),
                    [para(field("2", "slidenum", "{6D22F896-40B5-41FF-A4AD-7DD9E4B1F2D7}"))]))

    # 3. Shapes with fills, outlines and anchored text.
    s = d.slide("titleOnly").add(slide_title("Shapes, fills and outlines"))
    top, w, h, step = 1650000, 1600000, 1500000, 1850000
    row = [
        ("rect", solid(srgb("2E75B6")), line(12700, solid(srgb("1F4E79"))), "top / left", "t", "l"),
        ("roundRect", solid(scheme("accent2")),
         line(25400, solid(scheme("accent2", lumMod=50000))), "centre", "ctr", "ctr"),
        ("ellipse", solid(scheme("accent6", lumMod=75000)), line(38100, solid(srgb("385723"))),
         "bottom / right", "b", "r"),
        ("triangle", solid(scheme("accent4", lumMod=60000, lumOff=40000)),
         line(50800, solid(scheme("accent4", lumMod=75000))), None, None, None),
        ("rightArrow", solid(scheme("accent5")), "<a:ln><a:noFill/></a:ln>", None, None, None),
        ("star5", solid(scheme("accent1", lumMod=60000, lumOff=40000)),
         line(19050, solid(scheme("accent1"))), None, None, None),
    ]
    for n, (prst, fill, ln, text, anchor, algn) in enumerate(row):
        body = None
        if text:
            body = tx_body([para(run(text, sz=14, color=srgb("FFFFFF")), algn=algn)],
                           anchor=anchor, rtl_col=False)
        s.add(shape(prst, xfrm(600000 + n * step, top, w, h), prst, fill=fill, ln=ln, text=body))
    for n in range(6):
        accent = f"accent{n + 1}"
        s.add(shape(accent, xfrm(600000 + n * step, 3450000, w, 800000), "rect",
                    fill=solid(scheme(accent)), ln="<a:ln><a:noFill/></a:ln>",
                    text=[para(run(accent, sz=14), algn="ctr")]))
    s.add(shape("Line", xfrm(600000, 4750000, 10850000, 0), "line",
                ln=line(50800, solid(scheme("accent3", lumMod=50000)), tail="triangle"),
                style=False),
          shape("Dashed line", xfrm(600000, 5150000, 10850000, 0), "line",
                ln=line(19050, solid(srgb("C00000")), dash="dash"), style=False),
          label("outline widths: 1, 2, 3, 4 pt, none, 1.5 pt; arrow line 4 pt, dashed line 1.5 pt",
                600000, 5400000, 10850000, sz=14))

    # 4. Pictures: PNG with alpha over a shape, JPEG uncropped and cropped.
    s = d.slide("titleOnly").add(slide_title("Pictures"))
    s.add(shape("Backdrop", xfrm(700000, 1800000, 3200000, 3200000), "rect",
                fill=solid(scheme("accent1", lumMod=20000, lumOff=80000)), style=False),
          picture("PNG with alpha", s.image(image("alpha.png")),
                  xfrm(1100000, 2200000, 2400000, 2400000)),
          picture("JPEG", s.image(image("quadrants.jpeg")), xfrm(4500000, 2200000, 3000000, 2000000)),
          picture("JPEG cropped", s.image(image("quadrants.jpeg")),
                  xfrm(8200000, 2200000, 1500000, 2000000), src_rect=dict(l=pct(50000))),
          label("PNG with alpha channel", 700000, 5150000, 3200000, sz=16),
          label("JPEG (96 x 64 px)", 4500000, 5150000, 3000000, sz=16),
          label("same JPEG, srcRect l=50%: right half only", 7700000, 5150000, 2500000, 700000,
                sz=16))

    # 5. Gradient background and a scaled, rotated, flipped group.
    s = d.slide("titleOnly", bg=bg_props(grad([(0, srgb("DEEBF7")), (100000, srgb("2E75B6"))], 90)))
    s.add(slide_title("Gradient background, groups"))

    def group_children():
        return [shape("Square", xfrm(500000, 500000, 1000000, 1000000), "rect",
                      fill=solid(scheme("accent2"))),
                shape("Circle", xfrm(1500000, 500000, 1000000, 1000000), "ellipse",
                      fill=solid(scheme("accent6"))),
                shape("Arrow", xfrm(500000, 1500000, 2000000, 1000000), "rightArrow",
                      fill=solid(scheme("accent4")), text=[para(run("GROUP", sz=16, b=True),
                                                                 algn="ctr")])]
    ch = (500000, 500000, 2000000, 2000000)
    s.add(group("Group identity", xfrm(1200000, 2000000, 2000000, 2000000, ch=ch), group_children()),
          group("Group transformed", xfrm(5800000, 2300000, 4000000, 2000000, rot=15, flip_h=True,
                                          ch=ch), group_children()),
          label("group: ext = chExt (unscaled)", 700000, 4900000, 3000000, sz=16),
          label("same group: ext 2x wide (chExt), rot 15°, flipH", 5300000, 5000000, 5000000,
                sz=16))

    # 6. Hidden slide.
    d.slide("blank", show=False).add(
        label("HIDDEN", 0, 2400000, SLIDE_W, 2000000, sz=96, color=srgb("FF0000"), anchor="ctr"))
    return d


# ---------------------------------------------------------------------------
# Deck 2: shapes-basic.pptx
# ---------------------------------------------------------------------------

def deck_shapes_basic():
    d = Deck("Basic shapes")
    s = d.slide("titleOnly").add(slide_title("Preset shapes"))
    w, h, top = 1700000, 1500000, 1700000
    items = [("rect", None, "rect"), ("roundRect", {"adj": 50000}, "roundRect adj=50000"),
             ("ellipse", None, "ellipse"), ("triangle", None, "triangle"),
             ("triangle", {"adj": 0}, "triangle adj=0")]
    for n, (prst, adj, text) in enumerate(items):
        x = 500000 + n * 2300000
        s.add(shape(prst, xfrm(x, top, w, h), prst, adj=adj),
              label(text, x - 200000, top + h + 100000, w + 400000, sz=14))
    s.add(shape("Line", xfrm(800000, 4300000, 4000000, 1200000), "line",
                ln=line(38100, solid(scheme("accent2"))), style=False),
          label("line (top-left to bottom-right)", 500000, 5600000, 4600000, sz=14),
          shape("Flipped line", xfrm(6800000, 4300000, 4000000, 1200000, flip_v=True), "line",
                ln=line(38100, solid(scheme("accent6"))), style=False),
          label("line flipV (bottom-left to top-right)", 6500000, 5600000, 4600000, sz=14))

    s = d.slide("titleOnly").add(slide_title("Rotation, flips and connectors"))
    # Connected shapes first: they get ids 3 and 4 (the title is id 2).
    s.add(shape("Start", xfrm(700000, 4400000, 1400000, 1000000), "ellipse",
                text=[para(run("A", sz=20), algn="ctr")]),
          shape("End", xfrm(4300000, 5200000, 1400000, 1000000), "ellipse", accent="accent2",
                fill=solid(scheme("accent2")), text=[para(run("B", sz=20), algn="ctr")]),
          connector("Connector A-B", xfrm(2100000, 4900000, 2200000, 800000),
                    ln=line(28575, solid(srgb("000000")), tail="triangle"),
                    start=(3, 6), end=(4, 2)))
    specs = [("rot 30°", "rect", dict(rot=30)), ("triangle", "triangle", {}),
             ("flipH", "triangle", dict(flip_h=True)),
             ("flipV", "triangle", dict(flip_v=True)),
             ("rightArrow flipH", "rightArrow", dict(flip_h=True))]
    for n, (text, prst, kw) in enumerate(specs):
        x = 500000 + n * 2300000
        s.add(shape(prst, xfrm(x, 1950000, 1700000, 1400000, **kw), prst,
                    adj={"adj": 20000} if prst == "triangle" else None,
                    fill=solid(scheme("accent5")), text=[para(run(text, sz=14), algn="ctr")]),
              label(text, x, 3550000, 1700000, sz=14))
    s.add(label("straightConnector1 from A (site 6) to B (site 2) with arrow head", 6200000,
                4900000, 5400000, 700000, sz=14, algn="l"))
    return d


# ---------------------------------------------------------------------------
# Deck 3: text-basic.pptx
# ---------------------------------------------------------------------------

LOREM = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen "
         "liquor jugs. How vexingly quick daft zebras jump!")


def deck_text_basic():
    d = Deck("Text basics")

    s = d.slide("titleOnly").add(slide_title("Fonts, sizes and run formatting"))
    fonts = ["Calibri", "Cambria", "Arial", "Times New Roman", "Courier New"]
    s.add(textbox("Fonts", xfrm(600000, 1600000, 5400000, 3000000),
                  [para(run(f"{f}: Sphinx of black quartz", sz=20, font=f)) for f in fonts]))
    s.add(textbox("Sizes", xfrm(6400000, 1600000, 5400000, 3000000),
                  [para(run(f"{sz} pt ", sz=sz), run("Aa", sz=sz, b=True))
                   for sz in (10, 14, 20, 28, 40)]))
    s.add(textbox("Run formatting", xfrm(600000, 4800000, 11000000, 1200000), [
        para(run("plain ", sz=24), run("bold ", sz=24, b=True), run("italic ", sz=24, i=True),
             run("underline", sz=24, u=True), run(" ", sz=24),
             run("bold-italic-underline ", sz=24, b=True, i=True, u=True),
             run("red ", sz=24, color=srgb("FF0000")),
             run("accent1 ", sz=24, color=scheme("accent1")),
             run("green Cambria", sz=24, color=srgb("00A050"), font="Cambria"))]))

    s = d.slide("titleOnly").add(slide_title("Alignment and anchoring"))
    for n, algn in enumerate(["l", "ctr", "r", "just"]):
        s.add(textbox(f"algn {algn}", xfrm(500000, 1500000 + n * 1200000, 5600000, 1100000),
                      [para(run(f"algn={algn}: ", b=True, sz=14), run(LOREM, sz=14), algn=algn)],
                      ln=outlined()))
    for n, anchor in enumerate(["t", "ctr", "b"]):
        s.add(textbox(f"anchor {anchor}", xfrm(6500000 + n * 1800000, 1500000, 1650000, 4600000),
                      [para(run(f"anchor={anchor}", sz=16), algn="ctr")], anchor=anchor,
                      fill=solid(scheme("accent1", lumMod=20000, lumOff=80000)), ln=outlined()))

    s = d.slide("titleOnly").add(slide_title("Insets and wrapping"))
    s.add(textbox("Default insets", xfrm(600000, 1600000, 5200000, 1600000),
                  [para(run("Default insets (0.1 in left/right, 0.05 in top/bottom). " + LOREM,
                            sz=14))],
                  fill=solid(scheme("accent2", lumMod=20000, lumOff=80000)), ln=outlined()),
          textbox("Custom insets", xfrm(6400000, 1600000, 5200000, 1600000),
                  [para(run("lIns=0.5 in, tIns=0.25 in, rIns=0, bIns=0. " + LOREM, sz=14))],
                  insets=(457200, 228600, 0, 0),
                  fill=solid(scheme("accent2", lumMod=20000, lumOff=80000)), ln=outlined()),
          textbox("wrap none", xfrm(600000, 3800000, 3000000, 800000),
                  [para(run("wrap=none: this line keeps going past the box edge", sz=16))],
                  wrap="none", ln=outlined("C00000")),
          textbox("wrap square", xfrm(600000, 4900000, 3000000, 1200000),
                  [para(run("wrap=square: this line wraps inside the box", sz=16))],
                  wrap="square", ln=outlined("00A050")),
          textbox("Line breaks", xfrm(6400000, 3800000, 5200000, 2200000),
                  [para(run("One paragraph with a:br", sz=18), br(), run("second line", sz=18),
                        br(), run("third line", sz=18, i=True)),
                   para(run("Second paragraph", sz=18, b=True))], ln=outlined()))

    s = d.slide("titleOnly").add(slide_title("Bullets and spacing"))
    s.add(textbox("Bullets", xfrm(600000, 1600000, 5300000, 4400000), [
        para(run("buChar • with marL 0.375 in, indent -0.25 in", sz=18),
             mar_l=342900, indent=-228600, bu_font="Arial", bullet="•"),
        para(run("second item, same bullet", sz=18), mar_l=342900, indent=-228600,
             bu_font="Arial", bullet="•"),
        para(run("nested: buChar – with marL 0.75 in", sz=16), mar_l=685800, indent=-228600,
             bu_font="Arial", bullet="–"),
        para(run("buChar ▪ (Wingdings-free square)", sz=16), mar_l=685800, indent=-228600,
             bullet="▪"),
        para(run("no bullet, marL 0", sz=18)),
    ], ln=outlined()))
    s.add(textbox("Spacing", xfrm(6300000, 1600000, 5300000, 4400000), [
        para(run("Single spaced paragraph. " + LOREM, sz=14)),
        para(run("spcBef 24 pt, lnSpc 150%. " + LOREM, sz=14), spc_bef=24, ln_spc=150000),
        para(run("spcBef 12 pt, single spacing.", sz=14), spc_bef=12),
    ], ln=outlined()))

    s = d.slide("titleOnly").add(slide_title("Autofit (normAutofit)"))
    lines = [para(run(f"Line {n}: overfull text box", sz=24)) for n in range(1, 11)]
    s.add(textbox("Shrunk", xfrm(600000, 1600000, 5200000, 2600000), lines, ln=outlined(),
                  autofit=dict(fontScale=62500, lnSpcReduction=20000)),
          textbox("Overflowing", xfrm(6400000, 1600000, 5200000, 2600000), lines, ln=outlined()),
          label("normAutofit fontScale=62.5%, lnSpcReduction=20%: fits the box", 600000,
                4350000, 5200000, 700000, sz=14),
          label("same text, no autofit: overflows below the box", 6400000, 1150000, 5200000,
                sz=14))
    return d


# ---------------------------------------------------------------------------
# Deck 4: placeholders.pptx
# ---------------------------------------------------------------------------

def deck_placeholders():
    bar = shape("Master bar", xfrm(0, 0, SLIDE_W, 228600), "rect",
                fill=solid(scheme("accent1")), style=False,
                text=tx_body([para(run("master decoration", sz=10, color=scheme("bg1")),
                                   algn="r")], anchor="ctr", insets=(91440, 0, 91440, 0)))
    panel = shape("Layout panel", xfrm(0, 1825625, 3600000, 4351338), "rect",
                  fill=solid(scheme("accent2", lumMod=40000, lumOff=60000)), style=False,
                  text=[para(run("layout shape", sz=18, color=scheme("tx1")), algn="ctr")])
    layouts = [
        layout_title_slide(),
        layout_content(),
        Layout("panel", "Panel and Content", "obj",
               [title_ph(), panel, content_ph(xf=xfrm(4000000, 1825625, 7354000, 4351338))]
               + footer_placeholders()),
        Layout("noMaster", "Title Only, no master shapes", "titleOnly",
               [title_ph()] + footer_placeholders(), show_master_sp=False),
        layout_blank(),
    ]
    d = Deck("Placeholder inheritance",
             Master(layouts, bg=bg_ref(1001, scheme("bg2")), decoration=[bar],
                    title_color=scheme("accent1", lumMod=75000)))

    d.slide("title").add(
        placeholder("Title 1", ph("ctrTitle"), [para(run("Placeholder inheritance"))]),
        placeholder("Subtitle 2", ph("subTitle", idx=1),
                    [para(run("positions come from the Title Slide layout"))]))
    d.slide("content").add(
        placeholder("Title 1", ph("title"), [para(run("Title uses the master titleStyle"))]),
        placeholder("Content Placeholder 2", ph(idx=1), [
            para(run("Neither slide nor layout has an xfrm here")),
            para(run("the frame comes from the master body placeholder (matched by type)"),
                 lvl=1),
            para(run("bullets, sizes and spacing come from the master bodyStyle")),
            para(run("level 3 text"), lvl=2),
        ]))
    d.slide("content").add(
        placeholder("Title 1", ph("title"), [para(run("Empty body placeholder below"))]),
        placeholder("Content Placeholder 2", ph(idx=1), [para()]),
        label("(the empty content placeholder must not be drawn: no prompt text, no bullet)",
              838200, 5800000, 10515600, sz=14))
    d.slide("panel").add(
        placeholder("Title 1", ph("title"), [para(run("Layout with its own shapes"))]),
        placeholder("Content Placeholder 2", ph(idx=1), [
            para(run("The orange panel is a shape on the layout")),
            para(run("This body gets its frame from the layout (idx=1)"))]))
    d.slide("noMaster").add(
        placeholder("Title 1", ph("title"), [para(run("showMasterSp=\"0\": no master bar"))]),
        label("The layout hides the master's shapes: the blue bar at the top is not drawn.",
              838200, 2500000, 10515600, sz=20))
    d.slide("content", bg=bg_ref(1001, scheme("bg2")),
            clr_map_ovr=dict(Master.CLR_MAP, bg1="dk1", tx1="lt1", bg2="dk2", tx2="lt2")).add(
        placeholder("Title 1", ph("title"),
                    [para(run("clrMapOvr: bg1=dk1, tx1=lt1", color=scheme("tx1")))]),
        placeholder("Content Placeholder 2", ph(idx=1), [
            para(run("Background bgRef bg2 now maps to dk2 (dark slate)")),
            para(run("Body text tx1 now maps to lt1 (white)"))]))
    d.slide("content").add(
        placeholder("Title 1", ph("title"), [para(run("Title moved by its own spPr xfrm"))],
                    xf=xfrm(838200, 5000000, 10515600, 1000000)),
        placeholder("Content Placeholder 2", ph(idx=1),
                    [para(run("The title below overrides the inherited frame"))],
                    xf=xfrm(838200, 600000, 10515600, 2000000)))
    return d


# ---------------------------------------------------------------------------
# Deck 5: pictures.pptx
# ---------------------------------------------------------------------------

def deck_pictures():
    d = Deck("Pictures")

    s = d.slide("titleOnly").add(slide_title("PNG variants"))
    s.add(shape("Black half", xfrm(500000, 1600000, 1300000, 2600000), "rect",
                fill=solid(srgb("000000")), style=False),
          shape("White half", xfrm(1800000, 1600000, 1300000, 2600000), "rect",
                fill=solid(srgb("FFFFFF")), ln=outlined(), style=False))
    pics = [("alpha.png", "RGBA with alpha (over black/white)", (700000, 1800000, 2200000, 2200000)),
            ("quadrants.png", "opaque RGB", (3500000, 1900000, 3000000, 2000000)),
            ("palette.png", "palette (colour type 3)", (6900000, 1900000, 2000000, 2000000)),
            ("grey.png", "greyscale", (9300000, 1900000, 2400000, 1600000))]
    for key, text, frame in pics:
        s.add(picture(key, s.image(image(key)), xfrm(*frame)))
        s.add(label(text, frame[0] - 200000, 4500000, frame[2] + 400000, 700000, sz=14))

    s = d.slide("titleOnly").add(slide_title("JPEG"))
    s.add(picture("Colour JPEG", s.image(image("quadrants.jpeg")),
                  xfrm(1000000, 1800000, 4500000, 3000000)),
          picture("Grey JPEG", s.image(image("grey.jpeg")), xfrm(6600000, 1800000, 4500000, 3000000)),
          label("baseline JPEG, YCbCr 4:4:4", 1000000, 5000000, 4500000, sz=16),
          label("baseline JPEG, 1 component (greyscale)", 6600000, 5000000, 4500000, sz=16))

    s = d.slide("titleOnly").add(slide_title("Crop, rotation and flip"))
    img = s.image(image("quadrants.png"))
    crop = dict(l=pct(25000), t=pct(10000), r=pct(10000), b=pct(25000))
    s.add(picture("Original", img, xfrm(500000, 2000000, 2400000, 1600000)),
          picture("Cropped", img, xfrm(3300000, 2000000, 2400000, 1600000), src_rect=crop),
          picture("Rotated", img, xfrm(6200000, 2000000, 2400000, 1600000, rot=45)),
          picture("Flipped", img, xfrm(9100000, 2000000, 2400000, 1600000, flip_h=True)),
          label("original", 500000, 4300000, 2400000, sz=14),
          label("srcRect l=25% t=10% r=10% b=25%", 3100000, 4300000, 2800000, 700000, sz=14),
          label("rot 45°", 6200000, 4300000, 2400000, sz=14),
          label("flipH (green now on the left)", 8900000, 4300000, 2800000, 700000, sz=14))

    s = d.slide("blank")
    s.bg = bg_props(blip_fill(s.image(image("quadrants.jpeg")), dpi=0, rot_with_shape=True))
    s.add(label("Picture (blipFill) background, stretched", 2000000, 3000000, 8192000, 800000,
                sz=28, fill=solid(srgb("FFFFFF")), anchor="ctr"))
    return d


# ---------------------------------------------------------------------------
# Deck 6: backgrounds.pptx
# ---------------------------------------------------------------------------

def deck_backgrounds():
    layouts = standard_layouts() + [
        Layout("greenBg", "Blank with background", "blank", footer_placeholders(),
               bg=bg_props(solid(srgb("E2F0D9"))))]
    d = Deck("Backgrounds", Master(layouts, bg=bg_props(solid(srgb("FFF2CC")))))

    def note(slide, text):
        slide.add(label(text, 1000000, 2900000, 10192000, 1000000, sz=28,
                        fill=solid(srgb("FFFFFF")), ln=outlined(), anchor="ctr"))

    note(d.slide("blank", bg=bg_props(solid(srgb("DDEBF7")))), "Solid background: light blue DDEBF7")
    stops = [(0, srgb("C00000")), (50000, srgb("FFC000")), (100000, srgb("0070C0"))]
    for angle, where in ((0, "red left -> blue right"), (45, "red top-left -> blue bottom-right"),
                         (90, "red top -> blue bottom")):
        note(d.slide("blank", bg=bg_props(grad(stops, angle))),
             f"Linear gradient {angle}°, 3 stops: {where}")
    note(d.slide("blank", bg=bg_ref(1003, scheme("accent1"))),
         "bgRef idx=1003 (theme gradient) with accent1")
    note(d.slide("blank", bg=bg_ref(1002, scheme("accent6"))),
         "bgRef idx=1002 (theme tinted solid) with accent6")
    note(d.slide("greenBg"), "No slide bg: inherited from the layout (light green E2F0D9)")
    note(d.slide("blank"), "No slide or layout bg: inherited from the master (light yellow FFF2CC)")
    return d


# ---------------------------------------------------------------------------
# Broken / hostile inputs
# ---------------------------------------------------------------------------

def numbered_deck(title, count):
    """A deck of `count` blank slides saying "Slide N"."""
    d = Deck(title)
    for n in range(1, count + 1):
        d.slide("blank").add(label(f"Slide {n}", 0, 2400000, SLIDE_W, 1500000, sz=60,
                                   anchor="ctr"))
    return d


def fake_encrypted_cfb():
    """A minimal Compound File (CFB v3) holding EncryptionInfo and EncryptedPackage
    streams, the way Office stores a password-protected .pptx."""
    sector = 512
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    stream_sectors = 8       # 4096-byte streams: stored in regular sectors, no mini stream
    info = (struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0" encoding="UTF-8" '
            b'standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/'
            b'2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" '
            b'hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
            b'hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>')
    package = struct.pack("<Q", 1234) + bytes((n * 97 + 13) & 0xFF for n in range(4088))
    streams = [info.ljust(stream_sectors * sector, b"\x00"), package]

    def dir_entry(name, kind, left=free, right=free, child=free, start=end, size=0):
        raw = name.encode("utf-16-le") + b"\x00\x00" if name else b""
        return (raw.ljust(64, b"\x00") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", left, right, child) + b"\x00" * 16 + struct.pack("<I", 0)
                + b"\x00" * 16 + struct.pack("<IQ", start, size))

    # sector 0: FAT, sector 1: directory, 2..9: EncryptionInfo, 10..17: EncryptedPackage
    directory = (dir_entry("Root Entry", 5, child=2)
                 + dir_entry("EncryptionInfo", 2, start=2, size=4096)
                 + dir_entry("EncryptedPackage", 2, left=1, start=10, size=4096)
                 + dir_entry("", 0))
    fat = [fat_sect, end]
    for first in (2, 10):
        fat += [first + k + 1 for k in range(stream_sectors - 1)] + [end]
    fat += [free] * (128 - len(fat))
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    return header + struct.pack("<128I", *fat) + directory + b"".join(streams)


def broken_files():
    """{file name: (bytes, description)} for samples/broken/."""
    out = {}

    zipped = zip_bytes

    out["not-a-zip.pptx"] = b"This is a plain text file, not a zip archive.\n"
    out["empty.pptx"] = b""
    out["zip-not-pptx.pptx"] = zipped({"readme.txt": b"A valid zip that is not an OPC package.\n"})
    out["encrypted.pptx"] = fake_encrypted_cfb()

    with using_flavor(TRANSITIONAL):
        out["no-slides.pptx"] = zipped(Deck("No slides").build())

        files = numbered_deck("Missing slide part", 3).build()
        del files["ppt/slides/slide2.xml"], files["ppt/slides/_rels/slide2.xml.rels"]
        out["missing-slide-part.pptx"] = zipped(files)

        files = numbered_deck("Bad XML slide", 3).build()
        xml = files["ppt/slides/slide2.xml"].decode()
        cut = xml.index("<p:sp>") + 200
        files["ppt/slides/slide2.xml"] = (xml[:cut] + "<a:broken attr=\"unterminated></p:sld>"
                                          ).encode()
        out["bad-xml-slide.pptx"] = zipped(files)

        d = Deck("Relationship escape")
        s = d.slide("blank")
        s.add(picture("Escaping picture", s.rel("image", "../../../../etc/passwd"),
                      xfrm(4096000, 1500000, 4000000, 3000000)),
              label("picture target ../../../../etc/passwd must be rejected", 0, 5000000,
                    SLIDE_W, 600000, sz=24))
        out["rels-escape.pptx"] = zipped(d.build())

        d = Deck("External image")
        s = d.slide("blank")
        s.add(picture("Linked picture", s.rel("image", "http://example.com/slides2png-test.png",
                                              external=True),
                      xfrm(4096000, 1500000, 4000000, 3000000), link=True),
              label("linked picture (TargetMode=External) must not be fetched", 0, 5000000,
                    SLIDE_W, 600000, sz=24))
        out["external-image.pptx"] = zipped(d.build())

    with using_flavor(STRICT):
        out["strict.pptx"] = zipped(deck_strict().build())
    return out


def deck_strict():
    d = Deck("ISO Strict sample", flavor=STRICT)
    d.slide("title").add(
        placeholder("Title 1", ph("ctrTitle"), [para(run("ISO Strict package"))]),
        placeholder("Subtitle 2", ph("subTitle", idx=1),
                    [para(run("purl.oclc.org namespaces and relationship types"))]))
    s = d.slide("titleOnly").add(slide_title("Strict: shapes and text"))
    s.add(shape("Rectangle", xfrm(838200, 1900000, 3000000, 2000000), "rect",
                fill=solid(scheme("accent1", lumMod=75000)),
                text=[para(run("accent1 75%", sz=20), algn="ctr")]),
          shape("Ellipse", xfrm(4500000, 1900000, 3000000, 2000000), "ellipse",
                fill=solid(scheme("accent2")), ln=line(38100, solid(srgb("000000")))),
          textbox("Text", xfrm(8100000, 1900000, 3300000, 2000000),
                  [para(run("Bold ", b=True, sz=20), run("italic", i=True, sz=20,
                                                         color=srgb("C00000")))]))
    return d


# ---------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------

DECKS = [
    ("sample.pptx", deck_sample, "Showcase deck rendered in the top-level README.", [
        "Title slide: ctrTitle/subTitle placeholders without xfrm (position from the layout).",
        "Title and Content: bullets on three levels; bold, italic, underline, coloured and "
        "differently sized runs; slide-number field placeholder.",
        "Shapes: rect, roundRect, ellipse, triangle, rightArrow, star5 with srgbClr and "
        "schemeClr fills (lumMod/lumOff), outlines 1-4 pt, text anchored t/ctr/b and "
        "aligned l/ctr/r; accent1..accent6 swatches; a 4 pt line with a triangle arrow head and "
        "a dashed line.",
        "Pictures: RGBA PNG over a shape, a JPEG, the same JPEG cropped with srcRect l=50%.",
        "Linear gradient background (p:bg/p:bgPr, 90°) and the same group drawn twice: "
        "identity (ext = chExt) and scaled 2x horizontally via chExt, rotated 15° and flipH.",
        "Hidden slide (show=\"0\") reading HIDDEN: must be skipped by default.",
    ]),
    ("shapes-basic.pptx", deck_shapes_basic, "Preset geometry and transforms.", [
        "rect, roundRect with adj=50000 (pill), ellipse, triangle, triangle adj=0 (right "
        "triangle), a line and a flipV line.",
        "rect rotated 30°, triangle plain / flipH / flipV (adj=20000 to make flips visible), "
        "rightArrow flipH, two ellipses joined by a p:cxnSp straightConnector1 with "
        "stCxn/endCxn and an arrow head.",
    ]),
    ("text-basic.pptx", deck_text_basic, "Paragraph and run formatting.", [
        "Latin fonts Calibri, Cambria, Arial, Times New Roman, Courier New; sizes 10-40 pt; "
        "bold/italic/underline/colour runs.",
        "algn l/ctr/r/just paragraphs; anchor t/ctr/b in tall boxes.",
        "Default vs custom bodyPr insets; wrap=none vs wrap=square; a:br line breaks.",
        "buChar bullets with marL/indent and buFont; spcBef 24/12 pt and lnSpc 150%.",
        "normAutofit fontScale=62500 lnSpcReduction=20000 on an overfull box, next to the same "
        "text without autofit (overflows).",
    ]),
    ("placeholders.pptx", deck_placeholders, "Placeholder and master/layout inheritance. The "
     "master has a blue decoration bar, a bgRef idx=1001 bg2 background and a titleStyle in "
     "dark blue.", [
         "Title slide: ctrTitle/subTitle positioned by the layout.",
         "Title and Content: title and body (ph idx=1, no type) have no xfrm on slide or "
         "layout: frames come from the master (body matched by type); text styles from the "
         "master titleStyle/bodyStyle.",
         "An empty body placeholder: nothing must be drawn for it (no prompt text).",
         "A layout with its own shape (orange panel) and its own body frame (right side).",
         "A layout with showMasterSp=\"0\": the master bar is not drawn.",
         "clrMapOvr on the slide (bg1=dk1, tx1=lt1, bg2=dk2, tx2=lt2); the slide's bgRef "
         "bg2 resolves to dk2: dark background, white text.",
         "Placeholders with their own spPr xfrm override the inherited frames (title at the "
         "bottom).",
     ]),
    ("pictures.pptx", deck_pictures, "Picture decoding and placement.", [
        "PNG: RGBA with alpha over black/white, opaque RGB, palette (colour type 3), greyscale.",
        "JPEG: baseline colour (YCbCr 4:4:4) and single-component greyscale.",
        "Same PNG: original, srcRect l=25% t=10% r=10% b=25%, rotated 45°, flipH.",
        "blipFill (stretched JPEG) slide background.",
    ]),
    ("backgrounds.pptx", deck_backgrounds, "Slide backgrounds. The master background is solid "
     "light yellow (FFF2CC); one layout has a light green background.", [
         "Solid slide background (DDEBF7).",
         "Linear gradient 0°, three stops (red, amber, blue).",
         "Linear gradient 45°.",
         "Linear gradient 90°.",
         "bgRef idx=1003 with accent1: the theme's third bgFillStyleLst entry (gradient).",
         "bgRef idx=1002 with accent6: the theme's second entry (tinted solid).",
         "No slide background: inherited from the layout (light green).",
         "No slide or layout background: inherited from the master (light yellow).",
     ]),
]

BROKEN = [
    ("not-a-zip.pptx", "Plain text bytes.", "Error: not a zip / not a PowerPoint file."),
    ("empty.pptx", "0 bytes.", "Error: empty / not a zip."),
    ("zip-not-pptx.pptx", "A valid zip holding only readme.txt.",
     "Error: not an OPC package (no [Content_Types].xml / no presentation part)."),
    ("encrypted.pptx", "A minimal OLE compound file (D0 CF 11 E0 A1 B1 1A E1) with "
                       "EncryptionInfo and EncryptedPackage streams, as Office writes for "
                       "password-protected files.",
     "Error: encrypted / password-protected presentation (detected, not reported as a corrupt "
     "zip)."),
    ("no-slides.pptx", "Valid package whose sldIdLst is empty.",
     "No slides rendered; a clean \"no slides\" result, not a crash."),
    ("missing-slide-part.pptx", "3 slides; slide 2's part (and its rels) is missing from "
                                "the zip (the relationship and content-type override remain).",
     "Slides 1 and 3 render; slide 2 reported as an error/warning."),
    ("bad-xml-slide.pptx", "3 slides; slide 2's XML is truncated/malformed.",
     "Slides 1 and 3 render; slide 2 reported as an error/warning."),
    ("rels-escape.pptx", "A picture relationship with Target=\"../../../../etc/passwd\".",
     "The target is rejected (escapes the package); the slide renders without the picture, "
     "nothing outside the zip is read."),
    ("external-image.pptx", "A picture whose blip uses r:link to http://example.com/... "
                            "with TargetMode=\"External\".",
     "Nothing is fetched; the slide renders without the picture (or with a placeholder)."),
    ("strict.pptx", "Two slides written with ISO Strict namespaces (purl.oclc.org main, "
                    "relationships and relationship types; percentages as \"75%\").",
     "Renders like a Transitional deck: a title slide and a slide with a dark blue "
     "rectangle, an orange ellipse and formatted text."),
]


def readme():
    lines = [
        "# Sample decks",
        "",
        "Every deck in this directory, and this README, is generated by "
        "`samples/gen-samples.py`:",
        "",
        "    python3 samples/gen-samples.py        # from the repository root",
        "",
        "The script uses the Python standard library only and is deterministic (fixed zip "
        "timestamps, sorted entries): re-running it produces byte-identical files. The decks "
        "are 16:9 (12192000 x 6858000 EMU), use PowerPoint Transitional namespaces (except "
        "`broken/strict.pptx`) and contain the parts PowerPoint writes: `[Content_Types].xml`, "
        "`_rels/.rels`, `ppt/presentation.xml`, a theme (Calibri Light / Calibri, Office "
        "colours, full fmtScheme), one slide master with txStyles and title/body/dt/ftr/sldNum "
        "placeholders, slide layouts (Title Slide, Title and Content, Title Only, Blank, plus "
        "deck-specific ones), presProps/viewProps/tableStyles and docProps. Pictures are PNGs "
        "and baseline JPEGs encoded by the script itself. All decks open in PowerPoint and "
        "LibreOffice.",
        "",
        "## Decks",
        "",
    ]
    for name, _fn, summary, slides in DECKS:
        lines += [f"### {name}", "", summary, ""]
        lines += [f"{n}. {text}" for n, text in enumerate(slides, start=1)]
        lines += ["", "Made by: generated by samples/gen-samples.py.", ""]
    lines += ["## Checking the decks with LibreOffice", "",
              "`soffice --headless --convert-to pdf --outdir /tmp/check samples/X.pptx` then "
              "`pdftoppm -png -r 50`. Known LibreOffice 7.4 differences from PowerPoint: "
              "gradients with three stops are drawn with the first two only "
              "(backgrounds.pptx slides 2-4; fixed in LibreOffice 7.6); on placeholders.pptx "
              "slide 4 the master bar is sometimes missing because the layout has its own "
              "shapes (PowerPoint draws master bar and layout panel); hidden slides are left "
              "out of the PDF.", ""]
    lines += ["## broken/", "",
              "Hostile or broken inputs for the error-path tests (generated by "
              "samples/gen-samples.py).", "",
              "| File | What it is | Expected outcome |", "|---|---|---|"]
    lines += [f"| `broken/{name}` | {what} | {expect} |" for name, what, expect in BROKEN]
    lines.append("")
    lines += other_generators()
    return "\n".join(lines)


def other_generators():
    """README lines for the other samples/gen-*.py scripts, from their own
    docstrings (first line, then the part from "Slides:" on, if any)."""
    here = Path(__file__).resolve().parent
    lines = []
    for script in sorted(here.glob("gen-*.py")):
        if script.name == Path(__file__).name:
            continue
        doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8"))) or ""
        if not lines:
            lines += ["## More decks", "",
                      "Made by the other generators, each importing this one for the deck "
                      "structure; run each the same way (`python3 samples/gen-X.py`).", ""]
        lines += [f"### {script.name}", "", doc.split("\n")[0], ""]
        if "Slides:" in doc:
            lines += ["```", doc[doc.index("Slides:"):].rstrip(), "```", ""]
    return lines


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def generator_main(doc, name, deck_fn, default_out):
    """The command line of a one-deck generator (samples/gen-<topic>.py):
    --out DIR, then DIR/name written from deck_fn() (a Deck) in the
    transitional flavour."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--out", type=Path, default=default_out,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()
    with using_flavor(TRANSITIONAL):
        data = zip_bytes(deck_fn().build())
    (args.out / name).write_bytes(data)
    print(f"wrote {args.out / name}")



def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()

    for name, make, _summary, _slides in DECKS:
        with using_flavor(TRANSITIONAL):
            (args.out / name).write_bytes(zip_bytes(make().build()))
    for name, data in broken_files().items():
        path = args.out / "broken" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (args.out / "README.md").write_text(readme(), encoding="utf-8")
    print(f"wrote {len(DECKS)} decks and {len(BROKEN)} broken inputs to {args.out}")


if __name__ == "__main__":
    main()
