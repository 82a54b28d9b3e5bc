"""The known entities closest to a minted one, for the researcher to confirm or merge.

A mention that resolves to nothing becomes a new entity; often it is a known one under another
spelling ("Hemanth Soren", "Jamshedpur Purba"). rapidfuzz's ``WRatio`` (a weighted mix of whole,
partial and token-order-free ratios, 0–100) scores every known label and alias against the new
label, and the best-scoring entities are listed, best first (ties by id), those of a type that
agrees with the new entity's (:func:`kg.build.resolve.compatible`) before all others.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process, utils

from kg.build.resolve import Entity, compatible

Near = tuple[str, str, float]  # (entity id, its label, score 0-100)


def closest(entity: Entity, known: Sequence[Entity], k: int = 3) -> tuple[Near, ...]:
    """The ``k`` known entities whose label or an alias is most like ``entity``'s label, those
    of an agreeing type first."""
    names = [(e, name) for e in known if e.id != entity.id for name in (e.label, *e.aliases)]
    if not names:
        return ()
    scored = process.extract(
        entity.label,
        [name for _e, name in names],
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=None,
    )
    best: dict[str, tuple[float, Entity]] = {}
    for _name, score, i in scored:
        e = names[i][0]
        if e.id not in best or score > best[e.id][0]:
            best[e.id] = (float(score), e)
    ranked = sorted(
        best.values(), key=lambda t: (not compatible(entity.type, t[1].type), -t[0], t[1].id)
    )
    return tuple((e.id, e.label, round(score, 1)) for score, e in ranked[:k])
