/*
 * Element and attribute access over libxml2 trees. Attribute values are
 * read from the attribute's text child directly (never through entity
 * expansion), and every number is range-checked before it reaches the
 * model.
 */
#include "xml/sxml.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int
sxml_is(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *) n->name, local) == 0;
}

xmlNode *
sxml_first(const xmlNode *parent)
{
	if (!parent)
		return NULL;
	for (xmlNode *c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

xmlNode *
sxml_next(const xmlNode *n)
{
	if (!n)
		return NULL;
	for (xmlNode *c = n->next; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

xmlNode *
sxml_child(const xmlNode *parent, const char *local)
{
	SXML_EACH(c, parent)
		if (strcmp((const char *) c->name, local) == 0)
			return c;
	return NULL;
}

xmlNode *
sxml_path(const xmlNode *n, ...)
{
	va_list ap;
	const char *name;
	xmlNode *cur = (xmlNode *) n;

	va_start(ap, n);
	while (cur && (name = va_arg(ap, const char *)) != NULL)
		cur = sxml_child(cur, name);
	va_end(ap);
	return cur;
}

static const char *
attr_value(const xmlAttr *a)
{
	if (a->children && a->children->type == XML_TEXT_NODE &&
	    !a->children->next)
		return (const char *) a->children->content;
	return NULL; /* entity references or empty: treat as absent */
}

const char *
sxml_attr(const xmlNode *n, const char *name)
{
	if (!n)
		return NULL;
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (!a->ns && strcmp((const char *) a->name, name) == 0)
			return attr_value(a);
	return NULL;
}

const char *
sxml_attr_rel(const xmlNode *n, const char *name)
{
	if (!n)
		return NULL;
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (a->ns && a->ns->href &&
		    strstr((const char *) a->ns->href, "relationships") &&
		    strcmp((const char *) a->name, name) == 0)
			return attr_value(a);
	return NULL;
}

int
sxml_parse_i64(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (!s)
		return 0;
	while (*s == ' ')
		s++;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || errno == ERANGE)
		return 0;
	while (*end == ' ')
		end++;
	if (*end)
		return 0;
	*out = v;
	return 1;
}

int
sxml_attr_i64(const xmlNode *n, const char *name, int64_t *out)
{
	const char *s = sxml_attr(n, name);

	if (!s)
		return 0;
	return sxml_parse_i64(s, out) ? 1 : -1;
}

int
sxml_attr_i32(const xmlNode *n, const char *name, int32_t *out)
{
	int64_t v;
	int rc = sxml_attr_i64(n, name, &v);

	if (rc != 1)
		return rc;
	if (v < INT32_MIN || v > INT32_MAX)
		return -1;
	*out = (int32_t) v;
	return 1;
}

int
sxml_attr_pct(const xmlNode *n, const char *name, int32_t *out)
{
	const char *s = sxml_attr(n, name);
	char *end;
	double d;

	if (!s)
		return 0;
	if (strchr(s, '%')) {
		/* ISO Strict writes percentages as "50%": [+-]digits[.digits]% */
		const char *p = s + (*s == '-' || *s == '+');
		if (!isdigit((unsigned char) *p))
			return -1;
		while (isdigit((unsigned char) *p))
			p++;
		if (*p == '.')
			for (p++; isdigit((unsigned char) *p); p++)
				;
		if (*p != '%' || p[1] != 0)
			return -1;
		errno = 0;
		d = strtod(s, &end);
		if (end != p || errno == ERANGE || !isfinite(d) ||
		    d * 1000 > INT32_MAX || d * 1000 < INT32_MIN)
			return -1;
		*out = (int32_t) (d * 1000.0 + (d < 0 ? -0.5 : 0.5));
		return 1;
	}
	return sxml_attr_i32(n, name, out);
}

int
sxml_attr_bool(const xmlNode *n, const char *name, int dflt)
{
	const char *s = sxml_attr(n, name);

	if (!s)
		return dflt;
	if (!strcmp(s, "1") || !strcmp(s, "true") || !strcmp(s, "on"))
		return 1;
	if (!strcmp(s, "0") || !strcmp(s, "false") || !strcmp(s, "off"))
		return 0;
	return dflt;
}

char *
sxml_text(const xmlNode *n, s2p_arena *a)
{
	size_t len = 0;
	char *out, *p;

	if (!n)
		return s2p_arena_strdup(a, "");
	for (xmlNode *c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
		    c->content)
			len += strlen((const char *) c->content);
	out = s2p_arena_alloc(a, len + 1);
	if (!out)
		return NULL;
	p = out;
	for (xmlNode *c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
		    c->content) {
			size_t l = strlen((const char *) c->content);
			memcpy(p, c->content, l);
			p += l;
		}
	*p = 0;
	return out;
}

long
sxml_line(const xmlNode *n)
{
	return n ? xmlGetLineNo(n) : 0;
}
