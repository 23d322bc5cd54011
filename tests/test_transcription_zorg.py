"""Guard for programmas/zorg.yaml: the printed figures stay as printed.

Every expected value below is copied from the source text (almelo-programmacontracten-2019.txt,
lines 5861-6661, and realisaties-2019-2020.md), not from the YAML file, so an edit that silently
changes a figure fails here.
"""

from __future__ import annotations

import pytest

from programmatool.loading import load_contract
from programmatool.model.contract import Contract, Uren

from .conftest import PROGRAMMAS


@pytest.fixture(scope="module")
def contract() -> Contract:
    result = load_contract(PROGRAMMAS / "zorg.yaml")
    assert result.findings == [], [f.as_text() for f in result.findings]
    assert result.contract is not None
    return result.contract


def test_identity(contract: Contract) -> None:
    assert contract.code == "zorg"
    assert contract.programma == "Zorg"
    assert contract.gemeente == "Almelo"
    assert contract.status == "vastgesteld"
    # "Datum 21 mei 2019" is the document's date, not an adoption date.
    assert contract.vastgesteld_op is None
    assert contract.versie == "21 mei 2019"
    assert contract.kenmerk == "Intern — 67933"
    assert (contract.periode.start, contract.periode.eind) == (2019, 2022)
    assert [p.naam for p in contract.rollen.bestuurlijk_opdrachtgevers] == [
        "Eugene van Mierlo",
        "Alex Langius",
    ]
    assert contract.rollen.ambtelijk_opdrachtgever is not None
    assert contract.rollen.ambtelijk_opdrachtgever.naam == "Ron Frerix"


# strategic goal id, its operational goal ids
GOALS = [
    ("1", ["1a", "1b", "1c", "1d", "1e"]),
    ("2", ["2a", "2b"]),
    ("3", []),
    ("4", ["4a", "4b"]),
]


def test_goals(contract: Contract) -> None:
    assert [
        (sd.id, [od.id for od in sd.operationele_doelen]) for sd in contract.strategische_doelen
    ] == GOALS
    assert [od.id for od in contract.operationele_doelen() if od.nog_te_bepalen] == ["2b"]
    assert contract.visie is not None
    assert "Meer Almeloërs functioneren zo zelfstandig mogelijk" in contract.visie
    assert "beter in staat haar taken in het sociaal domein uit te voeren" in contract.visie


# programmalijn prefix, number of activities, strategic goals it contributes to
PROGRAMMALIJNEN = [
    ("PL1-", 19, ["1", "2", "3", "4"]),
    ("PL2-", 4, ["2", "3", "4"]),
    ("PL3-", 5, ["3", "4"]),
    ("PL4-", 7, ["3"]),
]


def test_inspanningen_per_programmalijn(contract: Contract) -> None:
    assert len(contract.inspanningen) == sum(n for _, n, _ in PROGRAMMALIJNEN)
    for prefix, count, doelen in PROGRAMMALIJNEN:
        lijn = [i for i in contract.inspanningen if i.id.startswith(prefix)]
        assert len(lijn) == count, prefix
        assert all(i.doelen == doelen for i in lijn), prefix


# id, goal, unit, direction, peilwaarde, peiljaar, streefwaarden
INDICATORS = [
    ("jeugdhulp", "1a", "cliënten (afname)", "hoger", None, None, {2022: 200}),
    ("maatwerk-wmo-jeugd", "1b", "cliënten (afname)", "hoger", None, None, {2022: 200}),
    ("maatschappelijke-opvang", "1c", "aantal", "lager", 218, 2017, {2022: 176}),
    ("eenzaamheid", "1d", "%", "lager", 10, 2016, {2022: 8}),
    ("rapportcijfer-deelname", "1e", "rapportcijfer", "hoger", 6, 2018, {2022: 6.5}),
    ("voortijdig-schoolverlaten", "2a", "%", "lager", 1.9, 2017, {2022: 1.5}),
    ("integrale-steun-mpg", "4a", "%", "hoger", None, None, {2022: 100}),
    ("alternatieve-oplossing", "4b", "%", "hoger", None, None, {}),
]


def test_indicators(contract: Contract) -> None:
    assert [
        (i.id, i.doel, i.eenheid, i.richting, i.peilwaarde, i.peiljaar, i.streefwaarden)
        for i in contract.indicatoren
    ] == INDICATORS


# Tabel 1 "Activiteiten Maatregelenplan", bedragen x € 1.000, innovatiebudget 2019.
MAATREGELENPLAN_2019 = [
    ("Uitbreiden MPG", 200),
    ("Wmo Toezicht", 200),
    ("Toegang sociaal domein", 120),
    ("Contractmanagement", 150),
    ("Inkoop Wmo/Jeugd", 200),
    ("Wijkteam: analyse casusniveau en aanpassen beleid", 325),
    ("Dagstructurering", 200),
    ("MPG aanpak (Sociaal Hospital)", 72),
    ("Subsidieverstrekking aanpassen", 50),
    ("Verkenning toekomstbestendige huishoudelijke ondersteuning", 75),
]


def test_maatregelenplan_table(contract: Contract) -> None:
    assert contract.middelen is not None
    [tabel] = contract.middelen.begrotingen
    assert tabel.eenheid == "duizend_euro"
    assert [(r.omschrijving, r.bedragen) for r in tabel.regels] == [
        (naam, {2019: bedrag}) for naam, bedrag in MAATREGELENPLAN_2019
    ]
    # Printed "Totaal" and "Beschikbaar" rows, per year.
    assert tabel.totalen == {2019: 1592, 2020: 150}
    assert tabel.beschikbaar == {2019: 158, 2020: 1600}


def test_innovation_budget(contract: Contract) -> None:
    assert contract.middelen is not None
    assert [(o.jaar, o.bedrag, o.eenheid) for o in contract.middelen.overige] == [
        (2019, 1750000, "euro"),
        (2020, 1750000, "euro"),
    ]


# Tabel 2 "Benodigde capaciteit", aantal uren per week.
CAPACITY = [
    ("Programmamanager", Uren(van=36)),
    ("Programma adviseur", Uren(van=24, tot=32)),
    ("Programma ondersteuner", Uren(van=8, tot=16)),
    ("Inhoudelijk adviseur Wmo/programmalijntrekker", Uren(van=24, tot=36)),
    ("Inhoudelijk adviseur Jeugd/programmalijntrekker", Uren(van=24, tot=36)),
    ("Data analist", Uren(van=8, tot=12)),
    ("Communicatie", Uren(van=4, tot=8)),
    ("Financiën", Uren(van=4, tot=6)),
]


def test_capacity(contract: Contract) -> None:
    assert [(c.rol, c.uren_per_week) for c in contract.capaciteit] == CAPACITY


def test_surroundings(contract: Contract) -> None:
    assert {r.programma for r in contract.relaties} == {
        "veiligheid",
        "nieuwstraatkwartier",
        "omgevingswet",
        "binnenstad",
        "duurzaamheid",
        "economie-participatie",
    }
    assert len(contract.risicos) == 7
    assert [(k.waarde, k.vergelijking, k.jaar) for k in contract.kerncijfers] == [
        (81, 77, None),
        (16.1, 14.2, 2016),
        (17, 12, None),
        (8, None, None),
        (16.8, 11.6, 2012),
        (92, 84, 2018),
    ]


def test_programme_account_2020(contract: Contract) -> None:
    assert list(contract.verantwoording) == [2020]
    account = contract.verantwoording[2020]
    assert account.bron == "almelo2020.perspectiefnota.nl/p4128/programma-zorg"
    assert account.resultaten is not None and "bezuinigingstaakstelling" in account.resultaten
    # The fact concerns the programme as a whole: no indicator got a measurement.
    assert all(i.realisaties == {} for i in contract.indicatoren)
