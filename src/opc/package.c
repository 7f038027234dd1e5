/*
 * Reading an OPC package with libzip from memory. Detects what is not a
 * .pptx (OLE/CFB containers: encrypted decks and legacy .ppt; OpenDocument)
 * and enforces the size limits on every part read (zip bombs).
 */
#include "opc/opc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

typedef struct content_type {
	const char *key;      /* extension (lowercase) or part name */
	const char *type;
} content_type;

struct opc_package {
	char *name;
	s2p_limits lim;
	unsigned char *data;
	size_t size;
	zip_t *zip;
	uint64_t total_read;
	s2p_arena *arena;
	content_type *defaults, *overrides;
	size_t n_defaults, n_overrides;
};

static const unsigned char cfb_magic[8] = {
	0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
};

/* Does the buffer hold @ascii as UTF-16LE (a CFB directory entry name)? */
static int
has_utf16_name(const unsigned char *p, size_t n, const char *ascii)
{
	size_t m = strlen(ascii);

	for (size_t i = 0; i + 2 * m <= n; i++) {
		size_t k = 0;
		while (k < m && p[i + 2 * k] == (unsigned char) ascii[k] &&
		       p[i + 2 * k + 1] == 0)
			k++;
		if (k == m)
			return 1;
	}
	return 0;
}

static int
refuse_non_zip(const unsigned char *p, size_t n, s2p_error *err)
{
	if (n == 0)
		return S2P_FAIL(err, S2P_EZIP, "the file is empty");
	if (n >= 8 && memcmp(p, cfb_magic, 8) == 0) {
		if (has_utf16_name(p, n, "EncryptionInfo") ||
		    has_utf16_name(p, n, "EncryptedPackage"))
			return S2P_FAIL(err, S2P_EUNSUPPORTED,
			                "the deck is encrypted (password-protected); "
			                "save it without a password first");
		if (has_utf16_name(p, n, "PowerPoint Document"))
			return S2P_FAIL(err, S2P_EUNSUPPORTED,
			                "a legacy binary PowerPoint 97-2003 (.ppt) file; "
			                "only .pptx/.ppsx/.potx/.pptm are supported");
		return S2P_FAIL(err, S2P_EUNSUPPORTED,
		                "an OLE compound file, not a .pptx package");
	}
	if (n < 4 || memcmp(p, "PK", 2) != 0)
		return S2P_FAIL(err, S2P_EZIP, "not a ZIP package (not a .pptx file)");
	return 0;
}

static const char *
zip_strerr(zip_error_t *ze)
{
	return zip_error_strerror(ze);
}

opc_package *
opc_package_open_memory(const void *data, size_t size, const char *name,
                        const s2p_limits *lim, s2p_error *err)
{
	opc_package *pkg;
	zip_source_t *src;
	zip_error_t ze;
	zip_int64_t n_entries;

	if (refuse_non_zip(data, size, err))
		return NULL;
	pkg = calloc(1, sizeof *pkg);
	if (!pkg) {
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	if (lim)
		pkg->lim = *lim;
	else
		s2p_limits_default(&pkg->lim);
	pkg->name = s2p_strdup(name ? name : "(memory)");
	pkg->data = malloc(size);
	pkg->arena = s2p_arena_new();
	if (!pkg->name || !pkg->data || !pkg->arena) {
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		goto fail;
	}
	memcpy(pkg->data, data, size);
	pkg->size = size;
	zip_error_init(&ze);
	src = zip_source_buffer_create(pkg->data, size, 0, &ze);
	if (!src) {
		S2P_FAIL(err, S2P_EZIP, "cannot read the ZIP: %s", zip_strerr(&ze));
		zip_error_fini(&ze);
		goto fail;
	}
	pkg->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!pkg->zip) {
		zip_source_free(src);
		/* a stricter check rejects some files PowerPoint opens: retry */
		src = zip_source_buffer_create(pkg->data, size, 0, NULL);
		if (src)
			pkg->zip = zip_open_from_source(src, ZIP_RDONLY, NULL);
		if (!pkg->zip) {
			if (src)
				zip_source_free(src);
			/* it starts like a ZIP (checked above): damaged or cut short */
			S2P_FAIL(err, S2P_EZIP, "damaged or truncated ZIP package "
			         "(%s)", zip_strerr(&ze));
			zip_error_fini(&ze);
			goto fail;
		}
	}
	zip_error_fini(&ze);
	n_entries = zip_get_num_entries(pkg->zip, 0);
	if (n_entries < 0 || (uint64_t) n_entries > pkg->lim.max_zip_entries) {
		S2P_FAIL(err, S2P_ELIMIT, "the ZIP has %lld entries (limit %llu)",
		         (long long) n_entries,
		         (unsigned long long) pkg->lim.max_zip_entries);
		goto fail;
	}
	return pkg;
fail:
	opc_package_close(pkg);
	return NULL;
}

opc_package *
opc_package_open_file(const char *path, const s2p_limits *lim, s2p_error *err)
{
	FILE *f;
	s2p_buf buf;
	unsigned char chunk[65536];
	size_t n;
	s2p_limits dl;
	opc_package *pkg;

	if (!lim) {
		s2p_limits_default(&dl);
		lim = &dl;
	}
	f = fopen(path, "rb");
	if (!f) {
		S2P_FAIL(err, S2P_EIO, "cannot open: %s", strerror(errno));
		return NULL;
	}
	s2p_buf_init(&buf, lim->max_file_bytes);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (s2p_buf_append(&buf, chunk, n, err)) {
			if (err && err->code == S2P_ELIMIT)
				snprintf(err->msg, sizeof err->msg,
				         "the file is larger than the limit of %llu bytes",
				         (unsigned long long) lim->max_file_bytes);
			fclose(f);
			s2p_buf_fini(&buf);
			return NULL;
		}
	}
	if (ferror(f)) {
		S2P_FAIL(err, S2P_EIO, "cannot read: %s", strerror(errno));
		fclose(f);
		s2p_buf_fini(&buf);
		return NULL;
	}
	fclose(f);
	pkg = opc_package_open_memory(buf.data, buf.len, path, lim, err);
	s2p_buf_fini(&buf);
	return pkg;
}

void
opc_package_close(opc_package *pkg)
{
	if (!pkg)
		return;
	if (pkg->zip)
		zip_discard(pkg->zip);
	free(pkg->data);
	free(pkg->name);
	s2p_arena_free(pkg->arena);
	free(pkg);
}

const s2p_limits *
opc_package_limits(const opc_package *pkg)
{
	return &pkg->lim;
}

const char *
opc_package_name(const opc_package *pkg)
{
	return pkg->name;
}

static zip_int64_t
locate(opc_package *pkg, const char *part)
{
	if (!part || part[0] != '/')
		return -1;
	/* OPC part names compare case-insensitively (Part 2 §9.1.1.1) */
	return zip_name_locate(pkg->zip, part + 1, ZIP_FL_NOCASE);
}

int
opc_package_has(opc_package *pkg, const char *part)
{
	return locate(pkg, part) >= 0;
}

int
opc_package_read(opc_package *pkg, const char *part, s2p_blob **out,
                 s2p_error *err)
{
	zip_int64_t idx = locate(pkg, part);
	zip_stat_t st;
	zip_file_t *zf;
	s2p_buf buf;
	unsigned char chunk[65536];
	zip_int64_t n;
	uint64_t max;
	s2p_blob *b;

	*out = NULL;
	if (idx < 0)
		return S2P_FAIL(err, S2P_EFORMAT, "part %s is missing from the package",
		                part);
	zip_stat_init(&st);
	if (zip_stat_index(pkg->zip, (zip_uint64_t) idx, 0, &st) != 0)
		return S2P_FAIL(err, S2P_EZIP, "cannot stat %s", part);
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE)
		return S2P_FAIL(err, S2P_EUNSUPPORTED, "part %s is encrypted", part);
	if ((st.valid & ZIP_STAT_SIZE) && st.size > pkg->lim.max_part_bytes)
		return S2P_FAIL(err, S2P_ELIMIT,
		                "part %s inflates to %llu bytes (limit %llu)", part,
		                (unsigned long long) st.size,
		                (unsigned long long) pkg->lim.max_part_bytes);
	/* a bomb declares its ratio in the central directory: refuse it before
	 * inflating anything; a lying header is caught by the bound below */
	if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) &&
	    pkg->lim.max_inflate_ratio && st.size > (1u << 20) &&
	    st.size / (st.comp_size ? st.comp_size : 1) > pkg->lim.max_inflate_ratio)
		return S2P_FAIL(err, S2P_ELIMIT, "part %s would inflate %llu times "
		                "(%llu bytes; limit %u times): zip bomb?", part,
		                (unsigned long long) (st.size / (st.comp_size ? st.comp_size : 1)),
		                (unsigned long long) st.size, pkg->lim.max_inflate_ratio);
	max = pkg->lim.max_part_bytes;
	if ((st.valid & ZIP_STAT_COMP_SIZE) && pkg->lim.max_inflate_ratio &&
	    st.comp_size * pkg->lim.max_inflate_ratio + 65536 < max)
		max = st.comp_size * pkg->lim.max_inflate_ratio + 65536;
	if (pkg->lim.max_total_bytes - pkg->total_read < max)
		max = pkg->lim.max_total_bytes - pkg->total_read;
	zf = zip_fopen_index(pkg->zip, (zip_uint64_t) idx, 0);
	if (!zf)
		return S2P_FAIL(err, S2P_EZIP, "cannot open %s in the ZIP: %s", part,
		                zip_strerror(pkg->zip));
	s2p_buf_init(&buf, max);
	while ((n = zip_fread(zf, chunk, sizeof chunk)) > 0) {
		if (s2p_buf_append(&buf, chunk, (size_t) n, NULL)) {
			zip_fclose(zf);
			s2p_buf_fini(&buf);
			if (pkg->total_read + max >= pkg->lim.max_total_bytes)
				return S2P_FAIL(err, S2P_ELIMIT,
				                "total inflated size exceeds the limit of %llu "
				                "bytes (zip bomb?) at %s",
				                (unsigned long long) pkg->lim.max_total_bytes,
				                part);
			return S2P_FAIL(err, S2P_ELIMIT,
			                "part %s inflates beyond %llu bytes (size or "
			                "compression-ratio limit; zip bomb?)",
			                part, (unsigned long long) max);
		}
	}
	if (n < 0) {
		S2P_FAIL(err, S2P_EZIP, "corrupt ZIP data in %s: %s", part,
		         zip_file_strerror(zf));
		zip_fclose(zf);
		s2p_buf_fini(&buf);
		return S2P_EZIP;
	}
	zip_fclose(zf);
	pkg->total_read += buf.len;
	b = s2p_blob_new(buf.data, buf.len); /* takes ownership of buf.data */
	if (!b)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	*out = b;
	return 0;
}

static const char *
ct_attr(xmlNode *n, const char *name)
{
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (strcmp((const char *) a->name, name) == 0 && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *) a->children->content;
	return NULL;
}

/* Read [Content_Types].xml once (Part 2 §10.1.2). */
static int
content_types_load(opc_package *pkg, s2p_error *err)
{
	s2p_blob *blob = NULL;
	xmlDoc *doc;
	size_t nd = 0, no = 0;

	if (pkg->defaults || pkg->overrides)
		return 0;
	if (opc_package_read(pkg, "/[Content_Types].xml", &blob, err))
		return err ? err->code : S2P_EFORMAT;
	doc = opc_xml_parse(blob, "/[Content_Types].xml", &pkg->lim, err);
	s2p_blob_unref(blob);
	if (!doc)
		return err ? err->code : S2P_EXML;
	for (xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			nd++;
	pkg->defaults = s2p_arena_alloc_array(pkg->arena, nd + 1, sizeof(content_type));
	pkg->overrides = s2p_arena_alloc_array(pkg->arena, nd + 1, sizeof(content_type));
	if (!pkg->defaults || !pkg->overrides) {
		xmlFreeDoc(doc);
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	}
	nd = 0;
	for (xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		const char *type, *key;
		int is_default;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		is_default = strcmp((const char *) n->name, "Default") == 0;
		if (!is_default && strcmp((const char *) n->name, "Override") != 0)
			continue;
		key = ct_attr(n, is_default ? "Extension" : "PartName");
		type = ct_attr(n, "ContentType");
		if (!key || !type)
			continue;
		if (is_default) {
			pkg->defaults[nd].key = s2p_arena_strdup(pkg->arena, key);
			pkg->defaults[nd++].type = s2p_arena_strdup(pkg->arena, type);
		}
		else {
			pkg->overrides[no].key = s2p_arena_strdup(pkg->arena, key);
			pkg->overrides[no++].type = s2p_arena_strdup(pkg->arena, type);
		}
	}
	pkg->n_defaults = nd;
	pkg->n_overrides = no;
	xmlFreeDoc(doc);
	return 0;
}

const char *
opc_package_content_type(opc_package *pkg, const char *part)
{
	const char *dot;

	if (!part || content_types_load(pkg, NULL))
		return NULL;
	for (size_t i = 0; i < pkg->n_overrides; i++)
		if (pkg->overrides[i].key && strcasecmp(pkg->overrides[i].key, part) == 0)
			return pkg->overrides[i].type;
	dot = strrchr(part, '.');
	if (!dot || strchr(dot, '/'))
		return NULL;
	for (size_t i = 0; i < pkg->n_defaults; i++)
		if (pkg->defaults[i].key && strcasecmp(pkg->defaults[i].key, dot + 1) == 0)
			return pkg->defaults[i].type;
	return NULL;
}
