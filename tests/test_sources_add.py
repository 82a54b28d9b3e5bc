"""Stage: sources (adding and removing articles). `kg add`, `kg sources` and `kg remove` run as a
user runs them, in subprocesses, on a copy of the project's data; the articles are written here
(tests/fixtures/add/), and the expected values are read off their text by hand."""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kg.build.guess import guess
from kg.yamlfile import load_yaml

from .conftest import FIXTURES, ROOT

NEWS = FIXTURES / "add" / "dumri-bypoll.txt"
BIO = FIXTURES / "add" / "leader.txt"


def _kg(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", "--root", str(root), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for part in ("data", "ontology"):
        shutil.copytree(ROOT / part, root / part)
    return root


def _entries(root: Path) -> list[dict[str, object]]:
    doc = load_yaml((root / "data" / "sources" / "sources.yaml").read_text(encoding="utf-8"))
    return list(doc["sources"])


def _snapshot(root: Path) -> dict[str, bytes]:
    d = root / "data" / "sources"
    return {p.name: p.read_bytes() for p in sorted(d.iterdir()) if not p.name.startswith(".")}


def test_the_text_tells_its_kind_title_and_dateline() -> None:
    news = guess(NEWS.read_text(encoding="utf-8"))
    assert (news.kind, news.title, news.title_from_text, news.published) == (
        "news",
        "JMM's Bebi Devi keeps Dumri for the ruling alliance",
        True,
        "2023-09-08",
    )
    bio = guess(BIO.read_text(encoding="utf-8"))
    assert (bio.kind, bio.title, bio.published) == ("encyclopedia", "Ravi Hansda", None)
    undated = guess("RANCHI, March 4 — The JMM named its candidates for the two seats.\n")
    assert undated.published is None
    assert "has no year" in undated.published_why
    assert not undated.title_from_text


def test_add_records_the_article_and_prints_what_it_read(project: Path) -> None:
    before = (project / "data" / "sources" / "sources.yaml").read_text(encoding="utf-8")
    res = _kg(project, "add", str(NEWS), "--url", "https://example.org/dumri-2023")
    assert res.returncode == 0, res.stderr
    assert "added source 003 (news)" in res.stdout
    assert "published  2023-09-08  (the dateline '8 Sep 2023')" in res.stderr
    assert "new Person 'Bebi Devi' [bebi-devi]" in res.stdout
    after = (project / "data" / "sources" / "sources.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # comments and the other entries kept as they were
    assert '  - id: "003"\n' in after
    new = _entries(project)[-1]
    assert new["id"] == "003"
    assert new["kind"] == "news"
    assert new["published"] == "2023-09-08"
    assert new["url"] == "https://example.org/dumri-2023"
    copied = project / "data" / "sources" / str(new["file"])
    assert copied.read_bytes() == NEWS.read_bytes()
    assert str(new["file"]).startswith("003_") and str(new["sha256"]).startswith(
        str(new["file"])[4:20]
    )
    listed = _kg(project, "sources")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert [line[:3] for line in lines[:-1]] == ["000", "001", "002", "003"]
    assert "(4 sources," in lines[-1]


def test_the_added_article_is_in_the_graph_with_its_url(project: Path) -> None:
    assert _kg(project, "add", str(NEWS), "--url", "https://example.org/d").returncode == 0
    build = project / "build"
    res = _kg(project, "build")
    assert res.returncode == 0, res.stderr
    q = (
        "PREFIX schema: <http://schema.org/> PREFIX kgo: <ontology#> "
        'SELECT ?u WHERE { ?s kgo:sourceId "003" ; schema:url ?u }'
    )
    got = _kg(project, "query", q, "--format", "csv")
    assert got.stdout.splitlines() == ["u", "https://example.org/d"], got.stderr
    qs = _kg(project, "export", "--format", "quickstatements")
    assert '\tS854\t"https://example.org/d"' in qs.stdout
    assert (build / "kg.nq").is_file()


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"", (), "{path}: the file is empty"),
        (b"  \n\n", (), "{path}: the file is empty"),
        (b"\xff\xfeR\x00a\x00", (), "{path}: not UTF-8 text (byte 0 is 0xff); save it as UTF-8"),
        (
            b"A report.\n",
            ("--published", "2024-13-01"),
            "--published must be a date YYYY-MM-DD, got '2024-13-01'",
        ),
        (b"A report.\n", ("--published", "2999-01-01"), "--published 2999-01-01 is in the future"),
        (
            b"A report.\n",
            ("--url", "javascript:alert(1)"),
            "--url must be an http(s) address, got 'javascript:alert(1)'",
        ),
    ],
)
def test_bad_input_is_refused_in_one_line_and_nothing_is_written(
    project: Path, tmp_path: Path, content: bytes, args: tuple[str, ...], message: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    before = _snapshot(project)
    res = _kg(project, "add", str(path), *args)
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("kg: error: " + message.format(path=path))
    assert _snapshot(project) == before


def test_a_file_already_in_the_corpus_is_refused(project: Path) -> None:
    seed = next((ROOT / "data" / "sources").glob("001_*.txt"))
    before = _snapshot(project)
    res = _kg(project, "add", str(seed))
    assert res.returncode == 1
    assert res.stderr.strip() == f"kg: error: {seed}: already in the corpus as source 001"
    assert _snapshot(project) == before


def test_two_concurrent_adds_are_both_recorded_with_distinct_ids(project: Path) -> None:
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda p: _kg(project, "add", str(p)), (NEWS, BIO)))
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    entries = _entries(project)
    assert sorted(str(e["id"]) for e in entries[3:]) == ["003", "004"]
    assert {str(e["title"]) for e in entries[3:]} == {
        "JMM's Bebi Devi keeps Dumri for the ruling alliance",
        "Ravi Hansda",
    }


def test_remove_takes_an_added_article_out_and_keeps_cited_ones(project: Path) -> None:
    original = _snapshot(project)
    assert _kg(project, "add", str(BIO)).returncode == 0
    res = _kg(project, "remove", "003")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("removed source 003 (Ravi Hansda)")
    assert _snapshot(project) == original
    cited = _kg(project, "remove", "001")
    assert cited.returncode == 1
    assert cited.stderr.strip() == (
        "kg: error: source 001 has review decisions in data/reviews/001.yaml; "
        "move or delete that file first"
    )
    missing = _kg(project, "remove", "042")
    assert missing.stderr.strip() == "kg: error: no source with id '042'; `kg sources` lists them"
    assert _snapshot(project) == original


def test_an_unquoted_id_is_refused_by_the_build(project: Path) -> None:
    index = project / "data" / "sources" / "sources.yaml"
    index.write_text(
        index.read_text(encoding="utf-8").replace('id: "002"', "id: 002"), encoding="utf-8"
    )
    res = _kg(project, "sources")
    assert res.returncode == 1
    assert "id must be a quoted string" in res.stderr
    assert "Traceback" not in res.stderr


def test_an_indian_day_first_dateline_is_read_day_first() -> None:
    text = "JMM keeps the seat\n\nPTI | Updated: 02-05-2021 22:09 IST\n\nThe JMM won the seat.\n"
    assert guess(text).published == "2021-05-02"


def test_a_wiki_source_without_a_title_line_says_whom_it_is_read_as_about(project: Path) -> None:
    res = _kg(project, "add", str(FIXTURES / "encyclopedia_wikitext_ramesh_tudu.txt"))
    assert res.returncode == 0, res.stderr
    assert "added source 003 (encyclopedia)" in res.stdout
    assert (
        "      note: no '= Title =' line: the article is read as about 'Ramesh Tudu' (the "
        "infobox's name)\n" in res.stdout
    )
    assert "new Person 'Ramesh Tudu' [ramesh-tudu]" in res.stdout
    (line,) = [x for x in res.stdout.splitlines() if x.startswith("003  encyclopedia")]
    assert "InfoboxParser" in line and "TableParser" in line and "SentenceRules" in line
