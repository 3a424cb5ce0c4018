/*
 * fuzz.h - what the libFuzzer harnesses share (`make fuzz`, cityidx(1),
 * FILES).  A harness is tests/fuzz/f_NAME.c; its seed corpus is
 * tests/fuzz/corpus/NAME/.  The parsers read files, so an input is
 * written to a private temporary directory (made once, removed at exit)
 * and read back from there: nothing is written anywhere else.
 */
#ifndef CIDX_FUZZ_H
#define CIDX_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

/* the libFuzzer entry points */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*! fuzz_put() : writes the input to `name` in the temporary directory;
 *  @return its path (a static buffer, valid until the next call). */
const char *fuzz_put(const char *name, const uint8_t *data, size_t size);

/*! fuzz_str() : the input as a NUL-terminated string (owned by the
 *  caller, free()); an embedded NUL ends it early, as it would in argv. */
char *fuzz_str(const uint8_t *data, size_t size);

/*! fuzz_framework() : a framework of tests/data, read once ("mini" or
 *  "asem"); the harness aborts if it cannot be read. */
const struct cidx_framework *fuzz_framework(const char *which);

/*! fuzz_assert() : a property the code promises; its failure is a
 *  finding, reported like a crash. */
#define fuzz_assert(c)                                                    \
	((c) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #c))
void fuzz_fail(const char *file, int line, const char *what)
    __attribute__((noreturn));

#endif
