"""Start real `kg serve` processes for tests: 127.0.0.1 only, on a free port, always stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "test-token-0123456789abcdef"


class ServerURL(str):
    """The base URL of a running test server; ``pid`` is its process (the leader of its group)."""

    pid: int


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(build_dir: Path, state_dir: Path, **env: str) -> Iterator[ServerURL]:
    """A `kg serve` process on the dump in ``build_dir``; yields its base URL (no trailing slash).

    Extra ``KG_*`` settings come as keyword arguments (KG_UPDATE_TOKEN=..., KG_WORKERS=...).
    The process is stopped (SIGTERM, then SIGKILL) when the block ends, whatever happens in it.
    """
    port = free_port()
    full_env = {**os.environ, "KG_BUILD_DIR": str(build_dir), "KG_STATE_DIR": str(state_dir), **env}
    log = open(state_dir.parent / f"server-{port}.log", "wb")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = ServerURL(f"http://127.0.0.1:{port}")
    url.pid = proc.pid
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with {proc.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"the server did not answer within 60 s; see {log.name}"
                    ) from None
                time.sleep(0.2)
        yield url
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()


def server_log(state_dir: Path) -> str:
    return "\n".join(
        p.read_text(errors="replace") for p in sorted(state_dir.parent.glob("server-*.log"))
    )


class HttpResponse:
    """The parts of a Flask test response the tests read, from a real HTTP response."""

    def __init__(self, status: int, headers: object, body: bytes) -> None:
        self.status_code = status
        self.headers = headers  # http.client.HTTPMessage: case-insensitive get and []
        self.data = body

    @property
    def mimetype(self) -> str:
        return str(self.headers.get("Content-Type", "")).split(";")[0].strip()  # type: ignore[attr-defined]

    def get_data(self, as_text: bool = False) -> str | bytes:
        return self.data.decode("utf-8") if as_text else self.data

    def get_json(self) -> Any:
        import json

        return json.loads(self.data)


class HttpClient:
    """Sends the same calls as Flask's test client over a real socket to a running server."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url

    def open(
        self,
        method: str,
        path: str,
        query_string: object = None,
        data: object = None,
        content_type: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> HttpResponse:
        import http.client
        from urllib.parse import urlencode, urlsplit

        url = path + ("?" + urlencode(query_string, doseq=True) if query_string else "")  # type: ignore[arg-type]
        hdrs = dict(headers or {})
        body: bytes | None = None
        if isinstance(data, dict):
            body = urlencode(data, doseq=True).encode()
            hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
        elif data is not None:
            body = data.encode() if isinstance(data, str) else bytes(cast(bytes, data))
            if content_type is not None:
                hdrs["Content-Type"] = content_type
        if hdrs.get("Content-Type") == "":
            del hdrs["Content-Type"]
        parts = urlsplit(self.base)
        conn = http.client.HTTPConnection(cast(str, parts.hostname), parts.port, timeout=60)
        try:
            conn.request(method, url, body=body, headers=hdrs)
            res = conn.getresponse()
            return HttpResponse(res.status, res.headers, res.read())
        finally:
            conn.close()

    def get(self, path: str, **kw: object) -> HttpResponse:
        return self.open("GET", path, **kw)  # type: ignore[arg-type]

    def post(self, path: str, **kw: object) -> HttpResponse:
        return self.open("POST", path, **kw)  # type: ignore[arg-type]

    def put(self, path: str, **kw: object) -> HttpResponse:
        return self.open("PUT", path, **kw)  # type: ignore[arg-type]

    def delete(self, path: str, **kw: object) -> HttpResponse:
        return self.open("DELETE", path, **kw)  # type: ignore[arg-type]

    def options(self, path: str, **kw: object) -> HttpResponse:
        return self.open("OPTIONS", path, **kw)  # type: ignore[arg-type]


def pick_client(request: object) -> object:
    """For a fixture parametrised over ["test-client", "real-http"]: Flask's test client of the
    module's ``app`` fixture, or an :class:`HttpClient` to its ``real_server`` fixture."""
    if request.param == "test-client":  # type: ignore[attr-defined]
        return request.getfixturevalue("app").test_client()  # type: ignore[attr-defined]
    server = request.getfixturevalue("real_server")  # type: ignore[attr-defined]
    return HttpClient(server[0] if isinstance(server, tuple) else server)


@contextmanager
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A TCP listener on 127.0.0.1 that records whatever connects to it: (port, what arrived)."""
    import threading

    hits: list[bytes] = []
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)
    srv.settimeout(0.2)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            conn.settimeout(1)
            try:
                hits.append(conn.recv(200))
            except OSError:
                hits.append(b"")
            conn.close()

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        yield srv.getsockname()[1], hits
    finally:
        stop.set()
        t.join(2)
        srv.close()
