/*
 * site.c: `kith site`, the static HTML dashboard (docs/site.md).  One pass
 * over the graph gives each node its page (or none: private notes, and
 * meetings only with private people, never reach the site); then the pages
 * are written one by one into a buffer and handed to output.c, which writes
 * each whole.  Nothing here is quadratic in the number of notes: backlinks
 * and each node's follow-ups are gathered once into flat arrays.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "html.h"
#include "limits.h"
#include "network.h"
#include "site.h"

extern const char kith_asset_site_css[];
extern const char kith_asset_site_js[];

/* kith's style sheet: one file at the site's root, which every page links
 * (the policy allows style sheets of the site's own origin only). */
#define STYLE_SHEET "site.css"

/* The filter of private names' first words: 2^16 bits, 8 KiB. */
#define SECRET_KEY_BITS 16
#define SECRET_KEYS (1u << SECRET_KEY_BITS)

/* The policy of a page: no request, no script, style from the site's own
 * files only (kith's site.css).  The people list's adds its one script
 * (make_csp()). */
#define CSP "default-src 'none'; style-src 'self'; img-src 'none'; " \
	"base-uri 'none'; form-action 'none'"

/* Most HTML one note body may produce on a page. */
#define BODY_CAP (256u * 1024)
/* Far enough ahead that every check-in and date has its item. */
#define ALL_DAYS 36600

typedef struct backlink {
	note *from;
	int line;
} backlink;

/* An entry of the set of private names: a name, or the first word of one
 * (name NULL), by fold_hash() of its bytes. */
typedef struct secret_slot {
	uint64_t hash;		/* 0: the slot is empty */
	const char *name;
	size_t len;
} secret_slot;

typedef struct site {
	const kith_journal *j;
	kith_due *due;		/* every item, whatever its date */
	site_out *out;
	arena mem;		/* for the run */
	arena scratch;		/* for one page */
	const char **url;	/* per node: its page from the site root */
	unsigned char *hidden;	/* per node: private */
	int *strength;		/* per node (people) */
	size_t *back_start;	/* per node: its backlinks in back[] */
	backlink *back;
	size_t *item_start;	/* per node: its items in item_of[] */
	size_t *item_of;
	unsigned char *item_hide;	/* per item: item_touches_private() */
	note **item_src;	/* per item: the note it is in, or NULL */
	size_t *rel_start;	/* see gather_relations() */
	note **rel_of;
	const char **secret;	/* names of private notes, to scrub */
	size_t nsecret;
	size_t secret_max;	/* the longest one's length */
	uint64_t *secret_bits;	/* a bit per word_key() of a first word */
	secret_slot *secret_set;/* see secret_set_add() */
	size_t secret_cap;
	char *csp_script;	/* the policy of a page with kith's script */
	int scripted;		/* this page has it */
	const char *prefix;	/* "" or "../": from this page to the root */
	kith_buf page;
	kith_buf key;		/* graph_find()'s folded name */
	size_t js_at, js_end;	/* and its script */
	char *why;
	out_status failed;
	size_t pages;
} site;

/* Three relations, each a section of rel_start/rel_of: whom a person
 * introduced, who works at a company, which meetings were at it. */
enum { REL_INTRODUCED, REL_WORKS_HERE, REL_MEETINGS_HERE, REL_COUNT };

static void rel_range(const site *s, int rel, const note *n, size_t *from,
    size_t *to);

static int
is_visible_person(const site *s, const note *n)
{
	return note_is_person(n) && !n->is_owner && !s->hidden[n->index];
}

/* ---- small writers ---- */

/* A letter or digit of a word (any byte of a multibyte character is). */
static int
isalnum_ascii(char c)
{
	unsigned char u = (unsigned char)c;

	return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') ||
	    (u >= 'A' && u <= 'Z') || u >= 0x80;
}

static void
esc(kith_buf *b, const char *t)
{
	html_escape(b, t);
}

static void
put_date(kith_buf *b, kith_date d)
{
	char s[11];

	if (d == KITH_NO_DATE)
		return;
	kith_date_format(d, s);
	buf_puts(b, s);
}

/* A node as a link to its page, or as text when it has none. */
static void
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
static void
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

static void
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
static void
page_begin(site *s, const char *title, int depth, const char *here,
    int scripted)
{
	static const char *const nav[][2] = {
		{ "index.html", "Home" }, { "people/index.html", "People" },
		{ "graph.html", "Network" },
	};
	kith_buf *b = &s->page;
	size_t i;

	buf_reset(b);
	arena_free(&s->scratch);
	s->prefix = depth ? "../" : "";
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
	put_date(b, s->j->today);
	buf_puts(b, "</span></header>\n<main>\n");
}

static unsigned char
fold_byte(char c)
{
	return (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* FNV-1a of one more byte, ASCII case folded; see fold_hash(). */
static uint64_t
fold_hash_step(uint64_t h, char c)
{
	return (h ^ fold_byte(c)) * 0x100000001b3u;
}

/* The set's key of a name's bytes: never 0, the empty slot. */
static uint64_t
fold_hash_end(uint64_t h)
{
	return h ? h : 1;
}

#define FOLD_HASH_START 0xcbf29ce484222325u

/* The entry of hash and len: a name (which p matches, ASCII case folded)
 * when name is set, else a first word.  NULL when there is none. */
static const secret_slot *
secret_set_find(const site *s, uint64_t hash, const char *p, size_t len,
    int name)
{
	const secret_slot *e;
	size_t k;

	for (k = hash & (s->secret_cap - 1); (e = &s->secret_set[k])->hash;
	    k = (k + 1) & (s->secret_cap - 1))
		if (e->hash == hash && e->len == len && (e->name != NULL) ==
		    name && (!name || strncasecmp(p, e->name, len) == 0))
			return e;
	return NULL;
}

/* The length of the longest private name that starts at p, a word start
 * (whole words, ASCII case folded), or 0.  The text's bytes from p are
 * hashed as they come: the first word must be one a name starts with, and
 * the text up to each word end after it is looked up among the names.  So
 * a word costs the same whatever the number of names. */
static size_t
secret_at(const site *s, const char *p, const char *end)
{
	uint64_t h = FOLD_HASH_START;
	size_t i, best = 0, max = (size_t)(end - p);
	int first = 1;

	if (max > s->secret_max)
		max = s->secret_max;
	for (i = 0; i < max; ) {
		h = fold_hash_step(h, p[i++]);
		if (p + i < end && isalnum_ascii(p[i]))
			continue;
		if (first && secret_set_find(s, fold_hash_end(h), p, i,
		    0) == NULL)
			return 0;
		first = 0;
		if (secret_set_find(s, fold_hash_end(h), p, i, 1) != NULL)
			best = i;
	}
	return best;
}

/* A word's place in the filter of first words: its first three bytes,
 * folded, those past the word's end taken as 0.  p is a word start. */
static unsigned
word_key(const char *p, const char *end)
{
	uint32_t b1 = 0, b2 = 0, h;

	if (p + 1 < end && isalnum_ascii(p[1])) {
		b1 = fold_byte(p[1]);
		if (p + 2 < end && isalnum_ascii(p[2]))
			b2 = fold_byte(p[2]);
	}
	h = ((uint32_t)fold_byte(p[0]) << 16 | b1 << 8 | b2) * 0x9e3779b1u;
	return h >> (32 - SECRET_KEY_BITS);
}

/* Is a private name at the word start p?  Its length, or 0.  Nearly every
 * word fails the filter of the secrets' first words; only the rest are
 * looked up. */
static size_t
secret_here(const site *s, const char *p, const char *end)
{
	unsigned k = word_key(p, end);

	if (!((s->secret_bits[k / 64] >> (k % 64)) & 1))
		return 0;
	return secret_at(s, p, end);
}

/* The first private name in [p, end), where prev tells whether the byte
 * before p is a word byte: its offset from p and *n, or end - p. */
static size_t
secret_scan(const site *s, const char *p, const char *end, int prev,
    size_t *n)
{
	const char *q;

	for (q = p; q < end; prev = isalnum_ascii(*q), q++)
		if (!prev && isalnum_ascii(*q) &&
		    (*n = secret_here(s, q, end)) > 0)
			return (size_t)(q - p);
	*n = 0;
	return (size_t)(end - p);
}

#if defined(__SSE2__)
/* The word bytes (isalnum_ascii()) of the 16 bytes at p, a bit each. */
static unsigned
word_bits16(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i digit = _mm_cmplt_epi8(_mm_sub_epi8(v, _mm_set1_epi8(
	    (char)('0' + 128))), _mm_set1_epi8(-128 + 10));
	__m128i letter = _mm_cmplt_epi8(_mm_sub_epi8(_mm_or_si128(v,
	    _mm_set1_epi8(0x20)), _mm_set1_epi8((char)('a' + 128))),
	    _mm_set1_epi8(-128 + 26));

	/* bytes from 0x80 have their top bit set: v itself */
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(digit,
	    letter), v));
}
#endif

/* Where the first private name in text starts (len when there is none);
 * *n is its length.  The page is read 16 bytes at a time where the CPU
 * can: the word starts of a block are found at once, without a branch
 * a byte. */
static size_t
secret_find(const site *s, const char *text, size_t len, size_t *n)
{
	const char *end = text + len;
	size_t i = 0;
	int prev = 0;
#if defined(__SSE2__)
	unsigned bits, starts;

	for (; i + 16 <= len; i += 16) {
		bits = word_bits16(text + i);
		starts = bits & ~(bits << 1 | (unsigned)prev);
		prev = (bits >> 15) & 1;
		for (; starts != 0; starts &= starts - 1)
			if ((*n = secret_here(s, text + i +
			    (unsigned)__builtin_ctz(starts), end)) > 0)
				return i + (unsigned)__builtin_ctz(starts);
	}
#endif
	return i + secret_scan(s, text + i, end, prev, n);
}

/* Appends text to out with every whole-word occurrence of a private name
 * replaced by "someone": the last guard that a private person's name never
 * reaches the site.  A word that passes the filter costs a lookup of its
 * bytes in the set of names, whatever their number (secret_at()). */
static void
scrub_text(const site *s, const char *text, size_t len, kith_buf *out)
{
	size_t at, n;

	while (len > 0) {
		at = secret_find(s, text, len, &n);
		buf_put(out, text, at);
		if (n > 0)
			buf_puts(out, "someone");
		text += at + n;
		len -= at + n;
	}
}

/* Scrubs the page but for kith's own script (no name in it, and a name
 * that is also a word of the script must not break it); a page without a
 * private name, nearly every one, is not copied. */
static int
scrub(site *s)
{
	kith_buf out = KITH_BUF_INIT;
	const char *page = s->page.data;
	size_t n, at, at2, after = s->page.len - s->js_end;

	if (s->nsecret == 0)
		return 0;
	/* the first names found are where the copy starts scrubbing: the
	 * page before them is not read twice */
	if ((at = secret_find(s, page, s->js_at, &n)) == s->js_at) {
		if ((at2 = secret_find(s, page + s->js_end, after, &n)) == after)
			return 0;
		buf_put(&out, page, s->js_end + at2);
		scrub_text(s, page + s->js_end + at2, after - at2, &out);
	} else {
		buf_put(&out, page, at);
		scrub_text(s, page + at, s->js_at - at, &out);
		buf_put(&out, page + s->js_at, s->js_end - s->js_at);
		scrub_text(s, page + s->js_end, after, &out);
	}
	if (out.oom) {
		buf_free(&out);
		return -1;
	}
	buf_free(&s->page);
	s->page = out;
	return 0;
}

static int
page_end(site *s, const char *rel)
{
	kith_buf *b = &s->page;

	buf_puts(b, "</main>\n<footer>Made by kith from your journal for ");
	put_date(b, s->j->today);
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
	if (b->oom || scrub(s) < 0) {
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

/* ---- follow-ups ---- */

/* Does an item touch a private note (its people, company or source)?
 * Asked once an item, by gather_items(): item_hidden() tells after. */
static int
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

static int
item_hidden(const site *s, size_t i)
{
	return s->item_hide[i];
}

static void
put_item(site *s, kith_buf *b, size_t i)
{
	static const char *const when[] = { "overdue", "today", "upcoming",
		"undated" };
	const kith_item *it = kith_due_item(s->due, i);
	note *src = s->item_src[i];

	buf_puts(b, "<li class=\"");
	buf_puts(b, when[it->when]);
	buf_puts(b, "\"><span class=\"due\">");
	if (it->due != KITH_NO_DATE)
		put_date(b, it->due);
	else
		buf_puts(b, "any time");
	buf_puts(b, "</span><span><span class=\"kind\">");
	buf_puts(b, kith_kind_name(it->kind));
	buf_puts(b, "</span>");
	esc(b, it->text);
	buf_puts(b, "</span><span class=\"meta\">");
	if (src != NULL && s->url[src->index] != NULL) {
		buf_puts(b, "<a href=\"");
		buf_puts(b, s->prefix);
		esc(b, s->url[src->index]);
		buf_puts(b, "\">");
		esc(b, it->file);
		buf_puts(b, "</a>");
	} else {
		esc(b, it->file);
	}
	buf_puts(b, ", line ");
	buf_put_int(b, it->line);
	buf_puts(b, "</span></li>\n");
}

/* Lists the items (indices into s->due) for which keep() says yes. */
static size_t
put_items(site *s, kith_buf *b, const size_t *idx, size_t n,
    int (*keep)(const site *, const kith_item *), const char *empty)
{
	size_t i, shown = 0;

	for (i = 0; i < n; i++) {
		if (!keep(s, kith_due_item(s->due, idx[i])))
			continue;
		if (shown++ == 0)
			buf_puts(b, "<ul class=\"items\">\n");
		put_item(s, b, idx[i]);
	}
	if (shown)
		buf_puts(b, "</ul>\n");
	else if (empty)
		buf_printf(b, "<p class=\"muted\">%s</p>\n", empty);
	return shown;
}

/* ---- note bodies ---- */

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
	n = graph_find(s->j, &s->key, name);
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

static int
put_body(site *s, kith_buf *b, const note *n)
{
	html_options o = { resolve_link, s, BODY_CAP, 1 };

	if (n->body == NULL || n->body_len == 0)
		return 0;
	buf_puts(b, "<div class=\"note-body\">\n");
	if (html_body(b, n->body, n->body_len, &o) < 0)
		return -1;
	buf_puts(b, "</div>\n");
	return 0;
}

static void
put_backlinks(site *s, kith_buf *b, const note *n)
{
	size_t i, shown = 0;
	const backlink *l;

	buf_puts(b, "<section class=\"card\"><h2>Mentioned in</h2>\n");
	for (i = s->back_start[n->index]; i < s->back_start[n->index + 1]; i++) {
		l = &s->back[i];
		if (s->hidden[l->from->index] || l->from == n)
			continue;
		if (shown++ == 0)
			buf_puts(b, "<ul class=\"plain\">\n");
		buf_puts(b, "<li>");
		put_node(s, b, l->from);
		buf_puts(b, " <span class=\"muted\">line ");
		buf_put_int(b, l->line);
		buf_puts(b, "</span></li>\n");
	}
	if (shown)
		buf_puts(b, "</ul>\n");
	else
		buf_puts(b, "<p class=\"muted\">No note links here yet.</p>\n");
	buf_puts(b, "</section>\n");
}

/* A value of an unknown key as written, but its wiki links as links: to
 * the page of the note named, "someone" for a private note (as in a
 * body), the text as written when the name leads nowhere. */
static void
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
static void
put_extras(site *s, kith_buf *b, const note *n)
{
	const yval *v;
	size_t i, k;

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
}

/* ---- pages of notes ---- */

static void
put_label(kith_buf *b, const char *label)
{
	buf_puts(b, "<dt>");
	buf_puts(b, label);
	buf_puts(b, "</dt><dd>");
}

static void
fact_text(kith_buf *b, const char *label, const char *value)
{
	if (value == NULL)
		return;
	put_label(b, label);
	esc(b, value);
	buf_puts(b, "</dd>");
}

static void
fact_date(kith_buf *b, const char *label, kith_date d)
{
	if (d == KITH_NO_DATE)
		return;
	put_label(b, label);
	put_date(b, d);
	buf_puts(b, "</dd>");
}

static void
fact_list(kith_buf *b, const char *label, const f_list *l)
{
	if (l->n == 0)
		return;
	put_label(b, label);
	put_list(b, l, ", ");
	buf_puts(b, "</dd>");
}

static void
put_when(kith_buf *b, const note *m)
{
	put_date(b, m->date.d);
	if (m->date.minutes >= 0)
		buf_printf(b, " %02d:%02d", m->date.minutes / 60,
		    m->date.minutes % 60);
}

/* One meeting in a person's timeline, with its notes. */
static int
put_meeting_article(site *s, kith_buf *b, const note *m)
{
	buf_puts(b, "<article class=\"meeting\"><h3>");
	put_node(s, b, m);
	buf_puts(b, "</h3><p class=\"muted\">");
	put_when(b, m);
	buf_puts(b, " \xc2\xb7 ");
	esc(b, meeting_kind(m));
	if (m->date.d > s->j->today)
		buf_puts(b, " \xc2\xb7 scheduled");
	buf_puts(b, " \xc2\xb7 with ");
	put_people(s, b, m);
	if (m->company.to != NULL) {
		buf_puts(b, " \xc2\xb7 ");
		put_node(s, b, m->company.to);
	}
	buf_puts(b, "</p>\n");
	if (put_body(s, b, m) < 0)
		return -1;
	buf_puts(b, "</article>\n");
	return 0;
}

static int
keep_task(const site *s, const kith_item *it)
{
	(void)s;
	return it->kind == KITH_KIND_TASK;
}

static int
keep_date(const site *s, const kith_item *it)
{
	(void)s;
	return it->kind == KITH_KIND_DATE;
}

static int
keep_all(const site *s, const kith_item *it)
{
	(void)s;
	(void)it;
	return 1;
}

static int
keep_follow_up(const site *s, const kith_item *it)
{
	(void)s;
	return it->kind != KITH_KIND_TASK && it->kind != KITH_KIND_DATE;
}

/* Items of a node that are not about private people. */
static size_t
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

static void
put_ledger(site *s, kith_buf *b, const note *p)
{
	size_t i, gave = 0, asked = 0;
	const note *m;

	buf_puts(b, "<section class=\"card\"><h2>Gave and asked</h2>\n");
	for (i = 0; i < p->nmeetings; i++) {
		m = p->meetings[i];
		if (m->date.d > s->j->today || (m->gave.n == 0 && m->asked.n == 0))
			continue;
		if (gave + asked == 0)
			buf_puts(b, "<div class=\"scroll\"><table><thead><tr>"
			    "<th>Date</th><th>Meeting</th><th>You gave</th>"
			    "<th>You asked</th></tr></thead><tbody>\n");
		buf_puts(b, "<tr><td>");
		put_date(b, m->date.d);
		buf_puts(b, "</td><td>");
		put_node(s, b, m);
		buf_puts(b, "</td><td>");
		put_list(b, &m->gave, "; ");
		buf_puts(b, "</td><td>");
		put_list(b, &m->asked, "; ");
		buf_puts(b, "</td></tr>\n");
		gave += m->gave.n;
		asked += m->asked.n;
	}
	if (gave + asked == 0) {
		buf_puts(b, "<p class=\"muted\">Nothing given or asked yet.</p>"
		    "</section>\n");
		return;
	}
	buf_printf(b, "</tbody></table></div><p class=\"muted\">In all: you gave "
	    "%zu, you asked %zu.</p></section>\n", gave, asked);
}

/* A person and a weight: how close to someone, or how strong; sorted
 * heaviest first, then by name. */
typedef struct tie {
	note *who;
	int weight;
} tie;

static int
tie_order(const void *a, const void *b)
{
	const tie *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return name_cmp(x->who->display, y->who->display);
}

static void
tie_add(tie *t, size_t *n, size_t max, note *who, int weight)
{
	size_t i;

	for (i = 0; i < *n; i++) {
		if (t[i].who == who) {
			t[i].weight += weight;
			return;
		}
	}
	if (*n < max)
		t[(*n)++] = (tie){ who, weight };
}

#define EGO_MAX 14
#define EGO_CX 180.0
#define EGO_CY 130.0
#define EGO_R 95.0

/* Where the picture puts the i-th of n people around the centre: x, y and
 * the y of the name under the circle, formatted "%.1f" once for all pages
 * (a thousand pages would format the same few numbers again each); and
 * the centre itself: x, y and the y of p's name above it. */
static char ego_at[EGO_MAX + 1][EGO_MAX][3][16];
static char ego_centre[3][16];
static pthread_once_t ego_once = PTHREAD_ONCE_INIT;

static void
ego_places(void)
{
	double angle, x, y;
	size_t n, i;

	snprintf(ego_centre[0], 16, "%.1f", EGO_CX);
	snprintf(ego_centre[1], 16, "%.1f", EGO_CY);
	snprintf(ego_centre[2], 16, "%.1f", EGO_CY - 14);

	for (n = 1; n <= EGO_MAX; n++)
		for (i = 0; i < n; i++) {
			angle = 3.14159265358979 * (2.0 * (double)i + 1) /
			    (double)n - 1.5708;
			x = EGO_CX + EGO_R * cos(angle);
			y = EGO_CY + EGO_R * 0.95 * sin(angle);
			snprintf(ego_at[n][i][0], 16, "%.1f", x);
			snprintf(ego_at[n][i][1], 16, "%.1f", y);
			snprintf(ego_at[n][i][2], 16, "%.1f", y + 20);
		}
}

/* A small picture of p and the people around p (inline SVG): met together
 * (once a meeting), introduced either way (twice), linked from p's note
 * (once). */
static void
put_ego(site *s, kith_buf *b, note *p)
{
	static const char *const radius[] = { "5", "6", "7", "8", "9", "10" };
	tie t[64];
	size_t n = 0, i, k, end;
	const note *m, *q;

	for (i = 0; i < p->nmeetings; i++) {
		m = p->meetings[i];
		for (k = 0; k < m->with.n; k++) {
			q = m->with.v[k].to;
			if (q != p && is_visible_person(s, q))
				tie_add(t, &n, 64, (note *)q, 1);
		}
	}
	if (is_visible_person(s, p->introduced_by.to))
		tie_add(t, &n, 64, p->introduced_by.to, 2);
	rel_range(s, REL_INTRODUCED, p, &i, &end);
	for (; i < end; i++)
		if (is_visible_person(s, s->rel_of[i]))
			tie_add(t, &n, 64, s->rel_of[i], 2);
	for (i = 0; i < p->nmentions; i++) {
		q = p->mentions[i].ref.to;
		if (q != p && is_visible_person(s, q))
			tie_add(t, &n, 64, (note *)q, 1);
	}
	if (n == 0) {
		buf_puts(b, "<p class=\"muted\">No one around yet: meet them with "
		    "someone, or link people in their note.</p>\n");
		return;
	}
	qsort(t, n, sizeof(t[0]), tie_order);
	if (n > EGO_MAX)
		n = EGO_MAX;
	buf_puts(b, "<svg class=\"ego\" xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 360 260\" role=\"img\" aria-label=\"The people "
	    "around\">");
	pthread_once(&ego_once, ego_places);
	for (i = 0; i < n; i++) {
		buf_puts(b, "<line x1=\"");
		buf_puts(b, ego_centre[0]);
		buf_puts(b, "\" y1=\"");
		buf_puts(b, ego_centre[1]);
		buf_puts(b, "\" x2=\"");
		buf_puts(b, ego_at[n][i][0]);
		buf_puts(b, "\" y2=\"");
		buf_puts(b, ego_at[n][i][1]);
		buf_puts(b, "\"/>");
	}
	for (i = 0; i < n; i++) {
		buf_puts(b, "<a href=\"");
		buf_puts(b, s->prefix);
		esc(b, s->url[t[i].who->index] ? s->url[t[i].who->index] : "");
		buf_puts(b, "\"><circle cx=\"");
		buf_puts(b, ego_at[n][i][0]);
		buf_puts(b, "\" cy=\"");
		buf_puts(b, ego_at[n][i][1]);
		buf_puts(b, "\" r=\"");
		buf_puts(b, radius[t[i].weight > 5 ? 5 : t[i].weight]);
		buf_puts(b, "\"/><text x=\"");
		buf_puts(b, ego_at[n][i][0]);
		buf_puts(b, "\" y=\"");
		buf_puts(b, ego_at[n][i][2]);
		buf_puts(b, "\" text-anchor=\"middle\">");
		esc(b, t[i].who->display);
		buf_puts(b, "</text></a>");
	}
	buf_puts(b, "<circle class=\"me\" cx=\"");
	buf_puts(b, ego_centre[0]);
	buf_puts(b, "\" cy=\"");
	buf_puts(b, ego_centre[1]);
	buf_puts(b, "\" r=\"9\"/><text x=\"");
	buf_puts(b, ego_centre[0]);
	buf_puts(b, "\" y=\"");
	buf_puts(b, ego_centre[2]);
	buf_puts(b, "\" text-anchor=\"middle\">");
	esc(b, p->display);
	buf_puts(b, "</text></svg>\n");
}

/* Links from a contact field: only safe schemes get an href. */
static void
fact_contacts(kith_buf *b, const char *label, const f_list *l,
    const char *scheme)
{
	size_t i;
	const char *v;

	if (l->n == 0)
		return;
	put_label(b, label);
	for (i = 0; i < l->n; i++) {
		v = l->v[i].s;
		if (i)
			buf_puts(b, ", ");
		if (scheme != NULL && strchr(v, ':') == NULL) {
			buf_printf(b, "<a href=\"%s", scheme);
			html_url_put(b, v, strlen(v));
			buf_puts(b, "\">");
			esc(b, v);
			buf_puts(b, "</a>");
		} else if (scheme == NULL && (strncmp(v, "https://", 8) == 0 ||
		    strncmp(v, "http://", 7) == 0) && html_url_is_safe(v, strlen(v))) {
			buf_puts(b, "<a rel=\"noopener noreferrer\" href=\"");
			html_url_put(b, v, strlen(v));
			buf_puts(b, "\">");
			esc(b, v);
			buf_puts(b, "</a>");
		} else {
			esc(b, v);
		}
	}
	buf_puts(b, "</dd>");
}

static void
person_facts(site *s, kith_buf *b, note *p)
{
	duration c = person_cadence(s->j, p);
	char every[32];
	size_t i, k, end;
	note *q;

	buf_puts(b, "<dl class=\"facts\">");
	if (p->company.to) {
		buf_puts(b, "<dt>Company</dt><dd>");
		put_node(s, b, p->company.to);
		buf_puts(b, "</dd>");
	}
	fact_text(b, "Title", p->job_title.s);
	if (p->tags.n) {
		buf_puts(b, "<dt>Tags</dt><dd>");
		put_tags(b, &p->tags);
		buf_puts(b, "</dd>");
	}
	fact_contacts(b, "Email", &p->email, "mailto:");
	fact_contacts(b, "Phone", &p->phone, "tel:");
	fact_contacts(b, "LinkedIn", &p->linkedin, NULL);
	fact_list(b, "Location", &p->location);
	fact_date(b, "Met", p->met.d);
	fact_date(b, "Last contact", p->last);
	if (p->type == NOTE_PERSON && !p->is_owner && c.unit == 0 &&
	    !p->close_tie) {
		/* followups.md: the default cadence is for close ties */
		buf_puts(b, "<dt>Check in</dt><dd>not asked: no one-to-one "
		    "meeting yet</dd>");
	} else if (p->type == NOTE_PERSON) {
		duration_describe(c, every, sizeof(every));
		buf_printf(b, "<dt>Check in</dt><dd>%s%s</dd>",
		    c.unit ? "every " : "", every);
	}
	fact_date(b, "Snoozed until", p->snooze.d);
	buf_printf(b, "<dt>Strength</dt><dd class=\"strength\">%d / 100</dd>",
	    s->strength[p->index]);
	if (is_visible_person(s, p->introduced_by.to)) {
		buf_puts(b, "<dt>Introduced by</dt><dd>");
		put_node(s, b, p->introduced_by.to);
		buf_puts(b, "</dd>");
	}
	rel_range(s, REL_INTRODUCED, p, &i, &end);
	for (k = 0; i < end; i++) {
		q = s->rel_of[i];
		if (!is_visible_person(s, q))
			continue;
		buf_puts(b, k++ ? ", " : "<dt>Introduced you to</dt><dd>");
		put_node(s, b, q);
	}
	if (k)
		buf_puts(b, "</dd>");
	put_extras(s, b, p);
	buf_puts(b, "</dl>\n");
}

static int
page_person(site *s, note *p)
{
	kith_buf *b = &s->page;
	size_t *items, n, i;

	page_begin(s, p->display, 1, "People", 0);
	buf_puts(b, "<h1>");
	esc(b, p->display);
	buf_puts(b, "</h1>\n<p class=\"sub\">");
	if (p->job_title.s) {
		esc(b, p->job_title.s);
		if (p->company.to)
			buf_puts(b, " at ");
	}
	put_node(s, b, p->company.to);
	if (p->type == NOTE_UNRESOLVED)
		buf_puts(b, " <span class=\"muted\">(no note yet: named in "
		    "meetings)</span>");
	buf_puts(b, "</p>\n<div class=\"grid\">\n<section class=\"card\">"
	    "<h2>Profile</h2>");
	person_facts(s, b, p);
	buf_puts(b, "</section>\n<section class=\"card\"><h2>People around</h2>");
	put_ego(s, b, p);
	buf_puts(b, "</section>\n</div>\n");
	n = node_items(s, p, &items);
	buf_puts(b, "<div class=\"grid\">\n<section class=\"card\"><h2>"
	    "Follow-ups</h2>");
	put_items(s, b, items, n, keep_follow_up, "Nothing to follow up.");
	buf_puts(b, "</section>\n<section class=\"card\"><h2>Open tasks</h2>");
	put_items(s, b, items, n, keep_task, "No open tasks.");
	buf_puts(b, "</section>\n<section class=\"card\"><h2>Coming dates</h2>");
	put_items(s, b, items, n, keep_date, "No dates noted.");
	buf_puts(b, "</section>\n</div>\n");
	if (p->type == NOTE_PERSON && p->body && p->body_len > 0) {
		buf_puts(b, "<section class=\"card\"><h2>Notes</h2>");
		if (put_body(s, b, p) < 0)
			return -1;
		buf_puts(b, "</section>\n");
	}
	buf_puts(b, "<section class=\"card\"><h2>Timeline</h2>\n");
	for (i = p->nmeetings, n = 0; i-- > 0;) {
		if (s->hidden[p->meetings[i]->index])
			continue;
		n++;
		if (put_meeting_article(s, b, p->meetings[i]) < 0)
			return -1;
	}
	if (n == 0)
		buf_puts(b, "<p class=\"muted\">No meetings yet.</p>\n");
	buf_puts(b, "</section>\n");
	put_ledger(s, b, p);
	put_backlinks(s, b, p);
	return page_end(s, s->url[p->index]);
}

static int
page_meeting(site *s, note *m)
{
	kith_buf *b = &s->page;
	size_t *items, n;

	page_begin(s, m->display, 1, "", 0);
	buf_puts(b, "<h1>");
	esc(b, m->display);
	buf_puts(b, "</h1>\n<p class=\"sub\">");
	put_when(b, m);
	buf_puts(b, " \xc2\xb7 ");
	esc(b, meeting_kind(m));
	buf_printf(b, "%s</p>\n",
	    m->date.d > s->j->today ? " \xc2\xb7 scheduled" : "");
	buf_puts(b, "<div class=\"grid\">\n<section class=\"card\"><h2>Details"
	    "</h2><dl class=\"facts\"><dt>With</dt><dd>");
	put_people(s, b, m);
	buf_puts(b, "</dd>");
	if (m->company.to) {
		buf_puts(b, "<dt>Company</dt><dd>");
		put_node(s, b, m->company.to);
		buf_puts(b, "</dd>");
	}
	if (m->thanked.v == THANKED_DATE)
		fact_date(b, "Thanked", m->thanked.d);
	else if (m->thanked.v != THANKED_UNSET)
		fact_text(b, "Thanked", m->thanked.v == THANKED_YES ? "yes" :
		    m->thanked.v == THANKED_SKIP ? "not needed" : "not yet");
	if (m->next.v == NEXT_DATE)
		fact_date(b, "Next meeting by", m->next.d);
	else if (m->next.v == NEXT_NONE)
		fact_text(b, "Next meeting", "none wanted");
	fact_list(b, "You gave", &m->gave);
	fact_list(b, "You asked", &m->asked);
	put_extras(s, b, m);
	buf_puts(b, "</dl></section>\n<section class=\"card\"><h2>Follow-ups"
	    "</h2>");
	n = node_items(s, m, &items);
	put_items(s, b, items, n, keep_all, "Nothing to follow up.");
	buf_puts(b, "</section>\n</div>\n<section class=\"card\"><h2>Notes</h2>");
	if (put_body(s, b, m) < 0)
		return -1;
	buf_puts(b, "</section>\n");
	put_backlinks(s, b, m);
	return page_end(s, s->url[m->index]);
}

/* People at a company: notes whose company: is it, strongest first. */
static size_t
company_people(site *s, const note *c, note ***out)
{
	size_t i, end, k, n = 0;
	tie *r;
	note **v, *p;

	*out = NULL;
	rel_range(s, REL_WORKS_HERE, c, &i, &end);
	r = arena_alloc(&s->scratch, (end - i + 1) * sizeof(*r));
	v = arena_alloc(&s->scratch, (end - i + 1) * sizeof(*v));
	if (r == NULL || v == NULL)
		return 0;
	for (; i < end; i++) {
		p = s->rel_of[i];
		if (is_visible_person(s, p))
			r[n++] = (tie){ p, s->strength[p->index] };
	}
	qsort(r, n, sizeof(*r), tie_order);
	for (k = 0; k < n; k++)
		v[k] = r[k].who;
	*out = v;
	return n;
}

/* Warm paths: people you know there, and who brought you to them. */
static void
put_warm_paths(site *s, kith_buf *b, note **people, size_t n)
{
	size_t i;
	note *p, *via;

	buf_puts(b, "<section class=\"card\"><h2>Warm paths in</h2>\n");
	if (n == 0) {
		buf_puts(b, "<p class=\"muted\">You know no one here yet: ask the "
		    "people you are closest to whom they know.</p></section>\n");
		return;
	}
	buf_puts(b, "<ul class=\"plain\">\n");
	for (i = 0; i < n && i < 10; i++) {
		p = people[i];
		via = p->introduced_by.to;
		buf_puts(b, "<li>You \xe2\x86\x92 ");
		if (via != NULL && is_visible_person(s, via)) {
			put_node(s, b, via);
			buf_puts(b, " \xe2\x86\x92 ");
		}
		put_node(s, b, p);
		buf_printf(b, " <span class=\"muted\">strength %d</span></li>\n",
		    s->strength[p->index]);
	}
	buf_puts(b, "</ul></section>\n");
}

static int
page_company(site *s, note *c)
{
	kith_buf *b = &s->page;
	note **people;
	size_t n, i, end, *items, nitems, shown = 0;
	const note *m;

	page_begin(s, c->display, 1, "", 0);
	buf_puts(b, "<h1>");
	esc(b, c->display);
	buf_puts(b, "</h1>\n<p class=\"sub\">Company");
	if (c->status.s) {
		buf_puts(b, " \xc2\xb7 ");
		esc(b, c->status.s);
	}
	buf_puts(b, "</p>\n<div class=\"grid\">\n<section class=\"card\"><h2>"
	    "Details</h2><dl class=\"facts\">");
	fact_text(b, "Status", c->status.s);
	if (c->target.set)
		fact_text(b, "Target", c->target.yes ? "yes" : "no");
	fact_date(b, "Apply by", c->apply_by.d);
	if (c->website.s)
		fact_contacts(b, "Website", &(f_list){ &c->website, 1, c->website.at },
		    NULL);
	if (c->tags.n) {
		buf_puts(b, "<dt>Tags</dt><dd>");
		put_tags(b, &c->tags);
		buf_puts(b, "</dd>");
	}
	put_extras(s, b, c);
	buf_puts(b, "</dl></section>\n");
	n = company_people(s, c, &people);
	put_warm_paths(s, b, people, n);
	buf_puts(b, "</div>\n<div class=\"grid\">\n<section class=\"card\"><h2>"
	    "People</h2>");
	for (i = 0; i < n; i++) {
		buf_puts(b, i ? "<li>" : "<ul class=\"plain\">\n<li>");
		put_node(s, b, people[i]);
		if (people[i]->job_title.s) {
			buf_puts(b, " <span class=\"muted\">");
			esc(b, people[i]->job_title.s);
			buf_puts(b, "</span>");
		}
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, n ? "</ul>" : "<p class=\"muted\">No one yet.</p>");
	buf_puts(b, "</section>\n<section class=\"card\"><h2>Follow-ups</h2>");
	nitems = node_items(s, c, &items);
	put_items(s, b, items, nitems, keep_all, "Nothing to follow up.");
	buf_puts(b, "</section>\n</div>\n<section class=\"card\"><h2>Meetings"
	    "</h2>\n");
	rel_range(s, REL_MEETINGS_HERE, c, &i, &end);
	for (; i < end; i++) {
		m = s->rel_of[i];
		if (s->hidden[m->index])
			continue;
		buf_puts(b, shown++ ? "<li>" : "<ul class=\"plain\">\n<li>");
		put_date(b, m->date.d);
		buf_puts(b, " ");
		put_node(s, b, m);
		buf_puts(b, " <span class=\"muted\">with ");
		put_people(s, b, m);
		buf_puts(b, "</span></li>\n");
	}
	buf_puts(b, shown ? "</ul>" : "<p class=\"muted\">No meetings yet.</p>");
	buf_puts(b, "</section>\n");
	if (c->body && c->body_len > 0) {
		buf_puts(b, "<section class=\"card\"><h2>Notes</h2>");
		if (put_body(s, b, c) < 0)
			return -1;
		buf_puts(b, "</section>\n");
	}
	put_backlinks(s, b, c);
	return page_end(s, s->url[c->index]);
}

static void
put_goal(site *s, kith_buf *b, const note *g)
{
	goal_progress p = goal_measure(s->j, g);

	buf_puts(b, "<li>");
	put_node(s, b, g);
	if (!p.valid) {
		buf_puts(b, " <span class=\"muted\">(its counts: cannot be "
		    "read)</span></li>\n");
		return;
	}
	buf_printf(b, " <span class=\"muted\">%ld of %ld", p.count, p.target);
	if (g->due.d != KITH_NO_DATE) {
		buf_puts(b, " by ");
		put_date(b, g->due.d);
	}
	buf_printf(b, "</span><br><progress value=\"%ld\" max=\"%ld\">%ld of "
	    "%ld</progress></li>\n", p.count < p.target ? p.count : p.target,
	    p.target > 0 ? p.target : 1, p.count, p.target);
}

static int
page_note(site *s, note *n)
{
	kith_buf *b = &s->page;
	size_t *items, k;

	page_begin(s, n->display, 1, "", 0);
	buf_puts(b, "<h1>");
	esc(b, n->display);
	buf_printf(b, "</h1>\n<p class=\"sub\">%s</p>\n",
	    n->type == NOTE_GOAL ? "Goal" : "Note");
	if (n->type == NOTE_GOAL) {
		buf_puts(b, "<section class=\"card\"><h2>Progress</h2>"
		    "<ul class=\"plain\">");
		put_goal(s, b, n);
		buf_puts(b, "</ul><p class=\"muted\">Counts: ");
		esc(b, n->counts.s ? n->counts.s : "(none)");
		buf_puts(b, "</p></section>\n");
	}
	if (n->nextras) {
		buf_puts(b, "<section class=\"card\"><dl class=\"facts\">");
		put_extras(s, b, n);
		buf_puts(b, "</dl></section>\n");
	}
	k = node_items(s, n, &items);
	if (k) {
		buf_puts(b, "<section class=\"card\"><h2>Follow-ups</h2>");
		put_items(s, b, items, k, keep_all, NULL);
		buf_puts(b, "</section>\n");
	}
	buf_puts(b, "<section class=\"card\">");
	if (put_body(s, b, n) < 0)
		return -1;
	buf_puts(b, "</section>\n");
	put_backlinks(s, b, n);
	return page_end(s, s->url[n->index]);
}

/* ---- the people list ---- */

/* The earliest due date among a person's items, or KITH_NO_DATE. */
static kith_date
next_due(site *s, const note *p)
{
	size_t i;
	const kith_item *it;
	kith_date best = KITH_NO_DATE;

	for (i = s->item_start[p->index]; i < s->item_start[p->index + 1]; i++) {
		it = kith_due_item(s->due, s->item_of[i]);
		if (it->due != KITH_NO_DATE && (best == KITH_NO_DATE || it->due < best))
			best = it->due;
	}
	return best;
}

static int
page_people(site *s)
{
	kith_buf *b = &s->page;
	size_t i, n = 0;
	note *p;
	kith_date d;

	for (i = 0; i < s->j->nnodes; i++)
		n += is_visible_person(s, s->j->notes[i]);
	page_begin(s, "People", 1, "People", 1);
	buf_printf(b, "<h1>People</h1>\n<p class=\"sub\"><span id=\"shown\">%zu"
	    "</span> of %zu people. Click a heading to sort.</p>\n", n, n);
	buf_puts(b, "<input type=\"search\" id=\"filter\" data-filter=\"people\" "
	    "data-count=\"shown\" placeholder=\"Filter by name, company, tag"
	    "\xe2\x80\xa6\" aria-label=\"Filter people\" hidden>\n"
	    "<section class=\"card\"><div class=\"scroll\"><table id=\"people\" "
	    "data-sortable><thead><tr><th>Name</th><th>Company</th>"
	    "<th class=\"hide-narrow\">Tags</th><th>Last contact</th>"
	    "<th>Next due</th><th class=\"num\">Strength</th></tr></thead>"
	    "<tbody>\n");
	for (i = 0; i < s->j->nnodes; i++) {
		p = s->j->notes[i];
		if (!is_visible_person(s, p))
			continue;
		buf_puts(b, "<tr><td>");
		put_node(s, b, p);
		buf_puts(b, "</td><td>");
		put_node(s, b, p->company.to);
		buf_puts(b, "</td><td class=\"hide-narrow\">");
		put_tags(b, &p->tags);
		buf_puts(b, "</td><td>");
		put_date(b, p->last);
		d = next_due(s, p);
		buf_printf(b, "</td><td data-sort=\"%s\">",
		    d == KITH_NO_DATE ? "9999" : "");
		put_date(b, d);
		buf_printf(b, "</td><td class=\"num\">%d</td></tr>\n",
		    s->strength[p->index]);
	}
	buf_puts(b, "</tbody></table></div></section>\n");
	return page_end(s, "people/index.html");
}

/* ---- the home page ---- */

static int
skip_hidden(const void *ctx, size_t i)
{
	return item_hidden(ctx, i);
}

/* "and 14 more check-ins", "Older: 112 items ...", as kith due says. */
static void
home_counted(kith_buf *b, const due_listing *l)
{
	char before[11];
	int k, any = 0;

	if (l->more_check_ins)
		buf_printf(b, "<p class=\"stale\">And %zu more check-in%s: "
		    "<code>kith due --kind check-in</code> lists %s.</p>\n",
		    l->more_check_ins, l->more_check_ins == 1 ? "" : "s",
		    l->more_check_ins == 1 ? "it" : "them");
	if (l->nstale == 0)
		return;
	kith_date_format(l->stale_before, before);
	buf_printf(b, "<p class=\"stale\">Older: %zu item%s (", l->nstale,
	    l->nstale == 1 ? "" : "s");
	for (k = 0; k < KITH_KIND_COUNT; k++)
		if (l->stale[k])
			buf_printf(b, "%s%zu %s", any++ ? ", " : "", l->stale[k],
			    kith_kind_name((kith_kind)k));
	buf_printf(b, ") due before %s: <code>kith due --all</code> lists "
	    "%s.</p>\n", before, l->nstale == 1 ? "it" : "them");
}

/* The items kith due lists, in its groups and order, with its limits. */
static void
home_follow_ups(site *s, kith_buf *b)
{
	static const char *const titles[] = { "Overdue", "Today",
		"Coming days", "Any time" };
	const kith_item *it;
	due_listing l;
	size_t i;
	int when = -1;

	buf_puts(b, "<section class=\"card\"><h2>Follow-ups</h2>\n");
	if (due_listing_make(s->due, s->j, 0, s->j->cfg.horizon, skip_hidden,
	    s, &l) < 0) {
		b->oom = 1;
		return;
	}
	for (i = 0; i < l.n; i++) {
		it = kith_due_item(s->due, l.idx[i]);
		if ((int)it->when != when) {
			buf_printf(b, "%s<h3 class=\"group\">%s</h3>\n"
			    "<ul class=\"items\">\n", when < 0 ? "" : "</ul>\n",
			    titles[it->when]);
			when = (int)it->when;
		}
		put_item(s, b, l.idx[i]);
	}
	if (l.n > 0)
		buf_puts(b, "</ul>\n");
	home_counted(b, &l);
	due_listing_free(&l);
	buf_puts(b, "</section>\n");
}

static void
home_coming_meetings(site *s, kith_buf *b)
{
	size_t i, shown = 0;
	note *m;

	buf_puts(b, "<section class=\"card\"><h2>Coming meetings</h2>\n");
	for (i = 0; i < s->j->nnotes && shown < 12; i++) {
		m = s->j->notes[i];
		if (m->type != NOTE_MEETING || m->skipped || s->hidden[m->index] ||
		    m->date.d < s->j->today || meeting_is_written(m))
			continue;
		buf_puts(b, shown++ ? "<li>" : "<ul class=\"plain\">\n<li>");
		put_when(b, m);
		buf_puts(b, " ");
		put_node(s, b, m);
		buf_puts(b, " <span class=\"muted\">with ");
		put_people(s, b, m);
		buf_puts(b, "</span></li>\n");
	}
	buf_puts(b, shown ? "</ul>" : "<p class=\"muted\">Nothing scheduled. "
	    "Who would you like to see?</p>");
	buf_puts(b, "</section>\n");
}

/* Meetings per day over the last 52 weeks, a square a day, Monday first. */
static void
home_heatmap(site *s, kith_buf *b)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
		"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	kith_date today = s->j->today, start, d;
	int weekday = ((today + 3) % 7 + 7) % 7, counts[53 * 7], total = 0;
	int y, mo, day, last_month = -1, level, i;
	size_t k;
	note *m;
	char date[11];

	start = today - 52 * 7 - weekday;
	memset(counts, 0, sizeof(counts));
	for (k = 0; k < s->j->nnotes; k++) {
		m = s->j->notes[k];
		if (m->type != NOTE_MEETING || m->skipped || s->hidden[m->index] ||
		    m->date.d < start || m->date.d > today)
			continue;
		counts[m->date.d - start]++;
		total++;
	}
	buf_printf(b, "<section class=\"card\"><h2>Meetings in the last "
	    "year: %d</h2>\n<svg class=\"heatmap\" xmlns=\"http://www.w3.org/"
	    "2000/svg\" viewBox=\"0 0 720 112\" role=\"img\" aria-label=\""
	    "Meetings per day\">", total);
	for (i = 0; i <= today - start; i++) {
		d = start + i;
		date_to_ymd(d, &y, &mo, &day);
		if (i % 7 == 0 && mo != last_month && day <= 7) {
			buf_printf(b, "<text x=\"%d\" y=\"9\">%s</text>",
			    26 + (i / 7) * 13, months[mo - 1]);
			last_month = mo;
		}
		level = counts[i] >= 4 ? 4 : counts[i];
		kith_date_format(d, date);
		buf_printf(b, "<rect class=\"d%d\" x=\"%d\" y=\"%d\" width=\"11\" "
		    "height=\"11\" rx=\"2\"><title>%s: %d meeting%s</title>"
		    "</rect>", level, 26 + (i / 7) * 13, 14 + (i % 7) * 13, date,
		    counts[i], counts[i] == 1 ? "" : "s");
	}
	buf_puts(b, "<text x=\"0\" y=\"23\">Mon</text><text x=\"0\" y=\"49\">"
	    "Wed</text><text x=\"0\" y=\"75\">Fri</text></svg>\n</section>\n");
}

/* People longest past their check-in. */
static void
home_fading(site *s, kith_buf *b)
{
	size_t i, n = kith_due_count(s->due), shown = 0;
	const kith_item *it;
	note *const *people;
	size_t np;

	buf_puts(b, "<section class=\"card\"><h2>Fading</h2>\n");
	for (i = 0; i < n && shown < 10; i++) {
		it = kith_due_item(s->due, i);
		if (it->kind != KITH_KIND_CHECK_IN || it->when != KITH_OVERDUE ||
		    item_hidden(s, i))
			continue;
		people = due_item_people(s->due, i, &np);
		if (np == 0)
			continue;
		buf_puts(b, shown++ ? "<li>" : "<ul class=\"plain\">\n<li>");
		put_node(s, b, people[0]);
		buf_printf(b, " <span class=\"muted\">%d days past the check-in; "
		    "last contact ", s->j->today - it->due);
		put_date(b, people[0]->last);
		buf_puts(b, "</span></li>\n");
	}
	buf_puts(b, shown ? "</ul>" : "<p class=\"muted\">No one is fading: "
	    "every check-in is on time.</p>");
	buf_puts(b, "</section>\n");
}

static void
home_targets(site *s, kith_buf *b)
{
	size_t i, k, shown = 0, n;
	note *c, **people;

	buf_puts(b, "<section class=\"card\"><h2>Target companies</h2>\n");
	for (i = 0; i < s->j->nnotes; i++) {
		c = s->j->notes[i];
		if (c->type != NOTE_COMPANY || c->skipped || s->hidden[c->index] ||
		    !company_is_target(c))
			continue;
		buf_puts(b, shown++ ? "<li>" : "<ul class=\"plain\">\n<li>");
		put_node(s, b, c);
		if (c->apply_by.d != KITH_NO_DATE) {
			buf_puts(b, " <span class=\"muted\">apply by ");
			put_date(b, c->apply_by.d);
			buf_puts(b, "</span>");
		}
		n = company_people(s, c, &people);
		buf_puts(b, "<br>");
		for (k = 0; k < n && k < 4; k++) {
			buf_puts(b, k ? ", " : "Warm: ");
			put_node(s, b, people[k]);
		}
		if (n == 0)
			buf_puts(b, "<span class=\"cut\">No one there yet</span>");
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, shown ? "</ul>" : "<p class=\"muted\">No target companies: "
	    "mark one with <code>target: yes</code>.</p>");
	buf_puts(b, "</section>\n");
}

static void
home_goals(site *s, kith_buf *b)
{
	size_t i, shown = 0;
	note *g;

	buf_puts(b, "<section class=\"card\"><h2>Goals</h2>\n");
	for (i = 0; i < s->j->nnotes; i++) {
		g = s->j->notes[i];
		if (g->type != NOTE_GOAL || g->skipped || s->hidden[g->index])
			continue;
		if (shown++ == 0)
			buf_puts(b, "<ul class=\"plain\">\n");
		put_goal(s, b, g);
	}
	buf_puts(b, shown ? "</ul>" : "<p class=\"muted\">No goals yet: a note "
	    "with <code>type: goal</code> sets one.</p>");
	buf_puts(b, "</section>\n");
}

static int
page_home(site *s)
{
	kith_buf *b = &s->page;
	size_t i, people = 0, meetings = 0;
	note *n;

	for (i = 0; i < s->j->nnodes; i++) {
		n = s->j->notes[i];
		people += is_visible_person(s, n);
		meetings += n->type == NOTE_MEETING && !n->skipped &&
		    !s->hidden[n->index] && n->date.d <= s->j->today;
	}
	page_begin(s, "Home", 0, "Home", 0);
	buf_puts(b, "<h1>");
	esc(b, s->j->cfg.title);
	buf_printf(b, "</h1>\n<div class=\"stats\"><span><b>%zu</b>people</span>"
	    "<span><b>%zu</b>meetings</span>",
	    people, meetings);
	buf_puts(b, "</div>\n");
	home_heatmap(s, b);
	buf_puts(b, "<div class=\"columns\">\n<div>\n");
	home_follow_ups(s, b);
	buf_puts(b, "</div>\n<div>\n");
	home_coming_meetings(s, b);
	home_fading(s, b);
	home_targets(s, b);
	home_goals(s, b);
	buf_puts(b, "</div>\n</div>\n");
	return page_end(s, "index.html");
}

/* ---- the network ---- */

static int
page_graph(site *s)
{
	kith_buf *b = &s->page;
	network_in in = { s->url, s->hidden, s->strength };

	page_begin(s, "Network", 0, "Network", 0);
	buf_puts(b, "<h1>Your network</h1>\n<p class=\"sub\">The strongest "
	    "relationships and their companies (boxes); lines join people who "
	    "met together, introductions and workplaces. Click a name to open "
	    "the page.</p>\n<section class=\"card\">\n");
	if (network_svg(s->j, &in, b) < 0)
		buf_puts(b, "<p class=\"muted\">The picture could not be laid "
		    "out.</p>");
	buf_puts(b, "\n</section>\n");
	return page_end(s, "graph.html");
}

/* ---- setting up ---- */

/* Private notes, and meetings with no one but private people. */
static void
find_hidden(site *s)
{
	const kith_journal *j = s->j;
	size_t i, k, secret, open;
	note *n, *p;

	for (i = 0; i < j->nnodes; i++)
		s->hidden[i] = j->notes[i]->private_note;
	for (i = 0; i < j->nnotes; i++) {
		n = j->notes[i];
		if (n->type != NOTE_MEETING || n->skipped)
			continue;
		for (k = secret = open = 0; k < n->with.n; k++) {
			if ((p = n->with.v[k].to) == NULL || p->is_owner)
				continue;
			if (s->hidden[p->index])
				secret++;
			else
				open++;
		}
		if (secret > 0 && open == 0)
			s->hidden[i] = 1;
	}
}

static int
secret_add(site *s, const char *name, size_t *cap)
{
	const char **grown;

	if (name == NULL || strlen(name) < 3)
		return 0;
	if (s->nsecret == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		if ((grown = realloc(s->secret, *cap * sizeof(*grown))) == NULL)
			return -1;
		s->secret = grown;
	}
	s->secret[s->nsecret++] = name;
	return 0;
}

/* Puts an entry into the set (see secret_set_find()), once; the set has
 * room (find_secrets() keeps it at most half full). */
static void
secret_set_put(site *s, uint64_t hash, const char *name, size_t len)
{
	size_t k;

	if (secret_set_find(s, hash, name, len, name != NULL) != NULL)
		return;
	for (k = hash & (s->secret_cap - 1); s->secret_set[k].hash;
	    k = (k + 1) & (s->secret_cap - 1))
		;
	s->secret_set[k].hash = hash;
	s->secret_set[k].name = name;
	s->secret_set[k].len = len;
}

/* Adds a name, which starts with a word byte, and its first word. */
static void
secret_set_add(site *s, const char *name, size_t len)
{
	uint64_t h = FOLD_HASH_START, first = 0;
	size_t i, word = 0;

	for (i = 0; i < len; i++) {
		h = fold_hash_step(h, name[i]);
		if (word == 0 && (i + 1 == len || !isalnum_ascii(name[i + 1]))) {
			word = i + 1;
			first = h;
		}
	}
	secret_set_put(s, fold_hash_end(first), NULL, word);
	secret_set_put(s, fold_hash_end(h), name, len);
}

/* The names of private notes, to scrub from every page: those of people
 * and companies, and the name: and aliases: of any other. */
static int
find_secrets(site *s)
{
	size_t i, k, len, cap = 0;
	unsigned key;
	note *n;

	for (i = 0; i < s->j->nnodes; i++) {
		n = s->j->notes[i];
		if (!n->private_note)
			continue;
		/* a person's or company's every name; any other note's
		 * name: and aliases: (a title is not a name) */
		if ((n->type == NOTE_PERSON || n->type == NOTE_COMPANY) &&
		    (secret_add(s, n->display, &cap) < 0 ||
		    secret_add(s, n->stem, &cap) < 0))
			return -1;
		if (secret_add(s, n->name.s, &cap) < 0)
			return -1;
		for (k = 0; k < n->aliases.n; k++)
			if (secret_add(s, n->aliases.v[k].s, &cap) < 0)
				return -1;
	}
	for (s->secret_cap = 64; s->secret_cap < 4 * s->nsecret;
	    s->secret_cap *= 2)
		;
	s->secret_set = arena_alloc(&s->mem, s->secret_cap *
	    sizeof(*s->secret_set));
	s->secret_bits = arena_alloc(&s->mem, SECRET_KEYS / 8);
	if (s->secret_set == NULL || s->secret_bits == NULL)
		return -1;
	memset(s->secret_set, 0, s->secret_cap * sizeof(*s->secret_set));
	memset(s->secret_bits, 0, SECRET_KEYS / 8);
	for (i = 0; i < s->nsecret; i++) {
		len = strlen(s->secret[i]);
		if (!isalnum_ascii(s->secret[i][0]))
			continue;	/* no word start matches it */
		key = word_key(s->secret[i], s->secret[i] + len);
		s->secret_bits[key / 64] |= (uint64_t)1 << (key % 64);
		secret_set_add(s, s->secret[i], len);
		if (len > s->secret_max)
			s->secret_max = len;
	}
	return 0;
}

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

	if (s->nsecret == 0)
		return name;
	scrub_text(s, name, strlen(name), &b);
	clean = b.oom ? NULL : arena_strdup(&s->mem, b.data ? b.data : "");
	buf_free(&b);
	return clean;
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
		if (n->skipped || s->hidden[i] || n->is_owner)
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

static int
gather_backlinks(site *s)
{
	const kith_journal *j = s->j;
	size_t i, k, *fill, total;
	note *n, *to;

	s->back_start = arena_alloc(&s->mem, (j->nnodes + 1) * sizeof(size_t));
	fill = arena_alloc(&s->mem, (j->nnodes + 1) * sizeof(size_t));
	if (s->back_start == NULL || fill == NULL)
		return -1;
	for (i = 0; i < j->nnotes; i++)
		for (k = 0, n = j->notes[i]; k < n->nmentions; k++)
			if ((to = n->mentions[k].ref.to) != NULL)
				s->back_start[to->index]++;
	counts_to_starts(s->back_start, j->nnodes);
	total = s->back_start[j->nnodes];
	if ((s->back = arena_alloc(&s->mem, (total + 1) * sizeof(*s->back))) == NULL)
		return -1;
	memcpy(fill, s->back_start, (j->nnodes + 1) * sizeof(size_t));
	for (i = 0; i < j->nnotes; i++)
		for (k = 0, n = j->notes[i]; k < n->nmentions; k++)
			if ((to = n->mentions[k].ref.to) != NULL)
				s->back[fill[to->index]++] = (backlink){ n,
				    n->mentions[k].ref.at.line };
	return 0;
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

static int
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


static note *
relation(const note *n, int rel)
{
	switch (rel) {
	case REL_INTRODUCED:
		return n->type == NOTE_PERSON ? n->introduced_by.to : NULL;
	case REL_WORKS_HERE:
		return n->type == NOTE_PERSON && !n->skipped ? n->company.to : NULL;
	default:
		return n->type == NOTE_MEETING && !n->skipped ? n->company.to : NULL;
	}
}

static int
gather_relations(site *s)
{
	size_t nn = s->j->nnodes, slots = REL_COUNT * nn, i, *fill, pass;
	int rel;
	note *to, *n;

	s->rel_start = arena_alloc(&s->mem, (slots + 1) * sizeof(size_t));
	fill = arena_alloc(&s->mem, (slots + 1) * sizeof(size_t));
	if (s->rel_start == NULL || fill == NULL)
		return -1;
	for (pass = 0; pass < 2; pass++) {
		for (rel = 0; rel < REL_COUNT; rel++)
			for (i = 0; i < nn; i++) {
				n = s->j->notes[i];
				if ((to = relation(n, rel)) == NULL)
					continue;
				if (pass == 0)
					s->rel_start[rel * nn + to->index]++;
				else
					s->rel_of[fill[rel * nn + to->index]++] = n;
			}
		if (pass == 0) {
			counts_to_starts(s->rel_start, slots);
			memcpy(fill, s->rel_start, (slots + 1) * sizeof(size_t));
			s->rel_of = arena_alloc(&s->mem,
			    (s->rel_start[slots] + 1) * sizeof(note *));
			if (s->rel_of == NULL)
				return -1;
		}
	}
	return 0;
}

/* The range of one relation of a node in rel_of. */
static void
rel_range(const site *s, int rel, const note *n, size_t *from, size_t *to)
{
	size_t at = (size_t)rel * s->j->nnodes + n->index;

	*from = s->rel_start[at];
	*to = s->rel_start[at + 1];
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

static int
set_up(site *s)
{
	const kith_journal *j = s->j;
	kith_due_query q = { ALL_DAYS, 0, NULL };
	size_t i;

	if (kith_due_new(j, &q, &s->due) != KITH_OK)
		return -1;
	s->url = arena_alloc(&s->mem, (j->nnodes + 1) * sizeof(*s->url));
	s->hidden = arena_alloc(&s->mem, j->nnodes + 1);
	s->strength = arena_alloc(&s->mem, (j->nnodes + 1) * sizeof(int));
	if (s->url == NULL || s->hidden == NULL || s->strength == NULL)
		return -1;
	find_hidden(s);
	for (i = 0; i < j->nnodes; i++)
		if (note_is_person(j->notes[i]))
			s->strength[i] = person_strength(j, j->notes[i]);
	if (find_secrets(s) < 0 || assign_urls(s) < 0 ||
	    gather_backlinks(s) < 0 || gather_items(s) < 0 ||
	    gather_relations(s) < 0 || make_csp(s) < 0)
		return -1;
	return 0;
}

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
#define MAX_WORKERS 8
#define PAGE_BATCH 16

/* The pages of the whole site, made before a worker takes notes: the
 * network picture (Graphviz, the longest; only ever on one thread) on a
 * worker of its own while the first makes the others. */
static int page_home(site *s);
static int page_people(site *s);
static int page_graph(site *s);

typedef int (*site_page)(site *);

typedef struct worker {
	site s;
	_Atomic size_t *next;
	atomic_int *stop;
	const site_page *first;	/* NULL-ended */
	int rc;
	pthread_t thread;
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
workers_count(const site *s)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (s->j->nnodes < 256 || cpus < 2)
		return 1;
	return cpus > MAX_WORKERS ? MAX_WORKERS : (int)cpus;
}

static int
write_pages(site *s)
{
	worker w[MAX_WORKERS];
	_Atomic size_t next = 0;
	atomic_int stop = 0;
	int n = workers_count(s), k, started = 0, rc = 0;

	static const site_page all[] = { page_graph, page_home, page_people,
		NULL };
	static const site_page most[] = { page_home, page_people, NULL };
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
	for (k = 1; k < n; k++) {
		if (k == 1)
			w[k].first = graph;
		if (pthread_create(&w[k].thread, NULL, work, &w[k]) != 0)
			break;
		started++;
	}
	w[0].first = started > 0 ? most : all;
	work(&w[0]);	/* the calling thread is worker 0 */
	for (k = 1; k <= started; k++)
		pthread_join(w[k].thread, NULL);
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
kith_site_write(kith_journal *j, const char *dir, kith_site_result *res,
    char **why)
{
	site s;
	out_status st;
	kith_status rc = KITH_ESYSTEM;
	char inputs[65];

	memset(&s, 0, sizeof(s));
	memset(res, 0, sizeof(*res));
	*why = NULL;
	s.j = j;
	if ((st = site_out_open(j, dir, &s.out, why)) != OUT_OK) {
		rc = st == OUT_REFUSED ? KITH_EREFUSED : KITH_ESYSTEM;
		goto out;
	}
	/* Made from the same inputs, into a folder left as it was: the
	 * same files would be made; nothing to do. */
	if (inputs_fingerprint(j, inputs) == 0 &&
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
	free(s.secret);
	free(s.csp_script);
	free(s.why);
	arena_free(&s.scratch);
	arena_free(&s.mem);
	return rc;
}
