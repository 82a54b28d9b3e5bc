"""The Flask application: an application factory and thin views over ``kg``.

``create_app`` reads the settings (through the table of :mod:`kg.config`), starts the query
workers on the built dump, and registers the blueprints of :mod:`kg.web.views`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response
from flask_cors import CORS
from werkzeug.exceptions import HTTPException

from kg.config import Config, settings_of
from kg.query.store import Store
from kg.web.endpoint import Endpoint
from kg.web.workbench import Workbench


def create_app(
    test_config: Mapping[str, Any] | None = None, *, config: Config | None = None
) -> Flask:
    """The app on the built graph.

    Settings come through the one table of :mod:`kg.config`: ``config`` when the CLI has read
    them already, else the ``KG_*`` environment variables overlaid with the ``KG_*`` keys of
    ``test_config`` (its other keys, such as ``TESTING``, go to Flask's config).
    """
    app = Flask(__name__)
    extra = dict(test_config or {})
    if config is None:
        config = Config.from_settings({**settings_of(os.environ), **settings_of(extra)})
    app.config.from_mapping({k: v for k, v in extra.items() if not k.startswith("KG_")})
    cfg = config
    dump = cfg.dump_file
    if not dump.is_file():
        raise FileNotFoundError(f"no built graph at {dump}; run `kg build` first")
    settings = cfg.server
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body
    app.extensions["kg_config"] = cfg
    app.extensions["kg_store"] = Store.from_nquads(dump, base_iri=cfg.base_iri)
    app.extensions["kg_endpoint"] = Endpoint.start(cfg, str(dump))
    app.extensions["kg_workbench"] = Workbench.start(app.extensions["kg_endpoint"], dump)

    CORS(
        app,
        resources={
            r"/sparql/?": {"origins": settings.cors_origins},
            r"/api/*": {"origins": settings.cors_origins},
            r"/queries/*": {"origins": settings.cors_origins},
            r"/openapi.json": {"origins": settings.cors_origins},
            r"/search": {"origins": settings.cors_origins},
        },
        methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],
        allow_headers=["Content-Type", "Accept", "Authorization"],
        expose_headers=["X-KG-Row-Cap", "X-KG-Truncated", "X-KG-Rows", "Retry-After"],
        max_age=600,
        send_wildcard=settings.cors_origins == "*",
    )

    from kg.web.views import (
        entity,
        explain,
        exports,
        graphstore,
        notebooks,
        ontology,
        openapi,
        page,
        review,
        runs,
        saved,
        search,
        sources,
        sparql,
    )

    for module in (
        sparql,
        entity,
        explain,
        sources,
        review,
        exports,
        ontology,
        graphstore,
        page,
        saved,
        openapi,
        runs,
        search,
        notebooks,  # after the workbench: it opens the notebook database from it
    ):
        app.register_blueprint(module.bp)

    from kg.web.errors import register_error_handlers
    from kg.web.http import text_response

    register_error_handlers(app)  # busy/failed workers, timeouts, protocol and guard refusals

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        messages = {
            413: f"the request body is larger than the {settings.max_body} byte limit",
            405: "method not allowed here; the SPARQL endpoint takes GET and POST",
        }
        text = messages.get(exc.code or 500, exc.description or exc.name)
        headers = {"Allow": "GET, POST, OPTIONS"} if exc.code == 405 else {}
        return text_response(exc.code or 500, text, headers)

    @app.errorhandler(Exception)
    def internal_error(exc: Exception) -> Response:
        app.logger.exception("unhandled error")
        return text_response(500, "internal error; the server log has the details")

    return app
