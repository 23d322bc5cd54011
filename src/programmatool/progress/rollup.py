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
from programmatool.progress.results import (
    Coverage,
    GoalProgress,
    IndicatorProgress,
    Money,
    ProgrammeProgress,
)
from programmatool.progress.statuses import (
    GOOD,
    JUDGED,
    THIN,
    RollupStatus,
    Status,
    combine,
    count_statuses,
)
from programmatool.progress.thresholds import DEFAULT_THRESHOLDS, Thresholds
from programmatool.progress.values import Number, latest_measurement_year


def explain_rollup(rows: list[IndicatorProgress], what: str) -> str:
    """The roll-up's reason, in words that agree with the rows: how many indicators were
    measured, how many judged (a milestone whose date passed is judged without a measurement),
    and how the status follows from them."""
    if not rows:
        return "Geen indicator om de voortgang aan te meten."
    n = len(rows)
    counts = count_statuses(r.status for r in rows)
    parts = ", ".join(f"{k} {s}" for s, k in counts.items())
    measured = sum(1 for r in rows if r.meting is not None)
    judged = sum(k for s, k in counts.items() if s in JUDGED)
    word = "indicator" if n == 1 else "indicatoren"
    if judged == 0:
        if set(counts) == {"geen meting"}:
            return f"Nog niets gemeten ({n} {word}: {parts})."
        if n == 1:
            return f"De indicator heeft geen oordeel ({parts})."
        return f"Geen van de {n} {word} heeft een oordeel ({parts})."
    if measured == n:
        gemeten = f"Alle {n} {word} gemeten" if n > 1 else "De indicator is gemeten"
    elif measured == 0:
        gemeten = f"Geen van de {n} {word} gemeten" if n > 1 else "De indicator is niet gemeten"
    else:
        gemeten = f"{measured} van {n} {word} gemeten"
    if judged != measured:
        gemeten += f", {judged} beoordeeld"
    worst = f"het beoordeelde {what} dat er het slechtst voor staat, bepaalt de status"
    return f"{gemeten}; {worst} ({parts})."


def _coverage(
    rows: list[IndicatorProgress], without: int, verdict: Status, thresholds: Thresholds
) -> tuple[RollupStatus, Coverage]:
    """The roll-up's status and coverage: the verdict, unless it is good news (behaald, op
    koers) resting on fewer than ``minimaal_beoordeeld`` of its parts (indicators and goals
    without one); then "onvoldoende gemeten" with the verdict on the judged part kept beside it.
    A bad verdict stands: the worst part decides, so what was not seen can only make it worse."""
    judged = sum(1 for r in rows if r.status in JUDGED)
    parts = len(rows) + without
    thin = verdict in GOOD and parts > 0 and judged / parts < thresholds.minimaal_beoordeeld
    coverage = Coverage(
        gemeten=sum(1 for r in rows if r.meting is not None),
        beoordeeld=judged,
        aantal=len(rows),
        zonder_indicator=without,
        deeloordeel=verdict if thin else None,
    )
    return (THIN if thin else verdict), coverage


def _thin_note(status: RollupStatus, coverage: Coverage, thresholds: Thresholds) -> str:
    if status != THIN:
        return ""
    share = round(thresholds.minimaal_beoordeeld * 100)
    parts = coverage.aantal + coverage.zonder_indicator
    what = "indicatoren en doelen zonder indicator" if coverage.zonder_indicator else "indicatoren"
    return (
        f" Een oordeel heeft {coverage.beoordeeld} van de {parts} {what}, minder dan {share} %: "
        f"te weinig om voor het geheel te spreken, dus onvoldoende gemeten (het oordeel over "
        f"wat beoordeeld is: {coverage.deeloordeel})."
    )


def _account(source: dict[int, Verantwoording], jaar: int | None) -> Verantwoording | None:
    return source.get(jaar) if jaar is not None else None


def _operational(
    od: OperationeelDoel, own: list[IndicatorProgress], jaar: int | None, thresholds: Thresholds
) -> GoalProgress:
    statuses = [r.status for r in own]
    status, coverage = _coverage(own, 0 if own else 1, combine(statuses), thresholds)
    return GoalProgress(
        id=od.id,
        titel=od.titel,
        soort="operationeel",
        status=status,
        uitleg=explain_rollup(own, "onderdeel") + _thin_note(status, coverage, thresholds),
        indicatoren=own,
        verantwoording=_account(od.verantwoording, jaar),
        telling=count_statuses(statuses),
        dekking=coverage,
    )


def _subgoal(
    sub: Subdoel, own: list[IndicatorProgress], ods: list[GoalProgress], thresholds: Thresholds
) -> GoalProgress:
    """A strategic sub-goal: its own indicators and the operational goals under it."""
    parts = [r.status for r in own] + [od.oordeel for od in ods if od.indicatoren]
    all_rows = own + [r for od in ods for r in od.indicatoren]
    without = sum(od.zonder_indicator for od in ods) or (0 if all_rows else 1)
    status, coverage = _coverage(all_rows, without, combine(parts), thresholds)
    return GoalProgress(
        id=sub.id,
        titel=sub.titel,
        soort="subdoel",
        status=status,
        uitleg=explain_rollup(all_rows, "onderdeel") + _thin_note(status, coverage, thresholds),
        indicatoren=own,
        operationele_doelen=ods,
        telling=count_statuses(r.status for r in all_rows),
        dekking=coverage,
    )


def _strategic(
    sd: StrategischDoel,
    by_goal: dict[str, list[IndicatorProgress]],
    used: set[str],
    jaar: int | None,
    thresholds: Thresholds,
) -> GoalProgress:
    ods: list[GoalProgress] = []
    for od in sd.operationele_doelen:
        used.add(od.id)
        ods.append(_operational(od, by_goal.get(od.id, []), jaar, thresholds))
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
        subs.append(_subgoal(sub, own, under, thresholds))
    parts = [r.status for r in direct] + [od.oordeel for od in ods if od.indicatoren]
    all_rows = direct + [r for od in ods for r in od.indicatoren]
    without = sum(od.zonder_indicator for od in ods) or (0 if all_rows else 1)
    status, coverage = _coverage(all_rows, without, combine(parts), thresholds)
    return GoalProgress(
        id=sd.id,
        titel=sd.titel,
        soort="strategisch",
        status=status,
        uitleg=explain_rollup(all_rows, "onderdeel") + _thin_note(status, coverage, thresholds),
        indicatoren=direct,
        operationele_doelen=ods,
        verantwoording=_account(sd.verantwoording, jaar),
        telling=count_statuses(r.status for r in all_rows),
        dekking=coverage,
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
    doelen = [
        _strategic(sd, by_goal, used, jaar, thresholds) for sd in contract.strategische_doelen
    ]
    loose = [r for r in rows if r.indicator.doel not in used]
    parts = [d.oordeel for d in doelen if d.telling] + [r.status for r in loose]
    without = sum(d.zonder_indicator for d in doelen)
    status, coverage = _coverage(rows, without, combine(parts), thresholds)
    uitleg = explain_rollup(rows, "doel")
    if without and rows:
        uitleg += f" {without} {'doel heeft' if without == 1 else 'doelen hebben'} geen indicator."
    return ProgrammeProgress(
        contract=contract,
        jaar=jaar,
        status=status,
        uitleg=uitleg + _thin_note(status, coverage, thresholds),
        indicatoren=rows,
        doelen=doelen,
        verantwoording=_account(contract.verantwoording, jaar),
        geld=money_in_year(contract, jaar),
        telling=count_statuses(r.status for r in rows),
        dekking=coverage,
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
