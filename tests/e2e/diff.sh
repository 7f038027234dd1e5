#!/usr/bin/env bash
# diff.sh: "slides2png diff OLD NEW -o DIR" (issue 12) on the deck versions
# of samples/diff/ (samples/gen-diff.py): every classification (unchanged,
# changed with the right region, added, removed, moved, re-saved with a new
# id and matched by picture), the exit statuses 0/1/2, --threshold,
# --ignore-ids, --width, -j1 == -jN, errors that name the deck, and the
# report files (diff.json, summary.md, index.html) checked against each
# other by diff-check.py. "html" opens the page in headless Chromium
# (skipped, exit 77, when chromium is not installed).
# Usage: diff.sh SLIDES2PNG SOURCE_DIR WORK_DIR CASE...
# shellcheck disable=SC2317,SC2034 # RC and E2E_LAST are read by lib.sh
set -u

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
e2e_args "$@"
D=$SRC/samples/diff
CHECK="$E2E_PYTHON $E2E_DIR/diff-check.py"
# old.pptx -> new.pptx, in report order (status:old:new:matched_by)
EXPECT="unchanged:1:1:id changed:2:2:id removed:3:-:none added:-:3:none
unchanged:5:4:id moved:4:5:id unchanged:6:6:image"
# where "12 %" -> "15 %" is on slide 2 at 1280 px: the first bullet line
REGION=250,150,500,260

# report DESC DIR ARGS...: diff-check.py DIR ARGS... passes.
report()
{
	local desc=$1 dir=$2 out
	shift 2
	if out=$($CHECK "$dir" "$@" 2>&1); then
		ok "$desc"
	else
		fail "$desc"
		printf '%s\n' "$out" | sed 's/^/      | /'
	fi
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

# expect_no_report DESC DIR: nothing was written to DIR.
expect_no_report()
{
	if [ -e "$2/index.html" ] || [ -e "$2/diff.json" ]; then
		fail "$1: a report was written"
	else
		ok "$1: no report"
	fi
}

case_classify()
{
	local w=$WORK/classify
	fresh_dir "$w"
	run_cli "$w" "$w/run" diff "$D/old.pptx" "$D/new.pptx" -o review
	expect_rc "old -> new" 1 "$w/run"
	report "every classification, numbers, region and report files agree" \
		"$w/review" "$EXPECT" --region "$REGION" --width 1280
	expect_stdout "one line per difference, then the page" "$w/run" \
		"changed  slide 2: 0.02% of pixels, 1 region" \
		"removed  old slide 3" \
		"added    slide 3" \
		"moved    slide 5 (was 4)" \
		"review/index.html"
	expect_png "side-by-side picture" "$w/review/img/changed-2-2.png" 2576 720
	expect_png "added slide" "$w/review/img/added-3.png" 1280 720
	expect_png "thumbnail" "$w/review/img/thumb-old-1.png" 320 180
	expect_no_tmp "no temporary files" "$w/review"
	if [ -s "$w/run.err" ]; then
		fail "stderr is empty"
		show stderr "$w/run.err"
	else
		ok "stderr is empty"
	fi
}

case_same()
{
	local w=$WORK/same
	fresh_dir "$w"
	run_cli "$w" "$w/run" diff "$D/old.pptx" "$D/old.pptx" -o r -q
	expect_rc "a deck against itself" 0 "$w/run"
	expect_stdout "quiet: nothing on stdout" "$w/run"
	report "all unchanged" "$w/r" "unchanged:1:1:id unchanged:2:2:id
unchanged:3:3:id unchanged:4:4:id unchanged:5:5:id unchanged:6:6:id"
	run_cli "$w" "$w/ids" diff "$D/old.pptx" "$D/old.pptx" -o r2 --ignore-ids
	expect_rc "itself, ids ignored" 0 "$w/ids"
	report "all unchanged, matched by picture" "$w/r2" "unchanged:1:1:image
unchanged:2:2:image unchanged:3:3:image unchanged:4:4:image
unchanged:5:5:image unchanged:6:6:image"
}

case_threshold()
{
	local w=$WORK/threshold
	fresh_dir "$w"
	run_cli "$w" "$w/typo" diff "$D/old.pptx" "$D/typo.pptx" -o r1
	expect_rc "one edited word" 1 "$w/typo"
	report "only slide 2 changed" "$w/r1" "unchanged:1:1:id changed:2:2:id
unchanged:3:3:id unchanged:4:4:id unchanged:5:5:id unchanged:6:6:id" \
		--region "$REGION"
	run_cli "$w" "$w/thr" diff "$D/old.pptx" "$D/typo.pptx" -o r2 \
		--threshold 0.01
	expect_rc "--threshold 0.01 (the edit is 0.02 %)" 0 "$w/thr"
	report "under the threshold: unchanged" "$w/r2" "unchanged:1:1:id
unchanged:2:2:id unchanged:3:3:id unchanged:4:4:id unchanged:5:5:id
unchanged:6:6:id"
	if grep -q '"identical": false' "$w/r2/diff.json"; then
		ok "the slide under the threshold is not called identical"
	else
		fail "the slide under the threshold is not called identical"
	fi
	run_cli "$w" "$w/thr0" diff "$D/old.pptx" "$D/typo.pptx" -o r3 \
		--threshold 0.0001
	expect_rc "--threshold 0.0001 (below the edit)" 1 "$w/thr0"
}

case_ignore_ids()
{
	local w=$WORK/ignore-ids
	fresh_dir "$w"
	run_cli "$w" "$w/run" diff "$D/old.pptx" "$D/new.pptx" -o r --ignore-ids
	expect_rc "ids ignored" 1 "$w/run"
	report "everything paired by picture, the edited slide too" "$w/r" \
		"unchanged:1:1:image changed:2:2:image removed:3:-:none
added:-:3:none unchanged:5:4:image moved:4:5:image unchanged:6:6:image" \
		--region "$REGION"
}

case_width()
{
	local w=$WORK/width
	fresh_dir "$w"
	run_cli "$w" "$w/run" diff "$D/old.pptx" "$D/new.pptx" -o r/ -w 640
	expect_rc "--width 640" 1 "$w/run"
	if grep -q -x "r/index.html" "$w/run.out"; then
		ok "-o DIR/ prints DIR/index.html"
	else
		fail "-o DIR/ prints DIR/index.html"
		show stdout "$w/run.out"
	fi
	report "same classification at 640 px" "$w/r" "$EXPECT" --width 640
	expect_png "side-by-side at 640" "$w/r/img/changed-2-2.png" 1288 360
	expect_png "thumbnail at 320" "$w/r/img/thumb-new-2.png" 320 180
}

case_fonts()
{
	local w=$WORK/fonts
	fresh_dir "$w"
	run_cli "$w" "$w/plain" diff "$D/old.pptx" "$D/typo.pptx" -o r1 -q
	run_cli "$w" "$w/map" diff "$D/old.pptx" "$D/typo.pptx" -o r2 -q \
		--font-map 'Calibri=DejaVu Serif'
	expect_rc "--font-map applies to both decks" 1 "$w/map"
	report "the same classification with another face" "$w/r2" \
		"unchanged:1:1:id changed:2:2:id unchanged:3:3:id unchanged:4:4:id
unchanged:5:5:id unchanged:6:6:id"
	if cmp -s "$w/r1/img/changed-2-2.png" "$w/r2/img/changed-2-2.png"; then
		fail "the mapped face is drawn (the pictures are the same)"
	else
		ok "the mapped face is drawn"
	fi
	run_cli "$w" "$w/dir" diff "$D/old.pptx" "$D/typo.pptx" -o r3 \
		--font-dir "$w/none"
	expect_rc "--font-dir that is not a folder" 2 "$w/dir"
	expect_err_has "names it" "$w/dir" "$w/none"
}

case_determinism()
{
	local w=$WORK/determinism f bad=0
	fresh_dir "$w"
	run_cli "$w" "$w/j1" diff "$D/old.pptx" "$D/new.pptx" -o r1 -j1 -q
	run_cli "$w" "$w/j3" diff "$D/old.pptx" "$D/new.pptx" -o r3 -j3 -q
	for f in diff.json summary.md index.html; do
		sed 's/r[13]\///' "$w/r1/$f" >"$w/a" # no paths to the dir inside
		sed 's/r[13]\///' "$w/r3/$f" >"$w/b"
		cmp -s "$w/a" "$w/b" || { bad=1; note "$f differs"; }
	done
	for f in "$w"/r1/img/*.png; do
		cmp -s "$f" "$w/r3/img/${f##*/}" || { bad=1; note "${f##*/} differs"; }
	done
	if [ "$bad" = 0 ]; then
		ok "-j1 and -j3 give the same report and pictures, byte for byte"
	else
		fail "-j1 and -j3 give the same report and pictures, byte for byte"
	fi
}

case_errors()
{
	local w=$WORK/errors
	fresh_dir "$w"
	run_cli "$w" "$w/missing" diff "$D/old.pptx" nope.pptx -o r
	expect_rc "missing new deck" 2 "$w/missing"
	expect_err_has "the message names the deck" "$w/missing" "nope.pptx:"
	expect_no_report "missing deck" "$w/r"
	run_cli "$w" "$w/both" diff gone.pptx nope.pptx -o r
	expect_rc "both decks missing" 2 "$w/both"
	expect_err_has "the old one is named" "$w/both" "gone.pptx:"
	expect_err_has "the new one is named" "$w/both" "nope.pptx:"
	run_cli "$w" "$w/zip" diff "$SRC/samples/broken/not-a-zip.pptx" \
		"$D/new.pptx" -o r
	expect_rc "old deck not a zip" 2 "$w/zip"
	expect_err_has "named" "$w/zip" "not-a-zip.pptx:"
	run_cli "$w" "$w/huge" diff "$D/old.pptx" "$D/new.pptx" -w 32000 -o r
	expect_rc "output size over the limit" 2 "$w/huge"
	expect_err_has "names the deck and the limit" "$w/huge" \
		"old.pptx: output of 32000x18000 pixels exceeds the limit"
	run_cli "$w" "$w/one" diff "$D/old.pptx"
	expect_rc "one deck only" 2 "$w/one"
	expect_err_has "usage message" "$w/one" "needs two decks"
	run_cli "$w" "$w/opt" diff --frobnicate "$D/old.pptx" "$D/new.pptx"
	expect_rc "unknown option" 2 "$w/opt"
	run_cli "$w" "$w/thr" diff --threshold 2 "$D/old.pptx" "$D/new.pptx"
	expect_rc "threshold out of range" 2 "$w/thr"
	run_cli "$w" "$w/slides" diff -s 1 "$D/old.pptx" "$D/new.pptx"
	expect_rc "no slide selection in diff" 2 "$w/slides"
	: >"$w/file"
	run_cli "$w" "$w/unwritable" diff "$D/old.pptx" "$D/new.pptx" -o file/r
	expect_rc "output under a file" 2 "$w/unwritable"
	expect_err_has "names the directory" "$w/unwritable" "file/r"
	# a slide that cannot be loaded: reported, the others compared
	run_cli "$w" "$w/slide" diff "$SRC/samples/broken/bad-xml-slide.pptx" \
		"$SRC/samples/broken/bad-xml-slide.pptx" -o rs
	expect_rc "a broken slide" 2 "$w/slide"
	expect_err_has "names deck and slide" "$w/slide" \
		"bad-xml-slide.pptx: slide 2: malformed XML"
	if grep -q '"status": "failed"' "$w/rs/diff.json" 2>/dev/null &&
		grep -q '"status": "unchanged"' "$w/rs/diff.json"; then
		ok "the report lists it as failed and the rest as compared"
	else
		fail "the report lists it as failed and the rest as compared"
	fi
	run_cli "$w" "$w/help" diff --help
	expect_rc "--help" 0 "$w/help"
	if grep -q "slides2png diff \[options\] OLD.pptx NEW.pptx" "$w/help.out"; then
		ok "--help shows the diff usage"
	else
		fail "--help shows the diff usage"
	fi
}

case_html()
{
	local w=$WORK/html chromium
	chromium=$(command -v chromium || command -v chromium-browser || true)
	if [ -z "$chromium" ]; then
		echo "skip: chromium is not installed"
		exit 77
	fi
	fresh_dir "$w"
	run_cli "$w" "$w/run" diff "$D/old.pptx" "$D/new.pptx" -o r -q
	expect_rc "report for the browser" 1 "$w/run"
	# --no-sandbox: tests may run as root; the page is our own file
	(cd "$w" && timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
		--hide-scrollbars --window-size=1280,2400 --enable-logging=stderr \
		--v=0 --screenshot="$w/page.png" "file://$w/r/index.html") \
		>"$w/chromium.out" 2>"$w/chromium.err"
	if grep -E "CONSOLE|Uncaught|ERR_FILE" "$w/chromium.err"; then
		fail "the page opens without console errors"
	else
		ok "the page opens without console errors"
	fi
	if [ -s "$w/page.png" ] && png_header "$w/page.png" >/dev/null; then
		ok "screenshot taken: $w/page.png"
	else
		fail "screenshot taken"
		show stderr "$w/chromium.err"
	fi
	(cd "$w" && timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
		--dump-dom "file://$w/r/index.html") >"$w/dom.html" 2>/dev/null
	if "$E2E_PYTHON" - "$w/dom.html" <<'EOF'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
h2 = re.findall(r"<h2[^>]*>([^<]*)</h2>", dom)
imgs = re.findall(r'<img src="([^"]+)"', dom)
sys.exit(0 if h2 and h2[0] == "Changed" and "img/changed-2-2.png" in imgs[:1]
         else 1)
EOF
	then
		ok "the browser's DOM shows the changed slide first"
	else
		fail "the browser's DOM shows the changed slide first"
	fi
}

run_cases
