/*
 * notes.c: every note of a journal, read: walk the folder, then for each
 * note read it, split the front matter, type the fields and scan the body.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/pool.h"
#include "core/vec.h"
#include "read/read.h"

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
	n->daily = KITH_NO_DATE;
	n->apply_by.d = n->due.d = KITH_NO_DATE;
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
keep_body(kith_journal *j, note *n, const char *body, size_t len,
    int line)
{
	char *copy;

	if ((copy = arena_alloc(&j->mem, len + 16)) == NULL)
		return -1;
	memcpy(copy, body, len);
	n->body = copy;
	n->body_len = len;
	n->body_line = line;
	return 0;
}

/* A note without front matter is typed as one with an empty mapping, so a
 * meeting without front matter is reported like one without a date. */
static const yval no_front_matter = { Y_MAP, { 1, 1 }, NULL, 0, NULL, 0 };

/* The front matter's pairs, then the body's inline fields (the front
 * matter wins a clash: its key comes first). */
static const yval *
map_join(arena *scratch, const yval *fm, const yval *props)
{
	yval *m;

	if (fm->n == 0)
		return props;
	if ((m = arena_alloc(scratch, sizeof(*m))) == NULL ||
	    (m->items = arena_alloc(scratch, 2 * (fm->n + props->n) *
	    sizeof(*m->items))) == NULL)
		return NULL;
	m->kind = Y_MAP;
	m->at = fm->at;
	m->n = fm->n + props->n;
	memcpy(m->items, fm->items, 2 * fm->n * sizeof(*m->items));
	memcpy(m->items + 2 * fm->n, props->items,
	    2 * props->n * sizeof(*m->items));
	return m;
}

/* Types one note from its text (as note_read() makes it: newline-ended,
 * padded); its front matter's tree lives in scratch, which the caller
 * resets.  Returns 0, or -1 when out of memory. */
int
note_from_text(kith_journal *j, arena *scratch, note *n, const char *text,
    size_t len)
{
	front_matter fm;
	body_info info;
	const yval *map;
	int rc = 0;

	if (j->keep_bodies)
		n->text_hash = bytes_hash(text, len);

	if (front_matter_split(j, n->path, text, len, &fm) != 0) {
		n->skipped = 1;
		goto out;
	}
	map = &no_front_matter;
	if (fm.yaml != NULL && j->cfg.logseq &&
	    (map = logseq_front_matter(j, scratch, fm.yaml, fm.yaml_len,
	    fm.yaml_line)) == NULL)
		map = &no_front_matter;
	if (fm.yaml != NULL && map == &no_front_matter) {
		map = yaml_read(j, scratch, n->path, "front matter", fm.yaml,
		    fm.yaml_len, fm.yaml_line);
		if (map == NULL) {
			n->skipped = 1;
			rc = scratch->oom ? -1 : 0;
			goto out;
		}
	}
	/* the body first: its tags, participants and inline fields help
	 * type the note */
	memset(&info, 0, sizeof(info));
	info.body_line = fm.body_line;
	info.props = inline_fields(j, scratch, fm.body, fm.body_len,
	    fm.body_line);
	if (scratch->oom || (info.props != NULL &&
	    (map = map_join(scratch, map, info.props)) == NULL)) {
		rc = -1;
		goto out;
	}
	if ((rc = body_scan(j, n, fm.body, fm.body_len, fm.body_line,
	    &info)) < 0)
		goto out;
	if ((rc = fields_apply(j, n, map, &info)) < 0)
		goto out;
	if (rc == 0 && !n->skipped && j->keep_bodies)
		rc = keep_body(j, n, fm.body, fm.body_len, fm.body_line);
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

/*
 * Notes are read by a few threads at once, while the walk finds them: the
 * walk (on the calling thread) hands each note's path to the feed in path
 * order, and readers take the next batch of paths from a shared counter as
 * soon as the walk has found them; the calling thread reads too once the
 * walk is done.  Each reader has its own arena and its own diagnostics (a
 * copy of the journal that shares only the settings); afterwards the arenas
 * and diagnostics are merged.  Notes keep their places by path, so the
 * result does not depend on which thread read what.
 */
#define BATCH 32
#define FEED_CHUNK 1024		/* paths a chunk: chunks never move */

typedef struct fed {
	char *path;
	note *n;		/* once read */
} fed;

typedef struct feed {
	fed **chunk;
	size_t nchunks;
	size_t chunkcap;
	size_t n;		/* paths found: the walk's count */
	size_t shown;		/* the readers may take those below it */
	int done;		/* the walk is over (shown is all) */
	pthread_mutex_t lock;	/* shown, done, chunk (the array) */
	pthread_cond_t more;
} feed;

static fed *
feed_at(feed *f, size_t i)
{
	return &f->chunk[i / FEED_CHUNK][i % FEED_CHUNK];
}

/* Shows the readers what the walk has found so far. */
static void
feed_show(feed *f, int done)
{
	pthread_mutex_lock(&f->lock);
	f->shown = f->n;
	f->done |= done;
	pthread_cond_broadcast(&f->more);
	pthread_mutex_unlock(&f->lock);
}

/* walk_emit: one more path, in path order. */
static int
feed_add(void *ctx, const char *rel)
{
	feed *f = ctx;
	size_t k = f->n / FEED_CHUNK;
	int grown;

	if (k == f->nchunks) {
		pthread_mutex_lock(&f->lock);
		grown = vec_reserve(&f->chunk, &f->chunkcap, k + 1,
		    sizeof(*f->chunk)) == 0;
		if (grown)
			f->chunk[k] = malloc(FEED_CHUNK * sizeof(fed));
		pthread_mutex_unlock(&f->lock);
		if (!grown || f->chunk[k] == NULL)
			return -1;
		f->nchunks++;
	}
	if ((feed_at(f, f->n)->path = strdup(rel)) == NULL)
		return -1;
	feed_at(f, f->n)->n = NULL;
	if (++f->n % BATCH == 0)
		feed_show(f, 0);
	return 0;
}

/* Waits until paths [from, from + BATCH) are found, or the walk is over.
 * Returns how many paths the reader may take from from on (0: none left),
 * and the address of each's entry in at[]. */
static size_t
feed_take(feed *f, size_t from, fed **at)
{
	size_t n, i;

	pthread_mutex_lock(&f->lock);
	while (!f->done && f->shown < from + BATCH)
		pthread_cond_wait(&f->more, &f->lock);
	n = f->shown > from ? f->shown - from : 0;
	if (n > BATCH)
		n = BATCH;
	for (i = 0; i < n; i++)
		at[i] = &f->chunk[(from + i) / FEED_CHUNK][(from + i) %
		    FEED_CHUNK];
	pthread_mutex_unlock(&f->lock);
	return n;
}

static void
feed_free(feed *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(feed_at(f, i)->path);
	for (i = 0; i < f->nchunks; i++)
		free(f->chunk[i]);
	free(f->chunk);
	pthread_mutex_destroy(&f->lock);
	pthread_cond_destroy(&f->more);
}

typedef struct reader {
	kith_journal part;
	feed *feed;
	_Atomic size_t *next;
	int rootfd;
	int failed;
	arena scratch;		/* one note's front matter at a time */
} reader;

static void *
read_notes(void *arg)
{
	reader *r = arg;
	fed *at[BATCH];
	size_t from, i, n;
	note one, *kept;	/* one: the note being read, whole */

	while (!r->failed) {
		from = atomic_fetch_add(r->next, BATCH);
		if ((n = feed_take(r->feed, from, at)) == 0)
			break;
		for (i = 0; i < n; i++) {
			arena_reset(&r->scratch);
			if (note_start(&r->part, &one, at[i]->path) < 0 ||
			    note_load(&r->part, &r->scratch, r->rootfd,
			    &one) < 0 || (kept = note_keep(&r->part, &one)) ==
			    NULL) {
				r->failed = 1;
				break;
			}
			kept->index = from + i;
			at[i]->n = kept;
		}
	}
	return NULL;
}

/* Takes a reader's diagnostics and memory into the journal. */
static int
reader_merge(kith_journal *j, reader *r)
{
	size_t n = r->part.ndiags;

	arena_merge(&j->mem, &r->part.mem);
	j->diag_oom |= r->part.diag_oom;
	if (n > 0) {
		if (vec_reserve(&j->diags, &j->diagcap, j->ndiags + n,
		    sizeof(*j->diags)) < 0)
			return -1;
		memcpy(j->diags + j->ndiags, r->part.diags, n * sizeof(*j->diags));
		j->ndiags += n;
	}
	free(r->part.diags);
	r->part.diags = NULL;
	arena_free(&r->scratch);
	return r->failed ? -1 : 0;
}

/* Walks the journal and reads every note into j->notes, by path.
 * Returns 0, or -1 when out of memory or a thread could not start. */
int
read_all_notes(kith_journal *j, int rootfd)
{
	reader r[POOL_MAX];
	feed f;
	pool p;
	_Atomic size_t next = 0;
	size_t i, k, n = pool_size(0, 0, POOL_MAX), started;
	int rc = 0, walked;

	memset(&f, 0, sizeof(f));
	pthread_mutex_init(&f.lock, NULL);
	pthread_cond_init(&f.more, NULL);
	for (k = 0; k < n; k++) {
		r[k].part = *j;
		memset(&r[k].part.mem, 0, sizeof(r[k].part.mem));
		r[k].part.diags = NULL;
		r[k].part.ndiags = r[k].part.diagcap = 0;
		r[k].part.diag_oom = 0;
		r[k].feed = &f;
		r[k].next = &next;
		r[k].rootfd = rootfd;
		r[k].failed = 0;
		memset(&r[k].scratch, 0, sizeof(r[k].scratch));
	}
	/* the calling thread walks, then is reader 0 */
	pool_start(&p, read_notes, r, sizeof(r[0]), n);
	started = p.started;
	walked = walk_notes(j, rootfd, feed_add, &f);
	feed_show(&f, 1);
	if (walked == 0)
		read_notes(&r[0]);
	pool_join(&p);
	for (k = 0; k <= started; k++)
		rc |= reader_merge(j, &r[k]);
	for (k = started + 1; k < n; k++) {
		free(r[k].part.diags);
		arena_free(&r[k].scratch);
	}
	if (walked < 0)
		rc = walked;
	if (rc == 0 && notes_alloc(j, f.n) < 0)
		rc = -1;
	for (i = 0; rc == 0 && i < f.n; i++)
		if ((j->notes[i] = feed_at(&f, i)->n) == NULL)
			rc = -1;	/* a reader stopped: out of memory */
	if (rc == 0)
		j->nnotes = j->nnodes = f.n;
	feed_free(&f);
	return rc;
}
