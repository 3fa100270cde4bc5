// The plain text of a rendered report body, read from the page by the rules SiteGen writes it by when a site builds its downloads
// as files (src/SiteGen/Render/PlainTextWriter.cs): the two are the same bytes. A container's blocks are separated by a blank line,
// a list's items and an item's blocks by a line end (by a blank line in a loose list), an ordered item starts with its number and
// ". ", a table row is one line with its cells separated by tabs, footnotes follow the body as "[1] text".

import { isBlock, isFootnoteBackLink, isFootnoteLink, isLoose, isSkipped, runs } from "./blocks.js";

const BLANK_LINE = "\n\n";

/** The body's text, ending with a line end unless it has none. */
export function plainText(body) {
  const text = blocks(body, BLANK_LINE);
  return text === "" ? "" : text + "\n";
}

function blocks(container, separator) {
  const parts = [];
  for (const part of runs(container)) {
    const text = Array.isArray(part) ? inlineRun(part) : block(part);
    if (text !== "") parts.push(text);
  }
  return parts.join(separator);
}

function block(element) {
  switch (element.localName) {
    case "p": case "h1": case "h2": case "h3": case "h4": case "h5": case "h6":
      return inlines(element.childNodes);
    case "pre":
      return element.textContent.replace(/\n$/, "");
    case "hr":
      return "";
    case "ul": case "ol": {
      const separator = isLoose(element) ? BLANK_LINE : "\n";
      const items = [];
      let number = element.localName === "ol" ? element.start : null;
      for (const item of element.children) {
        if (item.localName !== "li") continue;
        const text = (number === null ? "" : `${number++}. `) + blocks(item, separator);
        if (text !== "") items.push(text);
      }
      return items.join(separator);
    }
    case "table":
      return [...element.rows].map((row) => [...row.cells].map((cell) => blocks(cell, "\n")).join("\t")).join("\n");
    case "div":
      if (element.classList.contains("footnotes")) {
        const notes = element.querySelectorAll(":scope > ol > li");
        return [...notes].map((note) => `[${note.id.replace(/^fn:/, "")}] ${blocks(note, "\n")}`).join("\n");
      }
      return blocks(element, BLANK_LINE);
    default:
      return blocks(element, BLANK_LINE);
  }
}

/** An implicit paragraph (a tight list item's or a table cell's text): the line ends Markdig writes around it are not its text. */
function inlineRun(nodes) {
  return inlines(nodes).replace(/^\n+|\n+$/g, "");
}

function inlines(nodes) {
  let text = "";
  for (const node of nodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      // A hard break is written "<br />\n": the line end after it is the break, not text.
      text += node.previousSibling?.localName === "br" ? node.data.replace(/^\n/, "") : node.data;
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      text += inlineElement(node);
    }
  }
  return text;
}

function inlineElement(element) {
  if (isSkipped(element) || isFootnoteBackLink(element)) return "";
  if (isFootnoteLink(element)) return `[${element.textContent}]`;
  switch (element.localName) {
    case "br": return "\n";
    case "img": return element.alt;
    default: return isBlock(element) ? block(element) : inlines(element.childNodes);
  }
}
