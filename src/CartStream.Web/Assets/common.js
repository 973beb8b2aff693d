// Shared by the three pages: formatting, the API client, tables with CSV export, SVG charts, polling.
"use strict";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const dec = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export const fmt = {
  usd: (v) => usd.format(Number(v)),
  count: (v) => int.format(Number(v)),
  number: (v) => dec.format(Number(v)),
  ratio: (v) => (Number(v) * 100).toFixed(2) + " %",
  percent: (v) => (v === null || v === undefined) ? "n/a" : (Number(v) > 0 ? "+" : "") + Number(v).toFixed(1) + " %",
};

export const FILTER_KEYS = ["from", "to", "country", "category", "channel"];

/** Writes a problem (ProblemDetails or a network error) into the page's alert region. */
export function showProblem(text) {
  const region = document.getElementById("problem");
  if (region) region.textContent = text || "";
}

/** GET a JSON endpoint; a ProblemDetails answer becomes an Error with its detail. */
export async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") query.set(k, v);
  const response = await fetch(path + (query.toString() ? "?" + query : ""), { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(body && (body.detail || body.title) || ("HTTP " + response.status));
    error.problem = body;
    throw error;
  }
  return body;
}

/** The filter values of the form (empty ones left out). */
export function readFilters(form) {
  const values = {};
  for (const key of FILTER_KEYS) {
    const input = form.elements.namedItem(key);
    if (input && input.value) values[key] = input.value;
  }
  return values;
}

/** Fills the form from the page's query string, and the selects from the catalog. */
export function fillFilterForm(form, catalog, params) {
  for (const [key, values] of [["country", catalog.countries], ["category", catalog.categories], ["channel", catalog.channels]]) {
    const select = form.elements.namedItem(key);
    if (!select) continue;
    const chosen = params.get(key) || select.value;
    select.replaceChildren(new Option("All", ""), ...values.map((v) => new Option(v, v)));
    select.value = values.includes(chosen) ? chosen : "";
  }
  for (const key of ["from", "to"]) {
    const input = form.elements.namedItem(key);
    if (input && params.get(key)) input.value = params.get(key);
  }
}

/** Keeps the URL in step with the filters, so a view can be bookmarked and shared. */
export function writeUrl(values) {
  const query = new URLSearchParams(values);
  history.replaceState(null, "", location.pathname + (query.toString() ? "?" + query : ""));
}

/**
 * Renders rows into a table: columns are { key, label, kind: "text"|"usd"|"count"|"ratio"|"number"|"percent", value? }.
 * Each numeric cell keeps its exact value in data-value; the CSV button exports the exact values.
 */
export function renderTable(table, columns, rows) {
  const head = table.tHead || table.createTHead();
  head.replaceChildren(row("th", columns.map((c) => ({ text: c.label, num: c.kind !== "text" }))));
  for (const th of head.querySelectorAll("th")) th.scope = "col";
  const body = table.tBodies[0] || table.createTBody();
  body.replaceChildren(...rows.map((r) => {
    const tr = document.createElement("tr");
    for (const c of columns) {
      const raw = c.value ? c.value(r) : r[c.key];
      const td = document.createElement("td");
      if (c.render) td.append(c.render(r));
      else td.textContent = c.kind === "text" || !fmt[c.kind] ? (raw ?? "") : fmt[c.kind](raw);
      if (c.kind !== "text") { td.className = "num"; td.dataset.value = raw ?? ""; }
      td.dataset.col = c.key;
      tr.append(td);
    }
    return tr;
  }));
  table._csv = { columns, rows };
}

function row(cell, cells) {
  const tr = document.createElement("tr");
  for (const c of cells) {
    const el = document.createElement(cell);
    el.textContent = c.text;
    if (c.num) el.className = "num";
    tr.append(el);
  }
  return tr;
}

/** The CSV text of a rendered table: a header of labels, exact values, RFC 4180 quoting. */
export function tableCsv(table) {
  const { columns, rows } = table._csv || { columns: [], rows: [] };
  const quote = (v) => { const s = String(v ?? ""); return /[",\n]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s; };
  return [columns.map((c) => quote(c.label)), ...rows.map((r) => columns.map((c) => quote(c.value ? c.value(r) : r[c.key])))]
    .map((line) => line.join(",")).join("\r\n") + "\r\n";
}

/** Adds a "Download CSV" button before every table with a data-csv name. */
export function wireCsvButtons(root) {
  for (const table of root.querySelectorAll("table[data-csv]")) {
    const tools = document.createElement("div");
    tools.className = "table-tools";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = "Download CSV";
    button.setAttribute("aria-label", "Download " + (table.caption ? table.caption.textContent : table.dataset.csv) + " as CSV");
    button.addEventListener("click", () => {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([tableCsv(table)], { type: "text/csv" }));
      link.download = table.dataset.csv + ".csv";
      document.body.append(link);
      link.click();
      link.remove();
    });
    tools.append(button);
    table.before(tools);
  }
}

const SVG = "http://www.w3.org/2000/svg";
function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A line chart of one or more series [{ name, cls, points: [{ x: index, y }] }] drawn into an svg element,
 * with x labels (by index) and a y axis from 0. Our own SVG: no third-party code, the numbers stay in the tables.
 */
export function lineChart(svg, series, labels, describe) {
  const w = 600, h = 220, left = 64, bottom = 24, top = 8, right = 8;
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", describe);
  svg.replaceChildren();
  const n = Math.max(1, ...series.map((s) => s.points.length), labels.length);
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => Number(p.y))));
  const x = (i) => left + (n <= 1 ? 0 : (i * (w - left - right)) / (n - 1));
  const y = (v) => h - bottom - (Number(v) / max) * (h - bottom - top);
  for (const frac of [0, 0.5, 1]) {
    svg.append(el("line", { x1: left, x2: w - right, y1: y(max * frac), y2: y(max * frac), stroke: "#d0d7de" }));
    svg.append(el("text", { x: left - 4, y: y(max * frac) + 4, "text-anchor": "end" }, dec.format(max * frac)));
  }
  const step = Math.max(1, Math.ceil(labels.length / 6));
  labels.forEach((label, i) => { if (i % step === 0) svg.append(el("text", { x: x(i), y: h - 6, "text-anchor": "middle" }, label)); });
  for (const s of series) {
    if (s.points.length === 0) continue;
    const d = s.points.map((p, i) => (i ? "L" : "M") + x(p.x).toFixed(1) + " " + y(p.y).toFixed(1)).join(" ");
    svg.append(el("path", { d, fill: "none", stroke: s.color, "stroke-width": 2, "stroke-dasharray": s.dashed ? "5 4" : "" }));
  }
}

/** Horizontal bars [{ label, value }] (shares of a mix or a top list), labelled with their value. */
export function barChart(svg, bars, format, describe) {
  const rowH = 22, w = 600, left = 140;
  const h = Math.max(rowH, bars.length * rowH);
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.style.height = h + "px";
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", describe);
  svg.replaceChildren();
  const max = Math.max(1, ...bars.map((b) => Number(b.value)));
  bars.forEach((b, i) => {
    const width = (Number(b.value) / max) * (w - left - 110);
    svg.append(el("text", { x: left - 6, y: i * rowH + 15, "text-anchor": "end" }, b.label));
    svg.append(el("rect", { x: left, y: i * rowH + 4, width: Math.max(1, width), height: rowH - 8, fill: "#0b5cad" }));
    svg.append(el("text", { x: left + width + 6, y: i * rowH + 15 }, format(b.value)));
  });
}

/** Calls refresh now and every `seconds` while the box is ticked and the tab visible. */
export function poll(refresh, seconds, checkbox) {
  let timer = null;
  const schedule = () => {
    clearTimeout(timer);
    if (!checkbox || checkbox.checked) timer = setTimeout(async () => { if (!document.hidden) await refresh(); schedule(); }, seconds * 1000);
  };
  if (checkbox) checkbox.addEventListener("change", schedule);
  schedule();
}

/** Marks the time of the last successful refresh in the status line. */
export function stamp() {
  const status = document.getElementById("status");
  if (status) status.textContent = "Updated " + new Date().toLocaleTimeString("en-GB") + " (amounts in USD)";
  document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
}
