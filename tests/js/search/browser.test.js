import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { buildSite, sampleReports, serve } from "./site.mjs";

const launchArgs = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

describe("search page in headless Chromium, site under /reports/", () => {
  let site;
  let server;
  let browser;
  let page;

  before(async () => {
    site = buildSite(sampleReports, { baseUrl: "/reports/" });
    server = await serve(site.output, "/reports/");
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: launchArgs });
    page = await browser.newPage();
    page.on("pageerror", (error) => { throw error; });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    site?.cleanup();
  });

  const status = () => page.locator(".search-status");
  const titles = () => page.locator(".search-results h2 a").allTextContents();

  test("the header search box leads to results with the phrase highlighted and announced", async () => {
    // Given the home page of the site
    await page.goto(server.url);
    // When a visitor types a phrase in the header search box and submits with the keyboard
    await page.fill("#header-q", "医疗纠纷调解");
    await page.press("#header-q", "Enter");
    await page.waitForURL(/\/reports\/search\/\?q=/);
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length === 2);
    // Then both reports with the phrase are listed, the phrase is marked, and a live region says how many were found
    assert.match(await status().textContent(), /找到 2 篇报告/);
    assert.equal(await status().getAttribute("aria-live"), "polite");
    const marks = await page.locator(".search-results mark").allTextContents();
    assert.ok(marks.length >= 2 && marks.every((m) => m === "医疗纠纷调解"));
    assert.equal(await page.inputValue("#search-q"), "医疗纠纷调解");
  });

  test("a filter narrows the results, lives in the URL, and the back button restores the previous results", async () => {
    // Given the results for 医疗纠纷调解
    await page.goto(`${server.url}search/?q=${encodeURIComponent("医疗纠纷调解")}`);
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length === 2);
    // When the year filter 2023 (with its count) is chosen
    const link = page.locator('a[data-facet="year"]', { hasText: "2023 (1)" });
    await link.click();
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length === 1);
    // Then only the 2023 report remains and the URL says so
    assert.deepEqual(await titles(), ["岳麓区乙局2023年法治政府建设年度报告"]);
    assert.match(page.url(), /year=2023/);
    // And going back shows both reports again
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length === 2);
    assert.doesNotMatch(page.url(), /year=/);
  });

  test("the results and filters pass axe's accessibility rules", async () => {
    // Given the results for 医疗纠纷调解 with their filters
    await page.goto(`${server.url}search/?q=${encodeURIComponent("医疗纠纷调解")}`);
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length === 2);
    // When axe checks the search results region
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
    const violations = await page.evaluate(async () => (await window.axe.run("#search-results")).violations.map((v) => `${v.id}: ${v.help}`));
    // Then it finds no violation
    assert.deepEqual(violations, []);
  });

  test("a partial match is labelled as such", async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent("调解医疗")}`);
    await page.waitForFunction(() => document.querySelector(".search-status")?.textContent.includes("部分匹配"));
    assert.equal(await page.locator(".search-partial").count(), 3);
  });

  test("following a result lands on the matching section with the phrase highlighted", async () => {
    // Given the result for 医疗纠纷调解 in 2024
    await page.goto(`${server.url}search/?q=${encodeURIComponent("医疗纠纷调解")}&year=2024`);
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length === 1);
    // When its link is followed with the keyboard
    await page.locator(".search-results h2 a").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/reports\/reports\/2024\//);
    // Then the URL names the section （一）调解工作, and Chromium's text fragment targets and scrolls to the paragraph with the phrase
    await page.waitForFunction(() => document.querySelector(":target")?.textContent.includes("医疗纠纷调解"));
    const target = await page.evaluate(() => {
      const element = document.querySelector(":target");
      const box = element.getBoundingClientRect();
      let heading = element;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      return { section: heading?.id, visible: box.top >= 0 && box.top < innerHeight, hash: decodeURIComponent(location.hash) };
    });
    assert.equal(target.hash, "#一调解工作");
    assert.equal(target.section, "一调解工作");
    assert.equal(target.visible, true);
  });
});
