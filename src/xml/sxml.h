/*
 * sxml: small helpers over libxml2 trees for the loader: element lookup by
 * local name (Transitional and Strict namespaces differ only in URI), and
 * attribute getters that parse and range-check OOXML's integer units.
 */
#ifndef S2P_XML_SXML_H
#define S2P_XML_SXML_H

#include "base/base.h"

#include <libxml/tree.h>
#include <stdint.h>

/* 1 if @n is an element with local name @local. */
int sxml_is(const xmlNode *n, const char *local);
/* First element child (any name / with local name), or NULL. */
xmlNode *sxml_first(const xmlNode *parent);
xmlNode *sxml_child(const xmlNode *parent, const char *local);
/* Next element sibling (any name). */
xmlNode *sxml_next(const xmlNode *n);
/* Descend a path of local names: sxml_path(n, "spPr", "xfrm", NULL). */
xmlNode *sxml_path(const xmlNode *n, ...);

#define SXML_EACH(child, parent) \
	for (xmlNode *child = sxml_first(parent); child; child = sxml_next(child))

/* Attribute without namespace; borrowed, NULL if absent. */
const char *sxml_attr(const xmlNode *n, const char *name);
/* Attribute in the relationships namespace (r:id, r:embed, r:link). */
const char *sxml_attr_rel(const xmlNode *n, const char *name);

/* Integer attribute: 1 present and valid, 0 absent, -1 invalid. */
int sxml_attr_i64(const xmlNode *n, const char *name, int64_t *out);
int sxml_attr_i32(const xmlNode *n, const char *name, int32_t *out);
/* Percentage as 1/1000 %: "50000" (Transitional) or "50%" (Strict). */
int sxml_attr_pct(const xmlNode *n, const char *name, int32_t *out);
/* xsd:boolean ("1", "true", "0", "false"); @dflt when absent or invalid. */
int sxml_attr_bool(const xmlNode *n, const char *name, int dflt);
/* Parse an integer string; 1 ok, 0 invalid. */
int sxml_parse_i64(const char *s, int64_t *out);

/* The concatenated text children of @n, copied into @a ("" if none). */
char *sxml_text(const xmlNode *n, s2p_arena *a);

/* Source line of @n, for messages. */
long sxml_line(const xmlNode *n);

#endif
