/*
 * Loading a graphicFrame's chart into the model.
 */
#ifndef S2P_LOAD_LOAD_CHART_H
#define S2P_LOAD_LOAD_CHART_H

#include "load/load-imp.h"

/* Load the chart part that relationship @rid of the current part points
 * at into *out (in lp's arena). Returns 0 or an error code; an unusable
 * chart is reported as a diagnostic and left NULL. */
int load_chart_parse(load_part *lp, const char *rid, dml_chart **out);

/* A cx:chart (chartEx: waterfall, treemap, sunburst, ...) met without an
 * mc:Fallback picture: a diagnostic naming its layout. Returns 0 or
 * S2P_ENOMEM. */
int load_chartex_note(load_part *lp, const char *rid);

#endif
