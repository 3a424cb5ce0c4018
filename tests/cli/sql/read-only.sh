# cityidx sql on a workspace this process cannot write (mode 444 file and
# directory): the same rows as when writable, no file created beside it,
# and a write still refused.  File modes do not stop root: as root it runs
# without CAP_DAC_OVERRIDE (setpriv, util-linux), as store/read-only.sh.
. "$ROOT/tests/cli/lib.sh"
need_unpriv
mkdir d
mini_ws d/w.db
Q="SELECT o.unit, u.name, o.indicator, o.year, o.value FROM observations o
   JOIN units u ON u.code = o.unit ORDER BY o.year, o.unit, o.indicator"
"$CITYIDX" --db d/w.db sql "$Q" >want.csv
before=$(dump d/w.db | md5sum)
chmod 444 d/w.db
chmod 555 d
unpriv "$CITYIDX" --db d/w.db sql "$Q" | cmp - want.csv &&
    echo "mode 444: the same rows"
unpriv "$CITYIDX" --db d/w.db sql --format table \
    "SELECT count(*) AS n, sum(value) AS s FROM observations"
unpriv "$CITYIDX" --db d/w.db sql "DELETE FROM units"; echo "exit $?"
ls d
chmod 755 d
chmod 644 d/w.db
[ "$(dump d/w.db | md5sum)" = "$before" ] && echo "unchanged"
