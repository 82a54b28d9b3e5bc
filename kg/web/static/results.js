// Showing a query's answer: the sortable results table, the Turtle view, the download links and the cap notice.
import { knownPrefixes } from "./candidates.js";
import { CFG } from "./config.js";
import { $, el } from "./dom.js";
import { showError } from "./error.js";
import { toHTML } from "./highlight.js";
import { declaredPrefixes, displayIRI, linkFor } from "./iris.js";
import { params } from "./state.js";
import { status } from "./status.js";
import { tokenize } from "./tokenize.js";

const truncatedEl = $("truncated");
const downloadsEl = $("downloads");
const output = $("output");

const FORMATS = {
  select: [
    ["json", "JSON", "json"],
    ["xml", "XML", "srx"],
    ["csv", "CSV", "csv"],
    ["tsv", "TSV", "tsv"],
  ],
  graph: [
    ["turtle", "Turtle", "ttl"],
    ["ntriples", "N-Triples", "nt"],
    ["jsonld", "JSON-LD", "jsonld"],
    ["rdfxml", "RDF/XML", "rdf"],
    ["trig", "TriG", "trig"],
    ["nquads", "N-Quads", "nq"],
  ],
};

export function clearOutput() {
  output.textContent = "";
}

export function hideDownloads() {
  downloadsEl.hidden = true;
}

export function hideTruncated() {
  truncatedEl.hidden = true;
}

/** Show a successful answer (``res``, its body ``text``) to ``query`` of ``kind``, which took ``ms``. */
export function showResult(res, text, query, kind, ms) {
  const type = (res.headers.get("Content-Type") || "").split(";")[0].trim();
  // the query's own prefixes first: on equal namespaces the first name found wins
  const prefixes = { ...declaredPrefixes(tokenize(query)) };
  for (const [name, ns] of Object.entries(knownPrefixes())) if (!(name in prefixes)) prefixes[name] = ns;
  let summary;
  let resultKind = kind;
  if (/json/.test(type) && type !== "application/ld+json") {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      showError("The endpoint answered with JSON that could not be read.");
      return;
    }
    if (typeof data.boolean === "boolean") {
      resultKind = "ask";
      output.append(el("p", { class: "ask" }, "Answer: ", el("strong", {}, String(data.boolean))));
      summary = `ASK: ${data.boolean}`;
    } else {
      resultKind = "select";
      const n = data.results.bindings.length;
      output.append(resultTable(data.head.vars, data.results.bindings, prefixes));
      summary = `${n.toLocaleString("en")} ${n === 1 ? "row" : "rows"}`;
    }
  } else {
    resultKind = "graph";
    output.append(graphText(text, type));
    const counted = res.headers.get("X-KG-Rows");
    const n = counted !== null && /^\d+$/.test(counted) ? Number(counted) : text.split("\n").filter((l) => /^\s*[<_]/.test(l)).length;
    summary = `${n.toLocaleString("en")} ${n === 1 ? "triple" : "triples"} (${formatName(type)})`;
  }
  status(`${summary} · ${ms} ms`, false);
  if (res.headers.get("X-KG-Truncated") === "true") {
    const cap = res.headers.get("X-KG-Row-Cap");
    truncatedEl.textContent = `Results were capped: only the first ${cap ? Number(cap).toLocaleString("en") : "few"} rows are shown. Add a LIMIT and OFFSET, or narrow the query, to see the rest.`;
    truncatedEl.hidden = false;
  }
  renderDownloads(query, resultKind === "graph" ? "graph" : "select");
}

function formatName(type) {
  return { "text/turtle": "Turtle", "application/n-triples": "N-Triples", "application/trig": "TriG" }[type] || type || "text";
}

function renderDownloads(query, kind) {
  downloadsEl.textContent = "";
  downloadsEl.append(el("span", { class: "muted" }, "Download:"));
  for (const [fmt, label, ext] of FORMATS[kind]) {
    const href = `${CFG.sparql}?${params(query, { format: fmt }).toString()}`;
    downloadsEl.append(el("a", { href, download: `results.${ext}`, "data-format": fmt }, label));
  }
  downloadsEl.hidden = false;
}

/** The muted hint after a literal: its language tag or its datatype, compacted. */
function literalHint(term, prefixes) {
  if (term["xml:lang"]) return `@${term["xml:lang"]}`;
  if (term.datatype) return displayIRI(term.datatype, prefixes);
  return "";
}

/** A result term as DOM; ``hintInHeader`` leaves a literal's hint to the column header. */
function termNode(term, prefixes, hintInHeader = false) {
  if (!term) return null;
  if (term.type === "uri") {
    const { href, external } = linkFor(term.value);
    const a = el("a", { href, title: term.value, class: "iri" }, displayIRI(term.value, prefixes));
    if (external) {
      a.rel = "noopener";
      a.target = "_blank";
    }
    return a;
  }
  if (term.type === "bnode") return el("span", { class: "bnode" }, `_:${term.value}`);
  if (term.type === "triple") {
    const t = term.value;
    return el("span", { class: "triple" }, "<< ", termNode(t.subject, prefixes), " ", termNode(t.predicate, prefixes), " ", termNode(t.object, prefixes), " >>");
  }
  const hint = literalHint(term, prefixes);
  const span = el("span", { class: "literal", title: hint && hintInHeader ? hint : null }, term.value);
  if (!hint || hintInHeader) return span;
  const frag = document.createDocumentFragment();
  frag.append(span, el("span", { class: "hint", title: term.datatype || null }, hint));
  return frag;
}

/** Per column: the hint every bound value shares (all literals of one datatype or language), or "". */
function columnHints(vars, bindings, prefixes) {
  const out = {};
  for (const v of vars) {
    let shared = null;
    for (const b of bindings) {
      const term = b[v];
      if (!term) continue;
      const hint = term.type === "literal" ? literalHint(term, prefixes) : "";
      if (!hint || (shared !== null && hint !== shared)) {
        shared = "";
        break;
      }
      shared = hint;
    }
    out[v] = shared || "";
  }
  return out;
}

const NUMERIC = /#(integer|decimal|double|float|int|long|short|nonNegativeInteger|positiveInteger|gYear)$/;

function resultTable(vars, bindings, prefixes) {
  const wrap = el("div", { class: "table-wrap" });
  const table = el("table", { class: "results-table" });
  const hints = columnHints(vars, bindings, prefixes);
  const head = el("tr", {}, el("th", { scope: "col", class: "rownum" }, "#"));
  vars.forEach((v, i) => {
    const btn = el("button", { type: "button", class: "sort", title: `Sort by ?${v}` }, `?${v}`);
    const th = el("th", { scope: "col", "aria-sort": "none" }, btn);
    if (hints[v]) th.append(el("span", { class: "hint", title: `every value of ?${v} is ${hints[v]}` }, hints[v]));
    btn.addEventListener("click", () => sortBy(table, i + 1, th));
    head.append(th);
  });
  table.append(el("thead", {}, head));
  const tbody = el("tbody");
  const frag = document.createDocumentFragment();
  bindings.forEach((b, r) => {
    const tr = el("tr", {}, el("td", { class: "rownum" }, String(r + 1)));
    for (const v of vars) {
      const term = b[v];
      const td = el("td");
      const node = termNode(term, prefixes, !!hints[v]);
      if (node) td.append(node);
      if (term && term.type === "literal" && term.datatype && NUMERIC.test(term.datatype)) td.className = "num";
      td.dataset.sort = term ? term.value : "";
      tr.append(td);
    }
    frag.append(tr);
  });
  tbody.append(frag);
  table.append(tbody);
  if (!bindings.length) wrap.append(el("p", { class: "muted" }, "No rows match."));
  wrap.prepend(table);
  return wrap;
}

function sortBy(table, col, th) {
  const dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
  for (const other of table.tHead.rows[0].cells) other.setAttribute("aria-sort", "none");
  th.setAttribute("aria-sort", dir);
  const rows = [...table.tBodies[0].rows];
  const key = (tr) => tr.cells[col].dataset.sort;
  const numeric = rows.every((tr) => key(tr) === "" || !Number.isNaN(Number(key(tr))));
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = numeric ? (x === "" ? -Infinity : Number(x)) - (y === "" ? -Infinity : Number(y)) : x.localeCompare(y, "en", { numeric: true });
    return dir === "ascending" ? c : -c;
  });
  table.tBodies[0].append(...rows);
}

function graphText(text, type) {
  const pre = el("pre", { class: "rdf", tabindex: "0", "aria-label": `${formatName(type)} result` });
  const code = el("code");
  if (text.length < 400000) code.innerHTML = toHTML(tokenize(text));
  else code.textContent = text;
  pre.append(code);
  if (!text.trim()) return el("p", { class: "muted" }, "The result has no triples.");
  return pre;
}
