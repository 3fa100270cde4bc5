// `sitegen serve` in headless Chromium: an open tab reloads after an edit, shows a failed build as an overlay
// (as text, never as HTML) over the last good page, and reloads again once the edit is fixed.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.join(repo, "src/SiteGen.Cli/bin/Release/net10.0/SiteGen.Cli.dll");

const report = (year, paragraph) => `---
title: "示例区司法局${year}年法治政府建设工作情况报告"
agency: "示例区司法局"
region: ["示例省", "示例市", "示例区"]
year: ${year}
published: 2025-03-01
---

## 一、主要举措和成效

${paragraph}

## 二、存在的不足和原因

不足。
`;

/** Starts `sitegen serve` on a free port and resolves with its address once it says it is serving. */
function startServe(siteDir) {
  const child = spawn("dotnet", [cli, "serve", "--site", siteDir, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const address = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sitegen serve did not start:\n${output}`)), 60_000);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.stderr.on("data", (chunk) => { output += chunk; });
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`sitegen serve exited with ${code}:\n${output}`)); });
  });
  return { child, address };
}

describe("sitegen serve in a browser", () => {
  let siteDir, server, browser, page, reportFile, url;

  before(async () => {
    if (!existsSync(cli)) execFileSync("dotnet", ["build", path.join(repo, "src/SiteGen.Cli"), "-c", "Release", "--nologo", "-v", "q"]);
    siteDir = mkdtempSync(path.join(tmpdir(), "sitegen-serve-js-"));
    mkdirSync(path.join(siteDir, "content/reports/2024"), { recursive: true });
    writeFileSync(path.join(siteDir, "content/site.yml"), 'title: "测试报告库"\nbase_url: "/reports/"\n');
    reportFile = path.join(siteDir, "content/reports/2024/a.md");
    writeFileSync(reportFile, report(2024, "原始段落文字。"));
    server = startServe(siteDir);
    url = await server.address;
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    if (server && server.child.exitCode === null) {
      const exited = new Promise((resolve) => server.child.once("exit", resolve));
      server.child.kill("SIGINT");
      await exited;
    }
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
  });

  it("reloads an open report page after its Markdown is edited", async () => {
    const home = await page.goto(url);
    assert.equal(home.status(), 200);
    const reportLink = page.locator("a.report-title").first();
    const connected = page.waitForRequest((r) => r.url().endsWith("/__sitegen/events"));
    await reportLink.click();
    await page.waitForLoadState("load");
    await connected;
    assert.match(await page.textContent("main"), /原始段落文字/);

    const reloaded = page.waitForEvent("framenavigated", { timeout: 30_000 });
    writeFileSync(reportFile, report(2024, "修改后的段落文字。"));
    await reloaded;
    await page.waitForLoadState("load");

    assert.match(await page.textContent("main"), /修改后的段落文字/);
  });

  it("shows a failed build as a text overlay over the last good page, then reloads when the edit is fixed", async () => {
    writeFileSync(reportFile, report("<b>2024</b>", "坏的修改。"));
    const overlay = page.locator("#sitegen-build-error");
    await overlay.waitFor({ timeout: 30_000 });

    const text = await overlay.textContent();
    assert.match(text, /SG1005/);
    assert.match(text, /<b>2024<\/b>/, "the quoted value is shown as text");
    assert.equal(await overlay.locator("b").count(), 0, "diagnostics are never parsed as HTML");
    assert.match(await page.textContent("main"), /修改后的段落文字/, "the last good page stays");

    const reloaded = page.waitForEvent("framenavigated", { timeout: 30_000 });
    writeFileSync(reportFile, report(2024, "修好了的段落文字。"));
    await reloaded;
    await page.waitForLoadState("load");

    assert.equal(await page.locator("#sitegen-build-error").count(), 0);
    assert.match(await page.textContent("main"), /修好了的段落文字/);
  });

  it("never writes the reload script into the built files", () => {
    const built = readFileSync(path.join(siteDir, ".sitegen-cache/serve/index.html"), "utf8");
    assert.doesNotMatch(built, /__sitegen/);
  });
});
