/*
 * test_site.c: the pieces of kith site: SHA-256 and base64, page names,
 * the output folder (whole files, manifest, refusals), strength and goals,
 * daily notes on a person's page and the heatmap.
 */
#include "testutil.h"

#include <dirent.h>
#include <sys/stat.h>
#include <time.h>

#include "site/site.h"

static void
sha256_known_answers(void **state)
{
	unsigned char h[32];
	char b64[48];

	(void)state;
	sha256("", 0, h);
	base64(h, 32, b64);
	assert_string_equal(b64, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
	sha256("abc", 3, h);
	base64(h, 32, b64);
	assert_string_equal(b64, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
	/* 56 bytes: the padding takes a second block */
	sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, h);
	base64(h, 32, b64);
	assert_string_equal(b64, "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
	base64((const unsigned char *)"ab", 2, b64);
	assert_string_equal(b64, "YWI=");
	base64((const unsigned char *)"a", 1, b64);
	assert_string_equal(b64, "YQ==");
}

static void
slugs(void **state)
{
	arena a = { NULL, 0 };

	(void)state;
	assert_string_equal(slug_of(&a, "Jane Doe"), "jane-doe");
	assert_string_equal(slug_of(&a, "Tomás Herrera"), "tomas-herrera");
	assert_string_equal(slug_of(&a, "Łukasz Żółć"), "lukasz-zolc");
	assert_string_equal(slug_of(&a, "Dan O'Brien"), "dan-obrien");
	assert_string_equal(slug_of(&a, "  ../../etc/passwd  "), "etc-passwd");
	assert_string_equal(slug_of(&a, "<script>"), "script");
	assert_string_equal(slug_of(&a, "index"), "index-page");
	assert_string_equal(slug_of(&a, "CON"), "con-page");
	/* nothing Latin left: a hash, stable */
	assert_string_equal(slug_of(&a, "王小明"), slug_of(&a, "王小明"));
	assert_int_equal(strncmp(slug_of(&a, "王小明"), "n-", 2), 0);
	assert_string_not_equal(slug_of(&a, "王小明"), slug_of(&a, "李雷"));
	assert_true(strlen(slug_of(&a, "a very long name indeed that goes on "
	    "and on and on and on past any sensible length")) <= 60);
	arena_free(&a);
}

static void
slugs_are_unique(void **state)
{
	arena a = { NULL, 0 };
	slug_set *s = slug_set_new();

	(void)state;
	assert_non_null(s);
	assert_string_equal(slug_unique(s, &a, "Jane Doe"), "jane-doe");
	assert_string_equal(slug_unique(s, &a, "jane doe"), "jane-doe-2");
	assert_string_equal(slug_unique(s, &a, "JANE DOE"), "jane-doe-3");
	assert_string_equal(slug_unique(s, &a, "Jane Doe 2"), "jane-doe-2-2");
	/* a name whose slug is a suffixed one, then more of the first */
	assert_string_equal(slug_unique(s, &a, "Ann"), "ann");
	assert_string_equal(slug_unique(s, &a, "Ann 3"), "ann-3");
	assert_string_equal(slug_unique(s, &a, "ann"), "ann-2");
	assert_string_equal(slug_unique(s, &a, "ANN"), "ann-4");
	assert_string_equal(slug_unique(s, &a, "Ann 3"), "ann-3-2");
	slug_set_free(s);
	arena_free(&a);
}

/* Many equal names: every slug distinct, numbered in order. */
static void
slugs_of_many_equal_names(void **state)
{
	arena a = { NULL, 0 };
	slug_set *s = slug_set_new();
	char want[32];
	int i;

	(void)state;
	assert_non_null(s);
	assert_string_equal(slug_unique(s, &a, "Sam"), "sam");
	for (i = 2; i <= 5000; i++) {
		snprintf(want, sizeof(want), "sam-%d", i);
		assert_string_equal(slug_unique(s, &a, "Sam"), want);
	}
	slug_set_free(s);
	arena_free(&a);
}

static char *
read_text(tu_ctx *c, const char *rel)
{
	char path[4096], *text;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s", c->root, rel);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = tu_keep(c, tu_malloc((size_t)n + 1));
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	text[n] = '\0';
	fclose(f);
	return text;
}

static unsigned
file_mode(tu_ctx *c, const char *rel)
{
	struct stat st;

	assert_int_equal(stat(tu_path(c, rel), &st), 0);
	return (unsigned)st.st_mode & 0777;
}

static unsigned
umask_now(void)
{
	mode_t m = umask(022);

	umask(m);
	return (unsigned)m;
}

/* The names in a folder, but for . and .. */
static int
entries(tu_ctx *c, const char *rel)
{
	DIR *d = opendir(tu_path(c, rel));
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static int
exists(tu_ctx *c, const char *rel)
{
	struct stat st;

	return lstat(tu_path(c, rel), &st) == 0;
}

/* The journal of the output folder's tests (journal/, loaded once): its
 * diagnostics hold the warnings about manifests. */
static kith_journal *
out_journal(tu_ctx *c)
{
	kith_options opts;

	if (c->j == NULL) {
		memset(&opts, 0, sizeof(opts));
		opts.root = tu_path(c, "journal");
		assert_int_equal(kith_journal_load(&opts, &c->j), KITH_OK);
	}
	return c->j;
}

static site_out *
open_out(tu_ctx *c, const char *rel, out_status want, const char *why_has)
{
	site_out *o = NULL;
	char *why = NULL;

	assert_int_equal(site_out_open(out_journal(c), tu_path(c, rel),
	    &o, &why), want);
	if (want == OUT_OK && site_out_claim(o, &why) != OUT_OK)
		fail_msg("site_out_claim: %s", why ? why : "failed");
	if (why_has != NULL) {
		assert_non_null(why);
		if (strstr(why, why_has) == NULL)
			fail_msg("\"%s\" does not say \"%s\"", why, why_has);
	}
	free(why);
	return o;
}

static void
put(site_out *o, const char *rel, const char *text)
{
	char *why = NULL;

	assert_int_equal(site_out_write(o, rel, text, strlen(text), &why), OUT_OK);
	assert_null(why);
}

static void
done(site_out *o)
{
	char *why = NULL;

	assert_int_equal(site_out_close(o, 1, &why), OUT_OK);
	assert_null(why);
}

static void
output_writes_whole_files_and_a_manifest(void **state)
{
	tu_ctx *c = *state;
	site_out *o;

	tu_write(c, "journal/kith.yaml", "");
	o = open_out(c, "out", OUT_OK, NULL);
	put(o, "index.html", "home");
	put(o, "people/a.html", "A");
	assert_int_equal(site_out_written(o), 2);
	done(o);
	assert_string_equal(read_text(c, "out/index.html"), "home");
	assert_string_equal(read_text(c, "out/people/a.html"), "A");
	assert_string_equal(read_text(c, "out/.kith-manifest"),
	    "# kith site: the files kith wrote here; kith removes only these\n"
	    "index.html\npeople/\npeople/a.html\n");
	/* new files are written without a name first (O_TMPFILE, where
	 * there is one): they end up with the mode of any other file, and
	 * nothing else is left in the folders */
	assert_int_equal(file_mode(c, "out/index.html"), 0644 & ~umask_now());
	assert_int_equal(file_mode(c, "out/people/a.html"),
	    0644 & ~umask_now());
	assert_int_equal(entries(c, "out"), 3);
	assert_int_equal(entries(c, "out/people"), 1);
}

static void
output_rebuild_keeps_unchanged_files_and_removes_stale_ones(void **state)
{
	tu_ctx *c = *state;
	struct stat before, after;
	site_out *o;

	tu_write(c, "journal/kith.yaml", "");
	o = open_out(c, "out", OUT_OK, NULL);
	put(o, "index.html", "home");
	put(o, "people/a.html", "A");
	put(o, "gone/b.html", "B");
	done(o);
	assert_int_equal(stat(tu_path(c, "out/index.html"), &before), 0);
	/* make an unchanged rewrite visible: age the file */
	{
		struct timespec old[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

		assert_int_equal(utimensat(AT_FDCWD, tu_path(c, "out/index.html"),
		    old, 0), 0);
	}
	o = open_out(c, "out", OUT_OK, NULL);
	put(o, "index.html", "home");
	put(o, "people/a.html", "A, changed");
	assert_int_equal(site_out_written(o), 1);
	assert_int_equal(site_out_unchanged(o), 1);
	done(o);
	assert_int_equal(stat(tu_path(c, "out/index.html"), &after), 0);
	assert_int_equal(after.st_mtim.tv_sec, 1000000000);
	assert_string_equal(read_text(c, "out/people/a.html"), "A, changed");
	assert_false(exists(c, "out/gone/b.html"));
	assert_false(exists(c, "out/gone"));
	(void)before;
}

static void
output_refuses_foreign_files_symlinks_and_the_journal(void **state)
{
	tu_ctx *c = *state;
	site_out *o;

	tu_write(c, "journal/kith.yaml", "");
	tu_write(c, "mine/notes.txt", "not kith's");
	open_out(c, "mine", OUT_REFUSED, "notes.txt, which kith did not write");
	assert_string_equal(read_text(c, "mine/notes.txt"), "not kith's");
	assert_int_equal(symlink(tu_path(c, "elsewhere"), tu_path(c, "link")), 0);
	open_out(c, "link", OUT_REFUSED, "symbolic link");
	open_out(c, "journal", OUT_REFUSED, "the journal itself");
	/* a folder kith wrote, then someone added a file to it */
	o = open_out(c, "out", OUT_OK, NULL);
	put(o, "people/a.html", "A");
	done(o);
	tu_write(c, "out/people/mine.txt", "mine");
	open_out(c, "out", OUT_REFUSED, "people/mine.txt");
	assert_true(exists(c, "out/people/mine.txt"));
}

static void
set_mtime(tu_ctx *c, const char *rel, time_t when)
{
	struct timespec t[2] = { { when, 0 }, { when, 0 } };

	assert_int_equal(utimensat(AT_FDCWD, tu_path(c, rel), t, 0), 0);
}

/* A folder that looks as the last run left it is not listed at open; a
 * file dropped in without moving its folder's time (here: the manifest
 * touched after it) is still found before anything is written there. */
static void
output_claim_lists_a_settled_folder_before_writing(void **state)
{
	tu_ctx *c = *state;
	site_out *o = NULL;
	char *why = NULL;
	size_t pages = 0;

	tu_write(c, "journal/kith.yaml", "");
	o = open_out(c, "out", OUT_OK, NULL);
	site_out_inputs(o, "f1", 1);
	put(o, "people/a.html", "A");
	done(o);
	tu_write(c, "out/people/mine.txt", "mine");
	set_mtime(c, "out/.kith-manifest", time(NULL) + 1000);
	assert_int_equal(site_out_open(out_journal(c), tu_path(c, "out"),
	    &o, &why), OUT_OK);
	assert_null(why);
	assert_int_equal(site_out_write(o, "people/b.html", "B", 1, &why),
	    OUT_FAILED);
	free(why);
	why = NULL;
	assert_int_equal(site_out_claim(o, &why), OUT_REFUSED);
	assert_non_null(strstr(why, "people/mine.txt"));
	free(why);
	why = NULL;
	assert_int_equal(site_out_close(o, 0, &why), OUT_OK);
	assert_false(exists(c, "out/people/b.html"));
	assert_string_equal(read_text(c, "out/people/mine.txt"), "mine");
	/* without it, and a manifest older than the folder: not fresh */
	assert_int_equal(unlink(tu_path(c, "out/people/mine.txt")), 0);
	set_mtime(c, "out/.kith-manifest", 1000000000);
	o = open_out(c, "out", OUT_OK, NULL);
	assert_false(site_out_fresh(o, "f1", &pages));
	site_out_inputs(o, "f2", 1);
	put(o, "people/a.html", "A");
	done(o);
	/* settled again: fresh for the same inputs only */
	o = open_out(c, "out", OUT_OK, NULL);
	assert_false(site_out_fresh(o, "f1", &pages));
	assert_true(site_out_fresh(o, "f2", &pages));
	assert_int_equal(pages, 1);
	assert_int_equal(site_out_close(o, 0, &why), OUT_OK);
}

static void
output_failure_keeps_the_old_site(void **state)
{
	tu_ctx *c = *state;
	site_out *o;
	char *why = NULL;

	tu_write(c, "journal/kith.yaml", "");
	o = open_out(c, "out", OUT_OK, NULL);
	put(o, "index.html", "old");
	put(o, "a.html", "old a");
	done(o);
	/* a run that fails half-way (a full disk) leaves the last good
	 * site: nothing of it removed or changed, nothing of the run left,
	 * its new folder neither, the manifest without its records */
	o = open_out(c, "out", OUT_OK, NULL);
	put(o, "index.html", "new");
	put(o, "people/b.html", "new b");
	assert_int_equal(site_out_close(o, 0, &why), OUT_OK);
	assert_string_equal(read_text(c, "out/a.html"), "old a");
	assert_string_equal(read_text(c, "out/index.html"), "old");
	assert_false(exists(c, "out/people"));
	assert_int_equal(entries(c, "out"), 3);
	assert_string_equal(read_text(c, "out/.kith-manifest"),
	    "# kith site: the files kith wrote here; kith removes only these\n"
	    "a.html\nindex.html\n");
	/* and the next run may write there again */
	o = open_out(c, "out", OUT_OK, NULL);
	done(o);
}

/* What interrupted runs leave: a manifest whose last record was cut short
 * (a full disk), a "# being written" record of a file never made, stale
 * entries, and temporary files.  The next run accepts the folder, appends
 * on a line of its own, and once it succeeds leaves only its own files. */
static void
output_cleans_up_after_interrupted_runs(void **state)
{
	tu_ctx *c = *state;
	site_out *o;

	tu_write(c, "journal/kith.yaml", "");
	tu_write(c, "out/.kith-manifest",
	    "# kith site: the files kith wrote here; kith removes only these\n"
	    "index.html\npeople/\npeople/a.html\n"
	    "# being written\npeople/b.html\n"
	    "# stale: kith is removing these\nold.html\n"
	    "people/c.ht");
	tu_write(c, "out/index.html", "home");
	tu_write(c, "out/people/a.html", "A");
	tu_write(c, "out/.kith-tmp-123-4", "half a page");
	tu_write(c, "out/people/.kith-tmp-123-5", "half a page");
	o = open_out(c, "out", OUT_OK, NULL);
	put(o, "index.html", "home");
	put(o, "notes/n.html", "N");
	assert_string_equal(read_text(c, "out/.kith-manifest"),
	    "# kith site: the files kith wrote here; kith removes only these\n"
	    "index.html\npeople/\npeople/a.html\n"
	    "# being written\npeople/b.html\n"
	    "# stale: kith is removing these\nold.html\n"
	    "people/c.ht\n"
	    "# being written\nnotes/\nnotes/n.html\n");
	done(o);
	assert_string_equal(read_text(c, "out/.kith-manifest"),
	    "# kith site: the files kith wrote here; kith removes only these\n"
	    "index.html\nnotes/\nnotes/n.html\n");
	assert_false(exists(c, "out/.kith-tmp-123-4"));
	assert_false(exists(c, "out/people/.kith-tmp-123-5"));
	assert_false(exists(c, "out/people/a.html"));
	assert_false(exists(c, "out/people"));
}

/* The manifest is input: a line that is not a page below the folder is
 * ignored with a warning at it, and nothing it names outside the folder,
 * nor anything that is no longer a regular file, is removed (issue 18). */
static void
output_manifest_lines_outside_the_folder(void **state)
{
	tu_ctx *c = *state;
	site_out *o;

	tu_write(c, "journal/kith.yaml", "");
	tu_write(c, "victim.txt", "not kith's");
	tu_mkdirs(c, "dir/");	/* an empty folder */
	tu_write(c, "out/.kith-manifest",
	    "# kith site: the files kith wrote here; kith removes only these\n"
	    "../victim.txt\n../dir/\npeople/../../victim.txt\n"
	    "/etc/hostname\n.kith-manifest\nnotes.md\nold.html\n");
	tu_write(c, "out/old.html", "a stale page");
	o = open_out(c, "out", OUT_OK, NULL);
	put(o, "index.html", "home");
	done(o);
	assert_string_equal(read_text(c, "victim.txt"), "not kith's");
	assert_true(exists(c, "dir"));
	assert_false(exists(c, "out/old.html"));
	assert_int_equal(kith_journal_diag_count(c->j), 6);
	assert_int_equal(kith_journal_diag(c->j, 0)->line, 2);
	assert_int_equal(kith_journal_diag(c->j, 0)->level, KITH_WARNING);
	assert_string_equal(kith_journal_diag(c->j, 0)->message,
	    "\"../victim.txt\" is not a file kith writes (a page below the "
	    "folder): the line is ignored");
	assert_int_equal(kith_journal_diag(c->j, 5)->line, 7);
	assert_non_null(strstr(kith_journal_diag(c->j, 0)->file,
	    "/out/.kith-manifest"));
}

/* Two runs into one folder at once: the second is refused. */
static void
output_one_run_at_a_time(void **state)
{
	tu_ctx *c = *state;
	site_out *o;

	tu_write(c, "journal/kith.yaml", "");
	o = open_out(c, "out", OUT_OK, NULL);
	open_out(c, "out", OUT_REFUSED, "another kith is writing");
	done(o);
	o = open_out(c, "out", OUT_OK, NULL);
	done(o);
}

static void
strength_decays(void **state)
{
	tu_ctx *c = *state;

	tu_fm(c, "people/A.md", "name: A\n");
	tu_fm(c, "people/B.md", "name: B\n");
	tu_fm(c, "people/C.md", "name: C\nlast_contact: 2026-11-22\n");
	tu_fm(c, "meetings/1.md", "date: 2026-11-20\nwith: A\nkind: coffee\n");
	tu_fm(c, "meetings/2.md", "date: 2026-11-21\nwith: A\nkind: coffee\n");
	tu_fm(c, "meetings/3.md", "date: 2026-11-22\nwith: A\nkind: call\n");
	tu_fm(c, "meetings/4.md", "date: 2026-05-26\nwith: B\nkind: coffee\n"
	    "gave: [an intro]\n");
	tu_fm(c, "meetings/5.md", "date: 2026-12-01\nwith: B\n");
	tu_load(c, "2026-11-22");
	/* three meetings now: 100 * (1 - e^-1.5) = 78 */
	assert_int_equal(person_strength(tu_note(c, "people/A.md"),
	    c->today), 78);
	/* one and a half, 180 days ago: 1.5 * 0.5 = 0.75 -> 31; the
	 * scheduled meeting does not count */
	assert_int_equal(person_strength(tu_note(c, "people/B.md"),
	    c->today), 31);
	/* last_contact today: 0.5 -> 22 */
	assert_int_equal(person_strength(tu_note(c, "people/C.md"),
	    c->today), 22);
}

static void
goals_count(void **state)
{
	tu_ctx *c = *state;
	kith_journal *j;
	goal_progress p;

	tu_fm(c, "people/R.md", "tags: [Recruiter]\nmet: 2026-10-02\n"
	    "company: Acme\n");
	tu_fm(c, "people/S.md", "met: 2025-01-01\n");
	tu_fm(c, "meetings/1.md", "date: 2026-10-05\nwith: R\nkind: call\n"
	    "gave: [a, b]\n");
	tu_fm(c, "meetings/2.md", "date: 2026-11-01\nwith: [R, S]\n"
	    "kind: coffee\nthanked: yes\n");
	tu_fm(c, "meetings/3.md", "date: 2026-12-01\nwith: R\n");
	tu_fm(c, "goals/a.md", "type: goal\ntarget: 5\n"
	    "counts: meetings with tag recruiter\n");
	tu_fm(c, "goals/b.md", "type: goal\ntarget: 5\n"
	    "counts: new people since 2026-10-01\n");
	tu_fm(c, "goals/c.md", "type: goal\ntarget: 5\ndue: 2026-10-31\n"
	    "counts: meetings\n");
	tu_fm(c, "goals/d.md", "type: goal\ntarget: 5\ncounts: gives at Acme\n");
	tu_fm(c, "goals/e.md", "type: goal\ntarget: 5\n"
	    "counts: meetings kind coffee\n");
	tu_fm(c, "goals/f.md", "type: goal\ntarget: 5\ncounts: thank-yous\n");
	tu_fm(c, "goals/g.md", "type: goal\ntarget: 5\ncounts: hugs\n");
	j = tu_load(c, "2026-11-22");
	p = goal_measure(j, tu_note(c, "goals/a.md"), c->today);
	assert_true(p.valid);
	assert_int_equal(p.count, 2);	/* not the scheduled one */
	assert_int_equal(p.target, 5);
	assert_int_equal(goal_measure(j, tu_note(c, "goals/b.md"),
	    c->today).count, 1);
	assert_int_equal(goal_measure(j, tu_note(c, "goals/c.md"),
	    c->today).count, 1);
	assert_int_equal(goal_measure(j, tu_note(c, "goals/d.md"),
	    c->today).count, 2);
	assert_int_equal(goal_measure(j, tu_note(c, "goals/e.md"),
	    c->today).count, 1);
	assert_int_equal(goal_measure(j, tu_note(c, "goals/f.md"),
	    c->today).count, 1);
	assert_false(goal_measure(j, tu_note(c, "goals/g.md"),
	    c->today).valid);
	assert_non_null(strstr(tu_diags(c), "goals/g.md:4:9: error: counts: "
	    "cannot read \"hugs\""));
}

/* The page rel of the site of the journal (c->root) on today, as text. */
static const char *
site_page(tu_ctx *c, const char *today, const char *rel)
{
	kith_options o;
	kith_site_result res;
	char *why = NULL, path[64];

	kith_journal_free(c->j);
	c->j = NULL;
	memset(&o, 0, sizeof(o));
	o.root = c->root;
	o.keep_bodies = 1;
	assert_int_equal(kith_journal_load(&o, &c->j), KITH_OK);
	if (kith_site_write(c->j, tu_date(today), tu_path(c, "_site"), &res,
	    &why) != KITH_OK)
		fail_msg("kith_site_write: %s", why ? why : "failed");
	free(why);
	snprintf(path, sizeof(path), "_site/%s", rel);
	return read_text(c, path);
}

/* What a page holds, or the test fails saying what it holds instead. */
static void
page_has(const char *page, const char *want)
{
	if (page == NULL || strstr(page, want) == NULL)
		fail_msg("the page does not hold \"%s\"", want);
}

/* A day a daily note links a person is in their timeline (by date, among
 * the meetings, with the lines that link them) and a contact on the
 * heatmap, once a day whatever else says it. */
static void
daily_notes_on_the_site(void **state)
{
	tu_ctx *c = *state;
	char longline[600];
	const char *page, *daily7, *meeting, *daily5;
	size_t i, n;

	tu_fm(c, "people/Ann Quill.md", "cadence: 30d\n");
	tu_fm(c, "meetings/2026-11-05 lunch.md", "date: 2026-11-05\n"
	    "with: Ann Quill\n");
	/* front matter first: the lines are the file's; CRLF line ends */
	n = (size_t)snprintf(longline, sizeof(longline), "---\ntags: [day]\n"
	    "---\nA quiet day.\r\n- [[Ann Quill]] and [[Ann Quill]] again\r\n"
	    "\t- ## about [[Ann Quill|Ann]]\r\n[[Ann Quill]] ");
	for (i = 0; i < 150; i++)	/* 300 bytes of é */
		n += (size_t)snprintf(longline + n, sizeof(longline) - n,
		    "\xc3\xa9");
	snprintf(longline + n, sizeof(longline) - n, "\r\nNo one here.\r\n");
	tu_write(c, "Daily/2026-11-05.md", longline);
	tu_write(c, "Daily/2026-11-07.md", "- Call with [[Ann Quill]]\n");
	tu_write(c, "Daily/2026-11-30.md", "- Lunch with [[Ann Quill]]\n");

	page = site_page(c, "2026-11-22", "people/ann-quill.html");
	page_has(page, "<p class=\"counts\">1 meeting and 2 daily notes, the "
	    "first on 5 Nov, the last on 7 Nov.</p>");
	page_has(page, "<dt>Last contact</dt><dd>2026-11-07</dd>");
	daily7 = strstr(page, "Daily note, 7 Nov");
	meeting = strstr(page, "<article class=\"meeting\">");
	daily5 = strstr(page, "Daily note, 5 Nov");
	assert_non_null(daily7);
	assert_non_null(meeting);
	assert_non_null(daily5);
	assert_true(daily7 < meeting && meeting < daily5);
	assert_null(strstr(page, "Daily note, 30 Nov"));
	page_has(page, "<a href=\"../notes/2026-11-05.html\">Daily note, 5 "
	    "Nov</a></p><ul class=\"lines\"><li><a class=\"wikilink\" href=\""
	    "../people/ann-quill.html\">Ann Quill</a> and <a class=\"wikilink\" "
	    "href=\"../people/ann-quill.html\">Ann Quill</a> again</li><li>about "
	    "<a class=\"wikilink\" href=\"../people/ann-quill.html\">Ann</a>"
	    "</li><li>");
	/* the long line: cut at 240 bytes, between two characters */
	page_has(page, "Ann Quill</a> \xc3\xa9");
	page_has(page, "\xc3\xa9\xe2\x80\xa6</li></ul></article>");
	assert_null(strstr(page, "No one here"));
	assert_null(strstr(page, "\r"));

	page = read_text(c, "_site/index.html");
	page_has(page, "<h2>Contacts in the last year: 2</h2>");
	page_has(page, "1 meeting and 1 daily-note contact");
	page_has(page, "<title>2026-11-05: 1 contact</title>");
	page_has(page, "<title>2026-11-07: 1 contact</title>");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_known_answers),
		cmocka_unit_test(slugs),
		cmocka_unit_test(slugs_are_unique),
		cmocka_unit_test(slugs_of_many_equal_names),
		TU_TEST(output_writes_whole_files_and_a_manifest),
		TU_TEST(output_rebuild_keeps_unchanged_files_and_removes_stale_ones),
		TU_TEST(output_refuses_foreign_files_symlinks_and_the_journal),
		TU_TEST(output_claim_lists_a_settled_folder_before_writing),
		TU_TEST(output_failure_keeps_the_old_site),
		TU_TEST(output_cleans_up_after_interrupted_runs),
		TU_TEST(output_one_run_at_a_time),
		TU_TEST(output_manifest_lines_outside_the_folder),
		TU_TEST(strength_decays),
		TU_TEST(goals_count),
		TU_TEST(daily_notes_on_the_site),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
