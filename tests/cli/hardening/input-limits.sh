# inputs that used to exhaust memory or time: each fails at once with
# status 1 and a message (issue "Hardening", 4 and 7)
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
before=$(dump w.db)
# /dev/zero: reading stops at the first NUL byte
"$CITYIDX" --db w.db import /dev/zero; echo "exit $?"
# a file over 1 GiB is refused from its size, before it is read (sparse)
truncate -s 1100M big.csv
"$CITYIDX" --db w.db import big.csv; echo "exit $?"
rm -f big.csv
# a field over 16 MiB, and a line over 16 MiB of short fields
awk 'BEGIN { printf "code,name\n1,\""; s = "x"; for (i = 0; i < 24; i++) s = s s; printf "%s\"\n", s }' > field.csv
"$CITYIDX" --db w.db import field.csv; echo "exit $?"
awk 'BEGIN { printf "code,name\n1,"; s = "x,"; for (i = 0; i < 23; i++) s = s s; printf "%s\n", s }' > line.csv
"$CITYIDX" --db w.db import line.csv; echo "exit $?"
rm -f field.csv line.csv
# the same from standard input
awk 'BEGIN { printf "code,name\n1,"; s = "x"; for (i = 0; i < 25; i++) s = s s; printf "%s\n", s }' | "$CITYIDX" --db w.db import -; echo "exit $?"
# a directory
"$CITYIDX" --db w.db import .; echo "exit $?"
[ "$before" = "$(dump w.db)" ] && echo "workspace unchanged"
