#!/bin/sh
# tests/mutate.sh - the three mutants of issue 14 §6, each killed by a
# unit test: applies one mutant with sed, builds, runs the unit tests and
# expects them to fail; the file is restored after each.  Run by hand
# from the top of the tree (not part of `make check`):
#	sh tests/mutate.sh
# Exit status 0 when every mutant is killed.
set -u

survived=0

# file, sed expression, what it breaks (the test that kills it)
mutant() {
	f=$1 expr=$2 what=$3
	cp "$f" "$f.orig" || exit 2
	sed -i "$expr" "$f"
	if cmp -s "$f" "$f.orig"; then
		echo "mutate: '$expr' changed nothing in $f" >&2
		mv "$f.orig" "$f"
		survived=$((survived + 1))
		return
	fi
	if make DEVELOPER=1 -j2 build/unit-tests >/dev/null 2>&1 &&
	    build/unit-tests >/dev/null 2>&1; then
		echo "SURVIVED $f: $what"
		survived=$((survived + 1))
	else
		echo "killed   $f: $what"
	fi
	mv "$f.orig" "$f"
	touch "$f"
}

trap 'for f in src/calc/tier.c src/calc/mcstat.c src/store/year.c; do
	[ -f "$f.orig" ] && mv "$f.orig" "$f"; done' EXIT INT TERM

mutant src/calc/tier.c 's/if (d < best) {/if (d <= best) {/' \
    'Jenks ties take the last minimum (tier__jenks_tie_takes_the_first_minimum)'
mutant src/calc/mcstat.c 's/(double)(2 \* n - 1)/(double)(2 * n + 1)/' \
    'Sobol variance divisor 2n+1 (mc__sobol_estimator_by_hand)'
mutant src/store/year.c 's/else if (y->col\[c\] <= -2)/else if (y->col[c] < -2)/' \
    'first denominator column dropped (store__year_denominated_values)'
make DEVELOPER=1 -j2 build/unit-tests >/dev/null 2>&1
echo "$survived survived"
[ "$survived" -eq 0 ]
