// The list of cells, as read (markdown, query, answer) or as edited (nb-edit.js).
import { editCell } from "./nb-edit.js";
import { $, el } from "./dom.js";
import { resultNode } from "./nb-results.js";
import { savedQuery, state } from "./nb-state.js";

/** What a query cell is called: its title, else its saved query's title, else its position. */
export function cellTitle(cell, i) {
  if (cell.title) return cell.title;
  const saved = cell.query ? savedQuery(cell.query) : null;
  if (saved) return saved.title;
  return cell.query ? `Saved query ${cell.query}` : `Query ${i + 1}`;
}

function markdownView(c) {
  if (c.html !== null) {
    const box = el("div", { class: "nb-markdown" });
    box.innerHTML = c.html; // rendered by the server with raw HTML switched off
    return box;
  }
  return el(
    "div",
    { class: "nb-markdown nb-md-raw" },
    el("pre", {}, c.cell.markdown),
    el("p", { class: "small muted" }, "Edited: Run all shows it formatted."),
  );
}

function queryDetails(cell, result) {
  const saved = cell.query ? savedQuery(cell.query) : null;
  const text = result?.text || cell.sparql || saved?.text || "";
  const what = cell.query ? `saved query ${cell.query}` : "SPARQL";
  const params = Object.entries(cell.params || {});
  const view = cell.view?.type || "table";
  return el(
    "details",
    { class: "nb-query" },
    el("summary", {}, `Query (${what}${params.length ? `, ${params.map(([k, v]) => `${k} = ${v}`).join(", ")}` : ""}; ${view}${cell.inference === false ? "; asserted facts only" : ""})`),
    el("pre", { class: "nb-sparql" }, text),
  );
}

function viewCell(c, i) {
  const li = el("li", { class: `nb-cell nb-${"markdown" in c.cell ? "md" : "q"}`, "data-index": String(i + 1) });
  if ("markdown" in c.cell) {
    li.append(markdownView(c));
    return li;
  }
  const title = cellTitle(c.cell, i);
  li.append(el("h2", { class: "nb-cell-title" }, title), queryDetails(c.cell, c.result), resultNode(c.result, title));
  return li;
}

/** Draw every cell again, as read or as edited. */
export function renderCells() {
  const list = $("cells");
  list.classList.toggle("nb-editing", state.editing);
  list.replaceChildren(...state.cells.map((c, i) => (state.editing ? editCell(c, i, renderCells) : viewCell(c, i))));
}
