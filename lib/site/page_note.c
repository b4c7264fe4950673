/*
 * page_note.c: the page of any other note (a goal's shows its progress).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

void
put_goal(site *s, kith_buf *b, const note *g)
{
	goal_progress p = goal_measure(s->j, g, s->today);

	buf_puts(b, "<li>");
	put_node(s, b, g);
	if (!p.valid) {
		buf_puts(b, " <span class=\"muted\">(its counts: cannot be "
		    "read)</span></li>\n");
		return;
	}
	buf_printf(b, " <span class=\"muted\">%ld of %ld", p.count, p.target);
	if (g->due.d != KITH_NO_DATE) {
		buf_puts(b, " by ");
		date_put(b, g->due.d);
	}
	buf_printf(b, "</span><br><progress value=\"%ld\" max=\"%ld\">%ld of "
	    "%ld</progress></li>\n", p.count < p.target ? p.count : p.target,
	    p.target > 0 ? p.target : 1, p.count, p.target);
}

int
page_note(site *s, note *n)
{
	kith_buf *b = &s->page;
	size_t *items, k;

	note_page_begin(s, n, "");
	buf_printf(b, "%s</p>\n", n->type == NOTE_GOAL ? "Goal" : "Note");
	if (n->type == NOTE_GOAL) {
		buf_puts(b, "<section class=\"card\"><h2>Progress</h2>"
		    "<ul class=\"plain\">");
		put_goal(s, b, n);
		buf_puts(b, "</ul><p class=\"muted\">Counts: ");
		esc(b, n->counts.s ? n->counts.s : "(none)");
		buf_puts(b, "</p></section>\n");
	}
	if (n->nextras) {
		buf_puts(b, "<section class=\"card\"><dl class=\"facts\">");
		put_extras(s, b, n);
		buf_puts(b, "</dl></section>\n");
	}
	k = node_items(s, n, &items);
	if (k) {
		buf_puts(b, "<section class=\"card\"><h2>Follow-ups</h2>");
		put_items(s, b, items, k, keep_all, NULL);
		buf_puts(b, "</section>\n");
	}
	return note_page_end(s, n, "<section class=\"card\">");
}
