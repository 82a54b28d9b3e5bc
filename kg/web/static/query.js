// The SPARQL workbench at /: editor (highlighting, completion), examples, run, results, downloads.
// Plain JavaScript, no dependencies. The server passes its settings in <script id="kg-data">.
"use strict";

(() => {
  const CFG = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id);

  const ta = $("query");
  const hlPre = $("highlight-pre");
  const hl = $("highlight");
  const gutter = $("gutter");
  const box = $("editor-box");
  const popup = $("completion");
  const list = $("completion-list");
  const doc = $("completion-doc");
  const asserted = $("asserted");
  const statusEl = $("status");
  const errorBox = $("error");
  const errorText = $("error-text");
  const errorGoto = $("error-goto");
  const errorWhere = $("error-where");
  const truncatedEl = $("truncated");
  const downloadsEl = $("downloads");
  const output = $("output");

  // ---------------------------------------------------------------------------------------------
  // Tokenizer: SPARQL 1.1 (and enough Turtle to colour CONSTRUCT results)
  // ---------------------------------------------------------------------------------------------

  const KEYWORDS = new Set(
    ("BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED ORDER BY ASC DESC LIMIT OFFSET " +
      "DISTINCT REDUCED OPTIONAL GRAPH UNION MINUS FILTER BIND VALUES SERVICE SILENT GROUP HAVING AS " +
      "UNDEF EXISTS NOT IN LOAD CLEAR DROP CREATE ADD MOVE COPY INSERT DELETE DATA WITH USING DEFAULT " +
      "ALL INTO TO SEPARATOR").split(" "),
  );
  const FUNCTIONS = new Set(
    ("STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE " +
      "LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES " +
      "SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT " +
      "SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE COUNT SUM MIN MAX AVG " +
      "SAMPLE GROUP_CONCAT TRIPLE SUBJECT PREDICATE OBJECT ISTRIPLE").split(" "),
  );
  const PN_CHARS = "\\w\\u00B7\\u00C0-\\uFFFF";
  const RULES = [
    ["ws", /\s+/y],
    ["cmt", /#[^\n]*/y],
    ["iri", /<[^<>"{}|^`\\\s]*>/y],
    ["str", /'''(?:[^\\]|\\[\s\S])*?(?:'''|$)/y],
    ["str", /"""(?:[^\\]|\\[\s\S])*?(?:"""|$)/y],
    ["str", /'(?:[^'\\\n]|\\.)*'?/y],
    ["str", /"(?:[^"\\\n]|\\.)*"?/y],
    ["var", new RegExp(`[?$][${PN_CHARS}]+`, "yu")],
    ["bnode", new RegExp(`_:[${PN_CHARS}.-]*`, "yu")],
    ["lang", /@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*/y],
    [
      "pname",
      new RegExp(
        `(?:[A-Za-z\\u00C0-\\uFFFF][${PN_CHARS}.-]*)?:(?:[${PN_CHARS}.:%-]|\\\\[_~.!$&'()*+,;=/?#@%-])*`,
        "yu",
      ),
    ],
    ["num", /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y],
    ["word", /[A-Za-z_][A-Za-z0-9_]*/y],
    ["punct", /\^\^|&&|\|\||!=|<=|>=|[{}()[\];,.*=<>!+\-/|^]/y],
  ];

  /** Split text into tokens {type, text, start}; every character belongs to one token. */
  function tokenize(text) {
    const out = [];
    let pos = 0;
    while (pos < text.length) {
      let matched = null;
      for (const [type, re] of RULES) {
        re.lastIndex = pos;
        const m = re.exec(text);
        if (m && m[0].length) {
          let t = m[0];
          let kind = type;
          if (kind === "pname" || kind === "bnode") {
            t = t.replace(/\.+$/, ""); // a dot ends the triple, it is not part of the name
            if (!t || t === "_:") continue;
          }
          if (kind === "word") {
            const up = t.toUpperCase();
            if (KEYWORDS.has(up) || t === "a") kind = "kw";
            else if (FUNCTIONS.has(up)) kind = "fn";
            else if (t === "true" || t === "false") kind = "bool";
          } else if (kind === "lang" && (t === "@prefix" || t === "@base")) {
            kind = "kw";
          }
          matched = { type: kind, text: t, start: pos };
          break;
        }
      }
      if (!matched) matched = { type: "other", text: text[pos], start: pos };
      out.push(matched);
      pos += matched.text.length;
    }
    return out;
  }

  const escapeHTML = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

  /** Highlighted HTML for tokens; ``mark`` is a character offset to flag as an error position. */
  function toHTML(tokens, mark = -1) {
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

  const significant = (tokens) => tokens.filter((t) => t.type !== "ws" && t.type !== "cmt");

  /** 'select', 'ask' or 'graph' (CONSTRUCT/DESCRIBE), from the first query-form keyword. */
  function queryKind(tokens) {
    for (const t of tokens) {
      if (t.type !== "kw") continue;
      const k = t.text.toUpperCase();
      if (k === "SELECT") return "select";
      if (k === "ASK") return "ask";
      if (k === "CONSTRUCT" || k === "DESCRIBE") return "graph";
    }
    return "select";
  }

  /** The PREFIX declarations of a query, with relative IRIs resolved against the base. */
  function declaredPrefixes(tokens) {
    const sig = significant(tokens);
    const out = {};
    for (let i = 0; i + 2 < sig.length; i++) {
      if (sig[i].type === "kw" && /^(PREFIX|@prefix)$/i.test(sig[i].text) && sig[i + 1].type === "pname" && sig[i + 2].type === "iri") {
        const name = sig[i + 1].text.replace(/:$/, "");
        out[name] = resolve(sig[i + 2].text.slice(1, -1));
      }
    }
    return out;
  }

  function resolve(iri) {
    try {
      return new URL(iri, CFG.base).href;
    } catch {
      return iri;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // IRIs: compact names and links
  // ---------------------------------------------------------------------------------------------

  const PN_LOCAL = /^[\p{L}\p{N}_:](?:[\p{L}\p{N}_.:\u00B7-]*[\p{L}\p{N}_:\u00B7-])?$/u;

  /** The IRI written for a query: a relative <iri> under the base, else the absolute <iri>. */
  const relativeRef = (iri) => (iri.startsWith(CFG.base) ? `<${iri.slice(CFG.base.length)}>` : `<${iri}>`);

  /** prefix:local with the longest matching namespace (the query's own prefixes win), or null. */
  function curie(iri, prefixes) {
    let best = null;
    for (const [name, ns] of Object.entries(prefixes)) {
      if (iri.startsWith(ns) && iri.length > ns.length && PN_LOCAL.test(iri.slice(ns.length))) {
        if (!best || ns.length > best[1].length) best = [name, ns];
      }
    }
    return best ? `${best[0]}:${iri.slice(best[1].length)}` : null;
  }

  function displayIRI(iri, prefixes) {
    return curie(iri, prefixes) ?? (iri.startsWith(CFG.base) ? `<${iri.slice(CFG.base.length)}>` : iri);
  }

  /** Where a result IRI links: an IRI under the base to its path on this server, others to themselves. */
  function linkFor(iri) {
    if (iri.startsWith(CFG.base)) return { href: CFG.root + iri.slice(CFG.base.length), external: false };
    return { href: iri, external: /^https?:/i.test(iri) };
  }

  // ---------------------------------------------------------------------------------------------
  // Editor: highlighted layer, gutter, scrolling, indentation
  // ---------------------------------------------------------------------------------------------

  let tokens = [];
  let errorOffset = -1;
  let lineCount = 0;
  let suppress = false; // our own edits do not open completion

  function refresh() {
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

  function syncScroll() {
    // the layer covers the textarea's client area exactly (scrollbars excluded), so offsets agree
    hlPre.style.width = `${ta.clientWidth}px`;
    hlPre.style.height = `${ta.clientHeight}px`;
    hlPre.scrollTop = ta.scrollTop;
    hlPre.scrollLeft = ta.scrollLeft;
    gutter.scrollTop = ta.scrollTop;
    if (!popup.hidden) placePopup();
  }

  /** Replace text[start:end] keeping the browser's undo history where it can. */
  function replaceRange(start, end, text) {
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

  function setQuery(text) {
    clearErrorMark();
    replaceRange(0, ta.value.length, text);
    ta.setSelectionRange(0, 0);
    ta.scrollTop = 0;
    ta.scrollLeft = 0;
    syncScroll();
  }

  function clearErrorMark() {
    if (errorOffset >= 0) {
      errorOffset = -1;
      refresh();
    }
  }

  let tabLeaves = false; // after Escape, Tab moves focus out of the editor

  function lineStartOf(pos) {
    return ta.value.lastIndexOf("\n", pos - 1) + 1;
  }

  function indentSelection(outdent) {
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

  function newlineWithIndent() {
    const { selectionStart: s, selectionEnd: e, value } = ta;
    const line = value.slice(lineStartOf(s), s);
    let indent = /^[ \t]*/.exec(line)[0];
    if (/[{(]\s*$/.test(line)) indent += "  ";
    replaceRange(s, e, `\n${indent}`);
  }

  // ---------------------------------------------------------------------------------------------
  // Completion
  // ---------------------------------------------------------------------------------------------

  let vocab = null; // {prefixes, terms, graphs}
  let items = [];
  let active = 0;
  let ctx = null;
  let explicit = false; // opened with Ctrl+Space: also complete variables and words
  const KIND_RANK = { class: 0, property: 1, individual: 2, entity: 3 };

  fetch(CFG.vocabulary, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((v) => {
      vocab = v;
      renderGraphs(v.graphs || []);
    })
    .catch((e) => {
      $("graphs").innerHTML = "";
      $("graphs").append(el("li", { class: "muted" }, `Vocabulary unavailable (${e.message}); completion is off.`));
    });

  /** What is being typed at the caret: a prefixed name, a PREFIX name, a variable or a word. */
  function caretContext() {
    const pos = ta.selectionStart;
    if (pos !== ta.selectionEnd) return null;
    const before = ta.value.slice(0, pos);
    const toks = tokenize(before);
    const last = toks[toks.length - 1];
    // inside (or just after) a comment, a string or an IRI: nothing to complete
    if (last && (last.type === "cmt" || last.type === "str" || last.type === "iri")) return null;
    const line = before.slice(lineStartOf(pos));
    if (/(?:^|[\s{}])(?:PREFIX|@prefix)\s+[\w.-]*:\S*$/i.test(line)) return null; // a prefix being declared
    let m = /(?:^|[\s{}])(PREFIX|@prefix)\s+([A-Za-z][\w.-]*)?$/i.exec(line);
    if (m) return { type: "prefix", start: pos - (m[2] || "").length, word: m[2] || "", turtle: m[1] === "@prefix" };
    m = new RegExp(`(?<![${PN_CHARS}.:?$@<"'-])((?:[A-Za-z\\u00C0-\\uFFFF][${PN_CHARS}.-]*)?):([${PN_CHARS}.:%-]*)$`, "u").exec(line);
    if (m) return { type: "pname", start: pos - m[0].length, prefix: m[1], word: m[2], toks };
    m = new RegExp(`[?$]([${PN_CHARS}]*)$`, "u").exec(line);
    if (m) return { type: "var", start: pos - m[0].length, word: m[0] };
    m = /(?<![\w?$:<@"'-])([A-Za-z_][\w-]*)?$/.exec(line);
    if (m) return { type: "word", start: pos - (m[1] || "").length, word: m[1] || "", toks };
    return null;
  }

  /** Where the caret is in a triple pattern: 'class' after `a`, 'property' or 'object'. */
  function triplePosition(toks, start) {
    const sig = significant(toks).filter((t) => t.start < start);
    const prev = sig[sig.length - 1];
    const prev2 = sig[sig.length - 2];
    if (!prev) return "subject";
    if (prev.type === "kw" && prev.text === "a") return "class";
    const isTerm = (t) => t && ["var", "pname", "iri", "bnode"].includes(t.type);
    if (prev.text === ";") return "property";
    if (prev.text === ",") return "object";
    if (isTerm(prev)) {
      if (!prev2 || ["{", ".", "}"].includes(prev2.text)) return "property";
      if (isTerm(prev2) || (prev2.type === "kw" && prev2.text === "a")) return "subject";
      if (prev2.text === ";") return "object";
    }
    if (prev.text === "{" || prev.text === ".") return "subject";
    return "any";
  }

  const rankByPosition = {
    class: { class: 0, property: 2, individual: 3, entity: 3 },
    property: { property: 0, class: 2, individual: 3, entity: 3 },
    object: { individual: 0, entity: 0, class: 2, property: 2 },
    subject: { entity: 0, individual: 1, class: 2, property: 2 },
    any: KIND_RANK,
  };

  function knownPrefixes() {
    return { ...((vocab && vocab.prefixes) || CFG.prefixes) };
  }

  /** How a namespace is written in a PREFIX line: relative under the base. */
  const nsRef = (ns) => relativeRef(ns);

  function candidates(c) {
    const out = [];
    if (c.type === "prefix") {
      const declared = declaredPrefixes(tokenize(ta.value));
      for (const [name, ns] of Object.entries(knownPrefixes())) {
        if (!name.toLowerCase().startsWith(c.word.toLowerCase())) continue;
        const text = c.turtle ? `${name}: ${nsRef(ns)} .` : `${name}: ${nsRef(ns)}`;
        out.push({ main: `${name}:`, label: ns, kind: declared[name] ? "declared" : "prefix", insert: text });
      }
      return out;
    }
    if (c.type === "var") {
      const seen = new Set();
      for (const t of tokens) {
        if (t.type === "var" && t.start !== c.start && t.text.slice(1).startsWith(c.word.slice(1)) && !seen.has(t.text.slice(1))) {
          seen.add(t.text.slice(1));
          if (t.text.slice(1) !== c.word.slice(1)) out.push({ main: t.text, label: "", kind: "variable", insert: c.word[0] + t.text.slice(1) });
        }
      }
      return out.slice(0, 50);
    }
    if (!vocab) return out;
    const declared = declaredPrefixes(tokens);
    const known = knownPrefixes();
    const all = { ...known, ...declared };
    if (c.type === "pname") {
      const ns = declared[c.prefix] ?? known[c.prefix];
      if (!ns) return out;
      const word = c.word.toLowerCase();
      const order = rankByPosition[triplePosition(c.toks, c.start)];
      for (const term of vocab.terms) {
        if (!term.iri.startsWith(ns) || term.iri.length === ns.length) continue;
        const local = term.iri.slice(ns.length);
        const l = local.toLowerCase();
        let rank;
        if (l.startsWith(word)) rank = 0;
        else if (word && l.includes(word)) rank = 1;
        else if (word && term.label.toLowerCase().includes(word)) rank = 2;
        else continue;
        const insert = PN_LOCAL.test(local) ? `${c.prefix}:${local}` : relativeRef(term.iri);
        const prefix = PN_LOCAL.test(local) ? c.prefix : null;
        out.push({ term, rank, order: order[term.kind] ?? 3, main: insert, label: term.label, kind: term.kind, insert, prefix });
      }
      out.sort((a, b) => a.rank - b.rank || a.order - b.order || a.main.localeCompare(b.main));
      return out.slice(0, 60);
    }
    // a bare word (Ctrl+Space): keywords, prefix names, and terms whose label or name matches
    const word = c.word.toLowerCase();
    for (const k of [...KEYWORDS, ...FUNCTIONS]) {
      if (word && k.toLowerCase().startsWith(word) && k.toLowerCase() !== word) out.push({ main: k, label: "", kind: "keyword", insert: k, rank: 0 });
    }
    for (const [name, ns] of Object.entries(all)) {
      if (name.toLowerCase().startsWith(word)) out.push({ main: `${name}:`, label: ns, kind: "prefix", insert: `${name}:`, rank: 1, reopen: true, prefix: name });
    }
    if (word.length >= 2) {
      for (const term of vocab.terms) {
        const name = curie(term.iri, all);
        const local = name ? name.slice(name.indexOf(":") + 1).toLowerCase() : "";
        const label = term.label.toLowerCase();
        let rank;
        if (label.startsWith(word) || local.startsWith(word)) rank = 2;
        else if (label.includes(word) || local.includes(word)) rank = 3;
        else continue;
        const insert = name ?? relativeRef(term.iri);
        const prefix = name ? name.slice(0, name.indexOf(":")) : null;
        out.push({ term, main: insert, label: term.label, kind: term.kind, insert, rank, prefix });
      }
    }
    out.sort((a, b) => a.rank - b.rank || (KIND_RANK[a.kind] ?? 0) - (KIND_RANK[b.kind] ?? 0) || a.main.localeCompare(b.main));
    return out.slice(0, 60);
  }

  function openCompletion(force) {
    const c = caretContext();
    if (!c || (!force && !explicit && c.type !== "pname" && c.type !== "prefix")) {
      closeCompletion();
      return;
    }
    if (c.type === "pname" && c.prefix && vocab === null && !force) return;
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

  function closeCompletion() {
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

  function placePopup() {
    if (!metrics || !metrics.char) measure();
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

  // ---------------------------------------------------------------------------------------------
  // Editor events
  // ---------------------------------------------------------------------------------------------

  ta.addEventListener("input", (ev) => {
    clearErrorMark();
    refresh();
    if (suppress) return;
    if (!popup.hidden || (ev.inputType && ev.inputType.startsWith("insert") && ev.inputType !== "insertFromPaste")) {
      openCompletion(false);
    }
  });
  ta.addEventListener("scroll", syncScroll);
  ta.addEventListener("blur", () => setTimeout(() => document.activeElement !== ta && closeCompletion(), 100));
  ta.addEventListener("click", () => !popup.hidden && openCompletion(false));
  new ResizeObserver(() => {
    syncScroll();
    metrics = null;
  }).observe(ta);

  ta.addEventListener("keydown", (ev) => {
    const open = !popup.hidden;
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
      explicit = true;
      openCompletion(true);
      return;
    }
    if (open) {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
        showActive();
        return;
      }
      if (ev.key === "PageDown" || ev.key === "PageUp") {
        ev.preventDefault();
        active = Math.max(0, Math.min(items.length - 1, active + (ev.key === "PageDown" ? 8 : -8)));
        showActive();
        return;
      }
      if (ev.key === "Enter" || ev.key === "Tab") {
        ev.preventDefault();
        accept();
        return;
      }
      if (ev.key === "Escape") {
        ev.preventDefault();
        closeCompletion();
        return;
      }
    }
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

  // ---------------------------------------------------------------------------------------------
  // Running a query
  // ---------------------------------------------------------------------------------------------

  const FORMATS = {
    select: [
      ["json", "JSON", "json"],
      ["xml", "XML", "srx"],
      ["csv", "CSV", "csv"],
      ["tsv", "TSV", "tsv"],
    ],
    graph: [
      ["turtle", "Turtle", "ttl"],
      ["ntriples", "N-Triples", "nt"],
      ["jsonld", "JSON-LD", "jsonld"],
      ["rdfxml", "RDF/XML", "rdf"],
      ["trig", "TriG", "trig"],
      ["nquads", "N-Quads", "nq"],
    ],
  };

  function params(query, extra = {}) {
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

  function rememberInURL(query) {
    history.replaceState(null, "", pageURL(query));
  }

  function status(text, busy) {
    statusEl.textContent = text;
    statusEl.classList.toggle("busy", !!busy);
  }

  let noteTimer = 0;
  function note(text) {
    const n = $("note");
    n.textContent = text;
    clearTimeout(noteTimer);
    noteTimer = setTimeout(() => {
      n.textContent = "";
    }, 5000);
  }

  let controller = null;
  let lastRun = null; // {query}

  async function run() {
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
    errorBox.hidden = true;
    truncatedEl.hidden = true;
    document.body.setAttribute("aria-busy", "true");
    status("Running…", true);
    rememberInURL(query);
    lastRun = { query };
    const t0 = performance.now();
    let res;
    let text;
    try {
      res = await fetch(CFG.sparql, {
        method: "POST",
        signal: mine.signal,
        headers: {
          Accept: kind === "graph" ? "text/turtle, application/n-triples;q=0.9, */*;q=0.1" : "application/sparql-results+json",
          "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        },
        body: params(query).toString(),
      });
      text = await res.text();
    } catch (e) {
      if (e.name === "AbortError") return;
      finish();
      output.textContent = "";
      downloadsEl.hidden = true;
      showError(`Could not reach the SPARQL endpoint: ${e.message}`);
      status("Failed.", false);
      return;
    }
    if (mine !== controller) return;
    const ms = Math.round(performance.now() - t0);
    finish();
    output.textContent = "";
    if (!res.ok) {
      downloadsEl.hidden = true;
      showError(text.trim() || `HTTP ${res.status} ${res.statusText}`, query);
      status(`Failed after ${ms} ms (HTTP ${res.status}).`, false);
      return;
    }
    const type = (res.headers.get("Content-Type") || "").split(";")[0].trim();
    // the query's own prefixes first: on equal namespaces the first name found wins
    const prefixes = { ...declaredPrefixes(tokenize(query)) };
    for (const [name, ns] of Object.entries(knownPrefixes())) if (!(name in prefixes)) prefixes[name] = ns;
    let summary;
    let resultKind = kind;
    if (/json/.test(type) && type !== "application/ld+json") {
      let data;
      try {
        data = JSON.parse(text);
      } catch {
        showError("The endpoint answered with JSON that could not be read.");
        return;
      }
      if (typeof data.boolean === "boolean") {
        resultKind = "ask";
        output.append(el("p", { class: "ask" }, "Answer: ", el("strong", {}, String(data.boolean))));
        summary = `ASK: ${data.boolean}`;
      } else {
        resultKind = "select";
        const n = data.results.bindings.length;
        output.append(resultTable(data.head.vars, data.results.bindings, prefixes));
        summary = `${n.toLocaleString("en")} ${n === 1 ? "row" : "rows"}`;
      }
    } else {
      resultKind = "graph";
      output.append(graphText(text, type));
      const counted = res.headers.get("X-KG-Rows");
      const n = counted !== null && /^\d+$/.test(counted) ? Number(counted) : text.split("\n").filter((l) => /^\s*[<_]/.test(l)).length;
      summary = `${n.toLocaleString("en")} ${n === 1 ? "triple" : "triples"} (${formatName(type)})`;
    }
    status(`${summary} · ${ms} ms`, false);
    if (res.headers.get("X-KG-Truncated") === "true") {
      const cap = res.headers.get("X-KG-Row-Cap");
      truncatedEl.textContent = `Results were capped: only the first ${cap ? Number(cap).toLocaleString("en") : "few"} rows are shown. Add a LIMIT and OFFSET, or narrow the query, to see the rest.`;
      truncatedEl.hidden = false;
    }
    renderDownloads(query, resultKind === "graph" ? "graph" : "select");
  }

  function finish() {
    document.body.removeAttribute("aria-busy");
    controller = null;
  }

  function formatName(type) {
    return { "text/turtle": "Turtle", "application/n-triples": "N-Triples", "application/trig": "TriG" }[type] || type || "text";
  }

  function showError(message, query) {
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
      errorOffset = offset;
      refresh();
      const num = String(line + 1);
      const pad = lines[line].slice(0, Math.min(Number(m[2]) - 1, lines[line].length)).replace(/[^\t]/g, " ");
      errorWhere.textContent = `${num} | ${lines[line]}\n${" ".repeat(num.length)} | ${pad}^`;
      errorWhere.hidden = false;
      errorGoto.hidden = false;
      errorGoto.textContent = `Show line ${m[1]}, column ${m[2]} in the editor`;
      errorGoto.onclick = () => {
        ta.focus();
        ta.setSelectionRange(offset, offset);
        const row = line;
        if (!metrics) measure();
        ta.scrollTop = Math.max(0, row * metrics.line - ta.clientHeight / 2);
        syncScroll();
      };
    }
  }

  function renderDownloads(query, kind) {
    downloadsEl.textContent = "";
    downloadsEl.append(el("span", { class: "muted" }, "Download:"));
    for (const [fmt, label, ext] of FORMATS[kind]) {
      const href = `${CFG.sparql}?${params(query, { format: fmt }).toString()}`;
      downloadsEl.append(el("a", { href, download: `results.${ext}`, "data-format": fmt }, label));
    }
    downloadsEl.hidden = false;
  }

  // ---------------------------------------------------------------------------------------------
  // Results
  // ---------------------------------------------------------------------------------------------

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  }

  /** The muted hint after a literal: its language tag or its datatype, compacted. */
  function literalHint(term, prefixes) {
    if (term["xml:lang"]) return `@${term["xml:lang"]}`;
    if (term.datatype) return displayIRI(term.datatype, prefixes);
    return "";
  }

  /** A result term as DOM; ``hintInHeader`` leaves a literal's hint to the column header. */
  function termNode(term, prefixes, hintInHeader = false) {
    if (!term) return null;
    if (term.type === "uri") {
      const { href, external } = linkFor(term.value);
      const a = el("a", { href, title: term.value, class: "iri" }, displayIRI(term.value, prefixes));
      if (external) {
        a.rel = "noopener";
        a.target = "_blank";
      }
      return a;
    }
    if (term.type === "bnode") return el("span", { class: "bnode" }, `_:${term.value}`);
    if (term.type === "triple") {
      const t = term.value;
      return el("span", { class: "triple" }, "<< ", termNode(t.subject, prefixes), " ", termNode(t.predicate, prefixes), " ", termNode(t.object, prefixes), " >>");
    }
    const hint = literalHint(term, prefixes);
    const span = el("span", { class: "literal", title: hint && hintInHeader ? hint : null }, term.value);
    if (!hint || hintInHeader) return span;
    const frag = document.createDocumentFragment();
    frag.append(span, el("span", { class: "hint", title: term.datatype || null }, hint));
    return frag;
  }

  /** Per column: the hint every bound value shares (all literals of one datatype or language), or "". */
  function columnHints(vars, bindings, prefixes) {
    const out = {};
    for (const v of vars) {
      let shared = null;
      for (const b of bindings) {
        const term = b[v];
        if (!term) continue;
        const hint = term.type === "literal" ? literalHint(term, prefixes) : "";
        if (!hint || (shared !== null && hint !== shared)) {
          shared = "";
          break;
        }
        shared = hint;
      }
      out[v] = shared || "";
    }
    return out;
  }

  const NUMERIC = /#(integer|decimal|double|float|int|long|short|nonNegativeInteger|positiveInteger|gYear)$/;

  function resultTable(vars, bindings, prefixes) {
    const wrap = el("div", { class: "table-wrap" });
    const table = el("table", { class: "results-table" });
    const hints = columnHints(vars, bindings, prefixes);
    const head = el("tr", {}, el("th", { scope: "col", class: "rownum" }, "#"));
    vars.forEach((v, i) => {
      const btn = el("button", { type: "button", class: "sort", title: `Sort by ?${v}` }, `?${v}`);
      const th = el("th", { scope: "col", "aria-sort": "none" }, btn);
      if (hints[v]) th.append(el("span", { class: "hint", title: `every value of ?${v} is ${hints[v]}` }, hints[v]));
      btn.addEventListener("click", () => sortBy(table, i + 1, th));
      head.append(th);
    });
    table.append(el("thead", {}, head));
    const tbody = el("tbody");
    const frag = document.createDocumentFragment();
    bindings.forEach((b, r) => {
      const tr = el("tr", {}, el("td", { class: "rownum" }, String(r + 1)));
      for (const v of vars) {
        const term = b[v];
        const td = el("td");
        const node = termNode(term, prefixes, !!hints[v]);
        if (node) td.append(node);
        if (term && term.type === "literal" && term.datatype && NUMERIC.test(term.datatype)) td.className = "num";
        td.dataset.sort = term ? term.value : "";
        tr.append(td);
      }
      frag.append(tr);
    });
    tbody.append(frag);
    table.append(tbody);
    if (!bindings.length) wrap.append(el("p", { class: "muted" }, "No rows match."));
    wrap.prepend(table);
    return wrap;
  }

  function sortBy(table, col, th) {
    const dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    for (const other of table.tHead.rows[0].cells) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", dir);
    const rows = [...table.tBodies[0].rows];
    const key = (tr) => tr.cells[col].dataset.sort;
    const numeric = rows.every((tr) => key(tr) === "" || !Number.isNaN(Number(key(tr))));
    rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const c = numeric ? (x === "" ? -Infinity : Number(x)) - (y === "" ? -Infinity : Number(y)) : x.localeCompare(y, "en", { numeric: true });
      return dir === "ascending" ? c : -c;
    });
    table.tBodies[0].append(...rows);
  }

  function graphText(text, type) {
    const pre = el("pre", { class: "rdf", tabindex: "0", "aria-label": `${formatName(type)} result` });
    const code = el("code");
    if (text.length < 400000) code.innerHTML = toHTML(tokenize(text));
    else code.textContent = text;
    pre.append(code);
    if (!text.trim()) return el("p", { class: "muted" }, "The result has no triples.");
    return pre;
  }

  function renderGraphs(graphs) {
    const ul = $("graphs");
    ul.textContent = "";
    for (const g of graphs) {
      ul.append(el("li", {}, el("code", { title: g.iri }, g.name), " ", el("span", { class: "muted" }, `${Number(g.quads).toLocaleString("en")} triples`)));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Examples, URL state, copy link
  // ---------------------------------------------------------------------------------------------

  fetch(CFG.examples, { headers: { Accept: "application/json" } })
    .then((r) => r.json().then((d) => ({ ok: r.ok, d })))
    .then(({ ok, d }) => {
      const ul = $("examples");
      ul.textContent = "";
      if (!ok) ul.append(el("li", { class: "error small" }, d.error || "Could not load the examples."));
      for (const ex of d.examples) {
        const btn = el(
          "button",
          { type: "button", class: "example", "data-name": ex.name, title: ex.description },
          el("span", { class: "ex-title" }, ex.title),
          el("span", { class: "ex-desc" }, ex.description),
        );
        if (ex.tags.length) btn.append(el("span", { class: "ex-tags" }, ex.tags.join(" · ")));
        btn.addEventListener("click", () => {
          for (const b of ul.querySelectorAll("button[aria-current]")) b.removeAttribute("aria-current");
          btn.setAttribute("aria-current", "true");
          setQuery(ex.query);
          rememberInURL(ex.query);
          run();
        });
        ul.append(el("li", {}, btn));
      }
    })
    .catch((e) => {
      $("examples").textContent = `Could not load the examples: ${e.message}`;
    });

  $("query-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    run();
  });

  asserted.addEventListener("change", () => {
    if (lastRun && lastRun.query === ta.value) run();
    else if (new URLSearchParams(location.search).has("query")) rememberInURL(ta.value);
  });

  $("copy-link").addEventListener("click", async () => {
    const url = pageURL(ta.value);
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
  });

  // start: the query in the URL wins over the default text, and runs at once
  const initial = new URLSearchParams(location.search);
  if (initial.get("inference") === "false") asserted.checked = true;
  const q = initial.get("query");
  if (q !== null) {
    ta.value = q;
    refresh();
    run();
  } else {
    refresh();
  }
})();
