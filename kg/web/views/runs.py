"""Citable runs at ``/runs/<id>``: what was run, on which data, what it gave, and whether the
same query on the data served now still gives the same result (it is run again to find out)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, jsonify, render_template

from kg.query.answer import Table
from kg.query.params import ParamError, bind, parameters
from kg.query.pool.jobs import QueryFailed
from kg.state.runs import Run, RunPart
from kg.web.http import text_response, wants_json
from kg.web.workbench import workbench

bp = Blueprint("runs", __name__)


@dataclass(frozen=True)
class Recheck:
    part: RunPart
    now_hash: str | None  # None when the query cannot run now
    error: str | None

    @property
    def same(self) -> bool:
        """The same result as then; for a query that failed then, failing again counts as same."""
        if self.part.error is not None:
            return self.now_hash is None
        return self.now_hash == self.part.result_hash


def recheck(part: RunPart) -> Recheck:
    """Run a part's query again, with the same parameter values, on the data served now."""
    wb = workbench()
    try:
        subs = bind(parameters(part.text, {}), part.params, wb.ep.cfg.base_iri)
        table = wb.runner()(part.text, subs, part.inference)
    except (ParamError, QueryFailed, ValueError) as exc:
        return Recheck(part, None, str(exc))
    return Recheck(part, table.digest(), None)


def summary(run: Run, checks: list[Recheck]) -> dict[str, Any]:
    wb = workbench()
    now = wb.data_id()
    return {
        **run.to_dict(),
        "current": {
            "build_id": now.build,
            "user_graph": now.user_graph,
            "same_data": now == run.data,
            "same_result": all(c.same for c in checks),
            "parts": [
                {"cell": c.part.cell, "result_hash": c.now_hash, "same": c.same, "error": c.error}
                for c in checks
            ],
        },
    }


@bp.get("/runs/<rid>.json")
def show_json(rid: str) -> Response | tuple[str, int]:
    return show(rid)


@bp.get("/runs/<rid>")
def show(rid: str) -> Response | tuple[str, int]:
    run = workbench().runs.get(rid)
    if run is None:
        return text_response(404, f"there is no run {rid!r}")
    checks = [recheck(p) for p in run.parts]
    data = summary(run, checks)
    if wants_json():
        return jsonify(data)
    tables = [
        Table.from_sparql_json(p.result).values() if p.result is not None else [] for p in run.parts
    ]
    variables = [
        tuple(p.result["head"].get("vars", [])) if p.result is not None else () for p in run.parts
    ]
    return render_template(
        "run.html",
        run=run,
        data=data,
        checks=checks,
        tables=tables,
        variables=variables,
        base=workbench().ep.cfg.base_iri,
    ), 200


@bp.get("/runs")
def recent() -> Response:
    return jsonify({"runs": workbench().runs.recent()})
