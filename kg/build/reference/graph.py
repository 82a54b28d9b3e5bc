"""The reference data as the named graph ``<graph/reference>``: a pure function of the records
and the entity registry.

What it holds, with the IRIs of :mod:`kg.build.reference.ids`:

- each Assembly seat (``kgo:Constituency``) and Lok Sabha seat (``kgo:LokSabhaConstituency``)
  with its label, its variants as ``skos:altLabel``, ``kgo:constituencyNumber``,
  ``kgo:reservation`` and ``kgo:legislature``; an Assembly seat also ``kgo:locatedIn`` its district
  and ``kgo:parliamentaryConstituency`` its Lok Sabha seat;
- each district (``kgo:District``), located in its division and in Jharkhand; each division
  (``kgo:Division``) and region (``kgo:Place``);
- each party (``kgo:PoliticalParty``), its abbreviations as ``skos:altLabel``,
  ``kgo:foundingYear`` and ``kgo:dissolutionYear``, notes, and the addresses among its sources as
  ``dcterms:source``;
- each alliance (``kgo:Alliance``) with ``kgo:allianceMember``, and for each election it fought a
  ``kgo:AllianceMembership`` node per member (also a ``kgo:SeatAllocation`` where the seats it
  contested are given); the elections themselves (``kgo:GeneralElection``).

Provenance is by dataset, not by statement: each file is a ``kgo:ReferenceDataset`` derived from
its ``kgo:PublicSource`` nodes (name, addresses, the day read), every entity and node it describes
is ``prov:wasDerivedFrom`` it, and the graph's own IRI is derived from all the datasets.

An entity the registry knows keeps the registry's label (one IRI, one label); a different name the
reference data gives it becomes an ``skos:altLabel``.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.build.reference.ids import (
    ASSEMBLY,
    LOK_SABHA,
    STATE,
    Known,
    assign,
    election_label,
    wanted,
)
from kg.build.reference.load import division_of, divisions
from kg.build.reference.model import Alliance, Dataset, LineUp, Reference
from kg.build.resolve import Entity
from kg.iris import PROV, SCHEMA, Names

RESERVATION = {"SC": "ScheduledCastes", "ST": "ScheduledTribes", "none": "Unreserved"}
HOUSE_LABEL = {"lok_sabha": LOK_SABHA, "assembly": ASSEMBLY}


class _Writer:
    def __init__(self, names: Names, ids: dict[tuple[str, str], Known], g: Graph) -> None:
        self.names, self.ids, self.g, self.kgo = names, ids, g, names.kgo

    def iri(self, kind: str, name: str) -> URIRef:
        return self.names.entity(self.ids[(kind, name)].id)

    def entity(
        self,
        kind: str,
        name: str,
        cls: str,
        others: Iterable[str],
        dataset: str,
        label: str | None = None,
    ) -> URIRef:
        """Type, label (the registry's, else ``label`` or the name), the other names as
        alternative labels, and the dataset of one entity."""
        known = self.ids[(kind, name)]
        iri = self.names.entity(known.id)
        label = known.registry_label or label or name
        g = self.g
        g.add((iri, RDF.type, self.names.class_iri(cls)))
        g.add((iri, RDFS.label, Literal(label, lang="en")))
        for alt in dict.fromkeys((name, *others)):
            if alt != label:
                g.add((iri, SKOS.altLabel, Literal(alt, lang="en")))
        g.add((iri, PROV.wasDerivedFrom, self.names.dataset(dataset)))
        return iri

    def add(self, s: URIRef, p: str, o: URIRef | Literal) -> None:
        self.g.add((s, self.kgo[p], o))


def _year(y: int) -> Literal:
    return Literal(f"{y:04d}", datatype=XSD.gYear)


def _datasets(g: Graph, names: Names, datasets: tuple[Dataset, ...]) -> None:
    kgo, graph = names.kgo, names.reference_graph
    g.add((graph, RDF.type, PROV.Entity))
    g.add((graph, DCTERMS.title, Literal("Reference data of data/reference/", lang="en")))
    for d in datasets:
        ds = names.dataset(d.key)
        g.add((graph, PROV.wasDerivedFrom, ds))
        g.add((ds, RDF.type, kgo.ReferenceDataset))
        g.add((ds, DCTERMS.title, Literal(d.title, lang="en")))
        g.add((ds, kgo.dataFile, Literal(d.file)))
        for s in d.sources:
            src = names.dataset(f"{d.key}/{s.id}")
            g.add((ds, PROV.wasDerivedFrom, src))
            g.add((src, RDF.type, kgo.PublicSource))
            g.add((src, DCTERMS.title, Literal(s.name, lang="en")))
            g.add((src, kgo.readOn, Literal(s.read, datatype=XSD.date)))
            for u in s.urls:
                g.add((src, SCHEMA.url, URIRef(u)))
            if s.note:
                g.add((src, kgo.note, Literal(s.note)))


def _places(w: _Writer, ref: Reference) -> None:
    jharkhand = w.iri("place", STATE)
    regions, division = [r.name for r in ref.regions], divisions(ref)
    for r in ref.regions:
        cls = "Division" if r.name in division else "Place"
        iri = w.entity("region", r.name, cls, r.variants, r.dataset)
        if r.name in division:
            w.add(iri, "locatedIn", jharkhand)
    for d in ref.districts:
        label = f"{d.name} district"
        iri = w.entity("district", d.name, "District", d.variants, d.dataset, label)
        w.add(iri, "locatedIn", w.iri("region", division_of(d, regions) or d.division))
        w.add(iri, "locatedIn", jharkhand)


def _seats(w: _Writer, ref: Reference) -> None:
    kgo = w.kgo
    assembly, lok_sabha = w.iri("house", ASSEMBLY), w.iri("house", LOK_SABHA)
    for ls in ref.lok_sabha:
        iri = w.entity("lok_sabha", ls.name, "LokSabhaConstituency", ls.variants, ls.dataset)
        w.add(iri, "constituencyNumber", Literal(ls.number))
        w.add(iri, "reservation", kgo[RESERVATION[ls.reservation]])
        w.add(iri, "legislature", lok_sabha)
        w.add(iri, "locatedIn", w.iri("place", STATE))
    for s in ref.seats:
        iri = w.entity("seat", s.name, "Constituency", s.variants, s.dataset)
        w.add(iri, "constituencyNumber", Literal(s.number))
        w.add(iri, "reservation", kgo[RESERVATION[s.reservation]])
        w.add(iri, "legislature", assembly)
        w.add(iri, "locatedIn", w.iri("district", s.district))
        w.add(iri, "parliamentaryConstituency", w.iri("lok_sabha", s.lok_sabha))


def _parties(w: _Writer, ref: Reference) -> None:
    for p in ref.parties:
        iri = w.entity("party", p.name, "PoliticalParty", p.abbreviations, p.dataset)
        if p.founded is not None:
            w.add(iri, "foundingYear", _year(p.founded))
        if p.dissolved is not None:
            w.add(iri, "dissolutionYear", _year(p.dissolved))
        for note in p.notes:
            w.add(iri, "note", Literal(note))
        for u in p.urls:
            w.g.add((iri, DCTERMS.source, URIRef(u)))


def _election(w: _Writer, u: LineUp, dataset: str) -> URIRef:
    label = election_label(u.house, u.year)
    iri = w.entity("election", label, "GeneralElection", (), dataset)
    w.add(iri, "year", _year(u.year))
    w.add(iri, "legislature", w.iri("house", HOUSE_LABEL[u.house]))
    return iri


def _alliance(w: _Writer, a: Alliance) -> None:
    g, names = w.g, w.names
    iri = w.entity("alliance", a.name, "Alliance", a.abbreviations, a.dataset)
    for note in a.notes:
        w.add(iri, "note", Literal(note))
    for u in a.lineups:
        election, label = _election(w, u, a.dataset), election_label(u.house, u.year)
        for m in u.members:
            party = w.iri("party", m.party)
            w.add(iri, "allianceMember", party)
            key = (
                w.ids[k].id for k in (("alliance", a.name), ("election", label), ("party", m.party))
            )
            node = names.entity("alliance-membership/" + "/".join(key))
            g.add((node, RDF.type, w.kgo.AllianceMembership))
            if m.seats is not None:
                g.add((node, RDF.type, w.kgo.SeatAllocation))
                w.add(node, "seatsContested", Literal(m.seats))
            w.add(node, "alliance", iri)
            w.add(node, "election", election)
            w.add(node, "party", party)
            text = f"alliance membership: {a.name}, {label}, {m.party}"
            g.add((node, RDFS.label, Literal(text, lang="en")))
            g.add((node, PROV.wasDerivedFrom, names.dataset(a.dataset)))
            for url in u.urls:
                g.add((node, DCTERMS.source, URIRef(url)))


def _fixed(w: _Writer, dataset: str) -> None:
    """Jharkhand and its two houses, when the registry does not describe them."""
    for kind, name, cls in (
        ("place", STATE, "State"),
        ("house", ASSEMBLY, "Legislature"),
        ("house", LOK_SABHA, "Legislature"),
    ):
        if w.ids[(kind, name)].registry_label is None:
            w.entity(kind, name, cls, (), dataset)


def reference_graph(names: Names, ref: Reference, registry: tuple[Entity, ...]) -> Graph:
    """The graph ``<graph/reference>`` of ``ref``, with the registry's IRIs where it has them."""
    g = Graph()
    if not ref.datasets:
        return g
    w = _Writer(names, assign(wanted(ref), registry), g)
    _datasets(g, names, ref.datasets)
    _places(w, ref)
    _seats(w, ref)
    _parties(w, ref)
    for a in ref.alliances:
        _alliance(w, a)
    _fixed(w, ref.datasets[0].key)
    return g
