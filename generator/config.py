"""Typed, declarative settings read from dossier.yml; every problem is collected before failing."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from generator.errors import ConfigError
from generator.regions import AUTO, AUTO_PACKS, available_packs

CONFIG_FILE = "dossier.yml"


@dataclass(frozen=True)
class Settings:
    """Where things are and what the dossier is called. Paths are relative to the project root."""

    title: str = "Briefing dossier"
    description: str = ""
    seeds_dir: Path = Path("seeds")
    content_dir: Path = Path("content")
    knowledge_base: Path = Path("knowledge.yaml")  # the analyst file; optional
    packs: tuple[str, ...] = AUTO_PACKS  # region packs on top of the world base: ("syria",), () or AUTO_PACKS
    notes_dir: Path = Path("notes")  # analyst notes shown on pages; optional
    templates_dir: Path = Path("templates")  # page templates; a user's copy overrides the shipped one
    max_file_mb: int = 20
    # Search loads its whole index before the first result: article text of thousands of
    # briefings makes that take many seconds (measured: README "Performance").
    full_text_search_max_articles: int = 500


# Help text for each key: printed by `dossier config` and checked against the README by a test.
SETTING_HELP = {
    "title": "The dossier's title: the site name (through the plugin), the overview's heading, the exports' title.",
    "description": "One-paragraph scope statement shown on the overview page.",
    "seeds_dir": "Folder of input articles (read recursively, never modified).",
    "content_dir": "Folder the Markdown pages are written to (mkdocs docs_dir).",
    "knowledge_base": "Analyst YAML file that extends the shipped knowledge base.",
    "packs": "Region packs (places, actors, aliases of one region's reporting) added to the world base: "
    "a list ([syria]) for every article, [] for none, or auto (default): each article gets the packs "
    "of the country it is most about.",
    "notes_dir": "Folder of analyst notes (notes/actors/<id>.md, notes/briefings/<id>.md...).",
    "templates_dir": "Folder of Jinja2 templates; a file here overrides the shipped one.",
    "max_file_mb": "Inputs larger than this many megabytes are reported and skipped.",
    "full_text_search_max_articles": "Up to this many articles, search covers the full text of briefings; "
    "above it, titles, leads and entity names only (keeps the first search fast).",
}


def _coerce(name: str, expected: type, value: object, problems: list[str]) -> object:
    if expected is Path:
        if isinstance(value, str) and value.strip():
            return Path(value)
        problems.append(f"{CONFIG_FILE}: '{name}' must be a path (a non-empty string), got {value!r}")
    elif expected is int:
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        problems.append(f"{CONFIG_FILE}: '{name}' must be a positive whole number, got {value!r}")
    elif expected is tuple:
        return _packs(name, value, problems)
    elif isinstance(value, str):
        return value
    else:
        problems.append(f"{CONFIG_FILE}: '{name}' must be text, got {value!r}")
    return None


def _packs(name: str, value: object, problems: list[str]) -> tuple[str, ...] | None:
    """`auto`, or a list of shipped pack names, each once, in a stable order."""
    known = available_packs()
    if value == AUTO:
        return AUTO_PACKS
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.append(f"{CONFIG_FILE}: '{name}' must be {AUTO!r} or a list of pack names, got {value!r}")
        return None
    unknown = [item for item in value if item not in known]
    problems.extend(f"{CONFIG_FILE}: unknown pack '{item}' (shipped: {', '.join(known)})" for item in unknown)
    return None if unknown else tuple(sorted(set(value)))


def yaml_problem(file: str, error: yaml.YAMLError) -> str:
    """"FILE, line N: what is wrong", from PyYAML's error and the position it marks."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = f"{file}, line {mark.line + 1}" if mark else file
    what = getattr(error, "problem", None) or str(error)
    return f"{where}: not valid YAML: {what}"


def _suggestion(name: str, known: dict) -> str:
    """" (did you mean 'seeds_dir'?)" for a near miss, else the list of known settings."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(known)})"


def load_config(root: Path) -> Settings:
    """Settings from root/dossier.yml (all defaults when absent); raises ConfigError listing all problems."""
    path = root / CONFIG_FILE
    if not path.exists():
        return Settings()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError([yaml_problem(path.name, exc)]) from exc
    if not isinstance(raw, dict):
        raise ConfigError([f"{CONFIG_FILE}: must be a mapping of settings"])
    known = {f.name: f for f in fields(Settings)}
    problems: list[str] = []
    values = {}
    for name in sorted(raw, key=str):
        if name not in known:
            problems.append(f"{CONFIG_FILE}: unknown setting '{name}'{_suggestion(str(name), known)}")
            continue
        expected = {"Path": Path, "int": int, "tuple[str, ...]": tuple}.get(str(known[name].type), str)
        values[name] = _coerce(name, expected, raw[name], problems)
    if problems:
        raise ConfigError(problems)
    return Settings(**values)
