"""Query notebooks: an ordered list of markdown and query cells, each query with a view.

``model`` is the notebook format (shipped YAML in ``queries/notebooks/``, JSON in the database),
``execute`` runs a notebook's cells, ``store`` keeps user notebooks and their revisions in SQLite,
``charts`` draws the views, ``report`` writes HTML or Markdown, ``ipynb`` exports to Jupyter.
"""
