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
    ModelWrapValidatorHandler,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
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
    #: A year, or ``onbekend`` where the source does not give it. The serializer is the union's,
    #: not the year's: else dumping ``onbekend`` warns that it is no ``int``.
    JaarOfOnbekend = Annotated[
        Jaar,
        WrapValidator(_jaar_of_onbekend),
        PlainSerializer(lambda value: value, return_type=int | Onbekend),
        Field(json_schema_extra=_allow_onbekend),
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
    """Base of every contract model: unknown keys are errors, values are not coerced silently.

    Each model carries its Dutch description in ``model_config`` (``json_schema_extra``) and
    each field its Dutch description and one example (a line of YAML) in ``Field``: the field
    reference (docs/velden.md), the JSON schema and ``programmatool new`` read them from here.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=False, validate_default=False, defer_build=True
    )


def begin_of_text(text: str, length: int = 80) -> str:
    """The start of a (Markdown) text as a one-line heading: its first paragraph, cut at a word
    with '…' when longer than ``length`` characters."""
    first = " ".join(text.strip().split("\n\n", 1)[0].split())
    if len(first) <= length:
        return first
    cut = first[:length].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def model_description(cls: type[BaseModel]) -> str:
    """The Dutch description of a model of the contract."""
    extra = cls.model_config.get("json_schema_extra")
    return str(extra.get("description", "")) if isinstance(extra, dict) else ""


def field_description(cls: type[BaseModel], name: str) -> tuple[str, str]:
    """The Dutch description of a field and its example, a value as written in YAML."""
    info = cls.model_fields[name]
    return info.description or "", str((info.examples or [""])[0])


# --- people and identity ----------------------------------------------------------------------

Status = Literal["concept", "vastgesteld", "gewijzigd", "onbekend"]
Rol = Literal["regie", "afstemming", "faciliterend"]
Richting = Literal["hoger", "lager"]
RichtingOfOnbekend = Literal["hoger", "lager", "onbekend"]
Meetsoort = Literal["getal", "schaal", "mijlpaal"]
Niveau = Literal["fout", "waarschuwing"]


class Persoon(Model):
    """A person in a role of the programme."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Een persoon; in plaats van een persoon mag `onbekend` staan."
        }
    )

    naam: Tekst = Field(
        description="naam; 'onbekend' als de bron alleen de functie noemt",
        examples=["A. de Wethouder"],
    )
    functie: Tekst | None = Field(
        None, description="functie of portefeuille", examples=["wethouder Duurzaamheid"]
    )
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = Field(
        None, description="e-mailadres", examples=["a.dewethouder@voorbeeldstad.nl"]
    )
    telefoon: Tekst | None = Field(None, description="telefoonnummer", examples=["14 0546"])


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

    model_config = ConfigDict(
        json_schema_extra={"description": "Een andere rol (`rollen.overige`)."}
    )

    rol: Tekst = Field(description="naam van de rol", examples=["Programmaondersteuner"])
    personen: list[Persoon] = Field(
        default_factory=list,
        description="personen in deze rol",
        examples=["[{naam: E. Ondersteuner}]"],
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting op de rol (Markdown)", examples=["Voor 8 uur per week."]
    )


class Rollen(Model):
    """Who commissions and who runs the programme."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Wie het programma opdraagt en leidt (`rollen`)."}
    )

    bestuurlijk_opdrachtgevers: Annotated[
        list[PersoonOfOnbekend],
        WrapValidator(_personen_of_onbekend),
        Field(min_length=1, json_schema_extra=_allow_onbekend),
    ] = Field(
        description=(
            "de wethouder(s) of portefeuillehouder(s); 'onbekend' als de bron niemand noemt"
        ),
        examples=["[{naam: A. de Wethouder}]"],
    )
    ambtelijk_opdrachtgever: PersoonOfOnbekend | None = Field(
        None, description="ambtelijk opdrachtgever", examples=["{naam: C. de Directeur}"]
    )
    programmamanager: PersoonOfOnbekend | None = Field(
        None, description="programmamanager", examples=["{naam: B. de Manager}"]
    )
    overige: list[OverigeRol] = Field(
        default_factory=list,
        description="andere rollen met hun personen",
        examples=["[{rol: Strategisch adviseur, personen: [{naam: D. Adviseur}]}]"],
    )


class Periode(Model):
    """The years the programme runs, both inclusive."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": (
                "De looptijd (`periode`), beide jaren inbegrepen; `periode: onbekend` mag ook."
            )
        }
    )

    start: JaarOfOnbekend = Field(description="eerste jaar (of 'onbekend')", examples=["2019"])
    eind: JaarOfOnbekend = Field(
        description="laatste jaar, inbegrepen (of 'onbekend')", examples=["2022"]
    )

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
        """The period as Dutch text: '2019–2022', '2024–onbekend', '2018' for one year."""
        if self.start == self.eind:
            return str(self.start)
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

    model_config = ConfigDict(
        json_schema_extra={"description": "Lopende tekst zonder eigen veld (`hoofdstukken`)."}
    )

    titel: Tekst = Field(description="titel van het hoofdstuk", examples=["Werkwijze"])
    tekst: Markdown = Field(description="tekst (Markdown)", examples=["We werken wijkgericht."])


class Verantwoording(Model):
    """The annual account for one year: what was achieved, and why a target was missed."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "De verantwoording van één jaar (`verantwoording: {2020: …}`)."
        }
    )

    resultaten: Markdown | None = Field(
        None, description="behaalde resultaten (Markdown)", examples=["Tien scholen deden mee."]
    )
    toelichting: Markdown | None = Field(
        None,
        description="toelichting, bijvoorbeeld waarom een doel niet is gehaald (Markdown)",
        examples=["Door corona later gestart."],
    )
    bron: Tekst | None = Field(
        None, description="waar de verantwoording staat", examples=["Jaarverslag 2020"]
    )


# --- goals, efforts, indicators ---------------------------------------------------------------


class OperationeelDoel(Model):
    """A measurable goal under a strategic goal."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": ("Een meetbaar doel onder een strategisch doel (`operationele_doelen`).")
        }
    )

    id: Id = Field(description="id, door de auteur gekozen en stabiel", examples=["a"])
    titel: Tekst = Field(
        description="het doel zoals gedrukt", examples=["In 2022 doen 20 scholen mee"]
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Basis- en middelbare scholen."]
    )
    nog_te_bepalen: bool = Field(
        False, description="het doel of zijn indicator wordt nog uitgewerkt", examples=["true"]
    )
    verwachte_resultaten: list[Tekst] = Field(
        default_factory=list,
        description="verwachte resultaten als lijst",
        examples=["[Een lesprogramma over afval]"],
    )
    verantwoording: dict[Jaar, Verantwoording] = Field(
        default_factory=dict,
        description="per jaar de verantwoording van dit doel",
        examples=["{2020: {resultaten: Twaalf scholen.}}"],
    )
    #: Id of the strategic sub-goal (``subdoelen`` of its strategic goal) it belongs to.
    subdoel: Id | None = Field(
        None, description="id van het subdoel waaronder dit doel valt", examples=["I.1"]
    )


class Subdoel(Model):
    """A strategic sub-goal between a strategic (main) goal and its operational goals."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Een strategisch subdoel (`subdoelen`)."}
    )

    id: Id = Field(description="id van het subdoel", examples=["I.1"])
    titel: Tekst = Field(description="het subdoel zoals gedrukt", examples=["Schone straten"])
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Straten en pleinen."]
    )


class StrategischDoel(Model):
    """A strategic goal of the programme, broken into operational goals."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": ("Een doel (`strategische_doelen`); bij `doelniveaus: 1` de enige laag.")
        }
    )

    id: Id = Field(description="id, door de auteur gekozen en stabiel", examples=["I"])
    titel: Tekst = Field(description="het doel zoals gedrukt", examples=["De stad is schoner"])
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Schoon is de basis."]
    )
    operationele_doelen: list[OperationeelDoel] = Field(
        default_factory=list,
        description="de meetbare doelen onder dit doel (leeg bij doelniveaus: 1)",
        examples=["[{id: a, titel: In 2022 doen 20 scholen mee}]"],
    )
    verantwoording: dict[Jaar, Verantwoording] = Field(
        default_factory=dict,
        description="per jaar de verantwoording van dit doel",
        examples=["{2020: {resultaten: Op koers.}}"],
    )
    subdoelen: list[Subdoel] = Field(
        default_factory=list,
        description="een tussenlaag van strategische subdoelen",
        examples=["[{id: I.1, titel: Schone straten}]"],
    )


def _doelen_of_onbekend(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # ``doelen: onbekend``: the source lists the effort without saying which goal it serves.
    return handler([ONBEKEND] if value == ONBEKEND else value)


#: How an effort went in a year: done, under way, behind schedule, or stopped.
UitvoeringStatus = Literal["gereed", "loopt", "vertraagd", "gestopt"]


class Uitvoering(Model):
    """What was done on an effort in one year ("Wat hebben we gedaan?"), as reported."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": (
                "Wat er in een jaar aan een inspanning is gedaan (`uitvoering: {2020: …}`)."
            )
        }
    )

    status: UitvoeringStatus = Field(
        description="hoe de inspanning dat jaar is verlopen", examples=["gereed"]
    )
    toelichting: Markdown | None = Field(
        None, description="wat er is gedaan (Markdown)", examples=["Twaalf scholen deden mee."]
    )
    #: Money spent on the effort in that year, in euro.
    besteed: Bedrag | None = Field(
        None, description="wat er dat jaar aan is uitgegeven, in euro", examples=["9500"]
    )


class Inspanning(Model):
    """An effort that serves one or more goals."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Wat het programma doet (`inspanningen`)."}
    )

    id: Id = Field(description="id, door de auteur gekozen en stabiel", examples=["ins-1"])
    #: Empty when the source gives no title: the start of ``beschrijving`` stands in for it.
    titel: Tekst = Field(
        "",
        description=(
            "de inspanning zoals gedrukt; heeft de bron geen titel, laat hem dan weg: het begin "
            "van de beschrijving staat dan overal waar de titel zou staan"
        ),
        examples=["Educatieprojecten met scholen"],
    )
    beschrijving: Markdown | None = Field(
        None, description="beschrijving (Markdown)", examples=["Lessen en een afvalrace."]
    )
    doelen: Annotated[
        list[Id], WrapValidator(_doelen_of_onbekend), Field(json_schema_extra=_allow_onbekend)
    ] = Field(
        default_factory=list,
        description="ids van de doelen waaraan ze bijdraagt; 'onbekend' als de bron het niet zegt",
        examples=["[a, b]"],
    )
    thema: Tekst | None = Field(None, description="spoor of thema", examples=["Educatie"])
    rol: Rol | None = Field(None, description="rol van de gemeente", examples=["regie"])
    trekker: Tekst | None = Field(None, description="wie trekt", examples=["Team Afval"])
    stakeholders: list[Tekst] = Field(
        default_factory=list, description="betrokken partijen", examples=["[Scholen]"]
    )
    planning: list[Planningsmoment] = Field(
        default_factory=list, description="jaren of kwartalen", examples=["[2019, 2020-Q3]"]
    )
    planning_toelichting: Tekst | None = Field(
        None, description="planning in woorden", examples=["Start na de zomer"]
    )
    bedragen: dict[Jaar, Bedrag] = Field(
        default_factory=dict, description="geld per jaar", examples=["{2019: 10000}"]
    )
    bedrag_toelichting: Tekst | None = Field(
        None, description="toelichting op de bedragen", examples=["Uit het werkbudget"]
    )
    #: Colour of the approach in De Caluwé's colour model, as the contract labels it.
    kleur: Literal["blauw", "geel", "rood", "groen", "wit"] | None = Field(
        None, description="kleur van de aanpak in het model van De Caluwé", examples=["groen"]
    )
    #: Per year: how the effort went (recorded with ``programmatool log``).
    uitvoering: dict[Jaar, Uitvoering] = Field(
        default_factory=dict,
        description="per jaar hoe de inspanning is verlopen (programmatool log)",
        examples=["{2020: {status: loopt}}"],
    )

    @model_validator(mode="after")
    def _titel_of_beschrijving(self) -> Inspanning:
        if self.titel:
            return self
        if not self.beschrijving:
            raise PydanticCustomError(
                "pt_ontbreekt",
                "een inspanning heeft een 'titel' of, als de bron geen titel geeft, een "
                "'beschrijving'",
                {},
            )
        # Not written, so not in the fields set: a document or diff can tell it is derived.
        self.__dict__["titel"] = begin_of_text(self.beschrijving)
        return self

    @property
    def titel_afgeleid(self) -> bool:
        """True when the source gives no title and the description's start stands in."""
        return "titel" not in self.model_fields_set


class Realisatie(Model):
    """A measured value for a year, with its own source where it differs from the indicator's."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": (
                "Een meting (`realisaties: {2020: …}`); `2020: 12` is kort voor `{waarde: 12}`."
            )
        }
    )

    waarde: Waarde | None = Field(None, description="de gemeten waarde", examples=["11"])
    datum: dt.date | None = Field(
        None, description="de datum waarop een mijlpaal is bereikt", examples=["2020-06-30"]
    )
    behaald: bool | None = Field(None, description="een oordeel zonder getal", examples=["true"])
    #: A provisional figure (statistics offices mark them "voorlopig"), to be replaced later.
    voorlopig: bool | None = Field(
        None, description="een voorlopig cijfer dat later wordt vervangen", examples=["true"]
    )
    #: An approximate figure as the source gives it ("ca. 8.000", "bijna 7"): shown with "ca.".
    benadering: bool | None = Field(
        None,
        description="een benadering zoals de bron die geeft (ca. 8.000, bijna 7)",
        examples=["true"],
    )
    bron: Tekst | None = Field(
        None, description="bron van deze meting", examples=["Jaarverslag 2020"]
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Voorlopig cijfer."]
    )

    #: The quarter or month (``2020-Q4``) this measurement came from, when written per period.
    _periode: str | None = PrivateAttr(default=None)

    @property
    def periode(self) -> str | None:
        """The quarter or month the measurement came from (``2020-Q4``), or None for a year."""
        return self._periode

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

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Een vergelijkingsreeks bij een indicator (`vergelijkingen`)."
        }
    )

    naam: Tekst = Field(
        description="waarmee wordt vergeleken", examples=["vergelijkbare stedelijkheidsklasse"]
    )
    bron: Tekst | None = Field(
        None, description="bron van de vergelijking", examples=["waarstaatjegemeente.nl"]
    )
    waarden: dict[Jaar, Waarde] = Field(
        default_factory=dict, description="waarde per jaar", examples=["{2018: 30, 2019: 31}"]
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Gemeenten van 50.000-100.000."]
    )


class Indicator(Model):
    """What shows whether a goal is reached: baseline, yearly targets, measurements."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Waaraan te zien is of een doel wordt bereikt (`indicatoren`)."
        }
    )

    id: Id = Field(description="id, door de auteur gekozen en stabiel", examples=["scholen"])
    naam: Tekst = Field(
        description="de indicator zoals gedrukt", examples=["Aantal scholen dat meedoet"]
    )
    doel: Id = Field(
        description="id van het doel dat de indicator meet; 'onbekend' als de bron het niet zegt",
        examples=["a"],
    )
    #: The unit as printed ("%", "m²", "rapportcijfer"); absent when the source gives none
    #: (never invented: PT602 asks for it), ``onbekend`` when the source is silent about it.
    eenheid: Tekst | None = Field(
        None,
        description=(
            "eenheid zoals gedrukt (%, m², rapportcijfer, …); 'onbekend' als de bron "
            "haar niet noemt; zonder eenheid staat het getal kaal en waarschuwt PT602"
        ),
        examples=["'%'"],
    )
    meetsoort: Meetsoort = Field(
        "getal",
        description="getal, een woord op een schaal, of een mijlpaal met een datum",
        examples=["getal"],
    )
    schaal: list[Tekst] = Field(
        default_factory=list,
        description="de woorden van de schaal, van slecht naar goed",
        examples=["[laag, gemiddeld, hoog]"],
    )
    richting: RichtingOfOnbekend | None = Field(
        None,
        description=(
            "is hoger of lager beter? Zonder dit veld alleen afgeleid als peil- en "
            "streefwaarden het laten zien (anders fout PT311)"
        ),
        examples=["hoger"],
    )
    peilwaarde: Waarde | None = Field(None, description="de nulmeting", examples=["5"])
    peiljaar: JaarOfOnbekend | None = Field(
        None, description="het jaar van de nulmeting (of 'onbekend')", examples=["2018"]
    )
    streefwaarden: dict[Jaar, Waarde] = Field(
        default_factory=dict, description="streefwaarde per jaar", examples=["{2019: 8, 2022: 20}"]
    )
    #: A target the source prints without a year ("Streefwaarde: 83%").
    streefwaarde_zonder_jaar: Waarde | None = Field(
        None, description="een streefwaarde die de bron zonder jaar noemt", examples=["83"]
    )
    vergelijkingen: list[Vergelijking] = Field(
        default_factory=list,
        description="vergelijkingsreeksen: dezelfde maat elders, met naam en bron",
        examples=["[{naam: Nederland, bron: CBS, waarden: {2019: 30}}]"],
    )
    realisaties: dict[Jaar, Realisatie] = Field(
        default_factory=dict,
        description=(
            "meting per jaar; ook per kwartaal (2020-Q4) of maand (2020-11): dan telt de "
            "laatste van het jaar"
        ),
        examples=["{2019: 9, 2020: {waarde: 11, bron: Monitor}}"],
    )
    streefdatum: dt.date | None = Field(
        None, description="datum waarop een mijlpaal bereikt moet zijn", examples=["2020-07-01"]
    )
    #: The year a milestone is due when the source names no date ("Er is in 2024 een kader").
    streefjaar: Jaar | None = Field(
        None,
        description="jaar waarin een mijlpaal bereikt moet zijn, als de bron geen datum noemt",
        examples=["2024"],
    )
    streefdatum_tekst: Tekst | None = Field(
        None, description="de streefdatum zoals gedrukt", examples=["uiterlijk 1 juli 2020"]
    )
    bron: Tekst | None = Field(
        None, description="waar de cijfers vandaan komen", examples=["Gemeente Voorbeeldstad"]
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Telling in oktober."]
    )

    #: Every measurement written per quarter or month, by its key (model/periods.py).
    _perioden: dict[str, Realisatie] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _per_periode(cls, data: Any, handler: ModelWrapValidatorHandler[Indicator]) -> Indicator:
        # ``realisaties: {2020-Q3: 10, 2020-Q4: 11}``: the year holds the latest (model/periods).
        from pydantic import ValidationError

        from programmatool.model.periods import fold_periods, period_of

        data, periods, chosen = fold_periods(data, ONBEKEND_WAARDEN)
        indicator = handler(data)
        for key in sorted(periods, key=lambda k: (period_of(k), k)):
            try:
                indicator._perioden[key] = Realisatie.model_validate(periods[key])
            except ValidationError as exc:
                raise PydanticCustomError(
                    "pt_periode",
                    "realisatie {periode}: {fout}",
                    {"periode": key, "fout": exc.errors()[0]["msg"]},
                ) from None
        for year, key in chosen.items():
            indicator.realisaties[year]._periode = key
        return indicator

    @property
    def perioden(self) -> dict[str, Realisatie]:
        """The measurements written per quarter or month (``2020-Q4``), oldest first."""
        return self._perioden

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

#: What a money table or amount is to the programme's total (see docs/contractformaat.md):
#: ``budget`` is the programme's own money and counts; ``aanvullend`` is money beside it
#: (another budget's contribution, a fund) and counts in its own row; ``verdeling`` divides
#: money counted elsewhere (a breakdown per activity or per source) and never counts again.
GeldRol = Literal["budget", "verdeling", "aanvullend"]

_ROL_TABEL = (
    "wat de tabel is voor het totaal: `budget` (het geld van het programma, telt mee), "
    "`verdeling` (verdeelt geld dat elders al telt; telt niet nog eens mee) of `aanvullend` "
    "(geld naast het budget, telt mee in een eigen rij)"
)


#: How a money table prints spending. ``uitgaven_positief`` (the Dutch custom): an amount is
#: money spent or budgeted. ``uitgaven_negatief`` (Flemish accounts, BBC): spending is printed
#: with a minus sign and income without, so "Verschil € -8.750" means € 8.750 more spent. The
#: amounts stay as printed; the tool reads them with this sign (see docs/contractformaat.md).
Teken = Literal["uitgaven_positief", "uitgaven_negatief"]


def spending(amount: int | float, teken: Teken) -> int | float:
    """A printed amount of a line, total or realisation as money spent or budgeted."""
    return -amount if teken == "uitgaven_negatief" else amount


class Begrotingsregel(Model):
    """One line of a budget table: amounts per year as printed, and what was spent."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Een regel van een begrotingstabel (`regels`)."}
    )

    omschrijving: Tekst = Field(description="omschrijving van de regel", examples=["Educatie"])
    bedragen: dict[Jaar, Bedrag] = Field(
        default_factory=dict,
        description="bedrag per jaar zoals gedrukt",
        examples=["{2019: 10000, 2020: 10000}"],
    )
    besteed: dict[Jaar, Bedrag] = Field(
        default_factory=dict,
        description="wat per jaar werkelijk is uitgegeven",
        examples=["{2019: 9500}"],
    )
    inspanningen: list[Id] = Field(
        default_factory=list,
        description="ids van de inspanningen die dit geld krijgen",
        examples=["[ins-1]"],
    )
    gedekt: bool = Field(
        True, description="false als het bedrag nog niet gedekt is", examples=["false"]
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Incidenteel."]
    )
    #: The budget after amendment ("begroting na wijziging") per year, where the account
    #: prints it; a variance is measured against it rather than against ``bedragen``.
    gewijzigd: dict[Jaar, Bedrag] = Field(
        default_factory=dict,
        description="de begroting na wijziging per jaar, zoals de verantwoording die drukt",
        examples=["{2020: 12000}"],
    )
    #: Per year why what was spent differs from the budget (PT211 asks for it).
    toelichting_afwijking: dict[Jaar, Markdown] = Field(
        default_factory=dict,
        description=(
            "per jaar waarom de realisatie (`besteed`) afwijkt van de begroting; PT211 vraagt "
            "erom boven de grens in programmatool.toml"
        ),
        examples=["{2020: Meer deelnemers dan verwacht.}"],
    )

    def afwijking(self, jaar: int, teken: Teken = "uitgaven_positief") -> int | float | None:
        """Spent minus budget (after amendment where given) in ``jaar``, as spending: positive
        is more spent than budgeted, whatever sign the source prints (``teken`` of the table);
        None without both."""
        begroot = self.gewijzigd.get(jaar, self.bedragen.get(jaar))
        besteed = self.besteed.get(jaar)
        if begroot is None or besteed is None:
            return None
        return spending(besteed, teken) - spending(begroot, teken)


class Begroting(Model):
    """A budget table with its totals per year exactly as printed."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": (
                "Een begrotingstabel (`middelen.begrotingen`), met de totalen zoals gedrukt."
            )
        }
    )

    titel: Tekst = Field(
        description="titel van de tabel", examples=["Verdeling middelen 2019-2022"]
    )
    eenheid: Eenheid = Field("euro", description="eenheid van de bedragen", examples=["euro"])
    rol: GeldRol = Field("budget", description=_ROL_TABEL, examples=["verdeling"])
    teken: Teken = Field(
        "uitgaven_positief",
        description=(
            "hoe de bron uitgaven drukt: `uitgaven_positief` (zonder minteken, het gewone "
            "geval) of `uitgaven_negatief` (met een minteken, zoals Vlaamse meerjarenplannen "
            "en rekeningen; ontvangsten staan daar zonder minteken). De bedragen blijven zoals "
            "gedrukt; de tool leest ze als uitgaven"
        ),
        examples=["uitgaven_negatief"],
    )
    #: Income per year as printed; the lines are then the costs (lasten).
    baten: dict[Jaar, Bedrag] = Field(
        default_factory=dict,
        description=(
            "baten (inkomsten) per jaar zoals gedrukt; de regels zijn dan de lasten, en de "
            "documenten tonen lasten, baten en saldo"
        ),
        examples=["{2019: 25000}"],
    )
    regels: list[Begrotingsregel] = Field(
        default_factory=list,
        description="de regels van de tabel",
        examples=["[{omschrijving: Educatie, bedragen: {2019: 10000}}]"],
    )
    totalen: dict[Jaar, Bedrag] = Field(
        default_factory=dict,
        description="het gedrukte totaal per jaar, ook als het niet klopt",
        examples=["{2019: 10000}"],
    )
    totaal: Bedrag | None = Field(
        None, description="het gedrukte totaal over alle jaren", examples=["40000"]
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Exclusief btw."]
    )
    #: What the table says is still available per year, below its total (Zorg: "Beschikbaar").
    beschikbaar: dict[Jaar, Bedrag] = Field(
        default_factory=dict,
        description="wat per jaar nog beschikbaar is, zoals gedrukt",
        examples=["{2019: 5000}"],
    )

    def jaren(self) -> list[int]:
        """Every year that has an amount in a line, a printed total or income, sorted."""
        years = set(self.totalen) | set(self.baten)
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

    model_config = ConfigDict(
        json_schema_extra={"description": "Geld buiten de jaartabel (`middelen.overige`)."}
    )

    omschrijving: Tekst = Field(
        description="omschrijving", examples=["Revolverend fonds duurzaamheid"]
    )
    bedrag: Bedrag | None = Field(
        None, description="het bedrag (bij een bandbreedte de ondergrens)", examples=["50000"]
    )
    eenheid: Eenheid = Field("euro", description="eenheid van het bedrag", examples=["euro"])
    jaar: Jaar | None = Field(None, description="het jaar", examples=["2019"])
    soort: Literal["fonds", "eenmalig", "structureel", "ongedekt", "overig"] = Field(
        "overig", description="soort geld", examples=["fonds"]
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Leningen aan inwoners."]
    )
    #: Upper end when the source gives a range ("€ 24.000 - € 34.669"); ``bedrag`` is the lower.
    bedrag_tot: Bedrag | None = Field(
        None, description="bovengrens van een bandbreedte", examples=["34669"]
    )
    #: Without a role the amount is named beside the total and not counted.
    rol: GeldRol | None = Field(
        None,
        description=(
            "wat het bedrag is voor het totaal: `budget`, `verdeling` of `aanvullend` (zoals "
            "bij een begrotingstabel); zonder rol staat het naast het totaal en telt het niet mee"
        ),
        examples=["aanvullend"],
    )
    per_jaar: list[Jaar] = Field(
        default_factory=list,
        description=(
            "de jaren waarin `bedrag` elk jaar beschikbaar is (een bedrag per jaar); het telt "
            "dan één keer per jaar mee. Niet samen met `jaar`"
        ),
        examples=["[2019, 2020, 2021]"],
    )

    @model_validator(mode="after")
    def _jaar_of_per_jaar(self) -> OverigBudget:
        if self.jaar is not None and self.per_jaar:
            raise PydanticCustomError(
                "pt_jaar_en_per_jaar",
                "een bedrag heeft 'jaar' (één jaar) of 'per_jaar' (een bedrag per jaar in elk "
                "van die jaren), niet allebei",
                {},
            )
        if len(set(self.per_jaar)) != len(self.per_jaar):
            raise PydanticCustomError("pt_dubbel_jaar", "'per_jaar' noemt een jaar twee keer", {})
        return self

    def bedragen_per_jaar(self) -> dict[int, int | float]:
        """The amount per year it is available in: every year of ``per_jaar``, else ``jaar``."""
        if self.bedrag is None:
            return {}
        if self.per_jaar:
            return {year: self.bedrag for year in sorted(self.per_jaar)}
        return {self.jaar: self.bedrag} if self.jaar is not None else {}


class SpreidingJaar(Model):
    """One year of a spread: a percentage of the total and the amount as printed."""

    model_config = ConfigDict(json_schema_extra={"description": "Eén jaar van een spreiding."})

    percentage: Getal = Field(description="deel van het totaal in procenten", examples=["25"])
    bedrag: Bedrag | None = Field(None, description="het bedrag zoals gedrukt", examples=["580000"])


class Spreiding(Model):
    """A total spread over years in percentages (Omgevingswet: invoeringskosten 2017–2024)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Een totaal verdeeld over jaren (`middelen.spreidingen`)."
        }
    )

    omschrijving: Tekst = Field(
        description="omschrijving", examples=["Invoeringskosten Omgevingswet"]
    )
    eenheid: Eenheid = Field("euro", description="eenheid van de bedragen", examples=["euro"])
    totaal: Bedrag | None = Field(None, description="het genoemde totaal", examples=["2320000"])
    jaren: dict[Jaar, SpreidingJaar] = Field(
        default_factory=dict,
        description="per jaar het percentage en het bedrag",
        examples=["{2019: {percentage: 25, bedrag: 580000}}"],
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Volgens het rekenmodel van de VNG."]
    )
    rol: GeldRol = Field(
        "budget",
        description="wat de spreiding is voor het totaal (zoals bij een begrotingstabel)",
        examples=["budget"],
    )


class Middelen(Model):
    """The programme's money: yearly tables, other funds, spreads."""

    model_config = ConfigDict(json_schema_extra={"description": "Het geld (`middelen`)."})

    toelichting: Markdown | None = Field(
        None, description="toelichting op de middelen (Markdown)", examples=["Bedragen in euro."]
    )
    begrotingen: list[Begroting] = Field(
        default_factory=list,
        description="begrotingstabellen met totalen zoals gedrukt",
        examples=["[{titel: Verdeling middelen, regels: []}]"],
    )
    overige: list[OverigBudget] = Field(
        default_factory=list,
        description="geld buiten de jaartabel: fondsen, eenmalige of ongedekte bedragen",
        examples=["[{omschrijving: Revolverend fonds, bedrag: 50000, soort: fonds}]"],
    )
    spreidingen: list[Spreiding] = Field(
        default_factory=list,
        description="een totaal verdeeld over jaren in percentages",
        examples=["[{omschrijving: Invoeringskosten, totaal: 100000, jaren: {}}]"],
    )


class Uren(Model):
    """Hours: a number (``36``) or a range (``{van: 24, tot: 32}`` for "24 tot 32 uur")."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Uren: een getal (`36`) of een bereik (`{van: 24, tot: 32}`)."
        }
    )

    van: Getal = Field(
        description="het aantal uren (bij een bereik de ondergrens)", examples=["24"]
    )
    tot: Getal | None = Field(None, description="bovengrens van een bereik", examples=["32"])

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

    model_config = ConfigDict(
        json_schema_extra={"description": "Een rol en de uren die hij nodig heeft (`capaciteit`)."}
    )

    rol: Tekst = Field(description="de rol", examples=["Programmamanager"])
    uren_per_week: Uren | None = Field(
        None, description="uren per week: een getal of {van, tot}", examples=["{van: 24, tot: 32}"]
    )
    uren_totaal: Uren | None = Field(None, description="uren in totaal", examples=["400"])
    toelichting: Tekst | None = Field(None, description="toelichting", examples=["Tijdelijk"])
    #: Hours printed without saying per week or in total ("Advisering milieu 2").
    uren: Uren | None = Field(
        None, description="uren zonder 'per week' of 'totaal', zoals gedrukt", examples=["2"]
    )


# --- surroundings -----------------------------------------------------------------------------


class Risico(Model):
    """A risk to the goals or the efforts, with how it is managed."""

    model_config = ConfigDict(json_schema_extra={"description": "Een risico (`risicos`)."})

    titel: Tekst = Field(description="het risico", examples=["Te weinig deelnemers"])
    beschrijving: Markdown | None = Field(
        None, description="beschrijving (Markdown)", examples=["Scholen hebben weinig tijd."]
    )
    beheersmaatregel: Markdown | None = Field(
        None, description="hoe het risico wordt beheerst (Markdown)", examples=["Vroeg plannen."]
    )


class Relatie(Model):
    """A relation to another programme: by its code in the portfolio, or, with ``extern: true``,
    to a programme outside it (another directorate's, another municipality's)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": (
                "Een relatie met een ander programma (`relaties`): met "
                "`programma` in het portfolio, of met `extern: true` en `naam` "
                "daarbuiten."
            )
        }
    )

    programma: Code | None = Field(
        None, description="code van een programma in het portfolio", examples=["binnenstad"]
    )
    naam: Tekst | None = Field(
        None,
        description="naam van het programma, vooral buiten het portfolio",
        examples=["Regionale Energiestrategie"],
    )
    extern: bool = Field(
        False,
        description="true: een programma buiten het portfolio (geen PT401/PT403)",
        examples=["true"],
    )
    organisatie: Tekst | None = Field(
        None,
        description="de organisatie van een programma buiten het portfolio",
        examples=["Regio Twente"],
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Samen aan de warmtevisie."]
    )

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

    model_config = ConfigDict(json_schema_extra={"description": "Een wijk (`wijken`)."})

    naam: Tekst = Field(description="naam van de wijk", examples=["Nieuwstraatkwartier"])
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Wijkgericht werken."]
    )


class Project(Model):
    """A project from the project list, with the programme's role in it."""

    model_config = ConfigDict(json_schema_extra={"description": "Een project (`projecten`)."})

    naam: Tekst = Field(description="naam van het project", examples=["Schoolplein vergroenen"])
    rol: Rol | None = Field(None, description="rol van het programma", examples=["afstemming"])
    trekker: Tekst | None = Field(None, description="wie trekt", examples=["Team Groen"])
    doelen: list[Id] = Field(default_factory=list, description="ids van doelen", examples=["[c]"])
    inspanningen: list[Id] = Field(
        default_factory=list, description="ids van inspanningen", examples=["[ins-1]"]
    )
    toelichting: Markdown | None = Field(
        None, description="toelichting (Markdown)", examples=["Met de ouderraad."]
    )


class Kerncijfer(Model):
    """A statistic that describes the programme's area or target group."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Een kerncijfer van het gebied of de doelgroep (`kerncijfers`)."
        }
    )

    naam: Tekst = Field(description="wat het cijfer meet", examples=["Gebruik van huisartsenzorg"])
    waarde: Waarde | None = Field(None, description="de waarde", examples=["81"])
    vergelijking: Waarde | None = Field(
        None, description="de waarde om mee te vergelijken", examples=["77"]
    )
    vergelijking_naam: Tekst | None = Field(
        None, description="waarmee wordt vergeleken", examples=["Nederland"]
    )
    eenheid: Tekst | None = Field(None, description="eenheid", examples=["'%'"])
    jaar: Jaar | None = Field(None, description="jaar", examples=["2018"])
    bron: Tekst | None = Field(None, description="bron", examples=["GGD"])


# --- the contract -----------------------------------------------------------------------------


class Contract(Model):
    """A programme contract (programmacontract)."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Het contract zelf: de velden bovenaan het bestand."}
    )

    programma: Tekst = Field(description="naam van het programma", examples=["Schone Stad"])
    code: Code = Field(
        description=(
            "korte code van kleine letters, cijfers en '-'; voor verwijzingen en bestandsnamen"
        ),
        examples=["schone-stad"],
    )
    gemeente: Tekst = Field(
        description="de gemeente (of andere organisatie) van het programma",
        examples=["Voorbeeldstad"],
    )
    status: Status = Field(description="de status van het contract", examples=["vastgesteld"])
    #: 2 (default): strategic goals with operational goals; 1: one level of goals that carry
    #: indicators and inspanningen themselves, as many budgets have.
    doelniveaus: Literal[1, 2] = Field(
        2,
        description=(
            "2: strategische doelen met operationele doelen; 1: één laag doelen die "
            "zelf indicatoren en inspanningen hebben, zoals in veel begrotingen"
        ),
        examples=["1"],
    )
    vastgesteld_op: dt.date | None = Field(
        None, description="datum van vaststelling", examples=["2019-06-11"]
    )
    versie: Tekst | None = Field(
        None, description="versie van het contract zoals gedrukt", examples=["'1.0'"]
    )
    kenmerk: Tekst | None = Field(
        None, description="zaak- of documentkenmerk", examples=["2019/123456"]
    )
    periode: Periode = Field(
        description="de jaren waarin het programma loopt", examples=["{start: 2019, eind: 2022}"]
    )
    motto: Markdown | None = Field(
        None,
        description="motto of ondertitel (Markdown)",
        examples=["Samen maken we de stad schoon"],
    )
    rollen: Rollen = Field(
        description="wie het programma opdraagt en leidt",
        examples=["{bestuurlijk_opdrachtgevers: onbekend}"],
    )
    samenvatting: Markdown | None = Field(
        None, description="samenvatting (Markdown)", examples=["De stad wordt schoner en groener."]
    )
    aanleiding: Markdown | None = Field(
        None,
        description="aanleiding (Markdown)",
        examples=["Inwoners ergeren zich aan zwerfafval."],
    )
    visie: Markdown | None = Field(
        None,
        description="visie (Markdown)",
        examples=["In 2030 is Voorbeeldstad de schoonste stad."],
    )
    hoofdstukken: list[Hoofdstuk] = Field(
        default_factory=list,
        description="lopende tekst waarvoor geen eigen veld bestaat",
        examples=["[{titel: Werkwijze, tekst: We werken wijkgericht.}]"],
    )
    strategische_doelen: list[StrategischDoel] = Field(
        default_factory=list,
        description="de doelen van het programma (bij doelniveaus: 1 de enige laag doelen)",
        examples=["[{id: I, titel: De stad is schoner}]"],
    )
    inspanningen: list[Inspanning] = Field(
        default_factory=list,
        description="wat het programma doet om de doelen te bereiken",
        examples=["[{id: ins-1, titel: Educatieprojecten met scholen, doelen: [a]}]"],
    )
    indicatoren: list[Indicator] = Field(
        default_factory=list,
        description="waaraan te zien is of een doel wordt bereikt",
        examples=["[{id: scholen, naam: Aantal scholen, doel: a, richting: hoger}]"],
    )
    middelen: Middelen | None = Field(
        None, description="het geld van het programma", examples=["{begrotingen: []}"]
    )
    capaciteit: list[Capaciteit] = Field(
        default_factory=list,
        description="rollen en de uren die ze nodig hebben",
        examples=["[{rol: Programmamanager, uren_per_week: 36}]"],
    )
    capaciteit_toelichting: Markdown | None = Field(
        None, description="toelichting op de capaciteit (Markdown)", examples=["Uren per week."]
    )
    risicos: list[Risico] = Field(
        default_factory=list,
        description="risico's en hun beheersing",
        examples=["[{titel: Te weinig deelnemers}]"],
    )
    relaties: list[Relatie] = Field(
        default_factory=list,
        description="relaties met andere programma's, ook buiten het portfolio",
        examples=["[{programma: binnenstad}]"],
    )
    wijken: list[Wijk] = Field(
        default_factory=list,
        description="wijken waarmee het programma een relatie heeft",
        examples=["[{naam: Centrum}]"],
    )
    projecten: list[Project] = Field(
        default_factory=list,
        description="projecten met de rol van het programma",
        examples=["[{naam: Schoolplein}]"],
    )
    kerncijfers: list[Kerncijfer] = Field(
        default_factory=list,
        description="cijfers die het gebied of de doelgroep beschrijven",
        examples=["[{naam: Inwoners, waarde: 73000, jaar: 2019}]"],
    )
    stakeholders: list[Tekst] = Field(
        default_factory=list, description="betrokken partijen", examples=["[Scholen, Afvalbedrijf]"]
    )
    #: Results the programme as a whole expects, where the source ties them to no single goal.
    verwachte_resultaten: list[Tekst] = Field(
        default_factory=list,
        description="resultaten van het programma als geheel, aan geen enkel doel gekoppeld",
        examples=["[Minder zwerfafval in de binnenstad]"],
    )
    verantwoording: dict[Jaar, Verantwoording] = Field(
        default_factory=dict,
        description="per jaar de verantwoording van het programma",
        examples=["{2020: {resultaten: Tien scholen deden mee.}}"],
    )

    # --- helpers used by rules, progress and rendering (no I/O, no side effects) ---

    def operationele_doelen(self) -> list[OperationeelDoel]:
        """All operational goals, in document order."""
        return [od for sd in self.strategische_doelen for od in sd.operationele_doelen]

    def doel_ids(self) -> set[str]:
        """Ids of all strategic goals, their sub-goals and operational goals: what an effort
        or an indicator may refer to."""
        ids = {sd.id for sd in self.strategische_doelen}
        ids.update(sub.id for sd in self.strategische_doelen for sub in sd.subdoelen)
        ids.update(od.id for od in self.operationele_doelen())
        return ids
