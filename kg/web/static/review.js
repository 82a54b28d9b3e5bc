// Review on the source page: accept, reject or correct a fact, merge a new name with a known
// entity, add a fact from a selected passage. Each decision is POSTed with the update token to
// /source/<id>/reviews, which records it in data/reviews/<id>.yaml; the next build applies it.
// The token stays in this tab (sessionStorage); the reviewer's name is remembered.

const TOKEN_KEY = "kg-review-token";
const NAME_KEY = "kg-reviewer";
const root = document.getElementById("review");
const sid = root.dataset.source;
const url = `${document.baseURI.replace(/\/source\/.*$/, "")}/source/${encodeURIComponent(sid)}/reviews`;
const startForm = document.getElementById("review-start");
const tools = document.getElementById("review-tools");
const status = document.getElementById("review-status");
const list = document.getElementById("review-decisions");
const addForm = document.getElementById("review-add");
const text = document.getElementById("text");
let selection = null; // { quote, start } of the passage selected in the article

function say(message, isError = false) {
  status.textContent = message;
  status.style.color = isError ? "#a00" : "";
}

async function send(decision) {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) || ""}`,
    },
    body: JSON.stringify({ reviewer: localStorage.getItem(NAME_KEY) || "", ...decision }),
  });
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) {
    say(`Not recorded: ${body.error || res.status}`, true);
    if (res.status === 401 || res.status === 403) stop();
    return null;
  }
  say(`Recorded ${body.action} as ${body.ref}; run kg build to apply it.`);
  await loadDecisions();
  return body;
}

function item(d) {
  const li = document.createElement("li");
  const what = d.action === "alias" ? `${d.action}: “${d.mention}” is ${d.entity}` : `${d.action}: “${d.quote}”`;
  li.textContent = `${d.id} · ${what} · ${d.reviewer}, ${d.at} · ${d.status}`;
  li.dataset.id = d.id;
  return li;
}

async function loadDecisions() {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) return;
  const body = await res.json();
  const mine = body.decisions.filter((d) => d.reviewer !== "project team");
  list.replaceChildren(...mine.map(item));
  if (!mine.length) list.replaceChildren(Object.assign(document.createElement("li"), { textContent: "none yet" }));
}

function decide(li, fields, action, extra = {}) {
  return send({ action, ...fields, ...extra }).then((done) => {
    if (!done) return;
    let mark = li.querySelector(".decided");
    if (!mark) {
      mark = document.createElement("span");
      mark.className = "decided";
      li.append(mark);
    }
    mark.textContent = `${action === "correct" ? "corrected" : action + "ed"} (${done.ref})`;
  });
}

function correctForm(li, fields) {
  if (li.querySelector("form")) return;
  const form = document.createElement("form");
  const input = Object.assign(document.createElement("input"), {
    type: "text",
    required: true,
    placeholder: "the right value: entity id, kgo:Won or integer:5000",
  });
  input.setAttribute("aria-label", "the right value");
  const ok = Object.assign(document.createElement("button"), { type: "submit", textContent: "Save" });
  form.append(input, ok);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    decide(li, fields, "correct", { corrected_text: input.value }).then(() => form.remove());
  });
  li.append(form);
  input.focus();
}

function addButtons() {
  for (const li of document.querySelectorAll("#facts li[data-fields]")) {
    if (li.querySelector(".decide")) continue;
    const fields = JSON.parse(li.dataset.fields);
    const box = document.createElement("span");
    box.className = "decide";
    for (const [label, action] of [["Accept", "accept"], ["Reject", "reject"], ["Correct…", "correct"]]) {
      const b = Object.assign(document.createElement("button"), { type: "button", textContent: label });
      b.dataset.action = action;
      b.addEventListener("click", () => (action === "correct" ? correctForm(li, fields) : decide(li, fields, action)));
      box.append(b);
    }
    li.append(box);
  }
}

function removeButtons() {
  for (const el of document.querySelectorAll("#facts .decide, #facts li form")) el.remove();
}

// the code point offset of the selection's start in the article text
function offsetOf(range) {
  const before = document.createRange();
  before.setStart(text, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return Array.from(before.toString()).length;
}

document.addEventListener("selectionchange", () => {
  if (tools.hidden) return;
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
  const range = sel.getRangeAt(0);
  if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
  const quote = range.toString();
  if (!quote.trim()) return;
  selection = { quote, start: offsetOf(range) };
  addForm.elements.quote.value = quote;
});

addForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!selection) {
    say("Select the passage in the article first.", true);
    return;
  }
  const f = addForm.elements;
  const done = await send({
    action: "add",
    subject: f.subject.value.trim(),
    property: f.property.value.trim(),
    object_text: f.object.value,
    quote: selection.quote,
    start: selection.start,
  });
  if (done) addForm.reset();
});

for (const li of document.querySelectorAll("#review-merge li")) {
  const mention = li.dataset.mention;
  const merge = (entity) =>
    send({ action: "alias", mention, entity, quote: mention }).then((done) => {
      if (done) li.append(Object.assign(document.createElement("span"), { className: "decided", textContent: ` merged with ${entity} (${done.ref})` }));
    });
  for (const b of li.querySelectorAll("button[data-entity]")) b.addEventListener("click", () => merge(b.dataset.entity));
  const other = li.querySelector("button[data-other]");
  if (other) other.addEventListener("click", () => {
    const value = li.querySelector("input").value.trim();
    if (value) merge(value);
  });
}

function start() {
  startForm.hidden = true;
  tools.hidden = false;
  document.getElementById("review-who").textContent = localStorage.getItem(NAME_KEY);
  addButtons();
  loadDecisions();
}

function stop() {
  sessionStorage.removeItem(TOKEN_KEY);
  tools.hidden = true;
  startForm.hidden = false;
  removeButtons();
}

startForm.addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, startForm.elements.token.value);
  localStorage.setItem(NAME_KEY, startForm.elements.reviewer.value.trim());
  start();
});
document.getElementById("review-stop").addEventListener("click", stop);
startForm.elements.reviewer.value = localStorage.getItem(NAME_KEY) || "";
if (sessionStorage.getItem(TOKEN_KEY) && localStorage.getItem(NAME_KEY)) start();
