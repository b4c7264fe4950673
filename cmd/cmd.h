/*
 * cmd.h: what the files of the command line share.
 */
#ifndef KITH_CMD_H
#define KITH_CMD_H

#include <stdio.h>

/*
 * Writes to out the names of the journal's people (type "person") or
 * companies ("company") under root, sorted, one a line, for shell
 * completion.  Returns 0, or -1 when out of memory (nothing written).
 * A journal that cannot be read has no names.
 */
int complete_names(const char *root, const char *type, FILE *out);

#endif
