/*
 * file.c: names for new notes, YAML values that read back as written, and
 * new files written whole, never over one that exists.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "write/write.h"

/* What stands in a file name kith makes for a byte that may not: a
 * folder's separator, or what Windows refuses (a journal is often synced
 * to other systems); 0 for a byte that may stand. */
static char
stem_replaced(unsigned char c)
{
	if (c == '"')
		return '\'';
	return c != '\0' && strchr("/\\:*?<>|", c) != NULL ? '-' : 0;
}

static void
stem_trim(kith_buf *b, size_t start)
{
	while (b->len > start && (b->data[b->len - 1] == ' ' ||
	    b->data[b->len - 1] == '.'))
		b->data[--b->len] = '\0';
}

int
file_stem(kith_buf *b, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t start = b->len, n, keep;

	while (*s == '.' || *s == '_' || *s == ' ' || *s == '\t')
		s++;
	while (*s) {
		if (*s < 0x20 || *s == 0x7f) {
			s++;
			continue;
		}
		if (*s >= 0x80) {
			if ((n = utf8_valid(s, strlen((const char *)s))) == 0) {
				s++;	/* not UTF-8: dropped */
				continue;
			}
			if (b->len - start + n > WRITE_NAME_MAX)
				break;
			buf_put(b, (const char *)s, n);
			s += n;
			continue;
		}
		if (b->len - start + 1 > WRITE_NAME_MAX)
			break;
		if (*s == ' ' && b->len > start && b->data[b->len - 1] == ' ') {
			s++;
			continue;
		}
		buf_putc(b, stem_replaced(*s) ? stem_replaced(*s) : (char)*s);
		s++;
	}
	stem_trim(b, start);
	keep = b->len;
	if (b->oom || keep == start) {
		b->len = start;
		if (b->data != NULL)
			b->data[start] = '\0';
		return -1;
	}
	return 0;
}

/* Plain YAML reads s back as the same string: no indicator first, no
 * ": " or " #" inside, no space at either end, nothing a number or a
 * boolean might become for another tool (kith itself types no scalar). */
static int
yaml_plain(const char *s)
{
	const unsigned char *p;

	if (*s == '\0' || strchr("-?:,[]{}#&*!|>'\"%@` ", *s) != NULL)
		return 0;
	if (s[strlen(s) - 1] == ' ' || strstr(s, ": ") != NULL ||
	    strstr(s, " #") != NULL || s[strlen(s) - 1] == ':')
		return 0;
	for (p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

void
yaml_scalar(kith_buf *b, const char *s)
{
	const unsigned char *p;

	if (yaml_plain(s)) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)*p);
		} else if (*p == '\n') {
			buf_puts(b, "\\n");
		} else if (*p == '\t') {
			buf_puts(b, "\\t");
		} else if (*p < 0x20 || *p == 0x7f) {
			buf_printf(b, "\\x%02x", *p);
		} else {
			buf_putc(b, (char)*p);
		}
	}
	buf_putc(b, '"');
}

void
text_line(kith_buf *b, const char *s)
{
	for (; *s; s++)
		buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

void
yaml_link(kith_buf *b, const char *name)
{
	kith_buf link = KITH_BUF_INIT;

	buf_puts(&link, "[[");
	buf_puts(&link, name);
	buf_puts(&link, "]]");
	if (link.oom)
		b->oom = 1;
	else
		yaml_scalar(b, link.data);
	buf_free(&link);
}

static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int
file_write_new(int dirfd, const char *rel, const char *data, size_t len)
{
	int fd, saved;

	/* O_EXCL: never over a file that exists, nor through a link */
	fd = openat(dirfd, rel, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
	    O_NOFOLLOW, 0644);
	if (fd < 0)
		return -1;
	if (write_all(fd, data, len) < 0 || close(fd) < 0) {
		saved = errno;
		unlinkat(dirfd, rel, 0);	/* ours, and not whole */
		errno = saved;
		return -1;
	}
	return 0;
}

int
file_folder(int dirfd, const char *rel)
{
	struct stat st;

	if (mkdirat(dirfd, rel, 0755) == 0)
		return 0;
	if (errno == EEXIST && fstatat(dirfd, rel, &st, 0) == 0 &&
	    S_ISDIR(st.st_mode))
		return 0;
	if (errno == EEXIST)
		errno = ENOTDIR;
	return -1;
}

char *
write_message(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}
