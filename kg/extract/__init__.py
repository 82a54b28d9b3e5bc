"""Extraction: pure functions from a source text to claims with evidence."""
