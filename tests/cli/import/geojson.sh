# a GeoJSON FeatureCollection: units with their boundaries (code and names
# from the properties named), stored as the WKT a units file would give,
# the coordinates as written; the features of a base layer; faults named
# by file:line:column, nothing stored
mini_ws w.db
cat > cities.geojson <<'X'
{"type": "FeatureCollection",
 "features": [
  {"type": "Feature",
   "properties": {"adcode": 110100, "NAME": "北京市", "NAME_EN": "Beijing", "area": 16410.5},
   "geometry": {"type": "Polygon", "coordinates": [[[116.0, 39.5], [117.0, 39.5], [117.0, 40.5], [116.0, 40.5], [116.0, 39.5]]]}},
  {"type": "Feature",
   "properties": {"adcode": "999001", "NAME": "新市", "NAME_EN": null},
   "geometry": {"type": "MultiPolygon", "coordinates": [
     [[[121, 31], [122, 31], [122, 32, 15.5], [121, 31]]],
     [[[121.5, 30.5], [121.7, 30.5], [121.7, 30.7], [121.5, 30.5]],
      [[121.6, 30.55], [121.65, 30.55], [121.65, 30.6], [121.6, 30.55]]]]}}
 ]}
X
cx --db w.db import --code-field adcode --name-field NAME --name-en-field NAME_EN cities.geojson
cx --db w.db import --code-field adcode --name-field NAME --name-en-field NAME_EN cities.geojson
sqlite3 w.db "SELECT code, name, name_en, boundary FROM units WHERE boundary IS NOT NULL ORDER BY code"
# a layer from GeoJSON: the features' names from "name" by default
cat > dashes.json <<'X'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"dash 1"},"geometry":{"type":"LineString","coordinates":[[109.316433,16.586823],[109.869048,15.575911]]}},
{"type":"Feature","properties":{"name":"dash 2"},"geometry":{"type":"MultiLineString","coordinates":[[[110.397313,12.624346],[110.086776,11.503996]]]}}]}
X
cx --db w.db import --layer line dashes.json
sqlite3 w.db "SELECT kind, name, geometry FROM layers ORDER BY id"
# faults
before=$(dump w.db)
sed 's/"adcode": 110100/"code": 110100/' cities.geojson > nocode.geojson
sed 's/\[117.0, 40.5\], \[116.0, 40.5\]/[116.0, 40.5], [117.0, 40.5]/' cities.geojson > bowtie.geojson
sed 's/"Polygon"/"Point"/' cities.geojson > point.geojson
sed 's/\[116.0, 39.5\], \[117.0, 39.5\]/[530000, 180000], [117.0, 39.5]/' cities.geojson > metres.geojson
sed 's/"999001"/"110100"/' cities.geojson > twice.geojson
sed 's/"adcode": 110100/"adcode": 1101.5/' cities.geojson > fraction.geojson
sed 's/"999001"/"999 001"/' cities.geojson > blank.geojson
sed 's/"FeatureCollection",/"FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},/' cities.geojson > crs.geojson
sed 's/\[121.7, 30.7\], \[121.5, 30.5\]/[121.7, 30.7]/' cities.geojson > open.geojson
sed 's/"NAME": "新市"/"NAME": "新市", "NAME": "x"/' cities.geojson > dupkey.geojson
printf '{"type": "Feature", "geometry": null, "properties": {}}\n' > feature.geojson
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":"1"},"geometry":null}]}\n' > null.geojson
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":"1"},"geometry":{"type":"Polygon","coordinates":[]}}]}\n' > empty.geojson
for f in nocode bowtie point metres twice fraction blank crs open dupkey feature null empty; do
	"$CITYIDX" --db w.db import --code-field adcode $f.geojson; echo "$f: exit $?"
done
"$CITYIDX" --db w.db import --name-field NOPE --code-field adcode cities.geojson; echo "name field: exit $?"
"$CITYIDX" --db w.db import --layer province dashes.json; echo "lines as provinces: exit $?"
[ "$before" = "$(dump w.db)" ] && echo "workspace unchanged"
"$CITYIDX" --db w.db import --layer credit dashes.json; echo "--layer credit: exit $?"
"$CITYIDX" --db w.db import --layer roads dashes.json; echo "--layer roads: exit $?"
