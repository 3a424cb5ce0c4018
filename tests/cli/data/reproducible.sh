# the bundled data are reproducible from the raw copies in data/*/raw
for d in uk cn; do
	[ -f "$ROOT/data/$d/convert.sh" ] || { echo "$d: no convert.sh"; continue; }
	mkdir -p out-$d
	(cd "$ROOT" && sh "data/$d/convert.sh" "$OLDPWD/out-$d") 2>/dev/null || { echo "$d: convert failed"; continue; }
	for f in out-$d/*.csv; do
		if cmp -s "$f" "$ROOT/data/$d/$(basename "$f")"; then
			echo "$d/$(basename "$f") reproduced"
		else
			echo "$d/$(basename "$f") DIFFERS"
		fi
	done
done
