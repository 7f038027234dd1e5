#!/usr/bin/env python3
"""Generate samples/rtl.pptx, the deck for right-to-left text.

Usage:  python3 samples/gen-rtl.py [--out DIR]

Standard library only; deterministic output. The package builders come
from gen-samples.py, loaded with importlib. Boxes are outlined; grey
guides mark where the text should line up. The Persian sentences are
written for this deck. Slides:

 1. right-to-left paragraphs (pPr rtl="1"): algn r, l, ctr and just read
    as absolute sides (justified text ends on the right); a paragraph that
    starts with Latin words and digits still runs right to left; a
    left-to-right paragraph (rtl="0") that starts with Persian stays left
    to right; bullets on the right with marL and indent measured from the
    right edge (guides at marL and marL+indent from the right inset)
 2. Persian faces: the complex-script face (a:cs) draws Persian even when
    the latin face has Arabic letters too; Arial and Times New Roman,
    whose metric clones have no Arabic, draw it with Amiri, as does a
    face nobody has; Liberation Sans (Arial Unicode MS in PowerPoint, at
    its widths) and IRANSans with Noto Sans Arabic; B Nazanin with Nazli;
    the spaces between Persian words are the cs face's; the digits of
    fa-IR runs in a B-series face (B Nazanin) are Persian ones (the face
    has Persian glyphs at 0-9), those of fa-IR runs in Arial and of en-US
    runs stay; digits starting a fa-IR run after Persian text in a
    left-to-right paragraph run left to right (PowerPoint does not look
    back past the run for their direction)
 3. text boxes: bodyPr rtlCol="1" with numCol 2 (the first column on the
    right), rtlCol="0" beside it; anchorCtr="1" (the block of short
    left-aligned lines centred across the box, the lines keeping their
    alignment inside it) beside the same text without it
 4. bullets and numbers: in a left-to-right paragraph aligned right (and
    in a right-to-left one aligned left) the bullet stays the indent's
    width before the text's first line, moving with it; numbers of
    right-to-left paragraphs read right to left (".1"), with Persian
    digits where the first run's face has them (B Nazanin), and the
    letter schemes arabic1Minus (alphabetical), arabic2Minus (abjad),
    hebrew2Minus; tab stops of a right-to-left paragraph measured from
    the right inset (guides at 1 and 2.5 in): after an l stop the text
    starts there running left, an r stop is where the text ends; default
    stops every defTabSz from the right
 5. line metrics: a line's baseline lies 1.2 x size x the share of its
    faces' Windows metrics above the baseline (usWinAscent over
    usWinAscent + usWinDescent) below the box's top inset, the faces
    PowerPoint has, not the stand-ins': the grey guides mark where the
    baselines should be: Arial Unicode MS 0.798 (drawn with Noto Sans
    Arabic), B Nazanin 0.656 (Nazli), the two in one line 0.699 (each
    scaled to an em, the largest share above and below), Calibri 0.780
    (Carlito); bodyPr spcFirstLastPara="1" keeps the first paragraph's
    space before (24 pt: its line 24 pt lower than beside it, where the
    space is dropped at the top of the box)
"""

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
G = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(G)

elem, escape, srgb, solid, xfrm = G.elem, G.escape, G.srgb, G.solid, G.xfrm
IN = 914400
INSET = 91440        # default left/right inset

# "This text is right to left and breaks over several lines, so that
# where its lines break can be seen beside PowerPoint's."
FA_LONG = ("این متن از راست به چپ نوشته شده و در چند خط شکسته می‌شود تا "
           "جای شکستن خط‌ها در کنار پاورپوینت دیده شود.")
# "Version 2 with 12 slides"
FA_NUM = "نسخهٔ ۲ با ۱۲ اسلاید و "
# "A short line"
FA_SHORT = "یک خط کوتاه"


def frun(text, sz=16, latin=None, cs=None, lang="fa-IR", b=None, color=None):
    """A run with a latin and a complex-script face."""
    props = (solid(color) if color else "") + \
        (elem("a:latin", typeface=latin) if latin else "") + \
        (elem("a:cs", typeface=cs) if cs else "")
    rpr = elem("a:rPr", props, lang=lang, sz=int(sz * 100), b=b, dirty="0")
    return f"<a:r>{rpr}<a:t>{escape(text)}</a:t></a:r>"


def p(*runs, bullet=None, autonum=None, start=None, tabs=None, kids_before="", **ppr):
    """A paragraph: pPr attributes (rtl, algn, marL, indent ...) and runs;
    a bullet character or an auto-number scheme; tab stops (pos, algn);
    pPr children that come before the bullet's (spacing)."""
    kids = kids_before + (elem("a:buChar", char=bullet) if bullet else
                          elem("a:buAutoNum", type=autonum, startAt=start) if autonum
                          else "<a:buNone/>")
    if tabs:
        kids += elem("a:tabLst", "".join(elem("a:tab", pos=str(pos), algn=a)
                                         for pos, a in tabs))
    end = elem("a:endParaRPr", lang="fa-IR", sz=1600, dirty="0")
    return "<a:p>" + elem("a:pPr", kids, **ppr) + "".join(runs) + end + "</a:p>"


def box(name, x, y, cx, cy, paras, **bodypr):
    """An outlined text box whose bodyPr takes any attribute."""
    bp = elem("a:bodyPr", "", wrap="square", **bodypr)
    tx = elem("p:txBody", bp + "<a:lstStyle/>" + "".join(paras))
    return elem("p:sp", G._nv_sp(name, txbox=True)
                + G.sp_pr(xfrm(x, y, cx, cy), "rect", None, G.no_fill(), G.outlined()) + tx)


def guide(x, y, cy):
    """A thin vertical grey line at x."""
    return G.connector("Guide", xfrm(x, y, 0, cy), ln=G.line(6350, solid(srgb("A6A6A6")),
                                                            dash="sysDash"))


def label(text, x, y, cx):
    return G.label(text, x, y, cx, 300000, sz=11, algn="l")


def slide_paragraphs(d):
    s = d.slide("titleOnly").add(G.slide_title("Right-to-left paragraphs", sz=28))
    cx, cy = 5500000, 1150000
    col = (400000, 6300000)
    rows = (1500000, 3000000, 4500000)
    # algn r and just: wrapped lines, the last one on the right
    s.add(label('rtl="1" algn="r"', col[0], rows[0] - 300000, cx),
          box("Right", col[0], rows[0], cx, cy, [p(frun(FA_LONG), rtl="1", algn="r")]),
          label('rtl="1" algn="just" (last line on the right)', col[1], rows[0] - 300000,
                cx),
          box("Justified", col[1], rows[0], cx, cy,
              [p(frun(FA_LONG), rtl="1", algn="just")]))
    # algn l and ctr: absolute sides
    s.add(label('rtl="1" algn="l", then algn="ctr"', col[0], rows[1] - 300000, cx),
          box("Left and centre", col[0], rows[1], cx, cy,
              [p(frun(FA_SHORT), rtl="1", algn="l"), p(frun(FA_SHORT), rtl="1", algn="ctr")]),
          # Latin first in a right-to-left paragraph; Persian first in a
          # left-to-right one
          label('rtl="1" starting with Latin; rtl="0" starting with Persian', col[1],
                rows[1] - 300000, cx),
          box("Mixed", col[1], rows[1], cx, cy,
              [p(frun("PowerPoint 2016", lang="en-US"), frun(" " + FA_NUM),
                 frun("slides2png", lang="en-US"), rtl="1", algn="r"),
               p(frun(FA_NUM), frun("PowerPoint 2016", lang="en-US"), rtl="0", algn="l")]))
    # bullets: on the right, marL and indent from the right inset
    mar, ind = int(0.5 * IN), -int(0.3 * IN)
    bullets = [p(frun(FA_SHORT), bullet="•", rtl="1", algn="r", marL=str(mar),
                 indent=str(ind)),
               p(frun(FA_LONG + " " + FA_LONG), bullet="•", rtl="1", algn="r", marL=str(mar),
                 indent=str(ind))]
    right = col[0] + 2 * cx + 400000 - INSET
    s.add(label('bullets: rtl="1" marL 0.5 in, indent -0.3 in (guides from the right)',
                col[0], rows[2] - 300000, 2 * cx + 400000),
          box("Bullets", col[0], rows[2], 2 * cx + 400000, cy, bullets))
    for k in (mar, mar + ind):
        s.add(guide(right - k, rows[2] - 50000, cy + 100000))


def slide_faces(d):
    s = d.slide("titleOnly").add(G.slide_title("Persian faces", sz=28))
    x, y, cx, cy = 400000, 1550000, 5600000, 480000
    rows = [("a:cs Arial (Liberation Sans has no Arabic: Amiri)", dict(cs="Arial")),
            ("a:cs Times New Roman (Amiri)", dict(cs="Times New Roman")),
            ("a:cs B Nazanin (Nazli)", dict(cs="B Nazanin")),
            ("a:latin Tahoma (DejaVu Sans, with Arabic), a:cs B Nazanin: Nazli",
             dict(latin="Tahoma", cs="B Nazanin")),
            ("a:cs Liberation Sans (Noto Sans Arabic)", dict(cs="Liberation Sans")),
            ("a:cs IRANSans (Noto Sans Arabic)", dict(cs="IRANSans")),
            ("a:cs a face nobody has (Amiri)", dict(cs="No Such Face")),
            ("a:latin and a:cs Arial, a Latin word between",
             dict(latin="Arial", cs="Arial")),
            ("digits: fa-IR in B Nazanin (Persian), fa-IR in Arial, en-US",
             dict(cs="B Nazanin")),
            ('rtl="0": fa-IR "نسخه", en-US ": ", fa-IR "۳" (3 on the right)',
             dict(cs="Arial"))]
    for i, (text, faces) in enumerate(rows):
        xx = x + (i // 5) * (cx + 200000)
        yy = y + (i % 5) * (cy + 470000)
        runs = [frun(FA_LONG[:60], sz=14, **faces)]
        if i == 7:
            runs = [frun(FA_SHORT + " ", sz=14, **faces),
                    frun("Liberation Sans", sz=14, lang="en-US", **faces),
                    frun(" " + FA_SHORT, sz=14, **faces)]
        if i == 8:
            runs = [frun(FA_SHORT + " 2024 ", sz=14, **faces),
                    frun("2024 ", sz=14, cs="Arial"),
                    frun("2024", sz=14, lang="en-US", **faces)]
        para = p(*runs, rtl="1", algn="r")
        if i == 9:
            para = p(frun("نسخه", sz=14, **faces), frun(": ", sz=14, lang="en-US"),
                     frun("۳", sz=14, **faces), rtl="0", algn="l")
        s.add(label(text, xx, yy - 300000, cx),
              box("Face", xx, yy, cx, cy, [para]))


def slide_boxes(d):
    s = d.slide("titleOnly").add(G.slide_title("Columns and centred blocks", sz=28))
    cx, cy = 5500000, 1900000
    col = (400000, 6300000)
    y1, y2 = 1500000, 4200000
    paras = [p(frun(FA_LONG), rtl="1", algn="r") for _ in range(3)]
    s.add(label('numCol 2, rtlCol="1": the text starts in the right column', col[0],
                y1 - 300000, cx),
          box("rtlCol", col[0], y1, cx, cy, paras, numCol="2", spcCol="228600",
              rtlCol="1"),
          label('numCol 2, rtlCol="0"', col[1], y1 - 300000, cx),
          box("ltrCol", col[1], y1, cx, cy, paras, numCol="2", spcCol="228600",
              rtlCol="0"))
    short = [p(frun("Short line", lang="en-US"), algn="l"),
             p(frun("A longer second line", lang="en-US"), algn="l"),
             p(frun("Centred", lang="en-US"), algn="ctr")]
    s.add(label('anchorCtr="1": the block centred, lines left-aligned inside it',
                col[0], y2 - 300000, cx),
          box("anchorCtr", col[0], y2, cx, cy, short, anchorCtr="1", anchor="ctr"),
          label('anchorCtr="0"', col[1], y2 - 300000, cx),
          box("no anchorCtr", col[1], y2, cx, cy, short, anchorCtr="0", anchor="ctr"))


def slide_bullets(d):
    s = d.slide("titleOnly").add(G.slide_title("Bullets and numbers", sz=28))
    cx, cy = 5500000, 1500000
    col = (400000, 6300000)
    y1 = 1500000
    mar, ind = str(int(0.4 * IN)), str(-int(0.25 * IN))
    # Persian lines in a left-to-right paragraph aligned right: the bullet
    # moves with the text (owasp2017-fa's "about OWASP" list)
    ltr = [p(frun(FA_SHORT), bullet="•", rtl="0", algn="r", marL=mar, indent=ind),
           p(frun(FA_LONG), bullet="•", rtl="0", algn="r", marL=mar, indent=ind),
           p(frun(FA_SHORT), bullet="•", rtl="0", algn="ctr", marL=mar, indent=ind)]
    rtl = [p(frun(FA_SHORT), bullet="•", rtl="1", algn="l", marL=mar, indent=ind),
           p(frun(FA_LONG), bullet="•", rtl="1", algn="l", marL=mar, indent=ind),
           p(frun(FA_SHORT), bullet="•", rtl="1", algn="ctr", marL=mar, indent=ind)]
    s.add(label('rtl="0" algn="r", "r", "ctr": bullets before the text', col[0],
                y1 - 300000, cx),
          box("LTR right", col[0], y1, cx, cy, ltr),
          label('rtl="1" algn="l", "l", "ctr": bullets after the text', col[1],
                y1 - 300000, cx),
          box("RTL left", col[1], y1, cx, cy, rtl))
    # numbers of right-to-left paragraphs: read right to left (the period
    # on the left), in the first run's digits; Arabic and Hebrew letters
    y2 = 3600000
    num = dict(rtl="1", algn="r", marL=mar, indent=ind)
    nums = [p(frun(FA_SHORT, sz=14, cs="B Nazanin"), autonum="arabicPeriod", **num),
            p(frun(FA_SHORT, sz=14, cs="B Nazanin"), autonum="arabicPeriod", **num),
            p(frun(FA_SHORT, sz=14, cs="Arial"), autonum="arabicParenR", start="9", **num),
            p(frun(FA_SHORT, sz=14, cs="Arial"), autonum="arabicParenR", **num)]
    letters = [p(frun(FA_SHORT, sz=14), autonum="arabic1Minus", start="3", **num),
               p(frun(FA_SHORT, sz=14), autonum="arabic2Minus", start="3", **num),
               p(frun(FA_SHORT, sz=14), autonum="alphaLcPeriod", start="3", **num),
               p(frun("\u05e9\u05dc\u05d5\u05dd", sz=14, lang="he-IL"),
                 autonum="hebrew2Minus", start="2", **num)]
    s.add(label('rtl="1" arabicPeriod in B Nazanin (Persian digits); arabicParenR '
                'from 9 in Arial', col[0], y2 - 300000, cx),
          box("RTL numbers", col[0], y2, cx, cy, nums),
          label('rtl="1" from 3: arabic1Minus, arabic2Minus, alphaLcPeriod; '
                'hebrew2Minus from 2', col[1], y2 - 300000, cx),
          box("RTL letters", col[1], y2, cx, cy, letters))
    # tab stops of right-to-left paragraphs, from the right inset: an
    # l stop (the text after it starts there, running left), an r stop
    # (the text ends there), then default stops every defTabSz
    y3 = 5700000
    t1, t2 = int(1.0 * IN), int(2.5 * IN)
    tabbed = [p(frun("\t".join(["یک", "دو", "سه"]), sz=14), rtl="1", algn="r",
                tabs=[(t1, "l"), (t2, "r")]),
              p(frun("\t".join(["یک", "دو", "سه"]), sz=14), rtl="1", algn="r",
                defTabSz=str(int(0.5 * IN)))]
    right = col[0] + 2 * cx + 400000 - INSET
    s.add(label('rtl="1" tab stops l 1 in, r 2.5 in (guides from the right); '
                'then default stops of 0.5 in', col[0], y3 - 300000, 2 * cx + 400000),
          box("RTL tabs", col[0], y3, 2 * cx + 400000, 750000, tabbed))
    for k in (t1, t2, int(0.5 * IN), int(1.0 * IN)):
        s.add(guide(right - k, y3 - 50000, 800000))


def hguide(x, y, cx):
    """A thin horizontal grey line at y."""
    return G.connector("Guide", xfrm(x, y, cx, 0), ln=G.line(6350, solid(srgb("A6A6A6")),
                                                            dash="sysDash"))


def slide_metrics(d):
    s = d.slide("titleOnly").add(G.slide_title("Line metrics", sz=28))
    pt = 12700
    tins = 45720                      # default top inset
    cx, cy = 2600000, 600000
    y = 1500000
    sz = 20
    rows = [("cs Liberation Sans (Arial Unicode MS): 0.798",
             [frun(FA_SHORT, sz=sz, cs="Liberation Sans")], 2189 / (2189 + 555)),
            ("cs B Nazanin: 0.656", [frun(FA_SHORT, sz=sz, cs="B Nazanin")],
             1990 / (1990 + 1045)),
            ("B Nazanin with Arial Unicode MS: 0.699",
             [frun(FA_SHORT + " ", sz=sz, cs="B Nazanin"),
              frun("OWASP", sz=sz, lang="en-US", latin="Liberation Sans")],
             0.798 / (0.798 + 0.344)),
            ("Calibri: 0.780", [frun("Calibri line", sz=sz, lang="en-US", latin="Calibri")],
             1950 / (1950 + 550))]
    for i, (text, runs, share) in enumerate(rows):
        x = 400000 + i * (cx + 250000)
        base = y + tins + round(1.2 * sz * share * pt)
        s.add(label(text, x, y - 300000, cx),
              box("Baseline", x, y, cx, cy, [p(*runs, rtl="1", algn="r")]),
              hguide(x, base, cx))
    # spcFirstLastPara: the first paragraph's 24 pt before is kept
    y2 = 3300000
    cx2, cy2 = 5500000, 1500000
    for k, keep in enumerate(("1", "0")):
        x = 400000 + k * (cx2 + 400000)
        paras = [p(frun(FA_SHORT, sz=sz, cs="B Nazanin"), rtl="1", algn="r",
                   kids_before=elem("a:spcBef", elem("a:spcPts", val="2400"))),
                 p(frun(FA_SHORT, sz=sz, cs="B Nazanin"), rtl="1", algn="r",
                   kids_before=elem("a:spcBef", elem("a:spcPts", val="2400")))]
        base = y2 + tins + round((24 + 1.2 * sz * 1990 / (1990 + 1045)) * pt) \
            if keep == "1" else y2 + tins + round(1.2 * sz * 1990 / (1990 + 1045) * pt)
        s.add(label(f'spcFirstLastPara="{keep}", spcBef 24 pt', x, y2 - 300000, cx2),
              box("Space before", x, y2, cx2, cy2, paras, spcFirstLastPara=keep),
              hguide(x, base, cx2))


def deck_rtl():
    d = G.Deck("Right-to-left text")
    slide_paragraphs(d)
    slide_faces(d)
    slide_boxes(d)
    slide_bullets(d)
    slide_metrics(d)
    return d


def main():
    G.generator_main(__doc__, "rtl.pptx", deck_rtl, HERE)


if __name__ == "__main__":
    main()
