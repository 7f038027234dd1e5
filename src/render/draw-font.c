/*
 * Fonts: for each face a deck names, the installed family that draws it.
 * In order: the caller's map (--font-map), the face itself when installed
 * (--font-dir can add it), a metric-compatible clone or a stand-in from
 * the table below when that is installed, else nothing, and the caller
 * falls back (a latin face to the theme's body font, others to
 * fontconfig). Every substitution is noted once for the run's report.
 * Symbol fonts are drawn as Unicode instead (base/symfont.c). The tables
 * are const; a draw_fonts is read-only while workers run, but for its
 * notes, which its mutex guards.
 */
#include "render/draw-imp.h"
#include "render/draw-font.h"
#include "render/draw-widths.h"

#include "base/symfont.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Office families to metric-compatible clones (metric 1: the same advance
 * widths, so the same line breaks; fontconfig's 30-metric-aliases) and to
 * the nearest free faces (metric 0). */
static const struct font_entry { const char *from, *to; int metric; } font_table[] = {
	/* no light clone: Carlito at Calibri Light's widths (draw-widths.c) */
	{ "Calibri", "Carlito", 1 }, { "Calibri Light", "Carlito", 0 },
	{ "Cambria", "Caladea", 1 }, { "Cambria Math", "Caladea", 0 },
	{ "Arial", "Liberation Sans", 1 }, { "Helvetica", "Liberation Sans", 1 },
	/* Liberation Sans Narrow is not in liberation2; URW's is metric-compatible */
	{ "Arial Narrow", "Nimbus Sans Narrow", 1 },
	{ "Helvetica Narrow", "Nimbus Sans Narrow", 1 },
	{ "Arial Black", "Liberation Sans", 0 },
	{ "Times New Roman", "Liberation Serif", 1 }, { "Times", "Liberation Serif", 1 },
	{ "Courier New", "Liberation Mono", 1 }, { "Courier", "Liberation Mono", 1 },
	{ "Consolas", "Liberation Mono", 0 }, { "Lucida Console", "Liberation Mono", 0 },
	{ "Bookman Old Style", "URW Bookman", 0 }, { "Bookman", "URW Bookman", 1 },
	{ "Century Schoolbook", "C059", 0 }, { "Palatino", "P052", 1 },
	{ "Franklin Gothic Book", "Liberation Sans", 0 },
	{ "Franklin Gothic Medium", "Liberation Sans", 0 },
	{ "Helvetica Neue", "Liberation Sans", 0 },
	{ "Helvetica Neue Light", "Carlito", 0 },
	/* the Mac family has only Condensed Bold and Black: a narrow regular
	 * face breaks lines earlier than PowerPoint, Carlito nearly where it
	 * does (bamos poster title) */
	{ "Helvetica Neue Condensed", "Carlito", 0 },
	{ "Lucida Grande", "DejaVu Sans", 0 }, { "Lucida Sans", "DejaVu Sans", 0 },
	{ "Segoe UI", "Noto Sans", 0 }, { "Segoe UI Light", "Noto Sans", 0 },
	{ "Segoe UI Semibold", "Noto Sans", 0 }, { "Aptos", "Noto Sans", 0 },
	{ "Aptos Display", "Noto Sans", 0 }, { "Century Gothic", "URW Gothic", 0 },
	{ "Verdana", "DejaVu Sans", 0 }, { "Tahoma", "DejaVu Sans", 0 },
	{ "Trebuchet MS", "DejaVu Sans", 0 }, { "Georgia", "DejaVu Serif", 0 },
	{ "Garamond", "Liberation Serif", 0 }, { "Book Antiqua", "P052", 1 },
	{ "Palatino Linotype", "P052", 1 },
	/* the IPA faces have MS Gothic's and MS Mincho's widths (full and
	 * half em); their proportional faces are the nearest to MS PGothic's
	 * and MS PMincho's (owasp2017-ja: kana and punctuation in IPAPGothic
	 * 2 % narrower than PowerPoint's MS PGothic, Latin 13 % wider, made
	 * up in draw_font_pgothic_extra; Noto Sans CJK JP with palt is 9 %
	 * wider) */
	{ "MS Gothic", "IPAGothic", 1 }, { "MS PGothic", "IPAPGothic", 0 },
	{ "MS UI Gothic", "IPAPGothic", 0 },
	{ "MS Mincho", "IPAMincho", 1 }, { "MS PMincho", "IPAPMincho", 0 },
	{ "\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe3\x82\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf", "IPAPGothic", 0 }, /* MS PGothic */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xe3\x82\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf", "IPAGothic", 1 },   /* MS Gothic */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe6\x98\x8e\xe6\x9c\x9d", "IPAPMincho", 0 },  /* MS PMincho */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xe6\x98\x8e\xe6\x9c\x9d", "IPAMincho", 1 },    /* MS Mincho */
	/* without the IPA faces, Noto (with palt for the P faces); Meiryo's
	 * Latin at its own widths (draw-widths.c) */
	{ "Meiryo", "Noto Sans CJK JP", 0 }, { "Meiryo UI", "Noto Sans CJK JP", 0 },
	{ "Yu Gothic", "Noto Sans CJK JP", 0 }, { "Yu Gothic UI", "Noto Sans CJK JP", 0 },
	{ "MS Gothic", "Noto Sans CJK JP", 0 }, { "MS PGothic", "Noto Sans CJK JP", 0 },
	{ "MS Mincho", "Noto Serif CJK JP", 0 }, { "MS PMincho", "Noto Serif CJK JP", 0 },
	{ "Yu Mincho", "Noto Serif CJK JP", 0 },
	{ "Malgun Gothic", "Noto Sans CJK KR", 0 }, { "Gulim", "Noto Sans CJK KR", 0 },
	{ "Batang", "Noto Serif CJK KR", 0 }, { "Dotum", "Noto Sans CJK KR", 0 },
	{ "SimSun", "Noto Serif CJK SC", 0 }, { "NSimSun", "Noto Serif CJK SC", 0 },
	{ "SimHei", "Noto Sans CJK SC", 0 }, { "Microsoft YaHei", "Noto Sans CJK SC", 0 },
	{ "DengXian", "Noto Sans CJK SC", 0 }, { "PMingLiU", "Noto Serif CJK TC", 0 },
	{ "MingLiU", "Noto Serif CJK TC", 0 }, { "Microsoft JhengHei", "Noto Sans CJK TC", 0 },
	/* the same faces under their native names, as themes write them */
	{ "\xe6\xb8\xb8\xe3\x82\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf", "Noto Sans CJK JP", 0 },       /* Yu Gothic */
	{ "\xe6\xb8\xb8\xe6\x98\x8e\xe6\x9c\x9d", "Noto Serif CJK JP", 0 },                         /* Yu Mincho */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe3\x82\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf", "Noto Sans CJK JP", 0 }, /* MS PGothic */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xe3\x82\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf", "Noto Sans CJK JP", 0 },   /* MS Gothic */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xef\xbc\xb0\xe6\x98\x8e\xe6\x9c\x9d", "Noto Serif CJK JP", 0 },  /* MS PMincho */
	{ "\xef\xbc\xad\xef\xbc\xb3 \xe6\x98\x8e\xe6\x9c\x9d", "Noto Serif CJK JP", 0 },    /* MS Mincho */
	{ "\xe3\x83\xa1\xe3\x82\xa4\xe3\x83\xaa\xe3\x82\xaa", "Noto Sans CJK JP", 0 },              /* Meiryo */
	{ "\xeb\xa7\x91\xec\x9d\x80 \xea\xb3\xa0\xeb\x94\x95", "Noto Sans CJK KR", 0 },            /* Malgun Gothic */
	{ "\xe5\xae\x8b\xe4\xbd\x93", "Noto Serif CJK SC", 0 },                                      /* SimSun */
	{ "\xe7\xad\x89\xe7\xba\xbf", "Noto Sans CJK SC", 0 },                                      /* DengXian */
	{ "\xe5\xbe\xae\xe8\xbd\xaf\xe9\x9b\x85\xe9\xbb\x91", "Noto Sans CJK SC", 0 },              /* Microsoft YaHei */
	{ "\xe6\x96\xb0\xe7\xb4\xb0\xe6\x98\x8e\xe9\xab\x94", "Noto Serif CJK TC", 0 },            /* PMingLiU */
	/* Persian: Nazli (fonts-farsiweb) sets Persian text 3 % narrower
	 * than B Nazanin in PowerPoint's PDF of owasp2017-fa (DejaVu Sans,
	 * fontconfig's pick, 32 % wider; Noto Naskh Arabic 15 %); the other
	 * naskh text faces of the same series are given it unmeasured */
	{ "B Nazanin", "Nazli", 0 }, { "B Lotus", "Nazli", 0 },
	{ "B Mitra", "Nazli", 0 }, { "B Zar", "Nazli", 0 },
	{ "B Titr", "Titr", 0 }, { "B Homa", "Homa", 0 },
	/* IRANSans (portfolio-ml-fa): Noto Sans Arabic sets its Persian 3 %
	 * narrower, DejaVu Sans 3 % wider; Noto's is the closer design */
	{ "IRANSans", "Noto Sans Arabic", 0 },
	{ "Symbol", "DejaVu Sans", 0 }, { "Wingdings", "DejaVu Sans", 0 },
};


enum {
	NAME_MAX_BYTES = 256,   /* longer family names are never installed */
	NOTES_MAX = 256,        /* distinct substitutions kept per run */
	LANGS_MAX = 64          /* language tags normalised per run */
};

typedef struct font_note {
	char *requested;
	char *used;             /* NULL: fontconfig's choice for @lang */
	char *lang;             /* may be NULL */
	int kind;               /* enum s2p_font_kind */
} font_note;

/* The characters a family's faces can draw together (the faces pango can
 * load: TrueType and CFF); NULL when none is installed. */
typedef struct family_cover {
	char *key;              /* folded family name */
	FcCharSet *chars;
} family_cover;

struct draw_fonts {
	FcConfig *config;       /* NULL: fontconfig's current configuration */
	char **families;        /* installed families, folded, sorted */
	size_t n_families;
	char **arabic;          /* those with Arabic letters, the same way */
	size_t n_arabic;
	s2p_font_subst *map;    /* the caller's, strings owned */
	int n_map;
	pthread_mutex_t lock;   /* guards the notes and the coverage cache */
	font_note notes[NOTES_MAX];
	int n_notes;
	family_cover *covers;   /* families asked about so far, folded names */
	size_t n_covers, cap_covers;
	struct {                /* draw_font_language()'s answers */
		char *tag;
		PangoLanguage *lang;
	} langs[LANGS_MAX];
	int n_langs;
};

/* @name without blanks and ASCII-lowercased, as fontconfig compares
 * family names (FcStrCmpIgnoreBlanksAndCase). 0, or -1 if too long. */
static int
fold(const char *name, char *out, size_t size)
{
	size_t k = 0;

	for (const char *p = name; *p; p++) {
		if (*p == ' ')
			continue;
		if (k + 1 >= size)
			return -1;
		out[k++] = *p >= 'A' && *p <= 'Z' ? (char) (*p - 'A' + 'a') : *p;
	}
	out[k] = 0;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* 1 installed, 0 not, -1 unknown (no list: a draw_fonts-less worker). */
static int
installed(const draw_fonts *f, const char *name)
{
	char key[NAME_MAX_BYTES], *k = key;

	if (!f)
		return -1;
	if (fold(name, key, sizeof key) || !key[0])
		return 0;
	return bsearch(&k, f->families, f->n_families, sizeof *f->families,
	               cmp_str) != NULL;
}

/* Every family name fontconfig lists for @pat (all of a font's names:
 * English and localised), folded and sorted into *@out. */
static int
list_families(const draw_fonts *f, FcPattern *pat, char ***out, size_t *n_out,
              s2p_error *err)
{
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, (char *) NULL);
	FcFontSet *fs = pat && os ? FcFontList(f->config, pat, os) : NULL;
	char **list = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	for (int i = 0; fs && i < fs->nfont && !rc; i++) {
		FcChar8 *s;
		for (int k = 0; FcPatternGetString(fs->fonts[i], FC_FAMILY, k, &s) ==
		     FcResultMatch && !rc; k++) {
			char key[NAME_MAX_BYTES];
			if (fold((const char *) s, key, sizeof key) || !key[0])
				continue;
			if (n == cap) {
				size_t ncap = cap ? cap * 2 : 256;
				char **nf = s2p_realloc_array(list, ncap, sizeof *nf);
				if (!nf) {
					rc = -1;
					break;
				}
				list = nf;
				cap = ncap;
			}
			if (!(list[n] = s2p_strdup(key)))
				rc = -1;
			else
				n++;
		}
	}
	*out = list;
	*n_out = n;
	if (fs)
		FcFontSetDestroy(fs);
	if (os)
		FcObjectSetDestroy(os);
	if (rc || !fs)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory listing the fonts");
	qsort(list, n, sizeof *list, cmp_str);
	return 0;
}

/* The installed families, and those among them with Arabic letters. */
static int
list_all(draw_fonts *f, s2p_error *err)
{
	FcPattern *pat = FcPatternCreate(), *ar = FcPatternCreate();
	FcCharSet *cs = FcCharSetCreate();
	int rc;

	if (cs)
		FcCharSetAddChar(cs, 0x0627); /* ARABIC LETTER ALEF */
	if (ar && cs)
		FcPatternAddCharSet(ar, FC_CHARSET, cs);
	rc = list_families(f, pat, &f->families, &f->n_families, err);
	if (!rc)
		rc = list_families(f, cs ? ar : NULL, &f->arabic, &f->n_arabic, err);
	if (cs)
		FcCharSetDestroy(cs);
	if (ar)
		FcPatternDestroy(ar);
	if (pat)
		FcPatternDestroy(pat);
	return rc;
}

/* 1 if installed family @name has Arabic letters, 0 not, -1 unknown. */
static int
has_arabic(const draw_fonts *f, const char *name)
{
	char key[NAME_MAX_BYTES], *k = key;

	if (!f)
		return -1;
	if (fold(name, key, sizeof key) || !key[0])
		return 0;
	return bsearch(&k, f->arabic, f->n_arabic, sizeof *f->arabic,
	               cmp_str) != NULL;
}

static int
add_dirs(draw_fonts *f, const char *const *dirs, int n_dirs, s2p_error *err)
{
	f->config = FcInitLoadConfigAndFonts();
	if (!f->config)
		return S2P_FAIL(err, S2P_ENOMEM, "cannot load the fontconfig "
		                "configuration");
	for (int i = 0; i < n_dirs; i++) {
		struct stat st;
		if (!dirs[i] || !*dirs[i])
			return S2P_FAIL(err, S2P_EARG, "empty font folder name");
		if (stat(dirs[i], &st) != 0)
			return S2P_FAIL(err, S2P_EARG, "font folder '%s': %s", dirs[i],
			                strerror(errno));
		if (!S_ISDIR(st.st_mode))
			return S2P_FAIL(err, S2P_EARG, "font folder '%s' is not a "
			                "folder", dirs[i]);
		if (!FcConfigAppFontAddDir(f->config, (const FcChar8 *) dirs[i]))
			return S2P_FAIL(err, S2P_EARG, "cannot read the fonts in '%s'",
			                dirs[i]);
	}
	return 0;
}

static int
copy_map(draw_fonts *f, const s2p_font_subst *map, int n_map, s2p_error *err)
{
	if (n_map <= 0)
		return 0;
	f->map = s2p_calloc_array((size_t) n_map, sizeof *f->map);
	if (!f->map)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	for (int i = 0; i < n_map; i++) {
		if (!map[i].from || !*map[i].from || !map[i].to || !*map[i].to)
			return S2P_FAIL(err, S2P_EARG, "font substitution %d has an "
			                "empty family name", i + 1);
		f->map[i].from = s2p_strdup(map[i].from);
		f->map[i].to = s2p_strdup(map[i].to);
		f->n_map = i + 1;
		if (!f->map[i].from || !f->map[i].to)
			return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	}
	return 0;
}

draw_fonts *
draw_fonts_new(const char *const *dirs, int n_dirs, const s2p_font_subst *map,
               int n_map, s2p_error *err)
{
	draw_fonts *f = calloc(1, sizeof *f);

	if (!f) {
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	pthread_mutex_init(&f->lock, NULL);
	/* a configuration of the run's own, so the process's is not changed
	 * and nothing is added while other threads match fonts */
	if ((n_dirs > 0 && add_dirs(f, dirs, n_dirs, err)) ||
	    copy_map(f, map, n_map, err) || list_all(f, err)) {
		draw_fonts_free(f);
		return NULL;
	}
	/* a substitution the caller asked for and we cannot make is an
	 * error, not a silent fallback */
	for (int i = 0; i < f->n_map; i++)
		if (!installed(f, f->map[i].to)) {
			S2P_FAIL(err, S2P_EARG, "font substitution '%s=%s': '%s' is not "
			         "installed", f->map[i].from, f->map[i].to, f->map[i].to);
			draw_fonts_free(f);
			return NULL;
		}
	return f;
}

void
draw_fonts_free(draw_fonts *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n_families; i++)
		free(f->families[i]);
	free(f->families);
	for (size_t i = 0; i < f->n_arabic; i++)
		free(f->arabic[i]);
	free(f->arabic);
	for (int i = 0; i < f->n_map; i++) {
		free((char *) f->map[i].from);
		free((char *) f->map[i].to);
	}
	free(f->map);
	for (int i = 0; i < f->n_notes; i++) {
		free(f->notes[i].requested);
		free(f->notes[i].used);
		free(f->notes[i].lang);
	}
	for (size_t i = 0; i < f->n_covers; i++) {
		free(f->covers[i].key);
		if (f->covers[i].chars)
			FcCharSetDestroy(f->covers[i].chars);
	}
	free(f->covers);
	for (int i = 0; i < f->n_langs; i++)
		free(f->langs[i].tag);
	if (f->config)
		FcConfigDestroy(f->config);
	pthread_mutex_destroy(&f->lock);
	free(f);
}

FcConfig *
draw_fonts_config(const draw_fonts *f)
{
	return f ? f->config : NULL;
}

const char *
draw_fonts_table_name(size_t i)
{
	return i < S2P_ARRAY_LEN(font_table) ? font_table[i].from : NULL;
}

/* The first entry for the @len bytes of @name whose stand-in is
 * installed (or may be: @f NULL), else the first entry for it, else
 * NULL: a face may have several stand-ins in order of preference. */
static const struct font_entry *
table_lookup(const draw_fonts *f, const char *name, size_t len)
{
	const struct font_entry *first = NULL;

	for (size_t i = 0; i < S2P_ARRAY_LEN(font_table); i++)
		if (strlen(font_table[i].from) == len &&
		    strncasecmp(name, font_table[i].from, len) == 0) {
			if (installed(f, font_table[i].to) != 0)
				return &font_table[i];
			if (!first)
				first = &font_table[i];
		}
	return first;
}

/* The table's entry for @name, or for @name less trailing style words
 * ("Helvetica Neue Light", "Segoe UI Semibold"). */
static const struct font_entry *
table_find(const draw_fonts *f, const char *name)
{
	const struct font_entry *e;
	size_t len = strlen(name);

	if ((e = table_lookup(f, name, len)) != NULL)
		return e;
	while (len > 0) {
		while (len > 0 && name[len - 1] != ' ')
			len--;
		while (len > 0 && name[len - 1] == ' ')
			len--;
		if (len && (e = table_lookup(f, name, len)) != NULL)
			return e;
	}
	return NULL;
}

static void
put(char *fam, size_t size, const char *s)
{
	snprintf(fam, size, "%s", s);
}

int
draw_fonts_resolve(const draw_fonts *f, const char *name, char *fam,
                   size_t size)
{
	const struct font_entry *e;

	fam[0] = 0;
	if (!name || !*name)
		return DRAW_FONT_EXACT;
	for (int i = f ? f->n_map - 1 : -1; i >= 0; i--)
		if (strcasecmp(f->map[i].from, name) == 0) {
			/* the caller's choice wins (the last one given) */
			put(fam, size, f->map[i].to);
			return S2P_FONT_MAPPED;
		}
	if (s2p_symfont_is(name)) {
		/* the characters are mapped to Unicode: any face that has them */
		e = table_find(f, name);
		put(fam, size, e ? e->to : "DejaVu Sans");
		return S2P_FONT_SYMBOL;
	}
	if (installed(f, name) == 1) {
		put(fam, size, name);
		return DRAW_FONT_EXACT;
	}
	e = table_find(f, name);
	if (e && installed(f, e->to) != 0) {
		put(fam, size, e->to);
		return e->metric ? S2P_FONT_METRIC : S2P_FONT_STANDIN;
	}
	if (!f) /* nothing known: let fontconfig try the name */
		put(fam, size, name);
	return S2P_FONT_FALLBACK;
}

static int
eq_or_null(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

void
draw_fonts_note(draw_fonts *f, const char *requested, const char *used,
                const char *lang, int kind)
{
	font_note *n;

	if (!f || !requested || !*requested || kind == DRAW_FONT_EXACT)
		return;
	if (used && *used && strcasecmp(requested, used) == 0)
		return;
	if (used && !*used)
		used = NULL;
	if (used)
		lang = NULL; /* the language matters only to fontconfig's choice */
	pthread_mutex_lock(&f->lock);
	for (int i = 0; i < f->n_notes; i++) {
		n = &f->notes[i];
		if (strcmp(n->requested, requested) == 0 && eq_or_null(n->used, used) &&
		    eq_or_null(n->lang, lang)) {
			pthread_mutex_unlock(&f->lock);
			return;
		}
	}
	if (f->n_notes < NOTES_MAX) {
		n = &f->notes[f->n_notes];
		n->requested = s2p_strdup(requested);
		n->used = used ? s2p_strdup(used) : NULL;
		n->lang = lang ? s2p_strdup(lang) : NULL;
		n->kind = kind;
		if (n->requested && (n->used || !used) && (n->lang || !lang))
			f->n_notes++;
		else {
			free(n->requested);
			free(n->used);
			free(n->lang);
		}
	}
	pthread_mutex_unlock(&f->lock);
}

/* The family fontconfig gives for @name: what pango falls back to when
 * no family of its list is installed; for text in @lang, the first face
 * in fontconfig's order that covers that language (pango picks per
 * character, so a face without the script is never the one used). */
static char *
fc_choice(FcConfig *config, const char *name, const char *lang)
{
	FcPattern *pat = FcPatternCreate();
	FcFontSet *fs;
	FcResult res;
	FcChar8 *fam;
	char *out = NULL;

	if (!pat)
		return NULL;
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *) name);
	if (lang)
		FcPatternAddString(pat, FC_LANG, (const FcChar8 *) lang);
	FcConfigSubstitute(config, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	fs = FcFontSort(config, pat, FcFalse, NULL, &res);
	for (int i = 0; fs && i < fs->nfont && !out; i++) {
		FcLangSet *ls;
		if (lang && (FcPatternGetLangSet(fs->fonts[i], FC_LANG, 0, &ls) !=
		             FcResultMatch || FcLangSetHasLang(ls, (const FcChar8 *)
		                                               lang) == FcLangDifferentLang))
			continue;
		if (FcPatternGetString(fs->fonts[i], FC_FAMILY, 0, &fam) == FcResultMatch)
			out = s2p_strdup((const char *) fam);
	}
	if (!out && lang) {
		/* no face covers the language: fontconfig's best match */
		FcPattern *m = FcFontMatch(config, pat, &res);
		if (m && FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch)
			out = s2p_strdup((const char *) fam);
		if (m)
			FcPatternDestroy(m);
	}
	if (fs)
		FcFontSetDestroy(fs);
	FcPatternDestroy(pat);
	return out;
}

static int
cmp_subst(const void *a, const void *b)
{
	const s2p_font_substitution *x = a, *y = b;
	int c = strcmp(x->requested, y->requested);

	return c ? c : strcmp(x->used, y->used);
}

int
draw_fonts_report(draw_fonts *f, s2p_font_substitution **out, int *n_out)
{
	s2p_font_substitution *r;
	int n = 0;

	*out = NULL;
	*n_out = 0;
	if (!f || !f->n_notes)
		return 0;
	r = s2p_calloc_array((size_t) f->n_notes, sizeof *r);
	if (!r)
		return -1;
	for (int i = 0; i < f->n_notes; i++) {
		const font_note *fn = &f->notes[i];
		char *used = fn->used ? s2p_strdup(fn->used) :
		             fc_choice(f->config, fn->requested, fn->lang);
		int dup = 0;
		if (!used || strcasecmp(used, fn->requested) == 0) {
			free(used);
			continue;
		}
		for (int k = 0; k < n && !dup; k++)
			dup = strcmp(r[k].requested, fn->requested) == 0 &&
			      strcmp(r[k].used, used) == 0;
		if (dup || !(r[n].requested = s2p_strdup(fn->requested))) {
			free(used);
			continue;
		}
		r[n].used = used;
		r[n++].kind = fn->kind;
	}
	qsort(r, (size_t) n, sizeof *r, cmp_subst);
	*out = r;
	*n_out = n;
	return 0;
}

enum { COVERS_MAX = 512 };  /* families whose coverage is kept per run */

/* The characters the faces of @name that pango can load (TrueType and
 * CFF, not WOFF) draw together: a new FcCharSet, NULL if none. */
static FcCharSet *
family_chars(FcConfig *config, const char *name)
{
	FcPattern *pat = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_CHARSET, FC_FONTFORMAT, FC_FILE,
	                                   (char *) NULL);
	FcFontSet *fs = NULL;
	FcCharSet *u = NULL;

	if (pat && os && FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *) name))
		fs = FcFontList(config, pat, os);
	for (int i = 0; fs && i < fs->nfont; i++) {
		FcChar8 *fmt, *file;
		FcCharSet *cs;
		size_t n;
		if (FcPatternGetString(fs->fonts[i], FC_FONTFORMAT, 0, &fmt) !=
		    FcResultMatch || (strcmp((const char *) fmt, "TrueType") != 0 &&
		                      strcmp((const char *) fmt, "CFF") != 0) ||
		    FcPatternGetString(fs->fonts[i], FC_FILE, 0, &file) !=
		    FcResultMatch || FcPatternGetCharSet(fs->fonts[i], FC_CHARSET, 0,
		                                         &cs) != FcResultMatch)
			continue;
		n = strlen((const char *) file);
		if ((n > 5 && strcasecmp((const char *) file + n - 5, ".woff") == 0) ||
		    (n > 6 && strcasecmp((const char *) file + n - 6, ".woff2") == 0))
			continue;
		if (!u && !(u = FcCharSetCreate()))
			break;
		if (!FcCharSetMerge(u, cs, NULL)) {
			FcCharSetDestroy(u);
			u = NULL;
			break;
		}
	}
	if (fs)
		FcFontSetDestroy(fs);
	if (os)
		FcObjectSetDestroy(os);
	if (pat)
		FcPatternDestroy(pat);
	return u;
}

/* @family's characters, computed once per run (NULL: none, or not known).
 * The sets are never changed once made, so the caller reads them without
 * the lock. */
static const FcCharSet *
family_cover_get(draw_fonts *f, const char *family)
{
	char key[NAME_MAX_BYTES];
	const FcCharSet *cs = NULL;
	family_cover *c;

	if (fold(family, key, sizeof key) || !key[0])
		return NULL;
	pthread_mutex_lock(&f->lock);
	for (size_t i = 0; i < f->n_covers; i++)
		if (strcmp(f->covers[i].key, key) == 0) {
			cs = f->covers[i].chars;
			pthread_mutex_unlock(&f->lock);
			return cs;
		}
	if (f->n_covers == f->cap_covers && f->cap_covers < COVERS_MAX) {
		size_t ncap = f->cap_covers ? f->cap_covers * 2 : 16;
		family_cover *nc = s2p_realloc_array(f->covers, ncap, sizeof *nc);
		if (nc) {
			f->covers = nc;
			f->cap_covers = ncap;
		}
	}
	if (f->n_covers < f->cap_covers) {
		c = &f->covers[f->n_covers];
		c->key = s2p_strdup(key);
		c->chars = c->key ? family_chars(f->config, family) : NULL;
		if (c->key)
			f->n_covers++;
		cs = c->chars;
	}
	pthread_mutex_unlock(&f->lock);
	return cs;
}

/* Characters pango never picks a font for (it keeps the one around
 * them): spaces, controls, variation selectors and, from pango 1.50 on
 * (older versions looked them up), line and paragraph separators, which
 * is what every a:br becomes. */
static int
fontless_char(gunichar c)
{
	switch (g_unichar_type(c)) {
	case G_UNICODE_CONTROL: case G_UNICODE_FORMAT: case G_UNICODE_SURROGATE:
		return 1;
	case G_UNICODE_LINE_SEPARATOR: case G_UNICODE_PARAGRAPH_SEPARATOR:
		return pango_version() >= PANGO_VERSION_ENCODE(1, 50, 0);
	case G_UNICODE_SPACE_SEPARATOR:
		return c != 0x1680;
	default:
		return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
	}
}

/*
 * fontconfig sorts the faces of the first family of a pattern before
 * those of the others (a family named in the pattern weighs more than
 * language or style), and pango draws each character in the first face
 * of that order that has it: when the first family has every character,
 * the families after it are never used.
 */
int
draw_fonts_covers(draw_fonts *f, const char *family, const char *text, int len)
{
	const FcCharSet *cs = family_cover_get(f, family);

	if (!cs || !FcCharSetHasChar(cs, ' '))
		return 0;
	for (const char *p = text, *end = len < 0 ? NULL : text + len;
	     p && (!end || p < end) && *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!fontless_char(c) && !FcCharSetHasChar(cs, c))
			return 0;
	}
	return 1;
}

/* Which faces of a run draw @text: PowerPoint takes a:ea for East Asian
 * characters, a:cs for complex scripts, a:latin for the rest. */
enum { SCRIPT_LATIN = 1, SCRIPT_EA = 2, SCRIPT_CS = 4 };

/* The slot of a character of a script of its own. */
static unsigned
text_scripts_of(gunichar c)
{
	switch (g_unichar_get_script(c)) {
	case G_UNICODE_SCRIPT_HAN: case G_UNICODE_SCRIPT_HIRAGANA:
	case G_UNICODE_SCRIPT_KATAKANA: case G_UNICODE_SCRIPT_HANGUL:
	case G_UNICODE_SCRIPT_BOPOMOFO: case G_UNICODE_SCRIPT_YI:
		return SCRIPT_EA;
	case G_UNICODE_SCRIPT_ARABIC: case G_UNICODE_SCRIPT_HEBREW:
	case G_UNICODE_SCRIPT_SYRIAC: case G_UNICODE_SCRIPT_THAANA:
	case G_UNICODE_SCRIPT_DEVANAGARI: case G_UNICODE_SCRIPT_BENGALI:
	case G_UNICODE_SCRIPT_GURMUKHI: case G_UNICODE_SCRIPT_GUJARATI:
	case G_UNICODE_SCRIPT_ORIYA: case G_UNICODE_SCRIPT_TAMIL:
	case G_UNICODE_SCRIPT_TELUGU: case G_UNICODE_SCRIPT_KANNADA:
	case G_UNICODE_SCRIPT_MALAYALAM: case G_UNICODE_SCRIPT_SINHALA:
	case G_UNICODE_SCRIPT_THAI: case G_UNICODE_SCRIPT_LAO:
	case G_UNICODE_SCRIPT_TIBETAN: case G_UNICODE_SCRIPT_MYANMAR:
	case G_UNICODE_SCRIPT_KHMER:
		return SCRIPT_CS;
	default:
		return SCRIPT_LATIN;
	}
}

static unsigned
text_scripts(const char *text, int len)
{
	unsigned m = 0;

	if (!text)
		return 0;
	for (const char *p = text, *end = len < 0 ? NULL : text + len;
	     (!end || p < end) && *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		unsigned s = text_scripts_of(c);
		/* CJK punctuation and full-width forms are East Asian */
		if (s == SCRIPT_LATIN && ((c >= 0x3000 && c <= 0x303F) ||
		                          (c >= 0xFF00 && c <= 0xFFEF)))
			s = SCRIPT_EA;
		else if (s == SCRIPT_LATIN && g_unichar_isspace(c))
			s = 0;
		m |= s;
	}
	return m;
}

double
draw_font_size_pt(draw_ctx *dc, double pt)
{
	double s = dc->px_per_emu * 12700.0; /* device pixels per point */
	double max = DRAW_FONT_MAX_PX / s;

	/* measured on pango 1.50 / cairo 1.16: the font is refused once
	 * size x s x s passes 65535 (the pixel size pango asks fontconfig
	 * for carries the scale twice when text is laid out in points) */
	if (max > 60000.0 / (s * s))
		max = 60000.0 / (s * s);

	if (!(pt > max))
		return pt;
	pml_diag_add(dc->diags, dc->part, "text of %.0f pt is larger than can be "
	             "drawn at this output width; drawn at %.0f pt", pt, max);
	return max;
}

/*
 * The slot (SCRIPT_LATIN, SCRIPT_EA, SCRIPT_CS) whose face PowerPoint
 * draws character @c in, or 0 for characters of no script of their own
 * (spaces, digits, punctuation, joiners), which take the face of the
 * text around them.
 */
static unsigned
char_slot(gunichar c)
{
	GUnicodeScript sc = g_unichar_get_script(c);

	if (sc == G_UNICODE_SCRIPT_COMMON || sc == G_UNICODE_SCRIPT_INHERITED ||
	    sc == G_UNICODE_SCRIPT_UNKNOWN)
		return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ?
		       SCRIPT_EA : 0;
	return text_scripts_of(c);
}

int
draw_font_segment(const char *text, int len)
{
	unsigned slot = 0;
	const char *p = text, *end = text + len;

	for (; p < end; p = g_utf8_next_char(p)) {
		unsigned s = char_slot(g_utf8_get_char(p));
		if (!s)
			continue;
		if (slot && s != slot)
			break;
		slot = s;
	}
	return p < end ? (int) (p - text) : len;
}

/* 1 if @text's characters with a script of their own are all of a
 * complex script (and there is one). */
static int
complex_only(const char *text, int len)
{
	unsigned m = 0;

	for (const char *p = text, *end = len < 0 ? NULL : text + len;
	     text && (!end || p < end) && *p; p = g_utf8_next_char(p))
		m |= char_slot(g_utf8_get_char(p));
	return m == SCRIPT_CS;
}

/* Arabic-script faces for faces whose stand-ins have Latin only. Arial's
 * and Times New Roman's Arabic (one design) set Persian text 1 %
 * narrower than Amiri in PowerPoint's PDF of owasp2017-fa (Noto Naskh
 * Arabic 4 % wider, DejaVu Sans, fontconfig's pick, 24 %). */
static const struct { const char *face, *arabic; } arabic_table[] = {
	{ "Segoe UI", "Noto Sans Arabic" },
	/* PowerPoint without Liberation Sans draws it in Arial Unicode MS
	 * (the same panose), whose Arabic sets as wide as Noto Sans Arabic
	 * (1.00 over 117 words of owasp2017-fa; Amiri 0.85) */
	{ "Liberation Sans", "Noto Sans Arabic" },
	{ "Arial Unicode MS", "Noto Sans Arabic" },
};

/* Windows draws Arabic letters that the named face lacks (a face it does
 * not have, or Latin-only ones such as Liberation Sans or Exo 2) with
 * Arial's Arabic, as owasp2017-fa's titles and tables show. */
#define ARABIC_DEFAULT "Amiri"

static const char *
arabic_face(const char *face)
{
	for (size_t i = 0; face && i < S2P_ARRAY_LEN(arabic_table); i++)
		if (strcasecmp(face, arabic_table[i].face) == 0)
			return arabic_table[i].arabic;
	return ARABIC_DEFAULT;
}

const char *
draw_font_face(draw_ctx *dc, const dml_rpr *r, const char *name)
{
	const char *face = resolve_font_lang(&dc->rc, name, r->lang);

	/* a theme with no ea face of its own names one per script: a Latin
	 * run (lang en-US) of Japanese text takes altLang's */
	if ((!face || !*face) && r->alt_lang)
		face = resolve_font_lang(&dc->rc, name, r->alt_lang);
	return face;
}

void
draw_font_arabic_family(draw_ctx *dc, const char *face, char *fam, size_t size)
{
	draw_fonts *f = dc->w->fonts;

	fam[0] = 0;
	if (!face || !*face)
		return;
	draw_fonts_resolve(f, face, fam, size);
	if (!fam[0] || has_arabic(f, fam) == 0)
		put(fam, size, arabic_face(face));
}

const char *
draw_font_line_face(draw_ctx *dc, const dml_rpr *r, const char *text, int len)
{
	const char *face;

	if (complex_only(text, len))
		face = draw_font_face(dc, r, r->cs ? r->cs : "+mn-cs");
	else if (text_scripts(text, len) & SCRIPT_EA)
		face = draw_font_face(dc, r, r->ea ? r->ea : "+mn-ea");
	else
		face = draw_font_face(dc, r, r->latin ? r->latin : "+mn-lt");
	return face && *face ? face : NULL;
}

void
draw_font_families(draw_ctx *dc, const dml_rpr *r, const char *text, int len,
                   char *out, size_t size)
{
	draw_fonts *f = dc->w->fonts;
	const char *faces[5];
	char fam[5][NAME_MAX_BYTES];
	int kind[5], order[5] = { 0, 1, 2, 3, 4 };
	unsigned scripts = text_scripts(text, len);
	size_t k = 0;

	/* a:latin may name a theme's east-asian face (+mn-ea) too */
	faces[0] = draw_font_face(dc, r, r->latin ? r->latin : "+mn-lt");
	/* a latin face the machine lacks falls back to the theme's body font
	 * (as PowerPoint does), not to the east-asian face */
	faces[1] = resolve_font(&dc->rc, "+mn-lt");
	faces[2] = draw_font_face(dc, r, r->ea ? r->ea : "+mn-ea");
	faces[3] = draw_font_face(dc, r, r->cs ? r->cs : "+mn-cs");
	faces[4] = NULL;
	if (complex_only(text, len)) {
		/* Persian, Hebrew ... text with its spaces and punctuation: all
		 * in the complex-script face, even when the latin face has the
		 * script too */
		order[0] = 3, order[1] = 4, order[2] = 0, order[3] = 1, order[4] = 2;
	}
	out[0] = 0;
	/* pango takes, per character, the first family that has the glyph:
	 * latin (or its stand-in) for Latin text, then the east-asian and
	 * complex-script faces for the scripts the latin faces lack, which is
	 * how PowerPoint picks a:latin/a:ea/a:cs by script */
	for (int i = 0; i < 5; i++) {
		if (i == 4) {
			/* Arabic for complex-script text when the cs face (or
			 * its stand-in) has none: pango takes it only for the
			 * letters the faces before it lack */
			faces[4] = scripts & SCRIPT_CS && (!fam[3][0] ||
			           has_arabic(f, fam[3]) == 0) ? arabic_face(faces[3]) :
			           NULL;
			kind[4] = S2P_FONT_STANDIN;
			put(fam[4], sizeof fam[4], faces[4] && installed(f, faces[4]) != 0 ?
			    faces[4] : "");
			continue;
		}
		kind[i] = draw_fonts_resolve(f, faces[i], fam[i], sizeof fam[i]);
		if (i == 0 && !fam[0][0] && (!faces[0] || !*faces[0]))
			put(fam[0], sizeof fam[0], "Carlito"); /* no face at all */
	}
	for (int o = 0; o < 5; o++) {
		int i = order[o], dup = 0;
		for (int q = 0; q < o && !dup; q++)
			dup = !strcmp(fam[order[q]], fam[i]);
		if (!fam[i][0] || dup || k >= size)
			continue;
		k += (size_t) snprintf(out + k, size - k, "%s%s", k ? "," : "",
		                       fam[i]);
	}
	if (!out[0])
		put(out, size, "sans-serif");
	if (!f)
		return;
	/* fewer distinct patterns: each costs fontconfig a sort of every
	 * installed face, per worker */
	if (strchr(out, ',')) {
		char first[NAME_MAX_BYTES];
		size_t n = (size_t) (strchr(out, ',') - out);
		if (n < sizeof first) {
			memcpy(first, out, n);
			first[n] = 0;
			if (draw_fonts_covers(f, first, text, len))
				out[n] = 0;
		}
	}
	if (scripts & SCRIPT_LATIN)
		draw_fonts_note(f, faces[0], fam[0][0] ? fam[0] :
		                fam[1][0] ? fam[1] : NULL, NULL, kind[0]);
	if (scripts & SCRIPT_EA)
		draw_fonts_note(f, faces[2], fam[2], r->lang, kind[2]);
	if (scripts & SCRIPT_CS)
		draw_fonts_note(f, faces[3], fam[4][0] ? fam[4] : fam[3], r->lang,
		                fam[4][0] ? kind[4] : kind[3]);
}

/* Whether fontconfig's rules treat text in languages @a and @b alike:
 * the same edits (the preferred families of the generic ones) whatever
 * the language. */
static int
same_rules(FcConfig *config, const char *a, const char *b)
{
	static const char *const generic[] = { "sans-serif", "serif", "monospace" };
	int same = 1;

	for (size_t i = 0; i < S2P_ARRAY_LEN(generic) && same; i++) {
		FcPattern *p[2];
		const char *lang[2] = { a, b };
		for (int k = 0; k < 2; k++) {
			p[k] = FcPatternCreate();
			if (p[k] && (!FcPatternAddString(p[k], FC_FAMILY, (const FcChar8 *)
			                                 generic[i]) ||
			             !FcPatternAddString(p[k], FC_LANG, (const FcChar8 *)
			                                 lang[k]) ||
			             !FcConfigSubstitute(config, p[k], FcMatchPattern))) {
				FcPatternDestroy(p[k]);
				p[k] = NULL;
			}
			if (p[k])
				FcPatternDel(p[k], FC_LANG);
		}
		same = p[0] && p[1] && FcPatternEqual(p[0], p[1]);
		for (int k = 0; k < 2; k++)
			if (p[k])
				FcPatternDestroy(p[k]);
	}
	return same;
}

/* 1 if @lang is English with a region (en-US, en-gb, en_AU). */
static int
english_with_region(const char *lang)
{
	const char *p;
	size_t n;

	/* the prefix first: a shorter tag ends before lang + 3 */
	if (g_ascii_strncasecmp(lang, "en", 2) != 0 ||
	    (lang[2] != '-' && lang[2] != '_'))
		return 0;
	p = lang + 3;
	n = strcspn(p, "-_");
	return !p[n] && (n == 2 || (n == 3 && p[0] >= '0' && p[0] <= '9'));
}

/*
 * English with a region becomes plain English when fontconfig's rules
 * treat both alike. fontconfig adds English to every pattern's languages
 * (its default), so fonts rank the same for en-GB text as for en text,
 * and en-US, en-GB and en text share one pattern per font. Other
 * languages keep their region: with English beside them, fa-IR and fa
 * rank Persian-only fonts against English ones differently.
 */
PangoLanguage *
draw_font_language(draw_fonts *f, const char *lang)
{
	PangoLanguage *out = NULL;

	if (!lang || !*lang)
		return NULL;
	if (!f || !english_with_region(lang))
		return pango_language_from_string(lang);
	pthread_mutex_lock(&f->lock);
	for (int i = 0; i < f->n_langs && !out; i++)
		if (strcmp(f->langs[i].tag, lang) == 0)
			out = f->langs[i].lang;
	if (!out) {
		out = pango_language_from_string(same_rules(f->config, lang, "en") ?
		                                 "en" : lang);
		if (f->n_langs < LANGS_MAX) {
			char *t = s2p_strdup(lang);
			if (t) {
				f->langs[f->n_langs].tag = t;
				f->langs[f->n_langs++].lang = out;
			}
		}
	}
	pthread_mutex_unlock(&f->lock);
	return out;
}


int
draw_font_pgothic_standin(draw_ctx *dc, const dml_rpr *r)
{
	char fam[NAME_MAX_BYTES];
	const char *ea = draw_font_face(dc, r, r->ea ? r->ea : "+mn-ea");
	int kind = draw_fonts_resolve(dc->w->fonts, ea, fam, sizeof fam);

	return kind != DRAW_FONT_EXACT && strcasecmp(fam, "IPAPGothic") == 0;
}

int
draw_font_pgothic_latin(draw_ctx *dc, const dml_rpr *r)
{
	char fam[NAME_MAX_BYTES];
	const char *latin = draw_font_face(dc, r, r->latin ? r->latin : "+mn-lt");
	int kind = draw_fonts_resolve(dc->w->fonts, latin, fam, sizeof fam);

	return kind != DRAW_FONT_EXACT && strcasecmp(fam, "IPAPGothic") == 0;
}

double
draw_font_pgothic_extra(uint32_t cp)
{
	return draw_widths_extra(draw_widths_pgothic(), cp);
}
