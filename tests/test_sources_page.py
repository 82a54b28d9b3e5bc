"""Source pages: /source/ lists the articles, /source/<id> shows one with every passage highlighted."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.config import Config
from kg.query.store import Store
from kg.web.views.sources import Span, highlight

from .conftest import PREFIXES, app_on_build


@pytest.fixture(scope="module")
def app(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_on_build(cfg, tmp_path_factory.mktemp("sources-state")) as app:
        yield app


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


class Pieces(HTMLParser):
    """Reads the article element: the text each passage's pieces cover, the anchor ids, the
    nesting depth, and the text outside any tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[dict[str, str | None]] = []
        self.covered: dict[str, str] = {}
        self.anchors: list[str] = []
        self.pieces: dict[str, int] = {}
        self.depth = 0
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "mark"
        a = dict(attrs)
        assert "ev" in (a.get("class") or "").split()
        span = a["data-span"]
        assert span is not None
        self.open.append(a)
        self.depth = max(self.depth, len(self.open))
        self.pieces[span] = self.pieces.get(span, 0) + 1
        if a.get("id"):
            assert a["id"] == span
            self.anchors.append(span)
        else:
            assert "cont" in (a.get("class") or "").split()
            assert span in self.anchors, "a continuation piece comes after the anchored first one"

    def handle_endtag(self, tag: str) -> None:
        assert tag == "mark"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        for span in {a["data-span"] for a in self.open}:
            assert span is not None
            self.covered[span] = self.covered.get(span, "") + data


def _article(page: str) -> str:
    m = re.search(r'<div class="article" id="text"[^>]*>(.*?)</div>', page, re.S)
    assert m is not None
    return m.group(1)


def _read(body: str) -> Pieces:
    p = Pieces()
    p.feed(body)
    p.close()
    assert p.open == []
    return p


def _offsets(span_id: str) -> tuple[int, int]:
    start, end = span_id[1:].split("-")
    return int(start), int(end)


def _reference_spans(store: Store, sid: str) -> set[tuple[int, int]]:
    rows = store.query(
        PREFIXES
        + f"""SELECT DISTINCT ?start ?end WHERE {{ ?st prov:wasDerivedFrom ?ref .
          ?ref kgo:statedIn/kgo:sourceId "{sid}" ; oa:hasSelector ?pos .
          ?pos oa:start ?start ; oa:end ?end }}"""
    ).values()
    return {(int(r["start"] or 0), int(r["end"] or 0)) for r in rows}


# ---- highlight(), on its own ----------------------------------------------------------------------


def test_highlight_nests_crossing_spans_and_keeps_the_text() -> None:
    text = 'a <b> & c\'s "d" e\nf'
    spans = [
        Span(0, 9),  # "a <b> & c"
        Span(2, 5),  # "<b>" inside it
        Span(4, 14),  # crosses the end of the first
        Span(4, 6),  # starts with the crossing one, ends first
        Span(9, 9),  # empty
        Span(10, len(text)),  # runs to the end
        Span(3, 99),  # beyond the text: left out
    ]
    body = str(highlight(text, spans))
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == text
    pieces = _read(body)
    assert pieces.text == text
    assert sorted(pieces.anchors) == sorted(s.id for s in spans if s.end <= len(text))
    for s in spans[:-1]:
        assert pieces.covered.get(s.id, "") == text[s.start : s.end], s.id
    assert pieces.pieces["c4-14"] == 3  # cut where c2-5 and c0-9 end, reopened after each
    assert 'class="ev cont" data-span="c4-14"' in body
    assert "&lt;" in body and "&gt;" in body and "&amp;" in body and "<b>" not in body


def test_highlight_without_spans_is_the_escaped_text() -> None:
    assert str(highlight("x < y", [])) == "x &lt; y"


# ---- /source/ ---------------------------------------------------------------------------------------


def test_source_list(client: FlaskClient) -> None:
    res = client.get("/source/")
    assert res.status_code == 200 and res.mimetype == "text/html"
    page = res.get_data(as_text=True)
    rows = re.findall(r"<tr><td><a href=\"/source/(\d+)\">\1</a></td>(.*?)</tr>", page)
    assert [sid for sid, _ in rows] == ["000", "001", "002"]
    cells = {sid: re.findall(r"<td[^>]*>(.*?)</td>", rest) for sid, rest in rows}
    assert cells["000"][1:5] == ["encyclopedia", "—", "2026-11-22", "—"]
    assert ">Kalpana Soren</a>" in cells["000"][0]
    assert cells["001"][1:3] == ["news", "2024-11-23"]
    assert cells["002"][1] == "news" and cells["002"][4] == "Outlook India"
    assert "Jharkhand Elections 2024: Hemant And Kalpana Soren Emerge Victorious" in cells["002"][0]
    assert client.get("/source").status_code == 308


@pytest.mark.parametrize("sid", ["999", "abc", "00"])
def test_unknown_source_is_404(client: FlaskClient, sid: str) -> None:
    res = client.get(f"/source/{sid}")
    assert res.status_code == 404
    assert f"no source '{sid}'" in res.get_data(as_text=True)


# ---- /source/<id> ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sid", ["000", "001", "002"])
def test_every_reference_span_is_a_highlighted_anchor(
    client: FlaskClient, store: Store, sources: dict[str, Any], sid: str
) -> None:
    res = client.get(f"/source/{sid}")
    assert res.status_code == 200
    page = res.get_data(as_text=True)
    body = _article(page)
    text = sources[sid].text
    # the text between the tags is the article, character for character
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == text
    pieces = _read(body)
    assert pieces.text == text
    expected = _reference_spans(store, sid)
    assert len(expected) > 30
    assert {_offsets(a) for a in pieces.anchors} == expected
    assert len(pieces.anchors) == len(set(pieces.anchors))  # each anchor id once
    for start, end in expected:
        assert f'<mark class="ev" id="c{start}-{end}" data-span="c{start}-{end}"' in body
        assert pieces.covered[f"c{start}-{end}"] == text[start:end]
        # and the panel entry for it
        assert f'<li class="fact" id="f{start}-{end}" data-span="c{start}-{end}">' in page


def test_overlapping_spans_of_001(
    client: FlaskClient, store: Store, sources: dict[str, Any]
) -> None:
    spans = sorted(_reference_spans(store, "001"))
    crossing = [(a, b) for a in spans for b in spans if a[0] < b[0] < a[1] < b[1]]
    nested = [(a, b) for a in spans for b in spans if a != b and a[0] <= b[0] and b[1] <= a[1]]
    assert crossing and nested  # the article has both kinds
    body = _article(client.get("/source/001").get_data(as_text=True))
    pieces = _read(body)
    text = sources["001"].text
    assert pieces.depth >= 3
    for _a, (start, end) in crossing:
        # a passage that crosses the end of another is cut there and goes on in a second piece
        assert pieces.pieces[f"c{start}-{end}"] >= 2
        assert pieces.covered[f"c{start}-{end}"] == text[start:end]
    # 27-54 "Chief Minister Hemant Soren" crosses 42-188 "Hemant Soren and his wife, ..."
    assert ((27, 54), (42, 188)) in crossing
    assert pieces.covered["c27-54"] == "Chief Minister Hemant Soren"
    assert pieces.covered["c42-188"].startswith("Hemant Soren and his wife, Kalpana Soren, have")


def _fact(page: str, span_id: str) -> str:
    m = re.search(rf'<li class="fact" id="f{span_id[1:]}".*?</li>\s*</ul>', page, re.S)
    assert m is not None, span_id
    return m.group(0)


def test_passages_list_their_statements_with_links(client: FlaskClient) -> None:
    page = client.get("/source/001").get_data(as_text=True)
    fact = _fact(page, "c59-82")
    assert "<q>his wife, Kalpana Soren</q>" in fact
    assert (
        '<a class="iri" href="/id/hemant-soren" title="Hemant Soren — http://localhost:5000/id/hemant-soren">'
        "kg:hemant-soren</a>" in fact
    )
    assert re.search(r'<span class="iri" title="spouse — [^"]*">schema:spouse</span>', fact)
    assert 'href="/id/kalpana-soren"' in fact
    # the hover text of the passage names the statements it supports
    anchor = re.search(r'<mark class="ev" id="c59-82" data-span="c59-82" title="([^"]*)">', page)
    assert anchor is not None
    assert "Hemant Soren · spouse · Kalpana Soren" in html.unescape(anchor.group(1)).splitlines()
    # literal objects are spelled as in SPARQL
    assert "&#34;39791&#34;^^xsd:integer" in page or "&quot;39791&quot;^^xsd:integer" in page
    assert page.count('<a href="#c59-82" class="small">characters 59–82</a>') == 1


def test_statements_also_inferred_link_to_their_explanation(client: FlaskClient) -> None:
    page = client.get("/source/000").get_data(as_text=True)
    fact = _fact(page, "c276-314")
    link = re.search(r'<a class="why" href="([^"]+)"', fact)
    assert link is not None
    url = html.unescape(link.group(1))
    assert unquote(url) == "/explain?s=kg:kalpana-soren&p=kgo:fatherInLaw&o=kg:shibu-soren"
    res = client.get(url, headers={"Accept": "text/html"})
    assert res.status_code == 200
    explained = res.get_data(as_text=True)
    assert 'href="/source/000#c875-899"' in explained
    # and every passage the explanation links to is an anchor of the source page
    for sid, anchor in set(re.findall(r'href="/source/(\d+)#(c\d+-\d+)"', explained)):
        target = client.get(f"/source/{sid}").get_data(as_text=True)
        assert f'id="{anchor}"' in target
    # a statement that is only asserted has no such link
    assert 'class="why"' not in _fact(page, "c317-328")
