/*
 * A small streaming JSON writer (RFC 8259) for the manifest: objects and
 * arrays pretty-printed with two spaces, keys in the order written (so the
 * output order is the caller's, deterministic), strings escaped and always
 * valid UTF-8 (invalid bytes become U+FFFD), numbers locale-independent.
 */
#include "cli.h"

#include <math.h>
#include <string.h>

void
cli_json_init(cli_json *j, FILE *f)
{
	memset(j, 0, sizeof *j);
	j->f = f;
}

static void
indent(cli_json *j)
{
	fputc('\n', j->f);
	for (int i = 0; i < j->depth; i++)
		fputs("  ", j->f);
}

/* Before a value: a comma and a new line unless it follows a key. */
static void
before_value(cli_json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0) {
		if (j->has_items[j->depth])
			fputc(',', j->f);
		indent(j);
	}
	j->has_items[j->depth] = 1;
}

static void
open_level(cli_json *j, char c)
{
	before_value(j);
	fputc(c, j->f);
	if (j->depth < 63)
		j->depth++;
	j->has_items[j->depth] = 0;
}

static void
close_level(cli_json *j, char c)
{
	int had = j->has_items[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (had)
		indent(j);
	fputc(c, j->f);
	if (j->depth == 0)
		fputc('\n', j->f);
}

void
cli_json_begin_object(cli_json *j)
{
	open_level(j, '{');
}

void
cli_json_end_object(cli_json *j)
{
	close_level(j, '}');
}

void
cli_json_begin_array(cli_json *j)
{
	open_level(j, '[');
}

void
cli_json_end_array(cli_json *j)
{
	close_level(j, ']');
}

void
cli_json_key(cli_json *j, const char *key)
{
	before_value(j);
	cli_json_write_string(j->f, key);
	fputs(": ", j->f);
	j->after_key = 1;
}

/* Length of the valid UTF-8 sequence at @s (1-4), or 0 if invalid. */
static int
utf8_len(const unsigned char *s)
{
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f))
			return 0; /* overlong, or a UTF-16 surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
			return 0;
		return 4;
	}
	return 0;
}

void
cli_json_write_string(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *) str;

	fputc('"', f);
	while (*s) {
		int n;

		switch (*s) {
		case '"': fputs("\\\"", f); s++; continue;
		case '\\': fputs("\\\\", f); s++; continue;
		case '\b': fputs("\\b", f); s++; continue;
		case '\f': fputs("\\f", f); s++; continue;
		case '\n': fputs("\\n", f); s++; continue;
		case '\r': fputs("\\r", f); s++; continue;
		case '\t': fputs("\\t", f); s++; continue;
		}
		if (*s < 0x20) {
			fprintf(f, "\\u%04x", *s);
			s++;
			continue;
		}
		n = utf8_len(s);
		if (n == 0) {
			fputs("\\ufffd", f);
			s++;
			continue;
		}
		fwrite(s, 1, (size_t) n, f);
		s += n;
	}
	fputc('"', f);
}

void
cli_json_string(cli_json *j, const char *s)
{
	if (!s) {
		cli_json_null(j);
		return;
	}
	before_value(j);
	cli_json_write_string(j->f, s);
}

void
cli_json_int(cli_json *j, long long v)
{
	before_value(j);
	fprintf(j->f, "%lld", v);
}

void
cli_json_number(cli_json *j, double v)
{
	cli_json_number_digits(j, v, 3);
}

void
cli_json_number_digits(cli_json *j, double v, int digits)
{
	char buf[64], *comma;

	if (!isfinite(v)) {
		cli_json_null(j);
		return;
	}
	before_value(j);
	snprintf(buf, sizeof buf, "%.*f", digits, v);
	/* JSON needs '.', whatever LC_NUMERIC a host program has set */
	comma = strchr(buf, ',');
	if (comma)
		*comma = '.';
	fputs(buf, j->f);
}

void
cli_json_bool(cli_json *j, int v)
{
	before_value(j);
	fputs(v ? "true" : "false", j->f);
}

void
cli_json_null(cli_json *j)
{
	before_value(j);
	fputs("null", j->f);
}
