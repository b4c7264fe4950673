/*
 * new.c: kith new: one note from its type's template, in the folder of its
 * type, named as a person would name it, never over a file that exists.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "write/write.h"

static const char *const type_folder[] = {
	[KITH_NOTE_PERSON] = "people",
	[KITH_NOTE_MEETING] = "meetings",
	[KITH_NOTE_COMPANY] = "companies",
};

static const enum note_type note_type_of[] = {
	[KITH_NOTE_PERSON] = NOTE_PERSON,
	[KITH_NOTE_MEETING] = NOTE_MEETING,
	[KITH_NOTE_COMPANY] = NOTE_COMPANY,
};

const char *
kith_journal_find(const kith_journal *j, const char *name, int *ambiguous)
{
	kith_buf key = KITH_BUF_INIT;
	note *n;

	*ambiguous = 0;
	n = graph_find(j, &key, name, ambiguous);
	buf_free(&key);
	if (n == NULL || n->type == NOTE_UNRESOLVED)
		return NULL;
	return n->display;
}

/* "2026-11-22 coffee with Jane Doe": a meeting's title and file stem
 * (two names, else the first and how many more) */
static void
meeting_title(kith_buf *b, const kith_new_note *n, const char *day)
{
	buf_printf(b, "%s %s with ", day, n->kind ? n->kind : "coffee");
	if (n->nwith == 0)
		return;
	buf_puts(b, n->with[0]);
	if (n->nwith == 2)
		buf_printf(b, " and %s", n->with[1]);
	else if (n->nwith > 2)
		buf_printf(b, " and %zu others", n->nwith - 1);
}

/* The file of the new note into path ("people/Jane Doe.md"): -1 when the
 * name leaves nothing to name a file by. */
static int
note_path(kith_buf *path, const kith_new_note *n, const char *day)
{
	kith_buf title = KITH_BUF_INIT;
	int rc;

	buf_printf(path, "%s/", type_folder[n->type]);
	if (n->type == KITH_NOTE_MEETING) {
		meeting_title(&title, n, day);
		rc = title.oom ? -1 : file_stem(path, title.data);
		buf_free(&title);
	} else {
		rc = file_stem(path, n->name);
	}
	buf_puts(path, ".md");
	return rc;
}

/* The note's text: its template filled in. */
static int
note_text(int rootfd, kith_buf *text, const kith_new_note *n,
    const char *day, char **why)
{
	char *own = NULL, when[32];
	const char *t;
	fill f;

	memset(&f, 0, sizeof(f));
	f.name = n->name;
	f.company = n->company;
	f.with = n->with;
	f.nwith = n->nwith;
	if (n->type == KITH_NOTE_MEETING) {
		f.kind = n->kind ? n->kind : "coffee";
		if (n->minutes >= 0)
			snprintf(when, sizeof(when), "%s %02d:%02d", day,
			    n->minutes / 60, n->minutes % 60);
		else
			snprintf(when, sizeof(when), "%s", day);
		f.date = when;
	} else if (n->date != KITH_NO_DATE) {
		f.date = day;
	}
	if ((t = template_text(rootfd, note_type_of[n->type], &own)) == NULL) {
		*why = write_message("templates/%s: %s",
		    template_file(note_type_of[n->type]), strerror(errno));
		return -1;
	}
	template_fill(text, t, &f);
	free(own);
	return 0;
}

kith_status
kith_note_new(const kith_journal *j, const kith_new_note *n, char **path,
    char **why)
{
	kith_buf rel = KITH_BUF_INIT, text = KITH_BUF_INIT;
	kith_status st = KITH_ESYSTEM;
	char day[11] = "";
	int rootfd;

	*path = *why = NULL;
	if (n->date != KITH_NO_DATE)
		kith_date_format(n->date, day);
	if ((rootfd = open(j->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		*why = write_message("%s: %s", j->root, strerror(errno));
		return KITH_ESYSTEM;
	}
	if (note_path(&rel, n, day) < 0 && !rel.oom) {
		*why = write_message("\"%s\" leaves nothing to name a file by",
		    n->name ? n->name : "");
		st = KITH_EREFUSED;
		goto out;
	}
	if (rel.oom || note_text(rootfd, &text, n, day, why) < 0 || text.oom)
		goto out;
	if (file_folder(rootfd, type_folder[n->type]) < 0) {
		*why = write_message("%s/: %s", type_folder[n->type], strerror(errno));
		goto out;
	}
	if (file_write_new(rootfd, rel.data, text.data, text.len) < 0) {
		st = errno == EEXIST ? KITH_EREFUSED : KITH_ESYSTEM;
		*why = write_message(errno == EEXIST ? "%s: the file exists (kith "
		    "never overwrites a note)" : "%s: %s", rel.data,
		    strerror(errno));
		goto out;
	}
	*path = buf_detach(&rel, NULL);
	st = *path ? KITH_OK : KITH_ESYSTEM;
out:
	if (st != KITH_OK && *why == NULL)
		*why = write_message("out of memory");
	close(rootfd);
	buf_free(&rel);
	buf_free(&text);
	return st;
}
