// Progressive enhancement for every page: the text-size control (the page works without it).
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

for (const group of document.querySelectorAll(".text-size")) {
  group.hidden = false;
  group.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-text-size]");
    if (!button) return;
    size = clamp(size + Number(button.dataset.textSize));
    apply(size);
    try { localStorage.setItem(key, String(size)); } catch { /* storage may be disabled */ }
  });
}
