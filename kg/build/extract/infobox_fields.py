"""What the keys of a wiki-style infobox mean, and how its values are written.

:data:`FIELDS` maps a key (lower case, spaces collapsed) to the kind of line it is; the readers in
:mod:`kg.build.extract.infobox` turn each kind into claims. The helpers here read the parts of a
value that biographies add to a name: an ordinal before an office ("12th Chief Minister of X"), a
span of years after a party ("(since 2020)", "(2006–2020)"), a marriage year after a spouse
("(m. 1993)"), a count of children ("2 sons").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.build.extract.kinship import IN_LAWS
from kg.build.extract.values import PartialDate, parse_int, parse_partial_date, parse_range
from kg.model import Text

_PAREN = re.compile(r"^(?P<main>.*?)\s*\((?P<inner>[^()]*)\)\s*$")
_ORDINAL = re.compile(r"^(?P<n>\d{1,3})(?:st|nd|rd|th)\s+(?P<post>\S.*)$", re.I)
_MARRIED = re.compile(r"\b(?:m\.|married(?:\s+in)?)\s*(?P<d>[^;,()]+?)\s*(?:[;,)]|$)", re.I)
_CHILDREN = re.compile(r"(?P<n>\d+|[a-z]+)\s+(?:sons?|daughters?|children|child|kids?)\b", re.I)
_LEFTOVER = re.compile(r"^(?:\s|,|and|&)*$", re.I)

# kinship words in "Name (kind)" -> property
KINSHIP = {
    "father": "kgo:father",
    "mother": "kgo:mother",
    "husband": "kgo:husband",
    "wife": "kgo:wife",
    "spouse": "schema:spouse",
    "son": "schema:children",
    "daughter": "schema:children",
    "child": "schema:children",
    "brother": "kgo:brother",
    "sister": "kgo:sister",
    **IN_LAWS,
}


@dataclass(frozen=True)
class Field:
    kind: str  # office | holding | term | literal | date | place | entities | party | spouse ...
    prop: str = ""
    type: str = ""  # class hint for entity mentions


_START = Field("holding", "kgo:startDate")
_END = Field("holding", "kgo:endDate")
_PREDECESSOR = Field("holding", "kgo:replaces", "Person")
_SUCCESSOR = Field("holding", "kgo:succeededBy", "Person")
_PARTY = Field("party", "kgo:memberOfParty", "PoliticalParty")
_NICKNAME = Field("literal", "kgo:nickname")

FIELDS: dict[str, Field] = {
    "name": Field("name"),
    "office": Field("office"),
    "term start": _START,
    "assumed office": _START,
    "took office": _START,
    "term end": _END,
    "left office": _END,
    "term": Field("term"),
    "in office": Field("term"),
    "tenure": Field("term"),
    "predecessor": _PREDECESSOR,
    "preceded by": _PREDECESSOR,
    "successor": _SUCCESSOR,
    "succeeded by": _SUCCESSOR,
    "constituency": Field("holding", "kgo:constituency", "Constituency"),
    "birth name": Field("literal", "kgo:birthName"),
    "nickname": _NICKNAME,
    "nicknames": _NICKNAME,
    "nickname(s)": _NICKNAME,
    "born": Field("date", "schema:birthDate"),
    "birth date": Field("date", "schema:birthDate"),
    "date of birth": Field("date", "schema:birthDate"),
    "birth place": Field("place", "schema:birthPlace"),
    "place of birth": Field("place", "schema:birthPlace"),
    "died": Field("date", "schema:deathDate"),
    "death date": Field("date", "schema:deathDate"),
    "date of death": Field("date", "schema:deathDate"),
    "death place": Field("place", "schema:deathPlace"),
    "place of death": Field("place", "schema:deathPlace"),
    "party": _PARTY,
    "political party": _PARTY,
    "other political affiliations": _PARTY,
    "other political affiliation": _PARTY,
    "political affiliations": _PARTY,
    "other party affiliations": _PARTY,
    "former party": _PARTY,
    "spouse": Field("spouse", "schema:spouse", "Person"),
    "spouses": Field("spouse", "schema:spouse", "Person"),
    "spouse(s)": Field("spouse", "schema:spouse", "Person"),
    "relations": Field("kinship"),
    "relatives": Field("kinship"),
    "parents": Field("kinship"),
    "children": Field("children"),
    "nationality": Field("entities", "kgo:nationality", "Country"),
    "education": Field("entities", "kgo:academicDegree", "AcademicDegree"),
    "alma mater": Field("entities", "schema:alumniOf", "EducationalInstitution"),
    "occupation": Field("entities", "kgo:occupation", "Occupation"),
    "profession": Field("entities", "kgo:occupation", "Occupation"),
}


_NUMBERED = re.compile(r"^(?P<key>.*?[a-z)])\s*(?P<n>\d{1,2})$")


def field_key(key: str) -> tuple[str, int | None]:
    """An infobox key as :data:`FIELDS` spells it, and the office number a template's key
    carries: 'Term Start' -> ('term start', None); 'term_start2' -> ('term start', 2)."""
    k = " ".join(key.lower().replace("_", " ").split())
    m = _NUMBERED.match(k)
    if m and m.group("key") in FIELDS:
        return m.group("key"), int(m.group("n"))
    return k, None


# a MediaWiki date template: {{birth date and age|1985|3|3}}, {{Start date|2020|01|28|df=y}}
_DATE_TEMPLATE = re.compile(
    r"\{\{\s*(?:birth|death|start|end)?\s*date(?:\s+and\s+(?:age|given\s+age))?\s*"
    r"(?:\|\s*(?:df|mf)\s*=\s*\w+\s*)?\|\s*(?P<y>\d{4})\s*(?:\|\s*(?P<m>\d{1,2})\s*)?"
    r"(?:\|\s*(?P<d>\d{1,2})\s*)?[|}]",
    re.I,
)


def template_date(text: str) -> PartialDate | None:
    """The (first) date of a MediaWiki date template in ``text``, to the precision it gives."""
    m = _DATE_TEMPLATE.search(text)
    if m is None:
        return None
    y, mo, d = m.group("y"), m.group("m"), m.group("d")
    iso = y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if mo and d else "")
    return parse_partial_date(iso)


# the states and union territories of India, as an address names them
STATES = frozenset(
    {
        "Andhra Pradesh",
        "Arunachal Pradesh",
        "Assam",
        "Bihar",
        "Chhattisgarh",
        "Goa",
        "Gujarat",
        "Haryana",
        "Himachal Pradesh",
        "Jharkhand",
        "Karnataka",
        "Kerala",
        "Madhya Pradesh",
        "Maharashtra",
        "Manipur",
        "Meghalaya",
        "Mizoram",
        "Nagaland",
        "Odisha",
        "Orissa",
        "Punjab",
        "Rajasthan",
        "Sikkim",
        "Tamil Nadu",
        "Telangana",
        "Tripura",
        "Uttar Pradesh",
        "Uttarakhand",
        "West Bengal",
        "Andaman and Nicobar Islands",
        "Chandigarh",
        "Delhi",
        "Dadra and Nagar Haveli and Daman and Diu",
        "Jammu and Kashmir",
        "Ladakh",
        "Lakshadweep",
        "Puducherry",
    }
)
_DISTRICT = re.compile(r"\bdistrict$", re.I)


def place_types(parts: list[str]) -> list[str]:
    """The type of each part of an address, outermost last: a state or union territory of India
    is a State, "India" a Country, "… district" a District; a part inside a known state is a
    Place; the others by position ('Town, State' and 'Town, State, Country')."""
    known = [
        "State"
        if p in STATES
        else "Country"
        if p == "India"
        else "District"
        if _DISTRICT.search(p)
        else None
        for p in parts
    ]
    out = []
    for i, k in enumerate(known):
        if k is not None:
            out.append(k)
        elif any(x in ("State", "Country") for x in known[i + 1 :]) or i == 0 or i < len(parts) - 2:
            out.append("Place")
        elif i == len(parts) - 1:
            out.append("Country" if len(parts) >= 3 else "State")
        else:
            out.append("State")
    return out


def strip_paren(t: Text) -> tuple[Text, str | None]:
    """'Name (note)' -> (Name part, 'note'); text without a trailing parenthesis is unchanged."""
    m = _PAREN.match(t.text)
    if not m or not m.group("main"):
        return t, None
    return Text(t.start, t.start + m.end("main"), m.group("main")), m.group("inner").strip()


def party_name(t: Text) -> tuple[Text, tuple[PartialDate | None, PartialDate | None] | None]:
    """'Party (since 2020)' -> (Party, dates); 'Party (BJP)' -> Party; 'Janata Dal (United)' kept.

    A trailing parenthesis is a note when it holds dates or an abbreviation (no small letters);
    otherwise it is part of the party's name."""
    name, inner = strip_paren(t)
    if inner is None:
        return t, None
    dates = parse_range(inner)
    if dates is not None:
        return name, dates
    if parse_partial_date(inner) is not None or inner == inner.upper():
        return name, None
    return t, None


def ordinal_office(text: str) -> tuple[str, int | None]:
    """'12th Chief Minister of Jharkhand' -> ('Chief Minister of Jharkhand', 12)."""
    m = _ORDINAL.match(text)
    if m and int(m.group("n")) > 0:
        return m.group("post"), int(m.group("n"))
    return text, None


def marriage_date(note: str | None) -> PartialDate | None:
    """'m. 1993; died 1998' / 'married 12 May 1990' -> the date of the marriage."""
    m = _MARRIED.search(note or "")
    return parse_partial_date(m.group("d")) if m else None


def child_count(text: str) -> int | None:
    """'3' / '3 (2 sons, 1 daughter)' / '2 sons' / 'one son and two daughters' -> the number."""
    n = parse_int(text) or parse_int(text.split("(")[0])
    if n is not None:
        return n
    counts = [parse_int(m.group("n")) for m in _CHILDREN.finditer(text)]
    if not counts or None in counts or not _LEFTOVER.match(_CHILDREN.sub("", text)):
        return None
    return sum(c for c in counts if c is not None)


def items(value: Text, split: list[tuple[int, int]]) -> list[Text]:
    """The items of a list value; when it has a ';' outside parentheses, only ';' separates
    ('Science College, Patna; Patna University')."""
    cuts = _semicolons(value.text)
    if cuts:
        bounds = list(zip([0, *(c + 1 for c in cuts)], [*cuts, len(value.text)], strict=True))
        split = [_trim(value.text, a, b) for a, b in bounds]
    return [Text(value.start + a, value.start + b, value.text[a:b]) for a, b in split if b > a]


def _semicolons(text: str) -> list[int]:
    depth, out = 0, []
    for i, c in enumerate(text):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if c == ";" and depth == 0:
            out.append(i)
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
