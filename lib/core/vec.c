/*
 * vec.c: the one growable array (see vec.h).  The array pointer is read
 * and written with memcpy, so that any object pointer can be passed by
 * its address without an aliasing cast at every caller.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/vec.h"

int
vec_reserve(void *vp, size_t *cap, size_t need, size_t size)
{
	void *v, *grown;
	size_t c = *cap;

	if (need <= c)
		return 0;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return -1;
		c = c ? 2 * c : 16;
	}
	if (size == 0 || c > SIZE_MAX / size)
		return -1;
	memcpy(&v, vp, sizeof(v));
	if ((grown = realloc(v, c * size)) == NULL)
		return -1;
	memcpy(vp, &grown, sizeof(grown));
	*cap = c;
	return 0;
}

void
vec_fit(void *vp, size_t *cap, size_t n, size_t size)
{
	void *v, *fit;

	if (n == 0 || n >= *cap)
		return;
	memcpy(&v, vp, sizeof(v));
	if ((fit = realloc(v, n * size)) == NULL)
		return;
	memcpy(vp, &fit, sizeof(fit));
	*cap = n;
}
