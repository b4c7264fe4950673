/*
 * page_followups.c: every follow-up, the page the home page's groups link
 * to: what `kith due --all` lists (the stale items and every check-in
 * too), in its groups and order, each group with an anchor.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

int
page_followups(site *s)
{
	kith_buf *b = &s->page;
	const kith_item *it;
	due_listing l;
	size_t i;
	int when = -1;

	page_begin(s, "Follow-ups", 0, "Follow-ups", 0);
	if (due_listing_make(s->due, s->j, 1, s->j->cfg.horizon, skip_hidden,
	    s, &l) < 0) {
		b->oom = 1;
		return page_end(s, "followups.html");
	}
	buf_printf(b, "<h1>Follow-ups</h1>\n<p class=\"sub\">Every follow-up "
	    "due by ");
	date_put(b, s->today + s->j->cfg.horizon);
	buf_puts(b, " or at any time, the oldest overdue ones too.</p>\n"
	    "<section class=\"card follow-ups\">\n");
	put_group_counts(s, b, &l);
	for (i = 0; i < l.n; i++) {
		it = kith_due_item(s->due, l.idx[i]);
		if ((int)it->when != when) {
			buf_printf(b, "%s<h2 class=\"group\" id=\"%s\">%s: %zu</h2>\n"
			    "<ul class=\"items\">\n", when < 0 ? "" : "</ul>\n",
			    group_ids[it->when], group_titles[it->when],
			    l.in_group[it->when]);
			when = (int)it->when;
		}
		put_item(s, b, l.idx[i]);
	}
	buf_puts(b, when >= 0 ? "</ul>\n" : "<p class=\"muted\">Nothing to "
	    "do: every follow-up is done.</p>\n");
	buf_puts(b, "</section>\n");
	due_listing_free(&l);
	return page_end(s, "followups.html");
}
