"""Every message a user reads is Dutch for a policy adviser: no internal names, no grammar slips.

A broad corpus of broken contracts (every kind of error the contract model can raise: a wrong
type for each kind of field, an unknown key, a missing field, a bad date, a value outside its
list, a list where a mapping belongs, a yes/no where a number belongs, nested mistakes) and rule
findings with counts of one and of several go through ``check`` as a user runs it. Each message
is held to the same standard: no Pydantic error type, no Python type or class name, no
snake_case word except a quoted field name of the contract, no "1 <plural>".
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from ruamel.yaml import YAML
from typer.testing import CliRunner

from programmatool.cli.app import app
from programmatool.model import contract as m
from programmatool.pipeline import settings as config
from programmatool.progress.thresholds import Thresholds

from .test_rules_support import basis_text

DELETE = object()


def _base() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe", pure=True).load(basis_text())
    return data


Step = tuple[tuple[str | int, ...], Any]

#: (name, changes): each change sets (or with DELETE removes) the value at a path in the base.
CASES: list[tuple[str, list[Step]]] = [
    # --- missing required fields, at every level
    ("ontbreekt-programma", [(("programma",), DELETE)]),
    ("ontbreekt-status", [(("status",), DELETE)]),
    ("ontbreekt-periode", [(("periode",), DELETE)]),
    ("ontbreekt-eind", [(("periode", "eind"), DELETE)]),
    ("ontbreekt-rollen", [(("rollen",), DELETE)]),
    ("ontbreekt-naam-persoon", [(("rollen", "bestuurlijk_opdrachtgevers", 0, "naam"), DELETE)]),
    ("ontbreekt-titel-sd", [(("strategische_doelen", 0, "titel"), DELETE)]),
    ("ontbreekt-id-od", [(("strategische_doelen", 0, "operationele_doelen", 0, "id"), DELETE)]),
    ("ontbreekt-doel-indicator", [(("indicatoren", 0, "doel"), DELETE)]),
    (
        "ontbreekt-omschrijving",
        [(("middelen", "begrotingen", 0, "regels", 0, "omschrijving"), DELETE)],
    ),
    (
        "ontbreekt-percentage",
        [(("middelen", "spreidingen", 0, "jaren", 2017, "percentage"), DELETE)],
    ),
    ("ontbreekt-rol-capaciteit", [(("capaciteit", 0, "rol"), DELETE)]),
    ("ontbreekt-van-uren", [(("capaciteit", 0, "uren_per_week", "van"), DELETE)]),
    (
        "ontbreekt-status-uitvoering",
        [(("inspanningen", 0, "uitvoering"), {2019: {"toelichting": "x"}})],
    ),
    # --- unknown keys
    ("onbekend-top", [(("programmanaam",), "x")]),
    ("onbekend-indicator", [(("indicatoren", 0, "streefwaardes"), {2019: 1})]),
    (
        "onbekend-realisatie",
        [(("indicatoren", 0, "realisaties", 2019), {"waarde": 9, "jaar": 2019})],
    ),
    ("onbekend-persoon", [(("rollen", "bestuurlijk_opdrachtgevers", 0, "telefoonnummer"), "06")]),
    # --- text fields given something else
    ("tekst-getal", [(("programma",), 5)]),
    ("tekst-kommagetal", [(("gemeente",), 5.5)]),
    ("tekst-ja", [(("gemeente",), True)]),
    ("tekst-lijst", [(("gemeente",), ["a", "b"])]),
    ("tekst-mapping", [(("gemeente",), {"naam": "x"})]),
    ("tekst-leeg", [(("gemeente",), None)]),
    ("tekst-lege-tekst", [(("gemeente",), "")]),
    ("tekst-datum", [(("samenvatting",), dt.date(2019, 1, 1))]),
    ("tekst-titel-getal", [(("strategische_doelen", 0, "titel"), 12)]),
    # --- years
    ("jaar-tekst", [(("periode", "start"), "2019")]),
    ("jaar-woord", [(("periode", "start"), "twintig")]),
    ("jaar-kommagetal", [(("periode", "eind"), 2022.5)]),
    ("jaar-ja", [(("periode", "eind"), True)]),
    ("jaar-klein", [(("periode", "start"), 1800)]),
    ("jaar-groot", [(("periode", "eind"), 3000)]),
    ("jaar-lijst", [(("periode", "eind"), [2022])]),
    ("jaar-leeg", [(("periode", "eind"), None)]),
    ("peiljaar-tekst", [(("indicatoren", 0, "peiljaar"), "2018")]),
    ("jaarsleutel-tekst", [(("indicatoren", 0, "streefwaarden"), {"2019": 8})]),
    ("jaarsleutel-woord", [(("indicatoren", 0, "streefwaarden"), {"eind": 8})]),
    ("jaarsleutel-klein", [(("indicatoren", 0, "streefwaarden"), {1800: 8})]),
    ("begrotingsjaar-tekst", [(("middelen", "begrotingen", 0, "totalen"), {"2019": 14000})]),
    # --- dates
    ("datum-nl", [(("vastgesteld_op",), "11-06-2019")]),
    ("datum-onmogelijk", [(("vastgesteld_op",), "2019-13-45")]),
    ("datum-getal", [(("vastgesteld_op",), 2019)]),
    ("datum-tijd", [(("vastgesteld_op",), "2019-06-11T10:30:00")]),
    ("datum-ja", [(("vastgesteld_op",), True)]),
    ("datum-lijst", [(("vastgesteld_op",), ["2019-06-11"])]),
    ("datum-woord", [(("indicatoren", 4, "streefdatum"), "zomer 2020")]),
    ("datum-realisatie", [(("indicatoren", 4, "realisaties", 2020, "datum"), "gisteren")]),
    # --- values out of their list
    ("keuze-status", [(("status",), "klaar")]),
    ("keuze-rol", [(("inspanningen", 0, "rol"), "baas")]),
    ("keuze-richting", [(("indicatoren", 0, "richting"), "beter")]),
    ("keuze-meetsoort", [(("indicatoren", 0, "meetsoort"), "percentage")]),
    ("keuze-kleur", [(("inspanningen", 0, "kleur"), "paars")]),
    ("keuze-eenheid-begroting", [(("middelen", "begrotingen", 0, "eenheid"), "dollar")]),
    ("keuze-doelniveaus", [(("doelniveaus",), 3)]),
    ("keuze-doelniveaus-tekst", [(("doelniveaus",), "een")]),
    ("keuze-status-getal", [(("status",), 1)]),
    ("keuze-uitvoering", [(("inspanningen", 0, "uitvoering"), {2019: {"status": "klaar"}})]),
    ("keuze-soort", [(("middelen", "overige"), [{"omschrijving": "x", "soort": "lening"}])]),
    # --- patterns and lengths
    ("patroon-id", [(("strategische_doelen", 0, "id"), "doel een")]),
    ("patroon-code", [(("code",), "Schone Stad")]),
    ("patroon-email", [(("rollen", "bestuurlijk_opdrachtgevers", 0, "email"), "geen-adres")]),
    ("patroon-relatie", [(("relaties",), [{"programma": "Binnen Stad"}])]),
    ("lege-opdrachtgevers", [(("rollen", "bestuurlijk_opdrachtgevers"), [])]),
    ("id-te-lang", [(("inspanningen", 0, "id"), "x" * 50)]),
    # --- numbers
    ("getal-tekst", [(("middelen", "begrotingen", 0, "totaal"), "veel")]),
    ("getal-ja", [(("middelen", "begrotingen", 0, "totaal"), True)]),
    ("getal-lijst", [(("middelen", "begrotingen", 0, "totalen", 2019), [1, 2])]),
    ("getal-leeg", [(("middelen", "begrotingen", 0, "totalen", 2019), None)]),
    ("getal-nan", [(("middelen", "begrotingen", 0, "totaal"), float("nan"))]),
    ("getal-oneindig", [(("middelen", "begrotingen", 0, "totaal"), float("inf"))]),
    ("getal-groot", [(("middelen", "begrotingen", 0, "totaal"), 10**18)]),
    ("getal-klein", [(("middelen", "begrotingen", 0, "totaal"), 1e-12)]),
    ("waarde-ja", [(("indicatoren", 0, "peilwaarde"), True)]),
    ("waarde-lege-tekst", [(("indicatoren", 0, "peilwaarde"), "")]),
    ("waarde-lijst", [(("indicatoren", 0, "peilwaarde"), [5])]),
    ("waarde-mapping", [(("indicatoren", 0, "peilwaarde"), {"waarde": 5})]),
    ("realisatie-lijst", [(("indicatoren", 0, "realisaties", 2019), [9])]),
    ("realisatie-waarde-lijst", [(("indicatoren", 0, "realisaties", 2019), {"waarde": [9]})]),
    ("uren-tekst", [(("capaciteit", 0, "uren_per_week"), "veel")]),
    ("uren-lijst", [(("capaciteit", 0, "uren_per_week"), [24, 32])]),
    ("uren-van-tekst", [(("capaciteit", 0, "uren_per_week"), {"van": "24"})]),
    ("planning-woord", [(("inspanningen", 0, "planning"), ["Q3 2020"])]),
    ("planning-getal", [(("inspanningen", 0, "planning"), 2020)]),
    # --- yes/no
    (
        "bool-tekst",
        [(("strategische_doelen", 0, "operationele_doelen", 0, "nog_te_bepalen"), "misschien")],
    ),
    ("bool-getal", [(("strategische_doelen", 0, "operationele_doelen", 0, "nog_te_bepalen"), 5)]),
    ("bool-lijst", [(("relaties",), [{"naam": "x", "extern": ["ja"]}])]),
    ("bool-behaald", [(("indicatoren", 0, "realisaties", 2019), {"behaald": "ja hoor"})]),
    # --- lists and mappings swapped
    ("lijst-voor-mapping", [(("periode",), [2019, 2022])]),
    ("tekst-voor-mapping", [(("rollen",), "wethouder")]),
    ("getal-voor-mapping", [(("middelen",), 5)]),
    ("mapping-voor-lijst", [(("strategische_doelen",), {"id": "I", "titel": "x"})]),
    ("tekst-voor-lijst", [(("inspanningen", 0, "stakeholders"), "scholen")]),
    ("tekst-voor-lijst-doelen", [(("inspanningen", 0, "doelen"), "a")]),
    ("lijst-voor-jaarmapping", [(("indicatoren", 0, "streefwaarden"), [8, 12])]),
    ("tekst-voor-jaarmapping", [(("indicatoren", 0, "realisaties"), "9 in 2019")]),
    ("persoon-als-tekst", [(("rollen", "programmamanager"), "B. de Manager")]),
    ("persoon-als-lijst", [(("rollen", "programmamanager"), ["B. de Manager"])]),
    ("opdrachtgevers-als-tekst", [(("rollen", "bestuurlijk_opdrachtgevers"), "A. de Wethouder")]),
    ("doel-als-tekst", [(("strategische_doelen", 0), "De stad is schoner")]),
    ("verantwoording-tekst", [(("verantwoording",), {2020: "Alles ging goed."})]),
    ("schaal-tekst", [(("indicatoren", 3, "schaal"), "laag, hoog")]),
    ("leeg-document-lijsten", [(("strategische_doelen",), None), (("indicatoren",), None)]),
    # --- relations
    ("relatie-leeg", [(("relaties",), [{"toelichting": "x"}])]),
    ("relatie-extern-zonder-naam", [(("relaties",), [{"extern": True}])]),
    # --- many errors in one file
    (
        "veel-tegelijk",
        [
            (("status",), "klaar"),
            (("periode", "start"), "2019"),
            (("indicatoren", 0, "peilwaarde"), True),
            (("capaciteit", 0, "uren_per_week"), [1]),
        ],
    ),
]


def _apply(data: dict[str, Any], steps: list[Step]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for path, value in steps:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        if value is DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return data


def _dump(data: dict[str, Any]) -> str:
    yaml = YAML(typ="safe", pure=True)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


#: Rule findings with counts of one and of several: (name, YAML text).
def _rule_cases() -> list[tuple[str, str]]:
    text = basis_text()
    one_goal = text.replace("      - id: b\n        titel:", "      - id: bb\n        titel:", 1)
    cases = [
        # PT102 with one operational goal and with several, no effort tied to any goal
        (
            "geen-inspanning-aan-doelen",
            re.sub(r"(?m)^    doelen: \[.*\]\n", "", text),
        ),
        ("basis-met-hernoemd-doel", one_goal),
    ]
    single = (
        "programma: Een\ncode: een\ngemeente: X\nstatus: concept\n"
        "periode: {start: 2019, eind: 2022}\n"
        "rollen:\n  bestuurlijk_opdrachtgevers:\n    - naam: A\n"
        "strategische_doelen:\n  - id: I\n    titel: T\n    operationele_doelen:\n"
        "      - id: a\n        titel: Een doel\n"
        "inspanningen:\n  - id: ins-1\n    titel: Iets\n"
    )
    cases.append(("een-doel-geen-inspanning", single))
    one_level = (
        "programma: Een\ncode: een-laag\ngemeente: X\nstatus: concept\ndoelniveaus: 1\n"
        "periode: {start: 2019, eind: 2022}\n"
        "rollen:\n  bestuurlijk_opdrachtgevers:\n    - naam: A\n"
        "strategische_doelen:\n  - id: I\n    titel: T\n"
        "inspanningen:\n  - id: ins-1\n    titel: Iets\n"
    )
    cases.append(("een-laag-een-doel", one_level))
    cases.append(
        (
            "een-laag-twee-doelen",
            one_level.replace("    titel: T\n", "    titel: T\n  - id: II\n    titel: U\n"),
        )
    )
    two_sd = (
        "programma: Twee\ncode: twee\ngemeente: X\nstatus: concept\n"
        "periode: {start: 2019, eind: 2022}\n"
        "rollen:\n  bestuurlijk_opdrachtgevers:\n    - naam: A\n"
        "strategische_doelen:\n  - id: I\n    titel: T\n  - id: II\n    titel: U\n"
    )
    cases.append(("twee-strategische-doelen-zonder-od", two_sd))
    cases.append(("leeg-contract", two_sd.split("strategische_doelen:")[0]))
    return cases


def _check_messages(tmp_path: Path, name: str, text: str) -> list[str]:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(app, ["check", str(path), "--format", "text"])
    assert run.exit_code in (0, 1), run.output
    assert "Traceback" not in run.output
    prefix = re.compile(r"^.+?:\d+:\d+: (fout|waarschuwing) PT\d{3} ")
    return [prefix.sub("", line) for line in run.output.splitlines() if prefix.match(line)]


def _field_names() -> set[str]:
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for field_name, info in model.model_fields.items():
            names.add(field_name)
            for inner in _models(info.annotation):
                walk(inner)

    walk(m.Contract)
    return names


def _models(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from _models(arg)


FIELDS = _field_names()
#: Keys a user writes in programmatool.toml.
CONFIG_KEYS = {
    *config.LIMIET_MAXIMA,
    *config._RULES_KEYS,
    *(f.name for f in dataclasses.fields(Thresholds)),
}
#: Values a user writes from a fixed list ('duizend_euro').
CHOICES = {
    str(v)
    for t in (m.Eenheid, m.Status, m.Rol, m.RichtingOfOnbekend, m.Meetsoort, m.UitvoeringStatus)
    for v in typing.get_args(t)
}

#: Pydantic's error types (pydantic_core.ErrorType) and Python type and class names.
_PYDANTIC = re.compile(
    r"_type\b|_parsing\b|_error\b|\bmissing\b|extra_forbidden|from_datetime|literal_|model_|"
    r"too_short|pattern_mismatch|greater_than|less_than|\bpt_\w+"
)
_PYTHON = re.compile(
    r"\b(dict|list|None|str|int|float|bool|tuple|NoneType|datetime|date|Decimal|"
    r"Indicator|Waarde|Contract|Inspanning|Persoon|Periode|Getal|Jaar|Tekst|Realisatie|"
    r"Begroting|Uren|Capaciteit|Relatie|BaseModel|ValidationError|input|Input)\b"
)
_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
#: "1 doelen", "de 1 operationele doelen", "1 indicatoren", "1 fouten": a plural after one.
_ONE_PLURAL = re.compile(r"(?<![\d.,])\b1 (?:[a-z]+e )?(?:[a-z]+en|[a-z]+'s|[a-z]+ies)\b")
_ONE_PLURAL_OK = re.compile(r"\b1 (?:januari|juni|juli|regel|december)\b")


def _problems(message: str) -> list[str]:
    problems = []
    # File paths (tmp folders, programmas/x.yaml) are the user's own names, not our words.
    # TOML table headers ([[regels.per_bestand]]) are written as the user writes them.
    message = re.sub(r"\[\[?[a-z_.]+\]\]?", "[]", message)
    unquoted = re.sub(r"'[^']*'", "''", re.sub(r"\S*/\S*", "", message))
    if _PYDANTIC.search(unquoted):
        problems.append(f"Pydantic error type: {_PYDANTIC.search(unquoted)}")
    if found := _PYTHON.search(unquoted):
        problems.append(f"Python name: {found.group(0)}")
    for token in _SNAKE.findall(unquoted):
        problems.append(f"unquoted snake_case: {token}")
    # The user's own unknown key is quoted back as written: 'onbekend veld 'streefwaarde_x''.
    own = re.sub(r"onbekende? (?:veld|sleutel) '[^']*'", "", message)
    for quoted in re.findall(r"'([a-z]+(?:_[a-z0-9]+)+)'", own):
        if quoted not in FIELDS | CHOICES | CONFIG_KEYS:
            problems.append(f"quoted snake_case that is no field: {quoted}")
    if re.search(r"\b(?:[Gg]een|[Aa]lle) van de 1\b|\bAlle 1\b", message):
        problems.append("'geen van de 1' or 'alle 1': say 'de enige' or 'het'")
    for found in _ONE_PLURAL.finditer(message):
        if not _ONE_PLURAL_OK.match(found.group(0)) and not _singular_en(found.group(0)):
            problems.append(f"plural after 1: {found.group(0)}")
    return problems


#: Singular Dutch words ending in -en or -s that may follow "1".
_SINGULAR_EN_S = {"teken", "geen", "gegeven", "wapen", "examen"}


def _singular_en(text: str) -> bool:
    return text.split()[-1] in _SINGULAR_EN_S


def _all_messages(tmp_path: Path) -> dict[str, list[str]]:
    base = _base()
    produced: dict[str, list[str]] = {}
    for name, steps in CASES:
        produced[name] = _check_messages(tmp_path, name, _dump(_apply(base, steps)))
    for name, text in _rule_cases():
        produced[name] = _check_messages(tmp_path, name, text)
    return produced


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return _all_messages(tmp_path_factory.mktemp("berichten"))


def test_every_broken_case_gives_a_message(messages: dict[str, list[str]]) -> None:
    silent = [name for name, found in messages.items() if not found]
    assert silent == []


def test_no_internal_names_or_grammar_slips(messages: dict[str, list[str]]) -> None:
    bad = {
        f"{name}: {message}": problems
        for name, found in messages.items()
        for message in found
        if (problems := _problems(message))
    }
    assert bad == {}


def test_the_standard_catches_what_it_is_meant_to() -> None:
    # The checks above would pass on anything if they could not see a slip; they can.
    assert _problems("vastgesteld_op: verwacht date_from_datetime, gevonden 5")
    assert _problems("verwacht een int, gevonden None")
    assert _problems("geen van de 1 operationele doelen heeft een inspanning")
    assert _problems("1 indicatoren gemeten")
    assert _problems("Geen van de 1 indicator heeft een oordeel (1 geen oordeel mogelijk).")
    assert _problems("(veld 'niet_een_veld' is leeg)")
    assert _problems("Input should be a valid dictionary or instance of Indicator")
    assert not _problems("veld 'vastgesteld_op': verwacht een datum zoals 2019-06-11")
    assert not _problems("1 fout en 2 waarschuwingen in 1 van 1 bestand.")


#: The worst messages before this review, as a user now reads them.
EXACT = {
    "datum-tijd": [
        "veld 'vastgesteld_op': verwacht een datum zoals 2019-06-11, gevonden '2019-06-11T10:30:00'"
    ],
    "jaar-woord": [
        "veld 'start': verwacht een jaartal zoals 2019, of 'onbekend', gevonden 'twintig'"
    ],
    "jaar-tekst": [
        "veld 'start': verwacht een jaartal zoals 2019, of 'onbekend', gevonden '2019'; "
        "schrijf 2019 zonder aanhalingstekens"
    ],
    "jaarsleutel-klein": [
        "veld 'streefwaarden': een jaartal ligt tussen 1900 en 2200, gevonden 1800"
    ],
    "uren-lijst": [
        "veld 'uren_per_week': verwacht een aantal uren (36) of een bereik "
        "({van: 24, tot: 32}), gevonden een lijst"
    ],
    "persoon-als-tekst": [
        "veld 'programmamanager': verwacht een mapping (sleutel: waarde), gevonden "
        "'B. de Manager'; schrijf 'naam: B. de Manager' op de regel eronder (ingesprongen), "
        "of 'onbekend'"
    ],
    "getal-ja": ["veld 'totaal': verwacht een getal, gevonden true"],
    "getal-nan": ["veld 'totaal': verwacht een eindig getal, gevonden '.nan' (geen getal)"],
    "realisatie-lijst": [
        "veld 'realisaties', jaar 2019: verwacht een waarde (2019: 9) of een meting "
        "({waarde: 9, bron: …}), gevonden een lijst"
    ],
    "lijst-voor-jaarmapping": [
        "veld 'streefwaarden': verwacht per jaar een waarde, zoals {2019: 8, 2020: 12}, "
        "gevonden een lijst"
    ],
    "tekst-voor-lijst-doelen": ["veld 'doelen': verwacht een lijst, gevonden 'a'; schrijf [a]"],
    "een-doel-geen-inspanning": [
        "het contract heeft geen indicatoren: het enige operationele doel wordt niet gemeten",
        "geen enkele inspanning is aan een doel gekoppeld, dus het enige operationele doel "
        "heeft geen inspanning",
    ],
    "leeg-contract": ["het contract heeft nog geen doelen (veld 'strategische_doelen' ontbreekt)"],
}


@pytest.mark.parametrize("name", sorted(EXACT))
def test_worst_cases_read_well(messages: dict[str, list[str]], name: str) -> None:
    found = messages[name]
    for expected in EXACT[name]:
        assert expected in found, found


def test_counts_of_one_and_of_several() -> None:
    from programmatool.text.formatting import hoeveel

    assert hoeveel(1, "operationeel doel", "operationele doelen") == "1 operationeel doel"
    assert hoeveel(0, "indicator", "indicatoren") == "0 indicatoren"
    assert hoeveel(2, "contract", "contracten") == "2 contracten"


def test_progress_of_one_indicator_reads_well(tmp_path: Path) -> None:
    # One indicator, without a verdict and with one: the summary never says "van de 1".
    one = _apply(_base(), [(("indicatoren",), [_base()["indicatoren"][0]])])
    bodies = {
        "met": one,
        "zonder": _apply(one, [(("indicatoren", 0, "realisaties"), DELETE)]),
    }
    for name, data in bodies.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(_dump(data), encoding="utf-8")
        for fmt in ("table", "json", "csv"):
            run = CliRunner().invoke(app, ["progress", str(path), "--format", fmt])
            assert run.exit_code == 0, run.output
            for line in run.output.splitlines():
                bad = [p for p in _problems(line) if "plural" in p or "van de 1" in p]
                assert bad == [], line


def test_every_rule_example_reads_well(tmp_path: Path) -> None:
    # Each rule's documented example triggers it: together they produce a message of every rule.
    from programmatool import check
    from programmatool.rules import all_rules

    from .test_rules_examples import _write

    bad: dict[str, list[str]] = {}
    for rule in all_rules():
        (tmp_path / rule.code).mkdir()
        paths = _write(tmp_path / rule.code, rule.example, "voorbeeld")
        for finding in check(paths).findings:
            if problems := _problems(finding.message):
                bad[f"{rule.code}: {finding.code} {finding.message}"] = problems
    assert bad == {}


CONFIGS = [
    '[regels]\nuit = "PT307"\n',
    '[regels]\nuit = ["PT999"]\n',
    '[regels]\nniveau = {PT307 = "hoog"}\n',
    '[regels]\nniveau = {PT012 = "waarschuwing"}\n',
    "[regels]\nper_bestand = [{patroon = 5}]\n",
    "[regels]\nper_bestand = [{uit = []}]\n",
    '[voortgang]\nop_koers = "veel"\n',
    "[voortgang]\nop_koers = true\n",
    "[voortgang]\nop_koers = 0.5\nkleine_achterstand = 0.2\n",
    "[voortgang]\nopkoers = 0.1\n",
    "[limieten]\nmax_bytes = -1\n",
    "[limieten]\nmax_bytes = true\n",
    "[limieten]\nmax_byte = 1\n",
    "x = [\n",
    "[onbekend]\na = 1\n",
]


@pytest.mark.parametrize("config", CONFIGS)
def test_configuration_messages_read_well(
    config: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    (tmp_path / "programmatool.toml").write_text(config, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(basis_text(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    said = []
    for command in ("check", "progress"):
        run = cli(command, "c.yaml")
        assert run.code in (0, 2), run.err
        said.append(run.err)
    message = next(line for line in "".join(said).splitlines() if "programmatool.toml" in line)
    assert _problems(message) == [], message


def test_a_position_in_a_long_list_is_not_a_year() -> None:
    from programmatool.loading.messages import _field_label

    assert _field_label(("indicatoren", 1500, "peilwaarde")) == "veld 'peilwaarde'"
    assert _field_label(("indicatoren", 3, "realisaties", 2019, "waarde")) == (
        "veld 'waarde' bij 'realisaties', jaar 2019"
    )
    assert _field_label(("inspanningen", 0, "planning", 2019)) == "veld 'planning', nummer 2020"
