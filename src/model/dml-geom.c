/*
 * model/dml-geom: lookup in the generated preset table (preset-geom.c),
 * built-in variable names, and deep copies of a:custGeom geometries into
 * another arena. Presets are static const and never copied; everything
 * here is read-only and thread-safe.
 */
#include "model/dml-geom.h"

#include <string.h>

#define DML_GEOM_BUILTIN_STR(id, str) str,
static const char *const builtin_names[] = {
	DML_GEOM_BUILTINS(DML_GEOM_BUILTIN_STR)
};
#undef DML_GEOM_BUILTIN_STR

_Static_assert(S2P_ARRAY_LEN(builtin_names) == DML_GEOM_N_BUILTIN,
               "built-in name table out of sync");

const dml_geom *
dml_geom_preset(const char *name)
{
	size_t lo = 0, hi = dml_geom_preset_table_len;

	if (!name)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, dml_geom_preset_table[mid].name);

		if (c == 0)
			return &dml_geom_preset_table[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

size_t
dml_geom_preset_count(void)
{
	return dml_geom_preset_table_len;
}

const char *
dml_geom_preset_name(size_t i)
{
	if (i >= dml_geom_preset_table_len)
		return NULL;
	return dml_geom_preset_table[i].name;
}

int
dml_geom_builtin_find(const char *name)
{
	int i;

	if (!name)
		return -1;
	for (i = 0; i < DML_GEOM_N_BUILTIN; i++)
		if (strcmp(name, builtin_names[i]) == 0)
			return i;
	return -1;
}

const char *
dml_geom_builtin_name(int i)
{
	if (i < 0 || i >= DML_GEOM_N_BUILTIN)
		return NULL;
	return builtin_names[i];
}

static int
clone_paths(dml_geom *d, const dml_geom *g, s2p_arena *a)
{
	dml_geom_path *paths;
	uint32_t i;

	if (!g->n_path)
		return 0;
	paths = s2p_arena_alloc_array(a, g->n_path, sizeof(*paths));
	if (!paths)
		return -1;
	for (i = 0; i < g->n_path; i++) {
		const dml_geom_path *src = &g->paths[i];

		paths[i] = *src;
		paths[i].cmds = NULL;
		paths[i].args = NULL;
		if (src->n_cmd) {
			paths[i].cmds = s2p_arena_memdup(a, src->cmds, src->n_cmd);
			if (!paths[i].cmds)
				return -1;
		}
		if (src->n_arg) {
			paths[i].args = s2p_arena_alloc_array(a, src->n_arg,
			                                      sizeof(uint32_t));
			if (!paths[i].args)
				return -1;
			memcpy((uint32_t *) paths[i].args, src->args,
			       src->n_arg * sizeof(uint32_t));
		}
	}
	d->paths = paths;
	return 0;
}

static void *
dup_array(s2p_arena *a, const void *p, size_t n, size_t size, int *fail)
{
	void *d;

	if (!n || !p)
		return NULL;
	d = s2p_arena_alloc_array(a, n, size);
	if (!d) {
		*fail = 1;
		return NULL;
	}
	memcpy(d, p, n * size);
	return d;
}

dml_geom *
dml_geom_clone(const dml_geom *g, s2p_arena *a)
{
	dml_geom *d;
	const char **names = NULL;
	int fail = 0;
	uint32_t i;

	if (!g)
		return NULL;
	/* Presets live in the static table and are shared by every shape. */
	if (g->name)
		return (dml_geom *) g;
	d = s2p_arena_alloc(a, sizeof(*d));
	if (!d)
		return NULL;
	*d = *g;
	if (g->n_adj) {
		names = s2p_arena_alloc_array(a, g->n_adj, sizeof(*names));
		if (!names)
			return NULL;
		for (i = 0; i < g->n_adj; i++) {
			names[i] = s2p_arena_strdup(a, g->adj_names[i] ?
			                            g->adj_names[i] : "");
			if (!names[i])
				return NULL;
		}
	}
	d->adj_names = names;
	d->adj_vals = dup_array(a, g->adj_vals, g->n_adj, sizeof(int64_t), &fail);
	d->gds = dup_array(a, g->gds, g->n_gd, sizeof(dml_geom_gd), &fail);
	d->consts = dup_array(a, g->consts, g->n_const, sizeof(int64_t), &fail);
	d->paths = NULL;
	if (fail || clone_paths(d, g, a))
		return NULL;
	return d;
}
