/*
 * page_meeting.c: a meeting's page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

int
page_meeting(site *s, note *m)
{
	kith_buf *b = &s->page;
	size_t *items, n;

	note_page_begin(s, m, "Meetings");
	put_when(b, m);
	buf_puts(b, " \xc2\xb7 ");
	esc(b, meeting_kind(m));
	buf_printf(b, "%s</p>\n",
	    m->date.d > s->today ? " \xc2\xb7 scheduled" : "");
	buf_puts(b, "<div class=\"grid\">\n<section class=\"card\"><h2>Details"
	    "</h2><dl class=\"facts\"><dt>With</dt><dd>");
	put_people(s, b, m);
	buf_puts(b, "</dd>");
	if (m->company.to) {
		buf_puts(b, "<dt>Company</dt><dd>");
		put_node(s, b, m->company.to);
		buf_puts(b, "</dd>");
	}
	if (m->thanked.v == THANKED_DATE)
		fact_date(b, "Thanked", m->thanked.d);
	else if (m->thanked.v != THANKED_UNSET)
		fact_text(b, "Thanked", m->thanked.v == THANKED_YES ? "yes" :
		    m->thanked.v == THANKED_SKIP ? "not needed" : "not yet");
	if (m->next.v == NEXT_DATE)
		fact_deadline(s, b, "Next meeting by", m->next.d);
	else if (m->next.v == NEXT_NONE)
		fact_text(b, "Next meeting", "none wanted");
	fact_list(b, "You gave", &m->gave);
	fact_list(b, "You asked", &m->asked);
	put_extras(s, b, m);
	buf_puts(b, "</dl></section>\n<section class=\"card\"><h2>Follow-ups"
	    "</h2>");
	n = node_items(s, m, &items);
	put_items(s, b, items, n, keep_all, "Nothing to follow up.");
	buf_puts(b, "</section>\n</div>\n");
	return note_page_end(s, m, "<section class=\"card\"><h2>Notes</h2>");
}
