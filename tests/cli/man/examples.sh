# the worked examples of the manual are run and their output compared
# (jq's man.test idea): a block that creates a workspace (cityidx init
# after a heredoc or printf) starts a fresh directory; a block of lines
# beginning "$ " is run there and must print the lines that follow
PATH=$(dirname "$CITYIDX"):$PATH
export PATH
awk '
/^\.EX/ { inb = 1; n++; file = sprintf("block-%03d", n); next }
/^\.EE/ { inb = 0; close(file); next }
inb { print > file }
' "$ROOT/man/cityidx.1"
unroff() {
	sed -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" -e 's/\\(dq/"/g' -e 's/\\e/\\/g' "$1"
}
top=$(pwd)
dir=
nsetup=0
nchecks=0
for b in block-*; do
	unroff "$b" > "$b.txt"
	# a block that starts a workspace from the bundled data (the
	# EXAMPLES section) runs in a fresh directory that sees the source
	# tree's indicators/ and data/
	bdb=$(sed -n 's|^cityidx --db \([^ ]*\) init --framework indicators/.*|\1|p' "$b.txt" | head -n 1)
	if [ -n "$bdb" ]; then
		nsetup=$((nsetup + 1))
		dir=$top/ex-$nsetup
		mkdir -p "$dir"
		ln -s "$ROOT/indicators" "$dir/indicators"
		ln -s "$ROOT/data" "$dir/data"
		(cd "$dir" && unset CITYIDX_DB && sh "$top/$b.txt" >/dev/null 2>&1) ||
			echo "$b: setup failed"
		db=$bdb
		continue
	fi
	if grep -q '^cityidx init' "$b.txt" && grep -qE '^(cat >|printf )' "$b.txt"; then
		nsetup=$((nsetup + 1))
		dir=$top/ex-$nsetup
		mkdir -p "$dir"
		(cd "$dir" && unset CITYIDX_DB && sh "$top/$b.txt" >/dev/null 2>&1) ||
			echo "$b: setup failed"
		# the setup exports CITYIDX_DB: keep it for the checks
		db=$(sed -n 's/^export CITYIDX_DB=//p' "$b.txt" | tail -n 1)
		continue
	fi
	grep -q '^\$ cityidx' "$b.txt" || continue
	[ -n "$dir" ] || { echo "$b: a check before any setup"; continue; }
	nchecks=$((nchecks + 1))
	sed -n 's/^\$ //p' "$b.txt" > "$b.cmd"
	grep -v '^\$ ' "$b.txt" > "$b.want"
	(cd "$dir" && CITYIDX_DB=$db sh "$top/$b.cmd" 2>/dev/null) > "$b.got"
	if cmp -s "$b.want" "$b.got"; then
		:
	else
		echo "$b: output differs from the manual"
		diff -u "$b.want" "$b.got" | head -n 20
	fi
done
echo "manual: $nsetup example workspaces, $nchecks checked blocks"
