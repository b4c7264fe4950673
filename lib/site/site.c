/*
 * site.c: `kith site`, the static HTML dashboard (docs/site.md).  One pass
 * over the graph gives each node its page (or none: private notes, and
 * meetings only with private people, never reach the site); then the pages
 * are written one by one into a buffer and handed to output.c, which writes
 * each whole.  Nothing here is quadratic in the number of notes: backlinks
 * and relations are the graph's adjacency lists, and each node's
 * follow-ups are gathered once into flat arrays (index.c).
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/pool.h"
#include "query/query.h"
#include "site/page.h"

/* The page of one note, if it has one. */
static int
page_of(site *s, note *n)
{
	if (s->url[n->index] == NULL)
		return 0;
	if (note_is_person(n))
		return page_person(s, n);
	if (n->type == NOTE_COMPANY || n->type == NOTE_UNRESOLVED)
		return page_company(s, n);
	if (n->type == NOTE_MEETING)
		return page_meeting(s, n);
	return page_note(s, n);
}

/* The notes' pages are built on every core.  Each worker has a copy of the
 * site that shares everything set up (read only from here on) and owns
 * what a page changes: its buffer, scratch arena, lookup buffer and
 * result.  The output folder takes pages from any thread.  A page's bytes
 * depend on its note only, so the site is the same whichever thread built
 * what. */
#define PAGE_BATCH 16

/* The pages of the whole site, made before a worker takes notes: the
 * network picture (Graphviz, the longest; only ever on one thread) on a
 * worker of its own while the first makes the others. */

typedef int (*site_page)(site *);

typedef struct worker {
	site s;
	_Atomic size_t *next;
	atomic_int *stop;
	const site_page *first;	/* NULL-ended */
	int rc;
} worker;

static void *
work(void *arg)
{
	worker *w = arg;
	const kith_journal *j = w->s.j;
	const site_page *f;
	size_t from, i;

	for (f = w->first; *f != NULL && !atomic_load(w->stop); f++)
		if ((*f)(&w->s) < 0) {
			w->rc = -1;
			atomic_store(w->stop, 1);
			return NULL;
		}
	while (!atomic_load(w->stop) &&
	    (from = atomic_fetch_add(w->next, PAGE_BATCH)) < j->nnodes) {
		for (i = from; i < from + PAGE_BATCH && i < j->nnodes; i++)
			if (page_of(&w->s, j->notes[i]) < 0) {
				w->rc = -1;
				atomic_store(w->stop, 1);
				break;
			}
	}
	return NULL;
}

static int
write_pages(site *s)
{
	worker w[POOL_MAX];
	pool p;
	_Atomic size_t next = 0;
	atomic_int stop = 0;
	size_t n = pool_size(s->j->nnodes, 256, POOL_MAX), k, started;
	int rc = 0;

	static const site_page all[] = { page_graph, page_home, page_people,
		page_followups, page_companies, page_meetings, NULL };
	static const site_page most[] = { page_home, page_people,
		page_followups, page_companies, page_meetings, NULL };
	static const site_page graph[] = { page_graph, NULL };
	static const site_page none[] = { NULL };

	if ((s->failed = site_out_write(s->out, STYLE_SHEET,
	    kith_asset_site_css, strlen(kith_asset_site_css), &s->why)) !=
	    OUT_OK)
		return -1;
	for (k = 0; k < n; k++) {
		w[k].s = *s;
		memset(&w[k].s.page, 0, sizeof(w[k].s.page));
		memset(&w[k].s.key, 0, sizeof(w[k].s.key));
		memset(&w[k].s.scratch, 0, sizeof(w[k].s.scratch));
		w[k].s.why = NULL;
		w[k].s.failed = OUT_OK;
		w[k].s.pages = 0;
		w[k].next = &next;
		w[k].stop = &stop;
		w[k].first = none;
		w[k].rc = 0;
	}
	if (n > 1)
		w[1].first = graph;
	pool_start(&p, work, w, sizeof(w[0]), n);
	started = p.started;
	w[0].first = started > 0 ? most : all;
	work(&w[0]);	/* the calling thread is worker 0 */
	pool_join(&p);
	for (k = 0; k <= started; k++) {
		s->pages += w[k].s.pages;
		if (w[k].rc < 0 && rc == 0) {
			rc = -1;
			s->failed = w[k].s.failed;
			s->why = w[k].s.why;
			w[k].s.why = NULL;
		}
		free(w[k].s.why);
		buf_free(&w[k].s.page);
		buf_free(&w[k].s.key);
		arena_free(&w[k].s.scratch);
	}
	return rc;
}

kith_status
kith_site_write(kith_journal *j, kith_date today, const char *dir,
    kith_site_result *res, char **why)
{
	site s;
	out_status st;
	kith_status rc = KITH_ESYSTEM;
	char inputs[65];

	memset(&s, 0, sizeof(s));
	memset(res, 0, sizeof(*res));
	*why = NULL;
	s.j = j;
	s.today = today;
	if ((st = site_out_open(j, dir, &s.out, why)) != OUT_OK) {
		rc = st == OUT_REFUSED ? KITH_EREFUSED : KITH_ESYSTEM;
		goto out;
	}
	/* Made from the same inputs, into a folder left as it was: the
	 * same files would be made; nothing to do. */
	if (inputs_fingerprint(j, today, inputs) == 0 &&
	    site_out_fresh(s.out, inputs, &res->pages)) {
		res->unchanged = site_out_files(s.out);
		res->fresh = 1;
		site_out_close(s.out, 0, NULL);
		rc = KITH_OK;
		goto out;
	}
	if ((st = site_out_claim(s.out, why)) != OUT_OK) {
		rc = st == OUT_REFUSED ? KITH_EREFUSED : KITH_ESYSTEM;
		site_out_close(s.out, 0, NULL);
		goto out;
	}
	if (set_up(&s) < 0 || write_pages(&s) < 0) {
		site_out_close(s.out, 0, NULL);
		*why = s.why ? s.why : strdup("out of memory");
		s.why = NULL;
		goto out;
	}
	if (inputs[0] != '\0')
		site_out_inputs(s.out, inputs, s.pages);
	res->pages = s.pages;
	res->written = site_out_written(s.out);
	res->unchanged = site_out_unchanged(s.out);
	if (site_out_close(s.out, 1, why) != OUT_OK)
		goto out;
	rc = KITH_OK;
out:
	kith_due_free(s.due);
	buf_free(&s.page);
	buf_free(&s.key);
	scrub_set_free(&s.secrets);
	intro_graph_free(s.intro);
	free(s.csp_script);
	free(s.why);
	arena_free(&s.scratch);
	arena_free(&s.mem);
	return rc;
}
