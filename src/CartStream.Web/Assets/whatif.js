// The What-If page: the scenario lives in the query string (shareable); the server computes the projection.
import { api, fmt, readFilters, fillFilterForm, writeUrl, renderTable, wireCsvButtons, stamp, showProblem, FILTER_KEYS } from "/assets/common.js";

const LEVERS = ["priceChange", "discount", "elasticity", "volumeGrowth"];
const DEFAULTS = { priceChange: "0", discount: "0", elasticity: "-1.2", volumeGrowth: "0" };
const form = document.getElementById("filters");
const levers = document.getElementById("levers");
const scope = document.getElementById("scope");
// Scenario state: overall levers and per-category overrides, as query parameters.
let scenario = {};

function key(lever) { return scope.value ? `${lever}[${scope.value}]` : lever; }

function showLevers() {
  for (const lever of LEVERS) {
    document.getElementById(lever).value = scenario[key(lever)] ?? scenario[lever] ?? DEFAULTS[lever];
  }
}

function params() {
  const p = { ...readFilters(form) };
  for (const [k, v] of Object.entries(scenario)) p[k] = v;
  return p;
}

async function refresh() {
  const p = params();
  writeUrl(p);
  try {
    const result = await api("/api/whatif", p);
    showProblem("");
    const t = result.total;
    const change = (a, b) => (Number(b) === 0 ? null : ((Number(a) - Number(b)) / Math.abs(Number(b))) * 100);
    const totals = document.getElementById("totals");
    totals.replaceChildren(...[
      ["revenue", "Projected revenue", t.projectedRevenue, t.baselineRevenue, fmt.usd],
      ["margin", "Projected margin", t.projectedMargin, t.baselineMargin, fmt.usd],
      ["units", "Projected units", t.projectedUnits, t.baselineUnits, fmt.number],
    ].map(([k, label, value, base, f]) => {
      const li = document.createElement("li");
      li.className = "tile";
      li.dataset.kpi = k;
      li.dataset.value = value;
      li.dataset.baseline = base;
      li.innerHTML = `<div class="label"></div><div class="value"></div><div class="change"></div>`;
      li.querySelector(".label").textContent = label;
      li.querySelector(".value").textContent = f(value);
      li.querySelector(".change").textContent = `${fmt.percent(change(value, base))} vs baseline ${f(base)}`;
      return li;
    }));
    renderTable(document.getElementById("projection"), [
      { key: "category", label: "Category", kind: "text" },
      { key: "levers", label: "Levers (price %, discount %, elasticity, growth %)", kind: "text",
        value: (r) => (r.levers ? [r.levers.priceChangePercent, r.levers.discountPercent, r.levers.elasticity, r.levers.volumeGrowthPercent].join(" / ") : "") },
      { key: "baselineRevenue", label: "Baseline revenue", kind: "usd" }, { key: "projectedRevenue", label: "Projected revenue", kind: "usd" },
      { key: "baselineMargin", label: "Baseline margin", kind: "usd" }, { key: "projectedMargin", label: "Projected margin", kind: "usd" },
      { key: "baselineUnits", label: "Baseline units", kind: "number" }, { key: "projectedUnits", label: "Projected units", kind: "number" },
    ], [...result.categories, result.total]);
    stamp();
  } catch (error) {
    showProblem(error.message);
  }
}

async function start() {
  const query = new URLSearchParams(location.search);
  const catalog = await api("/api/filters");
  fillFilterForm(form, catalog, query);
  if (!query.get("to") && catalog.lastDay) form.elements.namedItem("to").value = catalog.lastDay;
  if (!query.get("from") && catalog.lastDay) {
    const from = new Date(catalog.lastDay + "T00:00:00Z"); from.setUTCDate(from.getUTCDate() - 6);
    form.elements.namedItem("from").value = from.toISOString().slice(0, 10);
  }
  scope.append(...catalog.categories.map((c) => new Option(c, c)));
  for (const [k, v] of query) if (!FILTER_KEYS.includes(k)) scenario[k] = v;
  for (const lever of LEVERS) scenario[lever] ??= DEFAULTS[lever];
  showLevers();
  wireCsvButtons(document);
  form.addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  levers.addEventListener("submit", (e) => e.preventDefault());
  scope.addEventListener("change", showLevers);
  for (const lever of LEVERS) {
    document.getElementById(lever).addEventListener("input", (e) => {
      if (e.target.value === "") return;
      scenario[key(lever)] = e.target.value;
      refresh();
    });
  }
  document.getElementById("copy").addEventListener("click", async () => {
    const note = document.getElementById("copied");
    try { await navigator.clipboard.writeText(location.href); note.textContent = "Link copied."; }
    catch { note.textContent = "Copy this address: " + location.href; }
  });
  await refresh();
}

start().catch((e) => showProblem(e.message));
