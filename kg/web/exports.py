"""Placeholder: being written (issue 4)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("exports", __name__)
