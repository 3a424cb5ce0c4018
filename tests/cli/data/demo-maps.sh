# the demo's figures, byte for byte: reports/demo.sh writes the UK map of
# 2017, the Chinese map and tier chart of 2012 and the four reports (UK
# 2017 and China 2012, in English and Chinese); a change to how they are
# drawn must update these checksums on purpose, after looking at them
# (pdftoppm -png)
# a fixed date: the checksums do not depend on the history of data/
SOURCE_DATE_EPOCH=1500000000 sh "$ROOT/reports/demo.sh" "$CITYIDX" out >/dev/null 2>&1 || echo "demo failed"
for f in uk-2017-map.png cn-2012-map.png cn-2012-tiers.png uk-2017-en.pdf \
    uk-2017-zh.pdf cn-2012-en.pdf cn-2012-zh.pdf; do
	echo "$f $(sha256sum < "out/$f" | cut -c1-16)"
done
python3 -c 'import struct, sys
for f in sys.argv[1:]:
    print(f, *struct.unpack(">II", open("out/" + f, "rb").read()[16:24]))' uk-2017-map.png cn-2012-map.png
pdftotext out/uk-2017-en.pdf - | grep -c 'UK regional innovation index 2017: map'
