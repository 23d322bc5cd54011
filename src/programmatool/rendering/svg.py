"""Inline SVG drawn from the data: the goals-efforts network (DIN) and indicator charts.

Pure functions from plain data to an SVG string; nothing is fetched and no script is used.
Every text is XML-escaped here, so the result can be put into a page as it is.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

# Approximate width of one character of the 14px sans-serif font, for wrapping labels.
_CHAR_WIDTH = 7.4
_LINE_HEIGHT = 17
_PAD = 7
_GAP = 10
_GROUP_GAP = 22

# Columns of the DIN: x and width of strategic goals, operational goals and efforts. The width
# (780) is chosen so that the 14px labels print at about 9 pt on an A4 page.
_COLUMNS = ((0, 200), (250, 240), (570, 210))
# The goals alone (a large network, whose efforts are a table): two wider columns.
_GOAL_COLUMNS = ((0, 300), (350, 430))
_WIDTH = 780
_TOP = 40
# Above this many efforts with a line the network's efforts are a table, not boxes: drawn, they
# would fill a page per strategic goal and repeat every effort once per goal it serves.
DIN_PANEEL_MAX = 12
# Vertical distance between two lines that run straight to a strategic goal.
_TRACK = 6
_LEGEND_FONT = 13


@dataclass
class DinKnoop:
    """A box in the network: a goal or an effort."""

    id: str
    label: str


@dataclass
class DinStrategisch:
    """A strategic goal with its operational goals."""

    knoop: DinKnoop
    operationeel: list[DinKnoop] = field(default_factory=list)


@dataclass
class DinInspanning:
    """An effort and the ids of the goals it serves."""

    knoop: DinKnoop
    doelen: list[str] = field(default_factory=list)


@dataclass
class _Box:
    knoop: DinKnoop
    column: int
    lines: list[str]
    y: float = 0.0
    x: float = 0.0
    width: float = 0.0
    #: Room for the parallel lines of a lane (straight to a strategic goal).
    extra: float = 0.0

    @property
    def height(self) -> float:
        return len(self.lines) * _LINE_HEIGHT + 2 * _PAD + self.extra

    @property
    def center(self) -> float:
        return self.y + self.height / 2


def wrap(text: str, width: float, max_lines: int | None = None) -> list[str]:
    """Break ``text`` into lines that fit ``width`` pixels; cut with an ellipsis past ``max_lines``.

    Without ``max_lines`` the whole text is kept: a label is never cut to a fragment.
    """
    from programmatool.text.formatting import wrap as wrap_words

    limit = max(4, int((width - 2 * _PAD) / _CHAR_WIDTH))
    lines = wrap_words(text, limit, hyphen=True)
    if max_lines is not None and len(lines) > max_lines:
        last = lines[max_lines - 1]
        if len(last) + 1 > limit:
            last = last[: limit - 1].rstrip()
        lines = [*lines[: max_lines - 1], last + "…"]
    return lines or [""]


def _stack(boxes: Sequence[_Box], groups: Sequence[int], height: float) -> float:
    """Place boxes top-down; ``groups`` gives a group number per box. Returns the used height.

    When ``height`` exceeds the natural height, the extra space is spread over the gaps.
    """
    if not boxes:
        return 0.0
    gaps = [
        (_GROUP_GAP if groups[i] != groups[i - 1] else _GAP) if i else 0.0
        for i in range(len(boxes))
    ]
    natural = sum(b.height for b in boxes) + sum(gaps)
    extra = max(0.0, height - natural)
    spread = extra / (len(boxes) - 1) if len(boxes) > 1 else extra / 2
    y = _TOP + (extra / 2 if len(boxes) == 1 else 0.0)
    for box, gap in zip(boxes, gaps, strict=True):
        y += gap + (spread if gap else 0.0)
        box.y = y
        y += box.height
    return max(natural, height)


def din_svg(
    strategisch: Sequence[DinStrategisch],
    inspanningen: Sequence[DinInspanning],
    titel: str,
    beschrijving: str,
    id_prefix: str = "din",
    paneel_max: int = DIN_PANEEL_MAX,
) -> str:
    """The network as one SVG with a legend, or "" when there is nothing to draw.

    Only efforts with a line are drawn (one that serves no goal of the contract is named in a
    sentence instead). With more than ``paneel_max`` of them, or none, the drawing shows the
    goals alone, and the efforts are left to the table under it; without operational goals
    that drawing would be a row of loose boxes, so there is none.
    """
    goals = {sd.knoop.id for sd in strategisch} | {
        od.id for sd in strategisch for od in sd.operationeel
    }
    drawn = [
        DinInspanning(ins.knoop, [d for d in ins.doelen if d in goals])
        for ins in inspanningen
        if any(d in goals for d in ins.doelen)
    ]
    if drawn and len(drawn) <= paneel_max:
        return _din_panel(strategisch, drawn, titel, beschrijving, id_prefix, _COLUMNS)
    if not any(sd.operationeel for sd in strategisch):
        return ""
    return _din_panel(strategisch, [], titel, beschrijving, id_prefix, _GOAL_COLUMNS)


_GoalLayout = tuple[
    list[_Box], list[_Box], list[int], dict[str, _Box], dict[str, _Box], dict[str, list[_Box]]
]


def _lay_out_goals(
    strategisch: Sequence[DinStrategisch],
    columns: Sequence[tuple[int, int]],
    served: set[str],
    direct: dict[str, int],
) -> _GoalLayout:
    """The goal boxes: strategic goals, the middle column (operational goals and the lanes of
    contributions straight to a strategic goal), with their groups and look-ups."""
    sd_boxes: list[_Box] = []
    mid_boxes: list[_Box] = []
    mid_groups: list[int] = []
    by_id: dict[str, _Box] = {}
    lanes: dict[str, _Box] = {}
    children: dict[str, list[_Box]] = {}
    for index, sd in enumerate(strategisch):
        box = _Box(sd.knoop, 0, wrap(sd.knoop.label, columns[0][1]))
        sd_boxes.append(box)
        by_id.setdefault(sd.knoop.id, box)
        children[sd.knoop.id] = []
        for od in sd.operationeel:
            child = _Box(od, 1, wrap(od.label, columns[1][1]))
            mid_boxes.append(child)
            mid_groups.append(index)
            by_id.setdefault(od.id, child)
            children[sd.knoop.id].append(child)
        if sd.knoop.id in served and by_id[sd.knoop.id] is box:
            # The lane sits halfway down the goal's operational goals, so its lines fan out
            # from the goal's middle rather than from a corner; each line has its own track.
            lane = _Box(sd.knoop, 1, [], extra=_TRACK * (direct[sd.knoop.id] - 1))
            lanes[sd.knoop.id] = lane
            at = len(mid_boxes) - (len(sd.operationeel) // 2)
            mid_boxes.insert(at, lane)
            mid_groups.insert(at, index)
    for b in sd_boxes + mid_boxes:
        b.x, b.width = columns[b.column]
    return sd_boxes, mid_boxes, mid_groups, by_id, lanes, children


def _din_panel(
    strategisch: Sequence[DinStrategisch],
    inspanningen: Sequence[DinInspanning],
    titel: str,
    beschrijving: str,
    id_prefix: str,
    columns: Sequence[tuple[int, int]],
) -> str:
    """One drawing: columns of boxes, a line for every goal link and contribution, a legend.

    A layered layout: efforts are ordered by the average position of the goals they serve, so
    lines cross less, and a contribution straight to a strategic goal runs through a free lane
    in the middle column (the dummy node of a layered graph), never through another box, each
    on a track of its own.
    """
    direct: dict[str, int] = {}
    for ins in inspanningen:
        for d in ins.doelen:
            direct[d] = direct.get(d, 0) + 1
    served = set(direct)
    sd_boxes, mid_boxes, mid_groups, by_id, lanes, children = _lay_out_goals(
        strategisch, columns, served, direct
    )
    ins_boxes = []
    if inspanningen:
        x, w = columns[2]
        ins_boxes = [_Box(i.knoop, 2, wrap(i.knoop.label, w), x=x, width=w) for i in inspanningen]
    doelen_van = {id(b): ins.doelen for b, ins in zip(ins_boxes, inspanningen, strict=True)}

    def anchor(doel: str) -> _Box | None:
        return lanes.get(doel) or by_id.get(doel)

    # First pass: natural heights, to order the efforts by the goals they serve.
    height = _stack(mid_boxes, mid_groups, 0.0)
    height = max(height, _stack(sd_boxes, list(range(len(sd_boxes))), 0.0))

    def barycenter(box: _Box) -> float:
        targets = [t.center for d in doelen_van[id(box)] if (t := anchor(d)) is not None]
        return sum(targets) / len(targets) if targets else math.inf

    ins_boxes = [b for _, _, b in sorted((barycenter(b), i, b) for i, b in enumerate(ins_boxes))]
    height = max(height, _stack(ins_boxes, [0] * len(ins_boxes), 0.0))
    _stack(mid_boxes, mid_groups, height)
    _stack(ins_boxes, [0] * len(ins_boxes), height)
    # A strategic goal stands level with its operational goals, without overlapping the previous.
    bottom = float(_TOP - _GROUP_GAP)
    for box in sd_boxes:
        kids = children[box.knoop.id] + ([lanes[box.knoop.id]] if box.knoop.id in lanes else [])
        kids.sort(key=lambda b: b.y)
        wanted = (kids[0].y + kids[-1].y + kids[-1].height) / 2 - box.height / 2 if kids else bottom
        box.y = max(wanted, bottom + _GROUP_GAP)
        bottom = box.y + box.height
    total = max([_TOP + height, *(b.y + b.height for b in sd_boxes + mid_boxes + ins_boxes)]) + 8

    lijnen = _din_lines(sd_boxes, children, ins_boxes, doelen_van, by_id, lanes)
    legend, legend_height = _din_legend(total + 12, bool(ins_boxes), bool(lanes))
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="din" role="img" '
        f'viewBox="0 0 {_WIDTH} {_fmt(total + 12 + legend_height)}" '
        f'aria-labelledby="{id_prefix}-titel" aria-describedby="{id_prefix}-beschrijving">',
        f'<title id="{id_prefix}-titel">{escape(titel)}</title>',
        f'<desc id="{id_prefix}-beschrijving">{escape(beschrijving)}</desc>',
    ]
    namen = ("Strategische doelen", "Operationele doelen", "Inspanningen")
    for (x, w), kolom in zip(columns, namen, strict=False):
        out.append(
            f'<text class="din-kop" x="{_fmt(x + w / 2)}" y="18" text-anchor="middle">'
            f"{escape(kolom)}</text>"
        )
    out += ['<g class="din-lijnen">', *lijnen, "</g>"]
    for box in sd_boxes + [b for b in mid_boxes if b.lines] + ins_boxes:
        out.append(_node(box))
    out += [*legend, "</svg>"]
    return "\n".join(out)


def _din_lines(
    sd_boxes: Sequence[_Box],
    children: dict[str, list[_Box]],
    ins_boxes: Sequence[_Box],
    doelen_van: dict[int, list[str]],
    by_id: dict[str, _Box],
    lanes: dict[str, _Box],
) -> list[str]:
    """Every goal link and contribution as a path; lines straight to a strategic goal leave it
    at points of their own and run on tracks of their own, top to bottom in effort order."""
    out = [
        _edge(sd_box, od_box, "din-lijn-doel")
        for sd_box in sd_boxes
        for od_box in children[sd_box.knoop.id]
    ]
    track: dict[str, int] = {}
    for box in ins_boxes:
        for doel in doelen_van[id(box)]:
            target = by_id.get(doel)
            if target is None:
                continue
            if target.column == 1:
                out.append(_edge(target, box, "din-lijn"))
            else:
                k = track.get(doel, 0)
                track[doel] = k + 1
                out.append(_lane_edge(target, lanes[doel], box, k))
    return out


def _din_legend(top: float, efforts: bool, direct: bool) -> tuple[list[str], float]:
    """The key under a drawing: what each kind of box and line stands for, in a row that wraps."""
    items: list[tuple[str, str]] = [
        ("din-sd", "strategisch doel"),
        ("din-od", "operationeel doel"),
    ]
    if efforts:
        items += [("din-ins", "inspanning"), ("lijn", "draagt bij aan")]
    else:
        items.append(("lijn-doel", "hoort bij"))
    if direct:
        items.append(("lijn-direct", "draagt rechtstreeks bij aan een strategisch doel"))
    out = ['<g class="din-legenda">']
    x, y = 0.0, top + 14
    for css, tekst in items:
        width = 34 + text_width(tekst, _LEGEND_FONT) + 22
        if x and x + width > _WIDTH:
            x, y = 0.0, y + 22
        if css.startswith("din-"):
            out.append(
                f'<g class="{css}"><rect x="{_fmt(x)}" y="{_fmt(y - 11)}" width="28" '
                f'height="14" rx="3"/></g>'
            )
        else:
            klasse = {"lijn": "din-lijn", "lijn-doel": "din-lijn-doel"}.get(
                css, "din-lijn din-lijn-direct"
            )
            out.append(
                f'<g class="din-lijnen"><path class="{klasse}" '
                f'd="M{_fmt(x)} {_fmt(y - 4)} L{_fmt(x + 28)} {_fmt(y - 4)}"/></g>'
            )
        out.append(f'<text x="{_fmt(x + 34)}" y="{_fmt(y)}">{escape(tekst)}</text>')
        x += width
    out.append("</g>")
    return out, y - top + 8


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _curve(x1: float, y1: float, x2: float, y2: float) -> str:
    mid = (x1 + x2) / 2
    return f"C{_fmt(mid)} {_fmt(y1)} {_fmt(mid)} {_fmt(y2)} {_fmt(x2)} {_fmt(y2)}"


def _edge(left: _Box, right: _Box, css: str) -> str:
    x1 = left.x + left.width
    x2 = right.x
    return (
        f'<path class="{css}" d="M{_fmt(x1)} {_fmt(left.center)} '
        f'{_curve(x1, left.center, x2, right.center)}"/>'
    )


def _lane_edge(goal: _Box, lane: _Box, effort: _Box, track: int) -> str:
    """A contribution straight to a strategic goal: through its free lane in the middle column,
    on track ``track`` of the lane, leaving the goal at a point of its own."""
    lines = round(lane.extra / _TRACK) + 1
    x0 = goal.x + goal.width
    x1, x2 = lane.x, lane.x + lane.width
    x3 = effort.x
    y = lane.y + _PAD + track * _TRACK
    start = goal.y + goal.height * (track + 1) / (lines + 1)
    return (
        f'<path class="din-lijn din-lijn-direct" d="M{_fmt(x0)} {_fmt(start)} '
        f"{_curve(x0, start, x1, y)} L{_fmt(x2)} {_fmt(y)} "
        f'{_curve(x2, y, x3, effort.center)}"/>'
    )


def _node(box: _Box) -> str:
    x, w = box.x, box.width
    css = ("din-sd", "din-od", "din-ins")[box.column]
    parts = [
        f'<g class="din-knoop {css}">',
        f"<title>{escape(box.knoop.label)}</title>",
        f'<rect x="{_fmt(x)}" y="{_fmt(box.y)}" width="{_fmt(w)}" height="{_fmt(box.height)}" '
        f'rx="4"/>',
    ]
    for i, line in enumerate(box.lines):
        y = box.y + _PAD + (i + 1) * _LINE_HEIGHT - 4
        parts.append(f'<text x="{_fmt(x + _PAD)}" y="{_fmt(y)}">{escape(line)}</text>')
    parts.append("</g>")
    return "".join(parts)


# --- indicator charts -------------------------------------------------------------------------

_CW, _CH = 560, 240
_ML, _MR, _MT, _MB = 70, 16, 14, 58
_INSET = 24
# Axis text is 12px (style.css: svg .as); an axis title line takes this much height.
_AXIS_FONT = 12
_AXIS_LINE = 15
# Advance widths in em of Liberation Sans / Arial, the fonts the documents print with: narrow
# punctuation and letters, wide letters and signs, capitals; everything else counts as a digit.
_NARROW = frozenset(" \u00a0.,:;!|'il\u0131jftI()[]/-²³")
_WIDE = frozenset("mwMW%@")


def text_width(text: str, size: float = _AXIS_FONT) -> float:
    """An estimate of the width of ``text`` in a sans-serif font of ``size`` pixels.

    Errs on the wide side for most text, so a label judged to fit does fit.
    """
    em = 0.0
    for char in text:
        if char in _NARROW:
            em += 0.3
        elif char in _WIDE:
            em += 0.89
        elif char.isupper():
            em += 0.7
        else:
            em += 0.56
    return em * size


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick values covering ``low``..``high`` (steps of 1, 2 or 5 times a power of ten)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks: list[float] = []
    value = start
    while value < high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def _triangle(x: float, y: float) -> str:
    return f"M{_fmt(x)} {_fmt(y - 6)} L{_fmt(x + 6)} {_fmt(y + 5)} L{_fmt(x - 6)} {_fmt(y + 5)} Z"


def indicator_svg(
    peil: tuple[int, float] | None,
    streef: dict[int, float],
    realisatie: dict[int, float],
    titel: str,
    beschrijving: str,
    label: Callable[[float], str],
    id_prefix: str,
    vergelijkingen: Sequence[tuple[str, dict[int, float]]] = (),
    getal: Callable[[float], str] | None = None,
    eenheid: str = "",
) -> str:
    """A line chart: peilwaarde (diamond), target path (dashed, squares), realisations (dots),
    and each comparison series (dotted, triangles) with its name in the legend.

    The series differ in line style and marker shape as well as colour. ``label`` writes a tick
    value with its unit ("40%", "2.000 m²"). When those labels do not fit beside the axis and
    ``getal`` (the bare number) and ``eenheid`` are given, the ticks show only numbers and the
    unit is written out in full, wrapped if need be, as the axis title above the chart.
    """
    points = list(streef.items()) + list(realisatie.items()) + ([peil] if peil else [])
    for _, reeks in vergelijkingen:
        points.extend(reeks.items())
    years = sorted({year for year, _ in points})
    values = [value for _, value in points]
    ticks, broken = _value_axis(values)
    top, bottom = ticks[-1], ticks[0]
    tick_labels = [label(tick) for tick in ticks]
    as_titel: list[str] = []
    if getal is not None and eenheid and not all(_fits_axis(t) for t in tick_labels):
        tick_labels = [getal(tick) for tick in ticks]
        as_titel = _wrap_axis_title(eenheid)
    # The axis title takes its lines above the plot; everything below moves down by as much.
    shift = len(as_titel) * _AXIS_LINE + (6 if as_titel else 0)
    # A broken value axis says its range in a line under the legend.
    height = _CH + shift + 20 * len(vergelijkingen) + (20 if broken else 0)
    plot_w = _CW - _ML - _MR
    plot_h = _CH - _MT - _MB
    # The first and last year stand clear of the axes, so no marker covers an axis label.
    step = (plot_w - 2 * _INSET) / (len(years) - 1) if len(years) > 1 else 0.0

    def px(year: int) -> float:
        if len(years) == 1:
            return _ML + plot_w / 2
        return _ML + _INSET + years.index(year) * step

    def py(value: float) -> float:
        return shift + _MT + plot_h - (value - bottom) / (top - bottom) * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img" '
        f'viewBox="0 0 {_CW} {height}" aria-labelledby="{id_prefix}-titel">',
        f'<title id="{id_prefix}-titel">{escape(titel)}</title>',
        f'<desc id="{id_prefix}-beschrijving">{escape(beschrijving)}</desc>',
    ]
    for n, line in enumerate(as_titel):
        out.append(
            f'<text class="as as-titel" x="4" y="{_MT + n * _AXIS_LINE}">{escape(line)}</text>'
        )
    for tick, tick_label in zip(ticks, tick_labels, strict=True):
        y = py(tick)
        out.append(
            f'<line class="raster" x1="{_ML}" x2="{_CW - _MR}" y1="{_fmt(y)}" y2="{_fmt(y)}"/>'
        )
        out.append(
            f'<text class="as" x="{_ML - 6}" y="{_fmt(y + 4)}" text-anchor="end">'
            f"{escape(tick_label)}</text>"
        )
    for year in years:
        out.append(
            f'<text class="as" x="{_fmt(px(year))}" y="{shift + _CH - _MB + 18}" '
            f'text-anchor="middle">{year}</text>'
        )
    if broken:
        # The value axis does not start at zero: a break mark on the axis and the range in words.
        y0 = py(bottom)
        out.append(
            f'<path class="as-breuk" d="M{_ML - 5} {_fmt(y0 + 9)} L{_ML + 5} {_fmt(y0 + 5)} '
            f'M{_ML - 5} {_fmt(y0 + 14)} L{_ML + 5} {_fmt(y0 + 10)}"/>'
        )
        out.append(
            f'<text class="bereik" x="{_ML}" y="{shift + _CH + 6 + 20 * len(vergelijkingen)}">'
            f"as van {escape(tick_labels[0])} tot {escape(tick_labels[-1])}, niet vanaf 0</text>"
        )

    def series(data: dict[int, float], css: str) -> None:
        ordered = sorted(data.items())
        if len(ordered) > 1:
            path = " ".join(
                f"{'M' if i == 0 else 'L'}{_fmt(px(y))} {_fmt(py(v))}"
                for i, (y, v) in enumerate(ordered)
            )
            out.append(f'<path class="lijn {css}" d="{path}"/>')
        for year, value in ordered:
            x, y = px(year), py(value)
            if css == "streef":
                out.append(
                    f'<rect class="punt {css}" x="{_fmt(x - 4)}" y="{_fmt(y - 4)}" '
                    f'width="8" height="8"/>'
                )
            elif css.startswith("vergelijking"):
                out.append(f'<path class="punt {css}" d="{_triangle(x, y)}"/>')
            else:
                out.append(f'<circle class="punt {css}" cx="{_fmt(x)}" cy="{_fmt(y)}" r="5"/>')

    if peil and streef:
        # The target path starts at the baseline.
        series({peil[0]: peil[1], **streef}, "streef")
    else:
        series(streef, "streef")
    series(realisatie, "realisatie")
    for k, (_, reeks) in enumerate(vergelijkingen):
        series(reeks, f"vergelijking v{k % 2}")
    if peil:
        x, y = px(peil[0]), py(peil[1])
        out.append(
            f'<path class="punt peil" d="M{_fmt(x)} {_fmt(y - 7)} L{_fmt(x + 7)} {_fmt(y)} '
            f'L{_fmt(x)} {_fmt(y + 7)} L{_fmt(x - 7)} {_fmt(y)} Z"/>'
        )
    legend_y = shift + _CH - 14
    out.append(_chart_legend(legend_y, bool(streef), bool(realisatie), peil is not None))
    for k, (naam, _) in enumerate(vergelijkingen):
        y = legend_y + 20 * (k + 1)
        css = f"vergelijking v{k % 2}"
        out.append(
            f'<g class="legenda">'
            f'<path class="lijn {css}" d="M{_ML} {y - 4} L{_ML + 28} {y - 4}"/>'
            f'<path class="punt {css}" d="{_triangle(_ML + 14, y - 4)}"/>'
            f'<text x="{_ML + 34}" y="{y}">{escape(naam)}</text>'
            f"</g>"
        )
    out.append("</svg>")
    return "\n".join(out)


def _value_axis(values: Sequence[float]) -> tuple[list[float], bool]:
    """The ticks of the value axis, and whether it is broken (does not start at zero).

    The axis starts at zero, unless all values lie far from it and close together (a report
    mark between 6,5 and 6,8): drawn from zero, such a change would be invisible, so the axis
    covers the values with some room and says so.
    """
    low, high = min(values), max(values)
    if low > 0 and 0 < high - low < 0.25 * high:
        room = (high - low) * 0.5
        ticks = nice_ticks(low - room, high + room)
        if ticks[0] > 0:
            return ticks, True
    return nice_ticks(min(0.0, low), high), False


def _chart_legend(y: float, streef: bool, realisatie: bool, peil: bool) -> str:
    """The key of the series the chart draws: a series it does not draw is not listed."""
    parts = ['<g class="legenda">']
    x = float(_ML)
    if streef:
        parts.append(
            f'<path class="lijn streef" d="M{_fmt(x)} {_fmt(y - 4)} '
            f'L{_fmt(x + 28)} {_fmt(y - 4)}"/>'
            f'<rect class="punt streef" x="{_fmt(x + 10)}" y="{_fmt(y - 8)}" width="8" height="8"/>'
            f'<text x="{_fmt(x + 34)}" y="{_fmt(y)}">streefwaarde</text>'
        )
        x += 150
    if realisatie:
        parts.append(
            f'<path class="lijn realisatie" d="M{_fmt(x)} {_fmt(y - 4)} '
            f'L{_fmt(x + 28)} {_fmt(y - 4)}"/>'
            f'<circle class="punt realisatie" cx="{_fmt(x + 14)}" cy="{_fmt(y - 4)}" r="5"/>'
            f'<text x="{_fmt(x + 34)}" y="{_fmt(y)}">realisatie</text>'
        )
        x += 150
    if peil:
        c = x + 7
        parts.append(
            f'<path class="punt peil" d="M{_fmt(c)} {_fmt(y - 11)} L{_fmt(c + 7)} {_fmt(y - 4)} '
            f'L{_fmt(c)} {_fmt(y + 3)} L{_fmt(c - 7)} {_fmt(y - 4)} Z"/>'
            f'<text x="{_fmt(x + 19)}" y="{_fmt(y)}">peilwaarde</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def _fits_axis(text: str) -> bool:
    """Whether a tick label fits between the left edge and the axis (it ends at ``_ML - 6``)."""
    return text_width(text) <= _ML - 6 - 2


def _wrap_axis_title(text: str) -> list[str]:
    """The unit as axis title: whole words on lines as wide as the chart, never cut short."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word) <= _CW - 8:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
