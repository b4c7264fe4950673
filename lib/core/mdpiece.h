/*
 * mdpiece.h: the pieces a note body is parsed in (see mdpiece.c).
 */
#ifndef KITH_MDPIECE_H
#define KITH_MDPIECE_H

#include <stddef.h>

/* How much of a body (p, left bytes to go) to hand md4c at once (see
 * KITH_MAX_MD_CHUNK); every md4c caller uses it. */
size_t body_chunk_len(const char *p, size_t left);
/* An upper bound of the table cells md4c would make of a piece (see
 * KITH_MAX_TABLE_CELLS). */
size_t body_table_cells(const char *p, size_t n);

#endif
