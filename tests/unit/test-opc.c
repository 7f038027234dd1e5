/*
 * Unit tests for opc/: relationship target resolution, packages built in
 * memory with libzip (parts, [Content_Types].xml, Transitional and Strict
 * relationships, external and escaping targets), refusal of what is not a
 * .pptx (empty, not a ZIP, encrypted CFB), the safe XML parser (DOCTYPE,
 * depth and node limits) and the per-part and total size limits.
 */
#include "opc/opc.h"

#include "tinytest.h"

#include <stdlib.h>
#include <zip.h>

#define REL_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define REL_S "http://purl.oclc.org/ooxml/officeDocument/relationships/"
#define PKG_RELS_NS "http://schemas.openxmlformats.org/package/2006/relationships"

typedef struct entry {
	const char *name;
	const void *data;
	size_t size; /* 0: strlen(data) */
} entry;

/* Build a ZIP in memory; returns malloc'ed bytes or NULL. */
static unsigned char *
build_zip(const entry *e, size_t n, size_t *out_size)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	unsigned char *out = NULL;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src)
		return NULL;
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za) {
		zip_source_free(src);
		return NULL;
	}
	zip_source_keep(src); /* survives zip_close so we can read it back */
	for (size_t i = 0; i < n; i++) {
		size_t len = e[i].size ? e[i].size : strlen(e[i].data);
		zip_source_t *s = zip_source_buffer(za, e[i].data, len, 0);
		if (!s || zip_file_add(za, e[i].name, s, ZIP_FL_OVERWRITE) < 0) {
			zip_source_free(s);
			zip_discard(za);
			zip_source_free(src);
			return NULL;
		}
	}
	if (zip_close(za) != 0) {
		zip_discard(za);
		zip_source_free(src);
		return NULL;
	}
	zip_stat_init(&st);
	if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
		out = malloc(st.size ? st.size : 1);
		if (out && zip_source_read(src, out, st.size) != (zip_int64_t) st.size) {
			free(out);
			out = NULL;
		}
		*out_size = st.size;
		zip_source_close(src);
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

static opc_package *
open_entries(const entry *e, size_t n, const s2p_limits *lim, s2p_error *err)
{
	size_t size = 0;
	unsigned char *z = build_zip(e, n, &size);
	opc_package *pkg;

	CHECK(z != NULL);
	if (!z)
		return NULL;
	pkg = opc_package_open_memory(z, size, "test.pptx", lim, err);
	free(z); /* the package copies the bytes */
	return pkg;
}

static s2p_blob *
blob_of(const char *s)
{
	size_t n = strlen(s);
	unsigned char *d = malloc(n + 1);

	memcpy(d, s, n + 1);
	return s2p_blob_new(d, n);
}

static void
test_resolve_target(void)
{
	char out[256];
	char longname[1200];
	char tiny[8];

	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "../media/x.png",
	                             out, sizeof out), 0);
	CHECK_STR(out, "/ppt/media/x.png");
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "./a.xml", out,
	                             sizeof out), 0);
	CHECK_STR(out, "/ppt/slides/a.xml");
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "b/./c/../d.xml",
	                             out, sizeof out), 0);
	CHECK_STR(out, "/ppt/slides/b/d.xml");
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "/ppt/x.xml", out,
	                             sizeof out), 0);
	CHECK_STR(out, "/ppt/x.xml");
	/* the package's own rels use "/" as the source */
	CHECK_INT(opc_resolve_target("/", "ppt/presentation.xml", out, sizeof out), 0);
	CHECK_STR(out, "/ppt/presentation.xml");
	CHECK_INT(opc_resolve_target("/ppt/presentation.xml", "slides/slide1.xml",
	                             out, sizeof out), 0);
	CHECK_STR(out, "/ppt/slides/slide1.xml");

	/* escaping the package root */
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "../../../etc/passwd",
	                             out, sizeof out), -1);
	CHECK_INT(opc_resolve_target("/", "a/../../b", out, sizeof out), -1);
	CHECK_INT(opc_resolve_target("/ppt/presentation.xml", "a/../../../b", out,
	                             sizeof out), -1);
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "/../x.xml", out,
	                             sizeof out), -1);
	/* climbing but staying inside is fine (RFC 3986 merge) */
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "a/../../b", out,
	                             sizeof out), 0);
	CHECK_STR(out, "/ppt/b");

	/* fragments and queries are dropped */
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "slide2.xml#x", out,
	                             sizeof out), 0);
	CHECK_STR(out, "/ppt/slides/slide2.xml");
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "../m/i.png?v=1",
	                             out, sizeof out), 0);
	CHECK_STR(out, "/ppt/m/i.png");

	/* too long: the target itself, or the result for the buffer */
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", longname, out,
	                          sizeof out), -1);
	longname[0] = '/';
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", longname, out,
	                             sizeof out), -1);
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "../media/x.png",
	                             tiny, sizeof tiny), -1);
	/* nothing left: not a part name */
	CHECK_INT(opc_resolve_target("/ppt/slides/slide1.xml", "../..", out,
	                             sizeof out), -1);
	CHECK_INT(opc_resolve_target("/ppt/x.xml", NULL, out, sizeof out), -1);
}

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Default Extension=\"PNG\" ContentType=\"image/png\"/>"
	"<Override PartName=\"/ppt/presentation.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml\"/>"
	"<Override PartName=\"/ppt/slides/slide1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slide+xml\"/>"
	"</Types>";

static const char root_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<Relationships xmlns=\"" PKG_RELS_NS "\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_T "officeDocument\" Target=\"ppt/presentation.xml\"/>"
	"</Relationships>";

static const char pres_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<Relationships xmlns=\"" PKG_RELS_NS "\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_T "slideMaster\" Target=\"slideMasters/slideMaster1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL_S "theme\" Target=\"theme/theme1.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL_T "hyperlink\" Target=\"http://example.com/a?b#c\" TargetMode=\"External\"/>"
	"<Relationship Id=\"rId4\" Type=\"" REL_T "image\" Target=\"../../../etc/passwd\"/>"
	"<Relationship Id=\"rId5\" Type=\"" REL_S "image\" Target=\"media/image1.png\"/>"
	"<Relationship Id=\"rId6\" Type=\"" REL_T "slideMasterX\" Target=\"x.xml\"/>"
	"<Relationship Id=\"rId7\" Type=\"" REL_T "slide\"/>"
	"<Relationship Id=\"rId8\" Type=\"" REL_S "slide\" Target=\"/ppt/slides/slide1.xml\" TargetMode=\"Internal\"/>"
	"</Relationships>";

static const char presentation[] =
	"<?xml version=\"1.0\"?><p:presentation "
	"xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>";

static void
test_package(void)
{
	static unsigned char png[16] = { 0x89, 'P', 'N', 'G', 1, 2, 3, 4 };
	entry e[] = {
		{ "[Content_Types].xml", content_types, 0 },
		{ "_rels/.rels", root_rels, 0 },
		{ "ppt/presentation.xml", presentation, 0 },
		{ "ppt/_rels/presentation.xml.rels", pres_rels, 0 },
		{ "ppt/media/image1.png", png, sizeof png },
		{ "ppt/slides/slide1.xml", presentation, 0 },
	};
	s2p_error err;
	opc_package *pkg;
	s2p_blob *b = NULL;
	opc_rels *rels;
	const opc_rel *r;
	const char *ct;

	s2p_error_clear(&err);
	pkg = open_entries(e, S2P_ARRAY_LEN(e), NULL, &err);
	CHECK(pkg != NULL);
	CHECK_INT(err.code, S2P_OK);
	if (!pkg)
		return;
	CHECK_STR(opc_package_name(pkg), "test.pptx");
	CHECK_INT(opc_package_limits(pkg)->max_xml_depth, 256); /* defaults */

	/* parts: present, case-insensitive, missing */
	CHECK(opc_package_has(pkg, "/ppt/presentation.xml"));
	CHECK(opc_package_has(pkg, "/PPT/Presentation.XML"));
	CHECK(!opc_package_has(pkg, "/ppt/nothing.xml"));
	CHECK(!opc_package_has(pkg, "ppt/presentation.xml")); /* not absolute */
	CHECK_INT(opc_package_read(pkg, "/ppt/media/image1.png", &b, &err), 0);
	CHECK(b && b->size == sizeof png && memcmp(b->data, png, sizeof png) == 0);
	s2p_blob_unref(b);
	CHECK_INT(opc_package_read(pkg, "/ppt/missing.xml", &b, &err), S2P_EFORMAT);
	CHECK(b == NULL);
	CHECK_INT(err.code, S2P_EFORMAT);
	CHECK(strstr(err.msg, "/ppt/missing.xml") != NULL);
	s2p_error_clear(&err);

	/* [Content_Types].xml: Override by part name, Default by extension,
	 * both compared case-insensitively */
	ct = opc_package_content_type(pkg, "/ppt/presentation.xml");
	CHECK(ct && strstr(ct, "presentation.main+xml"));
	ct = opc_package_content_type(pkg, "/PPT/PRESENTATION.XML");
	CHECK(ct && strstr(ct, "presentation.main+xml"));
	CHECK_STR(opc_package_content_type(pkg, "/ppt/slides/slide1.xml"),
	          "application/vnd.openxmlformats-officedocument.presentationml.slide+xml");
	CHECK_STR(opc_package_content_type(pkg, "/ppt/slides/slide2.xml"),
	          "application/xml");
	CHECK_STR(opc_package_content_type(pkg, "/ppt/media/image1.png"), "image/png");
	CHECK_STR(opc_package_content_type(pkg, "/ppt/media/IMAGE2.Png"), "image/png");
	CHECK(opc_package_content_type(pkg, "/ppt/media/image1.jpeg") == NULL);
	CHECK(opc_package_content_type(pkg, "/ppt.d/noext") == NULL);

	/* the package relationships */
	rels = opc_rels_load(pkg, "/", &err);
	CHECK(rels != NULL);
	r = opc_rels_find_kind(rels, "officeDocument");
	CHECK(r != NULL);
	CHECK(r && strcmp(r->target, "/ppt/presentation.xml") == 0);
	opc_rels_free(rels);

	/* the presentation's relationships */
	rels = opc_rels_load(pkg, "/ppt/presentation.xml", &err);
	CHECK(rels != NULL);
	CHECK_INT(err.code, S2P_OK);
	if (rels) {
		CHECK_INT(rels->n, 7); /* rId7 has no Target: skipped */
		r = opc_rels_find_kind(rels, "slideMaster"); /* Transitional */
		CHECK(r && strcmp(r->id, "rId1") == 0);
		CHECK(r && strcmp(r->target, "/ppt/slideMasters/slideMaster1.xml") == 0);
		r = opc_rels_find_kind(rels, "theme"); /* Strict */
		CHECK(r && strcmp(r->id, "rId2") == 0);
		CHECK(r && strcmp(r->target, "/ppt/theme/theme1.xml") == 0);
		CHECK(r && !r->external && !r->invalid);
		r = opc_rels_find(rels, "rId3");
		CHECK(r && r->external == 1);
		CHECK(r && strcmp(r->target, "http://example.com/a?b#c") == 0);
		r = opc_rels_find(rels, "rId4");
		CHECK(r && r->invalid == 1 && !r->external);
		r = opc_rels_find_kind(rels, "image"); /* the first one wins */
		CHECK(r && strcmp(r->id, "rId4") == 0);
		r = opc_rels_find(rels, "rId5");
		CHECK(r && opc_rel_is_kind(r, "image") && !r->invalid);
		CHECK(r && strcmp(r->target, "/ppt/media/image1.png") == 0);
		r = opc_rels_find(rels, "rId6");
		CHECK(r && !opc_rel_is_kind(r, "slideMaster"));
		r = opc_rels_find_kind(rels, "slide");
		CHECK(r && strcmp(r->id, "rId8") == 0);
		CHECK(r && !r->external && strcmp(r->target, "/ppt/slides/slide1.xml") == 0);
		CHECK(opc_rels_find(rels, "rId7") == NULL);
		CHECK(opc_rels_find(rels, "rId99") == NULL);
		CHECK(opc_rels_find(rels, NULL) == NULL);
		CHECK(opc_rels_find_kind(rels, "notesMaster") == NULL);
	}
	opc_rels_free(rels);

	/* a part without a .rels part has an empty list */
	rels = opc_rels_load(pkg, "/ppt/slides/slide1.xml", &err);
	CHECK(rels != NULL);
	CHECK(rels && rels->n == 0);
	CHECK_INT(err.code, S2P_OK);
	opc_rels_free(rels);
	CHECK(opc_rels_find_kind(NULL, "slide") == NULL);
	opc_package_close(pkg);
	opc_package_close(NULL);
}

static void
test_bad_rels(void)
{
	entry e[] = {
		{ "[Content_Types].xml", content_types, 0 },
		{ "_rels/.rels", "<Relationships><Relationship", 0 },
	};
	s2p_error err;
	opc_package *pkg;
	opc_rels *rels;

	s2p_error_clear(&err);
	pkg = open_entries(e, S2P_ARRAY_LEN(e), NULL, &err);
	CHECK(pkg != NULL);
	if (!pkg)
		return;
	rels = opc_rels_load(pkg, "/", &err);
	CHECK(rels == NULL);
	CHECK_INT(err.code, S2P_EXML);
	CHECK_STR(err.part, "/_rels/.rels");
	opc_package_close(pkg);
}

static void
test_not_a_package(void)
{
	static const char text[] = "This is a plain text file, not a zip archive.";
	unsigned char cfb[1024];
	static const char *const stream = "EncryptionInfo";
	s2p_error err;
	opc_package *pkg;

	s2p_error_clear(&err);
	pkg = opc_package_open_memory(text, sizeof text - 1, "t", NULL, &err);
	CHECK(pkg == NULL);
	CHECK_INT(err.code, S2P_EZIP);

	s2p_error_clear(&err);
	pkg = opc_package_open_memory("", 0, "t", NULL, &err);
	CHECK(pkg == NULL);
	CHECK(err.code != S2P_OK);

	/* "PK" but not a ZIP */
	s2p_error_clear(&err);
	pkg = opc_package_open_memory("PK\3\4garbagegarbagegarbage", 25, "t", NULL,
	                              &err);
	CHECK(pkg == NULL);
	CHECK_INT(err.code, S2P_EZIP);

	/* an OLE compound file holding an "EncryptionInfo" stream, as Office
	 * writes for password-protected decks */
	memset(cfb, 0, sizeof cfb);
	memcpy(cfb, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
	for (size_t i = 0; stream[i]; i++)
		cfb[512 + 2 * i] = (unsigned char) stream[i];
	s2p_error_clear(&err);
	pkg = opc_package_open_memory(cfb, sizeof cfb, "t", NULL, &err);
	CHECK(pkg == NULL);
	CHECK_INT(err.code, S2P_EUNSUPPORTED);
	CHECK(strstr(err.msg, "encrypted") != NULL);
	/* the same container without it is not called encrypted */
	memset(cfb + 512, 0, 64);
	s2p_error_clear(&err);
	pkg = opc_package_open_memory(cfb, sizeof cfb, "t", NULL, &err);
	CHECK(pkg == NULL);
	CHECK_INT(err.code, S2P_EUNSUPPORTED);
	CHECK(strstr(err.msg, "encrypted") == NULL);

	/* the sample files */
	s2p_error_clear(&err);
	pkg = opc_package_open_file("samples/broken/encrypted.pptx", NULL, &err);
	CHECK(pkg == NULL);
	CHECK_INT(err.code, S2P_EUNSUPPORTED);
	CHECK(strstr(err.msg, "encrypted") != NULL);
	s2p_error_clear(&err);
	pkg = opc_package_open_file("samples/broken/not-a-zip.pptx", NULL, &err);
	CHECK(pkg == NULL);
	CHECK_INT(err.code, S2P_EZIP);
	s2p_error_clear(&err);
	pkg = opc_package_open_file("samples/broken/empty.pptx", NULL, &err);
	CHECK(pkg == NULL);
	CHECK_INT(err.code, S2P_EZIP);
	s2p_error_clear(&err);
	pkg = opc_package_open_file("samples/broken/does-not-exist.pptx", NULL, &err);
	CHECK(pkg == NULL);
	CHECK_INT(err.code, S2P_EIO);
	/* a valid ZIP that is no presentation still opens as a package */
	s2p_error_clear(&err);
	pkg = opc_package_open_file("samples/broken/zip-not-pptx.pptx", NULL, &err);
	CHECK(pkg != NULL);
	CHECK(pkg && !opc_package_has(pkg, "/[Content_Types].xml"));
	opc_package_close(pkg);
}

static void
test_file_limit(void)
{
	s2p_limits lim;
	s2p_error err;
	opc_package *pkg;

	s2p_limits_default(&lim);
	lim.max_file_bytes = 1000;
	s2p_error_clear(&err);
	pkg = opc_package_open_file("samples/sample.pptx", &lim, &err);
	CHECK(pkg == NULL);
	CHECK_INT(err.code, S2P_ELIMIT);

	s2p_limits_default(&lim);
	lim.max_zip_entries = 3;
	s2p_error_clear(&err);
	pkg = opc_package_open_file("samples/sample.pptx", &lim, &err);
	CHECK(pkg == NULL);
	CHECK_INT(err.code, S2P_ELIMIT);

	s2p_error_clear(&err);
	pkg = opc_package_open_file("samples/sample.pptx", NULL, &err);
	CHECK(pkg != NULL);
	CHECK_INT(err.code, S2P_OK);
	opc_package_close(pkg);
}

static void
test_part_limits(void)
{
	static char big[10000], zeros[1 << 20];
	entry e[] = {
		{ "[Content_Types].xml", content_types, 0 },
		{ "a.bin", big, sizeof big },
		{ "b.bin", big, 600 },
		{ "c.bin", big, 600 },
		{ "z.bin", zeros, sizeof zeros },
	};
	s2p_limits lim;
	s2p_error err;
	opc_package *pkg;
	s2p_blob *b = NULL;

	memset(big, 'q', sizeof big);
	s2p_limits_default(&lim);
	lim.max_part_bytes = 1000;
	lim.max_total_bytes = 1000;
	s2p_error_clear(&err);
	pkg = open_entries(e, S2P_ARRAY_LEN(e), &lim, &err);
	CHECK(pkg != NULL);
	if (!pkg)
		return;
	CHECK_INT(opc_package_read(pkg, "/a.bin", &b, &err), S2P_ELIMIT);
	CHECK(b == NULL);
	CHECK_INT(err.code, S2P_ELIMIT);
	s2p_error_clear(&err);
	/* one 600-byte part fits; the second would exceed the total */
	CHECK_INT(opc_package_read(pkg, "/b.bin", &b, &err), 0);
	CHECK(b && b->size == 600);
	s2p_blob_unref(b);
	CHECK_INT(opc_package_read(pkg, "/c.bin", &b, &err), S2P_ELIMIT);
	CHECK(b == NULL);
	CHECK(strstr(err.msg, "total") != NULL);
	opc_package_close(pkg);

	/* a highly compressed part beyond the inflate ratio (zip bomb) */
	s2p_limits_default(&lim);
	lim.max_inflate_ratio = 2;
	s2p_error_clear(&err);
	pkg = open_entries(e, S2P_ARRAY_LEN(e), &lim, &err);
	CHECK(pkg != NULL);
	if (!pkg)
		return;
	CHECK_INT(opc_package_read(pkg, "/z.bin", &b, &err), S2P_ELIMIT);
	CHECK(b == NULL);
	s2p_error_clear(&err);
	CHECK_INT(opc_package_read(pkg, "/b.bin", &b, &err), 0);
	s2p_blob_unref(b);
	opc_package_close(pkg);
}

static void
test_xml_parse(void)
{
	static const char laughs[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE lolz [\n"
		" <!ENTITY lol \"lol\">\n"
		" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
		" <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
		" <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
		"]>\n<lolz>&lol3;</lolz>";
	s2p_limits lim;
	s2p_error err;
	s2p_blob *b;
	xmlDoc *doc;
	char *padded;
	size_t off;

	s2p_limits_default(&lim);

	/* a well-formed part parses */
	b = blob_of("<a xmlns=\"urn:x\"><b/><c>t</c></a>");
	s2p_error_clear(&err);
	doc = opc_xml_parse(b, "/x.xml", &lim, &err);
	CHECK(doc != NULL);
	CHECK_INT(err.code, S2P_OK);
	xmlFreeDoc(doc);
	s2p_blob_unref(b);

	b = blob_of(laughs);
	s2p_error_clear(&err);
	doc = opc_xml_parse(b, "/ppt/slides/slide1.xml", &lim, &err);
	CHECK(doc == NULL);
	CHECK_INT(err.code, S2P_EXML);
	CHECK_STR(err.part, "/ppt/slides/slide1.xml");
	CHECK(strstr(err.msg, "DOCTYPE") != NULL);
	xmlFreeDoc(doc);
	s2p_blob_unref(b);

	/* lower-case "doctype" is not XML, but must not slip through either */
	b = blob_of("<?xml version=\"1.0\"?><!doctype a><a/>");
	s2p_error_clear(&err);
	doc = opc_xml_parse(b, "/x.xml", &lim, &err);
	CHECK(doc == NULL);
	xmlFreeDoc(doc);
	s2p_blob_unref(b);

	/* Regression (was a bug): has_doctype() in src/opc/rels.c scans only the first 4096
	 * bytes, so a DOCTYPE after a long comment in the prolog is parsed
	 * (entity declarations included), contrary to opc.h ("a document with
	 * a DTD is refused"). */
	padded = malloc(8192);
	off = (size_t) sprintf(padded, "<?xml version=\"1.0\"?><!--");
	memset(padded + off, ' ', 5000);
	off += 5000;
	sprintf(padded + off, "--><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>");
	b = blob_of(padded);
	free(padded);
	s2p_error_clear(&err);
	doc = opc_xml_parse(b, "/x.xml", &lim, &err);
	CHECK(doc == NULL); /* regression */
	CHECK_INT(err.code, S2P_EXML); /* regression */
	xmlFreeDoc(doc);
	s2p_blob_unref(b);

	/* Regression (was a bug): the same byte scan misses a DOCTYPE in a UTF-16 part (libxml2
	 * decodes UTF-16 with a BOM; the ASCII scan sees "<\0!\0D\0..."). */
	{
		static const char doc16[] =
			"<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>";
		size_t n = strlen(doc16);
		unsigned char *d = malloc(2 + 2 * n);

		d[0] = 0xFF;
		d[1] = 0xFE;
		for (size_t i = 0; i < n; i++) {
			d[2 + 2 * i] = (unsigned char) doc16[i];
			d[3 + 2 * i] = 0;
		}
		b = s2p_blob_new(d, 2 + 2 * n);
		s2p_error_clear(&err);
		doc = opc_xml_parse(b, "/x.xml", &lim, &err);
		CHECK(doc == NULL); /* regression */
		xmlFreeDoc(doc);
		s2p_blob_unref(b);
	}

	/* depth: 4 nested elements pass a limit of 4, 5 do not */
	lim.max_xml_depth = 4;
	b = blob_of("<a><b><c><d/></c></b></a>");
	s2p_error_clear(&err);
	doc = opc_xml_parse(b, "/x.xml", &lim, &err);
	CHECK(doc != NULL);
	xmlFreeDoc(doc);
	s2p_blob_unref(b);
	b = blob_of("<a><b><c><d><e/></d></c></b></a>");
	s2p_error_clear(&err);
	doc = opc_xml_parse(b, "/x.xml", &lim, &err);
	CHECK(doc == NULL);
	CHECK_INT(err.code, S2P_ELIMIT);
	CHECK_STR(err.part, "/x.xml");
	xmlFreeDoc(doc);
	s2p_blob_unref(b);

	/* node count */
	s2p_limits_default(&lim);
	lim.max_xml_nodes = 5;
	b = blob_of("<a><b/><b/><b/><b/><b/><b/></a>");
	s2p_error_clear(&err);
	doc = opc_xml_parse(b, "/x.xml", &lim, &err);
	CHECK(doc == NULL);
	CHECK_INT(err.code, S2P_ELIMIT);
	xmlFreeDoc(doc);
	s2p_blob_unref(b);

	/* malformed and empty parts */
	s2p_limits_default(&lim);
	b = blob_of("<a><b></a>");
	s2p_error_clear(&err);
	doc = opc_xml_parse(b, "/bad.xml", &lim, &err);
	CHECK(doc == NULL);
	CHECK_INT(err.code, S2P_EXML);
	CHECK(err.xml_line >= 1);
	CHECK(err.msg[0] && err.msg[strlen(err.msg) - 1] != '\n');
	xmlFreeDoc(doc);
	s2p_blob_unref(b);
	b = blob_of("");
	s2p_error_clear(&err);
	doc = opc_xml_parse(b, "/empty.xml", &lim, &err);
	CHECK(doc == NULL);
	CHECK_INT(err.code, S2P_EXML);
	s2p_blob_unref(b);
}

int
main(void)
{
	test_resolve_target();
	test_package();
	test_bad_rels();
	test_not_a_package();
	test_file_limit();
	test_part_limits();
	test_xml_parse();
	xmlCleanupParser();
	return TT_DONE();
}
