/*
 * props.h: the properties the fuzz harnesses check on everything kith
 * produces, not only "it did not crash".  A violated property prints what
 * and where on stderr and aborts, so libFuzzer saves the input.
 *
 *   - text is valid UTF-8 without NUL bytes;
 *   - a diagnostic prints as one line "file:line:col: error|warning: msg":
 *     no control character in it, line and col at least 1 and inside the
 *     file it names (line at most its lines + 1, col at most that line's
 *     characters + 1), a message that is not empty;
 *   - a note body's HTML holds only kith's allow-list of elements and
 *     attributes, every element closed in order, no <a> inside an <a>, no
 *     on*= attribute, no href whose scheme (as a browser reads it) is not
 *     http, https, mailto or tel, no raw '<', '>' or stray '&' in text;
 *   - JSON is well formed.
 */
#ifndef KITH_FUZZ_PROPS_H
#define KITH_FUZZ_PROPS_H

#include <stddef.h>

#include "kith.h"
#include "core/buf.h"

/* Aborts with a message (and the offending text, shortened). */
void prop_fail(const char *what, const char *text, size_t len)
    __attribute__((noreturn));

/* The same for a property that can be set aside while a known violation
 * waits for its fix: returns when id is in $KITH_FUZZ_IGNORE (a comma
 * separated list), else aborts. */
void prop_soft(const char *id, const char *what, const char *text,
    size_t len);

/* Is s (n bytes) valid UTF-8 without NUL? */
int prop_utf8(const char *s, size_t n);

/* Checks one diagnostic against the text of the file it names (text NULL:
 * the file is not known, positions only need to be >= 1). */
void prop_diag(const kith_diag *d, const char *want_file, const char *text,
    size_t len);

/* Checks every diagnostic of a journal; file_text(path) gives the text of
 * a file (NULL when unknown). */
typedef const char *(*prop_text_fn)(const char *path, size_t *len,
    void *userdata);
void prop_diags(const kith_journal *j, prop_text_fn file_text,
    void *userdata);

/* Checks a report of kith_due_format(): valid UTF-8 text without NUL; the
 * text and Markdown reports without a control character but the line end
 * (no colour was asked for: an escape there came from the journal); the
 * JSON well formed. */
void prop_report(const char *out, size_t len, kith_format format);

/* Makes the due report of a journal (every item) in the three formats and
 * checks each with prop_report(). */
void prop_reports(const kith_journal *j);

/* Checks a fragment of HTML from html_body(). */
void prop_html(const char *html, size_t len);

/* Checks a whole page of the site: valid UTF-8, "<!DOCTYPE html>" to
 * "</html>\n"; one script, kith's own (script is its text); no on*=
 * attribute; no href, xlink:href or src with a scheme other than http,
 * https, mailto or tel; no element that loads or runs something (iframe,
 * object, embed, base, form, link, img, audio, video, source). */
void prop_page(const char *html, size_t len, const char *script);

/* Checks that s is one well-formed JSON value. */
void prop_json(const char *s, size_t len);

/* ---- temporary journals (fuzz_config, fuzz_journal) ---- */

/* A fresh folder under $KITH_FUZZ_TMP, else /dev/shm, else $TMPDIR or
 * /tmp; removed at exit (not after a crash: tests/fuzz/run sets
 * KITH_FUZZ_TMP to a folder of its own and removes that). */
const char *tmp_folder(const char *what);
/* Writes len bytes to root/rel, making its folders.  Returns 0, or -1 when
 * it cannot (a path that goes through a file). */
int tmp_write(const char *root, const char *rel, const char *data,
    size_t len);
/* Removes everything inside root (not root); symlinks are not followed. */
void tmp_empty(const char *root);

/* Every entry below root, sorted, as "mode path [-> target] [size
 * sha256]" lines, links never followed, the path skip ("./out") and what
 * is below it left out, into b (reset first). */
void take_snapshot(kith_buf *b, const char *root, const char *skip);
/* A scene's step that must work (else the harness stops, saying what). */
void must(int ok, const char *what);
/* Makes root/rel a symlink to target. */
void link_at(const char *root, const char *target, const char *rel);
/* Do two snapshots say the same? */
int same_text(const kith_buf *a, const kith_buf *b);

#endif
