# shellcheck shell=bash
# lib.sh: helpers shared by the e2e scripts (sourced, not run).
# Counters for "N passed, N failed", running slides2png with captured
# stdout/stderr/exit status, and small checks on PNG headers and on the
# set of files a run produced.  Needs bash, coreutils, od and python3.

E2E_PASS=0
E2E_FAIL=0
E2E_CASES=()
E2E_PYTHON=${PYTHON:-python3}

ok()
{
	E2E_PASS=$((E2E_PASS + 1))
	printf 'ok    %s\n' "$*"
}

fail()
{
	E2E_FAIL=$((E2E_FAIL + 1))
	printf 'FAIL  %s\n' "$*"
}

note()
{
	printf 'note  %s\n' "$*"
}

# oneline TEXT: TEXT with newlines turned into spaces.
oneline()
{
	printf '%s' "$1" | tr '\n' ' '
}

# Print a captured file indented, for failure context.
show()
{
	local label=$1 file=$2
	[ -s "$file" ] || { printf '      (%s empty)\n' "$label"; return; }
	printf '      %s:\n' "$label"
	sed -e 's/^/        | /' -e '20q' "$file"
}

finish()
{
	printf '%d passed, %d failed\n' "$E2E_PASS" "$E2E_FAIL"
	[ "$E2E_FAIL" -eq 0 ]
	exit
}

# run_cli DIR LOG_PREFIX ARGS...: run slides2png in DIR; sets RC and leaves
# LOG_PREFIX.out / LOG_PREFIX.err.  A hung run is killed after 120 s.
run_cli()
{
	local dir=$1 log=$2
	shift 2
	local to=()
	command -v timeout >/dev/null && to=(timeout 120)
	RC=0
	(cd "$dir" && exec "${to[@]}" "$S2P" "$@") >"$log.out" 2>"$log.err" ||
		RC=$?
	E2E_LAST="slides2png $*"
}

# fresh_dir DIR: empty DIR (it is always inside the build tree).
fresh_dir()
{
	rm -rf "$1"
	mkdir -p "$1"
}

# deck_info DECK: fills DECK_CX DECK_CY, ALL_SLIDES and VISIBLE_SLIDES
# (space-separated 1-based numbers) from the deck itself.
# shellcheck disable=SC2034 # DECK_CX/DECK_CY are used by the callers
deck_info()
{
	local kind a b _part
	DECK_CX=0
	DECK_CY=0
	ALL_SLIDES=
	VISIBLE_SLIDES=
	while read -r kind a b _part; do
		case $kind in
		size)	DECK_CX=$a DECK_CY=$b ;;
		slide)	ALL_SLIDES="$ALL_SLIDES $a"
			[ "$b" = 0 ] && VISIBLE_SLIDES="$VISIBLE_SLIDES $a" ;;
		esac
	done < <("$E2E_PYTHON" "$E2E_DIR/pptx-info.py" "$1")
	ALL_SLIDES=${ALL_SLIDES# }
	VISIBLE_SLIDES=${VISIBLE_SLIDES# }
	[ -n "$ALL_SLIDES" ]
}

# names PATTERN N...: the file names PATTERN gives for slides N...
names()
{
	local pat=$1 n
	shift
	for n in "$@"; do
		printf '%s\n' "${pat//<n>/$n}"
	done
}

# expect_files DESC DIR NAME...: DIR holds exactly these files.
expect_files()
{
	local desc=$1 dir=$2
	shift 2
	local want got
	want=$(printf '%s\n' "$@" | LC_ALL=C sort)
	got=$(cd "$dir" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort)
	if [ "$want" = "$got" ]; then
		ok "$desc"
	else
		fail "$desc"
		printf '      expected: %s\n' "$(oneline "$want")"
		printf '      found:    %s\n' "$(oneline "$got")"
	fi
}

# expect_stdout DESC LOG LINE...: LOG.out is exactly these lines, in order.
expect_stdout()
{
	local desc=$1 log=$2
	shift 2
	if [ $# -eq 0 ]; then
		if [ -s "$log.out" ]; then
			fail "$desc"
			show stdout "$log.out"
		else
			ok "$desc"
		fi
		return
	fi
	if printf '%s\n' "$@" | cmp -s - "$log.out"; then
		ok "$desc"
	else
		fail "$desc"
		printf '      expected: %s\n' "$*"
		show stdout "$log.out"
	fi
}

expect_rc()
{
	local desc=$1 want=$2 log=$3
	if [ "$RC" = "$want" ]; then
		ok "$desc: exit $want"
	else
		fail "$desc: exit $RC, expected $want ($E2E_LAST)"
		show stderr "$log.err"
	fi
}

# expect_no_tmp DESC DIR: no temporary files left anywhere under DIR.
expect_no_tmp()
{
	local left
	left=$(find "$2" -name '*.tmp*' -o -name '.*.tmp*' 2>/dev/null)
	if [ -z "$left" ]; then
		ok "$1: no temporary files left"
	else
		fail "$1: temporary files left: $(oneline "$left")"
	fi
}

# expect_diag_lines DESC LOG COUNT NAME...: every stderr line starts
# "slides2png: " and contains one of the NAMEs (the deck, say); COUNT is the
# exact number of lines, or "+" for one or more.
expect_diag_lines()
{
	local desc=$1 log=$2 count=$3 n=0 bad=0 line name hit
	shift 3
	while IFS= read -r line || [ -n "$line" ]; do
		n=$((n + 1))
		hit=
		case $line in
		"slides2png: "*)
			for name in "$@"; do
				case $line in *"$name"*) hit=1 ;; esac
			done ;;
		esac
		[ -n "$hit" ] || bad=$((bad + 1))
	done <"$log.err"
	if [ "$count" != "+" ] && [ "$n" -ne "$count" ]; then
		fail "$desc: $n stderr lines, expected $count"
		show stderr "$log.err"
	elif [ "$n" -eq 0 ]; then
		fail "$desc: nothing on stderr"
	elif [ "$bad" -ne 0 ]; then
		fail "$desc: $bad stderr line(s) not 'slides2png: ...' naming $1"
		show stderr "$log.err"
	else
		ok "$desc: stderr is $n line(s) 'slides2png: ...' naming $1"
	fi
}

# png_header FILE: prints "WIDTH HEIGHT BITDEPTH COLOURTYPE" from IHDR.
png_header()
{
	local -a h
	read -r -a h < <(od -An -v -tu1 -N26 "$1" 2>/dev/null | tr '\n' ' ')
	[ "${#h[@]}" -eq 26 ] || return 1
	# Signature, then the IHDR chunk length (13) and type.
	[ "${h[*]:0:16}" = "137 80 78 71 13 10 26 10 0 0 0 13 73 72 68 82" ] ||
		return 1
	printf '%d %d %d %d\n' \
		$(((h[16] << 24) | (h[17] << 16) | (h[18] << 8) | h[19])) \
		$(((h[20] << 24) | (h[21] << 16) | (h[22] << 8) | h[23])) \
		"${h[24]}" "${h[25]}"
}

# expect_png DESC FILE W H: an 8-bit RGB (colour type 2) PNG of W x H.
expect_png()
{
	local desc=$1 file=$2 want="$3 $4 8 2" got
	got=$(png_header "$file") || got="not a PNG"
	if [ "$got" = "$want" ]; then
		ok "$desc: ${3}x$4 8-bit RGB"
	else
		fail "$desc: $file is '$got' (w h depth type), expected '$want'"
	fi
}

# pick_locale: de_DE.UTF-8 if installed, else C.UTF-8.
pick_locale()
{
	local l
	l=$(locale -a 2>/dev/null | grep -i -x -m1 -E 'de_DE\.utf-?8')
	[ -n "$l" ] || l=$(locale -a 2>/dev/null | grep -i -x -m1 -E 'C\.utf-?8')
	printf '%s\n' "${l:-C.UTF-8}"
}

# e2e_args SLIDES2PNG SOURCE_DIR WORK_DIR CASE...: the arguments every
# case script takes; sets S2P, SRC, WORK, E2E_DIR and E2E_CASES, and the
# pinned fontconfig set-up unless the caller chose one.
e2e_args()
{
	if [ $# -lt 4 ]; then
		echo "usage: $0 SLIDES2PNG SOURCE_DIR WORK_DIR CASE..." >&2
		exit 2
	fi
	S2P=$1
	SRC=$2
	WORK=$3
	shift 3
	E2E_CASES=("$@")
	E2E_DIR=$SRC/tests/e2e
	: "${FONTCONFIG_FILE:=$SRC/tests/fonts/fonts.conf}"
	export FONTCONFIG_FILE
}

# run_cases: run case_NAME for each CASE of e2e_args (dashes become
# underscores), then print the totals and exit with their status.
run_cases()
{
	local c fn
	for c in "${E2E_CASES[@]}"; do
		fn=case_${c//-/_}
		if ! declare -F "$fn" >/dev/null; then
			fail "unknown case '$c'"
			continue
		fi
		echo "== $c"
		"$fn"
	done
	finish
}
