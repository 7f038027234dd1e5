/*
 * Font names: Office families mapped to metric-compatible free ones so
 * lines break where PowerPoint breaks them (fontconfig's metric aliases),
 * sensible stand-ins for the rest, and Symbol/Wingdings bullet characters
 * mapped to Unicode. The table is const and shared by all workers.
 */
#include "render/draw-font.h"

#include <string.h>
#include <strings.h>

static const struct { const char *from, *to; } font_map[] = {
	{ "Calibri", "Carlito" }, { "Calibri Light", "Carlito" },
	{ "Cambria", "Caladea" }, { "Cambria Math", "Caladea" },
	{ "Arial", "Liberation Sans" }, { "Helvetica", "Liberation Sans" },
	{ "Arial Narrow", "Liberation Sans Narrow" },
	{ "Arial Black", "Liberation Sans" },
	{ "Times New Roman", "Liberation Serif" }, { "Times", "Liberation Serif" },
	{ "Courier New", "Liberation Mono" }, { "Courier", "Liberation Mono" },
	{ "Consolas", "Liberation Mono" }, { "Lucida Console", "Liberation Mono" },
	{ "Bookman Old Style", "URW Bookman" }, { "Bookman", "URW Bookman" },
	{ "Century Schoolbook", "C059" }, { "Palatino", "P052" },
	{ "Franklin Gothic Book", "Liberation Sans" },
	{ "Franklin Gothic Medium", "Liberation Sans" },
	{ "Helvetica Neue", "Liberation Sans" },
	{ "Helvetica Neue Light", "Carlito" },
	{ "Helvetica Neue Condensed", "Liberation Sans Narrow" },
	{ "Lucida Grande", "DejaVu Sans" }, { "Lucida Sans", "DejaVu Sans" },
	{ "Segoe UI", "Noto Sans" }, { "Segoe UI Light", "Noto Sans" },
	{ "Segoe UI Semibold", "Noto Sans" }, { "Aptos", "Noto Sans" },
	{ "Aptos Display", "Noto Sans" }, { "Century Gothic", "URW Gothic" },
	{ "Verdana", "DejaVu Sans" }, { "Tahoma", "DejaVu Sans" },
	{ "Trebuchet MS", "DejaVu Sans" }, { "Georgia", "DejaVu Serif" },
	{ "Garamond", "Liberation Serif" }, { "Book Antiqua", "P052" },
	{ "Palatino Linotype", "P052" },
	{ "Meiryo", "Noto Sans CJK JP" }, { "Meiryo UI", "Noto Sans CJK JP" },
	{ "Yu Gothic", "Noto Sans CJK JP" }, { "Yu Gothic UI", "Noto Sans CJK JP" },
	{ "MS Gothic", "Noto Sans CJK JP" }, { "MS PGothic", "Noto Sans CJK JP" },
	{ "MS Mincho", "Noto Serif CJK JP" }, { "MS PMincho", "Noto Serif CJK JP" },
	{ "Yu Mincho", "Noto Serif CJK JP" },
	{ "Malgun Gothic", "Noto Sans CJK KR" }, { "Gulim", "Noto Sans CJK KR" },
	{ "Batang", "Noto Serif CJK KR" }, { "Dotum", "Noto Sans CJK KR" },
	{ "SimSun", "Noto Serif CJK SC" }, { "NSimSun", "Noto Serif CJK SC" },
	{ "SimHei", "Noto Sans CJK SC" }, { "Microsoft YaHei", "Noto Sans CJK SC" },
	{ "DengXian", "Noto Sans CJK SC" }, { "PMingLiU", "Noto Serif CJK TC" },
	{ "MingLiU", "Noto Serif CJK TC" }, { "Microsoft JhengHei", "Noto Sans CJK TC" },
	/* the same faces under their native names, as themes write them */
	{ "\xe6\xb8\xb8\xe3\x82\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf", "Noto Sans CJK JP" },       /* Yu Gothic */
	{ "\xe6\xb8\xb8\xe6\x98\x8e\xe6\x9c\x9d", "Noto Serif CJK JP" },                         /* Yu Mincho */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe3\x82\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf", "Noto Sans CJK JP" }, /* MS PGothic */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xe3\x82\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf", "Noto Sans CJK JP" },   /* MS Gothic */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe6\x98\x8e\xe6\x9c\x9d", "Noto Serif CJK JP" },  /* MS PMincho */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xe6\x98\x8e\xe6\x9c\x9d", "Noto Serif CJK JP" },    /* MS Mincho */
	{ "\xe3\x83\xa1\xe3\x82\xa4\xe3\x83\xaa\xe3\x82\xaa", "Noto Sans CJK JP" },              /* Meiryo */
	{ "\xeb\xa7\x91\xec\x9d\x80 \xea\xb3\xa0\xeb\x94\x95", "Noto Sans CJK KR" },            /* Malgun Gothic */
	{ "\xe5\xae\x8b\xe4\xbd\x93", "Noto Serif CJK SC" },                                      /* SimSun */
	{ "\xe7\xad\x89\xe7\xba\xbf", "Noto Sans CJK SC" },                                      /* DengXian */
	{ "\xe5\xbe\xae\xe8\xbd\xaf\xe9\x9b\x85\xe9\xbb\x91", "Noto Sans CJK SC" },              /* Microsoft YaHei */
	{ "\xe6\x96\xb0\xe7\xb4\xb0\xe6\x98\x8e\xe9\xab\x94", "Noto Serif CJK TC" },            /* PMingLiU */
	{ "Symbol", "DejaVu Sans" }, { "Wingdings", "DejaVu Sans" },
};

static const char *
lookup(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof font_map / sizeof font_map[0]; i++)
		if (strlen(font_map[i].from) == len &&
		    strncasecmp(name, font_map[i].from, len) == 0)
			return font_map[i].to;
	return NULL;
}

const char *
draw_font_family(const char *name)
{
	const char *to;
	size_t len;

	if (!name || !*name)
		return "Carlito";
	len = strlen(name);
	if ((to = lookup(name, len)) != NULL)
		return to;
	/* "Helvetica Neue Light", "Segoe UI Semibold": drop trailing style
	 * words until a known family is left */
	while (len > 0) {
		while (len > 0 && name[len - 1] != ' ')
			len--;
		while (len > 0 && name[len - 1] == ' ')
			len--;
		if (len && (to = lookup(name, len)) != NULL)
			return to;
	}
	return name;
}

/* Private-use and Latin-1 code points of the Symbol and Wingdings fonts
 * that decks use as bullets. */
static const struct { const char *font; uint32_t from, to; } sym_map[] = {
	{ "Wingdings", 0xA7, 0x25AA }, { "Wingdings", 0xA8, 0x25FB },
	{ "Wingdings", 0xD8, 0x27A2 }, { "Wingdings", 0xFC, 0x2714 },
	{ "Wingdings", 0xFB, 0x2718 }, { "Wingdings", 0x71, 0x2751 },
	{ "Wingdings", 0x6E, 0x25A0 }, { "Wingdings", 0x6C, 0x25CF },
	{ "Wingdings", 0x76, 0x2756 }, { "Wingdings", 0x75, 0x25C6 },
	{ "Wingdings", 0x77, 0x2B25 }, { "Wingdings", 0xE0, 0x2192 },
	{ "Wingdings", 0xE8, 0x2794 }, { "Wingdings", 0x9F, 0x2022 },
	{ "Wingdings", 0xDF, 0x2190 }, { "Wingdings", 0xE1, 0x2191 },
	{ "Wingdings", 0xE2, 0x2193 }, { "Wingdings", 0xE7, 0x2B05 },
	{ "Wingdings", 0xE9, 0x2B06 }, { "Wingdings", 0xEA, 0x2B07 },
	{ "Wingdings", 0xF0, 0x21E8 }, { "Wingdings", 0xEF, 0x21E6 },
	{ "Wingdings", 0xFD, 0x2612 }, { "Wingdings", 0xFE, 0x2611 },
	{ "Wingdings", 0x4A, 0x263A }, { "Wingdings", 0x4C, 0x2639 },
	{ "Wingdings", 0x6F, 0x25A1 }, { "Wingdings", 0x70, 0x25A1 },
	{ "Symbol", 0xB7, 0x2022 }, { "Symbol", 0x2D, 0x2212 },
	{ "Symbol", 0xAE, 0x2192 }, { "Symbol", 0xDE, 0x21D2 },
};

int
draw_font_is_symbol(const char *font)
{
	return font && (strncasecmp(font, "Wingdings", 9) == 0 ||
	                strcasecmp(font, "Symbol") == 0);
}

uint32_t
draw_font_symbol_char(const char *font, uint32_t cp)
{
	/* symbol fonts are often addressed in the F000 private-use block */
	uint32_t c = cp >= 0xF000 && cp <= 0xF0FF ? cp - 0xF000 : cp;

	if (!font)
		return cp;
	for (size_t i = 0; i < sizeof sym_map / sizeof sym_map[0]; i++)
		if (strncasecmp(font, sym_map[i].font, strlen(sym_map[i].font)) == 0 &&
		    sym_map[i].from == c)
			return sym_map[i].to;
	if (strncasecmp(font, "Wingdings", 9) == 0 || strcasecmp(font, "Symbol") == 0)
		return c >= 0x20 && c < 0x7F ? 0x2022 : cp;
	return cp;
}
