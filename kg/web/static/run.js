// Running the editor's query: one request at a time, the busy state, then the answer or the error.
import { postQuery } from "./api.js";
import { closeCompletion } from "./complete.js";
import { $ } from "./dom.js";
import { hideError, showError } from "./error.js";
import { clearOutput, hideDownloads, hideTruncated, showResult } from "./results.js";
import { rememberInURL } from "./state.js";
import { status } from "./status.js";
import { queryKind, tokenize } from "./tokenize.js";

const ta = $("query");

let controller = null;
let lastRun = null; // {query}

/** The last query run, as {query}, or null before the first. */
export const lastRunQuery = () => lastRun;

export async function run() {
  closeCompletion();
  const query = ta.value;
  if (!query.trim()) {
    showError("The query is empty.");
    return;
  }
  if (controller) controller.abort();
  controller = new AbortController();
  const mine = controller;
  const kind = queryKind(tokenize(query));
  hideError();
  hideTruncated();
  document.body.setAttribute("aria-busy", "true");
  status("Running…", true);
  rememberInURL(query);
  lastRun = { query };
  const t0 = performance.now();
  let res;
  let text;
  try {
    res = await postQuery(query, kind, mine.signal);
    text = await res.text();
  } catch (e) {
    if (e.name === "AbortError") return;
    finish();
    clearOutput();
    hideDownloads();
    showError(`Could not reach the SPARQL endpoint: ${e.message}`);
    status("Failed.", false);
    return;
  }
  if (mine !== controller) return;
  const ms = Math.round(performance.now() - t0);
  finish();
  clearOutput();
  if (!res.ok) {
    hideDownloads();
    showError(text.trim() || `HTTP ${res.status} ${res.statusText}`, query);
    status(`Failed after ${ms} ms (HTTP ${res.status}).`, false);
    return;
  }
  showResult(res, text, query, kind, ms);
}

function finish() {
  document.body.removeAttribute("aria-busy");
  controller = null;
}
