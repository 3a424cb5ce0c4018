# every command's usage line (its option table, cli/opt.h) is the man
# page's SYNOPSIS line of that command; the help and a usage error print
# the same line
awk '/^\.SH SYNOPSIS/ { on = 1; next } on && /^\.PP/ { exit } on' \
    "$ROOT/man/cityidx.1" |
sed -e 's/\\f[BIR]//g' -e 's/\\-/-/g' |
awk '/^\.br/ { print line; line = ""; next } /^\./ { next }
    { line = line (line == "" ? "" : " ") $0 } END { if (line != "") print line }' |
sed -n 's/^cityidx \[--db PATH\] //p' | sort >man.txt
for c in $("$CITYIDX" --help | awk '/^commands:/ { on = 1; next }
    on && NF == 0 { exit } on { print $1 }'); do
	"$CITYIDX" "$c" --help | sed -n '1s/^usage: cityidx //p'
done | sort >help.txt
if ! diff -u man.txt help.txt; then
	echo "usage lines differ from the man page's SYNOPSIS"
	exit 1
fi
for c in $(cut -d' ' -f1 help.txt); do
	"$CITYIDX" "$c" --no-such-option 2>&1 >/dev/null |
	    sed -n 's/^usage: cityidx //p'
done | diff -u help.txt - || exit 1
"$CITYIDX" help rank >a.txt
"$CITYIDX" rank --help >b.txt
cmp a.txt b.txt && echo "help rank = rank --help"
wc -l <help.txt | tr -d ' '
