# --width, --height and --dpi have one set of limits (72 to 14400 points,
# 10 to 1200 dpi), and a PNG at most 32767 pixels on a side and 100
# million in all: what is outside is refused before the workspace is
# read or the output touched (status 2), or, when the figure's own size
# makes it too large, before anything is drawn (status 1)
mini_ws w.db
echo "old figure" > old.png
try() {
	"$CITYIDX" --db w.db chart tiers --year 2017 "$@" 2>err.txt
	echo "exit $?"
	grep -v '^usage:' err.txt
}
# once accepted by the option check, then refused by the library
try -o old.png --width 50
try -o old.png --height 20000
# once refused with a message that said 10 to 2400
try -o old.png --dpi 2400
# the 4 GB image: 14400 pt at 160 dpi
try -o old.png --width 14400 --height 14400 --dpi 160
try -o old.png --width 14400 --height 72 --dpi 164
# the figure's own height (540 x 320 for the mini workspace), too tall
try -o old.png --height 14400 --dpi 1200
# no dpi for a vector format
try -o x.pdf --dpi 300
cat old.png
ls x.pdf 2>/dev/null || echo "no x.pdf"
# the limits themselves are accepted, and every figure is drawn at the
# smallest size without a word from pango (it once got negative sizes)
cx --db w.db chart tiers --year 2017 --width 72 --height 72 --dpi 10 -o small.png
python3 -c 'import struct; print("small.png:", *struct.unpack(">II", open("small.png", "rb").read()[16:24]))'
for t in tiers pillars movers heatmap "profile 北京"; do
	cx --db w.db chart $t --year 2017 --width 72 --height 72 -o small.pdf
done
cx --db w.db chart tiers --year 2017 --width 7200 --height 7200 --dpi 10 -o big.png
python3 -c 'import struct; print("big.png:", *struct.unpack(">II", open("big.png", "rb").read()[16:24]))'
cx --db w.db chart tiers --year 2017 --width 14400 --height 14400 -o big.pdf
pdfinfo big.pdf | grep 'Page size' | sed 's/  */ /g'
