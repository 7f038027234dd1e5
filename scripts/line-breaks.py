#!/usr/bin/env python3
"""Count the text lines of a reference PDF that ours breaks the same way.

    scripts/line-breaks.py REF.pdf OURS.pdf [--cjk] [--show] [--pages A-B]

Both PDFs are read with `pdftotext -bbox-layout` (poppler-utils): page k
of one is compared with page k of the other (PowerPoint's export and
`slides2png DECK -o OURS.pdf` both skip hidden slides). A line is its
words joined, blanks and bullet characters dropped, so that a line
matches when it holds the same characters, wherever it sits. Per page,
the reference's lines are matched with ours as multisets; the rest are
lines broken (or spelt) differently. --cjk counts only lines with
kana, kanji or full-width forms; --show prints the unmatched lines of
both sides per page. Last line: "lines: N, same: M, differ: K".
"""
import argparse
import re
import subprocess
import sys
from collections import Counter
from html import unescape

BULLETS = set("\u2022\u25aa\u25a0\u25cf\u25c6\u25e6\u2013\u2014\u27a2\u2756"
              "\u2714\u2192\u00a7\u00d8\u00fc\u00a7\uf0a7\uf0b7\uf0d8\uf076"
              "\uf0fc\uf06e\uf06c\u2751\u25fb")
CJK = re.compile("[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def pages(pdf):
    """A list per page of its lines (normalised strings)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                         capture_output=True, check=True).stdout.decode("utf-8",
                                                                        "replace")
    out = []
    for page in re.findall(r"<page .*?</page>", xml, re.S):
        lines = []
        for line in re.findall(r"<line .*?</line>", page, re.S):
            text = "".join(unescape(w) for w in
                           re.findall(r"<word [^>]*>(.*?)</word>", line, re.S))
            text = "".join(c for c in text if not c.isspace() and c not in BULLETS)
            if text:
                lines.append(text)
        out.append(lines)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ref")
    ap.add_argument("ours")
    ap.add_argument("--cjk", action="store_true")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--pages")
    a = ap.parse_args()
    ref, ours = pages(a.ref), pages(a.ours)
    first, last = 1, max(len(ref), len(ours))
    if a.pages:
        first, _, last = a.pages.partition("-")
        first, last = int(first), int(last or first)
    total = same = 0
    for k in range(first, last + 1):
        r = Counter(l for l in (ref[k - 1] if k <= len(ref) else [])
                    if not a.cjk or CJK.search(l))
        o = Counter(l for l in (ours[k - 1] if k <= len(ours) else [])
                    if not a.cjk or CJK.search(l))
        both = r & o
        n, m = sum(r.values()), sum(both.values())
        total += n
        same += m
        if a.show and n != m:
            print("page %d: %d of %d lines the same" % (k, m, n))
            for l in (r - both).elements():
                print("  ref : " + l)
            for l in (o - both).elements():
                print("  ours: " + l)
    print("lines: %d, same: %d, differ: %d" % (total, same, total - same))


if __name__ == "__main__":
    sys.exit(main())
