#!/bin/sh
# convert.sh - turn the bundled UK BEIS/Nesta innovation indicators (data/uk/raw/) into
# cityidx input files:
#   OUTDIR/regions.csv    units file: code,name,name_en,nuts_level,country
#   OUTDIR/uk-nuts2.csv   long layout unit,indicator,year,value (NUTS2 regions)
#   OUTDIR/uk-nuts3.csv   long layout unit,indicator,year,value (NUTS3 regions)
#   OUTDIR/boundaries.csv units file code,boundary: the 41 NUTS2 (2016) outlines
#                         of raw/uk-nuts2-2016-boundaries (ONS, OGL v3), as WKT
#   OUTDIR/layers.csv     layers file: the credit line the OGL asks for
# Indicator codes are those of indicators/uk-innovation.csv.
#
# Usage (from the repository root):  sh data/uk/convert.sh [OUTDIR]   (OUTDIR defaults to data/uk)
# POSIX sh + awk (tested with mawk and gawk; set AWK=gawk to choose one). Reads only data/uk/raw/.
# A summary of kept/dropped rows goes to stderr. See data/uk/README.md for the rules.
#
# Rules, in order, for every upstream row (year,nuts_id,nuts_year_spec,value):
#   1. empty value                                   -> dropped ("empty")
#   2. nuts_id not a code of the NUTS 2016 table     -> dropped ("not2016"; split by spec 2016 / older)
#   3. older spec (2006/2010/2013) and nuts_id in Scotland (UKM*) or Northern Ireland (UKN*)
#                                                    -> dropped ("oldScotNI")
#   4. otherwise kept; the value text is copied verbatim (no arithmetic).
#   5. if (unit,indicator,year) occurs more than once, the row with the newest spec is kept
#      ("duplicate"; ties broken by the value text, so the result is deterministic).
set -eu
LC_ALL=C
export LC_ALL

AWK=${AWK:-awk}
HERE=$(dirname "$0")
RAW=$HERE/raw
OUT=${1:-$HERE}
NAMES=$RAW/names/nuts_names_2016.uk.csv

if [ ! -r "$NAMES" ]; then
    echo "convert.sh: cannot read $NAMES (run as: sh data/uk/convert.sh [OUTDIR])" >&2
    exit 1
fi
mkdir -p "$OUT"
TMP=${TMPDIR:-/tmp}/cityidx-uk-convert.$$
rm -rf "$TMP"
mkdir "$TMP"
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' HUP INT TERM

# framework code, NUTS level of the file, file under raw/.  Not converted, though
# kept in raw/: defra/air_pollution_mean_pm10 and migration/net_migration_rate_internal
# (they run against every innovation measure and made the environment and market
# pillars' Cronbach's alpha negative; see README.md, "Indicators left out").
cat > "$TMP/map" <<'EOF'
NVQ4          2 aps/aps_nvq4_education_data.nuts2.csv
NVQ4          3 aps/aps_nvq4_education_data.nuts3.csv
STEM_ACTIVE   2 aps/aps_econ_active_stem_density_data.nuts2.csv
STEM_ACTIVE   3 aps/aps_econ_active_stem_density_data.nuts3.csv
STEM_STUDENTS 2 hesa/total_stem_students.nuts2.csv
STEM_STUDENTS 3 hesa/total_stem_students.nuts3.csv
POSTGRADS     2 hesa/total_postgraduates.nuts2.csv
POSTGRADS     3 hesa/total_postgraduates.nuts3.csv
BUS_RD_STAFF  2 eurostat/eurostat_private_rd_headcount_workforce_data.nuts2.csv
GDP           2 eurostat/eurostat_gdp_per_capita.nuts2.csv
HH_INCOME     2 eurostat/eurostat_private_households_income.nuts2.csv
ECI           2 industry/economic_complexity_index.nuts2.csv
ECI           3 industry/economic_complexity_index.nuts3.csv
HITECH_EMP    2 industry/employment_high_tech.nuts2.csv
GRAD_STARTUPS 2 hebci/graduate_startups.nuts2.csv
GRAD_STARTUPS 3 hebci/graduate_startups.nuts3.csv
PATENTS       2 eurostat/epo_patent_applications.nuts2.csv
PATENTS       3 eurostat/epo_patent_applications.nuts3.csv
TRADEMARKS    2 eurostat/eu_trademark_applications.nuts2.csv
TRADEMARKS    3 eurostat/eu_trademark_applications.nuts3.csv
BROADBAND     2 broadband/broadband_download_speed_data.nuts2.csv
BROADBAND     3 broadband/broadband_download_speed_data.nuts3.csv
BERD          2 eurostat/eurostat_berd_data.nuts2.csv
HE_RD_SPEND   2 eurostat/eurostat_higher_ed_rd_workforce_data.nuts2.csv
INNOVATE_UK   2 innovate_uk/gbp_innovate_uk_funding.nuts2.csv
INNOVATE_UK   3 innovate_uk/gbp_innovate_uk_funding.nuts3.csv
CORDIS        2 cordis/cordis_funding.nuts2.csv
CORDIS        3 cordis/cordis_funding.nuts3.csv
SPINOFF_INV   2 hebci/spinoff_investment.nuts2.csv
SPINOFF_INV   3 hebci/spinoff_investment.nuts3.csv
EOF

# Shared awk function: split one RFC 4180 CSV line into f[1..n] (quoted fields, "" escapes).
CSVFN='
function csvsplit(s, f,    n, i, c, q, fld, len) {
    sub(/\r$/, "", s)
    n = 0; fld = ""; q = 0; len = length(s)
    for (i = 1; i <= len; i++) {
        c = substr(s, i, 1)
        if (q) {
            if (c == "\"") {
                if (substr(s, i + 1, 1) == "\"") { fld = fld "\""; i++ } else q = 0
            } else fld = fld c
        } else if (c == "\"") q = 1
        else if (c == ",") { f[++n] = fld; fld = "" }
        else fld = fld c
    }
    f[++n] = fld
    return n
}
function die(msg) { printf "convert.sh: %s\n", msg > "/dev/stderr"; err = 1; exit 1 }
'

# Step 1: read every mapped file, apply rules 1-4.
# Output lines: unit,indicator,year,spec,value   Stats: one line per file.
"$AWK" -v raw="$RAW" -v names="$NAMES" -v stats="$TMP/stats" "$CSVFN"'
BEGIN {
    # NUTS 2016 codes (column NUTS_ID located by header name)
    if ((getline line < names) <= 0) die("empty " names)
    nh = csvsplit(line, h); ci = 0
    for (i = 1; i <= nh; i++) if (h[i] == "NUTS_ID") ci = i
    if (!ci) die("no NUTS_ID column in " names)
    while ((getline line < names) > 0) { csvsplit(line, f); in2016[f[ci]] = 1 }
    close(names)
    nf = 0
}
NF == 0 || $1 ~ /^#/ { next }
{
    code = $1; lvl = $2; file = raw "/" $3
    if ((getline line < file) <= 0) die("cannot read " file)
    sub(/\r$/, "", line)
    split(line, h, ",")
    if (h[1] != "year" || h[2] != "nuts_id" || h[3] != "nuts_year_spec") die("unexpected header in " file ": " line)
    nread = nkept = nempty = nnot16 = nnot16old = noldsn = 0
    while ((getline line < file) > 0) {
        sub(/\r$/, "", line)
        if (line == "") continue
        n = split(line, f, ",")
        if (n != 4) die(file ": not 4 fields: " line)
        nread++
        year = f[1]; id = f[2]; spec = f[3]; val = f[4]
        if (year !~ /^[0-9][0-9][0-9][0-9]$/) die(file ": bad year: " line)
        if (spec !~ /^(2006|2010|2013|2016)$/) die(file ": unexpected nuts_year_spec: " line)
        if (length(id) != lvl + 2) die(file ": nuts_id of wrong level: " line)
        if (val == "") { nempty++; continue }
        if (val !~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/) die(file ": not a plain number: " line)
        if (!(id in in2016)) { if (spec == "2016") nnot16++; else nnot16old++; continue }
        if (spec != "2016" && id ~ /^UK[MN]/) { noldsn++; continue }
        print id "," code "," year "," spec "," val
        nkept++
    }
    close(file)
    printf "%s %s %s %d %d %d %d %d %d\n", code, lvl, $3, nread, nkept, nempty, nnot16, nnot16old, noldsn > stats
}
END { if (err) exit 1 }
' "$TMP/map" > "$TMP/rows"

# Step 2: sort by unit, indicator, year, newest spec first, then value text; keep the first of each key.
sort -t, -k1,1 -k2,2 -k3,3 -k4,4r -k5,5 "$TMP/rows" |
"$AWK" -F, -v dups="$TMP/dups" '
{
    key = $1 "," $2 "," $3
    if (key == prev) { printf "%s spec %s value %s\n", key, $4, $5 > dups; next }
    prev = key
    print $1 "," $2 "," $3 "," $5
}' > "$TMP/long"
[ -f "$TMP/dups" ] || : > "$TMP/dups"

# Step 3: split by NUTS level.
"$AWK" -F, -v o2="$TMP/uk-nuts2.csv" -v o3="$TMP/uk-nuts3.csv" '
BEGIN { print "unit,indicator,year,value" > o2; print "unit,indicator,year,value" > o3 }
length($1) == 4 { print > o2; next }
length($1) == 5 { print > o3; next }
{ printf "convert.sh: unexpected unit %s\n", $1 > "/dev/stderr"; exit 1 }
' "$TMP/long"

# Step 4: units file - every NUTS 2016 region that has at least one value.
"$AWK" -F, -v names="$NAMES" "$CSVFN"'
function q(s) { if (s ~ /[",\n]/) { gsub(/"/, "\"\"", s); return "\"" s "\"" } return s }
BEGIN {
    if ((getline line < names) <= 0) die("empty " names)
    nh = csvsplit(line, h); ci = cn = 0
    for (i = 1; i <= nh; i++) { if (h[i] == "NUTS_ID") ci = i; if (h[i] == "NUTS_NAME") cn = i }
    if (!ci || !cn) die("no NUTS_ID/NUTS_NAME column in " names)
    while ((getline line < names) > 0) { csvsplit(line, f); name[f[ci]] = f[cn] }
    close(names)
    print "code,name,name_en,nuts_level,country"
}
$1 != prev {
    prev = $1
    if (!($1 in name)) die("no name for " $1)
    c = "England"
    if ($1 ~ /^UKM/) c = "Scotland"; else if ($1 ~ /^UKL/) c = "Wales"; else if ($1 ~ /^UKN/) c = "Northern Ireland"
    print $1 "," q(name[$1]) "," q(name[$1]) ",NUTS" (length($1) - 2) "," c
}
END { if (err) exit 1 }
' "$TMP/long" > "$TMP/regions.csv"

# Step 5: boundaries - the ONS NUTS2 outlines, copied after checking that
# they are exactly the NUTS2 regions of regions.csv (header code,boundary,
# one quoted POLYGON or MULTIPOLYGON each), sorted by code; and the credit
# the Open Government Licence asks for, printed under every map.
BOUND=$RAW/uk-nuts2-2016-boundaries/boundaries.csv
[ -r "$BOUND" ] || { echo "convert.sh: cannot read $BOUND" >&2; exit 1; }
"$AWK" -v REG="$TMP/regions.csv" '
function die(m) { printf "convert.sh: %s\n", m > "/dev/stderr"; err = 1; exit 1 }
BEGIN {
    while ((getline line < REG) > 0)
        if (line ~ /^UK[A-Z0-9]+,/ && line ~ /,NUTS2,/) { split(line, f, ","); want[f[1]] = 1; nw++ }
    close(REG)
}
{ sub(/\r$/, "") }
NR == 1 { if ($0 != "code,boundary") die(FILENAME ": header is not code,boundary"); print; next }
{
    k = index($0, ",")
    code = substr($0, 1, k - 1); w = substr($0, k + 1)
    if (!(code in want)) die(FILENAME ":" NR ": " code " is not a NUTS2 region of regions.csv")
    if (code in seen) die(FILENAME ":" NR ": second row for " code)
    if (code <= last) die(FILENAME ":" NR ": not sorted by code")
    if (w !~ /^"(POLYGON|MULTIPOLYGON)\(.*\)"$/ || index(substr(w, 2, length(w) - 2), "\""))
        die(FILENAME ":" NR ": " code ": expected a quoted POLYGON or MULTIPOLYGON")
    seen[code] = 1; last = code; n++
    print
}
END {
    if (err) exit 1
    for (c in want) if (!(c in seen)) die("no boundary for " c)
    printf "  boundaries.csv: %d NUTS2 outlines\n", n > "/dev/stderr"
}
' "$BOUND" > "$TMP/boundaries.csv"
{
    echo "layer,name,name_en,boundary"
    # the attribution statement of the licence, as ONS gives it (an
    # English statement: a Chinese figure prints it too)
    echo 'credit,,"Contains National Statistics data © Crown copyright and database right 2017. Contains OS data © Crown copyright and database right 2017. Source: Office for National Statistics, NUTS Level 2 (January 2018) Boundaries, licensed under the Open Government Licence v3.0.",'
} > "$TMP/layers.csv"

for f in regions.csv uk-nuts2.csv uk-nuts3.csv boundaries.csv layers.csv; do
    cp "$TMP/$f" "$OUT/$f"
done

# Summary to stderr.
{
    echo "convert.sh: rows per upstream file (read kept | dropped: empty, not-in-NUTS2016 spec2016, not-in-NUTS2016 older-spec, older-spec Scotland/NI)"
    "$AWK" '{ printf "  %-14s NUTS%s read %5d kept %5d | %3d %3d %4d %4d  %s\n", $1, $2, $4, $5, $6, $7, $8, $9, $3
              r += $4; k += $5; e += $6; a += $7; b += $8; c += $9 }
            END { printf "  %-14s       read %5d kept %5d | %3d %3d %4d %4d\n", "TOTAL", r, k, e, a, b, c }' "$TMP/stats"
    echo "  duplicates (unit,indicator,year) removed: $(wc -l < "$TMP/dups" | tr -d ' ')"
    sed 's/^/    dropped duplicate: /' "$TMP/dups"
    echo "  written to $OUT: regions.csv $(($(wc -l < "$TMP/regions.csv") - 1)) units, uk-nuts2.csv $(($(wc -l < "$TMP/uk-nuts2.csv") - 1)) rows, uk-nuts3.csv $(($(wc -l < "$TMP/uk-nuts3.csv") - 1)) rows"
} >&2
