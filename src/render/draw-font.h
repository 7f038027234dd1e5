/*
 * Fonts inside render/: which installed family draws each face a deck
 * names, the substitution notes behind the run's report (draw_fonts in
 * draw.h).
 */
#ifndef S2P_RENDER_DRAW_FONT_H
#define S2P_RENDER_DRAW_FONT_H

#include "render/draw.h"

#include <pango/pango.h>
#include <stddef.h>
#include <stdint.h>

/* Returned by draw_fonts_resolve() beside enum s2p_font_kind: the face
 * itself is installed, nothing to report. */
enum { DRAW_FONT_EXACT = 100 };

/* The family to ask pango for in place of @name, into @fam ("" when the
 * face is not installed and has no installed stand-in: the caller falls
 * back). Returns DRAW_FONT_EXACT or an enum s2p_font_kind. @f may be NULL
 * (the built-in table only, nothing checked). Any thread. */
int draw_fonts_resolve(const draw_fonts *f, const char *name, char *fam,
                       size_t size);

/* The @i-th face of the built-in substitution table (from 0), NULL past
 * its end: lets the tests check that every stand-in is installed. */
const char *draw_fonts_table_name(size_t i);

/* Record that text in face @requested was drawn in @used (NULL: left to
 * fontconfig, which is asked for @lang's best face when the report is
 * made). Workers; thread-safe; @f may be NULL. */
void draw_fonts_note(draw_fonts *f, const char *requested, const char *used,
                     const char *lang, int kind);

/* 1 if the faces of @family pango can load draw every character of
 * @text (@len bytes, -1: to its end; NULL: none) that pango picks a font
 * for, and the space it falls back to: then a family list that starts
 * with @family draws @text in the same faces as @family alone. Each
 * family's characters are looked up once per draw_fonts. Any thread. */
int draw_fonts_covers(draw_fonts *f, const char *family, const char *text,
                      int len);

/* The language pango is given for text tagged @lang (NULL: none): "en"
 * for English with a region when fontconfig's rules treat both alike, so
 * that en-US and en-GB text share fontconfig's sorted font lists; other
 * tags as they are. @f may be NULL (the tag as it is). Any thread. */
PangoLanguage *draw_font_language(draw_fonts *f, const char *lang);

/* The run's fontconfig configuration, or NULL for fontconfig's current
 * one. */
struct _FcConfig *draw_fonts_config(const draw_fonts *f);

/* The length in bytes of the first stretch of @text (@len bytes) that
 * PowerPoint draws in one face slot (a:latin, a:ea or a:cs); spaces,
 * digits and punctuation go with the letters before them (or after,
 * at the start). */
int draw_font_segment(const char *text, int len);

/* How much wider (em; < 0: narrower) MS PGothic sets @cp than
 * IPAPGothic, its stand-in (see draw_font_pgothic_standin and
 * draw_font_pgothic_latin): punctuation, kana, Latin letters and digits;
 * 0 for ideographs (a full em in both) and characters not measured. */
double draw_font_pgothic_extra(uint32_t cp);

#endif
