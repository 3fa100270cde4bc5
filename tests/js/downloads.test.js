// The report page's downloads made in the reader's browser (site.yml `downloads: browser`, the default), in headless Chromium:
// clicking "plain text" gives the very bytes a `downloads: files` build writes beside the page, clicking "Markdown" gives a file
// from which `sitegen build` makes the same report article again, and without JavaScript no download control shows. Two sites:
// the sample archive (content/), and a report using every Markdown construct SiteGen renders, with attached files, in English.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { launchBrowser } from "./lib/browser.js";
import { buildAndServeSite, buildSite, makeTemp, removeTemp, sampleSite } from "./lib/sitegen.js";
import { axeViolations } from "./lib/axe.js";

const prefix = "/reports/";

// Every block and inline construct of SiteGen's Markdown (CommonMark, pipe and grid tables, footnotes; raw HTML off), in the forms
// editors and converters write them, with a linked PDF and a shown image beside it. Grid-table columns are counted in characters.
const everyConstruct = `---
title: "示例县司法局2024年法治政府建设年度报告"
agency: "示例县司法局"
region: ["示例省", "示例市", "示例县"]
year: 2024
published: 2025-03-20
source_url: "https://www.example.gov.cn/zwgk/2025/a.html"
index_no: "11500111MB15011811/2025-00005"
doc_no: "示司发〔2025〕5号"
publisher: "示例县司法局"
written: 2025-03-18
topic: "司法"
summary: "全年 \\"三项制度\\" 落实情况。"
tags: ["执法", "普法"]
---
导语第一行，
第二行紧接着（软换行）。行尾硬换行${"  "}
硬换行之后。反斜杠硬换行\\
之后。

# 一级标题

Setext 一级标题
第二行
===============

## 一、主要举措和成效 ##

Setext 二级标题
---------------

### （一）强调、代码与链接

#### 四级 C#

##### 五级 #

###### 六级

#### 四级 C#

**加粗**、*强调*、***加粗强调***、__下划线加粗__、_下划线强调_、**“三项制度”**落实、**外*内*外**、~~不是删除线~~。
代码：\`代码 *不变*\`、\`\` 含\`反引号 \`\`、\`  两端空格  \`、\`\` \`开头 \`\`、\`a|b\`。
链接：[规定](https://example.gov.cn/a?b=1&c=2 "标题 \\"引号\\"")、[相对链接](../other/)、[括号](https://example.gov.cn/a_(b))、<https://example.gov.cn/>、<mail@example.gov.cn>、[引用式][r]、![图表](https://example.gov.cn/c.png "图")、[![图中链接](https://example.gov.cn/d.png)](https://example.gov.cn/d)。
转义：\\*不是强调\\* \\[不是链接\\] A&amp;B &copy; &amp;copy; 1 < 2 > 0 \\# 与 \\\\ 反斜杠，管道 | 号，下划线 file_name_v2，星号 3*5*7。
危险链接[点击](javascript:alert(1))。
2\\. 不是列表的行
\\- 也不是
\\+ 也不是
\\# 不是标题
\\> 不是引用
\\=\\=\\=

1. 第一步；
2. 第二步：
   - 子项甲
   - 子项乙

     \`\`\`
     子项中的代码
     \`\`\`
3. 第三步。

- 无序甲
- 无序乙
-
- [x] 不是任务

* 另一列表（紧接的第二个列表）

+ 第三个列表

5) 从五开始
6) 六
   > 项中的引用

1. 一
1. 一（编号照写）
1. 一

- 松散甲

- 松散乙

  第二段。

      缩进代码在项中

- 懒惰续行
的列表项

> 引用第一段
> 续行。
懒惰续行。
>
> > 嵌套引用。
>
> 1. 引用中的列表
> 2. 第二项
>
> \`\`\`
> 引用中的代码
> \`\`\`

\`\`\`text
## 不是标题
**原样**

空行之后 \`\`\`
\`\`\`

~~~
含 \`\`\` 的代码
~~~

    缩进代码
      更深一层
    第三行

---
***
___

| 项目 | 数量 | 说明 | 无对齐 |
|:---|---:|:---:|---|
| 行政处罚 | 81 | *有* | [链接](https://example.gov.cn/) |
| 复议 \\| 诉讼 | 3 | \`a|b\` | |

+:----+----:+
| 网格a | 网格b |
+=====+=====+
| 一   | 二   |
+-----+-----+
| 跨两列       |
+-----+-----+

+-----+-----+
| x   | y   |
| x2  | y2  |
+-----+-----+
| p1  | q   |
|     |     |
| p2  |     |
+-----+-----+

注释[^1]、另一个[^note]、再次[^1]。

<script>alert(1)</script>正文<b>粗</b><!-- 注释 -->

<div>
块级 HTML
</div>

附件：[报告原文](all/报告%20原文.pdf)（[第3页](<all/报告 原文.pdf#page=3>)），图：![统计图](all/图表.png)。

[r]: https://example.gov.cn/r "引用标题"
[^1]: 注释内容。
[^note]: 第二个注释。

    第二个注释的第二段。
`;

let scratch, browser;
const sample = { name: "sample archive (zh-CN)", language: "zh-CN" };
const every = { name: "every-construct report (English UI)", language: "en" };

/** Builds a site's content twice, served as `downloads: browser` (the default) and, with the same base URL, as `downloads: files`. */
async function buildBothWays(target, content, siteYml) {
  const dir = path.join(scratch, target === sample ? "sample" : "every");
  target.siteYml = siteYml.replace(/^downloads:.*\n/m, "");
  for (const mode of ["browser", "files"]) {
    cpSync(content, path.join(dir, mode, "content"), { recursive: true });
    writeFileSync(path.join(dir, mode, "content", "site.yml"), target.siteYml + (mode === "files" ? "downloads: files\n" : ""));
  }
  target.output = path.join(dir, "out-browser");
  target.filesOutput = path.join(dir, "out-files");
  target.server = await buildAndServeSite({ site: path.join(dir, "browser"), output: target.output, prefix });
  await buildSite({ site: path.join(dir, "files"), output: target.filesOutput, baseUrl: target.server.base });
  target.reports = readdirSync(path.join(target.output, "reports"), { recursive: true })
    .map((f) => f.split(path.sep).join("/")).filter((f) => f.endsWith("/index.html")).map((f) => `reports/${f.replace(/index\.html$/, "")}`).sort();
  target.dir = dir;
}

before(async () => {
  scratch = await makeTemp("downloads");
  const launching = launchBrowser();
  launching.catch(() => {}); // awaited below; this only keeps a failed launch from being reported as unhandled meanwhile
  const { site } = await sampleSite(scratch);
  await buildBothWays(sample, path.join(site, "content"), readFileSync(path.join(site, "content", "site.yml"), "utf8"));
  const content = path.join(scratch, "every-content");
  mkdirSync(path.join(content, "reports", "2024", "all"), { recursive: true });
  writeFileSync(path.join(content, "reports", "2024", "all.md"), everyConstruct);
  writeFileSync(path.join(content, "reports", "2024", "all", "报告 原文.pdf"), "%PDF-1.4\n%%EOF\n");
  writeFileSync(path.join(content, "reports", "2024", "all", "图表.png"), Buffer.from("89504e470d0a1a0a", "hex"));
  await buildBothWays(every, content, 'title: "Rule-of-Law Government Reports"\nlanguage: en\n');
  browser = await launching;
});

after(async () => {
  await browser?.close();
  await sample.server?.close();
  await every.server?.close();
  await removeTemp(scratch);
});

/** Opens a report page and returns the bytes and file name of each download its buttons make. */
async function download(target, rel, { query = "" } = {}) {
  const context = await browser.newContext({ acceptDownloads: true });
  const errors = [];
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(target.server.base + rel + query);
    const files = {};
    for (const format of ["text", "markdown"]) {
      const button = page.locator(`button[data-download="${format}"]`);
      await button.waitFor({ state: "visible" });
      const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
      files[format] = { name: file.suggestedFilename(), bytes: await fs.readFile(await file.path()) };
    }
    assert.deepEqual(errors, [], `no script error on ${rel}`);
    return files;
  } finally { await context.close(); }
}

/** The report article of a built page: everything the report shows but the site around it. */
const article = (output, rel) => {
  const html = readFileSync(path.join(output, rel, "index.html"), "utf8");
  return html.slice(html.indexOf("<article"), html.indexOf("</article>") + "</article>".length);
};

/** Each report page's downloads (report path → files), downloaded once per site for the tests that read them. */
const downloaded = new Map();
function downloadsOf(target) {
  if (!downloaded.has(target)) {
    downloaded.set(target, (async () => {
      const files = new Map();
      for (const rel of target.reports) files.set(rel, await download(target, rel));
      return files;
    })());
  }
  return downloaded.get(target);
}

describe("report downloads made in the browser", () => {
  for (const target of [sample, every]) {
    it(`clicking "plain text" on each report of the ${target.name} gives the bytes a downloads: files build writes`, async () => {
      // Given the site built as downloads: browser (no .txt or .md in its output) and, with the same base URL, as downloads: files
      assert.ok(target.reports.length > 0);
      for (const rel of target.reports)
        assert.deepEqual(readdirSync(path.join(target.output, rel)).filter((f) => /\.(txt|md)$/.test(f)), [], `${rel} has no download files`);
      // When a reader clicks each download button of each report page
      for (const [rel, got] of await downloadsOf(target)) {
        // Then the plain text is, byte for byte, the file the files build wrote beside the same page, under the same name
        const expected = readFileSync(path.join(target.filesOutput, rel, got.text.name));
        assert.equal(got.text.bytes.toString("utf8"), expected.toString("utf8"), `${rel}${got.text.name}`);
        assert.ok(got.text.bytes.equals(expected), `${rel}${got.text.name}: the same bytes`);
        assert.deepEqual([...got.text.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a UTF-8 BOM first");
        assert.ok(readdirSync(path.join(target.filesOutput, rel)).includes(got.markdown.name), "the Markdown has the files build's name");
      }
    });

    it(`the Markdown download of each report of the ${target.name} builds back to the same report article`, async () => {
      // Given each report's downloaded Markdown, and the files the report page links, saved together as a reader saves them
      const files = await downloadsOf(target);
      const site = path.join(target.dir, "rebuilt");
      const reports = path.join(site, "content", "reports");
      mkdirSync(reports, { recursive: true });
      writeFileSync(path.join(site, "content", "site.yml"), target.siteYml);
      for (const [rel, got] of files) {
        const folder = path.join(reports, rel.replaceAll("/", "_"));
        mkdirSync(folder);
        writeFileSync(path.join(folder, got.markdown.name), got.markdown.bytes);
        for (const f of readdirSync(path.join(target.output, rel)).filter((f) => f !== "index.html")) cpSync(path.join(target.output, rel, f), path.join(folder, f));
        assert.match(got.markdown.bytes.toString("utf8"), /^---\ntitle: "/, "front matter first");
      }
      // When a site is built from them with the same settings and base URL
      const output = path.join(target.dir, "out-rebuilt");
      await buildSite({ site, output, baseUrl: target.server.base });
      // Then every report page has the same article as the original: title, facts, catalogue, table of contents, body, attachments
      for (const rel of files.keys()) assert.equal(article(output, rel), article(target.output, rel), rel);
    });
  }

  it("the every-construct report really holds each construct, and its downloads make them (a round trip of nothing would prove nothing)", async () => {
    const body = article(every.output, every.reports[0]);
    for (const html of ["<h1 id=", "<h6 id=", "<br />", "<strong>", "<em>", "<code>", "<blockquote>", "<ol start=\"5\">", "<ul>",
      "<li><p>", "<pre><code class=\"language-text\">", "<hr />", "<th class=\"align-right\">", "<td colspan=\"2\"", "<td><p>p1</p>",
      "class=\"footnote-ref\"", "<div class=\"footnotes\">", "title=\"引用标题\"", "<img src=", "class=\"attachment-info\"", "&lt;script&gt;"])
      assert.ok(body.includes(html), `the page shows ${html}`);
    const { text, markdown } = (await downloadsOf(every)).get(every.reports[0]);
    assert.match(text.bytes.toString("utf8"), /^\uFEFF示例县司法局2024年法治政府建设年度报告\n\nAgency: 示例县司法局\n/);
    assert.match(text.bytes.toString("utf8"), /\n5\. 从五开始\n6\. 六\n/);
    assert.match(text.bytes.toString("utf8"), /\n项目\t数量\t说明\t无对齐\n/);
    assert.match(text.bytes.toString("utf8"), /\n\[1\] 注释内容。\n\[2\] 第二个注释。\n第二个注释的第二段。\n$/);
    assert.match(markdown.bytes.toString("utf8"), /\[报告原文\]\(报告-原文\.pdf\)/, "the attached file linked by its published name");
  });

  it("with search highlighting marks in the page, the downloads are the same", async () => {
    // Given a report opened from a search result, its matches marked
    const rel = sample.reports[0];
    const plain = (await downloadsOf(sample)).get(rel);
    // When the reader downloads both files
    const got = await download(sample, rel, { query: "?hl=法治" });
    // Then they are those of the page without marks
    assert.ok(got.text.bytes.equals(plain.text.bytes));
    assert.ok(got.markdown.bytes.equals(plain.markdown.bytes));
  });

  it("without JavaScript a report page shows no download control and links no download file", async () => {
    for (const target of [sample, every]) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(target.server.base + target.reports[0]);
        assert.equal(await page.locator(".report-downloads").count(), 1, "the controls are in the page");
        assert.equal(await page.locator(".report-downloads").isVisible(), false, "and hidden");
        assert.equal(await page.locator("main button:visible, main a:visible").filter({ hasText: /\.txt|\.md/ }).count(), 0);
        assert.equal(await page.locator('a[href$=".txt"], a[href$=".md"]').count(), 0);
      } finally { await context.close(); }
    }
  });

  it("the report page with its download buttons passes axe-core (WCAG 2.1 A/AA), each button named in the site's language", async () => {
    const names = { "zh-CN": ["纯文本（.txt）", "Markdown（.md，含元数据）"], en: ["Plain text (.txt)", "Markdown (.md, with its metadata)"] };
    for (const target of [sample, every]) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(target.server.base + target.reports[0]);
        await page.locator("button[data-download]").first().waitFor({ state: "visible" });
        const buttons = page.getByRole("button", { name: /\.txt|\.md/ });
        assert.deepEqual(await buttons.allTextContents(), names[target.language]);
        assert.deepEqual(await axeViolations(page), [], target.name);
      } finally { await context.close(); }
    }
  });
});
