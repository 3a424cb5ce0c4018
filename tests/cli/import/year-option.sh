# a wide file without a year column takes --year
"$CITYIDX" --db w.db init --framework "$DATA/mini/framework.csv" >/dev/null
printf 'code,name,GRADS,RD\n110100,A,1,2\n310100,B,3,4\n' > y.csv
cx --db w.db import --year 2015 y.csv | sed 's/#[0-9]*/#N/'
printf 'unit,indicator,value\n110100,FIRMS,5\n' > l.csv
cx --db w.db import --year 2015 l.csv | sed 's/#[0-9]*/#N/'
"$CITYIDX" --db w.db sql --format tsv "SELECT unit, indicator, year, value FROM observations ORDER BY unit, indicator"
