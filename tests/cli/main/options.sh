# the option parser (cli/opt.h) that every command shares: unique
# prefixes, aliases, values checked by kind, the formats a command
# writes, undocumented short letters, operands, help from any path
run() { "$CITYIDX" "$@"; echo "exit $?"; }
run rank --form xml
run rank --normal minmax:5,1
run rank --normalise minmax:5,1
run rank --t 5
run rank --bom=yes
run rank --limit -3
run rank --growth 0
run imports --format xlsx
run explain --format csv X
run explain
run explain A B
run chart tiers --of cities -o x.pdf
run chart map --by colour -o x.pdf
run chart map --labels 100 -o x.pdf
run sensitivity --draws 0
run weights --level 0 --method equal
run remove -y 20x7
run remove --import 0
run remove --unit ''
run init -f
run import -y 99 f.csv
run import --layer credit f.geojson
run years --help extra | head -n 1
run help years
run help nosuch
