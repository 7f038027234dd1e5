#!/usr/bin/env python3
"""Generate samples/diff/: versions of one deck for `slides2png diff`.

Usage:  python3 samples/gen-diff.py [--out DIR]

Standard library only, deterministic (same bytes on every run).  The deck
structure comes from gen-samples.py; this script sets each slide's
p:sldId@id itself, because matching slides across versions is what the
diff tests exercise.  The decks live in a subfolder so that they do not
become golden decks.

old.pptx (6 slides, ids 256..261):
  1  256  title slide "Quarterly review"
  2  257  "Highlights": three bullets, one reads "Revenue grew 12 %"
  3  258  "Risks": a red warning box
  4  259  "Roadmap": three coloured boxes in a row
  5  260  "Team": four circles
  6  261  "Questions?"

new.pptx (6 slides), every kind of change once:
  1  256  unchanged
  2  257  changed: "12 %" became "15 %" (one word, one region)
  3  262  added: "Customer stories" (a large blue panel)
  -       removed: old 3 "Risks"
  4  260  "Team", moved up (old 5)
  5  259  "Roadmap", moved down (old 4): the two swapped
  6  300  "Questions?" re-saved with a new id: same pixels, matched by picture

typo.pptx: old.pptx with only the "12 %" -> "15 %" edit (same ids), for
the exit status and --threshold.
"""

import argparse
import importlib.util
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
gs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gs)


def title_slide(d):
    d.slide("title").add(
        gs.placeholder("Title 1", gs.ph("ctrTitle"), [gs.para(gs.run("Quarterly review"))]),
        gs.placeholder("Subtitle 2", gs.ph("subTitle", idx=1),
                       [gs.para(gs.run("Second quarter, all teams"))]))


def highlights(d, growth):
    d.slide("content").add(
        gs.slide_title("Highlights"),
        gs.placeholder("Content Placeholder 2", gs.ph(idx=1), [
            gs.para(gs.run(f"Revenue grew {growth} %")),
            gs.para(gs.run("Two new offices opened")),
            gs.para(gs.run("Support backlog halved")),
        ]))


def risks(d):
    d.slide("titleOnly").add(
        gs.slide_title("Risks"),
        gs.shape("Warning", gs.xfrm(1500000, 2000000, 9200000, 3600000), "roundRect",
                 fill=gs.solid(gs.srgb("C00000")), style=False,
                 text=[gs.para(gs.run("Supply delays", sz=40, color=gs.srgb("FFFFFF")),
                               algn="ctr")]))


def roadmap(d):
    s = d.slide("titleOnly").add(gs.slide_title("Roadmap"))
    for n, (colour, text) in enumerate([("4472C4", "Q3"), ("ED7D31", "Q4"),
                                        ("70AD47", "Q1")]):
        s.add(gs.shape(f"Step {n + 1}", gs.xfrm(900000 + n * 3600000, 2600000, 3000000, 1800000),
                       "rightArrow", fill=gs.solid(gs.srgb(colour)), style=False,
                       text=[gs.para(gs.run(text, sz=32, color=gs.srgb("FFFFFF")), algn="ctr")]))


def team(d):
    s = d.slide("titleOnly").add(gs.slide_title("Team"))
    for n, name in enumerate(["Ana", "Ben", "Chen", "Dara"]):
        s.add(gs.shape(name, gs.xfrm(1000000 + n * 2700000, 2400000, 2000000, 2000000),
                       "ellipse", fill=gs.solid(gs.srgb("7F7F7F")), style=False,
                       text=[gs.para(gs.run(name, sz=24, color=gs.srgb("FFFFFF")),
                                     algn="ctr")]))


def questions(d):
    d.slide("title").add(
        gs.placeholder("Title 1", gs.ph("ctrTitle"), [gs.para(gs.run("Questions?"))]))


def customer_stories(d):
    d.slide("titleOnly").add(
        gs.slide_title("Customer stories"),
        gs.shape("Panel", gs.xfrm(600000, 1700000, 11000000, 4600000), "rect",
                 fill=gs.solid(gs.srgb("1F4E79")), style=False,
                 text=[gs.para(gs.run("“It just works.”", sz=44, color=gs.srgb("FFFFFF")),
                               algn="ctr")]))


def with_ids(files, ids):
    """Give the slides (in order) the p:sldId@id values in ids."""
    pres = files["ppt/presentation.xml"].decode("utf-8")
    found = re.findall(r'<p:sldId id="\d+"', pres)
    assert len(found) == len(ids), (found, ids)
    it = iter(ids)
    pres = re.sub(r'<p:sldId id="\d+"', lambda m: f'<p:sldId id="{next(it)}"', pres)
    files["ppt/presentation.xml"] = pres.encode("utf-8")
    return files


def build(slides, ids):
    with gs.using_flavor(gs.TRANSITIONAL):
        d = gs.Deck("Quarterly review")
        for make in slides:
            make(d)
        files = d.build()
    return gs.zip_bytes(with_ids(files, ids))


def decks():
    return {
        "old.pptx": build([title_slide, lambda d: highlights(d, 12), risks, roadmap, team,
                           questions], [256, 257, 258, 259, 260, 261]),
        "new.pptx": build([title_slide, lambda d: highlights(d, 15), customer_stories, team,
                           roadmap, questions], [256, 257, 262, 260, 259, 300]),
        "typo.pptx": build([title_slide, lambda d: highlights(d, 15), risks, roadmap, team,
                            questions], [256, 257, 258, 259, 260, 261]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "diff",
                        help="output directory (default: samples/diff)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in decks().items():
        (args.out / name).write_bytes(data)
        print(f"wrote {args.out / name}")


if __name__ == "__main__":
    main()
