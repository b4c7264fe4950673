/*
 * page_company.c: a company's page: its people, warm paths in, its
 * meetings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/query.h"
#include "site/page.h"

/* People at a company: notes whose company: is it, strongest first. */
size_t
company_people(site *s, const note *c, note ***out)
{
	const edge *e;
	size_t i, nin, k, n = 0;
	tie *r;
	note **v, *p;

	*out = NULL;
	nin = graph_in_count(s->j, c);
	r = arena_alloc(&s->scratch, (nin + 1) * sizeof(*r));
	v = arena_alloc(&s->scratch, (nin + 1) * sizeof(*v));
	if (r == NULL || v == NULL)
		return 0;
	for (i = 0; i < nin; i++) {
		e = graph_in_edge(s->j, c, i);
		p = edge_from(s->j, e);
		if (e->kind == EDGE_WORKS_AT && is_visible_person(s, p))
			r[n++] = (tie){ p, s->strength[p->index] };
	}
	qsort(r, n, sizeof(*r), tie_order);
	for (k = 0; k < n; k++)
		v[k] = r[k].who;
	*out = v;
	return n;
}

/* Warm paths: the best ways in, as kith intro finds them (direct
 * contacts first, then by the weakest link). */
static void
put_warm_paths(site *s, kith_buf *b, const note *c)
{
	intro_path v[10];
	long n;
	size_t i, k;

	buf_puts(b, "<section class=\"card\"><h2>Warm paths in</h2>\n");
	if ((n = intro_paths(s->intro, c, v, 10)) <= 0) {
		if (n < 0)
			b->oom = 1;
		buf_puts(b, "<p class=\"muted\">You know no one here yet: ask the "
		    "people you are closest to whom they know.</p></section>\n");
		return;
	}
	buf_puts(b, "<ul class=\"plain\">\n");
	for (i = 0; i < (size_t)n && i < 10; i++) {
		buf_puts(b, "<li>You");
		for (k = 0; k < v[i].n; k++) {
			buf_puts(b, " \xe2\x86\x92 ");
			put_node(s, b, v[i].who[k]);
		}
		buf_printf(b, " <span class=\"muted\">%s %d</span></li>\n",
		    v[i].n == 1 ? "strength" : "weakest link", v[i].weakest);
	}
	buf_puts(b, "</ul></section>\n");
}

/* The meetings held at a company, the oldest first (in the page's
 * scratch arena); (size_t)-1 when out of memory. */
static size_t
company_meetings(site *s, const note *c, note ***out)
{
	size_t nin = graph_in_count(s->j, c), i, n = 0;
	const edge *e;
	note **v = arena_alloc(&s->scratch, (nin + 1) * sizeof(*v));

	if ((*out = v) == NULL)
		return (size_t)-1;
	for (i = 0; i < nin; i++) {
		e = graph_in_edge(s->j, c, i);
		if (e->kind == EDGE_HELD_AT)
			v[n++] = edge_from(s->j, e);
	}
	qsort(v, n, sizeof(*v), meeting_order);
	return n;
}

int
page_company(site *s, note *c)
{
	kith_buf *b = &s->page;
	note **people, **meetings;
	size_t n, i, *items, nitems;

	note_page_begin(s, c, "Companies");
	buf_puts(b, "Company");
	if (c->status.s) {
		buf_puts(b, " \xc2\xb7 ");
		esc(b, c->status.s);
	}
	buf_puts(b, "</p>\n<div class=\"grid\">\n<section class=\"card\"><h2>"
	    "Details</h2><dl class=\"facts\">");
	fact_text(b, "Status", c->status.s);
	if (c->target.set)
		fact_text(b, "Target", c->target.yes ? "yes" : "no");
	fact_deadline(s, b, "Apply by", c->apply_by.d);
	if (c->website.s)
		fact_contacts(b, "Website", &(f_list){ &c->website, 1, c->website.at },
		    NULL);
	if (c->tags.n) {
		buf_puts(b, "<dt>Tags</dt><dd>");
		put_tags(b, &c->tags);
		buf_puts(b, "</dd>");
	}
	put_extras(s, b, c);
	buf_puts(b, "</dl></section>\n");
	n = company_people(s, c, &people);
	put_warm_paths(s, b, c);
	buf_puts(b, "</div>\n<div class=\"grid\">\n<section class=\"card\"><h2>"
	    "People</h2>");
	for (i = 0; i < n && i < KITH_MAX_PAGE_LIST; i++) {
		buf_puts(b, i ? "<li>" : "<ul class=\"plain\">\n<li>");
		put_node(s, b, people[i]);
		if (people[i]->job_title.s) {
			buf_puts(b, " <span class=\"muted\">");
			esc(b, people[i]->job_title.s);
			buf_puts(b, "</span>");
		}
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, n ? "</ul>" : "<p class=\"muted\">No one yet.</p>");
	if (n > KITH_MAX_PAGE_LIST)
		put_more(b, n - KITH_MAX_PAGE_LIST, "more people (the people list "
		    "filters by company)");
	buf_puts(b, "</section>\n<section class=\"card\"><h2>Follow-ups</h2>");
	nitems = node_items(s, c, &items);
	put_items(s, b, items, nitems, keep_all, "Nothing to follow up.");
	buf_puts(b, "</section>\n</div>\n");
	if ((n = company_meetings(s, c, &meetings)) == (size_t)-1 ||
	    put_timeline(s, b, meetings, n, NULL) < 0)
		return -1;
	return note_page_end(s, c, c->body && c->body_len > 0 ?
	    "<section class=\"card\"><h2>Notes</h2>" : NULL);
}
