"""Which entity types a mention's type may resolve to: a type, or a kind of it, or what it is a kind of.

The extractors type their mentions broadly ("Person", "Place", "Post", "Organisation") and the
registry types its entities narrowly ("Politician", "Constituency", "ChiefMinisterPost",
"MediaOrganisation"). Two types agree when one is the other or a kind of it, following the class
tree of ``ontology/kg.ttl`` (:data:`PARENT` is that tree, written out; a test keeps the two
equal). So a "Person" mention finds a Politician, a "Place" mention finds a Constituency, an
"Organisation" mention finds a PoliticalParty; but a "Person" mention never finds a Constituency
("Gandey", a name, is not the Gandey seat), and a "PoliticalParty" mention never finds an
Alliance or a Company, which are other kinds of organisation. A type outside the tree ("Language",
"Occupation") agrees only with itself.
"""

from __future__ import annotations

from functools import cache

# type -> the type it is a kind of (kgo classes by local name; "Person" is schema:Person)
PARENT: dict[str, str] = {
    # people
    "Politician": "Person",
    "MemberOfLegislativeAssembly": "Politician",
    "ChiefMinister": "Politician",
    "MemberOfParliament": "Politician",
    # posts
    "LegislativeAssemblyPost": "Post",
    "ChiefMinisterPost": "Post",
    "ParliamentPost": "Post",
    "OrganisationPost": "Post",
    # organisations
    "PoliticalParty": "Organisation",
    "Alliance": "Organisation",
    "GovernmentAgency": "Organisation",
    "ElectoralBody": "GovernmentAgency",
    "MediaOrganisation": "Organisation",
    "Company": "Organisation",
    "Society": "Organisation",
    "EducationalInstitution": "Organisation",
    "SchoolSystem": "EducationalInstitution",
    "ArmedForce": "Organisation",
    "Legislature": "Organisation",
    # places (Village is not a class of the ontology yet)
    "Country": "Place",
    "State": "Place",
    "District": "Place",
    "Division": "Place",
    "City": "Place",
    "Village": "Place",
    "Constituency": "Place",
    "LokSabhaConstituency": "Constituency",
    # elections
    "GeneralElection": "Election",
    "ByElection": "Election",
}


@cache
def lineage(type_: str) -> tuple[str, ...]:
    """``type_`` and every type it is a kind of, nearest first."""
    out = [type_]
    while out[-1] in PARENT:
        out.append(PARENT[out[-1]])
    return tuple(out)


def compatible(a: str, b: str) -> bool:
    """One type is the other, or a kind of it."""
    return a in lineage(b) or b in lineage(a)


def is_person(type_: str) -> bool:
    return "Person" in lineage(type_)


def is_post(type_: str) -> bool:
    return "Post" in lineage(type_)
