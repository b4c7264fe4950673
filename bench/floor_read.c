/*
 * floor_read: the read floor of the benchmark.  Reads every note below a
 * folder as kith does and nothing more, on one core; no program that reads
 * the whole journal can be much faster.
 *
 *     floor_read JOURNAL
 */
#include <stdio.h>

#include "floor.h"

/* Touches one byte a page, so that the read cannot be skipped. */
static int
on_note(const char *text, size_t len, void *arg)
{
	unsigned long *sum = arg;
	size_t i;

	for (i = 0; i < len; i += 4096)
		*sum += (unsigned char)text[i];
	return 0;
}

int
main(int argc, char *argv[])
{
	floor_totals t;
	unsigned long sum = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: floor_read JOURNAL\n");
		return 2;
	}
	if (floor_walk(argv[1], on_note, &sum, &t) < 0)
		return 1;
	printf("%zu notes, %llu bytes (%lu)\n", t.notes, t.bytes, sum);
	return 0;
}
