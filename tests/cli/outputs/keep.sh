# a command that fails leaves the file it was to write as it was; a write
# error is status 1; a symbolic link stays a link; "-" is standard output
# (issue 13.2, 13.4, 13.10)
mini_ws w.db
state() {
	for f in "$@"; do
		if [ -L "$f" ]; then
			echo "$f -> $(readlink "$f"): $(cksum < "$f")"
		else
			echo "$f: $(cksum < "$f")"
		fi
	done
	ls -a | grep -v '^\.\.*$' | grep -c . | sed 's/^/entries: /'
}
echo previous > fig.png
echo previous > real.pdf
ln -s real.pdf fig.pdf
echo previous > r.pdf
state fig.png fig.pdf r.pdf
"$CITYIDX" --db w.db chart tiers --year 2017 --font "No Such Font" -o fig.png 2>&1
echo "exit $?"
"$CITYIDX" --db w.db chart tiers --year 2017 --font "No Such Font" -o fig.pdf 2>&1
echo "exit $?"
"$CITYIDX" --db w.db chart tiers --year 2017 --title "$(printf 'bad \377 title')" -o fig.png 2>&1
echo "exit $?"
"$CITYIDX" --db w.db report --year 2017 --font "No Such Font" -o r.pdf 2>&1
echo "exit $?"
"$CITYIDX" --db w.db report --year 2017 --font "No Such Font" -o fig.pdf 2>&1
echo "exit $?"
state fig.png fig.pdf r.pdf
# a good run replaces the link's target, and the link stays
"$CITYIDX" --db w.db chart tiers --year 2017 -o fig.pdf 2>&1
echo "exit $?"
[ -L fig.pdf ] && echo "fig.pdf is still a link"
[ "$(head -c 5 real.pdf)" = "%PDF-" ] && echo "real.pdf is a PDF"
ls -a | grep -v '^\.\.*$' | grep -c . | sed 's/^/entries: /'

# every kind of output on a device that is full: status 1 and a message
for cmd in "rank --year 2017 --format csv" "rank --year 2017 --format json" \
    "rank --year 2017" "rank --year 2017 --format xlsx" \
    "weights --year 2017 --method entropy" \
    "sensitivity --year 2017 --draws 20 --weights-noise 0.2" "sensitivity --year 2017 --draws 20 --weights-noise 0.2 --format csv" \
    ; do
	"$CITYIDX" --db w.db $cmd -o /dev/full > /dev/null 2> err.txt
	echo "$cmd -o /dev/full: exit $? $(cat err.txt)"
done
# (a chart and a report take their format from the name)
ln -s /dev/full full.png
ln -s /dev/full full.pdf
"$CITYIDX" --db w.db chart tiers --year 2017 -o full.png 2>&1
echo "exit $?"
"$CITYIDX" --db w.db report --year 2017 -o full.pdf 2>&1
echo "exit $?"
rm full.png full.pdf
"$CITYIDX" --db w.db sensitivity --year 2017 --draws 20 --weights-noise 0.2 --save-draws /dev/full > /dev/null 2> err.txt
echo "sensitivity --save-draws /dev/full: exit $? $(cat err.txt)"
for cmd in "rank --year 2017 --format csv" "weights --year 2017 --method entropy" \
    "sensitivity --year 2017 --draws 20 --weights-noise 0.2"; do
	"$CITYIDX" --db w.db $cmd > /dev/full 2> err.txt
	echo "$cmd > /dev/full: exit $? $(cat err.txt)"
done

# "-" is standard output, never a file named "-"
"$CITYIDX" --db w.db rank --year 2017 --format csv -o - | head -n 2
"$CITYIDX" --db w.db weights --year 2017 --method equal -o - | head -n 2
"$CITYIDX" --db w.db sensitivity --year 2017 --draws 20 --weights-noise 0.2 --format csv -o - | head -n 1
"$CITYIDX" --db w.db sensitivity --year 2017 --draws 3 --weights-noise 0.2 --save-draws - -o out.csv | head -n 1
[ -e ./- ] && echo "a file named '-' was written"
# -o and --save-draws cannot be the same file
"$CITYIDX" --db w.db sensitivity --year 2017 --draws 3 --weights-noise 0.2 --save-draws x.csv -o x.csv
echo "exit $?"
ls -a | grep -v '^\.\.*$' | grep -v -e '^w\.db' -e err.txt | sort
