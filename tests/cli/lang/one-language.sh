# one language per output (issue 15 §5): every chart type, every report
# page, explain and the workbook of the UK and China demo data, in
# Chinese and in English.  A Chinese output may keep ASCII words only
# where they are names or codes: the words of the units files, the
# framework's codes, Chinese names and units of measure, the base layers,
# identifiers with an underscore (codes, column names), the program's
# name, the names of people and methods, and the functions of formulas;
# the framework's units of measure, descriptions and sources are its
# author's text.  An English output may keep Chinese characters only
# inside the names of the units files (names, provinces) and those texts
# of the framework.
"$CITYIDX" --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
"$CITYIDX" --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" \
    "$ROOT/data/uk/boundaries.csv" "$ROOT/data/uk/layers.csv" >/dev/null 2>&1
"$CITYIDX" --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
"$CITYIDX" --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" \
    "$ROOT/data/cn/boundaries.csv" "$ROOT/data/cn/layers.csv" >/dev/null 2>&1
mc="--draws 40 --alt-normalize rank --alt-aggregate geom --weights-noise 0.2"
for ws in uk:2017:UKI3 cn:2012:110100; do
	db=${ws%%:*}; rest=${ws#*:}; year=${rest%%:*}; unit=${rest#*:}
	for l in zh en; do
		for t in tiers pillars movers heatmap map trend; do
			"$CITYIDX" --db $db.db chart $t --year $year --lang $l \
			    -o $db-$l-$t.pdf 2>/dev/null || echo "$db $l $t failed"
		done
		"$CITYIDX" --db $db.db chart heatmap --of indicators --year $year \
		    --lang $l -o $db-$l-heatmap-ind.pdf 2>/dev/null || echo "$db $l heatmap failed"
		"$CITYIDX" --db $db.db chart profile $unit --year $year --lang $l \
		    -o $db-$l-profile.pdf 2>/dev/null || echo "$db $l profile failed"
		"$CITYIDX" --db $db.db chart uncertainty --year $year --lang $l $mc \
		    -o $db-$l-uncertainty.pdf 2>/dev/null || echo "$db $l uncertainty failed"
		"$CITYIDX" --db $db.db report --year $year --lang $l $mc \
		    -o $db-$l-report.pdf 2>/dev/null || echo "$db $l report failed"
		for f in $db-$l-*.pdf; do
			pdftotext -layout $f ${f%.pdf}.txt
		done
		"$CITYIDX" --db $db.db explain $unit --year $year --compare \
		    $((year - 1)) --lang $l >$db-$l-explain.txt 2>/dev/null ||
		    echo "$db $l explain failed"
		"$CITYIDX" --db $db.db rank --year $year --lang $l --format xlsx \
		    -o $db-$l.xlsx 2>/dev/null || echo "$db $l xlsx failed"
		xlsx2csv -a $db-$l.xlsx >$db-$l-xlsx.txt
	done
done
# the appendix of other methods: z-scores, outlier treatment, imputation
"$CITYIDX" --db uk.db report --year 2017 --lang zh --normalize zscore:50,10 \
    --treat --impute mean -o uk-zh-report-zscore.pdf 2>/dev/null || echo "zscore report failed"
"$CITYIDX" --db cn.db report --year 2012 --lang zh --method topsis \
    -o cn-zh-report-topsis.pdf 2>/dev/null || echo "topsis report failed"
for f in uk-zh-report-zscore.pdf cn-zh-report-topsis.pdf; do
	pdftotext -layout $f ${f%.pdf}.txt
done
ls *-report.pdf | while read -r f; do
	printf '%s: %s pages\n' "$f" "$(pdfinfo $f | awk '/^Pages/ { print $2 }')"
done
/usr/bin/python3 - "$ROOT" <<'PY'
import csv, glob, re, sys
root = sys.argv[1]
def cells(path):
    with open(path, encoding="utf-8-sig") as f:
        for row in csv.reader(f):
            for c in row:
                yield c
names = {"uk": ["data/uk/regions.csv", "data/uk/uk-nuts2.csv",
                "data/uk/layers.csv"],
         "cn": ["data/cn/cities.csv", "data/cn/layers.csv"]}
frames = {"uk": "indicators/uk-innovation.csv", "cn": "indicators/cn-cities.csv"}
ascii_word = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
cjk = re.compile(r"[\u3400-\u9fff]+")
# the workbook names its workspace file and the framework's checksum
hexstr = re.compile(r"^[0-9a-f]{16,}$")
fixed = {"db", "uk", "cn", "cityidx", "min", "max", "sum", "ln", "exp", "sqrt", "log",
         "Pearson", "Cronbach", "JRC", "SHA", "TOPSIS", "MPI", "AMPI"}
bad = 0
for db in ("uk", "cn"):
    texts = []
    for p in names[db]:
        if p.endswith("layers.csv"):
            with open(root + "/" + p, encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    texts += [row.get("name") or "", row.get("name_en") or ""]
        else:
            texts += list(cells(root + "/" + p))
    allowed_zh = set(fixed)
    for t in texts:
        allowed_zh.update(ascii_word.findall(t))
    # the framework's own texts: its units of measure, and the
    # description and source of an indicator as its author wrote them
    framework_texts = []
    with open(root + "/" + frames[db], encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for k in ("code", "name_zh", "unit", "denominator",
                      "description", "source"):
                allowed_zh.update(ascii_word.findall(row.get(k) or ""))
            for k in ("unit", "description", "source"):
                framework_texts.append(row.get(k) or "")
    cjk_names = [t for t in texts + framework_texts if cjk.search(t)]
    for path in sorted(glob.glob(db + "-*.txt")):
        lang = path.split("-")[1]
        # ascii_word starts at a letter: a checksum is cut at its first
        # letter, so take hex runs whole
        text = re.sub(r"\b[0-9a-f]{16,}\b", " ", open(path, encoding="utf-8").read()) if lang == "zh" else None
        if text is None:
            text = open(path, encoding="utf-8").read()
        if lang == "zh":
            words = {w for w in ascii_word.findall(text)
                     if len(w) > 1 and "_" not in w and w not in allowed_zh
                     and not hexstr.match(w)}
        else:
            words = {w for w in cjk.findall(text)
                     if not any(w in n for n in cjk_names)}
        if words:
            bad += 1
            print("%s: %s" % (path, " ".join(sorted(words)[:12])))
        else:
            print("%s: one language" % path)
print("outputs in two languages: %d" % bad)
PY
