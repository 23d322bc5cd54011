"""Each indicator's page shows its history from git: targets and realisations in the adopted
version and every later one, with the changes in words and a small table and chart."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import MINIMAAL


def git(repo: Path, *args: str, date: str = "2019-06-11T12:00:00") -> None:
    """Run git in ``repo`` with a fixed author, date and no settings of the user or system."""
    env = {
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "Griffie",
        "GIT_AUTHOR_EMAIL": "griffie@example.org",
        "GIT_COMMITTER_NAME": "Griffie",
        "GIT_COMMITTER_EMAIL": "griffie@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": "/usr/bin:/bin",
        "HOME": str(repo),
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def commit(repo: Path, text: str, date: str, message: str) -> None:
    (repo / "schone-stad.yaml").write_text(text, encoding="utf-8")
    git(repo, "add", "schone-stad.yaml", date=date)
    git(repo, "commit", "-q", "-m", message, date=date)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A concept, its adoption, a change in 2021, and a change not yet committed."""
    repo = tmp_path / "contracten"
    repo.mkdir()
    git(repo, "init", "-q")
    adopted = MINIMAAL.read_text(encoding="utf-8")
    concept = adopted.replace(
        "status: vastgesteld\nvastgesteld_op: 2019-06-11\n", "status: concept\n"
    )
    concept = concept.replace("2021: 17, 2022: 20}", "2021: 17, 2022: 25}")
    commit(repo, concept, "2019-05-01T12:00:00", "concept")
    commit(repo, adopted, "2019-06-11T12:00:00", "vastgesteld")
    changed = adopted.replace("2022: 20}", "2022: 17.5}").replace(
        "      2020: {waarde: 11, bron: Jaarverslag 2020}\n",
        "      2020: {waarde: 11, bron: Jaarverslag 2020}\n      2021: 15\n",
    )
    commit(repo, changed, "2021-03-03T12:00:00", "minder scholen in 2022")
    (repo / "schone-stad.yaml").write_text(
        changed.replace("2021: 17,", "2021: 18,"), encoding="utf-8"
    )
    return repo


def test_indicator_page_tells_how_targets_and_realisations_changed(
    repo: Path,
    tmp_path: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    out = tmp_path / "site"
    run = cli("publish", repo / "schone-stad.yaml", "--uit", out, "--zonder-zoeken")
    assert run.code == 0, run.err
    page = (out / "programma" / "schone-stad" / "indicator-scholen.html").read_text("utf-8")
    section = page[page.index('<section class="geschiedenis"') :]
    assert (
        "<p>De streefwaarden en realisaties in elke versie van het contract sinds de vastgestelde "
        "versie van 11 juni 2019, uit git.</p>" in section
    )
    assert re.findall(r"<li>(.*?)</li>", section.split("</ul>")[0]) == [
        "streefwaarde 2022 verlaagd van 20 naar 17,5 op 3 maart 2021",
        "realisatie 2021 toegevoegd: 15 op 3 maart 2021",
        "streefwaarde 2021 verhoogd van 17 naar 18 in de versie van nu",
    ]
    targets = section[section.index("<caption>Streefwaarden per versie</caption>") :]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", targets.split("</table>")[0])
    labels = [re.sub(r"commit [0-9a-f]{10}", "commit …", label) for label, _ in rows]
    assert labels == [
        "11 juni 2019 (vastgesteld; commit …)",
        "3 maart 2021 (vastgesteld; commit …)",
        "nu (vastgesteld; nog niet in git vastgelegd)",
    ]
    cells = [re.findall(r'<td class="getal">(.*?)</td>', c) for _, c in rows]
    # The years 2019–2022; the concept's 25 for 2022 came before adoption and is not shown.
    assert cells == [["8", "12", "17", "20"], ["8", "12", "17", "17,5"], ["8", "12", "18", "17,5"]]
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img"' in section
    assert "streefwaarden 11 juni 2019" in section


def test_outside_git_an_indicator_has_no_history_section(
    tmp_path: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    source = tmp_path / "schone-stad.yaml"
    source.write_bytes(MINIMAAL.read_bytes())
    out = tmp_path / "site"
    assert cli("publish", source, "--uit", out, "--zonder-zoeken").code == 0
    page = (out / "programma" / "schone-stad" / "indicator-scholen.html").read_text("utf-8")
    assert "geschiedenis" not in page


def test_history_over_the_limit_is_left_out_and_said(
    repo: Path,
    tmp_path: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    (repo / "programmatool.toml").write_text("[limieten]\nmax_history_bytes = 3000\n", "utf-8")
    out = tmp_path / "site"
    run = cli(
        "publish",
        repo / "schone-stad.yaml",
        "--uit",
        out,
        "--zonder-zoeken",
        "--config",
        repo / "programmatool.toml",
    )
    assert run.code == 0, run.err
    assert "geen geschiedenis per indicator: de oude versies samen zijn" in run.err
    page = (out / "programma" / "schone-stad" / "indicator-scholen.html").read_text("utf-8")
    assert "geschiedenis-wijzigingen" not in page
