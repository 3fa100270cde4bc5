// Example queries of issue 14 over built sites — short forms, former names, traditional characters, pinyin, initials,
// misspelt agencies — and what each finds as the search page asks: the runtime's view() with synonym expansion (search/expand.js;
// the OR of each word's forms), searched only as typed (?expand=0) beside it, the suggestions of search/names.js and, when
// nothing is found, its closest names. Bytes are fetched cold (a fresh runtime), as run.mjs counts them: the page's first view
// (count, 10 results with excerpts, facets). The names and synonyms files (fetched once per visit) are listed on their own.
//
//   dotnet build ../../src/SiteGen.Cli -c Release && node names.mjs OUTPUT_DIR [OUTPUT_DIR …]   (built sites, search included)
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expandQuery, loadSynonyms } from "../../themes/default/static/search/expand.js";
import { closestNames, loadNames, suggest } from "../../themes/default/static/search/names.js";
import { createSearch, shownCount } from "../../themes/default/static/search/search.js";
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

/** One query's first view, cold, as the page asks it (expanded unless typedOnly): the count it shows (exact, or 约 N for an
 * estimate; partial matches are not counted) and the bytes fetched for it. */
async function run(output, query, synonyms, typedOnly) {
  const disk = diskFetch(output);
  const search = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: disk.fetch, expand: (q) => expandQuery(q, synonyms) });
  const view = await search.view({ q: query, perPage: PAGE, typedOnly });
  const bytes = disk.fetched.reduce((sum, f) => sum + f.bytes, 0);
  const value = view.mode === "results" ? shownCount(view.count) : 0;
  return { found: value, shown: `${view.count.exact || view.mode !== "results" ? "" : "约 "}${value.toLocaleString("en")}`, bytes, added: view.expansion.added };
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
    const typed = await run(output, query, synonyms, true);
    const expanded = await run(output, query, synonyms, false);
    const names3 = (list, label) => list.slice(0, 3).map((s) => `${s.name}${label(s)}`).join("、");
    const hint = expanded.found === 0
      ? `closest: ${names3(closestNames(names, query, { synonyms }), (s) => ` (${s.reason})`) || "–"}`
      : names3(suggest(names, query), () => "") || "–";
    console.log(`| ${kind} | ${query} | ${typed.shown} | ${kib(typed.bytes)} | ${expanded.added.join("、") || "–"} | ${expanded.shown} | ${kib(expanded.bytes)} | ${hint} |`);
  }
}
