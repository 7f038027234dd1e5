#!/usr/bin/env bash
# cli.sh: the command line of issue 10 as users and CI scripts see it:
# every option (patterns with <n>, <n:W> and <name>, several decks, stdin,
# sizes, formats, backgrounds, --list, --manifest, --grid), the output
# conventions (stdout lists files, stderr messages, the progress bar only
# on a terminal) and every exit status.  Each CASE is one ctest test
# (cli/CASE); "install" also runs cmake --install (S2P_BUILD_DIR) and
# builds a program against the installed library.  Needs bash, coreutils,
# python3, a C compiler and pkg-config (install), and for the terminal cases
# script(1) from util-linux (else python3's pty module).
# Usage: cli.sh SLIDES2PNG SOURCE_DIR WORK_DIR CASE...
# shellcheck disable=SC2317,SC2034 # RC and E2E_LAST are read by lib.sh
set -u

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
e2e_args "$@"
SAMPLE=$SRC/samples/sample.pptx
TEXT=$SRC/samples/text-basic.pptx
CHARTS=$SRC/samples/charts.pptx
PICTURES2=$SRC/samples/pictures2.pptx
BROKEN=$SRC/samples/broken

# check DESC COMMAND...: ok when COMMAND succeeds.
check()
{
	local desc=$1
	shift
	if "$@"; then
		ok "$desc"
	else
		fail "$desc"
	fi
}

# pdf_context A B: for a failure report, the first PDF object whose
# bytes differ between A and B, with its stream inflated.
pdf_context()
{
	"$E2E_PYTHON" - "$1" "$2" <<'EOF' 2>&1 | sed -e 's/^/      /' -e '40q'
import re, sys, zlib
def objects(path):
    data = open(path, 'rb').read()
    out = []
    for m in re.finditer(rb'(\d+) 0 obj(.*?)endobj', data, re.S):
        body = m.group(2)
        s = re.search(rb'stream\r?\n(.*)endstream', body, re.S)
        if s and b'FlateDecode' in body:
            try:
                body = body[:s.start()] + zlib.decompress(s.group(1))
            except zlib.error:
                pass
        out.append((m.group(1).decode(), body))
    return out
a, b = objects(sys.argv[1]), objects(sys.argv[2])
print('objects: %d and %d' % (len(a), len(b)))
for (na, ba), (nb, bb) in zip(a, b):
    if ba != bb:
        i = next((k for k in range(min(len(ba), len(bb))) if ba[k] != bb[k]),
                 min(len(ba), len(bb)))
        print('object %s / %s differs at byte %d:' % (na, nb, i))
        print('  A:', ba[max(0, i - 120):i + 200])
        print('  B:', bb[max(0, i - 120):i + 200])
        break
EOF
}

# expect_err_has DESC LOG TEXT: stderr contains TEXT.
expect_err_has()
{
	if grep -q -F -e "$3" "$2.err"; then
		ok "$1"
	else
		fail "$1: stderr lacks '$3'"
		show stderr "$2.err"
	fi
}

# expect_png_type DESC FILE W H TYPE: PNG of W x H, colour type TYPE
# (2 = RGB, 6 = RGBA).
expect_png_type()
{
	local got want="$3 $4 8 $5"
	got=$(png_header "$2") || got="not a PNG"
	if [ "$got" = "$want" ]; then
		ok "$1: ${3}x$4 colour type $5"
	else
		fail "$1: $2 is '$got', expected '$want'"
	fi
}

# pixel FILE X Y: "R G B A" of one pixel of an 8-bit RGB/RGBA PNG;
# pixel FILE alpha: "OPAQUE TRANSPARENT", the counts of pixels with alpha
# 255 and 0 (keep the image small: this is pure Python).
pixel()
{
	"$E2E_PYTHON" - "$@" <<'EOF'
import struct, sys, zlib
path = sys.argv[1]
stats = sys.argv[2] == 'alpha'
x, y = (0, 1 << 30) if stats else (int(sys.argv[2]), int(sys.argv[3]))
data = open(path, 'rb').read()
pos, idat, w = 8, b'', 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
bpp = 4 if ctype == 6 else 3
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
opaque = clear = 0
for row in range(min(y + 1, h)):
    f = raw[row * (stride + 1)]
    line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + pr) & 255
    prev = line
    if stats:
        opaque += line[3::4].count(255)
        clear += line[3::4].count(0)
if stats:
    print(opaque, clear)
    sys.exit(0)
px = prev[x * bpp:(x + 1) * bpp]
print(*(list(px) + ([255] if bpp == 3 else [])))
EOF
}

# jpeg_info FILE: "W H" from the SOF marker when the file starts with SOI
# and ends with EOI; fails otherwise.
jpeg_info()
{
	"$E2E_PYTHON" - "$1" <<'EOF'
import struct, sys
d = open(sys.argv[1], 'rb').read()
if d[:2] != b'\xff\xd8' or d[-2:] != b'\xff\xd9':
    sys.exit(1)
i = 2
while i + 4 <= len(d):
    if d[i] != 0xff:
        sys.exit(1)
    m = d[i + 1]
    n = struct.unpack('>H', d[i + 2:i + 4])[0]
    if m in (0xc0, 0xc1, 0xc2):
        h, w = struct.unpack('>HH', d[i + 5:i + 9])
        print(w, h)
        sys.exit(0)
    i += 2 + n
sys.exit(1)
EOF
}

# in_pty LOG COMMAND: run COMMAND (a shell string) under a pseudo-terminal,
# output (stdout and stderr, as the terminal shows them) into LOG.
in_pty()
{
	local log=$1 cmd=$2
	if command -v script >/dev/null; then
		RC=0
		script -qec "$cmd" /dev/null >"$log" 2>&1 </dev/null || RC=$?
	else
		RC=0
		"$E2E_PYTHON" -c 'import pty, sys, os
rc = pty.spawn(["/bin/sh", "-c", sys.argv[1]])
sys.exit(os.waitstatus_to_exitcode(rc))' "$cmd" >"$log" 2>&1 </dev/null ||
			RC=$?
	fi
}

case_help()
{
	local w=$WORK/help opt
	fresh_dir "$w"
	run_cli "$w" "$w/help" --help
	expect_rc "--help" 0 "$w/help"
	for opt in --output --format --quality --background --width --height \
		--scale --dpi --slides --hidden --list --manifest --grid \
		--grid-columns --jobs --quiet --verbose --help --version \
		--font-dir --font-map '<name>' '<n:3>' 'Exit status'; do
		if grep -q -F -e "$opt" "$w/help.out"; then
			ok "--help mentions $opt"
		else
			fail "--help does not mention $opt"
		fi
	done
	check "--help writes nothing on stderr" test ! -s "$w/help.err"
	run_cli "$w" "$w/version" --version
	expect_rc "--version" 0 "$w/version"
	check "--version names the libraries" grep -q 'cairo .*pango' "$w/version.out"
	if [ -f "$SRC/doc/slides2png.1" ]; then
		for opt in output format quality background width height scale dpi \
			slides hidden list manifest grid grid-columns jobs quiet \
			verbose help version font-dir font-map; do
			if sed 's/\\-/-/g' "$SRC/doc/slides2png.1" |
				grep -q -e "-$opt\b"; then
				ok "man page documents --$opt"
			else
				fail "man page does not document --$opt"
			fi
		done
		for opt in 0 1 2 3 99 130 143; do
			if grep -q -E "^\.IP \"?$opt\b|^\.B $opt\b|^\.TP.*$opt" \
				"$SRC/doc/slides2png.1" ||
				grep -A1 '^\.TP' "$SRC/doc/slides2png.1" | grep -q -E "^\.B $opt$|^$opt$"; then
				ok "man page documents exit status $opt"
			else
				fail "man page does not document exit status $opt"
			fi
		done
	else
		fail "doc/slides2png.1 missing"
	fi
}

case_patterns()
{
	local w=$WORK/patterns
	fresh_dir "$w/a"
	run_cli "$w/a" "$w/a" "$SAMPLE" -o 'x-<n:3>.png'
	expect_rc "-o x-<n:3>.png" 0 "$w/a"
	expect_files "<n:3> pads to 3 digits" "$w/a" x-001.png x-002.png \
		x-003.png x-004.png x-005.png
	fresh_dir "$w/b"
	run_cli "$w/b" "$w/b" "$SAMPLE" -o '<name>/<name>-<n>.png' -s 2 \
		--manifest m/a.json --grid g/h/grid.png
	expect_rc "-o <name>/<name>-<n>.png into missing folders" 0 "$w/b"
	expect_stdout "<name> is the deck's stem" "$w/b" sample/sample-2.png \
		g/h/grid.png
	expect_files "missing folders are created for -o, --manifest and --grid" \
		"$w/b" g g/h g/h/grid.png m m/a.json sample sample/sample-2.png
	run_cli "$w/b" "$w/b" "$SAMPLE" -o '<name>/<name>-<n>.png' -s 2
	expect_rc "-o into a folder that now exists" 0 "$w/b"
	fresh_dir "$w/c"
	run_cli "$w/c" "$w/c" "$SAMPLE" -o 'one.png'
	expect_rc "-o without <n> for several slides" 99 "$w/c"
	expect_files "nothing written without <n>" "$w/c"
	run_cli "$w/c" "$w/c" "$SAMPLE" -o 'one.png' --slides 3
	expect_rc "-o without <n> for one slide" 0 "$w/c"
	expect_files "-o one.png --slides 3" "$w/c" one.png
}

case_several_decks()
{
	local w=$WORK/several
	fresh_dir "$w/a"
	run_cli "$w/a" "$w/a" "$SAMPLE" "$TEXT" -o '<name>_<n>.png' -j 2
	expect_rc "two decks with <name>" 0 "$w/a"
	expect_stdout "two decks: stdout deck by deck, slide order" "$w/a" \
		sample_1.png sample_2.png sample_3.png sample_4.png sample_5.png \
		text-basic_1.png text-basic_2.png text-basic_3.png \
		text-basic_4.png text-basic_5.png
	fresh_dir "$w/b"
	run_cli "$w/b" "$w/b" "$SAMPLE" "$TEXT" -o 'slide_<n>.png'
	expect_rc "two decks, pattern without <name>" 99 "$w/b"
	expect_err_has "the refusal says why" "$w/b" "<name>"
	expect_files "two decks without <name>: nothing written" "$w/b"
	fresh_dir "$w/c"
	run_cli "$w/c" "$w/c" "$SAMPLE" "$TEXT" --slides 1
	expect_rc "two decks, default pattern" 0 "$w/c"
	expect_files "two decks: default <name>_<n>.png" "$w/c" sample_1.png \
		text-basic_1.png
	fresh_dir "$w/d"
	# -q: the decks' font warnings aside, errors only
	run_cli "$w/d" "$w/d" "$SAMPLE" "$w/missing.pptx" "$TEXT" -s 1 -q
	expect_rc "a missing deck among three" 1 "$w/d"
	expect_files "the other decks are still rendered" "$w/d" sample_1.png \
		text-basic_1.png
	expect_diag_lines "the missing deck is named" "$w/d" 1 "$w/missing.pptx"
	fresh_dir "$w/e"
	run_cli "$w/e" "$w/e" "$SAMPLE" "$BROKEN/bad-xml-slide.pptx" -s 1,2
	expect_rc "a deck with a bad slide among two" 3 "$w/e"
}

case_stdin()
{
	local w=$WORK/stdin
	fresh_dir "$w/a"
	RC=0
	(cd "$w/a" && exec "$S2P" - -o '<name>-<n>.png' -s 1,2) \
		<"$SAMPLE" >"$w/a.out" 2>"$w/a.err" || RC=$?
	E2E_LAST="slides2png - <sample.pptx"
	expect_rc "deck on stdin" 0 "$w/a"
	expect_stdout "stdin: <name> is 'stdin'" "$w/a" stdin-1.png stdin-2.png
	fresh_dir "$w/ref"
	run_cli "$w/ref" "$w/ref" "$SAMPLE" -o '<name>-<n>.png' -s 1,2
	check "stdin gives the same bytes as the file" \
		cmp -s "$w/a/stdin-2.png" "$w/ref/sample-2.png"
	RC=0
	(cd "$w/a" && exec "$S2P" -) <"$BROKEN/not-a-zip.pptx" \
		>"$w/b.out" 2>"$w/b.err" || RC=$?
	expect_rc "not a deck on stdin" 1 "$w/b"
	expect_diag_lines "stdin error" "$w/b" 1 "<stdin>"
	run_cli "$w/a" "$w/c" - - -o '<name><n>.png'
	expect_rc "stdin twice" 99 "$w/c"
}

case_sizes()
{
	local w=$WORK/sizes
	fresh_dir "$w"
	run_cli "$w" "$w/scale" "$SAMPLE" -s 1 -o 'scale<n>.png' --scale 0.5
	expect_rc "--scale 0.5" 0 "$w/scale"
	expect_png_type "--scale 0.5" "$w/scale1.png" 640 360 2
	run_cli "$w" "$w/dpi" "$SAMPLE" -s 1 -o 'dpi<n>.png' --dpi 48
	expect_rc "--dpi 48" 0 "$w/dpi"
	expect_png_type "--dpi 48" "$w/dpi1.png" 640 360 2
	run_cli "$w" "$w/fit" "$SAMPLE" -s 1 -o 'fit<n>.png' -w 320 -H 320
	expect_rc "--width 320 --height 320" 0 "$w/fit"
	expect_png_type "both given: fit inside" "$w/fit1.png" 320 180 2
	run_cli "$w" "$w/both" "$SAMPLE" --scale 2 --width 100
	expect_rc "--scale with --width" 99 "$w/both"
	run_cli "$w" "$w/bad" "$SAMPLE" --scale zero
	expect_rc "--scale zero" 99 "$w/bad"
}

case_formats()
{
	local w=$WORK/formats got n
	fresh_dir "$w/jpg"
	run_cli "$w/jpg" "$w/jpg" "$SAMPLE" -o 's<n>.jpg' -s 1,3 --width 640
	expect_rc "-o s<n>.jpg (format from the extension)" 0 "$w/jpg"
	expect_files "jpeg files" "$w/jpg" s1.jpg s3.jpg
	got=$(jpeg_info "$w/jpg/s3.jpg") || got="not a JPEG"
	check "JPEG: SOI, EOI, SOF says 640x360 ($got)" test "$got" = "640 360"
	run_cli "$w/jpg" "$w/q" "$SAMPLE" -f jpeg -o 'q<n>.jpeg' -s 3 --quality 20 \
		--width 640
	expect_rc "--format jpeg --quality 20" 0 "$w/q"
	check "--quality 20 is smaller than the default 90" \
		test "$(stat -c %s "$w/jpg/q3.jpeg")" -lt "$(stat -c %s "$w/jpg/s3.jpg")"
	run_cli "$w/jpg" "$w/q0" "$SAMPLE" -f jpeg --quality 0
	expect_rc "--quality 0" 99 "$w/q0"
	run_cli "$w/jpg" "$w/qpng" "$SAMPLE" --quality 50
	expect_rc "--quality with PNG" 99 "$w/qpng"
	run_cli "$w/jpg" "$w/fmt" "$SAMPLE" --format gif
	expect_rc "--format gif" 99 "$w/fmt"

	fresh_dir "$w/pdf"
	run_cli "$w/pdf" "$w/pdf" "$SAMPLE" -o deck.pdf
	expect_rc "-o deck.pdf" 0 "$w/pdf"
	expect_stdout "multi-page PDF listed once" "$w/pdf" deck.pdf
	expect_files "one PDF for the deck" "$w/pdf" deck.pdf
	n=$(grep -a -c '/Type /Page\b' "$w/pdf/deck.pdf")
	check "the PDF has 5 pages ($n)" test "$n" = 5
	check "the PDF starts %PDF-" sh -c "head -c 5 '$w/pdf/deck.pdf' | grep -q '%PDF-'"
	run_cli "$w/pdf" "$w/pdf2" "$SAMPLE" -o deck2.pdf
	expect_rc "-o deck2.pdf (the same deck again)" 0 "$w/pdf2"
	if cmp -s "$w/pdf/deck.pdf" "$w/pdf/deck2.pdf"; then
		ok "the PDF bytes are reproducible"
	else
		fail "the PDF bytes are reproducible"
		ls -l "$w/pdf/deck.pdf" "$w/pdf/deck2.pdf" | sed 's/^/      /'
		cmp "$w/pdf/deck.pdf" "$w/pdf/deck2.pdf" 2>&1 | sed 's/^/      /'
		pdf_context "$w/pdf/deck.pdf" "$w/pdf/deck2.pdf"
	fi
	fresh_dir "$w/pdfn"
	run_cli "$w/pdfn" "$w/pdfn" "$SAMPLE" -f pdf -s 2,4
	expect_rc "--format pdf with the default pattern" 0 "$w/pdfn"
	expect_files "one PDF per slide with <n>" "$w/pdfn" slide_2.pdf slide_4.pdf

	fresh_dir "$w/svg"
	run_cli "$w/svg" "$w/svg" "$SAMPLE" -f svg -s 1,2
	expect_rc "--format svg" 0 "$w/svg"
	expect_files "one SVG per slide" "$w/svg" slide_1.svg slide_2.svg
	check "SVG is 1280x720 px" grep -q 'width="1280px" height="720px"' \
		"$w/svg/slide_1.svg"

	# SVG pictures stay vectors: of pictures2's slide 4 (svgBlip, broken
	# SVG with a PNG fallback, direct SVG, SVG with external hrefs) only
	# the fallback PNG is an image (it was 3 SVGs rasterised + smasks)
	fresh_dir "$w/vec"
	run_cli "$w/vec" "$w/vec" "$PICTURES2" -s 4 -o 'v<n>.pdf'
	expect_rc "pictures2 slide 4 as PDF" 0 "$w/vec"
	n=$(grep -a -c '/Subtype /Image' "$w/vec/v4.pdf")
	check "PDF: SVG pictures as paths, one image (the fallback PNG) ($n)" \
		test "$n" = 1
	run_cli "$w/vec" "$w/vec" "$PICTURES2" -s 4 -o 'v<n>.svg'
	expect_rc "pictures2 slide 4 as SVG" 0 "$w/vec"
	n=$(grep -o '<image' "$w/vec/v4.svg" | wc -l)
	check "SVG: SVG pictures as paths, one image (the fallback PNG) ($n)" \
		test "$n" = 1
	# librsvg is loaded on first use: without it, the SVG pictures are
	# reported (naming the part) and their fallback PNG drawn
	fresh_dir "$w/norsvg"
	S2P_TEST_NO_RSVG=1 run_cli "$w/norsvg" "$w/norsvg" "$PICTURES2" -s 4
	expect_rc "pictures2 slide 4 without librsvg" 0 "$w/norsvg"
	expect_files "pictures2 slide 4 without librsvg" "$w/norsvg" slide_4.png
	expect_err_has "an SVG picture not drawn names its part and why" "$w/norsvg" \
		"picture /ppt/media/image13.svg: librsvg cannot be loaded"
	expect_err_has "an svgBlip falls back to its PNG" "$w/norsvg" \
		"SVG picture /ppt/media/image11.svg not drawn"
	expect_no_tmp "formats" "$w"
}

case_background()
{
	local w=$WORK/background got
	fresh_dir "$w"
	run_cli "$w" "$w/t" "$SAMPLE" -s 1 -o 't<n>.png' --background transparent
	expect_rc "--background transparent" 0 "$w/t"
	expect_png_type "transparent: RGBA PNG" "$w/t1.png" 1280 720 6
	got=$(pixel "$w/t1.png" 2 2)
	check "transparent: an empty corner has alpha 0 ($got)" test "$got" = "0 0 0 0"
	run_cli "$w" "$w/ts" "$SAMPLE" -s 1 -o 'ts<n>.png' --background none \
		--scale 0.25
	got=$(pixel "$w/ts1.png" alpha)
	# shellcheck disable=SC2086 # two numbers, split on purpose
	check "transparent: text opaque, the rest clear ($got opaque, clear)" \
		"$E2E_PYTHON" -c 'import sys; o, c = map(int, sys.argv[1:])
sys.exit(not (o > 100 and c > 320 * 180 * 0.8))' $got
	run_cli "$w" "$w/r" "$SAMPLE" -s 1 -o 'r<n>.png' --background '#ff0000'
	expect_rc "--background #ff0000" 0 "$w/r"
	expect_png_type "opaque colour: RGB PNG" "$w/r1.png" 1280 720 2
	got=$(pixel "$w/r1.png" 2 2)
	check "#ff0000: the corner is red ($got)" test "$got" = "255 0 0 255"
	run_cli "$w" "$w/j" "$SAMPLE" -f jpeg --background transparent
	expect_rc "JPEG with a transparent background" 99 "$w/j"
	run_cli "$w" "$w/bad" "$SAMPLE" --background '#12345'
	expect_rc "--background #12345" 99 "$w/bad"
	expect_files "background: only the expected files" "$w" t.err t.out t1.png \
		ts.err ts.out ts1.png \
		r.err r.out r1.png j.err j.out bad.err bad.out
}

case_quiet_verbose()
{
	local w=$WORK/quiet
	fresh_dir "$w"
	run_cli "$w" "$w/n" "$CHARTS" -s 22 -o 'c<n>.png'
	expect_rc "charts slide 22" 0 "$w/n"
	expect_err_has "warnings name deck, slide and part" "$w/n" \
		"slides2png: $CHARTS: slide 22: warning: /ppt/"
	run_cli "$w" "$w/q" "$CHARTS" -s 22 -o 'c<n>.png' --quiet
	expect_rc "--quiet" 0 "$w/q"
	check "--quiet: nothing on stderr" test ! -s "$w/q.err"
	expect_stdout "--quiet still lists the file" "$w/q" c22.png
	run_cli "$w" "$w/v" "$SAMPLE" -s 1,2 -o 'v<n>.png' --verbose -q
	expect_rc "--verbose" 0 "$w/v"
	expect_err_has "--verbose: per-slide timings" "$w/v" "slide 2: 1280x720, render"
	expect_err_has "--verbose: per-deck summary" "$w/v" "2 written, 0 failed"
}

case_progress()
{
	local w=$WORK/progress
	fresh_dir "$w/plain"
	run_cli "$w/plain" "$w/plain" "$SAMPLE" -j 2
	expect_rc "stderr not a terminal" 0 "$w/plain"
	if grep -q $'\r' "$w/plain.err" || grep -q 'slides ' "$w/plain.err"; then
		fail "progress bar drawn although stderr is a file"
		show stderr "$w/plain.err"
	else
		ok "no progress bar when stderr is not a terminal"
	fi
	if ! command -v script >/dev/null &&
		! "$E2E_PYTHON" -c 'import pty' 2>/dev/null; then
		note "no script(1) and no python3 pty: terminal cases skipped"
		return
	fi
	fresh_dir "$w/tty"
	in_pty "$w/tty.log" "cd '$w/tty' && env -u CI TERM=xterm '$S2P' '$SAMPLE' -j 2"
	expect_rc "under a pseudo-terminal" 0 "$w/tty"
	if grep -q -a -E $'\r''sample\.pptx +\[[#.]{20}\] [0-9]+/5 slides' "$w/tty.log"; then
		ok "progress bar under a pseudo-terminal (done/total, rate, time)"
	else
		fail "no progress bar under a pseudo-terminal"
		show terminal "$w/tty.log"
	fi
	check "the bar reaches 5/5" grep -q -a '5/5 slides' "$w/tty.log"
	check "the bar is cleared at the end" grep -q -a $'\r\033\\[K' "$w/tty.log"
	check "the file list is still printed" grep -q -a 'slide_5.png' "$w/tty.log"
	fresh_dir "$w/plain2"
	run_cli "$w/plain2" "$w/plain2" "$SAMPLE" -j 2
	check "same bytes with and without the bar" \
		cmp -s "$w/tty/slide_3.png" "$w/plain2/slide_3.png"
	fresh_dir "$w/q"
	in_pty "$w/q.log" "cd '$w/q' && env -u CI TERM=xterm '$S2P' '$SAMPLE' -q"
	if grep -q -a 'slides ' "$w/q.log"; then
		fail "progress bar with --quiet"
	else
		ok "no progress bar with --quiet, even on a terminal"
	fi
	fresh_dir "$w/ci"
	in_pty "$w/ci.log" "cd '$w/ci' && CI=true TERM=xterm '$S2P' '$SAMPLE'"
	if grep -q -a 'slides ' "$w/ci.log"; then
		fail "progress bar with CI=true"
	else
		ok "no progress bar when CI is set, even on a terminal"
	fi
}

# manifest_check JSON DIR: python checks of a manifest; prints "ok ..." or
# "FAIL ..." lines.
manifest_check()
{
	"$E2E_PYTHON" - "$@" <<'EOF'
import hashlib, json, os, sys
path, base = sys.argv[1], sys.argv[2]
m = json.load(open(path))
def say(good, what):
    print(('ok   ' if good else 'FAIL ') + what)
say(list(m) == ['generator', 'format', 'decks'], 'top-level keys in order')
deck_keys = ['path', 'sha256', 'status', 'error', 'slide_size',
             'slide_count', 'slides', 'font_substitutions', 'diagnostics']
slide_keys = ['number', 'hidden', 'status', 'path', 'width_px',
              'height_px', 'sha256', 'render_ms', 'encode_ms', 'error',
              'diagnostics']
for d in m['decks']:
    say(list(d) == deck_keys, 'deck keys in order')
    if d['status'] == 'ok':
        want = hashlib.sha256(open(d['path'], 'rb').read()).hexdigest()
        say(d['sha256'] == want, 'deck sha256 = sha256sum of %s' % d['path'])
    for s in d['slides']:
        say(list(s) == slide_keys, 'slide %d keys in order' % s['number'])
        if s['status'] == 'ok':
            f = os.path.join(base, s['path'])
            want = hashlib.sha256(open(f, 'rb').read()).hexdigest()
            say(s['sha256'] == want, 'slide %d sha256 = sha256sum of %s'
                % (s['number'], s['path']))
EOF
}

case_manifest()
{
	local w=$WORK/manifest line
	fresh_dir "$w/a"
	run_cli "$w/a" "$w/a" "$SAMPLE" "$CHARTS" -o '<name>-<n>.png' -s 6,22 \
		--manifest m.json
	expect_rc "--manifest m.json" 0 "$w/a"
	check "the manifest is valid JSON (python3 -m json.tool)" \
		"$E2E_PYTHON" -m json.tool "$w/a/m.json" /dev/null
	while IFS= read -r line; do
		case $line in
		ok*) ok "manifest: ${line#ok   }" ;;
		*) fail "manifest: ${line#FAIL }" ;;
		esac
	done < <(manifest_check "$w/a/m.json" "$w/a")
	check "manifest: sample slide 6 is hidden and skipped" "$E2E_PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1]))["decks"][0]
s = d["slides"][5]
sys.exit(not (s["hidden"] and s["status"] == "skipped" and s["path"] is None
    and d["slide_count"] == 6 and d["slide_size"] == {"cx_emu": 12192000,
    "cy_emu": 6858000, "width_px": 1280, "height_px": 720}))' "$w/a/m.json"
	check "manifest: chart slide 22 lists its diagnostics" "$E2E_PYTHON" -c '
import json, sys
s = json.load(open(sys.argv[1]))["decks"][1]["slides"][21]
sys.exit(not (s["status"] == "ok" and len(s["diagnostics"]) > 0 and
    all(set(x) == {"part", "message"} for x in s["diagnostics"])))' "$w/a/m.json"
	expect_no_tmp "manifest" "$w/a"

	fresh_dir "$w/b"
	run_cli "$w/b" "$w/b" "$BROKEN/bad-xml-slide.pptx" --manifest -
	expect_rc "--manifest - with a failing slide" 3 "$w/b"
	check "--manifest -: stdout is only the JSON" \
		"$E2E_PYTHON" -m json.tool "$w/b.out" /dev/null
	check "--manifest -: the failed slide has status and error" "$E2E_PYTHON" -c '
import json, sys
s = json.load(open(sys.argv[1]))["decks"][0]["slides"][1]
sys.exit(not (s["status"] == "failed" and s["error"] and s["sha256"] is None))' \
		"$w/b.out"

	fresh_dir "$w/c"
	run_cli "$w/c" "$w/c" "$SAMPLE" "$w/nope.pptx" -s 1 --manifest m.json
	expect_rc "--manifest with a missing deck" 1 "$w/c"
	check "the missing deck is in the manifest as failed" "$E2E_PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1]))["decks"]
sys.exit(not (d[0]["status"] == "ok" and d[1]["status"] == "failed" and
    d[1]["error"] and d[1]["slides"] == []))' "$w/c/m.json"

	# a deck name JSON must escape: quote, backslash, tab, a byte that is
	# not UTF-8, and non-ASCII text
	fresh_dir "$w/e"
	local odd
	odd=$w/e/$'we"ird\\ \t\xff n\xc3\xa4me.pptx'
	cp "$SAMPLE" "$odd"
	run_cli "$w/e" "$w/e" "$odd" -s 1 -o 'e<n>.png' --manifest -
	expect_rc "--manifest - for a deck with an odd name" 0 "$w/e"
	check "odd name: the manifest is valid JSON" \
		"$E2E_PYTHON" -m json.tool "$w/e.out" /dev/null
	check "odd name: escaped and decoded back (invalid byte as U+FFFD)" \
		"$E2E_PYTHON" -c '
import json, sys
p = json.load(open(sys.argv[1]))["decks"][0]["path"]
sys.exit(not p.endswith("we\"ird\\ \t\ufffd n\u00e4me.pptx"))' "$w/e.out"

	fresh_dir "$w/d"
	printf 'a file, not a folder\n' >"$w/d/file"
	run_cli "$w/d" "$w/d" "$SAMPLE" -s 1 --manifest "$w/d/file/dir/m.json"
	expect_rc "--manifest under a regular file" 2 "$w/d"
	expect_err_has "the error names the folder in the way" "$w/d" "$w/d/file"
	expect_files "unwritable manifest: nothing rendered" "$w/d" file
}

case_list()
{
	local w=$WORK/list
	fresh_dir "$w"
	run_cli "$w" "$w/a" "$SAMPLE" --list
	expect_rc "--list" 0 "$w/a"
	expect_stdout "--list: number, hidden, layout, title" "$w/a" \
		$'1\tvisible\tTitle Slide\tslides2png' \
		$'2\tvisible\tTitle and Content\tText formatting' \
		$'3\tvisible\tTitle Only\tShapes, fills and outlines' \
		$'4\tvisible\tTitle Only\tPictures' \
		$'5\tvisible\tTitle Only\tGradient background, groups' \
		$'6\thidden\tBlank\t'
	expect_files "--list renders nothing" "$w" a.err a.out
	run_cli "$w" "$w/b" "$SAMPLE" "$TEXT" -l -s 1
	expect_rc "--list, two decks" 0 "$w/b"
	check "--list, two decks: the deck comes first" \
		test "$(head -n 1 "$w/b.out" | cut -f1-3)" = "$SAMPLE"$'\t1\tvisible'
	check "--list, two decks: one line each" test "$(wc -l <"$w/b.out")" = 2
	run_cli "$w" "$w/c" "$BROKEN/bad-xml-slide.pptx" --list
	expect_rc "--list with a slide that does not load" 3 "$w/c"
	check "--list still lists all 3 slides" test "$(wc -l <"$w/c.out")" = 3
	run_cli "$w" "$w/d" "$SAMPLE" --list --manifest m.json
	expect_rc "--list with --manifest" 99 "$w/d"
}

case_grid()
{
	local w=$WORK/grid
	fresh_dir "$w"
	run_cli "$w" "$w/a" "$SAMPLE" --hidden -o 's<n>.png' --grid sheet.png
	expect_rc "--grid" 0 "$w/a"
	# 6 slides, 4 columns of 320x180 thumbnails, 16 px margins, 28 px labels
	expect_png_type "--grid: 4 columns x 2 rows" "$w/sheet.png" 1360 464 2
	check "--grid: listed on stdout after the slides" \
		test "$(tail -n 1 "$w/a.out")" = sheet.png
	run_cli "$w" "$w/b" "$SAMPLE" -o 's<n>.jpg' --grid-columns 2 \
		--grid 'g-<name>.png'
	expect_rc "--grid with --grid-columns 2 and JPEG slides" 0 "$w/b"
	expect_png_type "--grid: 2 columns x 3 rows" "$w/g-sample.png" 688 688 2
	run_cli "$w" "$w/c" "$SAMPLE" "$TEXT" -o '<name><n>.png' --grid g.png
	expect_rc "--grid without <name> for two decks" 99 "$w/c"
	run_cli "$w" "$w/d" "$SAMPLE" --grid-columns 0
	expect_rc "--grid-columns 0" 99 "$w/d"
	expect_no_tmp "grid" "$w"
}

# SIGINT/SIGTERM: slides in progress finish, no new ones start.
case_interrupt()
{
	local w=$WORK/interrupt sig want pid
	for sig in INT TERM; do
		want=130
		[ "$sig" = TERM ] && want=143
		fresh_dir "$w/$sig"
		RC=0
		(cd "$w/$sig" && exec "$S2P" "$CHARTS" -j 1 --scale 4) \
			>"$w/$sig.out" 2>"$w/$sig.err" &
		pid=$!
		sleep 1
		kill -"$sig" "$pid"
		wait "$pid" || RC=$?
		E2E_LAST="slides2png charts.pptx -j 1 --scale 4 (SIG$sig)"
		expect_rc "SIG$sig" "$want" "$w/$sig"
		check "SIG$sig: fewer than 13 files written" \
			test "$(find "$w/$sig" -name '*.png' | wc -l)" -lt 13
		expect_no_tmp "SIG$sig" "$w/$sig"
	done
}

# cmake --install into a scratch prefix (S2P_BUILD_DIR from ctest), then
# build a small program against the installed headers, libslides2png.a and
# slides2png.pc, and run it.
# --font-map and --font-dir, and the report of font substitutions: a
# mapped family changes the drawing and is reported in the manifest and
# under --verbose; a family outside fontconfig's folders is found only
# through --font-dir (a folder holding a copy of one of the test fonts,
# under a configuration of our own that leaves that font's folder out).
case_fonts()
{
	local w=$WORK/fonts serif conf
	fresh_dir "$w"
	run_cli "$w" "$w/plain" "$TEXT" -s 1 -o plain.png --manifest plain.json
	expect_rc "text deck, no font options" 0 "$w/plain"
	check "one font warning line for the deck (Calibri Light has no clone)" \
		test "$(grep -c 'warning: fonts not installed' "$w/plain.err")" = 1
	expect_err_has "the warning names the stand-in" "$w/plain" \
		"Calibri Light -> Carlito"
	fonts_check "$w/plain.json" 'Calibri Light' Carlito stand-in
	fonts_check "$w/plain.json" Calibri Carlito metric-compatible
	run_cli "$w" "$w/mapped" "$TEXT" -s 1 -o mapped.png -v \
		--font-map 'Calibri=DejaVu Serif' --manifest mapped.json
	expect_rc "--font-map Calibri=DejaVu Serif" 0 "$w/mapped"
	check "--font-map changes the drawing" not_same "$w/plain.png" \
		"$w/mapped.png"
	fonts_check "$w/mapped.json" Calibri 'DejaVu Serif' mapped
	expect_err_has "--verbose lists the mapped family" "$w/mapped" \
		"Calibri -> DejaVu Serif (mapped)"
	run_cli "$w" "$w/quiet" "$TEXT" -s 1 -o quiet.png -q
	check "--quiet: no font warning" test ! -s "$w/quiet.err"

	# a configuration without the DejaVu folder; DejaVu Serif copied into
	# a folder of our own
	serif=$(fc-match -f '%{file}' 'DejaVu Serif:style=Book' 2>/dev/null)
	case $serif in
	*/DejaVuSerif.ttf) ;;
	*) fail "DejaVu Serif not found through fontconfig ($serif)"; return ;;
	esac
	mkdir -p "$w/myfonts"
	cp "${serif%/*}"/DejaVuSerif*.ttf "$w/myfonts/"
	conf=$w/fonts.conf
	sed -e '/truetype\/dejavu/d' \
		-e "s|<cachedir>.*</cachedir>|<cachedir>$w/cache</cachedir>|" \
		"$FONTCONFIG_FILE" >"$conf"
	FONTCONFIG_FILE=$conf run_cli "$w" "$w/nodir" "$TEXT" -s 1 -o nodir.png
	expect_rc "a configuration without DejaVu" 0 "$w/nodir"
	FONTCONFIG_FILE=$conf run_cli "$w" "$w/nomap" "$TEXT" -s 1 -o nomap.png \
		--font-map 'Calibri=DejaVu Serif'
	expect_rc "--font-map to a family not installed" 99 "$w/nomap"
	expect_err_has "the refusal names the family" "$w/nomap" \
		"'DejaVu Serif' is not installed"
	check "nothing is written" test ! -e "$w/nomap.png"
	FONTCONFIG_FILE=$conf run_cli "$w" "$w/dir" "$TEXT" -s 1 -o dir.png \
		--font-map 'Calibri=DejaVu Serif' --font-dir "$w/myfonts" \
		--manifest dir.json
	expect_rc "--font-dir with a copy of DejaVu Serif" 0 "$w/dir"
	fonts_check "$w/dir.json" Calibri 'DejaVu Serif' mapped
	check "--font-dir: the font is used" not_same "$w/nodir.png" "$w/dir.png"
	check "--font-dir: the same drawing as with the font installed" \
		cmp -s "$w/mapped.png" "$w/dir.png"

	run_cli "$w" "$w/baddir" "$TEXT" --font-dir "$w/none"
	expect_rc "--font-dir on a missing folder" 99 "$w/baddir"
	expect_err_has "the refusal names the folder" "$w/baddir" "$w/none"
	run_cli "$w" "$w/badmap" "$TEXT" --font-map Calibri
	expect_rc "--font-map without =" 99 "$w/badmap"
	run_cli "$w" "$w/badmap2" "$TEXT" --font-map '=Carlito'
	expect_rc "--font-map with an empty family" 99 "$w/badmap2"
}

# not_same A B: the two files differ.
not_same()
{
	! cmp -s "$1" "$2"
}

# fonts_check MANIFEST REQUESTED USED KIND: the deck's font_substitutions
# has that entry.
fonts_check()
{
	local r
	r=$("$E2E_PYTHON" - "$@" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
subst = m['decks'][0]['font_substitutions']
want = {'requested': sys.argv[2], 'used': sys.argv[3], 'kind': sys.argv[4]}
print('yes' if want in subst else 'no: %s' % subst)
EOF
)
	if [ "$r" = yes ]; then
		ok "manifest: $2 -> $3 ($4)"
	else
		fail "manifest: lacks $2 -> $3 ($4): $r"
	fi
}

case_install()
{
	local w=$WORK/install p=$WORK/install/prefix f out
	fresh_dir "$w"
	if [ -z "${S2P_BUILD_DIR:-}" ] || ! command -v cmake >/dev/null; then
		fail "install: S2P_BUILD_DIR or cmake missing"
		return
	fi
	if cmake --install "$S2P_BUILD_DIR" --prefix "$p" >"$w/install.log" 2>&1
	then
		ok "cmake --install --prefix"
	else
		fail "cmake --install --prefix"
		show log "$w/install.log"
		return
	fi
	for f in bin/slides2png lib/libslides2png.a include/slides2png/s2p.h \
		include/slides2png/s2p-deck.h include/slides2png/s2p-render.h \
		include/slides2png/s2p-hash.h lib/pkgconfig/slides2png.pc \
		share/man/man1/slides2png.1; do
		check "installed $f" test -f "$p/$f"
	done
	check "slides2png.pc names the install prefix" \
		grep -q -x "prefix=$p" "$p/lib/pkgconfig/slides2png.pc"
	if command -v man >/dev/null; then
		out=$(MANWIDTH=80 man --warnings -l "$p/share/man/man1/slides2png.1" \
			2>&1 >/dev/null)
		check "the man page formats without warnings${out:+: $out}" \
			test -z "$out"
	fi
	cat >"$w/use.c" <<'EOF'
#include <slides2png/s2p.h>
#include <stdio.h>
int
main(int argc, char **argv)
{
	s2p_error err;
	s2p_render_opts opts;
	s2p_run_result res;
	s2p_slide_info info;
	s2p_deck *deck;
	(void) argc;
	s2p_error_clear(&err);
	deck = s2p_deck_open(argv[1], NULL, &err);
	if (!deck)
		return 1;
	if (s2p_deck_slide_info(deck, 1, &info, &err))
		return 2;
	printf("%d slides; 1: %s\n", s2p_deck_slide_count(deck), info.title);
	s2p_slide_info_fini(&info);
	s2p_render_opts_default(&opts);
	opts.pattern = argv[2];
	opts.width_px = 160;
	if (s2p_deck_render(deck, &opts, &res, &err))
		return 3;
	printf("%d written\n", res.n_written);
	s2p_run_result_fini(&res);
	s2p_deck_close(deck);
	return 0;
}
EOF
	# shellcheck disable=SC2046
	if cc -std=c11 -o "$w/use" "$w/use.c" \
		$(PKG_CONFIG_PATH=$p/lib/pkgconfig pkg-config --cflags --libs \
		slides2png) >"$w/cc.log" 2>&1; then
		ok "a program builds with pkg-config --cflags --libs slides2png"
	else
		fail "a program does not build against the installed library"
		show log "$w/cc.log"
		return
	fi
	(cd "$w" && ./use "$SAMPLE" 'u<n>.png') >"$w/use.out" 2>&1
	check "it renders through the installed library" \
		grep -q -x '5 written' "$w/use.out"
	check "s2p_deck_slide_info gives the title" \
		grep -q -x '6 slides; 1: slides2png' "$w/use.out"
	expect_png "installed library output" "$w/u1.png" 160 90
}

run_cases
