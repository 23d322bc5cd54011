"""PT1xx: the links between goals, inspanningen and indicators (the DIN), and unique ids."""

from __future__ import annotations

from collections.abc import Iterator

from programmatool.model.contract import ONBEKEND
from programmatool.rules.registry import Hit, Source, rule
from programmatool.text.suggest import did_you_mean


@rule(
    "PT101",
    "fout",
    "Verwijzing naar een doel dat niet bestaat",
    why="""
        Een inspanning of project dat bijdraagt aan een doel dat niet in het contract staat,
        hangt los in het Doelen-Inspanningennetwerk: de raad kan niet zien waarvoor het geld
        wordt ingezet. Meestal is het een tikfout in een id of een doel dat is hernummerd.
    """,
    example="""
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [f]          # er is geen doel 'f'
    """,
    fix="""
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]
    """,
)
def onbekend_doel(source: Source) -> Iterator[Hit]:
    """Inspanningen and projects that refer to a goal id that is not in the contract."""
    known = source.contract.doel_ids()
    for i, ins in enumerate(source.contract.inspanningen):
        for j, doel in enumerate(ins.doelen):
            if doel not in known and doel != ONBEKEND:  # 'onbekend' is PT601's
                yield Hit(
                    source,
                    ("inspanningen", i, "doelen", j),
                    f"inspanning '{ins.id}' verwijst naar doel '{doel}', dat niet bestaat"
                    f"{did_you_mean(doel, known)}",
                )
    for i, project in enumerate(source.contract.projecten):
        for j, doel in enumerate(project.doelen):
            if doel not in known:
                yield Hit(
                    source,
                    ("projecten", i, "doelen", j),
                    f"project '{project.naam}' verwijst naar doel '{doel}', dat niet bestaat"
                    f"{did_you_mean(doel, known)}",
                )


@rule(
    "PT102",
    "waarschuwing",
    "Operationeel doel zonder inspanning",
    why="""
        Een operationeel doel waaraan geen enkele inspanning bijdraagt, wordt alleen bereikt
        als het vanzelf gebeurt. Een inspanning die bij het strategische doel hoort, telt mee
        voor alle operationele doelen daaronder. Koppelt het contract geen enkele inspanning
        aan een doel, dan volgt één melding voor het hele contract.
    """,
    example="""
        strategische_doelen:
          - id: I
            titel: De stad is schoner
            operationele_doelen:
              - id: a
                titel: Meer scholen doen mee aan afvaleducatie
              - id: b
                titel: Minder restafval per inwoner
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]          # niets draagt bij aan doel b
    """,
    fix="""
        strategische_doelen:
          - id: I
            titel: De stad is schoner
            operationele_doelen:
              - id: a
                titel: Meer scholen doen mee aan afvaleducatie
              - id: b
                titel: Minder restafval per inwoner
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]
          - id: ins-2
            titel: Afvalcoaches in de wijk
            doelen: [b]
    """,
)
def doel_zonder_inspanning(source: Source) -> Iterator[Hit]:
    """Operational goals that no inspanning serves, directly or through their strategic goal;
    with one level of goals (``doelniveaus: 1``), the goals themselves."""
    c = source.contract
    served = {doel for ins in c.inspanningen for doel in ins.doelen if doel != ONBEKEND}
    one_level = c.doelniveaus == 1
    n = len(c.strategische_doelen) if one_level else len(c.operationele_doelen())
    if not served:
        # No inspanning names any goal: one finding for the one cause, not one per goal.
        if n:
            where = "inspanningen" if c.inspanningen else "strategische_doelen"
            soort = "doel" if one_level else "operationele doel"
            unknown = c.inspanningen and all(ONBEKEND in ins.doelen for ins in c.inspanningen)
            if unknown:
                # 'doelen: onbekend' everywhere: nothing is known to be missing, only unsaid.
                oorzaak = "van geen enkele inspanning zegt de bron aan welk doel ze bijdraagt"
                gevolg = (
                    f"dus van het enige {soort} is niet bekend of er een inspanning aan bijdraagt"
                    if n == 1
                    else f"dus van geen van de {n} {soort}en is bekend of er een inspanning "
                    "aan bijdraagt"
                )
            else:
                oorzaak = "geen enkele inspanning is aan een doel gekoppeld"
                gevolg = (
                    f"dus het enige {soort} heeft geen inspanning"
                    if n == 1
                    else f"dus geen van de {n} {soort}en heeft een inspanning"
                )
            yield Hit(source, (where,), f"{oorzaak}, {gevolg}", at_key=True)
        return
    if one_level:
        for i, sd in enumerate(c.strategische_doelen):
            if sd.id not in served:
                yield Hit(
                    source,
                    ("strategische_doelen", i, "id"),
                    f"geen inspanning draagt bij aan doel '{sd.id}'",
                )
        return
    for i, sd in enumerate(source.contract.strategische_doelen):
        if sd.id in served:
            continue
        for j, od in enumerate(sd.operationele_doelen):
            if od.id not in served:
                yield Hit(
                    source,
                    ("strategische_doelen", i, "operationele_doelen", j, "id"),
                    f"geen inspanning draagt bij aan operationeel doel '{od.id}' "
                    f"of aan strategisch doel '{sd.id}'",
                )


@rule(
    "PT103",
    "waarschuwing",
    "Operationeel doel zonder indicator",
    why="""
        Een operationeel doel hoort meetbaar te zijn: zonder indicator kan de raad niet volgen
        of het wordt bereikt. Noemt de bron een indicator bij het doel, neem die dan over met
        `doel:` erbij. Noemt de bron er geen, verzin er dan geen: de melding zegt dan wat de
        bron mist (zet de regel zo nodig uit voor dat bestand, zie `[[regels.per_bestand]]`).
        Alleen als de bron zegt dat de indicator nog wordt uitgewerkt, zet u
        `nog_te_bepalen: true` bij het doel; dan volgt geen melding. Heeft het contract
        helemaal geen indicatoren, dan volgt één melding voor het hele contract.
    """,
    example="""
        strategische_doelen:
          - id: I
            titel: De stad is schoner
            operationele_doelen:
              - id: a
                titel: Meer scholen doen mee aan afvaleducatie
              - id: b
                titel: Minder restafval per inwoner    # geen indicator meet doel b
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            bron: Gemeente Voorbeeldstad
    """,
    fix="""
        strategische_doelen:
          - id: I
            titel: De stad is schoner
            operationele_doelen:
              - id: a
                titel: Meer scholen doen mee aan afvaleducatie
              - id: b
                titel: Minder restafval per inwoner
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            bron: Gemeente Voorbeeldstad
          - id: restafval                        # de indicator die de bron bij doel b noemt
            naam: Kilo restafval per inwoner
            doel: b
            bron: Afvalbedrijf
    """,
)
def doel_zonder_indicator(source: Source) -> Iterator[Hit]:
    """Operational goals no indicator measures, unless marked as still to be worked out."""
    contract = source.contract
    measured = {ind.doel for ind in contract.indicatoren}
    een_niveau = contract.doelniveaus == 1
    if not contract.indicatoren:
        # A contract without any indicator: one finding for the one cause.
        if een_niveau:
            n, soort = len(contract.strategische_doelen), "doel"
        else:
            n = sum(1 for od in contract.operationele_doelen() if not od.nog_te_bepalen)
            soort = "operationele doel"
        if n:
            wie = f"het enige {soort} wordt niet" if n == 1 else f"geen van de {n} {soort}en wordt"
            yield Hit(
                source,
                ("strategische_doelen",),
                f"het contract heeft geen indicatoren: {wie} gemeten",
                at_key=True,
            )
        return
    if een_niveau:
        for i, sd in enumerate(contract.strategische_doelen):
            if sd.id not in measured:
                yield Hit(
                    source,
                    ("strategische_doelen", i, "id"),
                    f"geen indicator meet doel '{sd.id}'",
                )
        return
    for i, sd in enumerate(source.contract.strategische_doelen):
        for j, od in enumerate(sd.operationele_doelen):
            if od.id not in measured and not od.nog_te_bepalen:
                yield Hit(
                    source,
                    ("strategische_doelen", i, "operationele_doelen", j, "id"),
                    f"geen indicator meet operationeel doel '{od.id}'; noemt de bron er een, "
                    "neem die dan over ('nog_te_bepalen: true' alleen als de bron zegt dat de "
                    "indicator nog wordt uitgewerkt)",
                )


@rule(
    "PT104",
    "fout",
    "Indicator meet een doel dat niet bestaat",
    why="""
        Een indicator die bij een onbekend doel hoort, meet niets wat het contract belooft;
        in voortgangsrapportages komt hij onder geen enkel doel terecht.
    """,
    example="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: x              # er is geen doel 'x'
            bron: Gemeente Voorbeeldstad
    """,
    fix="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            bron: Gemeente Voorbeeldstad
    """,
)
def indicator_onbekend_doel(source: Source) -> Iterator[Hit]:
    """Indicators whose goal id is not in the contract."""
    known = source.contract.doel_ids()
    for i, ind in enumerate(source.contract.indicatoren):
        if ind.doel not in known and ind.doel != ONBEKEND:  # 'onbekend' is PT601's
            yield Hit(
                source,
                ("indicatoren", i, "doel"),
                f"indicator '{ind.id}' meet doel '{ind.doel}', dat niet bestaat"
                f"{did_you_mean(ind.doel, known)}",
            )


@rule(
    "PT105",
    "waarschuwing",
    "Strategisch doel zonder operationele doelen",
    why="""
        Een strategisch doel wordt pas stuurbaar als het is vertaald naar meetbare
        operationele doelen. Zonder die vertaling is het een ambitie zonder maatstaf. Heeft
        geen enkel strategisch doel operationele doelen, dan volgt één melding.
    """,
    example="""
        strategische_doelen:
          - id: I
            titel: De stad is schoner
            operationele_doelen:
              - id: a
                titel: Meer scholen doen mee aan afvaleducatie
          - id: II
            titel: De stad is groener        # geen operationele doelen
    """,
    fix="""
        strategische_doelen:
          - id: I
            titel: De stad is schoner
            operationele_doelen:
              - id: a
                titel: Meer scholen doen mee aan afvaleducatie
          - id: II
            titel: De stad is groener
            operationele_doelen:
              - id: b
                titel: Meer bomen in de wijken
                nog_te_bepalen: true
    """,
)
def strategisch_zonder_operationeel(source: Source) -> Iterator[Hit]:
    """Strategic goals without any operational goal (one finding when none has any)."""
    goals = source.contract.strategische_doelen
    if source.contract.doelniveaus == 1:
        return  # one level of goals on purpose: PT109 guards it, PT102/PT103 check the goals
    if len(goals) > 1 and not any(sd.operationele_doelen for sd in goals):
        yield Hit(
            source,
            ("strategische_doelen",),
            f"geen van de {len(goals)} strategische doelen heeft operationele doelen",
            at_key=True,
        )
        return
    for i, sd in enumerate(goals):
        if not sd.operationele_doelen:
            yield Hit(
                source,
                ("strategische_doelen", i, "id"),
                f"strategisch doel '{sd.id}' heeft geen operationele doelen",
            )


@rule(
    "PT106",
    "waarschuwing",
    "Inspanning draagt aan niets bij",
    why="""
        Elke inspanning hoort bij te dragen aan minstens één doel; anders is niet te
        verantwoorden waarom het programma er tijd en geld aan besteedt.
    """,
    example="""
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]
          - id: ins-2
            titel: Afvalcoaches in de wijk        # geen doelen
    """,
    fix="""
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]
          - id: ins-2
            titel: Afvalcoaches in de wijk
            doelen: [b]
    """,
)
def inspanning_zonder_doel(source: Source) -> Iterator[Hit]:
    """Inspanningen that name no goal at all (left to PT102 when none names any)."""
    c = source.contract
    if c.operationele_doelen() and not any(ins.doelen for ins in c.inspanningen):
        return
    for i, ins in enumerate(c.inspanningen):
        if not ins.doelen:
            veld = "is leeg" if "doelen" in ins.model_fields_set else "ontbreekt"
            yield Hit(
                source,
                ("inspanningen", i, "id"),
                f"inspanning '{ins.id}' draagt aan geen enkel doel bij (veld 'doelen' {veld}; "
                "schrijf 'doelen: onbekend' als de bron het niet zegt)",
            )


@rule(
    "PT107",
    "fout",
    "Een id komt twee keer voor",
    why="""
        Doelen, inspanningen en indicatoren verwijzen naar elkaar met hun id. Komt een id twee
        keer voor, dan is niet te zeggen welk van de twee bedoeld is. Strategische en
        operationele doelen delen één reeks ids.
    """,
    example="""
        strategische_doelen:
          - id: I
            titel: De stad is schoner
            operationele_doelen:
              - id: a
                titel: Meer scholen doen mee aan afvaleducatie
              - id: a          # dubbel
                titel: Minder restafval per inwoner
    """,
    fix="""
        strategische_doelen:
          - id: I
            titel: De stad is schoner
            operationele_doelen:
              - id: a
                titel: Meer scholen doen mee aan afvaleducatie
              - id: b
                titel: Minder restafval per inwoner
    """,
)
def dubbel_id(source: Source) -> Iterator[Hit]:
    """Ids used twice among goals, among inspanningen, or among indicators."""
    c = source.contract
    groups: list[tuple[str, list[tuple[str, tuple[str | int, ...]]]]] = [
        (
            "doel",
            [
                (sd.id, ("strategische_doelen", i, "id"))
                for i, sd in enumerate(c.strategische_doelen)
            ]
            + [
                (od.id, ("strategische_doelen", i, "operationele_doelen", j, "id"))
                for i, sd in enumerate(c.strategische_doelen)
                for j, od in enumerate(sd.operationele_doelen)
            ],
        ),
        ("inspanning", [(x.id, ("inspanningen", i, "id")) for i, x in enumerate(c.inspanningen)]),
        ("indicator", [(x.id, ("indicatoren", i, "id")) for i, x in enumerate(c.indicatoren)]),
    ]
    for kind, items in groups:
        first: dict[str, tuple[str | int, ...]] = {}
        for ident, path in items:
            if ident in first:
                line, _ = source.locate(first[ident])
                yield Hit(source, path, f"{kind}-id '{ident}' komt al voor op regel {line}")
            else:
                first[ident] = path


@rule(
    "PT108",
    "fout",
    "Verwijzing naar een inspanning die niet bestaat",
    why="""
        Een begrotingsregel of project dat naar een onbekende inspanning verwijst, koppelt geld
        of werk aan iets wat het contract niet kent.
    """,
    example="""
        projecten:
          - naam: Schoolplein vergroenen
            inspanningen: [ins-9]      # er is geen inspanning 'ins-9'
    """,
    fix="""
        projecten:
          - naam: Schoolplein vergroenen
            inspanningen: [ins-1]
    """,
)
def onbekende_inspanning(source: Source) -> Iterator[Hit]:
    """Budget lines and projects that refer to an inspanning id that is not in the contract."""
    c = source.contract
    known = {ins.id for ins in c.inspanningen}
    for i, project in enumerate(c.projecten):
        for j, ident in enumerate(project.inspanningen):
            if ident not in known:
                yield Hit(
                    source,
                    ("projecten", i, "inspanningen", j),
                    f"project '{project.naam}' verwijst naar inspanning '{ident}', "
                    f"die niet bestaat{did_you_mean(ident, known)}",
                )
    if c.middelen is None:
        return
    for b, begroting in enumerate(c.middelen.begrotingen):
        for r, line in enumerate(begroting.regels):
            for j, ident in enumerate(line.inspanningen):
                if ident not in known:
                    yield Hit(
                        source,
                        ("middelen", "begrotingen", b, "regels", r, "inspanningen", j),
                        f"begrotingsregel '{line.omschrijving}' verwijst naar inspanning "
                        f"'{ident}', die niet bestaat{did_you_mean(ident, known)}",
                    )


@rule(
    "PT109",
    "fout",
    "Operationele doelen in een contract met één doelniveau",
    why="""
        Met `doelniveaus: 1` zegt het contract dat de bron één laag doelen kent, zoals veel
        begrotingen: doelen met hun eigen indicatoren en inspanningen, zonder operationele
        doelen eronder. Staan er toch operationele doelen in, dan klopt een van beide niet en
        weet de tool niet op welk niveau hij moet controleren en samenvatten.
    """,
    example="""
        doelniveaus: 1
        strategische_doelen:
          - id: "1"
            titel: Inwoners voelen zich betrokken bij het bestuur
            operationele_doelen:          # past niet bij één doelniveau
              - id: 1a
                titel: Meer inwoners doen mee aan de Zaanpeiling
    """,
    fix="""
        doelniveaus: 1
        strategische_doelen:
          - id: "1"
            titel: Inwoners voelen zich betrokken bij het bestuur
        indicatoren:
          - id: betrokken
            naam: Percentage inwoners dat zich betrokken voelt
            doel: "1"                     # de indicator hangt direct aan het doel
            richting: hoger
            bron: Zaanpeiling
    """,
)
def operationeel_bij_een_niveau(source: Source) -> Iterator[Hit]:
    """Operational goals in a contract that declares one level of goals."""
    if source.contract.doelniveaus != 1:
        return
    for i, sd in enumerate(source.contract.strategische_doelen):
        if sd.operationele_doelen:
            yield Hit(
                source,
                ("strategische_doelen", i, "operationele_doelen"),
                f"doel '{sd.id}' heeft operationele doelen, maar het contract heeft "
                "'doelniveaus: 1'; haal die regel weg of maak van deze doelen gewone doelen",
                at_key=True,
            )


@rule(
    "PT110",
    "waarschuwing",
    "Contract zonder doelen",
    why="""
        Een contract legt vast wat het programma wil bereiken. Zonder doelen is er niets om
        inspanningen aan te koppelen of met indicatoren te meten. Een contract dat net met
        `programmatool new` is gemaakt, krijgt deze melding tot de doelen zijn ingevuld.
    """,
    example="""
        strategische_doelen: []
    """,
    fix="""
        strategische_doelen:
          - id: I
            titel: De stad is schoner
            operationele_doelen:
              - id: a
                titel: Meer scholen doen mee aan afvaleducatie
    """,
)
def zonder_doelen(source: Source) -> Iterator[Hit]:
    """A contract without any goal."""
    if not source.contract.strategische_doelen:
        written = "strategische_doelen" in source.contract.model_fields_set
        yield Hit(
            source,
            ("strategische_doelen",) if written else ("programma",),
            "het contract heeft nog geen doelen (veld 'strategische_doelen' "
            + ("is leeg)" if written else "ontbreekt)"),
            at_key=True,
        )
