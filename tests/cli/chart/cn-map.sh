# the China map from the bundled data: every prefecture-level unit of the
# census (369; those without data in the year pale, those screened out
# hatched), the base layers (province borders, Taiwan, the South China
# Sea islands and the nine-dash line in an inset), tiers as rank draws
# them over the top 50, the top 10 numbered and named in a key, the note
# on the units not ranked and the credit line; the same bytes twice; a
# report with the map page
cx --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
cx --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null
cx --db cn.db import "$ROOT/data/cn/boundaries.csv" "$ROOT/data/cn/layers.csv" | sed "s|$ROOT/||"
cx --db cn.db import "$ROOT/data/cn/boundaries.csv" "$ROOT/data/cn/layers.csv" | sed "s|$ROOT/||"
sqlite3 cn.db "SELECT kind, count(*) FROM layers GROUP BY kind ORDER BY kind"
cx --db cn.db chart map --year 2012 -o map.pdf
cx --db cn.db chart map --year 2012 -o map2.pdf
cmp map.pdf map2.pdf && echo "same bytes"
pdftotext map.pdf - | grep -o -E '第一梯队|第二梯队|第三梯队|前50名以外|未排名（数据不足）|无数据|南海诸岛|未排名：.*|边界：.*' | sort -u
# the key: rank and name of the top 10, as rank prints them
cx --db cn.db rank --year 2012 --format csv | csvcols rank,name | sed -n '2,11p' > top.txt
pdftotext -layout map.pdf - | grep -E -o '[0-9]+ +[^ ]+市' | tr -s ' ' ',' | sort -n | head -n 10 > key.txt
cmp top.txt key.txt && echo "the key names the top 10: $(tr '\n' ' ' < key.txt)"
cx --db cn.db chart map --year 2015 --by score --lang en -o map15.svg
xmllint --noout map15.svg && echo "svg ok"
grep -c '<path' map15.svg | awk '{ print ($1 >= 369) ? "at least 369 outlines" : "only " $1 " outlines" }'
cx --db cn.db chart map --year 2012 --lang en -o en.pdf
pdftotext en.pdf - | grep -o -E 'South China Sea|Not ranked: .*|Boundaries: [^;]*|no data' | sort -u
cx --db cn.db chart map --year 2012 -o map.png --dpi 72
python3 -c 'import struct; print("map.png:", *struct.unpack(">II", open("map.png", "rb").read()[16:24]))'
# only the width given: the map keeps its shape
cx --db cn.db chart map --year 2012 -o small.png --dpi 72 --width 300
python3 -c 'import struct; print("small.png:", *struct.unpack(">II", open("small.png", "rb").read()[16:24]))'
# a unit without a boundary is listed under the map
printf 'code,name,province\n999999,测试市,测试省\n' > extra-unit.csv
printf 'code,year,T_WORKAGE,T_HEALTH,T_HEALTHPC,M_GDP,M_RETAIL,M_GDPPC,E_BEDS,E_BEDSPC,E_GREEN,E_WASTE,E_SO2,C_FDI,C_FDIPC,C_FISC\n999999,2012,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n' > extra.csv
cx --db cn.db import extra-unit.csv extra.csv >/dev/null
cx --db cn.db chart map --year 2012 --top 0 --labels 0 -o map-all.pdf
pdftotext map-all.pdf - | grep -o -E '测试市|上海市' | sort | uniq -c | sed 's/^ *//'

cx --db cn.db report --year 2012 -o report.pdf
pdftotext report.pdf - | grep -c '南海诸岛'
