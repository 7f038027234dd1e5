/*
 * Labels of auto-numbered paragraphs: the counter in the scheme's digits
 * or letters, then its punctuation. The schemes are those of
 * §20.1.10.61 ST_TextAutonumberScheme.
 *
 * The East Asian ones write the counter in ideographic numerals, in one
 * of two ways ([MS-OI29500] 2.1.1338 says how Office reads the spec's
 * "TypeA" and "TypeC"): TypeA counts with 十 for ten (10 十, 20 二十,
 * 99 九十九), TypeC writes each decimal digit, zero as 〇 (20 二〇,
 * 102 一〇二). Simplified Chinese uses TypeA up to 99, Traditional
 * Chinese up to 19, Japanese and Korean TypeC throughout.
 */
#include "render/draw-autonum.h"

#include "base/base.h"

#include <stdio.h>
#include <string.h>

/* How the counter is written. */
enum numerals {
	NUM_ARABIC,       /* 1 2 3 */
	NUM_ARABIC_DB,    /* full-width digits */
	NUM_ALPHA_LC,     /* a b ... z aa bb */
	NUM_ALPHA_UC,
	NUM_ROMAN_LC,     /* i ii iii */
	NUM_ROMAN_UC,
	NUM_ARA_ALPHA,    /* Arabic letters in alphabetical order */
	NUM_ARA_ABJAD,    /* Arabic letters in abjad order */
	NUM_HEBREW,       /* Hebrew letters in order */
	NUM_THAI_ALPHA,
	NUM_THAI,         /* Thai digits */
	NUM_HINDI_VOWEL,  /* Devanagari vowels */
	NUM_HINDI_CONS,   /* Devanagari consonants */
	NUM_HINDI,        /* Devanagari digits */
	NUM_CIRCLE,       /* (1)..(10) circled, then digits */
	NUM_CIRCLE_BLACK, /* Wingdings' black circled 0..10, then digits */
	NUM_CIRCLE_WHITE, /* Wingdings' white circled 0..10, then digits */
	NUM_HAN_CHS,      /* ideographic, TypeA to 99, then TypeC */
	NUM_HAN_CHT,      /* ideographic, TypeA to 19, then TypeC */
	NUM_HAN_JPN       /* ideographic, TypeC */
};

/* What follows (or surrounds) it. */
enum punct { P_PERIOD, P_PAREN_R, P_PAREN_BOTH, P_PLAIN, P_MINUS, P_DB_PERIOD };

static const struct scheme {
	const char *name;
	enum numerals num;
	enum punct punct;
} schemes[] = {
	{ "alphaLcParenBoth", NUM_ALPHA_LC, P_PAREN_BOTH },
	{ "alphaUcParenBoth", NUM_ALPHA_UC, P_PAREN_BOTH },
	{ "alphaLcParenR", NUM_ALPHA_LC, P_PAREN_R },
	{ "alphaUcParenR", NUM_ALPHA_UC, P_PAREN_R },
	{ "alphaLcPeriod", NUM_ALPHA_LC, P_PERIOD },
	{ "alphaUcPeriod", NUM_ALPHA_UC, P_PERIOD },
	{ "arabicParenBoth", NUM_ARABIC, P_PAREN_BOTH },
	{ "arabicParenR", NUM_ARABIC, P_PAREN_R },
	{ "arabicPeriod", NUM_ARABIC, P_PERIOD },
	{ "arabicPlain", NUM_ARABIC, P_PLAIN },
	{ "romanLcParenBoth", NUM_ROMAN_LC, P_PAREN_BOTH },
	{ "romanUcParenBoth", NUM_ROMAN_UC, P_PAREN_BOTH },
	{ "romanLcParenR", NUM_ROMAN_LC, P_PAREN_R },
	{ "romanUcParenR", NUM_ROMAN_UC, P_PAREN_R },
	{ "romanLcPeriod", NUM_ROMAN_LC, P_PERIOD },
	{ "romanUcPeriod", NUM_ROMAN_UC, P_PERIOD },
	{ "circleNumDbPlain", NUM_CIRCLE, P_PLAIN },
	{ "circleNumWdBlackPlain", NUM_CIRCLE_BLACK, P_PLAIN },
	{ "circleNumWdWhitePlain", NUM_CIRCLE_WHITE, P_PLAIN },
	{ "arabicDbPeriod", NUM_ARABIC_DB, P_DB_PERIOD },
	{ "arabicDbPlain", NUM_ARABIC_DB, P_PLAIN },
	{ "arabic1Minus", NUM_ARA_ALPHA, P_MINUS },
	{ "arabic2Minus", NUM_ARA_ABJAD, P_MINUS },
	{ "hebrew2Minus", NUM_HEBREW, P_MINUS },
	{ "thaiAlphaPeriod", NUM_THAI_ALPHA, P_PERIOD },
	{ "thaiAlphaParenR", NUM_THAI_ALPHA, P_PAREN_R },
	{ "thaiAlphaParenBoth", NUM_THAI_ALPHA, P_PAREN_BOTH },
	{ "thaiNumPeriod", NUM_THAI, P_PERIOD },
	{ "thaiNumParenR", NUM_THAI, P_PAREN_R },
	{ "thaiNumParenBoth", NUM_THAI, P_PAREN_BOTH },
	{ "hindiAlphaPeriod", NUM_HINDI_VOWEL, P_PERIOD },
	{ "hindiNumPeriod", NUM_HINDI, P_PERIOD },
	{ "hindiNumParenR", NUM_HINDI, P_PAREN_R },
	{ "hindiAlpha1Period", NUM_HINDI_CONS, P_PERIOD },
	{ "ea1ChsPeriod", NUM_HAN_CHS, P_PERIOD },
	{ "ea1ChsPlain", NUM_HAN_CHS, P_PLAIN },
	{ "ea1ChtPeriod", NUM_HAN_CHT, P_PERIOD },
	{ "ea1ChtPlain", NUM_HAN_CHT, P_PLAIN },
	{ "ea1JpnChsDbPeriod", NUM_HAN_JPN, P_DB_PERIOD },
	{ "ea1JpnKorPeriod", NUM_HAN_JPN, P_PERIOD },
	{ "ea1JpnKorPlain", NUM_HAN_JPN, P_PLAIN },
};

/* The letters of the alphabetic schemes, in counting order. */
static const char *const ara_alpha[] = {
	"أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص",
	"ض", "ط", "ظ", "ع", "غ", "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي",
};
static const char *const ara_abjad[] = {
	"أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن",
	"س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
};
static const char *const hebrew[] = {
	"א", "ב", "ג", "ד", "ה", "ו", "ז", "ח", "ט", "י", "כ", "ל", "מ", "נ",
	"ס", "ע", "פ", "צ", "ק", "ר", "ש", "ת",
};
/* without the obsolete ฃ and ฅ */
static const char *const thai_alpha[] = {
	"ก", "ข", "ค", "ง", "จ", "ฉ", "ช", "ซ", "ฌ", "ญ", "ฎ", "ฏ", "ฐ", "ฑ",
	"ฒ", "ณ", "ด", "ต", "ถ", "ท", "ธ", "น", "บ", "ป", "ผ", "ฝ", "พ", "ฟ",
	"ภ", "ม", "ย", "ร", "ล", "ว", "ศ", "ษ", "ส", "ห", "ฬ", "อ", "ฮ",
};
static const char *const hindi_vowel[] = {
	"अ", "आ", "इ", "ई", "उ", "ऊ", "ऋ", "ए", "ऐ", "ओ", "औ",
};
static const char *const hindi_cons[] = {
	"क", "ख", "ग", "घ", "ङ", "च", "छ", "ज", "झ", "ञ", "ट", "ठ", "ड", "ढ",
	"ण", "त", "थ", "द", "ध", "न", "प", "फ", "ब", "भ", "म", "य", "र", "ल",
	"व", "श", "ष", "स", "ह",
};

enum { REPS_MAX = 20 };

/* Append @s to @out (@size bytes) if it fits whole. */
static void
append(char *out, size_t size, const char *s)
{
	size_t len = strlen(out), n = strlen(s);

	if (len + n < size)
		memcpy(out + len, s, n + 1);
}

/* Append code point @cp as UTF-8 (BMP only). */
static void
append_cp(char *out, size_t size, unsigned cp)
{
	char b[4];

	if (cp < 0x80) {
		b[0] = (char) cp;
		b[1] = 0;
	}
	else if (cp < 0x800) {
		b[0] = (char) (0xC0 | (cp >> 6));
		b[1] = (char) (0x80 | (cp & 0x3F));
		b[2] = 0;
	}
	else {
		b[0] = (char) (0xE0 | (cp >> 12));
		b[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char) (0x80 | (cp & 0x3F));
		b[3] = 0;
	}
	append(out, size, b);
}

/* @n in decimal with digit 0 at code point @zero. */
static void
digits(char *out, size_t size, int n, unsigned zero)
{
	char dec[16];

	snprintf(dec, sizeof dec, "%d", n);
	for (const char *p = dec; *p; p++)
		if (*p == '-')
			append(out, size, "-");
		else
			append_cp(out, size, zero + (unsigned) (*p - '0'));
}

/* Letter (n - 1) mod count, written (n - 1) / count + 1 times: as
 * PowerPoint counts a..z, aa..zz. */
static void
letters(char *out, size_t size, int n, const char *const *set, int count)
{
	int reps = (n - 1) / count + 1;

	for (int i = 0; i < reps && i < REPS_MAX; i++)
		append(out, size, set[(n - 1) % count]);
}

/* Ideographic digits 〇 to 九, and ten. */
static const unsigned han_digit[10] = {
	0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
};
enum { HAN_TEN = 0x5341 };

/* @n in ideographic numerals: counted with 十 (TypeA) while @n is at
 * most @typea_max, digit by digit (TypeC) above it. */
static void
han(char *out, size_t size, int n, int typea_max)
{
	char dec[16];

	if (n <= typea_max && n < 100) {
		int tens = n / 10, ones = n % 10;

		if (tens > 1)
			append_cp(out, size, han_digit[tens]);
		if (tens > 0)
			append_cp(out, size, HAN_TEN);
		if (ones > 0 || tens == 0)
			append_cp(out, size, han_digit[ones]);
		return;
	}
	snprintf(dec, sizeof dec, "%d", n);
	for (const char *p = dec; *p; p++)
		if (*p >= '0' && *p <= '9')
			append_cp(out, size, han_digit[*p - '0']);
}

static void
roman(char *out, size_t size, int n, int upper)
{
	static const struct { int v; const char *s; } rn[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" } };
	int v = n > 3999 ? 3999 : n;

	for (size_t i = 0; i < S2P_ARRAY_LEN(rn); i++)
		while (v >= rn[i].v) {
			for (const char *p = rn[i].s; *p; p++) {
				char c[2] = { upper ? (char) (*p - 'a' + 'A') : *p, 0 };
				append(out, size, c);
			}
			v -= rn[i].v;
		}
}

/* The counter @n in numerals @num. */
static void
numerals(char *out, size_t size, enum numerals num, int n)
{
	switch (num) {
	case NUM_ARABIC: digits(out, size, n, '0'); break;
	case NUM_ARABIC_DB: digits(out, size, n, 0xFF10); break;
	case NUM_THAI: digits(out, size, n, 0x0E50); break;
	case NUM_HINDI: digits(out, size, n, 0x0966); break;
	case NUM_ALPHA_LC: case NUM_ALPHA_UC: {
		static const char *const lc[] = { "a", "b", "c", "d", "e", "f", "g",
			"h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
			"u", "v", "w", "x", "y", "z" };
		static const char *const uc[] = { "A", "B", "C", "D", "E", "F", "G",
			"H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T",
			"U", "V", "W", "X", "Y", "Z" };
		letters(out, size, n, num == NUM_ALPHA_UC ? uc : lc, 26);
		break;
	}
	case NUM_ROMAN_LC: case NUM_ROMAN_UC:
		roman(out, size, n, num == NUM_ROMAN_UC);
		break;
	case NUM_ARA_ALPHA:
		letters(out, size, n, ara_alpha, (int) S2P_ARRAY_LEN(ara_alpha));
		break;
	case NUM_ARA_ABJAD:
		letters(out, size, n, ara_abjad, (int) S2P_ARRAY_LEN(ara_abjad));
		break;
	case NUM_HEBREW:
		letters(out, size, n, hebrew, (int) S2P_ARRAY_LEN(hebrew));
		break;
	case NUM_THAI_ALPHA:
		letters(out, size, n, thai_alpha, (int) S2P_ARRAY_LEN(thai_alpha));
		break;
	case NUM_HINDI_VOWEL:
		letters(out, size, n, hindi_vowel, (int) S2P_ARRAY_LEN(hindi_vowel));
		break;
	case NUM_HINDI_CONS:
		letters(out, size, n, hindi_cons, (int) S2P_ARRAY_LEN(hindi_cons));
		break;
	case NUM_CIRCLE:
		/* ① .. ⑩, then plain digits (the scheme's own description) */
		if (n <= 10)
			append_cp(out, size, 0x2460 + (unsigned) (n - 1));
		else
			digits(out, size, n, '0');
		break;
	case NUM_CIRCLE_BLACK: case NUM_CIRCLE_WHITE:
		/* Wingdings' circled numbers as their Unicode forms: ⓿ ❶ .. ❿
		 * and ⓪ ① .. ⑩ */
		if (n > 10)
			digits(out, size, n, '0');
		else if (num == NUM_CIRCLE_BLACK)
			append_cp(out, size, n == 0 ? 0x24FF : 0x2776 + (unsigned) (n - 1));
		else
			append_cp(out, size, n == 0 ? 0x24EA : 0x2460 + (unsigned) (n - 1));
		break;
	case NUM_HAN_CHS: han(out, size, n, 99); break;
	case NUM_HAN_CHT: han(out, size, n, 19); break;
	case NUM_HAN_JPN: han(out, size, n, 0); break;
	}
}

static const struct scheme *
scheme_find(const char *name)
{
	for (size_t i = 0; i < S2P_ARRAY_LEN(schemes); i++)
		if (!strcmp(schemes[i].name, name))
			return &schemes[i];
	return NULL;
}

int
draw_autonum_format(const char *scheme, int n, char *out, size_t size)
{
	const struct scheme *sch = scheme ? scheme_find(scheme) : NULL;
	int rc = 0;

	if (!out || !size)
		return -1;
	out[0] = 0;
	if (!sch) {
		rc = scheme ? -1 : 0;
		sch = scheme_find("arabicPeriod");
	}
	/* letters and numerals start at 1 (a:buAutoNum@startAt is 1 at
	 * least); the circled ones have a 0 */
	if (n < 1 && !(n == 0 && (sch->num == NUM_CIRCLE_BLACK ||
	                          sch->num == NUM_CIRCLE_WHITE)))
		n = 1;
	if (sch->punct == P_PAREN_BOTH)
		append(out, size, "(");
	numerals(out, size, sch->num, n);
	switch (sch->punct) {
	case P_PERIOD: append(out, size, "."); break;
	case P_PAREN_R: case P_PAREN_BOTH: append(out, size, ")"); break;
	case P_MINUS: append(out, size, "-"); break;
	case P_DB_PERIOD: append(out, size, "\xef\xbc\x8e"); break; /* U+FF0E */
	case P_PLAIN: break;
	}
	return rc;
}
