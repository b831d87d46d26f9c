#!/usr/bin/env bash
# Regenerates src/Dyad.Core/Data/text/words.txt.gz (the English word list used
# by the text-repair stage) and SCOWL-LICENSE.txt beside it.
#   bash tools/build-words.sh
# Needs apt-get and dpkg-deb (Debian), and access to Debian's package archive.
# Source: SCOWL via Debian's wamerican and wbritish packages. See docs/data/words.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
outdir="$root/src/Dyad.Core/Data/text"
packages=(wamerican wbritish)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
chmod 0777 "$tmp" # apt-get download hands the download to the _apt user

cd "$tmp"
if ! apt-get download "${packages[@]}" >/dev/null 2>&1; then
  apt-get update >/dev/null
  apt-get download "${packages[@]}" >/dev/null
fi

versions=()
for p in "${packages[@]}"; do
  deb=$(ls "$tmp"/"${p}"_*.deb)
  dpkg-deb -x "$deb" "$tmp/root"
  versions+=("$p $(dpkg-deb -f "$deb" Version)")
done
dict="$tmp/root/usr/share/dict"

# Lower-case every entry; drop possessives ('s) and anything that is not made
# of letters only (apostrophes, hyphens, digits); sort uniquely in byte order.
cat "$dict/american-english" "$dict/british-english" \
  | perl -CSD -ne 'chomp; next if /\x27s$/; $_ = lc; print "$_\n" if /^\p{L}+$/' \
  | LC_ALL=C sort -u > "$tmp/words"

count=$(wc -l < "$tmp/words")
joined=$(printf "%s, " "${versions[@]}"); joined=${joined%, }
{
  echo "# words.txt v1: lower-cased English words, letters only, one per line, byte-sorted, $count words; source: SCOWL via Debian wamerican/wbritish ($joined), see docs/data/words.md"
  cat "$tmp/words"
} > "$tmp/words.txt"

mkdir -p "$outdir"
gzip -9 -n -c "$tmp/words.txt" > "$tmp/words.txt.gz"
mv "$tmp/words.txt.gz" "$outdir/words.txt.gz"
# The SCOWL licence asks for its copyright and permission notice to be kept
# with copies; Debian's copyright file for the package carries it in full.
cp "$tmp/root/usr/share/doc/wamerican/copyright" "$outdir/SCOWL-LICENSE.txt"
chmod 0644 "$outdir/SCOWL-LICENSE.txt"

echo "wrote $outdir/words.txt.gz ($count words, $(stat -c %s "$outdir/words.txt.gz") bytes) and SCOWL-LICENSE.txt"
