#!/usr/bin/env bash
# Reproduce src/hending/serve/static/vendor/ from the npm registry (run from the repository root).
# The explorer page works offline: Leaflet, marker clustering, a TopoJSON decoder and Natural Earth
# country shapes (public domain, via world-atlas) ship inside the Python package with their licences.
set -euo pipefail

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
TOPOJSON_CLIENT=3.1.0
WORLD_ATLAS=2.0.2

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/hending/serve/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
for spec in "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" "topojson-client@$TOPOJSON_CLIENT" \
            "world-atlas@$WORLD_ATLAS"; do
  npm pack --silent "$spec" >/dev/null
done
for tgz in *.tgz; do
  name="${tgz%-*.tgz}"
  mkdir -p "$name" && tar xzf "$tgz" -C "$name" --strip-components=1
done

rm -rf "$DEST"
mkdir -p "$DEST/leaflet/images" "$DEST/leaflet.markercluster" "$DEST/topojson-client" "$DEST/world-atlas"
cp leaflet/dist/leaflet.js leaflet/dist/leaflet.css leaflet/LICENSE "$DEST/leaflet/"
cp leaflet/dist/images/*.png "$DEST/leaflet/images/"
cp leaflet.markercluster/dist/leaflet.markercluster.js leaflet.markercluster/dist/MarkerCluster.css \
   leaflet.markercluster/dist/MarkerCluster.Default.css leaflet.markercluster/MIT-LICENCE.txt \
   "$DEST/leaflet.markercluster/"
cp topojson-client/dist/topojson-client.min.js topojson-client/LICENSE "$DEST/topojson-client/"
cp world-atlas/countries-50m.json world-atlas/LICENSE "$DEST/world-atlas/"

cat > "$DEST/README.md" <<EOF
# Vendored web assets

Reproduce with \`scripts/vendor-web.sh\` (npm registry). Served offline by \`hending serve\`.

| package | version | files | licence |
|---|---|---|---|
| leaflet | $LEAFLET | leaflet.js, leaflet.css, images/ | BSD-2-Clause (leaflet/LICENSE) |
| leaflet.markercluster | $MARKERCLUSTER | leaflet.markercluster.js, MarkerCluster*.css | MIT (leaflet.markercluster/MIT-LICENCE.txt) |
| topojson-client | $TOPOJSON_CLIENT | topojson-client.min.js | ISC (topojson-client/LICENSE) |
| world-atlas | $WORLD_ATLAS | countries-50m.json (Natural Earth 1:50m countries, TopoJSON) | ISC (world-atlas/LICENSE); the Natural Earth data is public domain |
EOF
du -sh "$DEST"
