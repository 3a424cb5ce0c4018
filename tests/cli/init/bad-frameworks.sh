# each broken framework names the file (and line:column where a field is at fault)
h=code,parent,type,level,name_zh,name_en,direction,weight,unit,denominator
printf '%s\nI,,aggregate,2,,,,1,,\nA,I,indicator,1,,,2,1,,\n' "$h" > dir.csv
printf '%s\nI,,aggregate,2,,,,1,,\nA,I,indicator,1,,,1,-1,,\n' "$h" > w.csv
printf '%s\nI,,aggregate,2,,,,1,,\nA,X,indicator,1,,,1,1,,\n' "$h" > parent.csv
printf '%s\nI,,aggregate,2,,,,1,,\nJ,,aggregate,2,,,,1,,\nA,I,indicator,1,,,1,1,,\nB,J,indicator,1,,,1,1,,\n' "$h" > roots.csv
printf '%s\nI,,aggregate,3,,,,1,,\nA,I,indicator,1,,,1,1,,\n' "$h" > level.csv
printf '%s\nI,,aggregate,2,,,,1,,\nA,I,indicator,1,,,1,1,,\nA,I,indicator,1,,,1,1,,\n' "$h" > dup.csv
printf '%s\nI,,aggregate,2,,,,1,,\nA,I,thing,1,,,1,1,,\n' "$h" > type.csv
printf '%s\nI,,aggregate,2,,,,1,,\nA,I,indicator,1,,,1,abc,,\n' "$h" > num.csv
printf 'name,weight\nA,1\n' > nocode.csv
printf '%s\nI,,aggregate,2,,,,1,,\nA,I,indicator,1,,,up,1,,\n' "$h" > dirword.csv
# a node that is its own parent is blamed, not its child
printf '%s\nI,,aggregate,,,,,1,,\nB,A,,,,,1,1,,\nA,A,,,,,,1,,\nC,I,,,,,1,1,,\n' "$h" > self.csv
# a direction on an aggregate is ignored, even one far outside int (found
# by fuzz-framework)
printf '%s\nI,,aggregate,2,,,x,1,,\nA,I,indicator,1,,,-1,1,,\n' "$h" > aggdir.csv
printf '%s\nI,,aggregate,2,,,1e40,1,,\nA,I,indicator,1,,,-1,1,,\n' "$h" > aggdir2.csv
# a weight above 1e9, as in a weights file
printf '%s\nI,,aggregate,2,,,,1,,\nA,I,indicator,1,,,1,1e308,,\n' "$h" > wbig.csv
# a framework's treat override has --treat's ranges (a WINMAX beyond int
# once acted as 0)
h2=code,parent,type,level,direction,weight,treat
printf '%s\nI,,aggregate,2,,1,\nA,I,indicator,1,1,1,"2,3.5,99999999999"\n' "$h2" > winmax.csv
for f in dir w parent roots level dup type num nocode missing dirword self aggdir aggdir2 wbig winmax; do
	"$CITYIDX" --db $f.db init --framework $f.csv; echo "$f: exit $?"
done
