/*
 * goal.c: goals (journal.md, "goal") and the small grammar of counts:
 *
 *   counts  = subject { filter }
 *   subject = "meetings" | "new people" | "people" | "gives" | "asks"
 *           | "thank-yous"
 *   filter  = "kind" WORD            meetings of that kind (coffee, ...)
 *           | "with tag" WORD        with someone tagged so
 *           | "at" NAME              at that company (the rest of the text)
 *           | "since" YYYY-MM-DD     on or after that day
 *
 * e.g. "meetings with tag recruiter since 2026-10-01", "new people at
 * Northwind Labs", "meetings kind informational".  Words compare without
 * case.  What counts happened on or before today, on or after since, and
 * on or before the goal's due: when it has one; "new people" are people
 * first met (met:, else their first meeting) in that period.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/model.h"

enum subject { S_MEETINGS, S_NEW_PEOPLE, S_PEOPLE, S_GIVES, S_ASKS,
	S_THANK_YOUS };

static const struct {
	const char *word;
	enum subject subject;
} subjects[] = {
	{ "meetings", S_MEETINGS }, { "new people", S_NEW_PEOPLE },
	{ "people", S_PEOPLE }, { "gives", S_GIVES }, { "asks", S_ASKS },
	{ "thank-yous", S_THANK_YOUS },
};

struct goal_spec {
	enum subject subject;
	const char *kind;	/* folded, or NULL */
	const char *tag;	/* folded, or NULL */
	note *company;		/* or NULL */
	const char *company_name;
	kith_date since;
	kith_date until;	/* the goal's due:, or none */
};

/* Takes a word (or a phrase) off the front of *s, without case. */
static int
take(const char **s, const char *word)
{
	size_t n = strlen(word);

	if (strncasecmp(*s, word, n) != 0 || ((*s)[n] != ' ' && (*s)[n] != '\0'))
		return 0;
	*s += n;
	while (**s == ' ')
		(*s)++;
	return 1;
}

/* The next word, copied. */
static char *
word(arena *a, const char **s)
{
	const char *start = *s;
	char *w;

	while (**s && **s != ' ')
		(*s)++;
	if (*s == start || (w = arena_strndup(a, start, (size_t)(*s - start))) == NULL)
		return NULL;
	while (**s == ' ')
		(*s)++;
	return w;
}

static int
parse_filter(kith_journal *j, struct goal_spec *g, const char **s)
{
	kith_buf key = KITH_BUF_INIT;
	char *w;

	if (take(s, "kind")) {
		return (w = word(&j->mem, s)) != NULL &&
		    (g->kind = name_fold(&j->mem, w)) != NULL ? 0 : -1;
	}
	if (take(s, "with tag")) {
		return (w = word(&j->mem, s)) != NULL &&
		    (g->tag = name_fold(&j->mem, w)) != NULL ? 0 : -1;
	}
	if (take(s, "since")) {
		return (w = word(&j->mem, s)) != NULL &&
		    kith_date_parse(w, &g->since) == 0 ? 0 : -1;
	}
	if (take(s, "at")) {
		if (**s == '\0' || (g->company_name = ref_clean(&j->mem, *s)) == NULL)
			return -1;
		g->company = graph_find(j, &key, g->company_name, NULL);
		buf_free(&key);
		*s += strlen(*s);
		return 0;
	}
	return -1;
}

static void
goal_check(kith_journal *j, note *n)
{
	struct goal_spec *g;
	const char *s = n->counts.s;
	size_t i;

	if (s == NULL || (g = arena_alloc(&j->mem, sizeof(*g))) == NULL)
		return;
	g->since = KITH_NO_DATE;
	g->until = n->due.d;
	for (i = 0; i < sizeof(subjects) / sizeof(subjects[0]); i++)
		if (take(&s, subjects[i].word))
			break;
	if (i == sizeof(subjects) / sizeof(subjects[0]))
		goto bad;
	g->subject = subjects[i].subject;
	while (*s != '\0')
		if (parse_filter(j, g, &s) < 0)
			goto bad;
	n->goal = g;
	return;
bad:
	diag_add(j, n->path, n->counts.at, KITH_ERROR, "counts: cannot read "
	    "\"%s\" (expected e.g. \"meetings with tag recruiter\" or \"new "
	    "people since 2026-10-01\"; see docs/site.md)", n->counts.s);
}

void
goals_read(kith_journal *j)
{
	size_t i;

	for (i = 0; i < j->nnotes; i++)
		if (j->notes[i]->type == NOTE_GOAL && !j->notes[i]->skipped)
			goal_check(j, j->notes[i]);
}

static int
has_tag(const kith_journal *j, const note *p, const char *tag)
{
	arena scratch = { NULL, 0 };
	const char *t;
	size_t i;
	int hit = 0;

	for (i = 0; i < p->tags.n && !hit; i++)
		hit = (t = name_fold(&scratch, p->tags.v[i].s)) != NULL &&
		    strcmp(t, tag) == 0;
	arena_free(&scratch);
	(void)j;
	return hit;
}

static int
in_period(kith_date today, const struct goal_spec *g, kith_date d)
{
	return d != KITH_NO_DATE && d <= today &&
	    (g->since == KITH_NO_DATE || d >= g->since) &&
	    (g->until == KITH_NO_DATE || d <= g->until);
}

static int
person_matches(const kith_journal *j, const struct goal_spec *g,
    const note *p)
{
	if (!note_is_person(p) || p->is_owner)
		return 0;
	if (g->tag && !has_tag(j, p, g->tag))
		return 0;
	return g->company_name == NULL || (g->company != NULL &&
	    p->company.to == g->company);
}

static int
meeting_matches(const kith_journal *j, const struct goal_spec *g,
    const note *m, kith_date today)
{
	size_t i;
	int tag_ok = g->tag == NULL, at_ok = g->company_name == NULL;
	const note *p;

	if (m->type != NOTE_MEETING || m->skipped || !in_period(today, g, m->date.d))
		return 0;
	if (g->kind && strcmp(meeting_kind(m), g->kind) != 0)
		return 0;
	if (g->company != NULL && m->company.to == g->company)
		at_ok = 1;
	for (i = 0; i < m->with.n; i++) {
		if ((p = m->with.v[i].to) == NULL)
			continue;
		tag_ok |= g->tag && has_tag(j, p, g->tag);
		at_ok |= g->company != NULL && p->company.to == g->company;
	}
	return tag_ok && at_ok;
}

static kith_date
first_met(const note *p)
{
	if (p->met.d != KITH_NO_DATE)
		return p->met.d;
	return p->nmeetings ? p->meetings[0]->date.d : KITH_NO_DATE;
}

static long
count_one(const kith_journal *j, const struct goal_spec *g, const note *n,
    kith_date today)
{
	switch (g->subject) {
	case S_MEETINGS:
		return meeting_matches(j, g, n, today);
	case S_GIVES:
		return meeting_matches(j, g, n, today) ? (long)n->gave.n : 0;
	case S_ASKS:
		return meeting_matches(j, g, n, today) ? (long)n->asked.n : 0;
	case S_THANK_YOUS:
		return meeting_matches(j, g, n, today) &&
		    (n->thanked.v == THANKED_YES || n->thanked.v == THANKED_DATE);
	case S_NEW_PEOPLE:
		return person_matches(j, g, n) &&
		    in_period(today, g, first_met(n));
	case S_PEOPLE:
		return person_matches(j, g, n);
	}
	return 0;
}

goal_progress
goal_measure(const kith_journal *j, const note *n, kith_date today)
{
	goal_progress p = { 0, 0, 0 };
	size_t i;

	if (n->goal == NULL)
		return p;
	p.valid = 1;
	p.target = n->goal_target.set ? n->goal_target.v : 0;
	for (i = 0; i < j->nnodes; i++)
		p.count += count_one(j, n->goal, j->notes[i], today);
	return p;
}
