// SiteGen live reload: injected by `sitegen serve` into the HTML it serves, never written into the site.
// Reloads the page after a good rebuild and shows the build errors over the page after a failed one.
(() => {
  "use strict";
  let seenBuild = null;
  let overlay = null;

  function hideOverlay() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function showOverlay(info) {
    hideOverlay();
    overlay = document.createElement("div");
    overlay.id = "sitegen-build-error";
    overlay.setAttribute("role", "alert");
    const s = overlay.style;
    s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
    s.background = "rgba(20, 20, 20, 0.94)"; s.color = "#fff"; s.padding = "2rem";
    s.font = "14px/1.5 ui-monospace, monospace";
    const title = document.createElement("h2");
    title.textContent = "SiteGen: " + (info.message || "build failed");
    title.style.color = "#ff8080";
    const list = document.createElement("pre");
    list.style.whiteSpace = "pre-wrap";
    // textContent, never innerHTML: diagnostics quote content, and content is untrusted.
    list.textContent = (info.diagnostics || []).join("\n");
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", hideOverlay);
    overlay.append(close, title, list);
    document.body.append(overlay);
  }

  const source = new EventSource("/__sitegen/events");
  source.addEventListener("hello", (event) => {
    const info = JSON.parse(event.data);
    if (seenBuild !== null && seenBuild !== info.build && info.ok) { location.reload(); return; }
    seenBuild = info.build;
  });
  source.addEventListener("reload", (event) => {
    seenBuild = JSON.parse(event.data).build;
    location.reload();
  });
  source.addEventListener("build-error", (event) => {
    const info = JSON.parse(event.data);
    seenBuild = info.build;
    showOverlay(info);
  });
})();
