"""Every setting of the project: one declared table of ``KG_*`` names, read in one place.

:data:`SETTINGS` names each setting with its type, default and meaning; the README's
configuration table is checked against it by a test. :meth:`Config.from_settings` is the only
reader: ``create_app`` hands it the ``KG_*`` environment variables and its test config, the CLI
hands it the environment and its options. Library code takes a :class:`Config` (or the paths and
values in it) and never reads the environment itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

DEFAULT_BASE_IRI = "http://localhost:5000/"


class ConfigError(ValueError):
    """A setting that cannot work (reported to the user as one line)."""


class NoBuild(ConfigError):
    """A command needs the built graph and there is none yet."""


# ---- how a setting's text becomes a value; each raises ConfigError naming the setting ----

Parse = Callable[[str, str], object]


def _path(name: str, raw: str) -> Path:
    return Path(raw).resolve()


def _base_iri(name: str, raw: str) -> str:
    if not raw.startswith(("http://", "https://")) or not raw.endswith("/"):
        raise ConfigError(f"base IRI must be an http(s) IRI ending in '/': {raw!r}")
    return raw


def _number(kind: type[float] | type[int]) -> Parse:
    def parse(name: str, raw: str) -> object:
        try:
            value = kind(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{name} must be a number, got {raw!r}") from None
        if value <= 0:
            raise ConfigError(f"{name} must be positive, got {raw!r}")
        return value

    return parse


def _port(name: str, raw: str) -> int:
    port = _number(int)(name, raw)
    assert isinstance(port, int)
    if port > 65535:
        raise ConfigError(f"{name} must be a TCP port (1-65535), got {raw!r}")
    return port


def _text(name: str, raw: str) -> str:
    return raw


def _token(name: str, raw: str) -> str:
    if len(raw) < 16:
        raise ConfigError(f"{name} must be at least 16 characters")
    return raw


def _iris(name: str, raw: str) -> frozenset[str]:
    return frozenset(a for a in raw.replace(",", " ").split() if a)


def _scope(name: str, raw: str) -> str:
    if raw not in ("user", "all"):
        raise ConfigError(f"{name} must be 'user' or 'all', got {raw!r}")
    return raw


def _flag(name: str, raw: str) -> bool:
    return raw.strip().lower() not in ("", "0", "false", "no", "off")


@dataclass(frozen=True)
class Setting:
    """One ``KG_*`` setting: its name, how its text is read, its default and what it means."""

    name: str
    parse: Parse
    default: object  # the value when unset (None: computed from the project folder, or off)
    shown: str  # the default as the README writes it
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "KG_HOME",
        _path,
        None,
        "the checkout",
        "the project folder holding `data/` and `ontology/` (also `kg --root`)",
    ),
    Setting(
        "KG_BASE_IRI",
        _base_iri,
        DEFAULT_BASE_IRI,
        f"`{DEFAULT_BASE_IRI}`",
        "base of every IRI (`id/…`, `ontology#…`, `graph/…`); also `kg --base-iri`",
    ),
    Setting(
        "KG_BUILD_DIR",
        _path,
        None,
        "`build/` in the checkout",
        "where `kg build` writes and the other commands read",
    ),
    Setting(
        "KG_STATE_DIR",
        _path,
        None,
        "`var/` in the checkout",
        "where the user graph (`user-graph.nq`) and the notebooks and citable runs "
        "(`kg.sqlite3`) are kept",
    ),
    Setting(
        "KG_HOST",
        _text,
        "127.0.0.1",
        "`127.0.0.1`",
        "address `kg serve` (and `scripts/run.sh`) listens on; also `kg serve --host`",
    ),
    Setting(
        "KG_PORT",
        _port,
        5000,
        "`5000`",
        "port `kg serve` (and `scripts/run.sh`) listens on; also `kg serve --port`",
    ),
    Setting(
        "KG_QUERY_TIMEOUT",
        _number(float),
        30.0,
        "`30`",
        "seconds a query may run before its worker is killed; also `kg serve --timeout`",
    ),
    Setting(
        "KG_ROW_CAP",
        _number(int),
        10_000,
        "`10000`",
        "rows (or triples) returned at most; announced in `X-KG-Row-Cap`/`X-KG-Truncated`",
    ),
    Setting(
        "KG_WORKERS",
        _number(int),
        2,
        "`2`",
        "query worker processes, i.e. queries running at once; also `kg serve --workers`",
    ),
    Setting(
        "KG_QUEUE_WAIT",
        _number(float),
        2.0,
        "`2`",
        "seconds a request waits for a free worker before 429",
    ),
    Setting(
        "KG_MAX_BODY",
        _number(int),
        1_048_576,
        "`1048576`",
        "request body limit in bytes (413 above)",
    ),
    Setting(
        "KG_UPDATE_TOKEN",
        _token,
        None,
        "unset (updates off)",
        "bearer token for SPARQL Update and Graph Store writes (16+ characters)",
    ),
    Setting(
        "KG_SERVICE_ALLOWLIST",
        _iris,
        frozenset(),
        "empty",
        "SERVICE endpoints a query may call (space- or comma-separated IRIs)",
    ),
    Setting(
        "KG_CORS_ORIGINS",
        _text,
        "*",
        "`*`",
        "origins allowed by CORS",
    ),
    Setting(
        "KG_UPDATE_SCOPE",
        _scope,
        "user",
        "`user`",
        "`user`: updates write only the user graph. `all`: a scratch store with plain SPARQL "
        "semantics (every graph writable, the default graph its own), used by the W3C "
        "conformance runner; never for data you keep",
    ),
    Setting(
        "KG_DEBUG",
        _flag,
        False,
        "unset",
        "show tracebacks of internal errors in the CLI",
    ),
)
BY_NAME = {s.name: s for s in SETTINGS}


def read_settings(values: Mapping[str, object]) -> dict[str, object]:
    """Every setting's value from ``KG_*`` texts (unset or empty: the default).

    A ``KG_`` name the table does not declare is refused, naming the closest one, so a typo does
    not silently leave a default in force.
    """
    for key in values:
        if key.startswith("KG_") and key not in BY_NAME:
            near = difflib.get_close_matches(key, BY_NAME, n=1)
            hint = f"; did you mean {near[0]}?" if near else ""
            raise ConfigError(f"unknown setting {key}{hint} (see the README's configuration table)")
    out: dict[str, object] = {}
    for s in SETTINGS:
        raw = values.get(s.name)
        out[s.name] = s.default if raw is None or raw == "" else s.parse(s.name, str(raw))
    return out


def settings_of(values: Mapping[str, str]) -> dict[str, str]:
    """The ``KG_*`` entries of a mapping (the environment, or an app's test config)."""
    return {k: str(v) for k, v in values.items() if k.startswith("KG_")}


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
