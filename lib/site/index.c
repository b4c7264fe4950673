/*
 * index.c: what is worked out once, before any page: which page each
 * note has (URLs), each node's follow-ups, the policy of a scripted page.
 * Backlinks and relations are the graph's (graph_in_edge(), graph_out()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/query.h"
#include "site/page.h"

const char *
site_folder(const note *n)
{
	switch (n->type) {
	case NOTE_PERSON:
		return "people";
	case NOTE_COMPANY:
		return "companies";
	case NOTE_MEETING:
		return "meetings";
	case NOTE_UNRESOLVED:
		return n->used_as_company ? "companies" : "people";
	default:
		return "notes";
	}
}

/* What a page is named after: the file name for meetings and notes (they
 * hold the date), else the display name; private names scrubbed out, as a
 * meeting's file name often names its people. */
static const char *
page_name(site *s, const note *n)
{
	const char *name = n->type == NOTE_MEETING || n->type == NOTE_PLAIN ||
	    n->type == NOTE_GOAL ? n->stem : n->display;
	kith_buf b = KITH_BUF_INIT;
	char *clean;

	if (s->secrets.n == 0)
		return name;
	scrub_text(&s->secrets, name, strlen(name), &b);
	clean = b.oom ? NULL : arena_strdup(&s->mem, b.data ? b.data : "");
	buf_free(&b);
	return clean;
}

/* A name no note claims has a page only where a person or a company goes
 * (with:, company:, introduced_by:): a link to nowhere in a note's text
 * is shown as text, or one note of links could make a page each. */
static int
has_page(const note *n)
{
	return n->type != NOTE_UNRESOLVED || n->used_as_person ||
	    n->used_as_company;
}

/* Gives every visible node its page: folder/slug.html. */
static int
assign_urls(site *s)
{
	static const char *const folders[] = { "people", "companies",
		"meetings", "notes" };
	slug_set *sets[4] = { NULL, NULL, NULL, NULL };
	const char *folder, *slug, *name;
	size_t i, f, len;
	char *url;
	note *n;
	int rc = -1;

	for (f = 0; f < 4; f++)
		if ((sets[f] = slug_set_new()) == NULL)
			goto out;
	for (i = 0; i < s->j->nnodes; i++) {
		n = s->j->notes[i];
		if (n->skipped || s->hidden[i] || n->is_owner ||
		    !has_page(n))
			continue;
		folder = site_folder(n);
		for (f = 0; strcmp(folders[f], folder) != 0; f++)
			;
		if ((name = page_name(s, n)) == NULL)
			goto out;
		slug = slug_unique(sets[f], &s->mem, name);
		len = strlen(folder) + strlen(slug ? slug : "") + 7;
		if (slug == NULL || (url = arena_alloc(&s->mem, len)) == NULL)
			goto out;
		snprintf(url, len, "%s/%s.html", folder, slug);
		s->url[i] = url;
	}
	rc = 0;
out:
	for (f = 0; f < 4; f++)
		slug_set_free(sets[f]);
	return rc;
}

/* Turns counts per node into starts (start[n] = total). */
static void
counts_to_starts(size_t *start, size_t n)
{
	size_t i, sum = 0, c;

	for (i = 0; i < n; i++) {
		c = start[i];
		start[i] = sum;
		sum += c;
	}
	start[n] = sum;
}

/* The nodes an item belongs to: its people, its company, its note. */
static size_t
item_nodes(site *s, size_t i, note **out, size_t max)
{
	note *const *people;
	note *c, *src;
	size_t n, k, m = 0, d;

	people = due_item_people(s->due, i, &n);
	for (k = 0; k < n && m < max; k++)
		out[m++] = people[k];
	if ((c = due_item_company(s->due, i)) != NULL && m < max)
		out[m++] = c;
	if ((src = s->item_src[i]) != NULL &&
	    m < max)
		out[m++] = src;
	for (k = 0, n = m, m = 0; k < n; k++) {
		for (d = 0; d < m && out[d] != out[k]; d++)
			;
		if (d == m)
			out[m++] = out[k];
	}
	return m;
}

int
gather_items(site *s)
{
	size_t nn = s->j->nnodes, i, k, n, *fill, pass;
	note *nodes[72];

	s->item_start = arena_alloc(&s->mem, (nn + 1) * sizeof(size_t));
	fill = arena_alloc(&s->mem, (nn + 1) * sizeof(size_t));
	s->item_hide = arena_alloc(&s->mem, kith_due_count(s->due) + 1);
	s->item_src = arena_alloc(&s->mem, (kith_due_count(s->due) + 1) *
	    sizeof(*s->item_src));
	if (s->item_start == NULL || fill == NULL || s->item_hide == NULL ||
	    s->item_src == NULL)
		return -1;
	for (i = 0; i < kith_due_count(s->due); i++) {
		s->item_src[i] = journal_note_at(s->j,
		    kith_due_item(s->due, i)->file);
		s->item_hide[i] = (unsigned char)item_touches_private(s, i);
	}
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < kith_due_count(s->due); i++) {
			n = item_nodes(s, i, nodes, 72);
			for (k = 0; k < n; k++) {
				if (pass == 0)
					s->item_start[nodes[k]->index]++;
				else
					s->item_of[fill[nodes[k]->index]++] = i;
			}
		}
		if (pass == 0) {
			counts_to_starts(s->item_start, nn);
			memcpy(fill, s->item_start, (nn + 1) * sizeof(size_t));
			s->item_of = arena_alloc(&s->mem,
			    (s->item_start[nn] + 1) * sizeof(size_t));
			if (s->item_of == NULL)
				return -1;
		}
	}
	return 0;
}


static int
make_csp(site *s)
{
	unsigned char hash[32];
	char js[48];
	kith_buf b = KITH_BUF_INIT;

	sha256(kith_asset_site_js, strlen(kith_asset_site_js), hash);
	base64(hash, 32, js);
	buf_printf(&b, "%s; script-src 'sha256-%s'", CSP, js);
	s->csp_script = buf_detach(&b, NULL);
	return s->csp_script ? 0 : -1;
}

int
set_up(site *s)
{
	const kith_journal *j = s->j;
	kith_due_query q = { ALL_DAYS, 0, NULL, s->today, NULL };
	size_t i;

	if (kith_due_new(j, &q, &s->due) != KITH_OK)
		return -1;
	s->url = arena_alloc(&s->mem, (j->nnodes + 1) * sizeof(*s->url));
	s->hidden = arena_alloc(&s->mem, j->nnodes + 1);
	s->strength = arena_alloc(&s->mem, (j->nnodes + 1) * sizeof(int));
	if (s->url == NULL || s->hidden == NULL || s->strength == NULL)
		return -1;
	privacy_hidden(j, s->hidden);
	if ((s->intro = intro_graph_new(j, s->today, s->hidden, 1)) == NULL)
		return -1;
	for (i = 0; i < j->nnodes; i++)
		if (note_is_person(j->notes[i]))
			s->strength[i] = person_strength(j->notes[i], s->today);
	if (scrub_set_of_journal(&s->secrets, j) < 0 ||
	    scrub_set_ready(&s->secrets, &s->mem) < 0 || assign_urls(s) < 0 ||
	    gather_items(s) < 0 || make_csp(s) < 0)
		return -1;
	return 0;
}
