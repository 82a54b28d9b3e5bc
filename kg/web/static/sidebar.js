// The side panel: the example queries as buttons, and the list of named graphs.
import { $, el } from "./dom.js";

/** Fill the examples list from /api/examples (``ok``, body ``d``); ``choose(example)`` runs on a click. */
export function renderExamples(ok, d, choose) {
  const ul = $("examples");
  ul.textContent = "";
  if (!ok) ul.append(el("li", { class: "error small" }, d.error || "Could not load the examples."));
  for (const ex of d.examples) {
    const btn = el(
      "button",
      { type: "button", class: "example", "data-name": ex.name, title: ex.description },
      el("span", { class: "ex-title" }, ex.title),
      el("span", { class: "ex-desc" }, ex.description),
    );
    if (ex.tags.length) btn.append(el("span", { class: "ex-tags" }, ex.tags.join(" · ")));
    btn.addEventListener("click", () => {
      for (const b of ul.querySelectorAll("button[aria-current]")) b.removeAttribute("aria-current");
      btn.setAttribute("aria-current", "true");
      choose(ex);
    });
    const form = el(
      "a",
      { class: "ex-form small", href: ex.form, title: "Run it from a form, with a shareable link, downloads and a citable run" },
      ex.params.length ? `parameters: ${ex.params.join(", ")} →` : "form, downloads, citation →",
    );
    ul.append(el("li", {}, btn, form));
  }
}

export function examplesFailed(e) {
  $("examples").textContent = `Could not load the examples: ${e.message}`;
}

export function renderGraphs(graphs) {
  const ul = $("graphs");
  ul.textContent = "";
  for (const g of graphs) {
    ul.append(el("li", {}, el("code", { title: g.iri }, g.name), " ", el("span", { class: "muted" }, `${Number(g.quads).toLocaleString("en")} triples`)));
  }
}

export function graphsUnavailable(e) {
  $("graphs").innerHTML = "";
  $("graphs").append(el("li", { class: "muted" }, `Vocabulary unavailable (${e.message}); completion is off.`));
}
