/*
 * test_privacy.c: what never reaches the site (lib/site/privacy.c): the
 * notes that get no page, and the scrub of private names from every page,
 * the last guard of a private name.
 */
#include "testutil.h"

#include "site/privacy.h"

/* The set of the given names (NULL-ended), ready; kept in *mem. */
static void
set_of(scrub_set *x, arena *mem, const char *const *names)
{
	memset(x, 0, sizeof(*x));
	for (; *names != NULL; names++)
		assert_int_equal(scrub_set_add(x, *names), 0);
	assert_int_equal(scrub_set_ready(x, mem), 0);
}

/* text scrubbed with the set, as a string kept until teardown */
static const char *
scrubbed(tu_ctx *c, const scrub_set *x, const char *text)
{
	kith_buf b = KITH_BUF_INIT;

	scrub_text(x, text, strlen(text), &b);
	buf_putc(&b, '\0');
	assert_false(b.oom);
	return tu_keep(c, b.data);
}

static void
scrub_whole_words_any_case(void **state)
{
	tu_ctx *c = *state;
	const char *names[] = { "Jane Doe", "Bob", NULL };
	arena mem = { NULL, 0 };
	scrub_set x;

	set_of(&x, &mem, names);
	assert_string_equal(scrubbed(c, &x, "met Jane Doe today"),
	    "met someone today");
	assert_string_equal(scrubbed(c, &x, "JANE DOE, jane doe."),
	    "someone, someone.");
	/* whole words only: not inside a longer word */
	assert_string_equal(scrubbed(c, &x, "Bobby and Jane Does, Bob."),
	    "Bobby and Jane Does, someone.");
	assert_string_equal(scrubbed(c, &x, "xBob Bob_ Bob1"), "xBob someone_ Bob1");
	/* a byte from 0x80 is a word byte: "Bobé" is another word */
	assert_string_equal(scrubbed(c, &x, "Bob\xc3\xa9 Bob"), "Bob\xc3\xa9 someone");
	/* the first word alone is not the name */
	assert_string_equal(scrubbed(c, &x, "Jane said"), "Jane said");
	assert_string_equal(scrubbed(c, &x, ""), "");
	scrub_set_free(&x);
	arena_free(&mem);
}

/* A name with letters past ASCII, in the cases and forms a note may give
 * it: Élodie written élodie, ÉLODIE, or with a combining accent. */
static void
scrub_any_case_and_form(void **state)
{
	tu_ctx *c = *state;
	const char *names[] = { "\xc3\x89lodie Brun", "\xc3\x96zg\xc3\xbcr", NULL };
	arena mem = { NULL, 0 };
	scrub_set x;

	set_of(&x, &mem, names);
	assert_string_equal(scrubbed(c, &x, "met \xc3\x89lodie Brun"),
	    "met someone");
	assert_string_equal(scrubbed(c, &x, "met \xc3\xa9lodie brun"),
	    "met someone");
	assert_string_equal(scrubbed(c, &x, "met \xc3\x89LODIE BRUN"),
	    "met someone");
	assert_string_equal(scrubbed(c, &x, "met E\xcc\x81lodie Brun"),
	    "met someone");
	assert_string_equal(scrubbed(c, &x, "met e\xcc\x81lodie brun"),
	    "met someone");
	assert_string_equal(scrubbed(c, &x, "\xc3\xb6zg\xc3\xbcr and "
	    "\xc3\x96ZG\xc3\x9cR"), "someone and someone");
	/* another name still is not: no accent, another letter */
	assert_string_equal(scrubbed(c, &x, "Elodie Brun"), "Elodie Brun");
	scrub_set_free(&x);
	arena_free(&mem);
}

static void
scrub_longest_name_first(void **state)
{
	tu_ctx *c = *state;
	const char *names[] = { "Ann", "Ann Lee", "Ann Lee Park", NULL };
	arena mem = { NULL, 0 };
	scrub_set x;

	set_of(&x, &mem, names);
	assert_string_equal(scrubbed(c, &x, "Ann Lee Park, Ann Lee, Ann Leeds"),
	    "someone, someone, someone Leeds");
	scrub_set_free(&x);
	arena_free(&mem);
}

static void
scrub_skips_short_and_non_word_names(void **state)
{
	tu_ctx *c = *state;
	const char *names[] = { "Al", "-dash", NULL };
	arena mem = { NULL, 0 };
	scrub_set x;

	set_of(&x, &mem, names);
	assert_int_equal(x.n, 1);	/* "Al" is too short to be one */
	assert_string_equal(scrubbed(c, &x, "Al and -dash"), "Al and -dash");
	assert_int_equal(scrub_set_add(&x, NULL), 0);
	assert_int_equal(x.n, 1);
	scrub_set_free(&x);
	arena_free(&mem);
}

/* Pages are read 16 bytes at a time where the CPU can: a name at every
 * offset around a block's end is found, and none is found in a word that
 * merely crosses it. */
static void
scrub_across_blocks(void **state)
{
	const char *names[] = { "Zed Quill", NULL };
	arena mem = { NULL, 0 };
	kith_buf b = KITH_BUF_INIT;
	char text[96], want[96];
	scrub_set x;
	int at;

	(void)state;
	set_of(&x, &mem, names);
	for (at = 0; at < 40; at++) {
		memset(text, '.', (size_t)at);
		strcpy(text + at, "Zed Quill!");
		memset(want, '.', (size_t)at);
		strcpy(want + at, "someone!");
		buf_reset(&b);
		scrub_text(&x, text, strlen(text), &b);
		buf_putc(&b, '\0');
		assert_string_equal(b.data, want);
		memset(text, 'a', (size_t)at);
		strcpy(text + at, "Zed Quill");
		buf_reset(&b);
		scrub_text(&x, text, strlen(text), &b);
		buf_putc(&b, '\0');
		assert_string_equal(b.data, at ? text : "someone");
	}
	buf_free(&b);
	scrub_set_free(&x);
	arena_free(&mem);
}

static void
scrub_page_leaves_the_script(void **state)
{
	tu_ctx *c = *state;
	const char *names[] = { "Query Selector", NULL };
	const char *page = "<p>Query Selector</p><script>Query Selector"
	    "</script><p>query selector</p>";
	const char *js = strstr(page, "<script>") + 8;
	arena mem = { NULL, 0 };
	kith_buf b = KITH_BUF_INIT;
	scrub_set x;
	size_t at = (size_t)(js - page);

	set_of(&x, &mem, names);
	buf_puts(&b, page);
	assert_int_equal(scrub_page(&x, &b, at, at + 14), 0);
	buf_putc(&b, '\0');
	assert_string_equal(b.data, "<p>someone</p><script>Query Selector"
	    "</script><p>someone</p>");
	/* a page without a name is left as it was */
	buf_reset(&b);
	buf_puts(&b, "<p>nobody</p>");
	assert_int_equal(scrub_page(&x, &b, b.len, b.len), 0);
	assert_int_equal(b.len, 13);
	buf_free(&b);
	(void)c;
	scrub_set_free(&x);
	arena_free(&mem);
}

static void
private_notes_hidden_and_named(void **state)
{
	tu_ctx *c = *state;
	arena mem = { NULL, 0 };
	unsigned char *hidden;
	kith_journal *j;
	scrub_set x;
	note *n;

	tu_fm(c, "people/Kim Secret.md", "private: true\naliases: [Kimmy]\n");
	tu_fm(c, "people/Lee Open.md", "name: Lee Open\n");
	tu_fm(c, "companies/Hush Co.md", "private: true\n");
	tu_fm(c, "notes/Plan.md", "private: true\ntitle: A Plan\n");
	tu_fm(c, "meetings/one.md", "date: 2026-11-01\nwith: [Kim Secret]\n");
	tu_fm(c, "meetings/two.md",
	    "date: 2026-11-02\nwith: [Kim Secret, Lee Open]\n");
	j = tu_load(c, "2026-11-22");
	hidden = tu_keep(c, tu_malloc(j->nnodes));
	privacy_hidden(j, hidden);
	assert_true(hidden[tu_note(c, "people/Kim Secret.md")->index]);
	assert_false(hidden[tu_note(c, "people/Lee Open.md")->index]);
	assert_true(hidden[tu_note(c, "companies/Hush Co.md")->index]);
	/* a meeting only with private people has no page; with others it has */
	assert_true(hidden[tu_note(c, "meetings/one.md")->index]);
	assert_false(hidden[tu_note(c, "meetings/two.md")->index]);

	memset(&x, 0, sizeof(x));
	assert_int_equal(scrub_set_of_journal(&x, j), 0);
	assert_int_equal(scrub_set_ready(&x, &mem), 0);
	n = tu_note(c, "notes/Plan.md");
	assert_true(n->private_note);
	assert_string_equal(scrubbed(c, &x, "Kim Secret, kimmy, Hush Co, "
	    "A Plan, Lee Open"), "someone, someone, someone, A Plan, Lee Open");
	scrub_set_free(&x);
	arena_free(&mem);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(scrub_whole_words_any_case),
		TU_TEST(scrub_any_case_and_form),
		TU_TEST(scrub_longest_name_first),
		TU_TEST(scrub_skips_short_and_non_word_names),
		TU_TEST(scrub_across_blocks),
		TU_TEST(scrub_page_leaves_the_script),
		TU_TEST(private_notes_hidden_and_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
