// Highlight on arrival: a report page opened from a search result (…/?hl=QUERY#section) marks the query's matches in the report
// text and scrolls to the first one at or after the linked section. Loaded as a module by the report layout (no inline script,
// so it works under a strict Content-Security-Policy); it loads the search runtime (for the tokenizer's folding) only when asked.

const query = new URLSearchParams(location.search).get("hl")?.trim();
const body = document.querySelector("[data-search-body] .report-body") ?? document.querySelector("[data-search-body]");
const runtime = document.querySelector("script[data-search-runtime]")?.dataset.searchRuntime;
const MAX_MARKS = 500;

if (query && body && runtime) {
  const { fold, parseQuery } = await import(runtime);
  const nodes = [];
  let text = "";
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("script, style, [data-search-ignore]")) continue;
    nodes.push({ node, start: text.length });
    text += node.data;
  }
  const folded = fold(text);
  const find = (pieces) => {
    const ranges = [];
    for (const piece of pieces) {
      for (let i = folded.indexOf(piece); i >= 0 && ranges.length < MAX_MARKS; i = folded.indexOf(piece, i + piece.length)) ranges.push([i, i + piece.length]);
    }
    return ranges;
  };
  // The query's words as phrases; when none occurs (a partial match), the parts each word was found by.
  const words = parseQuery(query);
  const byLength = (list) => [...new Set(list)].filter(Boolean).sort((a, b) => b.length - a.length);
  let ranges = find(byLength(words.map((w) => w.text)));
  if (ranges.length === 0) ranges = find(byLength(words.flatMap((w) => w.parts.filter((p) => !p.helper).map((p) => p.term))));
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  // Marked from the end, so that splitting a text node leaves the offsets of earlier matches in it as they were.
  const marks = [];
  for (let m = merged.length - 1; m >= 0; m--) {
    const [from, to] = merged[m];
    for (let k = nodes.length - 1; k >= 0; k--) {
      const { node, start } = nodes[k];
      const end = start + node.data.length;
      if (end <= from || start >= to) continue;
      const range = document.createRange();
      range.setStart(node, Math.max(from, start) - start);
      range.setEnd(node, Math.min(to, end) - start);
      const mark = document.createElement("mark");
      mark.className = "search-hit";
      range.surroundContents(mark);
      marks.push(mark);
    }
  }
  marks.reverse();
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const first = marks.find((mark) => !target || target.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) ?? marks[0];
  // Chromium keeps its own scroll to the #section anchor going until the page has loaded (fonts and images can still move it),
  // so scrolling to the mark before then can be undone: wait for load first.
  if (document.readyState !== "complete") await new Promise((resolve) => addEventListener("load", resolve, { once: true }));
  first?.scrollIntoView({ block: "center" });
}
