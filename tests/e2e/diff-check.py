#!/usr/bin/env python3
"""Check a `slides2png diff` report directory for the e2e tests.

Usage: diff-check.py DIR EXPECT [--region X0,Y0,X1,Y1] [--width W]

EXPECT lists the slides in report order, space separated, each
STATUS:OLD:NEW:MATCH with - for a missing number (e.g. "removed:3:-:none").
Checks that diff.json matches EXPECT; that its counts agree with its slides;
that every picture it names exists and is a PNG of the right size (slide
width W, the side-by-side 2 W + gap); that the one region of each changed
slide lies inside the --region box; that index.html is well formed, shows
every picture of every slide that is not unchanged, names no missing file
and lists the changed slides before the others; that summary.md carries the
same counts and one table row per slide that is not unchanged.  Prints one
line per failed check and exits 1 if any failed.
"""

import html.parser
import json
import struct
import sys
from pathlib import Path

ERRORS = []


def check(cond, msg):
    if not cond:
        ERRORS.append(msg)
    return cond


def png_size(path):
    data = path.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


class Page(html.parser.HTMLParser):
    VOID = {"meta", "img", "br", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.imgs, self.h2 = [], [], []
        self.in_h2 = False

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.imgs.append(dict(attrs).get("src"))
        if tag == "h2":
            self.in_h2 = True
            self.h2.append("")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_h2 = False
        if check(self.stack and self.stack[-1] == tag, f"index.html: </{tag}> "
                 f"does not close {self.stack[-1:] or 'anything'}"):
            self.stack.pop()

    def handle_data(self, data):
        if self.in_h2:
            self.h2[-1] += data


def check_json(root, report, expect, region, width):
    slides = report["slides"]
    got = [f"{s['status']}:{s['old'] or '-'}:{s['new'] or '-'}:{s['matched_by']}"
           for s in slides]
    check(got == expect, f"diff.json slides\n  got:      {' '.join(got)}\n"
          f"  expected: {' '.join(expect)}")
    for name, n in report["counts"].items():
        check(n == sum(s["status"] == name for s in slides),
              f"diff.json count {name}={n} disagrees with the slides")
    for s in slides:
        for key in ("image", "old_thumb", "new_thumb"):
            if s[key] is None:
                continue
            size = png_size(root / s[key])
            if not check(size is not None, f"{s[key]}: missing or not a PNG"):
                continue
            if key == "image" and s["status"] == "changed" and width:
                check(size[0] > 2 * width and size[0] < 2 * width + 64,
                      f"{s[key]}: {size[0]} px wide, not two slides of {width}")
            elif key == "image" and width:
                check(size[0] == width, f"{s[key]}: {size[0]} px wide, not {width}")
        changed = s["status"] == "changed"
        check(changed == (s["image"] is not None and s["old"] is not None
                          and s["new"] is not None),
              f"slide {s['old']}->{s['new']}: side-by-side picture iff changed")
        check((s["changed_fraction"] > 0) == bool(s["regions"]),
              f"slide {s['old']}->{s['new']}: fraction and regions disagree")
        if changed and region:
            x0, y0, x1, y1 = region
            check(len(s["regions"]) == 1, f"changed slide: {len(s['regions'])} regions")
            for r in s["regions"]:
                check(r["x"] >= x0 and r["y"] >= y0 and r["x"] + r["width"] <= x1
                      and r["y"] + r["height"] <= y1,
                      f"region {r} outside {region}")


def check_html(root, report):
    page = Page()
    page.feed((root / "index.html").read_text(encoding="utf-8"))
    page.close()
    check(not page.stack, f"index.html: unclosed {page.stack}")
    for src in page.imgs:
        check(src and not src.startswith(("/", "http:", "https:", "file:"))
              and (root / src).is_file(), f"index.html: img {src!r} not a file here")
    for s in report["slides"]:
        if s["status"] in ("unchanged", "failed"):
            continue
        want = s["image"] or s["new_thumb"] or s["old_thumb"]
        check(want in page.imgs, f"index.html lacks {want} ({s['status']})")
    titles = [t.strip() for t in page.h2]
    if "Changed" in titles:
        first = [t for t in titles if t != "Could not compare"][0]
        check(first == "Changed", f"index.html: sections {titles}, changed not first")


def check_md(root, report):
    md = (root / "summary.md").read_text(encoding="utf-8")
    c = report["counts"]
    rows = [line for line in md.splitlines() if line.startswith("| ") and "Status" not in line]
    n_diff = sum(s["status"] != "unchanged" for s in report["slides"])
    if n_diff == 0:
        check("No visual changes" in md, "summary.md: no 'No visual changes'")
        return
    line = (f"{c['changed']} changed · {c['added']} added · {c['removed']} removed · "
            f"{c['moved']} moved · {c['unchanged']} unchanged")
    check(line in md, f"summary.md lacks the counts line {line!r}")
    check(len(rows) == n_diff, f"summary.md: {len(rows)} rows, {n_diff} slides not unchanged")


def main():
    args = sys.argv[1:]
    region = width = None
    if "--region" in args:
        i = args.index("--region")
        region = tuple(int(v) for v in args[i + 1].split(","))
        del args[i:i + 2]
    if "--width" in args:
        i = args.index("--width")
        width = int(args[i + 1])
        del args[i:i + 2]
    root, expect = Path(args[0]), args[1].split()
    report = json.loads((root / "diff.json").read_text(encoding="utf-8"))
    check_json(root, report, expect, region, width)
    check_html(root, report)
    check_md(root, report)
    for e in ERRORS:
        print(e)
    sys.exit(1 if ERRORS else 0)


if __name__ == "__main__":
    main()
