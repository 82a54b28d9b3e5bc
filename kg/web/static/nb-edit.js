// A cell in edit mode: markdown text, or a query (saved or written here), its parameters and its view.
import { el } from "./dom.js";
import { DATA, markDirty, savedQuery, state } from "./nb-state.js";

// a parameter variable as kg.params declares it: ?_name_type (required) or ?__name_type (optional)
const PARAM = /[?$](__?)([A-Za-z][A-Za-z0-9]*)_(iri|integer|decimal|date|boolean|string)\b/g;

/** The parameters of a query cell: its saved query's, or those its SPARQL declares. */
function declared(cell) {
  if (cell.query) return savedQuery(cell.query)?.params ?? [];
  const seen = new Map();
  for (const m of (cell.sparql || "").matchAll(PARAM)) {
    if (!seen.has(m[2])) seen.set(m[2], { name: m[2], type: m[3], required: m[1] === "_", default: null, values: [], label: "" });
  }
  return [...seen.values()];
}

/** A textarea's height for ``text``: a line more than it has, within [min, max]. */
const rows = (text, min, max) => String(Math.min(max, Math.max(min, (text || "").split("\n").length + 1)));

const list = (text) => text.split(",").map((s) => s.trim()).filter(Boolean);

function field(label, input) {
  return el("label", { class: "nb-field" }, label, input);
}

function input(value, onInput, attrs = {}) {
  const node = el("input", { type: "text", ...attrs });
  node.value = value ?? "";
  node.addEventListener("input", () => {
    onInput(node.value);
    markDirty();
  });
  return node;
}

function select(options, value, onChange, attrs = {}) {
  const node = el("select", attrs, ...options.map(([v, label]) => el("option", { value: v }, label)));
  node.value = value;
  node.addEventListener("change", () => {
    onChange(node.value);
    markDirty();
  });
  return node;
}

function setOrDrop(obj, key, value) {
  if (value === "" || (Array.isArray(value) && !value.length)) delete obj[key];
  else obj[key] = value;
}

const VIEW_FIELDS = {
  table: [["columns", "Columns (comma-separated; empty = all)", true]],
  bar: [["x", "x column"], ["y", "y columns (numeric, comma-separated)", true], ["series", "series column (optional)"]],
  line: [["x", "x column"], ["y", "y columns (numeric, comma-separated)", true], ["series", "series column (optional)"]],
  timeline: [["x", "x column (dates)"], ["label", "label column"]],
};

function viewEditor(c, redraw) {
  const view = c.cell.view || (c.cell.view = { type: "table" });
  const type = select(DATA.views.map((v) => [v, v]), view.type || "table", (v) => {
    c.cell.view = { type: v };
    const cols = c.result?.columns ?? [];
    if ((v === "bar" || v === "line") && cols.length >= 2) Object.assign(c.cell.view, { x: cols[0], y: [cols[cols.length - 1]] });
    if (v === "timeline" && cols.length >= 2) Object.assign(c.cell.view, { x: cols[0], label: cols[1] });
    redraw();
  }, { class: "nb-view-type" });
  const box = el("fieldset", { class: "nb-view" }, el("legend", {}, "View"), field("Type", type));
  for (const [key, label, many] of VIEW_FIELDS[view.type || "table"]) {
    const value = many ? (view[key] || []).join(", ") : view[key];
    box.append(field(label, input(value, (v) => setOrDrop(view, key, many ? list(v) : v.trim()), { "data-key": key })));
  }
  return box;
}

function paramsEditor(c) {
  const cell = c.cell;
  const params = declared(cell);
  const box = el("fieldset", { class: "nb-params" }, el("legend", {}, "Parameters"));
  if (!params.length) box.append(el("p", { class: "small muted" }, "This query has no parameters."));
  for (const p of params) {
    const label = `${p.label || p.name} (${p.type}${p.required ? ", required" : ""})`;
    const node = input(cell.params?.[p.name], (v) => {
      cell.params = cell.params || {};
      setOrDrop(cell.params, p.name, v);
      if (!Object.keys(cell.params).length) delete cell.params;
    }, { "data-param": p.name, placeholder: p.default ?? "" });
    box.append(field(label, node));
  }
  return box;
}

function queryEditor(c, redraw) {
  const cell = c.cell;
  const names = DATA.saved_queries.map((q) => [q.name, `${q.name} — ${q.title}`]);
  const source = select([["saved", "a saved query"], ["sparql", "SPARQL written here"]], cell.query ? "saved" : "sparql", (v) => {
    if (v === "saved") {
      delete cell.sparql;
      cell.query = names[0]?.[0] ?? "";
    } else {
      cell.sparql = savedQuery(cell.query)?.text ?? "";
      delete cell.query;
    }
    delete cell.params;
    redraw();
  }, { class: "nb-source" });
  const parts = [field("Title", input(cell.title, (v) => setOrDrop(cell, "title", v), { class: "nb-title-edit" })), field("Query", source)];
  if (cell.query !== undefined) {
    if (!names.some(([n]) => n === cell.query)) names.unshift([cell.query, cell.query]);
    parts.push(field("Saved query", select(names, cell.query, (v) => {
      cell.query = v;
      delete cell.params;
      redraw();
    }, { class: "nb-saved" })));
  } else {
    const ta = el("textarea", { class: "nb-sparql-edit", rows: rows(cell.sparql, 6, 24), spellcheck: "false" });
    ta.value = cell.sparql ?? "";
    ta.addEventListener("input", () => {
      cell.sparql = ta.value;
      markDirty();
    });
    ta.addEventListener("change", redraw); // its parameters may have changed
    parts.push(field("SPARQL", ta));
  }
  const inference = el("input", { type: "checkbox" });
  inference.checked = cell.inference !== false;
  inference.addEventListener("change", () => {
    setOrDrop(cell, "inference", inference.checked ? "" : false);
    markDirty();
  });
  parts.push(paramsEditor(c), el("label", { class: "check" }, inference, "Include inferred facts"), viewEditor(c, redraw));
  return parts;
}

function moveButtons(i, redraw) {
  const move = (to) => () => {
    const [c] = state.cells.splice(i, 1);
    if (to !== null) state.cells.splice(to, 0, c);
    markDirty();
    redraw();
  };
  const button = (text, label, action, disabled) => {
    const b = el("button", { type: "button", "aria-label": label, disabled: disabled ? "" : null }, text);
    b.addEventListener("click", action);
    return b;
  };
  return el(
    "div",
    { class: "nb-cell-tools" },
    el("span", { class: "small muted" }, `Cell ${i + 1}`),
    button("↑", `Move cell ${i + 1} up`, move(i - 1), i === 0),
    button("↓", `Move cell ${i + 1} down`, move(i + 1), i === state.cells.length - 1),
    button("Remove", `Remove cell ${i + 1}`, move(null), false),
  );
}

/** Cell ``c`` (position ``i``) as a form; ``redraw`` draws the list again after a structural change. */
export function editCell(c, i, redraw) {
  const li = el("li", { class: "nb-cell nb-edit", "data-index": String(i + 1) }, moveButtons(i, redraw));
  if ("markdown" in c.cell) {
    const ta = el("textarea", { class: "nb-md-edit", rows: rows(c.cell.markdown, 3, 20), "aria-label": `Markdown of cell ${i + 1}` });
    ta.value = c.cell.markdown;
    ta.addEventListener("input", () => {
      c.cell.markdown = ta.value;
      c.html = null;
      markDirty();
    });
    li.append(ta);
  } else {
    li.append(...queryEditor(c, redraw));
  }
  return li;
}
