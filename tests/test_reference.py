"""Stage: reference. ``data/reference/`` as the graph ``<graph/reference>``: every seat, district,
party and alliance with its provenance, under the IRIs the rest of the build uses.

Every expected value below was read in data/reference/constituencies.yaml or parties.yaml (the
entry is named beside it), not computed with the code under test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.build import Built
from kg.build.gazetteer import GazetteerError, canonical_seats, load_lexicon, seat_entities
from kg.build.reference import load_reference, reference_graph
from kg.build.reference.ids import assign, wanted
from kg.build.resolve import Entity, Resolver, compatible, load_entities, normalise
from kg.build.validate import validate_graph
from kg.config import Config
from kg.explain import explain, render_text
from kg.iris import PROV, SCHEMA, Names
from kg.model import Mention
from kg.query.store import Store

from .conftest import BASE, PREFIXES, ROOT, app_on_build, kg_cli, rows
from .test_gazetteer import _seat

N = Names(BASE)
KG, KGO = N.kg, N.kgo
REFERENCE_DIR = ROOT / "data" / "reference"
REGISTRY = load_entities(ROOT / "data" / "entities.yaml")
REF = load_reference(REFERENCE_DIR, ROOT)
G = reference_graph(N, REF, REGISTRY)


def _en(text: str) -> Literal:
    return Literal(text, lang="en")


def _of_class(cls: URIRef) -> set[URIRef]:
    return {s for s in G.subjects(RDF.type, cls) if isinstance(s, URIRef)}


# ---- what the graph holds -----------------------------------------------------------------


def test_all_81_assembly_14_lok_sabha_seats_and_24_districts() -> None:
    assert (len(REF.seats), len(REF.lok_sabha), len(REF.districts)) == (81, 14, 24)
    lok_sabha = _of_class(KGO.LokSabhaConstituency)
    assembly = _of_class(KGO.Constituency) - lok_sabha
    assert (len(assembly), len(lok_sabha), len(_of_class(KGO.District))) == (81, 14, 24)
    assert {G.value(s, KGO.legislature) for s in assembly} == {KG["jharkhand-legislative-assembly"]}
    assert {G.value(s, KGO.legislature) for s in lok_sabha} == {KG["lok-sabha"]}
    numbers = sorted(int(str(G.value(s, KGO.constituencyNumber))) for s in assembly)
    assert numbers == list(range(1, 82))
    # the published totals the file's header cites: 44 general, 28 ST, 9 SC
    by_reservation = {
        r: sum(1 for s in assembly if (s, KGO.reservation, KGO[r]) in G)
        for r in ("Unreserved", "ScheduledTribes", "ScheduledCastes")
    }
    assert by_reservation == {"Unreserved": 44, "ScheduledTribes": 28, "ScheduledCastes": 9}


def test_dumri_is_seat_33_in_giridih_district_unreserved_in_the_giridih_lok_sabha_seat() -> None:
    dumri = KG.dumri  # constituencies entry 33
    assert G.value(dumri, RDFS.label) == _en("Dumri")
    assert G.value(dumri, KGO.constituencyNumber) == Literal(33)
    assert G.value(dumri, KGO.locatedIn) == KG["giridih-district"]
    assert G.value(dumri, KGO.reservation) == KGO.Unreserved
    assert G.value(dumri, KGO.parliamentaryConstituency) == KG["giridih-lok-sabha"]
    assert (KG["giridih-lok-sabha"], RDFS.label, _en("Giridih")) in G
    assert (KG["giridih-district"], RDFS.label, _en("Giridih district")) in G


def test_an_sc_seat_and_an_st_seat_with_their_values() -> None:
    deoghar = KG.deoghar  # entry 15: SC, district Deoghar, Lok Sabha Godda, variant Devghar
    assert G.value(deoghar, KGO.constituencyNumber) == Literal(15)
    assert G.value(deoghar, KGO.reservation) == KGO.ScheduledCastes
    assert G.value(deoghar, KGO.locatedIn) == KG["deoghar-district"]
    assert G.value(deoghar, KGO.parliamentaryConstituency) == KG["godda-lok-sabha"]
    borio = KG.borio  # entry 2: ST, district Sahebganj, Lok Sabha Rajmahal, variant Boiro
    assert G.value(borio, KGO.constituencyNumber) == Literal(2)
    assert G.value(borio, KGO.reservation) == KGO.ScheduledTribes
    assert G.value(borio, KGO.locatedIn) == KG["sahebganj-district"]
    assert G.value(borio, KGO.parliamentaryConstituency) == KG["rajmahal-lok-sabha"]


def test_variants_are_alternative_labels() -> None:
    assert set(G.objects(KG.borio, SKOS.altLabel)) == {_en("Boiro")}
    assert set(G.objects(KG.seraikella, SKOS.altLabel)) == {_en("Seraikela"), _en("Saraikela")}
    # Lok Sabha seat 13, Palamu: SC, variant Palamau; not the district of the same name
    palamu = KG["palamu-lok-sabha"]
    assert (palamu, RDF.type, KGO.LokSabhaConstituency) in G
    assert G.value(palamu, KGO.constituencyNumber) == Literal(13)
    assert G.value(palamu, KGO.reservation) == KGO.ScheduledCastes
    assert set(G.objects(palamu, SKOS.altLabel)) == {_en("Palamau")}
    assert set(G.objects(KG["palamu-district"], SKOS.altLabel)) == {_en("Palamu"), _en("Palamau")}


def test_a_district_is_in_its_division_and_in_jharkhand() -> None:
    ranchi = KG["ranchi-district"]  # districts: Ranchi, division South Chotanagpur
    assert (ranchi, RDF.type, KGO.District) in G
    assert set(G.objects(ranchi, KGO.locatedIn)) == {KG["south-chotanagpur"], KG.jharkhand}
    assert (KG["south-chotanagpur"], RDF.type, KGO.Division) in G
    # "Palamu" as a division is the place "Palamu division"; Chota Nagpur is a region, no division
    assert KG["palamu-division"] in set(G.objects(KG["palamu-district"], KGO.locatedIn))
    assert len(_of_class(KGO.Division)) == 5
    assert (KG["chota-nagpur"], RDF.type, KGO.Place) in G


def test_parties_keep_the_registry_iri_and_label_with_their_abbreviations_and_years() -> None:
    jmm = KG["jharkhand-mukti-morcha"]  # founded 1972 (founded_note gives the dispute)
    assert G.value(jmm, RDFS.label) == _en("Jharkhand Mukti Morcha")
    assert set(G.objects(jmm, SKOS.altLabel)) == {_en("JMM")}
    assert G.value(jmm, KGO.foundingYear) == Literal("1972", datatype=XSD.gYear)
    assert len(list(G.objects(jmm, KGO.note))) == 1
    # the registry's cpi-ml is the reference's CPI(ML) Liberation, by the alias "CPI(ML)"
    cpi_ml = KG["cpi-ml"]
    assert G.value(cpi_ml, RDFS.label) == _en("Communist Party of India (Marxist-Leninist)")
    alt = set(G.objects(cpi_ml, SKOS.altLabel))
    assert {_en("Communist Party of India (Marxist–Leninist) Liberation"), _en("CPI(ML)L")} <= alt
    assert G.value(cpi_ml, KGO.foundingYear) == Literal("1974", datatype=XSD.gYear)
    jvm = KG["jharkhand-vikas-morcha-prajatantrik"]  # founded 2006, merged into the BJP 2020
    assert G.value(jvm, KGO.foundingYear) == Literal("2006", datatype=XSD.gYear)
    assert G.value(jvm, KGO.dissolutionYear) == Literal("2020", datatype=XSD.gYear)
    assert URIRef("https://okworldguru.com/jharkhand-mukti-morcha") in set(
        G.objects(jmm, DCTERMS.source)
    )
    assert len(_of_class(KGO.PoliticalParty)) == 23  # 20 of today, 3 of earlier decades


def _lineup(alliance: str, election: str) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for node in G.subjects(KGO.alliance, KG[alliance]):
        if G.value(node, KGO.election) == KG[election]:
            seats = G.value(node, KGO.seatsContested)
            party = str(G.value(node, KGO.party))[len(str(KG)) :]
            out[party] = None if seats is None else int(str(seats))
    return out


def test_alliances_with_members_elections_and_seats_where_given() -> None:
    nda = "national-democratic-alliance"
    assert _lineup(nda, "election/2024-jharkhand-assembly") == {
        "bharatiya-janata-party": 68,
        "all-jharkhand-students-union": 10,
        "janata-dal-united": 2,
        "lok-janshakti-party-ram-vilas": 1,
    }
    assert _lineup(nda, "2019-jharkhand-legislative-assembly-election") == {
        "bharatiya-janata-party": 79
    }
    india = "indian-national-developmental-inclusive-alliance"
    assembly = _lineup(india, "election/2024-jharkhand-assembly")
    assert assembly == dict.fromkeys(
        (
            "jharkhand-mukti-morcha",
            "indian-national-congress",
            "rashtriya-janata-dal",
            "cpi-ml",
        )
    )
    node = KG[f"alliance-membership/{india}/election/2024-jharkhand-assembly/cpi-ml"]
    assert set(G.objects(node, RDF.type)) == {KGO.AllianceMembership}  # no seats, no allocation
    assert _lineup(india, "2024-indian-general-election")["indian-national-congress"] == 7
    assert _lineup("mahagathbandhan", "2019-indian-general-election") == {
        "indian-national-congress": 7,
        "jharkhand-mukti-morcha": 4,
        "jharkhand-vikas-morcha-prajatantrik": 2,
        "rashtriya-janata-dal": 1,
    }
    assert set(G.objects(KG.mahagathbandhan, SKOS.altLabel)) == {
        _en("grand alliance"),
        _en("UPA"),
    }
    election = KG["2019-indian-general-election"]
    assert G.value(election, RDFS.label) == _en("2019 Indian general election")
    assert G.value(election, KGO.year) == Literal("2019", datatype=XSD.gYear)
    assert G.value(election, KGO.legislature) == KG["lok-sabha"]


# ---- provenance ---------------------------------------------------------------------------


def test_each_file_is_a_dataset_with_its_public_sources_url_and_day_read() -> None:
    seats, parties = N.dataset("constituencies"), N.dataset("parties")
    assert set(G.objects(N.reference_graph, PROV.wasDerivedFrom)) == {seats, parties}
    assert G.value(seats, KGO.dataFile) == Literal("data/reference/constituencies.yaml")
    assert G.value(seats, DCTERMS.title) == _en("Constituencies and districts of Jharkhand")
    adr = N.dataset("constituencies/adr-lookup-2019")
    assert adr in set(G.objects(seats, PROV.wasDerivedFrom))
    assert (adr, RDF.type, KGO.PublicSource) in G
    assert G.value(adr, SCHEMA.url) == URIRef("https://github.com/HarryStevens/adr-election-node")
    assert G.value(adr, KGO.readOn) == Literal("2026-12-02", datatype=XSD.date)
    assert len(list(G.objects(seats, PROV.wasDerivedFrom))) == 7
    assert len(list(G.objects(parties, PROV.wasDerivedFrom))) == 2


def test_every_entity_and_node_names_the_dataset_it_came_from() -> None:
    datasets = {N.dataset("constituencies"), N.dataset("parties")}
    described = {s for s in G.subjects(RDF.type, None) if str(s).startswith(str(KG))}
    # 81 + 14 seats, 24 districts, 6 places, 23 parties, 3 alliances, 4 elections, and the
    # alliance memberships: NDA 2 + 1 + 2 + 4, INDIA 4 + 4, Mahagathbandhan 4 + 3
    assert len(described) == 81 + 14 + 24 + 6 + 23 + 3 + 4 + 24
    for s in described:
        assert set(G.objects(s, PROV.wasDerivedFrom)) & datasets, s
    assert G.value(KG.dumri, PROV.wasDerivedFrom) == N.dataset("constituencies")
    assert G.value(KG["cpi-ml"], PROV.wasDerivedFrom) == N.dataset("parties")


# ---- one IRI for one thing ----------------------------------------------------------------


def _graph_of(built: Built, name: URIRef) -> Graph:
    return built.graphs[name]


def test_the_same_iri_in_the_entities_the_source_and_the_reference_graphs(built: Built) -> None:
    n = built.names
    ref = _graph_of(built, n.reference_graph)
    entities = _graph_of(built, n.entities_graph)
    article = _graph_of(built, n.source_graph("002"))
    for slug in (
        "gandey",
        "jharkhand-mukti-morcha",
        "cpi-ml",
        "bharatiya-janata-party",
        "election/2024-jharkhand-assembly",
    ):
        iri = n.entity(slug)
        assert (iri, RDFS.label, None) in ref, slug
        assert (iri, RDFS.label, None) in entities, slug
        assert (None, None, iri) in article or (iri, None, None) in article, slug
    assert (n.entity("gandey"), KGO.constituencyNumber, Literal(31)) in ref


def test_no_reference_entity_is_a_second_iri_for_a_registry_entity(built: Built) -> None:
    """Whatever in the reference graph goes by a registry entity's name and agrees in type is
    that entity."""
    n = built.names
    ref = _graph_of(built, n.reference_graph)
    for s in {s for s in ref.subjects(RDFS.label, None) if str(s).startswith(str(n.kg))}:
        names = {normalise(str(o)) for p in (RDFS.label, SKOS.altLabel) for o in ref.objects(s, p)}
        types = {str(t)[len(str(KGO)) :] for t in ref.objects(s, RDF.type)}
        for e in REGISTRY:
            same_name = names & {normalise(x) for x in (e.label, *e.aliases)}
            if same_name and any(compatible(e.type, t) for t in types):
                assert s == n.entity(e.id), (s, e.id)


def test_seats_and_names_the_articles_would_mint_are_the_reference_iris() -> None:
    lexicon = load_lexicon(REFERENCE_DIR, REGISTRY)
    claims = canonical_seats([_seat("Dumri"), _seat("Singhbhum")], lexicon)
    minted = {e.label: e for e in seat_entities(claims, lexicon, REGISTRY)}
    assert minted["Dumri"].id == "dumri" and minted["Dumri"].type == "Constituency"
    singhbhum = minted["Singhbhum"]  # only a Lok Sabha seat (10)
    assert (singhbhum.id, singhbhum.type) == ("singhbhum-lok-sabha", "LokSabhaConstituency")
    for e in minted.values():
        assert (N.entity(e.id), RDFS.label, _en(e.label)) in G
    resolver = Resolver.of(REGISTRY)
    for text, type_ in (
        ("Ranchi district", "District"),
        ("Janata Dal (United)", "PoliticalParty"),
        ("National Democratic Alliance", "Alliance"),
        ("2019 Jharkhand Legislative Assembly election", "GeneralElection"),
    ):
        eid = resolver.entity(Mention(text, type_), "009@0")
        assert eid is not None and (N.entity(eid), RDF.type, N.class_iri(type_)) in G, text


def test_a_reference_entry_that_would_take_a_registry_id_is_refused() -> None:
    clash = Entity("dumri", "District", "Dumri block")  # a registry entity of another kind
    with pytest.raises(GazetteerError, match=r"Dumri.*would take the id 'dumri'"):
        assign(wanted(REF), (*REGISTRY, clash))


# ---- errors -------------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "reference"
    shutil.copytree(REFERENCE_DIR, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


DUMRI = "    name: Dumri\n    variants: []\n    district: Giridih\n    reservation: none\n"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            DUMRI,
            DUMRI.replace("reservation: none", "reservation: GEN"),
            r"constituencies\.yaml: constituencies entry 33 \(Dumri\): reservation must be one "
            r"of SC, ST, none, got 'GEN'$",
        ),
        (
            DUMRI,
            DUMRI.replace("Giridih", "Giridhi"),
            r"^data/reference/constituencies\.yaml: Dumri: district 'Giridhi' is not one of the "
            r"districts$",
        ),
        (
            "  - number: 33\n",
            "  - number: thirty-three\n",
            r"constituencies entry 33 \(Dumri\): number must be a whole number of 1 or more, "
            r"got 'thirty-three'$",
        ),
        (
            "    read: 2026-12-02\n    note: Assembly numbers",
            "    read: 02-12-2026\n    note: Assembly numbers",
            r"constituencies\.yaml: sources entry 1 \(ADR constituency lookup for Jharkhand, "
            r"2019 .*\): read must be a date YYYY-MM-DD, got '02-12-2026'$",
        ),
        (
            "sources:\n  - id: adr-lookup-2019",
            "provenance:\n  - id: adr-lookup-2019",
            r"constituencies\.yaml: header: needs a `sources:` list",
        ),
    ],
    ids=["reservation", "district", "number", "date read", "no sources"],
)
def test_a_malformed_reference_file_is_one_line_naming_the_file(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = _copy(tmp_path)
    _edit(folder / "constituencies.yaml", old, new)
    with pytest.raises(GazetteerError, match=message) as err:
        load_reference(folder, tmp_path)
    assert "\n" not in str(err.value)


def test_kg_build_stops_at_a_malformed_reference_file_with_one_line(tmp_path: Path) -> None:
    root = tmp_path / "project"
    for part in ("data", "ontology"):
        shutil.copytree(ROOT / part, root / part)
    _edit(
        root / "data" / "reference" / "parties.yaml",
        "{party: Janata Dal (United), seats: 2}",
        "{party: Janata Dal (U), seats: 2}",
    )
    res = kg_cli("build", KG_HOME=str(root), KG_BUILD_DIR=str(root / "build"))
    assert res.returncode == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("kg: error")]
    assert errors == [
        "kg: error: data/reference/parties.yaml: National Democratic Alliance: member "
        "'Janata Dal (U)' is not one of the parties"
    ]
    assert res.stderr.strip().splitlines()[-1] == errors[0]
    assert not (root / "build" / "kg.nq").exists()


def test_without_a_reference_folder_the_graph_is_empty(tmp_path: Path) -> None:
    assert len(reference_graph(N, load_reference(tmp_path / "none", tmp_path), REGISTRY)) == 0


# ---- in the built dataset -----------------------------------------------------------------


def test_sparql_finds_the_st_seats_of_a_lok_sabha_seat(store: Store) -> None:
    """Rajmahal (Lok Sabha 1): Rajmahal 1 and Pakur 5 are general, Borio 2, Barhait 3, Litipara 4
    and Maheshpur 6 are ST (constituencies entries 1-6)."""
    got = rows(
        store,
        PREFIXES
        + """
        SELECT ?number ?seat WHERE { GRAPH <graph/reference> {
          ?s kgo:parliamentaryConstituency kg:rajmahal-lok-sabha ;
             kgo:reservation kgo:ScheduledTribes ; kgo:constituencyNumber ?number ; rdfs:label ?seat
        } } ORDER BY ?number""",
    )
    assert got == [("2", "Borio"), ("3", "Barhait"), ("4", "Litipara"), ("6", "Maheshpur")]


def test_the_store_holds_the_graph_apart_and_the_reasoner_does_not_read_it(
    built: Built, store: Store
) -> None:
    n = built.names
    assert (
        store.count_by_graph()[str(n.reference_graph)]
        == len(G)
        == len(built.graphs[n.reference_graph])
    )
    # Dumri is in no article: nothing is inferred of it, and the district's state is a path away
    assert (
        store.query(PREFIXES + "ASK { GRAPH <graph/inferred> { kg:dumri ?p ?o } }").boolean is False
    )
    assert store.query(PREFIXES + "ASK { kg:dumri kgo:locatedIn+ kg:jharkhand }").boolean is True


def test_the_entity_page_marks_what_the_reference_data_says(
    cfg: Config, built: Built, tmp_path: Path
) -> None:
    with app_on_build(cfg, tmp_path) as app:
        page = (
            app.test_client()
            .get("/id/dumri", headers={"Accept": "text/html"})
            .get_data(as_text=True)
        )
    assert "<h1>Dumri " in page
    # number, house, district, Lok Sabha seat, reservation, label, dataset (the type heads the page)
    assert page.count('<span class="badge reference"') == 7
    assert 'href="/id/giridih-lok-sabha"' in page and ">33<" in page


def test_explaining_a_reference_fact_names_its_file(store: Store) -> None:
    tree = explain(store, N, "kg:dumri", "kgo:constituencyNumber", "33")
    assert (tree["asserted"], tree["inferred"], tree["statement"]) == (True, False, None)
    assert tree["registry"] == "data/reference/constituencies.yaml"
    text = render_text(tree)
    assert "In short: constituency number (recorded in data/reference/constituencies.yaml)" in text


def test_the_shapes_check_the_reference_graph() -> None:
    shapes, ontology = Graph(), Graph()
    shapes.parse(ROOT / "ontology" / "shapes.ttl", publicID=BASE)
    ontology.parse(ROOT / "ontology" / "kg.ttl", publicID=BASE)
    assert validate_graph(G, shapes, ontology, N).conforms
    broken = Graph()
    for t in G:
        broken.add(t)
    broken.add((KG.dumri, KGO.reservation, KGO.ScheduledTribes))  # entry 33 is unreserved
    report = validate_graph(broken, shapes, ontology, N)
    assert not report.conforms
    assert "at most one reservation" in report.text()
