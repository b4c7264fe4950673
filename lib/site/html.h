/*
 * html.h: kith's own HTML renderer of note bodies, on md4c's parser (not
 * md4c-html: that cannot resolve wiki links to kith's pages and does not
 * check link schemes), and the escaping every page uses.
 */
#ifndef KITH_HTML_H
#define KITH_HTML_H

#include <stddef.h>

#include "core/buf.h"

/* Where a [[wiki link]] goes. */
typedef struct html_target {
	const char *href;	/* relative URL of the page, or NULL: no page */
	int hidden;		/* a private note: its name must not appear */
} html_target;

/* Resolves a wiki link target as written (without [[ ]], with any |label
 * or #heading still in it). */
typedef html_target (*html_resolve_fn)(const char *target, size_t len,
    void *userdata);

typedef struct html_options {
	html_resolve_fn resolve;
	void *userdata;
	size_t cap;		/* most bytes of HTML one body may produce */
	int heading_shift;	/* added to heading levels (max h6) */
	int fold;		/* HTML_FOLD_*: what of the body to show */
	int skip_title;		/* leave out an h1 that opens the body */
} html_options;

/* What of a body html_body() shows: all of it; its lead (what comes before
 * the first block after the first paragraph, list, quote, table or code
 * block) and the rest in a <details> that opens in place; the lead only. */
enum { HTML_FOLD_NONE, HTML_FOLD_DETAILS, HTML_FOLD_LEAD };

/*
 * Appends the HTML of a Markdown body (which ends in a line end, with
 * zeroed bytes after it) to out.  Returns 0; 1 when the output reached
 * o->cap, in which case the HTML so far is closed properly and a notice
 * says the note was cut; 2 when o->fold is HTML_FOLD_LEAD and the body
 * has more than its lead; -1 when out of memory.
 */
int html_body(kith_buf *out, const char *body, size_t len,
    const html_options *o);

/* Text for an element or an attribute: & < > " ' escaped (a NUL byte,
 * which only html_escape_n can see, becomes U+FFFD). */
void html_escape(kith_buf *b, const char *s);
void html_escape_n(kith_buf *b, const char *s, size_t n);

/*
 * Is a link destination (as the note wrote it, entities already decoded)
 * safe for href: http, https, mailto or tel, or a relative path?  Schemes
 * compare case-insensitively; control characters and white space before
 * the scheme make it unsafe.
 */
int html_url_is_safe(const char *url, size_t n);

/* Writes a (safe) URL as an href value: percent-encoded where a URL may not
 * hold a character, & escaped for HTML. */
void html_url_put(kith_buf *b, const char *s, size_t n);

#endif
