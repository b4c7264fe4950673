/*
 * complete.c: `kith __complete people|companies`, the names the shell
 * completion offers after --person, one a line and sorted, so a name with
 * a space in it is still one name.  It runs on every Tab, so it reads
 * only the front matter's first lines of the notes under people/ and
 * companies/ (and of notes whose type: says person or company), not the
 * whole journal: a name from a note's name:, else its file stem.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define COMPLETE_DEPTH 16	/* folders below the journal */
#define COMPLETE_HEAD 4096	/* bytes of a note read for its keys */

typedef struct names {
	char **name;
	size_t n, cap;
	const char *type;	/* "person" or "company" */
} names;

static int
names_add(names *ns, const char *name, size_t len)
{
	char **grown;
	size_t i;

	for (i = 0; i < len; i++)	/* one a line: no control character */
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return 0;
	if (len == 0 || memchr(name, '{', len) != NULL)	/* a template */
		return 0;
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? 2 * ns->cap : 64;
		if ((grown = realloc(ns->name, ns->cap * sizeof(*grown))) == NULL)
			return -1;
		ns->name = grown;
	}
	if ((ns->name[ns->n] = strndup(name, len)) == NULL)
		return -1;
	ns->n++;
	return 0;
}

/* A top-level key's value in the front matter head, unquoted, or NULL. */
static const char *
front_matter_value(const char *head, const char *key, size_t *len)
{
	const char *line = head, *v, *end;
	size_t n = strlen(key);

	if (strncmp(head, "\xef\xbb\xbf", 3) == 0)
		line = head += 3;
	if (strncmp(line, "---\n", 4) != 0 && strncmp(line, "---\r\n", 5) != 0)
		return NULL;
	for (line = strchr(line, '\n') + 1; *line; line = end + 1) {
		end = strchr(line, '\n');
		if (end == NULL || strncmp(line, "---", 3) == 0 ||
		    strncmp(line, "...", 3) == 0)
			return NULL;
		if (strncmp(line, key, n) != 0 || line[n] != ':')
			continue;
		for (v = line + n + 1; *v == ' ' || *v == '\t'; v++)
			;
		*len = (size_t)(end - v);
		while (*len > 0 && strchr(" \t\r", v[*len - 1]))
			(*len)--;
		if (*len >= 2 && (v[0] == '"' || v[0] == '\'') &&
		    v[*len - 1] == v[0]) {
			v++;
			*len -= 2;
		}
		return v;
	}
	return NULL;
}

/* The type a note's folder gives it: the top folder of its path. */
static int
in_type_folder(const char *top, const char *type)
{
	if (strcmp(type, "person") == 0)
		return top != NULL && strcmp(top, "people") == 0;
	return top != NULL && strcmp(top, "companies") == 0;
}

static int
note_name(names *ns, int dirfd, const char *file, const char *top)
{
	char head[COMPLETE_HEAD + 1];
	const char *v;
	size_t len;
	ssize_t got;
	int fd, is_type;

	if ((fd = openat(dirfd, file, O_RDONLY | O_NONBLOCK)) < 0)
		return 0;
	got = read(fd, head, COMPLETE_HEAD);
	close(fd);
	head[got > 0 ? got : 0] = '\0';
	if ((v = front_matter_value(head, "type", &len)) != NULL)
		is_type = len == strlen(ns->type) &&
		    strncasecmp(v, ns->type, len) == 0;
	else
		is_type = in_type_folder(top, ns->type);
	if (!is_type)
		return 0;
	if ((v = front_matter_value(head, "name", &len)) != NULL && len > 0)
		return names_add(ns, v, len);
	return names_add(ns, file, strlen(file) - 3);
}

static int
walk(names *ns, int dirfd, const char *top, int depth)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	size_t n;
	int fd, rc = 0;

	if ((d = fdopendir(dirfd)) == NULL) {
		close(dirfd);
		return 0;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || e->d_name[0] == '_' ||
		    fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		n = strlen(e->d_name);
		if (S_ISDIR(st.st_mode) && depth < COMPLETE_DEPTH) {
			fd = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW);
			if (fd >= 0)
				rc = walk(ns, fd, depth == 0 ? e->d_name : top,
				    depth + 1);
		} else if (n > 3 && strcasecmp(e->d_name + n - 3, ".md") == 0 &&
		    (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))) {
			rc = note_name(ns, dirfd, e->d_name, top);
		}
	}
	closedir(d);
	return rc;
}

static int
name_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
complete_names(const char *root, const char *type, FILE *out)
{
	names ns = { NULL, 0, 0, type };
	size_t i;
	int fd, rc;

	if ((fd = open(root, O_RDONLY | O_DIRECTORY)) < 0)
		return 0;
	rc = walk(&ns, fd, NULL, 0);
	qsort(ns.name, ns.n, sizeof(*ns.name), name_order);
	for (i = 0; rc == 0 && i < ns.n; i++)
		if (i == 0 || strcmp(ns.name[i], ns.name[i - 1]) != 0)
			fprintf(out, "%s\n", ns.name[i]);
	for (i = 0; i < ns.n; i++)
		free(ns.name[i]);
	free(ns.name);
	return rc;
}
