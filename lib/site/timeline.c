/*
 * timeline.c: the meetings of a person or a company, latest first.  A line
 * counts them (held and scheduled, the first and the last); each meeting
 * has its title (once: a body that opens with it does not say it again),
 * when, kind and people, and the lead of its notes.  The latest
 * TIMELINE_OPEN have the rest of their notes in a <details> that opens in
 * place; the older ones show the lead and link their page for the rest,
 * which keeps the page of someone met fifty times readable (and small).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

#define TIMELINE_OPEN 5

/* One meeting: open says whether the rest of its notes is on the page. */
static int
put_meeting_article(site *s, kith_buf *b, const note *m, int open)
{
	int rc;

	buf_puts(b, "<article class=\"meeting\"><h3>");
	put_node(s, b, m);
	buf_puts(b, "</h3><p class=\"muted\">");
	put_when(b, m);
	buf_puts(b, " \xc2\xb7 ");
	esc(b, meeting_kind(m));
	if (m->date.d > s->today)
		buf_puts(b, " \xc2\xb7 scheduled");
	buf_puts(b, " \xc2\xb7 with ");
	put_people(s, b, m);
	if (m->company.to != NULL) {
		buf_puts(b, " \xc2\xb7 ");
		put_node(s, b, m->company.to);
	}
	buf_puts(b, "</p>\n");
	/* the article's h3 is its title: an h1 that opens the body is left
	 * out, and the body's h2 is an h4 */
	rc = put_body_as(s, b, m, open ? HTML_FOLD_DETAILS : HTML_FOLD_LEAD, 2,
	    1);
	if (rc < 0)
		return -1;
	if (rc == 2) {
		buf_puts(b, "<p class=\"more\"><a href=\"");
		buf_puts(b, s->prefix);
		esc(b, s->url[m->index]);
		buf_puts(b, "\">The rest of the note</a></p>\n");
	}
	buf_puts(b, "</article>\n");
	return 0;
}

/* "41 meetings, the first on 3 Dec 2025, the last on 13 Nov; 1 scheduled." */
static void
put_counts(site *s, kith_buf *b, note *const *m, size_t n)
{
	size_t i, held = 0, coming = 0;
	kith_date first = KITH_NO_DATE, last = KITH_NO_DATE;

	for (i = 0; i < n; i++) {
		if (s->hidden[m[i]->index])
			continue;
		if (m[i]->date.d > s->today) {
			coming++;
			continue;
		}
		if (held++ == 0)
			first = m[i]->date.d;
		last = m[i]->date.d;
	}
	if (held + coming == 0) {
		buf_puts(b, "<p class=\"muted\">No meetings yet.</p>\n");
		return;
	}
	buf_printf(b, "<p class=\"counts\">%zu meeting%s", held,
	    held == 1 ? "" : "s");
	if (held == 1) {
		buf_puts(b, ", on ");
		put_day(s, b, first);
	} else if (held > 1) {
		buf_puts(b, ", the first on ");
		put_day(s, b, first);
		buf_puts(b, ", the last on ");
		put_day(s, b, last);
	}
	if (coming)
		buf_printf(b, "; %zu scheduled", coming);
	buf_puts(b, ".</p>\n");
}

/* The timeline of m[0..n), meetings in date order (the oldest first). */
int
put_timeline(site *s, kith_buf *b, note *const *m, size_t n)
{
	size_t i, shown = 0;

	buf_puts(b, "<section class=\"card\"><h2>Timeline</h2>\n");
	put_counts(s, b, m, n);
	for (i = n; i-- > 0;) {
		if (s->hidden[m[i]->index])
			continue;
		if (++shown <= KITH_MAX_PAGE_LIST && put_meeting_article(s, b,
		    m[i], shown <= TIMELINE_OPEN) < 0)
			return -1;
	}
	if (shown > KITH_MAX_PAGE_LIST)
		put_more(b, shown - KITH_MAX_PAGE_LIST, "older meetings, each on "
		    "its own page");
	buf_puts(b, "</section>\n");
	return 0;
}
