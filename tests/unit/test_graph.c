/*
 * test_graph.c: resolving names into the graph (graph.c; journal.md
 * "Resolving names and links"): by stem, path, name and alias, case-
 * insensitively; a path, stem or name beats an alias; ambiguity is an error
 * naming the candidates; an unknown name is a warning (with "did you mean")
 * and an unresolved node; the owner is left out.
 */
#include "testutil.h"
#include "core/limits.h"

static void
by_stem_path_name_and_alias(void **state)
{
	tu_ctx *c = *state;
	note *m, *jane, *bob, *carol;

	tu_fm(c, "people/Jane Doe.md", "aliases: [JD, Janie]\n");
	tu_fm(c, "people/team/Bob Smith.md", "aliases: Bobby\n");
	tu_fm(c, "people/carol.md", "name: Carol King\n");
	tu_fm(c, "meetings/m1.md",
	    "date: 2026-11-01\n"
	    "with:\n"
	    "  - Jane Doe\n"			/* stem */
	    "  - \"[[people/team/Bob Smith]]\"\n"	/* path */
	    "  - carol KING\n"			/* name, any case */
	    "  - janie\n"			/* alias */
	    "  - \"[[JANE  DOE|Jane]]\"\n"	/* white space folded */
	    "  - \"[[bob smith#notes]]\"\n"	/* stem in a subfolder */
	    "  - PEOPLE/CAROL\n"		/* path, any case */
	    "  - bobby\n");			/* alias */
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	m = tu_note(c, "meetings/m1.md");
	jane = tu_note(c, "people/Jane Doe.md");
	bob = tu_note(c, "people/team/Bob Smith.md");
	carol = tu_note(c, "people/carol.md");
	assert_int_equal(m->with.n, 8);
	assert_ptr_equal(m->with.v[0].to, jane);
	assert_ptr_equal(m->with.v[1].to, bob);
	assert_ptr_equal(m->with.v[2].to, carol);
	assert_ptr_equal(m->with.v[3].to, jane);
	assert_ptr_equal(m->with.v[4].to, jane);
	assert_ptr_equal(m->with.v[5].to, bob);
	assert_ptr_equal(m->with.v[6].to, carol);
	assert_ptr_equal(m->with.v[7].to, bob);
	/* a person named twice in one meeting met them once */
	assert_int_equal(jane->nmeetings, 1);
	assert_int_equal(bob->nmeetings, 1);
	assert_int_equal(carol->nmeetings, 1);
	assert_int_equal(c->j->nnodes, c->j->nnotes);	/* nothing unresolved */
}

static void
lookup(void **state)
{
	tu_ctx *c = *state;
	kith_buf key = KITH_BUF_INIT;
	int ambiguous = 7;

	tu_fm(c, "people/Jane Doe.md", "aliases: [Jane]\n");
	tu_fm(c, "people/Jane Roe.md", "aliases: [Jane]\n");
	tu_fm(c, "companies/Acme.md", "name: Acme Corp\naliases: [ACME]\n");
	tu_load(c, "2026-11-22");
	assert_ptr_equal(graph_find(c->j, &key, "jane doe", &ambiguous),
	    tu_note(c, "people/Jane Doe.md"));
	assert_int_equal(ambiguous, 0);
	assert_ptr_equal(graph_find(c->j, &key, "acme", &ambiguous),
	    tu_note(c, "companies/Acme.md"));
	assert_ptr_equal(graph_find(c->j, &key, "Acme Corp", &ambiguous),
	    tu_note(c, "companies/Acme.md"));
	assert_ptr_equal(graph_find(c->j, &key, "companies/acme", &ambiguous),
	    tu_note(c, "companies/Acme.md"));
	assert_null(graph_find(c->j, &key, "Jane", &ambiguous));
	assert_int_equal(ambiguous, 1);
	assert_null(graph_find(c->j, &key, "Nobody", &ambiguous));
	assert_int_equal(ambiguous, 0);
	assert_null(graph_find(c->j, &key, "people/Jane Doe.md", &ambiguous));
	buf_free(&key);
}

/* A path, stem or name beats an alias. */
static void
alias_loses_to_a_name(void **state)
{
	tu_ctx *c = *state;
	note *m;

	tu_fm(c, "people/Dan.md", "name: Dan Brown\naliases: [Danny, The Boss]\n");
	tu_fm(c, "people/Danny.md", "");
	tu_fm(c, "people/x.md", "name: The Boss\n");
	tu_fm(c, "people/y.md", "aliases: [people/x]\n");
	tu_fm(c, "meetings/m.md",
	    "date: 2026-11-01\n"
	    "with: [Danny, the boss, people/x, Dan Brown]\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	m = tu_note(c, "meetings/m.md");
	assert_ptr_equal(m->with.v[0].to, tu_note(c, "people/Danny.md"));
	assert_ptr_equal(m->with.v[1].to, tu_note(c, "people/x.md"));
	assert_ptr_equal(m->with.v[2].to, tu_note(c, "people/x.md"));
	assert_ptr_equal(m->with.v[3].to, tu_note(c, "people/Dan.md"));
}

static void
ambiguous_alias(void **state)
{
	tu_ctx *c = *state;
	note *m;

	tu_fm(c, "people/Jane Doe.md", "aliases: [Jane]\n");
	tu_fm(c, "people/Jane Roe.md", "aliases: [Jane]\n");
	tu_write(c, "meetings/m.md",
	    "---\n"
	    "date: 2026-11-01\n"
	    "with: [\"[[Jane]]\", Jane Roe]\n"
	    "---\n"
	    "Talked to [[jane|her]] about it.\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "meetings/m.md:3:8: error: with: [[Jane]] could be Jane Doe "
	    "(people/Jane Doe.md) or Jane Roe (people/Jane Roe.md)\n"
	    "meetings/m.md:5:11: error: link: [[jane]] could be Jane Doe "
	    "(people/Jane Doe.md) or Jane Roe (people/Jane Roe.md)\n");
	m = tu_note(c, "meetings/m.md");
	assert_null(m->with.v[0].to);
	assert_ptr_equal(m->with.v[1].to, tu_note(c, "people/Jane Roe.md"));
	assert_null(m->mentions[0].ref.to);
	assert_false(m->skipped);
	assert_int_equal(tu_note(c, "people/Jane Roe.md")->nmeetings, 1);
	assert_int_equal(tu_note(c, "people/Jane Doe.md")->nmeetings, 0);
}

/* Two files with one stem: a warning on each, an error where it is used. */
static void
ambiguous_stem(void **state)
{
	tu_ctx *c = *state;
	note *m;

	tu_fm(c, "people/a/Sam Lee.md", "");
	tu_fm(c, "people/b/Sam Lee.md", "");
	tu_fm(c, "people/c/Sam Lee.md", "name: Sam Lee\n");
	tu_fm(c, "meetings/m.md",
	    "date: 2026-11-01\n"
	    "with:\n"
	    "  - Sam Lee\n"
	    "  - people/b/Sam Lee\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "meetings/m.md:4:5: error: with: [[Sam Lee]] could be Sam Lee "
	    "(people/a/Sam Lee.md), Sam Lee (people/b/Sam Lee.md) or Sam Lee "
	    "(people/c/Sam Lee.md)\n"
	    "people/a/Sam Lee.md:1:1: warning: name \"Sam Lee\" is also "
	    "claimed by people/b/Sam Lee.md and others\n"
	    "people/b/Sam Lee.md:1:1: warning: name \"Sam Lee\" is also "
	    "claimed by people/c/Sam Lee.md and others\n"
	    "people/c/Sam Lee.md:2:7: warning: name \"Sam Lee\" is also "
	    "claimed by people/a/Sam Lee.md and others\n");
	m = tu_note(c, "meetings/m.md");
	assert_null(m->with.v[0].to);
	assert_ptr_equal(m->with.v[1].to, tu_note(c, "people/b/Sam Lee.md"));
}

static void
two_notes_one_name(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/jane1.md", "name: Jane Doe\n");
	tu_fm(c, "people/jane2.md", "name: jane doe\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "people/jane1.md:2:7: warning: name \"Jane Doe\" is also claimed "
	    "by people/jane2.md\n"
	    "people/jane2.md:2:7: warning: name \"jane doe\" is also claimed "
	    "by people/jane1.md\n");
}

/* An alias claimed twice and never used: only kith check --strict. */
static void
unused_shared_alias(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/Jane Doe.md", "aliases: [Jane]\n");
	tu_fm(c, "people/Jane Roe.md", "aliases: [JANE]\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	tu_load_opts(c, "2026-11-22", 1);
	tu_assert_str(tu_diags(c),
	    "people/Jane Doe.md:2:10: warning: alias \"Jane\" is also claimed "
	    "by people/Jane Roe.md\n"
	    "people/Jane Roe.md:2:10: warning: alias \"JANE\" is also claimed "
	    "by people/Jane Doe.md\n");
}

/* The nearest name by brute force: every name compared, ties to the first
 * by name_cmp; what the filtered search of graph.c must agree with. */
static const char *
nearest(char names[][24], size_t n, const char *name)
{
	arena a = { NULL, 0 };
	const char *key = name_fold(&a, name), *best = NULL;
	uint64_t set;
	int limit = (int)name_chars(key, &set) / 3, d, best_d;
	size_t i;

	if (limit > KITH_MAX_SUGGEST_DISTANCE)
		limit = KITH_MAX_SUGGEST_DISTANCE;
	best_d = limit + 1;
	for (i = 0; i < n && limit > 0; i++) {
		d = name_distance(key, name_fold(&a, names[i]), limit);
		if (d < best_d || (d == best_d && best != NULL &&
		    name_cmp(names[i], best) < 0)) {
			best_d = d;
			best = names[i];
		}
	}
	arena_free(&a);
	return best_d <= limit ? best : NULL;
}

/* Hundreds of people and misspellings of every kind (a letter dropped,
 * doubled, changed, two swapped, short names, digits): each suggestion is
 * the one a comparison with every name gives. */
static void
suggestions_match_a_full_search(void **state)
{
	static const char *first[] = { "Ann", "Bo", "Carla", "Dmitri", "Eve",
	    "Farah", "Gus", "Hiro", "Ines", "Jo" };
	static const char *last[] = { "Li", "Okafor", "Smith", "Smyth",
	    "Novak", "Ng", "Oduya", "Reyes", "Sato", "Vance", "Wu", "Yilmaz" };
	static char names[120][24];
	tu_ctx *c = *state;
	char path[64], typo[32];
	const char *want, *got;
	size_t i, n = 0, k, len;
	unsigned seed = 7;

	for (i = 0; i < 10; i++)
		for (k = 0; k < 12; k++) {
			snprintf(names[n], sizeof(names[n]), "%s %s", first[i],
			    last[k]);
			snprintf(path, sizeof(path), "people/%s.md", names[n]);
			tu_fm(c, path, "");
			n++;
		}
	tu_load(c, "2026-11-22");
	for (i = 0; i < 2000; i++) {
		seed = seed * 1103515245u + 12345u;
		strcpy(typo, names[(seed >> 8) % n]);
		len = strlen(typo);
		k = (seed >> 4) % len;
		switch ((seed >> 20) % 5) {
		case 0:		/* a letter dropped */
			memmove(typo + k, typo + k + 1, len - k);
			break;
		case 1:		/* a letter doubled */
			memmove(typo + k + 1, typo + k, len - k + 1);
			break;
		case 2:		/* a letter changed */
			typo[k] = (char)('a' + (seed >> 12) % 26);
			break;
		case 3:		/* two letters swapped */
			if (k + 1 < len) {
				char t = typo[k];
				typo[k] = typo[k + 1];
				typo[k + 1] = t;
			}
			break;
		default:	/* a short name, or digits */
			snprintf(typo, sizeof(typo), "%.*s%u", (int)(k % 4),
			    names[(seed >> 8) % n], seed % 100);
		}
		want = nearest(names, n, typo);
		got = kith_journal_suggest(c->j, typo);
		if (want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, want);
	}
}

static void
unresolved_with_suggestion(void **state)
{
	tu_ctx *c = *state;
	note *m, *u;

	tu_fm(c, "people/Bob Smith.md", "");
	tu_fm(c, "companies/Acme.md", "name: Acme Corp\n");
	tu_fm(c, "meetings/2026-11-02 acme.md",
	    "date: 2026-11-02\n"
	    "kind: call\n"
	    "with:\n"
	    "  - Bob Smth\n"
	    "  - Zed Quux\n"
	    "company: Acme Crop\n");
	tu_fm(c, "meetings/later.md",
	    "date: 2026-11-10\n"
	    "with: [bob smth]\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "meetings/2026-11-02 acme.md:5:5: warning: with: no note for "
	    "\"Bob Smth\"; did you mean \"Bob Smith\"?\n"
	    "meetings/2026-11-02 acme.md:6:5: warning: with: no note for "
	    "\"Zed Quux\"\n"
	    "meetings/2026-11-02 acme.md:7:10: warning: company: no note for "
	    "\"Acme Crop\"; did you mean \"Acme Corp\"?\n"
	    "meetings/later.md:3:8: warning: with: no note for \"bob smth\"; "
	    "did you mean \"Bob Smith\"?\n");
	m = tu_note(c, "meetings/2026-11-02 acme.md");
	u = m->with.v[0].to;
	assert_non_null(u);
	assert_int_equal(u->type, NOTE_UNRESOLVED);
	assert_string_equal(u->display, "Bob Smth");
	assert_true(u->used_as_person);
	/* the same unknown name is one node: both meetings count */
	assert_ptr_equal(tu_note(c, "meetings/later.md")->with.v[0].to, u);
	assert_int_equal(u->nmeetings, 2);
	assert_int_equal(tu_day(c, u).last, tu_date("2026-11-10"));
	assert_int_equal(m->company.to->type, NOTE_UNRESOLVED);
	assert_true(m->company.to->used_as_company);
	assert_false(m->company.to->used_as_person);
	/* a name without a note has no dates (its page showed 1970-01-01) */
	assert_int_equal(m->company.to->apply_by.d, KITH_NO_DATE);
	assert_int_equal(u->met.d, KITH_NO_DATE);
	assert_int_equal(u->last_contact.d, KITH_NO_DATE);
	assert_int_equal(u->snooze.d, KITH_NO_DATE);
	assert_int_equal(u->due.d, KITH_NO_DATE);
	assert_int_equal(u->date.d, KITH_NO_DATE);
	/* Bob Smth, Zed Quux, Acme Crop */
	assert_int_equal(c->j->nnodes, c->j->nnotes + 3);
	assert_string_equal(kith_journal_suggest(c->j, "Bob Smyth"),
	    "Bob Smith");
	assert_string_equal(kith_journal_suggest(c->j, "acme corp."),
	    "Acme Corp");
	assert_null(kith_journal_suggest(c->j, "Xavier"));
}

/* Columns count characters, not bytes. */
static void
columns_count_characters(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/\xc3\x89mile.md", "");
	tu_fm(c, "people/Zo\xc3\xab.md", "");
	tu_write(c, "meetings/m.md",
	    "---\ndate: 2026-11-10\nwith: [\xc3\x89mile, Zo\xc3\xab, Zed]\n"
	    "---\n\xc3\xa9\xc3\xa9 [[Zed]]\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "meetings/m.md:3:20: warning: with: no note for \"Zed\"\n"
	    "meetings/m.md:5:4: warning: link: no note for \"Zed\"\n");
}

/* An unresolved meeting partner still counts as a meeting with them. */
static void
unresolved_person_gets_items(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "meetings/m.md", "date: 2026-11-20\nkind: coffee\nwith: Zed\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "meetings/m.md:4:7: warning: with: no note for \"Zed\"\n");
	tu_due(c);
	tu_assert_str(tu_items(c),
	    "2026-11-21|thank-you|Zed|-|Send Zed a thank-you note for the "
	    "coffee on 2026-11-20|meetings/m.md:2\n");
}

/* with: names a company: a warning, and the company is no attendee. */
static void
with_a_non_person(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "companies/Acme.md", "");
	tu_fm(c, "people/Jo.md", "");
	tu_fm(c, "meetings/m.md", "date: 2026-11-20\nwith: [Jo, Acme]\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "meetings/m.md:3:12: warning: with: \"Acme\" is not a person "
	    "(companies/Acme.md)\n");
	tu_due(c);
	tu_assert_str(tu_items(c),
	    "2026-11-21|thank-you|Jo|-|Send Jo a thank-you note for the "
	    "meeting on 2026-11-20|meetings/m.md:2\n");
}

/* with:, company: and introduced_by name meeting notes, which are kept
 * without the fields of other types (note_size): warnings, and no
 * meeting, contact or person figures are written into them (ASan poisons
 * the bytes after a meeting note). */
static void
meeting_named_as_a_person(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "meetings/a.md", "date: 2026-11-01\nwith: Jo\n");
	tu_fm(c, "meetings/b.md", "date: 2026-11-20\nwith: [Jo, a]\n"
	    "company: a\n");
	tu_fm(c, "people/Jo.md", "introduced_by: b\ncompany: b\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "meetings/b.md:3:12: warning: with: \"a\" is not a person "
	    "(meetings/a.md)\n");
	assert_int_equal(tu_note(c, "people/Jo.md")->nmeetings, 2);
	assert_false(note_size(NOTE_MEETING) >= sizeof(note));
	tu_due(c);
	tu_assert_str(tu_items(c),
	    "2026-11-21|thank-you|Jo|a|Send Jo a thank-you note for the "
	    "meeting on 2026-11-20|meetings/b.md:2\n");
}

static void
owner_excluded(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "owner: alex rivera\n");
	tu_fm(c, "people/Alex Rivera.md",
	    "cadence: 1w\nlast_contact: 2026-01-01\nbirthday: --11-23\n");
	tu_fm(c, "people/Jane Doe.md", "cadence: never\n");
	tu_fm(c, "meetings/m.md",
	    "date: 2026-11-20\nwith: [Alex Rivera, Jane Doe]\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	assert_ptr_equal(c->j->owner, tu_note(c, "people/Alex Rivera.md"));
	assert_true(c->j->owner->is_owner);
	tu_due(c);
	/* no check-in or birthday for the owner, and not among the people */
	tu_assert_str(tu_items(c),
	    "2026-11-21|thank-you|Jane Doe|-|Send Jane Doe a thank-you note "
	    "for the meeting on 2026-11-20|meetings/m.md:2\n");
}

/* An owner with no note of their own is the unresolved name. */
static void
owner_without_note(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "owner: Me\n");
	tu_fm(c, "meetings/m.md", "date: 2026-11-20\nwith: [Me, Kim]\n");
	tu_load(c, "2026-11-22");
	assert_non_null(c->j->owner);
	assert_int_equal(c->j->owner->type, NOTE_UNRESOLVED);
	tu_due(c);
	tu_assert_str(tu_items(c),
	    "2026-11-21|thank-you|Kim|-|Send Kim a thank-you note for the "
	    "meeting on 2026-11-20|meetings/m.md:2\n");
}

static void
edges(void **state)
{
	tu_ctx *c = *state;
	size_t i, k, n[EDGE_KIND_COUNT] = { 0 };
	const edge *e, *out;
	const note *m, *acme;

	tu_fm(c, "people/Jane.md", "company: Acme\nintroduced_by: Bob\n");
	tu_fm(c, "people/Bob.md", "company: Acme\n");
	tu_fm(c, "companies/Acme.md", "");
	tu_write(c, "meetings/m.md",
	    "---\ndate: 2026-11-01\nwith: [Jane, Bob]\ncompany: Acme\n---\n"
	    "[[Jane]] and [[Acme]]\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	for (i = 0; i < c->j->nedges; i++) {
		e = &c->j->edges[i];
		n[e->kind]++;
		if (e->kind == EDGE_INTRODUCED_BY) {
			assert_ptr_equal(edge_from(c->j, e),
			    tu_note(c, "people/Jane.md"));
			assert_ptr_equal(edge_to(c->j, e),
			    tu_note(c, "people/Bob.md"));
			assert_int_equal(e->line, 3);
		}
		if (e->kind == EDGE_MENTIONS)
			assert_int_equal(e->line, 6);
	}
	assert_int_equal(n[EDGE_ATTENDED], 2);
	assert_int_equal(n[EDGE_WORKS_AT], 2);
	assert_int_equal(n[EDGE_INTRODUCED_BY], 1);
	assert_int_equal(n[EDGE_MENTIONS], 2);
	assert_int_equal(n[EDGE_HELD_AT], 1);
	assert_true(tu_note(c, "companies/Acme.md")->has_contact);

	/* the adjacency lists: a meeting's edges out as it names them, a
	 * company's edges in by the paths of their notes */
	m = tu_note(c, "meetings/m.md");
	acme = tu_note(c, "companies/Acme.md");
	out = graph_out(c->j, m, &k);
	assert_int_equal(k, 5);
	assert_int_equal(out[0].kind, EDGE_HELD_AT);
	assert_ptr_equal(edge_to(c->j, &out[1]), tu_note(c, "people/Jane.md"));
	assert_ptr_equal(edge_to(c->j, &out[2]), tu_note(c, "people/Bob.md"));
	assert_int_equal(out[3].kind, EDGE_MENTIONS);
	assert_ptr_equal(edge_to(c->j, &out[4]), acme);
	assert_int_equal(graph_in_count(c->j, acme), 4);
	/* meetings/ before people/ */
	assert_ptr_equal(edge_from(c->j, graph_in_edge(c->j, acme, 0)), m);
	assert_ptr_equal(edge_from(c->j, graph_in_edge(c->j, acme, 1)), m);
	assert_int_equal(graph_in_edge(c->j, acme, 1)->kind, EDGE_MENTIONS);
	assert_ptr_equal(edge_from(c->j, graph_in_edge(c->j, acme, 2)),
	    tu_note(c, "people/Bob.md"));
	assert_ptr_equal(edge_from(c->j, graph_in_edge(c->j, acme, 3)),
	    tu_note(c, "people/Jane.md"));
	for (i = 0; i < c->j->nnodes; i++) {
		out = graph_out(c->j, c->j->notes[i], &k);
		while (k-- > 0)
			assert_ptr_equal(edge_from(c->j, &out[k]), c->j->notes[i]);
	}
	graph_out(c->j, acme, &k);
	assert_int_equal(k, 0);
}

/* last(P), scheduled meetings, asks and gives of held meetings. */
static void
person_figures(void **state)
{
	tu_ctx *c = *state;
	note *p;

	tu_fm(c, "people/P.md", "last_contact: 2026-09-01\nmet: 2025-01-01\n");
	tu_fm(c, "meetings/a.md", "date: 2026-10-01\nwith: P\nasked: [x, y]\n"
	    "gave: [z]\n");
	tu_fm(c, "meetings/b.md", "date: 2026-11-22 18:00\nwith: P\nasked: w\n");
	tu_fm(c, "meetings/c.md", "date: 2026-11-23\nwith: P\nasked: [v]\n"
	    "gave: [u, t]\n");
	tu_fm(c, "meetings/d.md", "date: 2026-08-01\nwith: P\n");
	tu_load(c, "2026-11-22");
	p = tu_note(c, "people/P.md");
	assert_int_equal(p->nmeetings, 4);
	assert_ptr_equal(p->meetings[0], tu_note(c, "meetings/d.md"));
	assert_ptr_equal(p->meetings[1], tu_note(c, "meetings/a.md"));
	assert_ptr_equal(p->meetings[2], tu_note(c, "meetings/b.md"));
	assert_ptr_equal(p->meetings[3], tu_note(c, "meetings/c.md"));
	/* b, today's, is not held yet: it and c are scheduled */
	assert_int_equal(tu_day(c, p).last, tu_date("2026-10-01"));
	assert_true(tu_day(c, p).scheduled);
	assert_true(tu_day(c, p).close_tie);
	assert_int_equal(tu_day(c, p).asks, 2);
	assert_int_equal(tu_day(c, p).gives, 1);
	assert_ptr_equal(tu_day(c, p).latest_ask, tu_note(c, "meetings/a.md"));
	tu_fm(c, "people/Q.md", "met: 2025-01-01\nlast_contact: 2024-12-01\n");
	tu_load(c, "2026-11-22");
	p = tu_note(c, "people/Q.md");
	assert_int_equal(tu_day(c, p).last, tu_date("2025-01-01"));
	assert_false(tu_day(c, p).scheduled);
	assert_true(tu_day(c, p).close_tie);	/* through last_contact: */
	assert_null(tu_day(c, p).latest_ask);
}

/* followups.md (v2): close ties and weak ties, group meetings. */
static void
close_and_weak_ties(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "owner: Me\ncadence_by_tag:\n  mentor: 30d\n");
	tu_fm(c, "people/Me.md", "");
	tu_fm(c, "people/One.md", "");
	tu_fm(c, "people/Two.md", "");
	tu_fm(c, "people/Three.md", "met: 2026-01-01\n");
	tu_fm(c, "people/Four.md", "");
	tu_fm(c, "people/Tagged.md", "tags: [Mentor]\n");
	tu_fm(c, "people/Own.md", "cadence: 1y\n");
	tu_fm(c, "people/Later.md", "");
	/* three people and the owner: not a group (group_size 3) */
	tu_fm(c, "meetings/m1.md", "date: 2026-10-01\n"
	    "with: [Me, One, Two, Three]\nkind: interview\n");
	/* four people: a group */
	tu_fm(c, "meetings/m2.md", "date: 2026-10-02\n"
	    "with: [Two, Three, Four, Later]\n");
	tu_fm(c, "meetings/m3.md", "date: 2026-10-03\nwith: [Four]\n"
	    "kind: Event\n");
	tu_fm(c, "meetings/m4.md", "date: 2026-11-22\nwith: [Later]\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	assert_false(tu_note(c, "meetings/m1.md")->is_group);
	assert_true(tu_note(c, "meetings/m2.md")->is_group);
	assert_true(tu_note(c, "meetings/m3.md")->is_group);
	assert_true(tu_day(c, tu_note(c, "people/One.md")).close_tie);
	assert_true(tu_day(c, tu_note(c, "people/Three.md")).close_tie);
	assert_false(tu_day(c, tu_note(c, "people/Four.md")).close_tie);
	assert_true(tu_day(c, tu_note(c, "people/Tagged.md")).close_tie);
	assert_true(tu_day(c, tu_note(c, "people/Own.md")).close_tie);
	/* one-to-one only today: not held, so not yet close */
	assert_false(tu_day(c, tu_note(c, "people/Later.md")).close_tie);
	assert_int_equal(tu_cadence(c, tu_note(c, "people/Four.md")).unit, 0);
	assert_int_equal(tu_cadence(c, tu_note(c, "people/One.md")).n, 90);
	tu_write(c, "kith.yaml", "group_size: 2\nowner: Me\n");
	tu_load(c, "2026-11-22");
	assert_true(tu_note(c, "meetings/m1.md")->is_group);
	assert_false(tu_day(c, tu_note(c, "people/One.md")).close_tie);
}

static void
cadence_of_a_person(void **state)
{
	tu_ctx *c = *state;
	duration d;

	tu_write(c, "kith.yaml",
	    "cadence: 120d\n"
	    "cadence_by_tag:\n"
	    "  mentor: 1m\n"
	    "  recruiter: 45d\n"
	    "  friend: 30d\n"
	    "  dormant: never\n");
	tu_fm(c, "people/a.md", "tags: [Recruiter, MENTOR]\n");
	tu_fm(c, "people/b.md", "tags: [mentor, friend]\n");
	tu_fm(c, "people/c.md", "tags: [mentor]\ncadence: 1y\n");
	tu_fm(c, "people/d.md", "tags: [unknown]\n");
	tu_fm(c, "meetings/coffee with d.md", "date: 2026-11-01\nwith: d\n");
	tu_fm(c, "people/weak.md", "tags: [unknown]\nmet: 2026-01-01\n");
	tu_fm(c, "people/e.md", "tags: [dormant]\n");
	tu_fm(c, "people/f.md", "tags: [dormant, recruiter]\n");
	tu_fm(c, "people/g.md", "cadence: never\ntags: [friend]\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	d = tu_cadence(c, tu_note(c, "people/a.md"));
	assert_int_equal(d.n, 1);	/* 1m is shorter than 45d */
	assert_int_equal(d.unit, 'm');
	d = tu_cadence(c, tu_note(c, "people/b.md"));
	assert_int_equal(d.n, 30);	/* 30d is shorter than 1m */
	assert_int_equal(d.unit, 'd');
	d = tu_cadence(c, tu_note(c, "people/c.md"));
	assert_int_equal(d.n, 1);	/* their own wins over all */
	assert_int_equal(d.unit, 'y');
	d = tu_cadence(c, tu_note(c, "people/d.md"));
	assert_int_equal(d.n, 120);	/* the default: a close tie */
	assert_int_equal(d.unit, 'd');
	d = tu_cadence(c, tu_note(c, "people/weak.md"));
	assert_int_equal(d.unit, 0);	/* a weak tie has none */
	d = tu_cadence(c, tu_note(c, "people/e.md"));
	assert_int_equal(d.unit, 0);	/* never */
	d = tu_cadence(c, tu_note(c, "people/f.md"));
	assert_int_equal(d.n, 45);	/* never is the longest */
	assert_int_equal(d.unit, 'd');
	d = tu_cadence(c, tu_note(c, "people/g.md"));
	assert_int_equal(d.unit, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(by_stem_path_name_and_alias),
		TU_TEST(lookup),
		TU_TEST(alias_loses_to_a_name),
		TU_TEST(ambiguous_alias),
		TU_TEST(ambiguous_stem),
		TU_TEST(two_notes_one_name),
		TU_TEST(unused_shared_alias),
		TU_TEST(unresolved_with_suggestion),
		TU_TEST(suggestions_match_a_full_search),
		TU_TEST(columns_count_characters),
		TU_TEST(unresolved_person_gets_items),
		TU_TEST(with_a_non_person),
		TU_TEST(meeting_named_as_a_person),
		TU_TEST(owner_excluded),
		TU_TEST(owner_without_note),
		TU_TEST(edges),
		TU_TEST(person_figures),
		TU_TEST(cadence_of_a_person),
		TU_TEST(close_and_weak_ties),
	};

	return cmocka_run_group_tests_name("graph", tests, NULL, NULL);
}
