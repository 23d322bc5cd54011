"""Guard for programmas/nieuwstraatkwartier.yaml: the printed figures stay as printed.

Every expected value below is copied from the source text (almelo-programmacontracten-2019.txt,
lines 3050-3913), not from the YAML file, so an edit that silently changes a figure fails here.
"""

from __future__ import annotations

import pytest

from programmatool.loading import load_contract
from programmatool.model.contract import Contract, Uren

from .conftest import PROGRAMMAS


@pytest.fixture(scope="module")
def contract() -> Contract:
    result = load_contract(PROGRAMMAS / "nieuwstraatkwartier.yaml")
    assert result.findings == [], [f.as_text() for f in result.findings]
    assert result.contract is not None
    return result.contract


def test_identity(contract: Contract) -> None:
    assert contract.code == "nieuwstraatkwartier"
    assert contract.gemeente == "Almelo"
    assert contract.status == "vastgesteld"
    assert contract.kenmerk == "Intern — 67930"
    # "startte in september 2017" and "duurt 10 jaar".
    assert (contract.periode.start, contract.periode.eind) == (2017, 2027)
    assert contract.samenvatting is not None and "postcode 7605" in contract.samenvatting


def test_counts(contract: Contract) -> None:
    # Five strategic goals (3.1); operational goals and efforts only in the missing DIN image.
    assert [sd.id for sd in contract.strategische_doelen] == ["I", "II", "III", "IV", "V"]
    assert contract.operationele_doelen() == []
    assert contract.inspanningen == []
    # 5.3: wijkkompas for I, II and III, plus 2 more for II, 3 for IV and 2 for V.
    assert len(contract.indicatoren) == 10
    # 3.3: thirteen concrete results expected in 2022.
    assert len(contract.verwachte_resultaten) == 13
    # Chapter 9: seven risks besides 9.1 and 9.5.
    assert len(contract.risicos) == 7
    assert len(contract.kerncijfers) == 25


def test_goal_titles(contract: Contract) -> None:
    titles = [sd.titel for sd in contract.strategische_doelen]
    assert titles[0] == "De basis op orde (schoon, heel, veilig)"
    assert titles[3] == "Klimaatadaptieve en aardgasvrije wijk"


# indicator id, goal, peilwaarde, peiljaar, last streefwaarde (year, value)
INDICATORS = [
    ("wijkkompas-basis", "I", None, None, None),
    ("actieve-bewoners", "II", None, None, None),
    ("pilot-sociaal-domein", "II", None, None, None),
    ("wijkkompas-sociaal", "II", None, None, None),
    ("wijkkompas-ruimtelijk", "III", None, None, None),
    ("woninglabel", "IV", None, None, (2022, "B")),
    ("klimaatmaatregelen", "IV", None, None, None),
    ("activiteiten-klimaat", "IV", None, None, None),
    ("vertrouwen-toekomst", "V", None, 2015, None),
    ("wordle", "V", None, None, None),
]


@pytest.mark.parametrize(("ind_id", "doel", "peilwaarde", "peiljaar", "laatste"), INDICATORS)
def test_indicator(
    contract: Contract,
    ind_id: str,
    doel: str,
    peilwaarde: object,
    peiljaar: int | None,
    laatste: tuple[int, object] | None,
) -> None:
    ind = next(i for i in contract.indicatoren if i.id == ind_id)
    assert ind.doel == doel
    assert (ind.peilwaarde, ind.peiljaar) == (peilwaarde, peiljaar)
    if laatste is None:
        assert ind.streefwaarden == {}
    else:
        year = max(ind.streefwaarden)
        assert (year, ind.streefwaarden[year]) == laatste


# Bijlage III, euro table: line, amount (no year printed; 2019 per the table's heading).
BUDGET_LINES = [
    ("Communicatie", 25000),
    ("Bewonersparticipatie", 35000),
    ("Organisatiekosten", 20000),
    ("Ritselbudget", 50000),
    ("Energietransitie", 50000),
]


def test_budget_table_as_printed(contract: Contract) -> None:
    assert contract.middelen is not None
    [table] = contract.middelen.begrotingen
    assert table.eenheid == "euro"
    assert [(r.omschrijving, r.bedragen) for r in table.regels] == [
        (name, {2019: amount}) for name, amount in BUDGET_LINES
    ]
    # "Totaal € 180.000"
    assert table.totalen == {2019: 180000}


# middelen.overige: description start, amount, upper end of range, year, kind
OTHER_MONEY = [
    ("Beschikbaar gesteld door de gemeenteraad", 130000, None, 2019, "overig"),
    ("Uit het in te stellen revolverend fonds", 50000, None, 2019, "fonds"),
    ("Budget per jaar voor de resterende collegeperiode", 180000, None, None, "structureel"),
    ("Ruimtelijke visie Nieuwstraatkwartier", 24000, 34669, 2019, "ongedekt"),
    ("Ondersteuning bewonersinitiatieven", 24000, None, 2019, "overig"),
]


def test_other_money(contract: Contract) -> None:
    assert contract.middelen is not None
    got = contract.middelen.overige
    assert len(got) == len(OTHER_MONEY)
    for item, (start, bedrag, tot, jaar, soort) in zip(got, OTHER_MONEY, strict=True):
        assert item.omschrijving.startswith(start)
        assert (item.bedrag, item.bedrag_tot, item.jaar, item.soort) == (bedrag, tot, jaar, soort)


# Bijlage III, hours: role (end of the name), per week, in total, without a period.
HOURS = [
    ("Programma-adviseur", Uren(van=36), None, None),
    ("Algemeen sdc-werk", Uren(van=36), None, None),
    ("wijkondersteuning", Uren(van=14), None, None),
    ("Extra ondersteuning bewonersinitiatieven", Uren(van=7.2), None, None),
    ("Ondersteuning ondernemersvereniging (Nieuwstraat)", Uren(van=5), None, None),
    ("Ondersteuning ZZP'ers", Uren(van=5), None, None),
    ("bedrijfsterrein Achter de Molen", None, Uren(van=360, tot=520), None),
    ("Advisering milieu en algemeen", None, None, Uren(van=2)),
    ("Bouw- en woningtoezicht", None, None, Uren(van=8)),
    ("Communicatie programma NSK", Uren(van=20), None, None),
    ("Secretariële ondersteuning", Uren(van=8), None, None),
    ("Energietransitie (onderdeel ontwikkelperspectief met Provincie)", None, None, Uren(van=16)),
]


@pytest.mark.parametrize(("rol", "per_week", "totaal", "zonder_periode"), HOURS)
def test_hours(
    contract: Contract,
    rol: str,
    per_week: Uren | None,
    totaal: Uren | None,
    zonder_periode: Uren | None,
) -> None:
    [cap] = [c for c in contract.capaciteit if c.rol.endswith(rol)]
    assert (cap.uren_per_week, cap.uren_totaal, cap.uren) == (per_week, totaal, zonder_periode)


def test_only_printed_hours_are_numbers(contract: Contract) -> None:
    with_hours = [c for c in contract.capaciteit if c.uren_per_week or c.uren_totaal or c.uren]
    assert len(with_hours) == len(HOURS)


# Bijlage I: name, Nieuwstraatkwartier, Almelo.
KERNCIJFERS = [
    ("Oppervlakte", 60, 6941),
    ("Aantal inwoners", 3140, 72629),
    ("Bevolkingsdichtheid per km²", 5281, 1080),
    ("Niet-westerse allochtonen", 30.1, 15.5),
    ("Aantal huishoudens", 1445, 32232),
    ("Huishoudens met kinderen", 37.37, 35.68),
    ("Gemiddeld inkomen", 14200, 20400),
    ("Aantal woningen", 1443, 32988),
    ("Woningeigenaar overige verhuurders", 10, 11),
    ("Gemiddelde WOZ-waarde", 95000, 153000),
]


@pytest.mark.parametrize(("naam", "wijk", "almelo"), KERNCIJFERS)
def test_kerncijfers(contract: Contract, naam: str, wijk: float, almelo: float) -> None:
    [k] = [k for k in contract.kerncijfers if k.naam == naam]
    assert (k.waarde, k.vergelijking, k.vergelijking_naam) == (wijk, almelo, "Almelo")


def test_relations(contract: Contract) -> None:
    # 7.2: Duurzaamheid, Zorg, Economie en Participatie, Veiligheid en Omgevingsvisie.
    assert sorted(r.programma for r in contract.relaties) == [
        "duurzaamheid",
        "economie-participatie",
        "omgevingswet",
        "veiligheid",
        "zorg",
    ]


# Projects named in bijlage III and the example in 6.10; the DIN that linked them to goals was an
# image, so none of them carries goals.
PROJECTEN = [
    "Nieuwstraat",
    "Schoolstraat",
    "Pilot toegang sociaal domein",
    "Regulering kamerverhuur",
    "Vervanging van het riool in de Nieuwstraat",
    "Ruimtelijke visie Nieuwstraatkwartier, bedrijfsterrein Achter de Molen",
    "Energietransitie NSK",
]


def test_projects_without_invented_links(contract: Contract) -> None:
    assert [p.naam for p in contract.projecten] == PROJECTEN
    assert all(p.doelen == [] and p.inspanningen == [] for p in contract.projecten)
