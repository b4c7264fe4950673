/*
 * callout.c: Obsidian's callouts.  A quote whose first line is [!type],
 * with + or - after it when it folds and a title after that,
 *
 *     > [!tip]- How to ask for a referral
 *     > Ask for the conversation, not the job.
 *
 * is a callout: a box of its type with its title (the type's name when
 * there is none), or a <details> that opens on a click when it folds (+:
 * open at first).  html.c finds the first line; this file reads it and
 * writes the tags.
 */
#include <string.h>

#include "site/entity.h"

/* A type is a word of letters, digits, '-' and '_' (a class name). */
static int
type_char(char c, int first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (!first && ((c >= '0' && c <= '9') || c == '-' || c == '_'));
}

int
callout_read(const char *line, size_t n, callout *c)
{
	size_t i = 2;

	memset(c, 0, sizeof(*c));
	if (n < 4 || line[0] != '[' || line[1] != '!')
		return 0;
	while (i < n && i - 2 < sizeof(c->type) - 1 && type_char(line[i],
	    i == 2))
		i++;
	if (i == 2 || i >= n || line[i] != ']')
		return 0;
	memcpy(c->type, line + 2, i - 2);
	c->type[i - 2] = '\0';
	i++;
	if (i < n && (line[i] == '-' || line[i] == '+'))
		c->fold = line[i++] == '-' ? CALLOUT_CLOSED : CALLOUT_OPEN;
	if (i < n && line[i] != ' ' && line[i] != '\t')
		return 0;	/* [!note]x: text that begins so */
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	c->title = line + i;
	c->title_len = n - i;
	return 1;
}

void
callout_open(kith_buf *b, const callout *c, int more)
{
	const char *p;

	buf_puts(b, c->fold ? "<details class=\"callout callout-" :
	    "<div role=\"note\" class=\"callout callout-");
	for (p = c->type; *p; p++)
		buf_putc(b, *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p);
	buf_puts(b, c->fold == CALLOUT_OPEN ? "\" open>\n" : "\">\n");
	buf_puts(b, c->fold ? "<summary class=\"callout-title\">" :
	    "<p class=\"callout-title\">");
	if (c->title_len > 0) {
		buf_put(b, c->title, c->title_len);
	} else {	/* the type's name: "Tip" */
		buf_putc(b, c->type[0] >= 'a' && c->type[0] <= 'z' ?
		    (char)(c->type[0] - 'a' + 'A') : c->type[0]);
		buf_puts(b, c->type + 1);
	}
	if (more)
		buf_puts(b, c->fold ? "</summary>\n<p>" : "</p>\n<p>");
}

const char *
callout_close(const callout *c)
{
	return c->fold ? "</details>\n" : "</div>\n";
}

const char *
callout_title_close(const callout *c)
{
	return c->fold ? "</summary>\n" : "</p>\n";
}
