/*
 * Matching the slides of two versions of a deck. PowerPoint keeps
 * p:sldId@id stable across edits and reordering, so ids pair slides first;
 * slides left over (copies, decks re-saved by tools that renumber ids)
 * pair by the similarity of their pictures, closest first, within
 * DIFF_MATCH_MAX_DIST. Then the pairs that moved: those outside one
 * longest subsequence ordered in both decks (the fewest moves that explain
 * the new order). Pure functions; any thread.
 */
#include "api/diff-imp.h"

#include <stdlib.h>
#include <string.h>

/* Index of the only item with @id, -1 if none or several. */
static int
unique_id(const diff_item *items, int n, uint32_t id)
{
	int found = -1;

	if (!id)
		return -1;
	for (int i = 0; i < n; i++)
		if (items[i].sld_id == id) {
			if (found >= 0)
				return -1;
			found = i;
		}
	return found;
}

typedef struct candidate {
	double dist;           /* -1: identical pixels */
	int gap;               /* |old number - new number| */
	int o, n;
} candidate;

static int
candidate_cmp(const void *pa, const void *pb)
{
	const candidate *a = pa, *b = pb;

	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	if (a->gap != b->gap)
		return a->gap < b->gap ? -1 : 1;
	if (a->o != b->o)
		return a->o < b->o ? -1 : 1;
	return (a->n > b->n) - (a->n < b->n);
}

/* Pair the unpaired rendered slides by picture, closest pairs first. */
static int
match_images(const diff_item *olds, int n_old, const diff_item *news,
             int n_new, int *old_to_new, int *new_taken, int *by,
             int *skipped, s2p_error *err)
{
	size_t n_o = 0, n_n = 0, n_c = 0;
	candidate *c;

	for (int i = 0; i < n_old; i++)
		n_o += old_to_new[i] < 0 && olds[i].rendered;
	for (int j = 0; j < n_new; j++)
		n_n += !new_taken[j] && news[j].rendered;
	if (!n_o || !n_n)
		return 0;
	if ((double) n_o * (double) n_n > DIFF_MATCH_MAX_PAIRS) {
		*skipped = 1;
		return 0;
	}
	c = s2p_malloc_array(n_o * n_n, sizeof *c);
	if (!c)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	for (int i = 0; i < n_old; i++) {
		if (old_to_new[i] >= 0 || !olds[i].rendered)
			continue;
		for (int j = 0; j < n_new; j++) {
			double d;
			if (new_taken[j] || !news[j].rendered)
				continue;
			d = memcmp(olds[i].hash, news[j].hash, sizeof olds[i].hash) == 0 ?
			    -1 : diff_sig_distance(&olds[i].sig, &news[j].sig);
			if (d > DIFF_MATCH_MAX_DIST)
				continue;
			c[n_c].dist = d;
			c[n_c].gap = abs(olds[i].number - news[j].number);
			c[n_c].o = i;
			c[n_c].n = j;
			n_c++;
		}
	}
	qsort(c, n_c, sizeof *c, candidate_cmp);
	for (size_t k = 0; k < n_c; k++) {
		if (old_to_new[c[k].o] >= 0 || new_taken[c[k].n])
			continue;
		old_to_new[c[k].o] = c[k].n;
		new_taken[c[k].n] = 1;
		by[c[k].o] = S2P_DIFF_MATCH_IMAGE;
	}
	free(c);
	return 0;
}

int
diff_match(const diff_item *olds, int n_old, const diff_item *news,
           int n_new, int ignore_ids, int *old_to_new, int *by,
           int *image_skipped, s2p_error *err)
{
	int *new_taken = s2p_calloc_array(n_new > 0 ? (size_t) n_new : 1,
	                                  sizeof *new_taken);
	int rc;

	*image_skipped = 0;
	if (!new_taken)
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	for (int i = 0; i < n_old; i++) {
		old_to_new[i] = -1;
		by[i] = S2P_DIFF_MATCH_NONE;
	}
	for (int i = 0; i < n_old && !ignore_ids; i++) {
		int j;
		/* an id used twice in either deck identifies nothing */
		if (unique_id(olds, n_old, olds[i].sld_id) != i)
			continue;
		j = unique_id(news, n_new, olds[i].sld_id);
		if (j < 0)
			continue;
		old_to_new[i] = j;
		new_taken[j] = 1;
		by[i] = S2P_DIFF_MATCH_ID;
	}
	rc = match_images(olds, n_old, news, n_new, old_to_new, new_taken, by,
	                  image_skipped, err);
	free(new_taken);
	return rc;
}

int
diff_moved(const int *old_to_new, int n_old, int *moved, s2p_error *err)
{
	/* Longest increasing subsequence of the new positions taken in old
	 * order (patience sorting): tails[k] is the old index ending the best
	 * run of length k + 1, prev[] links each run back. */
	int *tails, *prev, len = 0, k;
	size_t n = n_old > 0 ? (size_t) n_old : 1;

	tails = s2p_malloc_array(n, sizeof *tails);
	prev = s2p_malloc_array(n, sizeof *prev);
	if (!tails || !prev) {
		free(tails);
		free(prev);
		return S2P_FAIL(err, S2P_ENOMEM, "out of memory");
	}
	for (int i = 0; i < n_old; i++) {
		int lo = 0, hi = len, v = old_to_new[i];
		moved[i] = v >= 0; /* cleared below for the run's members */
		if (v < 0)
			continue;
		while (lo < hi) {
			int mid = (lo + hi) / 2;
			if (old_to_new[tails[mid]] < v)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tails[lo - 1] : -1;
		tails[lo] = i;
		if (lo == len)
			len++;
	}
	for (k = len > 0 ? tails[len - 1] : -1; k >= 0; k = prev[k])
		moved[k] = 0;
	free(tails);
	free(prev);
	return 0;
}
