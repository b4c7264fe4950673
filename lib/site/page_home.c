/*
 * page_home.c: the home page and its widgets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/page.h"

/* ---- the home page ---- */

/* Items a group of the home page shows; the rest are on followups.html. */
#define HOME_GROUP_CAP 10
/* Coming meetings it shows; the rest are on the meetings list. */
#define HOME_COMING 12

int
skip_hidden(const void *ctx, size_t i)
{
	return item_hidden(ctx, i);
}

/* Closes a group's list; past the cap, a link to all of the group. */
static void
group_end(kith_buf *b, int when, size_t in_group)
{
	buf_puts(b, "</ul>\n");
	if (in_group > HOME_GROUP_CAP)
		buf_printf(b, "<p class=\"more\"><a href=\"followups.html#%s\">"
		    "%zu more %s</a></p>\n", group_ids[when],
		    in_group - HOME_GROUP_CAP, when == KITH_OVERDUE ? "overdue" :
		    when == KITH_TODAY ? "for today" : when == KITH_UPCOMING ?
		    "in the coming days" : "any time");
}

/* The groups as the home page and the follow-ups page name them, and
 * their anchors on the follow-ups page, by kith_when. */
const char *const group_titles[] = { "Overdue", "Today", "Coming days",
	"Any time" };
const char *const group_ids[] = { "overdue", "today", "coming", "any-time" };

/* "3 today, 12 overdue, 8 in the coming 7 days, 2 any time.": the items of
 * a listing by group, in the order shown. */
void
put_group_counts(site *s, kith_buf *b, const due_listing *l)
{
	static const int order[] = { KITH_TODAY, KITH_OVERDUE, KITH_UPCOMING,
		KITH_UNDATED };
	size_t k, any = 0;
	int g;

	buf_puts(b, "<p class=\"summary\">");
	for (k = 0; k < 4; k++) {
		g = order[k];
		if (l->in_group[g] == 0 && g != KITH_TODAY)
			continue;
		buf_puts(b, any++ ? ", " : "");
		buf_printf(b, "<b>%zu</b> ", l->in_group[g]);
		if (g == KITH_UPCOMING)
			buf_printf(b, "in the coming %d days", s->j->cfg.horizon);
		else
			buf_puts(b, g == KITH_TODAY ? "today" : g == KITH_OVERDUE ?
			    "overdue" : "any time");
	}
	buf_puts(b, ".</p>\n");
}

/* What the home page leaves out: the check-ins past the limit, the stale
 * items, and the items past a group's cap; all on the follow-ups page. */
static void
home_counted(kith_buf *b, const due_listing *l, size_t cut)
{
	size_t total = l->n + l->more_check_ins + l->nstale;

	if (l->more_check_ins)
		buf_printf(b, "<p class=\"stale\">And %zu more check-in%s.</p>\n",
		    l->more_check_ins, l->more_check_ins == 1 ? "" : "s");
	if (l->nstale) {
		buf_puts(b, "<p class=\"stale\">");
		due_listing_put_older(b, l);	/* kind names, a date: no markup */
		buf_puts(b, ".</p>\n");
	}
	if (cut + l->more_check_ins + l->nstale > 0)
		buf_printf(b, "<p class=\"more\"><a href=\"followups.html\">"
		    "All %zu follow-ups</a></p>\n", total);
}

/* The items kith due lists, in its groups and order (today first), each
 * group cut at HOME_GROUP_CAP with a link to all of it. */
static void
home_follow_ups(site *s, kith_buf *b)
{
	const kith_item *it;
	due_listing l;
	size_t i, in_group = 0, cut = 0;
	int when = -1;

	buf_puts(b, "<section class=\"card follow-ups\"><h2>Follow-ups</h2>\n");
	if (due_listing_make(s->due, s->j, 0, s->j->cfg.horizon, skip_hidden,
	    s, &l) < 0) {
		b->oom = 1;
		return;
	}
	put_group_counts(s, b, &l);
	for (i = 0; i < l.n; i++) {
		it = kith_due_item(s->due, l.idx[i]);
		if ((int)it->when != when) {
			if (when >= 0)
				group_end(b, when, in_group);
			when = (int)it->when;
			in_group = 0;
			buf_printf(b, "<h3 class=\"group\">%s</h3>\n"
			    "<ul class=\"items\">\n", group_titles[when]);
		}
		if (++in_group <= HOME_GROUP_CAP)
			put_item(s, b, l.idx[i]);
		else
			cut++;
	}
	if (when >= 0)
		group_end(b, when, in_group);
	else
		buf_puts(b, "<p class=\"muted\">Nothing to do: every follow-up "
		    "is done.</p>\n");
	home_counted(b, &l, cut);
	due_listing_free(&l);
	buf_puts(b, "</section>\n");
}

/* The next HOME_COMING meetings, the soonest first; the rest are on the
 * meetings list. */
static void
home_coming_meetings(site *s, kith_buf *b)
{
	size_t i, n = 0;
	note *m, **v;

	buf_puts(b, "<section class=\"card\"><h2>Coming meetings</h2>\n");
	if ((v = arena_alloc(&s->scratch, (s->j->nnotes + 1) *
	    sizeof(*v))) == NULL) {
		b->oom = 1;
		return;
	}
	for (i = 0; i < s->j->nnotes; i++) {
		m = s->j->notes[i];
		if (m->type == NOTE_MEETING && !m->skipped &&
		    !s->hidden[m->index] && m->date.d >= s->today &&
		    !meeting_is_written(m))
			v[n++] = m;
	}
	qsort(v, n, sizeof(*v), meeting_order);
	for (i = 0; i < n && i < HOME_COMING; i++) {
		buf_puts(b, i ? "<li>" : "<ul class=\"plain\">\n<li>");
		put_when(b, v[i]);
		buf_puts(b, " ");
		put_node(s, b, v[i]);
		buf_puts(b, " <span class=\"muted\">with ");
		put_people(s, b, v[i]);
		buf_puts(b, "</span></li>\n");
	}
	buf_puts(b, n ? "</ul>" : "<p class=\"muted\">Nothing scheduled. "
	    "Who would you like to see?</p>");
	if (n > HOME_COMING)
		buf_printf(b, "<p class=\"more\"><a href=\"meetings/index.html\">"
		    "%zu more coming</a></p>", n - HOME_COMING);
	buf_puts(b, "</section>\n");
}

/* The shade of a day of `count` meetings when the busiest has `most`: the
 * busiest days are the darkest, whatever the user's pace; a day of one
 * meeting is never the palest but for someone with many a day. */
static int
heat_level(int count, int most)
{
	if (count <= 0)
		return 0;
	if (most <= 4)
		return count + 4 - most;
	return (count * 4 + most - 1) / most;
}

/* What each shade means: "1", "2-3", ... of what (meeting, contact). */
static void
heat_legend(kith_buf *b, int most, const char *what)
{
	int level, c, lo, hi;

	buf_puts(b, "<ul class=\"legend\" aria-label=\"What the shades mean\">"
	    "<li><span class=\"sq d0\">&#160;</span>none</li>");
	for (level = 1; level <= 4; level++) {
		lo = hi = 0;
		for (c = 1; c <= most; c++)
			if (heat_level(c, most) == level) {
				lo = lo ? lo : c;
				hi = c;
			}
		if (lo == 0)
			continue;
		buf_printf(b, "<li><span class=\"sq d%d\">&#160;</span>", level);
		if (lo == hi)
			buf_printf(b, "%d", lo);
		else
			buf_printf(b, "%d\xe2\x80\x93%d", lo, hi);
		buf_printf(b, " %s%s</li>", what, hi == 1 ? "" : "s");
	}
	buf_puts(b, "</ul>\n");
}

/* A person a daily note links, and its day. */
typedef struct day_person {
	kith_date day;
	const note *who;
} day_person;

static int
day_person_order(const void *a, const void *b)
{
	const day_person *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->who->index < y->who->index ? -1 :
	    x->who->index > y->who->index;
}

/* Did p have a meeting the site shows on day d? */
static int
met_on(const site *s, const note *p, kith_date d)
{
	size_t k;

	for (k = 0; k < p->nmeetings; k++)
		if (p->meetings[k]->date.d == d &&
		    !s->hidden[p->meetings[k]->index])
			return 1;
	return 0;
}

/* The people the daily notes of [start, today] that the site shows link
 * (the site shows them too; not you), each once a day, into *out (the
 * page's scratch arena).  Returns how many, or 0 when out of memory. */
static size_t
daily_people(site *s, kith_date start, day_person **out)
{
	size_t i, k, nout, n = 0, room = 0;
	const edge *e;
	const note *d, *q;
	day_person *v = NULL;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < s->j->nnotes; i++) {
			d = s->j->notes[i];
			if (!is_daily_contact(s, d) || d->daily < start)
				continue;
			e = graph_out(s->j, d, &nout);
			for (k = 0; k < nout; k++) {
				q = edge_to(s->j, &e[k]);
				if (e[k].kind != EDGE_MENTIONS ||
				    !note_names_person(q) || q->is_owner ||
				    s->hidden[q->index])
					continue;
				if (pass == 0)
					room++;
				else
					v[n++] = (day_person){ d->daily, q };
			}
		}
		if (pass == 0 && (room == 0 || (v = arena_alloc(&s->scratch,
		    room * sizeof(*v))) == NULL))
			return 0;
	}
	qsort(v, n, sizeof(*v), day_person_order);
	for (i = k = 0; i < n; i++)
		if (k == 0 || v[i].day != v[k - 1].day || v[i].who != v[k - 1].who)
			v[k++] = v[i];
	*out = v;
	return k;
}

/* Adds to counts (a day from start) the contacts of daily notes: each
 * person a daily note links on a day with no meeting with them.  Returns
 * how many. */
static int
count_daily_contacts(site *s, kith_date start, int *counts)
{
	day_person *v;
	size_t i, n = daily_people(s, start, &v);
	int added = 0;

	for (i = 0; i < n; i++)
		if (!met_on(s, v[i].who, v[i].day)) {
			counts[v[i].day - start]++;
			added++;
		}
	return added;
}

/* Contacts per day over the last 52 weeks, a square a day, Monday first:
 * meetings and the people daily notes link (count_daily_contacts()); in
 * a journal whose daily notes link no one, meetings, and it says so.  On
 * a narrow screen the picture keeps its size and scrolls sideways. */
static void
home_heatmap(site *s, kith_buf *b)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
		"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	kith_date today = s->today, start, d;
	int weekday = ((today + 3) % 7 + 7) % 7, counts[53 * 7], total = 0;
	int y, mo, day, last_month = -1, level, i, most = 0, daily;
	size_t k;
	note *m;
	char date[11];
	const char *what, *What;

	start = today - 52 * 7 - weekday;
	memset(counts, 0, sizeof(counts));
	for (k = 0; k < s->j->nnotes; k++) {
		m = s->j->notes[k];
		if (m->type != NOTE_MEETING || m->skipped || s->hidden[m->index] ||
		    m->date.d < start || m->date.d > today)
			continue;
		counts[m->date.d - start]++;
		total++;
	}
	daily = count_daily_contacts(s, start, counts);
	what = daily ? "contact" : "meeting";
	What = daily ? "Contacts" : "Meetings";
	for (i = 0; i <= today - start; i++)
		most = counts[i] > most ? counts[i] : most;
	buf_printf(b, "<section class=\"card\"><h2>%s in the last "
	    "year: %d</h2>\n", What, total + daily);
	if (daily)
		buf_printf(b, "<p class=\"muted\">%d meeting%s and %d "
		    "daily-note contact%s (a person a daily note links, on a day "
		    "you did not meet them).</p>\n", total, total == 1 ? "" : "s",
		    daily, daily == 1 ? "" : "s");
	buf_printf(b, "<div class=\"heatmap-box\" tabindex=\"0\" "
	    "role=\"region\" aria-label=\"%s per day, scrolls sideways\">"
	    "<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 720 112\" "
	    "role=\"img\" aria-label=\"%s per day\">", What, What);
	for (i = 0; i <= today - start; i++) {
		d = start + i;
		date_to_ymd(d, &y, &mo, &day);
		if (i % 7 == 0 && mo != last_month && day <= 7) {
			buf_printf(b, "<text x=\"%d\" y=\"9\">%s</text>",
			    26 + (i / 7) * 13, months[mo - 1]);
			last_month = mo;
		}
		level = heat_level(counts[i], most);
		kith_date_format(d, date);
		buf_printf(b, "<rect class=\"d%d\" x=\"%d\" y=\"%d\" width=\"11\" "
		    "height=\"11\" rx=\"2\"><title>%s: %d %s%s</title>"
		    "</rect>", level, 26 + (i / 7) * 13, 14 + (i % 7) * 13, date,
		    counts[i], what, counts[i] == 1 ? "" : "s");
	}
	buf_puts(b, "<text x=\"0\" y=\"23\">Mon</text><text x=\"0\" y=\"49\">"
	    "Wed</text><text x=\"0\" y=\"75\">Fri</text></svg></div>\n");
	heat_legend(b, most, what);
	buf_puts(b, "</section>\n");
}

/* People longest past their check-in. */
static void
home_fading(site *s, kith_buf *b)
{
	size_t i, n = kith_due_count(s->due), shown = 0;
	const kith_item *it;
	note *const *people;
	person_day f;
	size_t np;

	buf_puts(b, "<section class=\"card\"><h2>Fading</h2>\n");
	for (i = 0; i < n && shown < 10; i++) {
		it = kith_due_item(s->due, i);
		if (it->kind != KITH_KIND_CHECK_IN || it->when != KITH_OVERDUE ||
		    item_hidden(s, i))
			continue;
		people = due_item_people(s->due, i, &np);
		if (np == 0)
			continue;
		buf_puts(b, shown++ ? "<li>" : "<ul class=\"plain\">\n<li>");
		put_node(s, b, people[0]);
		buf_printf(b, " <span class=\"muted\">%d days past the check-in; "
		    "last contact ", s->today - it->due);
		person_day_of(s->j, people[0], s->today, &f);
		date_put(b, f.last);
		buf_puts(b, "</span></li>\n");
	}
	buf_puts(b, shown ? "</ul>" : "<p class=\"muted\">No one is fading: "
	    "every check-in is on time.</p>");
	buf_puts(b, "</section>\n");
}

static void
home_targets(site *s, kith_buf *b)
{
	size_t i, k, shown = 0, n;
	note *c, **people;

	buf_puts(b, "<section class=\"card\"><h2>Target companies</h2>\n");
	for (i = 0; i < s->j->nnotes; i++) {
		c = s->j->notes[i];
		if (c->type != NOTE_COMPANY || c->skipped || s->hidden[c->index] ||
		    !company_is_target(c))
			continue;
		buf_puts(b, shown++ ? "<li>" : "<ul class=\"plain\">\n<li>");
		put_node(s, b, c);
		if (c->apply_by.d != KITH_NO_DATE) {
			buf_puts(b, " <span class=\"muted\">apply by ");
			put_deadline(s, b, c->apply_by.d);
			buf_puts(b, "</span>");
		}
		n = company_people(s, c, &people);
		buf_puts(b, "<br>");
		for (k = 0; k < n && k < 4; k++) {
			buf_puts(b, k ? ", " : "Warm: ");
			put_node(s, b, people[k]);
		}
		if (n == 0)
			buf_puts(b, "<span class=\"cut\">No one there yet</span>");
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, shown ? "</ul>" : "<p class=\"muted\">No target companies: "
	    "mark one with <code>target: yes</code>.</p>");
	buf_puts(b, "</section>\n");
}

static void
home_goals(site *s, kith_buf *b)
{
	size_t i, shown = 0;
	note *g;

	buf_puts(b, "<section class=\"card\"><h2>Goals</h2>\n");
	for (i = 0; i < s->j->nnotes; i++) {
		g = s->j->notes[i];
		if (g->type != NOTE_GOAL || g->skipped || s->hidden[g->index])
			continue;
		if (shown++ == 0)
			buf_puts(b, "<ul class=\"plain\">\n");
		put_goal(s, b, g);
	}
	buf_puts(b, shown ? "</ul>" : "<p class=\"muted\">No goals yet: a note "
	    "with <code>type: goal</code> sets one.</p>");
	buf_puts(b, "</section>\n");
}

int
page_home(site *s)
{
	kith_buf *b = &s->page;
	size_t i, people = 0, meetings = 0;
	note *n;

	for (i = 0; i < s->j->nnodes; i++) {
		n = s->j->notes[i];
		people += is_visible_person(s, n);
		meetings += n->type == NOTE_MEETING && !n->skipped &&
		    !s->hidden[n->index] && n->date.d <= s->today;
	}
	page_begin(s, "Home", 0, "Home", 0);
	buf_puts(b, "<h1>");
	esc(b, s->j->cfg.title);
	buf_printf(b, "</h1>\n<div class=\"stats\"><span><b>%zu</b>people</span>"
	    "<span><b>%zu</b>meetings</span>",
	    people, meetings);
	buf_puts(b, "</div>\n");
	buf_puts(b, "<div class=\"columns\">\n<div>\n");
	home_follow_ups(s, b);
	buf_puts(b, "</div>\n<div>\n");
	home_coming_meetings(s, b);
	home_fading(s, b);
	home_targets(s, b);
	home_goals(s, b);
	buf_puts(b, "</div>\n</div>\n");
	home_heatmap(s, b);
	return page_end(s, "index.html");
}
