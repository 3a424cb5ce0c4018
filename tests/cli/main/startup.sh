# startup: the drawing code (cairo, pango, libxlsxwriter) is a shared
# object that the binary carries and loads only in the commands that
# draw (cityidx(1), DEVELOPMENT, The drawing code; issue 17, Start-up).
# Checks itself: prints what failed and exits 1.  A build that links the
# drawing code in (make DRAW_SPLIT=0, as check-asan does, which says so
# in CITYIDX_DRAW_SPLIT) has only the moved binary checked.
bad=0
fail() {
	echo "startup: $*"
	bad=1
}
linked_in=0
[ "${CITYIDX_DRAW_SPLIT:-1}" = 0 ] && linked_in=1
draw_libs='cairo|pango|glib|gobject|fontconfig|freetype|harfbuzz|xlsxwriter'

# 1. no drawing library among the binary's own
if [ $linked_in = 0 ]; then
	readelf -d "$CITYIDX" | grep NEEDED | grep -E "lib($draw_libs)" &&
	    fail "the binary needs the drawing libraries above"
fi

# 2. the binary alone in an empty directory draws, writes a report and
# a workbook: nothing is installed beside it
mini_ws w.db || fail "mini workspace"
mkdir alone
cp "$CITYIDX" alone/cityidx
bin=$(pwd)/alone/cityidx
ls alone > ls.txt
[ "$(cat ls.txt)" = cityidx ] || fail "alone/ holds $(cat ls.txt)"
"$bin" --db w.db chart tiers --year 2017 -o tiers.png ||
    fail "chart from the moved binary"
"$bin" --db w.db report --year 2017 --profiles 0 -o r.pdf ||
    fail "report from the moved binary"
"$bin" --db w.db rank --year 2017 --format xlsx -o r.xlsx ||
    fail "rank --format xlsx from the moved binary"
[ "$(head -c 4 tiers.png | od -An -c | tr -d ' ')" = '211PNG' ] ||
    fail "tiers.png is not a PNG"
[ "$(head -c 5 r.pdf)" = '%PDF-' ] || fail "r.pdf is not a PDF"
[ "$(head -c 2 r.xlsx)" = 'PK' ] || fail "r.xlsx is not a workbook"
# the same bytes as the binary where it was built
"$CITYIDX" --db w.db chart tiers --year 2017 -o tiers2.png
cmp -s tiers.png tiers2.png || fail "the moved binary drew other bytes"

[ $linked_in = 1 ] && exit $bad

# 3. a command that draws nothing loads none of the drawing libraries;
# one that draws does
libs() {
	LD_DEBUG=libs "$@" 2>&1 >/dev/null | grep -cE "calling init: .*lib($draw_libs)"
}
[ "$(libs "$CITYIDX" --version)" = 0 ] ||
    fail "--version loads the drawing libraries"
[ "$(libs "$CITYIDX" --db w.db years)" = 0 ] ||
    fail "years loads the drawing libraries"
[ "$(libs "$CITYIDX" --db w.db rank --year 2017 --format csv)" = 0 ] ||
    fail "rank --format csv loads the drawing libraries"
[ "$(libs "$CITYIDX" --db w.db chart tiers --year 2017 -o t3.svg)" -gt 0 ] ||
    fail "chart does not load the drawing libraries (LD_DEBUG?)"

# 4. when the object cannot be loaded, the command says so, fails and
# writes nothing
if command -v cc >/dev/null 2>&1; then
	cat > nomemfd.c <<-'EOS'
	#include <errno.h>
	int memfd_create(const char *name, unsigned flags);
	int memfd_create(const char *name, unsigned flags)
	{
		(void)name; (void)flags;
		errno = ENOSYS;
		return -1;
	}
	EOS
	cc -shared -fPIC -o nomemfd.so nomemfd.c || fail "cc nomemfd.so"
	for c in "chart tiers --year 2017 -o no.png" \
	    "report --year 2017 -o no.pdf" \
	    "rank --year 2017 --format xlsx -o no.xlsx"; do
		# shellcheck disable=SC2086
		LD_PRELOAD=$(pwd)/nomemfd.so "$CITYIDX" --db w.db $c 2> err.txt
		rc=$?
		[ $rc = 1 ] || fail "$c: exit $rc without the object"
		grep -qx 'cityidx: cannot load the drawing code: memfd_create: Function not implemented' err.txt ||
		    fail "$c: $(cat err.txt)"
	done
	ls no.* 2>/dev/null && fail "written without the drawing code"
fi
exit $bad
