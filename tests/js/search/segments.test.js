// The segmented index: after incremental builds (a base segment, a delta, a deletion list), every bench query answers as a
// clean build of the same content does: the same top ten, the same counts (as shown and exactly), the same facets.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createSearch } from "../../../themes/default/static/search/search.js";
import { expandQuery, loadSynonyms } from "../../../themes/default/static/search/expand.js";
import { buildSite, makeCorpusSite, makeTemp, removeTemp, repoRoot } from "../lib/sitegen.js";
import { diskFetch } from "./site.mjs";

const queries = JSON.parse(readFileSync(join(repoRoot, "bench/search/queries.json"), "utf8")).map((q) => q.q);

/** The index of a built output as the search page opens it: queries expanded with the site's synonyms.json. */
async function open(output) {
  const disk = diskFetch(output);
  const synonyms = loadSynonyms(JSON.parse(readFileSync(join(output, "search/synonyms.json"), "utf8")));
  return createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: disk.fetch, expand: (q) => expandQuery(q, synonyms) });
}

const manifestOf = (output) => JSON.parse(readFileSync(join(output, "search/idx/manifest.json"), "utf8"));

/** What a search page shows for a state, reduced to what must not depend on how the index is segmented. */
async function answer(search, state) {
  const view = await search.view(state);
  const facets = Object.fromEntries(Object.entries(view.facets).filter(([k]) => k !== "years")
    .map(([k, values]) => [k, values.map((v) => `${v.value}:${v.count.toFixed(6)}:${v.exact}`)]));
  return { mode: view.mode, count: view.count, results: view.results.map((r) => r.url), facets, expansion: view.expansion };
}

/** Compares every bench query (expanded as the page does, then only as typed; as shown, then counted exactly) and a browse by
 * date between two built outputs. */
async function assertSameAnswers(incremental, clean) {
  const [a, b] = [await open(incremental), await open(clean)];
  for (const q of queries) {
    for (const state of [{ q }, { q, exact: true }, { q, sort: "newest", page: 2 }, { q, typedOnly: true }]) {
      assert.deepEqual(await answer(a, state), await answer(b, state), `query ${JSON.stringify(state)}`);
    }
  }
  assert.deepEqual(await answer(a, { sort: "oldest" }), await answer(b, { sort: "oldest" }), "browsing by date");
}

describe("segmented search index", () => {
  let temp;
  let site;
  let reports;
  const output = () => join(temp, "incremental");

  /** Builds the site incrementally, then clean into a fresh folder, and compares the two. */
  async function rebuildAndCompare() {
    await buildSite({ site, output: output() });
    const clean = join(temp, "clean");
    rmSync(clean, { recursive: true, force: true });
    await buildSite({ site, output: clean });
    await assertSameAnswers(output(), clean);
  }

  const edit = (file, change) => writeFileSync(file, change(readFileSync(file, "utf8")));

  before(async () => {
    temp = await makeTemp("segments");
    site = join(temp, "site");
    await makeCorpusSite(site, { count: 240, siteYml: 'title: "测试报告库"\nbase_url: "/"\nlanguage: zh-CN\n' });
    reports = readdirSync(join(site, "content/reports"), { recursive: true }).filter((f) => f.endsWith(".md")).sort().map((f) => join(site, "content/reports", f));
    await buildSite({ site, output: output() });
  });
  after(() => removeTemp(temp));

  test("a clean build is one base segment", () => {
    const manifest = manifestOf(output());
    assert.equal(manifest.delta, null);
    assert.equal(manifest.layout, null);
    assert.equal(manifest.base.docs, manifest.docs);
  });

  test("a changed, a removed and an added report go to a delta, and every query answers as after a clean build", async () => {
    // Given the built site, when one report gains a phrase of the bench queries, one is removed and one is added
    const base = manifestOf(output()).base;
    edit(reports[3], (text) => text.replace(/\n---\n\n/, "\n---\n\n医疗纠纷调解和行政复议工作取得新进展。\n\n"));
    rmSync(reports[10]);
    mkdirSync(join(site, "content/reports/new"), { recursive: true });
    writeFileSync(join(site, "content/reports/new/added.md"), readFileSync(reports[20], "utf8").replace(/title: "/, 'title: "新增').replace(/agency: "/, 'agency: "新设'));
    await rebuildAndCompare();

    // Then the base segment is the one published before, and the delta holds the reports whose pages changed (the edited and
    // the added one, and neighbours whose pages link to them): a few, not the archive
    const manifest = manifestOf(output());
    assert.deepEqual(manifest.base, base);
    assert.ok(manifest.delta.docs >= 2 && manifest.delta.docs <= 24, `delta of ${manifest.delta.docs} reports`);
    assert.equal(manifest.docs, 240);
  });

  test("a delta grows over several builds and a report moved in the catalogue (another agency) still answers as clean", async () => {
    // Given a site with a delta, when a report moves to another agency (its id and those after it shift) and another changes
    const before = manifestOf(output());
    edit(reports[30], (text) => text.replace(/agency: "([^"]*)"/, 'agency: "$1执法支队"'));
    edit(reports[40], (text) => text.replace(/\n---\n\n/, "\n---\n\n双随机一公开监管全面推行，营商环境持续优化。\n\n"));
    await rebuildAndCompare();

    // Then the base is still the first build's, and the delta holds every report changed since it
    const manifest = manifestOf(output());
    assert.deepEqual(manifest.base, before.base);
    assert.ok(manifest.delta.docs > before.delta.docs, `delta of ${manifest.delta.docs} reports after ${before.delta.docs}`);
  });
});
