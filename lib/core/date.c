/*
 * date.c: calendar arithmetic on day numbers (days since 1970-01-01), in
 * the proleptic Gregorian calendar.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"

int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_month_days(int y, int m)
{
	static const int days[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

/* Howard Hinnant's days_from_civil. */
kith_date
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(kith_date day, int *y, int *m, int *d)
{
	int z, era, doe, yoe, doy, mp;

	z = day + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* Reads exactly n digits. */
static int
digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int
ymd_parse(const char *s, int *y, int *m, int *d)
{
	if (digits(s, 4, y) < 0 || s[4] != '-' || digits(s + 5, 2, m) < 0 ||
	    s[7] != '-' || digits(s + 8, 2, d) < 0)
		return -1;
	if (*y < 1 || *m < 1 || *m > 12 || *d < 1 ||
	    *d > date_month_days(*y, *m))
		return -1;
	return 0;
}

int
kith_date_parse(const char *s, kith_date *out)
{
	int y, m, d;

	if (strlen(s) != 10 || ymd_parse(s, &y, &m, &d) < 0)
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

void
kith_date_format(kith_date day, char out[11])
{
	char s[32];
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(s, sizeof(s), "%04d-%02d-%02d", y % 10000, m, d);
	memcpy(out, s, 10);
	out[10] = '\0';
}

/* A zone suffix: Z, +HH:MM, -HH:MM, +HHMM or +HH. */
static int
zone_parse(const char *s)
{
	int h, mi;

	if (*s == '\0' || strcmp(s, "Z") == 0 || strcmp(s, "z") == 0)
		return 0;
	if (*s != '+' && *s != '-')
		return -1;
	s++;
	if (digits(s, 2, &h) < 0 || h > 23)
		return -1;
	s += 2;
	if (*s == ':')
		s++;
	if (*s == '\0')
		return 0;
	if (digits(s, 2, &mi) < 0 || mi > 59 || s[2] != '\0')
		return -1;
	return 0;
}

int
date_parse_time(const char *s, kith_date *out, int *minutes)
{
	int y, m, d, h, mi, sec;
	const char *t;

	if (strlen(s) < 10 || ymd_parse(s, &y, &m, &d) < 0)
		return -1;
	if (minutes)
		*minutes = -1;
	t = s + 10;
	if (*t != '\0') {
		if (minutes == NULL || (*t != ' ' && *t != 'T' && *t != 't'))
			return -1;
		t++;
		if (digits(t, 2, &h) < 0 || t[2] != ':' ||
		    digits(t + 3, 2, &mi) < 0 || h > 23 || mi > 59)
			return -1;
		t += 5;
		if (*t == ':') {
			if (digits(t + 1, 2, &sec) < 0 || sec > 60)
				return -1;
			t += 3;
			if (*t == '.')
				for (t++; *t >= '0' && *t <= '9'; t++)
					;
		}
		if (*t == ' ')
			t++;
		if (zone_parse(t) < 0)
			return -1;
		*minutes = h * 60 + mi;
	}
	*out = date_from_ymd(y, m, d);
	return 0;
}

int
duration_parse(const char *s, duration *out)
{
	long n = 0;
	const char *p;

	if (strcmp(s, "never") == 0) {
		out->n = 0;
		out->unit = 0;
		return 0;
	}
	for (p = s; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (*p - '0');
		if (n > 100000)
			return -1;
	}
	if (p == s || *p == '\0' || strchr("dwmy", *p) == NULL || p[1] != '\0')
		return -1;
	if (n == 0)
		return -1;
	out->n = (int)n;
	out->unit = *p;
	return 0;
}

kith_date
date_add(kith_date day, duration dur)
{
	int y, m, d, months;

	switch (dur.unit) {
	case 'd':
		return day + dur.n;
	case 'w':
		return day + 7 * dur.n;
	case 'm':
	case 'y':
		months = dur.unit == 'm' ? dur.n : 12 * dur.n;
		date_to_ymd(day, &y, &m, &d);
		m += months;
		y += (m - 1) / 12;
		m = (m - 1) % 12 + 1;
		if (d > date_month_days(y, m))
			d = date_month_days(y, m);
		return date_from_ymd(y, m, d);
	default:
		return day;
	}
}

void
duration_describe(duration dur, char *out, size_t size)
{
	const char *unit;

	switch (dur.unit) {
	case 'd':
		unit = "day";
		break;
	case 'w':
		unit = "week";
		break;
	case 'm':
		unit = "month";
		break;
	case 'y':
		unit = "year";
		break;
	default:
		snprintf(out, size, "never");
		return;
	}
	if (dur.n == 1)
		snprintf(out, size, "%s", unit);
	else
		snprintf(out, size, "%d %ss", dur.n, unit);
}

kith_date
date_later(kith_date a, kith_date b)
{
	if (a == KITH_NO_DATE)
		return b;
	if (b == KITH_NO_DATE)
		return a;
	return a > b ? a : b;
}

int
date_parse_yearly(const char *s, int *year, int *month, int *day)
{
	int m, d;
	size_t n = strlen(s);

	if (n == 10) {
		if (ymd_parse(s, year, month, day) < 0)
			return -1;
		return 0;
	}
	if (n == 7 && s[0] == '-' && s[1] == '-')
		s += 2;
	else if (n != 5)
		return -1;
	if (digits(s, 2, &m) < 0 || s[2] != '-' || digits(s + 3, 2, &d) < 0)
		return -1;
	/* Without a year, 29 February is a valid day (a leap year's). */
	if (m < 1 || m > 12 || d < 1 || d > date_month_days(2000, m))
		return -1;
	*year = 0;
	*month = m;
	*day = d;
	return 0;
}

kith_date
date_next_yearly(kith_date today, int month, int day, int *year_out)
{
	int y, m, d, dd;
	kith_date when;

	date_to_ymd(today, &y, &m, &d);
	for (;; y++) {
		dd = day;
		if (dd > date_month_days(y, month))
			dd = date_month_days(y, month);
		when = date_from_ymd(y, month, dd);
		if (when >= today)
			break;
	}
	if (year_out)
		*year_out = y;
	return when;
}

/*
 * The day a link's target names, as "YYYY-MM-DD" in out: a date
 * ("2026-11-22", also in [[ ]]) or a Logseq journal page ("Nov 22nd,
 * 2026", "November 22, 2026").  Returns 1, or 0 when it names no day.
 */
int
date_of_link(const char *s, size_t n, char out[11])
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	const char *e;
	char word[4], text[40];
	int month = 0, day = 0, year = 0, k;
	kith_date d;

	while (n > 0 && (*s == ' ' || *s == '['))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ']'))
		n--;
	e = s + n;
	if (n == 10 && s[0] >= '0' && s[0] <= '9') {
		memcpy(out, s, 10);
		out[10] = '\0';
		return kith_date_parse(out, &d) == 0;
	}
	if (n < 10 || n > 24)
		return 0;
	for (k = 0; k < 3; k++)
		word[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
	word[3] = '\0';
	for (k = 0; k < 12 && month == 0; k++)
		if (memcmp(months + 3 * k, word, 3) == 0)
			month = k + 1;
	if (month == 0)
		return 0;
	while (s < e && *s != ' ')
		s++;
	while (s < e && *s == ' ')
		s++;
	for (; s < e && *s >= '0' && *s <= '9'; s++)
		day = day * 10 + (*s - '0');
	while (s < e && ((*s >= 'a' && *s <= 'z') || *s == ','))
		s++;
	while (s < e && *s == ' ')
		s++;
	for (k = 0; s < e && *s >= '0' && *s <= '9'; s++, k++)
		year = year * 10 + (*s - '0');
	if (s != e || k != 4 || day < 1 || day > 31)
		return 0;
	snprintf(text, sizeof(text), "%04d-%02d-%02d", year, month, day);
	memcpy(out, text, 11);
	return kith_date_parse(out, &d) == 0;
}

void
date_put(kith_buf *b, kith_date d)
{
	char s[11];

	if (d == KITH_NO_DATE)
		return;
	kith_date_format(d, s);
	buf_puts(b, s);
}
