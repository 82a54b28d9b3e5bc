"""Prometheus metrics and the query log."""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram

log = logging.getLogger("kg.query")


@dataclass
class Metrics:
    registry: CollectorRegistry
    requests: Counter
    latency: Histogram
    timeouts: Counter
    rejections: Counter

    @classmethod
    def create(cls) -> Metrics:
        r = CollectorRegistry()
        return cls(
            registry=r,
            requests=Counter(
                "kg_sparql_requests",
                "SPARQL requests by operation and status",
                ["operation", "status"],
                registry=r,
            ),
            latency=Histogram(
                "kg_sparql_duration_seconds",
                "Time to answer a SPARQL request",
                ["operation"],
                buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
                registry=r,
            ),
            timeouts=Counter("kg_sparql_timeouts", "Queries stopped at the time limit", registry=r),
            rejections=Counter(
                "kg_sparql_rejections",
                "Requests refused before running, by reason",
                ["reason"],
                registry=r,
            ),
        )

    def refused(self, reason: str) -> None:
        """Count a request the endpoint refused: a timeout as a timeout, any other by reason."""
        if reason == "timeout":
            self.timeouts.inc()
        else:
            self.rejections.labels(reason).inc()


def log_query(
    *,
    kind: str,
    status: int,
    started: float,
    rows: int | None = None,
    truncated: bool = False,
    timeout: bool = False,
    reason: str | None = None,
    client: str | None = None,
    text: str = "",
) -> None:
    """One JSON line per request to the endpoint: time, duration, status, rows, timeout."""
    log.info(
        json.dumps(
            {
                "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "operation": kind,
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "rows": rows,
                "truncated": truncated,
                "timeout": timeout,
                "reason": reason,
                "client": client,
                "query": " ".join(text.split())[:200],
            },
            ensure_ascii=False,
        )
    )
