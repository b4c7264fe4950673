/*
 * test_walk.c: which files are notes (walk.c; journal.md "Which files are
 * notes"): *.md in any case anywhere below the root; names starting with
 * '.' or '_' skipped; ignore: globs of kith.yaml; the site folder; symlinked
 * folders not followed, symlinked files read; sorted by path.
 */
#include "testutil.h"

/* Walks the journal as kith_journal_load does (kith.yaml first) and returns
 * the paths, one a line. */
static const char *
walk(tu_ctx *c)
{
	kith_buf b = KITH_BUF_INIT;
	note_file *files;
	size_t n, i;
	int fd;

	tu_bare(c, "2026-11-22");
	fd = open(c->root, O_RDONLY | O_DIRECTORY);
	assert_true(fd >= 0);
	assert_int_equal(config_load(c->j, fd), 0);
	close(fd);
	assert_int_equal(walk_journal(c->j, &files, &n), 0);
	buf_puts(&b, "");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s\n", files[i].path);
	walk_free(files, n);
	assert_false(b.oom);
	return tu_keep(c, b.data);
}

/* The paths of the notes kith_journal_load read, one a line. */
static const char *
loaded(tu_ctx *c)
{
	kith_buf b = KITH_BUF_INIT;
	size_t i;

	buf_puts(&b, "");
	for (i = 0; i < c->j->nnotes; i++)
		buf_printf(&b, "%s\n", c->j->notes[i]->path);
	assert_false(b.oom);
	return tu_keep(c, b.data);
}

static void
symlink_in(tu_ctx *c, const char *target, const char *rel)
{
	char *path = tu_path(c, rel);

	tu_mkdirs(c, rel);
	if (symlink(target, path) < 0)
		fail_msg("symlink %s: %s", path, strerror(errno));
}

static void
globs(void **state)
{
	(void)state;
	assert_true(glob_match("templates/**", "templates/a.md"));
	assert_true(glob_match("templates/**", "templates/x/y/z.md"));
	assert_true(glob_match("templates/**", "templates/"));
	assert_false(glob_match("templates/**", "templates"));
	assert_false(glob_match("templates/**", "templatesx/a.md"));
	assert_false(glob_match("templates/**", "other/templates/a.md"));
	assert_true(glob_match("*.md", "a.md"));
	assert_false(glob_match("*.md", "dir/a.md"));
	assert_false(glob_match("*.md", "a.mdx"));
	assert_true(glob_match("**/draft*.md", "a/b/draft-1.md"));
	assert_true(glob_match("**/draft*.md", "draft.md"));
	assert_false(glob_match("**/draft*.md", "a/b/final.md"));
	assert_true(glob_match("a/*/c", "a/b/c"));
	assert_false(glob_match("a/*/c", "a/b/d/c"));
	assert_true(glob_match("a/**/c", "a/c"));
	assert_true(glob_match("a/**/c", "a/b/c"));
	assert_true(glob_match("a/**/c", "a/b/d/c"));
	assert_false(glob_match("a/**/c", "a/b/d/e"));
	assert_true(glob_match("**", "a/b/c.md"));
	assert_false(glob_match("*", "a/b"));
	assert_true(glob_match("*", "ab"));
	assert_true(glob_match("notes/?.md", "notes/a.md"));
	assert_false(glob_match("notes/?.md", "notes/ab.md"));
	assert_false(glob_match("a?b", "a/b"));
	assert_true(glob_match("[abc].md", "b.md"));
	assert_false(glob_match("[abc].md", "d.md"));
	assert_true(glob_match("[!abc].md", "d.md"));
	assert_false(glob_match("[!abc].md", "a.md"));
	assert_true(glob_match("[^abc].md", "d.md"));
	assert_true(glob_match("x[a-c]", "xb"));
	assert_false(glob_match("x[a-c]", "xd"));
	assert_false(glob_match("x[a-c]", "x/"));
	assert_true(glob_match("[ab", "[ab"));	/* unclosed: literal */
	assert_true(glob_match("archive", "archive"));
	assert_false(glob_match("archive", "archive/old.md"));
	assert_false(glob_match("archive", "archives"));
	assert_true(glob_match("", ""));
	assert_false(glob_match("", "a"));
}

static void
which_files_are_notes(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "a.md", "a\n");
	tu_write(c, "B.MD", "b\n");
	tu_write(c, "c.Md", "c\n");
	tu_write(c, "notes/d.md", "d\n");
	tu_write(c, "deep/x/y/z.md", "z\n");
	tu_write(c, "folder.md/inner.md", "inner\n");
	tu_write(c, "readme.txt", "not a note\n");
	tu_write(c, "x.markdown", "not a note\n");
	tu_write(c, "md", "not a note\n");
	tu_write(c, "notes/.md", "hidden\n");
	tu_write(c, ".hidden.md", "hidden\n");
	tu_write(c, "_draft.md", "underscore\n");
	tu_write(c, "people/_template.md", "underscore\n");
	tu_write(c, "people/.swp.md", "hidden\n");
	tu_write(c, ".obsidian/workspace.md", "hidden folder\n");
	tu_write(c, ".git/HEAD.md", "hidden folder\n");
	tu_write(c, ".trash/old.md", "hidden folder\n");
	tu_write(c, "_site/index.md", "site\n");
	tu_write(c, "_private/x.md", "underscore folder\n");
	tu_write(c, "kith.yaml.md", "a note after all\n");
	tu_assert_str(walk(c),
	    "B.MD\n"
	    "a.md\n"
	    "c.Md\n"
	    "deep/x/y/z.md\n"
	    "folder.md/inner.md\n"
	    "kith.yaml.md\n"
	    "notes/d.md\n");
}

static void
ignore_globs_from_config(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml",
	    "ignore:\n"
	    "  - \"templates/**\"\n"
	    "  - archive\n"
	    "  - \"**/scratch-*.md\"\n"
	    "  - \"people/[xy]*.md\"\n");
	tu_write(c, "templates/person.md", "t\n");
	tu_write(c, "templates/sub/meeting.md", "t\n");
	tu_write(c, "archive/2019.md", "old\n");
	tu_write(c, "archive/deeper/2018.md", "old\n");
	tu_write(c, "archived.md", "kept\n");
	tu_write(c, "notes/archive/kept.md", "kept: not at the root\n");
	tu_write(c, "notes/scratch-1.md", "ignored\n");
	tu_write(c, "scratch-2.md", "ignored\n");
	tu_write(c, "people/xavier.md", "ignored\n");
	tu_write(c, "people/yuki.md", "ignored\n");
	tu_write(c, "people/zoe.md", "kept\n");
	tu_assert_str(walk(c),
	    "archived.md\n"
	    "notes/archive/kept.md\n"
	    "people/zoe.md\n");
}

static void
ignore_one_glob_as_scalar(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "ignore: drafts/\n");
	tu_write(c, "drafts/a.md", "ignored\n");
	tu_write(c, "b.md", "kept\n");
	tu_assert_str(walk(c), "b.md\n");
}

static void
site_folder_is_not_read(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "kith.yaml", "site: public/\n");
	tu_write(c, "public/index.md", "written by kith site\n");
	tu_write(c, "public/people/a.md", "written by kith site\n");
	tu_write(c, "notes/public/kept.md", "kept\n");
	tu_write(c, "public.md", "kept\n");
	tu_assert_str(walk(c), "notes/public/kept.md\npublic.md\n");
}

static void
symlinks(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "notes/a.md", "a\n");
	tu_write(c, "elsewhere.txt", "a file that is not a note\n");
	symlink_in(c, "notes", "linked");		/* folder: not followed */
	symlink_in(c, "..", "notes/up");		/* a loop */
	symlink_in(c, "/tmp", "tmp");			/* outside the root */
	symlink_in(c, "notes/a.md", "alias.md");	/* file: read */
	symlink_in(c, "elsewhere.txt", "other.md");	/* file: read */
	symlink_in(c, "nowhere.md", "dead.md");	/* listed, reported later */
	symlink_in(c, "a.md", "notes/link-to-dir.txt");	/* not .md */
	tu_assert_str(walk(c),
	    "alias.md\n"
	    "dead.md\n"
	    "notes/a.md\n"
	    "other.md\n");
}

/* A link to a file outside the journal is not a note, unless kith.yaml
 * says follow_symlinks: yes (issue 18: /etc/passwd became a page); a link
 * to a note inside it is one. */
static void
symlinks_out_of_the_journal(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "notes/a.md", "a\n");
	tu_mkdirs(c, "people/");
	symlink_in(c, "/etc/passwd", "notes/passwd.md");
	symlink_in(c, "../notes/a.md", "people/a.md");
	tu_assert_str(walk(c), "notes/a.md\npeople/a.md\n");
	tu_assert_str(tu_diags(c),
	    "notes/passwd.md:1:1: warning: a symbolic link to a file outside "
	    "the journal: not read (follow_symlinks: yes in kith.yaml reads "
	    "it)\n");
	tu_write(c, "kith.yaml", "follow_symlinks: yes\n");
	tu_assert_str(walk(c), "notes/a.md\nnotes/passwd.md\npeople/a.md\n");
	tu_assert_str(tu_diags(c), "");
}

/* The same, end to end: the dangling link is one error, the rest is read. */
static void
symlinks_loaded(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "people/Jane Doe.md", "---\nname: Jane Doe\n---\n");
	symlink_in(c, "people", "folks");
	symlink_in(c, "people/Jane Doe.md", "Jane.md");
	symlink_in(c, "gone.md", "dead.md");
	tu_load(c, "2026-11-22");
	tu_assert_str(loaded(c), "Jane.md\ndead.md\npeople/Jane Doe.md\n");
	tu_assert_str(tu_diags(c),
	    "Jane.md:2:7: warning: name \"Jane Doe\" is also claimed by "
	    "people/Jane Doe.md\n"
	    "dead.md:1:1: error: cannot read: symbolic link to nothing\n"
	    "people/Jane Doe.md:2:7: warning: name \"Jane Doe\" is also "
	    "claimed by Jane.md\n");
	assert_true(tu_note(c, "dead.md")->skipped);
	assert_false(tu_note(c, "Jane.md")->skipped);
}

static void
sorted_by_path(void **state)
{
	tu_ctx *c = *state;
	static const char *const names[] = {
		"zeta.md", "Alpha.md", "alpha.md", "m/b.md", "m/a.md",
		"m-x.md", "m.md", "m/a/z.md", "_skip.md", "0.md", "m0.md",
		"m-x/y.md",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		tu_write(c, names[i], "x\n");
	/* byte order: '-' (0x2d) < '.' (0x2e) < '/' (0x2f) < digits < upper
	 * < lower; the walk enters each folder in that order of its path
	 * (m-x/ before m.md, m/ before m0.md) and sorts nothing after */
	tu_assert_str(walk(c),
	    "0.md\n"
	    "Alpha.md\n"
	    "alpha.md\n"
	    "m-x.md\n"
	    "m-x/y.md\n"
	    "m.md\n"
	    "m/a.md\n"
	    "m/a/z.md\n"
	    "m/b.md\n"
	    "m0.md\n"
	    "zeta.md\n");
	tu_load(c, "2026-11-22");
	tu_assert_str(loaded(c),
	    "0.md\nAlpha.md\nalpha.md\nm-x.md\nm-x/y.md\nm.md\nm/a.md\n"
	    "m/a/z.md\nm/b.md\nm0.md\nzeta.md\n");
}

static void
depth_limit(void **state)
{
	tu_ctx *c = *state;
	char rel[256] = "";
	char deep[512];
	int i;

	for (i = 1; i <= 64; i++)
		strcat(rel, "d/");
	snprintf(deep, sizeof(deep), "%sok.md", rel);
	tu_write(c, deep, "level 64\n");
	snprintf(deep, sizeof(deep), "%sd/too-deep.md", rel);
	tu_write(c, deep, "level 65\n");
	tu_load(c, "2026-11-22");
	assert_int_equal(c->j->nnotes, 1);
	snprintf(deep, sizeof(deep), "%sok.md", rel);
	assert_string_equal(c->j->notes[0]->path, deep);
	assert_int_equal(kith_journal_diag_count(c->j), 1);
	snprintf(deep, sizeof(deep), "%sd", rel);
	assert_string_equal(kith_journal_diag(c->j, 0)->file, deep);
	assert_string_equal(kith_journal_diag(c->j, 0)->message,
	    "folder nested deeper than 64 levels is not read");
	assert_int_equal(kith_journal_diag(c->j, 0)->level, KITH_WARNING);
}

static void
empty_journal(void **state)
{
	tu_ctx *c = *state;

	tu_assert_str(walk(c), "");
	tu_load(c, "2026-11-22");
	assert_int_equal(c->j->nnotes, 0);
	assert_int_equal(kith_journal_diag_count(c->j), 0);
	assert_int_equal(kith_journal_worst(c->j), KITH_CLEAN);
}

static void
root_that_cannot_be_read(void **state)
{
	tu_ctx *c = *state;
	kith_options o;
	kith_journal *j = (kith_journal *)&o;	/* must become NULL */

	memset(&o, 0, sizeof(o));
	o.root = tu_path(c, "missing");
	assert_int_equal(kith_journal_load(&o, &j), KITH_EJOURNAL);
	assert_null(j);
	tu_write(c, "file.md", "x\n");
	o.root = tu_path(c, "file.md");
	j = (kith_journal *)&o;
	assert_int_equal(kith_journal_load(&o, &j), KITH_EJOURNAL);
	assert_null(j);
}

/* Template folders, at any depth, in any case and with an ordinal, and a
 * Logseq graph's logseq/ folder are not read. */
static void
template_folders_and_logseq(void **state)
{
	tu_ctx *c = *state;

	tu_write(c, "Templates/Person.md", "t\n");
	tu_write(c, "Miscellaneous/Templates/Meeting.md", "t\n");
	tu_write(c, "00 Settings/20 Templates/Forms/x.md", "t\n");
	tu_write(c, "CRM/template/Contact.md", "t\n");
	tu_write(c, "logseq/bak/pages/a.md", "no graph: read\n");
	tu_write(c, "notes/Templates for talks.md", "a note\n");
	tu_assert_str(walk(c),
	    "logseq/bak/pages/a.md\n"
	    "notes/Templates for talks.md\n");
	tu_write(c, "logseq/config.edn", "{}\n");
	tu_write(c, "pages/b.md", "page\n");
	tu_assert_str(walk(c),
	    "notes/Templates for talks.md\n"
	    "pages/b.md\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(globs),
		TU_TEST(which_files_are_notes),
		TU_TEST(ignore_globs_from_config),
		TU_TEST(ignore_one_glob_as_scalar),
		TU_TEST(site_folder_is_not_read),
		TU_TEST(symlinks),
		TU_TEST(symlinks_out_of_the_journal),
		TU_TEST(symlinks_loaded),
		TU_TEST(sorted_by_path),
		TU_TEST(depth_limit),
		TU_TEST(empty_journal),
		TU_TEST(root_that_cannot_be_read),
		TU_TEST(template_folders_and_logseq),
	};

	return cmocka_run_group_tests_name("walk", tests, NULL, NULL);
}
