"""Saved notebooks survive SIGKILL: real ``kg serve`` processes are killed right after a save
was acknowledged, and in the middle of a burst of saves; every acknowledged revision must be there
when a server comes back on the same state folder."""

from __future__ import annotations

import http.client
import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from kg.config import Config

from .servers import TOKEN, running_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
COUNTING = "counting-day-2024"


def _http(url: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(cast(str, parts.hostname), parts.port, timeout=60)
    try:
        data = None if body is None else json.dumps(body).encode()
        conn.request(method, path, body=data, headers={**AUTH, "Content-Type": "application/json"})
        res = conn.getresponse()
        return res.status, json.loads(res.read())
    finally:
        conn.close()


def _body(nb: dict[str, Any], base: int | None, message: str) -> dict[str, Any]:
    return {"notebook": nb, "base_revision": base, "message": message}


def test_saved_notebooks_survive_sigkill(cfg: Config, built: object, tmp_path: Path) -> None:
    state = tmp_path / "state"
    with running_server(cfg.out_dir, state, KG_UPDATE_TOKEN=TOKEN) as url:
        status, nb = _http(url, "GET", f"/notebooks/{COUNTING}.json")
        assert status == 200
        nb = {k: nb[k] for k in ("title", "description", "cells")} | {"title": "Kept"}
        nb["cells"][0] = {"markdown": "My own notes."}
        status, saved = _http(url, "PUT", "/notebooks/kept", _body(nb, None, "copy"))
        assert (status, saved["revision"]) == (201, 1)
        os.killpg(url.pid, signal.SIGKILL)  # the moment the save was acknowledged
    with running_server(cfg.out_dir, state, KG_UPDATE_TOKEN=TOKEN) as url:
        status, got = _http(url, "GET", "/notebooks/kept.json")
        assert status == 200
        assert (got["title"], got["revision"], got["cells"]) == ("Kept", 1, nb["cells"])
        # a burst of saves, killed in the middle: every acknowledged one must be there
        acked: list[tuple[int, str]] = []
        refused: list[tuple[int, Any]] = []
        stop = threading.Event()

        def burst() -> None:
            base = 1
            while not stop.is_set():
                message = f"save {base + 1}"
                cells = [{"markdown": message}, *nb["cells"][1:]]
                try:
                    status, res = _http(
                        url, "PUT", "/notebooks/kept", _body({**nb, "cells": cells}, base, message)
                    )
                except (OSError, http.client.HTTPException, ValueError):
                    return
                if status != 200:
                    refused.append((status, res))
                    return
                base = res["revision"]
                acked.append((base, message))

        writer = threading.Thread(target=burst)
        writer.start()
        deadline = time.monotonic() + 60
        while len(acked) < 6 and time.monotonic() < deadline:
            time.sleep(0.005)
        os.killpg(url.pid, signal.SIGKILL)
        stop.set()
        writer.join(30)
    assert refused == [] and len(acked) >= 6
    with running_server(cfg.out_dir, state, KG_UPDATE_TOKEN=TOKEN) as url:
        status, history = _http(url, "GET", "/notebooks/kept/history")
        assert status == 200
        stored = {r["revision"]: r["message"] for r in history["revisions"]}
        for number, message in acked:
            assert stored[number] == message
        assert stored[1] == "copy"
        assert sorted(stored) == list(range(1, len(stored) + 1))
        assert len(stored) in (len(acked) + 1, len(acked) + 2)  # at most one unacknowledged save
        last, message = acked[-1]
        status, got = _http(url, "GET", f"/notebooks/kept.json?revision={last}")
        assert got["cells"][0] == {"markdown": message}
