"""Typed access to what ``create_app`` keeps for the views: the config, the built graph and the
SPARQL endpoint (query workers, user graph, metrics)."""

from __future__ import annotations

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
