/*
 * fuzz_note.c: libFuzzer harness for the note reader, in memory.
 *
 * The input is one note file.  It goes through what read.c checks (size,
 * NUL, UTF-8: other input is what kith reports and skips before any stage
 * sees it), then, as a person, a meeting, a company or a plain note (by
 * its number of lines, modulo 4: the folder gives a note its type unless
 * its type: key says otherwise), through front_matter_split, yaml_read,
 * fields_apply and body_scan, then with two fixed companion notes (a
 * person and a company it can name) through graph_build and the follow-up
 * rules, and into the three reports.
 *
 * Properties: every diagnostic names this note (or a companion), prints as
 * one line at a line and column inside the file; the reports are valid
 * UTF-8, the JSON report is well-formed JSON.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "read/read.h"
#include "report/report.h"
#include "rules/rules.h"
#include "core/limits.h"
#include "props.h"

/* Zeroed bytes after the text, as read.c leaves them for md4c. */
#define PADDING 16

static const char *const paths[] = {
	"people/Fuzz Person.md",
	"meetings/2026-11-20 coffee with Fuzz.md",
	"companies/Fuzz Co.md",
	"notes/fuzz.md",
};

static const struct companion {
	const char *path;
	const char *text;
} companions[] = {
	{ "people/Ann Lee.md", "---\naliases: [Ann]\ncompany: \"[[Acme]]\"\n"
	    "cadence: 30d\nlast_contact: 2026-10-01\ntags: [mentor]\n---\n"
	    "# Ann Lee\n\n- [ ] Ask [[Acme]] about it 📅 2026-11-21\n" },
	{ "companies/Acme.md", "---\ntarget: yes\nstatus: applying\n---\n" },
};

typedef struct file_set {
	const char *path[3];
	const char *text[3];
	size_t len[3];
	size_t n;
} file_set;

/* A padded, newline-ended copy of the text, as note_read() makes it. */
static char *
note_copy(const char *text, size_t len, size_t *out_len)
{
	char *data = malloc(len + 1 + PADDING);

	if (data == NULL)
		abort();
	memcpy(data, text, len);
	memset(data + len, 0, 1 + PADDING);
	if (len > 0 && data[len - 1] != '\n')
		data[len++] = '\n';
	*out_len = len;
	return data;
}

/* The stages of journal.c on text already read.  The front matter's tree
 * lives in a scratch arena freed right after the note, as there, so that
 * ASan sees any pointer into it kept past the note. */
static void
note_stages(kith_journal *j, note *n, const char *text, size_t len)
{
	arena scratch = { NULL, 0 };

	if (note_from_text(j, &scratch, n, text, len) < 0)
		abort();
	arena_free(&scratch);
}

static const char *
text_of(const char *path, size_t *len, void *userdata)
{
	file_set *f = userdata;
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->path[i], path) == 0) {
			*len = f->len[i];
			return f->text[i];
		}
	prop_soft("diag-file", "a diagnostic names a file that is not in the "
	    "journal", path, strlen(path));
	return NULL;
}

static void
one_journal(const char *path, const char *text, size_t len)
{
	kith_journal *j = calloc(1, sizeof(*j));
	file_set files;
	char *copies[2];
	size_t i, clen;
	note one, *n;

	if (j == NULL)
		abort();
	config_defaults(&j->cfg);
	j->cfg.owner = "Me";
	j->cfg.logseq = len % 2;	/* a Logseq graph's page properties too */
	j->root = "/nonexistent";
	j->strict = 1;
	j->keep_bodies = 0;
	j->cap = 64;
	if ((j->notes = calloc(j->cap, sizeof(*j->notes))) == NULL)
		abort();
	files.n = 0;
	for (i = 0; i < 2; i++) {
		copies[i] = note_copy(companions[i].text,
		    strlen(companions[i].text), &clen);
		files.path[files.n] = companions[i].path;
		files.text[files.n] = copies[i];
		files.len[files.n++] = clen;
	}
	files.path[files.n] = path;
	files.text[files.n] = text;
	files.len[files.n++] = len;
	/* sorted by path, as the walk lists them */
	for (i = 0; i < files.n; i++) {
		if (note_start(j, &one, files.path[i]) < 0)
			abort();
		note_stages(j, &one, files.text[i], files.len[i]);
		if ((n = note_keep(j, &one)) == NULL)
			abort();
		j->notes[j->nnotes++] = n;
	}
	for (i = 0; i + 1 < j->nnotes; i++)
		if (strcmp(j->notes[i]->path, j->notes[i + 1]->path) > 0) {
			n = j->notes[i];
			j->notes[i] = j->notes[i + 1];
			j->notes[i + 1] = n;
			i = (size_t)-1;
		}
	for (i = 0; i < j->nnotes; i++)
		j->notes[i]->index = i;
	j->nnodes = j->nnotes;
	if (graph_build(j) < 0)
		abort();
	goals_read(j);
	if (j->mem.oom || j->diag_oom)
		abort();
	diag_sort(j);
	prop_diags(j, text_of, &files);
	prop_reports(j);
	kith_journal_free(j);
	free(copies[0]);
	free(copies[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	size_t i, len, lines = 0;
	char *text;

	/* What read.c turns away before any stage sees it. */
	if (size > KITH_MAX_NOTE_BYTES || memchr(in, '\0', size) != NULL ||
	    utf8_valid_prefix(in, size) != size)
		return -1;
	text = note_copy(in, size, &len);
	for (i = 0; i < len; i++)
		lines += text[i] == '\n';
	one_journal(paths[lines % (sizeof(paths) / sizeof(paths[0]))], text,
	    len);
	free(text);
	return 0;
}
