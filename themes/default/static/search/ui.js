// The search page: a catalogue of the reports. Reads the state (query, filters, sort, page) from the URL, shows the count
// (exact, or an estimate with an action that counts exactly), the results with excerpts, facets with counts (a side column on
// wide screens, a collapsed panel on phones), and pages. Every state is a URL: shareable, and the back button restores it.
// A query word with synonyms is also searched under its other forms (expand.js with search/synonyms.json), said on the page
// with a link that searches only what was typed (?expand=0); the search box suggests agency and place names as people type
// (an ARIA 1.2 combobox over search/names.json, fetched once), and a search that finds nothing offers the closest names.
// Loaded by layouts/search.sbn-html as a module; index data only ever becomes text (see tests/js/search/sinks.test.js).

const root = document.querySelector("[data-search-root]");
const form = document.querySelector("form.search-form");
const input = document.getElementById("search-q");
const english = (document.documentElement.lang || "").toLowerCase().startsWith("en");
const PER_PAGE = 10;
const LIST_FACETS = ["region", "agency", "series"];

// The UI strings come from the theme's i18n files (keys search_*), which layouts/search.sbn-html writes as data-text-NAME
// attributes (search_count → data-text-search-count); {name} is filled in.
const t = (key, values = {}) =>
  (root.getAttribute(`data-text-${key.replace(/_/g, "-")}`) ?? key).replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
const numbers = new Intl.NumberFormat(english ? "en" : "zh-CN");

/** Builds an element: "text" becomes its textContent, every other property an attribute; children are appended. */
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

// ---------------------------------------------------------------------------------------------------------------
// State ⇄ URL

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = { year: params.getAll("year"), region: params.getAll("region"), agency: params.getAll("agency"), series: params.getAll("series") };
  if (params.get("from")) filters.from = params.get("from");
  if (params.get("to")) filters.to = params.get("to");
  const sort = ["relevance", "newest", "oldest"].includes(params.get("sort")) ? params.get("sort") : null;
  return { q: (params.get("q") ?? "").trim(), filters, sort, page: Math.max(1, Number(params.get("page")) || 1), typedOnly: params.get("expand") === "0" };
}

function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.q && state.typedOnly) params.set("expand", "0");
  for (const f of ["year", ...LIST_FACETS]) for (const v of state.filters[f] ?? []) params.append(f, v);
  if (state.filters.from) params.set("from", state.filters.from);
  if (state.filters.to) params.set("to", state.filters.to);
  if (state.sort) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : "");
}

const chosenCount = (f) => ["year", ...LIST_FACETS].reduce((n, k) => n + (f[k]?.length ?? 0), 0) + (f.from ? 1 : 0) + (f.to ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
// Page structure: status and controls, the filter panel, the results and the pager.

const status = el("p", { class: "search-status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
// What the query was also searched as (or that only what was typed was), with the link that switches; announced on its own.
const expansionNote = el("p", { class: "search-expansion", "aria-live": "polite" });
// The closest agency and place names, when no report matches exactly.
const closest = el("div", { class: "search-closest" });
const exactButton = el("button", { type: "button", class: "search-exact", text: t("search_count_exactly") });
exactButton.hidden = true;
const toggle = el("button", { type: "button", class: "search-filter-toggle", "aria-expanded": "false", "aria-controls": "search-filters", text: t("search_filters") });
const sortSelect = el("select", { id: "search-sort" });
const sortControl = el("p", { class: "search-sort" }, [el("label", { for: "search-sort", text: t("search_sort") }), " ", sortSelect]);
const panel = el("div", { id: "search-filters", class: "search-filters", role: "region", "aria-label": t("search_filters") });
const list = el("ol", { class: "search-results", id: "search-result-list", tabindex: "-1", "aria-label": t("search_results") });
const pager = el("nav", { class: "search-pager", "aria-label": t("search_pages") });
root.removeAttribute("aria-live");
root.replaceChildren(
  el("div", { class: "search-toolbar" }, [el("div", { class: "search-summary" }, [status, exactButton]), el("div", { class: "search-controls" }, [toggle, sortControl])]),
  expansionNote,
  el("div", { class: "search-layout" }, [panel, el("div", { class: "search-main" }, [closest, list, pager])]),
);

// On wide screens the panel is a side column, always open; on phones it starts collapsed behind the toggle.
const wide = matchMedia("(min-width: 56rem)");
let panelOpen = false;
function layoutPanel() {
  toggle.hidden = wide.matches;
  panel.hidden = !wide.matches && !panelOpen;
  toggle.setAttribute("aria-expanded", String(!panel.hidden));
}
wide.addEventListener("change", layoutPanel);
toggle.addEventListener("click", () => {
  panelOpen = !panelOpen;
  layoutPanel();
});
layoutPanel();

const loadJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
};

// The synonyms table and the names file, each fetched once; a site without one still searches (without expansion or names).
let synonymsPromise = null;
const openSynonyms = () => {
  synonymsPromise ??= Promise.all([import(root.dataset.expand), loadJson(root.dataset.synonyms)])
    .then(([m, json]) => ({ expandQuery: m.expandQuery, table: m.loadSynonyms(json) }))
    .catch((error) => { console.error(error); return null; });
  return synonymsPromise;
};
let namesPromise = null;
const openNames = () => {
  namesPromise ??= Promise.all([import(root.dataset.namesRuntime), loadJson(root.dataset.names), openSynonyms()])
    .then(([m, json, synonyms]) => ({ ...m, names: m.loadNames(json), synonyms: synonyms?.table ?? null }))
    .catch((error) => { console.error(error); return null; });
  return namesPromise;
};

let runtime = null;
let searchPromise = null;
const openSearch = () => {
  searchPromise ??= Promise.all([import(root.dataset.runtime), openSynonyms()]).then(([m, synonyms]) => {
    runtime = m;
    return m.createSearch({ baseUrl: root.dataset.index, expand: synonyms ? (q) => synonyms.expandQuery(q, synonyms.table) : null });
  });
  return searchPromise;
};
const formatCount = (count) => numbers.format(runtime.shownCount(count));

let generation = 0;
const baseTitle = document.title;

async function render(state, { exact = false, focus = null } = {}) {
  const mine = ++generation;
  input.value = state.q;
  document.title = state.q ? `${state.q} - ${baseTitle}` : baseTitle;
  // While searching or filtering, the introduction gives its room to the results.
  document.querySelector("main")?.classList.toggle("search-active", Boolean(state.q) || chosenCount(state.filters) > 0);
  status.textContent = exact ? t("search_counting") : t("search_loading");
  root.setAttribute("aria-busy", "true");
  try {
    const search = await openSearch();
    const view = await search.view({ q: state.q, filters: state.filters, sort: state.sort ?? undefined, page: state.page, perPage: PER_PAGE, exact,
      typedOnly: state.typedOnly });
    const offers = view.mode === "none" || view.mode === "partial" ? await closestOffers(state) : [];
    if (mine !== generation) return;
    showStatus(state, view);
    showExpansion(state, view);
    closest.replaceChildren(...offers);
    sortSelect.replaceChildren(...sortOptions(view));
    list.replaceChildren(...view.results.map((r) => resultItem(r)));
    panel.replaceChildren(...facetPanel(state, view));
    pager.replaceChildren(...pagerLinks(state, view));
    const chosen = chosenCount(state.filters);
    toggle.textContent = chosen ? t("search_filters_chosen", { n: chosen }) : t("search_filters");
    if (focus === "results") list.querySelector("a")?.focus();
    else if (focus) panel.querySelector(`[data-key="${CSS.escape(focus)}"]`)?.focus();
  } catch (error) {
    if (mine !== generation) return;
    status.textContent = t("search_failed");
    console.error(error);
  } finally {
    if (mine === generation) root.removeAttribute("aria-busy");
  }
}

function showStatus(state, view) {
  const n = formatCount(view.count);
  exactButton.hidden = !view.exactAvailable;
  if (view.mode === "none") status.textContent = t("search_none", { q: state.q });
  else if (view.mode === "partial") status.textContent = t("search_partial", { q: state.q, n });
  else if (view.mode === "browse") status.textContent = t("search_count_browse", { n });
  else status.textContent = t(view.count.exact ? "search_count" : "search_count_estimate", { n });
}

function showExpansion(state, view) {
  const { added, applied } = view.expansion;
  if (added.length === 0) { expansionNote.replaceChildren(); return; }
  const terms = added.join(t("search_list_separator"));
  expansionNote.replaceChildren(...(applied
    ? [t("search_also_searched", { terms }), " ", link({ ...state, typedOnly: true, page: 1 }, t("search_only_typed", { q: state.q }))]
    : [t("search_typed_only", { q: state.q }), " ", link({ ...state, typedOnly: false, page: 1 }, t("search_also_search", { terms }))]));
}

/** The state that shows one agency's or place's reports (a suggestion or a closest name chosen): its facet filter. */
function nameState(s) {
  const { filters } = readState();
  const [facet, value] = s.kind === "agency" ? ["agency", s.name] : ["region", s.path.join("›")];
  return { q: "", filters: { ...filters, [facet]: [value] }, sort: null, page: 1 };
}

const kindText = (s) => t(s.kind === "agency" ? "search_suggestion_agency" : "search_suggestion_region");

/** "Did you mean": the closest agency and place names to a query that found nothing, each a link to its reports. */
async function closestOffers(state) {
  const loaded = await openNames();
  if (!loaded || !state.q) return [];
  const found = loaded.closestNames(loaded.names, state.q, { synonyms: loaded.synonyms });
  if (found.length === 0) return [];
  return [el("p", { text: t("search_closest") }), el("ul", {}, found.map((s) => el("li", {}, [link(nameState(s), s.name), ` (${[kindText(s), s.path.slice(0, -1).join("›")].filter(Boolean).join(" · ")})`])))];
}

function sortOptions(view) {
  const keys = view.mode === "browse" ? ["newest", "oldest"] : ["relevance", "newest", "oldest"];
  return keys.map((k) => {
    const option = el("option", { value: k, text: t(`search_sort_${k}`) });
    option.selected = k === view.sort;
    return option;
  });
}

function resultItem(r) {
  const heading = el("h2", {}, [el("a", { href: r.url, text: r.title })]);
  if (r.partial) heading.append(" ", el("span", { class: "search-partial", text: `(${t("search_partial_label")})` }));
  const facts = [r.agency, r.region, r.year, r.published ? t("search_published", { date: r.published }) : ""].filter(Boolean).join(" · ");
  const children = [heading, el("p", { class: "search-meta", text: facts })];
  if (r.file) children.push(el("p", { class: "search-file" }, [t("search_in_file"), el("a", { href: r.file.href, text: r.file.name })]));
  if (r.excerpt.length) {
    children.push(el("p", { class: "search-excerpt" }, r.excerpt.map((s) => (s.match ? el("mark", { text: s.text }) : document.createTextNode(s.text)))));
  }
  return el("li", {}, children);
}

// ---------------------------------------------------------------------------------------------------------------
// Facets: several values of one facet at once (checkboxes), a year range, the region tree drilled down from province to county.

function facetPanel(state, view) {
  const parts = [el("a", { href: "#search-result-list", class: "skip-to-results", text: t("search_skip_to_results") })];
  if (chosenCount(state.filters) > 0) {
    const next = { ...state, filters: { year: [], region: [], agency: [], series: [] }, page: 1 };
    parts.push(el("p", { class: "search-clear" }, [link(next, t("search_clear_filters"))]));
  }
  const facets = view.facets;
  parts.push(fieldset("year", t("search_facet_year"), [yearRange(state, facets.years), checkboxList(state, "year", facets.year)]));
  const regions = regionTree(state, facets.region);
  if (regions) parts.push(fieldset("region", t("search_facet_region"), [regions]));
  if (facets.agency.length) parts.push(fieldset("agency", t("search_facet_agency"), [checkboxList(state, "agency", facets.agency)]));
  if (facets.series.length) parts.push(fieldset("series", t("search_facet_series"), [checkboxList(state, "series", facets.series)]));
  return parts;
}

function fieldset(facet, legend, children) {
  return el("fieldset", { class: `search-facet facet-${facet}` }, [el("legend", { text: legend }), ...children]);
}

const countText = (v) => {
  const n = formatCount({ value: v.count, exact: v.exact });
  return `(${v.exact ? n : t("search_about", { n })})`;
};

/** One facet value as a checkbox; <paramref name="next"/> gives the state after it is checked or unchecked. */
function facetCheckbox(facet, v, next) {
  const key = `${facet}:${v.value}`;
  const id = `f-${facet}-${hashId(String(v.value))}`;
  const box = el("input", { type: "checkbox", id, "data-key": key, "data-facet": facet, value: String(v.value) });
  box.checked = v.selected;
  box.addEventListener("change", () => navigate(next(box.checked), { focus: key }));
  return el("li", {}, [box, " ", el("label", { for: id }, [v.label, " ", el("span", { class: "search-facet-count", text: countText(v) })])]);
}

/** A list facet: checking a value adds it to the facet's chosen values (any of them may match), unchecking removes it. */
function checkboxList(state, facet, values) {
  return el("ul", {}, values.map((v) => facetCheckbox(facet, v, (checked) => {
    const chosen = new Set(state.filters[facet] ?? []);
    if (checked) chosen.add(String(v.value)); else chosen.delete(String(v.value));
    return { ...state, filters: { ...state.filters, [facet]: [...chosen] }, page: 1 };
  })));
}

/**
 * The region tree: provinces, and under each chosen region (and each region above a chosen one) its cities or counties.
 * Choosing a region inside a chosen one narrows to it: a region and the regions above or below it are never chosen together.
 */
function regionTree(state, values) {
  const chosen = new Set(state.filters.region ?? []);
  const byParent = new Map();
  for (const v of values) {
    const key = v.parent ?? "";
    if (!byParent.has(key)) byParent.set(key, []);
    byParent.get(key).push(v);
  }
  const related = (a, b) => a.startsWith(`${b}›`) || b.startsWith(`${a}›`);
  const open = (path) => [...chosen].some((c) => c === path || c.startsWith(`${path}›`));
  const level = (parent) => {
    const children = (byParent.get(parent) ?? []).sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
    if (children.length === 0) return null;
    return el("ul", {}, children.map((v) => {
      const item = facetCheckbox("region", v, (checked) => {
        const next = new Set([...chosen].filter((c) => !(checked && related(c, v.value))));
        if (checked) next.add(v.value); else next.delete(v.value);
        return { ...state, filters: { ...state.filters, region: [...next] }, page: 1 };
      });
      const sub = open(v.value) ? level(v.value) : null;
      if (sub) item.append(sub);
      return item;
    }));
  };
  return level("");
}

function yearRange(state, years) {
  const sorted = [...years].sort((a, b) => a - b);
  const select = (name, label) => {
    const id = `search-year-${name}`;
    const box = el("select", { id, "data-key": `year-${name}` }, [el("option", { value: "", text: t("search_year_any") }), ...sorted.map((y) => el("option", { value: String(y), text: String(y) }))]);
    box.value = state.filters[name] ?? "";
    box.addEventListener("change", () => {
      const filters = { ...state.filters };
      if (box.value) filters[name] = box.value; else delete filters[name];
      navigate({ ...state, filters, page: 1 }, { focus: `year-${name}` });
    });
    return el("span", { class: "search-year-bound" }, [el("label", { for: id, text: t(`search_year_${name}`) }), " ", box]);
  };
  return el("div", { class: "search-year-range", role: "group", "aria-label": t("search_year_range") }, [select("from"), " ", select("to")]);
}

/** A short stable id for a facet value (ids must be unique on the page and valid in CSS selectors). */
function hashId(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

// ---------------------------------------------------------------------------------------------------------------
// Pages and navigation.

function pagerLinks(state, view) {
  if (view.pages <= 1 && view.page <= 1) return [];
  const items = [];
  if (view.page > 1) items.push(el("li", {}, [link({ ...state, page: view.page - 1 }, t("search_previous"), "results")]));
  items.push(el("li", { class: "search-page-of", text: t(view.count.exact ? "search_page_of" : "search_page_of_about", { page: view.page, pages: numbers.format(view.pages) }) }));
  if (view.page < view.pages) items.push(el("li", {}, [link({ ...state, page: view.page + 1 }, t("search_next"), "results")]));
  return [el("ul", {}, items)];
}

function link(state, text, focus = null) {
  const a = el("a", { href: urlFor(state), text });
  a.addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(state, { focus });
  });
  return a;
}

function navigate(state, options) {
  history.pushState(null, "", urlFor(state));
  render(state, options);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  closeSuggestions();
  const current = readState();
  navigate({ q: input.value.trim(), filters: current.filters, sort: null, page: 1 });
});

// ---------------------------------------------------------------------------------------------------------------
// Suggestions as you type: the ARIA 1.2 combobox pattern (list autocomplete). Down/Up move through the names (the input keeps
// focus; aria-activedescendant says which), Enter filters by the active one, Escape closes the list, and how many there are is
// announced. Choosing a name shows that agency's or place's reports.

const SUGGESTIONS = 8;
const listbox = el("ul", { id: "search-suggestions", class: "search-suggestions", role: "listbox", "aria-label": t("search_suggestions") });
const suggestionCount = el("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
listbox.hidden = true;
form.classList.add("search-combobox");
input.after(listbox);
form.append(suggestionCount);
for (const [k, v] of Object.entries({ role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": listbox.id })) input.setAttribute(k, v);

let shown = [];
let active = -1;

function closeSuggestions() {
  listbox.hidden = true;
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
  active = -1;
}

function setActive(index) {
  active = index;
  listbox.querySelectorAll("[role=option]").forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
  if (index < 0) input.removeAttribute("aria-activedescendant");
  else {
    input.setAttribute("aria-activedescendant", `search-suggestion-${index}`);
    listbox.children[index].scrollIntoView({ block: "nearest" });
  }
}

function choose(index) {
  const s = shown[index];
  closeSuggestions();
  navigate(nameState(s), { focus: null });
}

let typing = 0;
input.addEventListener("input", async () => {
  const mine = ++typing;
  const text = input.value.trim();
  const loaded = text ? await openNames() : null;
  if (mine !== typing) return;
  shown = loaded ? loaded.suggest(loaded.names, text, { limit: SUGGESTIONS }) : [];
  listbox.replaceChildren(...shown.map((s, i) => {
    const where = s.path.slice(0, -1).join("›");
    const option = el("li", { id: `search-suggestion-${i}`, role: "option", "aria-selected": "false" },
      [el("span", { class: "search-suggestion-name", text: s.name }), " ", el("span", { class: "search-suggestion-where", text: where ? `${kindText(s)} · ${where}` : kindText(s) })]);
    // The input keeps focus (a click does not blur it), so the list stays a combobox's popup.
    option.addEventListener("mousedown", (event) => event.preventDefault());
    option.addEventListener("click", () => choose(i));
    return option;
  }));
  active = -1;
  input.removeAttribute("aria-activedescendant");
  if (shown.length === 0) { closeSuggestions(); suggestionCount.textContent = ""; return; }
  listbox.hidden = false;
  input.setAttribute("aria-expanded", "true");
  suggestionCount.textContent = t("search_suggestions_count", { n: shown.length });
});

input.addEventListener("keydown", (event) => {
  const open = !listbox.hidden;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (shown.length === 0) return;
    event.preventDefault();
    if (!open) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
    const step = event.key === "ArrowDown" ? 1 : -1;
    setActive(active < 0 ? (step > 0 ? 0 : shown.length - 1) : (active + step + shown.length) % shown.length);
  } else if (event.key === "Enter" && open && active >= 0) {
    event.preventDefault();
    choose(active);
  } else if (event.key === "Escape" && open) {
    // Closes the list and keeps what was typed (a search field's Escape would also clear it).
    event.preventDefault();
    closeSuggestions();
  }
});
input.addEventListener("blur", () => closeSuggestions());

sortSelect.addEventListener("change", () => {
  const state = readState();
  navigate({ ...state, sort: sortSelect.value, page: 1 }, { focus: null });
});

exactButton.addEventListener("click", () => render(readState(), { exact: true }));

addEventListener("popstate", () => render(readState()));
render(readState());
