// Hardening in a real browser: a site full of script payloads is built with the CLI, served from 127.0.0.1 with the
// security headers the theme ships (_headers: a strict Content-Security-Policy), and every page kind is loaded in
// headless Chromium. No dialog may open, no payload may run, and no CSP violation may be reported.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { sendFile, siteHeaders } from "./lib/server.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The built CLI: the one `dotnet test` (or `dotnet build`) left, else build it now. */
function cliDll() {
  const candidates = ["Release", "Debug"].map((c) => path.join(repo, "src/SiteGen.Cli/bin", c, "net10.0/SiteGen.Cli.dll"));
  const found = candidates.find((p) => fs.existsSync(p));
  if (found) return found;
  execFileSync("dotnet", ["build", path.join(repo, "src/SiteGen.Cli"), "-c", "Release", "--nologo"], { stdio: "inherit" });
  return candidates[0];
}

// Each payload, if it ever ran, would open a dialog or set window.__pwned.
const run = (tag) => `window.__pwned=(window.__pwned||[]).concat('${tag}')`;
const frontMatter = [
  "---",
  `title: "标题</title><script>${run("title")}</script>\\"><img src=x onerror=alert('title')>"`,
  `agency: "机关</script><script>alert('agency')</script>"`,
  `region: ["省\\"><svg onload=alert('region')>", "市<img src=x onerror=alert('city')>"]`,
  "year: 2024",
  "published: 2025-03-01",
  `type: "<b onmouseover=alert('series')>类</b>"`,
  `summary: "摘要\\"><script>alert('summary')</script>"`,
  `index_no: "<img src=x onerror=\\"${run("index")}\\">"`,
  `source_url: "https://example.com/\\"><script>alert('source')</script>"`,
  `note: "<script>alert('extra')</script>"`,
  "---",
].join("\n");
const body = `
## 一、<img src=x onerror=alert('heading')>标题

[链接](javascript:alert('link')) [大写](JaVaScRiPt:alert('case')) [实体](&#106;avascript:alert('entity')) <javascript:alert('autolink')>

![图](javascript:alert('image')) [引用][r]

[r]: javascript:alert('reference')

<img src=x onerror="${run("raw-img")}"> <a href="jav&#x61;script:alert('raw-href')">x</a>

<svg><script>alert('svg')</script></svg><iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>

<noscript><p title="</noscript><img src=x onerror=alert('noscript')>"></p></noscript>

<details open ontoggle="${run("toggle")}">d</details><input autofocus onfocus="${run("focus")}">

<div style="color:red">有样式</div>

| 居中 | 居右 |
|:-:|--:|
| 1 | 2 |
`;

let workDir;
let output;
let server;
let baseUrl;
let browser;
let securityHeaders = {};

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".xml": "application/xml" };

before(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "sitegen-harden-js-"));
  fs.mkdirSync(path.join(workDir, "content/2024"), { recursive: true });
  fs.writeFileSync(path.join(workDir, "content/site.yml"),
    `title: "库</title><script>alert('site')</script>"\ndescription: "\\"><script>alert('description')</script>"\nraw_html: true\nfooter:\n  sponsor: "<img src=x onerror=alert('sponsor')>"\n`);
  fs.writeFileSync(path.join(workDir, "content/2024/evil.md"), `${frontMatter}\n${body}`);
  fs.writeFileSync(path.join(workDir, "content/2024/plain.md"),
    "---\ntitle: \"普通机关2024年法治政府建设工作情况报告\"\nagency: \"普通机关\"\nregion: [\"云南省\"]\nyear: 2024\n---\n## 一、主要举措\n\n正文。\n");
  // The payloads as plain text in indexed fields, so a search shows them in its results.
  fs.writeFileSync(path.join(workDir, "content/2024/payload-text.md"),
    `---\ntitle: "<script>alert(1)</script>文本报告"\nagency: "<img src=x onerror=alert(1)>机关"\nyear: 2024\n---\n## 一、正文\n\n` +
    "注入文本 `<script>alert(1)</script>` 与 &lt;img src=x onerror=alert(1)&gt; 结束。\n");
  // Template code as content: it must show as written, never be evaluated (1234 * 1000 would show as 1234000).
  fs.writeFileSync(path.join(workDir, "content/2024/template-text.md"),
    "---\ntitle: \"模板{{ 1234 * 1000 }}报告\"\nagency: \"模板{{ site.title }}机关\"\nyear: 2024\n---\n## 一、正文\n\n模板正文 {{ 1234 * 1000 }} 与 {{ include 'head' }} 结束。\n");
  execFileSync("dotnet", [cliDll(), "build", "--site", workDir], { stdio: "pipe" });
  output = path.join(workDir, "output");
  securityHeaders = siteHeaders(path.join(output, "_headers"));

  server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = path.join(output, decodeURIComponent(url.pathname));
    if (!file.startsWith(output)) { res.writeHead(400).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    const headers = { "Content-Type": types[path.extname(file)] ?? "application/octet-stream", ...securityHeaders };
    // Found files go through the shared static-host logic, so the search index's packs can be read by byte range.
    if (fs.existsSync(file)) {
      await sendFile(req, res, file, headers).catch(() => res.destroy());
      return;
    }
    res.writeHead(404, { ...headers, "Content-Type": types[".html"] });
    res.end(fs.readFileSync(path.join(output, "404.html")));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;

  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** The first page of each kind in the built site. */
function pageOf(kind) {
  const first = (dir) => fs.readdirSync(path.join(output, dir)).filter((d) => fs.statSync(path.join(output, dir, d)).isDirectory() && d !== "page").sort()[0];
  switch (kind) {
    case "home": return "/";
    case "report": {
      // The payload-laden report, recognised by its escaped title.
      const reports = fs.readdirSync(path.join(output, "reports/2024")).map((d) => `/reports/2024/${d}/`);
      return reports.find((r) => fs.readFileSync(path.join(output, r, "index.html"), "utf8").includes("标题&lt;/title&gt;"));
    }
    case "taxonomy": return "/agencies/";
    case "term": return `/agencies/${first("agencies")}/`;
    case "region-term": return `/regions/${first("regions")}/`;
    case "search": return "/search/";
    case "not-found": return "/no-such-page/";
    default: throw new Error(kind);
  }
}

/** Loads a page with a listener for CSP violations installed before any page script, and reports what happened. */
async function visit(url, inspect = async () => ({})) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  const consoleProblems = [];
  page.on("dialog", async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleProblems.push(message.text());
  });
  page.on("pageerror", (error) => consoleProblems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const response = await page.goto(baseUrl + url, { waitUntil: "load" });
  await page.waitForTimeout(150); // late events: image errors, focus, toggle
  const state = await page.evaluate(() => ({
    violations: window.__violations,
    pwned: window.__pwned ?? [],
    textSizeShown: [...document.querySelectorAll(".text-size")].some((el) => !el.hidden),
    headerBackground: getComputedStyle(document.querySelector(".site-header")).backgroundColor,
  }));
  const inspected = await inspect(page);
  await page.waitForTimeout(150); // late events of what inspect waited for
  const late = await page.evaluate(() => ({ violations: window.__violations, pwned: window.__pwned ?? [] }));
  await context.close();
  return { status: response.status(), csp: response.headers()["content-security-policy"], dialogs, consoleProblems, ...state, ...late, ...inspected };
}

test("the theme's _headers set a strict CSP without unsafe-inline or unsafe-eval", () => {
  const csp = securityHeaders["Content-Security-Policy"];
  assert.match(csp, /^default-src 'self';/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
});

for (const kind of ["home", "report", "taxonomy", "term", "region-term", "search", "not-found"]) {
  test(`the ${kind} page of a site full of payloads runs no injected script and reports no CSP violation`, async () => {
    const url = pageOf(kind);
    assert.ok(url, `no ${kind} page found`);
    const result = await visit(url);
    assert.equal(result.status, kind === "not-found" ? 404 : 200);
    assert.equal(result.csp, securityHeaders["Content-Security-Policy"], "served under the shipped CSP");
    assert.deepEqual(result.dialogs, [], "no dialog opened");
    assert.deepEqual(result.pwned, [], "no payload ran");
    assert.deepEqual(result.violations, [], "no securitypolicyviolation event");
    assert.deepEqual(result.consoleProblems, [], "no CSP message or page error in the console");
    assert.ok(result.textSizeShown, "the theme's own script ran under the CSP");
    assert.notEqual(result.headerBackground, "rgba(0, 0, 0, 0)", "the theme's stylesheet applied under the CSP");
  });
}

test("a page with an inline script is caught by this test's CSP check (the check can fail)", async () => {
  // A control: inject an inline script into a copy of the home page and expect the violation to be seen.
  const probe = path.join(output, "csp-probe.html");
  fs.writeFileSync(probe, fs.readFileSync(path.join(output, "index.html"), "utf8").replace("</body>", "<script>window.__pwned=['inline']</script></body>"));
  try {
    const result = await visit("/csp-probe.html");
    assert.deepEqual(result.pwned, [], "the CSP blocked the inline script");
    assert.ok(result.violations.length > 0 || result.consoleProblems.length > 0, "the violation was reported");
  } finally {
    fs.rmSync(probe);
  }
});

test("searching the payload site for the payloads shows them as text in the results and runs none of them", async () => {
  const result = await visit("/search/?q=alert", async (page) => {
    await page.waitForSelector(".search-results li", { timeout: 10000 });
    return page.evaluate(() => {
      const list = document.querySelector(".search-results");
      return {
        results: list.querySelectorAll("li").length,
        text: list.textContent,
        elements: [...list.querySelectorAll("*")].map((e) => e.localName).filter((n) => !["li", "h2", "a", "p", "mark", "span"].includes(n)),
        handlers: [...list.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith("on")),
      };
    });
  });
  assert.equal(result.status, 200);
  assert.ok(result.results >= 1, "the payload report is found");
  assert.ok(result.text.includes("<script>alert(1)</script>文本报告"), "the title payload is shown as text");
  assert.ok(result.text.includes("<img src=x onerror=alert(1)>机关"), "the agency payload is shown as text");
  assert.ok(result.text.includes("onerror=alert(1)>"), "the body payload is shown as text in the excerpt");
  assert.deepEqual(result.elements, [], "no element other than the UI's own inside the results");
  assert.deepEqual(result.handlers, [], "no event handler attribute inside the results");
  assert.deepEqual(result.dialogs, [], "no dialog opened");
  assert.deepEqual(result.pwned, [], "no payload ran");
  assert.deepEqual(result.violations, [], "no securitypolicyviolation event");
  assert.deepEqual(result.consoleProblems, [], "no CSP message or page error in the console");
});

test("the payload report's downloads are made under the CSP, hold the payloads as text and run none of them", async () => {
  // Given the payload-laden report page under the shipped CSP; when both download buttons are clicked
  const result = await visit(pageOf("report"), async (page) => {
    const files = {};
    for (const format of ["text", "markdown"]) {
      const [file] = await Promise.all([page.waitForEvent("download"), page.click(`button[data-download="${format}"]`)]);
      files[format] = fs.readFileSync(await file.path(), "utf8");
    }
    return { files };
  });
  // Then the files carry the payloads as the characters written, and nothing ran or was blocked
  assert.ok(result.files.text.includes("发布机构：机关</script><script>alert('agency')</script>\n"), result.files.text.slice(0, 300));
  assert.ok(result.files.markdown.startsWith(`---\ntitle: "标题</title><script>${run("title")}</script>\\"><img src=x onerror=alert('title')>"\n`), result.files.markdown.slice(0, 300));
  assert.deepEqual(result.dialogs, [], "no dialog opened");
  assert.deepEqual(result.pwned, [], "no payload ran");
  assert.deepEqual(result.violations, [], "no securitypolicyviolation event");
  assert.deepEqual(result.consoleProblems, [], "no CSP message or page error in the console");
});

test("searching for content that looks like template code shows the code as written in the results", async () => {
  const result = await visit(`/search/?q=${encodeURIComponent("模板正文")}`, async (page) => {
    await page.waitForSelector(".search-results li", { timeout: 10000 });
    return page.evaluate(() => ({ text: document.querySelector(".search-results").textContent }));
  });
  assert.ok(result.text.includes("模板{{ 1234 * 1000 }}报告"), result.text);
  assert.ok(result.text.includes("模板{{ site.title }}机关"), result.text);
  assert.ok(result.text.includes("{{ 1234 * 1000 }}"), "the excerpt shows the code");
  assert.ok(!result.text.includes("1234000"), "nothing was evaluated");
  assert.deepEqual(result.pwned, []);
});

test("the search index files are served by byte range under the same security headers, as the packed index reads them", async () => {
  // The largest search file, whatever the index's layout: the one most worth reading in slices.
  const files = fs.readdirSync(path.join(output, "search"), { recursive: true }).map((f) => path.join(output, "search", f))
    .filter((f) => fs.statSync(f).isFile() && !f.endsWith(".html"));
  const largest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  assert.ok(largest, "the built site has search index files");
  const bytes = fs.readFileSync(largest);
  const [start, end] = [Math.floor(bytes.length / 3), Math.floor((2 * bytes.length) / 3)];

  const response = await fetch(baseUrl + "/" + path.relative(output, largest).split(path.sep).join("/"), { headers: { Range: `bytes=${start}-${end}` } });

  assert.equal(response.status, 206);
  assert.equal(response.headers.get("content-range"), `bytes ${start}-${end}/${bytes.length}`);
  assert.equal(response.headers.get("content-security-policy"), securityHeaders["Content-Security-Policy"]);
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes.subarray(start, end + 1));
});
