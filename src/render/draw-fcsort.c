/*
 * One fontconfig sort per font request, not one per request and size.
 *
 * pango 1.50 asks fontconfig for the fonts of every new pattern it meets:
 * FcFontSetMatch for the first font and FcFontSetSort for the fallbacks,
 * each scoring every installed font (about 500 on a desktop Debian, 2-8
 * million instructions a call). Its patterns carry the pixel size, so a
 * deck whose text comes in 20 sizes pays 20 sorts for one family, and
 * each worker, having its own font map, pays them again: on a text-heavy
 * deck the sorts were 15-20 % of all the work.
 *
 * The order fontconfig returns depends on the size only through fonts that
 * carry a size themselves (bitmap strikes: FC_PIXEL_SIZE; optical size
 * ranges: FC_SIZE). So this file defines FcFontSetSort and FcFontSetMatch
 * in the executable, where the dynamic linker finds them before
 * libfontconfig's: each call looks the pattern up without its sizes in a
 * process-wide cache and only calls fontconfig's own function (dlsym
 * RTLD_NEXT) on a miss. The answer is the one fontconfig gives:
 *
 * - the key is the whole pattern minus FC_SIZE and FC_PIXEL_SIZE, plus
 *   the matcher's trim flag and which font list was asked about (pango
 *   hands over a fresh copy of its list with every request, so lists are
 *   told apart by the fonts they hold, kept referenced: known_set());
 * - when the fonts of those sets carry at most one pixel size V and no
 *   FC_SIZE (Noto Color Emoji's 109 px strikes are the usual one), the
 *   key also holds whether the pattern asks for exactly V (the only case
 *   where that font can tie with another); more sizes than that, and the
 *   cache stands aside;
 * - a match returns FcFontRenderPrepare() of the cached best font with
 *   the caller's pattern, as fontconfig's FcFontSetMatch does;
 * - the cache holds a reference on the FcConfig it answers for; asking
 *   with another configuration empties it.
 *
 * With draw-ftface.c, the cache is the process-wide mutable state of the
 * renderer; its mutex covers it (pango calls from its own thread pool
 * too).
 * draw_fcsort_set_enabled(0) turns it off (a test compares outputs).
 */
#define _GNU_SOURCE
#include "render/draw-imp.h"

#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Entries kept at most; beyond that, fontconfig answers uncached. */
enum { FCSORT_MAX_ENTRIES = 512 };

#define KEY_TRIM "s2p-trim"
#define KEY_PX "s2p-pixelsize-eq"
#define KEY_SETS "s2p-sets"

typedef struct fcsort_entry {
	FcPattern *key;
	int is_match;          /* a FcFontSetMatch answer, else a sort */
	FcFontSet *sorted;     /* sort: the fonts, referenced */
	FcPattern *best;       /* match: the best font, referenced */
	FcResult result;
} fcsort_entry;

typedef FcFontSet *(*sort_fn)(FcConfig *, FcFontSet **, int, FcPattern *,
                              FcBool, FcCharSet **, FcResult *);
typedef FcPattern *(*match_fn)(FcConfig *, FcFontSet **, int, FcPattern *,
                               FcResult *);

/* A font set pango asked about. pango hands fontconfig a fresh copy of
 * its font list with every request, so sets are told apart by their
 * fonts, not their address. */
typedef struct fcsort_set {
	FcFontSet *fonts;         /* copy, fonts referenced */
	int sizes_matter;         /* several bitmap sizes, or FC_SIZE: no caching */
	int has_px;               /* one bitmap size: px_value */
	double px_value;
} fcsort_set;

enum { FCSORT_MAX_SETS = 4 };

static struct {
	pthread_mutex_t lock;
	int disabled;
	FcConfig *config;         /* referenced while anything is cached */
	fcsort_set sets[FCSORT_MAX_SETS];
	int n_sets;
	fcsort_entry entries[FCSORT_MAX_ENTRIES];
	int n_entries;
	unsigned long hits, misses;
} cache = { .lock = PTHREAD_MUTEX_INITIALIZER };

void
draw_fcsort_set_enabled(int on)
{
	pthread_mutex_lock(&cache.lock);
	cache.disabled = !on;
	pthread_mutex_unlock(&cache.lock);
}

void
draw_fcsort_stats(unsigned long *hits, unsigned long *misses)
{
	pthread_mutex_lock(&cache.lock);
	*hits = cache.hits;
	*misses = cache.misses;
	pthread_mutex_unlock(&cache.lock);
}

static void
entry_fini(fcsort_entry *e)
{
	FcPatternDestroy(e->key);
	if (e->sorted)
		FcFontSetDestroy(e->sorted);
	if (e->best)
		FcPatternDestroy(e->best);
	memset(e, 0, sizeof *e);
}

/* Lock held: forget everything (another configuration is asking). */
static void
cache_reset(void)
{
	for (int i = 0; i < cache.n_entries; i++)
		entry_fini(&cache.entries[i]);
	cache.n_entries = 0;
	for (int i = 0; i < cache.n_sets; i++)
		FcFontSetDestroy(cache.sets[i].fonts);
	memset(cache.sets, 0, sizeof cache.sets);
	cache.n_sets = 0;
	if (cache.config)
		FcConfigDestroy(cache.config);
	cache.config = NULL;
}

static FcFontSet *copy_set(const FcFontSet *s);

/* The sizes the fonts of @k carry. */
static void
scan_sizes(fcsort_set *k)
{
	const FcFontSet *s = k->fonts;

	for (int i = 0; i < s->nfont; i++) {
		FcValue v;
		double px;

		if (FcPatternGet(s->fonts[i], FC_SIZE, 0, &v) == FcResultMatch) {
			k->sizes_matter = 1;
			return;
		}
		if (FcPatternGetDouble(s->fonts[i], FC_PIXEL_SIZE, 0, &px) !=
		    FcResultMatch)
			continue;
		if (k->has_px && px != k->px_value) {
			k->sizes_matter = 1;
			return;
		}
		k->has_px = 1;
		k->px_value = px;
	}
}

/* Lock held: the known set holding the same fonts as @s, added if new;
 * NULL when there is no room. */
static fcsort_set *
known_set(const FcFontSet *s)
{
	fcsort_set *k;

	for (int i = 0; i < cache.n_sets; i++) {
		k = &cache.sets[i];
		if (k->fonts->nfont == s->nfont &&
		    (s->nfont == 0 || memcmp(k->fonts->fonts, s->fonts,
		                             (size_t) s->nfont * sizeof *s->fonts) == 0))
			return k;
	}
	if (cache.n_sets == FCSORT_MAX_SETS)
		return NULL;
	k = &cache.sets[cache.n_sets];
	k->fonts = copy_set(s);
	if (!k->fonts)
		return NULL;
	cache.n_sets++;
	scan_sizes(k);
	return k;
}

/* Lock held: the key for @p over @sets, or NULL (do not cache). */
static FcPattern *
make_key(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p,
         FcBool trim)
{
	fcsort_set *k;
	FcPattern *key;
	double px;

	/* pango asks about one set, its own copy of the config's fonts */
	if (cache.disabled || !config || nsets != 1 || !sets[0])
		return NULL;
	if (cache.config != config) {
		cache_reset();
		cache.config = config;
		FcConfigReference(config);
	}
	k = known_set(sets[0]);
	if (!k || k->sizes_matter)
		return NULL;
	key = FcPatternDuplicate(p);
	if (!key)
		return NULL;
	FcPatternDel(key, FC_SIZE);
	FcPatternDel(key, FC_PIXEL_SIZE);
	FcPatternAddBool(key, KEY_TRIM, trim);
	FcPatternAddBool(key, KEY_PX, k->has_px &&
	                 FcPatternGetDouble(p, FC_PIXEL_SIZE, 0, &px) ==
	                 FcResultMatch && px == k->px_value);
	FcPatternAddInteger(key, KEY_SETS, (int) (k - cache.sets));
	return key;
}

/* Lock held: the entry for @k of this kind, or NULL. */
static fcsort_entry *
lookup(const FcPattern *k, int is_match)
{
	for (int i = 0; i < cache.n_entries; i++)
		if (cache.entries[i].is_match == is_match &&
		    FcPatternEqual(cache.entries[i].key, k))
			return &cache.entries[i];
	return NULL;
}

static FcFontSet *
copy_set(const FcFontSet *s)
{
	FcFontSet *r = FcFontSetCreate();

	for (int i = 0; r && s && i < s->nfont; i++) {
		FcPatternReference(s->fonts[i]);
		if (!FcFontSetAdd(r, s->fonts[i])) {
			FcPatternDestroy(s->fonts[i]);
			FcFontSetDestroy(r);
			return NULL;
		}
	}
	return r;
}

FcFontSet *
FcFontSetSort(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p,
              FcBool trim, FcCharSet **csp, FcResult *result)
{
	static sort_fn real;
	FcFontSet *got, *kept;
	FcPattern *k = NULL;
	fcsort_entry *e;

	pthread_mutex_lock(&cache.lock);
	if (!real)
		real = (sort_fn) dlsym(RTLD_NEXT, "FcFontSetSort");
	/* the coverage union (csp) is not kept: pango never asks for it */
	if (real && !csp)
		k = make_key(config, sets, nsets, p, trim);
	if (k && (e = lookup(k, 0)) != NULL) {
		got = copy_set(e->sorted);
		if (got) {
			cache.hits++;
			*result = e->result;
			pthread_mutex_unlock(&cache.lock);
			FcPatternDestroy(k);
			return got;
		}
	}
	pthread_mutex_unlock(&cache.lock);
	if (!real) {
		FcPatternDestroy(k);
		*result = FcResultNoMatch;
		return NULL;
	}
	got = real(config, sets, nsets, p, trim, csp, result);
	if (!k)
		return got;
	kept = got ? copy_set(got) : NULL;
	pthread_mutex_lock(&cache.lock);
	cache.misses++;
	if (kept && cache.config == config && !lookup(k, 0) &&
	    cache.n_entries < FCSORT_MAX_ENTRIES) {
		e = &cache.entries[cache.n_entries++];
		e->key = k;
		e->is_match = 0;
		e->sorted = kept;
		e->result = *result;
		k = NULL;
		kept = NULL;
	}
	pthread_mutex_unlock(&cache.lock);
	FcPatternDestroy(k);
	if (kept)
		FcFontSetDestroy(kept);
	return got;
}

/* The font of @sets that fontconfig prepared as @prepared (same file and
 * face index), or NULL. */
static FcPattern *
find_font(FcFontSet **sets, int nsets, const FcPattern *prepared)
{
	FcChar8 *file, *f;
	int index = 0, i2;

	if (FcPatternGetString(prepared, FC_FILE, 0, &file) != FcResultMatch)
		return NULL;
	FcPatternGetInteger(prepared, FC_INDEX, 0, &index);
	for (int s = 0; s < nsets; s++)
		for (int i = 0; sets[s] && i < sets[s]->nfont; i++) {
			FcPattern *font = sets[s]->fonts[i];
			i2 = 0;
			FcPatternGetInteger(font, FC_INDEX, 0, &i2);
			if (i2 == index &&
			    FcPatternGetString(font, FC_FILE, 0, &f) == FcResultMatch &&
			    strcmp((const char *) f, (const char *) file) == 0)
				return font;
		}
	return NULL;
}

FcPattern *
FcFontSetMatch(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p,
               FcResult *result)
{
	static match_fn real;
	FcPattern *k = NULL, *got, *best;
	fcsort_entry *e;

	pthread_mutex_lock(&cache.lock);
	if (!real)
		real = (match_fn) dlsym(RTLD_NEXT, "FcFontSetMatch");
	if (real)
		k = make_key(config, sets, nsets, p, FcFalse);
	if (k && (e = lookup(k, 1)) != NULL) {
		best = e->best;
		FcPatternReference(best);
		cache.hits++;
		*result = FcResultMatch;
		pthread_mutex_unlock(&cache.lock);
		FcPatternDestroy(k);
		got = FcFontRenderPrepare(config, p, best);
		FcPatternDestroy(best);
		return got;   /* FcFontRenderPrepare() gave it its face */
	}
	pthread_mutex_unlock(&cache.lock);
	if (!real) {
		FcPatternDestroy(k);
		*result = FcResultNoMatch;
		return NULL;
	}
	got = real(config, sets, nsets, p, result);
	/* fontconfig prepared it inside its own library, past our
	 * FcFontRenderPrepare: the shared face is given here */
	draw_ftface_attach(got);
	if (!k)
		return got;
	best = got ? find_font(sets, nsets, got) : NULL;
	pthread_mutex_lock(&cache.lock);
	cache.misses++;
	if (best && cache.config == config && !lookup(k, 1) &&
	    cache.n_entries < FCSORT_MAX_ENTRIES) {
		e = &cache.entries[cache.n_entries++];
		FcPatternReference(best);
		e->key = k;
		e->is_match = 1;
		e->best = best;
		e->result = FcResultMatch;
		k = NULL;
	}
	pthread_mutex_unlock(&cache.lock);
	FcPatternDestroy(k);
	return got;
}
