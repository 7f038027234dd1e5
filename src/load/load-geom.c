/*
 * load/load-geom: reads a:custGeom (avLst, gdLst, rect, pathLst) and
 * a:prstGeom's a:avLst into dml_geom, resolving every guide name and
 * literal to a value slot (see model/dml-geom.h) once, at load time.
 * Input is hostile: counts are limited, numbers are checked, and missing
 * attributes read as 0. Names are borrowed from the XML while parsing.
 */
#include "load/load-geom.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Value of attribute @name of @n (any namespace), borrowed, or NULL. */
static const char *
attr(const xmlNode *n, const char *name)
{
	const xmlAttr *at;

	for (at = n->properties; at; at = at->next) {
		if (strcmp((const char *) at->name, name) != 0)
			continue;
		if (at->children && at->children->type == XML_TEXT_NODE &&
		    !at->children->next && at->children->content)
			return (const char *) at->children->content;
		return "";
	}
	return NULL;
}

static int
is_elem(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *) n->name, local) == 0;
}

static xmlNode *
child(xmlNode *n, const char *local)
{
	xmlNode *c;

	for (c = n ? n->children : NULL; c; c = c->next)
		if (is_elem(c, local))
			return c;
	return NULL;
}

static size_t
count_children(const xmlNode *n, const char *local)
{
	const xmlNode *c;
	size_t k = 0;

	for (c = n ? n->children : NULL; c; c = c->next)
		if (!local ? c->type == XML_ELEMENT_NODE : is_elem(c, local))
			k++;
	return k;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Parse all of [@s, @s + @len) as a decimal integer. 0 on success. */
static int
parse_int(const char *s, size_t len, int64_t *out)
{
	char buf[32], *end;
	long long v;

	if (!len || len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = 0;
	if (!(buf[0] == '-' || buf[0] == '+' || (buf[0] >= '0' && buf[0] <= '9')))
		return -1;
	errno = 0;
	v = strtoll(buf, &end, 10);
	if (errno || *end || end == buf)
		return -1;
	*out = v;
	return 0;
}

typedef struct name_slot {
	const char *name;
	uint32_t slot;
	uint32_t order;     /* higher wins among equal names */
} name_slot;

typedef struct geom_ctx {
	s2p_arena *a;
	s2p_error *err;
	const char **adj_names;
	uint32_t n_adj;
	const char **gd_names;       /* borrowed from the XML */
	uint32_t n_gd;
	uint32_t n_gd_seen;          /* guides visible to the current formula */
	int64_t *consts;             /* malloc'ed while parsing */
	uint32_t n_const, cap_const;
	name_slot *index;            /* for paths and a:rect: every name */
	size_t n_index;
} geom_ctx;

static int
add_const(geom_ctx *c, int64_t v, uint32_t *slot)
{
	uint32_t base = DML_GEOM_N_BUILTIN + c->n_adj + c->n_gd;

	/* Reuse the previous literal: runs of equal coordinates are common. */
	if (c->n_const && c->consts[c->n_const - 1] == v) {
		*slot = base + c->n_const - 1;
		return 0;
	}
	if (c->n_const == c->cap_const) {
		uint32_t cap = c->cap_const ? c->cap_const * 2 : 64;
		int64_t *p;

		if (cap > UINT32_MAX / 2 - base)
			return S2P_FAIL(c->err, S2P_ELIMIT, "custGeom has too many values");
		p = s2p_realloc_array(c->consts, cap, sizeof(*p));
		if (!p)
			return S2P_FAIL(c->err, S2P_ENOMEM, "out of memory reading custGeom");
		c->consts = p;
		c->cap_const = cap;
	}
	c->consts[c->n_const] = v;
	*slot = base + c->n_const++;
	return 0;
}

static int
cmp_name_slot(const void *pa, const void *pb)
{
	const name_slot *x = pa, *y = pb;
	int r = strcmp(x->name, y->name);

	if (r)
		return r;
	return x->order < y->order ? 1 : x->order > y->order ? -1 : 0;
}

/* Sorted index of every name, built once the guides are known. */
static int
build_index(geom_ctx *c)
{
	size_t n = (size_t) DML_GEOM_N_BUILTIN + c->n_adj + c->n_gd, k = 0;
	uint32_t i;

	c->index = s2p_malloc_array(n, sizeof(*c->index));
	if (!c->index)
		return S2P_FAIL(c->err, S2P_ENOMEM, "out of memory reading custGeom");
	for (i = 0; i < DML_GEOM_N_BUILTIN; i++)
		c->index[k++] = (name_slot) { dml_geom_builtin_name((int) i), i, 0 };
	for (i = 0; i < c->n_adj; i++)
		c->index[k++] = (name_slot) { c->adj_names[i],
		                              DML_GEOM_N_BUILTIN + i, 1 + i };
	for (i = 0; i < c->n_gd; i++)
		c->index[k++] = (name_slot) { c->gd_names[i],
		                              DML_GEOM_N_BUILTIN + c->n_adj + i,
		                              1 + c->n_adj + i };
	qsort(c->index, k, sizeof(*c->index), cmp_name_slot);
	c->n_index = k;
	return 0;
}

static int
find_name(const geom_ctx *c, const char *name, uint32_t *slot)
{
	uint32_t i;
	size_t lo = 0, hi = c->n_index;
	int b;

	if (c->index) {
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (strcmp(c->index[mid].name, name) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < c->n_index && strcmp(c->index[lo].name, name) == 0) {
			*slot = c->index[lo].slot;
			return 1;
		}
		return 0;
	}
	/* In a:gdLst a formula sees only the guides before it. */
	for (i = c->n_gd_seen; i-- > 0;)
		if (strcmp(c->gd_names[i], name) == 0) {
			*slot = DML_GEOM_N_BUILTIN + c->n_adj + i;
			return 1;
		}
	for (i = c->n_adj; i-- > 0;)
		if (strcmp(c->adj_names[i], name) == 0) {
			*slot = DML_GEOM_N_BUILTIN + i;
			return 1;
		}
	b = dml_geom_builtin_find(name);
	if (b >= 0) {
		*slot = (uint32_t) b;
		return 1;
	}
	return 0;
}

/*
 * One argument (ST_AdjCoordinate / ST_AdjAngle / a formula operand): an
 * integer literal or a guide name. @s may be NULL (missing attribute).
 */
static int
resolve(geom_ctx *c, const char *s, size_t len, uint32_t dflt, uint32_t *slot)
{
	char name[128];
	int64_t v;

	*slot = dflt;
	if (!s)
		return 0;
	while (len && is_space(*s)) {
		s++;
		len--;
	}
	while (len && is_space(s[len - 1]))
		len--;
	if (!len)
		return 0;
	if (parse_int(s, len, &v) == 0)
		return add_const(c, v, slot);
	if (len >= sizeof(name)) {
		*slot = DML_GEOM_B_L;
		return 0;
	}
	memcpy(name, s, len);
	name[len] = 0;
	if (find_name(c, name, slot))
		return 0;
	/* Not a name we know and not a number either: "12abc", "1.5". */
	if (s[0] == '-' || s[0] == '+' || (s[0] >= '0' && s[0] <= '9'))
		return S2P_FAIL(c->err, S2P_EFORMAT,
		                "custGeom: malformed number \"%.40s\"", name);
	/* An unknown guide name reads as 0. */
	*slot = DML_GEOM_B_L;
	return 0;
}

static int
resolve_attr(geom_ctx *c, const xmlNode *n, const char *name, uint32_t dflt,
             uint32_t *slot)
{
	const char *s = attr(n, name);

	return resolve(c, s, s ? strlen(s) : 0, dflt, slot);
}

static const struct {
	const char *name;
	uint16_t op;
	uint8_t n_args;
} formula_ops[] = {
	{ "val", DML_GEOM_OP_VAL, 1 },   { "*/", DML_GEOM_OP_MULDIV, 3 },
	{ "+-", DML_GEOM_OP_ADDSUB, 3 }, { "+/", DML_GEOM_OP_ADDDIV, 3 },
	{ "?:", DML_GEOM_OP_IFELSE, 3 }, { "abs", DML_GEOM_OP_ABS, 1 },
	{ "at2", DML_GEOM_OP_AT2, 2 },   { "cat2", DML_GEOM_OP_CAT2, 3 },
	{ "cos", DML_GEOM_OP_COS, 2 },   { "max", DML_GEOM_OP_MAX, 2 },
	{ "min", DML_GEOM_OP_MIN, 2 },   { "mod", DML_GEOM_OP_MOD, 3 },
	{ "pin", DML_GEOM_OP_PIN, 3 },   { "sat2", DML_GEOM_OP_SAT2, 3 },
	{ "sin", DML_GEOM_OP_SIN, 2 },   { "sqrt", DML_GEOM_OP_SQRT, 1 },
	{ "tan", DML_GEOM_OP_TAN, 2 },
};

/*
 * a:gd@fmla: "op x [y [z]]". Missing operands read as 0; surplus ones are
 * ignored (the spec's own circularArrow has "+- xH 0 dxB 0").
 */
static int
parse_formula(geom_ctx *c, const char *f, dml_geom_gd *gd)
{
	const char *tok[4] = { NULL, NULL, NULL, NULL };
	size_t len[4] = { 0, 0, 0, 0 }, i, n = 0;
	int op = -1, rc;

	while (f && *f && n < 4) {
		while (is_space(*f))
			f++;
		if (!*f)
			break;
		tok[n] = f;
		while (*f && !is_space(*f))
			f++;
		len[n] = (size_t) (f - tok[n]);
		n++;
	}
	if (!n) {
		/* A missing or empty fmla: the guide is 0. */
		gd->op = DML_GEOM_OP_VAL;
		gd->arg[0] = gd->arg[1] = gd->arg[2] = DML_GEOM_B_L;
		return 0;
	}
	for (i = 0; i < S2P_ARRAY_LEN(formula_ops); i++)
		if (strlen(formula_ops[i].name) == len[0] &&
		    memcmp(formula_ops[i].name, tok[0], len[0]) == 0)
			op = (int) i;
	if (op < 0)
		return S2P_FAIL(c->err, S2P_EFORMAT,
		                "custGeom: unknown guide formula \"%.*s\"",
		                (int) (len[0] < 40 ? len[0] : 40), tok[0]);
	gd->op = formula_ops[op].op;
	for (i = 0; i < 3; i++) {
		uint32_t s = DML_GEOM_B_L;

		if (i < formula_ops[op].n_args && tok[i + 1]) {
			rc = resolve(c, tok[i + 1], len[i + 1], DML_GEOM_B_L, &s);
			if (rc)
				return rc;
		}
		/* Guide operands fit 16 bits by the limits on guides and adjusts. */
		if (s > UINT16_MAX)
			return S2P_FAIL(c->err, S2P_ELIMIT, "custGeom has too many values");
		gd->arg[i] = (uint16_t) s;
	}
	return 0;
}

/* "val N" with a well-formed N: an adjust default. */
static int
is_val_formula(const char *f, int64_t *v)
{
	const char *p;

	if (!f)
		return 0;
	while (is_space(*f))
		f++;
	if (strncmp(f, "val", 3) != 0 || !is_space(f[3]))
		return 0;
	f += 3;
	while (is_space(*f))
		f++;
	for (p = f; *p && !is_space(*p); p++)
		;
	if (parse_int(f, (size_t) (p - f), v))
		return 0;
	while (is_space(*p))
		p++;
	return *p == 0;
}

/* a:avLst entries that are "val N" become adjusts; anything else a guide. */
static int
collect_guides(geom_ctx *c, xmlNode *av_lst, xmlNode *gd_lst,
               xmlNode ***gd_nodes, int64_t **adj_vals)
{
	size_t n_av = count_children(av_lst, "gd");
	size_t n_gd = count_children(gd_lst, "gd");
	xmlNode *n, **nodes;
	int64_t v;

	if (n_av > LOAD_GEOM_MAX_ADJ)
		return S2P_FAIL(c->err, S2P_ELIMIT,
		                "custGeom: %zu adjust values (limit %d)",
		                n_av, LOAD_GEOM_MAX_ADJ);
	if (n_gd > LOAD_GEOM_MAX_GD)
		return S2P_FAIL(c->err, S2P_ELIMIT, "custGeom: %zu guides (limit %d)",
		                n_gd, LOAD_GEOM_MAX_GD);
	nodes = s2p_malloc_array(n_av + n_gd, sizeof(*nodes));
	c->gd_names = s2p_malloc_array(n_av + n_gd, sizeof(*c->gd_names));
	c->adj_names = s2p_arena_alloc_array(c->a, n_av ? n_av : 1,
	                                     sizeof(*c->adj_names));
	*adj_vals = s2p_arena_alloc_array(c->a, n_av ? n_av : 1, sizeof(int64_t));
	*gd_nodes = nodes;
	if (!nodes || !c->gd_names || !c->adj_names || !*adj_vals)
		return S2P_FAIL(c->err, S2P_ENOMEM, "out of memory reading custGeom");
	for (n = av_lst ? av_lst->children : NULL; n; n = n->next) {
		const char *name;

		if (!is_elem(n, "gd"))
			continue;
		name = attr(n, "name");
		if (!name)
			name = "";
		if (is_val_formula(attr(n, "fmla"), &v)) {
			c->adj_names[c->n_adj] = s2p_arena_strdup(c->a, name);
			if (!c->adj_names[c->n_adj])
				return S2P_FAIL(c->err, S2P_ENOMEM,
				                "out of memory reading custGeom");
			(*adj_vals)[c->n_adj++] = v;
		}
		else {
			nodes[c->n_gd] = n;
			c->gd_names[c->n_gd++] = name;
		}
	}
	for (n = gd_lst ? gd_lst->children : NULL; n; n = n->next) {
		if (!is_elem(n, "gd"))
			continue;
		nodes[c->n_gd] = n;
		c->gd_names[c->n_gd] = attr(n, "name");
		if (!c->gd_names[c->n_gd])
			c->gd_names[c->n_gd] = "";
		c->n_gd++;
	}
	return 0;
}

static int
parse_guides(geom_ctx *c, xmlNode **nodes, dml_geom_gd **out)
{
	dml_geom_gd *gds;
	uint32_t i;
	int rc;

	*out = NULL;
	if (!c->n_gd)
		return 0;
	gds = s2p_arena_alloc_array(c->a, c->n_gd, sizeof(*gds));
	if (!gds)
		return S2P_FAIL(c->err, S2P_ENOMEM, "out of memory reading custGeom");
	for (i = 0; i < c->n_gd; i++) {
		c->n_gd_seen = i;
		rc = parse_formula(c, attr(nodes[i], "fmla"), &gds[i]);
		if (rc)
			return rc;
	}
	c->n_gd_seen = c->n_gd;
	*out = gds;
	return 0;
}

static int
cmd_n_args(char c)
{
	switch (c) {
	case DML_GEOM_CMD_MOVE_TO:
	case DML_GEOM_CMD_LN_TO:        return 2;
	case DML_GEOM_CMD_ARC_TO:
	case DML_GEOM_CMD_QUAD_BEZ_TO:  return 4;
	case DML_GEOM_CMD_CUBIC_BEZ_TO: return 6;
	default:                        return 0;
	}
}

static char
cmd_letter(const xmlNode *n)
{
	static const struct { const char *name; char letter; } cmds[] = {
		{ "moveTo", DML_GEOM_CMD_MOVE_TO },
		{ "lnTo", DML_GEOM_CMD_LN_TO },
		{ "arcTo", DML_GEOM_CMD_ARC_TO },
		{ "quadBezTo", DML_GEOM_CMD_QUAD_BEZ_TO },
		{ "cubicBezTo", DML_GEOM_CMD_CUBIC_BEZ_TO },
		{ "close", DML_GEOM_CMD_CLOSE },
	};
	size_t i;

	if (n->type != XML_ELEMENT_NODE)
		return 0;
	for (i = 0; i < S2P_ARRAY_LEN(cmds); i++)
		if (strcmp((const char *) n->name, cmds[i].name) == 0)
			return cmds[i].letter;
	return 0;
}

/* a:path@w/@h (ST_PositiveCoordinate); negative reads as unset. */
static int
parse_size(geom_ctx *c, const xmlNode *n, const char *name, int64_t *out)
{
	const char *s = attr(n, name);

	*out = 0;
	if (!s)
		return 0;
	if (parse_int(s, strlen(s), out))
		return S2P_FAIL(c->err, S2P_EFORMAT,
		                "custGeom: a:path@%s \"%.40s\" is not a number", name, s);
	if (*out < 0)
		*out = 0;
	return 0;
}

static uint8_t
parse_fill(const char *s)
{
	static const struct { const char *name; uint8_t fill; } fills[] = {
		{ "none", DML_GEOM_FILL_NONE },
		{ "norm", DML_GEOM_FILL_NORM },
		{ "lighten", DML_GEOM_FILL_LIGHTEN },
		{ "lightenLess", DML_GEOM_FILL_LIGHTEN_LESS },
		{ "darken", DML_GEOM_FILL_DARKEN },
		{ "darkenLess", DML_GEOM_FILL_DARKEN_LESS },
	};
	size_t i;

	for (i = 0; s && i < S2P_ARRAY_LEN(fills); i++)
		if (strcmp(s, fills[i].name) == 0)
			return fills[i].fill;
	return DML_GEOM_FILL_NORM;
}

/* The points of one command: a:pt children, or arcTo's own attributes. */
static int
parse_cmd_args(geom_ctx *c, xmlNode *cmd, char letter, uint32_t *args)
{
	static const char *const arc_attrs[] = { "wR", "hR", "stAng", "swAng" };
	int na = cmd_n_args(letter), k = 0, rc;
	xmlNode *pt;

	if (letter == DML_GEOM_CMD_ARC_TO) {
		for (k = 0; k < 4; k++) {
			rc = resolve_attr(c, cmd, arc_attrs[k], DML_GEOM_B_L, &args[k]);
			if (rc)
				return rc;
		}
		return 0;
	}
	for (pt = cmd->children; pt && k < na; pt = pt->next) {
		if (!is_elem(pt, "pt"))
			continue;
		rc = resolve_attr(c, pt, "x", DML_GEOM_B_L, &args[k]);
		if (!rc)
			rc = resolve_attr(c, pt, "y", DML_GEOM_B_L, &args[k + 1]);
		if (rc)
			return rc;
		k += 2;
	}
	/* Missing points read as (0, 0). */
	for (; k < na; k++)
		args[k] = DML_GEOM_B_L;
	return 0;
}

static int
parse_path(geom_ctx *c, xmlNode *p, dml_geom_path *out)
{
	const char *s;
	char *cmds;
	uint32_t *args;
	size_t n_cmd = 0, n_arg = 0, i = 0, ai = 0;
	xmlNode *n;
	int rc;

	for (n = p->children; n; n = n->next) {
		char l = cmd_letter(n);

		if (!l)
			continue;
		if (++n_cmd > LOAD_GEOM_MAX_CMD)
			return S2P_FAIL(c->err, S2P_ELIMIT,
			                "custGeom: more than %d commands in a path",
			                LOAD_GEOM_MAX_CMD);
		n_arg += (size_t) cmd_n_args(l);
	}
	rc = parse_size(c, p, "w", &out->w);
	if (!rc)
		rc = parse_size(c, p, "h", &out->h);
	if (rc)
		return rc;
	out->fill = parse_fill(attr(p, "fill"));
	s = attr(p, "stroke");
	out->stroke = !(s && (strcmp(s, "false") == 0 || strcmp(s, "0") == 0));
	cmds = s2p_arena_alloc(c->a, n_cmd ? n_cmd : 1);
	args = s2p_arena_alloc_array(c->a, n_arg ? n_arg : 1, sizeof(*args));
	if (!cmds || !args)
		return S2P_FAIL(c->err, S2P_ENOMEM, "out of memory reading custGeom");
	for (n = p->children; n; n = n->next) {
		char l = cmd_letter(n);

		if (!l)
			continue;
		cmds[i++] = l;
		rc = parse_cmd_args(c, n, l, args + ai);
		if (rc)
			return rc;
		ai += (size_t) cmd_n_args(l);
	}
	out->n_cmd = (uint32_t) n_cmd;
	out->n_arg = (uint32_t) n_arg;
	out->cmds = cmds;
	out->args = args;
	return 0;
}

static int
parse_paths(geom_ctx *c, xmlNode *path_lst, dml_geom *g)
{
	size_t n_path = count_children(path_lst, "path"), i = 0;
	dml_geom_path *paths;
	xmlNode *p;
	int rc;

	if (n_path > LOAD_GEOM_MAX_PATH)
		return S2P_FAIL(c->err, S2P_ELIMIT, "custGeom: %zu paths (limit %d)",
		                n_path, LOAD_GEOM_MAX_PATH);
	if (!n_path)
		return 0;
	paths = s2p_arena_alloc_array(c->a, n_path, sizeof(*paths));
	if (!paths)
		return S2P_FAIL(c->err, S2P_ENOMEM, "out of memory reading custGeom");
	for (p = path_lst->children; p; p = p->next) {
		if (!is_elem(p, "path"))
			continue;
		rc = parse_path(c, p, &paths[i++]);
		if (rc)
			return rc;
	}
	g->paths = paths;
	g->n_path = (uint32_t) n_path;
	return 0;
}

/* a:rect; absent, or a side missing, means the shape's own edge. */
static int
parse_rect(geom_ctx *c, xmlNode *rect, dml_geom *g)
{
	static const char *const sides[] = { "l", "t", "r", "b" };
	static const uint32_t dflt[] = {
		DML_GEOM_B_L, DML_GEOM_B_T, DML_GEOM_B_R, DML_GEOM_B_B
	};
	int k, rc;

	for (k = 0; k < 4; k++) {
		g->rect[k] = dflt[k];
		if (!rect)
			continue;
		rc = resolve_attr(c, rect, sides[k], dflt[k], &g->rect[k]);
		if (rc)
			return rc;
	}
	return 0;
}

static int
parse_cust(geom_ctx *c, xmlNode *cust_geom, dml_geom *g, xmlNode ***nodes)
{
	dml_geom_gd *gds = NULL;
	int64_t *adj_vals = NULL;
	int rc;

	rc = collect_guides(c, child(cust_geom, "avLst"),
	                    child(cust_geom, "gdLst"), nodes, &adj_vals);
	if (!rc)
		rc = parse_guides(c, *nodes, &gds);
	if (!rc)
		rc = build_index(c);
	if (!rc)
		rc = parse_rect(c, child(cust_geom, "rect"), g);
	if (!rc)
		rc = parse_paths(c, child(cust_geom, "pathLst"), g);
	if (rc)
		return rc;
	g->adj_names = c->adj_names;
	g->adj_vals = adj_vals;
	g->n_adj = c->n_adj;
	g->gds = gds;
	g->n_gd = c->n_gd;
	if (c->n_const) {
		g->consts = s2p_arena_memdup(c->a, c->consts,
		                             c->n_const * sizeof(int64_t));
		if (!g->consts)
			return S2P_FAIL(c->err, S2P_ENOMEM, "out of memory reading custGeom");
	}
	g->n_const = c->n_const;
	return 0;
}

dml_geom *
load_geom_parse_cust(xmlNode *cust_geom, s2p_arena *a, s2p_error *err)
{
	geom_ctx c;
	dml_geom *g;
	xmlNode **nodes = NULL;
	int rc;

	if (!cust_geom || !a) {
		S2P_FAIL(err, S2P_EARG, "load_geom_parse_cust: no element or arena");
		return NULL;
	}
	g = s2p_arena_alloc(a, sizeof(*g));
	if (!g) {
		S2P_FAIL(err, S2P_ENOMEM, "out of memory reading custGeom");
		return NULL;
	}
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.err = err;
	rc = parse_cust(&c, cust_geom, g, &nodes);
	free(nodes);
	free(c.gd_names);
	free(c.consts);
	free(c.index);
	return rc ? NULL : g;
}

int
load_geom_parse_avlst(xmlNode *av_lst, s2p_arena *a, dml_adj **out,
                      size_t *n_out, s2p_error *err)
{
	size_t n = count_children(av_lst, "gd"), k = 0;
	dml_adj *adj;
	xmlNode *gd;
	int64_t v;

	*out = NULL;
	*n_out = 0;
	if (!n)
		return 0;
	if (n > LOAD_GEOM_MAX_ADJ)
		return S2P_FAIL(err, S2P_ELIMIT, "avLst: %zu adjust values (limit %d)",
		                n, LOAD_GEOM_MAX_ADJ);
	adj = s2p_arena_alloc_array(a, n, sizeof(*adj));
	if (!adj)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory reading avLst");
	for (gd = av_lst->children; gd; gd = gd->next) {
		const char *name, *f;

		if (!is_elem(gd, "gd"))
			continue;
		name = attr(gd, "name");
		f = attr(gd, "fmla");
		if (!name || !f)
			continue;
		if (!is_val_formula(f, &v)) {
			/* "val junk" is broken input; other operators we skip. */
			while (is_space(*f))
				f++;
			if (strncmp(f, "val", 3) == 0 && (is_space(f[3]) || !f[3]))
				return S2P_FAIL(err, S2P_EFORMAT,
				                "avLst: malformed value \"%.40s\" for %.40s",
				                f, name);
			continue;
		}
		adj[k].name = s2p_arena_strdup(a, name);
		if (!adj[k].name)
			return S2P_FAIL(err, S2P_ENOMEM, "out of memory reading avLst");
		adj[k++].val = v;
	}
	*out = k ? adj : NULL;
	*n_out = k;
	return 0;
}
