# a workspace this process cannot write (mode 444, a read-only directory):
# reading commands work and create no file beside it; writing commands say
# that it is read-only before doing anything, and change nothing.  File
# modes do not stop root: as root the commands run without
# CAP_DAC_OVERRIDE (setpriv, util-linux).
. "$ROOT/tests/cli/lib.sh"
need_unpriv
ro() { unpriv "$CITYIDX" "$@"; }
cp "$DATA"/mini/*.csv .
"$CITYIDX" --db w.db init --framework framework.csv > /dev/null
"$CITYIDX" --db w.db import cities-2016.csv cities-2017.csv > /dev/null
"$CITYIDX" --db w.db rank --year 2017 --format csv > want.csv
dump w.db > want.sql
chmod 444 w.db
echo "== mode 444"
ro --db w.db years; echo "exit $?"
ro --db w.db rank --year 2017 --format csv | cmp - want.csv && echo "rank: as when writable"
ro --db w.db imports | sed 's/[0-9-]*T[0-9:]*Z/TIME/'
ro --db w.db import cities-2017.csv; echo "exit $?"
# before anything else: the file is not even read
ro --db w.db import no-such.csv; echo "exit $?"
ro --db w.db remove --year 2016; echo "exit $?"
ro --db w.db remove --year 2016 --dry-run; echo "exit $?"
ro --db w.db init --framework framework.csv; echo "exit $?"
ls w.db*
# writable again: nothing left behind stops the next import
chmod 644 w.db
dump w.db | cmp - want.sql && echo "unchanged"
sed 's/^440300,RD,2017,96$/440300,RD,2017,97/' long-2017.csv > long.csv
"$CITYIDX" --db w.db import long.csv | sed 's/ (.*//'
# what SQLite's own read-only open leaves (as sqlite3 does on a mode-444
# file): PATH-wal and PATH-shm that cannot be written, which would fail
# every write; read, and named to a writer
chmod 444 w.db
unpriv sqlite3 w.db 'SELECT count(*) FROM units'
chmod 644 w.db
ls w.db*
ro --db w.db years | tail -n 1
ro --db w.db import cities-2017.csv; echo "exit $?"
rm w.db-wal w.db-shm
echo "== a read-only directory"
mkdir d
cp w.db d/
"$CITYIDX" --db d/w.db rank --year 2017 --format csv > want.csv
chmod 555 d
ro --db d/w.db rank --year 2017 --format csv | cmp - want.csv && echo "rank: as when writable"
ro --db d/w.db import cities-2017.csv; echo "exit $?"
ls d
# a log that a killed writer left, with commits not yet in the file: only
# a writable open applies them, so reading without it is refused
chmod 755 d
(python3 -c '
import os, signal, sqlite3
db = sqlite3.connect("d/w.db", isolation_level=None)
db.execute("UPDATE units SET name = '\''killed'\'' WHERE code = '\''110100'\''")
os.kill(os.getpid(), signal.SIGKILL)'; true) 2> /dev/null
rm d/w.db-shm
chmod 555 d
ro --db d/w.db years; echo "exit $?"
chmod 755 d
"$CITYIDX" --db d/w.db rank --year 2017 --format csv | grep -c killed
