"""Guard for programmas/binnenstad.yaml: the printed figures stay as printed.

Every expected value below is copied from the source text (almelo-programmacontracten-2019.txt,
lines 895-1575, and realisaties-2019-2020.md), not from the YAML file, so an edit that silently
changes a figure fails here.
"""

from __future__ import annotations

import pytest

from programmatool.loading import load_contract
from programmatool.model.contract import Contract, Uren

from .conftest import PROGRAMMAS


@pytest.fixture(scope="module")
def contract() -> Contract:
    result = load_contract(PROGRAMMAS / "binnenstad.yaml")
    assert result.findings == [], [f.as_text() for f in result.findings]
    assert result.contract is not None
    return result.contract


def test_identity(contract: Contract) -> None:
    assert contract.code == "binnenstad"
    assert contract.gemeente == "Almelo"
    assert contract.status == "vastgesteld"
    assert contract.vastgesteld_op is None
    assert contract.versie == "mei 2019"
    assert contract.kenmerk == "Intern — 67928"
    assert (contract.periode.start, contract.periode.eind) == (2019, 2022)
    assert contract.rollen.bestuurlijk_opdrachtgevers[0].naam == "van Rees"
    assert contract.rollen.ambtelijk_opdrachtgever is not None
    assert contract.rollen.ambtelijk_opdrachtgever.naam == "Said Benayad"


# strategic goal id, its operational goal ids
GOALS = [
    ("1", ["1a"]),
    ("2", ["2a", "2b"]),
    ("3", ["3a", "3b"]),
    ("4", ["4a", "4b", "4c", "4d"]),
    ("5", ["5a"]),
]


def test_goals(contract: Contract) -> None:
    assert [
        (sd.id, [od.id for od in sd.operationele_doelen]) for sd in contract.strategische_doelen
    ] == GOALS


def test_measurable_goals_keep_their_figures(contract: Contract) -> None:
    titles = {od.id: od.titel for od in contract.operationele_doelen()}
    assert "7.000" in titles["1a"] and "(93.000)" in titles["1a"]
    assert titles["2a"].startswith("0 m²")
    assert "6.000 m²" in titles["2b"]
    assert titles["3a"].endswith("7,0") and titles["3b"].endswith("7,0")
    assert titles["4a"].endswith("6,5")
    assert titles["4b"].endswith("7,0")
    assert titles["4c"].endswith("6,6")
    assert titles["4d"].startswith("60 procent")
    assert titles["5a"].endswith("614")


def test_counts(contract: Contract) -> None:
    # Five sporen plus four efforts named in the chapter Middelen.
    assert len(contract.inspanningen) == 9
    sporen = [i.thema for i in contract.inspanningen if i.id.startswith("spoor-")]
    assert len(sporen) == 5
    assert all(t is not None and t.startswith("Spoor ") for t in sporen)
    # No indicator table: each measurable operational goal is one indicator.
    assert len(contract.indicatoren) == 10
    assert len(contract.risicos) == 6


# indicator id, goal, unit, direction, targets (the goals say "In 2022"), as printed
INDICATORS = [
    ("bezoekers-per-week", "1a", "bezoekers per week", "hoger", {2022: 7000}),
    ("leegstand-kernwinkelgebied", "2a", "m²", "lager", {2022: 0}),
    ("leegstand-buiten-kernwinkelgebied", "2b", "m²", "lager", {2022: 6000}),
    ("waardering-evenementen", "3a", "rapportcijfer", "hoger", {2022: 7.0}),
    ("waardering-cultuur", "3b", "rapportcijfer", "hoger", {2022: 7.0}),
    ("waardering-sfeer", "4a", "rapportcijfer", "hoger", {2022: 6.5}),
    ("waardering-veiligheid", "4b", "rapportcijfer", "hoger", {2022: 7.0}),
    ("waardering-parkeren", "4c", "rapportcijfer", "hoger", {2022: 6.6}),
    ("gastvrij", "4d", "%", "hoger", {2022: 60}),
    ("bedrijven-binnenstad", "5a", "aantal", "hoger", {2022: 614}),
]


def test_indicators(contract: Contract) -> None:
    assert [
        (i.id, i.doel, i.eenheid, i.richting, i.streefwaarden) for i in contract.indicatoren
    ] == INDICATORS
    # Only the visitors' goal prints a reference figure (93.000 in 2016), as context: the
    # target is printed as growth, so no indicator has a peilwaarde.
    assert all(i.peilwaarde is None for i in contract.indicatoren)
    bezoekers = contract.indicatoren[0]
    assert bezoekers.toelichting is not None and "93.000 in 2016" in bezoekers.toelichting


def test_programme_budget_table(contract: Contract) -> None:
    assert contract.middelen is not None
    programma = contract.middelen.begrotingen[0]
    assert programma.titel == "Programma binnenstad"
    assert programma.eenheid == "duizend_euro"
    [regel] = programma.regels
    assert regel.bedragen == {2019: 450, 2020: 450, 2021: 450, 2022: 150}
    assert programma.totalen == {}


# budget line, amounts per year as printed (× € 1.000), covered by the budget or not
DISTRIBUTION = [
    ("Pilot 2 uur gratis parkeren", {2019: 300, 2020: 300, 2021: 300}, True),
    ("Overige inspanningen", {2019: 50, 2020: 60, 2021: 60, 2022: 60}, True),
    ("Communicatie & Marketing", {2019: 60, 2020: 50, 2021: 50, 2022: 50}, True),
    ("Programma & Organisatie", {2019: 40, 2020: 40, 2021: 40, 2022: 40}, True),
    ("Planvoorbereidingskosten", {2020: 150, 2021: 150, 2022: 150}, False),
]


def test_distribution_table(contract: Contract) -> None:
    assert contract.middelen is not None
    verdeling = contract.middelen.begrotingen[1]
    assert verdeling.titel == "Verdeling middelen 2019-2022"
    assert verdeling.eenheid == "duizend_euro"
    assert [(r.omschrijving, r.bedragen, r.gedekt) for r in verdeling.regels] == DISTRIBUTION
    # "Totaal 450 600 600 600", as printed.
    assert verdeling.totalen == {2019: 450, 2020: 600, 2021: 600, 2022: 600}


def test_other_money(contract: Contract) -> None:
    assert contract.middelen is not None
    overige = {o.omschrijving: (o.soort, o.bedrag) for o in contract.middelen.overige}
    assert overige["Stichting Bomenstad Almelo, vergroenen van de binnenstad"] == (
        "eenmalig",
        50000,
    )
    assert overige["Bijdrage Stadstoezicht aan de pilot 2 uur gratis parkeren"][1] == 300000
    assert overige["Reserve Centrumspaarfonds"] == ("fonds", None)


def test_capacity(contract: Contract) -> None:
    hours = {c.rol: c.uren_totaal for c in contract.capaciteit}
    assert hours == {
        "Programmamanager": Uren(van=1200),
        "Strategisch programma-adviseur": Uren(van=1480),
        "Programmaondersteuner": Uren(van=450),
        "Strategisch communicatieadviseur": Uren(van=450),
    }


def test_realisatie_leegstand(contract: Contract) -> None:
    # June 2020: core shopping area in use apart from a few buildings, no m² given.
    indicator = next(i for i in contract.indicatoren if i.id == "leegstand-kernwinkelgebied")
    assert indicator.doel == "2a"
    realisatie = indicator.realisaties[2020]
    assert realisatie.waarde is None and realisatie.behaald is None
    assert realisatie.toelichting is not None and "enkele panden" in realisatie.toelichting
    assert realisatie.bron == "almelo2020.perspectiefnota.nl/p4127/programma-binnenstad"
