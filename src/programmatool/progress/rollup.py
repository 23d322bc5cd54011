"""Verdicts rolled up per operational goal, per strategic goal and per programme; pure."""

from __future__ import annotations

from programmatool.model.contract import (
    Contract,
    OperationeelDoel,
    StrategischDoel,
    Subdoel,
    Verantwoording,
    spending,
)
from programmatool.progress.indicator import indicator_progress
from programmatool.progress.results import GoalProgress, IndicatorProgress, Money, ProgrammeProgress
from programmatool.progress.statuses import JUDGED, combine, count_statuses
from programmatool.progress.thresholds import DEFAULT_THRESHOLDS, Thresholds
from programmatool.progress.values import Number, latest_measurement_year


def explain_rollup(rows: list[IndicatorProgress], what: str) -> str:
    """The roll-up's reason, in words that agree with the rows: how many indicators were
    measured and how the status follows from them."""
    if not rows:
        return "Geen indicator om de voortgang aan te meten."
    n = len(rows)
    counts = count_statuses(r.status for r in rows)
    parts = ", ".join(f"{k} {s}" for s, k in counts.items())
    measured = sum(k for s, k in counts.items() if s in JUDGED)
    word = "indicator" if n == 1 else "indicatoren"
    if measured == 0:
        if set(counts) == {"geen meting"}:
            return f"Nog niets gemeten ({n} {word}: {parts})."
        if n == 1:
            return f"De indicator heeft geen oordeel ({parts})."
        return f"Geen van de {n} {word} heeft een oordeel ({parts})."
    if measured == n:
        gemeten = f"Alle {n} {word} gemeten" if n > 1 else "De indicator is gemeten"
    else:
        gemeten = f"{measured} van {n} {word} gemeten"
    worst = f"het gemeten {what} dat er het slechtst voor staat, bepaalt de status"
    return f"{gemeten}; {worst} ({parts})."


def _judged(rows: list[IndicatorProgress]) -> int:
    return sum(1 for r in rows if r.status in JUDGED)


def _account(source: dict[int, Verantwoording], jaar: int | None) -> Verantwoording | None:
    return source.get(jaar) if jaar is not None else None


def _operational(
    od: OperationeelDoel, own: list[IndicatorProgress], jaar: int | None
) -> GoalProgress:
    statuses = [r.status for r in own]
    return GoalProgress(
        id=od.id,
        titel=od.titel,
        soort="operationeel",
        status=combine(statuses),
        uitleg=explain_rollup(own, "onderdeel"),
        indicatoren=own,
        verantwoording=_account(od.verantwoording, jaar),
        telling=count_statuses(statuses),
        gemeten=_judged(own),
        aantal=len(own),
        zonder_indicator=0 if own else 1,
    )


def _subgoal(sub: Subdoel, own: list[IndicatorProgress], ods: list[GoalProgress]) -> GoalProgress:
    """A strategic sub-goal: its own indicators and the operational goals under it."""
    parts = [r.status for r in own] + [od.status for od in ods if od.indicatoren]
    all_rows = own + [r for od in ods for r in od.indicatoren]
    return GoalProgress(
        id=sub.id,
        titel=sub.titel,
        soort="subdoel",
        status=combine(parts),
        uitleg=explain_rollup(all_rows, "onderdeel"),
        indicatoren=own,
        operationele_doelen=ods,
        telling=count_statuses(r.status for r in all_rows),
        gemeten=_judged(all_rows),
        aantal=len(all_rows),
        zonder_indicator=sum(od.zonder_indicator for od in ods) or (0 if all_rows else 1),
    )


def _strategic(
    sd: StrategischDoel,
    by_goal: dict[str, list[IndicatorProgress]],
    used: set[str],
    jaar: int | None,
) -> GoalProgress:
    ods: list[GoalProgress] = []
    for od in sd.operationele_doelen:
        used.add(od.id)
        ods.append(_operational(od, by_goal.get(od.id, []), jaar))
    direct = list(by_goal.get(sd.id, []))
    used.add(sd.id)
    subs: list[GoalProgress] = []
    for sub in sd.subdoelen:
        own = by_goal.get(sub.id, [])
        direct.extend(own)
        used.add(sub.id)
        under = [
            g for g, od in zip(ods, sd.operationele_doelen, strict=True) if od.subdoel == sub.id
        ]
        subs.append(_subgoal(sub, own, under))
    parts = [r.status for r in direct] + [od.status for od in ods if od.indicatoren]
    all_rows = direct + [r for od in ods for r in od.indicatoren]
    without = sum(od.zonder_indicator for od in ods) or (0 if all_rows else 1)
    return GoalProgress(
        id=sd.id,
        titel=sd.titel,
        soort="strategisch",
        status=combine(parts),
        uitleg=explain_rollup(all_rows, "onderdeel"),
        indicatoren=direct,
        operationele_doelen=ods,
        verantwoording=_account(sd.verantwoording, jaar),
        telling=count_statuses(r.status for r in all_rows),
        gemeten=_judged(all_rows),
        aantal=len(all_rows),
        zonder_indicator=without,
        subdoelen=subs,
    )


def contract_progress(
    contract: Contract, jaar: int | None = None, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> ProgrammeProgress:
    """Progress of every indicator in ``jaar`` (default: the contract's latest measurement year),
    rolled up per operational goal, per strategic goal and for the programme."""
    if jaar is None:
        jaar = latest_measurement_year(contract.indicatoren)
    rows = [indicator_progress(ind, jaar, thresholds) for ind in contract.indicatoren]
    by_goal: dict[str, list[IndicatorProgress]] = {}
    for row in rows:
        by_goal.setdefault(row.indicator.doel, []).append(row)
    used: set[str] = set()
    doelen = [_strategic(sd, by_goal, used, jaar) for sd in contract.strategische_doelen]
    loose = [r for r in rows if r.indicator.doel not in used]
    parts = [d.status for d in doelen if d.telling] + [r.status for r in loose]
    without = sum(d.zonder_indicator for d in doelen)
    uitleg = explain_rollup(rows, "doel")
    if without and rows:
        uitleg += f" {without} {'doel heeft' if without == 1 else 'doelen hebben'} geen indicator."
    return ProgrammeProgress(
        contract=contract,
        jaar=jaar,
        status=combine(parts),
        uitleg=uitleg,
        indicatoren=rows,
        doelen=doelen,
        verantwoording=_account(contract.verantwoording, jaar),
        geld=money_in_year(contract, jaar),
        telling=count_statuses(r.status for r in rows),
        gemeten=_judged(rows),
        aantal=len(rows),
        zonder_indicator=without,
    )


def money_in_year(contract: Contract, jaar: int | None) -> list[Money]:
    """Per budget table: what was budgeted and what was spent in ``jaar``."""
    if jaar is None or contract.middelen is None:
        return []
    out: list[Money] = []
    for table in contract.middelen.begrotingen:
        # As spending, also where the source prints it with a minus sign (teken).
        t = table.teken
        planned = [spending(r.bedragen[jaar], t) for r in table.regels if jaar in r.bedragen]
        spent = [spending(r.besteed[jaar], t) for r in table.regels if jaar in r.besteed]
        total = table.totalen.get(jaar)
        budgeted: Number | None = (
            sum(planned) if planned else None if total is None else spending(total, t)
        )
        if budgeted is None and not spent:
            continue
        out.append(Money(table.titel, table.eenheid, jaar, budgeted, sum(spent) if spent else None))
    return out
