/*
 * limits.h: every bound kith puts on hostile input, in one place.
 */
#ifndef KITH_LIMITS_H
#define KITH_LIMITS_H

/* A note larger than this is reported and not read at all (journal.md). */
#define KITH_MAX_NOTE_BYTES (4u * 1024 * 1024)

/* A note that changes while kith reads it (an editor rewriting it) is
 * read again, at most this many times in all, then reported.  One changed
 * less than KITH_SETTLE_MS ago is looked at again after that long: a
 * rewrite may leave it empty or half written for a moment. */
#define KITH_MAX_READ_TRIES 5
#define KITH_SETTLE_MS 20
/* ... and an empty one less than this long ago: between the truncation
 * and the first write of a rewrite, a loaded machine can take longer
 * than 20 ms (the writer's process may not have run yet), and an empty
 * note is rare enough that waiting for it costs nothing in practice. */
#define KITH_SETTLE_EMPTY_MS 250

/* Entries of one list on a page (follow-ups, tasks, meetings, notes that
 * link here, people of a company, gave and asked): past it, one line
 * counts the rest and says where they all are.  A person with 100,000
 * tasks made a page of 20 MB. */
#define KITH_MAX_PAGE_LIST 100
/* A note changed less than this long before kith opened it is checked
 * again after its read (fstat: the same size and times?).  An older one
 * is checked by its size alone: a rewrite changes the size or leaves the
 * note empty for a moment, except one to the same size made in the very
 * microseconds of the read, and notes are rewritten while someone edits
 * or syncs them, that is, recently.  One fstat a note is about 4% of
 * kith due. */
#define KITH_RECENT_MS 10000

/* Collections nested deeper than this in front matter are an error.  libyaml
 * 0.2.5 slows down quadratically on deep flow nesting, so the event loop
 * stops here, long before that matters. */
#define KITH_MAX_YAML_DEPTH 16

/* Nodes (scalars, sequences, mappings) in one note's front matter. */
#define KITH_MAX_YAML_NODES 10000

/* md4c 0.4.8 is quadratic in the length of one paragraph full of brackets;
 * a body is handed to it in pieces of at most this many bytes, cut at blank
 * lines where possible.  Real notes fit in one piece. */
#define KITH_MAX_MD_CHUNK (16u * 1024)

/* md4c 0.4.8 gives every row of a table as many cells as its delimiter row
 * has, so a delimiter row of 3,000 cells followed by one-cell rows costs
 * millions of callbacks for 16 KiB.  A piece whose widest delimiter row
 * times its lines exceeds this is scanned with tables off (its links and
 * tasks are found all the same); a real table is far below it. */
#define KITH_MAX_TABLE_CELLS (256u * 1024)

/* A task's text in a report is cut to this many bytes (and an ellipsis). */
#define KITH_MAX_TASK_TEXT 300

/* Edit distance under which "did you mean" suggests a name. */
#define KITH_MAX_SUGGEST_DISTANCE 3

/* A site's manifest larger than this is refused, not read: a manifest of
 * 100,000 pages is about 4 MiB. */
#define KITH_MAX_MANIFEST_BYTES (64u * 1024 * 1024)

/* Folders deeper than this below the root are not walked. */
#define KITH_MAX_WALK_DEPTH 64

/* Most HTML one note body may produce on a page of the site; the rest is
 * cut, and a notice says so. */
#define KITH_MAX_BODY_HTML (256u * 1024)

#endif
