#!/usr/bin/env python3
"""Generate samples/cjk.pptx, the deck for Japanese text as PowerPoint sets it.

Usage:  python3 samples/gen-cjk.py [--out DIR]

Standard library only; deterministic output. The package builders come
from gen-samples.py, loaded with importlib. Boxes are outlined. Slides:

 1. faces and links: text in MS PGothic (drawn in IPAPGothic, its
    punctuation 、。「」, kana and Latin letters set at MS PGothic's
    widths) beside MS Gothic
    (IPAGothic, full and half em); a Latin run whose a:latin is the
    theme's +mn-ea with lang en-US and altLang ja-JP (the theme's Jpan
    face, not Calibri); hyperlinks: one with its own solidFill and
    u="none" (PowerPoint draws it in the theme's hlink colour,
    underlined), one with the hlinkClr val="tx" extension (the text's
    own colour, underlined)
 2. hanging punctuation: narrow boxes whose lines end where 、 or 。 falls
    just past the right edge; with hangingPunct="1" the mark hangs into
    the margin (the line keeps its last character), with "0" the last
    character moves to the next line with it
 3. East Asian auto-numbers: every ea1 scheme of a:buAutoNum, three
    items each from a start that shows how the counter is written
    (TypeA with 十 for ten, TypeC digit by digit with 〇): Simplified
    Chinese from 98 (九十八 九十九 一〇〇), Traditional Chinese from 18
    (十八 十九 二〇), Japanese and Korean from 9 (九 一〇 一一)
 4. Meiryo at its own widths (drawn in Noto Sans CJK JP, whose Latin
    is 6 % narrower, 14 % in bold): a Latin line in the regular and the
    bold face, and a box 9.6 em wide (at 12 pt) holding a bold
    "A6:2017-不適切なセキュリティ処理" from owasp2017-ja: at Meiryo
    Bold's widths its first line ends before セ (10.0 em with it), at
    Noto's it would hold セ (9.3 em); 7 em of 8 pt MS Gothic in a box
    56.1 pt wide stay on one line (PowerPoint breaks at the size given,
    8 pt, and draws at 8.04, its 1/600 inch grid)
"""

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
G = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(G)

elem, srgb, solid, xfrm, escape = G.elem, G.srgb, G.solid, G.xfrm, G.escape

PGOTHIC = "ＭＳ Ｐゴシック"
GOTHIC = "ＭＳ ゴシック"
HLINK_EXT = ('<a:extLst><a:ext uri="{A12FA001-AC4F-418D-AE19-62706E023703}">'
             '<ahyp:hlinkClr xmlns:ahyp="http://schemas.microsoft.com/office/drawing/2018/'
             'hyperlinkcolor" val="tx"/></a:ext></a:extLst>')


def jrun(text, ea=PGOTHIC, latin=None, sz=16, lang="ja-JP", alt_lang=None, color=None,
         u=None, link=None, b=None):
    """A run with east-asian face @ea; @link: (rId, keep text colour)."""
    props = (solid(color) if color else "")
    props += elem("a:latin", typeface=latin) if latin else ""
    props += elem("a:ea", typeface=ea) if ea else ""
    if link:
        rid, keep = link
        props += elem("a:hlinkClick", HLINK_EXT if keep else "", **{"r:id": rid})
    rpr = elem("a:rPr", props, lang=lang, altLang=alt_lang, sz=int(sz * 100), b=b, u=u,
               dirty="0")
    return f"<a:r>{rpr}<a:t>{escape(text)}</a:t></a:r>"


def para(*runs, **ppr):
    pp = elem("a:pPr", "", **ppr)
    return "<a:p>" + pp + "".join(runs) + '<a:endParaRPr lang="ja-JP"/></a:p>'


def box(name, x, y, cx, cy, paras):
    return G.textbox(name, xfrm(x, y, cx, cy), paras, ln=G.outlined())


def label(text, x, y, cx):
    return G.label(text, x, y, cx, 300000, sz=12, algn="l")


def slide_faces(d):
    s = d.slide("titleOnly").add(G.slide_title("Japanese faces and links", sz=28))
    text = "句読点、括弧「かぎ」と。ポップアップ（例）：ABC 123"
    s.add(label("MS PGothic (IPAPGothic), then MS Gothic (IPAGothic)", 400000, 1150000,
                5600000),
          box("Faces", 400000, 1500000, 5600000, 1300000,
              [para(jrun(text, latin=PGOTHIC)), para(jrun(text, ea=GOTHIC, latin=GOTHIC))]))
    s.add(label("a:latin +mn-ea, lang en-US altLang ja-JP: the theme's Jpan face", 400000,
                3100000, 5600000),
          box("AltLang", 400000, 3450000, 5600000, 900000,
              [para(jrun("OWASP Top 10 Web", ea="+mn-ea", latin="+mn-ea", lang="en-US",
                         alt_lang="ja-JP")),
               para(jrun("OWASP Top 10 Web", ea="+mn-ea", lang="en-US"))]))
    red = srgb("C00000")
    link_own = jrun("solidFill tx1, u=none", latin=PGOTHIC, u="none", lang="en-US",
                    color=G.scheme("tx1"), link=(s.rel("hyperlink", "https://example.org/a",
                                                       external=True), False))
    link_tx = jrun("hlinkClr tx: red", latin=PGOTHIC, lang="en-US", color=red,
                   link=(s.rel("hyperlink", "https://example.org/b", external=True), True))
    s.add(label("links: theme hlink colour over the run's own; hlinkClr tx keeps it",
                6400000, 1150000, 5400000),
          box("Links", 6400000, 1500000, 5400000, 1300000,
              [para(jrun("リンク："), link_own), para(jrun("リンク："), link_tx)]))


def slide_hanging(d):
    s = d.slide("titleOnly").add(G.slide_title("Hanging punctuation", sz=28))
    text = "あいうえおかきくけこ、さしすせそたちつてと。なにぬねの"
    # ten 16 pt characters to a line: the box is 10 em plus the insets
    cx = 10 * 16 * 12700 + 2 * 91440
    for i, (hang, title) in enumerate([("1", "hangingPunct 1: 、 and 。 hang"),
                                      ("0", "hangingPunct 0: they take a character along")]):
        x = 400000 + i * 5800000
        s.add(label(title, x, 1150000, 5400000),
              box("Hang" + hang, x, 1500000, cx, 1500000,
                  [para(jrun(text, ea=GOTHIC, latin=GOTHIC), hangingPunct=hang)]))


def numbered(text, scheme, start):
    """A paragraph numbered with @scheme from @start, hanging its label."""
    bullets = elem("a:buFont", typeface="+mj-ea") + elem("a:buAutoNum", type=scheme,
                                                         startAt=str(start))
    pp = elem("a:pPr", bullets, marL="685800", indent="-685800")
    return "<a:p>" + pp + jrun(text, ea=GOTHIC, latin=GOTHIC) + '<a:endParaRPr lang="ja-JP"/></a:p>'


def slide_autonum(d):
    s = d.slide("titleOnly").add(G.slide_title("East Asian auto-numbers", sz=28))
    schemes = [("ea1ChsPlain", 98), ("ea1ChsPeriod", 98), ("ea1ChtPlain", 18),
               ("ea1ChtPeriod", 18), ("ea1JpnKorPlain", 9), ("ea1JpnKorPeriod", 9),
               ("ea1JpnChsDbPeriod", 9)]
    for i, (scheme, start) in enumerate(schemes):
        x = 400000 + (i % 4) * 2900000
        y = 1200000 + (i // 4) * 2700000
        s.add(label(f"{scheme} from {start}", x, y, 2700000),
              box(scheme, x, y + 350000, 2700000, 1500000,
                  [numbered(t, scheme, start) for t in ("項目", "項目", "項目")]))


MEIRYO = "メイリオ"


def slide_meiryo(d):
    s = d.slide("titleOnly").add(G.slide_title("Meiryo at its own widths", sz=28))
    line = "Web Application Security Risks 2017"
    s.add(label("Meiryo, regular and bold (Noto Sans CJK JP, spaced)", 400000, 1150000,
                6000000),
          box("Latin", 400000, 1500000, 6000000, 1000000,
              [para(jrun(line, ea=MEIRYO, latin=MEIRYO)),
               para(jrun(line, ea=MEIRYO, latin=MEIRYO, b="1"))]))
    # 9.6 em of 12 pt text plus the insets
    cx = int(9.6 * 12 * 12700) + 2 * 91440
    s.add(label("bold, 9.6 em: the first line ends before セ", 400000, 2800000, 6000000),
          box("Narrow", 400000, 3150000, cx, 700000,
              [para(jrun("A6:2017-不適切なセキュリティ処理", ea=MEIRYO, latin=MEIRYO, sz=12,
                         b="1"))]))
    cx = int(56.1 * 12700) + 2 * 91440
    s.add(label("8 pt, 7 em in 56.1 pt: one line", 6400000, 2800000, 5000000),
          box("Nominal", 6400000, 3150000, cx, 700000,
              [para(jrun("悪用のしやすさ", ea=GOTHIC, latin=GOTHIC, sz=8))]))


def deck_cjk():
    d = G.Deck("Japanese text")
    slide_faces(d)
    slide_hanging(d)
    slide_autonum(d)
    slide_meiryo(d)
    return d


def main():
    G.generator_main(__doc__, "cjk.pptx", deck_cjk, HERE)


if __name__ == "__main__":
    main()
