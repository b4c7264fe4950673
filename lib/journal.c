/*
 * journal.c: the pipeline from a folder to a graph: walk the folder, then
 * for each note read it, split the front matter, type the fields and scan
 * the body; then resolve names into the graph.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* Starts a note for a path (typed by its folder) in n, a whole struct
 * note; its strings go to the journal's arena.  Returns 0, or -1 when out
 * of memory. */
int
note_start(kith_journal *j, note *n, const char *path)
{
	const char *base, *dot;

	memset(n, 0, sizeof(*n));
	if ((n->path = arena_strdup(&j->mem, path)) == NULL)
		return -1;
	base = strrchr(n->path, '/');
	base = base ? base + 1 : n->path;
	dot = base + strlen(base) - 3;	/* the walk only lists *.md */
	if ((n->stem = arena_strndup(&j->mem, base, (size_t)(dot - base))) == NULL)
		return -1;
	n->type = note_type_from_path(n->path);
	n->date.d = n->last_contact.d = n->met.d = n->snooze.d = KITH_NO_DATE;
	n->apply_by.d = n->due.d = n->last = KITH_NO_DATE;
	n->date.minutes = -1;
	return 0;
}

/* The note n, read and typed, kept in the journal's arena in the bytes
 * its type takes (note_size()); NULL when out of memory. */
note *
note_keep(kith_journal *j, const note *n)
{
	size_t size = note_size(n->type);
	note *kept;

	if ((kept = arena_alloc_fenced(&j->mem, size)) == NULL)
		return NULL;
	memcpy(kept, n, size);
	return kept;
}

note *
journal_note_at(const kith_journal *j, const char *path)
{
	size_t lo = 0, hi = j->nnotes, mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(j->notes[mid]->path, path);
		if (c == 0)
			return j->notes[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
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

/* Types one note from its text (as note_read() makes it: newline-ended,
 * padded); its front matter's tree lives in scratch, which the caller
 * resets.  Returns 0, or -1 when out of memory. */
int
note_from_text(kith_journal *j, arena *scratch, note *n, const char *text,
    size_t len)
{
	front_matter fm;
	const yval *map;
	int rc = 0;

	if (j->keep_bodies)
		n->text_hash = bytes_hash(text, len);

	if (front_matter_split(j, n->path, text, len, &fm) != 0) {
		n->skipped = 1;
		goto out;
	}
	map = &no_front_matter;
	if (fm.yaml != NULL) {
		map = yaml_read(j, scratch, n->path, "front matter", fm.yaml,
		    fm.yaml_len, fm.yaml_line);
		if (map == NULL) {
			n->skipped = 1;
			rc = scratch->oom ? -1 : 0;
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
	return rc;
}

/* Reads and types one note.  Returns 0, or -1 when out of memory. */
static int
note_load(kith_journal *j, arena *scratch, int rootfd, note *n)
{
	note_text text;
	int rc;

	if ((rc = note_read(j, rootfd, n->path, &text)) != 0) {
		n->skipped = 1;
		note_display(n);
		return rc < 0 ? -1 : 0;
	}
	rc = note_from_text(j, scratch, n, text.data, text.len);
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

/* Notes are read by a few threads at once: each has its own arena and its
 * own diagnostics (a copy of the journal that shares only the settings),
 * and takes the next batch of files from a shared counter.  Afterwards the
 * arenas and diagnostics are merged; notes keep their places by path, so
 * the result does not depend on which thread read what. */
#define MAX_READERS 8
#define BATCH 32

typedef struct reader {
	kith_journal part;
	kith_journal *j;
	const note_file *files;
	size_t nfiles;
	_Atomic size_t *next;
	int rootfd;
	int failed;
	arena scratch;		/* one note's front matter at a time */
	pthread_t thread;
} reader;

static void *
read_notes(void *arg)
{
	reader *r = arg;
	size_t from, i;
	note one, *n;	/* one: the note being read, whole */

	while (!r->failed &&
	    (from = atomic_fetch_add(r->next, BATCH)) < r->nfiles) {
		for (i = from; i < from + BATCH && i < r->nfiles; i++) {
			arena_reset(&r->scratch);
			if (note_start(&r->part, &one, r->files[i].path) < 0 ||
			    note_load(&r->part, &r->scratch, r->rootfd,
			    &one) < 0 || (n = note_keep(&r->part, &one)) == NULL) {
				r->failed = 1;
				break;
			}
			n->index = i;
			r->j->notes[i] = n;
		}
	}
	return NULL;
}

static int
readers_count(size_t nfiles)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (nfiles < 4 * BATCH || cpus < 2)
		return 1;
	return cpus > MAX_READERS ? MAX_READERS : (int)cpus;
}

/* Takes a reader's diagnostics and memory into the journal. */
static int
reader_merge(kith_journal *j, reader *r)
{
	kith_diag *d;
	size_t n = r->part.ndiags;

	arena_merge(&j->mem, &r->part.mem);
	j->diag_oom |= r->part.diag_oom;
	if (n > 0) {
		if ((d = realloc(j->diags, (j->ndiags + n) * sizeof(*d))) == NULL)
			return -1;
		memcpy(d + j->ndiags, r->part.diags, n * sizeof(*d));
		j->diags = d;
		j->ndiags += n;
		j->diagcap = j->ndiags;
	}
	free(r->part.diags);
	r->part.diags = NULL;
	arena_free(&r->scratch);
	return r->failed ? -1 : 0;
}

/* Reads every listed note into j->notes.  Returns 0, or -1 when out of
 * memory or a thread could not start. */
static int
read_all_notes(kith_journal *j, int rootfd, const note_file *files,
    size_t nfiles)
{
	reader r[MAX_READERS];
	_Atomic size_t next = 0;
	int n = readers_count(nfiles), k, started = 0, rc = 0;

	for (k = 0; k < n; k++) {
		r[k].part = *j;
		memset(&r[k].part.mem, 0, sizeof(r[k].part.mem));
		r[k].part.diags = NULL;
		r[k].part.ndiags = r[k].part.diagcap = 0;
		r[k].part.diag_oom = 0;
		r[k].j = j;
		r[k].files = files;
		r[k].nfiles = nfiles;
		r[k].next = &next;
		r[k].rootfd = rootfd;
		r[k].failed = 0;
		memset(&r[k].scratch, 0, sizeof(r[k].scratch));
	}
	/* the calling thread is reader 0 */
	for (k = 1; k < n; k++) {
		if (pthread_create(&r[k].thread, NULL, read_notes, &r[k]) != 0)
			break;
		started++;
	}
	read_notes(&r[0]);
	for (k = 1; k <= started; k++)
		pthread_join(r[k].thread, NULL);
	for (k = 0; k <= started; k++)
		rc |= reader_merge(j, &r[k]);
	for (k = started + 1; k < n; k++) {
		free(r[k].part.diags);
		arena_free(&r[k].scratch);
	}
	if (started + 1 < n && !rc && atomic_load(&next) < nfiles)
		rc = -1;
	return rc;
}

kith_status
kith_journal_load(const kith_options *opts, kith_journal **out)
{
	kith_journal *j;
	note_file *files = NULL;
	size_t nfiles = 0;
	kith_status st = KITH_ESYSTEM;
	int rootfd = -1, rc;

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
	if (notes_alloc(j, nfiles) < 0 ||
	    read_all_notes(j, rootfd, files, nfiles) < 0)
		goto err;
	j->nnotes = j->nnodes = nfiles;
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
