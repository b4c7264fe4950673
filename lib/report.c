/*
 * report.c: writes the follow-up report as text, Markdown or JSON
 * (followups.md, "Output formats").  In text and Markdown, overdue items
 * older than stale_after days are counted in one line per kind unless
 * KITH_REPORT_ALL is given; JSON always holds every item.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define RED "\033[31m"
#define YELLOW "\033[33m"
#define GREEN "\033[32m"
#define CYAN "\033[36m"
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static const char *const when_names[] = { "overdue", "today", "upcoming",
	"undated" };
static const char *const when_titles[] = { "Overdue", "Today", "Upcoming",
	"Undated" };

typedef struct style {
	int color;
	int markdown;
	kith_date stale_before;	/* overdue items before it are summed up */
	int all;
} style;

static const char *
paint(const style *s, const char *code)
{
	return s->color ? code : "";
}

static int
is_stale(const style *s, const kith_item *it)
{
	return !s->all && it->when == KITH_OVERDUE && it->due < s->stale_before;
}

/* Markdown: the text is plain text, so its special characters are escaped. */
static void
put_md_text(kith_buf *b, const char *t)
{
	for (; *t; t++) {
		if ((unsigned char)*t < 0x20 || *t == 0x7f) {
			buf_printf(b, "\\x%02x", (unsigned char)*t);
			continue;
		}
		if (strchr("\\`*_[]<>#|~!&", *t) != NULL)
			buf_putc(b, '\\');
		buf_putc(b, *t);
	}
}

static void
put_stale_lines(kith_buf *b, const style *s, const kith_due *d)
{
	size_t counts[KITH_KIND_COUNT] = { 0 }, i;
	const kith_item *it;
	char before[11];
	int k;

	for (i = 0; i < kith_due_count(d); i++) {
		it = kith_due_item(d, i);
		if (is_stale(s, it))
			counts[it->kind]++;
	}
	kith_date_format(s->stale_before, before);
	for (k = 0; k < KITH_KIND_COUNT; k++) {
		if (counts[k] == 0)
			continue;
		if (s->markdown)
			buf_printf(b, "- %zu older %s item%s due before %s "
			    "(`kith due --all` lists them)\n", counts[k],
			    kith_kind_name((kith_kind)k),
			    counts[k] == 1 ? "" : "s", before);
		else
			buf_printf(b, "  %s%zu older %s item%s due before %s "
			    "(kith due --all lists them)%s\n", paint(s, DIM),
			    counts[k], kith_kind_name((kith_kind)k),
			    counts[k] == 1 ? "" : "s", before,
			    paint(s, RESET));
	}
}

static void
put_text_item(kith_buf *b, const style *s, const kith_item *it)
{
	static const char *const colors[] = { RED, YELLOW, GREEN, "" };
	char due[11] = "";

	if (it->due != KITH_NO_DATE)
		kith_date_format(it->due, due);
	buf_printf(b, "  %s%-10s%s  %s%-11s%s  ", paint(s, colors[it->when]),
	    due, paint(s, RESET), paint(s, CYAN), kith_kind_name(it->kind),
	    paint(s, RESET));
	buf_printable(b, it->text);
	buf_printf(b, "\n%27s%s", "", paint(s, DIM));
	buf_printable(b, it->file);
	buf_printf(b, ":%d%s\n", it->line, paint(s, RESET));
}

static void
put_md_item(kith_buf *b, const kith_item *it)
{
	char due[11];

	buf_puts(b, "- [ ] ");
	if (it->due != KITH_NO_DATE) {
		kith_date_format(it->due, due);
		buf_printf(b, "**%s** ", due);
	}
	buf_printf(b, "%s: ", kith_kind_name(it->kind));
	put_md_text(b, it->text);
	buf_puts(b, " (`");
	buf_printable(b, it->file);
	buf_printf(b, ":%d`)\n", it->line);
}

static void
put_grouped(kith_buf *b, const style *s, const kith_due *d)
{
	size_t i, stale = 0;
	const kith_item *it;
	char today[11];
	int when, any;

	for (i = 0; i < kith_due_count(d); i++)
		stale += is_stale(s, kith_due_item(d, i));
	if (kith_due_count(d) == 0)
		return;
	kith_date_format(kith_due_today(d), today);
	if (s->markdown)
		buf_printf(b, "# Follow-ups for %s\n", today);
	else
		buf_printf(b, "%sFollow-ups for %s%s (next %d day%s)\n",
		    paint(s, BOLD), today, paint(s, RESET), kith_due_horizon(d),
		    kith_due_horizon(d) == 1 ? "" : "s");
	for (when = KITH_OVERDUE; when <= KITH_UNDATED; when++) {
		any = 0;
		for (i = 0; i < kith_due_count(d); i++) {
			it = kith_due_item(d, i);
			if ((int)it->when != when)
				continue;
			if (!any && s->markdown)
				buf_printf(b, "\n## %s\n\n", when_titles[when]);
			else if (!any)
				buf_printf(b, "\n%s%s%s\n", paint(s, BOLD),
				    when_titles[when], paint(s, RESET));
			any = 1;
			if (is_stale(s, it))
				continue;
			if (s->markdown)
				put_md_item(b, it);
			else
				put_text_item(b, s, it);
		}
		if (when == KITH_OVERDUE && stale > 0)
			put_stale_lines(b, s, d);
	}
}

static void
put_json(kith_buf *b, const kith_due *d, const kith_journal *j)
{
	const kith_item *it;
	char date[11];
	size_t i, k;

	kith_date_format(kith_due_today(d), date);
	buf_printf(b, "{\n  \"today\": \"%s\",\n  \"horizon\": %d,\n"
	    "  \"items\": [", date, kith_due_horizon(d));
	for (i = 0; i < kith_due_count(d); i++) {
		it = kith_due_item(d, i);
		buf_puts(b, i ? ",\n    {\n" : "\n    {\n");
		/* no printf: a report has thousands of items */
		if (it->due == KITH_NO_DATE) {
			buf_puts(b, "      \"due\": null,\n");
		} else {
			kith_date_format(it->due, date);
			buf_puts(b, "      \"due\": \"");
			buf_puts(b, date);
			buf_puts(b, "\",\n");
		}
		buf_puts(b, "      \"status\": \"");
		buf_puts(b, when_names[it->when]);
		buf_puts(b, "\",\n      \"kind\": \"");
		buf_puts(b, kith_kind_name(it->kind));
		buf_puts(b, "\",\n      \"people\": [");
		for (k = 0; k < it->npeople; k++) {
			if (k)
				buf_puts(b, ", ");
			buf_json_string(b, it->people[k]);
		}
		buf_puts(b, "],\n      \"company\": ");
		if (it->company)
			buf_json_string(b, it->company);
		else
			buf_puts(b, "null");
		buf_puts(b, ",\n      \"text\": ");
		buf_json_string(b, it->text);
		buf_puts(b, ",\n      \"file\": ");
		buf_json_string(b, it->file);
		buf_puts(b, ",\n      \"line\": ");
		buf_put_int(b, it->line);
		buf_puts(b, "\n    }");
	}
	buf_printf(b, "%s],\n  \"errors\": %zu,\n  \"warnings\": %zu\n}\n",
	    kith_due_count(d) ? "\n  " : "",
	    kith_journal_count(j, KITH_ERROR),
	    kith_journal_count(j, KITH_WARNING));
}

static void
put_report(kith_buf *b, const kith_due *d, const kith_journal *j,
    kith_format format, int flags)
{
	style s;

	memset(&s, 0, sizeof(s));
	s.color = (flags & KITH_REPORT_COLOR) && format == KITH_FORMAT_TEXT;
	s.markdown = format == KITH_FORMAT_MARKDOWN;
	s.all = (flags & KITH_REPORT_ALL) != 0;
	s.stale_before = kith_due_today(d) - j->cfg.stale_after;
	if (format == KITH_FORMAT_JSON)
		put_json(b, d, j);
	else
		put_grouped(b, &s, d);
}

char *
kith_due_format(const kith_due *d, const kith_journal *j, kith_format format,
    int flags, size_t *len)
{
	kith_buf b = KITH_BUF_INIT;

	put_report(&b, d, j, format, flags);
	buf_putc(&b, '\0');
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	b.len--;
	return buf_detach(&b, len);
}

kith_status
kith_due_write(const kith_due *d, const kith_journal *j, kith_format format,
    int flags, FILE *out, size_t *len)
{
	kith_buf b = KITH_BUF_INIT;
	kith_status st = KITH_OK;

	b.sink = out;
	put_report(&b, d, j, format, flags);
	if (b.oom || buf_flush(&b) < 0 || fflush(out) != 0)
		st = KITH_ESYSTEM;
	if (len != NULL)
		*len = b.sunk;
	buf_free(&b);
	return st;
}
