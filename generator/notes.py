"""Analyst notes: hand-written Markdown shown on generated pages, kept outside content/.

Layout under Settings.notes_dir (default notes/): actors/<id>.md, places/<id>.md and
briefings/<id>.md, where <id> is the page's file name. Notes live outside content/ so that
regenerating never overwrites them; they are the analyst's own trusted Markdown and are
included as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

SECTIONS = ("actors", "places", "briefings")


@dataclass(frozen=True)
class Notes:
    """(section, page id) -> Markdown text; empty when the analyst wrote none."""

    texts: Mapping[tuple[str, str], str] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, section: str, page_id: str) -> str | None:
        return self.texts.get((section, page_id))


def load_notes(notes_dir: Path) -> Notes:
    """Every non-empty notes/<section>/<id>.md; a missing folder means no notes."""
    texts = {}
    for section in SECTIONS:
        folder = notes_dir / section
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            text = path.read_text(encoding="utf-8-sig", errors="replace").strip()
            if text:
                texts[(section, path.stem)] = text.replace("\r\n", "\n")
    return Notes(MappingProxyType(texts))
