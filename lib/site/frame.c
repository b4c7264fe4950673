/*
 * frame.c: the page frame (header, navigation, footer, the scrub and
 * the write) and the pieces every page is made of: names, dates, lists,
 * follow-ups, note bodies, backlinks, facts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "site/page.h"

/* ---- small writers ---- */


void
esc(kith_buf *b, const char *t)
{
	html_escape(b, t);
}

/* A node as a link to its page, or as text when it has none. */
void
put_node(site *s, kith_buf *b, const note *n)
{
	if (n == NULL)
		return;
	if (s->hidden[n->index]) {
		buf_puts(b, "<span class=\"private\">someone</span>");
		return;
	}
	if (s->url[n->index] == NULL) {
		esc(b, n->display);
		return;
	}
	buf_puts(b, "<a href=\"");
	buf_puts(b, s->prefix);
	esc(b, s->url[n->index]);
	buf_puts(b, "\">");
	esc(b, n->display);
	buf_puts(b, "</a>");
}

/* "A, B and C": the visible people of a meeting. */
void
put_people(site *s, kith_buf *b, const note *m)
{
	size_t i, shown = 0, total = 0;
	const note *p;

	for (i = 0; i < m->with.n; i++)
		total += is_visible_person(s, m->with.v[i].to);
	for (i = 0; i < m->with.n; i++) {
		p = m->with.v[i].to;
		if (!is_visible_person(s, p))
			continue;
		if (shown > 0)
			buf_puts(b, shown + 1 == total ? " and " : ", ");
		put_node(s, b, p);
		shown++;
	}
	if (shown == 0)
		buf_puts(b, "<span class=\"muted\">nobody listed</span>");
}

static void
put_list(kith_buf *b, const f_list *l, const char *sep)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (i)
			buf_puts(b, sep);
		esc(b, l->v[i].s);
	}
}

void
put_tags(kith_buf *b, const f_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		buf_puts(b, "<span class=\"tag\">");
		esc(b, l->v[i].s);
		buf_puts(b, "</span>");
	}
}

/* ---- the page frame ---- */

/* Begins a page; scripted: it carries kith's script (the people list,
 * which sorts and filters), and its policy lets that one script run.  No
 * other page has a script, and its policy runs none. */
void
page_begin(site *s, const char *title, int depth, const char *here,
    int scripted)
{
	static const char *const nav[][2] = {
		{ "index.html", "Home" }, { "followups.html", "Follow-ups" },
		{ "people/index.html", "People" },
		{ "companies/index.html", "Companies" },
		{ "meetings/index.html", "Meetings" }, { "graph.html", "Network" },
	};
	kith_buf *b = &s->page;
	size_t i;

	buf_reset(b);
	arena_free(&s->scratch);
	s->prefix = depth ? "../" : "";
	s->here = NULL;
	s->scripted = scripted;
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"");
	buf_puts(b, scripted ? s->csp_script : CSP);
	buf_puts(b, "\">\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	esc(b, title);
	buf_puts(b, " \xc2\xb7 ");
	esc(b, s->j->cfg.title);
	buf_puts(b, "</title>\n<link rel=\"stylesheet\" href=\"");
	buf_puts(b, s->prefix);
	buf_puts(b, STYLE_SHEET "\">\n</head>\n<body>\n<header class=\"top\">"
	    "<a class=\"brand\" href=\"");
	buf_puts(b, s->prefix);
	buf_puts(b, "index.html\">");
	esc(b, s->j->cfg.title);
	buf_puts(b, "</a><nav>");
	for (i = 0; i < sizeof(nav) / sizeof(nav[0]); i++) {
		buf_puts(b, "<a href=\"");
		buf_puts(b, s->prefix);
		buf_puts(b, nav[i][0]);
		buf_puts(b, strcmp(nav[i][1], here) == 0 ?
		    "\" class=\"here\">" : "\">");
		buf_puts(b, nav[i][1]);
		buf_puts(b, "</a>");
	}
	buf_puts(b, "</nav><span class=\"today\">");
	date_put(b, s->today);
	buf_puts(b, "</span></header>\n<main>\n");
}


int
page_end(site *s, const char *rel)
{
	kith_buf *b = &s->page;

	buf_puts(b, "</main>\n<footer>Made by kith from your journal for ");
	date_put(b, s->today);
	buf_puts(b, ".</footer>\n");
	s->js_at = s->js_end = b->len;
	if (s->scripted) {
		buf_puts(b, "<script>");
		s->js_at = b->len;
		buf_puts(b, kith_asset_site_js);
		s->js_end = b->len;
		buf_puts(b, "</script>\n");
	}
	buf_puts(b, "</body>\n</html>\n");
	if (b->oom || scrub_page(&s->secrets, b, s->js_at, s->js_end) < 0) {
		s->why = strdup("out of memory");
		s->failed = OUT_FAILED;
		return -1;
	}
	s->pages++;
	if ((s->failed = site_out_write(s->out, rel, b->data, b->len,
	    &s->why)) != OUT_OK)
		return -1;
	return 0;
}

/* Starts the page of a note: the frame (here: the navigation entry it is
 * under), its name as the heading, and the line under it opened (<p
 * class="sub">) for the caller to fill. */
void
note_page_begin(site *s, const note *n, const char *here)
{
	kith_buf *b = &s->page;

	page_begin(s, n->display, 1, here, 0);
	s->here = n;
	buf_puts(b, "<h1>");
	esc(b, n->display);
	buf_puts(b, "</h1>\n<p class=\"sub\">");
}

/* Ends the page of a note: its body in a card that open starts (no body
 * when open is NULL), the notes that link to it, then the frame (and the
 * write: see page_end()). */
int
note_page_end(site *s, const note *n, const char *open)
{
	kith_buf *b = &s->page;

	if (open != NULL) {
		buf_puts(b, open);
		if (put_body(s, b, n) < 0)
			return -1;
		buf_puts(b, "</section>\n");
	}
	put_backlinks(s, b, n);
	return page_end(s, s->url[n->index]);
}

/* ---- follow-ups ---- */

/* Does an item touch a private note (its people, company or source)?
 * Asked once an item, by gather_items(): item_hidden() tells after. */
int
item_touches_private(const site *s, size_t i)
{
	note *const *people;
	note *c = due_item_company(s->due, i), *src = s->item_src[i];
	size_t n, k;

	people = due_item_people(s->due, i, &n);
	for (k = 0; k < n; k++)
		if (s->hidden[people[k]->index])
			return 1;
	if (c != NULL && s->hidden[c->index])
		return 1;
	return src != NULL && s->hidden[src->index];
}

int
item_hidden(const site *s, size_t i)
{
	return s->item_hide[i];
}

/* "And 12 more ...": the entries of a list past KITH_MAX_PAGE_LIST, and
 * where they all are. */
void
put_more(kith_buf *b, size_t more, const char *what)
{
	if (more > 0)
		buf_printf(b, "<p class=\"muted\">And %zu %s.</p>\n", more,
		    what);
}

/* Lists the items (indices into s->due) for which keep() says yes, at
 * most KITH_MAX_PAGE_LIST of them. */
size_t
put_items(site *s, kith_buf *b, const size_t *idx, size_t n,
    int (*keep)(const site *, const kith_item *), const char *empty)
{
	size_t i, shown = 0;

	for (i = 0; i < n; i++) {
		if (!keep(s, kith_due_item(s->due, idx[i])))
			continue;
		if (shown++ == 0)
			buf_puts(b, "<ul class=\"items\">\n");
		if (shown <= KITH_MAX_PAGE_LIST)
			put_item(s, b, idx[i]);
	}
	if (shown)
		buf_puts(b, "</ul>\n");
	else if (empty)
		buf_printf(b, "<p class=\"muted\">%s</p>\n", empty);
	if (shown > KITH_MAX_PAGE_LIST)
		put_more(b, shown - KITH_MAX_PAGE_LIST, "more: <code>kith "
		    "due --all</code> lists every one");
	return shown;
}

/* ---- note bodies ---- */

/* The note that the link `name` of note `from` resolved to, when the
 * graph found it in a vault's way of writing the name (a Logseq
 * namespace, [[people/Jane]]; a note's own folder; "Jane.md"), or NULL. */
static note *
linked_as(const note *from, const char *name)
{
	size_t k, n = strlen(name);

	if (strchr(name, '/') == NULL && (n < 3 || strcasecmp(name + n - 3,
	    ".md") != 0))
		return NULL;
	for (k = 0; k < from->nmentions; k++)
		if (from->mentions[k].ref.name != NULL &&
		    strcmp(from->mentions[k].ref.name, name) == 0)
			return from->mentions[k].ref.to;
	return NULL;
}

static html_target
resolve_link(const char *target, size_t len, void *userdata)
{
	site *s = userdata;
	html_target t = { NULL, 0 };
	const char *name;
	char *href;
	note *n;

	if ((name = ref_clean_n(&s->scratch, target, len)) == NULL)
		return t;
	n = graph_find(s->j, &s->key, name, NULL);
	if (n == NULL && s->linking != NULL)
		n = linked_as(s->linking, name);
	if (n == NULL)
		return t;
	if (s->hidden[n->index]) {
		t.hidden = 1;
		return t;
	}
	if (s->url[n->index] == NULL)
		return t;
	len = strlen(s->prefix) + strlen(s->url[n->index]) + 1;
	if ((href = arena_alloc(&s->scratch, len)) != NULL) {
		strcpy(href, s->prefix);
		strcat(href, s->url[n->index]);
	}
	t.href = href;
	return t;
}

/* Does the body open with the note's title (its first heading, which is
 * its name on the page)? */
static int
opens_with_title(const note *n)
{
	return n->heading != NULL && strcmp(n->heading, n->display) == 0;
}

/* A note's body, or what fold (HTML_FOLD_*) says of it, its headings
 * shift levels down, without the h1 that opens it when it repeats the
 * title shown above it (or whatever it says, with any_title).  Returns
 * what html_body() returns. */
int
put_body_as(site *s, kith_buf *b, const note *n, int fold, int shift,
    int any_title)
{
	html_options o = { resolve_link, s, KITH_MAX_BODY_HTML, shift, fold,
		any_title || opens_with_title(n) };
	int rc;

	if (n->body == NULL || n->body_len == 0)
		return 0;
	buf_puts(b, "<div class=\"note-body\">\n");
	s->linking = n;
	rc = html_body(b, n->body, n->body_len, &o);
	s->linking = NULL;
	if (rc < 0)
		return -1;
	buf_puts(b, "</div>\n");
	return rc;
}

int
put_body(site *s, kith_buf *b, const note *n)
{
	return put_body_as(s, b, n, HTML_FOLD_NONE, 1, 0) < 0 ? -1 : 0;
}

/* Is d a daily note a person's timeline shows: one the site shows, of
 * today or before (a day planned ahead is no contact yet)? */
int
is_daily_contact(const site *s, const note *d)
{
	return d->daily != KITH_NO_DATE && d->daily <= s->today &&
	    !d->skipped && !s->hidden[d->index] && s->url[d->index] != NULL;
}

/* Is from a meeting n's timeline shows (one n attended, or held at n), or
 * a daily note that a person n's timeline shows? */
static int
in_timeline(const site *s, const note *from, const note *n)
{
	const edge *out;
	size_t i, nout;

	if (note_names_person(n) && is_daily_contact(s, from))
		return 1;
	if (from->type != NOTE_MEETING)
		return 0;
	out = graph_out(s->j, from, &nout);
	for (i = 0; i < nout; i++)
		if ((out[i].kind == EDGE_ATTENDED || out[i].kind ==
		    EDGE_HELD_AT) && edge_to(s->j, &out[i]) == n)
			return 1;
	return 0;
}

/* The notes that link to n, but the meetings its timeline shows. */
void
put_backlinks(site *s, kith_buf *b, const note *n)
{
	const edge *l;
	const note *from;
	size_t i, nin, shown = 0, met = 0;

	buf_puts(b, "<section class=\"card\"><h2>Mentioned in</h2>\n");
	nin = graph_in_count(s->j, n);
	for (i = 0; i < nin; i++) {
		l = graph_in_edge(s->j, n, i);
		from = edge_from(s->j, l);
		if (l->kind != EDGE_MENTIONS || s->hidden[from->index] ||
		    from == n)
			continue;
		if (in_timeline(s, from, n)) {
			met++;
			continue;
		}
		if (shown++ == 0)
			buf_puts(b, "<ul class=\"plain\">\n");
		if (shown > KITH_MAX_PAGE_LIST)
			continue;
		buf_puts(b, "<li>");
		put_node(s, b, from);
		buf_puts(b, " <span class=\"muted\">line ");
		buf_put_int(b, l->line);
		buf_puts(b, "</span></li>\n");
	}
	if (shown)
		buf_puts(b, "</ul>\n");
	else
		buf_puts(b, met ? "<p class=\"muted\">No note but those of "
		    "the timeline above links here.</p>\n" : "<p class=\"muted\">No note links "
		    "here yet.</p>\n");
	if (shown > KITH_MAX_PAGE_LIST)
		put_more(b, shown - KITH_MAX_PAGE_LIST, "more notes link here");
	buf_puts(b, "</section>\n");
}

/* A value of an unknown key as written, but its wiki links as links: to
 * the page of the note named, "someone" for a private note (as in a
 * body), the text as written when the name leads nowhere. */
void
put_extra_text(site *s, kith_buf *b, const char *text)
{
	const char *open, *close, *bar, *shown;
	html_target t;

	while ((open = strstr(text, "[[")) != NULL &&
	    (close = strstr(open + 2, "]]")) != NULL) {
		html_escape_n(b, text, (size_t)(open - text));
		t = resolve_link(open + 2, (size_t)(close - open - 2), s);
		bar = memchr(open + 2, '|', (size_t)(close - open - 2));
		shown = bar ? bar + 1 : open + 2;
		if (t.hidden) {
			buf_puts(b, "<span class=\"private\">someone</span>");
		} else if (t.href != NULL) {
			buf_puts(b, "<a class=\"wikilink\" href=\"");
			esc(b, t.href);
			buf_puts(b, "\">");
			html_escape_n(b, shown, (size_t)(close - shown));
			buf_puts(b, "</a>");
		} else {
			html_escape_n(b, open, (size_t)(close + 2 - open));
		}
		text = close + 2;
	}
	esc(b, text);
}

/* Unknown keys, shown as they were written (their links followed). */
void
put_extras(site *s, kith_buf *b, const note *n)
{
	const yval *v;
	size_t i, k;

	s->linking = n;
	for (i = 0; i < n->nextras; i++) {
		buf_puts(b, "<dt>");
		esc(b, n->extras[i].key);
		buf_puts(b, "</dt><dd>");
		v = n->extras[i].value;
		if (v->kind == Y_SCALAR)
			put_extra_text(s, b, v->str);
		for (k = 0; v->kind == Y_SEQ && k < v->n; k++) {
			if (k)
				buf_puts(b, ", ");
			if (v->items[k]->kind == Y_SCALAR)
				put_extra_text(s, b, v->items[k]->str);
		}
		if (v->kind == Y_MAP)
			buf_puts(b, "<span class=\"muted\">(a mapping)</span>");
		buf_puts(b, "</dd>");
	}
	s->linking = NULL;
}

/* ---- pages of notes ---- */

void
put_label(kith_buf *b, const char *label)
{
	buf_puts(b, "<dt>");
	buf_puts(b, label);
	buf_puts(b, "</dt><dd>");
}

void
fact_text(kith_buf *b, const char *label, const char *value)
{
	if (value == NULL)
		return;
	put_label(b, label);
	esc(b, value);
	buf_puts(b, "</dd>");
}

void
fact_date(kith_buf *b, const char *label, kith_date d)
{
	if (d == KITH_NO_DATE)
		return;
	put_label(b, label);
	date_put(b, d);
	buf_puts(b, "</dd>");
}

void
fact_list(kith_buf *b, const char *label, const f_list *l)
{
	if (l->n == 0)
		return;
	put_label(b, label);
	put_list(b, l, ", ");
	buf_puts(b, "</dd>");
}

void
put_when(kith_buf *b, const note *m)
{
	date_put(b, m->date.d);
	if (m->date.minutes >= 0)
		buf_printf(b, " %02d:%02d", m->date.minutes / 60,
		    m->date.minutes % 60);
}

int
keep_task(const site *s, const kith_item *it)
{
	(void)s;
	return it->kind == KITH_KIND_TASK;
}

int
keep_date(const site *s, const kith_item *it)
{
	(void)s;
	return it->kind == KITH_KIND_DATE;
}

int
keep_all(const site *s, const kith_item *it)
{
	(void)s;
	(void)it;
	return 1;
}

int
keep_follow_up(const site *s, const kith_item *it)
{
	(void)s;
	return it->kind != KITH_KIND_TASK && it->kind != KITH_KIND_DATE;
}

/* Items of a node that are not about private people. */
size_t
node_items(site *s, const note *n, size_t **out)
{
	size_t i, k = 0, from = s->item_start[n->index];
	size_t to = s->item_start[n->index + 1];
	size_t *idx = arena_alloc(&s->scratch, (to - from + 1) * sizeof(*idx));

	*out = idx;
	if (idx == NULL)
		return 0;
	for (i = from; i < to; i++)
		if (!item_hidden(s, s->item_of[i]))
			idx[k++] = s->item_of[i];
	return k;
}

void
put_ledger(site *s, kith_buf *b, const note *p)
{
	size_t i, gave = 0, asked = 0, rows = 0;
	const note *m;

	buf_puts(b, "<section class=\"card\"><h2>Gave and asked</h2>\n");
	for (i = 0; i < p->nmeetings; i++) {
		m = p->meetings[i];
		if (m->date.d > s->today || (m->gave.n == 0 && m->asked.n == 0))
			continue;
		gave += m->gave.n;
		asked += m->asked.n;
		if (++rows > KITH_MAX_PAGE_LIST)
			continue;
		if (rows == 1)
			buf_puts(b, "<div class=\"scroll\"><table><thead><tr>"
			    "<th>Date</th><th>Meeting</th><th>You gave</th>"
			    "<th>You asked</th></tr></thead><tbody>\n");
		buf_puts(b, "<tr><td>");
		date_put(b, m->date.d);
		buf_puts(b, "</td><td>");
		put_node(s, b, m);
		buf_puts(b, "</td><td>");
		put_list(b, &m->gave, "; ");
		buf_puts(b, "</td><td>");
		put_list(b, &m->asked, "; ");
		buf_puts(b, "</td></tr>\n");
	}
	if (gave + asked == 0) {
		buf_puts(b, "<p class=\"muted\">Nothing given or asked yet.</p>"
		    "</section>\n");
		return;
	}
	buf_puts(b, "</tbody></table></div>\n");
	if (rows > KITH_MAX_PAGE_LIST)
		put_more(b, rows - KITH_MAX_PAGE_LIST, "more meetings where "
		    "something was given or asked, counted below");
	buf_printf(b, "<p class=\"muted\">In all: you gave %zu, you asked "
	    "%zu.</p></section>\n", gave, asked);
}
