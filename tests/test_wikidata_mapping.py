"""The Q-id mapping (``data/wikidata.yaml``) as a user keeps it: ``kg wikidata missing`` and ``kg
wikidata set``, and the two QuickStatements passes they serve, run as commands on a copy of the
project."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kg.build import Built
from kg.config import Config
from kg.export.wikidata.mapping import MappingError, load_mapping
from kg.export.wikidata.mapping_file import record_qids

from .conftest import ROOT
from .quickstatements_parser import Value, parse
from .test_cli import kg as run_kg

KNOWN = {"kalpana-soren", "sarfaraz-ahmad", "hemant-soren", "gandey"}
MAPPING = """# the top comment stays
items:
  # checked: a table
  hemant-soren: Q13619621
  gandey: Q5520642
sources: {}
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the project's data (the articles, registry, claims and mapping) and ontology."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(ROOT / "queries", root / "queries")
    return root


def kg(root: Path, build: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``kg ARGS`` on the project copy at ``root`` (``$KG_HOME``), with the built graph in ``build``."""
    return run_kg(Config(root=ROOT, build_dir=build), *args, env={"KG_HOME": str(root)})


# ---- the file, written in place ----------------------------------------------------------------


def test_set_adds_a_pair_and_keeps_every_comment(tmp_path: Path) -> None:
    path = tmp_path / "wikidata.yaml"
    path.write_text(MAPPING)
    changed = record_qids(path, {"sarfaraz-ahmad": "Q123"}, KNOWN, note="seen on wikidata.org")
    assert changed == {"sarfaraz-ahmad": None}
    assert path.read_text() == MAPPING.replace(
        "sources: {}",
        "  # seen on wikidata.org: sarfaraz-ahmad Q123\n  sarfaraz-ahmad: Q123\nsources: {}",
    )
    assert load_mapping(path).items == {
        "hemant-soren": "Q13619621",
        "gandey": "Q5520642",
        "sarfaraz-ahmad": "Q123",
    }


def test_set_again_is_a_no_op_and_replacing_needs_to_be_asked(tmp_path: Path) -> None:
    path = tmp_path / "wikidata.yaml"
    path.write_text(MAPPING)
    assert record_qids(path, {"gandey": "Q5520642"}, KNOWN) == {}
    assert path.read_text() == MAPPING
    with pytest.raises(MappingError, match="gandey already has Q5520642.*--replace"):
        record_qids(path, {"gandey": "Q7"}, KNOWN)
    assert path.read_text() == MAPPING
    assert record_qids(path, {"gandey": "Q7"}, KNOWN, replace=True, note="moved") == {
        "gandey": "Q5520642"
    }
    assert path.read_text() == MAPPING.replace(
        "  gandey: Q5520642\nsources: {}", "  # moved: gandey Q7\n  gandey: Q7\nsources: {}"
    )


@pytest.mark.parametrize(
    ("pairs", "fault"),
    [
        ({"sarfaraz-ahmad": "123"}, "'123' is not a Q-id"),
        ({"sarfaraz-ahmad": "Q0"}, "'Q0' is not a Q-id"),
        ({"no-such-person": "Q5"}, "no entity 'no-such-person'"),
        ({"sarfaraz-ahmad": "Q13619621"}, "Q13619621 would be given to both"),
        ({"kalpana-soren": "Q9", "sarfaraz-ahmad": "Q9"}, "Q9 would be given to both"),
    ],
)
def test_a_bad_pair_changes_nothing(tmp_path: Path, pairs: dict[str, str], fault: str) -> None:
    path = tmp_path / "wikidata.yaml"
    path.write_text(MAPPING)
    with pytest.raises(MappingError, match=fault):
        record_qids(path, pairs, KNOWN)
    assert path.read_text() == MAPPING
    assert [p.name for p in tmp_path.iterdir()] == ["wikidata.yaml"]  # no temporary file left


# ---- the commands and the two passes -----------------------------------------------------------


def test_two_passes_carry_kalpana_soren_s_predecessor_and_education(
    project: Path, cfg: Config, built: Built
) -> None:
    build = cfg.out_dir
    first = kg(project, build, "export", "--format", "quickstatements")
    assert first.returncode == 0, first.stderr
    assert "23 statements and 1 qualifiers left out" in first.stderr
    assert "kg wikidata set ENTITY QID" in first.stderr

    missing = kg(project, build, "wikidata", "missing")
    assert missing.returncode == 0, missing.stderr
    lines = missing.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("sarfaraz-ahmad "))
    assert lines[at].split() == ["sarfaraz-ahmad", "1", "Sarfaraz", "Ahmad"]
    assert lines[at + 1].split() == ["kalpana-soren", "P39", "(qualifier", "P1365)"]
    assert lines[-1] == (
        "37 entities have no Q-id and are created as new items; 23 statements and 1 qualifiers "
        "wait for the Q-ids of 19 of them (record them with `kg wikidata set ENTITY QID`)."
    )

    # the ids QuickStatements gave the items the first pass created (stand-ins, in this copy only)
    created = {
        "sarfaraz-ahmad": "Q900000001",
        "koustuv-institute-of-self-domain": "Q900000002",
        "symbiosis-centre-for-distance-learning": "Q900000003",
        "kendriya-vidyalaya": "Q900000004",
        "bachelor-of-technology": "Q900000005",
        "master-of-business-administration": "Q900000006",
    }
    pairs = [x for pair in created.items() for x in pair]
    res = kg(project, build, "wikidata", "set", *pairs, "--note", "created by the first batch")
    assert res.returncode == 0, res.stderr
    assert "sarfaraz-ahmad: Q900000001" in res.stderr.splitlines()
    assert load_mapping(project / "data" / "wikidata.yaml").items.items() >= created.items()

    second = kg(project, build, "export", "--format", "quickstatements")
    assert second.returncode == 0, second.stderr
    assert (
        "18 statements and 0 qualifiers left out" in second.stderr
    )  # 5 statements and 1 qualifier fewer
    (k,) = [it for it in parse(second.stdout) if it.labels.get("en") == "Kalpana Soren"]
    (office,) = k.claims("P39")
    assert office.value == Value("item", "Q24525324")
    assert office.qualifier("P1365") == [Value("item", "Q900000001")]
    assert office.qualifier("P768") == [Value("item", "Q5520642")]
    assert {s.value.text for s in k.claims("P69")} == {"Q900000002", "Q900000003", "Q900000004"}
    assert {s.value.text for s in k.claims("P512")} == {"Q900000005", "Q900000006"}
    (btech,) = [s for s in k.claims("P69") if s.value.text == "Q900000002"]
    assert btech.qualifier("P512") == [Value("item", "Q900000005")]
    quotes = {v.text for ref in btech.references for p, v in ref if p == "P1683"}
    assert (
        "She completed her B.Tech in Electrical engineering from Koustuv Institute of Self-Domain"
        in quotes
    )
    # what is recorded is never created again
    assert not {"Sarfaraz Ahmad", "Kendriya Vidyalaya"} & {
        it.labels.get("en") for it in parse(second.stdout) if it.created
    }


def test_set_refuses_bad_input_in_one_line(project: Path, cfg: Config, built: Built) -> None:
    build = cfg.out_dir
    path = project / "data" / "wikidata.yaml"
    before = path.read_text()
    for args, message in (
        (("sarfaraz-ahmad",), "kg: error: give pairs of ENTITY QID; 'sarfaraz-ahmad' has no Q-id"),
        (("sarfaraz-ahmad", "Sarfaraz"), "kg: error: 'Sarfaraz' is not a Q-id"),
        (("sarfaraz", "Q5"), "kg: error: no entity 'sarfaraz' in data/entities.yaml"),
        (("hemant-soren", "Q5"), "kg: error: hemant-soren already has Q13619621"),
        (("sarfaraz-ahmad", "Q3273397"), "kg: error: Q3273397 would be given to both"),
    ):
        res = kg(project, build, "wikidata", "set", *args)
        assert res.returncode == 2
        assert res.stderr.startswith(message), res.stderr
        assert "Traceback" not in res.stderr and len(res.stderr.splitlines()) == 1
    assert path.read_text() == before


def test_missing_without_a_build_says_to_build_first(project: Path, tmp_path: Path) -> None:
    res = kg(project, tmp_path / "nothing", "wikidata", "missing")
    assert res.returncode == 2
    assert res.stderr.strip() == (
        f"kg: error: no built graph in {tmp_path / 'nothing'}; run `kg build` first"
    )


def test_root_option_points_the_export_at_that_project_s_mapping(
    project: Path, cfg: Config, built: Built
) -> None:
    path = project / "data" / "wikidata.yaml"
    record_qids(path, {"kalpana-soren": "Q900000000"}, {"kalpana-soren"})
    res = run_kg(
        cfg, "--root", str(project), "export", "--format", "quickstatements", env={"KG_HOME": ""}
    )
    assert res.returncode == 0, res.stderr
    assert "Q900000000\tP569\t+1985-03-03T00:00:00Z/11" in res.stdout
