/*
 * api: what the files of the public API layer share. The deck is the
 * parsed presentation plus the limits it was opened with; s2p.c owns its
 * lifetime, diff.c renders from it.
 */
#ifndef S2P_API_API_IMP_H
#define S2P_API_API_IMP_H

#include "model/pml.h"

#include <slides2png/s2p-deck.h>

struct s2p_deck {
	pml_presentation *pres;
	s2p_limits lim;
};

#endif
