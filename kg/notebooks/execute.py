"""Running a notebook: each query cell's text and parameters, bound and run by a runner.

The runner decides where queries run (the web app's workers, or a dataset in this process for
the CLI); this module only resolves a cell to its query text and typed parameters and collects
what each cell gave, as :class:`CellResult` and as the parts of a citable run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.notebooks.model import Cell, Notebook
from kg.query.answer import Table
from kg.query.params import ParamError, Parameter, bind, effective, parameters
from kg.query.pool.jobs import QueryFailed, Runner
from kg.query.saved import SavedQueryError, find_saved_query
from kg.state.runs import RunPart


@dataclass(frozen=True)
class CellResult:
    index: int  # 1-based position in the notebook
    cell: Cell
    text: str = ""  # the query that ran (empty for markdown)
    params: tuple[Parameter, ...] = ()
    values: tuple[tuple[str, str], ...] = ()  # the raw parameter values used
    bound: tuple[tuple[str, str], ...] = ()  # variable -> the term bound, in N-Triples
    table: Table | None = None
    error: str | None = None

    def part(self) -> RunPart:
        return RunPart(
            cell=self.index,
            text=self.text,
            params=dict(self.values),
            bound=dict(self.bound),
            inference=self.cell.inference,
            result_hash=self.table.digest() if self.table is not None else "",
            result=self.table.to_sparql_json() if self.table is not None else None,
            error=self.error,
        )


def cell_query(cell: Cell, queries_dir: Path) -> tuple[str, tuple[Parameter, ...]]:
    """The SPARQL text and parameters of a query cell. Raises QueryFailed (404/400)."""
    if cell.query:
        try:
            saved = find_saved_query(queries_dir, cell.query)
        except SavedQueryError as exc:
            raise QueryFailed(500, str(exc)) from None
        if saved is None:
            raise QueryFailed(404, f"there is no saved query called {cell.query!r}")
        return saved.text, saved.params
    try:
        return cell.text, parameters(cell.text, {})
    except ValueError as exc:
        raise QueryFailed(400, str(exc)) from None


def run_cell(
    cell: Cell, index: int, runner: Runner, queries_dir: Path, base_iri: str
) -> CellResult:
    if cell.kind == "markdown":
        return CellResult(index, cell)
    text = ""
    params: tuple[Parameter, ...] = ()
    given = dict(cell.params)
    bound: tuple[tuple[str, str], ...] = ()
    try:
        text, params = cell_query(cell, queries_dir)
        subs = bind(params, given, base_iri)
        bound = tuple((v, t.n3()) for v, t in sorted(subs.items()))
        table = runner(text, subs, cell.inference)
    except (QueryFailed, ParamError) as exc:
        values = tuple(effective(params, given).items())
        return CellResult(index, cell, text, params, values, bound, error=str(exc))
    return CellResult(
        index, cell, text, params, tuple(effective(params, given).items()), bound, table
    )


def run_notebook(
    nb: Notebook, runner: Runner, queries_dir: Path, base_iri: str
) -> list[CellResult]:
    return [run_cell(c, i + 1, runner, queries_dir, base_iri) for i, c in enumerate(nb.cells)]
