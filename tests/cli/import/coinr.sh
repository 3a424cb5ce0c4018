# COINr iData: group columns become attributes, denominators are data
cp "$DATA"/asem/ASEM_i*.csv .
"$CITYIDX" --db a.db init --framework ASEM_iMeta.csv >/dev/null
"$CITYIDX" --db a.db import ASEM_iData.csv
"$CITYIDX" --db a.db import ASEM_iData.csv
sqlite3 a.db "SELECT key, value, count(*) FROM unit_attrs GROUP BY key, value ORDER BY key, value"
"$CITYIDX" --db a.db sql --format tsv "SELECT count(*), count(DISTINCT o.unit) FROM observations o JOIN nodes n ON n.code = o.indicator WHERE n.type = 'denominator'"
"$CITYIDX" --db a.db sql --format tsv "SELECT value FROM observations WHERE unit = 'BEL' AND indicator = 'Pat'"
