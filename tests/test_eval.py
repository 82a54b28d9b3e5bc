"""Stage: eval. ``kg eval`` run as a user runs it, on a two-article corpus written here (not
one of the development articles), and the gold files' checks. Expected figures are counted by
hand from the gold below and the scoring rule of tests/corpus/README.md: a fact is a point and
each of its qualifiers another."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build.nodes import make_node
from kg.build.resolve import Entity
from kg.config import Config
from kg.eval.facts import found_facts
from kg.eval.gold import GoldError, gold_files, load_gold
from kg.eval.score import Score, Tally, score_article
from kg.eval.targets import target_lines
from kg.model import Claim, EntityId, Method, Span

from .test_cli import kg

NEWS = (
    "Tundi result: JMM holds the seat\n\n"
    "Meera Kumari of the JMM defeated Ramesh Oraon of the BJP in Tundi by 4,210 votes. "
    '"We thank the people of Tundi," a party worker said.\n'
)
NEWS_GOLD = """kind: news
title: Tundi result
published: 2024-11-23
facts:
  - s: Meera Kumari
    p: candidacy
    o: 2024 Jharkhand Legislative Assembly election
    q: {constituency: Tundi, party: Jharkhand Mukti Morcha, result: won, margin: 4210,
        opponent: Ramesh Oraon}
    evidence: Meera Kumari of the JMM defeated Ramesh Oraon of the BJP in Tundi by 4,210 votes
  - s: Ramesh Oraon
    p: candidacy
    o: 2024 Jharkhand Legislative Assembly election
    q: {constituency: Tundi, party: Bharatiya Janata Party, result: lost, opponent: Meera Kumari}
    evidence: defeated Ramesh Oraon of the BJP in Tundi
  - s: Meera Kumari
    p: party
    o: Jharkhand Mukti Morcha
    evidence: Meera Kumari of the JMM
  - s: Ramesh Oraon
    p: party
    o: Bharatiya Janata Party
    evidence: Ramesh Oraon of the BJP
  - s: Ramesh Oraon
    p: sibling
    o: Sunil Oraon
    evidence: Tundi result
traps:
  - s: Meera Kumari
    p: spouse
    o: Ramesh Oraon
    evidence: Meera Kumari of the JMM defeated Ramesh Oraon
"""


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "tundi.txt").write_text(NEWS, encoding="utf-8")
    (corpus / "tundi.yaml").write_text(NEWS_GOLD, encoding="utf-8")
    return corpus


def test_kg_eval_scores_an_article_against_its_gold(cfg: Config, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    res = kg(cfg, "eval", str(corpus), "--json")
    assert res.returncode == 0, res.stderr
    score = json.loads(res.stdout)
    tundi = score["per_article"]["tundi"]
    # gold points: 6 + 5 + 1 + 1 + 1 = 14; all but the made-up sibling fact (1) are stated
    # in words the rules read, so 13 are found right
    assert tundi["gold"] == 14
    assert tundi["matched_gold"] == 13
    assert [m["p"] for m in score["missed"]] == ["sibling"]
    assert score["traps"] == []


def test_an_article_and_its_gold_file_count_once(cfg: Config, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    assert gold_files([corpus / "tundi.txt", corpus / "tundi.yaml", corpus]) == [
        (corpus / "tundi.yaml").resolve()
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("p: sibling", "p: cousinhood"), "unknown predicate 'cousinhood'"),
        (("evidence: Tundi result", "evidence: Dumka result"), "evidence is not in the article"),
        (("result: lost,", "result: lost, colour: red,"), "takes no qualifier colour"),
    ],
)
def test_a_bad_gold_file_is_a_one_line_error(
    cfg: Config, tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    corpus = _corpus(tmp_path)
    gold = corpus / "tundi.yaml"
    gold.write_text(NEWS_GOLD.replace(*change), encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        load_gold(gold)
    res = kg(cfg, "eval", str(corpus))
    assert res.returncode == 1
    assert message in res.stderr and "Traceback" not in res.stderr


HALVES = Path(__file__).parent / "corpus"


def test_the_development_corpus_is_two_disjoint_valid_halves() -> None:
    """Every gold file loads (its evidence is verbatim in its article, its predicates and
    qualifiers are the README's), each half has both kinds of article, and no article is in both."""
    halves = {
        h: [load_gold(p) for p in sorted((HALVES / h).glob("*.yaml"))] for h in ("dev", "test")
    }
    for name, articles in halves.items():
        assert len(articles) >= 12, name
        assert {a.kind for a in articles} == {"news", "encyclopedia"}, name
        assert all(a.facts for a in articles), name
    texts = [{a.text for a in articles} for articles in halves.values()]
    assert not texts[0] & texts[1]
    titles = [{a.title for a in articles} for articles in halves.values()]
    assert not titles[0] & titles[1]


def test_the_targets_are_printed_beside_the_figures() -> None:
    score = Score()
    score.per_category["infobox"] = Tally(matched_found=19, found=20, matched_gold=19, gold=20)
    score.per_category["news"] = Tally(matched_found=6, found=8, matched_gold=6, gold=10)
    score.total = Tally(matched_found=25, found=28, matched_gold=25, gold=30)
    assert target_lines(score) == [
        "accuracy against the targets:",
        "  ok  infobox  recall 0.950 (≥ 0.90)",
        "  NOT table    recall   —   (≥ 0.90)",
        "  NOT prose    recall   —   (≥ 0.80)",
        "  NOT news     recall 0.600 (≥ 0.80)",
        "  NOT overall  precision 0.893 (≥ 0.97)",
        "      overall  recall 0.833",
        "  ok  trap facts 0 (0)",
    ]


def test_a_marriage_stated_both_ways_is_one_spouse_fact() -> None:
    """ "A's husband B" and "B married A" in one article are one fact, found once, not one right
    and one wrong."""
    a, b = EntityId("rita-devi"), EntityId("mohan-lal")
    ev = Span("000", 0, 10, "x" * 10)
    node = make_node("marriage", a, b)
    claims = [
        Claim(a, "kgo:husband", b, ev, Method.SENTENCE, "r"),
        Claim(b, "schema:spouse", a, ev, Method.SENTENCE, "r"),
        *(Claim(node, "kgo:participant", p, ev, Method.SENTENCE, "r") for p in (a, b, a, b)),
    ]
    people = (
        Entity("rita-devi", "Person", "Rita Devi"),
        Entity("mohan-lal", "Person", "Mohan Lal"),
    )
    spouses = [f for f in found_facts(claims, people) if f.p == "spouse"]
    assert [(f.s_label, f.o_label) for f in spouses] == [("Rita Devi", "Mohan Lal")]


def test_a_kinship_stated_from_the_other_side_matches_its_gold_fact(tmp_path: Path) -> None:
    """ "B, the daughter-in-law of A" found as daughterInLaw(A, B) is the gold father_in_law(B, A),
    and "A's son B" (schema:children) the gold father(B, A): the ontology's inverses. A child
    found the other way is still no mother of the wrong person."""
    text = "Rekha Devi, daughter-in-law of Suraj Mahto. Binod Mahto is a son of Suraj Mahto."
    path = tmp_path / "k.yaml"
    path.write_text(
        "kind: encyclopedia\ntitle: K\nfacts:\n"
        "  - {s: Rekha Devi, p: father_in_law, o: Suraj Mahto, evidence: daughter-in-law of Suraj Mahto}\n"
        "  - {s: Binod Mahto, p: father, o: Suraj Mahto, evidence: Binod Mahto is a son of Suraj Mahto}\n",
        encoding="utf-8",
    )
    (tmp_path / "k.txt").write_text(text, encoding="utf-8")
    article = load_gold(path)
    rekha, suraj, binod = EntityId("rekha-devi"), EntityId("suraj-mahto"), EntityId("binod-mahto")
    ev = Span("000", 0, len(text), text)
    claims = [
        Claim(suraj, "kgo:daughterInLaw", rekha, ev, Method.SENTENCE, "r"),
        Claim(suraj, "schema:children", binod, ev, Method.SENTENCE, "r"),
        Claim(rekha, "schema:children", binod, ev, Method.SENTENCE, "r"),
    ]
    people = (
        Entity("rekha-devi", "Person", "Rekha Devi"),
        Entity("suraj-mahto", "Person", "Suraj Mahto"),
        Entity("binod-mahto", "Person", "Binod Mahto"),
    )
    score = Score()
    score_article(article, found_facts(claims, people), score)
    assert (score.total.matched_gold, score.total.gold) == (2, 2)
    assert (score.total.matched_found, score.total.found) == (2, 3)
    assert [(w.p, w.s, w.o) for w in score.wrong] == [("child", "Rekha Devi", "Binod Mahto")]
