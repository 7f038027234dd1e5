/*
 * Output names: "<n>" is the slide's 1-based number in the deck (hidden
 * slides counted), "<n:W>" the same zero-padded to W digits, "<name>" the
 * deck's file stem (for several decks in one call).
 */
#include "output/output.h"

#include <stdio.h>
#include <string.h>

/* Length of the placeholder at @p ("<n>" or "<n:W>", W in 1..9), or 0. */
static int
placeholder_len(const char *p)
{
	if (strncmp(p, "<n>", 3) == 0)
		return 3;
	if (strncmp(p, "<n:", 3) == 0 && p[3] >= '1' && p[3] <= '9' && p[4] == '>')
		return 5;
	return 0;
}

int
out_name_has_number(const char *pattern)
{
	for (const char *p = pattern; p && *p; p++)
		if (placeholder_len(p))
			return 1;
	return 0;
}

int
out_name_has_name(const char *pattern)
{
	return pattern && strstr(pattern, "<name>") != NULL;
}

int
out_name_expand(const char *pattern, const char *name, int number, char *out,
                size_t size, s2p_error *err)
{
	size_t len = 0;
	const char *p = pattern;

	if (!pattern || size == 0)
		return S2P_FAIL(err, S2P_EARG, "no output name");
	while (*p) {
		char num[32];
		const char *piece = num;
		size_t n = 0;
		int ph = placeholder_len(p);

		if (ph == 3)
			n = (size_t) snprintf(num, sizeof num, "%d", number);
		else if (ph == 5)
			n = (size_t) snprintf(num, sizeof num, "%0*d", p[3] - '0', number);
		else if (name && strncmp(p, "<name>", 6) == 0) {
			piece = name;
			n = strlen(name);
			ph = 6;
		}
		if (ph)
			p += ph;
		else {
			num[0] = *p++;
			n = 1;
		}
		if (len + n + 1 > size)
			return S2P_FAIL(err, S2P_EARG, "output name too long");
		memcpy(out + len, piece, n);
		len += n;
	}
	out[len] = 0;
	return 0;
}

int
out_name_format(const char *pattern, int number, char *out, size_t size,
                s2p_error *err)
{
	return out_name_expand(pattern, NULL, number, out, size, err);
}
