/*
 * diag.c: the one path every problem in the journal takes.  Diagnostics are
 * collected, then sorted by file, line and column so that output does not
 * depend on the order in which notes were read.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/vec.h"
#include "note/note.h"

/* Adds a diagnostic; prefix (when not NULL) and ": " go before the
 * message.  The message and the file name are made printable. */
void
diag_vadd(kith_journal *j, const char *file, pos at, kith_level level,
    const char *prefix, const char *fmt, va_list ap)
{
	kith_buf line = KITH_BUF_INIT, name = KITH_BUF_INIT;
	kith_buf msg = KITH_BUF_INIT;
	kith_diag *d;

	if (vec_reserve(&j->diags, &j->diagcap, j->ndiags + 1,
	    sizeof(*j->diags)) < 0) {
		j->diag_oom = 1;
		return;
	}
	if (prefix != NULL)
		buf_printf(&msg, "%s: ", prefix);
	buf_vprintf(&msg, fmt, ap);
	d = &j->diags[j->ndiags];
	if (!msg.oom)
		buf_printable(&line, msg.data ? msg.data : "");
	buf_printable(&name, file);
	d->file = name.oom ? NULL :
	    arena_strdup(&j->mem, name.data ? name.data : "");
	d->message = line.oom || msg.oom ? NULL :
	    arena_strdup(&j->mem, line.data ? line.data : "");
	buf_free(&msg);
	buf_free(&line);
	buf_free(&name);
	if (d->file == NULL || d->message == NULL) {
		j->diag_oom = 1;
		return;
	}
	d->line = at.line > 0 ? at.line : 1;
	d->col = at.col > 0 ? at.col : 1;
	d->level = level;
	j->ndiags++;
}

void
diag_add(kith_journal *j, const char *file, pos at, kith_level level,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(j, file, at, level, NULL, fmt, ap);
	va_end(ap);
}

static int
diag_order(const void *a, const void *b)
{
	const kith_diag *x = a, *y = b;
	int c;

	if ((c = strcmp(x->file, y->file)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if (x->level != y->level)
		return x->level > y->level ? -1 : 1;
	return strcmp(x->message, y->message);
}

void
diag_sort(kith_journal *j)
{
	size_t i, out;

	if (j->ndiags > 1)
		qsort(j->diags, j->ndiags, sizeof(*j->diags), diag_order);
	/* The same problem found twice (a name used twice on a line) is
	 * reported once. */
	for (i = out = 0; i < j->ndiags; i++)
		if (out == 0 || diag_order(&j->diags[out - 1], &j->diags[i]) != 0)
			j->diags[out++] = j->diags[i];
	j->ndiags = out;
}

size_t
kith_journal_diag_count(const kith_journal *j)
{
	return j->ndiags;
}

const kith_diag *
kith_journal_diag(const kith_journal *j, size_t i)
{
	return i < j->ndiags ? &j->diags[i] : NULL;
}

kith_level
kith_journal_worst(const kith_journal *j)
{
	kith_level worst = KITH_CLEAN;
	size_t i;

	for (i = 0; i < j->ndiags; i++)
		if (j->diags[i].level > worst)
			worst = j->diags[i].level;
	return worst;
}

size_t
kith_journal_count(const kith_journal *j, kith_level level)
{
	size_t i, n = 0;

	for (i = 0; i < j->ndiags; i++)
		n += j->diags[i].level == level;
	return n;
}
