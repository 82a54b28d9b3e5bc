"""Source pages: /source/ lists the articles; /source/<id> shows one article with its evidence.

Every passage a reference points at (its ``oa:TextPositionSelector`` offsets, in code points) is
highlighted in the text. Passages overlap and nest (an infobox line holds several facts, a sentence
holds a figure), so ``highlight`` cuts the text at every passage boundary and wraps the pieces in
properly nested ``<mark>`` elements: a passage that ends inside another closes the marks opened after
it and reopens them as continuation pieces. The first piece of each passage carries the anchor id
``c<start>-<end>`` (the one /explain links to); every piece names its passage in ``data-span``.
The text between the tags is the article, character for character.

Beside the text, one entry per passage lists the statements it supports (subject, property, object
as CURIEs, linked to /id/…), with a link to /explain for those that are inferred as well.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, url_for
from markupsafe import Markup, escape

from kg.build.sources import load_sources
from kg.explain import source_records, spell
from kg.iris import Names, compact
from kg.model import Source
from kg.query.store import Store
from kg.web.http import text_response
from kg.web.links import explain_url
from kg.web.state import app_config, built_store, source_report

bp = Blueprint("sources", __name__)

_TEXTS_KEY = "kg_source_texts"
_LABELS_KEY = "kg_labels"
TOOLTIP_LINES = 12


@dataclass
class Span:
    """One highlighted passage: ``[start, end)`` in code points, and what it supports."""

    start: int
    end: int
    quote: str = ""
    statements: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"c{self.start}-{self.end}"

    @property
    def tooltip(self) -> str:
        lines = [st["summary"] for st in self.statements]
        if len(lines) > TOOLTIP_LINES:
            lines = lines[: TOOLTIP_LINES - 1] + [f"… and {len(lines) - TOOLTIP_LINES + 1} more"]
        return "\n".join(lines)


def _open(span: Span, first: bool) -> str:
    ident = f' id="{span.id}"' if first else ""
    cls = "ev" if first else "ev cont"
    return f'<mark class="{cls}"{ident} data-span="{span.id}" title="{escape(span.tooltip)}">'


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` as HTML with every span in nested ``<mark>`` elements (see the module docstring)."""
    valid = sorted(
        (s for s in spans if 0 <= s.start <= s.end <= len(text)),
        key=lambda s: (s.start, -s.end),
    )
    starting: dict[int, list[Span]] = {}
    for s in valid:
        starting.setdefault(s.start, []).append(s)
    bounds = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[str] = []
    stack: list[Span] = []
    pos = 0
    for b in bounds:
        out.append(str(escape(text[pos:b])))
        pos = b
        ending = [i for i, s in enumerate(stack) if s.end == b]
        if ending:
            # close everything from the outermost passage ending here, then reopen the
            # passages inside it that go on
            popped = stack[ending[0] :]
            del stack[ending[0] :]
            out.append("</mark>" * len(popped))
            for s in popped:
                if s.end != b:
                    out.append(_open(s, first=False))
                    stack.append(s)
        for s in starting.get(b, []):
            out.append(_open(s, first=True))
            if s.end == s.start:
                out.append("</mark>")
            else:
                stack.append(s)
    out.append("</mark>" * len(stack))  # none left: every span ends within the text
    return Markup("".join(out))


# ---- data ---------------------------------------------------------------------------------------


def _texts() -> dict[str, Source]:
    texts: dict[str, Source] | None = current_app.extensions.get(_TEXTS_KEY)
    if texts is None:
        texts = {s.id: s for s in load_sources(app_config().sources_dir)}
        current_app.extensions[_TEXTS_KEY] = texts
    return texts


def labels(store: Store) -> dict[str, str]:
    """rdfs:label of every IRI, English first; the built graph does not change, so kept per app."""
    cached: dict[str, str] | None = current_app.extensions.get(_LABELS_KEY)
    if cached is None:
        cached = {}
        rows = store.query(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s ?l WHERE { "
            '?s rdfs:label ?l FILTER(isIRI(?s)) } ORDER BY ?s DESC(LANGMATCHES(LANG(?l), "en")) ?l'
        ).values()
        for r in rows:
            if r["s"] is not None and r["l"] is not None:
                cached.setdefault(r["s"], r["l"])
        current_app.extensions[_LABELS_KEY] = cached
    return cached


def _term(t: Any, names: Names, names_labels: dict[str, str]) -> dict[str, Any]:
    base = names.base
    if isinstance(t, ox.NamedNode):
        iri = t.value
        label = names_labels.get(iri) or ("type" if iri.endswith("#type") else iri)
        href = (
            url_for("entity.entity", slug=iri[len(base) + 3 :])
            if iri.startswith(base + "id/")
            else None
        )
        text = compact(iri, names.prefixes(), base)
        return {
            "text": text,
            "href": href,
            "title": f"{label} — {iri}",
            "label": label,
            "literal": False,
        }
    if isinstance(t, ox.Literal):
        return {
            "text": spell(t, names),
            "href": None,
            "title": t.datatype.value,
            "label": t.value,
            "literal": True,
        }
    return {"text": str(t), "href": None, "title": "", "label": str(t), "literal": False}


def _value_field(t: Any, names: Names) -> dict[str, Any] | None:
    """An object as a review decision names it (``{"object": id}``, ``{"object": {"term": …}}``
    or ``{"value": {type: text}}``), or None when it is not one a decision can name."""
    ids = names.base + "id/"
    if isinstance(t, ox.NamedNode):
        if t.value.startswith(ids):
            return {"object": t.value[len(ids) :]}
        curie = compact(t.value, names.prefixes(), names.base)
        return {"object": {"term": curie}} if curie != t.value else None
    if isinstance(t, ox.Literal):
        kind = t.datatype.value.rsplit("#", 1)[-1]
        return {"value": {kind: t.value}}
    return None


def decision_fields(r: dict[str, Any], names: Names, start: int) -> str | None:
    """The fields that name the statement of row ``r`` in a review decision, as JSON for the
    page's script, or None when a decision cannot name it."""
    s, p, o, exact = r["s"], r["p"], r["o"], r["exact"]
    ids = names.base + "id/"
    value = _value_field(o, names)
    if exact is None or value is None or not s.value.startswith(ids):
        return None
    prop = compact(p.value, names.prefixes(), names.base)
    if prop == p.value or prop == "rdf:type":
        return None
    fields = {"subject": s.value[len(ids) :], "property": prop, **value}
    return json.dumps({**fields, "quote": exact.value, "start": start}, ensure_ascii=False)


def evidence(store: Store, names: Names, source_iri: str) -> list[Span]:
    """The passages of one article that references point at, each with its statements."""
    res = store.query(
        f"""PREFIX kgo: <{names.kgo}> PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?st ?s ?p ?o ?start ?end ?exact ?method ?rule ?inf WHERE {{
          ?ref kgo:statedIn <{source_iri}> ; oa:hasSelector ?pos .
          ?pos oa:start ?start ; oa:end ?end .
          ?st prov:wasDerivedFrom ?ref ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
          OPTIONAL {{ ?ref oa:hasSelector ?q . ?q oa:exact ?exact }}
          OPTIONAL {{ ?ref kgo:extractionMethod ?method }} OPTIONAL {{ ?ref kgo:extractionRule ?rule }}
          BIND(EXISTS {{ ?st kgo:inferredBy ?d }} AS ?inf)
        }}"""
    )
    lab = labels(store)
    spans: dict[tuple[int, int], Span] = {}
    seen: dict[tuple[int, int, str], dict[str, Any]] = {}
    for row in res.rows:
        r = dict(zip(res.variables, row, strict=True))
        start, end = int(r["start"].value), int(r["end"].value)
        span = spans.setdefault((start, end), Span(start, end))
        if r["exact"] is not None:
            span.quote = r["exact"].value
        st = r["st"].value
        how = ", ".join(
            x
            for x in (
                lab.get(r["method"].value, "") if r["method"] is not None else "",
                r["rule"].value if r["rule"] is not None else "",
            )
            if x
        )
        key = (start, end, st)
        if key in seen:
            if how and how not in seen[key]["how"]:
                seen[key]["how"].append(how)
            continue
        s, p, o = (_term(r[k], names, lab) for k in ("s", "p", "o"))
        inferred = r["inf"] is not None and r["inf"].value == "true"
        statement = {
            "statement": st,
            "s": s,
            "p": p,
            "o": o,
            "summary": f"{s['label']} · {p['label']} · {o['label']}",
            "how": [how] if how else [],
            "inferred": inferred,
            "explain": explain_url(s["text"], p["text"], o["text"]) if inferred else None,
            "fields": decision_fields(r, names, start),
        }
        seen[key] = statement
        span.statements.append(statement)
    for span in spans.values():
        span.statements.sort(key=lambda x: (x["s"]["text"], x["p"]["text"], x["o"]["text"]))
    return sorted(spans.values(), key=lambda s: (s.start, -s.end))


def _counts(store: Store, names: Names) -> dict[str, tuple[int, int]]:
    rows = store.query(
        f"""PREFIX kgo: <{names.kgo}> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?sid (COUNT(DISTINCT ?st) AS ?statements) (COUNT(DISTINCT ?ref) AS ?refs) WHERE {{
          ?st prov:wasDerivedFrom ?ref . ?ref kgo:statedIn/kgo:sourceId ?sid }} GROUP BY ?sid"""
    ).values()
    return {
        r["sid"]: (int(r["statements"] or 0), int(r["refs"] or 0))
        for r in rows
        if r["sid"] is not None
    }


# ---- views -------------------------------------------------------------------------------------


@bp.get("/source/")
def source_list() -> Response:
    store, cfg = built_store(), app_config()
    names = Names(cfg.base_iri)
    counts = _counts(store, names)
    records = list(source_records(store, names).values())
    for rec in records:
        rec["statements"], rec["references"] = counts.get(rec["source"], (0, 0))
    html = render_template("source.html", listing=True, sources=records)
    return Response(html, mimetype="text/html")


@bp.get("/source/<sid>")
def source_page(sid: str) -> Response:
    store, cfg = built_store(), app_config()
    names = Names(cfg.base_iri)
    records = source_records(store, names)
    rec = records.get(sid)
    if rec is None:
        known = ", ".join(records) or "none"
        return text_response(
            404, f"no source {sid!r} in the graph; the sources are {known} (see /source/)"
        )
    text_source = _texts().get(sid)
    if text_source is None:
        return text_response(404, f"source {sid} is in the graph but not in {cfg.sources_dir}")
    spans = evidence(store, names, rec["iri"])
    changed = bool(rec.get("sha256")) and rec["sha256"] != text_source.sha256
    report = source_report(sid)
    html = render_template(
        "source.html",
        listing=False,
        source=rec,
        file=text_source.file,
        text=highlight(text_source.text, spans),
        spans=spans,
        statements=len({st["statement"] for sp in spans for st in sp.statements}),
        changed=changed,
        sources=list(records.values()),
        reviewable=cfg.server.update_token is not None,
        minted=report.get("minted", []),
        to_decide=report.get("review_items", []),
    )
    return Response(html, mimetype="text/html")
