"""Typed access to what ``create_app`` keeps for the views: the config, the built graph and the
SPARQL endpoint (query workers, user graph, metrics)."""

from __future__ import annotations

import json
from typing import Any

from flask import current_app

from kg.config import Config
from kg.iris import Names
from kg.query.store import Store
from kg.web.endpoint import Endpoint


def app_config() -> Config:
    cfg: Config = current_app.extensions["kg_config"]
    return cfg


def built_store() -> Store:
    """The built graph in memory (read-only; the user graph is served by the query workers)."""
    store: Store = current_app.extensions["kg_store"]
    return store


def app_names() -> Names:
    return Names(app_config().base_iri)


def endpoint() -> Endpoint:
    """The endpoint's query workers, user graph, settings and metrics."""
    ep: Endpoint = current_app.extensions["kg_endpoint"]
    return ep


def source_report(sid: str) -> dict[str, Any]:
    """The last build's report on article ``sid`` (claims, new entities, mentions to decide,
    what each review decision did); empty when the build wrote none."""
    try:
        report = json.loads((app_config().out_dir / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entry: Any = next((s for s in report.get("sources", []) if s.get("id") == sid), {})
    return entry if isinstance(entry, dict) else {}
