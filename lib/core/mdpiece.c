/*
 * mdpiece.c: how much of a note body md4c is handed at once.  md4c's time
 * and memory grow faster than linearly on some inputs, so every caller of
 * md4c (the body scan, the HTML renderer) parses a body in pieces of about
 * KITH_MAX_MD_CHUNK bytes, cut where a block may start.
 */
#include <string.h>

#include "core/limits.h"
#include "core/mdpiece.h"

/* Can a piece start at this line?  Only at a line that starts in the first
 * column, so that no list item or quote is cut from its continuation. */
static int
starts_block(const char *line, const char *end)
{
	return line < end && *line != ' ' && *line != '\t' && *line != '\n' &&
	    *line != '\r';
}

static int
is_blank(const char *line)
{
	return *line == '\n' || (*line == '\r' && line[1] == '\n');
}

/* A single line longer than a piece (pathological: md4c's memory grows
 * with it) is cut after its last space in the first KITH_MAX_MD_CHUNK
 * bytes that is not inside a wiki link (a name has spaces), else at a
 * character boundary. */
static size_t
cut_line(const char *p)
{
	size_t n, space = 0;
	int in_link = 0;

	for (n = 0; n < KITH_MAX_MD_CHUNK; n++) {
		if (p[n] == '[' && p[n + 1] == '[')
			in_link = 1;
		else if (p[n] == ']' && p[n + 1] == ']')
			in_link = 0;
		else if (p[n] == ' ' && !in_link)
			space = n + 1;
	}
	if (space > KITH_MAX_MD_CHUNK / 2)
		return space;
	n = KITH_MAX_MD_CHUNK;
	while (n > 1 && ((unsigned char)p[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/* Where the piece that starts at p should end: at most KITH_MAX_MD_CHUNK
 * bytes where possible, cut after a blank line before a line in the first
 * column; else before any line in the first column; else after any line.
 * Never inside a code fence: a fence is not quadratic, so a long one makes
 * a longer piece. */
size_t
body_chunk_len(const char *p, size_t left)
{
	const char *line = p, *nl, *end = p + left;
	size_t blank_cut = 0, block_cut = 0, line_cut = 0, n;
	int fence = 0;

	if (left <= KITH_MAX_MD_CHUNK)
		return left;
	while (line < end) {
		nl = memchr(line, '\n', (size_t)(end - line));
		nl = nl ? nl + 1 : end;
		n = (size_t)(nl - p);
		if (n > KITH_MAX_MD_CHUNK && line_cut > 0)
			break;
		if (n > KITH_MAX_MD_CHUNK && line == p && !fence)
			return cut_line(p);
		if (strncmp(line, "```", 3) == 0 || strncmp(line, "~~~", 3) == 0)
			fence = !fence;
		if (!fence) {
			line_cut = n;
			if (starts_block(nl, end)) {
				block_cut = n;
				if (is_blank(line))
					blank_cut = n;
			}
		}
		line = nl;
	}
	if (blank_cut)
		return blank_cut;
	if (block_cut)
		return block_cut;
	return line_cut ? line_cut : left;
}

/* An upper bound of the cells md4c would fill out in a piece: its widest
 * delimiter row (a line of '|', '-', ':' and blanks, with a '|' and a '-')
 * times its lines. */
size_t
body_table_cells(const char *p, size_t n)
{
	const char *e = p + n, *c;
	size_t lines = 0, cols, widest = 0;
	int dash;

	for (; p < e; p = c + 1) {
		lines++;
		cols = 1;
		dash = 0;
		for (c = p; c < e && *c != '\n'; c++) {
			if (*c == '|')
				cols++;
			else if (*c == '-')
				dash = 1;
			else if (*c != ':' && *c != ' ' && *c != '\t' && *c != '\r')
				break;
		}
		if (c < e && *c != '\n') {
			c = memchr(c, '\n', (size_t)(e - c));
			if (c == NULL)
				break;
			continue;
		}
		if (dash && cols > 1 && cols > widest)
			widest = cols;
	}
	return widest * lines;
}
