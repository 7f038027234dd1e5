#!/usr/bin/env python3
"""How many text lines break where PowerPoint breaks them.

Usage:  scripts/line-agreement.py [--bin SLIDES2PNG | --pdf-dir DIR] [--show N]
                                   [--cjk] DECK_DIR...

DECK_DIR holds deck.pptx and reference.pdf (PowerPoint's PDF export of
it), as the decks of ../shared/corpus/decks do. The deck is rendered to
PDF with slides2png (default: build/slides2png), and both PDFs are read
with `pdftotext -bbox-layout` (poppler-utils). A line of the reference
counts as matched when our page of the same number has a line of the
same characters: whitespace is ignored and characters are compared as
a multiset, so that the order in which either PDF stores right-to-left
or reordered text does not matter, only where lines start and end.

Prints, per deck and in total, the reference's lines and the shares of
them that are matched, broken elsewhere (a line of ours has at least
half of the line's characters) and absent (no line of ours has: text we
draw as a picture, such as an equation's fallback image, or not at
all); --show N lists N lines broken elsewhere per deck (the reference's
line, and our closest line by shared characters) to see why.

--cjk counts only the reference's lines with kana, kanji or full-width
forms. --pdf-dir DIR compares DIR/<deck>.pdf or DIR/<deck>/deck.pdf instead of
rendering (another renderer's PDFs, such as LibreOffice's, to compare
with).
"""

import argparse
import collections
import html
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

CJK = re.compile("[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
LINE_RE = re.compile(r"<line\b[^>]*>(.*?)</line>", re.S)
WORD_RE = re.compile(r"<word\b[^>]*>(.*?)</word>", re.S)
PAGE_RE = re.compile(r"<page\b[^>]*>(.*?)</page>", re.S)


def pdf_lines(pdf):
    """The lines of each page of @pdf, as lists of their words."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    pages = []
    for page in PAGE_RE.findall(out):
        lines = []
        for line in LINE_RE.findall(page):
            words = [html.unescape(w) for w in WORD_RE.findall(line)]
            if words:
                lines.append(" ".join(words))
        pages.append(lines)
    return pages


def key(line):
    """A line's characters, in a canonical order, without whitespace,
    format characters (PowerPoint's PDFs write the spaces of Persian text
    as zero-width non-joiners) and symbols (its PDFs keep a symbol font's
    private-use codes, ours the Unicode symbols drawn for them)."""
    return "".join(sorted(c for c in line if not c.isspace() and
                          unicodedata.category(c) not in ("Cf", "Co", "So", "No")))


def closest(line, candidates):
    """The candidate sharing most characters with @line, and the share of
    @line's characters it has."""
    want = collections.Counter(key(line))
    best, score = "", 0
    for c in candidates:
        s = sum((want & collections.Counter(key(c))).values())
        if s > score:
            best, score = c, s
    return best, score / max(1, sum(want.values()))


def compare(ref_pages, our_pages, cjk=False):
    """(reference lines, matched, absent, unmatched [(page, ref line,
    closest)]): a line is absent when no line of ours has half of its
    characters (text we draw as a picture, or do not draw)."""
    total = matched = absent = 0
    misses = []
    for i, ref in enumerate(ref_pages):
        ours = our_pages[i] if i < len(our_pages) else []
        pool = collections.Counter(key(l) for l in ours)
        for line in ref:
            k = key(line)
            if not k or (cjk and not CJK.search(line)):
                continue
            total += 1
            if pool[k] > 0:
                pool[k] -= 1
                matched += 1
            else:
                near, share = closest(line, ours)
                if share < 0.5:
                    absent += 1
                else:
                    misses.append((i + 1, line, near))
    return total, matched, absent, misses


def pct(n, total):
    return f"{n / total:.1%}" if total else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/slides2png")
    ap.add_argument("--show", type=int, default=0, metavar="N")
    ap.add_argument("--cjk", action="store_true",
                    help="only lines with kana, kanji or full-width forms")
    ap.add_argument("--pdf-dir", type=Path, metavar="DIR",
                    help="compare DIR/<deck>.pdf (or DIR/<deck>/deck.pdf) instead")
    ap.add_argument("decks", nargs="+", type=Path)
    args = ap.parse_args()

    grand_total = grand_matched = grand_absent = 0
    print(f"{'deck':36} {'lines':>6} {'matched':>8} {'elsewhere':>9} {'absent':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for d in args.decks:
            if not (d / "reference.pdf").exists():
                print(f"{d.name}: no reference.pdf, skipped", file=sys.stderr)
                continue
            if args.pdf_dir:
                ours_pdf = args.pdf_dir / (d.name + ".pdf")
                if not ours_pdf.exists():
                    ours_pdf = args.pdf_dir / d.name / "deck.pdf"
                if not ours_pdf.exists():
                    print(f"{d.name}: no PDF in {args.pdf_dir}, skipped", file=sys.stderr)
                    continue
            else:
                ours_pdf = Path(tmp) / (d.name + ".pdf")
                r = subprocess.run([args.bin, str(d / "deck.pptx"), "-o", str(ours_pdf),
                                    "-q"], capture_output=True, text=True)
                if r.returncode not in (0, 1) or not ours_pdf.exists():
                    print(f"{d.name}: slides2png failed ({r.returncode}): "
                          f"{r.stderr.strip()}", file=sys.stderr)
                    continue
            total, matched, absent, misses = compare(pdf_lines(d / "reference.pdf"),
                                                     pdf_lines(ours_pdf), args.cjk)
            grand_total += total
            grand_matched += matched
            grand_absent += absent
            print(f"{d.name:36} {total:6} {pct(matched, total):>8} "
                  f"{pct(len(misses), total):>9} {pct(absent, total):>7}")
            for page, ref, near in misses[:args.show]:
                print(f"    slide {page}: PP  {ref}\n              us  {near}")
    if grand_total:
        rest = grand_total - grand_matched - grand_absent
        print(f"{'all':36} {grand_total:6} {pct(grand_matched, grand_total):>8} "
              f"{pct(rest, grand_total):>9} {pct(grand_absent, grand_total):>7}")


if __name__ == "__main__":
    main()
