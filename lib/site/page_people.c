/*
 * page_people.c: the people list (the one page with kith's script).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

/* ---- the people list ---- */

/* The earliest due date among a person's items, or KITH_NO_DATE. */
static kith_date
next_due(site *s, const note *p)
{
	size_t i;
	const kith_item *it;
	kith_date best = KITH_NO_DATE;

	for (i = s->item_start[p->index]; i < s->item_start[p->index + 1]; i++) {
		it = kith_due_item(s->due, s->item_of[i]);
		if (it->due != KITH_NO_DATE && (best == KITH_NO_DATE || it->due < best))
			best = it->due;
	}
	return best;
}

static int
by_name(const void *a, const void *b)
{
	const note *x = *(note *const *)a, *y = *(note *const *)b;
	int c = name_cmp(x->display, y->display);

	return c ? c : strcmp(x->path, y->path);
}

/* Everyone, by name (the Name heading says so: aria-sort). */
int
page_people(site *s)
{
	kith_buf *b = &s->page;
	size_t i, k, n = 0;
	person_day f;
	note *p, **v;
	kith_date d;

	page_begin(s, "People", 1, "People", 1);
	if ((v = arena_alloc(&s->scratch, (s->j->nnodes + 1) *
	    sizeof(*v))) == NULL) {
		b->oom = 1;
		return page_end(s, "people/index.html");
	}
	for (i = 0; i < s->j->nnodes; i++)
		if (is_visible_person(s, s->j->notes[i]))
			v[n++] = s->j->notes[i];
	qsort(v, n, sizeof(*v), by_name);
	buf_printf(b, "<h1>People</h1>\n<p class=\"sub\"><span id=\"shown\">%zu"
	    "</span> of %zu people. Click a heading to sort.</p>\n", n, n);
	buf_puts(b, "<input type=\"search\" id=\"filter\" data-filter=\"people\" "
	    "data-count=\"shown\" placeholder=\"Filter by name, company, tag"
	    "\xe2\x80\xa6\" aria-label=\"Filter people\" hidden>\n"
	    "<section class=\"card\"><div class=\"scroll\"><table id=\"people\" "
	    "data-sortable><thead><tr><th aria-sort=\"ascending\">Name</th>"
	    "<th class=\"hide-narrow\">"
	    "Company</th><th class=\"hide-narrow\">Tags</th>"
	    "<th class=\"hide-narrow\">Last contact</th>"
	    "<th>Next due</th><th class=\"num\">Strength</th></tr></thead>"
	    "<tbody>\n");
	for (k = 0; k < n; k++) {
		p = v[k];
		buf_puts(b, "<tr><td>");
		put_node(s, b, p);
		buf_puts(b, "</td><td class=\"hide-narrow\">");
		put_node(s, b, p->company.to);
		buf_puts(b, "</td><td class=\"hide-narrow\">");
		put_tags(b, &p->tags);
		buf_puts(b, "</td><td class=\"hide-narrow date\">");
		person_day_of(s->j, p, s->today, &f);
		date_put(b, f.last);
		d = next_due(s, p);
		buf_printf(b, "</td><td class=\"date\" data-sort=\"%s\">",
		    d == KITH_NO_DATE ? "9999" : "");
		date_put(b, d);
		buf_printf(b, "</td><td class=\"num\">%d</td></tr>\n",
		    s->strength[p->index]);
	}
	buf_puts(b, "</tbody></table></div></section>\n");
	return page_end(s, "people/index.html");
}
