# a bar chart of more units than CIDX_WS_BARS_MAX (200) draws the first
# 200 and says how many more there are (issue 16 §3): bars and names stay
# readable; the full list stays in the ranking table
. "$ROOT/tests/cli/lib.sh"
printf 'code,parent,type,level,name_zh,name_en,direction,weight\nINDEX,,aggregate,3,指数,Index,,1\nP1,INDEX,aggregate,2,甲,A,,1\nP2,INDEX,aggregate,2,乙,B,,1\nI1,P1,indicator,1,一,One,1,1\nI2,P2,indicator,1,二,Two,1,1\n' > fw.csv
awk 'BEGIN { print "code,name,year,I1,I2"; s = 7
	for (i = 1; i <= 300; i++) {
		s = (s * 1103515245 + 12345) % 2147483648; a = s % 1000
		s = (s * 1103515245 + 12345) % 2147483648
		printf "U%03d,City %d,2020,%d,%d\n", i, i, a, s % 1000 } }' > d.csv
cx --db w.db init --framework fw.csv >/dev/null
cx --db w.db import d.csv >/dev/null
for t in tiers pillars; do
	cx --db w.db chart $t --top 0 --lang en -o $t.pdf
	pdftotext $t.pdf - | grep -E 'the top [0-9]+ by tier|units drawn'
done
cx --db w.db chart tiers --top 0 -o zh.pdf
pdftotext zh.pdf - | grep -oE '前[0-9]+名梯队|图中为前200个单位，另有100个见排名表'
# the last ranked unit is in the table, not in the chart
last=$("$CITYIDX" --db w.db rank --top 0 --format csv | tail -n 1 | cut -d, -f3)
pdftotext tiers.pdf - | grep -c "^$last\$" || :
