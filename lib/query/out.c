/*
 * out.c: what the answers of lib/query share: names looked up, dates,
 * locations, a link's evidence in words and in JSON.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/names.h"
#include "query/query.h"

const note *
query_find(const kith_journal *j, const char *name, int *ambiguous)
{
	kith_buf key = KITH_BUF_INIT;
	const note *n;

	n = graph_find(j, &key, name, ambiguous);
	buf_free(&key);
	if (n == NULL || n->skipped)
		return NULL;
	if (n->type == NOTE_PERSON || n->type == NOTE_COMPANY ||
	    n->type == NOTE_UNRESOLVED)
		return n;
	return NULL;
}

kith_named
kith_journal_named(const kith_journal *j, const char *name)
{
	kith_buf key = KITH_BUF_INIT;
	const note *n = graph_find(j, &key, name, NULL);

	buf_free(&key);
	if (n == NULL || n->skipped)
		return KITH_NAMED_NONE;
	if (n->is_owner)
		return KITH_NAMED_OWNER;
	if (note_is_person(n))
		return KITH_NAMED_PERSON;
	if (n->type == NOTE_COMPANY || n->type == NOTE_UNRESOLVED)
		return KITH_NAMED_COMPANY;
	return KITH_NAMED_OTHER;
}

kith_status
q_lookup(const kith_journal *j, const char *name, const note **out)
{
	*out = query_find(j, name, NULL);
	return *out != NULL ? KITH_OK : KITH_EJOURNAL;
}

void
q_where(kith_buf *b, const kith_query *q, const char *path, int line)
{
	if (q->where != NULL && q->where[0] != '\0') {
		buf_printable(b, q->where);
		buf_putc(b, '/');
	}
	buf_printable(b, path);
	if (line > 0) {
		buf_putc(b, ':');
		buf_put_int(b, line);
	}
}

void
q_json_date(kith_buf *b, const char *key, kith_date d)
{
	buf_printf(b, "\"%s\": ", key);
	if (d == KITH_NO_DATE) {
		buf_puts(b, "null");
		return;
	}
	buf_putc(b, '"');
	date_put(b, d);
	buf_putc(b, '"');
}

const note *
q_company(const note *p)
{
	if (p->type != NOTE_PERSON || p->company.to == NULL ||
	    p->company.to->skipped)
		return NULL;
	return p->company.to;
}

static const char *const ev_names[] = { "met", "contact", "meeting",
	"introduced", "mention", "company" };

void
q_evidence(kith_buf *out, const kith_query *q, const note *a,
    const tie_link *l)
{
	const evidence *e = &l->ev;
	kith_buf where = KITH_BUF_INIT, text = KITH_BUF_INIT, *b = &text;

	switch (e->kind) {
	case EV_MET:
		buf_puts(b, "you met ");
		date_put(b, e->date);
		buf_puts(b, ", ");
		buf_printable(b, meeting_kind(e->via));
		break;
	case EV_CONTACT:
		buf_puts(b, "last contact ");
		date_put(b, e->date);
		break;
	case EV_MEETING:
		buf_puts(b, "met together ");
		date_put(b, e->date);
		buf_puts(b, ", ");
		buf_printable(b, meeting_kind(e->via));
		break;
	case EV_INTRODUCED:
		buf_printable(b, e->via == l->to && a != NULL ? a->display :
		    l->to->display);
		buf_puts(b, " introduced ");
		buf_printable(b, e->via->display);
		break;
	case EV_MENTION:
		if (e->via->type == NOTE_MEETING) {
			buf_puts(b, "named at a meeting ");
			date_put(b, e->date);
			break;
		}
		buf_printable(b, e->via->display);
		buf_puts(b, "'s note names ");
		buf_printable(b, e->via == l->to && a != NULL ? a->display :
		    l->to->display);
		break;
	case EV_COMPANY:
		buf_puts(b, "both at ");
		buf_printable(b, e->via->display);
		break;
	}
	if (e->kind != EV_COMPANY && e->via->path[0] != '\0') {
		buf_putc(b, ':');
		q_where(&where, q, e->via->path, e->line);
	}
	if (text.data != NULL)
		q_wrap_words(out, text.data, 7);
	if (where.data != NULL) {
		buf_putc(out, ' ');
		q_wrap_at(out, where.data, 7);
	}
	if (where.oom || text.oom)
		out->oom = 1;
	buf_free(&where);
	buf_free(&text);
}

void
q_evidence_json(kith_buf *b, const tie_link *l)
{
	const evidence *e = &l->ev;

	buf_printf(b, "{\"kind\": \"%s\", ", ev_names[e->kind]);
	if (e->kind == EV_COMPANY) {
		buf_puts(b, "\"company\": ");
		buf_json_string(b, e->via->display);
		buf_puts(b, ", ");
	}
	buf_puts(b, "\"file\": ");
	if (e->via->path[0] != '\0')
		buf_json_string(b, e->via->path);
	else
		buf_puts(b, "null");
	buf_puts(b, ", \"line\": ");
	buf_put_int(b, e->line);
	buf_puts(b, ", ");
	q_json_date(b, "date", e->date);
	buf_putc(b, '}');
}

kith_status
q_finish(kith_buf *b, char **out, size_t *len)
{
	if (b->oom) {
		buf_free(b);
		*out = NULL;
		return KITH_ESYSTEM;
	}
	if (b->data == NULL)
		buf_puts(b, "");
	*out = buf_detach(b, len);
	return *out != NULL ? KITH_OK : KITH_ESYSTEM;
}

void
q_cell(kith_buf *b, const char *s, size_t width, int pad)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	kith_buf part = KITH_BUF_INIT;
	size_t cols = 0, i, k, n = strlen((const char *)p), cut = n;
	size_t cut_cols = 0;
	int w;

	/* in columns: an NFD accent takes none, a CJK character two */
	for (i = 0; i < n; i += k) {
		k = utf8_char_columns(p + i, n - i, &w);
		if (cut == n && width > 0 && cols + (size_t)w > width - 1) {
			cut = i;
			cut_cols = cols;
		}
		cols += (size_t)w;
	}
	if (cols > width && width > 0) {
		buf_put(&part, (const char *)p, cut);
		buf_printable(b, part.data ? part.data : "");
		buf_free(&part);
		buf_puts(b, "\xe2\x80\xa6");	/* ... */
		cols = cut_cols + 1;
	} else {
		buf_printable(b, (const char *)p);
	}
	for (; pad && cols < width; cols++)
		buf_putc(b, ' ');
}

int
q_has_tag(const note *n, const char *t)
{
	kith_buf a = KITH_BUF_INIT, x = KITH_BUF_INIT;
	size_t i;
	int yes = 0;

	name_fold_buf(&a, t);
	for (i = 0; i < n->tags.n && !yes && !a.oom; i++) {
		buf_reset(&x);
		name_fold_buf(&x, n->tags.v[i].s);
		yes = !x.oom && strcmp(x.data, a.data) == 0;
	}
	buf_free(&a);
	buf_free(&x);
	return yes;
}

void
q_wrap(kith_buf *b, const char *s)
{
	q_wrap_at(b, s, 4);
}

void
q_wrap_at(kith_buf *b, const char *s, int indent)
{
	size_t col = 0, i, n = 0;

	for (i = b->len; i > 0 && b->data[i - 1] != '\n'; i--)
		;
	col = b->data != NULL ? utf8_columns(b->data + i) : 0;
	n = utf8_columns(s);
	if (col > (size_t)indent && col + n > Q_WIDTH) {
		while (b->len > 0 && b->data[b->len - 1] == ' ')
			b->data[--b->len] = '\0';
		buf_printf(b, "\n%*s", indent, "");
	}
	buf_printable(b, s);
}

void
q_wrap_words(kith_buf *b, const char *s, int indent)
{
	kith_buf word = KITH_BUF_INIT;
	size_t n;

	while (*s) {
		n = strspn(s, " ");
		buf_put(b, s, n);
		s += n;
		n = strcspn(s, " ");
		if (n == 0)
			break;
		buf_reset(&word);
		buf_put(&word, s, n);
		if (word.data != NULL)
			q_wrap_at(b, word.data, indent);
		s += n;
	}
	if (word.oom)
		b->oom = 1;
	buf_free(&word);
}

void
q_rewrap(kith_buf *b, size_t start, int indent)
{
	char *line;

	if (b->oom || b->len <= start)
		return;
	if ((line = malloc(b->len - start + 1)) == NULL) {
		b->oom = 1;
		return;
	}
	memcpy(line, b->data + start, b->len - start);
	line[b->len - start] = '\0';
	b->len = start;
	b->data[start] = '\0';
	q_wrap_words(b, line, indent);
	free(line);
}

#define SHOW_READ 8192
char *
q_body_read(const kith_journal *j, const note *m, size_t *len)
{
	kith_buf path = KITH_BUF_INIT;
	char *text, *p, *end;
	FILE *f;
	size_t n;
	int fd;

	*len = 0;
	buf_printf(&path, "%s/%s", j->root, m->path);
	/* the file the load read: a link only where kith.yaml lets one be */
	fd = path.oom ? -1 : open(path.data, O_RDONLY | O_CLOEXEC |
	    (j->cfg.follow_symlinks ? 0 : O_NOFOLLOW));
	buf_free(&path);
	if (fd < 0 || (f = fdopen(fd, "rb")) == NULL) {
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	text = malloc(SHOW_READ + 1);
	n = text ? fread(text, 1, SHOW_READ, f) : 0;
	fclose(f);
	if (text == NULL)
		return NULL;
	text[n] = '\0';
	p = text;
	/* after the front matter: the line "---" that closes it */
	if (strncmp(p, "---\n", 4) == 0 || strncmp(p, "---\r\n", 5) == 0) {
		for (end = strchr(p, '\n'); end != NULL; end = strchr(end + 1,
		    '\n'))
			if (strncmp(end + 1, "---", 3) == 0 && (end[4] == '\n' ||
			    end[4] == '\r' || end[4] == '\0'))
				break;
		p = end ? end + 4 : text + n;
	}
	n = utf8_valid_prefix(p, strlen(p));
	memmove(text, p, n);
	text[n] = '\0';
	*len = n;
	return text;
}
