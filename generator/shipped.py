"""Files the installed package ships besides its code: page templates, the site's theme
additions (the offline-search shim, tablesort, the stylesheet), and the files `dossier new`
starts a project with."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES = PACKAGE_DIR / "templates"
THEME = PACKAGE_DIR / "theme"
SCAFFOLD = PACKAGE_DIR / "scaffold"
