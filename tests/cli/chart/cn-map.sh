# the China map from the bundled data: boundaries imported from the units
# file, tiers as rank draws them (over the top 50), the units outside the
# top group and those not ranked named in the legend, every unit of the
# top 50 drawn, the same bytes twice, and a report with the map page
cx --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
cx --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null
cx --db cn.db import "$ROOT/data/cn/boundaries.csv" | sed "s|$ROOT/||"
cx --db cn.db import "$ROOT/data/cn/boundaries.csv" | sed "s|$ROOT/||"
cx --db cn.db chart map --year 2012 -o map.pdf
cx --db cn.db chart map --year 2012 -o map2.pdf
cmp map.pdf map2.pdf && echo "same bytes"
pdftotext map.pdf - | grep -o -E '第一梯队|第二梯队|第三梯队|前50名以外|未排名（数据不足）' | sort -u
cx --db cn.db chart map --year 2015 --by score --lang en -o map15.svg
xmllint --noout map15.svg && echo "svg ok"
grep -c '<path' map15.svg | awk '{ print ($1 >= 280) ? "at least 280 outlines" : "only " $1 " outlines" }'
cx --db cn.db chart map --year 2012 -o map.png --dpi 72
python3 -c 'import struct; print("map.png:", *struct.unpack(">II", open("map.png", "rb").read()[16:24]))'
# a unit without a boundary is listed under the map
printf 'code,name,province\n999999,测试市,测试省\n' > extra-unit.csv
printf 'code,year,T_WORKAGE,T_HEALTH,T_HEALTHPC,M_GDP,M_RETAIL,M_GDPPC,E_BEDS,E_BEDSPC,E_GREEN,E_WASTE,E_SO2,C_FDI,C_FDIPC,C_FISC\n999999,2012,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n' > extra.csv
cx --db cn.db import extra-unit.csv extra.csv >/dev/null
cx --db cn.db chart map --year 2012 --top 0 -o map-all.pdf
pdftotext map-all.pdf - | grep -o '测试市' | head -n 1
cx --db cn.db report --year 2012 -o report.pdf
pdftotext report.pdf - | grep -c '地图'
