# the indicator appendix (code, name, unit, direction, pillar, nominal and
# effective weight, years with data; the framework's descriptions and
# sources) and --by-region (issue 16 §2)
. "$ROOT/tests/cli/lib.sh"
sed -e '1s/$/,description,source/' \
    -e '/^GRADS,/s/$/,Graduates of universities.,Statistical yearbook/' \
    -e '/^SO2,/s/$/,,Environment bulletin/' -e '/^[^GS]/s/$/,,/' \
    -e '1s/,,$//' "$DATA/mini/framework.csv" > fw.csv
"$CITYIDX" --db w.db init --framework fw.csv >/dev/null
"$CITYIDX" --db w.db import "$DATA/mini/cities-2016.csv" "$DATA/mini/cities-2017.csv" >/dev/null
cx --db w.db report --year 2017 --lang en --by-region auto --profiles 0 -o en.pdf
cx --db w.db report --year 2017 --by-region province --profiles 0 -o zh.pdf
pdftotext -layout en.pdf - | sed -n '/Appendix: the indicators/,/Definitions and sources/p' | grep -E '^ *(code|GRADS|RD|FIRMS|SO2) ' | tr -s ' '
pdftotext en.pdf - | sed -n '/^Definitions and sources/,$p' | tr '\n' ' ' | tr -s ' ' |
    grep -oE 'GRADS Graduates: [^.]*\. Source: [^.]*\.|SO2 SO2 emissions: Source: [^.]*\.'
pdftotext zh.pdf - | sed -n '/^指标定义与来源/,$p' | grep -E '^(GRADS|SO2) |^另有'
# within regions: 浙江省 has Hangzhou (1) and Wenzhou (2), the regions in
# the order of their best unit
pdftotext -layout en.pdf - | sed -n '/Ranking within each region (province)/,/cityidx/p' | grep -E '^ *province|广东省|浙江省|Wenzhou' | tr -s ' '
pdftotext zh.pdf - | grep -c '区域内排名（省份）'
cx --db w.db report --year 2017 --by-region country -o x.pdf
cx --db w.db report --year 2017 --by-region auto --profiles 0 -o y.pdf
# the regions named in the reader's language: an English report of the
# Chinese cities groups them under Guangdong, not 广东省 (province_en)
"$CITYIDX" --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
"$CITYIDX" --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null 2>&1
cx --db cn.db report --year 2012 --lang en --by-region province --profiles 0 -o cn-en.pdf 2>/dev/null
pdftotext -layout cn-en.pdf - | grep -E '^ *(Guangdong|广东省) +1 ' | tr -s ' '
# a description that opens with the indicator's name does not say it twice
pdftotext cn-en.pdf - | grep -o '^M_RETAIL [^,]*'
