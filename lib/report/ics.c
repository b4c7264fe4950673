/*
 * ics.c: the follow-ups as iCalendar (RFC 5545): a meeting is a VEVENT
 * (at its time when it has one, floating: the journal's times are local),
 * a yearly date a VEVENT that repeats every year, every other item a
 * VTODO due on its day.  A UID is the item's id, the same while its note
 * says the same thing, and DTSTAMP is the report's day, never the clock:
 * the same journal on the same day gives the same bytes, and a calendar
 * subscribed to the file updates its entries instead of adding more.
 *
 * Written line by line (core/contentline.c: the escaping and folding
 * vCard shares): libical, which did it first, links ICU and libstdc++
 * into every kith command, 3.4 MB more memory and 1.3 ms more to start
 * each run, for the few lines a calendar needs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/contentline.h"
#include "report/report.h"

#define ICS_PRODID "-//kith//kith " KITH_VERSION "//EN"

/* 20261122, or 20261122T093000 with a time (floating: local). */
static void
ics_when(char out[32], kith_date d, int minutes)
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	if (minutes >= 0)
		snprintf(out, 32, "%04d%02d%02dT%02d%02d00", y, m, dd,
		    minutes / 60, minutes % 60);
	else
		snprintf(out, 32, "%04d%02d%02d", y, m, dd);
}

/* "people/Jane Doe.md:7", and who it is about */
static char *
ics_description(const kith_item *it)
{
	kith_buf b = KITH_BUF_INIT;
	size_t i;

	for (i = 0; i < it->npeople; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", it->people[i]);
	if (it->company != NULL)
		buf_printf(&b, "%s%s", it->npeople ? " (" : "", it->company);
	if (it->company != NULL && it->npeople)
		buf_putc(&b, ')');
	buf_printf(&b, "%s%s:%d", b.len ? "\n" : "", it->file, it->line);
	return buf_detach(&b, NULL);
}

/* A yearly date's summary without this year's count ("turns 38", "5
 * years"): the event repeats. */
static char *
ics_yearly_summary(const char *text)
{
	const char *open = strrchr(text, '(');
	size_t n = strlen(text);
	int k, used = 0;

	if (open != NULL && open > text && open[-1] == ' ' && text[n - 1] == ')' &&
	    ((sscanf(open, "(turns %d)%n", &k, &used) == 1 &&
	    open[used] == '\0') || (sscanf(open, "(%d year%*[s])%n", &k,
	    &used) == 1 && open[used] == '\0') || (sscanf(open, "(%d year)%n",
	    &k, &used) == 1 && open[used] == '\0')))
		n = (size_t)(open - 1 - text);
	return strndup(text, n);
}

/* One item as a VEVENT or a VTODO. */
static void
ics_item(kith_buf *out, kith_buf *line, const kith_item *it, kith_date today)
{
	char when[32], *text;
	int event = it->kind == KITH_KIND_MEETING || it->kind == KITH_KIND_DATE;

	buf_puts(out, event ? "BEGIN:VEVENT\r\n" : "BEGIN:VTODO\r\n");
	if (event) {
		ics_when(when, it->due, it->minutes);
		content_line(out, line, it->minutes >= 0 ? "DTSTART" :
		    "DTSTART;VALUE=DATE", when, 0);
		if (it->kind == KITH_KIND_DATE)
			buf_puts(out, "RRULE:FREQ=YEARLY\r\n");
		buf_puts(out, it->kind == KITH_KIND_DATE ?
		    "TRANSP:TRANSPARENT\r\n" : "TRANSP:OPAQUE\r\n");
	} else {
		if (it->due != KITH_NO_DATE) {
			ics_when(when, it->due, -1);
			content_line(out, line, "DUE;VALUE=DATE", when, 0);
		}
		buf_puts(out, "STATUS:NEEDS-ACTION\r\n");
	}
	content_line(out, line, "UID", it->id, 1);
	ics_when(when, today, 0);
	strcat(when, "Z");	/* midnight, UTC */
	content_line(out, line, "DTSTAMP", when, 0);
	text = it->kind == KITH_KIND_DATE ? ics_yearly_summary(it->text) : NULL;
	if (it->kind == KITH_KIND_DATE && text == NULL)
		out->oom = 1;
	content_line(out, line, "SUMMARY", text != NULL ? text : it->text, 1);
	free(text);
	content_line(out, line, "CATEGORIES", kith_kind_name(it->kind), 1);
	if ((text = ics_description(it)) == NULL)
		out->oom = 1;
	else
		content_line(out, line, "DESCRIPTION", text, 1);
	free(text);
	buf_puts(out, event ? "END:VEVENT\r\n" : "END:VTODO\r\n");
}

char *
kith_due_ics(const kith_due *d, const kith_journal *j, size_t *len)
{
	kith_buf b = KITH_BUF_INIT, line = KITH_BUF_INIT;
	due_listing l;
	size_t i;

	/* every item, as JSON: a calendar has room for the old ones */
	if (due_listing_make(d, j, 1, kith_due_horizon(d), NULL, NULL, &l) < 0)
		return NULL;
	buf_puts(&b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	content_line(&b, &line, "PRODID", ICS_PRODID, 1);
	buf_puts(&b, "CALSCALE:GREGORIAN\r\n");
	if (j->cfg.title != NULL)
		content_line(&b, &line, "X-WR-CALNAME", j->cfg.title, 1);
	for (i = 0; i < l.n && !b.oom; i++)
		ics_item(&b, &line, kith_due_item(d, l.idx[i]),
		    kith_due_today(d));
	due_listing_free(&l);
	buf_puts(&b, "END:VCALENDAR\r\n");
	buf_free(&line);
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, len);
}
