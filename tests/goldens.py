"""Golden documents: every kind of document the tool writes, for fixed contracts.

``tests/test_goldens.py`` compares what the tool writes now with the files in
``tests/golden/documenten/`` and never writes them. After a deliberate change, update them with
the explicit command ``make goldens`` (``python -m tests.goldens``) and read the diff
(``git diff tests/golden``) before committing it.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "documenten"
#: The text of the PDFs (pdftotext, page by page): the reading order, the running header, the
#: page numbers and the page numbers in the contents.
PDF_GOLDEN = ROOT / "tests" / "golden" / "pdf"

#: The contracts behind the goldens: a snapshot of a real contract (Duurzaamheid), the contract
#: that uses every field of the model, and the small example it has a relation with.
CONTRACTS = (
    "tests/golden/duurzaamheid.yaml",
    "tests/fixtures/render/volledig.yaml",
    "tests/fixtures/minimaal.yaml",
)
#: The year of the annual accounts (every contract above runs in it).
JAAR = 2020


def outside_git(folder: Path) -> Path:
    """The contracts copied to ``folder`` under their own relative paths, outside any git
    repository: the card's line on changes since adoption must not depend on this repository's
    history (a fresh clone, a shallow one or a tarball would give other goldens)."""
    for name in CONTRACTS:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, target)
    return folder


def documents() -> dict[str, str]:
    """Every golden document as the tool writes it now: relative path → text."""
    from programmatool.pipeline.render import render

    out: dict[str, str] = {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        tempfile.TemporaryDirectory() as source,
        contextlib.chdir(outside_git(Path(source))),
    ):
        for soort, jaar in (("contract", None), (f"verantwoording-{JAAR}", JAAR)):
            for formaat in ("md", "html"):
                folder = Path(tmp) / soort / formaat
                result = render([Path(c) for c in CONTRACTS], formaat, folder, jaar=jaar)
                assert not result.problems and not result.findings, result
                for path in result.written:
                    out[f"{soort}/{path.name}"] = path.read_text(encoding="utf-8")
    return out


def pdf_files(folder: Path) -> list[Path]:
    """The first contract (Duurzaamheid) as PDFs in ``folder``: the contract and the annual
    account, each with its portfolio page."""
    from programmatool.pipeline.render import render

    written: list[Path] = []
    with tempfile.TemporaryDirectory() as source, contextlib.chdir(outside_git(Path(source))):
        for soort, jaar in (("contract", None), (f"verantwoording-{JAAR}", JAAR)):
            result = render([Path(CONTRACTS[0])], "pdf", folder / soort, jaar=jaar)
            assert not result.problems and not result.findings, result
            written += result.written
    return written


def pdf_text(pdf: Path) -> str:
    """A PDF's text as pdftotext reads it, page by page, without blank lines."""
    done = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, check=True, encoding="utf-8"
    )
    lines: list[str] = []
    for number, page in enumerate(done.stdout.split("\f")[:-1], start=1):
        lines.append(f"=== pagina {number} ===")
        lines.extend(line.rstrip() for line in page.splitlines() if line.strip())
    return "\n".join(lines) + "\n"


def pdf_name(pdf: Path) -> str:
    """The golden's name of a PDF from :func:`pdf_files`: ``contract/duurzaamheid.pdf.txt``."""
    return f"{pdf.parent.name}/{pdf.name}.txt"


def pdf_documents() -> dict[str, str]:
    """The text of every golden PDF as the tool writes it now: relative path → text."""
    with tempfile.TemporaryDirectory() as tmp:
        return {pdf_name(p): pdf_text(p) for p in pdf_files(Path(tmp))}


def stored(folder: Path = GOLDEN) -> dict[str, str]:
    """The golden documents as committed: relative path → text."""
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def update(folder: Path = GOLDEN, now: dict[str, str] | None = None) -> list[str]:
    """Write the goldens anew (and remove ones the tool no longer writes); the changed names."""
    now = documents() if now is None else now
    before = stored(folder)
    changed = []
    for name, text in sorted(now.items()):
        if before.get(name) != text:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    for name in sorted(set(before) - set(now)):
        (folder / name).unlink()
        changed.append(name)
    return changed


if __name__ == "__main__":
    names = [f"tests/golden/documenten/{name}" for name in update()]
    names += [f"tests/golden/pdf/{name}" for name in update(PDF_GOLDEN, pdf_documents())]
    for name in names:
        print(f"bijgewerkt: {name}")
    print(f"{len(names)} golden-bestanden bijgewerkt; lees het verschil met: git diff tests/golden")
    sys.exit(0)
