// A tiny static HTTP server for built sites: serves one folder under a sub-path on 127.0.0.1, like a static host.
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";

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
      const body = await fs.readFile(file);
      res.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
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

async function notFound(res, dir) {
  const page = await fs.readFile(path.join(dir, "404.html")).catch(() => Buffer.from("not found"));
  res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
  res.end(page);
}
