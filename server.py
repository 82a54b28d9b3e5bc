"""The web application: ``create_app`` for ``flask --app server run`` and WSGI servers."""

from __future__ import annotations

from typing import Any

from kg.web import create_app as _create_app


def create_app(test_config: dict[str, Any] | None = None):  # type: ignore[no-untyped-def]
    return _create_app(test_config)
