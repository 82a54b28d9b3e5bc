"""/export/: the dumps and Wikidata-style exports of the built graph; /.well-known/void."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from kg.export import Exporter, exporters
from kg.export.void import void_description
from kg.iris import Names
from kg.query.store import Store
from kg.web.http import not_acceptable, rdf_format, rdf_response, text_response, wants_html
from kg.web.state import app_config, app_names, built_store

bp = Blueprint("exports", __name__)
_CACHE = "kg_exports"


def _context() -> tuple[Store, Names]:
    return built_store(), app_names()


def _run(exporter: Exporter) -> bytes:
    """Exports of the (read-only) built graph are made once per app and kept."""
    cache: dict[str, bytes] = current_app.extensions.setdefault(_CACHE, {})
    if exporter.name not in cache:
        store, names = _context()
        cache[exporter.name] = exporter.run(store, names)
    return cache[exporter.name]


@bp.get("/export/")
def index() -> Response:
    items = sorted(exporters(app_config().wikidata_file).values(), key=lambda e: e.name)
    if wants_html():
        return Response(render_template("exports.html", items=items), mimetype="text/html")
    root = request.url_root
    return jsonify(
        {
            "exports": [
                {
                    "name": e.name,
                    "media_type": e.media_type,
                    "description": e.description,
                    "url": f"{root}export/{e.name}",
                }
                for e in items
            ]
        }
    )


@bp.get("/export/<name>")
def download(name: str) -> Response:
    exporter = exporters(app_config().wikidata_file).get(name)
    if exporter is None:
        return text_response(404, f"no export named {name!r}; see /export/")
    filename = f"jharkhand-kg.{exporter.extension}"
    return Response(
        _run(exporter),
        content_type=exporter.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.get("/.well-known/void")
def void() -> Response:
    store, names = _context()
    root = request.url_root
    dumps = {
        e.media_type: f"{root}export/{e.name}"
        for e in exporters(app_config().wikidata_file).values()
        if e.name in ("nquads", "trig", "turtle", "ntriples", "jsonld")
    }
    g = void_description(store, names, f"{root}sparql", dumps)
    fmt = rdf_format()
    if fmt is None:
        return not_acceptable("the VoID description")
    return rdf_response(g, fmt)
