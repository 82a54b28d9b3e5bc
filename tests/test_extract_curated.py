"""Stage: extract (curated claims). Quotes are verbatim; a broken file names file, claim and fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import BuildError, derive
from kg.build.extract.curated import ClaimFileError, load_claims, parse_claims_doc
from kg.config import Config
from kg.model import Method, Source
from kg.yamlfile import load_yaml

from .conftest import ROOT


def _doc(claim: str, source: str = "000") -> object:
    return load_yaml(f'source: "{source}"\nclaims:\n{claim}')


def test_every_curated_quote_is_verbatim(sources: dict[str, Source]) -> None:
    claims = load_claims(ROOT / "data" / "claims", sources)
    assert len([c for c in claims if c.claim_id]) >= 100
    for c in claims:
        text = sources[c.evidence.source].text
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
        assert c.method is Method.CURATED


def test_a_curated_claim_becomes_claims_with_its_quote(sources: dict[str, Source]) -> None:
    doc = _doc(
        "  - id: wed\n    subject: {node: marriage, key: [hemant-soren, kalpana-soren]}\n"
        "    property: kgo:date\n    value: {date: 2006-02-07}\n"
        '    quote: "On 7 February 2006, she married Hemant Soren"\n'
    )
    claims = parse_claims_doc(doc, "x.yaml", sources)
    assert [c.predicate for c in claims] == [
        "rdf:type",
        "kgo:participant",
        "kgo:participant",
        "kgo:date",
    ]
    assert claims[-1].claim_id == "x.yaml#wed"
    assert sources["000"].text[claims[-1].evidence.start :].startswith("On 7 February 2006")


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        (
            '  - id: bad-quote\n    subject: kalpana-soren\n    property: schema:birthDate\n    value: {date: 1985-03-03}\n    quote: "born on 4 March 1985"\n',
            "broken.yaml, claim bad-quote: quote not found verbatim in the article: 'born on 4 March 1985'",
        ),
        (
            '  - id: twice\n    subject: kalpana-soren\n    property: schema:birthDate\n    value: {date: 1985-03-03}\n    quote: "3 March 1985"\n',
            "broken.yaml, claim twice: quote occurs 2 times in the article; say which with 'occurrence'",
        ),
        (
            '  - id: bad-date\n    subject: kalpana-soren\n    property: schema:birthDate\n    value: {date: 1985-13-03}\n    quote: "born 3 March 1985"\n',
            "broken.yaml, claim bad-date: '1985-13-03' is not a valid date",
        ),
        (
            '  - id: both\n    subject: kalpana-soren\n    property: schema:spouse\n    object: hemant-soren\n    value: {string: x}\n    quote: "wife"\n',
            "broken.yaml, claim both: give exactly one of 'object' (entity or node) and 'value' (literal)",
        ),
        (
            '  - id: typo\n    subject: kalpana-soren\n    property: schema:spouse\n    objet: hemant-soren\n    quote: "wife"\n',
            "broken.yaml, claim typo: unknown field(s) objet",
        ),
        (
            '  - id: node\n    subject: {node: candidacy, key: [kalpana-soren]}\n    property: kgo:votes\n    value: {integer: 1}\n    quote: "wife"\n',
            "broken.yaml, claim node: a candidacy node needs 2 key parts (kgo:election, kgo:candidate)",
        ),
        (
            '  - id: curie\n    subject: kalpana-soren\n    property: spouse\n    object: hemant-soren\n    quote: "wife"\n',
            "broken.yaml, claim curie: property must be a CURIE like kgo:votes, got 'spouse'",
        ),
    ],
)
def test_broken_claims_are_named(sources: dict[str, Source], claim: str, message: str) -> None:
    with pytest.raises(ClaimFileError) as err:
        parse_claims_doc(_doc(claim), "broken.yaml", sources)
    assert str(err.value) == message


def _project_copy(tmp_path: Path) -> Path:
    import shutil

    for part in ("data", "ontology"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def test_the_build_fails_naming_the_broken_claim_file(tmp_path: Path) -> None:
    root = _project_copy(tmp_path)
    (root / "data" / "claims" / "zz-broken.yaml").write_text(
        'source: "001"\nclaims:\n  - id: made-up\n    subject: hemant-soren\n    property: kgo:nickname\n'
        '    value: {string: "Guruji"}\n    quote: "Guruji"\n',
        encoding="utf-8",
    )
    with pytest.raises(
        ClaimFileError,
        match=r"^zz-broken.yaml, claim made-up: quote not found verbatim in the article: 'Guruji'$",
    ):
        derive(Config.load(root))


def test_the_build_fails_on_an_unknown_entity_or_property(tmp_path: Path) -> None:
    root = _project_copy(tmp_path)
    path = root / "data" / "claims" / "zz-broken.yaml"
    path.write_text(
        'source: "001"\nclaims:\n  - id: who\n    subject: hemant-sorem\n    property: schema:spouse\n'
        '    object: kalpana-soren\n    quote: "his wife, Kalpana Soren"\n',
        encoding="utf-8",
    )
    with pytest.raises(BuildError, match="unknown entity id 'hemant-sorem'"):
        derive(Config.load(root))
    path.write_text(
        'source: "001"\nclaims:\n  - id: prop\n    subject: hemant-soren\n    property: kgo:wifeOf\n'
        '    object: kalpana-soren\n    quote: "his wife, Kalpana Soren"\n',
        encoding="utf-8",
    )
    with pytest.raises(
        BuildError,
        match=r"property kgo:wifeOf is not declared in ontology/kg.ttl \(zz-broken.yaml#prop\)",
    ):
        derive(Config.load(root))
