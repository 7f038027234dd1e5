#!/usr/bin/env bash
# golden.sh: render one sample deck at --width 640 and compare every slide
# with tests/golden/ref/<deck>-<n>.ref.png (or .xfail.png) via s2p-imgdiff.
# Also checks the produced file set and stdout, with and without --hidden.
# S2P_UPDATE_REFS=1 rewrites the references instead of comparing.
# Usage: golden.sh SLIDES2PNG IMGDIFF SOURCE_DIR WORK_DIR DECK_NAME
set -u

if [ $# -ne 5 ]; then
	echo "usage: $0 SLIDES2PNG IMGDIFF SOURCE_DIR WORK_DIR DECK_NAME" >&2
	exit 2
fi
S2P=$1
IMGDIFF=$2
SRC=$3
WORK=$4/$5
NAME=$5
E2E_DIR=$SRC/tests/e2e
# shellcheck source=lib.sh
. "$E2E_DIR/lib.sh"

: "${FONTCONFIG_FILE:=$SRC/tests/fonts/fonts.conf}"
export FONTCONFIG_FILE
DECK=$SRC/samples/$NAME.pptx
REFDIR=${S2P_GOLDEN_REF_DIR:-$SRC/tests/golden/ref}
WIDTH=640
UPDATE=${S2P_UPDATE_REFS:-0}
[ "$UPDATE" = 0 ] && UPDATE=

# tolerance KEY...: sets TOL_FRACTION TOL_THRESHOLD TOL_MAXDIFF from the
# first KEY found in tolerances.txt.
tolerance()
{
	local key line
	for key in "$@" default; do
		line=$(awk -v k="$key" '$1 == k { print $2, $3, $4; exit }' \
			"$E2E_DIR/tolerances.txt")
		if [ -n "$line" ]; then
			# shellcheck disable=SC2086
			set -- $line
			TOL_FRACTION=$1 TOL_THRESHOLD=$2 TOL_MAXDIFF=$3
			return 0
		fi
	done
	return 1
}

# imgdiff_to REF OUT DIFF: sets IRC and IMSG (the tool's report line).
imgdiff_to()
{
	IRC=0
	IMSG=$("$IMGDIFF" "$1" "$2" --diff "$3" \
		--tolerance-fraction "$TOL_FRACTION" \
		--channel-threshold "$TOL_THRESHOLD" \
		--max-diff "$TOL_MAXDIFF" 2>&1) || IRC=$?
	IMSG=$(oneline "$IMSG")
}

echo "deck: $DECK"
echo "references: $REFDIR"
if [ ! -f "$DECK" ]; then
	fail "$DECK does not exist"
	finish
fi
if ! deck_info "$DECK"; then
	fail "cannot read the slide list of $DECK with pptx-info.py"
	finish
fi
echo "slides: $ALL_SLIDES (visible: $VISIBLE_SLIDES)"
# shellcheck disable=SC2086
set -- $ALL_SLIDES
N_SLIDES=$#
HEIGHT=$(((WIDTH * DECK_CY + DECK_CX / 2) / DECK_CX))

fresh_dir "$WORK/out"
fresh_dir "$WORK/out-hidden"
fresh_dir "$WORK/diff"

# 1. Default pattern in the working directory, hidden slides skipped.
run_cli "$WORK/out" "$WORK/run" "$DECK" --width "$WIDTH" ${S2P_TEST_JOBS:+-j "$S2P_TEST_JOBS"}
expect_rc "render $NAME" 0 "$WORK/run"
# shellcheck disable=SC2046,SC2086
expect_files "$NAME: files without --hidden" "$WORK/out" \
	$(names 'slide_<n>.png' $VISIBLE_SLIDES)
# shellcheck disable=SC2046,SC2086
expect_stdout "$NAME: stdout lists the written files" "$WORK/run" \
	$(names 'slide_<n>.png' $VISIBLE_SLIDES)
[ -s "$WORK/run.err" ] && show "stderr (diagnostics)" "$WORK/run.err"

# 2. Explicit pattern, hidden slides included.
PAT=$WORK/out-hidden/slide_'<n>'.png
run_cli "$WORK" "$WORK/run-hidden" "$DECK" --width "$WIDTH" --hidden \
	-o "$PAT"
expect_rc "render $NAME --hidden" 0 "$WORK/run-hidden"
# shellcheck disable=SC2046,SC2086
expect_files "$NAME: files with --hidden" "$WORK/out-hidden" \
	$(names 'slide_<n>.png' $ALL_SLIDES)
# shellcheck disable=SC2086
mapfile -t lines < <(names "$PAT" $ALL_SLIDES)
expect_stdout "$NAME: stdout lists the written files (--hidden)" \
	"$WORK/run-hidden" "${lines[@]}"

# A slide renders the same whether or not the hidden ones are rendered.
for n in $VISIBLE_SLIDES; do
	a=$WORK/out/slide_$n.png
	b=$WORK/out-hidden/slide_$n.png
	if [ ! -f "$a" ] || [ ! -f "$b" ]; then
		continue
	fi
	if cmp -s "$a" "$b"; then
		ok "$NAME-$n: same bytes with and without --hidden"
	else
		fail "$NAME-$n: $a and $b differ"
	fi
done

# 3. Each slide against its reference.
[ -n "$UPDATE" ] && mkdir -p "$REFDIR"
for n in $ALL_SLIDES; do
	out=$WORK/out-hidden/slide_$n.png
	ref=$REFDIR/$NAME-$n.ref.png
	xfail=$REFDIR/$NAME-$n.xfail.png
	diff=$WORK/diff/$NAME-$n.diff.png
	if [ ! -f "$out" ]; then
		fail "$NAME-$n: no output to compare"
		continue
	fi
	expect_png "$NAME-$n" "$out" "$WIDTH" "$HEIGHT"
	tolerance "$NAME-$n" "$NAME" || {
		fail "no default line in tolerances.txt"
		continue
	}

	if [ -n "$UPDATE" ]; then
		# A known bug keeps its .ref (the correct image) untouched.
		dest=$ref
		[ -f "$xfail" ] && dest=$xfail
		if [ -f "$dest" ] && cmp -s "$out" "$dest"; then
			echo "unchanged $dest"
		elif [ -f "$dest" ]; then
			cp "$out" "$dest" && echo "wrote $dest (changed)"
		else
			cp "$out" "$dest" && echo "wrote $dest (new)"
		fi
		continue
	fi

	if [ -f "$xfail" ]; then
		if [ -f "$ref" ]; then
			imgdiff_to "$ref" "$out" "$diff"
			if [ "$IRC" = 0 ]; then
				rm -f "$diff"
				ok "$NAME-$n: matches its .ref ($IMSG)"
				note "UNEXPECTED PASS: $NAME-$n matches $ref;" \
					"delete $xfail"
				continue
			fi
		fi
		imgdiff_to "$xfail" "$out" "$diff"
		case $IRC in
		0)	rm -f "$diff"
			ok "$NAME-$n: expected failure, matches .xfail ($IMSG)" ;;
		1)	fail "$NAME-$n: differs from $xfail ($IMSG)"
			echo "      output: $out"
			echo "      diff:   $diff" ;;
		*)	fail "$NAME-$n: s2p-imgdiff error: $IMSG" ;;
		esac
		continue
	fi

	if [ ! -f "$ref" ]; then
		fail "$NAME-$n: missing reference $ref"
		echo "      create it with: S2P_UPDATE_REFS=1 ctest -R" \
			"'^golden/$NAME\$' (then review the image and commit it)"
		continue
	fi
	imgdiff_to "$ref" "$out" "$diff"
	case $IRC in
	0)	rm -f "$diff"
		ok "$NAME-$n: matches reference ($IMSG)" ;;
	1)	fail "$NAME-$n: differs from $ref ($IMSG," \
			"tolerance $TOL_FRACTION/$TOL_THRESHOLD/$TOL_MAXDIFF)"
		echo "      output: $out"
		echo "      diff:   $diff" ;;
	*)	fail "$NAME-$n: s2p-imgdiff error: $IMSG" ;;
	esac
done

# 4. References for slides the deck no longer has.
for f in "$REFDIR/$NAME"-*.ref.png "$REFDIR/$NAME"-*.xfail.png; do
	[ -e "$f" ] || continue
	n=${f##*/"$NAME"-}
	n=${n%%.*}
	case $n in
	*[!0-9]*) continue ;; # another deck whose name starts with NAME-
	esac
	if [ "$n" -lt 1 ] || [ "$n" -gt "$N_SLIDES" ]; then
		if [ -n "$UPDATE" ]; then
			note "stale reference $f (the deck has $N_SLIDES" \
				"slides): git rm it"
		else
			fail "stale reference $f: the deck has $N_SLIDES slides"
		fi
	fi
done

finish
