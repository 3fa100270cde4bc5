import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createSearch, parseQuery } from "../../../themes/default/static/search/search.js";
import { buildSite, diskFetch, sampleReports } from "./site.mjs";

describe("search runtime over a built site", () => {
  let site;
  const open = async () => {
    const disk = diskFetch(site.output);
    const search = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: disk.fetch });
    return { search, fetched: disk.fetched };
  };
  const agencies = async (search, run, page) => Promise.all(page.results.map(async (r) => (await run.describe(r)).agency));

  before(() => { site = buildSite(sampleReports); });
  after(() => site.cleanup());

  test("a CJK query matches as a phrase, not as parts far apart", async () => {
    // Given one report with 行政处罚 and one with 行政 and 处罚 far apart
    const { search } = await open();
    // When searching 行政处罚
    const run = search.query("行政处罚");
    const page = await run.page();
    // Then only the report with the phrase is an exact result
    assert.equal(page.partial, false);
    assert.deepEqual(await agencies(search, run, page), ["玉溪市红塔区甲局"]);
    assert.equal(page.complete, true);
  });

  test("space-separated words must all match", async () => {
    // Given two reports with 医疗纠纷调解, of 2024 and 2023
    const { search } = await open();
    // When searching the phrase together with 2023
    const run = search.query("医疗纠纷调解 2023");
    const page = await run.page();
    // Then only the 2023 report matches
    assert.deepEqual(await agencies(search, run, page), ["长沙市岳麓区乙局"]);
  });

  test("without an exact match, reports with every part are offered as partial matches", async () => {
    // Given no report contains 调解医疗 but all three contain 调解 and 医疗
    const { search } = await open();
    // When searching it
    const page = await search.query("调解医疗").page();
    // Then the page says the matches are partial and lists the reports with both parts
    assert.equal(page.partial, true);
    assert.equal(page.total, 3);
  });

  test("a number followed by one character matches only where they are adjacent", async () => {
    // Given 2024 is followed by 年 in two reports and stands alone in a third
    const { search } = await open();
    // When searching 2024 and 2024年
    const bare = await search.query("2024").page();
    const joined = await search.query("2024年").page();
    // Then the number alone finds all three, the number with 年 only the two
    assert.equal(bare.total, 3);
    assert.equal(joined.total, 2);
    assert.equal(joined.partial, false);
  });

  test("a term no report contains finds nothing", async () => {
    const { search } = await open();
    const page = await search.query("执法人员不足").page();
    assert.equal(page.total, 0);
    assert.equal(page.complete, true);
  });

  test("filters narrow the results and facets count them", async () => {
    // Given the two reports with 医疗纠纷调解 (2024 in 云南省, 2023 in 湖南省)
    const { search } = await open();
    const run = search.query("医疗纠纷调解");
    // When filtering by year 2024
    const all = await run.page();
    const filtered = await run.page({ filters: { year: "2024" } });
    // Then facets count each year, region and agency, and the filter keeps the 2024 report only
    assert.deepEqual(all.facets.year.map((f) => [f.name, f.count]), [["2024", 1], ["2023", 1]]);
    assert.deepEqual(all.facets.region.map((f) => [f.name, f.count]).sort(), [["云南省", 1], ["湖南省", 1]]);
    assert.deepEqual(await agencies(search, run, filtered), ["玉溪市红塔区甲局"]);
    const agencyCounts = await Promise.all(all.facets.agency.map(async (a) => [await search.agencyName(a.code), a.count]));
    assert.deepEqual(agencyCounts.sort(), [["玉溪市红塔区甲局", 1], ["长沙市岳麓区乙局", 1]]);
  });

  test("a result shows an excerpt with the phrase highlighted and links to its section", async () => {
    const { search } = await open();
    const run = search.query("医疗纠纷调解");
    const page = await run.page({ filters: { year: "2024" } });
    // When the result is described
    const shown = await run.describe(page.results[0]);
    // Then the excerpt marks the phrase and the link targets the heading （一）调解工作
    assert.deepEqual(shown.excerpt.filter((s) => s.match).map((s) => s.text), ["医疗纠纷调解"]);
    assert.equal(shown.section, "一调解工作");
    assert.ok(shown.url.startsWith(`/reports/2024/`));
    assert.ok(shown.url.includes(`#${encodeURIComponent("一调解工作")}:~:text=`));
    assert.equal(shown.year, "2024");
  });

  test("full-width and case variants of a query find the same reports", async () => {
    const { search } = await open();
    const half = await search.query("94.28%").page();
    const full = await search.query("９４．２８％").page();
    assert.equal(half.total, 1);
    assert.deepEqual(full.results.map((r) => r.doc), half.results.map((r) => r.doc));
  });

  test("a query keeps only covering bigrams as parts and the rest as helpers", () => {
    const [word] = parseQuery("医疗纠纷调解");
    assert.deepEqual(word.parts.filter((p) => !p.helper).map((p) => p.term), ["医疗", "纠纷", "调解"]);
    assert.deepEqual(word.parts.filter((p) => p.helper).map((p) => p.term), ["疗纠", "纷调"]);
  });
});

describe("search runtime on a long posting list", () => {
  let site;
  before(() => {
    const reports = {};
    for (let i = 0; i < 100; i++) {
      reports[`r${String(i).padStart(3, "0")}.md`] = {
        title: `第${i}号报告`, agency: `测试机构${String(i).padStart(3, "0")}`, year: 2020 + (i % 5), region: ["云南省", "玉溪市", "红塔区"],
        body: `${"法治建设。".repeat(1 + (i % 9))}其他内容${i}。`,
      };
    }
    site = buildSite(reports);
  });
  after(() => site.cleanup());

  test("the first page of a term in every report needs only its first posting block", async () => {
    // Given 100 reports that all contain 法治
    const disk = diskFetch(site.output);
    const search = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: disk.fetch });
    // When the first 10 results are shown
    const run = search.query("法治");
    const page = await run.page({ limit: 10 });
    // Then only the first posting block was read (its header, then its positions), and the count says more exist
    assert.equal(page.results.length, 10);
    const [file, offset, length] = (await search.entry("法治")).blocks[0].ref.split(":");
    const reads = disk.fetched.filter((f) => f.path.startsWith("search/idx/p/"));
    assert.ok(reads.length >= 1 && reads.length <= 2);
    for (const r of reads) {
      assert.equal(r.path, `search/idx/${file}`);
      assert.ok(r.start >= Number(offset) && r.start + r.bytes <= Number(offset) + Number(length));
    }
    assert.equal(page.complete, false);
    // And asking for all results loads the rest and counts every report
    const all = await run.page({ limit: 1000 });
    assert.equal(all.total, 100);
    assert.equal(all.complete, true);
  });

  test("objects are read from packs by byte range, and a host without ranges gives the same results", async () => {
    // Given the same index served by a host that honours Range and by one that ignores it
    const ranged = diskFetch(site.output);
    const whole = diskFetch(site.output, "/", { ranges: false });
    const show = async (fetch) => {
      const search = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch });
      const run = search.query("法治建设");
      const page = await run.page({ limit: 10 });
      return Promise.all(page.results.map(async (r) => { const d = await run.describe(r); return [d.title, d.url, d.excerpt]; }));
    };
    // When the first page of results is shown with excerpts through each
    const viaRanges = await show(ranged.fetch);
    const viaWhole = await show(whole.fetch);
    // Then both show the same results, the first reading slices of packs and the second each file once, whole
    assert.equal(viaRanges.length, 10);
    assert.deepEqual(viaWhole, viaRanges);
    const packs = (list) => list.filter((f) => f.path.endsWith(".bin"));
    assert.ok(packs(ranged.fetched).every((f) => f.bytes < 64 * 1024), "each range is one object, not a pack");
    const names = packs(whole.fetched).map((f) => f.path);
    assert.equal(new Set(names).size, names.length, "a pack fetched whole is not fetched again");
  });
});
