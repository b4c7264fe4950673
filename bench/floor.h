/*
 * floor.h: what the floor programs share: the walk over a journal's notes
 * and the reading of each one, done the way kith does it (walk.c, read.c)
 * but with nothing else: no sorting, no checks, no diagnostics.
 */
#ifndef FLOOR_H
#define FLOOR_H

#include <stddef.h>

/* Called with each note's bytes (len of them, then zeroed padding); the
 * text is freed when it returns.  Returns 0, or -1 to stop the walk. */
typedef int floor_note_fn(const char *text, size_t len, void *arg);

/* The totals of a walk. */
typedef struct floor_totals {
	size_t notes;
	unsigned long long bytes;
} floor_totals;

/*
 * Reads every *.md file below root (names starting with '.' or '_' are
 * skipped, symlinked folders are not followed): openat with O_RDONLY |
 * O_NONBLOCK, fstat, one buffer of the file's size, read whole.  Returns 0,
 * or -1 after printing why to stderr.
 */
int floor_walk(const char *root, floor_note_fn *fn, void *arg,
    floor_totals *t);

#endif
