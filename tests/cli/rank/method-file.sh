# the JSON output carries the method; --method-file reruns it exactly
A="$DATA/asem"
"$CITYIDX" --db a.db init --framework "$A/ASEM_iMeta.csv" >/dev/null
"$CITYIDX" --db a.db import "$A/ASEM_iData.csv" >/dev/null
"$CITYIDX" --db a.db rank --denominate --impute group-mean:EurAsia_group --screen 0.9 --treat=2.25,3.5,5 \
    --normalize minmax:1,100 --aggregate 2=geom --weights "$A/ASEM_weights_alt.csv" --format json > run1.json
"$CITYIDX" --db a.db rank --method-file run1.json --format json > run2.json
python3 - <<'PY'
import json
a = json.load(open("run1.json")); b = json.load(open("run2.json"))
print("method equal:", {k: v for k, v in a["method"].items() if k not in ("weights_file",)} ==
      {k: v for k, v in b["method"].items() if k not in ("weights_file",)})
print("units equal:", a["units"] == b["units"])
print("treated:", sorted(k for k, v in a["preparation"]["treatment"].items() if v["action"] != "none")[:5])
PY
printf '{"method": {"normalise": "wobble"}}' > bad.json
"$CITYIDX" --db a.db rank --method-file bad.json; echo "exit $?"
printf '{"method": {"normalise": ' > cut.json
"$CITYIDX" --db a.db rank --method-file cut.json; echo "exit $?"
# an option on the command line wins over the file
cx --db a.db rank --method-file run1.json --normalize zscore --aggregate arith --format json |
    python3 -c 'import json,sys; m=json.load(sys.stdin)["method"]; print(m["normalise"], m["aggregate"], m["impute"])'
# a UTF-8 byte-order mark (as Notepad saves) is read past; UTF-16 is named
printf '\357\273\277' > bom.json
cat run1.json >> bom.json
cx --db a.db rank --method-file bom.json --format json > run3.json
python3 -c 'import json; print("with a BOM, units equal:", json.load(open("run2.json"))["units"] == json.load(open("run3.json"))["units"])'
printf '\377\376{\000}\000' > utf16.json
"$CITYIDX" --db a.db rank --method-file utf16.json 2>&1; echo "exit $?"
