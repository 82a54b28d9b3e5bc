"""The web application: ``create_app`` for ``flask --app server run`` and WSGI servers."""

from kg.web import create_app

__all__ = ["create_app"]
