/*
 * template.c: the templates of kith new (built in; templates/TYPE.md of
 * the journal overrides one) and how they are filled.  A placeholder
 * stands for a whole value: in the front matter it becomes a YAML value
 * (or nothing, which YAML reads as unset), in the body plain text, so a
 * template never leaves a value that is itself an error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/limits.h"
#include "write/write.h"

static const char person_template[] =
    "---\n"
    "name: {{name}}\n"
    "aliases: []\n"
    "company: {{company}}\n"
    "title:\n"
    "email:\n"
    "phone:\n"
    "linkedin:\n"
    "location:\n"
    "tags: []\n"
    "met: {{date}}\n"
    "introduced_by:\n"
    "birthday:\n"
    "---\n"
    "# {{name}}\n"
    "\n"
    "How we met:\n"
    "\n"
    "What they care about (family, projects, what they're reading):\n"
    "\n"
    "What I can do for them:\n";

static const char meeting_template[] =
    "---\n"
    "date: {{date}}\n"
    "with: {{with}}\n"
    "kind: {{kind}}\n"
    "company: {{company}}\n"
    "thanked:\n"
    "next:\n"
    "gave: []\n"
    "asked: []\n"
    "---\n"
    "# {{kind}} with {{with}}\n"
    "\n"
    "## What they said\n"
    "\n"
    "## What I promised\n";

static const char company_template[] =
    "---\n"
    "name: {{name}}\n"
    "aliases: []\n"
    "website:\n"
    "tags: []\n"
    "status:\n"
    "---\n"
    "# {{name}}\n"
    "\n"
    "What they do:\n"
    "\n"
    "Who I know there:\n";

const char *
template_builtin(enum note_type type)
{
	switch (type) {
	case NOTE_PERSON:
		return person_template;
	case NOTE_MEETING:
		return meeting_template;
	case NOTE_COMPANY:
		return company_template;
	default:
		return NULL;
	}
}

const char *
template_file(enum note_type type)
{
	switch (type) {
	case NOTE_PERSON:
		return "person.md";
	case NOTE_MEETING:
		return "meeting.md";
	case NOTE_COMPANY:
		return "company.md";
	default:
		return NULL;
	}
}

/* The bytes of templates/NAME, NUL-terminated; NULL (errno) when it
 * cannot be read, ENOENT when there is none. */
static char *
read_own(int rootfd, const char *name)
{
	char path[64], *data = NULL, *grown;
	size_t len = 0, cap = 0;
	ssize_t n;
	int fd, saved;

	snprintf(path, sizeof(path), "templates/%s", name);
	if ((fd = openat(rootfd, path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	for (;;) {
		if (len + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			if (cap > KITH_MAX_NOTE_BYTES || (grown = realloc(data, cap)) ==
			    NULL) {
				errno = cap > KITH_MAX_NOTE_BYTES ? EFBIG : ENOMEM;
				goto err;
			}
			data = grown;
		}
		if ((n = read(fd, data + len, 4096)) < 0) {
			if (errno == EINTR)
				continue;
			goto err;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	data[len] = '\0';
	return data;
err:
	saved = errno;
	free(data);
	close(fd);
	errno = saved;
	return NULL;
}

const char *
template_text(int rootfd, enum note_type type, char **own)
{
	if ((*own = read_own(rootfd, template_file(type))) != NULL)
		return *own;
	if (errno == ENOENT)
		return template_builtin(type);
	return NULL;
}

/* "Jane Doe", "Jane Doe and Bob Smith", "Jane Doe, Bob Smith and Ann Lee" */
static void
put_names(kith_buf *b, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, i + 1 == n ? " and " : ", ");
		text_line(b, names[i]);
	}
}

static void
put_yaml_value(kith_buf *b, const char *word, size_t n, const fill *f)
{
	size_t i;

	if (n == 4 && memcmp(word, "name", 4) == 0 && f->name && *f->name)
		yaml_scalar(b, f->name);
	else if (n == 4 && memcmp(word, "date", 4) == 0 && f->date)
		buf_puts(b, f->date);
	else if (n == 4 && memcmp(word, "kind", 4) == 0 && f->kind)
		yaml_scalar(b, f->kind);
	else if (n == 7 && memcmp(word, "company", 7) == 0 && f->company &&
	    *f->company)
		yaml_link(b, f->company);
	else if (n == 4 && memcmp(word, "with", 4) == 0) {
		buf_putc(b, '[');
		for (i = 0; i < f->nwith; i++) {
			if (i > 0)
				buf_puts(b, ", ");
			yaml_link(b, f->with[i]);
		}
		buf_putc(b, ']');
	}
}

static void
put_text_value(kith_buf *b, const char *word, size_t n, const fill *f)
{
	const char *s = NULL;

	if (n == 4 && memcmp(word, "name", 4) == 0)
		s = f->name;
	else if (n == 4 && memcmp(word, "date", 4) == 0)
		s = f->date;
	else if (n == 4 && memcmp(word, "kind", 4) == 0)
		s = f->kind;
	else if (n == 7 && memcmp(word, "company", 7) == 0)
		s = f->company;
	else if (n == 4 && memcmp(word, "with", 4) == 0)
		put_names(b, f->with, f->nwith);
	if (s != NULL)
		text_line(b, s);
}

static int
known_word(const char *w, size_t n)
{
	static const char *const words[] = { "name", "date", "kind", "company",
		"with" };
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return 1;
	return 0;
}

/* Whether the line at s is "---" (or "..." to close), as the reader
 * splits front matter. */
static int
fence_line(const char *s, int closing)
{
	size_t n = strcspn(s, "\r\n");

	return n == 3 && (memcmp(s, "---", 3) == 0 ||
	    (closing && memcmp(s, "...", 3) == 0));
}

void
template_fill(kith_buf *b, const char *t, const fill *f)
{
	/* 0: before the front matter, 1: in it, 2: the body */
	int part = fence_line(t, 0) ? 0 : 2, line_start = 1;
	const char *end;
	size_t n, before;

	while (*t) {
		if (line_start && part < 2 && fence_line(t, part == 1))
			part++;
		if (t[0] == '{' && t[1] == '{' && (end = strstr(t + 2, "}}")) &&
		    known_word(t + 2, (size_t)(end - t - 2))) {
			n = (size_t)(end - t - 2);
			before = b->len;
			if (part == 1)
				put_yaml_value(b, t + 2, n, f);
			else
				put_text_value(b, t + 2, n, f);
			/* "key: " left blank: no space at the line's end */
			if (b->len == before && before > 0 &&
			    b->data[before - 1] == ' ' &&
			    (end[2] == '\n' || end[2] == '\0'))
				b->data[--b->len] = '\0';
			t = end + 2;
			line_start = 0;
			continue;
		}
		line_start = *t == '\n';
		buf_putc(b, *t++);
	}
}
