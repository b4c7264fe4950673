/*
 * test_query.c: the queries on the graph (lib/query/): the strength of a
 * link and its parts, the warm-path search on small hand-made graphs
 * (direct contacts, strength 0, cycles, disconnected parts, a company
 * with no people, ties), and the answers of kith show, intro, people and
 * stats on them.
 */
#include "testutil.h"
#include "query/query.h"

/* The paths to name, at most 8. */
static long
paths_to(tu_ctx *c, const char *name, intro_path *v, intro_graph **g)
{
	const note *t = query_find(c->j, name, NULL);
	long n;

	assert_non_null(t);
	*g = intro_graph_new(c->j, c->today, NULL, 1);
	assert_non_null(*g);
	n = intro_paths(*g, t, v, 8);
	assert_true(n >= 0);
	return n;
}

/* "You > A > B" */
static const char *
chain(tu_ctx *c, const intro_path *p)
{
	kith_buf b = KITH_BUF_INIT;
	size_t i;

	buf_puts(&b, "You");
	for (i = 0; i < p->n; i++) {
		buf_puts(&b, " > ");
		buf_puts(&b, p->who[i]->display);
	}
	assert_false(b.oom);
	return tu_keep(c, b.data);
}

/* The answer in *out (read after the call that made it). */
static const char *
answer(tu_ctx *c, kith_status st, char **out)
{
	assert_int_equal(st, KITH_OK);
	return tu_keep(c, *out);
}

/* ---- strength ---- */

static void
strength_parts_add_up(void **state)
{
	tu_ctx *c = *state;
	strength_parts x;

	tu_fm(c, "people/A.md", "name: A\nlast_contact: 2026-11-22\n");
	tu_fm(c, "people/Nobody.md", "name: Nobody\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-22\nwith: A\nkind: coffee\n"
	    "gave: [a referral]\n");
	tu_fm(c, "meetings/2.md", "date: 2026-05-26\nwith: A\nkind: email\n");
	tu_load(c, "2026-11-22");
	/* 1 + 0.5 (gave) + 0.5 * 0.5 (an e-mail 180 days ago) + 0.5 = 2.25 */
	assert_int_equal(person_strength_parts(tu_note(c, "people/A.md"),
	    c->today, &x), 68);
	assert_int_equal(person_strength(tu_note(c, "people/A.md"), c->today),
	    68);
	assert_int_equal(x.meetings, 2);
	assert_true(x.met == 1.0 && x.gave == 0.5 && x.contact == 0.5);
	assert_true(x.written > 0.2499 && x.written < 0.2501);
	/* no meetings, no contact: 0, and no tie_link */
	assert_int_equal(person_strength(tu_note(c, "people/Nobody.md"),
	    c->today), 0);
}

/* A link between two people is the same formula over what they share,
 * and the same both ways. */
static void
links_are_symmetric(void **state)
{
	tu_ctx *c = *state;
	tie_link *ab, *ba;
	size_t nab, nba;
	int oom;

	tu_fm(c, "people/A.md", "name: A\ncompany: Acme\n");
	tu_fm(c, "people/B.md", "name: B\ncompany: Acme\nintroduced_by: A\n");
	tu_write(c, "meetings/1.md", "---\ndate: 2026-11-22\nwith: [A, B]\n"
	    "kind: coffee\n---\nB said [[A]] knows everyone.\n");
	tu_load(c, "2026-11-22");
	ab = intro_links_day(c->j, c->today, tu_note(c, "people/A.md"), &nab,
	    &oom);
	ba = intro_links_day(c->j, c->today, tu_note(c, "people/B.md"), &nba,
	    &oom);
	tu_keep(c, ab);
	tu_keep(c, ba);
	assert_int_equal(nab, 1);
	assert_int_equal(nba, 1);
	/* met together 1 + introduced 1 + same company 0.5 + the meeting
	 * names A 0.5 = 3 -> 78 */
	assert_int_equal(ab[0].strength, 78);
	assert_int_equal(ba[0].strength, 78);
	assert_string_equal(ab[0].to->display, "B");
	assert_string_equal(ba[0].to->display, "A");
}

/* ---- the path search ---- */

/* Marcus is a direct contact: his path of one link comes first, though
 * the path through Priya has a stronger weakest link. */
static void
direct_contact_first(void **state)
{
	tu_ctx *c = *state;
	intro_path v[8];
	intro_graph *g;

	tu_write(c, "kith.yaml", "owner: Me\n");
	tu_fm(c, "people/Me.md", "name: Me\n");
	tu_fm(c, "people/Priya Nair.md", "name: Priya Nair\n");
	tu_fm(c, "people/Marcus Chen.md", "name: Marcus Chen\n"
	    "introduced_by: Priya Nair\nmet: 2026-11-01\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-20\nwith: Priya Nair\n");
	tu_fm(c, "meetings/2.md", "date: 2026-11-21\nwith: Priya Nair\n");
	tu_fm(c, "meetings/3.md", "date: 2026-11-21\nwith: Me\n");
	tu_fm(c, "meetings/4.md", "date: 2025-11-21\nwith: Marcus Chen\n");
	/* Hannah knows Priya: no path through Priya from Hannah, whom you
	 * would ask to ask Priya, whom you know better */
	tu_fm(c, "people/Hannah.md", "name: Hannah\nintroduced_by: Priya Nair\n");
	tu_fm(c, "meetings/5.md", "date: 2026-11-21\nwith: Hannah\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(paths_to(c, "marcus chen", v, &g), 2);
	tu_assert_str(chain(c, &v[0]), "You > Marcus Chen");
	tu_assert_str(chain(c, &v[1]), "You > Priya Nair > Marcus Chen");
	assert_true(v[1].weakest > v[0].weakest);
	assert_int_equal(v[1].links[1].ev.kind, EV_INTRODUCED);
	assert_int_equal(v[0].links[0].ev.kind, EV_MET);
	intro_graph_free(g);
}

/* A person you never met (strength 0) is no link: the path goes round
 * them, and they are no first step. */
static void
strength_zero_is_no_link(void **state)
{
	tu_ctx *c = *state;
	intro_path v[8];
	intro_graph *g;

	tu_fm(c, "people/Z.md", "name: Z\n");
	tu_fm(c, "people/Near.md", "name: Near\n");
	tu_fm(c, "people/Target.md", "name: Target\nintroduced_by: Z\n");
	tu_fm(c, "people/Other.md", "name: Other\nintroduced_by: Near\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-20\nwith: Near\n");
	tu_load(c, "2026-11-22");
	/* Target's only link is Z, whom you never met */
	assert_int_equal(paths_to(c, "Target", v, &g), 0);
	intro_graph_free(g);
	assert_int_equal(paths_to(c, "Other", v, &g), 1);
	tu_assert_str(chain(c, &v[0]), "You > Near > Other");
	intro_graph_free(g);
}

/* A cycle of introductions ends, and a path never runs past someone
 * linked to the target. */
static void
cycles_end(void **state)
{
	tu_ctx *c = *state;
	intro_path v[8];
	intro_graph *g;

	tu_fm(c, "people/A.md", "name: A\nintroduced_by: C\n");
	tu_fm(c, "people/B.md", "name: B\nintroduced_by: A\n");
	tu_fm(c, "people/C.md", "name: C\nintroduced_by: B\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-20\nwith: A\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(paths_to(c, "C", v, &g), 1);
	tu_assert_str(chain(c, &v[0]), "You > A > C");
	assert_int_equal(v[0].weakest, 39);
	intro_graph_free(g);
	assert_int_equal(paths_to(c, "B", v, &g), 1);
	tu_assert_str(chain(c, &v[0]), "You > A > B");
	intro_graph_free(g);
}

/* Two parts that do not touch: no path, and kith intro says so and names
 * the people closest to you. */
static void
disconnected(void **state)
{
	tu_ctx *c = *state;
	intro_path v[8];
	intro_graph *g;
	kith_query q;
	char *out;
	size_t len;

	tu_fm(c, "people/Friend.md", "name: Friend\n");
	tu_fm(c, "people/Far.md", "name: Far\n");
	tu_fm(c, "people/Farther.md", "name: Farther\nintroduced_by: Far\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-20\nwith: Friend\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(paths_to(c, "Farther", v, &g), 0);
	intro_graph_free(g);
	memset(&q, 0, sizeof(q));
	q.today = c->today;
	tu_assert_str(answer(c, kith_intro(c->j, "farther", &q, &out, &len),
	    &out), "No warm path to Farther within 4 links.\n"
	    "Farther is linked to people you have not met: Far\n"
	    "The people closest to you: Friend (39): ask them whom they "
	    "know.\n");
	assert_int_equal(kith_intro(c->j, "Nobody", &q, &out, &len),
	    KITH_EJOURNAL);
	assert_null(out);
}

/* A company with no people: no path; kith show says there is no one. */
static void
company_without_people(void **state)
{
	tu_ctx *c = *state;
	intro_path v[8];
	intro_graph *g;
	kith_query q;
	char *out;
	size_t len;
	const char *s;

	tu_fm(c, "companies/Empty Co.md", "name: Empty Co\ntarget: yes\n");
	tu_fm(c, "people/Friend.md", "name: Friend\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-20\nwith: Friend\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(paths_to(c, "Empty Co", v, &g), 0);
	intro_graph_free(g);
	memset(&q, 0, sizeof(q));
	q.today = c->today;
	s = answer(c, kith_show(c->j, "empty co", &q, &out, &len), &out);
	assert_non_null(strstr(s, "No one there yet.\n"));
	assert_non_null(strstr(s, "No warm path in yet.\n"));
	s = answer(c, kith_intro(c->j, "Empty Co", &q, &out, &len), &out);
	assert_non_null(strstr(s, "ask them whom they know at Empty Co.\n"));
	s = answer(c, kith_stats(c->j, &q, &out, &len), &out);
	assert_non_null(strstr(s, "  without one (1): Empty Co: "));
}

/* Equal paths come in the order of their names, every time. */
static void
ties_are_deterministic(void **state)
{
	tu_ctx *c = *state;
	intro_path v[8];
	intro_graph *g;
	int round;

	tu_fm(c, "people/Zed.md", "name: Zed\n");
	tu_fm(c, "people/Amy.md", "name: Amy\n");
	tu_fm(c, "people/Mia.md", "name: Mia\n");
	tu_fm(c, "people/T.md", "name: T\ncompany: Acme\n");
	tu_fm(c, "people/Zed2.md", "name: Zed2\ncompany: Acme\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-20\nwith: [Zed, T]\n");
	tu_fm(c, "meetings/2.md", "date: 2026-11-20\nwith: [Mia, T]\n");
	tu_fm(c, "meetings/3.md", "date: 2026-11-20\nwith: [Amy, T]\n");
	tu_load(c, "2026-11-22");
	for (round = 0; round < 2; round++) {
		/* T is a direct contact too (three meetings): first */
		assert_int_equal(paths_to(c, "Acme", v, &g), 2);
		tu_assert_str(chain(c, &v[0]), "You > T");
		tu_assert_str(chain(c, &v[1]), "You > T > Zed2");
		intro_graph_free(g);
		assert_int_equal(paths_to(c, "T", v, &g), 4);
		tu_assert_str(chain(c, &v[0]), "You > T");
		tu_assert_str(chain(c, &v[1]), "You > Amy > T");
		tu_assert_str(chain(c, &v[2]), "You > Mia > T");
		tu_assert_str(chain(c, &v[3]), "You > Zed > T");
		intro_graph_free(g);
	}
}

/* The weakest link decides before the length: a longer path of strong
 * links beats a short one through someone you hardly know. */
static void
weakest_link_then_length(void **state)
{
	tu_ctx *c = *state;
	intro_path v[8];
	intro_graph *g;

	tu_fm(c, "people/Strong.md", "name: Strong\n");
	tu_fm(c, "people/Mid.md", "name: Mid\nintroduced_by: Strong\n");
	tu_fm(c, "people/T.md", "name: T\nintroduced_by: Mid\n");
	tu_write(c, "people/Weak.md", "---\nname: Weak\n---\nKnows [[T]].\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-20\nwith: Strong\n");
	tu_fm(c, "meetings/2.md", "date: 2026-11-21\nwith: Strong\n");
	tu_fm(c, "meetings/3.md", "date: 2025-01-01\nwith: Weak\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(paths_to(c, "T", v, &g), 2);
	/* Strong 63, the introductions 39 each */
	tu_assert_str(chain(c, &v[0]), "You > Strong > Mid > T");
	assert_int_equal(v[0].weakest, 39);
	/* one meeting almost two years ago: 3 */
	tu_assert_str(chain(c, &v[1]), "You > Weak > T");
	assert_int_equal(v[1].weakest, 3);
	assert_int_equal(v[1].links[1].ev.kind, EV_MENTION);
	intro_graph_free(g);
}

/* ---- the answers ---- */

static void
people_filters_and_sorts(void **state)
{
	tu_ctx *c = *state;
	kith_query q;
	char *out;
	size_t len;

	tu_write(c, "kith.yaml", "owner: Me\ncadence: 30d\n");
	tu_fm(c, "people/Me.md", "name: Me\n");
	tu_fm(c, "people/Ann.md", "name: Ann\ntags: [recruiter]\n"
	    "company: Acme\nlast_contact: 2026-09-01\n");
	tu_fm(c, "people/Bob.md", "name: Bob \"B\", Jr\ncompany: Acme\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-20\nwith: Bob \"B\", Jr\n");
	tu_load(c, "2026-11-22");
	memset(&q, 0, sizeof(q));
	q.today = c->today;
	q.sort = KITH_SORT_STRENGTH;
	q.format = KITH_OUT_CSV;
	tu_assert_str(answer(c, kith_people(c->j, &q, &out, &len), &out),
	    "\xef\xbb\xbfname,company,title,email,phone,tags,last,check_in,"
	    "strength,fading,file\r\n"
	    "\"Bob \"\"B\"\", Jr\",Acme,,,,,2026-11-20,2026-12-20,39,no,"
	    "people/Bob.md\r\n"
	    "Ann,Acme,,,,recruiter,2026-09-01,2026-10-01,17,yes,"
	    "people/Ann.md\r\n");
	q.format = KITH_OUT_TEXT;
	q.fading = 1;
	q.tag = "RECRUITER";
	tu_assert_str(answer(c, kith_people(c->j, &q, &out, &len), &out),
	    "NAME  COMPANY  LAST        CHECK-IN    STRENGTH\n"
	    "Ann   Acme     2026-09-01  2026-10-01        17  fading\n"
	    "1 person\n");
	q.company = "nowhere";
	assert_int_equal(kith_people(c->j, &q, &out, &len), KITH_EJOURNAL);
}

/* kith graph leaves out what is private, and every edge it keeps has
 * both its nodes. */
static void
graph_leaves_out_private(void **state)
{
	tu_ctx *c = *state;
	kith_query q;
	char *out;
	size_t len;
	const char *s;

	tu_fm(c, "people/Ann.md", "name: Ann\ncompany: Acme\n");
	tu_fm(c, "people/Kim Secret.md", "private: true\ncompany: Hush Co\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-20\nwith: Kim Secret\n"
	    "company: Hush Co\n");
	tu_fm(c, "meetings/2.md", "date: 2026-11-21\nwith: [Ann, Kim Secret]\n");
	tu_load(c, "2026-11-22");
	memset(&q, 0, sizeof(q));
	q.today = c->today;
	q.format = KITH_OUT_JSON;
	s = answer(c, kith_graph(c->j, &q, &out, &len), &out);
	assert_null(strstr(s, "Kim Secret"));
	assert_null(strstr(s, "Hush Co"));	/* only the private use it */
	assert_null(strstr(s, "meetings/1.md"));	/* no one else there */
	assert_non_null(strstr(s, "meetings/2.md"));
	assert_non_null(strstr(s, "\"name\": \"Acme\", \"file\": null, "
	    "\"unresolved\": true"));
	q.format = KITH_OUT_DOT;
	s = answer(c, kith_graph(c->j, &q, &out, &len), &out);
	assert_null(strstr(s, "Kim Secret"));
	assert_non_null(strstr(s, "label=\"Ann\", shape=ellipse"));
}

/* kith stats counts by month, and the close ties past their cadence. */
static void
stats_figures(void **state)
{
	tu_ctx *c = *state;
	kith_query q;
	char *out;
	size_t len;
	const char *s;

	tu_write(c, "kith.yaml", "cadence: 30d\n");
	tu_fm(c, "people/Ann.md", "name: Ann\nmet: 2026-11-01\n");
	tu_fm(c, "people/Bob.md", "name: Bob\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-02\nwith: Ann\n"
	    "gave: [a link]\nasked: [a, b]\n");
	tu_fm(c, "meetings/2.md", "date: 2026-09-10\nwith: Bob\n");
	tu_fm(c, "meetings/3.md", "date: 2025-09-10\nwith: Bob\n"
	    "asked: [c]\n");
	tu_load(c, "2026-11-22");
	memset(&q, 0, sizeof(q));
	q.today = c->today;
	q.format = KITH_OUT_JSON;
	s = answer(c, kith_stats(c->j, &q, &out, &len), &out);
	/* the last 12 months: 2025-12 to 2026-11 */
	assert_non_null(strstr(s, "{\"month\": \"2025-12\", \"meetings\": 0, "
	    "\"first_met\": 0}"));
	assert_non_null(strstr(s, "{\"month\": \"2026-09\", \"meetings\": 1, "
	    "\"first_met\": 0}"));
	assert_non_null(strstr(s, "{\"month\": \"2026-11\", \"meetings\": 1, "
	    "\"first_met\": 1}"));
	assert_non_null(strstr(s, "\"gave\": 1,\n  \"asked\": 3,\n"
	    "  \"gave_12_months\": 1,\n  \"asked_12_months\": 2,\n"));
	/* Bob: last seen 2026-09-10, every 30 days: past it; Ann is not */
	assert_non_null(strstr(s, "\"close_ties\": 2,\n"
	    "  \"close_ties_past_cadence\": 1,\n"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(strength_parts_add_up),
		TU_TEST(links_are_symmetric),
		TU_TEST(direct_contact_first),
		TU_TEST(strength_zero_is_no_link),
		TU_TEST(cycles_end),
		TU_TEST(disconnected),
		TU_TEST(company_without_people),
		TU_TEST(ties_are_deterministic),
		TU_TEST(weakest_link_then_length),
		TU_TEST(people_filters_and_sorts),
		TU_TEST(graph_leaves_out_private),
		TU_TEST(stats_figures),
	};

	return cmocka_run_group_tests_name("query", tests, NULL, NULL);
}
