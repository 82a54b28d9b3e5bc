"""Query parameters: declared by variable name, checked, and bound as typed RDF terms.

A saved query marks a parameter the way grlc and BASIL do, by a variable whose name starts with
``_`` (required) or ``__`` (optional) and ends with its type: ``?_person_iri``, ``?_year_integer``,
``?__party_iri``. A value from a form or URL is parsed into an RDF term of that type here, and the
engine binds it through its substitution API; the value is never written into the query text, so
no value can change what the query says.

pyoxigraph binds a substituted variable only where it appears in the SELECT projection (and BIND
does not see it), so a saved query projects each of its parameters (``tests/test_params.py`` pins
both behaviours).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from urllib.parse import urljoin, urlsplit

XSD = "http://www.w3.org/2001/XMLSchema#"
TYPES = ("iri", "integer", "decimal", "date", "boolean", "string")
DATATYPES = {
    "integer": XSD + "integer",
    "decimal": XSD + "decimal",
    "date": XSD + "date",
    "boolean": XSD + "boolean",
    "string": XSD + "string",
}
# ?_name_type or ?__name_type; a name is letters and digits (camelCase), the type one of TYPES
_VARIABLE = re.compile(r"[?$](__?)([A-Za-z][A-Za-z0-9]*)_(" + "|".join(TYPES) + r")\b")
# characters RFC 3987 and SPARQL's IRIREF leave out of an IRI
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
MAX_VALUE = 2000
RESERVED = frozenset({"inference", "format", "run"})  # query-string names the API itself uses


class ParamError(ValueError):
    """A parameter value is missing, malformed or not allowed; the message names the parameter."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"parameter {name!r}: {message}")
        self.name = name


@dataclass(frozen=True)
class Parameter:
    name: str  # as in URLs and forms: person
    variable: str  # as in the query, without '?': _person_iri
    type: str  # one of TYPES
    required: bool
    default: str | None = None
    values: tuple[str, ...] = ()  # allowed values; empty = any value of the type
    label: str = ""
    description: str = ""

    def to_dict(self) -> dict[str, object]:
        """As the saved-query list, the OpenAPI view and the notebook editor show it."""
        return {
            "name": self.name,
            "variable": "?" + self.variable,
            "type": self.type,
            "required": self.required,
            "default": self.default,
            "values": list(self.values),
            "label": self.label,
            "description": self.description,
        }


def truth(raw: str) -> bool | None:
    """A yes/no setting from a URL or form (true/false, 1/0, yes/no); None if it is neither."""
    value = raw.lower()
    if value in ("true", "1", "yes"):
        return True
    return False if value in ("false", "0", "no") else None


@dataclass(frozen=True)
class Term:
    """An RDF term for a substitution: an IRI, or a literal with its datatype."""

    kind: str  # "iri" | "literal"
    value: str
    datatype: str | None = None

    def n3(self) -> str:
        """The term in N-Triples syntax (for showing a run, never for building a query)."""
        if self.kind == "iri":
            return f"<{self.value}>"
        text = self.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        text = text.replace("\r", "\\r")
        return f'"{text}"' + (f"^^<{self.datatype}>" if self.datatype else "")


def declared(text: str) -> list[tuple[str, str, str]]:
    """(name, variable, type) of each parameter variable in a query, first use first."""
    seen: dict[str, tuple[str, str, str]] = {}
    for m in _VARIABLE.finditer(text):
        underscores, name, kind = m.groups()
        variable = f"{underscores}{name}_{kind}"
        if name in seen and seen[name][1] != variable:
            raise ValueError(f"parameter {name!r} is written both ?{seen[name][1]} and ?{variable}")
        seen.setdefault(name, (name, variable, kind))
    return list(seen.values())


def parameters(text: str, meta: Mapping[str, object]) -> tuple[Parameter, ...]:
    """The parameters of a query, from its variables and its header's grlc ``defaults`` and
    ``enumerate`` lists and its ``params`` labels. Raises ValueError naming what is wrong."""
    defaults = _grlc_list(meta.get("defaults"), "defaults")
    allowed = _grlc_list(meta.get("enumerate"), "enumerate")
    notes = meta.get("params") or {}
    if not isinstance(notes, dict):
        raise ValueError("'params' must map each parameter name to its label and description")
    found = declared(text)
    names = {name for name, _, _ in found}
    clash = names & RESERVED
    if clash:
        raise ValueError(
            f"{sorted(clash)[0]!r} is reserved for the API; name the parameter otherwise"
        )
    for key, source in (
        *((k, "defaults") for k in defaults),
        *((k, "enumerate") for k in allowed),
        *((k, "params") for k in notes),
    ):
        if key not in names:
            raise ValueError(f"{source} names {key!r}, which is not a parameter of the query")
    out = []
    for name, variable, kind in found:
        note = notes.get(name) or {}
        if not isinstance(note, dict):
            raise ValueError(f"params.{name} must be a mapping with label and description")
        values = allowed.get(name)
        param = Parameter(
            name=name,
            variable=variable,
            type=kind,
            required=not variable.startswith("__"),
            default=None if defaults.get(name) is None else str(defaults[name]),
            values=tuple(str(v) for v in values) if isinstance(values, list) else (),
            label=str(note.get("label") or name),
            description=" ".join(str(note.get("description") or "").split()),
        )
        for v in (*param.values, *([param.default] if param.default is not None else [])):
            parse_value(param, v, "http://example.org/")  # a bad default is the file's fault
        if param.values and param.default is not None and param.default not in param.values:
            raise ValueError(f"the default of {name!r} is not one of its enumerated values")
        out.append(param)
    return tuple(out)


def _grlc_list(raw: object, key: str) -> dict[str, object]:
    """grlc writes ``defaults`` and ``enumerate`` as a list of one-key mappings."""
    if raw is None:
        return {}
    if not isinstance(raw, list) or not all(isinstance(i, dict) and len(i) == 1 for i in raw):
        raise ValueError(f"{key!r} must be a list of 'name: value' entries, as grlc writes it")
    return {str(k): v for item in raw for k, v in item.items()}


def _iri(name: str, raw: str, base_iri: str) -> Term:
    if _IRI_BAD.search(raw):
        raise ParamError(
            name, f"{raw!r} is not an IRI (spaces, quotes, <>{{}}|^` and \\ are not allowed)"
        )
    iri = urljoin(base_iri, raw)
    parts = urlsplit(iri)
    if not parts.scheme or not (parts.netloc or parts.scheme in ("urn", "mailto")):
        raise ParamError(name, f"{raw!r} is not an absolute or base-relative IRI")
    return Term("iri", iri)


def _integer(name: str, raw: str, base_iri: str) -> Term:
    if not re.fullmatch(r"[+-]?[0-9]{1,18}", raw):
        raise ParamError(name, f"{raw!r} is not an integer (digits, optional sign)")
    return Term("literal", str(int(raw)), DATATYPES["integer"])


def _decimal(name: str, raw: str, base_iri: str) -> Term:
    if not re.fullmatch(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", raw):
        raise ParamError(name, f"{raw!r} is not a decimal number such as 59.5")
    try:
        return Term("literal", str(Decimal(raw)), DATATYPES["decimal"])
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise ParamError(name, f"{raw!r} is not a decimal number") from None


def _date(name: str, raw: str, base_iri: str) -> Term:
    try:
        return Term("literal", date.fromisoformat(raw).isoformat(), DATATYPES["date"])
    except ValueError:
        raise ParamError(name, f"{raw!r} is not a date as YYYY-MM-DD") from None


def _boolean(name: str, raw: str, base_iri: str) -> Term:
    if raw not in ("true", "false"):
        raise ParamError(name, f"{raw!r} is not true or false")
    return Term("literal", raw, DATATYPES["boolean"])


def _string(name: str, raw: str, base_iri: str) -> Term:
    return Term("literal", raw, DATATYPES["string"])


# how a raw value of each parameter type becomes a term (or a ParamError naming the parameter)
_PARSERS: dict[str, Callable[[str, str, str], Term]] = {
    "iri": _iri,
    "integer": _integer,
    "decimal": _decimal,
    "date": _date,
    "boolean": _boolean,
    "string": _string,
}


def parse_value(param: Parameter, raw: str, base_iri: str) -> Term:
    """The RDF term for one raw value, or ParamError saying what is wrong with it."""
    if len(raw) > MAX_VALUE:
        raise ParamError(param.name, f"the value is longer than {MAX_VALUE} characters")
    if param.values and raw not in param.values:
        shown = ", ".join(param.values)
        raise ParamError(param.name, f"{raw!r} is not one of the allowed values: {shown}")
    return _PARSERS.get(param.type, _string)(param.name, raw, base_iri)


def bind(params: Iterable[Parameter], given: Mapping[str, str], base_iri: str) -> dict[str, Term]:
    """Variable → term for every parameter given or defaulted; unknown names are refused."""
    params = tuple(params)
    known = {p.name for p in params}
    for name in given:
        if name not in known:
            listed = ", ".join(sorted(known)) or "none"
            raise ParamError(name, f"this query has no such parameter (its parameters: {listed})")
    out: dict[str, Term] = {}
    for p in params:
        raw = given.get(p.name)
        if raw is None or raw == "":
            raw = p.default
        if raw is None:
            if p.required:
                raise ParamError(p.name, f"a value is required ({p.type})")
            continue
        out[p.variable] = parse_value(p, raw, base_iri)
    return out


def effective(params: Iterable[Parameter], given: Mapping[str, str]) -> dict[str, str]:
    """The raw values a run used: what was given, else the default (for showing and linking)."""
    out = {}
    for p in params:
        raw = given.get(p.name) or p.default
        if raw is not None:
            out[p.name] = raw
    return out
