/*
 * kith.h: the public interface of libkith, the library behind the kith
 * command.  kith reads a journal (a folder of Markdown notes with YAML front
 * matter), builds a relationship graph in memory and applies the follow-up
 * rules to it.
 *
 * Ownership, once for the whole interface:
 *  - A kith_journal owns everything reachable from it (notes, names, items,
 *    diagnostics); such pointers stay valid until kith_journal_free().
 *  - Functions whose name ends in _new or that say "caller frees" return
 *    memory the caller releases with the matching _free or free().
 *  - Every _free function accepts NULL.
 *  - The library never prints and never exits: problems in the journal are
 *    kept as diagnostics (kith_journal_diag()), failures come back as a
 *    kith_status.
 */
#ifndef KITH_H
#define KITH_H

#include <stddef.h>
#include <stdio.h>

#define KITH_VERSION "0.1.0"

typedef enum kith_status {
	KITH_OK = 0,
	KITH_EJOURNAL = 2,	/* the journal folder cannot be read at all */
	KITH_ESYSTEM = 3,	/* out of memory, or another OS failure */
	KITH_EREFUSED = 4	/* kith site: the output folder is not kith's */
} kith_status;

/* Severity of a diagnostic; the worst one decides the exit status. */
typedef enum kith_level {
	KITH_CLEAN = 0,
	KITH_WARNING = 1,
	KITH_ERROR = 2
} kith_level;

/* A problem in the journal, at a root-relative file and a 1-based line and
 * column (columns count characters).  Strings belong to the journal. */
typedef struct kith_diag {
	const char *file;
	int line;
	int col;
	kith_level level;
	const char *message;
} kith_diag;

/* A day, counted from 1970-01-01 (day 0). */
typedef int kith_date;
#define KITH_NO_DATE (-2147483647 - 1)

/* Parses a strict YYYY-MM-DD.  Returns 0 on success, -1 if s is not a valid
 * calendar date (2026-02-30, 2026-2-3 and 2026-13-01 are all invalid). */
int kith_date_parse(const char *s, kith_date *out);

/* Writes d as YYYY-MM-DD into out (at least 11 bytes). */
void kith_date_format(kith_date d, char out[11]);

typedef struct kith_journal kith_journal;

typedef struct kith_options {
	const char *root;	/* journal folder; required */
	int strict;		/* kith check --strict: more warnings */
	int keep_bodies;	/* keep note bodies (kith site renders them) */
} kith_options;

/*
 * Reads the whole journal under opts->root and builds its graph.  On
 * KITH_OK, *out is a journal the caller frees with kith_journal_free(); its
 * diagnostics (possibly errors: the journal was still read as far as it
 * could be) are available through kith_journal_diag().  On failure *out is
 * NULL.
 */
kith_status kith_journal_load(const kith_options *opts, kith_journal **out);

void kith_journal_free(kith_journal *j);

/* The journal's diagnostics, sorted by file, line and column. */
size_t kith_journal_diag_count(const kith_journal *j);
const kith_diag *kith_journal_diag(const kith_journal *j, size_t i);

/* The worst level among the diagnostics. */
kith_level kith_journal_worst(const kith_journal *j);

/* Counts of diagnostics at one level. */
size_t kith_journal_count(const kith_journal *j, kith_level level);

/* ---- the user's settings ($XDG_CONFIG_HOME/kith/config.yaml) ---- */

typedef struct kith_user_config {
	char *journal;	/* the journal when none is named or found, or NULL */
	int color;	/* -1 auto, 0 never, 1 always */
	int color_set;	/* color: was given */
	kith_journal *problems;	/* the file's diagnostics only (diag API) */
} kith_user_config;

/* Where the user's settings are: $XDG_CONFIG_HOME/kith/config.yaml, else
 * $HOME/.config/kith/config.yaml.  Returns 0, or -1 when neither is set
 * (or the path does not fit in size). */
int kith_user_config_path(char *out, size_t size);

/* Reads the settings at path; no file is no setting.  A problem is a
 * diagnostic in uc->problems and leaves its setting unset.  Returns
 * KITH_OK, or KITH_ESYSTEM when out of memory.  Free with
 * kith_user_config_free() in every case. */
kith_status kith_user_config_load(const char *path, kith_user_config *uc);
void kith_user_config_free(kith_user_config *uc);

/* The folder `kith site` writes to, relative to the root (kith.yaml site:). */
const char *kith_journal_site_dir(const kith_journal *j);

/* ---- follow-ups (followups.md) ---- */

typedef enum kith_kind {
	KITH_KIND_CHECK_IN,
	KITH_KIND_DATE,
	KITH_KIND_MEETING,
	KITH_KIND_NEXT_STEP,
	KITH_KIND_RECIPROCITY,
	KITH_KIND_TARGET,
	KITH_KIND_TASK,
	KITH_KIND_THANK_YOU,
	KITH_KIND_COUNT
} kith_kind;

/* The kind's name as in the report ("thank-you"), or NULL. */
const char *kith_kind_name(kith_kind k);

/* Looks a kind up by name.  Returns 0 and sets *out, or -1. */
int kith_kind_parse(const char *name, kith_kind *out);

typedef enum kith_status_of_item {
	KITH_OVERDUE,
	KITH_TODAY,
	KITH_UPCOMING,
	KITH_UNDATED
} kith_when;

typedef struct kith_item {
	kith_date due;		/* KITH_NO_DATE when undated */
	kith_when when;
	kith_kind kind;
	const char **people;	/* display names, sorted */
	size_t npeople;
	const char *company;	/* display name, or NULL */
	const char *text;
	const char *file;	/* root-relative, '/' separated */
	int line;
	const char *id;		/* 16 hex digits: unique in the report, the
				 * same while its note says the same thing */
	int stale;		/* followups.md: counted, not listed */
	int minutes;		/* a meeting's time of day, or -1 */
} kith_item;

typedef struct kith_due_query {
	int horizon;		/* days ahead; -1: the journal's setting */
	unsigned kinds;		/* bit (1u << kith_kind) per kind; 0: all */
	const char *person;	/* only items about this name, or NULL */
	kith_date today;	/* the day of the report */
	const char *where;	/* put, with a '/', before the file of each item
				 * in text and Markdown (the journal as the
				 * user named it), or NULL; JSON's files stay
				 * relative to the root */
} kith_due_query;

typedef struct kith_due kith_due;

/*
 * Applies the follow-up rules for the day q->today (a journal is the same
 * whatever the day; any number of queries, for any days, may run on it at
 * once, on any threads).  On KITH_OK *out holds
 * the items the report shows, in report order; the caller frees it with
 * kith_due_free() (before the journal).  If q->person names no person or
 * company, returns KITH_EJOURNAL and sets *out to NULL.
 */
kith_status kith_due_new(const kith_journal *j, const kith_due_query *q,
    kith_due **out);
void kith_due_free(kith_due *d);

size_t kith_due_count(const kith_due *d);
const kith_item *kith_due_item(const kith_due *d, size_t i);
kith_date kith_due_today(const kith_due *d);
int kith_due_horizon(const kith_due *d);

typedef enum kith_format {
	KITH_FORMAT_TEXT,
	KITH_FORMAT_MARKDOWN,
	KITH_FORMAT_JSON
} kith_format;

enum {
	KITH_REPORT_COLOR = 1 << 0,	/* ANSI colour in text */
	KITH_REPORT_ALL = 1 << 1	/* list stale overdue items one by one */
};

/*
 * Writes the report in the given format.  Returns a NUL-terminated string
 * the caller frees with free(), and its length in *len; NULL when out of
 * memory.  The text and markdown reports are empty (length 0) when no item
 * is shown.
 */
char *kith_due_format(const kith_due *d, const kith_journal *j,
    kith_format format, int flags, size_t *len);

/*
 * The same report written to out as it is made (a buffer of about 64 KiB,
 * not the whole report, is held).  *len gets the bytes written.  Returns
 * KITH_OK, or KITH_ESYSTEM when out of memory or writing failed (errno
 * tells which; what was written before stays written).
 */
kith_status kith_due_write(const kith_due *d, const kith_journal *j,
    kith_format format, int flags, FILE *out, size_t *len);

/*
 * The display names of the journal's people (people nonzero: person notes
 * and names used where a person goes) or companies (company notes and
 * names used where a company goes), the owner left out, sorted and each
 * once; aliases are not listed (a lookup takes them).
 * Returns a NULL-terminated array the caller frees with free(); the
 * strings belong to the journal.  NULL when out of memory.
 */
const char **kith_journal_names(const kith_journal *j, int people);

/*
 * The display names of the people and companies whose name is `name` or
 * begins with it as whole words, any case ("gina" finds "Gina Holt";
 * "Jane Doe" finds both notes that claim it): for a name that names no
 * one, or more than one.  A NULL-terminated array the caller frees with
 * free(), people first, each sorted; NULL when out of memory.
 */
const char **kith_journal_matches(const kith_journal *j, const char *name);

/*
 * Finds a near name for an unknown one: the display name of the note whose
 * name is closest to `name`, or NULL when none is close.
 */
const char *kith_journal_suggest(const kith_journal *j, const char *name);

/*
 * How kith recognised the journal's notes (kith check --explain): a line
 * for each kind (people, meetings, companies, daily notes, plain notes)
 * with its count by way of recognition ("folder People/ 40, tag person
 * 2"), what kept other notes out and what in kith.yaml would let them in,
 * and the links to no note.  With list nonzero, then every person,
 * meeting, company and daily note found, one a line.  Returns text the
 * caller frees with free(); NULL when out of memory.
 */
char *kith_journal_explain(const kith_journal *j, int list);
/* ---- questions to the graph (lib/query/, docs/cli.md) ---- */

typedef enum kith_output {
	KITH_OUT_TEXT,
	KITH_OUT_JSON,
	KITH_OUT_CSV,		/* kith people */
	KITH_OUT_DOT		/* kith graph */
} kith_output;

typedef enum kith_sort {
	KITH_SORT_NAME,		/* by name */
	KITH_SORT_LAST,		/* the longest unseen first */
	KITH_SORT_STRENGTH,	/* the strongest first */
	KITH_SORT_DUE		/* the next check-in first */
} kith_sort;

typedef struct kith_query {
	kith_date today;	/* the day of the answer */
	kith_output format;
	const char *where;	/* put, with a '/', before note paths in text
				 * (the journal as the user named it), or NULL */
	int all;		/* intro: every path, not the best five */
	/* kith people */
	const char *tag;	/* only people with this tag, or NULL */
	const char *company;	/* only people at this company, or NULL */
	int fading;		/* only people past their cadence */
	kith_sort sort;
} kith_query;

/*
 * The answers to the questions of the command line, each a string the
 * caller frees with free() (*len its length): kith show NAME, kith intro
 * TARGET, kith people, kith graph, kith stats, in q->format.  show and
 * intro return KITH_EJOURNAL (and *out NULL) when the name names no person
 * or company, or several (kith_journal_matches() and
 * kith_journal_suggest() tell who it could be); people returns it when
 * q->company names no company.  KITH_ESYSTEM when out of memory.
 */
/* What a name names (any name or alias, any case), to explain why a
 * question refused it. */
typedef enum kith_named {
	KITH_NAMED_NONE,	/* nothing, or several (kith_journal_matches()) */
	KITH_NAMED_PERSON,
	KITH_NAMED_COMPANY,
	KITH_NAMED_OWNER,	/* the journal's owner: you */
	KITH_NAMED_OTHER	/* a meeting, a note or a goal */
} kith_named;

kith_named kith_journal_named(const kith_journal *j, const char *name);

kith_status kith_show(const kith_journal *j, const char *name,
    const kith_query *q, char **out, size_t *len);
kith_status kith_intro(const kith_journal *j, const char *target,
    const kith_query *q, char **out, size_t *len);
kith_status kith_people(const kith_journal *j, const kith_query *q,
    char **out, size_t *len);
kith_status kith_graph(const kith_journal *j, const kith_query *q,
    char **out, size_t *len);
kith_status kith_stats(const kith_journal *j, const kith_query *q,
    char **out, size_t *len);

/* ---- the dashboard (docs/site.md) ---- */

typedef struct kith_site_result {
	size_t pages;		/* pages made */
	size_t written;		/* files written (changed or new) */
	size_t unchanged;	/* files left alone: same bytes */
	int fresh;		/* nothing was made: the folder holds the site
				 * of the same notes, settings, day and kith */
} kith_site_result;

/*
 * Writes the static HTML dashboard for the day today into dir; dir NULL:
 * kith.yaml's site:, reached from the journal's root one folder at a time
 * (made when missing), no symbolic link on the way.  The folders leading
 * to a dir given may be links (they are the caller's choice); dir itself
 * may not ("link/." is "link"; a dir ending in ".." is refused).  The
 * journal must have been loaded with keep_bodies.  Returns KITH_OK;
 * KITH_EREFUSED when the folder is a symbolic link, the journal itself, or
 * holds files kith did not write; KITH_ESYSTEM on an OS failure (the
 * folder is left as the last good site: what the run wrote is taken
 * back).  On failure *why is a message the caller frees.  When the folder
 * holds, untouched, the site a build made from the same inputs (the notes'
 * bytes, kith.yaml, the day, kith's own code: see lib/site/inputs.c),
 * nothing is rendered and res->fresh is set.  A line of the folder's
 * manifest that names no page below the folder is ignored and reported: a
 * warning added to j's diagnostics, after those of the load (at the
 * manifest's path from the journal's root for the site: folder, else at
 * its whole path, which starts with '/'); that is all the site writes to
 * the journal.
 */
kith_status kith_site_write(kith_journal *j, kith_date today, const char *dir,
    kith_site_result *res, char **why);

/* ---- writing into the journal: init, new, import, export (lib/write) ----
 * Nothing here changes a file that exists: every file is new, created
 * with O_EXCL (which fails when the name is taken, even between kith's
 * look and its write) and removed again when it could not be written
 * whole. */

/*
 * kith init: makes dir a journal: kith.yaml (every setting, commented),
 * people/, meetings/, companies/, templates/ with the three templates and
 * a .gitignore naming the dashboard's folder.  dir is made when missing
 * (not the folders above it); a file or folder already there is kept as
 * it is.  On KITH_OK *made is a NULL-terminated list of what was made,
 * relative to dir (the caller frees it with free(); the strings are in
 * the same block).  KITH_EREFUSED when dir holds a kith.yaml; KITH_ESYSTEM
 * on an OS failure; both set *why, a message the caller frees.
 */
kith_status kith_init(const char *dir, char ***made, char **why);

typedef enum kith_note_type {
	KITH_NOTE_PERSON,
	KITH_NOTE_MEETING,
	KITH_NOTE_COMPANY
} kith_note_type;

typedef struct kith_new_note {
	kith_note_type type;
	const char *name;	/* person, company: its name */
	const char *const *with;	/* meeting: the names, as written */
	size_t nwith;
	kith_date date;		/* meeting: its day (required); person: met:,
				 * or KITH_NO_DATE */
	int minutes;		/* meeting: time of day, or -1 */
	const char *kind;	/* meeting: NULL for coffee */
	const char *company;	/* person, meeting: a name, or NULL */
} kith_new_note;

/*
 * kith new: writes a note from the type's template (templates/TYPE.md of
 * the journal, else the built-in one) into people/, meetings/ or
 * companies/ (made when missing), named after the person or company, or
 * "DATE KIND with NAMES" for a meeting.  On KITH_OK *path is the new
 * file, relative to the root (the caller frees it).  KITH_EREFUSED when
 * the file exists or the name leaves no file name; KITH_ESYSTEM on an OS
 * failure; both set *why (the caller frees it).
 */
kith_status kith_note_new(const kith_journal *j, const kith_new_note *n,
    char **path, char **why);

/*
 * The display name of the note a name stands for, as a link resolves it
 * (file stem, path, name: or alias, any case); NULL when no note claims
 * it, or several do (then *ambiguous is set).  The string belongs to the
 * journal.
 */
const char *kith_journal_find(const kith_journal *j, const char *name,
    int *ambiguous);

typedef enum kith_source {
	KITH_SOURCE_LINKEDIN,	/* LinkedIn's Connections.csv */
	KITH_SOURCE_VCARD	/* vCard 3.0 or 4.0 */
} kith_source;

typedef enum kith_import_what {
	KITH_IMPORT_PERSON,	/* a person note written (or, dry, to write) */
	KITH_IMPORT_COMPANY,	/* a company note written (or to write) */
	KITH_IMPORT_KNOWN,	/* the journal has them: path is that note */
	KITH_IMPORT_TWICE,	/* named like an earlier row: left out */
	KITH_IMPORT_NO_NAME	/* a row without a name: counted */
} kith_import_what;

typedef struct kith_imported {
	kith_import_what what;
	const char *name;	/* NULL for KITH_IMPORT_NO_NAME */
	const char *path;	/* root-relative, or NULL */
	const char *by;		/* KITH_IMPORT_KNOWN: what matched ("name",
				 * "alias", "linkedin", "email") */
	int line;		/* in the imported file */
} kith_imported;

typedef struct kith_import kith_import;

/*
 * kith import: a person note for each person of the file (and a company
 * note for each company the journal has no note for), skipping the people
 * the journal has (by name, alias, LinkedIn URL or e-mail).  With
 * dry_run nothing is written.  A malformed row is a diagnostic at
 * file:line (file as given) and the rest is imported.  On KITH_OK *out
 * holds what was done, in the file's order; the caller frees it with
 * kith_import_free() (before the journal).  KITH_EJOURNAL when the file
 * cannot be read, KITH_ESYSTEM on an OS failure (what was written stays:
 * each note is whole); both with *out NULL and errno set.
 */
kith_status kith_import_new(const kith_journal *j, kith_source source,
    const char *file, int dry_run, kith_import **out);
void kith_import_free(kith_import *im);
size_t kith_import_count(const kith_import *im);
const kith_imported *kith_import_entry(const kith_import *im, size_t i);
size_t kith_import_diag_count(const kith_import *im);
const kith_diag *kith_import_diag(const kith_import *im, size_t i);

/*
 * kith export vcard: every person note that is not private (the owner
 * left out) as vCard, version 4 (4.0) or 3 (3.0), in path order, with
 * CRLF line ends and lines folded at 75 octets; each card's UID comes
 * from its note's path.  A string the caller frees, its length in *len;
 * NULL when out of memory.
 */
char *kith_export_vcard(const kith_journal *j, int version, size_t *len);

/*
 * iCalendar (RFC 5545) of a follow-up report, every item of it (as JSON:
 * the stale ones and every check-in too): meetings as VEVENTs (at
 * their time when they have one), yearly dates as yearly VEVENTs, every
 * other item a VTODO due on its day; UIDs from the items' ids, DTSTAMP
 * the report's day.  A string the caller frees with free(), its length in
 * *len; NULL when out of memory.
 */
char *kith_due_ics(const kith_due *d, const kith_journal *j, size_t *len);

#endif
