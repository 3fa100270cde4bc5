// Agency and place names as people type them: Chinese prefixes and substrings (traditional folded to simplified), full pinyin
// with or without spaces or tones (hongtaqu, hong ta, hóng tǎ qū, hong2ta3), initials (htq) and mixtures (hongtq), matched
// while typing; and, when a search finds nothing, the closest names. Reads search/names.json, written by SiteGen
// (SiteGen.Search.NamesFile: its doc comment gives the format). Plain ES module, pure functions, no dependencies beyond the
// tokenizer's fold (and expand.js for abbreviations).
//
//   const names = loadNames(await (await fetch(base + "names.json")).json());
//   suggest(names, "htq");          // [{ name: "红塔区", kind: "county", path: ["云南省", "玉溪市", "红塔区"], … }, …]
//   closestNames(names, "红塔区卫建局", { synonyms });   // [{ name: "红塔区卫生健康局", reason: "one-character", … }]

import { expandWord } from "./expand.js";
import { fold } from "./search.js";

const KINDS = { p: "province", c: "city", d: "county" };
const KIND_ORDER = { province: 0, city: 1, county: 2, agency: 3 };

/** The part of a region's name people type without its suffix: 红塔区 → 红塔, 峨山彝族自治县 → 峨山, 重庆市 → 重庆. */
function coreLength(name, kind) {
  if (kind === "agency") return name.length;
  const autonomous = /^(.{2,}?)(?:各族|(?:[^族]{1,4}族)+)?自治[区州县旗]$/.exec(name);
  if (autonomous) return autonomous[1].length;
  const suffix = /(?:特别行政区|新区|矿区|林区|特区|地区|[省市区县旗盟州])$/.exec(name);
  return suffix && name.length - suffix[0].length >= 2 ? name.length - suffix[0].length : name.length;
}

/** Reads the names file into the form suggest() and closestNames() search. */
export function loadNames(json) {
  if (json?.version !== 1 || !Array.isArray(json.regions) || !Array.isArray(json.agencies)) throw new Error("unsupported names file");
  const readings = new Map();
  for (const group of String(json.readings ?? "").split("|")) {
    const colon = group.indexOf(":");
    if (colon > 0) for (const ch of group.slice(colon + 1)) readings.set(ch, group.slice(0, colon));
  }
  const suffixes = json.suffixes ?? [];
  const entry = (name, kind, parent, syllables, index) => {
    const folded = fold(name);
    return {
      index, name, folded, kind, parent,
      // One syllable (or null) per character of the name, so a pinyin match maps back to the characters it covers.
      syllables: syllables ? syllables.split(" ").map((s) => (s === "-" ? null : s)) : [...folded].map((ch) => readings.get(ch) ?? null),
      core: coreLength(folded, kind),
    };
  };
  const entries = json.regions.map(([name, kind, parent, syllables], i) => entry(name, KINDS[kind] ?? "county", parent, syllables, i));
  for (const [pieces, parent, syllables] of json.agencies) {
    // A piece n ≥ 0 is the name of region n, -k the k-th shared ending, a string itself (SiteGen.Search.NamesFile).
    const name = pieces.map((p) => (typeof p === "string" ? p : p >= 0 ? json.regions[p][0] : suffixes[-p - 1])).join("");
    entries.push(entry(name, "agency", parent, syllables, entries.length));
  }
  for (const e of entries) {
    const path = [];
    for (let at = e.index, guard = 0; at >= 0 && guard < 16; at = entries[at].parent, guard++) path.unshift(entries[at].name);
    e.path = path;
  }
  return { entries, readings };
}

/**
 * Pinyin as typed → its segments of letters: tones (marks or digits) dropped, ü written v, upper case lowered; a space,
 * apostrophe, hyphen or tone digit ends a segment (a segment starts a syllable). Null when the input is not Latin letters.
 */
export function pinyinSegments(input) {
  const plain = input.normalize("NFD").replace(/u\u0308/gi, "v").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  if (!/^[a-z\s'’\-0-9]*$/.test(plain) || !/[a-z]/.test(plain)) return null;
  return plain.split(/[\s'’\-0-9]+/).filter(Boolean);
}

/** Whether typed letters are a prefix of a syllable: ü may be typed v or u. */
function startsSyllable(syllable, typed, from, length) {
  if (length > syllable.length) return false;
  for (let k = 0; k < length; k++) {
    const s = syllable.charCodeAt(k);
    const t = typed.charCodeAt(from + k);
    if (s !== t && !(s === 0x76 && t === 0x75)) return false;
  }
  return true;
}

/** The letters of a syllable's initial: zh, ch, sh, or its first letter. */
const initialLength = (syllable) => (/^[zcs]h/.test(syllable) ? 2 : 1);

/**
 * Matches segments against the syllables of a name from character `start`: each syllable in turn is typed whole or by its
 * initial (h, or z/zh), and the last one typed may be any part of it (what is typed so far); a segment starts a syllable;
 * characters without pinyin are passed over. Returns { end, full } (characters covered, syllables typed whole) of the best
 * match, or null.
 */
function matchFrom(syllables, segments, start) {
  const memo = new Map();
  const go = (seg, off, j) => {
    if (seg === segments.length) return { end: j, full: 0 };
    if (off === segments[seg].length) return go(seg + 1, 0, j);
    if (j >= syllables.length) return null;
    const key = (seg * 64 + off) * 256 + j;
    if (memo.has(key)) return memo.get(key);
    let best = null;
    const syllable = syllables[j];
    if (syllable === null) best = j > start ? go(seg, off, j + 1) : null;
    else {
      const left = segments[seg].length - off;
      const last = seg === segments.length - 1;
      for (let k = Math.min(syllable.length, left); k >= 1; k--) {
        const allowed = k === syllable.length || k <= initialLength(syllable) || (last && k === left);
        if (!allowed || !startsSyllable(syllable, segments[seg], off, k)) continue;
        const rest = go(seg, off + k, j + 1);
        if (!rest) continue;
        const candidate = { end: rest.end, full: rest.full + (k === syllable.length ? 1 : 0) };
        if (!best || candidate.full > best.full || (candidate.full === best.full && candidate.end < best.end)) best = candidate;
      }
    }
    memo.set(key, best);
    return best;
  };
  return go(0, 0, start);
}

/** The best pinyin match of a name: the earliest start, then the most syllables typed whole. */
function pinyinMatch(entry, segments) {
  for (let start = 0; start < entry.syllables.length; start++) {
    if (entry.syllables[start] === null) continue;
    const m = matchFrom(entry.syllables, segments, start);
    if (m) return { start, end: m.end, full: m.full };
  }
  return null;
}

const hasCjk = (text) => /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(text);

function rank(a, b) {
  return (a.start === 0 ? 0 : 1) - (b.start === 0 ? 0 : 1)
    || (a.complete ? 0 : 1) - (b.complete ? 0 : 1)
    || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind]
    || b.full - a.full
    || a.entry.name.length - b.entry.name.length
    || a.entry.index - b.entry.index;
}

const result = (m, extra = {}) => ({ name: m.entry.name, kind: m.entry.kind, path: m.entry.path, entry: m.entry, start: m.start, end: m.end, ...extra });

/**
 * Names matching what is typed so far, best first: Chinese text as a prefix or substring of a name; Latin letters as pinyin
 * (whole syllables, initials, or both, the last one possibly unfinished). A name matched from its start comes before one
 * matched inside; a name typed in full (without a suffix such as 区 or 市) before one merely begun; then provinces, cities,
 * counties, agencies; then shorter names. Ambiguous input (htq) lists every name it fits, up to `limit`.
 * Returns [{ name, kind, path, entry, start, end, match: "chinese" | "pinyin" }], start/end being the characters matched.
 */
export function suggest(names, input, { limit = 10 } = {}) {
  const typed = fold(String(input ?? "")).trim();
  if (!typed) return [];
  const matches = [];
  if (hasCjk(typed)) {
    const text = typed.replace(/\s+/g, "");
    for (const entry of names.entries) {
      const start = entry.folded.indexOf(text);
      if (start < 0) continue;
      matches.push({ entry, start, end: start + text.length, full: text.length, complete: start === 0 && text.length >= entry.core, match: "chinese" });
    }
  } else {
    const segments = pinyinSegments(typed);
    if (!segments) return [];
    for (const entry of names.entries) {
      const m = pinyinMatch(entry, segments);
      if (m) matches.push({ entry, ...m, complete: m.start === 0 && m.end >= entry.core, match: "pinyin" });
    }
  }
  return matches.sort(rank).slice(0, limit).map((m) => result(m, { match: m.match }));
}

/** Whether two strings differ by one character: one replaced, added or left out. */
function oneApart(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Where a word stands in a name with exactly one character replaced (卫生建康局 in 红塔区卫生健康局), or -1. */
function oneReplacedInside(word, name) {
  for (let at = 0; at + word.length <= name.length; at++) {
    let differ = 0;
    for (let k = 0; k < word.length && differ < 2; k++) if (word[k] !== name[at + k]) differ++;
    if (differ === 1) return at;
  }
  return -1;
}

/**
 * The names closest to a word that found nothing, for 您要找的是不是…: names an abbreviation or former name away (红塔区卫健局 →
 * 红塔区卫生健康局, when `synonyms` from expand.js's loadSynonyms is given), names that sound the same (the typed characters'
 * pinyin, where the names file knows them, or typed pinyin), and names one character different (a character replaced, added
 * or left out, in the whole name or in part of it). Best first, one entry per name, at most `limit`.
 * Returns [{ name, kind, path, entry, start, end, reason: "abbreviation" | "same-pinyin" | "one-character" }].
 */
export function closestNames(names, input, { synonyms = null, limit = 5 } = {}) {
  const typed = fold(String(input ?? "")).replace(/\s+/g, "");
  if (!typed) return [];
  const found = new Map();
  const add = (entry, start, end, reason, order, whole) => {
    const previous = found.get(entry.index);
    if (!previous || order < previous.order || (order === previous.order && whole && !previous.whole)) found.set(entry.index, { entry, start, end, reason, order, whole });
  };

  if (!hasCjk(typed)) {
    for (const s of suggest(names, typed, { limit: Infinity })) add(s.entry, s.start, s.end, "same-pinyin", 1, s.start === 0 && s.end >= s.entry.core);
  } else {
    for (const { phrase } of synonyms ? expandWord(typed, synonyms) : []) {
      for (const entry of names.entries) {
        const at = entry.folded.indexOf(phrase);
        if (at >= 0) add(entry, at, at + phrase.length, "abbreviation", 0, at === 0 && phrase.length === entry.folded.length);
      }
    }
    const sounds = [...typed].map((ch) => names.readings.get(ch) ?? null);
    const known = sounds.every(Boolean);
    for (const entry of names.entries) {
      if (entry.folded.includes(typed)) continue;
      if (known) {
        for (let at = 0; at + sounds.length <= entry.syllables.length; at++) {
          if (sounds.every((s, k) => entry.syllables[at + k] === s)) { add(entry, at, at + sounds.length, "same-pinyin", 1, at === 0 && sounds.length === entry.folded.length); break; }
        }
      }
      if (oneApart(typed, entry.folded)) add(entry, 0, entry.folded.length, "one-character", 2, true);
      else if (typed.length >= 3) {
        const at = oneReplacedInside(typed, entry.folded);
        if (at >= 0) add(entry, at, at + typed.length, "one-character", 2, false);
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => a.order - b.order || (a.whole ? 0 : 1) - (b.whole ? 0 : 1) || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind]
      || a.entry.name.length - b.entry.name.length || a.entry.index - b.entry.index)
    .slice(0, limit)
    .map((m) => result(m, { reason: m.reason }));
}
