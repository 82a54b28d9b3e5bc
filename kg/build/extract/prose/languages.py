"""The languages a person speaks, when a sentence says so: "She is fluent in Odia, English and
Hindi", "he speaks Ho and Mundari", "conversant with Bengali", "switching from Hindi to Santhali
mid-speech", "addressed the rally in Kurukh".

A language word with no speaking word before it ("the Santali script", "Hindi newspapers") gives
nothing, and so does a negated or hedged sentence ("does not speak Bengali").
"""

from __future__ import annotations

import re

from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, Sentence
from kg.model import Mention

# the languages of Jharkhand and its neighbours, the scheduled languages and English
LANGUAGES = (
    "Angika",
    "Assamese",
    "Bangla",
    "Bengali",
    "Bhojpuri",
    "English",
    "Gujarati",
    "Hindi",
    "Ho",
    "Kannada",
    "Kharia",
    "Khortha",
    "Kurmali",
    "Kurukh",
    "Magahi",
    "Maithili",
    "Malayalam",
    "Marathi",
    "Mundari",
    "Nagpuri",
    "Nepali",
    "Odia",
    "Oriya",
    "Panchpargania",
    "Punjabi",
    "Sadri",
    "Sanskrit",
    "Santali",
    "Santhali",
    "Tamil",
    "Telugu",
    "Urdu",
)
_LANG = r"\b(?:" + "|".join(LANGUAGES) + r")\b"
_CUE = re.compile(
    r"\b(?:speaks?|spoke|speaking|fluent(?:ly)?\s+in|fluency\s+in|conversant\s+(?:in|with)|"
    r"proficient\s+in|well[- ]versed\s+in|command\s+(?:over|of)|"
    r"(?:switch|chang)(?:e|es|ed|ing)?\s+(?:between|from)|"
    r"address(?:es|ed|ing)?\s+(?:[\w-]+\s+){0,4}?in)\s+",
    re.I,
)
# what may stand between two languages of one list
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+to\s+|\s+as well as\s+)\s*")
_LIST = re.compile(rf"{_LANG}(?:{_JOIN.pattern}{_LANG})*")
_FLUENT = re.compile(r"(?:(?:fluent|good|broken|some|chaste)\s+)?")  # "speaks fluent Kurukh"
_POSSESSIVE = re.compile(r"\b(?:he|she|his|her)\b", re.I)


def rule_languages(out: Out, s: Sentence) -> None:
    if unsure(s.text):
        return
    for cue in _CUE.finditer(s.text):
        m = _LIST.match(s.text, cue.end() + len(_FLUENT.match(s.text, cue.end()).group(0)))  # type: ignore[union-attr]
        if m is None:
            continue
        at = s.start + cue.start()
        who = _speaker(out, s, at)
        if who is None:
            continue
        ev = out.span(s.start + min(cue.start(), _person_start(s, at)), s.start + m.end())
        for lang in re.finditer(_LANG, m.group(0)):
            out.add(who, "schema:knowsLanguage", Mention(lang.group(0), "Language"), ev, "language")


def _person_start(s: Sentence, at: int) -> int:
    """Where the speaker is written: the name, else "she"/"her" before the speaking word."""
    people = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    after = people[-1].end if people else s.start
    pronouns = list(_POSSESSIVE.finditer(s.between(after, at)))
    pronoun = pronouns[-1] if pronouns else None  # the one nearest the speaking word
    if pronoun:
        return after - s.start + pronoun.start()
    return people[-1].start - s.start if people else at - s.start


def _speaker(out: Out, s: Sentence, at: int) -> Mention | None:
    """The person named last before the speaking word, or whom "she"/"her" there means."""
    people = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    head = s.between(people[-1].end if people else s.start, at)
    pronoun = _POSSESSIVE.search(head)
    if pronoun is None:
        return Mention(people[-1].value, "Person") if people else None
    if out.subject is not None and out.means_subject(pronoun.group(0)):
        return out.subject
    chunk = people[-1] if people else out.last_person
    return Mention(chunk.value, "Person") if chunk else None
