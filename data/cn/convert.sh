#!/bin/sh
# convert.sh - build the cityidx Chinese-city data files from data/cn/raw/.
#
# Usage (from the repository root):  sh data/cn/convert.sh [OUTDIR]
#   OUTDIR defaults to data/cn.  Writes OUTDIR/cities.csv (units file),
#   OUTDIR/cn-cities.csv (long layout unit,indicator,year,value) for the
#   framework indicators/cn-cities.csv, OUTDIR/boundaries.csv (units file
#   code,name,province,boundary: the 2020 boundary as WKT of every
#   prefecture-level unit of the census, 369, those without data too) and
#   OUTDIR/layers.csv (layers file layer,name,name_en,boundary: province
#   outlines, Taiwan, the South China Sea islands, the nine-dash line, the
#   inset and extent of the national map, the credit line).  A summary of
#   every cleaning rule is printed on standard error.  Needs only a POSIX
#   sh and awk (mawk or gawk); set AWK=... to choose the awk.  Output is
#   deterministic.
#
# Every rule applied here is described in data/cn/README.md.

set -eu
LC_ALL=C
export LC_ALL

here=$(dirname "$0")
raw=$here/raw
out=${1:-$here}
awk=${AWK:-awk}

census=$raw/cn-city-census-2010-2020/census_city_2010-2020_v1_nogeom.csv
geom=$raw/cn-city-census-2010-2020/census_city_2010-2020_v1.csv
panel=$raw/cn-city-panel-2004-2012/cities_2004_2012.csv
firm=$raw/cn-city-firms-2015/firm_yearbook.csv
names=$here/names-en.csv
base=$raw/cn-base-layers

for f in "$census" "$geom" "$panel" "$firm" "$names" "$base/provinces.csv" \
    "$base/taiwan.csv" "$base/south-china-sea-islands.csv" \
    "$base/nine-dash-line.csv"; do
	if [ ! -r "$f" ]; then
		echo "convert.sh: cannot read $f" >&2
		exit 1
	fi
done
mkdir -p "$out"
units_tmp=$out/cities.csv.tmp
data_tmp=$out/cn-cities.csv.tmp
bound_tmp=$out/boundaries.csv.tmp
layers_tmp=$out/layers.csv.tmp
trap 'rm -f "$units_tmp" "$data_tmp" "$bound_tmp" "$layers_tmp"' EXIT

# the English names of the provincial-level units, by code: the
# `province_en` attribute of the cities and the names of the province layer
prov_en="110000 Beijing|120000 Tianjin|130000 Hebei|140000 Shanxi|150000 Inner Mongolia|\
210000 Liaoning|220000 Jilin|230000 Heilongjiang|310000 Shanghai|320000 Jiangsu|\
330000 Zhejiang|340000 Anhui|350000 Fujian|360000 Jiangxi|370000 Shandong|\
410000 Henan|420000 Hubei|430000 Hunan|440000 Guangdong|450000 Guangxi|\
460000 Hainan|500000 Chongqing|510000 Sichuan|520000 Guizhou|530000 Yunnan|\
540000 Tibet|610000 Shaanxi|620000 Gansu|630000 Qinghai|640000 Ningxia|\
650000 Xinjiang|810000 Hong Kong|820000 Macao"

# shellcheck disable=SC2016 # the awk program is single-quoted on purpose
"$awk" -v PROV_EN="$prov_en" -v OUT_UNITS="$units_tmp" -v OUT_DATA="$data_tmp" '
function die(msg) {
	printf "convert.sh: %s\n", msg > "/dev/stderr"
	failed = 1
	exit 1
}
function note(msg) { printf "%s\n", msg > "/dev/stderr" }
function csvq(s) {
	if (index(s, ",") || index(s, "\"") || index(s, "\n")) {
		gsub(/"/, "\"\"", s)
		return "\"" s "\""
	}
	return s
}
function isnum(s) { return s ~ /^[0-9]+(\.[0-9]+)?$/ }
function fmt(x) { return sprintf("%.17g", x) }
# insertion sort of a[1..n] (string order)
function sortarr(a, n,    i, j, t) {
	for (i = 2; i <= n; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] > t; j--)
			a[j + 1] = a[j]
		a[j + 1] = t
	}
}
# column index of header name h in the current record, or die
function col(h, what,    i) {
	for (i = 1; i <= NF; i++)
		if ($i == h)
			return i
	die(FILENAME ": no column \"" h "\" (" what ")")
}
# Census count of unit cd in year y (arrays c10, c20: 2010 and 2020 values):
# the 2010 value up to 2010, interpolated geometrically between 2010 and 2020
# after that and rounded to whole persons; "" when a value needed is missing
# or when the area of the unit in year y differed from its 2020 area (area_to).
function census_at(c10, c20, cd, y) {
	if ((cd in area_to) && y + 0 <= area_to[cd]) return ""
	if (!(cd in c10)) return ""
	if (y + 0 <= 2010) return c10[cd]
	if (!(cd in c20)) return ""
	return sprintf("%.0f", c10[cd] * exp((y - 2010) / 10 * log(c20[cd] / c10[cd]))) + 0
}
# does unit-year key have a value of any indicator written so far?
function hasdata(key,    i) {
	for (i = 1; i <= NI; i++)
		if ((key, IND[i]) in O)
			return 1
	return 0
}
# name -> admin code; sets RES_ALIAS; returns "" for a dropped name
function resolve(name) {
	RES_ALIAS = 0
	if (name in c2code)
		return c2code[name]
	if (name in alias) {
		RES_ALIAS = 1
		return c2code[alias[name]]
	}
	if (name in dropname) {
		ndropped[name]++
		return ""
	}
	die(FILENAME ":" FNR ": city name \"" name "\" matches no census name " \
	    "and no known variant (add it to the alias or drop list)")
}

BEGIN {
	FS = ","
	failed = 0

	# Name variants, mapped to the census (2020-boundary) name.
	alias["毫州市"] = "亳州市"	# typo (毫 for 亳)
	alias["思茅市"] = "普洱市"	# renamed 2007
	# Names with no 2020-boundary unit: rows dropped.
	dropname["巢湖市"] = "abolished 2011, split among 合肥/芜湖/马鞍山"
	dropname["莱芜市"] = "abolished 2019, merged into 济南市"

	# Panel columns used (upstream header names, exact).
	# IND only serves rule C (rows that describe a different area).
	NK = split("GDP IND RETAIL FDI FISC POP BEDS HLTH SO2 WASTE GREEN", K, " ")
	H["GDP"]    = "地区生产总值_当年价格_全市_万元"
	H["IND"]    = "规模以上工业总产值_全市_万元"
	H["RETAIL"] = "社会消费品零售额_全市_万元"
	H["FDI"]    = "外商实际投资额_全市_万美元"
	H["FISC"]   = "财政收入 市 占GDP比重"
	H["POP"]    = "年末总人口_全市_万人"
	H["BEDS"]   = "医院、卫生院床位数_全市_张"
	H["HLTH"]   = "每千人拥有卫生技术人员数 市"
	H["SO2"]    = "工业二氧化硫排放量_全市_吨"
	H["WASTE"]  = "生活垃圾无害化处理率_全市_百分比"
	H["GREEN"]  = "绿化覆盖率_市辖区_百分比%"

	# Rule Z: a 0 is missing in every used column except FDI.
	split("GDP IND RETAIL FISC POP BEDS HLTH SO2 WASTE GREEN", t, " ")
	for (i in t) zero_missing[t[i]] = 1
	# Rule B: provinces whose 2011 population column is scrambled.
	split("河南省 山东省 湖南省 湖北省 广东省", t, " ")
	for (i in t) pop2011_bad[t[i]] = 1
	# Rule B: province whose 2015 new-firm counts are incomplete (8 of its
	# 10 prefectures absent from the firm file, the 2 present lowest).
	firm_bad["陕西省"] = 1
	# Rule J: columns checked for isolated jumps.
	NJ = split("RETAIL POP BEDS HLTH SO2", JC, " ")

	NY = split("2004 2005 2006 2007 2008 2009 2010 2011 2012", Y, " ")

	# Census values (resident population, working-age population) are
	# for 2020 boundaries.  A unit whose area in a data year differed
	# from its 2020 area gets no census-based value for that year:
	# area_to[code] = the last data year on the old area.
	area_to["340100"] = 2010; area_why["340100"] = "巢湖市 split in 2011"	# 合肥
	area_to["340200"] = 2010; area_why["340200"] = "巢湖市 split in 2011"	# 芜湖
	area_to["340500"] = 2010; area_why["340500"] = "巢湖市 split in 2011"	# 马鞍山
	area_to["340400"] = 2015; area_why["340400"] = "寿县 from 六安, 2015/16"	# 淮南
	area_to["341500"] = 2015; area_why["341500"] = "寿县 to 淮南, 2015/16"	# 六安
	area_to["340700"] = 2015; area_why["340700"] = "枞阳县 from 安庆, 2015"	# 铜陵
	area_to["340800"] = 2015; area_why["340800"] = "枞阳县 to 铜陵, 2015"	# 安庆
	area_to["510100"] = 2015; area_why["510100"] = "简阳 from 资阳, 2016"	# 成都
	area_to["512000"] = 2015; area_why["512000"] = "简阳 to 成都, 2016"	# 资阳
	area_to["370100"] = 2018; area_why["370100"] = "莱芜市 merged in 2019"	# 济南
	area_to["220100"] = 2019; area_why["220100"] = "公主岭 from 四平, 2020"	# 长春
	area_to["220300"] = 2019; area_why["220300"] = "公主岭 to 长春, 2020"	# 四平

	# Indicators written (sorted below).
	NI = split("T_WORKAGE T_HEALTH T_HEALTHPC T_EMPLOY M_GDP M_RETAIL M_GDPPC M_NEWFIRM M_NEWFIRMPC E_BEDS E_BEDSPC E_GREEN E_WASTE E_SO2 C_FDI C_FDIPC C_FISC C_BUDGET C_BUDGETPC", IND, " ")
}

FNR == 1 {
	fi++
	sub(/^\357\273\277/, "")
}
{
	sub(/\r$/, "")
	if (index($0, "\""))
		die(FILENAME ":" FNR ": quoted fields are not supported")
	if ($0 == "")
		next
}

# ---- census list: code, name, province --------------------------------
fi == 1 && FNR == 1 {
	cc_city = col("city", "census"); cc_code = col("city_code", "census")
	cc_prov = col("province", "census"); cc_pop10 = col("popu_2010", "census")
	cc_pop20 = col("popu_2020", "census")
	cc_wa10 = col("age_15_59_2010", "census"); cc_wa20 = col("age_15_59_2020", "census")
	cnf = NF
	next
}
fi == 1 {
	if (NF != cnf) die(FILENAME ":" FNR ": " NF " fields, header has " cnf)
	nm = $cc_city; cd = $cc_code
	if (cd !~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/)
		die(FILENAME ":" FNR ": bad city_code \"" cd "\"")
	if (nm in c2code) die(FILENAME ":" FNR ": duplicate name " nm)
	if (cd in cname) die(FILENAME ":" FNR ": duplicate code " cd)
	if ($cc_prov == "") die(FILENAME ":" FNR ": empty province")
	c2code[nm] = cd; cname[cd] = nm; cprov[cd] = $cc_prov
	if (isnum($cc_pop10) && $cc_pop10 > 0) cpop10[cd] = $cc_pop10 + 0
	if (isnum($cc_pop20) && $cc_pop20 > 0) cpop20[cd] = $cc_pop20 + 0
	# working-age (15-59) residents = population x share (%), whole persons
	if ((cd in cpop10) && isnum($cc_wa10) && $cc_wa10 > 0)
		cwa10[cd] = sprintf("%.0f", cpop10[cd] * $cc_wa10 / 100) + 0
	if ((cd in cpop20) && isnum($cc_wa20) && $cc_wa20 > 0)
		cwa20[cd] = sprintf("%.0f", cpop20[cd] * $cc_wa20 / 100) + 0
	next
}

# ---- panel 2004-2012 ------------------------------------------------------
fi == 2 && FNR == 1 {
	pc_city = col("城市", "panel"); pc_year = col("年份", "panel")
	for (k = 1; k <= NK; k++) PC[K[k]] = col(H[K[k]], "panel")
	pnf = NF
	next
}
fi == 2 {
	if (NF != pnf) die(FILENAME ":" FNR ": " NF " fields, header has " pnf)
	nm = $pc_city; yr = $pc_year
	if (yr !~ /^20(0[4-9]|1[0-2])$/) die(FILENAME ":" FNR ": year \"" yr "\"")
	nin++
	cd = resolve(nm)
	if (cd == "") next
	key = cd SUBSEP yr
	if (key in prow) {
		# Same unit and year twice: a row under the census name wins
		# over a row under a variant; anything else is an error.
		if (palias[key] && !RES_ALIAS) {
			note("duplicate " cd " " yr ": kept " nm ", dropped " pname[key])
			ndup++
		} else if (!palias[key] && RES_ALIAS) {
			note("duplicate " cd " " yr ": kept " pname[key] ", dropped " nm)
			ndup++
			next
		} else
			die(FILENAME ":" FNR ": second row for " nm " " yr)
	}
	if (RES_ALIAS) naliased[nm]++
	prow[key] = 1; pname[key] = nm; palias[key] = RES_ALIAS; used[cd] = 1
	for (k = 1; k <= NK; k++) {
		v = $(PC[K[k]])
		if (v != "" && !isnum(v))
			die(FILENAME ":" FNR ": " H[K[k]] ": not a plain number: \"" v "\"")
		V[key, K[k]] = v
	}
	next
}

# ---- firm/yearbook 2015 -----------------------------------------------------
fi == 3 && FNR == 1 {
	fc_city = col("city", "firm"); fc_firm = col("firm_total", "firm")
	fc_gdp = col("GDP10000", "firm"); fc_fisc = col("Fiscal10000", "firm")
	fc_emp = col("Employment", "firm"); fnf = NF
	next
}
fi == 3 {
	if (NF != fnf) die(FILENAME ":" FNR ": " NF " fields, header has " fnf)
	nin15++
	cd = resolve($fc_city)
	if (cd == "") next
	if (cd in frow) die(FILENAME ":" FNR ": second row for " $fc_city)
	if (RES_ALIAS) naliased[$fc_city]++
	frow[cd] = 1; used[cd] = 1
	F["FIRM", cd] = $fc_firm; F["GDP", cd] = $fc_gdp
	F["FISC", cd] = $fc_fisc; F["EMP", cd] = $fc_emp
	split("FIRM GDP FISC EMP", t, " ")
	for (i = 1; i <= 4; i++) {
		v = F[t[i], cd]
		if (v != "" && !isnum(v))
			die(FILENAME ":" FNR ": " t[i] ": not a plain number: \"" v "\"")
		if (v != "" && v + 0 == 0) { F[t[i], cd] = ""; nz15++ }
	}
	next
}

# ---- English names: code,name,name_en -----------------------------------------
fi == 4 && FNR == 1 {
	if ($0 != "code,name,name_en") die(FILENAME ": header is not code,name,name_en")
	next
}
fi == 4 {
	if (NF != 3 || $3 == "") die(FILENAME ":" FNR ": expected code,name,name_en")
	if (!($1 in cname)) die(FILENAME ":" FNR ": code " $1 " is not in the census list")
	if ($2 != cname[$1]) die(FILENAME ":" FNR ": " $1 " is " cname[$1] " in the census list, not " $2)
	if ($1 in ename) die(FILENAME ":" FNR ": second row for " $1)
	ename[$1] = $3
	next
}

END {
	if (failed) exit 1
	if (fi != 4) die("expected 4 input files")

	NU = 0
	for (cd in used) U[++NU] = cd
	sortarr(U, NU)
	for (i = 1; i <= NI; i++) SI[i] = IND[i]
	sortarr(SI, NI)

	# ---- Rule C: GDP, industrial output and retail sales all fall below
	# 0.9x the previous panel row of the same city: the two rows describe
	# different areas.  The later row is dropped, unless the observation
	# after it (next panel GDP, else 2015 GDP) lies within 2x of it, in
	# which case the earlier row is dropped. ----
	for (u = 1; u <= NU; u++) {
		cd = U[u]; pk = ""
		for (y = 1; y <= NY; y++) {
			key = cd SUBSEP Y[y]
			if (!(key in prow)) continue
			if (pk != "" && V[pk, "GDP"] + 0 > 0 && V[key, "GDP"] + 0 > 0 &&
			    V[pk, "IND"] + 0 > 0 && V[key, "IND"] + 0 > 0 &&
			    V[pk, "RETAIL"] + 0 > 0 && V[key, "RETAIL"] + 0 > 0 &&
			    V[key, "GDP"] + 0 < 0.9 * V[pk, "GDP"] &&
			    V[key, "IND"] + 0 < 0.9 * V[pk, "IND"] &&
			    V[key, "RETAIL"] + 0 < 0.9 * V[pk, "RETAIL"]) {
				nx = ""
				for (z = y + 1; z <= NY && nx == ""; z++)
					if ((cd SUBSEP Y[z]) in prow && V[cd SUBSEP Y[z], "GDP"] + 0 > 0)
						nx = V[cd SUBSEP Y[z], "GDP"] + 0
				if (nx == "" && F["GDP", cd] + 0 > 0)
					nx = F["GDP", cd] + 0
				q = V[key, "GDP"] + 0
				if (nx != "" && nx < 2 * q && 2 * nx > q)
					dk = pk
				else
					dk = key
				cdrop[dk] = 1
				split(dk, t, SUBSEP)
				note("rule C: " cd " " cname[cd] " rows " substr(pk, length(cd) + 2) "/" Y[y] \
				    " (GDP " V[pk, "GDP"] " -> " V[key, "GDP"] ", next " nx ") -> row " t[2] " dropped")
			}
			pk = key
		}
	}
	for (key in cdrop) {
		droprow[key] = 1; ndroprowC++
		for (k = 1; k <= NK; k++) V[key, K[k]] = ""
		popgone[key] = 1
	}
	# ---- Rule J on GDP (2015 GDP is the last neighbour): drop the row ----
	for (u = 1; u <= NU; u++) {
		cd = U[u]; n = 0
		for (y = 1; y <= NY; y++) {
			key = cd SUBSEP Y[y]
			if ((key in prow) && !(key in cdrop) && V[key, "GDP"] + 0 > 0) { n++; sy[n] = Y[y]; sv[n] = V[key, "GDP"] + 0 }
		}
		if (F["GDP", cd] + 0 > 0) { n++; sy[n] = 2015; sv[n] = F["GDP", cd] + 0 }
		for (i = 2; i < n; i++) {
			if ((sv[i] > 2 * sv[i-1] && sv[i] > 2 * sv[i+1]) ||
			    (2 * sv[i] < sv[i-1] && 2 * sv[i] < sv[i+1])) {
				key = cd SUBSEP sy[i]
				droprow[key] = 1; ndroprowJ++
				note("rule J: GDP " cd " " cname[cd] " " sy[i] " = " V[key, "GDP"] \
				    " (neighbours " sy[i-1] ": " sv[i-1] ", " sy[i+1] ": " sv[i+1] ") -> row dropped")
			}
		}
	}
	for (key in droprow) {
		for (k = 1; k <= NK; k++) V[key, K[k]] = ""
		popgone[key] = 1
	}
	# ---- Rule Z: zeros that are missing values ----
	for (u = 1; u <= NU; u++) for (y = 1; y <= NY; y++) {
		key = U[u] SUBSEP Y[y]
		if (!(key in prow)) continue
		for (k = 1; k <= NK; k++) {
			c = K[k]; v = V[key, c]
			if (v != "" && (c in zero_missing) && v + 0 == 0) {
				V[key, c] = ""; cntZ[c]++
				if (c == "POP") popgone[key] = 1
			}
		}
	}
	# ---- Rule B: corrupted column-years ----
	for (u = 1; u <= NU; u++) for (y = 1; y <= NY; y++) {
		key = U[u] SUBSEP Y[y]
		if (!(key in prow)) continue
		if ((Y[y] == 2008 || Y[y] == 2010) && V[key, "FDI"] != "") { V[key, "FDI"] = ""; cntB["FDI"]++ }
		if (Y[y] == 2011 && V[key, "SO2"] != "") { V[key, "SO2"] = ""; cntB["SO2"]++ }
		if (Y[y] == 2011 && (cprov[U[u]] in pop2011_bad)) {
			if (V[key, "POP"] != "") { V[key, "POP"] = ""; cntB["POP"]++ }
			popgone[key] = 1
		}
	}
	# ---- Rule R: impossible values ----
	for (u = 1; u <= NU; u++) for (y = 1; y <= NY; y++) {
		key = U[u] SUBSEP Y[y]
		if (!(key in prow)) continue
		if (V[key, "GREEN"] != "" && V[key, "GREEN"] + 0 > 100) { V[key, "GREEN"] = ""; cntR["GREEN"]++ }
		if (V[key, "WASTE"] != "" && V[key, "WASTE"] + 0 > 100) { V[key, "WASTE"] = ""; cntR["WASTE"]++ }
		if (V[key, "FISC"] != "" && V[key, "FISC"] + 0 >= 1) { V[key, "FISC"] = ""; cntR["FISC"]++; logR = logR " " cname[U[u]] Y[y] }
		if (V[key, "POP"] != "" && (V[key, "POP"] + 0 > 3500 ||
		    ((U[u] in cpop10) && V[key, "POP"] * 10000 > 2.5 * cpop10[U[u]]))) {
			note("rule R: POP " U[u] " " cname[U[u]] " " Y[y] " = " V[key, "POP"] \
			    " (census 2010 resident: " ((U[u] in cpop10) ? cpop10[U[u]] : "n/a") ") -> missing")
			V[key, "POP"] = ""; cntR["POP"]++; popgone[key] = 1
		}
		if (V[key, "FDI"] != "" && (U[u] in cpop10) && V[key, "FDI"] * 10000 / cpop10[U[u]] > 10000) {
			V[key, "FDI"] = ""; cntR["FDI"]++
			note("rule R: FDI " U[u] " " cname[U[u]] " " Y[y] " > 10000 USD per 2010 census resident -> missing")
		}
	}
	# health workers per 1000 are computed upstream from the population:
	# missing wherever the population is missing (again after rule J)
	for (key in popgone)
		if ((key in prow) && V[key, "HLTH"] != "") { V[key, "HLTH"] = ""; cntH++ }
	# ---- Rule J on other columns (all flags first, then applied) ----
	for (j = 1; j <= NJ; j++) {
		c = JC[j]
		for (u = 1; u <= NU; u++) {
			cd = U[u]; n = 0
			for (y = 1; y <= NY; y++) {
				key = cd SUBSEP Y[y]
				if ((key in prow) && V[key, c] != "") { n++; sy[n] = Y[y]; sv[n] = V[key, c] + 0 }
			}
			for (i = 2; i < n; i++)
				if ((sv[i] > 2 * sv[i-1] && sv[i] > 2 * sv[i+1]) ||
				    (2 * sv[i] < sv[i-1] && 2 * sv[i] < sv[i+1])) {
					jflag[cd SUBSEP sy[i], c] = 1
					note("rule J: " c " " cd " " cname[cd] " " sy[i] " = " V[cd SUBSEP sy[i], c] \
					    " (neighbours " sy[i-1] ": " sv[i-1] ", " sy[i+1] ": " sv[i+1] ") -> missing")
				}
		}
	}
	for (jk in jflag) {
		split(jk, t, SUBSEP)
		key = t[1] SUBSEP t[2]
		V[key, t[3]] = ""; cntJ[t[3]]++
		if (t[3] == "POP") popgone[key] = 1
	}
	for (key in popgone)
		if ((key in prow) && V[key, "HLTH"] != "") { V[key, "HLTH"] = ""; cntH++ }

	# ---- derived indicators ----
	# Per-capita values divide by the resident population of the census
	# (census_at), never by the registered population of the panel.  The
	# registered population of the panel serves only to turn its health
	# workers per 1000 (computed upstream from it) back into a count.
	for (u = 1; u <= NU; u++) for (y = 1; y <= NY; y++) {
		cd = U[u]; key = cd SUBSEP Y[y]
		if (!(key in prow)) continue
		res = census_at(cpop10, cpop20, cd, Y[y])
		wa = census_at(cwa10, cwa20, cd, Y[y])
		if (res == "" && (cd in area_to) && Y[y] + 0 <= area_to[cd]) nareap[cd]++
		gdp = V[key, "GDP"]
		if (V[key, "HLTH"] != "" && V[key, "POP"] != "") {
			hw = sprintf("%.0f", V[key, "HLTH"] * V[key, "POP"] * 10) + 0
			O[key, "T_HEALTH"] = hw
			if (res != "") O[key, "T_HEALTHPC"] = fmt(hw * 1000 / res)
		}
		if (gdp != "") {
			O[key, "M_GDP"] = gdp
			if (res != "") O[key, "M_GDPPC"] = fmt(gdp * 10000 / res)
		}
		if (V[key, "RETAIL"] != "") O[key, "M_RETAIL"] = V[key, "RETAIL"]
		if (V[key, "BEDS"] != "") {
			O[key, "E_BEDS"] = V[key, "BEDS"]
			if (res != "") O[key, "E_BEDSPC"] = fmt(V[key, "BEDS"] * 1000 / res)
		}
		if (V[key, "GREEN"] != "") O[key, "E_GREEN"] = V[key, "GREEN"]
		if (V[key, "WASTE"] != "") O[key, "E_WASTE"] = V[key, "WASTE"]
		if (V[key, "SO2"] != "" && gdp != "") O[key, "E_SO2"] = fmt(V[key, "SO2"] * 10000 / gdp)
		if (V[key, "FDI"] != "") {
			O[key, "C_FDI"] = V[key, "FDI"]
			if (res != "") O[key, "C_FDIPC"] = fmt(V[key, "FDI"] * 10000 / res)
		}
		# the panel ratio is (budget revenue + budget expenditure) / GDP:
		# times GDP, in whole 10k CNY (the ratio has about 9 significant digits)
		if (V[key, "FISC"] != "" && gdp != "") O[key, "C_FISC"] = sprintf("%.0f", V[key, "FISC"] * gdp)
		# a census value alone does not make a unit-year
		if (wa != "" && hasdata(key)) O[key, "T_WORKAGE"] = wa
	}
	for (u = 1; u <= NU; u++) {
		cd = U[u]
		if (!(cd in frow)) continue
		key = cd SUBSEP 2015
		res = census_at(cpop10, cpop20, cd, 2015)
		wa = census_at(cwa10, cwa20, cd, 2015)
		if (res == "" && (cd in area_to) && 2015 <= area_to[cd]) nareap[cd]++
		if (F["FIRM", cd] != "" && (cprov[cd] in firm_bad)) {
			F["FIRM", cd] = ""; cntB["FIRM15"]++
			note("rule B: new-firm count 2015 " cd " " cname[cd] " -> missing")
		}
		if (F["EMP", cd] != "") O[key, "T_EMPLOY"] = F["EMP", cd]
		if (F["GDP", cd] != "") {
			O[key, "M_GDP"] = F["GDP", cd]
			if (res != "") O[key, "M_GDPPC"] = fmt(F["GDP", cd] * 10000 / res)
		}
		if (F["FIRM", cd] != "") {
			O[key, "M_NEWFIRM"] = F["FIRM", cd]
			if (res != "") O[key, "M_NEWFIRMPC"] = fmt(F["FIRM", cd] * 10000 / res)
		}
		if (F["FISC", cd] != "") {
			O[key, "C_BUDGET"] = F["FISC", cd]
			if (res != "") O[key, "C_BUDGETPC"] = fmt(F["FISC", cd] * 10000 / res)
		}
		if (wa != "" && hasdata(key)) O[key, "T_WORKAGE"] = wa
	}
	for (u = 1; u <= NU; u++) if ((cd = U[u]) in nareap)
		note("area differs from the census area (" area_why[cd] "): " cd " " cname[cd] \
		    ", no census-based values in " nareap[cd] " year(s) up to " area_to[cd])

	# ---- write ----
	for (u = 1; u <= NU; u++)
		if (!(U[u] in ename)) die("no English name for " U[u] " " cname[U[u]] " in names-en.csv")
	for (cd in ename)
		if (!(cd in used)) die("names-en.csv: " cd " " cname[cd] " has no data")
	np = split(PROV_EN, t, "|")
	for (i = 1; i <= np; i++) pen[substr(t[i], 1, 6)] = substr(t[i], 8)
	print "code,name,name_en,province,province_en" > OUT_UNITS
	for (u = 1; u <= NU; u++) {
		pc = substr(U[u], 1, 2) "0000"
		if (!(pc in pen)) die("no English province name for " U[u] " " cname[U[u]])
		print U[u] "," csvq(cname[U[u]]) "," csvq(ename[U[u]]) "," csvq(cprov[U[u]]) "," csvq(pen[pc]) > OUT_UNITS
	}
	close(OUT_UNITS)
	NY2 = split("2004 2005 2006 2007 2008 2009 2010 2011 2012 2015", Y2, " ")
	print "unit,indicator,year,value" > OUT_DATA
	nout = 0
	for (u = 1; u <= NU; u++) for (i = 1; i <= NI; i++) for (y = 1; y <= NY2; y++) {
		key = U[u] SUBSEP Y2[y]
		if ((key, SI[i]) in O) {
			print U[u] "," SI[i] "," Y2[y] "," O[key, SI[i]] > OUT_DATA
			nout++; rowsy[Y2[y]]++; rowsi[SI[i]]++
			if (!((U[u], Y2[y]) in seen)) { seen[U[u], Y2[y]] = 1; unitsy[Y2[y]]++ }
		}
	}
	close(OUT_DATA)

	# ---- summary on stderr ----
	note("panel rows read " nin ", 2015 rows read " nin15 "; units written " NU)
	for (nm in naliased) note("variant " nm " -> " alias[nm] ": " naliased[nm] " row(s)")
	for (nm in ndropped) note("dropped " nm " (" dropname[nm] "): " ndropped[nm] " row(s)")
	note("duplicates resolved: " (ndup + 0))
	for (k = 1; k <= NK; k++) {
		c = K[k]
		if (cntZ[c] + cntR[c] + cntB[c] + cntJ[c] > 0)
			note("missing set in " c ": zero " (cntZ[c] + 0) ", range " (cntR[c] + 0) \
			    ", block " (cntB[c] + 0) ", jump " (cntJ[c] + 0))
	}
	note("fiscal ratio >= 1 in:" logR)
	note("rows dropped: rule C " (ndroprowC + 0) ", rule J (GDP) " (ndroprowJ + 0) "; HLTH dropped with population: " (cntH + 0) \
	    "; 2015 zero cells: " (nz15 + 0))
	note("data rows " nout)
	for (y = 1; y <= NY2; y++) note("year " Y2[y] ": rows " (rowsy[Y2[y]] + 0) ", units " (unitsy[Y2[y]] + 0))
	for (i = 1; i <= NI; i++) note("indicator " SI[i] ": rows " (rowsi[SI[i]] + 0))
}
' "$census" "$panel" "$firm" "$names"

# ---- boundaries: the 2020 boundary (WKT) of every unit of the census ---------
# All 369 prefecture-level units, sorted by code: the 289 of cities.csv and
# the 80 without data (autonomous prefectures, leagues, the county-level
# units under a province, Hong Kong, Macao), named and with their province,
# so that a map shows the whole country.  Coordinates are rounded to 3
# decimals (about 100 m); consecutive duplicate points are then dropped,
# every ring is closed and a ring left with fewer than 4 points is dropped
# (a polygon whose outer ring is dropped goes with its holes).  Each change
# is reported on standard error.
# shellcheck disable=SC2016 # the awk program is single-quoted on purpose
"$awk" -v OUT="$bound_tmp" '
function die(msg) {
	printf "convert.sh: %s\n", msg > "/dev/stderr"
	failed = 1
	exit 1
}
function note(msg) { printf "%s\n", msg > "/dev/stderr" }
function isnum(s) { return s ~ /^[0-9]+(\.[0-9]+)?$/ }
function csvq(s) {
	if (index(s, ",") || index(s, "\"")) {
		gsub(/"/, "\"\"", s)
		return "\"" s "\""
	}
	return s
}
# "x y,x y,..." -> "(x y,...)" rounded, deduplicated and closed; "" when
# fewer than 4 points remain
function ring(s, what,    n, p, i, xy, q, out, k, first, last) {
	n = split(s, p, ",")
	npts_in += n
	k = 0; out = ""; last = ""
	for (i = 1; i <= n; i++) {
		if (split(p[i], xy, " ") != 2 || !isnum(xy[1]) || !isnum(xy[2]))
			die(what ": bad point \"" p[i] "\"")
		q = sprintf("%.3f %.3f", xy[1], xy[2])
		if (q == last) { ndup++; continue }
		if (k == 0) first = q
		out = out (k ? "," : "") q; last = q; k++
	}
	if (last != first) { out = out "," first; k++; nclosed++ }
	if (k < 4) return ""
	npts += k; nrings++
	return "(" out ")"
}
# "(ring),(ring)..." without the outer parentheses -> "((...),(...))" or ""
function polygon(s, what,    n, r, i, out, x) {
	n = split(s, r, /\),\(/)
	out = ""
	for (i = 1; i <= n; i++) {
		x = ring(r[i], what ", ring " i)
		if (x == "") {
			ndropped++
			note(what ", ring " i ": fewer than 4 points after rounding -> " \
			    (i == 1 ? "polygon dropped" : "hole dropped"))
			if (i == 1) return ""
			continue
		}
		out = out (out == "" ? "" : ",") x
	}
	return "(" out ")"
}
# insertion sort of a[1..n] (string order)
function sortarr(a, n,    i, j, t) {
	for (i = 2; i <= n; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] > t; j--)
			a[j + 1] = a[j]
		a[j + 1] = t
	}
}
FNR == 1 { fi++ }
{ sub(/\r$/, "") }
# units file written above: code,name,...
fi == 1 && FNR > 1 {
	split($0, f, ",")
	nu++; uname[f[1]] = f[2]
	next
}
fi == 2 {
	if (FNR == 1) sub(/^\357\273\277/, "")
	if ($0 !~ /^".*"$/) die(FILENAME ":" FNR ": expected every field in double quotes")
	n = split(substr($0, 2, length($0) - 2), f, /","/)
	if (FNR == 1) {
		nh = n
		for (i = 1; i <= n; i++) h[f[i]] = i
		if (!("city_code" in h) || !("city" in h) || !("province" in h) || !("coord" in h))
			die(FILENAME ": no city_code, city, province or coord column")
		next
	}
	if (n != nh) die(FILENAME ":" FNR ": " n " fields, header has " nh)
	cd = f[h["city_code"]]
	if (cd !~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/)
		die(FILENAME ":" FNR ": bad city_code \"" cd "\"")
	if ((cd in uname) && f[h["city"]] != uname[cd])
		die(FILENAME ":" FNR ": " cd " is " f[h["city"]] " here, " uname[cd] " in cities.csv")
	if (cd in B) die(FILENAME ":" FNR ": second row for " cd)
	if (f[h["city"]] == "" || f[h["province"]] == "")
		die(FILENAME ":" FNR ": " cd ": empty city or province")
	C[++nc] = cd; cname[cd] = f[h["city"]]; cprov[cd] = f[h["province"]]
	w = f[h["coord"]]; what = cd " " cname[cd]
	if (w ~ /^POLYGON\(\(.*\)\)$/) {
		p = polygon(substr(w, 10, length(w) - 11), what)
		B[cd] = (p == "") ? "" : "POLYGON" p
		npoly++
	} else if (w ~ /^MULTIPOLYGON\(\(\(.*\)\)\)$/) {
		m = split(substr(w, 16, length(w) - 18), mp, /\)\),\(\(/)
		out = ""
		for (j = 1; j <= m; j++) {
			p = polygon(mp[j], what ", polygon " j)
			if (p != "") out = out (out == "" ? "" : ",") p
		}
		B[cd] = (out == "") ? "" : "MULTIPOLYGON(" out ")"
		nmulti++
	} else
		die(FILENAME ":" FNR ": " cd ": coord is neither POLYGON((...)) nor MULTIPOLYGON(((...)))")
	next
}
END {
	if (failed) exit 1
	for (cd in uname)
		if (!(cd in B)) die("no census row for " cd " " uname[cd] " of cities.csv")
	sortarr(C, nc)
	print "code,name,province,boundary" > OUT
	for (i = 1; i <= nc; i++) {
		cd = C[i]
		if (B[cd] == "") {
			nmissing++
			note("no boundary for " cd " " cname[cd])
			continue
		}
		print cd "," csvq(cname[cd]) "," csvq(cprov[cd]) ",\"" B[cd] "\"" > OUT
		nout++
		if (!(cd in uname)) nodata++
	}
	close(OUT)
	note("boundaries: " nout " of " nc " census units (" (nout - nodata) " of cities.csv, " \
	    (nodata + 0) " without data; " npoly " POLYGON, " nmulti " MULTIPOLYGON), " \
	    (nmissing + 0) " without; points read " npts_in ", written " npts " in " nrings " rings; " \
	    "consecutive duplicates dropped " (ndup + 0) ", rings closed " (nclosed + 0) \
	    ", rings dropped " (ndropped + 0))
}
' "$units_tmp" "$geom"

# ---- layers: what the national map draws besides the units ----------------
# From raw/cn-base-layers (see its SOURCE.md), geometries copied unchanged:
# the 33 provincial-level outlines (dissolved from the census polygons) as
# `province`, Taiwan and the three South China Sea island groups of Natural
# Earth as `island` (Kinmen is left out: the census polygon of 泉州市 has
# it), the nine dashes as `line`; then the window of the South China Sea
# inset, the window of the main map (south to 18 N: Hainan in, the Paracels
# left to the inset), and the credit line.  Province English names are
# written here.
# shellcheck disable=SC2016 # the awk program is single-quoted on purpose
"$awk" -v PROV_EN="$prov_en" -v OUT="$layers_tmp" '
function die(msg) {
	printf "convert.sh: %s\n", msg > "/dev/stderr"
	failed = 1
	exit 1
}
function note(msg) { printf "%s\n", msg > "/dev/stderr" }
function csvq(s) {
	if (index(s, ",") || index(s, "\"")) {
		gsub(/"/, "\"\"", s)
		return "\"" s "\""
	}
	return s
}
# the last field, a quoted WKT of the expected type; sets GEOM, returns the
# text before it (without the comma)
function split_geom(line, type,    k) {
	k = index(line, ",\"" type "(")
	if (k == 0 || substr(line, length(line)) != "\"")
		die(FILENAME ":" FNR ": expected a quoted " type " last")
	GEOM = substr(line, k + 2, length(line) - k - 2)
	if (index(GEOM, "\""))
		die(FILENAME ":" FNR ": a quote inside the geometry")
	return substr(line, 1, k - 1)
}
function row(kind, name, name_en, geom) {
	print kind "," csvq(name) "," csvq(name_en) "," (geom == "" ? "" : "\"" geom "\"") > OUT
	nrow[kind]++
}
BEGIN {
	split(PROV_EN, t, "|")
	for (i in t) pen[substr(t[i], 1, 6)] = substr(t[i], 8)
	zh["Taiwan"] = "台湾省"
	zh["Paracel Islands (Xisha)"] = "西沙群岛"
	zh["Spratly Islands (Nansha)"] = "南沙群岛"
	zh["Scarborough Reef (Huangyan Dao)"] = "黄岩岛"
	print "layer,name,name_en,boundary" > OUT
}
FNR == 1 {
	fi++
	sub(/\r$/, "")
	want = fi == 1 ? "province_code,province,boundary" : "name,boundary"
	if ($0 != want) die(FILENAME ": header is not " want)
	next
}
{ sub(/\r$/, "") }
fi == 1 {
	head = split_geom($0, $0 ~ /,"MULTI/ ? "MULTIPOLYGON" : "POLYGON")
	if (split(head, f, ",") != 2 || f[1] !~ /^[0-9][0-9]0000$/ || f[2] == "")
		die(FILENAME ":" FNR ": expected province_code,province,boundary")
	if (!(f[1] in pen)) die(FILENAME ":" FNR ": no English name for " f[1])
	if (f[1] in seen) die(FILENAME ":" FNR ": second row for " f[1])
	seen[f[1]] = 1
	row("province", f[2], pen[f[1]], GEOM)
	next
}
fi == 2 || fi == 3 {
	name = split_geom($0, $0 ~ /,"MULTI/ ? "MULTIPOLYGON" : "POLYGON")
	if (name == "Kinmen") { note("layers: Kinmen left out (in the census polygon of 泉州市)"); next }
	if (!(name in zh)) die(FILENAME ":" FNR ": unexpected feature \"" name "\"")
	row("island", zh[name], name, GEOM)
	next
}
fi == 4 {
	name = split_geom($0, "LINESTRING")
	if (name !~ /^dash [1-9]: /) die(FILENAME ":" FNR ": unexpected feature \"" name "\"")
	row("line", "断续线" substr(name, 6, 1), name, GEOM)
	next
}
END {
	if (failed) exit 1
	if (fi != 4) die("expected 4 layer files")
	if (nrow["province"] != 33 || nrow["line"] != 9)
		die("expected 33 provinces and 9 dashes, read " (nrow["province"] + 0) " and " (nrow["line"] + 0))
	row("inset", "南海诸岛", "South China Sea Islands", \
	    "POLYGON((106 2.5,123.5 2.5,123.5 24.5,106 24.5,106 2.5))")
	row("extent", "", "", "POLYGON((73 18,136 18,136 54,73 54,73 18))")
	row("credit", "边界：2020年人口普查城市边界（Lei Dong，MIT许可）；台湾、南海诸岛、断续线：Natural Earth（公有领域）", \
	    "Boundaries: 2020 census city polygons (Lei Dong, MIT licence); Taiwan, South China Sea islands, nine-dash line: Natural Earth (public domain)", "")
	close(OUT)
	note("layers: " nrow["province"] " provinces, " nrow["island"] " islands, " nrow["line"] " dashes, inset, extent, credit")
}
' "$base/provinces.csv" "$base/taiwan.csv" "$base/south-china-sea-islands.csv" \
    "$base/nine-dash-line.csv"

mv "$units_tmp" "$out/cities.csv"
mv "$data_tmp" "$out/cn-cities.csv"
mv "$bound_tmp" "$out/boundaries.csv"
mv "$layers_tmp" "$out/layers.csv"
