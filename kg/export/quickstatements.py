"""QuickStatements V1 commands (tab-separated) that put the graph's asserted facts into Wikidata.

What is exported is decided in :mod:`kg.export.wikidata_statements` (the same statements as the Wikibase
RDF export); this module writes them as QuickStatements V1 lines:

- an entity with a Q-id (``data/wikidata.yaml``) is addressed by it, and gets statements only: its
  label, aliases, description and "instance of" already exist on Wikidata and are not overwritten;
- an entity without one is created: ``CREATE``, then ``LAST Len "label"``, ``LAST Aen "alias"``
  (one line each), ``LAST Den "description"``, ``LAST P31 Qnn`` (its class, when the ontology maps
  it) and its statements, all on ``LAST``;
- a statement is one line ``subject Pnn value`` followed by its qualifiers (``Pnn value`` pairs)
  and one reference (``Snn value`` pairs). A statement with several references is written once per
  reference, with the same value and qualifiers, which QuickStatements merges into one statement
  with several references; references that say the same (two extracted facts resting on one
  passage) are written once. A reference is ``S248`` (stated in, only when the article has a Q-id:
  none has), ``S1476`` (the article's own title), ``S123`` (publisher, when it has a Q-id),
  ``S577`` (published), ``S813`` (retrieved) and ``S1683`` (the quote, ``en:"…"``). No article has a
  known URL, so there is no ``S854``;
- values: items as ``Qnn``; dates as ``+YYYY-MM-DDT00:00:00Z/11``, years as
  ``+YYYY-00-00T00:00:00Z/9``; quantities plain (``119372``); strings in double quotes; monolingual
  text as ``en:"…"``. QuickStatements V1 has no escapes: a value is the whole tab-separated field,
  from its first to its last double quote, so quotes inside are kept as they are; tabs and line
  breaks inside a text (there are none in this corpus) become spaces.

**Values without a Q-id.** QuickStatements V1 can only refer to the item it has just created, as
``LAST``; it has no way to name any other new item (placeholders for that are an open request of
QuickStatements 3, wikimediabrasil/quickstatements3#202). So a statement whose value is an entity
without a Q-id (Kalpana Soren's schools, degrees, elections, father, ethnic group, and her posts in
her society and her company: none has a checked Q-id) cannot be written: it is left out, and so is
a qualifier whose value is such an entity (her predecessor, Sarfaraz Ahmad: the statement itself is
kept without it). Nothing is guessed and no placeholder is written. The export logs one warning (on
standard error from ``kg export``) with the number left out; they are listed by :func:`render` in
:attr:`QuickStatements.left_out`, and ``kg wikidata missing`` lists them by the entity they wait
for. The way to carry them is a second pass: run the export once, which creates the missing items;
record their new Q-ids (``kg wikidata set ENTITY QID``, which writes ``data/wikidata.yaml``);
export again. The entities are then addressed by Q-id and every statement and qualifier is written
(the statements of the first pass are repeated, which QuickStatements treats as the same
statements). The Wikibase RDF export has no such limit: it names new items by our own IRIs.

Review before running: every entity without a Q-id is created, so first record the Q-ids of the
items that already exist on Wikidata, or they will be duplicated.

Lines are sorted (entities with a Q-id first, then new ones, each by entity IRI; statements by
property number, value and qualifiers; references by IRI), so the same graph gives the same bytes.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass

from kg.export import Exporter
from kg.export.wikidata_model import Claim, Item, WikidataView
from kg.export.wikidata_props import clean_text, datatype, pid_number, time_value
from kg.export.wikidata_rdf import WD, Term
from kg.export.wikidata_statements import view
from kg.iris import Names
from kg.query.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LeftOut:
    """A statement, or one qualifier of it, that QuickStatements V1 cannot express."""

    claim: Claim
    qualifier: tuple[str, Term] | None  # None: the whole statement
    reason: str


@dataclass(frozen=True)
class QuickStatements:
    text: str
    statements: int  # distinct statements written
    qualifiers: int  # qualifiers on them
    references: int  # distinct references of the statements (lines with sources)
    created: int  # CREATE commands
    left_out: tuple[LeftOut, ...]


def _string(text: str) -> str:
    return '"' + clean_text(text) + '"'


class _Values:
    def __init__(self, v: WikidataView) -> None:
        self.view = v

    def item(self, iri: str) -> str | None:
        if iri.startswith(WD):
            return iri[len(WD) :]
        return self.view.qid(iri)

    def value(self, pid: str, term: Term) -> str | None:
        """The QuickStatements value, or None for an item without a Q-id."""
        kind = datatype(pid, term)
        if kind == "item":
            return self.item(term.value)
        if kind == "time":
            day, precision = time_value(term.value)
            return f"+{day}T00:00:00Z/{precision}"
        if kind == "quantity":
            return term.value
        if kind == "monolingualtext":
            return f"{term.lang or 'en'}:{_string(term.value)}"
        return _string(term.value)


def _sources(values: _Values, ref_iri: str) -> list[str]:
    r = values.view.references[ref_iri]
    out: list[str] = []
    if r.source_qid:
        out += ["S248", r.source_qid]
    if r.title:
        out += ["S1476", "en:" + _string(r.title)]
    if r.publisher and values.item(r.publisher):
        out += ["S123", values.item(r.publisher) or ""]
    if r.published:
        out += ["S577", values.value("P577", Term("literal", r.published)) or ""]
    if r.retrieved:
        out += ["S813", values.value("P813", Term("literal", r.retrieved)) or ""]
    out += ["S1683", "en:" + _string(r.quote)]
    return out


def render(v: WikidataView) -> QuickStatements:
    """The QuickStatements V1 text of ``v``, with what it had to leave out."""
    values = _Values(v)
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for c in v.claims:
        by_subject[c.subject].append(c)
    lines: list[str] = []
    left_out: list[LeftOut] = []
    statements = qualifiers = references = created = 0

    def statement(subject: str, c: Claim) -> None:
        nonlocal statements, qualifiers, references
        value = values.value(c.pid, c.value)
        if value is None:
            left_out.append(LeftOut(c, None, "the value is an item without a Q-id"))
            return
        quals: list[str] = []
        for pid, term in c.qualifiers:
            q = values.value(pid, term)
            if q is None:
                left_out.append(
                    LeftOut(c, (pid, term), "the qualifier's value is an item without a Q-id")
                )
                continue
            quals += [pid, q]
        statements += 1
        qualifiers += len(quals) // 2
        head = [subject, c.pid, value, *quals]
        if not c.refs:
            lines.append("\t".join(head))
        # references with the same content are one reference on Wikidata: write each once
        for sources in dict.fromkeys(tuple(_sources(values, ref)) for ref in c.refs):
            references += 1
            lines.append("\t".join(head + list(sources)))

    def claims_of(it: Item) -> list[Claim]:
        return sorted(
            by_subject.get(it.iri, []),
            key=lambda c: (
                pid_number(c.pid),
                values.value(c.pid, c.value) or "",
                c.qualifiers,
                c.iri,
            ),
        )

    items = sorted(v.items.values(), key=lambda it: (it.qid is None, it.iri))
    for it in items:
        if it.qid:
            for c in claims_of(it):
                if c.origin != "type":  # Wikidata's own classification stands
                    statement(it.qid, c)
            continue
        created += 1
        lines.append("CREATE")
        lines.append(f"LAST\tLen\t{_string(it.label)}")
        lines.extend(f"LAST\tAen\t{_string(a)}" for a in it.aliases)
        if it.description:
            lines.append(f"LAST\tDen\t{_string(it.description)}")
        for c in claims_of(it):
            statement("LAST", c)
    text = "".join(line + "\n" for line in lines)
    return QuickStatements(text, statements, qualifiers, references, created, tuple(left_out))


def export(store: Store, names: Names) -> bytes:
    qs = render(view(store, names))
    if qs.left_out:
        whole = sum(1 for x in qs.left_out if x.qualifier is None)
        log.warning(
            "quickstatements: %d statements and %d qualifiers left out: their value is an item "
            "without a Q-id, which QuickStatements V1 cannot name (only LAST, the item just "
            "created). `kg wikidata missing` lists them; once a first run has created the "
            "items, record their Q-ids with `kg wikidata set ENTITY QID` and export again.",
            whole,
            len(qs.left_out) - whole,
        )
    return qs.text.encode("utf-8")


EXPORTERS: list[Exporter] = [
    Exporter(
        "quickstatements",
        "text/tab-separated-values; charset=utf-8",
        "tsv",
        export,
        "QuickStatements V1 commands: new items (CREATE/LAST) and statements with qualifiers and references",
    )
]
