"""Golden documents: every kind of document the tool writes, for fixed contracts.

``tests/test_goldens.py`` compares what the tool writes now with the files in
``tests/golden/documenten/`` and never writes them. After a deliberate change, update them with
the explicit command ``make goldens`` (``python -m tests.goldens``) and read the diff
(``git diff tests/golden``) before committing it.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "documenten"

#: The contracts behind the goldens: a snapshot of a real contract (Duurzaamheid), the contract
#: that uses every field of the model, and the small example it has a relation with.
CONTRACTS = (
    "tests/golden/duurzaamheid.yaml",
    "tests/fixtures/render/volledig.yaml",
    "tests/fixtures/minimaal.yaml",
)
#: The year of the annual accounts (every contract above runs in it).
JAAR = 2020


def documents() -> dict[str, str]:
    """Every golden document as the tool writes it now: relative path → text."""
    from programmatool.rendering import render

    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(ROOT):
        for soort, jaar in (("contract", None), (f"verantwoording-{JAAR}", JAAR)):
            for formaat in ("md", "html"):
                folder = Path(tmp) / soort / formaat
                result = render([Path(c) for c in CONTRACTS], formaat, folder, jaar=jaar)
                assert not result.problems and not result.findings, result
                for path in result.written:
                    out[f"{soort}/{path.name}"] = path.read_text(encoding="utf-8")
    return out


def stored() -> dict[str, str]:
    """The golden documents as committed: relative path → text."""
    return {
        path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }


def update() -> list[str]:
    """Write the goldens anew (and remove ones the tool no longer writes); the changed names."""
    now = documents()
    before = stored()
    changed = []
    for name, text in sorted(now.items()):
        if before.get(name) != text:
            target = GOLDEN / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    for name in sorted(set(before) - set(now)):
        (GOLDEN / name).unlink()
        changed.append(name)
    return changed


if __name__ == "__main__":
    names = update()
    for name in names:
        print(f"bijgewerkt: tests/golden/documenten/{name}")
    print(f"{len(names)} golden-bestanden bijgewerkt; lees het verschil met: git diff tests/golden")
    sys.exit(0)
