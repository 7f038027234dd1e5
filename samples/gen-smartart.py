#!/usr/bin/env python3
"""Generate samples/smartart.pptx: SmartArt drawn from its saved drawing part.

Usage:  python3 samples/gen-smartart.py [--out DIR]

Standard library only, deterministic (same bytes on every run).  The deck
structure (theme, master, layouts, slides, zip) comes from gen-samples.py;
this script writes the diagram parts: a data part whose
dsp:dataModelExt@relId names the drawing part, minimal layout, style and
colour parts, and the drawing part (dsp:drawing) with the shapes as
PowerPoint saved them.

Slides:
  1  a vertical box list as PowerPoint lays it out: label boxes on the left,
     body boxes turned by 90 degrees whose text boxes (dsp:txXfrm) turn the
     text back by -90 degrees, so it reads horizontally
  2  a text box that turns with its shape (30 degrees, txXfrm without
     rotation), a flipped shape whose text stays readable, and a shape
     without a dsp:txXfrm (text in the geometry's text rectangle)
"""

import argparse
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
gs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gs)

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DGM_NS = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
DSP_NS = "http://schemas.microsoft.com/office/drawing/2008/diagram"
DRAWING_REL = "http://schemas.microsoft.com/office/2007/relationships/diagramDrawing"
CT_BASE = "application/vnd.openxmlformats-officedocument.drawingml."
CT = {"data": CT_BASE + "diagramData+xml", "layout": CT_BASE + "diagramLayout+xml",
      "quickStyle": CT_BASE + "diagramStyle+xml", "colors": CT_BASE + "diagramColors+xml",
      "drawing": "application/vnd.ms-office.drawingml.diagramDrawing+xml"}


def dsp_shape(n, x, y, cx, cy, text, fill, rot=0, flip_h=False, tx=None, sz=1400,
              prst="roundRect"):
    """One dsp:sp; tx = (x, y, cx, cy, rot) for dsp:txXfrm, or None."""
    rot_attr = f' rot="{rot * 60000}"' if rot else ""
    flip_attr = ' flipH="1"' if flip_h else ""
    txxfrm = ""
    if tx:
        tr = f' rot="{tx[4] * 60000}"' if tx[4] else ""
        txxfrm = (f'<dsp:txXfrm{tr}><a:off x="{tx[0]}" y="{tx[1]}"/>'
                  f'<a:ext cx="{tx[2]}" cy="{tx[3]}"/></dsp:txXfrm>')
    paras = "".join(f'<a:p><a:pPr algn="l"/><a:r><a:rPr lang="en-US" sz="{sz}"/>'
                    f"<a:t>{line}</a:t></a:r></a:p>" for line in text)
    return (f'<dsp:sp modelId="{{00000000-0000-0000-0000-{n:012d}}}"><dsp:nvSpPr>'
            f'<dsp:cNvPr id="0" name=""/><dsp:cNvSpPr/></dsp:nvSpPr><dsp:spPr>'
            f'<a:xfrm{rot_attr}{flip_attr}><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/>'
            f'</a:xfrm><a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>'
            '<a:ln w="9525"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln>'
            "</dsp:spPr><dsp:style><a:lnRef idx=\"1\"><a:scrgbClr r=\"0\" g=\"0\" b=\"0\"/>"
            "</a:lnRef><a:fillRef idx=\"1\"><a:scrgbClr r=\"0\" g=\"0\" b=\"0\"/></a:fillRef>"
            "<a:effectRef idx=\"0\"><a:scrgbClr r=\"0\" g=\"0\" b=\"0\"/></a:effectRef>"
            "<a:fontRef idx=\"minor\"><a:schemeClr val=\"dk1\"/></a:fontRef></dsp:style>"
            '<dsp:txBody><a:bodyPr vert="horz" wrap="square" lIns="91440" tIns="45720" '
            f'rIns="91440" bIns="45720" anchor="ctr"/><a:lstStyle/>{paras}</dsp:txBody>'
            f"{txxfrm}</dsp:sp>")


def box_list():
    """Three rows of the vertical box list (frame 10 515 600 x 4 800 000)."""
    shapes, n = [], 0
    rows = [("Plan", ["Collect the requirements", "Agree on the budget"]),
            ("Build", ["Design with the developers", "Test every change"]),
            ("Run", ["Deploy and monitor", "Retire what is no longer used"])]
    row_h, gap, label_w = 1400000, 200000, 2200000
    body_w = 10515600 - label_w - 100000
    for k, (title, lines) in enumerate(rows):
        y = k * (row_h + gap)
        # the body box: saved turned by 90 degrees (its unturned box is
        # tall and narrow, centred where the wide box appears)
        cx_c, cy_c = label_w + 100000 + body_w // 2, y + row_h // 2
        n += 1
        shapes.append(dsp_shape(n, cx_c - row_h // 2, cy_c - body_w // 2, row_h, body_w,
                                [f"\u2022 {t}" for t in lines], "F2F2F2", rot=90,
                                tx=(cx_c - body_w // 2 + 50000, y + 50000, body_w - 100000,
                                    row_h - 100000, -90)))
        n += 1
        shapes.append(dsp_shape(n, 0, y, label_w, row_h, [title], "D9C3E6", sz=2000,
                                tx=(0, y, label_w, row_h, 0)))
    return shapes


def turned_shapes():
    return [dsp_shape(1, 600000, 900000, 2800000, 1600000, ["Turned 30\u00b0 with its text"],
                      "FFE699", rot=30, tx=(600000, 900000, 2800000, 1600000, 0)),
            dsp_shape(2, 4200000, 900000, 2800000, 1600000, ["Flipped, text upright"],
                      "C5E0B4", flip_h=True, prst="homePlate",
                      tx=(4200000, 900000, 2400000, 1600000, 0)),
            dsp_shape(3, 7800000, 900000, 2800000, 1600000, ["No txXfrm: text rectangle"],
                      "BDD7EE", prst="ellipse")]


def diagram_parts(n, drawing_rid, shapes):
    """{part name: xml} of diagram n."""
    data = (gs.XML_DECL + f'<dgm:dataModel xmlns:dgm="{DGM_NS}" xmlns:a="{A_NS}">'
            '<dgm:ptLst><dgm:pt modelId="{10000000-0000-0000-0000-000000000000}" type="doc">'
            "<dgm:prSet/><dgm:spPr/></dgm:pt></dgm:ptLst><dgm:cxnLst/><dgm:bg/><dgm:whole/>"
            '<dgm:extLst><a:ext uri="http://schemas.microsoft.com/office/drawing/2008/diagram">'
            f'<dsp:dataModelExt xmlns:dsp="{DSP_NS}" relId="{drawing_rid}" minVer="'
            'http://schemas.openxmlformats.org/drawingml/2006/diagram"/></a:ext></dgm:extLst>'
            "</dgm:dataModel>")
    drawing = (gs.XML_DECL + f'<dsp:drawing xmlns:dgm="{DGM_NS}" xmlns:dsp="{DSP_NS}" '
               f'xmlns:a="{A_NS}"><dsp:spTree><dsp:nvGrpSpPr><dsp:cNvPr id="0" name=""/>'
               "<dsp:cNvGrpSpPr/></dsp:nvGrpSpPr><dsp:grpSpPr/>" + "".join(shapes)
               + "</dsp:spTree></dsp:drawing>")
    return {f"ppt/diagrams/data{n}.xml": ("data", data),
            f"ppt/diagrams/layout{n}.xml": ("layout", gs.XML_DECL +
                                            f'<dgm:layoutDef xmlns:dgm="{DGM_NS}"/>'),
            f"ppt/diagrams/quickStyle{n}.xml": ("quickStyle", gs.XML_DECL +
                                                f'<dgm:styleDef xmlns:dgm="{DGM_NS}"/>'),
            f"ppt/diagrams/colors{n}.xml": ("colors", gs.XML_DECL +
                                            f'<dgm:colorsDef xmlns:dgm="{DGM_NS}"/>'),
            f"ppt/diagrams/drawing{n}.xml": ("drawing", drawing)}


def diagram_frame(name, rids, x, y, cx, cy):
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{gs.AUTO_ID}" name="{name}"/>'
            "<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>"
            f'<p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></p:xfrm>'
            f'<a:graphic><a:graphicData uri="{DGM_NS}"><dgm:relIds xmlns:dgm="{DGM_NS}" '
            f'r:dm="{rids[0]}" r:lo="{rids[1]}" r:qs="{rids[2]}" r:cs="{rids[3]}"/>'
            "</a:graphicData></a:graphic></p:graphicFrame>")


def build():
    slides = [("SmartArt: text turned back in turned boxes", box_list(),
               (838200, 1500000, 10515600, 4800000)),
              ("SmartArt: text boxes with the shape's turn and flip", turned_shapes(),
               (838200, 2000000, 10515600, 3500000))]
    parts = {}
    with gs.using_flavor(gs.TRANSITIONAL):
        d = gs.Deck("slides2png SmartArt samples")
        for n, (caption, shapes, frame) in enumerate(slides, start=1):
            s = d.slide("titleOnly")
            rids = [s.rel(kind, f"../diagrams/{stem}{n}.xml") for kind, stem in
                    (("diagramData", "data"), ("diagramLayout", "layout"),
                     ("diagramQuickStyle", "quickStyle"), ("diagramColors", "colors"),
                     ("diagramDrawing", "drawing"))]
            s.add(gs.slide_title(caption, sz=28), diagram_frame(f"Diagram {n}", rids[:4], *frame))
            parts.update(diagram_parts(n, rids[4], shapes))
        files = d.build()
    for name, (_, xml) in parts.items():
        files[name] = xml.encode("utf-8")
    # the drawing relationship is Microsoft's, not an ECMA-376 type
    for name in [f for f in files if f.startswith("ppt/slides/_rels/")]:
        files[name] = files[name].replace(
            (gs.TRANSITIONAL.rel_base + "diagramDrawing").encode(), DRAWING_REL.encode())
    ct = files["[Content_Types].xml"].decode("utf-8")
    over = "".join(f'<Override PartName="/{name}" ContentType="{CT[kind]}"/>'
                   for name, (kind, _) in sorted(parts.items()))
    files["[Content_Types].xml"] = ct.replace("</Types>", over + "</Types>").encode("utf-8")
    return gs.zip_bytes(files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()
    (args.out / "smartart.pptx").write_bytes(build())
    print(f"wrote {args.out / 'smartart.pptx'} (2 slides)")


if __name__ == "__main__":
    main()
