"""YAML for the data files: safe, and dates stay text so our own checks can name a bad one.

Files the tools write (``sources.yaml``, ``data/reviews/``) are rewritten with ruamel.yaml, which
keeps their comments and layout, and replaced through a temporary file and a rename, so a reader
never sees half a file.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML


class _Loader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps (PyYAML would raise on 1985-13-03 itself)."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)


YAMLError = yaml.YAMLError


def round_trip() -> YAML:
    """A ruamel.yaml reader and writer that keeps comments, quotes and layout."""
    y = YAML()
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    return y


def dump_round_trip(doc: Any) -> bytes:
    buf = io.StringIO()
    round_trip().dump(doc, buf)
    return buf.getvalue().encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """``data`` as the new content of ``path``: written beside it, synced, then renamed over it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
