"""One name for each post, whatever wording an article uses.

"Labour Minister", "the labour minister" and "Minister of Labour" are one post; "Union home
minister" is the "Union Minister of Home Affairs"; "Congress president" is the "President of the
Indian National Congress"; "Assam chief minister" the "Chief Minister of Assam". The forms are
the ones ``tests/corpus/README.md`` fixes for gold facts.
"""

from __future__ import annotations

import re

from kg.build.extract.prose.lexicon import POSTS

_CANON = {f.lower(): n for n, fs in POSTS.items() for f in (n, *fs)}
_NOT_PORTFOLIO = ("chief", "deputy chief", "union", "prime", "deputy", "cabinet", "state")
# a portfolio's usual short word -> its name in the post ("home minister" -> "Home Affairs")
_PORTFOLIO_NAMES = {"home": "Home Affairs", "external affairs": "External Affairs"}
PARTY_OFFICES = {
    "president": "President",
    "chief": "President",
    "working president": "Working President",
    "vice-president": "Vice-President",
    "vice president": "Vice-President",
    "general secretary": "General Secretary",
    "national general secretary": "National General Secretary",
    "national vice-president": "National Vice-President",
    "national president": "National President",
    "spokesperson": "Spokesperson",
    "treasurer": "Treasurer",
}
STATES = (
    "Assam",
    "Bihar",
    "Odisha",
    "West Bengal",
    "Uttar Pradesh",
    "Madhya Pradesh",
    "Chhattisgarh",
    "Delhi",
    "Maharashtra",
    "Rajasthan",
    "Punjab",
    "Haryana",
    "Karnataka",
    "Kerala",
    "Tamil Nadu",
    "Telangana",
    "Andhra Pradesh",
    "Gujarat",
    "Uttarakhand",
    "Himachal Pradesh",
    "Tripura",
    "Manipur",
    "Goa",
)


def canonical_post(text: str) -> str:
    """A post of :data:`POSTS` by any of its forms ("CM", "chief ministers"), else the text with
    a capital first letter."""
    t = " ".join(text.split())
    if t.lower().endswith("ministers"):
        t = t[:-1]
    return _CANON.get(t.lower(), t[0].upper() + t[1:])


def _title_case(words: str) -> str:
    return " ".join(
        w if w in ("and", "of", "&", "for") else w[0].upper() + w[1:] for w in words.split()
    )


def portfolio(words: str) -> str:
    """ "tribal affairs" -> "Tribal Affairs"; "home" -> "Home Affairs"."""
    w = " ".join(words.split()).lower()
    return _PORTFOLIO_NAMES.get(w) or _title_case(w)


def post_name(title: str) -> str:
    """The post a title names: "Labour Minister" -> "Minister of Labour", "Union tribal affairs
    minister" -> "Union Minister of Tribal Affairs", else :func:`canonical_post`."""
    t = " ".join(title.split())
    if t.lower() in _CANON:
        return _CANON[t.lower()]
    union = re.fullmatch(r"Union\s+(?:Cabinet\s+)?(?P<p>.+?)\s+Ministers?", t, re.I)
    if union:
        return "Union Minister of " + portfolio(union.group("p"))
    m = re.fullmatch(r"(?P<p>.+?)\s+Ministers?", t, re.I)
    first = m.group("p").split()[0].lower() if m else ""
    if m and m.group("p").lower() not in _NOT_PORTFOLIO and first not in _NOT_PORTFOLIO:
        return "Minister of " + portfolio(m.group("p"))
    return canonical_post(t)


def party_office(office: str, party: str, *, state_unit: bool) -> str:
    """ "president", "Bharatiya Janata Party" -> "President of the Bharatiya Janata Party"."""
    name = PARTY_OFFICES.get(" ".join(office.lower().split()), _title_case(office))
    return f"{name} of the {party}" + (", Jharkhand" if state_unit else "")


def state_chief_minister(state: str) -> str:
    return f"Chief Minister of {state}"


_PCC = re.compile(r"(?P<o>.+?) of the Jharkhand Pradesh Congress Committee", re.I)
_STATE_MINISTER = re.compile(r"(?P<p>.+?\s+Minister)\s+of\s+Jharkhand", re.I)


def office_name(text: str) -> str:
    """An office as an infobox writes it, named as the sentence rules name it: "President of the
    Jharkhand Pradesh Congress Committee" is the "President of the Indian National Congress,
    Jharkhand", and "Finance Minister of Jharkhand" the "Minister of Finance"."""
    t = " ".join(text.split())
    m = _PCC.fullmatch(t)
    if m:
        return party_office(m["o"], "Indian National Congress", state_unit=True)
    m = _STATE_MINISTER.fullmatch(t)
    if m and (name := post_name(m["p"])).startswith("Minister of "):
        return name
    return t
