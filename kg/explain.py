"""Why a triple holds: the articles that state it, or the rule and premises that infer it.

``explain(store, names, s, p, o)`` returns a JSON-able tree for one triple. A node is a triple (its
statement IRI, subject, predicate, object) with

- ``sources``: the passages of the articles that state it (article id, title, date, the quoted
  evidence with its code-point offsets, the extraction method and rule);
- ``registry``: ``"data/entities.yaml"`` when the entity registry records it;
- ``derivation``: for an inferred triple, the OWL 2 RL rule, the ontology terms whose axioms were
  used and the premises, each a node of its own.

A premise the articles or the registry assert ends there; an inferred premise is explained in turn,
so every branch ends at an article or at the registry. A premise already being explained higher up
the branch is marked ``cycle`` and not followed again. The triple asked about gets both its sources
and its derivation when it is asserted and inferred (Kalpana Soren's father-in-law).

``render_text(tree)`` gives the same tree as indented text, ending with a one-line summary.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

import pyoxigraph as ox
from rdflib import XSD, Literal, URIRef
from rdflib.term import Identifier

from kg.namespaces import Names
from kg.rdf import statement_iri
from kg.store import Store
from kg.web.page import compact

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF_NS + "type"
XSD_STRING = str(XSD.string)
REGISTRY = "data/entities.yaml"
MAX_DEPTH = 32  # far deeper than any derivation here; a guard, like the cycle check

RULES = {
    "prp-spo1": "sub-property",
    "prp-spo2": "property chain",
    "prp-inv": "inverse property",
    "prp-symp": "symmetric property",
    "prp-trp": "transitive property",
    "prp-dom": "property domain",
    "prp-rng": "property range",
    "cax-sco": "subclass",
    "cls-svf1": "some-values-from restriction",
}
KINDS = {"EncyclopediaArticle": "encyclopedia", "NewsArticle": "news"}

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_BAD_IRI_CHAR = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_CURIE = re.compile(r"([A-Za-z][\w.-]*|):(\S*)")
_LITERAL = re.compile(
    r"""(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')"""
    r"(?:@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)|\^\^(\S+))?",
    re.S,
)
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*\.\d+")
_DOUBLE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+")
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)


class ExplainError(ValueError):
    """The triple is not in the graph, or not written as an IRI/CURIE/literal."""


class TermError(ExplainError):
    """A subject, property or object that is missing or not written as an IRI, CURIE or literal."""


class NotInGraph(ExplainError):
    """The triple is well written but neither an article, the registry nor inference gives it."""


# ---- reading the terms --------------------------------------------------------------------------


def _unescape(text: str, role: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if code[0] in "uU" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code in _ESCAPES:
            return _ESCAPES[code]
        raise TermError(f"the {role} has an unknown escape \\{code}")

    return _ESCAPE.sub(one, text)


def _iri(text: str, names: Names, role: str) -> str:
    """An IRI from ``<iri>`` (relative ones against the base), a bare absolute IRI or a CURIE."""
    if text.startswith("<"):
        if not text.endswith(">"):
            raise TermError(f"the {role} {text!r} opens '<' but does not close it with '>'")
        iri = urljoin(names.base, text[1:-1])
    elif text.startswith("_:"):
        raise TermError(f"the {role} {text!r} is a blank node; blank nodes have no lasting name")
    elif (_SCHEME.match(text) and "://" in text) or text.startswith("urn:"):
        iri = text
    else:
        m = _CURIE.fullmatch(text)
        prefixes = names.prefixes()
        if m is None:
            raise TermError(
                f"the {role} {text!r} is not an IRI, a CURIE or a literal "
                '(write <http://…>, kg:kalpana-soren, "text" or a number)'
            )
        if m.group(1) not in prefixes:
            raise TermError(
                f"the {role} {text!r} uses the unknown prefix {m.group(1)!r}; "
                f"known prefixes: {', '.join(prefixes)}"
            )
        if not m.group(2):
            raise TermError(f"the {role} {text!r} has a prefix but no local name")
        iri = prefixes[m.group(1)] + m.group(2)
    if not _SCHEME.match(iri) or _BAD_IRI_CHAR.search(iri):
        raise TermError(f"the {role} {text!r} is not a valid absolute IRI")
    return iri


def parse_term(text: str, names: Names, role: str = "object") -> URIRef | Literal:
    """``text`` as an RDF term: an IRI, a CURIE with the graph's prefixes or (as object) a literal.

    Literals are written as in SPARQL: ``"text"``, ``"text"@en``, ``"2"^^xsd:integer``,
    ``"2"^^<http://…#integer>``, a bare number (integer, decimal or double) or true/false.
    """
    text = text.strip()
    if not text:
        raise TermError(f"the {role} is missing")
    if role == "property" and text == "a":
        return URIRef(RDF_TYPE)
    literal = _literal(text, names, role)
    if literal is not None:
        if role != "object":
            raise TermError(f"the {role} must be an IRI or CURIE, not the literal {text}")
        return literal
    return URIRef(_iri(text, names, role))


def _literal(text: str, names: Names, role: str) -> Literal | None:
    m = _LITERAL.fullmatch(text)
    if m is not None:
        raw = m.group(1) if m.group(1) is not None else m.group(2)
        value = _unescape(raw, role)
        if m.group(3):
            return Literal(value, lang=m.group(3).lower())
        if m.group(4):
            datatype = _iri(m.group(4), names, f"{role}'s datatype")
            # "x"^^xsd:string is the same RDF term as "x"; the build writes the short form
            return Literal(value) if datatype == XSD_STRING else Literal(value, datatype=datatype)
        return Literal(value)
    if text[0] in "\"'":
        raise TermError(f"the {role} {text} is not a well-formed literal (unbalanced quotes?)")
    for pattern, datatype in (
        (_INTEGER, XSD.integer),
        (_DECIMAL, XSD.decimal),
        (_DOUBLE, XSD.double),
    ):
        if pattern.fullmatch(text):
            return Literal(text, datatype=datatype)
    if text in ("true", "false"):
        return Literal(text, datatype=XSD.boolean)
    return None


def spell(term: URIRef | Literal | ox.NamedNode | ox.Literal, names: Names) -> str:
    """The SPARQL spelling of a term that :func:`parse_term` reads back: a CURIE or a literal."""
    prefixes = names.prefixes()
    if isinstance(term, URIRef | ox.NamedNode):
        return compact(str(term) if isinstance(term, URIRef) else term.value, prefixes, names.base)
    if isinstance(term, Literal):
        value, lang = str(term), term.language
        datatype = str(term.datatype) if term.datatype else None
    else:
        value, lang, datatype = term.value, term.language, term.datatype.value
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    quoted = quoted.replace("\r", "\\r").replace("\t", "\\t")
    if lang:
        return f"{quoted}@{lang}"
    if datatype and datatype != XSD_STRING:
        return f"{quoted}^^{compact(datatype, prefixes, names.base)}"
    return quoted


# ---- reading the graph ----------------------------------------------------------------------------


def source_records(store: Store, names: Names) -> dict[str, dict[str, Any]]:
    """Every article of the graph by id: IRI, title, kind, publication and retrieval dates."""
    kgo = str(names.kgo)
    rows = store.query(
        f"""PREFIX kgo: <{kgo}> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?src ?sid ?title ?type ?pub ?ret ?publisher ?sha WHERE {{
          ?src kgo:sourceId ?sid ; dcterms:title ?title .
          OPTIONAL {{ ?src a ?type FILTER(?type IN (kgo:EncyclopediaArticle, kgo:NewsArticle)) }}
          OPTIONAL {{ ?src kgo:retrievedDate ?ret }} OPTIONAL {{ ?src kgo:publicationDate ?pub }}
          OPTIONAL {{ ?src kgo:publisherName ?publisher }} OPTIONAL {{ ?src kgo:sha256 ?sha }}
        }} ORDER BY ?sid"""
    ).values()
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        sid = r["sid"]
        if sid is None or sid in out:
            continue
        out[sid] = {
            "source": sid,
            "iri": r["src"],
            "title": r["title"],
            "kind": KINDS.get((r["type"] or "").removeprefix(kgo), ""),
            "published": r["pub"],
            "retrieved": r["ret"],
            "publisher": r["publisher"],
            "sha256": r["sha"],
        }
    return out


class _Explainer:
    """Reads statement nodes, references and derivations; labels are looked up once each."""

    def __init__(self, store: Store, names: Names) -> None:
        self.store = store
        self.names = names
        self.prefixes = names.prefixes()
        self.kgo = str(names.kgo)
        self.labels: dict[str, str] = {}
        self.sources = source_records(store, names)
        self.head = (
            f"PREFIX kgo: <{self.kgo}> PREFIX rdf: <{RDF_NS}> "
            "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        )

    def label(self, iri: str) -> str:
        if iri not in self.labels:
            rows = self.store.query(
                self.head + f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }} "
                'ORDER BY DESC(LANGMATCHES(LANG(?l), "en")) ?l LIMIT 1'
            ).values()
            found = rows[0]["l"] if rows else None
            if found is None:
                found = "type" if iri == RDF_TYPE else re.split(r"[#/]", iri.rstrip("/#"))[-1]
            self.labels[iri] = found
        return self.labels[iri]

    def term(self, t: ox.NamedNode | ox.Literal | ox.BlankNode) -> dict[str, Any]:
        if isinstance(t, ox.NamedNode):
            return {
                "kind": "iri",
                "iri": t.value,
                "text": compact(t.value, self.prefixes, self.names.base),
                "label": self.label(t.value),
            }
        if isinstance(t, ox.Literal):
            return {
                "kind": "literal",
                "value": t.value,
                "datatype": t.datatype.value,
                "lang": t.language,
                "text": spell(t, self.names),
                "label": t.value,
            }
        return {"kind": "bnode", "text": f"_:{t.value}", "label": f"_:{t.value}"}

    def triple(self, st: str) -> tuple[Any, Any, Any] | None:
        res = self.store.query(
            self.head + f"SELECT ?s ?p ?o WHERE {{ <{st}> rdf:subject ?s ; rdf:predicate ?p ; "
            "rdf:object ?o } LIMIT 1"
        )
        if not res.rows:
            return None
        s, p, o = res.rows[0]
        return s, p, o

    def references(self, st: str) -> list[dict[str, Any]]:
        rows = self.store.query(
            self.head
            + f"""SELECT ?ref ?src ?method ?rule ?note ?approx ?start ?end ?exact ?prefix ?suffix
            WHERE {{ <{st}> prov:wasDerivedFrom ?ref . ?ref kgo:statedIn ?src .
              OPTIONAL {{ ?ref kgo:extractionMethod ?method }} OPTIONAL {{ ?ref kgo:extractionRule ?rule }}
              OPTIONAL {{ ?ref kgo:note ?note }} OPTIONAL {{ ?ref kgo:approximate ?approx }}
              OPTIONAL {{ ?ref oa:hasSelector ?pos . ?pos a oa:TextPositionSelector ;
                          oa:start ?start ; oa:end ?end }}
              OPTIONAL {{ ?ref oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; oa:exact ?exact .
                          OPTIONAL {{ ?q oa:prefix ?prefix }} OPTIONAL {{ ?q oa:suffix ?suffix }} }}
            }}"""
        ).values()
        by_iri = {s["iri"]: s for s in self.sources.values()}
        refs: dict[str, dict[str, Any]] = {}
        for r in rows:
            ref = r["ref"]
            if ref is None or ref in refs:
                continue
            src = by_iri.get(r["src"] or "", {"source": None, "iri": r["src"], "title": None})
            start = int(r["start"]) if r["start"] is not None else None
            end = int(r["end"]) if r["end"] is not None else None
            anchor = f"c{start}-{end}" if start is not None and end is not None else None
            method = r["method"]
            refs[ref] = {
                "reference": ref,
                "source": src["source"],
                "source_iri": src["iri"],
                "title": src["title"],
                "kind": src.get("kind"),
                "published": src.get("published"),
                "retrieved": src.get("retrieved"),
                "start": start,
                "end": end,
                "quote": r["exact"],
                "prefix": r["prefix"],
                "suffix": r["suffix"],
                "method": compact(method, self.prefixes, self.names.base) if method else None,
                "method_label": self.label(method) if method else None,
                "rule": r["rule"],
                "note": r["note"],
                "approximate": r["approx"] == "true",
                "anchor": anchor,
                "link": f"{src['iri']}#{anchor}" if anchor and src["iri"] else src["iri"],
            }
        return sorted(
            refs.values(), key=lambda x: (x["source"] or "", x["start"] or 0, x["end"] or 0)
        )

    def registry(self, st: str) -> str | None:
        rows = self.store.query(
            self.head + f"SELECT ?c WHERE {{ <{st}> kgo:curatedIn ?c }} ORDER BY ?c LIMIT 1"
        ).values()
        return rows[0]["c"] if rows else None

    def derivation_of(self, st: str) -> tuple[str, str, list[str], list[str]] | None:
        rows = self.store.query(
            self.head + f"SELECT ?d ?rule WHERE {{ <{st}> kgo:inferredBy ?d . ?d kgo:rule ?rule }} "
            "ORDER BY ?d LIMIT 1"
        ).values()
        if not rows or rows[0]["d"] is None:
            return None
        d, rule = rows[0]["d"], rows[0]["rule"] or ""
        premises = self.store.query(
            self.head + f"SELECT DISTINCT ?p WHERE {{ <{d}> kgo:premise ?p }} ORDER BY ?p"
        ).values()
        axioms = self.store.query(
            self.head + f"SELECT DISTINCT ?a WHERE {{ <{d}> kgo:axiomAbout ?a }} ORDER BY ?a"
        ).values()
        return (
            d,
            rule,
            [p["p"] for p in premises if p["p"]],
            [a["a"] for a in axioms if a["a"]],
        )

    def graphs_holding(self, s: Identifier, p: Identifier, o: Identifier) -> list[str]:
        rows = self.store.query(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {s.n3()} {p.n3()} {o.n3()} }} }} ORDER BY ?g"
        ).values()
        return [r["g"] for r in rows if r["g"]]

    # ---- the tree ----

    def node(self, st: str, path: tuple[str, ...], top: bool = False) -> dict[str, Any]:
        found = self.triple(st)
        if found is None:
            return {"statement": st, "missing": True, "asserted": False, "inferred": False}
        s, p, o = found
        sources = self.references(st)
        registry = self.registry(st)
        derivation = self.derivation_of(st)
        asserted = bool(sources) or registry is not None
        node: dict[str, Any] = {
            "statement": st,
            "subject": self.term(s),
            "predicate": self.term(p),
            "object": self.term(o),
            "asserted": asserted,
            "inferred": derivation is not None,
            "sources": sources,
            "registry": registry,
            "derivation": None,
            "cycle": st in path,
        }
        # an asserted premise ends at its articles (or the registry); only the triple asked
        # about shows its derivation as well
        if derivation is None or node["cycle"] or (asserted and not top):
            return node
        if len(path) >= MAX_DEPTH:
            node["cycle"] = True
            return node
        d, rule, premises, axioms = derivation
        children = [self.node(prem, (*path, st)) for prem in premises]
        node["derivation"] = {
            "iri": d,
            "rule": rule,
            "rules": [r.strip() for r in rule.split(",") if r.strip()],
            "description": describe_rule(rule),
            "axioms": [self.term(ox.NamedNode(a)) for a in axioms],
            "premises": _chain_order(children, s.value if isinstance(s, ox.NamedNode) else ""),
        }
        return node


def describe_rule(rule: str) -> str:
    """'prp-spo2' -> 'property chain'; 'cls-svf1, cax-sco' -> 'some-values-from restriction, subclass'."""
    return ", ".join(RULES.get(r.strip(), r.strip()) for r in rule.split(",") if r.strip())


def _chain_order(premises: list[dict[str, Any]], subject: str) -> list[dict[str, Any]]:
    """Premises in reading order: follow the chain from the conclusion's subject (spouse, then
    father), the rest after them as they came (sorted by statement IRI)."""
    rest = list(premises)
    out: list[dict[str, Any]] = []
    current = subject
    while rest:
        nxt = next((n for n in rest if n.get("subject", {}).get("iri") == current), None)
        if nxt is None:
            break
        out.append(nxt)
        rest.remove(nxt)
        current = nxt["object"].get("iri", "")
    return out + rest


def explain(store: Store, names: Names, s: str, p: str, o: str) -> dict[str, Any]:
    """Why ``s p o`` holds, as a JSON-able tree (see the module docstring)."""
    subj = parse_term(s, names, "subject")
    pred = parse_term(p, names, "property")
    obj = parse_term(o, names, "object")
    spelled = f"{spell(subj, names)} {spell(pred, names)} {spell(obj, names)}"
    ex = _Explainer(store, names)
    st = str(statement_iri(names, subj, pred, obj))
    if ex.triple(st) is not None:
        tree = ex.node(st, (), top=True)
        if tree["asserted"] or tree["inferred"]:
            tree["summary"] = summary(tree)
            return tree
    graphs = ex.graphs_holding(subj, pred, obj)
    if str(names.entities_graph) in graphs:
        # registry facts without a statement node of their own: labels, aliases, descriptions
        tree = {
            "statement": None,
            "subject": ex.term(ox.NamedNode(str(subj))),
            "predicate": ex.term(ox.NamedNode(str(pred))),
            "object": ex.term(_ox(obj)),
            "asserted": True,
            "inferred": False,
            "sources": [],
            "registry": REGISTRY,
            "derivation": None,
            "cycle": False,
        }
        tree["summary"] = summary(tree)
        return tree
    if graphs:
        where = ", ".join(compact(g, names.prefixes(), names.base) for g in graphs)
        raise NotInGraph(
            f"{spelled} is in {where}, but no article states it, the entity registry does not "
            "record it and it is not inferred, so there is nothing to explain"
        )
    raise NotInGraph(f"{spelled} is not in the graph: no article states it and it is not inferred")


def _ox(t: Identifier) -> ox.NamedNode | ox.Literal:
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    return ox.NamedNode(str(t))


# ---- text -------------------------------------------------------------------------------------


def _name(node: dict[str, Any]) -> str:
    """What a premise says, in a word or two: 'spouse', 'father', 'a politician'."""
    if node.get("missing"):
        return "(unknown statement)"
    if node["predicate"].get("iri") == RDF_TYPE:
        return f"a {node['object']['label']}"
    return str(node["predicate"]["label"])


def _step(derivation: dict[str, Any]) -> str:
    axioms = ", ".join(a["text"] for a in derivation["axioms"])
    via = f", via {axioms}" if axioms else ""
    return f"{derivation['description']} ({derivation['rule']}{via})"


def _brief(node: dict[str, Any]) -> str:
    name = _name(node)
    if node.get("cycle"):
        return f"{name} (see above)"
    if node.get("derivation"):
        return f"({_chain(node)})"
    if node.get("sources"):
        first = node["sources"][0]
        return f'{name} ({first["source"]}, "{first["quote"]}")'
    if node.get("registry"):
        return f"{name} (recorded in {node['registry']})"
    return name


def _chain(node: dict[str, Any]) -> str:
    d = node["derivation"]
    premises = " + ".join(_brief(p) for p in d["premises"])
    return f"{premises} → {_step(d)} → {_name(node)}"


def summary(tree: dict[str, Any]) -> str:
    """One line: premises (article, quote) → rule → conclusion; or where the triple is stated."""
    if tree.get("derivation"):
        return _chain(tree)
    return _brief(tree)


def _triple_text(node: dict[str, Any]) -> str:
    return " ".join(node[k]["text"] for k in ("subject", "predicate", "object"))


def _labels_text(node: dict[str, Any]) -> str:
    return " · ".join(node[k]["label"] for k in ("subject", "predicate", "object"))


def _source_lines(ref: dict[str, Any], indent: str) -> list[str]:
    date = (
        f"published {ref['published']}" if ref.get("published") else f"retrieved {ref['retrieved']}"
    )
    where = f", characters {ref['start']}-{ref['end']}" if ref.get("start") is not None else ""
    how = ", ".join(x for x in (ref.get("method_label"), ref.get("rule")) if x)
    lines = [f'{indent}{ref["source"]} "{ref["title"]}" ({ref["kind"]}, {date}){where}']
    lines.append(f'{indent}  "{ref["quote"]}"' + (f"  [{how}]" if how else ""))
    if ref.get("approximate"):
        lines.append(f"{indent}  (approximate figure)")
    if ref.get("note"):
        lines.append(f"{indent}  note: {ref['note']}")
    return lines


def _grounds(node: dict[str, Any], indent: str) -> list[str]:
    lines = []
    for ref in node.get("sources", []):
        lines.extend(_source_lines(ref, indent))
    if node.get("registry"):
        lines.append(f"{indent}recorded in {node['registry']}")
    return lines


def _derivation_lines(node: dict[str, Any], indent: str) -> list[str]:
    d = node["derivation"]
    lines = [f"{indent}{'inferred' if indent else 'Inferred'} by {_step(d)} from:"]
    for n, prem in enumerate(d["premises"], 1):
        head = f"{indent}  {n}. "
        inner = " " * len(head)
        if prem.get("missing"):
            lines.append(f"{head}{prem['statement']} (no record of this statement)")
            continue
        lines.append(f"{head}{_triple_text(prem)}  ({_labels_text(prem)})")
        if prem.get("cycle"):
            lines.append(f"{inner}(explained above; not followed again)")
        elif prem.get("derivation"):
            lines.extend(_derivation_lines(prem, inner))
        else:
            lines.extend(_grounds(prem, inner))
    return lines


def render_text(tree: dict[str, Any]) -> str:
    """The tree as indented text: the triple, where it is stated, how it is inferred, in short."""
    lines = [_triple_text(tree), f"  {_labels_text(tree)}", ""]
    if tree["asserted"] and tree["inferred"]:
        lines.append("Asserted, and inferred as well.")
    if tree["asserted"]:
        lines.append("Stated in:" if tree.get("sources") else "Asserted:")
        lines.extend(_grounds(tree, "  "))
    if tree.get("derivation"):
        lines.extend(_derivation_lines(tree, ""))
    lines += ["", f"In short: {tree.get('summary') or summary(tree)}"]
    return "\n".join(lines)
