/*
 * entity.h: entity.c's part of the renderer, for html.c only (it speaks
 * md4c's types).
 */
#ifndef KITH_ENTITY_H
#define KITH_ENTITY_H

#include <md4c.h>
#include <stddef.h>

#include "core/buf.h"

/* The most bytes of UTF-8 one entity decodes to (HTML5's longest is two
 * characters, 6 bytes). */
#define HTML_ENTITY_MAX 8

/*
 * Appends an attribute (a link destination, a title, a code block's
 * language) with its entities decoded; control characters are decoded too,
 * so that html_url_is_safe() sees them.  A name HTML does not know stays
 * as written.
 */
void html_attr_decode(kith_buf *b, const MD_ATTRIBUTE *a);
/* The UTF-8 of an entity as md4c gives it ("&amp;", "&#38;") into out,
 * and its length, as text shows it: a number that is not a character, or
 * a control character other than white space, is U+FFFD; 0 for a name HTML
 * does not know (it stays as written). */
size_t html_entity_text(const char *s, size_t n, char out[HTML_ENTITY_MAX]);
/* A link that leaves the journal's pages (it gets rel="noopener
 * noreferrer"). */
int html_url_is_external(const char *url, size_t n);

#endif
