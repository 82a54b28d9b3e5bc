"""`kg bench`: measured side by side in one run, as medians and ratios (machines here are noisy)."""

from __future__ import annotations

import hashlib
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from kg.build import derive
from kg.build.reason.facts import fact_triples, is_fact
from kg.build.reason.reference import owlrl_inferred
from kg.build.reason.rules import inferred_facts, reason
from kg.build.reason.schema import schema_of
from kg.config import Config
from kg.model import Source


def _median_seconds(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def bench(cfg: Config, repeat: int = 5) -> list[str]:
    lines = []
    t_build, built = _median_seconds(lambda: derive(cfg), repeat)
    lines.append(f"derive (all stages, in memory): median {t_build:.2f} s over {repeat} runs")
    names = built.names  # type: ignore[attr-defined]
    graphs = built.graphs  # type: ignore[attr-defined]
    ontology = graphs[names.ontology_graph]
    skip = {names.ontology_graph, names.inferred_graph, names.reference_graph}  # as the build
    facts = fact_triples(graphs, names, exclude=skip)
    keep = lambda t: is_fact(t, names)  # noqa: E731
    t_ref, ref = _median_seconds(lambda: owlrl_inferred(ontology, facts, names), repeat)
    t_eng, eng = _median_seconds(
        lambda: inferred_facts(reason(schema_of(ontology), facts), facts, keep)[0], repeat
    )
    same = "identical" if ref == eng else "DIFFERENT"
    lines.append(f"reasoning over {len(facts)} asserted facts + ontology, median of {repeat}:")
    lines.append(f"  owlrl (reference)  {t_ref:8.3f} s   {len(ref)} inferred facts")  # type: ignore[arg-type]
    lines.append(f"  rule engine        {t_eng:8.3f} s   {len(eng)} inferred facts ({same})")  # type: ignore[arg-type]
    lines.append(f"  ratio owlrl/engine {t_ref / t_eng:8.1f}x")
    return lines


def bench_extraction(cfg: Config, paths: list[Path], repeat: int = 5) -> list[str]:
    """Extraction speed on annotated articles, then their accuracy against issue 11's targets."""
    from kg.build.gazetteer import load_lexicon
    from kg.build.resolve import load_entities
    from kg.eval import evaluate, load_articles
    from kg.eval.speed import speed_report
    from kg.eval.targets import target_lines

    articles = load_articles(paths)
    sources = [
        Source(
            id=f"{n:03d}",
            file=a.text_file.name,
            kind=a.kind,
            title=a.title,
            text=a.text,
            sha256=hashlib.sha256(a.text.encode()).hexdigest(),
            retrieved="2026-01-01",
            published=a.published,
        )
        for n, a in enumerate(articles)
    ]
    lexicon = load_lexicon(cfg.reference_dir, load_entities(cfg.entities_file))
    lines = speed_report(sources, lexicon, repeat)
    score, _ = evaluate(cfg, articles)
    return lines + target_lines(score)
