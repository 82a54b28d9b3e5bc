"""Placeholder: being written (issue 4); registers no exporter yet."""

from __future__ import annotations

from kg.export import Exporter

EXPORTERS: list[Exporter] = []
