"""Query notebooks on the web: list, open, run, edit, save with revisions (stub)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("notebooks", __name__)
