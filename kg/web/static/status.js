// The results status line and the toolbar's short-lived note.
import { $ } from "./dom.js";

const statusEl = $("status");

export function status(text, busy) {
  statusEl.textContent = text;
  statusEl.classList.toggle("busy", !!busy);
}

let noteTimer = 0;

/** Show ``text`` beside the toolbar for five seconds. */
export function note(text) {
  const n = $("note");
  n.textContent = text;
  clearTimeout(noteTimer);
  noteTimer = setTimeout(() => {
    n.textContent = "";
  }, 5000);
}
