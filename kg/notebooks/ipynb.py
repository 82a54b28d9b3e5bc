"""A notebook as a Jupyter notebook (nbformat 4) that queries a SPARQL endpoint with SPARQLWrapper.

The first code cell sets ``ENDPOINT`` and ``BASE`` and defines ``run(query, params)``, which
returns a pandas DataFrame. Parameters are bound as grlc binds them, by text: each parameter
variable (``?_person_iri``, ``?__year_integer``) is replaced by the RDF term rdflib writes for
the value (``URIRef(…).n3()``, ``Literal(…, datatype=…).n3()``), so a value is always one
escaped term and never query text. Where the query projects the variable, the projection
becomes ``(<term> AS ?_person_iri)``, which keeps both the SPARQL valid and the column; a
subquery's projection drops it, and ``GROUP BY``/``ORDER BY`` get ``(<term>)``.

The helper functions below (:func:`sparql_term`, :func:`scope_step`, :func:`placed`,
:func:`substitute`, :func:`to_frame`, :func:`query_frame`, :func:`timeline`) are copied into that
first cell as they are written here, so what the tests check is what the notebook runs. They use
only the standard library, rdflib, SPARQLWrapper, pandas and matplotlib, imported inside them.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

from kg.notebooks.execute import cell_query
from kg.notebooks.model import Cell, Notebook, NotebookError, View
from kg.query.params import effective
from kg.query.pool.jobs import QueryFailed

# -- copied into the notebook ------------------------------------------------------------------


def sparql_term(value: str, kind: str, base: str) -> str:
    """The SPARQL text of one parameter value: an IRI (relative ones resolve against ``base``)
    or a literal of the XSD type the variable names, as rdflib serializes it."""
    from urllib.parse import urljoin

    from rdflib import XSD, Literal, URIRef

    if kind == "iri":
        iri = urljoin(base, value)
        if re.search(r'[\x00-\x20<>"{}|^`\\]', iri) or not re.match(r"[A-Za-z][\w+.-]*:", iri):
            raise ValueError(f"{value!r} is not an IRI")
        return str(URIRef(iri).n3())
    return str(Literal(value, datatype=XSD[kind]).n3())


def scope_step(word: str, punct: str, mode: str, depth: int, selects: int) -> tuple[str, int, int]:
    """Where :func:`substitute` is after one token: (mode, parenthesis depth, SELECTs seen)."""
    if word == "select":
        return ("outer" if selects == 0 else "inner"), 0, selects + 1
    if word in ("group by", "order by"):
        return "condition", 0, selects
    if word or (punct in ("{", "}") and depth == 0):
        return "", depth, selects
    if punct:
        return mode, depth + (1 if punct == "(" else -1 if punct == ")" else 0), selects
    return mode, depth, selects


def placed(term: str, variable: str, mode: str, depth: int) -> str:
    """A parameter's term where its variable stood: in a projection as ``(term AS ?var)``, gone
    from a subquery's projection, in parentheses in GROUP BY or ORDER BY, else as it is."""
    if depth == 0 and mode == "outer":
        return f"({term} AS {variable})"
    if depth == 0 and mode == "inner":
        return ""
    if depth == 0 and mode == "condition":
        return f"({term})"
    return term


def substitute(query: str, params: dict[str, str], base: str) -> str:
    """The query with every parameter variable replaced by its value's term (see the module)."""
    lexer = re.compile(
        r"(?P<skip>#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
        r"|<[^<>\"{}|^`\\\x00-\x20]*>)"
        r"|(?P<var>[?$](?P<opt>__?)(?P<name>[A-Za-z][A-Za-z0-9]*)_"
        r"(?P<kind>iri|integer|decimal|date|boolean|string)\b)"
        r"|(?<![\w:?$-])(?P<word>(?i:select|where|from|group\s+by|order\s+by|having|limit|offset"
        r"|values)\b)|(?P<punct>[(){}])",
        re.S,
    )
    names = {m["name"] for m in lexer.finditer(query) if m["var"]}
    unknown = sorted(set(params) - names)
    if unknown:
        raise ValueError(f"the query has no parameter {unknown[0]!r} (it has {sorted(names)})")
    # mode: "outer" (the query's projection), "inner" (a subquery's), "condition" (GROUP BY or
    # ORDER BY), "" elsewhere; depth counts parentheses since the mode began
    out, pos, depth, mode, selects = [], 0, 0, "", 0
    for m in lexer.finditer(query):
        out.append(query[pos : m.start()])
        pos, text = m.end(), m[0]
        word = " ".join(text.lower().split()) if m["word"] else ""
        mode, depth, selects = scope_step(word, text if m["punct"] else "", mode, depth, selects)
        if m["var"] and m["name"] in params:
            out.append(placed(sparql_term(params[m["name"]], m["kind"], base), text, mode, depth))
        elif m["var"] and m["opt"] == "_":  # ?_name_type is required, ?__name_type optional
            raise ValueError(f"parameter {m['name']!r} needs a value ({m['kind']})")
        else:
            out.append(text)
    return "".join(out) + query[pos:]


def to_frame(data: dict[str, Any]) -> Any:
    """A SPARQL JSON answer as a DataFrame: numbers and booleans typed, everything else text."""
    import pandas as pd

    if "boolean" in data:
        return pd.DataFrame({"answer": [data["boolean"]]})
    xsd = "http://www.w3.org/2001/XMLSchema#"
    numbers = {xsd + t for t in ("integer", "int", "long", "short", "nonNegativeInteger")}

    def value(term: dict[str, str] | None) -> object:
        if term is None:
            return None
        dt = term.get("datatype", "")
        if dt in numbers:
            return int(term["value"])
        if dt in (xsd + "decimal", xsd + "double", xsd + "float"):
            return float(term["value"])
        if dt == xsd + "boolean":
            return term["value"] in ("true", "1")
        return term["value"]

    names = data["head"]["vars"]
    rows = [[value(b.get(n)) for n in names] for b in data["results"]["bindings"]]
    return pd.DataFrame(rows, columns=names).infer_objects()


def query_frame(
    endpoint: str, base: str, query: str, params: dict[str, str], inference: bool = True
) -> Any:
    """Run a query with its parameters on the endpoint (SPARQLWrapper, JSON) as a DataFrame."""
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery(f"BASE <{base}>\n" + substitute(query, params, base))
    client.setReturnFormat(JSON)
    if not inference:
        client.addParameter("inference", "false")
    answer: Any = client.query().convert()
    return to_frame(answer)


def timeline(df: Any, x: str, label: str, title: str = "") -> Any:
    """Events on a time axis: one point per row at the date in ``x``, named by ``label``."""
    import pandas as pd

    when = pd.to_datetime(df[x].astype(str), format="mixed")
    ax = df.assign(_when=when, _level=0).plot(
        x="_when", y="_level", style="o", legend=False, title=title, yticks=[], figsize=(10, 3)
    )
    for i, (moment, text) in enumerate(zip(when, df[label], strict=True)):
        up = i % 2 == 0
        ax.annotate(str(text), (moment, 0), xytext=(0, 10 if up else -16), ha="center",
                    textcoords="offset points", fontsize=8)  # fmt: skip
    ax.set_xlabel(x)
    return ax


HELPERS = (sparql_term, scope_step, placed, substitute, to_frame, query_frame, timeline)

# -- the notebook ------------------------------------------------------------------------------

_RUN = '''

def run(query, params=None, inference=True):
    """Run a query on ENDPOINT with its parameters; the answer as a pandas DataFrame."""
    return query_frame(ENDPOINT, BASE, query, params or {}, inference)
'''


def setup_source(endpoint_url: str, base_iri: str) -> str:
    """The first code cell: the endpoint, the base IRI and the helper functions."""
    head = "\n".join(
        [
            "from __future__ import annotations",
            "",
            "import re",
            "from typing import Any",
            "",
            "import pandas as pd",
            "",
            'pd.set_option("display.max_colwidth", None)  # show quoted passages whole',
            "",
            f"ENDPOINT = {endpoint_url!r}",
            f"BASE = {base_iri!r}  # relative IRIs in the queries and parameters resolve against it",
        ]
    )
    bodies = "\n\n".join(inspect.getsource(f) for f in HELPERS)
    return head + "\n\n\n" + bodies + _RUN


def _string(text: str) -> str:
    if '"""' not in text and "\\" not in text and not text.endswith('"'):
        return f'"""{text}"""'
    return repr(text)


def _chart_line(view: View, title: str) -> str | None:
    t = repr(title)
    x, ys, s = repr(view.x), list(view.y), view.series
    if view.type == "timeline":
        return f"timeline(df, {x}, {view.label!r}, title={t})"
    if view.type not in ("bar", "line"):
        return None
    extra = ", marker='o'" if view.type == "line" else ""
    data = f"df.sort_values({x})" if view.type == "line" else "df"
    if s:
        values = repr(ys[0]) if len(ys) == 1 else repr(ys)
        pivot = f"{data}.pivot(index={x}, columns={s!r}, values={values})"
        return f"{pivot}.plot.{view.type}(title={t}{extra})"
    return f"{data}.plot.{view.type}(x={x}, y={ys!r}, title={t}{extra})"


def _query_cells(cell: Cell, index: int, queries_dir: Path) -> tuple[str, str]:
    try:
        text, params = cell_query(cell, queries_dir)
    except QueryFailed as exc:
        raise NotebookError(f"cell {index}: {exc}") from None
    values = effective(params, dict(cell.params))
    title = cell.title or cell.query or f"Query {index}"
    notes = []
    if cell.query:
        notes.append(f"Saved query `{cell.query}`.")
    if not cell.inference:
        notes.append("Asserted facts only (`inference=false`).")
    heading = f"## {title}" + ("\n\n" + " ".join(notes) if notes else "")
    lines = [f"query = {_string(text)}", f"params = {values!r}"]
    run = "run(query, params)" if cell.inference else "run(query, params, inference=False)"
    lines.append(f"df = {run}")
    chart = _chart_line(cell.view, title)
    if chart:
        lines.append(chart)
    if cell.view.type == "table" and cell.view.columns:
        lines.append(f"df[{list(cell.view.columns)!r}]")
    else:
        lines.append("df")
    return heading, "\n".join(lines)


def to_ipynb(nb: Notebook, endpoint_url: str, queries_dir: Path, base_iri: str) -> dict[str, Any]:
    """The notebook as an nbformat 4 document (validated); NotebookError names a bad cell."""
    import nbformat

    v4: Any = nbformat.v4  # untyped; its cells and notebook are dicts
    new_markdown_cell, new_code_cell = v4.new_markdown_cell, v4.new_code_cell
    intro = f"# {nb.title}\n\n{nb.description}\n\nQueries run on `{endpoint_url}`."
    cells = [new_markdown_cell(intro.replace("\n\n\n\n", "\n\n"))]
    cells.append(new_code_cell(setup_source(endpoint_url, base_iri)))
    for i, cell in enumerate(nb.cells, start=1):
        if cell.kind == "markdown":
            cells.append(new_markdown_cell(cell.text))
            continue
        heading, code = _query_cells(cell, i, queries_dir)
        cells += [new_markdown_cell(heading), new_code_cell(code)]
    doc = v4.new_notebook(cells=cells)
    doc.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    doc.metadata["language_info"] = {"name": "python"}
    nbformat.validate(doc)
    result: dict[str, Any] = doc
    return result
