// The search page and names (issue 14) in headless Chromium under the site's strict CSP: what a query was also searched as,
// with a shareable link that searches only what was typed; the agency and place suggestions of the search box (an ARIA 1.2
// combobox: arrow keys, Enter, Escape, announced), which filter by the chosen name; the closest names when nothing matches;
// and axe's WCAG 2.1 AA rules over each.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { axeViolations } from "../lib/axe.js";
import { launchBrowser } from "../lib/browser.js";
import { buildSite, serveWithHeaders } from "./site.mjs";

const titles = async (page) => (await page.locator(".search-results h2 a").allTextContents()).sort();
const settled = (page) => page.waitForFunction(() => !document.querySelector("[data-search-root]")?.hasAttribute("aria-busy")
  && !/正在/.test(document.querySelector(".search-status")?.textContent ?? "正在"));
const params = (page) => new URL(page.url()).searchParams;

const reports = {
  "a.md": { title: "红塔区卫生健康局2024年法治政府建设年度报告", agency: "玉溪市红塔区卫生健康局", year: 2024, region: ["云南省", "玉溪市", "红塔区"],
    body: "本局推进依法行政。" },
  "b.md": { title: "红塔区司法局2023年法治政府建设年度报告", agency: "玉溪市红塔区司法局", year: 2023, region: ["云南省", "玉溪市", "红塔区"],
    body: "本局开展普法，区卫健委配合。" },
  "c.md": { title: "渝中区应急管理局2024年法治政府建设年度报告", agency: "重庆市渝中区应急管理局", year: 2024, region: ["重庆市", "渝中区"],
    body: "本局开展安全检查。" },
  "d.md": { title: "长沙市2024年法治政府建设年度报告", agency: "长沙市人民政府", year: 2024, region: ["湖南省", "长沙市"],
    body: "市卫生健康委员会推进依法行政。" },
};

let browser;
let site;
let server;
before(async () => {
  browser = await launchBrowser();
  site = buildSite(reports, { baseUrl: "/reports/" });
  server = await serveWithHeaders(site.output);
});
after(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
});

/** A fresh tab (a context of its own), failing the test on any script error or CSP refusal. */
async function openTab(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  return { page, problems, close: () => context.close() };
}

describe("query expansion on the search page", () => {
  test("a short form also searches the full name, says so, and a shareable link searches only what was typed", async () => {
    const { page, problems, close } = await openTab();
    // Given reports with 卫健委 and with 卫生健康委员会
    await page.goto(`${server.url}search/?q=${encodeURIComponent("卫健委")}`);
    await settled(page);
    // Then both are found, and the page says what it also searched
    assert.deepEqual(await titles(page), ["红塔区司法局2023年法治政府建设年度报告", "长沙市2024年法治政府建设年度报告"]);
    const note = page.locator(".search-expansion");
    assert.match(await note.textContent(), /^同时搜索了：卫生健康委员会、卫生健康委 只搜索“卫健委”$/);
    assert.equal(await note.getAttribute("aria-live"), "polite");
    // When the reader follows 只搜索“卫健委”
    await note.getByRole("link", { name: "只搜索“卫健委”" }).click();
    await settled(page);
    // Then only the literal form is searched, the URL says so, and a link brings the expansion back
    assert.equal(params(page).get("expand"), "0");
    assert.deepEqual(await titles(page), ["红塔区司法局2023年法治政府建设年度报告"]);
    assert.match(await note.textContent(), /^只搜索了“卫健委”。 同时搜索 卫生健康委员会、卫生健康委$/);
    // And the URL alone restores that state, and the back button the expanded one
    const shared = page.url();
    const other = await openTab();
    await other.page.goto(shared);
    await settled(other.page);
    assert.deepEqual(await titles(other.page), ["红塔区司法局2023年法治政府建设年度报告"]);
    await other.close();
    await page.goBack();
    await settled(page);
    assert.equal(params(page).get("expand"), null);
    assert.equal((await titles(page)).length, 2);
    assert.deepEqual(problems, []);
    await close();
  });

  test("a query without synonyms shows no expansion note", async () => {
    const { page, close } = await openTab();
    await page.goto(`${server.url}search/?q=${encodeURIComponent("依法行政")}`);
    await settled(page);
    assert.equal(await page.locator(".search-expansion").textContent(), "");
    assert.equal(await page.locator(".search-expansion").isVisible(), false);
    await close();
  });
});

describe("name suggestions in the search box", () => {
  const input = (page) => page.locator("#search-q");
  const options = (page) => page.locator("#search-suggestions [role=option]");

  test("the search box is an ARIA 1.2 combobox: typed initials list the places, announced; arrows, Escape and Enter work", async () => {
    const { page, problems, close } = await openTab();
    await page.goto(`${server.url}search/`);
    await settled(page);
    const box = input(page);
    assert.equal(await box.getAttribute("role"), "combobox");
    assert.equal(await box.getAttribute("aria-autocomplete"), "list");
    assert.equal(await box.getAttribute("aria-controls"), "search-suggestions");
    assert.equal(await box.getAttribute("aria-expanded"), "false");
    // When the reader types the initials of 红塔区
    await box.focus();
    await page.keyboard.type("htq");
    await page.waitForFunction(() => document.getElementById("search-q").getAttribute("aria-expanded") === "true");
    // Then the list offers 红塔区 first (and agencies in it), and says how many there are
    assert.equal(await page.locator("#search-suggestions").getAttribute("role"), "listbox");
    const first = await options(page).first().textContent();
    assert.match(first, /^红塔区 地区 · 云南省›玉溪市$/);
    assert.match(await page.locator("form.search-form [role=status]").textContent(), /^\d+ 条名称建议/);
    // Down selects the first option (focus stays in the box), Down/Up move, Up from the first wraps to the last
    await page.keyboard.press("ArrowDown");
    assert.equal(await box.getAttribute("aria-activedescendant"), "search-suggestion-0");
    assert.equal(await options(page).first().getAttribute("aria-selected"), "true");
    assert.equal(await page.evaluate(() => document.activeElement.id), "search-q");
    const count = await options(page).count();
    if (count > 1) {
      await page.keyboard.press("ArrowDown");
      assert.equal(await box.getAttribute("aria-activedescendant"), "search-suggestion-1");
      assert.equal(await options(page).first().getAttribute("aria-selected"), "false");
      await page.keyboard.press("ArrowUp");
    }
    await page.keyboard.press("ArrowUp");
    assert.equal(await box.getAttribute("aria-activedescendant"), `search-suggestion-${count - 1}`);
    // Escape closes the list and keeps what was typed
    await page.keyboard.press("Escape");
    assert.equal(await box.getAttribute("aria-expanded"), "false");
    assert.equal(await page.locator("#search-suggestions").isVisible(), false);
    assert.equal(await box.inputValue(), "htq");
    assert.equal(await box.getAttribute("aria-activedescendant"), null);
    // Down opens it again; Enter on 红塔区 filters by that region
    await page.keyboard.press("ArrowDown");
    assert.equal(await box.getAttribute("aria-expanded"), "true");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("region") !== null);
    await settled(page);
    assert.equal(params(page).get("region"), "云南省›玉溪市›红塔区");
    assert.equal(params(page).get("q"), null);
    assert.deepEqual(await titles(page), ["红塔区卫生健康局2024年法治政府建设年度报告", "红塔区司法局2023年法治政府建设年度报告"]);
    assert.equal(await box.getAttribute("aria-expanded"), "false");
    assert.deepEqual(problems, []);
    await close();
  });

  test("a Chinese prefix suggests agencies; choosing one with the mouse filters by that agency", async () => {
    const { page, close } = await openTab();
    await page.goto(`${server.url}search/`);
    await settled(page);
    await input(page).fill("玉溪市红塔区司");
    const option = options(page).filter({ hasText: "玉溪市红塔区司法局" });
    await option.waitFor();
    assert.match(await option.textContent(), /机构 · 云南省›玉溪市›红塔区/);
    await option.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("agency") !== null);
    await settled(page);
    assert.equal(params(page).get("agency"), "玉溪市红塔区司法局");
    assert.deepEqual(await titles(page), ["红塔区司法局2023年法治政府建设年度报告"]);
    await close();
  });

  test("pinyin with a heteronym finds the place as it is read: chongqing → 重庆市", async () => {
    const { page, close } = await openTab();
    await page.goto(`${server.url}search/`);
    await settled(page);
    await input(page).fill("chongqing");
    await options(page).first().waitFor();
    assert.match(await options(page).first().textContent(), /^重庆市/);
    await close();
  });

  test("Enter without a chosen suggestion submits the query as typed", async () => {
    const { page, close } = await openTab();
    await page.goto(`${server.url}search/`);
    await settled(page);
    await input(page).fill("红塔区");
    await options(page).first().waitFor();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "红塔区");
    await settled(page);
    assert.equal(params(page).get("region"), null);
    assert.equal(await input(page).getAttribute("aria-expanded"), "false");
    await close();
  });
});

describe("when nothing matches", () => {
  test("a misspelt agency offers the closest names as links to their reports", async () => {
    const { page, problems, close } = await openTab();
    await page.goto(`${server.url}search/?q=${encodeURIComponent("红塔区卫生建康局")}`);
    await settled(page);
    assert.equal(await page.locator(".search-results > li").count(), 0);
    const offer = page.locator(".search-closest");
    assert.match(await offer.textContent(), /^您要找的是不是：/);
    const first = offer.getByRole("link").first();
    assert.equal(await first.textContent(), "玉溪市红塔区卫生健康局");
    await first.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("agency") !== null);
    await settled(page);
    assert.equal(params(page).get("agency"), "玉溪市红塔区卫生健康局");
    assert.deepEqual(await titles(page), ["红塔区卫生健康局2024年法治政府建设年度报告"]);
    assert.equal(await offer.textContent(), "");
    assert.deepEqual(problems, []);
    await close();
  });
});

test("the expansion note, the open suggestion list and the closest names pass axe's WCAG 2.1 AA rules", async () => {
  for (const width of [1280, 390]) {
    // axe is injected as an inline script, which the site's CSP rightly refuses: this context lets the test's own script in.
    const { page, close } = await openTab({ viewport: { width, height: 844 }, bypassCSP: true });
    await page.goto(`${server.url}search/?q=${encodeURIComponent("卫健委")}`);
    await settled(page);
    await page.locator("#search-q").fill("htq");
    await page.waitForFunction(() => document.getElementById("search-q").getAttribute("aria-expanded") === "true");
    await page.keyboard.press("ArrowDown");
    assert.deepEqual(await axeViolations(page), [], `expansion and suggestions at ${width} px`);
    await page.goto(`${server.url}search/?q=${encodeURIComponent("红塔区卫生建康局")}`);
    await settled(page);
    await page.locator(".search-closest a").first().waitFor();
    assert.deepEqual(await axeViolations(page), [], `closest names at ${width} px`);
    await close();
  }
});
