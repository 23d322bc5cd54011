"""Guard for programmas/veiligheid.yaml: the printed figures stay as printed.

Every expected value below is copied from the source text (almelo-programmacontracten-2019.txt,
lines 5153-5860, and realisaties-2019-2020.md), not from the YAML file, so an edit that silently
changes a figure fails here.
"""

from __future__ import annotations

import pytest

from programmatool.loading import load_contract
from programmatool.model.contract import Contract, Uren

from .conftest import PROGRAMMAS


@pytest.fixture(scope="module")
def contract() -> Contract:
    result = load_contract(PROGRAMMAS / "veiligheid.yaml")
    assert result.findings == [], [f.as_text() for f in result.findings]
    assert result.contract is not None
    return result.contract


def test_identity(contract: Contract) -> None:
    assert contract.code == "veiligheid"
    assert contract.programma == "Veiligheid"
    assert contract.gemeente == "Almelo"
    # Adopted by the college per the council letter; no date is printed.
    assert contract.status == "vastgesteld"
    assert contract.vastgesteld_op is None
    assert contract.kenmerk == "Intern — 67932"
    assert (contract.periode.start, contract.periode.eind) == (2019, 2022)
    assert contract.motto == "Samen maken we Almelo veiliger!"
    # "De burgemeester is exclusief bestuurlijk opdrachtgever": one, named by office only.
    assert [p.naam for p in contract.rollen.bestuurlijk_opdrachtgevers] == ["De burgemeester"]


# The four themes of 2.2 (2.2.1-2.2.4), each with its "Het doel is ..." sentence.
GOALS = [
    ("1", "Veilige Wijken en Buurten", ["1a"]),
    ("2", "Verbinden Zorg en Veiligheid", ["2a"]),
    ("3", "Vertrouwen in Handhaving", ["3a"]),
    ("4", "Samen maken we Almelo veiliger!", ["4a"]),
]


def test_goals(contract: Contract) -> None:
    assert [
        (sd.id, sd.titel, [od.id for od in sd.operationele_doelen])
        for sd in contract.strategische_doelen
    ] == GOALS


def test_counts(contract: Contract) -> None:
    # Projects 1-4 of Bijlage II plus the AVE line project.
    assert [i.id for i in contract.inspanningen] == ["P1", "P1-AVE", "P2", "P3", "P4"]
    assert len(contract.indicatoren) == 6
    assert len(contract.projecten) == 5
    assert len(contract.risicos) == 7  # 7.2-7.8
    assert len(contract.stakeholders) == 15  # 2.3.2 externe partners
    assert {r.programma for r in contract.relaties} == {
        "nieuwstraatkwartier",
        "zorg",
        "binnenstad",
        "economie-participatie",
        "omgevingswet",
    }


def test_only_the_ave_project_has_a_printed_role(contract: Contract) -> None:
    roles = {i.id: i.rol for i in contract.inspanningen}
    assert roles == {"P1": None, "P1-AVE": "afstemming", "P2": None, "P3": None, "P4": None}


# indicator id, goal, unit, direction, peilwaarde, peiljaar
INDICATORS = [
    ("ind1", "1a", "%", "hoger", None, None),
    ("ind2", "1a", "aantal misdrijven", "lager", 4546, 2017),
    ("ind3", "3a", "%", "hoger", None, None),
    ("ind4", "4a", "aantal", "hoger", None, None),
    ("ind5", "2a", "%", "hoger", None, None),
    ("ind6", "3a", "%", "hoger", None, None),
]


def test_indicators_hold_only_what_the_text_states(contract: Contract) -> None:
    assert [
        (i.id, i.doel, i.eenheid, i.richting, i.peilwaarde, i.peiljaar)
        for i in contract.indicatoren
    ] == INDICATORS
    # The figures were charts only: no target may have been invented.
    assert all(i.streefwaarden == {} for i in contract.indicatoren)
    assert "E33-meldingen" in contract.indicatoren[4].naam


def test_realisatie_of_feeling_safe_has_no_invented_figure(contract: Contract) -> None:
    realisaties = contract.indicatoren[0].realisaties
    assert list(realisaties) == [2019]
    r = realisaties[2019]
    assert r.waarde is None
    assert r.behaald is None
    assert r.bron == "almelo2020.perspectiefnota.nl/p4129/programma-veiligheid"
    assert r.toelichting is not None and "CBS Veiligheidsmonitor" in r.toelichting


def test_budget(contract: Contract) -> None:
    assert contract.middelen is not None
    assert contract.middelen.begrotingen == []
    [extra] = contract.middelen.overige
    assert extra.omschrijving == "Extra inzet op toezicht en handhaving"
    assert (extra.bedrag, extra.eenheid, extra.jaar) == (200000, "euro", None)


# role (start), hours per week as printed in Bijlage II
HOURS = [
    ("Deel-programmaleider", 12),
    ("Adviseur Zorg en Veiligheid", 12),
    ("Wijkregisseur", 4),
    ("Coördinator BOA's", 4),
    ("Flexibele capaciteit versterking BOA's", 36),
    ("Projectleider Vertrouwen in handhaving", 16),
    ("Secretariële ondersteuning", 2),
]


def test_capacity(contract: Contract) -> None:
    with_hours = [c for c in contract.capaciteit if c.uren_per_week is not None]
    assert len(with_hours) == len(HOURS)
    for capaciteit, (rol, uren) in zip(with_hours, HOURS, strict=True):
        assert capaciteit.rol.startswith(rol)
        assert capaciteit.uren_per_week == Uren(van=uren)
    # Rows without hours ("pm", "Lijnproject", "Materiaalkosten", ...) are kept too.
    assert len(contract.capaciteit) == 15
