"""One reader per input form: bytes -> text -> cleaned body + the metadata the input declares.

Readers never raise for bad input: they yield a `Draft` per usable article and a `Report` per
problem (a whole file, or one record of a collection). `generator.ingest` walks the files,
applies sidecars, rejects short bodies, assigns ids and collapses duplicates.

Boilerplate rules follow how news pages are written (browser notices, photo captions and
credits, "Related:" links, bylines, "Source: Reuters" lines, time stamps), never one site.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urlsplit

import yaml

from generator.extract.text import split_sentences
from generator.models import Metadata, Report
from generator.slugs import slugify
from generator.yamlio import load_yaml

# ---------------------------------------------------------------------------- decoding

_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Windows-1252 leaves five bytes undefined; those keep their Latin-1 meaning.
_CP1252_OVER_LATIN1 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we accept (the reason is the message)."""


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls, odd_nuls, half = data[0::2].count(0), data[1::2].count(0), len(data) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> str:
    """Text of `data`: BOM, else strict UTF-8, else Windows-1252 (Latin-1 for its gaps).

    Raises UndecodableError for binary data (NUL bytes outside UTF-16/32, or control
    characters in more than 2% of the text).
    """
    bom, encoding = next(((bom, name) for bom, name in _BOMS if data.startswith(bom)), (b"", None))
    data = data[len(bom) :]
    encoding = encoding or _utf16_without_bom(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise UndecodableError(f"undecodable text ({encoding}: {error.reason})") from None
    elif b"\x00" in data:
        raise UndecodableError("binary file")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1").translate(_CP1252_OVER_LATIN1)
    if len(_BINARY_CONTROLS.findall(text)) > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise UndecodableError("binary file")
    return text


# ---------------------------------------------------------------------------- text hygiene

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Zero-width and bidi-control characters (invisible; bidi overrides can disguise text)
# and control characters other than \n and \t.
_INVISIBLE = re.compile(
    r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad"
    r"\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]"
)
_SPACES = re.compile(r"[^\S\n]+")


def normalize_text(text: str) -> str:
    """Newlines as \\n, Unicode NFC, no invisible or control characters."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", _NEWLINES.sub("\n", text)))


def one_line(text: str) -> str:
    """All white space (tabs, no-break spaces, newlines) collapsed to single spaces."""
    return " ".join(text.split())


def body_from_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs separated by exactly one blank line, each on one line."""
    return "\n\n".join(line for line in map(one_line, paragraphs) if line)


# ---------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june",
         "jul july", "aug august", "sep sept september", "oct october", "nov november",
         "dec december"),
        start=1,
    )
    for name in names.split()
}
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

_WIRE_NAMES = {
    "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "AFP",
    "agence france-presse": "AFP", "agence france presse": "AFP", "ap": "AP",
    "associated press": "AP", "the associated press": "AP", "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency", "dpa": "dpa", "efe": "EFE", "xinhua": "Xinhua",
    "tass": "TASS", "itar-tass": "TASS", "ria novosti": "RIA Novosti", "sana": "SANA",
    "upi": "UPI", "ansa": "ANSA", "kyodo": "Kyodo", "irna": "IRNA", "kuna": "KUNA",
    "pti": "PTI", "ians": "IANS", "bloomberg": "Bloomberg",
}
_WIRE = "|".join(re.escape(name) for name in sorted(_WIRE_NAMES, key=len, reverse=True))

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


def _first_present(fields: Mapping[str, object], keys: tuple[str, ...]) -> object:
    return next((fields[key] for key in keys if fields.get(key) not in (None, "", [])), None)


def declared_fields(mapping: Mapping) -> tuple[dict[str, object], list[str]]:
    """Metadata overrides named in a front-matter, sidecar or collection record.

    Returns (fields to set on Metadata, warnings); a field absent or blank is not set, so it
    does not erase what a lower-priority source declared.
    """
    fields, overrides, warnings = lowercase_keys(mapping), {}, []
    for name, keys in FIELD_KEYS.items():
        value = _first_present(fields, keys)
        if value is None:
            continue
        if name in ("published", "event_date"):
            date = parse_date(value)
            if date is None:
                warnings.append(f"unparseable date in {name!r}: {_shown(value)}")
            else:
                overrides[name] = date
        elif name == "wires":
            overrides[name] = tuple(dict.fromkeys(wire_name(w) or w for w in _list_value(value)))
        elif name == "tags":
            overrides[name] = _list_value(value)
        elif text_value(value):
            overrides[name] = text_value(value)
    return overrides, warnings


# ---------------------------------------------------------------------------- boilerplate

_MAX_NOTICE_WORDS = 30  # rules that drop whole lines only touch short ones:
_MAX_CAPTION_WORDS = 60  # a one-line article that starts "Photo: ..." is kept
_NOTICE = re.compile(
    r"\bis not supported\b|\bbrowser\b.*\b(?:supported|update|upgrade|outdated)\b"
    r"|\benable javascript\b|\bjavascript is (?:disabled|required)\b|\bwe use cookies\b"
    r"|\b(?:site|website) uses cookies\b|\baccept (?:all )?cookies\b|^advertisement$"
    r"|^skip to (?:main )?content$|\b(?:sign up|subscribe) (?:for|to) (?:our|the) newsletter\b"
    r"|^share (?:this|on)\b|^follow us on\b|\ball rights reserved\b|^copyright\b|^©",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^\(?(?:image|photo|picture|pictured|photograph|video|watch|caption|file photo|graphic"
    r"|gallery|illustration)s?(?: credit)?\s*[:|—–]\s*(?P<caption>.*?)\)?$",
    re.IGNORECASE,
)
_PHOTO_AGENCY = rf"(?:(?i:{_WIRE})|Getty Images|EPA(?:-EFE)?|Handout|File|Shutterstock)"
_CREDIT_ENDING = re.compile(rf"(?:/\s*{_PHOTO_AGENCY}(?:\s+via\s+Getty Images)?|\bvia Getty Images)\s*\)?$")
_RELATED = re.compile(
    r"^(?:related(?: articles?| stories| coverage| content| news)?|read more|read also|also read"
    r"|read next|see also|more on this(?: story)?|recommended(?: for you)?|you may also like"
    r"|most read|trending)(?:\s*[:|—–-].*)?$",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(r"^/?\s*(?:source|sources|via)\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|al|bin|de|van|von|el))*"
_BYLINE = re.compile(rf"^(?:By|BY)\s+(?P<names>{_NAME}(?:\s*(?:,|\band\b|&|\||-|—)\s*{_NAME})*)$")
_NAME_SEPARATORS = re.compile(r"\s*(?:,|\band\b|&|\||\s-\s|—)\s*")
_WIRE_SIGNATURE = re.compile(rf"^[-–—(\s]*(?:{_WIRE})(?:\s*(?:,|/|and|&)\s*(?:{_WIRE}))*[)\s.]*$", re.IGNORECASE)
_CREDITS = re.compile(r"^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b", re.IGNORECASE)
_TIMESTAMP_PREFIX = re.compile(
    r"^(?:(?:first\s+)?published|(?:last\s+)?updated|posted|last modified)\s*(?:on\s*|:\s*)?",
    re.IGNORECASE,
)
_MAX_TIMESTAMP_WORDS = 12
_DATELINE_WIRE = re.compile(rf"^[^\n]{{0,80}}?\((?P<wire>{_WIRE})\)\s*[-–—:]", re.IGNORECASE)
_DATELINE_PARAGRAPHS = 3
_NO_LETTERS = re.compile(r"^[\W\d_]*$")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


@dataclass
class _Harvest:
    """Metadata found while dropping boilerplate lines (local to one article)."""

    wires: list[str] = field(default_factory=list)
    byline: str | None = None
    published: dt.date | None = None
    captions: list[str] = field(default_factory=list)

    def add_wires(self, names: list[str]) -> None:
        self.wires.extend(name for name in names if name not in self.wires)


def _wires_in(names: str) -> list[str]:
    return [wire for wire in map(wire_name, _NAME_SEPARATORS.split(names)) if wire]


def _byline(line: str, harvest: _Harvest) -> bool:
    """'By Jane Doe and John Roe, Reuters': names to the byline, agencies to the wires."""
    match = _BYLINE.match(line)
    if not match or len(line.split()) > 12:
        return False
    names = [name for name in _NAME_SEPARATORS.split(match["names"]) if name]
    people = [name for name in names if not wire_name(name) and not wire_name(name.removesuffix(" Staff"))]
    harvest.add_wires([wire_name(name.removesuffix(" Staff")) for name in names if name not in people])
    if people and harvest.byline is None:
        harvest.byline = ", ".join(people)
    return True


def _timestamp(line: str, harvest: _Harvest) -> bool:
    """A line that is only a date ("Updated Sept. 23, 2016, 5:42 AM EDT")."""
    if len(line.split()) > _MAX_TIMESTAMP_WORDS:
        return False
    date = parse_date(_TIMESTAMP_PREFIX.sub("", line))
    if date is None:
        return False
    if harvest.published is None:
        harvest.published = date
    return True


def _is_boilerplate(line: str, harvest: _Harvest) -> bool:
    """True when `line` is not article text; declared metadata in it goes into `harvest`."""
    words = len(line.split())
    if _NO_LETTERS.match(line) or _URL_LINE.match(line):
        return True
    if words <= _MAX_NOTICE_WORDS and (_NOTICE.search(line) or _RELATED.match(line) or _CREDITS.match(line)):
        return True
    caption = _CAPTION.match(line)
    if caption and words <= _MAX_CAPTION_WORDS:
        harvest.captions.append(caption["caption"])
        return True
    if words <= _MAX_CAPTION_WORDS and _CREDIT_ENDING.search(line):
        return True
    source = _SOURCE_LINE.match(line)
    if source and words <= 8:
        harvest.add_wires(_wires_in(source["names"]))
        return True
    if _WIRE_SIGNATURE.match(line):
        harvest.add_wires(_wires_in(re.sub(r"[-–—()/.&]", ",", line)))
        return True
    return _byline(line, harvest) or _timestamp(line, harvest)


def _repeats_caption(line: str, captions: list[str]) -> bool:
    """A caption printed twice (once labelled "Image:", once with its credit)."""
    return any(len(caption.split()) >= 5 and line.startswith(caption) for caption in captions)


def clean_lines(lines: list[str]) -> tuple[list[str], _Harvest]:
    """Article paragraphs among `lines` (one paragraph each), and the metadata they declared."""
    harvest = _Harvest()
    kept = [line for line in map(one_line, lines) if line and not _is_boilerplate(line, harvest)]
    kept = [line for line in kept if not _repeats_caption(line, harvest.captions)]
    for paragraph in kept[:_DATELINE_PARAGRAPHS]:
        dateline = _DATELINE_WIRE.match(paragraph)
        if dateline:
            harvest.add_wires([wire_name(dateline["wire"])])
    return kept, harvest


def _looks_like_headline(line: str) -> bool:
    """Headlines have no closing punctuation and are short; body paragraphs end a sentence."""
    return 2 <= len(line.split()) <= 25 and not re.search(r"[.!?…:;,\"”’)]$", line)


# ---------------------------------------------------------------------------- titles

_ID_LIKE = re.compile(r"\d+|(?=[a-z]*\d)[a-z0-9]{6,}")
_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cms)$", re.IGNORECASE)
_WORD_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:]\s*)[\"'“‘(\[]*$", re.MULTILINE)
_MIN_SLUG_WORDS = 3
_TITLE_LIMIT = 100


def _slug_words(url: str) -> list[str]:
    """Words of the URL's headline slug ("missiles-batter-syrias-aleppo-1288792")."""
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    for segment in reversed(segments):
        stem = _PAGE_EXTENSION.sub("", unquote(segment)).lower()
        words = [word for word in re.split(r"[-_+.]+", stem) if word]
        while words and _ID_LIKE.fullmatch(words[-1]):
            words.pop()
        while words and _ID_LIKE.fullmatch(words[0]):
            words.pop(0)
        if len(words) >= _MIN_SLUG_WORDS:
            return words
    return []


def _written_forms(body: str) -> dict[str, str]:
    """Slug key -> how the body writes that word mid-sentence ("syrias" -> "Syria's").

    Sentence-initial occurrences are ignored: they are capitalised whatever the word is.
    """
    forms: dict[str, Counter[str]] = {}
    for match in _WORD_TOKEN.finditer(body):
        if _SENTENCE_OPENING.search(body, max(0, match.start() - 4), match.start()):
            continue
        word = match[0]
        forms.setdefault(slugify(word).replace("-", ""), Counter())[word] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in forms.items()}


def title_from_url(url: str, body: str) -> str | None:
    """"Missiles batter Syria's Aleppo" from ".../missiles-batter-syrias-aleppo-1288792"."""
    words = _slug_words(url)
    if not words:
        return None
    forms = _written_forms(body)
    title = " ".join(forms.get(word, word) for word in words)
    return title[0].upper() + title[1:]


def title_from_lead(body: str) -> str | None:
    """The first sentence, cut at a word boundary to about 100 characters."""
    sentences = split_sentences(body)
    if not sentences:
        return None
    lead = sentences[0].text.rstrip(".")
    if len(lead) <= _TITLE_LIMIT:
        return lead
    return lead[:_TITLE_LIMIT].rsplit(" ", 1)[0].rstrip(",;:—-") + "…"


# ---------------------------------------------------------------------------- readers


@dataclass(frozen=True)
class Draft:
    """One article as a reader found it, before sidecars, ids and duplicate checks."""

    body: str
    declared: Metadata
    record: str | None = None
    own_id: str | None = None  # the record's own id in a collection
    warnings: tuple[str, ...] = ()


def _draft(paragraphs: list[str], declared: Metadata, harvest: _Harvest, **extra) -> Draft:
    """Fill the declared fields the input left empty with what boilerplate lines declared."""
    declared = replace(
        declared,
        wires=declared.wires or tuple(harvest.wires),
        byline=declared.byline or harvest.byline,
        published=declared.published or harvest.published,
    )
    title = declared.title
    paragraphs = [line for line in paragraphs if not title or line.casefold() != title.casefold()]
    return Draft(body=body_from_paragraphs(paragraphs), declared=declared, **extra)


def read_plain_text(text: str, source_path: str) -> Iterator[Draft | Report]:
    """Plain text: optional URL header line, boilerplate, a headline line, one paragraph a line."""
    lines = [line for line in map(one_line, normalize_text(text).split("\n")) if line]
    url = lines.pop(0) if lines and _URL_LINE.match(lines[0]) else None
    paragraphs, harvest = clean_lines(lines)
    title = None
    if len(paragraphs) > 1 and _looks_like_headline(paragraphs[0]):
        title = paragraphs.pop(0)
    yield _draft(paragraphs, Metadata(title=title, url=url), harvest)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)


def read_markdown(text: str, source_path: str) -> Iterator[Draft | Report]:
    """Markdown, optionally with YAML front-matter whose keys override what the text says."""
    text = normalize_text(text)
    front, declared, warnings = {}, Metadata(), []
    if text.startswith("---\n"):
        match = _FRONT_MATTER.match(text)
        if not match:
            yield Report(source_path, "front-matter is not closed by a '---' line")
            return
        try:
            front = load_yaml(match["yaml"]) or {}
        except RecursionError:
            yield Report(source_path, "front-matter is not valid YAML: nested too deeply")
            return
        except yaml.YAMLError as error:
            yield Report(source_path, f"front-matter is not valid YAML: {_yaml_problem(error)}")
            return
        if not isinstance(front, Mapping):
            yield Report(source_path, "front-matter is not a mapping of keys to values")
            return
        overrides, warnings = declared_fields(front)
        declared = replace(declared, **overrides)
        text = text[match.end() :]
    blocks = markdown_paragraphs(text)
    if blocks and blocks[0].startswith("# ") and declared.title is None:
        declared = replace(declared, title=blocks[0][2:].strip())
    paragraphs, harvest = clean_lines([block.removeprefix("# ") for block in blocks])
    yield _draft(paragraphs, declared, harvest, warnings=tuple(warnings))


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).split("\n")[0]
    return f"{problem} (line {mark.line + 1})" if mark else problem


_MD_SKIPPED_LINE = re.compile(
    r"^\s*(?:(?:```|~~~).*|[=-]{2,}|(?:[-*_]\s*){3,}|\[[^\]]+\]:\s*\S+.*|<!--.*-->)\s*$"
)
_MD_OWN_PARAGRAPH = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)")
_MD_HEADING = re.compile(r"\s*(#{1,6})\s+")
_MD_MARKERS = re.compile(r"^\s*(?:>\s?)+|^\s*(?:[-*+]|\d+[.)])\s+|\s+#+\s*$")
_MD_INLINE = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images: their alt text is a caption
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),
)


def _markdown_inline(text: str) -> str:
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    return html.unescape(text)


def markdown_paragraphs(text: str) -> list[str]:
    """Plain-text paragraphs of Markdown; headings keep one '# ' so a title can be found."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if not line.strip() or _MD_SKIPPED_LINE.match(line) or _MD_OWN_PARAGRAPH.match(line):
            paragraphs.append(" ".join(current))
            current = []
        if _MD_OWN_PARAGRAPH.match(line):
            heading = _MD_HEADING.match(line)
            content = _MD_MARKERS.sub("", line[heading.end() :] if heading else line)
            paragraphs.append(("# " if heading and len(heading[1]) == 1 else "") + content)
        elif line.strip() and not _MD_SKIPPED_LINE.match(line):
            current.append(_MD_MARKERS.sub("", line))
    paragraphs.append(" ".join(current))
    return [one_line(_markdown_inline(paragraph)) for paragraph in paragraphs if paragraph.strip()]


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
    yield _draft(paragraphs, Metadata(**overrides), harvest, warnings=tuple(warnings))


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


# ---------------------------------------------------------------------------- collections


def record_draft(record: object, label: str) -> Draft | str:
    """Draft of one collection record, or the reason it is unusable."""
    if not isinstance(record, Mapping):
        return "record is not an object with named fields"
    fields = lowercase_keys(record)
    content = _first_present(fields, BODY_KEYS)
    if not isinstance(content, str) or not content.strip():
        return f"no article text (no non-empty field among {', '.join(BODY_KEYS)})"
    overrides, warnings = declared_fields(fields)
    paragraphs, harvest = clean_lines(normalize_text(content).split("\n"))
    own_id = text_value(fields.get(ID_KEY))
    return _draft(paragraphs, Metadata(**overrides), harvest, record=label, own_id=own_id, warnings=tuple(warnings))


def _records(source_path: str, numbered: Iterator[tuple[str, object]]) -> Iterator[Draft | Report]:
    for label, record in numbered:
        draft = record_draft(record, label)
        yield draft if isinstance(draft, Draft) else Report(source_path, draft, label)


def read_jsonl(text: str, source_path: str) -> Iterator[Draft | Report]:
    """One JSON object a line; a bad line is reported and the others are kept."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
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
        document = json.loads(text)
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
