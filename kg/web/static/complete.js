// The completion popup: opening it at the caret, its list under keyboard and mouse, inserting the choice.
import { candidates, caretContext, knownPrefixes, vocabulary } from "./candidates.js";
import { $, el } from "./dom.js";
import { lineStartOf, replaceRange } from "./editor.js";
import { editorMetrics } from "./highlight.js";
import { declaredPrefixes, nsRef } from "./iris.js";
import { note } from "./status.js";
import { significant, tokenize } from "./tokenize.js";

const ta = $("query");
const box = $("editor-box");
const popup = $("completion");
const list = $("completion-list");
const doc = $("completion-doc");

let items = [];
let active = 0;
let ctx = null;
let explicit = false; // opened with Ctrl+Space: also complete variables and words

export const completionOpen = () => !popup.hidden;

export function openCompletion(force) {
  const c = caretContext();
  if (!c || (!force && !explicit && c.type !== "pname" && c.type !== "prefix")) {
    closeCompletion();
    return;
  }
  if (c.type === "pname" && c.prefix && vocabulary() === null && !force) return;
  ctx = c;
  items = candidates(c);
  const typed = ta.value.slice(c.start, ta.selectionStart);
  if (!items.length || (!force && items.length === 1 && items[0].insert === typed)) {
    closeCompletion();
    return;
  }
  active = 0;
  renderCompletion();
  popup.hidden = false;
  ta.setAttribute("aria-expanded", "true");
  placePopup();
}

/** Ctrl+Space: complete what is at the caret, variables and words included. */
export function completeNow() {
  explicit = true;
  openCompletion(true);
}

export function closeCompletion() {
  popup.hidden = true;
  explicit = false;
  items = [];
  ctx = null;
  ta.setAttribute("aria-expanded", "false");
  ta.removeAttribute("aria-activedescendant");
}

function renderCompletion() {
  list.textContent = "";
  items.forEach((it, i) => {
    const li = el("li", { role: "option", id: `cmp-${i}`, "aria-selected": String(i === active), "data-insert": it.insert });
    li.append(el("span", { class: "cmp-main" }, it.main));
    if (it.label && it.label !== it.main) li.append(el("span", { class: "cmp-label" }, it.label));
    li.append(el("span", { class: `cmp-kind kind-${it.kind}` }, it.kind));
    li.addEventListener("mousedown", (ev) => {
      ev.preventDefault(); // keep focus in the editor
      active = i;
      accept();
    });
    list.append(li);
  });
  showActive();
}

function showActive() {
  [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
  const li = list.children[active];
  if (li) {
    li.scrollIntoView({ block: "nearest" });
    ta.setAttribute("aria-activedescendant", li.id);
  }
  const it = items[active];
  const bits = [];
  if (it && it.term) {
    bits.push(it.term.iri);
    if (it.term.types && it.term.types.length) bits.push(it.term.types.join(", "));
    if (it.term.comment) bits.push(it.term.comment);
  } else if (it && it.kind === "prefix") {
    bits.push(it.label);
  }
  doc.textContent = bits.join(" — ");
  doc.hidden = !bits.length;
}

/** Put the popup under the start of the word being completed. */
export function placePopup() {
  const metrics = editorMetrics(true);
  const pos = ctx ? ctx.start : ta.selectionStart;
  const before = ta.value.slice(0, pos);
  const row = before.split("\n").length - 1;
  const col = before.length - lineStartOf(pos);
  const taRect = ta.getBoundingClientRect();
  const boxRect = box.getBoundingClientRect();
  let top = taRect.top - boxRect.top + metrics.padTop + (row + 1) * metrics.line - ta.scrollTop + 2;
  let left = taRect.left - boxRect.left + metrics.padLeft + col * metrics.char - ta.scrollLeft;
  left = Math.max(0, Math.min(left, boxRect.width - popup.offsetWidth));
  top = Math.max(0, Math.min(top, taRect.bottom - boxRect.top));
  popup.style.top = `${top}px`;
  popup.style.left = `${left}px`;
}

function accept() {
  const it = items[active];
  const c = ctx;
  if (!it || !c) return;
  closeCompletion();
  replaceRange(c.start, ta.selectionStart, it.insert);
  if (it.prefix && !it.reopen) ensurePrefix(it.prefix);
  if (it.reopen) openCompletion(false);
}

/** Add a PREFIX line for a known prefix the query uses but does not declare. */
function ensurePrefix(name) {
  const toks = tokenize(ta.value);
  if (declaredPrefixes(toks)[name] !== undefined) return;
  const ns = knownPrefixes()[name];
  if (!ns) return;
  const sig = significant(toks);
  let at = -1;
  for (let i = 0; i + 2 < sig.length; i++) {
    if (sig[i].type === "kw" && /^(PREFIX|BASE)$/i.test(sig[i].text)) {
      const iri = sig[i].text.toUpperCase() === "BASE" ? sig[i + 1] : sig[i + 2];
      if (iri && iri.type === "iri") at = iri.start + iri.text.length;
    }
  }
  const line = `PREFIX ${name}: ${nsRef(ns)}`;
  const caret = ta.selectionStart;
  let insert;
  let pos;
  if (at >= 0) {
    pos = at;
    insert = `\n${line}`;
  } else {
    pos = sig.length ? sig[0].start : ta.value.length;
    insert = `${line}\n`;
  }
  replaceRange(pos, pos, insert);
  const back = caret >= pos ? caret + insert.length : caret;
  ta.setSelectionRange(back, back);
  note(`Added ${line}`);
}

/** A key pressed in the editor while the list is open: move, accept or close; true if it was used. */
export function completionKey(ev) {
  if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
    ev.preventDefault();
    active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
    showActive();
    return true;
  }
  if (ev.key === "PageDown" || ev.key === "PageUp") {
    ev.preventDefault();
    active = Math.max(0, Math.min(items.length - 1, active + (ev.key === "PageDown" ? 8 : -8)));
    showActive();
    return true;
  }
  if (ev.key === "Enter" || ev.key === "Tab") {
    ev.preventDefault();
    accept();
    return true;
  }
  if (ev.key === "Escape") {
    ev.preventDefault();
    closeCompletion();
    return true;
  }
  return false;
}
