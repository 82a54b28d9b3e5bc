"""The Flask application: an application factory and thin views over ``kg``.

``create_app`` loads the settings (``KG_*`` environment variables, or a test config), starts the
query workers on the built dump, and registers the blueprints: the SPARQL endpoint (``sparql``)
and the query page (``page``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, Response
from flask_cors import CORS
from werkzeug.exceptions import HTTPException

from kg.config import Config
from kg.query.store import Store
from kg.web.endpoint import Endpoint
from kg.web.settings import Settings
from kg.web.workbench import Workbench


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(KG_ROOT=None, KG_BASE_IRI=None, KG_BUILD_DIR=None)
    app.config.from_prefixed_env("KG", loads=str)
    app.config.update({k: v for k, v in _env_settings().items() if k not in app.config})
    if test_config:
        app.config.from_mapping(test_config)
    cfg = Config.load(
        Path(app.config["KG_ROOT"]) if app.config["KG_ROOT"] else None, app.config["KG_BASE_IRI"]
    )
    build_dir = Path(app.config["KG_BUILD_DIR"]) if app.config["KG_BUILD_DIR"] else cfg.out_dir
    dump = build_dir / "kg.nq"
    if not dump.is_file():
        raise FileNotFoundError(f"no built graph at {dump}; run `kg build` first")
    settings = Settings.from_config(app.config)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body
    app.extensions["kg_config"] = cfg
    app.extensions["kg_store"] = Store.from_nquads(dump, base_iri=cfg.base_iri)
    app.extensions["kg_endpoint"] = Endpoint.start(cfg, settings, str(dump))
    app.extensions["kg_workbench"] = Workbench.start(app.extensions["kg_endpoint"], dump)

    CORS(
        app,
        resources={
            r"/sparql/?": {"origins": settings.cors_origins},
            r"/api/*": {"origins": settings.cors_origins},
            r"/queries/*": {"origins": settings.cors_origins},
            r"/openapi.json": {"origins": settings.cors_origins},
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
        runs,
        saved,
        sources,
        sparql,
    )

    for module in (
        sparql,
        entity,
        explain,
        sources,
        exports,
        ontology,
        graphstore,
        page,
        saved,
        openapi,
        runs,
        notebooks,  # after the workbench: it opens the notebook database from it
    ):
        app.register_blueprint(module.bp)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        messages = {
            413: f"the request body is larger than the {settings.max_body} byte limit",
            405: "method not allowed here; the SPARQL endpoint takes GET and POST",
        }
        text = messages.get(exc.code or 500, exc.description or exc.name)
        headers = {"Allow": "GET, POST, OPTIONS"} if exc.code == 405 else {}
        return Response(text + "\n", status=exc.code or 500, mimetype="text/plain", headers=headers)

    @app.errorhandler(Exception)
    def internal_error(exc: Exception) -> Response:
        app.logger.exception("unhandled error")
        return Response(
            "internal error; the server log has the details\n", status=500, mimetype="text/plain"
        )

    return app


def _env_settings() -> dict[str, str]:
    """KG_* variables that are not valid JSON (Flask's from_prefixed_env would choke)."""
    import os

    return {k: v for k, v in os.environ.items() if k.startswith("KG_")}
