// The search box on every page (templates/_search.html): suggestions from /search as you type,
// a short pause after the last key; Up and Down choose one, Enter opens its entity page, Escape
// closes the list. Without a chosen suggestion Enter submits the form: the results page.
// The ARIA 1.2 combobox pattern: the input is the combobox, the list its listbox, and the
// chosen option is the input's aria-activedescendant. The DOM is built with textContent only.

const DEBOUNCE_MS = 150;
const LIMIT = 8;

/** A link target we are willing to follow: a path on this server, or an http(s) URL. */
export function safeHref(page) {
  if (typeof page !== "string" || page === "") return null;
  if (page.startsWith("/")) return page.startsWith("//") || page.startsWith("/\\") ? null : page;
  try {
    const url = new URL(page);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function span(cls, text) {
  const s = document.createElement("span");
  s.className = cls;
  s.textContent = text;
  return s;
}

function optionFor(match, i, listId) {
  const li = document.createElement("li");
  li.id = `${listId}-opt-${i}`;
  li.setAttribute("role", "option");
  li.setAttribute("aria-selected", "false");
  const meta = match.matched && match.matched !== match.label ? `${match.type} · as “${match.matched}”` : match.type;
  const href = safeHref(match.page);
  const body = href ? document.createElement("a") : document.createElement("span");
  if (href) {
    body.href = href;
    body.tabIndex = -1; // focus stays in the box; the link is for the mouse (and a new tab)
  }
  body.append(span("kg-search-label-text", String(match.label ?? "")), span("kg-search-meta", String(meta ?? "")));
  li.append(body);
  return li;
}

function setUp(form) {
  const input = form.querySelector('[role="combobox"]');
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const status = form.querySelector('[role="status"]');
  const endpoint = form.dataset.endpoint;
  let timer = 0;
  let controller = null;
  let asked = 0; // the number of the latest request: an older answer is dropped
  let active = -1;

  const options = () => [...list.querySelectorAll('[role="option"]')];

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(i) {
    const opts = options();
    if (opts.length === 0) return;
    active = ((i % opts.length) + opts.length) % opts.length;
    opts.forEach((o, j) => o.setAttribute("aria-selected", String(j === active)));
    input.setAttribute("aria-activedescendant", opts[active].id);
    opts[active].scrollIntoView({ block: "nearest" });
  }

  function show(matches) {
    close();
    if (matches.length === 0) {
      const none = document.createElement("li");
      none.setAttribute("role", "presentation");
      none.append(span("kg-search-none", "No entity has that name"));
      list.append(none);
      status.textContent = "No entity has that name";
    } else {
      list.append(...matches.map((m, i) => optionFor(m, i, list.id)));
      input.setAttribute("aria-expanded", "true");
      status.textContent = `${matches.length} suggestion${matches.length === 1 ? "" : "s"}; Up and Down to choose`;
    }
    list.hidden = false;
  }

  async function ask(text) {
    controller?.abort();
    controller = new AbortController();
    const mine = ++asked;
    const url = `${endpoint}?${new URLSearchParams({ q: text, limit: String(LIMIT) })}`;
    try {
      const res = await fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal });
      const data = res.ok ? await res.json() : null;
      if (mine !== asked || input.value.trim() !== text) return;
      if (Array.isArray(data)) show(data);
      else close(); // a refusal (400) has nothing to suggest
    } catch (err) {
      if (err.name !== "AbortError" && mine === asked) close();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text === "") {
      asked += 1;
      controller?.abort();
      close();
      status.textContent = "";
      return;
    }
    timer = setTimeout(() => ask(text), DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (ev) => {
    const open = !list.hidden && options().length > 0;
    if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && open) {
      ev.preventDefault();
      const down = ev.key === "ArrowDown";
      choose(active < 0 ? (down ? 0 : -1) : active + (down ? 1 : -1));
    } else if (ev.key === "ArrowDown" && list.hidden && input.value.trim() !== "") {
      ev.preventDefault(); // reopen the list closed with Escape
      ask(input.value.trim());
    } else if (ev.key === "Enter" && open && active >= 0) {
      const link = options()[active].querySelector("a");
      if (link) {
        ev.preventDefault();
        window.location.assign(link.href);
      }
    } else if (ev.key === "Escape" && !list.hidden) {
      ev.preventDefault(); // keep what was typed (a search input clears itself on Escape)
      close();
    }
  });

  // a click on a suggestion must not blur the box first (that would close the list under it)
  list.addEventListener("mousedown", (ev) => ev.preventDefault());
  input.addEventListener("blur", close);
}

const form = document.querySelector("form.kg-search");
if (form) setUp(form);
