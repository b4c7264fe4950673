/*
 * timeline.c: the meetings of a person or a company, latest first.  A line
 * counts them (held and scheduled, the first and the last); each meeting
 * has its title (once: a body that opens with it does not say it again),
 * when, kind and people, and the lead of its notes.  The latest
 * TIMELINE_OPEN have the rest of their notes in a <details> that opens in
 * place; the older ones show the lead and link their page for the rest,
 * which keeps the page of someone met fifty times readable (and small).
 * A person's timeline has, among the meetings, the days a daily note
 * links them: a lighter entry, with the lines that link them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

#define TIMELINE_OPEN 5
#define DAILY_LINES 3		/* lines of a daily note shown */
#define DAILY_LINE_MAX 240	/* bytes of a line shown */

/* A line of a daily note that links the person. */
typedef struct daily_link {
	const note *daily;
	int line;
} daily_link;

/* The contacts of a timeline: its meetings, and a person's daily notes
 * (the links, grouped by note, oldest first). */
typedef struct contacts {
	note *const *m;
	size_t n;
	daily_link *links;
	size_t nlinks;
	size_t ndailies;
} contacts;

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

static int
daily_link_order(const void *a, const void *b)
{
	const daily_link *x = a, *y = b;
	int c;

	if (x->daily->daily != y->daily->daily)
		return x->daily->daily < y->daily->daily ? -1 : 1;
	if ((c = strcmp(x->daily->path, y->daily->path)) != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* The links to p from daily notes of today or before that the site shows,
 * into c (in the page's scratch arena), by day, note and line; the notes
 * counted once.  Returns -1 when out of memory. */
static int
daily_links(site *s, const note *p, contacts *c)
{
	size_t i, nin = graph_in_count(s->j, p);
	const edge *e;
	const note *d;

	c->nlinks = c->ndailies = 0;
	if (nin == 0)
		return 0;
	if ((c->links = arena_alloc(&s->scratch, nin * sizeof(*c->links))) ==
	    NULL)
		return -1;
	for (i = 0; i < nin; i++) {
		e = graph_in_edge(s->j, p, i);
		d = edge_from(s->j, e);
		if (e->kind == EDGE_MENTIONS && is_daily_contact(s, d))
			c->links[c->nlinks++] = (daily_link){ d, e->line };
	}
	qsort(c->links, c->nlinks, sizeof(*c->links), daily_link_order);
	for (i = 0; i < c->nlinks; i++)
		c->ndailies += i == 0 || c->links[i].daily != c->links[i - 1].daily;
	return 0;
}

/* Line `line` of the note's file as written, without its indent, list
 * mark, heading marks and line end; NULL when it is not in the body. */
static const char *
body_line_text(const note *d, int line, size_t *len)
{
	const char *t = d->body, *end = d->body + d->body_len, *nl;
	int k = d->body_line;

	if (t == NULL || line < k)
		return NULL;
	for (; k < line && t < end; k++)
		t = (nl = memchr(t, '\n', (size_t)(end - t))) ? nl + 1 : end;
	if (t >= end)
		return NULL;
	end = (nl = memchr(t, '\n', (size_t)(end - t))) ? nl : end;
	while (t < end && (*t == ' ' || *t == '\t'))
		t++;
	if (end - t >= 2 && strchr("-*+", *t) && t[1] == ' ')
		t += 2;
	while (t < end && *t == '#')
		t++;
	while (t < end && (*t == ' ' || *t == '\t'))
		t++;
	while (end > t && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
		end--;
	*len = (size_t)(end - t);
	return t;
}

/* One line of a daily note: its text, wiki links as links ("someone" for
 * a private note), cut at a character past DAILY_LINE_MAX bytes. */
static void
put_daily_line(site *s, kith_buf *b, const note *d, int line)
{
	size_t n, cut;
	const char *t = body_line_text(d, line, &n);
	char *text;

	if (t == NULL || n == 0)
		return;
	cut = n;
	if (cut > DAILY_LINE_MAX)
		for (cut = DAILY_LINE_MAX; cut > 0 &&
		    ((unsigned char)t[cut] & 0xc0) == 0x80; cut--)
			;
	if ((text = arena_strndup(&s->scratch, t, cut)) == NULL)
		return;
	buf_puts(b, "<li>");
	s->linking = d;
	put_extra_text(s, b, text);
	s->linking = NULL;
	if (cut < n)
		buf_puts(b, "\xe2\x80\xa6");
	buf_puts(b, "</li>");
}

/* The daily note of links[0..n) (one note's links): "Daily note, 3 Nov",
 * linked to its page, and the lines that link the person. */
static void
put_daily_article(site *s, kith_buf *b, const daily_link *links, size_t n)
{
	const note *d = links[0].daily;
	size_t i, shown = 0;

	buf_puts(b, "<article class=\"daily\"><p class=\"daily-title\"><a href=\"");
	buf_puts(b, s->prefix);
	esc(b, s->url[d->index]);
	buf_puts(b, "\">Daily note, ");
	put_day(s, b, d->daily);
	buf_puts(b, "</a></p>");
	for (i = 0; i < n && shown < DAILY_LINES; i++) {
		if (i > 0 && links[i].line == links[i - 1].line)
			continue;
		if (shown++ == 0)
			buf_puts(b, "<ul class=\"lines\">");
		put_daily_line(s, b, d, links[i].line);
	}
	if (shown)
		buf_puts(b, "</ul>");
	buf_puts(b, "</article>\n");
}

/* "41 meetings and 6 daily notes, the first on 3 Dec 2025, the last on 13
 * Nov; 1 scheduled." */
static void
put_counts(site *s, kith_buf *b, const contacts *c)
{
	size_t i, held = 0, coming = 0;
	kith_date first = KITH_NO_DATE, last = KITH_NO_DATE, d;

	for (i = 0; i < c->n; i++) {
		if (s->hidden[c->m[i]->index])
			continue;
		if ((d = c->m[i]->date.d) > s->today) {
			coming++;
			continue;
		}
		held++;
		first = first == KITH_NO_DATE || d < first ? d : first;
		last = date_later(last, d);
	}
	if (c->nlinks > 0) {
		d = c->links[0].daily->daily;
		first = first == KITH_NO_DATE || d < first ? d : first;
		last = date_later(last, c->links[c->nlinks - 1].daily->daily);
	}
	if (held + coming + c->ndailies == 0) {
		buf_puts(b, "<p class=\"muted\">No meetings yet.</p>\n");
		return;
	}
	buf_puts(b, "<p class=\"counts\">");
	if (held > 0 || c->ndailies == 0)
		buf_printf(b, "%zu meeting%s", held, held == 1 ? "" : "s");
	if (held > 0 && c->ndailies > 0)
		buf_puts(b, " and ");
	if (c->ndailies > 0)
		buf_printf(b, "%zu daily note%s", c->ndailies,
		    c->ndailies == 1 ? "" : "s");
	if (held + c->ndailies == 1) {
		buf_puts(b, ", on ");
		put_day(s, b, first);
	} else if (held + c->ndailies > 1) {
		buf_puts(b, ", the first on ");
		put_day(s, b, first);
		buf_puts(b, ", the last on ");
		put_day(s, b, last);
	}
	if (coming)
		buf_printf(b, "; %zu scheduled", coming);
	buf_puts(b, ".</p>\n");
}

/* Puts the entries of c, the latest first: each meeting the site shows
 * and each daily note (after the meetings of its day), at most
 * KITH_MAX_PAGE_LIST, the older ones counted. */
static int
put_entries(site *s, kith_buf *b, const contacts *c)
{
	size_t i = c->n, k = c->nlinks, start, shown = 0, meetings = 0;
	size_t more_meetings = 0, more_dailies = 0;

	while (i > 0 || k > 0) {
		if (i > 0 && s->hidden[c->m[i - 1]->index]) {
			i--;
			continue;
		}
		if (i > 0 && (k == 0 || c->m[i - 1]->date.d >=
		    c->links[k - 1].daily->daily)) {
			i--;
			if (++shown > KITH_MAX_PAGE_LIST)
				more_meetings++;
			else if (put_meeting_article(s, b, c->m[i],
			    ++meetings <= TIMELINE_OPEN) < 0)
				return -1;
			continue;
		}
		for (start = k - 1; start > 0 && c->links[start - 1].daily ==
		    c->links[k - 1].daily; start--)
			;
		if (++shown > KITH_MAX_PAGE_LIST)
			more_dailies++;
		else
			put_daily_article(s, b, c->links + start, k - start);
		k = start;
	}
	put_more(b, more_meetings, "older meetings, each on its own page");
	put_more(b, more_dailies, "older daily notes, each on its own page");
	return 0;
}

/* The timeline of m[0..n), meetings in date order (the oldest first), and
 * when person is not NULL, of the daily notes that link them. */
int
put_timeline(site *s, kith_buf *b, note *const *m, size_t n,
    const note *person)
{
	contacts c = { m, n, NULL, 0, 0 };

	if (person != NULL && daily_links(s, person, &c) < 0)
		return -1;
	buf_puts(b, "<section class=\"card\"><h2>Timeline</h2>\n");
	put_counts(s, b, &c);
	if (put_entries(s, b, &c) < 0)
		return -1;
	buf_puts(b, "</section>\n");
	return 0;
}
