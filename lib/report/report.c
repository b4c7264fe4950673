/*
 * report.c: writes the follow-up report as text, Markdown or JSON
 * (followups.md, "Output formats").  In text and Markdown, overdue items
 * older than stale_after days are counted in one line per kind unless
 * KITH_REPORT_ALL is given; JSON always holds every item.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "report/report.h"
#include "rules/rules.h"

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
} style;

static const char *
paint(const style *s, const char *code)
{
	return s->color ? code : "";
}

/* ---- which items are listed ---- */

/* The order groups are shown in: Today, Overdue, Upcoming, Undated. */
static const int group_rank[] = { 1, 0, 2, 3 };

/* Within a group, by kind: what is new and short-lived first. */
static const int kind_rank[KITH_KIND_COUNT] = {
	[KITH_KIND_MEETING] = 0, [KITH_KIND_THANK_YOU] = 1,
	[KITH_KIND_NEXT_STEP] = 2, [KITH_KIND_TASK] = 3, [KITH_KIND_DATE] = 4,
	[KITH_KIND_RECIPROCITY] = 5, [KITH_KIND_TARGET] = 6,
	[KITH_KIND_CHECK_IN] = 7
};

typedef struct ranked {
	size_t i;		/* the item */
	int strength;		/* check-ins: their person's */
	const kith_item *it;
	const char *name;	/* check-ins: their person's display name */
} ranked;

/* Shown order: group, kind, due date; then the items' own order (file,
 * line, text), which is their index. */
static int
shown_order(const void *a, const void *b)
{
	const ranked *x = a, *y = b;

	if (x->it->when != y->it->when)
		return group_rank[x->it->when] - group_rank[y->it->when];
	if (x->it->kind != y->it->kind)
		return kind_rank[x->it->kind] - kind_rank[y->it->kind];
	if (x->it->due != y->it->due)
		return x->it->due < y->it->due ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Which check-ins make the limit: the strongest relationships, then the
 * earliest due, then by name. */
static int
check_in_order(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	int c;

	if (x->strength != y->strength)
		return y->strength - x->strength;
	if (x->it->due != y->it->due)
		return x->it->due < y->it->due ? -1 : 1;
	if ((c = name_cmp(x->name, y->name)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Keeps the first `limit` check-ins of r[0..n) by check_in_order();
 * returns how many items remain (check-ins first, then the rest). */
static size_t
limit_check_ins(const kith_due *d, ranked *r, size_t n, size_t limit,
    size_t *left_out)
{
	size_t i, k = 0, ncheck;
	note *const *people;
	size_t np;
	ranked t;

	for (i = 0; i < n; i++) {	/* check-ins to the front */
		if (r[i].it->kind != KITH_KIND_CHECK_IN)
			continue;
		people = due_item_people(d, r[i].i, &np);
		r[i].strength = np ? person_strength(people[0],
		    kith_due_today(d)) : 0;
		r[i].name = np ? people[0]->display : "";
		t = r[k], r[k] = r[i], r[i] = t;
		k++;
	}
	ncheck = k;
	*left_out = 0;
	if (ncheck <= limit)
		return n;
	qsort(r, ncheck, sizeof(*r), check_in_order);
	*left_out = ncheck - limit;
	memmove(r + limit, r + ncheck, (n - ncheck) * sizeof(*r));
	return n - *left_out;
}

int
due_listing_make(const kith_due *d, const kith_journal *j, int all,
    int horizon, due_skip skip, const void *ctx, due_listing *out)
{
	size_t i, n = 0, total = kith_due_count(d);
	const kith_item *it;
	ranked *r;

	memset(out, 0, sizeof(*out));
	out->stale_before = kith_due_today(d) - j->cfg.stale_after;
	if ((r = malloc((total ? total : 1) * sizeof(*r))) == NULL)
		return -1;
	for (i = 0; i < total; i++) {
		it = kith_due_item(d, i);
		if ((skip != NULL && skip(ctx, i)) || (it->due != KITH_NO_DATE &&
		    it->due > kith_due_today(d) + horizon))
			continue;
		if (it->stale && !all) {
			out->stale[it->kind]++;
			out->nstale++;
			continue;
		}
		r[n++] = (ranked){ i, 0, it, NULL };
	}
	if (!all && !due_unlimited(d))
		n = limit_check_ins(d, r, n, (size_t)j->cfg.check_in_limit,
		    &out->more_check_ins);
	qsort(r, n, sizeof(*r), shown_order);
	if ((out->idx = malloc((n ? n : 1) * sizeof(*out->idx))) == NULL) {
		free(r);
		return -1;
	}
	for (i = 0; i < n; i++) {
		out->idx[i] = r[i].i;
		out->in_group[r[i].it->when]++;
	}
	out->n = n;
	free(r);
	return 0;
}

void
due_listing_put_older(kith_buf *b, const due_listing *l)
{
	char before[11];
	int k, any = 0;

	if (l->nstale == 0)
		return;
	kith_date_format(l->stale_before, before);
	buf_printf(b, "Older: %zu item%s (", l->nstale, l->nstale == 1 ? "" :
	    "s");
	for (k = 0; k < KITH_KIND_COUNT; k++)
		if (l->stale[k])
			buf_printf(b, "%s%zu %s", any++ ? ", " : "", l->stale[k],
			    kith_kind_name((kith_kind)k));
	buf_printf(b, ") due before %s", before);
}

void
due_listing_free(due_listing *l)
{
	free(l->idx);
	l->idx = NULL;
}

/* ---- text and Markdown ---- */

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

/* "Follow-ups for 2026-11-22: 2 today, 5 overdue, 4 upcoming" */
static void
put_heading(kith_buf *b, const style *s, const kith_due *d,
    const due_listing *l)
{
	static const int order[] = { KITH_TODAY, KITH_OVERDUE, KITH_UPCOMING,
		KITH_UNDATED };
	char today[11];
	size_t k;
	int any = 0;

	kith_date_format(kith_due_today(d), today);
	buf_printf(b, "%s%sFollow-ups for %s", s->markdown ? "# " : "",
	    paint(s, BOLD), today);
	for (k = 0; k < 4; k++) {
		if (l->in_group[order[k]] == 0)
			continue;
		buf_printf(b, "%s%zu %s", any++ ? ", " : ": ",
		    l->in_group[order[k]], when_names[order[k]]);
	}
	buf_printf(b, "%s\n", paint(s, RESET));
}

static void
put_group_title(kith_buf *b, const style *s, const kith_due *d, int when,
    int first)
{
	int h = kith_due_horizon(d);

	/* Markdown needs a blank line before a heading; text keeps the
	 * groups together so that a night's report fits one screen. */
	buf_printf(b, "%s%s%s%s", s->markdown || first ? "\n" : "",
	    s->markdown ? "## " : "", paint(s, BOLD), when_titles[when]);
	if (when == KITH_UPCOMING)
		buf_printf(b, ", next %d day%s", h, h == 1 ? "" : "s");
	buf_printf(b, "%s\n%s", paint(s, RESET), s->markdown ? "\n" : "");
}

/* An item's file as the user reaches it from where they stand: behind
 * the journal's folder as they named it (as diagnostics are). */
static void
put_where(kith_buf *b, const kith_due *d, const kith_item *it)
{
	const char *where = due_where(d);

	if (where != NULL && where[0] != '\0') {
		buf_printable(b, where);
		buf_putc(b, '/');
	}
	buf_printable(b, it->file);
}

/* One line an item: due, kind, text, and where it comes from, dimmed. */
static void
put_text_item(kith_buf *b, const style *s, const kith_due *d,
    const kith_item *it)
{
	static const char *const colors[] = { RED, YELLOW, GREEN, "" };
	char due[11] = "";

	if (it->due != KITH_NO_DATE)
		kith_date_format(it->due, due);
	buf_printf(b, "  %s%-10s%s  %s%-11s%s  ", paint(s, colors[it->when]),
	    due, paint(s, RESET), paint(s, CYAN), kith_kind_name(it->kind),
	    paint(s, RESET));
	buf_printable(b, it->text);
	buf_printf(b, "  %s", paint(s, DIM));
	put_where(b, d, it);
	buf_printf(b, ":%d%s\n", it->line, paint(s, RESET));
}

static void
put_md_item(kith_buf *b, const kith_due *d, const kith_item *it)
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
	put_where(b, d, it);
	buf_printf(b, ":%d`)\n", it->line);
}

/* "and 14 more check-ins (...)", "Older: 112 items (108 check-in, 4
 * task) due before 2026-10-23; ..." */
static void
put_counted(kith_buf *b, const style *s, const due_listing *l)
{
	const char *q = s->markdown ? "`" : "";

	if ((s->markdown || l->n == 0) && (l->more_check_ins || l->nstale))
		buf_puts(b, "\n");
	if (l->more_check_ins)
		buf_printf(b, "%sand %zu more check-in%s (%skith due --kind "
		    "check-in%s lists %s)%s\n", paint(s, DIM),
		    l->more_check_ins, l->more_check_ins == 1 ? "" : "s", q, q,
		    l->more_check_ins == 1 ? "it" : "them", paint(s, RESET));
	if (l->nstale == 0)
		return;
	buf_puts(b, paint(s, DIM));
	due_listing_put_older(b, l);
	buf_printf(b, "; %skith due --all%s lists %s%s\n", q, q,
	    l->nstale == 1 ? "it" : "them", paint(s, RESET));
}

static int
put_grouped(kith_buf *b, const style *s, const kith_due *d,
    const kith_journal *j, int all)
{
	due_listing l;
	const kith_item *it;
	size_t i;
	int when = -1;

	if (kith_due_count(d) == 0)
		return 0;
	if (due_listing_make(d, j, all, kith_due_horizon(d), NULL, NULL, &l) < 0)
		return -1;
	put_heading(b, s, d, &l);
	for (i = 0; i < l.n; i++) {
		it = kith_due_item(d, l.idx[i]);
		if ((int)it->when != when) {
			put_group_title(b, s, d, (int)it->when, when < 0);
			when = (int)it->when;
		}
		if (s->markdown)
			put_md_item(b, d, it);
		else
			put_text_item(b, s, d, it);
	}
	put_counted(b, s, &l);
	due_listing_free(&l);
	return 0;
}

/* The keys of version 2: id, stale, and a meeting's time. */
static void
put_json_more(kith_buf *b, const kith_item *it)
{
	char time[6];

	buf_puts(b, ",\n      \"id\": \"");
	buf_puts(b, it->id);
	buf_puts(b, it->stale ? "\",\n      \"stale\": true" :
	    "\",\n      \"stale\": false");
	if (it->kind != KITH_KIND_MEETING)
		return;
	if (it->minutes < 0) {
		buf_puts(b, ",\n      \"time\": null");
		return;
	}
	snprintf(time, sizeof(time), "%02d:%02d", it->minutes / 60 % 24,
	    it->minutes % 60);
	buf_puts(b, ",\n      \"time\": \"");
	buf_puts(b, time);
	buf_putc(b, '"');
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
		put_json_more(b, it);
		buf_puts(b, "\n    }");
	}
	buf_printf(b, "%s],\n  \"stale_after\": %d,\n  \"errors\": %zu,\n"
	    "  \"warnings\": %zu\n}\n", kith_due_count(d) ? "\n  " : "",
	    j->cfg.stale_after, kith_journal_count(j, KITH_ERROR),
	    kith_journal_count(j, KITH_WARNING));
}

static int
put_report(kith_buf *b, const kith_due *d, const kith_journal *j,
    kith_format format, int flags)
{
	style s;

	memset(&s, 0, sizeof(s));
	s.color = (flags & KITH_REPORT_COLOR) && format == KITH_FORMAT_TEXT;
	s.markdown = format == KITH_FORMAT_MARKDOWN;
	if (format == KITH_FORMAT_JSON) {
		put_json(b, d, j);
		return 0;
	}
	return put_grouped(b, &s, d, j, (flags & KITH_REPORT_ALL) != 0);
}

char *
kith_due_format(const kith_due *d, const kith_journal *j, kith_format format,
    int flags, size_t *len)
{
	kith_buf b = KITH_BUF_INIT;

	if (put_report(&b, d, j, format, flags) < 0)
		b.oom = 1;
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
	if (put_report(&b, d, j, format, flags) < 0)
		b.oom = 1;
	if (b.oom || buf_flush(&b) < 0 || fflush(out) != 0)
		st = KITH_ESYSTEM;
	if (len != NULL)
		*len = b.sunk;
	buf_free(&b);
	return st;
}
