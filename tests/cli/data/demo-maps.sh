# the demo's maps, byte for byte: reports/demo.sh writes the UK map of
# 2017 and the Chinese map of 2012 (and the UK report with its map page);
# a change to how maps are drawn must update these checksums on purpose,
# after looking at the figures
sh "$ROOT/reports/demo.sh" "$CITYIDX" out >/dev/null 2>&1 || echo "demo failed"
for f in uk-2017-map.png cn-2012-map.png; do
	echo "$f $(sha256sum < "out/$f" | cut -c1-16)"
done
python3 -c 'import struct, sys
for f in sys.argv[1:]:
    print(f, *struct.unpack(">II", open("out/" + f, "rb").read()[16:24]))' uk-2017-map.png cn-2012-map.png
pdftotext out/uk-2017-en.pdf - | grep -c 'UK regional innovation index 2017: map'
