/*
 * DrawingML tables in the model (a graphicFrame's table). Lives in the
 * owning sheet's arena; immutable once loaded.
 */
#ifndef S2P_MODEL_DML_TABLE_H
#define S2P_MODEL_DML_TABLE_H

#include "model/dml.h"

struct dml_table {
	uint32_t reserved;
};

/* Release the media references the table holds. NULL is allowed. */
void dml_table_release(dml_table *t);

#endif
