# the report's method page gives each index method with its formula
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
for m in mpi ampi:pos gra bod wroclaw; do
	"$CITYIDX" --db w.db report --year 2017 --lang en --method $m \
	    --impute carry-forward --tiers quantile:2 -o r.pdf 2>/dev/null ||
	    { echo "$m: report failed"; continue; }
	pdftotext -layout r.pdf - | grep -E "^ *(Method:|MPI|AMPI|Grey|Benefit|The Wroclaw|M\[i\]|D\[i,j\]|s\[i\] = |z = |r\[i,j\])" |
	    sed 's/^ *//; s/  */ /g' | cut -c1-100
done
