"""A query's answer as plain data: variables and rows of SPARQL-JSON terms, and its hash.

The web pages, notebooks, reports and citable runs all work on this shape, whatever ran the
query (a worker process behind the endpoint, or an embedded store for the CLI).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# a term as SPARQL 1.1 Query Results JSON writes it: {"type": "uri"|"literal"|"bnode", "value": …,
# "datatype"?: …, "xml:lang"?: …}; None when the variable is unbound in that row
JsonTerm = Mapping[str, str]


@dataclass(frozen=True)
class Table:
    variables: tuple[str, ...]
    rows: tuple[tuple[JsonTerm | None, ...], ...]
    truncated: bool = False
    boolean: bool | None = None  # the answer of an ASK query (then there are no rows)

    @classmethod
    def from_sparql_json(cls, data: Mapping[str, Any], truncated: bool = False) -> Table:
        if "boolean" in data:
            return cls((), (), truncated, bool(data["boolean"]))
        variables = tuple(data["head"]["vars"])
        rows = tuple(tuple(b.get(v) for v in variables) for b in data["results"]["bindings"])
        return cls(variables, rows, truncated)

    def values(self) -> list[dict[str, str | None]]:
        """Rows as dicts of lexical values."""
        return [
            {
                v: (None if t is None else t["value"])
                for v, t in zip(self.variables, row, strict=True)
            }
            for row in self.rows
        ]

    def column(self, name: str) -> list[str | None]:
        i = self.variables.index(name)
        return [None if r[i] is None else r[i]["value"] for r in self.rows]  # type: ignore[index]

    def to_sparql_json(self) -> dict[str, Any]:
        if self.boolean is not None:
            return {"head": {}, "boolean": self.boolean}
        return {
            "head": {"vars": list(self.variables)},
            "results": {
                "bindings": [
                    {v: dict(t) for v, t in zip(self.variables, row, strict=True) if t is not None}
                    for row in self.rows
                ]
            },
        }

    def digest(self) -> str:
        """sha256 of the answer as a set of solutions: variables in order, rows sorted, blank
        node labels dropped (they are not stable across loads). Two runs with the same digest
        gave the same solutions; row order is not compared (ORDER BY ties are not stable)."""
        if self.boolean is not None:
            canon: Any = {"boolean": self.boolean}
        else:

            def key(t: JsonTerm | None) -> list[str]:
                if t is None:
                    return [""]
                if t["type"] == "bnode":
                    return ["bnode"]
                return [t["type"], t["value"], t.get("datatype", ""), t.get("xml:lang", "")]

            canon = {
                "vars": list(self.variables),
                "rows": sorted(json.dumps([key(t) for t in row]) for row in self.rows),
            }
        blob = json.dumps(canon, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return "sha256:" + hashlib.sha256(blob).hexdigest()
