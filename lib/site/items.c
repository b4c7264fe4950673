/*
 * items.c: one follow-up as a page shows it: when it is due, its kind, its
 * text with the names in it linked to their pages and its dates marked
 * when they are past, and where it comes from in words ("from Halcyon
 * technical panel, 13 Nov", linked to that note's page).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

static const char *const month_names[] = { "Jan", "Feb", "Mar", "Apr",
	"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* "13 Nov", or "13 Nov 2025" in another year than the site's day. */
void
put_day(site *s, kith_buf *b, kith_date d)
{
	int y, m, day, ty, tm, td;

	if (d == KITH_NO_DATE)
		return;
	date_to_ymd(d, &y, &m, &day);
	date_to_ymd(s->today, &ty, &tm, &td);
	if (y == ty)
		buf_printf(b, "%d %s", day, month_names[m - 1]);
	else
		buf_printf(b, "%d %s %d", day, month_names[m - 1], y);
}

static int
is_word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c & 0x80);
}

/* Where name next stands as whole words in text, from `from`; NULL when
 * nowhere. */
static const char *
find_name(const char *text, const char *from, const char *name)
{
	size_t n = strlen(name);
	const char *at;

	if (n == 0)
		return NULL;
	for (at = strstr(from, name); at != NULL; at = strstr(at + 1, name))
		if ((at == text || !is_word_byte(at[-1])) &&
		    !is_word_byte(at[n]))
			return at;
	return NULL;
}

/* Is t[0..10) a date "YYYY-MM-DD" standing alone?  Its day into *d. */
static int
date_at(const char *text, const char *t, kith_date *d)
{
	char day[11];

	if ((t > text && is_word_byte(t[-1])) || strlen(t) < 10 ||
	    t[4] != '-' || t[7] != '-' || is_word_byte(t[10]))
		return 0;
	memcpy(day, t, 10);
	day[10] = '\0';
	return date_parse_time(day, d, NULL) == 0;
}

/* Text of an item between the names: its past dates marked (the one the
 * item is due on, or one after "by", says it has passed). */
static void
put_dated_text(site *s, kith_buf *b, const char *text, const char *t,
    size_t n, kith_date due)
{
	size_t i, run = 0;
	kith_date d;
	int passed;

	for (i = 0; i + 10 <= n; i++) {
		if (t[i] < '0' || t[i] > '9' || !date_at(text, t + i, &d) ||
		    d >= s->today)
			continue;
		html_escape_n(b, t + run, i - run);
		passed = d == due || (t + i - text >= 3 &&
		    strncmp(t + i - 3, "by ", 3) == 0);
		buf_puts(b, passed ? "<time class=\"past passed\" datetime=\"" :
		    "<time class=\"past\" datetime=\"");
		buf_put(b, t + i, 10);
		buf_puts(b, "\">");
		buf_put(b, t + i, 10);
		buf_puts(b, passed ? " (passed)</time>" : "</time>");
		i += 9;
		run = i + 1;
	}
	html_escape_n(b, t + run, n - run);
}

/* A date something is to be done by: past, it says it has passed. */
void
put_deadline(site *s, kith_buf *b, kith_date d)
{
	char day[11];

	if (d == KITH_NO_DATE)
		return;
	kith_date_format(d, day);
	if (d >= s->today) {
		buf_puts(b, day);
		return;
	}
	buf_printf(b, "<time class=\"past passed\" datetime=\"%s\">%s "
	    "(passed)</time>", day, day);
}

/* A fact that is a deadline ("Apply by"), marked when it has passed. */
void
fact_deadline(site *s, kith_buf *b, const char *label, kith_date d)
{
	if (d == KITH_NO_DATE)
		return;
	put_label(b, label);
	put_deadline(s, b, d);
	buf_puts(b, "</dd>");
}

/* A note's title without the date its file name starts with. */
const char *
note_title(const note *n)
{
	kith_date d;

	if (date_at(n->display, n->display, &d) && n->display[10] == ' ' &&
	    n->display[11] != '\0')
		return n->display + 11;
	return n->display;
}

/* The nodes an item names that have a page: its people, its company. */
static size_t
item_named(site *s, size_t i, const note **out, size_t max)
{
	note *const *people;
	note *c = due_item_company(s->due, i);
	size_t n, k, m = 0;

	people = due_item_people(s->due, i, &n);
	for (k = 0; k < n && m < max; k++)
		if (!s->hidden[people[k]->index] && s->url[people[k]->index])
			out[m++] = people[k];
	if (c != NULL && m < max && !s->hidden[c->index] && s->url[c->index])
		out[m++] = c;
	return m;
}

/* An item's text with the names of its people and company linked, each
 * where it stands as whole words (the longest name first where two
 * start at the same place). */
static void
put_item_text(site *s, kith_buf *b, size_t i, const kith_item *it)
{
	const note *named[16], *best;
	const char *t = it->text, *at, *first;
	size_t n = item_named(s, i, named, 16), k;

	while (*t != '\0') {
		first = NULL;
		best = NULL;
		for (k = 0; k < n; k++) {
			at = find_name(it->text, t, named[k]->display);
			if (at != NULL && (first == NULL || at < first ||
			    (at == first && strlen(named[k]->display) >
			    strlen(best->display)))) {
				first = at;
				best = named[k];
			}
		}
		if (first == NULL)
			break;
		put_dated_text(s, b, it->text, t, (size_t)(first - t), it->due);
		put_node(s, b, best);
		t = first + strlen(best->display);
	}
	put_dated_text(s, b, it->text, t, strlen(t), it->due);
}

/* Where an item comes from, in words: "from Halcyon technical panel, 13
 * Nov" for a meeting, "from Dana Whitfield" for another note, "from the
 * notes on this page" on its own page; the file only when the note has no
 * page. */
static void
put_item_source(site *s, kith_buf *b, const kith_item *it, const note *src)
{
	if (src != NULL && src == s->here) {
		buf_puts(b, src->body_len > 0 ? "from the notes on this page" :
		    "from this note");
		return;
	}
	if (src == NULL || s->url[src->index] == NULL) {
		buf_puts(b, "from ");
		esc(b, it->file);
		return;
	}
	buf_puts(b, "from <a href=\"");
	buf_puts(b, s->prefix);
	esc(b, s->url[src->index]);
	buf_puts(b, "\">");
	esc(b, src->type == NOTE_MEETING ? note_title(src) : src->display);
	buf_puts(b, "</a>");
	if (src->type == NOTE_MEETING && src->date.d != KITH_NO_DATE) {
		buf_puts(b, ", ");
		put_day(s, b, src->date.d);
	}
}

void
put_item(site *s, kith_buf *b, size_t i)
{
	static const char *const when[] = { "overdue", "today", "upcoming",
		"undated" };
	const kith_item *it = kith_due_item(s->due, i);

	buf_puts(b, "<li class=\"");
	buf_puts(b, when[it->when]);
	buf_puts(b, "\"><span class=\"due\">");
	if (it->due != KITH_NO_DATE)
		date_put(b, it->due);
	else
		buf_puts(b, "any time");
	buf_puts(b, "</span><span><span class=\"kind\">");
	buf_puts(b, kith_kind_name(it->kind));
	buf_puts(b, "</span>");
	put_item_text(s, b, i, it);
	buf_puts(b, "</span><span class=\"meta\">");
	put_item_source(s, b, it, s->item_src[i]);
	buf_puts(b, "</span></li>\n");
}
