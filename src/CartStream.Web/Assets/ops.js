// The operations page: instruments, alerts and log files of the running process, refreshing by itself.
import { api, fmt, renderTable, wireCsvButtons, lineChart, poll, stamp, showProblem } from "/assets/common.js";

const logForm = document.getElementById("log-filters");
const COLORS = ["#0b5cad", "#8a5a00", "#116329", "#a40e26", "#6639ba"];

function tile(key, label, text, value) {
  const li = document.createElement("li");
  li.className = "tile";
  li.dataset.kpi = key;
  li.dataset.value = value ?? "";
  li.innerHTML = `<div class="label"></div><div class="value"></div>`;
  li.querySelector(".label").textContent = label;
  li.querySelector(".value").textContent = text;
  return li;
}

async function refresh() {
  const form = new FormData(logForm);
  try {
    const [ops, logs] = await Promise.all([
      api("/api/ops"),
      api("/api/ops/logs", { level: form.get("level"), service: form.get("service"), q: form.get("q") }),
    ]);
    showProblem("");
    const total = ops.stages.reduce((s, x) => s + (x.perSecond ?? 0), 0);
    document.getElementById("health").replaceChildren(
      tile("throughput", "Records/s (all stages)", fmt.number(total), total),
      tile("lag", "Consumer lag (records)", ops.consumerLag === null ? "no sink here" : fmt.count(ops.consumerLag), ops.consumerLag),
      tile("freshness", "Freshness (landed to queryable)", ops.freshnessSeconds === null ? "not reported" : fmt.number(ops.freshnessSeconds) + " s", ops.freshnessSeconds),
      tile("firing", "Alerts firing", String(ops.firing.length), ops.firing.length),
      tile("rejects", "Rejects (since start)", fmt.count(ops.rejects.reduce((s, r) => s + r.value, 0)), ops.rejects.reduce((s, r) => s + r.value, 0)));
    const longest = Math.max(0, ...ops.stages.map((s) => s.history.length));
    lineChart(document.getElementById("throughput-chart"),
      ops.stages.map((s, i) => ({ color: COLORS[i % COLORS.length], dashed: i % 2 === 1, points: s.history.map((y, x) => ({ x, y })) })),
      Array.from({ length: longest }, (_, i) => String(i - longest + 1)),
      "Records per second per stage over the kept samples: " + ops.stages.map((s) => s.stage).join(", "));
    renderTable(document.getElementById("throughput"), [
      { key: "stage", label: "Stage", kind: "text" }, { key: "perSecond", label: "Records/s", kind: "number", value: (r) => r.perSecond ?? 0 },
      { key: "total", label: "Total", kind: "count" }, { key: "metric", label: "Counter", kind: "text" },
    ], ops.stages);
    const alertColumns = [
      { key: "at", label: "At (UTC)", kind: "text" }, { key: "rule", label: "Rule", kind: "text" }, { key: "severity", label: "Severity", kind: "text" },
      { key: "state", label: "State", kind: "text" }, { key: "value", label: "Value", kind: "text" },
    ];
    renderTable(document.getElementById("firing"), alertColumns, ops.firing);
    renderTable(document.getElementById("alert-history"), alertColumns, ops.alertHistory);
    renderTable(document.getElementById("lag"), [{ key: "series", label: "Partition", kind: "text" }, { key: "value", label: "Lag", kind: "count" }], ops.lagByPartition);
    renderTable(document.getElementById("rejects"), [{ key: "series", label: "Reason", kind: "text" }, { key: "value", label: "Records", kind: "count" }], ops.rejects);

    const service = document.getElementById("l-service");
    const chosen = service.value;
    service.replaceChildren(new Option("All", ""), ...logs.services.map((s) => new Option(s, s)));
    service.value = logs.services.includes(chosen) ? chosen : "";
    renderTable(document.getElementById("logs"), [
      { key: "at", label: "At (UTC)", kind: "text" }, { key: "level", label: "Level", kind: "text" }, { key: "service", label: "Service", kind: "text" },
      { key: "message", label: "Message", kind: "text" }, { key: "error", label: "Error", kind: "text" }, { key: "logger", label: "Logger", kind: "text" },
    ], logs.entries);
    stamp();
  } catch (error) {
    showProblem(error.message);
  }
}

wireCsvButtons(document);
logForm.addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
refresh();
poll(refresh, Number(document.body.dataset.refresh) || 5, document.getElementById("live"));
