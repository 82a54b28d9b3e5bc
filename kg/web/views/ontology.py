"""/ontology: the ontology as a page (generated from ontology/kg.ttl) or as RDF by content negotiation.

Term IRIs are ``<base>ontology#<name>``, so a browser following one lands on this page at the
term's anchor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Blueprint, Response, current_app, render_template, request
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.iris import Names, compact
from kg.web.http import not_acceptable, rdf_format, rdf_response, wants_html
from kg.web.state import app_config

bp = Blueprint("ontology", __name__)
_KEY = "kg_ontology_doc"
KINDS = (
    ("Classes", (OWL.Class,)),
    ("Object properties", (OWL.ObjectProperty,)),
    ("Datatype properties", (OWL.DatatypeProperty,)),
    ("Annotation properties", (OWL.AnnotationProperty,)),
    ("Individuals", (OWL.NamedIndividual,)),
)


@dataclass
class Term:
    iri: str
    curie: str
    anchor: str
    label: str
    comment: str
    facts: list[tuple[str, list[tuple[str, str]]]] = field(
        default_factory=list
    )  # (what, [(text, href)])


def _ontology(names: Names) -> Graph:
    g = Graph()
    cfg = app_config()
    g.parse(cfg.ontology_dir / "kg.ttl", format="turtle", publicID=names.base)
    return g


def _ref(node: Node, g: Graph, names: Names) -> tuple[str, str]:
    prefixes, base = names.prefixes(), names.base
    if isinstance(node, URIRef):
        iri = str(node)
        text = compact(iri, prefixes, base)
        href = "#" + iri.split("#", 1)[1] if iri.startswith(str(names.kgo)) else iri
        return text, href
    members = g.value(node, OWL.unionOf)
    if members is not None:
        return " or ".join(_ref(m, g, names)[0] for m in Collection(g, members)), ""
    on, some = g.value(node, OWL.onProperty), g.value(node, OWL.someValuesFrom)
    if on is not None and some is not None:
        return f"anything whose {_ref(on, g, names)[0]} is a {_ref(some, g, names)[0]}", ""
    return "(anonymous)", ""


def document(names: Names) -> list[tuple[str, list[Term]]]:
    g = _ontology(names)
    kgo = str(names.kgo)
    sections = []
    seen: set[str] = set()
    for title, types in KINDS:
        terms = []
        subjects = sorted(
            {s for t in types for s in g.subjects(RDF.type, t) if isinstance(s, URIRef)}, key=str
        )
        for s in subjects:
            iri = str(s)
            if iri in seen:
                continue
            seen.add(iri)
            term = Term(
                iri=iri,
                curie=compact(iri, names.prefixes(), names.base),
                anchor=iri.split("#", 1)[1]
                if iri.startswith(kgo)
                else compact(iri, names.prefixes(), names.base).replace(":", "-"),
                label=str(g.value(s, RDFS.label) or ""),
                comment=str(g.value(s, RDFS.comment) or ""),
            )
            for what, pred in (
                ("subclass of", RDFS.subClassOf),
                ("subproperty of", RDFS.subPropertyOf),
                ("domain", RDFS.domain),
                ("range", RDFS.range),
                ("inverse of", OWL.inverseOf),
                ("close match", SKOS.closeMatch),
                ("Wikidata property", URIRef(kgo + "wikidataProperty")),
                ("Wikidata class", URIRef(kgo + "wikidataClass")),
                ("type", RDF.type),
            ):
                values = [_ref(o, g, names) for o in sorted(g.objects(s, pred), key=str)]
                if what == "type":
                    values = [
                        v
                        for v in values
                        if v[0]
                        not in (
                            "owl:Class",
                            "owl:ObjectProperty",
                            "owl:DatatypeProperty",
                            "owl:AnnotationProperty",
                            "owl:NamedIndividual",
                        )
                    ]
                if values:
                    term.facts.append((what, values))
            chain = g.value(s, OWL.propertyChainAxiom)
            if chain is not None:
                term.facts.append(
                    (
                        "property chain",
                        [(" ∘ ".join(_ref(x, g, names)[0] for x in Collection(g, chain)), "")],
                    )
                )
            terms.append(term)
        sections.append((title, terms))
    return sections


@bp.get("/ontology")
def ontology() -> Response:
    cfg = app_config()
    names = Names(cfg.base_iri)
    if wants_html() and not request.args.get("format"):
        if _KEY not in current_app.extensions:
            current_app.extensions[_KEY] = document(names)
        return Response(
            render_template(
                "ontology.html", sections=current_app.extensions[_KEY], base=names.base
            ),
            mimetype="text/html",
        )
    fmt = rdf_format()
    if fmt is None:
        return not_acceptable("the ontology")
    g = _ontology(names)
    for prefix, ns in names.prefixes().items():
        g.bind(prefix, ns, override=True)
    return rdf_response(g, fmt)
