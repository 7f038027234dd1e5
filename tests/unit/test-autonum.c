/*
 * Unit tests for render/draw-autonum.c: the labels of a:buAutoNum's
 * schemes, Latin, right-to-left, Indic and East Asian ones, counting past
 * the end of an alphabet, unknown schemes and small buffers.
 */
#include "render/draw-autonum.h"

#include "tinytest.h"

#include <string.h>

static const char *
fmt(const char *scheme, int n)
{
	static char out[64];

	CHECK_INT(draw_autonum_format(scheme, n, out, sizeof out), 0);
	return out;
}

static void
test_latin(void)
{
	CHECK_STR(fmt(NULL, 3), "3.");
	CHECK_STR(fmt("arabicPeriod", 12), "12.");
	CHECK_STR(fmt("arabicParenR", 2), "2)");
	CHECK_STR(fmt("arabicParenBoth", 2), "(2)");
	CHECK_STR(fmt("arabicPlain", 7), "7");
	CHECK_STR(fmt("alphaLcPeriod", 1), "a.");
	CHECK_STR(fmt("alphaUcParenR", 26), "Z)");
	/* past z: aa, bb as PowerPoint counts */
	CHECK_STR(fmt("alphaLcParenBoth", 28), "(bb)");
	CHECK_STR(fmt("romanUcPeriod", 14), "XIV.");
	CHECK_STR(fmt("romanLcParenR", 1999), "mcmxcix)");
	/* full-width digits and period */
	CHECK_STR(fmt("arabicDbPeriod", 10), "\xef\xbc\x91\xef\xbc\x90\xef\xbc\x8e");
	CHECK_STR(fmt("arabicDbPlain", 3), "\xef\xbc\x93");
	/* circled numbers up to 10, then digits */
	CHECK_STR(fmt("circleNumDbPlain", 1), "\xe2\x91\xa0");
	CHECK_STR(fmt("circleNumDbPlain", 11), "11");
	CHECK_STR(fmt("circleNumWdBlackPlain", 2), "\xe2\x9d\xb7");
	CHECK_STR(fmt("circleNumWdWhitePlain", 0), "\xe2\x93\xaa");
}

static void
test_complex(void)
{
	/* Arabic letters in alphabetical (1) and abjad (2) order */
	CHECK_STR(fmt("arabic1Minus", 1), "\xd8\xa3-");       /* alef hamza */
	CHECK_STR(fmt("arabic1Minus", 3), "\xd8\xaa-");       /* teh */
	CHECK_STR(fmt("arabic2Minus", 3), "\xd8\xac-");       /* jeem */
	CHECK_STR(fmt("arabic2Minus", 29), "\xd8\xa3\xd8\xa3-");
	CHECK_STR(fmt("hebrew2Minus", 2), "\xd7\x91-");       /* bet */
	CHECK_STR(fmt("hebrew2Minus", 22), "\xd7\xaa-");      /* tav */
	CHECK_STR(fmt("thaiNumPeriod", 12), "\xe0\xb9\x91\xe0\xb9\x92.");
	CHECK_STR(fmt("thaiAlphaParenR", 2), "\xe0\xb8\x82)");
	CHECK_STR(fmt("thaiAlphaParenBoth", 1), "(\xe0\xb8\x81)");
	CHECK_STR(fmt("hindiNumParenR", 5), "\xe0\xa5\xab)");
	CHECK_STR(fmt("hindiAlphaPeriod", 2), "\xe0\xa4\x86.");
	CHECK_STR(fmt("hindiAlpha1Period", 1), "\xe0\xa4\x95.");
}

/* ideographic numerals: TypeA (with 十) and TypeC (digit by digit) */
static void
test_east_asian(void)
{
	CHECK_STR(fmt("ea1ChsPlain", 1), "一");
	CHECK_STR(fmt("ea1ChsPlain", 10), "十");
	CHECK_STR(fmt("ea1ChsPlain", 11), "十一");
	CHECK_STR(fmt("ea1ChsPeriod", 20), "二十.");
	CHECK_STR(fmt("ea1ChsPlain", 99), "九十九");
	CHECK_STR(fmt("ea1ChsPlain", 102), "一〇二");
	/* Traditional Chinese: TypeA only up to 19 */
	CHECK_STR(fmt("ea1ChtPlain", 19), "十九");
	CHECK_STR(fmt("ea1ChtPeriod", 20), "二〇.");
	/* Japanese and Korean: TypeC from 1 */
	CHECK_STR(fmt("ea1JpnKorPlain", 4), "四");
	CHECK_STR(fmt("ea1JpnKorPlain", 10), "一〇");
	CHECK_STR(fmt("ea1JpnKorPeriod", 35), "三五.");
	CHECK_STR(fmt("ea1JpnChsDbPeriod", 7), "七\xef\xbc\x8e");
}

static void
test_edges(void)
{
	char out[8];

	/* unknown: -1, arabicPeriod's label */
	CHECK_INT(draw_autonum_format("noSuchScheme", 2, out, sizeof out), -1);
	CHECK_STR(out, "2.");
	/* a counter below 1 counts as 1 */
	CHECK_STR(fmt("alphaLcPeriod", 0), "a.");
	CHECK_STR(fmt("arabic1Minus", -5), "\xd8\xa3-");
	/* a small buffer: whole characters only, always terminated */
	CHECK_INT(draw_autonum_format("alphaUcPeriod", 26 * 10, out, sizeof out), 0);
	CHECK_STR(out, "ZZZZZZZ");
	CHECK_INT(draw_autonum_format("arabic1Minus", 28 * 5, out, 6), 0);
	CHECK_STR(out, "\xd9\x8a\xd9\x8a-");
	CHECK_INT(draw_autonum_format("arabicPeriod", 1, out, 0), -1);
}

int
main(void)
{
	test_latin();
	test_complex();
	test_east_asian();
	test_edges();
	return TT_DONE();
}
