#!/usr/bin/env python3
"""ab.py -- two slides2png binaries on the same decks, alternating.

Usage: bench/ab.py BIN_A BIN_B [--runs 5] [--jobs N] [--width 1280]
                   [--only SUBSTR]... [DECK.pptx ...]

For a change that should make rendering faster: the same decks with the
binary before (A) and after (B), A and B alternating run by run so that
the machine's noise falls on both alike, with the median wall time, the
median CPU time (user + sys, children of this script) and the ratio A/B
per deck. Without decks: samples/*.pptx and, when present,
../shared/corpus/decks/*/deck.pptx. Standard library only.
"""
import argparse
import glob
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def default_decks():
    found = sorted(glob.glob(os.path.join(ROOT, "samples", "*.pptx")))
    found += sorted(glob.glob(os.path.join(SHARED, "corpus", "decks", "*", "deck.pptx")))
    return found


def deck_name(path):
    if os.path.basename(path) == "deck.pptx":
        return os.path.basename(os.path.dirname(path))
    return os.path.splitext(os.path.basename(path))[0]


def one_run(binary, deck, out, width, jobs):
    """Wall and CPU seconds of one render of @deck into a fresh @out."""
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    argv = [binary, deck, "-o", os.path.join(out, "slide_<n>.png"), "-q",
            "-w", str(width)]
    if jobs:
        argv += ["-j", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode not in (0, 3):
        sys.exit("%s failed on %s (exit %d): %s" % (binary, deck, p.returncode,
                                                     p.stderr.decode(errors="replace")[-400:]))
    return wall, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("decks", nargs="*")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--only", action="append")
    a = ap.parse_args()
    decks = a.decks or default_decks()
    if a.only:
        decks = [d for d in decks if any(s in deck_name(d) for s in a.only)]
    work = tempfile.mkdtemp(prefix="s2p-ab-")
    print("A: %s\nB: %s\n%d runs each, alternating, -j %s, %d px\n"
          % (a.a, a.b, a.runs, a.jobs or "default", a.width))
    print("| deck | A wall s | B wall s | A/B wall | A cpu s | B cpu s | A/B cpu |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    tot = {"aw": 0.0, "bw": 0.0, "ac": 0.0, "bc": 0.0}
    try:
        for d in decks:
            res = {"a": [], "b": []}
            for _ in range(a.runs):
                for k, binary in (("a", a.a), ("b", a.b)):
                    res[k].append(one_run(binary, d, os.path.join(work, k), a.width,
                                          a.jobs))
            aw = statistics.median(w for w, _ in res["a"])
            bw = statistics.median(w for w, _ in res["b"])
            ac = statistics.median(c for _, c in res["a"])
            bc = statistics.median(c for _, c in res["b"])
            for k, v in (("aw", aw), ("bw", bw), ("ac", ac), ("bc", bc)):
                tot[k] += v
            print("| %s | %.3f | %.3f | %.2f | %.3f | %.3f | %.2f |"
                  % (deck_name(d), aw, bw, aw / bw, ac, bc, ac / bc), flush=True)
        print("| **all** | %.3f | %.3f | **%.2f** | %.3f | %.3f | **%.2f** |"
              % (tot["aw"], tot["bw"], tot["aw"] / tot["bw"], tot["ac"], tot["bc"],
                 tot["ac"] / tot["bc"]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
