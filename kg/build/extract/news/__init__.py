"""Pattern rules for the sentence shapes news reports use for election results.

Each rule reads one sentence (or a paragraph, for running tallies) and states claims with the
exact phrase that supports each value. The election a report is about comes from its context
(the first "<year> <State> Assembly elections" phrase), and every claim that relies on it says so.
One module per kind of sentence: ``results``, ``counting``, ``seats``. Turnout and polling phases
are read by the sentence rules (:mod:`kg.build.extract.prose.phases`).
"""

from __future__ import annotations

from kg.build.extract.news.counting import rule_tallies
from kg.build.extract.news.results import rule_victory
from kg.build.extract.news.seats import rule_allocation, rule_assembly_size
from kg.build.extract.news.text import Collector, find_context, paragraphs, sentences
from kg.model import Claim, Problem

__all__ = ["extract_news", "find_context", "paragraphs", "sentences"]

SENTENCE_RULES = (rule_victory, rule_allocation, rule_assembly_size)


def extract_news(source: str, text: str) -> tuple[list[Claim], list[Problem]]:
    """Claims from the election sentence shapes of a news report."""
    out = Collector(source, text, find_context(text))
    for sent in sentences(text):
        for rule in SENTENCE_RULES:
            rule(out, sent)
    for para in paragraphs(text):
        rule_tallies(out, para)
    return out.claims, out.problems
