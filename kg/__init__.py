"""Knowledge graph of Indian state politics, built from articles with provenance for every fact.

The pipeline, one module (or sub-package) per stage:
sources -> extract -> resolve -> rdf -> reason -> validate -> store, driven by ``build``.
"""

__version__ = "0.1.0"
