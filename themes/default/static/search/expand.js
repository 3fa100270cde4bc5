// Query expansion with synonyms: short forms and former names of government bodies (卫健局, 环保局) are also searched under the
// names that reports use (卫生健康局, 生态环境局), at query time, so the index does not grow. The table is search/synonyms.json,
// written by SiteGen (SiteGen.Search.SynonymsFile: the built-in table plus the site's own `search: synonyms:`).
// Plain ES module, no dependencies beyond the tokenizer's fold; pure functions.
//
//   const synonyms = loadSynonyms(await (await fetch(base + "synonyms.json")).json());
//   const { words, added } = expandQuery("红塔区卫健局 2023", synonyms);
//   // words: [{ typed: "红塔区卫健局", alternatives: ["红塔区卫生健康局"] }, { typed: "2023", alternatives: [] }]
//   // added: ["红塔区卫生健康局"] → 同时搜索了：红塔区卫生健康局

import { fold } from "./search.js";

/** Reads the synonyms file ({ version: 1, synonyms: [[typed, alternative, …], …] }) into a table for expandQuery. */
export function loadSynonyms(json) {
  if (json?.version !== 1 || !Array.isArray(json.synonyms)) throw new Error("unsupported synonyms file");
  const byFirst = new Map();
  for (const [typed, ...alternatives] of json.synonyms) {
    const key = fold(typed);
    if (!key || alternatives.length === 0) continue;
    if (!byFirst.has(key[0])) byFirst.set(key[0], []);
    byFirst.get(key[0]).push({ typed: key, alternatives: alternatives.map(fold) });
  }
  // The longest form at a place wins: 卫生和计划生育委员会 before a shorter form that starts the same way.
  for (const list of byFirst.values()) list.sort((a, b) => b.typed.length - a.typed.length || (a.typed < b.typed ? -1 : 1));
  return { byFirst };
}

/** Whether the form at `at` of the word is already part of one of its own alternatives (旅游局 inside 文化和旅游局). */
function insideAlternative(word, at, entry) {
  for (const alternative of entry.alternatives) {
    for (let j = alternative.indexOf(entry.typed); j >= 0; j = alternative.indexOf(entry.typed, j + 1)) {
      if (at - j >= 0 && word.startsWith(alternative, at - j)) return true;
    }
  }
  return false;
}

/**
 * The places in a folded word where a synonym's typed form stands: [{ at, entry }], left to right, not overlapping, the longest
 * form at each place.
 */
function occurrences(word, table) {
  const found = [];
  for (let i = 0; i < word.length;) {
    const entry = (table.byFirst.get(word[i]) ?? []).find((e) => word.startsWith(e.typed, i) && !insideAlternative(word, i, e));
    if (entry) { found.push({ at: i, entry }); i += entry.typed.length; } else i++;
  }
  return found;
}

/**
 * The alternatives of one word: the word with one or more of its synonym forms replaced in place, each to be searched as one
 * phrase exactly like the typed word (红塔区卫健局 → 红塔区卫生健康局, which matches only where those characters stand together).
 * Returns [{ phrase, replaced: [{ from, to }] }], at most `limit`, the typed word itself not among them.
 */
export function expandWord(word, table, { limit = 8 } = {}) {
  const folded = fold(word);
  const found = occurrences(folded, table);
  if (found.length === 0) return [];
  const results = [];
  const seen = new Set([folded]);
  // Every combination of choices (0 = as typed, k = the k-th alternative), in order; the all-as-typed one is the word itself.
  const choice = new Array(found.length).fill(0);
  const advance = () => {
    for (let k = found.length - 1; k >= 0; k--) {
      if (++choice[k] <= found[k].entry.alternatives.length) return true;
      choice[k] = 0;
    }
    return false;
  };
  while (results.length < limit && advance()) {
    let phrase = "";
    let from = 0;
    const replaced = [];
    found.forEach(({ at, entry }, k) => {
      phrase += folded.slice(from, at);
      if (choice[k] === 0) phrase += entry.typed;
      else {
        const to = entry.alternatives[choice[k] - 1];
        phrase += to;
        replaced.push({ from: entry.typed, to });
      }
      from = at + entry.typed.length;
    });
    phrase += folded.slice(from);
    if (!seen.has(phrase)) { seen.add(phrase); results.push({ phrase, replaced }); }
  }
  return results;
}

/**
 * Expands each space-separated word of a query. Returns { words: [{ typed, alternatives: [phrase, …] }], added: [phrase, …],
 * replaced: [{ from, to }] }: a word matches a report when its typed form or any of its alternatives does (each as a phrase),
 * and every word must match, as without expansion. `added` lists the phrases also searched, for 同时搜索了：…; searching
 * `words.map((w) => w.typed)` alone is "search only what was typed".
 */
export function expandQuery(query, table, { limit = 8 } = {}) {
  const words = [];
  const added = [];
  const replaced = [];
  for (const typed of fold(query).split(/\s+/)) {
    if (!typed) continue;
    const expansions = table ? expandWord(typed, table, { limit }) : [];
    words.push({ typed, alternatives: expansions.map((e) => e.phrase) });
    for (const e of expansions) {
      if (!added.includes(e.phrase)) added.push(e.phrase);
      for (const r of e.replaced) if (!replaced.some((x) => x.from === r.from && x.to === r.to)) replaced.push(r);
    }
  }
  return { words, added, replaced };
}
