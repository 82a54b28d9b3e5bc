// The page's state in its URL (the query and "asserted facts only"), and the Copy link button.
import { $ } from "./dom.js";
import { note } from "./status.js";

const asserted = $("asserted");

/** The query string for ``query``: the query, inference=false when asked for, and ``extra``. */
export function params(query, extra = {}) {
  const p = new URLSearchParams({ query });
  if (asserted.checked) p.set("inference", "false");
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}

function pageURL(query) {
  const u = new URL(location.href);
  u.search = params(query).toString();
  u.hash = "";
  return u.href;
}

export function rememberInURL(query) {
  history.replaceState(null, "", pageURL(query));
}

/** Whether the page's URL carries a query. */
export const urlHasQuery = () => new URLSearchParams(location.search).has("query");

/** Tick "asserted facts only" when the URL says inference=false; return the URL's query, or null. */
export function initialQuery() {
  const initial = new URLSearchParams(location.search);
  if (initial.get("inference") === "false") asserted.checked = true;
  return initial.get("query");
}

/** Put a link to ``query`` in the address bar and on the clipboard, or in a field to copy by hand. */
export async function copyLink(query) {
  const url = pageURL(query);
  history.replaceState(null, "", url);
  try {
    await navigator.clipboard.writeText(url);
    note("Link copied.");
    $("copy-fallback").hidden = true;
  } catch {
    const input = $("copy-url");
    input.value = url;
    $("copy-fallback").hidden = false;
    input.focus();
    input.select();
    note("Copy the selected link.");
  }
}
