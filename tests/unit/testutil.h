/*
 * testutil.h: helpers shared by the unit tests.  Every function is static
 * inline (the Makefile compiles each test_*.c alone).
 *
 * Each test gets a fresh journal folder under /tmp from tu_setup() and loses
 * it in tu_teardown(), which runs even when an assertion fails; the journal,
 * the report and any strings a test keeps with tu_keep() are freed there
 * too, so a failing test leaks nothing and leaves no folder behind.
 */
#ifndef KITH_TESTUTIL_H
#define KITH_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/model.h"
#include "read/read.h"
#include "report/report.h"
#include "rules/rules.h"

#define TU_MAX_KEEP 64

typedef struct tu_ctx {
	char root[64];		/* the journal folder */
	kith_journal *j;	/* the last tu_load() */
	kith_due *due;		/* the last tu_due() */
	kith_date today;	/* the day tu_load() was given: the queries' */
	void *keep[TU_MAX_KEEP];	/* freed in teardown */
	size_t nkeep;
} tu_ctx;

/* malloc that never returns NULL (a test cannot go on without it). */
static inline void *
tu_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		abort();
	return p;
}

/* Keeps p (malloc'd) until teardown and returns it. */
static inline void *
tu_keep(tu_ctx *c, void *p)
{
	assert_non_null(p);
	assert_true(c->nkeep < TU_MAX_KEEP);
	c->keep[c->nkeep++] = p;
	return p;
}

/* Removes a folder and everything under it; symlinks are not followed. */
static inline void
tu_rmrf_at(int parent, const char *name)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	int fd;

	if (fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlinkat(parent, name, 0);
		return;
	}
	fchmodat(parent, name, 0700, 0);
	fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd >= 0 && (d = fdopendir(fd)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 &&
			    strcmp(e->d_name, "..") != 0)
				tu_rmrf_at(fd, e->d_name);
		closedir(d);
	} else if (fd >= 0) {
		close(fd);
	}
	unlinkat(parent, name, AT_REMOVEDIR);
}

static inline void
tu_rmrf(const char *path)
{
	tu_rmrf_at(AT_FDCWD, path);
}

static inline int
tu_setup(void **state)
{
	tu_ctx *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return -1;
	snprintf(c->root, sizeof(c->root), "/tmp/kith-unit-XXXXXX");
	if (mkdtemp(c->root) == NULL) {
		free(c);
		return -1;
	}
	*state = c;
	return 0;
}

static inline int
tu_teardown(void **state)
{
	tu_ctx *c = *state;
	size_t i;

	if (c == NULL)
		return 0;
	kith_due_free(c->due);
	kith_journal_free(c->j);
	for (i = 0; i < c->nkeep; i++)
		free(c->keep[i]);
	tu_rmrf(c->root);
	free(c);
	*state = NULL;
	return 0;
}

#define TU_TEST(f) cmocka_unit_test_setup_teardown(f, tu_setup, tu_teardown)

/* root/rel as a malloc'd path kept until teardown. */
static inline char *
tu_path(tu_ctx *c, const char *rel)
{
	size_t n = strlen(c->root) + strlen(rel) + 2;
	char *p = tu_keep(c, tu_malloc(n));

	snprintf(p, n, "%s/%s", c->root, rel);
	return p;
}

/* Makes the folders of rel (below the root), not its last part. */
static inline void
tu_mkdirs(tu_ctx *c, const char *rel)
{
	char path[4096];
	size_t i, n;

	n = (size_t)snprintf(path, sizeof(path), "%s/%s", c->root, rel);
	assert_true(n < sizeof(path));
	for (i = strlen(c->root) + 1; i < n; i++) {
		if (path[i] != '/')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			fail_msg("mkdir %s: %s", path, strerror(errno));
		path[i] = '/';
	}
}

/* Writes len bytes to root/rel, making its folders. */
static inline void
tu_write_bytes(tu_ctx *c, const char *rel, const void *data, size_t len)
{
	char path[4096];
	FILE *f;

	tu_mkdirs(c, rel);
	snprintf(path, sizeof(path), "%s/%s", c->root, rel);
	if ((f = fopen(path, "wb")) == NULL)
		fail_msg("fopen %s: %s", path, strerror(errno));
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static inline void
tu_write(tu_ctx *c, const char *rel, const char *text)
{
	tu_write_bytes(c, rel, text, strlen(text));
}

/* Writes a note of front matter only: "---\n" yaml "---\n". */
static inline void
tu_fm(tu_ctx *c, const char *rel, const char *yaml)
{
	char *text = tu_malloc(strlen(yaml) + 16);

	sprintf(text, "---\n%s---\n", yaml);
	tu_write(c, rel, text);
	free(text);
}

static inline kith_date
tu_date(const char *s)
{
	kith_date d;

	if (kith_date_parse(s, &d) < 0)
		fail_msg("bad date in a test: %s", s);
	return d;
}

/* Loads the journal, freeing the previous one; today (YYYY-MM-DD) is the
 * day the queries after it are for. */
static inline kith_journal *
tu_load_opts(tu_ctx *c, const char *today, int strict)
{
	kith_options o;

	kith_due_free(c->due);
	c->due = NULL;
	kith_journal_free(c->j);
	c->j = NULL;
	memset(&o, 0, sizeof(o));
	o.root = c->root;
	o.strict = strict;
	c->today = tu_date(today);
	assert_int_equal(kith_journal_load(&o, &c->j), KITH_OK);
	assert_non_null(c->j);
	return c->j;
}

static inline kith_journal *
tu_load(tu_ctx *c, const char *today)
{
	return tu_load_opts(c, today, 0);
}

/* All diagnostics, one "file:line:col: level: message" line each. */
static inline const char *
tu_diags(tu_ctx *c)
{
	kith_buf b = KITH_BUF_INIT;
	const kith_diag *d;
	size_t i;

	assert_non_null(c->j);
	buf_puts(&b, "");
	for (i = 0; i < kith_journal_diag_count(c->j); i++) {
		d = kith_journal_diag(c->j, i);
		buf_printf(&b, "%s:%d:%d: %s: %s\n", d->file, d->line, d->col,
		    d->level == KITH_ERROR ? "error" :
		    d->level == KITH_WARNING ? "warning" : "clean", d->message);
	}
	buf_putc(&b, '\0');
	assert_false(b.oom);
	return tu_keep(c, b.data);
}

/* The note read from rel (root-relative path), or fails the test. */
static inline note *
tu_note(tu_ctx *c, const char *rel)
{
	size_t i;

	assert_non_null(c->j);
	for (i = 0; i < c->j->nnotes; i++)
		if (strcmp(c->j->notes[i]->path, rel) == 0)
			return c->j->notes[i];
	fail_msg("no note %s", rel);
	return NULL;
}

/* What a person's meetings say on the day tu_load() was given. */
static inline person_day
tu_day(tu_ctx *c, const note *p)
{
	person_day f;

	person_day_of(c->j, p, c->today, &f);
	return f;
}

/* A person's check-in cadence on that day. */
static inline duration
tu_cadence(tu_ctx *c, const note *p)
{
	return person_cadence(c->j, p, tu_day(c, p).close_tie);
}

/* The report for the loaded journal. */
static inline kith_due *
tu_due_query(tu_ctx *c, int horizon, unsigned kinds, const char *person)
{
	kith_due_query q;

	kith_due_free(c->due);
	c->due = NULL;
	memset(&q, 0, sizeof(q));
	q.horizon = horizon;
	q.kinds = kinds;
	q.person = person;
	q.today = c->today;
	assert_int_equal(kith_due_new(c->j, &q, &c->due), KITH_OK);
	assert_non_null(c->due);
	return c->due;
}

static inline kith_due *
tu_due(tu_ctx *c)
{
	return tu_due_query(c, -1, 0, NULL);
}

/* The items, one line each:
 * "due|kind|people, ...|company|text|file:line" (due "-" when undated,
 * company "-" when none). */
static inline const char *
tu_items(tu_ctx *c)
{
	kith_buf b = KITH_BUF_INIT;
	const kith_item *it;
	char due[11];
	size_t i, k;

	assert_non_null(c->due);
	buf_puts(&b, "");
	for (i = 0; i < kith_due_count(c->due); i++) {
		it = kith_due_item(c->due, i);
		if (it->due == KITH_NO_DATE)
			strcpy(due, "-");
		else
			kith_date_format(it->due, due);
		buf_printf(&b, "%s|%s|", due, kith_kind_name(it->kind));
		for (k = 0; k < it->npeople; k++)
			buf_printf(&b, "%s%s", k ? ", " : "", it->people[k]);
		buf_printf(&b, "|%s|%s|%s:%d\n",
		    it->company ? it->company : "-", it->text, it->file,
		    it->line);
	}
	buf_putc(&b, '\0');
	assert_false(b.oom);
	return tu_keep(c, b.data);
}

/* Loads the journal and returns its items for the default query. */
static inline const char *
tu_load_items(tu_ctx *c, const char *today)
{
	tu_load(c, today);
	tu_due(c);
	return tu_items(c);
}

/* The items of one kind only. */
static inline const char *
tu_kind_items(tu_ctx *c, kith_kind kind)
{
	tu_due_query(c, -1, 1u << kind, NULL);
	return tu_items(c);
}

/* A journal struct for calling one stage directly (no notes read yet). */
static inline kith_journal *
tu_bare(tu_ctx *c, const char *today)
{
	kith_due_free(c->due);
	c->due = NULL;
	kith_journal_free(c->j);
	c->j = calloc(1, sizeof(*c->j));
	assert_non_null(c->j);
	config_defaults(&c->j->cfg);
	c->j->root = arena_strdup(&c->j->mem, c->root);
	assert_non_null(c->j->root);
	c->today = tu_date(today);
	return c->j;
}

/* Assert two strings equal, showing both in full when they differ. */
#define tu_assert_str(actual, expected) do { \
	const char *tu_a_ = (actual), *tu_e_ = (expected); \
	if (tu_a_ == NULL || strcmp(tu_a_, tu_e_) != 0) \
		fail_msg("got:\n%s\n--- expected:\n%s", \
		    tu_a_ ? tu_a_ : "(null)", tu_e_); \
} while (0)


#endif
