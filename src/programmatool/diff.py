"""What changed in meaning between two versions of a contract; pure (no files, no git).

Goals, indicators and inspanningen are matched by id, budget tables by title and their lines by
description, people by name. Layout, comments, quoting, key order and the line breaks inside a
paragraph never show up: the comparison sees the models, and texts are compared word by word.
Every kind of change is a named check with a default severity (see ``CHECKS``); a team can
change a check's severity or switch it off in ``programmatool.toml`` (``[diff]``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    # Only for types: the package imports this module at start-up, so it must stay light.
    from pydantic import BaseModel

    from .model import (
        Begroting,
        Contract,
        Indicator,
        Inspanning,
        OperationeelDoel,
        StrategischDoel,
    )

Severity = Literal["belangrijk", "opmerking", "info"]
SEVERITIES: tuple[Severity, ...] = ("belangrijk", "opmerking", "info")
PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Check:
    """A kind of change: a stable name, its default severity and what it means."""

    name: str
    severity: Severity
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
    severity: Severity = "info"

    def text(self) -> str:
        """``subject: message`` as one line."""
        return f"{self.subject}: {self.message}" if self.subject else self.message


def diff(old: Contract, new: Contract) -> list[Change]:
    """Every change in meaning from ``old`` to ``new``, in document order, default severities."""
    return _Differ(old, new).run()


def with_severities(
    changes: Iterable[Change], levels: dict[str, Severity | None] | None = None
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


# --- texts ------------------------------------------------------------------------------------


def paragraphs(text: str | None) -> list[str]:
    """A text's paragraphs with whitespace collapsed: reflowing a paragraph changes nothing."""
    if text is None:
        return []
    return [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]


def same_text(old: str | None, new: str | None) -> bool:
    """True when two texts say the same words in the same paragraphs."""
    return paragraphs(old) == paragraphs(new)


_MAX_PARTS = 3
_MAX_WORDS = 8


def _clip(words: Sequence[str]) -> str:
    if len(words) <= _MAX_WORDS:
        return " ".join(words)
    half = _MAX_WORDS // 2
    return " ".join(words[:half]) + " … " + " ".join(words[-half:])


def word_summary(old: str | None, new: str | None) -> str:
    """A short word-level summary of how ``old`` became ``new`` (not both texts in full)."""
    a = " ¶ ".join(paragraphs(old)).split()
    b = " ¶ ".join(paragraphs(new)).split()
    if not a:
        return f"nieuw: '{_clip(b)}'"
    if not b:
        return f"weg: '{_clip(a)}'"
    import difflib

    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before = [w for w in a[i1:i2] if w != "¶"]
        after = [w for w in b[j1:j2] if w != "¶"]
        if tag == "equal" or (not before and not after):
            continue
        if before and after:
            parts.append(f"'{_clip(before)}' → '{_clip(after)}'")
        elif after:
            parts.append(f"erbij: '{_clip(after)}'")
        else:
            parts.append(f"weg: '{_clip(before)}'")
    if not parts:
        return "alinea-indeling gewijzigd"
    shown = "; ".join(parts[:_MAX_PARTS])
    if len(parts) > _MAX_PARTS:
        rest = len(parts) - _MAX_PARTS
        shown += f"; en nog {rest} {'wijziging' if rest == 1 else 'wijzigingen'}"
    return shown


# --- values -----------------------------------------------------------------------------------


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _same(a: Any, b: Any) -> bool:
    na, nb = _number(a), _number(b)
    if na is not None and nb is not None:
        return round(na * 1000) == round(nb * 1000)
    if isinstance(a, str) and isinstance(b, str):
        return same_text(a, b)
    return bool(a == b)


def _value(value: Any, eenheid: str = "aantal") -> str:
    from .formatting import waarde

    if value is None:
        return "geen"
    return waarde(value, eenheid).replace("\u00a0", " ")


def _money(value: int | float, eenheid: str) -> str:
    from .formatting import bedrag_in_euro

    return bedrag_in_euro(value, eenheid, spatie=" ")


def _signed_money(value: int | float, eenheid: str) -> str:
    sign = "+" if value > 0 else "−"
    return sign + _money(abs(value), eenheid)


def _euros(value: int | float, eenheid: str) -> int | float:
    return value * 1000 if eenheid == "duizend_euro" else value


def _quarter(moment: int | str) -> tuple[int, int]:
    if isinstance(moment, int):
        return (moment, 4)
    year, quarter = moment.split("-Q")
    return (int(year), int(quarter))


def _moment(moment: int | str) -> str:
    return str(moment)


def _date(value: dt.date | None) -> str:
    from .formatting import datum

    return datum(value) if value is not None else "geen"


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
    "overige": "overige middelen",
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


def _field_label(name: str | int) -> str:
    return str(name).replace("_", " ")


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
        label = _field_label(name)
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
        if _same(a, b):
            return
        if isinstance(a, str) and isinstance(b, str) and (_is_prose(a) or _is_prose(b)):
            self.add("tekst-gewijzigd", where, word_summary(a, b), path, old=a, new=b)
            return
        self.add(
            "waarde-gewijzigd", where, f"{_show(a)} → {_show(b)}", path, old=_json(a), new=_json(b)
        )

    def presence(self, a: Any, b: Any, path: PathKey, where: str) -> None:
        if a is None:
            message = f"nieuw: {_show(b)}"
            if _is_prose(b):
                message = word_summary(None, b)
            check = "tekst-gewijzigd" if _is_prose(b) else "waarde-gewijzigd"
            self.add(check, where, message, path, new=_json(b))
        elif b is None:
            message = f"weg (was {_show(a)})"
            if _is_prose(a):
                message = word_summary(a, None)
            check = "tekst-gewijzigd" if _is_prose(a) else "waarde-gewijzigd"
            self.add(check, where, message, path, side="oud", old=_json(a))
        else:
            self.add("waarde-gewijzigd", where, f"{_show(a)} → {_show(b)}", path)

    def generic_list(
        self, a: list[Any], b: list[Any], path: PathKey, subject: str, name: str | int
    ) -> None:
        noun = _LABELS.get(str(name), _field_label(name))
        where = subject
        for i, j in _pairs(a, b, _item_key):
            if i is None and j is not None:
                self.add(
                    "onderdeel-toegevoegd",
                    _join(where, f"{noun} '{_item_label(b[j])}'"),
                    "toegevoegd",
                    (*path, j),
                    new=_json(b[j]),
                )
            elif j is None and i is not None:
                self.add(
                    "onderdeel-verwijderd",
                    _join(where, f"{noun} '{_item_label(a[i])}'"),
                    "verwijderd",
                    (*path, i),
                    side="oud",
                    old=_json(a[i]),
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
        self.generic(_dump(old.overige), _dump(new.overige), (*base, "overige"), "rol", "rol")

    # --- goals ---

    def goals(self) -> None:
        old_sd = {sd.id: (i, sd) for i, sd in enumerate(self.old.strategische_doelen)}
        for j, sd in enumerate(self.new.strategische_doelen):
            path: PathKey = ("strategische_doelen", j)
            if sd.id not in old_sd:
                self.add(
                    "doel-toegevoegd",
                    f"strategisch doel {sd.id}",
                    f"nieuw: '{_short(sd.titel)}'",
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
                    f"verwijderd: '{_short(sd.titel)}'",
                    ("strategische_doelen", i),
                    side="oud",
                )
        old_od = _operational(self.old)
        new_od = _operational(self.new)
        for od_id, (path, parent, od) in new_od.items():
            if od_id not in old_od:
                self.add("doel-toegevoegd", f"doel {od_id}", f"nieuw: '{_short(od.titel)}'", path)
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
                    "doel-verwijderd", f"doel {od_id}", f"verwijderd: '{_short(od.titel)}'", path,
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

    # --- indicators ---

    def indicators(self) -> None:
        old = {ind.id: (i, ind) for i, ind in enumerate(self.old.indicatoren)}
        new_ids = set()
        for j, ind in enumerate(self.new.indicatoren):
            new_ids.add(ind.id)
            path: PathKey = ("indicatoren", j)
            subject = f"indicator '{ind.id}' ({_short(ind.naam)})"
            if ind.id not in old:
                self.add("indicator-toegevoegd", subject, f"nieuw, meet doel {ind.doel}", path)
                continue
            self.indicator(old[ind.id][1], ind, path, subject)
        for i, ind in enumerate(self.old.indicatoren):
            if ind.id not in new_ids:
                self.add(
                    "indicator-verwijderd",
                    f"indicator '{ind.id}' ({_short(ind.naam)})",
                    f"verwijderd (mat doel {ind.doel})",
                    ("indicatoren", i),
                    side="oud",
                )

    def indicator(self, old: Indicator, new: Indicator, path: PathKey, subject: str) -> None:
        if old.richting != new.richting:
            self.add(
                "richting-gewijzigd",
                subject,
                f"{old.richting} is beter → {new.richting} is beter",
                (*path, "richting"),
                old=old.richting,
                new=new.richting,
            )
        self.targets(old, new, path, subject)
        if not _same(old.peilwaarde, new.peilwaarde) or old.peiljaar != new.peiljaar:
            before = _baseline(old)
            after = _baseline(new)
            if old.peilwaarde is None and old.peiljaar is None:
                self.add(
                    "peilwaarde-toegevoegd", subject, f"peilwaarde {after}", (*path, "peilwaarde"),
                    new=_json(new.peilwaarde), year=new.peiljaar,
                )  # fmt: skip
            else:
                self.add(
                    "peilwaarde-gewijzigd",
                    subject,
                    f"peilwaarde achteraf gewijzigd: {before} → {after}",
                    (*path, "peilwaarde") if new.peilwaarde is not None else path,
                    old=_json(old.peilwaarde),
                    new=_json(new.peilwaarde),
                    year=new.peiljaar,
                )
        if old.streefdatum != new.streefdatum:
            if old.streefdatum and new.streefdatum:
                days = (new.streefdatum - old.streefdatum).days
                way = f"{abs(days)} dagen {'later' if days > 0 else 'eerder'}"
            else:
                days = None
                way = "nieuw" if old.streefdatum is None else "vervallen"
            self.add(
                "mijlpaal-verschoven",
                subject,
                f"streefdatum {_date(old.streefdatum)} → {_date(new.streefdatum)} ({way})",
                (*path, "streefdatum"),
                old=_json(old.streefdatum),
                new=_json(new.streefdatum),
                difference=days,
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
                "realisaties",
            },
        )

    def targets(self, old: Indicator, new: Indicator, path: PathKey, subject: str) -> None:
        better = f"{new.richting} is beter"
        for year in sorted({*old.streefwaarden, *new.streefwaarden}):
            a = old.streefwaarden.get(year)
            b = new.streefwaarden.get(year)
            where: PathKey = (*path, "streefwaarden", year)
            if a is None and b is not None:
                self.add(
                    "streefwaarde-toegevoegd", subject,
                    f"streefwaarde {year}: {_value(b, new.eenheid)}", where, year=year,
                    new=_json(b),
                )  # fmt: skip
                continue
            if b is None and a is not None:
                self.add(
                    "streefwaarde-verwijderd", subject,
                    f"streefwaarde {year} vervallen (was {_value(a, old.eenheid)})",
                    (*path, "streefwaarden"), year=year, old=_json(a),
                )  # fmt: skip
                continue
            if a is None or b is None or _same(a, b):
                continue
            shown = f"{_value(a, old.eenheid)} → {_value(b, new.eenheid)} in {year}"
            order = _order(a, b, new)
            if order is None:
                self.add(
                    "streefwaarde-gewijzigd", subject, f"streefwaarde {shown}", where,
                    year=year, old=_json(a), new=_json(b),
                )  # fmt: skip
                continue
            more_ambitious = order > 0 if new.richting == "hoger" else order < 0
            na, nb = _number(a), _number(b)
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
                old=_json(a),
                new=_json(b),
                difference=difference,
            )

    def realisations(self, old: Indicator, new: Indicator, path: PathKey, subject: str) -> None:
        for year in sorted({*old.realisaties, *new.realisaties}):
            a = old.realisaties.get(year)
            b = new.realisaties.get(year)
            where: PathKey = (*path, "realisaties", year)
            if a is None and b is not None:
                shown = _value(b.waarde, new.eenheid) if b.waarde is not None else "oordeel"
                self.add(
                    "realisatie-toegevoegd", subject, f"meting {year}: {shown}", where,
                    year=year, new=_json(b.waarde),
                )  # fmt: skip
                continue
            if b is None and a is not None:
                self.add(
                    "realisatie-gewijzigd", subject, f"meting {year} verwijderd", path,
                    year=year, old=_json(a.waarde),
                )  # fmt: skip
                continue
            assert a is not None and b is not None
            if not _same(a.waarde, b.waarde) or a.behaald != b.behaald or a.datum != b.datum:
                before = _realisation(a, old.eenheid)
                after = _realisation(b, new.eenheid)
                self.add(
                    "realisatie-gewijzigd", subject,
                    f"meting {year} achteraf gewijzigd: {before} → {after}", where,
                    year=year, old=_json(a.waarde), new=_json(b.waarde),
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
                self.add("inspanning-toegevoegd", subject, f"nieuw: '{_short(ins.titel)}'", path)
                continue
            self.effort(old[ins.id][1], ins, path, subject)
        for i, ins in enumerate(self.old.inspanningen):
            if ins.id not in new_ids:
                self.add(
                    "inspanning-verwijderd",
                    f"inspanning '{ins.id}'",
                    f"verwijderd: '{_short(ins.titel)}'",
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
                old=[_json(m) for m in old.planning],
                new=[_json(m) for m in new.planning],
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
            ea = _euros(a, before_unit) if a is not None else 0
            eb = _euros(b, eenheid) if b is not None else 0
            if a is not None and b is not None and _same(ea, eb):
                continue
            shown_a = _money(a, before_unit) if a is not None else "geen"
            shown_b = _money(b, eenheid) if b is not None else "geen"
            difference = eb - ea
            unit = "euro" if eenheid == "duizend_euro" else eenheid
            self.add(
                "bedrag-gewijzigd",
                f"{subject} {year}",
                f"{shown_a} → {shown_b} ({_signed_money(difference, unit)})",
                (*path, year) if b is not None else path,
                year=year,
                old=_euros(a, before_unit) if a is not None else None,
                new=_euros(b, eenheid) if b is not None else None,
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
            self.model_fields(old_m, new_m, ("middelen",), "middelen", exclude={"begrotingen"})
        elif new_m is not None:
            self.add("onderdeel-toegevoegd", "middelen", "toegevoegd", ("middelen",))
        else:
            self.add("onderdeel-verwijderd", "middelen", "verwijderd", ("middelen",), side="oud")

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
                self.model_fields(
                    a, b, line_path, line_subject, exclude={"omschrijving", "bedragen"}
                )
        before, after = _year_totals(old), _year_totals(new)
        for year in sorted({*before, *after}):
            a_total = before.get(year)
            b_total = after.get(year)
            ea = _euros(a_total, old.eenheid) if a_total is not None else 0
            eb = _euros(b_total, new.eenheid) if b_total is not None else 0
            if _same(ea, eb) and (a_total is None) == (b_total is None):
                continue
            unit = "euro" if new.eenheid == "duizend_euro" else new.eenheid
            shown_a = _money(a_total, old.eenheid) if a_total is not None else "geen"
            shown_b = _money(b_total, new.eenheid) if b_total is not None else "geen"
            where: PathKey = (*path, "totalen", year) if year in new.totalen else path
            self.add(
                "totaal-gewijzigd",
                f"{subject}, totaal {year}",
                f"{shown_a} → {shown_b} ({_signed_money(eb - ea, unit)})",
                where,
                year=year,
                old=ea if a_total is not None else None,
                new=eb if b_total is not None else None,
                difference=eb - ea,
            )
        self.model_fields(
            old, new, path, subject, exclude={"titel", "eenheid", "regels", "totalen"}
        )


# --- helpers ----------------------------------------------------------------------------------


def _operational(contract: Contract) -> dict[str, tuple[PathKey, str, OperationeelDoel]]:
    out: dict[str, tuple[PathKey, str, OperationeelDoel]] = {}
    for i, sd in enumerate(contract.strategische_doelen):
        for j, od in enumerate(sd.operationele_doelen):
            out.setdefault(od.id, (("strategische_doelen", i, "operationele_doelen", j), sd.id, od))
    return out


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
    return ", ".join(f"{year}: {_money(value, eenheid)}" for year, value in sorted(amounts.items()))


def _order(a: Any, b: Any, indicator: Indicator) -> int | None:
    """+1 when ``b`` is higher than ``a``, -1 when lower, None when they cannot be ordered."""
    na, nb = _number(a), _number(b)
    if na is not None and nb is not None:
        return (nb > na) - (nb < na)
    if indicator.schaal and a in indicator.schaal and b in indicator.schaal:
        ia, ib = indicator.schaal.index(a), indicator.schaal.index(b)
        # A scale runs from bad to good: a higher position is better, whatever ``richting`` says.
        step = (ib > ia) - (ib < ia)
        return step if indicator.richting == "hoger" else -step
    return None


def _baseline(indicator: Indicator) -> str:
    value = _value(indicator.peilwaarde, indicator.eenheid)
    return f"{value} ({indicator.peiljaar})" if indicator.peiljaar else value


def _realisation(realisatie: Any, eenheid: str) -> str:
    parts = []
    if realisatie.waarde is not None:
        parts.append(_value(realisatie.waarde, eenheid))
    if realisatie.datum is not None:
        parts.append(_date(realisatie.datum))
    if realisatie.behaald is not None:
        parts.append("behaald" if realisatie.behaald else "niet behaald")
    return ", ".join(parts) or "geen waarde"


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _join(subject: str, part: str) -> str:
    return f"{subject}, {part}" if subject else part


def _dump(value: Any) -> Any:
    if _is_model(value):
        return value.model_dump(mode="python")
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _is_model(value: Any) -> bool:
    return hasattr(type(value), "model_fields") and hasattr(value, "model_dump")


def _is_prose(value: Any) -> bool:
    """Text of more than one word: summarised word by word rather than shown whole."""
    return isinstance(value, str) and len(value.split()) > 1


def _is_year_map(a: dict[Any, Any], b: dict[Any, Any]) -> bool:
    keys = [*a, *b]
    return bool(keys) and all(isinstance(k, int) for k in keys)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return _date(value)
    if isinstance(value, int | float):
        return _value(value)
    if isinstance(value, str):
        return f"'{_short(value)}'"
    if isinstance(value, list):
        return _short(", ".join(_show(v) for v in value) or "geen", 80)
    if isinstance(value, dict):
        shown = "; ".join(
            f"{_field_label(k)} {_show(v)}" for k, v in value.items() if v not in (None, [], {})
        )
        return _short(shown or "leeg", 80)
    return str(value)


def _json(value: Any) -> Any:
    """A value as JSON can hold it (dates as ISO text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if _is_model(value):
        return _json(value.model_dump(mode="json", exclude_defaults=True))
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


__all__ = [
    "CHECKS",
    "SEVERITIES",
    "Change",
    "Check",
    "Severity",
    "diff",
    "paragraphs",
    "same_text",
    "with_severities",
    "word_summary",
]
