// The SPARQL workbench's entry module: wires the editor's keys, the examples, the toolbar and the URL together.
import { fetchExamples, fetchVocabulary } from "./api.js";
import { setVocabulary } from "./candidates.js";
import { closeCompletion, completeNow, completionKey, completionOpen, openCompletion, placePopup } from "./complete.js";
import { $ } from "./dom.js";
import { indentSelection, lineStartOf, newlineWithIndent, ownEdit, replaceRange, setQuery } from "./editor.js";
import { clearErrorMark, forgetMetrics, onSync, refresh, syncScroll } from "./highlight.js";
import { lastRunQuery, run } from "./run.js";
import { examplesFailed, graphsUnavailable, renderExamples, renderGraphs } from "./sidebar.js";
import { copyLink, initialQuery, rememberInURL, urlHasQuery } from "./state.js";

const ta = $("query");
const asserted = $("asserted");

// the completion popup follows the text when the editor scrolls or changes
onSync(() => {
  if (completionOpen()) placePopup();
});

fetchVocabulary()
  .then((v) => {
    setVocabulary(v);
    renderGraphs(v.graphs || []);
  })
  .catch(graphsUnavailable);

// ---- the editor's events ----------------------------------------------------------------------

let tabLeaves = false; // after Escape, Tab moves focus out of the editor

ta.addEventListener("input", (ev) => {
  clearErrorMark();
  refresh();
  if (ownEdit()) return;
  if (completionOpen() || (ev.inputType && ev.inputType.startsWith("insert") && ev.inputType !== "insertFromPaste")) {
    openCompletion(false);
  }
});
ta.addEventListener("scroll", syncScroll);
ta.addEventListener("blur", () => setTimeout(() => document.activeElement !== ta && closeCompletion(), 100));
ta.addEventListener("click", () => completionOpen() && openCompletion(false));
new ResizeObserver(() => {
  syncScroll();
  forgetMetrics();
}).observe(ta);

ta.addEventListener("keydown", (ev) => {
  const open = completionOpen();
  const ctrl = ev.ctrlKey || ev.metaKey;
  if (ev.key !== "Tab") tabLeaves = false;
  if (ctrl && ev.key === "Enter") {
    ev.preventDefault();
    closeCompletion();
    run();
    return;
  }
  if (ctrl && (ev.key === " " || ev.code === "Space")) {
    ev.preventDefault();
    completeNow();
    return;
  }
  if (open && completionKey(ev)) return;
  if (ev.key === "Escape") {
    tabLeaves = true;
    return;
  }
  if (ev.key === "Tab" && !ctrl && !ev.altKey) {
    if (tabLeaves) return; // let focus move on
    ev.preventDefault();
    indentSelection(ev.shiftKey);
    return;
  }
  if (ev.key === "Enter" && !ev.shiftKey && !ctrl && !ev.altKey) {
    ev.preventDefault();
    newlineWithIndent();
    return;
  }
  if (ev.key === "}" && !ctrl) {
    // typing } on a line of blanks closes the block one level out
    const s = ta.selectionStart;
    const ls = lineStartOf(s);
    const line = ta.value.slice(ls, s);
    if (s === ta.selectionEnd && /^ {2,}$/.test(line)) {
      ev.preventDefault();
      replaceRange(ls, s, `${line.slice(2)}}`);
    }
  }
});

// Ctrl+Enter runs from anywhere on the page
document.addEventListener("keydown", (ev) => {
  if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter" && ev.target !== ta) {
    ev.preventDefault();
    run();
  }
});

// ---- examples, toolbar, start -----------------------------------------------------------------

fetchExamples()
  .then(({ ok, d }) =>
    renderExamples(ok, d, (ex) => {
      setQuery(ex.query);
      rememberInURL(ex.query);
      run();
    }),
  )
  .catch(examplesFailed);

$("query-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  run();
});

asserted.addEventListener("change", () => {
  const lastRun = lastRunQuery();
  if (lastRun && lastRun.query === ta.value) run();
  else if (urlHasQuery()) rememberInURL(ta.value);
});

$("copy-link").addEventListener("click", () => copyLink(ta.value));

// start: the query in the URL wins over the default text, and runs at once
const q = initialQuery();
if (q !== null) {
  ta.value = q;
  refresh();
  run();
} else {
  refresh();
}
