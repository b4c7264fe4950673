/*
 * site.h: the pieces of `kith site`: hashes for the Content-Security-Policy,
 * page names (slugs), the output folder that is written whole or not at all,
 * and what a site is made from.
 */
#ifndef KITH_SITE_H
#define KITH_SITE_H

#include <stddef.h>

#include "model/model.h"
#include "report/report.h"
#include "rules/rules.h"

/* sha256.c */
void sha256(const void *data, size_t len, unsigned char out[32]);
/* Writes base64 of n bytes and a NUL: out holds 4 * ((n + 2) / 3) + 1. */
void base64(const unsigned char *in, size_t n, char *out);

/* slug.c: a name made safe and readable as a file name: lower-case ASCII
 * letters, digits and '-', at most 60 bytes, never empty. */
char *slug_of(arena *a, const char *name);

typedef struct slug_set slug_set;
slug_set *slug_set_new(void);
void slug_set_free(slug_set *s);
/* A slug unique within the set (folder): "jane-doe", then "jane-doe-2", ...
 * Returns NULL when out of memory. */
const char *slug_unique(slug_set *s, arena *a, const char *name);

/* site.c: the folder of a note's page ("people", "meetings", ...) */
const char *site_folder(const note *n);

/* inputs.c: the fingerprint of what a site is made from, in hex; -1 when
 * there is none (kith's program carries no build id) */
int inputs_fingerprint(const kith_journal *j, kith_date today,
    char out[65]);

/* output.c: an output folder kith owns */
typedef struct site_out site_out;

typedef enum out_status {
	OUT_OK = 0,
	OUT_REFUSED,		/* not kith's folder: *why says why */
	OUT_FAILED		/* an OS failure: *why says which */
} out_status;

/*
 * Opens dir (-o; NULL: kith.yaml's site: inside the journal) for writing
 * the site of j.  Refuses a symlink (for -o, the folder itself; for site:,
 * any folder below the journal's root), the journal root, and a folder
 * holding files kith did not write (its manifest says which it did; a
 * line of the manifest that is not a page below the folder is ignored,
 * with a warning added to j's diagnostics).  Creates the folder when
 * missing.  *why is a message the caller frees.  A folder the
 * last run left as it was is not listed whole here: call site_out_claim()
 * before writing into it.
 */
out_status site_out_open(kith_journal *j, const char *dir, site_out **out,
    char **why);
/* Before the first write: lists every folder, if open did not, and
 * refuses (OUT_REFUSED, *why) one holding a file kith did not write. */
out_status site_out_claim(site_out *o, char **why);
/* Writes one file whole, as a temporary file put in place by a successful
 * site_out_close(); a file whose bytes are unchanged is left alone, mtime
 * and all.  rel uses '/'. */
out_status site_out_write(site_out *o, const char *rel, const char *data,
    size_t len, char **why);
/* On success: puts the files written in place, removes what kith wrote
 * before and did not write now, and records the new manifest; OUT_FAILED
 * (*why) when a file cannot be put in place.  Without success, or when a
 * file could not be put in place: takes back what the run made, leaving
 * the last good site.  Frees o in every case. */
out_status site_out_close(site_out *o, int success, char **why);
/* Is the folder as the last build left it, and was that build made from
 * the inputs of this fingerprint?  The manifest records the fingerprint
 * and the page count (set *pages); every file kith listed must be there,
 * none changed since the manifest was written (by ctime: which any change
 * to a file moves), and no run may have been cut short. */
int site_out_fresh(const site_out *o, const char *fingerprint, size_t *pages);
/* The fingerprint and page count the manifest records at a successful
 * close. */
void site_out_inputs(site_out *o, const char *fingerprint, size_t pages);
/* The files (not folders) the manifest found at open lists. */
size_t site_out_files(const site_out *o);
size_t site_out_written(const site_out *o);
size_t site_out_unchanged(const site_out *o);

#endif
