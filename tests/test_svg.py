"""The pictures agree with the figures: DIN layout and indicator charts, checked geometrically."""

from __future__ import annotations

import html
import re

import pytest

from programmatool.loading import load_contract
from programmatool.rendering import svg

from .conftest import PROGRAMMAS

Rect = tuple[float, float, float, float]


def _rects(drawing: str) -> list[tuple[str, Rect]]:
    """Every box in a DIN drawing: its title and its rectangle."""
    boxes = []
    for m in re.finditer(
        r'<g class="din-knoop [^"]+"><title>(.*?)</title><rect x="([\d.]+)" y="([\d.]+)" '
        r'width="([\d.]+)" height="([\d.]+)"',
        drawing,
    ):
        x, y, w, h = (float(v) for v in m.groups()[1:])
        boxes.append((m.group(1), (x, y, w, h)))
    return boxes


def _points(d: str) -> list[tuple[float, float]]:
    """Points along an SVG path of M, L and C commands, 40 samples per curve."""
    tokens = re.findall(r"[MLC]|-?[\d.]+", d)
    points: list[tuple[float, float]] = []
    current = (0.0, 0.0)
    i = 0
    while i < len(tokens):
        cmd = tokens[i]
        if cmd in "ML":
            nxt = (float(tokens[i + 1]), float(tokens[i + 2]))
            if cmd == "L":
                points += (
                    [(current[0] + (nxt[0] - current[0]) * t / 40, current[1]) for t in range(41)]
                    if current[1] == nxt[1]
                    else [nxt]
                )
            current = nxt
            points.append(current)
            i += 3
        else:
            c = [float(v) for v in tokens[i + 1 : i + 7]]
            p0, p1, p2, p3 = current, (c[0], c[1]), (c[2], c[3]), (c[4], c[5])
            for step in range(41):
                t = step / 40
                a, b, cc, dd = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
                points.append(
                    (
                        a * p0[0] + b * p1[0] + cc * p2[0] + dd * p3[0],
                        a * p0[1] + b * p1[1] + cc * p2[1] + dd * p3[1],
                    )
                )
            current = p3
            i += 7
    return points


def _inside(point: tuple[float, float], rect: Rect) -> bool:
    x, y, w, h = rect
    return x + 1 < point[0] < x + w - 1 and y + 1 < point[1] < y + h - 1


def _din_drawings(name: str) -> list[str]:
    from programmatool.rendering.views import din_view

    contract = load_contract(PROGRAMMAS / f"{name}.yaml").contract
    assert contract is not None
    return re.findall(r"<svg.*?</svg>", din_view(contract).svg, re.DOTALL)


def _direct_network() -> str:
    """A small network with three efforts straight to one strategic goal, one also to a goal of
    the other, and one effort that serves no goal."""
    sd = [
        svg.DinStrategisch(
            svg.DinKnoop("1", "1. Schone straten"), [svg.DinKnoop("1a", "1a. Minder zwerfafval")]
        ),
        svg.DinStrategisch(
            svg.DinKnoop("2", "2. Veilige wijken"), [svg.DinKnoop("2a", "2a. Minder inbraken")]
        ),
    ]
    ins = [
        svg.DinInspanning(svg.DinKnoop("A", "Veegplan"), ["1"]),
        svg.DinInspanning(svg.DinKnoop("B", "Buurtpreventie"), ["1", "2a"]),
        svg.DinInspanning(svg.DinKnoop("C", "Afvalcoaches"), ["1"]),
        svg.DinInspanning(svg.DinKnoop("D", "Los project"), ["9z"]),
    ]
    return svg.din_svg(sd, ins, "Netwerk", "Een klein netwerk.")


def _drawings(name: str) -> list[str]:
    return [_direct_network()] if name == "rechtstreeks" else _din_drawings(name)


@pytest.mark.parametrize(
    "name",
    ["zorg", "duurzaamheid", "omgevingswet", "economie-participatie", "veiligheid", "rechtstreeks"],
)
def test_no_din_line_runs_through_a_box(name: str) -> None:
    for drawing in _drawings(name):
        boxes = _rects(drawing)
        for d in re.findall(r'<path class="din-lijn[^"]*" d="([^"]+)"', drawing):
            for point in _points(d):
                crossed = [title for title, rect in boxes if _inside(point, rect)]
                assert not crossed, (name, d, crossed)


def test_large_network_draws_its_goals_once_and_its_efforts_as_one_matrix() -> None:
    """Zorg's 35 efforts serve 105 goals: one drawing of the 13 goals (no effort box repeated
    per goal), and a matrix with every effort once and every contribution once."""
    from programmatool.rendering.views import din_view

    contract = load_contract(PROGRAMMAS / "zorg.yaml").contract
    assert contract is not None and len(contract.inspanningen) == 35
    view = din_view(contract)
    drawings = re.findall(r"<svg.*?</svg>", view.svg, re.DOTALL)
    assert len(drawings) == 1
    assert drawings[0].count('class="din-knoop din-ins"') == 0
    assert drawings[0].count('class="din-knoop din-sd"') == 4
    assert drawings[0].count('class="din-knoop din-od"') == 9
    assert [r.id for r in view.matrix] == [i.id for i in contract.inspanningen]
    assert [k.id for k in view.kolommen] == ["1", "2", "3", "4"]
    assert sum(sum(r.bij) for r in view.matrix) == 105
    assert [g for g, _ in view.zonder_inspanning] == [
        "1a",
        "1b",
        "1c",
        "1d",
        "1e",
        "2a",
        "2b",
        "4a",
        "4b",
    ]
    assert not view.getekend


def test_din_drawing_has_a_legend_for_what_it_shows() -> None:
    legend = re.findall(r'<g class="din-legenda">(.*?)</svg>', _direct_network(), re.DOTALL)[0]
    assert re.findall(r"<text[^>]*>(.*?)</text>", legend) == [
        "strategisch doel",
        "operationeel doel",
        "inspanning",
        "draagt bij aan",
        "draagt rechtstreeks bij aan een strategisch doel",
    ]
    (zorg,) = _din_drawings("zorg")
    legend = zorg[zorg.index('<g class="din-legenda">') :]
    assert re.findall(r"<text[^>]*>(.*?)</text>", legend) == [
        "strategisch doel",
        "operationeel doel",
        "hoort bij",
    ]


def test_lines_straight_to_a_strategic_goal_are_not_bundled_into_one_point() -> None:
    drawing = _direct_network().split('<g class="din-legenda">')[0]
    direct = re.findall(r'<path class="din-lijn din-lijn-direct" d="([^"]+)"', drawing)
    assert len(direct) == 3
    starts = {tuple(_points(d)[0]) for d in direct}
    tracks = {re.search(r" L[\d.]+ ([\d.]+) ", d).group(1) for d in direct}  # type: ignore[union-attr]
    assert len(starts) == 3 and len(tracks) == 3
    # The effort that serves no goal of the contract has no box: it would have no line.
    assert "Los project" not in drawing
    assert drawing.count('class="din-knoop din-ins"') == 3


def test_efforts_without_a_line_are_said_in_a_sentence_not_drawn(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    """Binnenstad links none of its 9 efforts to a goal: no boxes without lines, a sentence."""
    assert cli("render", PROGRAMMAS / "binnenstad.yaml", "--out", tmp_path).code == 0
    page = (tmp_path / "binnenstad.html").read_text(encoding="utf-8")
    din = page[page.index('<h2 id="din"') : page.index("</section>", page.index('<h2 id="din"'))]
    assert 'class="din-knoop din-ins"' not in din
    assert "0 bijdragen" not in din
    assert "5 strategische doelen, 10 operationele doelen en 9 inspanningen." in din
    assert (
        "Het contract koppelt geen inspanning aan een doel; de inspanningen staan onder "
        '<a href="#zonder-doel">Zonder doel in dit contract</a>.'
    ) in din


def test_din_labels_are_never_cut() -> None:
    contract = load_contract(PROGRAMMAS / "zorg.yaml").contract
    assert contract is not None
    text = "".join(_din_drawings("zorg")).replace("&#x27;", "'")
    for doel in [*contract.strategische_doelen, *contract.operationele_doelen()]:
        label = f"{doel.id}. {doel.titel}"
        nodes = re.findall(
            r"<title>" + re.escape(html.escape(label, quote=False)) + r"</title>(.*?)</g>", text
        )
        assert nodes, label
        shown = html.unescape(" ".join(re.findall(r"<text[^>]*>(.*?)</text>", nodes[0])))
        assert "…" not in shown
        # Only line breaks (and hyphens at a break inside a long word) are added.
        assert re.sub(r"[\s-]", "", shown) == re.sub(r"[\s-]", "", label)


def test_small_network_stays_one_drawing() -> None:
    assert len(_din_drawings("veiligheid")) == 1


def test_chart_markers_stay_clear_of_the_axis_labels() -> None:
    drawing = svg.indicator_svg(
        (2018, 0.0),
        {2019: 1000.0, 2022: 6000.0},
        {2020: 0.0},
        "t",
        "b",
        lambda v: f"{v:.0f} m²",
        "g",
    )
    labels_end = max(
        float(x)
        for x in re.findall(r'<text class="as" x="([\d.]+)"[^>]*text-anchor="end"', drawing)
    )
    diamonds = re.findall(
        r'<path class="punt peil" d="M([\d.]+) [\d.]+ L[\d.]+ [\d.]+ L[\d.]+ [\d.]+ L([\d.]+)',
        drawing,
    )
    assert diamonds
    for _, left in diamonds[:1]:
        assert float(left) > labels_end + 4
    for cx in re.findall(r'<circle class="punt realisatie" cx="([\d.]+)"', drawing):
        assert float(cx) - 5 > labels_end + 4


def _axis_texts(drawing: str) -> list[tuple[float, str, str]]:
    """Every axis text of a chart: its x, its anchor (start, middle, end) and its text."""
    found = []
    for m in re.finditer(
        r'<text class="as[^"]*" x="([\d.]+)" y="[\d.]+"([^>]*)>(.*?)</text>', drawing
    ):
        anchor = re.search(r'text-anchor="(\w+)"', m.group(2))
        text = html.unescape(m.group(3))
        found.append((float(m.group(1)), anchor.group(1) if anchor else "start", text))
    return found


def _chart(eenheid: str, values: dict[int, float]) -> str:
    return svg.indicator_svg(
        None,
        {},
        values,
        "t",
        "b",
        lambda v: f"{v:g}\u00a0{eenheid}",
        "g",
        [("Zeeland", {2016: 738.2})],
        getal=lambda v: f"{v:g}",
        eenheid=eenheid,
    )


@pytest.mark.parametrize(
    "eenheid",
    [
        "Aantal per 1.000 inwoners in de leeftijd 15 – 64 jaar",
        "% van de werkzame beroepsbevolking ten opzichte van de beroepsbevolking",
        "Aantal per 10.000 inwoners van 15 – 64 jaar " * 3,
    ],
)
def test_a_long_unit_is_an_axis_title_in_full_and_no_axis_text_leaves_the_chart(
    eenheid: str,
) -> None:
    drawing = _chart(eenheid, {2016: 864.4})
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', drawing).group(1))  # type: ignore[union-attr]
    texts = _axis_texts(drawing)
    for x, anchor, text in texts:
        extent = svg.text_width(text)
        left = {"start": x, "middle": x - extent / 2, "end": x - extent}[anchor]
        assert left >= 0 and left + extent <= width, (text, left)
    ticks = [text for _, anchor, text in texts if anchor == "end"]
    assert ticks and all(re.fullmatch(r"[\d.,]+", t) for t in ticks), ticks
    title = [text for _, anchor, text in texts if anchor == "start"]
    assert " ".join(title) == " ".join(eenheid.split())
    # The title lines stand above the highest tick label: nothing overlaps.
    ys = [
        float(y) for y in re.findall(r'<text class="as as-titel" x="[\d.]+" y="([\d.]+)"', drawing)
    ]
    top_tick = min(
        float(y)
        for y in re.findall(r'<text class="as" x="[\d.]+" y="([\d.]+)" text-anchor="end"', drawing)
    )
    assert max(ys) + 12 <= top_tick


def test_a_short_unit_stays_beside_each_tick() -> None:
    drawing = _chart("m²", {2019: 1000.0, 2022: 6000.0})
    assert "as-titel" not in drawing
    assert [t for _, a, t in _axis_texts(drawing) if a == "end"][-1] == "6000\u00a0m²"


def test_the_terneuzen_charts_name_their_long_units_above_the_axis(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    path = PROGRAMMAS.parent / "voorbeelden" / "terneuzen-beleidsindicatoren-2018.yaml"
    assert cli("render", path, "--out", tmp_path).code == 0
    page = (tmp_path / "terneuzen-beleidsindicatoren-2018.html").read_text(encoding="utf-8")
    chart = re.search(r"<svg[^>]*ind-los-banen-titel.*?</svg>", page, re.DOTALL)
    assert chart is not None
    texts = _axis_texts(chart.group(0))
    assert (4.0, "start", "Aantal per 1.000 inwoners in de leeftijd 15 – 64 jaar") in texts
    # The figures lie between about 700 and 900: the axis covers them, not 0 to 1.000.
    assert [t for _, a, t in texts if a == "end"] == ["600", "700", "800", "900", "1.000"]
    assert '<text class="bereik"' in chart.group(0)


def test_a_report_mark_axis_shows_a_change_of_0_3_and_says_where_it_starts() -> None:
    """A rapportcijfer from 6,5 to 6,8 drawn from 0 to 8 would show no change: the axis covers
    the figures, is marked as broken and says its range; without realisations the legend does
    not list 'realisatie'."""
    drawing = svg.indicator_svg(
        (2018, 6.5), {2022: 6.8}, {}, "t", "b", lambda v: f"{v:g}".replace(".", ","), "r"
    )
    ticks = [t for _, a, t in _axis_texts(drawing) if a == "end"]
    assert ticks == ["6,2", "6,4", "6,6", "6,8", "7"]
    assert 'class="as-breuk"' in drawing
    assert '<text class="bereik" x="70" y="246">as van 6,2 tot 7, niet vanaf 0</text>' in drawing
    legend = re.findall(r'<g class="legenda">(.*?)</g>', drawing)[0]
    assert re.findall(r"<text[^>]*>(.*?)</text>", legend) == ["streefwaarde", "peilwaarde"]
    # Figures near zero or far apart keep the axis from zero, unbroken.
    wide = svg.indicator_svg(None, {2022: 80.0}, {2020: 40.0}, "t", "b", str, "w")
    assert "as-breuk" not in wide and "bereik" not in wide
    legend = re.findall(r'<g class="legenda">(.*?)</g>', wide)[0]
    assert re.findall(r"<text[^>]*>(.*?)</text>", legend) == ["streefwaarde", "realisatie"]


def test_milestone_table_shows_its_target_date_in_its_year(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    assert cli("render", PROGRAMMAS / "omgevingswet.yaml", "--out", out).code == 0
    html = (out / "omgevingswet.html").read_text(encoding="utf-8")
    table = html[html.index("Omgevingsvisie vastgesteld door de gemeenteraad <span") :]
    table = table[: table.index("</table>")]
    cells = re.findall(r"<tr><th scope=\"row\">Streefwaarde</th>(.*?)</tr>", table)[0]
    years = re.findall(r'<th scope="col" class="getal">(\d{4})</th>', table)
    values = re.findall(r'<td class="getal">(.*?)</td>', cells)
    assert dict(zip(years, values, strict=True))["2020"] == "uiterlijk 1 juli 2020"
    assert values.count("–") == len(values) - 1
