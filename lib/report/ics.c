/*
 * ics.c: the follow-ups as iCalendar (RFC 5545), built and written by
 * libical (its folding, escaping and line ends): a meeting is a VEVENT
 * (at its time when it has one, floating: the journal's times are local),
 * a yearly date a VEVENT that repeats every year, every other item a
 * VTODO due on its day.  A UID is the item's id, the same while its note
 * says the same thing, and DTSTAMP is the report's day, never the clock:
 * the same journal on the same day gives the same bytes, and a calendar
 * subscribed to the file updates its entries instead of adding more.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "report/report.h"

#define ICS_PRODID "-//kith//kith " KITH_VERSION "//EN"

static struct icaltimetype
ics_day(kith_date d)
{
	struct icaltimetype t = icaltime_null_date();
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	t.year = y;
	t.month = m;
	t.day = dd;
	return t;
}

static struct icaltimetype
ics_time(kith_date d, int minutes)
{
	struct icaltimetype t = icaltime_null_time();
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	t.year = y;
	t.month = m;
	t.day = dd;
	t.hour = minutes / 60;
	t.minute = minutes % 60;
	return t;
}

/* DTSTAMP: the report's day at midnight, UTC (never the clock) */
static struct icaltimetype
ics_stamp(kith_date d)
{
	struct icaltimetype t = ics_time(d, 0);

	t.zone = icaltimezone_get_utc_timezone();
	return t;
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

static void
ics_summary(icalcomponent *c, const kith_item *it)
{
	char *summary;

	if (it->kind != KITH_KIND_DATE) {
		icalcomponent_add_property(c, icalproperty_new_summary(it->text));
		return;
	}
	if ((summary = ics_yearly_summary(it->text)) != NULL)
		icalcomponent_add_property(c, icalproperty_new_summary(summary));
	free(summary);
}

static icalcomponent *
ics_component(const kith_item *it, kith_date today)
{
	icalcomponent *c;
	char *description;

	if (it->kind == KITH_KIND_MEETING || it->kind == KITH_KIND_DATE) {
		c = icalcomponent_new_vevent();
		icalcomponent_add_property(c, icalproperty_new_dtstart(
		    it->minutes >= 0 ? ics_time(it->due, it->minutes) :
		    ics_day(it->due)));
		if (it->kind == KITH_KIND_DATE)
			icalcomponent_add_property(c, icalproperty_new_rrule(
			    icalrecurrencetype_from_string("FREQ=YEARLY")));
		icalcomponent_add_property(c, icalproperty_new_transp(
		    it->kind == KITH_KIND_DATE ? ICAL_TRANSP_TRANSPARENT :
		    ICAL_TRANSP_OPAQUE));
	} else {
		c = icalcomponent_new_vtodo();
		if (it->due != KITH_NO_DATE)
			icalcomponent_add_property(c,
			    icalproperty_new_due(ics_day(it->due)));
		icalcomponent_add_property(c,
		    icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
	}
	if (c == NULL)
		return NULL;
	icalcomponent_add_property(c, icalproperty_new_uid(it->id));
	icalcomponent_add_property(c, icalproperty_new_dtstamp(ics_stamp(today)));
	ics_summary(c, it);
	icalcomponent_add_property(c,
	    icalproperty_new_categories(kith_kind_name(it->kind)));
	if ((description = ics_description(it)) != NULL) {
		icalcomponent_add_property(c,
		    icalproperty_new_description(description));
		free(description);
	}
	return c;
}

/* An X- property named name, with a text value. */
static icalproperty *
ics_x(const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);

	if (p != NULL)
		icalproperty_set_x_name(p, name);
	return p;
}

/* Appends the text libical writes for c (folded, escaped, CRLF), less
 * its last `drop` bytes; frees c.  -1 when out of memory. */
static int
ics_put(kith_buf *b, icalcomponent *c, size_t drop)
{
	char *text;
	size_t n;

	if (c == NULL)
		return -1;
	text = icalcomponent_as_ical_string_r(c);
	icalcomponent_free(c);
	if (text == NULL)
		return -1;
	n = strlen(text);
	buf_put(b, text, n > drop ? n - drop : 0);
	icalmemory_free_buffer(text);
	return b->oom ? -1 : 0;
}

/* The VCALENDAR's head: its properties, without its END line. */
static icalcomponent *
ics_head(const kith_journal *j)
{
	icalcomponent *cal;

	if ((cal = icalcomponent_new_vcalendar()) == NULL)
		return NULL;
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid(ICS_PRODID));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, ics_x("X-WR-CALNAME", j->cfg.title));
	return cal;
}

/*
 * One component at a time, each written by libical and freed, inside the
 * calendar's head and END line: a calendar of every follow-up of a large
 * journal is never held twice (as libical's tree and as text).
 */
char *
kith_due_ics(const kith_due *d, const kith_journal *j, size_t *len)
{
	static const char end[] = "END:VCALENDAR\r\n";
	kith_buf b = KITH_BUF_INIT;
	due_listing l;
	size_t i;
	int rc;

	/* every item, as JSON: a calendar has room for the old ones */
	if (due_listing_make(d, j, 1, kith_due_horizon(d), NULL, NULL, &l) < 0)
		return NULL;
	rc = ics_put(&b, ics_head(j), sizeof(end) - 1);
	for (i = 0; rc == 0 && i < l.n; i++)
		rc = ics_put(&b, ics_component(kith_due_item(d, l.idx[i]),
		    kith_due_today(d)), 0);
	due_listing_free(&l);
	buf_puts(&b, end);
	if (rc < 0 || b.oom) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, len);
}
