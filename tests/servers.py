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

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "test-token-0123456789abcdef"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(build_dir: Path, state_dir: Path, **env: str) -> Iterator[str]:
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
    url = f"http://127.0.0.1:{port}"
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
