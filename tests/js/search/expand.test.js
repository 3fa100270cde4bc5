import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { expandQuery, expandWord, loadSynonyms } from "../../../themes/default/static/search/expand.js";
import { createSearch } from "../../../themes/default/static/search/search.js";
import { buildSite, diskFetch } from "./site.mjs";

const inline = (entries) => loadSynonyms({ version: 1, synonyms: entries });

describe("query expansion with the built-in synonyms of a built site", () => {
  let site;
  let synonyms;
  before(() => {
    site = buildSite({
      "together.md": { title: "红塔区卫生健康局2024年法治政府建设年度报告", agency: "玉溪市红塔区卫生健康局", year: 2024, region: ["云南省", "玉溪市", "红塔区"],
        body: "红塔区卫生健康局推进依法行政。" },
      "apart.md": { title: "玉溪市2024年法治政府建设年度报告", agency: "玉溪市人民政府", year: 2024, region: ["云南省", "玉溪市"],
        body: "红塔区完成了多项任务。\n\n市卫生健康局推进依法行政。" },
    });
    synonyms = loadSynonyms(JSON.parse(readFileSync(join(site.output, "search/synonyms.json"), "utf8")));
  });
  after(() => site.cleanup());

  test("a short form inside a word is replaced in place and reported", () => {
    const { words, added, replaced } = expandQuery("红塔区卫健局", synonyms);
    assert.equal(words.length, 1);
    assert.equal(words[0].typed, "红塔区卫健局");
    assert.deepEqual(words[0].alternatives, ["红塔区卫生健康局"]);
    assert.deepEqual(added, ["红塔区卫生健康局"]);
    assert.deepEqual(replaced, [{ from: "卫健局", to: "卫生健康局" }]);
  });

  test("the expanded phrase matches only where its characters stand together", async () => {
    // Given a report with 红塔区卫生健康局 and one with 红塔区 and 卫生健康局 apart
    const disk = diskFetch(site.output);
    const search = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: disk.fetch });
    // When the alternative of 红塔区卫健局 is searched
    const [alternative] = expandQuery("红塔区卫健局", synonyms).words[0].alternatives;
    const view = await search.view({ q: alternative });
    // Then only the report with the whole phrase is an exact result
    assert.equal(view.mode, "results");
    assert.deepEqual(view.results.map((r) => r.agency), ["玉溪市红塔区卫生健康局"]);
  });

  test("former names expand to the bodies that carry the work on", () => {
    assert.ok(expandWord("卫计委", synonyms).some((e) => e.phrase === "卫生健康委员会"));
    assert.ok(expandWord("环保局", synonyms).some((e) => e.phrase === "生态环境局"));
    assert.ok(expandWord("安监局", synonyms).some((e) => e.phrase === "应急管理局"));
    for (const old of ["工商局", "质监局", "食药监局"]) assert.ok(expandWord(old, synonyms).some((e) => e.phrase === "市场监督管理局"), old);
    assert.ok(expandWord("国土资源局", synonyms).some((e) => e.phrase === "自然资源局"));
  });

  test("traditional input is folded before it is looked up", () => {
    assert.ok(expandQuery("衛健委", synonyms).added.includes("卫生健康委员会"));
  });

  test("a full name that contains a short form is not expanded again", () => {
    assert.deepEqual(expandQuery("文化和旅游局", synonyms).added, []);
    assert.deepEqual(expandQuery("卫生健康委员会", synonyms).added, []);
    assert.deepEqual(expandQuery("人民政府办公室", synonyms).added, []);
    assert.deepEqual(expandQuery("旅游局", synonyms).added, ["文化和旅游局"]);
  });

  test("each word expands on its own; words without synonyms are kept as typed", () => {
    const { words } = expandQuery("红塔区卫健局  2023 行政处罚", synonyms);
    assert.deepEqual(words.map((w) => w.typed), ["红塔区卫健局", "2023", "行政处罚"]);
    assert.deepEqual(words.slice(1).map((w) => w.alternatives), [[], []]);
  });
});

test("two forms in one word give every combination, up to the limit", () => {
  const table = inline([["卫健委", "卫生健康委员会"], ["发改委", "发展和改革委员会", "发展改革委"]]);
  assert.deepEqual(expandWord("卫健委发改委", table).map((e) => e.phrase), [
    "卫健委发展和改革委员会", "卫健委发展改革委", "卫生健康委员会发改委", "卫生健康委员会发展和改革委员会", "卫生健康委员会发展改革委",
  ]);
  assert.equal(expandWord("卫健委发改委", table, { limit: 2 }).length, 2);
});

test("the longest form at a place wins", () => {
  const table = inline([["卫计", "x"], ["卫计委", "卫生健康委员会"]]);
  assert.deepEqual(expandWord("卫计委", table).map((e) => e.phrase), ["卫生健康委员会"]);
});

test("a query is left alone without a table", () => {
  assert.deepEqual(expandQuery("卫健委", null), { words: [{ typed: "卫健委", alternatives: [] }], added: [], replaced: [] });
});
