"""Where the inputs are, where the build goes, and the base IRI of the graph."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_BASE_IRI = "http://localhost:5000/"


class ConfigError(ValueError):
    """A setting that cannot work (reported to the user as one line)."""


class NoBuild(ConfigError):
    """A command needs the built graph and there is none yet."""


def _default_root() -> Path:
    env = os.environ.get("KG_HOME")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent
    return here if (here / "data" / "sources").is_dir() else Path.cwd()


@dataclass(frozen=True)
class Config:
    """Paths and identifiers for one project checkout."""

    root: Path
    base_iri: str = DEFAULT_BASE_IRI
    build_dir: Path | None = None
    state_override: Path | None = None  # KG_STATE_DIR

    @classmethod
    def load(cls, root: Path | None = None, base_iri: str | None = None) -> Config:
        base = base_iri or os.environ.get("KG_BASE_IRI") or DEFAULT_BASE_IRI
        if not base.startswith(("http://", "https://")) or not base.endswith("/"):
            raise ConfigError(f"base IRI must be an http(s) IRI ending in '/': {base!r}")
        build = os.environ.get("KG_BUILD_DIR")
        state = os.environ.get("KG_STATE_DIR")
        return cls(
            root=(root or _default_root()).resolve(),
            base_iri=base,
            build_dir=Path(build).resolve() if build else None,
            state_override=Path(state).resolve() if state else None,
        )

    @property
    def sources_dir(self) -> Path:
        return self.root / "data" / "sources"

    @property
    def claims_dir(self) -> Path:
        return self.root / "data" / "claims"

    @property
    def entities_file(self) -> Path:
        return self.root / "data" / "entities.yaml"

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def out_dir(self) -> Path:
        return self.build_dir or (self.root / "build")

    @property
    def dump_file(self) -> Path:
        """The built graph as N-Quads, every named graph in one file."""
        return self.out_dir / "kg.nq"

    def built_dump(self) -> Path:
        """:attr:`dump_file`, or :class:`NoBuild` saying to build first."""
        if not self.dump_file.is_file():
            raise NoBuild(f"no built graph in {self.out_dir}; run `kg build` first")
        return self.dump_file

    @property
    def wikidata_file(self) -> Path:
        """The checked Q-ids of the Wikidata exports."""
        return self.root / "data" / "wikidata.yaml"

    @property
    def state_dir(self) -> Path:
        """What the server keeps between runs: the user graph, notebooks, citable runs."""
        return self.state_override or (self.root / "var")
