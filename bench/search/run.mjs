// SiteGen search vs Pagefind, side by side in one run (issue 4).
//
//   cd bench/search && npm ci && node run.mjs [--sizes 1000,10000] [--work DIR] [--pagefind-memory-gib 8]
//
// For each size: generates the corpus with make_corpus.py (seed 1), builds the site with SiteGen (index included) under
// /usr/bin/time -v, runs Pagefind over the same HTML (report pages only, same body root and ignored parts), then for the
// fixed query list in queries.json measures, cold for each query: bytes fetched (requests: whole files or byte ranges of packs) to show the first 10 results with excerpts,
// precision@10, and recall against plain substring search over the report texts. Prints a table; writes results JSON to
// bench/results/search-<size>.json.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { createSearch, fold } from "../../themes/default/static/search/search.js";
import { parseRange } from "../../tests/js/lib/server.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const sizes = (args.sizes ?? "1000,10000").split(",").map(Number);
const work = resolve(args.work ?? join(repo, "bench/work/search"));
const pagefindMemoryGiB = Number(args["pagefind-memory-gib"] ?? 8);
const queries = JSON.parse(readFileSync(join(here, "queries.json"), "utf8"));
const makeCorpus = resolve(repo, "../shared/corpus/make_corpus.py");
const corpusScript = existsSync(makeCorpus) ? makeCorpus : "/work/shared/corpus/make_corpus.py";
const cli = join(repo, "src/SiteGen.Cli/bin/Release/net10.0/SiteGen.Cli.dll");
const PAGE = 10;

const kib = (n) => (n / 1024).toFixed(1);
const fixed = (x) => (x === 1 ? "1.00" : x.toFixed(3)); // 0.998 must not print as 1.00
const mib = (n) => (n / 1024 / 1024).toFixed(1);

function timed(command, argv, { limitGiB } = {}) {
  const wrapped = limitGiB ? ["prlimit", [`--as=${Math.round(limitGiB * 2 ** 30)}`, "--", "/usr/bin/time", "-v", command, ...argv]] : ["/usr/bin/time", ["-v", command, ...argv]];
  const started = performance.now();
  const run = spawnSync(wrapped[0], wrapped[1], { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? 0) * 1024;
  // CPU seconds (user + system) say more than wall time on a machine shared with other jobs.
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(run.stderr)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(run.stderr)?.[1] ?? 0);
  return { status: run.status, signal: run.signal, seconds, cpu, rss, stdout: run.stdout, stderr: run.stderr };
}

function folderBytes(dir) {
  let total = 0;
  let files = 0;
  let largest = { size: 0, name: "" };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
    total += size;
    files++;
    if (size > largest.size) largest = { size, name: entry.name };
  }
  return { total, files, largest };
}

/** Report texts for ground truth: title, agency, region parts, year and the Markdown body without heading markers. */
function loadTruthTexts(corpus) {
  const texts = [];
  const root = join(corpus, "content/reports");
  for (const year of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, year)).sort()) {
      const raw = readFileSync(join(root, year, file), "utf8");
      const end = raw.indexOf("\n---\n", 4);
      const front = raw.slice(4, end);
      const field = (name) => JSON.parse(new RegExp(`^${name}: (.*)$`, "m").exec(front)[1]);
      const title = field("title");
      const body = raw.slice(end + 5).replace(/^#+ /gm, "");
      const text = [title, field("agency"), ...field("region"), String(field("year")), body].join("\n");
      texts.push({ title, text: fold(text) });
    }
  }
  return texts;
}

function truthFor(texts, query) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return new Set(texts.filter((t) => words.every((w) => t.text.includes(w))).map((t) => t.title));
}

function score(returnedTitles, truth) {
  const top = returnedTitles.slice(0, PAGE);
  const precision = top.length === 0 ? (truth.size === 0 ? 1 : 0) : top.filter((t) => truth.has(t)).length / top.length;
  return { precision };
}

function recallOf(allTitles, truth) {
  if (truth.size === 0) return 1; // nothing to find: recall is vacuous; precision@10 shows false hits
  return allTitles.filter((t) => truth.has(t)).length / truth.size;
}

/** Our runtime in Node, reading files from disk, cold for each query (a fresh index object: nothing cached). */
async function runOurs(output, query, truth) {
  let bytes = 0;
  let files = 0;
  // Like a static host: a Range request gets 206 and only those bytes (read from the file at that offset).
  const fetch = async (url, init = {}) => {
    const file = join(output, decodeURIComponent(new URL(url).pathname));
    const range = parseRange(init.headers?.Range, statSync(file).size);
    let data;
    if (range && range !== "unsatisfiable") {
      data = Buffer.alloc(range.end - range.start + 1);
      const fd = openSync(file, "r");
      try { readSync(fd, data, 0, data.length, range.start); } finally { closeSync(fd); }
    } else {
      data = readFileSync(file);
    }
    bytes += data.length;
    files++;
    return {
      ok: true, status: range ? 206 : 200,
      json: async () => JSON.parse(data.toString("utf8")),
      arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
    };
  };
  const started = performance.now();
  const search = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch });
  const run = search.query(query);
  const page = await run.page({ limit: PAGE });
  const shown = await Promise.all(page.results.map((r) => run.describe(r)));
  const ms = performance.now() - started;
  const firstBytes = bytes;
  const firstFiles = files;
  const exactTitles = page.partial ? [] : shown.map((s) => s.title);
  // Recall: every exact result (measurement only, not counted in bytes per query).
  const all = await run.page({ limit: 1e9 });
  const allTitles = all.partial ? [] : await Promise.all(all.results.map(async (r) => (await search.document(r.doc)).title));
  return {
    bytes: firstBytes, files: firstFiles, ms, total: all.partial ? 0 : all.total, partial: page.partial, partialTotal: all.partial ? all.total : 0,
    ...score(exactTitles, truth), recall: recallOf(allTitles, truth),
  };
}

function serve(routes) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const route = routes.find((r) => path.startsWith(r.prefix));
    if (!route) { res.writeHead(404).end(); return; }
    let file = normalize(join(route.dir, path.slice(route.prefix.length)));
    if (path.endsWith("/")) file = join(file, "index.html");
    if (!file.startsWith(route.dir) || !existsSync(file) || statSync(file).isDirectory()) { res.writeHead(404).end(); return; }
    const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
    res.writeHead(200, { "content-type": type }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

const pagefindPage = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script type="module">
window.pagefindReady = import("/_pf/pagefind.js").then(async (pf) => { await pf.options({ basePath: "/_pf/" }); await pf.init(); return pf; });
</script></body></html>`;

/** Pagefind's own browser runtime in Chromium, cold for each query (a fresh browser context); bytes are index files only. */
async function runPagefind(browser, server, query, truth, recallContext) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let runtimeBytes = 0;
  page.on("response", async (response) => {
    const url = response.url();
    if (!url.includes("/_pf/")) return;
    const size = (await response.body().catch(() => Buffer.alloc(0))).length;
    if (/pagefind[^/]*\.(js|wasm)$|\.pagefind$|wasm\.[a-z-]+\.pagefind$/.test(url)) runtimeBytes += size; else bytes += size;
  });
  await page.goto(`${server.url}/bench.html`);
  const started = performance.now();
  const first = await page.evaluate(async (q) => {
    const pf = await window.pagefindReady;
    const search = await pf.search(q);
    const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    return { total: search.results.length, titles: data.map((d) => d.meta.title) };
  }, query);
  const ms = performance.now() - started;
  await page.waitForTimeout(50);
  await context.close();
  const all = await recallContext.evaluate(async (q) => {
    const pf = await window.pagefindReady;
    const search = await pf.search(q);
    window.titles ??= new Map(); // page id → title, so each fragment is fetched once per run, not once per query
    const missing = search.results.filter((r) => !window.titles.has(r.id));
    for (let i = 0; i < missing.length; i += 50) {
      const batch = missing.slice(i, i + 50);
      const data = await Promise.all(batch.map((r) => r.data()));
      batch.forEach((r, k) => window.titles.set(r.id, data[k].meta.title));
    }
    return search.results.map((r) => window.titles.get(r.id));
  }, query);
  return { bytes, runtimeBytes, ms, total: first.total, ...score(first.titles, truth), recall: recallOf(all, truth) };
}

async function benchSize(size, browser) {
  const corpus = join(work, `c${size}`);
  const output = join(work, `out${size}`);
  const pfOut = join(work, `pf${size}`);
  mkdirSync(work, { recursive: true });
  if (!existsSync(join(corpus, "content/reports"))) {
    execFileSync("python3", [corpusScript, "markdown", "--count", String(size), "--seed", "1", "--out", corpus], { stdio: "inherit" });
  }
  copyFileSync(join(repo, "content/site.yml"), join(corpus, "content/site.yml"));

  console.error(`[${size}] building with SiteGen…`);
  const ours = timed("dotnet", [cli, "build", "--site", corpus, "--output", output, "--clean"]);
  if (ours.status !== 0) throw new Error(`sitegen build failed:\n${ours.stdout}\n${ours.stderr}`);
  const indexLine = /search index: .*/.exec(ours.stdout)?.[0] ?? "";
  const indexSize = folderBytes(join(output, "search/idx"));

  rmSync(pfOut, { recursive: true, force: true }); // Pagefind adds to an existing bundle folder
  console.error(`[${size}] running Pagefind (address space limited to ${pagefindMemoryGiB} GiB)…`);
  const pf = timed(join(here, "node_modules/.bin/pagefind"), ["--site", output, "--output-path", pfOut, "--glob", "reports/**/*.html",
    "--root-selector", "[data-search-body]", "--exclude-selectors", "[data-search-ignore]", "--quiet"], { limitGiB: pagefindMemoryGiB });
  const pfOk = pf.status === 0 && existsSync(join(pfOut, "pagefind.js"));
  const pfFailure = pfOk ? null : `exit ${pf.status ?? pf.signal} after ${pf.seconds.toFixed(1)} s wall, ${pf.cpu.toFixed(1)} s CPU, peak RSS ${mib(pf.rss)} MiB: ${(pf.stderr.split("\n").find((l) => /error|memory|alloc|panic/i.test(l)) ?? "").trim()}`;
  const pfSize = pfOk ? folderBytes(pfOut) : null;

  console.error(`[${size}] ground truth and queries…`);
  const texts = loadTruthTexts(corpus);
  let server = null;
  let recallPage = null;
  if (pfOk) {
    writeFileSync(join(work, "bench.html"), pagefindPage);
    server = await serve([{ prefix: "/_pf/", dir: pfOut }, { prefix: "/bench.html", dir: join(work, "bench.html") }]);
    const recallContext = await browser.newContext();
    recallPage = await recallContext.newPage();
    await recallPage.goto(`${server.url}/bench.html`);
  }
  const rows = [];
  for (const { q, kind } of queries) {
    const truth = truthFor(texts, q);
    const o = await runOurs(output, q, truth);
    const p = pfOk ? await runPagefind(browser, server, q, truth, recallPage) : null;
    rows.push({ q, kind, truth: truth.size, ours: o, pagefind: p });
    console.error(`  ${q}: truth ${truth.size}, ours ${o.total}${o.partial ? ` (partial ${o.partialTotal})` : ""} ${kib(o.bytes)} KiB` + (p ? `, pagefind ${p.total} ${kib(p.bytes)} KiB` : ""));
  }
  server?.close();
  return {
    size, ours: { seconds: ours.seconds, cpu: ours.cpu, rss: ours.rss, indexLine, indexBytes: indexSize.total, indexFiles: indexSize.files, largest: indexSize.largest },
    pagefind: { ok: pfOk, seconds: pf.seconds, cpu: pf.cpu, rss: pf.rss, failure: pfFailure, indexBytes: pfSize?.total, indexFiles: pfSize?.files, largest: pfSize?.largest },
    rows,
  };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

function print(result) {
  const { size, ours, pagefind, rows } = result;
  const out = [];
  out.push(`\n## ${size} reports`);
  out.push(`SiteGen: whole build ${ours.seconds.toFixed(1)} s wall, ${ours.cpu.toFixed(1)} s CPU, peak RSS ${mib(ours.rss)} MiB, index ${mib(ours.indexBytes)} MiB in ${ours.indexFiles} files, largest ${kib(ours.largest.size)} KiB (${ours.largest.name})`);
  out.push(`         ${ours.indexLine}`);
  out.push(pagefind.ok
    ? `Pagefind: ${pagefind.seconds.toFixed(1)} s wall, ${pagefind.cpu.toFixed(1)} s CPU, peak RSS ${mib(pagefind.rss)} MiB, index ${mib(pagefind.indexBytes)} MiB in ${pagefind.indexFiles} files, largest ${kib(pagefind.largest.size)} KiB (${pagefind.largest.name})`
    : `Pagefind: FAILED (${pagefind.failure})`);
  out.push("");
  out.push("| query | kind | truth | ours: results | KiB | P@10 | recall | Pagefind: results | KiB | P@10 | recall |");
  out.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const o = r.ours;
    const p = r.pagefind;
    const ourResults = o.partial ? `0 (+${o.partialTotal} partial)` : String(o.total);
    out.push(`| ${r.q} | ${r.kind} | ${r.truth} | ${ourResults} | ${kib(o.bytes)} | ${o.precision.toFixed(2)} | ${fixed(o.recall)} | `
      + (p ? `${p.total} | ${kib(p.bytes)} | ${p.precision.toFixed(2)} | ${fixed(p.recall)} |` : "– | – | – | – |"));
  }
  const phrase = rows.filter((r) => r.kind === "phrase");
  out.push("");
  out.push(`median KiB per query: ours ${kib(median(rows.map((r) => r.ours.bytes)))}, max ${kib(Math.max(...rows.map((r) => r.ours.bytes)))}`
    + (pagefind.ok ? `; Pagefind ${kib(median(rows.map((r) => r.pagefind.bytes)))}, max ${kib(Math.max(...rows.map((r) => r.pagefind.bytes)))} (+ ${kib(rows[0].pagefind.runtimeBytes)} KiB runtime/wasm)` : ""));
  out.push(`phrase queries: ours min P@10 ${Math.min(...phrase.map((r) => r.ours.precision)).toFixed(2)}, min recall ${Math.min(...phrase.map((r) => r.ours.recall)).toFixed(2)}`
    + (pagefind.ok ? `; Pagefind min P@10 ${Math.min(...phrase.map((r) => r.pagefind.precision)).toFixed(2)}, min recall ${Math.min(...phrase.map((r) => r.pagefind.recall)).toFixed(2)}` : ""));
  console.log(out.join("\n"));
}

if (!existsSync(cli)) execFileSync("dotnet", ["build", join(repo, "src/SiteGen.Cli"), "-c", "Release", "--nologo", "-v", "q"], { stdio: "inherit" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
try {
  for (const size of sizes) {
    const result = await benchSize(size, browser);
    mkdirSync(join(repo, "bench/results"), { recursive: true });
    writeFileSync(join(repo, `bench/results/search-${size}.json`), JSON.stringify(result, null, 1));
    print(result);
  }
} finally {
  await browser.close();
}
