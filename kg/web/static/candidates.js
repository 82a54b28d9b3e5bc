// Completion data: the vocabulary, what is being typed at the caret, and the ranked candidates for it.
import { CFG } from "./config.js";
import { $ } from "./dom.js";
import { lineStartOf } from "./editor.js";
import { currentTokens } from "./highlight.js";
import { PN_LOCAL, curie, declaredPrefixes, nsRef, relativeRef } from "./iris.js";
import { FUNCTIONS, KEYWORDS, PN_CHARS, significant, tokenize } from "./tokenize.js";

const ta = $("query");

let vocab = null; // {prefixes, terms, graphs}
const KIND_RANK = { class: 0, property: 1, individual: 2, entity: 3 };

/** The vocabulary from /api/vocabulary, or null until it has loaded. */
export const vocabulary = () => vocab;

export function setVocabulary(v) {
  vocab = v;
}

export function knownPrefixes() {
  return { ...((vocab && vocab.prefixes) || CFG.prefixes) };
}

/** What is being typed at the caret: a prefixed name, a PREFIX name, a variable or a word. */
export function caretContext() {
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

/** The completion items for a caret context, best first: {main, label, kind, insert, ...}. */
export function candidates(c) {
  const tokens = currentTokens();
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
