/*
 * page.h: the site being built, shared by the files that write its pages:
 * the frame every page has (frame.c), the private-name scrub (privacy.c),
 * the indexes made once before any page (index.c), one file a page kind
 * (page_*.c), and the pool of workers that writes them (site.c).
 *
 * Set up once by set_up() (index.c); from then on a page writer reads the
 * site and writes only what a worker owns: page, scratch, key, prefix,
 * here, linking, scripted, js_at, js_end, why, failed, pages (see
 * site.c).
 */
#ifndef KITH_PAGE_H
#define KITH_PAGE_H

#include "core/limits.h"
#include "site/html.h"
#include "site/network.h"
#include "site/privacy.h"
#include "site/site.h"

extern const char kith_asset_site_css[];
extern const char kith_asset_site_js[];

/* kith's style sheet: one file at the site's root, which every page links
 * (the policy allows style sheets of the site's own origin only). */
#define STYLE_SHEET "site.css"

/* The policy of a page: no request, no script, style from the site's own
 * files only (kith's site.css).  The people list's adds its one script
 * (make_csp()). */
#define CSP "default-src 'none'; style-src 'self'; img-src 'none'; " \
	"base-uri 'none'; form-action 'none'"

/* Far enough ahead that every check-in and date has its item. */
#define ALL_DAYS 36600

typedef struct site {
	const kith_journal *j;
	kith_date today;	/* the day of the site */
	kith_due *due;		/* every item, whatever its date */
	site_out *out;
	arena mem;		/* for the run */
	arena scratch;		/* for one page */
	const char **url;	/* per node: its page from the site root */
	unsigned char *hidden;	/* per node: private */
	int *strength;		/* per node (people) */
	struct intro_graph *intro;	/* warm paths (query/paths.c) */
	size_t *item_start;	/* per node: its items in item_of[] */
	size_t *item_of;
	unsigned char *item_hide;	/* per item: item_touches_private() */
	note **item_src;	/* per item: the note it is in, or NULL */
	scrub_set secrets;	/* names of private notes, to scrub */
	char *csp_script;	/* the policy of a page with kith's script */
	int scripted;		/* this page has it */
	const char *prefix;	/* "" or "../": from this page to the root */
	const note *here;	/* the note whose page this is, or NULL */
	const note *linking;	/* the note whose links are being written */
	kith_buf page;
	kith_buf key;		/* graph_find()'s folded name */
	size_t js_at, js_end;	/* and its script */
	char *why;
	out_status failed;
	size_t pages;
} site;

static inline int
is_visible_person(const site *s, const note *n)
{
	return note_is_person(n) && !n->is_owner && !s->hidden[n->index];
}

/* A person and a weight: how close to someone, or how strong; sorted
 * heaviest first, then by name. */
typedef struct tie {
	note *who;
	int weight;
} tie;

/* frame.c */
void esc(kith_buf *b, const char *t);
void put_node(site *s, kith_buf *b, const note *n);
void put_people(site *s, kith_buf *b, const note *m);
void put_tags(kith_buf *b, const f_list *l);
void page_begin(site *s, const char *title, int depth, const char *here,
    int scripted);
int page_end(site *s, const char *rel);
void note_page_begin(site *s, const note *n, const char *here);
int note_page_end(site *s, const note *n, const char *open);
int item_touches_private(const site *s, size_t i);
int item_hidden(const site *s, size_t i);
/* "And N WHAT.": the rest of a list cut at KITH_MAX_PAGE_LIST. */
void put_more(kith_buf *b, size_t more, const char *what);
size_t put_items(site *s, kith_buf *b, const size_t *idx, size_t n,
    int (*keep)(const site *, const kith_item *), const char *empty);
int put_body(site *s, kith_buf *b, const note *n);
int put_body_as(site *s, kith_buf *b, const note *n, int fold, int shift,
    int any_title);
void put_backlinks(site *s, kith_buf *b, const note *n);
void put_extras(site *s, kith_buf *b, const note *n);
void put_extra_text(site *s, kith_buf *b, const char *text);
int is_daily_contact(const site *s, const note *d);
void put_label(kith_buf *b, const char *label);
void fact_text(kith_buf *b, const char *label, const char *value);
void fact_date(kith_buf *b, const char *label, kith_date d);
void fact_list(kith_buf *b, const char *label, const f_list *l);
void put_when(kith_buf *b, const note *m);
int keep_task(const site *s, const kith_item *it);
int keep_date(const site *s, const kith_item *it);
int keep_all(const site *s, const kith_item *it);
int keep_follow_up(const site *s, const kith_item *it);
size_t node_items(site *s, const note *n, size_t **out);
void put_ledger(site *s, kith_buf *b, const note *p);

/* items.c */
void put_day(site *s, kith_buf *b, kith_date d);
void put_deadline(site *s, kith_buf *b, kith_date d);
void fact_deadline(site *s, kith_buf *b, const char *label, kith_date d);
const char *note_title(const note *n);
void put_item(site *s, kith_buf *b, size_t i);

/* timeline.c */
int put_timeline(site *s, kith_buf *b, note *const *m, size_t n,
    const note *person);

/* page_person.c */
int tie_order(const void *a, const void *b);
void fact_contacts(kith_buf *b, const char *label, const f_list *l,
    const char *scheme);
int page_person(site *s, note *p);

/* page_meeting.c */
int page_meeting(site *s, note *m);

/* page_company.c */
size_t company_people(site *s, const note *c, note ***out);
int page_company(site *s, note *c);

/* page_note.c */
void put_goal(site *s, kith_buf *b, const note *g);
int page_note(site *s, note *n);

/* page_people.c */
int page_people(site *s);

/* page_home.c */
extern const char *const group_titles[];
extern const char *const group_ids[];
int skip_hidden(const void *ctx, size_t i);
void put_group_counts(site *s, kith_buf *b, const due_listing *l);
int page_home(site *s);

/* page_lists.c */
int page_companies(site *s);
int page_meetings(site *s);

/* page_followups.c */
int page_followups(site *s);

/* page_graph.c */
int page_graph(site *s);

/* index.c */
int gather_items(site *s);
int set_up(site *s);

#endif
