#!/usr/bin/env python3
"""Print the advance widths a PDF gives for the glyphs of one font.

    scripts/pdf-font-widths.py REF.pdf FONTNAME [REF2.pdf ...]

For every font dictionary whose /BaseFont contains FONTNAME (subset tag
and all: "Calibri-Light" matches "BCDEEE+Calibri-Light"), the widths are
read from /FirstChar + /Widths (simple fonts: WinAnsi codes mapped to
Unicode) or from the descendant's /W array and /DW (CID fonts: the CIDs
the /ToUnicode CMap maps to Unicode). The widths of all files are merged; a
code point given two different widths is reported on stderr. Output:
one "U+XXXX width" line per code point, 1/1000 em, sorted.

This is how draw-widths.c's tables were measured from PowerPoint's PDF
exports (which embed the faces PowerPoint drew with, at their own
advances). Objects may sit in object streams; only Flate streams are
read. Standard library only.
"""
import re
import sys
import zlib

# WinAnsiEncoding bytes 0x80-0x9F that are not Latin-1
WIN_ANSI_EXTRA = {
    0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026,
    0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160,
    0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019,
    0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
    0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153,
    0x9E: 0x017E, 0x9F: 0x0178,
}

OBJ_RE = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)endobj", re.S)


def win_ansi(code):
    if code in WIN_ANSI_EXTRA:
        return WIN_ANSI_EXTRA[code]
    if 0x80 <= code <= 0x9F:
        return None
    return code


def objects(data):
    """Object number -> body, including those packed in object streams
    (PDFs that Acrobat rewrote have them)."""
    objs = {int(m.group(1)): m.group(2) for m in OBJ_RE.finditer(data)}
    for body in list(objs.values()):
        if not re.search(rb"/Type\s*/ObjStm", body):
            continue
        n = int(re.search(rb"/N\s+(\d+)", body).group(1))
        first = int(re.search(rb"/First\s+(\d+)", body).group(1))
        raw = stream(body)
        head = [int(x) for x in raw[:first].split()][:2 * n]
        for k in range(0, len(head), 2):
            end = head[k + 3] if k + 3 < len(head) else len(raw) - first
            objs.setdefault(head[k], raw[first + head[k + 1]:first + end])
    return objs


def stream(body):
    m = re.search(rb"stream\r?\n", body)
    if not m:
        return b""
    raw = body[m.end():]
    raw = raw[:raw.rfind(b"endstream")]
    if b"/FlateDecode" in body[:m.start()]:
        return zlib.decompressobj().decompress(raw)
    return raw


def ref(body, key, objs):
    """The value of /key in @body, following an indirect reference."""
    m = re.search(rb"/" + key + rb"\s*(\d+)\s+0\s+R", body)
    if m:
        return objs.get(int(m.group(1)), b"")
    m = re.search(rb"/" + key + rb"\s*(\[[^\]]*\]|\d+)", body)
    return m.group(1) if m else None


def numbers(text):
    return [float(x) for x in re.findall(rb"-?\d+(?:\.\d+)?", text)]


def to_unicode(cmap):
    """CID (or code) -> code point, from a ToUnicode CMap."""
    out = {}

    def uni(hexs):
        cps = []
        b = bytes.fromhex(hexs.decode())
        units = [int.from_bytes(b[i:i + 2], "big") for i in range(0, len(b), 2)]
        i = 0
        while i < len(units):
            u = units[i]
            if 0xD800 <= u < 0xDC00 and i + 1 < len(units):
                u = 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00)
                i += 1
            cps.append(u)
            i += 1
        return cps[0] if len(cps) == 1 else None   # ligatures: skipped

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = uni(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])",
                block):
            lo, hi = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for k, d in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", dst)):
                    out[lo + k] = uni(d)
            else:
                base = uni(dst[1:-1])
                for k in range(hi - lo + 1):
                    out[lo + k] = base + k if base is not None else None
    return out


def cid_widths(w):
    """CID -> width from a /W array: c [w1 w2 ...] or c1 c2 w."""
    out = {}
    toks = re.findall(rb"\[|\]|-?\d+(?:\.\d+)?", w.strip()[1:-1])
    i = 0
    while i < len(toks):
        c = int(float(toks[i]))
        if toks[i + 1] == b"[":
            i += 2
            while toks[i] != b"]":
                out[c] = float(toks[i])
                c += 1
                i += 1
            i += 1
        else:
            c2, wd = int(float(toks[i + 1])), float(toks[i + 2])
            for k in range(c, c2 + 1):
                out[k] = wd
            i += 3
    return out


def font_widths(body, objs):
    """code point -> width for one font dictionary."""
    out = {}
    tu = ref(body, b"ToUnicode", objs)
    cmap = to_unicode(stream(tu)) if isinstance(tu, bytes) and tu else {}
    if b"/Type0" in body:
        desc = re.search(rb"/DescendantFonts\s*(?:\[\s*(\d+)\s+0\s+R\s*\]|(\d+)\s+0\s+R)",
                         body)
        if not desc:
            return out
        d = objs.get(int(desc.group(1) or desc.group(2)), b"")
        if d.lstrip().startswith(b"["):   # an array object holding the ref
            d = objs.get(int(re.search(rb"(\d+)\s+0\s+R", d).group(1)), b"")
        w = ref(d, b"W", objs)
        dw = ref(d, b"DW", objs)
        widths = cid_widths(w.strip()) if w else {}
        dw = numbers(dw)[0] if dw else 1000
        # every CID the ToUnicode CMap names was used: those /W leaves
        # out have the default width
        for cid, cp in cmap.items():
            if cp is not None:
                out[cp] = widths.get(cid, dw)
        return out
    first = ref(body, b"FirstChar", objs)
    widths = ref(body, b"Widths", objs)
    if first is None or widths is None:
        return out
    first = int(numbers(first)[0])
    for k, wd in enumerate(numbers(widths)):
        code = first + k
        cp = cmap.get(code, win_ansi(code))
        if cp is not None and wd > 0:
            out[cp] = wd
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    pdfs, name = [sys.argv[1]] + sys.argv[3:], sys.argv[2].encode()
    merged, clash = {}, 0
    for path in pdfs:
        with open(path, "rb") as f:
            objs = objects(f.read())
        for num, body in sorted(objs.items()):
            m = re.search(rb"/BaseFont\s*/([^\s/<>\[\]]+)", body)
            if not m or not re.search(rb"/Type\s*/Font\b", body):
                continue
            base = m.group(1).split(b"+")[-1]
            if base != name or b"/CIDFontType" in body:
                continue
            for cp, wd in font_widths(body, objs).items():
                if cp in merged and abs(merged[cp] - wd) > 0.5:
                    print("U+%04X: %g in one font, %g in another (%s obj %d)"
                          % (cp, merged[cp], wd, path, num), file=sys.stderr)
                    clash += 1
                merged.setdefault(cp, wd)
    for cp in sorted(merged):
        print("U+%04X %g" % (cp, merged[cp]))
    return 1 if clash else 0


if __name__ == "__main__":
    sys.exit(main())
