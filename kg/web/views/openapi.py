"""``/openapi.json``: an OpenAPI 3.1 description of the saved-query API, made from the queries.

Each saved query is one operation, ``GET /queries/<name>.{format}``, with its parameters as
typed query-string parameters (IRI, integer, decimal, date, boolean, string; enumerated values
as ``enum``; defaults as ``default``). The list, the runs, the entity search and the SPARQL
endpoint are described too, so a client generator sees the whole read API.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from kg.query.params import Parameter
from kg.query.saved import SavedQuery, load_saved_queries
from kg.web.links import extensions
from kg.web.workbench import workbench

bp = Blueprint("openapi", __name__)

SCHEMAS = {
    "iri": {"type": "string", "format": "iri"},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
    "date": {"type": "string", "format": "date"},
    "boolean": {"type": "boolean"},
    "string": {"type": "string"},
}
TABLE_MEDIA = {
    "application/sparql-results+json": {"schema": {"type": "object"}},
    "text/csv": {"schema": {"type": "string"}},
    "text/tab-separated-values": {"schema": {"type": "string"}},
    "application/sparql-results+xml": {"schema": {"type": "string"}},
}
GRAPH_MEDIA = {
    "text/turtle": {"schema": {"type": "string"}},
    "application/n-triples": {"schema": {"type": "string"}},
    "application/ld+json": {"schema": {"type": "object"}},
    "application/rdf+xml": {"schema": {"type": "string"}},
}
TEXT = {"text/plain": {"schema": {"type": "string"}}}


MATCH: dict[str, Any] = {
    "type": "object",
    "required": ["iri", "label", "type", "page", "matched", "match"],
    "properties": {
        "iri": {"type": "string", "format": "iri"},
        "label": {"type": "string"},
        "type": {"type": "string", "description": "The entity's class, as a CURIE."},
        "page": {"type": ["string", "null"], "description": "The entity page's path."},
        "matched": {"type": "string", "description": "The label or alias that matched."},
        "match": {"type": "string", "enum": ["exact", "prefix", "substring"]},
    },
}
SEARCH: dict[str, Any] = {
    "get": {
        "operationId": "search_entities",
        "summary": "Entities whose label or alias holds the text.",
        "description": (
            "Case- and accent-insensitive; exact matches first, then prefixes, then substrings, "
            "ties by label. A browser (Accept: text/html) or format=html gets the results page."
        ),
        "tags": ["search"],
        "parameters": [
            {
                "name": "q",
                "in": "query",
                "required": True,
                "description": "The name to look for (at most 200 characters).",
                "schema": {"type": "string", "minLength": 1, "maxLength": 200},
            },
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "description": "At most this many matches.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
            },
            {
                "name": "format",
                "in": "query",
                "required": False,
                "description": "json or html, whatever the Accept header says.",
                "schema": {"type": "string", "enum": ["json", "html"]},
            },
        ],
        "responses": {
            "200": {
                "description": "The matches, best first.",
                "content": {"application/json": {"schema": {"type": "array", "items": MATCH}}},
            },
            "400": {
                "description": "q is missing, empty or too long, or limit is not 1 to 50.",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {"error": {"type": "string"}},
                        }
                    }
                },
            },
        },
    }
}


def _typed(p: Parameter, raw: str) -> Any:
    """A value in the JSON type of the parameter's schema (OpenAPI checks defaults and enums)."""
    if p.type == "integer":
        return int(raw)
    if p.type == "decimal":
        return float(raw)
    if p.type == "boolean":
        return raw == "true"
    return raw


def _param(p: Parameter) -> dict[str, Any]:
    schema: dict[str, Any] = dict(SCHEMAS[p.type])
    if p.values:
        schema["enum"] = [_typed(p, v) for v in p.values]
    if p.default is not None:
        schema["default"] = _typed(p, p.default)
    text = p.description or p.label
    if p.type == "iri":
        text += " An absolute IRI, or one relative to the base IRI (such as id/kalpana-soren)."
    return {
        "name": p.name,
        "in": "query",
        "required": p.required and p.default is None,
        "description": text.strip(),
        "schema": schema,
    }


def _errors() -> dict[str, Any]:
    return {
        "400": {
            "description": "A parameter value is wrong; the message names it.",
            "content": TEXT,
        },
        "404": {"description": "No such saved query or format.", "content": TEXT},
        "406": {"description": "The format does not fit the query's result.", "content": TEXT},
        "429": {"description": "Every query worker is busy; retry.", "content": TEXT},
        "503": {"description": "The query ran past the time limit.", "content": TEXT},
    }


def _operation(q: SavedQuery) -> dict[str, Any]:
    graph = q.builds_graph
    exts = extensions(q)
    return {
        "get": {
            "operationId": q.name.replace("-", "_"),
            "summary": q.title,
            "description": q.description,
            "tags": list(q.tags) or ["queries"],
            "parameters": [
                {
                    "name": "format",
                    "in": "path",
                    "required": True,
                    "description": "The result format, as a file extension.",
                    "schema": {"type": "string", "enum": list(exts)},
                },
                *(_param(p) for p in q.params),
                {
                    "name": "inference",
                    "in": "query",
                    "required": False,
                    "description": "false: asserted facts only, without what OWL 2 RL inference adds.",
                    "schema": {"type": "boolean", "default": True},
                },
            ],
            "responses": {
                "200": {
                    "description": "The result. The Link header (rel=cite-as) is the run's permalink.",
                    "headers": {
                        "Link": {"schema": {"type": "string"}},
                        "X-KG-Truncated": {"schema": {"type": "string"}},
                    },
                    "content": GRAPH_MEDIA if graph else TABLE_MEDIA,
                },
                **_errors(),
            },
        }
    }


def document(queries: list[SavedQuery], server: str) -> dict[str, Any]:
    paths: dict[str, Any] = {
        "/queries.json": {
            "get": {
                "operationId": "list_queries",
                "summary": "The saved queries, with their parameters and formats.",
                "responses": {
                    "200": {
                        "description": "The list.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
        "/runs/{id}.json": {
            "get": {
                "operationId": "get_run",
                "summary": "A recorded run, and whether its query gives the same result now.",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "The run.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    },
                    "404": {"description": "No such run.", "content": TEXT},
                },
            }
        },
    }
    paths["/search"] = SEARCH
    for q in queries:
        paths[f"/queries/{q.name}.{{format}}"] = _operation(q)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Jharkhand politics knowledge graph: saved queries",
            "version": "1",
            "description": (
                "Named, parameterised SPARQL queries over the knowledge graph. Parameters are "
                "bound as typed RDF terms by the query engine, never pasted into the query text. "
                "The standard SPARQL 1.1 endpoint is at /sparql."
            ),
        },
        "servers": [{"url": server}],
        "paths": paths,
    }


@bp.get("/openapi.json")
def openapi() -> Response:
    queries = load_saved_queries(workbench().queries_dir)
    return jsonify(document(queries, request.host_url.rstrip("/")))
