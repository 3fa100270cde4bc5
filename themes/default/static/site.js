// Progressive enhancement for every page (the page works without it): the text-size control, the print button,
// keyboard scrolling of wide tables, and the catalogue printed open.
// Loaded as a classic blocking script in <head> so a saved text size applies before the first paint (no reflow
// jump); everything that needs the page waits for DOMContentLoaded.
(() => {
  const root = document.documentElement;
  const key = "sitegen-text-size";
  const clamp = (n) => Math.max(-1, Math.min(2, n));

  function apply(size) {
    if (size === 0) root.removeAttribute("data-text-size");
    else root.setAttribute("data-text-size", String(size));
  }

  let size = 0;
  try { size = clamp(Number(localStorage.getItem(key)) || 0); } catch { size = 0; }
  apply(size);

  // A table wider than its column scrolls sideways; a tab stop lets keyboard users scroll it too.
  function markScrollableTables() {
    for (const table of document.querySelectorAll(".report-body table")) {
      if (table.scrollWidth > table.clientWidth) table.tabIndex = 0;
      else table.removeAttribute("tabindex");
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const group of document.querySelectorAll(".text-size")) {
      group.hidden = false;
      group.addEventListener("click", (event) => {
        const button = event.target.closest("button[data-text-size]");
        if (!button) return;
        size = clamp(size + Number(button.dataset.textSize));
        apply(size);
        try { localStorage.setItem(key, String(size)); } catch { /* storage may be disabled */ }
        markScrollableTables();
      });
    }

    for (const button of document.querySelectorAll("button[data-print]")) {
      button.closest("[hidden]")?.removeAttribute("hidden");
      button.addEventListener("click", () => window.print());
    }

    markScrollableTables();
    addEventListener("resize", markScrollableTables);
  });

  // A closed <details> prints closed; open the catalogue so the printed report carries its 政府信息公开 fields.
  addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details.catalogue")) details.open = true;
  });
})();
