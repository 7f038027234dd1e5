/*
 * Charts in the model: release of the media they hold, and the pure
 * pieces shared by loader, renderer and tests: automatic axis scaling as
 * Office chooses it, spreadsheet number formats (the subset charts use)
 * and the default series colours of the c:style presets.
 */
#include "model/dml-chart.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void
sppr_release(dml_chart_sppr *s)
{
	dml_fill_release(&s->fill);
	dml_fill_release(&s->line.fill);
}

static void
series_release(dml_chart_series *s)
{
	sppr_release(&s->sppr);
	sppr_release(&s->marker.sppr);
	sppr_release(&s->dlbls.sppr);
	for (uint32_t i = 0; i < s->n_dpts; i++) {
		sppr_release(&s->dpts[i].sppr);
		sppr_release(&s->dpts[i].marker.sppr);
	}
}

void
dml_chart_release(dml_chart *t)
{
	if (!t)
		return;
	sppr_release(&t->space_sppr);
	sppr_release(&t->plot_sppr);
	sppr_release(&t->title.sppr);
	sppr_release(&t->legend.sppr);
	dml_text_body_release(t->title.rich);
	for (uint32_t g = 0; g < t->n_groups; g++) {
		sppr_release(&t->groups[g].dlbls.sppr);
		sppr_release(&t->groups[g].hilow_sppr);
		sppr_release(&t->groups[g].up_sppr);
		sppr_release(&t->groups[g].down_sppr);
		for (uint32_t i = 0; i < t->groups[g].n_series; i++)
			series_release(&t->groups[g].series[i]);
	}
	for (uint32_t a = 0; a < t->n_axes; a++) {
		dml_chart_axis *ax = &t->axes[a];
		sppr_release(&ax->sppr);
		sppr_release(&ax->major_grid_sppr);
		sppr_release(&ax->minor_grid_sppr);
		sppr_release(&ax->title.sppr);
		dml_text_body_release(ax->title.rich);
	}
}

/* ---- automatic axis scaling ---- */

/* The smallest 1, 2 or 5 x 10^k step that covers lo..hi (after rounding
 * outwards to the step) in at most @n intervals. */
static double
nice_step(double lo, double hi, int n)
{
	static const double mult[3] = { 1, 2, 5 };
	double range = hi - lo, base;

	if (!(range > 0))
		return 1;
	base = pow(10, floor(log10(range / n)) - 1);
	for (int k = 0; k < 6; k++, base *= 10)
		for (int i = 0; i < 3; i++) {
			double step = base * mult[i];
			double cnt = ceil(hi / step - 1e-9) - floor(lo / step + 1e-9);
			if (cnt <= n)
				return step;
		}
	return base;
}

void
dml_chart_axis_auto(double lo, double hi, int has_min, double min_in,
                    int has_max, double max_in, int has_major,
                    double major_in, int max_intervals, double *min,
                    double *max, double *major)
{
	double amin, amax, step;

	if (max_intervals < 2)
		max_intervals = 2;
	if (max_intervals > 20)
		max_intervals = 20;
	if (!isfinite(lo) || !isfinite(hi) || lo > hi) {
		lo = 0;
		hi = 0;
	}
	if (has_min && !isfinite(min_in))
		has_min = 0;
	if (has_max && !isfinite(max_in))
		has_max = 0;
	if (has_major && !(isfinite(major_in) && major_in > 0))
		has_major = 0;
	if (has_min && has_max && max_in <= min_in)
		has_max = 0;
	/* Office starts at zero unless all values lie within the top sixth
	 * of the range from zero; then half the spread is left below */
	if (has_min)
		amin = min_in;
	else if (lo >= 0)
		amin = hi > 0 && (hi - lo) / hi < 1.0 / 6 ? lo - (hi - lo) / 2 : 0;
	else
		amin = lo;
	if (has_max)
		amax = max_in;
	else if (hi <= 0)
		amax = lo < 0 && (hi - lo) / -lo < 1.0 / 6 ? hi + (hi - lo) / 2 : 0;
	else
		amax = hi;
	if (has_min && !has_max && amax <= amin)
		amax = amin + (fabs(amin) > 0 ? fabs(amin) : 1);
	if (has_max && !has_min && amin >= amax)
		amin = amax - (fabs(amax) > 0 ? fabs(amax) : 1);
	if (amax <= amin) {
		/* all values equal (or none) */
		if (amax > 0)
			amin = 0;
		else if (amin < 0)
			amax = 0;
		else
			amax = 1;
	}
	/* 5 % headroom beyond the data before rounding to a major unit */
	if (!has_max && amax > 0 && hi > 0)
		amax += (amax - amin) * 0.05;
	if (!has_min && amin < 0 && lo < 0)
		amin -= (amax - amin) * 0.05;
	step = has_major ? major_in : nice_step(has_min ? amin : amin,
	                                        has_max ? amax : amax,
	                                        max_intervals);
	if (!has_min)
		amin = floor(amin / step + 1e-9) * step;
	if (!has_max)
		amax = ceil(amax / step - 1e-9) * step;
	if (amax <= amin)
		amax = amin + step;
	/* keep the tick count bounded whatever the explicit unit says */
	if ((amax - amin) / step > 200)
		step = (amax - amin) / 200;
	if (amin == 0)
		amin = 0; /* no "-0" labels */
	*min = amin;
	*max = amax;
	*major = step;
}

void
dml_chart_axis_log(double lo, double hi, int has_min, double min_in,
                   int has_max, double max_in, int has_major, double major_in,
                   double base, double *min, double *max, double *major)
{
	double lb, amin, amax, steps, step = 1;

	if (!(base >= 2 && base <= 1000))
		base = 10;
	lb = log(base);
	if (!(isfinite(lo) && isfinite(hi) && lo > 0 && hi >= lo)) {
		lo = 1;
		hi = base;
	}
	amin = has_min && isfinite(min_in) && min_in > 0 ? min_in :
	       pow(base, floor(log(lo) / lb + 1e-9));
	amax = has_max && isfinite(max_in) && max_in > amin ? max_in :
	       pow(base, ceil(log(hi) / lb - 1e-9));
	if (!(amax > amin) || !isfinite(amax))
		amax = amin * base;
	if (!isfinite(amax) || !(amin > 0)) {
		amin = 1;
		amax = base;
	}
	if (has_major && isfinite(major_in) && major_in > 1)
		step = log(major_in) / lb;
	steps = (log(amax) - log(amin)) / lb; /* amax / amin may overflow */
	if (steps / step > 200)
		step = steps / 200;
	*min = amin;
	*max = amax;
	*major = step;
}

/* ---- number formats ---- */

typedef struct fmt_out {
	char *p;
	size_t left;
} fmt_out;

static void
put(fmt_out *o, const char *s, size_t n)
{
	if (n >= o->left)
		n = o->left - 1;
	memcpy(o->p, s, n);
	o->p += n;
	o->left -= n;
	*o->p = 0;
}

static void
puts_(fmt_out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* Strip trailing zeros (and a trailing point) after the decimal point. */
static void
strip_zeros(char *s)
{
	char *dot = strchr(s, '.'), *e;

	if (!dot || strchr(s, 'E'))
		return;
	e = s + strlen(s) - 1;
	while (e > dot && *e == '0')
		*e-- = 0;
	if (e == dot)
		*e = 0;
}

/* Excel's General: at most 11 characters, scientific when it must. */
static void
format_general(double v, char *out, size_t size)
{
	double a = fabs(v);
	char buf[64];

	if (v == 0 || !isfinite(v)) {
		snprintf(out, size, "%s", isfinite(v) ? "0" : "#NUM!");
		return;
	}
	if (a < 1e11 && a >= 1e-4) {
		int int_digits = a >= 1 ? (int) floor(log10(a)) + 1 : 1;
		int dec = 10 - int_digits - (v < 0);
		dec = dec < 0 ? 0 : dec > 9 ? 9 : dec;
		snprintf(buf, sizeof buf, "%.*f", dec, v);
		strip_zeros(buf);
		if (strcmp(buf, "0") && strcmp(buf, "-0")) {
			snprintf(out, size, "%s", buf);
			return;
		}
	}
	/* 1.23457E+11: five decimals at most, trailing zeros dropped */
	{
		char mant[32];
		int ex = (int) floor(log10(a));
		double m = v / pow(10, ex);
		if (fabs(m) >= 9.999995) {
			m /= 10;
			ex++;
		}
		snprintf(mant, sizeof mant, "%.5f", m);
		strip_zeros(mant);
		snprintf(out, size, "%sE%c%02d", mant, ex < 0 ? '-' : '+', ex < 0 ? -ex : ex);
	}
}

/* Split @fmt into sections at ';' outside quotes and brackets. */
static int
split_sections(const char *fmt, const char *sec[4], size_t len[4])
{
	int n = 0, q = 0, br = 0;
	const char *start = fmt;

	for (const char *p = fmt;; p++) {
		if (!*p || (*p == ';' && !q && !br)) {
			if (n < 4) {
				sec[n] = start;
				len[n] = (size_t) (p - start);
				n++;
			}
			if (!*p)
				break;
			start = p + 1;
			continue;
		}
		if (*p == '\\' && p[1] && !q)
			p++;
		else if (*p == '"')
			q = !q;
		else if (*p == '[' && !q)
			br = 1;
		else if (*p == ']' && !q)
			br = 0;
	}
	return n;
}

static int
is_date_char(char c)
{
	c = (char) (c | 0x20);
	return c == 'y' || c == 'm' || c == 'd' || c == 'h' || c == 's';
}

static const char *const month_names[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };
static const char *const day_names[7] = { "Sunday", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday" };

/* Serial day (1900 system) to civil date. */
static void
serial_to_date(double serial, int *y, int *m, int *d, int *wday, double *frac)
{
	long days = (long) floor(serial);
	long z, era, doe, yoe, doy, mp;

	*frac = serial - (double) days;
	/* Excel's serial 1 (1900-01-01) is a Sunday in its own count */
	*wday = (int) (((days - 1) % 7 + 7) % 7);
	/* Excel counts the fictitious 29 Feb 1900 */
	if (days < 60)
		days++;
	/* serial 25569 is 1970-01-01 */
	z = days - 25569 + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400 + (*m <= 2));
}

/* Civil date to serial day (1900 system, with its fictitious 29 Feb). */
static double
date_to_serial(int y, int m, int d)
{
	long yy = m <= 2 ? y - 1 : y, era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	double serial = (double) (era * 146097 + doe - 719468) + 25569;

	return serial < 61 ? serial - 1 : serial;
}

static int
month_days(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : len[(m - 1) % 12];
}

/* Dates beyond Excel's (9999-12-31) are clamped, so the arithmetic below
 * stays within int range whatever a file says. */
static double
clamp_serial(double v)
{
	return !(v >= 0) ? 0 : v > 2958465 ? 2958465 : floor(v);
}

int64_t
dml_chart_date_diff(double from, double to, int unit)
{
	int y0, m0, d0, y1, m1, d1, w;
	double f;

	from = clamp_serial(from);
	to = clamp_serial(to);
	if (unit != DML_TIME_MONTHS && unit != DML_TIME_YEARS)
		return (int64_t) (to - from);
	serial_to_date(from, &y0, &m0, &d0, &w, &f);
	serial_to_date(to, &y1, &m1, &d1, &w, &f);
	if (unit == DML_TIME_YEARS)
		return y1 - y0;
	return (int64_t) (y1 - y0) * 12 + (m1 - m0);
}

double
dml_chart_date_add(double from, int64_t k, int unit)
{
	int y, m, d, w;
	int64_t months;
	double f;

	from = clamp_serial(from);
	if (k > 3000000)
		k = 3000000;
	if (k < -3000000)
		k = -3000000;
	if (unit != DML_TIME_MONTHS && unit != DML_TIME_YEARS)
		return clamp_serial(from + (double) k);
	serial_to_date(from, &y, &m, &d, &w, &f);
	months = (int64_t) y * 12 + (m - 1) + (unit == DML_TIME_YEARS ? k * 12 : k);
	y = (int) (months / 12);
	m = (int) (months % 12) + 1;
	if (y < 1900)
		return 0;
	if (y > 9999)
		return 2958465;
	if (d > month_days(y, m))
		d = month_days(y, m);
	return date_to_serial(y, m, d);
}

static void
format_date(double v, const char *s, size_t n, fmt_out *o)
{
	int y, m, d, wday, h, mi, sec, ampm = 0;
	double frac;
	char buf[32];
	long secs;

	if (!isfinite(v) || v < 0 || v > 2958465) {
		puts_(o, "#####");
		return;
	}
	serial_to_date(v, &y, &m, &d, &wday, &frac);
	secs = lround(frac * 86400);
	h = (int) (secs / 3600);
	mi = (int) (secs / 60 % 60);
	sec = (int) (secs % 60);
	for (size_t i = 0; i + 1 < n; i++)
		if ((s[i] == 'A' || s[i] == 'a') && (s[i + 1] == 'M' || s[i + 1] == 'm'))
			ampm = 1;
	for (size_t i = 0; i < n;) {
		char c = (char) (s[i] | 0x20);
		size_t k = i;
		int prev_h = 0;
		if (s[i] == '"') {
			size_t j = i + 1;
			while (j < n && s[j] != '"')
				j++;
			put(o, s + i + 1, j - i - 1);
			i = j + 1;
			continue;
		}
		if (s[i] == '\\' && i + 1 < n) {
			put(o, s + i + 1, 1);
			i += 2;
			continue;
		}
		if (s[i] == '[') {
			size_t j = i + 1;
			while (j < n && s[j] != ']')
				j++;
			/* [h], [mm], [ss]: elapsed time, not wrapped at a day */
			if (j > i + 1 && j - i - 1 <= 2 && is_date_char(s[i + 1]) &&
			    strchr("hms", s[i + 1] | 0x20)) {
				double total = floor(v * 86400 + 0.5);
				char e = (char) (s[i + 1] | 0x20);
				snprintf(buf, sizeof buf, j - i - 1 == 1 ? "%.0f" : "%02.0f",
				         e == 'h' ? floor(total / 3600) : e == 'm' ?
				         floor(total / 60) : total);
				puts_(o, buf);
			}
			i = j + 1;
			continue;
		}
		if (ampm && (s[i] == 'A' || s[i] == 'a') && i + 4 < n + 0 &&
		    (s[i + 1] | 0x20) == 'm') {
			puts_(o, h < 12 ? "AM" : "PM");
			i += 5;
			continue;
		}
		if (!is_date_char(s[i])) {
			put(o, s + i, 1);
			i++;
			continue;
		}
		while (k < n && (char) (s[k] | 0x20) == c)
			k++;
		switch (c) {
		case 'y':
			snprintf(buf, sizeof buf, k - i <= 2 ? "%02d" : "%04d",
			         k - i <= 2 ? y % 100 : y);
			break;
		case 'm':
			/* m after h, or before s, is minutes */
			for (size_t j = i; j > 0; j--) {
				char pc = (char) (s[j - 1] | 0x20);
				if (pc == 'h') { prev_h = 1; break; }
				if (is_date_char(s[j - 1])) break;
			}
			{
				size_t j = k;
				while (j < n && !is_date_char(s[j]))
					j++;
				if (j < n && (char) (s[j] | 0x20) == 's')
					prev_h = 1;
			}
			if (prev_h && k - i <= 2)
				snprintf(buf, sizeof buf, k - i == 1 ? "%d" : "%02d", mi);
			else if (k - i == 1)
				snprintf(buf, sizeof buf, "%d", m);
			else if (k - i == 2)
				snprintf(buf, sizeof buf, "%02d", m);
			else if (k - i == 3)
				snprintf(buf, sizeof buf, "%.3s", month_names[m - 1]);
			else if (k - i == 5)
				snprintf(buf, sizeof buf, "%.1s", month_names[m - 1]);
			else
				snprintf(buf, sizeof buf, "%s", month_names[m - 1]);
			break;
		case 'd':
			if (k - i <= 2)
				snprintf(buf, sizeof buf, k - i == 1 ? "%d" : "%02d", d);
			else if (k - i == 3)
				snprintf(buf, sizeof buf, "%.3s", day_names[wday]);
			else
				snprintf(buf, sizeof buf, "%s", day_names[wday]);
			break;
		case 'h':
			snprintf(buf, sizeof buf, k - i == 1 ? "%d" : "%02d",
			         ampm ? (h % 12 ? h % 12 : 12) : h);
			break;
		default: /* s */
			snprintf(buf, sizeof buf, k - i == 1 ? "%d" : "%02d", sec);
			break;
		}
		puts_(o, buf);
		i = k;
	}
}

/* Insert thousands separators into the integer digits of @num. */
static void
group_thousands(const char *num, char *out, size_t size)
{
	const char *dot = strchr(num, '.');
	size_t int_len = dot ? (size_t) (dot - num) : strlen(num), k = 0;
	size_t start = num[0] == '-' ? 1 : 0;

	for (size_t i = 0; num[i] && k + 2 < size; i++) {
		if (i > start && i < int_len && (int_len - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = num[i];
	}
	out[k] = 0;
}

static int
is_placeholder(char c)
{
	return c == '0' || c == '#' || c == '?';
}

/* The '/' of a fraction format ("# ?/?", "??/100"), or 0 when none. */
static size_t
fraction_slash(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"') {
			while (++i < n && s[i] != '"')
				;
			continue;
		}
		if (s[i] == '\\' || s[i] == '_' || s[i] == '*') {
			i++;
			continue;
		}
		if (s[i] == '[') {
			while (i < n && s[i] != ']')
				i++;
			continue;
		}
		if (s[i] == '/' && i > 0 && is_placeholder(s[i - 1]) && i + 1 < n &&
		    (is_placeholder(s[i + 1]) || (s[i + 1] >= '1' && s[i + 1] <= '9')))
			return i;
	}
	return 0;
}

/* Fractions: an optional whole part ("# "), then numerator/denominator,
 * the denominator fixed ("/16") or the closest one with as many digits
 * as its placeholders ("/??" up to 99). */
static void
format_fraction(double v, const char *s, size_t n, size_t slash, int neg_sign,
                fmt_out *o)
{
	double a = fabs(v), whole = 0, frac, best = INFINITY;
	long den = 0, num = 0, max_den = 0;
	size_t i = slash, digits = 0;
	int has_whole = 0;
	char buf[96];

	while (i > 0 && is_placeholder(s[i - 1]))
		i--;
	/* a placeholder group before the numerator is the whole part */
	for (size_t j = 0; j + 1 < i; j++)
		if (is_placeholder(s[j]))
			has_whole = 1;
	for (i = slash + 1; i < n && (is_placeholder(s[i]) || isdigit((unsigned char) s[i]));
	     i++)
		digits++;
	if (isdigit((unsigned char) s[slash + 1]) && s[slash + 1] != '0')
		den = strtol(s + slash + 1, NULL, 10);
	else
		for (max_den = 1; digits-- > 0 && max_den < 1000;)
			max_den *= 10;
	if (!isfinite(a) || a > 1e15) {
		format_general(v, buf, sizeof buf);
		puts_(o, buf);
		return;
	}
	if (has_whole)
		whole = floor(a);
	frac = a - whole;
	if (den > 0 && den < 100000)
		num = lround(frac * (double) den);
	else {
		den = 1;
		for (long d = 1; d < max_den; d++) {
			long k = lround(frac * (double) d);
			double err = fabs(frac - (double) k / (double) d);
			if (err < best - 1e-12) {
				best = err;
				den = d;
				num = k;
			}
		}
	}
	if (has_whole && num == den) {
		whole += 1;
		num = 0;
	}
	if (neg_sign && v < 0 && (whole > 0 || num > 0))
		put(o, "-", 1);
	if (has_whole && (whole > 0 || num == 0)) {
		snprintf(buf, sizeof buf, "%.0f", whole);
		puts_(o, buf);
	}
	if (num > 0 || !has_whole) {
		snprintf(buf, sizeof buf, "%s%ld/%ld", has_whole && whole > 0 ? " " : "",
		         num + (has_whole ? 0 : (long) whole * den), den);
		puts_(o, buf);
	}
}

static void
format_section(double v, const char *s, size_t n, int neg_sign, fmt_out *o)
{
	int dec_min = 0, dec_max = 0, int_zeros = 0, thousands = 0, pct = 0;
	int scale = 0, sci = 0, in_dec = 0, seen_digit = 0, emitted = 0;
	int exp_digits = 0;
	char num[128], grouped[128];
	size_t slash = fraction_slash(s, n);

	if (slash) {
		format_fraction(v, s, n, slash, neg_sign, o);
		return;
	}

	/* first pass: what the placeholders ask for */
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '"') {
			while (++i < n && s[i] != '"')
				;
			continue;
		}
		if (c == '\\' || c == '_' || c == '*') {
			i++;
			continue;
		}
		if (c == '[') {
			while (i < n && s[i] != ']')
				i++;
			continue;
		}
		if (sci) {
			if (c == '0' || c == '#')
				exp_digits++;
			continue;
		}
		if (c == '0' || c == '#' || c == '?') {
			if (in_dec) {
				dec_max++;
				if (c == '0')
					dec_min = dec_max;
			}
			else if (c == '0')
				int_zeros++;
			seen_digit = 1;
			scale = 0;
		}
		else if (c == '.' && !in_dec)
			in_dec = 1;
		else if (c == ',' && seen_digit) {
			/* between digits: grouping; after the last: / 1000 */
			size_t j = i + 1;
			if (j < n && (s[j] == '0' || s[j] == '#' || s[j] == '?') && !in_dec)
				thousands = 1;
			else
				scale++;
		}
		else if (c == '%')
			pct++;
		else if ((c == 'E' || c == 'e') && i + 1 < n &&
		         (s[i + 1] == '+' || s[i + 1] == '-') && seen_digit) {
			sci = 1;
			i++;
		}
		else if (is_date_char(c) && c != 's') {
			format_date(v, s, n, o);
			return;
		}
	}
	if (!seen_digit) {
		/* text-only section */
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '"') {
				size_t j = i + 1;
				while (j < n && s[j] != '"')
					j++;
				put(o, s + i + 1, j - i - 1);
				i = j;
			}
			else if (s[i] == '\\' && i + 1 < n)
				put(o, s + ++i, 1);
			else if (s[i] == '[')
				while (i < n && s[i] != ']')
					i++;
			else if (s[i] == '@') {
				/* the text placeholder shows a number as General */
				char g[40];
				format_general(v, g, sizeof g);
				puts_(o, g);
			}
			else if (s[i] == '_') {
				/* the width of the next character: a space */
				put(o, " ", 1);
				i++;
			}
			else if (s[i] != '*')
				put(o, s + i, 1);
			else
				i++;
		}
		return;
	}
	for (int i = 0; i < pct; i++)
		v *= 100;
	for (int i = 0; i < scale; i++)
		v /= 1000;
	if (sci) {
		int ex = v != 0 ? (int) floor(log10(fabs(v))) : 0;
		double m = v != 0 ? v / pow(10, ex) : 0;
		char mant[40];
		snprintf(mant, sizeof mant, "%.*f", dec_max, fabs(m));
		if (strtod(mant, NULL) >= 10) {
			ex++;
			snprintf(mant, sizeof mant, "%.*f", dec_max, fabs(m) / 10);
		}
		/* exponent digits are few (1..9); the exponent of a double fits
		 * in 3 digits */
		snprintf(num, sizeof num, "%.40sE%c%0*d",
		         mant, ex < 0 ? '-' : '+',
		         exp_digits > 0 && exp_digits < 10 ? exp_digits : 2,
		         (ex < 0 ? -ex : ex) % 1000);
	}
	else {
		char *p;
		double r = fabs(v), m = pow(10, dec_max > 15 ? 15 : dec_max);
		/* spreadsheets round halves away from zero, printf to even */
		if (r * m < 1e15)
			r = floor(r * m + 0.5 + 1e-9) / m;
		snprintf(num, sizeof num, "%.*f", dec_max, r);
		/* drop optional decimals (#) that are zero */
		p = strchr(num, '.');
		if (p) {
			char *e = num + strlen(num) - 1;
			while (e - p > dec_min && *e == '0')
				*e-- = 0;
			if (e == p)
				*e = 0;
		}
		/* "#.##" shows no leading zero */
		if (!int_zeros && num[0] == '0' && (num[1] == '.' || !num[1]))
			memmove(num, num + 1, strlen(num));
		if (thousands) {
			group_thousands(num, grouped, sizeof grouped);
			memcpy(num, grouped, sizeof num);
		}
	}
	/* one section for all: the minus goes before everything, "$" too */
	if (neg_sign && v < 0 && strspn(num, "0.,E+-") != strlen(num))
		put(o, "-", 1);
	/* second pass: literals around the number */
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '"') {
			size_t j = i + 1;
			while (j < n && s[j] != '"')
				j++;
			put(o, s + i + 1, j - i - 1);
			i = j;
		}
		else if (c == '\\' && i + 1 < n)
			put(o, s + ++i, 1);
		else if (c == '_') {
			i++;
			put(o, " ", 1);
		}
		else if (c == '*')
			i++;
		else if (c == '[') {
			/* [$sym-lcid]: a currency symbol; [Red], [>100]: skipped */
			size_t j = i + 1;
			while (j < n && s[j] != ']')
				j++;
			if (i + 1 < n && s[i + 1] == '$') {
				size_t k = i + 2;
				while (k < j && s[k] != '-')
					k++;
				put(o, s + i + 2, k - i - 2);
			}
			i = j;
		}
		else if (c == '0' || c == '#' || c == '?' || c == '.' || c == ',' ||
		         ((c == 'E' || c == 'e') && sci)) {
			if (!emitted) {
				puts_(o, num);
				emitted = 1;
			}
			if ((c == 'E' || c == 'e') && i + 1 < n)
				i++;
		}
		else if (c == '+' || c == '-') {
			if (!emitted || !sci)
				put(o, s + i, 1);
		}
		else
			put(o, s + i, 1);
	}
	if (!emitted)
		puts_(o, num);
}

/* Whether section @s starts with a condition such as [>=1000] (colours
 * and currencies may come before it); *holds says if @v meets it. */
static int
section_condition(const char *s, size_t n, double v, int *holds)
{
	size_t i = 0;

	while (i < n && s[i] == '[') {
		size_t j = i + 1, k;
		char op[3] = { 0 };
		char num[32];
		double lim;
		while (j < n && s[j] != ']')
			j++;
		for (k = i + 1; k < j && k < i + 3 && strchr("<>=", s[k]); k++)
			op[k - i - 1] = s[k];
		if (op[0] && j - k < sizeof num) {
			memcpy(num, s + k, j - k);
			num[j - k] = 0;
			lim = strtod(num, NULL);
			if (holds)
				*holds = !strcmp(op, "<") ? v < lim : !strcmp(op, "<=") ?
				         v <= lim : !strcmp(op, ">") ? v > lim :
				         !strcmp(op, ">=") ? v >= lim : !strcmp(op, "=") ?
				         v == lim : !strcmp(op, "<>") ? v != lim : 0;
			return 1;
		}
		i = j + 1;
	}
	return 0;
}

void
dml_chart_format_number(double v, const char *fmt, char *out, size_t size)
{
	const char *sec[4];
	size_t len[4];
	int n, k = 0, neg_sign = 1;
	fmt_out o;

	if (!size)
		return;
	out[0] = 0;
	if (!fmt || !*fmt || !strcasecmp(fmt, "General") || !isfinite(v)) {
		format_general(v, out, size);
		return;
	}
	o.p = out;
	o.left = size;
	n = split_sections(fmt, sec, len);
	if (section_condition(sec[0], len[0], v, NULL)) {
		/* [>=1000]...;[>=0]...;...: the first section whose condition
		 * holds, else the last; the number keeps its sign */
		k = n - 1;
		for (int i = 0; i < n && i < 2; i++) {
			int hold;
			if (!section_condition(sec[i], len[i], v, &hold) || hold) {
				k = i;
				break;
			}
		}
		if (len[k] == 7 && !strncasecmp(sec[k], "General", 7))
			format_general(v, out, size);
		else
			format_section(v, sec[k], len[k], 1, &o);
		return;
	}
	if (v < 0 && n >= 2 && len[1]) {
		k = 1;
		neg_sign = 0; /* the section writes its own sign or brackets */
		v = -v;
	}
	else if (v == 0 && n >= 3 && len[2])
		k = 2;
	if (len[k] == 7 && !strncasecmp(sec[k], "General", 7)) {
		format_general(neg_sign ? v : -v, out, size);
		if (!neg_sign && out[0] == '-')
			memmove(out, out + 1, strlen(out));
		return;
	}
	format_section(v, sec[k], len[k], neg_sign, &o);
}

/* ---- default colours ---- */

void
dml_chart_default_color(int32_t style, uint32_t i, uint32_t n, dml_color *out)
{
	/* colors1.xml variations PowerPoint 2013+ cycles through after the
	 * six accents; the 2007 styles 2, 10, ... do the same */
	static const int32_t var[9][2] = { { 100000, 0 }, { 60000, 0 },
		{ 80000, 20000 }, { 80000, 0 }, { 60000, 40000 }, { 50000, 0 },
		{ 70000, 30000 }, { 70000, 0 }, { 50000, 50000 } };
	int32_t kind = style >= 1 && style <= 48 ? (style - 1) % 8 : 1;

	memset(out, 0, sizeof *out);
	out->kind = DML_COLOR_SCHEME;
	if (kind == 1) {
		const int32_t *v = var[(i / 6) % 9];
		out->slot = (uint8_t) (DML_SLOT_ACCENT1 + i % 6);
		if (v[0] != 100000) {
			out->mods[out->n_mods].op = DML_CMOD_LUM_MOD;
			out->mods[out->n_mods++].val = v[0];
		}
		if (v[1]) {
			out->mods[out->n_mods].op = DML_CMOD_LUM_OFF;
			out->mods[out->n_mods++].val = v[1];
		}
		return;
	}
	/* monochrome styles: one colour from dark to light over the series */
	out->slot = kind == 0 ? DML_SLOT_TX1 : (uint8_t) (DML_SLOT_ACCENT1 + kind - 2);
	{
		double t = n > 1 ? (double) (i % n) / (n - 1) : 0.5;
		double f = kind == 0 ? 0.25 + 0.5 * t : -0.5 + t; /* -0.5 .. 0.5 */
		if (kind == 0) {
			out->slot = DML_SLOT_TX1;
			out->mods[0].op = DML_CMOD_LUM_MOD;
			out->mods[0].val = 100000 - (int32_t) (f * 100000);
			out->mods[1].op = DML_CMOD_LUM_OFF;
			out->mods[1].val = (int32_t) (f * 100000);
			out->n_mods = 2;
		}
		else if (f < 0) {
			out->mods[0].op = DML_CMOD_LUM_MOD;
			out->mods[0].val = (int32_t) ((1 + f) * 100000);
			out->n_mods = 1;
		}
		else if (f > 0) {
			out->mods[0].op = DML_CMOD_LUM_MOD;
			out->mods[0].val = (int32_t) ((1 - f) * 100000);
			out->mods[1].op = DML_CMOD_LUM_OFF;
			out->mods[1].val = (int32_t) (f * 100000);
			out->n_mods = 2;
		}
	}
}
