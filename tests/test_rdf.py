"""Stage: rdf. Every asserted triple is traceable to its article, offsets and quoted text."""

from __future__ import annotations

from typing import cast

from rdflib import RDF, Literal, URIRef

from kg.build import Built
from kg.iris import OA, PROV
from kg.query.store import Store

from .conftest import PREFIXES, rows


def test_one_named_graph_per_article_plus_entities_reference_ontology_and_inferred(
    built: Built,
) -> None:
    n = built.names
    assert sorted(str(g) for g in built.graphs) == sorted(
        str(g)
        for g in (
            n.source_graph("000"),
            n.source_graph("001"),
            n.source_graph("002"),
            n.entities_graph,
            n.reference_graph,
            n.ontology_graph,
            n.inferred_graph,
        )
    )


def test_every_asserted_triple_has_a_statement_with_article_offsets_and_quote(
    built: Built, store: Store
) -> None:
    """For each fact triple in an article graph, SPARQL finds its article, offsets and quote,
    and the quote is exactly the characters at those offsets."""
    n = built.names
    text = {s.id: s.text for s in built.sources}
    checked = 0
    for s in built.sources:
        g = built.graphs[n.source_graph(s.id)]
        facts = [
            t
            for t in g
            if str(t[0]).startswith(str(n.kg)) and (t[0], RDF.type, RDF.Statement) not in g
        ]
        assert facts
        statements = {
            (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)): st
            for st in g.subjects(RDF.type, RDF.Statement)
        }
        for t in facts:
            st = statements[t]
            refs = list(g.objects(st, PROV.wasDerivedFrom))
            assert refs, t
            for ref in refs:
                sels = list(g.objects(ref, OA.hasSelector))
                pos = next(x for x in sels if (x, RDF.type, OA.TextPositionSelector) in g)
                quote = next(x for x in sels if (x, RDF.type, OA.TextQuoteSelector) in g)
                start = int(cast(Literal, g.value(pos, OA.start)))
                end = int(cast(Literal, g.value(pos, OA.end)))
                assert text[s.id][start:end] == str(g.value(quote, OA.exact))
                checked += 1
    assert checked > 400
    # and the same through SPARQL, for one triple of each article
    for sid, (subj, pred) in {
        "000": ("kg:kalpana-soren", "kgo:fatherInLaw"),
        "001": ("kg:hemant-soren", "kgo:positionHeld"),
        "002": ("kg:kalpana-soren", "kgo:nickname"),
    }.items():
        got = rows(
            store,
            PREFIXES
            + f"""
            SELECT ?article ?start ?end ?quote WHERE {{
              ?st rdf:subject {subj} ; rdf:predicate {pred} ; prov:wasDerivedFrom ?ref .
              ?ref kgo:statedIn/kgo:sourceId ?article ;
                   oa:hasSelector [ oa:start ?start ; oa:end ?end ] , [ oa:exact ?quote ] .
              FILTER(?article = "{sid}")
            }}""",
        )
        assert got, (sid, subj, pred)
        for article, begin, finish, quoted in cast("list[tuple[str, str, str, str]]", got):
            assert text[article][int(begin) : int(finish)] == quoted


def test_the_infobox_father_in_law_is_quoted(store: Store) -> None:
    assert rows(
        store,
        PREFIXES
        + """
        SELECT ?article ?start ?end ?quote ?method WHERE {
          ?st rdf:subject kg:kalpana-soren ; rdf:predicate kgo:fatherInLaw ; rdf:object kg:shibu-soren ;
              prov:wasDerivedFrom ?ref .
          ?ref kgo:statedIn/kgo:sourceId ?article ; kgo:extractionMethod ?method ;
               oa:hasSelector [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ,
                              [ a oa:TextQuoteSelector ; oa:exact ?quote ] .
        }""",
    ) == [
        (
            "000",
            "276",
            "314",
            "Relations: Shibu Soren (father-in-Law)",
            "http://localhost:5000/ontology#InfoboxParser",
        )
    ]


def test_two_tallies_at_two_times_are_two_statements(store: Store) -> None:
    assert rows(
        store,
        PREFIXES
        + """
        SELECT ?label ?won ?leading ?article WHERE {
          ?t a kgo:SeatTally ; kgo:party kg:jharkhand-mukti-morcha ; kgo:asOfLabel ?label ;
             kgo:seatsWon ?won ; kgo:seatsLeading ?leading .
          ?st rdf:subject ?t ; rdf:predicate kgo:seatsWon ; prov:wasDerivedFrom/kgo:statedIn/kgo:sourceId ?article .
        } ORDER BY ?label""",
    ) == [("3 PM", "3", "31", "002"), ("6 pm on counting day", "20", "14", "001")]


def test_a_round_margin_is_kept_as_stated_and_marked_approximate(store: Store) -> None:
    assert rows(
        store,
        PREFIXES
        + """
        SELECT ?margin ?approx ?quote WHERE {
          ?c kgo:candidate kg:kalpana-soren ; kgo:election kg:election\\/2024-jharkhand-assembly ; kgo:margin ?margin .
          ?st rdf:subject ?c ; rdf:predicate kgo:margin ; prov:wasDerivedFrom ?ref .
          ?ref kgo:approximate ?approx ; oa:hasSelector/oa:exact ?quote .
        }""",
    ) == [("17000", "true", "by a margin of 17,000 votes")]


def test_over_400_rallies_is_a_lower_bound_not_a_count(store: Store) -> None:
    assert rows(
        store,
        PREFIXES
        + """
        SELECT ?p ?n WHERE {
          ?r a kgo:RallySeries ; kgo:person kg:kalpana-soren ; ?p ?n . FILTER(isNumeric(?n))
        }""",
    ) == [("http://localhost:5000/ontology#countMoreThan", "400")]


def test_iris_are_readable_slugs(built: Built) -> None:
    n = built.names
    ents = built.graphs[n.entities_graph]
    assert (URIRef(n.base + "id/kalpana-soren"), RDF.type, n.kgo.Politician) in ents
    assert (
        URIRef(n.base + "id/election/2024-jharkhand-assembly"),
        RDF.type,
        n.kgo.GeneralElection,
    ) in ents
