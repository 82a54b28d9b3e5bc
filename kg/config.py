"""The configuration the rest of the package is given: paths, the base IRI, server settings.

Every value comes from the one table of ``KG_*`` settings in :mod:`kg.settings`, through
:meth:`Config.from_settings`: ``create_app`` hands it the ``KG_*`` environment variables and its
test config, the CLI hands it the environment and its options. Library code takes a
:class:`Config` (or the paths and values in it) and never reads the environment itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kg.settings import DEFAULT_BASE_IRI, ConfigError, NoBuild, read_settings, settings_of

__all__ = ["DEFAULT_BASE_IRI", "Config", "ConfigError", "NoBuild", "ServerSettings", "settings_of"]

T = TypeVar("T")


def _as(value: object, kind: type[T]) -> T:
    if kind is float and isinstance(value, int):
        value = float(value)
    if not isinstance(value, kind):
        raise ConfigError(f"expected {kind.__name__}, got {value!r}")
    return value


def _maybe(value: object, kind: type[T]) -> T | None:
    return None if value is None else _as(value, kind)


def _default_root() -> Path:
    here = Path(__file__).resolve().parent.parent
    return here if (here / "data" / "sources").is_dir() else Path.cwd()


@dataclass(frozen=True)
class ServerSettings:
    """What the server needs beyond the paths: limits, workers, the update token, CORS."""

    query_timeout: float = 30.0  # seconds a query may run before its worker is killed
    row_cap: int = 10_000  # rows (or triples) returned at most; the response says when it cut
    workers: int = 2  # query worker processes = queries running at once
    queue_wait: float = 2.0  # seconds a request waits for a free worker before 429
    max_body: int = 1_048_576  # bytes of request body accepted (413 above)
    update_token: str | None = None  # bearer token for SPARQL Update; unset = updates off
    service_allowlist: frozenset[str] = frozenset()  # SERVICE endpoints allowed (none by default)
    cors_origins: str = "*"
    # "user": updates may write only the user graph (the default). "all": a scratch store with
    # plain SPARQL semantics where updates may write and clear every graph, for conformance
    # testing and throwaway deployments; never point it at data you want to keep.
    update_scope: str = "user"
    host: str = "127.0.0.1"
    port: int = 5000


@dataclass(frozen=True)
class Config:
    """Paths, identifiers and server settings for one project checkout."""

    root: Path
    base_iri: str = DEFAULT_BASE_IRI
    build_dir: Path | None = None
    state_override: Path | None = None  # KG_STATE_DIR
    server: ServerSettings = field(default_factory=ServerSettings)
    debug: bool = False
    reviewer: str | None = None  # KG_REVIEWER: who `kg review` says decided

    @classmethod
    def from_settings(cls, values: Mapping[str, object]) -> Config:
        """The configuration from ``KG_*`` values (texts, or test-config values) via the table."""
        v = read_settings(values)
        server = ServerSettings(
            query_timeout=_as(v["KG_QUERY_TIMEOUT"], float),
            row_cap=_as(v["KG_ROW_CAP"], int),
            workers=_as(v["KG_WORKERS"], int),
            queue_wait=_as(v["KG_QUEUE_WAIT"], float),
            max_body=_as(v["KG_MAX_BODY"], int),
            update_token=_maybe(v["KG_UPDATE_TOKEN"], str),
            service_allowlist=_as(v["KG_SERVICE_ALLOWLIST"], frozenset),
            cors_origins=_as(v["KG_CORS_ORIGINS"], str),
            update_scope=_as(v["KG_UPDATE_SCOPE"], str),
            host=_as(v["KG_HOST"], str),
            port=_as(v["KG_PORT"], int),
        )
        return cls(
            root=_maybe(v["KG_HOME"], Path) or _default_root().resolve(),
            base_iri=_as(v["KG_BASE_IRI"], str),
            build_dir=_maybe(v["KG_BUILD_DIR"], Path),
            state_override=_maybe(v["KG_STATE_DIR"], Path),
            server=server,
            debug=_as(v["KG_DEBUG"], bool),
            reviewer=_maybe(v["KG_REVIEWER"], str),
        )

    @classmethod
    def load(
        cls,
        root: Path | None = None,
        base_iri: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Config:
        """From ``KG_*`` values (``env``; none when not given), with a project folder and base IRI
        given as options taking precedence (``kg --root``, ``kg --base-iri``)."""
        values: dict[str, object] = dict(settings_of(env or {}))
        if root is not None:
            values["KG_HOME"] = str(root)
        if base_iri:
            values["KG_BASE_IRI"] = base_iri
        return cls.from_settings(values)

    @property
    def sources_dir(self) -> Path:
        return self.root / "data" / "sources"

    @property
    def reviews_dir(self) -> Path:
        """Review decisions, one file per article: ``data/reviews/<source id>.yaml``."""
        return self.root / "data" / "reviews"

    @property
    def entities_file(self) -> Path:
        return self.root / "data" / "entities.yaml"

    @property
    def reference_dir(self) -> Path:
        """The reference data: constituencies, districts, parties and alliances."""
        return self.root / "data" / "reference"

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
