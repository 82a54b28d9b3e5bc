// The editor's highlighted layer and line-number gutter, kept in step with the textarea's text and scrolling.
import { $ } from "./dom.js";
import { tokenize } from "./tokenize.js";

const ta = $("query");
const hlPre = $("highlight-pre");
const hl = $("highlight");
const gutter = $("gutter");

const escapeHTML = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** Highlighted HTML for tokens; ``mark`` is a character offset to flag as an error position. */
export function toHTML(tokens, mark = -1) {
  let html = "";
  let marked = false;
  for (const t of tokens) {
    const inside = mark >= t.start && mark < t.start + t.text.length;
    if (inside && (t.type === "ws" || t.type === "other")) {
      // flag the one character (a newline gets a marker cell before it)
      const i = mark - t.start;
      const ch = t.text[i];
      html += escapeHTML(t.text.slice(0, i));
      html += ch === "\n" ? '<span class="tok-errpos"> </span>\n' : `<span class="tok-errpos">${escapeHTML(ch)}</span>`;
      html += escapeHTML(t.text.slice(i + 1));
      marked = true;
    } else if (t.type === "ws") {
      html += escapeHTML(t.text);
    } else {
      const cls = `tok-${t.type}${inside ? " tok-errpos" : ""}`;
      html += `<span class="${cls}">${escapeHTML(t.text)}</span>`;
      if (inside) marked = true;
    }
  }
  if (mark >= 0 && !marked) html += '<span class="tok-errpos"> </span>';
  return html;
}

let tokens = [];
let errorOffset = -1;
let lineCount = 0;
let afterSync = null;

/** The tokens of the editor's text as of the last refresh. */
export const currentTokens = () => tokens;

export function refresh() {
  tokens = tokenize(ta.value);
  // the trailing newline keeps the layer as tall as the textarea when the text ends in one
  hl.innerHTML = `${toHTML(tokens, errorOffset)}\n`;
  const lines = ta.value.split("\n").length;
  if (lines !== lineCount) {
    lineCount = lines;
    let g = "";
    for (let i = 1; i <= lines; i++) g += `${i}\n`;
    gutter.textContent = `${g}\n\n`;
  }
  syncScroll();
}

export function syncScroll() {
  // the layer covers the textarea's client area exactly (scrollbars excluded), so offsets agree
  hlPre.style.width = `${ta.clientWidth}px`;
  hlPre.style.height = `${ta.clientHeight}px`;
  hlPre.scrollTop = ta.scrollTop;
  hlPre.scrollLeft = ta.scrollLeft;
  gutter.scrollTop = ta.scrollTop;
  if (afterSync) afterSync();
}

/** Call ``fn`` at the end of every syncScroll (the completion popup follows the text). */
export function onSync(fn) {
  afterSync = fn;
}

/** Flag the character at ``offset`` as where the query's syntax error is. */
export function markError(offset) {
  errorOffset = offset;
  refresh();
}

export function clearErrorMark() {
  if (errorOffset >= 0) {
    errorOffset = -1;
    refresh();
  }
}

let metrics = null;
function measure() {
  const probe = document.createElement("span");
  probe.textContent = "M".repeat(100);
  hl.append(probe);
  const w = probe.getBoundingClientRect().width / 100;
  probe.remove();
  const cs = getComputedStyle(ta);
  metrics = { char: w, line: parseFloat(cs.lineHeight), padTop: parseFloat(cs.paddingTop), padLeft: parseFloat(cs.paddingLeft) };
}

/** {char, line, padTop, padLeft} of the editor, measured on first use (again if ``needChar`` and no width). */
export function editorMetrics(needChar = false) {
  if (!metrics || (needChar && !metrics.char)) measure();
  return metrics;
}

/** Measure again next time (the textarea was resized). */
export function forgetMetrics() {
  metrics = null;
}
