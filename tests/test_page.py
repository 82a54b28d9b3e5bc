"""The query page at /: its JSON APIs through Flask's test client, and the page in a real browser.

The browser tests drive Debian's Chromium (``/usr/bin/chromium``) with Playwright for Python against
a real ``kg serve`` process on the session's build (``tests/servers.py`` starts and stops it).
They type with the keyboard, as a person would, and read what the page shows from the DOM.
``scripts/test.sh`` installs both; without them these tests fail rather than skip.
"""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qs, urlparse

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.config import Config
from kg.iris import Names, compact

from .conftest import BASE, ROOT, BrowserTab, app_on_build, browser_tab
from .servers import running_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SWITCHERS = ["/id/champai-soren", "/id/lobin-hembrom", "/id/sita-soren"]
TYPED = "PREFIX kg: <id/> PREFIX kgo: <ontology#> SELECT ?p WHERE { ?e a kgo:PartySwitch ; kgo:person ?p }"


# ---- JSON APIs and the page's HTML, through the test client ------------------------------------


@pytest.fixture(scope="module")
def app(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_on_build(cfg, tmp_path_factory.mktemp("page-state")) as app:
        yield app


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _term(terms: list[dict[str, Any]], curie: str) -> dict[str, Any]:
    found = [t for t in terms if t["curie"] == curie]
    assert len(found) == 1, f"{curie}: {found}"
    return found[0]


def test_vocabulary_has_prefixes_ontology_terms_and_entities(
    client: FlaskClient, app: Flask
) -> None:
    res = client.get("/api/vocabulary")
    assert res.status_code == 200
    assert res.mimetype == "application/json"
    doc = res.get_json()
    assert doc["base"] == BASE
    prefixes = doc["prefixes"]
    assert prefixes["kg"] == BASE + "id/"
    assert prefixes["kgo"] == BASE + "ontology#"
    for name in (
        "schema",
        "rdf",
        "rdfs",
        "owl",
        "xsd",
        "skos",
        "dcterms",
        "org",
        "prov",
        "oa",
        "wd",
    ):
        assert prefixes[name].startswith("http"), name
    terms = doc["terms"]
    cand = _term(terms, "kgo:candidate")
    assert (cand["kind"], cand["label"], cand["iri"]) == (
        "property",
        "candidate",
        BASE + "ontology#candidate",
    )
    assert cand["comment"]
    assert _term(terms, "kgo:candidateIn")["kind"] == "property"
    assert _term(terms, "kgo:Candidacy")["kind"] == "class"
    assert _term(terms, "kgo:Won")["kind"] == "individual"
    assert _term(terms, "schema:spouse")["kind"] == "property"
    # terms the data uses without the ontology declaring them are offered too
    assert _term(terms, "rdf:subject")["kind"] == "property"
    assert _term(terms, "oa:exact")["kind"] == "property"
    kalpana = _term(terms, "kg:kalpana-soren")
    assert (kalpana["kind"], kalpana["label"], kalpana["iri"]) == (
        "entity",
        "Kalpana Soren",
        BASE + "id/kalpana-soren",
    )
    assert "kgo:Politician" in kalpana["types"]
    # an IRI whose local part is not a valid prefixed name is offered in a form a query accepts
    tally = [t for t in terms if "/seat-tally/" in t["iri"]]
    assert tally and all(t["curie"] == "<" + t["iri"][len(BASE) :] + ">" for t in tally)
    assert {g["name"] for g in doc["graphs"]} >= {
        "<graph/entities>",
        "<graph/ontology>",
        "<graph/inferred>",
    }
    # built once per app, not per request
    cached = app.extensions["kg_vocabulary"]
    client.get("/api/vocabulary")
    assert app.extensions["kg_vocabulary"] is cached


def test_examples_are_the_saved_queries(client: FlaskClient) -> None:
    res = client.get("/api/examples")
    assert res.status_code == 200
    examples = res.get_json()["examples"]
    names = [e["name"] for e in examples]
    assert names == sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert [n[:3] for n in names if n.startswith("c")] == [f"c{i:02d}" for i in range(1, 13)]
    for e in examples:
        assert e["title"] and e["description"]
        assert e["name"][0] != "c" or "competency" in e["tags"]
        assert re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", e["query"])
        assert e["form"] == f"/queries/{e['name']}"
    q14 = next(e for e in examples if e["name"] == "q14-candidate-results")
    assert q14["params"] == ["person", "minVotes"]
    c08 = next(e for e in examples if e["name"] == "c08-left-jmm-for-bjp")
    assert c08["title"] == "C8 — Who left the JMM for the BJP?"
    assert c08["query"] == (ROOT / "queries" / "c08-left-jmm-for-bjp.rq").read_text(
        encoding="utf-8"
    )


def test_the_page_is_self_contained_html(client: FlaskClient) -> None:
    res = client.get("/")
    assert res.status_code == 200
    assert res.mimetype == "text/html"
    html = res.get_data(as_text=True)
    assert "SPARQL endpoint" in html and 'href="/sparql"' in html
    assert 'href="/static/query.css"' in html and 'src="/static/query.js"' in html
    assert '<label for="query"' in html and 'id="asserted"' in html
    # nothing from elsewhere: every src/href is local, a fragment or the base IRI shown as text
    for url in re.findall(r'(?:src|href|action)="([^"]*)"', html):
        assert url.startswith(("/", "#")), url
    for path in ("/static/query.js", "/static/query.css", "/static/favicon.svg"):
        assert client.get(path).status_code == 200


def test_compact_names() -> None:
    prefixes = Names(BASE).prefixes()
    assert compact(BASE + "id/gandey", prefixes, BASE) == "kg:gandey"
    assert compact(BASE + "ontology#candidateIn", prefixes, BASE) == "kgo:candidateIn"
    assert compact("http://www.w3.org/2001/XMLSchema#integer", prefixes, BASE) == "xsd:integer"
    assert compact(BASE + "id/phase/election/x/1", prefixes, BASE) == "<id/phase/election/x/1>"
    assert compact(BASE + "statement/ab12", prefixes, BASE) == "<statement/ab12>"
    assert compact("http://example.org/a b", prefixes, BASE) == "<http://example.org/a b>"
    assert compact(BASE + "id/ends-with-dot.", prefixes, BASE) == "<id/ends-with-dot.>"


# ---- the page in Chromium, against a real server ---------------------------------------------


@pytest.fixture(scope="module")
def server(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``kg serve`` process on 127.0.0.1 and a free port, stopped whatever the tests do."""
    with running_server(cfg.out_dir, tmp_path_factory.mktemp("page") / "state") as url:
        yield url


class Tab(BrowserTab):
    """The query page in a browser tab."""

    page: Page

    def open(self, query: str = "") -> None:
        self.page.goto(self.base + "/" + query)
        self.page.wait_for_selector("button.example")  # the examples have loaded

    def editor_text(self) -> str:
        return str(self.page.input_value("#query"))

    def type_query(self, text: str) -> None:
        """Clear the editor and type ``text`` key by key."""
        self.page.click("#query")
        self.page.keyboard.press("Control+a")
        self.page.keyboard.press("Delete")
        self.page.keyboard.type(text)

    def run(self, action: Callable[[], object]) -> None:
        """Do ``action`` (which runs a query) and wait until the page has shown the answer."""
        is_query = lambda r: urlparse(r.url).path == "/sparql" and r.request.method == "POST"  # noqa: E731
        with self.page.expect_response(is_query):
            action()
        self.page.wait_for_function("!document.body.hasAttribute('aria-busy')")

    def rows(self) -> list[list[str]]:
        cells: list[list[str]] = self.page.eval_on_selector_all(
            "#output tbody tr",
            "trs => trs.map(tr => [...tr.cells].slice(1).map(td => td.querySelector('.literal, a')?.textContent ?? ''))",
        )
        return cells

    def links(self) -> list[str]:
        hrefs: list[str] = self.page.eval_on_selector_all(
            "#output tbody a", "as => as.map(a => a.getAttribute('href'))"
        )
        return hrefs

    def url_query(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.page.url).query)


@pytest.fixture()
def tab(browser: Browser, server: str) -> Iterator[Tab]:
    with browser_tab(browser, server, Tab) as t:
        yield t


def test_a_typed_query_runs_with_ctrl_enter(tab: Tab) -> None:
    tab.open()
    tab.type_query(TYPED)
    assert tab.editor_text() == TYPED
    tab.run(lambda: tab.page.keyboard.press("Control+Enter"))
    assert not tab.page.is_visible("#error")
    assert len(tab.rows()) == 3
    assert sorted(tab.links()) == SWITCHERS
    # IRIs are shown as CURIEs; the status gives the count and the time
    assert sorted(r[0] for r in tab.rows()) == [
        "kg:champai-soren",
        "kg:lobin-hembrom",
        "kg:sita-soren",
    ]
    assert re.fullmatch(r"3 rows · \d+ ms", tab.page.inner_text("#status"))
    assert tab.url_query()["query"] == [TYPED]
    # a download link for every results format, each a GET of the same query
    links = tab.page.eval_on_selector_all("#downloads a", "as => as.map(a => a.href)")
    formats = [parse_qs(urlparse(h).query)["format"][0] for h in links]
    assert formats == ["json", "xml", "csv", "tsv"]
    assert all(parse_qs(urlparse(h).query)["query"] == [TYPED] for h in links)
    with urllib.request.urlopen(links[2], timeout=10) as res:
        csv = res.read().decode()
    assert sorted(csv.split()[1:]) == [BASE + s[1:] for s in SWITCHERS]


def test_an_example_runs_and_its_url_reproduces_it(tab: Tab) -> None:
    tab.open()
    tab.run(lambda: tab.page.click('button.example[data-name="c08-left-jmm-for-bjp"]'))
    tab.run(lambda: tab.page.click("#run"))
    expected = [["Champai Soren"], ["Lobin Hembrom"], ["Sita Soren"]]
    assert tab.rows() == expected
    text = (ROOT / "queries" / "c08-left-jmm-for-bjp.rq").read_text(encoding="utf-8")
    assert tab.editor_text() == text
    assert "?query=" in tab.page.url
    assert tab.url_query()["query"] == [text]
    tab.run(lambda: tab.page.reload())
    assert tab.editor_text() == text
    assert tab.rows() == expected


def test_completion_offers_ontology_terms_and_entities(tab: Tab) -> None:
    tab.open()
    tab.type_query("PREFIX kgo: <ontology#>\nSELECT * WHERE {\n?c kgo:cand")
    tab.page.wait_for_selector("#completion-list [role=option]")
    offered = tab.page.eval_on_selector_all(
        "#completion-list .cmp-main", "els => els.map(e => e.textContent)"
    )
    assert {"kgo:candidate", "kgo:candidateIn"} <= set(offered)
    tab.page.click('#completion-list [role=option][data-insert="kgo:candidateIn"]')
    assert tab.page.is_hidden("#completion")
    assert tab.editor_text().endswith("?c kgo:candidateIn")
    # keyboard: the entity, accepted with Enter; its prefix is declared for us
    tab.page.keyboard.type(" kg:kalpana-s")
    tab.page.wait_for_selector(
        '#completion-list [role=option][aria-selected=true][data-insert="kg:kalpana-soren"]'
    )
    tab.page.keyboard.press("Enter")
    text = tab.editor_text()
    assert text.endswith("?c kgo:candidateIn kg:kalpana-soren")
    assert "PREFIX kg: <id/>" in text
    # PREFIX declarations complete with the namespace
    tab.page.keyboard.press("Control+Home")
    tab.page.keyboard.type("PREFIX sch")
    tab.page.wait_for_selector(
        '#completion-list [role=option][data-insert="schema: <http://schema.org/>"]'
    )
    tab.page.keyboard.press("Tab")
    assert tab.editor_text().startswith("PREFIX schema: <http://schema.org/>PREFIX kgo:")


def test_the_editor_highlights_sparql(tab: Tab) -> None:
    tab.open()
    tab.type_query('# who\nSELECT ?x WHERE { ?x rdfs:label "Gandey"@en ; <id/p> 42 }')
    spans = tab.page.eval_on_selector_all(
        "#highlight span", "els => els.map(e => [e.className, e.textContent])"
    )
    assert ["tok-kw", "SELECT"] in spans
    assert ["tok-kw", "WHERE"] in spans
    assert ["tok-var", "?x"] in spans
    assert ["tok-cmt", "# who"] in spans
    assert ["tok-pname", "rdfs:label"] in spans
    assert ["tok-str", '"Gandey"'] in spans
    assert ["tok-lang", "@en"] in spans
    assert ["tok-iri", "<id/p>"] in spans
    assert ["tok-num", "42"] in spans
    # the highlighted layer says exactly what the textarea holds
    assert tab.page.inner_text("#highlight").rstrip("\n") == tab.editor_text()


def test_a_syntax_error_is_shown(tab: Tab) -> None:
    tab.open()
    tab.type_query("SELEC ?x")
    tab.run(lambda: tab.page.keyboard.press("Control+Enter"))
    assert tab.page.is_visible("#error")
    assert "SPARQL syntax error" in tab.page.inner_text("#error")
    assert "Failed" in tab.page.inner_text("#status")
    assert tab.page.query_selector("#highlight .tok-errpos") is not None
    assert tab.page.is_hidden("#downloads")


def test_asserted_facts_only(tab: Tab) -> None:
    query = "PREFIX kgo: <ontology#> SELECT ?x ?y WHERE { ?x kgo:childInLaw ?y }"
    tab.open()
    tab.type_query(query)
    tab.run(lambda: tab.page.keyboard.press("Control+Enter"))
    assert len(tab.rows()) == 2  # both inferred
    tab.run(lambda: tab.page.check("#asserted"))  # ticking it runs the query again
    assert tab.rows() == []
    assert tab.url_query()["inference"] == ["false"]
    links = tab.page.eval_on_selector_all("#downloads a", "as => as.map(a => a.href)")
    assert all(parse_qs(urlparse(h).query)["inference"] == ["false"] for h in links)
    tab.run(lambda: tab.page.reload())
    assert tab.page.is_checked("#asserted")
    assert tab.rows() == []


def test_copy_link_copies_the_query_url(tab: Tab) -> None:
    tab.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=tab.base)
    tab.open()
    tab.type_query("ASK { ?s ?p ?o }")
    tab.page.click("#copy-link")
    tab.page.wait_for_function("document.getElementById('note').textContent !== ''")
    copied = tab.page.evaluate("navigator.clipboard.readText()")
    assert parse_qs(urlparse(copied).query)["query"] == ["ASK { ?s ?p ?o }"]
    assert copied == tab.page.url
    tab.run(lambda: tab.page.keyboard.press("Control+Enter"))
    assert tab.page.inner_text("#output") == "Answer: true"


def test_construct_results_are_shown_as_turtle(tab: Tab) -> None:
    tab.open()
    tab.type_query("PREFIX kg: <id/> DESCRIBE kg:gandey")
    tab.run(lambda: tab.page.keyboard.press("Control+Enter"))
    assert "Gandey" in tab.page.inner_text("#output pre.rdf")
    formats = tab.page.eval_on_selector_all("#downloads a", "as => as.map(a => a.dataset.format)")
    assert formats == ["turtle", "ntriples", "jsonld", "rdfxml", "trig", "nquads"]


def test_the_page_loads_nothing_from_elsewhere(tab: Tab, tmp_path: Path) -> None:
    tab.open()
    tab.run(lambda: tab.page.click('button.example[data-name="c04-election-results"]'))
    tab.type_query("PREFIX kgo: <ontology#> SELECT * WHERE { ?c kgo:cand")
    tab.page.wait_for_selector("#completion-list [role=option]")
    tab.page.keyboard.press("Escape")
    tab.run(lambda: tab.page.click('button.example[data-name="c04-election-results"]'))
    assert len(tab.rows()) >= 3
    assert tab.requests
    for url in tab.requests:
        parts = urlparse(url)
        assert parts.scheme == "data" or parts.hostname == "127.0.0.1", url
    # no horizontal scrolling at 1280 px
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= 1280
    shot = tmp_path / "query-page.png"
    tab.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_a_result_links_to_an_entity_page_with_the_facts_and_their_quotes(tab: Tab) -> None:
    """Issue 4's walk: from the query page, a result's link opens the entity's page, which shows
    each fact with the quoted evidence, and an inferred fact leads to its explanation."""
    tab.open()
    tab.run(lambda: tab.page.click('button.example[data-name="c01-father-in-law"]'))
    with tab.page.expect_navigation():
        tab.page.click('table a[href="/id/shibu-soren"]')
    assert tab.page.url.endswith("/id/shibu-soren")
    assert tab.page.inner_text("h1").startswith("Shibu Soren")
    # his former chief-ministership, with the article's words
    marks = tab.page.locator("mark").all_inner_texts()
    assert "former Chief Minister Shibu Soren" in marks
    tab.page.goto(tab.page.url.replace("/id/shibu-soren", "/id/kalpana-soren"))
    with tab.page.expect_navigation():
        tab.page.locator("a", has_text="why?").first.click()
    assert "/explain?" in tab.page.url
    assert "Hemant Soren, son of former Chief Minister Shibu Soren" in tab.page.content()


def test_a_saved_query_from_the_page_with_a_parameter_a_share_link_and_csv(
    tab: Tab, tmp_path: Path
) -> None:
    """The issue's walk-through: find a saved query on the query page, change a parameter, get a
    shareable link, download CSV."""
    tab.open()
    with tab.page.expect_navigation():
        tab.page.click('li:has(button.example[data-name="q14-candidate-results"]) a.ex-form')
    assert urlparse(tab.page.url).path == "/queries/q14-candidate-results"
    assert tab.page.input_value("#p-person") == "id/kalpana-soren"
    first = tab.page.eval_on_selector_all(".results-table tbody tr", "trs => trs.length")
    assert first == 2  # Gandey 2024 general election and the 2024 by-election
    tab.page.fill("#p-person", "id/hemant-soren")
    with tab.page.expect_navigation():
        tab.page.click("#run")
    cells = tab.page.eval_on_selector_all(
        ".results-table tbody tr", "trs => trs.map(tr => [...tr.cells].map(td => td.textContent))"
    )
    assert [(r[3], r[5], r[8]) for r in cells] == [("Barhait", "95612", "001")]
    share = tab.page.get_attribute("#share", "href")
    assert share == "/queries/q14-candidate-results?person=id%2Fhemant-soren&minVotes=0"
    # the link reproduces the run in a fresh page
    other = tab.page.context.new_page()
    other.goto(tab.base + share)
    assert other.input_value("#p-person") == "id/hemant-soren"
    assert other.eval_on_selector_all(".results-table tbody tr", "trs => trs.length") == 1
    other.close()
    with tab.page.expect_download() as dl:
        tab.page.click('a.download[data-format="csv"]')
    path = tmp_path / "results.csv"
    dl.value.save_as(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("_person_iri,_minVotes_integer,election,constituency")
    assert lines[1].startswith(
        "http://localhost:5000/id/hemant-soren,0,2024 Jharkhand Legislative Assembly election,Barhait,"
    )
    assert len(lines) == 2
    permalink = tab.page.get_attribute("#permalink", "href")
    tab.page.goto(tab.base + cast(str, permalink))
    assert "the same result on the data served now" in tab.page.inner_text("#verdict")
