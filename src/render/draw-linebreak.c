/*
 * Line breaks the way PowerPoint chooses them where pango cannot: with
 * hangingPunct, an ideographic comma or full stop that does not fit at
 * the end of a line stays on it, past the right edge, instead of taking
 * the character before it to the next line (pango 1.50 has no hanging
 * punctuation). Pure arithmetic on positions pango measured; the caller
 * lays the lines out at the breaks chosen here.
 */
#include "render/draw-linebreak.h"

int
draw_hanging_char(uint32_t cp)
{
	switch (cp) {
	case 0x3001: case 0x3002:   /* 、。 */
	case 0xFF0C: case 0xFF0E:   /* ，． */
	case 0xFF61: case 0xFF64:   /* ｡､ (halfwidth) */
		return 1;
	default:
		return 0;
	}
}

/* The width of the line from @start up to the break before @p: trailing
 * blanks do not count, nor one trailing mark that may hang. */
static double
fit_width(const draw_break_char *c, int start, int p)
{
	int e = p;

	while (e > start && c[e - 1].white)
		e--;
	if (e > start + 1 && c[e - 1].hang)
		e--;
	return c[e].x - c[start].x;
}

int
draw_break_lines(const draw_break_char *c, int n, double first_w, double rest_w,
                 int *breaks, int max_breaks)
{
	int start = 0, nb = 0;

	while (start < n) {
		double avail = nb == 0 && start == 0 ? first_w : rest_w;
		int best = -1, best_char = -1, p;

		for (p = start + 1; p <= n; p++) {
			double w;
			if (p < n && !c[p].line_break && !c[p].mandatory && !c[p].char_break)
				continue;
			w = fit_width(c, start, p);
			if (p == n || c[p].mandatory) {
				if (w <= avail)
					best = p;
				break;
			}
			if (w > avail)
				break;
			if (c[p].line_break)
				best = p;
			else
				best_char = p;
		}
		if (best < 0)
			/* no word fits: break inside one, as pango does */
			best = best_char;
		if (best < 0) {
			/* nothing fits: the first opportunity after @start */
			for (best = start + 1; best < n && !c[best].line_break &&
			     !c[best].mandatory && !c[best].char_break; best++)
				;
		}
		if (best >= n)
			break;
		if (nb >= max_breaks)
			return -1;
		breaks[nb++] = best;
		start = best;
	}
	return nb;
}
