/*
 * Output names: "<n>" is the slide's 1-based number in the deck (hidden
 * slides counted), "<n:W>" the same zero-padded to W digits.
 */
#include "output/output.h"

#include <stdio.h>
#include <string.h>

int
out_name_has_number(const char *pattern)
{
	return pattern && (strstr(pattern, "<n>") || strstr(pattern, "<n:"));
}

int
out_name_format(const char *pattern, int number, char *out, size_t size,
                s2p_error *err)
{
	size_t len = 0;
	const char *p = pattern;

	while (*p) {
		char num[32];
		int n = 0;

		if (strncmp(p, "<n>", 3) == 0) {
			n = snprintf(num, sizeof num, "%d", number);
			p += 3;
		}
		else if (strncmp(p, "<n:", 3) == 0 && p[3] >= '1' && p[3] <= '9' &&
		         p[4] == '>') {
			n = snprintf(num, sizeof num, "%0*d", p[3] - '0', number);
			p += 5;
		}
		else {
			num[0] = *p++;
			n = 1;
		}
		if (len + (size_t) n + 1 > size)
			return S2P_FAIL(err, S2P_EARG, "output name too long");
		memcpy(out + len, num, (size_t) n);
		len += (size_t) n;
	}
	out[len] = 0;
	return 0;
}
