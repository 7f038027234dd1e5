#!/usr/bin/env python3
# pptx-info.py: what the e2e tests expect from a deck, read independently of
# slides2png with the Python standard library only.
#   pptx-info.py DECK.pptx         -> "size CX CY" then "slide N HIDDEN PART"
#   pptx-info.py --escapes DECK    -> "net URL" / "path P" for each relationship
#                                     target that is external or leaves the
#                                     package
# Namespaces are matched by local name so Strict and Transitional both work.
import posixpath
import sys
import urllib.parse
import zipfile
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit('}', 1)[-1]


def attr(el, name):
    for k, v in el.attrib.items():
        if local(k) == name:
            return v
    return None


def part_rels(zf, part):
    d, b = posixpath.split(part)
    name = posixpath.join(d, '_rels', b + '.rels').lstrip('/')
    try:
        root = ET.fromstring(zf.read(name))
    except (KeyError, ET.ParseError):
        return []
    return [(attr(r, 'Id'), attr(r, 'Type') or '', attr(r, 'Target') or '',
             attr(r, 'TargetMode') or 'Internal')
            for r in root if local(r.tag) == 'Relationship']


def resolve(base_part, target):
    if target.startswith('/'):
        return posixpath.normpath(target)
    return posixpath.normpath(
        posixpath.join(posixpath.dirname(base_part), target))


def main_part(zf):
    for _id, typ, target, _mode in part_rels(zf, '/'):
        if typ.endswith('/officeDocument'):
            return resolve('/', target)
    raise SystemExit('pptx-info: no officeDocument relationship')


def info(path):
    zf = zipfile.ZipFile(path)
    pres = main_part(zf)
    root = ET.fromstring(zf.read(pres.lstrip('/')))
    rels = {i: resolve(pres, t) for i, _ty, t, _m in part_rels(zf, pres)}
    cx = cy = None
    rids = []
    for el in root.iter():
        if local(el.tag) == 'sldSz':
            cx, cy = attr(el, 'cx'), attr(el, 'cy')
        elif local(el.tag) == 'sldId':
            # r:id is the namespaced "id"; the plain "id" is a number.
            rids.append(next((v for k, v in el.attrib.items()
                              if k.startswith('{') and local(k) == 'id'),
                             None))
    print('size %s %s' % (cx or 9144000, cy or 6858000))
    for n, rid in enumerate(rids, 1):
        part = rels.get(rid, '?')
        hidden = 0
        try:
            sld = ET.fromstring(zf.read(part.lstrip('/')))
            if (attr(sld, 'show') or '1') in ('0', 'false'):
                hidden = 1
        except (KeyError, ET.ParseError):
            pass
        print('slide %d %d %s' % (n, hidden, part))


def escapes(path):
    # "net URL" for network targets; "path P" for a file the renderer must
    # not open: a file: URL's path, or what is left of a ../ escape once the
    # leading ../ are dropped (matched as a path suffix).
    zf = zipfile.ZipFile(path)
    for name in zf.namelist():
        if not name.endswith('.rels'):
            continue
        d = posixpath.dirname(posixpath.dirname('/' + name))
        src = posixpath.join(d, posixpath.basename(name)[:-len('.rels')])
        for _id, _typ, target, mode in part_rels(zf, src):
            low = target.lower()
            if low.startswith('file:'):
                p = urllib.parse.urlsplit(target).path
                print('path %s' % urllib.parse.unquote(p))
                continue
            if '://' in target:
                print('net %s' % target)
                continue
            joined = posixpath.join(posixpath.dirname(src), target)
            depth = 0
            for seg in joined.split('/'):
                if seg == '..':
                    depth -= 1
                elif seg not in ('', '.'):
                    depth += 1
                if depth < 0:
                    break
            if depth < 0 or (mode == 'External' and target.startswith('/')):
                rest = [s for s in target.split('/') if s not in ('', '.', '..')]
                print('path /%s' % '/'.join(rest))
            elif mode == 'External':
                print('path /%s' % target.lstrip('./'))


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--escapes':
        escapes(sys.argv[2])
    elif len(sys.argv) == 2:
        info(sys.argv[1])
    else:
        raise SystemExit('usage: pptx-info.py [--escapes] DECK.pptx')
