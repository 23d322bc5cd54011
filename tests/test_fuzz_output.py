"""Property-based: whatever characters a contract's keys and titles hold, no command's text
output carries a raw control character or a line that a CI system reads as a command, and
the machine formats stay valid."""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programmatool.cli.app import main

from .conftest import minimal_text

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

#: Any character a double-quoted YAML string can hold (via escapes), weighted towards the
#: troublesome ones.
hostile = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("\x1b\x07\r\n\t\x85\u2028\u2029\x9b\x9d\u202e:[]%,")),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    min_size=1,
    max_size=20,
)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar for ``text`` (JSON escapes are valid YAML escapes)."""
    return json.dumps(text, ensure_ascii=True)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _safe(text: str, commands: int = 0) -> None:
    assert not RAW.search(text), text
    starts = [line for line in text.split("\n") if line.lstrip().startswith("::")]
    assert len(starts) == commands, starts


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=hostile, title=hostile)
def test_no_output_carries_a_control_sequence(key: str, title: str) -> None:
    text = minimal_text().replace(
        "    titel: De stad is schoner\n", f"    titel: {_quoted(title)}\n"
    )
    text += f"{_quoted(key)}: 1\n"  # an unknown key: always one finding that quotes it
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.yaml"
        path.write_text(text, encoding="utf-8")
        code, out, err = _run("check", str(path))
        assert code in (1, 2), err
        assert "interne fout" not in err
        _safe(out)
        _safe(err)
        code, out, _ = _run("check", "--format", "github", str(path))
        _safe(out, commands=len([ln for ln in out.splitlines() if ln.startswith("::error ")]))
        _, out, _ = _run("check", "--format", "junit", str(path))
        ET.fromstring(out)
        _, out, _ = _run("check", "--format", "json", str(path))
        json.loads(out)
        # Without the unknown key the contract loads, and progress shows the title.
        path.write_text(text.rsplit("\n", 2)[0] + "\n", encoding="utf-8")
        code, out, err = _run("progress", "--toelichting", str(path))
        assert "interne fout" not in err
        _safe(out)
        _safe(err)
