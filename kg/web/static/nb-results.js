// A query cell's answer: its error, its chart (SVG from the server) and its table of values.
import { el } from "./dom.js";
import { DATA, path } from "./nb-state.js";

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A value as the table shows it: an entity of this graph links to its page. */
function valueNode(value) {
  if (value === null) return el("span", { class: "nb-null", title: "unbound" }, "");
  const entity = `${DATA.base}id/`;
  if (value.startsWith(entity)) return el("a", { href: path(`/${value.slice(DATA.base.length)}`) }, value.slice(entity.length));
  if (/^https?:\/\//.test(value)) return el("a", { href: value, class: "iri" }, value);
  return document.createTextNode(value);
}

/** Numbers align right; long text gets room to wrap in words rather than letters. */
function cellClass(value) {
  if (value === null) return null;
  if (NUMBER.test(value)) return "num";
  return value.length > 40 ? "long" : null;
}

function table(result) {
  const head = el("tr", {}, ...result.columns.map((c) => el("th", { scope: "col" }, c)));
  const body = result.rows.map((row) =>
    el("tr", {}, ...row.map((v) => el("td", { class: cellClass(v) }, valueNode(v)))),
  );
  return el("div", { class: "table-wrap" }, el("table", { class: "nb-table results-table" }, el("thead", {}, head), el("tbody", {}, ...body)));
}

function chart(svgText, title) {
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const box = el("figure", { class: "nb-chart" });
  const svg = doc.documentElement;
  if (svg.nodeName.toLowerCase() !== "svg") {
    box.append(el("p", { class: "nb-error" }, "The chart could not be read."));
    return box;
  }
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title || "chart");
  box.append(document.importNode(svg, true));
  return box;
}

/** The result area of a query cell: empty until the notebook has run. */
export function resultNode(result, title) {
  const box = el("div", { class: "nb-result", "aria-live": "polite" });
  if (!result) return box;
  if (result.error) box.append(el("p", { class: "nb-error", role: "alert" }, result.error));
  if (result.chart) box.append(chart(result.chart, title));
  if (result.columns.length) {
    box.append(table(result));
    const n = result.rows.length;
    box.append(el("p", { class: "small muted nb-count" }, `${n.toLocaleString("en")} ${n === 1 ? "row" : "rows"}`));
  }
  if (result.truncated) box.append(el("p", { class: "notice small" }, "Only the first rows are shown: the answer was capped."));
  return box;
}
