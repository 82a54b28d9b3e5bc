"""The Flask application: an application factory and thin views over ``kg``.

This first version serves the built graph at ``/sparql`` (SPARQL JSON results for SELECT/ASK,
N-Triples for CONSTRUCT/DESCRIBE). The store is loaded into memory from the build's N-Quads
dump when the app starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, request

from kg.config import Config
from kg.store import QueryError, Store, result_json

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Jharkhand politics knowledge graph</title></head>
<body>
<h1>Jharkhand politics knowledge graph</h1>
<p>SPARQL endpoint: <code>/sparql</code> (GET or POST <code>query=</code>).</p>
<form action="sparql" method="get">
<textarea name="query" rows="10" cols="90">PREFIX kg: &lt;id/&gt;
PREFIX kgo: &lt;ontology#&gt;
SELECT ?fatherInLaw WHERE { kg:kalpana-soren kgo:fatherInLaw ?fatherInLaw }</textarea><br>
<button type="submit">Run</button>
</form>
</body></html>
"""


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(KG_ROOT=None, KG_BASE_IRI=None, KG_BUILD_DIR=None)
    app.config.from_prefixed_env("KG")
    if test_config:
        app.config.from_mapping(test_config)
    cfg = Config.load(
        Path(app.config["KG_ROOT"]) if app.config["KG_ROOT"] else None, app.config["KG_BASE_IRI"]
    )
    build_dir = Path(app.config["KG_BUILD_DIR"]) if app.config["KG_BUILD_DIR"] else cfg.out_dir
    dump = build_dir / "kg.nq"
    if not dump.is_file():
        raise FileNotFoundError(f"no built graph at {dump}; run `kg build` first")
    app.extensions["kg_store"] = Store.from_nquads(dump, base_iri=cfg.base_iri)

    @app.get("/")
    def index() -> Response:
        return Response(PAGE, mimetype="text/html")

    @app.route("/sparql", methods=["GET", "POST"])
    def sparql() -> Response:
        query = request.values.get("query")
        if not query:
            return Response("missing 'query' parameter\n", status=400, mimetype="text/plain")
        store: Store = current_app.extensions["kg_store"]
        try:
            res = store.query(query)
        except QueryError as exc:
            return Response(f"{exc}\n", status=400, mimetype="text/plain")
        if res.kind == "graph":
            body = "".join(f"{t} .\n" for t in res.triples)
            return Response(body, mimetype="application/n-triples")
        return Response(result_json(res), mimetype="application/sparql-results+json")

    return app
