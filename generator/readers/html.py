"""Web pages saved from a browser: main text and metadata by trafilatura, offline."""

from __future__ import annotations

import json
from collections.abc import Iterator

from generator.models import Metadata, Report
from generator.readers.cleanup import Draft, clean_lines, make_draft
from generator.readers.decoding import normalize_text
from generator.readers.fields import declared_fields


def read_html(text: str, source_path: str) -> Iterator[Draft | Report]:
    """A saved web page: main text and metadata by trafilatura, offline."""
    try:
        extracted = _trafilatura_json(normalize_text(text))
    except Exception as error:  # noqa: BLE001 - a third-party parser on untrusted pages must not stop the run
        yield Report(source_path, f"HTML could not be parsed: {type(error).__name__}: {error}")
        return
    if not extracted or not (extracted.get("text") or "").strip():
        yield Report(source_path, "no article text found in the HTML page")
        return
    overrides, warnings = declared_fields(
        {
            "title": extracted.get("title"),
            "url": extracted.get("source"),
            "published": extracted.get("date"),
            "author": extracted.get("author"),
            "publisher": extracted.get("sitename") or extracted.get("source-hostname"),
        }
    )
    paragraphs, harvest = clean_lines(extracted["text"].split("\n"))
    yield make_draft(paragraphs, Metadata(**overrides), harvest, warnings=tuple(warnings))


def _trafilatura_json(page: str) -> dict | None:
    # Imported here: a slow import that only HTML inputs need.
    import trafilatura

    result = trafilatura.extract(
        page,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return json.loads(result) if result else None
