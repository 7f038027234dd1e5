/*
 * load: package -> pml_presentation, on the calling thread, once: the
 * presentation part first, then the slides in order (all at once with
 * load_presentation(), or one by one in a session, so that the first
 * slides can render while the next ones load). Only the thread that
 * began a session uses it (libzip and libxml2 stay on that thread).
 */
#ifndef S2P_LOAD_LOAD_H
#define S2P_LOAD_LOAD_H

#include "model/pml.h"
#include "opc/opc.h"

/* Parse the presentation in @pkg. A slide that fails is recorded in its
 * entry (slide == NULL, error set) and does not fail the deck. Returns
 * NULL with @err set if the deck as a whole cannot be read. */
pml_presentation *load_presentation(opc_package *pkg, s2p_error *err);

typedef struct load_session load_session;

/* Parse presentation.xml of @pkg: slide size, default text style, table
 * styles and the slide list, with each entry's part but no slide parsed
 * yet. *@out gets the presentation (the caller's; it outlives the
 * session). @pkg must stay open until load_end(). NULL, with @err set and
 * *@out NULL, if the deck as a whole cannot be read. */
load_session *load_begin(opc_package *pkg, pml_presentation **out,
                         s2p_error *err);

/* Parse slide @index (0-based) of @p into its entry (slide, hidden, or
 * error), with the layouts, masters, themes and media it needs (parsed
 * once per session). Entries are best parsed in order; parsing one twice
 * does nothing. Objects already handed to other threads are only ever
 * referenced again (atomic counts), never changed. */
void load_slide_entry(load_session *s, pml_presentation *p, uint32_t index);

/* Free the session's caches (the presentation keeps its references).
 * NULL is allowed. */
void load_end(load_session *s);

#endif
