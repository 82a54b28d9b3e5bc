"""The words the sentence rules know: parties and their short names, constituencies, houses, posts.

A :class:`Lexicon` is plain data handed to the rules, so extraction stays a pure function of the
text and the lexicon. :data:`DEFAULT` holds the parties that contest Jharkhand elections; the build
adds the constituencies and districts of ``data/reference/`` (:func:`lexicon_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

# canonical name -> the short names reports use (facts from the parties' own usage)
PARTIES: dict[str, tuple[str, ...]] = {
    "Bharatiya Janata Party": ("BJP",),
    "Jharkhand Mukti Morcha": ("JMM",),
    "Indian National Congress": ("Congress", "INC", "Cong"),
    "Rashtriya Janata Dal": ("RJD",),
    "All Jharkhand Students Union": (
        "AJSU",
        "AJSU Party",
        "AJSUP",
        "All Jharkhand Students Union Party",
    ),
    "Jharkhand Vikas Morcha (Prajatantrik)": ("JVM(P)", "JVM-P", "JVM", "Jharkhand Vikas Morcha"),
    "Janata Dal (United)": ("JD(U)", "JDU", "JD-U"),
    "Communist Party of India (Marxist–Leninist) Liberation": (
        "CPI(ML) Liberation",
        "CPI(ML)L",
        "CPI(ML)",
        "CPI-ML",
        "CPI (ML)",
        "Communist Party of India (Marxist-Leninist) Liberation",
        "Communist Party of India (Marxist-Leninist)",
    ),
    "Lok Janshakti Party (Ram Vilas)": ("LJP(RV)", "LJP (Ram Vilas)", "LJP"),
    "Communist Party of India (Marxist)": ("CPI(M)", "CPM", "CPI-M"),
    "Communist Party of India": ("CPI",),
    "Nationalist Congress Party": ("NCP",),
    "Bahujan Samaj Party": ("BSP",),
    "Samajwadi Party": ("SP",),
    "All India Trinamool Congress": ("TMC", "AITC", "Trinamool Congress", "Trinamool"),
    "Aam Aadmi Party": ("AAP",),
    "Jharkhand Loktantrik Krantikari Morcha": ("JLKM",),
    "Jharkhand Party": (),
    "Marxist Co-ordination Committee": ("MCC",),
}
ALLIANCES: dict[str, tuple[str, ...]] = {
    "National Democratic Alliance": ("NDA",),
    "Indian National Developmental Inclusive Alliance": (
        "INDIA bloc",
        "INDIA alliance",
        "I.N.D.I.A.",
    ),
    "Mahagathbandhan": ("grand alliance", "Grand Alliance"),
}
AGENCIES: dict[str, tuple[str, ...]] = {
    "Enforcement Directorate": ("ED",),
    "Central Bureau of Investigation": ("CBI",),
    "Anti-Corruption Bureau": ("ACB",),
    "National Investigation Agency": ("NIA",),
    "Income Tax Department": ("I-T department", "Income Tax department"),
    "Election Commission of India": ("Election Commission", "ECI", "EC"),
}
COURTS: dict[str, tuple[str, ...]] = {
    "Jharkhand High Court": ("High Court", "Jharkhand HC", "HC"),
    "Supreme Court of India": ("Supreme Court", "apex court"),
}
# buildings where Jharkhand's politics happens: places, never people ("drove to Raj Bhavan")
LANDMARKS: dict[str, tuple[str, ...]] = {
    "Raj Bhavan, Ranchi": ("Raj Bhavan", "Raj Bhawan", "Lok Bhavan", "Lok Bhawan"),
    "Project Bhawan": ("Project Bhavan",),
    "Jharkhand Vidhan Sabha": ("Vidhan Sabha",),
    "Jharkhand Mantralaya": ("Mantralaya",),
    "Morabadi Ground": ("Morhabadi Ground", "Morabadi Maidan"),
}
POSTS: dict[str, tuple[str, ...]] = {
    "Chief Minister of Jharkhand": ("chief minister", "CM", "Chief Minister"),
    "Deputy Chief Minister of Jharkhand": ("deputy chief minister", "Deputy CM"),
    "Governor of Jharkhand": ("governor",),
    "Leader of the Opposition in the Jharkhand Legislative Assembly": (
        "Leader of the Opposition",
        "leader of opposition",
        "LoP",
    ),
    "Speaker of the Jharkhand Legislative Assembly": ("Speaker",),
    "Member of the Jharkhand Legislative Assembly": ("MLA", "legislator"),
    "Member of Parliament, Lok Sabha": ("MP", "Lok Sabha MP", "Member of Parliament"),
    "Member of Parliament, Rajya Sabha": (
        "Rajya Sabha MP",
        "Rajya Sabha member",
        "member of the Rajya Sabha",
    ),
    "Union Minister": ("Union minister", "Union Cabinet minister", "Union Cabinet Minister"),
}


def _surface(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, short in table.items():
        for s in (name, *short):
            out.setdefault(s, name)
    return out


@dataclass(frozen=True)
class Lexicon:
    """Surface form -> canonical name, per kind of name."""

    parties: dict[str, str] = field(default_factory=lambda: _surface(PARTIES))
    alliances: dict[str, str] = field(default_factory=lambda: _surface(ALLIANCES))
    agencies: dict[str, str] = field(default_factory=lambda: _surface(AGENCIES))
    courts: dict[str, str] = field(default_factory=lambda: _surface(COURTS))
    constituencies: dict[str, str] = field(default_factory=dict)  # assembly seats
    lok_sabha: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # districts, states, cities
    landmarks: dict[str, str] = field(default_factory=lambda: _surface(LANDMARKS))

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """One alternation of every surface form, longest first (so "AJSU Party" beats "AJSU")."""
        forms = {
            *self.parties,
            *self.alliances,
            *self.agencies,
            *self.courts,
            *self.constituencies,
            *self.lok_sabha,
            *self.places,
            *self.landmarks,
        }
        alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-]|\)\w)")

    def kind_of(self, surface: str) -> tuple[str, str] | None:
        """(kind, canonical name) of a surface form; case matters for short names. A name that is
        both an Assembly and a Lok Sabha constituency (Dumka, Rajmahal) is a "seat": the article's
        context decides which house."""
        if surface in self.constituencies and surface in self.lok_sabha:
            return "seat", self.constituencies[surface]
        for kind, table in (
            ("party", self.parties),
            ("alliance", self.alliances),
            ("agency", self.agencies),
            ("court", self.courts),
            ("constituency", self.constituencies),
            ("loksabha", self.lok_sabha),
            ("place", self.places),
            ("place", self.landmarks),
        ):
            if surface in table:
                return kind, table[surface]
        return None


DEFAULT = Lexicon()


def lexicon_of(
    constituencies: dict[str, str], lok_sabha: dict[str, str], places: dict[str, str]
) -> Lexicon:
    """The default parties and agencies, with the reference data's seats and places."""
    return Lexicon(constituencies=constituencies, lok_sabha=lok_sabha, places=places)
