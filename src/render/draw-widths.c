/*
 * Faces PowerPoint has and no free stand-in matches in width. For such a
 * face, drawn with a stand-in of other advances, a table gives the
 * advance of the original face (1/1000 em) next to the stand-in's for the
 * characters measured, so that text is spaced to the original's widths
 * and lines break where PowerPoint breaks them (draw-text.c adds the
 * difference as letter spacing on each character).
 *
 * Franklin Gothic Book over Liberation Sans: the original's advances are
 * those of the glyphs PowerPoint embedded in its PDF of a corpus deck
 * (wasm-typed-assembly; the ASCII its text uses), the stand-in's as
 * harfbuzz shapes them. Its text sets 2-4 % narrower than Liberation
 * Sans, enough to wrap one word in three of that deck's long lines.
 *
 * Calibri Light over Carlito (Calibri's clone; there is no free clone of
 * the light face, which every default theme since Office 2013 uses for
 * titles): the original's advances from the /Widths of the Calibri Light
 * PowerPoint embedded in three corpus decks' PDFs (course-networks-ru,
 * thesis-pc-lte-4x3, wasm-gc-root-scanning; they agree on every shared
 * character), the 81 Latin and Cyrillic characters their titles use,
 * the stand-in's as harfbuzz shapes Carlito Regular. Its letters set
 * 1-3 % narrower than Carlito's; its digits and space are Carlito's.
 *
 * Meiryo and Meiryo Bold over Noto Sans CJK JP (regular and bold): from
 * the Meiryo PowerPoint embedded in owasp2017-ja's PDF. Its Latin sets
 * 6 % wider than Noto's (the bold 14 %, and the deck's titles are
 * bold); its kana, kanji and full-width forms are a full em like
 * Noto's (all 432 and 170 the deck uses), so only Latin is listed. The
 * regular face's 1 and 3-9 are its 0 and 2 (its figures are tabular,
 * as are all ten of the bold face's); the rest is measured.
 *
 * Italic runs keep the stand-in's widths, and so do bold ones but for
 * the bold tables. scripts/pdf-font-widths.py reads a face's advances
 * from such a PDF.
 */
#include "render/draw-widths.h"

#include <string.h>
#include <strings.h>

typedef struct width_pair {
	uint32_t cp;
	int16_t orig, standin;
} width_pair;

struct draw_width_table {
	const char *family, *standin;
	int bold;                /* measured on the bold face */
	const width_pair *w;
	size_t n;
};

static const width_pair franklin_book[] = {
	{ 0x0020, 250, 278 }, { 0x0021, 269, 278 }, { 0x0024, 586, 556 }, { 0x0025, 720, 889 },
	{ 0x0028, 293, 333 }, { 0x0029, 293, 333 }, { 0x002B, 586, 584 }, { 0x002C, 250, 278 },
	{ 0x002D, 250, 333 }, { 0x002E, 250, 278 }, { 0x0030, 586, 556 }, { 0x0031, 586, 556 },
	{ 0x0032, 586, 556 }, { 0x0033, 586, 556 }, { 0x0034, 586, 556 }, { 0x0035, 586, 556 },
	{ 0x0036, 586, 556 }, { 0x0037, 586, 556 }, { 0x0038, 586, 556 }, { 0x0039, 586, 556 },
	{ 0x003A, 250, 278 }, { 0x003B, 250, 278 }, { 0x003C, 586, 584 }, { 0x003D, 586, 584 },
	{ 0x003E, 586, 584 }, { 0x003F, 505, 556 }, { 0x0041, 536, 667 }, { 0x0042, 604, 667 },
	{ 0x0043, 579, 722 }, { 0x0044, 647, 722 }, { 0x0045, 548, 667 }, { 0x0046, 508, 611 },
	{ 0x0047, 647, 778 }, { 0x0048, 643, 722 }, { 0x0049, 250, 278 }, { 0x004A, 374, 500 },
	{ 0x004B, 628, 667 }, { 0x004C, 490, 556 }, { 0x004D, 810, 833 }, { 0x004E, 657, 722 },
	{ 0x004F, 631, 778 }, { 0x0050, 559, 667 }, { 0x0052, 613, 722 }, { 0x0053, 569, 667 },
	{ 0x0054, 485, 611 }, { 0x0055, 606, 722 }, { 0x0056, 537, 667 }, { 0x0057, 817, 944 },
	{ 0x0059, 510, 667 }, { 0x005A, 521, 611 }, { 0x005B, 293, 278 }, { 0x005D, 293, 278 },
	{ 0x005F, 500, 556 }, { 0x0061, 529, 556 }, { 0x0062, 537, 556 }, { 0x0063, 466, 500 },
	{ 0x0064, 539, 556 }, { 0x0065, 521, 556 }, { 0x0066, 300, 278 }, { 0x0067, 491, 556 },
	{ 0x0068, 540, 556 }, { 0x0069, 229, 222 }, { 0x006A, 229, 222 }, { 0x006B, 501, 500 },
	{ 0x006C, 230, 222 }, { 0x006D, 814, 833 }, { 0x006E, 542, 556 }, { 0x006F, 520, 556 },
	{ 0x0070, 534, 556 }, { 0x0071, 536, 556 }, { 0x0072, 330, 333 }, { 0x0073, 464, 500 },
	{ 0x0074, 308, 278 }, { 0x0075, 542, 556 }, { 0x0076, 450, 500 }, { 0x0077, 664, 722 },
	{ 0x0078, 424, 500 }, { 0x0079, 415, 500 }, { 0x007A, 423, 500 }, { 0x007B, 293, 334 },
	{ 0x007D, 293, 334 },
};

static const width_pair calibri_light[] = {
	{ 0x0020, 226, 226 }, { 0x0028, 299, 303 }, { 0x0029, 299, 303 },
	{ 0x002D, 306, 306 }, { 0x0031, 507, 507 }, { 0x0032, 507, 507 },
	{ 0x0033, 507, 507 }, { 0x003A, 263, 268 }, { 0x003F, 463, 463 },
	{ 0x0041, 563, 579 }, { 0x0042, 535, 544 }, { 0x0043, 535, 533 },
	{ 0x0044, 607, 615 }, { 0x0045, 489, 488 }, { 0x0046, 460, 459 },
	{ 0x0047, 627, 631 }, { 0x0049, 244, 252 }, { 0x004B, 504, 520 },
	{ 0x004C, 419, 420 }, { 0x004D, 845, 855 }, { 0x004F, 654, 662 },
	{ 0x0050, 508, 517 }, { 0x0051, 666, 673 }, { 0x0052, 532, 543 },
	{ 0x0053, 453, 459 }, { 0x0054, 483, 487 }, { 0x0055, 636, 642 },
	{ 0x0057, 881, 890 }, { 0x0061, 471, 479 }, { 0x0062, 520, 525 },
	{ 0x0063, 425, 423 }, { 0x0064, 520, 525 }, { 0x0065, 494, 498 },
	{ 0x0066, 299, 305 }, { 0x0067, 469, 471 }, { 0x0068, 520, 525 },
	{ 0x0069, 221, 229 }, { 0x006B, 441, 455 }, { 0x006C, 221, 229 },
	{ 0x006D, 791, 799 }, { 0x006E, 520, 525 }, { 0x006F, 521, 527 },
	{ 0x0070, 520, 525 }, { 0x0071, 520, 525 }, { 0x0072, 345, 349 },
	{ 0x0073, 387, 391 }, { 0x0074, 329, 335 }, { 0x0075, 520, 525 },
	{ 0x0076, 440, 452 }, { 0x0077, 699, 715 }, { 0x0078, 418, 433 },
	{ 0x0079, 441, 453 }, { 0x007A, 394, 395 }, { 0x0410, 563, 579 },
	{ 0x0417, 469, 474 }, { 0x0418, 636, 642 }, { 0x041E, 654, 662 },
	{ 0x0426, 630, 639 }, { 0x0430, 471, 479 }, { 0x0431, 533, 533 },
	{ 0x0433, 341, 346 }, { 0x0434, 545, 558 }, { 0x0435, 494, 498 },
	{ 0x0437, 420, 423 }, { 0x0438, 531, 541 }, { 0x0439, 531, 541 },
	{ 0x043A, 447, 464 }, { 0x043B, 501, 510 }, { 0x043C, 656, 676 },
	{ 0x043D, 529, 535 }, { 0x043E, 521, 527 }, { 0x043F, 513, 521 },
	{ 0x0440, 520, 525 }, { 0x0441, 425, 423 }, { 0x0442, 386, 387 },
	{ 0x0443, 441, 453 }, { 0x0444, 596, 624 }, { 0x0447, 458, 469 },
	{ 0x044B, 641, 666 }, { 0x044C, 456, 470 }, { 0x044E, 705, 722 },
};

static const width_pair meiryo[] = {
	{ 0x0020, 340, 224 }, { 0x0028, 439, 338 }, { 0x0029, 439, 338 },
	{ 0x002D, 439, 347 }, { 0x002E, 349, 278 }, { 0x0030, 621, 555 },
	{ 0x0031, 621, 555 }, { 0x0032, 621, 555 }, { 0x0033, 621, 555 },
	{ 0x0034, 621, 555 }, { 0x0035, 621, 555 }, { 0x0036, 621, 555 },
	{ 0x0037, 621, 555 }, { 0x0038, 621, 555 }, { 0x0039, 621, 555 },
	{ 0x0041, 678, 608 }, { 0x0042, 673, 657 }, { 0x0043, 672, 638 },
	{ 0x0044, 749, 688 }, { 0x0045, 618, 589 }, { 0x0046, 571, 552 },
	{ 0x0047, 728, 689 }, { 0x0048, 743, 728 }, { 0x0049, 403, 293 },
	{ 0x004A, 444, 535 }, { 0x004B, 661, 646 }, { 0x004C, 557, 543 },
	{ 0x004D, 831, 812 }, { 0x004E, 741, 723 }, { 0x004F, 762, 742 },
	{ 0x0050, 596, 633 }, { 0x0051, 762, 742 }, { 0x0052, 683, 635 },
	{ 0x0053, 635, 596 }, { 0x0054, 636, 599 }, { 0x0055, 729, 721 },
	{ 0x0056, 683, 575 }, { 0x0057, 1001, 878 }, { 0x0058, 669, 573 },
	{ 0x0061, 580, 563 }, { 0x0062, 608, 618 }, { 0x0063, 507, 510 },
	{ 0x0064, 608, 620 }, { 0x0065, 577, 554 }, { 0x0066, 335, 325 },
	{ 0x0067, 607, 564 }, { 0x0068, 618, 607 }, { 0x0069, 254, 275 },
	{ 0x006A, 329, 275 }, { 0x006B, 551, 552 }, { 0x006C, 254, 284 },
	{ 0x006D, 959, 926 }, { 0x006E, 618, 610 }, { 0x006F, 594, 606 },
	{ 0x0070, 608, 620 }, { 0x0072, 413, 388 }, { 0x0073, 498, 468 },
	{ 0x0074, 379, 377 }, { 0x0075, 618, 607 }, { 0x0076, 566, 521 },
	{ 0x0077, 833, 802 }, { 0x0078, 556, 498 }, { 0x0079, 566, 521 },
};

static const width_pair meiryo_bold[] = {
	{ 0x0020, 332, 227 }, { 0x0028, 492, 378 }, { 0x0029, 492, 378 },
	{ 0x002A, 677, 507 }, { 0x002B, 833, 590 }, { 0x002D, 468, 370 },
	{ 0x002E, 347, 325 }, { 0x0030, 677, 590 }, { 0x0031, 677, 590 },
	{ 0x0032, 677, 590 }, { 0x0033, 677, 590 }, { 0x0034, 677, 590 },
	{ 0x0035, 677, 590 }, { 0x0036, 677, 590 }, { 0x0037, 677, 590 },
	{ 0x0038, 677, 590 }, { 0x0039, 677, 590 }, { 0x003A, 404, 325 },
	{ 0x003D, 833, 590 }, { 0x0041, 740, 641 }, { 0x0043, 688, 656 },
	{ 0x0044, 790, 714 }, { 0x0045, 653, 615 }, { 0x0046, 616, 585 },
	{ 0x0049, 509, 330 }, { 0x004B, 743, 686 }, { 0x004C, 603, 578 },
	{ 0x004D, 908, 853 }, { 0x004E, 810, 749 }, { 0x004F, 801, 770 },
	{ 0x0050, 687, 667 }, { 0x0052, 750, 682 }, { 0x0053, 674, 624 },
	{ 0x0054, 661, 625 }, { 0x0057, 1051, 915 }, { 0x0058, 729, 627 },
	{ 0x0063, 547, 527 }, { 0x0065, 620, 581 }, { 0x0069, 305, 304 },
	{ 0x006B, 625, 604 }, { 0x006F, 649, 626 }, { 0x0070, 666, 644 },
	{ 0x0072, 470, 436 }, { 0x0073, 550, 495 }, { 0x2013, 677, 544 },
};

/* Arial Unicode MS's Persian over Noto Sans Arabic (the stand-in's
 * isolated forms): Arabic letters change shape with their neighbours, so
 * the original column is not one glyph's advance but the stand-in's plus
 * what each letter adds to a word on average, fitted by least squares
 * to the widths of 1,091 Persian words of owasp2017-fa as PowerPoint
 * set them (its PDF) and as we set them with Noto Sans Arabic; letters
 * in fewer than 3 words are left out. Words set 6.5 % wider than
 * PowerPoint's before (median), the fitted letters leave 0.8 pt of a
 * word's width unexplained (rms; 1.7 pt without them). */
static const width_pair aums_arabic[] = {
	{ 0x060C, 285, 328 }, { 0x0622, 177, 235 }, { 0x0626, 708, 760 },
	{ 0x0627, 264, 238 }, { 0x0628, 930, 993 }, { 0x062A, 814, 993 },
	{ 0x062B, 875, 993 }, { 0x062C, 654, 639 }, { 0x062D, 641, 639 },
	{ 0x062E, 655, 639 }, { 0x062F, 431, 477 }, { 0x0630, 429, 477 },
	{ 0x0631, 444, 367 }, { 0x0632, 434, 367 }, { 0x0633, 1154, 1209 },
	{ 0x0634, 1149, 1209 }, { 0x0635, 1208, 1306 }, { 0x0636, 1198, 1306 },
	{ 0x0637, 823, 788 }, { 0x0638, 815, 788 }, { 0x0639, 569, 507 },
	{ 0x063A, 541, 507 }, { 0x0641, 938, 983 }, { 0x0642, 777, 774 },
	{ 0x0644, 652, 695 }, { 0x0645, 436, 484 }, { 0x0646, 616, 685 },
	{ 0x0647, 451, 405 }, { 0x0648, 479, 447 }, { 0x067E, 898, 993 },
	{ 0x0686, 631, 659 }, { 0x0698, 503, 367 }, { 0x06A9, 867, 877 },
	{ 0x06AF, 907, 877 }, { 0x06CC, 726, 760 }, { 0x06F0, 468, 295 },
	{ 0x06F1, 461, 280 }, { 0x06F2, 437, 487 },
};

/* The same for bold runs: PowerPoint emboldens Arial Unicode MS, which
 * has no bold face, where Noto Sans Arabic Bold sets words 15 % wider
 * (median of 445 words); fitted the same way (0.98 pt rms left of 4.6;
 * letters whose fit moves them by more than a third are left out) */
static const width_pair aums_arabic_bold[] = {
	{ 0x0627, 269, 273 }, { 0x0628, 890, 1024 }, { 0x062A, 790, 1024 },
	{ 0x062B, 857, 1024 }, { 0x062C, 699, 687 }, { 0x062D, 631, 687 },
	{ 0x062E, 684, 687 }, { 0x062F, 445, 517 }, { 0x0630, 464, 517 },
	{ 0x0631, 430, 409 }, { 0x0632, 443, 409 }, { 0x0633, 1153, 1370 },
	{ 0x0634, 1138, 1370 }, { 0x0635, 1299, 1422 }, { 0x0637, 845, 844 },
	{ 0x0638, 833, 844 }, { 0x0639, 597, 570 }, { 0x063A, 588, 570 },
	{ 0x0641, 919, 1024 }, { 0x0642, 796, 832 }, { 0x0644, 601, 741 },
	{ 0x0645, 417, 548 }, { 0x0646, 650, 741 }, { 0x0647, 459, 471 },
	{ 0x0648, 465, 498 }, { 0x067E, 858, 1024 }, { 0x0686, 619, 687 },
	{ 0x0698, 478, 409 }, { 0x06A9, 917, 909 }, { 0x06AF, 885, 909 },
	{ 0x06CC, 729, 821 },
};

/*
 * Advances (1/1000 em) where PowerPoint's MS PGothic and IPAPGothic, its
 * stand-in, differ, by code point: MS PGothic sets 、。，． at 664
 * (170/256 em) and ？！ at a full em where IPAPGothic has 500, 720 and
 * 480, its brackets at half an em where IPAPGothic's are wider; its kana
 * are 1.2 % (katakana) to 1.6 % (hiragana) wider, each by its own amount
 * (く 590 against 670, ウ 941 against 820), and its Latin letters and
 * digits 11 % narrower (digits 500 against 630). MS PGothic's widths are
 * those of the glyphs in PowerPoint's PDF of owasp2017-ja (the kana,
 * Latin and symbols its text uses; the other characters keep
 * IPAPGothic's), IPAPGothic's as harfbuzz shapes them with palt. Not
 * found by draw_widths_find: the MS PGothic runs it applies to are told
 * by the faces drawn (draw_font_pgothic_standin, _latin), any weight.
 */
static const width_pair pgothic[] = {
	{ 0x0020, 305, 270 }, { 0x0022, 500, 338 }, { 0x0023, 500, 630 },
	{ 0x0025, 500, 850 }, { 0x0027, 203, 193 }, { 0x0028, 305, 333 },
	{ 0x0029, 305, 333 }, { 0x002C, 203, 264 }, { 0x002D, 500, 358 },
	{ 0x002E, 203, 264 }, { 0x0030, 500, 630 }, { 0x0031, 500, 630 },
	{ 0x0032, 500, 630 }, { 0x0033, 500, 630 }, { 0x0034, 500, 630 },
	{ 0x0035, 500, 630 }, { 0x0036, 500, 630 }, { 0x0037, 500, 630 },
	{ 0x0038, 500, 630 }, { 0x0039, 500, 630 }, { 0x003A, 203, 320 },
	{ 0x0041, 633, 637 }, { 0x0042, 637, 659 }, { 0x0043, 664, 725 },
	{ 0x0044, 648, 757 }, { 0x0045, 566, 595 }, { 0x0046, 551, 572 },
	{ 0x0047, 680, 753 }, { 0x0048, 641, 750 }, { 0x0049, 246, 289 },
	{ 0x004A, 543, 380 }, { 0x004B, 598, 646 }, { 0x004C, 539, 526 },
	{ 0x004D, 742, 902 }, { 0x004E, 641, 760 }, { 0x004F, 707, 797 },
	{ 0x0050, 617, 621 }, { 0x0051, 707, 797 }, { 0x0052, 625, 648 },
	{ 0x0053, 602, 585 }, { 0x0054, 590, 599 }, { 0x0055, 641, 747 },
	{ 0x0056, 633, 637 }, { 0x0057, 742, 928 }, { 0x0058, 602, 686 },
	{ 0x005A, 566, 642 }, { 0x0061, 477, 550 }, { 0x0062, 496, 624 },
	{ 0x0063, 500, 544 }, { 0x0064, 496, 624 }, { 0x0065, 500, 569 },
	{ 0x0067, 461, 555 }, { 0x0068, 500, 607 }, { 0x0069, 211, 270 },
	{ 0x006A, 219, 270 }, { 0x006B, 461, 518 }, { 0x006C, 211, 270 },
	{ 0x006D, 734, 871 }, { 0x006E, 500, 604 }, { 0x006F, 508, 604 },
	{ 0x0070, 496, 621 }, { 0x0072, 348, 370 }, { 0x0074, 352, 346 },
	{ 0x0075, 500, 604 }, { 0x0076, 477, 486 }, { 0x0077, 648, 752 },
	{ 0x0078, 461, 489 }, { 0x0079, 477, 492 }, { 0x007A, 457, 473 },
	{ 0x2018, 500, 390 }, { 0x3001, 664, 500 }, { 0x3002, 664, 500 },
	{ 0x3005, 1000, 790 }, { 0x3008, 500, 650 }, { 0x3009, 500, 650 },
	{ 0x300A, 500, 660 }, { 0x300B, 500, 660 }, { 0x300C, 500, 570 },
	{ 0x300D, 500, 570 }, { 0x300E, 500, 610 }, { 0x300F, 500, 610 },
	{ 0x3010, 500, 550 }, { 0x3011, 500, 550 }, { 0x3014, 500, 550 },
	{ 0x3015, 500, 550 }, { 0x3042, 941, 920 }, { 0x3044, 945, 930 },
	{ 0x3046, 707, 760 }, { 0x3048, 902, 880 }, { 0x304A, 945, 910 },
	{ 0x304B, 1000, 980 }, { 0x304C, 1000, 980 }, { 0x304D, 844, 820 },
	{ 0x304F, 590, 670 }, { 0x3050, 816, 810 }, { 0x3051, 945, 900 },
	{ 0x3052, 980, 950 }, { 0x3053, 797, 790 }, { 0x3054, 895, 890 },
	{ 0x3055, 766, 820 }, { 0x3056, 883, 930 }, { 0x3057, 766, 790 },
	{ 0x3058, 766, 800 }, { 0x3059, 961, 900 }, { 0x305A, 980, 920 },
	{ 0x305B, 1000, 950 }, { 0x305D, 922, 870 }, { 0x305E, 961, 920 },
	{ 0x305F, 922, 940 }, { 0x3060, 922, 950 }, { 0x3061, 863, 870 },
	{ 0x3063, 805, 800 }, { 0x3064, 953, 940 }, { 0x3065, 957, 960 },
	{ 0x3066, 902, 870 }, { 0x3067, 902, 910 }, { 0x3068, 766, 800 },
	{ 0x3069, 883, 850 }, { 0x306A, 902, 950 }, { 0x306B, 941, 910 },
	{ 0x306D, 1000, 960 }, { 0x306E, 1000, 970 }, { 0x306F, 1000, 950 },
	{ 0x3070, 1000, 960 }, { 0x3072, 961, 940 }, { 0x3073, 961, 950 },
	{ 0x3076, 1000, 980 }, { 0x3078, 1000, 980 }, { 0x3079, 1000, 980 },
	{ 0x307B, 1000, 950 }, { 0x307C, 1000, 970 }, { 0x307E, 891, 840 },
	{ 0x307F, 1000, 940 }, { 0x3081, 980, 970 }, { 0x3082, 805, 820 },
	{ 0x3084, 1000, 920 }, { 0x3086, 980, 940 }, { 0x3087, 727, 690 },
	{ 0x3088, 863, 830 }, { 0x3089, 805, 810 }, { 0x308A, 746, 780 },
	{ 0x308B, 863, 830 }, { 0x308C, 1000, 980 }, { 0x308F, 1000, 970 },
	{ 0x3092, 855, 860 }, { 0x3093, 961, 910 }, { 0x30A1, 758, 720 },
	{ 0x30A2, 898, 870 }, { 0x30A3, 652, 650 }, { 0x30A4, 824, 760 },
	{ 0x30A6, 941, 820 }, { 0x30A7, 742, 780 }, { 0x30A8, 895, 920 },
	{ 0x30A9, 809, 720 }, { 0x30AA, 934, 880 }, { 0x30AB, 824, 880 },
	{ 0x30AC, 922, 930 }, { 0x30AD, 961, 890 }, { 0x30AE, 965, 910 },
	{ 0x30AF, 805, 800 }, { 0x30B0, 941, 900 }, { 0x30B1, 930, 880 },
	{ 0x30B2, 961, 910 }, { 0x30B3, 797, 850 }, { 0x30B4, 891, 930 },
	{ 0x30B5, 1000, 960 }, { 0x30B6, 1000, 970 }, { 0x30B7, 898, 880 },
	{ 0x30B8, 898, 900 }, { 0x30B9, 902, 900 }, { 0x30BA, 965, 940 },
	{ 0x30BB, 914, 930 }, { 0x30BC, 980, 940 }, { 0x30BD, 805, 800 },
	{ 0x30BF, 766, 820 }, { 0x30C0, 922, 920 }, { 0x30C1, 910, 920 },
	{ 0x30C3, 734, 710 }, { 0x30C4, 863, 840 }, { 0x30C6, 887, 910 },
	{ 0x30C7, 961, 950 }, { 0x30C8, 648, 710 }, { 0x30C9, 707, 750 },
	{ 0x30CA, 941, 900 }, { 0x30CB, 910, 920 }, { 0x30CD, 930, 900 },
	{ 0x30CE, 707, 690 }, { 0x30CF, 1000, 970 }, { 0x30D0, 1000, 980 },
	{ 0x30D1, 1000, 970 }, { 0x30D3, 863, 890 }, { 0x30D4, 863, 880 },
	{ 0x30D5, 805, 800 }, { 0x30D6, 883, 890 }, { 0x30D7, 883, 910 },
	{ 0x30D8, 945, 960 }, { 0x30D9, 945, 960 }, { 0x30DA, 945, 960 },
	{ 0x30DB, 922, 920 }, { 0x30DC, 953, 930 }, { 0x30DD, 953, 930 },
	{ 0x30DE, 902, 900 }, { 0x30DF, 668, 790 }, { 0x30E0, 977, 900 },
	{ 0x30E1, 719, 770 }, { 0x30E2, 898, 900 }, { 0x30E3, 805, 750 },
	{ 0x30E4, 980, 900 }, { 0x30E5, 813, 780 }, { 0x30E6, 961, 920 },
	{ 0x30E7, 629, 690 }, { 0x30E9, 809, 850 }, { 0x30EA, 746, 750 },
	{ 0x30EB, 1000, 990 }, { 0x30EC, 852, 810 }, { 0x30ED, 863, 880 },
	{ 0x30EF, 941, 840 }, { 0x30F3, 863, 860 }, { 0x30F6, 777, 740 },
	{ 0x30FC, 961, 940 }, { 0xFF01, 1000, 480 }, { 0xFF05, 1000, 980 },
	{ 0xFF08, 500, 550 }, { 0xFF09, 500, 550 }, { 0xFF0C, 664, 500 },
	{ 0xFF0E, 664, 500 }, { 0xFF12, 684, 660 }, { 0xFF1F, 1000, 720 },
	{ 0xFF3B, 500, 600 }, { 0xFF3D, 500, 600 }, { 0xFF5B, 500, 520 },
	{ 0xFF5D, 500, 520 }, { 0xFF5E, 1000, 940 },
};

#define MEIRYO_JA "\xe3\x83\xa1\xe3\x82\xa4\xe3\x83\xaa\xe3\x82\xaa" /* メイリオ */
#define TABLE(family, standin, bold, pairs) \
	{ family, standin, bold, pairs, sizeof pairs / sizeof pairs[0] }

static const draw_width_table tables[] = {
	TABLE("Franklin Gothic Book", "Liberation Sans", 0, franklin_book),
	TABLE("Calibri Light", "Carlito", 0, calibri_light),
	TABLE("Meiryo", "Noto Sans CJK JP", 0, meiryo),
	TABLE("Meiryo", "Noto Sans CJK JP", 1, meiryo_bold),
	TABLE(MEIRYO_JA, "Noto Sans CJK JP", 0, meiryo),
	TABLE(MEIRYO_JA, "Noto Sans CJK JP", 1, meiryo_bold),
	TABLE("Arial Unicode MS", "Noto Sans Arabic", 0, aums_arabic),
	/* drawn in Arial Unicode MS where PowerPoint has no Liberation Sans */
	TABLE("Liberation Sans", "Noto Sans Arabic", 0, aums_arabic),
	TABLE("Arial Unicode MS", "Noto Sans Arabic", 1, aums_arabic_bold),
	TABLE("Liberation Sans", "Noto Sans Arabic", 1, aums_arabic_bold),
};

const draw_width_table *
draw_widths_find(const char *family, const char *standin, int bold, int italic)
{
	if (!family || !standin || italic)
		return NULL;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (tables[i].bold == !!bold &&
		    strcasecmp(tables[i].family, family) == 0 &&
		    strcasecmp(tables[i].standin, standin) == 0)
			return &tables[i];
	return NULL;
}

double
draw_widths_extra(const draw_width_table *t, uint32_t cp)
{
	size_t lo = 0, hi = t ? t->n : 0;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->w[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (t && lo < t->n && t->w[lo].cp == cp)
		return (t->w[lo].orig - t->w[lo].standin) / 1000.0;
	return 0;
}

const draw_width_table *
draw_widths_pgothic(void)
{
	static const draw_width_table t = TABLE("MS PGothic", "IPAPGothic", 0, pgothic);

	return &t;
}

int
draw_widths_at(const draw_width_table *t, size_t i, uint32_t *cp, int *orig,
               int *standin)
{
	if (!t || i >= t->n)
		return 0;
	*cp = t->w[i].cp;
	*orig = t->w[i].orig;
	*standin = t->w[i].standin;
	return 1;
}
