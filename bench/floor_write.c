/*
 * floor_write: the write floor of the benchmark.  Writes the files a site
 * build wrote (their paths and sizes, from a manifest of "SIZE PATH" lines
 * that bench/run makes with find) into an empty folder, on one core: the
 * cost of "writing the bytes" that the kith site target allows for.
 *
 *     floor_write MANIFEST OUT_DIR
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Makes every folder on the way to the file at path (path is restored);
 * files come folder by folder, so the last folder made is remembered. */
static int
make_parents(char *path)
{
	static char last[8192];
	char *s = strrchr(path, '/');
	size_t n = s ? (size_t)(s - path) : 0;

	if (n == 0 || (strlen(last) == n && memcmp(last, path, n) == 0))
		return 0;
	memcpy(last, path, n);
	last[n] = '\0';
	for (s = strchr(path + 1, '/'); s != NULL; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST) {
			perror(path);
			return -1;
		}
		*s = '/';
	}
	return 0;
}

static int
write_file(const char *path, const char *bytes, size_t chunk,
    unsigned long long size)
{
	unsigned long long done = 0;
	ssize_t r;
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) < 0)
		return -1;
	while (done < size) {
		r = write(fd, bytes, size - done < chunk ?
		    (size_t)(size - done) : chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			close(fd);
			return -1;
		}
		done += (unsigned long long)r;
	}
	return close(fd);
}

int
main(int argc, char *argv[])
{
	static char bytes[1 << 22];
	char line[8192], path[8192], *name, *nl;
	FILE *f;
	unsigned long long size;
	size_t files = 0;
	int n;

	if (argc != 3) {
		fprintf(stderr, "usage: floor_write MANIFEST OUT_DIR\n");
		return 2;
	}
	memset(bytes, 'x', sizeof(bytes));
	if ((f = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	if (mkdir(argv[2], 0755) < 0 && errno != EEXIST) {
		perror(argv[2]);
		return 1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		size = strtoull(line, &name, 10);
		if (*name++ != ' ')
			continue;
		n = snprintf(path, sizeof(path), "%s/%s", argv[2], name);
		if (n < 0 || (size_t)n >= sizeof(path) || make_parents(path) < 0)
			return 1;
		if (write_file(path, bytes, sizeof(bytes), size) < 0) {
			perror(path);
			return 1;
		}
		files++;
	}
	fclose(f);
	printf("%zu files\n", files);
	return 0;
}
