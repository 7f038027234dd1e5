#!/usr/bin/env python3
"""Generate samples/charts.pptx: one slide per chart type or chart feature.

Usage:  python3 samples/gen-charts.py [--out DIR]

Standard library only, deterministic (same bytes on every run).  The deck
structure (theme, master, layouts, slides, zip) comes from gen-samples.py;
this script writes the chart parts (c:chartSpace with cached values only,
no embedded workbook) and the graphic frames that point at them.

Slides:
  1  clustered column, 3 series, legend right, major gridlines, title
  2  horizontal clustered bar, one series, auto title (series name)
  3  stacked column with data labels (ctr), legend bottom
  4  100 % stacked column, gapWidth 50, percent axis
  5  line with markers, smooth second series, legend top, 0.0 format
  6  pie with firstSliceAng 90, one exploded slice, percent labels
  7  doughnut holeSize 60, category + value labels, legend left
  8  stacked area, axis titles, #,##0 axis format
  9  scatter with lines and markers, explicit x axis 0..10 major 2
 10  clustered column with negatives, currency format, plot/chart spPr fills
 11  column with value axis scaling orientation maxMin, deleted category axis
 12  line with manual plot-area layout, autoTitleDeleted, overlay legend
 13  radar with markers, two series, six spokes
 14  filled radar, explicit major unit, a missing value, series spPr
 15  bubble chart, two series, bubbleScale 100, sizes by area
 16  bubble chart, sizeRepresents w, bubbleScale 60, varyColors
 17  stock chart (open-high-low-close): hi-low lines, up-down bars
 18  clustered column + line on a secondary value axis (axPos r, crosses max)
 19  scatter on logarithmic x and y axes (logBase 10), minor gridlines
 20  line on a date axis (baseTimeUnit months, majorUnit 2, mmm yy, a gap)
 21  column: tickLblPos low, crossesAt -2, explicit min/max, minor gridlines
 22  surface chart: not drawn (diagnostic only)
 23  chartEx (cx:chart, a waterfall) without a fallback picture: diagnostic only
"""

import argparse
import re
import importlib.util
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_samples", HERE / "gen-samples.py")
gs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gs)

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"


# ---------------------------------------------------------------------------
# c:chartSpace builders
# ---------------------------------------------------------------------------

def qattr(text):
    """Text for a double-quoted attribute value."""
    return escape(text, {'"': "&quot;"})


def v(tag, val):
    return f'<c:{tag} val="{val}"/>'


def str_cache(values, ref="Sheet1!$A$2"):
    pts = "".join(f'<c:pt idx="{i}"><c:v>{escape(str(x))}</c:v></c:pt>'
                  for i, x in enumerate(values))
    return (f"<c:strRef><c:f>{ref}</c:f><c:strCache><c:ptCount val=\"{len(values)}\"/>"
            f"{pts}</c:strCache></c:strRef>")


def num_cache(values, fmt="General", ref="Sheet1!$B$2"):
    pts = "".join(f'<c:pt idx="{i}"><c:v>{x!r}</c:v></c:pt>'
                  for i, x in enumerate(values) if x is not None)
    return (f"<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>{escape(fmt)}</c:formatCode>"
            f"<c:ptCount val=\"{len(values)}\"/>{pts}</c:numCache></c:numRef>")


def solid_sppr(rgb=None, line=None, scheme=None):
    fill = ""
    if rgb:
        fill = f'<a:solidFill><a:srgbClr val="{rgb}"/></a:solidFill>'
    elif scheme:
        fill = f'<a:solidFill><a:schemeClr val="{scheme}"/></a:solidFill>'
    return f"<c:spPr>{fill}{line or ''}</c:spPr>"


def ln(w, rgb=None, none=False, dash=None):
    if none:
        return f'<a:ln w="{w}"><a:noFill/></a:ln>'
    d = f'<a:prstDash val="{dash}"/>' if dash else ""
    return f'<a:ln w="{w}"><a:solidFill><a:srgbClr val="{rgb}"/></a:solidFill>{d}</a:ln>'


def txpr(sz=None, b=None, rgb=None, rot=None):
    a = (f' sz="{sz}"' if sz else "") + (f' b="{b}"' if b is not None else "")
    fill = f'<a:solidFill><a:srgbClr val="{rgb}"/></a:solidFill>' if rgb else ""
    body = f'<a:bodyPr rot="{rot}" vert="horz"/>' if rot is not None else "<a:bodyPr/>"
    return (f"<c:txPr>{body}<a:lstStyle/><a:p><a:pPr><a:defRPr{a}>{fill}</a:defRPr>"
            f'</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>')


def rich_title(text, sz=1400, overlay=False):
    return (f"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{sz}\" "
            f'b="1"/></a:pPr><a:r><a:rPr lang="en-US"/><a:t>{escape(text)}</a:t></a:r></a:p>'
            f"</c:rich></c:tx><c:overlay val=\"{int(overlay)}\"/></c:title>")


def dlbls(val=0, pct=0, cat=0, ser=0, pos=None, fmt=None, sz=None):
    return ("<c:dLbls>" + (f'<c:numFmt formatCode="{qattr(fmt)}" sourceLinked="0"/>' if fmt else "")
            + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
            + (txpr(sz=sz) if sz else "")
            + (v("dLblPos", pos) if pos else "")
            + v("showLegendKey", 0) + v("showVal", val) + v("showCatName", cat)
            + v("showSerName", ser) + v("showPercent", pct) + v("showBubbleSize", 0)
            + "</c:dLbls>")


def series(i, name, cats, vals, fmt="General", extra="", cat_tag="c:cat", val_tag="c:val",
           sppr="", marker="", labels="", numeric_cats=False):
    col = chr(ord("B") + i)
    cat_xml = (num_cache(cats, ref="Sheet1!$A$2") if numeric_cats else str_cache(cats))
    return (f"<c:ser>{v('idx', i)}{v('order', i)}<c:tx>{str_cache([name], f'Sheet1!${col}$1')}</c:tx>"
            f"{sppr}{marker}{labels}<{cat_tag}>{cat_xml}</{cat_tag}>"
            f"<{val_tag}>{num_cache(vals, fmt, f'Sheet1!${col}$2')}</{val_tag}>{extra}</c:ser>")


def cat_ax(ax_id, cross, pos="b", delete=0, extra="", title="", tick="out", txp=""):
    return (f"<c:catAx>{v('axId', ax_id)}<c:scaling>{v('orientation', 'minMax')}</c:scaling>"
            f"{v('delete', delete)}{v('axPos', pos)}{title}"
            '<c:numFmt formatCode="General" sourceLinked="1"/>'
            f"{v('majorTickMark', tick)}{v('minorTickMark', 'none')}{v('tickLblPos', 'nextTo')}"
            f"{txp}{v('crossAx', cross)}{v('crosses', 'autoZero')}{v('auto', 1)}"
            f"{v('lblAlgn', 'ctr')}{v('lblOffset', 100)}{extra}</c:catAx>")


def val_ax(ax_id, cross, pos="l", grid=True, fmt=None, scaling="", delete=0, between="between",
           title="", tag="c:valAx", major=None, txp="", sppr=""):
    nf = f'<c:numFmt formatCode="{qattr(fmt)}" sourceLinked="0"/>' if fmt else \
        '<c:numFmt formatCode="General" sourceLinked="1"/>'
    return (f"<{tag}>{v('axId', ax_id)}<c:scaling>{v('orientation', 'minMax')}{scaling}</c:scaling>"
            f"{v('delete', delete)}{v('axPos', pos)}"
            + ("<c:majorGridlines/>" if grid else "") + title + nf
            + f"{v('majorTickMark', 'out')}{v('minorTickMark', 'none')}{v('tickLblPos', 'nextTo')}"
            + sppr + txp + f"{v('crossAx', cross)}{v('crosses', 'autoZero')}"
            + (v("crossBetween", between) if between else "")
            + (v("majorUnit", major) if major else "") + f"</{tag}>")


def ax_title(text):
    return (f"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang=\"en-US\"/>"
            f"<a:t>{escape(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>")


def chart_space(plot, title="", legend="r", auto_deleted=0, sppr="", plot_layout="",
                legend_overlay=0, style=2, tx="", plot_sppr=""):
    leg = (f"<c:legend>{v('legendPos', legend)}<c:overlay val=\"{legend_overlay}\"/></c:legend>"
           if legend else "")
    return (gs.XML_DECL + f'<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
            f"{v('date1904', 0)}{v('lang', 'en-US')}{v('roundedCorners', 0)}{v('style', style)}"
            f"<c:chart>{title}{v('autoTitleDeleted', auto_deleted)}<c:plotArea><c:layout>"
            f"{plot_layout}</c:layout>{plot}{plot_sppr}</c:plotArea>{leg}{v('plotVisOnly', 1)}"
            f"{v('dispBlanksAs', 'gap')}</c:chart>{sppr}{tx}</c:chartSpace>")


QUARTERS = ["Q1", "Q2", "Q3", "Q4"]
REGIONS = ["North", "South", "East", "West", "Central"]


def chart_1():
    sers = "".join(series(i, n, QUARTERS, vals) for i, (n, vals) in enumerate(
        [("2022", [12, 19, 23, 31]), ("2023", [15, 22, 28, 35]), ("2024", [18, 27, 33, 47])]))
    plot = (f"<c:barChart>{v('barDir', 'col')}{v('grouping', 'clustered')}{v('varyColors', 0)}"
            f"{sers}{v('gapWidth', 150)}{v('axId', 1)}{v('axId', 2)}</c:barChart>"
            + cat_ax(1, 2) + val_ax(2, 1))
    return chart_space(plot, rich_title("Revenue by quarter"))


def chart_2():
    sers = series(0, "Sales", ["1st Qtr", "2nd Qtr", "3rd Qtr", "4th Qtr"], [8.2, 3.2, 1.4, 1.2])
    plot = (f"<c:barChart>{v('barDir', 'bar')}{v('grouping', 'clustered')}{v('varyColors', 0)}"
            f"{sers}{v('gapWidth', 100)}{v('axId', 1)}{v('axId', 2)}</c:barChart>"
            + cat_ax(1, 2, pos="l") + val_ax(2, 1, pos="b"))
    return chart_space(plot, "<c:title><c:overlay val=\"0\"/></c:title>",
                       tx=txpr(sz=1400))


def chart_3():
    data = [("Hardware", [40, 45, 38, 50]), ("Software", [25, 30, 42, 44]),
            ("Services", [10, 12, 15, 21])]
    sers = "".join(series(i, n, QUARTERS, vals) for i, (n, vals) in enumerate(data))
    plot = (f"<c:barChart>{v('barDir', 'col')}{v('grouping', 'stacked')}{v('varyColors', 0)}"
            f"{sers}{dlbls(val=1, pos='ctr')}{v('gapWidth', 80)}{v('overlap', 100)}"
            f"{v('axId', 1)}{v('axId', 2)}</c:barChart>" + cat_ax(1, 2) + val_ax(2, 1))
    return chart_space(plot, rich_title("Stacked column"), legend="b")


def chart_4():
    data = [("Yes", [55, 62, 48, 70, 66]), ("No", [30, 25, 40, 20, 24]),
            ("Unsure", [15, 13, 12, 10, 10])]
    sers = "".join(series(i, n, REGIONS, vals) for i, (n, vals) in enumerate(data))
    plot = (f"<c:barChart>{v('barDir', 'col')}{v('grouping', 'percentStacked')}{v('varyColors', 0)}"
            f"{sers}{v('gapWidth', 50)}{v('overlap', 100)}{v('axId', 1)}{v('axId', 2)}</c:barChart>"
            + cat_ax(1, 2) + val_ax(2, 1))
    return chart_space(plot, rich_title("100% stacked"), legend="r")


def chart_5():
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]
    s1 = series(0, "Plan", months, [2.5, 3.1, 3.8, 4.2, 4.0, 4.9, 5.5, 6.1],
                marker="<c:marker>" + v("symbol", "circle") + v("size", 6) + "</c:marker>",
                extra=v("smooth", 0))
    s2 = series(1, "Actual", months, [2.1, 2.9, 4.1, 3.7, 4.6, 5.2, 5.0, 6.8],
                marker="<c:marker>" + v("symbol", "square") + v("size", 5) + "</c:marker>",
                extra=v("smooth", 1))
    s3 = series(2, "Target", months, [3, 3, 3, 4, 4, 4, 5, 5],
                sppr=solid_sppr(line=ln(19050, "7F7F7F", dash="dash")),
                marker="<c:marker>" + v("symbol", "none") + "</c:marker>", extra=v("smooth", 0))
    plot = (f"<c:lineChart>{v('grouping', 'standard')}{v('varyColors', 0)}{s1}{s2}{s3}"
            f"{v('marker', 1)}{v('axId', 1)}{v('axId', 2)}</c:lineChart>"
            + cat_ax(1, 2) + val_ax(2, 1, fmt="0.0"))
    return chart_space(plot, rich_title("Line with markers"), legend="t")


def chart_6():
    cats = ["Rent", "Food", "Transport", "Leisure", "Savings"]
    dpt = (f"<c:dPt>{v('idx', 1)}{v('bubble3D', 0)}{v('explosion', 18)}</c:dPt>")
    s = series(0, "Budget", cats, [35, 25, 15, 10, 15],
               sppr="<c:spPr><a:ln w=\"19050\"><a:solidFill><a:schemeClr val=\"lt1\"/>"
                    "</a:solidFill></a:ln></c:spPr>",
               labels=dpt + dlbls(pct=1, pos="bestFit", sz=1200))
    plot = (f"<c:pieChart>{v('varyColors', 1)}{s}{v('firstSliceAng', 90)}</c:pieChart>")
    return chart_space(plot, rich_title("Pie, exploded slice"), legend="r")


def chart_7():
    cats = ["Desktop", "Mobile", "Tablet"]
    s = series(0, "Visits", cats, [5200, 7300, 1500], labels=dlbls(val=1, cat=1, fmt="#,##0"))
    plot = (f"<c:doughnutChart>{v('varyColors', 1)}{s}{v('firstSliceAng', 0)}"
            f"{v('holeSize', 60)}</c:doughnutChart>")
    return chart_space(plot, rich_title("Doughnut"), legend="l")


def chart_8():
    years = ["2019", "2020", "2021", "2022", "2023", "2024"]
    data = [("Solar", [1200, 1800, 2600, 3900, 5200, 7100]),
            ("Wind", [3100, 3400, 3900, 4300, 4800, 5300]),
            ("Hydro", [2500, 2450, 2550, 2500, 2600, 2650])]
    sers = "".join(series(i, n, years, vals) for i, (n, vals) in enumerate(data))
    plot = (f"<c:areaChart>{v('grouping', 'stacked')}{v('varyColors', 0)}{sers}"
            f"{v('axId', 1)}{v('axId', 2)}</c:areaChart>"
            + cat_ax(1, 2, title=ax_title("Year"))
            + val_ax(2, 1, fmt="#,##0", between="midCat", title=ax_title("GWh")))
    return chart_space(plot, rich_title("Stacked area"), legend="b")


def chart_9():
    xs = [0.5, 1.5, 2.2, 3.8, 5.0, 6.1, 7.4, 8.8, 9.5]
    y1 = [1.2, 2.8, 3.1, 4.9, 5.2, 6.8, 7.1, 8.9, 9.2]
    y2 = [9.0, 7.5, 7.9, 6.0, 4.4, 4.1, 2.2, 1.9, 0.8]
    s1 = series(0, "Up", xs, y1, cat_tag="c:xVal", val_tag="c:yVal", numeric_cats=True,
                marker="<c:marker>" + v("symbol", "diamond") + v("size", 7) + "</c:marker>",
                extra=v("smooth", 0))
    s2 = series(1, "Down", xs, y2, cat_tag="c:xVal", val_tag="c:yVal", numeric_cats=True,
                marker="<c:marker>" + v("symbol", "triangle") + v("size", 7) + "</c:marker>",
                extra=v("smooth", 1))
    plot = (f"<c:scatterChart>{v('scatterStyle', 'lineMarker')}{v('varyColors', 0)}{s1}{s2}"
            f"{v('axId', 1)}{v('axId', 2)}</c:scatterChart>"
            + val_ax(1, 2, pos="b", grid=False, between="midCat",
                     scaling=v("max", 10) + v("min", 0), major=2)
            + val_ax(2, 1, pos="l", between="midCat"))
    return chart_space(plot, rich_title("Scatter"), legend="r")


def chart_10():
    data = [("Profit", [12000, -4500, 8300, 15250, -2100])]
    sers = "".join(series(i, n, REGIONS, vals, fmt='"$"#,##0') for i, (n, vals) in enumerate(data))
    plot = (f"<c:barChart>{v('barDir', 'col')}{v('grouping', 'clustered')}{v('varyColors', 0)}"
            f"{sers}{dlbls(val=1, pos='outEnd')}{v('gapWidth', 60)}{v('axId', 1)}{v('axId', 2)}</c:barChart>"
            + cat_ax(1, 2, extra="") + val_ax(2, 1, fmt='"$"#,##0;-"$"#,##0'))
    plot_sppr = solid_sppr(rgb="F2F2F2")
    sppr = solid_sppr(rgb="FFFBEA", line=ln(19050, "BF9000"))
    return chart_space(plot, rich_title("Profit by region"), legend=None, sppr=sppr,
                       plot_sppr=plot_sppr)


def chart_11():
    sers = series(0, "Depth", ["A", "B", "C", "D", "E", "F"], [3, 7, 12, 18, 25, 31])
    plot = (f"<c:barChart>{v('barDir', 'col')}{v('grouping', 'clustered')}{v('varyColors', 0)}"
            f"{sers}{v('gapWidth', 30)}{v('axId', 1)}{v('axId', 2)}</c:barChart>"
            + cat_ax(1, 2, delete=1)
            + val_ax(2, 1, scaling="", fmt="0 \"m\"").replace(
                v("orientation", "minMax"), v("orientation", "maxMin")))
    return chart_space(plot, rich_title("Reversed value axis"), legend=None)


def chart_12():
    xs = [f"Day {i}" for i in range(1, 15)]
    vals = [20, 22, 21, 25, 30, 28, 27, 33, 35, 31, 38, 41, 40, 45]
    s = series(0, "Temperature", xs, vals, extra=v("smooth", 0),
               marker="<c:marker>" + v("symbol", "none") + "</c:marker>")
    plot = (f"<c:lineChart>{v('grouping', 'standard')}{v('varyColors', 0)}{s}"
            f"{v('marker', 1)}{v('axId', 1)}{v('axId', 2)}</c:lineChart>"
            + cat_ax(1, 2) + val_ax(2, 1))
    layout = ("<c:manualLayout>" + v("layoutTarget", "inner") + v("xMode", "edge")
              + v("yMode", "edge") + v("x", 0.1) + v("y", 0.08) + v("w", 0.85) + v("h", 0.7)
              + "</c:manualLayout>")
    return chart_space(plot, "", auto_deleted=1, plot_layout=layout, legend="tr",
                       legend_overlay=1)


def chart_13():
    axes = ["Speed", "Power", "Range", "Cost", "Weight", "Comfort"]
    s1 = series(0, "Model A", axes, [4, 3, 5, 2, 4, 3],
                marker="<c:marker>" + v("symbol", "circle") + v("size", 6) + "</c:marker>")
    s2 = series(1, "Model B", axes, [2, 5, 3, 4, 3, 5])
    plot = (f"<c:radarChart>{v('radarStyle', 'marker')}{v('varyColors', 0)}{s1}{s2}"
            f"{v('axId', 1)}{v('axId', 2)}</c:radarChart>" + cat_ax(1, 2)
            + val_ax(2, 1, between="between"))
    return chart_space(plot, rich_title("Radar with markers"), legend="r")


def chart_14():
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]
    s1 = series(0, "Rain", months, [80, 65, 50, 40, 30, 20, None, 35])
    s2 = series(1, "Sun", months, [30, 45, 70, 90, 110, 125, 130, 120],
                sppr=solid_sppr(rgb="FFC000", line=ln(12700, "BF9000")))
    plot = (f"<c:radarChart>{v('radarStyle', 'filled')}{v('varyColors', 0)}{s1}{s2}"
            f"{v('axId', 1)}{v('axId', 2)}</c:radarChart>"
            + cat_ax(1, 2) + val_ax(2, 1, between="between", major=50))
    return chart_space(plot, rich_title("Filled radar, a missing value"), legend="b")


def bubble_series(i, name, xs, ys, sizes, sppr=""):
    return series(i, name, xs, ys, cat_tag="c:xVal", val_tag="c:yVal", numeric_cats=True,
                  sppr=sppr, extra=f"<c:bubbleSize>{num_cache(sizes, ref='Sheet1!$D$2')}"
                  f"</c:bubbleSize>{v('bubble3D', 0)}")


def chart_15():
    s1 = bubble_series(0, "Retail", [12, 25, 41, 58], [35, 60, 20, 75], [100, 400, 900, 250])
    s2 = bubble_series(1, "Online", [18, 33, 50, 66], [80, 15, 55, 40], [50, 1600, 300, 25],
                       sppr=solid_sppr(scheme="accent2"))
    plot = (f"<c:bubbleChart>{v('varyColors', 0)}{s1}{s2}{v('bubbleScale', 100)}"
            f"{v('showNegBubbles', 0)}{v('axId', 1)}{v('axId', 2)}</c:bubbleChart>"
            + val_ax(1, 2, pos="b", grid=False, between="midCat")
            + val_ax(2, 1, pos="l", between="midCat"))
    return chart_space(plot, rich_title("Bubble: size is area"), legend="r")


def chart_16():
    s1 = bubble_series(0, "Projects", [1, 2, 3, 4, 5], [3, 5, 2, 6, 4], [10, 20, 30, 40, 50])
    plot = (f"<c:bubbleChart>{v('varyColors', 1)}{s1}{v('bubbleScale', 60)}"
            f"{v('showNegBubbles', 0)}{v('sizeRepresents', 'w')}"
            f"{v('axId', 1)}{v('axId', 2)}</c:bubbleChart>"
            + val_ax(1, 2, pos="b", grid=False, between="midCat")
            + val_ax(2, 1, pos="l", between="midCat"))
    return chart_space(plot, rich_title("Bubble: width, scale 60, varied colours"), legend="r")


def chart_17():
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    data = [("Open", [44, 46, 41, 45, 49, 47, 52]), ("High", [48, 49, 47, 51, 53, 54, 56]),
            ("Low", [42, 40, 39, 43, 46, 45, 49]), ("Close", [46, 42, 45, 49, 47, 53, 50])]
    none = "<c:spPr><a:ln w=\"28575\"><a:noFill/></a:ln></c:spPr>"
    sers = "".join(series(i, n, days, vals, sppr=none,
                          marker="<c:marker>" + v("symbol", "none") + "</c:marker>")
                   for i, (n, vals) in enumerate(data))
    plot = (f"<c:stockChart>{sers}<c:hiLowLines><c:spPr><a:ln w=\"9525\"><a:solidFill>"
            f"<a:srgbClr val=\"000000\"/></a:solidFill></a:ln></c:spPr></c:hiLowLines>"
            f"<c:upDownBars>{v('gapWidth', 150)}<c:upBars/><c:downBars/></c:upDownBars>"
            f"{v('axId', 1)}{v('axId', 2)}</c:stockChart>" + cat_ax(1, 2) + val_ax(2, 1))
    return chart_space(plot, rich_title("Stock: open-high-low-close"), legend=None)


def chart_18():
    qs = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
    bars = series(0, "Units", qs, [320, 410, 380, 520, 610, 580])
    line = series(1, "Margin", qs, [0.12, 0.15, 0.11, 0.18, 0.21, 0.19], fmt="0%",
                  marker="<c:marker>" + v("symbol", "circle") + v("size", 7) + "</c:marker>")
    sec_cat = cat_ax(3, 4, delete=1)
    sec_val = val_ax(4, 3, pos="r", grid=False, fmt="0%").replace(
        v("crosses", "autoZero"), v("crosses", "max"))
    plot = (f"<c:barChart>{v('barDir', 'col')}{v('grouping', 'clustered')}{v('varyColors', 0)}"
            f"{bars}{v('gapWidth', 80)}{v('axId', 1)}{v('axId', 2)}</c:barChart>"
            f"<c:lineChart>{v('grouping', 'standard')}{v('varyColors', 0)}{line}"
            f"{v('marker', 1)}{v('axId', 3)}{v('axId', 4)}</c:lineChart>"
            + cat_ax(1, 2) + val_ax(2, 1, fmt="#,##0") + sec_cat + sec_val)
    return chart_space(plot, rich_title("Column and line, secondary axis"), legend="b")


def chart_19():
    xs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    ys = [3, 8, 40, 150, 700, 3200, 12000, 41000, 230000, 900000]
    s = series(0, "Growth", xs, ys, cat_tag="c:xVal", val_tag="c:yVal", numeric_cats=True,
               marker="<c:marker>" + v("symbol", "circle") + v("size", 5) + "</c:marker>")
    plot = (f"<c:scatterChart>{v('scatterStyle', 'lineMarker')}{v('varyColors', 0)}{s}"
            f"{v('axId', 1)}{v('axId', 2)}</c:scatterChart>"
            + val_ax(1, 2, pos="b", grid=False, between="midCat", scaling=v("logBase", 10))
            + val_ax(2, 1, pos="l", between="midCat", fmt="#,##0",
                     scaling=v("logBase", 10)).replace(
                "<c:majorGridlines/>", "<c:majorGridlines/><c:minorGridlines><c:spPr><a:ln "
                "w=\"3175\"><a:solidFill><a:srgbClr val=\"E0E0E0\"/></a:solidFill></a:ln>"
                "</c:spPr></c:minorGridlines>"))
    return chart_space(plot, rich_title("Logarithmic axes, minor gridlines"), legend=None)


def date_ax(ax_id, cross, fmt, base="months", major=None, major_unit=None):
    return (f"<c:dateAx>{v('axId', ax_id)}<c:scaling>{v('orientation', 'minMax')}</c:scaling>"
            f"{v('delete', 0)}{v('axPos', 'b')}"
            f'<c:numFmt formatCode="{qattr(fmt)}" sourceLinked="0"/>'
            f"{v('majorTickMark', 'out')}{v('minorTickMark', 'none')}{v('tickLblPos', 'nextTo')}"
            f"{v('crossAx', cross)}{v('crosses', 'autoZero')}{v('auto', 1)}{v('lblOffset', 100)}"
            f"{v('baseTimeUnit', base)}"
            + (v("majorUnit", major) if major else "")
            + (v("majorTimeUnit", major_unit) if major_unit else "") + "</c:dateAx>")


def chart_20():
    # serial dates (1900 system): the 1st of Jan..Dec 2024, Mar missing
    firsts = [45292, 45323, 45383, 45413, 45444, 45474, 45505, 45536, 45566, 45597, 45627]
    vals = [14, 17, 22, 19, 25, 28, 27, 31, 29, 34, 38]
    s = (f"<c:ser>{v('idx', 0)}{v('order', 0)}<c:tx>{str_cache(['Visitors'], 'Sheet1!$B$1')}"
         f"</c:tx><c:marker>{v('symbol', 'none')}</c:marker>"
         f"<c:cat>{num_cache(firsts, 'm/d/yyyy', 'Sheet1!$A$2')}</c:cat>"
         f"<c:val>{num_cache(vals, 'General')}</c:val>{v('smooth', 0)}</c:ser>")
    plot = (f"<c:lineChart>{v('grouping', 'standard')}{v('varyColors', 0)}{s}"
            f"{v('marker', 1)}{v('axId', 1)}{v('axId', 2)}</c:lineChart>"
            + date_ax(1, 2, "mmm yy", major=2, major_unit="months") + val_ax(2, 1))
    return chart_space(plot, rich_title("Date axis: months, March missing"), legend=None)


def chart_21():
    cats = ["A", "B", "C", "D", "E"]
    s = series(0, "Delta", cats, [4, -3, 6, -2, 5])
    # the category axis crosses the value axis at -2: columns grow from there
    cat = cat_ax(1, 2).replace(v("tickLblPos", "nextTo"), v("tickLblPos", "low")).replace(
        v("crosses", "autoZero"), "<c:crossesAt val=\"-2\"/>")
    val = val_ax(2, 1, scaling=v("max", 8) + v("min", -6)).replace(
        "<c:majorGridlines/>", "<c:majorGridlines/><c:minorGridlines/>")
    plot = (f"<c:barChart>{v('barDir', 'col')}{v('grouping', 'clustered')}{v('varyColors', 0)}"
            f"{s}{v('gapWidth', 100)}{v('axId', 1)}{v('axId', 2)}</c:barChart>" + cat + val)
    return chart_space(plot, rich_title("Labels low, crossesAt -2, minor gridlines"),
                       legend=None)


def chart_22():
    cats = ["1", "2", "3"]
    sers = "".join(series(i, n, cats, vals) for i, (n, vals) in enumerate(
        [("R1", [1, 2, 3]), ("R2", [2, 3, 1]), ("R3", [3, 1, 2])]))
    plot = (f"<c:surfaceChart>{v('wireframe', 0)}{sers}{v('axId', 1)}{v('axId', 2)}"
            f"{v('axId', 3)}</c:surfaceChart>" + cat_ax(1, 2) + val_ax(2, 1)
            + f"<c:serAx>{v('axId', 3)}<c:scaling>{v('orientation', 'minMax')}</c:scaling>"
            f"{v('delete', 0)}{v('axPos', 'b')}{v('crossAx', 2)}</c:serAx>")
    return chart_space(plot, rich_title("Surface (not drawn)"))


CHARTS = [
    ("Clustered column", chart_1), ("Horizontal bar, automatic title", chart_2),
    ("Stacked column with labels", chart_3), ("100% stacked column", chart_4),
    ("Line: markers, smooth, dashes", chart_5), ("Pie: firstSliceAng, explosion", chart_6),
    ("Doughnut: holeSize, labels", chart_7), ("Stacked area, axis titles", chart_8),
    ("Scatter: lines, markers, explicit x scale", chart_9),
    ("Negative values, currency, fills", chart_10),
    ("Value axis maxMin, deleted category axis", chart_11),
    ("Manual plot layout, overlay legend", chart_12),
    ("Radar: markers", chart_13), ("Radar: filled, major unit 50", chart_14),
    ("Bubble: two series", chart_15), ("Bubble: sizeRepresents w", chart_16),
    ("Stock: high-low lines, up-down bars", chart_17),
    ("Combination: secondary value axis", chart_18), ("Scatter: log axes", chart_19),
    ("Date axis", chart_20), ("Tick labels low, crossesAt", chart_21),
    ("Surface: diagnostic", chart_22),
]


CX_NS = "http://schemas.microsoft.com/office/drawing/2014/chartex"
CT_CHARTEX = "application/vnd.ms-office.chartex+xml"
REL_CHARTEX = "http://schemas.microsoft.com/office/2014/relationships/chartEx"


def chartex_waterfall():
    """A cx:chartSpace (waterfall) with its data inline; no workbook."""
    vals = [100, 20, 50, -40, 130]
    pts = "".join(f'<cx:pt idx="{i}">{x}</cx:pt>' for i, x in enumerate(vals))
    return (gs.XML_DECL + f'<cx:chartSpace xmlns:a="{A_NS}" xmlns:r="{R_NS}" xmlns:cx="{CX_NS}">'
            f'<cx:chartData><cx:data id="0"><cx:numDim type="val"><cx:f>Sheet1!$B$2:$B$6</cx:f>'
            f'<cx:lvl ptCount="{len(vals)}" formatCode="General">{pts}</cx:lvl></cx:numDim>'
            "</cx:data></cx:chartData><cx:chart><cx:plotArea><cx:plotAreaRegion>"
            '<cx:series layoutId="waterfall" uniqueId="{00000000-0000-0000-0000-000000000001}">'
            '<cx:dataId val="0"/></cx:series></cx:plotAreaRegion></cx:plotArea></cx:chart>'
            "</cx:chartSpace>")


def chartex_frame(name, rid, x, y, cx, cy):
    """A chartEx graphic frame as PowerPoint writes it, minus the
    mc:AlternateContent and its fallback picture."""
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{gs.AUTO_ID}" name="{name}"/>'
            "<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>"
            f'<p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></p:xfrm>'
            f'<a:graphic><a:graphicData uri="{CX_NS}"><cx:chart xmlns:cx="{CX_NS}" '
            f'r:id="{rid}"/></a:graphicData></a:graphic></p:graphicFrame>')


def graphic_frame(name, rid, x, y, cx, cy):
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{gs.AUTO_ID}" name="{name}"/>'
            "<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>"
            f'<p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></p:xfrm>'
            f'<a:graphic><a:graphicData uri="{C_NS}"><c:chart xmlns:c="{C_NS}" '
            f'r:id="{rid}"/></a:graphicData></a:graphic></p:graphicFrame>')


def deck_charts():
    d = gs.Deck("slides2png chart samples")
    parts = {}
    for n, (caption, make) in enumerate(CHARTS, start=1):
        s = d.slide("titleOnly")
        rid = s.rel("chart", f"../charts/chart{n}.xml")
        s.add(gs.slide_title(f"{n}. {caption}", sz=28),
              graphic_frame(f"Chart {n}", rid, 838200, 1500000, 10515600, 4900000))
        parts[f"ppt/charts/chart{n}.xml"] = make()
    n = len(CHARTS) + 1
    s = d.slide("titleOnly")
    rid = s.rel("chartEx", "../charts/chartEx1.xml")
    s.add(gs.slide_title(f"{n}. chartEx without a fallback: diagnostic", sz=28),
          chartex_frame("Chart Ex", rid, 838200, 1500000, 10515600, 4900000))
    parts["ppt/charts/chartEx1.xml"] = chartex_waterfall()
    return d, parts


def build():
    with gs.using_flavor(gs.TRANSITIONAL):
        d, parts = deck_charts()
        files = d.build()
    for name, xml in parts.items():
        files[name] = xml.encode("utf-8")
    ct = files["[Content_Types].xml"].decode("utf-8")
    over = "".join(f'<Override PartName="/{name}" ContentType="'
                   f'{CT_CHARTEX if "chartEx" in name else CT_CHART}"/>'
                   for name in sorted(parts))
    files["[Content_Types].xml"] = ct.replace("</Types>", over + "</Types>").encode("utf-8")
    # chartEx is a Microsoft relationship type, not one of the deck's base URIs
    for name in files:
        if name.endswith(".rels") and b"/chartEx" in files[name]:
            rels = files[name].decode("utf-8")
            files[name] = re.sub(r'Type="[^"]*/chartEx"', f'Type="{REL_CHARTEX}"',
                                 rels).encode("utf-8")
    return gs.zip_bytes(files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()
    (args.out / "charts.pptx").write_bytes(build())
    print(f"wrote {args.out / 'charts.pptx'} ({len(CHARTS) + 1} slides)")


if __name__ == "__main__":
    main()
