#!/usr/bin/env python3
"""Generate samples/hostile/: hand-made hostile decks for the robustness tests.

Usage:  python3 samples/gen-hostile.py [--out DIR]

Standard library only, deterministic. Each deck has a healthy slide 1 (or
more) next to the hostile part, so the tests can check that one broken part
never takes the other slides down. The expected outcome of each file is in
HOSTILE below and in tests/e2e/hostile.sh.
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

# (file, what it is, expected outcome)
HOSTILE = [
    ("zip-bomb.pptx", "slide 2 inflates to 300 MB of blanks from ~300 KB",
     "slide 2 fails with a limit error, slides 1 and 3 written, exit 3"),
    ("entity-bomb.pptx", "slide 2 declares a billion-laughs DTD",
     "slide 2 refused (DOCTYPE), slides 1 and 3 written, exit 3"),
    ("deep-nesting.pptx", "slide 2 nests 100 000 p:grpSp",
     "slide 2 fails (XML depth), slides 1 and 3 written, exit 3"),
    ("huge-image.pptx", "slide 1 has a PNG whose header claims 60 000 x 60 000 pixels",
     "the picture is skipped with a warning, slide written, exit 0"),
    ("self-reference.pptx", "slide 2's layout relationship points at slide 2 itself",
     "slide 2 fails (not a layout), slides 1 and 3 written, exit 3"),
    ("missing-layout.pptx", "slide 2's layout part is missing",
     "slide 2 fails, slides 1 and 3 written, exit 3"),
    ("missing-theme.pptx", "the master's theme part is missing",
     "every slide written with default colours and a warning, exit 0"),
    ("huge-coordinates.pptx", "slide 1 has shapes, paths, groups, line widths, "
     "effects and 4000 pt text at the largest coordinates the format allows",
     "both slides written, exit 0; at 8000 px wide the text is drawn smaller, with a warning"),
]


def three_slides(title):
    return gs.numbered_deck(title, 3).build()


def zip_bomb():
    files = three_slides("Zip bomb")
    xml = files["ppt/slides/slide2.xml"]
    cut = xml.index(b"<p:cSld")
    # insignificant white space: well-formed, and huge once inflated
    files["ppt/slides/slide2.xml"] = xml[:cut] + b" " * (300 << 20) + xml[cut:]
    return gs.zip_bytes(files)


def entity_bomb():
    files = three_slides("Entity bomb")
    xml = files["ppt/slides/slide2.xml"].decode()
    decl_end = xml.index("?>") + 2
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    dtd = "<!DOCTYPE p:sld [" + "".join(ents) + "]>"
    body = xml[decl_end:].replace("Slide 2", "&lol9;")
    files["ppt/slides/slide2.xml"] = (xml[:decl_end] + dtd + body).encode()
    return gs.zip_bytes(files)


def deep_nesting():
    files = three_slides("Deep nesting")
    xml = files["ppt/slides/slide2.xml"].decode()
    depth = 100000
    grp = ('<p:grpSp><p:nvGrpSpPr><p:cNvPr id="9" name="g"/><p:cNvGrpSpPr/><p:nvPr/>'
           '</p:nvGrpSpPr><p:grpSpPr/>')
    nest = grp * depth + "</p:grpSp>" * depth
    cut = xml.index("</p:spTree>")
    files["ppt/slides/slide2.xml"] = (xml[:cut] + nest + xml[cut:]).encode()
    return gs.zip_bytes(files)


def png_header_only(width, height):
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # a few bytes of image data: a decoder that trusted the header would
    # allocate 10.8 GB before noticing
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def huge_image():
    with gs.using_flavor(gs.TRANSITIONAL):
        d = gs.Deck("Huge image header")
        s = d.slide("blank")
        rid = s.rel("image", "../media/huge.png")
        s.add(gs.picture("Huge picture", rid, gs.xfrm(1000000, 1000000, 4000000, 3000000)),
              gs.label("a 60000 x 60000 PNG header must be refused before decoding",
                       0, 5000000, gs.SLIDE_W, 600000, sz=24))
        files = d.build()
    files["ppt/media/huge.png"] = png_header_only(60000, 60000)
    ct = files["[Content_Types].xml"].decode()
    if 'Extension="png"' not in ct:
        ct = ct.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default ', 1)
    files["[Content_Types].xml"] = ct.encode()
    return gs.zip_bytes(files)


def self_reference():
    files = three_slides("Self reference")
    rels = files["ppt/slides/_rels/slide2.xml.rels"].decode()
    start = rels.index('Target="', rels.index("slideLayout")) + len('Target="')
    end = rels.index('"', start)
    files["ppt/slides/_rels/slide2.xml.rels"] = (rels[:start] + "slide2.xml" + rels[end:]).encode()
    return gs.zip_bytes(files)


def missing_layout():
    files = three_slides("Missing layout")
    rels = files["ppt/slides/_rels/slide2.xml.rels"].decode()
    start = rels.index('Target="', rels.index("slideLayout")) + len('Target="')
    end = rels.index('"', start)
    files["ppt/slides/_rels/slide2.xml.rels"] = (
        rels[:start] + "../slideLayouts/slideLayout99.xml" + rels[end:]).encode()
    return gs.zip_bytes(files)


def missing_theme():
    files = three_slides("Missing theme")
    for name in [n for n in files if n.startswith("ppt/theme/")]:
        del files[name]
    return gs.zip_bytes(files)


ST_COORDINATE_MAX = 27273042316900  # EMU, ECMA-376 ST_Coordinate


def _huge_path(m):
    """A custom geometry path whose points, arc radii and Bezier controls are
    all at the coordinate limit."""
    path = ('<a:moveTo><a:pt x="0" y="0"/></a:moveTo>'
            + "".join(f'<a:lnTo><a:pt x="{x}" y="{y}"/></a:lnTo>'
                      for x, y in ((m, m), (-m, m), (1, m)))
            + f'<a:arcTo wR="{m}" hR="{m}" stAng="0" swAng="21600000"/>'
            + f'<a:cubicBezTo><a:pt x="{m}" y="0"/><a:pt x="0" y="{m}"/>'
              f'<a:pt x="{-m}" y="{m}"/></a:cubicBezTo><a:close/>')
    return ('<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>'
            '<a:rect l="0" t="0" r="r" b="b"/><a:pathLst>'
            f'<a:path w="1" h="1">{path}</a:path></a:pathLst></a:custGeom>')


def _huge_shape(name, xf, geom, fill, effects=""):
    """A shape with the widest line, arrow heads and 4000 pt text."""
    ln = ('<a:ln w="20116800">' + gs.solid(gs.srgb("2F5597"))
          + '<a:prstDash val="sysDot"/><a:headEnd type="arrow" w="lg" len="lg"/></a:ln>')
    body = ('<p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-US" sz="400000"/>'
            '<a:t>Huge</a:t></a:r></a:p></p:txBody>')
    return gs.elem("p:sp", gs._nv_sp(name) + gs.elem("p:spPr", xf + geom + fill + ln + effects)
                   + body)


def huge_coordinates():
    m = ST_COORDINATE_MAX
    effects = (f'<a:effectLst><a:outerShdw blurRad="{m}" dist="{m}" dir="2700000">'
               + gs.srgb("000000") + f'</a:outerShdw><a:glow rad="{m}">' + gs.srgb("00B050")
               + f'</a:glow><a:softEdge rad="{m}"/></a:effectLst>')
    red = gs.solid(gs.srgb("C00000"))
    grad = ('<a:gradFill><a:gsLst><a:gs pos="0">' + gs.srgb("C00000") + '</a:gs>'
            '<a:gs pos="100000">' + gs.srgb("2F5597") + '</a:gs></a:gsLst>'
            '<a:path path="circle"><a:fillToRect l="-100000000" t="0" r="100000000" b="0"/>'
            '</a:path><a:tileRect l="-10000000" r="-10000000"/></a:gradFill>')
    with gs.using_flavor(gs.TRANSITIONAL):
        d = gs.Deck("Huge coordinates")
        s = d.slide("blank")
        s.add(_huge_shape("far", gs.xfrm(m, m, m, m), gs.prst_geom("star32"), red),
              _huge_shape("negative", gs.xfrm(-m, -m, m, m, rot=45), gs.prst_geom("cloud"), red),
              _huge_shape("huge path", gs.xfrm(0, 0, m, m), _huge_path(m), red, effects),
              _huge_shape("huge path, small box", gs.xfrm(100, 100, 1000000, 1000000),
                          _huge_path(m), red),
              _huge_shape("extreme adjustments", gs.xfrm(100, 100, 1, 1),
                          gs.prst_geom("wedgeRoundRectCallout", {
                              "adj1": -2147483647, "adj2": 2147483647, "adj3": 99999999}), red),
              gs.group("scaled up", gs.xfrm(0, 0, m, m, ch=(0, 0, 1, 1)), [
                  _huge_shape("child", gs.xfrm(0, 0, 1, 1), gs.prst_geom("ellipse"), red,
                              effects)]),
              gs.group("offset", gs.xfrm(0, 0, 1000, 1000, ch=(-m, -m, 1, 1)), [
                  _huge_shape("child", gs.xfrm(m, m, m, m), gs.prst_geom("ellipse"), red)]),
              _huge_shape("gradient", gs.xfrm(1000000, 1000000, 3000000, 2000000, rot=30),
                          gs.prst_geom("rect"), grad))
        d.slide("blank").add(gs.label("a healthy slide", 0, 1000000, gs.SLIDE_W, 600000, sz=24))
        return gs.zip_bytes(d.build())


BUILDERS = {
    "zip-bomb.pptx": zip_bomb, "entity-bomb.pptx": entity_bomb,
    "deep-nesting.pptx": deep_nesting, "huge-image.pptx": huge_image,
    "self-reference.pptx": self_reference, "missing-layout.pptx": missing_layout,
    "missing-theme.pptx": missing_theme, "huge-coordinates.pptx": huge_coordinates,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "hostile")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with gs.using_flavor(gs.TRANSITIONAL):
        for name, _, _ in HOSTILE:
            (args.out / name).write_bytes(BUILDERS[name]())
    lines = ["# Hostile decks", "",
             "Generated by `samples/gen-hostile.py`; checked by `tests/e2e/hostile.sh`.", "",
             "| file | what | expected |", "| --- | --- | --- |"]
    lines += [f"| `{n}` | {w} | {e} |" for n, w, e in HOSTILE]
    (args.out / "README.md").write_text("\n".join(lines) + "\n")
    print(f"wrote {len(HOSTILE)} hostile decks to {args.out}")


if __name__ == "__main__":
    main()
