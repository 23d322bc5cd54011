"""What each model and field means, in Dutch, with an example: the field reference, the JSON
schema and ``programmatool new`` read these."""

from __future__ import annotations

#: "Model.field" → (description, example as one line of YAML).
FIELDS: dict[str, tuple[str, str]] = {
    # --- Contract
    "Contract.programma": ("naam van het programma", "Schone Stad"),
    "Contract.code": (
        "korte code van kleine letters, cijfers en '-'; voor verwijzingen en bestandsnamen",
        "schone-stad",
    ),
    "Contract.gemeente": ("de gemeente (of andere organisatie) van het programma", "Voorbeeldstad"),
    "Contract.status": ("de status van het contract", "vastgesteld"),
    "Contract.doelniveaus": (
        "2: strategische doelen met operationele doelen; 1: één laag doelen die zelf "
        "indicatoren en inspanningen hebben, zoals in veel begrotingen",
        "1",
    ),
    "Contract.vastgesteld_op": ("datum van vaststelling", "2019-06-11"),
    "Contract.versie": ("versie van het contract zoals gedrukt", "'1.0'"),
    "Contract.kenmerk": ("zaak- of documentkenmerk", "2019/123456"),
    "Contract.periode": ("de jaren waarin het programma loopt", "{start: 2019, eind: 2022}"),
    "Contract.motto": ("motto of ondertitel (Markdown)", "Samen maken we de stad schoon"),
    "Contract.rollen": (
        "wie het programma opdraagt en leidt",
        "{bestuurlijk_opdrachtgevers: onbekend}",
    ),
    "Contract.samenvatting": ("samenvatting (Markdown)", "De stad wordt schoner en groener."),
    "Contract.aanleiding": ("aanleiding (Markdown)", "Inwoners ergeren zich aan zwerfafval."),
    "Contract.visie": ("visie (Markdown)", "In 2030 is Voorbeeldstad de schoonste stad."),
    "Contract.hoofdstukken": (
        "lopende tekst waarvoor geen eigen veld bestaat",
        "[{titel: Werkwijze, tekst: We werken wijkgericht.}]",
    ),
    "Contract.strategische_doelen": (
        "de doelen van het programma (bij doelniveaus: 1 de enige laag doelen)",
        "[{id: I, titel: De stad is schoner}]",
    ),
    "Contract.inspanningen": (
        "wat het programma doet om de doelen te bereiken",
        "[{id: ins-1, titel: Educatieprojecten met scholen, doelen: [a]}]",
    ),
    "Contract.indicatoren": (
        "waaraan te zien is of een doel wordt bereikt",
        "[{id: scholen, naam: Aantal scholen, doel: a, richting: hoger}]",
    ),
    "Contract.middelen": ("het geld van het programma", "{begrotingen: []}"),
    "Contract.capaciteit": (
        "rollen en de uren die ze nodig hebben",
        "[{rol: Programmamanager, uren_per_week: 36}]",
    ),
    "Contract.capaciteit_toelichting": (
        "toelichting op de capaciteit (Markdown)",
        "Uren per week.",
    ),
    "Contract.risicos": ("risico's en hun beheersing", "[{titel: Te weinig deelnemers}]"),
    "Contract.relaties": (
        "relaties met andere programma's, ook buiten het portfolio",
        "[{programma: binnenstad}]",
    ),
    "Contract.wijken": ("wijken waarmee het programma een relatie heeft", "[{naam: Centrum}]"),
    "Contract.projecten": ("projecten met de rol van het programma", "[{naam: Schoolplein}]"),
    "Contract.kerncijfers": (
        "cijfers die het gebied of de doelgroep beschrijven",
        "[{naam: Inwoners, waarde: 73000, jaar: 2019}]",
    ),
    "Contract.stakeholders": ("betrokken partijen", "[Scholen, Afvalbedrijf]"),
    "Contract.verwachte_resultaten": (
        "resultaten van het programma als geheel, aan geen enkel doel gekoppeld",
        "[Minder zwerfafval in de binnenstad]",
    ),
    "Contract.verantwoording": (
        "per jaar de verantwoording van het programma",
        "{2020: {resultaten: Tien scholen deden mee.}}",
    ),
    # --- Rollen, Persoon, OverigeRol
    "Rollen.bestuurlijk_opdrachtgevers": (
        "de wethouder(s) of portefeuillehouder(s); 'onbekend' als de bron niemand noemt",
        "[{naam: A. de Wethouder}]",
    ),
    "Rollen.ambtelijk_opdrachtgever": ("ambtelijk opdrachtgever", "{naam: C. de Directeur}"),
    "Rollen.programmamanager": ("programmamanager", "{naam: B. de Manager}"),
    "Rollen.overige": (
        "andere rollen met hun personen",
        "[{rol: Strategisch adviseur, personen: [{naam: D. Adviseur}]}]",
    ),
    "Persoon.naam": ("naam; 'onbekend' als de bron alleen de functie noemt", "A. de Wethouder"),
    "Persoon.functie": ("functie of portefeuille", "wethouder Duurzaamheid"),
    "Persoon.email": ("e-mailadres", "a.dewethouder@voorbeeldstad.nl"),
    "Persoon.telefoon": ("telefoonnummer", "14 0546"),
    "OverigeRol.rol": ("naam van de rol", "Programmaondersteuner"),
    "OverigeRol.personen": ("personen in deze rol", "[{naam: E. Ondersteuner}]"),
    "OverigeRol.toelichting": ("toelichting op de rol (Markdown)", "Voor 8 uur per week."),
    # --- Periode, Hoofdstuk, Verantwoording
    "Periode.start": ("eerste jaar (of 'onbekend')", "2019"),
    "Periode.eind": ("laatste jaar, inbegrepen (of 'onbekend')", "2022"),
    "Hoofdstuk.titel": ("titel van het hoofdstuk", "Werkwijze"),
    "Hoofdstuk.tekst": ("tekst (Markdown)", "We werken wijkgericht."),
    "Verantwoording.resultaten": ("behaalde resultaten (Markdown)", "Tien scholen deden mee."),
    "Verantwoording.toelichting": (
        "toelichting, bijvoorbeeld waarom een doel niet is gehaald (Markdown)",
        "Door corona later gestart.",
    ),
    "Verantwoording.bron": ("waar de verantwoording staat", "Jaarverslag 2020"),
    # --- goals
    "StrategischDoel.id": ("id, door de auteur gekozen en stabiel", "I"),
    "StrategischDoel.titel": ("het doel zoals gedrukt", "De stad is schoner"),
    "StrategischDoel.toelichting": ("toelichting (Markdown)", "Schoon is de basis."),
    "StrategischDoel.operationele_doelen": (
        "de meetbare doelen onder dit doel (leeg bij doelniveaus: 1)",
        "[{id: a, titel: In 2022 doen 20 scholen mee}]",
    ),
    "StrategischDoel.verantwoording": (
        "per jaar de verantwoording van dit doel",
        "{2020: {resultaten: Op koers.}}",
    ),
    "StrategischDoel.subdoelen": (
        "een tussenlaag van strategische subdoelen",
        "[{id: I.1, titel: Schone straten}]",
    ),
    "Subdoel.id": ("id van het subdoel", "I.1"),
    "Subdoel.titel": ("het subdoel zoals gedrukt", "Schone straten"),
    "Subdoel.toelichting": ("toelichting (Markdown)", "Straten en pleinen."),
    "OperationeelDoel.id": ("id, door de auteur gekozen en stabiel", "a"),
    "OperationeelDoel.titel": ("het doel zoals gedrukt", "In 2022 doen 20 scholen mee"),
    "OperationeelDoel.toelichting": ("toelichting (Markdown)", "Basis- en middelbare scholen."),
    "OperationeelDoel.nog_te_bepalen": (
        "het doel of zijn indicator wordt nog uitgewerkt",
        "true",
    ),
    "OperationeelDoel.verwachte_resultaten": (
        "verwachte resultaten als lijst",
        "[Een lesprogramma over afval]",
    ),
    "OperationeelDoel.verantwoording": (
        "per jaar de verantwoording van dit doel",
        "{2020: {resultaten: Twaalf scholen.}}",
    ),
    "OperationeelDoel.subdoel": ("id van het subdoel waaronder dit doel valt", "I.1"),
    # --- inspanningen
    "Inspanning.id": ("id, door de auteur gekozen en stabiel", "ins-1"),
    "Inspanning.titel": ("de inspanning zoals gedrukt", "Educatieprojecten met scholen"),
    "Inspanning.beschrijving": ("beschrijving (Markdown)", "Lessen en een afvalrace."),
    "Inspanning.doelen": (
        "ids van de doelen waaraan ze bijdraagt; 'onbekend' als de bron het niet zegt",
        "[a, b]",
    ),
    "Inspanning.thema": ("spoor of thema", "Educatie"),
    "Inspanning.rol": ("rol van de gemeente", "regie"),
    "Inspanning.trekker": ("wie trekt", "Team Afval"),
    "Inspanning.stakeholders": ("betrokken partijen", "[Scholen]"),
    "Inspanning.planning": ("jaren of kwartalen", "[2019, 2020-Q3]"),
    "Inspanning.planning_toelichting": ("planning in woorden", "Start na de zomer"),
    "Inspanning.bedragen": ("geld per jaar", "{2019: 10000}"),
    "Inspanning.bedrag_toelichting": ("toelichting op de bedragen", "Uit het werkbudget"),
    "Inspanning.kleur": ("kleur van de aanpak in het model van De Caluwé", "groen"),
    "Inspanning.uitvoering": (
        "per jaar hoe de inspanning is verlopen (programmatool log)",
        "{2020: {status: loopt}}",
    ),
    "Uitvoering.status": ("hoe de inspanning dat jaar is verlopen", "gereed"),
    "Uitvoering.toelichting": ("wat er is gedaan (Markdown)", "Twaalf scholen deden mee."),
    "Uitvoering.besteed": ("wat er dat jaar aan is uitgegeven, in euro", "9500"),
    # --- indicators
    "Indicator.id": ("id, door de auteur gekozen en stabiel", "scholen"),
    "Indicator.naam": ("de indicator zoals gedrukt", "Aantal scholen dat meedoet"),
    "Indicator.doel": (
        "id van het doel dat de indicator meet; 'onbekend' als de bron het niet zegt",
        "a",
    ),
    "Indicator.eenheid": (
        "eenheid zoals gedrukt (%, m², rapportcijfer, …); 'onbekend' als de bron haar niet "
        "noemt; zonder eenheid staat het getal kaal en waarschuwt PT602",
        "'%'",
    ),
    "Indicator.meetsoort": (
        "getal, een woord op een schaal, of een mijlpaal met een datum",
        "getal",
    ),
    "Indicator.schaal": (
        "de woorden van de schaal, van slecht naar goed",
        "[laag, gemiddeld, hoog]",
    ),
    "Indicator.richting": (
        "is hoger of lager beter? Zonder dit veld alleen afgeleid als peil- en streefwaarden "
        "het laten zien (anders fout PT311)",
        "hoger",
    ),
    "Indicator.peilwaarde": ("de nulmeting", "5"),
    "Indicator.peiljaar": ("het jaar van de nulmeting (of 'onbekend')", "2018"),
    "Indicator.streefwaarden": ("streefwaarde per jaar", "{2019: 8, 2022: 20}"),
    "Indicator.streefwaarde_zonder_jaar": (
        "een streefwaarde die de bron zonder jaar noemt",
        "83",
    ),
    "Indicator.vergelijkingen": (
        "vergelijkingsreeksen: dezelfde maat elders, met naam en bron",
        "[{naam: Nederland, bron: CBS, waarden: {2019: 30}}]",
    ),
    "Indicator.realisaties": ("meting per jaar", "{2019: 9, 2020: {waarde: 11, bron: Monitor}}"),
    "Indicator.streefdatum": ("datum waarop een mijlpaal bereikt moet zijn", "2020-07-01"),
    "Indicator.streefjaar": (
        "jaar waarin een mijlpaal bereikt moet zijn, als de bron geen datum noemt",
        "2024",
    ),
    "Indicator.streefdatum_tekst": ("de streefdatum zoals gedrukt", "uiterlijk 1 juli 2020"),
    "Indicator.bron": ("waar de cijfers vandaan komen", "Gemeente Voorbeeldstad"),
    "Indicator.toelichting": ("toelichting (Markdown)", "Telling in oktober."),
    "Vergelijking.naam": (
        "waarmee wordt vergeleken",
        "vergelijkbare stedelijkheidsklasse",
    ),
    "Vergelijking.bron": ("bron van de vergelijking", "waarstaatjegemeente.nl"),
    "Vergelijking.waarden": ("waarde per jaar", "{2018: 30, 2019: 31}"),
    "Vergelijking.toelichting": ("toelichting (Markdown)", "Gemeenten van 50.000-100.000."),
    "Realisatie.waarde": ("de gemeten waarde", "11"),
    "Realisatie.datum": ("de datum waarop een mijlpaal is bereikt", "2020-06-30"),
    "Realisatie.behaald": ("een oordeel zonder getal", "true"),
    "Realisatie.bron": ("bron van deze meting", "Jaarverslag 2020"),
    "Realisatie.toelichting": ("toelichting (Markdown)", "Voorlopig cijfer."),
    "Realisatie.voorlopig": ("een voorlopig cijfer dat later wordt vervangen", "true"),
    "Realisatie.benadering": ("een benadering zoals de bron die geeft (ca. 8.000)", "true"),
    # --- money
    "Middelen.toelichting": ("toelichting op de middelen (Markdown)", "Bedragen in euro."),
    "Middelen.begrotingen": (
        "begrotingstabellen met totalen zoals gedrukt",
        "[{titel: Verdeling middelen, regels: []}]",
    ),
    "Middelen.overige": (
        "geld buiten de jaartabel: fondsen, eenmalige of ongedekte bedragen",
        "[{omschrijving: Revolverend fonds, bedrag: 50000, soort: fonds}]",
    ),
    "Middelen.spreidingen": (
        "een totaal verdeeld over jaren in percentages",
        "[{omschrijving: Invoeringskosten, totaal: 100000, jaren: {}}]",
    ),
    "Begroting.titel": ("titel van de tabel", "Verdeling middelen 2019-2022"),
    "Begroting.eenheid": ("eenheid van de bedragen", "euro"),
    "Begroting.regels": (
        "de regels van de tabel",
        "[{omschrijving: Educatie, bedragen: {2019: 10000}}]",
    ),
    "Begroting.totalen": ("het gedrukte totaal per jaar, ook als het niet klopt", "{2019: 10000}"),
    "Begroting.totaal": ("het gedrukte totaal over alle jaren", "40000"),
    "Begroting.toelichting": ("toelichting (Markdown)", "Exclusief btw."),
    "Begroting.beschikbaar": ("wat per jaar nog beschikbaar is, zoals gedrukt", "{2019: 5000}"),
    "Begrotingsregel.omschrijving": ("omschrijving van de regel", "Educatie"),
    "Begrotingsregel.bedragen": ("bedrag per jaar zoals gedrukt", "{2019: 10000, 2020: 10000}"),
    "Begrotingsregel.besteed": ("wat per jaar werkelijk is uitgegeven", "{2019: 9500}"),
    "Begrotingsregel.inspanningen": ("ids van de inspanningen die dit geld krijgen", "[ins-1]"),
    "Begrotingsregel.gedekt": ("false als het bedrag nog niet gedekt is", "false"),
    "Begrotingsregel.toelichting": ("toelichting (Markdown)", "Incidenteel."),
    "OverigBudget.omschrijving": ("omschrijving", "Revolverend fonds duurzaamheid"),
    "OverigBudget.bedrag": ("het bedrag (bij een bandbreedte de ondergrens)", "50000"),
    "OverigBudget.eenheid": ("eenheid van het bedrag", "euro"),
    "OverigBudget.jaar": ("het jaar", "2019"),
    "OverigBudget.soort": ("soort geld", "fonds"),
    "OverigBudget.toelichting": ("toelichting (Markdown)", "Leningen aan inwoners."),
    "OverigBudget.bedrag_tot": ("bovengrens van een bandbreedte", "34669"),
    "Spreiding.omschrijving": ("omschrijving", "Invoeringskosten Omgevingswet"),
    "Spreiding.eenheid": ("eenheid van de bedragen", "euro"),
    "Spreiding.totaal": ("het genoemde totaal", "2320000"),
    "Spreiding.jaren": (
        "per jaar het percentage en het bedrag",
        "{2019: {percentage: 25, bedrag: 580000}}",
    ),
    "Spreiding.toelichting": ("toelichting (Markdown)", "Volgens het rekenmodel van de VNG."),
    "SpreidingJaar.percentage": ("deel van het totaal in procenten", "25"),
    "SpreidingJaar.bedrag": ("het bedrag zoals gedrukt", "580000"),
    # --- capacity
    "Capaciteit.rol": ("de rol", "Programmamanager"),
    "Capaciteit.uren_per_week": ("uren per week: een getal of {van, tot}", "{van: 24, tot: 32}"),
    "Capaciteit.uren_totaal": ("uren in totaal", "400"),
    "Capaciteit.toelichting": ("toelichting", "Tijdelijk"),
    "Capaciteit.uren": ("uren zonder 'per week' of 'totaal', zoals gedrukt", "2"),
    "Uren.van": ("het aantal uren (bij een bereik de ondergrens)", "24"),
    "Uren.tot": ("bovengrens van een bereik", "32"),
    # --- surroundings
    "Risico.titel": ("het risico", "Te weinig deelnemers"),
    "Risico.beschrijving": ("beschrijving (Markdown)", "Scholen hebben weinig tijd."),
    "Risico.beheersmaatregel": ("hoe het risico wordt beheerst (Markdown)", "Vroeg plannen."),
    "Relatie.programma": ("code van een programma in het portfolio", "binnenstad"),
    "Relatie.naam": (
        "naam van het programma, vooral buiten het portfolio",
        "Regionale Energiestrategie",
    ),
    "Relatie.extern": (
        "true: een programma buiten het portfolio (geen PT401/PT403)",
        "true",
    ),
    "Relatie.organisatie": (
        "de organisatie van een programma buiten het portfolio",
        "Regio Twente",
    ),
    "Relatie.toelichting": ("toelichting (Markdown)", "Samen aan de warmtevisie."),
    "Wijk.naam": ("naam van de wijk", "Nieuwstraatkwartier"),
    "Wijk.toelichting": ("toelichting (Markdown)", "Wijkgericht werken."),
    "Project.naam": ("naam van het project", "Schoolplein vergroenen"),
    "Project.rol": ("rol van het programma", "afstemming"),
    "Project.trekker": ("wie trekt", "Team Groen"),
    "Project.doelen": ("ids van doelen", "[c]"),
    "Project.inspanningen": ("ids van inspanningen", "[ins-1]"),
    "Project.toelichting": ("toelichting (Markdown)", "Met de ouderraad."),
    "Kerncijfer.naam": ("wat het cijfer meet", "Gebruik van huisartsenzorg"),
    "Kerncijfer.waarde": ("de waarde", "81"),
    "Kerncijfer.vergelijking": ("de waarde om mee te vergelijken", "77"),
    "Kerncijfer.vergelijking_naam": ("waarmee wordt vergeleken", "Nederland"),
    "Kerncijfer.eenheid": ("eenheid", "'%'"),
    "Kerncijfer.jaar": ("jaar", "2018"),
    "Kerncijfer.bron": ("bron", "GGD"),
}


#: Model name → what it is, in Dutch (one line above its table).
MODELS: dict[str, str] = {
    "Contract": "Het contract zelf: de velden bovenaan het bestand.",
    "Periode": "De looptijd (`periode`), beide jaren inbegrepen; `periode: onbekend` mag ook.",
    "Rollen": "Wie het programma opdraagt en leidt (`rollen`).",
    "Persoon": "Een persoon; in plaats van een persoon mag `onbekend` staan.",
    "OverigeRol": "Een andere rol (`rollen.overige`).",
    "Hoofdstuk": "Lopende tekst zonder eigen veld (`hoofdstukken`).",
    "StrategischDoel": "Een doel (`strategische_doelen`); bij `doelniveaus: 1` de enige laag.",
    "OperationeelDoel": "Een meetbaar doel onder een strategisch doel (`operationele_doelen`).",
    "Verantwoording": "De verantwoording van één jaar (`verantwoording: {2020: …}`).",
    "Subdoel": "Een strategisch subdoel (`subdoelen`).",
    "Inspanning": "Wat het programma doet (`inspanningen`).",
    "Indicator": "Waaraan te zien is of een doel wordt bereikt (`indicatoren`).",
    "Vergelijking": "Een vergelijkingsreeks bij een indicator (`vergelijkingen`).",
    "Uitvoering": "Wat er in een jaar aan een inspanning is gedaan (`uitvoering: {2020: …}`).",
    "Realisatie": "Een meting (`realisaties: {2020: …}`); `2020: 12` is kort voor `{waarde: 12}`.",
    "Middelen": "Het geld (`middelen`).",
    "Begroting": "Een begrotingstabel (`middelen.begrotingen`), met de totalen zoals gedrukt.",
    "Begrotingsregel": "Een regel van een begrotingstabel (`regels`).",
    "OverigBudget": "Geld buiten de jaartabel (`middelen.overige`).",
    "Spreiding": "Een totaal verdeeld over jaren (`middelen.spreidingen`).",
    "SpreidingJaar": "Eén jaar van een spreiding.",
    "Capaciteit": "Een rol en de uren die hij nodig heeft (`capaciteit`).",
    "Uren": "Uren: een getal (`36`) of een bereik (`{van: 24, tot: 32}`).",
    "Risico": "Een risico (`risicos`).",
    "Relatie": (
        "Een relatie met een ander programma (`relaties`): met `programma` in het portfolio, of "
        "met `extern: true` en `naam` daarbuiten."
    ),
    "Wijk": "Een wijk (`wijken`).",
    "Project": "Een project (`projecten`).",
    "Kerncijfer": "Een kerncijfer van het gebied of de doelgroep (`kerncijfers`).",
}
