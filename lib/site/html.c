/*
 * html.c: renders a note's body as HTML for the dashboard, driving md4c's
 * parser with kith's own callbacks (not md4c-html): wiki links go to kith's
 * pages or hide a private person's name, link schemes are checked, images
 * become links (the dashboard makes no network request), and one body's
 * HTML is capped, since md4c 0.4.8 can turn a small note into a huge page.
 *
 * Every element opened is pushed on a stack with the text that closes it,
 * and the room left under the cap always keeps what closing them takes, so
 * a cut body still ends with every element closed.
 */
#include <md4c.h>
#include <stdlib.h>
#include <string.h>

#include "core/mdpiece.h"
#include "core/vec.h"
#include "note/note.h"
#include "site/entity.h"
#include "site/html.h"

/* The dialect the dashboard shows, as body.c reads it: raw HTML is text,
 * LaTeX math spans stay off (md4c 0.4.8 misbehaves when they meet wiki
 * links and permissive autolinks). */
#define HTML_FLAGS (MD_FLAG_WIKILINKS | MD_FLAG_TASKLISTS | MD_FLAG_TABLES | \
    MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_NOHTML)

static const char cut_notice[] = "<p class=\"cut\">This note is too long to "
    "show in full; it was cut here.</p>\n";

/* What an open element means for what is inside it. */
#define EL_ANCHOR 1u	/* an <a>: HTML does not nest them */
#define EL_HIDDEN 2u	/* a private wiki link: its text must not appear */
#define EL_IMAGE 4u	/* an image: its alt text is shown as plain text */

typedef struct open_el {
	const char *close;	/* what closes it ("</p>\n"), or "" */
	size_t before;		/* out->len before its opening tag */
	size_t after;		/* out->len after it */
	unsigned what;		/* EL_* */
	int span;		/* a span, else a block */
	int type;		/* its MD_SPANTYPE or MD_BLOCKTYPE */
} open_el;

typedef struct render {
	kith_buf *out;
	const html_options *o;
	size_t start;		/* out->len when the body began */
	size_t closing;		/* bytes that close every open element */
	open_el *open;		/* innermost last */
	size_t nopen;
	size_t capopen;
	int anchors;		/* open EL_ANCHOR elements */
	int hidden;		/* open EL_HIDDEN elements */
	int images;		/* open EL_IMAGE elements */
	int entering_span;	/* what the callback under way opens */
	int entering_type;
	kith_buf tag;		/* an opening tag being built */
	kith_buf url;		/* a link destination, decoded */
	int over;		/* the cap is reached: md4c was stopped */
	int oom;
	int blocks;		/* top-level blocks entered */
	int lead_done;		/* the lead has ended (o->fold) */
	int dropping;		/* in the title left out (o->skip_title) */
	size_t drop_at;		/* out->len before it */
	int in_details;		/* the rest's <details> is open */
	int stopped;		/* the lead only is shown, and more follows */
	size_t cq, cp;		/* a quote (its index + 1 in open) and its
				 * first paragraph's, that may be a callout */
} render;

static const char details_open[] = "<details><summary>Show the rest"
    "</summary>\n";
static const char details_close[] = "</details>\n";

/* What stands for a byte in HTML (escape.c), or NULL. */
#define escape_of(c) (html_escapes[(unsigned char)(c)])
#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

/* ---- output under the cap ---- */

static int
over(render *r)
{
	r->over = 1;
	return 1;
}

static int
oom(render *r)
{
	r->oom = 1;
	return 1;
}

/* Bytes that may still be written, keeping what closes the open elements. */
static size_t
room(const render *r)
{
	size_t used = r->out->len - r->start + r->closing;

	return used < r->o->cap ? r->o->cap - used : 0;
}

static void
count_el(render *r, unsigned what, int delta)
{
	if (what & EL_ANCHOR)
		r->anchors += delta;
	if (what & EL_HIDDEN)
		r->hidden += delta;
	if (what & EL_IMAGE)
		r->images += delta;
}

/* Opens an element: writes open (n bytes) and remembers close.  Every md4c
 * enter callback pushes one entry, even with nothing to write, so that its
 * leave callback finds it. */
static int
push(render *r, const char *open, size_t n, const char *close, unsigned what)
{
	size_t close_len = strlen(close);
	open_el *el;

	if (n + close_len > room(r))
		return over(r);
	if (vec_reserve(&r->open, &r->capopen, r->nopen + 1,
	    sizeof(*r->open)) < 0)
		return oom(r);
	el = &r->open[r->nopen++];
	el->close = close;
	el->what = what;
	el->span = r->entering_span;
	el->type = r->entering_type;
	el->before = r->out->len;
	buf_put(r->out, open, n);
	el->after = r->out->len;
	r->closing += close_len;
	count_el(r, what, 1);
	return r->out->oom ? oom(r) : 0;
}

static int
push_str(render *r, const char *open, const char *close, unsigned what)
{
	return push(r, open, strlen(open), close, what);
}

/* Opens the element built in r->tag. */
static int
push_tag(render *r, const char *close, unsigned what)
{
	if (r->tag.oom)
		return oom(r);
	return push(r, r->tag.data, r->tag.len, close, what);
}

static int
pop(render *r)
{
	open_el *el;

	if (r->nopen == 0)
		return 0;
	el = &r->open[--r->nopen];
	buf_puts(r->out, el->close);
	r->closing -= strlen(el->close);
	count_el(r, el->what, -1);
	return r->out->oom ? oom(r) : 0;
}

/* Writes markup that needs no closing (<br>), whole or not at all. */
static int
put_markup(render *r, const char *s)
{
	size_t n = strlen(s);

	if (n > room(r))
		return over(r);
	buf_put(r->out, s, n);
	return r->out->oom ? oom(r) : 0;
}

/* Writes text escaped, as much as fits: a text of one callback can be a
 * whole code block, so it is cut at a character, not dropped. */
static int
put_text(render *r, const char *s, size_t n)
{
	size_t left = room(r), i = 0, run;
	const char *esc;

	if (r->hidden)
		return 0;
	while (i < n) {
		for (run = 0; i + run < n && escape_of(s[i + run]) == NULL; run++)
			;
		if (run > left) {
			for (run = left; run > 0 &&
			    ((unsigned char)s[i + run] & 0xc0) == 0x80; run--)
				;
			buf_put(r->out, s + i, run);
			return over(r);
		}
		buf_put(r->out, s + i, run);
		left -= run;
		if ((i += run) == n)
			break;
		esc = escape_of(s[i++]);
		if (strlen(esc) > left)
			return over(r);
		buf_puts(r->out, esc);
		left -= strlen(esc);
	}
	return r->out->oom ? oom(r) : 0;
}

/* Closes what is open after md4c was stopped, then says the note was cut.
 * An element with nothing in it yet is taken out rather than closed. */
static void
cut(render *r)
{
	open_el *el;

	while (r->nopen > 0) {
		el = &r->open[r->nopen - 1];
		if (el->close[0] != '\0' && el->after == r->out->len &&
		    !r->out->oom) {
			r->out->len = el->before;
			r->out->data[r->out->len] = '\0';
			r->closing -= strlen(el->close);
			el->close = "";
		}
		pop(r);
	}
	if (r->in_details) {	/* its close was kept room for */
		buf_puts(r->out, details_close);
		r->closing -= strlen(details_close);
		r->in_details = 0;
	}
	buf_puts(r->out, cut_notice);
}

/* ---- blocks ---- */

/* The first line of a quote's first paragraph was written: a callout
 * ([!type] title, callout.c) takes the quote's place, its title out of
 * the paragraph (more: the paragraph goes on).  Returns 1 when it did,
 * 0 when the quote stays a quote (also when the callout would not fit
 * under the cap). */
static int
try_callout(render *r, int more)
{
	open_el *q = &r->open[r->cq - 1], *p = &r->open[r->cp - 1];
	const char *qclose, *pclose;
	size_t old, used, close_now, close_then;
	callout c;

	r->cq = r->cp = 0;
	if (q->after != p->before || r->out->oom || !callout_read(
	    r->out->data + p->after, r->out->len - p->after, &c))
		return 0;
	buf_reset(&r->tag);
	callout_open(&r->tag, &c, more);
	qclose = callout_close(&c);
	pclose = more ? p->close : callout_title_close(&c);
	old = r->out->len - q->before;
	close_now = strlen(q->close) + strlen(p->close);
	close_then = strlen(qclose) + strlen(pclose);
	used = r->out->len - r->start + r->closing - old + r->tag.len -
	    close_now + close_then;
	if (r->tag.oom || used > r->o->cap)
		return 0;
	r->out->len = q->before;
	buf_put(r->out, r->tag.data, r->tag.len);
	q->after = q->before + (size_t)(strchr(r->tag.data, '\n') -
	    r->tag.data) + 1;
	p->before = q->after;
	p->after = more ? r->out->len : q->after;
	r->closing = r->closing - close_now + close_then;
	q->close = qclose;
	p->close = pclose;
	return r->out->oom ? -oom(r) : 1;
}

/* The language class is the info string's first word, its entities
 * decoded (as CommonMark says), escaped for the attribute. */
static int
open_code_block(render *r, const MD_BLOCK_CODE_DETAIL *code)
{
	buf_reset(&r->url);
	buf_put(&r->url, "", 0);
	html_attr_decode(&r->url, &code->lang);
	buf_reset(&r->tag);
	if (r->url.len == 0) {
		buf_puts(&r->tag, "<pre><code>");
	} else {
		buf_puts(&r->tag, "<pre><code class=\"language-");
		html_escape_n(&r->tag, r->url.data, r->url.len);
		buf_puts(&r->tag, "\">");
	}
	return r->url.oom ? oom(r) : push_tag(r, "</code></pre>\n", 0);
}

static int
open_heading(render *r, const MD_BLOCK_H_DETAIL *h)
{
	static const char *const close[] = { "", "</h1>\n", "</h2>\n",
	    "</h3>\n", "</h4>\n", "</h5>\n", "</h6>\n" };
	long level = (long)h->level + r->o->heading_shift;

	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	buf_reset(&r->tag);
	buf_puts(&r->tag, "<h");
	buf_put_int(&r->tag, level);
	buf_putc(&r->tag, '>');
	return push_tag(r, close[level], 0);
}

static int
open_list(render *r, const MD_BLOCK_OL_DETAIL *ol)
{
	buf_reset(&r->tag);
	if (ol->start != 1)
		buf_printf(&r->tag, "<ol start=\"%u\">\n", ol->start);
	else
		buf_puts(&r->tag, "<ol>\n");
	return push_tag(r, "</ol>\n", 0);
}

static int
open_item(render *r, const MD_BLOCK_LI_DETAIL *li)
{
	if (!li->is_task)
		return push_str(r, "<li>", "</li>\n", 0);
	if (li->task_mark == ' ')
		return push_str(r, "<li class=\"task\"><input type=\"checkbox\" "
		    "disabled aria-label=\"to do\"> ", "</li>\n", 0);
	return push_str(r, "<li class=\"task\"><input type=\"checkbox\" "
	    "disabled checked aria-label=\"done\"> ", "</li>\n", 0);
}

/* Alignment is a class: the page's Content-Security-Policy forbids style
 * attributes. */
static int
open_cell(render *r, int head, const MD_BLOCK_TD_DETAIL *td)
{
	static const char *const align[] = { "", " class=\"align-left\"",
	    " class=\"align-center\"", " class=\"align-right\"" };
	unsigned a = (unsigned)td->align;

	buf_reset(&r->tag);
	buf_puts(&r->tag, head ? "<th" : "<td");
	buf_puts(&r->tag, a < 4 ? align[a] : "");
	buf_putc(&r->tag, '>');
	return push_tag(r, head ? "</th>\n" : "</td>\n", 0);
}

/* A block of the body's top level begins: past the lead, the rest goes
 * into a <details> (or is not shown); the title may be left out. */
static int
enter_top_block(render *r, MD_BLOCKTYPE type, const void *detail)
{
	size_t n = strlen(details_open), close = strlen(details_close);

	if (r->lead_done && r->o->fold == HTML_FOLD_LEAD) {
		r->stopped = 1;
		return 1;
	}
	if (r->lead_done && r->o->fold == HTML_FOLD_DETAILS &&
	    !r->in_details) {
		if (n + close > room(r))
			return over(r);
		buf_puts(r->out, details_open);
		r->closing += close;
		r->in_details = 1;
	}
	r->dropping = r->blocks++ == 0 && type == MD_BLOCK_H &&
	    r->o->skip_title && ((const MD_BLOCK_H_DETAIL *)detail)->level == 1;
	r->drop_at = r->out->len;
	return 0;
}

/* A block of the top level ends: a left-out title is taken back; the
 * first block that is more than a heading or a rule ends the lead. */
static void
leave_top_block(render *r, MD_BLOCKTYPE type)
{
	if (r->dropping && !r->out->oom) {
		r->out->len = r->drop_at;
		r->out->data[r->out->len] = '\0';
		r->dropping = 0;
		return;
	}
	if (type != MD_BLOCK_H && type != MD_BLOCK_HR)
		r->lead_done = 1;
}

static int
enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	render *r = userdata;

	if (r->over || r->oom)
		return 1;
	if (type != MD_BLOCK_DOC && r->nopen == 1 && enter_top_block(r, type, detail))
		return 1;
	r->entering_span = 0;
	r->entering_type = (int)type;
	if (r->cq && (type != MD_BLOCK_P || r->cp || r->nopen != r->cq))
		r->cq = r->cp = 0;	/* not a quote's first paragraph */
	switch (type) {
	case MD_BLOCK_QUOTE:
		if (push_str(r, "<blockquote>\n", "</blockquote>\n", 0))
			return 1;
		r->cq = r->nopen;
		return 0;
	case MD_BLOCK_UL:
		return push_str(r, "<ul>\n", "</ul>\n", 0);
	case MD_BLOCK_OL:
		return open_list(r, detail);
	case MD_BLOCK_LI:
		return open_item(r, detail);
	case MD_BLOCK_HR:
		return push_str(r, "<hr>\n", "", 0);
	case MD_BLOCK_H:
		return open_heading(r, detail);
	case MD_BLOCK_CODE:
		return open_code_block(r, detail);
	case MD_BLOCK_P:
		if (push_str(r, "<p>", "</p>\n", 0))
			return 1;
		if (r->cq)
			r->cp = r->nopen;
		return 0;
	case MD_BLOCK_TABLE:
		return push_str(r, "<table>\n", "</table>\n", 0);
	case MD_BLOCK_THEAD:
		return push_str(r, "<thead>\n", "</thead>\n", 0);
	case MD_BLOCK_TBODY:
		return push_str(r, "<tbody>\n", "</tbody>\n", 0);
	case MD_BLOCK_TR:
		return push_str(r, "<tr>\n", "</tr>\n", 0);
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		return open_cell(r, type == MD_BLOCK_TH, detail);
	default:	/* the document; raw HTML blocks (off: MD_FLAG_NOHTML) */
		return push_str(r, "", "", 0);
	}
}

/* md4c 0.4.8 can end a paragraph with spans still open (emphasis next to
 * a permissive autolink): they are closed with it. */
static int
leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	render *r = userdata;
	int span;

	(void)detail;
	if (r->over || r->oom)
		return 1;
	if (r->cp && r->nopen == r->cp && try_callout(r, 0) < 0)
		return 1;
	r->cq = r->cp = 0;
	do {
		if (r->nopen == 0)
			return 0;
		span = r->open[r->nopen - 1].span;
		if (pop(r))
			return 1;
	} while (span);
	if (type != MD_BLOCK_DOC && r->nopen == 1)
		leave_top_block(r, type);
	return 0;
}

/* ---- spans ---- */

/* Adds to r->tag the attributes of a link to r->url (decoded, safe);
 * r->url then holds the title too. */
static void
tag_href(render *r, const MD_ATTRIBUTE *title)
{
	size_t n = r->url.len;

	buf_puts(&r->tag, " href=\"");
	html_url_put(&r->tag, r->url.data, n);
	buf_putc(&r->tag, '"');
	if (html_url_is_external(r->url.data, n))
		buf_puts(&r->tag, " rel=\"noopener noreferrer\"");
	if (title->size == 0)
		return;
	buf_puts(&r->tag, " title=\"");
	html_attr_decode(&r->url, title);
	if (!r->url.oom)
		html_escape_n(&r->tag, r->url.data + n, r->url.len - n);
	buf_putc(&r->tag, '"');
}

/* Decodes a destination into r->url; returns whether it may be an href. */
static int
decode_url(render *r, const MD_ATTRIBUTE *href)
{
	int known;

	buf_reset(&r->url);
	buf_put(&r->url, "", 0);	/* data is not NULL, even when empty */
	known = html_attr_decode(&r->url, href) == 0;
	return known && !r->url.oom &&
	    html_url_is_safe(r->url.data, r->url.len);
}

static int
open_link(render *r, const MD_SPAN_A_DETAIL *a)
{
	if (r->hidden || r->images)
		return push_str(r, "", "", 0);
	if (!decode_url(r, &a->href))
		return push_str(r, "<span class=\"link-unsafe\">", "</span>", 0);
	/* A link in a link's text (from md4c) is text: <a> does not nest.
	 * One to nowhere ([a]()) keeps its href="", as CommonMark says. */
	if (r->anchors)
		return push_str(r, "<span class=\"link\">", "</span>", 0);
	buf_reset(&r->tag);
	buf_puts(&r->tag, "<a");
	tag_href(r, &a->title);
	buf_putc(&r->tag, '>');
	return r->url.oom ? oom(r) : push_tag(r, "</a>", EL_ANCHOR);
}

/* An image is never loaded: it becomes a link to itself. */
static int
open_image(render *r, const MD_SPAN_IMG_DETAIL *img)
{
	if (r->hidden || r->images)
		return push_str(r, "", "", EL_IMAGE);
	if (!decode_url(r, &img->src))
		return push_str(r, "<span class=\"image link-unsafe\">image: ",
		    "</span>", EL_IMAGE);
	if (r->anchors)
		return push_str(r, "<span class=\"image\">image: ", "</span>",
		    EL_IMAGE);
	buf_reset(&r->tag);
	buf_puts(&r->tag, "<a class=\"image\"");
	tag_href(r, &img->title);
	buf_puts(&r->tag, ">image: ");
	return r->url.oom ? oom(r) :
	    push_tag(r, "</a>", EL_ANCHOR | EL_IMAGE);
}

/* A resolved page's URL comes from kith, but a note's name could still
 * read as a scheme ("javascript:x.html"): "./" keeps it a relative path. */
static int
open_wiki_anchor(render *r, const char *href)
{
	size_t n = strlen(href);

	buf_reset(&r->tag);
	buf_puts(&r->tag, "<a class=\"wikilink\" href=\"");
	if (!html_url_is_safe(href, n))
		buf_puts(&r->tag, "./");
	html_url_put(&r->tag, href, n);
	buf_puts(&r->tag, "\">");
	return push_tag(r, "</a>", EL_ANCHOR);
}

static int
open_wikilink(render *r, const MD_SPAN_WIKILINK_DETAIL *w)
{
	html_target t = { NULL, 0 };

	if (r->hidden)
		return push_str(r, "", "", 0);
	if (r->o->resolve != NULL)
		t = r->o->resolve(w->target.text, w->target.size,
		    r->o->userdata);
	if (t.hidden && r->images)
		return push_str(r, "someone", "", EL_HIDDEN);
	if (t.hidden)
		return push_str(r, "<span class=\"wikilink private\">someone",
		    "</span>", EL_HIDDEN);
	if (r->images)
		return push_str(r, "", "", 0);
	if (t.href == NULL)
		return push_str(r, "<span class=\"wikilink unresolved\">",
		    "</span>", 0);
	if (r->anchors)
		return push_str(r, "<span class=\"wikilink\">", "</span>", 0);
	return open_wiki_anchor(r, t.href);
}

/* Plain inline markup; inside an image or a hidden link only text shows. */
static int
open_inline(render *r, const char *open, const char *close)
{
	if (r->hidden || r->images)
		return push_str(r, "", "", 0);
	return push_str(r, open, close, 0);
}

static int
enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	render *r = userdata;

	if (r->over || r->oom)
		return 1;
	r->entering_span = 1;
	r->entering_type = (int)type;
	switch (type) {
	case MD_SPAN_EM:
		return open_inline(r, "<em>", "</em>");
	case MD_SPAN_STRONG:
		return open_inline(r, "<strong>", "</strong>");
	case MD_SPAN_CODE:
		return open_inline(r, "<code>", "</code>");
	case MD_SPAN_DEL:
		return open_inline(r, "<del>", "</del>");
	case MD_SPAN_A:
		return open_link(r, detail);
	case MD_SPAN_IMG:
		return open_image(r, detail);
	case MD_SPAN_WIKILINK:
		return open_wikilink(r, detail);
	default:	/* underline and math: flags off */
		return push_str(r, "", "", 0);
	}
}

/* Opens again a span closed early (el is a copy of its old entry). */
static int
reopen(render *r, const open_el *el)
{
	if (r->out->oom)
		return oom(r);
	buf_reset(&r->tag);
	buf_put(&r->tag, r->out->data + el->before, el->after - el->before);
	r->entering_span = 1;
	r->entering_type = el->type;
	return push_tag(r, el->close, el->what);
}

/*
 * md4c 0.4.8 can also close spans out of order, or close one it never
 * opened.  The spans opened inside this one are closed with it and opened
 * again after it, so the HTML nests and a private link's text stays
 * hidden; a span that is not open is not closed.
 */
static int
leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	render *r = userdata;
	size_t at, top, j;
	open_el el;

	(void)detail;
	if (r->over || r->oom)
		return 1;
	for (at = r->nopen; at > 0; at--) {
		if (!r->open[at - 1].span)
			return 0;
		if (r->open[at - 1].type == (int)type)
			break;
	}
	if (at-- == 0)
		return 0;
	top = r->nopen;
	while (r->nopen > at)
		if (pop(r))
			return 1;
	/* The entries popped stay in the array above nopen; each is copied
	 * before a push writes there (pushes write below it). */
	for (j = at + 1; j < top; j++) {
		el = r->open[j];
		if (reopen(r, &el))
			return 1;
	}
	return 0;
}

/* ---- text ---- */

/* An entity HTML5 names, or a numeric one, shows as its characters; a
 * control character as U+FFFD (C0 in put_text(), C1 here: HTML forbids
 * them); any other entity as written. */
static int
put_entity(render *r, const char *s, size_t n)
{
	char utf8[8];
	size_t len = html_entity_text(s, n, utf8);

	if (len == 0)
		return put_text(r, s, n);
	if (len == 2 && (unsigned char)utf8[0] == 0xc2 &&
	    (unsigned char)utf8[1] <= 0x9f)
		return put_text(r, REPLACEMENT, 3);
	return put_text(r, utf8, len);
}

static int
text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE size, void *userdata)
{
	render *r = userdata;
	int n;

	if (r->over || r->oom)
		return 1;
	switch (type) {
	case MD_TEXT_NULLCHAR:
		return put_text(r, "\xef\xbf\xbd", 3);
	case MD_TEXT_BR:
		if (r->hidden)
			return 0;
		return r->images ? put_text(r, " ", 1) : put_markup(r, "<br>\n");
	case MD_TEXT_SOFTBR:
		if (r->cp && (n = r->nopen == r->cp ? try_callout(r, 1) : 0) != 0)
			return n < 0;
		r->cq = r->cp = 0;
		return put_text(r, "\n", 1);
	case MD_TEXT_ENTITY:
		return put_entity(r, s, size);
	default:
		return put_text(r, s, size);
	}
}

/* ---- the body ---- */

/*
 * Renders the body in the pieces body_chunk_len() cuts (md4c 0.4.8 is
 * quadratic on one huge paragraph); each piece is whole blocks, so the
 * pieces' HTML put together is still well formed.
 */
int
html_body(kith_buf *out, const char *body, size_t len, const html_options *o)
{
	MD_PARSER parser = { 0, HTML_FLAGS, enter_block, leave_block,
	    enter_span, leave_span, text, NULL, NULL };
	render r;
	size_t piece;
	int rc = 0, ret = -1;

	memset(&r, 0, sizeof(r));
	r.out = out;
	r.o = o;
	r.start = out->len;
	while (len > 0 && rc == 0) {
		piece = body_chunk_len(body, len);
		rc = md_parse(body, (MD_SIZE)piece, &parser, &r);
		body += piece;
		len -= piece;
	}
	if (r.oom || out->oom || (rc != 0 && !r.over && !r.stopped))
		goto done;	/* md_parse fails only for want of memory */
	ret = r.stopped ? 2 : 0;
	if (r.over) {
		cut(&r);
		ret = 1;
	}
	while (r.nopen > 0)	/* the document, when the lead was all */
		pop(&r);
	if (r.in_details)	/* the room for it was kept */
		buf_puts(out, details_close);
	if (out->oom)
		ret = -1;
done:
	free(r.open);
	buf_free(&r.tag);
	buf_free(&r.url);
	return ret;
}
