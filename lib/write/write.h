/*
 * write.h: the write stage: what kith writes into a journal, always as new
 * files and never over one that exists: kith init (init.c), kith new from
 * a template (template.c), kith import from LinkedIn's CSV (linkedin.c)
 * and vCard (vcard.c) through one importer (import.c), and vCard out
 * (vcard_out.c).  file.c names and writes the files.  Includes every room
 * below it; private to lib/write.
 */
#ifndef KITH_WRITE_H
#define KITH_WRITE_H

#include "model/model.h"

/* ---- file.c ---- */

/* Longest file name kith makes, in bytes, before ".md". */
#define WRITE_NAME_MAX 120

/*
 * Appends to b a file stem for a note named name: / \ : * ? < > | become
 * '-' and '"' becomes '\'' (Windows refuses them), control characters and characters that are
 * not UTF-8 are dropped, leading dots, underscores and spaces (a hidden
 * or skipped file) and trailing dots and spaces go, runs of spaces become
 * one, and the stem is cut at WRITE_NAME_MAX bytes on a character's
 * boundary.  Returns 0, or -1 when nothing usable is left (b unchanged).
 */
int file_stem(kith_buf *b, const char *name);

/* Appends s as one YAML scalar: plain when that reads back as the same
 * text, else double-quoted with escapes. */
void yaml_scalar(kith_buf *b, const char *s);

/* Appends s on one line of a note's body: a control character (a line
 * break from a CSV field) becomes a space. */
void text_line(kith_buf *b, const char *s);

/* Appends "[[name]]" as a YAML scalar (quoted: [ starts a sequence). */
void yaml_link(kith_buf *b, const char *name);

/*
 * Writes a new file rel (relative to dirfd), created with O_EXCL: never
 * over a file that exists (a symbolic link included).  When writing fails
 * the file, kith's own, is removed: whole or not at all.  Returns 0, or
 * -1 with errno (EEXIST: the file exists).
 */
int file_write_new(int dirfd, const char *rel, const char *data, size_t len);

/* A message made like printf's, for the caller to free; NULL when out of
 * memory. */
char *write_message(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* mkdir of rel below dirfd; an existing folder is fine.  0 or -1 (errno). */
int file_folder(int dirfd, const char *rel);

/* ---- template.c ---- */

/* The values a template is filled with; NULL or empty: left blank. */
typedef struct fill {
	const char *name;
	const char *date;	/* YYYY-MM-DD or YYYY-MM-DD HH:MM */
	const char *kind;
	const char *company;
	const char *const *with;
	size_t nwith;
} fill;

/*
 * The template of a type (NOTE_PERSON, NOTE_MEETING or NOTE_COMPANY):
 * templates/TYPE.md of the journal when there is one (into *own, which
 * the caller frees), else the built-in one.  NULL with *own NULL when
 * the journal's file cannot be read (errno).
 */
const char *template_text(int rootfd, enum note_type type, char **own);

/* The built-in template of a type (kith init writes them). */
const char *template_builtin(enum note_type type);

/* The file name of a type's template in templates/ ("person.md"). */
const char *template_file(enum note_type type);

/*
 * Appends the template t filled with f to b: {{name}}, {{date}},
 * {{kind}}, {{company}} and {{with}}; in the front matter each becomes a
 * YAML value (a link for company and with, a list for with), in the body
 * plain text.  An unknown {{word}} is left as it is.
 */
void template_fill(kith_buf *b, const char *t, const fill *f);

/* ---- import.c: one person of an import, from any source ---- */

typedef struct contact {
	const char *name;
	const char *company;
	const char *title;
	const char *linkedin;
	const char **emails;
	size_t nemails;
	const char **phones;
	size_t nphones;
	const char **tags;
	size_t ntags;
	kith_date met;		/* or KITH_NO_DATE */
	int byear, bmonth, bday;	/* birthday; bmonth 0: none */
	const char *note;	/* text for the body, or NULL */
	int line;		/* where it starts in the file */
} contact;

struct kith_import;

/* Hands one contact to the import: written (or listed, in a dry run),
 * or skipped and listed when the journal has them.  Strings may be the
 * caller's: they are copied.  Returns 1 when the person's note is written
 * (or listed), 0 when not, -1 when out of memory or the journal's folder
 * cannot be written (errno). */
int import_contact(struct kith_import *im, const contact *c);

/* A problem of the file being imported, at line:col. */
void import_diag(struct kith_import *im, int line, int col,
    kith_level level, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* The import's arena, for the sources' strings. */
arena *import_mem(struct kith_import *im);

/* The sources: read the bytes of a file and call import_contact() for
 * each person.  Return 0, or -1 (out of memory, or a write failed). */
int linkedin_read(struct kith_import *im, const char *data, size_t len);
int vcard_read(struct kith_import *im, const char *data, size_t len);

/* ---- linkedin.c: the parts of Connections.csv (unit-tested) ---- */

enum linkedin_column { COL_FIRST, COL_LAST, COL_URL, COL_EMAIL, COL_COMPANY,
	COL_POSITION, COL_CONNECTED, COL_COUNT };

/* Whether a row is the header (First Name and Last Name among its fields,
 * any case): 0 with each column's field index (or -1) in column, else -1. */
int linkedin_header(const char *const *fields, size_t n,
    int column[COL_COUNT]);

/* A Connected On date: "30 May 2024", "08-Jan-18", "1/8/18, 6:14 PM"
 * (month first) or YYYY-MM-DD; KITH_NO_DATE when it is none of them. */
kith_date linkedin_date(const char *s);

/* ---- vcard.c: the parts of a vCard line (unit-tested) ---- */

/*
 * Unfolds the lines of a vCard (RFC 6350 3.2: a line end followed by a
 * space or a tab continues the line), in place (data holds len + 1
 * bytes); CRLF or LF.  Each
 * logical line keeps the number of the physical line it starts on: the
 * lines are NUL-separated in data, their starts in *starts and numbers
 * in *lines (malloc'd, the caller frees both).  Returns the number of
 * lines, or -1 when out of memory.
 */
long vcard_unfold(char *data, size_t len, char ***starts, int **lines);

/* Undoes the escapes of a text value (\\, \, \; \n \N) in place, up to
 * the first unescaped sep (';' or ',', or 0 for none), which is cut
 * there; returns where the next component starts, or NULL at the end. */
char *vcard_unescape(char *s, char sep);

/* BDAY: YYYYMMDD, YYYY-MM-DD, --MMDD or --MM-DD (a time after T
 * ignored); *year 0 without one.  0, or -1 when it is none of them. */
int vcard_birthday(const char *v, int *year, int *month, int *day);


#endif
