"""How ``kg query`` prints a SELECT result: an aligned text table, or CSV."""

from __future__ import annotations

import csv
import io

from kg.query.store import Result


def as_table(res: Result) -> str:
    rows = [[("" if v is None else v) for v in r.values()] for r in [dict(x) for x in res.values()]]
    head = list(res.variables)
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(head)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(head), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def as_csv(res: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(res.variables)
    for r in res.values():
        w.writerow(["" if v is None else v for v in r.values()])
    return buf.getvalue()
