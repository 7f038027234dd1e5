/*
 * Unit tests for render/draw-linebreak.c: greedy breaks with PowerPoint's
 * hanging punctuation (a trailing 、 or 。 does not count against the
 * width), trailing blanks, the first line's own width, mandatory breaks
 * and a word too long for a line.
 */
#include "render/draw-linebreak.h"

#include "tinytest.h"

#include <string.h>

enum { MAXC = 64 };

/* Characters of width 1 each from a pattern: 'a' a letter that may
 * start a line, 'x' one that may not (inside a word), ',' a hanging mark
 * after which a line may break (but not before it), ' ' a blank, '|' a
 * mandatory break before the next character. */
static int
chars(const char *pat, draw_break_char *c)
{
	int n = 0, mandatory = 0;

	memset(c, 0, sizeof(draw_break_char) * MAXC);
	for (const char *p = pat; *p && n < MAXC - 1; p++) {
		if (*p == '|') {
			mandatory = 1;
			continue;
		}
		c[n].x = n;
		c[n].line_break = n > 0 && (*p == 'a' || mandatory || p[-1] == ' ');
		c[n].char_break = n > 0 && *p != ',';
		c[n].mandatory = (uint8_t) mandatory;
		c[n].white = *p == ' ';
		c[n].hang = *p == ',';
		mandatory = 0;
		n++;
	}
	c[n].x = n;
	return n;
}

static void
test_hanging(void)
{
	draw_break_char c[MAXC];
	int b[8], n;

	/* five to a line: the comma, sixth, hangs */
	n = chars("aaaaa,aaa", c);
	CHECK_INT(draw_break_lines(c, n, 5, 5, b, 8), 1);
	CHECK_INT(b[0], 6);
	/* without hanging (the mark not marked so) the fifth goes along */
	c[5].hang = 0;
	CHECK_INT(draw_break_lines(c, n, 5, 5, b, 8), 1);
	CHECK_INT(b[0], 4);
	/* only one mark hangs: two do not fit */
	n = chars("aaaaa,,aa", c);
	c[6].line_break = 0;
	CHECK_INT(draw_break_lines(c, n, 5, 5, b, 8), 1);
	CHECK_INT(b[0], 4);
}

static void
test_widths(void)
{
	draw_break_char c[MAXC];
	int b[8], n;

	/* trailing blanks do not count; the first line may be shorter */
	n = chars("axx axx axx", c);
	CHECK_INT(draw_break_lines(c, n, 3, 7, b, 8), 1);
	CHECK_INT(b[0], 4);
	CHECK_INT(draw_break_lines(c, n, 7, 7, b, 8), 1);
	CHECK_INT(b[0], 8);
	/* a mandatory break is always taken */
	n = chars("aa|aaaa", c);
	CHECK_INT(draw_break_lines(c, n, 10, 10, b, 8), 1);
	CHECK_INT(b[0], 2);
	/* a word longer than the line breaks inside it */
	n = chars("axxxxxxx", c);
	CHECK_INT(draw_break_lines(c, n, 3, 3, b, 8), 2);
	CHECK_INT(b[0], 3);
	CHECK_INT(b[1], 6);
	/* too many lines for the room given */
	n = chars("aaaaaaaa", c);
	CHECK_INT(draw_break_lines(c, n, 1, 1, b, 3), -1);
}

int
main(void)
{
	test_hanging();
	test_widths();
	return TT_DONE();
}
