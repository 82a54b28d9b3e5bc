"""Issue 11's accuracy targets beside what a scored corpus gives, as lines to print."""

from __future__ import annotations

from kg.eval.score import Score

# kind of text -> the recall it must reach on the held-back half
RECALL_TARGETS = {"infobox": 0.90, "table": 0.90, "prose": 0.80, "news": 0.80}
PRECISION_TARGET = 0.97


def _mark(ok: bool) -> str:
    return "ok " if ok else "NOT"


def target_lines(score: Score) -> list[str]:
    lines = ["accuracy against the targets:"]
    for kind, want in RECALL_TARGETS.items():
        t = score.per_category.get(kind)
        got = t.recall if t is not None else None
        shown = f"{got:.3f}" if got is not None else "  —  "
        lines.append(
            f"  {_mark(got is not None and got >= want)} {kind:<8} recall {shown} (≥ {want:.2f})"
        )
    p = score.total.precision
    shown = f"{p:.3f}" if p is not None else "  —  "
    ok = p is not None and p >= PRECISION_TARGET
    lines.append(f"  {_mark(ok)} overall  precision {shown} (≥ {PRECISION_TARGET:.2f})")
    r = score.total.recall
    lines.append(f"      overall  recall {r:.3f}" if r is not None else "      overall  recall —")
    lines.append(f"  {_mark(not score.traps)} trap facts {len(score.traps)} (0)")
    return lines
