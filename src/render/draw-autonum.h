/*
 * Labels of auto-numbered paragraphs (draw-autonum.c): a:buAutoNum's
 * schemes (§20.1.10.61 ST_TextAutonumberScheme).
 */
#ifndef S2P_RENDER_DRAW_AUTONUM_H
#define S2P_RENDER_DRAW_AUTONUM_H

#include <stddef.h>

/*
 * Write the label of item @n (1 for the first) of scheme @scheme (NULL:
 * arabicPeriod) into @out, @size bytes, as UTF-8: "3.", "(c)", "iv)",
 * "ت-", "٣." ... Returns 0, or -1 for a scheme it does not know (then the
 * label is arabicPeriod's, for the caller to report).
 */
int draw_autonum_format(const char *scheme, int n, char *out, size_t size);

#endif
