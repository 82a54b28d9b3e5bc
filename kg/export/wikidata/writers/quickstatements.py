"""QuickStatements V1 commands (tab-separated) that put the graph's asserted facts into Wikidata.

What is exported is decided in :mod:`kg.export.wikidata.statements` (the same statements as the
Wikibase RDF export); this module writes them as QuickStatements V1 lines:

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
  ``S854`` (the article's URL, where its ``sources.yaml`` entry gives one), ``S577`` (published),
  ``S813`` (retrieved) and ``S1683`` (the quote, ``en:"…"``);
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
from pathlib import Path

from kg.export import Exporter
from kg.export.wikidata.mapping import WikidataMapping, load_mapping
from kg.export.wikidata.model import Claim, Item, WikidataView
from kg.export.wikidata.properties import datatype, pid_number, time_value
from kg.export.wikidata.rdf import WD, Term
from kg.export.wikidata.statements import view
from kg.iris import Names
from kg.query.store import Store

log = logging.getLogger("kg.export.quickstatements")  # its name from before the module moved


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


def clean_text(text: str) -> str:
    """One line of text: runs of whitespace (tabs, newlines) become one space."""
    return " ".join(text.split())


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
    if r.url:
        out += ["S854", _string(r.url)]
    if r.published:
        out += ["S577", values.value("P577", Term("literal", r.published)) or ""]
    if r.retrieved:
        out += ["S813", values.value("P813", Term("literal", r.retrieved)) or ""]
    out += ["S1683", "en:" + _string(r.quote)]
    return out


def render(v: WikidataView) -> QuickStatements:
    """The QuickStatements V1 text of ``v``, with what it had to leave out."""
    lines = _Lines(v)
    for it in sorted(v.items.values(), key=lambda it: (it.qid is None, it.iri)):
        if it.qid:
            lines.existing(it, it.qid)
        else:
            lines.new(it)
    return lines.result()


class _Lines:
    """The lines of a QuickStatements text, written item by item, and what they count."""

    def __init__(self, v: WikidataView) -> None:
        self.values = _Values(v)
        self.by_subject: dict[str, list[Claim]] = defaultdict(list)
        for c in v.claims:
            self.by_subject[c.subject].append(c)
        self.lines: list[str] = []
        self.left_out: list[LeftOut] = []
        self.statements = self.qualifiers = self.references = self.created = 0

    def result(self) -> QuickStatements:
        text = "".join(line + "\n" for line in self.lines)
        counts = (self.statements, self.qualifiers, self.references, self.created)
        return QuickStatements(text, *counts, tuple(self.left_out))

    def existing(self, it: Item, qid: str) -> None:
        """Statements on an item Wikidata has (addressed by ``qid``): not its "instance of"."""
        for c in self.claims_of(it):
            if c.origin != "type":  # Wikidata's own classification stands
                self.statement(qid, c)

    def new(self, it: Item) -> None:
        """``CREATE`` an item, with its label, aliases, description and statements on ``LAST``."""
        self.created += 1
        self.lines.append("CREATE")
        self.lines.append(f"LAST\tLen\t{_string(it.label)}")
        self.lines.extend(f"LAST\tAen\t{_string(a)}" for a in it.aliases)
        if it.description:
            self.lines.append(f"LAST\tDen\t{_string(it.description)}")
        for c in self.claims_of(it):
            self.statement("LAST", c)

    def claims_of(self, it: Item) -> list[Claim]:
        return sorted(
            self.by_subject.get(it.iri, []),
            key=lambda c: (
                pid_number(c.pid),
                self.values.value(c.pid, c.value) or "",
                c.qualifiers,
                c.iri,
            ),
        )

    def qualifier_pairs(self, c: Claim) -> list[str]:
        """``Pnn value`` of each qualifier of ``c`` that can be written; the others left out."""
        quals: list[str] = []
        for pid, term in c.qualifiers:
            q = self.values.value(pid, term)
            if q is None:
                reason = "the qualifier's value is an item without a Q-id"
                self.left_out.append(LeftOut(c, (pid, term), reason))
                continue
            quals += [pid, q]
        return quals

    def statement(self, subject: str, c: Claim) -> None:
        """The lines of ``c`` on ``subject``: one per distinct reference (or one without)."""
        value = self.values.value(c.pid, c.value)
        if value is None:
            self.left_out.append(LeftOut(c, None, "the value is an item without a Q-id"))
            return
        quals = self.qualifier_pairs(c)
        self.statements += 1
        self.qualifiers += len(quals) // 2
        head = [subject, c.pid, value, *quals]
        if not c.refs:
            self.lines.append("\t".join(head))
        # references with the same content are one reference on Wikidata: write each once
        for sources in dict.fromkeys(tuple(_sources(self.values, ref)) for ref in c.refs):
            self.references += 1
            self.lines.append("\t".join(head + list(sources)))


def export(store: Store, names: Names, mapping: WikidataMapping) -> bytes:
    """The QuickStatements V1 text of the built dataset in ``store``, with the Q-ids of
    ``mapping``; logs a warning with the number of statements and qualifiers left out."""
    qs = render(view(store, names, mapping))
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


def exporter(mapping_file: Path) -> Exporter:
    """The ``quickstatements`` exporter; each run reads the Q-id mapping at ``mapping_file``."""

    def run(store: Store, names: Names) -> bytes:
        return export(store, names, load_mapping(mapping_file))

    return Exporter(
        "quickstatements",
        "text/tab-separated-values; charset=utf-8",
        "tsv",
        run,
        "QuickStatements V1 commands: new items (CREATE/LAST) and statements with qualifiers and references",
    )
