"""Plain text: an optional URL header line, boilerplate, a headline line, one paragraph a line."""

from __future__ import annotations

from collections.abc import Iterator

from generator.models import Metadata, Report
from generator.readers.cleanup import (
    URL_LINE,
    Draft,
    clean_lines,
    looks_like_headline,
    make_draft,
)
from generator.readers.decoding import normalize_text, one_line


def read_plain_text(text: str, source_path: str) -> Iterator[Draft | Report]:
    """Plain text: optional URL header line, boilerplate, a headline line, one paragraph a line."""
    lines = [line for line in map(one_line, normalize_text(text).split("\n")) if line]
    url = lines.pop(0) if lines and URL_LINE.match(lines[0]) else None
    paragraphs, harvest = clean_lines(lines)
    title = None
    if len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        title = paragraphs.pop(0)
    yield make_draft(paragraphs, Metadata(title=title, url=url), harvest)
