# The benchmark (issue 4, BENCHMARKS.md): `make bench`.  Not part of
# `make check`: it installs hyperfine and hugo, writes journals of 16 MB
# and 165 MB, and takes about a quarter of an hour.
#
#   make bench                       N = 1,000 and N = 10,000
#   make bench BENCH_SIZES=1000      N = 1,000 only
#   make bench BENCH_ARGS=--quick    fewer runs (a smoke test, not figures)

BENCH_SIZES ?= 1000 10000
BENCH_SEED ?= 1
BENCH_ARGS ?=
BENCH_B = $(B)/bench
BENCH_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
       $(shell $(PKG_CONFIG) --cflags md4c yaml-0.1 2>/dev/null)
BENCH_LIBS = $(shell $(PKG_CONFIG) --libs md4c yaml-0.1 2>/dev/null)
BENCH_FLOORS = $(BENCH_B)/floor_read $(BENCH_B)/floor_parse \
       $(BENCH_B)/floor_write

.PHONY: bench bench-floors bench-import

# bench/run is Python (standard library): python3 first, if missing.
bench:
	@command -v python3 >/dev/null || { \
	    if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	    $$sudo apt-get update -qq && \
	    $$sudo apt-get install -y -qq python3-minimal; }
	bench/run --sizes "$(BENCH_SIZES)" --seed $(BENCH_SEED) --build $(B) \
	    $(BENCH_ARGS)
	bench/import --build $(B)

# kith import linkedin of 30,000 rows, alone (part of make bench).
bench-import: all
	bench/import --build $(B)

bench-floors: $(BENCH_FLOORS)

$(BENCH_B)/floor_read $(BENCH_B)/floor_parse: $(BENCH_B)/%: bench/%.c \
    bench/floor_walk.c bench/floor.h
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $(CFLAGS) bench/$*.c bench/floor_walk.c \
	    $(BENCH_LIBS) $(LDFLAGS) -o $@

$(BENCH_B)/floor_write: bench/floor_write.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $(CFLAGS) $< $(LDFLAGS) -o $@
