// SiteGen search runtime: reads the index written by SiteGen.Search (format: src/SiteGen/Search/SearchFormat.cs), one object at a
// time from pack files with HTTP Range requests (a host without them still works: each pack is then fetched whole).
// Plain ES module, no dependencies, no eval, no WebAssembly: works in browsers and in Node (give it fetch and an absolute base URL).
//
//   const search = await createSearch({ baseUrl: "/reports/search/idx/" });
//   const view = await search.view({ q: "医疗纠纷调解", filters: { year: ["2023"] }, sort: "relevance", page: 1 });
//   // view.count = { value, exact }, view.results (with excerpts), view.facets (year, region, agency, series, and the site's
//   // own taxonomies: view.facets.taxonomies)

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
// Index access: the binary codes of the format (src/SiteGen/Search/SearchFormat.cs).

/** Decodes base64url (no padding) into bytes. */
function base64UrlBytes(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads unsigned LEB128 varints from bytes: next() returns the value at the cursor and advances. */
function varintReader(bytes, offset = 0) {
  let i = offset;
  return {
    next() {
      let value = 0;
      let shift = 0;
      while (true) {
        if (i >= bytes.length) throw new Error("search index: a varint is cut short");
        const b = bytes[i++];
        value += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return value;
        shift += 7;
      }
    },
    get offset() { return i; },
    set offset(value) { i = value; },
    get done() { return i >= bytes.length; },
  };
}

/** Reads bits least significant first (as the indexer writes them), with the Elias gamma and Rice codes of term objects. */
class BitReader {
  constructor(bytes) {
    this.bytes = bytes;
    this.bit = 0;
  }

  next() {
    const b = (this.bytes[this.bit >> 3] >> (this.bit & 7)) & 1;
    this.bit++;
    return b;
  }

  read(count) {
    let value = 0;
    for (let i = 0; i < count; i++) value += this.next() * 2 ** i;
    return value;
  }

  gamma() {
    let top = 0;
    while (this.next() === 0) if (++top > 31 || this.bit > 8 * this.bytes.length) throw new Error("search index: a gamma code is damaged");
    return 2 ** top + this.read(top);
  }

  rice(k) {
    let quotient = 0;
    while (this.next() === 1) {
      if (this.bit > 8 * this.bytes.length) throw new Error("search index: a Rice code is damaged");
      quotient++;
    }
    return quotient * 2 ** k + this.read(k);
  }
}

/** The Rice parameter for gaps averaging range / count: ⌊log₂(⌊range × 69 / (count × 100)⌋)⌋, at least 0 (as BitRules.RiceParameter). */
function riceParameter(range, count) {
  if (count <= 0) return 0;
  const mean = Math.floor((range * 69) / (count * 100));
  return mean < 1 ? 0 : 31 - Math.clz32(mean);
}

/** A document's key in the order of positions (MurmurHash3's finalizer of its id, as BitRules.SampleKey): any prefix of that
 * order is a random sample of the archive. */
export function sampleKey(doc) {
  let h = doc >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a (32 bits) over a term's UTF-16 code units as little-endian byte pairs: which shard holds it (as TermShards.Hash). */
function termHash(term) {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    h = Math.imul(h ^ (c & 0xff), 16777619);
    h = Math.imul(h ^ (c >>> 8), 16777619);
  }
  return h >>> 0;
}

/** Inflates a raw DEFLATE stream with the platform's DecompressionStream. */
async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function resolveBase(baseUrl) {
  const href = typeof location !== "undefined" ? location.href : undefined;
  const url = new URL(baseUrl, href);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

const utf8 = new TextDecoder();
const utf16 = new TextDecoder("utf-16le");

/**
 * Reads index files: whole files, and byte ranges of pack files by HTTP Range request. A host that ignores Range answers 200 with
 * the whole pack; it is then kept and sliced, and later packs are fetched whole at once.
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

  json(path) { return this.once(path, async () => (await this.get(path)).json()); }

  /** A whole file, fetched once. */
  file(path) {
    if (!this.whole.has(path)) this.whole.set(path, this.get(path).then(async (r) => new Uint8Array(await r.arrayBuffer())));
    return this.whole.get(path);
  }

  /** Bytes [offset, offset + length) of a pack. */
  bytes(path, offset, length) {
    return this.once(`${path}:${offset}:${length}`, async () => {
      // Until the host has answered one range request, others wait, so that a host without ranges sends each pack once.
      if (this.probe) await this.probe.catch(() => {});
      if (this.rangesIgnored || this.whole.has(path)) return (await this.file(path)).subarray(offset, offset + length);
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

  /** The bytes a reference names: a whole file ("FILE") or a range of a pack ("PACK:OFFSET:LENGTH"). */
  ref(reference) {
    const [path, offset, length] = reference.split(":");
    return offset === undefined ? this.file(path) : this.bytes(path, Number(offset), Number(length));
  }
}

/**
 * Opens the index at baseUrl (the folder holding manifest.json). exactBudget: bytes of positions a query may read to count its
 * matches exactly unasked (beyond it the count is an estimate, and view({ exact: true }) counts exactly).
 */
export async function createSearch({ baseUrl, fetch: fetchImpl = globalThis.fetch.bind(globalThis), exactBudget = EXACT_BUDGET, expand = null }) {
  const files = new IndexFiles(resolveBase(baseUrl), fetchImpl);
  const manifest = await files.json("manifest.json");
  if (manifest.version !== 4) throw new Error(`search index version ${manifest.version} is not supported by this runtime (4)`);
  const layout = manifest.layout ? new Layout(await inflate(await files.ref(manifest.layout)), manifest) : null;
  const search = new Search(manifest, files, exactBudget, layout);
  // Query expansion is the caller's (expand.js with the site's synonyms.json), so the runtime needs no table of its own.
  search.expand = expand;
  return search;
}

/** How a count is shown: exact as it is; an estimate rounded to two significant digits, or three where two would move it by
 * more than 2 % (3,812 → 3,800; 1,049 → 1,050). */
export function shownCount({ value, exact }) {
  if (exact || value < 100) return Math.round(value);
  for (const digits of [2, 3]) {
    const scale = 10 ** (Math.floor(Math.log10(value)) + 1 - digits);
    const rounded = Math.round(value / scale) * scale;
    if (Math.abs(rounded - value) / value <= 0.02 || digits === 3) return rounded;
  }
  return Math.round(value);
}

/** BM25's inverse document frequency, as the indexer defines it (stored levels are the term-frequency part). */
export function idf(df, docs) { return Math.log(1 + (docs - df + 0.5) / (df + 0.5)); }

/** The term-frequency part a 3-bit score level stands for. */
const levelValue = (level) => ((level + 0.5) * 2201) / 8 / 1000;

/**
 * Where each report of the index lies: the base segment's reports that were not deleted keep their order, and the delta's reports
 * go in between at the ids the layout gives them, so ids (0 to manifest.docs − 1) are those of one index of every report.
 */
class Layout {
  constructor(bytes, manifest) {
    const reader = varintReader(bytes);
    const ascending = () => {
      const ids = new Int32Array(reader.next());
      for (let i = 0, previous = -1; i < ids.length; i++) ids[i] = previous = previous + 1 + reader.next();
      return ids;
    };
    const deleted = ascending();
    const added = ascending();
    const n = manifest.docs;
    /** By id: the segment (0: base, 1: delta) and the id there. */
    this.segmentOf = new Uint8Array(n);
    this.localOf = new Int32Array(n);
    /** By segment and id there: the id in the index (−1: deleted). */
    this.idOf = [new Int32Array(manifest.base.docs).fill(-1), added];
    added.forEach((id, local) => { this.segmentOf[id] = 1; this.localOf[id] = local; });
    for (let id = 0, local = 0, d = 0; id < n; id++) {
      if (this.segmentOf[id] === 1) continue;
      while (d < deleted.length && deleted[d] === local) { d++; local++; }
      this.localOf[id] = local;
      this.idOf[0][local++] = id;
    }
  }
}

/** One segment of the index (see SearchFormat.cs): its term shards, term objects and document packs, by its own document ids. */
class Segment {
  constructor(manifest, averageLength, files) {
    this.manifest = manifest;
    this.averageLength = averageLength;
    this.files = files;
    this.docs = manifest.docs;
    this.shards = new Map();
  }

  /** The entries of one term shard, by term: its place from the shard file's offset table, then the shard. */
  shard(number) {
    if (!this.shards.has(number)) {
      const file = this.manifest.shards.file;
      this.shards.set(number, this.files.bytes(file, 4 * number, 8).then((table) => {
        const view = new DataView(table.buffer, table.byteOffset, 8);
        const from = view.getUint32(0, true);
        return this.files.bytes(file, from, view.getUint32(4, true) - from);
      }).then(inflate).then(parseShard));
    }
    return this.shards.get(number);
  }

  /** A term's entry ({ term, df, positional, head, index, perBlock, inline | pack, offset, length }), or null. */
  async entry(term) {
    const shards = await this.shard(termHash(term) & (this.manifest.shards.count - 1));
    return shards.get(term) ?? null;
  }

  /** Bytes [from, from + length) of a term's object. */
  objectBytes(entry, from, length) {
    if (entry.inline) return Promise.resolve(entry.inline.subarray(from, from + length));
    return this.files.bytes(this.manifest.postings[entry.pack], entry.offset + from, length);
  }

  /**
   * Reads the parts of a term's object that a query needs, once each: its ids (always), its score levels, its block index. Parts
   * that are wanted together and lie next to each other come in one request.
   */
  async termData(entry, { levels = false, index = false } = {}) {
    index &&= entry.positional;
    const want = [["ids", 0, entry.ids], ["levels", entry.ids, entry.head], ["index", entry.head, entry.head + entry.index]]
      .filter(([part]) => part === "ids" || (part === "levels" && levels) || (part === "index" && index))
      .filter(([part]) => !entry[`${part}Data`]);
    const runs = [];
    for (const part of want) {
      const last = runs[runs.length - 1];
      if (last && last.to === part[1]) { last.parts.push(part); last.to = part[2]; } else runs.push({ from: part[1], to: part[2], parts: [part] });
    }
    for (const run of runs) {
      const bytes = this.objectBytes(entry, run.from, run.to - run.from);
      for (const [part, from, to] of run.parts) entry[`${part}Data`] = bytes.then((b) => this.decodePart(entry, part, b.subarray(from - run.from, to - run.from)));
    }
    const [ids, levelData] = await Promise.all([entry.idsData, levels ? entry.levelsData : null, index ? entry.indexData : null]);
    return { docs: ids, levels: levelData };
  }

  decodePart(entry, part, bytes) {
    const reader = new BitReader(bytes);
    if (part === "ids") {
      const k = riceParameter(this.docs, entry.df);
      const docs = new Int32Array(entry.df);
      let previous = -1;
      for (let i = 0; i < entry.df; i++) docs[i] = previous = previous + 1 + reader.rice(k);
      return docs;
    }
    if (part === "levels") return Uint8Array.from({ length: entry.df }, () => reader.read(3));
    const blocks = Math.ceil(entry.df / entry.perBlock);
    const lengths = varintReader(bytes);
    const offsets = new Int32Array(blocks + 1);
    for (let b = 0; b < blocks; b++) offsets[b + 1] = offsets[b] + lengths.next();
    entry.blockOffsets = offsets;
    return offsets;
  }

  /** Each of a term's documents' rank in sample order (the order of its positions), by document id. */
  async ranks(entry) {
    if (!entry.rankOf) {
      const { docs } = await this.termData(entry);
      const order = Array.from(docs).sort((a, b) => sampleKey(a) - sampleKey(b));
      entry.rankOf = new Map(order.map((doc, rank) => [doc, rank]));
      entry.positions = new Array(entry.df);
      entry.blocksLoaded = new Map();
    }
    return entry.rankOf;
  }

  /** The position blocks holding the given documents, and the bytes of those not loaded yet. */
  async blocksFor(entry, docs) {
    const rankOf = await this.ranks(entry);
    await this.termData(entry, { index: true });
    const blocks = new Set();
    for (const d of docs) if (rankOf.has(d)) blocks.add(Math.floor(rankOf.get(d) / entry.perBlock));
    let bytes = 0;
    for (const b of blocks) if (!entry.blocksLoaded.has(b)) bytes += entry.blockOffsets[b + 1] - entry.blockOffsets[b];
    return { blocks: [...blocks].sort((a, b) => a - b), bytes };
  }

  /** Loads position blocks, consecutive ones (or ones a small gap apart) in one request each. */
  async loadBlocks(entry, blocks) {
    const missing = blocks.filter((b) => !entry.blocksLoaded.has(b));
    const runs = [];
    for (const b of missing) {
      const last = runs[runs.length - 1];
      if (last && entry.blockOffsets[b] - entry.blockOffsets[last.to + 1] <= 1024) last.to = b;
      else runs.push({ from: b, to: b });
    }
    const base = entry.head + entry.index;
    await Promise.all(runs.map(async ({ from, to }) => {
      const start = entry.blockOffsets[from];
      const load = this.objectBytes(entry, base + start, entry.blockOffsets[to + 1] - start).then((bytes) => {
        for (let b = from; b <= to; b++) {
          if (entry.blocksLoaded.get(b) === true) continue;
          this.decodeBlock(entry, b, bytes.subarray(entry.blockOffsets[b] - start, entry.blockOffsets[b + 1] - start));
        }
      });
      for (let b = from; b <= to; b++) if (!entry.blocksLoaded.has(b)) entry.blocksLoaded.set(b, load);
    }));
    await Promise.all(blocks.map((b) => entry.blocksLoaded.get(b)));
  }

  decodeBlock(entry, block, bytes) {
    const reader = new BitReader(bytes);
    const end = Math.min(entry.df, (block + 1) * entry.perBlock);
    for (let rank = block * entry.perBlock; rank < end; rank++) {
      const count = reader.gamma();
      const k = riceParameter(this.averageLength, count);
      const positions = new Int32Array(count);
      let p = reader.rice(k);
      positions[0] = p;
      for (let i = 1; i < count; i++) positions[i] = p += reader.rice(k) + 1;
      entry.positions[rank] = positions;
    }
    entry.blocksLoaded.set(block, true);
  }

  /** The positions of a term in a document; its block must have been loaded. */
  positionsOf(entry, doc) {
    const positions = entry.positions[entry.rankOf.get(doc)];
    if (!positions) throw new Error(`search: positions of "${entry.term}" in document ${doc} were not loaded`);
    return positions;
  }

  /** A document's record: title, url, agency, year, region, series, published, bodyStart, chunkStarts, and its chunks' places. */
  async document(doc) {
    const table = this.manifest.documents;
    const pack = table.packs[Math.floor(doc / table.perPack)];
    const index = doc % table.perPack;
    const header = await this.files.bytes(pack, 4 * index, 8);
    const view = new DataView(header.buffer, header.byteOffset, 8);
    const from = view.getUint32(0, true);
    const to = view.getUint32(4, true);
    const record = await this.files.once(`record:${pack}:${index}`, async () => JSON.parse(utf8.decode(await inflate(await this.files.bytes(pack, from, to - from)))));
    return { ...record, pack, doc };
  }

  /** Chunk number `index` of a document record: { sections, text }, inflated after the dictionary prefix. */
  async chunk(record, index) {
    const table = this.manifest.documents;
    return this.files.once(`chunk:${record.pack}:${record.chunks[2 * index]}`, async () => {
      const prefix = table.dictionary ? await this.files.ref(table.dictionary) : new Uint8Array(0);
      const chunk = await this.files.bytes(record.pack, record.chunks[2 * index], record.chunks[2 * index + 1]);
      const stream = new Uint8Array(prefix.length + chunk.length);
      stream.set(prefix);
      stream.set(chunk, prefix.length);
      return JSON.parse(utf16.decode((await inflate(stream)).subarray(table.dictionaryBytes)));
    });
  }
}

/**
 * The index as one: with a delta segment, term entries, score levels, positions and records of both segments, under the ids of
 * the whole index (see Layout), so that scores, counts, facets and sorting are those of one index of every report.
 */
class Search {
  constructor(manifest, files, exactBudget, layout) {
    this.manifest = manifest;
    this.files = files;
    this.exactBudget = exactBudget;
    this.docs = manifest.docs;
    this.runs = new Map();
    this.layout = layout;
    this.segments = [manifest.base, manifest.delta].map((m) => m && new Segment(m, manifest.averageLength, files));
    this.entries = new Map();
  }

  /**
   * A term's entry ({ term, df, positional, … }), or null. With a layout, its documents come from both segments (deleted ones
   * left out): it is read up to its ids there, so that df is the whole index's before a query plans with it.
   */
  entry(term) {
    if (!this.layout) return this.segments[0].entry(term);
    if (!this.entries.has(term)) this.entries.set(term, this.mergedEntry(term));
    return this.entries.get(term);
  }

  async mergedEntry(term) {
    const parts = await Promise.all(this.segments.map((s) => s && s.entry(term)));
    const lists = await Promise.all(parts.map((e, s) => (e ? this.segments[s].termData(e).then((d) => d.docs) : new Int32Array(0))));
    const [idOfBase, idOfDelta] = this.layout.idOf;
    const [base, delta] = lists;
    const docs = [];
    const from = [];
    for (let i = 0, j = 0; i < base.length || j < delta.length;) {
      if (i < base.length && idOfBase[base[i]] < 0) { i++; continue; }
      const takeBase = j === delta.length || (i < base.length && idOfBase[base[i]] < idOfDelta[delta[j]]);
      docs.push(takeBase ? idOfBase[base[i]] : idOfDelta[delta[j]]);
      from.push(takeBase ? i++ : -1 - j++);
    }
    if (docs.length === 0) return null;
    const sum = (field) => (parts[0]?.[field] ?? 0) + (parts[1]?.[field] ?? 0);
    return { term, df: docs.length, positional: (parts[0] ?? parts[1]).positional, parts, docs: Int32Array.from(docs), from,
      length: sum("length"), head: sum("head"), index: sum("index") };
  }

  /** A term's document ids and (when asked for) their score levels; see Segment.termData. */
  async termData(entry, options = {}) {
    if (!entry.parts) return this.segments[0].termData(entry, options);
    const data = await Promise.all(entry.parts.map((e, s) => e && this.segments[s].termData(e, options)));
    const levels = options.levels ? Uint8Array.from(entry.from, (k) => (k >= 0 ? data[0].levels[k] : data[1].levels[-1 - k])) : null;
    return { docs: entry.docs, levels };
  }

  /** The position blocks holding the given documents, as [segment, block] pairs, and the bytes of those not loaded yet. */
  async blocksFor(entry, docs) {
    if (!entry.parts) return this.segments[0].blocksFor(entry, docs);
    const local = [[], []];
    for (const d of docs) local[this.layout.segmentOf[d]].push(this.layout.localOf[d]);
    const found = await Promise.all(entry.parts.map((e, s) => (e && local[s].length > 0 ? this.segments[s].blocksFor(e, local[s]) : { blocks: [], bytes: 0 })));
    return { blocks: found.flatMap((f, s) => f.blocks.map((b) => [s, b])), bytes: found[0].bytes + found[1].bytes };
  }

  async loadBlocks(entry, blocks) {
    if (!entry.parts) return this.segments[0].loadBlocks(entry, blocks);
    await Promise.all([0, 1].map((s) => {
      const mine = blocks.filter(([segment]) => segment === s).map(([, b]) => b);
      return mine.length > 0 ? this.segments[s].loadBlocks(entry.parts[s], mine) : null;
    }));
  }

  /** The positions of a term in a document; its block must have been loaded. */
  positionsOf(entry, doc) {
    if (!entry.parts) return this.segments[0].positionsOf(entry, doc);
    const s = this.layout.segmentOf[doc];
    return this.segments[s].positionsOf(entry.parts[s], this.layout.localOf[doc]);
  }

  /** A document's record (see Segment.document), under its id in the whole index. */
  async document(doc) {
    if (!this.layout) return this.segments[0].document(doc);
    const segment = this.layout.segmentOf[doc];
    return { ...(await this.segments[segment].document(this.layout.localOf[doc])), doc, segment };
  }

  /** Chunk number `index` of a document record: { sections, text }. */
  chunk(record, index) { return this.segments[record.segment ?? 0].chunk(record, index); }

  /**
   * The catalogue: filter values, the region tree, agency pages, each document's year, profile, agency, region and series, and
   * the site facets (facets: [{ key, label, values, start, codes }]: document d's value codes are codes[start[d]] up to
   * codes[start[d + 1]]).
   */
  catalogue() {
    this.catalogueData ??= this.files.ref(this.manifest.catalogue).then(inflate).then((bytes) => {
      const reader = varintReader(bytes);
      const length = reader.next();
      const info = JSON.parse(utf8.decode(bytes.subarray(reader.offset, reader.offset + length)));
      reader.offset += length;
      const agencyOf = new Int32Array(info.profiles);
      const regionOf = new Int32Array(info.profiles);
      const seriesOfProfile = new Int32Array(info.profiles);
      let agencies = 0;
      let node = 0;
      for (let p = 0; p < info.profiles; p++) {
        const agency = reader.next();
        agencyOf[p] = agency === 0 ? agencies++ : agency - 1;
        node += reader.next();
        regionOf[p] = node - 1;
        seriesOfProfile[p] = reader.next();
      }
      const n = this.docs;
      const year = new Int32Array(n);
      const agency = new Int32Array(n);
      const region = new Int32Array(n);
      const series = new Int32Array(n);
      let doc = 0;
      info.years.forEach((y, index) => {
        let profile = 0;
        for (let i = 0; i < y.count; i++, doc++) {
          profile += reader.next();
          year[doc] = index;
          agency[doc] = agencyOf[profile];
          region[doc] = regionOf[profile];
          series[doc] = seriesOfProfile[profile];
        }
      });
      // A node's parent is the last node before it one level up.
      const lastAt = [];
      const regions = info.regionNames.map((name, node) => {
        const depth = Number(info.regionDepths[node]);
        lastAt[depth] = node;
        const parent = depth === 0 ? -1 : lastAt[depth - 1];
        return { name, node, depth, parent };
      });
      for (const r of regions) r.path = r.parent < 0 ? r.name : `${regions[r.parent].path}›${r.name}`;
      const regionByPath = new Map(regions.map((r) => [r.path, r.node]));
      const facets = (info.facets ?? []).map(({ key, label, values }) => {
        const start = new Int32Array(n + 1);
        const codes = [];
        for (let d = 0; d < n; d++) {
          start[d] = codes.length;
          let code = -1;
          for (let k = reader.next(); k > 0; k--) codes.push(code += reader.next() + 1);
        }
        start[n] = codes.length;
        return { key, label, values, start, codes: Int32Array.from(codes), codeOf: new Map(values.map((v, i) => [v, i])) };
      });
      return { info, year, agency, region, series, regions, regionByPath, facets, yearNumbers: info.years.map((y) => Number(y.name)) };
    });
    return this.catalogueData;
  }

  /** The site's own facets, [{ key, label }]: each key is the name of its filter in view states (and of its URL parameter). */
  async siteFacets() {
    return (await this.catalogue()).facets.map(({ key, label }) => ({ key, label }));
  }

  /** Agency names by code, fetching the pages that hold them. */
  async agencyNames(codes) {
    const { info } = await this.catalogue();
    this.agencyPages ??= new Map();
    const pages = [...new Set(codes.map((c) => Math.floor(c / info.agencyPageSize)))];
    await Promise.all(pages.map((p) => {
      if (!this.agencyPages.has(p)) this.agencyPages.set(p, this.files.ref(info.agencyPages[p]).then(inflate).then((b) => JSON.parse(utf8.decode(b))));
      return this.agencyPages.get(p);
    }));
    const names = new Map();
    for (const c of codes) names.set(c, (await this.agencyPages.get(Math.floor(c / info.agencyPageSize)))[c % info.agencyPageSize]);
    return names;
  }

  /** Agency codes of names (from a shared link): every page is read. */
  async agencyCodes(names) {
    const { info } = await this.catalogue();
    const all = await this.agencyNames(Array.from({ length: info.agencies }, (_, i) => i));
    const byName = new Map([...all].map(([code, name]) => [name, code]));
    return names.map((n) => byName.get(n)).filter((c) => c !== undefined);
  }

  /** Sort keys by date: days since 1970 of each document's publication date, or NaN when it has none. */
  dates() {
    this.dateData ??= Promise.all([this.files.ref(this.manifest.dates).then(inflate), this.catalogue()]).then(([bytes, cat]) => {
      const reader = varintReader(bytes);
      const days = new Float64Array(this.docs);
      for (let d = 0; d < this.docs; d++) {
        const v = reader.next();
        if (v === 0) { days[d] = NaN; continue; }
        const z = v - 1;
        days[d] = Date.UTC(cat.yearNumbers[cat.year[d]], 0, 1) / 86400000 + (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
      }
      return days;
    });
    return this.dateData;
  }

  /** A query run: keeps what it has loaded and verified, so pages, filters and sorts fetch only what is still missing. */
  query(text) {
    const key = fold(text).trim().split(/\s+/).join(" ");
    if (!this.runs.has(key)) this.runs.set(key, new QueryRun(this, parseQuery(text)));
    return this.runs.get(key);
  }

  /**
   * What the search page shows for a state: { mode, count: { value, exact }, results, facets, pages, exactAvailable, expansion }.
   * mode: "browse" (no query), "results", "partial" (nothing matches exactly; reports containing every part of the query),
   * "none" (nothing contains the query's parts). With an `expand` function (createSearch), a word with synonyms matches where
   * its typed form or any alternative stands as a phrase; state.typedOnly searches only what was typed. expansion: { added
   * (the phrases the query has besides what was typed), applied (whether they were searched) }. See QueryRun.view for the rest.
   */
  async view(state) {
    const words = parseQuery(state.q ?? "");
    if (words.length === 0) return { ...(await (this.browseRun ??= new QueryRun(this, [])).view(state)), expansion: { added: [], applied: false } };
    const expanded = this.expand ? this.expand(state.q) : null;
    const added = expanded?.added ?? [];
    const applied = added.length > 0 && !state.typedOnly;
    const run = applied ? this.union(expanded.words) : this.query(state.q);
    return { ...(await run.view(state)), expansion: { added, applied } };
  }

  /**
   * The run of a query whose words have alternatives: one phrase query per combination of the words' forms (what was typed
   * first), at most MAX_COMBINATIONS, joined into one result set.
   */
  union(words) {
    let combinations = [[]];
    for (const w of words) {
      const forms = [w.typed, ...w.alternatives];
      combinations = combinations.flatMap((c) => forms.map((f) => [...c, f])).slice(0, MAX_COMBINATIONS);
    }
    const texts = combinations.map((c) => c.join(" "));
    const key = texts.join("|");
    this.unions ??= new Map();
    if (!this.unions.has(key)) this.unions.set(key, new UnionRun(this, texts.map((t) => this.query(t))));
    return this.unions.get(key);
  }
}

function parseShard(bytes) {
  const reader = varintReader(bytes);
  const entries = new Map();
  const count = reader.next();
  for (let i = 0; i < count; i++) {
    const length = reader.next();
    let o = reader.offset;
    const units = new Array(length);
    for (let k = 0; k < length; k++, o += 2) units[k] = bytes[o] | (bytes[o + 1] << 8);
    reader.offset = o;
    const term = String.fromCharCode(...units);
    const df = reader.next();
    const flags = reader.next();
    const entry = { term, df, positional: (flags & 1) !== 0, ids: reader.next(), head: reader.next(), index: reader.next(), perBlock: 0 };
    if (entry.positional) entry.perBlock = reader.next();
    if (flags & 2) {
      const size = reader.next();
      entry.inline = bytes.slice(reader.offset, reader.offset + size);
      entry.length = size;
      reader.offset += size;
    } else {
      entry.pack = reader.next();
      entry.offset = reader.next();
      entry.length = reader.next();
    }
    entries.set(term, entry);
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Queries: candidates from document sets, phrases proven with positions, counts exact or estimated, facets, sorting.

/** Bytes of positions a query may fetch to count its matches exactly without being asked; beyond it, the count is estimated. */
export const EXACT_BUDGET = 48 * 1024;
/** The estimate's sample: its first size and bytes, the smallest it may shrink to, the precision it grows towards, and the bytes
 * it may take in all. */
const SAMPLE_START = 128;
const SAMPLE_BYTES = 32 * 1024;
const SAMPLE_MIN = 24;
const SAMPLE_PRECISION = 0.015;
const SAMPLE_MAX_BYTES = 160 * 1024;
/** Bytes of positions a page may fetch to find its results before it settles for fewer. */
const PAGE_BUDGET = 400 * 1024;
/** Values a facet of many (agency, a site facet) shows besides the chosen ones: the largest by count. */
const TOP_VALUES = 12;
/** Phrase queries an expanded query may join: combinations of its words' forms beyond it are left out. */
const MAX_COMBINATIONS = 16;

const YES = 1;
const NO = -1;

class QueryRun {
  constructor(search, words) {
    this.search = search;
    this.words = words;
    this.prepared = null;
  }

  /** Looks the terms up and reads their heads: candidates are the documents holding every term of the query. */
  prepare() {
    this.prepared ??= this.load();
    return this.prepared;
  }

  async load() {
    const s = this.search;
    const n = s.docs;
    const cat = await s.catalogue();
    this.cat = cat;
    this.status = new Int8Array(n);
    this.at = new Map();
    this.fetched = 0;
    if (this.words.length === 0) {
      this.mode = "browse";
      this.status.fill(YES);
      this.candidates = Int32Array.from({ length: n }, (_, i) => i);
      return;
    }
    const unique = [...new Set(this.words.flatMap((w) => w.parts.map((p) => p.term)))];
    const entries = new Map(await Promise.all(unique.map(async (t) => [t, await s.entry(t)])));
    const partTerms = [...new Set(this.words.flatMap((w) => w.parts.filter((p) => !p.helper).map((p) => p.term)))];
    if (partTerms.some((t) => !entries.get(t))) {
      this.mode = "none";
      this.candidates = new Int32Array(0);
      return;
    }
    // A helper no report contains: no exact match, though reports may hold every part (partial matches).
    const noExact = unique.some((t) => !entries.get(t));
    for (const w of this.words) {
      w.terms = w.parts.filter((p) => entries.get(p.term)).map((p) => ({ ...p, entry: entries.get(p.term) }));
      w.chain = noExact ? [] : proofChain(w);
    }
    // Parts bring their score levels (for relevance; not for terms in half the reports or more, whose idf is near zero), terms
    // of a proof their block index; helpers only narrow the candidates.
    const proofEntries = new Set(this.words.flatMap((w) => w.chain.map((t) => t.entry)));
    const data = new Map(await Promise.all(unique.filter((t) => entries.get(t)).map(async (t) => {
      const e = entries.get(t);
      return [t, await s.termData(e, { levels: partTerms.includes(t) && 2 * e.df < n, index: proofEntries.has(e) })];
    })));
    const ids = new Map([...data].map(([t, d]) => [t, d.docs]));

    // Relevance: BM25 over the parts.
    this.score = new Float64Array(n);
    for (const t of partTerms) {
      const { docs, levels } = data.get(t);
      const weight = idf(entries.get(t).df, n);
      for (let i = 0; i < docs.length; i++) this.score[docs[i]] += weight * levelValue(levels ? levels[i] : 3);
    }
    const inAll = (terms) => {
      const count = new Uint16Array(n);
      for (const t of terms) for (const d of ids.get(t)) count[d]++;
      const out = [];
      for (let d = 0; d < n; d++) if (count[d] === terms.length) out.push(d);
      return Int32Array.from(out);
    };
    this.partial = inAll(partTerms);
    this.candidates = noExact ? new Int32Array(0) : inAll(unique);
    this.proofWords = this.words.filter((w) => w.chain.length > 0);
    if (this.proofWords.length === 0) for (const d of this.candidates) this.status[d] = YES;
    this.mode = "results";
  }

  /** The candidates passing the filters (all but one facet's, when `except` names it). */
  filtered(candidates, filters, except = null) {
    const f = filters;
    if (!f) return candidates;
    const cat = this.cat;
    const out = [];
    for (const d of candidates) {
      if (except !== "year") {
        const y = cat.yearNumbers[cat.year[d]];
        if (f.years && !f.years.has(y)) continue;
        if (f.from !== undefined && y < f.from) continue;
        if (f.to !== undefined && y > f.to) continue;
      }
      if (except !== "region" && f.regions && !inRegions(cat, cat.region[d], f.regions)) continue;
      if (except !== "agency" && f.agencies && !f.agencies.has(cat.agency[d])) continue;
      if (except !== "series" && f.series && !f.series.has(cat.series[d])) continue;
      if (f.own && f.own.some((o) => o.facet.key !== except && !hasValue(o.facet, d, o.chosen))) continue;
      out.push(d);
    }
    return out;
  }

  unknown(docs) { return docs.filter((d) => this.status[d] === 0); }

  /** Whether candidates must be proven with positions (a query of single terms matches wherever its terms are). */
  needsProof() { return this.proofWords.length > 0; }

  /** Bytes still to fetch to prove or rule out every given document. */
  async cost(docs) {
    let bytes = 0;
    for (const w of this.proofWords) for (const t of w.chain) bytes += (await this.search.blocksFor(t.entry, docs)).bytes;
    return bytes;
  }

  /**
   * Proves or rules out documents. For each word, its chain of terms is read cheapest first, only for the documents still possible:
   * a document is ruled out as soon as two terms are out of phrase order, and proven when the whole chain lines up.
   */
  async verify(docs) {
    let alive = this.unknown(docs);
    for (const w of this.proofWords) {
      const anchors = new Map();
      for (const t of [...w.chain].sort((a, b) => positionBytes(a.entry) - positionBytes(b.entry))) {
        if (alive.length === 0) break;
        const { blocks, bytes } = await this.search.blocksFor(t.entry, alive);
        this.fetched += bytes;
        await this.search.loadBlocks(t.entry, blocks);
        const next = [];
        for (const d of alive) {
          const shifted = Array.from(this.search.positionsOf(t.entry, d), (p) => p - t.offset);
          const before = anchors.get(d);
          const kept = before ? intersectSorted(before, shifted) : shifted;
          if (kept.length === 0) { this.status[d] = NO; continue; }
          anchors.set(d, kept);
          next.push(d);
        }
        alive = next;
      }
      for (const d of alive) this.at.set(d, Math.min(this.at.get(d) ?? Infinity, anchors.get(d)[0]));
    }
    for (const d of alive) this.status[d] = YES;
  }

  /**
   * The share of unverified candidates that match, from a random sample: the candidates first in sample order, whose positions
   * are the first blocks of every term (one request per term). The sample grows until the share is known to within
   * SAMPLE_PRECISION (relative standard error, with the finite-population correction), within SAMPLE_MAX_BYTES.
   */
  async sampleRatio() {
    if (this.ratio !== undefined) return this.ratio;
    const pool = this.unknown(Array.from(this.candidates)).sort((a, b) => sampleKey(a) - sampleKey(b));
    const start = this.fetched;
    let size = Math.min(pool.length, SAMPLE_START);
    let limit = SAMPLE_BYTES;
    let ratio = 1;
    let sampled = 0;
    while (size > 0) {
      while (size > SAMPLE_MIN && (await this.cost(pool.slice(0, size))) > limit) size = Math.floor(size * 0.7);
      // Shrunk back within what was sampled already: the budget left buys no new candidate, so the share stands (without this
      // the same sample would be taken again and again, as it was for expanded queries whose runs share position blocks).
      if (size <= sampled) break;
      sampled = size;
      const sample = pool.slice(0, size);
      await this.verify(sample);
      ratio = sample.filter((d) => this.status[d] === YES).length / size;
      this.sampled = size;
      const needed = sampleSize(ratio, pool.length);
      if (size === pool.length || needed <= size || this.fetched - start >= SAMPLE_MAX_BYTES) break;
      // Not precise enough: a larger sample, within what is left of the whole budget.
      size = Math.min(pool.length, needed);
      limit = SAMPLE_MAX_BYTES - (this.fetched - start);
    }
    this.ratio = ratio;
    return ratio;
  }

  /** How many of the documents match: exact when none is left unverified, else the verified ones plus the estimated share of the rest. */
  countOf(docs) {
    let yes = 0;
    let open = 0;
    for (const d of docs) {
      if (this.status[d] === YES) yes++;
      else if (this.status[d] === 0) open++;
    }
    return { value: open === 0 ? yes : yes + open * (this.ratio ?? 1), exact: open === 0 };
  }

  /** Candidates in the order asked for: relevance (score, then id), newest or oldest (publication date, then year). */
  async ordered(docs, sort) {
    const list = Array.from(docs);
    if (sort === "newest" || sort === "oldest") {
      const days = await this.search.dates();
      const cat = this.cat;
      const sign = sort === "newest" ? -1 : 1;
      const year = (d) => cat.yearNumbers[cat.year[d]];
      list.sort((a, b) => {
        const da = days[a];
        const db = days[b];
        if (Number.isNaN(da) !== Number.isNaN(db)) return Number.isNaN(da) ? 1 : -1; // undated reports last
        return (Number.isNaN(da) ? 0 : sign * (da - db)) || sign * (year(a) - year(b)) || a - b;
      });
    } else {
      list.sort((a, b) => this.score[b] - this.score[a] || a - b);
    }
    return list;
  }

  /**
   * The view of a search page state: { q, filters: { year: [..], from, to, region: [paths], agency: [names], series: [names],
   * and per site facet KEY: [values] },
   * sort: "relevance" | "newest" | "oldest", page (from 1), perPage, exact (count every match exactly) }.
   */
  async view(state) {
    await this.prepare();
    const perPage = state.perPage ?? 10;
    const page = Math.max(1, state.page ?? 1);
    const filters = await this.codes(state.filters ?? {});
    const sort = state.sort ?? (this.mode === "browse" ? "newest" : "relevance");
    let mode = this.mode;
    if (mode === "none") return { mode, count: { value: 0, exact: true }, page, pages: 0, sort, results: [], facets: await this.facets([], filters), exactAvailable: false };

    let pool = this.filtered(this.candidates, filters);
    if (mode === "results" && this.needsProof()) {
      // Count exactly when that is cheap (or asked for); the share of the other candidates that match comes from a sample.
      const open = this.unknown(pool);
      if (open.length > 0 && (state.exact || (await this.cost(open)) <= this.search.exactBudget)) await this.verify(open);
      if (!this.countOf(this.candidates).exact) await this.sampleRatio();
    }
    let found = await this.fill(mode, await this.ordered(pool, sort), page * perPage);
    const none = (docs) => { const c = this.countOf(docs); return c.exact && c.value === 0; };
    if (mode === "results" && none(this.candidates) && this.partial.length > 0) {
      // Proven that no report matches exactly: offer the reports that contain every part of the query.
      mode = "partial";
      pool = this.filtered(this.partial, filters);
      found = await this.ordered(pool, sort);
    }
    const count = mode === "partial" ? { value: pool.length, exact: true } : this.countOf(pool);
    const results = await Promise.all(found.slice((page - 1) * perPage, page * perPage).map((d) => this.describe(d, mode)));
    return {
      mode, count, page, pages: Math.max(1, Math.ceil(count.value / perPage)), sort, results,
      facets: await this.facets(mode === "partial" ? this.partial : this.candidates, filters, mode === "partial"),
      exactAvailable: !count.exact,
    };
  }

  /** The first `want` matches in `order`, proving candidates batch by batch (bigger batches when few of them match). */
  async fill(mode, order, want) {
    if (mode !== "results") return order.slice(0, want);
    const found = [];
    const start = this.fetched;
    let checked = 0;
    let batch = want + 2;
    for (let i = 0; i < order.length && found.length < want && this.fetched - start <= PAGE_BUDGET;) {
      const slice = order.slice(i, i + batch);
      i += slice.length;
      await this.verify(slice);
      for (const d of slice) if (this.status[d] === YES) found.push(d);
      checked += slice.length;
      const rate = Math.max(found.length / checked, 0.05);
      batch = Math.min(4 * batch, Math.ceil((want - found.length) / rate) + 2);
    }
    return found;
  }

  /** Every matching document id (ascending) of a state's query and filters, proving every candidate first. */
  async matches(filters = {}) {
    await this.prepare();
    const pool = this.filtered(this.mode === "none" ? [] : this.candidates, await this.codes(filters));
    await this.verify(pool);
    return pool.filter((d) => this.status[d] === YES);
  }

  /** Filter names from the page state as catalogue codes (a name the archive does not have matches nothing). */
  async codes(f) {
    const cat = this.cat;
    const out = {};
    if (f.year?.length) out.years = new Set(f.year.map(Number));
    if (f.from) out.from = Number(f.from);
    if (f.to) out.to = Number(f.to);
    if (f.region?.length) out.regions = new Set(f.region.map((p) => cat.regionByPath.get(p) ?? -2));
    if (f.series?.length) out.series = new Set(f.series.map((s) => cat.info.series.indexOf(s)));
    if (f.agency?.length) out.agencies = new Set(await this.search.agencyCodes(f.agency));
    // Own properties only: a key such as `constructor` is a valid taxonomy key and every object's inherited property.
    const own = cat.facets.filter((facet) => Object.hasOwn(f, facet.key) && f[facet.key]?.length)
      .map((facet) => ({ facet, chosen: new Set(f[facet.key].map((v) => facet.codeOf.get(v) ?? -1)) }));
    if (own.length) out.own = own;
    return out;
  }

  /**
   * Facet counts over the whole result set, each facet counted with every other facet's filters (so that several values of one
   * facet can be chosen): year, region (every level of the tree), agency (the 12 largest and the chosen ones), series, and each
   * site facet (taxonomies: [{ key, label, values }], values like agency's: the 12 largest and the chosen ones). Each count is
   * exact, or estimated (exact: false) where candidates are left unverified. With allMatch, every candidate counts as a match.
   */
  async facets(candidates, filters, allMatch = false) {
    const cat = this.cat;
    const tally = (except, key) => {
      const yes = new Map();
      const open = new Map();
      for (const d of this.filtered(candidates, filters, except)) {
        const status = allMatch ? YES : this.status[d];
        if (status === NO) continue;
        const into = status === YES ? yes : open;
        for (const k of key(d)) into.set(k, (into.get(k) ?? 0) + 1);
      }
      const keys = new Set([...yes.keys(), ...open.keys()]);
      return new Map([...keys].map((k) => [k, { count: (yes.get(k) ?? 0) + (open.get(k) ?? 0) * (this.ratio ?? 1), exact: !open.has(k) }]));
    };
    const ancestors = (node) => {
      const list = [];
      for (let r = node; r >= 0; r = cat.regions[r].parent) list.push(r);
      return list;
    };
    const years = tally("year", (d) => [cat.year[d]]);
    const regions = tally("region", (d) => ancestors(cat.region[d]));
    const agencies = tally("agency", (d) => [cat.agency[d]]);
    const series = tally("series", (d) => [cat.series[d]]);
    // The codes a facet of many values shows: its TOP_VALUES largest and the chosen ones.
    const shownCodes = (counts, chosen) => [...new Set([...[...counts].filter(([, c]) => c.count > 0)
      .sort((a, b) => b[1].count - a[1].count || a[0] - b[0]).slice(0, TOP_VALUES).map(([k]) => k), ...chosen])].filter((c) => c >= 0);
    const byCount = (a, b) => b.count - a.count || (a.label < b.label ? -1 : 1);
    const chosenAgencies = filters.agencies ?? new Set();
    const agencyCodes = shownCodes(agencies, chosenAgencies);
    const names = await this.search.agencyNames(agencyCodes);
    const zero = { count: 0, exact: true };
    const taxonomies = cat.facets.map((facet) => {
      const counts = tally(facet.key, (d) => facet.codes.subarray(facet.start[d], facet.start[d + 1]));
      const chosen = filters.own?.find((o) => o.facet === facet)?.chosen ?? new Set();
      const values = shownCodes(counts, chosen).map((c) => ({ value: facet.values[c], label: facet.values[c], ...(counts.get(c) ?? zero), selected: chosen.has(c) }));
      return { key: facet.key, label: facet.label, values: values.sort(byCount) };
    });
    return {
      year: cat.info.years.map((y, i) => ({ value: y.name, label: y.name, ...(years.get(i) ?? zero), selected: filters.years?.has(Number(y.name)) ?? false }))
        .filter((v) => v.count > 0 || v.selected),
      region: cat.regions.map((r) => ({ value: r.path, label: r.name, depth: r.depth, parent: r.parent >= 0 ? cat.regions[r.parent].path : null,
        ...(regions.get(r.node) ?? zero), selected: filters.regions?.has(r.node) ?? false })).filter((v) => v.count > 0 || v.selected),
      agency: agencyCodes.map((c) => ({ value: names.get(c), label: names.get(c), ...(agencies.get(c) ?? zero), selected: chosenAgencies.has(c) }))
        .sort(byCount),
      series: cat.info.series.map((name, i) => ({ value: name, label: name, ...(series.get(i) ?? zero), selected: filters.series?.has(i) ?? false }))
        .filter((v) => v.count > 0 || v.selected),
      taxonomies,
      years: cat.yearNumbers,
    };
  }

  /**
   * What a result shows: title, agency, year, region, date, the link (to the matching section, asking the report page to mark the
   * query), an excerpt as [{ text, match }] segments, and, when the excerpt is from an attachment's text, file: { name, href }. Loads the document record and one text chunk (none when browsing).
   */
  async describe(doc, mode) {
    const s = this.search;
    const record = await s.document(doc);
    const base = { doc, title: record.title, agency: record.agency, year: record.year, region: record.region, series: record.series,
      published: record.published, url: record.url, section: "", excerpt: [], partial: mode === "partial" };
    if (mode === "browse" || record.chunks.length === 0) return base;
    // Exact results mark each query word; partial ones the parts they contain.
    const pieces = [...new Set(this.words.flatMap((w) => (mode === "results" ? [w.text] : w.parts.filter((p) => !p.helper).map((p) => p.term))))]
      .filter(Boolean).sort((a, b) => b.length - a.length);
    const at = this.at.get(doc) ?? (await this.firstPosition(doc));
    let index = 0;
    if (at >= record.bodyStart) for (let i = 0; i < record.chunkStarts.length; i++) if (record.chunkStarts[i] <= at) index = i;
    let chunk = await s.chunk(record, index);
    let hit = findFirst(fold(chunk.text), pieces);
    if (hit.index < 0 && index !== 0) {
      index = 0;
      chunk = await s.chunk(record, 0);
      hit = findFirst(fold(chunk.text), pieces);
    }
    const context = 40;
    let section = "";
    for (const sec of chunk.sections) if (sec.at <= Math.max(hit.index, 0)) section = sec.id;
    const from = hit.index < 0 ? 0 : Math.max(0, hit.index - context);
    const to = Math.min(chunk.text.length, Math.max(hit.index, 0) + context * 2 + 20);
    const excerpt = highlight(chunk.text, from, to, pieces);
    if (from > 0) excerpt.unshift({ text: "…", match: false });
    if (to < chunk.text.length) excerpt.push({ text: "…", match: false });
    const query = this.words.map((w) => w.text).join(" ");
    // A chunk past the body holds an attachment's text: the result says which file matched and links to it.
    const file = (record.files ?? []).filter((f) => f.chunk <= index).at(-1);
    if (file) return { ...base, url: `${record.url}?hl=${encodeURIComponent(query)}`, excerpt, file: { name: file.name, href: file.href } };
    const url = `${record.url}?hl=${encodeURIComponent(query)}${section ? `#${encodeURIComponent(section)}` : ""}`;
    return { ...base, url, section, excerpt };
  }

  /** Where a result's first match is when no phrase proof located it: the first body position of its rarest positional part. */
  async firstPosition(doc) {
    const terms = this.words.flatMap((w) => (w.terms ?? []).filter((t) => !t.helper && t.entry.positional));
    if (terms.length === 0) return -1;
    const t = terms.reduce((a, b) => (positionBytes(a.entry) <= positionBytes(b.entry) ? a : b));
    const { blocks } = await this.search.blocksFor(t.entry, [doc]);
    if (blocks.length === 0) return -1;
    await this.search.loadBlocks(t.entry, blocks);
    const record = await this.search.document(doc);
    const positions = this.search.positionsOf(t.entry, doc);
    return positions.find((p) => p >= record.bodyStart) ?? positions[0];
  }
}

/**
 * The OR of phrase queries (a query expanded with synonyms: one run per combination of its words' forms). Its candidates,
 * partial matches, proofs and scores are the union of its runs', so counts, the estimate's sample, facets, sorting and pages
 * work over the union exactly as QueryRun's do for one phrase; each run keeps what it loaded and proved, and shares it with
 * the same query asked alone (searching only what was typed).
 */
class UnionRun extends QueryRun {
  constructor(search, runs) {
    super(search, []);
    this.runs = runs;
  }

  /** Bytes of positions fetched by all runs (each run counts its own). */
  get fetched() { return this.live.reduce((sum, r) => sum + r.fetched, 0); }

  async load() {
    const s = this.search;
    const n = s.docs;
    await Promise.all(this.runs.map((r) => r.prepare()));
    this.cat = await s.catalogue();
    this.words = [];
    this.status = new Int8Array(n);
    this.score = new Float64Array(n);
    this.live = this.runs.filter((r) => r.mode === "results");
    this.mode = this.live.length > 0 ? "results" : "none";
    const marks = (lists) => {
      const mark = new Uint8Array(n);
      for (const list of lists) for (const d of list) mark[d] = 1;
      return mark;
    };
    const ids = (mark) => Int32Array.from({ length: n }, (_, d) => d).filter((d) => mark[d]);
    this.members = new Map(this.live.map((r) => [r, marks([r.candidates])]));
    this.partialOf = new Map(this.live.map((r) => [r, marks([r.partial])]));
    this.candidates = ids(marks(this.live.map((r) => r.candidates)));
    this.partial = ids(marks(this.live.map((r) => r.partial)));
    // A report's relevance is its best alternative's (among those it may match; for a partial match, among all).
    for (const d of this.partial) {
      const mine = this.live.filter((r) => this.members.get(r)[d]);
      this.score[d] = Math.max(...(mine.length ? mine : this.live).map((r) => r.score[d]));
    }
    this.settle(this.candidates);
  }

  needsProof() { return this.live.some((r) => r.needsProof()); }

  /** A report matches when one run proved it; it is ruled out when every run that had it as a candidate ruled it out. */
  settle(docs) {
    for (const d of docs) {
      let open = false;
      let yes = false;
      for (const r of this.live) {
        if (!this.members.get(r)[d]) continue;
        if (r.status[d] === YES) yes = true;
        else if (r.status[d] === 0) open = true;
      }
      this.status[d] = yes ? YES : open ? 0 : NO;
    }
  }

  /** The documents still open that a run would have to prove. */
  openIn(run, docs) {
    const member = this.members.get(run);
    return docs.filter((d) => member[d] && run.status[d] === 0);
  }

  async cost(docs) {
    const open = this.unknown(docs);
    let bytes = 0;
    for (const r of this.live) bytes += await r.cost(this.openIn(r, open));
    return bytes;
  }

  /** Proves documents run by run, the typed query's first: a document proven by one run is not read by the others. */
  async verify(docs) {
    let open = this.unknown(docs);
    for (const r of this.live) {
      if (open.length === 0) break;
      const mine = this.openIn(r, open);
      if (mine.length > 0) await r.verify(mine);
      this.settle(open);
      open = this.unknown(open);
    }
  }

  /** A result as the run that matched it describes it: its excerpt and link mark the phrase that stands in the report. */
  describe(doc, mode) {
    const run = (mode === "partial" ? this.live.find((r) => this.partialOf.get(r)[doc]) : this.live.find((r) => r.status[doc] === YES)) ?? this.live[0];
    return run.describe(doc, mode);
  }
}

/**
 * The sample size that gives a share near `ratio` among `population` candidates a relative standard error of SAMPLE_PRECISION.
 * A sample where every candidate (or none) matches bounds the share within 3 / size (the rule of three): 100 are enough.
 */
function sampleSize(ratio, population) {
  if (ratio <= 0 || ratio >= 1) return 100;
  const unlimited = (1 - ratio) / (ratio * SAMPLE_PRECISION ** 2);
  return Math.ceil(unlimited / (1 + unlimited / population));
}

/** Whether a document has one of the chosen values of a site facet. */
function hasValue(facet, doc, chosen) {
  for (let i = facet.start[doc]; i < facet.start[doc + 1]; i++) if (chosen.has(facet.codes[i])) return true;
  return false;
}

/** Whether a region node is one of the chosen nodes or lies under one. */
function inRegions(cat, node, chosen) {
  for (let r = node; r >= 0; r = cat.regions[r].parent) if (chosen.has(r)) return true;
  return false;
}

const positionBytes = (entry) => entry.length - entry.head - entry.index;

/**
 * The cheapest set of a word's positional terms (parts and helpers) whose spans cover every position its parts cover: proving
 * those terms at their offsets proves the word. A single term needs no proof (its document set says it all): [] then.
 */
function proofChain(word) {
  const positional = word.terms.filter((t) => t.positional && t.entry.positional);
  // A bigram, or a word joined to the CJK character after it (2020年), spans two positions; a word spans one.
  const span = (t) => (t.term.length >= 2 && isCjk(t.term.charCodeAt(t.term.length - 1)) ? 2 : 1);
  const parts = positional.filter((t) => !t.helper);
  if (parts.length < 2) return [];
  const needed = [...new Set(parts.flatMap((t) => Array.from({ length: span(t) }, (_, i) => t.offset + i)))].sort((a, b) => a - b);
  // Shortest path over "first position not yet covered": a chosen term must cover it, and then covers up to its end.
  const best = new Map([[0, { cost: 0, terms: [] }]]);
  for (let i = 0; i < needed.length; i++) {
    const here = best.get(i);
    if (!here) continue;
    for (const t of positional) {
      const end = t.offset + span(t) - 1;
      if (t.offset > needed[i] || end < needed[i]) continue;
      let next = i;
      while (next < needed.length && needed[next] <= end) next++;
      const cost = here.cost + positionBytes(t.entry);
      if (!best.has(next) || best.get(next).cost > cost) best.set(next, { cost, terms: [...here.terms, t] });
    }
  }
  const chain = best.get(needed.length)?.terms ?? parts;
  // One term covering the whole word is proven by its document set alone.
  return chain.length > 1 ? chain : [];
}

function intersectSorted(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return out;
}

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
