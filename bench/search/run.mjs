// The search benchmark: SiteGen's search on synthetic archives served by Debian's nginx, query by query (issue 13), and
// optionally Pagefind over the same pages (issue 4).
//
//   cd bench/search && npm install && node run.mjs [--sizes 1000,10000] [--work DIR] [--no-build] [--changes N] [--pagefind] [--pagefind-memory-gib 8]
//
// --no-build measures the output left by an earlier run (for runtime changes; the figures of record come from a clean build).
// --changes N: after the build, appends a sentence to N reports spread over the archive and builds again incrementally, so the
// queries run against a base segment plus a non-empty delta (issue 16); the reports are restored afterwards.
//
// For each size: generates the corpus with make_corpus.py (seed 1), builds the site with SiteGen (index included) under
// /usr/bin/time -v, serves the output with nginx (a config of its own: mime types, Range, the security headers), then for each
// query of queries.json, cold (a fresh runtime, nothing cached), runs the search page's first view in Node through nginx:
// the count, the first 10 results with excerpts, the facets. It reports the bytes nginx sent for it, the count shown (exact, or
// an estimate as the page rounds it), the true count (substring search over what the report pages show), precision of the first
// page and recall of every match, and the bytes of the exact-count action when the count was an estimate. Writes the results to
// bench/results/search-<size>.json and prints a table. Queries are expanded as the page expands them (search/expand.js with the
// site's synonyms.json, issue 14): the true count then counts the reports holding any form of each word, and the bytes of the
// query searched only as typed are listed beside.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expandQuery, loadSynonyms } from "../../themes/default/static/search/expand.js";
import { createSearch, fold, shownCount } from "../../themes/default/static/search/search.js";
import { parseRange } from "../../tests/js/lib/server.js";
import { startNginx } from "./nginx.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const argv = process.argv.slice(2);
const args = Object.fromEntries(argv.map((a, i) => (a.startsWith("--") ? [a.slice(2), argv[i + 1]?.startsWith("--") ? true : argv[i + 1] ?? true] : null)).filter(Boolean));
const sizes = String(args.sizes ?? "1000,10000").split(",").map(Number);
const work = resolve(args.work ?? join(repo, "bench/work/search"));
const withPagefind = Boolean(args.pagefind);
const build = !args["no-build"];
const changes = Number(args.changes ?? 0);
const pagefindMemoryGiB = Number(args["pagefind-memory-gib"] ?? 8);
const queries = JSON.parse(readFileSync(join(here, "queries.json"), "utf8"));
const makeCorpus = resolve(repo, "../shared/corpus/make_corpus.py");
const corpusScript = existsSync(makeCorpus) ? makeCorpus : "/work/shared/corpus/make_corpus.py";
const cli = join(repo, "src/SiteGen.Cli/bin/Release/net10.0/SiteGen.Cli.dll");
const PAGE = 10;

const kib = (n) => (n / 1024).toFixed(1);
const fixed = (x) => (x === 1 ? "1.00" : x.toFixed(3)); // 0.998 must not print as 1.00
const mib = (n) => (n / 1024 / 1024).toFixed(1);

function timed(command, argvs, { limitGiB } = {}) {
  const wrapped = limitGiB ? ["prlimit", [`--as=${Math.round(limitGiB * 2 ** 30)}`, "--", "/usr/bin/time", "-v", command, ...argvs]] : ["/usr/bin/time", ["-v", command, ...argvs]];
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

/** What a report page shows, for ground truth: title, agency, region parts, year, publication date, series and the body. */
function loadTruthTexts(corpus) {
  const texts = [];
  const root = join(corpus, "content/reports");
  for (const year of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, year)).sort()) {
      const raw = readFileSync(join(root, year, file), "utf8");
      const end = raw.indexOf("\n---\n", 4);
      const front = raw.slice(4, end);
      const field = (name) => { const m = new RegExp(`^${name}: (.*)$`, "m").exec(front); return m ? JSON.parse(m[1]) : ""; };
      const title = field("title");
      const body = raw.slice(end + 5).replace(/^#+ /gm, "");
      const published = /^published: (.*)$/m.exec(front)?.[1] ?? "";
      const text = [title, field("agency"), ...field("region"), String(field("year")), published, field("type"), body].join("\n");
      texts.push({ title, text: fold(text) });
    }
  }
  return texts;
}

/** The reports whose text holds every word of an expanded query (expandQuery's words): its typed form or one of its alternatives. */
function truthFor(texts, words) {
  const forms = words.map((w) => [w.typed, ...w.alternatives]);
  return new Set(texts.filter((t) => forms.every((f) => f.some((w) => t.text.includes(w)))).map((t) => t.title));
}

/** A fetch through the live host that counts the bytes of every response body. */
function countingFetch() {
  const meter = { bytes: 0, requests: 0 };
  const fetchImpl = async (url, init = {}) => {
    const response = await fetch(url, { headers: init.headers ?? {} });
    const data = new Uint8Array(await response.arrayBuffer());
    meter.bytes += data.length;
    meter.requests++;
    return {
      ok: response.ok, status: response.status,
      json: async () => JSON.parse(new TextDecoder().decode(data)),
      arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
    };
  };
  return { fetch: fetchImpl, meter };
}

/** Reads an index from disk for measurements that are not part of a query's cost (every match's title, for recall). */
function diskFetch(output) {
  return async (url, init = {}) => {
    const file = join(output, decodeURIComponent(new URL(url).pathname));
    const range = parseRange(init.headers?.Range, statSync(file).size);
    let data;
    if (range && range !== "unsatisfiable") {
      data = Buffer.alloc(range.end - range.start + 1);
      const fd = openSync(file, "r");
      try { readSync(fd, data, 0, data.length, range.start); } finally { closeSync(fd); }
    } else data = readFileSync(file);
    return { ok: true, status: range ? 206 : 200, json: async () => JSON.parse(data.toString("utf8")), arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) };
  };
}

/** One query, cold, through nginx: the first view (count, 10 results with excerpts, facets), then the exact-count action. */
async function runOurs(hostUrl, output, query, truth, synonyms) {
  const expand = (q) => expandQuery(q, synonyms);
  const { words, added } = expand(query);
  const { fetch: viaHost, meter } = countingFetch();
  const started = performance.now();
  const search = await createSearch({ baseUrl: `${hostUrl}search/idx/`, fetch: viaHost, expand });
  const view = await search.view({ q: query, perPage: PAGE });
  const ms = performance.now() - started;
  const first = { bytes: meter.bytes, requests: meter.requests };
  let exactBytes = 0;
  let exact = view.count;
  if (!view.count.exact) {
    const exactView = await search.view({ q: query, perPage: PAGE, exact: true });
    exactBytes = meter.bytes - first.bytes;
    exact = exactView.count;
  }
  const matching = view.mode === "results";
  const shownTitles = matching ? view.results.map((r) => r.title) : [];
  const precision = shownTitles.length === 0 ? (truth.size === 0 ? 1 : 0) : shownTitles.filter((t) => truth.has(t)).length / shownTitles.length;
  // Recall over every match (measurement only: read from disk, not counted): the run proves every candidate, then its titles.
  const disk = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: diskFetch(output) });
  const all = matching || view.mode === "partial" ? await (added.length ? disk.union(words) : disk.query(query)).matches() : [];
  // The same first view searched only as typed (?expand=0), cold: what expansion costs.
  let typedBytes = first.bytes;
  if (added.length) {
    const typed = countingFetch();
    await (await createSearch({ baseUrl: `${hostUrl}search/idx/`, fetch: typed.fetch })).view({ q: query, perPage: PAGE });
    typedBytes = typed.meter.bytes;
  }
  const allTitles = new Set(await Promise.all(all.map(async (d) => (await disk.document(d)).title)));
  const recall = truth.size === 0 ? 1 : [...truth].filter((t) => allTitles.has(t)).length / truth.size;
  return {
    mode: view.mode, ms, bytes: first.bytes, typedBytes, added, requests: first.requests, shown: { value: shownCount(view.count), exact: view.count.exact },
    exactCount: exact.value, exactBytes, results: view.results.length, precision, recall, matches: all.length,
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
  const first = await page.evaluate(async (q) => {
    const pf = await window.pagefindReady;
    const search = await pf.search(q);
    const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    return { total: search.results.length, titles: data.map((d) => d.meta.title) };
  }, query);
  await page.waitForTimeout(50);
  await context.close();
  const all = await recallContext.evaluate(async (q) => {
    const pf = await window.pagefindReady;
    const search = await pf.search(q);
    window.titles ??= new Map();
    const missing = search.results.filter((r) => !window.titles.has(r.id));
    for (let i = 0; i < missing.length; i += 50) {
      const batch = missing.slice(i, i + 50);
      const data = await Promise.all(batch.map((r) => r.data()));
      batch.forEach((r, k) => window.titles.set(r.id, data[k].meta.title));
    }
    return search.results.map((r) => window.titles.get(r.id));
  }, query);
  const top = first.titles.slice(0, PAGE);
  const precision = top.length === 0 ? (truth.size === 0 ? 1 : 0) : top.filter((t) => truth.has(t)).length / top.length;
  const recall = truth.size === 0 ? 1 : all.filter((t) => truth.has(t)).length / truth.size;
  return { bytes, runtimeBytes, total: first.total, precision, recall };
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
  const ours = build ? timed("dotnet", [cli, "build", "--site", corpus, "--output", output, "--clean", "--base-url", "/"])
    : { status: 0, seconds: 0, cpu: 0, rss: 0, stdout: "(not built: --no-build)", stderr: "" };
  if (ours.status !== 0) throw new Error(`sitegen build failed:\n${ours.stdout}\n${ours.stderr}`);
  const restore = changes > 0 ? changeReports(corpus, changes) : () => {};
  try {
    return await measure(size, corpus, output, pfOut, browser, ours);
  } finally {
    restore();
  }
}

/** Appends a new sentence to `count` reports spread evenly over the archive's files; returns what restores them. */
function changeReports(corpus, count) {
  const root = join(corpus, "content/reports");
  const files = readdirSync(root, { recursive: true }).filter((f) => f.endsWith(".md")).sort().map((f) => join(root, f));
  const chosen = Array.from({ length: Math.min(count, files.length) }, (_, i) => files[Math.floor(((i + 0.5) * files.length) / count)]);
  const originals = new Map(chosen.map((f) => [f, readFileSync(f)]));
  chosen.forEach((f, i) => writeFileSync(f, Buffer.concat([originals.get(f), Buffer.from(`\n本年度还完成了第${i + 1}项整改，群众满意度明显提升。\n`)])));
  return () => { for (const [f, bytes] of originals) writeFileSync(f, bytes); };
}

/** The queries over the built output (after `changes` reports changed and an incremental build, when asked). */
async function measure(size, corpus, output, pfOut, browser, ours) {
  let delta = null;
  if (changes > 0) {
    console.error(`[${size}] ${changes} reports changed: building again incrementally…`);
    const again = timed("dotnet", [cli, "build", "--site", corpus, "--output", output, "--base-url", "/"]);
    if (again.status !== 0) throw new Error(`sitegen build failed:\n${again.stdout}\n${again.stderr}`);
    const manifest = JSON.parse(readFileSync(join(output, "search/idx/manifest.json"), "utf8"));
    if (!manifest.delta) throw new Error("the incremental build wrote no delta segment (merged into a new base?)");
    delta = { changed: changes, docs: manifest.delta.docs, seconds: again.seconds, cpu: again.cpu, indexLine: /search index: .*/.exec(again.stdout)?.[0] ?? "" };
  }
  const indexLine = /search index: .*/.exec(ours.stdout)?.[0] ?? "";
  const indexSize = folderBytes(join(output, "search/idx"));
  const outputSize = folderBytes(output);

  let pagefind = null;
  if (withPagefind) {
    rmSync(pfOut, { recursive: true, force: true }); // Pagefind adds to an existing bundle folder
    console.error(`[${size}] running Pagefind (address space limited to ${pagefindMemoryGiB} GiB)…`);
    const pf = timed(join(here, "node_modules/.bin/pagefind"), ["--site", output, "--output-path", pfOut, "--glob", "reports/**/*.html",
      "--root-selector", "[data-search-body]", "--exclude-selectors", "[data-search-ignore]", "--quiet"], { limitGiB: pagefindMemoryGiB });
    const ok = pf.status === 0 && existsSync(join(pfOut, "pagefind.js"));
    pagefind = { ok, seconds: pf.seconds, cpu: pf.cpu, rss: pf.rss, size: ok ? folderBytes(pfOut) : null,
      failure: ok ? null : `exit ${pf.status ?? pf.signal} after ${pf.seconds.toFixed(1)} s wall, peak RSS ${mib(pf.rss)} MiB` };
  }

  console.error(`[${size}] ground truth and queries (nginx serving the output)…`);
  const texts = loadTruthTexts(corpus);
  const host = await startNginx(output);
  let pfServer = null;
  let recallPage = null;
  if (pagefind?.ok) {
    writeFileSync(join(work, "bench.html"), pagefindPage);
    pfServer = await serve([{ prefix: "/_pf/", dir: pfOut }, { prefix: "/bench.html", dir: join(work, "bench.html") }]);
    recallPage = await (await browser.newContext()).newPage();
    await recallPage.goto(`${pfServer.url}/bench.html`);
  }
  const synonyms = loadSynonyms(JSON.parse(readFileSync(join(output, "search/synonyms.json"), "utf8")));
  const rows = [];
  try {
    for (const { q, kind } of queries) {
      const truth = truthFor(texts, expandQuery(q, synonyms).words);
      const o = await runOurs(host.url, output, q, truth, synonyms);
      const p = pagefind?.ok ? await runPagefind(browser, pfServer, q, truth, recallPage) : null;
      rows.push({ q, kind, truth: truth.size, ours: o, pagefind: p });
      console.error(`  ${q}: true ${truth.size}, shown ${o.shown.exact ? "" : "约 "}${o.shown.value} (${o.mode}), ${kib(o.bytes)} KiB${o.exactBytes ? `, exact ${o.exactCount} +${kib(o.exactBytes)} KiB` : ""}`);
    }
  } finally {
    await host.stop();
    pfServer?.close();
  }
  return {
    size, ours: { seconds: ours.seconds, cpu: ours.cpu, rss: ours.rss, indexLine, indexBytes: indexSize.total, indexFiles: indexSize.files, largest: indexSize.largest, outputBytes: outputSize.total },
    delta, pagefind, rows,
  };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function print(result) {
  const { size, ours, delta, pagefind, rows } = result;
  const out = [];
  out.push(`\n## ${size} reports`);
  out.push(`SiteGen: whole build ${ours.seconds.toFixed(1)} s wall, ${ours.cpu.toFixed(1)} s CPU, peak RSS ${mib(ours.rss)} MiB; output ${mib(ours.outputBytes)} MiB;`
    + ` index ${mib(ours.indexBytes)} MiB in ${ours.indexFiles} files (${kib(ours.indexBytes / size)} KiB per report), largest ${mib(ours.largest.size)} MiB (${ours.largest.name})`);
  out.push(`         ${ours.indexLine}`);
  if (delta) out.push(`Delta: ${delta.changed} reports changed, then an incremental build (${delta.seconds.toFixed(1)} s wall, ${delta.cpu.toFixed(1)} s CPU): ${delta.docs} reports in the delta segment; ${delta.indexLine}`);
  if (pagefind) out.push(pagefind.ok ? `Pagefind: ${pagefind.seconds.toFixed(1)} s wall, peak RSS ${mib(pagefind.rss)} MiB, index ${mib(pagefind.size.total)} MiB in ${pagefind.size.files} files` : `Pagefind: FAILED (${pagefind.failure})`);
  out.push("");
  out.push("| query | kind | also searched | true count | shown count | KiB | KiB as typed | requests | P (first page) | R | exact count | exact action KiB |" + (pagefind?.ok ? " Pagefind KiB | P | R |" : ""));
  out.push("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (pagefind?.ok ? "---:|---:|---:|" : ""));
  for (const r of rows) {
    const o = r.ours;
    const shown = o.mode === "partial" ? `0 (${o.shown.value} partial)` : `${o.shown.exact ? "" : "约 "}${o.shown.value.toLocaleString("en")}`;
    const p = r.pagefind;
    out.push(`| ${r.q} | ${r.kind} | ${o.added.join("、") || "–"} | ${r.truth.toLocaleString("en")} | ${shown} | ${kib(o.bytes)} | ${kib(o.typedBytes)} | ${o.requests} | ${o.precision.toFixed(2)} | ${fixed(o.recall)} | `
      + `${o.exactBytes ? o.exactCount.toLocaleString("en") : "="} | ${o.exactBytes ? kib(o.exactBytes) : "–"} |` + (p ? ` ${kib(p.bytes)} | ${p.precision.toFixed(2)} | ${fixed(p.recall)} |` : ""));
  }
  const estimates = rows.filter((r) => !r.ours.shown.exact && r.ours.mode === "results");
  const error = (r) => Math.abs(r.ours.shown.value - r.truth) / Math.max(1, r.truth);
  out.push("");
  const plain = rows.filter((r) => r.ours.added.length === 0);
  out.push(`KiB per query: median ${kib(median(rows.map((r) => r.ours.bytes)))} (as typed ${kib(median(rows.map((r) => r.ours.typedBytes)))}), max ${kib(Math.max(...rows.map((r) => r.ours.bytes)))};`
    + ` ${rows.length - plain.length} queries expanded; without expansion min P ${Math.min(...plain.map((r) => r.ours.precision)).toFixed(2)}, min R ${fixed(Math.min(...plain.map((r) => r.ours.recall)))};`
    + ` exact-count action: max ${kib(Math.max(0, ...rows.map((r) => r.ours.exactBytes)))} KiB; ${estimates.length} estimated counts, largest error`
    + ` ${estimates.length ? (100 * Math.max(...estimates.map(error))).toFixed(1) : "–"} % of the true count; min P ${Math.min(...rows.map((r) => r.ours.precision)).toFixed(2)}, min R ${fixed(Math.min(...rows.map((r) => r.ours.recall)))}`);
  console.log(out.join("\n"));
}

if (!existsSync(cli)) execFileSync("dotnet", ["build", join(repo, "src/SiteGen.Cli"), "-c", "Release", "--nologo", "-v", "q"], { stdio: "inherit" });
const browser = withPagefind ? await (await import("playwright-core")).chromium.launch({ executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] }) : null;
try {
  for (const size of sizes) {
    const result = await benchSize(size, browser);
    mkdirSync(join(repo, "bench/results"), { recursive: true });
    writeFileSync(join(repo, `bench/results/search-${size}.json`), JSON.stringify(result, null, 1));
    print(result);
  }
} finally {
  await browser?.close();
}
