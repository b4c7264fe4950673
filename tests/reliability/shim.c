/*
 * shim.c: an LD_PRELOAD library that makes the operating system misbehave
 * on purpose, at exact points, for tests/reliability/run.  Each failure is
 * asked for with an environment variable; without any, every call goes
 * straight to the C library.
 *
 *   SHIM_ENOSPC_DIR=DIR SHIM_ENOSPC_AFTER=N
 *       write() to a file under DIR fails with ENOSPC once N bytes have
 *       been written to files under DIR (a disk that fills up).
 *   SHIM_KILL_AT=CALL:N [SHIM_KILL_DIR=DIR]
 *       the Nth call of CALL (renameat, unlinkat, linkat, openat: those
 *       that create a file, named or not (O_TMPFILE), or write: to a file
 *       under DIR) kills the process with SIGKILL before it happens (the
 *       machine stops at that instant).
 *   SHIM_KILL_CREATE=SUFFIX
 *       creating a file whose name ends in SUFFIX (or giving a file without
 *       a name that name, by linkat) kills the process first.
 *   SHIM_VANISH=SUFFIX
 *       opening a path that ends in SUFFIX first removes the file (a note
 *       deleted between the listing of its folder and its reading).
 *   SHIM_EIO=SUFFIX
 *       reading a file whose path ends in SUFFIX fails with EIO (a bad
 *       disk sector).
 *   SHIM_SHORT=SUFFIX [SHIM_SHORT_TIMES=N]
 *       the first N (default 1) reads of a file whose path ends in SUFFIX
 *       find its end at once, as if it were empty (an editor truncated
 *       it to write it again, after kith's fstat).
 *   SHIM_COUNT=FILE
 *       at exit, writes how many times each CALL above ran (to choose N).
 *
 * kith calls these functions through the C library's public symbols, so
 * the shim sees them; the C library's own buffered output (stdio) does not
 * go through them, so kith's messages still reach stderr.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

enum { C_RENAMEAT, C_UNLINKAT, C_LINKAT, C_OPENAT, C_WRITE, C_COUNT };
static const char *const call_names[C_COUNT] = {
	"renameat", "unlinkat", "linkat", "openat", "write"
};

static _Atomic long calls[C_COUNT];
static _Atomic long short_reads;
static _Atomic long long enospc_written;

static int
ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return b > 0 && a >= b && strcmp(s + a - b, suffix) == 0;
}

/* The path behind a file descriptor, or "" */
static void
fd_path(int fd, char *out, size_t size)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, out, size - 1);
	out[n > 0 ? n : 0] = '\0';
}

/* Is path inside dir (a prefix at a '/')? */
static int
under(const char *path, const char *dir)
{
	char real[PATH_MAX];
	size_t n;

	if (dir == NULL || realpath(dir, real) == NULL)
		return 0;
	n = strlen(real);
	return strncmp(path, real, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static void
maybe_kill(int call)
{
	const char *spec = getenv("SHIM_KILL_AT");
	long n = atomic_fetch_add(&calls[call], 1) + 1;
	size_t k;

	if (spec == NULL)
		return;
	k = strlen(call_names[call]);
	if (strncmp(spec, call_names[call], k) == 0 && spec[k] == ':' &&
	    atol(spec + k + 1) == n)
		kill(getpid(), SIGKILL);
}

static void
write_counts(void)
{
	const char *file = getenv("SHIM_COUNT");
	FILE *f;
	int i;

	if (file == NULL || (f = fopen(file, "w")) == NULL)
		return;
	for (i = 0; i < C_COUNT; i++)
		fprintf(f, "%s %ld\n", call_names[i], (long)calls[i]);
	fclose(f);
}

__attribute__((constructor)) static void
shim_init(void)
{
	if (getenv("SHIM_COUNT") != NULL)
		atexit(write_counts);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	const char *dir = getenv("SHIM_ENOSPC_DIR");
	const char *kdir = getenv("SHIM_KILL_DIR");
	char path[PATH_MAX];
	long long after, done;

	if (real == NULL)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
		    "write");
	if (fd > 2 && (dir != NULL || kdir != NULL)) {
		fd_path(fd, path, sizeof(path));
		if (kdir != NULL && under(path, kdir))
			maybe_kill(C_WRITE);
		if (dir != NULL && under(path, dir)) {
			after = atoll(getenv("SHIM_ENOSPC_AFTER") ?
			    getenv("SHIM_ENOSPC_AFTER") : "0");
			done = atomic_load(&enospc_written);
			if (done >= after) {
				errno = ENOSPC;
				return -1;
			}
			if ((long long)n > after - done)
				n = (size_t)(after - done);	/* a short write */
			atomic_fetch_add(&enospc_written, (long long)n);
		}
	}
	return real(fd, buf, n);
}

ssize_t
read(int fd, void *buf, size_t n)
{
	static ssize_t (*real)(int, void *, size_t);
	const char *suffix = getenv("SHIM_EIO");
	char path[PATH_MAX];

	if (real == NULL)
		real = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
	if (suffix != NULL && fd > 2) {
		fd_path(fd, path, sizeof(path));
		if (ends_with(path, suffix)) {
			errno = EIO;
			return -1;
		}
	}
	if ((suffix = getenv("SHIM_SHORT")) != NULL && fd > 2) {
		fd_path(fd, path, sizeof(path));
		if (ends_with(path, suffix) && atomic_fetch_add(&short_reads,
		    1) < atol(getenv("SHIM_SHORT_TIMES") ?
		    getenv("SHIM_SHORT_TIMES") : "1"))
			return 0;
	}
	return real(fd, buf, n);
}

static int
open_common(const char *sym, int dirfd, const char *path, int flags,
    mode_t mode)
{
	int (*real)(int, const char *, int, ...);
	const char *vanish = getenv("SHIM_VANISH");
	const char *create = getenv("SHIM_KILL_CREATE");

	real = (int (*)(int, const char *, int, ...))dlsym(RTLD_NEXT, sym);
	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
		maybe_kill(C_OPENAT);
		if (create != NULL && ends_with(path, create))
			kill(getpid(), SIGKILL);
	}
	if (vanish != NULL && ends_with(path, vanish) && !(flags & O_CREAT))
		unlinkat(dirfd, path, 0);
	return real(dirfd, path, flags, mode);
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & (O_CREAT | O_TMPFILE)) {
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	return open_common("openat", dirfd, path, flags, mode);
}

int
openat64(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & (O_CREAT | O_TMPFILE)) {
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	return open_common("openat64", dirfd, path, flags, mode);
}

int
renameat(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath)
{
	static int (*real)(int, const char *, int, const char *);

	if (real == NULL)
		real = (int (*)(int, const char *, int, const char *))dlsym(
		    RTLD_NEXT, "renameat");
	maybe_kill(C_RENAMEAT);
	return real(olddirfd, oldpath, newdirfd, newpath);
}

int
linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
    int flags)
{
	static int (*real)(int, const char *, int, const char *, int);
	const char *create = getenv("SHIM_KILL_CREATE");

	if (real == NULL)
		real = (int (*)(int, const char *, int, const char *, int))dlsym(
		    RTLD_NEXT, "linkat");
	maybe_kill(C_LINKAT);
	if (create != NULL && ends_with(newpath, create))
		kill(getpid(), SIGKILL);
	return real(olddirfd, oldpath, newdirfd, newpath, flags);
}

int
unlinkat(int dirfd, const char *path, int flags)
{
	static int (*real)(int, const char *, int);

	if (real == NULL)
		real = (int (*)(int, const char *, int))dlsym(RTLD_NEXT,
		    "unlinkat");
	maybe_kill(C_UNLINKAT);
	return real(dirfd, path, flags);
}
