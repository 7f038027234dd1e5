/*
 * Faces PowerPoint has and no free stand-in matches in width. For such a
 * face, drawn with a stand-in of other advances, a table gives the
 * advance of the original face (1/1000 em) next to the stand-in's for the
 * characters measured, so that text is spaced to the original's widths
 * and lines break where PowerPoint breaks them (draw-text.c adds the
 * difference as letter spacing on each character).
 *
 * Franklin Gothic Book over Liberation Sans: the original's advances are
 * those of the glyphs PowerPoint embedded in its PDF of a corpus deck
 * (wasm-typed-assembly; the ASCII its text uses), the stand-in's as
 * harfbuzz shapes them. Its text sets 2-4 % narrower than Liberation
 * Sans, enough to wrap one word in three of that deck's long lines.
 * Only the upright regular face is measured: bold and italic runs keep
 * the stand-in's widths.
 */
#include "render/draw-widths.h"

#include <string.h>
#include <strings.h>

typedef struct width_pair {
	uint32_t cp;
	int16_t orig, standin;
} width_pair;

struct draw_width_table {
	const char *family, *standin;
	const width_pair *w;
	size_t n;
};

static const width_pair franklin_book[] = {
	{ 0x0020, 250, 278 }, { 0x0021, 269, 278 }, { 0x0024, 586, 556 }, { 0x0025, 720, 889 },
	{ 0x0028, 293, 333 }, { 0x0029, 293, 333 }, { 0x002B, 586, 584 }, { 0x002C, 250, 278 },
	{ 0x002D, 250, 333 }, { 0x002E, 250, 278 }, { 0x0030, 586, 556 }, { 0x0031, 586, 556 },
	{ 0x0032, 586, 556 }, { 0x0033, 586, 556 }, { 0x0034, 586, 556 }, { 0x0035, 586, 556 },
	{ 0x0036, 586, 556 }, { 0x0037, 586, 556 }, { 0x0038, 586, 556 }, { 0x0039, 586, 556 },
	{ 0x003A, 250, 278 }, { 0x003B, 250, 278 }, { 0x003C, 586, 584 }, { 0x003D, 586, 584 },
	{ 0x003E, 586, 584 }, { 0x003F, 505, 556 }, { 0x0041, 536, 667 }, { 0x0042, 604, 667 },
	{ 0x0043, 579, 722 }, { 0x0044, 647, 722 }, { 0x0045, 548, 667 }, { 0x0046, 508, 611 },
	{ 0x0047, 647, 778 }, { 0x0048, 643, 722 }, { 0x0049, 250, 278 }, { 0x004A, 374, 500 },
	{ 0x004B, 628, 667 }, { 0x004C, 490, 556 }, { 0x004D, 810, 833 }, { 0x004E, 657, 722 },
	{ 0x004F, 631, 778 }, { 0x0050, 559, 667 }, { 0x0052, 613, 722 }, { 0x0053, 569, 667 },
	{ 0x0054, 485, 611 }, { 0x0055, 606, 722 }, { 0x0056, 537, 667 }, { 0x0057, 817, 944 },
	{ 0x0059, 510, 667 }, { 0x005A, 521, 611 }, { 0x005B, 293, 278 }, { 0x005D, 293, 278 },
	{ 0x005F, 500, 556 }, { 0x0061, 529, 556 }, { 0x0062, 537, 556 }, { 0x0063, 466, 500 },
	{ 0x0064, 539, 556 }, { 0x0065, 521, 556 }, { 0x0066, 300, 278 }, { 0x0067, 491, 556 },
	{ 0x0068, 540, 556 }, { 0x0069, 229, 222 }, { 0x006A, 229, 222 }, { 0x006B, 501, 500 },
	{ 0x006C, 230, 222 }, { 0x006D, 814, 833 }, { 0x006E, 542, 556 }, { 0x006F, 520, 556 },
	{ 0x0070, 534, 556 }, { 0x0071, 536, 556 }, { 0x0072, 330, 333 }, { 0x0073, 464, 500 },
	{ 0x0074, 308, 278 }, { 0x0075, 542, 556 }, { 0x0076, 450, 500 }, { 0x0077, 664, 722 },
	{ 0x0078, 424, 500 }, { 0x0079, 415, 500 }, { 0x007A, 423, 500 }, { 0x007B, 293, 334 },
	{ 0x007D, 293, 334 },
};

static const draw_width_table tables[] = {
	{ "Franklin Gothic Book", "Liberation Sans", franklin_book,
	  sizeof franklin_book / sizeof franklin_book[0] },
};

const draw_width_table *
draw_widths_find(const char *family, const char *standin, int bold, int italic)
{
	if (!family || !standin || bold || italic)
		return NULL;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcasecmp(tables[i].family, family) == 0 &&
		    strcasecmp(tables[i].standin, standin) == 0)
			return &tables[i];
	return NULL;
}

double
draw_widths_extra(const draw_width_table *t, uint32_t cp)
{
	size_t lo = 0, hi = t ? t->n : 0;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->w[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (t && lo < t->n && t->w[lo].cp == cp)
		return (t->w[lo].orig - t->w[lo].standin) / 1000.0;
	return 0;
}
