/*
 * fuzz_outdir.c: libFuzzer harness for the resolution of the site's
 * output folder from kith.yaml (site_out_open() with no -o): any bytes
 * as the value of site:, in a journal with links to folders outside it
 * and a link inside one of its own folders.
 *
 * Property: nothing outside the journal changes (every name around it,
 * its type, a link's target and a file's SHA-256, compared before and
 * after, links never followed), whatever site: says and whether kith
 * accepts, refuses or fails; and the journal's own links stay as they
 * were.  Every diagnostic is one printable line (prop_diags()).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "site/site.h"
#include "props.h"

/* root/journal with its notes and kith.yaml (site: the input), links out
 * of it, and the folders they lead to. */
static void
make_scene(const char *root, const uint8_t *data, size_t n)
{
	kith_buf yaml = KITH_BUF_INIT;

	must(tmp_write(root, "outside/victim.txt", "not kith's\n", 11) == 0,
	    "outside");
	must(tmp_write(root, "empty/.keep", "", 0) == 0, "empty");
	must(tmp_write(root, "journal/people/Ann.md", "---\nmet: 2026-01-01\n"
	    "---\n", 24) == 0, "note");
	must(tmp_write(root, "journal/notes/n.md", "[[Ann]]\n", 8) == 0, "note");
	link_at(root, "../outside", "journal/escape");
	link_at(root, "../empty", "journal/link-to-empty");
	link_at(root, "../../outside", "journal/notes/inner");
	link_at(root, "/", "journal/root");
	buf_puts(&yaml, "owner: Me\nsite: ");
	buf_put(&yaml, (const char *)data, n);
	buf_putc(&yaml, '\n');
	must(!yaml.oom && tmp_write(root, "journal/kith.yaml", yaml.data,
	    yaml.len) == 0, "kith.yaml");
	buf_free(&yaml);
}

/* Opens the site: folder, writes one page and ends the run. */
static void
run_site(kith_journal *j)
{
	site_out *o = NULL;
	char *why = NULL;
	int ok = 0;

	if (site_out_open(j, NULL, &o, &why) == OUT_OK &&
	    site_out_claim(o, &why) == OUT_OK)
		ok = site_out_write(o, "index.html", "hi\n", 3, &why) == OUT_OK;
	free(why);
	why = NULL;
	if (o != NULL)
		site_out_close(o, ok, &why);
	free(why);
}

/* The lines of a snapshot that are links: their mode is 120xxx (a
 * folder kith made may have " -> " in its name). */
static void
links_of(const kith_buf *snap, kith_buf *out)
{
	const char *p = snap->data ? snap->data : "", *end;

	buf_reset(out);
	for (; *p; p = *end ? end + 1 : end) {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		if (strncmp(p, "120", 3) == 0)
			buf_put(out, p, (size_t)(end - p + (*end != '\0')));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *root;
	static kith_buf before = KITH_BUF_INIT, after = KITH_BUF_INIT;
	static kith_buf inside = KITH_BUF_INIT, links_before = KITH_BUF_INIT;
	static kith_buf links_after = KITH_BUF_INIT;
	char journal[4096];
	kith_options opts;
	kith_journal *j;

	if (root == NULL)
		root = tmp_folder("outdir");
	tmp_empty(root);
	make_scene(root, data, size);
	snprintf(journal, sizeof(journal), "%s/journal", root);
	take_snapshot(&before, root, "./journal");
	take_snapshot(&inside, journal, "");
	links_of(&inside, &links_before);
	memset(&opts, 0, sizeof(opts));
	opts.root = journal;
	if (kith_journal_load(&opts, &j) != KITH_OK)
		abort();
	run_site(j);
	prop_diags(j, NULL, NULL);
	kith_journal_free(j);
	take_snapshot(&after, root, "./journal");
	if (!same_text(&before, &after))
		prop_fail("something outside the journal changed", after.data,
		    after.len);
	take_snapshot(&inside, journal, "");
	links_of(&inside, &links_after);
	if (!same_text(&links_before, &links_after))
		prop_fail("a link in the journal changed", links_after.data,
		    links_after.len);
	return 0;
}
