// The built site in headless Chromium: served under a sub-path on 127.0.0.1, walked by clicking, every internal
// link resolved, axe-core WCAG 2.1 A/AA on a page of every kind, English UI, no JavaScript, mobile width, print.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launchBrowser } from "./lib/browser.js";
import { buildAndServeSite, makeCorpusSite, makeTemp, removeTemp, repoRoot, sampleSite } from "./lib/sitegen.js";
import { crawl } from "./lib/links.js";
import { axeViolations } from "./lib/axe.js";

const prefix = "/reports/";
const han = /\p{Script=Han}/u;
const englishSiteYml = `title: "Rule-of-Law Government Reports"
description: "An archive of annual rule-of-law government reports."
language: en
page_size: 5
footer:
  sponsor: "Example Sponsor (test site)"
  contact: "archive@example.org"
`;

// A report using every optional field and the Markdown a converted report can hold: catalogue, source link, a wide
// table, a long unbroken URL, lists, a quote and an attached file. The English site includes it, so axe and the 375px check see it.
const showcaseReport = `---
title: "示例市司法局2024年法治政府建设年度报告"
agency: "示例市司法局"
region: ["示例省", "示例市"]
year: 2024
published: 2025-03-20
source_url: "https://www.example.gov.cn/zwgk/fdzdgknr/fzzfjsndbg/2025/03/20/a-very-long-path-segment-without-any-breaks-1234567890abcdef.html"
index_no: "11500111MB15011811/2025-00005"
doc_no: "示司发〔2025〕5号"
publisher: "示例市司法局"
written: 2025-03-18
topic: "司法"
slug: "showcase-2024"
---
2024年，示例市司法局坚持以习近平新时代中国特色社会主义思想为指导。详见 https://www.example.gov.cn/zwgk/fdzdgknr/fzzfjsndbg/2025/03/20/another-long-unbroken-address-0123456789.html 。

## 一、主要举措和成效

### （一）行政执法

| 项目 | 2023年 | 2024年 | 同比变化 | 备注说明（较长的一列文字，用于检查窄屏下表格能否横向滚动） |
|---|---|---|---|---|
| 行政许可 | 1,203 | 1,388 | +15.4% | 全部网上办理 |
| 行政处罚 | 345 | 298 | −13.6% | 无一被复议纠错 |

| 季度 | 行政许可件数 | 行政处罚件数 | 行政复议件数 | 行政诉讼件数 | 败诉件数 | 听证件数 | 法制审核件数 |
|---|---|---|---|---|---|---|---|
| 第一季度 | 320 | 80 | 3 | 2 | 0 | 1 | 95 |
| 第二季度 | 355 | 71 | 4 | 1 | 0 | 2 | 101 |

1. 全面推行行政执法公示制度；
2. 完善执法全过程记录制度。

> （略）

## 二、存在的不足和原因

- 执法人员数量不足；
- 法治宣传形式单一。

## 三、下一年度主要安排

继续推进法治政府建设。

附件：[报告原文](showcase/报告原文.pdf)
`;

let scratch, browser;
const zh = { name: "sample (zh-CN)" };
const en = { name: "English UI" };

/** Builds SITE into a temp folder served under /reports/, and notes where its page of each kind is. */
async function buildAndServe(target, siteDir) {
  target.output = path.join(scratch, `out-${target === zh ? "zh" : "en"}`);
  target.server = await buildAndServeSite({ site: siteDir, output: target.output, prefix });
  target.base = target.server.base;
  target.htmlFiles = readdirSync(target.output, { recursive: true }).filter((f) => f.endsWith(".html")).map((f) => f.split(path.sep).join("/")).sort();
  target.html = (rel) => readFileSync(path.join(target.output, rel), "utf8");
  target.url = (rel) => target.base + rel.replace(/index\.html$/, "");
  // One output file of each kind, found from the output layout (SiteUrls): reports/…, TAXONOMY/index.html, TAXONOMY/TERM/…
  const reports = target.htmlFiles.filter((f) => f.startsWith("reports/"));
  target.pages = {
    home: "index.html",
    report: reports[0],
    taxonomy: "regions/index.html",
    agency: target.htmlFiles.find((f) => /^agencies\/[^/]+\/index\.html$/.test(f)),
    year: target.htmlFiles.find((f) => /^years\/[^/]+\/index\.html$/.test(f)),
    region: target.htmlFiles.find((f) => /^regions\/[^/]+\/index\.html$/.test(f)),
    termPage2: target.htmlFiles.find((f) => /^[a-z]+\/[^/]+\/page\/2\/index\.html$/.test(f)),
    search: "search/index.html",
    notFound: "404.html",
    status: "status/index.html",
    regionStatus: target.htmlFiles.find((f) => /^status\/[^/]+\/index\.html$/.test(f)),
    compare: target.htmlFiles.find((f) => f.startsWith("compare/")),
    changes: target.htmlFiles.find((f) => f.startsWith("changes/")),
  };
}

before(async () => {
  scratch = await makeTemp("browser");
  const launching = launchBrowser();
  launching.catch(() => {}); // awaited below; this only keeps a failed launch from being reported as unhandled meanwhile
  const sample = await sampleSite(scratch);
  zh.standIn = sample.standIn;
  await buildAndServe(zh, sample.site);
  const english = await makeCorpusSite(path.join(scratch, "english"), { count: 40, seed: "1", siteYml: englishSiteYml });
  writeFileSync(path.join(english, "content", "reports", "showcase.md"), showcaseReport);
  // The showcase agency's previous year and a second body of its city and year: a changes page and a compare page to check.
  writeFileSync(path.join(english, "content", "reports", "showcase-2023.md"), showcaseReport
    .replace('slug: "showcase-2024"', 'slug: "showcase-2023"').replace("year: 2024", "year: 2023").replace("published: 2025-03-20", "published: 2024-04-20")
    .replace("2024年", "2023年").replace("| 1,203 | 1,388 |", "| 1,100 | 1,203 |").replace("法治宣传形式单一", "法治宣传覆盖面不广"));
  writeFileSync(path.join(english, "content", "reports", "showcase-other.md"), showcaseReport
    .replace('slug: "showcase-2024"', 'slug: "showcase-other"').replaceAll("示例市司法局", "示例市人民政府"));
  mkdirSync(path.join(english, "content", "reports", "showcase"));
  writeFileSync(path.join(english, "content", "reports", "showcase", "报告原文.pdf"), "%PDF-1.4\n%%EOF\n"); // listed as the report's file
  await buildAndServe(en, english);
  en.pages.report = "reports/showcase-2024/index.html";
  browser = await launching;
});

after(async () => {
  await browser?.close();
  await zh.server?.close();
  await en.server?.close();
  await removeTemp(scratch);
});

async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const response = await page.goto(url);
  return { page, context, response, errors };
}

/** Clicks a link and waits until the page it leads to has loaded. */
async function follow(page, link) {
  const from = page.url();
  await link.click();
  await page.waitForURL((url) => url.href !== from);
  await page.waitForLoadState("load");
}

describe("a reader walking the site", () => {
  it("goes from home to an agency, one of its reports, that report's year and its region by clicking links, staying under /reports/", async (t) => {
    // Given the sample archive served under /reports/
    if (zh.standIn) t.diagnostic("content/ holds no reports yet: walking a 40-report make_corpus.py stand-in with content/site.yml");
    const { page, context, errors } = await open(zh.base);
    try {
      // When they click through home → agencies → an agency → a report
      await follow(page, page.locator(`.main-nav a[href="${prefix}agencies/"]`));
      assert.equal(new URL(page.url()).pathname, `${prefix}agencies/`);
      const agencyLink = page.locator("main .term-list a").first();
      const agencyName = (await agencyLink.textContent()).trim();
      await follow(page, agencyLink);
      assert.equal(await page.locator("h1").textContent(), agencyName);
      const reportLink = page.locator("main .report-list a.report-title").first();
      const reportTitle = (await reportLink.textContent()).trim();
      await follow(page, reportLink);
      const reportUrl = page.url();
      // Then the report shows its title and links back to its agency
      assert.equal((await page.locator("h1").textContent()).trim(), reportTitle);
      assert.equal((await page.locator(".report-facts a[data-search-filter=agency]").textContent()).trim(), agencyName);
      assert.ok(new URL(reportUrl).pathname.startsWith(`${prefix}reports/`), reportUrl);

      // When they follow the year: the year's pages list this report, on the first or on one reached by clicking "next"
      const year = (await page.locator(".report-facts a[data-search-filter=year]").textContent()).trim();
      await follow(page, page.locator(".report-facts a[data-search-filter=year]"));
      assert.match(await page.locator("h1").textContent(), new RegExp(`^${year}`));
      const listed = () => page.locator(`main a.report-title:text-is("${reportTitle}")`);
      const yearPages = [];
      for (;;) {
        yearPages.push(new URL(page.url()).pathname);
        if (await listed().count() > 0) break;
        const next = page.locator("a[rel=next]");
        assert.equal(await next.count(), 1, `the report is not on year pages ${yearPages.join(", ")}, and the last has no next link`);
        await follow(page, next);
      }
      assert.equal(await listed().count(), 1, `the year page ${yearPages.at(-1)} lists the report once`);
      assert.ok(yearPages.every((p) => p.startsWith(`${prefix}years/${year}/`)), yearPages.join(", "));

      // When they go back to the report and follow its innermost region: the region page lists it too
      for (const _ of yearPages) await page.goBack();
      assert.equal(page.url(), reportUrl);
      const regionLinks = page.locator(".report-facts [data-search-filter=region] a");
      if (await regionLinks.count() > 0) {
        const regionName = (await regionLinks.last().textContent()).trim();
        await follow(page, regionLinks.last());
        assert.match(await page.locator("h1").textContent(), new RegExp(`^${regionName}`));
        assert.ok(new URL(page.url()).pathname.startsWith(`${prefix}regions/`), page.url());
      }
      assert.deepEqual(errors, [], "no script errors along the way");
    } finally { await context.close(); }
  });
});

describe("links", () => {
  for (const site of [zh, en]) {
    it(`every internal href and src of the ${site.name} site resolves under /reports/, fragments, feeds, sitemap and pagination included`, async () => {
      // Given the built site served under /reports/; When crawling from home (plus the sitemap and 404 page)
      const { pages, urls, broken } = await crawl(site.base, site.base, { extraStarts: [site.base + "sitemap.xml", site.base + "404.html"] });
      // Then nothing is broken and every HTML page is reachable
      assert.deepEqual(broken, []);
      const expected = site.htmlFiles.map(site.url).sort();
      assert.deepEqual(pages.filter((p) => !p.endsWith("404.html")), expected.filter((p) => !p.endsWith("404.html")));
      assert.ok(urls.some((u) => u.endsWith("/feed.xml")), "feeds were checked");
      assert.ok(urls.some((u) => /\/assets\/.+\.css$/.test(u)), "assets were checked");
      if (site.pages.termPage2) assert.ok(urls.includes(site.url(site.pages.termPage2)), "pagination was followed");
    });
  }

  it("report tables of contents link to heading ids that exist", async () => {
    // Given a report page; When reading its table of contents; Then each #id names a heading of the body
    const html = zh.html(zh.pages.report);
    const targets = [...html.matchAll(/<nav class="toc"[\s\S]*?<\/nav>/g)].flatMap((m) => [...m[0].matchAll(/href="#([^"]+)"/g)].map((x) => x[1]));
    assert.ok(targets.length > 0, "the sample report has a table of contents");
    for (const id of targets) assert.match(html, new RegExp(`<h[2-6] id="${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`), id);
  });
});

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  for (const site of [zh, en]) {
    it(`finds zero violations on a page of every kind of the ${site.name} site: home, report, taxonomy, terms (one paginated), search, 404, status, compare, changes`, async () => {
      // The English test site pages every 5 reports, so it always has a second page of a term, and its showcase reports make a compare and a changes page
      if (site === en) for (const kind of ["termPage2", "regionStatus", "compare", "changes"]) assert.ok(site.pages[kind], `a ${kind} page to check`);
      const kinds = { ...site.pages, notFound: undefined, missing: `${prefix}no-such-page/` };
      const found = [];
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        for (const [kind, rel] of Object.entries(kinds)) {
          if (!rel) continue;
          const url = kind === "missing" ? site.server.origin + rel : site.url(rel);
          await page.goto(url);
          for (const v of await axeViolations(page)) found.push(`${kind} ${url}: ${v}`);
        }
      } finally { await context.close(); }
      assert.deepEqual(found, []);
    });
  }
});

describe("page structure of every built page", () => {
  for (const site of [zh, en]) {
    it(`every page of the ${site.name} site has a lang, one h1, a skip link to main, landmarks, aria-current in breadcrumbs and pagination, no inline script and no third-party asset`, () => {
      const lang = site === en ? "en" : "zh-CN";
      const problems = [];
      for (const rel of site.htmlFiles) {
        const html = site.html(rel);
        const bad = (what) => problems.push(`${rel}: ${what}`);
        if (!html.includes(`<html lang="${lang}">`)) bad(`no <html lang="${lang}">`);
        if ((html.match(/<h1[\s>]/g) ?? []).length !== 1) bad("not exactly one h1");
        if (!/<body[^>]*>\s*<a class="skip-link" href="#main">/.test(html)) bad("the skip link is not the first thing in body");
        if (!/<main id="main"/.test(html)) bad("no <main id=main>");
        if (!/<header class="site-header"/.test(html) || !/<footer class="site-footer"/.test(html)) bad("no header/footer landmark");
        if (!/<nav [^>]*aria-label="[^"]+"/.test(html)) bad("no labelled nav");
        for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          const inline = m[2].trim() !== "";
          // JSON data blocks (the JSON-LD, the report downloads' data) are never run.
          if (inline && !/type="application\/(?:ld\+)?json"/.test(m[1])) bad(`inline script: ${m[0].slice(0, 60)}`);
        }
        if (/\son[a-z]+\s*=/i.test(html.replace(/<div class="report-body">[\s\S]*<\/article>/, ""))) bad("inline event handler in theme markup");
        for (const m of html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)="([^"]+)"/g)) {
          const url = m[1];
          const isAsset = !/rel="(?:canonical|alternate)"/.test(m[0]);
          if (isAsset && /^(?:https?:)?\/\//.test(url) && !url.startsWith(site.server.origin)) bad(`third-party asset ${url}`);
        }
        const crumb = html.match(/<nav class="wrap breadcrumb"[\s\S]*?<\/nav>/);
        if (rel !== "index.html" && rel !== "404.html" && rel !== "search/index.html" && !(crumb && /aria-current="page"/.test(crumb[0]))) bad("breadcrumb without aria-current=page");
        const pager = html.match(/<nav class="pagination"[\s\S]*?<\/nav>/);
        if (pager && !/aria-current="page"/.test(pager[0])) bad("pagination without aria-current=page");
      }
      assert.deepEqual(problems, []);
    });
  }

  it("marks the current section in the main navigation with aria-current", () => {
    const nav = (rel) => zh.html(rel).match(/<nav class="wrap main-nav"[\s\S]*?<\/nav>/)[0];
    assert.match(nav("index.html"), new RegExp(`href="${prefix}" aria-current="page"`));
    assert.match(nav("regions/index.html"), new RegExp(`href="${prefix}regions/" aria-current="page"`));
    assert.match(nav(zh.pages.year), new RegExp(`href="${prefix}years/" aria-current="true"`));
    assert.match(nav("search/index.html"), new RegExp(`href="${prefix}search/" aria-current="page"`));
  });

  it("theme headings never skip a level (h1, then h2 sections) on a page of every kind", async () => {
    const context = await browser.newContext();
    const problems = [];
    try {
      const page = await context.newPage();
      for (const site of [zh, en]) {
        for (const rel of Object.values(site.pages).filter(Boolean)) {
          await page.goto(site.url(rel));
          const levels = await page.$$eval("h1,h2,h3,h4,h5,h6", (hs) => hs.filter((h) => !h.closest(".report-body")).map((h) => Number(h.tagName[1])));
          levels.forEach((level, i) => { if (level > (i === 0 ? 1 : levels[i - 1] + 1)) problems.push(`${rel}: h${level} after h${levels[i - 1] ?? 0}`); });
          if (levels[0] !== 1) problems.push(`${rel}: the first heading is not the h1`);
        }
      }
    } finally { await context.close(); }
    assert.deepEqual(problems, []);
  });
});

describe("English UI", () => {
  it("shows the theme's English strings and lang=en when site.yml says language: en", async () => {
    const { page, context } = await open(en.url(en.pages.termPage2));
    try {
      assert.equal(await page.getAttribute("html", "lang"), "en");
      assert.equal((await page.locator(".skip-link").textContent()).trim(), "Skip to content");
      const navText = await page.locator(".main-nav").innerText();
      assert.deepEqual(navText.split(/\s*\n\s*/).filter(Boolean), ["Home", "Agencies", "Years", "Regions", "Report series", "Search"]);
      assert.equal(await page.getAttribute("nav.pagination", "aria-label"), "Pagination");
      assert.match(await page.locator("nav.pagination").innerText(), /Previous/);
      // Every text of the page chrome outside content marked lang=zh-CN is free of Chinese characters
      const chrome = await page.$$eval(".skip-link, .site-header, .breadcrumb, .term-summary, h2, .pagination, .site-footer", (els) => els.map((e) => {
        const copy = e.cloneNode(true);
        copy.querySelectorAll('[lang="zh-CN"]').forEach((c) => c.remove());
        return copy.textContent;
      }));
      assert.ok(!chrome.some((t) => han.test(t)), `no Chinese UI strings: ${chrome.join(" | ")}`);
      assert.match(await page.locator(".site-footer").innerText(), /Run by/);
    } finally { await context.close(); }
  });
  it("marks the Chinese report content of an English-UI page with lang=zh-CN (WCAG 3.1.2), and adds no such marks to a zh-CN site", () => {
    // Given a report page of each site; When reading its markup
    const english = en.html(en.pages.report);
    // Then in the English UI the title, facts, TOC, body and content breadcrumbs are marked as Chinese, the UI strings are not
    for (const marked of [/<h1 data-search-meta="title" lang="zh-CN">/, /<div class="report-body" lang="zh-CN">/, /<ol lang="zh-CN">/, /<span aria-current="page" lang="zh-CN">/])
      assert.match(english, marked);
    assert.doesNotMatch(english, /<a href="[^"]*\/agencies\/" lang=/);
    assert.match(en.html("agencies/index.html"), /<a href="[^"]+" lang="zh-CN">/);
    // And a zh-CN site needs only the lang of its <html>
    assert.equal((zh.html(zh.pages.report).match(/lang="/g) ?? []).length, 1);
  });
  it("the search page of the English UI speaks English, every string coming from the theme's i18n file through the page", async () => {
    // Given the English site's search page, its i18n file, and the script the page loads
    const strings = Object.fromEntries(readFileSync(path.join(repoRoot, "themes/default/i18n/en.yml"), "utf8").split("\n")
      .map((line) => line.match(/^([a-z_]+): "(.*)"$/)).filter(Boolean).map((m) => [m[1], m[2]]));
    const script = readFileSync(path.join(repoRoot, "themes/default/static/search/ui.js"), "utf8");
    // When a visitor searches for a phrase the reports hold
    const { page, context, errors } = await open(`${en.url(en.pages.search)}?q=${encodeURIComponent("法治政府")}`);
    try {
      await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0);
      // Then the status, the filters, the sort control and the pager say what i18n/en.yml says
      const shown = await page.locator(".search-results li").count();
      assert.ok(shown > 0);
      const status = await page.locator(".search-status").textContent();
      const count = (key) => strings[key].replace("{n}", "[\\d,]+");
      assert.match(status, new RegExp(`^(${count("search_count")}|${count("search_count_estimate").replace(/[()（）]/g, "\\$&")})$`));
      assert.equal(await page.locator(".search-filters").getAttribute("aria-label"), strings.search_filters);
      assert.equal(await page.locator(".search-results").getAttribute("aria-label"), strings.search_results);
      assert.equal(await page.locator(".search-sort label").textContent(), strings.search_sort);
      const legends = await page.locator(".search-filters legend").allTextContents();
      assert.ok(legends.length > 0 && legends.every((h) => [strings.search_facet_year, strings.search_facet_region, strings.search_facet_series,
        strings.search_facet_agency, strings.search_year_range].includes(h)), legends.join(", "));
      assert.deepEqual(errors, []);
      // And the script keeps no copy of its own: no Chinese text, none of the English strings
      assert.ok(!han.test(script), "no Chinese text in ui.js");
      for (const key of ["search_loading", "search_failed", "search_count_exactly", "search_sort_newest", "search_filters", "search_partial_label"])
        assert.ok(!script.includes(strings[key]), `ui.js holds its own copy of ${key}`);
    } finally { await context.close(); }
  });
});

describe("without JavaScript", () => {
  it("pages render and links, the header search form and the text stay usable", async () => {
    // Given a browser with JavaScript off
    const { page, context } = await open(zh.base, { javaScriptEnabled: false });
    try {
      // When walking home → years → a year → a report by clicking
      assert.ok(await page.locator("h1").isVisible());
      await follow(page, page.locator(`.main-nav a[href="${prefix}years/"]`));
      await follow(page, page.locator("main .term-list a").first());
      await follow(page, page.locator("main a.report-title").first());
      // Then the report renders in full, the text-size control and print button stay hidden (they need script), and the TOC links work
      assert.ok(new URL(page.url()).pathname.startsWith(`${prefix}reports/`));
      assert.ok((await page.locator(".report-body").innerText()).length > 200);
      assert.equal(await page.locator(".text-size").isVisible(), false);
      assert.equal(await page.locator(".report-tools").isVisible(), false);
      const tocLink = page.locator(".toc a").nth(1);
      const id = (await tocLink.getAttribute("href")).slice(1);
      await follow(page, tocLink);
      assert.equal(decodeURIComponent(new URL(page.url()).hash.slice(1)), id);
      // And the header search form is a plain GET form that reaches the search page, which says search needs script
      await page.fill("#header-q", "法治");
      await page.press("#header-q", "Enter");
      await page.waitForURL(/\/search\/\?q=/);
      assert.ok(await page.locator("main noscript, main p").filter({ hasText: /JavaScript/ }).first().isVisible());
    } finally { await context.close(); }
  });
});

describe("responsive layout", () => {
  it("a report, the home page, a term page and an index never scroll sideways at 375px, nor at WCAG's 320px reflow width with the largest text size", async () => {
    const wide = [];
    for (const width of [375, 320]) {
      const { page, context } = await open(zh.base, { viewport: { width, height: 812 }, isMobile: true, hasTouch: true });
      try {
        for (const site of [zh, en]) {
          for (const rel of [site.pages.report, site.pages.home, site.pages.region, site.pages.taxonomy]) {
            await page.goto(site.url(rel));
            if (width === 320) await page.evaluate(() => document.documentElement.setAttribute("data-text-size", "2"));
            const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
            if (scroll > client) wide.push(`${rel}: ${scroll}px wide in a ${client}px viewport`);
          }
        }
      } finally { await context.close(); }
    }
    assert.deepEqual(wide, []);
  });

  it("at 375px a table wider than the screen scrolls on its own, is reachable by keyboard, and axe still finds zero violations", async () => {
    // Given the showcase report, whose second table has eight columns, on a phone
    const { page, context } = await open(en.url(en.pages.report), { viewport: { width: 375, height: 812 }, isMobile: true });
    try {
      // Then that table scrolls inside itself, and site.js gave it a tab stop
      const tables = await page.$$eval(".report-body table", (ts) => ts.map((t) => ({ scrolls: t.scrollWidth > t.clientWidth, tabIndex: t.tabIndex })));
      assert.ok(tables.some((t) => t.scrolls), "the wide table overflows its column");
      for (const t of tables) assert.equal(t.tabIndex, t.scrolls ? 0 : -1);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `the page itself does not scroll sideways (${scroll} > ${client})`);
      assert.deepEqual(await axeViolations(page), []);
    } finally { await context.close(); }
  });

  it("puts the table of contents beside the report text on a wide screen and above it on a phone", async () => {
    const { page, context } = await open(zh.url(zh.pages.report));
    try {
      const body = await page.locator(".report-body").boundingBox();
      const toc = await page.locator(".toc").boundingBox();
      assert.ok(toc.x >= body.x + body.width, `desktop: toc at x=${toc.x} right of the body ending at ${body.x + body.width}`);
      await page.setViewportSize({ width: 375, height: 812 });
      const body2 = await page.locator(".report-body").boundingBox();
      const toc2 = await page.locator(".toc").boundingBox();
      assert.ok(toc2.y + toc2.height <= body2.y, "mobile: toc above the body");
    } finally { await context.close(); }
  });
  it("renders home, a report, a year and an index page to screenshots 1280px and 375px wide (kept in SITEGEN_SCREENSHOTS if set)", async () => {
    const dir = process.env.SITEGEN_SCREENSHOTS ?? path.join(scratch, "screenshots");
    mkdirSync(dir, { recursive: true });
    for (const [width, height] of [[1280, 900], [375, 812]]) {
      const context = await browser.newContext({ viewport: { width, height } });
      try {
        const page = await context.newPage();
        for (const kind of ["home", "report", "year", "taxonomy"]) {
          await page.goto(zh.url(zh.pages[kind]));
          const png = await page.screenshot({ path: path.join(dir, `${kind}-${width}.png`), fullPage: kind !== "report" });
          // A PNG's IHDR chunk holds its width at byte 16: the page was laid out at the viewport width, no wider
          assert.equal(png.readUInt32BE(16), width, `${kind} at ${width}px`);
        }
      } finally { await context.close(); }
    }
  });
});

describe("keyboard, text size and print", () => {
  it("the first Tab reaches a visible skip link that moves focus to the main content, and focused links show an outline", async () => {
    const { page, context } = await open(zh.url(zh.pages.report));
    try {
      await page.keyboard.press("Tab");
      const skip = await page.evaluate(() => {
        const a = document.activeElement; const r = a.getBoundingClientRect();
        return { cls: a.className, top: r.top, height: r.height };
      });
      assert.equal(skip.cls, "skip-link");
      assert.ok(skip.top >= 0 && skip.height > 0, "the skip link is on screen when focused");
      await page.keyboard.press("Enter");
      assert.equal(new URL(page.url()).hash, "#main");
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return { tag: document.activeElement.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), inMain: !!document.activeElement.closest("main") };
      });
      assert.equal(focus.tag, "A");
      assert.ok(focus.inMain, "the next Tab after the skip link lands inside main");
      assert.ok(focus.outline !== "none" && focus.width >= 2, `focus outline ${focus.outline} ${focus.width}px`);
    } finally { await context.close(); }
  });

  it("the text-size control and print button appear with JavaScript; A+ enlarges the text and the choice holds on the next page", async () => {
    const { page, context, errors } = await open(zh.url(zh.pages.report));
    try {
      await page.locator(".text-size").waitFor({ state: "visible" });
      assert.ok(await page.locator(".report-tools button[data-print]").isVisible());
      const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".report-body p") ?? document.body).fontSize));
      const before = await size();
      await page.click(".text-size button[data-text-size='1']");
      assert.ok(await size() > before, "A+ enlarges the report text");
      // And the next page has the larger size from its first paint: site.js applies it from <head>, before the body exists
      await page.addInitScript(() => new MutationObserver((_, observer) => {
        if (!document.body) return;
        window.sizeWhenBodyAppeared = document.documentElement.getAttribute("data-text-size");
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true }));
      await page.goto(zh.base);
      assert.equal(await page.getAttribute("html", "data-text-size"), "1");
      assert.equal(await page.evaluate(() => window.sizeWhenBodyAppeared), "1");
      await page.click(".text-size button[data-text-size='-1']");
      assert.equal(await page.getAttribute("html", "data-text-size"), null);
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  });

  it("printing opens the closed 政府信息公开 catalogue so the printout carries it", async () => {
    const { page, context } = await open(en.url(en.pages.report));
    try {
      assert.equal(await page.locator("details.catalogue").evaluate((d) => d.open), false);
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      assert.equal(await page.locator("details.catalogue").evaluate((d) => d.open), true);
    } finally { await context.close(); }
  });

  it("the print stylesheet hides the site chrome and keeps the report text", async () => {
    const { page, context } = await open(zh.url(zh.pages.report));
    try {
      await page.emulateMedia({ media: "print" });
      for (const selector of [".site-header", ".breadcrumb", ".site-footer", ".toc", ".skip-link"]) {
        assert.equal(await page.locator(selector).evaluate((e) => getComputedStyle(e).display), "none", selector);
      }
      assert.ok(await page.locator(".report-body").isVisible());
      assert.ok(await page.locator("h1").isVisible());
    } finally { await context.close(); }
  });
});
