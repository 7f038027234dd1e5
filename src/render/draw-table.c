/*
 * Drawing tables: not implemented yet, reported as a diagnostic.
 */
#include "render/draw-table.h"

void
draw_table(draw_ctx *dc, const dml_shape *s, double w, double h)
{
	(void) w;
	(void) h;
	(void) s;
	pml_diag_add(dc->diags, dc->part, "table not drawn yet");
}
