"""Reading the terms the user types (IRIs, CURIEs, literals) and spelling terms back."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pyoxigraph as ox
from rdflib import XSD, Literal, URIRef

from kg.explain.errors import TermError
from kg.iris import Names, compact

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF_NS + "type"
XSD_STRING = str(XSD.string)

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
