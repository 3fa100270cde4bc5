// The report page's downloads made in the reader's browser (site.yml `downloads: browser`, the default): the report as plain text
// and as Markdown with its front matter, made from the page on click, so the site stores no second and third copy of every
// report. The page carries what is not in its article as a JSON data block: the file names, the plain text's heading lines and
// the front matter, as SiteGen writes them for `downloads: files`. Without JavaScript the buttons stay hidden.

import { markdown } from "./markdown.js";
import { plainText } from "./plain-text.js";

const data = document.querySelector("script[data-download-data]");
const buttons = data?.closest("[data-downloads]");
const body = document.querySelector("[data-search-body] .report-body");

if (data && buttons && body) {
  const facts = JSON.parse(data.textContent);
  const files = {
    text: () => ({ name: facts.text.file, type: "text/plain;charset=utf-8", content: facts.text.head + plainText(pristine(body)) }),
    markdown: () => ({
      name: facts.markdown.file,
      type: "text/markdown;charset=utf-8",
      content: facts.markdown.head + "\n" + markdown(pristine(body), facts.href) + "\n",
    }),
  };
  buttons.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-download]");
    if (button && Object.hasOwn(files, button.dataset.download)) save(files[button.dataset.download]());
  });
  buttons.hidden = false;
}

/** The body as SiteGen rendered it: a copy without the marks search highlighting put around matches. */
function pristine(element) {
  const copy = element.cloneNode(true);
  for (const mark of copy.querySelectorAll("mark.search-hit")) mark.replaceWith(...mark.childNodes);
  copy.normalize();
  return copy;
}

function save({ name, type, content }) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: a browser may still be reading the file when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
