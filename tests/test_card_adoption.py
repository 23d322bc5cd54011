"""The programme card says what changed since the adopted version (git repositories in tmp_path)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import ROOT, Run
from .diff_goldens import commit, git, replace_once

VOLLEDIG = ROOT / "tests" / "fixtures" / "render" / "volledig.yaml"
TARGET = "streefwaarden: {2021: 6.6, 2023: 7}"
MEASUREMENT = "      2022: {waarde: 6.9, datum: 2022-10-01, voorlopig: true}\n"


def _card(text: str) -> str:
    """The card's line on changes, from its question up to the next fact or table."""
    start = text.index("Wat is er veranderd sinds de vaststelling?")
    end = text.index("Wat kost het?", start)
    return text[start:end]


def _concept(text: str) -> str:
    text = text.replace("status: vastgesteld", "status: concept", 1)
    return text.replace("vastgesteld_op: 2020-03-17\n", "", 1)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository where the contract was a concept, then adopted on 17 March 2020 (tag v1),
    then got a new measurement; cwd is its root."""
    root = tmp_path / "gemeente"
    root.mkdir()
    git(tmp_path, "init", "-q", "-b", "main", root.name)
    full = VOLLEDIG.read_text(encoding="utf-8")
    contract = root / "contract.yaml"
    contract.write_text(_concept(full).replace(MEASUREMENT, ""), encoding="utf-8")
    commit(root, "Concept")
    contract.write_text(full.replace(MEASUREMENT, ""), encoding="utf-8")
    commit(root, "Vastgesteld door de raad", tag="v1")
    contract.write_text(full, encoding="utf-8")
    commit(root, "Meting 2022")
    monkeypatch.chdir(root)
    return root


def _render(cli: Callable[..., Run], formaat: str, *extra: str) -> tuple[Run, str]:
    result = cli("render", "contract.yaml", "--out", "site", "--format", formaat, *extra)
    text = ""
    if result.code == 0:
        text = (Path("site") / f"volledig-voorbeeld.{formaat}").read_text(encoding="utf-8")
    return result, text


def test_a_measurement_after_adoption_is_no_change(repo: Path, cli: Callable[..., Run]) -> None:
    result, text = _render(cli, "md")
    assert result.code == 0, result.err
    line = _card(text)
    assert "Geen wijzigingen sinds vaststelling op 17 maart 2020 (kenmerk RV-2020/0017)." in line
    # The contract names the adopted version itself; a reader gets no commit id and no line
    # on what was compared.
    commit_id = git(repo, "rev-parse", "v1").strip()
    assert commit_id[:7] not in text and "commit" not in text and "Vergeleken met" not in line


def test_the_card_names_the_changes_since_adoption_most_important_first(
    repo: Path, cli: Callable[..., Run]
) -> None:
    contract = repo / "contract.yaml"
    replace_once(contract, TARGET, "streefwaarden: {2021: 6.6, 2023: 6.8}")
    replace_once(contract, "status: vastgesteld", "status: gewijzigd")
    commit(repo, "Tussentijdse herziening")
    # An uncommitted edit counts too: the card compares with the file as it is now.
    replace_once(contract, "contract weet, staat", "contract kent, staat")
    result, text = _render(cli, "md")
    assert result.code == 0, result.err
    line = _card(text)
    assert "Sinds vaststelling op 17 maart 2020 (kenmerk RV-2020/0017): 2 wijzigingen:" in line
    items = re.findall(r"^  - (.*)$", line, re.M)
    assert items[0].startswith("indicator 'Rapportcijfer van bewoners voor een schone straat'")
    assert "ambitie verlaagd: 7 → 6,8 in 2023, hoger is beter" in items[0]
    assert items[1].startswith("motto:"), items
    # The new measurement and the status word are execution and bookkeeping, not changes.
    assert "meting 2022" not in line and "status" not in line.lower().split("vergeleken")[0]
    assert "- **Versie:** gewijzigd na vaststelling op 17 maart 2020" in text


def test_the_rest_is_counted_and_html_links_the_changes_chapter(
    repo: Path, cli: Callable[..., Run]
) -> None:
    contract = repo / "contract.yaml"
    replace_once(contract, TARGET, "streefwaarden: {2021: 6.6, 2023: 6.8}")
    text = contract.read_text(encoding="utf-8")
    text = text.replace("motto: Alles wat het contract weet", "motto: Alles wat het contract kent")
    text = text.replace("programma: Volledig Voorbeeld", "programma: Volledig Voorbeeld Nieuw")
    contract.write_text(text.replace("gemeente: Voorbeeldstad", "gemeente: Voorbeeldorp"), "utf-8")
    result, html = _render(cli, "html", "--sinds", "v1")
    assert result.code == 0, result.err
    line = _card(html)
    assert re.search(r"Sinds vaststelling op 17 maart 2020 \(kenmerk RV-2020/0017\): (\d+) ", line)
    total = int(re.search(r"\): (\d+) wijzigingen", line).group(1))  # type: ignore[union-attr]
    assert total >= 4
    assert ", waarvan de belangrijkste:" in line
    first = re.findall(r"<li>(.*?)</li>", line)
    assert len(first) == 3 and first[0].startswith(
        "indicator &#39;Rapportcijfer van bewoners voor een schone straat&#39;"
    )
    assert f"<p>en nog {total - 3} andere wijziging" in line
    assert (
        'Alle wijzigingen: <a href="#wijzigingen">Wijzigingen ten opzichte van de vastgestelde '
        "versie van 17 maart 2020</a>" in line
    )
    assert 'id="wijzigingen"' in html


def test_explicit_adopted_version(repo: Path, cli: Callable[..., Run]) -> None:
    replace_once(repo / "contract.yaml", TARGET, "streefwaarden: {2021: 6.6, 2023: 8}")
    commit(repo, "Ambitie omhoog", tag="v2")
    result, text = _render(cli, "md", "--vastgesteld", "v2")
    assert result.code == 0, result.err
    line = _card(text)
    assert "Geen wijzigingen sinds vaststelling op 17 maart 2020" in line
    assert "Vergeleken met" not in line and "v2" not in line
    result, text = _render(cli, "md", "--vastgesteld", "v1")
    assert "1 wijziging:" in _card(text) and "ambitie verhoogd: 7 → 8" in _card(text)


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("v9", "onbekende revisie 'v9'"),
        ("--output=/tmp/x", "onbekende revisie '--output=/tmp/x'"),
        ("HEAD;rm -rf /", "onbekende revisie 'HEAD;rm -rf /'"),
    ],
)
def test_unknown_adopted_version_is_refused_and_nothing_written(
    repo: Path, cli: Callable[..., Run], ref: str, message: str
) -> None:
    result = cli("render", "contract.yaml", "--out", "site", f"--vastgesteld={ref}")
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err
    assert not (repo / "site").exists()


def test_explicit_version_outside_git_is_refused(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(VOLLEDIG, tmp_path / "contract.yaml")
    monkeypatch.chdir(tmp_path)
    result = cli("render", "contract.yaml", "--out", "site", "--vastgesteld", "v1")
    assert result.code == 2
    assert "contract.yaml ligt niet in een git-repository; --vastgesteld" in result.err


def test_outside_git_the_card_says_so_without_running_git(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    from programmatool.pipeline import git as gitrev

    shutil.copyfile(VOLLEDIG, tmp_path / "contract.yaml")
    monkeypatch.chdir(tmp_path)

    def no_git(*args: object, **kwargs: object) -> None:
        raise AssertionError("git was started outside a repository")

    monkeypatch.setattr(gitrev, "_run", no_git)
    monkeypatch.setattr(gitrev.subprocess, "run", no_git)
    for formaat in ("md", "html"):
        result, text = _render(cli, formaat)
        assert result.code == 0, result.err
        assert (
            "Vastgestelde versie niet gevonden: contract.yaml staat niet in een "
            "git-repository." in _card(text)
        )


def test_never_adopted_and_not_yet_committed(repo: Path, cli: Callable[..., Run]) -> None:
    shutil.copyfile(repo / "contract.yaml", repo / "nieuw.yaml")
    replace_once(repo / "nieuw.yaml", "code: volledig-voorbeeld", "code: nieuw")
    result = cli("render", "nieuw.yaml", "--out", "site", "--format", "md")
    assert result.code == 0, result.err
    text = (repo / "site" / "nieuw.md").read_text(encoding="utf-8")
    line = _card(text)
    assert (
        "Vastgestelde versie niet gevonden: nieuw.yaml is nog niet in de versiegeschiedenis" in line
    )
    concept = repo / "concept.yaml"
    text = _concept(VOLLEDIG.read_text("utf-8"))
    concept.write_text(text.replace("code: volledig-voorbeeld", "code: c"), "utf-8")
    commit(repo, "Een concept")
    assert cli("render", "concept.yaml", "--out", "site", "--format", "md").code == 0
    text = (repo / "site" / "c.md").read_text(encoding="utf-8")
    assert (
        "Nog niet vastgesteld: dit is een concept, en de versiegeschiedenis heeft geen eerder"
        in _card(text)
    )


def test_an_adoption_date_git_never_saw(repo: Path, cli: Callable[..., Run]) -> None:
    replace_once(repo / "contract.yaml", "vastgesteld_op: 2020-03-17", "vastgesteld_op: 2021-01-05")
    result, text = _render(cli, "md")
    assert result.code == 0, result.err
    assert (
        "Vastgestelde versie niet gevonden: geen versie met status vastgesteld en "
        "vaststellingsdatum 5 januari 2021 in de geschiedenis van contract.yaml." in _card(text)
    )


def test_a_concept_draft_compares_with_the_version_in_force(
    repo: Path, cli: Callable[..., Run]
) -> None:
    contract = repo / "contract.yaml"
    contract.write_text(_concept(contract.read_text("utf-8")), encoding="utf-8")
    replace_once(contract, TARGET, "streefwaarden: {2021: 6.6, 2023: 7.5}")
    result, text = _render(cli, "md")
    assert result.code == 0, result.err
    line = _card(text)
    # The draft dropped the adoption date too: that is a change of its own, listed after.
    assert "Sinds vaststelling op 17 maart 2020 (kenmerk RV-2020/0017): 2 wijzigingen:" in line
    items = re.findall(r"^  - (.*)$", line, re.M)
    assert "ambitie verhoogd: 7 → 7,5" in items[0]
    assert items[1].startswith("vastgesteld op: weg"), items


def test_renamed_file_keeps_its_history(repo: Path, cli: Callable[..., Run]) -> None:
    git(repo, "mv", "contract.yaml", "hernoemd.yaml")
    commit(repo, "Andere naam")
    result = cli("render", "hernoemd.yaml", "--out", "site", "--format", "md")
    assert result.code == 0, result.err
    text = (repo / "site" / "volledig-voorbeeld.md").read_text(encoding="utf-8")
    assert "Geen wijzigingen sinds vaststelling op 17 maart 2020" in _card(text)


def test_same_input_same_card(repo: Path, cli: Callable[..., Run]) -> None:
    replace_once(repo / "contract.yaml", TARGET, "streefwaarden: {2021: 6.6, 2023: 6.8}")
    first = _render(cli, "html")[1]
    shutil.rmtree("site")
    assert _render(cli, "html")[1] == first


def test_the_library_renders_the_line_for_a_file(repo: Path) -> None:
    from programmatool import load_contract
    from programmatool.pipeline.render import render_contract

    replace_once(repo / "contract.yaml", TARGET, "streefwaarden: {2021: 6.6, 2023: 6.8}")
    contract = load_contract(Path("contract.yaml")).contract
    assert contract is not None
    text = render_contract(contract, "contract.yaml", "md")
    assert "Sinds vaststelling op 17 maart 2020 (kenmerk RV-2020/0017): 1 wijziging:" in text


def test_a_copied_contract_does_not_inherit_the_originals_history(
    repo: Path, cli: Callable[..., Run]
) -> None:
    copy = repo / "kopie.yaml"
    text = (repo / "contract.yaml").read_text(encoding="utf-8")
    copy.write_text(text.replace("code: volledig-voorbeeld", "code: kopie"), encoding="utf-8")
    commit(repo, "Nieuw programma naar het voorbeeld van het eerste")
    replace_once(copy, TARGET, "streefwaarden: {2021: 6.6, 2023: 6.8}")
    assert cli("render", "kopie.yaml", "--out", "site", "--format", "md").code == 0
    line = _card((repo / "site" / "kopie.md").read_text(encoding="utf-8"))
    # The copy's own first version: only the changed ambition, nothing from the original.
    assert "Sinds vaststelling op 17 maart 2020 (kenmerk RV-2020/0017): 1 wijziging:" in line


def test_the_pdf_card_has_the_line(repo: Path, cli: Callable[..., Run]) -> None:
    import subprocess

    from .test_pdf import _missing

    if _missing():
        pytest.skip(str(_missing()))
    replace_once(repo / "contract.yaml", TARGET, "streefwaarden: {2021: 6.6, 2023: 6.8}")
    result = cli("render", "contract.yaml", "--out", "site", "--format", "pdf")
    assert result.code == 0, result.err
    text = subprocess.run(
        ["pdftotext", "site/volledig-voorbeeld.pdf", "-"], capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    assert "Wat is er veranderd sinds de vaststelling?" in flat
    assert "Sinds vaststelling op 17 maart 2020 (kenmerk RV-2020/0017): 1 wijziging:" in flat
    assert "ambitie verlaagd: 7 → 6,8 in 2023, hoger is beter" in flat


def test_without_an_adoption_date_the_version_is_named(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "gemeente"
    root.mkdir()
    git(tmp_path, "init", "-q", "-b", "main", root.name)
    text = VOLLEDIG.read_text(encoding="utf-8").replace("vastgesteld_op: 2020-03-17\n", "")
    (root / "contract.yaml").write_text(text, encoding="utf-8")
    commit(root, "Vastgesteld", tag="raad-2020")
    monkeypatch.chdir(root)
    result, md = _render(cli, "md", "--vastgesteld", "raad-2020")
    assert result.code == 0, result.err
    line = _card(md)
    # The contract's own version names the adopted version; the revision says what was compared.
    assert "Geen wijzigingen sinds vaststelling (versie 1.4; kenmerk RV-2020/0017)." in line
    assert "Vergeleken met" not in line
    result, md = _render(cli, "md")
    line = _card(md)
    assert "Geen wijzigingen sinds vaststelling (versie 1.4; kenmerk RV-2020/0017)." in line
    assert "commit" not in line and "Vergeleken met" not in line, line


def test_without_a_version_of_its_own_the_adopted_one_is_named_by_its_date_in_git(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "gemeente"
    root.mkdir()
    git(tmp_path, "init", "-q", "-b", "main", root.name)
    text = VOLLEDIG.read_text(encoding="utf-8")
    text = text.replace("vastgesteld_op: 2020-03-17\n", "").replace('versie: "1.4"\n', "")
    (root / "contract.yaml").write_text(text, encoding="utf-8")
    commit(root, "Vastgesteld")
    monkeypatch.chdir(root)
    result, md = _render(cli, "md")
    assert result.code == 0, result.err
    # The day it was saved is not the day of the decision, and is called so.
    assert re.search(
        r"Geen wijzigingen sinds vaststelling \(versie van \d+ \w+ \d{4}; "
        r"kenmerk RV-2020/0017\)\.\n  Vergeleken met de vastgestelde versie zoals die op "
        r"\d+ \w+ \d{4} is bewaard\.",
        _card(md),
    ), _card(md)


def test_a_direction_change_is_said_in_words() -> None:
    from programmatool import load_contract
    from programmatool.diff.changes import diff

    contract = load_contract(VOLLEDIG).contract
    assert contract is not None
    old = contract.model_copy(deep=True)
    new = contract.model_copy(deep=True)
    old.indicatoren[0].richting = None
    new.indicatoren[0].richting = "onbekend"
    [change] = [c for c in diff(old, new) if c.check == "richting-gewijzigd"]
    # The old direction was derived from the peil- and streefwaarden, as every verdict reads it.
    assert change.message == "hoger is beter → onbekend of hoger of lager beter is"


# --- the adopted version named once for every card: [render] vastgesteld ------------------------


def test_the_configuration_names_the_adopted_version_for_every_card(
    repo: Path, cli: Callable[..., Run]
) -> None:
    contract = repo / "contract.yaml"
    # A correction after the tagged version; the configuration says *it* is the adopted text.
    replace_once(contract, "contract weet, staat", "contract kent, staat")
    commit(repo, "Overname gecorrigeerd")
    corrected = git(repo, "rev-parse", "HEAD").strip()
    result, md = _render(cli, "md")
    assert "Sinds vaststelling op 17 maart 2020 (kenmerk RV-2020/0017): 1 wijziging" in _card(md)

    (repo / "programmatool.toml").write_text(f'[render]\nvastgesteld = "{corrected}"\n')
    result, md = _render(cli, "md")
    assert result.code == 0, result.err
    line = _card(md)
    assert "Geen wijzigingen sinds vaststelling op 17 maart 2020" in line
    assert corrected[:7] not in line and "commit" not in line
    # The command line still wins.
    result, md = _render(cli, "md", "--vastgesteld", "v1")
    assert "1 wijziging" in _card(md)


def test_an_unknown_revision_in_the_configuration_is_said_on_the_card_not_fatal(
    repo: Path, cli: Callable[..., Run]
) -> None:
    (repo / "programmatool.toml").write_text('[render]\nvastgesteld = "bestaat-niet"\n')
    result, md = _render(cli, "md")
    assert result.code == 0, result.err
    line = _card(md).replace("\\", "")  # Markdown escapes [ ] and _
    assert (
        "Vastgestelde versie niet gevonden: de revisie 'bestaat-niet' ([render] vastgesteld "
        "in programmatool.toml) is hier niet te vinden" in line
    )
    assert str(repo) not in line  # the document does not depend on where it was made


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("[render]\nvastgesteld = 12\n", "'vastgesteld' in [render] moet een git-revisie zijn"),
        ('[render]\nvastgesteld = "--output=x"\n', "moet een git-revisie zijn"),
        ('[render]\nvastgestled = "v1"\n', "onbekende sleutel 'vastgestled' in [render]"),
    ],
)
def test_a_wrong_render_table_is_refused_in_dutch(
    repo: Path, cli: Callable[..., Run], table: str, message: str
) -> None:
    (repo / "programmatool.toml").write_text(table)
    result, _md = _render(cli, "md")
    assert result.code == 2
    assert "programmatool.toml:2: " in result.err and message in result.err
    assert not (repo / "site").exists()


def test_a_named_version_that_is_a_concept_is_not_called_adopted(
    repo: Path, cli: Callable[..., Run]
) -> None:
    concept = git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    result, md = _render(cli, "md", "--vastgesteld", concept)
    assert result.code == 0, result.err
    line = _card(md)
    assert (
        "Nog niet vastgesteld: in de aangewezen vastgestelde versie is dit contract een concept"
        in line
    )
    assert concept[:7] not in line
    assert "Geen wijzigingen sinds vaststelling" not in line
