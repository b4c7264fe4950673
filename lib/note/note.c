/*
 * note.c: what a note is, asked by every stage after reading.
 */
#include <string.h>

#include "note/note.h"

const char *
meeting_kind(const note *m)
{
	return m->kind.s ? m->kind.s : "meeting";
}

int
meeting_is_written(const note *m)
{
	const char *kind = meeting_kind(m);

	return strcmp(kind, "email") == 0 || strcmp(kind, "message") == 0;
}

/* A person note, or a name without a note that stands for a person. */
int
note_is_person(const note *n)
{
	return n != NULL && (n->type == NOTE_PERSON ||
	    (n->type == NOTE_UNRESOLVED && !n->used_as_company &&
	    !n->used_as_address));
}

/* A person note, or a name without a note written where a person goes
 * (not a link to no note). */
int
note_names_person(const note *n)
{
	return n != NULL && (n->type == NOTE_PERSON ||
	    (n->type == NOTE_UNRESOLVED && n->used_as_person &&
	    !n->used_as_company));
}

/* The note read from path (notes are sorted by path), or NULL. */
note *
journal_note_at(const kith_journal *j, const char *path)
{
	size_t lo = 0, hi = j->nnotes, mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(j->notes[mid]->path, path);
		if (c == 0)
			return j->notes[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* How a note was recognised, as kith check --explain says it. */
const char *
how_label(enum note_how how)
{
	static const char *const labels[] = { "nothing", "type", "kith.yaml",
		"", "daily", "folder", "namespace", "tag" };

	return labels[how];
}
