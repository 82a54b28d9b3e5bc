"""The ``kg`` command line: ``main`` (build, query, serve, export, explain, ...), ``notebook``,
``wikidata`` and ``bench``, and ``output`` for printing query results. Only the CLI and
``create_app`` read the environment."""
