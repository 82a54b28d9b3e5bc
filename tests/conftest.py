"""Shared fixtures: one build of the real corpus per test session, into a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import pytest
from flask import Flask

from kg.build import Built, build
from kg.build.resolve import Resolver, load_entities
from kg.build.sources import load_sources
from kg.config import DEFAULT_BASE_IRI, Config
from kg.query.store import Store

T = TypeVar("T", bound="BrowserTab")
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASE = DEFAULT_BASE_IRI


@pytest.fixture(scope="session")
def cfg(tmp_path_factory: pytest.TempPathFactory) -> Config:
    return replace(Config.load(ROOT, BASE), build_dir=tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="session")
def built(cfg: Config) -> Built:
    return build(cfg)


@pytest.fixture(scope="session")
def store(cfg: Config, built: Built) -> Iterator[Store]:
    yield Store.from_nquads(cfg.out_dir / "kg.nq", base_iri=cfg.base_iri)


@pytest.fixture(scope="session")
def sources() -> dict[str, object]:
    return {s.id: s for s in load_sources(ROOT / "data" / "sources")}


@pytest.fixture()
def resolver() -> Resolver:
    return Resolver.of(load_entities(ROOT / "data" / "entities.yaml"))


def rows(store: Store, sparql: str) -> list[tuple[str | None, ...]]:
    """Result rows as tuples of lexical values, in result order."""
    res = store.query(sparql)
    return [tuple(r[v] for v in res.variables) for r in res.values()]


PREFIXES = """PREFIX kg: <id/>
PREFIX kgo: <ontology#>
PREFIX schema: <http://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""


@contextmanager
def app_on_build(cfg: Config, state_dir: Path, **settings: str) -> Iterator[Flask]:
    """The web app on the session's build, with ``KG_*`` settings; its query workers are stopped
    when the block ends."""
    from server import create_app

    app = create_app(
        {
            "TESTING": True,
            "KG_BUILD_DIR": str(cfg.out_dir),
            "KG_STATE_DIR": str(state_dir),
            **settings,
        }
    )
    try:
        yield app
    finally:
        app.extensions["kg_endpoint"].pool.close()


def kg_cli(*args: str, check: bool = False, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kg.cli ARGS`` from the checkout, as a user runs it, with extra environment."""
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright; one per test module (Playwright's sync
    API holds an event loop while it runs, which the Jupyter tests must not meet)."""
    from playwright import sync_api  # installed by scripts/test.sh (the [test] extra)

    assert CHROMIUM.is_file(), "the browser tests need Debian's chromium: apt-get install chromium"
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class BrowserTab:
    """A page, the URLs it requested and the script errors it raised."""

    page: Any
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@contextmanager
def browser_tab(browser: Any, base: str, cls: type[T], timeout_ms: int = 15000) -> Iterator[T]:
    """A fresh browser context and page on ``base``, recording requests and script errors; when
    the block ends without failing, the page must have raised no script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    t = cls(page, base)
    page.on("request", lambda r: t.requests.append(r.url))
    page.on("pageerror", lambda e: t.errors.append(str(e)))
    try:
        yield t
    finally:
        context.close()
    assert t.errors == [], "script errors on the page"
