/*
 * Choosing line breaks with PowerPoint's hanging punctuation
 * (draw-linebreak.c), from character positions and break opportunities
 * pango measured on the unwrapped paragraph.
 */
#ifndef S2P_RENDER_DRAW_LINEBREAK_H
#define S2P_RENDER_DRAW_LINEBREAK_H

#include <stdint.h>

/* One character of a paragraph (and one past the last, for its x). */
typedef struct draw_break_char {
	double x;            /* left edge on the unwrapped line (any unit) */
	uint8_t line_break;  /* a line may break before this character */
	uint8_t char_break;  /* ... inside a word, when no word fits */
	uint8_t mandatory;   /* the line must break before it */
	uint8_t white;       /* a blank: does not count at a line's end */
	uint8_t hang;        /* a mark that may hang past the right edge */
} draw_break_char;

/* 1 for the marks PowerPoint lets hang with hangingPunct: 、。，． and
 * their halfwidth forms. */
int draw_hanging_char(uint32_t cp);

/*
 * Greedy breaks for characters @c[0..n] (@c[n] holds only the end's x):
 * each line takes the most text whose width, less trailing blanks and one
 * trailing hanging mark, fits in @first_w (first line) or @rest_w; a word
 * too long for a line breaks inside it. Writes the indices of the
 * characters that start lines 2, 3 ... into @breaks; returns how many, or
 * -1 if more than @max_breaks.
 */
int draw_break_lines(const draw_break_char *c, int n, double first_w,
                     double rest_w, int *breaks, int max_breaks);

#endif
