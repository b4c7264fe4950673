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
#include <time.h>
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

/* What one attempt at reading a note gives: the text, a note reported
 * and skipped, a file that changed meanwhile (read it again), or no
 * memory. */
enum { READ_OK = 0, READ_SKIP = 1, READ_CHANGED = 2, READ_OOM = -1 };

/* Opens the note; on failure reports why and returns -1. */
static int
open_note(kith_journal *j, int dirfd, const char *path)
{
	struct stat st;
	int fd, err;

	fd = openat(dirfd, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd >= 0)
		return fd;
	err = errno;
	if (err == ENOENT && fstatat(dirfd, path, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode))
		diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
		    "cannot read: symbolic link to nothing");
	else if (err == ENOENT)
		diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
		    "cannot read: the file vanished while kith ran");
	else
		diag_errno(j, path, "cannot read", err);
	return -1;
}

/* Is the file of fd what it was (st) when kith began reading it? */
static int
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	    a->st_size == b->st_size &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	    a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	    a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
	    a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* How long ago the note was changed, in nanoseconds (by its mtime); -1
 * when the clock cannot tell.  Asked once a read. */
static long long
note_age(const struct stat *st)
{
	struct timespec now;

	if (clock_gettime(CLOCK_REALTIME, &now) < 0)
		return -1;
	return (now.tv_sec - st->st_mtim.tv_sec) * 1000000000LL +
	    (now.tv_nsec - st->st_mtim.tv_nsec);
}

/*
 * Has the file at path stayed as st says since it was read (age: how long
 * before the read it changed)?  One written less than KITH_SETTLE_MS ago,
 * or KITH_SETTLE_EMPTY_MS when it is empty (by its mtime, which a
 * truncation moves too), may be in the middle of a rewrite (an editor
 * truncates, then writes: an empty or half-written file, whose size and
 * times do not move while kith reads it): kith waits until it is that old
 * and looks again.
 */
static int
settled(int dirfd, const char *path, const struct stat *st, long long age)
{
	const long long settle = (st->st_size == 0 ? KITH_SETTLE_EMPTY_MS :
	    KITH_SETTLE_MS) * 1000000LL;
	struct timespec wait;
	struct stat again;

	if (age < 0 || age >= settle)
		return 1;	/* old enough, or a clock kith cannot judge by */
	wait.tv_sec = (time_t)((settle - age) / 1000000000LL);
	wait.tv_nsec = (long)((settle - age) % 1000000000LL);
	while (nanosleep(&wait, &wait) < 0 && errno == EINTR)
		;
	return fstatat(dirfd, path, &again, 0) == 0 && same_file(st, &again);
}

/* Reads the bytes of the open note whose fstat is st into out.  A read
 * that gives more or fewer bytes than st said, or (for a recent note:
 * changed less than KITH_RECENT_MS ago) after which fstat says otherwise,
 * is READ_CHANGED. */
static int
read_bytes(kith_journal *j, int fd, const char *path, const struct stat *st,
    int recent, note_text *out)
{
	struct stat after;
	size_t got;
	char *data;

	/* One byte more than the size finds a file that grew meanwhile. */
	if ((data = malloc((size_t)st->st_size + 1 + PADDING)) == NULL)
		return READ_OOM;
	if (read_all(fd, data, (size_t)st->st_size + 1, &got) < 0) {
		diag_errno(j, path, "cannot read", errno);
		free(data);
		return READ_SKIP;
	}
	if (got != (size_t)st->st_size || (recent &&
	    (fstat(fd, &after) < 0 || !same_file(st, &after)))) {
		free(data);
		return READ_CHANGED;
	}
	out->data = data;
	out->len = got;
	return READ_OK;
}

/* Is the open note a regular file under the size limit?  Reports it
 * when not. */
static int
file_check(kith_journal *j, const char *path, int fd, struct stat *st)
{
	if (fstat(fd, st) < 0) {
		diag_errno(j, path, "cannot read", errno);
		return READ_SKIP;
	}
	if (!S_ISREG(st->st_mode)) {
		diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
		    "not a regular file: not read");
		return READ_SKIP;
	}
	if ((unsigned long long)st->st_size > KITH_MAX_NOTE_BYTES) {
		diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
		    "larger than the note size limit (%u MiB): not read",
		    KITH_MAX_NOTE_BYTES / (1024 * 1024));
		return READ_SKIP;
	}
	return READ_OK;
}

/* One attempt at reading the note: open, fstat, read, and see that the
 * file did not change meanwhile. */
static int
read_once(kith_journal *j, int dirfd, const char *path, note_text *out)
{
	struct stat st;
	long long age = -1;
	int fd, rc;

	if ((fd = open_note(j, dirfd, path)) < 0)
		return READ_SKIP;
	if ((rc = file_check(j, path, fd, &st)) == READ_OK) {
		age = note_age(&st);
		rc = read_bytes(j, fd, path, &st,
		    age < 0 || age < KITH_RECENT_MS * 1000000LL, out);
	}
	close(fd);
	if (rc == READ_OK && !settled(dirfd, path, &st, age)) {
		free(out->data);
		out->data = NULL;
		rc = READ_CHANGED;
	}
	return rc;
}

/*
 * Reads the note at path (relative to dirfd).  Returns 0 and fills *out (the
 * caller frees out->data), 1 when the note was reported and is to be
 * skipped, or -1 when out of memory.  A note that changes while it is read
 * (fewer or more bytes than its size, or a size or time that moved) is
 * read again, from its opening, up to KITH_MAX_READ_TRIES times; one that
 * never holds still is an error, never an empty or cut note.
 */
int
note_read(kith_journal *j, int dirfd, const char *path, note_text *out)
{
	int tries, rc = READ_CHANGED;

	out->data = NULL;
	out->len = 0;
	for (tries = 0; rc == READ_CHANGED && tries < KITH_MAX_READ_TRIES;
	    tries++)
		rc = read_once(j, dirfd, path, out);
	if (rc == READ_CHANGED) {
		diag_add(j, path, (pos){ 1, 1 }, KITH_ERROR,
		    "the file changed while being read (%d times): not read",
		    KITH_MAX_READ_TRIES);
		return READ_SKIP;
	}
	if (rc != READ_OK)
		return rc;
	memset(out->data + out->len, 0, PADDING);
	/* A last line without a line end gets one (in the padding): md4c
	 * 0.4.8 reads past a buffer whose last line is only digits. */
	if (out->len > 0 && out->data[out->len - 1] != '\n')
		out->data[out->len++] = '\n';
	if (text_check(j, path, (unsigned char *)out->data, out->len) < 0) {
		free(out->data);
		out->data = NULL;
		out->len = 0;
		return READ_SKIP;
	}
	return READ_OK;
}
