/*
 * test_report.c: the report in text, Markdown and JSON (report.c;
 * followups.md "Which items a report shows" and "Output formats").
 */
#include "testutil.h"

#define TODAY "2026-11-22"

/* A small journal with an item of each status and stale overdue ones.
 * Bob has no note: one warning. */
static void
journal(tu_ctx *c)
{
	tu_write(c, "companies/Acme.md", "---\nname: Acme\n---\n");
	tu_write(c, "people/Jane Doe.md",
	    "---\ncompany: Acme\nbirthday: --11-25\n---\n");
	tu_write(c, "meetings/2026-11-19 coffee jane.md",
	    "---\ndate: 2026-11-19\nkind: coffee\nwith: \"[[Jane Doe]]\"\n"
	    "company: Acme\n---\n");
	tu_write(c, "meetings/2026-09-01 bob.md",
	    "---\ndate: 2026-09-01\nkind: interview\nwith: Bob\n"
	    "next: 2026-10-01\n---\n");
	tu_write(c, "t.md",
	    "- [ ] say \"hi\" \\ now \xf0\x9f\x93\x85 2026-11-22\n"
	    "- [ ] fix a_b #3 | <x> ! caf\xc3\xa9\n"
	    "- [ ] stale one \xf0\x9f\x93\x85 2026-10-22\n"
	    "- [ ] stale two \xf0\x9f\x93\x85 2026-01-01\n"
	    "- [ ] edge \xf0\x9f\x93\x85 2026-10-23\n");
}

/* kith_due_format(), checked for its length, kept until teardown. */
static const char *
format(tu_ctx *c, kith_format f, int flags)
{
	size_t len = 12345;
	char *out = kith_due_format(c->due, c->j, f, flags, &len);

	assert_non_null(out);
	tu_keep(c, out);
	assert_int_equal(len, strlen(out));
	return out;
}

static const char text_report[] =
    "Follow-ups for 2026-11-22: 1 today, 2 overdue, 1 upcoming, 1 undated\n"
    "\n"
    "Today\n"
    "  2026-11-22  task         say \"hi\" \\ now  t.md:1\n"
    "Overdue\n"
    "  2026-11-20  thank-you    Send Jane Doe a thank-you note for the coffee on 2026-11-19  meetings/2026-11-19 coffee jane.md:2\n"
    "  2026-10-23  task         edge  t.md:5\n"
    "Upcoming, next 7 days\n"
    "  2026-11-25  date         Jane Doe's birthday  people/Jane Doe.md:3\n"
    "Undated\n"
    "              task         fix a_b #3 | <x> ! caf\xc3\xa9  t.md:2\n"
    "Older: 3 items (1 next-step, 2 task) due before 2026-10-23; kith due --all lists them\n";

static void
text(void **state)
{
	tu_ctx *c = *state;

	journal(c);
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_TEXT, 0), text_report);
	/* byte-identical every time */
	tu_assert_str(format(c, KITH_FORMAT_TEXT, 0), text_report);
}

static void
text_all(void **state)
{
	tu_ctx *c = *state;

	journal(c);
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_TEXT, KITH_REPORT_ALL),
	    "Follow-ups for 2026-11-22: 1 today, 5 overdue, 1 upcoming, 1 undated\n"
	    "\n"
	    "Today\n"
	    "  2026-11-22  task         say \"hi\" \\ now  t.md:1\n"
	    "Overdue\n"
	    "  2026-11-20  thank-you    Send Jane Doe a thank-you note for the coffee on 2026-11-19  meetings/2026-11-19 coffee jane.md:2\n"
	    "  2026-10-01  next-step    Land the next meeting with Bob after the interview on 2026-09-01  meetings/2026-09-01 bob.md:5\n"
	    "  2026-01-01  task         stale two  t.md:4\n"
	    "  2026-10-22  task         stale one  t.md:3\n"
	    "  2026-10-23  task         edge  t.md:5\n"
	    "Upcoming, next 7 days\n"
	    "  2026-11-25  date         Jane Doe's birthday  people/Jane Doe.md:3\n"
	    "Undated\n"
	    "              task         fix a_b #3 | <x> ! caf\xc3\xa9  t.md:2\n");
}

static void
text_color(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "t.md", "- [ ] late \xf0\x9f\x93\x85 2026-11-21\n"
	    "- [ ] now \xf0\x9f\x93\x85 2026-11-22\n"
	    "- [ ] soon \xf0\x9f\x93\x85 2026-11-23\n"
	    "- [ ] some day\n"
	    "- [ ] old \xf0\x9f\x93\x85 2026-01-01\n");
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_TEXT, KITH_REPORT_COLOR),
	    "\033[1mFollow-ups for 2026-11-22: 1 today, 1 overdue, 1 upcoming, 1 undated\033[0m\n"
	    "\n"
	    "\033[1mToday\033[0m\n"
	    "  \033[33m2026-11-22\033[0m  \033[36mtask       \033[0m  now  \033[2mt.md:2\033[0m\n"
	    "\033[1mOverdue\033[0m\n"
	    "  \033[31m2026-11-21\033[0m  \033[36mtask       \033[0m  late  \033[2mt.md:1\033[0m\n"
	    "\033[1mUpcoming, next 7 days\033[0m\n"
	    "  \033[32m2026-11-23\033[0m  \033[36mtask       \033[0m  soon  \033[2mt.md:3\033[0m\n"
	    "\033[1mUndated\033[0m\n"
	    "            \033[0m  \033[36mtask       \033[0m  some day  \033[2mt.md:4\033[0m\n"
	    "\033[2mOlder: 1 item (1 task) due before 2026-10-23; kith due --all lists it\033[0m\n");
	/* colour is for text only */
	assert_null(strchr(format(c, KITH_FORMAT_MARKDOWN, KITH_REPORT_COLOR),
	    '\033'));
	assert_null(strchr(format(c, KITH_FORMAT_JSON, KITH_REPORT_COLOR),
	    '\033'));
}

static void
markdown(void **state)
{
	tu_ctx *c = *state;

	journal(c);
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_MARKDOWN, 0),
	    "# Follow-ups for 2026-11-22: 1 today, 2 overdue, 1 upcoming, 1 undated\n"
	    "\n"
	    "## Today\n"
	    "\n"
	    "- [ ] **2026-11-22** task: say \"hi\" \\\\ now (`t.md:1`)\n"
	    "\n"
	    "## Overdue\n"
	    "\n"
	    "- [ ] **2026-11-20** thank-you: Send Jane Doe a thank-you note for the coffee on 2026-11-19 (`meetings/2026-11-19 coffee jane.md:2`)\n"
	    "- [ ] **2026-10-23** task: edge (`t.md:5`)\n"
	    "\n"
	    "## Upcoming, next 7 days\n"
	    "\n"
	    "- [ ] **2026-11-25** date: Jane Doe's birthday (`people/Jane Doe.md:3`)\n"
	    "\n"
	    "## Undated\n"
	    "\n"
	    "- [ ] task: fix a\\_b \\#3 \\| \\<x\\> \\! caf\xc3\xa9 (`t.md:2`)\n"
	    "\n"
	    "Older: 3 items (1 next-step, 2 task) due before 2026-10-23; `kith due --all` lists them\n");
}

static void
markdown_all(void **state)
{
	tu_ctx *c = *state;
	const char *md;

	journal(c);
	tu_load(c, TODAY);
	tu_due(c);
	md = format(c, KITH_FORMAT_MARKDOWN, KITH_REPORT_ALL);
	assert_null(strstr(md, "Older"));
	assert_non_null(strstr(md,
	    "## Overdue\n"
	    "\n"
	    "- [ ] **2026-11-20** thank-you: Send Jane Doe a thank-you note "
	    "for the coffee on 2026-11-19 (`meetings/2026-11-19 coffee "
	    "jane.md:2`)\n"
	    "- [ ] **2026-10-01** next-step: Land the next meeting with Bob "
	    "after the interview on 2026-09-01 (`meetings/2026-09-01 "
	    "bob.md:5`)\n"
	    "- [ ] **2026-01-01** task: stale two (`t.md:4`)\n"
	    "- [ ] **2026-10-22** task: stale one (`t.md:3`)\n"
	    "- [ ] **2026-10-23** task: edge (`t.md:5`)\n"));
}

/* JSON: exactly the schema of followups.md, every item (stale ones too). */
static void
json(void **state)
{
	tu_ctx *c = *state;

	journal(c);
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_JSON, 0),
	    "{\n"
	    "  \"today\": \"2026-11-22\",\n"
	    "  \"horizon\": 7,\n"
	    "  \"items\": [\n"
	    "    {\n"
	    "      \"due\": \"2026-01-01\",\n"
	    "      \"status\": \"overdue\",\n"
	    "      \"kind\": \"task\",\n"
	    "      \"people\": [],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"stale two\",\n"
	    "      \"file\": \"t.md\",\n"
	    "      \"line\": 4,\n"
	    "      \"id\": \"04090095d4d3baf3\",\n"
	    "      \"stale\": true\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-10-01\",\n"
	    "      \"status\": \"overdue\",\n"
	    "      \"kind\": \"next-step\",\n"
	    "      \"people\": [\"Bob\"],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"Land the next meeting with Bob after the interview on 2026-09-01\",\n"
	    "      \"file\": \"meetings/2026-09-01 bob.md\",\n"
	    "      \"line\": 5,\n"
	    "      \"id\": \"c368245f5259279e\",\n"
	    "      \"stale\": true\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-10-22\",\n"
	    "      \"status\": \"overdue\",\n"
	    "      \"kind\": \"task\",\n"
	    "      \"people\": [],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"stale one\",\n"
	    "      \"file\": \"t.md\",\n"
	    "      \"line\": 3,\n"
	    "      \"id\": \"d5af0a3aef883e6d\",\n"
	    "      \"stale\": true\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-10-23\",\n"
	    "      \"status\": \"overdue\",\n"
	    "      \"kind\": \"task\",\n"
	    "      \"people\": [],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"edge\",\n"
	    "      \"file\": \"t.md\",\n"
	    "      \"line\": 5,\n"
	    "      \"id\": \"49865cb4b61c0fd9\",\n"
	    "      \"stale\": false\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-11-20\",\n"
	    "      \"status\": \"overdue\",\n"
	    "      \"kind\": \"thank-you\",\n"
	    "      \"people\": [\"Jane Doe\"],\n"
	    "      \"company\": \"Acme\",\n"
	    "      \"text\": \"Send Jane Doe a thank-you note for the coffee on 2026-11-19\",\n"
	    "      \"file\": \"meetings/2026-11-19 coffee jane.md\",\n"
	    "      \"line\": 2,\n"
	    "      \"id\": \"5e5b5af60384bfc4\",\n"
	    "      \"stale\": false\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-11-22\",\n"
	    "      \"status\": \"today\",\n"
	    "      \"kind\": \"task\",\n"
	    "      \"people\": [],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"say \\\"hi\\\" \\\\ now\",\n"
	    "      \"file\": \"t.md\",\n"
	    "      \"line\": 1,\n"
	    "      \"id\": \"8069450114a0db33\",\n"
	    "      \"stale\": false\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-11-25\",\n"
	    "      \"status\": \"upcoming\",\n"
	    "      \"kind\": \"date\",\n"
	    "      \"people\": [\"Jane Doe\"],\n"
	    "      \"company\": \"Acme\",\n"
	    "      \"text\": \"Jane Doe's birthday\",\n"
	    "      \"file\": \"people/Jane Doe.md\",\n"
	    "      \"line\": 3,\n"
	    "      \"id\": \"36aa397018bda3e2\",\n"
	    "      \"stale\": false\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": null,\n"
	    "      \"status\": \"undated\",\n"
	    "      \"kind\": \"task\",\n"
	    "      \"people\": [],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"fix a_b #3 | <x> ! caf\xc3\xa9\",\n"
	    "      \"file\": \"t.md\",\n"
	    "      \"line\": 2,\n"
	    "      \"id\": \"bf3bc4f480ffee79\",\n"
	    "      \"stale\": false\n"
	    "    }\n"
	    "  ],\n"
	    "  \"stale_after\": 30,\n"
	    "  \"errors\": 0,\n"
	    "  \"warnings\": 1\n"
	    "}\n");
	/* ALL changes nothing in JSON */
	tu_assert_str(format(c, KITH_FORMAT_JSON, KITH_REPORT_ALL),
	    format(c, KITH_FORMAT_JSON, 0));
}

static void
json_people_and_escapes(void **state)
{
	tu_ctx *c = *state;
	const char *out;

	tu_write(c, "meetings/m.md",
	    "---\ndate: 2026-11-21\nwith: [Zoe, \"Ann \\\"Q\\\" Lee\", "
	    "\xc3\x89mile, bob]\n---\n"
	    "- [ ] tab\tand ctl \x01 end\n");
	tu_load(c, TODAY);
	tu_due(c);
	out = format(c, KITH_FORMAT_JSON, 0);
	assert_non_null(strstr(out,
	    "      \"people\": [\"Ann \\\"Q\\\" Lee\", \"bob\", "
	    "\"\xc3\x89mile\", \"Zoe\"],\n"));
	assert_non_null(strstr(out,
	    "      \"text\": \"tab and ctl \\u0001 end\",\n"));
	assert_non_null(strstr(out, "  \"errors\": 0,\n  \"warnings\": 4\n}\n"));
}

static void
json_counts_errors(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "bad.md", "---\na: [\n---\n");
	tu_write(c, "people/P.md", "---\ncadence: sometimes\n---\n");
	tu_write(c, "m.md", "[[Nobody]]\n");
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_JSON, 0),
	    "{\n"
	    "  \"today\": \"2026-11-22\",\n"
	    "  \"horizon\": 7,\n"
	    "  \"items\": [],\n"
	    "  \"stale_after\": 30,\n"
	    "  \"errors\": 2,\n"
	    "  \"warnings\": 1\n"
	    "}\n");
}

static void
empty_report(void **state)
{
	tu_ctx *c = *state;
	size_t len = 99;
	char *out;

	tu_write(c, "note.md", "nothing to do\n");
	tu_load(c, TODAY);
	tu_due_query(c, 3, 0, NULL);
	assert_int_equal(kith_due_count(c->due), 0);
	out = tu_keep(c, kith_due_format(c->due, c->j, KITH_FORMAT_TEXT,
	    KITH_REPORT_COLOR, &len));
	assert_int_equal(len, 0);
	assert_string_equal(out, "");
	len = 99;
	out = tu_keep(c, kith_due_format(c->due, c->j, KITH_FORMAT_MARKDOWN, 0,
	    &len));
	assert_int_equal(len, 0);
	assert_string_equal(out, "");
	tu_assert_str(format(c, KITH_FORMAT_JSON, 0),
	    "{\n"
	    "  \"today\": \"2026-11-22\",\n"
	    "  \"horizon\": 3,\n"
	    "  \"items\": [],\n"
	    "  \"stale_after\": 30,\n"
	    "  \"errors\": 0,\n"
	    "  \"warnings\": 0\n"
	    "}\n");
}

/* stale_after: 10: due 10 days before today is listed, 11 is counted; a
 * group of only stale items shows its count lines alone. */
static void
stale_boundary(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "stale_after: 10\n");
	tu_write(c, "t.md", "- [ ] a \xf0\x9f\x93\x85 2026-11-11\n"
	    "- [ ] b \xf0\x9f\x93\x85 2026-11-12\n");
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_TEXT, 0),
	    "Follow-ups for 2026-11-22: 1 overdue\n"
	    "\n"
	    "Overdue\n"
	    "  2026-11-12  task         b  t.md:2\n"
	    "Older: 1 item (1 task) due before 2026-11-12; kith due --all lists it\n");
	tu_write(c, "t.md", "- [ ] a \xf0\x9f\x93\x85 2026-11-11\n"
	    "- [ ] b \xf0\x9f\x93\x85 2025-11-12\n");
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_MARKDOWN, 0),
	    "# Follow-ups for 2026-11-22\n"
	    "\n"
	    "Older: 2 items (2 task) due before 2026-11-12; `kith due --all` lists them\n");
}

/* check_in_limit: the strongest relationships first; equal strength by
 * due date, then by name; --kind check-in, --person and --all list all. */
static void
check_in_limit(void **state)
{
	tu_ctx *c = *state;
	static const char *const name[] = { "P3", "P4", "P5", "P6", "P7" };
	char path[64], yaml[64];
	size_t i;

	tu_fm(c, "people/P1.md", "cadence: 30d\n");
	tu_fm(c, "people/P2.md", "cadence: 30d\n");
	tu_fm(c, "meetings/m1a.md", "date: 2026-10-01\nwith: P1\n");
	tu_fm(c, "meetings/m1b.md", "date: 2026-10-10\nwith: [P1, P2]\n");
	tu_fm(c, "meetings/m1c.md", "date: 2026-10-15\nwith: [P1, P2]\n");
	for (i = 0; i < 5; i++) {
		snprintf(path, sizeof(path), "people/%s.md", name[i]);
		tu_fm(c, path, "cadence: 30d\n");
		snprintf(path, sizeof(path), "meetings/m %s.md", name[i]);
		snprintf(yaml, sizeof(yaml), "date: 2026-10-15\nwith: %s\n",
		    name[i]);
		tu_fm(c, path, yaml);
	}
	/* as strong as P3-P7, due a day later */
	tu_fm(c, "people/P0.md", "cadence: 31d\n");
	tu_fm(c, "meetings/m P0.md", "date: 2026-10-15\nwith: P0\n");
	tu_load(c, TODAY);
	tu_due(c);
	assert_int_equal(kith_due_count(c->due), 8);
	tu_assert_str(format(c, KITH_FORMAT_TEXT, 0),
	    "Follow-ups for 2026-11-22: 5 overdue\n"
	    "\n"
	    "Overdue\n"
	    "  2026-11-14  check-in     Check in with P1: last contact "
	    "2026-10-15, every 30 days  people/P1.md:2\n"
	    "  2026-11-14  check-in     Check in with P2: last contact "
	    "2026-10-15, every 30 days  people/P2.md:2\n"
	    "  2026-11-14  check-in     Check in with P3: last contact "
	    "2026-10-15, every 30 days  people/P3.md:2\n"
	    "  2026-11-14  check-in     Check in with P4: last contact "
	    "2026-10-15, every 30 days  people/P4.md:2\n"
	    "  2026-11-14  check-in     Check in with P5: last contact "
	    "2026-10-15, every 30 days  people/P5.md:2\n"
	    "and 3 more check-ins (kith due --kind check-in lists them)\n");
	assert_non_null(strstr(format(c, KITH_FORMAT_MARKDOWN, 0),
	    "\nand 3 more check-ins (`kith due --kind check-in` lists them)\n"));
	assert_non_null(strstr(format(c, KITH_FORMAT_TEXT, KITH_REPORT_ALL),
	    ": 8 overdue\n"));
	assert_null(strstr(format(c, KITH_FORMAT_TEXT, KITH_REPORT_ALL),
	    "more check-in"));
	tu_due_query(c, -1, 1u << KITH_KIND_CHECK_IN, NULL);
	assert_non_null(strstr(format(c, KITH_FORMAT_TEXT, 0), ": 8 overdue\n"));
	assert_non_null(strstr(format(c, KITH_FORMAT_TEXT, 0),
	    "Check in with P0: last contact 2026-10-15, every 31 days"));
	tu_due_query(c, -1, 0, "P7");
	assert_non_null(strstr(format(c, KITH_FORMAT_TEXT, 0),
	    ": 1 overdue\n"));
	assert_null(strstr(format(c, KITH_FORMAT_TEXT, 0), "more check-in"));
	/* JSON holds every item whatever the limit */
	tu_due(c);
	assert_non_null(strstr(format(c, KITH_FORMAT_JSON, 0), "\"P7\""));
	tu_write(c, "kith.yaml", "check_in_limit: 0\n");
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_TEXT, 0),
	    "Follow-ups for 2026-11-22\n"
	    "\n"
	    "and 8 more check-ins (kith due --kind check-in lists them)\n");
}

/* The groups in the order Today, Overdue, Upcoming, Undated; within one,
 * by kind (meeting, thank-you, next-step, task, date, reciprocity,
 * target, check-in), then due date. */
static void
group_and_kind_order(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/Ann.md", "cadence: 7d\nbirthday: 1990-11-22\n");
	tu_fm(c, "meetings/m coffee.md", "date: 2026-11-14\nwith: Ann\n"
	    "kind: coffee\nthanked: yes\n");
	tu_fm(c, "meetings/m call.md", "date: 2026-11-20\nwith: Bo\n"
	    "kind: call\n");
	tu_fm(c, "meetings/m today.md", "date: 2026-11-22 18:00\nwith: Cy\n");
	tu_write(c, "t.md", "- [ ] early \xf0\x9f\x93\x85 2026-11-19\n"
	    "- [ ] later \xf0\x9f\x93\x85 2026-11-20\n"
	    "- [ ] now \xf0\x9f\x93\x85 2026-11-22\n");
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_TEXT, 0),
	    "Follow-ups for 2026-11-22: 3 today, 4 overdue\n"
	    "\n"
	    "Today\n"
	    "  2026-11-22  meeting      Meeting with Cy at 18:00  "
	    "meetings/m today.md:2\n"
	    "  2026-11-22  task         now  t.md:3\n"
	    "  2026-11-22  date         Ann's birthday (turns 36)  "
	    "people/Ann.md:3\n"
	    "Overdue\n"
	    "  2026-11-21  thank-you    Send Bo a thank-you note for the call "
	    "on 2026-11-20  meetings/m call.md:2\n"
	    "  2026-11-19  task         early  t.md:1\n"
	    "  2026-11-20  task         later  t.md:2\n"
	    "  2026-11-21  check-in     Check in with Ann: last contact "
	    "2026-11-14, every 7 days  people/Ann.md:2\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(text),
		TU_TEST(text_all),
		TU_TEST(text_color),
		TU_TEST(markdown),
		TU_TEST(markdown_all),
		TU_TEST(json),
		TU_TEST(json_people_and_escapes),
		TU_TEST(json_counts_errors),
		TU_TEST(empty_report),
		TU_TEST(stale_boundary),
		TU_TEST(check_in_limit),
		TU_TEST(group_and_kind_order),
	};

	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
