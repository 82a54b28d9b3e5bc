"""Stage: store and the build as a whole: deterministic dumps, atomic replacement, speed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, TypedDict

import pytest

from kg.build import Built
from kg.config import Config
from kg.query.store import Store

from .conftest import ROOT, kg_cli


class _ProjectEnv(TypedDict):
    KG_HOME: str
    KG_BUILD_DIR: str


def _build_in_subprocess(build_dir: Path) -> None:
    kg_cli("build", check=True, KG_BUILD_DIR=str(build_dir), PYTHONHASHSEED="random")


def test_the_build_is_deterministic_byte_for_byte(
    tmp_path: Path, cfg: Config, built: Built
) -> None:
    _build_in_subprocess(tmp_path / "a")
    for name in ("kg.nq", "kg.trig"):
        assert (tmp_path / "a" / name).read_bytes() == (cfg.out_dir / name).read_bytes(), name
    report = json.loads((tmp_path / "a" / "report.json").read_text())
    assert report["build_id"] == json.loads((cfg.out_dir / "report.json").read_text())["build_id"]


def test_dumps_parse_and_agree_with_the_store(cfg: Config) -> None:
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(cfg.out_dir / "kg.trig", format="trig")
    nq = Dataset()
    nq.parse(cfg.out_dir / "kg.nq", format="nquads")
    quads = sum(1 for _ in nq.quads())
    assert sum(1 for _ in ds.quads()) == quads
    assert {str(g) for _, _, _, g in nq.quads()} == {str(g) for _, _, _, g in ds.quads()}
    on_disk = Store.open_read_only(cfg.out_dir / "store", cfg.base_iri)
    assert sum(on_disk.count_by_graph().values()) == quads


def test_a_failing_build_leaves_the_previous_build_intact(tmp_path: Path) -> None:
    root = tmp_path / "project"
    for part in ("data", "ontology"):
        shutil.copytree(ROOT / part, root / part)
    env: _ProjectEnv = {"KG_HOME": str(root), "KG_BUILD_DIR": str(root / "build")}
    kg_cli("build", check=True, **env)
    before = {p.name: p.read_bytes() for p in (root / "build").glob("*.*")}
    (root / "data" / "reviews" / "000.yaml").write_text(
        "source: '000'\ndecisions:\n  - id: x\n    action: add\n", encoding="utf-8"
    )
    res = kg_cli("build", **env)
    assert res.returncode == 1
    assert (
        res.stderr.strip().splitlines()[-1] == "kg: error: 000.yaml, decision x: missing 'subject'"
    )
    assert "Traceback" not in res.stderr
    assert {p.name: p.read_bytes() for p in (root / "build").glob("*.*")} == before
    store = Store.open_read_only(root / "build" / "store")
    assert len(store) == before["kg.nq"].count(b"\n")


def test_stats_per_method_source_and_type(built: Built) -> None:
    s: dict[str, Any] = built.stats
    assert set(s["claims_by_method"]) == {
        "InfoboxParser",
        "NewsPatternRules",
        "ReviewedClaim",
        "SentenceRules",
        "TableParser",
    }
    assert set(s["claims_by_source"]) == {"000", "001", "002"}
    assert s["entities_by_type"]["Politician"] == 12


@pytest.mark.parametrize("name", ["kg.nq", "kg.trig", "report.json"])
def test_build_outputs_exist(cfg: Config, built: Built, name: str) -> None:
    assert (cfg.out_dir / name).stat().st_size > 0
