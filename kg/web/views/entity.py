"""Entity IRIs answer: /id/<slug> gives browsers a page of everything known about the entity and
RDF clients a bounded description of it.

The page shows each statement with where it comes from: the article, its date and the quoted
evidence with the span highlighted in its context; inferred facts are marked and link to their
explanation; statement nodes the entity takes part in (candidacies, position holdings, ...) are
shown with their qualifiers, each with its own sources; and the links pointing at the entity.
When ``data/wikidata.yaml`` gives the entity a checked Q-id, the page links to that Wikidata item.
The RDF description holds the entity's triples plus the statement nodes, references and
selectors that back them, so a client gets the provenance with the facts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from flask import Blueprint, Response, abort, render_template, request

from kg.build.nodes import NODE_KINDS
from kg.export.wikidata.mapping import MappingError, load_mapping
from kg.iris import compact
from kg.query.pool.child import Job
from kg.query.pool.jobs import QueryFailed
from kg.web.endpoint import Endpoint
from kg.web.http import not_acceptable, rdf_format, text_response, wants_html
from kg.web.links import explain_url
from kg.web.state import endpoint

bp = Blueprint("entity", __name__)
PAGE_ROWS = 100_000  # the page's own queries are bounded by the time limit, not the public row cap
P = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kgo: <ontology#>
"""


@dataclass
class Evidence:
    article: str
    title: str
    date: str
    prefix: str
    exact: str
    suffix: str
    start: str
    end: str
    approximate: bool
    note: str


@dataclass
class Fact:
    p: str
    o: str
    o_label: str = ""
    o_is_iri: bool = False
    inferred: bool = False
    stated: bool = False
    reference: bool = False  # in the reference data of data/reference/
    user: bool = False
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class NodeView:
    iri: str
    label: str
    role: str
    facts: list[Fact]


def _select(ep: Endpoint, sparql: str) -> list[dict[str, str]]:
    res = ep.pool.run(
        Job("query", P + sparql, ep.user_graph.version(), results_format="json", row_cap=PAGE_ROWS)
    )
    if res.status != 200:
        raise QueryFailed(503, res.body.decode())
    doc = json.loads(res.body)
    return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]


def facts_about(ep: Endpoint, iri: str) -> list[Fact]:
    """Every triple with ``iri`` as subject, where it is stated and by which passages."""
    names = ep.names
    rows = _select(
        ep,
        f"""SELECT ?p ?o ?g ?label WHERE {{ GRAPH ?g {{ <{iri}> ?p ?o }}
        OPTIONAL {{ ?o rdfs:label ?label FILTER(LANG(?label) = "en") }} }}""",
    )
    facts: dict[tuple[str, str], Fact] = {}
    for r in rows:
        f = facts.setdefault(
            (r["p"], r["o"]),
            Fact(r["p"], r["o"], r.get("label", ""), r["o"].startswith(("http://", "https://"))),
        )
        g = r["g"]
        f.inferred |= g == str(names.inferred_graph)
        f.stated |= g.startswith(str(names.base) + "graph/source/") or g == str(
            names.entities_graph
        )
        f.reference |= g == str(names.reference_graph)
        f.user |= g == str(names.user_graph)
    for r in _select(
        ep,
        f"""SELECT ?p ?o ?article ?title ?date ?prefix ?exact ?suffix ?start ?end ?approx ?note WHERE {{
        ?st rdf:subject <{iri}> ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ref .
        ?ref kgo:statedIn ?src ; oa:hasSelector ?q, ?pos .
        ?q oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix . ?pos oa:start ?start ; oa:end ?end .
        ?src kgo:sourceId ?article ; dcterms:title ?title .
        OPTIONAL {{ ?src kgo:publicationDate ?date }}
        OPTIONAL {{ ?ref kgo:approximate ?approx }}
        OPTIONAL {{ ?ref kgo:note ?note }}
    }} ORDER BY ?article ?start""",
    ):
        found = facts.get((r["p"], r["o"]))
        if found is None:
            continue
        f = found
        ev = Evidence(
            r["article"],
            r["title"],
            r.get("date", ""),
            r["prefix"],
            r["exact"],
            r["suffix"],
            r["start"],
            r["end"],
            r.get("approx") == "true",
            r.get("note", ""),
        )
        if ev not in f.evidence:
            f.evidence.append(ev)
    return sorted(facts.values(), key=lambda f: (f.p, f.o))


def _incoming(ep: Endpoint, iri: str) -> list[dict[str, str]]:
    return _select(
        ep,
        f"""SELECT DISTINCT ?s ?p ?label WHERE {{ ?s ?p <{iri}>
        FILTER NOT EXISTS {{ ?s a rdf:Statement }}
        OPTIONAL {{ ?s rdfs:label ?label FILTER(LANG(?label) = "en") }} }} ORDER BY ?p ?s""",
    )


def _is_node(iri: str, ep: Endpoint) -> bool:
    rest = iri[len(str(ep.names.kg)) :] if iri.startswith(str(ep.names.kg)) else ""
    return rest.split("/", 1)[0] in NODE_KINDS and "/" in rest


def page_data(ep: Endpoint, iri: str) -> dict[str, object]:
    facts = facts_about(ep, iri)
    incoming = _incoming(ep, iri)
    if not facts and not incoming:
        abort(404)
    nodes = [
        NodeView(r["s"], r.get("label", r["s"]), r["p"], facts_about(ep, r["s"]))
        for r in incoming
        if _is_node(r["s"], ep)
    ]
    others = [r for r in incoming if not _is_node(r["s"], ep)]
    label = next((f.o for f in facts if f.p.endswith("rdf-schema#label")), iri.rsplit("/", 1)[-1])
    types = [f for f in facts if f.p.endswith("#type")]
    return {
        "label": label,
        "types": types,
        "facts": [f for f in facts if f not in types],
        "nodes": nodes,
        "incoming": others,
    }


def description(ep: Endpoint, iri: str, fmt: str) -> bytes | None:
    """The entity's triples with the statements, references, selectors and derivations behind them."""
    q = (
        P
        + f"""CONSTRUCT {{ <{iri}> ?p ?o . ?st ?sp ?so . ?ref ?rp ?ro . ?sel ?xp ?xo . ?d ?dp ?do }} WHERE {{
      {{ <{iri}> ?p ?o }}
      UNION {{ ?st rdf:subject <{iri}> ; ?sp ?so }}
      UNION {{ ?st rdf:subject <{iri}> ; prov:wasDerivedFrom ?ref . ?ref ?rp ?ro }}
      UNION {{ ?st rdf:subject <{iri}> ; prov:wasDerivedFrom/oa:hasSelector ?sel . ?sel ?xp ?xo }}
      UNION {{ ?st rdf:subject <{iri}> ; kgo:inferredBy ?d . ?d ?dp ?do }}
    }}"""
    )
    res = ep.pool.run(Job("query", q, ep.user_graph.version(), graph_format=fmt, row_cap=PAGE_ROWS))
    if res.status != 200:
        raise QueryFailed(503, res.body.decode())
    return res.body if res.rows else None


def checked_qid(mapping_file: Path, slug: str) -> str | None:
    """The entity's checked Wikidata item (``data/wikidata.yaml``), read as the exports read it.

    A mapping file that does not load gives no link here; the exports report what is wrong with it.
    """
    try:
        return load_mapping(mapping_file).items.get(slug)
    except MappingError:
        return None


@bp.get("/id/<path:slug>")
def entity(slug: str) -> Response:
    """The page for a browser, the description in RDF for anyone else. A worker that is busy,
    fails or runs out of time is answered by the app's error handlers (kg.web.errors)."""
    ep = endpoint()
    iri = f"{ep.cfg.base_iri}id/{slug}"
    if wants_html() and not request.args.get("format"):
        return _page(ep, iri, slug)
    fmt = rdf_format()
    if fmt is None:
        return not_acceptable("an entity's description")
    body = description(ep, iri, fmt.name)
    if body is None:
        return text_response(404, f"nothing is known about <{iri}>")
    return Response(body, content_type=fmt.media_type, headers={"Vary": "Accept"})


def _page(ep: Endpoint, iri: str, slug: str) -> Response:
    data = page_data(ep, iri)
    prefixes, base = ep.names.prefixes(), ep.cfg.base_iri

    def short(v: str) -> str:
        return compact(v, prefixes, base)

    def explain_link(s: str, f: Fact) -> str:
        return explain_url(s, f.p, f.o)

    html = render_template(
        "entity.html",
        iri=iri,
        base=base,
        short=short,
        explain_link=explain_link,
        qid=checked_qid(ep.cfg.wikidata_file, slug),
        **data,
    )
    return Response(html, mimetype="text/html")
