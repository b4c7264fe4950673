/*
 * inputs.c: what a site build is made from, as one fingerprint, so that a
 * rebuild from the same inputs into a folder left as it was can stop
 * before rendering anything.  The inputs: kith's own code (the build ids
 * of the program and of every library loaded), the day of the report, the
 * options, kith.yaml, and each note: its path, whether it was read, and a
 * hash of its bytes.  Not the folders' places: a site is the same
 * wherever the journal and the site are (tests/site checks it).
 */
#define _GNU_SOURCE	/* dl_iterate_phdr */
#include <elf.h>
#include <link.h>
#include <string.h>

#include "site.h"

typedef struct code_ids {
	kith_buf *b;
	int objects;
	int program_id;		/* the program itself has a build id */
} code_ids;

/* Adds an object's name and GNU build id (from its PT_NOTE segments). */
static int
code_id(struct dl_phdr_info *info, size_t size, void *arg)
{
	code_ids *c = arg;
	const ElfW(Phdr) *ph;
	const unsigned char *p, *end;
	const ElfW(Nhdr) *nh;
	size_t i, name, desc;
	int found = 0;

	(void)size;
	buf_puts(c->b, info->dlpi_name ? info->dlpi_name : "");
	buf_putc(c->b, '\n');
	for (i = 0; i < info->dlpi_phnum; i++) {
		ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_NOTE)
			continue;
		p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
		end = p + ph->p_memsz;
		while ((size_t)(end - p) >= sizeof(*nh)) {
			nh = (const ElfW(Nhdr) *)(const void *)p;
			name = (nh->n_namesz + 3) & ~(size_t)3;
			desc = (nh->n_descsz + 3) & ~(size_t)3;
			if ((size_t)(end - p) - sizeof(*nh) < name + desc)
				break;
			if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
			    memcmp(p + sizeof(*nh), "GNU", 4) == 0) {
				buf_put(c->b, (const char *)p + sizeof(*nh) +
				    name, nh->n_descsz);
				found = 1;
			}
			p += sizeof(*nh) + name + desc;
		}
	}
	if (c->objects++ == 0)
		c->program_id = found;
	return 0;
}

static void
put_u64(kith_buf *b, uint64_t v)
{
	unsigned char w[8];
	int k;

	for (k = 0; k < 8; k++)
		w[k] = (unsigned char)(v >> (8 * k));
	buf_put(b, (const char *)w, 8);
}

int
inputs_fingerprint(const kith_journal *j, kith_date today, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	kith_buf b = KITH_BUF_INIT;
	code_ids c = { &b, 0, 0 };
	unsigned char sum[32];
	const note *n;
	size_t i;

	out[0] = '\0';
	buf_printf(&b, "kith %s site\n", KITH_VERSION);
	dl_iterate_phdr(code_id, &c);
	if (!c.program_id) {	/* kith cannot tell its own code apart */
		buf_free(&b);
		return -1;
	}
	buf_printf(&b, "\ntoday %d strict %d\n", today, j->strict);
	buf_printf(&b, "kith.yaml %d %016llx\n", j->config_read,
	    (unsigned long long)j->config_hash);
	/* Each note as 17 bytes (its path's hash, skipped, its bytes' hash):
	 * a tenth of the text there would be to digest, and no formatting. */
	for (i = 0; i < j->nnotes; i++) {
		n = j->notes[i];
		put_u64(&b, bytes_hash(n->path, strlen(n->path)));
		buf_putc(&b, n->skipped ? '1' : '0');
		put_u64(&b, n->text_hash);
	}
	if (b.oom) {
		buf_free(&b);
		return -1;
	}
	sha256(b.data, b.len, sum);
	buf_free(&b);
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[sum[i] >> 4];
		out[2 * i + 1] = hex[sum[i] & 15];
	}
	out[64] = '\0';
	return 0;
}
