#!/usr/bin/env python3
"""Generate samples/tables.pptx, the table test deck.

Usage:  python3 samples/gen-tables.py [--out DIR]

Standard library only; deterministic output. The package builders (theme,
master, layouts, zip) come from gen-samples.py, loaded with importlib; this
script adds graphic frames holding a:tbl and a tableStyles part with one
style of the deck's own. Slides:

 1. merges: gridSpan, rowSpan, both, hMerge/vMerge continuations, at the
    edges and in the middle; broken merges (continuations without an
    anchor, spans past the grid, short and long rows)
 2. borders: lnL/lnR/lnT/lnB, widths, dashes, compound lines, diagonals,
    noFill overriding a style, a line without a fill (keeps the style's
    colour), shared edges between differently formatted cells
 3-9. one table per built-in style family, all tblPr flags on and all off
    (the GUIDs are not defined in the file: PowerPoint's catalogue)
 10. a style defined in ppt/tableStyles.xml, an unknown GUID, no style
 11. layout: rows growing to fit text, margins, anchors, cell fills, empty
    cells sized by endParaRPr, an rtl table, vertical text (tcPr vert)
 12. a table in a rotated group and a table in a flipped group
"""

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
G = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(G)

elem, para, run, scheme, srgb, solid = G.elem, G.para, G.run, G.scheme, G.srgb, G.solid
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
PT = 12700

# PowerPoint's built-in styles used below (catalogue GUIDs)
NO_STYLE_NO_GRID = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"
NO_STYLE_GRID = "{5940675A-B579-460E-94D1-54222C63F5DA}"
MEDIUM2_ACCENT1 = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"
FAMILIES = [
    ("No Style, No Grid", NO_STYLE_NO_GRID),
    ("No Style, Table Grid", NO_STYLE_GRID),
    ("Themed Style 1 - Accent 2", "{284E427A-3D55-4303-BF80-6455036E1DE7}"),
    ("Themed Style 2 - Accent 5", "{327F97BB-C833-4FB7-BDE5-3F7075034690}"),
    ("Light Style 1 - Accent 1", "{3B4B98B0-60AC-42C2-AFA5-B58CD77FA1E5}"),
    ("Light Style 2 - Accent 6", "{912C8C85-51F0-491E-9774-3900AFEF0FD7}"),
    ("Light Style 3 - Accent 4", "{ED083AE6-46FA-4A59-8FB0-9F97EB10719F}"),
    ("Medium Style 1 - Accent 3", "{1FECB4D8-DB02-4DC6-A0A2-4F2EBAE1DC90}"),
    ("Medium Style 2 - Accent 1", MEDIUM2_ACCENT1),
    ("Medium Style 3 - Accent 5", "{74C1A8A3-306A-4EB7-A6B1-4F7E0EB9C5D6}"),
    ("Medium Style 4 - Accent 2", "{8A107856-5554-42FB-B03E-39F5DBC370BA}"),
    ("Dark Style 1", "{E8034E78-7F5D-4C2E-B375-FC64B27BC917}"),
    ("Dark Style 1 - Accent 3", "{D03447BB-5D67-496B-8E87-E561075AD55C}"),
    ("Dark Style 2 - Accent 3/Accent 4", "{91EBBBCC-DAD2-459C-BE2E-F6DE35CF9A28}"),
]
CUSTOM_STYLE = "{A1B2C3D4-0000-4000-8000-00000000C0DE}"
UNKNOWN_STYLE = "{DEADBEEF-DEAD-BEEF-DEAD-BEEFDEADBEEF}"


# ---------------------------------------------------------------------------
# Table XML
# ---------------------------------------------------------------------------

def ln(tag, w=12700, color=None, dash=None, cmpd=None, nofill=False):
    """A cell border (lnL, lnR, ...). color None and nofill False: no fill
    element at all (the style's colour shows)."""
    kids = "<a:noFill/>" if nofill else (solid(color) if color else "")
    if dash:
        kids += elem("a:prstDash", val=dash)
    return elem("a:" + tag, kids, w=w, cmpd=cmpd)


def tc(text=None, sz=12, span=None, rspan=None, hm=None, vm=None, lines="", fill="",
       paras=None, end_sz=None, **pr):
    """A cell. pr: tcPr attributes (marL, anchor, vert, ...)."""
    if paras is None:
        paras = [para(run(text, sz=sz))] if text else [para(end_sz=end_sz or sz)]
    body = G.tx_body(paras, tag="a:txBody")
    return elem("a:tc", body + elem("a:tcPr", lines + fill, **pr), gridSpan=span,
                rowSpan=rspan, hMerge=hm, vMerge=vm)


def tbl(cols, rows, style=None, **flags):
    """rows: list of (height, [cells]); flags: firstRow=True, ..."""
    pr = elem("a:tblPr", elem("a:tableStyleId", style) if style else "",
              **{k: True for k, v in flags.items() if v})
    grid = elem("a:tblGrid", "".join(elem("a:gridCol", w=w) for w in cols))
    body = "".join(elem("a:tr", "".join(cells), h=h) for h, cells in rows)
    return elem("a:tbl", pr + grid + body)


def frame(name, x, y, table_xml, cols, rows):
    cx, cy = sum(cols), sum(h for h, _ in rows)
    nv = elem("p:nvGraphicFramePr", elem("p:cNvPr", id=G.AUTO_ID, name=name)
              + '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr>'
              + "<p:nvPr/>")
    graphic = elem("a:graphic", elem("a:graphicData", table_xml, uri=TABLE_URI))
    return elem("p:graphicFrame", nv + G.xfrm(x, y, cx, cy, tag="p:xfrm") + graphic)


def table(name, x, y, cols, rows, style=None, **flags):
    return frame(name, x, y, tbl(cols, rows, style, **flags), cols, rows)


def label(text, x, y, cx, sz=12):
    return G.label(text, x, y, cx, 300000, sz=sz, algn="l")


def title(text):
    return G.slide_title(text, sz=28)


# ---------------------------------------------------------------------------
# Slides
# ---------------------------------------------------------------------------

def slide_merges(d):
    s = d.slide("titleOnly").add(title("Merged cells"))
    tint = solid(scheme("accent1", lumMod=20000, lumOff=80000))
    cols = [1000000] * 5
    H = 420000
    rows = [
        (H, [tc("A: gridSpan 2", span=2, fill=tint), tc(hm=True), tc("B"),
             tc("C: gridSpan 2", span=2, fill=tint), tc(hm=True)]),
        (H, [tc("D: rowSpan 2", rspan=2, fill=tint), tc("E"),
             tc("F: 2 x 2 block", span=2, rspan=2, fill=tint, anchor="ctr"), tc(hm=True),
             tc("G")]),
        (H, [tc(vm=True), tc("H"), tc(vm=True), tc(hm=True, vm=True), tc("I")]),
        (H, [tc("J"), tc("K"), tc("L"), tc("M"), tc("N: rowSpan 2", rspan=2, fill=tint,
                                                     anchor="b")]),
        (H, [tc("O: gridSpan 4 (bottom edge)", span=4, fill=tint, anchor="ctr"), tc(hm=True),
             tc(hm=True), tc(hm=True), tc(vm=True)]),
    ]
    s.add(label("Consistent merges (No Style, Table Grid)", 500000, 1500000, 5000000),
          table("Merges", 500000, 1850000, cols, rows, NO_STYLE_GRID))
    cols = [1300000] * 3
    rows = [
        (H, [tc("hMerge, no anchor:"), tc("kept", hm=True), tc("gridSpan 9", span=9,
                                                             fill=tint)]),
        (H, [tc("rowSpan 5 past the end", rspan=5, fill=tint), tc("vMerge, no anchor",
                                                                vm=True), tc("x")]),
        (H, [tc(vm=True), tc("short row")]),
        (H, [tc("long"), tc("row"), tc("of"), tc("five"), tc("cells")]),
    ]
    s.add(label("Broken merges: drawn as far as they agree", 6300000, 1500000, 5000000),
          table("Broken merges", 6300000, 1850000, cols, rows, NO_STYLE_GRID))
    return s


def slide_borders(d):
    s = d.slide("titleOnly").add(title("Cell borders"))
    red, blue, green = srgb("C00000"), srgb("2E75B6"), srgb("548235")
    cols = [1350000] * 4
    H = 600000
    all4 = lambda **kw: "".join(ln(t, **kw) for t in ("lnL", "lnR", "lnT", "lnB"))
    rows = [
        (H, [tc("lnL 3pt", lines=ln("lnL", 38100, red)),
             tc("lnR 3pt", lines=ln("lnR", 38100, red)),
             tc("lnT 3pt", lines=ln("lnT", 38100, red)),
             tc("lnB 3pt", lines=ln("lnB", 38100, red))]),
        (H, [tc("1 pt", lines=all4(w=12700, color=blue)),
             tc("dash 2pt", lines=all4(w=25400, color=blue, dash="dash")),
             tc("sysDot 2pt", lines=all4(w=25400, color=blue, dash="sysDot")),
             tc("lgDashDot 2pt", lines=all4(w=25400, color=blue, dash="lgDashDot"))]),
        (H, [tc("dbl 6pt", lines=all4(w=76200, color=green, cmpd="dbl")),
             tc("thickThin 6pt", lines=all4(w=76200, color=green, cmpd="thickThin")),
             tc("thinThick 6pt", lines=all4(w=76200, color=green, cmpd="thinThick")),
             tc("tri 6pt", lines=all4(w=76200, color=green, cmpd="tri"))]),
        (H, [tc("TlToBr", lines=ln("lnTlToBr", 19050, red)),
             tc("BlToTr", lines=ln("lnBlToTr", 19050, red)),
             tc("both", lines=ln("lnTlToBr", 19050, blue) + ln("lnBlToTr", 19050, blue)),
             tc("w=0 hairline", lines=all4(w=0, color=red))]),
    ]
    s.add(label("Direct borders on No Style, No Grid", 400000, 1450000, 5400000),
          table("Borders", 400000, 1800000, cols, rows, NO_STYLE_NO_GRID))
    cols = [1250000] * 4
    H = 500000
    rows = [
        (H, [tc("grid"), tc("grid"), tc("grid"), tc("grid")]),
        (H, [tc("grid"), tc("no borders", lines=all4(nofill=True)),
             tc("red 4pt all", lines=all4(w=50800, color=red)), tc("grid")]),
        (H, [tc("grid"), tc("3pt, no fill: style colour", lines=all4(w=38100)),
             tc("grid"), tc("grid")]),
        (H, [tc("grid"), tc("grid"), tc("grid"), tc("grid")]),
    ]
    s.add(label("Over No Style, Table Grid: noFill, 4 pt, fill-less 3 pt", 6300000, 1450000,
                5600000),
          table("Borders over a style", 6300000, 1800000, cols, rows, NO_STYLE_GRID))
    return s


def style_table(name, guid, x, y, on):
    cols = [1100000] * 5
    H = 330000
    body = []
    names = ["Header", "Col 2", "Col 3", "Col 4", "Last col"]
    body.append((H, [tc(n, sz=11) for n in names]))
    for r in range(1, 5):
        label_ = "Total" if r == 4 else f"Row {r}"
        body.append((H, [tc(label_, sz=11)] + [tc(str(r * 10 + c), sz=11)
                                               for c in range(1, 5)]))
    flags = dict(firstRow=on, lastRow=on, firstCol=on, lastCol=on, bandRow=on, bandCol=on)
    return table(name, x, y, cols, body, guid, **flags)


def slide_styles(d, pair):
    s = d.slide("titleOnly").add(title("Built-in styles: " + " / ".join(n for n, _ in pair)))
    for k, (name, guid) in enumerate(pair):
        x = 300000 + k * 5900000
        s.add(label(name + ": all flags on", x, 1350000, 5800000),
              style_table(name, guid, x, 1650000, True),
              label(name + ": all flags off", x, 3650000, 5800000),
              style_table(name, guid, x, 3950000, False))
    return s


def slide_deck_styles(d):
    s = d.slide("titleOnly").add(title("Deck-defined style, unknown GUID, no style"))
    cols = [1200000] * 3
    H = 400000
    rows = [(H, [tc("Head A"), tc("Head B"), tc("Head C")])] + [
        (H, [tc(f"r{r}c{c}") for c in range(3)]) for r in range(1, 4)]
    s.add(label("tableStyles.xml style (firstRow, bandRow)", 300000, 1450000, 3700000),
          table("Deck style", 300000, 1800000, cols, rows, CUSTOM_STYLE, firstRow=True,
                bandRow=True),
          label("unknown GUID: no style, diagnostic", 4200000, 1450000, 3700000),
          table("Unknown style", 4200000, 1800000, cols, rows, UNKNOWN_STYLE, firstRow=True,
                bandRow=True),
          label("no tableStyleId", 8100000, 1450000, 3700000),
          table("No style", 8100000, 1800000, cols, rows, None, firstRow=True, bandRow=True))
    rows = [(H, [tc("Medium Style 2 - Accent 1, firstRow + bandRow (PowerPoint's default)",
                    span=3), tc(hm=True), tc(hm=True)])] + [
        (H, [tc(f"r{r}c{c}") for c in range(3)]) for r in range(1, 4)]
    s.add(table("Default style", 300000, 4000000, cols, rows, MEDIUM2_ACCENT1, firstRow=True,
                bandRow=True))
    return s


def slide_layout(d):
    s = d.slide("titleOnly").add(title("Row heights, margins, anchors, rtl"))
    fill = solid(scheme("accent2", lumMod=20000, lumOff=80000))
    long_text = ("This row is written 0.1 in high; it grows to fit three lines of "
                 "wrapped text, as in PowerPoint.")
    cols = [1400000, 1400000, 1400000]
    rows = [
        (127000, [tc(long_text, sz=11), tc("short", sz=11), tc("anchor b", sz=11,
                                                             anchor="b", fill=fill)]),
        (700000, [tc("anchor t"), tc("anchor ctr", anchor="ctr", fill=fill),
                  tc("anchor b", anchor="b")]),
        (500000, [tc("marL 0 marT 0", marL=0, marT=0, fill=fill),
                  tc("marL 0.5in", marL=457200), tc("marR/marB 0.3in, b r", marR=274320,
                                                     marB=274320, anchor="b",
                                                     paras=[para(run("marR/marB 0.3in"),
                                                                 algn="r")])]),
        (50000, [tc(end_sz=6), tc(end_sz=6), tc(end_sz=6, fill=fill)]),
        (300000, [tc("two", paras=[para(run("two", sz=11)), para(run("paragraphs", sz=11))]),
                  tc("vert", vert="vert", sz=9), tc("28 pt", sz=28)]),
    ]
    s.add(label("Row 1 is 0.1 in; row 4 holds empty 6 pt cells", 300000, 1350000, 4500000),
          table("Layout", 300000, 1700000, cols, rows, NO_STYLE_GRID))
    cols = [1500000, 1000000, 1000000]
    rows = [(350000, [tc("first (right)"), tc("second"), tc("third")])] + [
        (350000, [tc(f"row {r}"), tc(str(r)), tc(str(r * r))]) for r in range(1, 4)]
    rtl = tbl(cols, rows, "{3C2FFA5D-87B4-456A-9821-1D502468CF0F}", firstRow=True,
              firstCol=True, bandRow=True).replace("<a:tblPr ", '<a:tblPr rtl="1" ', 1)
    s.add(label("rtl table: first column on the right (Themed Style 1 - Accent 1)", 5200000,
                1350000, 6500000),
          frame("RTL", 5200000, 1700000, rtl, cols, rows))
    cols = [2000000] * 4
    rows = [(350000, [tc("wider"), tc("than"), tc("the"), tc("slide: clipped")])]
    s.add(table("Too wide", 7000000, 5600000, cols, rows, MEDIUM2_ACCENT1, firstRow=True))
    return s


def slide_transforms(d):
    s = d.slide("titleOnly").add(title("Tables in rotated and flipped groups"))
    cols = [1100000] * 3
    rows = [(330000, [tc("Head"), tc("B"), tc("C")])] + [
        (330000, [tc(f"{r}"), tc(f"{r}.1"), tc(f"{r}.2")]) for r in range(1, 4)]
    inner = table("Grouped table", 1000000, 1000000, cols, rows,
                  "{69012ECD-51FC-41F1-AA8D-1B2483CD663E}", firstRow=True, bandRow=True)
    marker = G.shape("Marker", G.xfrm(1000000, 2450000, 3300000, 150000), "rect",
                     fill=solid(scheme("accent2")), style=False)
    ch = (1000000, 1000000, 3300000, 1600000)
    s.add(G.group("Rotated group", G.xfrm(1200000, 2300000, 3300000, 1600000, rot=20, ch=ch),
                  [inner, marker]),
          G.group("Flipped group", G.xfrm(6800000, 2300000, 3300000, 1600000, flip_h=True,
                                           ch=ch), [inner, marker]),
          label("group rotated 20°: the table turns with it", 1000000, 4700000, 4500000),
          label("group flipped: table mirrored, text upright", 6800000, 4700000, 4500000))
    return s


# ---------------------------------------------------------------------------
# The deck
# ---------------------------------------------------------------------------

def custom_style_xml():
    """One style of the deck's own, as PowerPoint writes a user style."""
    line = lambda w, c: elem("a:ln", solid(srgb(c)), w=w, cmpd="sng")
    bdr = "".join(elem("a:" + t, line(12700, "ED7D31"))
                  for t in ("left", "right", "top", "bottom", "insideH", "insideV"))
    whole = elem("a:wholeTbl",
                 elem("a:tcTxStyle", '<a:fontRef idx="minor"><a:prstClr val="black"/>'
                      "</a:fontRef>" + srgb("843C0C"))
                 + elem("a:tcStyle", elem("a:tcBdr", bdr) + elem("a:fill",
                                                              solid(srgb("FBE5D6")))))
    band = elem("a:band1H", elem("a:tcStyle", "<a:tcBdr/>"
                                 + elem("a:fill", solid(srgb("F8CBAD")))))
    first = elem("a:firstRow", elem("a:tcTxStyle", srgb("FFFFFF"), b="on", i="on")
                 + elem("a:tcStyle", elem("a:tcBdr", elem("a:bottom", line(38100, "843C0C")))
                        + elem("a:fill", solid(srgb("C55A11")))))
    style = elem("a:tblStyle", whole + band + first, styleId=CUSTOM_STYLE,
                 styleName="Custom Orange")
    return (G.XML_DECL + f'<a:tblStyleLst xmlns:a="{G.FLAVOR.a}" def="{MEDIUM2_ACCENT1}">'
            + style + "</a:tblStyleLst>")


class TableDeck(G.Deck):
    def _props_parts(self):
        pres, view, _ = super()._props_parts()
        return pres, view, custom_style_xml()


def deck_tables():
    d = TableDeck("Tables")
    slide_merges(d)
    slide_borders(d)
    fams = list(FAMILIES)
    for k in range(0, len(fams), 2):
        slide_styles(d, fams[k:k + 2])
    slide_deck_styles(d)
    slide_layout(d)
    slide_transforms(d)
    return d


def main():
    G.generator_main(__doc__, "tables.pptx", deck_tables, HERE)


if __name__ == "__main__":
    main()
