/*
 * userconf.c: the user's own settings, $XDG_CONFIG_HOME/kith/config.yaml
 * (else ~/.config/kith/config.yaml): the journal to use when none is named
 * or found, and colour.  A journal's kith.yaml is another file, read with
 * the journal (config.c); the two share no key.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/read.h"

/* A settings file is a few lines; a bigger one is not ours. */
#define USERCONF_MAX (64 * 1024)

int
kith_user_config_path(char *out, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n;

	/* the XDG base directory rules: a relative value is to be ignored */
	if (xdg != NULL && xdg[0] == '/')
		n = snprintf(out, size, "%s/kith/config.yaml", xdg);
	else if (home != NULL && home[0] == '/')
		n = snprintf(out, size, "%s/.config/kith/config.yaml", home);
	else
		return -1;
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* The file's bytes, NUL-terminated, in mem; NULL and errno when it cannot
 * be read (ENOENT: there is none). */
static char *
slurp(arena *mem, const char *path, size_t *len)
{
	struct stat st;
	char *text;
	ssize_t got;
	size_t n = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > USERCONF_MAX) {
		close(fd);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EFBIG;
		return NULL;
	}
	if ((text = arena_alloc(mem, (size_t)st.st_size + 1)) == NULL) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	while (n < (size_t)st.st_size &&
	    (got = read(fd, text + n, (size_t)st.st_size - n)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			close(fd);
			return NULL;
		}
		n += (size_t)got;
	}
	close(fd);
	text[n] = '\0';
	*len = n;
	return text;
}

/* journal: a folder; "~/" at its start is $HOME, and a relative one is
 * taken from $HOME too (the file is the user's, wherever kith runs). */
static void
set_journal(kith_journal *j, const char *path, const yval *v,
    kith_user_config *uc)
{
	const char *home = getenv("HOME");
	const char *s = v->str;
	size_t need;

	if (v->kind != Y_SCALAR || s[0] == '\0') {
		diag_add(j, path, v->at, KITH_ERROR, "journal: expected a folder");
		return;
	}
	if (s[0] == '~' && (s[1] == '/' || s[1] == '\0'))
		s += s[1] ? 2 : 1;
	else if (s[0] == '/' || home == NULL || home[0] == '\0')
		home = NULL;
	need = (home ? strlen(home) + 1 : 0) + strlen(s) + 1;
	free(uc->journal);
	if ((uc->journal = malloc(need)) == NULL) {
		j->diag_oom = 1;
		return;
	}
	snprintf(uc->journal, need, "%s%s%s", home ? home : "",
	    home && s[0] ? "/" : "", s);
}

static void
set_color(kith_journal *j, const char *path, const yval *v,
    kith_user_config *uc)
{
	static const char *const words[] = { "never", "always", "auto" };
	int k;

	for (k = 0; k < 3 && v->kind == Y_SCALAR; k++)
		if (strcmp(v->str, words[k]) == 0) {
			uc->color = k == 2 ? -1 : k;
			uc->color_set = 1;
			return;
		}
	if (v->kind == Y_SCALAR)
		diag_add(j, path, v->at, KITH_ERROR, "color: expected auto, "
		    "always or never, not \"%s\"", v->str);
	else
		diag_add(j, path, v->at, KITH_ERROR, "color: expected auto, "
		    "always or never");
}

kith_status
kith_user_config_load(const char *path, kith_user_config *uc)
{
	kith_journal *j;
	const yval *map, *key;
	const char *text;
	size_t i, len = 0;

	memset(uc, 0, sizeof(*uc));
	uc->color = -1;
	if ((j = calloc(1, sizeof(*j))) == NULL)
		return KITH_ESYSTEM;
	uc->problems = j;
	if ((text = slurp(&j->mem, path, &len)) == NULL) {
		if (errno == ENOMEM)
			return KITH_ESYSTEM;
		if (errno != ENOENT)
			diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
			    "cannot read your settings: %s", strerror(errno));
		return KITH_OK;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	map = yaml_read(j, &j->mem, path, "config.yaml", text, len, 1);
	for (i = 0; map != NULL && i < map->n; i++) {
		key = map->items[2 * i];
		if (strcmp(key->str, "journal") == 0)
			set_journal(j, path, map->items[2 * i + 1], uc);
		else if (strcmp(key->str, "color") == 0 ||
		    strcmp(key->str, "colour") == 0)
			set_color(j, path, map->items[2 * i + 1], uc);
		else
			diag_add(j, path, key->at, KITH_WARNING, "unknown "
			    "setting \"%s\" (config.yaml knows journal and "
			    "color)", key->str);
	}
	if (j->mem.oom || j->diag_oom)
		return KITH_ESYSTEM;
	diag_sort(j);
	return KITH_OK;
}

void
kith_user_config_free(kith_user_config *uc)
{
	free(uc->journal);
	if (uc->problems != NULL) {	/* diagnostics and their arena only */
		free(uc->problems->diags);
		arena_free(&uc->problems->mem);
		free(uc->problems);
	}
	memset(uc, 0, sizeof(*uc));
}
