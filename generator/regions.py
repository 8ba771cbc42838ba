"""Region packs: the knowledge of one region's reporting (places, actors, aliases) as data files.

A pack is a folder generator/packs/<name>/ with `places.yaml` (home countries, divisions,
towns, districts; read by generator/extract/places.py) and/or `knowledge.yaml` (actors, in the
knowledge-base format; read by generator/knowledge.py). The world base is always on; a dossier
chooses its packs in dossier.yml (`packs: [syria]`).
"""

from __future__ import annotations

from pathlib import Path

PACKS_DIR = Path(__file__).resolve().parent / "packs"
WORLD_FILE = Path(__file__).resolve().parent / "data" / "world.yaml"


def available_packs() -> tuple[str, ...]:
    return tuple(sorted(path.name for path in PACKS_DIR.iterdir() if path.is_dir() and not path.name.startswith(("_", "."))))


def pack_places_file(name: str) -> Path:
    return PACKS_DIR / name / "places.yaml"


def pack_knowledge_file(name: str) -> Path:
    return PACKS_DIR / name / "knowledge.yaml"
