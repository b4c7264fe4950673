/*
 * journal.c: the pipeline from a folder to a graph: walk the folder, then
 * for each note read it, split the front matter, type the fields and scan
 * the body; then resolve names into the graph.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

static note *
note_new(kith_journal *j, const char *path)
{
	const char *base, *dot;
	note *n;

	if ((n = arena_alloc(&j->mem, sizeof(*n))) == NULL)
		return NULL;
	if ((n->path = arena_strdup(&j->mem, path)) == NULL)
		return NULL;
	base = strrchr(n->path, '/');
	base = base ? base + 1 : n->path;
	dot = base + strlen(base) - 3;	/* the walk only lists *.md */
	if ((n->stem = arena_strndup(&j->mem, base, (size_t)(dot - base))) == NULL)
		return NULL;
	n->type = note_type_from_path(n->path);
	n->date.d = n->last_contact.d = n->met.d = n->snooze.d = KITH_NO_DATE;
	n->apply_by.d = n->due.d = n->last = KITH_NO_DATE;
	n->date.minutes = -1;
	return n;
}

static void
note_display(note *n)
{
	switch (n->type) {
	case NOTE_MEETING:
	case NOTE_GOAL:
		n->display = n->title.s ? n->title.s :
		    n->heading ? n->heading : n->stem;
		break;
	case NOTE_PLAIN:
		n->display = n->name.s ? n->name.s :
		    n->title.s ? n->title.s : n->stem;
		break;
	default:
		n->display = n->name.s ? n->name.s : n->stem;
	}
}

/* Keeps a copy of the body in the arena, padded as md4c needs it. */
static int
keep_body(kith_journal *j, note *n, const char *body, size_t len)
{
	char *copy;

	if ((copy = arena_alloc(&j->mem, len + 16)) == NULL)
		return -1;
	memcpy(copy, body, len);
	n->body = copy;
	n->body_len = len;
	return 0;
}

/* A note without front matter is typed as one with an empty mapping, so a
 * meeting without front matter is reported like one without a date. */
static const yval no_front_matter = { Y_MAP, { 1, 1 }, NULL, 0, NULL, 0 };

/* Reads and types one note.  Returns 0, or -1 when out of memory. */
static int
note_load(kith_journal *j, int rootfd, note *n)
{
	note_text text;
	front_matter fm;
	const yval *map;
	int rc;

	if ((rc = note_read(j, rootfd, n->path, &text)) != 0) {
		n->skipped = 1;
		note_display(n);
		return rc < 0 ? -1 : 0;
	}
	rc = 0;
	if (front_matter_split(j, n->path, text.data, text.len, &fm) != 0) {
		n->skipped = 1;
		goto out;
	}
	map = &no_front_matter;
	if (fm.yaml != NULL) {
		map = yaml_read(j, n->path, "front matter", fm.yaml,
		    fm.yaml_len, fm.yaml_line);
		if (map == NULL) {
			n->skipped = 1;
			rc = j->mem.oom ? -1 : 0;
			goto out;
		}
	}
	if ((rc = fields_apply(j, n, map)) < 0)
		goto out;
	if (!n->skipped)
		rc = body_scan(j, n, fm.body, fm.body_len, fm.body_line);
	if (rc == 0 && !n->skipped && j->keep_bodies)
		rc = keep_body(j, n, fm.body, fm.body_len);
out:
	note_display(n);
	free(text.data);
	return rc;
}

static int
notes_alloc(kith_journal *j, size_t n)
{
	j->cap = n + 64;
	if ((j->notes = calloc(j->cap, sizeof(*j->notes))) == NULL)
		return -1;
	return 0;
}

kith_status
kith_journal_load(const kith_options *opts, kith_journal **out)
{
	kith_journal *j;
	note_file *files = NULL;
	size_t nfiles = 0, i;
	kith_status st = KITH_ESYSTEM;
	int rootfd = -1, rc;
	note *n;

	*out = NULL;
	if ((j = calloc(1, sizeof(*j))) == NULL)
		return KITH_ESYSTEM;
	config_defaults(&j->cfg);
	j->today = opts->today;
	j->strict = opts->strict;
	j->keep_bodies = opts->keep_bodies;
	if ((j->root = arena_strdup(&j->mem, opts->root)) == NULL)
		goto err;
	rootfd = open(j->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0) {
		st = KITH_EJOURNAL;
		goto err;
	}
	if (config_load(j, rootfd) < 0)
		goto err;
	if ((rc = walk_journal(j, &files, &nfiles)) < 0) {
		st = rc == -2 ? KITH_EJOURNAL : KITH_ESYSTEM;
		goto err;
	}
	if (notes_alloc(j, nfiles) < 0)
		goto err;
	for (i = 0; i < nfiles; i++) {
		if ((n = note_new(j, files[i].path)) == NULL ||
		    note_load(j, rootfd, n) < 0)
			goto err;
		n->index = j->nnotes;
		j->notes[j->nnotes++] = n;
	}
	j->nnodes = j->nnotes;
	if (graph_build(j) < 0 || j->mem.oom || j->diag_oom)
		goto err;
	diag_sort(j);
	walk_free(files, nfiles);
	close(rootfd);
	*out = j;
	return KITH_OK;
err:
	walk_free(files, nfiles);
	if (rootfd >= 0)
		close(rootfd);
	kith_journal_free(j);
	return st;
}

void
kith_journal_free(kith_journal *j)
{
	if (j == NULL)
		return;
	graph_free(j->names);
	free(j->notes);
	free(j->edges);
	free(j->diags);
	arena_free(&j->mem);
	free(j);
}

const char *
kith_journal_site_dir(const kith_journal *j)
{
	return j->cfg.site;
}
