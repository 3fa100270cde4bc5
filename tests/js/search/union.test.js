// The runtime's expanded queries: a word with synonyms is searched as the OR of its forms, each a phrase, with counts, facets,
// ranking and pages over the union, and state.typedOnly searching only what was typed.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { expandQuery, loadSynonyms } from "../../../themes/default/static/search/expand.js";
import { createSearch } from "../../../themes/default/static/search/search.js";
import { buildSite, diskFetch } from "./site.mjs";

describe("an expanded query over a built site", () => {
  let site;
  let open;
  before(() => {
    site = buildSite({
      "short.md": { title: "甲局2023年法治政府建设年度报告", agency: "玉溪市甲局", year: 2023, region: ["云南省", "玉溪市"],
        body: "市卫健委开展普法宣传。", published: "2024-01-10" },
      "full.md": { title: "乙局2024年法治政府建设年度报告", agency: "长沙市乙局", year: 2024, region: ["湖南省", "长沙市"],
        body: "卫生健康委员会推进依法行政。", published: "2025-03-01" },
      "both.md": { title: "丙局2024年法治政府建设年度报告", agency: "长沙市丙局", year: 2024, region: ["湖南省", "长沙市"],
        body: "卫健委即卫生健康委员会，开展普法。", published: "2025-01-15" },
      "apart.md": { title: "丁局2024年法治政府建设年度报告", agency: "长沙市丁局", year: 2024, region: ["湖南省", "长沙市"],
        body: "卫生健康事业发展。\n\n区人大常委会各专门委员会开展监督。" },
      "together.md": { title: "红塔区卫生健康局2024年法治政府建设年度报告", agency: "玉溪市红塔区戊局", year: 2024, region: ["云南省", "玉溪市", "红塔区"],
        body: "红塔区卫生健康局推进依法行政。" },
      "spread.md": { title: "玉溪市2024年法治政府建设年度报告", agency: "玉溪市人民政府", year: 2024, region: ["云南省", "玉溪市"],
        body: "红塔区完成了多项任务。\n\n市卫生健康局推进依法行政。" },
    });
    const synonyms = loadSynonyms(JSON.parse(readFileSync(join(site.output, "search/synonyms.json"), "utf8")));
    open = (options = {}) => createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: diskFetch(site.output).fetch,
      expand: (q) => expandQuery(q, synonyms), ...options });
  });
  after(() => site.cleanup());

  const agencies = (view) => view.results.map((r) => r.agency).sort();

  test("a short form finds the reports with it or with the full name, each counted once, and says what it also searched", async () => {
    // Given reports with 卫健委, with 卫生健康委员会, with both, and with 卫生健康 and 委员会 apart
    const search = await open();
    // When 卫健委 is searched
    const view = await search.view({ q: "卫健委" });
    // Then the three reports with either phrase are the exact results, and the expansion is reported
    assert.equal(view.mode, "results");
    assert.deepEqual(view.count, { value: 3, exact: true });
    assert.deepEqual(agencies(view), ["玉溪市甲局", "长沙市丙局", "长沙市乙局"]);
    assert.deepEqual(view.expansion, { added: ["卫生健康委员会", "卫生健康委"], applied: true });
  });

  test("facets count the union, and a facet filter applies to it", async () => {
    const search = await open();
    const view = await search.view({ q: "卫健委" });
    assert.deepEqual(view.facets.year.map((y) => [y.value, y.count, y.exact]).sort(), [["2023", 1, true], ["2024", 2, true]]);
    assert.equal(view.facets.region.find((r) => r.value === "湖南省").count, 2);
    const narrowed = await search.view({ q: "卫健委", filters: { region: ["湖南省"] } });
    assert.deepEqual(agencies(narrowed), ["长沙市丙局", "长沙市乙局"]);
    assert.deepEqual(narrowed.count, { value: 2, exact: true });
  });

  test("each result's excerpt and link mark the form that stands in it", async () => {
    const search = await open();
    const view = await search.view({ q: "卫健委" });
    const full = view.results.find((r) => r.agency === "长沙市乙局");
    assert.deepEqual(full.excerpt.filter((s) => s.match).map((s) => s.text), ["卫生健康委员会"]);
    assert.match(full.url, /\?hl=%E5%8D%AB%E7%94%9F%E5%81%A5%E5%BA%B7%E5%A7%94%E5%91%98%E4%BC%9A/);
    const short = view.results.find((r) => r.agency === "玉溪市甲局");
    assert.deepEqual(short.excerpt.filter((s) => s.match).map((s) => s.text), ["卫健委"]);
  });

  test("sorting by date orders the union", async () => {
    const search = await open();
    const view = await search.view({ q: "卫健委", sort: "newest" });
    assert.deepEqual(view.results.map((r) => r.agency), ["长沙市乙局", "长沙市丙局", "玉溪市甲局"]);
    const paged = await search.view({ q: "卫健委", sort: "newest", perPage: 2, page: 2 });
    assert.deepEqual(paged.results.map((r) => r.agency), ["玉溪市甲局"]);
    assert.equal(paged.pages, 2);
  });

  test("typedOnly searches only what was typed, and still lists what expansion would add", async () => {
    const search = await open();
    const view = await search.view({ q: "卫健委", typedOnly: true });
    assert.deepEqual(agencies(view), ["玉溪市甲局", "长沙市丙局"]);
    assert.deepEqual(view.expansion, { added: ["卫生健康委员会", "卫生健康委"], applied: false });
  });

  test("an expanded word keeps phrase exactness: 红塔区卫健局 matches 红塔区卫生健康局 only where it stands together", async () => {
    const search = await open();
    const view = await search.view({ q: "红塔区卫健局" });
    assert.equal(view.mode, "results");
    assert.deepEqual(agencies(view), ["玉溪市红塔区戊局"]);
    assert.deepEqual(view.count, { value: 1, exact: true });
  });

  test("every word must still match: a word without synonyms narrows the expanded one", async () => {
    const search = await open();
    const view = await search.view({ q: "卫健委 普法" });
    assert.deepEqual(agencies(view), ["玉溪市甲局", "长沙市丙局"]);
    const withFull = await search.view({ q: "卫健委 依法行政" });
    assert.deepEqual(agencies(withFull), ["长沙市乙局"]);
  });

  test("a form the archive lacks does not hide the others; a query with no form found says none", async () => {
    const search = await open();
    // 卫计委 is in no report; its alternative 卫生健康委员会 is
    const view = await search.view({ q: "卫计委" });
    assert.equal(view.mode, "results");
    assert.deepEqual(agencies(view), ["长沙市丙局", "长沙市乙局"]);
    assert.equal((await search.view({ q: "卫计委", typedOnly: true })).mode, "none");
  });

  test("without an expand function the runtime searches what was typed", async () => {
    const search = await open({ expand: null });
    const view = await search.view({ q: "卫健委" });
    assert.deepEqual(agencies(view), ["玉溪市甲局", "长沙市丙局"]);
    assert.deepEqual(view.expansion, { added: [], applied: false });
  });

  test("the union's matches are exactly the reports whose text holds one of the forms", async () => {
    const search = await open();
    await search.view({ q: "卫健委" });
    const run = search.union(expandQuery("卫健委", loadSynonyms(JSON.parse(readFileSync(join(site.output, "search/synonyms.json"), "utf8")))).words);
    const docs = await run.matches();
    const titles = await Promise.all(docs.map(async (d) => (await search.document(d)).agency));
    assert.deepEqual(titles.sort(), ["玉溪市甲局", "长沙市丙局", "长沙市乙局"]);
  });
});

describe("an expanded query counted by estimate", () => {
  let site;
  before(() => {
    // 400 reports whose forms share their terms (卫生健康委员会 and 卫生健康委 read the same position blocks): a quarter hold
    // the full name, a quarter the short form, the rest every part of them but apart (卫生健康, 小康委员会); every report repeats those parts so
    // often that proving a sample costs more than the sampling budget, which makes the sample shrink and grow again
    const reports = {};
    for (let i = 0; i < 400; i++) {
      const body = ["市卫生健康委员会开展普法。", "市卫生健康委推进依法行政。", "区人大常委会各专门委员会开展监督。"][i % 4 === 0 ? 0 : i % 4 === 1 ? 1 : 2];
      reports[`r${String(i).padStart(3, "0")}.md`] = {
        title: `第${i}号报告`, agency: `机构${String(i).padStart(3, "0")}`, year: 2020 + (i % 5), region: ["云南省", "玉溪市", "红塔区"],
        body: `${body}\n\n${"卫生健康事业发展，小康委员会履职。".repeat(300 + (i % 7))}`,
      };
    }
    site = buildSite(reports);
  });
  after(() => site.cleanup());

  test("an estimate of the union finishes near the truth, and counting exactly gives the truth", async () => {
    // Given a runtime allowed no bytes for exact counts unasked, and the site's synonyms
    const synonyms = loadSynonyms(JSON.parse(readFileSync(join(site.output, "search/synonyms.json"), "utf8")));
    const search = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: diskFetch(site.output).fetch, exactBudget: 0,
      expand: (q) => expandQuery(q, synonyms) });
    // When 卫生健康委 (with its alternative 卫生健康委员会) is counted by estimate, then exactly
    const estimated = await search.view({ q: "卫生健康委" });
    const exact = await search.view({ q: "卫生健康委", exact: true });
    // Then the estimate finishes (it once took the same sample again and again), is marked as one and lies near the 200 reports
    // holding a form (within the error of the few reports whose positions fit the sampling budget), which the exact count gives
    assert.deepEqual(estimated.expansion.applied, true);
    assert.equal(estimated.count.exact, false);
    assert.ok(Math.abs(estimated.count.value - 200) <= 50, `estimate ${estimated.count.value}`);
    assert.deepEqual(exact.count, { value: 200, exact: true });
  });
});
