/*
 * init.c: kith init: a new journal.  Every file is new; what is already
 * there (a folder, a .gitignore, a template) is kept as it is, and a
 * kith.yaml there means the folder is a journal already: refused.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "write/write.h"

/* Every setting with its default, commented out but ignore:, which keeps
 * the templates (not notes) out of the journal. */
static const char kith_yaml[] =
    "# kith settings (man kith-journal, docs/journal.md).  Every setting\n"
    "# is shown with its default; remove the '#' to change one.\n"
    "\n"
    "# owner: Your Name            # you: left out of \"people\"\n"
    "# title: kith                 # the dashboard's title\n"
    "\n"
    "# How often to check in with a close tie, and by tag:\n"
    "# cadence: 90d\n"
    "# cadence_by_tag:\n"
    "#   mentor: 30d\n"
    "#   recruiter: 45d\n"
    "\n"
    "# horizon: 7                  # days ahead in kith due\n"
    "# thank_you_window: 7d        # a thank-you is due for this long\n"
    "# no_thank_you: [email, message]\n"
    "# next_step_after: 7d\n"
    "# reciprocity_threshold: 2\n"
    "# stale_after: 30             # older items are counted, not listed\n"
    "# group_size: 3               # more people than this: a group meeting\n"
    "# check_in_limit: 5           # check-ins listed a day\n"
    "\n"
    "# site: _site                 # kith site's folder\n"
    "# follow_symlinks: yes\n"
    "\n"
    "# Folders that hold no notes (globs from here):\n"
    "ignore:\n"
    "  - \"templates/**\"\n";

static const char *const folders[] = { "people", "meetings", "companies",
	"templates" };

/* The list of what was made: pointers, then the strings, one block. */
static char **
made_list(const char *const *names, size_t n)
{
	size_t i, bytes = (n + 1) * sizeof(char *);
	char **list, *at;

	for (i = 0; i < n; i++)
		bytes += strlen(names[i]) + 1;
	if ((list = malloc(bytes)) == NULL)
		return NULL;
	at = (char *)(list + n + 1);
	for (i = 0; i < n; i++) {
		list[i] = strcpy(at, names[i]);
		at += strlen(names[i]) + 1;
	}
	list[n] = NULL;
	return list;
}

/* Writes rel unless it exists; adds it to made when written. */
static int
init_file(int dirfd, const char *rel, const char *text, const char **made,
    size_t *nmade)
{
	if (file_write_new(dirfd, rel, text, strlen(text)) == 0) {
		made[(*nmade)++] = rel;
		return 0;
	}
	return errno == EEXIST ? 0 : -1;
}

static int
init_files(int dirfd, const char **made, size_t *nmade, const char **failed)
{
	static const enum note_type types[] = { NOTE_PERSON, NOTE_MEETING,
		NOTE_COMPANY };
	static char paths[3][32];
	struct stat st;
	size_t i;

	for (i = 0; i < sizeof(folders) / sizeof(folders[0]); i++) {
		*failed = folders[i];
		if (fstatat(dirfd, folders[i], &st, 0) == 0 && S_ISDIR(st.st_mode))
			continue;
		if (file_folder(dirfd, folders[i]) < 0)
			return -1;
		made[(*nmade)++] = folders[i];
	}
	for (i = 0; i < 3; i++) {
		snprintf(paths[i], sizeof(paths[i]), "templates/%s",
		    template_file(types[i]));
		*failed = paths[i];
		if (init_file(dirfd, paths[i], template_builtin(types[i]), made,
		    nmade) < 0)
			return -1;
	}
	*failed = ".gitignore";
	if (init_file(dirfd, ".gitignore", "# kith site's output\n/_site/\n",
	    made, nmade) < 0)
		return -1;
	/* kith.yaml last: a journal only once the rest is there */
	*failed = "kith.yaml";
	return init_file(dirfd, "kith.yaml", kith_yaml, made, nmade);
}

kith_status
kith_init(const char *dir, char ***made, char **why)
{
	const char *list[16], *failed = dir;
	size_t n = 0;
	int dirfd = -1;
	kith_status st = KITH_ESYSTEM;

	*made = NULL;
	*why = NULL;
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		goto fail;
	if ((dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		goto fail;
	if (faccessat(dirfd, "kith.yaml", F_OK, AT_SYMLINK_NOFOLLOW) == 0) {
		*why = write_message("%s: a journal already (it holds kith.yaml, "
		    "which kith init never touches)", dir);
		close(dirfd);
		return KITH_EREFUSED;
	}
	if (init_files(dirfd, list, &n, &failed) < 0)
		goto fail;
	close(dirfd);
	if ((*made = made_list(list, n)) == NULL) {
		*why = write_message("out of memory");
		return KITH_ESYSTEM;
	}
	return KITH_OK;
fail:
	*why = write_message("%s%s%s: %s", failed == dir ? "" : dir,
	    failed == dir ? "" : "/", failed, strerror(errno));
	if (dirfd >= 0)
		close(dirfd);
	return st;
}
