// SiteGen search runtime: reads the sharded index written by SiteGen.Search (format: src/SiteGen/Search/SearchFormat.cs), one
// object at a time from pack files with HTTP Range requests (a host without them still works: each pack is then fetched whole).
// Plain ES module, no dependencies, no eval, no WebAssembly: works in browsers and in Node (give it fetch and an absolute base URL).
//
//   const search = await createSearch({ baseUrl: "/reports/search/idx/" });
//   const run = search.query("医疗纠纷调解 2023");
//   const page = await run.page({ offset: 0, limit: 10, filters: { year: "2023" } });
//   const shown = await Promise.all(page.results.map((r) => run.describe(r)));

// ---------------------------------------------------------------------------------------------------------------
// Tokenizer: identical to SiteGen.Search.Tokenizer (C#); tests/vectors/tokenizer.json proves it in both suites.

import foldPairs from "./fold-table.js";

const isFoldableLetterRange = (c) => (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x3ff) || (c >= 0x400 && c <= 0x4ff);
const letter = /\p{L}/u;

function foldWidthAndCase(c) {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) return 0x20;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c >= 0xc0 && c !== 0x130 && isFoldableLetterRange(c)) {
    const lower = String.fromCharCode(c).toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  return c;
}

// Every UTF-16 unit folded once, at load: the traditional → simplified pairs (generated from OpenCC, the same as C#'s; the
// encoding is in fold-table.js) over the rest.
const FOLD = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLD[c] = foldWidthAndCase(c);
{
  let from = 0;
  for (const pair of foldPairs.split(";")) {
    const [gap, offset] = pair.split(",");
    from += parseInt(gap, 36);
    FOLD[from] = from + parseInt(offset, 36);
  }
}

/** Folds one UTF-16 unit (as a code): full-width ASCII to half-width, ideographic space to space, letters to lower case, traditional to simplified. */
export const foldCode = (c) => FOLD[c];

/** Folds a string unit by unit; the result has the same length, so offsets carry over to the original text. */
export function fold(text) {
  // Built in slices, not one character at a time: appending per character makes deep rope strings in V8.
  const parts = [];
  const codes = new Array(Math.min(text.length, 4096));
  for (let start = 0; start < text.length; start += 4096) {
    const end = Math.min(text.length, start + 4096);
    codes.length = end - start;
    for (let i = start; i < end; i++) codes[i - start] = foldCode(text.charCodeAt(i));
    parts.push(String.fromCharCode.apply(null, codes));
  }
  return parts.join("");
}

export const isCjk = (c) => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
  || c === 0x3007 || (c >= 0x3041 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);

const isDigit = (c) => c >= 0x30 && c <= 0x39;
const isWordChar = (c) => (c >= 0x61 && c <= 0x7a) || isDigit(c) || (isFoldableLetterRange(c) && letter.test(String.fromCharCode(c)));

/**
 * Tokenizes text whose first token takes position `start`.
 * Returns { tokens: [{ term, position, kind }], next } with kind "bigram" | "unigram" | "word" | "join" (a word with the CJK
 * character right after it, 2020年), in the C# emission order.
 */
export function tokenize(text, start = 0) {
  const tokens = [];
  let pos = start;
  let gap = false;
  let i = 0;
  while (i < text.length) {
    const c = foldCode(text.charCodeAt(i));
    if (isCjk(c)) {
      if (gap) { pos++; gap = false; }
      const ch = String.fromCharCode(c);
      tokens.push({ term: ch, position: pos, kind: "unigram" });
      if (i + 1 < text.length) {
        const next = foldCode(text.charCodeAt(i + 1));
        if (isCjk(next)) tokens.push({ term: ch + String.fromCharCode(next), position: pos, kind: "bigram" });
      }
      pos++;
      i++;
    } else if (isWordChar(c)) {
      if (gap) { pos++; gap = false; }
      let word = "";
      let lastDigit = false;
      while (i < text.length) {
        const d = foldCode(text.charCodeAt(i));
        const take = isWordChar(d) || ((d === 0x2e || d === 0x2c) && lastDigit && i + 1 < text.length && isDigit(foldCode(text.charCodeAt(i + 1))));
        if (!take) break;
        word += String.fromCharCode(d);
        lastDigit = isDigit(d);
        i++;
      }
      if (lastDigit && i < text.length && foldCode(text.charCodeAt(i)) === 0x25) {
        word += "%";
        i++;
      }
      tokens.push({ term: word, position: pos, kind: "word" });
      if (i < text.length && isCjk(foldCode(text.charCodeAt(i)))) tokens.push({ term: word + String.fromCharCode(foldCode(text.charCodeAt(i))), position: pos, kind: "join" });
      pos++;
    } else {
      if (pos > start) gap = true;
      i++;
    }
  }
  return { tokens, next: gap ? pos + 1 : pos };
}

// ---------------------------------------------------------------------------------------------------------------
// Query parsing: each space-separated word must match; a word with CJK text must match as a phrase.

/**
 * Splits a query into words and, per word, the index terms to look up: every bigram of each CJK run and every Latin word or
 * number carries positions for the phrase check; a lone CJK character is checked by presence only (single characters are
 * indexed without positions). Covering bigrams (first, every second, last) are the word's parts; the others are helpers:
 * implied by the parts, used only when rare, to rule out documents cheaply.
 */
export function parseQuery(query) {
  const words = [];
  for (const raw of fold(query).split(/\s+/)) {
    if (!raw) continue;
    const { tokens } = tokenize(raw);
    if (tokens.length === 0) continue;
    const bigramAt = new Map();
    const joinAt = new Map();
    for (const t of tokens) if (t.kind === "bigram") bigramAt.set(t.position, t.term);
    for (const t of tokens) if (t.kind === "join") joinAt.set(t.position, t.term);
    const parts = [];
    for (const t of tokens) {
      if (t.kind === "word") {
        parts.push({ term: t.term, offset: t.position, positional: true, helper: false });
      } else if (t.kind === "unigram") {
        const startsBigram = bigramAt.has(t.position);
        const endsBigram = bigramAt.has(t.position - 1);
        if (!startsBigram && !endsBigram && joinAt.has(t.position - 1)) {
          // A lone character right after a number (2020年): the join token checks both and their order by position.
          parts.push({ term: joinAt.get(t.position - 1), offset: t.position - 1, positional: true, helper: false });
        } else if (!startsBigram && !endsBigram) {
          parts.push({ term: t.term, offset: t.position, positional: false, helper: false });
        }
      } else if (t.kind === "bigram") {
        let runFirst = t.position;
        while (bigramAt.has(runFirst - 1)) runFirst--;
        const covering = runFirst === t.position || !bigramAt.has(t.position + 1) || (t.position - runFirst) % 2 === 0;
        parts.push({ term: t.term, offset: t.position, positional: true, helper: !covering });
      }
    }
    words.push({ text: raw, parts });
  }
  return words;
}

// ---------------------------------------------------------------------------------------------------------------
// Index access.

/** Decodes base64url (no padding) into bytes. */
function base64UrlBytes(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads unsigned LEB128 varints from bytes: next() returns the value at the cursor and advances. */
function varintReader(bytes) {
  let i = 0;
  return {
    next() {
      let value = 0;
      let shift = 0;
      while (true) {
        const b = bytes[i++];
        value += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return value;
        shift += 7;
      }
    },
    get done() { return i >= bytes.length; },
  };
}

/** Decodes the filter ranges of the manifest (base64url varints). */
function decodeVarints(base64url) {
  const reader = varintReader(base64UrlBytes(base64url));
  const out = [];
  while (!reader.done) out.push(reader.next());
  return out;
}

/**
 * Decodes a binary posting block (bytes, or base64url text for an inline block) into [{ doc, score, agency, positions }]
 * (positions absolute, ascending). Layout: n, n document ids, n scores, n agency codes, then per document a count and gaps.
 */
export function decodeBlock(block) {
  const reader = varintReader(typeof block === "string" ? base64UrlBytes(block) : block);
  const postings = readHeader(reader);
  const positions = readPositions(reader, postings.length);
  for (let i = 0; i < postings.length; i++) postings[i].positions = positions[i];
  return postings;
}

/** Decodes the header of a posting block (bytes): [{ doc, score, agency }], without positions. */
export function decodeBlockHeader(bytes) { return readHeader(varintReader(bytes)); }

/** Decodes the positions part of a posting block of n documents (bytes): per document, its positions (absolute, ascending). */
export function decodeBlockPositions(bytes, n) { return readPositions(varintReader(bytes), n); }

function readHeader(reader) {
  const n = reader.next();
  const postings = new Array(n);
  for (let i = 0; i < n; i++) postings[i] = { doc: reader.next(), score: 0, agency: 0, positions: undefined };
  for (let i = 0; i < n; i++) postings[i].score = reader.next();
  for (let i = 0; i < n; i++) postings[i].agency = reader.next();
  return postings;
}

function readPositions(reader, n) {
  const lists = new Array(n);
  for (let i = 0; i < n; i++) {
    const count = reader.next();
    const positions = new Array(count);
    let last = 0;
    for (let j = 0; j < count; j++) {
      last += reader.next();
      positions[j] = last;
    }
    lists[i] = positions;
  }
  return lists;
}

/** The last entry whose first term is ≤ term (terms compare by UTF-16 units, as in C# ordinal order). */
function floorEntry(list, term) {
  let lo = 0;
  let hi = list.length - 1;
  let found = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].first <= term) { found = list[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

function resolveBase(baseUrl) {
  const href = typeof location !== "undefined" ? location.href : undefined;
  const url = new URL(baseUrl, href);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

const utf8 = new TextDecoder();

/**
 * Reads index files: whole JSON files, and objects inside pack files by HTTP Range request ("PACK:OFFSET:LENGTH"). A host that
 * ignores Range answers 200 with the whole pack; it is then kept and sliced, and later packs are fetched whole at once.
 */
class IndexFiles {
  constructor(base, fetchImpl) {
    this.base = base;
    this.fetch = fetchImpl;
    this.cache = new Map();
    this.whole = new Map();
    this.rangesIgnored = false;
  }

  async get(path, init) {
    const response = await this.fetch(new URL(path, this.base).href, init);
    if (!response.ok) throw new Error(`search index file ${path}: HTTP ${response.status}`);
    return response;
  }

  once(key, load) {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key);
  }

  /** A whole JSON file. */
  json(path) { return this.once(path, async () => (await this.get(path)).json()); }

  /** A whole pack, fetched once. */
  pack(path) {
    if (!this.whole.has(path)) this.whole.set(path, this.get(path).then(async (r) => new Uint8Array(await r.arrayBuffer())));
    return this.whole.get(path);
  }

  /** Bytes [offset, offset + length) of a pack. */
  bytes(path, offset, length) {
    return this.once(`${path}:${offset}:${length}`, async () => {
      // Until the host has answered one range request, others wait, so that a host without ranges sends each pack once.
      if (this.probe) await this.probe.catch(() => {});
      if (this.rangesIgnored || this.whole.has(path)) return (await this.pack(path)).subarray(offset, offset + length);
      const request = this.range(path, offset, length);
      this.probe ??= request;
      return request;
    });
  }

  async range(path, offset, length) {
    const response = await this.get(path, { headers: { Range: `bytes=${offset}-${offset + length - 1}` } });
    const data = new Uint8Array(await response.arrayBuffer());
    if (response.status === 206) {
      if (data.length !== length) throw new Error(`search index file ${path}: expected ${length} bytes at ${offset}, got ${data.length}`);
      return data;
    }
    this.rangesIgnored = true;
    this.whole.set(path, Promise.resolve(data));
    return data.subarray(offset, offset + length);
  }

  /** The JSON object a reference names: a whole file ("FILE") or bytes of a pack ("PACK:OFFSET:LENGTH"). */
  async refJson(ref) {
    const [path, offset, length] = ref.split(":");
    if (offset === undefined) return this.json(path);
    return this.once(`json:${ref}`, async () => JSON.parse(utf8.decode(await this.bytes(path, Number(offset), Number(length)))));
  }
}

/** Opens the index at baseUrl (the folder holding manifest.json). */
export async function createSearch({ baseUrl, fetch: fetchImpl = globalThis.fetch.bind(globalThis) }) {
  const files = new IndexFiles(resolveBase(baseUrl), fetchImpl);
  const manifest = await files.json("manifest.json");
  if (manifest.version !== 2) throw new Error(`search index version ${manifest.version} is not supported by this runtime (2)`);
  return new Search(manifest, files);
}

class Search {
  constructor(manifest, files) {
    this.manifest = manifest;
    this.files = files;
    this.runs = new Map();
  }

  /** Looks a term up through the two-level shard directory: its entry ({ t, df, inline | blocks }) or null. */
  async entry(term) {
    const page = floorEntry(this.manifest.directory, term);
    if (!page) return null;
    const shard = floorEntry((await this.files.refJson(page.ref)).shards, term);
    if (!shard) return null;
    const terms = (await this.files.refJson(shard.ref)).terms;
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid].t === term) return terms[mid];
      if (terms[mid].t < term) lo = mid + 1; else hi = mid - 1;
    }
    return null;
  }

  /** The postings of one block without their positions (positions: undefined), fetching only the block's header; an inline block
   * comes whole. */
  async blockHeader(entry, index) {
    if (entry.inline) return decodeBlock(entry.inline);
    const { ref, h } = entry.blocks[index];
    const [file, offset] = ref.split(":");
    return decodeBlockHeader(await this.files.bytes(file, Number(offset), h));
  }

  /** The positions of one block's documents, in block order, fetching only the part after the header. */
  async blockPositions(entry, index) {
    const { ref, h, n } = entry.blocks[index];
    const [file, offset, length] = ref.split(":");
    return decodeBlockPositions(await this.files.bytes(file, Number(offset) + h, Number(length) - h), n);
  }

  /** The facets of a document id: year, region (−1: none) and series codes from the manifest's id ranges. */
  facetsOf(doc) {
    if (!this.ranges) {
      const packed = decodeVarints(this.manifest.filters.ranges);
      this.ranges = [];
      let start = 0;
      for (let i = 0; i < packed.length; i += 4) {
        start += packed[i];
        this.ranges.push({ start, year: packed[i + 1], region: packed[i + 2] - 1, series: packed[i + 3] });
      }
    }
    const ranges = this.ranges;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ranges[mid].start <= doc) lo = mid; else hi = mid - 1;
    }
    return ranges[lo];
  }

  /** Filter values with archive-wide counts: year, region, series (agency names load per page, see agencyName). */
  get filters() { return this.manifest.filters; }

  async agencyName(code) {
    const f = this.manifest.filters;
    const page = await this.files.json(f.agencyPages[Math.floor(code / f.agencyPageSize)]);
    return page.values[code % f.agencyPageSize]?.name ?? "";
  }

  /** The document pack holding a document id, and the document's place in it. */
  async packOf(doc) {
    const m = this.manifest;
    const pack = Math.floor(doc / m.docsPerPack);
    const page = await this.files.json(m.docPages[Math.floor(pack / m.packsPerDocPage)]);
    return { file: page.packs[pack % m.packsPerDocPage], index: doc - pack * m.docsPerPack, count: Math.min(m.docsPerPack, m.docs - pack * m.docsPerPack) };
  }

  /** A document's record: title, url, agency, year, region, series, bodyStart, chunkStarts, and its chunks' places in its pack. */
  async document(doc) {
    const { file, index, count } = await this.packOf(doc);
    const header = await this.files.bytes(file, 0, 4 * (count + 1));
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    const from = view.getUint32(4 * index, true);
    const record = await this.files.refJson(`${file}:${from}:${view.getUint32(4 * index + 4, true) - from}`);
    return { ...record, pack: file };
  }

  /** Chunk number `index` of a document record: { sections, text }. */
  async chunk(record, index) {
    return this.files.refJson(`${record.pack}:${record.chunks[2 * index]}:${record.chunks[2 * index + 1]}`);
  }

  /** A query run: keeps what it has loaded, so "more results" and filter changes fetch only what is still missing. */
  query(text) {
    const key = fold(text).trim().split(/\s+/).join(" ");
    if (!this.runs.has(key)) this.runs.set(key, new QueryRun(this, parseQuery(text)));
    return this.runs.get(key);
  }
}

/** BM25's inverse document frequency, as the indexer defines it: stored scores are the term-frequency part (× 1000). */
export function idf(df, docs) { return Math.log(1 + (docs - df + 0.5) / (df + 0.5)); }

class TermState {
  constructor(entry, helper = false, docs = 0) {
    this.entry = entry;
    this.helper = helper;
    this.weight = entry ? idf(entry.df, docs) / 1000 : 0;
    this.postings = new Map();
    this.loaded = 0;
    const total = entry ? (entry.inline ? 1 : entry.blocks.length) : 0;
    this.total = total;
  }

  get exhausted() { return this.loaded >= this.total; }

  /** Loads the next block's documents and scores (positions come later, only for the documents a phrase check needs). */
  async loadNext(search) {
    if (this.exhausted) return;
    const index = this.loaded;
    const postings = await search.blockHeader(this.entry, index);
    for (const p of postings) {
      p.block = index;
      this.postings.set(p.doc, p);
    }
    (this.blockDocs ??= [])[index] = postings.map((p) => p.doc);
    this.loaded++;
  }

  /** Loads the positions of block `index` once. */
  loadPositions(search, index) {
    this.positionLoads ??= new Map();
    if (!this.positionLoads.has(index)) {
      this.positionLoads.set(index, search.blockPositions(this.entry, index).then((lists) => {
        this.blockDocs[index].forEach((doc, i) => { this.postings.get(doc).positions = lists[i]; });
      }));
    }
    return this.positionLoads.get(index);
  }

  /** The positions of a document; they must have been loaded (see QueryRun.ensurePositions). */
  positionsOf(doc) {
    const positions = this.postings.get(doc).positions;
    if (positions === undefined) throw new Error(`search: positions of "${this.entry.t}" in document ${doc} were not loaded`);
    return positions;
  }
}

class QueryRun {
  constructor(search, words) {
    this.search = search;
    this.words = words;
    this.terms = null;
  }

  async init() {
    if (this.terms) return;
    const unique = [...new Set(this.words.flatMap((w) => w.parts.map((p) => p.term)))];
    const entries = await Promise.all(unique.map((t) => this.search.entry(t)));
    const byTerm = new Map(unique.map((t, i) => [t, entries[i]]));
    const isPart = new Set(this.words.flatMap((w) => w.parts.filter((p) => !p.helper).map((p) => p.term)));
    // A missing part: nothing matches, not even partially. A missing helper: no exact match, partial matches remain possible.
    this.missing = [...isPart].some((t) => byTerm.get(t) === null);
    this.noExact = this.missing || unique.some((t) => byTerm.get(t) === null);
    this.terms = new Map(unique.filter((t) => byTerm.get(t)).map((t) => [t, new TermState(byTerm.get(t), !isPart.has(t), this.search.manifest.docs)]));
    for (const w of this.words) w.used = w.parts.filter((p) => this.terms.has(p.term));
    this.positional = new Set(this.words.flatMap((w) => w.parts.filter((p) => p.positional).map((p) => p.term)));
    this.partTerms = [...isPart].filter((t) => this.terms.has(t)).map((t) => this.terms.get(t));
    if (this.missing) return;
    await Promise.all(this.partTerms.map((s) => s.loadNext(this.search)));
  }

  /**
   * Where a word matches as a phrase in a document: the first position, -1 when it does not, or null when it cannot be told yet.
   * Parts always count, helpers only once fully loaded; with onlyClosed, only fully loaded terms count (to rule documents out early).
   */
  phraseAt(word, doc, onlyClosed = false) {
    const parts = word.used.filter((p) => (onlyClosed ? this.terms.get(p.term).exhausted : !p.helper || this.terms.get(p.term).exhausted));
    for (const p of parts) if (!this.terms.get(p.term).postings.has(doc)) return onlyClosed ? -1 : null;
    const positional = parts.filter((p) => p.positional);
    if (positional.length === 0) return 0;
    const anchor = positional[0];
    const sets = positional.slice(1).map((p) => ({ delta: p.offset - anchor.offset, set: new Set(this.terms.get(p.term).positionsOf(doc)) }));
    for (const start of this.terms.get(anchor.term).positionsOf(doc)) {
      if (sets.every(({ delta, set }) => set.has(start + delta))) return start - anchor.offset;
    }
    return -1;
  }

  /** Documents seen in every part so far, as { doc, score, exact, at } (at: position of the first phrase match). */
  candidates() {
    const states = this.partTerms;
    const smallest = states.reduce((a, b) => (a.postings.size <= b.postings.size ? a : b));
    const out = [];
    for (const doc of smallest.postings.keys()) {
      if (!states.every((s) => s.postings.has(doc))) continue;
      let score = 0;
      for (const s of states) score += s.weight * s.postings.get(doc).score;
      let exact = !this.noExact && !this.partialKnown;
      let at = Infinity;
      for (const w of this.words) {
        if (!exact) break;
        const p = this.phraseAt(w, doc);
        if (p === null || p < 0) exact = false;
        else at = Math.min(at, p);
      }
      out.push({ doc, score, exact, at: exact ? at : -1, agency: smallest.postings.get(doc).agency });
    }
    return out;
  }

  get exhausted() { return this.partTerms.every((s) => s.exhausted); }

  /**
   * Loads the positions that the phrase checks of candidates() and exactSettled() will read: of every positional term that counts
   * (parts, and helpers once fully loaded), for the documents in every part and the documents in every fully loaded term.
   * Positions of a block come in one request after its header, and only for blocks that hold such a document.
   */
  async ensurePositions() {
    if (this.noExact || this.partialKnown) return;
    const docs = new Set();
    const inAll = (states) => {
      if (states.length === 0) return;
      const driver = states.reduce((a, b) => (a.postings.size <= b.postings.size ? a : b));
      for (const doc of driver.postings.keys()) if (states.every((s) => s.postings.has(doc))) docs.add(doc);
    };
    inAll(this.partTerms);
    inAll([...this.terms.values()].filter((s) => s.exhausted));
    const loads = [];
    for (const [term, state] of this.terms) {
      if (!this.positional.has(term) || (state.helper && !state.exhausted)) continue;
      for (const doc of docs) {
        const p = state.postings.get(doc);
        if (p && p.positions === undefined) loads.push(state.loadPositions(this.search, p.block));
      }
    }
    await Promise.all(loads);
  }

  /**
   * True when every document that could still match exactly has been seen in every term: documents outside a fully loaded
   * term, or whose fully loaded terms already contradict the phrase, are ruled out without loading the rest.
   */
  exactSettled() {
    if (this.noExact || this.partialKnown || this.partTerms.every((s) => s.exhausted)) return true;
    const states = this.partTerms;
    const closed = [...this.terms.values()].filter((s) => s.exhausted);
    if (closed.length === 0) return false;
    const driver = closed.reduce((a, b) => (a.postings.size <= b.postings.size ? a : b));
    for (const doc of driver.postings.keys()) {
      if (closed.some((s) => !s.postings.has(doc))) continue;
      if (this.words.some((w) => this.phraseAt(w, doc, true) < 0)) continue;
      if (states.some((s) => !s.postings.has(doc))) return false;
    }
    return true;
  }

  /**
   * Which posting lists to extend next. While matches are being found, the next block of every part (they are score-ordered,
   * so the best documents come first). While none is found, the whole list of the rarest term, helpers included: once two
   * terms of a phrase are fully loaded, documents where they are not in phrase order are ruled out without loading the rest.
   */
  nextLoads(finding) {
    const open = (list) => list.filter((s) => !s.exhausted);
    if (finding) return open(this.partTerms);
    const rarest = open([...this.terms.values()]).sort((a, b) => a.entry.df - b.entry.df)[0];
    return rarest ? [rarest] : [];
  }

  passes(c, filters) {
    if (!filters) return true;
    const f = this.search.facetsOf(c.doc);
    const names = this.search.manifest.filters;
    if (filters.year && names.year[f.year]?.name !== filters.year) return false;
    if (filters.region && names.region[f.region]?.name !== filters.region) return false;
    if (filters.series && names.series[f.series]?.name !== filters.series) return false;
    if (filters.agency !== undefined && filters.agency !== null && filters.agency !== "" && c.agency !== Number(filters.agency)) return false;
    return true;
  }

  /**
   * The results from offset to offset + limit, loading further posting blocks only while fewer are known.
   * Returns { results, total, complete, partial, facets }: total counts the matches known so far (all of them when complete);
   * partial is true when nothing matches exactly and the results are reports that contain every part of the query.
   */
  async page({ offset = 0, limit = 10, filters = null } = {}) {
    await this.init();
    if (this.words.length === 0 || this.missing) {
      return { results: [], total: 0, complete: true, partial: false, facets: emptyFacets() };
    }
    const want = offset + limit + 1;
    while (true) {
      await this.ensurePositions();
      const all = this.candidates();
      const exact = all.filter((c) => c.exact);
      const settled = this.exactSettled();
      const partial = settled && exact.length === 0;
      // Nothing can match exactly any more: from now on only documents count, and no positions are fetched.
      if (partial) this.partialKnown = true;
      const pool = partial ? all : exact;
      const keep = pool.filter((c) => this.passes(c, filters)).sort((a, b) => b.score - a.score || a.doc - b.doc);
      const complete = partial ? this.exhausted : settled;
      if (complete || keep.length >= want) {
        return { results: keep.slice(offset, offset + limit), total: keep.length, complete, partial, facets: this.facets(pool) };
      }
      await Promise.all(this.nextLoads(partial || exact.length > 0).map((s) => s.loadNext(this.search)));
    }
  }

  facets(pool) {
    const names = this.search.manifest.filters;
    const count = (list, key) => {
      const counts = new Map();
      for (const c of pool) {
        const k = key(c);
        if (k !== undefined && k >= 0) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([code, n]) => ({ code, name: list ? list[code]?.name ?? "" : null, count: n }));
    };
    return {
      year: count(names.year, (c) => this.search.facetsOf(c.doc).year).sort((a, b) => (a.name < b.name ? 1 : -1)),
      region: count(names.region, (c) => this.search.facetsOf(c.doc).region),
      series: count(names.series, (c) => this.search.facetsOf(c.doc).series),
      agency: count(null, (c) => c.agency),
    };
  }

  /**
   * What a result shows: title, agency, year, region, the link to the matching section, and an excerpt as
   * [{ text, match }] segments (match = highlighted). Loads the document record and one text chunk.
   */
  async describe(result, { context = 40 } = {}) {
    const doc = await this.search.document(result.doc);
    // Exact results highlight each query word; partial ones highlight the parts they do contain.
    const pieces = [...new Set(this.words.flatMap((w) => (result.exact ? [w.text] : w.parts.filter((p) => !p.helper).map((p) => p.term))))]
      .filter(Boolean).sort((a, b) => b.length - a.length);
    let index = 0;
    if (result.exact && result.at >= doc.bodyStart) {
      for (let i = 0; i < doc.chunkStarts.length; i++) if (doc.chunkStarts[i] <= result.at) index = i;
    }
    let excerpt = [];
    let section = "";
    if (doc.chunks.length > 0) {
      let chunk = await this.search.chunk(doc, index);
      let hit = findFirst(fold(chunk.text), pieces);
      if (hit.index < 0 && index !== 0 && !result.exact) {
        chunk = await this.search.chunk(doc, 0);
        hit = findFirst(fold(chunk.text), pieces);
      }
      const at = Math.max(hit.index, 0);
      for (const s of chunk.sections) if (s.at <= at) section = s.id;
      const from = hit.index < 0 ? 0 : Math.max(0, hit.index - context);
      const to = Math.min(chunk.text.length, (hit.index < 0 ? 0 : hit.index) + context * 2 + 20);
      excerpt = highlight(chunk.text, from, to, pieces);
      if (from > 0) excerpt.unshift({ text: "…", match: false });
      if (to < chunk.text.length) excerpt.push({ text: "…", match: false });
    }
    const firstMatch = excerpt.find((s) => s.match)?.text;
    let url = doc.url;
    if (section) url += `#${encodeURIComponent(section)}`;
    if (firstMatch) url += `${section ? "" : "#"}:~:text=${encodeURIComponent(firstMatch)}`;
    return { doc: result.doc, title: doc.title, agency: doc.agency, year: doc.year, region: doc.region, series: doc.series, url, section, excerpt, exact: result.exact };
  }
}

function emptyFacets() { return { year: [], region: [], series: [], agency: [] }; }

function findFirst(folded, pieces) {
  let best = { index: -1, length: 0 };
  for (const p of pieces) {
    const i = folded.indexOf(p);
    if (i >= 0 && (best.index < 0 || i < best.index)) best = { index: i, length: p.length };
  }
  return best;
}

/** Cuts text[from, to) into segments, marking every occurrence of the (folded) pieces. */
export function highlight(text, from, to, pieces) {
  const folded = fold(text);
  const marks = new Array(to - from).fill(false);
  for (const p of pieces) {
    if (!p) continue;
    for (let i = folded.indexOf(p, Math.max(0, from - p.length + 1)); i >= 0 && i < to; i = folded.indexOf(p, i + 1)) {
      for (let k = Math.max(i, from); k < Math.min(i + p.length, to); k++) marks[k - from] = true;
    }
  }
  const segments = [];
  for (let i = from; i < to;) {
    let j = i;
    while (j < to && marks[j - from] === marks[i - from]) j++;
    segments.push({ text: text.slice(i, j), match: marks[i - from] });
    i = j;
  }
  return segments;
}
