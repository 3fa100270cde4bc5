// Example queries of issue 14 over built sites — short forms, former names, traditional characters, pinyin, initials,
// misspelt agencies — and what each finds as typed and with the name-search foundations: synonym expansion (search/expand.js;
// each alternative run as one more phrase query, its results joined to the typed query's, the way the page will OR them),
// suggestions (search/names.js) and closest names. Bytes are fetched cold, as run.mjs counts them: the first 10 results with
// excerpts of the typed query ("before"), and of the typed query plus every alternative ("after", an upper bound for the
// page, which will ask once); the names and synonyms files (fetched once per visit) are listed on their own.
//
//   dotnet build ../../src/SiteGen.Cli -c Release && node names.mjs OUTPUT_DIR [OUTPUT_DIR …]   (built sites, search included)
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expandQuery, loadSynonyms } from "../../themes/default/static/search/expand.js";
import { closestNames, loadNames, suggest } from "../../themes/default/static/search/names.js";
import { createSearch } from "../../themes/default/static/search/search.js";
import { diskFetch } from "../../tests/js/search/site.mjs";

const EXAMPLES = [
  ["short form", "卫健局"], ["short form", "红塔区卫健局"], ["short form", "市监局"], ["short form", "人社局"], ["short form", "住建局"],
  ["former name", "卫计委"], ["former name", "环保局"], ["former name", "安监局"], ["former name", "食药监局"],
  ["traditional", "衛生健康局"], ["traditional", "紅塔區衛生健康局"], ["traditional", "市場監督管理局"],
  ["pinyin", "hongtaqu"], ["pinyin", "hong ta"], ["pinyin", "chongqing"],
  ["initials", "htq"], ["initials", "cq"],
  ["misspelt agency", "红塔区卫生建康局"], ["misspelt agency", "宏塔区司法局"], ["misspelt agency", "红塔区应急管里局"],
];
const PAGE = 10;
const kib = (n) => (n / 1024).toFixed(1);

/** Runs one query cold: its exact results (document ids) and the bytes fetched to show its first page with excerpts. */
async function run(output, query) {
  const disk = diskFetch(output);
  const search = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: disk.fetch });
  const q = search.query(query);
  const first = await q.page({ limit: PAGE });
  await Promise.all(first.results.map((r) => q.describe(r)));
  const bytes = disk.fetched.reduce((sum, f) => sum + f.bytes, 0);
  const all = await q.page({ limit: 1e9 });
  return { docs: all.partial ? [] : all.results.map((r) => r.doc), bytes };
}

for (const output of process.argv.slice(2)) {
  const file = (name) => join(output, "search", name);
  const names = loadNames(JSON.parse(readFileSync(file("names.json"), "utf8")));
  const synonyms = loadSynonyms(JSON.parse(readFileSync(file("synonyms.json"), "utf8")));
  const size = (name) => `${kib(statSync(file(name)).size)} KiB (${kib(gzipSync(readFileSync(file(name)), { level: 9 }).length)} KiB gzip'd)`;
  console.log(`\n${output}: ${names.entries.filter((e) => e.kind === "agency").length} agencies, ${names.entries.filter((e) => e.kind !== "agency").length} regions;`
    + ` names.json ${size("names.json")}, synonyms.json ${size("synonyms.json")}\n`);
  console.log("| kind | query | found as typed | KiB before | also searched | found with them | KiB after | suggestions / closest names |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const [kind, query] of EXAMPLES) {
    const typed = await run(output, query);
    const { added } = expandQuery(query, synonyms);
    const docs = new Set(typed.docs);
    let bytes = typed.bytes;
    for (const phrase of added) {
      const r = await run(output, phrase);
      r.docs.forEach((d) => docs.add(d));
      bytes += r.bytes;
    }
    const names3 = (list, label) => list.slice(0, 3).map((s) => `${s.name}${label(s)}`).join("、");
    const hint = typed.docs.length === 0 && docs.size === 0
      ? `closest: ${names3(closestNames(names, query, { synonyms }), (s) => ` (${s.reason})`) || "–"}`
      : names3(suggest(names, query), () => "") || "–";
    console.log(`| ${kind} | ${query} | ${typed.docs.length} | ${kib(typed.bytes)} | ${added.join("、") || "–"} | ${docs.size} | ${kib(bytes)} | ${hint} |`);
  }
}
