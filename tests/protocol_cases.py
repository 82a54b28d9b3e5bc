"""The W3C SPARQL 1.1 Protocol tests (rdf-tests, sparql/sparql11/protocol/manifest.ttl) as plain data.

There are 34 cases, in the manifest's order. Each one is a sequence of HTTP requests against
``/sparql/``, written exactly as the manifest writes it (trailing slash included); a runner
rewrites that prefix to wherever our endpoint lives. Requests in one case run in order against
the same store, because an update's effect is checked by the query that follows it.

The manifest points at data files (``dataN.nt``) that we do not have. ``GRAPHS`` is our own
stand-in: the smallest data with which every expected answer comes out as the manifest says.
Load each entry as a *named* graph and leave the store's default graph empty, so that a server
which ignores ``default-graph-uri`` gets a wrong answer instead of a lucky right one.

The update cases are destructive (``CLEAR ALL`` / ``DROP ALL``): run them against a scratch
store, never the built knowledge graph, and reload ``GRAPHS`` before any case that needs them.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- IRIs ------------------------------------------------------------------------------------

KASEI = "http://kasei.us/2009/09/sparql/data/"
DATA0 = KASEI + "data0.rdf"
DATA1 = KASEI + "data1.rdf"
DATA2 = KASEI + "data2.rdf"
DATA3 = KASEI + "data3.rdf"

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
FOAF_DOCUMENT = "http://xmlns.com/foaf/0.1/Document"

# Graphs the update cases create (or clear) outside the kasei.us ones.
UPDATE_DATASET_TEST = "http://example.org/protocol-update-dataset-test/"
UPDATE_DATASET_GRAPHS_TEST = "http://example.org/protocol-update-dataset-graphs-test/"
UPDATE_DATASET_NAMED_GRAPHS_TEST = "http://example.org/protocol-update-dataset-named-graphs-test/"
UPDATE_DATASET_FULL_TEST = "http://example.org/protocol-update-dataset-full-test/"
BASE_TEST = "http://example.org/protocol-base-test/"
EXAMPLE_ADDRESSES = "http://example/addresses"

# Markers used in ``Case.writes`` besides graph IRIs.
ALL = "ALL"  # CLEAR ALL / DROP ALL: every graph, default included
NAMED = "NAMED"  # CLEAR NAMED: every named graph
DEFAULT = "DEFAULT"  # CLEAR DEFAULT: the default graph

# --- our stand-in data -----------------------------------------------------------------------
#
# data1, data2 and data3 each state that their own IRI is a foaf:Document. The dataset queries
# join ``<dataN> a ?type`` across graphs, so all three need the *same* class; foaf:Document is
# also what the update cases write into these graphs, so the store looks the same whether a
# query case runs before or after them. data0 is only ever named as a default graph under
# queries that read nothing (ASK {}, SELECT of a constant, CONSTRUCT from an empty pattern); its
# one triple about <http://example.org/> gives the DESCRIBE case something to return.

GRAPHS: dict[str, list[str]] = {
    DATA0: [
        f'<http://example.org/> <{RDFS_LABEL}> "resource described by the protocol tests" .',
    ],
    DATA1: [f"<{DATA1}> <{RDF_TYPE}> <{FOAF_DOCUMENT}> ."],
    DATA2: [f"<{DATA2}> <{RDF_TYPE}> <{FOAF_DOCUMENT}> ."],
    DATA3: [f"<{DATA3}> <{RDF_TYPE}> <{FOAF_DOCUMENT}> ."],
}

# --- expectations ----------------------------------------------------------------------------

OK = (200, 399)  # the manifest's "2xx or 3xx"
CLIENT_ERROR = (400, 499)  # the manifest's "4xx"

# The manifest names the result *kind* and accepts "any valid media type" for it; these are the
# types we accept. Compare on the bare type (drop ``; charset=...`` and other parameters).
BOOLEAN_TYPES = ("application/sparql-results+xml", "application/sparql-results+json")
RESULTS_TYPES = (*BOOLEAN_TYPES, "text/csv", "text/tab-separated-values")
RDF_TYPES = (
    "application/rdf+xml",
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+json",
)

# ``Request.expect_check`` value for the base-IRI case: exactly one solution, and its ?o is an
# IRI whose value is not the bare relative string "test" (i.e. the server resolved it).
CHECK_ONE_RESOLVED_IRI = "one-row-o-resolved-iri"


@dataclass(frozen=True, kw_only=True)
class Request:
    method: str
    path: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None
    expect_status: tuple[int, int]
    expect_format: str | None = None  # 'boolean', 'results', 'rdf' or None (no body checked)
    expect_boolean: bool | None = None
    expect_content_types: tuple[str, ...] | None = None
    expect_check: str | None = None  # an extra check a runner must apply (see CHECK_*)
    is_update: bool = False  # this request carries a SPARQL update (well-formed or not)


@dataclass(frozen=True, kw_only=True)
class Case:
    name: str
    title: str
    requests: tuple[Request, ...]
    needs_graphs: tuple[str, ...] = ()  # GRAPHS keys to load (as named graphs) beforehand
    # Named graphs that must already exist, empty, before the case runs: the case CLEARs them
    # without SILENT, which a store that records empty graphs (Oxigraph) treats as an error.
    needs_empty_graphs: tuple[str, ...] = ()
    is_update: bool = False  # some request in the case sends an update
    # What the case's updates clear or write: graph IRIs, or ALL / NAMED / DEFAULT. For cases
    # that expect a 4xx this is what a server would damage if it wrongly ran the update.
    writes: tuple[str, ...] = ()
    note: str | None = None  # a known problem with the case as the manifest states it


# --- request builders ------------------------------------------------------------------------

FORM = (("content-type", "application/x-www-form-urlencoded"),)
QUERY = (("content-type", "application/sparql-query"),)
UPDATE = (("content-type", "application/sparql-update"),)


def _ask_true(
    method: str, path: str, headers: tuple[tuple[str, str], ...] = (), body: str | None = None
) -> Request:
    return Request(
        method=method,
        path=path,
        headers=headers,
        body=None if body is None else body.encode("utf-8"),
        expect_status=OK,
        expect_format="boolean",
        expect_boolean=True,
        expect_content_types=BOOLEAN_TYPES,
    )


def _update_ok(path: str, body: str, headers: tuple[tuple[str, str], ...] = UPDATE) -> Request:
    return Request(
        method="POST",
        path=path,
        headers=headers,
        body=body.encode("utf-8"),
        expect_status=OK,
        is_update=True,
    )


def _rejected(
    method: str,
    path: str,
    headers: tuple[tuple[str, str], ...] = (),
    body: bytes | None = None,
    *,
    is_update: bool = False,
) -> Request:
    return Request(
        method=method,
        path=path,
        headers=headers,
        body=body,
        expect_status=CLIENT_ERROR,
        is_update=is_update,
    )


def _utf16_with_bom(text: str) -> bytes:
    # The manifest only says "UTF-16 with a BOM"; little-endian is our choice. 2 + 2 bytes a char.
    return b"\xff\xfe" + text.encode("utf-16-le")


# --- request texts ---------------------------------------------------------------------------

# Percent-encoded graph IRIs as they appear in the manifest's query strings.
_E0 = "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf"
_E1 = "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf"
_E2 = "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf"
_E3 = "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata3.rdf"

_ASK_DEFAULT_1_2 = "ASK { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type . <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type . }"
_ASK_NAMED_1_2 = "ASK { GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type } GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type } }"
_ASK_FULL = (
    "ASK {\n"
    "  <http://kasei.us/2009/09/sparql/data/data3.rdf> a ?type\n"
    "  GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type }\n"
    "  GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type }\n"
    "}"
)
_ASK_FROM_3_NAMED_1_2 = "ASK FROM <http://kasei.us/2009/09/sparql/data/data3.rdf> { GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type } GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type } }"

_PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
_INSERT_DATA_1_2_3 = (
    "INSERT DATA {\n"
    "    GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> { <http://kasei.us/2009/09/sparql/data/data1.rdf> a foaf:Document }\n"
    "    GRAPH <http://kasei.us/2009/09/sparql/data/data2.rdf> { <http://kasei.us/2009/09/sparql/data/data2.rdf> a foaf:Document }\n"
    "    GRAPH <http://kasei.us/2009/09/sparql/data/data3.rdf> { <http://kasei.us/2009/09/sparql/data/data3.rdf> a foaf:Document }\n"
    "} ;\n"
)

_UPDATE_DEFAULT_GRAPH = _PREFIXES + (
    "CLEAR ALL ;\n"
    "INSERT DATA {\n"
    "    GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> {\n"
    "        <http://kasei.us/2009/09/sparql/data/data1.rdf> a foaf:Document\n"
    "    }\n"
    "} ;\n"
    "INSERT {\n"
    "    GRAPH <http://example.org/protocol-update-dataset-test/> {\n"
    "        ?s a dc:BibliographicResource\n"
    "    }\n"
    "}\n"
    "WHERE {\n"
    "    ?s a foaf:Document\n"
    "}"
)
_ASK_DEFAULT_GRAPH = (
    "ASK {\n"
    "    GRAPH <http://example.org/protocol-update-dataset-test/> {\n"
    "        <http://kasei.us/2009/09/sparql/data/data1.rdf> a <http://purl.org/dc/terms/BibliographicResource>\n"
    "    }\n"
    "}"
)

_UPDATE_DEFAULT_GRAPHS = (
    _PREFIXES
    + "DROP ALL ;\n"
    + _INSERT_DATA_1_2_3
    + (
        "INSERT {\n"
        "    GRAPH <http://example.org/protocol-update-dataset-graphs-test/> {\n"
        "        ?s a dc:BibliographicResource\n"
        "    }\n"
        "}\n"
        "WHERE {\n"
        "    ?s a foaf:Document\n"
        "}"
    )
)


def _ask_1_2_not_3(graph: str) -> str:
    return (
        "ASK {\n"
        f"    GRAPH <{graph}> {{\n"
        "        <http://kasei.us/2009/09/sparql/data/data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n"
        "        <http://kasei.us/2009/09/sparql/data/data2.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n"
        "    }\n"
        "    FILTER NOT EXISTS {\n"
        f"        GRAPH <{graph}> {{\n"
        "            <http://kasei.us/2009/09/sparql/data/data3.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n"
        "        }\n"
        "    }\n"
        "}"
    )


_UPDATE_NAMED_GRAPHS = (
    _PREFIXES
    + "DROP ALL ;\n"
    + _INSERT_DATA_1_2_3
    + (
        "INSERT {\n"
        "    GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> {\n"
        "        ?s a dc:BibliographicResource\n"
        "    }\n"
        "}\n"
        "WHERE {\n"
        "    GRAPH ?g {\n"
        "        ?s a foaf:Document\n"
        "    }\n"
        "}"
    )
)

_UPDATE_FULL = (
    _PREFIXES
    + "DROP ALL ;\n"
    + _INSERT_DATA_1_2_3
    + (
        "INSERT {\n"
        "    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
        "        ?s <http://example.org/in> ?in\n"
        "    }\n"
        "}\n"
        "WHERE {\n"
        "    {\n"
        "        GRAPH ?g { ?s a foaf:Document }\n"
        "        BIND(?g AS ?in)\n"
        "    }\n"
        "    UNION\n"
        "    {\n"
        "        ?s a foaf:Document .\n"
        '        BIND("default" AS ?in)\n'
        "    }\n"
        "}"
    )
)
_ASK_FULL_UPDATE = (
    "ASK {\n"
    "    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
    '        <http://kasei.us/2009/09/sparql/data/data1.rdf> <http://example.org/in> "default" .\n'
    "        <http://kasei.us/2009/09/sparql/data/data2.rdf> <http://example.org/in> <http://kasei.us/2009/09/sparql/data/data2.rdf> .\n"
    "    }\n"
    "    FILTER NOT EXISTS {\n"
    "        GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
    "            <http://kasei.us/2009/09/sparql/data/data3.rdf> ?p ?o\n"
    "        }\n"
    "    }\n"
    "}"
)

_UPDATE_BASE = (
    "CLEAR GRAPH <http://example.org/protocol-base-test/> ;\n"
    "INSERT DATA { GRAPH <http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> <test> } }"
)
_SELECT_BASE = (
    "SELECT ?o WHERE {\n"
    "    GRAPH <http://example.org/protocol-base-test/> {\n"
    "        <http://example.org/s> <http://example.org/p> ?o\n"
    "    }\n"
    "}"
)

_UPDATE_CONFLICT = (
    "PREFIX foaf:  <http://xmlns.com/foaf/0.1/>\n"
    "WITH <http://example/addresses>\n"
    "DELETE { ?person foaf:givenName 'Bill' }\n"
    "INSERT { ?person foaf:givenName 'William' }\n"
    "WHERE {\n"
    "    ?person foaf:givenName 'Bill'\n"
    "}"
)

# In the manifest the '&' and '=' between the two named-graph-uri values are themselves
# percent-encoded, which makes one parameter whose value is a single odd IRI. The original
# validator (kasei/sparql11-protocolvalidator) sent two parameters; this is that request.
QUERY_MULTIPLE_DATASET_INTENDED_PATH = f"/sparql/?named-graph-uri={_E1}&named-graph-uri={_E2}"

# --- the cases -------------------------------------------------------------------------------

CASES: list[Case] = [
    Case(
        name="query_post_form",
        title="ASK sent as a form-encoded POST body, dataset in the URL",
        requests=(
            _ask_true("POST", f"/sparql/?default-graph-uri={_E0}", FORM, "query=ASK%20%7B%7D"),
        ),
        needs_graphs=(DATA0,),
    ),
    Case(
        name="query_dataset_default_graphs_get",
        title="GET: two default-graph-uri values form the default graph",
        requests=(
            _ask_true(
                "GET",
                "/sparql/?query=ASK%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20.%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20.%20%7D"
                f"&default-graph-uri={_E1}&default-graph-uri={_E2}",
            ),
        ),
        needs_graphs=(DATA1, DATA2),
    ),
    Case(
        name="query_dataset_default_graphs_post",
        title="direct POST: two default-graph-uri values form the default graph",
        requests=(
            _ask_true(
                "POST",
                f"/sparql/?default-graph-uri={_E1}&default-graph-uri={_E2}",
                QUERY,
                _ASK_DEFAULT_1_2,
            ),
        ),
        needs_graphs=(DATA1, DATA2),
    ),
    Case(
        name="query_dataset_named_graphs_post",
        title="direct POST: two named-graph-uri values are the named graphs",
        requests=(
            _ask_true(
                "POST",
                f"/sparql/?named-graph-uri={_E1}&named-graph-uri={_E2}",
                QUERY,
                _ASK_NAMED_1_2,
            ),
        ),
        needs_graphs=(DATA1, DATA2),
    ),
    Case(
        name="query_dataset_named_graphs_get",
        title="GET: two named-graph-uri values are the named graphs",
        requests=(
            _ask_true(
                "GET",
                "/sparql/?query=ASK%20%7B%20GRAPH%20%3Fg1%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20%7D%20GRAPH%20%3Fg2%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20%7D%20%7D"
                f"&named-graph-uri={_E1}&named-graph-uri={_E2}",
            ),
        ),
        needs_graphs=(DATA1, DATA2),
    ),
    Case(
        name="query_dataset_full",
        title="direct POST: data3 as default graph, data1 and data2 as named graphs",
        requests=(
            _ask_true(
                "POST",
                f"/sparql/?default-graph-uri={_E3}&named-graph-uri={_E1}&named-graph-uri={_E2}",
                QUERY,
                _ASK_FULL,
            ),
        ),
        needs_graphs=(DATA1, DATA2, DATA3),
    ),
    Case(
        name="query_multiple_dataset",
        title="protocol dataset overrides the query's own FROM",
        requests=(
            _ask_true(
                "POST",
                "/sparql/?named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%26named-graph-uri%3Dhttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf",
                QUERY,
                _ASK_FROM_3_NAMED_1_2,
            ),
        ),
        needs_graphs=(DATA1, DATA2, DATA3),
        note=(
            "The manifest's path encodes '&' and '=' (%26, %3D), so it carries ONE named-graph-uri "
            "whose value is 'http://kasei.us/.../data1.rdf&named-graph-uri=http://kasei.us/.../data2.rdf'. "
            "A conforming server then has a single, empty named graph and answers false, not true. "
            "QUERY_MULTIPLE_DATASET_INTENDED_PATH is the request the test was meant to send."
        ),
    ),
    Case(
        name="query_get",
        title="ASK in the URL of a GET, dataset in the URL",
        requests=(_ask_true("GET", f"/sparql/?query=ASK%20%7B%7D&default-graph-uri={_E0}"),),
        needs_graphs=(DATA0,),
    ),
    Case(
        name="query_content_type_select",
        title="SELECT answers in a tabular results format",
        requests=(
            Request(
                method="POST",
                path=f"/sparql/?default-graph-uri={_E0}",
                headers=QUERY,
                body=b"SELECT (1 AS ?value) {}",
                expect_status=OK,
                expect_format="results",
                expect_content_types=RESULTS_TYPES,
            ),
        ),
        needs_graphs=(DATA0,),
    ),
    Case(
        name="query_content_type_ask",
        title="ASK answers in a boolean results format",
        requests=(
            Request(
                method="POST",
                path=f"/sparql/?default-graph-uri={_E0}",
                headers=QUERY,
                body=b"ASK {}",
                expect_status=OK,
                expect_format="boolean",
                expect_content_types=BOOLEAN_TYPES,
            ),
        ),
        needs_graphs=(DATA0,),
    ),
    Case(
        name="query_content_type_describe",
        title="DESCRIBE answers in an RDF format",
        requests=(
            Request(
                method="POST",
                path=f"/sparql/?default-graph-uri={_E0}",
                headers=QUERY,
                body=b"DESCRIBE <http://example.org/>",
                expect_status=OK,
                expect_format="rdf",
                expect_content_types=RDF_TYPES,
            ),
        ),
        needs_graphs=(DATA0,),
    ),
    Case(
        name="query_content_type_construct",
        title="CONSTRUCT (with relative IRIs) answers in an RDF format",
        requests=(
            Request(
                method="POST",
                path=f"/sparql/?default-graph-uri={_E0}",
                headers=QUERY,
                body=b"CONSTRUCT { <s> <p> 1 } WHERE {}",
                expect_status=OK,
                expect_format="rdf",
                expect_content_types=RDF_TYPES,
            ),
        ),
        needs_graphs=(DATA0,),
    ),
    Case(
        name="update_dataset_default_graph",
        title="using-graph-uri sets the default graph an update's WHERE reads",
        requests=(
            _update_ok(f"/sparql/?using-graph-uri={_E1}", _UPDATE_DEFAULT_GRAPH),
            _ask_true("POST", "/sparql/", QUERY, _ASK_DEFAULT_GRAPH),
        ),
        is_update=True,
        writes=(ALL, DATA1, UPDATE_DATASET_TEST),
    ),
    Case(
        name="update_dataset_default_graphs",
        title="two using-graph-uri values: WHERE sees data1 and data2, not data3",
        requests=(
            _update_ok(
                f"/sparql/?using-graph-uri={_E1}&using-graph-uri={_E2}", _UPDATE_DEFAULT_GRAPHS
            ),
            _ask_true("POST", "/sparql/", QUERY, _ask_1_2_not_3(UPDATE_DATASET_GRAPHS_TEST)),
        ),
        is_update=True,
        writes=(ALL, DATA1, DATA2, DATA3, UPDATE_DATASET_GRAPHS_TEST),
    ),
    Case(
        name="update_dataset_named_graphs",
        title="two using-named-graph-uri values: GRAPH ?g sees data1 and data2, not data3",
        requests=(
            _update_ok(
                f"/sparql/?using-named-graph-uri={_E1}&using-named-graph-uri={_E2}",
                _UPDATE_NAMED_GRAPHS,
            ),
            _ask_true("POST", "/sparql/", QUERY, _ask_1_2_not_3(UPDATE_DATASET_NAMED_GRAPHS_TEST)),
        ),
        is_update=True,
        writes=(ALL, DATA1, DATA2, DATA3, UPDATE_DATASET_NAMED_GRAPHS_TEST),
    ),
    Case(
        name="update_dataset_full",
        title="using-graph-uri data1 plus using-named-graph-uri data2 in one update",
        requests=(
            _update_ok(f"/sparql/?using-graph-uri={_E1}&using-named-graph-uri={_E2}", _UPDATE_FULL),
            _ask_true("POST", "/sparql/", QUERY, _ASK_FULL_UPDATE),
        ),
        is_update=True,
        writes=(ALL, DATA1, DATA2, DATA3, UPDATE_DATASET_FULL_TEST),
    ),
    Case(
        name="update_post_form",
        title="CLEAR ALL sent as a form-encoded POST body",
        requests=(_update_ok("/sparql/", "update=CLEAR+ALL", FORM),),
        is_update=True,
        writes=(ALL,),
    ),
    Case(
        name="update_post_direct",
        title="CLEAR ALL sent as a direct application/sparql-update POST",
        requests=(_update_ok("/sparql/", "CLEAR ALL"),),
        is_update=True,
        writes=(ALL,),
    ),
    Case(
        name="update_base_uri",
        title="a relative IRI in an update is resolved against the service's base",
        requests=(
            _update_ok("/sparql/", _UPDATE_BASE),
            Request(
                method="POST",
                path="/sparql/",
                headers=QUERY,
                body=_SELECT_BASE.encode("utf-8"),
                expect_status=OK,
                expect_format="results",
                expect_content_types=RESULTS_TYPES,
                expect_check=CHECK_ONE_RESOLVED_IRI,
            ),
        ),
        needs_empty_graphs=(BASE_TEST,),
        is_update=True,
        writes=(BASE_TEST,),
        note=(
            "The first request runs CLEAR GRAPH (no SILENT) on a graph nothing else creates; on a "
            "fresh Oxigraph store that fails ('graph does not exist'). Create it empty first, or "
            "have the server treat CLEAR of a missing graph as a no-op."
        ),
    ),
    Case(
        name="query_post_direct",
        title="ASK sent as a direct application/sparql-query POST",
        requests=(_ask_true("POST", "/sparql/", QUERY, "ASK {}"),),
    ),
    Case(
        name="bad_query_method",
        title="PUT is not a query method",
        requests=(_rejected("PUT", f"/sparql/?query=ASK%20%7B%7D&default-graph-uri={_E0}", FORM),),
        needs_graphs=(DATA0,),
    ),
    Case(
        name="bad_multiple_queries",
        title="two query parameters in one GET",
        requests=(_rejected("GET", "/sparql/?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D"),),
    ),
    Case(
        name="bad_query_wrong_media_type",
        title="query POSTed as text/plain",
        requests=(_rejected("POST", "/sparql/", (("content-type", "text/plain"),), b"ASK {}"),),
    ),
    Case(
        name="bad_query_missing_form_type",
        title="form-encoded query body without a content type",
        requests=(_rejected("POST", "/sparql/", (), b"query=ASK%20%7B%7D"),),
    ),
    Case(
        name="bad_query_missing_direct_type",
        title="bare query body without a content type",
        requests=(_rejected("POST", "/sparql/", (), b"ASK {}"),),
    ),
    Case(
        name="bad_query_non_utf8",
        title="direct query POST declared and encoded as UTF-16",
        requests=(
            _rejected(
                "POST",
                "/sparql/",
                (("content-type", "application/sparql-query; charset=UTF-16"),),
                _utf16_with_bom("ASK {}"),
            ),
        ),
    ),
    Case(
        name="bad_query_syntax",
        title="unparseable query in a GET",
        requests=(_rejected("GET", "/sparql/?query=ASK%20%7B"),),
    ),
    Case(
        name="bad_update_get",
        title="update sent with GET",
        requests=(_rejected("GET", "/sparql/?update=CLEAR%20ALL", is_update=True),),
        is_update=True,
        writes=(ALL,),
    ),
    Case(
        name="bad_multiple_updates",
        title="two update parameters in one form POST",
        requests=(
            _rejected(
                "POST",
                "/sparql/",
                FORM,
                b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT",
                is_update=True,
            ),
        ),
        is_update=True,
        writes=(NAMED, DEFAULT),
    ),
    Case(
        name="bad_update_wrong_media_type",
        title="update POSTed as text/plain",
        requests=(
            _rejected(
                "POST",
                "/sparql/",
                (("content-type", "text/plain"),),
                b"CLEAR NAMED",
                is_update=True,
            ),
        ),
        is_update=True,
        writes=(NAMED,),
    ),
    Case(
        name="bad_update_missing_form_type",
        title="form-encoded update body without a content type",
        requests=(_rejected("POST", "/sparql/", (), b"update=CLEAR%20NAMED", is_update=True),),
        is_update=True,
        writes=(NAMED,),
    ),
    Case(
        name="bad_update_non_utf8",
        title="direct update POST declared and encoded as UTF-16",
        requests=(
            _rejected(
                "POST",
                "/sparql/",
                (("content-type", "application/sparql-update; charset=UTF-16"),),
                _utf16_with_bom("CLEAR NAMED"),
                is_update=True,
            ),
        ),
        is_update=True,
        writes=(NAMED,),
    ),
    Case(
        name="bad_update_syntax",
        title="unparseable update in a form POST",
        requests=(_rejected("POST", "/sparql/", FORM, b"update=CLEAR%20XYZ", is_update=True),),
        is_update=True,
    ),
    Case(
        name="bad_update_dataset_conflict",
        title="using-named-graph-uri together with a WITH clause",
        requests=(
            _rejected(
                "POST",
                "/sparql/?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople",
                UPDATE,
                _UPDATE_CONFLICT.encode("utf-8"),
                is_update=True,
            ),
        ),
        is_update=True,
        writes=(EXAMPLE_ADDRESSES,),
    ),
]

CASES_BY_NAME: dict[str, Case] = {c.name: c for c in CASES}
