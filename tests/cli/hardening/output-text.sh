# a file name and a workspace path that hold escape sequences, a
# bidirectional override and bytes that are not UTF-8 reach no output as
# they are (issue 13, item 6): text output and messages show \xHH (\uHHHH
# for the override), JSON writes \uHHHH escapes and U+FFFD, CSV and the
# workbook U+FFFD and \xHH; a --title with a control character or bytes
# that are not UTF-8 is refused (status 2) before anything is drawn
ws=$(printf 'w\033[31m\377.db')
f=$(printf 'c\033]0;pwn\007\376\342\200\256.csv')
cp "$DATA/mini/framework.csv" fw.csv
cp "$DATA/mini/cities-2016.csv" c16.csv
cp "$DATA/mini/cities-2017.csv" "$f"
log() {
	"$@" >>out.log 2>>err.log
	echo "[exit $?]" >>out.log
}
notime() {
	sed 's/[0-9-]*T[0-9:]*Z/TIME/'
}
log "$CITYIDX" --db "$ws" init --framework fw.csv
log "$CITYIDX" --db "$ws" import c16.csv "$f"
log "$CITYIDX" --db "$ws" import "$f"
log "$CITYIDX" --db "$ws" import "$(printf 'no\033[2Jsuch\351.csv')"
"$CITYIDX" --db "$ws" imports | notime >>out.log
"$CITYIDX" --db "$ws" imports --format csv | notime >>out.log
"$CITYIDX" --db "$ws" imports --format json | notime >>out.log
log "$CITYIDX" --db "$ws" rank --limit 1
"$CITYIDX" --db "$ws" rank --format json > r.json
grep '"workspace"' r.json >>out.log
log "$CITYIDX" --db "$ws" rank --format xlsx -o r.xlsx
xlsx2csv -n method r.xlsx | grep '^workspace,' >>out.log
# what a JSON reader gets: the control characters, U+FFFD for the bytes
"$CITYIDX" --db "$ws" imports --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(ascii(d["workspace"]), ascii(d["imports"][1]["file"]))'
python3 -c '
import json
print(ascii(json.load(open("r.json", encoding="utf-8"))["workspace"]))'
# --title: refused with the option named, nothing written
log "$CITYIDX" --db "$ws" chart tiers -o t.svg --title "$(printf 'a\033[31mb')"
log "$CITYIDX" --db "$ws" chart tiers -o t.svg --title "$(printf 'two\nlines')"
log "$CITYIDX" --db "$ws" report -o r.pdf --title "$(printf 'GBK \261\261\276\251')"
log "$CITYIDX" --db "$ws" report -o r.pdf --title "$(printf 'x\342\200\256y')"
ls t.svg r.pdf 2>/dev/null
log "$CITYIDX" --db "$ws" chart tiers -o t.svg --title "北京 2017 梯队"
cat out.log err.log
# no output above holds a control character other than a line break, or
# a byte that is not UTF-8
python3 - <<'PY'
for name in ("out.log", "err.log"):
    b = open(name, "rb").read()
    t = b.decode("utf-8")
    bad = [c for c in t if (ord(c) < 0x20 and c != "\n") or
           0x7f <= ord(c) <= 0x9f or 0x202a <= ord(c) <= 0x202e]
    assert not bad, (name, bad)
print("clean: UTF-8, no control characters")
PY
