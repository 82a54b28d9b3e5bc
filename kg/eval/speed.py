"""How fast extraction runs, measured side by side in one run (medians, and ratios between
lengths, since the machines here are shared and noisy).

Targets (issue 11): at most 50 ms per 1,000 words on one core, time growing linearly with length,
and a 1 MB text read without a crash.
"""

from __future__ import annotations

import hashlib
import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from kg.build.extract import extract_source
from kg.build.extract.prose import Lexicon
from kg.model import Source

TARGET_MS_PER_1000_WORDS = 50.0


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _words(text: str) -> int:
    return len(text.split())


def _longer(source: Source, times: int) -> Source:
    """The article's body repeated ``times`` times (the title line once, for a biography)."""
    head, _, body = source.text.partition("\n")
    text = head + "\n" + "\n\n".join([body] * times)
    return replace(source, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())


def speed_report(sources: list[Source], lexicon: Lexicon, repeat: int = 5) -> list[str]:
    """Lines of figures: per-article ms per 1,000 words, growth with length, and a 1 MB text."""
    if not sources:
        return ["no articles to time"]
    per_1000 = []
    for s in sources:
        ms = _median_ms(lambda s=s: extract_source(s, lexicon), repeat)  # type: ignore[misc]
        per_1000.append(ms / max(1, _words(s.text)) * 1000)
    med = statistics.median(per_1000)
    verdict = "meets" if med <= TARGET_MS_PER_1000_WORDS else "MISSES"
    lines = [
        f"extraction of {len(sources)} articles, median of {repeat} runs each:",
        f"  ms per 1,000 words: median {med:.1f}, slowest {max(per_1000):.1f} "
        f"({verdict} the {TARGET_MS_PER_1000_WORDS:.0f} ms target)",
    ]
    longest = max(sources, key=lambda s: len(s.text))
    base = None
    for times in (1, 4, 16):
        big = _longer(longest, times)
        ms = _median_ms(lambda big=big: extract_source(big, lexicon), max(1, repeat // 2))  # type: ignore[misc]
        rate = ms / _words(big.text) * 1000
        base = base or rate
        lines.append(
            f"  {longest.file} x{times:<2} {_words(big.text):>7} words  {ms:8.1f} ms  "
            f"{rate:6.1f} ms/1,000 words  ratio to x1 {rate / base:4.2f}"
        )
    huge = _longer(longest, max(1, 1_000_000 // max(1, len(longest.text)) + 1))
    t = time.perf_counter()
    claims, problems = extract_source(huge, lexicon)
    secs = time.perf_counter() - t
    lines.append(
        f"  a {len(huge.text) / 1e6:.2f} MB text: {secs:.1f} s, {len(claims)} claims, "
        f"{len(problems)} problems, no crash"
    )
    return lines
