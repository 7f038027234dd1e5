#!/usr/bin/env python3
"""Render every deck under one or more folders and classify the outcomes.

Usage:  scripts/corpus-sweep.py SLIDES2PNG DIR... [--jobs N] [--timeout S]
                                [--width W] [--json FILE]

For the hostile-input work (issue 9): run it with a sanitizer build of the
CLI over a corpus of real and broken decks. Each deck is rendered into a
scratch folder (-q, --width W) under a wall-clock limit, and classified:

  rendered   exit 0
  partial    exit 3 (some slides failed, the others were written)
  refused    exit 1, 2 or 99 with a "slides2png: " message on stderr
  crash      killed by a signal, another exit status, or a sanitizer report
             (AddressSanitizer, LeakSanitizer, UndefinedBehaviorSanitizer
             "runtime error", ThreadSanitizer) anywhere on stderr
  hang       still running after --timeout seconds (killed)

Prints one line per deck that is not "rendered", a count per class, and
the reasons of the refusals and partial renders grouped. Exit status 1
when any deck crashed or hung. Standard library only.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import time

DECK_EXTS = (".pptx", ".pptm", ".potx", ".potm", ".ppsx", ".ppsm")
SANITIZER = re.compile(r"(ERROR: (Address|Leak|Thread)Sanitizer|"
                       r"WARNING: ThreadSanitizer|runtime error: )")


def find_decks(dirs):
    decks = []
    for d in dirs:
        for root, _, files in os.walk(d):
            decks += [os.path.join(root, f) for f in files
                      if f.lower().endswith(DECK_EXTS)]
    return sorted(decks)


def reason_of(stderr, deck):
    """The first message line, without the program and deck prefix."""
    for line in stderr.splitlines():
        if line.startswith("slides2png: "):
            line = line[len("slides2png: "):]
            if line.startswith(deck + ": "):
                line = line[len(deck) + 2:]
            return re.sub(r"slide \d+", "slide N", line)[:160]
    return stderr.strip().splitlines()[0][:160] if stderr.strip() else ""


def run_one(binary, deck, timeout, width):
    with tempfile.TemporaryDirectory(prefix="s2p-sweep-") as out:
        cmd = [binary, deck, "-o", os.path.join(out, "slide_<n>.png"),
               "-q", "-j", "1", "--width", str(width)]
        t0 = time.monotonic()
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=timeout,
                               text=True, errors="replace")
        except subprocess.TimeoutExpired:
            return {"deck": deck, "class": "hang", "rc": None,
                    "seconds": timeout, "reason": "timed out"}
        secs = time.monotonic() - t0
        written = len(os.listdir(out))
    rc, err = p.returncode, p.stderr
    if SANITIZER.search(err):
        cls = "crash"
        reason = SANITIZER.search(err).group(0)
    elif rc == 0:
        cls, reason = "rendered", ""
    elif rc == 3:
        cls, reason = "partial", reason_of(err, deck)
    elif rc in (1, 2, 99) and err.startswith("slides2png: "):
        cls, reason = "refused", reason_of(err, deck)
    else:
        cls, reason = "crash", "exit status %d" % rc
    return {"deck": deck, "class": cls, "rc": rc, "seconds": round(secs, 2),
            "written": written, "reason": reason}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--width", type=int, default=640)
    ap.add_argument("--json")
    a = ap.parse_args()

    decks = find_decks(a.dirs)
    if not decks:
        sys.exit("no decks under " + " ".join(a.dirs))
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        results = list(pool.map(
            lambda d: run_one(a.binary, d, a.timeout, a.width), decks))

    counts = collections.Counter(r["class"] for r in results)
    for r in results:
        if r["class"] != "rendered":
            print("%-8s %-60s %s" % (r["class"], os.path.relpath(r["deck"]),
                                     r["reason"]))
    print()
    print("decks %d: " % len(results) + ", ".join(
        "%s %d" % (c, counts[c])
        for c in ("rendered", "partial", "refused", "crash", "hang")))
    reasons = collections.Counter((r["class"], r["reason"]) for r in results
                                  if r["class"] in ("refused", "partial"))
    for (cls, reason), n in sorted(reasons.items()):
        print("  %3d %-8s %s" % (n, cls, reason))
    slowest = max(results, key=lambda r: r["seconds"])
    print("slowest: %.1f s %s" % (slowest["seconds"],
                                  os.path.relpath(slowest["deck"])))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)
    sys.exit(1 if counts["crash"] or counts["hang"] else 0)


if __name__ == "__main__":
    main()
