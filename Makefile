# cityidx - one Makefile.  `make demo` and `make check` are the two
# commands of the README; both first make sure the Debian packages are
# there (installing them when run as root).

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BUILD    ?= build
CC       ?= cc
STRIP    ?= strip
CFLAGS   ?= -O2 -g
WARN      = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic \
            -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wold-style-definition -Wvla -Wwrite-strings -Wformat=2 \
            -Wpointer-arith -Wcast-qual -fno-common
# warnings are errors for developers and CI (make DEVELOPER=1), not for a
# user whose newer compiler knows more warnings
ifneq ($(DEVELOPER),)
WARN     += -Werror
endif
# the libraries of the drawing code (DRAW_SPLIT below) and of the rest
DRAW_PKGS = cairo pangocairo xlsxwriter
PKGS      = gsl sqlite3 $(DRAW_PKGS)
# (errors are reported by the pkg-config check below, once)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# GSL's inline accessors without range checks in the normal build; the
# sanitizer and fuzzing builds keep the checks (issue 17)
GSL_FLAGS ?= -DHAVE_INLINE -DGSL_RANGE_CHECK_OFF
ALL_CFLAGS = $(WARN) $(CFLAGS) $(GSL_FLAGS) -Isrc -I$(BUILD) $(PKG_CFLAGS) -MMD -MP
# libcsv and GLPK ship no .pc file on Debian
SYS_LIBS   = -lglpk -lcsv -lm -pthread
LDLIBS    += $(PKG_LIBS) $(SYS_LIBS)
BASE_LIBS  = $(shell pkg-config --libs gsl sqlite3 2>/dev/null) $(SYS_LIBS)
DRAW_LIBS  = $(shell pkg-config --libs $(DRAW_PKGS) 2>/dev/null) -lm

# Debian packages: to build, to run the tests, and the CJK fonts.
DEPS_BUILD = pkg-config libcsv-dev libgsl-dev libsqlite3-dev libcairo2-dev \
             libpango1.0-dev libxlsxwriter-dev libglpk-dev fonts-noto-cjk
# python3-pandas (bench): bench/analyst.py, the yardstick of make bench.
# python3-numpy and python3-scipy: the reference of the index methods
# (tests/ref/methodsref.py, run by /usr/bin/python3)
DEPS_TEST  = python3 python3-numpy python3-scipy poppler-utils sqlite3 \
             xlsx2csv libxml2-utils
DEPS_LINT  = cppcheck mandoc
DEPS_BENCH = time poppler-utils python3-pandas
# libFuzzer is in clang's runtime package, only recommended by clang
DEPS_FUZZ  = clang libclang-rt-14-dev

# the library: core <- io, store, calc, plot <- ws (cityidx(1), DEVELOPMENT)
# The drawing code (cityidx(1), DEVELOPMENT, The drawing code) is src/plot
# but for the chart types' table, and the xlsx writer: with DRAW_SPLIT=1
# (the default) a shared object whose bytes the binary carries and loads
# on first use (src/cli/drawlib.c), so that a command that draws nothing
# does not load cairo, pango and libxlsxwriter; with DRAW_SPLIT=0 linked
# in (check-asan, check-valgrind and the fuzzers: whole stacks).  The
# unit tests and the fuzzers link the whole library, $(LIB).
DRAW_SPLIT ?= 1
PLOT_SRC = $(filter-out src/plot/charttype.c,$(wildcard src/plot/*.c))
CORE_SRC = $(wildcard src/core/*.c src/io/*.c src/store/*.c src/calc/*.c \
                      src/ws/*.c) src/plot/charttype.c
CLI_SRC  = src/main.c $(filter-out src/cli/xlsxout.c src/cli/drawapi.c \
                      src/cli/drawlib.c,$(wildcard src/cli/*.c))
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o)
PLOT_OBJ = $(PLOT_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o)
XLSX_OBJ = $(BUILD)/src/cli/xlsxout.o
DRAW_OBJ = $(PLOT_OBJ) $(XLSX_OBJ) $(BUILD)/src/cli/drawapi.o
UNIT_SRC = $(wildcard tests/unit/t_*.c)
UNIT_OBJ = $(UNIT_SRC:%.c=$(BUILD)/%.o) $(BUILD)/tests/unit/runner.o \
           $(BUILD)/tests/unit/fixture.o

BIN  = $(BUILD)/cityidx
LIB  = $(BUILD)/libcityidx.a
# the library without the drawing code, for the binary of DRAW_SPLIT=1
BASE = $(BUILD)/libcityidx-base.a
DRAW_SO = $(BUILD)/cityidx-draw.so
UNIT = $(BUILD)/unit-tests

.PHONY: all deps deps-test deps-lint deps-fuzz demo check check-layers \
        check-unit check-cli check-asan check-robust check-stress check-valgrind fuzz fuzz-short \
        fuzz-build fuzz-bins install uninstall clean lint bench

all: $(BIN)

# the libraries must be there, and pkg-config must say so, before any
# compiler error can confuse the matter
$(BUILD)/pkg-config.ok:
	@mkdir -p $(BUILD)
	@pkg-config --exists --print-errors $(PKGS) || { \
	    echo "cityidx: pkg-config cannot find the libraries above;" \
	    "'make deps' (as root) installs: $(DEPS_BUILD)" >&2; exit 1; }
	@echo '#include <glpk.h>' | $(CC) -E - >/dev/null 2>&1 || { \
	    echo "cityidx: glpk.h not found (GLPK, the LP solver of" \
	    "--method bod); 'make deps' (as root) installs: $(DEPS_BUILD)" \
	    >&2; exit 1; }
	@touch $@

# the version string, rewritten only when VERSION changes
$(BUILD)/version.h: FORCE
	@mkdir -p $(BUILD)
	@echo '#define CITYIDX_VERSION "$(VERSION)"' > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

FORCE:

# the compiler and its flags, rewritten only when they change: every
# object depends on it, so new flags (GSL_FLAGS, CFLAGS, DEVELOPER) build
# everything again
$(BUILD)/cflags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(CC) $(ALL_CFLAGS) (drawing code: -fPIC)' > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

# the drawing code is position-independent, for its shared object
$(BUILD)/%.o: %.c $(BUILD)/cflags | $(BUILD)/pkg-config.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(if $(filter $@,$(DRAW_OBJ)),-fPIC) -c -o $@ $<

$(CLI_OBJ) $(DRAW_OBJ) $(BUILD)/src/cli/drawlib.o: $(BUILD)/version.h

$(LIB): $(CORE_OBJ) $(PLOT_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BASE): $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $^

# DRAW_SPLIT, rewritten only when it changes: the binary is linked again
$(BUILD)/draw-split: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DRAW_SPLIT)' > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

ifeq ($(DRAW_SPLIT),0)
$(BIN): $(CLI_OBJ) $(XLSX_OBJ) $(LIB) $(BUILD)/draw-split
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(XLSX_OBJ) $(LIB) $(LDLIBS)
else
# the object exports cidx_draw_entry alone (drawlib.map) and takes what
# it needs of the core from the binary: drawlib.syms lists those
# symbols, which the binary exports (a dynamic list) and links in even
# when it does not call them itself (-u)
$(BUILD)/drawlib.syms: $(DRAW_OBJ) $(CLI_OBJ) $(CORE_OBJ)
	@echo "nm ... > $@"
	@nm -u $(DRAW_OBJ) | awk '$$1 == "U" { print $$2 }' | sort -u > $@.u
	@nm -g --defined-only $(DRAW_OBJ) | awk 'NF == 3 { print $$3 }' | \
	    sort -u > $@.in
	@nm -g --defined-only $(CLI_OBJ) $(CORE_OBJ) | \
	    awk 'NF == 3 { print $$3 }' | sort -u > $@.bin
	@comm -23 $@.u $@.in | comm -12 - $@.bin > $@
	@rm -f $@.u $@.in $@.bin

$(BUILD)/drawlib.dyn: $(BUILD)/drawlib.syms
	{ echo '{'; sed 's/.*/	&;/' $<; echo '};'; } > $@

# -z now: its own symbols bound as it is loaded (drawlib.c)
$(DRAW_SO): $(DRAW_OBJ) src/cli/drawlib.map
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-z,now -Wl,--version-script=src/cli/drawlib.map \
	    -o $@ $(DRAW_OBJ) $(DRAW_LIBS)

# the binary carries it without its debugging sections (a debugger
# cannot read them from the anonymous file: DRAW_SPLIT=0 is for that)
$(DRAW_SO:.so=-embed.so): $(DRAW_SO)
	$(STRIP) --strip-debug -o $@ $<

$(BUILD)/src/cli/drawblob.o: src/cli/drawblob.S $(DRAW_SO:.so=-embed.so)
	@mkdir -p $(dir $@)
	$(CC) -DDRAW_SO='"$(DRAW_SO:.so=-embed.so)"' -c -o $@ src/cli/drawblob.S

BIN_OBJ = $(CLI_OBJ) $(BUILD)/src/cli/drawlib.o $(BUILD)/src/cli/drawblob.o
$(BIN): $(BIN_OBJ) $(BASE) $(BUILD)/drawlib.dyn $(BUILD)/draw-split
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(BIN_OBJ) \
	    $$(sed 's/^/-Wl,-u,/' $(BUILD)/drawlib.syms) \
	    -Wl,--dynamic-list=$(BUILD)/drawlib.dyn $(BASE) $(BASE_LIBS)
endif

# the unit tests link only the core: a core dependency on cli/ fails here
$(BUILD)/tests/unit/tests.h: $(UNIT_SRC)
	@mkdir -p $(dir $@)
	sed -n 's/^\(test_[a-z0-9_]*__[a-z0-9_]*\)(void)$$/T(\1)/p' \
	    $(UNIT_SRC) > $@

# test functions are found by name, not declared in a header
$(BUILD)/tests/unit/%.o: tests/unit/%.c $(BUILD)/cflags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Itests/unit -c -o $@ $<

$(BUILD)/tests/unit/runner.o: tests/unit/runner.c $(BUILD)/tests/unit/tests.h \
    $(BUILD)/cflags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -I$(BUILD)/tests/unit -c -o $@ $<

$(UNIT): $(UNIT_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(LIB) $(LDLIBS)

deps:
	@sh tests/deps.sh build $(DEPS_BUILD)

deps-test:
	@sh tests/deps.sh test $(DEPS_BUILD) $(DEPS_TEST)

check: deps-test
	$(MAKE) check-layers check-unit check-cli

# which layer may include which (cityidx(1), DEVELOPMENT)
check-layers:
	@sh tests/layers.sh

check-unit: $(UNIT)
	$(UNIT)

# (tests/cli/main/startup.sh checks the drawing code's object unless
# DRAW_SPLIT=0 linked it in)
check-cli: $(BIN)
	CITYIDX_DRAW_SPLIT=$(DRAW_SPLIT) sh tests/cli/run.sh $(BIN)

# third-party leaks are suppressed by name (tests/lsan.supp), which needs
# full stacks
check-asan: export ASAN_OPTIONS = fast_unwind_on_malloc=0
check-asan: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
check-asan:
	$(MAKE) BUILD=build-asan DRAW_SPLIT=0 GSL_FLAGS=-DHAVE_INLINE CFLAGS="-O1 -g -fsanitize=address,undefined \
	    -fsanitize=float-cast-overflow -fno-sanitize-recover=all \
	    -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined" check-unit check-cli

# kill, concurrency, disk-full and size-limit tests (a minute or two)
check-robust: $(BIN)
	sh tests/robust.sh $(BIN)

# the CLI suite under load, two at a time and with stress-ng, to catch
# what depends on timing (STRESS_ROUNDS rounds, about 3 minutes each)
STRESS_ROUNDS ?= 4
check-stress: $(BIN)
	@sh tests/deps.sh stress stress-ng
	sh tests/stress.sh $(BIN) $(STRESS_ROUNDS)

# the demo's commands under valgrind's memcheck (a few minutes)
# (the drawing code linked in, DRAW_SPLIT=0, for its stacks)
check-valgrind:
	@sh tests/deps.sh valgrind valgrind
	$(MAKE) BUILD=build-valgrind DRAW_SPLIT=0 build-valgrind/cityidx
	sh tests/valgrind.sh build-valgrind/cityidx

# libFuzzer harnesses, one per parser (tests/fuzz/README.md): the core
# built by clang with coverage and the sanitizers into build-fuzz/, each
# harness run FUZZ_TIME seconds on its seed corpus; a crash, leak,
# undefined behaviour or broken property fails the target
FUZZ_TIME ?= 60
FUZZ_SAN   = -fsanitize=address,undefined -fsanitize=float-cast-overflow \
             -fno-sanitize-recover=all
FUZZ_NAMES = $(patsubst tests/fuzz/f_%.c,%,$(wildcard tests/fuzz/f_*.c))

deps-fuzz:
	@sh tests/deps.sh fuzz $(DEPS_BUILD) $(DEPS_FUZZ)

fuzz-build: deps-fuzz
	$(MAKE) BUILD=build-fuzz DRAW_SPLIT=0 GSL_FLAGS=-DHAVE_INLINE CC=clang CFLAGS="-O1 -g \
	    -fsanitize=fuzzer-no-link $(FUZZ_SAN) -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=fuzzer $(FUZZ_SAN)" fuzz-bins

fuzz-bins: $(FUZZ_NAMES:%=$(BUILD)/fuzz-%)

$(BUILD)/tests/fuzz/%.o: tests/fuzz/%.c | $(BUILD)/pkg-config.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DFUZZ_DATA='"$(CURDIR)/tests/data"' -c -o $@ $<

$(BUILD)/fuzz-%: $(BUILD)/tests/fuzz/f_%.o $(BUILD)/tests/fuzz/fuzz.o $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

fuzz: fuzz-build
	sh tests/fuzz/run.sh build-fuzz $(FUZZ_TIME) $(FUZZ_NAMES)

fuzz-short:
	$(MAKE) fuzz FUZZ_TIME=5

demo: deps
	$(MAKE) $(BIN)
	sh reports/demo.sh $(BIN)

bench: $(BIN)
	@sh tests/deps.sh bench $(DEPS_BENCH)
	sh tests/bench.sh $(BIN)
	sh tests/bench-mc.sh $(BIN)
	sh tests/bench-plot.sh $(BIN)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/cityidx
	install -m 644 man/cityidx.1 $(DESTDIR)$(PREFIX)/share/man/man1/cityidx.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/cityidx \
	    $(DESTDIR)$(PREFIX)/share/man/man1/cityidx.1

deps-lint:
	@sh tests/deps.sh lint $(DEPS_LINT)

lint: deps-lint
	@! grep -rnE '\<(printf|fprintf|puts|fputs|putchar|exit|abort)[[:space:]]*\(|\<(stdout|stderr)\>' \
	    src/core src/store src/io src/calc src/plot src/ws | grep -v '^src/core/mem.c' \
	    | grep -v 'format(printf' | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/?\*|//)' \
	    || { echo "lint: the library must not print or exit"; exit 1; }
	@sh tests/layers.sh
	cppcheck --quiet --enable=warning,performance,portability \
	    --error-exitcode=1 --inline-suppr -Isrc src
	mandoc -Tlint -W warning man/cityidx.1

clean:
	rm -rf build build-asan build-fuzz build-valgrind

-include $(CORE_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) \
    $(DRAW_OBJ:.o=.d) $(BUILD)/src/cli/drawlib.d \
    $(wildcard $(BUILD)/tests/fuzz/*.d)
