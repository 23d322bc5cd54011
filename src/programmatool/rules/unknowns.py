"""PT6xx: what the source does not say, written as the explicit unknown ``onbekend``."""

from __future__ import annotations

from collections.abc import Iterator

from programmatool.model.contract import ONBEKEND, Persoon, is_onbekend
from programmatool.rules.registry import Hit, Source, rule

_VUL_IN = "de bron noemt het niet; vul het in zodra het bekend is"


@rule(
    "PT601",
    "waarschuwing",
    "De bron zegt het niet: onbekend",
    why="""
        Een bron zwijgt soms: een begroting noemt geen portefeuillehouder, een tabel geeft
        een nulmeting zonder jaar, een indicator hangt aan geen doel. Verzin dan niets
        ("naam: onbekend" als persoon, een gegokte periode), maar schrijf het woord
        `onbekend` op de plek van de waarde: bij `status`, `periode` (of `start`/`eind`),
        een persoon of `bestuurlijk_opdrachtgevers`, `peiljaar`, `doel` van een indicator,
        `doelen` van een inspanning, `richting` en `eenheid`. Elk document toont het als 'onbekend';
        deze regel vraagt erom, zodat het wordt ingevuld zodra het bekend is. Een
        streefwaarde zonder jaar (`streefwaarde_zonder_jaar`) telt ook mee.
    """,
    example="""
        status: onbekend
        rollen:
          bestuurlijk_opdrachtgevers: onbekend
    """,
    fix="""
        status: vastgesteld
        rollen:
          bestuurlijk_opdrachtgevers:
            - naam: A. de Wethouder
    """,
)
def onbekend_in_de_bron(source: Source) -> Iterator[Hit]:
    """Every explicit unknown outside the numbers, so that it gets filled in."""
    c = source.contract
    if c.status == ONBEKEND:
        yield Hit(source, ("status",), f"status is onbekend: {_VUL_IN}")
    for kant, woord in (("start", "startjaar"), ("eind", "eindjaar")):
        if getattr(c.periode, kant) == ONBEKEND:
            yield Hit(source, ("periode", kant), f"{woord} van de periode is onbekend: {_VUL_IN}")
    rollen = c.rollen
    for j, persoon in enumerate(rollen.bestuurlijk_opdrachtgevers):
        if is_onbekend(persoon):
            yield Hit(
                source,
                ("rollen", "bestuurlijk_opdrachtgevers", j),
                f"bestuurlijk opdrachtgever is onbekend: {_VUL_IN}",
            )
    single: list[tuple[str, str, Persoon | None]] = [
        ("ambtelijk_opdrachtgever", "ambtelijk opdrachtgever", rollen.ambtelijk_opdrachtgever),
        ("programmamanager", "programmamanager", rollen.programmamanager),
    ]
    for veld, woord, enkel in single:
        if enkel is not None and is_onbekend(enkel):
            yield Hit(source, ("rollen", veld), f"{woord} is onbekend: {_VUL_IN}")
    for r, rol in enumerate(rollen.overige):
        for j, lid in enumerate(rol.personen):
            if is_onbekend(lid):
                yield Hit(
                    source,
                    ("rollen", "overige", r, "personen", j),
                    f"de naam bij rol '{rol.rol}' is onbekend: {_VUL_IN}",
                )
    for i, ins in enumerate(c.inspanningen):
        if ONBEKEND in ins.doelen:
            yield Hit(
                source,
                ("inspanningen", i, "doelen"),
                f"inspanning '{ins.id}': aan welk doel ze bijdraagt is onbekend: {_VUL_IN}",
            )
    for i, ind in enumerate(c.indicatoren):
        if ind.doel == ONBEKEND:
            yield Hit(
                source,
                ("indicatoren", i, "doel"),
                f"indicator '{ind.id}': het doel dat hij meet is onbekend: {_VUL_IN}",
            )
        if ind.peiljaar == ONBEKEND:
            yield Hit(
                source,
                ("indicatoren", i, "peiljaar"),
                f"indicator '{ind.id}': het peiljaar is onbekend: {_VUL_IN}",
            )
        if ind.eenheid == ONBEKEND:
            yield Hit(
                source,
                ("indicatoren", i, "eenheid"),
                f"indicator '{ind.id}': de eenheid is onbekend: {_VUL_IN}",
            )
        if ind.richting == ONBEKEND:
            yield Hit(
                source,
                ("indicatoren", i, "richting"),
                f"indicator '{ind.id}': de richting (is hoger of lager beter?) is onbekend; "
                "zonder richting kan de tool de voortgang niet beoordelen",
            )
        if ind.streefwaarde_zonder_jaar is not None:
            yield Hit(
                source,
                ("indicatoren", i, "streefwaarde_zonder_jaar"),
                f"indicator '{ind.id}': de streefwaarde heeft geen jaar: {_VUL_IN}",
            )


@rule(
    "PT602",
    "waarschuwing",
    "Indicator zonder eenheid",
    why="""
        Een getal zonder eenheid zegt een raadslid weinig: 83 wat? Procent, inwoners, m²?
        De tool vult geen eenheid in (een verzonnen eenheid is erger dan geen): zonder
        `eenheid` tonen tabellen en grafieken het kale getal. Neem de eenheid over zoals de
        bron haar drukt (`eenheid: "%"`, `eenheid: m²`, `eenheid: rapportcijfer`); noemt de
        bron er geen, schrijf dan `eenheid: onbekend` (PT601 vraagt er dan om tot ze bekend is).
        Een schaal of een mijlpaal heeft geen eenheid nodig.
    """,
    example="""
        indicatoren:
          - id: tevredenheid
            naam: Tevredenheid over de buitenruimte
            doel: a
            richting: hoger
            streefwaarden: {2019: 83}
            bron: Burgerpeiling
    """,
    fix="""
        indicatoren:
          - id: tevredenheid
            naam: Tevredenheid over de buitenruimte
            doel: a
            eenheid: "%"
            richting: hoger
            streefwaarden: {2019: 83}
            bron: Burgerpeiling
    """,
)
def zonder_eenheid(source: Source) -> Iterator[Hit]:
    """Numeric indicators whose unit is not written at all."""
    for i, ind in enumerate(source.contract.indicatoren):
        if ind.meetsoort == "getal" and ind.eenheid is None:
            yield Hit(
                source,
                ("indicatoren", i, "id"),
                f"indicator '{ind.id}': de eenheid staat er niet bij; neem haar over uit de "
                'bron (bijvoorbeeld eenheid: "%") of schrijf eenheid: onbekend als de bron '
                "haar niet noemt",
            )
