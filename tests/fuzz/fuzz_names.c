/*
 * fuzz_names.c: libFuzzer harness for how names compare (core/names.c).
 *
 * The input is two names, split at the first NUL byte (the second empty
 * when there is none); the bytes are not filtered, so invalid UTF-8 comes
 * too.
 *
 * Properties: name_fold() of valid UTF-8 is utf8proc's NFKC_Casefold with
 * white space collapsed (the fast way for ASCII and two-byte letters
 * agrees with utf8proc's own), its result is valid UTF-8 when the name is,
 * and folding it again changes nothing; name_cmp() is an order (zero only
 * for the same bytes, the sign turning with the arguments); the edit
 * distance of the folded names is the same either way round.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/names.h"
#include "props.h"

/* utf8proc's NFKC_Casefold of s, its white space collapsed and trimmed. */
static void
reference_fold(kith_buf *b, const char *s)
{
	utf8proc_uint8_t *f = utf8proc_NFKC_Casefold((const utf8proc_uint8_t *)s);
	const char *p;
	int space = 0;

	if (f == NULL)
		prop_fail("utf8proc cannot fold valid UTF-8", s, strlen(s));
	buf_reset(b);
	for (p = (const char *)f; *p; p++) {
		if (*p == ' ' || *p == '\t') {
			space = b->len > 0;
			continue;
		}
		if (space)
			buf_putc(b, ' ');
		space = 0;
		buf_putc(b, *p);
	}
	buf_putc(b, '\0');
	free(f);
}

static void
check_fold(const char *name, kith_buf *got, kith_buf *again, kith_buf *want)
{
	size_t n = strlen(name);

	buf_reset(got);
	name_fold_buf(got, name);
	if (got->oom)
		return;
	if (utf8_valid_prefix(name, n) != n)
		return;		/* kept as bytes: nothing more to say */
	if (!prop_utf8(got->data, got->len))
		prop_fail("the fold of UTF-8 is not UTF-8", name, n);
	reference_fold(want, name);
	if (strcmp(got->data, want->data) != 0)
		prop_fail("name_fold() is not utf8proc's NFKC_Casefold", name, n);
	buf_reset(again);
	name_fold_buf(again, got->data);
	if (strcmp(got->data, again->data) != 0)
		prop_fail("folding a fold changes it", name, n);
}

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kith_buf got = KITH_BUF_INIT, again = KITH_BUF_INIT, want = KITH_BUF_INIT,
	    fb = KITH_BUF_INIT;
	char *a, *b;
	size_t la;
	int ab, ba;

	if ((a = malloc(size + 2)) == NULL)
		return 0;
	memcpy(a, data, size);
	a[size] = a[size + 1] = '\0';
	la = strlen(a);
	b = a + la + 1;
	check_fold(a, &got, &again, &want);
	check_fold(b, &got, &again, &want);
	ab = name_cmp(a, b);
	ba = name_cmp(b, a);
	if (sign(ab) != -sign(ba) || (ab == 0) != (strcmp(a, b) == 0))
		prop_fail("name_cmp() is not an order", a, size);
	if (name_cmp(a, a) != 0)
		prop_fail("name_cmp() of a name and itself is not 0", a, la);
	buf_reset(&got);
	name_fold_buf(&got, a);
	name_fold_buf(&fb, b);
	if (!got.oom && !fb.oom && name_distance(got.data, fb.data, 3) !=
	    name_distance(fb.data, got.data, 3))
		prop_fail("name_distance() depends on the order", a, size);
	buf_free(&got);
	buf_free(&again);
	buf_free(&want);
	buf_free(&fb);
	free(a);
	return 0;
}
