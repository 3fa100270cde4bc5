// The browser runtime may put search index data (titles, agencies, excerpts: untrusted report content) into the page only
// as text. This scans every script the theme ships for the APIs that parse a string as HTML or code; none may appear.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

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

test("the UI's element helper sets index text through textContent and attributes only", () => {
  // ui.js builds every node with el(): "text" goes to textContent, anything else to setAttribute.
  const ui = fs.readFileSync(path.join(staticDir, "search/ui.js"), "utf8");
  assert.match(ui, /if \(k === "text"\) node\.textContent = v;/);
  assert.match(ui, /else node\.setAttribute\(k, v\);/);
  // The excerpt's matched and unmatched pieces become <mark> text or text nodes.
  assert.match(ui, /s\.match \? el\("mark", \{ text: s\.text \}\) : document\.createTextNode\(s\.text\)/);
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
