"""Find an entity by name: ``/search?q=`` as JSON and as a results page, and the search box on
every page, typed into in headless Chromium against a real ``kg serve`` process.

The JSON tests run twice, through Flask's test client and over real HTTP (``tests/servers.py``).
The expected values are the seed articles' entities (``data/entities.yaml``): Kalpana Soren,
who is also "Kalpana"; the Jharkhand Mukti Morcha, also "JMM"; Gandey; the six Sorens.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlparse

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import validate

from kg.config import Config
from kg.query.search import normalise

from .conftest import BASE, BrowserTab, app_on_build, browser_tab
from .servers import HttpClient, pick_client, running_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

KALPANA = {
    "iri": BASE + "id/kalpana-soren",
    "label": "Kalpana Soren",
    "type": "kgo:Politician",
    "page": "/id/kalpana-soren",
    "matched": "Kalpana",
    "match": "exact",
}
JMM = {
    "iri": BASE + "id/jharkhand-mukti-morcha",
    "label": "Jharkhand Mukti Morcha",
    "type": "kgo:PoliticalParty",
    "page": "/id/jharkhand-mukti-morcha",
    "matched": "JMM",
    "match": "exact",
}
SORENS = [
    "Champai Soren",
    "Hemant Soren",
    "Kalpana Soren",
    "Nalin Soren",
    "Shibu Soren",
    "Sita Soren",
]
JSON = {"Accept": "application/json"}
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture(scope="module")
def app(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_on_build(cfg, tmp_path_factory.mktemp("search-state")) as app:
        yield app


@pytest.fixture(scope="module")
def real_server(
    cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One ``kg serve`` process for the module: the HTTP runs and the browser tests share it."""
    with running_server(cfg.out_dir, tmp_path_factory.mktemp("search-http") / "state") as url:
        yield url


@pytest.fixture(params=["test-client", "real-http"])
def client(request: pytest.FixtureRequest) -> FlaskClient | HttpClient:
    return pick_client(request)  # type: ignore[return-value]


def found(client: FlaskClient | HttpClient, q: str, **params: str) -> list[dict[str, Any]]:
    res = client.get("/search", query_string={"q": q, **params}, headers=JSON)
    assert res.status_code == 200, res.get_data(as_text=True)
    assert res.mimetype == "application/json"
    doc: list[dict[str, Any]] = res.get_json()
    return doc


# ---- /search as JSON ---------------------------------------------------------------------------


def test_kalpana_is_found_first_with_her_page(client: FlaskClient | HttpClient) -> None:
    assert found(client, "kalpana") == [KALPANA]
    page = client.get(KALPANA["page"], headers=HTML)
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert "<title>Kalpana Soren ·" in page.get_data(as_text=True)


def test_the_party_is_found_by_its_alias(client: FlaskClient | HttpClient) -> None:
    assert found(client, "JMM") == [JMM]
    assert found(client, "jmm") == [JMM]
    by_label = found(client, "mukti morcha")
    assert by_label == [{**JMM, "matched": "Jharkhand Mukti Morcha", "match": "substring"}]


def test_soren_finds_every_soren_in_label_order(client: FlaskClient | HttpClient) -> None:
    sorens = found(client, "soren")
    assert [m["label"] for m in sorens] == SORENS
    assert {(m["type"], m["match"]) for m in sorens} == {("kgo:Politician", "substring")}
    assert [m["page"] for m in sorens][:2] == ["/id/champai-soren", "/id/hemant-soren"]
    assert [m["label"] for m in found(client, "soren", limit="2")] == SORENS[:2]


def test_exact_matches_come_first_then_prefixes_then_substrings(
    client: FlaskClient | HttpClient,
) -> None:
    assert [(m["label"], m["matched"], m["match"]) for m in found(client, "Gandey")] == [
        ("Gandey", "Gandey", "exact"),
        ("2024 Gandey by-election", "Gandey constituency bypoll", "prefix"),
    ]
    assert [(m["label"], m["match"]) for m in found(client, "jharkhand")] == [
        ("Jharkhand", "exact"),
        (
            "2024 Jharkhand Legislative Assembly election",
            "prefix",
        ),  # "Jharkhand Assembly elections"
        ("Chief Minister of Jharkhand", "prefix"),  # "Jharkhand Chief Minister"
        ("Jharkhand Legislative Assembly", "prefix"),
        ("Jharkhand Mukti Morcha", "prefix"),
        ("All Jharkhand Students Union", "substring"),
        ("Member of the Jharkhand Legislative Assembly", "substring"),
    ]


def test_case_accents_and_spaces_do_not_matter(client: FlaskClient | HttpClient) -> None:
    for q in ("KALPANA", "Kálpana", "  kalpana  ", "KALPANA"):
        assert found(client, q) == [KALPANA], q
    assert [m["label"] for m in found(client, "SŌRĒN")] == SORENS
    assert found(client, "Kalpana   Soren")[0]["matched"] == "Kalpana Soren"
    assert normalise("  Śibu \t SÒREN ") == "sibu soren"


def test_text_that_looks_like_sparql_is_only_text(client: FlaskClient | HttpClient) -> None:
    for q in (
        '"} } DELETE WHERE { ?s ?p ?o } #',
        "?s",
        "<id/kalpana-soren>",
        "nobody-by-this-name",
    ):
        assert found(client, q) == [], q
    assert found(client, "kalpana") == [KALPANA]  # the data is untouched


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({}, "missing parameter q: give the name to look for, as /search?q=kalpana"),
        ({"q": ""}, "parameter q is empty: give the name to look for"),
        ({"q": "   "}, "parameter q is empty: give the name to look for"),
        ({"q": "k" * 201}, "parameter q is 201 characters long; the limit is 200"),
        (
            {"q": "soren", "limit": "0"},
            "parameter limit must be a whole number from 1 to 50, not '0'",
        ),
        (
            {"q": "soren", "limit": "51"},
            "parameter limit must be a whole number from 1 to 50, not '51'",
        ),
        (
            {"q": "soren", "limit": "-3"},
            "parameter limit must be a whole number from 1 to 50, not '-3'",
        ),
        (
            {"q": "soren", "limit": "2.5"},
            "parameter limit must be a whole number from 1 to 50, not '2.5'",
        ),
        ({"q": "soren", "format": "xml"}, "parameter format must be json or html, not 'xml'"),
    ],
)
def test_bad_input_gets_a_400_naming_the_problem(
    client: FlaskClient | HttpClient, query: dict[str, str], message: str
) -> None:
    res = client.get("/search", query_string=query)
    assert res.status_code == 400
    assert res.mimetype == "application/json"
    assert res.get_json() == {"error": message}


def test_200_characters_and_50_matches_are_allowed(client: FlaskClient | HttpClient) -> None:
    assert found(client, "k" * 200) == []
    assert [m["label"] for m in found(client, "soren", limit="50")] == SORENS


# ---- content negotiation and the results page -------------------------------------------------


def test_json_or_html_by_accept_and_format(client: FlaskClient) -> None:
    for headers in ({}, {"Accept": "*/*"}, JSON):
        res = client.get("/search", query_string={"q": "jmm"}, headers=headers)
        assert (res.status_code, res.mimetype, res.get_json()) == (200, "application/json", [JMM])
        assert res.headers["Vary"] == "Accept"
    as_json = client.get("/search", query_string={"q": "jmm", "format": "json"}, headers=HTML)
    assert (as_json.mimetype, as_json.get_json()) == ("application/json", [JMM])
    page = client.get("/search", query_string={"q": "soren"}, headers=HTML)
    assert (page.status_code, page.mimetype) == (200, "text/html")
    assert client.get("/search", query_string={"q": "soren", "format": "html"}).mimetype == (
        "text/html"
    )
    body = str(page.get_data(as_text=True))
    assert '<p id="search-summary">6 entities for “soren”</p>' in body
    links = re.findall(r'<li><a href="(/id/[^"]+)">([^<]+)</a>', body)
    assert [label for _, label in links] == SORENS
    assert links[0][0] == "/id/champai-soren"
    assert 'value="soren"' in body  # the box holds what was asked


def test_the_results_page_shows_the_alias_and_a_refusal(client: FlaskClient | HttpClient) -> None:
    body = str(
        client.get("/search", query_string={"q": "JMM"}, headers=HTML).get_data(as_text=True)
    )
    assert '<a href="/id/jharkhand-mukti-morcha">Jharkhand Mukti Morcha</a>' in body
    assert "kgo:PoliticalParty · as “JMM”" in body
    none = str(
        client.get("/search", query_string={"q": "nobody"}, headers=HTML).get_data(as_text=True)
    )
    assert "No entity has a name containing “nobody”." in none
    bad = client.get("/search", query_string={"q": " "}, headers=HTML)
    assert (bad.status_code, bad.mimetype) == (400, "text/html")
    assert "parameter q is empty: give the name to look for" in str(bad.get_data(as_text=True))
    script = client.get("/search", query_string={"q": "<script>alert(1)</script>"}, headers=HTML)
    text = str(script.get_data(as_text=True))
    assert (
        "<script>alert(1)</script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    )


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/id/kalpana-soren",
        "/source/",
        "/source/000",
        "/ontology",
        "/queries",
        "/notebooks",
        "/export/",
        "/search?q=soren",
    ],
)
def test_every_page_has_the_search_box(client: FlaskClient | HttpClient, path: str) -> None:
    res = client.get(path, headers=HTML)
    assert (res.status_code, res.mimetype) == (200, "text/html")
    body = str(res.get_data(as_text=True))
    assert body.count('<form class="kg-search" role="search" action="/search" method="get"') == 1
    assert (
        'role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="kg-search-list"'
        in body
    )
    assert '<ul id="kg-search-list" class="kg-search-list" role="listbox"' in body
    assert '<script type="module" src="/static/search.js"></script>' in body


def test_the_openapi_document_describes_search(client: FlaskClient | HttpClient) -> None:
    doc = client.get("/openapi.json").get_json()
    validate(doc)
    op = doc["paths"]["/search"]["get"]
    assert [p["name"] for p in op["parameters"]] == ["q", "limit", "format"]
    assert op["parameters"][1]["schema"]["maximum"] == 50
    assert set(op["responses"]) == {"200", "400"}


def test_the_index_is_built_once_per_build(app: Flask) -> None:
    c = app.test_client()
    c.get("/search?q=kalpana")
    index = app.extensions["kg_search_index"]
    c.get("/search?q=soren")
    assert app.extensions["kg_search_index"] is index
    wb = app.extensions["kg_workbench"]
    try:  # another build under the app (a restart on a rebuilt dump) gets an index of its own
        app.extensions["kg_workbench"] = dataclasses.replace(wb, build_id="sha256:other")
        assert c.get("/search?q=kalpana").get_json() == [KALPANA]
        assert app.extensions["kg_search_index"].build_id == "sha256:other"
    finally:
        app.extensions["kg_workbench"] = wb


# ---- the box in Chromium -----------------------------------------------------------------------


class Tab(BrowserTab):
    page: Page

    def type(self, text: str) -> None:
        self.page.click("#kg-search-q")
        self.page.keyboard.type(text, delay=25)
        self.page.wait_for_selector("#kg-search-list:not([hidden])")

    def suggestions(self) -> list[str]:
        texts: list[str] = self.page.eval_on_selector_all(
            "#kg-search-list [role=option] .kg-search-label-text",
            "es => es.map(e => e.textContent)",
        )
        return texts

    def attr(self, name: str) -> str | None:
        value: str | None = self.page.get_attribute("#kg-search-q", name)
        return value

    def searches(self) -> list[str]:
        return [
            parse_qs(urlparse(u).query)["q"][0]
            for u in self.requests
            if urlparse(u).path == "/search"
        ]


@pytest.fixture()
def tab(browser: Browser, real_server: str) -> Iterator[Tab]:
    with browser_tab(browser, real_server, Tab) as t:
        yield t
    for url in t.requests:
        assert urlparse(url).hostname == "127.0.0.1", url


def test_typing_shows_suggestions_and_enter_opens_the_entity_page(tab: Tab) -> None:
    tab.page.goto(tab.base + "/id/gandey")
    tab.type("kalp")
    assert tab.suggestions() == ["Kalpana Soren"]
    # the label and the alias "Kalpana" both start with "kalp": the label is what matched
    assert tab.page.inner_text("#kg-search-list [role=option] .kg-search-meta") == "kgo:Politician"
    assert tab.attr("aria-expanded") == "true"
    assert tab.attr("aria-activedescendant") is None
    tab.page.keyboard.press("ArrowDown")
    assert tab.attr("aria-activedescendant") == "kg-search-list-opt-0"
    assert tab.page.get_attribute("#kg-search-list-opt-0", "aria-selected") == "true"
    assert tab.page.evaluate("document.activeElement.id") == "kg-search-q"
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert urlparse(tab.page.url).path == "/id/kalpana-soren"
    assert tab.page.inner_text("h1").startswith("Kalpana Soren")
    # a pause after the last key, not a request for every key
    assert tab.searches() == ["kalp"]


def test_arrows_wrap_escape_closes_and_enter_alone_opens_the_results(tab: Tab) -> None:
    tab.page.goto(tab.base + "/")
    tab.type("soren")
    assert tab.suggestions() == SORENS
    tab.page.keyboard.press("ArrowUp")  # from the box, Up chooses the last one
    assert tab.attr("aria-activedescendant") == "kg-search-list-opt-5"
    tab.page.keyboard.press("ArrowDown")
    assert tab.attr("aria-activedescendant") == "kg-search-list-opt-0"
    tab.page.keyboard.press("Escape")
    assert tab.page.is_hidden("#kg-search-list")
    assert (tab.attr("aria-expanded"), tab.attr("aria-activedescendant")) == ("false", None)
    assert tab.page.input_value("#kg-search-q") == "soren"  # Escape closed the list, kept the text
    tab.page.keyboard.press("ArrowDown")  # opens it again
    tab.page.wait_for_selector("#kg-search-list:not([hidden]) [role=option]")
    assert tab.suggestions() == SORENS
    tab.page.keyboard.press("Escape")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert urlparse(tab.page.url).path == "/search"
    assert parse_qs(urlparse(tab.page.url).query)["q"] == ["soren"]
    assert (
        tab.page.eval_on_selector_all("#search-results a", "as => as.map(a => a.textContent)")
        == SORENS
    )


def test_a_click_on_a_suggestion_opens_its_page_and_no_match_says_so(tab: Tab) -> None:
    tab.page.goto(tab.base + "/source/000")
    tab.type("zzzz")
    assert tab.suggestions() == []
    assert tab.page.inner_text("#kg-search-list") == "No entity has that name"
    tab.page.fill("#kg-search-q", "")
    tab.page.wait_for_selector("#kg-search-list", state="hidden")
    tab.type("JMM")
    assert tab.suggestions() == ["Jharkhand Mukti Morcha"]
    assert tab.page.inner_text("#kg-search-list .kg-search-meta") == "kgo:PoliticalParty · as “JMM”"
    assert tab.page.get_attribute("#kg-search-list a", "href") == "/id/jharkhand-mukti-morcha"
    with tab.page.expect_navigation():
        tab.page.click("#kg-search-list [role=option]")
    assert urlparse(tab.page.url).path == "/id/jharkhand-mukti-morcha"


def test_links_are_made_only_to_local_pages_and_http_urls(tab: Tab) -> None:
    tab.page.goto(tab.base + "/")
    hrefs = tab.page.evaluate(
        """async () => {
          const { safeHref } = await import('/static/search.js');
          return ['/id/x', 'https://example.org/a', 'http://example.org/b', 'javascript:alert(1)',
                  '//evil.example/', '/\\\\evil.example/', 'data:text/html,x', '', null]
            .map(safeHref);
        }"""
    )
    assert hrefs == [
        "/id/x",
        "https://example.org/a",
        "http://example.org/b",
        None,
        None,
        None,
        None,
        None,
        None,
    ]


def test_without_script_the_form_opens_the_results_page(browser: Browser, real_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(real_server + "/ontology")
        page.fill("#kg-search-q", "jmm")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert urlparse(page.url).path == "/search"
        assert page.inner_text("#search-summary") == "1 entity for “jmm”"
        assert page.get_attribute("#search-results a", "href") == "/id/jharkhand-mukti-morcha"
    finally:
        context.close()
