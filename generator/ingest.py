"""seeds/ -> RawArticle: walk the inputs, read each form, apply sidecars, drop duplicates.

Never raises for a bad input: each unusable file or record becomes one `Report` and the rest
is still ingested. Limits: an article file (text, Markdown, HTML) may be at most 20 MB and a
collection (JSONL, JSON, CSV, TSV) at most 512 MB; an article needs 20 words of text.

Sidecars: `<file>.meta.yaml` (e.g. `a.txt.meta.yaml`) and `<stem>.meta.yaml` (`a.meta.yaml`)
are both read; where both set a key, the one naming the full file name wins, being the more
specific. Sidecar keys beat everything else the input declares. For a collection, top-level
keys apply to every record and `records: {<record id>: {...}}` overrides single records.

In walked directories, hidden files and folders, sidecars and README/LICENSE files are not
articles (a file named explicitly is always read).
"""

from __future__ import annotations

import hashlib
import operator
import os
import re
import string
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction
from itertools import compress
from pathlib import Path, PurePosixPath

import yaml

from generator.extract.text import word_count
from generator.models import IngestResult, Metadata, RawArticle, Report
from generator.readers import (
    COLLECTION_SUFFIXES,
    READERS,
    Draft,
    UndecodableError,
    declared_fields,
    decode_bytes,
    title_from_lead,
    title_from_url,
)
from generator.slugs import short_hash, slugify
from generator.yamlio import load_yaml

MAX_ARTICLE_FILE_BYTES = 20 * 1024 * 1024
MAX_COLLECTION_FILE_BYTES = 512 * 1024 * 1024
MIN_ARTICLE_WORDS = 8  # a headline-only record still names places and tolls
SIDECAR_SUFFIX = ".meta.yaml"
_NOT_ARTICLES = re.compile(r"^(?:readme|license|licence|changelog)(?:\.[a-z]+)?$", re.IGNORECASE)
NEAR_DUPLICATE_JACCARD = Fraction(9, 10)  # compared in integers: no float rounding at the threshold
_SHINGLE_WORDS = 5
_SIGNATURE_BINS = 32  # a power of two: a shingle's bin is its low bits
_BIN_BITS = 5
_BAND_BINS = 4
_EMPTY_BIN = 1 << 64  # above every shingle hash >> _BIN_BITS
_SAMPLE_MASK = 3  # a shingle is sampled when its first word's id is a multiple of 4
_UNPRINTABLE = frozenset({"Cc", "Cf", "Zl", "Zp"})
_PUNCTUATION = string.punctuation + "“”‘’«»—–…"


def ingest(paths: Sequence[Path], base: Path | None = None, keep_duplicates: bool = False,
           max_article_bytes: int = MAX_ARTICLE_FILE_BYTES) -> IngestResult:
    """Articles of every file under `paths`, sorted by (source_path, record order).

    Duplicates are always reported; they are dropped (one briefing per story) unless
    `keep_duplicates`, which `dossier extract` uses to print one object per input record.
    """
    files, reports = _input_files(paths, base)
    articles: list[RawArticle] = []
    for source_path, path in files:
        file_articles, file_reports = _read_file(path, printable_path(source_path), max_article_bytes)
        articles.extend(file_articles)
        reports.extend(file_reports)
    kept, duplicate_reports = collapse_duplicates(articles)
    reports.extend(duplicate_reports)
    if keep_duplicates:
        kept = articles
    reports.sort(key=lambda report: (report.path, _record_position(report.record)))
    return IngestResult(articles=tuple(_with_unique_ids(kept)), reports=tuple(reports))


# ---------------------------------------------------------------------------- finding files


def _source_path(path: Path, base: Path | None) -> str:
    """Posix path relative to `base` when the file is under it, else as given."""
    if base is not None:
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(base)).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def printable_path(source_path: str) -> str:
    """The path with control, format and line-separator characters shown as escapes.

    A file name is untrusted too: a newline in it would forge a second report line, a bidi
    override would disguise it. Only display uses this; files are opened by their real path.
    """
    return "".join(
        char.encode("unicode_escape").decode("ascii") if unicodedata.category(char) in _UNPRINTABLE else char
        for char in source_path
    )


def _walk(directory: Path) -> Iterable[Path]:
    """Article candidates under `directory`, skipping hidden entries; symlinked folders not followed."""
    for root, folders, names in os.walk(directory):
        folders[:] = [folder for folder in folders if not folder.startswith(".")]
        for name in names:
            if not (name.startswith(".") or name.endswith(SIDECAR_SUFFIX) or _NOT_ARTICLES.match(name)):
                yield Path(root, name)


def _input_files(paths: Sequence[Path], base: Path | None) -> tuple[list[tuple[str, Path]], list[Report]]:
    """(source_path, path) of every input file, sorted and without repeats."""
    found: dict[str, Path] = {}
    reports: list[Report] = []
    for given in map(Path, paths):
        if given.is_dir():
            candidates: Iterable[Path] = _walk(given)
        elif given.is_file():
            candidates = [] if given.name.endswith(SIDECAR_SUFFIX) else [given]
        else:
            reports.append(Report(printable_path(_source_path(given, base)), "no such file or directory"))
            continue
        for path in candidates:
            found.setdefault(_source_path(path, base), path)
    return sorted(found.items()), reports


def _record_position(record: str | None) -> int:
    """1-based position from "record 7" / "line 12"; -1 for whole-file reports."""
    return int(record.rsplit(" ", 1)[-1]) if record else -1


# ---------------------------------------------------------------------------- sidecars


def _sidecar_paths(path: Path) -> list[Path]:
    """Least specific first: `a.meta.yaml`, then `a.txt.meta.yaml` (which wins)."""
    candidates = [path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)]
    return [candidate for candidate in dict.fromkeys(candidates) if candidate.is_file()]


def _load_sidecar(path: Path) -> Mapping:
    """The sidecar mapping; raises ValueError with the reason when it is unusable."""
    try:
        loaded = load_yaml(decode_bytes(path.read_bytes())) or {}
    except RecursionError:
        raise ValueError(f"sidecar {path.name} ignored: nested too deeply") from None
    except (OSError, UndecodableError, yaml.YAMLError) as error:
        reason = str(error).split("\n")[0]
        raise ValueError(f"sidecar {path.name} ignored: {reason}") from None
    if not isinstance(loaded, Mapping):
        raise ValueError(f"sidecar {path.name} ignored: not a mapping of keys to values")
    records = loaded.get("records", {}) or {}
    if not isinstance(records, Mapping) or not all(isinstance(value, Mapping) for value in records.values()):
        raise ValueError(f"sidecar {path.name} ignored: 'records' must map record ids to mappings")
    return loaded


class _Sidecar:
    """Analyst overrides for one input file: file-wide fields and per-record fields."""

    def __init__(self, file_fields: Mapping, record_fields: Mapping[str, Mapping]):
        self.file_fields = file_fields
        self.record_fields = record_fields

    @classmethod
    def for_file(cls, path: Path, source_path: str) -> tuple[_Sidecar, list[Report]]:
        file_fields: dict = {}
        record_fields: dict[str, dict] = {}
        reports = []
        for sidecar in _sidecar_paths(path):
            try:
                loaded = dict(_load_sidecar(sidecar))
            except ValueError as error:
                reports.append(Report(source_path, str(error), severity="warning"))
                continue
            for record_id, fields in (loaded.pop("records", None) or {}).items():
                record_fields.setdefault(str(record_id), {}).update(fields)
            file_fields.update(loaded)
        return cls(file_fields, record_fields), reports

    def fields_for(self, record_id: str | None) -> Mapping:
        return {**self.file_fields, **self.record_fields.get(record_id or "", {})}


# ---------------------------------------------------------------------------- reading one file


def _read_file(path: Path, source_path: str, max_article_bytes: int) -> tuple[list[RawArticle], list[Report]]:
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        return [], [Report(source_path, f"unsupported file type {suffix!r}")]
    problem, text = _file_text(path, suffix, max_article_bytes)
    if problem:
        return [], [Report(source_path, problem)]
    sidecar, reports = _Sidecar.for_file(path, source_path)
    file_id = slugify(PurePosixPath(source_path).with_suffix("").as_posix())
    articles = []
    items = list(reader(text, source_path))
    if not items:
        reports.append(Report(source_path, "no records in the collection"))
    for item in items:
        if isinstance(item, Report):
            reports.append(item)
            continue
        fallback_id = f"{file_id}-{_record_position(item.record)}" if item.record else file_id
        article, article_reports = _article(item, source_path, fallback_id, sidecar)
        reports.extend(article_reports)
        articles.extend([article] if article else [])
    return articles, reports


def _file_text(path: Path, suffix: str, max_article_bytes: int) -> tuple[str | None, str]:
    """(problem, text): the decoded file, or why it cannot be used."""
    limit = MAX_COLLECTION_FILE_BYTES if suffix in COLLECTION_SUFFIXES else max_article_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            return f"file too large ({size} bytes; the limit is {limit} bytes)", ""
        data = path.read_bytes()
    except OSError as error:
        return f"unreadable: {error.strerror or error}", ""
    if not data.strip():
        return "empty file", ""
    try:
        text = decode_bytes(data)
    except UndecodableError as error:
        return str(error), ""
    return (None, text) if text.strip() else ("empty file", "")


def _article(draft: Draft, source_path: str, fallback_id: str, sidecar: _Sidecar) -> tuple[RawArticle | None, list[Report]]:
    """The finished article (sidecar applied, title settled), or None and why not."""
    reports = [Report(source_path, warning, draft.record, "warning") for warning in draft.warnings]
    if word_count(draft.body) < MIN_ARTICLE_WORDS:
        reports.append(Report(source_path, f"no article text ({word_count(draft.body)} words)", draft.record))
        return None, reports
    article_id = draft.own_id or fallback_id
    overrides, warnings = declared_fields(sidecar.fields_for(article_id))
    reports.extend(Report(source_path, f"sidecar: {warning}", draft.record, "warning") for warning in warnings)
    declared = replace(draft.declared, **overrides)
    if declared.title is None:
        declared = replace(declared, title=_fallback_title(declared, draft.body))
    article = RawArticle(
        id=article_id,
        source_path=source_path,
        record=draft.record,
        body=draft.body,
        declared=declared,
        content_hash=content_hash(draft.body),
    )
    return article, reports


def _fallback_title(declared: Metadata, body: str) -> str | None:
    """No headline declared: the URL's slug, else the lead sentence."""
    from_url = title_from_url(declared.url, body) if declared.url else None
    return from_url or title_from_lead(body)


def content_hash(body: str) -> str:
    """sha256 of the body casefolded with white space collapsed: equal for trivially different copies."""
    return hashlib.sha256(" ".join(body.casefold().split()).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------- duplicates and ids


class _WordIds(dict):
    """Word -> small int, shared by one run; "Aleppo," and "aleppo" get the same id.

    Shingles are tuples of these ints: Python randomises str hashes per process, never int
    hashes, so the sampling below is the same on every run.
    """

    def __init__(self) -> None:
        super().__init__()
        self._by_word: dict[str, int] = {}

    def __missing__(self, token: str) -> int:
        word = token.strip(_PUNCTUATION)
        self[token] = self._by_word.setdefault(word, len(self._by_word))
        return self[token]


def _word_ids(body: str, word_ids: _WordIds) -> list[int]:
    return list(map(word_ids.__getitem__, body.lower().split()))


def _sampled_shingles(ids: list[int]) -> set[int]:
    """Hashes of the word 5-grams that start on a sampled word (one word in four).

    Sampling by word keeps the choice consistent between two copies of a text, so the
    sample's Jaccard similarity estimates the full one at a quarter of the cost.
    """
    starts = compress(range(len(ids) - _SHINGLE_WORDS + 1), map(operator.not_, map(_SAMPLE_MASK.__and__, ids)))
    return {hash(tuple(ids[start : start + _SHINGLE_WORDS])) for start in starts}


def _band_keys(shingles: set[int]) -> list[tuple[int, ...]]:
    """LSH band keys of a one-permutation MinHash signature of the sampled shingles.

    Each shingle hash falls into one of 32 bins (its low bits) and each bin keeps its least
    value (the high bits); 8 bands of 4 bins. Copies with Jaccard 0.9 share a band with
    probability above 0.99, unrelated articles almost never.
    """
    if not shingles:
        return []
    signature = [_EMPTY_BIN] * _SIGNATURE_BINS
    for shingle in shingles:
        position, value = shingle & (_SIGNATURE_BINS - 1), shingle >> _BIN_BITS
        if value < signature[position]:
            signature[position] = value
    dense = _densified(signature)
    bands = (dense[start : start + _BAND_BINS] for start in range(0, _SIGNATURE_BINS, _BAND_BINS))
    return [(number, *band) for number, band in enumerate(bands)]


def _densified(signature: list[int]) -> list[int]:
    """Empty bins borrow the next filled bin to their right (circularly), tagged by distance.

    Short articles leave bins empty; without this, every pair of them would "agree" on
    their empty bins (Shrivastava and Li's densification of one-permutation hashing).
    """
    size = len(signature)
    dense = [0] * size
    nearest = 0
    for position in reversed(range(2 * size)):
        if signature[position % size] != _EMPTY_BIN:
            nearest = position
        if position < size:
            dense[position] = signature[nearest % size] * (size + 1) + (nearest - position)
    return dense


def _all_shingles(ids: list[int]) -> frozenset[tuple[int, ...]]:
    return frozenset(zip(*(ids[start:] for start in range(_SHINGLE_WORDS))))


def _nearly_equal(first: frozenset, second: frozenset) -> bool:
    """Jaccard similarity >= the threshold, in exact integer arithmetic."""
    shared = len(first & second)
    union = len(first) + len(second) - shared
    return shared * NEAR_DUPLICATE_JACCARD.denominator >= NEAR_DUPLICATE_JACCARD.numerator * union


def collapse_duplicates(articles: Sequence[RawArticle]) -> tuple[list[RawArticle], list[Report]]:
    """Keep the first of each group of exact or near-exact copies; a warning for each other.

    Near copies (Jaccard >= 0.9 over word 5-shingles) are proposed by MinHash LSH and
    confirmed with the exact similarity: linear in the number of articles.
    """
    word_ids = _WordIds()
    kept: list[RawArticle] = []
    kept_words: list[list[int]] = []
    by_hash: dict[str, int] = {}
    by_band: dict[tuple[int, ...], list[int]] = {}
    reports = []
    for article in articles:
        ids = _word_ids(article.body, word_ids)
        bands = _band_keys(_sampled_shingles(ids))
        original = by_hash.get(article.content_hash)
        if original is None:
            candidates = sorted({position for band in bands for position in by_band.get(band, ())})
            original = _near_copy_of(ids, candidates, kept_words)
        if original is not None:
            reports.append(_duplicate_report(article, kept[original]))
            continue
        by_hash[article.content_hash] = len(kept)
        for band in bands:
            by_band.setdefault(band, []).append(len(kept))
        kept.append(article)
        kept_words.append(ids)
    return kept, reports


def _near_copy_of(ids: list[int], candidates: list[int], kept_words: list[list[int]]) -> int | None:
    """The earliest candidate that `ids` nearly copies, if any."""
    if not candidates:
        return None
    shingles = _all_shingles(ids)
    return next((position for position in candidates if _nearly_equal(shingles, _all_shingles(kept_words[position]))), None)


def _duplicate_report(copy: RawArticle, original: RawArticle) -> Report:
    where = f"{original.source_path} ({original.record})" if original.record else original.source_path
    return Report(copy.source_path, f"duplicate of {where}", copy.record, "warning")


def _with_unique_ids(articles: list[RawArticle]) -> list[RawArticle]:
    """First article keeps its id; a later one with the same id gets a hash of its origin."""
    taken: set[str] = set()
    unique = []
    for article in articles:
        article_id = article.id
        origin = f"{article.source_path}#{article.record or ''}"
        length = 8
        while article_id in taken:
            article_id = f"{article.id}-{short_hash(origin, length)}"
            length += 4
        taken.add(article_id)
        unique.append(article if article_id == article.id else replace(article, id=article_id))
    return unique

