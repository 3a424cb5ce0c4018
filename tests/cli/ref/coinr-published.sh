# COINr's own published result: the "Presenting Results" vignette prints
# the top of build_example_coin() (ASEM: denominate, group-mean impute by
# EurAsia_group, screen 0.9, treat, min-max, arithmetic): CHE 68.38,
# NLD 64.82, DNK 64.80, NOR 64.47, BEL 63.54, SWE 63.00
A="$DATA/asem"
"$CITYIDX" --db a.db init --framework "$A/ASEM_iMeta.csv" >/dev/null
"$CITYIDX" --db a.db import "$A/ASEM_iData.csv" >/dev/null
cx --db a.db rank --year 2018 --denominate --impute group-mean:EurAsia_group \
    --screen 0.9 --treat --format csv | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "score") s = i }
	NR > 1 && NR <= 7 { printf "%s %s %.2f\n", $1, $2, $s }'
