"""Review decisions from the source page: ``/source/<id>/reviews``.

``GET`` lists the decisions recorded on the article (``data/reviews/<id>.yaml``), each with what
the last build did with it, or that it was recorded since. ``POST`` records one decision, with the
update token (``Authorization: Bearer …``): a JSON object with ``action``, ``reviewer`` and the
fields of :mod:`kg.build.review.decisions`. Two conveniences for the page: ``start`` (the code
point offset where the selected quote begins) becomes the quote's ``occurrence``, and a value may
be typed as text (``object_text``, ``corrected_text``: ``integer:17142``, ``kgo:Won`` or an entity
id). The decision is checked before it is written; a bad one gets 400 with the reason. It is
applied by the next ``kg build``.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from kg.build.review import ReviewFileError
from kg.build.review.claims import value_text
from kg.build.review.decisions import read_file
from kg.build.review.record import occurrence_at, record_decision
from kg.build.sources import SourceError, load_sources
from kg.model import Source
from kg.web.auth import authorise
from kg.web.protocol import ProtocolError
from kg.web.state import app_config, app_names, built_store, endpoint, source_report

bp = Blueprint("review", __name__)

_KNOWN_KEY = "kg_known_entities"
MAX_FIELDS = 20
MAX_DEPTH = 6  # {"subject": {"node": …, "key": [{"node": …, "key": [...]}]}} is 5


@bp.errorhandler(ProtocolError)
@bp.errorhandler(ReviewFileError)
def _refused(exc: Exception) -> Response:
    res = jsonify({"error": str(exc)})
    res.status_code = exc.status if isinstance(exc, ProtocolError) else 400
    if isinstance(exc, ProtocolError):
        res.headers.update(exc.headers)
    return res


def _sources() -> dict[str, Source]:
    try:
        return {s.id: s for s in load_sources(app_config().sources_dir)}
    except SourceError as exc:
        raise ProtocolError(409, f"the corpus cannot be read: {exc}") from None


def _known() -> set[str]:
    """The ids of every entity of the built graph (the registry's, the reference data's and the
    ones minted from mentions)."""
    known: set[str] | None = current_app.extensions.get(_KNOWN_KEY)
    if known is None:
        names = app_names()
        prefix = names.base + "id/"
        graphs = f"<{names.entities_graph}> <{names.reference_graph}>"  # the build's own IRIs
        rows = (
            built_store()
            .query(
                f"SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s a ?type }} }}"
            )
            .values()
        )
        known = {r["s"][len(prefix) :] for r in rows if r["s"] and r["s"].startswith(prefix)}
        current_app.extensions[_KNOWN_KEY] = known
    return known


def _applied(sid: str) -> dict[str, dict[str, Any]]:
    """What the last build did with each decision on ``sid``, by decision id."""
    return {d["id"]: d for d in source_report(sid).get("decisions", [])}


def _depth(v: Any) -> int:
    if isinstance(v, dict):
        return 1 + max((_depth(x) for x in v.values()), default=0)
    if isinstance(v, list):
        return 1 + max((_depth(x) for x in v), default=0)
    return 0


def _bounded(body: dict[str, Any]) -> None:
    if len(body) > MAX_FIELDS:
        raise ReviewFileError(f"a decision has at most {MAX_FIELDS} fields")
    if _depth(body) > MAX_DEPTH:
        raise ReviewFileError(f"a decision nests values at most {MAX_DEPTH} deep")
    if "at" in body:
        raise ReviewFileError("the server records the time of a decision; do not send 'at'")


def _fields(body: dict[str, Any], source: Source) -> dict[str, Any]:
    """The decision fields of a request body (see the module docstring)."""
    _bounded(body)
    fields = {k: v for k, v in body.items() if k not in ("start", "object_text", "corrected_text")}
    for key, target in (("object_text", None), ("corrected_text", "corrected")):
        text = body.get(key)
        if text is None:
            continue
        if not isinstance(text, str) or not text.strip():
            raise ReviewFileError(f"{key!r} must be a non-empty text")
        value = value_text(text)
        if target is None:
            fields.update(value)
        else:
            fields[target] = value
    start = body.get("start")
    if start is not None:
        quote = body.get("quote")
        if not isinstance(start, int) or isinstance(start, bool) or not isinstance(quote, str):
            raise ReviewFileError("'start' must be a whole number, with the 'quote' it locates")
        occurrence = occurrence_at(source.text, quote, start)
        if occurrence is not None:
            fields["occurrence"] = occurrence
    return fields


@bp.get("/source/<sid>/reviews")
def decisions(sid: str) -> Response:
    sources = _sources()
    if sid not in sources:
        raise ProtocolError(404, f"no source {sid!r}; the sources are {', '.join(sources)}")
    path = app_config().reviews_dir / f"{sid}.yaml"
    recorded = read_file(path, sources) if path.exists() else []
    applied = _applied(sid)
    out = []
    for d in recorded:
        built = applied.get(d.id)
        out.append(
            {
                "id": d.id,
                "action": d.action,
                "reviewer": d.reviewer,
                "at": d.at,
                "quote": d.quote,
                "why": d.why,
                "mention": d.mention,
                "entity": d.entity,
                "status": (built["message"] if built else "recorded; the next build applies it"),
                "applied": bool(built and built["applied"]),
            }
        )
    return jsonify({"source": sid, "file": f"data/reviews/{sid}.yaml", "decisions": out})


@bp.post("/source/<sid>/reviews")
def record(sid: str) -> Response | tuple[Response, int]:
    authorise(endpoint(), "Recording a review decision")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ReviewFileError("send the decision as a JSON object (Content-Type: application/json)")
    sources = _sources()
    if sid not in sources:
        raise ProtocolError(404, f"no source {sid!r}; the sources are {', '.join(sources)}")
    fields = _fields(body, sources[sid])
    d = record_decision(app_config().reviews_dir, sources, sid, fields, _known().__contains__)
    return jsonify(
        {
            "id": d.id,
            "ref": d.ref,
            "action": d.action,
            "reviewer": d.reviewer,
            "at": d.at,
            "status": "recorded; the next build applies it",
        }
    ), 201
