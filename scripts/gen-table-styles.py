#!/usr/bin/env python3
"""Generate src/model/table-styles.c: PowerPoint's 74 built-in table styles.

Usage:  python3 scripts/gen-table-styles.py SPEC_DIR [-o src/model/table-styles.c]

SPEC_DIR is the table-styles fact folder (catalogue.tsv and harvested/*.xml,
see its README). Each built-in style becomes a *template* (its parts with the
style's accent written as the placeholder X, and Y for the second accent of
the Dark Style 2 pairs) plus one catalogue row (GUID, name, template, X, Y),
so the 74 styles fit in a few hundred lines of plain C data.

Styles PowerPoint wrote into real files are taken as written. The others are
derived the way [MS-OE376] 2.1.1343 says Office derives them, by colour
replacement from a harvested sibling of the same family; Dark Style 1/2 with
accents follow the family rule described in the README (LibreOffice's model:
shade instead of tint, header in the pair's second accent). Standard library
only; the output is deterministic.
"""

import argparse
import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

# precedence order = enum dml_tbl_part (model/dml-table.h); tblBg last
PARTS = ["wholeTbl", "band1H", "band2H", "band1V", "band2V", "lastCol", "firstCol",
         "lastRow", "seCell", "swCell", "firstRow", "neCell", "nwCell", "tblBg"]
BORDERS = ["left", "right", "top", "bottom", "insideH", "insideV", "tl2br", "tr2bl"]
SLOTS = ["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4",
         "accent5", "accent6", "hlink", "folHlink", "bg1", "tx1", "bg2", "tx2"]
SLOT_ENUM = {s: "DML_SLOT_" + s.upper() for s in SLOTS}
CMPD = ["sng", "dbl", "thickThin", "thinThick", "tri"]
OPS = {None: "DML_TBS_OP_NONE", "tint": "DML_TBS_OP_TINT", "shade": "DML_TBS_OP_SHADE",
       "alpha": "DML_TBS_OP_ALPHA"}


def color(el):
    """(slot, op, percent) of a schemeClr element with at most one transform."""
    if el.tag != A + "schemeClr":
        sys.exit(f"unexpected colour element {el.tag}")
    slot = el.get("val")
    mods = list(el)
    if len(mods) > 1:
        sys.exit("more than one colour transform")
    if not mods:
        return (slot, None, 0)
    op = mods[0].tag[len(A):]
    val = int(mods[0].get("val"))
    if op not in OPS or val % 1000:
        sys.exit(f"unsupported transform {op} {val}")
    return (slot, op, val // 1000)


def paint(el):
    """A fill (solidFill/noFill), an a:ln or an lnRef/fillRef, as a tuple:
    (kind, idx, w_emu, colour); kind is none, solid or ref; for a solid
    line idx is its compound type (index into CMPD)."""
    tag = el.tag[len(A):]
    if tag in ("fillRef", "lnRef"):
        return ("ref", int(el.get("idx")), 0, color(el[0]))
    if tag == "noFill":
        return ("none", 0, 0, None)
    if tag == "solidFill":
        return ("solid", 0, 0, color(el[0]))
    if tag == "ln":
        w = int(el.get("w", "0"))
        cmpd = CMPD.index(el.get("cmpd", "sng"))
        fills = [c for c in el if c.tag in (A + "noFill", A + "solidFill")]
        if not fills or fills[0].tag == A + "noFill":
            return ("none", 0, 0, None)
        if len(el) != 1:
            sys.exit("unexpected a:ln children")
        return ("solid", cmpd, w, color(fills[0][0]))
    sys.exit(f"unexpected paint {tag}")


def parse_style(path):
    root = ET.parse(path).getroot()
    parts = {}
    for el in root:
        name = el.tag[len(A):]
        if name == "extLst":
            continue
        p = {"b": None, "font": None, "color": None, "fill": None, "bdr": {}}
        if name == "tblBg":
            for c in el:
                if c.tag in (A + "fillRef",):
                    p["fill"] = paint(c)
                elif c.tag == A + "fill":
                    p["fill"] = paint(c[0])
            parts[name] = p
            continue
        tx = el.find(A + "tcTxStyle")
        if tx is not None:
            if tx.get("b") in ("on", "off"):
                p["b"] = tx.get("b") == "on"
            for c in tx:
                if c.tag == A + "fontRef":
                    p["font"] = c.get("idx")
                elif c.tag == A + "schemeClr":
                    p["color"] = color(c)
                elif c.tag != A + "extLst":
                    sys.exit(f"unexpected tcTxStyle child {c.tag}")
        st = el.find(A + "tcStyle")
        if st is not None:
            bdr = st.find(A + "tcBdr")
            for b in (bdr if bdr is not None else []):
                p["bdr"][b.tag[len(A):]] = paint(b[0])
            fill = st.find(A + "fill")
            if fill is not None:
                p["fill"] = paint(fill[0])
            ref = st.find(A + "fillRef")
            if ref is not None:
                p["fill"] = paint(ref)
        parts[name] = p
    return parts


def map_colors(parts, fn):
    """Apply fn(colour, where) to every colour of a style; where is
    'text', 'fill' (with the part name) or 'line'."""
    out = {}
    for name, p in parts.items():
        q = dict(p)
        q["bdr"] = {}
        if p["color"]:
            q["color"] = fn(p["color"], "text", name)
        if p["fill"] and p["fill"][3]:
            k, i, w, c = p["fill"]
            q["fill"] = (k, i, w, fn(c, "fill", name))
        for b, v in p["bdr"].items():
            k, i, w, c = v
            q["bdr"][b] = (k, i, w, fn(c, "line", name) if c else None)
        out[name] = q
    return out


def replace_slot(old, new):
    return lambda c, where, part: (new, c[1], c[2]) if c[0] == old else c


def dark1_accent(n):
    """Dark Style 1 - Accent N: accentN with shade where the no-accent style
    uses dk1 with tint; the header keeps solid dk1 (README §5, LO only)."""
    def fn(c, where, part):
        if where == "fill" and c[0] == "dk1" and c[1] == "tint":
            return (f"accent{n}", "shade", c[2])
        return c
    return fn


def dark2_pair(x, y):
    """Dark Style 2 - Accent X/Accent Y: tinted dk1 fills become accent X,
    the solid dk1 header fill becomes accent Y (README §5, LO only)."""
    def fn(c, where, part):
        if where == "fill" and c[0] == "dk1":
            if c[1] == "tint":
                return (f"accent{x}", c[1], c[2])
            if part == "firstRow" and c[1] is None:
                return (f"accent{y}", None, 0)
        return c
    return fn


def build(spec):
    rows = list(csv.DictReader(open(spec / "catalogue.tsv", encoding="utf-8"), delimiter="\t"))
    harvested = {}
    for r in rows:
        if r["harvested"] == "yes":
            harvested[r["guid"]] = parse_style(spec / "harvested" / f"{r['guid']}.xml")
    styles = []   # (guid, name, parts, x, y, derived)
    for r in rows:
        fam, acc = r["family"], r["accent"]
        x = y = None
        if "/" in acc:
            x, y = (int(v) for v in acc.split("/"))
        elif acc != "none":
            x = int(acc)
        if r["guid"] in harvested:
            parts, how = harvested[r["guid"]], "harvested"
        elif fam == "Dark Style 1":
            base = next(g for g in harvested if
                        next(q for q in rows if q["guid"] == g)["family"] == fam)
            parts, how = map_colors(harvested[base], dark1_accent(x)), "LibreOffice rule"
        elif fam == "Dark Style 2":
            base = next(g for g in harvested if
                        next(q for q in rows if q["guid"] == g)["family"] == fam)
            parts, how = map_colors(harvested[base], dark2_pair(x, y)), "LibreOffice rule"
        else:
            sib = [q for q in rows if q["family"] == fam and q["guid"] in harvested
                   and q["accent"] not in ("none",) and "/" not in q["accent"]]
            if not sib:
                sys.exit(f"no sibling for {r['name']}")
            k = int(sib[0]["accent"])
            new = f"accent{x}" if x else "dk1"
            parts = map_colors(harvested[sib[0]["guid"]], replace_slot(f"accent{k}", new))
            how = "derived from " + sib[0]["name"]
        # turn the accent(s) into placeholders so siblings share a template
        if x:
            parts = map_colors(parts, replace_slot(f"accent{x}", "X"))
        if y:
            parts = map_colors(parts, replace_slot(f"accent{y}", "Y"))
        styles.append((r["guid"], r["name"], parts, x or 0, y or 0, how))
    return styles


def c_color(c):
    if c is None:
        return "{ 0, 0, 0 }"
    slot = {"X": "DML_TBS_X", "Y": "DML_TBS_Y"}.get(c[0]) or SLOT_ENUM[c[0]]
    return f"{{ {slot}, {OPS[c[1]]}, {c[2]} }}"


def c_paint(p):
    if p is None:
        return "{ DML_TBS_UNSET, 0, 0, { 0, 0, 0 } }"
    kind = {"none": "DML_TBS_NONE", "solid": "DML_TBS_SOLID", "ref": "DML_TBS_REF"}[p[0]]
    return f"{{ {kind}, {p[1]}, {p[2]}, {c_color(p[3])} }}"


def c_part(name, p):
    font = {None: 0, "major": 1, "minor": 2, "none": 0}[p["font"]]
    b = -1 if p["b"] is None else int(p["b"])
    lines = [f"\t{{ {PARTS.index(name)} /* {name} */, {b}, {font}, {int(p['color'] is not None)}, "
             f"{c_color(p['color'])},", f"\t  {c_paint(p['fill'])},", "\t  {"]
    for bd in BORDERS[:6]:
        lines.append(f"\t    {c_paint(p['bdr'].get(bd))},")
    lines.append("\t  } },")
    return "\n".join(lines)


def key(parts):
    return repr(sorted((n, repr(sorted(p.items(), key=lambda kv: kv[0])))
                       for n, p in parts.items()))


def emit(styles, out):
    templates, index = [], {}
    rows = []
    for guid, name, parts, x, y, how in styles:
        for p in parts.values():
            if set(p["bdr"]) - set(BORDERS[:6]):
                sys.exit("diagonal borders in a built-in style")
        k = key(parts)
        if k not in index:
            index[k] = len(templates)
            templates.append((name, parts))
        rows.append((guid, name, index[k], x, y, how))
    o = []
    o.append("/*\n * GENERATED by scripts/gen-table-styles.py from the table-styles fact folder\n"
             " * (catalogue + PowerPoint-written definitions); do not edit. PowerPoint's\n"
             " * built-in table styles as templates (X/Y = the style's accents) and the\n"
             " * catalogue of GUIDs that instantiate them.\n */")
    o.append('#include "model/table-styles.h"\n')
    offs = []
    o.append("const dml_tbs_part dml_tbs_parts[] = {")
    n = 0
    for t, (tname, parts) in enumerate(templates):
        offs.append(n)
        o.append(f"\t/* template {t}: as in {tname} */")
        for name in PARTS:
            if name in parts:
                o.append(c_part(name, parts[name]))
                n += 1
    offs.append(n)
    o.append("};\n")
    o.append("const dml_tbs_template dml_tbs_templates[] = {")
    for t in range(len(templates)):
        o.append(f"\t{{ {offs[t]}, {offs[t + 1] - offs[t]} }},")
    o.append("};\n")
    o.append("const dml_tbs_style dml_tbs_styles[] = {")
    for guid, name, t, x, y, how in rows:
        o.append(f'\t{{ "{guid}", "{name}", {t}, {x}, {y} }}, /* {how} */')
    o.append("};\n")
    o.append("const unsigned dml_tbs_n_styles = sizeof dml_tbs_styles / sizeof dml_tbs_styles[0];")
    out.write("\n".join(o) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("spec", type=Path)
    ap.add_argument("-o", "--out", type=Path,
                    default=Path(__file__).resolve().parent.parent / "src/model/table-styles.c")
    args = ap.parse_args()
    styles = build(args.spec)
    with open(args.out, "w", encoding="utf-8") as f:
        emit(styles, f)
    print(f"wrote {len(styles)} styles to {args.out}")


if __name__ == "__main__":
    main()
