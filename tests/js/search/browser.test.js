// The search page in headless Chromium: results first at phone and desktop widths (screenshots), filters and sorting in the URL
// with the back button, browsing without a query, estimated counts and the exact count, keyboard use, axe, and the report page
// marking the query on arrival under the site's strict Content-Security-Policy, and a site taxonomy as a facet.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { axeViolations } from "../lib/axe.js";
import { launchBrowser } from "../lib/browser.js";
import { buildSite, sampleReports, serve, serveWithHeaders } from "./site.mjs";

const shots = fs.mkdtempSync(path.join(os.tmpdir(), "sitegen-search-shots-"));
const statusText = (page) => page.locator(".search-status").textContent();
const titles = (page) => page.locator(".search-results h2 a").allTextContents();
const waitForResults = (page, count) => page.waitForFunction((n) => document.querySelectorAll(".search-results > li").length === n
  && !document.querySelector("[data-search-root]").hasAttribute("aria-busy"), count);
const settled = (page) => page.waitForFunction(() => !document.querySelector("[data-search-root]")?.hasAttribute("aria-busy")
  && !/正在/.test(document.querySelector(".search-status")?.textContent ?? "正在"));

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

describe("search page over the sample reports, site under /reports/", () => {
  let site;
  let server;
  let page;

  before(async () => {
    site = buildSite(sampleReports, { baseUrl: "/reports/" });
    server = await serveWithHeaders(site.output);
    page = await browser.newPage();
    page.on("pageerror", (error) => { throw error; });
  });

  after(async () => {
    await server?.close();
    site?.cleanup();
  });

  test("the header search box leads to results with the phrase highlighted and the count announced", async () => {
    // Given the home page of the site
    await page.goto(server.url);
    // When a visitor types a phrase in the header search box and submits with the keyboard
    await page.fill("#header-q", "医疗纠纷调解");
    await page.press("#header-q", "Enter");
    await page.waitForURL(/\/reports\/search\/\?q=/);
    await waitForResults(page, 2);
    // Then both reports with the phrase are listed, the phrase is marked, and a live region says how many were found
    assert.equal(await statusText(page), "找到 2 篇报告");
    assert.equal(await page.locator(".search-status").getAttribute("aria-live"), "polite");
    const marks = await page.locator(".search-results mark").allTextContents();
    assert.ok(marks.length >= 2 && marks.every((m) => m === "医疗纠纷调解"));
    assert.equal(await page.inputValue("#search-q"), "医疗纠纷调解");
  });

  test("a filter checked with the keyboard narrows the results, lives in the URL, and the back button restores them", async () => {
    // Given the results for 医疗纠纷调解
    await page.goto(`${server.url}search/?q=${encodeURIComponent("医疗纠纷调解")}`);
    await waitForResults(page, 2);
    // When the year 2023 (with its count) is checked with the space bar
    const box = page.locator('input[data-facet="year"][value="2023"]');
    assert.equal(await page.locator(`label[for="${await box.getAttribute("id")}"]`).textContent(), "2023 (1)");
    await box.focus();
    await page.keyboard.press("Space");
    await waitForResults(page, 1);
    // Then only the 2023 report remains, the URL says so, and the focus is still on the checkbox, now checked
    assert.deepEqual(await titles(page), ["岳麓区乙局2023年法治政府建设年度报告"]);
    assert.match(page.url(), /year=2023/);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), "year:2023");
    assert.equal(await page.locator('input[data-facet="year"][value="2023"]').isChecked(), true);
    // And going back shows both reports again
    await page.goBack();
    await waitForResults(page, 2);
    assert.doesNotMatch(page.url(), /year=/);
  });

  test("a partial match is labelled as such", async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent("调解医疗")}`);
    await page.waitForFunction(() => document.querySelector(".search-status")?.textContent.includes("部分匹配"));
    assert.equal(await page.locator(".search-partial").count(), 3);
  });

  test("a followed result marks the query in the report under the strict CSP, scrolls to it, and section links keep working", async () => {
    // Given the 2024 result for 医疗纠纷调解, on a host sending the theme's Content-Security-Policy
    const context = await browser.newContext({ viewport: { width: 1280, height: 600 } });
    const tab = await context.newPage();
    const problems = [];
    const reportHeaders = [];
    tab.on("pageerror", (error) => problems.push(error.message));
    tab.on("response", (response) => { if (/\/reports\/reports\/2024\//.test(response.url())) reportHeaders.push(response.headers()["content-security-policy"]); });
    tab.on("console", (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text()); });
    await tab.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await tab.goto(`${server.url}search/?q=${encodeURIComponent("医疗纠纷调解")}&year=2024`);
    await waitForResults(tab, 1);
    // When its link is followed with the keyboard
    await tab.locator(".search-results h2 a").focus();
    await tab.keyboard.press("Enter");
    await tab.waitForURL(/\/reports\/reports\/2024\/.*\?hl=/);
    await tab.waitForSelector("mark.search-hit");
    // (the scroll to the mark waits for the page's load, after which the browser no longer scrolls to the #section itself)
    await tab.waitForLoadState("load");
    await tab.waitForFunction(() => {
      const box = document.querySelector("mark.search-hit").getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    }, null, { timeout: 5000 }).catch(() => {});
    // Then the phrase is marked in the report text, the first mark (in the linked section) is on screen, and nothing was blocked
    const state = await tab.evaluate(() => {
      const marks = [...document.querySelectorAll("mark.search-hit")];
      const box = marks[0].getBoundingClientRect();
      return { marks: marks.map((m) => m.textContent), hash: decodeURIComponent(location.hash), visible: box.top >= 0 && box.bottom <= innerHeight, violations: window.__violations };
    });
    assert.deepEqual(state.marks, ["医疗纠纷调解"]);
    assert.equal(state.hash, "#一调解工作");
    assert.equal(state.visible, true);
    assert.deepEqual(state.violations, []);
    assert.deepEqual(problems, []);
    assert.equal(reportHeaders[0], server.csp);
    // And a link of the table of contents still leads to its section
    await tab.locator('.toc a[href="#二存在的不足和原因"]').click();
    await tab.waitForFunction(() => decodeURIComponent(location.hash) === "#二存在的不足和原因");
    const heading = await tab.evaluate(() => document.getElementById("二存在的不足和原因").getBoundingClientRect().top);
    assert.ok(heading >= 0 && heading < 600, `heading at ${heading}`);
    await context.close();
  });

  test("the results, filters and pager pass axe's WCAG 2.1 AA rules on desktop and on a phone with the filters open", async () => {
    for (const width of [1280, 390]) {
      // axe is injected as an inline script, which the site's CSP rightly refuses: this context lets the test's own script in.
      const context = await browser.newContext({ viewport: { width, height: 844 }, bypassCSP: true });
      const tab = await context.newPage();
      await tab.goto(`${server.url}search/?q=${encodeURIComponent("医疗纠纷调解")}`);
      await waitForResults(tab, 2);
      if (width === 390) {
        await tab.locator(".search-filter-toggle").click();
        assert.equal(await tab.locator(".search-filter-toggle").getAttribute("aria-expanded"), "true");
      }
      assert.deepEqual(await axeViolations(tab), [], `at ${width} px`);
      await context.close();
    }
  });
});

describe("search page over a catalogue of 240 reports", () => {
  let site;
  let server;
  const places = [["云南省", "玉溪市", "红塔区"], ["云南省", "昆明市", "五华区"], ["湖南省", "长沙市", "岳麓区"], ["重庆市", "渝中区"]];

  before(async () => {
    // Two in three reports contain 医疗纠纷调解 many times, the others its bigrams apart: proving every match costs more
    // positions than a query fetches unasked, so the count is an estimate until asked for exactly.
    const reports = {};
    for (let i = 0; i < 240; i++) {
      const phrase = i % 3 === 0 ? "开展医疗纠纷排查，完善纠纷调解。" : "开展医疗纠纷调解工作。";
      reports[`r${String(i).padStart(3, "0")}.md`] = {
        title: `机构${i}${2020 + (i % 6)}年法治政府建设年度报告`, agency: `机构${i}`, year: 2020 + (i % 6), region: places[i % 4],
        published: `${2021 + (i % 6)}-${String(1 + (i % 4)).padStart(2, "0")}-${String(10 + (i % 17)).padStart(2, "0")}`,
        body: `## 一、主要工作\n\n${phrase.repeat(200)}\n\n## 二、下一步\n\n继续推进。`,
      };
    }
    site = buildSite(reports, { baseUrl: "/reports/" });
    server = await serve(site.output, "/reports/");
  });

  after(async () => {
    await server?.close();
    site?.cleanup();
  });

  for (const [width, height] of [[390, 844], [1280, 800]]) {
    test(`at ${width} px the first result is on screen without scrolling, and the filters are ${width < 600 ? "collapsed behind a toggle" : "a side column"}`, async () => {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent("医疗纠纷调解")}`);
      await waitForResults(page, 10);
      await page.screenshot({ path: path.join(shots, `results-${width}.png`) });
      const layout = await page.evaluate(() => {
        const first = document.querySelector(".search-results > li").getBoundingClientRect();
        const panel = document.getElementById("search-filters");
        const toggle = document.querySelector(".search-filter-toggle");
        return { firstTop: first.top, titleBottom: document.querySelector(".search-results h2").getBoundingClientRect().bottom,
          scrollY, panelHidden: panel.hidden, panelRight: panel.getBoundingClientRect().right, resultsLeft: first.left,
          toggleShown: !toggle.hidden, expanded: toggle.getAttribute("aria-expanded") };
      });
      assert.equal(layout.scrollY, 0);
      assert.ok(layout.firstTop >= 0 && layout.titleBottom <= height, `first result at ${layout.firstTop}–${layout.titleBottom} of ${height} (screenshot: ${shots})`);
      if (width < 600) {
        assert.deepEqual([layout.panelHidden, layout.toggleShown, layout.expanded], [true, true, "false"]);
        await page.locator(".search-filter-toggle").press("Enter");
        assert.equal(await page.locator("#search-filters").isVisible(), true);
        await page.screenshot({ path: path.join(shots, `filters-open-${width}.png`), fullPage: true });
      } else {
        assert.deepEqual([layout.panelHidden, layout.toggleShown], [false, false]);
        assert.ok(layout.panelRight <= layout.resultsLeft, "the filters are a column beside the results");
      }
      await context.close();
    });
  }

  test("an estimated count says so, and the exact count action replaces it with the true figure, announced", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent("医疗纠纷调解")}`);
    await waitForResults(page, 10);
    assert.match(await statusText(page), /^约 \d+ 篇报告（估计值）$/);
    const estimate = Number((await statusText(page)).match(/\d+/)[0]);
    assert.ok(Math.abs(estimate - 160) <= 8, `estimate ${estimate}`);
    assert.match(await page.locator(".search-facet-count").first().textContent(), /约/);
    await page.locator(".search-exact").press("Enter");
    await page.waitForFunction(() => document.querySelector(".search-status").textContent === "找到 160 篇报告");
    assert.equal(await page.locator(".search-exact").isHidden(), true);
    assert.doesNotMatch((await page.locator(".search-facet-count").allTextContents()).join(""), /约/);
    await page.close();
  });

  test("browsing without a query lists a year's reports of a province, newest first; sorting and pages live in the URL", async () => {
    const page = await browser.newPage();
    // Given every 2024 report of 云南省 (i ≡ 4 mod 6 and i mod 4 < 2: 20 reports)
    await page.goto(`${server.url}search/?year=2024&region=${encodeURIComponent("云南省")}`);
    await waitForResults(page, 10);
    const dates = async () => page.locator(".search-meta").evaluateAll((ps) => ps.map((p) => p.textContent.match(/\d{4}-\d\d-\d\d/)[0]));
    // Then they are counted exactly and listed newest first
    assert.equal(await statusText(page), "共 20 篇报告");
    assert.equal(await page.inputValue("#search-sort"), "newest");
    const newest = await dates();
    assert.deepEqual(newest, [...newest].sort().reverse());
    // When the sort is changed to oldest first with the keyboard
    await page.locator("#search-sort").selectOption("oldest");
    await page.waitForURL(/sort=oldest/);
    await settled(page);
    const oldest = await dates();
    assert.deepEqual(oldest, [...oldest].sort());
    // And the next page is opened: the focus moves to its first result
    await page.locator(".search-pager a", { hasText: "下一页" }).press("Enter");
    await page.waitForURL(/page=2/);
    await settled(page);
    assert.equal(await page.locator(".search-results > li").count(), 10);
    assert.equal(await page.evaluate(() => document.activeElement?.closest(".search-results") !== null), true);
    assert.match(await page.locator(".search-page-of").textContent(), /第 2 页，共 2 页/);
    // And back twice returns to the first page, newest first
    await page.goBack();
    await page.goBack();
    await settled(page);
    assert.deepEqual(await dates(), newest);
    await page.close();
  });

  test("choosing a city under its province narrows the region, the tree opening down to counties", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent("医疗纠纷调解")}`);
    await waitForResults(page, 10);
    await page.locator(`input[data-facet="region"][value="云南省"]`).check();
    await page.waitForURL(/region=/);
    await settled(page);
    await page.locator(`input[data-facet="region"][value="云南省›玉溪市"]`).check();
    await page.waitForFunction(() => decodeURIComponent(location.search).includes("region=云南省›玉溪市"));
    await settled(page);
    const params = new URL(page.url()).searchParams;
    assert.deepEqual(params.getAll("region"), ["云南省›玉溪市"]);
    assert.equal(await page.locator(`input[data-facet="region"][value="云南省›玉溪市›红塔区"]`).count(), 1);
    assert.ok((await page.locator(".search-meta").allTextContents()).every((m) => m.includes("玉溪市")));
    await page.close();
  });
});

describe("search page of a site with a taxonomy of its own (site.yml taxonomies: topics)", () => {
  let site;
  let server;

  before(async () => {
    const report = (agency, topic) => ({ title: `${agency}2024年法治政府建设年度报告`, agency, year: 2024, region: ["云南省", "玉溪市"], body: "推进依法行政。",
      extra: topic ? `topic: "${topic}"\n` : "" });
    site = buildSite({ "a.md": report("甲局", "行政执法"), "b.md": report("乙局", "行政执法"), "c.md": report("丙局", "依法决策"), "d.md": report("丁局", null) },
      { baseUrl: "/reports/", settings: 'taxonomies:\n  - { key: topics, field: topic, label: "主题" }\n' });
    server = await serve(site.output, "/reports/");
  });

  after(async () => {
    await server?.close();
    site?.cleanup();
  });

  test("the facet is shown under its label, a value checked with the keyboard narrows the results and lives in the URL, two values add up, and clearing drops them", async () => {
    // Given the search page browsing all four reports
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (error) => { throw error; });
    await page.goto(`${server.url}search/`);
    await waitForResults(page, 4);
    // Then the topics facet is a group named 主题 with each topic and its count
    const group = page.getByRole("group", { name: "主题" });
    assert.deepEqual(await group.locator("label").allTextContents(), ["行政执法 (2)", "依法决策 (1)"]);
    // When 行政执法 is checked with the space bar
    const enforcement = page.locator('input[data-facet="topics"][value="行政执法"]');
    await enforcement.focus();
    await page.keyboard.press("Space");
    await waitForResults(page, 2);
    // Then its two reports remain, the URL says so, and the focus stays on the checkbox, now checked
    assert.deepEqual((await page.locator(".search-meta").allTextContents()).map((m) => m.split(" · ")[0]).sort(), ["乙局", "甲局"]);
    assert.deepEqual(new URL(page.url()).searchParams.getAll("topics"), ["行政执法"]);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), "topics:行政执法");
    assert.equal(await enforcement.isChecked(), true);
    // And checking 依法决策 too shows the reports of either topic, and the shared link restores both choices
    await page.locator('input[data-facet="topics"][value="依法决策"]').check();
    await waitForResults(page, 3);
    assert.deepEqual(new URL(page.url()).searchParams.getAll("topics"), ["行政执法", "依法决策"]);
    await page.goto(page.url());
    await waitForResults(page, 3);
    assert.equal(await page.locator('input[data-facet="topics"]:checked').count(), 2);
    // And clearing the filters clears the topics too
    await page.locator(".search-clear a").click();
    await waitForResults(page, 4);
    assert.deepEqual(new URL(page.url()).searchParams.getAll("topics"), []);
    // And the page with the facet, a value chosen, passes axe's WCAG 2.1 AA rules
    await enforcement.check();
    await waitForResults(page, 2);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});
