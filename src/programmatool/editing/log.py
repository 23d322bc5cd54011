"""What was done: per effort and year how it went, recorded with ``programmatool log``.

The entry is spliced into the contract text with :func:`recording.splice`, like a measurement,
so the rest of the file stays byte-identical; the new text is validated before it is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from programmatool.editing.guarded import (
    RecordProblem,
    resolve_target,
    write_files,
    writer_settings,
)
from programmatool.editing.record import entry_text, error_lines, lees_jaar, splice, verify_splice
from programmatool.loading import load_bytes
from programmatool.model.contract import Uitvoering
from programmatool.pipeline.run import EXIT_FINDINGS, Settings
from programmatool.progress.efforts import (
    STATUS_BETEKENIS,
)
from programmatool.text.numbers import FigureError, parse_number
from programmatool.text.suggest import did_you_mean


@dataclass(frozen=True)
class Gelogd:
    """What ``log`` wrote: where, and the exact line added."""

    bestand: str
    inspanning: str
    jaar: int
    regel: int
    tekst: str
    #: The report it replaced (``log --vervang``), as it stood in the file.
    oud: str | None = None

    def beschrijving(self) -> str:
        """``file:line: 2020: {…} (inspanning x)``, with ``old → new`` for a replacement."""
        text = f"{self.oud} → {self.tekst}" if self.oud is not None else self.tekst
        return f"{self.bestand}:{self.regel}: {text} (inspanning {self.inspanning})"


def lees_bedrag(tekst: str) -> int | float:
    """An amount in euro as a Dutch reader writes it: 12500, 12.500 or 12.500,50."""
    text = tekst.strip().removeprefix("€").strip()
    try:
        value = parse_number(text, max_decimals=2)
    except FigureError as exc:
        raise RecordProblem(
            f"--besteed verwacht een bedrag in euro zoals 12500, 12.500 of 12.500,50: {exc}"
        ) from None
    if value < 0:
        raise RecordProblem(f"--besteed verwacht een uitgegeven bedrag, gevonden '{tekst}'")
    return value


def log_effort(
    path: Path,
    inspanning_id: str,
    jaar: int | str,
    status: str,
    toelichting: str | None = None,
    besteed: str | None = None,
    replace: bool = False,
    config_path: Path | None = None,
) -> Gelogd:
    """Record how an effort went in a year (``replace``: instead of the report already there),
    under the configuration at ``config_path`` or the one found from here upward; raises
    :class:`RecordProblem` and leaves the file untouched when anything is wrong."""
    settings = writer_settings(config_path)
    name = path.as_posix()
    jaar = lees_jaar(jaar) if isinstance(jaar, str) else jaar
    target = resolve_target(path, settings)
    request = _Request(inspanning_id, jaar, status, toelichting, besteed, replace)
    done: Gelogd = write_files([(target, name, request)], _plan_log, settings)[0]
    return done


@dataclass(frozen=True)
class _Request:
    inspanning: str
    jaar: int
    status: str
    toelichting: str | None
    besteed: str | None
    replace: bool


def _plan_log(name: str, raw: bytes, request: _Request, settings: Settings) -> tuple[bytes, Gelogd]:
    """The file's new bytes with the report spliced in, validated (see :func:`write_files`)."""
    inspanning_id, jaar, replace = request.inspanning, request.jaar, request.replace
    status, toelichting, besteed = request.status, request.toelichting, request.besteed
    before = load_bytes(raw, name, settings.limits)
    if before.contract is None:
        raise RecordProblem(
            "\n".join([*error_lines(before), f"{name} bevat fouten; herstel die eerst"]),
            EXIT_FINDINGS,
        )
    contract = before.contract
    inspanning = next((i for i in contract.inspanningen if i.id == inspanning_id), None)
    if inspanning is None:
        ids = [i.id for i in contract.inspanningen]
        hint = did_you_mean(inspanning_id, ids)
        known = f" (bekend: {', '.join(ids)})" if ids and not hint else ""
        if not ids:
            known = " (het contract heeft geen inspanningen)"
        raise RecordProblem(f"{name}: onbekende inspanning '{inspanning_id}'{hint}{known}")
    if contract.periode.buiten(jaar):
        raise RecordProblem(
            f"{name}: jaar {jaar} valt buiten de looptijd van het programma "
            f"({contract.periode.tekst()})"
        )
    if jaar in inspanning.uitvoering and not replace:
        raise RecordProblem(
            f"{name}: inspanning {inspanning.id} heeft al een verslag over {jaar}; "
            "vervang dat met --vervang"
        )
    woord = status.strip().casefold()
    if woord not in STATUS_BETEKENIS:
        raise RecordProblem(
            f"status '{status}' bestaat niet; kies uit: {', '.join(STATUS_BETEKENIS)}"
        )
    fields: dict[str, object] = {"status": woord}
    if toelichting is not None:
        if not toelichting.strip():
            raise RecordProblem("--toelichting mag niet leeg zijn")
        fields["toelichting"] = toelichting.strip()
    if besteed is not None:
        fields["besteed"] = lees_bedrag(besteed)

    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3 if bom else 0 :].decode("utf-8")
    old = inspanning.uitvoering.get(jaar)
    oud = entry_text(jaar, old.model_dump(exclude_none=True)) if old is not None else None
    new_text, line = splice(
        text, inspanning.id, jaar, fields, lijst="inspanningen", sleutel="uitvoering", na=None
    )
    expected = contract.model_copy(deep=True)
    effort = next(i for i in expected.inspanningen if i.id == inspanning.id)
    effort.uitvoering[jaar] = Uitvoering.model_validate(fields)
    effort.uitvoering = dict(sorted(effort.uitvoering.items()))
    verify_splice(before, new_text, expected, name, "het verslag", "het verslag", settings)
    added = new_text.splitlines()[line - 1].strip()
    new = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
    return new, Gelogd(name, inspanning.id, jaar, line, added, oud)
