/*
 * usage.c: usage errors, the help they point at, and "did you mean" for a
 * command or an option that is nearly right.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../lib/kith.h"
#include "cmd.h"

const char *current_command;

void
usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "kith: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (current_command != NULL)
		fprintf(stderr, "\nTry 'kith help %s'.\n", current_command);
	else
		fprintf(stderr, "\nTry 'kith --help'.\n");
}

/* ---- "did you mean" ---- */

#define WORD_MAX 40

static int
min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

/* The number of edits (a letter inserted, deleted or changed, or two
 * neighbours swapped) that turn a into b; more than WORD_MAX for long
 * words, which are never near. */
static int
edit_distance(const char *a, const char *b)
{
	int d[WORD_MAX + 1][WORD_MAX + 1];
	size_t la = strlen(a), lb = strlen(b), i, j;

	if (la > WORD_MAX || lb > WORD_MAX)
		return WORD_MAX + 1;
	for (i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1,
			    d[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	return d[la][lb];
}

/* The candidate nearest to word, or NULL when none is near: one edit for
 * a word of up to four letters (dashes not counted), two for a longer
 * one, and never as many edits as the word has letters. */
const char *
nearest(const char *word, const char *const *candidates)
{
	size_t letters = strlen(word) - strspn(word, "-");
	int limit = letters <= 4 ? 1 : 2, best = limit + 1, d;
	const char *found = NULL;

	if ((int)letters <= limit)
		limit = (int)letters - 1;
	for (; candidates != NULL && *candidates != NULL; candidates++) {
		d = edit_distance(word, *candidates);
		if (d <= limit && d < best) {
			best = d;
			found = *candidates;
		}
	}
	return found;
}

static const char *const global_options[] = { "-j", "--journal", "--today",
	"--color", "-q", "--quiet", "-h", "--help", "--version", NULL };

/* An argument the command does not take: an option it does not know
 * (with the nearest of its own or the global ones), or a stray word. */
void
bad_argument(const char *arg, const char *const *names)
{
	char option[WORD_MAX + 2];
	const char *hint;
	size_t n = strcspn(arg, "=");

	if (arg[0] != '-' || arg[1] == '\0') {
		usage_error("%s: unexpected argument \"%s\"", current_command,
		    arg);
		return;
	}
	if (n > WORD_MAX)
		n = WORD_MAX;
	memcpy(option, arg, n);
	option[n] = '\0';
	if ((hint = nearest(option, names)) == NULL)
		hint = nearest(option, global_options);
	if (hint != NULL)
		usage_error("%s: unknown option \"%s\"; did you mean \"%s\"?",
		    current_command, arg, hint);
	else
		usage_error("%s: unknown option \"%s\"", current_command, arg);
}
