// The search page: reads ?q= (and filters) from the URL, shows results with excerpts, filters with counts and "more results".
// Every state is a URL, so results can be shared and the back button works. Loaded by layouts/search.sbn-html as a module.

const root = document.querySelector("[data-search-root]");
const form = document.querySelector("form.search-form");
const input = document.getElementById("search-q");
const PAGE = 10;
const FILTERS = ["year", "region", "series", "agency"];

// The UI strings come from the theme's i18n files, written by layouts/search.sbn-html as data-text-NAME attributes;
// {0} and {1} stand for the query or a count.
const text = (name, ...args) => (root.getAttribute(`data-text-${name}`) ?? name).replace(/\{(\d)\}/g, (_, i) => String(args[i]));
const T = {
  loading: text("loading"), failed: text("failed"), empty: text("empty"), none: (q) => text("none", q),
  found: (n, done) => text(done ? "found" : "found-at-least", n),
  partial: (q, n, done) => text(done ? "partial" : "partial-at-least", q, n),
  partialLabel: text("partial-label"), more: text("more"), filters: text("filters"), clear: text("all"),
  facet: Object.fromEntries(FILTERS.map((f) => [f, text(`facet-${f}`)])), shown: (n) => text("shown", n),
};

const el = (tag, props = {}, children = []) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
};

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const f of FILTERS) if (params.get(f)) filters[f] = params.get(f);
  return { q: params.get("q") ?? "", filters, count: Math.max(PAGE, Number(params.get("n")) || PAGE) };
}

function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const f of FILTERS) if (state.filters[f]) params.set(f, state.filters[f]);
  if (state.count > PAGE) params.set("n", String(state.count));
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : "");
}

const status = el("p", { class: "search-status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
const facetsBox = el("div", { class: "search-filters" });
const list = el("ol", { class: "search-results" });
const moreButton = el("button", { type: "button", class: "search-more", text: T.more });
moreButton.hidden = true;
root.removeAttribute("aria-live");
root.replaceChildren(status, facetsBox, list, moreButton);

let searchPromise = null;
const openSearch = () => {
  searchPromise ??= import(root.dataset.runtime).then((m) => m.createSearch({ baseUrl: root.dataset.index }));
  return searchPromise;
};

let generation = 0;
const baseTitle = document.title;

async function render(state, { focusFirstNew = -1 } = {}) {
  const mine = ++generation;
  input.value = state.q;
  document.title = state.q ? `${state.q} - ${baseTitle}` : baseTitle;
  if (!state.q.trim()) {
    status.textContent = T.empty;
    facetsBox.replaceChildren();
    list.replaceChildren();
    moreButton.hidden = true;
    return;
  }
  status.textContent = T.loading;
  root.setAttribute("aria-busy", "true");
  try {
    const search = await openSearch();
    const run = search.query(state.q);
    const page = await run.page({ offset: 0, limit: state.count, filters: state.filters });
    const shown = await Promise.all(page.results.map((r) => run.describe(r)));
    if (mine !== generation) return;
    const agencyNames = await Promise.all(page.facets.agency.slice(0, 12).map((a) => search.agencyName(a.code)));
    if (mine !== generation) return;
    list.replaceChildren(...shown.map((r) => resultItem(r, page.partial)));
    facetsBox.replaceChildren(...facetGroups(state, page, search, agencyNames));
    moreButton.hidden = page.total <= page.results.length && page.complete;
    if (page.total === 0) status.textContent = T.none(state.q);
    else if (page.partial) status.textContent = T.partial(state.q, page.total, page.complete);
    else status.textContent = `${T.found(page.total, page.complete)} ${T.shown(shown.length)}`;
    if (focusFirstNew >= 0) list.children[focusFirstNew]?.querySelector("a")?.focus();
  } catch (error) {
    if (mine !== generation) return;
    status.textContent = T.failed;
    console.error(error);
  } finally {
    if (mine === generation) root.removeAttribute("aria-busy");
  }
}

function resultItem(r, partial) {
  const excerpt = el("p", { class: "search-excerpt" }, r.excerpt.map((s) => (s.match ? el("mark", { text: s.text }) : document.createTextNode(s.text))));
  const meta = el("p", { class: "search-meta", text: [r.agency, r.year, r.region].filter(Boolean).join(" · ") });
  const heading = el("h2", {}, [el("a", { href: r.url, text: r.title })]);
  if (partial) heading.append(" ", el("span", { class: "search-partial", text: `(${T.partialLabel})` }));
  return el("li", {}, [heading, meta, excerpt]);
}

function facetGroups(state, page, search, agencyNames) {
  const names = { agency: agencyNames };
  const groups = [];
  for (const f of FILTERS) {
    const values = page.facets[f].slice(0, f === "year" ? 20 : 12);
    if (values.length === 0 && !state.filters[f]) continue;
    const items = [el("li", {}, [filterLink(state, f, null, T.clear, state.filters[f] === undefined)])];
    values.forEach((v, i) => {
      const label = f === "agency" ? names.agency[i] : v.name;
      const value = f === "agency" ? String(v.code) : v.name;
      items.push(el("li", {}, [filterLink(state, f, value, `${label} (${v.count}${page.complete ? "" : "+"})`, state.filters[f] === value)]));
    });
    const heading = el("h2", { id: `facet-${f}`, text: T.facet[f] });
    groups.push(el("section", { class: "search-facet", "aria-labelledby": `facet-${f}` }, [heading, el("ul", {}, items)]));
  }
  return groups.length ? [el("nav", { "aria-label": T.filters }, groups)] : [];
}

function filterLink(state, facet, value, label, current) {
  const filters = { ...state.filters };
  if (value === null) delete filters[facet]; else filters[facet] = value;
  const next = { q: state.q, filters, count: PAGE };
  const link = el("a", { href: urlFor(next), text: label, "data-facet": facet });
  if (current) link.setAttribute("aria-current", "true");
  link.addEventListener("click", (event) => {
    event.preventDefault();
    navigate(next);
  });
  return link;
}

function navigate(state, options) {
  history.pushState(null, "", urlFor(state));
  render(state, options);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  navigate({ q: input.value.trim(), filters: {}, count: PAGE });
});

moreButton.addEventListener("click", () => {
  const state = readState();
  const first = state.count;
  navigate({ ...state, count: state.count + PAGE }, { focusFirstNew: first });
});

addEventListener("popstate", () => render(readState()));
render(readState());
