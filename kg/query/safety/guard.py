"""What a SPARQL text asks for, read without running it: query or update, SERVICE, LOAD, FROM.

pyoxigraph fetches SERVICE endpoints over HTTP (checked: a listener on 127.0.0.1 was contacted)
and LOAD documents, so these must be caught before the engine sees the text. The scan works on
tokens, after undoing \\u escapes (SPARQL applies them before parsing) and blanking comments,
strings and IRIs, so a keyword inside a literal is not mistaken for one and an escaped keyword
is not missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r'(?P<long>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\')'
    r'|(?P<str>"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r"|(?P<iri><[^<>\"{}|^`\\\s]*>)"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<word>[?$]?[A-Za-z_][\w.-]*(?::[\w.%-]*)?|:[\w.%-]*)"
    r"|(?P<other>\S)",
    re.S,
)
QUERY_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}
UPDATE_FORMS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
}


class GuardError(ValueError):
    """The text asks for something this endpoint refuses; the message says what.

    ``status`` is 403 for what the endpoint's policy forbids, 400 for a malformed request.
    """

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Token:
    kind: str  # iri | word | str | other
    text: str


@dataclass(frozen=True)
class Scan:
    """The parts of a SPARQL text that matter for safety and routing."""

    operation: str | None  # "query" | "update" | None (not recognisable)
    form: str | None  # SELECT, CONSTRUCT, ..., or the first update keyword
    services: tuple[str, ...]  # IRIs (or '?var') after SERVICE [SILENT]
    loads: int
    dataset: tuple[tuple[str, str], ...]  # ("default"|"named", IRI) from FROM [NAMED]
    using: int  # USING [NAMED] clauses in an update


def unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def tokens(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(unescape(text)):
        kind = m.lastgroup or "other"
        if kind == "comment":
            continue
        out.append(Token("str" if kind == "long" else kind, m.group(0)))
    return out


def _iri(tok: Token, prefixes: dict[str, str], base: str | None) -> str:
    if tok.kind == "iri":
        inner = tok.text[1:-1]
        if base and not re.match(r"^[A-Za-z][\w+.-]*:", inner):
            return base + inner
        return inner
    if tok.kind == "word" and ":" in tok.text and not tok.text.startswith(("?", "$")):
        prefix, _, local = tok.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    return tok.text


def _service_target(toks: list[Token], i: int, prefixes: dict[str, str], base: str | None) -> str:
    """The endpoint of the SERVICE at ``toks[i]`` (after an optional SILENT)."""
    j = i + 1
    if j < len(toks) and toks[j].text.upper() == "SILENT":
        j += 1
    return _iri(toks[j], prefixes, base) if j < len(toks) else ""


def _dataset_clause(
    toks: list[Token], i: int, prefixes: dict[str, str], base: str | None
) -> tuple[str, str]:
    """The ("default" | "named", IRI) of the FROM at ``toks[i]``."""
    nxt = toks[i + 1]
    named = nxt.text.upper() == "NAMED"
    target = toks[i + 2] if named and i + 2 < len(toks) else nxt
    return ("named" if named else "default", _iri(target, prefixes, base))


def scan(text: str, base: str | None = None) -> Scan:
    toks = tokens(text)
    prefixes: dict[str, str] = {}
    operation = form = None
    services: list[str] = []
    dataset: list[tuple[str, str]] = []
    counts = {"LOAD": 0, "USING": 0}
    i = 0
    while i < len(toks):
        t = toks[i]
        up = t.text.upper() if t.kind == "word" else ""
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if up == "PREFIX" and nxt is not None and i + 2 < len(toks):
            prefixes[nxt.text.rstrip(":")] = _iri(toks[i + 2], prefixes, base)
            i += 3
            continue
        if up == "BASE" and nxt is not None and nxt.kind == "iri":
            base = _iri(nxt, prefixes, base)
            i += 2
            continue
        if form is None and up in QUERY_FORMS | UPDATE_FORMS:
            operation, form = ("query" if up in QUERY_FORMS else "update"), up
        if up == "SERVICE":
            services.append(_service_target(toks, i, prefixes, base))
        elif up in counts:
            counts[up] += 1
        elif up == "FROM" and nxt is not None:
            dataset.append(_dataset_clause(toks, i, prefixes, base))
        i += 1
    return Scan(operation, form, tuple(services), counts["LOAD"], tuple(dataset), counts["USING"])


def check_query(s: Scan, service_allowlist: frozenset[str]) -> None:
    """Refuse what a read-only query must not do. Raises :class:`GuardError`."""
    if s.operation == "update":
        raise GuardError(
            "this is a SPARQL Update, not a query: send it by POST as 'update=' or "
            "application/sparql-update, with a bearer token"
        )
    for iri in s.services:
        if iri not in service_allowlist:
            raise GuardError(
                f"SERVICE <{iri}> is not allowed: federated queries are off unless allowlisted", 403
            )


def check_update(s: Scan) -> None:
    if s.operation == "query":
        raise GuardError("this is a query, not an update: send it as 'query='")
    if s.loads:
        raise GuardError("LOAD is refused: this endpoint never fetches documents", 403)
    if s.services:
        raise GuardError("SERVICE is refused in updates", 403)


def inject_using(text: str, default: tuple[str, ...], named: tuple[str, ...]) -> str:
    """Apply the protocol's using-graph-uri / using-named-graph-uri as USING clauses.

    They go before the WHERE of every DELETE/INSERT ... WHERE operation (the DELETE WHERE short
    form takes no dataset). An update that already names its dataset (USING or WITH) conflicts
    with the protocol parameters and is refused, as the protocol requires.
    """
    source = unescape(text)
    clauses = "".join(f"USING <{g}> " for g in default) + "".join(
        f"USING NAMED <{g}> " for g in named
    )
    out, last, prev = [], 0, ""
    for m in _TOKEN.finditer(source):
        if m.lastgroup != "word":
            if m.lastgroup != "comment":
                prev = m.group(0)
            continue
        word = m.group(0).upper()
        if word in ("USING", "WITH"):
            raise GuardError(
                "the dataset is given twice: by using-graph-uri/using-named-graph-uri and by "
                f"{word} in the update"
            )
        if word == "WHERE" and prev.upper() != "DELETE":
            out.append(source[last : m.start()] + clauses)
            last = m.start()
        prev = m.group(0)
    out.append(source[last:])
    return "".join(out)
