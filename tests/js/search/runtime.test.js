import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createSearch, parseQuery, sampleKey } from "../../../themes/default/static/search/search.js";
import { buildSite, diskFetch, sampleReports } from "./site.mjs";

const open = async (site, options = {}) => {
  const disk = diskFetch(site.output, "/", options);
  const search = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: disk.fetch, ...options });
  return { search, fetched: disk.fetched };
};
const agencies = (view) => view.results.map((r) => r.agency);

describe("search runtime over a built site", () => {
  let site;
  before(() => { site = buildSite(sampleReports); });
  after(() => site.cleanup());

  test("a CJK query matches as a phrase, not as parts far apart, and the count is exact", async () => {
    // Given one report with 行政处罚 and one with 行政 and 处罚 far apart
    const { search } = await open(site);
    // When searching 行政处罚
    const view = await search.view({ q: "行政处罚" });
    // Then only the report with the phrase is a result, counted exactly
    assert.equal(view.mode, "results");
    assert.deepEqual(agencies(view), ["玉溪市红塔区甲局"]);
    assert.deepEqual(view.count, { value: 1, exact: true });
  });

  test("space-separated words must all match", async () => {
    const { search } = await open(site);
    const view = await search.view({ q: "医疗纠纷调解 2023" });
    assert.deepEqual(agencies(view), ["长沙市岳麓区乙局"]);
  });

  test("without an exact match, reports with every part are offered as partial matches", async () => {
    // Given no report contains 调解医疗 but all three contain 调解 and 医疗
    const { search } = await open(site);
    // When searching it
    const view = await search.view({ q: "调解医疗" });
    // Then the view says the matches are partial and lists the reports with both parts
    assert.equal(view.mode, "partial");
    assert.deepEqual(view.count, { value: 3, exact: true });
    assert.ok(view.results.every((r) => r.partial));
  });

  test("a number followed by one character matches only where they are adjacent", async () => {
    const { search } = await open(site);
    assert.equal((await search.view({ q: "2024" })).count.value, 3);
    const joined = await search.view({ q: "2024年" });
    assert.equal(joined.count.value, 2);
    assert.equal(joined.mode, "results");
  });

  test("a query whose parts no report contains finds nothing", async () => {
    const { search } = await open(site);
    const view = await search.view({ q: "执法人员不足" });
    assert.equal(view.mode, "none");
    assert.deepEqual(view.count, { value: 0, exact: true });
  });

  test("facets count the whole result set by year, region (at every level), agency and series, and filters narrow it", async () => {
    // Given the two reports with 医疗纠纷调解 (2024 in 云南省 › 玉溪市 › 红塔区, 2023 in 湖南省 › 长沙市 › 岳麓区)
    const { search } = await open(site);
    // When searching it, then filtering by year 2024
    const all = await search.view({ q: "医疗纠纷调解" });
    const filtered = await search.view({ q: "医疗纠纷调解", filters: { year: ["2024"] } });
    // Then the facets count both years, every region level and both agencies, and the filter keeps the 2024 report only
    assert.deepEqual(all.facets.year.map((f) => [f.value, f.count, f.exact]), [["2024", 1, true], ["2023", 1, true]]);
    assert.deepEqual(all.facets.region.map((f) => [f.value, f.count]).sort(),
      [["云南省", 1], ["云南省›玉溪市", 1], ["云南省›玉溪市›红塔区", 1], ["湖南省", 1], ["湖南省›长沙市", 1], ["湖南省›长沙市›岳麓区", 1]]);
    assert.deepEqual(all.facets.agency.map((f) => f.label).sort(), ["玉溪市红塔区甲局", "长沙市岳麓区乙局"]);
    assert.deepEqual(all.facets.series.map((f) => [f.label, f.count]), [["法治政府建设年度报告", 2]]);
    // And a site without taxonomies of its own has no facets besides these
    assert.deepEqual(all.facets.taxonomies, []);
    assert.deepEqual(agencies(filtered), ["玉溪市红塔区甲局"]);
    // And a facet keeps counting its other values while one is chosen, so several can be chosen at once
    assert.deepEqual(filtered.facets.year.map((f) => [f.value, f.count, f.selected]), [["2024", 1, true], ["2023", 1, false]]);
    const both = await search.view({ q: "医疗纠纷调解", filters: { year: ["2024", "2023"] } });
    assert.equal(both.count.value, 2);
  });

  test("a region filter takes in its cities and counties, and an agency filter works by name", async () => {
    const { search } = await open(site);
    const hunan = await search.view({ q: "2024年", filters: { region: ["湖南省"] } });
    assert.deepEqual(agencies(hunan), ["长沙市岳麓区丙局"]);
    const city = await search.view({ q: "医疗", filters: { region: ["湖南省›长沙市"], agency: ["长沙市岳麓区乙局"] } });
    assert.deepEqual(agencies(city), ["长沙市岳麓区乙局"]);
  });

  test("a result shows an excerpt with the phrase highlighted and links to its section, asking the page to mark the query", async () => {
    const { search } = await open(site);
    const view = await search.view({ q: "医疗纠纷调解", filters: { year: ["2024"] } });
    const [shown] = view.results;
    assert.deepEqual(shown.excerpt.filter((s) => s.match).map((s) => s.text), ["医疗纠纷调解"]);
    assert.equal(shown.section, "一调解工作");
    assert.ok(shown.url.startsWith("/reports/2024/"));
    assert.ok(shown.url.endsWith(`?hl=${encodeURIComponent("医疗纠纷调解")}#${encodeURIComponent("一调解工作")}`), shown.url);
    assert.equal(shown.published, "2025-02-01");
  });

  test("full-width and case variants of a query find the same reports", async () => {
    const { search } = await open(site);
    const half = await search.view({ q: "94.28%" });
    const full = await search.view({ q: "９４．２８％" });
    assert.equal(half.count.value, 1);
    assert.deepEqual(full.results.map((r) => r.doc), half.results.map((r) => r.doc));
  });

  test("a query keeps only covering bigrams as parts and the rest as helpers", () => {
    const [word] = parseQuery("医疗纠纷调解");
    assert.deepEqual(word.parts.filter((p) => !p.helper).map((p) => p.term), ["医疗", "纠纷", "调解"]);
    assert.deepEqual(word.parts.filter((p) => p.helper).map((p) => p.term), ["疗纠", "纷调"]);
  });
});

describe("search runtime as a catalogue: browsing, sorting by date, year ranges", () => {
  let site;
  before(() => {
    const reports = {};
    const places = [["云南省", "玉溪市", "红塔区"], ["云南省", "昆明市", "五华区"], ["湖南省", "长沙市", "岳麓区"]];
    for (let i = 0; i < 24; i++) {
      const month = String(1 + (i % 12)).padStart(2, "0");
      reports[`r${String(i).padStart(2, "0")}.md`] = {
        title: `第${i}号报告`, agency: `测试机构${String(i % 5)}`, year: 2020 + (i % 6), region: places[i % 3],
        published: i === 5 ? null : `${2021 + (i % 6)}-${month}-1${i % 10}`, body: `依法行政第${i}项。`,
      };
    }
    site = buildSite(reports);
  });
  after(() => site.cleanup());

  test("browsing without a query lists every report of a year and province, newest first, counted exactly", async () => {
    const { search } = await open(site);
    // When browsing the 2024 reports of 云南省
    const view = await search.view({ q: "", filters: { year: ["2024"], region: ["云南省"] } });
    // Then every one of them is listed (i ≡ 4 mod 6, all in 云南省 › 昆明市), by publication date, newest first
    assert.equal(view.mode, "browse");
    assert.equal(view.sort, "newest");
    const dates = view.results.map((r) => r.published);
    assert.deepEqual(view.results.map((r) => r.title).sort(), ["第4号报告", "第10号报告", "第16号报告", "第22号报告"].sort());
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.deepEqual(view.count, { value: 4, exact: true });
  });

  test("newest and oldest order by publication date, then year, with undated reports last", async () => {
    const { search } = await open(site);
    const newest = (await search.view({ q: "依法行政", sort: "newest", perPage: 30 })).results;
    const oldest = (await search.view({ q: "依法行政", sort: "oldest", perPage: 30 })).results;
    const dated = (list) => list.filter((r) => r.published).map((r) => r.published);
    assert.equal(newest.length, 24);
    assert.deepEqual(dated(newest), dated(newest).slice().sort().reverse());
    assert.deepEqual(dated(oldest), dated(oldest).slice().sort());
    assert.equal(newest.at(-1).title, "第5号报告");
    assert.equal(oldest.at(-1).title, "第5号报告");
  });

  test("a year range keeps the years from one to the other, and pages follow each other without overlap", async () => {
    const { search } = await open(site);
    const view = await search.view({ q: "", filters: { from: "2021", to: "2022" } });
    assert.equal(view.count.value, 8);
    assert.ok(view.results.every((r) => ["2021", "2022"].includes(r.year)));
    const first = await search.view({ q: "", perPage: 10, page: 1 });
    const second = await search.view({ q: "", perPage: 10, page: 2 });
    const third = await search.view({ q: "", perPage: 10, page: 3 });
    assert.equal(first.pages, 3);
    const titles = [...first.results, ...second.results, ...third.results].map((r) => r.title);
    assert.equal(new Set(titles).size, 24);
  });
});

describe("search runtime counting: exact when cheap, else an estimate from a random sample", () => {
  let site;
  before(() => {
    // 300 reports: two in three contain 医疗纠纷调解, the others 医疗纠纷 and 纠纷调解 apart (every bigram of the phrase, not the phrase)
    const reports = {};
    for (let i = 0; i < 300; i++) {
      const body = i % 3 === 0 ? "开展医疗纠纷排查。完善纠纷调解机制。" : "开展医疗纠纷调解工作。";
      reports[`r${String(i).padStart(3, "0")}.md`] = {
        title: `第${i}号报告`, agency: `机构${String(i).padStart(3, "0")}`, year: 2020 + (i % 5), region: ["云南省", "玉溪市", "红塔区"],
        body: `${body}\n\n${"其他工作。".repeat(1 + (i % 7))}`,
      };
    }
    site = buildSite(reports);
  });
  after(() => site.cleanup());

  test("an estimate is marked as one, lies within 5 % of the truth, and counting exactly gives the truth", async () => {
    // Given a runtime allowed no bytes for exact counts unasked
    const { search } = await open(site, { exactBudget: 0 });
    // When searching the phrase, then asking for the exact count
    const estimated = await search.view({ q: "医疗纠纷调解" });
    const exact = await search.view({ q: "医疗纠纷调解", exact: true });
    // Then the first count is an estimate near 200, every shown result matches, and the exact count is 200
    assert.equal(estimated.count.exact, false);
    assert.ok(Math.abs(estimated.count.value - 200) <= 10, `estimate ${estimated.count.value}`);
    assert.equal(estimated.results.length, 10);
    assert.ok(estimated.results.every((r) => r.excerpt.some((s) => s.match && s.text === "医疗纠纷调解")));
    assert.deepEqual(exact.count, { value: 200, exact: true });
    assert.equal(exact.exactAvailable, false);
    // And the facets, estimated first, are exact after the exact count
    assert.ok(estimated.facets.year.some((f) => !f.exact));
    assert.ok(exact.facets.year.every((f) => f.exact));
    assert.equal(exact.facets.year.reduce((n, f) => n + f.count, 0), 200);
  });

  test("with the default budget a phrase this cheap to prove is counted exactly at once", async () => {
    const { search } = await open(site);
    assert.deepEqual((await search.view({ q: "医疗纠纷调解" })).count, { value: 200, exact: true });
  });

  test("the sample order spreads over the whole archive", () => {
    // The first 60 of 300 ids in sample order fall into every fifth of the catalogue
    const order = Array.from({ length: 300 }, (_, i) => i).sort((a, b) => sampleKey(a) - sampleKey(b)).slice(0, 60);
    for (let fifth = 0; fifth < 5; fifth++) assert.ok(order.filter((d) => Math.floor(d / 60) === fifth).length >= 5);
  });

  test("objects are read from packs by byte range, and a host without ranges gives the same results", async () => {
    // Given the same index served by a host that honours Range and by one that ignores it
    const ranged = await open(site);
    const whole = await open(site, { ranges: false });
    const show = async ({ search }) => (await search.view({ q: "纠纷调解" })).results.map((r) => [r.title, r.url, r.excerpt]);
    // When the first page of results is shown with excerpts through each
    const viaRanges = await show(ranged);
    const viaWhole = await show(whole);
    // Then both show the same results, the first reading slices of packs and the second each file once, whole
    assert.equal(viaRanges.length, 10);
    assert.deepEqual(viaWhole, viaRanges);
    const packs = (list) => list.filter((f) => f.path.endsWith(".bin"));
    assert.ok(packs(ranged.fetched).every((f) => f.bytes < 64 * 1024), "each range is one object, not a pack");
    const names = packs(whole.fetched).map((f) => f.path);
    assert.equal(new Set(names).size, names.length, "a pack fetched whole is not fetched again");
  });
});
