/*
 * outfile.c: one file of the output folder, whole: written to a temporary
 * name and renamed, compared with the bytes it should hold; and the
 * messages the folder's failures are told in.  Below output.c, folder.c
 * and manifest.c, and calls none of them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "site/output.h"

char *
msg(const char *fmt, ...)
{
	kith_buf b = KITH_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b, NULL);
}

int
later(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec != b->tv_sec ? a->tv_sec > b->tv_sec :
	    a->tv_nsec > b->tv_nsec;
}

int
write_all(int fd, const char *data, size_t len)
{
	ssize_t w;

	while (len > 0) {
		if ((w = write(fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Are the bytes of rel data?  1 yes, 0 no, -1 there is no such file. */
int
file_has(int dirfd, const char *rel, const char *data, size_t len)
{
	struct stat st;
	char buf[65536];
	size_t off = 0;
	ssize_t r;
	int fd, same = 0;

	fd = openat(dirfd, rel, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? -1 : 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size == len) {
		same = 1;
		while (same && (r = read(fd, buf, sizeof(buf))) > 0) {
			if ((size_t)r > len - off ||
			    memcmp(buf, data + off, (size_t)r) != 0)
				same = 0;
			off += (size_t)r;
		}
		same = same && off == len;
	}
	close(fd);
	return same;
}

/* Does the file hold exactly these bytes? */
int
same_bytes(int dirfd, const char *rel, const char *data, size_t len)
{
	return file_has(dirfd, rel, data, len) == 1;
}

/* Writes the temporary file tmp whole; a page's temporary name is its
 * own (O_EXCL), the manifest's is removed first when a stopped run left it
 * (never written through: it may be a link to a file elsewhere).  Returns
 * 0, or -1 with errno (and no temporary file left). */
int
write_temporary(int dirfd, const char *tmp, const char *data, size_t len,
    int own)
{
	int fd, err, rc;

	if (!own && unlinkat(dirfd, tmp, 0) < 0 && errno != ENOENT)
		return -1;
	fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	rc = write_all(fd, data, len);
	err = errno;
	if (close(fd) < 0 && rc == 0) {
		rc = -1;
		err = errno;
	}
	if (rc < 0) {
		unlinkat(dirfd, tmp, 0);
		errno = err;
	}
	return rc;
}

/* Writes rel whole as the temporary file tmp, then renames it. */
int
write_renamed(int dirfd, const char *tmp, const char *rel, const char *data,
    size_t len, int own)
{
	int err;

	if (write_temporary(dirfd, tmp, data, len, own) < 0)
		return -1;
	if (renameat(dirfd, tmp, dirfd, rel) < 0) {
		err = errno;
		unlinkat(dirfd, tmp, 0);
		errno = err;
		return -1;
	}
	return 0;
}
