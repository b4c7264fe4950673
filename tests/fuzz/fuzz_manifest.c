/*
 * fuzz_manifest.c: libFuzzer harness for the site's output folder as
 * input (output.c): any bytes as .kith-manifest, in a folder with links,
 * a hard link and stale pages in it, and decoys around it.
 *
 * The first byte of the input chooses the scene (SCENE_* below); the rest
 * is the manifest.  kith opens the folder, looks it over, writes a few
 * pages and ends the run (a success or a failure, as the scene says).
 *
 * Properties: nothing outside the output folder changes (every name
 * around it, its type, a link's target and a file's SHA-256, compared
 * before and after, links never followed); every diagnostic is one
 * printable line at a line inside the manifest; after a run that
 * succeeded every page is in the folder, and a run that failed or was
 * refused leaves the folder as it was (but its manifest).
 */
#define _GNU_SOURCE	/* scandirat */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "site/site.h"
#include "props.h"

enum {
	SCENE_PEOPLE_LINK = 1 << 0,	/* out/people -> ../elsewhere/people */
	SCENE_PAGE_LINK = 1 << 1,	/* out/index.html -> ../decoy.html */
	SCENE_HARD_LINK = 1 << 2,	/* out/hard.html: ../victim.txt's */
	SCENE_TEMP_LINK = 1 << 3,	/* out/.kith-tmp-1-1 -> ../victim.txt */
	SCENE_STALE = 1 << 4,		/* out/meetings/old.html, a real page */
	SCENE_MANIFEST_LINK = 1 << 5,	/* out/.kith-manifest -> ../list */
	SCENE_FAILED = 1 << 6,		/* the run fails: nothing removed */
	SCENE_NOTES_LINK = 1 << 7	/* out/notes -> ../dir (empty) */
};

static const char *const pages[] = {
	"index.html", "site.css", "people/index.html", "people/a.html",
	"meetings/m.html", "notes/n.html",
};

#define NPAGES (sizeof(pages) / sizeof(pages[0]))

/* The folders and files around out/, and out/ with what the scene puts
 * in it. */
static void
make_scene(const char *root, unsigned scene, const uint8_t *data, size_t n)
{
	char from[4096], to[4096];

	must(tmp_write(root, "victim.txt", "not kith's\n", 11) == 0, "victim");
	must(tmp_write(root, "decoy.html", "a decoy\n", 8) == 0, "decoy");
	must(tmp_write(root, "elsewhere/people/a.html", "mine\n", 5) == 0,
	    "elsewhere");
	snprintf(from, sizeof(from), "%s/dir", root);	/* empty */
	must(mkdir(from, 0755) == 0, "dir");
	snprintf(from, sizeof(from), "%s/out", root);
	must(mkdir(from, 0755) == 0, "out");
	if (scene & SCENE_MANIFEST_LINK) {
		must(tmp_write(root, "list", (const char *)data, n) == 0, "list");
		link_at(root, "../list", "out/.kith-manifest");
	} else {
		must(tmp_write(root, "out/.kith-manifest", (const char *)data,
		    n) == 0, "manifest");
	}
	if (scene & SCENE_PEOPLE_LINK)
		link_at(root, "../elsewhere/people", "out/people");
	if (scene & SCENE_PAGE_LINK)
		link_at(root, "../decoy.html", "out/index.html");
	if (scene & SCENE_TEMP_LINK)
		link_at(root, "../victim.txt", "out/.kith-tmp-1-1");
	if (scene & SCENE_NOTES_LINK)
		link_at(root, "../dir", "out/notes");
	if (scene & SCENE_STALE)
		must(tmp_write(root, "out/meetings/old.html", "old\n", 4) == 0,
		    "stale");
	if (scene & SCENE_HARD_LINK) {
		snprintf(from, sizeof(from), "%s/victim.txt", root);
		snprintf(to, sizeof(to), "%s/out/hard.html", root);
		must(link(from, to) == 0, "hard link");
	}
}

typedef struct manifest_text {
	const uint8_t *data;
	size_t len;
} manifest_text;

static const char *
text_of(const char *path, size_t *len, void *userdata)
{
	const manifest_text *m = userdata;
	size_t n = strlen(path), k = strlen("/.kith-manifest");

	if (n < k || strcmp(path + n - k, "/.kith-manifest") != 0)
		return NULL;
	*len = m->len;
	return (const char *)m->data;
}

/* Writes the pages.  Returns 1 when every one was written. */
static int
write_pages(site_out *o)
{
	char *why = NULL;
	size_t i;

	for (i = 0; i < NPAGES; i++)
		if (site_out_write(o, pages[i], pages[i], strlen(pages[i]),
		    &why) != OUT_OK) {
			free(why);
			return 0;	/* refused or failed: fine, as long as
					 * nothing outside changed */
		}
	return 1;
}

/* After a run that succeeded, every page is in its folder. */
static void
check_pages(const char *root)
{
	char path[4096];
	struct stat st;
	size_t i;

	for (i = 0; i < NPAGES; i++) {
		snprintf(path, sizeof(path), "%s/out/%s", root, pages[i]);
		if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode) ||
		    (size_t)st.st_size != strlen(pages[i]))
			prop_fail("a page kith wrote is not in its folder",
			    pages[i], strlen(pages[i]));
	}
}

/* Opens out/, writes the pages and ends the run as the scene says.
 * Returns 1 when the run succeeded. */
static int
run_site(kith_journal *j, const char *out, unsigned scene)
{
	site_out *o = NULL;
	char *why = NULL;
	int written = 0, ok;

	if (site_out_open(j, out, &o, &why) == OUT_OK &&
	    site_out_claim(o, &why) == OUT_OK)
		written = write_pages(o);
	free(why);
	why = NULL;
	ok = written && !(scene & SCENE_FAILED);
	if (o != NULL && site_out_close(o, ok, &why) != OUT_OK)
		ok = 0;
	free(why);
	return ok;
}

static kith_journal *
load_journal(const char *journal)
{
	kith_options opts;
	kith_journal *j;

	memset(&opts, 0, sizeof(opts));
	opts.root = journal;
	if (kith_journal_load(&opts, &j) != KITH_OK)
		abort();
	return j;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *root, *journal;
	static kith_buf before = KITH_BUF_INIT, after = KITH_BUF_INIT;
	static kith_buf out_before = KITH_BUF_INIT, out_after = KITH_BUF_INIT;
	manifest_text m = { size ? data + 1 : data, size ? size - 1 : 0 };
	unsigned scene = size ? data[0] : 0;
	char out[4096];
	kith_journal *j;
	int ok;

	if (root == NULL) {
		root = tmp_folder("manifest");
		journal = tmp_folder("manifest-journal");
		must(tmp_write(journal, "kith.yaml", "owner: Me\n", 10) == 0,
		    "journal");
	}
	tmp_empty(root);
	make_scene(root, scene, m.data, m.len);
	snprintf(out, sizeof(out), "%s/out", root);
	take_snapshot(&before, root, "./out");
	take_snapshot(&out_before, out, "./.kith-manifest");
	j = load_journal(journal);
	ok = run_site(j, out, scene);
	prop_diags(j, text_of, &m);
	kith_journal_free(j);
	take_snapshot(&after, root, "./out");
	take_snapshot(&out_after, out, "./.kith-manifest");
	if (!same_text(&before, &after))
		prop_fail("something outside the output folder changed",
		    after.data, after.len);
	if (ok)
		check_pages(root);
	else if (!same_text(&out_before, &out_after))
		prop_fail("a run that failed left the folder changed",
		    out_after.data, out_after.len);
	return 0;
}
