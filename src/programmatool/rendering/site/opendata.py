"""The portfolio's figures as open data: CSV and JSON per table, a Frictionless Data Package
descriptor (``datapackage.json``) and DCAT metadata (``catalogus.jsonld``, DCAT-AP-NL terms) that
a harvester such as data.overheid.nl reads. Pure: every value comes from the contracts, the
findings and the dates the pipeline read from git, never from the clock."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from programmatool.model.contract import Contract, Indicator
    from programmatool.model.findings import Finding

#: The folder of the open data inside the site.
DATA_FOLDER = "data"
#: Used when the configuration names no licence: public domain, as most Dutch open data.
DEFAULT_LICENCE = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
LICENCE_TITLE = {DEFAULT_LICENCE: "CC0 1.0"}


@dataclass
class Table:
    """One table of the open data: its name, what it holds, its columns and its rows."""

    naam: str
    titel: str
    beschrijving: str
    velden: list[tuple[str, str, str]]  # name, Frictionless type, description
    rijen: list[list[Any]]

    def csv(self) -> bytes:
        """The table as CSV (UTF-8, comma, header row); an absent value is an empty cell."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([naam for naam, _t, _b in self.velden])
        for rij in self.rijen:
            writer.writerow(["" if v is None else _cell(v) for v in rij])
        return buffer.getvalue().encode("utf-8")

    def json(self) -> bytes:
        """The table as a JSON array of objects, one per row."""
        names = [naam for naam, _t, _b in self.velden]
        data = [dict(zip(names, rij, strict=True)) for rij in self.rijen]
        return _dump(data)


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _dump(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def _number(value: Any) -> float | int | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def programme_table(contracts: list[Contract], statuses: dict[str, str]) -> Table:
    rows = [
        [
            c.code,
            c.programma,
            c.gemeente,
            c.periode.start if isinstance(c.periode.start, int) else None,
            c.periode.eind if isinstance(c.periode.eind, int) else None,
            c.status,
            c.versie,
            c.vastgesteld_op.isoformat() if c.vastgesteld_op else None,
            ", ".join(p.naam for p in c.rollen.bestuurlijk_opdrachtgevers),
            statuses.get(c.code) or None,
        ]
        for c in contracts
    ]
    return Table(
        "programmas",
        "Programma's",
        "Elk programma met zijn looptijd, status van het contract en voortgang.",
        [
            ("code", "string", "code van het programma"),
            ("programma", "string", "naam van het programma"),
            ("gemeente", "string", "gemeente"),
            ("start", "integer", "eerste jaar van de looptijd"),
            ("eind", "integer", "laatste jaar van de looptijd"),
            ("status", "string", "status van het contract (concept, vastgesteld, gewijzigd)"),
            ("versie", "string", "versie van het contract"),
            ("vastgesteld_op", "date", "datum van vaststelling"),
            ("portefeuillehouder", "string", "bestuurlijk opdrachtgever(s)"),
            ("voortgang", "string", "oordeel over het programma op de laatste metingen"),
        ],
        rows,
    )


def goal_table(contracts: list[Contract]) -> Table:
    rows: list[list[Any]] = []
    for c in contracts:
        for sd in c.strategische_doelen:
            rows.append([c.code, sd.id, "strategisch", None, sd.titel])
            for od in sd.operationele_doelen:
                rows.append([c.code, od.id, "operationeel", sd.id, od.titel])
    return Table(
        "doelen",
        "Doelen",
        "De strategische en operationele doelen van elk programma.",
        [
            ("programma", "string", "code van het programma"),
            ("doel", "string", "id van het doel"),
            ("niveau", "string", "strategisch of operationeel"),
            ("strategisch_doel", "string", "bij een operationeel doel: zijn strategische doel"),
            ("titel", "string", "het doel zoals gedrukt"),
        ],
        rows,
    )


def indicator_table(contracts: list[Contract], statuses: dict[tuple[str, str], str]) -> Table:
    rows = [
        [
            c.code,
            i.id,
            i.naam,
            i.doel,
            i.eenheid,
            i.meetsoort,
            i.richting,
            i.peiljaar if isinstance(i.peiljaar, int) else None,
            _number(i.peilwaarde),
            statuses.get((c.code, i.id)) or None,
            i.bron,
        ]
        for c in contracts
        for i in c.indicatoren
    ]
    return Table(
        "indicatoren",
        "Indicatoren",
        "De indicatoren van elk programma met hun peilwaarde en status.",
        [
            ("programma", "string", "code van het programma"),
            ("indicator", "string", "id van de indicator"),
            ("naam", "string", "naam van de indicator"),
            ("doel", "string", "id van het doel dat de indicator meet"),
            ("eenheid", "string", "eenheid"),
            ("meetsoort", "string", "soort meting"),
            ("richting", "string", "welke kant beter is"),
            ("peiljaar", "integer", "jaar van de nulmeting"),
            ("peilwaarde", "number", "de nulmeting (als getal)"),
            ("status", "string", "oordeel op de laatste meting"),
            ("bron", "string", "bron van de cijfers"),
        ],
        rows,
    )


def _series_rows(c: Contract, i: Indicator) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for jaar, waarde in sorted(i.streefwaarden.items()):
        rows.append([c.code, i.id, jaar, "streefwaarde", _number(waarde), _text(waarde), None])
    for jaar, r in sorted(i.realisaties.items()):
        rows.append(
            [
                c.code,
                i.id,
                jaar,
                "realisatie",
                _number(r.waarde),
                _text(r.waarde),
                bool(r.voorlopig),
            ]
        )
    return rows


def series_table(contracts: list[Contract]) -> Table:
    rows = [row for c in contracts for i in c.indicatoren for row in _series_rows(c, i)]
    return Table(
        "reeksen",
        "Streefwaarden en realisaties",
        "Per indicator en jaar de streefwaarde en de gemeten waarde, zoals gedrukt.",
        [
            ("programma", "string", "code van het programma"),
            ("indicator", "string", "id van de indicator"),
            ("jaar", "integer", "jaar"),
            ("soort", "string", "streefwaarde of realisatie"),
            ("waarde", "number", "de waarde als getal"),
            ("tekst", "string", "de waarde als woord (een waarde van de schaal, n.t.b., p.m.)"),
            ("voorlopig", "boolean", "bij een realisatie: een voorlopig cijfer"),
        ],
        rows,
    )


def budget_table(contracts: list[Contract]) -> Table:
    rows: list[list[Any]] = []
    for c in contracts:
        if c.middelen is None:
            continue
        for b in c.middelen.begrotingen:
            for regel in b.regels:
                for soort, bedragen in (
                    ("begroot", regel.bedragen),
                    ("gewijzigd", regel.gewijzigd),
                    ("besteed", regel.besteed),
                ):
                    for jaar, bedrag in sorted(bedragen.items()):
                        rows.append(
                            [c.code, b.titel, regel.omschrijving, jaar, soort, bedrag, b.eenheid]
                        )
    return Table(
        "begrotingen",
        "Begrotingen per jaar",
        "Elke begrotingsregel per jaar: begroot, na wijziging en besteed, zoals gedrukt "
        "(een totaal dat niet klopt, staat hier niet verbeterd).",
        [
            ("programma", "string", "code van het programma"),
            ("begroting", "string", "titel van de begrotingstabel"),
            ("regel", "string", "omschrijving van de regel"),
            ("jaar", "integer", "jaar"),
            ("soort", "string", "begroot, gewijzigd of besteed"),
            ("bedrag", "number", "het bedrag zoals gedrukt"),
            ("eenheid", "string", "eenheid van het bedrag"),
        ],
        rows,
    )


def finding_table(findings: list[Finding]) -> Table:
    rows = [[f.path, f.line, f.column, f.code, f.severity, f.message] for f in findings]
    return Table(
        "bevindingen",
        "Bevindingen van programmatool check",
        "Wat de controle van programmatool in de contracten vindt, met bestand en regel.",
        [
            ("bestand", "string", "het contractbestand"),
            ("regel", "integer", "regel in het bestand (0: onbekend)"),
            ("kolom", "integer", "kolom in de regel (0: onbekend)"),
            ("code", "string", "code van de regel (zie programmatool rules)"),
            ("ernst", "string", "fout, waarschuwing of info"),
            ("bericht", "string", "de bevinding"),
        ],
        rows,
    )


@dataclass
class Catalogue:
    """What the metadata says about the data set as a whole."""

    titel: str
    uitgever: str
    licentie: str
    gewijzigd: str | None  # ISO date of the newest commit of a contract, None outside git
    adres: str = ""  # where the site is put online ("" when not configured): absolute links


def datapackage(tables: list[Table], cat: Catalogue) -> bytes:
    """The Frictionless Data Package descriptor over the CSV files."""
    descriptor: dict[str, Any] = {
        "name": "programmacontracten",
        "title": cat.titel,
        "licenses": [
            {"path": cat.licentie, "title": LICENCE_TITLE.get(cat.licentie, cat.licentie)}
        ],
        "contributors": [{"title": cat.uitgever, "role": "publisher"}],
    }
    if cat.gewijzigd:
        descriptor["created"] = f"{cat.gewijzigd}T00:00:00Z"
    descriptor["resources"] = [
        {
            "name": t.naam,
            "title": t.titel,
            "description": t.beschrijving,
            "path": f"{t.naam}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [{"name": n, "type": typ, "description": b} for n, typ, b in t.velden]
            },
        }
        for t in tables
    ]
    return _dump(descriptor)


def dcat(tables: list[Table], cat: Catalogue) -> bytes:
    """DCAT metadata as JSON-LD (DCAT-AP-NL): catalogue, data set and a distribution per file."""
    base = cat.adres.rstrip("/") + "/" + DATA_FOLDER + "/" if cat.adres else ""
    distributions = [
        {
            "@type": "dcat:Distribution",
            "dct:title": f"{t.titel} ({fmt.upper()})",
            "dct:description": t.beschrijving,
            "dcat:accessURL": {"@id": f"{base}{t.naam}.{fmt}"},
            "dcat:downloadURL": {"@id": f"{base}{t.naam}.{fmt}"},
            "dcat:mediaType": mediatype,
            "dct:format": fmt.upper(),
            "dct:license": {"@id": cat.licentie},
        }
        for t in tables
        for fmt, mediatype in (("csv", "text/csv"), ("json", "application/json"))
    ]
    dataset: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "dct:title": cat.titel,
        "dct:description": (
            "Programmacontracten: programma's, doelen, indicatoren met hun streefwaarden en "
            "realisaties, begrotingen per jaar en de bevindingen van de controle."
        ),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": cat.uitgever},
        "dct:license": {"@id": cat.licentie},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dcat:keyword": ["programmabegroting", "programmacontract", "indicatoren", "begroting"],
        "dcat:distribution": distributions,
    }
    if cat.adres:
        dataset["dcat:landingPage"] = {"@id": cat.adres.rstrip("/") + "/data.html"}
    if cat.gewijzigd:
        dataset["dct:modified"] = {"@value": cat.gewijzigd, "@type": "xsd:date"}
    catalogue = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@type": "dcat:Catalog",
        "dct:title": f"Open data van {cat.uitgever}",
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": cat.uitgever},
        "dct:license": {"@id": cat.licentie},
        "dcat:dataset": [dataset],
    }
    return _dump(catalogue)


def data_files(tables: list[Table], cat: Catalogue) -> list[tuple[str, bytes]]:
    """Every open-data file with its path in the site."""
    files = []
    for t in tables:
        files.append((f"{DATA_FOLDER}/{t.naam}.csv", t.csv()))
        files.append((f"{DATA_FOLDER}/{t.naam}.json", t.json()))
    files.append((f"{DATA_FOLDER}/datapackage.json", datapackage(tables, cat)))
    files.append((f"{DATA_FOLDER}/catalogus.jsonld", dcat(tables, cat)))
    return files
