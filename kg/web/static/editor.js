// Editing the query textarea: replacing text with undo kept, loading a query, indentation, jumping to a position.
import { $ } from "./dom.js";
import { clearErrorMark, editorMetrics, refresh, syncScroll } from "./highlight.js";

const ta = $("query");

let suppress = false; // our own edits do not open completion

/** True while the page itself is changing the text (its input events are not typing). */
export const ownEdit = () => suppress;

/** Replace text[start:end] keeping the browser's undo history where it can. */
export function replaceRange(start, end, text) {
  const was = suppress;
  suppress = true;
  ta.focus();
  ta.setSelectionRange(start, end);
  let ok = false;
  try {
    ok = document.execCommand("insertText", false, text);
  } catch {
    ok = false;
  }
  if (!ok || ta.value.slice(start, start + text.length) !== text) {
    ta.setRangeText(text, start, end, "end");
  }
  suppress = was;
  refresh();
}

export function setQuery(text) {
  clearErrorMark();
  replaceRange(0, ta.value.length, text);
  ta.setSelectionRange(0, 0);
  ta.scrollTop = 0;
  ta.scrollLeft = 0;
  syncScroll();
}

export function lineStartOf(pos) {
  return ta.value.lastIndexOf("\n", pos - 1) + 1;
}

export function indentSelection(outdent) {
  const { selectionStart: s, selectionEnd: e, value } = ta;
  const first = lineStartOf(s);
  if (s === e && !outdent) {
    replaceRange(s, e, "  ");
    return;
  }
  const last = e > s && value[e - 1] === "\n" ? e - 1 : e;
  const block = value.slice(first, last);
  const changed = block
    .split("\n")
    .map((l) => (outdent ? l.replace(/^ {1,2}|^\t/, "") : `  ${l}`))
    .join("\n");
  replaceRange(first, last, changed);
  ta.setSelectionRange(first, first + changed.length);
}

export function newlineWithIndent() {
  const { selectionStart: s, selectionEnd: e, value } = ta;
  const line = value.slice(lineStartOf(s), s);
  let indent = /^[ \t]*/.exec(line)[0];
  if (/[{(]\s*$/.test(line)) indent += "  ";
  replaceRange(s, e, `\n${indent}`);
}

/** Put the caret at ``offset`` and scroll so that line ``row`` (from 0) is mid-editor. */
export function showPosition(offset, row) {
  ta.focus();
  ta.setSelectionRange(offset, offset);
  ta.scrollTop = Math.max(0, row * editorMetrics().line - ta.clientHeight / 2);
  syncScroll();
}
