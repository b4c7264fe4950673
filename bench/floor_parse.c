/*
 * floor_parse: the parse floor of the benchmark.  Reads every note as
 * floor_read does, runs libyaml's event loop over its front matter (the
 * lines between the first --- and the next --- or ...) and md4c's parser,
 * with kith's flags, over its body; the callbacks do nothing.  One core.
 * This is the work no program that does kith's job can skip.
 *
 *     floor_parse JOURNAL
 */
#include <md4c.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "floor.h"

/* The flags of lib/read/body.c (BODY_FLAGS). */
#define KITH_BODY_FLAGS (MD_FLAG_WIKILINKS | MD_FLAG_TASKLISTS | \
    MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS | \
    MD_FLAG_NOHTML)

typedef struct counts {
	unsigned long events;
	unsigned long errors;
} counts;

static int
on_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	(void)type;
	(void)detail;
	(void)userdata;
	return 0;
}

static int
on_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	(void)type;
	(void)detail;
	(void)userdata;
	return 0;
}

static int
on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
	(void)type;
	(void)text;
	(void)size;
	(void)userdata;
	return 0;
}

/* A delimiter line: the marker, then nothing but spaces, tabs or a CR. */
static int
is_marker(const char *p, const char *end, const char *marker)
{
	if (end - p < 3 || memcmp(p, marker, 3) != 0)
		return 0;
	for (p += 3; p < end && *p != '\n'; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r')
			return 0;
	return 1;
}

static const char *
next_line(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl ? nl + 1 : end;
}

/* Runs libyaml's event loop over the front matter; no tree is built. */
static void
parse_yaml(const char *yaml, size_t len, counts *c)
{
	yaml_parser_t parser;
	yaml_event_t event;
	int done = 0;

	if (!yaml_parser_initialize(&parser)) {
		c->errors++;
		return;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			c->errors++;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		c->events++;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
}

static int
on_note(const char *text, size_t len, void *arg)
{
	static const MD_PARSER md = { 0, KITH_BODY_FLAGS, on_block, on_block,
	    on_span, on_span, on_text, NULL, NULL };
	const char *end = text + len, *p = text, *yaml, *line;
	counts *c = arg;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (is_marker(p, end, "---")) {
		yaml = next_line(p, end);
		for (line = yaml; line < end; line = next_line(line, end)) {
			if (is_marker(line, end, "---") ||
			    is_marker(line, end, "...")) {
				parse_yaml(yaml, (size_t)(line - yaml), c);
				p = next_line(line, end);
				break;
			}
		}
	}
	if (md_parse(p, (MD_SIZE)(end - p), &md, c) != 0)
		c->errors++;
	return 0;
}

int
main(int argc, char *argv[])
{
	floor_totals t;
	counts c = { 0, 0 };

	if (argc != 2) {
		fprintf(stderr, "usage: floor_parse JOURNAL\n");
		return 2;
	}
	if (floor_walk(argv[1], on_note, &c, &t) < 0)
		return 1;
	printf("%zu notes, %llu bytes, %lu YAML events, %lu errors\n",
	    t.notes, t.bytes, c.events, c.errors);
	return 0;
}
