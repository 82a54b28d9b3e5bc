"""`kg bench`: measured side by side in one run, as medians and ratios (machines here are noisy)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from kg.build import derive
from kg.build.reason.facts import fact_triples, is_fact
from kg.build.reason.reference import owlrl_inferred
from kg.build.reason.rules import inferred_facts, reason
from kg.build.reason.schema import schema_of
from kg.config import Config


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
    facts = fact_triples(graphs, names, exclude={names.ontology_graph, names.inferred_graph})
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
