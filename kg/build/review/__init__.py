"""Review: what a person decided about the facts of an article, kept in ``data/reviews/``.

:mod:`.decisions` reads the files, :mod:`.apply` applies them to the resolved claims, and
:mod:`.record` writes a new decision (for ``kg review`` and the source page). :mod:`.claims` reads
the values a decision names.
"""

from kg.build.review.apply import (
    Outcome,
    apply_decisions,
    decide_aliases,
    renames,
    unknown_entities,
)
from kg.build.review.claims import ReviewFileError
from kg.build.review.decisions import ACTIONS, Decision, Fact, fact_key, gone, load_reviews

__all__ = [
    "ACTIONS",
    "Decision",
    "Fact",
    "Outcome",
    "ReviewFileError",
    "apply_decisions",
    "decide_aliases",
    "fact_key",
    "gone",
    "load_reviews",
    "renames",
    "unknown_entities",
]
