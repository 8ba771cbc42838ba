"""Metadata an input declares: dates in the forms news uses, wire agencies, and the fields of
front-matter, sidecars and collection records found by their common names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from generator.knowledge import shipped_wire_names
from generator.lexicon import MONTH_NUMBERS
from generator.readers.decoding import normalize_text, one_line

# ---------------------------------------------------------------------------- dates

_MONTHS = MONTH_NUMBERS
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = (
    r"(?:(?:[,\s]+(?:at\s+)?|T)\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|[A-Z]{2,5}|(?:GMT|UTC)?[+-]\d{1,2}:?(?:\d{2})?))?)?"
)
_DATE_FORMS = tuple(
    re.compile(_WEEKDAY + form + _TIME, re.IGNORECASE)
    for form in (
        r"(?P<year>\d{4})[-/](?P<num_month>\d{1,2})[-/](?P<day>\d{1,2})",
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})",
        _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
    )
)


def parse_date(value: object) -> dt.date | None:
    """A calendar date from a date/datetime or a string in a common news form, else None.

    Month names are matched in English from a table (strptime's %B depends on the locale).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = one_line(value)
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            parts = match.groupdict()
            month = int(parts["num_month"]) if parts.get("num_month") else _MONTHS[parts["month"].lower()]
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                return None
    return None


# ---------------------------------------------------------------------------- declared fields

# Dates a news article can carry: outside, a date is a typo or an attack (9999-12-31 would
# overflow every "the next day" resolved against it).
EARLIEST_DATE, LATEST_DATE = dt.date(1800, 1, 1), dt.date(2199, 12, 31)

# News agencies: the wires of the shipped knowledge base (lower-cased name or alias -> name).
_WIRE_NAMES = shipped_wire_names()
WIRE_PATTERN = "|".join(re.escape(name) for name in sorted(_WIRE_NAMES, key=len, reverse=True))

# Metadata field -> accepted keys (case-insensitive), first present wins.
FIELD_KEYS = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "publisher": ("publisher", "source", "outlet", "site", "sitename", "site_name"),
    "published": ("published", "date", "published_at", "publication_date", "pubdate"),
    "byline": ("byline", "author", "authors"),
    "wires": ("wires", "wire"),
    "event_date": ("event_date",),
    "tags": ("tags",),
}
BODY_KEYS = ("content", "text", "body", "article_content", "article")
ID_KEY = "id"
_LIST_SEPARATORS = re.compile(r"\s*[,;]\s*")


def wire_name(text: str) -> str | None:
    """Canonical name of a news agency ("Agence France-Presse" -> "AFP"), else None."""
    return _WIRE_NAMES.get(one_line(text).lower())


def text_value(value: object) -> str | None:
    """A one-line string from a scalar, list (joined) or {"name": ...} mapping; None if blank."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Mapping):
        return text_value(value.get("name"))
    if isinstance(value, list | tuple):
        return text_value(", ".join(filter(None, map(text_value, value))))
    if isinstance(value, dt.date):
        return value.isoformat()
    return one_line(normalize_text(str(value))) or None


def _list_value(value: object) -> tuple[str, ...]:
    items = value if isinstance(value, list | tuple) else _LIST_SEPARATORS.split(text_value(value) or "")
    return tuple(dict.fromkeys(filter(None, map(text_value, items))))


def _shown(value: object) -> str:
    """A declared value as a report shows it: its text, or what it is when it has none."""
    text = text_value(value)
    if text is not None:
        return repr(text)
    return "a true/false value" if isinstance(value, bool) else "a mapping" if isinstance(value, Mapping) else "an empty value"


def lowercase_keys(mapping: Mapping) -> dict[str, object]:
    return {str(key).strip().lower(): value for key, value in mapping.items()}


def first_present(fields: Mapping[str, object], keys: tuple[str, ...]) -> object:
    return next((fields[key] for key in keys if fields.get(key) not in (None, "", [])), None)


def declared_fields(mapping: Mapping) -> tuple[dict[str, object], list[str]]:
    """Metadata overrides named in a front-matter, sidecar or collection record.

    Returns (fields to set on Metadata, warnings); a field absent or blank is not set, so it
    does not erase what a lower-priority source declared.
    """
    fields, overrides, warnings = lowercase_keys(mapping), {}, []
    for name, keys in FIELD_KEYS.items():
        value = first_present(fields, keys)
        if value is None:
            continue
        if name in ("published", "event_date"):
            date = parse_date(value)
            if date is None:
                warnings.append(f"unparseable date in {name!r}: {_shown(value)}")
            elif not EARLIEST_DATE <= date <= LATEST_DATE:
                warnings.append(f"date in {name!r} out of range ({EARLIEST_DATE.year}-{LATEST_DATE.year}): {date}")
            else:
                overrides[name] = date
        elif name == "wires":
            overrides[name] = tuple(dict.fromkeys(wire_name(w) or w for w in _list_value(value)))
        elif name == "tags":
            overrides[name] = _list_value(value)
        elif text_value(value):
            overrides[name] = text_value(value)
    return overrides, warnings


# Article metadata is flat: a record nested deeper than this is refused, not walked.
MAX_RECORD_DEPTH = 20


def nested_too_deep(value: object, limit: int = MAX_RECORD_DEPTH) -> bool:
    """True when lists and objects nest more than `limit` levels (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children = list(item.values())
        elif isinstance(item, (list, tuple)):
            children = list(item)
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
