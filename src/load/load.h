/*
 * load: package -> pml_presentation, on the calling thread, once. Every
 * part and media file is read before this returns; the package may be
 * closed afterwards.
 */
#ifndef S2P_LOAD_LOAD_H
#define S2P_LOAD_LOAD_H

#include "model/pml.h"
#include "opc/opc.h"

/* Parse the presentation in @pkg. A slide that fails is recorded in its
 * entry (slide == NULL, error set) and does not fail the deck. Returns
 * NULL with @err set if the deck as a whole cannot be read. */
pml_presentation *load_presentation(opc_package *pkg, s2p_error *err);

#endif
