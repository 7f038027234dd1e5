#!/usr/bin/env bash
# errors.sh: the CLI contract for bad input, bad output and bad options:
# exit status, one "slides2png: ..." stderr line naming the deck, the
# written files and the stdout listing, no *.tmp left behind, and the PNG
# size and colour type.  Each CASE is one ctest test (errors/CASE).
# Usage: errors.sh SLIDES2PNG SOURCE_DIR WORK_DIR CASE...
# The case_* functions are called by name (case_${CASE//-/_}).
# shellcheck disable=SC2317
set -u

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
e2e_args "$@"
BROKEN=$SRC/samples/broken
SAMPLES=$SRC/samples
SAMPLE=$SRC/samples/sample.pptx

# need FILE...: fail (and return 1) when a deck is missing.
need()
{
	local f r=0
	for f in "$@"; do
		[ -f "$f" ] && continue
		fail "$f does not exist"
		r=1
	done
	return "$r"
}

# Decks that cannot be opened or parsed at all: exit 1, nothing written.
case_open_failures()
{
	local d deck w
	for d in not-a-zip empty zip-not-pptx encrypted no-slides; do
		deck=$BROKEN/$d.pptx
		need "$deck" || continue
		w=$WORK/$d
		fresh_dir "$w/out"
		run_cli "$w/out" "$w/run" "$deck"
		expect_rc "$d" 1 "$w/run"
		expect_diag_lines "$d" "$w/run" 1 "$deck"
		expect_stdout "$d: nothing on stdout" "$w/run"
		expect_files "$d: no files written" "$w/out"
	done
}

# One slide of three cannot be loaded: exit 3, the others are written.
case_slide_failures()
{
	local d deck w
	for d in missing-slide-part bad-xml-slide; do
		deck=$BROKEN/$d.pptx
		need "$deck" || continue
		w=$WORK/$d
		fresh_dir "$w/out"
		run_cli "$w/out" "$w/run" "$deck" -j 2
		expect_rc "$d" 3 "$w/run"
		expect_files "$d: slides 1 and 3 written" "$w/out" \
			slide_1.png slide_3.png
		expect_stdout "$d: stdout lists slides 1 and 3" "$w/run" \
			slide_1.png slide_3.png
		expect_diag_lines "$d" "$w/run" + "$deck"
		if grep -F "$deck" "$w/run.err" | grep -q -w 'slide 2'; then
			ok "$d: the error names slide 2"
		else
			fail "$d: no stderr line names '$deck' and 'slide 2'"
			show stderr "$w/run.err"
		fi
		expect_no_tmp "$d" "$w/out"
	done
}

# --timeout: a slide over its deadline is reported and skipped, the others
# are written, exit 3. S2P_TEST_EXPIRE_SLIDE (for tests only) puts slide
# 2's deadline at its start, so it times out whatever the machine's load.
case_timeout()
{
	local deck=$SAMPLES/sample.pptx w=$WORK/timeout n want=()
	need "$deck" || return
	deck_info "$deck" || { fail "timeout: pptx-info.py cannot read it"; return; }
	for n in $VISIBLE_SLIDES; do
		[ "$n" = 2 ] || want+=("slide_$n.png")
	done
	fresh_dir "$w/out"
	S2P_TEST_EXPIRE_SLIDE=2 run_cli "$w/out" "$w/run" "$deck" -j 2 -q \
		--timeout 30
	expect_rc "timeout" 3 "$w/run"
	expect_files "timeout: all visible slides but 2 written" "$w/out" \
		"${want[@]}"
	expect_stdout "timeout: stdout lists them" "$w/run" "${want[@]}"
	expect_diag_lines "timeout" "$w/run" 1 "$deck"
	if grep -F "$deck" "$w/run.err" | grep -w 'slide 2' |
		grep -q -F 'timed out after 30 s'; then
		ok "timeout: the error names slide 2 and 'timed out after 30 s'"
	else
		fail "timeout: no stderr line names slide 2 and the timeout"
		show stderr "$w/run.err"
	fi
	expect_no_tmp "timeout" "$w/out"
	# the same through the other output paths (JPEG, SVG)
	fresh_dir "$w/jpeg"
	S2P_TEST_EXPIRE_SLIDE=2 run_cli "$w/jpeg" "$w/run-jpeg" "$deck" \
		--timeout 30 -f jpeg
	expect_rc "timeout, JPEG" 3 "$w/run-jpeg"
	expect_files "timeout, JPEG: slide 2 not written" "$w/jpeg" \
		"${want[@]/%.png/.jpg}"
	# a generous timeout changes nothing
	fresh_dir "$w/ok"
	run_cli "$w/ok" "$w/run-ok" "$deck" --timeout 600
	expect_rc "timeout 600" 0 "$w/run-ok"
	# shellcheck disable=SC2046,SC2086
	expect_files "timeout 600: all visible slides written" "$w/ok" \
		$(names 'slide_<n>.png' $VISIBLE_SLIDES)
	for n in 0 -1 abc 1e99; do
		run_cli "$w/ok" "$w/run-bad" "$deck" --timeout "$n"
		expect_rc "timeout '$n' refused" 99 "$w/run-bad"
	done
}

# trace_run DIR LOG ARGS...: like run_cli, under strace when it works.
# Sets TRACE to the trace file, or empty.
trace_run()
{
	local dir=$1 log=$2
	shift 2
	TRACE=
	if command -v strace >/dev/null &&
		strace -f -qq -o /dev/null true 2>/dev/null; then
		TRACE=$log.trace
		RC=0
		# LeakSanitizer cannot run under ptrace; the same deck is
		# leak-checked by the other tests
		(cd "$dir" && ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
			exec strace -f -qq -o "$TRACE" \
			-e trace=%file,%network "$S2P" "$@") \
			>"$log.out" 2>"$log.err" || RC=$?
		E2E_LAST="slides2png $*"
	else
		run_cli "$dir" "$log" "$@"
	fi
}

# A picture pointing outside the package (../ escape, file: or http: URL)
# is skipped with a diagnostic; the slide still renders.
case_package_safety()
{
	local d deck w kind t targets
	# What a normal deck makes the process open (libraries, fonts, NSS).
	CONTROL=
	if [ -f "$SAMPLE" ]; then
		fresh_dir "$WORK/control/out"
		trace_run "$WORK/control/out" "$WORK/control/run" "$SAMPLE"
		CONTROL=$TRACE
	fi
	for d in rels-escape external-image; do
		deck=$BROKEN/$d.pptx
		need "$deck" || continue
		w=$WORK/$d
		fresh_dir "$w/out"
		deck_info "$deck" || fail "$d: pptx-info.py cannot read it"
		trace_run "$w/out" "$w/run" "$deck"
		expect_rc "$d" 0 "$w/run"
		# shellcheck disable=SC2046,SC2086
		expect_files "$d: all visible slides written" "$w/out" \
			$(names 'slide_<n>.png' $VISIBLE_SLIDES)
		expect_diag_lines "$d: the skipped picture is reported" \
			"$w/run" + "$deck"
		expect_no_tmp "$d" "$w/out"
		if [ -z "$TRACE" ]; then
			note "$d: strace unavailable, file access not checked"
			continue
		fi
		targets=$("$E2E_PYTHON" "$E2E_DIR/pptx-info.py" --escapes "$deck")
		[ -n "$targets" ] ||
			note "$d: pptx-info.py found no escaping target to check"
		while read -r kind t; do
			[ -n "$kind" ] || continue
			if [ "$kind" = net ]; then
				if grep -q -E 'connect\(.*AF_INET' "$TRACE"; then
					fail "$d: network connection for $t"
				else
					ok "$d: no network access for $t"
				fi
				continue
			fi
			if [ -n "$CONTROL" ] && grep -q -F -e "$t\"" "$CONTROL"
			then
				# e.g. NSS reading /etc/passwd for glib.
				note "$d: $t is also opened when rendering" \
					"sample.pptx; access not checked"
			elif grep -F -e "$t\"" "$TRACE" | grep -q -v -F "$deck"
			then
				fail "$d: slides2png touched a file outside" \
					"the package ($t):"
				grep -F -e "$t\"" "$TRACE" | head -n 5 |
					sed 's/^/        | /'
			else
				ok "$d: nothing outside the package touched ($t)"
			fi
		done <<<"$targets"
	done
}

# An ISO/IEC 29500 Strict deck renders like a Transitional one.
case_strict()
{
	local deck=$BROKEN/strict.pptx w=$WORK/strict
	need "$deck" || return
	fresh_dir "$w/out"
	if ! deck_info "$deck"; then
		fail "strict: pptx-info.py cannot read it"
		return
	fi
	run_cli "$w/out" "$w/run" "$deck"
	expect_rc "strict" 0 "$w/run"
	# shellcheck disable=SC2046,SC2086
	expect_files "strict: all visible slides written" "$w/out" \
		$(names 'slide_<n>.png' $VISIBLE_SLIDES)
	# shellcheck disable=SC2046,SC2086
	expect_stdout "strict: stdout lists them" "$w/run" \
		$(names 'slide_<n>.png' $VISIBLE_SLIDES)
}

case_missing_input()
{
	local w=$WORK/missing-input deck
	fresh_dir "$w/out"
	deck=$w/no-such-deck.pptx
	run_cli "$w/out" "$w/run" "$deck"
	expect_rc "missing input" 1 "$w/run"
	expect_diag_lines "missing input" "$w/run" 1 "$deck"
	expect_stdout "missing input: nothing on stdout" "$w/run"
	expect_files "missing input: no files written" "$w/out"
}

case_unwritable()
{
	local w=$WORK/unwritable pat
	need "$SAMPLE" || return
	fresh_dir "$w/out"
	printf 'a file, not a directory\n' >"$w/afile"

	pat=/proc/nonexistent/slide_'<n>'.png
	run_cli "$w/out" "$w/run1" "$SAMPLE" -o "$pat"
	expect_rc "output under /proc/nonexistent" 2 "$w/run1"
	expect_diag_lines "output under /proc/nonexistent: one error" "$w/run1" 1 \
		"$SAMPLE" /proc/nonexistent

	pat=$w/afile/slide_'<n>'.png
	run_cli "$w/out" "$w/run2" "$SAMPLE" -o "$pat" -j 4
	expect_rc "output under a regular file" 2 "$w/run2"
	expect_diag_lines "output under a regular file: one error" "$w/run2" 1 \
		"$SAMPLE" "$w/afile"
	expect_stdout "unwritable: nothing on stdout" "$w/run2"
	expect_files "unwritable: nothing written in the working dir" "$w/out"
	expect_no_tmp "unwritable" "$w"
}

case_usage()
{
	local w=$WORK/usage i
	local -a tries=(
		"--no-such-option $SAMPLE"
		""
		"--width abc $SAMPLE"
		"$SAMPLE -j"
	)
	need "$SAMPLE" || return
	for i in "${!tries[@]}"; do
		fresh_dir "$w/out$i"
		# shellcheck disable=SC2086
		run_cli "$w/out$i" "$w/run$i" ${tries[$i]}
		expect_rc "usage error '${tries[$i]}'" 99 "$w/run$i"
		if head -n 1 "$w/run$i.err" | grep -q '^slides2png: '; then
			ok "usage error '${tries[$i]}': message starts 'slides2png: '"
		else
			fail "usage error '${tries[$i]}': stderr does not start" \
				"'slides2png: '"
			show stderr "$w/run$i.err"
		fi
		expect_files "usage error '${tries[$i]}': no files written" \
			"$w/out$i"
	done
}

# stdout lists exactly the written files, in slide order.
case_listing()
{
	local w=$WORK/listing
	local -a lines
	need "$SAMPLE" || return
	deck_info "$SAMPLE" || { fail "pptx-info.py cannot read $SAMPLE"; return; }
	if [ "$ALL_SLIDES" = "$VISIBLE_SLIDES" ]; then
		fail "sample.pptx has no hidden slide (slide 6 should be)"
	fi

	fresh_dir "$w/a"
	run_cli "$w/a" "$w/run-a" "$SAMPLE" -j 4
	expect_rc "sample.pptx" 0 "$w/run-a"
	# shellcheck disable=SC2046,SC2086
	expect_files "sample.pptx: visible slides only" "$w/a" \
		$(names 'slide_<n>.png' $VISIBLE_SLIDES)
	# shellcheck disable=SC2046,SC2086
	expect_stdout "sample.pptx: stdout in slide order" "$w/run-a" \
		$(names 'slide_<n>.png' $VISIBLE_SLIDES)

	fresh_dir "$w/b"
	run_cli "$w/b" "$w/run-b" "$SAMPLE" --hidden -j 4 -o 'deck-<n>-x.png'
	expect_rc "sample.pptx --hidden -o deck-<n>-x.png" 0 "$w/run-b"
	# shellcheck disable=SC2046,SC2086
	expect_files "sample.pptx --hidden: hidden slides too" "$w/b" \
		$(names 'deck-<n>-x.png' $ALL_SLIDES)
	# shellcheck disable=SC2046,SC2086
	expect_stdout "sample.pptx --hidden: stdout in slide order" \
		"$w/run-b" $(names 'deck-<n>-x.png' $ALL_SLIDES)

	fresh_dir "$w/c"
	# shellcheck disable=SC2086
	mapfile -t lines < <(names "$w/c/s<n>.png" $VISIBLE_SLIDES)
	run_cli "$w" "$w/run-c" "$SAMPLE" -o "$w/c/s<n>.png"
	expect_rc "sample.pptx -o DIR/s<n>.png" 0 "$w/run-c"
	expect_stdout "sample.pptx -o DIR/s<n>.png: stdout" "$w/run-c" \
		"${lines[@]}"
	expect_no_tmp "listing" "$w"
}

# Output size: 96 DPI by default, --width/--height keep the aspect ratio.
case_sizes()
{
	local w=$WORK/sizes f dw dh
	need "$SAMPLE" || return
	deck_info "$SAMPLE" || { fail "pptx-info.py cannot read $SAMPLE"; return; }
	if [ $((DECK_CX * 9)) -ne $((DECK_CY * 16)) ]; then
		fail "sample.pptx is ${DECK_CX}x$DECK_CY EMU, not 16:9"
		return
	fi
	dw=$(((DECK_CX * 96 + 457200) / 914400))
	dh=$(((DECK_CY * 96 + 457200) / 914400))

	fresh_dir "$w/default"
	run_cli "$w/default" "$w/run-default" "$SAMPLE"
	expect_rc "sample.pptx default size" 0 "$w/run-default"
	for f in "$w/default"/*.png; do
		[ -e "$f" ] && expect_png "default ${f##*/}" "$f" "$dw" "$dh"
	done

	fresh_dir "$w/w320"
	run_cli "$w/w320" "$w/run-w320" "$SAMPLE" --width 320
	expect_rc "sample.pptx --width 320" 0 "$w/run-w320"
	for f in "$w/w320"/*.png; do
		[ -e "$f" ] && expect_png "--width 320 ${f##*/}" "$f" 320 180
	done

	fresh_dir "$w/h360"
	run_cli "$w/h360" "$w/run-h360" "$SAMPLE" --height 360
	expect_rc "sample.pptx --height 360" 0 "$w/run-h360"
	for f in "$w/h360"/*.png; do
		[ -e "$f" ] && expect_png "--height 360 ${f##*/}" "$f" 640 360
	done
	expect_no_tmp "sizes" "$w"
}

run_cases
