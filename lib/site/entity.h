/*
 * entity.h: entity.c's part of the renderer, for html.c only (it speaks
 * md4c's types).
 */
#ifndef KITH_ENTITY_H
#define KITH_ENTITY_H

#include <md4c.h>
#include <stddef.h>

#include "core/buf.h"

/* A named character reference: its name without '&' and ';', and one or
 * two code points (second 0 when one).  entities.c has every HTML5 one,
 * sorted by strcmp(). */
typedef struct html_named {
	const char *name;
	long code[2];
} html_named;

extern const html_named html_named_entities[];
extern const size_t html_named_count;

/*
 * Appends an attribute (a link destination, a title, a code block's
 * language) with its entities decoded; control characters are decoded too,
 * so that html_url_is_safe() sees them.  Returns 0, or -1 when an entity is
 * unknown or not a character (its text is kept as written).
 */
int html_attr_decode(kith_buf *b, const MD_ATTRIBUTE *a);
/* The UTF-8 of an entity as md4c gives it ("&amp;", "&#38;") into out,
 * and its length; 0 when it is no entity HTML5 names. */
size_t html_entity_text(const char *s, size_t n, char out[8]);
/* A link that leaves the journal's pages (it gets rel="noopener
 * noreferrer"). */
int html_url_is_external(const char *url, size_t n);

/* ---- callout.c: Obsidian's callouts ---- */

typedef struct callout {
	char type[32];		/* note, tip, warning, ... as written */
	enum { CALLOUT_FIXED, CALLOUT_OPEN, CALLOUT_CLOSED } fold;
	const char *title;	/* its HTML, after [!type]; may be empty */
	size_t title_len;
} callout;

/* Reads the first line of a quote, as HTML (n bytes): 1 and *c when it
 * is [!type], [!type]- or [!type]+ and a title, else 0. */
int callout_read(const char *line, size_t n, callout *c);
/* Appends the callout's opening and its title; more: a paragraph follows
 * (its <p> is opened). */
void callout_open(kith_buf *b, const callout *c, int more);
/* What closes the callout, and its title when the paragraph is the title
 * alone. */
const char *callout_close(const callout *c);
const char *callout_title_close(const callout *c);

/* What stands for each byte in HTML: an entity (&amp;), U+FFFD for a
 * control character HTML forbids, or NULL for the byte itself
 * (escape.c). */
extern const char *const html_escapes[256];

#endif
