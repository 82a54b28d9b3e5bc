"""The shipped notebooks run on the session build and give the articles' figures; reports in HTML
and Markdown carry them, with their charts, from the library and from `kg notebook run`."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from kg.config import Config
from kg.notebooks.execute import CellResult, run_notebook
from kg.notebooks.model import Notebook, load_shipped, notebook_from_dict
from kg.notebooks.report import ReportMeta, md_escape, write_report
from kg.query.pool.jobs import file_hash
from kg.query.pool.local import LocalRunner
from kg.state.db import connect
from kg.state.runs import RunLog

from .conftest import ROOT, kg_cli

SHIPPED = ROOT / "queries" / "notebooks"


@pytest.fixture(scope="module")
def runner(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> LocalRunner:
    user = tmp_path_factory.mktemp("notebook-state") / "user-graph.nq"
    user.write_bytes(b"")
    return LocalRunner.on_build(cfg.base_iri, cfg.out_dir / "kg.nq", user)


@pytest.fixture(scope="module")
def runs(cfg: Config, runner: LocalRunner) -> dict[str, tuple[Notebook, list[CellResult]]]:
    return {
        nb.slug: (nb, run_notebook(nb, runner, cfg.queries_dir, cfg.base_iri))
        for nb in load_shipped(SHIPPED)
    }


def cell(runs: dict[str, tuple[Notebook, list[CellResult]]], slug: str, title: str) -> CellResult:
    return next(r for r in runs[slug][1] if r.cell.title == title)


def rows(result: CellResult, *columns: str) -> list[tuple[str | None, ...]]:
    assert result.error is None and result.table is not None
    return [tuple(v[c] for c in columns) for v in result.table.values()]


def test_three_notebooks_ship_and_every_cell_runs(
    runs: dict[str, tuple[Notebook, list[CellResult]]],
) -> None:
    assert sorted(runs) == ["counting-day-2024", "family-and-inference", "kalpana-soren-career"]
    for slug, (_, results) in runs.items():
        assert [r.error for r in results if r.error] == [], slug
        queries = [r for r in results if r.cell.kind == "query"]
        assert all(r.table is not None and r.table.rows for r in queries), slug
        # each notebook has a cell with a parameter, bound as an IRI under the base
        assert any(r.params and r.bound for r in queries), slug


def test_counting_day_tallies_side_by_side_with_sources(
    runs: dict[str, tuple[Notebook, list[CellResult]]],
) -> None:
    r = cell(runs, "counting-day-2024", "Seat tallies at 3 PM and 6 PM, side by side")
    assert r.values == (("election", "id/election/2024-jharkhand-assembly"),)
    assert rows(
        r, "party", "won3pm", "leading3pm", "source3pm", "won6pm", "leading6pm", "source6pm"
    ) == [
        ("Bharatiya Janata Party", None, "21", "002", None, None, None),
        ("Indian National Congress", None, "17", "002", "10", "6", "001"),
        ("Jharkhand Mukti Morcha", "3", "31", "002", "20", "14", "001"),
    ]
    assert rows(r, "quote3pm", "quote6pm")[2] == (
        "As of 3 PM, JMM has secured three wins and leads in 31 seats.",
        "As of 6 pm on counting day, the Election Commission reported that the JMM has won 20 seats and is leading in 14 others.",
    )
    chart = cell(runs, "counting-day-2024", "Seats won or leading, by time of report")
    assert chart.cell.view.type == "bar" and chart.cell.view.series == "report"
    assert rows(chart, "party", "report", "seatsWonOrLeading") == [
        ("Bharatiya Janata Party", "3 PM (article 002)", "21"),
        ("Indian National Congress", "3 PM (article 002)", "17"),
        ("Indian National Congress", "6 pm on counting day (article 001)", "16"),
        ("Jharkhand Mukti Morcha", "3 PM (article 002)", "34"),
        ("Jharkhand Mukti Morcha", "6 pm on counting day (article 001)", "34"),
    ]


def test_career_timeline_post_education_elections(
    runs: dict[str, tuple[Notebook, list[CellResult]]],
) -> None:
    timeline = cell(runs, "kalpana-soren-career", "Dated facts")
    assert timeline.cell.view.type == "timeline"
    assert rows(timeline, "date", "event", "article") == [
        ("1985-03-03", "born", "000"),
        ("2006-02-07", "married Hemant Soren", "000"),
        ("2012", "Master of Business Administration", "000"),
        ("2024-01-31", "Hemant Soren arrested", "000"),
        ("2024-03-04", "entered politics", "000, 001"),
        ("2024-06-04", "became Member of the Jharkhand Legislative Assembly", "000"),
    ]
    assert rows(
        cell(runs, "kalpana-soren-career", "Post held"), "constituency", "start", "predecessor"
    ) == [("Gandey", "2024-06-04", "Sarfaraz Ahmad")]
    assert rows(cell(runs, "kalpana-soren-career", "Education"), "degree", "year") == [
        ("Bachelor of Technology", None),
        ("Master of Business Administration", "2012"),
    ]
    assert rows(
        cell(runs, "kalpana-soren-career", "Votes in each election"), "election", "votes"
    ) == [
        ("2024 Gandey by-election", "109827"),
        ("2024 Jharkhand Legislative Assembly election", "119372"),
    ]


def test_family_stated_and_inferred_with_why(
    runs: dict[str, tuple[Notebook, list[CellResult]]],
) -> None:
    stated = cell(runs, "family-and-inference", "Stated by the articles (inference off)")
    assert stated.cell.inference is False
    assert (
        "father-in-law",
        "Shibu Soren",
        "000",
        "Relations: Shibu Soren (father-in-Law)",
    ) in rows(stated, "relation", "relative", "article", "quote")
    assert {r[0] for r in rows(stated, "relation")} == {
        "father",
        "father-in-law",
        "husband",
        "spouse",
    }
    inferred = cell(runs, "family-and-inference", "Added by inference, and why")
    assert rows(inferred, "relation", "relative", "alsoStated", "rule", "because") == [
        (
            "father-in-law",
            "Shibu Soren",
            "true",
            "prp-spo2",
            "Kalpana Soren spouse Hemant Soren + Hemant Soren father Shibu Soren",
        ),
        ("husband", "Hemant Soren", "true", "prp-inv", "Hemant Soren wife Kalpana Soren"),
        (
            "husband's father",
            "Shibu Soren",
            "false",
            "prp-spo2",
            "Hemant Soren father Shibu Soren + Kalpana Soren husband Hemant Soren",
        ),
        ("parent", "Ampa Murmu", "false", "prp-spo1", "Kalpana Soren father Ampa Murmu"),
        ("spouse", "Hemant Soren", "true", "prp-spo1", "Kalpana Soren husband Hemant Soren"),
    ]
    shibu = cell(runs, "family-and-inference", "The same seen from Shibu Soren")
    assert shibu.values == (("person", "id/shibu-soren"),)
    assert ("daughter-in-law", "Kalpana Soren", "false") in rows(
        shibu, "relation", "relative", "alsoStated"
    )


def _meta(cfg: Config) -> ReportMeta:
    return ReportMeta(file_hash(cfg.out_dir / "kg.nq"), "2024-11-23T18:00:00Z", True, "", "test")


def test_html_report(
    cfg: Config, runs: dict[str, tuple[Notebook, list[CellResult]]], tmp_path: Path
) -> None:
    nb, results = runs["counting-day-2024"]
    html = write_report(nb, results, "html", tmp_path / "r.html", _meta(cfg)).read_text(
        encoding="utf-8"
    )
    assert f"<dd class=hash>{file_hash(cfg.out_dir / 'kg.nq')}</dd>" in html
    for r in results:
        if r.table is not None:
            assert r.table.digest() in html
    assert html.count("<table>") == 3 and html.count("<details><summary>Query</summary>") == 3
    assert "<td>As of 3 PM, JMM has secured three wins and leads in 31 seats.</td>" in html
    assert "<code>election</code> = <code>id/election/2024-jharkhand-assembly</code>" in html
    images = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    assert len(images) == 1 and base64.b64decode(images[0]).startswith(b"\x89PNG")
    assert "<strong>3 PM</strong>, article 002" in html  # markdown cells rendered


def test_markdown_text_is_never_raw_html(cfg: Config, runner: LocalRunner, tmp_path: Path) -> None:
    nb = notebook_from_dict(
        {
            "title": "<b>T</b>",
            "cells": [
                {"markdown": "<script>alert(1)</script> *fine*"},
                {
                    "sparql": 'SELECT ?v WHERE { VALUES ?v { "a|b" "<i>x</i>" "http://text/" <http://iri/> } }',
                    "title": "pipes",
                },
            ],
        },
        slug="t",
    )
    results = run_notebook(nb, runner, cfg.queries_dir, cfg.base_iri)
    html = write_report(nb, results, "html", tmp_path / "t.html", _meta(cfg)).read_text(
        encoding="utf-8"
    )
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert (
        "<em>fine</em>" in html
        and "<td>&lt;i&gt;x&lt;/i&gt;</td>" in html
        and "<title>&lt;b&gt;T&lt;/b&gt;</title>" in html
    )
    assert (
        "<td>http://text/</td>" in html and '<td><a href="http://iri/">http://iri/</a></td>' in html
    )
    md = write_report(nb, results, "markdown", tmp_path / "t.md", _meta(cfg)).read_text(
        encoding="utf-8"
    )
    assert "| a\\|b |" in md and "| \\<i\\>x\\</i\\> |" in md
    assert md_escape("a | b\nc*") == "a \\| b c\\*"


def test_markdown_report_writes_charts_beside_it(
    cfg: Config, runs: dict[str, tuple[Notebook, list[CellResult]]], tmp_path: Path
) -> None:
    nb, results = runs["kalpana-soren-career"]
    md = write_report(nb, results, "markdown", tmp_path / "career.md", _meta(cfg)).read_text(
        encoding="utf-8"
    )
    assert "![Dated facts](career_files/cell-02.png)" in md
    assert "![Votes in each election](career_files/cell-07.png)" in md
    assert sorted(p.name for p in (tmp_path / "career_files").iterdir()) == [
        "cell-02.png",
        "cell-07.png",
    ]
    assert (
        "| 2024\\-06\\-04 |" not in md
        and "| 2024-06-04 | became Member of the Jharkhand Legislative Assembly | 000 |" in md
    )


def _cli(cfg: Config, tmp_path: Path, *args: str) -> tuple[int, str]:
    res = kg_cli(
        "notebook", *args, KG_BUILD_DIR=str(cfg.out_dir), KG_STATE_DIR=str(tmp_path / "state")
    )
    return res.returncode, res.stderr


def test_cli_run_html_and_markdown(cfg: Config, built: object, tmp_path: Path) -> None:
    code, err = _cli(
        cfg,
        tmp_path,
        "run",
        "counting-day-2024",
        "--format",
        "html",
        "--out",
        str(tmp_path / "cd.html"),
    )
    assert code == 0, err
    html = (tmp_path / "cd.html").read_text(encoding="utf-8")
    assert '<img src="data:image/png;base64,' in html
    assert "<td>Jharkhand Mukti Morcha</td><td>3</td><td>31</td><td>002</td>" in html
    assert "<td>20</td><td>14</td><td>001</td>" in html
    assert f"<dd class=hash>{file_hash(cfg.out_dir / 'kg.nq')}</dd>" in html
    code, err = _cli(
        cfg,
        tmp_path,
        "run",
        "counting-day-2024",
        "--format",
        "markdown",
        "--out",
        str(tmp_path / "cd.md"),
    )
    assert code == 0, err
    md = (tmp_path / "cd.md").read_text(encoding="utf-8")
    assert (
        "| Jharkhand Mukti Morcha | 3 | 31 | 002 | As of 3 PM, JMM has secured three wins and leads in 31 seats. | 20 | 14 | 001 |"
        in md
    )
    assert (tmp_path / "cd_files" / "cell-03.png").read_bytes().startswith(b"\x89PNG")
    # each run is recorded as a citable run in the state folder, and the report names it
    rid = re.search(r"recorded as run ([0-9a-f]{20})", err)
    assert rid, err
    assert f"Citable run**: `{rid.group(1)} " in md
    conn = connect(tmp_path / "state")
    run = RunLog(conn).get(rid.group(1))
    conn.close()
    assert run is not None and (run.kind, run.name) == ("notebook", "counting-day-2024")
    assert run.data.build == file_hash(cfg.out_dir / "kg.nq")
    assert [p.cell for p in run.parts] == [2, 3, 5]  # the query cells; 1 and 4 are markdown
    assert all(p.result_hash.startswith("sha256:") and p.error is None for p in run.parts)


def test_cli_no_inference_and_a_yaml_file(cfg: Config, built: object, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "title: Mine\ncells:\n  - sparql: |\n      PREFIX kgo: <ontology#>\n"
        "      SELECT ?r ?_person_iri WHERE { ?_person_iri kgo:fatherInLaw ?r }\n"
        "    params: {person: id/kalpana-soren}\n",
        encoding="utf-8",
    )
    code, err = _cli(
        cfg,
        tmp_path,
        "run",
        str(path),
        "--format",
        "markdown",
        "--no-inference",
        "--out",
        str(tmp_path / "m.md"),
    )
    assert code == 0, err
    md = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert "- **Inference**: `off: asserted facts only`" in md and "*inference off · 1 row ·" in md


def test_cli_list(cfg: Config, tmp_path: Path) -> None:
    res = kg_cli("notebook", "list", KG_STATE_DIR=str(tmp_path / "state"))
    assert res.returncode == 0, res.stderr
    assert [line.split()[0] for line in res.stdout.splitlines()] == [
        "counting-day-2024",
        "family-and-inference",
        "kalpana-soren-career",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("run", "no-such-notebook"), "there is no notebook called 'no-such-notebook'"),
        (("run", "missing/file.yaml"), "no notebook file missing/file.yaml"),
        (
            ("export", "Bad Name!", "--endpoint", "http://127.0.0.1:1/sparql"),
            "there is no notebook called 'Bad Name!'",
        ),
        (
            ("export", "counting-day-2024", "--endpoint", "ftp://x"),
            "--endpoint must be an http(s) URL",
        ),
    ],
)
def test_cli_errors_are_one_line(
    cfg: Config, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    code, err = _cli(cfg, tmp_path, *args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("kg: error: ") and message in err
    assert "Traceback" not in err


def test_cli_runs_and_lists_a_user_notebook(cfg: Config, built: object, tmp_path: Path) -> None:
    from kg.notebooks.store import NotebookStore
    from kg.state.db import connect

    conn = connect(tmp_path / "state")
    mine = {"title": "My notes", "cells": [{"sparql": "SELECT (1 + 1 AS ?two) WHERE {}"}]}
    NotebookStore(conn).save(notebook_from_dict(mine, "my-notes"), "first", None)
    conn.close()
    res = kg_cli("notebook", "list", KG_STATE_DIR=str(tmp_path / "state"))
    assert res.stdout.splitlines()[-1].split() == ["my-notes", "user", "r1", "My", "notes"]
    code, err = _cli(
        cfg, tmp_path, "run", "my-notes", "--format", "markdown", "--out", str(tmp_path / "n.md")
    )
    assert code == 0, err
    md = (tmp_path / "n.md").read_text(encoding="utf-8")
    assert "- **Notebook**: `user notebook 'my-notes'`" in md and "| two |\n|---|\n| 2 |" in md
