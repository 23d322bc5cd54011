"""Guard for programmas/duurzaamheid.yaml: the printed figures stay as printed.

Every expected value below is copied from the source text (almelo-programmacontracten-2019.txt,
lines 47-894, and realisaties-2019-2020.md), not from the YAML file, so an edit that silently
changes a figure fails here.
"""

from __future__ import annotations

import pytest

from programmatool.loading import load_contract
from programmatool.model.contract import Contract, Uren

from .conftest import PROGRAMMAS


@pytest.fixture(scope="module")
def contract() -> Contract:
    result = load_contract(PROGRAMMAS / "duurzaamheid.yaml")
    assert result.findings == [], [f.as_text() for f in result.findings]
    assert result.contract is not None
    return result.contract


def test_identity(contract: Contract) -> None:
    assert contract.code == "duurzaamheid"
    assert contract.programma == "Duurzaamheid"
    assert contract.gemeente == "Almelo"
    # The cover page says "concept"; no adoption date is printed.
    assert contract.status == "concept"
    assert contract.vastgesteld_op is None
    assert contract.kenmerk == "Intern — 67856 & 67857 & 67858"
    # "Startdatum programma 2019", "Voorziene einddatum programma 2022".
    assert (contract.periode.start, contract.periode.eind) == (2019, 2022)


def test_roles(contract: Contract) -> None:
    rollen = contract.rollen
    assert [p.email for p in rollen.bestuurlijk_opdrachtgevers] == ["e.vanmierlo@almelo.nl"]
    assert rollen.ambtelijk_opdrachtgever is not None
    assert rollen.ambtelijk_opdrachtgever.naam == "Said Benayad"
    assert rollen.programmamanager is not None
    assert rollen.programmamanager.naam == "Angela Agus"
    assert rollen.programmamanager.email == "a.agus@almelo.nl"
    assert rollen.programmamanager.telefoon == "06-31997519"


def test_counts(contract: Contract) -> None:
    assert [sd.id for sd in contract.strategische_doelen] == ["I", "II"]
    # The qualitative goals a-b (I) and c-e (II), then the measurable goals a-f.
    assert [len(sd.subdoelen) for sd in contract.strategische_doelen] == [2, 3]
    assert [od.id for od in contract.operationele_doelen()] == ["a", "b", "c", "d", "e", "f"]
    # "Bijbehorende inspanningen": 9 bullets for doel I, 13 for doel II.
    assert len(contract.inspanningen) == 22
    assert len(contract.indicatoren) == 10
    assert len(contract.risicos) == 4
    assert [r.programma for r in contract.relaties] == [
        "nieuwstraatkwartier",
        "binnenstad",
        "omgevingswet",
    ]


# indicator id, goal, unit, direction, peilwaarde, peiljaar, last streefwaarde (year, value)
INDICATORS = [
    ("groen-onverhard", "a", "m²", "hoger", 0, 2018, (2022, 6000)),
    ("open-water", "b", "m²", "hoger", 0, 2018, (2022, 5000)),
    ("scholen-afvaleducatie", "c", "aantal", "hoger", 5, 2018, (2022, 20)),
    ("buurt-schoon", "I", "%", "hoger", 61, 2017, None),
    ("duurzame-energie", "d", "%", "hoger", 2.1, 2017, (2022, 20)),
    ("gasverbruik-woningen", "II", "miljoen m³", "lager", 44, 2017, (2022, "n.t.b.")),
    ("elektrische-autos", "e", "aantal", "hoger", 254, 2018, (2022, 1000)),
    ("duurzame-initiatieven", "f", "aantal", "hoger", 2, 2018, (2022, 12)),
    ("blauwgroene-stad", "II", "%", "hoger", 24, 2018, None),
    ("trots-op-almelo", "II", "%", "hoger", 34, 2018, None),
]


@pytest.mark.parametrize(
    ("ind_id", "doel", "eenheid", "richting", "peilwaarde", "peiljaar", "laatste"), INDICATORS
)
def test_indicator(
    contract: Contract,
    ind_id: str,
    doel: str,
    eenheid: str,
    richting: str,
    peilwaarde: object,
    peiljaar: int,
    laatste: tuple[int, object] | None,
) -> None:
    ind = next(i for i in contract.indicatoren if i.id == ind_id)
    assert ind.doel == doel
    assert ind.eenheid == eenheid
    assert ind.richting == richting
    assert ind.peilwaarde == peilwaarde
    assert ind.peiljaar == peiljaar
    if laatste is None:
        # The OCR lost the columns of these targets; none may be placed in a guessed year.
        assert ind.streefwaarden == {}
    else:
        year = max(ind.streefwaarden)
        assert (year, ind.streefwaarden[year]) == laatste


def test_all_yearly_targets(contract: Contract) -> None:
    by_id = {i.id: i.streefwaarden for i in contract.indicatoren}
    assert by_id["groen-onverhard"] == {2019: 1000, 2020: 2000, 2021: 4500, 2022: 6000}
    assert by_id["open-water"] == {2019: 1000, 2020: 3000, 2021: 4000, 2022: 5000}
    assert by_id["scholen-afvaleducatie"] == {2019: 8, 2020: 12, 2021: 17, 2022: 20}
    assert by_id["duurzame-energie"] == {2019: 5, 2020: 9, 2021: 16, 2022: 20}
    assert by_id["elektrische-autos"] == {2019: 302, 2020: 400, 2021: 600, 2022: 1000}
    assert by_id["duurzame-initiatieven"] == {2019: 4, 2020: 7, 2021: 10, 2022: 12}


# Targets printed without a readable year: they stay in the indicator's toelichting.
UNPLACED_TARGETS = [
    ("buurt-schoon", ["65"]),
    ("blauwgroene-stad", ["30", "33"]),
    ("trots-op-almelo", ["40", "50"]),
]


@pytest.mark.parametrize(("ind_id", "waarden"), UNPLACED_TARGETS)
def test_unplaced_targets_are_kept(contract: Contract, ind_id: str, waarden: list[str]) -> None:
    ind = next(i for i in contract.indicatoren if i.id == ind_id)
    assert ind.toelichting is not None
    for waarde in waarden:
        assert waarde in ind.toelichting.split("Streefwaarde")[1]


# budget line, amounts 2019-2022 as printed ("Verdeling middelen 2019-2021")
BUDGET_LINES = [
    ("Organisatie en communicatie", (30000, 20000, 20000, 10000)),
    ("Activiteiten m.b.t. Groen, water en afval", (25000, 25000, 25000, 25000)),
    ("Activiteiten m.b.t. wateroverlast", (35000, 35000, 25000, 35000)),
    (
        "Activiteiten m.b.t. energietransitie onderzoek, besparen en duurzame opwek",
        (100000, 100000, 100000, 100000),
    ),
    ("Duurzame initiatieven stimuleren", (10000, 20000, 30000, 20000)),
]


def test_budget(contract: Contract) -> None:
    assert contract.middelen is not None
    [begroting] = contract.middelen.begrotingen
    assert begroting.eenheid == "euro"
    lines = [
        (r.omschrijving, tuple(r.bedragen[y] for y in range(2019, 2023))) for r in begroting.regels
    ]
    assert lines == BUDGET_LINES
    # Printed totals, 2022 included, even though the 2022 lines add up to 190.000.
    assert begroting.totalen == {2019: 200000, 2020: 200000, 2021: 200000, 2022: 200000}
    [fonds] = contract.middelen.overige
    assert (fonds.soort, fonds.bedrag) == ("fonds", 650000)


def test_capacity(contract: Contract) -> None:
    hours = {c.rol: c.uren_per_week for c in contract.capaciteit}
    assert len(hours) == 10
    assert hours["Programmamanager"] == Uren(van=36)
    assert hours["Programma ondersteuner"] == Uren(van=4, tot=8)
    assert hours["Beleidsadviseur groen, natuur en water Uitvoering Fysiek"] == Uren(van=12, tot=36)
    assert hours["Financieel adviseur"] == Uren(van=2)


def test_realisaties(contract: Contract) -> None:
    by_id = {i.id: i.realisaties for i in contract.indicatoren}
    # June 2020: "10 initiatives so far".
    assert by_id["duurzame-initiatieven"][2020].waarde == 10
    # June 2020: the 2022 targets for green and open water already reached, no figure given.
    for ind_id in ("groen-onverhard", "open-water"):
        assert by_id[ind_id][2020].behaald is True
        assert by_id[ind_id][2020].waarde is None
    # 2019 only in parts (892 + 145 + about 1.000 m²): never summed into an invented total.
    deel = by_id["groen-onverhard"][2019]
    assert deel.waarde is None
    assert deel.toelichting is not None and "892" in deel.toelichting
    assert 2020 in contract.verantwoording
