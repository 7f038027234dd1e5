#!/usr/bin/env python3
"""Generate samples/shapes-all.pptx: every preset shape, line style and transform.

Usage:  python3 samples/gen-shapes-all.py [--out DIR]

Standard library only, deterministic (same bytes on every run).  The deck
structure (theme, master, layouts, slides, zip) comes from gen-samples.py.

Slides:
  1-5  all 187 presets of ST_ShapeType, one per grid cell, default adjusts,
       theme style (accent1 fill, darker outline), name under each cell
  6    40 presets with adjust values that differ from the defaults
  7    every a:prstDash, a custDash, caps flat/rnd/sq, joins round/bevel/miter
  8    compound lines sng/dbl/thickThin/thinThick/tri on lines, rectangles and
       ellipses; algn ctr vs in; gradient line fills (linear 0 and 90 deg)
  9    head and tail ends: every type with w/len sm, med, lg
  10   bentConnector2..5 and curvedConnector2..5 (cxnSp) with adjusts,
       flips and rotations, arrowheads showing the direction
  11   rotated, flipped and grouped shapes (nested groups, chExt scaling)
"""

import argparse
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
gs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gs)

elem, xfrm, line, solid, srgb, scheme = gs.elem, gs.xfrm, gs.line, gs.solid, gs.srgb, gs.scheme

# ST_ShapeType, in the order of the spec's presetShapeDefinitions.
PRESETS = """
accentBorderCallout1 accentBorderCallout2 accentBorderCallout3 accentCallout1 accentCallout2
accentCallout3 actionButtonBackPrevious actionButtonBeginning actionButtonBlank
actionButtonDocument actionButtonEnd actionButtonForwardNext actionButtonHelp actionButtonHome
actionButtonInformation actionButtonMovie actionButtonReturn actionButtonSound arc bentArrow
bentConnector2 bentConnector3 bentConnector4 bentConnector5 bentUpArrow bevel blockArc
borderCallout1 borderCallout2 borderCallout3 bracePair bracketPair callout1 callout2 callout3
can chartPlus chartStar chartX chevron chord circularArrow cloud cloudCallout corner cornerTabs
cube curvedConnector2 curvedConnector3 curvedConnector4 curvedConnector5 curvedDownArrow
curvedLeftArrow curvedRightArrow curvedUpArrow decagon diagStripe diamond dodecagon donut
doubleWave downArrow downArrowCallout ellipse ellipseRibbon ellipseRibbon2
flowChartAlternateProcess flowChartCollate flowChartConnector flowChartDecision flowChartDelay
flowChartDisplay flowChartDocument flowChartExtract flowChartInputOutput
flowChartInternalStorage flowChartMagneticDisk flowChartMagneticDrum flowChartMagneticTape
flowChartManualInput flowChartManualOperation flowChartMerge flowChartMultidocument
flowChartOfflineStorage flowChartOffpageConnector flowChartOnlineStorage flowChartOr
flowChartPredefinedProcess flowChartPreparation flowChartProcess flowChartPunchedCard
flowChartPunchedTape flowChartSort flowChartSummingJunction flowChartTerminator foldedCorner
frame funnel gear6 gear9 halfFrame heart heptagon hexagon homePlate horizontalScroll
irregularSeal1 irregularSeal2 leftArrow leftArrowCallout leftBrace leftBracket
leftCircularArrow leftRightArrow leftRightArrowCallout leftRightCircularArrow leftRightRibbon
leftRightUpArrow leftUpArrow lightningBolt line lineInv mathDivide mathEqual mathMinus
mathMultiply mathNotEqual mathPlus moon nonIsoscelesTrapezoid noSmoking notchedRightArrow
octagon parallelogram pentagon pie pieWedge plaque plaqueTabs plus quadArrow quadArrowCallout
rect ribbon ribbon2 rightArrow rightArrowCallout rightBrace rightBracket round1Rect
round2DiagRect round2SameRect roundRect rtTriangle smileyFace snip1Rect snip2DiagRect
snip2SameRect snipRoundRect squareTabs star10 star12 star16 star24 star32 star4 star5 star6
star7 star8 straightConnector1 stripedRightArrow sun swooshArrow teardrop trapezoid triangle
upArrowCallout upDownArrow upArrow upDownArrowCallout uturnArrow verticalScroll wave
wedgeEllipseCallout wedgeRectCallout wedgeRoundRectCallout
""".split()

# Presets drawn again with adjust values away from the defaults.
ADJUSTED = [
    ("roundRect", {"adj": 8000}), ("triangle", {"adj": 100000}),
    ("parallelogram", {"adj": 60000}), ("trapezoid", {"adj": 45000}),
    ("hexagon", {"adj": 40000, "vf": 115470}), ("octagon", {"adj": 15000}),
    ("star5", {"adj": 40000, "hf": 105146, "vf": 110557}), ("star24", {"adj": 20000}),
    ("rightArrow", {"adj1": 70000, "adj2": 30000}), ("leftRightArrow", {"adj1": 30000, "adj2": 80000}),
    ("chevron", {"adj": 80000}), ("homePlate", {"adj": 20000}),
    ("arc", {"adj1": 10800000, "adj2": 5400000}), ("blockArc", {"adj1": 0, "adj2": 16200000, "adj3": 10000}),
    ("pie", {"adj1": 5400000, "adj2": 0}), ("chord", {"adj1": 5400000, "adj2": 16200000}),
    ("donut", {"adj": 10000}), ("noSmoking", {"adj": 8000}),
    ("circularArrow", {"adj1": 20000, "adj2": 1800000, "adj3": 16200000, "adj4": 5400000, "adj5": 25000}),
    ("leftCircularArrow", {"adj1": 8000, "adj2": -3600000, "adj3": 3600000, "adj4": 12600000, "adj5": 10000}),
    ("leftRightCircularArrow", {"adj1": 10000, "adj2": 2400000, "adj3": 19200000, "adj4": 12000000, "adj5": 15000}),
    ("moon", {"adj": 80000}), ("smileyFace", {"adj": -4653}),
    ("wedgeRectCallout", {"adj1": 60000, "adj2": -90000}),
    ("wedgeEllipseCallout", {"adj1": -70000, "adj2": 80000}),
    ("wedgeRoundRectCallout", {"adj1": 40000, "adj2": 90000, "adj3": 30000}),
    ("borderCallout1", {"adj1": 50000, "adj2": 0, "adj3": 120000, "adj4": -30000}),
    ("accentCallout2", {"adj1": 20000, "adj2": -8000, "adj3": 20000, "adj4": -20000,
                        "adj5": 110000, "adj6": -40000}),
    ("curvedRightArrow", {"adj1": 40000, "adj2": 60000, "adj3": 40000}),
    ("uturnArrow", {"adj1": 15000, "adj2": 30000, "adj3": 30000, "adj4": 60000, "adj5": 90000}),
    ("gear9", {"adj1": 15000, "adj2": 5000}), ("frame", {"adj1": 30000}),
    ("can", {"adj": 50000}), ("cube", {"adj": 45000}),
    ("foldedCorner", {"adj": 40000}),
    ("snipRoundRect", {"adj1": 40000, "adj2": 25000}), ("round2DiagRect", {"adj1": 45000, "adj2": 10000}),
    ("teardrop", {"adj": 180000}), ("wave", {"adj1": 20000, "adj2": -8000}),
    ("leftBrace", {"adj1": 20000, "adj2": 30000}),
]

DASHES = ["solid", "dot", "dash", "lgDash", "dashDot", "lgDashDot", "lgDashDotDot",
          "sysDash", "sysDot", "sysDashDot", "sysDashDotDot"]
COMPOUNDS = ["sng", "dbl", "thickThin", "thinThick", "tri"]
ENDS = ["triangle", "stealth", "diamond", "oval", "arrow"]
SIZES = ["sm", "med", "lg"]

BLACK = "1F1F1F"


def ln(width, fill=None, dash=None, cap=None, cmpd=None, algn=None, join=None,
       head=None, tail=None, cust=None):
    """a:ln with every attribute and child this deck needs (schema order)."""
    kids = fill if fill is not None else solid(srgb(BLACK))
    if dash:
        kids += elem("a:prstDash", val=dash)
    if cust:
        kids += elem("a:custDash", "".join(elem("a:ds", d=d, sp=s) for d, s in cust))
    if join == "miter":
        kids += elem("a:miter", lim=800000)
    elif join:
        kids += f"<a:{join}/>"
    if head:
        kids += elem("a:headEnd", type=head[0], w=head[1], len=head[2])
    if tail:
        kids += elem("a:tailEnd", type=tail[0], w=tail[1], len=tail[2])
    return elem("a:ln", kids, w=width, cap=cap, cmpd=cmpd, algn=algn)


def grad_line(angle):
    stops = "".join(elem("a:gs", srgb(c), pos=p)
                    for p, c in ((0, "C00000"), (50000, "FFC000"), (100000, "0070C0")))
    return elem("a:gradFill", elem("a:gsLst", stops) + elem("a:lin", ang=angle * 60000, scaled=0),
                rotWithShape=1)


def cap_label(text, x, y, cx, sz=9):
    return gs.label(text, x, y, cx, 260000, sz=sz)


def grid_slide(d, title, items, cols=8):
    """items: (preset, adjust dict or None, caption)."""
    s = d.slide("titleOnly").add(gs.slide_title(title, sz=24))
    cw, ch = 1440000, 1010000
    x0, y0 = 300000, 1230000
    for n, (prst, adj, caption) in enumerate(items):
        col, row = n % cols, n // cols
        x, y = x0 + col * cw, y0 + row * ch
        s.add(gs.shape(prst, xfrm(x + 220000, y + 40000, 1000000, 680000), prst, adj=adj),
              cap_label(caption, x, y + 730000, cw))
    return s


def slides_presets(d):
    per = 40
    for k in range(0, len(PRESETS), per):
        chunk = PRESETS[k:k + per]
        grid_slide(d, f"Preset shapes {k + 1}-{k + len(chunk)} of {len(PRESETS)}",
                   [(p, None, p) for p in chunk])
    grid_slide(d, "Adjust values away from the defaults",
               [(p, adj, p) for p, adj in ADJUSTED])


def slide_dashes(d):
    s = d.slide("titleOnly").add(gs.slide_title("Dashes (3 pt), custDash, caps and joins", sz=24))
    y = 1250000
    for n, dash in enumerate(DASHES + ["custom"]):
        yy = y + n * 330000
        cust = [(300000, 100000), (100000, 100000)] if dash == "custom" else None
        s.add(gs.shape(dash, xfrm(2000000, yy + 130000, 4000000, 0), "line",
                       ln=ln(38100, dash=None if cust else dash, cust=cust), style=False),
              gs.label("custDash 300/100/100/100 %" if cust else dash, 200000, yy, 1750000, 260000,
                       sz=11, algn="r"))
    # caps: thick short lines, with a hairline showing the geometric end
    for n, cap in enumerate(["flat", "rnd", "sq"]):
        x, yy = 6900000, 1400000 + n * 700000
        s.add(gs.shape("cap " + cap, xfrm(x, yy, 2000000, 0), "line",
                       ln=ln(152400, solid(srgb("5B9BD5")), cap=cap), style=False),
              gs.shape("axis", xfrm(x, yy, 2000000, 0), "line", ln=ln(0, solid(srgb("C00000"))),
                       style=False),
              gs.label("cap=" + cap, 9300000, yy - 130000, 1500000, 260000, sz=11, algn="l"))
    # joins: an open zigzag (custGeom would do; the preset 'triangle' has no
    # open corners, so use rtTriangle outlines and a bentConnector3)
    for n, join in enumerate(["round", "bevel", "miter"]):
        x = 6700000 + n * 1700000
        s.add(gs.shape("join " + join, xfrm(x, 3700000, 1200000, 1300000), "triangle",
                       fill=gs.no_fill(), ln=ln(190500, solid(srgb("70AD47")), join=join),
                       style=False),
              gs.label(join, x, 5250000, 1200000, 260000, sz=11))
    s.add(gs.shape("hairline w=0", xfrm(2000000, 5400000, 4000000, 500000), "rect",
                   fill=gs.no_fill(), ln=ln(0), style=False),
          gs.label("w=0 (hairline)", 200000, 5500000, 1750000, 260000, sz=11, algn="r"))
    return s


def slide_compound(d):
    s = d.slide("titleOnly").add(gs.slide_title("Compound lines, alignment, gradient lines",
                                                sz=24))
    for n, cmpd in enumerate(COMPOUNDS):
        x = 300000 + n * 2350000
        color = solid(srgb("2F5597"))
        s.add(gs.shape("line " + cmpd, xfrm(x, 1350000, 1900000, 0), "line",
                       ln=ln(127000, color, cmpd=cmpd), style=False),
              gs.shape("rect " + cmpd, xfrm(x + 100000, 1750000, 1700000, 1000000), "rect",
                       fill=solid(srgb("DEEBF7")), ln=ln(127000, color, cmpd=cmpd, join="miter"),
                       style=False),
              gs.shape("ellipse " + cmpd, xfrm(x + 100000, 2950000, 1700000, 900000), "ellipse",
                       fill=gs.no_fill(), ln=ln(101600, color, cmpd=cmpd), style=False),
              gs.shape("arc " + cmpd, xfrm(x + 300000, 4050000, 1300000, 1100000), "arc",
                       ln=ln(101600, color, cmpd=cmpd), style=False),
              gs.label("cmpd=" + cmpd, x, 5150000, 1900000, 260000, sz=11))
    # alignment: the same 16 pt outline centred and inside, over a guide
    for n, algn in enumerate(["ctr", "in"]):
        x = 300000 + n * 2000000
        s.add(gs.shape("algn " + algn, xfrm(x + 200000, 5600000, 1500000, 800000), "roundRect",
                       fill=solid(srgb("FBE5D6")),
                       ln=ln(203200, solid(srgb("ED7D31")), algn=algn), style=False),
              gs.shape("outline " + algn, xfrm(x + 200000, 5600000, 1500000, 800000), "roundRect",
                       fill=gs.no_fill(), ln=ln(0), style=False),
              gs.label("algn=" + algn, x + 200000, 6450000, 1500000, 260000, sz=11))
    s.add(gs.shape("algn in dbl", xfrm(4400000, 5600000, 1500000, 800000), "ellipse",
                   fill=gs.no_fill(), ln=ln(152400, solid(srgb("7030A0")), cmpd="thickThin",
                                            algn="in"), style=False),
          gs.label("in + thickThin", 4400000, 6450000, 1500000, 260000, sz=11))
    # gradient outlines
    s.add(gs.shape("grad rect", xfrm(6600000, 5550000, 1700000, 900000), "rect",
                   fill=gs.no_fill(), ln=ln(152400, grad_line(0)), style=False),
          gs.shape("grad ellipse", xfrm(8500000, 5550000, 1500000, 900000), "ellipse",
                   fill=gs.no_fill(), ln=ln(152400, grad_line(90)), style=False),
          gs.shape("grad line", xfrm(10200000, 5600000, 1700000, 700000), "line",
                   ln=ln(101600, grad_line(0), tail=("triangle", "med", "med")), style=False),
          gs.label("gradient lines 0°, 90°, 0° + arrow", 6600000, 6450000, 5300000, 260000, sz=11))
    return s


def slide_ends(d):
    s = d.slide("titleOnly").add(gs.slide_title("Line ends: type x w x len (3 pt)", sz=24))
    combos = [(w, l) for w in SIZES for l in SIZES]
    for r, kind in enumerate(ENDS):
        y = 1450000 + r * 1000000
        s.add(gs.label(kind, 100000, y - 130000, 1100000, 260000, sz=11, algn="r"))
        for c, (w, l) in enumerate(combos):
            x = 1350000 + c * 1180000
            s.add(gs.shape(f"{kind} {w} {l}", xfrm(x, y, 950000, 0), "line",
                           ln=ln(38100, head=(kind, w, l), tail=(kind, w, l)), style=False))
            if r == 0:
                s.add(cap_label(f"w={w} len={l}", x - 100000, 1000000, 1150000, sz=9))
    # a thick line with a triangle and an oval on a diagonal
    s.add(gs.shape("diag", xfrm(1500000, 6250000, 4000000, 300000), "line",
                   ln=ln(76200, solid(srgb("C00000")), head=("oval", "med", "med"),
                         tail=("stealth", "lg", "lg")), style=False),
          gs.shape("curved ends", xfrm(6500000, 6000000, 4500000, 600000), "curvedConnector3",
                   ln=ln(50800, solid(srgb("2F5597")), head=("diamond", "lg", "med"),
                         tail=("arrow", "med", "lg")), style=False))
    return s


def cxn(name, xf, prst, adj=None, color="2F5597"):
    nv = elem("p:nvCxnSpPr", elem("p:cNvPr", id=gs.AUTO_ID, name=name)
              + "<p:cNvCxnSpPr/><p:nvPr/>")
    return elem("p:cxnSp", nv + gs.sp_pr(xf, prst, adj=adj,
                                          ln=ln(28575, solid(srgb(color)),
                                                head=("oval", "sm", "sm"),
                                                tail=("triangle", "med", "med"))))


def slide_connectors(d):
    s = d.slide("titleOnly").add(gs.slide_title("Bent and curved connectors", sz=24))
    kinds = ["bentConnector2", "bentConnector3", "bentConnector4", "bentConnector5",
             "curvedConnector2", "curvedConnector3", "curvedConnector4", "curvedConnector5"]
    adjs = {"bentConnector3": {"adj1": 25000}, "bentConnector4": {"adj1": -20000, "adj2": 120000},
            "bentConnector5": {"adj1": 20000, "adj2": -40000, "adj3": 80000},
            "curvedConnector3": {"adj1": 25000},
            "curvedConnector4": {"adj1": -20000, "adj2": 120000},
            "curvedConnector5": {"adj1": 20000, "adj2": -40000, "adj3": 80000}}
    variants = [("default", {}, None), ("adjusted", {}, "adj"), ("flipH", dict(flip_h=True), None),
                ("flipV", dict(flip_v=True), None), ("rot 90°", dict(rot=90), None),
                ("rot 180° flipV", dict(rot=180, flip_v=True), "adj")]
    for c, kind in enumerate(kinds):
        x = 350000 + c * 1450000
        s.add(cap_label(kind, x - 150000, 1300000, 1400000, sz=8))
        for r, (vname, kw, use_adj) in enumerate(variants):
            y = 1600000 + r * 840000
            adj = adjs.get(kind) if use_adj else None
            s.add(cxn(f"{kind} {vname}", xfrm(x + 100000, y, 900000, 600000, **kw), kind, adj))
            if c == 0:
                s.add(cap_label(vname, 0, y + 620000, 450000, sz=7))
    return s


def slide_transforms(d):
    s = d.slide("titleOnly").add(gs.slide_title("Rotation, flips and groups", sz=24))
    para = [gs.para(gs.run("Text", sz=14), algn="ctr")]
    specs = [("none", {}), ("rot 30°", dict(rot=30)), ("flipH", dict(flip_h=True)),
             ("flipV", dict(flip_v=True)), ("flipH+V", dict(flip_h=True, flip_v=True)),
             ("rot 45° flipH", dict(rot=45, flip_h=True)), ("rot 300° flipV", dict(rot=300, flip_v=True))]
    for n, (name, kw) in enumerate(specs):
        x = 300000 + n * 1650000
        s.add(gs.shape("bentUpArrow " + name, xfrm(x, 1300000, 1300000, 1000000, **kw), "bentUpArrow",
                       text=para),
              gs.shape("callout " + name, xfrm(x, 2700000, 1300000, 800000, **kw), "wedgeRectCallout",
                       accent="accent2", text=para),
              cap_label(name, x - 100000, 3700000, 1500000, sz=10))
    kids = [gs.shape("g star", xfrm(0, 0, 1000000, 1000000), "star5"),
            gs.shape("g arrow", xfrm(1000000, 200000, 1000000, 600000), "rightArrow", accent="accent2"),
            gs.shape("g tri", xfrm(0, 1000000, 2000000, 500000), "triangle", accent="accent6",
                     adj={"adj": 15000})]
    inner = gs.group("inner", xfrm(0, 1000000, 2000000, 500000, flip_h=True,
                                   ch=(0, 0, 1000000, 250000)),
                     [gs.shape("n moon", xfrm(0, 0, 500000, 250000), "moon", accent="accent4"),
                      gs.shape("n heart", xfrm(500000, 0, 500000, 250000), "heart", accent="accent2")])
    groups = [("group", {}, (0, 0, 2000000, 1500000)),
              ("group rot 20°", dict(rot=20), (0, 0, 2000000, 1500000)),
              ("group flipH", dict(flip_h=True), (0, 0, 2000000, 1500000)),
              ("group flipV, chExt x2", dict(flip_v=True), (0, 0, 4000000, 3000000))]
    for n, (name, kw, ch) in enumerate(groups):
        x = 500000 + n * 2600000
        children = kids if n < 3 else kids[:2] + [inner]
        s.add(gs.group(name, xfrm(x, 4100000, 2000000, 1500000, ch=ch, **kw), children),
              cap_label(name, x, 5800000, 2000000, sz=10))
    return s


def deck_shapes_all():
    d = gs.Deck("slides2png shapes, lines and connectors")
    slides_presets(d)
    slide_dashes(d)
    slide_compound(d)
    slide_ends(d)
    slide_connectors(d)
    slide_transforms(d)
    return d


def build():
    with gs.using_flavor(gs.TRANSITIONAL):
        files = deck_shapes_all().build()
    return gs.zip_bytes(files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()
    (args.out / "shapes-all.pptx").write_bytes(build())
    print(f"wrote {args.out / 'shapes-all.pptx'}")


if __name__ == "__main__":
    main()
