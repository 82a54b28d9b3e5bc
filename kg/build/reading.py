"""Read the corpus and resolve it: sources, extraction (rules, and the facts reviewers added),
resolution and the review decisions, the stages every later one starts from. The build
(:mod:`kg.build.pipeline`) and the per-article report (:mod:`kg.build.preview`) both begin here,
so they count the same claims."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from kg.build.extract import extract_source
from kg.build.gazetteer import (
    canonical_seats,
    election_spellings,
    load_lexicon,
    lok_sabha_seats,
    seat_entities,
)
from kg.build.nearest import Near, closest
from kg.build.reference import Reference, load_reference, reference_ids
from kg.build.resolve import Entity, Resolver, load_entities, normalise
from kg.build.review import (
    Decision,
    Outcome,
    apply_decisions,
    decide_aliases,
    gone,
    load_reviews,
    renames,
    unknown_entities,
)
from kg.build.sources import load_sources
from kg.config import Config
from kg.model import Claim, Mention, Problem, Source

Progress = Callable[[str], None]


def _not_by_hand(problems: list[Problem], added: list[Claim]) -> list[Problem]:
    """The problems without the unread sentences that facts added on review quote: those were
    read, by a person."""
    quoted: dict[str, list[int]] = {}
    for c in added:
        quoted.setdefault(c.evidence.source, []).append(c.evidence.start)
    for starts in quoted.values():
        starts.sort()

    def by_hand(p: Problem) -> bool:
        sid, _, at = p.where.partition("@")
        start, starts = int(at or 0), quoted.get(sid, [])
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < start + len(p.message)

    return [p for p in problems if p.stage != "unread" or not by_hand(p)]


@dataclass(frozen=True)
class Read:
    """The corpus read and resolved: what every later stage starts from."""

    sources: tuple[Source, ...]
    claims: list[Claim]  # resolved
    problems: list[Problem]
    resolver: Resolver
    publishers: dict[str, str | None]
    added: int  # claims added on review
    reference: Reference
    decisions: tuple[Decision, ...] = ()
    outcomes: tuple[Outcome, ...] = ()

    def minted_in(self, sid: str) -> list[Entity]:
        """The entities minted from mentions in source ``sid``, in the order they were met."""
        at = self.resolver.minted_at
        return [e for i, e in self.resolver.minted.items() if at[i].partition("@")[0] == sid]

    def closest(self, e: Entity) -> tuple[Near, ...]:
        return closest(e, tuple(self.resolver.entities.values()))

    def review_lines(self, sid: str) -> tuple[str, ...]:
        """The mentions of ``sid`` that fit several entities: a person must say which."""
        return tuple(r.line() for r in self.resolver.review if r.source == sid)


def read_corpus(
    cfg: Config, progress: Progress = lambda _m: None, only: set[str] | None = None
) -> Read:
    """Sources, extraction (rules, and facts added on review), resolution and review decisions;
    ``only``: extract and resolve just these sources (the others are still loaded)."""
    sources = load_sources(cfg.sources_dir)
    by_id = {s.id: s for s in sources}
    progress(f"sources: {len(sources)} articles")
    wanted = [s for s in sources if only is None or s.id in only]

    claims: list[Claim] = []
    problems: list[Problem] = []
    registry = load_entities(cfg.entities_file)
    lexicon = load_lexicon(cfg.reference_dir, registry)
    reference = load_reference(cfg.reference_dir, cfg.root)
    described = reference_ids(reference, registry)  # a decision may name these too
    decisions = [
        d for d in load_reviews(cfg.reviews_dir, by_id) if only is None or d.source in only
    ]
    added = [c for d in decisions for c in d.added]
    for s in wanted:
        c, p = extract_source(
            s, lexicon
        )  # facts added on review add to the rules, never silence them
        claims += c
        problems += p
    spellings = election_spellings(claims, lexicon)
    claims = lok_sabha_seats(canonical_seats(claims, lexicon), lexicon) + added
    problems = _not_by_hand(problems, added) + gone(decisions)
    progress(f"extract: {len(claims)} claims ({len(added)} added on review)")

    resolver = Resolver.of(registry + seat_entities(claims, lexicon, registry), described)
    decide_aliases(resolver, decisions)
    publishers = {
        s.id: resolver.entity(Mention(s.publisher, "Organisation"), s.id)
        for s in wanted
        if s.publisher
    }
    resolved = resolver.claims(claims)  # in context: a bare surname finds the full name before it
    for label, names in sorted(spellings.items()):
        for eid in resolver.index.get(normalise(label), ()):
            for name in sorted(names):
                resolver.add_alias(eid, name)
    problems += resolver.problems
    merged = renames(decisions)  # ids a merge replaced: a decision may still name them
    problems += unknown_entities(
        decisions,
        lambda eid: (
            eid in resolver.entities or eid in resolver.minted or eid in merged or eid in described
        ),
    )
    for d in decisions:  # an alias to an entity minted on this build names it as well
        if d.action == "alias" and d.span is not None and d.entity and d.mention:
            resolver.add_alias(d.entity, d.mention)
    resolved, outcomes = apply_decisions(resolved, decisions)
    progress(
        f"resolve: {len(resolver.entities)} known entities, {len(resolver.minted)} new from mentions"
    )
    progress(f"review: {sum(o.applied for o in outcomes)} of {len(outcomes)} decisions applied")
    return Read(
        sources,
        resolved,
        problems,
        resolver,
        publishers,
        len(added),
        reference,
        tuple(decisions),
        tuple(outcomes),
    )
