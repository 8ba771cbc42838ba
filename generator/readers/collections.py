"""Collections: one article per record of a JSONL, JSON or CSV/TSV file; a bad record is
reported with its position and the others are kept."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping

from generator.models import Metadata, Report
from generator.readers.cleanup import Draft, clean_lines, make_draft
from generator.readers.decoding import normalize_text
from generator.readers.fields import (
    BODY_KEYS,
    ID_KEY,
    MAX_RECORD_DEPTH,
    declared_fields,
    first_present,
    lowercase_keys,
    nested_too_deep,
    text_value,
)

# ---------------------------------------------------------------------------- collections


def record_draft(record: object, label: str) -> Draft | str:
    """Draft of one collection record, or the reason it is unusable."""
    if not isinstance(record, Mapping):
        return "record is not an object with named fields"
    if nested_too_deep(record):
        return f"fields nested more than {MAX_RECORD_DEPTH} levels deep"
    fields = lowercase_keys(record)
    content = first_present(fields, BODY_KEYS)
    if not isinstance(content, str) or not content.strip():
        return f"no article text (no non-empty field among {', '.join(BODY_KEYS)})"
    overrides, warnings = declared_fields(fields)
    paragraphs, harvest = clean_lines(normalize_text(content).split("\n"))
    own_id = text_value(fields.get(ID_KEY))
    return make_draft(paragraphs, Metadata(**overrides), harvest, record=label, own_id=own_id, warnings=tuple(warnings))


def _records(source_path: str, numbered: Iterator[tuple[str, object]]) -> Iterator[Draft | Report]:
    for label, record in numbered:
        draft = record_draft(record, label)
        yield draft if isinstance(draft, Draft) else Report(source_path, draft, label)


# Python refuses to build an int of more than 4,300 digits (a ValueError, not a JSON error); no
# field of an article needs more than this many: a longer number is kept as its text.
_MAX_INT_DIGITS = 100


def _bounded_int(digits: str) -> int | str:
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else digits


def read_jsonl(text: str, source_path: str) -> Iterator[Draft | Report]:
    """One JSON object a line; a bad line is reported and the others are kept."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, parse_int=_bounded_int)
        except json.JSONDecodeError as error:
            yield Report(source_path, f"invalid JSON: {error.msg} (column {error.colno})", f"line {number}")
            continue
        except RecursionError:
            yield Report(source_path, "invalid JSON: nested too deeply", f"line {number}")
            continue
        yield from _records(source_path, iter([(f"line {number}", record)]))


_LIST_KEYS = ("articles", "items", "data", "records", "entries", "results", "posts", "documents")


def read_json(text: str, source_path: str) -> Iterator[Draft | Report]:
    """A list of article objects, bare or under a key such as "articles"; or one article."""
    try:
        document = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        yield Report(source_path, f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})")
        return
    except RecursionError:
        yield Report(source_path, "invalid JSON: nested too deeply")
        return
    if isinstance(document, Mapping):
        fields = lowercase_keys(document)
        listed = next((fields[key] for key in _LIST_KEYS if isinstance(fields.get(key), list)), None)
        document = listed if listed is not None else [document]
    if not isinstance(document, list):
        yield Report(source_path, "JSON is neither a list of articles nor an object holding one")
        return
    yield from _records(source_path, ((f"record {n}", record) for n, record in enumerate(document, start=1)))


def _csv_delimiter(text: str, default: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in (default, ",", ";", "\t")}
    return max(counts, key=lambda delimiter: (counts[delimiter], delimiter == default))


def read_csv(text: str, source_path: str, delimiter: str = ",") -> Iterator[Draft | Report]:
    """A header row naming the fields, then one article a row."""
    # Articles are long fields; the module-wide limit is raised to the file-size limit.
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_csv_delimiter(text, delimiter), restkey="\0extra")
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            label = f"record {number}"
            if "\0extra" in row:
                yield Report(source_path, "more fields than the header names", label)
                continue
            yield from _records(source_path, iter([(label, row)]))
    except csv.Error as error:
        yield Report(source_path, f"malformed CSV: {error}", f"record {number + 1}")


def read_tsv(text: str, source_path: str) -> Iterator[Draft | Report]:
    return read_csv(text, source_path, delimiter="\t")
