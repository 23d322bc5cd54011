"""Guard the Economie en Participatie transcription: figures copied from the source must survive.

Every expected value below was copied by hand from
/work/shared/bronnen/almelo-programmacontracten-2019.txt (lines 1576-3049) or from
realisaties-2019-2020.md, not from the YAML file.
"""

from __future__ import annotations

import pytest

from programmatool.loading import load_contract
from programmatool.model.contract import Contract

from .conftest import PROGRAMMAS

CONTRACT = PROGRAMMAS / "economie-participatie.yaml"

# Chapter 3: main goal -> strategic sub-goals -> operational goals (letters restart per main goal).
SUBDOELEN: dict[str, dict[str, list[str]]] = {
    "I": {"1.1": ["1a", "1b"], "1.2": ["1c"], "1.3": ["1d"], "1.4": ["1e"]},
    "II": {"2.1": ["2a", "2b"]},
}

# § 3.1.3 "10 inspanningen voor doel I" and § 3.1.5 "5 Inspanningen voor doel II".
INSPANNINGEN_PER_DOEL = {"I": 10, "II": 5}

# The operational goals state their 2022 target in words; no baseline is printed, except that
# goal 2a counts jobs "ten opzichte van 2016".
# id: (doel, eenheid, richting, peilwaarde, peiljaar, streefjaar, streefwaarde)
INDICATOREN: dict[str, tuple[str, str, str, object, int | None, int, object]] = {
    "bijstand-ontwikkeling": ("1a", "%", "lager", None, None, 2022, 1.22),
    "bijstandsdossiers": ("1b", "aantal", "lager", None, None, 2022, 2200),
    "uwv-spanningsindicator": ("1c", "schaal", "hoger", None, None, 2022, "gemiddeld"),
    "terugval-bijstand": ("1d", "aantal", "lager", None, None, 2022, 20),
    "inzet-participatie": ("1e", "%", "hoger", None, None, 2022, 70),
    "inzet-zorgbehoevenden": ("1e", "%", "hoger", None, None, 2022, "p.m."),
    "banen": ("2a", "aantal", "hoger", None, 2016, 2022, 4000),
    "ondernemersklimaat": ("2b", "rapportcijfer", "hoger", None, None, 2022, 7),
}

# realisaties-2019-2020.md: indicator -> year -> published number (None: a fact without a figure).
# "+1.200 jobs" in 2019 does not say it is the increase since 2016 (what the indicator measures),
# so it is kept as words only.
REALISATIES: dict[str, dict[int, float | None]] = {
    "ondernemersklimaat": {2018: 6.4},
    "bijstandsdossiers": {2018: None},
    "banen": {2019: None},
}

# Money named in the text (there is no budget table: bijlage 3 is missing from the source).
# (amount, soort, jaar)
OVERIGE_MIDDELEN: list[tuple[int, str, int | None]] = [
    (1_500_000, "overig", None),  # ch. 10: "voor de komende vier jaar €1.500.000"
    (200_000, "overig", None),  # SchuldenLab
    (150_000, "overig", None),  # Vroeg er op af
    (200_000, "eenmalig", 2019),  # ondernemersloket "in 2019 éénmalig € 200.000"
    (250_000, "structureel", None),  # accountmanagement "structureel € 250.000"
    (675_000, "overig", None),  # subsidie Stichting Almelo Promotie
    (120_000, "overig", None),  # "circa € 120.000" Stichting Centrum Activiteiten Almelo
]

# § 8 "Andere programma's" and "Wijkgericht".
RELATIES = ["nieuwstraatkwartier", "binnenstad", "duurzaamheid", "omgevingswet"]
WIJKEN = [
    "Sluitersveld / Schelfhorst",
    "De Riet / Haghoek / Rosarium",
    "Nieuwstraatkwartier / Ossenkopplerhoek",
    "Aalderinkshoek / Kerkelanden / Aadorp",
    "Centrum / Hofkamp",
    "Windmolenbroek / Bornerbroek",
]

# ch. 1 and 2: "4.500 bedrijven en 42.000 banen", "2850 huishoudens bijstandsgerechtigd".
KERNCIJFERS = [4500, 42000, 2850]


@pytest.fixture(scope="module")
def contract() -> Contract:
    result = load_contract(CONTRACT)
    assert [f.as_text() for f in result.findings] == []
    assert result.contract is not None
    return result.contract


def test_identity_period_and_roles(contract: Contract) -> None:
    assert contract.code == "economie-participatie"
    assert contract.programma == "Economie en Participatie"
    assert contract.status == "vastgesteld"
    assert contract.vastgesteld_op is None  # no date is printed
    assert contract.kenmerk == "Intern — 67929"
    assert (contract.periode.start, contract.periode.eind) == (2019, 2022)
    assert [p.naam for p in contract.rollen.bestuurlijk_opdrachtgevers] == ["Arjen Maathuis"]
    assert contract.rollen.ambtelijk_opdrachtgever is not None
    assert contract.rollen.ambtelijk_opdrachtgever.naam == "Ron Frerix"
    assert contract.rollen.programmamanager is not None
    assert contract.rollen.programmamanager.naam == "Ellis van Immerzeel"


def test_goals_with_sub_goals(contract: Contract) -> None:
    found = {
        sd.id: {
            sub.id: [od.id for od in sd.operationele_doelen if od.subdoel == sub.id]
            for sub in sd.subdoelen
        }
        for sd in contract.strategische_doelen
    }
    assert found == SUBDOELEN
    assert len(contract.strategische_doelen) == 2
    assert len(contract.operationele_doelen()) == 7
    assert all(od.subdoel is not None for od in contract.operationele_doelen())


def test_inspanningen_per_goal(contract: Contract) -> None:
    assert len(contract.inspanningen) == 15
    per_doel = {d: sum(1 for i in contract.inspanningen if i.doelen == [d]) for d in ("I", "II")}
    assert per_doel == INSPANNINGEN_PER_DOEL
    ids = [i.id for i in contract.inspanningen]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("indicator_id", sorted(INDICATOREN))
def test_indicator_figures(contract: Contract, indicator_id: str) -> None:
    doel, eenheid, richting, peilwaarde, peiljaar, jaar, streef = INDICATOREN[indicator_id]
    (ind,) = [i for i in contract.indicatoren if i.id == indicator_id]
    assert (ind.doel, ind.eenheid, ind.richting) == (doel, eenheid, richting)
    assert (ind.peilwaarde, ind.peiljaar) == (peilwaarde, peiljaar)
    assert max(ind.streefwaarden) == jaar
    assert ind.streefwaarden[jaar] == streef


def test_indicator_count_and_scale(contract: Contract) -> None:
    assert len(contract.indicatoren) == len(INDICATOREN) == 8
    (uwv,) = [i for i in contract.indicatoren if i.id == "uwv-spanningsindicator"]
    assert uwv.meetsoort == "schaal"
    assert uwv.schaal[-1] == "gemiddeld"


def test_realisaties(contract: Contract) -> None:
    found = {
        i.id: {jaar: r.waarde for jaar, r in i.realisaties.items()}
        for i in contract.indicatoren
        if i.realisaties
    }
    assert found == REALISATIES
    (dossiers,) = [i for i in contract.indicatoren if i.id == "bijstandsdossiers"]
    toelichting = dossiers.realisaties[2018].toelichting or ""
    assert "100 mensen" in toelichting
    (banen,) = [i for i in contract.indicatoren if i.id == "banen"]
    assert "+1.200 banen" in (banen.realisaties[2019].toelichting or "")


def test_money(contract: Contract) -> None:
    assert contract.middelen is not None
    assert contract.middelen.begrotingen == []
    found = [(o.bedrag, o.soort, o.jaar) for o in contract.middelen.overige]
    assert found == OVERIGE_MIDDELEN


def test_surroundings(contract: Contract) -> None:
    assert [r.programma for r in contract.relaties] == RELATIES
    assert [w.naam for w in contract.wijken] == WIJKEN
    assert [k.waarde for k in contract.kerncijfers] == KERNCIJFERS
    assert len(contract.risicos) == 4


def test_goal_references_exist(contract: Contract) -> None:
    doelen = contract.doel_ids()
    for inspanning in contract.inspanningen:
        assert set(inspanning.doelen) <= doelen, inspanning.id
    for indicator in contract.indicatoren:
        assert indicator.doel in doelen, indicator.id
