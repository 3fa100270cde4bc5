// The Markdown of a rendered report body: written so that SiteGen renders it back to the same HTML. Every construct SiteGen's
// Markdown renders has a form here: headings, paragraphs and line breaks, emphasis, code, links and images, lists (tight and loose,
// ordered from any number), quotes, code blocks, rules, pipe tables (grid tables when a table has no single header row, a cell
// spanning columns, or a cell of several lines), footnotes. Text is escaped wherever Markdown would read it as markup; a link to
// one of the report's attached files becomes a link to the file's name, as it sits beside the downloaded report.

import { isBlock, isFootnoteBackLink, isFootnoteLink, isLoose, isSkipped, runs } from "./blocks.js";

/** The body as Markdown (without a final line end). `pageHref` is the page's own URL as SiteGen writes links: attached files are published under it. */
export function markdown(body, pageHref) {
  return blocks(body, "\n\n", { pageHref });
}

function blocks(container, separator, context) {
  const parts = [];
  let previousList = null; // the block before, when it is a list: { localName, alternate }
  for (const part of runs(container)) {
    let text;
    if (Array.isArray(part)) text = inlines(part, context, true).replace(/^\n+|\n+$/g, "");
    else {
      // Two lists of one kind in a row would be read as one: the second takes the other bullet or delimiter.
      const list = part.localName === "ul" || part.localName === "ol";
      const alternate = list && previousList?.localName === part.localName && !previousList.alternate;
      text = block(part, context, alternate);
      previousList = list ? { localName: part.localName, alternate } : null;
    }
    if (text !== "") parts.push(text);
  }
  return parts.join(separator);
}

function block(element, context, alternate) {
  switch (element.localName) {
    case "p": return inlines(element.childNodes, context, true);
    case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": return heading(element, context);
    case "pre": return codeBlock(element);
    case "hr": return "***";
    case "blockquote": return prefixLines(blocks(element, "\n\n", context), "> ", ">");
    case "ul": case "ol": return list(element, context, alternate);
    case "table": return table(element, context);
    case "div":
      if (element.classList.contains("footnotes")) return footnotes(element, context);
      return blocks(element, "\n\n", context);
    default: return blocks(element, "\n\n", context);
  }
}

function heading(element, context) {
  const level = Number(element.localName[1]);
  const text = inlines(element.childNodes, context, false);
  // A heading of two lines was written with an underline (setext), which only levels 1 and 2 have.
  if (text.includes("\n") && level <= 2) return inlines(element.childNodes, context, true) + "\n" + (level === 1 ? "===" : "---");
  // A closing run of # would be read as the ATX heading's optional closing sequence.
  return "#".repeat(level) + " " + text.replace(/(^|[ \t])(#+)([ \t]*)$/, "$1\\$2$3");
}

function codeBlock(pre) {
  const code = pre.querySelector(":scope > code") ?? pre;
  const language = [...code.classList].find((c) => c.startsWith("language-"))?.slice("language-".length) ?? "";
  const content = code.textContent;
  const char = language.includes("`") ? "~" : "`";
  const longest = Math.max(0, ...[...content.matchAll(char === "`" ? /`+/g : /~+/g)].map((m) => m[0].length));
  const fence = char.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${content}${fence}`;
}

function list(element, context, alternate) {
  const ordered = element.localName === "ol";
  const loose = isLoose(element);
  const separator = loose ? "\n\n" : "\n";
  const items = [];
  let number = ordered ? element.start : 0;
  for (const item of element.children) {
    if (item.localName !== "li") continue;
    const marker = ordered ? `${number++}${alternate ? ")" : "."}` : alternate ? "*" : "-";
    const content = blocks(item, separator, context);
    items.push(content === "" ? marker : marker + " " + indentFollowing(content, " ".repeat(marker.length + 1)));
  }
  return items.join(separator);
}

function table(element, context) {
  const rows = [...element.rows].map((row) => ({
    header: row.parentElement.localName === "thead",
    cells: [...row.cells].map((cell) => ({
      span: cell.colSpan,
      align: ["left", "center", "right"].find((a) => cell.classList.contains(`align-${a}`)) ?? null,
      blocks: [...runs(cell)].some((part) => !Array.isArray(part)),
      text: blocks(cell, "\n\n", context),
    })),
  }));
  const columns = Math.max(0, ...rows.map((row) => row.cells.reduce((n, cell) => n + cell.span, 0)));
  const align = Array(columns).fill(null);
  for (const row of rows) {
    let column = 0;
    for (const cell of row.cells) {
      if (cell.span === 1 && cell.align) align[column] = cell.align;
      column += cell.span;
    }
  }
  const headerRows = rows.filter((row) => row.header).length;
  const simple = headerRows === 1 && rows[0].header && rows.every((row) => row.cells.every((cell) => cell.span === 1 && !cell.blocks && !cell.text.includes("\n")));
  return simple ? pipeTable(rows, align) : gridTable(rows, align, columns);
}

function pipeTable(rows, align) {
  const line = (cells) => "| " + cells.join(" | ") + " |";
  const delimiter = align.map((a) => (a === "left" ? ":---" : a === "center" ? ":---:" : a === "right" ? "---:" : "---"));
  return [line(rows[0].cells.map((c) => c.text)), line(delimiter), ...rows.slice(1).map((row) => line(row.cells.map((c) => c.text)))].join("\n");
}

/** A grid table (+---+ borders): rows of several lines, cells of several blocks, cells spanning columns, tables without a header. */
function gridTable(rows, align, columns) {
  const widths = Array(columns).fill(3);
  const lines = rows.map((row) => row.cells.map((cell) => cell.text.split("\n")));
  // Single cells first, then spanning cells widen the last column they span when they need more room.
  for (const pass of [1, 2]) {
    rows.forEach((row, r) => {
      let column = 0;
      row.cells.forEach((cell, c) => {
        if ((cell.span === 1) === (pass === 1)) {
          const need = Math.max(...lines[r][c].map((l) => l.length)) + 2;
          const have = widths.slice(column, column + cell.span).reduce((a, b) => a + b, 0) + cell.span - 1;
          if (need > have) widths[column + cell.span - 1] += need - have;
        }
        column += cell.span;
      });
    });
  }
  const border = (char, withAlign) => "+" + widths.map((w, i) => {
    const a = withAlign ? align[i] : null;
    return (a === "left" || a === "center" ? ":" : char) + char.repeat(w - 2) + (a === "right" || a === "center" ? ":" : char);
  }).join("+") + "+";
  const out = [border("-", true)];
  rows.forEach((row, r) => {
    const height = Math.max(1, ...lines[r].map((l) => l.length));
    for (let k = 0; k < height; k++) {
      let column = 0;
      let text = "|";
      row.cells.forEach((cell, c) => {
        const width = widths.slice(column, column + cell.span).reduce((a, b) => a + b, 0) + cell.span - 1;
        text += (" " + (lines[r][c][k] ?? "")).padEnd(width) + "|";
        column += cell.span;
      });
      out.push(text);
    }
    const lastHeader = row.header && !rows[r + 1]?.header;
    out.push(border(lastHeader ? "=" : "-", false));
  });
  return out.join("\n");
}

function footnotes(element, context) {
  const notes = element.querySelectorAll(":scope > ol > li");
  return [...notes].map((note) => {
    const label = note.id.replace(/^fn:/, "");
    return `[^${label}]: ` + indentFollowing(blocks(note, "\n\n", context), "    ");
  }).join("\n\n");
}

/** Inline content as Markdown; `lineStart` when the first text begins a line where Markdown reads block markup. */
function inlines(nodes, context, lineStart) {
  let out = "";
  let atLineStart = lineStart;
  for (const node of nodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = node.previousSibling?.localName === "br" ? node.data.replace(/^\n/, "") : node.data;
      const lines = data.split("\n");
      out += lines.map((line, i) => escapeText(line, atLineStart || i > 0)).join("\n");
      if (data !== "") atLineStart = data.endsWith("\n");
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const text = inlineElement(node, context, atLineStart);
      out += text;
      if (text !== "") atLineStart = text.endsWith("\n");
    }
  }
  return out;
}

function inlineElement(element, context, lineStart) {
  if (isSkipped(element) || isFootnoteBackLink(element)) return "";
  if (isFootnoteLink(element)) return `[^${element.textContent}]`;
  switch (element.localName) {
    case "br": return "\\\n";
    case "em": return "*" + inlines(element.childNodes, context, false) + "*";
    case "strong": return "**" + inlines(element.childNodes, context, false) + "**";
    case "code": return codeSpan(element.textContent);
    case "a": {
      const attached = element.nextElementSibling?.classList.contains("attachment-info") && element.nextSibling === element.nextElementSibling;
      const href = element.getAttribute("href") ?? "";
      return "[" + inlines(element.childNodes, context, false) + "](" + destination(attached ? attachedFile(href, context) : href) + title(element) + ")";
    }
    case "img": {
      const src = element.getAttribute("src") ?? "";
      return "![" + escapeText(element.alt, false) + "](" + destination(attachedFile(src, context)) + title(element) + ")";
    }
    // Any other element (raw HTML, with raw_html: true) stands for its content.
    default: return isBlock(element) ? block(element, context, false) : inlines(element.childNodes, context, lineStart);
  }
}

/** A link to an attached file (published in the page's folder) as the file's name, as the downloaded report sits beside it. */
function attachedFile(href, context) {
  if (!context.pageHref || !href.startsWith(context.pageHref) || href.length === context.pageHref.length) return href;
  const rest = href.slice(context.pageHref.length);
  const at = rest.search(/[?#]/);
  const [path, suffix] = at < 0 ? [rest, ""] : [rest.slice(0, at), rest.slice(at)];
  try { return path.split("/").map(decodeURIComponent).join("/") + suffix; } catch { return href; }
}

function destination(url) {
  const escaped = url.replace(/[\\&<>]/g, "\\$&");
  return url === "" || /[\s()]/.test(url) ? `<${escaped}>` : escaped;
}

function title(element) {
  const t = element.getAttribute("title");
  return t === null ? "" : ` "${t.replace(/[\\"&]/g, "\\$&")}"`;
}

function codeSpan(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  // One space each side is stripped when both are there, so a code span starting or ending with a space or a backtick gets one more.
  const pad = /\S/.test(text) && /^[ `]|[ `]$/.test(text) ? " " : "";
  return ticks + pad + text + pad + ticks;
}

/** Escapes what Markdown would read as markup in text: inline marks everywhere, block marks where a line begins. */
function escapeText(text, lineStart) {
  let s = text.replace(/[\\`*_[\]<>&|]/g, "\\$&");
  if (lineStart) s = escapeLineStarts(s);
  return s;
}

function escapeLineStarts(s) {
  return s.split("\n").map((line) => line
    .replace(/^[ \t]+/, (spaces) => spaces.replace(/ /g, "&#32;").replace(/\t/g, "&#9;"))
    .replace(/^(#{1,6})(?=[ \t]|$)/, "\\$1")
    .replace(/^([-+])(?=[ \t]|$)/, "\\$1")
    .replace(/^([=-]+)([ \t]*)$/, "\\$1$2")
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, "$1\\$2")
    .replace(/^~~~/, "\\~~~")).join("\n");
}

/** Indents every line but the first (blank lines stay empty): the continuation of a list item or a footnote. */
function indentFollowing(text, indent) {
  return text.split("\n").map((line, i) => (i === 0 || line === "" ? line : indent + line)).join("\n");
}

function prefixLines(text, prefix, empty) {
  return text.split("\n").map((line) => (line === "" ? empty : prefix + line)).join("\n");
}
