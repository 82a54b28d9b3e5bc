"""What a person does, as a biography's first line or an apposition says it: "A is an Indian
politician and anti-corruption campaigner", "B, a teacher, …", "A worked as a lawyer"; and the
state a first line ties them to ("an Indian politician from the state of Jharkhand")."""

from __future__ import annotations

import re

from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.posts import STATES
from kg.build.extract.prose.sentences import PEOPLE, Sentence
from kg.model import Mention

_NOUNS = (
    r"politician|leader|lawyer|advocate|teacher|activist|campaigner|social worker|businessman|"
    r"businesswoman|trade unionist|unionist|engineer|doctor|physician|journalist|farmer|"
    r"homemaker|actor|actress|writer|author|academic|professor|civil servant|bureaucrat|"
    r"economist|entrepreneur|industrialist|contractor|priest|poet|singer|athlete|cricketer"
)
_OCC = rf"(?:[a-z-]+\s+){{0,2}}?(?:{_NOUNS})"
_ADJ = r"(?:(?:Indian|former|veteran|senior|tribal|Adivasi|retired|noted|prominent)\s+)*"
# "is an Indian politician and anti-corruption campaigner"
_IS = re.compile(
    rf"^\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)\s*)?(?:is|was)\s+an?\s+{_ADJ}(?P<a>{_OCC})(?:\s*(?:,|and)\s+(?:an?\s+)?{_ADJ}(?P<b>{_OCC}))?\b"
)
# "Sobaran Soren, a teacher,"
_APPOS = re.compile(rf"^\s*,\s+an?\s+{_ADJ}(?P<a>{_OCC})\s*[,.]")
_WORKED = re.compile(
    rf"^\s*(?:worked|works|served|practised|practiced)\s+as\s+an?\s+(?P<a>{_OCC})\b"
)


# "a politician from the state of Jharkhand", "an Indian politician from Bihar"
_FROM = re.compile(
    r"\s+from\s+(?:the\s+(?:Indian\s+)?state\s+of\s+)?(?P<st>Jharkhand|" + "|".join(STATES) + r")\b"
    r"(?![’']s)"
)


def rule_occupation(out: Out, s: Sentence) -> None:
    if unsure(s.text):
        return
    for c in (c for c in s.chunks if c.kind in PEOPLE):
        rest = s.text[c.end - s.start :]
        m = _IS.match(rest) or _APPOS.match(rest) or _WORKED.match(rest)
        if m is None:
            continue
        nation = re.search(r"\bIndian\b", m.group(0))
        if nation is not None and m.re is _IS:  # "is an Indian politician"
            verb = re.search(r"\b(?:is|was)\b", m.group(0))
            out.add(
                Mention(c.value, "Person"),
                "kgo:nationality",
                Mention("India", "Country"),
                out.span(c.end + (verb.start() if verb else 0), c.end + m.end()),
                "occupation",
            )
        state = _FROM.match(rest, m.end())
        if state is not None and m.re is _IS:
            out.add(
                Mention(c.value, "Person"),
                "kgo:associatedState",
                Mention(state.group("st"), "State"),
                out.span(c.end + m.start("a"), c.end + state.end()),
                "occupation",
            )
        for g in ("a", "b"):
            occ = m.groupdict().get(g)
            if occ:
                a = c.end + m.start(g)
                out.add(
                    Mention(c.value, "Person"),
                    "kgo:occupation",
                    Mention(" ".join(occ.split()), "Occupation"),
                    out.span(c.start, a + len(occ)),
                    "occupation",
                )
