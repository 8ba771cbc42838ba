"""Analyst notes: hand-written Markdown shown on generated pages, kept outside content/.

Layout under Settings.notes_dir (default notes/): actors/<id>.md, places/<id>.md and
briefings/<id>.md, where <id> is the page's file name. Notes live outside content/ so that
regenerating never overwrites them; they are the analyst's own trusted Markdown and are
included as written.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from generator.models import Report

SECTIONS = ("actors", "places", "briefings")


@dataclass(frozen=True)
class Notes:
    """(section, page id) -> Markdown text; empty when the analyst wrote none."""

    texts: Mapping[tuple[str, str], str] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, section: str, page_id: str) -> str | None:
        return self.texts.get((section, page_id))


MAX_NOTE_BYTES = 1 << 20


def load_notes(notes_dir: Path) -> tuple[Notes, tuple[Report, ...]]:
    """Every non-empty notes/<section>/<id>.md, and a report for each entry that is not a
    readable regular file inside the notes folder (a directory, a FIFO that would block, a link
    that leads outside, a file too large); a missing folder means no notes."""
    texts, reports = {}, []
    for section in SECTIONS:
        folder = notes_dir / section
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            text, problem = _note_text(path, notes_dir)
            if problem:
                reports.append(Report(str(path), problem, severity="warning"))
            elif text:
                texts[(section, path.stem)] = text
    return Notes(MappingProxyType(texts)), tuple(reports)


def _note_text(path: Path, notes_dir: Path) -> tuple[str, str | None]:
    """(the note's text, None) or ("", why it is not read)."""
    if not path.resolve().is_relative_to(notes_dir.resolve()):
        return "", "a link to a file outside the notes folder; not read"
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return "", f"cannot be read: {error.strerror or error}"
    if not stat.S_ISREG(mode):
        return "", "not a regular file (a folder, a FIFO or a device); not read"
    if path.stat().st_size > MAX_NOTE_BYTES:
        return "", f"larger than {MAX_NOTE_BYTES} bytes; not read"
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="replace").strip()
    except OSError as error:
        return "", f"cannot be read: {error.strerror or error}"
    return text.replace("\r\n", "\n"), None


def unplaced(notes: Notes, notes_dir: Path, pages: set[tuple[str, str]]) -> tuple[Report, ...]:
    """A report for each note whose page the dossier does not have (a typo, a renamed entity)."""
    return tuple(Report(str(notes_dir / section / f"{page_id}.md"), "no such page in the dossier; the note is not shown",
                        severity="warning") for section, page_id in sorted(notes.texts) if (section, page_id) not in pages)
