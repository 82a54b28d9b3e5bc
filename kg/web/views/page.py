"""The query page at / and the small JSON APIs it uses (examples, vocabulary).

The page is a SPARQL workbench (``templates/query.html``, ``static/query.js``, ``static/query.css``):
an editor with highlighting and completion, the saved queries as examples, results as a table
and download links for every format ``/sparql`` serves. The views stay thin; the data comes from
``vocabulary()`` and ``examples()``, pure functions of the store, the base IRI and the queries folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from kg.iris import Names, compact
from kg.query.saved import SavedQueryError, load_saved_queries
from kg.query.store import Store
from kg.web.state import app_config, built_store

bp = Blueprint(
    "page",
    __name__,
    static_folder="static",
    static_url_path="/static",
    template_folder="templates",
)

_VOCABULARY_KEY = "kg_vocabulary"

# OWL types of the ontology's terms, and the kind the page shows for each
ONTOLOGY_KINDS = {
    "http://www.w3.org/2002/07/owl#Class": "class",
    "http://www.w3.org/2002/07/owl#ObjectProperty": "property",
    "http://www.w3.org/2002/07/owl#DatatypeProperty": "property",
    "http://www.w3.org/2002/07/owl#AnnotationProperty": "property",
    "http://www.w3.org/2002/07/owl#NamedIndividual": "individual",
}
KIND_ORDER = {"class": 0, "property": 1, "individual": 2, "entity": 3}


def _first(rows: list[dict[str, str | None]], key: str) -> dict[str, str]:
    """The first non-empty value of ``key`` for each ``s`` (rows come sorted, labels @en first)."""
    out: dict[str, str] = {}
    for row in rows:
        s, v = row["s"], row.get(key)
        if s is not None and v and s not in out:
            out[s] = v
    return out


def _ontology_terms(store: Store, names: Names) -> dict[str, dict[str, str]]:
    kinds = " ".join(f"<{t}>" for t in ONTOLOGY_KINDS)
    rows = store.query(
        f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?s ?t ?label ?comment WHERE {{ GRAPH <{names.ontology_graph}> {{
          ?s a ?t . VALUES ?t {{ {kinds} }} FILTER(isIRI(?s))
          OPTIONAL {{ ?s rdfs:label ?label }} OPTIONAL {{ ?s rdfs:comment ?comment }} }} }}
        ORDER BY ?s DESC(LANGMATCHES(LANG(?label), "en")) DESC(LANGMATCHES(LANG(?comment), "en"))"""
    ).values()
    labels, comments = _first(rows, "label"), _first(rows, "comment")
    terms: dict[str, dict[str, str]] = {}
    for row in rows:
        s, t = row["s"], row["t"]
        if s is None or t is None:
            continue
        kind = ONTOLOGY_KINDS[t]
        # a term typed both ways (an individual that is also a class) keeps the first kind
        if s not in terms or KIND_ORDER[kind] < KIND_ORDER[terms[s]["kind"]]:
            terms[s] = {"kind": kind, "label": labels.get(s, ""), "comment": comments.get(s, "")}
    return terms


def _used_terms(store: Store) -> dict[str, str]:
    """Predicates, classes and datatypes the data uses (rdf:subject, oa:exact, xsd:integer ...)."""
    used: dict[str, str] = {}
    for kind, sparql in (
        ("property", "SELECT DISTINCT ?s WHERE { ?x ?s ?o }"),
        ("class", "SELECT DISTINCT ?s WHERE { ?x a ?s FILTER(isIRI(?s)) }"),
        (
            "class",
            "SELECT DISTINCT ?s WHERE { ?x ?p ?o FILTER(isLiteral(?o)) BIND(DATATYPE(?o) AS ?s) }",
        ),
    ):
        for row in store.query(sparql).values():
            if row["s"] is not None:
                used.setdefault(row["s"], kind)
    return used


def _entities(store: Store, names: Names) -> list[dict[str, Any]]:
    rows = store.query(
        f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX schema: <http://schema.org/>
        SELECT ?s ?label ?comment ?type WHERE {{ GRAPH <{names.entities_graph}> {{
          ?s rdfs:label ?label FILTER(isIRI(?s))
          OPTIONAL {{ ?s schema:description ?comment }} OPTIONAL {{ ?s a ?type }} }} }}
        ORDER BY ?s DESC(LANGMATCHES(LANG(?label), "en")) ?type"""
    ).values()
    labels, comments = _first(rows, "label"), _first(rows, "comment")
    types: dict[str, list[str]] = {}
    for row in rows:
        s, t = row["s"], row["type"]
        if s is not None:
            seen = types.setdefault(s, [])
            if t is not None and t not in seen:
                seen.append(t)
    return [
        {"iri": s, "label": labels[s], "comment": comments.get(s, ""), "types": ts}
        for s, ts in types.items()
    ]


def vocabulary(store: Store, base: str) -> dict[str, Any]:
    """Prefixes, ontology terms, terms the data uses and labelled entities, for completion."""
    names = Names(base)
    prefixes = names.prefixes()
    terms: list[dict[str, Any]] = []
    ontology = _ontology_terms(store, names)
    for iri, term in ontology.items():
        terms.append({"curie": compact(iri, prefixes, base), "iri": iri, **term})
    for iri, kind in _used_terms(store).items():
        if iri not in ontology:
            local = re.split(r"[#/]", iri)[-1]
            terms.append(
                {
                    "curie": compact(iri, prefixes, base),
                    "iri": iri,
                    "label": local,
                    "comment": "",
                    "kind": kind,
                }
            )
    for ent in _entities(store, names):
        terms.append(
            {
                "curie": compact(ent["iri"], prefixes, base),
                "iri": ent["iri"],
                "label": ent["label"],
                "comment": ent["comment"],
                "kind": "entity",
                "types": [compact(t, prefixes, base) for t in ent["types"]],
            }
        )
    terms.sort(key=lambda t: (KIND_ORDER[t["kind"]], t["curie"].lower()))
    graphs = [
        {"iri": g, "name": compact(g, prefixes, base), "quads": n}
        for g, n in store.count_by_graph().items()
    ]
    return {"base": base, "prefixes": prefixes, "terms": terms, "graphs": graphs}


def examples(queries_dir: Path) -> list[dict[str, Any]]:
    """The saved queries, in file-name order, as the page lists them."""
    return [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "tags": list(q.tags),
            "query": q.text,
            "params": [p.name for p in q.params],
            "form": url_for("saved.form", name=q.name),
        }
        for q in load_saved_queries(queries_dir)
    ]


def page_data(
    base: str, sparql: str, vocabulary_url: str, examples_url: str, root: str
) -> dict[str, Any]:
    """What query.js needs before any request: the base, the prefixes and where to ask."""
    return {
        "base": base,
        "prefixes": Names(base).prefixes(),
        "root": root,
        "sparql": sparql,
        "vocabulary": vocabulary_url,
        "examples": examples_url,
    }


@bp.get("/")
def index() -> str:
    base = app_config().base_iri
    data = page_data(
        base,
        request.script_root + "/sparql",  # the endpoint's own blueprint serves it there
        url_for("page.api_vocabulary"),
        url_for("page.api_examples"),
        url_for("page.index"),
    )
    return render_template("query.html", base_iri=base, prefixes=data["prefixes"], page_data=data)


@bp.get("/api/vocabulary")
def api_vocabulary() -> Response:
    # the built dataset does not change while the app runs: build this once per app
    cached: dict[str, Any] | None = current_app.extensions.get(_VOCABULARY_KEY)
    if cached is None:
        cached = vocabulary(built_store(), app_config().base_iri)
        current_app.extensions[_VOCABULARY_KEY] = cached
    return jsonify(cached)


@bp.get("/api/examples")
def api_examples() -> tuple[Response, int]:
    # read on each request so an edited or added .rq file shows up on reload
    try:
        return jsonify({"examples": examples(app_config().queries_dir)}), 200
    except SavedQueryError as exc:
        return jsonify({"examples": [], "error": str(exc)}), 500
