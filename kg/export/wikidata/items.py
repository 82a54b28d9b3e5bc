"""Items and references read from the store: the registry's entities (``<graph/entities>``) with
their labels and Q-ids, and the ``kgo:Reference`` nodes of the article graphs with what their
articles say of themselves."""

from __future__ import annotations

from collections import defaultdict

from kg.export.wikidata.mapping import QID, MappingError, WikidataMapping
from kg.export.wikidata.model import Item, Reference
from kg.export.wikidata.rdf import PREFIXES, rows, source_filter, wikidata_id
from kg.iris import Names
from kg.query.store import Store


def read_items(store: Store, names: Names, mapping: WikidataMapping) -> dict[str, Item]:
    """The registry's entities as items, by entity IRI, with the Q-ids of ``mapping`` and of
    ``kgo:wikidataItem`` (which must agree)."""
    base_id = names.base + "id/"
    labels: dict[str, str] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    descriptions: dict[str, str] = {}
    curated: dict[str, str] = {}
    entities: set[str] = set()
    q = (
        PREFIXES + "SELECT DISTINCT ?e WHERE { GRAPH <graph/entities> { ?e a ?t } "
        f'FILTER(STRSTARTS(STR(?e), "{base_id}") && ?t != rdf:Statement) }}'
    )
    for (e,) in rows(store, q):
        assert e is not None
        entities.add(e.value)
    for pred, table in (("rdfs:label", labels), ("schema:description", descriptions)):
        for e, v in rows(
            store, PREFIXES + f"SELECT ?e ?v WHERE {{ GRAPH <graph/entities> {{ ?e {pred} ?v }} }}"
        ):
            assert e is not None and v is not None
            table[e.value] = v.value
    for e, v in rows(
        store, PREFIXES + "SELECT ?e ?v WHERE { GRAPH <graph/entities> { ?e skos:altLabel ?v } }"
    ):
        assert e is not None and v is not None
        aliases[e.value].add(v.value)
    for e, v in rows(
        store,
        PREFIXES + "SELECT ?e ?v WHERE { GRAPH <graph/entities> { ?e kgo:wikidataItem ?v } }",
    ):
        assert e is not None and v is not None
        curated[e.value] = wikidata_id(v.value, QID)
    known = {iri.removeprefix(base_id) for iri in entities}
    unknown = sorted(set(mapping.items) - known)
    if unknown:
        raise MappingError(
            f"data/wikidata.yaml names entities the registry lacks: {', '.join(unknown)}"
        )
    items: dict[str, Item] = {}
    for iri in sorted(entities):
        eid = iri.removeprefix(base_id)
        qid = mapping.items.get(eid)
        if iri in curated and qid and curated[iri] != qid:
            raise MappingError(
                f"{eid}: data/wikidata.yaml says {qid}, data/entities.yaml {curated[iri]}"
            )
        items[iri] = Item(
            iri=iri,
            id=eid,
            qid=qid or curated.get(iri),
            label=labels.get(iri, eid),
            aliases=tuple(sorted(aliases[iri])),
            description=descriptions.get(iri),
        )
    return items


def read_references(store: Store, names: Names, mapping: WikidataMapping) -> dict[str, Reference]:
    """The references of the article graphs, by IRI: quote, and what the article says of itself."""
    flt = source_filter(names)
    sources: dict[str, dict[str, str]] = defaultdict(dict)
    for pred, key in (
        ("kgo:sourceId", "id"),
        ("kgo:retrievedDate", "retrieved"),
        ("kgo:publicationDate", "published"),
        ("dcterms:title", "title"),
        ("kgo:note", "note"),
        ("kgo:publisher", "publisher"),
        ("schema:url", "url"),
    ):
        q = (
            PREFIXES
            + f"SELECT ?s ?v WHERE {{ GRAPH ?g {{ ?s kgo:sourceId ?id ; {pred} ?v }} {flt} }}"
        )
        for s, v in rows(store, q):
            assert s is not None and v is not None
            sources[s.value][key] = v.value
    out: dict[str, Reference] = {}
    q = (
        PREFIXES
        + "SELECT ?ref ?src ?quote WHERE { GRAPH ?g { ?ref a kgo:Reference ; kgo:statedIn ?src ; "
        f"oa:hasSelector ?sel . ?sel a oa:TextQuoteSelector ; oa:exact ?quote }} {flt} }}"
    )
    for ref, src, quote in rows(store, q):
        assert ref is not None and src is not None and quote is not None
        info = sources.get(src.value, {})
        # a title the project wrote for a text without a headline is not the article's title
        own_title = "title is descriptive" not in info.get("note", "")
        out[ref.value] = Reference(
            iri=ref.value,
            source=src.value,
            source_qid=mapping.sources.get(info.get("id", "")),
            quote=quote.value,
            retrieved=info.get("retrieved"),
            published=info.get("published"),
            title=info.get("title") if own_title else None,
            publisher=info.get("publisher"),
            url=info.get("url"),
        )
    return out
