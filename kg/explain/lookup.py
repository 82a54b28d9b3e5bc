"""Reading the graph: articles, statement nodes, their references, registry records, derivations."""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox
from rdflib.term import Identifier

from kg.explain.terms import RDF_NS, RDF_TYPE, spell
from kg.iris import Names, compact
from kg.query.store import Store

KINDS = {"EncyclopediaArticle": "encyclopedia", "NewsArticle": "news"}


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


class Reader:
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

    def reference_file(self, s: Identifier) -> str:
        """The file of ``data/reference/`` the reference graph's description of ``s`` came from."""
        rows = self.store.query(
            self.head
            + f"""SELECT ?f WHERE {{ GRAPH <{self.names.reference_graph}> {{
              {s.n3()} prov:wasDerivedFrom ?d . ?d kgo:dataFile ?f }} }} ORDER BY ?f LIMIT 1"""
        ).values()
        return (rows[0]["f"] if rows else None) or "data/reference/"

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
