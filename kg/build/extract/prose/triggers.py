"""The verbs and phrases the sentence rules turn on, as spaCy ``Matcher`` token patterns.

Each label names a kind of statement: WIN ("won", "retained", "wrested"), DEFEAT ("defeated",
"beat", "edged out"), LOSE ("lost to", "was defeated by"), LEAD / TRAIL (counting-day trends),
POLL ("polled", "secured … votes"), and the event verbs (JOIN, ARREST, RESIGN, OATH, BAIL, DIE,
FOUND). Matching is on lower-cased tokens, so "Won", "WON" and "won" are one word, and the
patterns see tokens, not characters: "beat" never matches inside "beaten".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import Matcher

from kg.build.extract.prose.sentences import nlp

Pattern = list[dict[str, Any]]


def _words(*ws: str) -> Pattern:
    return [{"LOWER": {"IN": list(ws)}}]


def _seq(*parts: str) -> Pattern:
    return [{"LOWER": p} for p in parts]


BE = {
    "LOWER": {"IN": ["was", "were", "is", "are", "has", "had", "been", "got", "get", "gets"]},
    "OP": "*",
}
PATTERNS: dict[str, list[Pattern]] = {
    "WIN": [
        _words(
            "won",
            "wins",
            "win",
            "winning",
            "retained",
            "retain",
            "retains",
            "retaining",
            "bagged",
            "clinched",
            "wrested",
            "wrests",
            "captured",
            "captures",
            "snatched",
            "snatches",
            "clinches",
            "bags",
            "triumphed",
            "romped",
            "sailed",
            "kept",
            "held",
            "carried",
            "recaptured",
            "regained",
        ),
        _seq("won", "back"),
        [  # "took Dumka from A", "took the seat from A"
            {"LOWER": {"IN": ["took", "takes", "taking"]}},
            {"LOWER": {"IN": ["the", "back"]}, "OP": "?"},
            {"IS_TITLE": True, "OP": "+"},
            {"LOWER": {"IN": ["seat", "constituency"]}, "OP": "?"},
            {"LOWER": "from"},
        ],
        [
            {"LOWER": {"IN": ["took", "takes", "taking"]}},
            {"LOWER": {"IN": ["the", "that", "this"]}, "OP": "?"},
            {"LOWER": {"IN": ["seat", "constituency", "it"]}},
            {"LOWER": "from"},
        ],
        _seq("emerged", "victorious"),
        _seq("emerged", "winner"),
        _seq("registered", "a", "victory"),
        [
            {"LOWER": {"IN": ["secured", "securing", "scored", "recorded", "notched"]}},
            {"LOWER": {"IN": ["a", "an"]}, "OP": "?"},
            {"IS_ALPHA": True, "OP": "?"},
            {"LOWER": {"IN": ["victory", "win"]}},
        ],
        [BE, {"LOWER": {"IN": ["elected", "re-elected", "reelected"]}}],
    ],
    "DEFEAT": [
        _words(
            "defeated",
            "defeating",
            "defeats",
            "beat",
            "beating",
            "beats",
            "trounced",
            "trouncing",
            "routed",
            "thrashed",
            "humbled",
            "vanquished",
            "outpaced",
            "unseated",
            "unseating",
            "ousted",
            "ousting",
            "dislodged",
            "dislodging",
            "outpolled",
            "outpolling",
            "upstaged",
        ),
        _seq("edged", "out"),
        [
            {"LOWER": {"IN": ["scraped", "edged", "squeezed", "pipped"]}},
            {"LOWER": {"IN": ["past", "home"]}, "OP": "?"},
        ],
        _seq("got", "the", "better", "of"),
    ],
    "LOSE": [
        [
            {"LOWER": {"IN": ["lost", "losing", "loses", "lose"]}},
            {"IS_ALPHA": True, "OP": "*"},
            {"LOWER": "to"},
        ],
        [
            {"LOWER": {"IN": ["was", "were", "got"]}},
            {"LOWER": {"IN": ["defeated", "beaten", "trounced", "routed", "edged"]}},
            {"LOWER": "out", "OP": "?"},
            {"LOWER": "by"},
        ],
        [  # "was beaten in Ichagarh by B", "was defeated at Silli by B"
            {"LOWER": {"IN": ["was", "were", "got"]}},
            {"LOWER": {"IN": ["defeated", "beaten", "trounced", "routed", "unseated"]}},
            {"LOWER": {"IN": ["in", "at", "from"]}},
            {"IS_TITLE": True, "OP": "+"},
            {"LOWER": "by"},
        ],
        _seq("went", "down", "to"),
    ],
    "LOST": [
        _words("lost", "losing", "loses", "conceded"),
        [  # "finished a distant second", "came third", "was runner-up"
            {"LOWER": {"IN": ["finished", "came", "ended", "stood", "was", "placed"]}},
            {"LOWER": {"IN": ["a", "up"]}, "OP": "?"},
            {"LOWER": {"IN": ["close", "distant", "poor"]}, "OP": "?"},
            {"LOWER": {"IN": ["second", "third", "fourth", "fifth", "runner-up"]}},
        ],
    ],
    # a candidacy with no outcome: "X contested Dumka", "X was in the fray in Silli"
    "CONTEST": [
        _words("contested", "contests", "contesting", "fought", "faced", "facing", "vs", "versus"),
        _seq("will", "contest"),
        _seq("in", "the", "fray"),
        _seq("took", "on"),
        _seq("finished", "with"),  # "while B finished with 93,699": a count, not an outcome
        [  # "Devi secured 81,212 votes": a count alone
            {"LOWER": {"IN": ["polled", "secured", "garnered", "received", "got", "polling"]}},
            {"LIKE_NUM": True},
            {"LOWER": "lakh", "OP": "?"},
            {"LOWER": "votes"},
        ],
        _seq("ended", "up", "with"),
        _seq("takes", "on"),
        _seq("pitted", "against"),
    ],
    # the candidate comes after the verb: "the party has fielded X", "the BJP renominated X"
    "FIELD": [
        _words("fielded", "fields", "fielding", "renominated", "nominated"),
        _seq("gave", "a", "ticket", "to"),
        _seq("ticket", "to"),
    ],
    "LEAD": [
        _words("leading", "leads", "ahead"),
    ],
    "TRAIL": [_words("trailing", "trails", "trailed", "behind")],
    "JOIN": [
        _words("joined", "joins", "joining", "rejoined"),
        _seq("returned", "to"),
        _seq("switched", "to"),
        _seq("switched", "over", "to"),
        _seq("crossed", "over", "to"),
        _seq("defected", "to"),
        [
            {"LOWER": {"IN": ["shifting", "shifted", "switching", "shifts"]}},
            {"LOWER": "allegiance"},
            {"LOWER": "to"},
        ],
        [
            {"LOWER": {"IN": ["merged", "merging"]}},
            {"IS_ALPHA": True, "OP": "*"},
            {"LOWER": "with"},
        ],
    ],
    "ARREST": [_words("arrested", "arresting", "arrest"), _seq("taken", "into", "custody")],
    "BAIL": [
        [
            {
                "LOWER": {
                    "IN": ["granted", "given", "got", "secured", "grants", "granting", "received"]
                }
            },
            {"IS_ALPHA": True, "OP": "?"},
            {"LOWER": "bail"},
        ]
    ],
    "RESIGN": [
        _words("resigned", "resigns", "resigning"),
        _seq("stepped", "down"),
        [
            {"LOWER": {"IN": ["tendered", "submitted"]}},
            {"IS_ALPHA": True, "OP": "?"},
            {"LOWER": "resignation"},
        ],
        _seq("quit", "as"),
        # "was forced to resign", "had to resign": it happened ("asked to resign" did not)
        [{"LOWER": {"IN": ["forced", "had", "made"]}}, {"LOWER": "to"}, {"LOWER": "resign"}],
        [
            {"LOWER": {"IN": ["handed", "sent", "submitted"]}},
            {"LOWER": {"IN": ["in", "over"]}, "OP": "?"},
            {"LOWER": {"IN": ["his", "her", "their"]}},
            {"LOWER": "resignation"},
        ],
        # "gave up the post", "gave up his Lok Sabha seat": the post or seat is named after it
        [
            {"LOWER": {"IN": ["gave", "gives", "giving"]}},
            {"LOWER": "up"},
            {"LOWER": {"IN": ["the", "his", "her", "that", "this"]}},
        ],
    ],
    "OATH": [
        _seq("sworn", "in"),
        [
            {"LOWER": {"IN": ["took", "takes", "taking"]}},
            {"LOWER": "the", "OP": "?"},
            {"LOWER": "oath"},
        ],
    ],
    "DIE": [
        _words("died", "dies", "assassinated"),
        _seq("passed", "away"),
        _seq("shot", "dead"),
        _seq("was", "killed"),
    ],
    "FOUND": [_words("founded", "co-founded", "formed", "floated", "launched", "established")],
}


@dataclass(frozen=True)
class Hit:
    label: str
    start: int  # character offsets in the text given to :func:`triggers`
    end: int


@cache
def matcher() -> Matcher:
    m = Matcher(nlp().vocab)
    for label, patterns in PATTERNS.items():
        m.add(label, patterns)
    return m


def triggers(text: str) -> list[Hit]:
    """Every trigger in ``text``, longest first where two overlap, in text order."""
    doc = nlp().make_doc(text)
    spans = []
    for match_id, a, b in matcher()(doc):
        span = doc[a:b]
        spans.append(Hit(nlp().vocab.strings[match_id], span.start_char, span.end_char))
    spans.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in spans:
        if out and h.start < out[-1].end and h.label == out[-1].label:
            continue
        out.append(h)
    return out
