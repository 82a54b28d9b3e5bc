"""Apply review decisions to the resolved claims: the stage between resolve and rdf.

A decision on a fact applies to the claims of its article that state that fact (same subject,
property and object) from a passage that overlaps the decision's quote:

- ``reject`` leaves them out, on this and every later build;
- ``accept`` keeps them, with the review on their reference;
- ``correct`` puts the reviewer's value in place of the rule's, keeping the rule and recording the
  value it read. When the rules no longer read the fact there, the corrected fact is still added,
  as the reviewer's;
- ``add`` facts were made into claims when the file was read; they are resolved with the rest.

An alias decision is applied by the resolver (:func:`decide_aliases`) before resolution. A
decision whose quote is gone was reported when the file was read and is skipped here. An unknown
entity in a decision stops the build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.build.resolve import Resolver
from kg.build.review.decisions import Decision, fact_key
from kg.iris import slugify
from kg.model import Claim, EntityId, Method, Node, Problem, Value


@dataclass(frozen=True)
class Outcome:
    """What one decision did on this build."""

    decision: Decision
    applied: bool
    claims: int  # claims it matched (or, for add, the facts it added)
    message: str


def decide_aliases(resolver: Resolver, decisions: list[Decision]) -> None:
    """Tell the resolver each alias decision whose quote is still in its article."""
    for d in decisions:
        if d.action == "alias" and d.span is not None and d.mention and d.entity:
            resolver.decide(d.source, d.mention, d.entity)


def _unknown(v: Value | None, known: Callable[[str], bool]) -> str | None:
    if isinstance(v, EntityId) and "/" not in v.id and not known(v.id):
        return v.id
    if isinstance(v, Node):
        for part in v.key:
            bad = _unknown(part, known)
            if bad:
                return bad
    return None


def unknown_entities(decisions: list[Decision], known: Callable[[str], bool]) -> list[Problem]:
    """A fatal problem for each decision that names an entity nobody knows."""
    out = []
    for d in decisions:
        named: list[Value | None] = [d.corrected]
        if d.fact is not None:
            named += [d.fact.subject, d.fact.object]
        if d.entity is not None:
            named.append(EntityId(d.entity))
        for v in named:
            bad = _unknown(v, known)
            if bad:
                out.append(
                    Problem(
                        "review",
                        f"decision {d.ref}: unknown entity {bad!r} (not in data/entities.yaml, the "
                        "reference data, or minted from a mention)",
                        d.source,
                        fatal=True,
                    )
                )
                break
    return out


def renames(decisions: list[Decision]) -> dict[str, str]:
    """The ids that alias decisions replace: a name's own id (as it would be minted) -> the
    entity the reviewer said it is. A decision recorded before the merge names the old id."""
    return {
        slugify(d.mention): d.entity
        for d in decisions
        if d.action == "alias" and d.span is not None and d.mention and d.entity
    }


def _renamed(key: tuple[str, str, str], names: dict[str, str]) -> tuple[str, str, str]:
    def one(part: str) -> str:
        if not part.startswith("id:") or not names:
            return part
        return "id:" + "/".join(names.get(seg, seg) for seg in part[3:].split("/"))

    return (one(key[0]), key[1], one(key[2]))


def _matches(c: Claim, d: Decision, names: dict[str, str]) -> bool:
    span, fact = d.span, d.fact
    if span is None or fact is None or c.evidence.source != d.source:
        return False
    if not (c.evidence.start < span.end and span.start < c.evidence.end):
        return False
    return fact_key(c.subject, c.predicate, c.object) == _renamed(
        fact_key(fact.subject, fact.property, fact.object), names
    )


def _one(claims: list[Claim], d: Decision, names: dict[str, str]) -> tuple[list[Claim], Outcome]:
    hit = [i for i, c in enumerate(claims) if _matches(c, d, names)]
    if d.action == "reject":
        gone = set(hit)
        said = f"left out {len(hit)} claim(s)" if hit else "the rules no longer read this fact"
        return [c for i, c in enumerate(claims) if i not in gone], Outcome(d, True, len(hit), said)
    if d.action == "accept":
        if not hit:
            return claims, Outcome(
                d, False, 0, "the rules no longer read this fact: nothing to accept"
            )
        out = list(claims)
        for i in hit:
            out[i] = replace(out[i], review=d.review("accepted"))
        return out, Outcome(d, True, len(hit), f"accepted {len(hit)} claim(s)")
    assert d.corrected is not None and d.fact is not None and d.span is not None
    if not hit:
        added = Claim(
            d.fact.subject,
            d.fact.property,
            d.corrected,
            d.span,
            Method.REVIEWED,
            f"review:{d.ref}",
            claim_id=d.ref,
            review=d.review("corrected", d.fact.object),
        )
        said = "the rules no longer read this fact; the corrected fact is added as the reviewer's"
        return [*claims, added], Outcome(d, True, 1, said)
    out = list(claims)
    for i in hit:
        c = out[i]
        out[i] = replace(c, object=d.corrected, review=d.review("corrected", c.object))
    return out, Outcome(d, True, len(hit), f"corrected {len(hit)} claim(s)")


def apply_decisions(
    claims: list[Claim], decisions: list[Decision]
) -> tuple[list[Claim], list[Outcome]]:
    """``claims`` after every accept, reject and correct decision (in file order), and what each
    decision did. Alias and add decisions took effect before; they are listed as applied. A
    decision naming an id that an alias decision merged away matches the merged entity."""
    outcomes: list[Outcome] = []
    names = renames(decisions)
    for d in decisions:
        if d.span is None:
            outcomes.append(Outcome(d, False, 0, f"not applied: {d.gone}"))
        elif d.action in ("accept", "reject", "correct"):
            claims, outcome = _one(claims, d, names)
            outcomes.append(outcome)
        elif d.action == "add":
            outcomes.append(Outcome(d, True, 1, "added the fact"))
        else:
            outcomes.append(Outcome(d, True, 0, f"{d.mention!r} is {d.entity}"))
    return claims, outcomes


__all__ = ["Outcome", "apply_decisions", "decide_aliases", "unknown_entities"]
