// A site's own taxonomies (site.yml `taxonomies:`) as search facets in the runtime: listed under their labels, filtered by their
// keys (values of one facet OR'ed, facets AND'ed), each counted with the other facets' filters, exact or estimated like the
// built-in four. The truth each test checks against is computed from the reports given, not read from the index.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createSearch } from "../../../themes/default/static/search/search.js";
import { buildSite, diskFetch } from "./site.mjs";

const TOPICS = ["行政执法", "依法决策", "政务公开"];
const settings = 'taxonomies:\n  - { key: topics, field: topic, label: "主题" }\n  - { key: tags, field: tags, label: "标签" }\n';

// 240 reports: a topic for three in four (none for the fourth), tags 复议 (two in five) and 诉讼 (every third), so some have
// both and some none; two in three contain 医疗纠纷调解, the others only its parts apart (too many to prove without being asked).
const reports = Array.from({ length: 240 }, (_, i) => ({
  i,
  year: 2022 + (i % 3),
  topic: i % 4 === 3 ? null : TOPICS[i % 4],
  tags: [...(i % 5 < 2 ? ["复议"] : []), ...(i % 3 === 0 ? ["诉讼"] : [])],
  phrase: i % 3 !== 0,
}));
const files = Object.fromEntries(reports.map((r) => [`r${String(r.i).padStart(3, "0")}.md`, {
  title: `第${r.i}号报告`, agency: `机构${String(r.i).padStart(3, "0")}`, year: r.year, region: ["云南省", "玉溪市", "红塔区"],
  body: `${r.phrase ? "开展医疗纠纷调解工作。" : "开展医疗纠纷排查。完善纠纷调解机制。"}\n\n${"其他工作。".repeat(1 + (r.i % 7))}`,
  extra: `${r.topic ? `topic: "${r.topic}"\n` : ""}${r.tags.length ? `tags: [${r.tags.map((t) => `"${t}"`).join(", ")}]\n` : ""}`,
}]));

const open = async (site, options = {}) => createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: diskFetch(site.output).fetch, ...options });
const count = (where) => reports.filter(where).length;
/** The true count of each value among the reports `where(report, value)` holds for; values none has are not shown, so left out. */
const truth = (values, where) => Object.fromEntries(values.map((v) => [v, count((r) => where(r, v))]).filter(([, n]) => n > 0));
const TAGS = ["复议", "诉讼"];
const facet = (view, key) => view.facets.taxonomies.find((f) => f.key === key);
const counts = (f) => Object.fromEntries(f.values.map((v) => [v.value, v.count]));

describe("site taxonomies as search facets", () => {
  let site;
  before(() => { site = buildSite(files, { settings }); });
  after(() => site.cleanup());

  test("each site facet is listed under its label with a count per value, and a report without a value counts under none", async () => {
    // Given the reports browsed without a query
    const search = await open(site);
    const view = await search.view({});
    // Then the site's facets come in site.yml's order, under their labels, each value counted exactly over the archive
    assert.deepEqual(await search.siteFacets(), [{ key: "topics", label: "主题" }, { key: "tags", label: "标签" }]);
    assert.deepEqual(view.facets.taxonomies.map((f) => [f.key, f.label]), [["topics", "主题"], ["tags", "标签"]]);
    assert.deepEqual(counts(facet(view, "topics")), truth(TOPICS, (r, t) => r.topic === t));
    assert.deepEqual(counts(facet(view, "tags")), truth(TAGS, (r, t) => r.tags.includes(t)));
    assert.ok(facet(view, "topics").values.every((v) => v.exact && !v.selected));
    // And the reports without a topic are in no topic's count
    assert.equal(facet(view, "topics").values.reduce((n, v) => n + v.count, 0), count((r) => r.topic !== null));
  });

  test("values of one facet are OR'ed, facets are AND'ed with each other and with the built-in ones", async () => {
    const search = await open(site);
    const either = await search.view({ filters: { topics: ["行政执法", "依法决策"] } });
    assert.equal(either.count.value, count((r) => r.topic === "行政执法" || r.topic === "依法决策"));
    const withTag = await search.view({ filters: { topics: ["行政执法", "依法决策"], tags: ["诉讼"] } });
    assert.equal(withTag.count.value, count((r) => (r.topic === "行政执法" || r.topic === "依法决策") && r.tags.includes("诉讼")));
    const withYear = await search.view({ filters: { topics: ["行政执法"], tags: ["复议", "诉讼"], year: ["2023"] }, perPage: 100 });
    const expected = reports.filter((r) => r.topic === "行政执法" && r.tags.length > 0 && r.year === 2023).map((r) => `第${r.i}号报告`).sort();
    assert.deepEqual(withYear.results.map((r) => r.title).sort(), expected);
    assert.ok(expected.length > 0);
    // And a value the archive does not have matches nothing
    assert.equal((await search.view({ filters: { topics: ["不存在的主题"] } })).count.value, 0);
  });

  test("each facet is counted with every other facet's filters but not its own, so more of its values can be chosen", async () => {
    // Given a topic and a tag chosen
    const search = await open(site);
    const view = await search.view({ filters: { topics: ["依法决策"], tags: ["复议"] } });
    // Then the topics are counted among the reports tagged 复议 (every topic, the chosen one marked)
    const topics = facet(view, "topics");
    assert.deepEqual(counts(topics), truth(TOPICS, (r, t) => r.topic === t && r.tags.includes("复议")));
    assert.equal(topics.values.length, TOPICS.length);
    assert.deepEqual(topics.values.filter((v) => v.selected).map((v) => v.value), ["依法决策"]);
    // And the tags among the reports of 依法决策, the years among reports with both
    assert.deepEqual(counts(facet(view, "tags")), truth(TAGS, (r, t) => r.topic === "依法决策" && r.tags.includes(t)));
    assert.deepEqual(Object.fromEntries(view.facets.year.map((y) => [y.value, y.count])),
      truth(["2024", "2023", "2022"], (r, y) => r.year === Number(y) && r.topic === "依法决策" && r.tags.includes("复议")));
  });

  test("with a query, site facets are estimated where the count is, and exact after the exact count", async () => {
    // Given a runtime allowed no bytes for exact counts unasked, and a phrase two in three reports contain
    const search = await open(site, { exactBudget: 0 });
    const estimated = await search.view({ q: "医疗纠纷调解" });
    const exact = await search.view({ q: "医疗纠纷调解", exact: true });
    // Then the topic counts are marked as estimates first, and then are the true counts among the matching reports
    assert.equal(estimated.count.exact, false);
    assert.ok(facet(estimated, "topics").values.some((v) => !v.exact));
    assert.ok(facet(exact, "topics").values.every((v) => v.exact));
    assert.deepEqual(counts(facet(exact, "topics")), truth(TOPICS, (r, t) => r.phrase && r.topic === t));
    assert.deepEqual(counts(facet(exact, "tags")), truth(TAGS, (r, t) => r.phrase && r.tags.includes(t)));
  });
});

describe("a site facet keyed like an inherited property of every object", () => {
  let site;
  before(() => {
    const report = (agency, topic) => ({ title: `${agency}报告`, agency, year: 2024, region: ["云南省"], body: "推进依法行政。", extra: `topic: "${topic}"\n` });
    site = buildSite({ "a.md": report("甲局", "行政执法"), "b.md": report("乙局", "依法决策") }, { settings: "taxonomies:\n  - { key: constructor, field: topic }\n" });
  });
  after(() => site.cleanup());

  test("filters only when its values are chosen (`constructor` is a valid key)", async () => {
    const search = await open(site);
    assert.equal((await search.view({ filters: {} })).count.value, 2);
    assert.equal((await search.view({ filters: { constructor: ["依法决策"] } })).count.value, 1);
  });
});
