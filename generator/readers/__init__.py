"""One reader per input form: bytes -> text -> cleaned body + the metadata the input declares.

Readers never raise for bad input: they yield a `Draft` per usable article and a `Report` per
problem (a whole file, or one record of a collection). `generator.ingest` walks the files,
applies sidecars, rejects short bodies, assigns ids and collapses duplicates.

decoding.py     bytes -> text, text hygiene
fields.py       declared metadata: dates, wires, field names of records and front-matter
cleanup.py      page furniture dropped (the metadata in it kept), titles, the Draft
text.py, markdown.py, html.py, collections.py   one module per input form
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.models import Report
from generator.readers.cleanup import Draft, title_from_lead, title_from_url
from generator.readers.collections import read_csv, read_json, read_jsonl, read_tsv
from generator.readers.decoding import UndecodableError, decode_bytes, normalize_text
from generator.readers.fields import declared_fields, parse_date
from generator.readers.html import read_html
from generator.readers.markdown import read_markdown
from generator.readers.text import read_plain_text

__all__ = ["COLLECTION_SUFFIXES", "READERS", "Draft", "Reader", "UndecodableError", "declared_fields", "decode_bytes",
           "normalize_text", "parse_date", "title_from_lead", "title_from_url"]

Reader = Callable[[str, str], Iterator[Draft | Report]]  # (text, source_path) -> drafts and reports
READERS: dict[str, Reader] = {
    "": read_plain_text,
    ".txt": read_plain_text,
    ".text": read_plain_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".tsv": read_tsv,
}
COLLECTION_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", ".csv", ".tsv"})
