"""Guard the Omgevingswet transcription: figures copied from the source must survive edits.

Every expected value below was copied by hand from
/work/shared/bronnen/almelo-programmacontracten-2019.txt (lines 3914-5152) or from
realisaties-2019-2020.md, not from the YAML file.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from programmatool.loading import load_contract
from programmatool.model.contract import Contract

from .conftest import PROGRAMMAS

CONTRACT = PROGRAMMAS / "omgevingswet.yaml"

# § 6.1: "We zien de spreiding van de invoeringskosten als volgt": year -> (percentage, amount).
SPREIDING: dict[int, tuple[float, int]] = {
    2017: (2.5, 58_000),
    2018: (10.0, 232_000),
    2019: (30.0, 696_000),
    2020: (30.0, 696_000),
    2021: (17.5, 405_000),
    2022: (5.0, 116_000),
    2023: (2.5, 58_000),
    2024: (2.5, 58_000),
}
# "Voor Almelo betekent dit € 2.320.000 als implementatieopgave (tot en met 2024)."
SPREIDING_TOTAAL = 2_320_000
# "In de begroting van 2019 is € 700.000 opgenomen voor de invoering van de Omgevingswet."
BEGROTING_2019 = 700_000

# Chapter 4 and the DIN: number of inspanningen per onderwerp, and their Caluwé colours.
INSPANNINGEN_PER_THEMA = {
    "Omgevingsvisie": 5,
    "Herijking bestaand beleid": 2,
    "Omgevingsplan": 3,
    "Digitalisering / DSO": 6,
    "Participatie en communicatie": 3,
    "Dienstverlening, houding en gedrag": 8,
}
KLEUREN = {"blauw": 12, "groen": 12, "rood": 1, None: 2}


@pytest.fixture(scope="module")
def contract() -> Contract:
    result = load_contract(CONTRACT)
    assert [f.as_text() for f in result.findings] == []
    assert result.contract is not None
    return result.contract


def test_identity_and_period(contract: Contract) -> None:
    assert contract.code == "omgevingswet"
    assert contract.status == "vastgesteld"
    assert contract.kenmerk == "Intern — 67931"
    assert (contract.periode.start, contract.periode.eind) == (2019, 2024)
    assert contract.rollen.bestuurlijk_opdrachtgevers[0].naam == "Eugene van Mierlo"
    assert contract.rollen.ambtelijk_opdrachtgever is not None
    assert contract.rollen.ambtelijk_opdrachtgever.naam == "Said Benayad"
    assert contract.rollen.programmamanager is not None
    assert contract.rollen.programmamanager.naam == "Janke Krommendijk"


def test_counts(contract: Contract) -> None:
    assert len(contract.strategische_doelen) == 6
    assert len(contract.operationele_doelen()) == 6
    assert len(contract.inspanningen) == 27
    assert len(contract.indicatoren) == 1


def test_inspanningen_per_theme_and_colour(contract: Contract) -> None:
    assert Counter(i.thema for i in contract.inspanningen) == INSPANNINGEN_PER_THEMA
    assert Counter(i.kleur for i in contract.inspanningen) == KLEUREN
    goal_ids = contract.doel_ids()
    for inspanning in contract.inspanningen:
        assert inspanning.doelen, inspanning.id
        assert set(inspanning.doelen) <= goal_ids, inspanning.id


def test_spread_of_implementation_costs_as_printed(contract: Contract) -> None:
    assert contract.middelen is not None
    (spreiding,) = contract.middelen.spreidingen
    assert spreiding.totaal == SPREIDING_TOTAAL
    actual = {jaar: (j.percentage, j.bedrag) for jaar, j in spreiding.jaren.items()}
    assert actual == SPREIDING
    # The printed amounts add up to 2.319.000, one thousand short of the stated total;
    # the file must keep that, not a corrected figure.
    assert sum(amount for _, amount in SPREIDING.values()) == 2_319_000


def test_budget_2019(contract: Contract) -> None:
    assert contract.middelen is not None
    (overig,) = contract.middelen.overige
    assert (overig.bedrag, overig.jaar) == (BEGROTING_2019, 2019)


def test_omgevingsvisie_milestone_and_realisation(contract: Contract) -> None:
    (indicator,) = contract.indicatoren
    assert indicator.doel == "a"
    assert indicator.meetsoort == "mijlpaal"
    assert indicator.streefdatum == dt.date(2020, 7, 1)
    assert indicator.streefdatum_tekst == "uiterlijk 1 juli 2020"
    assert indicator.peilwaarde is None
    realisatie = indicator.realisaties[2020]
    assert realisatie.datum == dt.date(2020, 9, 29)
    assert realisatie.bron == "almelo.nl/vergunningen/omgevingsvisie"


def test_omgevingstafel_pilot_accounted_for_on_goal_e(contract: Contract) -> None:
    goal = next(od for od in contract.operationele_doelen() if od.id == "e")
    assert "8 weken" in goal.titel
    verantwoording = goal.verantwoording[2020]
    assert verantwoording.resultaten is not None
    assert "omgevingstafel" in verantwoording.resultaten
    assert verantwoording.bron == "almelo2020.perspectiefnota.nl/p4124/programma-omgevingswet"


def test_relations_use_programme_codes(contract: Contract) -> None:
    assert {r.programma for r in contract.relaties} == {
        "binnenstad",
        "duurzaamheid",
        "zorg",
        "economie-participatie",
        "nieuwstraatkwartier",
    }


def test_goals_without_indicator_await_one(contract: Contract) -> None:
    # § 6.3: "Tijdens de uitvoering van het programma worden indicatoren ontwikkeld"; only goal a
    # has a measurable milestone.
    pending = {od.id for od in contract.operationele_doelen() if od.nog_te_bepalen}
    assert pending == {"b", "c", "d", "e", "f"}
