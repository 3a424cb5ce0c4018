# cityidx sql: the values as the table observations joined with the other
# tables, in each format; every type of value (integer, real %.17g as
# rank's CSV, text quoted as the other CSV outputs, NULL, blob x'hex')
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
Q="SELECT o.unit, u.name, u.name_en, o.indicator, n.name_en AS ind,
  o.year, o.value, o.import_id, i.layout
  FROM observations o JOIN units u ON u.code = o.unit
  JOIN nodes n ON n.code = o.indicator JOIN imports i ON i.id = o.import_id
  WHERE o.year = 2017 AND o.indicator IN ('RD', 'SO2')
  ORDER BY n.ord, o.unit LIMIT 6"
for f in csv tsv json table; do
	echo "== $f"
	cx --db w.db sql --format $f "$Q"
done
echo "== default"
cx --db w.db sql "SELECT count(*) AS n, sum(value) AS s FROM observations"
T="SELECT 1 AS i, -9223372036854775807 - 1 AS imin, 0.1 AS r,
  1.0 / 3 AS third, -0.0 AS negzero, 1e308 * 10 AS inf, 2.5e-300 AS tiny,
  NULL AS nul, x'00ff7f' AS b, x'' AS empty, 'a,b \"c\"' AS t,
  '北京' || char(27) || '[0m' AS esc"
for f in csv tsv json table; do
	echo "== types $f"
	cx --db w.db sql --format $f "$T"
done
echo "== no row"
for f in csv tsv json table; do
	cx --db w.db sql --format $f "SELECT unit, value FROM observations
	    WHERE year = 1900"
done
echo "== pragma, and a table-valued pragma"
cx --db w.db sql "PRAGMA table_info(units)"
cx --db w.db sql "SELECT name FROM pragma_table_info('imports') LIMIT 3"
echo "== the digits of %.17g"
# reals read back to the same double: as awk's printf %.17g prints them
cx --db w.db sql --format tsv "SELECT value, value / 7 FROM observations
    WHERE indicator = 'GRADS' AND year = 2017 ORDER BY unit LIMIT 3" |
    awk -F'\t' 'NR > 1 { x = sprintf("%.17g", $1 / 7)
	print $2, (x == $2 ? "same" : "differs: " x) }'
