# the summary page after the title (issue 16 §2): the top 10 with tiers, a
# sentence per tier, the climbers and fallers of the like-for-like
# movement, the dark horses, the units not ranked and the pillars, in
# English and Chinese, every number as rank prints it
mini_ws w.db
cx --db w.db report --year 2017 --lang en -o en.pdf
cx --db w.db report --year 2017 -o zh.pdf
# page 2 is the summary; its sentences, lines joined
pdftotext -f 2 -l 2 en.pdf - | tr '\n' ' ' | tr -s ' ' |
    sed -e 's/\([.)]\) \([A-Z0-9]\)/\1\n\2/g' -e 's/ Tier 1/\nTier 1/' |
    grep -E '^(Summary|In 2017|Tier|Against|The largest|No dark|Ranked units|Ranked regions|Ranked cities|Every pillar)' |
    sed 's/ cityidx .*//'
pdftotext -layout -f 2 -l 2 en.pdf - | grep -E '^ +[0-9]+ +[A-Z]' | tr -s ' '
pdftotext -f 2 -l 2 zh.pdf - | tr -d '\n' |
    grep -oE '(第[0-9]梯队|与2016|没有黑马|2017年有数据|参与排名的(城市|地区|单位)中|2017年每个)[^。]*。'
# a unit screened out is named with its share of the indicators
mini_ws s.db
cx --db s.db report --year 2017 --lang en --screen 1 -o s.pdf
pdftotext -f 2 -l 2 s.pdf - | tr '\n' ' ' | tr -s ' ' | grep -oE '(Screened out|In 2017)[^.]*\.'
