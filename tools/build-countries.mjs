// Builds the generated part of src/Dyad.Core/Data/actors/countries.tsv from the
// world-countries npm package (mledoze/countries, ODbL-1.0), and checks both
// actor files (countries.tsv, organizations.tsv).
//
// Usage (from the repository root):
//   node tools/build-countries.mjs              installs world-countries@5.1.0 into a temporary
//                                               folder with npm, then rewrites the generated block
//   node tools/build-countries.mjs --deps DIR   uses DIR/node_modules/world-countries instead
//   node tools/build-countries.mjs --check      only validates the two files (no network)
//
// countries.tsv has three parts: the header comments, a block between the
// "BEGIN GENERATED" and "END GENERATED" marker lines that this script owns, and
// the hand-curated rows after it. Only the generated block is rewritten. A
// hand-curated row wins: a generated row whose text also appears in the curated
// part is left out. The tables below (folding of dependencies, texts to leave
// out, extra plurals) are the curation of the generated part.
// See docs/data/countries-and-organizations.md for the format.

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'world-countries@5.1.0';
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const COUNTRIES = path.join(root, 'src/Dyad.Core/Data/actors/countries.tsv');
const ORGANIZATIONS = path.join(root, 'src/Dyad.Core/Data/actors/organizations.tsv');
const BEGIN = '# ==== BEGIN GENERATED';
const END = '# ==== END GENERATED';

const SECTORS = new Set(('GOV MIL COP JUD LEG PTY REB SPY UAF UNK CVL BUS CRM EDU ELI JRN LAB MED ' +
  'REL REF OPP AGR PRM PRE').split(' '));
const KINDS = new Set(['name', 'adj', 'capital', 'seat', 'region', 'not']);
const INTERNATIONAL = new Set(['UNO', 'EUR', 'IGO', 'NGO', 'IMG', 'MNC']);

// ---- curation tables for the generated part --------------------------------

// world-countries codes that PLOVER spells differently.
const RENAME = { UNK: 'KOS' }; // Kosovo has no ISO code; PLOVER uses KOS (the package uses UNK)

// Non-independent entries kept under their own code (PLOVER manual, "Country names").
const OWN_CODE = new Set(['HKG', 'PSE', 'TWN', 'ATA', 'UNK']);

// Dependencies are folded into the state that controls them (PLOVER manual:
// "folded into their associated controlling state").
const FOLD = {
  ABW: 'NLD', AIA: 'GBR', ALA: 'FIN', ASM: 'USA', ATF: 'FRA', BES: 'NLD', BLM: 'FRA', BMU: 'GBR',
  BVT: 'NOR', CCK: 'AUS', COK: 'NZL', CUW: 'NLD', CXR: 'AUS', CYM: 'GBR', FLK: 'GBR', FRO: 'DNK',
  GGY: 'GBR', GIB: 'GBR', GLP: 'FRA', GRL: 'DNK', GUF: 'FRA', GUM: 'USA', HMD: 'AUS', IMN: 'GBR',
  IOT: 'GBR', JEY: 'GBR', MAC: 'CHN', MAF: 'FRA', MNP: 'USA', MSR: 'GBR', MTQ: 'FRA', MYT: 'FRA',
  NCL: 'FRA', NFK: 'AUS', NIU: 'NZL', PCN: 'GBR', PRI: 'USA', PYF: 'FRA', REU: 'FRA', SGS: 'GBR',
  SHN: 'GBR', SJM: 'NOR', SPM: 'FRA', SXM: 'NLD', TCA: 'GBR', TKL: 'NZL', UMI: 'USA', VGB: 'GBR',
  VIR: 'USA', WLF: 'FRA',
};

// Entries written entirely by hand in the curated part.
const SKIP_ENTRY = new Set(['ESH']); // Western Sahara: region rows, MAR PRE

// Texts never generated: ambiguous in news, misspelt in the source, or not English.
const EXCLUDE = new Set([
  // ambiguous names and alternative spellings
  'Island', 'Mann', 'Mannin', 'Timor', 'Prathet', 'Mexicanos', 'Portuguesa', 'Nippon', 'Nihon',
  'Jersey', 'Reunion', 'Virgin Islands', 'South Georgia', 'Guiana', 'Congo', 'RSA',
  'Svalbard og Jan Mayen', 'Union des Comores', 'Thai', 'Saudi', 'Togolese', 'Macedonia', 'Pleasant Island',
  // capitals that mostly mean something else in English-language news
  'Victoria', 'City of Victoria', 'Kingston', 'Georgetown', 'San José', 'San Jose', 'Nassau',
  'Brussels', 'Male', "Saint John's", "St. George's",
  // demonyms that are misspelt, ambiguous between entries, or not used
  'Maldivan', 'Cape Verdian', 'Tadzhik', 'Kirghiz', 'Antarctican', 'American Islander',
  'Virgin Islander', 'Channel Islander', 'Dominican', 'Congolese', 'Indian',
]);

// Alternative spellings kept although they contain no word like "Republic".
const ALT_KEEP = new Set([
  'US', 'UK', 'USA', 'UAE', 'DPRK', 'DRC', 'Holland', 'Burma', 'Swaziland', 'Brunei Darussalam',
  'Viet Nam', 'East Timor', 'Bosnia-Herzegovina', "Cote d'Ivoire", "Côte d'Ivoire", 'Ivory Coast',
  'Emirates', 'DR Congo', 'Congo-Kinshasa', 'Congo-Brazzaville', 'Democratic Republic of Congo',
  'Great Britain', 'Curacao', 'Lao', 'Rumania', 'Roumania', 'Aland', 'Turkiye', 'Chinese Taipei',
  'Sao Tome and Principe', 'Faeroe Islands', 'Macao', 'Saint Helena', 'Maldive Islands',
  'Keeling Islands', 'Cocos Islands', 'Aotearoa', 'Vatican', 'Vatican City State',
  'French Southern Territories', 'St. Barthelemy', 'Republic of China',
]);
const POLITICAL_WORD =
  /\b(Republic|Kingdom|State|States|Federation|Commonwealth|Principality|Union|Sultanate|Duchy|Confederation|Emirate|Territory|Islands|Bailiwick|Department|Collectivity|Federated)\b/;

// Demonyms of dependencies worth keeping (folded with their entry).
const DEPENDENCY_DEMONYMS = new Set([
  'Puerto Rican', 'Greenlandic', 'Faroese', 'Bermudian', 'Guamanian', 'Caymanian', 'Aruban',
  'New Caledonian', 'French Polynesian', 'Falkland Islander', 'Macanese',
]);

// Plural nouns of demonyms that the simple rule below gets wrong ([] = none).
const PLURALS = {
  Czech: ['Czechs'], Thai: ['Thais'], Motswana: ['Batswana'], Mosotho: ['Basotho'],
  Burkinabe: [], Malagasy: [], 'Ni-Vanuatu': [], 'I-Kiribati': [], Seychellois: [], Swiss: [],
  Turkmen: [], Lao: [], Manx: [], Kyrgyz: [], Greenlandic: [], Sahrawi: ['Sahrawis'],
};
const noPlural = (w) => /(ese|ish|ch|sh|ss|x|z|ois)$/.test(w);
const plurals = (w) => (w in PLURALS ? PLURALS[w] : noPlural(w) ? [] : [w + 's']);

// Comment lines written above a generated row.
const NOTES = {
  Georgia: 'Georgia: the Caucasus state; the US state of the same name is not listed anywhere',
  Georgian: 'Georgian: also "from the US state of Georgia"; the state reading is far more common in international news',
  Jordan: 'Jordan: also a personal name (first and family); names of people are matched first when listed in people.tsv',
  Chad: 'Chad: also a first name',
  'Türkiye': 'Türkiye is the ISO short name since 2022; "Turkey" is in the curated part',
  Guinea: 'Guinea: Equatorial Guinea, Guinea-Bissau and Papua New Guinea are longer matches',
  Guinean: 'Guinean: the Republic of Guinea; the other Guineas have longer demonyms',
  Niger: 'Niger: not Nigeria (its adjective is Nigerien)',
  Samoan: 'Samoan: the independent state; American Samoa folds into USA',
  Macedonian: 'Macedonian: coded as North Macedonia; the Greek region of Macedonia is rarely an actor',
  Sudanese: 'Sudanese: the Republic of the Sudan; "South Sudanese" (SSD) is a longer match',
  Irish: 'Irish: the Republic of Ireland; "Northern Irish" (GBR) is in the curated part',
  Emirates: 'Emirates: also the Dubai airline; the state reading is kept',
  Sofia: 'Sofia: also a first name',
  Tripoli: 'Tripoli: the Libyan capital; also a city in northern Lebanon',
  'Addis Ababa': 'Addis Ababa: the Ethiopian government; also the seat of the African Union (listed in organizations.tsv as "African Union")',
  Jerusalem: 'Jerusalem: coded as the Israeli government metonym (its status is disputed; East Jerusalem is not listed)',
  'Republic of China': 'Republic of China: Taiwan in current news (before 1949 it meant China as a whole)',
  Amsterdam: 'Amsterdam: the constitutional capital; The Hague (seat of government) is left out because in news it usually means the ICC or ICJ',
  Sucre: 'Sucre: the constitutional capital; La Paz (seat of government) is in the curated part',
};

// ---- helpers -----------------------------------------------------------------

const SPECIAL = { 'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'ı': 'i', 'ð': 'd' };
const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[łŁøØđĐßæÆıð]/g, (c) => SPECIAL[c]).normalize('NFC');
const isAscii = (s) => /^[\x20-\x7e]*$/.test(s);
const isLatin = (s) => /^[\p{Script=Latin}\p{M}\d .,'’\-&()]+$/u.test(s);

function readLines(file) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n').split('\n') : [];
}

// Splits countries.tsv into header, generated block and curated part.
function splitCountries(lines) {
  const b = lines.findIndex((l) => l.startsWith(BEGIN));
  const e = lines.findIndex((l) => l.startsWith(END));
  if (b < 0 || e < b) throw new Error(`${COUNTRIES}: marker lines "${BEGIN}" and "${END}" not found`);
  return { header: lines.slice(0, b), curated: lines.slice(e + 1) };
}

function rows(lines) {
  const out = [];
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    out.push({ fields: line.split('\t'), line: i + 1 });
  });
  return out;
}

// ---- generation --------------------------------------------------------------

function loadCountries(depsDir) {
  let dir = depsDir;
  if (!dir) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-countries-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"dyad-build-countries","private":true}');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts',
      '--loglevel=error', PACKAGE], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  try {
    const require = createRequire(path.join(path.resolve(dir), 'package.json'));
    const pkg = require('world-countries/package.json');
    return { data: require('world-countries/countries.json'), version: pkg.version };
  } finally {
    if (!depsDir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function generate(data, curatedTexts) {
  const byCode = new Map(); // target code -> [{kind, text, sector, note, order}]
  const candidates = []; // {code, kind, text, sector, own}
  const add = (code, kind, text, own) => {
    if (!text || EXCLUDE.has(text)) return;
    const sector = kind === 'capital' ? 'GOV' : '';
    candidates.push({ code, kind, text, sector, own });
    const f = fold(text);
    if (f !== text && isAscii(f) && !EXCLUDE.has(f)) candidates.push({ code, kind, text: f, sector, own });
  };
  const ordered = [...data].sort((a, b) => {
    // the state's own entry before the dependencies folded into it
    const ca = FOLD[a.cca3] ?? RENAME[a.cca3] ?? a.cca3, cb = FOLD[b.cca3] ?? RENAME[b.cca3] ?? b.cca3;
    return ca < cb ? -1 : ca > cb ? 1 : (a.cca3 in FOLD) - (b.cca3 in FOLD) || (a.cca3 < b.cca3 ? -1 : 1);
  });
  for (const c of ordered) {
    if (SKIP_ENTRY.has(c.cca3)) continue;
    const dependency = c.cca3 in FOLD;
    if (!dependency && !c.independent && !OWN_CODE.has(c.cca3)) throw new Error(`unhandled entry ${c.cca3}`);
    const code = FOLD[c.cca3] ?? RENAME[c.cca3] ?? c.cca3;
    // names: common, official, then English-looking alternative spellings
    const names = [c.name.common, c.name.official, ...c.altSpellings]
      .map((s) => s.replace(/^(the|The) /, ''))
      .filter((s, i) => {
        if (s.includes(',') || s.includes('(') || !isLatin(s)) return false;
        if (i < 2) return true;
        if (ALT_KEEP.has(s)) return true;
        if (/^[A-Z]{1,3}$/.test(s)) return false; // ISO alpha-2 and other short codes
        return POLITICAL_WORD.test(s);
      });
    const own = !dependency;
    const variants = [];
    for (const n of names) {
      variants.push(n);
      if (/^Saint /.test(n)) variants.push(n.replace(/^Saint /, 'St. '), n.replace(/^Saint /, 'St '));
      if (own && n === c.name.common && / and /.test(n)) variants.push(n.replace(/ and /, ' & '));
    }
    for (const n of variants) add(code, 'name', n, own);
    // demonyms: singular and plural
    const eng = c.demonyms?.eng;
    if (eng) {
      const forms = new Set([eng.m, eng.f].flatMap((d) => d.split(/, | or /)).filter(Boolean));
      for (const d of forms) {
        if (dependency && !DEPENDENCY_DEMONYMS.has(d)) continue;
        if (names.includes(d)) continue; // "Djibouti", "Vatican": the name serves, and has no plural
        add(code, 'adj', d, own);
        if (!EXCLUDE.has(d)) for (const p of plurals(d)) add(code, 'adj', p, own);
      }
    }
    // capitals: only of states and of entries kept under their own code
    if (!dependency) for (const cap of c.capital ?? []) add(code, 'capital', cap, own);
  }

  // A text claimed by two codes is left out (and reported) unless curated.
  const codesOf = new Map();
  for (const r of candidates) (codesOf.get(r.text) ?? codesOf.set(r.text, new Set()).get(r.text)).add(r.code);
  const warnings = [];
  const seen = new Set();
  const kindRank = { name: 0, adj: 1, capital: 2 };
  for (const r of candidates) {
    if (curatedTexts.has(r.text)) continue;
    if (codesOf.get(r.text).size > 1) {
      const w = `left out "${r.text}": claimed by ${[...codesOf.get(r.text)].join(', ')}`;
      if (!warnings.includes(w)) warnings.push(w);
      continue;
    }
    if (seen.has(r.text)) continue; // same text under another kind of the same code: first kind wins
    seen.add(r.text);
    (byCode.get(r.code) ?? byCode.set(r.code, []).get(r.code)).push(r);
  }
  const lines = [];
  for (const code of [...byCode.keys()].sort()) {
    const list = byCode.get(code);
    // keep the state's own rows first (its first name row is the code's display name), then by kind
    list.sort((a, b) => (b.own - a.own) || kindRank[a.kind] - kindRank[b.kind]);
    const first = list.find((r) => r.kind === 'name');
    lines.push(`# ${code} ${first ? first.text : ''}`.trimEnd());
    let dependencyNoted = false;
    for (const r of list) {
      if (!r.own && !dependencyNoted) {
        lines.push(`# dependencies of ${code} (folded into the controlling state, PLOVER manual)`);
        dependencyNoted = true;
      }
      if (NOTES[r.text]) lines.push(`# note: ${NOTES[r.text]}`);
      lines.push([r.code, r.kind, r.text, r.sector].join('\t'));
    }
  }
  return { lines, warnings };
}

function build(depsDir) {
  const { header, curated } = splitCountries(readLines(COUNTRIES));
  const curatedTexts = new Set(rows(curated).map((r) => r.fields[2]));
  const { data, version } = loadCountries(depsDir);
  const { lines, warnings } = generate(data, curatedTexts);
  const out = [
    ...header,
    `${BEGIN} by tools/build-countries.mjs from world-countries ${version} (mledoze/countries, ODbL-1.0).`,
    '# Do not edit rows inside this block: add or override rows in the curated part below, or change the',
    "# script's tables, then regenerate.",
    ...lines,
    `${END} ====`,
    ...curated,
  ];
  fs.writeFileSync(COUNTRIES, out.join('\n').replace(/\n*$/, '\n'));
  for (const w of warnings) console.error(`note: ${w}`);
  console.error(`wrote ${path.relative(root, COUNTRIES)}: ${lines.filter((l) => !l.startsWith('#')).length} generated rows`);
}

// ---- validation --------------------------------------------------------------

// A comment line "# ambiguous: TEXT" allows TEXT to stand under more than one code.
function declaredAmbiguous(lines) {
  const set = new Set();
  for (const l of lines) {
    const m = /^#\s*ambiguous:\s*(.+?)\s*(?:—|--|$)/.exec(l);
    if (m) set.add(m[1]);
  }
  return set;
}

function check() {
  const errors = [];
  const err = (file, line, msg) => errors.push(`${path.relative(root, file)}:${line}: ${msg}`);
  const textCodes = new Map(); // text -> Map(code -> "file:line")
  const note = (text, code, where) => {
    const m = textCodes.get(text) ?? textCodes.set(text, new Map()).get(text);
    if (!m.has(code)) m.set(code, where);
  };
  const counts = {};

  const cLines = readLines(COUNTRIES);
  splitCountries(cLines);
  const oLines = readLines(ORGANIZATIONS);
  const ambiguous = new Set([...declaredAmbiguous(cLines), ...declaredAmbiguous(oLines)]);
  for (const [file, lines, name] of [[COUNTRIES, cLines, 'countries.tsv'], [ORGANIZATIONS, oLines, 'organizations.tsv']]) {
    const head = lines.slice(0, 3).join('\n');
    if (!head.includes(name) || !/\bv1\b/.test(head)) err(file, 1, 'the first lines must name the file and its format version v1');
    lines.forEach((l, i) => {
      if (/[\u2018\u2019\u201C\u201D]/.test(l)) err(file, i + 1, 'typographic quote (write ASCII \' and ")');
      if (l !== l.trimEnd() && !l.endsWith('\t')) err(file, i + 1, 'trailing spaces');
    });
  }

  const seenC = new Set();
  const firstName = new Map();
  for (const { fields: f, line } of rows(cLines)) {
    if (f.length !== 4) { err(COUNTRIES, line, `expected 4 tab-separated fields, found ${f.length}`); continue; }
    const [code, kind, text, sector] = f;
    if (kind !== 'not' && (!/^[A-Z]{3}$/.test(code) || INTERNATIONAL.has(code))) err(COUNTRIES, line, `bad state code '${code}'`);
    if (!KINDS.has(kind)) err(COUNTRIES, line, `bad kind '${kind}'`);
    if (!text || text !== text.trim() || /\s{2}/.test(text)) err(COUNTRIES, line, `bad text '${text}'`);
    if (sector && !SECTORS.has(sector)) err(COUNTRIES, line, `bad sector '${sector}'`);
    if ((kind === 'name' || kind === 'adj') && sector) err(COUNTRIES, line, `${kind} rows take no sector`);
    if ((kind === 'capital' || kind === 'seat') && !sector) err(COUNTRIES, line, `${kind} rows need a sector`);
    if (kind === 'region' && sector !== 'PRE') err(COUNTRIES, line, 'region rows take sector PRE');
    const key = `${code}\t${kind}\t${text}`;
    if (seenC.has(key)) err(COUNTRIES, line, `duplicate row ${code} ${kind} '${text}'`);
    seenC.add(key);
    if (kind === 'name' && !firstName.has(code)) firstName.set(code, text);
    note(text, code, `countries.tsv:${line}`);
    counts[`countries ${kind}`] = (counts[`countries ${kind}`] ?? 0) + 1;
  }

  const seenO = new Map();
  for (const { fields: f, line } of rows(oLines)) {
    if (f.length !== 4) { err(ORGANIZATIONS, line, `expected 4 tab-separated fields, found ${f.length}`); continue; }
    const [text, code, sector, canonical] = f;
    if (!text || text !== text.trim() || /\s{2}/.test(text)) err(ORGANIZATIONS, line, `bad text '${text}'`);
    if (!/^[A-Z]{3}$/.test(code)) err(ORGANIZATIONS, line, `bad code '${code}'`);
    if (sector && !SECTORS.has(sector)) err(ORGANIZATIONS, line, `bad sector '${sector}'`);
    if (!sector && !['UNO', 'EUR', 'IGO', 'NGO'].includes(code)) err(ORGANIZATIONS, line, `rows with code ${code} need a sector`);
    if (!canonical) err(ORGANIZATIONS, line, 'empty canonical name');
    if (seenO.has(text)) err(ORGANIZATIONS, line, `duplicate text '${text}' (also line ${seenO.get(text)})`);
    seenO.set(text, line);
    note(text, code, `organizations.tsv:${line}`);
    counts['organizations'] = (counts['organizations'] ?? 0) + 1;
  }

  for (const [text, codes] of textCodes) {
    if (codes.size > 1 && !ambiguous.has(text))
      errors.push(`'${text}' maps to ${[...codes].map(([c, w]) => `${c} (${w})`).join(' and ')} without an "# ambiguous: ${text}" comment`);
  }
  for (const [k, v] of Object.entries(counts)) console.log(`${k}: ${v}`);
  console.log(`codes with a display name: ${firstName.size}`);
  if (errors.length) {
    for (const e of errors) console.error(`error: ${e}`);
    console.error(`${errors.length} error(s)`);
    process.exit(1);
  }
  console.log('ok');
}

const args = process.argv.slice(2);
if (args[0] === '--check') check();
else if (args[0] === '--deps') build(args[1]);
else if (args.length === 0) build(null);
else {
  console.error('usage: node tools/build-countries.mjs [--deps DIR | --check]');
  process.exit(2);
}
