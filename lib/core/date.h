/*
 * date.h: dates, times and durations as journal.md defines them.
 */
#ifndef KITH_DATE_H
#define KITH_DATE_H

#include "kith.h"
#include "core/buf.h"

/* A duration: n units of 'd', 'w', 'm' or 'y'; never when unit is 0. */
typedef struct duration {
	int n;
	char unit;
} duration;

int date_is_leap(int y);
int date_month_days(int y, int m);
kith_date date_from_ymd(int y, int m, int d);
void date_to_ymd(kith_date day, int *y, int *m, int *d);

/* Parses YYYY-MM-DD, or with time "YYYY-MM-DD HH:MM" / "...THH:MM" (seconds
 * and a zone suffix accepted and ignored) when minutes is not NULL; *minutes
 * is -1 without a time.  Returns 0, or -1 when invalid. */
int date_parse_time(const char *s, kith_date *out, int *minutes);

/* Parses "10d", "6w", "3m", "1y" or "never".  Returns 0 or -1. */
int duration_parse(const char *s, duration *out);

/* d plus a duration; months clamp the day to the month's end. */
kith_date date_add(kith_date d, duration dur);

/* Describes a duration for people: "90 days", "month", "2 weeks" (so that
 * "every month" reads well). */
void duration_describe(duration dur, char *out, size_t size);

/* The later of two dates, either of which may be KITH_NO_DATE. */
kith_date date_later(kith_date a, kith_date b);

/* Parses a yearly date: YYYY-MM-DD, --MM-DD or MM-DD; *year is 0 when absent.
 * Returns 0 or -1. */
int date_parse_yearly(const char *s, int *year, int *month, int *day);

/* The next occurrence of month-day on or after today; 29 February is 28
 * February in other years. */
kith_date date_next_yearly(kith_date today, int month, int day, int *year_out);

/* The day a link's target names, as "YYYY-MM-DD" in out: a date (also in
 * [[ ]]) or a Logseq journal page ("Nov 22nd, 2026").  Returns 1, or 0. */
int date_of_link(const char *s, size_t n, char out[11]);

/* Appends d as YYYY-MM-DD; nothing for KITH_NO_DATE. */
void date_put(kith_buf *b, kith_date d);

#endif
