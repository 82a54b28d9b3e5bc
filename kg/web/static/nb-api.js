// Requests the notebook page makes: run, save, history and restore, with the token kept in this tab.
import { path, state } from "./nb-state.js";

const TOKEN_KEY = "kg-notebook-token";

export const storedToken = () => sessionStorage.getItem(TOKEN_KEY) || "";
export const storeToken = (token) => sessionStorage.setItem(TOKEN_KEY, token);

/** Send a request; resolves to {ok, status, data} with data the JSON body, or {error} for text. */
async function call(method, url, body, token) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    return { ok: false, status: 0, data: { error: `could not reach the server: ${e.message}` } };
  }
  const text = await res.text();
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    data = { error: text.trim() || `HTTP ${res.status}` };
  }
  return { ok: res.ok, status: res.status, data };
}

const nbPath = (slug, rest = "") => path(`/notebooks/${encodeURIComponent(slug)}${rest}`);

/** Run the notebook; with ``notebook`` (unsaved edits) that is what runs. */
export const runNotebook = (notebook) => call("POST", nbPath(state.slug, "/run"), notebook ?? undefined);

export const saveNotebook = (slug, notebook, baseRevision, message, token) =>
  call("PUT", nbPath(slug), { notebook, base_revision: baseRevision, message }, token);

export const fetchHistory = () => call("GET", nbPath(state.slug, "/history"));

export const restoreRevision = (revision, token) => call("POST", nbPath(state.slug, "/restore"), { revision }, token);

export const notebookURL = (slug, revision) => nbPath(slug) + (revision ? `?revision=${revision}` : "");
