// The error box: the endpoint's message, with the line and column it names marked and shown in the editor.
import { $ } from "./dom.js";
import { showPosition } from "./editor.js";
import { markError } from "./highlight.js";

const ta = $("query");
const errorBox = $("error");
const errorText = $("error-text");
const errorGoto = $("error-goto");
const errorWhere = $("error-where");

export function hideError() {
  errorBox.hidden = true;
}

/** Show ``message``; if it names a position and ``query`` is still the editor's text, mark it there. */
export function showError(message, query) {
  errorText.textContent = message;
  errorBox.hidden = false;
  errorGoto.hidden = true;
  errorWhere.hidden = true;
  const m = /error at (\d+):(\d+)/.exec(message);
  if (m && query === ta.value) {
    const lines = query.split("\n");
    const line = Math.min(Number(m[1]), lines.length) - 1;
    let offset = 0;
    for (let i = 0; i < line; i++) offset += lines[i].length + 1;
    offset += Math.min(Number(m[2]) - 1, lines[line].length);
    markError(offset);
    const num = String(line + 1);
    const pad = lines[line].slice(0, Math.min(Number(m[2]) - 1, lines[line].length)).replace(/[^\t]/g, " ");
    errorWhere.textContent = `${num} | ${lines[line]}\n${" ".repeat(num.length)} | ${pad}^`;
    errorWhere.hidden = false;
    errorGoto.hidden = false;
    errorGoto.textContent = `Show line ${m[1]}, column ${m[2]} in the editor`;
    errorGoto.onclick = () => showPosition(offset, line);
  }
}
