/*
 * report.h: what the reports (report.c) share with the dashboard.
 */
#ifndef KITH_REPORT_H
#define KITH_REPORT_H

#include "note/note.h"

/* report.c: the items a text or Markdown report lists, and the dashboard's
 * follow-ups (followups.md, "Which items a report shows") */
typedef struct due_listing {
	size_t *idx;		/* items listed, in the order shown; malloc'd */
	size_t n;
	size_t in_group[4];	/* listed, by kith_when */
	size_t more_check_ins;	/* left out by check_in_limit */
	size_t stale[KITH_KIND_COUNT];	/* left out as stale, by kind */
	size_t nstale;
	kith_date stale_before;
} due_listing;

/* Which items to leave out altogether (the dashboard's private ones). */
typedef int (*due_skip)(const void *ctx, size_t i);

/* Lists d's items due by today + horizon (or undated); with all, every
 * one of them, else without the stale ones and the check-ins past
 * check_in_limit.  Returns 0, or -1 when out of memory; the caller frees
 * with due_listing_free(). */
int due_listing_make(const kith_due *d, const kith_journal *j, int all,
    int horizon, due_skip skip, const void *ctx, due_listing *out);
void due_listing_free(due_listing *l);
/* "Older: 112 items (108 check-in, 4 task) due before 2026-10-23": the
 * stale items a listing left out, counted by kind (nothing when none). */
void due_listing_put_older(kith_buf *b, const due_listing *l);

#endif
