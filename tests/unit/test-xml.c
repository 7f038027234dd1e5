/*
 * Unit tests for xml/sxml.c: integer, percentage and boolean attribute
 * getters (valid, absent, invalid, out of range), relationship attributes
 * (r:id in the Transitional and Strict relationships namespaces only),
 * element lookup by local name across prefixes, and text concatenation.
 */
#include "xml/sxml.h"

#include "tinytest.h"

#include <libxml/parser.h>

#define R_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define R_S "http://purl.oclc.org/ooxml/officeDocument/relationships"

static xmlDoc *
parse(const char *s)
{
	xmlDoc *d = xmlReadMemory(s, (int) strlen(s), "t.xml", NULL,
	                          XML_PARSE_NONET | XML_PARSE_NOERROR);

	CHECK(d != NULL);
	return d;
}

static void
test_ints(void)
{
	xmlDoc *d = parse("<e a=\"12192000\" neg=\"-5\" sp=\" 7 \" plus=\"+3\" "
	                  "junk=\"12x\" empty=\"\" hex=\"0x10\" fl=\"1.5\" "
	                  "big=\"99999999999999999999\" i32max=\"2147483647\" "
	                  "i32over=\"2147483648\" i32under=\"-2147483649\" "
	                  "i64=\"9223372036854775807\"/>");
	xmlNode *e = xmlDocGetRootElement(d);
	int64_t v64 = 111;
	int32_t v32 = 222;

	CHECK_INT(sxml_attr_i64(e, "a", &v64), 1);
	CHECK_INT(v64, 12192000);
	CHECK_INT(sxml_attr_i64(e, "neg", &v64), 1);
	CHECK_INT(v64, -5);
	CHECK_INT(sxml_attr_i64(e, "sp", &v64), 1);
	CHECK_INT(v64, 7);
	CHECK_INT(sxml_attr_i64(e, "i64", &v64), 1);
	CHECK_INT(v64, INT64_MAX);
	/* absent: 0 and the output untouched */
	v64 = 111;
	CHECK_INT(sxml_attr_i64(e, "missing", &v64), 0);
	CHECK_INT(v64, 111);
	CHECK_INT(sxml_attr_i64(NULL, "a", &v64), 0);
	/* invalid: -1 and the output untouched */
	CHECK_INT(sxml_attr_i64(e, "junk", &v64), -1);
	CHECK_INT(sxml_attr_i64(e, "empty", &v64), -1);
	CHECK_INT(sxml_attr_i64(e, "hex", &v64), -1);
	CHECK_INT(sxml_attr_i64(e, "fl", &v64), -1);
	CHECK_INT(sxml_attr_i64(e, "big", &v64), -1);
	CHECK_INT(v64, 111);

	CHECK_INT(sxml_attr_i32(e, "a", &v32), 1);
	CHECK_INT(v32, 12192000);
	CHECK_INT(sxml_attr_i32(e, "i32max", &v32), 1);
	CHECK_INT(v32, INT32_MAX);
	v32 = 222;
	CHECK_INT(sxml_attr_i32(e, "i32over", &v32), -1);
	CHECK_INT(sxml_attr_i32(e, "i32under", &v32), -1);
	CHECK_INT(sxml_attr_i32(e, "big", &v32), -1);
	CHECK_INT(sxml_attr_i32(e, "junk", &v32), -1);
	CHECK_INT(sxml_attr_i32(e, "missing", &v32), 0);
	CHECK_INT(v32, 222);

	CHECK_INT(sxml_parse_i64("42", &v64), 1);
	CHECK_INT(v64, 42);
	CHECK_INT(sxml_parse_i64(NULL, &v64), 0);
	CHECK_INT(sxml_parse_i64("4 2", &v64), 0);
	xmlFreeDoc(d);
}

static void
test_pct(void)
{
	xmlDoc *d = parse("<e t=\"50000\" s=\"50%\" f=\"12.5%\" n=\"-25%\" "
	                  "z=\"0%\" bad=\"abc%\" pct=\"%\" junk=\"5x\" "
	                  "huge=\"1e300%\" trail=\"50%x\" nan=\"nan%\"/>");
	xmlNode *e = xmlDocGetRootElement(d);
	int32_t v = -1;

	CHECK_INT(sxml_attr_pct(e, "t", &v), 1);
	CHECK_INT(v, 50000);
	CHECK_INT(sxml_attr_pct(e, "s", &v), 1);
	CHECK_INT(v, 50000);
	CHECK_INT(sxml_attr_pct(e, "f", &v), 1);
	CHECK_INT(v, 12500);
	CHECK_INT(sxml_attr_pct(e, "n", &v), 1);
	CHECK_INT(v, -25000);
	CHECK_INT(sxml_attr_pct(e, "z", &v), 1);
	CHECK_INT(v, 0);
	v = 7;
	CHECK_INT(sxml_attr_pct(e, "missing", &v), 0);
	CHECK_INT(sxml_attr_pct(e, "bad", &v), -1);
	CHECK_INT(sxml_attr_pct(e, "pct", &v), -1);
	CHECK_INT(sxml_attr_pct(e, "junk", &v), -1);
	CHECK_INT(sxml_attr_pct(e, "huge", &v), -1);
	CHECK_INT(v, 7);
	/* Regression (was a bug): sxml_attr_pct (src/xml/sxml.c) only checks that the number is
	 * followed by '%', not that nothing follows it: "50%x" is accepted. */
	CHECK_INT(sxml_attr_pct(e, "trail", &v), -1);
	/* Regression (was a bug): strtod accepts "nan"; NaN passes both range comparisons and is
	 * then converted to int32_t, which is undefined behaviour (C11
	 * 6.3.1.4); on x86-64 it yields INT32_MIN and returns 1. */
	v = 7;
	CHECK_INT(sxml_attr_pct(e, "nan", &v), -1);
	xmlFreeDoc(d);
}

static void
test_bool(void)
{
	xmlDoc *d = parse("<e one=\"1\" t=\"true\" zero=\"0\" f=\"false\" "
	                  "junk=\"yes\" up=\"TRUE\" empty=\"\"/>");
	xmlNode *e = xmlDocGetRootElement(d);

	CHECK_INT(sxml_attr_bool(e, "one", 0), 1);
	CHECK_INT(sxml_attr_bool(e, "t", 0), 1);
	CHECK_INT(sxml_attr_bool(e, "zero", 1), 0);
	CHECK_INT(sxml_attr_bool(e, "f", 1), 0);
	/* absent or not an xsd:boolean: the default, whichever it is */
	CHECK_INT(sxml_attr_bool(e, "missing", 1), 1);
	CHECK_INT(sxml_attr_bool(e, "missing", 0), 0);
	CHECK_INT(sxml_attr_bool(e, "junk", 1), 1);
	CHECK_INT(sxml_attr_bool(e, "junk", 0), 0);
	CHECK_INT(sxml_attr_bool(e, "up", 0), 0);  /* xsd:boolean is case-sensitive */
	CHECK_INT(sxml_attr_bool(e, "empty", 1), 1);
	CHECK_INT(sxml_attr_bool(NULL, "one", 0), 0);
	xmlFreeDoc(d);
}

static void
test_rel(void)
{
	xmlDoc *d = parse(
		"<p:root xmlns:p=\"urn:p\" xmlns:r=\"" R_T "\" xmlns:rs=\"" R_S "\" "
		"xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
		"<p:sldId id=\"256\" r:id=\"rId2\"/>"
		"<p:sldId id=\"257\" rs:id=\"rId3\"/>"
		"<p:sldId id=\"rIdPlain\"/>"
		"<p:sldId a:id=\"rIdDrawing\"/>"
		"<a:blip r:embed=\"rId9\" r:link=\"rId10\"/>"
		"</p:root>");
	xmlNode *root = xmlDocGetRootElement(d);
	xmlNode *c1 = sxml_first(root);
	xmlNode *c2 = sxml_next(c1);
	xmlNode *c3 = sxml_next(c2);
	xmlNode *c4 = sxml_next(c3);
	xmlNode *blip = sxml_next(c4);

	CHECK_STR(sxml_attr_rel(c1, "id"), "rId2");          /* Transitional */
	CHECK_STR(sxml_attr(c1, "id"), "256");               /* not r:id */
	CHECK_STR(sxml_attr_rel(c2, "id"), "rId3");          /* Strict */
	CHECK(sxml_attr_rel(c3, "id") == NULL);              /* no namespace */
	CHECK(sxml_attr_rel(c4, "id") == NULL);              /* other namespace */
	CHECK(sxml_attr(c4, "id") == NULL);                  /* namespaced */
	CHECK_STR(sxml_attr_rel(blip, "embed"), "rId9");
	CHECK_STR(sxml_attr_rel(blip, "link"), "rId10");
	CHECK(sxml_attr_rel(blip, "id") == NULL);
	CHECK(sxml_attr_rel(NULL, "id") == NULL);
	xmlFreeDoc(d);
}

static void
test_lookup(void)
{
	/* the same tree with three different prefixes and two namespaces */
	xmlDoc *d = parse(
		"<p:sp xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" "
		"xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
		"xmlns:x=\"http://purl.oclc.org/ooxml/drawingml/main\">"
		"<!-- a comment first -->"
		"<p:nvSpPr/>"
		"<p:spPr><x:xfrm rot=\"60000\"><a:off x=\"1\" y=\"2\"/></x:xfrm></p:spPr>"
		"<txBody xmlns=\"urn:default\"><p>one</p></txBody>"
		"</p:sp>");
	xmlNode *sp = xmlDocGetRootElement(d);
	xmlNode *n;
	int count = 0;

	CHECK(sxml_is(sp, "sp"));
	CHECK(!sxml_is(sp, "p:sp"));
	CHECK(!sxml_is(NULL, "sp"));
	n = sxml_first(sp);
	CHECK(n && sxml_is(n, "nvSpPr")); /* the comment is skipped */
	n = sxml_child(sp, "spPr");
	CHECK(n != NULL);
	n = sxml_child(n, "xfrm");
	CHECK(n != NULL);
	CHECK_STR(sxml_attr(n, "rot"), "60000");
	n = sxml_path(sp, "spPr", "xfrm", "off", NULL);
	CHECK(n && sxml_is(n, "off"));
	CHECK_STR(sxml_attr(n, "y"), "2");
	CHECK(sxml_path(sp, "spPr", "nothing", "off", NULL) == NULL);
	CHECK(sxml_path(sp, NULL) == sp);
	CHECK(sxml_path(NULL, "spPr", NULL) == NULL);
	n = sxml_path(sp, "txBody", "p", NULL);
	CHECK(n && sxml_is(n, "p"));
	CHECK(sxml_child(sp, "xfrm") == NULL); /* children only, not descendants */
	CHECK(sxml_child(NULL, "xfrm") == NULL);
	SXML_EACH(c, sp)
		count++;
	CHECK_INT(count, 3);
	CHECK(sxml_line(sp) >= 1);
	CHECK_INT(sxml_line(NULL), 0);
	xmlFreeDoc(d);
}

static void
test_text(void)
{
	xmlDoc *d = parse("<r><t>Hello, <![CDATA[big]]> &amp; <b>skip</b>world"
	                  "</t><e/><u>\xE2\x80\xB9#\xE2\x80\xBA</u></r>");
	xmlNode *r = xmlDocGetRootElement(d);
	s2p_arena *a = s2p_arena_new();
	char *s;

	s = sxml_text(sxml_child(r, "t"), a);
	/* text and CDATA nodes in order; child elements are not included */
	CHECK_STR(s, "Hello, big & world");
	s = sxml_text(sxml_child(r, "e"), a);
	CHECK_STR(s, "");
	s = sxml_text(NULL, a);
	CHECK_STR(s, "");
	s = sxml_text(sxml_child(r, "u"), a);
	CHECK_STR(s, "\xE2\x80\xB9#\xE2\x80\xBA");
	s2p_arena_free(a);
	xmlFreeDoc(d);
}

int
main(void)
{
	test_ints();
	test_pct();
	test_bool();
	test_rel();
	test_lookup();
	test_text();
	xmlCleanupParser();
	return TT_DONE();
}
