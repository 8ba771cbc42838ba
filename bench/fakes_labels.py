"""FA-KES location labels of the Syria pack's governorates: benchmark knowledge, not the product's.

FA-KES labels an article's place by governorate, in its own spellings; Rif Dimashq counts as
"damascus", as FA-KES labels the Damascus countryside.
"""

from __future__ import annotations

import os

FAKES_LABEL_OF_REGION = {
    "Aleppo": "aleppo", "Damascus": "damascus", "Rif Dimashq": "damascus", "Idlib": "idlib",
    "Deir ez-Zor": "deir ezzor", "Raqqa": "raqqa", "Homs": "homs", "Hasakah": "hasakeh", "Hama": "hama",
    "Daraa": "daraa", "Latakia": "lattakia", "Quneitra": "quneitra", "Tartus": "tartous", "Suwayda": "suwayda",
}
PACKS = tuple(filter(None, os.environ.get("FAKES_PACKS", "syria").split(",")))  # the packs a FA-KES dossier is generated with (FAKES_PACKS=, for none)


def governorate_of(place) -> str | None:
    """FA-KES label of a Syrian place's governorate, else None (countries and foreign places)."""
    if place.country != "Syria" or place.kind == "country" or not place.region:
        return None
    return FAKES_LABEL_OF_REGION.get(place.region)
