/*
 * vec.h: the one growable array.  An array is a pointer, a count and a
 * capacity the caller keeps (notes, edges, items, diagnostics...);
 * vec_reserve() makes room, doubling.  The array is malloc'd: the caller
 * frees it with free().
 *
 *	if (vec_reserve(&v, &cap, n + 1, sizeof(*v)) < 0)
 *		goto err;
 *	v[n++] = x;
 */
#ifndef KITH_VEC_H
#define KITH_VEC_H

#include <stddef.h>

/*
 * Makes room for need elements of size bytes in the array *vp (a pointer
 * to any object pointer) of capacity *cap: doubles from 16 until need
 * fits.  Returns 0, or -1 when out of memory or the size overflows; then
 * the array and *cap are as they were.
 */
int vec_reserve(void *vp, size_t *cap, size_t need, size_t size);

/* Gives back what is allocated beyond n elements (n > 0); the array stays
 * as it is when realloc fails. */
void vec_fit(void *vp, size_t *cap, size_t n, size_t size);

#endif
