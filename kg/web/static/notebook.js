// The notebook page: Run all, edit mode, Save and Save as copy, and the revision history.
import { fetchHistory, notebookURL, restoreRevision, runNotebook, saveNotebook, storedToken, storeToken } from "./nb-api.js";
import { renderCells } from "./nb-cells.js";
import { $, el } from "./dom.js";
import { markClean, markDirty, notebookJSON, state, wrap } from "./nb-state.js";

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const NEW_QUERY = "PREFIX kg: <id/>\nPREFIX kgo: <ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\nSELECT ?label WHERE {\n  kg:kalpana-soren rdfs:label ?label\n}";

function status(text, busy = false) {
  $("nb-status").textContent = text;
  $("nb-status").classList.toggle("busy", busy);
}

const saveStatus = (text, isError = false) => {
  $("save-status").textContent = text;
  $("save-status").classList.toggle("nb-error", isError);
};

async function runAll() {
  const button = $("run-all");
  button.disabled = true;
  document.body.setAttribute("aria-busy", "true");
  status("Running…", true);
  const t0 = performance.now();
  const { ok, data } = await runNotebook(state.dirty ? notebookJSON() : null);
  button.disabled = false;
  document.body.removeAttribute("aria-busy");
  if (!ok) {
    status(`The notebook could not run: ${data.error}`);
    return;
  }
  for (const r of data.cells) {
    const c = state.cells[r.index - 1];
    if (!c) continue;
    c.result = r.kind === "query" ? r : null;
    if (r.kind === "markdown") c.html = r.html;
  }
  renderCells();
  const failed = data.cells.filter((r) => r.error).length;
  const queries = data.cells.filter((r) => r.kind === "query").length;
  const ms = Math.round(performance.now() - t0);
  status(`Ran ${queries} ${queries === 1 ? "query" : "queries"} in ${ms} ms${failed ? `; ${failed} failed` : ""}.`);
  const link = $("run-link");
  link.href = data.run.url;
  link.textContent = `Permalink to this run (${data.run.id.slice(0, 8)})`;
  link.hidden = false;
}

function toggleEdit() {
  state.editing = !state.editing;
  $("edit-toggle").setAttribute("aria-pressed", String(state.editing));
  $("edit-toggle").textContent = state.editing ? "Done editing" : "Edit";
  $("nb-head-edit").hidden = !state.editing;
  $("add-cells").hidden = !state.editing;
  $("edit-title").value = state.title;
  $("edit-desc").value = state.description;
  renderCells();
}

function addCell(cell) {
  state.cells.push(wrap(cell));
  markDirty();
  renderCells();
  const last = $("cells").lastElementChild;
  last?.querySelector("textarea, input")?.focus();
}

function token() {
  const value = $("token").value.trim();
  storeToken(value);
  return value;
}

async function save(asCopy) {
  const slug = asCopy ? $("copy-slug").value.trim() : state.slug;
  if (asCopy && !SLUG.test(slug)) {
    saveStatus("Give the copy a slug: lowercase letters, digits and hyphens (at most 64).", true);
    $("copy-slug").focus();
    return;
  }
  const tok = token();
  if (!tok) {
    saveStatus("Enter the token to save.", true);
    $("token").focus();
    return;
  }
  const base = asCopy ? null : state.revision;
  saveStatus("Saving…");
  const { ok, data } = await saveNotebook(slug, notebookJSON(slug), base, $("message").value, tok);
  if (!ok) {
    saveStatus(`Not saved: ${data.error}`, true);
    return;
  }
  markClean();
  if (slug !== state.slug) {
    location.href = notebookURL(slug);
    return;
  }
  state.revision = state.head = data.revision;
  $("message").value = "";
  saveStatus(`Saved as revision ${data.revision}.`);
  loadHistory();
}

function revisionItem(r) {
  const parts = [el("a", { href: notebookURL(state.slug, r.revision) }, `Revision ${r.revision}`), ` · ${r.saved}`];
  if (r.message) parts.push(" · ", el("q", {}, r.message));
  if (r.restored_from) parts.push(el("span", { class: "muted" }, ` (restored from ${r.restored_from})`));
  if (r.revision !== state.head) {
    const b = el("button", { type: "button", class: "nb-restore", "data-revision": String(r.revision) }, "Restore");
    b.addEventListener("click", () => restore(r.revision));
    parts.push(" ", b);
  } else {
    parts.push(el("span", { class: "muted" }, " (latest)"));
  }
  return el("li", { "data-revision": String(r.revision) }, ...parts);
}

async function loadHistory() {
  const list = $("history-list");
  if (state.source === "shipped") {
    list.replaceChildren(el("li", { class: "muted" }, "A shipped notebook has no revisions. Save a copy to keep your changes, with their history."));
    return;
  }
  const { ok, data } = await fetchHistory();
  if (!ok) {
    list.replaceChildren(el("li", { class: "nb-error" }, data.error));
    return;
  }
  state.head = data.revisions[0]?.revision ?? state.head;
  list.replaceChildren(...data.revisions.map(revisionItem));
}

async function restore(revision) {
  const tok = token();
  if (!tok) {
    saveStatus("Enter the token to restore a revision.", true);
    $("token").focus();
    return;
  }
  const { ok, data } = await restoreRevision(revision, tok);
  if (!ok) {
    saveStatus(`Not restored: ${data.error}`, true);
    return;
  }
  markClean();
  location.href = notebookURL(state.slug);
}

$("token").value = storedToken();
$("run-all").addEventListener("click", runAll);
$("edit-toggle").addEventListener("click", toggleEdit);
$("add-markdown").addEventListener("click", () => addCell({ markdown: "" }));
$("add-query").addEventListener("click", () => addCell({ title: "", sparql: NEW_QUERY, view: { type: "table" } }));
$("save").addEventListener("click", () => save(false));
$("save-copy").addEventListener("click", () => save(true));
$("edit-title").addEventListener("input", (e) => {
  state.title = e.target.value;
  $("nb-title").textContent = state.title;
  markDirty();
});
$("edit-desc").addEventListener("input", (e) => {
  state.description = e.target.value;
  $("nb-desc").textContent = state.description;
  markDirty();
});
renderCells();
loadHistory();
document.body.dataset.ready = "true";
