/*
 * read.c: reads one note's bytes and checks that they are text kith can
 * work with: a regular file, no larger than the note size limit, valid
 * UTF-8 without NUL bytes.  Anything else is one diagnostic and the note is
 * skipped.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/read.h"
#include "core/limits.h"

/* Zeroed bytes after the text: md4c 0.4.8 may read one byte past the end. */
#define PADDING 16

static void
diag_errno(kith_journal *j, const char *path, const char *what, int err)
{
	char msg[128];

	strncpy(msg, strerror(err), sizeof(msg) - 1);
	msg[sizeof(msg) - 1] = '\0';
	msg[0] = (char)tolower((unsigned char)msg[0]);
	diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR, "%s: %s", what, msg);
}

/* The offset of the first NUL or invalid UTF-8 sequence, or len. */
static size_t
first_bad_byte(const unsigned char *s, size_t len)
{
	const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
	uint64_t x;
	size_t i = 0, k;

	while (i < len) {
		/* eight bytes of ASCII without a NUL at a time */
		if (len - i >= 8) {
			memcpy(&x, s + i, 8);
			if (((x | ((x - ones) & ~x)) & high) == 0) {
				i += 8;
				continue;
			}
		}
		if (s[i] - 1u < 0x7fu) {	/* 0x01..0x7f: the common case */
			i++;
			continue;
		}
		if (s[i] == '\0' || (k = utf8_valid(s + i, len - i)) == 0)
			return i;
		i += k;
	}
	return len;
}

/* Checks the text; on a problem, reports it at its line and column. */
static int
text_check(kith_journal *j, const char *path, const unsigned char *s,
    size_t len)
{
	size_t bad = first_bad_byte(s, len), i;
	int line = 1, col = 1;

	if (bad == len)
		return 0;
	for (i = 0; i < bad; i++) {
		if (s[i] == '\n') {
			line++;
			col = 1;
		} else if ((s[i] & 0xc0) != 0x80) {
			col++;
		}
	}
	if (s[bad] == '\0')
		diag_add(j, path, (pos){ line, col }, KITH_ERROR,
		    "NUL byte: not a text file");
	else
		diag_add(j, path, (pos){ line, col }, KITH_ERROR,
		    "invalid UTF-8 (byte 0x%02x): not a UTF-8 text file", s[bad]);
	return -1;
}

static int
read_all(int fd, char *data, size_t want, size_t *got)
{
	ssize_t r;

	*got = 0;
	while (*got < want) {
		r = read(fd, data + *got, want - *got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		*got += (size_t)r;
	}
	return 0;
}

/*
 * Reads the note at path (relative to dirfd).  Returns 0 and fills *out (the
 * caller frees out->data), 1 when the note was reported and is to be
 * skipped, or -1 when out of memory.
 */
int
note_read(kith_journal *j, int dirfd, const char *path, note_text *out)
{
	struct stat st;
	char *data = NULL;
	size_t got;
	int fd, err;

	out->data = NULL;
	out->len = 0;
	fd = openat(dirfd, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		err = errno;
		if (err == ENOENT && fstatat(dirfd, path, &st,
		    AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
			diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
			    "cannot read: symbolic link to nothing");
		else if (err == ENOENT)
			diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
			    "cannot read: the file vanished while kith ran");
		else
			diag_errno(j, path, "cannot read", err);
		return 1;
	}
	if (fstat(fd, &st) < 0) {
		diag_errno(j, path, "cannot read", errno);
		goto skip;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
		    "not a regular file: not read");
		goto skip;
	}
	if ((unsigned long long)st.st_size > KITH_MAX_NOTE_BYTES)
		goto too_big;
	/* One byte more than the limit finds a file that grew meanwhile. */
	if ((data = malloc((size_t)st.st_size + 1 + PADDING)) == NULL)
		goto oom;
	if (read_all(fd, data, (size_t)st.st_size + 1, &got) < 0) {
		diag_errno(j, path, "cannot read", errno);
		goto skip;
	}
	if (got > (size_t)st.st_size) {
		diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
		    "the file grew while kith read it: not read");
		goto skip;
	}
	memset(data + got, 0, PADDING);
	close(fd);
	/* A last line without a line end gets one (in the padding): md4c
	 * 0.4.8 reads past a buffer whose last line is only digits. */
	if (got > 0 && data[got - 1] != '\n')
		data[got++] = '\n';
	if (text_check(j, path, (unsigned char *)data, got) < 0) {
		free(data);
		return 1;
	}
	out->data = data;
	out->len = got;
	return 0;
too_big:
	diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
	    "larger than the note size limit (%u MiB): not read",
	    KITH_MAX_NOTE_BYTES / (1024 * 1024));
skip:
	free(data);
	close(fd);
	return 1;
oom:
	close(fd);
	return -1;
}
