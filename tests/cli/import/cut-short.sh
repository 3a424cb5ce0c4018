# a large input file is read through a memory map: cut short by another
# program while it is read, the import stops with a message and status 1
# (not a bare "Bus error"), and the workspace is as it was
. "$ROOT/tests/cli/lib.sh"
cat > trunc.c <<'EOS'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
/* at the first pages given back, the file named by TRUNC_FILE is cut to
 * one byte, as another program could cut it */
int
madvise(void *addr, size_t len, int advice)
{
	static int done;
	static int (*real)(void *, size_t, int);
	const char *f = getenv("TRUNC_FILE");

	if (!real)
		real = (int (*)(void *, size_t, int))dlsym(RTLD_NEXT, "madvise");
	if (!done && f && advice == MADV_DONTNEED) {
		done = 1;
		if (truncate(f, 1) != 0)
			abort();
	}
	return real(addr, len, advice);
}
EOS
cc -shared -fPIC -o trunc.so trunc.c -ldl || exit 1
mini_ws w.db
before=$(dump w.db)
# 12 MB: past the size from which a file is mapped
awk 'BEGIN { print "code,year,GRADS,RD,FIRMS,SO2,POP"
	for (i = 0; i < 400000; i++) printf "U%06d,2018,1.5,2.5,3.5,4.5,100\n", i }' > big.csv
# (a sanitizer build accepts a library loaded before its runtime)
TRUNC_FILE=$(pwd)/big.csv LD_PRELOAD=$(pwd)/trunc.so \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
    "$CITYIDX" --db w.db import big.csv
echo "exit $?"
[ "$(wc -c < big.csv)" -eq 1 ] && echo "the file was cut short"
[ "$before" = "$(dump w.db)" ] && echo "workspace unchanged"
