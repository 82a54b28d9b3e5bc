"""The Wikidata exports: the asserted facts of the graph as Wikidata items, statements,
qualifiers and references, written as Wikibase RDF or as QuickStatements V1.

One module, one job:

- :mod:`~kg.export.wikidata.mapping`: reading and checking the Q-id mapping
  (``data/wikidata.yaml``): :func:`~kg.export.wikidata.mapping.load_mapping`,
  :class:`~kg.export.wikidata.mapping.WikidataMapping`,
  :class:`~kg.export.wikidata.mapping.MappingError`;
- :mod:`~kg.export.wikidata.mapping_file`: editing that file in place
  (:func:`~kg.export.wikidata.mapping_file.record_qids`, for ``kg wikidata set``);
- :mod:`~kg.export.wikidata.rdf`: what the others share of RDF: Wikidata's namespaces,
  :class:`~kg.export.wikidata.rdf.Term`, query rows, Wikidata ids read from IRIs;
- :mod:`~kg.export.wikidata.properties`: P-ids and classes from the ontology, and the Wikidata
  datatype and form of each value;
- :mod:`~kg.export.wikidata.items`: the items (the registry's entities) and the references read
  from the store;
- :mod:`~kg.export.wikidata.asserted`: the asserted triples of the article graphs, with their
  references;
- :mod:`~kg.export.wikidata.model`: what a :class:`~kg.export.wikidata.model.WikidataView` holds;
- :mod:`~kg.export.wikidata.statements`: deciding which statements, qualifiers and references
  each item gets (:func:`~kg.export.wikidata.statements.view`);
- :mod:`~kg.export.wikidata.writers`: writing a view, as Wikibase RDF
  (:mod:`~kg.export.wikidata.writers.wikibase`) or QuickStatements V1
  (:mod:`~kg.export.wikidata.writers.quickstatements`).

Nothing here reads the environment: the mapping file is always given by the caller (the CLI and
the web app pass ``Config.wikidata_file``).
"""
