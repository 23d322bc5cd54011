"""The programme contract in the domain's own words.

Field names are Dutch on purpose: they are what a policy adviser writes in the YAML file.
Every model forbids unknown keys, so that a typo never passes silently.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
    model_validator,
)
from pydantic_core import PydanticCustomError

# --- scalar types -----------------------------------------------------------------------------

#: Markers for a value the source does not give (yet). Never invent a number for these.
ONBEKEND_WAARDEN: tuple[str, ...] = ("n.t.b.", "p.m.", "onbekend")

#: The word for "the source does not say" in a field that is not a number: a status, a period,
#: a person, a peiljaar, the goal of an indicator. Rules ask for it as a warning (PT601).
ONBEKEND = "onbekend"
Onbekend = Literal["onbekend"]

MAX_GETAL = 10**15
#: The smallest number other than 0 that a contract may hold.
MIN_GETAL = 1e-9


def _check_getal(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError(
            "pt_getal", "verwacht een getal, gevonden {gevonden}", {"gevonden": _show(value)}
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError(
            "pt_eindig",
            "verwacht een eindig getal, gevonden {gevonden}",
            {"gevonden": _show(value)},
        )
    if abs(value) > MAX_GETAL:
        raise PydanticCustomError(
            "pt_te_groot",
            "getal {gevonden} is te groot (maximaal {maximum})",
            {"gevonden": _show(value), "maximum": "10^15"},
        )
    if value and abs(value) < MIN_GETAL:
        # Closer to 0 than any printed figure: divided by, it would give an infinite progress.
        raise PydanticCustomError(
            "pt_te_klein",
            "getal {gevonden} ligt te dicht bij 0 (kleiner dan {minimum}); "
            "schrijf 0 of een getal met hoogstens 9 decimalen",
            {"gevonden": _show(value), "minimum": "10^-9"},
        )
    return value


def _check_waarde(value: Any) -> int | float | str:
    """A measured or targeted value: a number, a word (on a scale), or an unknown marker."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise PydanticCustomError("pt_leeg", "verwacht een waarde, gevonden een lege tekst", {})
        return text
    return _check_getal(value)


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "een mapping"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, float) and math.isnan(value):
        return "'.nan' (geen getal)"
    if isinstance(value, float) and math.isinf(value):
        return "'.inf' (oneindig)"
    return str(value)


_NUMBER_SCHEMA: dict[str, Any] = {"type": "number"}

#: A number (int or float; never a boolean, NaN or infinity).
Getal = Annotated[int | float, PlainValidator(_check_getal), WithJsonSchema(_NUMBER_SCHEMA)]

#: An amount of money in the unit of its table.
Bedrag = Getal

#: A value of an indicator: a number, a word from the indicator's scale, or "n.t.b." / "p.m.".
Waarde = Annotated[
    int | float | str,
    PlainValidator(_check_waarde),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "minLength": 1}]}),
]

#: A calendar year, strictly an integer in YAML (``2019``, not ``"2019"``).
Jaar = Annotated[int, Field(strict=True, ge=1900, le=2200)]

#: An identifier chosen by the author: stable, short, no spaces.
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")]

#: A programme code, used in references between programmes and in file names of documents.
Code = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]

#: A non-empty line of text.
Tekst = Annotated[str, StringConstraints(min_length=1)]

#: Multi-line Markdown.
Markdown = Annotated[str, StringConstraints(min_length=1)]

#: A planning moment: a year (2020) or a quarter ("2020-Q3").
Planningsmoment = Annotated[
    int | str,
    PlainValidator(lambda v: _check_planning(v)),
    WithJsonSchema(
        {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^\d{4}-Q[1-4]$"}]}
    ),
]


def _jaar_of_onbekend(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # ``onbekend`` passes as it is; anything else is checked as a year (same messages).
    return ONBEKEND if value == ONBEKEND else handler(value)


def _allow_onbekend(schema: dict[str, Any]) -> None:
    """JSON Schema: the field also accepts the word ``onbekend``."""
    inner = {k: v for k, v in schema.items() if k not in ("title", "description", "default")}
    for key in inner:
        del schema[key]
    schema["anyOf"] = [inner, {"const": ONBEKEND}]


if TYPE_CHECKING:
    JaarOfOnbekend = int | Onbekend
else:
    #: A year, or ``onbekend`` where the source does not give it.
    JaarOfOnbekend = Annotated[
        Jaar, WrapValidator(_jaar_of_onbekend), Field(json_schema_extra=_allow_onbekend)
    ]


def is_onbekend(value: Any) -> bool:
    """Whether a value is the explicit unknown ``onbekend`` (or a person named so)."""
    if isinstance(value, Persoon):
        return value.naam == ONBEKEND
    return isinstance(value, str) and value == ONBEKEND


def _check_planning(value: Any) -> int | str:
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return value
    if isinstance(value, str):
        import re

        if re.fullmatch(r"\d{4}-Q[1-4]", value):
            return value
    raise PydanticCustomError(
        "pt_planning",
        "verwacht een jaar (2020) of een kwartaal ('2020-Q3'), gevonden {gevonden}",
        {"gevonden": _show(value)},
    )


class Model(BaseModel):
    """Base of every contract model: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(
        extra="forbid", frozen=False, validate_default=False, defer_build=True
    )


# --- people and identity ----------------------------------------------------------------------

Status = Literal["concept", "vastgesteld", "gewijzigd", "onbekend"]
Rol = Literal["regie", "afstemming", "faciliterend"]
Richting = Literal["hoger", "lager"]
RichtingOfOnbekend = Literal["hoger", "lager", "onbekend"]
Meetsoort = Literal["getal", "schaal", "mijlpaal"]
Niveau = Literal["fout", "waarschuwing"]


class Persoon(Model):
    """A person in a role of the programme."""

    naam: Tekst
    functie: Tekst | None = None
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    telefoon: Tekst | None = None


def _persoon_of_onbekend(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # ``programmamanager: onbekend`` is a person the source does not name.
    return handler({"naam": ONBEKEND} if value == ONBEKEND else value)


def _personen_of_onbekend(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # ``bestuurlijk_opdrachtgevers: onbekend``: the source names nobody.
    return handler([{"naam": ONBEKEND}] if value == ONBEKEND else value)


#: A person, or ``onbekend`` (stored as a person whose name is ``onbekend``).
PersoonOfOnbekend = Annotated[
    Persoon, WrapValidator(_persoon_of_onbekend), Field(json_schema_extra=_allow_onbekend)
]


class OverigeRol(Model):
    """Any other role named in the contract (strategisch adviseur, programmaondersteuner, ...)."""

    rol: Tekst
    personen: list[Persoon] = Field(default_factory=list)
    toelichting: Markdown | None = None


class Rollen(Model):
    """Who commissions and who runs the programme."""

    bestuurlijk_opdrachtgevers: Annotated[
        list[PersoonOfOnbekend],
        WrapValidator(_personen_of_onbekend),
        Field(min_length=1, json_schema_extra=_allow_onbekend),
    ]
    ambtelijk_opdrachtgever: PersoonOfOnbekend | None = None
    programmamanager: PersoonOfOnbekend | None = None
    overige: list[OverigeRol] = Field(default_factory=list)


class Periode(Model):
    """The years the programme runs, both inclusive."""

    start: JaarOfOnbekend
    eind: JaarOfOnbekend

    @model_validator(mode="before")
    @classmethod
    def _onbekend_shorthand(cls, data: Any) -> Any:
        # ``periode: onbekend`` is short for both years unknown.
        return {"start": ONBEKEND, "eind": ONBEKEND} if data == ONBEKEND else data

    def jaren(self) -> list[int]:
        """Every year of the period, or nothing while a bound is unknown."""
        if isinstance(self.start, int) and isinstance(self.eind, int):
            return list(range(self.start, self.eind + 1))
        return []

    def tekst(self) -> str:
        """The period as Dutch text: '2019–2022', '2024–onbekend'."""
        return f"{self.start}–{self.eind}"

    def omgekeerd(self) -> bool:
        """Both years known and the end before the start (PT501)."""
        return isinstance(self.start, int) and isinstance(self.eind, int) and self.eind < self.start

    def buiten(self, year: int) -> bool:
        """A year before a known start or after a known end."""
        return (isinstance(self.start, int) and year < self.start) or self.na(year)

    def na(self, year: int) -> bool:
        """A year after a known end."""
        return isinstance(self.eind, int) and year > self.eind


class Hoofdstuk(Model):
    """A chapter of running text that the model has no dedicated field for."""

    titel: Tekst
    tekst: Markdown


class Verantwoording(Model):
    """The annual account for one year: what was achieved, and why a target was missed."""

    resultaten: Markdown | None = None
    toelichting: Markdown | None = None
    bron: Tekst | None = None


# --- goals, efforts, indicators ---------------------------------------------------------------


class OperationeelDoel(Model):
    """A measurable goal under a strategic goal."""

    id: Id
    titel: Tekst
    toelichting: Markdown | None = None
    nog_te_bepalen: bool = False
    verwachte_resultaten: list[Tekst] = Field(default_factory=list)
    verantwoording: dict[Jaar, Verantwoording] = Field(default_factory=dict)
    #: Id of the strategic sub-goal (``subdoelen`` of its strategic goal) it belongs to.
    subdoel: Id | None = None


class Subdoel(Model):
    """A strategic sub-goal between a strategic (main) goal and its operational goals."""

    id: Id
    titel: Tekst
    toelichting: Markdown | None = None


class StrategischDoel(Model):
    """A strategic goal of the programme, broken into operational goals."""

    id: Id
    titel: Tekst
    toelichting: Markdown | None = None
    operationele_doelen: list[OperationeelDoel] = Field(default_factory=list)
    verantwoording: dict[Jaar, Verantwoording] = Field(default_factory=dict)
    subdoelen: list[Subdoel] = Field(default_factory=list)


def _doelen_of_onbekend(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # ``doelen: onbekend``: the source lists the effort without saying which goal it serves.
    return handler([ONBEKEND] if value == ONBEKEND else value)


#: How an effort went in a year: done, under way, behind schedule, or stopped.
UitvoeringStatus = Literal["gereed", "loopt", "vertraagd", "gestopt"]


class Uitvoering(Model):
    """What was done on an effort in one year ("Wat hebben we gedaan?"), as reported."""

    status: UitvoeringStatus
    toelichting: Markdown | None = None
    #: Money spent on the effort in that year, in euro.
    besteed: Bedrag | None = None


class Inspanning(Model):
    """An effort that serves one or more goals."""

    id: Id
    titel: Tekst
    beschrijving: Markdown | None = None
    doelen: Annotated[
        list[Id], WrapValidator(_doelen_of_onbekend), Field(json_schema_extra=_allow_onbekend)
    ] = Field(default_factory=list)
    thema: Tekst | None = None
    rol: Rol | None = None
    trekker: Tekst | None = None
    stakeholders: list[Tekst] = Field(default_factory=list)
    planning: list[Planningsmoment] = Field(default_factory=list)
    planning_toelichting: Tekst | None = None
    bedragen: dict[Jaar, Bedrag] = Field(default_factory=dict)
    bedrag_toelichting: Tekst | None = None
    #: Colour of the approach in De Caluwé's colour model, as the contract labels it.
    kleur: Literal["blauw", "geel", "rood", "groen", "wit"] | None = None
    #: Per year: how the effort went (recorded with ``programmatool log``).
    uitvoering: dict[Jaar, Uitvoering] = Field(default_factory=dict)


class Realisatie(Model):
    """A measured value for a year, with its own source where it differs from the indicator's."""

    waarde: Waarde | None = None
    datum: dt.date | None = None
    behaald: bool | None = None
    #: A provisional figure (statistics offices mark them "voorlopig"), to be replaced later.
    voorlopig: bool | None = None
    #: An approximate figure as the source gives it ("ca. 8.000", "bijna 7"): shown with "ca.".
    benadering: bool | None = None
    bron: Tekst | None = None
    toelichting: Markdown | None = None

    @model_validator(mode="before")
    @classmethod
    def _scalar_shorthand(cls, data: Any) -> Any:
        # ``2019: 12`` is short for ``2019: {waarde: 12}``; a list stays a list, so that the
        # message speaks of the measurement the user wrote, not of a field 'waarde'.
        if isinstance(data, dict | list) or data is None:
            return data
        return {"waarde": data}


class Vergelijking(Model):
    """A comparison series for an indicator: the same measure elsewhere, e.g. in similar
    municipalities ("vergelijkbare stedelijkheidsklasse") or in the Netherlands."""

    naam: Tekst
    bron: Tekst | None = None
    waarden: dict[Jaar, Waarde] = Field(default_factory=dict)
    toelichting: Markdown | None = None


class Indicator(Model):
    """What shows whether a goal is reached: baseline, yearly targets, measurements."""

    id: Id
    naam: Tekst
    doel: Id
    #: The unit as printed ("%", "m²", "rapportcijfer"); absent when the source gives none
    #: (never invented: PT602 asks for it), ``onbekend`` when the source is silent about it.
    eenheid: Tekst | None = None
    meetsoort: Meetsoort = "getal"
    schaal: list[Tekst] = Field(default_factory=list)
    richting: RichtingOfOnbekend | None = None
    peilwaarde: Waarde | None = None
    peiljaar: JaarOfOnbekend | None = None
    streefwaarden: dict[Jaar, Waarde] = Field(default_factory=dict)
    #: A target the source prints without a year ("Streefwaarde: 83%").
    streefwaarde_zonder_jaar: Waarde | None = None
    vergelijkingen: list[Vergelijking] = Field(default_factory=list)
    realisaties: dict[Jaar, Realisatie] = Field(default_factory=dict)
    streefdatum: dt.date | None = None
    #: The year a milestone is due when the source names no date ("Er is in 2024 een kader").
    streefjaar: Jaar | None = None
    streefdatum_tekst: Tekst | None = None
    bron: Tekst | None = None
    toelichting: Markdown | None = None

    def bepaalde_richting(self) -> tuple[Richting | None, str]:
        """The direction that counts as better, and how it is known.

        ``opgegeven``: written in the contract; ``schaal``: a scale runs from bad to good;
        ``afgeleid``: not written, but the peilwaarde (or the first target) and the last target
        show it; ``onbekend``: written as unknown; ``ontbreekt``: not written and not derivable.
        """
        if self.richting in ("hoger", "lager"):
            return self.richting, "opgegeven"
        if self.richting == ONBEKEND:
            return None, "onbekend"
        if self.meetsoort == "schaal":
            return "hoger", "schaal"
        if self.meetsoort == "mijlpaal":
            return "hoger", "mijlpaal"
        numbers = [
            (year, value)
            for year, value in sorted(self.streefwaarden.items())
            if isinstance(value, int | float)
        ]
        if not numbers:
            return None, "ontbreekt"
        last = numbers[-1][1]
        start: int | float | None = None
        if isinstance(self.peilwaarde, int | float):
            start = self.peilwaarde
        elif len(numbers) > 1:
            start = numbers[0][1]
        if start is None or start == last:
            return None, "ontbreekt"
        return ("hoger" if last > start else "lager"), "afgeleid"


# --- money and capacity -----------------------------------------------------------------------

Eenheid = Literal["euro", "duizend_euro", "uren"]


class Begrotingsregel(Model):
    """One line of a budget table: amounts per year as printed, and what was spent."""

    omschrijving: Tekst
    bedragen: dict[Jaar, Bedrag] = Field(default_factory=dict)
    besteed: dict[Jaar, Bedrag] = Field(default_factory=dict)
    inspanningen: list[Id] = Field(default_factory=list)
    gedekt: bool = True
    toelichting: Markdown | None = None


class Begroting(Model):
    """A budget table with its totals per year exactly as printed."""

    titel: Tekst
    eenheid: Eenheid = "euro"
    regels: list[Begrotingsregel] = Field(default_factory=list)
    totalen: dict[Jaar, Bedrag] = Field(default_factory=dict)
    totaal: Bedrag | None = None
    toelichting: Markdown | None = None
    #: What the table says is still available per year, below its total (Zorg: "Beschikbaar").
    beschikbaar: dict[Jaar, Bedrag] = Field(default_factory=dict)

    def jaren(self) -> list[int]:
        """Every year that has an amount in a line or a printed total, sorted."""
        years = set(self.totalen)
        for regel in self.regels:
            years.update(regel.bedragen)
        return sorted(years)

    def som_per_jaar(self) -> dict[int, int | float]:
        """Sum of the lines per year (years without any line amount are left out)."""
        sums: dict[int, int | float] = {}
        for regel in self.regels:
            for year, amount in regel.bedragen.items():
                sums[year] = sums.get(year, 0) + amount
        return dict(sorted(sums.items()))

    def afwijkingen(self) -> dict[int, tuple[int | float, int | float]]:
        """Years whose printed total differs from the sum of the lines: year → (sum, total)."""
        sums = self.som_per_jaar()
        return {
            year: (sums[year], total)
            for year, total in sorted(self.totalen.items())
            if year in sums and not _equal_amounts(sums[year], total)
        }


def _equal_amounts(a: int | float, b: int | float) -> bool:
    # Amounts with cents are floats: compare on cents so that 0.1 + 0.2 equals 0.3.
    return round(a * 100) == round(b * 100)


class OverigBudget(Model):
    """Money outside the yearly table: a revolving fund, a one-off amount, an uncovered need."""

    omschrijving: Tekst
    bedrag: Bedrag | None = None
    eenheid: Eenheid = "euro"
    jaar: Jaar | None = None
    soort: Literal["fonds", "eenmalig", "structureel", "ongedekt", "overig"] = "overig"
    toelichting: Markdown | None = None
    #: Upper end when the source gives a range ("€ 24.000 - € 34.669"); ``bedrag`` is the lower.
    bedrag_tot: Bedrag | None = None


class SpreidingJaar(Model):
    """One year of a spread: a percentage of the total and the amount as printed."""

    percentage: Getal
    bedrag: Bedrag | None = None


class Spreiding(Model):
    """A total spread over years in percentages (Omgevingswet: invoeringskosten 2017–2024)."""

    omschrijving: Tekst
    eenheid: Eenheid = "euro"
    totaal: Bedrag | None = None
    jaren: dict[Jaar, SpreidingJaar] = Field(default_factory=dict)
    toelichting: Markdown | None = None


class Middelen(Model):
    """The programme's money: yearly tables, other funds, spreads."""

    toelichting: Markdown | None = None
    begrotingen: list[Begroting] = Field(default_factory=list)
    overige: list[OverigBudget] = Field(default_factory=list)
    spreidingen: list[Spreiding] = Field(default_factory=list)


class Uren(Model):
    """Hours: a number (``36``) or a range (``{van: 24, tot: 32}`` for "24 tot 32 uur")."""

    van: Getal
    tot: Getal | None = None

    @model_validator(mode="before")
    @classmethod
    def _scalar_shorthand(cls, data: Any) -> Any:
        # ``36`` is short for ``{van: 36}``; anything but a number stays as written, so that
        # the message speaks of the hours the user wrote, not of a field 'van'.
        if isinstance(data, int | float) and not isinstance(data, bool):
            return {"van": data}
        return data


class Capaciteit(Model):
    """A role and the hours it needs, per week or in total: a number or a range."""

    rol: Tekst
    uren_per_week: Uren | None = None
    uren_totaal: Uren | None = None
    toelichting: Tekst | None = None
    #: Hours printed without saying per week or in total ("Advisering milieu 2").
    uren: Uren | None = None


# --- surroundings -----------------------------------------------------------------------------


class Risico(Model):
    """A risk to the goals or the efforts, with how it is managed."""

    titel: Tekst
    beschrijving: Markdown | None = None
    beheersmaatregel: Markdown | None = None


class Relatie(Model):
    """A relation to another programme: by its code in the portfolio, or, with ``extern: true``,
    to a programme outside it (another directorate's, another municipality's)."""

    programma: Code | None = None
    naam: Tekst | None = None
    extern: bool = False
    organisatie: Tekst | None = None
    toelichting: Markdown | None = None

    @model_validator(mode="after")
    def _programma_of_naam(self) -> Relatie:
        if self.programma is None and not self.extern:
            raise PydanticCustomError(
                "pt_ontbreekt",
                "een relatie zonder 'programma' (de code van een programma in het portfolio) "
                "hoort bij een programma buiten het portfolio: zet er 'extern: true' en een "
                "'naam' bij",
                {},
            )
        if self.programma is None and self.naam is None:
            raise PydanticCustomError(
                "pt_ontbreekt",
                "een relatie buiten het portfolio ('extern: true') noemt het programma bij "
                "'naam' of 'programma'",
                {},
            )
        return self

    def omschrijving(self) -> str:
        """The related programme in words: its name, else its code."""
        return self.naam or self.programma or ""


class Wijk(Model):
    """A district (wijk) whose interests the programme serves, e.g. through wijkgericht werken."""

    naam: Tekst
    toelichting: Markdown | None = None


class Project(Model):
    """A project from the project list, with the programme's role in it."""

    naam: Tekst
    rol: Rol | None = None
    trekker: Tekst | None = None
    doelen: list[Id] = Field(default_factory=list)
    inspanningen: list[Id] = Field(default_factory=list)
    toelichting: Markdown | None = None


class Kerncijfer(Model):
    """A statistic that describes the programme's area or target group."""

    naam: Tekst
    waarde: Waarde | None = None
    vergelijking: Waarde | None = None
    vergelijking_naam: Tekst | None = None
    eenheid: Tekst | None = None
    jaar: Jaar | None = None
    bron: Tekst | None = None


# --- the contract -----------------------------------------------------------------------------


class Contract(Model):
    """A programme contract (programmacontract)."""

    programma: Tekst
    code: Code
    gemeente: Tekst
    status: Status
    #: 2 (default): strategic goals with operational goals; 1: one level of goals that carry
    #: indicators and inspanningen themselves, as many budgets have.
    doelniveaus: Literal[1, 2] = 2
    vastgesteld_op: dt.date | None = None
    versie: Tekst | None = None
    kenmerk: Tekst | None = None
    periode: Periode
    motto: Markdown | None = None
    rollen: Rollen
    samenvatting: Markdown | None = None
    aanleiding: Markdown | None = None
    visie: Markdown | None = None
    hoofdstukken: list[Hoofdstuk] = Field(default_factory=list)
    strategische_doelen: list[StrategischDoel] = Field(default_factory=list)
    inspanningen: list[Inspanning] = Field(default_factory=list)
    indicatoren: list[Indicator] = Field(default_factory=list)
    middelen: Middelen | None = None
    capaciteit: list[Capaciteit] = Field(default_factory=list)
    capaciteit_toelichting: Markdown | None = None
    risicos: list[Risico] = Field(default_factory=list)
    relaties: list[Relatie] = Field(default_factory=list)
    wijken: list[Wijk] = Field(default_factory=list)
    projecten: list[Project] = Field(default_factory=list)
    kerncijfers: list[Kerncijfer] = Field(default_factory=list)
    stakeholders: list[Tekst] = Field(default_factory=list)
    #: Results the programme as a whole expects, where the source ties them to no single goal.
    verwachte_resultaten: list[Tekst] = Field(default_factory=list)
    verantwoording: dict[Jaar, Verantwoording] = Field(default_factory=dict)

    # --- helpers used by rules, progress and rendering (no I/O, no side effects) ---

    def operationele_doelen(self) -> list[OperationeelDoel]:
        """All operational goals, in document order."""
        return [od for sd in self.strategische_doelen for od in sd.operationele_doelen]

    def doel_ids(self) -> set[str]:
        """Ids of all strategic and operational goals."""
        ids = {sd.id for sd in self.strategische_doelen}
        ids.update(od.id for od in self.operationele_doelen())
        return ids
