/*
 * import.c: kith import's one importer, whatever the source: a person
 * note for each contact the journal does not have (by name or alias, as a
 * link resolves it, by LinkedIn URL or by e-mail), a company note for
 * each company it has no note for, and a list of what was done.  The
 * sources (linkedin.c, vcard.c) read their files and hand each contact
 * to import_contact().
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/vec.h"
#include "write/write.h"

/* The largest file kith imports (LinkedIn's 30,000 rows are ~3 MiB). */
#define IMPORT_MAX_BYTES (256u * 1024 * 1024)

/* A set of strings (keys the caller made; the set keeps the pointers). */
typedef struct strset {
	const char **slot;
	const char **value;	/* what each key stands for (a path) */
	size_t cap;		/* a power of two, or 0 */
	size_t n;
} strset;

struct kith_import {
	const kith_journal *j;
	arena mem;
	const char *file;
	int dry_run;
	int rootfd;
	int people_folder;	/* people/ made */
	kith_imported *entries;
	size_t n, cap;
	kith_diag *diags;
	size_t ndiags, diagcap;
	strset linkedin, email;	/* the journal's and this import's */
	strset names, companies;	/* folded: this import's */
	kith_buf key, text, path;
};

static size_t
set_at(const strset *s, const char *key)
{
	size_t at = (size_t)hash_string(key) & (s->cap - 1);

	while (s->slot[at] != NULL && strcmp(s->slot[at], key) != 0)
		at = (at + 1) & (s->cap - 1);
	return at;
}

static const char *
set_get(const strset *s, const char *key)
{
	size_t at;

	if (s->cap == 0)
		return NULL;
	at = set_at(s, key);
	return s->slot[at] ? s->value[at] : NULL;
}

static int
set_grow(strset *s)
{
	strset bigger = { NULL, NULL, s->cap ? s->cap * 2 : 256, 0 };
	size_t i, at;

	bigger.slot = calloc(bigger.cap, sizeof(*bigger.slot));
	bigger.value = calloc(bigger.cap, sizeof(*bigger.value));
	if (bigger.slot == NULL || bigger.value == NULL) {
		free(bigger.slot);
		free(bigger.value);
		return -1;
	}
	for (i = 0; i < s->cap; i++)
		if (s->slot[i] != NULL) {
			at = set_at(&bigger, s->slot[i]);
			bigger.slot[at] = s->slot[i];
			bigger.value[at] = s->value[i];
		}
	bigger.n = s->n;
	free(s->slot);
	free(s->value);
	*s = bigger;
	return 0;
}

/* Adds key (kept, not copied) standing for value; a key there stays. */
static int
set_add(strset *s, const char *key, const char *value)
{
	size_t at;

	if (2 * (s->n + 1) > s->cap && set_grow(s) < 0)
		return -1;
	at = set_at(s, key);
	if (s->slot[at] == NULL) {
		s->slot[at] = key;
		s->value[at] = value;
		s->n++;
	}
	return 0;
}

static void
set_free(strset *s)
{
	free(s->slot);
	free(s->value);
}

/* A LinkedIn profile's key: what follows "linkedin.com", without a query
 * or a final '/', in lower case ("/in/janedoe"); any other URL whole. */
static const char *
linkedin_key(arena *a, const char *url)
{
	const char *at = strstr(url, "linkedin.com");
	size_t n, i;
	char *key;

	if (at == NULL) {
		for (at = url; *at == ' '; at++)
			;
	} else {
		at += strlen("linkedin.com");
	}
	n = strcspn(at, "?# ");
	while (n > 0 && at[n - 1] == '/')
		n--;
	if ((key = arena_strndup(a, at, n)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		key[i] = (char)tolower((unsigned char)key[i]);
	return key;
}

static const char *
email_key(arena *a, const char *email)
{
	char *key;
	size_t i;

	while (*email == ' ')
		email++;
	if ((key = arena_strndup(a, email, strcspn(email, " "))) == NULL)
		return NULL;
	for (i = 0; key[i]; i++)
		key[i] = (char)tolower((unsigned char)key[i]);
	return key;
}

/* The journal's LinkedIn URLs and e-mails, each standing for its note. */
static int
index_journal(kith_import *im)
{
	const kith_journal *j = im->j;
	const note *p;
	const char *k;
	size_t i, e;

	for (i = 0; i < j->nnotes; i++) {
		p = j->notes[i];
		if (p->type != NOTE_PERSON || p->skipped)
			continue;
		for (e = 0; e < p->linkedin.n; e++)
			if ((k = linkedin_key(&im->mem, p->linkedin.v[e].s)) ==
			    NULL || set_add(&im->linkedin, k, p->path) < 0)
				return -1;
		for (e = 0; e < p->email.n; e++)
			if ((k = email_key(&im->mem, p->email.v[e].s)) == NULL ||
			    set_add(&im->email, k, p->path) < 0)
				return -1;
	}
	return 0;
}

void
import_diag(kith_import *im, int line, int col, kith_level level,
    const char *fmt, ...)
{
	kith_buf b = KITH_BUF_INIT;
	kith_diag *d;
	va_list ap;

	if (vec_reserve(&im->diags, &im->diagcap, im->ndiags + 1,
	    sizeof(*im->diags)) < 0)
		return;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	d = &im->diags[im->ndiags];
	d->file = im->file;
	d->line = line;
	d->col = col;
	d->level = level;
	if (!b.oom && (d->message = arena_strdup(&im->mem, b.data)) != NULL)
		im->ndiags++;
	buf_free(&b);
}

arena *
import_mem(kith_import *im)
{
	return &im->mem;
}

static int
add_entry(kith_import *im, kith_import_what what, const char *name,
    const char *path, const char *by, int line)
{
	kith_imported *e;

	if (vec_reserve(&im->entries, &im->cap, im->n + 1,
	    sizeof(*im->entries)) < 0)
		return -1;
	e = &im->entries[im->n++];
	e->what = what;
	e->name = name ? arena_strdup(&im->mem, name) : NULL;
	e->path = path ? arena_strdup(&im->mem, path) : NULL;
	e->by = by;
	e->line = line;
	return (name && !e->name) || (path && !e->path) ? -1 : 0;
}

/* What the journal knows of c: "name", "alias", "linkedin" or "email",
 * with the note's path in *path; NULL when nothing. */
static const char *
known_by(kith_import *im, const contact *c, const char **path)
{
	const char *k;
	note *n;
	int ambiguous;
	size_t i;

	n = graph_find(im->j, &im->key, c->name, &ambiguous);
	if (n != NULL && n->type != NOTE_UNRESOLVED) {
		*path = n->path;
		return name_cmp(n->display, c->name) == 0 ||
		    name_cmp(n->stem, c->name) == 0 ? "name" : "alias";
	}
	if (ambiguous) {
		*path = NULL;
		return "name";
	}
	if (c->linkedin && (k = linkedin_key(&im->mem, c->linkedin)) &&
	    (*path = set_get(&im->linkedin, k)) != NULL)
		return "linkedin";
	for (i = 0; i < c->nemails; i++)
		if ((k = email_key(&im->mem, c->emails[i])) &&
		    (*path = set_get(&im->email, k)) != NULL)
			return "email";
	return NULL;
}

/* key: value, a list of one written as the value */
static void
put_list(kith_buf *b, const char *key, const char *const *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	buf_printf(b, "%s:", key);
	if (n == 1) {
		buf_putc(b, ' ');
		yaml_scalar(b, v[0]);
		buf_putc(b, '\n');
		return;
	}
	buf_putc(b, '\n');
	for (i = 0; i < n; i++) {
		buf_puts(b, "  - ");
		yaml_scalar(b, v[i]);
		buf_putc(b, '\n');
	}
}

static void
put_text(kith_buf *b, const char *key, const char *v)
{
	if (v == NULL || *v == '\0')
		return;
	buf_printf(b, "%s: ", key);
	yaml_scalar(b, v);
	buf_putc(b, '\n');
}

/* The person note of a contact. */
static void
person_text(kith_buf *b, const contact *c)
{
	char day[11];

	buf_puts(b, "---\nname: ");
	yaml_scalar(b, c->name);
	buf_putc(b, '\n');
	if (c->company && *c->company) {
		buf_puts(b, "company: ");
		yaml_link(b, c->company);
		buf_putc(b, '\n');
	}
	put_text(b, "title", c->title);
	put_list(b, "email", c->emails, c->nemails);
	put_list(b, "phone", c->phones, c->nphones);
	put_text(b, "linkedin", c->linkedin);
	if (c->met != KITH_NO_DATE) {
		kith_date_format(c->met, day);
		buf_printf(b, "met: %s\n", day);
	}
	if (c->bmonth && c->byear)
		buf_printf(b, "birthday: %04d-%02d-%02d\n", c->byear, c->bmonth,
		    c->bday);
	else if (c->bmonth)
		buf_printf(b, "birthday: \"--%02d-%02d\"\n", c->bmonth, c->bday);
	put_list(b, "tags", c->tags, c->ntags);
	buf_puts(b, "---\n# ");
	text_line(b, c->name);
	buf_putc(b, '\n');
	if (c->note && *c->note) {
		buf_putc(b, '\n');
		buf_puts(b, c->note);
		if (c->note[strlen(c->note) - 1] != '\n')
			buf_putc(b, '\n');
	}
}

/* Writes folder/STEM.md unless a dry run; *path gets its name.  Returns
 * 0, 1 when the file exists, -1 on failure. */
static int
write_note(kith_import *im, const char *folder, const char *name,
    kith_buf *text)
{
	buf_reset(&im->path);
	buf_printf(&im->path, "%s/", folder);
	if (file_stem(&im->path, name) < 0 && !im->path.oom)
		return 2;
	buf_puts(&im->path, ".md");
	if (im->path.oom || text->oom)
		return -1;
	if (im->dry_run)
		return faccessat(im->rootfd, im->path.data, F_OK,
		    AT_SYMLINK_NOFOLLOW) == 0 ? 1 : 0;
	if (file_folder(im->rootfd, folder) < 0)
		return -1;
	if (file_write_new(im->rootfd, im->path.data, text->data,
	    text->len) == 0)
		return 0;
	return errno == EEXIST ? 1 : -1;
}

/* A company note for a company the journal and this import lack. */
static int
import_company(kith_import *im, const char *company, int line)
{
	const char *key, *t;
	char *own = NULL;
	note *n;
	fill f;
	int ambiguous, rc;

	n = graph_find(im->j, &im->key, company, &ambiguous);
	if ((n != NULL && n->type != NOTE_UNRESOLVED) || ambiguous)
		return 0;
	if ((key = name_fold(&im->mem, company)) == NULL)
		return -1;
	if (set_get(&im->companies, key) != NULL)
		return 0;
	if (set_add(&im->companies, key, "") < 0)
		return -1;
	if ((t = template_text(im->rootfd, NOTE_COMPANY, &own)) == NULL)
		return -1;
	memset(&f, 0, sizeof(f));
	f.name = company;
	buf_reset(&im->text);
	template_fill(&im->text, t, &f);
	free(own);
	if ((rc = write_note(im, "companies", company, &im->text)) < 0)
		return -1;
	if (rc == 0)
		return add_entry(im, KITH_IMPORT_COMPANY, company,
		    im->path.data, NULL, line);
	return 0;
}

/* Notes what identifies c as this import's, for the rows after it. */
static int
remember(kith_import *im, const contact *c, const char *path)
{
	const char *k;
	size_t i;

	if (c->linkedin && ((k = linkedin_key(&im->mem, c->linkedin)) == NULL ||
	    set_add(&im->linkedin, k, path) < 0))
		return -1;
	for (i = 0; i < c->nemails; i++)
		if ((k = email_key(&im->mem, c->emails[i])) == NULL ||
		    set_add(&im->email, k, path) < 0)
			return -1;
	return 0;
}

int
import_contact(kith_import *im, const contact *c)
{
	const char *by, *path = NULL, *key;
	int rc;

	if (c->name == NULL || *c->name == '\0')
		return add_entry(im, KITH_IMPORT_NO_NAME, NULL, NULL, NULL,
		    c->line);
	if ((key = name_fold(&im->mem, c->name)) == NULL)
		return -1;
	if ((path = set_get(&im->names, key)) != NULL)
		return add_entry(im, KITH_IMPORT_TWICE, c->name, path, NULL,
		    c->line);
	if ((by = known_by(im, c, &path)) != NULL)
		return add_entry(im, KITH_IMPORT_KNOWN, c->name, path, by,
		    c->line);
	buf_reset(&im->text);
	person_text(&im->text, c);
	if ((rc = write_note(im, "people", c->name, &im->text)) < 0)
		return -1;
	if (rc == 2) {
		import_diag(im, c->line, 1, KITH_ERROR, "\"%s\" leaves nothing "
		    "to name a file by; not imported", c->name);
		return 0;
	}
	if (rc == 1)
		return add_entry(im, KITH_IMPORT_KNOWN, c->name, im->path.data,
		    "file", c->line);
	if ((path = arena_strdup(&im->mem, im->path.data)) == NULL ||
	    set_add(&im->names, key, path) < 0 || remember(im, c, path) < 0 ||
	    add_entry(im, KITH_IMPORT_PERSON, c->name, path, NULL, c->line) < 0)
		return -1;
	if (c->company && *c->company &&
	    import_company(im, c->company, c->line) < 0)
		return -1;
	return 1;
}

/* The whole file, NUL-terminated, in *data. */
static int
read_file(const char *file, char **data, size_t *len)
{
	struct stat st;
	ssize_t n;
	int fd, saved;

	*data = NULL;
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &st) < 0)
		goto err;
	if (!S_ISREG(st.st_mode) || (size_t)st.st_size > IMPORT_MAX_BYTES) {
		errno = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
		goto err;
	}
	if ((*data = malloc((size_t)st.st_size + 1)) == NULL)
		goto err;
	for (*len = 0; *len < (size_t)st.st_size; *len += (size_t)n)
		if ((n = read(fd, *data + *len, (size_t)st.st_size - *len)) <= 0) {
			if (n < 0 && errno == EINTR) {
				n = 0;
				continue;
			}
			if (n == 0)
				break;
			goto err;
		}
	(*data)[*len] = '\0';
	close(fd);
	return 0;
err:
	saved = errno;
	free(*data);
	*data = NULL;
	close(fd);
	errno = saved;
	return -1;
}

kith_status
kith_import_new(const kith_journal *j, kith_source source, const char *file,
    int dry_run, kith_import **out)
{
	kith_import *im;
	char *data = NULL;
	size_t len;
	int rc, saved;

	*out = NULL;
	if (read_file(file, &data, &len) < 0)
		return errno == ENOMEM ? KITH_ESYSTEM : KITH_EJOURNAL;
	if ((im = calloc(1, sizeof(*im))) == NULL) {
		free(data);
		return KITH_ESYSTEM;
	}
	im->j = j;
	im->dry_run = dry_run;
	im->rootfd = open(j->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (im->rootfd < 0 || (im->file = arena_strdup(&im->mem, file)) ==
	    NULL || index_journal(im) < 0)
		rc = -1;
	else if (source == KITH_SOURCE_LINKEDIN)
		rc = linkedin_read(im, data, len);
	else
		rc = vcard_read(im, data, len);
	saved = errno;
	free(data);
	if (rc < 0 || im->mem.oom) {
		kith_import_free(im);
		errno = saved;
		return KITH_ESYSTEM;
	}
	*out = im;
	return KITH_OK;
}

void
kith_import_free(kith_import *im)
{
	if (im == NULL)
		return;
	if (im->rootfd >= 0)
		close(im->rootfd);
	set_free(&im->linkedin);
	set_free(&im->email);
	set_free(&im->names);
	set_free(&im->companies);
	buf_free(&im->key);
	buf_free(&im->text);
	buf_free(&im->path);
	free(im->entries);
	free(im->diags);
	arena_free(&im->mem);
	free(im);
}

size_t
kith_import_count(const kith_import *im)
{
	return im->n;
}

const kith_imported *
kith_import_entry(const kith_import *im, size_t i)
{
	return &im->entries[i];
}

size_t
kith_import_diag_count(const kith_import *im)
{
	return im->ndiags;
}

const kith_diag *
kith_import_diag(const kith_import *im, size_t i)
{
	return &im->diags[i];
}
