"""Build generator/data/districts.tsv: the second-level divisions of every country, by the name news use.

Source: GeoNames' `admin2Codes.txt` (https://download.geonames.org/export/dump/admin2Codes.txt,
CC BY 4.0, by GeoNames, geonames.org), as stored in the public repository
ikolomiets/geonames-cities-parser at commit ffb761e (2021-12-30). Each line there is
`CC.ADMIN1.ADMIN2`, the name, its ASCII form and the GeoNames id.

Official names wear the unit's kind in the country's language ("Kabupaten Sintang", "Cercle de
Yorosso", "Kramatorskyi Raion", "Dera Ghazi Khan District"); news write the bare name, so the
kind words below are taken off. A name left shorter than four letters, not capitalised, or
shared by two districts of one country is dropped: it could not say which place it is.

    python tools/build_districts.py admin2Codes.txt > generator/data/districts.tsv
"""

import re
import sys
from collections import defaultdict
from pathlib import Path

HEADER = """\
# Second-level divisions (districts, counties, municipalities) by country: GeoNames id, ISO country
# code, GeoNames first-level code, name. Built by tools/build_districts.py from GeoNames'
# admin2Codes.txt (CC BY 4.0, geonames.org), the kind words of each language taken off.
"""

# Kind words before the name, with the particle that may follow them ("Province du Seno").
_KIND_BEFORE = re.compile(
    r"^(?:Amphoe|Arrondissement|Bashkia|Canton|Cantón|Caza|Cercle|City|Comuna|Commune|Daïra|Departamento|"
    r"Département|Distrito|District|Gemeente|Gorod|Grad|Huyện|Kabupaten|Kota|Landkreis|Liwā’|Markaz|"
    r"Muang|Municipality|Municipio|Municipiul|Municipalité|Nohiyai|Nomós|Obshtina|Okres|Opština|Oraş|"
    r"Partido|Politischer Bezirk|Powiat|Province|Provincia|Qaḑā’|Quận|Shahrestān-e|Srŏk|Thành phố|"
    r"Thị xã|Town)\s+(?:(?:of|de la|de|du|des|del|d’|d')\s+)?",
)
# Kind words after it ("Nyala District", "Rutshuru Territory", "Sennar Locality").
_KIND_AFTER = re.compile(
    r"\s+(?:Aūdany|Barrio|Borough|City|County|Department|District|District Municipality|Division|"
    r"Census Area|Cercle|Gun|Járás|Kommun|Kommune|Locality|Mis’krada|Munitsip’alit’et’i|Municipality|Okrug|Parish|"
    r"Prefecture|Province|Raion|Rayon|Region|Rural Council|Sub-Prefecture|Territory|Tumani|"
    r"Miskrada|Shi|Special Woreda|Sum|Urban Okrug|Woreda|Zone|İlçesi)$",
)
_MIN_LETTERS = 4


def bare_name(official: str) -> str:
    """The name without its unit's kind words, as a news story writes it."""
    name = _KIND_BEFORE.sub("", official.strip())
    return _KIND_AFTER.sub("", name).strip()


def districts(lines: list[str]) -> list[tuple[int, str, str, str]]:
    """(GeoNames id, country, first-level code, bare name) of every district whose name is its own."""
    named: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for line in lines:
        fields = line.split("\t")
        if len(fields) < 4:
            continue
        country, admin1, _ = fields[0].split(".", 2)
        name = bare_name(fields[1])
        if len(name) >= _MIN_LETTERS and name[:1].isupper():
            named[(country, name)].append((int(fields[3]), admin1))
    return sorted((places[0][0], country, places[0][1], name) for (country, name), places in named.items()
                  if len(places) == 1)


def main(admin2_codes: str) -> None:
    rows = districts(Path(admin2_codes).read_text(encoding="utf-8").splitlines())
    rows.sort(key=lambda row: (row[1], row[3], row[0]))
    sys.stdout.write(HEADER + "".join(f"{geonameid}\t{country}\t{admin1}\t{name}\n"
                                      for geonameid, country, admin1, name in rows))


if __name__ == "__main__":
    main(*sys.argv[1:])
