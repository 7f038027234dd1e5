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
 13  radar chart: not drawn (diagnostic only)
"""

import argparse
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
    s = series(0, "Skill", ["Speed", "Power", "Range", "Cost", "Weight"], [4, 3, 5, 2, 4])
    plot = (f"<c:radarChart>{v('radarStyle', 'marker')}{v('varyColors', 0)}{s}"
            f"{v('axId', 1)}{v('axId', 2)}</c:radarChart>" + cat_ax(1, 2) + val_ax(2, 1))
    return chart_space(plot, rich_title("Radar (not drawn)"))


CHARTS = [
    ("Clustered column", chart_1), ("Horizontal bar, automatic title", chart_2),
    ("Stacked column with labels", chart_3), ("100% stacked column", chart_4),
    ("Line: markers, smooth, dashes", chart_5), ("Pie: firstSliceAng, explosion", chart_6),
    ("Doughnut: holeSize, labels", chart_7), ("Stacked area, axis titles", chart_8),
    ("Scatter: lines, markers, explicit x scale", chart_9),
    ("Negative values, currency, fills", chart_10),
    ("Value axis maxMin, deleted category axis", chart_11),
    ("Manual plot layout, overlay legend", chart_12), ("Radar: diagnostic", chart_13),
]


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
    return d, parts


def build():
    with gs.using_flavor(gs.TRANSITIONAL):
        d, parts = deck_charts()
        files = d.build()
    for name, xml in parts.items():
        files[name] = xml.encode("utf-8")
    ct = files["[Content_Types].xml"].decode("utf-8")
    over = "".join(f'<Override PartName="/{name}" ContentType="{CT_CHART}"/>'
                   for name in sorted(parts))
    files["[Content_Types].xml"] = ct.replace("</Types>", over + "</Types>").encode("utf-8")
    return gs.zip_bytes(files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="output directory (default: the script's directory)")
    args = parser.parse_args()
    (args.out / "charts.pptx").write_bytes(build())
    print(f"wrote {args.out / 'charts.pptx'} ({len(CHARTS)} slides)")


if __name__ == "__main__":
    main()
