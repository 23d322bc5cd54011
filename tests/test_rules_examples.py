"""Every rule's documented example triggers it, and its documented fix does not.

An example is a fragment of a contract: its top-level keys replace those of the consistent
base contract. Portfolio examples hold several files, each introduced by a comment line
``# programmas/NAME.yaml``. A fragment that sets ``status`` also decides ``vastgesteld_op``.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from programmatool.rules import RULES, all_rules

from .test_rules_support import basis_text, findings


def _files(fragment: str) -> list[str]:
    parts = re.split(r"(?m)^# programmas/[\w-]+\.yaml\n", fragment)
    return [p for p in parts if p.strip()]


def _write(tmp_path: Path, fragment: str, label: str) -> list[Path]:
    yaml = YAML(typ="safe", pure=True)
    paths = []
    for n, part in enumerate(_files(fragment)):
        data = yaml.load(basis_text())
        fragment = yaml.load(part)
        if "status" in fragment:  # status and its date go together
            data.pop("vastgesteld_op", None)
        data.update(fragment)
        out = io.StringIO()
        yaml.dump(data, out)
        path = tmp_path / f"{label}-{n}.yaml"
        path.write_text(out.getvalue(), encoding="utf-8")
        paths.append(path)
    return paths


def test_every_rule_has_an_example_and_a_reason() -> None:
    assert len(RULES) >= 29
    for rule in all_rules():
        assert rule.title and rule.why.strip() and rule.example.strip()
        assert rule.fix.strip() and rule.fix != rule.example
        assert rule.severity in ("fout", "waarschuwing", "info")
        assert re.fullmatch(r"PT[1-6]\d\d", rule.code)


@pytest.mark.parametrize("code", sorted(RULES))
def test_example_triggers_and_fix_does_not(code: str, tmp_path: Path) -> None:
    rule = RULES[code]
    bad = findings(*_write(tmp_path, rule.example, "voorbeeld"), code=code)
    assert bad, f"the example of {code} does not trigger it"
    good = findings(*_write(tmp_path, rule.fix, "oplossing"), code=code)
    assert good == [], [f.as_text() for f in good]
