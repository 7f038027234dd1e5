#!/usr/bin/env bash
# determinism.sh: one sample deck must give byte-identical PNGs (and the
# same stdout) whatever -j is and whatever the locale is (LC_ALL=C against
# de_DE.UTF-8, or C.UTF-8 where that is not installed, with LANG=ko_KR and
# FC_LANG=ko, which fontconfig reads), and with or without the cache of
# fontconfig's answers (src/render/draw-fcsort.c: it must answer exactly
# what fontconfig would).  Hidden slides are included so every slide is
# covered.
# Usage: determinism.sh SLIDES2PNG SOURCE_DIR WORK_DIR DECK_NAME
set -u

if [ $# -ne 4 ]; then
	echo "usage: $0 SLIDES2PNG SOURCE_DIR WORK_DIR DECK_NAME" >&2
	exit 2
fi
S2P=$1
SRC=$2
WORK=$3/$4
NAME=$4
E2E_DIR=$SRC/tests/e2e
# shellcheck source=lib.sh
. "$E2E_DIR/lib.sh"

: "${FONTCONFIG_FILE:=$SRC/tests/fonts/fonts.conf}"
export FONTCONFIG_FILE
DECK=$SRC/samples/$NAME.pptx
LOC=$(pick_locale)

if [ ! -f "$DECK" ]; then
	fail "$DECK does not exist"
	finish
fi

# render TAG LOCALE ARGS...: into $WORK/TAG with the default pattern.
render()
{
	local tag=$1 loc=$2
	shift 2
	fresh_dir "$WORK/$tag"
	# the second locale also names a language fontconfig would prefer
	# for text the deck's languages do not settle
	if [ "$loc" = C ]; then
		LC_ALL=$loc run_cli "$WORK/$tag" "$WORK/$tag-run" "$DECK" --hidden "$@"
	else
		LC_ALL=$loc LANG=ko_KR.UTF-8 FC_LANG=ko run_cli "$WORK/$tag" \
			"$WORK/$tag-run" "$DECK" --hidden "$@"
	fi
	expect_rc "$NAME ($tag: LC_ALL=$loc $*)" 0 "$WORK/$tag-run"
	expect_no_tmp "$NAME ($tag)" "$WORK/$tag"
}

# same A B: the two runs wrote the same files, byte for byte.
same()
{
	local a=$WORK/$1 b=$WORK/$2 la lb f bad=0
	la=$(cd "$a" && find . -type f -printf '%P\n' | LC_ALL=C sort)
	lb=$(cd "$b" && find . -type f -printf '%P\n' | LC_ALL=C sort)
	if [ "$la" != "$lb" ]; then
		fail "$NAME: $1 and $2 wrote different files"
		printf '      %s: %s\n      %s: %s\n' "$1" "$(oneline "$la")" \
			"$2" "$(oneline "$lb")"
		return
	fi
	if [ -z "$la" ]; then
		fail "$NAME: $1 wrote no files"
		return
	fi
	for f in $la; do
		if ! cmp -s "$a/$f" "$b/$f"; then
			fail "$NAME: $1/$f and $2/$f differ"
			bad=1
		fi
	done
	[ "$bad" = 0 ] &&
		ok "$NAME: $1 and $2 byte-identical ($(echo "$la" | wc -l) files)"
	if cmp -s "$WORK/$1-run.out" "$WORK/$2-run.out"; then
		ok "$NAME: $1 and $2 print the same stdout"
	else
		fail "$NAME: $1 and $2 print different stdout"
		show "$1 stdout" "$WORK/$1-run.out"
		show "$2 stdout" "$WORK/$2-run.out"
	fi
}

echo "deck: $DECK; second locale: $LOC"
render j1 C -j 1
render j4 C -j 4
render j4-again C -j 4
render locale "$LOC" -j 2
S2P_TEST_NO_FC_CACHE=1 render no-fc-cache C -j 2
same j1 j4
same j1 j4-again
same j1 locale
same j1 no-fc-cache

finish
