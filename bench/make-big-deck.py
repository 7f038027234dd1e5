#!/usr/bin/env python3
"""make-big-deck.py -- a deck of N slides made by repeating the slides of a
small one (default: samples/sample.pptx -> 300 slides), for memory and
scaling measurements. Slide parts (and their .rels) are copied under new
names; the media, layouts, master and theme stay shared, as in real decks.

Usage: bench/make-big-deck.py OUT.pptx [--from samples/sample.pptx] [--slides 300]
"""
import argparse
import os
import re
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SLIDE_CT = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
SLIDE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--from", dest="src",
                    default=os.path.join(HERE, "..", "samples", "sample.pptx"))
    ap.add_argument("--slides", type=int, default=300)
    a = ap.parse_args()
    zin = zipfile.ZipFile(a.src)
    names = zin.namelist()
    slides = sorted((n for n in names if re.match(r"ppt/slides/slide\d+\.xml$", n)),
                    key=lambda n: int(re.findall(r"\d+", n)[0]))
    pres = zin.read("ppt/presentation.xml").decode()
    rels = zin.read("ppt/_rels/presentation.xml.rels").decode()
    ct = zin.read("[Content_Types].xml").decode()
    # drop the existing slide list, relationships and overrides
    rels = re.sub(r'<Relationship [^>]*Type="%s"[^>]*/>' % re.escape(SLIDE_REL), "", rels)
    ct = re.sub(r'<Override PartName="/ppt/slides/slide\d+\.xml"[^>]*/>', "", ct)
    sld_ids, new_rels, overrides = [], [], []
    with zipfile.ZipFile(a.out, "w", zipfile.ZIP_DEFLATED) as zout:
        for n in names:
            if n.startswith("ppt/slides/") or n in (
                    "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels",
                    "[Content_Types].xml"):
                continue
            zout.writestr(n, zin.read(n))
        for i in range(a.slides):
            src = slides[i % len(slides)]
            base = os.path.basename(src)
            num = i + 1
            zout.writestr("ppt/slides/slide%d.xml" % num, zin.read(src))
            r = "ppt/slides/_rels/%s.rels" % base
            if r in names:
                zout.writestr("ppt/slides/_rels/slide%d.xml.rels" % num, zin.read(r))
            rid = "rIdS%d" % num
            sld_ids.append('<p:sldId id="%d" r:id="%s"/>' % (256 + i, rid))
            new_rels.append('<Relationship Id="%s" Type="%s" Target="slides/slide%d.xml"/>'
                            % (rid, SLIDE_REL, num))
            overrides.append('<Override PartName="/ppt/slides/slide%d.xml" '
                             'ContentType="%s"/>' % (num, SLIDE_CT))
        pres = re.sub(r"<p:sldIdLst>.*?</p:sldIdLst>",
                      "<p:sldIdLst>" + "".join(sld_ids) + "</p:sldIdLst>", pres, flags=re.S)
        rels = rels.replace("</Relationships>", "".join(new_rels) + "</Relationships>")
        ct = ct.replace("</Types>", "".join(overrides) + "</Types>")
        zout.writestr("[Content_Types].xml", ct)
        zout.writestr("ppt/presentation.xml", pres)
        zout.writestr("ppt/_rels/presentation.xml.rels", rels)
    print("%s: %d slides from %s" % (a.out, a.slides, a.src))


if __name__ == "__main__":
    main()
