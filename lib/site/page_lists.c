/*
 * page_lists.c: the lists of companies and of meetings, beside the people
 * list in the navigation.  The companies: the targets first, each with
 * the people you know there (the warmest first), then the others; the
 * meetings: the coming ones, then every one by month, the latest first,
 * the latest MONTHS_OPEN months open.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

static int
is_listed_company(const site *s, const note *n)
{
	return (n->type == NOTE_COMPANY || (n->type == NOTE_UNRESOLVED &&
	    n->used_as_company)) && !n->skipped && !s->hidden[n->index] &&
	    s->url[n->index] != NULL;
}

/* Meetings held at c (on or before today), and the day of the last. */
static size_t
company_met(site *s, const note *c, kith_date *last)
{
	size_t nin = graph_in_count(s->j, c), i, n = 0;
	const edge *e;
	const note *m;

	*last = KITH_NO_DATE;
	for (i = 0; i < nin; i++) {
		e = graph_in_edge(s->j, c, i);
		m = edge_from(s->j, e);
		if (e->kind != EDGE_HELD_AT || s->hidden[m->index] ||
		    m->date.d > s->today)
			continue;
		n++;
		*last = m->date.d > *last || *last == KITH_NO_DATE ? m->date.d :
		    *last;
	}
	return n;
}

static void
company_row(site *s, kith_buf *b, note *c, int target)
{
	note **people;
	size_t n = company_people(s, c, &people), k, met;
	kith_date last;

	buf_puts(b, "<tr><td>");
	put_node(s, b, c);
	buf_puts(b, "</td><td>");
	for (k = 0; k < n && k < 3; k++) {
		buf_puts(b, k ? ", " : "");
		put_node(s, b, people[k]);
	}
	if (n > 3)
		buf_printf(b, " <span class=\"muted\">and %zu more</span>", n - 3);
	if (n == 0)
		buf_puts(b, target ? "<span class=\"cut\">No one there yet</span>" :
		    "");
	met = company_met(s, c, &last);
	buf_printf(b, "</td><td class=\"num\">%zu</td><td class=\"date "
	    "hide-narrow\">", met);
	date_put(b, last);
	buf_puts(b, "</td><td class=\"hide-narrow\">");
	if (target && c->apply_by.d != KITH_NO_DATE) {
		buf_puts(b, "apply by ");
		put_deadline(s, b, c->apply_by.d);
	} else if (c->status.s != NULL) {
		esc(b, c->status.s);
	}
	buf_puts(b, "</td></tr>\n");
}

static size_t
company_table(site *s, kith_buf *b, int targets, const char *title)
{
	size_t i, n = 0;
	note *c;

	for (i = 0; i < s->j->nnodes; i++) {
		c = s->j->notes[i];
		if (!is_listed_company(s, c) ||
		    (company_is_target(c) != 0) != targets)
			continue;
		if (n++ == 0)
			buf_printf(b, "<section class=\"card\"><h2>%s</h2>"
			    "<div class=\"scroll\"><table><thead><tr><th>Company"
			    "</th><th>People you know</th><th class=\"num\">"
			    "Meetings</th><th class=\"hide-narrow\">Last met</th>"
			    "<th class=\"hide-narrow\">%s</th></tr></thead><tbody>\n",
			    title, targets ? "Apply by" : "Status");
		company_row(s, b, c, targets);
	}
	if (n)
		buf_puts(b, "</tbody></table></div></section>\n");
	return n;
}

int
page_companies(site *s)
{
	kith_buf *b = &s->page;
	size_t i, n = 0, t = 0;

	for (i = 0; i < s->j->nnodes; i++) {
		n += is_listed_company(s, s->j->notes[i]);
		t += is_listed_company(s, s->j->notes[i]) &&
		    company_is_target(s->j->notes[i]);
	}
	page_begin(s, "Companies", 1, "Companies", 0);
	buf_printf(b, "<h1>Companies</h1>\n<p class=\"sub\">%zu compan%s, %zu "
	    "of them target%s.</p>\n", n, n == 1 ? "y" : "ies", t,
	    t == 1 ? "" : "s");
	company_table(s, b, 1, "Targets");
	company_table(s, b, 0, t ? "The others" : "Every company");
	if (n == 0)
		buf_puts(b, "<p class=\"muted\">No companies yet: a note with "
		    "<code>type: company</code>, or <code>company:</code> in a "
		    "person's note, makes one.</p>\n");
	return page_end(s, "companies/index.html");
}

static int
latest_first(const void *a, const void *b)
{
	const note *x = *(note *const *)a, *y = *(note *const *)b;

	if (x->date.d != y->date.d)
		return x->date.d > y->date.d ? -1 : 1;
	if (x->date.minutes != y->date.minutes)
		return x->date.minutes > y->date.minutes ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* Months of the meetings list open at first; the older ones open on a
 * click (a <details>: no script). */
#define MONTHS_OPEN 3

static int
same_month(const note *m, int y, int mo)
{
	int my, mm, md;

	date_to_ymd(m->date.d, &my, &mm, &md);
	return my == y && mm == mo;
}

static void
meeting_line(site *s, kith_buf *b, const note *m)
{
	buf_puts(b, "<li><span class=\"day\">");
	put_day(s, b, m->date.d);
	buf_puts(b, "</span> ");
	put_node(s, b, m);
	buf_puts(b, " <span class=\"muted\">");
	esc(b, meeting_kind(m));
	buf_puts(b, " with ");
	put_people(s, b, m);
	buf_puts(b, "</span></li>\n");
}

int
page_meetings(site *s)
{
	static const char *const months[] = { "January", "February", "March",
		"April", "May", "June", "July", "August", "September", "October",
		"November", "December" };
	kith_buf *b = &s->page;
	size_t i, j, k, n = 0, coming = 0, months_shown = 0;
	note **v, *m;
	int y, mo, d;

	page_begin(s, "Meetings", 1, "Meetings", 0);
	v = arena_alloc(&s->scratch, (s->j->nnodes + 1) * sizeof(*v));
	if (v == NULL) {
		b->oom = 1;
		return page_end(s, "meetings/index.html");
	}
	for (i = 0; i < s->j->nnodes; i++) {
		m = s->j->notes[i];
		if (m->type == NOTE_MEETING && !m->skipped &&
		    !s->hidden[m->index] && s->url[m->index] != NULL) {
			v[n++] = m;
			coming += m->date.d > s->today;
		}
	}
	qsort(v, n, sizeof(*v), latest_first);
	buf_printf(b, "<h1>Meetings</h1>\n<p class=\"sub\">%zu held, %zu "
	    "scheduled.</p>\n", n - coming, coming);
	if (coming)
		buf_puts(b, "<section class=\"card\"><h2>Coming</h2>"
		    "<ul class=\"plain meetings\">\n");
	for (i = coming; i-- > 0;)	/* the nearest first */
		meeting_line(s, b, v[i]);
	if (coming)
		buf_puts(b, "</ul></section>\n");
	for (i = coming; i < n; i = k) {	/* a month a card */
		date_to_ymd(v[i]->date.d, &y, &mo, &d);
		for (k = i; k < n && same_month(v[k], y, mo); k++)
			;
		buf_printf(b, "<section class=\"card\"><h2>%s %d</h2>\n<details%s>"
		    "<summary>%zu meeting%s</summary>\n<ul class=\"plain "
		    "meetings\">\n", months[mo - 1], y, months_shown++ <
		    MONTHS_OPEN ? " open" : "", k - i, k - i == 1 ? "" : "s");
		for (j = i; j < k; j++)
			meeting_line(s, b, v[j]);
		buf_puts(b, "</ul></details></section>\n");
	}
	if (n == 0)
		buf_puts(b, "<p class=\"muted\">No meetings yet.</p>\n");
	return page_end(s, "meetings/index.html");
}
