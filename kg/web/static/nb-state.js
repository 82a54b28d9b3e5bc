// The notebook page's state: the notebook being shown or edited, its cells and their last results.

/** What the server put in the page: {notebook, html, saved_queries, root, base, views}. */
export const DATA = JSON.parse(document.getElementById("nb-data").textContent);

let nextId = 1;

/** A cell as the page keeps it: its notebook JSON, its rendered markdown and its last result. */
export function wrap(cell, html = null) {
  return { id: nextId++, cell, html, result: null };
}

const nb = DATA.notebook;
export const state = {
  slug: nb.slug,
  source: nb.source, // "shipped" | "user"
  revision: nb.revision, // the revision shown (null when shipped)
  head: nb.head,
  title: nb.title,
  description: nb.description,
  cells: nb.cells.map((c, i) => wrap(c, DATA.html[String(i + 1)] ?? null)),
  editing: false,
  dirty: false, // edited since it was opened or saved
};

/** The notebook as JSON, under ``slug`` (a copy's new slug, or its own). */
export function notebookJSON(slug = state.slug) {
  return { slug, title: state.title, description: state.description, cells: state.cells.map((c) => c.cell) };
}

export function markDirty() {
  state.dirty = true;
  document.body.dataset.dirty = "true";
}

export function markClean() {
  state.dirty = false;
  delete document.body.dataset.dirty;
}

/** A path on this server (the app may be mounted below /). */
export const path = (p) => `${DATA.root}${p}`;

/** The saved query called ``name``, or undefined. */
export const savedQuery = (name) => DATA.saved_queries.find((q) => q.name === name);
