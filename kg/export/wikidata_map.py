"""What the Wikidata exports (Wikibase RDF, QuickStatements) say, read once from the built graph.

Both exports write the same statements; this module decides which, and they only differ in how
they write them.

**Items.** Every entity of the registry (``<graph/entities>``, from ``data/entities.yaml``) is an
item, with its English label, aliases and description. Its Q-id comes from ``data/wikidata.yaml``
(only checked ids; see the comment at its top) or from ``wikidata:`` in ``data/entities.yaml``
(``kgo:wikidataItem``); the two must agree. An entity without one is a new item. Statement nodes
other than the three below (events, seat tallies and allocations, alliances, polling phases,
campaigns, quotations) and the articles themselves are not items: the ontology gives them no
Wikidata class, and Wikidata keeps such things as qualifiers or not at all. Their facts are left
out and listed in :attr:`WikidataView.skipped`.

**Properties.** A property is exported only when the ontology gives it ``kgo:wikidataProperty``
(read from ``<graph/ontology>``), under that P-id and nothing else. Derivable kinship
(``kgo:fatherInLaw``, ``kgo:childInLaw``, ``kgo:husbandsFather``, ``kgo:daughterInLaw``) has none
and is also refused here by name, so a P-id added to it by mistake still exports nothing.

**Asserted only.** Statements come from the article graphs (``<graph/source/…>``) alone, never from
``<graph/inferred>``: an inverse, symmetric or chained fact that no article states (Hemant Soren's
spouse, anyone's children, anyone's father-in-law) is not exported. The one exception is "instance
of" (P31), from the entity's type in the registry (a curated fact, not an inference), mapped through
``kgo:wikidataClass`` of its class or, when that class has none, of its nearest superclass in the
ontology (a Politician is a ``schema:Person``, Q5); those statements have no reference.

**Statement nodes.** ``kgo:PositionHolding``, ``kgo:Candidacy`` and ``kgo:Education`` become one
statement each (P39, P3602, P69: the P-id of their truthy shortcut), from the holder, candidate or
student to the post, election or institution, and every other property of the node that has a P-id
becomes a qualifier (P580, P582, P768, P1365; P768, P1268, P1111; P512, P812, P585). The truthy
shortcut triple is that same statement, not a second one.

**References.** Each statement carries the union of the ``kgo:Reference`` nodes of the asserted
triples it is made of (the shortcut, the node's subject and value triples, its exported qualifiers),
as decision 0002 foresees. A reference gives: the quote (``oa:exact``, P1683), the day the article
was retrieved (P813), its publication date (P577) and publisher (P123) where the article states
them, its title (P1476) only when it is the article's own (not a title the project wrote for a text
without a headline), and "stated in" (P248) only when the article has a Q-id in ``sources:`` of
``data/wikidata.yaml``; none has, so no reference names its article by item. No reference URL
(P854) is known for any article, so none is written.

**Modules.** The view is made in :mod:`kg.export.wikidata_statements` (:func:`view`) from
:mod:`kg.export.qids` (``data/wikidata.yaml``), :mod:`kg.export.wikidata_props` (P-ids, classes
and datatypes from the ontology), :mod:`kg.export.wikidata_items` (items and references read from
the store), :mod:`kg.export.wikidata_model` (what the view holds) and
:mod:`kg.export.wikidata_rdf` (Wikidata's namespaces and RDF terms); this module names them all.
"""

from __future__ import annotations

from kg.export.qids import MappingError, WikidataMapping, load_mapping, mapping_file
from kg.export.wikidata_model import Claim, Item, Reference, Skipped, WikidataView, claim_key
from kg.export.wikidata_props import (
    DATATYPES,
    clean_text,
    datatype,
    ontology_pids,
    pid_number,
    time_value,
)
from kg.export.wikidata_rdf import (
    GREGORIAN,
    PQ,
    PQV,
    PR,
    PROV,
    PRV,
    PS,
    PSV,
    RDF_TYPE,
    RDFS_LABEL,
    SCHEMA,
    WD,
    WDT,
    WIKIBASE,
    XSD,
    P,
    Term,
)
from kg.export.wikidata_statements import DERIVED_KINSHIP, NODE_KINDS, Triple, view

__all__ = [
    "DATATYPES",
    "DERIVED_KINSHIP",
    "GREGORIAN",
    "NODE_KINDS",
    "P",
    "PQ",
    "PQV",
    "PR",
    "PROV",
    "PRV",
    "PS",
    "PSV",
    "RDFS_LABEL",
    "RDF_TYPE",
    "SCHEMA",
    "WD",
    "WDT",
    "WIKIBASE",
    "XSD",
    "Claim",
    "Item",
    "MappingError",
    "Reference",
    "Skipped",
    "Term",
    "Triple",
    "WikidataMapping",
    "WikidataView",
    "claim_key",
    "clean_text",
    "datatype",
    "load_mapping",
    "mapping_file",
    "ontology_pids",
    "pid_number",
    "time_value",
    "view",
]
