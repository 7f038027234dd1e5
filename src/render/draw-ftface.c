/*
 * FreeType faces opened once per font file and kept for the process, so
 * that cairo never closes a face another worker is drawing with.
 *
 * cairo 1.16 keeps at most 10 font files open: when a worker needs an
 * eleventh, it closes the face of another file nobody holds at that
 * instant. Another worker may take that face in the same instant (cairo
 * reads the count without the face's lock) and then draws with freed
 * memory: with two workers, a Persian deck that cycles through a dozen
 * faces crashed in 2 runs of 10 ("error occurred in libfreetype", or a
 * segmentation fault in cairo_show_glyphs). cairo never closes a face it
 * was given instead of a file name: a font pattern holding FC_FT_FACE.
 *
 * So this file defines FcFontRenderPrepare in the executable (as
 * draw-fcsort.c does FcFontSetSort): the dynamic linker finds it before
 * libfontconfig's, and every font pango prepares for cairo leaves with
 * FC_FT_FACE set to this file's face for its file and index. The faces
 * are opened under a mutex in a FreeType library of their own (FreeType
 * asks for exactly that: one lock around opening and closing faces) and
 * never closed; cairo serialises drawing with each face through its own
 * lock, as it does for the faces it opens itself. Same files, same
 * faces: the pixels do not change (the determinism tests compare with
 * this off: S2P_TEST_NO_FC_CACHE).
 */
#define _GNU_SOURCE
#include "render/draw-imp.h"

#include <dlfcn.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Font files kept open at most (each costs its FreeType tables, tens of
 * kB; the file itself is mapped); beyond, cairo opens them as before. */
enum { FTFACE_MAX = 2048 };

typedef struct ftface_entry {
	char *file;
	int index;
	FT_Face face;          /* NULL: FreeType could not open it */
} ftface_entry;

typedef FcPattern *(*prepare_fn)(FcConfig *, FcPattern *, FcPattern *);

static struct {
	pthread_mutex_t lock;
	int disabled;
	FT_Library lib;
	int lib_failed;
	ftface_entry *entries;
	size_t n, cap;
} faces = { .lock = PTHREAD_MUTEX_INITIALIZER };

void
draw_ftface_set_enabled(int on)
{
	pthread_mutex_lock(&faces.lock);
	faces.disabled = !on;
	pthread_mutex_unlock(&faces.lock);
}

/* Lock held: the face of @file at @index, opened on first use; NULL if
 * FreeType cannot open it or the table is full. */
static FT_Face
face_for(const char *file, int index)
{
	ftface_entry *e;

	for (size_t i = 0; i < faces.n; i++)
		if (faces.entries[i].index == index &&
		    strcmp(faces.entries[i].file, file) == 0)
			return faces.entries[i].face;
	if (!faces.lib && !faces.lib_failed && FT_Init_FreeType(&faces.lib) != 0)
		faces.lib_failed = 1;
	if (!faces.lib || faces.n == FTFACE_MAX)
		return NULL;
	if (faces.n == faces.cap) {
		size_t cap = faces.cap ? faces.cap * 2 : 32;
		e = s2p_realloc_array(faces.entries, cap, sizeof *e);
		if (!e)
			return NULL;
		faces.entries = e;
		faces.cap = cap;
	}
	e = &faces.entries[faces.n];
	e->file = s2p_strdup(file);
	if (!e->file)
		return NULL;
	e->index = index;
	if (FT_New_Face(faces.lib, file, index, &e->face) != 0)
		e->face = NULL; /* remembered: not retried */
	faces.n++;
	return e->face;
}

void
draw_ftface_attach(FcPattern *p)
{
	FcChar8 *file;
	FT_Face face;
	FcValue v;
	int index = 0;

	if (!p || FcPatternGet(p, FC_FT_FACE, 0, &v) == FcResultMatch ||
	    FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch)
		return;
	FcPatternGetInteger(p, FC_INDEX, 0, &index);
	pthread_mutex_lock(&faces.lock);
	face = faces.disabled ? NULL : face_for((const char *) file, index);
	pthread_mutex_unlock(&faces.lock);
	if (face)
		FcPatternAddFTFace(p, FC_FT_FACE, face);
}

FcPattern *
FcFontRenderPrepare(FcConfig *config, FcPattern *pat, FcPattern *font)
{
	static prepare_fn real;
	FcPattern *r;

	pthread_mutex_lock(&faces.lock);
	if (!real)
		real = (prepare_fn) dlsym(RTLD_NEXT, "FcFontRenderPrepare");
	pthread_mutex_unlock(&faces.lock);
	if (!real)
		return NULL;
	r = real(config, pat, font);
	draw_ftface_attach(r);
	return r;
}
