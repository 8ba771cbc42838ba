"""`dossier new DIR`: a complete, working dossier project around the shipped files.

The project holds what a user owns (dossier.yml, mkdocs.yml, seeds/, knowledge.yaml, notes/,
templates/ and overrides/ for their own changes, a .gitignore and a GitHub Pages workflow); the
templates and theme stay in the installed package, so an upgrade reaches every project.
"""

from __future__ import annotations

import importlib.metadata
import shutil
from pathlib import Path

import yaml

from generator.config import CONFIG_FILE
from generator.regions import available_packs
from generator.errors import ConfigError
from generator.shipped import SCAFFOLD

DISTRIBUTION = "mkdocs-dossier"
# Scaffold names that setuptools would not package as they are (dot files).
_RENAMED = {"gitignore": ".gitignore", "github": ".github"}
_SITE_NAME_LINE = "site_name: SITE_NAME\n"
_DISTRIBUTION_MARK = "DISTRIBUTION"


def default_install() -> str:
    """What the Pages workflow installs unless told otherwise: this very release, from PyPI."""
    return f"{DISTRIBUTION}=={importlib.metadata.version(DISTRIBUTION)}"


def new_project(directory: Path, title: str, description: str = "", install: str | None = None) -> list[Path]:
    """Write the project into `directory` (absent or empty); returns the files written.

    `install` is the pip requirement the Pages workflow installs the generator from (a git URL
    or a wheel's URL where the package is not on PyPI); by default this release from PyPI.
    """
    install = default_install() if install is None else install.strip()
    if not install or any(character in install for character in "\"'\n\r"):
        raise ConfigError([f"--install {install!r}: give one pip requirement, without quotes or line breaks"])
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ConfigError([f"{directory}: already exists and is not an empty folder; nothing written"])
    for source in sorted(SCAFFOLD.iterdir()):
        target = directory / _RENAMED.get(source.name, source.name)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            directory.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    (directory / "content").mkdir()
    _fill_in(directory / "mkdocs.yml", _SITE_NAME_LINE, _emit({"site_name": title}))
    _fill_in(directory / ".github" / "workflows" / "pages.yml", _DISTRIBUTION_MARK, install)
    (directory / CONFIG_FILE).write_text(
        "# Settings of this dossier (`dossier config` lists every key with its meaning).\n"
        + _emit({"title": title, "description": description})
        + f"# Region packs on top of the world base (shipped: {', '.join(available_packs())}). The default,\n"
        "# auto, gives each article the packs of the country it is about; a list applies to every article.\n"
        "# packs: auto\n", encoding="utf-8")
    return sorted(path for path in directory.rglob("*") if path.is_file())


def _emit(values: dict[str, str]) -> str:
    """YAML through PyYAML's emitter: the title is the user's text, never formatted by hand."""
    return yaml.safe_dump(values, sort_keys=False, allow_unicode=True, width=10_000)


def _fill_in(path: Path, mark: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(mark, value, 1), encoding="utf-8")
