"""Endpoint settings, from the app config (``KG_*`` environment variables or the test config)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.config import ConfigError


@dataclass(frozen=True)
class Settings:
    query_timeout: float = 30.0  # seconds a query may run before its worker is killed
    row_cap: int = 10_000  # rows (or triples) returned at most; the response says when it cut
    workers: int = 2  # query worker processes = queries running at once
    queue_wait: float = 2.0  # seconds a request waits for a free worker before 429
    max_body: int = 1_048_576  # bytes of request body accepted (413 above)
    update_token: str | None = None  # bearer token for SPARQL Update; unset = updates off
    service_allowlist: frozenset[str] = frozenset()  # SERVICE endpoints allowed (none by default)
    cors_origins: str = "*"
    state_dir: Path | None = None  # where the user graph lives (default <root>/var)
    # "user": updates may write only the user graph (the default). "all": a scratch store with
    # plain SPARQL semantics where updates may write and clear every graph, for conformance
    # testing and throwaway deployments; never point it at data you want to keep.
    update_scope: str = "user"

    @classmethod
    def from_config(cls, c: Any) -> Settings:
        def num(key: str, default: float, kind: type = float) -> Any:
            raw = c.get(key)
            if raw is None or raw == "":
                return default
            try:
                value = kind(raw)
            except (TypeError, ValueError):
                raise ConfigError(f"{key} must be a number, got {raw!r}") from None
            if value <= 0:
                raise ConfigError(f"{key} must be positive, got {raw!r}")
            return value

        allow = c.get("KG_SERVICE_ALLOWLIST") or ""
        if isinstance(allow, str):
            allow = [a for a in allow.replace(",", " ").split() if a]
        token = c.get("KG_UPDATE_TOKEN") or None
        if token is not None and len(str(token)) < 16:
            raise ConfigError("KG_UPDATE_TOKEN must be at least 16 characters")
        state = c.get("KG_STATE_DIR")
        scope = str(c.get("KG_UPDATE_SCOPE") or "user")
        if scope not in ("user", "all"):
            raise ConfigError(f"KG_UPDATE_SCOPE must be 'user' or 'all', got {scope!r}")
        return cls(
            query_timeout=num("KG_QUERY_TIMEOUT", cls.query_timeout),
            row_cap=num("KG_ROW_CAP", cls.row_cap, int),
            workers=num("KG_WORKERS", cls.workers, int),
            queue_wait=num("KG_QUEUE_WAIT", cls.queue_wait),
            max_body=num("KG_MAX_BODY", cls.max_body, int),
            update_token=str(token) if token else None,
            service_allowlist=frozenset(allow),
            cors_origins=str(c.get("KG_CORS_ORIGINS") or "*"),
            state_dir=Path(state) if state else None,
            update_scope=scope,
        )
