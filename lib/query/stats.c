/*
 * stats.c: kith stats: meetings a month over the last 12 months (a bar
 * chart), people met for the first time a month, gave and asked, the
 * close ties past their cadence, the target companies with and without a
 * warm contact, and the goals.
 */
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "query/query.h"
#include "rules/rules.h"

#define MONTHS 12
#define BAR 36			/* the longest bar, in characters */

typedef struct stats {
	int year[MONTHS], month[MONTHS];
	long meetings[MONTHS], first_met[MONTHS];
	long gave, asked, gave_year, asked_year;
	long close, fading;
	const note **warm, **cold;	/* target companies */
	size_t nwarm, ncold;
	const note **goals;
	size_t ngoals;
} stats;

/* The slot of day d among the last 12 months, or -1. */
static int
month_slot(const stats *s, kith_date d)
{
	int y, m, day, k;

	if (d == KITH_NO_DATE)
		return -1;
	date_to_ymd(d, &y, &m, &day);
	for (k = 0; k < MONTHS; k++)
		if (s->year[k] == y && s->month[k] == m)
			return k;
	return -1;
}

/* When you first met p: the earliest of met: and their first held
 * meeting. */
static kith_date
first_met(const note *p, kith_date today)
{
	kith_date d = KITH_NO_DATE;

	if (p->type == NOTE_PERSON && p->met.d != KITH_NO_DATE &&
	    p->met.d <= today)
		d = p->met.d;
	if (p->nmeetings > 0 && p->meetings[0]->date.d <= today &&
	    (d == KITH_NO_DATE || p->meetings[0]->date.d < d))
		d = p->meetings[0]->date.d;
	return d;
}

/* Someone at c you know (strength above 0). */
static int
warm(const kith_journal *j, const note *c, kith_date today)
{
	size_t i, n = graph_in_count(j, c);
	const edge *e;

	for (i = 0; i < n; i++) {
		e = graph_in_edge(j, c, i);
		if (e->kind == EDGE_WORKS_AT &&
		    is_listed_person(edge_from(j, e)) &&
		    person_strength(edge_from(j, e), today) > 0)
			return 1;
	}
	return 0;
}

static int
gather(const kith_journal *j, kith_date today, stats *s)
{
	int y, m, d, k, slot;
	size_t i;
	const note *n;
	person_row r;
	kith_date year_ago;

	date_to_ymd(today, &y, &m, &d);
	for (k = MONTHS - 1; k >= 0; k--) {
		s->year[k] = y;
		s->month[k] = m;
		if (--m == 0) {
			m = 12;
			y--;
		}
	}
	year_ago = date_from_ymd(s->year[0], s->month[0], 1);
	s->warm = calloc(j->nnodes + 1, sizeof(*s->warm));
	s->cold = calloc(j->nnodes + 1, sizeof(*s->cold));
	s->goals = calloc(j->nnodes + 1, sizeof(*s->goals));
	if (s->warm == NULL || s->cold == NULL || s->goals == NULL)
		return -1;
	for (i = 0; i < j->nnodes; i++) {
		n = j->notes[i];
		if (n->skipped)
			continue;
		if (n->type == NOTE_MEETING && n->date.d <= today) {
			if ((slot = month_slot(s, n->date.d)) >= 0)
				s->meetings[slot]++;
			s->gave += (long)n->gave.n;
			s->asked += (long)n->asked.n;
			if (n->date.d >= year_ago) {
				s->gave_year += (long)n->gave.n;
				s->asked_year += (long)n->asked.n;
			}
		} else if (is_listed_person(n)) {
			if ((slot = month_slot(s, first_met(n, today))) >= 0)
				s->first_met[slot]++;
			person_row_of(j, n, today, &r);
			s->close += r.close_tie;
			s->fading += r.close_tie && r.fading;
		} else if (n->type == NOTE_COMPANY && company_is_target(n)) {
			if (warm(j, n, today))
				s->warm[s->nwarm++] = n;
			else
				s->cold[s->ncold++] = n;
		} else if (n->type == NOTE_GOAL) {
			s->goals[s->ngoals++] = n;
		}
	}
	return 0;
}

static void
put_names(kith_buf *b, const note **v, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 8; i++) {
		buf_puts(b, i ? ", " : ": ");
		buf_printable(b, v[i]->display);
	}
	if (n > 8)
		buf_printf(b, " and %zu more", n - 8);
}

static void
put_text(kith_buf *b, const kith_journal *j, kith_date today, const stats *s)
{
	long top = 1, total = 0, met = 0;
	goal_progress p;
	size_t i;
	int k, w;

	for (k = 0; k < MONTHS; k++) {
		if (s->meetings[k] > top)
			top = s->meetings[k];
		total += s->meetings[k];
		met += s->first_met[k];
	}
	buf_printf(b, "In the last 12 months: %ld meetings, %ld people met "
	    "for the first time.\n\n", total, met);
	buf_puts(b, "  month    new people  meetings\n");
	for (k = 0; k < MONTHS; k++) {
		buf_printf(b, "  %04d-%02d  %10ld  ", s->year[k], s->month[k],
		    s->first_met[k]);
		w = (int)((s->meetings[k] * BAR + top - 1) / top);
		for (i = 0; i < (size_t)w; i++)
			buf_puts(b, "\xe2\x96\x88");	/* a full block */
		buf_printf(b, "%s%ld\n", w ? " " : "", s->meetings[k]);
	}
	buf_printf(b, "\nGave and asked: gave %ld, asked %ld in the last 12 "
	    "months (%ld and %ld in all).\n", s->gave_year, s->asked_year,
	    s->gave, s->asked);
	if (s->asked_year > s->gave_year)
		buf_puts(b, "  You asked more than you gave: look for a way to "
		    "help.\n");
	buf_printf(b, "Close ties past their cadence: %ld of %ld (%ld%%).\n",
	    s->fading, s->close, s->close ? (s->fading * 100 + s->close / 2) /
	    s->close : 0);
	buf_printf(b, "Target companies: %zu\n", s->nwarm + s->ncold);
	if (s->nwarm) {
		buf_printf(b, "  with a warm contact (%zu)", s->nwarm);
		put_names(b, s->warm, s->nwarm);
		buf_putc(b, '\n');
	}
	if (s->ncold) {
		buf_printf(b, "  without one (%zu)", s->ncold);
		put_names(b, s->cold, s->ncold);
		buf_puts(b, ": kith intro names who is closest\n");
	}
	if (s->ngoals == 0)
		return;
	buf_puts(b, "Goals:\n");
	for (i = 0; i < s->ngoals; i++) {
		p = goal_measure(j, s->goals[i], today);
		buf_puts(b, "  ");
		buf_printable(b, s->goals[i]->display);
		if (!p.valid)
			buf_puts(b, ": its counts: cannot be read");
		else
			buf_printf(b, ": %ld of %ld", p.count, p.target);
		if (s->goals[i]->due.d != KITH_NO_DATE) {
			buf_puts(b, ", by ");
			date_put(b, s->goals[i]->due.d);
		}
		buf_puts(b, p.valid && p.count >= p.target ? " (done)\n" : "\n");
	}
}

static void
json_names(kith_buf *b, const note **v, size_t n)
{
	size_t i;

	buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			buf_puts(b, ", ");
		buf_json_string(b, v[i]->display);
	}
	buf_putc(b, ']');
}

static void
put_json(kith_buf *b, const kith_journal *j, kith_date today, const stats *s)
{
	goal_progress p;
	size_t i;
	int k;

	buf_puts(b, "{\n  \"months\": [");
	for (k = 0; k < MONTHS; k++)
		buf_printf(b, "%s\n    {\"month\": \"%04d-%02d\", \"meetings\": "
		    "%ld, \"first_met\": %ld}", k ? "," : "", s->year[k],
		    s->month[k], s->meetings[k], s->first_met[k]);
	buf_printf(b, "\n  ],\n  \"gave\": %ld,\n  \"asked\": %ld,\n"
	    "  \"gave_12_months\": %ld,\n  \"asked_12_months\": %ld,\n"
	    "  \"close_ties\": %ld,\n  \"close_ties_past_cadence\": %ld,\n"
	    "  \"targets_warm\": ", s->gave, s->asked, s->gave_year,
	    s->asked_year, s->close, s->fading);
	json_names(b, s->warm, s->nwarm);
	buf_puts(b, ",\n  \"targets_cold\": ");
	json_names(b, s->cold, s->ncold);
	buf_puts(b, ",\n  \"goals\": [");
	for (i = 0; i < s->ngoals; i++) {
		p = goal_measure(j, s->goals[i], today);
		buf_puts(b, i ? ",\n    {\"title\": " : "\n    {\"title\": ");
		buf_json_string(b, s->goals[i]->display);
		buf_puts(b, ", \"file\": ");
		buf_json_string(b, s->goals[i]->path);
		if (p.valid)
			buf_printf(b, ", \"count\": %ld, \"target\": %ld, ",
			    p.count, p.target);
		else
			buf_puts(b, ", \"count\": null, \"target\": null, ");
		q_json_date(b, "due", s->goals[i]->due.d);
		buf_putc(b, '}');
	}
	buf_puts(b, s->ngoals ? "\n  ]\n}\n" : "]\n}\n");
}

kith_status
kith_stats(const kith_journal *j, const kith_query *q, char **out,
    size_t *len)
{
	kith_buf b = KITH_BUF_INIT;
	stats s;
	int rc;

	*out = NULL;
	memset(&s, 0, sizeof(s));
	if ((rc = gather(j, q->today, &s)) == 0) {
		if (q->format == KITH_OUT_JSON)
			put_json(&b, j, q->today, &s);
		else
			put_text(&b, j, q->today, &s);
	}
	free(s.warm);
	free(s.cold);
	free(s.goals);
	if (rc < 0) {
		buf_free(&b);
		return KITH_ESYSTEM;
	}
	return q_finish(&b, out, len);
}
