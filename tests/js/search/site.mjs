// Helpers of the search tests: build a small inline site with the SiteGen CLI into a temp folder, read it like a browser would.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "node:http";
import { parseRange, sendFile, serveFolder, siteHeaders } from "../lib/server.js";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const cliDll = join(repo, "src/SiteGen.Cli/bin/Release/net10.0/SiteGen.Cli.dll");

/** Builds a site from { file: { title, agency, year, region, body, published?, files? } } under baseUrl (published: a date, or null
 * for none; by default 1 February of the next year; files: { "a/原文.pdf": bytes } written beside the report); returns
 * { root, output, cleanup }. */
export function buildSite(reports, { baseUrl = "/" } = {}) {
  if (!existsSync(cliDll)) execFileSync("dotnet", ["build", join(repo, "src/SiteGen.Cli"), "-c", "Release", "--nologo", "-v", "q"], { stdio: "inherit" });
  const root = mkdtempSync(join(tmpdir(), "sitegen-search-js-"));
  mkdirSync(join(root, "content/reports"), { recursive: true });
  writeFileSync(join(root, "content/site.yml"), `title: "测试报告库"\nbase_url: "${baseUrl}"\nlanguage: zh-CN\n`);
  for (const [file, r] of Object.entries(reports)) {
    const region = r.region.map((x) => JSON.stringify(x)).join(", ");
    writeFileSync(join(root, "content/reports", file),
      `---\ntitle: ${JSON.stringify(r.title)}\nagency: ${JSON.stringify(r.agency)}\nregion: [${region}]\nyear: ${r.year}\n`
      + `${r.published === null ? "" : `published: ${r.published ?? `${r.year + 1}-02-01`}\n`}type: "法治政府建设年度报告"\n---\n\n${r.body}\n`);
    for (const [name, bytes] of Object.entries(r.files ?? {})) {
      mkdirSync(dirname(join(root, "content/reports", name)), { recursive: true });
      writeFileSync(join(root, "content/reports", name), bytes);
    }
  }
  const output = join(root, "output");
  execFileSync("dotnet", [cliDll, "build", "--site", root, "--output", output], { stdio: "pipe" });
  return { root, output, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A fetch that reads files of a built site from disk (for Node tests), answers Range requests like a static host (206), and
 * records every path it fetched with the bytes sent. With { ranges: false } it ignores Range headers, like a host without them.
 */
export function diskFetch(output, basePath = "/", { ranges = true } = {}) {
  const fetched = [];
  const response = (status, data) => ({
    ok: status < 300, status,
    json: async () => JSON.parse(Buffer.from(data).toString("utf8")),
    arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  });
  const fetch = async (url, init = {}) => {
    const path = decodeURIComponent(new URL(url).pathname);
    if (!path.startsWith(basePath)) return response(404, Buffer.from("null"));
    const file = join(output, path.slice(basePath.length));
    if (!existsSync(file)) return response(404, Buffer.from("null"));
    const data = readFileSync(file);
    const range = ranges ? parseRange(init.headers?.Range, data.length) : null;
    if (range === "unsatisfiable") return response(416, Buffer.alloc(0));
    const body = range ? data.subarray(range.start, range.end + 1) : data;
    fetched.push({ path: path.slice(basePath.length), bytes: body.length, start: range ? range.start : 0 });
    return response(range ? 206 : 200, body);
  };
  return { fetch, fetched };
}

/** Serves a built site under basePath on 127.0.0.1 (a random port), like a static host (see lib/server.js); resolves to { url, close }. */
export async function serve(output, basePath = "/") {
  const server = await serveFolder(() => output, basePath);
  return { url: server.base, close: server.close };
}

/** The sample reports of the search tests: phrases, parts far apart, two years, two provinces, sections. */
export const sampleReports = {
  "a.md": {
    title: "红塔区甲局2024年法治政府建设工作情况报告", agency: "玉溪市红塔区甲局", year: 2024, region: ["云南省", "玉溪市", "红塔区"],
    body: "2024年，甲局推进依法行政。\n\n## 一、主要举措和成效\n\n### （一）调解工作\n\n开展医疗纠纷调解工作，受理申请37件，调解成功率94.28%。\n\n## 二、存在的不足和原因\n\n行政处罚裁量基准有待完善。",
  },
  "b.md": {
    title: "岳麓区乙局2023年法治政府建设年度报告", agency: "长沙市岳麓区乙局", year: 2023, region: ["湖南省", "长沙市", "岳麓区"],
    body: "2023年，乙局深化行政审批改革，文件编号2024。\n\n## 一、主要举措\n\n依法查处罚没物品，医疗纠纷调解委员会受理申请52件。",
  },
  "c.md": {
    title: "岳麓区丙局2024年法治政府建设年度报告", agency: "长沙市岳麓区丙局", year: 2024, region: ["湖南省", "长沙市", "岳麓区"],
    body: "2024年，丙局加强医疗纠纷的调解，推行双随机抽查。\n\n## 一、下一步安排\n\n继续推进法治建设。",
  },
};

/**
 * Serves a built site under /reports/ with the headers of the `/*` rule of its _headers file (the strict CSP) and its 404 page,
 * like a host configured as docs/security-headers.md says.
 */
export async function serveWithHeaders(output) {
  const headers = siteHeaders(join(output, "_headers"));
  const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml" };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = join(output, decodeURIComponent(url.pathname).replace(/^\/reports\//, ""));
    if (!file.startsWith(output)) return res.writeHead(400).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return res.writeHead(404, { ...headers, "Content-Type": types[".html"] }).end(readFileSync(join(output, "404.html")));
    await sendFile(req, res, file, { ...headers, "Content-Type": types[extname(file)] ?? "application/octet-stream" }).catch(() => res.destroy());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/reports/`, csp: headers["Content-Security-Policy"], close: () => new Promise((r) => server.close(r)) };
}
