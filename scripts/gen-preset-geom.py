#!/usr/bin/env python3
"""Generate src/model/preset-geom.c from ECMA-376 presetShapeDefinitions.xml.

Usage: scripts/gen-preset-geom.py [presetShapeDefinitions.xml] [output.c]

Defaults: ../shared/spec/presetShapeDefinitions.xml (relative to the repo
root) and src/model/preset-geom.c. Python 3 standard library only. The
reference XML is an input only; it is never copied into the repository.

Representation (see src/model/dml-geom.h): every value is a slot index;
slots are [built-ins | adjusts | guides | literals]. Guide and path
arguments are resolved to slots here, with the same rules load-geom.c uses
for a:custGeom: the latest earlier guide of that name, else an adjust,
else a built-in variable, else an integer literal. The table is sorted by
name so dml_geom_preset() can binary-search it.

Known slip in the spec: circularArrow, leftCircularArrow and
leftRightCircularArrow define the arrowhead base points with a four-argument
"+-" formula, e.g. xB = "+- xH 0 dxB 0". "+-" takes three arguments
(x + y - z); the trailing "0" is a leftover. PowerPoint (and LibreOffice and
Apache POI, which read only the first three arguments) draw xB = xH - dxB,
the point mirrored to xG = xH + dxG across the arrowhead's middle H, so we
drop the surplus argument. Any other arity mismatch aborts generation.
These shapes also define dxI/dyI twice; the later definition applies only
to the guides after it, which the "latest earlier guide" rule gives.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

NS = '{http://schemas.openxmlformats.org/drawingml/2006/main}'

# Must match DML_GEOM_BUILTINS in src/model/dml-geom.h (checked below).
BUILTINS = {
    'w': 'W', 'h': 'H', 'ss': 'SS', 'ls': 'LS', 'l': 'L', 't': 'T',
    'r': 'R', 'b': 'B', 'hc': 'HC', 'vc': 'VC',
    'wd2': 'WD2', 'wd3': 'WD3', 'wd4': 'WD4', 'wd5': 'WD5', 'wd6': 'WD6',
    'wd8': 'WD8', 'wd10': 'WD10', 'wd12': 'WD12', 'wd32': 'WD32',
    'hd2': 'HD2', 'hd3': 'HD3', 'hd4': 'HD4', 'hd5': 'HD5', 'hd6': 'HD6',
    'hd8': 'HD8', 'hd10': 'HD10', 'hd12': 'HD12', 'hd32': 'HD32',
    'ssd2': 'SSD2', 'ssd4': 'SSD4', 'ssd6': 'SSD6', 'ssd8': 'SSD8',
    'ssd16': 'SSD16', 'ssd32': 'SSD32',
    'cd2': 'CD2', 'cd3': 'CD3', 'cd4': 'CD4', 'cd8': 'CD8',
    '3cd4': 'C3D4', '3cd8': 'C3D8', '5cd8': 'C5D8', '7cd8': 'C7D8',
}

# operator -> (enum suffix, number of arguments)
OPS = {
    'val': ('VAL', 1), '*/': ('MULDIV', 3), '+-': ('ADDSUB', 3),
    '+/': ('ADDDIV', 3), '?:': ('IFELSE', 3), 'abs': ('ABS', 1),
    'at2': ('AT2', 2), 'cat2': ('CAT2', 3), 'cos': ('COS', 2),
    'max': ('MAX', 2), 'min': ('MIN', 2), 'mod': ('MOD', 3),
    'pin': ('PIN', 3), 'sat2': ('SAT2', 3), 'sin': ('SIN', 2),
    'sqrt': ('SQRT', 1), 'tan': ('TAN', 2),
}

# Formulas with a surplus argument that we drop (see the docstring).
KNOWN_SLIPS = {
    ('circularArrow', 'xB'), ('circularArrow', 'yB'),
    ('leftCircularArrow', 'xB'), ('leftCircularArrow', 'yB'),
    ('leftRightCircularArrow', 'xB'), ('leftRightCircularArrow', 'yB'),
    ('leftRightCircularArrow', 'xJ'), ('leftRightCircularArrow', 'yJ'),
}

FILLS = {'none': 'NONE', 'norm': 'NORM', 'lighten': 'LIGHTEN',
         'lightenLess': 'LIGHTEN_LESS', 'darken': 'DARKEN',
         'darkenLess': 'DARKEN_LESS'}

CMDS = {'moveTo': ('M', 1), 'lnTo': ('L', 1), 'quadBezTo': ('Q', 2),
        'cubicBezTo': ('C', 3), 'arcTo': ('A', 0), 'close': ('Z', 0)}

LITERAL = re.compile(r'^-?[0-9]+$')


def die(msg):
    sys.exit('gen-preset-geom: ' + msg)


def local(tag):
    return tag.rsplit('}', 1)[-1]


def check_header(repo):
    """Fail if BUILTINS drifted from the X-macro list in dml-geom.h."""
    path = os.path.join(repo, 'src', 'model', 'dml-geom.h')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    found = dict((s, i) for i, s in re.findall(r'X\((\w+), "([^"]+)"\)', text))
    if found != BUILTINS:
        die('BUILTINS does not match DML_GEOM_BUILTINS in ' + path)


class Shape:
    def __init__(self, elem):
        self.name = local(elem.tag)
        self.adj = []      # (name, int)
        self.gds = []      # (name, op, [arg tokens])
        self.rect = None   # 4 tokens
        self.paths = []    # (w, h, fill, stroke, [(letter, [tokens])])
        for child in elem:
            tag = local(child.tag)
            if tag == 'avLst':
                for gd in child:
                    self.adj.append((gd.get('name'), self.parse_val(gd)))
            elif tag == 'gdLst':
                for gd in child:
                    self.gds.append(self.parse_gd(gd))
            elif tag == 'rect':
                self.rect = [child.get(k) for k in ('l', 't', 'r', 'b')]
            elif tag == 'pathLst':
                for p in child:
                    self.paths.append(self.parse_path(p))

    def parse_val(self, gd):
        f = gd.get('fmla').split()
        if len(f) != 2 or f[0] != 'val' or not LITERAL.match(f[1]):
            die('%s: avLst %s is not "val N"' % (self.name, gd.get('name')))
        return int(f[1])

    def parse_gd(self, gd):
        name = gd.get('name')
        f = gd.get('fmla').split()
        if not f or f[0] not in OPS:
            die('%s: %s: unknown formula %r' % (self.name, name, gd.get('fmla')))
        nargs = OPS[f[0]][1]
        args = f[1:]
        if len(args) != nargs:
            if (self.name, name) in KNOWN_SLIPS and len(args) > nargs:
                args = args[:nargs]
            else:
                die('%s: %s: %r has %d arguments, expected %d'
                    % (self.name, name, gd.get('fmla'), len(args), nargs))
        return (name, f[0], args)

    def parse_path(self, p):
        w = int(p.get('w', '0'))
        h = int(p.get('h', '0'))
        fill = FILLS[p.get('fill', 'norm')]
        stroke = 0 if p.get('stroke', 'true') in ('false', '0') else 1
        cmds = []
        for c in p:
            tag = local(c.tag)
            letter, npts = CMDS[tag]
            if tag == 'arcTo':
                toks = [c.get(k) for k in ('wR', 'hR', 'stAng', 'swAng')]
            else:
                pts = [e for e in c if local(e.tag) == 'pt']
                if len(pts) != npts:
                    die('%s: %s has %d points' % (self.name, tag, len(pts)))
                toks = []
                for pt in pts:
                    toks += [pt.get('x'), pt.get('y')]
            cmds.append((letter, toks))
        return (w, h, fill, stroke, cmds)


class Resolver:
    """Maps names and literals of one shape to slot expressions."""

    def __init__(self, shape):
        self.shape = shape
        self.n_adj = len(shape.adj)
        self.n_gd = len(shape.gds)
        self.consts = []

    def const_slot(self, v):
        if v not in self.consts:
            self.consts.append(v)
        return 'S(%d)' % (self.n_adj + self.n_gd + self.consts.index(v))

    def slot(self, tok, n_visible_gds):
        if tok is None:
            die('%s: missing argument' % self.shape.name)
        for i in range(n_visible_gds - 1, -1, -1):
            if self.shape.gds[i][0] == tok:
                return 'S(%d)' % (self.n_adj + i)
        for i, (name, _) in enumerate(self.shape.adj):
            if name == tok:
                return 'S(%d)' % i
        if tok in BUILTINS:
            return 'DML_GEOM_B_' + BUILTINS[tok]
        if LITERAL.match(tok):
            return self.const_slot(int(tok))
        die('%s: unknown name %r' % (self.shape.name, tok))


def generate(shapes):
    out = []
    w = out.append
    w('/*')
    w(' * GENERATED by scripts/gen-preset-geom.py from ECMA-376 '
      'presetShapeDefinitions.xml — do not edit.')
    w(' * The %d preset geometries (ECMA-376 §20.1.9.18 a:prstGeom), '
      'sorted by name; see' % len(shapes))
    w(' * src/model/dml-geom.h for the representation. Static const: '
      'shared read-only')
    w(' * by every thread.')
    w(' */')
    w('#include "model/dml-geom.h"')
    w('')
    w('#define S(i) (DML_GEOM_N_BUILTIN + (i))')
    w('')

    # String pool: preset names and adjust names, NUL-separated.
    pool = []
    pool_off = {}

    def intern(s):
        if s not in pool_off:
            pool_off[s] = sum(len(p) + 1 for p in pool)
            pool.append(s)
        return pool_off[s]

    for s in shapes:
        intern(s.name)
    for s in shapes:
        for name, _ in s.adj:
            intern(name)

    adj_names, adj_vals, gds, consts, paths, cmds, args = [], [], [], [], [], [], []
    geoms = []
    for s in shapes:
        r = Resolver(s)
        g = {'name': intern(s.name), 'adj': len(adj_names), 'n_adj': len(s.adj),
             'gd': len(gds), 'n_gd': len(s.gds)}
        for name, val in s.adj:
            adj_names.append(intern(name))
            adj_vals.append(val)
        for i, (name, op, toks) in enumerate(s.gds):
            sl = [r.slot(t, i) for t in toks] + ['0'] * (3 - len(toks))
            gds.append('{DML_GEOM_OP_%s, {%s}}' % (OPS[op][0], ', '.join(sl)))
        if s.rect:
            g['rect'] = [r.slot(t, len(s.gds)) for t in s.rect]
        else:
            # No a:rect: the text box is the whole shape.
            g['rect'] = ['DML_GEOM_B_L', 'DML_GEOM_B_T', 'DML_GEOM_B_R',
                         'DML_GEOM_B_B']
        g['path'] = len(paths)
        g['n_path'] = len(s.paths)
        for pw, ph, fill, stroke, pcmds in s.paths:
            c0, a0 = len(cmds), len(args)
            for letter, toks in pcmds:
                cmds.append(letter)
                args.extend(r.slot(t, len(s.gds)) for t in toks)
            paths.append((pw, ph, fill, stroke, c0, len(cmds) - c0,
                          a0, len(args) - a0))
        g['const'] = len(consts)
        g['n_const'] = len(r.consts)
        consts.extend(r.consts)
        geoms.append(g)

    w('static const char str[] =')
    for i in range(0, len(pool), 3):
        w('\t' + ' '.join('"%s\\0"' % p for p in pool[i:i + 3]))
    w('\t;')
    w('')
    w('static const char *const adj_names[] = {')
    for i in range(0, len(adj_names), 6):
        w('\t' + ' '.join('str + %d,' % o for o in adj_names[i:i + 6]))
    w('};')
    w('')
    w('static const int64_t adj_vals[] = {')
    for i in range(0, len(adj_vals), 8):
        w('\t' + ' '.join('%d,' % v for v in adj_vals[i:i + 8]))
    w('};')
    w('')
    w('static const int64_t consts[] = {')
    for i in range(0, len(consts), 8):
        w('\t' + ' '.join('%d,' % v for v in consts[i:i + 8]))
    w('};')
    w('')
    w('static const dml_geom_gd gds[] = {')
    for gd in gds:
        w('\t' + gd + ',')
    w('};')
    w('')
    w('static const char cmds[] =')
    text = ''.join(cmds)
    for i in range(0, len(text), 64):
        w('\t"%s"' % text[i:i + 64])
    w('\t;')
    w('')
    w('static const uint32_t args[] = {')
    for i in range(0, len(args), 6):
        w('\t' + ' '.join(a + ',' for a in args[i:i + 6]))
    w('};')
    w('')
    w('static const dml_geom_path paths[] = {')
    for pw, ph, fill, stroke, c0, nc, a0, na in paths:
        w('\t{%d, %d, DML_GEOM_FILL_%s, %d, %d, %d, cmds + %d, args + %d},'
          % (pw, ph, fill, stroke, nc, na, c0, a0))
    w('};')
    w('')
    w('const dml_geom dml_geom_preset_table[] = {')
    for g in geoms:
        w('\t{str + %d, adj_names + %d, adj_vals + %d, gds + %d, consts + %d,'
          % (g['name'], g['adj'], g['adj'], g['gd'], g['const']))
        w('\t paths + %d, %d, %d, %d, %d, {%s}},'
          % (g['path'], g['n_adj'], g['n_gd'], g['n_const'], g['n_path'],
             ', '.join(g['rect'])))
    w('};')
    w('')
    w('const size_t dml_geom_preset_table_len = %d;' % len(geoms))
    return '\n'.join(out) + '\n'


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        repo, '..', 'shared', 'spec', 'presetShapeDefinitions.xml')
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        repo, 'src', 'model', 'preset-geom.c')
    check_header(repo)
    root = ET.parse(src).getroot()
    # The root element is spelled "presetShapeDefinitons" in ECMA-376.
    if local(root.tag) not in ('presetShapeDefinitons', 'presetShapeDefinitions'):
        die('unexpected root element ' + root.tag)
    shapes = sorted((Shape(e) for e in root), key=lambda s: s.name.encode())
    names = [s.name for s in shapes]
    if len(set(names)) != len(names):
        die('duplicate preset names')
    for s in shapes:
        if len(s.gds) > 1024 or len(s.adj) > 1024:
            die('%s: too many guides' % s.name)
    text = generate(shapes)
    with open(dst, 'w', encoding='utf-8') as f:
        f.write(text)
    print('gen-preset-geom: wrote %d presets to %s' % (len(shapes), dst))


if __name__ == '__main__':
    main()
