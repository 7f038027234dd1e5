/*
 * DrawingML charts in the model (a graphicFrame's chart). Lives in the
 * owning sheet's arena; immutable once loaded.
 */
#ifndef S2P_MODEL_DML_CHART_H
#define S2P_MODEL_DML_CHART_H

#include "model/dml.h"

struct dml_chart {
	uint32_t reserved;
};

/* Release the media references the chart holds. NULL is allowed. */
void dml_chart_release(dml_chart *t);

#endif
