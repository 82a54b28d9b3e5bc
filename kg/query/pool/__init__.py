"""Queries in worker processes that can be killed at the time limit (``parent``/``child``), or in
this process (``local``); ``jobs`` is what both send and get back."""
