/*
 * floor_walk.c: the walk and the reads of the floor programs (floor.h).
 * One thread, one buffer a note, as read.c does.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "floor.h"

/* Zeroed bytes after the text, as read.c leaves for md4c. */
#define PADDING 16

typedef struct walk {
	floor_note_fn *fn;
	void *arg;
	floor_totals *t;
} walk;

static int
is_note_name(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && strcasecmp(name + n - 3, ".md") == 0;
}

static int
read_note(walk *w, int dirfd, const char *name)
{
	struct stat st;
	char *text;
	size_t got = 0;
	ssize_t r;
	int fd, rc;

	fd = openat(dirfd, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0 || fstat(fd, &st) < 0) {
		perror(name);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	if ((text = malloc((size_t)st.st_size + 1 + PADDING)) == NULL) {
		close(fd);
		return -1;
	}
	/* One byte more than the size, as read.c asks for, finds the end. */
	while (got < (size_t)st.st_size + 1) {
		r = read(fd, text + got, (size_t)st.st_size + 1 - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	memset(text + got, 0, PADDING);
	w->t->notes++;
	w->t->bytes += got;
	rc = w->fn(text, got, w->arg);
	free(text);
	return rc;
}

static int walk_dir(walk *w, int dirfd);

static int
walk_entry(walk *w, int dirfd, const struct dirent *e)
{
	struct stat st;
	unsigned char type = e->d_type;
	int fd;

	if (type == DT_UNKNOWN || type == DT_LNK) {
		if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			return 0;
		type = S_ISDIR(st.st_mode) ? DT_DIR :
		    S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
	}
	if (type != DT_DIR)
		return is_note_name(e->d_name) ? read_note(w, dirfd, e->d_name) : 0;
	fd = openat(dirfd, e->d_name,
	    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		perror(e->d_name);
		return -1;
	}
	return walk_dir(w, fd);
}

/* Reads one folder (and takes ownership of dirfd). */
static int
walk_dir(walk *w, int dirfd)
{
	DIR *d;
	struct dirent *e;
	int rc = 0;

	if ((d = fdopendir(dirfd)) == NULL) {
		close(dirfd);
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || e->d_name[0] == '_')
			continue;
		rc = walk_entry(w, dirfd, e);
	}
	closedir(d);
	return rc;
}

int
floor_walk(const char *root, floor_note_fn *fn, void *arg, floor_totals *t)
{
	walk w = { fn, arg, t };
	int fd;

	t->notes = 0;
	t->bytes = 0;
	if ((fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		perror(root);
		return -1;
	}
	return walk_dir(&w, fd);
}
