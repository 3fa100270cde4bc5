// Search inside attachments (issue 17): the text of a report's PDF is searched with the report, and a result found in it says so
// and links to the file. The PDF is printed by the same headless Chromium that then reads the search page.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchBrowser } from "../lib/browser.js";
import { buildSite, diskFetch, serve } from "./site.mjs";
import { createSearch } from "../../../themes/default/static/search/search.js";

const yuxi = ["云南省", "玉溪市", "红塔区"];

describe("search inside a report's attached PDF", () => {
  let browser;
  let site;
  let server;

  before(async () => {
    // Given a report whose body does not hold 食品抽检合格率 but whose attached PDF (printed from HTML) does, and one without files
    browser = await launchBrowser();
    const printing = await browser.newPage();
    await printing.setContent('<html lang="zh-CN"><body style="font-family: \'WenQuanYi Micro Hei\'"><h1>统计表</h1><p>全年食品抽检合格率为百分之九十八。</p></body></html>');
    const pdf = await printing.pdf({ format: "A4" });
    await printing.close();
    site = buildSite({
      "a.md": { title: "甲局2024年法治政府建设报告", agency: "甲局", year: 2024, region: yuxi,
        body: "## 一、主要举措\n\n推进依法行政。\n\n附件：[统计表](a/统计表.pdf)", files: { "a/统计表.pdf": pdf } },
      "b.md": { title: "乙局2024年法治政府建设报告", agency: "乙局", year: 2024, region: yuxi, body: "## 一、主要举措\n\n推进依法行政。" },
    });
    server = await serve(site.output, "/");
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    site?.cleanup();
  });

  test("the runtime finds the report by its file's text and names the file it matched in", async () => {
    // When the phrase of the PDF is searched
    const search = await createSearch({ baseUrl: "http://127.0.0.1/search/idx/", fetch: diskFetch(site.output).fetch });
    const view = await search.view({ q: "食品抽检合格率" });
    // Then the one report with that file is found, its excerpt marks the phrase, and the result names and links the file
    assert.equal(view.mode, "results");
    assert.deepEqual(view.results.map((r) => r.agency), ["甲局"]);
    const [result] = view.results;
    assert.ok(result.excerpt.some((s) => s.match && s.text === "食品抽检合格率"), JSON.stringify(result.excerpt));
    assert.equal(result.file.name, "统计表.pdf");
    assert.match(result.file.href, new RegExp(`/${encodeURIComponent("统计表.pdf")}$`));
    // And a phrase of the body is a match in the body, with no file named
    const body = await search.view({ q: "推进依法行政" });
    assert.equal(body.count.value, 2);
    assert.ok(body.results.every((r) => r.file === undefined));
  });

  test("the search page says 匹配于附件 with a link to the file, which the host serves", async () => {
    // When a visitor searches the phrase on the search page
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent("食品抽检合格率")}`);
    await page.waitForSelector(".search-results > li");
    // Then the result says which attachment matched and links to it, and the link leads to the PDF
    const line = page.locator(".search-results > li .search-file");
    assert.equal(await line.innerText(), "匹配于附件：统计表.pdf");
    const href = await line.locator("a").getAttribute("href");
    const response = await page.request.get(new URL(href, server.url).href);
    assert.equal(response.status(), 200);
    assert.equal((await response.body()).subarray(0, 5).toString(), "%PDF-");
    await page.close();
  });
});
