/*
 * fuzz_config.c: libFuzzer harness for kith.yaml (config.c), and for what
 * the settings drive: the walk (ignore: globs, site:) and the follow-up
 * rules (owner, cadences, horizon, windows, thresholds).
 *
 * The input is written as kith.yaml into a small fixed journal (in
 * /dev/shm when it exists), which kith_journal_load reads whole; the
 * report is then made in the three formats.  The bytes are not filtered:
 * kith.yaml goes through the same checks as a note (size, NUL, UTF-8).
 *
 * Properties: every diagnostic is one printable line at a line and column
 * inside the file it names; the reports are valid UTF-8; the JSON report
 * is well-formed; the site folder kith reports is inside the journal.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "read/read.h"
#include "report/report.h"
#include "rules/rules.h"
#include "props.h"

static const struct fixed {
	const char *path;
	const char *text;
} fixed[] = {
	{ "people/Ann Lee.md", "---\naliases: [Ann]\ncompany: \"[[Acme]]\"\n"
	    "tags: [mentor, alumni]\nlast_contact: 2026-06-01\n"
	    "birthday: 1990-11-25\n---\n# Ann Lee\n\n"
	    "- [ ] Send Ann the article 📅 2026-11-20\n" },
	{ "people/Bo Chen.md", "---\ntags: [friend, recruiter]\n"
	    "last_contact: 2025-01-01\nintroduced_by: \"[[Ann Lee]]\"\n---\n" },
	{ "people/Me.md", "---\nname: Me\n---\n" },
	{ "meetings/2026-11-18 coffee with Ann.md", "---\ndate: 2026-11-18\n"
	    "with: [\"[[Ann Lee]]\", Me]\nkind: coffee\nthanked: no\n"
	    "asked: [a referral]\ncompany: \"[[Acme]]\"\n---\nNotes.\n" },
	{ "meetings/2026-10-01 call with Bo.md", "---\ndate: 2026-10-01 09:30\n"
	    "with: Bo Chen\nkind: call\ngave: [an intro]\nnext: 2026-11-01\n"
	    "---\n" },
	{ "meetings/2026-12-02 interview.md", "---\ndate: 2026-12-02\n"
	    "with: [Cy Diaz]\nkind: interview\ncompany: Globex\n---\n" },
	{ "companies/Acme.md", "---\ntarget: yes\nstatus: applying\n"
	    "apply_by: 2026-11-30\n---\n" },
	{ "goals/Meet people.md", "---\ntype: goal\ntarget: 5\n"
	    "counts: meetings tagged mentor\ndue: 2026-12-31\n---\n" },
	{ "templates/person.md", "---\nlast_contact: {{date}}\n---\n" },
	{ "site/index.md", "# not a note when site: site\n" },
	{ "out/deep/page.md", "---\nname: Page\n---\n[[Nobody]]\n" },
	{ "notes/2026/11/idea.md", "- [ ] Ask [[Bo Chen]] about [[Acme]] "
	    "due: 2026-11-23\n" },
};

#define NFIXED (sizeof(fixed) / sizeof(fixed[0]))

typedef struct texts {
	const uint8_t *yaml;
	size_t yaml_len;
} texts;

static const char *
text_of(const char *path, size_t *len, void *userdata)
{
	const texts *t = userdata;
	size_t i;

	if (strcmp(path, "kith.yaml") == 0) {
		*len = t->yaml_len;
		return (const char *)t->yaml;
	}
	for (i = 0; i < NFIXED; i++)
		if (strcmp(path, fixed[i].path) == 0) {
			*len = strlen(fixed[i].text);
			return fixed[i].text;
		}
	return NULL;	/* a folder (not read: too deep, or unreadable) */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *root;
	kith_options o;
	kith_journal *j;
	texts t = { data, size };
	const char *site;
	size_t i;

	if (root == NULL) {
		root = tmp_folder("config");
		for (i = 0; i < NFIXED; i++)
			if (tmp_write(root, fixed[i].path, fixed[i].text,
			    strlen(fixed[i].text)) < 0)
				abort();
	}
	if (tmp_write(root, "kith.yaml", (const char *)data, size) < 0)
		abort();
	memset(&o, 0, sizeof(o));
	o.root = root;
	o.strict = 1;
	if (kith_journal_load(&o, &j) != KITH_OK)
		abort();
	prop_diags(j, text_of, &t);
	site = kith_journal_site_dir(j);
	if (site == NULL || site[0] == '\0' || site[0] == '/' ||
	    strstr(site, "..") != NULL)
		prop_fail("the site folder is not inside the journal", site,
		    site ? strlen(site) : 0);
	prop_reports(j);
	kith_journal_free(j);
	return 0;
}
