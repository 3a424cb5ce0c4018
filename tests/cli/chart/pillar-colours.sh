# a pillar keeps its colour in every year (issue 15 §3): in China 2015 the
# Environment pillar (third of four) has no data, and Capital (fourth) is
# still drawn in the fourth colour, not in Environment's green.  The
# Okabe-Ito colours of the pillars, in framework order, found in the SVG
cx --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
cx --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null
colours() {
	for c in "0%,44.705882%,69.803922%:blue" "90.196078%,62.352941%,0%:orange" \
	    "0%,61.960784%,45.098039%:green" "80%,47.45098%,65.490196%:pink"; do
		grep -q "fill:rgb(${c%:*})" "$1" && printf ' %s' "${c#*:}"
	done
	echo
}
for y in 2012 2015; do
	cx --db cn.db chart pillars --year $y --top 10 -o p$y.svg
	echo "$y:$(colours p$y.svg)"
done
