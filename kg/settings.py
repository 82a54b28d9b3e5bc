"""The declared table of every ``KG_*`` setting (name, how its text is read, default, meaning)
and the one reader of it, :func:`read_settings`.

The README's configuration table is checked against :data:`SETTINGS` by ``tests/test_docs.py``;
:class:`kg.config.Config` is built from what :func:`read_settings` returns.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

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
        "KG_REVIEWER",
        _text,
        None,
        "unset",
        "the name `kg review` records as the reviewer of a decision; also `kg review --reviewer`",
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
