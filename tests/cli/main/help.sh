"$CITYIDX" --help
"$CITYIDX" help rank >/dev/null
for c in init import rank years; do
	cx "$c" --help | head -n 1
done
