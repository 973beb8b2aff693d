// The analyst page: every widget reads its endpoint with the same filters; the URL carries them.
import { api, fmt, readFilters, fillFilterForm, writeUrl, renderTable, wireCsvButtons, lineChart, barChart, poll, stamp, showProblem } from "/assets/common.js";

const form = document.getElementById("filters");
const bucket = document.getElementById("bucket");

function label(iso, bucketName) {
  const d = new Date(iso);
  return bucketName === "hour" ? d.toISOString().slice(5, 13).replace("T", " ") + "h" : d.toISOString().slice(0, 10);
}

function tiles(list, items) {
  list.replaceChildren(...items.map((t) => {
    const li = document.createElement("li");
    li.className = "tile";
    li.dataset.kpi = t.key;
    li.dataset.value = t.value;
    const change = t.changePercent;
    const cls = change === null ? "flat" : change > 0 ? "up" : change < 0 ? "down" : "flat";
    li.innerHTML = `<div class="label"></div><div class="value"></div><div class="change ${cls}"></div>`;
    li.querySelector(".label").textContent = t.label;
    li.querySelector(".value").textContent = fmt[t.unit](t.value);
    li.querySelector(".change").textContent = t.previous === undefined ? "" : fmt.percent(change) + " vs " + fmt[t.unit](t.previous);
    if (t.changePercent !== undefined) li.dataset.change = change ?? "";
    return li;
  }));
}

async function refresh() {
  const filters = readFilters(form);
  const withBucket = { ...filters, bucket: bucket.value };
  try {
    const [kpis, trend, products, categories, geo, payment, channel, customers, rejects] = await Promise.all([
      api("/api/kpis", filters), api("/api/trend", withBucket), api("/api/top-products", filters), api("/api/top-categories", filters),
      api("/api/geography", filters), api("/api/payment-mix", filters), api("/api/channel-mix", filters),
      api("/api/customers", withBucket), api("/api/reject-rate", filters),
    ]);
    showProblem("");
    document.getElementById("kpi-period").textContent = `${kpis.from} to ${kpis.to}, against ${kpis.previousFrom} to ${kpis.previousTo}`;
    tiles(document.getElementById("kpis"), kpis.tiles);

    const step = trend.bucket === "hour" ? 3600e3 : 86400e3;
    const offset = (iso, start) => Math.round((new Date(iso) - new Date(start + "T00:00:00Z")) / step);
    const span = Math.max(1, Math.round((new Date(kpis.to + "T00:00:00Z") - new Date(kpis.from + "T00:00:00Z")) / step) + (trend.bucket === "hour" ? 24 : 1));
    const labels = Array.from({ length: span }, (_, i) => label(new Date(new Date(trend.from + "T00:00:00Z").getTime() + i * step).toISOString(), trend.bucket));
    lineChart(document.getElementById("trend-chart"), [
      { color: "#0b5cad", points: trend.current.map((p) => ({ x: offset(p.bucket, trend.from), y: p.revenue })) },
      { color: "#8a5a00", dashed: true, points: trend.previous.map((p) => ({ x: offset(p.bucket, trend.previousFrom), y: p.revenue })) },
    ], labels, `Revenue per ${trend.bucket}, this period against the previous one`);
    renderTable(document.getElementById("trend"), [
      { key: "bucket", label: "Bucket (UTC)", kind: "text", value: (r) => r.bucket },
      { key: "revenue", label: "Revenue (USD)", kind: "usd" }, { key: "margin", label: "Margin (USD)", kind: "usd" },
      { key: "orders", label: "Orders", kind: "count" }, { key: "averageOrderValue", label: "AOV (USD)", kind: "usd" }, { key: "units", label: "Units", kind: "count" },
    ], trend.current);

    renderTable(document.getElementById("top-products"), [
      { key: "key", label: "Product", kind: "text" }, { key: "name", label: "Name", kind: "text" },
      { key: "revenue", label: "Revenue (USD)", kind: "usd" }, { key: "units", label: "Units", kind: "count" },
    ], products);
    barChart(document.getElementById("categories-chart"), categories.map((c) => ({ label: c.name, value: c.revenue })), fmt.usd, "Revenue by category");
    renderTable(document.getElementById("top-categories"), [
      { key: "key", label: "Category", kind: "text" }, { key: "revenue", label: "Revenue (USD)", kind: "usd" }, { key: "units", label: "Units", kind: "count" },
    ], categories);

    renderGeography(geo);
    for (const [id, rows, name] of [["payment", payment, "payment method"], ["channel", channel, "channel"]]) {
      const total = rows.reduce((s, r) => s + Number(r.revenue), 0) || 1;
      barChart(document.getElementById(id + "-chart"), rows.map((r) => ({ label: r.name, value: r.revenue })), fmt.usd, "Revenue by " + name);
      renderTable(document.getElementById(id + "-mix"), [
        { key: "name", label: name[0].toUpperCase() + name.slice(1), kind: "text" }, { key: "revenue", label: "Revenue (USD)", kind: "usd" },
        { key: "orders", label: "Orders", kind: "count" }, { key: "share", label: "Revenue share", kind: "ratio", value: (r) => (Number(r.revenue) / total).toFixed(6) },
      ], rows);
    }

    tiles(document.getElementById("customer-totals"), [
      { key: "newCustomers", label: "New customers", unit: "count", value: customers.newCustomers },
      { key: "returningOrders", label: "Returning orders", unit: "count", value: customers.returningOrders },
    ]);
    lineChart(document.getElementById("customers-chart"), [
      { color: "#0b5cad", points: customers.series.map((p, i) => ({ x: i, y: p.newCustomers })) },
      { color: "#8a5a00", dashed: true, points: customers.series.map((p, i) => ({ x: i, y: p.returningOrders })) },
    ], customers.series.map((p) => label(p.bucket, customers.bucket)), "New customers and returning customers' orders per " + customers.bucket);
    renderTable(document.getElementById("customers"), [
      { key: "bucket", label: "Bucket (UTC)", kind: "text" }, { key: "newCustomers", label: "New customers", kind: "count" },
      { key: "returningOrders", label: "Returning orders", kind: "count" },
    ], customers.series);
    renderTable(document.getElementById("reject-rate"), [
      { key: "day", label: "Day", kind: "text" }, { key: "facts", label: "Facts", kind: "count" },
      { key: "rejected", label: "Rejected", kind: "count" }, { key: "rate", label: "Reject rate", kind: "ratio" },
    ], rejects);
    stamp();
  } catch (error) {
    showProblem(error.message);
  }
}

function renderGeography(geo) {
  const up = document.getElementById("geo-up");
  up.hidden = geo.level !== "city";
  document.getElementById("geo-level").textContent = geo.level === "city" ? `Cities of ${geo.country}` : "Countries: choose one to see its cities";
  const columns = geo.level === "city"
    ? [{ key: "country", label: "Country", kind: "text" }, { key: "city", label: "City", kind: "text" }]
    : [{ key: "country", label: "Country", kind: "text", render: (r) => drill(r.country) }];
  renderTable(document.getElementById("geography"), [...columns,
    { key: "revenue", label: "Revenue (USD)", kind: "usd" }, { key: "orders", label: "Orders", kind: "count" }], geo.rows);
}

function drill(country) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "secondary";
  button.textContent = country;
  button.setAttribute("aria-label", "Show the cities of " + country);
  button.addEventListener("click", () => { form.elements.namedItem("country").value = country; apply(); });
  return button;
}

function apply() {
  writeUrl({ ...readFilters(form), ...(bucket.value ? { bucket: bucket.value } : {}) });
  return refresh();
}

async function start() {
  const params = new URLSearchParams(location.search);
  const catalog = await api("/api/filters");
  fillFilterForm(form, catalog, params);
  if (!params.get("to") && catalog.lastDay) form.elements.namedItem("to").value = catalog.lastDay;
  if (!params.get("from") && catalog.lastDay) {
    const from = new Date(catalog.lastDay + "T00:00:00Z"); from.setUTCDate(from.getUTCDate() - 6);
    form.elements.namedItem("from").value = from.toISOString().slice(0, 10);
  }
  if (params.get("bucket")) bucket.value = params.get("bucket");
  wireCsvButtons(document);
  form.addEventListener("submit", (e) => { e.preventDefault(); apply(); });
  bucket.addEventListener("change", apply);
  document.getElementById("reset").addEventListener("click", () => { history.replaceState(null, "", location.pathname); location.reload(); });
  document.getElementById("geo-up").addEventListener("click", () => { form.elements.namedItem("country").value = ""; apply(); });
  await refresh();
  poll(refresh, Number(document.body.dataset.refresh) || 5, document.getElementById("live"));
}

start().catch((e) => showProblem(e.message));
