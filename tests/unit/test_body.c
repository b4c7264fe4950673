/*
 * test_body.c: scanning a note's body (body.c; journal.md "Body"): wiki
 * links become mentions, task list items become tasks with due and done
 * dates and their links, and the first heading is kept.
 */
#include "testutil.h"
#include "core/limits.h"
#include "core/mdpiece.h"

/* Writes notes/n.md: three lines of front matter, then the body (which so
 * starts on line 4), loads the journal and returns the note. */
static note *
body_note(tu_ctx *c, const char *body)
{
	char *text = tu_malloc(strlen(body) + 32);

	sprintf(text, "---\ntitle: T\n---\n%s", body);
	tu_write(c, "notes/n.md", text);
	free(text);
	tu_load(c, "2026-11-22");
	return tu_note(c, "notes/n.md");
}

static void
assert_mention(const note *n, size_t i, const char *name, int line, int col)
{
	assert_true(i < n->nmentions);
	assert_string_equal(n->mentions[i].ref.name, name);
	assert_int_equal(n->mentions[i].ref.at.line, line);
	assert_int_equal(n->mentions[i].ref.at.col, col);
}

static void
assert_task(const note *n, size_t i, const char *text, int done,
    const char *due, const char *done_on, int line, int col)
{
	const task *t;

	assert_true(i < n->ntasks);
	t = &n->tasks[i];
	assert_string_equal(t->text, text);
	assert_int_equal(t->done, done);
	assert_int_equal(t->due, due ? tu_date(due) : KITH_NO_DATE);
	assert_int_equal(t->done_on, done_on ? tu_date(done_on) : KITH_NO_DATE);
	assert_int_equal(t->at.line, line);
	assert_int_equal(t->at.col, col);
}

/* Columns count characters, not bytes, however long the line before. */
static void
columns_count_characters(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_write(c, "people/Bob.md", "");
	n = body_note(c, "Ça été très réussi: José Müller, Zürich, 東京 and Ελένη [[Bob]] ok\n");
	assert_int_equal(n->nmentions, 1);
	assert_mention(n, 0, "Bob", 4, 55);
}

static void
wiki_links_are_mentions(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_write(c, "people/Jane Doe.md", "");
	tu_write(c, "people/Bob.md", "");
	tu_write(c, "companies/Acme.md", "");
	n = body_note(c,
	    "Met [[Jane Doe]] today.\n"				/* 4 */
	    "\n"						/* 5 */
	    "See [[people/Bob|Bob]] and [[Acme#Jobs]].\n"	/* 6 */
	    "`[[In Code]]` is code\n"				/* 7 */
	    "\n"						/* 8 */
	    "    [[Indented Code]]\n"				/* 9 */
	    "\n"						/* 10 */
	    "```\n"						/* 11 */
	    "[[Fenced Code]]\n"					/* 12 */
	    "```\n"						/* 13 */
	    "> quoted [[Bob]]\n"				/* 14 */
	    "\n"						/* 15 */
	    "| a | [[Acme]] |\n"				/* 16 */
	    "|---|---|\n"					/* 17 */
	    "| [[Jane Doe]] | b |\n"				/* 18 */
	    "\n"						/* 19 */
	    "- item \xc3\xa9 [[jane doe]]\n");			/* 20 */
	assert_int_equal(n->nmentions, 7);
	assert_mention(n, 0, "Jane Doe", 4, 5);
	assert_mention(n, 1, "people/Bob", 6, 5);
	assert_mention(n, 2, "Acme", 6, 28);
	assert_mention(n, 3, "Bob", 14, 10);
	assert_mention(n, 4, "Acme", 16, 7);
	assert_mention(n, 5, "Jane Doe", 18, 3);
	assert_mention(n, 6, "jane doe", 20, 10);
	assert_ptr_equal(n->mentions[0].ref.to, tu_note(c, "people/Jane Doe.md"));
	assert_ptr_equal(n->mentions[1].ref.to, tu_note(c, "people/Bob.md"));
	assert_ptr_equal(n->mentions[2].ref.to, tu_note(c, "companies/Acme.md"));
	assert_ptr_equal(n->mentions[6].ref.to, tu_note(c, "people/Jane Doe.md"));
	assert_int_equal(n->ntasks, 0);
	tu_assert_str(tu_diags(c), "");
}

static void
mention_count_exact(void **state)
{
	tu_ctx *c = *state;
	note *n;

	n = body_note(c, "[[A]] [[B]]\n[[A]]\n\n[[]] [[ ]]\n");
	assert_int_equal(n->nmentions, 3);
	assert_mention(n, 0, "A", 4, 1);
	assert_mention(n, 1, "B", 4, 7);
	assert_mention(n, 2, "A", 5, 1);
	/* the same unknown name twice on a line is one warning */
	tu_assert_str(tu_diags(c),
	    "notes/n.md:4:1: warning: link: no note for \"A\"\n"
	    "notes/n.md:4:7: warning: link: no note for \"B\"\n"
	    "notes/n.md:5:1: warning: link: no note for \"A\"\n");
}

static void
task_markers(void **state)
{
	tu_ctx *c = *state;
	note *n;

	n = body_note(c,
	    "- [ ] dash task\n"		/* 4 */
	    "* [x] star done\n"		/* 5 */
	    "\n"			/* 6 */
	    "+ [X] plus done\n"		/* 7 */
	    "\n"			/* 8 */
	    "1. [ ] numbered\n"		/* 9 */
	    "2. [x] numbered done\n"	/* 10 */
	    "\n"			/* 11 */
	    "- not a task\n"		/* 12 */
	    "- [] not a task\n"		/* 13 */
	    "- [ ]\n"			/* 14: empty */
	    "  - [ ] nested\n"		/* 15 */
	    "- [ ]   spaced   out  \n");	/* 16 */
	assert_int_equal(n->ntasks, 8);
	assert_task(n, 0, "dash task", 0, NULL, NULL, 4, 3);
	assert_task(n, 1, "star done", 1, NULL, NULL, 5, 3);
	assert_task(n, 2, "plus done", 1, NULL, NULL, 7, 3);
	assert_task(n, 3, "numbered", 0, NULL, NULL, 9, 4);
	assert_task(n, 4, "numbered done", 1, NULL, NULL, 10, 4);
	/* a nested item ends before its parent */
	assert_task(n, 5, "nested", 0, NULL, NULL, 15, 5);
	assert_task(n, 6, "", 0, NULL, NULL, 14, 3);
	assert_task(n, 7, "spaced out", 0, NULL, NULL, 16, 3);
	tu_assert_str(tu_diags(c), "");
}

static void
task_dates(void **state)
{
	tu_ctx *c = *state;
	note *n;

	n = body_note(c,
	    "- [ ] calendar \xf0\x9f\x93\x85 2026-11-25\n"		/* 4 */
	    "- [ ] tear-off \xf0\x9f\x93\x86 2026-11-26 after\n"	/* 5 */
	    "- [ ] spiral \xf0\x9f\x97\x93\xef\xb8\x8f 2026-11-27\n"	/* 6 */
	    "- [ ] spiral bare \xf0\x9f\x97\x93 2026-11-28\n"		/* 7 */
	    "- [ ] todo.txt due:2026-11-29 style\n"			/* 8 */
	    "- [ ] done mark \xe2\x9c\x85 2026-11-20\n"			/* 9 */
	    "- [x] both \xf0\x9f\x93\x85 2026-11-18 \xe2\x9c\x85 "
	    "2026-11-19\n"						/* 10 */
	    "- [ ] overdue:2026-01-01 is no marker\n"			/* 11 */
	    "- [ ] tight \xf0\x9f\x93\x85" "2026-12-01\n");		/* 12 */
	assert_int_equal(n->ntasks, 9);
	assert_task(n, 0, "calendar", 0, "2026-11-25", NULL, 4, 3);
	assert_task(n, 1, "tear-off after", 0, "2026-11-26", NULL, 5, 3);
	assert_task(n, 2, "spiral", 0, "2026-11-27", NULL, 6, 3);
	assert_task(n, 3, "spiral bare", 0, "2026-11-28", NULL, 7, 3);
	assert_task(n, 4, "todo.txt style", 0, "2026-11-29", NULL, 8, 3);
	/* a done date makes the task done */
	assert_task(n, 5, "done mark", 1, NULL, "2026-11-20", 9, 3);
	assert_task(n, 6, "both", 1, "2026-11-18", "2026-11-19", 10, 3);
	assert_task(n, 7, "overdue:2026-01-01 is no marker", 0, NULL, NULL, 11,
	    3);
	assert_task(n, 8, "tight", 0, "2026-12-01", NULL, 12, 3);
	tu_assert_str(tu_diags(c), "");
}

static void
task_bad_dates(void **state)
{
	tu_ctx *c = *state;
	note *n;

	n = body_note(c,
	    "- [ ] a \xf0\x9f\x93\x85 2026-02-30\n"	/* 4 */
	    "  - [ ] b due:tomorrow\n"			/* 5 */
	    "- [ ] c \xe2\x9c\x85 2026-13-01\n");	/* 6 */
	assert_int_equal(n->ntasks, 3);
	assert_int_equal(n->tasks[0].due, KITH_NO_DATE);
	tu_assert_str(tu_diags(c),
	    "notes/n.md:4:3: error: task: invalid due date \"2026-02-30\"\n"
	    "notes/n.md:5:5: error: task: invalid due date \"tomorrow\"\n"
	    "notes/n.md:6:3: error: task: invalid done date \"2026-13-01\"\n");
}

/* A date marker followed by ten bytes that end inside a character: the
 * diagnostic quotes whole characters only, and the task keeps the rest. */
static void
task_bad_date_never_cuts_a_character(void **state)
{
	tu_ctx *c = *state;
	note *n;

	n = body_note(c,
	    "- [ ] a \xf0\x9f\x93\x85 2026-11-2\xc3\xa9 after\n");	/* 4 */
	assert_int_equal(n->ntasks, 1);
	assert_int_equal(n->tasks[0].due, KITH_NO_DATE);
	assert_string_equal(n->tasks[0].text, "a \xc3\xa9 after");
	tu_assert_str(tu_diags(c),
	    "notes/n.md:4:3: error: task: invalid due date \"2026-11-2\"\n");
}

static void
task_links(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_write(c, "people/Jane Doe.md", "");
	tu_write(c, "people/Bob.md", "");
	n = body_note(c,
	    "Intro [[Bob]].\n"					/* 4 */
	    "\n"						/* 5 */
	    "- [ ] call [[Jane Doe]] and [[Bob|Robert]] "
	    "\xf0\x9f\x93\x85 2026-11-25\n"			/* 6 */
	    "  - [ ] child asks [[Jane Doe]]\n"			/* 7 */
	    "  more child text\n"				/* 8 */
	    "- [ ] no links\n"					/* 9 */
	    "- plain item [[Bob]]\n"				/* 10 */
	    "- [ ] after the plain item\n");			/* 11 */
	assert_int_equal(n->nmentions, 5);
	assert_int_equal(n->ntasks, 4);
	/* the child ends first */
	assert_string_equal(n->tasks[0].text, "child asks Jane Doe more child "
	    "text");
	assert_int_equal(n->tasks[0].first_link, 3);
	assert_int_equal(n->tasks[0].nlinks, 1);
	assert_string_equal(n->tasks[1].text, "call Jane Doe and Robert");
	assert_int_equal(n->tasks[1].due, tu_date("2026-11-25"));
	assert_int_equal(n->tasks[1].first_link, 1);
	assert_int_equal(n->tasks[1].nlinks, 2);
	assert_string_equal(n->mentions[1].ref.name, "Jane Doe");
	assert_string_equal(n->mentions[2].ref.name, "Bob");
	assert_string_equal(n->tasks[2].text, "no links");
	assert_int_equal(n->tasks[2].nlinks, 0);
	assert_string_equal(n->tasks[3].text, "after the plain item");
	assert_int_equal(n->tasks[3].nlinks, 0);
	tu_assert_str(tu_diags(c), "");
}

static void
first_heading(void **state)
{
	tu_ctx *c = *state;
	note *n;

	n = body_note(c, "Intro.\n\n## First *heading*  `code`\n\n# Second\n");
	assert_string_equal(n->heading, "First heading code");
	n = body_note(c, "Setext title\n============\n\n# Later\n");
	assert_string_equal(n->heading, "Setext title");
	n = body_note(c, "#\n\n# Real\n");
	assert_string_equal(n->heading, "Real");
	n = body_note(c, "no heading at all\n");
	assert_null(n->heading);
	n = body_note(c, "# With [[Link Name|label]] inside\n");
	assert_string_equal(n->heading, "With label inside");
	assert_int_equal(n->nmentions, 1);
}

/* md4c once read past a buffer whose last line was only digits. */
static void
last_line_only_digits(void **state)
{
	tu_ctx *c = *state;
	note *n;

	tu_write(c, "digits.md", "12345");
	tu_write(c, "fm.md", "---\nname: D\n---\n# H\n\n2026");
	tu_write(c, "task.md", "- [ ] x\n\n1");
	tu_write(c, "crlf.md", "---\r\nname: E\r\n---\r\n42");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c), "");
	n = tu_note(c, "fm.md");
	assert_string_equal(n->heading, "H");
	assert_int_equal(n->ntasks, 0);
	n = tu_note(c, "task.md");
	assert_int_equal(n->ntasks, 1);
	assert_string_equal(n->tasks[0].text, "x");
	assert_null(tu_note(c, "digits.md")->heading);
	assert_false(tu_note(c, "crlf.md")->skipped);
}

/* A 400 KB paragraph of brackets (md4c is quadratic on it): completes, and
 * the link after it has the right line. */
static void
bracket_flood(void **state)
{
	tu_ctx *c = *state;
	size_t lines = 100000, i;
	char *body = tu_keep(c, tu_malloc(4 * lines + 32));
	char *p = body;
	note *n;

	for (i = 0; i < lines; i++) {
		memcpy(p, "]([\n", 4);
		p += 4;
	}
	strcpy(p, "\n[[Jane]]\n");
	n = body_note(c, body);
	assert_int_equal(n->nmentions, 1);
	assert_mention(n, 0, "Jane", 4 + 100000 + 1, 1);
	tu_assert_str(tu_diags(c),
	    "notes/n.md:100005:1: warning: link: no note for \"Jane\"\n");
}

/* A long body is read in pieces: line numbers stay right across them. */
static void
long_body_lines(void **state)
{
	tu_ctx *c = *state;
	kith_buf b = KITH_BUF_INIT;
	size_t i;
	note *n;

	for (i = 0; i < 3000; i++)
		buf_printf(&b, "Paragraph %zu mentions [[P%zu]].\n\n", i, i % 7);
	buf_puts(&b, "- [ ] last task [[P3]] \xf0\x9f\x93\x85 2026-11-30\n");
	assert_false(b.oom);
	tu_keep(c, b.data);
	tu_write(c, "people/P0.md", "");
	tu_write(c, "people/P1.md", "");
	tu_write(c, "people/P2.md", "");
	tu_write(c, "people/P3.md", "");
	tu_write(c, "people/P4.md", "");
	tu_write(c, "people/P5.md", "");
	tu_write(c, "people/P6.md", "");
	n = body_note(c, b.data);
	assert_true(b.len > 4 * 16 * 1024);
	assert_int_equal(n->nmentions, 3001);
	for (i = 0; i < 3000; i++) {
		assert_int_equal(n->mentions[i].ref.at.line, (int)(4 + 2 * i));
		assert_int_equal(n->mentions[i].ref.at.col, i < 10 ? 22 :
		    i < 100 ? 23 : i < 1000 ? 24 : 25);
	}
	assert_int_equal(n->mentions[3000].ref.at.line, 6004);
	assert_int_equal(n->ntasks, 1);
	assert_int_equal(n->tasks[0].at.line, 6004);
	assert_int_equal(n->tasks[0].nlinks, 1);
	assert_int_equal(n->tasks[0].first_link, 3000);
	assert_string_equal(n->tasks[0].text, "last task P3");
	tu_assert_str(tu_diags(c), "");
}

/* A fenced block longer than one piece: links inside it stay code. */
static void
long_code_block(void **state)
{
	tu_ctx *c = *state;
	kith_buf b = KITH_BUF_INIT;
	size_t i;
	note *n;

	buf_puts(&b, "Before [[A]].\n\n```\n");
	for (i = 0; i < 1000; i++)
		buf_printf(&b, "log line %04zu [[Not A Link]] xxxxxxxx\n", i);
	buf_puts(&b, "```\n\nAfter [[A]].\n");
	assert_false(b.oom);
	tu_keep(c, b.data);
	tu_write(c, "people/A.md", "");
	n = body_note(c, b.data);
	assert_int_equal(n->nmentions, 2);
	assert_mention(n, 0, "A", 4, 8);
	assert_mention(n, 1, "A", 4 + 3 + 1000 + 2, 7);
	tu_assert_str(tu_diags(c), "");
}

/* One line longer than a piece is cut inside the line, never inside a
 * wiki link (a name has spaces); columns after the cut still count from
 * the line's start. */
static void
long_line_columns(void **state)
{
	tu_ctx *c = *state;
	kith_buf b = KITH_BUF_INIT;
	size_t i;
	note *n;

	for (i = 0; i < 3000; i++)	/* 16 characters, 18 bytes */
		buf_puts(&b, "[[Ann Lee]] \xc3\xa9t\xc3\xa9 ");
	buf_puts(&b, "\nnext [[Ann Lee]]\n");
	assert_false(b.oom);
	tu_keep(c, b.data);
	tu_write(c, "people/Ann Lee.md", "");
	n = body_note(c, b.data);
	assert_int_equal(n->nmentions, 3001);
	for (i = 0; i < 3000; i++)
		assert_mention(n, i, "Ann Lee", 4, 1 + (int)i * 16);
	assert_mention(n, 3000, "Ann Lee", 5, 6);
	tu_assert_str(tu_diags(c), "");
}

/* A delimiter row of 3,000 cells then one-cell rows: md4c would fill every
 * row out to 3,000 cells, so that piece is scanned with tables off; links
 * and tasks in it and after it are found all the same. */
static void
wide_table_rows(void **state)
{
	tu_ctx *c = *state;
	kith_buf b = KITH_BUF_INIT;
	size_t i;
	note *n;

	buf_puts(&b, "a|b\n");
	for (i = 0; i < 3000; i++)
		buf_puts(&b, "|-");
	buf_puts(&b, "|\n");
	for (i = 0; i < 2000; i++)
		buf_puts(&b, "x\n");
	buf_puts(&b, "| [[A]] |\n\n- [ ] call [[A]]\n");
	assert_false(b.oom);
	assert_true(body_table_cells(b.data, b.len) > KITH_MAX_TABLE_CELLS);
	tu_keep(c, b.data);
	tu_write(c, "people/A.md", "");
	n = body_note(c, b.data);
	assert_int_equal(n->nmentions, 2);
	assert_mention(n, 0, "A", 4 + 2002, 3);
	assert_int_equal(n->ntasks, 1);
	assert_task(n, 0, "call A", 0, NULL, NULL, 4 + 2004, 3);
	tu_assert_str(tu_diags(c), "");
}

/* A real table is far below the bound; a line with a letter in it is no
 * delimiter row. */
static void
table_cells_bound(void **state)
{
	const char *t = "| Name | Role |\n|:-----|-----:|\n| [[A]] | x |\n";
	const char *not = "| a - b | c |\n| - x - |\n";

	(void)state;
	/* three pipes, so at most four cells a row, three lines */
	assert_int_equal(body_table_cells(t, strlen(t)), 4 * 3);
	assert_int_equal(body_table_cells(not, strlen(not)), 0);
	assert_int_equal(body_table_cells("", 0), 0);
}

/* A task's text is cut to 300 bytes at a character boundary, with an
 * ellipsis (limits.h: KITH_MAX_TASK_TEXT). */
static void
long_task_text(void **state)
{
	tu_ctx *c = *state;
	kith_buf b = KITH_BUF_INIT;
	char *expected;
	note *n;

	buf_puts(&b, "- [ ] ");
	buf_printf(&b, "%0400d \xf0\x9f\x93\x85 2026-11-25\n", 7);	/* 400 */
	buf_puts(&b, "- [ ] ");
	buf_printf(&b, "%0303d\n", 8);				/* 303 */
	buf_puts(&b, "- [ ] ");
	buf_printf(&b, "%0299d\xc3\xa9xxxxx\n", 9);		/* 306 */
	assert_false(b.oom);
	tu_keep(c, b.data);
	n = body_note(c, b.data);
	assert_int_equal(n->ntasks, 3);
	expected = tu_keep(c, tu_malloc(400));
	sprintf(expected, "%0300d\xe2\x80\xa6", 0);
	assert_string_equal(n->tasks[0].text, expected);
	assert_int_equal(n->tasks[0].due, tu_date("2026-11-25"));
	sprintf(expected, "%0303d", 8);
	assert_string_equal(n->tasks[1].text, expected);
	sprintf(expected, "%0299d\xe2\x80\xa6", 9);
	assert_string_equal(n->tasks[2].text, expected);
}

/* Raw HTML is text, not markup. */
static void
raw_html_is_text(void **state)
{
	tu_ctx *c = *state;
	note *n;

	n = body_note(c, "<div>\n\n- [ ] inside [[X]]\n\n</div>\n");
	assert_int_equal(n->ntasks, 1);
	assert_string_equal(n->tasks[0].text, "inside X");
	assert_int_equal(n->nmentions, 1);
	n = body_note(c, "- [ ] <b>bold</b> task\n");
	assert_string_equal(n->tasks[0].text, "<b>bold</b> task");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(columns_count_characters),
		TU_TEST(wiki_links_are_mentions),
		TU_TEST(mention_count_exact),
		TU_TEST(task_markers),
		TU_TEST(task_dates),
		TU_TEST(task_bad_dates),
		TU_TEST(task_bad_date_never_cuts_a_character),
		TU_TEST(task_links),
		TU_TEST(first_heading),
		TU_TEST(last_line_only_digits),
		TU_TEST(bracket_flood),
		TU_TEST(long_body_lines),
		TU_TEST(long_task_text),
		TU_TEST(raw_html_is_text),
		TU_TEST(long_code_block),
		TU_TEST(long_line_columns),
		TU_TEST(wide_table_rows),
		cmocka_unit_test(table_cells_bound),
	};

	return cmocka_run_group_tests_name("body", tests, NULL, NULL);
}
