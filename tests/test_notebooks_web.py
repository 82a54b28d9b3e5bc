"""Notebooks on the web: list, open, run, save with revisions, history, restore, .ipynb download.

Through Flask's test client on the session build; test_notebooks_durability.py kills real
servers after saves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.config import Config

from .conftest import ROOT, app_on_build
from .servers import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SHIPPED = sorted(p.stem for p in (ROOT / "queries" / "notebooks").glob("*.yaml"))
COUNTING = "counting-day-2024"
JMM, INC, BJP = "Jharkhand Mukti Morcha", "Indian National Congress", "Bharatiya Janata Party"


@pytest.fixture(scope="module")
def app(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    state = tmp_path_factory.mktemp("notebooks-web") / "state"
    with app_on_build(cfg, state, KG_UPDATE_TOKEN=TOKEN) as app:
        yield app


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _shipped(client: FlaskClient, slug: str = COUNTING) -> dict[str, Any]:
    doc: dict[str, Any] = client.get(f"/notebooks/{slug}.json").get_json()
    return doc


def _copy(client: FlaskClient, slug: str, title: str = "My counting day") -> dict[str, Any]:
    nb = _shipped(client)
    for key in ("source", "revision", "head", "saved"):
        nb.pop(key)
    return {**nb, "slug": slug, "title": title}


def _put(client: FlaskClient, slug: str, nb: Any, base: int | None, message: str = "") -> Any:
    body = {"notebook": nb, "base_revision": base, "message": message}
    return client.put(f"/notebooks/{slug}", json=body, headers=AUTH)


def _cell(doc: dict[str, Any], index: int) -> dict[str, Any]:
    cell: dict[str, Any] = doc["cells"][index - 1]
    assert cell["index"] == index
    return cell


# ---- list and open ----------------------------------------------------------------------------


def test_the_list_has_the_shipped_notebooks(client: FlaskClient) -> None:
    assert {"counting-day-2024", "kalpana-soren-career", "family-and-inference"} <= set(SHIPPED)
    res = client.get("/notebooks.json")
    assert res.status_code == 200 and res.mimetype == "application/json"
    shipped = [e for e in res.get_json()["notebooks"] if e["source"] == "shipped"]
    assert [e["slug"] for e in shipped] == SHIPPED
    counting = next(e for e in shipped if e["slug"] == COUNTING)
    assert counting["title"] == "Counting day, 23 November 2024"
    assert counting["revision"] is None
    same = client.get("/notebooks", headers={"Accept": "application/json"}).get_json()
    assert same == res.get_json()
    page = client.get("/notebooks")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    for slug in SHIPPED:
        assert f'href="/notebooks/{slug}"' in html
    assert "Counting day, 23 November 2024" in html and "shipped with the graph" in html


def test_a_shipped_notebook_as_json_and_as_a_page(client: FlaskClient) -> None:
    doc = _shipped(client)
    assert (doc["slug"], doc["source"], doc["revision"]) == (COUNTING, "shipped", None)
    assert [("markdown" in c) for c in doc["cells"]] == [True, False, False, True, False]
    assert doc["cells"][4] == {
        "title": "Every tally as reported (saved query C6)",
        "query": "c06-seat-tallies",
        "view": {"type": "table"},
    }
    page = client.get(f"/notebooks/{COUNTING}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '<h1 id="nb-title">Counting day, 23 November 2024</h1>' in html
    assert 'src="/static/notebook.js"' in html
    # everything the page loads or links to is on this server
    assert all(u[0] in "/?#" for u in re.findall(r'(?:src|href)="([^"]*)"', html))
    data = json.loads(
        html.split('<script type="application/json" id="nb-data">')[1].split("</script>")[0]
    )
    assert data["notebook"]["slug"] == COUNTING
    assert "<strong>3 PM</strong>" in data["html"]["1"]
    assert "c06-seat-tallies" in [q["name"] for q in data["saved_queries"]]


def test_unknown_notebooks_and_bad_revisions(client: FlaskClient) -> None:
    res = client.get("/notebooks/no-such-notebook.json")
    assert res.status_code == 404
    assert res.get_json() == {"error": "there is no notebook called 'no-such-notebook'"}
    page = client.get("/notebooks/no-such-notebook")
    assert page.status_code == 404 and page.mimetype == "text/plain"
    assert client.get("/notebooks/Not_A_Slug.json").status_code == 404
    res = client.get(f"/notebooks/{COUNTING}.json?revision=zero")
    assert (
        res.status_code == 400
        and "revision must be a positive whole number" in res.get_json()["error"]
    )
    res = client.get(f"/notebooks/{COUNTING}.json?revision=1")
    assert res.status_code == 404 and "shipped notebook" in res.get_json()["error"]
    assert client.post("/notebooks/no-such-notebook/run").status_code == 404


# ---- running ----------------------------------------------------------------------------------


def test_running_counting_day_gives_the_tallies_of_both_reports(
    client: FlaskClient, app: Flask
) -> None:
    res = client.post(f"/notebooks/{COUNTING}/run")
    assert res.status_code == 200
    doc = res.get_json()
    assert [c["kind"] for c in doc["cells"]] == ["markdown", "query", "query", "markdown", "query"]
    assert [c["error"] for c in doc["cells"]] == [None] * 5
    intro = _cell(doc, 1)
    assert (
        "<li><strong>3 PM</strong>, article 002 (Outlook India): wins and leads;</li>"
        in intro["html"]
    )
    side = _cell(doc, 2)
    assert side["columns"] == [
        "party", "won3pm", "leading3pm", "source3pm", "quote3pm",
        "won6pm", "leading6pm", "source6pm", "quote6pm",
    ]  # fmt: skip
    figures = [[r[0], r[1], r[2], r[3], r[5], r[6], r[7]] for r in side["rows"]]
    assert figures == [
        [BJP, None, "21", "002", None, None, None],
        [INC, None, "17", "002", "10", "6", "001"],
        [JMM, "3", "31", "002", "20", "14", "001"],
    ]
    assert side["rows"][2][4] == "As of 3 PM, JMM has secured three wins and leads in 31 seats."
    assert side["params"] == [
        {
            "name": "election",
            "type": "iri",
            "required": True,
            "label": "election",
            "value": "id/election/2024-jharkhand-assembly",
        }
    ]
    assert side["chart"] is None
    bars = _cell(doc, 3)
    assert [r[:3] for r in bars["rows"]] == [
        [BJP, "3 PM (article 002)", "21"],
        [INC, "3 PM (article 002)", "17"],
        [INC, "6 pm on counting day (article 001)", "16"],
        [JMM, "3 PM (article 002)", "34"],
        [JMM, "6 pm on counting day (article 001)", "34"],
    ]
    assert bars["chart"].lstrip().startswith("<?xml") and "<svg" in bars["chart"]
    tallies = _cell(doc, 5)
    assert tallies["query"] == "c06-seat-tallies"
    assert tallies["rows"] == [
        ["15:00:00", "3 PM", BJP, None, "21", "002"],
        ["15:00:00", "3 PM", INC, None, "17", "002"],
        ["15:00:00", "3 PM", JMM, "3", "31", "002"],
        ["18:00:00", "6 pm on counting day", INC, "10", "6", "001"],
        ["18:00:00", "6 pm on counting day", JMM, "20", "14", "001"],
    ]
    # the run is recorded, citable at /runs/<id>, with one part per query cell
    assert doc["run"]["url"] == f"/runs/{doc['run']['id']}"
    run = app.extensions["kg_workbench"].runs.get(doc["run"]["id"])
    assert (run.kind, run.name, run.revision) == ("notebook", COUNTING, None)
    assert [p.cell for p in run.parts] == [2, 3, 5]
    assert run.parts[0].bound == {
        "_election_iri": "<http://localhost:5000/id/election/2024-jharkhand-assembly>"
    }
    # the same notebook on the same data is the same run
    assert client.post(f"/notebooks/{COUNTING}/run").get_json()["run"] == doc["run"]


def test_unsaved_edits_run_and_cell_errors_stay_in_their_cell(client: FlaskClient) -> None:
    nb = _copy(client, COUNTING)
    nb["cells"][1]["params"] = {"election": "<not an iri>"}
    nb["cells"][2]["view"] = {"type": "bar", "x": "party", "y": ["noSuchColumn"]}
    nb["cells"].append({"sparql": "SELECT ?x WHERE { BIND(1 AS ?x) ", "view": "table"})
    nb["cells"].append(
        {"markdown": "<script>alert(1)</script> *done* ![x](http://example.org/x.png)"}
    )
    res = client.post(f"/notebooks/{COUNTING}/run", json=nb)
    assert res.status_code == 200
    doc = res.get_json()
    assert "parameter 'election'" in _cell(doc, 2)["error"]
    assert _cell(doc, 2)["rows"] == []
    bar = _cell(doc, 3)
    assert "noSuchColumn" in bar["error"] and bar["chart"] is None and len(bar["rows"]) == 5
    assert "SPARQL syntax error" in _cell(doc, 6)["error"]
    assert _cell(doc, 5)["error"] is None and len(_cell(doc, 5)["rows"]) == 5
    assert _cell(doc, 7)["html"] == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; <em>done</em>"
        ' !<a href="http://example.org/x.png">x</a></p>\n'
    )


def test_malformed_run_bodies_are_400(client: FlaskClient) -> None:
    res = client.post(
        f"/notebooks/{COUNTING}/run", data="{not json", content_type="application/json"
    )
    assert res.status_code == 400 and "not valid JSON" in res.get_json()["error"]
    res = client.post(f"/notebooks/{COUNTING}/run", json={"title": "x", "cells": [{"sparql": 3}]})
    assert res.status_code == 400 and res.get_json() == {"error": "cell 1: sparql must be text"}


# ---- saving, history, restore ----------------------------------------------------------------


def test_save_a_copy_then_edit_it(client: FlaskClient, app: Flask) -> None:
    nb = _copy(client, "my-counting-day")
    res = _put(client, "my-counting-day", nb, None, "copied")
    assert res.status_code == 201
    assert (
        res.get_json()["revision"] == 1 and res.headers["Location"] == "/notebooks/my-counting-day"
    )
    got = client.get("/notebooks/my-counting-day.json").get_json()
    assert (got["source"], got["revision"], got["head"], got["title"]) == (
        "user",
        1,
        1,
        "My counting day",
    )
    assert got["cells"] == nb["cells"]
    nb["cells"][0] = {"markdown": "Edited."}
    res = _put(client, "my-counting-day", nb, 1, "edited the intro")
    assert res.status_code == 200 and res.get_json()["revision"] == 2
    entry = next(
        e
        for e in client.get("/notebooks.json").get_json()["notebooks"]
        if e["slug"] == "my-counting-day"
    )
    assert (entry["source"], entry["revision"]) == ("user", 2)
    # a run of the saved notebook cites its revision; a run with unsaved edits cites none
    run = client.post("/notebooks/my-counting-day/run").get_json()
    assert run["revision"] == 2
    assert app.extensions["kg_workbench"].runs.get(run["run"]["id"]).revision == 2
    nb["cells"][0] = {"markdown": "Not saved."}
    assert client.post("/notebooks/my-counting-day/run", json=nb).get_json()["revision"] is None


def test_stale_saves_and_shipped_slugs_are_409(client: FlaskClient) -> None:
    nb = _copy(client, "conflicted")
    assert _put(client, "conflicted", nb, None).status_code == 201
    assert _put(client, "conflicted", nb, 1).status_code == 200
    res = _put(client, "conflicted", nb, 1)
    assert res.status_code == 409
    error = res.get_json()["error"]
    assert "based on revision 1" in error and "latest is revision 2" in error
    assert _put(client, "conflicted", nb, None).status_code == 409
    res = _put(client, COUNTING, {**nb, "slug": COUNTING}, None)
    assert res.status_code == 409 and "save a copy under another slug" in res.get_json()["error"]
    res = client.post(f"/notebooks/{COUNTING}/restore", json={"revision": 1}, headers=AUTH)
    assert res.status_code == 409
    assert client.get("/notebooks/conflicted/history").get_json()["revisions"][0]["revision"] == 2


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{", "the request body is not valid JSON"),
        ("[]", 'the body must be a JSON object {"notebook"'),
        (
            '{"notebook": {"title": "x", "cells": []}, "base_revision": "1"}',
            "base_revision must be",
        ),
        ('{"notebook": {"title": "x", "cells": []}, "message": 5}', "message must be text"),
        ('{"notebook": {"cells": []}}', "a notebook needs a title"),
        (
            '{"notebook": {"title": "x", "cells": [{"view": "pie", "sparql": "ASK {}"}]}}',
            "cell 1: view type 'pie'",
        ),
        (
            '{"notebook": {"slug": "other", "title": "x", "cells": []}}',
            "is not the slug in the URL",
        ),
    ],
)
def test_malformed_saves_are_400_naming_the_problem(
    client: FlaskClient, body: str, message: str
) -> None:
    res = client.put(
        "/notebooks/malformed", data=body, content_type="application/json", headers=AUTH
    )
    assert res.status_code == 400
    assert message in res.get_json()["error"]
    assert client.get("/notebooks/malformed.json").status_code == 404


def test_a_bad_slug_in_the_url_is_400(client: FlaskClient) -> None:
    res = _put(client, "Bad_Slug", {"title": "x", "cells": []}, None)
    assert res.status_code == 400 and "slug 'Bad_Slug'" in res.get_json()["error"]


def test_saving_needs_the_token(client: FlaskClient) -> None:
    body = {"notebook": {"title": "x", "cells": []}, "base_revision": None}
    res = client.put("/notebooks/tokenless", json=body)
    assert res.status_code == 401 and res.headers["WWW-Authenticate"] == 'Bearer realm="kg"'
    res = client.put(
        "/notebooks/tokenless",
        json=body,
        headers={"Authorization": "Bearer wrong-token-0123456789"},
    )
    assert res.status_code == 401 and "not valid" in res.get_json()["error"]
    res = client.post("/notebooks/tokenless/restore", json={"revision": 1})
    assert res.status_code == 401
    assert client.get("/notebooks/tokenless.json").status_code == 404


def test_without_a_configured_token_saving_is_403(
    cfg: Config, built: object, tmp_path: Path
) -> None:
    with app_on_build(cfg, tmp_path / "state", KG_WORKERS="1") as app:
        res = app.test_client().put(
            "/notebooks/anything", json={"notebook": {"title": "x", "cells": []}}, headers=AUTH
        )
    assert res.status_code == 403 and "KG_UPDATE_TOKEN" in res.get_json()["error"]


def test_history_and_restore(client: FlaskClient) -> None:
    nb = _copy(client, "restorable", title="First title")
    _put(client, "restorable", nb, None, "one")
    _put(client, "restorable", {**nb, "title": "Second title"}, 1, "two")
    res = client.get("/notebooks/restorable/history")
    assert res.status_code == 200
    revisions = res.get_json()["revisions"]
    assert [(r["revision"], r["message"], r["restored_from"]) for r in revisions] == [
        (2, "two", None),
        (1, "one", None),
    ]
    res = client.post("/notebooks/restorable/restore", json={"revision": 1}, headers=AUTH)
    assert res.status_code == 200
    assert {k: res.get_json()[k] for k in ("revision", "restored_from", "message")} == {
        "revision": 3,
        "restored_from": 1,
        "message": "restored revision 1",
    }
    assert client.get("/notebooks/restorable.json").get_json()["title"] == "First title"
    assert client.get("/notebooks/restorable.json?revision=2").get_json()["title"] == "Second title"
    assert client.get("/notebooks/restorable.json?revision=9").status_code == 404
    res = client.post("/notebooks/restorable/restore", json={"revision": 9}, headers=AUTH)
    assert res.status_code == 404 and "no revision 9" in res.get_json()["error"]
    res = client.post("/notebooks/restorable/restore", json={"revision": "1"}, headers=AUTH)
    assert res.status_code == 400
    assert client.get("/notebooks/nothing-here/history").status_code == 404
    shipped = client.get(f"/notebooks/{COUNTING}/history").get_json()
    assert shipped == {"slug": COUNTING, "source": "shipped", "revisions": []}
    page = client.get("/notebooks/restorable?revision=2").get_data(as_text=True)
    assert "Second title" in page and "revision 2" in page and "revision 3</a>" in page


# ---- .ipynb ------------------------------------------------------------------------------------


def test_ipynb_download(client: FlaskClient) -> None:
    res = client.get(f"/notebooks/{COUNTING}.ipynb")
    assert res.status_code == 200
    assert res.headers["Content-Disposition"] == f'attachment; filename="{COUNTING}.ipynb"'
    doc = json.loads(res.data)
    assert doc["nbformat"] == 4
    assert "http://localhost/sparql" in res.get_data(as_text=True)
    res = client.get(
        f"/notebooks/{COUNTING}.ipynb", query_string={"endpoint": "https://kg.example.org/sparql"}
    )
    assert "https://kg.example.org/sparql" in res.get_data(as_text=True)
    res = client.get(
        f"/notebooks/{COUNTING}.ipynb", query_string={"endpoint": "file:///etc/passwd"}
    )
    assert res.status_code == 400 and "http or https" in res.get_json()["error"]
    assert client.get("/notebooks/nothing-here.ipynb").status_code == 404
