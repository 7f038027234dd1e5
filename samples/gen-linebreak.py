#!/usr/bin/env python3
"""Generate samples/linebreak.pptx, the deck for where lines break and end.

Usage:  python3 samples/gen-linebreak.py [--out DIR]

Standard library only; deterministic output. The package builders come
from gen-samples.py, loaded with importlib. Boxes are outlined. Slides:

 1. trailing line breaks: a paragraph that ends in <a:br/> keeps an empty
    last line (PowerPoint counts it: the next paragraph starts a line
    lower, text anchored at the bottom or centre rises), as high as the
    paragraph's end mark (endParaRPr sz); two trailing breaks leave two
    empty lines; a paragraph of a break alone is two lines; empty runs
    after the break change nothing (a centred box). On the left, each box
    has a twin without the trailing break beside it.
 2. East Asian advances on PowerPoint's grid: it advances each kana and
    ideograph by its width rounded to 1/600 inch. Forty た in MS PGothic
    at 10 pt (set at 9.96 pt, 83/600 inch): each 0.922 em, 9.18 pt, is
    advanced by 77/600 inch, 9.24 pt, so a line of 368.5 pt (no insets)
    holds 39 of them, not 40; a line of 370.5 pt holds 40.
"""

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
G = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(G)

elem, run, br, para, xfrm = G.elem, G.run, G.br, G.para, G.xfrm


def box(name, x, y, cx, cy, paras, **kw):
    return G.textbox(name, xfrm(x, y, cx, cy), paras, ln=G.outlined(), **kw)


def label(text, x, y, cx):
    return G.label(text, x, y, cx, 300000, sz=11, algn="l")


def empty_run():
    return '<a:r><a:rPr lang="en-US" dirty="0"/><a:t></a:t></a:r>'


def slide_trailing(d):
    s = d.slide("titleOnly").add(G.slide_title("Trailing line breaks", sz=28))
    cx, cy, sz = 2700000, 1900000, 16
    cols = [400000, 3250000, 6350000, 9200000]
    y1, y2 = 1650000, 4300000

    # row 1: the next paragraph after "...<br/>" (left) and after "..." (right)
    s.add(label("ends in a:br: next paragraph one line lower", cols[0], y1 - 330000, 5600000))
    s.add(box("Trailing", cols[0], y1, cx, cy,
              [para(run("First paragraph", sz=sz), br(), end_sz=sz),
               para(run("Second paragraph", sz=sz), end_sz=sz)]))
    s.add(box("Plain", cols[1], y1, cx, cy,
              [para(run("First paragraph", sz=sz), end_sz=sz),
               para(run("Second paragraph", sz=sz), end_sz=sz)]))
    # two breaks; the empty line takes the end mark's size (28 pt)
    s.add(label("two a:br; one a:br with endParaRPr 28 pt", cols[2], y1 - 330000, 5600000))
    s.add(box("Two", cols[2], y1, cx, cy,
              [para(run("Two breaks", sz=sz), br(), br(), end_sz=sz),
               para(run("After", sz=sz), end_sz=sz)]))
    s.add(box("EndSize", cols[3], y1, cx, cy,
              [para(run("End mark 28 pt", sz=sz), br(), end_sz=28),
               para(run("After", sz=sz), end_sz=sz)]))

    # row 2: anchored at the bottom, the last paragraph ends in a break
    s.add(label("anchor b: the empty last line lifts the text", cols[0], y2 - 330000, 5600000))
    s.add(box("Bottom", cols[0], y2, cx, cy,
              [para(run("Anchored at the bottom", sz=sz), br(), end_sz=sz)], anchor="b"))
    s.add(box("BottomPlain", cols[1], y2, cx, cy,
              [para(run("Anchored at the bottom", sz=sz), end_sz=sz)], anchor="b"))
    # a break alone, and a break followed by an empty run
    s.add(label("a:br alone (2 lines); a:br then an empty run", cols[2], y2 - 330000, 5600000))
    s.add(box("Alone", cols[2], y2, cx, cy,
              [para(run("Before", sz=sz), end_sz=sz),
               para(br(), end_sz=sz),
               para(run("After", sz=sz), end_sz=sz)]))
    s.add(box("EmptyRun", cols[3], y2, cx, cy,
              [para(run("Break, empty run", sz=sz), br(), empty_run(), end_sz=sz),
               para(run("After", sz=sz), end_sz=sz)], anchor="ctr"))


PGOTHIC = "ＭＳ Ｐゴシック"
EMU_PER_PT = 12700


def jrun(text, sz=10):
    props = elem("a:latin", typeface=PGOTHIC) + elem("a:ea", typeface=PGOTHIC)
    rpr = elem("a:rPr", props, lang="ja-JP", sz=int(sz * 100), dirty="0")
    return f"<a:r>{rpr}<a:t>{G.escape(text)}</a:t></a:r>"


def slide_grid(d):
    s = d.slide("titleOnly").add(G.slide_title("East Asian advances on the 1/600 inch grid",
                                               sz=28))
    text = "た" * 40 + "あいう"
    y = 1700000
    for w_pt, what in ((368.5, "368.5 pt: 39 on the first line (77/600 in each)"),
                       (370.5, "370.5 pt: 40 on the first line")):
        s.add(label(what, 400000, y - 330000, 8000000))
        s.add(box("Grid", 400000, y, int(w_pt * EMU_PER_PT), 700000,
                  [para(jrun(text), end_sz=10)], insets=(0, 45720, 0, 45720)))
        y += 1500000


def deck_linebreak():
    d = G.Deck("Line breaks")
    slide_trailing(d)
    slide_grid(d)
    return d


def main():
    G.generator_main(__doc__, "linebreak.pptx", deck_linebreak, HERE)


if __name__ == "__main__":
    main()
