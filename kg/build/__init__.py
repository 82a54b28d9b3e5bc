"""The build: sources -> extract -> resolve -> rdf -> reason -> validate -> store.

``build(cfg)`` runs every stage and writes the build folder; ``derive(cfg)`` runs them in memory
and writes nothing. The stages, one module or sub-package each, in pipeline order: ``sources``
(the only reader of the articles), ``extract/`` (pure functions: text -> claims with evidence),
``resolve`` (mentions -> entities), ``nodes`` (statement nodes), ``rdf`` (claims -> named graphs
with provenance), ``reason/`` (OWL 2 RL closure and derivations), ``validate`` (SHACL),
``serialize`` (dumps) and ``store`` (the on-disk store). ``pipeline`` chains them.

The names below are loaded on first use, so importing one stage (``kg.build.sources``) does not
import every other (the reasoner, pySHACL).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.build.extract import extract_source
    from kg.build.pipeline import BuildError, Built, build, derive

__all__ = ["BuildError", "Built", "build", "derive", "extract_source"]


def __getattr__(name: str) -> Any:
    if name == "extract_source":
        from kg.build import extract

        return extract.extract_source
    if name in __all__:
        from kg.build import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kg.build' has no attribute {name!r}")
