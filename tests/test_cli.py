"""The `kg` command line, run as a user runs it: in a subprocess, against a built graph."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import Built
from kg.config import Config

from .conftest import ROOT


def kg(
    cfg: Config, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "KG_BUILD_DIR": str(cfg.out_dir), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_query_a_saved_query_as_a_table(cfg: Config, built: Built) -> None:
    res = kg(cfg, "query", "queries/c08-left-jmm-for-bjp.rq")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == [
        "person",
        "-------------",
        "Champai Soren",
        "Lobin Hembrom",
        "Sita Soren",
        "(3 rows)",
    ]


def test_query_text_as_csv_and_json(cfg: Config, built: Built) -> None:
    q = "PREFIX kg: <id/> PREFIX kgo: <ontology#> SELECT ?n WHERE { kg:kalpana-soren kgo:numberOfChildren ?n }"
    res = kg(cfg, "query", q, "--format", "csv")
    assert list(csv.reader(io.StringIO(res.stdout))) == [["n"], ["2"]]
    res = kg(cfg, "query", q, "--format", "json")
    doc = json.loads(res.stdout)
    assert doc["results"]["bindings"] == [
        {
            "n": {
                "type": "literal",
                "value": "2",
                "datatype": "http://www.w3.org/2001/XMLSchema#integer",
            }
        }
    ]
    res = kg(cfg, "query", "PREFIX kg: <id/> ASK { kg:kalpana-soren ?p kg:shibu-soren }")
    assert res.stdout.strip() == "true"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("query", "SELEC ?x"), "kg: error: SPARQL syntax error: error at 1:9: expected one of"),
        (("query", "missing.rq"), "kg: error: query file not found: missing.rq"),
        (
            ("--base-iri", "ftp://x/", "stats"),
            "kg: error: base IRI must be an http(s) IRI ending in '/': 'ftp://x/'",
        ),
    ],
)
def test_errors_are_one_line_without_traceback(
    cfg: Config, built: Built, args: tuple[str, ...], message: str
) -> None:
    res = kg(cfg, *args)
    assert res.returncode in (1, 2)
    assert "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert res.stderr.startswith(message)


def test_commands_without_a_build_say_to_build_first(tmp_path: Path) -> None:
    cfg = Config(root=ROOT, build_dir=tmp_path)
    for cmd in (("stats",), ("query", "ASK {}")):
        res = kg(cfg, *cmd)
        assert res.returncode == 2
        assert (
            res.stderr.strip()
            == f"kg: error: no built graph in {tmp_path}; run `kg build` first".replace(
                "no built graph", "no build report" if cmd == ("stats",) else "no built graph"
            )
        )


def test_stats_reports_graphs_methods_and_types(cfg: Config, built: Built) -> None:
    res = kg(cfg, "stats", "--json")
    doc = json.loads(res.stdout)
    assert set(doc["triples_by_graph"]) == {
        f"http://localhost:5000/graph/{g}"
        for g in (
            "source/000",
            "source/001",
            "source/002",
            "entities",
            "reference",
            "ontology",
            "inferred",
        )
    }
    assert doc["claims_by_method"] == built.stats["claims_by_method"]
    assert doc["entities_by_type"]["PoliticalParty"] == 6
    text = kg(cfg, "stats").stdout
    assert (
        "claims per method:" in text and "NewsPatternRules" in text and "entities per type:" in text
    )


def test_validate_prints_a_readable_report(cfg: Config) -> None:
    res = kg(cfg, "validate")
    assert res.returncode == 0
    assert res.stdout.strip() == "The graph conforms to the shapes in ontology/shapes.ttl."


def test_build_shows_progress(tmp_path: Path) -> None:
    res = kg(Config(root=ROOT, build_dir=tmp_path), "build")
    assert res.returncode == 0, res.stderr
    stages = [
        line.split(":")[0].strip()
        for line in res.stderr.splitlines()
        if line.startswith("  ") and ":" in line
    ]
    assert stages[:8] == [
        "sources",
        "extract",
        "resolve",
        "review",
        "rdf",
        "reason",
        "validate",
        "store",
    ]
    assert res.stdout.startswith("built ")


def test_bench_prints_side_by_side_figures(cfg: Config) -> None:
    res = kg(cfg, "bench", "--repeat", "1")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0].startswith("derive (all stages, in memory): median ")
    assert (
        "owlrl (reference)" in lines[2] and "rule engine" in lines[3] and "(identical)" in lines[3]
    )
    assert lines[4].strip().startswith("ratio owlrl/engine")


def test_build_if_stale_skips_an_up_to_date_build(tmp_path: Path) -> None:
    cfg = Config(root=ROOT, build_dir=tmp_path)
    assert kg(cfg, "build", "--if-stale").stdout.startswith("built ")
    res = kg(cfg, "build", "--if-stale")
    assert res.returncode == 0 and res.stdout == ""
    assert res.stderr.strip() == f"the build in {tmp_path} is up to date"
