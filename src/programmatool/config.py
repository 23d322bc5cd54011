"""The configuration file: ``programmatool.toml`` or ``[tool.programmatool]`` in pyproject.toml.

Found from the current directory upward (or given with ``--config``). Tables:

- ``[regels]``: switch rules off (``uit = ["PT305"]``) or change their level
  (``niveau = {PT301 = "waarschuwing"}``), for all files or per file pattern
  (``[[regels.per_bestand]]`` with ``patroon = "programmas/oud/*.yaml"``);
- ``[limieten]``: ``max_bytes``, ``max_depth``, ``max_nodes`` for reading contracts;
- ``[voortgang]``: read by the progress commands; accepted here as is.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from .findings import Finding, Niveau
from .loading import DEFAULT_LIMITS, Limits
from .oserrors import reden

BESTANDSNAAM = "programmatool.toml"
PYPROJECT = "pyproject.toml"

#: Top-level tables a configuration may hold; other tables are a typo.
TABELLEN = ("regels", "voortgang", "limieten")

_NIVEAUS: tuple[Niveau, ...] = ("fout", "waarschuwing")
_REGEL_SLEUTELS = ("uit", "niveau", "per_bestand")
_PER_BESTAND_SLEUTELS = ("patroon", "uit", "niveau")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message is Dutch and names file:line."""


@dataclass(frozen=True)
class Instelling:
    """Rule settings for all files (``patroon`` None) or for files matching ``patroon``."""

    patroon: str | None = None
    uit: frozenset[str] = frozenset()
    niveau: tuple[tuple[str, Niveau], ...] = ()


@dataclass(frozen=True)
class Config:
    """A loaded configuration; the default one has no file and changes nothing."""

    pad: Path | None = None
    basis: Path = field(default_factory=Path.cwd)
    instellingen: tuple[Instelling, ...] = ()
    limieten: Limits = DEFAULT_LIMITS
    tabellen: dict[str, Any] = field(default_factory=dict)

    def tabel(self, naam: str) -> dict[str, Any]:
        """The raw content of a top-level table (for example ``voortgang``), or empty."""
        value = self.tabellen.get(naam, {})
        return dict(value) if isinstance(value, dict) else {}

    def niveau_voor(self, code: str, bestand: str, standaard: Niveau) -> Niveau | None:
        """The level of rule ``code`` in ``bestand``: configured, default, or None when off."""
        level: Niveau | None = standaard
        for inst in self.instellingen:
            if inst.patroon is not None and not self._matches(inst.patroon, bestand):
                continue
            if code in inst.uit:
                level = None
            for c, n in inst.niveau:
                if c == code:
                    level = n
        return level

    def pas_toe(self, findings: list[Finding]) -> list[Finding]:
        """Findings with the configured levels; switched-off rules left out."""
        if not self.instellingen:
            return findings
        out: list[Finding] = []
        for f in findings:
            level = self.niveau_voor(f.code, f.bestand, f.niveau)
            if level is not None:
                out.append(f if level == f.niveau else replace(f, niveau=level))
        return out

    def _matches(self, patroon: str, bestand: str) -> bool:
        regex = _glob_regex(patroon)
        candidates = [Path(bestand).as_posix()]
        try:
            relative = Path(bestand).resolve().relative_to(self.basis.resolve())
            candidates.append(relative.as_posix())
        except (ValueError, OSError):
            pass
        return any(regex.fullmatch(c.removeprefix("./")) for c in candidates)


def _glob_regex(patroon: str) -> re.Pattern[str]:
    """``*`` within one folder, ``**`` across folders, ``?`` one character."""
    out = []
    i = 0
    text = patroon.removeprefix("./")
    while i < len(text):
        if text.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif text.startswith("**", i):
            out.append(".*")
            i += 2
        elif text[i] == "*":
            out.append("[^/]*")
            i += 1
        elif text[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(text[i]))
            i += 1
    return re.compile("".join(out))


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``programmatool.toml``, or ``pyproject.toml`` with ``[tool.programmatool]``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / BESTANDSNAAM
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if re.search(r"^\s*\[\s*tool\s*\.\s*programmatool\b", text, re.MULTILINE):
                return pyproject
    return None


def load_config(pad: Path | None = None, start: Path | None = None) -> Config:
    """Load the configuration at ``pad``, or the one found from ``start`` upward, or none."""
    if pad is None:
        pad = find_config(start)
        if pad is None:
            return Config(basis=(start or Path.cwd()))
    elif not pad.is_file():
        raise ConfigError(f"{pad.as_posix()}: configuratiebestand bestaat niet")
    name = pad.as_posix()
    try:
        text = pad.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{name}: het bestand is geen UTF-8 tekst") from None
    except OSError as exc:
        raise ConfigError(f"{name}: kan niet gelezen worden: {reden(exc)}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_message(name, str(exc), text)) from None
    if pad.name == PYPROJECT:
        tool = data.get("tool", {})
        data = tool.get("programmatool", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{name}: [tool.programmatool] moet een tabel zijn")
    return _parse(data, name, text, pad.resolve().parent, pad)


def _toml_message(name: str, error: str, text: str) -> str:
    match = re.search(r"\(at line (\d+), column (\d+)\)", error)
    reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", error)
    reason = _TOML_DUTCH.get(reason, reason)
    if match:
        return f"{name}:{match.group(1)}:{match.group(2)}: ongeldige TOML: {reason}"
    if "(at end of document)" in error:
        last = max(1, len(text.splitlines()))
        return f"{name}:{last}: ongeldige TOML: {reason} (aan het einde van het bestand)"
    return f"{name}: ongeldige TOML: {reason}"


_TOML_DUTCH = {
    "Invalid value": "ongeldige waarde",
    "Expected '=' after a key in a key/value pair": "verwacht '=' na een sleutel",
    "Invalid statement": "ongeldige regel",
    "Unclosed array": "lijst niet gesloten",
    "Unterminated string": "tekst niet afgesloten",
    "Cannot overwrite a value": "sleutel komt dubbel voor",
}


class _Context:
    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.lines = text.splitlines()

    def fail(self, message: str, *needles: str) -> ConfigError:
        line = self.line_of(*needles)
        where = f"{self.name}:{line}" if line else self.name
        return ConfigError(f"{where}: {message}")

    def line_of(self, *needles: str) -> int:
        """First line that contains every needle (a best effort: TOML keeps no positions)."""
        for number, line in enumerate(self.lines, start=1):
            if needles and all(n in line for n in needles):
                return number
        return 0


def _parse(data: dict[str, Any], name: str, text: str, basis: Path, pad: Path) -> Config:
    ctx = _Context(name, text)
    for key in data:
        if key not in TABELLEN:
            raise ctx.fail(f"onbekende tabel [{key}]{_suggest(key, TABELLEN)}", key)
    instellingen: list[Instelling] = []
    regels = data.get("regels", {})
    if not isinstance(regels, dict):
        raise ctx.fail("'regels' moet een tabel zijn", "regels")
    for key in regels:
        if key not in _REGEL_SLEUTELS:
            raise ctx.fail(
                f"onbekende sleutel '{key}' in [regels]{_suggest(key, _REGEL_SLEUTELS)}", key
            )
    instellingen.append(_instelling(regels, None, ctx))
    per_bestand = regels.get("per_bestand", [])
    if not isinstance(per_bestand, list):
        raise ctx.fail("'per_bestand' moet een lijst van tabellen zijn", "per_bestand")
    for entry in per_bestand:
        if not isinstance(entry, dict):
            raise ctx.fail("elk element van 'per_bestand' moet een tabel zijn", "per_bestand")
        for key in entry:
            if key not in _PER_BESTAND_SLEUTELS:
                raise ctx.fail(
                    f"onbekende sleutel '{key}' in [[regels.per_bestand]]"
                    f"{_suggest(key, _PER_BESTAND_SLEUTELS)}",
                    key,
                )
        patroon = entry.get("patroon")
        if not isinstance(patroon, str) or not patroon.strip():
            raise ctx.fail("[[regels.per_bestand]] mist 'patroon' (bijvoorbeeld 'oud/*.yaml')")
        instellingen.append(_instelling(entry, patroon, ctx))
    limieten = _limieten(data.get("limieten", {}), ctx)
    for table in ("voortgang",):
        if table in data and not isinstance(data[table], dict):
            raise ctx.fail(f"'{table}' moet een tabel zijn", table)
    useful = tuple(i for i in instellingen if i.uit or i.niveau)
    return Config(pad, basis, useful, limieten, dict(data))


def _instelling(table: dict[str, Any], patroon: str | None, ctx: _Context) -> Instelling:
    from .rules import LAADCODES, REGELS

    uit = table.get("uit", [])
    if not isinstance(uit, list) or not all(isinstance(c, str) for c in uit):
        raise ctx.fail("'uit' moet een lijst van regelcodes zijn, zoals [\"PT305\"]", "uit")
    niveau = table.get("niveau", {})
    if not isinstance(niveau, dict):
        raise ctx.fail("'niveau' moet een tabel zijn, zoals {PT301 = \"waarschuwing\"}", "niveau")
    codes = [c.strip().upper() for c in uit]
    for code in [*codes, *(str(k).strip().upper() for k in niveau)]:
        if code in LAADCODES:
            raise ctx.fail(
                f"{code} is een fout bij het inlezen en kan niet worden uitgezet of "
                "van niveau veranderen",
                code,
            )
        if code not in REGELS:
            raise ctx.fail(f"onbekende regel '{code}'{_suggest(code, sorted(REGELS))}", code)
    levels: list[tuple[str, Niveau]] = []
    for key, value in niveau.items():
        if value not in _NIVEAUS:
            raise ctx.fail(
                f"niveau van {key} moet 'fout' of 'waarschuwing' zijn, niet {value!r}", key
            )
        levels.append((str(key).strip().upper(), cast(Niveau, value)))
    return Instelling(patroon, frozenset(codes), tuple(sorted(levels)))


#: The highest value each limit accepts: beyond these a limit protects nothing (a file of more
#: than 1 GiB or with more than 100 million elements does not fit in memory as a contract), and
#: a larger number could not even be used as a read size.
LIMIET_MAXIMA = {"max_bytes": 1024**3, "max_depth": 10_000, "max_nodes": 100_000_000}


def _limieten(table: Any, ctx: _Context) -> Limits:
    if not isinstance(table, dict):
        raise ctx.fail("'limieten' moet een tabel zijn", "limieten")
    known = ("max_bytes", "max_depth", "max_nodes")
    values: dict[str, int] = {}
    for key, value in table.items():
        if key not in known:
            raise ctx.fail(f"onbekende sleutel '{key}' in [limieten]{_suggest(key, known)}", key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ctx.fail(f"{key} moet een positief geheel getal zijn, niet {value!r}", key)
        if value > LIMIET_MAXIMA[key]:
            raise ctx.fail(f"{key} mag hoogstens {LIMIET_MAXIMA[key]} zijn, niet {value}", key)
        values[key] = value
    return replace(DEFAULT_LIMITS, **values)


def _suggest(word: str, options: Any) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; bedoelde u '{close[0]}'?" if close else ""
