"""The configuration file: ``programmatool.toml`` or ``[tool.programmatool]`` in pyproject.toml.

Found from the current directory upward (or given with ``--config``). Tables:

- ``[regels]``: switch rules off (``uit = ["PT305"]``) or change their level
  (``niveau = {PT301 = "waarschuwing"}``), for all files or per file pattern
  (``[[regels.per_bestand]]`` with ``patroon = "programmas/oud/*.yaml"``);
- ``[limieten]``: ``max_bytes``, ``max_depth``, ``max_nodes`` for reading contracts;
- ``[voortgang]``: read by the progress commands; accepted here as is;
- ``[render]``: ``vastgesteld``, the git revision of the adopted versions (programme card);
- ``[middelen]``: ``afwijking_bedrag``, ``afwijking_procent``: from which variance between
  budget and realisation the annual account asks for an explanation (PT211).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from programmatool.loading import DEFAULT_LIMITS, Limits
from programmatool.model.findings import SEVERITIES, Finding, Severity

if TYPE_CHECKING:
    from programmatool.diff.changes import ChangeSeverity
    from programmatool.progress.thresholds import Thresholds
    from programmatool.rules.registry import RuleSettings
from programmatool.text.oserrors import reason
from programmatool.text.suggest import did_you_mean

FILE_NAME = "programmatool.toml"
PYPROJECT = "pyproject.toml"

#: Top-level tables a configuration may hold; other tables are a typo.
TABLES = ("regels", "voortgang", "limieten", "diff", "render", "middelen")


_RULES_KEYS = ("uit", "niveau", "per_bestand")
_PER_FILE_KEYS = ("patroon", "uit", "niveau")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message is Dutch and names file:line."""


@dataclass(frozen=True)
class RuleSetting:
    """Rule settings for all files (``patroon`` None) or for files matching ``patroon``."""

    pattern: str | None = None
    off: frozenset[str] = frozenset()
    severity: tuple[tuple[str, Severity], ...] = ()


@dataclass(frozen=True)
class Config:
    """A loaded configuration; the default one has no file and changes nothing."""

    path: Path | None = None
    base: Path = field(default_factory=Path.cwd)
    settings: tuple[RuleSetting, ...] = ()
    limits: Limits = DEFAULT_LIMITS
    tables: dict[str, Any] = field(default_factory=dict)

    def table(self, naam: str) -> dict[str, Any]:
        """The raw content of a top-level table (for example ``voortgang``), or empty."""
        value = self.tables.get(naam, {})
        return dict(value) if isinstance(value, dict) else {}

    def severity_for(self, code: str, path: str, default: Severity) -> Severity | None:
        """The level of rule ``code`` in ``bestand``: configured, default, or None when off."""
        level: Severity | None = default
        for setting in self.settings:
            if setting.pattern is not None and not self._matches(setting.pattern, path):
                continue
            if code in setting.off:
                level = None
            for c, n in setting.severity:
                if c == code:
                    level = n
        return level

    def apply(self, findings: list[Finding]) -> list[Finding]:
        """Findings with the configured levels; switched-off rules left out."""
        if not self.settings:
            return findings
        out: list[Finding] = []
        for f in findings:
            level = self.severity_for(f.code, f.path, f.severity)
            if level is not None:
                out.append(f if level == f.severity else replace(f, severity=level))
        return out

    def _matches(self, pattern: str, path: str) -> bool:
        candidates = [Path(path).as_posix()]
        try:
            relative = Path(path).resolve().relative_to(self.base.resolve())
            candidates.append(relative.as_posix())
        except (ValueError, OSError):
            pass
        return any(glob_match(pattern, c.removeprefix("./")) for c in candidates)


_LITERAL, _ONE, _STAR, _DOUBLE_STAR, _DIRS = range(5)


def _glob_tokens(pattern: str) -> list[tuple[int, str]]:
    """``*`` within one folder, ``**`` across folders, ``**/`` any folders (or none), ``?``
    one character."""
    tokens: list[tuple[int, str]] = []
    text = pattern.removeprefix("./")
    i = 0
    while i < len(text):
        if text.startswith("**/", i):
            tokens.append((_DIRS, ""))
            i += 3
        elif text.startswith("**", i):
            tokens.append((_DOUBLE_STAR, ""))
            i += 2
        elif text[i] == "*":
            tokens.append((_STAR, ""))
            i += 1
        else:
            tokens.append((_ONE, "") if text[i] == "?" else (_LITERAL, text[i]))
            i += 1
    return tokens


def glob_match(pattern: str, path: str) -> bool:
    """Whether ``path`` matches the glob ``pattern`` as a whole, in time linear in the path for
    a given pattern (a set of pattern positions is carried along the path, never backtracking,
    so no pattern such as ``*a*a*a…*b`` can make the check hang)."""
    tokens = _glob_tokens(pattern)

    def closure(states: set[tuple[int, bool]]) -> set[tuple[int, bool]]:
        todo = list(states)
        while todo:
            at, inside = todo.pop()
            skippable = at < len(tokens) and tokens[at][0] in (_STAR, _DOUBLE_STAR, _DIRS)
            if not inside and skippable and (at + 1, False) not in states:
                states.add((at + 1, False))
                todo.append((at + 1, False))
        return states

    states = closure({(0, False)})
    for char in path:
        after: set[tuple[int, bool]] = set()
        for at, _inside in states:
            if at >= len(tokens):
                continue
            kind, literal = tokens[at]
            if (kind == _LITERAL and char == literal) or (kind == _ONE and char != "/"):
                after.add((at + 1, False))
            elif (kind == _STAR and char != "/") or kind == _DOUBLE_STAR:
                after.add((at, False))
            elif kind == _DIRS:
                after.add((at, True))  # inside the folders: only a '/' ends them
                if char == "/":
                    after.add((at + 1, False))
        states = closure(after)
        if not states:
            return False
    return (len(tokens), False) in states


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``programmatool.toml``, or ``pyproject.toml`` with ``[tool.programmatool]``."""
    here = (start or Path.cwd()).resolve()
    for folder in _search_folders(here):
        own = folder / FILE_NAME
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


def _search_folders(here: Path) -> list[Path]:
    """The folders searched for a configuration, nearest first: up to the repository root (the
    folder with ``.git``) or the home folder, and no further; outside both, up to the first
    folder that another user owns or that anyone may write (such as ``/tmp``), which is not
    searched itself."""
    try:
        home: Path | None = Path.home().resolve()
    except (RuntimeError, OSError):
        home = None
    folders: list[Path] = []
    for folder in (here, *here.parents):
        try:
            info = folder.stat()
        except OSError:
            break
        if _others_can_write(info):
            break
        folders.append(folder)
        if folder == home or (folder / ".git").exists():
            break
    return folders


def _others_can_write(info: os.stat_result) -> bool:
    """True when someone other than this user (and the system) could change the file."""
    if os.name != "posix":
        return False
    own = info.st_uid in (os.getuid(), 0)
    return (
        not own
        or bool(info.st_mode & 0o002)
        or (bool(info.st_mode & 0o020) and info.st_uid != os.getuid())
    )


#: TOML nested deeper than this is refused (a configuration needs three or four levels).
MAX_TOML_DEPTH = 32


def _depth(value: Any, limit: int) -> int:
    """The nesting depth of parsed TOML, counted without recursion and stopping past ``limit``."""
    deepest = 0
    todo: list[tuple[Any, int]] = [(value, 1)]
    while todo:
        item, level = todo.pop()
        deepest = max(deepest, level)
        if deepest > limit:
            break
        children = (
            item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        )
        todo.extend((child, level + 1) for child in children)
    return deepest


#: Set by ``--no-config``: no configuration file is read at all.
_isolated = [False]


def isolate(on: bool) -> None:
    """Read no configuration file from now on (``--no-config``), or read them again."""
    _isolated[0] = on


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Load the configuration at ``pad``, or the one found from ``start`` upward, or none."""
    if _isolated[0]:
        if path is not None:
            raise ConfigError("--config en --no-config gaan niet samen; kies er een")
        return Config(base=(start or Path.cwd()))
    if path is None:
        path = find_config(start)
        if path is None:
            return Config(base=(start or Path.cwd()))
    elif not path.is_file():
        raise ConfigError(f"{path.as_posix()}: configuratiebestand bestaat niet")
    name = path.as_posix()
    try:
        if _others_can_write(path.stat()):
            raise ConfigError(
                f"{name}: andere gebruikers kunnen dit configuratiebestand wijzigen; het wordt "
                f"niet gebruikt (maak het alleen voor uzelf schrijfbaar: chmod go-w {name})"
            )
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{name}: het bestand is geen UTF-8 tekst") from None
    except OSError as exc:
        raise ConfigError(f"{name}: kan niet gelezen worden: {reason(exc)}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_message(name, str(exc), text)) from None
    except RecursionError:
        data = None
    if data is None or _depth(data, MAX_TOML_DEPTH) > MAX_TOML_DEPTH:
        raise ConfigError(
            f"{name}: ongeldige TOML: te diep genest (meer dan {MAX_TOML_DEPTH} niveaus)"
        )
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        data = tool.get("programmatool", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{name}: [tool.programmatool] moet een tabel zijn")
    return _parse(data, name, text, path.resolve().parent, path)


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


def _parse(data: dict[str, Any], name: str, text: str, base: Path, path: Path) -> Config:
    ctx = _Context(name, text)
    for key in data:
        if key not in TABLES:
            raise ctx.fail(f"onbekende tabel [{key}]{did_you_mean(key, TABLES)}", key)
    settings: list[RuleSetting] = []
    rules_table = data.get("regels", {})
    if not isinstance(rules_table, dict):
        raise ctx.fail("'regels' moet een tabel zijn", "regels")
    for key in rules_table:
        if key not in _RULES_KEYS:
            raise ctx.fail(
                f"onbekende sleutel '{key}' in [regels]{did_you_mean(key, _RULES_KEYS)}", key
            )
    settings.append(_rule_setting(rules_table, None, ctx))
    per_file = rules_table.get("per_bestand", [])
    if not isinstance(per_file, list):
        raise ctx.fail("'per_bestand' moet een lijst van tabellen zijn", "per_bestand")
    for entry in per_file:
        if not isinstance(entry, dict):
            raise ctx.fail("elk element van 'per_bestand' moet een tabel zijn", "per_bestand")
        for key in entry:
            if key not in _PER_FILE_KEYS:
                raise ctx.fail(
                    f"onbekende sleutel '{key}' in [[regels.per_bestand]]"
                    f"{did_you_mean(key, _PER_FILE_KEYS)}",
                    key,
                )
        pattern = entry.get("patroon")
        if pattern is None:
            raise ctx.fail("[[regels.per_bestand]] mist 'patroon' (bijvoorbeeld 'oud/*.yaml')")
        if not isinstance(pattern, str) or not pattern.strip():
            raise ctx.fail(
                "'patroon' in [[regels.per_bestand]] moet een tekst zijn met een bestandspatroon, "
                "zoals 'oud/*.yaml'",
                "patroon",
            )
        settings.append(_rule_setting(entry, pattern, ctx))
    limits = _read_limits(data.get("limieten", {}), ctx)
    _diff_table(data.get("diff", {}), ctx)
    _render_table(data.get("render", {}), ctx)
    _middelen_table(data.get("middelen", {}), ctx)
    for table in ("voortgang",):
        if table in data and not isinstance(data[table], dict):
            raise ctx.fail(f"'{table}' moet een tabel zijn", table)
    _voortgang_table(data.get("voortgang", {}), ctx)
    useful = tuple(i for i in settings if i.off or i.severity)
    return Config(path, base, useful, limits, dict(data))


def _voortgang_table(table: dict[str, Any], ctx: _Context) -> None:
    """``[voortgang]``: the thresholds of a verdict and of a roll-up (``minimaal_beoordeeld``),
    checked when the file is read, so that a bad value stops every command at its line."""
    from programmatool.progress.thresholds import ThresholdError, thresholds_from_table

    try:
        thresholds_from_table(table)
    except ThresholdError as exc:
        key = next((k for k in table if f"'{k}'" in str(exc)), "voortgang")
        raise ctx.fail(f"[voortgang] {exc}", key) from None


def _rule_setting(table: dict[str, Any], pattern: str | None, ctx: _Context) -> RuleSetting:
    from programmatool.rules import LOAD_CODES, RULES

    off = table.get("uit", [])
    if not isinstance(off, list) or not all(isinstance(c, str) for c in off):
        raise ctx.fail("'uit' moet een lijst van regelcodes zijn, zoals [\"PT305\"]", "uit")
    severity = table.get("niveau", {})
    if not isinstance(severity, dict):
        raise ctx.fail("'niveau' moet een tabel zijn, zoals {PT301 = \"waarschuwing\"}", "niveau")
    codes = [c.strip().upper() for c in off]
    for code in [*codes, *(str(k).strip().upper() for k in severity)]:
        if code in LOAD_CODES:
            raise ctx.fail(
                f"{code} is een fout bij het inlezen en kan niet worden uitgezet of "
                "van niveau veranderen",
                code,
            )
        if code not in RULES:
            raise ctx.fail(f"onbekende regel '{code}'{did_you_mean(code, sorted(RULES))}", code)
    levels: list[tuple[str, Severity]] = []
    for key, value in severity.items():
        if value not in SEVERITIES:
            raise ctx.fail(
                f"niveau van {key} moet 'fout', 'waarschuwing' of 'info' zijn, niet {value!r}",
                key,
            )
        levels.append((str(key).strip().upper(), cast(Severity, value)))
    return RuleSetting(pattern, frozenset(codes), tuple(sorted(levels)))


#: The highest value each limit accepts: beyond these a limit protects nothing (a file of more
#: than 1 GiB or with more than 100 million elements does not fit in memory as a contract), and
#: a larger number could not even be used as a read size.
LIMIET_MAXIMA = {
    "max_bytes": 1024**3,
    "max_depth": 10_000,
    "max_nodes": 100_000_000,
    "max_versions": 100_000,
    "max_history_bytes": 16 * 1024**3,
}


def _read_limits(table: Any, ctx: _Context) -> Limits:
    if not isinstance(table, dict):
        raise ctx.fail("'limieten' moet een tabel zijn", "limieten")
    known = tuple(LIMIET_MAXIMA)
    values: dict[str, int] = {}
    for key, value in table.items():
        if key not in known:
            raise ctx.fail(
                f"onbekende sleutel '{key}' in [limieten]{did_you_mean(key, known)}", key
            )
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            shown = str(value).lower() if isinstance(value, bool) else repr(value)
            raise ctx.fail(f"'{key}' moet een positief geheel getal zijn, niet {shown}", key)
        if value > LIMIET_MAXIMA[key]:
            raise ctx.fail(f"'{key}' mag hoogstens {LIMIET_MAXIMA[key]} zijn, niet {value}", key)
        values[key] = value
    return replace(DEFAULT_LIMITS, **values)


def _render_table(table: Any, ctx: _Context) -> None:
    """``[render]``: ``vastgesteld = "REVISIE"``, the adopted version for every programme card."""
    if not isinstance(table, dict):
        raise ctx.fail("'render' moet een tabel zijn", "render")
    for key in table:
        if key != "vastgesteld":
            raise ctx.fail(
                f"onbekende sleutel '{key}' in [render]{did_you_mean(key, ('vastgesteld',))}", key
            )
    value = table.get("vastgesteld")
    if value is not None and (
        not isinstance(value, str) or not value.strip() or value.startswith("-")
    ):
        raise ctx.fail(
            "'vastgesteld' in [render] moet een git-revisie zijn, zoals \"raad-2019\" of een "
            "commit-id",
            "vastgesteld",
        )


_MIDDELEN_KEYS = ("afwijking_bedrag", "afwijking_procent")


def _middelen_table(table: Any, ctx: _Context) -> None:
    """``[middelen]``: the variance from which PT211 asks for an explanation."""
    if not isinstance(table, dict):
        raise ctx.fail("'middelen' moet een tabel zijn", "middelen")
    for key, value in table.items():
        if key not in _MIDDELEN_KEYS:
            raise ctx.fail(
                f"onbekende sleutel '{key}' in [middelen]{did_you_mean(key, _MIDDELEN_KEYS)}", key
            )
        if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
            shown = str(value).lower() if isinstance(value, bool) else repr(value)
            raise ctx.fail(
                f"'{key}' in [middelen] moet een getal van 0 of meer zijn, niet {shown}", key
            )
        if value > 10**15:
            raise ctx.fail(f"'{key}' in [middelen] is te groot (maximaal 10^15)", key)


def rule_settings(config: Config | None) -> RuleSettings:
    """What the rules read from ``[middelen]`` (the defaults without a configuration)."""
    from programmatool.rules import DEFAULT_SETTINGS, RuleSettings

    table = config.table("middelen") if config is not None else {}
    if not table:
        return DEFAULT_SETTINGS
    return RuleSettings(
        afwijking_bedrag=float(table.get("afwijking_bedrag", DEFAULT_SETTINGS.afwijking_bedrag)),
        afwijking_procent=(
            float(table["afwijking_procent"]) if "afwijking_procent" in table else None
        ),
    )


def _diff_table(table: Any, ctx: _Context) -> None:
    """``[diff]``: ``uit = [soort, ...]`` and ``niveau = {soort = "belangrijk"}``."""
    from programmatool.diff.changes import CHECKS, SEVERITIES

    if not isinstance(table, dict):
        raise ctx.fail("'diff' moet een tabel zijn", "diff")
    for key in table:
        if key not in ("uit", "niveau"):
            raise ctx.fail(
                f"onbekende sleutel '{key}' in [diff]{did_you_mean(key, ('uit', 'niveau'))}", key
            )
    uit = table.get("uit", [])
    if not isinstance(uit, list) or not all(isinstance(c, str) for c in uit):
        raise ctx.fail(
            "'uit' in [diff] moet een lijst van soorten zijn, zoals [\"tekst-gewijzigd\"]", "uit"
        )
    niveau = table.get("niveau", {})
    if not isinstance(niveau, dict):
        raise ctx.fail(
            "'niveau' in [diff] moet een tabel zijn, zoals {bedrag-gewijzigd = \"belangrijk\"}",
            "niveau",
        )
    for name in [*uit, *niveau]:
        if name not in CHECKS:
            raise ctx.fail(f"onbekende soort wijziging '{name}'{did_you_mean(name, CHECKS)}", name)
    allowed = (*SEVERITIES, "uit")
    for name, value in niveau.items():
        if value not in allowed:
            raise ctx.fail(
                f"niveau van {name} moet {', '.join(repr(a) for a in allowed[:-1])} of "
                f"{allowed[-1]!r} zijn, niet {value!r}",
                name,
            )


def configured_levels(config: Config | None) -> dict[str, ChangeSeverity | None]:
    """``[diff]`` of programmatool.toml: ``uit = [...]`` and ``niveau = {check = "..."}``."""
    if config is None:
        return {}
    table = config.table("diff")
    levels: dict[str, ChangeSeverity | None] = {}
    for name in table.get("uit", []):
        levels[str(name)] = None
    for name, level in dict(table.get("niveau", {})).items():
        levels[str(name)] = None if level == "uit" else level
    return levels


def config_name(config: Config) -> str:
    """How messages and documents name the configuration: its path relative to the current
    folder where possible (an absolute path would differ from machine to machine)."""
    if config.path is None:
        return "de configuratie"
    try:
        return config.path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return config.path.name


def thresholds(config: Config | None) -> tuple[Thresholds, str | None]:
    """The progress thresholds in force: ``[voortgang]`` of the configuration, with the name of
    its file (None: the defaults). Thresholds that make no sense are a :class:`ConfigError`."""
    from programmatool.progress.thresholds import (
        DEFAULT_THRESHOLDS,
        ThresholdError,
        thresholds_from_table,
    )

    table = config.table("voortgang") if config is not None else {}
    if config is None or not table:
        return DEFAULT_THRESHOLDS, None
    name = config_name(config)
    try:
        return thresholds_from_table(table), name
    except ThresholdError as exc:
        raise ConfigError(f"{name}: [voortgang] {exc}") from None
