# names, not codes, and names that identify (issue 15 §4): the lists
# under the table name units in the language chosen, and an English name
# two cities share (泰州 and 台州 are both Taizhou) gets the province,
# in English (province_en: Jiangsu, Zhejiang), else the code
"$CITYIDX" --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
"$CITYIDX" --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null
cx --db cn.db rank --year 2012 --attr none >zh.txt
cx --db cn.db rank --year 2012 --attr none --lang en >en.txt
grep '^screened out' zh.txt
grep '^screened out' en.txt
# the two Taizhou and the two Suzhou in the table, each once
awk '$3 == "Taizhou" || $3 == "Suzhou" { print $1, $2, $3, $4 }' en.txt
grep -o 'Taizhou ([A-Za-z0-9]*)' en.txt | sort | uniq -c
# one province column, in the reader's language
cx --db cn.db rank --year 2012 --limit 3 --compare none >zh3.txt
cx --db cn.db rank --year 2012 --limit 3 --compare none --lang en >en3.txt
grep -A2 "^rank" zh3.txt | cut -c1-48
grep -A2 "^rank" en3.txt | cut -c1-48
# in Chinese the names differ: no region added
grep -c '泰州市 (' zh.txt
# CSV and JSON keep the raw names beside the code
"$CITYIDX" --db cn.db rank --year 2012 --format csv | grep -E '^[0-9]+,(321200|331000),'| cut -d, -f2-4
# a name shared within the workspace: the workbook's score sheet says so too
"$CITYIDX" --db cn.db rank --year 2012 --lang en --format xlsx -o r.xlsx 2>/dev/null
python3 - <<'PY'
import zipfile, re
z = zipfile.ZipFile("r.xlsx")
s = z.read("xl/sharedStrings.xml").decode("utf-8")
print(sorted(set(re.findall(r"Taizhou \([A-Za-z0-9]+\)", s))))
PY
