/*
 * Relationships (.rels), [Content_Types].xml, and the safe XML parser the
 * package layer and the loader share. Targets resolve against the source
 * part's folder; a target that climbs above the package root is marked
 * invalid and never read; external targets are recorded, never fetched.
 */
#include "opc/opc.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int
count_nodes(xmlNode *n, uint32_t depth, const s2p_limits *lim, uint64_t *count)
{
	for (; n; n = n->next) {
		if (++*count > lim->max_xml_nodes)
			return S2P_ELIMIT;
		if (depth > lim->max_xml_depth)
			return S2P_ELIMIT;
		if (n->children && count_nodes(n->children, depth + 1, lim, count))
			return S2P_ELIMIT;
	}
	return 0;
}

/* A DOCTYPE anywhere in the prolog means entities or external loading;
 * OOXML parts never carry one, so refuse before libxml2 sees it. */
static int
has_doctype(const unsigned char *p, size_t n)
{
	size_t lim = n < 4096 ? n : 4096;

	for (size_t i = 0; i + 9 <= lim; i++)
		if (p[i] == '<' && p[i + 1] == '!' &&
		    strncasecmp((const char *) p + i + 2, "DOCTYPE", 7) == 0)
			return 1;
	return 0;
}

xmlDoc *
opc_xml_parse(const s2p_blob *blob, const char *part, const s2p_limits *lim,
              s2p_error *err)
{
	xmlDoc *doc;
	const xmlError *xe;
	uint64_t count = 0;
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	           XML_PARSE_COMPACT;

	if (!blob || blob->size == 0) {
		S2P_FAIL(err, S2P_EXML, "part is empty");
		s2p_error_set_part(err, part);
		return NULL;
	}
	if (blob->size > (size_t) INT32_MAX) {
		S2P_FAIL(err, S2P_ELIMIT, "part is too large to parse");
		s2p_error_set_part(err, part);
		return NULL;
	}
	if (has_doctype(blob->data, blob->size)) {
		S2P_FAIL(err, S2P_EXML, "part has a DOCTYPE (refused: OOXML never "
		         "uses DTDs or entities)");
		s2p_error_set_part(err, part);
		return NULL;
	}
	xmlResetLastError();
	doc = xmlReadMemory((const char *) blob->data, (int) blob->size, part,
	                    NULL, opts);
	if (!doc || !xmlDocGetRootElement(doc)) {
		xe = xmlGetLastError();
		if (xe && xe->message && strstr(xe->message, "Excessive depth"))
			S2P_FAIL(err, S2P_ELIMIT, "XML nested deeper than the parser's "
			         "limit of 256 levels");
		else
			S2P_FAIL(err, S2P_EXML, "malformed XML: %s",
			         xe && xe->message ? xe->message : "no root element");
		if (err && xe)
			err->xml_line = xe->line;
		if (err) {
			/* libxml2 messages end with a newline */
			size_t k = strlen(err->msg);
			while (k && (err->msg[k - 1] == '\n' || err->msg[k - 1] == ' '))
				err->msg[--k] = 0;
		}
		s2p_error_set_part(err, part);
		xmlFreeDoc(doc);
		return NULL;
	}
	if (doc->intSubset || doc->extSubset) {
		/* a DTD the byte scan missed (after a long prolog, or UTF-16) */
		S2P_FAIL(err, S2P_EXML, "part has a DOCTYPE (refused: OOXML never "
		         "uses DTDs or entities)");
		s2p_error_set_part(err, part);
		xmlFreeDoc(doc);
		return NULL;
	}
	if (count_nodes(xmlDocGetRootElement(doc), 1, lim, &count)) {
		S2P_FAIL(err, S2P_ELIMIT, "XML exceeds the depth limit of %u or the "
		         "node limit of %llu", lim->max_xml_depth,
		         (unsigned long long) lim->max_xml_nodes);
		s2p_error_set_part(err, part);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

int
opc_resolve_target(const char *source, const char *target, char *out,
                   size_t size)
{
	char tmp[1024];
	char *segs[128];
	int n = 0;
	size_t len = 0;
	const char *slash;
	char *p, *save = NULL, *tok;

	if (!target || !source || size < 2)
		return -1;
	if (target[0] == '/') {
		if (strlen(target) >= sizeof tmp)
			return -1;
		strcpy(tmp, target);
	}
	else {
		/* the base is the folder of the source part */
		slash = strrchr(source, '/');
		len = slash ? (size_t) (slash - source) + 1 : 1;
		if (len + strlen(target) >= sizeof tmp)
			return -1;
		if (slash)
			memcpy(tmp, source, len);
		else
			tmp[0] = '/';
		strcpy(tmp + len, target);
	}
	/* drop a fragment or query, which part names never carry */
	p = strpbrk(tmp, "#?");
	if (p)
		*p = 0;
	for (tok = strtok_r(tmp, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (strcmp(tok, ".") == 0)
			continue;
		if (strcmp(tok, "..") == 0) {
			if (n == 0)
				return -1; /* escapes the package root */
			n--;
			continue;
		}
		if (n == (int) S2P_ARRAY_LEN(segs))
			return -1;
		segs[n++] = tok;
	}
	if (n == 0)
		return -1;
	len = 0;
	for (int i = 0; i < n; i++) {
		size_t sl = strlen(segs[i]);
		if (len + 1 + sl + 1 > size)
			return -1;
		out[len++] = '/';
		memcpy(out + len, segs[i], sl);
		len += sl;
	}
	out[len] = 0;
	return 0;
}

static const char *
attr(xmlNode *n, const char *name)
{
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (strcmp((const char *) a->name, name) == 0 && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *) a->children->content;
	return NULL;
}

/* "/ppt/slides/slide1.xml" -> "/ppt/slides/_rels/slide1.xml.rels" */
static int
rels_part_name(const char *source, char *out, size_t size)
{
	const char *slash = strrchr(source, '/');
	int n;

	if (!slash)
		return -1;
	n = snprintf(out, size, "%.*s_rels/%s.rels", (int) (slash - source + 1),
	             source, slash + 1);
	return n < 0 || (size_t) n >= size ? -1 : 0;
}

opc_rels *
opc_rels_load(opc_package *pkg, const char *source, s2p_error *err)
{
	char name[1024], resolved[1024];
	s2p_blob *blob = NULL;
	xmlDoc *doc = NULL;
	opc_rels *rels;
	size_t cap = 0;

	rels = calloc(1, sizeof *rels);
	if (!rels || !(rels->arena = s2p_arena_new())) {
		free(rels);
		S2P_FAIL(err, S2P_ENOMEM, "out of memory");
		return NULL;
	}
	if (strcmp(source, "/") == 0)
		strcpy(name, "/_rels/.rels");
	else if (rels_part_name(source, name, sizeof name))
		return rels;
	if (!opc_package_has(pkg, name))
		return rels;
	if (opc_package_read(pkg, name, &blob, err))
		goto fail;
	doc = opc_xml_parse(blob, name, opc_package_limits(pkg), err);
	if (!doc)
		goto fail;
	for (xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *) n->name, "Relationship") == 0)
			cap++;
	rels->items = s2p_arena_alloc_array(rels->arena, cap ? cap : 1,
	                                    sizeof *rels->items);
	if (!rels->items)
		goto nomem;
	for (xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		const char *id, *type, *target, *mode;
		opc_rel *r;

		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *) n->name, "Relationship") != 0)
			continue;
		id = attr(n, "Id");
		type = attr(n, "Type");
		target = attr(n, "Target");
		mode = attr(n, "TargetMode");
		if (!id || !type || !target)
			continue; /* unusable: nothing can refer to it anyway */
		r = &rels->items[rels->n++];
		r->id = s2p_arena_strdup(rels->arena, id);
		r->type = s2p_arena_strdup(rels->arena, type);
		r->external = mode && strcmp(mode, "External") == 0;
		if (r->external)
			r->target = s2p_arena_strdup(rels->arena, target);
		else if (opc_resolve_target(source, target, resolved, sizeof resolved)) {
			r->invalid = 1;
			r->target = s2p_arena_strdup(rels->arena, target);
		}
		else
			r->target = s2p_arena_strdup(rels->arena, resolved);
		if (!r->id || !r->type || !r->target)
			goto nomem;
	}
	xmlFreeDoc(doc);
	s2p_blob_unref(blob);
	return rels;
nomem:
	S2P_FAIL(err, S2P_ENOMEM, "out of memory");
fail:
	s2p_error_set_part(err, name);
	xmlFreeDoc(doc);
	s2p_blob_unref(blob);
	opc_rels_free(rels);
	return NULL;
}

void
opc_rels_free(opc_rels *rels)
{
	if (!rels)
		return;
	s2p_arena_free(rels->arena);
	free(rels);
}

const opc_rel *
opc_rels_find(const opc_rels *rels, const char *id)
{
	if (!rels || !id)
		return NULL;
	for (size_t i = 0; i < rels->n; i++)
		if (strcmp(rels->items[i].id, id) == 0)
			return &rels->items[i];
	return NULL;
}

int
opc_rel_is_kind(const opc_rel *rel, const char *kind)
{
	const char *slash;

	if (!rel || !rel->type)
		return 0;
	slash = strrchr(rel->type, '/');
	return slash && strcmp(slash + 1, kind) == 0;
}

const opc_rel *
opc_rels_find_kind(const opc_rels *rels, const char *kind)
{
	if (!rels)
		return NULL;
	for (size_t i = 0; i < rels->n; i++)
		if (opc_rel_is_kind(&rels->items[i], kind))
			return &rels->items[i];
	return NULL;
}
