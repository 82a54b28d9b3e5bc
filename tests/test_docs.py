"""The README says what the code does: its configuration table is the settings table, every path
it names exists, and its architecture section lists the package's rooms as the tree has them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from kg.config import Config, ConfigError
from kg.settings import BY_NAME, SETTINGS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else len(README)]


def _config_rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in _section("Configuration").splitlines():
        m = re.fullmatch(r"\| `(KG_\w+)` \| (.*?) \| (.*) \|", line)
        if m:
            rows.append((m[1], m[2], m[3]))
    return rows


def test_the_configuration_table_is_the_settings_table() -> None:
    assert [name for name, _, _ in _config_rows()] == [s.name for s in SETTINGS]
    assert _config_rows() == [(s.name, s.shown, s.help) for s in SETTINGS]


def test_the_defaults_the_readme_shows_are_the_defaults() -> None:
    cfg = Config.from_settings({})
    assert (cfg.base_iri, cfg.server.host, cfg.server.port) == (
        "http://localhost:5000/",
        "127.0.0.1",
        5000,
    )
    assert (cfg.server.query_timeout, cfg.server.row_cap, cfg.server.workers) == (30.0, 10000, 2)
    assert (cfg.server.queue_wait, cfg.server.max_body) == (2.0, 1048576)
    assert (cfg.server.update_token, cfg.server.service_allowlist, cfg.server.cors_origins) == (
        None,
        frozenset(),
        "*",
    )
    assert (cfg.server.update_scope, cfg.debug) == ("user", False)
    assert (cfg.out_dir, cfg.state_dir) == (ROOT / "build", ROOT / "var")


def test_an_unknown_setting_is_refused_naming_the_nearest() -> None:
    with pytest.raises(
        ConfigError, match=r"^unknown setting KG_WORKRES; did you mean KG_WORKERS\?"
    ):
        Config.from_settings({"KG_WORKRES": "3"})
    assert "KG_WORKERS" in BY_NAME


def test_settings_are_read_as_their_types() -> None:
    cfg = Config.from_settings(
        {
            "KG_PORT": "5690",
            "KG_QUERY_TIMEOUT": "2.5",
            "KG_SERVICE_ALLOWLIST": "http://a.example/sparql, http://b.example/sparql",
            "KG_DEBUG": "1",
            "KG_STATE_DIR": "",
        }
    )
    assert (cfg.server.port, cfg.server.query_timeout, cfg.debug) == (5690, 2.5, True)
    assert cfg.server.service_allowlist == {"http://a.example/sparql", "http://b.example/sparql"}
    assert cfg.state_dir == ROOT / "var"
    with pytest.raises(ConfigError, match="KG_PORT must be a TCP port"):
        Config.from_settings({"KG_PORT": "70000"})


_PATH = re.compile(
    r"`((?:data|kg|ontology|queries|tests|scripts|docs|\.ci)/[^`\s]*|server\.py|pyproject\.toml|CHANGELOG\.md)`"
)


def test_every_path_the_readme_names_exists() -> None:
    missing = []
    for path in sorted(set(_PATH.findall(README))):
        pattern = re.sub(r"<[^>]+>", "*", path)
        if not (list(ROOT.glob(pattern)) if "*" in pattern else (ROOT / pattern).exists()):
            missing.append(path)
    assert missing == []


def _architecture_rooms() -> list[str]:
    block = _section("Architecture").split("```")[1]
    return [line.split()[0] for line in block.splitlines() if line.startswith("kg/")]


def _tree_rooms() -> list[str]:
    kg = ROOT / "kg"
    packages = [f"{p.parent.relative_to(ROOT)}/" for p in kg.rglob("__init__.py")]
    modules = [f"kg/{p.name}" for p in kg.glob("*.py") if p.name != "__init__.py"]
    return sorted(p for p in packages + modules if p != "kg/")


def test_the_architecture_section_lists_every_package_and_top_module() -> None:
    assert sorted(_architecture_rooms()) == _tree_rooms()


def test_no_file_of_the_package_is_ignored_by_git() -> None:
    """A folder named ``build`` is ignored by many defaults; the package's must be tracked."""
    files = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "kg").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    res = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        cwd=ROOT,
        input="\n".join(files),
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.stdout.split() == [], "ignored by .gitignore"
    assert Path(ROOT / ".gitignore").read_text(encoding="utf-8").count("/build/") == 1
