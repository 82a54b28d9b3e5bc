"""Every SHACL shape can fail: one valid graph conforms, and each case breaks one shape.

A case changes the valid graph in one way and must be reported as a violation of exactly the
shape it names (checked through ``sh:sourceShape``, not just ``conforms``). A shape added to
``ontology/shapes.ttl`` without a case here fails :func:`test_every_shape_has_a_case_that_breaks_it`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pytest
from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SH
from rdflib.term import Node as RDFNode

from kg.build.validate import validate_graph
from kg.iris import SCHEMA, Names

from .conftest import BASE, ROOT

N = Names(BASE)
KG, KGO = N.kg, N.kgo
KGS = Namespace(BASE + "shapes#")
OA = Namespace("http://www.w3.org/ns/oa#")
STATEMENT = URIRef(BASE + "statement/spouse")
REFERENCE = URIRef(BASE + "reference/spouse")
REVIEWER = URIRef(BASE + "agent/asha-rao")
DATASET, PUBLIC = URIRef(BASE + "dataset/seats"), URIRef(BASE + "dataset/seats/adr")
POSITION, QUOTE = (
    URIRef(BASE + "reference/spouse/position"),
    URIRef(BASE + "reference/spouse/quote"),
)


@cache
def _file(name: str) -> Graph:
    g = Graph()
    g.parse(ROOT / "ontology" / name, publicID=BASE)
    return g


def _lit(value: str, dt: URIRef) -> Literal:
    return Literal(value, datatype=dt)


def valid_graph() -> Graph:
    """One instance of every shape's target, each valid."""
    g = Graph()
    p1, p2, p3 = KG.p1, KG.p2, KG.p3
    party, post, e, house = KG.party, KG.cm, KG.election, KG.house
    facts: list[tuple[RDFNode, RDFNode, RDFNode]] = [
        # entities
        (p1, RDF.type, SCHEMA.Person),
        (p1, RDFS.label, Literal("Person One", lang="en")),
        (p1, SCHEMA.birthDate, _lit("1985-03-03", XSD.date)),
        (p1, SCHEMA.spouse, p2),
        (p2, RDF.type, KGO.Politician),  # a person through the ontology's subclass axioms
        (p2, RDFS.label, Literal("Person Two")),
        (p2, SCHEMA.deathDate, _lit("2025-08", XSD.gYearMonth)),
        (p3, RDF.type, SCHEMA.Person),
        (p3, RDFS.label, Literal("Person Three")),
        (party, RDF.type, KGO.PoliticalParty),
        (KG.alliance, RDF.type, KGO.Alliance),
        (KG.court, RDF.type, KGO.Organisation),
        (post, RDF.type, KGO.ChiefMinisterPost),
        (e, RDF.type, KGO.GeneralElection),
        (e, RDFS.label, Literal("2024 election")),
        (e, KGO.year, _lit("2024", XSD.gYear)),
        (e, KGO.turnout, _lit("67.74", XSD.decimal)),
        (e, KGO.numberOfSeats, Literal(81)),  # news reports state the house's size of the election
        (e, KGO.majorityMark, Literal(41)),
        (house, RDF.type, KGO.Legislature),
        (house, KGO.numberOfSeats, Literal(81)),
        (house, KGO.majorityMark, Literal(41)),
        # statement nodes
        (KG.c, RDF.type, KGO.Candidacy),
        (KG.c, KGO.candidate, p1),
        (KG.c, KGO.election, e),
        (KG.c, KGO.constituency, KG.gandey),
        (KG.c, KGO.votes, Literal(119372)),
        (KG.c, KGO.voteShare, _lit("55.2", XSD.decimal)),
        (KG.c, KGO.margin, Literal(17142)),
        (KG.c, KGO.outcome, KGO.Won),
        (KG.c, KGO.opponent, p3),
        (KG.h, RDF.type, KGO.PositionHolding),
        (KG.h, KGO.holder, p1),
        (KG.h, KGO.post, post),
        (KG.h, KGO.startDate, _lit("2024-06-04", XSD.date)),
        (KG.h, KGO.replaces, p2),
        (KG.h, KGO.succeededBy, p3),
        (KG.h, KGO.ordinal, Literal(3)),
        (KG.timed, RDF.type, KGO.SeatTally),
        (KG.timed, KGO.party, party),
        (KG.timed, KGO.election, e),
        (KG.timed, KGO.asOfTime, _lit("15:00:00", XSD.time)),
        (KG.timed, KGO.asOfLabel, Literal("3 PM")),
        (KG.timed, KGO.seatsWon, Literal(10)),
        (KG.timed, KGO.seatsLeading, Literal(20)),
        (KG.final, RDF.type, KGO.SeatTally),
        (KG.final, KGO.party, party),
        (KG.final, KGO.election, e),
        (KG.final, KGO.isFinal, Literal(True)),
        (KG.final, KGO.seatsWon, Literal(34)),
        (KG.a, RDF.type, KGO.SeatAllocation),
        (KG.a, KGO.party, party),
        (KG.a, KGO.election, e),
        (KG.a, KGO.alliance, KG.alliance),
        (KG.a, KGO.seatsContested, Literal(41)),
        (KG.phase, RDF.type, KGO.ElectionPhase),
        (KG.phase, KGO.phaseOf, e),
        (KG.phase, KGO.phaseNumber, Literal(1)),
        (KG.phase, KGO.pollingDate, _lit("2024-11-13", XSD.date)),
        (KG.phase, KGO.turnout, _lit("66.65", XSD.decimal)),
        (KG.contest, RDF.type, KGO.ConstituencyContest),
        (KG.contest, KGO.election, e),
        (KG.contest, KGO.constituency, KG.gandey),
        (KG.contest, KGO.turnout, _lit("71.2", XSD.decimal)),
        (KG.m, RDF.type, KGO.PartyMembership),
        (KG.m, KGO.member, p1),
        (KG.m, KGO.party, party),
        (KG.m, KGO.startDate, _lit("2019", XSD.gYear)),
        (KG.m, KGO.endDate, _lit("2024-06", XSD.gYearMonth)),
        (KG.f, RDF.type, KGO.Founding),
        (KG.f, KGO.organisationFounded, party),
        (KG.f, KGO.founder, p2),
        (KG.f, KGO.role, Literal("co-founder")),
        (KG.f, KGO.date, _lit("1972", XSD.gYear)),
        (KG.b, RDF.type, KGO.Bail),
        (KG.b, KGO.personBailed, p2),
        (KG.b, KGO.court, KG.court),
        (KG.b, KGO.date, _lit("2024-06-28", XSD.date)),
        (KG.o, RDF.type, KGO.OathTaking),
        (KG.o, KGO.person, p2),
        (KG.o, KGO.post, post),
        (KG.o, KGO.date, _lit("2024-07", XSD.gYearMonth)),
        # reference data
        (KG.gandey, RDF.type, KGO.Constituency),
        (KG.gandey, KGO.constituencyNumber, Literal(31)),
        (KG.gandey, KGO.reservation, KGO.Unreserved),
        (KG.gandey, KGO.parliamentaryConstituency, KG["kodarma-lok-sabha"]),
        (KG["kodarma-lok-sabha"], RDF.type, KGO.LokSabhaConstituency),
        (KG["kodarma-lok-sabha"], KGO.constituencyNumber, Literal(5)),
        (KG.party, KGO.foundingYear, _lit("1972", XSD.gYear)),
        (KG.party, KGO.dissolutionYear, _lit("2020", XSD.gYear)),
        (KG.am, RDF.type, KGO.AllianceMembership),
        (KG.am, KGO.alliance, KG.alliance),
        (KG.am, KGO.party, party),
        (KG.am, KGO.election, e),
        (KG.am, KGO.seatsContested, Literal(13)),
        (DATASET, RDF.type, KGO.ReferenceDataset),
        (DATASET, DCTERMS.title, Literal("Seats")),
        (DATASET, KGO.dataFile, Literal("data/reference/seats.yaml")),
        (DATASET, PROV.wasDerivedFrom, PUBLIC),
        (PUBLIC, RDF.type, KGO.PublicSource),
        (PUBLIC, DCTERMS.title, Literal("ADR constituency lookup")),
        (PUBLIC, KGO.readOn, _lit("2026-12-02", XSD.date)),
        (PUBLIC, SCHEMA.url, URIRef("https://github.com/HarryStevens/adr-election-node")),
        # provenance
        (STATEMENT, RDF.type, RDF.Statement),
        (STATEMENT, RDF.subject, p1),
        (STATEMENT, RDF.predicate, SCHEMA.spouse),
        (STATEMENT, RDF.object, p2),
        (STATEMENT, PROV.wasDerivedFrom, REFERENCE),
        (REFERENCE, RDF.type, KGO.Reference),
        (REFERENCE, KGO.statedIn, KG.source),
        (REFERENCE, KGO.extractionMethod, KGO.SentenceRules),
        (REFERENCE, OA.hasSelector, POSITION),
        (REFERENCE, OA.hasSelector, QUOTE),
        (REFERENCE, KGO.approximate, Literal(False)),
        (REFERENCE, KGO.reviewDecision, KGO.Accepted),
        (REFERENCE, KGO.reviewedAt, _lit("2026-12-03T10:15:00+05:30", XSD.dateTime)),
        (REFERENCE, PROV.wasAttributedTo, REVIEWER),
        (REVIEWER, RDF.type, PROV.Agent),
        (REVIEWER, RDFS.label, Literal("Asha Rao")),
        (POSITION, RDF.type, OA.TextPositionSelector),
        (POSITION, OA.start, Literal(0)),
        (POSITION, OA.end, Literal(5)),
        (QUOTE, RDF.type, OA.TextQuoteSelector),
        (QUOTE, OA.exact, Literal("Soren")),
        (KG.source, RDF.type, KGO.NewsArticle),
        (KG.source, DCTERMS.title, Literal("Results day")),
        (KG.source, KGO.sourceId, Literal("001")),
        (KG.source, KGO.publicationDate, _lit("2024-11-23", XSD.date)),
        (KG.source, KGO.retrievedDate, _lit("2026-01-01", XSD.date)),
    ]
    for t in facts:
        g.add(t)
    return g


def _top_shape(shapes: Graph, shape: RDFNode) -> RDFNode:
    """The named node shape a result's ``sh:sourceShape`` belongs to (itself, or the node shape
    whose ``sh:property`` it is)."""
    if isinstance(shape, URIRef):
        return shape
    owner = shapes.value(None, SH.property, shape)
    assert owner is not None, f"{shape} belongs to no shape"
    return _top_shape(shapes, owner)


def violated(data: Graph) -> list[tuple[str, str]]:
    """(shape, message) of every violation, sorted, as the build's validation sees them."""
    shapes, ontology = _file("shapes.ttl"), _file("kg.ttl")
    # the arguments kg.build.validate.validate_graph passes, for the results' sh:sourceShape
    conforms, results, _ = shacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True
    )
    report = validate_graph(data, shapes, ontology, N)
    assert report.conforms == conforms
    out = []
    for r in results.subjects(SH.resultSeverity, None):
        source = results.value(r, SH.sourceShape)
        assert source is not None
        shape = _top_shape(shapes, source)
        out.append((str(shape)[len(str(KGS)) :], str(results.value(r, SH.resultMessage))))
    assert len(out) == len(report.violations)
    return sorted(out)


Change = Callable[[Graph], None]


def add(*triples: tuple[RDFNode, RDFNode, RDFNode]) -> Change:
    def change(g: Graph) -> None:
        for t in triples:
            g.add(t)

    return change


def remove(*triples: tuple[RDFNode, RDFNode, RDFNode]) -> Change:
    def change(g: Graph) -> None:
        for t in triples:
            assert t in g
            g.remove(t)

    return change


def drop(s: RDFNode, p: RDFNode) -> Change:
    def change(g: Graph) -> None:
        assert (s, p, None) in g
        g.remove((s, p, None))

    return change


def put(s: RDFNode, p: RDFNode, o: RDFNode) -> Change:
    """Replace every value of ``s p`` by ``o``."""

    def change(g: Graph) -> None:
        g.remove((s, p, None))
        g.add((s, p, o))

    return change


def both(*changes: Change) -> Change:
    def change(g: Graph) -> None:
        for c in changes:
            c(g)

    return change


def _no_such_day(g: Graph) -> None:
    """30 February (built when run: rdflib logs a warning when it makes the literal)."""
    put(KG.b, KGO.date, _lit("2024-02-30", XSD.date))(g)


@dataclass(frozen=True)
class Case:
    shape: str  # local name in kgs:
    what: str
    change: Change
    message: str


CASES = [
    Case("PersonShape", "no name", drop(KG.p1, RDFS.label), "exactly one name"),
    Case(
        "PersonShape",
        "two dates of birth",
        add((KG.p1, SCHEMA.birthDate, _lit("1985-03-04", XSD.date))),
        "at most one date of birth",
    ),
    Case(
        "PersonShape",
        "two dates of death",
        add((KG.p2, SCHEMA.deathDate, _lit("2025", XSD.gYear))),
        "at most one date of death",
    ),
    Case(
        "PersonShape",
        "a spouse that is a string",
        add((KG.p1, SCHEMA.spouse, Literal("Hemant"))),
        "spouse must be a person",
    ),
    Case(
        "CandidacyShape",
        "vote share over 100",
        put(KG.c, KGO.voteShare, _lit("120.5", XSD.decimal)),
        "vote share",
    ),
    Case("CandidacyShape", "no election", drop(KG.c, KGO.election), "exactly one election"),
    Case(
        "CandidacyShape",
        "'leading' as a declared outcome",
        put(KG.c, KGO.outcome, KGO.Leading),
        "either won or lost",
    ),
    Case("PositionHoldingShape", "no holder", drop(KG.h, KGO.holder), "exactly one holder"),
    Case("PositionHoldingShape", "ordinal 0", put(KG.h, KGO.ordinal, Literal(0)), "ordinal"),
    Case(
        "PositionHoldingShape",
        "a successor that is a party",
        put(KG.h, KGO.succeededBy, KG.party),
        "successor",
    ),
    Case(
        "PositionHoldingShape",
        "two start dates",
        add((KG.h, KGO.startDate, _lit("2024", XSD.gYear))),
        "at most one start date",
    ),
    Case(
        "SeatTallyShape",
        "no seat count",
        both(drop(KG.timed, KGO.seatsWon), drop(KG.timed, KGO.seatsLeading)),
        "at least one of seats won and seats leading",
    ),
    Case(
        "SeatTallyShape",
        "negative seats",
        put(KG.final, KGO.seatsWon, Literal(-1)),
        "seats won",
    ),
    Case(
        "SeatTallyShape",
        "two reporting times",
        add((KG.timed, KGO.asOfTime, _lit("16:00:00", XSD.time))),
        "at most one reporting time",
    ),
    Case(
        "SeatTallyTimingShape",
        "a timed tally that is also final",
        add((KG.timed, KGO.isFinal, Literal(True))),
        "either a reporting time",
    ),
    Case(
        "SeatTallyTimingShape",
        "a tally neither timed nor final",
        drop(KG.final, KGO.isFinal),
        "either a reporting time",
    ),
    Case(
        "SeatTallyTimingShape",
        "a tally marked not final and without a time",
        put(KG.final, KGO.isFinal, Literal(False)),
        "either a reporting time",
    ),
    Case(
        "ReportingTimeShape",
        "a time without its wording",
        drop(KG.timed, KGO.asOfLabel),
        "comes with the article's own wording",
    ),
    Case(
        "ReportingTimeShape",
        "a time without its wording on a node of no class",
        add((KG.snapshot, KGO.asOfTime, _lit("18:00:00", XSD.time))),
        "comes with the article's own wording",
    ),
    Case("PartyMembershipShape", "no member", drop(KG.m, KGO.member), "exactly one member"),
    Case(
        "PartyMembershipShape",
        "a party that is a person",
        put(KG.m, KGO.party, KG.p3),
        "exactly one political party",
    ),
    Case(
        "PartyMembershipShape",
        "two end dates",
        add((KG.m, KGO.endDate, _lit("2024", XSD.gYear))),
        "at most one end date",
    ),
    Case(
        "SeatAllocationShape",
        "negative seats contested",
        put(KG.a, KGO.seatsContested, Literal(-3)),
        "seats contested",
    ),
    Case(
        "ConstituencyShape",
        "number 0",
        put(KG.gandey, KGO.constituencyNumber, Literal(0)),
        "at most one number, a whole number of 1 or more",
    ),
    Case(
        "ConstituencyShape",
        "two reservations",
        add((KG.gandey, KGO.reservation, KGO.ScheduledTribes)),
        "at most one reservation",
    ),
    Case(
        "ConstituencyShape",
        "a reservation that is not one of the three",
        put(KG.gandey, KGO.reservation, KGO.ReservedForWomen),
        "Scheduled Castes, Scheduled Tribes or unreserved",
    ),
    Case(
        "ConstituencyShape",
        "a Lok Sabha seat that is not a Lok Sabha constituency",
        put(KG.gandey, KGO.parliamentaryConstituency, KG.barhait),
        "at most one Lok Sabha constituency",
    ),
    Case(
        "AllianceMembershipShape",
        "no election",
        drop(KG.am, KGO.election),
        "for exactly one election",
    ),
    Case(
        "AllianceMembershipShape",
        "an alliance as the member party",
        put(KG.am, KGO.party, KG.alliance),
        "exactly one political party",
    ),
    Case(
        "AllianceMembershipShape",
        "negative seats",
        put(KG.am, KGO.seatsContested, Literal(-1)),
        "at most one number of seats contested",
    ),
    Case(
        "OrganisationYearsShape",
        "two founding years",
        add((KG.party, KGO.foundingYear, _lit("1973", XSD.gYear))),
        "at most one founding year",
    ),
    Case(
        "OrganisationYearsShape",
        "a dissolution year given as an integer",
        put(KG.party, KGO.dissolutionYear, Literal(2020)),
        "at most one dissolution year",
    ),
    Case(
        "ReferenceDatasetShape",
        "no public source",
        drop(DATASET, PROV.wasDerivedFrom),
        "at least one public source",
    ),
    Case(
        "ReferenceDatasetShape",
        "no data file",
        drop(DATASET, KGO.dataFile),
        "exactly one data file",
    ),
    Case(
        "PublicSourceShape",
        "no day read",
        drop(PUBLIC, KGO.readOn),
        "exactly one day it was read",
    ),
    Case(
        "PublicSourceShape",
        "an address given as a string",
        put(PUBLIC, SCHEMA.url, Literal("https://github.com/HarryStevens/adr-election-node")),
        "addresses are IRIs",
    ),
    Case(
        "ElectionShape",
        "a year given as an integer",
        put(KG.election, KGO.year, Literal(2024)),
        "xsd:gYear",
    ),
    Case(
        "ConstituencyContestShape",
        "no constituency",
        drop(KG.contest, KGO.constituency),
        "exactly one constituency",
    ),
    Case(
        "ConstituencyContestShape",
        "a turnout over 100",
        put(KG.contest, KGO.turnout, _lit("171.2", XSD.decimal)),
        "a decimal percentage between 0 and 100",
    ),
    Case(
        "ConstituencyContestShape",
        "two elections",
        add((KG.contest, KGO.election, KG.other_election)),
        "exactly one election",
    ),
    Case(
        "ElectionPhaseShape",
        "phase number 0",
        put(KG.phase, KGO.phaseNumber, Literal(0)),
        "phase number",
    ),
    Case(
        "LegislatureShape",
        "a legislature's majority mark above its seats",
        put(KG.house, KGO.majorityMark, Literal(90)),
        "cannot exceed",
    ),
    Case(
        "LegislatureShape",
        "an election's majority mark above its seats (the news-report form)",
        put(KG.election, KGO.majorityMark, Literal(90)),
        "cannot exceed",
    ),
    Case(
        "LegislatureShape",
        "an election with two seat counts",
        add((KG.election, KGO.numberOfSeats, Literal(82))),
        "at most one number of seats",
    ),
    Case(
        "StatementShape",
        "a statement with no backing",
        drop(STATEMENT, PROV.wasDerivedFrom),
        "backed by a reference",
    ),
    Case(
        "StatementShape",
        "two subjects",
        add((STATEMENT, RDF.subject, KG.p3)),
        "exactly one subject",
    ),
    Case(
        "ReferenceShape",
        "an unknown extraction method",
        put(REFERENCE, KGO.extractionMethod, KGO.Guesswork),
        "exactly one extraction method",
    ),
    Case(
        "ReferenceShape",
        "one selector only",
        remove((REFERENCE, OA.hasSelector, QUOTE)),
        "at least two selectors",
    ),
    Case(
        "ReferenceShape",
        "a decision that is not one",
        put(REFERENCE, KGO.reviewDecision, KGO.Guesswork),
        "at most one review decision",
    ),
    Case(
        "ReferenceShape",
        "a review time without its time of day",
        put(REFERENCE, KGO.reviewedAt, _lit("2026-12-03", XSD.date)),
        "at an xsd:dateTime",
    ),
    Case(
        "ReviewShape",
        "a review without its reviewer",
        drop(REFERENCE, PROV.wasAttributedTo),
        "names its reviewer",
    ),
    Case(
        "ReviewShape",
        "a review without its decision",
        drop(REFERENCE, KGO.reviewDecision),
        "names its decision",
    ),
    Case(
        "TextPositionSelectorShape",
        "start after end",
        put(POSITION, OA.start, Literal(9)),
        "smaller than its end offset",
    ),
    Case(
        "TextQuoteSelectorShape", "an empty quote", put(QUOTE, OA.exact, Literal("")), "non-empty"
    ),
    Case(
        "SourceShape",
        "no retrieval date",
        drop(KG.source, KGO.retrievedDate),
        "exactly one retrieval date",
    ),
    Case("FoundingShape", "no organisation", drop(KG.f, KGO.organisationFounded), "exactly one"),
    Case(
        "FoundingShape",
        "a founder that is a party",
        put(KG.f, KGO.founder, KG.party),
        "exactly one founder",
    ),
    Case("FoundingShape", "an empty role", put(KG.f, KGO.role, Literal("")), "role"),
    Case("BailShape", "nobody bailed", drop(KG.b, KGO.personBailed), "exactly one person"),
    Case("BailShape", "a court that is a person", put(KG.b, KGO.court, KG.p3), "court"),
    Case("OathTakingShape", "an oath to a party", put(KG.o, KGO.post, KG.party), "one post"),
    Case("OathTakingShape", "nobody sworn in", drop(KG.o, KGO.person), "exactly one person"),
    Case(
        "DateShape",
        "a start date with a time of day",
        put(KG.h, KGO.startDate, _lit("2024-06-04T10:00:00", XSD.dateTime)),
        "A start date is an xsd:date, an xsd:gYearMonth or an xsd:gYear.",
    ),
    Case(
        "DateShape",
        "a month that does not exist",
        put(KG.o, KGO.date, _lit("2024-13", XSD.gYearMonth)),
        "A date is an xsd:date",
    ),
    Case(
        "DateShape",
        "a year of two digits",
        put(KG.f, KGO.date, _lit("72", XSD.gYear)),
        "A date is an xsd:date",
    ),
    Case(
        "DateShape",
        "a day that does not exist",
        _no_such_day,
        "A date is an xsd:date",
    ),
    Case(
        "DateShape",
        "a date of birth as a plain string",
        put(KG.p1, SCHEMA.birthDate, Literal("3 March 1985")),
        "A date of birth is an xsd:date",
    ),
    Case(
        "DateShape",
        "a date of death as an integer year",
        put(KG.p2, SCHEMA.deathDate, Literal(2025)),
        "A date of death is an xsd:date",
    ),
    Case(
        "DateShape",
        "an end date as a string",
        put(KG.m, KGO.endDate, Literal("June 2024")),
        "An end date is an xsd:date",
    ),
    Case(
        "DateShape",
        "a polling date as a string",
        put(KG.phase, KGO.pollingDate, Literal("13 November")),
        "A polling date is an xsd:date",
    ),
    Case(
        "DateShape",
        "an event date on a node of no class",
        add((KG.rally, KGO.date, Literal("yesterday"))),
        "A date is an xsd:date",
    ),
]


def shape_names() -> set[str]:
    shapes = _file("shapes.ttl")
    return {
        str(s)[len(str(KGS)) :]
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if isinstance(s, URIRef)
    }


def test_the_valid_graph_conforms() -> None:
    assert violated(valid_graph()) == []
    report = validate_graph(valid_graph(), _file("shapes.ttl"), _file("kg.ttl"), N)
    assert report.text() == "The graph conforms to the shapes in ontology/shapes.ttl."


def test_the_valid_graph_gives_every_shape_something_to_check() -> None:
    shapes, data = _file("shapes.ttl"), valid_graph() + _file("kg.ttl")
    for name in sorted(shape_names()):
        shape = KGS[name]
        targets = [
            f"ASK {{ ?x a/<{RDFS.subClassOf}>* <{c}> }}"
            for c in shapes.objects(shape, SH.targetClass)
        ] + [f"ASK {{ ?x <{p}> ?o }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
        assert targets, name
        assert all(data.query(q).askAnswer for q in targets), name


def test_every_shape_has_a_case_that_breaks_it() -> None:
    names = shape_names()
    # the 13 of before; seat tally timing and reporting time, membership, founding, bail, oath,
    # dates; reviews; the reference data's constituencies, alliance memberships, party years,
    # datasets, sources; a seat's own contest
    assert len(names) == 27
    assert {c.shape for c in CASES} == names


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.shape}: {c.what}")
def test_each_case_violates_exactly_its_shape(case: Case) -> None:
    g = valid_graph()
    case.change(g)
    got = violated(g)
    assert got, f"{case.what}: no violation"
    assert {shape for shape, _ in got} == {case.shape}, got
    assert any(case.message in message for _, message in got), got


def test_each_partial_date_datatype_is_accepted_by_every_date_property() -> None:
    props = (
        KGO.startDate,
        KGO.endDate,
        KGO.date,
        KGO.pollingDate,
        SCHEMA.birthDate,
        SCHEMA.deathDate,
    )
    for value in (
        _lit("2024-06-04", XSD.date),
        _lit("2024-06", XSD.gYearMonth),
        _lit("2024", XSD.gYear),
    ):
        g = valid_graph()
        for p in props:
            for s in list(g.subjects(p, None)):
                put(s, p, value)(g)
        assert violated(g) == [], value
