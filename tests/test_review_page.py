"""Stage: web (review on the source page). A researcher adds a news report the rules misread,
then, in Chromium on a real `kg serve` with the update token, corrects one fact, rejects another,
merges a new name with the known person, and adds a fact by selecting its passage; a rebuild
applies every decision, and the references name the reviewer. Bad requests change nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.iris import PROV, Names

from .conftest import BASE, ROOT, BrowserTab, browser_tab
from .servers import TOKEN, running_server

KGO = Names(BASE).kgo
# an invented report, in the wording of results-day reporting: the dateline city is not the seat,
# and the loser's name is spelled otherwise than in the registry ("Gamliyel Hembrom")
ARTICLE = """Hemant Soren keeps Barhait as JMM sweeps Santhal Pargana

Published: 24 Nov 2024

Dumka: Chief Minister Hemant Soren of the JMM held on to Barhait on Saturday, defeating Gamaliel Hembrom of the BJP by 39,791 votes.

Gamaliel Hembrom, a first-time candidate, conceded defeat in the afternoon.
"""
HEMANT = "candidacy/election/2024-jharkhand-assembly/hemant-soren"
GAMALIEL = "candidacy/election/2024-jharkhand-assembly/gamaliel-hembrom"
GAMLIYEL = "candidacy/election/2024-jharkhand-assembly/gamliyel-hembrom"


@dataclass
class Project:
    root: Path
    env: dict[str, str]

    def kg(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kg.cli", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    @property
    def reviews(self) -> Path:
        return self.root / "data" / "reviews" / "003.yaml"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("review-page")
    for part in ("data", "ontology", "queries"):
        shutil.copytree(ROOT / part, root / part)
    env = {**os.environ, "KG_HOME": str(root), "KG_BUILD_DIR": str(root / "build")}
    env.pop("KG_REVIEWER", None)
    p = Project(root, env)
    (root / "barhait.txt").write_text(ARTICLE, encoding="utf-8")
    added = p.kg("add", str(root / "barhait.txt"))
    assert added.returncode == 0, added.stderr
    assert "added source 003 (news)" in added.stdout
    assert (
        "new Person 'Gamaliel Hembrom' [gamaliel-hembrom], closest: Gamliyel Hembrom"
        in added.stdout
    )
    built = p.kg("build")
    assert built.returncode == 0, built.stderr
    return p


@pytest.fixture(scope="module")
def server(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    state = tmp_path_factory.mktemp("review-page-state") / "state"
    with running_server(
        project.root / "build", state, KG_HOME=str(project.root), KG_UPDATE_TOKEN=TOKEN
    ) as url:
        yield url


def post(
    url: str, body: Any, token: str | None = TOKEN, raw: bytes | None = None
) -> tuple[int, Any]:
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = raw if raw is not None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            return res.status, json.loads(res.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


class Tab(BrowserTab):
    def start(self, token: str, name: str) -> None:
        self.page.goto(self.base + "/source/003")
        self.page.fill("#review-start input[name=token]", token)
        self.page.fill("#review-start input[name=reviewer]", name)
        self.page.click("#review-start button[type=submit]")
        self.page.wait_for_selector("#review-tools:not([hidden])")

    def fact(self, subject: str, prop: str) -> Any:
        """The fact's entry in the facts panel, found by the decision fields it carries."""
        handle = self.page.evaluate_handle(
            """([s, p]) => [...document.querySelectorAll('#facts li[data-fields]')]
                 .find(li => { const f = JSON.parse(li.dataset.fields);
                               return f.subject === s && f.property === p; })""",
            [subject, prop],
        )
        el = handle.as_element()
        assert el is not None, (subject, prop)
        return el

    def status(self) -> str:
        return str(self.page.inner_text("#review-status"))

    def select(self, phrase: str) -> None:
        """Select ``phrase`` in the article text, as a mouse would."""
        self.page.evaluate(
            """(phrase) => {
                 const text = document.getElementById('text');
                 const at = text.textContent.indexOf(phrase);
                 if (at < 0) throw new Error('not in the article: ' + phrase);
                 const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
                 const r = document.createRange();
                 let seen = 0;
                 for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                   const len = n.data.length;
                   if (seen <= at && at < seen + len) r.setStart(n, at - seen);
                   if (seen < at + phrase.length && at + phrase.length <= seen + len) {
                     r.setEnd(n, at + phrase.length - seen);
                     break;
                   }
                   seen += len;
                 }
                 const sel = document.getSelection(); sel.removeAllRanges(); sel.addRange(r);
               }""",
            phrase,
        )


def test_a_wrong_token_is_refused_and_nothing_is_written(
    project: Project, server: str, browser: Browser
) -> None:
    before = project.reviews.read_bytes() if project.reviews.exists() else None
    with browser_tab(browser, server, Tab) as t:
        t.start("not-the-token-at-all", "Asha Rao")
        t.fact(GAMALIEL, "kgo:margin").query_selector("button[data-action=reject]").click()
        t.page.wait_for_selector("#review-start:not([hidden])")
        assert t.status() == "Not recorded: the bearer token is not valid"
    assert (project.reviews.read_bytes() if project.reviews.exists() else None) == before


def test_bad_requests_get_a_clear_4xx_and_change_nothing(project: Project, server: str) -> None:
    url = server + "/source/003/reviews"
    before = project.reviews.read_bytes() if project.reviews.exists() else None
    fact = {"subject": HEMANT, "property": "kgo:constituency", "object": "dumka", "quote": "Dumka"}
    cases = [
        (
            (fact | {"action": "reject", "reviewer": "A"}, None, None),
            401,
            "Recording a review decision needs 'Authorization: Bearer <token>'",
        ),
        (
            (None, TOKEN, b"{not json"),
            400,
            "send the decision as a JSON object (Content-Type: application/json)",
        ),
        (
            (
                fact | {"action": "correct", "reviewer": "A", "corrected_text": "nowhere-seat"},
                TOKEN,
                None,
            ),
            400,
            "decision 003.yaml#r1: unknown entity 'nowhere-seat' (not in data/entities.yaml, "
            "the reference data, or minted from a mention)",
        ),
        (
            (fact | {"action": "reject", "reviewer": "A", "quote": "Ranchi"}, TOKEN, None),
            400,
            "decision r1: the quote is not in the article: 'Ranchi'",
        ),
        (
            (
                fact | {"action": "reject", "reviewer": "A", "at": "2020-01-01T00:00:00Z"},
                TOKEN,
                None,
            ),
            400,
            "the server records the time of a decision; do not send 'at'",
        ),
    ]
    for (body, token, raw), status, message in cases:
        assert post(url, body, token, raw) == (status, {"error": message})
    assert (
        post(server + "/source/042/reviews", fact | {"action": "reject", "reviewer": "A"})[0] == 404
    )
    assert (project.reviews.read_bytes() if project.reviews.exists() else None) == before


def test_a_review_on_the_source_page_is_applied_by_the_rebuild(
    project: Project, server: str, browser: Browser
) -> None:
    with browser_tab(browser, server, Tab) as t:
        t.start(TOKEN, "Asha Rao")
        # 1. the seat is Barhait; Dumka is only the dateline
        li = t.fact(HEMANT, "kgo:constituency")
        li.query_selector("button[data-action=correct]").click()
        li.query_selector("form input").fill("barhait")
        li.query_selector("form button[type=submit]").click()
        li.wait_for_selector(".decided")
        assert li.query_selector(".decided").inner_text() == "corrected (003.yaml#r1)"
        # 2. the margin is the winner's, not the loser's
        li = t.fact(GAMALIEL, "kgo:margin")
        li.query_selector("button[data-action=reject]").click()
        li.wait_for_selector(".decided")
        assert li.query_selector(".decided").inner_text() == "rejected (003.yaml#r2)"
        # 3. "Gamaliel Hembrom" is the registry's Gamliyel Hembrom
        t.page.click(
            '#review-merge li[data-mention="Gamaliel Hembrom"] button[data-entity="gamliyel-hembrom"]'
        )
        t.page.wait_for_selector('#review-merge li[data-mention="Gamaliel Hembrom"] .decided')
        # 4. a fact the rules missed: the party of the loser's candidacy is in "of the BJP"
        t.select("Gamaliel Hembrom of the BJP")
        assert t.page.input_value("#review-add input[name=quote]") == "Gamaliel Hembrom of the BJP"
        t.page.fill("#review-add input[name=subject]", "gamliyel-hembrom")
        t.page.fill("#review-add input[name=property]", "kgo:memberOfParty")
        t.page.fill("#review-add input[name=object]", "bharatiya-janata-party")
        t.page.click("#review-add button[type=submit]")
        t.page.wait_for_function(
            "document.querySelectorAll('#review-decisions li[data-id]').length === 4"
        )
        assert t.status() == "Recorded add as 003.yaml#r4; run kg build to apply it."
        listed = t.page.eval_on_selector_all(
            "#review-decisions li", "es => es.map(e => e.dataset.id)"
        )
        assert listed == ["r1", "r2", "r3", "r4"]

    # 5. over HTTP: a fact naming an entity that only the reference data describes
    where = {"subject": "barhait", "property": "kgo:locatedIn", "object": "sahebganj-district"}
    assert (
        post(
            server + "/source/003/reviews",
            where | {"action": "add", "reviewer": "B. Oraon", "quote": "held on to Barhait"},
        )[0]
        == 201
    )
    doc = json.loads(urllib.request.urlopen(server + "/source/003/reviews", timeout=30).read())
    assert [(d["id"], d["action"], d["reviewer"], d["quote"]) for d in doc["decisions"]] == [
        ("r1", "correct", "Asha Rao", "Dumka"),
        ("r2", "reject", "Asha Rao", "39,791"),
        ("r3", "alias", "Asha Rao", "Gamaliel Hembrom"),
        ("r4", "add", "Asha Rao", "Gamaliel Hembrom of the BJP"),
        ("r5", "add", "B. Oraon", "held on to Barhait"),
    ]
    assert {d["status"] for d in doc["decisions"]} == {"recorded; the next build applies it"}

    built = project.kg("build")
    assert built.returncode == 0, built.stderr
    first = (project.root / "build" / "kg.nq").read_bytes()
    ds = Dataset()
    ds.parse(project.root / "build" / "kg.nq", format="nquads")
    g = ds.graph(URIRef(BASE + "graph/source/003"))
    iri = URIRef(BASE + "id/" + HEMANT)
    assert set(g.objects(iri, KGO.constituency)) == {URIRef(BASE + "id/barhait")}
    assert set(g.objects(URIRef(BASE + "id/" + GAMLIYEL), KGO.margin)) == set()
    assert set(g.objects(URIRef(BASE + "id/" + HEMANT), KGO.margin)) == {Literal(39791)}
    assert (
        URIRef(BASE + "id/gamliyel-hembrom"),
        KGO.memberOfParty,
        URIRef(BASE + "id/bharatiya-janata-party"),
    ) in g
    barhait = URIRef(BASE + "id/barhait")
    assert set(g.objects(barhait, KGO.locatedIn)) == {URIRef(BASE + "id/sahebganj-district")}
    assert not any(BASE + "id/gamaliel-hembrom" in str(t) for q in ds.quads() for t in q[:3])
    ents = ds.graph(URIRef(BASE + "graph/entities"))
    assert (
        URIRef(BASE + "id/gamliyel-hembrom"),
        SKOS.altLabel,
        Literal("Gamaliel Hembrom", lang="en"),
    ) in ents
    # the corrected fact keeps its rule and names its reviewer
    (ref,) = g.subjects(KGO.reviewDecision, KGO.Corrected)
    assert g.value(ref, KGO.correctedFrom) == URIRef(BASE + "id/dumka")
    assert g.value(ref, KGO.extractionMethod) == KGO.NewsPatternRules
    assert g.value(g.value(ref, PROV.wasAttributedTo), RDFS.label) == Literal("Asha Rao")
    added = set(g.subjects(KGO.reviewDecision, KGO.AddedByReview))
    assert {g.value(r, KGO.extractionMethod) for r in added} == {KGO.ReviewedClaim}

    report = json.loads((project.root / "build" / "report.json").read_text(encoding="utf-8"))
    (entry,) = [s for s in report["sources"] if s["id"] == "003"]
    assert [(d["id"], d["applied"]) for d in entry["decisions"]] == [
        ("r1", True),
        ("r2", True),
        ("r3", True),
        ("r4", True),
        ("r5", True),
    ]
    assert entry["minted"] == []
    # a second rebuild keeps every decision: the same graph, byte for byte
    again = project.kg("build")
    assert again.returncode == 0, again.stderr
    assert (project.root / "build" / "kg.nq").read_bytes() == first
