# tests/fuzz/fuzz.mk: `make fuzz` and `make valgrind` (included by the
# Makefile; every variable here starts with FUZZ_ or VG_).
#
#   make fuzz                      each harness for FUZZ_SECONDS (120) under
#                                  libFuzzer, ASan and UBSan
#   make fuzz FUZZ_SECONDS=45      CI's short round
#   make fuzz FUZZ_HARNESSES=html  one harness only
#   make fuzz-regress              only replay the seed corpus and the saved
#                                  crash reproducers (seconds)
#   make valgrind                  the unit tests and every kith run of the
#                                  golden, bad-input and cli runners (and a
#                                  few site builds) under valgrind memcheck
#
# The fuzz build (build-fuzz/) compiles lib/*/*.c, the dashboard's assets and,
# when tests/fuzz/third-party can fetch them with apt-get source, Debian's
# md4c and libyaml sources with clang -fsanitize=fuzzer-no-link,address,
# undefined, so that a read past a buffer inside md4c or libyaml is caught
# and their branches guide the fuzzer.  Needs clang and libclang-rt-dev
# (Debian 12: clang-14, libclang-rt-14-dev), installed when missing.

FUZZ_B ?= build-fuzz
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 120
FUZZ_HARNESSES ?= note html config journal manifest outdir names
FUZZ_PACKAGES = clang libclang-rt-14-dev
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_OPT = -O1 -g -fno-omit-frame-pointer
FUZZ_DEFS = -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE

# Written by tests/fuzz/third-party (no rule here makes it, so an ordinary
# `make` never fetches anything).
-include $(FUZZ_B)/src/third-party.mk

FUZZ_INC = -Ilib -Itests/fuzz \
       $(if $(FUZZ_MD4C_DIR),-I$(FUZZ_MD4C_DIR)/src) \
       $(if $(FUZZ_YAML_DIR),-I$(FUZZ_YAML_DIR)/include) \
       $(shell $(PKG_CONFIG) --cflags md4c yaml-0.1 libgvc libutf8proc 2>/dev/null)
FUZZ_CFLAGS = $(FUZZ_DEFS) $(FUZZ_OPT) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
       $(FUZZ_INC)

FUZZ_LIB_OBJ = $(LIB_SRC:lib/%.c=$(FUZZ_B)/lib/%.o) $(FUZZ_B)/lib/assets.o
FUZZ_YAML_SRC = api reader scanner parser loader
FUZZ_THIRD_OBJ = \
       $(if $(FUZZ_MD4C_DIR),$(FUZZ_B)/third/md4c.o) \
       $(if $(FUZZ_YAML_DIR),$(FUZZ_YAML_SRC:%=$(FUZZ_B)/third/yaml-%.o))
FUZZ_SYS_LIBS = $(shell $(PKG_CONFIG) --libs \
       $(if $(FUZZ_MD4C_DIR),,md4c) $(if $(FUZZ_YAML_DIR),,yaml-0.1) \
       libgvc libcgraph libutf8proc 2>/dev/null) -lm -pthread
FUZZ_BIN = $(FUZZ_HARNESSES:%=$(FUZZ_B)/fuzz_%)

.PHONY: fuzz fuzz-deps fuzz-build fuzz-bins fuzz-regress valgrind clean-fuzz

fuzz: fuzz-build
	tests/fuzz/run $(FUZZ_B) $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

fuzz-regress: fuzz-build
	tests/fuzz/run $(FUZZ_B) 0 $(FUZZ_HARNESSES)

# Fetches the third-party sources first, then builds in a new make that
# reads what tests/fuzz/third-party wrote.
fuzz-build: fuzz-deps
	@tests/fuzz/third-party $(FUZZ_B)/src
	@$(MAKE) --no-print-directory fuzz-bins

fuzz-deps:
	@$(MAKE) --no-print-directory deps DEPS_EXTRA="$(FUZZ_PACKAGES)"

fuzz-bins: $(FUZZ_BIN)

$(FUZZ_B)/lib/%.o: lib/%.c $(LIB_H) $(wildcard $(FUZZ_B)/src/third-party.mk)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_B)/assets.c: $(ASSETS) tools/embed.awk
	@mkdir -p $(@D)
	awk -f tools/embed.awk $(ASSETS) > $@

$(FUZZ_B)/lib/assets.o: $(FUZZ_B)/assets.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

# Third-party code: no warnings of ours, the same instrumentation.
$(FUZZ_B)/third/md4c.o: $(FUZZ_MD4C_DIR)/src/md4c.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_OPT) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -w \
	    -c $< -o $@

$(FUZZ_B)/third/yaml-%.o: $(FUZZ_YAML_DIR)/src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_OPT) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -w \
	    -I$(FUZZ_YAML_DIR)/include -DYAML_VERSION_MAJOR=0 \
	    -DYAML_VERSION_MINOR=2 -DYAML_VERSION_PATCH=5 \
	    -DYAML_VERSION_STRING='"0.2.5"' -c $< -o $@

$(FUZZ_B)/libkith-fuzz.a: $(FUZZ_LIB_OBJ) $(FUZZ_THIRD_OBJ)
	rm -f $@
	ar rcs $@ $^

# The property checks are not instrumented for coverage: their branches are
# not the code under test and would only lead the fuzzer astray.
$(FUZZ_B)/props.o: tests/fuzz/props.c tests/fuzz/props.h lib/kith.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_DEFS) $(FUZZ_OPT) $(FUZZ_SAN) $(FUZZ_INC) $(WARN) \
	    -c $< -o $@

$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_B)/props.o $(FUZZ_B)/libkith-fuzz.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(WARN) $< $(FUZZ_B)/props.o \
	    $(FUZZ_B)/libkith-fuzz.a $(FUZZ_SAN) -fsanitize=fuzzer \
	    $(FUZZ_SYS_LIBS) -o $@

# ---- valgrind ----

VG_B = build-valgrind
VG_PACKAGES = valgrind

valgrind:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory deps DEPS_EXTRA="$(VG_PACKAGES)"
	$(MAKE) --no-print-directory all B=$(VG_B) CFLAGS="-O1 -g"
	$(MAKE) --no-print-directory \
	    $(UNIT_SRC:tests/unit/%.c=$(VG_B)/tests/%) B=$(VG_B) CFLAGS="-O1 -g"
	tests/fuzz/valgrind $(VG_B)

clean-fuzz:
	rm -rf $(FUZZ_B) $(VG_B)
