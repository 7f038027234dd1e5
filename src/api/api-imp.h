/*
 * api: what the files of the public API layer share. The deck is the
 * presentation plus the limits it was opened with; s2p.c owns its
 * lifetime, diff.c renders from it. Slides are parsed in order the first
 * time they are needed: s2p_deck_render() parses each one just before
 * handing it to the workers, so the first slides draw while the next
 * ones load; everything else calls deck_loaded() first.
 */
#ifndef S2P_API_API_IMP_H
#define S2P_API_API_IMP_H

#include "load/load.h"
#include "model/pml.h"

#include <slides2png/s2p-deck.h>

struct s2p_deck {
	pml_presentation *pres;
	s2p_limits lim;
	/* until every slide is parsed: the package (in memory) and the
	 * loader's session; then both NULL */
	opc_package *pkg;
	load_session *ls;
	uint32_t n_loaded;       /* slides 0..n_loaded-1 are parsed */
};

/* Parse slides 0..@n-1 of @deck that are not parsed yet. */
void deck_load_upto(s2p_deck *deck, uint32_t n);

/* @deck with every slide parsed (parsing the rest now): its presentation.
 * A deck is logically immutable; parsing late does not change that. */
const pml_presentation *deck_loaded(const s2p_deck *deck);

#endif
