# kith: one Makefile.  `make demo` and `make check` install the Debian
# packages the build needs (only those missing), then build and run.

PREFIX ?= /usr/local
DESTDIR ?=
ifeq ($(origin CC),default)
CC = gcc
endif
PKG_CONFIG ?= pkg-config

WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wwrite-strings -Wpointer-arith -Wformat=2 -Wundef
CFLAGS ?= -O2 -g
KITH_CFLAGS = -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -Ilib \
       $(shell $(PKG_CONFIG) --cflags md4c yaml-0.1 libgvc libutf8proc 2>/dev/null)
LIBS = $(shell $(PKG_CONFIG) --libs md4c yaml-0.1 libgvc libcgraph libutf8proc 2>/dev/null) -lcsv -lm -pthread
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

# Debian packages the build and the tests need.
DEB_PACKAGES = gcc make pkg-config libmd4c-dev libmd4c-html0-dev \
       libyaml-dev libcmocka-dev libgraphviz-dev libcsv-dev \
       libutf8proc-dev
# ... and those the tests of the dashboard need (a browser, validators).
TEST_PACKAGES = chromium tidy libxml2-utils bsdutils python3
# ... and the manual pages' (mandoc -T lint) and the zsh completion's.
TEST_PACKAGES += mandoc zsh
# ... and the clients that read kith's iCalendar and vCard.
TEST_PACKAGES += python3-icalendar python3-vobject
# ... and Graphviz's dot, which must take kith graph's DOT.
TEST_PACKAGES += graphviz

B ?= build
# lib/ is in rooms, one a stage of the pipeline (docs/design.md): every
# room's .c files make the library; headers are included by their path
# from lib/ ("core/buf.h").
LIB_ROOMS = core note read model rules report query write site
LIB_SRC = $(wildcard $(LIB_ROOMS:%=lib/%/*.c))
LIB_H = $(wildcard lib/*.h $(LIB_ROOMS:%=lib/%/*.h))
LIB_OBJ = $(LIB_SRC:lib/%.c=$(B)/lib/%.o) $(B)/lib/assets.o
ASSETS = lib/site/assets/site.css lib/site/assets/site.js
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all deps demo check test unit golden asan install uninstall clean

all: $(B)/kith kith

kith: $(B)/kith
	@if [ "$(B)" = build ]; then cp $(B)/kith kith; fi

$(B)/lib/%.o: lib/%.c $(LIB_H)
	@mkdir -p $(@D)
	$(CC) $(KITH_CFLAGS) $(CFLAGS) -c $< -o $@

# The dashboard's style and script, built into kith as C strings.
$(B)/assets.c: $(ASSETS) tools/embed.awk
	@mkdir -p $(@D)
	awk -f tools/embed.awk $(ASSETS) > $@

$(B)/lib/assets.o: $(B)/assets.c
	@mkdir -p $(@D)
	$(CC) $(KITH_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/libkith.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

# The command line: every file of cmd/.
CMD_SRC = $(wildcard cmd/*.c)
$(B)/kith: $(CMD_SRC) cmd/*.h lib/kith.h $(B)/libkith.a
	$(CC) $(KITH_CFLAGS) $(CFLAGS) $(CMD_SRC) $(B)/libkith.a $(LIBS) \
	    $(LDFLAGS) -o $@

$(B)/tests/%: tests/unit/%.c tests/unit/*.h $(B)/libkith.a
	@mkdir -p $(@D)
	$(CC) $(KITH_CFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) $< \
	    $(B)/libkith.a $(LIBS) $(CMOCKA_LIBS) $(LDFLAGS) -o $@

# Installs the Debian packages that are missing (as root, or with sudo):
# the build's, DEPS_EXTRA, and Node.js when DEPS_NODE is set and node is
# missing.
deps:
	@missing=""; for p in $(DEB_PACKAGES) $(DEPS_EXTRA); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
	    grep -q 'ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "Installing:$$missing"; \
	    if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	    $$sudo apt-get update -qq && \
	    $$sudo apt-get install -y -qq $$missing; \
	fi
	@if [ -n "$(DEPS_NODE)" ] && ! command -v node >/dev/null; then \
	    if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	    $$sudo apt-get install -y -qq nodejs npm; \
	fi

demo: deps
	$(MAKE) all
	./kith -j sample-journal --today 2026-11-22 due
	./kith -j sample-journal --today 2026-11-22 site -o build/demo-site
	@echo 'The dashboard: open build/demo-site/index.html in a browser.'

# make check is quiet: the build's output only when it fails (it is kept
# in $(B)/build.log), then one line a suite and the sum (tests/quiet).
# V=1 shows everything.
V ?= 0
check:
	@$(MAKE) --no-print-directory -s deps DEPS_EXTRA="$(TEST_PACKAGES)" DEPS_NODE=1
	@if [ "$(V)" = 1 ]; then $(MAKE) --no-print-directory all $(UNIT_BIN); \
	else mkdir -p $(B) && $(MAKE) --no-print-directory -s all $(UNIT_BIN) \
	    >$(B)/build.log 2>&1 || { cat $(B)/build.log; exit 1; }; \
	echo "build: $$(grep -c 'warning:' $(B)/build.log) warnings ($(B)/build.log)"; fi
	@if [ "$(V)" = 1 ]; then $(MAKE) --no-print-directory test; \
	else { $(MAKE) --no-print-directory -s test 2>&1; echo "make-status $$?"; } | \
	    tests/quiet; fi

test: all $(UNIT_BIN)
	@tools/check-rooms
	@tests/run-unit $(UNIT_BIN)
	@tests/golden/run $(B)/kith
	@tests/bad/run $(B)/kith
	@tests/cli/run $(B)/kith
	@tests/cli/walkthrough $(B)/kith
	@tests/write/run $(B)/kith
	@tests/doc/run $(B)/kith
	@tests/install/run $(B)/kith
	@tests/contrib/run $(B)/kith
	@tests/site/run $(B)/kith
	@tests/vaults/run $(B)/kith
	@CC="$(CC)" CFLAGS="$(CFLAGS)" LDFLAGS="$(LDFLAGS)" \
	    tests/reliability/run $(B)/kith

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	$(MAKE) test B=build-asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined"

# The command, its manual pages and its completion for bash and zsh.
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(B)/kith $(DESTDIR)$(PREFIX)/bin/kith
	install -m 644 doc/kith.1 $(DESTDIR)$(MANDIR)/man1/kith.1
	install -m 644 doc/kith-journal.5 $(DESTDIR)$(MANDIR)/man5/kith-journal.5
	install -m 644 completion/kith.bash $(DESTDIR)$(BASHCOMPDIR)/kith
	install -m 644 completion/_kith $(DESTDIR)$(ZSHCOMPDIR)/_kith

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/kith $(DESTDIR)$(MANDIR)/man1/kith.1 \
	    $(DESTDIR)$(MANDIR)/man5/kith-journal.5 \
	    $(DESTDIR)$(BASHCOMPDIR)/kith $(DESTDIR)$(ZSHCOMPDIR)/_kith

clean:
	rm -rf build build-asan kith

# Fuzzing, valgrind, the benchmark and the simulated job search have
# makefiles of their own.
-include tests/fuzz/fuzz.mk
-include bench/bench.mk
-include tests/sim/sim.mk
