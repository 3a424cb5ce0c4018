# remove names the series it emptied in framework order; a node's `ord`
# edited by another program to a number no integer holds sorts that
# series last instead of overflowing the conversion (a finding of the
# f_workspace fuzzer), and one edited to text is read as 0
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
sqlite3 w.db "PRAGMA ignore_check_constraints = 1; UPDATE nodes SET ord = 1e300 WHERE code = 'GRADS'; UPDATE nodes SET ord = 'x' WHERE code = 'RD'"
"$CITYIDX" --db w.db remove --import 2; echo "exit $?"
