"""`kg eval`: measure the extractor on annotated articles.

:func:`evaluate` copies the articles into a scratch project (the real ontology and entity
registry, no hand-written claims), runs the build's stages in memory, reads what it found as gold
vocabulary facts (:mod:`kg.eval.facts`) and scores them against the gold files
(:mod:`kg.eval.score`). The gold format is in ``tests/corpus/README.md``.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

from kg.build import derive
from kg.config import Config
from kg.eval.facts import Found, found_facts
from kg.eval.gold import GoldArticle, GoldError, gold_files, load_gold
from kg.eval.score import Score, score_article

__all__ = ["GoldError", "Score", "evaluate", "load_articles"]


def load_articles(paths: list[Path]) -> list[GoldArticle]:
    return [load_gold(p) for p in gold_files(paths)]


def _write_project(root: Path, cfg: Config, articles: list[GoldArticle]) -> None:
    sources = root / "data" / "sources"
    sources.mkdir(parents=True)
    (root / "data" / "claims").mkdir()
    shutil.copy(cfg.entities_file, root / "data" / "entities.yaml")
    shutil.copytree(cfg.ontology_dir, root / "ontology")
    reference = cfg.root / "data" / "reference"  # the gazetteer a user's project reads
    if reference.is_dir():
        shutil.copytree(reference, root / "data" / "reference")
    lines = ["sources:"]
    for n, a in enumerate(articles):
        name = f"{n:03d}_{a.name}.txt"
        shutil.copy(a.text_file, sources / name)
        lines += [
            f'  - id: "{n:03d}"',
            f"    file: {name}",
            f"    kind: {a.kind}",
            f"    title: {_quoted(a.title)}",
            "    retrieved: 2026-01-01",
        ]
        if a.published:
            lines.append(f"    published: {a.published}")
        if a.publisher:
            lines.append(f"    publisher: {_quoted(a.publisher)}")
    (sources / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def evaluate(cfg: Config, articles: list[GoldArticle]) -> tuple[Score, list[Found]]:
    """Build ``articles`` in a scratch folder and score what was found against their gold facts."""
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        root = Path(tmp)
        _write_project(root, cfg, articles)
        scratch = dataclasses.replace(cfg, root=root, build_dir=root / "build")
        built = derive(scratch)
    entities = tuple(built.entities)
    found = found_facts(built.claims, entities)
    score = Score()
    for n, a in enumerate(articles):
        score_article(a, [f for f in found if f.source == f"{n:03d}"], score)
    return score, found
