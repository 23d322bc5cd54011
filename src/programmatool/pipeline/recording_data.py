"""What a new measurement is checked against, per contract: its programme code, its period and
per indicator its kind, scale, years and measurements, kept as JSON data with every file's
cached outcome (see :mod:`programmatool.pipeline.recording`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from programmatool.model.periods import FOLLOW_UP_YEARS

if TYPE_CHECKING:
    from programmatool.model.contract import Contract, Realisatie

#: The key of the view in a file's cached summary.
SUMMARY_KEY = "vastleggen"
#: The key of :func:`data_digest` in the view.
DIGEST_KEY = "gegevens"


def pack_view(view: dict[str, Any]) -> str:
    """The view as one compact JSON text, as a file's summary keeps it: a check of thousands
    of contracts holds every file's summary, and one string is a small fraction of the dicts
    and lists it stands for (a few kilobytes instead of some seventeen per contract)."""
    import json

    return json.dumps(view, separators=(",", ":"), allow_nan=False)


def unpack_view(summary: dict[str, Any]) -> dict[str, Any]:
    """The view that :func:`pack_view` packed into a file's ``summary``; raises (KeyError,
    ValueError, TypeError) on anything else."""
    import json

    view = json.loads(summary[SUMMARY_KEY])
    if not isinstance(view, dict):
        raise TypeError("a view is a JSON object")
    return view


def data_digest(data: Any) -> str:
    """A digest of a contract's parsed data (plain dicts, lists, strings, numbers, in the
    order of the text): equal for equal data, so a writer can prove that its new text holds
    the old data plus its additions without parsing the old text again."""
    import hashlib

    text = repr(data).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=32).hexdigest()


def recording_summary(contract: Contract) -> dict[str, Any]:
    """What a new measurement in ``contract`` is checked against, as JSON data: the code, the
    period and per indicator its kind, scale, years and existing measurements."""
    return {
        "code": contract.code,
        "periode": contract.periode.model_dump(mode="json"),
        "indicatoren": [
            {
                "id": ind.id,
                "meetsoort": ind.meetsoort,
                "schaal": list(ind.schaal),
                "peiljaar": ind.peiljaar,
                "streefdatum": ind.streefdatum.isoformat() if ind.streefdatum else None,
                "streefwaarden": {str(jaar): w for jaar, w in ind.streefwaarden.items()},
                "realisaties": {
                    str(jaar): r.model_dump(mode="json", exclude_none=True)
                    for jaar, r in ind.realisaties.items()
                },
                # Which quarter or month stands for a year, and every one written: a new
                # measurement of a period may join them, one of the whole year may not.
                "periode_van": {
                    str(jaar): r.periode for jaar, r in ind.realisaties.items() if r.periode
                },
                "perioden": {
                    key: r.model_dump(mode="json", exclude_none=True)
                    for key, r in ind.perioden.items()
                },
            }
            for ind in contract.indicatoren
        ],
    }


class RecordingIndicator(Protocol):
    """What a new measurement is checked against: an :class:`Indicator`, or its view."""

    @property
    def id(self) -> str: ...
    @property
    def meetsoort(self) -> str: ...
    @property
    def schaal(self) -> list[str]: ...
    @property
    def peiljaar(self) -> int | str | None: ...
    @property
    def streefdatum(self) -> dt.date | None: ...
    @property
    def streefwaarden(self) -> Mapping[int, Any]: ...
    @property
    def realisaties(self) -> Mapping[int, Realisatie]: ...


class RecordingPeriod(Protocol):
    """The years a programme runs: a :class:`Periode`, or its view."""

    @property
    def start(self) -> int | str: ...
    @property
    def eind(self) -> int | str: ...


class RecordingContract(Protocol):
    """A :class:`Contract`, or its view (:func:`contract_from_summary`)."""

    @property
    def periode(self) -> RecordingPeriod: ...
    @property
    def indicatoren(self) -> Sequence[RecordingIndicator]: ...


class StoredRealisations(Mapping[Any, "Realisatie"]):
    """Measurements as the view kept them (JSON data), each made a :class:`Realisatie` only
    when it is looked up: a sheet's rows mostly add years that have none, so refusing a bad
    row never needs the model (nor Pydantic) at all. ``periode_van`` marks which quarter or
    month stands for a year, as the model does."""

    def __init__(self, data: dict[Any, Any], periode_van: Mapping[str, str] | None = None):
        self._data = data
        self._periode_van = periode_van or {}
        self._made: dict[Any, Realisatie] = {}

    def __getitem__(self, key: Any) -> Realisatie:
        made = self._made.get(key)
        if made is None:
            raw = self._data[key]  # a KeyError before the model is ever needed
            from programmatool.model.contract import Realisatie

            made = Realisatie.model_validate(raw)
            mark = self._periode_van.get(str(key))
            if mark:
                made._periode = str(mark)
            self._made[key] = made
        return made

    def __iter__(self) -> Iterator[Any]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: Any, default: Any = None) -> Any:
        # Mapping's own get goes through a KeyError for every year without a measurement.
        return self[key] if key in self._data else default


class IndicatorView(NamedTuple):
    """An indicator as :func:`recording_summary` kept it (a named tuple: an import makes one
    per indicator of every contract it checks rows against, and a tuple is made fastest)."""

    id: str
    meetsoort: str
    schaal: list[str]
    peiljaar: int | str | None
    streefdatum: dt.date | None
    streefwaarden: dict[int, Any]
    realisaties: Mapping[int, Realisatie]
    #: The measurements written per quarter or month (``2020-Q4``), as on the indicator.
    perioden: Mapping[str, Realisatie]


@dataclass(frozen=True)
class PeriodView:
    """A programme's period as :func:`recording_summary` kept it."""

    start: int | str
    eind: int | str


class ContractView:
    """A contract as :func:`recording_summary` kept it. Each indicator is made from the kept
    data when it is first asked for: a sheet's rows mostly name a few indicators of a contract,
    and an import checks rows against every contract of the portfolio."""

    __slots__ = ("_all", "_data", "_made", "code", "periode")

    def __init__(self, code: str, periode: PeriodView, items: list[dict[str, Any]]):
        self.code = code
        self.periode = periode
        # Per id the first indicator that has it, as a splice into the text finds it.
        self._data: dict[str, dict[str, Any]] = {}
        for item in items:
            self._data.setdefault(str(item["id"]), item)
        self._made: dict[str, IndicatorView] = {}
        self._all: list[dict[str, Any]] = items

    def indicator(self, ident: str) -> IndicatorView | None:
        """The (first) indicator with this id, or None; raises :class:`BrokenView` when the
        kept data is not what :func:`recording_summary` writes."""
        made = self._made.get(ident)
        if made is None:
            item = self._data.get(ident)
            if item is None:
                return None
            made = self._made[ident] = _indicator_view(item)
        return made

    @property
    def indicatoren(self) -> list[IndicatorView]:
        """Every indicator, in the order of the contract (see :meth:`indicator`)."""
        found = []
        for item in self._all:
            first = self._data[str(item["id"])] is item
            found.append(self.indicator(str(item["id"])) if first else _indicator_view(item))
        return [i for i in found if i is not None]


class BrokenView(Exception):
    """A kept view that :func:`recording_summary` did not write: whoever checked against it
    loads the file itself instead."""


def _indicator_view(item: dict[str, Any]) -> IndicatorView:
    try:
        return _make_indicator(item)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise BrokenView(f"indicator {item.get('id')!r}: {exc!r}") from None


def _make_indicator(item: dict[str, Any]) -> IndicatorView:
    return IndicatorView(
        id=str(item["id"]),
        meetsoort=item["meetsoort"],
        schaal=list(item["schaal"]),
        peiljaar=item["peiljaar"],
        streefdatum=dt.date.fromisoformat(item["streefdatum"]) if item["streefdatum"] else None,
        streefwaarden={int(j): w for j, w in item["streefwaarden"].items()},
        realisaties=StoredRealisations(
            {int(j): r for j, r in item["realisaties"].items()}, item["periode_van"]
        ),
        perioden=StoredRealisations(dict(item["perioden"])),
    )


def contract_from_summary(data: dict[str, Any]) -> ContractView:
    """The contract's view from what :func:`recording_summary` kept: enough to check a
    measurement against, nothing else. Raises (KeyError, ValueError, TypeError) on data it
    did not write; an indicator is made when it is asked for, and a measurement is checked by
    the model when it is looked up."""
    items = data["indicatoren"]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise TypeError("indicatoren is a list of objects")
    periode = data["periode"]
    start, eind = periode["start"], periode["eind"]
    if not all(isinstance(y, int | str) and not isinstance(y, bool) for y in (start, eind)):
        raise TypeError("een periode van jaartallen of 'onbekend'")
    return ContractView(str(data["code"]), PeriodView(start, eind), items)


def recording_years(contract: RecordingContract, indicator: RecordingIndicator) -> tuple[int, int]:
    """The years a measurement may be recorded for: from the earliest of the peiljaar, the
    measurements and the programme's start, to the latest of the targets and the measurements,
    or up to :data:`FOLLOW_UP_YEARS` after the programme's end (a final evaluation)."""
    low = [*indicator.realisaties, *indicator.streefwaarden]
    high = [*indicator.realisaties, *indicator.streefwaarden]
    if isinstance(contract.periode.start, int):
        low.append(contract.periode.start)
    if isinstance(contract.periode.eind, int):
        high.append(contract.periode.eind + FOLLOW_UP_YEARS)
    if isinstance(indicator.peiljaar, int):
        low.append(indicator.peiljaar)
    if indicator.streefdatum is not None:
        high.append(indicator.streefdatum.year)
    # A period that is still 'onbekend' bounds nothing; the other checks still apply.
    return min(low, default=1900), max(high, default=2200)
