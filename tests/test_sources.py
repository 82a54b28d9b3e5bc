"""Stage: sources. The corpus is the given articles, byte for byte, described in sources.yaml."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.build.sources import SourceError, load_sources

from .conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"


def test_corpus_index_lists_three_articles_with_their_metadata() -> None:
    srcs = load_sources(ROOT / "data" / "sources")
    assert [(s.id, s.kind) for s in srcs] == [
        ("000", "encyclopedia"),
        ("001", "news"),
        ("002", "news"),
    ]
    by_id = {s.id: s for s in srcs}
    assert by_id["001"].published == "2024-11-23"
    assert by_id["000"].published is None and by_id["002"].published is None
    assert by_id["002"].publisher == "Outlook India"
    assert by_id["000"].title == "Kalpana Soren"
    assert all(s.retrieved == "2026-11-22" for s in srcs)


def test_article_files_are_the_seed_files_byte_for_byte() -> None:
    srcs = load_sources(ROOT / "data" / "sources")
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    # the recorded hashes were taken from the seeds; where shared/ is beside the checkout, compare directly
    for s in srcs:
        data = (ROOT / "data" / "sources" / s.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == s.sha256
        for seed in seeds:
            if seed.name == s.file:
                assert seed.read_bytes() == data


def test_a_changed_article_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("some text", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - {id: x, file: a.txt, kind: news, title: T, retrieved: 2026-01-01, sha256: abc}\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="has changed"):
        load_sources(tmp_path)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "{id: x, file: a.txt, kind: blog, title: T, retrieved: 2026-01-01}",
            "kind must be one of",
        ),
        ("{id: x, file: a.txt, kind: news, retrieved: 2026-01-01}", "missing title"),
        (
            "{id: x, file: a.txt, kind: news, title: T, retrieved: yesterday}",
            "retrieved must be a date",
        ),
        ("{id: x, file: nope.txt, kind: news, title: T, retrieved: 2026-01-01}", "file not found"),
    ],
)
def test_bad_corpus_entries_are_named(tmp_path: Path, entry: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(f"sources:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(SourceError, match=message):
        load_sources(tmp_path)
