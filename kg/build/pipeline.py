"""The build: sources -> extract -> resolve -> rdf -> reason -> validate -> store.

Beside the articles' graphs, the entity registry and the ontology, the reference data of
``data/reference/`` becomes a graph of its own (:mod:`kg.build.reference`). The reasoner does not
read it: every premise of an inferred triple must be a statement that leads to an article or the
registry, and the reference data has dataset-level provenance, not statement nodes (see
``docs/decisions/0006-reference-graph.md``). It is validated with the rest.

Outputs go to the build folder: ``kg.nq`` and ``kg.trig`` (sorted, so the same inputs give
byte-identical files), the on-disk pyoxigraph store, and ``report.json`` (counts and problems).
Everything is written beside the old outputs first and swapped in only when the whole build has
succeeded, so a failing build leaves the previous one untouched.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from kg.build.conflicts import one_value_each, single_valued
from kg.build.rdf import add_claims, add_entities, add_node_labels, add_source
from kg.build.reading import Read, read_corpus
from kg.build.reason.derivations import add_inferences
from kg.build.reason.facts import fact_triples, is_fact
from kg.build.reason.rules import inferred_facts, reason
from kg.build.reason.schema import schema_of
from kg.build.reference import reference_graph
from kg.build.resolve import Entity, Resolver, load_entities
from kg.build.serialize import write_nquads, write_trig
from kg.build.store import write_store
from kg.build.validate import ValidationReport, validate_graph
from kg.config import Config
from kg.iris import Names
from kg.model import Claim, Node, Problem, Source

Progress = Callable[[str], None]


class BuildError(RuntimeError):
    """The build cannot produce a trustworthy graph; the message says why."""


@dataclass
class Built:
    """Everything a build made, in memory."""

    names: Names
    sources: tuple[Source, ...]
    claims: list[Claim]
    graphs: dict[URIRef, Graph]
    problems: list[Problem]
    validation: ValidationReport
    stats: dict[str, object] = field(default_factory=dict)
    entities: tuple[Entity, ...] = ()


def _ontology(cfg: Config, name: str) -> Graph:
    g = Graph()
    path = cfg.ontology_dir / name
    try:
        g.parse(path, format="turtle", publicID=cfg.base_iri)
    except Exception as exc:  # rdflib raises many parser error types
        raise BuildError(f"{path}: cannot parse ({exc})") from None
    return g


def _check_vocabulary(claims: list[Claim], ontology: Graph, names: Names) -> list[Problem]:
    declared = set(ontology.subjects())
    out = []
    for prop in sorted({c.predicate for c in claims}):
        if prop != "rdf:type" and names.expand(prop) not in declared:
            where = next(c.claim_id or c.rule for c in claims if c.predicate == prop)
            out.append(
                Problem(
                    "rdf", f"property {prop} is not declared in ontology/kg.ttl", where, fatal=True
                )
            )
    return out


def _claim_counts(sources: tuple[Source, ...], claims: list[Claim]) -> list[int]:
    counts = Counter(c.evidence.source for c in claims)
    return [counts.get(s.id, 0) for s in sources]


def _empty_sources(sources: tuple[Source, ...], claims: list[Claim]) -> list[Problem]:
    """A warning for each article that gave no claim at all: nothing was read from it."""
    return [
        Problem("extract", "the article gave no claims: nothing in it was read", s.id)
        for s, n in zip(sources, _claim_counts(sources, claims), strict=True)
        if n == 0
    ]


LONG_ARTICLE = 200_000  # characters; a news report is ~5,000, a long biography ~60,000


def _long_sources(sources: tuple[Source, ...]) -> list[Problem]:
    """A warning for each article far longer than any news report or biography: it is read, but
    it is probably several articles pasted together, or not an article at all."""
    return [
        Problem(
            "extract",
            f"the article is {len(s.text):,} characters long (more than {LONG_ARTICLE:,}): it was "
            "read, but check that it is one article",
            s.id,
        )
        for s in sources
        if len(s.text) > LONG_ARTICLE
    ]


def _minted(read: Read, sid: str) -> list[dict[str, object]]:
    """The entities minted from ``sid``'s mentions, each with the three closest known ones."""
    return [
        {
            "id": e.id,
            "label": e.label,
            "type": e.type,
            "closest": [{"id": i, "label": lab, "score": s} for i, lab, s in read.closest(e)],
        }
        for e in read.minted_in(sid)
    ]


def _review_items(resolver: Resolver, sid: str) -> list[dict[str, object]]:
    """The mentions of ``sid`` that fit several entities, left for a person to decide."""
    return [
        {
            "at": r.start,
            "text": r.text,
            "type": r.type,
            "candidates": list(r.candidates),
            "why": r.why,
        }
        for r in sorted(resolver.review, key=lambda r: (r.start, r.text))
        if r.source == sid
    ]


def _decisions(read: Read, sid: str) -> list[dict[str, object]]:
    """What each review decision on ``sid`` did on this build."""
    return [
        {
            "id": o.decision.id,
            "action": o.decision.action,
            "reviewer": o.decision.reviewer,
            "at": o.decision.at,
            "applied": o.applied,
            "claims": o.claims,
            "message": o.message,
        }
        for o in read.outcomes
        if o.decision.source == sid
    ]


def _source_report(
    sources: tuple[Source, ...], claims: list[Claim], problems: list[Problem], read: Read
) -> list[dict[str, object]]:
    """Per article: claims by method, minted entities (with the known entities closest to each),
    the mentions left for review, and the sentences no rule could read."""
    by_method: dict[str, Counter[str]] = {s.id: Counter() for s in sources}
    for c in claims:
        by_method[c.evidence.source][c.method.value] += 1
    unread: dict[str, list[dict[str, object]]] = {s.id: [] for s in sources}
    for p in problems:
        sid, _, at = p.where.partition("@")
        if p.stage == "unread" and sid in unread:
            unread[sid].append({"at": int(at or 0), "text": p.message})
    minted = {s.id: _minted(read, s.id) for s in sources}
    return [
        {
            "id": s.id,
            "title": s.title,
            "kind": s.kind,
            "claims": sum(by_method[s.id].values()),
            "claims_by_method": dict(sorted(by_method[s.id].items())),
            "minted_entities": len(minted[s.id]),
            "minted": minted[s.id],
            "review_items": _review_items(read.resolver, s.id),
            "decisions": _decisions(read, s.id),
            "unread_sentences": unread[s.id],
        }
        for s in sources
    ]


def derive(cfg: Config, progress: Progress = lambda _m: None) -> Built:
    """Run every stage in memory and return the result (nothing is written)."""
    names = Names(cfg.base_iri)
    t0 = time.perf_counter()
    read = read_corpus(cfg, progress)
    sources, resolved, problems, resolver = read.sources, read.claims, read.problems, read.resolver
    publishers = read.publishers

    ontology = _ontology(cfg, "kg.ttl")
    shapes = _ontology(cfg, "shapes.ttl")
    resolved, conflicts = one_value_each(resolved, single_valued(shapes), names)
    problems += conflicts
    problems += _check_vocabulary(resolved, ontology, names)
    fatal = [p for p in problems if p.fatal]
    if fatal:
        raise BuildError("\n".join(f"{p.stage}: {p.message} ({p.where})" for p in fatal))

    graphs: dict[URIRef, Graph] = {}
    for s in sources:
        g = graphs[names.source_graph(s.id)] = Graph()
        add_source(g, names, s, publishers.get(s.id))
        add_claims(g, names, (c for c in resolved if c.evidence.source == s.id), s)
    ents = graphs[names.entities_graph] = Graph()
    add_entities(ents, names, resolver.all_entities())
    nodes = sorted(
        {v for c in resolved for v in (c.subject, c.object) if isinstance(v, Node)}, key=repr
    )
    add_node_labels(ents, names, nodes, {e.id: e.label for e in resolver.all_entities()})
    graphs[names.reference_graph] = reference_graph(
        names, read.reference, load_entities(cfg.entities_file)
    )
    graphs[names.ontology_graph] = ontology
    progress(f"rdf: {sum(len(g) for g in graphs.values())} triples in {len(graphs)} graphs")

    t1 = time.perf_counter()
    asserted = fact_triples(graphs, names, exclude={names.ontology_graph, names.reference_graph})
    reasoning = reason(schema_of(ontology), asserted)
    new, also = inferred_facts(reasoning, asserted, lambda t: is_fact(t, names))
    inferred = graphs[names.inferred_graph] = Graph()
    add_inferences(inferred, names, reasoning, asserted, new | also)
    progress(
        f"reason: {len(new)} new facts, {len(also)} asserted facts also inferred ({time.perf_counter() - t1:.2f} s)"
    )

    data = Graph()
    for gname, g in graphs.items():
        if gname != names.ontology_graph:
            for t in g:
                data.add(t)
    report = validate_graph(data, shapes, ontology, names)
    progress(
        "validate: " + ("conforms" if report.conforms else f"{len(report.violations)} violation(s)")
    )

    problems += _empty_sources(sources, resolved) + _long_sources(sources)
    stats = {
        "claims_by_method": dict(sorted(Counter(c.method.value for c in resolved).items())),
        "claims_by_source": {
            s.id: n for s, n in zip(sources, _claim_counts(sources, resolved), strict=True)
        },
        "sources": _source_report(sources, resolved, problems, read),
        "entities_by_type": dict(sorted(Counter(e.type for e in resolver.all_entities()).items())),
        "inferred_new": len(new),
        "inferred_also_asserted": len(also),
        "seconds": round(time.perf_counter() - t0, 2),
    }
    return Built(names, sources, resolved, graphs, problems, report, stats, resolver.all_entities())


def build(cfg: Config, progress: Progress = lambda _m: None) -> Built:
    """Derive the graph, then write dumps, store and report (swapped in atomically)."""
    built = derive(cfg, progress)
    if not built.validation.conforms:
        raise BuildError(built.validation.text())
    out = cfg.out_dir
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / ".next"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    write_nquads(built.graphs, tmp / "kg.nq")
    write_trig(built.graphs, built.names, tmp / "kg.trig")
    build_id = hashlib.sha256((tmp / "kg.nq").read_bytes()).hexdigest()
    counts = write_store(tmp / "kg.nq", tmp / "store")
    report = {
        "build_id": build_id,
        "base_iri": built.names.base,
        **built.stats,
        "triples_by_graph": counts,
        "problems": [p.__dict__ for p in built.problems],
    }
    (tmp / "report.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    for name in ("kg.nq", "kg.trig", "report.json", "store"):
        target = out / name
        old = out / f".old-{name}"
        if target.exists():
            target.rename(old)
        (tmp / name).rename(target)
        if old.is_dir():
            shutil.rmtree(old)
        elif old.exists():
            old.unlink()
    tmp.rmdir()
    built.stats["build_id"] = build_id
    built.stats["triples_by_graph"] = counts
    progress(f"store: {sum(counts.values())} quads in {out / 'store'}; dumps kg.nq, kg.trig")
    return built


__all__ = ["BuildError", "Built", "build", "derive"]
