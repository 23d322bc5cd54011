"""What changed in meaning between two versions of a contract; pure (no files, no git).

Goals, indicators and inspanningen are matched by id, budget tables by title and their lines by
description, people by name. Layout, comments, quoting, key order and the line breaks inside a
paragraph never show up: the comparison sees the models, and texts are compared word by word.
Every kind of change is a named check with a default severity (see ``CHECKS``); a team can
change a check's severity or switch it off in ``programmatool.toml`` (``[diff]``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from programmatool.diff.text import (
    date,
    euros,
    field_label,
    is_model,
    is_prose,
    jsonable,
    money,
    number,
    paragraphs,
    same,
    same_text,
    short,
    show,
    signed_money,
    value_text,
    word_summary,
)
from programmatool.text.formatting import hoeveel

if TYPE_CHECKING:
    # Only for types: the package imports this module at start-up, so it must stay light.
    from pydantic import BaseModel

    from programmatool.model.contract import (
        Begroting,
        Contract,
        Indicator,
        Inspanning,
        OperationeelDoel,
        OverigBudget,
        StrategischDoel,
    )

ChangeSeverity = Literal["belangrijk", "opmerking", "info"]
SEVERITIES: tuple[ChangeSeverity, ...] = ("belangrijk", "opmerking", "info")
PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Check:
    """A kind of change: a stable name, its default severity and what it means."""

    name: str
    severity: ChangeSeverity
    title: str


_CHECK_LIST = (
    Check("programma-toegevoegd", "opmerking", "Een nieuw programma"),
    Check("programma-verwijderd", "belangrijk", "Een programma is verdwenen"),
    Check("periode-gewijzigd", "belangrijk", "De looptijd is veranderd"),
    Check("status-gewijzigd", "opmerking", "De status (concept, vastgesteld, gewijzigd) is anders"),
    Check("doel-toegevoegd", "opmerking", "Een strategisch of operationeel doel is erbij gekomen"),
    Check("doel-verwijderd", "belangrijk", "Een strategisch of operationeel doel is verdwenen"),
    Check("doel-gewijzigd", "opmerking", "De formulering van een doel is veranderd"),
    Check("doel-verplaatst", "opmerking", "Een operationeel doel hangt onder een ander doel"),
    Check("doel-zonder-indicatoren", "belangrijk", "Een doel heeft na de wijziging geen indicator"),
    Check("indicator-toegevoegd", "opmerking", "Een indicator is erbij gekomen"),
    Check("indicator-verwijderd", "belangrijk", "Een indicator is verdwenen"),
    Check("ambitie-verlaagd", "belangrijk", "Een streefwaarde is minder ambitieus geworden"),
    Check("ambitie-verhoogd", "opmerking", "Een streefwaarde is ambitieuzer geworden"),
    Check("streefwaarde-gewijzigd", "opmerking", "Een streefwaarde is anders, niet te ordenen"),
    Check("streefwaarde-toegevoegd", "opmerking", "Een streefwaarde voor een jaar is erbij"),
    Check("streefwaarde-verwijderd", "belangrijk", "Een streefwaarde voor een jaar is verdwenen"),
    Check("richting-gewijzigd", "belangrijk", "Of hoger of lager beter is, is omgedraaid"),
    Check("peilwaarde-gewijzigd", "belangrijk", "De peilwaarde of het peiljaar is achteraf anders"),
    Check("peilwaarde-toegevoegd", "opmerking", "Een indicator heeft nu een peilwaarde"),
    Check("realisatie-gewijzigd", "belangrijk", "Een eerder vastgelegde meting is veranderd"),
    Check("realisatie-toegevoegd", "info", "Een nieuwe meting"),
    Check("mijlpaal-verschoven", "belangrijk", "De streefdatum van een mijlpaal is verschoven"),
    Check("inspanning-toegevoegd", "opmerking", "Een inspanning is erbij gekomen"),
    Check("inspanning-verwijderd", "opmerking", "Een inspanning is verdwenen"),
    Check("planning-verschoven", "opmerking", "De planning van een inspanning is verschoven"),
    Check("begroting-toegevoegd", "opmerking", "Een begrotingstabel is erbij gekomen"),
    Check("begroting-verwijderd", "belangrijk", "Een begrotingstabel is verdwenen"),
    Check("begrotingsregel-toegevoegd", "opmerking", "Een regel in een begroting is erbij"),
    Check("begrotingsregel-verwijderd", "opmerking", "Een regel in een begroting is verdwenen"),
    Check("bedrag-gewijzigd", "opmerking", "Een bedrag in een begroting of bij een inspanning"),
    Check("totaal-gewijzigd", "belangrijk", "Het totaal van een begroting in een jaar"),
    Check("rol-gewijzigd", "opmerking", "Een opdrachtgever, programmamanager of andere rol"),
    Check("onderdeel-toegevoegd", "info", "Een risico, relatie, project, kerncijfer enz. erbij"),
    Check("onderdeel-verwijderd", "opmerking", "Een risico, relatie, project, kerncijfer enz. weg"),
    Check("tekst-gewijzigd", "info", "Een tekst is anders geformuleerd (woorden, niet opmaak)"),
    Check("waarde-gewijzigd", "info", "Een ander gegeven is veranderd"),
)

#: Every kind of change by name, in the order the README lists them.
CHECKS: dict[str, Check] = {c.name: c for c in _CHECK_LIST}


@dataclass(frozen=True)
class Change:
    """One change in meaning, located by its path in the new (or, when removed, the old) file."""

    check: str
    subject: str
    message: str
    path: PathKey = ()
    side: Literal["oud", "nieuw"] = "nieuw"
    year: int | None = None
    old: Any = None
    new: Any = None
    difference: int | float | None = None
    severity: ChangeSeverity = "info"

    def text(self) -> str:
        """``subject: message`` as one line."""
        return f"{self.subject}: {self.message}" if self.subject else self.message


def diff(old: Contract, new: Contract) -> list[Change]:
    """Every change in meaning from ``old`` to ``new``, in document order, default severities."""
    return _Differ(old, new).run()


def with_severities(
    changes: Iterable[Change], levels: dict[str, ChangeSeverity | None] | None = None
) -> list[Change]:
    """Changes with the configured severity per check; a check set to ``None`` is left out."""
    out: list[Change] = []
    levels = levels or {}
    for change in changes:
        level = levels.get(change.check, CHECKS[change.check].severity)
        if level is not None:
            out.append(_replace(change, severity=level))
    return out


def _replace(change: Change, **values: Any) -> Change:
    from dataclasses import replace

    return replace(change, **values)


def _quarter(moment: int | str) -> tuple[int, int]:
    if isinstance(moment, int):
        return (moment, 4)
    year, quarter = moment.split("-Q")
    return (int(year), int(quarter))


def _moment(moment: int | str) -> str:
    return str(moment)


def _keyed(items: Sequence[Any], key: Callable[[Any], str]) -> dict[tuple[str, int], int]:
    """Index of each item by its key and its occurrence (a key used twice stays two items)."""
    seen: dict[str, int] = {}
    out: dict[tuple[str, int], int] = {}
    for index, item in enumerate(items):
        k = key(item)
        n = seen.get(k, 0)
        seen[k] = n + 1
        out[(k, n)] = index
    return out


def _pairs(
    old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], str]
) -> Iterator[tuple[int | None, int | None]]:
    """Matched (old index, new index) pairs in the new order, then the removed ones."""
    old_index = _keyed(old, key)
    new_index = _keyed(new, key)
    for k, j in new_index.items():
        yield old_index.get(k), j
    for k, i in old_index.items():
        if k not in new_index:
            yield i, None


# --- generic comparison of everything without a dedicated judgement ---------------------------

_LABELS = {
    "risicos": "risico",
    "relaties": "relatie",
    "wijken": "wijk",
    "projecten": "project",
    "kerncijfers": "kerncijfer",
    "stakeholders": "stakeholder",
    "capaciteit": "capaciteit",
    "hoofdstukken": "hoofdstuk",
    "overige": "rol",
    "doelen": "doel",
    "inspanningen": "inspanning",
    "schaal": "schaalwoord",
    "spreidingen": "spreiding",
    "subdoelen": "subdoel",
    "verwachte_resultaten": "verwacht resultaat",
    "personen": "persoon",
}

_ITEM_KEYS = ("id", "omschrijving", "titel", "naam", "rol", "programma")


def _item_key(item: Any) -> str:
    if isinstance(item, dict):
        for name in _ITEM_KEYS:
            if item.get(name) is not None:
                return str(item[name])
        return repr(sorted(item.items(), key=lambda kv: str(kv[0])))
    if isinstance(item, str):
        return " ".join(item.split())
    return repr(item)


def _item_label(item: Any) -> str:
    key = _item_key(item)
    return key if len(key) <= 60 else key[:57] + "…"


class _Differ:
    def __init__(self, old: Contract, new: Contract) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []

    def add(self, check: str, subject: str, message: str, path: PathKey, **extra: Any) -> None:
        self.changes.append(
            Change(check, subject, message, path, severity=CHECKS[check].severity, **extra)
        )

    def run(self) -> list[Change]:
        old, new = self.old, self.new
        handlers: dict[str, Callable[[], None]] = {
            "status": self.status,
            "periode": self.period,
            "rollen": self.roles,
            "strategische_doelen": self.goals,
            "indicatoren": self.indicators,
            "inspanningen": self.efforts,
            "middelen": self.money,
        }
        # Field by field in the model's order, so that changes come in the document's order.
        for name in type(new).model_fields:
            handler = handlers.get(name)
            if handler is not None:
                handler()
            else:
                self.generic(
                    _dump(getattr(old, name)), _dump(getattr(new, name)), (name,), "", name
                )
        return self.changes

    def period(self) -> None:
        old, new = self.old.periode, self.new.periode
        if (old.start, old.eind) != (new.start, new.eind):
            self.add(
                "periode-gewijzigd",
                "looptijd",
                f"{old.start}–{old.eind} → {new.start}–{new.eind}",
                ("periode",),
                old=[old.start, old.eind],
                new=[new.start, new.eind],
            )

    def status(self) -> None:
        if self.old.status != self.new.status:
            self.add(
                "status-gewijzigd",
                "status",
                f"{self.old.status} → {self.new.status}",
                ("status",),
                old=self.old.status,
                new=self.new.status,
            )

    # --- generic ---

    def model_fields(
        self,
        old: BaseModel,
        new: BaseModel,
        path: PathKey,
        subject: str,
        exclude: Iterable[str] = (),
    ) -> None:
        """Compare every field of two models that no dedicated judgement handles."""
        skip = set(exclude)
        for name in type(new).model_fields:
            if name in skip:
                continue
            a = _dump(getattr(old, name))
            b = _dump(getattr(new, name))
            self.generic(a, b, (*path, name), subject, name)

    def generic(self, a: Any, b: Any, path: PathKey, subject: str, name: str | int) -> None:
        label = field_label(name)
        where = f"{subject}, {label}" if subject else label
        if isinstance(a, dict) and isinstance(b, dict):
            keys = [*a, *(k for k in b if k not in a)]
            if _is_year_map(a, b):
                keys.sort()
            for key in keys:
                self.generic(a.get(key), b.get(key), (*path, key), where, key)
            return
        if isinstance(a, list) and isinstance(b, list):
            self.generic_list(a, b, path, subject, name)
            return
        if a is None and b is None:
            return
        if a is None or b is None or isinstance(a, dict | list) or isinstance(b, dict | list):
            if a is None and isinstance(b, list) and not b:
                return
            if b is None and isinstance(a, list) and not a:
                return
            self.presence(a, b, path, where)
            return
        if same(a, b):
            return
        if isinstance(a, str) and isinstance(b, str) and (is_prose(a) or is_prose(b)):
            self.add("tekst-gewijzigd", where, word_summary(a, b), path, old=a, new=b)
            return
        self.add(
            "waarde-gewijzigd",
            where,
            f"{show(a)} → {show(b)}",
            path,
            old=jsonable(a),
            new=jsonable(b),
        )

    def presence(self, a: Any, b: Any, path: PathKey, where: str) -> None:
        if a is None:
            message = f"nieuw: {show(b)}"
            if is_prose(b):
                message = word_summary(None, b)
            check = "tekst-gewijzigd" if is_prose(b) else "waarde-gewijzigd"
            self.add(check, where, message, path, new=jsonable(b))
        elif b is None:
            message = f"weg (was {show(a)})"
            if is_prose(a):
                message = word_summary(a, None)
            check = "tekst-gewijzigd" if is_prose(a) else "waarde-gewijzigd"
            self.add(check, where, message, path, side="oud", old=jsonable(a))
        else:
            self.add("waarde-gewijzigd", where, f"{show(a)} → {show(b)}", path)

    def generic_list(
        self, a: list[Any], b: list[Any], path: PathKey, subject: str, name: str | int
    ) -> None:
        noun = _LABELS.get(str(name), field_label(name))
        where = subject
        for i, j in _pairs(a, b, _item_key):
            if i is None and j is not None:
                self.add(
                    "onderdeel-toegevoegd",
                    _join(where, f"{noun} '{_item_label(b[j])}'"),
                    "toegevoegd",
                    (*path, j),
                    new=jsonable(b[j]),
                )
            elif j is None and i is not None:
                self.add(
                    "onderdeel-verwijderd",
                    _join(where, f"{noun} '{_item_label(a[i])}'"),
                    "verwijderd",
                    (*path, i),
                    side="oud",
                    old=jsonable(a[i]),
                )
            elif i is not None and j is not None and isinstance(b[j], dict):
                item_subject = _join(where, f"{noun} '{_item_label(b[j])}'")
                old_item, new_item = a[i], b[j]
                for key in [*old_item, *(k for k in new_item if k not in old_item)]:
                    self.generic(
                        old_item.get(key), new_item.get(key), (*path, j, key), item_subject, key
                    )

    # --- roles ---

    def roles(self) -> None:
        old, new = self.old.rollen, self.new.rollen
        base: PathKey = ("rollen",)

        def names(people: Iterable[Any]) -> str:
            return ", ".join(p.naam for p in people) or "niemand"

        pairs = [
            ("bestuurlijk_opdrachtgevers", "bestuurlijk opdrachtgevers"),
            ("ambtelijk_opdrachtgever", "ambtelijk opdrachtgever"),
            ("programmamanager", "programmamanager"),
        ]
        for name, label in pairs:
            a, b = getattr(old, name), getattr(new, name)
            la = a if isinstance(a, list) else ([a] if a is not None else [])
            lb = b if isinstance(b, list) else ([b] if b is not None else [])
            if [p.naam for p in la] != [p.naam for p in lb]:
                self.add(
                    "rol-gewijzigd",
                    label,
                    f"{names(la)} → {names(lb)}",
                    (*base, name),
                    old=[p.naam for p in la],
                    new=[p.naam for p in lb],
                )
                continue
            for index, (pa, pb) in enumerate(zip(la, lb, strict=True)):
                sub: PathKey = (*base, name, index) if isinstance(b, list) else (*base, name)
                self.model_fields(pa, pb, sub, f"{label} {pb.naam}")
        self.generic(_dump(old.overige), _dump(new.overige), (*base, "overige"), "", "overige")

    # --- goals ---

    def goals(self) -> None:
        old_sd = {sd.id: (i, sd) for i, sd in enumerate(self.old.strategische_doelen)}
        for j, sd in enumerate(self.new.strategische_doelen):
            path: PathKey = ("strategische_doelen", j)
            if sd.id not in old_sd:
                self.add(
                    "doel-toegevoegd",
                    f"strategisch doel {sd.id}",
                    f"nieuw: '{short(sd.titel)}'",
                    path,
                )
                continue
            before = old_sd[sd.id][1]
            self.goal_fields(before, sd, path, f"strategisch doel {sd.id}")
        new_sd_ids = {sd.id for sd in self.new.strategische_doelen}
        for i, sd in enumerate(self.old.strategische_doelen):
            if sd.id not in new_sd_ids:
                self.add(
                    "doel-verwijderd",
                    f"strategisch doel {sd.id}",
                    f"verwijderd: '{short(sd.titel)}'",
                    ("strategische_doelen", i),
                    side="oud",
                )
        old_od = _operational(self.old)
        new_od = _operational(self.new)
        for od_id, (path, parent, od) in new_od.items():
            if od_id not in old_od:
                self.add("doel-toegevoegd", f"doel {od_id}", f"nieuw: '{short(od.titel)}'", path)
                continue
            _old_path, old_parent, old_goal = old_od[od_id]
            if old_parent != parent:
                self.add(
                    "doel-verplaatst",
                    f"doel {od_id}",
                    f"hoort nu bij strategisch doel {parent} (was {old_parent})",
                    path,
                    old=old_parent,
                    new=parent,
                )
            self.goal_fields(old_goal, od, path, f"doel {od_id}")
        for od_id, (path, _parent, od) in old_od.items():
            if od_id not in new_od:
                self.add(
                    "doel-verwijderd", f"doel {od_id}", f"verwijderd: '{short(od.titel)}'", path,
                    side="oud",
                )  # fmt: skip
        self.goals_without_indicators(old_od, new_od)

    def goal_fields(
        self,
        old: StrategischDoel | OperationeelDoel,
        new: StrategischDoel | OperationeelDoel,
        path: PathKey,
        subject: str,
    ) -> None:
        if not same_text(old.titel, new.titel):
            self.add(
                "doel-gewijzigd",
                subject,
                word_summary(old.titel, new.titel),
                (*path, "titel"),
                old=old.titel,
                new=new.titel,
            )
        self.model_fields(old, new, path, subject, exclude={"id", "titel", "operationele_doelen"})

    def goals_without_indicators(
        self,
        old_od: dict[str, tuple[PathKey, str, OperationeelDoel]],
        new_od: dict[str, tuple[PathKey, str, OperationeelDoel]],
    ) -> None:
        def measured(contract: Contract) -> dict[str, int]:
            counts: dict[str, int] = {}
            for ind in contract.indicatoren:
                counts[ind.doel] = counts.get(ind.doel, 0) + 1
            return counts

        before, after = measured(self.old), measured(self.new)
        for od_id, (path, _parent, od) in new_od.items():
            if after.get(od_id) or od.nog_te_bepalen:
                continue
            if od_id in old_od and before.get(od_id):
                count = before[od_id]
                self.add(
                    "doel-zonder-indicatoren",
                    f"doel {od_id}",
                    f"heeft geen indicator meer (had er {count})",
                    path,
                    old=count,
                    new=0,
                )
            elif od_id not in old_od:
                self.add(
                    "doel-zonder-indicatoren",
                    f"doel {od_id}",
                    "nieuw doel zonder indicator",
                    path,
                    old=None,
                    new=0,
                )
        # A strategic goal is often measured through its operational goals; only one that was
        # measured directly and no longer is, is reported.
        for j, sd in enumerate(self.new.strategische_doelen):
            count = before.get(sd.id, 0)
            if count and not after.get(sd.id) and sd.id not in new_od:
                self.add(
                    "doel-zonder-indicatoren",
                    f"strategisch doel {sd.id}",
                    f"heeft geen indicator meer (had er {count})",
                    ("strategische_doelen", j),
                    old=count,
                    new=0,
                )

    # --- indicators ---

    def indicators(self) -> None:
        old = {ind.id: (i, ind) for i, ind in enumerate(self.old.indicatoren)}
        new_ids = set()
        for j, ind in enumerate(self.new.indicatoren):
            new_ids.add(ind.id)
            path: PathKey = ("indicatoren", j)
            subject = f"indicator '{ind.id}' ({short(ind.naam)})"
            if ind.id not in old:
                self.add("indicator-toegevoegd", subject, f"nieuw, meet doel {ind.doel}", path)
                continue
            self.indicator(old[ind.id][1], ind, path, subject)
        for i, ind in enumerate(self.old.indicatoren):
            if ind.id not in new_ids:
                self.add(
                    "indicator-verwijderd",
                    f"indicator '{ind.id}' ({short(ind.naam)})",
                    f"verwijderd (mat doel {ind.doel})",
                    ("indicatoren", i),
                    side="oud",
                )

    def indicator(self, old: Indicator, new: Indicator, path: PathKey, subject: str) -> None:
        # The direction that counts is the derived one (the model's bepaalde_richting): a
        # direction written out where it was derived before is no change in meaning.
        old_direction, new_direction = _direction(old), _direction(new)
        if old_direction != new_direction:
            self.add(
                "richting-gewijzigd",
                subject,
                f"{_richting(old_direction)} → {_richting(new_direction)}",
                (*path, "richting"),
                old=old_direction,
                new=new_direction,
            )
        self.targets(old, new, path, subject)
        if not same(old.peilwaarde, new.peilwaarde) or old.peiljaar != new.peiljaar:
            before = _baseline(old)
            after = _baseline(new)
            if old.peilwaarde is None and old.peiljaar is None:
                self.add(
                    "peilwaarde-toegevoegd", subject, f"peilwaarde {after}", (*path, "peilwaarde"),
                    new=jsonable(new.peilwaarde), year=new.peiljaar,
                )  # fmt: skip
            else:
                self.add(
                    "peilwaarde-gewijzigd",
                    subject,
                    f"peilwaarde achteraf gewijzigd: {before} → {after}",
                    (*path, "peilwaarde") if new.peilwaarde is not None else path,
                    old=jsonable(old.peilwaarde),
                    new=jsonable(new.peilwaarde),
                    year=new.peiljaar,
                )
        if old.streefdatum != new.streefdatum:
            if old.streefdatum and new.streefdatum:
                days = (new.streefdatum - old.streefdatum).days
                way = f"{hoeveel(abs(days), 'dag', 'dagen')} {'later' if days > 0 else 'eerder'}"
            else:
                days = None
                way = "nieuw" if old.streefdatum is None else "vervallen"
            self.add(
                "mijlpaal-verschoven",
                subject,
                f"streefdatum {date(old.streefdatum)} → {date(new.streefdatum)} ({way})",
                (*path, "streefdatum"),
                old=jsonable(old.streefdatum),
                new=jsonable(new.streefdatum),
                difference=days,
            )
        if old.streefjaar != new.streefjaar:
            # A milestone due "in 2024": it moves by whole years, never by invented days.
            if old.streefjaar and new.streefjaar:
                years = new.streefjaar - old.streefjaar
                way = f"{abs(years)} jaar {'later' if years > 0 else 'eerder'}"
            else:
                way = "nieuw" if old.streefjaar is None else "vervallen"
            self.add(
                "mijlpaal-verschoven",
                subject,
                f"streefjaar {old.streefjaar or '–'} → {new.streefjaar or '–'} ({way})",
                (*path, "streefjaar"),
                old=old.streefjaar,
                new=new.streefjaar,
            )
        self.realisations(old, new, path, subject)
        self.model_fields(
            old,
            new,
            path,
            subject,
            exclude={
                "id",
                "richting",
                "streefwaarden",
                "peilwaarde",
                "peiljaar",
                "streefdatum",
                "streefjaar",
                "realisaties",
            },
        )

    def targets(self, old: Indicator, new: Indicator, path: PathKey, subject: str) -> None:
        direction = _direction(new)
        better = _richting(direction)
        # Where the direction itself turned, a moved target is no more or less ambitious.
        judged = direction in ("hoger", "lager") and direction == _direction(old)
        for year in sorted({*old.streefwaarden, *new.streefwaarden}):
            a = old.streefwaarden.get(year)
            b = new.streefwaarden.get(year)
            where: PathKey = (*path, "streefwaarden", year)
            if a is None and b is not None:
                self.add(
                    "streefwaarde-toegevoegd", subject,
                    f"streefwaarde {year}: {value_text(b, new.eenheid)}", where, year=year,
                    new=jsonable(b),
                )  # fmt: skip
                continue
            if b is None and a is not None:
                self.add(
                    "streefwaarde-verwijderd", subject,
                    f"streefwaarde {year} vervallen (was {value_text(a, old.eenheid)})",
                    (*path, "streefwaarden"), year=year, old=jsonable(a),
                )  # fmt: skip
                continue
            if a is None or b is None or same(a, b):
                continue
            shown = f"{value_text(a, old.eenheid)} → {value_text(b, new.eenheid)} in {year}"
            order = _order(a, b, new)
            if order is None:
                self.add(
                    "streefwaarde-gewijzigd", subject, f"streefwaarde {shown}", where,
                    year=year, old=jsonable(a), new=jsonable(b),
                )  # fmt: skip
                continue
            if not judged:
                self.add(
                    "streefwaarde-gewijzigd", subject, f"streefwaarde {shown}, {better}", where,
                    year=year, old=jsonable(a), new=jsonable(b),
                )  # fmt: skip
                continue
            more_ambitious = order > 0 if direction == "hoger" else order < 0
            na, nb = number(a), number(b)
            difference = nb - na if na is not None and nb is not None else None
            if more_ambitious:
                check, words = "ambitie-verhoogd", "ambitie verhoogd"
            else:
                check, words = "ambitie-verlaagd", "ambitie verlaagd"
            self.add(
                check,
                subject,
                f"{words}: {shown}, {better}",
                where,
                year=year,
                old=jsonable(a),
                new=jsonable(b),
                difference=difference,
            )

    def realisations(self, old: Indicator, new: Indicator, path: PathKey, subject: str) -> None:
        for year in sorted({*old.realisaties, *new.realisaties}):
            a = old.realisaties.get(year)
            b = new.realisaties.get(year)
            where: PathKey = (*path, "realisaties", year)
            if a is None and b is not None:
                shown = value_text(b.waarde, new.eenheid) if b.waarde is not None else "oordeel"
                self.add(
                    "realisatie-toegevoegd", subject, f"meting {year}: {shown}", where,
                    year=year, new=jsonable(b.waarde),
                )  # fmt: skip
                continue
            if b is None and a is not None:
                self.add(
                    "realisatie-gewijzigd", subject, f"meting {year} verwijderd", path,
                    year=year, old=jsonable(a.waarde),
                )  # fmt: skip
                continue
            assert a is not None and b is not None
            if not same(a.waarde, b.waarde) or a.behaald != b.behaald or a.datum != b.datum:
                before = _realisation(a, old.eenheid)
                after = _realisation(b, new.eenheid)
                self.add(
                    "realisatie-gewijzigd", subject,
                    f"meting {year} achteraf gewijzigd: {before} → {after}", where,
                    year=year, old=jsonable(a.waarde), new=jsonable(b.waarde),
                )  # fmt: skip
            self.model_fields(
                a, b, where, f"{subject}, meting {year}", exclude={"waarde", "behaald", "datum"}
            )

    # --- inspanningen ---

    def efforts(self) -> None:
        old = {ins.id: (i, ins) for i, ins in enumerate(self.old.inspanningen)}
        new_ids = set()
        for j, ins in enumerate(self.new.inspanningen):
            new_ids.add(ins.id)
            path: PathKey = ("inspanningen", j)
            subject = f"inspanning '{ins.id}'"
            if ins.id not in old:
                self.add("inspanning-toegevoegd", subject, f"nieuw: '{short(ins.titel)}'", path)
                continue
            self.effort(old[ins.id][1], ins, path, subject)
        for i, ins in enumerate(self.old.inspanningen):
            if ins.id not in new_ids:
                self.add(
                    "inspanning-verwijderd",
                    f"inspanning '{ins.id}'",
                    f"verwijderd: '{short(ins.titel)}'",
                    ("inspanningen", i),
                    side="oud",
                )

    def effort(self, old: Inspanning, new: Inspanning, path: PathKey, subject: str) -> None:
        if [str(m) for m in old.planning] != [str(m) for m in new.planning]:
            way = "gewijzigd"
            if old.planning and new.planning:
                end_a = max(_quarter(m) for m in old.planning)
                end_b = max(_quarter(m) for m in new.planning)
                start_a = min(_quarter(m) for m in old.planning)
                start_b = min(_quarter(m) for m in new.planning)
                if end_b > end_a or (end_b == end_a and start_b > start_a):
                    way = "later"
                elif end_b < end_a or start_b < start_a:
                    way = "eerder"
            shown_a = ", ".join(_moment(m) for m in old.planning) or "geen"
            shown_b = ", ".join(_moment(m) for m in new.planning) or "geen"
            self.add(
                "planning-verschoven",
                subject,
                f"planning {shown_a} → {shown_b} ({way})",
                (*path, "planning"),
                old=[jsonable(m) for m in old.planning],
                new=[jsonable(m) for m in new.planning],
            )
        self.amounts(old.bedragen, new.bedragen, "euro", (*path, "bedragen"), f"{subject}, bedrag")
        self.model_fields(old, new, path, subject, exclude={"id", "planning", "bedragen"})

    # --- money ---

    def amounts(
        self,
        old: dict[int, int | float],
        new: dict[int, int | float],
        eenheid: str,
        path: PathKey,
        subject: str,
        old_eenheid: str | None = None,
    ) -> None:
        before_unit = old_eenheid or eenheid
        for year in sorted({*old, *new}):
            a = old.get(year)
            b = new.get(year)
            ea = euros(a, before_unit) if a is not None else 0
            eb = euros(b, eenheid) if b is not None else 0
            if a is not None and b is not None and same(ea, eb):
                continue
            shown_a = money(a, before_unit) if a is not None else "geen"
            shown_b = money(b, eenheid) if b is not None else "geen"
            difference = eb - ea
            unit = "euro" if eenheid == "duizend_euro" else eenheid
            # Year 0 stands for an amount that belongs to no year (a printed grand total).
            self.add(
                "bedrag-gewijzigd",
                f"{subject} {year}" if year else subject,
                f"{shown_a} → {shown_b} ({signed_money(difference, unit)})",
                (*path, year) if b is not None and year else path,
                year=year or None,
                old=euros(a, before_unit) if a is not None else None,
                new=euros(b, eenheid) if b is not None else None,
                difference=difference,
            )

    def money(self) -> None:
        old_m, new_m = self.old.middelen, self.new.middelen
        if old_m is None and new_m is None:
            return
        old_b = old_m.begrotingen if old_m else []
        new_b = new_m.begrotingen if new_m else []
        base: PathKey = ("middelen", "begrotingen")
        for i, j in _pairs(old_b, new_b, lambda b: " ".join(b.titel.split())):
            if i is None and j is not None:
                table = new_b[j]
                self.add(
                    "begroting-toegevoegd",
                    f"begroting '{table.titel}'",
                    f"nieuw; {_totals_text(table)}",
                    (*base, j),
                )
            elif j is None and i is not None:
                table = old_b[i]
                self.add(
                    "begroting-verwijderd",
                    f"begroting '{table.titel}'",
                    f"verwijderd; was {_totals_text(table)}",
                    (*base, i),
                    side="oud",
                )
            elif i is not None and j is not None:
                self.table(old_b[i], new_b[j], (*base, j))
        if old_m is not None and new_m is not None:
            self.other_money(old_m.overige, new_m.overige)
            self.model_fields(
                old_m, new_m, ("middelen",), "middelen", exclude={"begrotingen", "overige"}
            )
        elif new_m is not None:
            self.add("onderdeel-toegevoegd", "middelen", "toegevoegd", ("middelen",))
        else:
            self.add("onderdeel-verwijderd", "middelen", "verwijderd", ("middelen",), side="oud")

    def other_money(self, old: Sequence[OverigBudget], new: Sequence[OverigBudget]) -> None:
        """Funds and one-off amounts outside the tables, matched by description, in euros."""
        base: PathKey = ("middelen", "overige")
        removed = [i for i, j in _pairs(old, new, _description) if j is None and i is not None]
        for i, j in _pairs(old, new, _description):
            if j is None:
                continue
            item = new[j]
            subject = f"overige middelen '{short(item.omschrijving)}'"
            if i is None:
                self.add("onderdeel-toegevoegd", subject, _other_text(item), (*base, j))
                continue
            before = old[i]
            for name in ("bedrag", "bedrag_tot"):
                a, b = getattr(before, name), getattr(item, name)
                self.amounts(
                    {0: a} if a is not None else {}, {0: b} if b is not None else {},
                    item.eenheid, (*base, j, name),
                    subject if name == "bedrag" else f"{subject}, bovengrens", before.eenheid,
                )  # fmt: skip
            self.model_fields(
                before, item, (*base, j), subject,
                exclude={"omschrijving", "bedrag", "bedrag_tot", "eenheid"},
            )  # fmt: skip
        for i in removed:
            item = old[i]
            self.add(
                "onderdeel-verwijderd",
                f"overige middelen '{short(item.omschrijving)}'",
                f"verwijderd; was {_other_text(item)}",
                (*base, i),
                side="oud",
            )

    def table(self, old: Begroting, new: Begroting, path: PathKey) -> None:
        subject = f"begroting '{new.titel}'"
        if old.eenheid != new.eenheid:
            self.add(
                "waarde-gewijzigd", subject, f"eenheid {old.eenheid} → {new.eenheid}",
                (*path, "eenheid"), old=old.eenheid, new=new.eenheid,
            )  # fmt: skip
        for i, j in _pairs(old.regels, new.regels, lambda r: " ".join(r.omschrijving.split())):
            if i is None and j is not None:
                line = new.regels[j]
                self.add(
                    "begrotingsregel-toegevoegd",
                    f"{subject}, regel '{line.omschrijving}'",
                    f"nieuw; {_amounts_text(line.bedragen, new.eenheid)}",
                    (*path, "regels", j),
                )
            elif j is None and i is not None:
                line = old.regels[i]
                self.add(
                    "begrotingsregel-verwijderd",
                    f"{subject}, regel '{line.omschrijving}'",
                    f"verwijderd; was {_amounts_text(line.bedragen, old.eenheid)}",
                    (*path, "regels", i),
                    side="oud",
                )
            elif i is not None and j is not None:
                a, b = old.regels[i], new.regels[j]
                line_subject = f"{subject}, regel '{b.omschrijving}'"
                line_path: PathKey = (*path, "regels", j)
                self.amounts(
                    a.bedragen, b.bedragen, new.eenheid, (*line_path, "bedragen"),
                    line_subject, old.eenheid,
                )  # fmt: skip
                self.amounts(
                    a.besteed, b.besteed, new.eenheid, (*line_path, "besteed"),
                    f"{line_subject}, besteed", old.eenheid,
                )  # fmt: skip
                self.model_fields(
                    a, b, line_path, line_subject, exclude={"omschrijving", "bedragen", "besteed"}
                )
        before, after = _year_totals(old), _year_totals(new)
        for year in sorted({*before, *after}):
            a_total = before.get(year)
            b_total = after.get(year)
            ea = euros(a_total, old.eenheid) if a_total is not None else 0
            eb = euros(b_total, new.eenheid) if b_total is not None else 0
            if same(ea, eb) and (a_total is None) == (b_total is None):
                continue
            unit = "euro" if new.eenheid == "duizend_euro" else new.eenheid
            shown_a = money(a_total, old.eenheid) if a_total is not None else "geen"
            shown_b = money(b_total, new.eenheid) if b_total is not None else "geen"
            where: PathKey = (*path, "totalen", year) if year in new.totalen else path
            self.add(
                "totaal-gewijzigd",
                f"{subject}, totaal {year}",
                f"{shown_a} → {shown_b} ({signed_money(eb - ea, unit)})",
                where,
                year=year,
                old=ea if a_total is not None else None,
                new=eb if b_total is not None else None,
                difference=eb - ea,
            )
        self.amounts(
            old.beschikbaar, new.beschikbaar, new.eenheid, (*path, "beschikbaar"),
            f"{subject}, beschikbaar", old.eenheid,
        )  # fmt: skip
        if old.totaal is not None or new.totaal is not None:
            self.amounts(
                {0: old.totaal} if old.totaal is not None else {},
                {0: new.totaal} if new.totaal is not None else {},
                new.eenheid, (*path, "totaal"), f"{subject}, totaal alle jaren", old.eenheid,
            )  # fmt: skip
        self.model_fields(
            old,
            new,
            path,
            subject,
            exclude={"titel", "eenheid", "regels", "totalen", "beschikbaar", "totaal"},
        )


# --- helpers ----------------------------------------------------------------------------------


def _operational(contract: Contract) -> dict[str, tuple[PathKey, str, OperationeelDoel]]:
    out: dict[str, tuple[PathKey, str, OperationeelDoel]] = {}
    for i, sd in enumerate(contract.strategische_doelen):
        for j, od in enumerate(sd.operationele_doelen):
            out.setdefault(od.id, (("strategische_doelen", i, "operationele_doelen", j), sd.id, od))
    return out


def _description(item: OverigBudget) -> str:
    return " ".join(item.omschrijving.split())


def _other_text(item: OverigBudget) -> str:
    if item.bedrag is None:
        return f"geen bedrag ({item.soort})"
    amount = money(item.bedrag, item.eenheid)
    if item.bedrag_tot is not None:
        amount += f" tot {money(item.bedrag_tot, item.eenheid)}"
    return f"{amount}{f' in {item.jaar}' if item.jaar else ''} ({item.soort})"


def _year_totals(table: Begroting) -> dict[int, int | float]:
    """The table's total per year: as printed where printed, else the sum of its lines."""
    totals: dict[int, int | float] = dict(table.som_per_jaar())
    totals.update(table.totalen)
    return totals


def _totals_text(table: Begroting) -> str:
    totals = _year_totals(table)
    if not totals:
        return "geen bedragen"
    return "totaal " + _amounts_text(totals, table.eenheid)


def _amounts_text(amounts: dict[int, int | float], eenheid: str) -> str:
    if not amounts:
        return "geen bedragen"
    return ", ".join(f"{year}: {money(value, eenheid)}" for year, value in sorted(amounts.items()))


def _order(a: Any, b: Any, indicator: Indicator) -> int | None:
    """+1 when ``b`` is higher than ``a``, -1 when lower, None when they cannot be ordered."""
    na, nb = number(a), number(b)
    if na is not None and nb is not None:
        return (nb > na) - (nb < na)
    if indicator.schaal and a in indicator.schaal and b in indicator.schaal:
        ia, ib = indicator.schaal.index(a), indicator.schaal.index(b)
        # A scale runs from bad to good: a higher position is better, whatever ``richting`` says.
        step = (ib > ia) - (ib < ia)
        return step if _direction(indicator) != "lager" else -step
    return None


def _baseline(indicator: Indicator) -> str:
    value = value_text(indicator.peilwaarde, indicator.eenheid)
    return f"{value} ({indicator.peiljaar})" if indicator.peiljaar else value


def _direction(indicator: Indicator) -> str | None:
    """The direction that counts as better, as the verdicts use it: written, or derived from the
    scale, the milestone or the peil- and streefwaarden; ``onbekend`` where written as unknown."""
    direction, how = indicator.bepaalde_richting()
    if direction is None:
        return "onbekend" if how == "onbekend" else None
    return direction


def _richting(richting: str | None) -> str:
    """A direction in words; an unset one is not "None is beter"."""
    return {
        "hoger": "hoger is beter",
        "lager": "lager is beter",
        "onbekend": "onbekend of hoger of lager beter is",
    }.get(richting or "", "richting niet opgegeven")


def _realisation(realisatie: Any, eenheid: str | None) -> str:
    parts = []
    if realisatie.waarde is not None:
        parts.append(value_text(realisatie.waarde, eenheid))
    if realisatie.datum is not None:
        parts.append(date(realisatie.datum))
    if realisatie.behaald is not None:
        parts.append("behaald" if realisatie.behaald else "niet behaald")
    return ", ".join(parts) or "geen waarde"


def _join(subject: str, part: str) -> str:
    return f"{subject}, {part}" if subject else part


def _dump(value: Any) -> Any:
    if is_model(value):
        return value.model_dump(mode="python")
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _is_year_map(a: dict[Any, Any], b: dict[Any, Any]) -> bool:
    keys = [*a, *b]
    return bool(keys) and all(isinstance(k, int) for k in keys)


__all__ = [
    "CHECKS",
    "SEVERITIES",
    "Change",
    "ChangeSeverity",
    "Check",
    "diff",
    "paragraphs",
    "same_text",
    "with_severities",
    "word_summary",
]
