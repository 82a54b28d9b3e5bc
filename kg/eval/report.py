"""A score as text for a terminal, or as JSON for scripts."""

from __future__ import annotations

from typing import Any

from kg.eval.score import Miss, Score, Tally


def _pct(x: float | None) -> str:
    return "   —  " if x is None else f"{x:6.3f}"


def _row(name: str, t: Tally) -> str:
    return (
        f"  {name:<34} {_pct(t.precision)} {_pct(t.recall)}"
        f"  {t.matched_found:>4}/{t.found:<4} {t.matched_gold:>4}/{t.gold:<4}"
    )


def _table(title: str, rows: dict[str, Tally]) -> list[str]:
    out = [title, f"  {'':<34} {'prec':>6} {'recall':>6}  {'right/found':>9} {'got/gold':>9}"]
    out += [_row(k, rows[k]) for k in sorted(rows)]
    return out


def _misses(title: str, misses: list[Miss]) -> list[str]:
    out = [f"{title} ({len(misses)})"]
    for m in misses:
        out.append(f"  [{m.article}] {m.p}({m.s} -> {m.o}) {m.detail}")
        out.append(f"      “{' '.join(m.evidence.split())[:160]}”")
    return out


def as_text(score: Score, *, details: bool = True) -> str:
    lines = _table("per article", score.per_article)
    lines += [""] + _table("per fact type", dict(score.per_predicate))
    lines += [""] + _table("per kind of text", dict(score.per_category))
    lines += ["", _row("overall", score.total), f"  trap facts: {len(score.traps)}"]
    if details:
        lines += [""] + _misses("missed", score.missed)
        lines += [""] + _misses("wrong", score.wrong)
        lines += [""] + _misses("trap facts", score.traps)
    return "\n".join(lines) + "\n"


def _miss(m: Miss) -> dict[str, str]:
    return dict(m.__dict__)


def as_json(score: Score) -> dict[str, Any]:
    return {
        "overall": score.total.as_dict(),
        "per_article": {k: v.as_dict() for k, v in sorted(score.per_article.items())},
        "per_predicate": {k: v.as_dict() for k, v in sorted(score.per_predicate.items())},
        "per_category": {k: v.as_dict() for k, v in sorted(score.per_category.items())},
        "missed": [_miss(m) for m in score.missed],
        "wrong": [_miss(m) for m in score.wrong],
        "traps": [_miss(m) for m in score.traps],
    }
