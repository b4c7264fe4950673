/*
 * test_read.c: reading one note's bytes (read.c; journal.md "Which files are
 * notes"): a regular file, at most 4 MiB, UTF-8 without NUL bytes.  Anything
 * else is one diagnostic and the note is skipped; the rest is still read.
 */
#include "testutil.h"

#define MIB (1024u * 1024u)

typedef struct reading {
	int rc;
	note_text text;
} reading;

/* note_read() of one file in a bare journal; out->text.data is kept. */
static reading
read_note(tu_ctx *c, const char *rel)
{
	reading r;
	int fd;

	if (c->j == NULL)
		tu_bare(c, "2026-11-22");
	fd = open(c->root, O_RDONLY | O_DIRECTORY);
	assert_true(fd >= 0);
	r.rc = note_read(c->j, fd, rel, &r.text);
	close(fd);
	if (r.text.data != NULL)
		tu_keep(c, r.text.data);
	return r;
}

static void
reads_text(void **state)
{
	tu_ctx *c = *state;
	reading r;

	tu_write(c, "a.md", "---\nname: A\n---\nhello \xc3\xa9\xf0\x9f\x98\x80\n");
	r = read_note(c, "a.md");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.text.len, 29);
	assert_memory_equal(r.text.data,
	    "---\nname: A\n---\nhello \xc3\xa9\xf0\x9f\x98\x80\n", 29);
	assert_int_equal(r.text.data[29], '\0');
	assert_int_equal(c->j->ndiags, 0);
}

/* A last line without a line end gets one; the bytes after it are zero. */
static void
last_line_gets_a_line_end(void **state)
{
	tu_ctx *c = *state;
	reading r;
	int i;

	tu_write(c, "a.md", "12345");
	r = read_note(c, "a.md");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.text.len, 6);
	assert_memory_equal(r.text.data, "12345\n", 6);
	for (i = 6; i < 6 + 8; i++)
		assert_int_equal(r.text.data[i], '\0');
}

static void
empty_file(void **state)
{
	tu_ctx *c = *state;
	reading r;

	tu_write(c, "empty.md", "");
	r = read_note(c, "empty.md");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.text.len, 0);
	assert_non_null(r.text.data);
	assert_int_equal(r.text.data[0], '\0');
	tu_load(c, "2026-11-22");
	assert_int_equal(kith_journal_diag_count(c->j), 0);
	assert_false(tu_note(c, "empty.md")->skipped);
	assert_string_equal(tu_note(c, "empty.md")->display, "empty");
}

static void
fifo_is_not_a_regular_file(void **state)
{
	tu_ctx *c = *state;
	reading r;

	tu_write(c, "good.md", "---\ntype: person\n---\n");
	assert_int_equal(mkfifo(tu_path(c, "pipe.md"), 0644), 0);
	r = read_note(c, "pipe.md");
	assert_int_equal(r.rc, 1);
	assert_null(r.text.data);
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "pipe.md:1:1: error: not a regular file: not read\n");
	assert_true(tu_note(c, "pipe.md")->skipped);
	assert_false(tu_note(c, "good.md")->skipped);
	assert_int_equal(tu_note(c, "good.md")->type, NOTE_PERSON);
	assert_int_equal(kith_journal_worst(c->j), KITH_ERROR);
}

/* A file of size bytes: lines of 'x', ending in a line end. */
static void
write_size(tu_ctx *c, const char *rel, size_t size)
{
	char *data = tu_malloc(size);
	size_t i;

	for (i = 0; i < size; i++)
		data[i] = (i % 64 == 63 || i == size - 1) ? '\n' : 'x';
	tu_write_bytes(c, rel, data, size);
	free(data);
}

static void
size_limit(void **state)
{
	tu_ctx *c = *state;
	reading r;

	write_size(c, "limit.md", 4 * MIB);
	write_size(c, "over.md", 4 * MIB + 1);
	r = read_note(c, "limit.md");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.text.len, 4 * MIB);
	r = read_note(c, "over.md");
	assert_int_equal(r.rc, 1);
	assert_null(r.text.data);
	tu_assert_str(tu_diags(c),
	    "over.md:1:1: error: larger than the note size limit (4 MiB): "
	    "not read\n");
}

static void
size_limit_loaded(void **state)
{
	tu_ctx *c = *state;

	write_size(c, "over.md", 4 * MIB + 1);
	tu_write(c, "small.md", "# Small\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "over.md:1:1: error: larger than the note size limit (4 MiB): "
	    "not read\n");
	assert_true(tu_note(c, "over.md")->skipped);
	assert_string_equal(tu_note(c, "small.md")->heading, "Small");
}

static void
nul_byte_position(void **state)
{
	tu_ctx *c = *state;
	/* line 2: "title: " is 7 characters, then e-acute, t, e-acute */
	static const char text[] = "---\ntitle: \xc3\xa9t\xc3\xa9\0x\n---\n";

	tu_write_bytes(c, "nul.md", text, sizeof(text) - 1);
	tu_write(c, "ok.md", "fine\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "nul.md:2:11: error: NUL byte: not a text file\n");
	assert_true(tu_note(c, "nul.md")->skipped);
	assert_false(tu_note(c, "ok.md")->skipped);
}

static void
nul_byte_first(void **state)
{
	tu_ctx *c = *state;

	tu_write_bytes(c, "bin.md", "\0PNG", 4);
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "bin.md:1:1: error: NUL byte: not a text file\n");
}

static void
invalid_utf8_position(void **state)
{
	tu_ctx *c = *state;

	/* line 2: e-acute is column 1, x column 2, the bad byte column 3 */
	tu_write(c, "latin1.md", "abc\n\xc3\xa9x\xff\n");
	tu_write(c, "overlong.md", "\xc0\xaf\n");
	tu_write(c, "surrogate.md", "ok\n  \xed\xa0\x80\n");
	tu_write(c, "truncated.md", "ab\xe2\x82");
	tu_write(c, "too-high.md", "\xf4\x90\x80\x80\n");
	tu_write(c, "lone.md", "\xf0\x9f\x98\x80\x80\n");
	tu_write(c, "cp1252.md", "---\nname: Ren\xe9\n---\n");
	tu_write(c, "valid.md", "\xef\xbb\xbf\xf4\x8f\xbf\xbf \xed\x9f\xbf\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "cp1252.md:2:10: error: invalid UTF-8 (byte 0xe9): not a UTF-8 "
	    "text file\n"
	    "latin1.md:2:3: error: invalid UTF-8 (byte 0xff): not a UTF-8 "
	    "text file\n"
	    "lone.md:1:2: error: invalid UTF-8 (byte 0x80): not a UTF-8 "
	    "text file\n"
	    "overlong.md:1:1: error: invalid UTF-8 (byte 0xc0): not a UTF-8 "
	    "text file\n"
	    "surrogate.md:2:3: error: invalid UTF-8 (byte 0xed): not a UTF-8 "
	    "text file\n"
	    "too-high.md:1:1: error: invalid UTF-8 (byte 0xf4): not a UTF-8 "
	    "text file\n"
	    "truncated.md:1:3: error: invalid UTF-8 (byte 0xe2): not a UTF-8 "
	    "text file\n");
	assert_false(tu_note(c, "valid.md")->skipped);
	assert_int_equal(kith_journal_count(c->j, KITH_ERROR), 7);
}

/* Listed by the walk, gone when it is read. */
static void
file_vanishes(void **state)
{
	tu_ctx *c = *state;
	note_file *files;
	size_t n;
	reading r;

	tu_write(c, "gone.md", "here for now\n");
	tu_bare(c, "2026-11-22");
	assert_int_equal(walk_journal(c->j, &files, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(files[0].path, "gone.md");
	walk_free(files, n);
	assert_int_equal(unlink(tu_path(c, "gone.md")), 0);
	r = read_note(c, "gone.md");
	assert_int_equal(r.rc, 1);
	assert_null(r.text.data);
	assert_int_equal(c->j->ndiags, 1);
	assert_string_equal(c->j->diags[0].file, "gone.md");
	assert_int_equal(c->j->diags[0].line, 1);
	assert_int_equal(c->j->diags[0].col, 1);
	assert_int_equal(c->j->diags[0].level, KITH_ERROR);
	assert_string_equal(c->j->diags[0].message,
	    "cannot read: the file vanished while kith ran");
}

/* As root, permissions do not stop a read; /proc/self/mem does (EIO). */
static void
unreadable_file(void **state)
{
	tu_ctx *c = *state;

	/* a link out of the journal: read only when kith.yaml says so */
	tu_write(c, "kith.yaml", "follow_symlinks: yes\n");
	tu_write(c, "people/Jane Doe.md", "---\ncadence: 30d\n---\n");
	assert_int_equal(symlink("/proc/self/mem", tu_path(c, "x.md")), 0);
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "x.md:1:1: error: cannot read: input/output error\n");
	assert_true(tu_note(c, "x.md")->skipped);
	assert_int_equal(tu_note(c, "people/Jane Doe.md")->cadence.v.n, 30);
}

static void
symlink_loop(void **state)
{
	tu_ctx *c = *state;

	assert_int_equal(symlink("loop.md", tu_path(c, "loop.md")), 0);
	tu_write(c, "ok.md", "fine\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(tu_diags(c),
	    "loop.md:1:1: error: cannot read: too many levels of symbolic "
	    "links\n");
	assert_true(tu_note(c, "loop.md")->skipped);
	assert_false(tu_note(c, "ok.md")->skipped);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TU_TEST(reads_text),
		TU_TEST(last_line_gets_a_line_end),
		TU_TEST(empty_file),
		TU_TEST(fifo_is_not_a_regular_file),
		TU_TEST(size_limit),
		TU_TEST(size_limit_loaded),
		TU_TEST(nul_byte_position),
		TU_TEST(nul_byte_first),
		TU_TEST(invalid_utf8_position),
		TU_TEST(file_vanishes),
		TU_TEST(unreadable_file),
		TU_TEST(symlink_loop),
	};

	return cmocka_run_group_tests_name("read", tests, NULL, NULL);
}
