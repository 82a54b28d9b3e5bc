"""Gold facts against found facts: precision and recall, per article, fact type and kind of text.

Every fact is worth one point for its subject, predicate and object, and one more per qualifier.
A gold fact is matched to the found fact of the same predicate whose subject and object carry its
names (either way round for symmetric relations, and as its inverse where the ontology
defines one), preferring the one whose qualifiers agree most.
A found fact that matches no gold fact is wrong, and so is each qualifier whose value differs or
that the gold fact does not have. A found fact that matches a trap is counted apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.eval.facts import SYMMETRIC, Found, canonical, category, norm
from kg.eval.gold import GoldArticle, GoldFact

LITERAL_OBJECTS = frozenset(
    {
        "birth_date",
        "death_date",
        "birth_name",
        "nickname",
        "number_of_children",
        "turnout",
        "polling_date",
        "number_of_phases",
        "majority_mark",
        "number_of_seats",
        "quote",
    }
)
SUBJECT_FREE = frozenset({"majority_mark", "number_of_seats"})
LITERAL_QUALIFIERS = frozenset(
    {
        "votes",
        "vote_share",
        "margin",
        "won",
        "leading",
        "seats",
        "start",
        "end",
        "date",
        "year",
        "ordinal",
        "phase",
        "as_of",
        "result",
        "role",
        "kind",
        "charge",
    }
)


def gold_value(name: str, value: str) -> str:
    return (
        canonical(value) if name in LITERAL_QUALIFIERS or name in LITERAL_OBJECTS else norm(value)
    )


@dataclass
class Tally:
    """Points matched, found and expected."""

    matched_found: int = 0
    found: int = 0
    matched_gold: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.matched_found += other.matched_found
        self.found += other.found
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    @property
    def precision(self) -> float | None:
        return self.matched_found / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.gold if self.gold else None

    def as_dict(self) -> dict[str, object]:
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "found": self.found,
            "matched_found": self.matched_found,
            "gold": self.gold,
            "matched_gold": self.matched_gold,
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


@dataclass(frozen=True)
class Miss:
    article: str
    p: str
    s: str
    o: str
    detail: str  # what is missing or wrong: "fact", or "qualifier votes: 102417"
    evidence: str


@dataclass
class Score:
    per_article: dict[str, Tally] = field(default_factory=dict)
    per_predicate: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    per_category: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    total: Tally = field(default_factory=Tally)
    missed: list[Miss] = field(default_factory=list)
    wrong: list[Miss] = field(default_factory=list)
    traps: list[Miss] = field(default_factory=list)


# a fact stated from the other side, as the ontology's inverses read it: "B, the daughter-in-law
# of A" (daughterInLaw, the inverse of husbandsFather) says that A is B's father-in-law, and
# "A's son B" (schema:children, the inverse of schema:parent) that A is B's father or mother
INVERSE = {
    "father_in_law": frozenset({"daughter_in_law"}),
    "father": frozenset({"child"}),
    "mother": frozenset({"child"}),
}


def _core_matches(g: GoldFact, f: Found) -> bool:
    if g.p != f.p:
        return f.p in INVERSE.get(g.p, ()) and norm(g.o) in f.s and norm(g.s) in f.o
    o = canonical(g.o) if g.p in LITERAL_OBJECTS else norm(g.o)
    s = norm(g.s)
    if g.p in SUBJECT_FREE:
        return o in f.o
    if s in f.s and o in f.o:
        return True
    return g.p in SYMMETRIC and norm(g.o) in f.s and s in f.o


def _agreement(g: GoldFact, f: Found) -> int:
    q = dict(f.q)
    return sum(1 for k, v in g.q if gold_value(k, v) in q.get(k, frozenset()))


def gold_category(g: GoldFact, article: GoldArticle) -> str:
    if article.kind == "news":
        return "news"
    line_start = article.text.rfind("\n", 0, g.start) + 1
    line = article.text[line_start : article.text.find("\n", g.start) % (len(article.text) + 1)]
    stripped = line.lstrip()
    if stripped.startswith("|"):
        return "table"
    if stripped.startswith("- ") and line_start < _first_section(article.text):
        return "infobox"
    return "prose"


def _first_section(text: str) -> int:
    i = text.find("\n==")
    return i if i >= 0 else len(text)


def _score_pair(
    g: GoldFact, f: Found | None, article: GoldArticle, score: Score, tallies: list[Tally]
) -> None:
    """Points of one gold fact and the found fact matched to it (or none)."""
    t = Tally(gold=1 + len(g.q))
    if f is None:
        score.missed.append(Miss(article.name, g.p, g.s, g.o, "fact", g.evidence))
    else:
        fq = dict(f.q)
        gq = {k: gold_value(k, v) for k, v in g.q}
        t.matched_gold = 1 + sum(1 for k, v in gq.items() if v in fq.get(k, frozenset()))
        t.found = 1 + len(fq)
        t.matched_found = t.matched_gold
        for k, v in g.q:
            if gq[k] not in fq.get(k, frozenset()):
                got = ", ".join(sorted(fq.get(k, frozenset()))) or "nothing"
                score.missed.append(
                    Miss(
                        article.name, g.p, g.s, g.o, f"qualifier {k}: {v} (found {got})", g.evidence
                    )
                )
        for k, vs in fq.items():
            if k not in gq:
                score.wrong.append(
                    Miss(
                        article.name,
                        g.p,
                        g.s,
                        g.o,
                        f"qualifier {k}: {', '.join(sorted(vs))} (not in gold)",
                        f.evidence,
                    )
                )
    for tally in tallies:
        tally.add(t)


def score_article(article: GoldArticle, found: list[Found], score: Score) -> None:
    """Add one article's points to ``score``."""
    mine = Tally()
    score.per_article[article.name] = mine
    left = list(found)
    for g in article.facts:
        candidates = [f for f in left if _core_matches(g, f)]
        best = max(candidates, key=lambda f: _agreement(g, f), default=None)
        if best is not None:
            left.remove(best)
        cat = gold_category(g, article)
        _score_pair(
            g,
            best,
            article,
            score,
            [mine, score.per_predicate[g.p], score.per_category[cat], score.total],
        )
    for f in left:
        t = Tally(found=1 + len(f.q))
        trap = next((g for g in article.traps if _core_matches(g, f)), None)
        miss = Miss(article.name, f.p, f.s_label, f.o_label, "trap" if trap else "fact", f.evidence)
        (score.traps if trap else score.wrong).append(miss)
        cat = category(f.method, article.kind)
        for tally in (mine, score.per_predicate[f.p], score.per_category[cat], score.total):
            tally.add(t)
