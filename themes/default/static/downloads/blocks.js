// How the rendered report body is read by the downloads: which elements are blocks, which are SiteGen's own additions rather than
// the report's text, and how a container's children fall into blocks and runs of inline content.

const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "details", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2",
  "h3", "h4", "h5", "h6", "header", "hr", "li", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
]);

export const isBlock = (node) => node.nodeType === Node.ELEMENT_NODE && BLOCKS.has(node.localName);

/** Not the report's text: the type and size SiteGen writes after a link to an attached file, and scripts. */
export const isSkipped = (element) =>
  element.classList.contains("attachment-info") || element.localName === "script" || element.localName === "style" || element.localName === "template";

/** A reference to a footnote (<a class="footnote-ref"><sup>1</sup></a>) and the way back from one. */
export const isFootnoteLink = (element) => element.localName === "a" && element.classList.contains("footnote-ref");
export const isFootnoteBackLink = (element) => element.localName === "a" && element.classList.contains("footnote-back-ref");

/** A loose list (Markdig's IsLoose) writes its items' paragraphs as <p>; a tight one writes their text alone. */
export const isLoose = (list) => [...list.children].some((item) => [...item.children].some((child) => child.localName === "p"));

/** The children of a container as its blocks (elements) and its runs of inline content (arrays of nodes); the white space Markdig
 * writes between blocks is neither. */
export function* runs(container) {
  let run = [];
  const flush = function* () {
    if (run.some((node) => node.nodeType !== Node.TEXT_NODE || /\S/.test(node.data))) yield run;
    run = [];
  };
  for (const node of container.childNodes) {
    if (isBlock(node)) {
      yield* flush();
      yield node;
    } else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE) {
      run.push(node);
    }
  }
  yield* flush();
}
