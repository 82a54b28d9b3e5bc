"""The writers of a :class:`~kg.export.wikidata.model.WikidataView`, one per export format, each
with ``render`` (the view in its format) and ``exporter(mapping_file)`` (its
:class:`~kg.export.Exporter`):

- :mod:`~kg.export.wikidata.writers.wikibase`: Turtle in the shape of a Wikidata RDF dump
  (``wikibase-rdf``);
- :mod:`~kg.export.wikidata.writers.quickstatements`: QuickStatements V1 commands
  (``quickstatements``).
"""
