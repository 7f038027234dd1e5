#!/usr/bin/env python3
"""Generate the seed corpora of the fuzz targets: tests/fuzz/corpus/<target>/.

Usage:  python3 tests/fuzz/gen-seeds.py [--out DIR]

Standard library only, deterministic bytes. The part targets (slide,
layout, master, theme, chart) get parts taken from the committed sample
decks (samples/*.pptx, themselves generated); the others are built here
with the sample generators' helpers (samples/gen-samples.py, and
samples/gen-metafile.py for the metafile target). Every seed
is small: the corpora stay at a few KB per target. Existing seeds of a
target are replaced; corpora of targets not listed here (another
module's) are left alone.
"""

import argparse
import importlib.util
import re
import shutil
import struct
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
_spec = importlib.util.spec_from_file_location("gen_samples", ROOT / "samples" / "gen-samples.py")
gs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gs)

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
DSP_NS = "http://schemas.microsoft.com/office/drawing/2008/diagram"


def sample_part(deck, part):
    with zipfile.ZipFile(ROOT / "samples" / deck) as z:
        return z.read(part)


def squeeze(xml):
    """Drop the whitespace between tags (the samples have none to speak
    of, but keep seeds minimal whatever they become)."""
    return re.sub(rb">\s+<", b"><", xml)


def part_seeds():
    slides = {
        "slide-shapes.xml": ("shapes-basic.pptx", "ppt/slides/slide1.xml"),
        "slide-placeholders.xml": ("placeholders.pptx", "ppt/slides/slide2.xml"),
        "slide-background.xml": ("backgrounds.pptx", "ppt/slides/slide2.xml"),
        "slide-text.xml": ("sample.pptx", "ppt/slides/slide2.xml"),
    }
    out = {"slide": {}, "layout": {}, "master": {}, "theme": {}, "chart": {}}
    for name, (deck, part) in slides.items():
        out["slide"][name] = squeeze(sample_part(deck, part))
    out["layout"]["layout-title.xml"] = squeeze(
        sample_part("sample.pptx", "ppt/slideLayouts/slideLayout1.xml"))
    out["layout"]["layout-blank.xml"] = squeeze(
        sample_part("sample.pptx", "ppt/slideLayouts/slideLayout4.xml"))
    out["master"]["master.xml"] = squeeze(
        sample_part("sample.pptx", "ppt/slideMasters/slideMaster1.xml"))
    out["theme"]["theme.xml"] = squeeze(sample_part("sample.pptx", "ppt/theme/theme1.xml"))
    for n, kind in ((2, "bar"), (6, "pie"), (7, "doughnut"), (9, "scatter"), (5, "line")):
        out["chart"][f"chart-{kind}.xml"] = squeeze(
            sample_part("charts.pptx", f"ppt/charts/chart{n}.xml"))
    return out


def dsp_shape(sid, prst, x, y, cx, cy, text=None, accent="accent1"):
    xf = gs.xfrm(x, y, cx, cy)
    body = ""
    if text:
        body = ("<dsp:txBody><a:bodyPr anchor=\"ctr\"/><a:lstStyle/><a:p><a:pPr algn=\"ctr\"/>"
                f"<a:r><a:rPr lang=\"en-US\" sz=\"1800\"/><a:t>{text}</a:t></a:r></a:p>"
                "</dsp:txBody>" + gs.xfrm(x, y, cx, cy, tag="dsp:txXfrm"))
    return (f"<dsp:sp modelId=\"{{{sid}}}\"><dsp:nvSpPr><dsp:cNvPr id=\"0\" name=\"\"/>"
            f"<dsp:cNvSpPr/></dsp:nvSpPr><dsp:spPr>{xf}<a:prstGeom prst=\"{prst}\"><a:avLst/>"
            f"</a:prstGeom><a:solidFill><a:schemeClr val=\"{accent}\"/></a:solidFill>"
            "<a:ln w=\"12700\"><a:solidFill><a:schemeClr val=\"lt1\"/></a:solidFill></a:ln>"
            f"</dsp:spPr>{body}</dsp:sp>")


def diagram_seeds():
    def drawing(shapes):
        return (gs.XML_DECL + f"<dsp:drawing xmlns:dsp=\"{DSP_NS}\" xmlns:a=\"{A_NS}\">"
                "<dsp:spTree><dsp:nvGrpSpPr><dsp:cNvPr id=\"0\" name=\"\"/><dsp:cNvGrpSpPr/>"
                "</dsp:nvGrpSpPr><dsp:grpSpPr/>" + "".join(shapes)
                + "</dsp:spTree></dsp:drawing>").encode()
    process = [dsp_shape(n, "roundRect", n * 1500000, 500000, 1200000, 800000, f"Step {n}",
                         f"accent{n}") for n in (1, 2, 3)]
    process += [dsp_shape(10 + n, "rightArrow", n * 1500000 + 1250000, 750000, 200000, 300000)
                for n in (1, 2)]
    cycle = [dsp_shape(n, "ellipse", 1000000 + 900000 * (n % 2), 300000 + 900000 * (n // 2),
                       800000, 800000, chr(64 + n)) for n in (1, 2, 3, 4)]
    return {"diagram-process.xml": drawing(process), "diagram-cycle.xml": drawing(cycle)}


def tiff_rgb(w, h):
    """Uncompressed little-endian RGB TIFF, one strip."""
    pixels = b"".join(bytes((x * 60 % 256, y * 60 % 256, 128)) for y in range(h)
                      for x in range(w))
    entries = [(256, 3, 1, w), (257, 3, 1, h), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 2),
               (273, 4, 1, 0), (277, 3, 1, 3), (278, 3, 1, h), (279, 4, 1, len(pixels))]
    ifd_at = 8
    data_at = ifd_at + 2 + 12 * len(entries) + 4
    ifd = struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        if tag == 273:
            value = data_at
        if typ == 3:   # SHORT: the value left-justified in the 4-byte field
            ifd += struct.pack("<HHIHH", tag, typ, count, value, 0)
        else:
            ifd += struct.pack("<HHII", tag, typ, count, value)
    return b"II*\x00" + struct.pack("<I", ifd_at) + ifd + struct.pack("<I", 0) + pixels


def image_seeds():
    grey_rows = [bytes((x * 32 + y * 8) % 256 for x in range(8)) for y in range(6)]
    return {
        "rgb.png": gs.png_quadrants(12, 8),
        "alpha.png": gs.png_alpha(8),
        "palette.png": gs.png_palette(8, 4),
        "grey.png": gs.encode_png(8, 6, grey_rows, 0),
        "rgb.jpg": gs.jpeg_quadrants(16, 16),
        "grey.jpg": gs.jpeg_grey(16, 8),
        "rgb.tif": tiff_rgb(6, 4),
    }


def metafile_seeds():
    """EMF and WMF files from samples/gen-metafile.py's writers, and EMF+."""
    spec = importlib.util.spec_from_file_location("gen_metafile",
                                                  ROOT / "samples" / "gen-metafile.py")
    gm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gm)
    return {
        "shapes.emf": gm.emf_shapes(),
        "state.emf": gm.emf_state(),
        "dual.emf": gm.emf_dual_and_unsupported(),
        "gradients.emf": gm.emf_gradients(),
        "placeable.wmf": gm.wmf_placeable(),
        "plain.wmf": gm.wmf_plain(),
    } | emfplus_seeds()


def emfplus_seeds():
    """EMF+ dual files from samples/gen-emfplus.py's writers."""
    spec = importlib.util.spec_from_file_location("gen_emfplus",
                                                  ROOT / "samples" / "gen-emfplus.py")
    ep = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ep)
    return {
        "plus-shapes.emf": ep.emfplus_shapes(),
        "plus-transforms.emf": ep.emfplus_transforms(),
        "plus-images.emf": ep.emfplus_images(),
        "plus-text.emf": ep.emfplus_text(),
    }


def small_deck(with_picture):
    master = gs.Master(layouts=[gs.layout_title_only()])
    d = gs.Deck("Fuzz seed", master=master)
    s = d.slide("titleOnly").add(gs.title_ph([gs.para(gs.run("Seed"))]))
    s.add(gs.shape("Box", gs.xfrm(1000000, 2000000, 3000000, 1500000), prst="wedgeRectCallout",
                   fill=gs.solid(gs.scheme("accent2")), text=[gs.para(gs.run("Hello"))]))
    if with_picture:
        s = d.slide("titleOnly")
        img = gs.Image("seed-png", gs.png_quadrants(8, 8), "png")
        s.add(gs.picture("Picture", s.image(img), gs.xfrm(500000, 500000, 4000000, 3000000)))
    with gs.using_flavor(gs.TRANSITIONAL):
        return gs.zip_bytes(d.build())


def package_seeds():
    with gs.using_flavor(gs.TRANSITIONAL):
        files = gs.Deck("Fuzz seed").build()
    keep = {k: v for k, v in files.items()
            if k in ("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml",
                     "ppt/_rels/presentation.xml.rels", "ppt/presProps.xml", "docProps/app.xml")}
    return {
        "package.zip": gs.zip_bytes(keep),
        "not-opc.zip": gs.zip_bytes({"readme.txt": b"A zip that is not an OPC package.\n"}),
    }


def write_dict(corpora, path):
    """A libFuzzer dictionary (-dict=) of the element and attribute names
    and attribute values in the XML seeds, so mutations insert OOXML
    vocabulary rather than random bytes."""
    tokens = set()
    for seeds in corpora.values():
        for data in seeds.values():
            if not data.lstrip().startswith(b"<"):
                continue
            tokens.update(re.findall(rb"</?[A-Za-z][\w:.-]*", data))
            tokens.update(m + b'="' for m in re.findall(rb"\s([A-Za-z][\w:.-]*)=\"", data))
            tokens.update(b'"' + v + b'"' for v in re.findall(rb'="([^"<>]{1,24})"', data))
    lines = []
    for t in sorted(tokens):
        esc = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "\\x%02x" % ord(c)
                      for c in t.decode("latin-1"))
        lines.append(f'"{esc}"')
    path.write_text("# generated by gen-seeds.py: OOXML names and values from the seeds\n"
                    + "\n".join(lines) + "\n")
    print(f"{path.name}: {len(lines)} tokens")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    args = ap.parse_args()
    corpora = part_seeds()
    corpora["diagram"] = diagram_seeds()
    corpora["image"] = image_seeds()
    corpora["deck"] = {"deck-text.pptx": small_deck(False), "deck-picture.pptx": small_deck(True)}
    corpora["opc"] = package_seeds()
    # binary seeds: written, but not mined for dictionary tokens
    for target, seeds in sorted(dict(corpora, metafile=metafile_seeds()).items()):
        d = args.out / target
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
        for name, data in sorted(seeds.items()):
            (d / name).write_bytes(data)
        print(f"{target}: {len(seeds)} seeds, {sum(len(v) for v in seeds.values())} bytes")
    write_dict(corpora, HERE / "ooxml.dict")


if __name__ == "__main__":
    main()
