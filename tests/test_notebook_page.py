"""The notebook pages in headless Chromium against a real ``kg serve``: list, open, Run all (tables
and an SVG chart), edit a cell, save a copy with the token, reload it, restore a revision."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import pytest

from kg.config import Config

from .conftest import BrowserTab, browser_tab
from .servers import TOKEN, running_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

COUNTING = "counting-day-2024"


@pytest.fixture(scope="module")
def server(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    state = tmp_path_factory.mktemp("notebook-page") / "state"
    with running_server(cfg.out_dir, state, KG_UPDATE_TOKEN=TOKEN) as url:
        yield url


class Tab(BrowserTab):
    """A notebook page in a browser tab."""

    page: Page

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_selector("body[data-ready]")

    def run_all(self) -> None:
        is_run = lambda r: urlparse(r.url).path.endswith("/run") and r.request.method == "POST"  # noqa: E731
        with self.page.expect_response(is_run):
            self.page.click("#run-all")
        self.page.wait_for_function("!document.body.hasAttribute('aria-busy')")

    def table(self, cell: int) -> list[list[str]]:
        rows: list[list[str]] = self.page.eval_on_selector_all(
            f"#cells > li[data-index='{cell}'] table.nb-table tbody tr",
            "trs => trs.map(tr => [...tr.cells].map(td => td.textContent))",
        )
        return rows


@pytest.fixture()
def tab(browser: Browser, server: str) -> Iterator[Tab]:
    with browser_tab(browser, server, Tab, 20000) as t:
        yield t
    for url in t.requests:
        parts = urlparse(url)
        assert parts.scheme == "data" or parts.hostname == "127.0.0.1", url


def test_open_and_run_the_counting_day_notebook(tab: Tab) -> None:
    tab.page.goto(tab.base + "/notebooks")
    with tab.page.expect_navigation():
        tab.page.click(f"tr[data-slug='{COUNTING}'] a.nb-link")
    tab.page.wait_for_selector("body[data-ready]")
    assert tab.page.inner_text("#nb-title") == "Counting day, 23 November 2024"
    assert "3 PM" in tab.page.inner_text("#cells > li[data-index='1'] .nb-markdown strong")
    assert tab.page.query_selector("table.nb-table") is None  # nothing has run yet
    tab.run_all()
    side = tab.table(2)
    assert [[r[0], r[1], r[2], r[5], r[6]] for r in side] == [
        ["Bharatiya Janata Party", "", "21", "", ""],
        ["Indian National Congress", "", "17", "10", "6"],
        ["Jharkhand Mukti Morcha", "3", "31", "20", "14"],
    ]
    assert tab.page.eval_on_selector_all(
        "#cells > li[data-index='2'] thead th", "ths => ths.map(th => th.textContent)"
    ) == ["party", "won3pm", "leading3pm", "source3pm", "quote3pm", "won6pm", "leading6pm", "source6pm", "quote6pm"]  # fmt: skip
    chart = tab.page.query_selector("#cells > li[data-index='3'] .nb-chart svg")
    assert chart is not None and chart.bounding_box()["height"] > 100  # type: ignore[index]
    assert [r[1:3] for r in tab.table(3)] == [
        ["3 PM (article 002)", "21"],
        ["3 PM (article 002)", "17"],
        ["6 pm on counting day (article 001)", "16"],
        ["3 PM (article 002)", "34"],
        ["6 pm on counting day (article 001)", "34"],
    ]
    assert [r[4] for r in tab.table(5)] == ["21", "17", "31", "6", "14"]
    link = tab.page.get_attribute("#run-link", "href") or ""
    assert link.startswith("/runs/") and len(link) > len("/runs/") + 8
    assert tab.page.is_visible("#run-link")
    assert "Ran 3 queries" in tab.page.inner_text("#nb-status")
    assert tab.page.is_disabled("#save")  # a shipped notebook is saved as a copy
    assert "no revisions" in tab.page.inner_text("#history-list")
    href = tab.page.get_attribute("#download-ipynb", "href")
    assert href == f"/notebooks/{COUNTING}.ipynb"


def test_edit_a_cell_and_save_a_copy_then_restore(tab: Tab) -> None:
    tab.open(f"/notebooks/{COUNTING}")
    tab.page.click("#edit-toggle")
    tab.page.fill(
        "#cells > li[data-index='1'] textarea.nb-md-edit", "My **own** notes on counting day."
    )
    tab.page.fill("#edit-title", "My counting day")
    # the last cell: show only two columns of the saved query's answer
    tab.page.fill("#cells > li[data-index='5'] input[data-key='columns']", "party, leading")
    tab.page.click("#cells > li[data-index='4'] button[aria-label='Remove cell 4']")
    tab.page.click("#edit-toggle")
    tab.run_all()  # runs the unsaved edits
    assert tab.table(4) == [
        ["Bharatiya Janata Party", "21"],
        ["Indian National Congress", "17"],
        ["Jharkhand Mukti Morcha", "31"],
        ["Indian National Congress", "6"],
        ["Jharkhand Mukti Morcha", "14"],
    ]
    assert (
        tab.page.inner_text("#cells > li[data-index='1'] .nb-markdown")
        == "My own notes on counting day."
    )
    tab.page.fill("#token", TOKEN)
    tab.page.fill("#copy-slug", "my-counting-day")
    tab.page.fill("#message", "my copy")
    with tab.page.expect_navigation():
        tab.page.click("#save-copy")
    tab.page.wait_for_selector("body[data-ready]")
    assert urlparse(tab.page.url).path == "/notebooks/my-counting-day"

    def check_saved() -> None:
        assert tab.page.inner_text("#nb-title") == "My counting day"
        assert tab.page.inner_text("#cells > li[data-index='1'] .nb-markdown strong") == "own"
        assert tab.page.locator("#cells > li").count() == 4
        tab.page.wait_for_selector("#history-list li[data-revision='1']")

    check_saved()
    tab.page.reload()
    tab.page.wait_for_selector("body[data-ready]")
    check_saved()
    assert tab.page.input_value("#token") == TOKEN  # kept in sessionStorage for this tab
    assert "my copy" in tab.page.inner_text("#history-list")

    # a second revision with Save, then restore the first
    tab.page.click("#edit-toggle")
    tab.page.fill("#edit-title", "Renamed")
    tab.page.click("#save")
    tab.page.wait_for_selector("#history-list li[data-revision='2']")
    assert tab.page.inner_text("#save-status") == "Saved as revision 2."
    with tab.page.expect_navigation():
        tab.page.click("#history-list button[data-revision='1']")
    tab.page.wait_for_selector("#history-list li[data-revision='3']")
    assert tab.page.inner_text("#nb-title") == "My counting day"
    assert "restored from 1" in tab.page.inner_text("#history-list li[data-revision='3']")


def test_saving_with_a_wrong_token_says_why(tab: Tab) -> None:
    tab.open(f"/notebooks/{COUNTING}")
    tab.page.fill("#token", "not-the-token-0123456789")
    tab.page.fill("#copy-slug", "never-saved")
    tab.page.click("#save-copy")
    tab.page.wait_for_function(
        "document.getElementById('save-status').textContent.startsWith('Not saved')"
    )
    assert "the bearer token is not valid" in tab.page.inner_text("#save-status")
    tab.page.fill("#copy-slug", COUNTING)
    tab.page.fill("#token", TOKEN)
    tab.page.click("#save-copy")
    tab.page.wait_for_function(
        "document.getElementById('save-status').textContent.startsWith('Not saved')"
    )
    assert "save a copy under another slug" in tab.page.inner_text("#save-status")
