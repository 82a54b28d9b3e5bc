"""Running SPARQL over the built graph: the engine, parameters, saved queries, result formats.

``store`` is the engine behind one small interface (pyoxigraph), ``params`` the typed parameters
of saved queries, ``saved`` the files of ``queries/``, ``formats`` the result and RDF formats,
``answer`` a query's answer as plain data, ``search`` the entities' names as an index (behind
``/search``), ``safety`` what a text may do (read from it before it runs), and ``pool`` the
killable worker processes (``parent`` in the web process, ``child`` in the worker, ``local`` in
this process for the CLI).
"""
