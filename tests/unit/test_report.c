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
    "Follow-ups for 2026-11-22 (next 7 days)\n"
    "\n"
    "Overdue\n"
    "  2026-10-23  task         edge\n"
    "                           t.md:5\n"
    "  2026-11-20  thank-you    Send Jane Doe a thank-you note for the "
    "coffee on 2026-11-19\n"
    "                           meetings/2026-11-19 coffee jane.md:2\n"
    "  1 older next-step item due before 2026-10-23 (kith due --all lists "
    "them)\n"
    "  2 older task items due before 2026-10-23 (kith due --all lists "
    "them)\n"
    "\n"
    "Today\n"
    "  2026-11-22  task         say \"hi\" \\ now\n"
    "                           t.md:1\n"
    "\n"
    "Upcoming\n"
    "  2026-11-25  date         Jane Doe's birthday\n"
    "                           people/Jane Doe.md:3\n"
    "\n"
    "Undated\n"
    "              task         fix a_b #3 | <x> ! caf\xc3\xa9\n"
    "                           t.md:2\n";

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
	    "Follow-ups for 2026-11-22 (next 7 days)\n"
	    "\n"
	    "Overdue\n"
	    "  2026-01-01  task         stale two\n"
	    "                           t.md:4\n"
	    "  2026-10-01  next-step    Land the next meeting with Bob after "
	    "the interview on 2026-09-01\n"
	    "                           meetings/2026-09-01 bob.md:5\n"
	    "  2026-10-22  task         stale one\n"
	    "                           t.md:3\n"
	    "  2026-10-23  task         edge\n"
	    "                           t.md:5\n"
	    "  2026-11-20  thank-you    Send Jane Doe a thank-you note for the "
	    "coffee on 2026-11-19\n"
	    "                           meetings/2026-11-19 coffee jane.md:2\n"
	    "\n"
	    "Today\n"
	    "  2026-11-22  task         say \"hi\" \\ now\n"
	    "                           t.md:1\n"
	    "\n"
	    "Upcoming\n"
	    "  2026-11-25  date         Jane Doe's birthday\n"
	    "                           people/Jane Doe.md:3\n"
	    "\n"
	    "Undated\n"
	    "              task         fix a_b #3 | <x> ! caf\xc3\xa9\n"
	    "                           t.md:2\n");
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
	    "\033[1mFollow-ups for 2026-11-22\033[0m (next 7 days)\n"
	    "\n"
	    "\033[1mOverdue\033[0m\n"
	    "  \033[31m2026-11-21\033[0m  \033[36mtask       \033[0m  late\n"
	    "                           \033[2mt.md:1\033[0m\n"
	    "  \033[2m1 older task item due before 2026-10-23 (kith due --all "
	    "lists them)\033[0m\n"
	    "\n"
	    "\033[1mToday\033[0m\n"
	    "  \033[33m2026-11-22\033[0m  \033[36mtask       \033[0m  now\n"
	    "                           \033[2mt.md:2\033[0m\n"
	    "\n"
	    "\033[1mUpcoming\033[0m\n"
	    "  \033[32m2026-11-23\033[0m  \033[36mtask       \033[0m  soon\n"
	    "                           \033[2mt.md:3\033[0m\n"
	    "\n"
	    "\033[1mUndated\033[0m\n"
	    "            \033[0m  \033[36mtask       \033[0m  some day\n"
	    "                           \033[2mt.md:4\033[0m\n");
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
	    "# Follow-ups for 2026-11-22\n"
	    "\n"
	    "## Overdue\n"
	    "\n"
	    "- [ ] **2026-10-23** task: edge (`t.md:5`)\n"
	    "- [ ] **2026-11-20** thank-you: Send Jane Doe a thank-you note "
	    "for the coffee on 2026-11-19 (`meetings/2026-11-19 coffee "
	    "jane.md:2`)\n"
	    "- 1 older next-step item due before 2026-10-23 (`kith due --all` "
	    "lists them)\n"
	    "- 2 older task items due before 2026-10-23 (`kith due --all` "
	    "lists them)\n"
	    "\n"
	    "## Today\n"
	    "\n"
	    "- [ ] **2026-11-22** task: say \"hi\" \\\\ now (`t.md:1`)\n"
	    "\n"
	    "## Upcoming\n"
	    "\n"
	    "- [ ] **2026-11-25** date: Jane Doe's birthday "
	    "(`people/Jane Doe.md:3`)\n"
	    "\n"
	    "## Undated\n"
	    "\n"
	    "- [ ] task: fix a\\_b \\#3 \\| \\<x\\> \\! caf\xc3\xa9 (`t.md:2`)\n");
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
	assert_null(strstr(md, "older"));
	assert_non_null(strstr(md,
	    "## Overdue\n"
	    "\n"
	    "- [ ] **2026-01-01** task: stale two (`t.md:4`)\n"
	    "- [ ] **2026-10-01** next-step: Land the next meeting with Bob "
	    "after the interview on 2026-09-01 (`meetings/2026-09-01 "
	    "bob.md:5`)\n"
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
	    "      \"line\": 4\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-10-01\",\n"
	    "      \"status\": \"overdue\",\n"
	    "      \"kind\": \"next-step\",\n"
	    "      \"people\": [\"Bob\"],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"Land the next meeting with Bob after the "
	    "interview on 2026-09-01\",\n"
	    "      \"file\": \"meetings/2026-09-01 bob.md\",\n"
	    "      \"line\": 5\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-10-22\",\n"
	    "      \"status\": \"overdue\",\n"
	    "      \"kind\": \"task\",\n"
	    "      \"people\": [],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"stale one\",\n"
	    "      \"file\": \"t.md\",\n"
	    "      \"line\": 3\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-10-23\",\n"
	    "      \"status\": \"overdue\",\n"
	    "      \"kind\": \"task\",\n"
	    "      \"people\": [],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"edge\",\n"
	    "      \"file\": \"t.md\",\n"
	    "      \"line\": 5\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-11-20\",\n"
	    "      \"status\": \"overdue\",\n"
	    "      \"kind\": \"thank-you\",\n"
	    "      \"people\": [\"Jane Doe\"],\n"
	    "      \"company\": \"Acme\",\n"
	    "      \"text\": \"Send Jane Doe a thank-you note for the coffee on "
	    "2026-11-19\",\n"
	    "      \"file\": \"meetings/2026-11-19 coffee jane.md\",\n"
	    "      \"line\": 2\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-11-22\",\n"
	    "      \"status\": \"today\",\n"
	    "      \"kind\": \"task\",\n"
	    "      \"people\": [],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"say \\\"hi\\\" \\\\ now\",\n"
	    "      \"file\": \"t.md\",\n"
	    "      \"line\": 1\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": \"2026-11-25\",\n"
	    "      \"status\": \"upcoming\",\n"
	    "      \"kind\": \"date\",\n"
	    "      \"people\": [\"Jane Doe\"],\n"
	    "      \"company\": \"Acme\",\n"
	    "      \"text\": \"Jane Doe's birthday\",\n"
	    "      \"file\": \"people/Jane Doe.md\",\n"
	    "      \"line\": 3\n"
	    "    },\n"
	    "    {\n"
	    "      \"due\": null,\n"
	    "      \"status\": \"undated\",\n"
	    "      \"kind\": \"task\",\n"
	    "      \"people\": [],\n"
	    "      \"company\": null,\n"
	    "      \"text\": \"fix a_b #3 | <x> ! caf\xc3\xa9\",\n"
	    "      \"file\": \"t.md\",\n"
	    "      \"line\": 2\n"
	    "    }\n"
	    "  ],\n"
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
	    "      \"people\": [\"Ann \\\"Q\\\" Lee\", \"bob\", \"Zoe\", "
	    "\"\xc3\x89mile\"],\n"));
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
	    "Follow-ups for 2026-11-22 (next 7 days)\n"
	    "\n"
	    "Overdue\n"
	    "  2026-11-12  task         b\n"
	    "                           t.md:2\n"
	    "  1 older task item due before 2026-11-12 (kith due --all lists "
	    "them)\n");
	tu_write(c, "t.md", "- [ ] a \xf0\x9f\x93\x85 2026-11-11\n"
	    "- [ ] b \xf0\x9f\x93\x85 2025-11-12\n");
	tu_load(c, TODAY);
	tu_due(c);
	tu_assert_str(format(c, KITH_FORMAT_MARKDOWN, 0),
	    "# Follow-ups for 2026-11-22\n"
	    "\n"
	    "## Overdue\n"
	    "\n"
	    "- 2 older task items due before 2026-11-12 (`kith due --all` "
	    "lists them)\n");
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
	};

	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
