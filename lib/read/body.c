/*
 * body.c: scans a note's body with md4c's parser (not its HTML renderer):
 * [[wiki links]] become mentions, task list items become tasks with their
 * due and done dates (journal.md, "Body").
 */
#include <md4c.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "core/vec.h"
#include "core/mdpiece.h"
#include "read/read.h"
#include "core/limits.h"

/* Raw HTML is text; LaTeX math spans stay off (md4c 0.4.8 misbehaves when
 * they meet wiki links and permissive autolinks). */
#define BODY_FLAGS (MD_FLAG_WIKILINKS | MD_FLAG_TASKLISTS | MD_FLAG_TABLES | \
    MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_NOHTML)

#define QUIET_MAX 32

/* A list item being read. */
typedef struct item {
	int is_task;
	int done;
	int collecting;		/* still in the item's own text */
	pos at;
	size_t first_link;
	size_t end_link;	/* set when a nested list ends its text */
	int ended;
	kith_buf text;
} item;

typedef struct scan {
	kith_journal *j;
	note *n;
	const char *doc;	/* the piece md4c reads */
	size_t doc_len;
	int doc_line;		/* line of doc[0] in the note */
	int doc_col;		/* its column (a piece may start mid-line) */
	size_t cursor;		/* offset at cursor_line, cursor_col */
	int cursor_line;
	int cursor_col;
	size_t cursor_bol;	/* offset of that line's start */
	item *items;		/* open list items, innermost last */
	size_t nitems;
	size_t capitems;
	int in_heading;
	kith_buf heading;	/* the heading being read */
	int depth;		/* lists open */
	int roster;		/* after a Participants heading: 1, in its
				 * list: 2 */
	int item_fresh;		/* nothing read yet of a roster's item */
	int in_link;		/* inside a wiki link */
	f_text *tags;		/* #tags */
	size_t ntags, captags;
	f_ref *with;		/* the roster's links */
	size_t nwith, capwith;
	int quiet[QUIET_MAX];	/* lines whose links are no mentions */
	size_t nquiet;
	mention *mentions;	/* the note's, moved into the arena at the */
	task *tasks;		/* end, at their exact size */
	size_t capmentions;
	size_t captasks;
	int oom;
} scan;

/* Room for one more element at the end of *v (n of them, room for *cap),
 * zeroed; NULL when out of memory. */
static void *
grow(void *v, size_t n, size_t *cap, size_t size)
{
	char *p;

	if (vec_reserve(v, cap, n + 1, size) < 0)
		return NULL;
	memcpy(&p, v, sizeof(p));
	return memset(p + n * size, 0, size);
}

/* The line and column of an offset in the piece; offsets arrive mostly in
 * order, so a cursor makes this linear over the whole piece. */
/* The characters in n bytes of UTF-8: the bytes that are not
 * continuation bytes (10xxxxxx), counted eight at a time (bit 7 set and
 * bit 6 clear: v & ~(v << 1) moves each byte's bit 6 onto its bit 7). */
static size_t
utf8_chars(const char *p, size_t n)
{
	const uint64_t high = 0x8080808080808080ull;
	uint64_t v;
	size_t count = 0;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&v, p, 8);
		count += 8 - (size_t)__builtin_popcountll(v & ~(v << 1) & high);
	}
	for (; n > 0; p++, n--)
		count += ((unsigned char)*p & 0xc0) != 0x80;
	return count;
}

static pos
offset_pos(scan *s, size_t off)
{
	const char *p, *end, *nl;

	if (off > s->doc_len)
		off = s->doc_len;
	if (off < s->cursor && off >= s->cursor_bol) {
		s->cursor = s->cursor_bol;
		s->cursor_col = s->cursor_line > 0 ? 1 : s->doc_col;
	} else if (off < s->cursor) {
		s->cursor = s->cursor_bol = 0;
		s->cursor_line = 0;
		s->cursor_col = s->doc_col;
	}
	p = s->doc + s->cursor;
	end = s->doc + off;
	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		s->cursor_line++;
		p = nl + 1;
		s->cursor_bol = (size_t)(p - s->doc);
		s->cursor_col = 1;
	}
	s->cursor_col += utf8_chars(p, (size_t)(end - p));
	s->cursor = off;
	return (pos){ s->doc_line + s->cursor_line, s->cursor_col };
}

static int
ptr_in_doc(const scan *s, const char *p)
{
	return p >= s->doc && p <= s->doc + s->doc_len;
}

static item *
top_item(scan *s)
{
	return s->nitems ? &s->items[s->nitems - 1] : NULL;
}

static int
mention_add(scan *s, const char *target, size_t len, pos at)
{
	note *n = s->n;
	mention *m;
	const char *name;

	size_t i;

	/* a link in a type, category or tag property written in the body
	 * is not a mention */
	for (i = 0; i < s->nquiet; i++)
		if (s->quiet[i] == at.line)
			return 0;
	if ((name = ref_clean_n(&s->j->mem, target, len)) == NULL)
		return s->j->mem.oom ? -1 : 0;
	m = grow(&s->mentions, n->nmentions, &s->capmentions, sizeof(*m));
	if (m == NULL)
		return -1;
	n->nmentions++;
	m->ref.name = name;
	m->ref.at = at;
	return 0;
}

/* Finds a date marker in a task's text: an emoji then a date, or due:. */
static const struct marker {
	const char *text;
	int done;
} markers[] = {
	{ "\xf0\x9f\x93\x85", 0 },	/* U+1F4C5 calendar */
	{ "\xf0\x9f\x93\x86", 0 },	/* U+1F4C6 tear-off calendar */
	{ "\xf0\x9f\x97\x93", 0 },	/* U+1F5D3 spiral calendar */
	{ "due:", 0 },
	{ "\xe2\x9c\x85", 1 },		/* U+2705 check mark */
};

/* Removes the date markers from text, setting t's dates. */
static void
task_dates(scan *s, task *t, char *text)
{
	size_t i, k, mlen;
	char *p, *q, *date;
	char one[11];
	kith_date d;

	for (i = 0; i < sizeof(markers) / sizeof(markers[0]); i++) {
		mlen = strlen(markers[i].text);
		for (p = text; (p = strstr(p, markers[i].text)) != NULL;) {
			if (markers[i].text[0] == 'd' && p > text && p[-1] != ' ') {
				p += mlen;
				continue;
			}
			q = p + mlen;
			if (strncmp(q, "\xef\xb8\x8f", 3) == 0)
				q += 3;	/* variation selector */
			while (*q == ' ')
				q++;
			date = q;
			/* a mark with nothing after it is text ("📅" alone) */
			if (*date == '\0' || *date == '\n') {
				p += mlen;
				continue;
			}
			for (k = 0; k < 10 && date[k] && date[k] != ' '; k++)
				one[k] = date[k];
			/* Never half a character: back to its first byte. */
			while (k > 0 && ((unsigned char)date[k] & 0xc0) == 0x80)
				k--;
			one[k] = '\0';
			if (kith_date_parse(one, &d) < 0) {
				diag_add(s->j, s->n->path, t->at, KITH_ERROR,
				    "task: invalid %s date \"%s\"",
				    markers[i].done ? "done" : "due", one);
				d = KITH_NO_DATE;
			}
			if (markers[i].done)
				t->done_on = d;
			else
				t->due = d;
			q = date + k;
			memmove(p, q, strlen(q) + 1);
		}
	}
}

/* Makes text one line: runs of white space become one space, ends trimmed. */
static void
squeeze(char *text)
{
	char *in, *out;
	int space = 0;

	for (in = out = text; *in; in++) {
		if (*in == ' ' || *in == '\t' || *in == '\n') {
			space = out != text;
			continue;
		}
		if (space)
			*out++ = ' ';
		space = 0;
		*out++ = *in;
	}
	*out = '\0';
}

/* Cuts a long text at a character boundary, with an ellipsis. */
static void
shorten(char *text)
{
	size_t n = KITH_MAX_TASK_TEXT;

	if (strlen(text) <= n + 3)
		return;	/* no shorter with the ellipsis */
	while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;
	memcpy(text + n, "\xe2\x80\xa6", 4);	/* U+2026 and the NUL */
}

static int
task_add(scan *s, item *it)
{
	note *n = s->n;
	task *t;
	char *text;

	if ((t = grow(&s->tasks, n->ntasks, &s->captasks, sizeof(*t))) == NULL)
		return -1;
	n->ntasks++;
	t->at = it->at;
	t->done = it->done;
	t->due = t->done_on = KITH_NO_DATE;
	t->first_link = it->first_link;
	t->nlinks = (it->ended ? it->end_link : n->nmentions) - it->first_link;
	text = arena_strndup(&s->j->mem, it->text.data ? it->text.data : "",
	    it->text.len);
	if (text == NULL)
		return -1;
	task_dates(s, t, text);
	squeeze(text);
	shorten(text);
	if (t->done_on != KITH_NO_DATE)
		t->done = 1;
	t->text = text;
	return 0;
}

/* A heading over the people of a meeting: Participants, Attendees, ...
 * (any case, emoji and punctuation aside). */
static int
is_roster(const char *heading)
{
	static const char *const words[] = { "attendance", "attendees",
		"guests", "interviewers", "participants", "people", "present" };
	char w[24];
	size_t i, n = 0;

	for (; heading != NULL && *heading; heading++) {
		if (*heading >= 'A' && *heading <= 'Z')
			w[n++] = (char)(*heading + 32);
		else if (*heading >= 'a' && *heading <= 'z')
			w[n++] = *heading;
		if (n == sizeof(w) - 1)
			return 0;
	}
	w[n] = '\0';
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i], w) == 0)
			return 1;
	return 0;
}

static int
tag_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '/' ||
	    c >= 0x80;
}

/* The #tags of a piece of text: a # at the start or after a space or an
 * opening bracket, then tag characters, not all digits. */
static int
tags_find(scan *s, const char *t, size_t size)
{
	const char *p = t, *e = t + size, *start;
	f_text *tag;
	int word;

	while ((p = memchr(p, '#', (size_t)(e - p))) != NULL) {
		if (p > t && strchr(" \t([", p[-1]) == NULL) {
			p++;
			continue;
		}
		start = ++p;
		word = 0;
		for (; p < e && tag_char((unsigned char)*p); p++)
			word |= *p < '0' || *p > '9';
		if (!word)
			continue;
		if ((tag = grow(&s->tags, s->ntags, &s->captags,
		    sizeof(*tag))) == NULL)
			return -1;
		tag->at = offset_pos(s, ptr_in_doc(s, start) ?
		    (size_t)(start - 1 - s->doc) : 0);
		if ((tag->s = arena_strndup(&s->j->mem, start,
		    (size_t)(p - start))) == NULL)
			return -1;
		s->ntags++;
	}
	return 0;
}

static int
enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	scan *s = userdata;
	MD_BLOCK_LI_DETAIL *li = detail;
	item *it;

	if (s->depth == 0 && type != MD_BLOCK_UL && type != MD_BLOCK_OL &&
	    type != MD_BLOCK_DOC)
		s->roster = 0;
	if (type == MD_BLOCK_H && !s->in_heading) {
		s->in_heading = ((MD_BLOCK_H_DETAIL *)detail)->level;
		buf_reset(&s->heading);
		return 0;
	}
	if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
		if (s->depth++ == 0 && s->roster == 1)
			s->roster = 2;
		s->item_fresh = 0;
		if ((it = top_item(s)) != NULL && it->collecting) {
			it->collecting = 0;
			it->ended = 1;
			it->end_link = s->n->nmentions;
		}
		return 0;
	}
	if (type != MD_BLOCK_LI)
		return 0;
	if (vec_reserve(&s->items, &s->capitems, s->nitems + 1,
	    sizeof(*s->items)) < 0)
		return s->oom = 1;
	it = &s->items[s->nitems++];
	memset(it, 0, sizeof(*it));
	s->item_fresh = s->roster == 2 && s->depth == 1;
	it->is_task = li->is_task;
	if (li->is_task) {
		it->done = li->task_mark != ' ';
		it->collecting = 1;
		it->at = offset_pos(s, li->task_mark_offset > 0 ?
		    li->task_mark_offset - 1 : 0);
		it->first_link = s->n->nmentions;
	}
	return 0;
}

static int
leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	scan *s = userdata;
	item *it;
	int rc = 0;

	(void)detail;
	if (type == MD_BLOCK_H && s->in_heading) {
		s->roster = s->in_heading <= 4 && s->depth == 0 &&
		    is_roster(s->heading.data);
		s->in_heading = 0;
		if (s->heading.len > 0 && s->n->heading == NULL) {
			squeeze(s->heading.data);
			s->n->heading = arena_strdup(&s->j->mem, s->heading.data);
			if (s->n->heading == NULL)
				return s->oom = 1;
			if (s->n->heading[0] == '\0')
				s->n->heading = NULL;
		}
		return 0;
	}
	if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
		if (--s->depth == 0)
			s->roster = 0;
		return 0;
	}
	if (type != MD_BLOCK_LI || s->nitems == 0)
		return 0;
	it = &s->items[--s->nitems];
	if (it->is_task && !it->text.oom && task_add(s, it) < 0)
		rc = s->oom = 1;
	if (it->text.oom)
		rc = s->oom = 1;
	buf_free(&it->text);
	return rc;
}

static int
enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	scan *s = userdata;
	MD_SPAN_WIKILINK_DETAIL *w = detail;
	pos at;

	if (type != MD_SPAN_WIKILINK)
		return 0;
	s->in_link = 1;
	if (ptr_in_doc(s, w->target.text))
		at = offset_pos(s, (size_t)(w->target.text - s->doc));
	else
		at = (pos){ s->doc_line + s->cursor_line, 1 };
	at.col -= 2;	/* point at the [[ */
	if (at.col < 1)
		at.col = 1;
	if (mention_add(s, w->target.text, w->target.size, at) < 0)
		return s->oom = 1;
	if (s->item_fresh) {
		f_ref *r = grow(&s->with, s->nwith, &s->capwith, sizeof(*r));

		if (r == NULL)
			return s->oom = 1;
		*r = s->mentions[s->n->nmentions - 1].ref;
		s->nwith++;
		s->item_fresh = 0;
	}
	return 0;
}

static int
leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	scan *s = userdata;

	(void)detail;
	if (type == MD_SPAN_WIKILINK)
		s->in_link = 0;
	return 0;
}

static int
text(MD_TEXTTYPE type, const MD_CHAR *t, MD_SIZE size, void *userdata)
{
	scan *s = userdata;
	item *it = top_item(s);
	kith_buf *b = NULL;
	MD_SIZE k;

	if (s->item_fresh && !s->in_link) {
		for (k = 0; k < size && (t[k] == ' ' || t[k] == '\t'); k++)
			;
		if (k < size)
			s->item_fresh = 0;
	}
	if (type == MD_TEXT_NORMAL && !s->in_link &&
	    memchr(t, '#', size) != NULL && tags_find(s, t, size) < 0)
		return s->oom = 1;
	if (s->in_heading)
		b = &s->heading;
	else if (it != NULL && it->is_task && it->collecting)
		b = &it->text;
	if (b == NULL)
		return 0;
	switch (type) {
	case MD_TEXT_SOFTBR:
	case MD_TEXT_BR:
		buf_putc(b, ' ');
		break;
	case MD_TEXT_NULLCHAR:
		break;
	default:
		buf_put(b, t, size);
	}
	return b->oom ? (s->oom = 1) : 0;
}


static int
count_lines(const char *p, size_t n)
{
	int lines = 0;
	const char *e = p + n;

	while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		lines++;
		p++;
	}
	return lines;
}

/* The column after a piece that started at column col: a piece cut inside
 * a long line leaves the next one mid-line. */
static int
next_col(int col, const char *p, size_t n)
{
	const char *last = p + n;

	while (last > p && last[-1] != '\n')
		last--;
	if (last > p)
		col = 1;
	for (; last < p + n; last++)
		col += ((unsigned char)*last & 0xc0) != 0x80;
	return col;
}


/* A copy of n elements in the journal's arena (NULL for none). */
static void *
keep(kith_journal *j, const void *v, size_t n, size_t size)
{
	void *p;

	if (n == 0 || (p = arena_alloc(&j->mem, n * size)) == NULL)
		return NULL;
	return memcpy(p, v, n * size);
}

/* Is the target a file that is not a note (an image, a Bases view)? */
static int
not_a_note(const char *t, size_t n)
{
	size_t end = 0, dot = n;

	while (end < n && t[end] != '|' && t[end] != '#')
		end++;
	for (dot = end; dot > 0 && t[dot - 1] != '.' && t[dot - 1] != '/'; dot--)
		;
	if (dot == 0 || t[dot - 1] != '.' || end - dot > 5 || end == dot)
		return 0;
	return !(end - dot == 2 && (t[dot] == 'm' || t[dot] == 'M') &&
	    (t[dot + 1] == 'd' || t[dot + 1] == 'D'));
}

/* Embeds, ![[Note]], which md4c does not read as wiki links: links like
 * the others (after them), outside code; an embedded file that is not a
 * note is no link. */
static int
embeds(scan *s, const char *body, size_t len, int first_line)
{
	const char *line = body, *e = body + len, *nl, *p, *close;
	int lineno = first_line, fenced = 0, ticks;
	size_t k;

	if (text_find(body, len, "![[", 3) == NULL)
		return 0;
	for (; line < e; line = nl + 1, lineno++) {
		if ((nl = memchr(line, '\n', (size_t)(e - line))) == NULL)
			nl = e;
		for (p = line; p < nl && *p == ' '; p++)
			;
		if (nl - p >= 3 && (strncmp(p, "```", 3) == 0 ||
		    strncmp(p, "~~~", 3) == 0)) {
			fenced = !fenced;
			continue;
		}
		if (fenced)
			continue;
		for (p = line, ticks = 0; p + 3 <= nl; p++) {
			ticks += *p == '`';
			if ((ticks & 1) || strncmp(p, "![[", 3) != 0 ||
			    (close = text_find(p + 3, (size_t)(nl - p - 3), "]]",
			    2)) == NULL)
				continue;
			if (!not_a_note(p + 3, (size_t)(close - p - 3))) {
				pos at = { lineno, 1 };

				for (k = 0; line + k < p + 1; k++)
					at.col += ((unsigned char)line[k] & 0xc0) != 0x80;
				if (mention_add(s, p + 3, (size_t)(close - p - 3),
				    at) < 0)
					return -1;
			}
			p = close + 1;
		}
	}
	return 0;
}

/* Does a types: rule of kith.yaml read this property? */
static int
rule_key(const kith_journal *j, const char *norm)
{
	size_t i;

	for (i = 0; i < j->cfg.nrules; i++)
		if (j->cfg.rules[i].what == RULE_PROPERTY &&
		    strcmp(j->cfg.rules[i].key, norm) == 0)
			return 1;
	return 0;
}

/* Does a property say what a note is (its type, categories, tags, a
 * property types: reads)?  Its links are not mentions. */
static int
says_type(const kith_journal *j, const char *key)
{
	char norm[KEY_NORM_MAX];

	if (key_norm(key, norm) == 0)
		return 0;
	return strcmp(norm, j->cfg.type_key) == 0 ||
	    strcmp(norm, "categories") == 0 ||
	    strcmp(norm, "category") == 0 || is_tags_key(j, norm) ||
	    rule_key(j, norm);
}

/* The lines of the body's properties that say what the note is: the
 * page's (props), and in a Logseq graph the blocks' too (a template
 * block's "type:: [[Person]]"). */
static void
quiet_lines(scan *s, const yval *props, const char *body, size_t len,
    int first_line)
{
	const char *line = body, *e = body + len, *nl, *p, *sep;
	char key[KEY_NORM_MAX];
	size_t i;
	int lineno = first_line;

	for (i = 0; props != NULL && i < props->n && s->nquiet < QUIET_MAX; i++)
		if (says_type(s->j, props->items[2 * i]->str))
			s->quiet[s->nquiet++] = props->items[2 * i]->at.line;
	if (!s->j->cfg.logseq || text_find(body, len, "::", 2) == NULL)
		return;
	for (; line < e && s->nquiet < QUIET_MAX; line = nl + 1, lineno++) {
		if ((nl = memchr(line, '\n', (size_t)(e - line))) == NULL)
			nl = e;
		for (p = line; p < nl && (*p == ' ' || *p == '\t'); p++)
			;
		if (nl - p > 2 && p[0] == '-' && p[1] == ' ')
			p += 2;
		if ((sep = text_find(p, (size_t)(nl - p), "::", 2)) == NULL ||
		    (size_t)(sep - p) >= sizeof(key))
			continue;
		memcpy(key, p, (size_t)(sep - p));
		key[sep - p] = '\0';
		if (says_type(s->j, key))
			s->quiet[s->nquiet++] = lineno;
	}
}

/*
 * Scans a body (which ends in a line end, with zeroed bytes after it).
 * Returns 0, or -1 when out of memory.
 */
int
body_scan(kith_journal *j, note *n, const char *body, size_t len,
    int first_line, body_info *info)
{
	MD_PARSER parser = { 0, BODY_FLAGS, enter_block, leave_block,
	    enter_span, leave_span, text, NULL, NULL };
	scan s;
	size_t piece, i, len0 = len;
	int rc = 0;

	memset(&s, 0, sizeof(s));
	s.j = j;
	s.n = n;
	if (info != NULL)
		quiet_lines(&s, info->props, body, len, first_line);
	s.doc_line = first_line;
	s.doc_col = 1;
	while (len > 0 && rc == 0) {
		piece = body_chunk_len(body, len);
		s.doc = body;
		s.doc_len = piece;
		s.cursor = s.cursor_bol = 0;
		s.cursor_line = 0;
		s.cursor_col = s.doc_col;
		parser.flags = body_table_cells(body, piece) > KITH_MAX_TABLE_CELLS ?
		    BODY_FLAGS & ~(unsigned)MD_FLAG_TABLES : BODY_FLAGS;
		rc = md_parse(body, (MD_SIZE)piece, &parser, &s);
		for (i = 0; i < s.nitems; i++)
			buf_free(&s.items[i].text);
		s.nitems = 0;
		s.in_heading = 0;
		s.depth = s.roster = s.item_fresh = s.in_link = 0;
		s.doc_line += count_lines(body, piece);
		s.doc_col = next_col(s.doc_col, body, piece);
		body += piece;
		len -= piece;
	}
	if (rc == 0 && embeds(&s, body - (len0 - len), len0, first_line) < 0)
		s.oom = 1;
	free(s.items);
	buf_free(&s.heading);
	n->mentions = keep(j, s.mentions, n->nmentions, sizeof(*s.mentions));
	n->tasks = keep(j, s.tasks, n->ntasks, sizeof(*s.tasks));
	if ((n->nmentions && n->mentions == NULL) || (n->ntasks && n->tasks == NULL))
		s.oom = 1;
	if (info != NULL) {
		info->tags.v = keep(j, s.tags, s.ntags, sizeof(*s.tags));
		info->tags.n = s.ntags;
		info->with.v = keep(j, s.with, s.nwith, sizeof(*s.with));
		info->with.n = s.nwith;
		if (s.nwith > 0)
			info->with.at = s.with[0].at;
		if ((s.ntags && info->tags.v == NULL) ||
		    (s.nwith && info->with.v == NULL))
			s.oom = 1;
	}
	free(s.mentions);
	free(s.tasks);
	free(s.tags);
	free(s.with);
	return s.oom || rc != 0 ? -1 : 0;
}
