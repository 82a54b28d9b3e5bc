// The SPARQL 1.1 tokenizer (with enough Turtle to colour CONSTRUCT results) and what tokens tell about a query.

export const KEYWORDS = new Set(
  ("BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED ORDER BY ASC DESC LIMIT OFFSET " +
    "DISTINCT REDUCED OPTIONAL GRAPH UNION MINUS FILTER BIND VALUES SERVICE SILENT GROUP HAVING AS " +
    "UNDEF EXISTS NOT IN LOAD CLEAR DROP CREATE ADD MOVE COPY INSERT DELETE DATA WITH USING DEFAULT " +
    "ALL INTO TO SEPARATOR").split(" "),
);
export const FUNCTIONS = new Set(
  ("STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE " +
    "LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES " +
    "SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT " +
    "SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE COUNT SUM MIN MAX AVG " +
    "SAMPLE GROUP_CONCAT TRIPLE SUBJECT PREDICATE OBJECT ISTRIPLE").split(" "),
);
export const PN_CHARS = "\\w\\u00B7\\u00C0-\\uFFFF";
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
export function tokenize(text) {
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

/** The tokens that matter to the grammar: no whitespace, no comments. */
export const significant = (tokens) => tokens.filter((t) => t.type !== "ws" && t.type !== "cmt");

/** 'select', 'ask' or 'graph' (CONSTRUCT/DESCRIBE), from the first query-form keyword. */
export function queryKind(tokens) {
  for (const t of tokens) {
    if (t.type !== "kw") continue;
    const k = t.text.toUpperCase();
    if (k === "SELECT") return "select";
    if (k === "ASK") return "ask";
    if (k === "CONSTRUCT" || k === "DESCRIBE") return "graph";
  }
  return "select";
}
