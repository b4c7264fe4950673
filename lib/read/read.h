/*
 * read.h: the reading stage, from a folder to typed notes: which files are
 * notes (walk.c), their bytes (read.c), the front matter (frontmatter.c),
 * the known keys (fields.c), the body (body.c), kith.yaml (config.c), and
 * all of them for every note (notes.c).  Includes core/ and note/ only,
 * never model/: a note leaves this stage unresolved.
 */
#ifndef KITH_READ_H
#define KITH_READ_H

#include <string.h>

#include "note/note.h"

/* walk.c: the journal's note files, sorted by path */
typedef struct note_file {
	char *path;		/* root-relative; malloc'd */
} note_file;

typedef int (*walk_emit)(void *ctx, const char *rel);
int walk_notes(kith_journal *j, int rootfd, walk_emit emit, void *ctx);
int walk_journal(kith_journal *j, note_file **files, size_t *nfiles);
void walk_free(note_file *files, size_t nfiles);
int glob_match(const char *glob, const char *path);
/* Is rel (a note, or a folder) left out by ignore: or the site folder? */
int walk_ignored(const kith_journal *j, const char *rel, int folder);
/* Appends rel as diagnostics show it: bytes that are not UTF-8 as \xNN. */
void walk_name_shown(kith_buf *b, const char *rel);

/* read.c: a note's bytes, checked (regular file, size, NUL, UTF-8) */
typedef struct note_text {
	char *data;		/* malloc'd, NUL-terminated, padded */
	size_t len;
} note_text;

int note_read(kith_journal *j, int dirfd, const char *path, note_text *out);

/* notes.c: a note is started for a path (typed by its folder) in a
 * whole struct note, goes through the stages after reading (front matter,
 * fields, body: note_from_text), then is kept in the bytes of its type */
int note_start(kith_journal *j, note *n, const char *path);
note *note_keep(kith_journal *j, const note *n);
int note_from_text(kith_journal *j, arena *scratch, note *n, const char *text,
    size_t len);
/* Walks the journal and reads every note into j->notes, sorted by path.
 * Returns 0, or -1 when out of memory or the folder cannot be walked. */
int read_all_notes(kith_journal *j, int rootfd);

/* frontmatter.c: splits the front matter and reads it into a yval tree */
typedef struct front_matter {
	const char *yaml;	/* points into the note text, or NULL */
	size_t yaml_len;
	int yaml_line;		/* line of the first YAML line */
	const char *body;
	size_t body_len;
	int body_line;		/* line of the body's first line */
} front_matter;

int front_matter_split(kith_journal *j, const char *path, const char *text,
    size_t len, front_matter *out);
/* Reads YAML (what: "front matter" or "kith.yaml", for messages) into a
 * tree allocated in mem (set mem->oom when memory runs out).  Returns the
 * mapping, or NULL (and a diagnostic) when it cannot be read. */
yval *yaml_read(kith_journal *j, arena *mem, const char *path,
    const char *what, const char *yaml, size_t len, int first_line);

/* What the body says besides links and tasks, for fields_apply(): its
 * #tags, the links listed under a Participants or Attendees heading, its
 * inline fields and page properties (a mapping, or NULL). */
typedef struct body_info {
	f_list tags;		/* in the journal's arena */
	f_refs with;		/* in the journal's arena */
	const yval *props;	/* in the scratch arena */
	int body_line;		/* the body's first line */
} body_info;

/* A key of a note's mapping, compared once (keys.c): its compared form
 * ("" for none), and for fields.c the kith field it fills and its rank. */
typedef struct key_entry {
	char norm[KEY_NORM_MAX];
	const void *field;
	int rank;
} key_entry;

/* fields.c: types the front matter into the note; b may be NULL */
int fields_apply(kith_journal *j, note *n, const yval *map,
    const body_info *b);
enum note_type note_type_from_path(const char *path);

/* props.c: tags to classify by, the body's #tags kept, property links */
int tags_of(kith_journal *j, const yval *map, const key_entry *keys,
    const body_info *b, f_list *out);
int tags_add(kith_journal *j, note *n, const f_list *more);
int property_mentions(kith_journal *j, note *n, int body_line);
int unfilled_template(const yval *v);
int is_tags_key(const kith_journal *j, const char *norm);

/* The first needle (of nlen bytes) in the n bytes at s, or NULL: memchr
 * for its first byte (fast on text where it is rare), then a compare. */
static inline const char *
text_find(const char *s, size_t n, const char *needle, size_t nlen)
{
	const char *e = s + n, *p = s;

	while (nlen <= (size_t)(e - p) &&
	    (p = memchr(p, needle[0], (size_t)(e - p) - nlen + 1)) != NULL) {
		if (memcmp(p, needle, nlen) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* keys.c: a key in any spelling */
const char *key_lookup(const kith_journal *j, enum note_type t,
    const char *key, int *rank);
const char *key_lookup_norm(const kith_journal *j, enum note_type t,
    const char *norm, int *rank);
unsigned key_types(const char *key);

/* classify.c: which type a note is */
int classify(kith_journal *j, note *n, const yval *map,
    const key_entry *keys, const f_list *tags, const char **kind);
int type_of_words(const char *s, int kinds, const char **kind);
int folder_kind(const char *name, size_t len);
int folder_is_templates(const char *name);
const char *ref_fold(arena *a, const char *s);

/* body.c: mentions and tasks (md4c, in the pieces of core/mdpiece.h) */
int body_scan(kith_journal *j, note *n, const char *body, size_t len,
    int first_line, body_info *info);

/* inline.c: Dataview inline fields (key:: value, [key:: value]) and a
 * Logseq page's properties, as a mapping in scratch; NULL when none. */
const yval *inline_fields(kith_journal *j, arena *scratch, const char *body,
    size_t len, int first_line);
const yval *logseq_front_matter(kith_journal *j, arena *scratch,
    const char *yaml, size_t len, int first_line);

/* config.c: kith.yaml */
void config_defaults(config *c);
int config_load(kith_journal *j, int rootfd);

#endif
