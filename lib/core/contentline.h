/*
 * contentline.h: the content lines of vCard (RFC 6350) and iCalendar
 * (RFC 5545), which share their rules: a text value escaped (\\ \; \, and
 * \n), a line folded at 75 octets (never inside a UTF-8 character) with
 * CRLF and a space.
 */
#ifndef KITH_CONTENTLINE_H
#define KITH_CONTENTLINE_H

#include <stddef.h>

#include "core/buf.h"

/* A line is at most this many octets, without its CRLF. */
#define CONTENT_LINE_OCTETS 75

/* Appends s as a TEXT value: \ ; , escaped, a line end as \n, CR left
 * out. */
void content_escape(kith_buf *b, const char *s);

/* Appends a content line (len bytes, without its line end) folded, and
 * its CRLF. */
void content_fold(kith_buf *b, const char *line, size_t len);

/* Appends the line NAME[;params]:value, the value escaped as TEXT when
 * text is set, folded; line is scratch space.  Out of memory: out->oom. */
void content_line(kith_buf *out, kith_buf *line, const char *name,
    const char *value, int text);

#endif
