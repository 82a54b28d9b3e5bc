"""Knowledge graph of Indian state politics, built from articles with provenance for every fact.

The pipeline: sources -> extract -> resolve -> rdf -> reason -> validate -> store -> web/export.
One package a room, each importing only from the rooms below it (checked by import-linter, see
``pyproject.toml``):

- ``cli``: the ``kg`` command (top; with ``web``, the only code that reads the environment);
- ``web``: the Flask app, ``create_app`` and one blueprint a view;
- ``notebooks``: query notebooks; ``export``: dumps, VoID, Wikidata exports; ``explain``: why a
  triple holds, down to the articles;
- ``state``: what the server keeps between runs (SQLite, user graph, citable runs);
- ``query``: SPARQL over the build: the engine, parameters, saved queries, formats, safety
  checks, killable worker processes;
- ``build``: the stages from articles to the stored graph, ``build()`` and ``derive()``;
- ``config`` and, below it, ``settings``, ``model``, ``iris``, ``yamlfile`` (bottom): the
  configuration, the settings table, the build's dataclasses, the IRIs, safe YAML.
"""

__version__ = "0.1.0"
