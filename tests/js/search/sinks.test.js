// The browser runtime may put search index data (titles, agencies, excerpts: untrusted report content) into the page only
// as text. This scans every script the theme ships for the APIs that parse a string as HTML or code (none may appear), and
// checks in Chromium that the UI's element helper turns such data into text and attributes.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../lib/browser.js";
import { buildSite, serve } from "./site.mjs";

const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../themes/default/static");

const sinks = [
  { name: "innerHTML", pattern: /\binnerHTML\b/ },
  { name: "outerHTML", pattern: /\bouterHTML\b/ },
  { name: "insertAdjacentHTML", pattern: /\binsertAdjacentHTML\b/ },
  { name: "document.write", pattern: /\bdocument\s*\.\s*write(ln)?\b/ },
  { name: "setHTML / parseHTMLUnsafe", pattern: /\b(setHTML|setHTMLUnsafe|parseHTMLUnsafe)\b/ },
  { name: "createContextualFragment", pattern: /\bcreateContextualFragment\b/ },
  { name: "DOMParser", pattern: /\bDOMParser\b/ },
  { name: "srcdoc", pattern: /\bsrcdoc\b/ },
  { name: "eval", pattern: /\beval\s*\(/ },
  { name: "Function constructor", pattern: /\bnew\s+Function\b|\bFunction\s*\(/ },
  { name: "string timer", pattern: /\bset(Timeout|Interval)\s*\(\s*["'`]/ },
];

/** Every line of a script that uses an HTML or code sink, as "line N: sink". */
function sinksIn(source) {
  const found = [];
  source.split("\n").forEach((line, i) => {
    for (const sink of sinks) if (sink.pattern.test(line)) found.push(`line ${i + 1}: ${sink.name}`);
  });
  return found;
}

const scripts = fs.readdirSync(staticDir, { recursive: true }).filter((f) => f.endsWith(".js")).map((f) => path.join(staticDir, f)).sort();

test("the theme ships the search runtime and the UI that this scan covers", () => {
  const names = scripts.map((s) => path.relative(staticDir, s).replaceAll(path.sep, "/"));
  assert.ok(names.includes("search/search.js") && names.includes("search/ui.js"), names.join(", "));
});

for (const script of scripts) {
  test(`${path.relative(staticDir, script)} never parses a string as HTML or code (index data can only become text)`, () => {
    assert.deepEqual(sinksIn(fs.readFileSync(script, "utf8")), []);
  });
}

describe("the UI's element helper, in headless Chromium", () => {
  // ui.js builds every node of the results with el(): "text" must become textContent, anything else an attribute, and an
  // excerpt's matched pieces <mark> text. A report whose every shown field is markup tells whether that holds: parsed as
  // HTML, each field would become elements (or run its handler) instead of the literal text below.
  const report = {
    title: '<b>标题</b>报告 <img src=x onerror="window.__pwned=1">',
    agency: "<i>机关</i>&amp;局",
    year: 2024,
    region: ["<u>云南</u>省", "玉溪市", "红塔区"],
    body: '开展医疗纠纷调解<s>工作</s>，<img src=x onerror="window.__pwned=2">完成。',
  };
  let site;
  let server;
  let browser;

  before(async () => {
    site = buildSite({ "a.md": report });
    server = await serve(site.output, "/");
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    site?.cleanup();
  });

  test("sets index text as text and values as attributes, never as markup", async () => {
    // Given the results page for a phrase of the report's body
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`${server.url}search/?q=${encodeURIComponent("医疗纠纷调解")}`);
    await page.waitForFunction(() => document.querySelectorAll(".search-results > li").length === 1);

    // When the result and its filters are read back from the DOM
    const shown = await page.evaluate(() => {
      const root = document.querySelector("[data-search-root]");
      const item = root.querySelector(".search-results > li");
      const link = item.querySelector("h2 a");
      return {
        title: link.textContent,
        href: link.getAttribute("href"),
        meta: item.querySelector(".search-meta").textContent,
        marks: [...item.querySelectorAll("mark")].map((m) => m.textContent),
        excerpt: item.querySelector(".search-excerpt").textContent,
        facets: [...root.querySelectorAll("input[data-facet]")].map((box) => ({
          facet: box.dataset.facet, value: box.value, text: root.querySelector(`label[for="${box.id}"]`).textContent,
        })),
        elements: [...new Set([...root.querySelectorAll("*")].map((e) => e.localName))],
        pwned: window.__pwned ?? null,
      };
    });
    await page.close();

    // Then every field is its exact text, in the element made for it
    assert.equal(shown.title, report.title);
    const [folder] = fs.readdirSync(path.join(site.output, "reports/2024"));
    assert.ok(shown.href.startsWith(`/reports/2024/${folder}/?hl=`), shown.href);
    assert.ok(shown.meta.startsWith(`${report.agency} · ${report.region.join(" › ")} · 2024`), shown.meta);
    assert.deepEqual(shown.marks, ["医疗纠纷调解"]);
    assert.ok(shown.excerpt.includes('调解<s>工作</s>，<img src=x onerror="window.__pwned=2">完成。'), shown.excerpt);
    // And a filter's label is text while its value travels in its checkbox's value attribute
    const region = shown.facets.find((f) => f.facet === "region" && f.value === report.region[0]);
    assert.equal(region?.text, `${report.region[0]} (1)`, JSON.stringify(shown.facets));
    assert.ok(shown.facets.some((f) => f.facet === "agency" && f.text === `${report.agency} (1)`), JSON.stringify(shown.facets));
    // And no element but the UI's own was made, and nothing ran
    const own = ["a", "button", "div", "fieldset", "h2", "input", "label", "legend", "li", "mark", "nav", "ol", "option", "p", "section", "select", "span", "ul"];
    assert.deepEqual(shown.elements.filter((name) => !own.includes(name)), []);
    assert.equal(shown.pwned, null);
    assert.deepEqual(errors, []);
  });
});

test("the sink scan does find each sink (the check can fail)", () => {
  const samples = [
    "list.innerHTML = r.title;", "a.outerHTML = x;", "li.insertAdjacentHTML('beforeend', r.agency);", "document.write(r.url);",
    "div.setHTML(x);", "range.createContextualFragment(x);", "new DOMParser().parseFromString(x, 'text/html');",
    "frame.srcdoc = x;", "eval(x);", "new Function(x)();", "setTimeout('go()', 1);",
  ];
  for (const sample of samples) assert.equal(sinksIn(sample).length, 1, sample);
  assert.deepEqual(sinksIn("node.textContent = r.title; el('a', { text: r.title });"), []);
});
