// Crawls a served site from its home page over HTTP and checks that every internal link resolves.
const entities = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e) => entities[e]);

/** Every href, src and srcset URL of an HTML or XML document, in document order. */
export function linksOf(text) {
  const found = [];
  for (const m of text.matchAll(/\s(href|src)\s*=\s*("([^"]*)"|'([^']*)')/gi)) found.push(decode(m[3] ?? m[4]));
  for (const m of text.matchAll(/\ssrcset\s*=\s*"([^"]*)"/gi))
    for (const part of decode(m[1]).split(",")) if (part.trim()) found.push(part.trim().split(/\s+/)[0]);
  for (const m of text.matchAll(/<loc>([^<]*)<\/loc>/g)) found.push(decode(m[1].trim()));
  return found;
}

/** The ids (and a names) a document defines, for checking #fragment links. */
export function anchorsOf(html) {
  const ids = new Set();
  for (const m of html.matchAll(/\s(?:id|name)\s*=\s*"([^"]*)"/g)) ids.add(decode(m[1]));
  return ids;
}

/**
 * Fetches `start` and everything internal it links to, transitively (HTML pages, feeds and the sitemap are parsed;
 * other files are only fetched). Internal means same origin; such a link must also stay under `base` (the
 * sub-path the site is published under). Returns the pages visited and every broken link as "from → to (why)".
 */
export async function crawl(start, base, { extraStarts = [] } = {}) {
  const origin = new URL(base).origin;
  const fetched = new Map(); // url without fragment → { status, type, text, anchors }
  const broken = [];
  const queue = [start, ...extraStarts].map((u) => ({ url: u, from: "(start)" }));

  async function get(url) {
    if (!fetched.has(url)) {
      fetched.set(url, (async () => {
        const res = await fetch(url, { redirect: "manual" });
        const type = res.headers.get("content-type") ?? "";
        const parse = /html|xml/.test(type);
        const text = parse ? await res.text() : (await res.arrayBuffer(), "");
        return { status: res.status, type, text, anchors: /html/.test(type) ? anchorsOf(text) : new Set(), parse };
      })());
    }
    return fetched.get(url);
  }

  while (queue.length) {
    const batch = queue.splice(0, 16);
    await Promise.all(batch.map(async ({ url, from }) => {
      const target = new URL(url);
      const fragment = decodeURIComponent(target.hash.slice(1));
      target.hash = "";
      const key = target.href;
      const seen = fetched.has(key);
      if (!key.startsWith(base)) { broken.push(`${from} → ${url} (outside the site's sub-path ${base})`); return; }
      const doc = await get(key);
      if (doc.status !== 200) { broken.push(`${from} → ${url} (HTTP ${doc.status})`); return; }
      if (fragment && !doc.anchors.has(fragment)) broken.push(`${from} → ${url} (no element with id "${fragment}")`);
      if (seen || !doc.parse) return;
      for (const link of linksOf(doc.text)) {
        if (/^(mailto|tel|javascript|data):/i.test(link)) continue;
        let resolved;
        try { resolved = new URL(link, key); } catch { broken.push(`${key} → ${link} (not a URL)`); continue; }
        if (resolved.origin !== origin) continue;
        queue.push({ url: resolved.href, from: key });
      }
    }));
  }
  const pages = [];
  for (const [url, p] of fetched) if (/html/.test((await p).type)) pages.push(url);
  return { pages: pages.sort(), urls: [...fetched.keys()].sort(), broken: [...new Set(broken)].sort() };
}
