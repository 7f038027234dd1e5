/*
 * Unit tests for base/symfont.c: Wingdings and Symbol characters as the
 * Unicode characters their glyphs show, at their 8-bit codes and at
 * U+F0xx, and what has no equivalent.
 */
#include "base/symfont.h"

#include "tinytest.h"

static void
test_faces(void)
{
	CHECK(s2p_symfont_is("Wingdings"));
	CHECK(s2p_symfont_is("wingdings 3"));
	CHECK(s2p_symfont_is("Webdings"));
	CHECK(s2p_symfont_is("Symbol"));
	CHECK(!s2p_symfont_is("Arial"));
	CHECK(!s2p_symfont_is("Symbola"));
	CHECK(!s2p_symfont_is(NULL));
}

static void
test_wingdings(void)
{
	/* black circled digits (owasp2017's risk tables), white ones */
	CHECK_INT(s2p_symfont_char("Wingdings", 0xF08C), 0x2776);
	CHECK_INT(s2p_symfont_char("Wingdings", 0x8E), 0x2778);
	CHECK_INT(s2p_symfont_char("Wingdings", 0x95), 0x277F);
	CHECK_INT(s2p_symfont_char("Wingdings", 0x80), 0x24EA);
	CHECK_INT(s2p_symfont_char("Wingdings", 0x8A), 0x2469);
	/* bullets decks use */
	CHECK_INT(s2p_symfont_char("Wingdings", 0xA7), 0x25AA);
	CHECK_INT(s2p_symfont_char("Wingdings", 0xD8), 0x27A2);
	CHECK_INT(s2p_symfont_char("Wingdings", 0xFC), 0x2714);
	CHECK_INT(s2p_symfont_char("Wingdings", 'l'), 0x25CF);
	/* arrows: heavy south east, white north west and south east */
	CHECK_INT(s2p_symfont_char("Wingdings", 0xF0EE), 0x2B0A);
	CHECK_INT(s2p_symfont_char("Wingdings", 0xF5), 0x2B01);
	CHECK_INT(s2p_symfont_char("Wingdings", 0xF8), 0x2B02);
	/* pictographs beyond the BMP: clock faces, a pointing hand */
	CHECK_INT(s2p_symfont_char("Wingdings", 0xB7), 0x1F550);
	CHECK_INT(s2p_symfont_char("Wingdings", 0xC2), 0x1F55B);
	CHECK_INT(s2p_symfont_char("Wingdings", 'C'), 0x1F44D);
	/* no equivalent: leaves, the Windows logo; out of range */
	CHECK_INT(s2p_symfont_char("Wingdings", 0x96), 0);
	CHECK_INT(s2p_symfont_char("Wingdings", 0xFF), 0);
	CHECK_INT(s2p_symfont_char("Wingdings", 0x1F), 0);
	CHECK_INT(s2p_symfont_char("Wingdings", 0x2022), 0);
	/* Wingdings 2 is another font: no table */
	CHECK_INT(s2p_symfont_char("Wingdings 2", 0xA7), 0);
}

static void
test_symbol(void)
{
	CHECK_INT(s2p_symfont_char("Symbol", 'a'), 0x03B1);
	CHECK_INT(s2p_symfont_char("Symbol", 'W'), 0x03A9);
	CHECK_INT(s2p_symfont_char("Symbol", 0xF06A), 0x03D5);
	CHECK_INT(s2p_symfont_char("Symbol", '"'), 0x2200);
	CHECK_INT(s2p_symfont_char("Symbol", '1'), '1');
	CHECK_INT(s2p_symfont_char("Symbol", 0xB7), 0x2022);
	CHECK_INT(s2p_symfont_char("Symbol", 0xAE), 0x2192);
	CHECK_INT(s2p_symfont_char("Symbol", 0xE5), 0x2211);
	CHECK_INT(s2p_symfont_char("Symbol", 0xFE), 0x23AD);
	CHECK_INT(s2p_symfont_char("Symbol", 0x90), 0);
	CHECK_INT(s2p_symfont_char("Webdings", 0x61), 0x2714);
}

int
main(void)
{
	test_faces();
	test_wingdings();
	test_symbol();
	return TT_DONE();
}
