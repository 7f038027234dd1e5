/*
 * split: one deck -> N single-slide presentations, one per selected slide.
 * Each holds that slide and what it depends on: the slide, layout, master
 * and theme by reference (immutable, atomic refcounts), the slide size and
 * a deep copy of the default text style in its own arena. After split_run
 * the deck may be freed; no two results share anything mutable.
 */
#ifndef S2P_SPLIT_SPLIT_H
#define S2P_SPLIT_SPLIT_H

#include "model/pml.h"

/* A new single-slide presentation for slide @index (0-based) of @deck, or
 * NULL on allocation failure. The slide must have loaded. */
pml_presentation *split_slide(const pml_presentation *deck, uint32_t index,
                              s2p_error *err);

#endif
