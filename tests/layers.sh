#!/bin/sh
# layers.sh - the layer picture of cityidx(1), DEVELOPMENT, checked on
# the #include lines of src/: each layer includes only the layers below
# it (and itself).
#
#   cli (src/cli, src/main.c)   parses, calls, formats
#    |
#   ws                          a workspace to a result
#    |
#   io  store  calc  plot       files, SQLite, the maths, the figures
#    |    |     |     |
#   core                        errors, memory, numbers, the model
#
# Run from the top of the tree; prints the offending lines and exits 1.
may() {
	case $1 in
	core) echo 'core' ;;
	io|store|calc|plot) echo "core|$1" ;;
	ws) echo 'core|io|store|calc|plot|ws' ;;
	esac
}
bad=0
for layer in core io store calc plot ws; do
	ok=$(may $layer)
	if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"[a-z]+/' \
	    src/$layer/*.[ch] | grep -vE "#[[:space:]]*include[[:space:]]+\"($ok)/"
	then
		echo "layers: src/$layer may include only $ok headers" >&2
		bad=1
	fi
done
# the drawing libraries are included only by the drawing code, which
# is the shared object of the Makefile's DRAW_SPLIT (drawlib.h): src/plot
# but for charttype.c and the headers the binary includes (plot.h, doc.h),
# and the xlsx writer
if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(cairo|pango|glib|xlsxwriter)' \
    src/*.c src/*/*.[ch] | grep -vE '^src/(plot/[a-z_]+\.c|plot/[a-z_]+_int\.h|cli/xlsxout\.c):' |
    grep -v '^src/plot/charttype\.c:'
then
	echo "layers: only the drawing code (src/plot but charttype.c, plot.h" \
	    "and doc.h; cli/xlsxout.c) includes cairo, pango or libxlsxwriter" >&2
	bad=1
fi
# (nor the internal headers of plot, which include cairo)
if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*(<(cairo|pango|glib|xlsxwriter)|"plot/[a-z_]+_int\.h")' \
    src/plot/charttype.c src/plot/plot.h src/plot/doc.h src/cli/*.[ch] \
    src/ws/*.[ch] src/main.c | grep -v '^src/cli/xlsxout\.c:'
then
	echo "layers: the files above are in the binary: no cairo, pango," \
	    "libxlsxwriter or plot/*_int.h" >&2
	bad=1
fi
exit $bad
