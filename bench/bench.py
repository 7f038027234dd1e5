#!/usr/bin/env python3
"""bench.py -- slides2png speed, scaling and memory, against LibreOffice.

Usage: bench/bench.py [--bin build/slides2png] [--runs 3] [--width 1280]
                      [--no-lo] [--only SUBSTR] [--big N] [--md FILE]

Sections (all measured in this one run, so ratios compare like with like;
the machine is assumed noisy, hence medians and alternation):
  1. vs LibreOffice: for samples/*.pptx and ../shared/corpus/decks/*/deck.pptx,
     ../shared/tools/bench-vs-lo (A/B alternating, warm LibreOffice profile,
     PDF export + pdftoppm) -> deck, slides, our median, LO median, speedup.
  2. stages: one `-v -j1` run per deck -> summed per-slide render and encode
     ms (from slides2png itself), split and render-wall ms, process wall.
  3. scaling: -j1 and -j2 alternating on a ~20-slide deck, medians, ratio.
  4. memory: peak RSS (os.wait4 ru_maxrss) for each deck at -j2, a big deck
     made by bench/make-big-deck.py (default 300 slides), and a 3840 px
     render of the photo-heavy decks.
Prints markdown; --md FILE also writes it there. Needs python3 (stdlib);
section 1 needs libreoffice-impress and poppler-utils (--no-lo skips it).
"""
import argparse
import glob
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
PHOTO_DECKS = ("ooxmlviewer-demo-sample-1", "xamarin-course-es", "wasm-typed-assembly")
SCALING_DECKS = ("owasp2017-en", "thesis-pc-lte-4x3")


def run(argv, cwd=None):
    """Run argv; returns (wall seconds, rc, stderr text, peak RSS KiB)."""
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         cwd=cwd, text=True, errors="replace")
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - t0, p.returncode, err, ru.ru_maxrss


def ours(binary, deck, out, width, jobs=None, verbose=False, quiet=True):
    argv = [binary, deck, "-o", os.path.join(out, "slide_<n>.png"), "-w", str(width)]
    if jobs:
        argv += ["-j", str(jobs)]
    if verbose:
        argv.append("-v")
    elif quiet:
        argv.append("-q")
    return run(argv)


def fresh(work, name):
    d = os.path.join(work, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def decks(only):
    found = sorted(glob.glob(os.path.join(ROOT, "samples", "*.pptx")))
    found += sorted(glob.glob(os.path.join(SHARED, "corpus", "decks", "*", "deck.pptx")))
    out = []
    for d in found:
        name = os.path.basename(os.path.dirname(d)) if d.endswith("/deck.pptx") \
            else os.path.basename(d)[:-5]
        if only and not any(o in name for o in only):
            continue
        out.append((name, d))
    return out


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()
    return ("%s, nproc %d, %s, kernel %s, load %.2f %.2f %.2f at start"
            % (time.strftime("%Y-%m-%d %H:%M"), os.cpu_count(), model,
               platform.release(), *load))


def sec_lo(a, out, deck_list):
    tool = os.path.join(SHARED, "tools", "bench-vs-lo")
    cmd = "%s {in} -o {outdir}/\"slide_<n>.png\" -w {width} -q" % shlex.quote(a.bin)
    out.append("## vs LibreOffice (PDF export + pdftoppm), %d px, %d runs each\n"
               % (a.width, a.runs))
    out.append("| deck | slides | ours median s | LO median s | speedup | ours ms/slide |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    tot_ours = tot_lo = 0.0
    tot_n = 0
    for name, d in deck_list:
        p = subprocess.run([tool, d, cmd, "--width", str(a.width), "--runs", str(a.runs)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           errors="replace")
        text = p.stdout
        m_lo = re.search(r"LibreOffice median ([\d.]+)", text)
        m_b = re.search(r"command\s+median ([\d.]+)", text)
        n = re.findall(r"command\s+[\d.]+ s \((\d+) slides\)", text)
        if p.returncode != 0 or not m_lo or not m_b:
            out.append("| %s | | failed | | | |" % name)
            print(text[-800:], file=sys.stderr)
            continue
        lo, b, n = float(m_lo.group(1)), float(m_b.group(1)), int(n[-1]) if n else 0
        tot_ours += b
        tot_lo += lo
        tot_n += n
        out.append("| %s | %d | %.3f | %.3f | %.1f | %.1f |"
                   % (name, n, b, lo, lo / b if b else 0, 1000 * b / max(n, 1)))
        print(out[-1], file=sys.stderr, flush=True)
    if tot_ours:
        out.append("| **all** | %d | %.3f | %.3f | **%.1f** | %.1f |"
                   % (tot_n, tot_ours, tot_lo, tot_lo / tot_ours,
                      1000 * tot_ours / max(tot_n, 1)))
    out.append("")


def sec_stages(a, out, deck_list, work):
    out.append("## Stages (-j1 -v, one run): summed per-slide times from slides2png\n")
    out.append("| deck | slides | render ms | encode ms | render ms/slide | "
               "encode ms/slide | split ms | render wall ms | process wall ms |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, d in deck_list:
        o = fresh(work, "stages")
        wall, rc, err, _ = ours(a.bin, d, o, a.width, jobs=1, verbose=True)
        r = [float(x) for x in re.findall(r"render ([\d.]+) ms, encode", err)]
        e = [float(x) for x in re.findall(r"encode ([\d.]+) ms", err)]
        m = re.search(r"split ([\d.]+) ms, render wall ([\d.]+) ms", err)
        n = len(r)
        if not n:
            out.append("| %s | 0 | | | | | | | %.0f |" % (name, wall * 1000))
            continue
        out.append("| %s | %d | %.0f | %.0f | %.1f | %.1f | %s | %s | %.0f |"
                   % (name, n, sum(r), sum(e), sum(r) / n, sum(e) / n,
                      m.group(1) if m else "", m.group(2) if m else "", wall * 1000))
    out.append("")


SPIN = "import time\nt=time.process_time()\nwhile time.process_time()-t<0.7: pass\n"


def spin(n):
    """Wall seconds for @n processes each burning 0.7 s of CPU at once."""
    t0 = time.monotonic()
    ps = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(n)]
    for p in ps:
        p.wait()
    return time.monotonic() - t0


def sec_scaling(a, out, work):
    out.append("## Scaling, -j1 vs -j2 alternating, medians of %d\n" % max(a.runs, 3))
    out.append("The `cpu` row is the machine's own limit at that moment: 2 busy "
               "processes vs 1 (2.00x on an idle 2-core machine). Efficiency = "
               "our speedup / that.\n")
    out.append("| deck | slides | -j1 s | -j2 s | -j2 speedup | cpu 2-vs-1 | efficiency |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, d in decks(SCALING_DECKS):
        t1, t2, c1, c2 = [], [], [], []
        for _ in range(max(a.runs, 3)):
            for j, acc in ((1, t1), (2, t2)):
                o = fresh(work, "scale")
                wall, rc, _, _ = ours(a.bin, d, o, a.width, jobs=j)
                acc.append(wall)
            c1.append(spin(1))
            c2.append(spin(2))
        n = len(glob.glob(os.path.join(work, "scale", "slide_*.png")))
        m1, m2 = statistics.median(t1), statistics.median(t2)
        cpu = 2 * statistics.median(c1) / statistics.median(c2)
        out.append("| %s | %d | %.3f | %.3f | %.2fx | %.2fx | %.0f %% |"
                   % (name, n, m1, m2, m1 / m2, cpu, 100 * (m1 / m2) / cpu))
    out.append("")


def sec_memory(a, out, deck_list, work):
    out.append("## Peak RSS (-j2)\n")
    out.append("| case | slides | wall s | peak RSS MiB |")
    out.append("| --- | ---: | ---: | ---: |")
    cases = [(name, d, a.width) for name, d in deck_list]
    big = os.path.join(work, "big-%d.pptx" % a.big)
    subprocess.run([sys.executable, os.path.join(HERE, "make-big-deck.py"), big,
                    "--slides", str(a.big)], stdout=subprocess.DEVNULL, check=True)
    cases.append(("%d-slide deck (make-big-deck.py)" % a.big, big, a.width))
    cases.append(("%d-slide deck (make-big-deck.py)" % a.big, big, 3840))
    for name, d in decks(PHOTO_DECKS):
        cases.append((name, d, 3840))
    for name, d, w in cases:
        o = fresh(work, "rss")
        wall, rc, _, rss = ours(a.bin, d, o, w, jobs=2)
        n = len(glob.glob(os.path.join(o, "slide_*.png")))
        out.append("| %s @ %d px | %d | %.2f | %.1f |" % (name, w, n, wall, rss / 1024))
    out.append("")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], epilog=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "slides2png"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--no-lo", action="store_true", help="skip the LibreOffice section")
    ap.add_argument("--only", action="append", help="decks whose name contains this")
    ap.add_argument("--big", type=int, default=300, help="slides in the big deck")
    ap.add_argument("--sections", default="lo,stages,scaling,memory")
    ap.add_argument("--md", help="also write the markdown here")
    a = ap.parse_args()
    a.bin = os.path.abspath(a.bin)
    if not os.access(a.bin, os.X_OK):
        ap.error("no slides2png at %s (use --bin)" % a.bin)
    work = tempfile.mkdtemp(prefix="s2p-bench.")
    deck_list = decks(a.only)
    secs = a.sections.split(",")
    out = ["# slides2png benchmark", "", "Machine: " + machine(), "",
           "Binary: %s" % a.bin, ""]
    try:
        if "lo" in secs and not a.no_lo:
            sec_lo(a, out, deck_list)
        if "stages" in secs:
            sec_stages(a, out, deck_list, work)
        if "scaling" in secs:
            sec_scaling(a, out, work)
        if "memory" in secs:
            sec_memory(a, out, deck_list, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if a.md:
        with open(a.md, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
