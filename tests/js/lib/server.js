// A tiny static HTTP server for built sites: serves one folder under a sub-path on 127.0.0.1, like a static host.
import http from "node:http";
import fs from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/**
 * Starts a server on a free port of 127.0.0.1 serving `root()` under `prefix` (e.g. "/reports/").
 * `root` is a function so the folder can be chosen after the port is known (a build needs the port for its base URL).
 * Like a static host: "dir/" serves dir/index.html, unknown paths get the site's 404.html with status 404,
 * and nothing outside the prefix or the folder is served.
 */
export async function serveFolder(root, prefix = "/reports/") {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      const dir = path.resolve(root());
      if (!url.pathname.startsWith(prefix)) return notFound(res, dir);
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      const file = path.resolve(dir, rel);
      if (!file.startsWith(dir + path.sep)) return notFound(res, dir);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat) return notFound(res, dir);
      if (stat.isDirectory()) {
        res.writeHead(301, { Location: url.pathname + "/" });
        return res.end();
      }
      await sendFile(req, res, file, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" });
    } catch (error) {
      // A client that went away mid-body leaves nothing to answer.
      if (res.headersSent) return res.destroy();
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    base: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

/** The headers of the `/*` rule of a site's `_headers` file, as Netlify-style hosts apply them to every page. */
export function siteHeaders(file) {
  const headers = {};
  let inAll = false;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (!/^\s/.test(line)) { inAll = line.trim() === "/*"; continue; }
    if (!inAll) continue;
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/**
 * Reads a `Range` header for a file of `size` bytes, as static hosts do: one range (`bytes=a-b`, `bytes=a-`, `bytes=-n`)
 * gives `{ start, end }` (inclusive), a valid range starting past the end gives "unsatisfiable", and anything else
 * (no header, another unit, malformed, several ranges) gives null: send the whole file, as RFC 9110 allows.
 */
export function parseRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/i.exec((header ?? "").trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const last = match[2] === "" ? Infinity : Number(match[2]);
  if (last < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(last, size - 1) };
}

/**
 * Sends `file` with status 200 and `headers`, honouring a single byte range on GET like nginx or GitHub Pages:
 * 206 with Content-Range, 416 with `Content-Range: bytes *\/size`, `Accept-Ranges: bytes` always; the bytes are
 * streamed from the open file. With If-Range the whole file is sent, which is always correct.
 */
export async function sendFile(req, res, file, headers = {}) {
  const handle = await fs.open(file, "r");
  try {
    const { size } = await handle.stat();
    const range = req.method === "GET" && req.headers["if-range"] === undefined ? parseRange(req.headers.range, size) : null;
    if (range === "unsatisfiable") {
      res.writeHead(416, { ...headers, "Accept-Ranges": "bytes", "Content-Range": `bytes */${size}`, "Content-Length": 0 });
      res.end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    res.writeHead(range ? 206 : 200, {
      ...headers,
      "Accept-Ranges": "bytes",
      "Content-Length": end - start + 1,
      ...(range ? { "Content-Range": `bytes ${start}-${end}/${size}` } : {}),
    });
    if (req.method === "HEAD" || end < start) {
      res.end();
      return;
    }
    await pipeline(handle.createReadStream({ start, end, autoClose: false }), res);
  } finally {
    await handle.close();
  }
}

async function notFound(res, dir) {
  const page = await fs.readFile(path.join(dir, "404.html")).catch(() => Buffer.from("not found"));
  res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
  res.end(page);
}
