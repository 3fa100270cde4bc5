import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { loadSynonyms } from "../../../themes/default/static/search/expand.js";
import { closestNames, loadNames, pinyinSegments, suggest } from "../../../themes/default/static/search/names.js";
import { buildSite } from "./site.mjs";

// Agencies of places whose names people type in pinyin, including places read otherwise than their characters' first readings.
const places = [
  ["玉溪市红塔区卫生健康局", ["云南省", "玉溪市", "红塔区"]],
  ["玉溪市红塔区司法局", ["云南省", "玉溪市", "红塔区"]],
  ["汉中市汉台区司法局", ["陕西省", "汉中市", "汉台区"]],
  ["重庆市南岸区卫生健康委员会", ["重庆市", "南岸区"]],
  ["长沙市岳麓区司法局", ["湖南省", "长沙市", "岳麓区"]],
  ["六安市金安区司法局", ["安徽省", "六安市", "金安区"]],
  ["蚌埠市蚌山区司法局", ["安徽省", "蚌埠市", "蚌山区"]],
  ["广州市番禺区司法局", ["广东省", "广州市", "番禺区"]],
  ["厦门市思明区司法局", ["福建省", "厦门市", "思明区"]],
  ["乐亭县司法局", ["河北省", "唐山市", "乐亭县"]],
  ["洪洞县司法局", ["山西省", "临汾市", "洪洞县"]],
  ["南昌市红谷滩区司法局", ["江西省", "南昌市", "红谷滩区"]],
];

describe("names: suggestions and closest names from a built site's names file", () => {
  let site;
  let names;
  let synonyms;
  const top = (input, n = 1) => suggest(names, input).slice(0, n).map((s) => s.name);
  const all = (input) => suggest(names, input, { limit: Infinity }).map((s) => s.name);

  before(() => {
    const reports = {};
    places.forEach(([agency, region], i) => {
      reports[`r${i}.md`] = { title: `${agency}2024年法治政府建设年度报告`, agency, year: 2024, region, body: "推进依法行政。" };
    });
    site = buildSite(reports);
    names = loadNames(JSON.parse(readFileSync(join(site.output, "search/names.json"), "utf8")));
    synonyms = loadSynonyms(JSON.parse(readFileSync(join(site.output, "search/synonyms.json"), "utf8")));
  });
  after(() => site.cleanup());

  test("the names file holds every agency and region with its kind and region path", () => {
    const byName = new Map(names.entries.map((e) => [e.name, e]));
    assert.deepEqual(byName.get("红塔区").path, ["云南省", "玉溪市", "红塔区"]);
    assert.equal(byName.get("红塔区").kind, "county");
    assert.equal(byName.get("玉溪市").kind, "city");
    assert.equal(byName.get("云南省").kind, "province");
    assert.equal(byName.get("南岸区").kind, "county", "a district of a 直辖市 is county-level");
    assert.equal(byName.get("玉溪市红塔区卫生健康局").kind, "agency");
    assert.deepEqual(byName.get("玉溪市红塔区卫生健康局").path, ["云南省", "玉溪市", "红塔区", "玉溪市红塔区卫生健康局"]);
  });

  test("initials find the name, and ambiguous initials list every candidate", () => {
    // Given 红塔区 (hong ta qu) and 汉台区 (han tai qu); When typing htq
    const found = all("htq");
    // Then both regions are candidates, ahead of the agencies that merely begin with them
    assert.deepEqual(found.slice(0, 2).sort(), ["汉台区", "红塔区"]);
    assert.ok(found.indexOf("玉溪市红塔区卫生健康局") < 0 || found.indexOf("玉溪市红塔区卫生健康局") > 1);
  });

  test("full pinyin with or without spaces, tones or capitals finds the name", () => {
    for (const typed of ["hongtaqu", "hong ta qu", "hong ta", "hóng tǎ qū", "hong2 ta3 qu1", "HongTa", "hongtq"]) {
      assert.equal(top(typed)[0], "红塔区", typed);
    }
  });

  test("a name is found while its pinyin is still being typed", () => {
    for (const typed of ["h", "hon", "hongt", "hongta"]) assert.ok(all(typed).includes("红塔区"), typed);
    assert.ok(!all("hongtb").includes("红塔区"));
  });

  test("a syllable before the last one typed is typed whole or by its initial", () => {
    // Given 红塔区 (hong ta qu) and 红谷滩区 (hong gu tan qu); When hong ta is typed
    // Then 红谷滩区 is not a candidate (hon + g + ta is not how anyone types it), and a syllable typed in part before another fails
    assert.ok(all("hong ta").includes("红塔区"));
    assert.ok(!all("hong ta").includes("红谷滩区"));
    assert.ok(!all("hontaqu").includes("红塔区"));
    assert.ok(all("hgtq").includes("红谷滩区"));
    // while initials and whole syllables mix freely
    assert.equal(top("hongtq")[0], "红塔区");
    assert.equal(top("htqu")[0], "红塔区");
    assert.equal(top("cqs")[0], "重庆市");
    assert.equal(top("chq")[0], "重庆市");
  });

  test("place names read otherwise than their characters are found by their real reading", () => {
    assert.equal(top("chongqing")[0], "重庆市");
    assert.ok(!all("zhongqing").includes("重庆市"), "重 in 重庆 is chong");
    assert.equal(top("changsha")[0], "长沙市");
    assert.equal(top("luan")[0], "六安市");
    assert.equal(top("bengbu")[0], "蚌埠市");
    assert.equal(top("bengshan")[0], "蚌山区");
    assert.equal(top("panyu")[0], "番禺区");
    assert.equal(top("xiamen")[0], "厦门市");
    assert.equal(top("laoting")[0], "乐亭县");
    assert.equal(top("hongtong")[0], "洪洞县");
  });

  test("an agency is found by the pinyin of a place inside its name", () => {
    assert.ok(all("hongtaquweisheng").includes("玉溪市红塔区卫生健康局"));
    assert.ok(all("nananqu").includes("重庆市南岸区卫生健康委员会"));
  });

  test("Chinese input matches names by prefix first, then inside, traditional folded", () => {
    const found = all("红塔");
    assert.equal(found[0], "红塔区");
    assert.ok(found.includes("玉溪市红塔区卫生健康局") && found.includes("玉溪市红塔区司法局"));
    assert.equal(top("紅塔區")[0], "红塔区");
    assert.deepEqual(all("卫生健康").sort(), ["玉溪市红塔区卫生健康局", "重庆市南岸区卫生健康委员会"]);
  });

  test("a suggestion says which characters matched", () => {
    const [s] = suggest(names, "nananqu").filter((x) => x.name === "重庆市南岸区卫生健康委员会");
    assert.equal(s.entry.folded.slice(s.start, s.end), "南岸区");
  });

  test("pinyin input is split into segments with tones and separators removed", () => {
    assert.deepEqual(pinyinSegments("Lǚ liáng"), ["lv", "liang"]);
    assert.deepEqual(pinyinSegments("xi'an"), ["xi", "an"]);
    assert.equal(pinyinSegments("红塔"), null);
  });

  test("the closest names: an abbreviation, a sound or a character away", () => {
    const closest = (typed) => closestNames(names, typed, { synonyms }).map((c) => `${c.name}:${c.reason}`);
    assert.equal(closest("红塔区卫健局")[0], "玉溪市红塔区卫生健康局:abbreviation");
    assert.equal(closest("洪塔区")[0], "红塔区:same-pinyin");
    assert.equal(closest("宏塔区")[0], "红塔区:one-character");
    assert.equal(closest("红塔区卫生建康局")[0], "玉溪市红塔区卫生健康局:same-pinyin", "建 (jian, from 福建省) sounds like 健");
    assert.equal(closest("红塔区卫生健唐局")[0], "玉溪市红塔区卫生健康局:one-character");
    assert.equal(closest("hongtaqu")[0], "红塔区:same-pinyin");
    assert.deepEqual(closest("完全无关的词"), []);
  });
});
