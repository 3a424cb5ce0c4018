# an option that a chart type does not draw is refused (status 2), naming
# the types it applies to, before the workspace is read: every type
# against every option that applies to some types only
mini_ws w.db
for t in tiers pillars movers heatmap "profile 北京" map \
    "uncertainty --weights-noise 0.1 --draws 20"; do
	for opt in "--compare 2016" "--dark-horse 3" "--top 4" "--tiers jenks:2" \
	    "--of indicators" "--by score" "--labels 3" "--draws 50" \
	    "--alt-impute mean"; do
		# shellcheck disable=SC2086
		"$CITYIDX" --db w.db chart $t --year 2017 $opt -o x.pdf \
		    2>err.txt >/dev/null
		rc=$?
		if [ $rc = 2 ]; then
			echo "${t%% *} $opt: $(head -n 1 err.txt)"
		else
			echo "${t%% *} $opt: taken (exit $rc)"
		fi
	done
done
# a map filled by score has no tiers and no top group
"$CITYIDX" --db w.db chart map --by score --tiers jenks:2 -o x.pdf
echo "exit $?"
# the case, checked before the workspace is opened
"$CITYIDX" --db nonexistent.db chart tiers --by score --draws 5 -o x.pdf
echo "exit $?"
ls nonexistent.db 2>/dev/null || echo "no workspace made"
