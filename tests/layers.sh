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
exit $bad
