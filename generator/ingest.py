"""seeds/ -> RawArticle: walk the inputs, read each form, apply sidecars, drop duplicates.

Never raises for a bad input: each unusable file or record becomes one `Report` and the rest
is still ingested. Limits: an article file (text, Markdown, HTML) may be at most
`max_article_bytes` (the setting max_file_mb, 20 MB by default) and a collection (JSONL, JSON,
CSV, TSV) at most 512 MB; an article needs MIN_ARTICLE_WORDS (8) words of text.

Sidecars: `<file>.meta.yaml` (e.g. `a.txt.meta.yaml`) and `<stem>.meta.yaml` (`a.meta.yaml`)
are both read; where both set a key, the one naming the full file name wins, being the more
specific. Sidecar keys beat everything else the input declares. For a collection, top-level
keys apply to every record and `records: {<record id>: {...}}` overrides single records.

In walked directories, hidden files and folders, sidecars and README/LICENSE files are not
articles (a file named explicitly is always read).

With an IngestCache (generator.cache, which imports nothing of rendering), every input is
still read and hashed, but one whose bytes (and whose sidecars' bytes) were ingested before is
not decoded, cleaned or shingled again.
"""

from __future__ import annotations

import hashlib
import operator
import os
import re
import stat
import string
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction
from itertools import compress
from pathlib import Path, PurePosixPath

import yaml

from generator.cache import IngestCache, IngestEntry
from generator.models import IngestResult, Metadata, RawArticle, Report
from generator.readers import (
    COLLECTION_SUFFIXES,
    READERS,
    Draft,
    Reader,
    UndecodableError,
    declared_fields,
    decode_bytes,
    title_from_lead,
    title_from_url,
)
from generator.slugs import short_hash, slugify
from generator.text import word_count
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
_SAMPLE_MASK = 3  # a shingle is sampled when its first word's hash is a multiple of 4
_UNPRINTABLE = frozenset({"Cc", "Cf", "Zl", "Zp"})
_PUNCTUATION = string.punctuation + "“”‘’«»—–…"
BandKeys = tuple[tuple[int, ...], ...]  # an article's MinHash LSH band keys (duplicate_band_keys)


def ingest(paths: Sequence[Path], base: Path | None = None, keep_duplicates: bool = False,
           max_article_bytes: int = MAX_ARTICLE_FILE_BYTES, cache: IngestCache | None = None) -> IngestResult:
    """Articles of every file under `paths`, sorted by (source_path, record order).

    Duplicates are always reported; they are dropped (one briefing per story) unless
    `keep_duplicates`, which `dossier extract` uses to print one object per input record.
    """
    files, reports = _input_files(paths, base)
    reader = _FileReader(max_article_bytes, cache)
    entries = [reader.entry(path, printable_path(source_path)) for source_path, path in files]
    if cache:
        cache.save()
    articles = [article for entry in entries for article in entry.articles]
    reports.extend(report for entry in entries for report in entry.reports)
    kept, duplicate_reports = collapse_duplicates(articles, [keys for entry in entries for keys in entry.band_keys])
    reports.extend(duplicate_reports)
    if keep_duplicates:
        kept = articles
    reports.sort(key=lambda report: (report.path, _record_position(report.record)))
    return IngestResult(articles=tuple(_with_unique_ids(kept)), reports=tuple(reports))


# ---------------------------------------------------------------------------- finding files


def _source_path(path: Path, base_folder: str | None) -> str:
    """Posix path relative to `base_folder` (absolute) when the file is under it, else as given.

    On strings, not Paths: this runs for every input of every run."""
    if base_folder is not None:
        absolute = os.path.abspath(path)
        inside = os.path.join(base_folder, "")
        if absolute.startswith(inside):
            return absolute[len(inside) :].replace(os.sep, "/")
        if absolute == base_folder:
            return "."
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
    base_folder = os.path.abspath(base) if base is not None else None
    for given in map(Path, paths):
        if given.is_dir():
            candidates: Iterable[Path] = _walk(given)
        elif given.is_file():
            candidates = [] if given.name.endswith(SIDECAR_SUFFIX) else [given]
        else:
            reports.append(Report(printable_path(_source_path(given, base_folder)), "no such file or directory"))
            continue
        for path in candidates:
            found.setdefault(_source_path(path, base_folder), path)
    return sorted(found.items()), reports


def _record_position(record: str | None) -> int:
    """1-based position from "record 7" / "line 12"; -1 for whole-file reports."""
    return int(record.rsplit(" ", 1)[-1]) if record else -1


# ---------------------------------------------------------------------------- sidecars


SidecarFile = tuple[str, bytes | OSError]  # (file name, its bytes or why they could not be read)


def _sidecar_files(path: Path) -> list[SidecarFile]:
    """Least specific first: `a.meta.yaml`, then `a.txt.meta.yaml` (which wins).

    On strings, not Paths: this runs for every input of every run, and pathlib costs more than the
    system calls here."""
    folder = os.path.dirname(path)
    found = []
    for name in dict.fromkeys([path.stem + SIDECAR_SUFFIX, path.name + SIDECAR_SUFFIX]):
        full = os.path.join(folder, name)
        if _is_file(full):
            found.append((name, _bytes_or_error(full)))
    return found


def _is_file(path: str) -> bool:
    """Path.is_file on a string: a regular file (a FIFO or device would block or never end)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _bytes_or_error(path: str) -> bytes | OSError:
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except OSError as error:
        return error


def _load_sidecar(name: str, data: bytes | OSError) -> Mapping:
    """The sidecar mapping; raises ValueError with the reason when it is unusable."""
    try:
        if isinstance(data, OSError):
            raise data
        loaded = load_yaml(decode_bytes(data)) or {}
    except RecursionError:
        raise ValueError(f"sidecar {name} ignored: nested too deeply") from None
    except (OSError, UndecodableError, yaml.YAMLError) as error:
        reason = str(error).split("\n")[0]
        raise ValueError(f"sidecar {name} ignored: {reason}") from None
    if not isinstance(loaded, Mapping):
        raise ValueError(f"sidecar {name} ignored: not a mapping of keys to values")
    records = loaded.get("records", {}) or {}
    if not isinstance(records, Mapping) or not all(isinstance(value, Mapping) for value in records.values()):
        raise ValueError(f"sidecar {name} ignored: 'records' must map record ids to mappings")
    return loaded


class _Sidecar:
    """Analyst overrides for one input file: file-wide fields and per-record fields."""

    def __init__(self, file_fields: Mapping, record_fields: Mapping[str, Mapping]):
        self.file_fields = file_fields
        self.record_fields = record_fields

    @classmethod
    def from_files(cls, sidecars: list[SidecarFile], source_path: str) -> tuple[_Sidecar, list[Report]]:
        file_fields: dict = {}
        record_fields: dict[str, dict] = {}
        reports = []
        for name, data in sidecars:
            try:
                loaded = dict(_load_sidecar(name, data))
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


class _FileReader:
    """Reads input files into IngestEntries for one run, from the cache where it has them."""

    def __init__(self, max_article_bytes: int, cache: IngestCache | None):
        self.max_article_bytes = max_article_bytes
        self.cache = cache
        self.word_hashes = _WordHashes()

    def entry(self, path: Path, source_path: str) -> IngestEntry:
        suffix = path.suffix.lower()
        reader = READERS.get(suffix)
        if reader is None:
            return _unusable(Report(source_path, f"unsupported file type {suffix!r}"))
        problem, data = _file_bytes(path, suffix, self.max_article_bytes)
        if problem:
            return _unusable(Report(source_path, problem))
        sidecars = _sidecar_files(path)
        if self.cache is None or any(isinstance(blob, OSError) for _, blob in sidecars):
            return self._parsed(reader, data, sidecars, source_path)  # an unreadable sidecar has no bytes to key
        parts = [source_path.encode("utf-8", "surrogatepass"), suffix.encode("utf-8", "surrogatepass"), data]
        for name, blob in sidecars:
            parts += [name.encode("utf-8", "surrogatepass"), blob]
        key = self.cache.key(parts)
        entry = self.cache.get(key)
        if entry is None:
            entry = self._parsed(reader, data, sidecars, source_path)
            self.cache.put(key, entry)
        return entry

    def _parsed(self, reader: Reader, data: bytes, sidecars: list[SidecarFile], source_path: str) -> IngestEntry:
        articles, reports = _read_file(reader, data, sidecars, source_path)
        band_keys = tuple(duplicate_band_keys(article.body, self.word_hashes) for article in articles)
        return IngestEntry(tuple(articles), tuple(reports), band_keys)


def _unusable(report: Report) -> IngestEntry:
    return IngestEntry((), (report,), ())


def _read_file(reader: Reader, data: bytes, sidecars: list[SidecarFile],
               source_path: str) -> tuple[list[RawArticle], list[Report]]:
    problem, text = _file_text(data)
    if problem:
        return [], [Report(source_path, problem)]
    sidecar, reports = _Sidecar.from_files(sidecars, source_path)
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


def _file_bytes(path: Path, suffix: str, max_article_bytes: int) -> tuple[str | None, bytes]:
    """(problem, data): the file's bytes, or why they cannot be used."""
    limit = MAX_COLLECTION_FILE_BYTES if suffix in COLLECTION_SUFFIXES else max_article_bytes
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > limit:
                return f"file too large ({size} bytes; the limit is {limit} bytes)", b""
            return None, stream.read()
    except OSError as error:
        return f"unreadable: {error.strerror or error}", b""


def _file_text(data: bytes) -> tuple[str | None, str]:
    """(problem, text): the decoded file, or why it cannot be used."""
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


class _WordHashes(dict):
    """Token -> 64-bit hash of its word, memoised for a run; "Aleppo," and "aleppo" hash alike.

    blake2b, not hash(): Python randomises str hashes per process, and the band keys built on
    these are cached between runs. (Int and tuple-of-int hashes are not randomised.)
    """

    def __missing__(self, token: str) -> int:
        word = token.strip(_PUNCTUATION).encode("utf-8", "surrogatepass")
        value = self[token] = int.from_bytes(hashlib.blake2b(word, digest_size=8).digest(), "little")
        return value


def duplicate_band_keys(body: str, word_hashes: _WordHashes) -> BandKeys:
    """The MinHash LSH band keys of a body: bodies that share one are near-copy candidates."""
    return _band_keys(_sampled_shingles(list(map(word_hashes.__getitem__, body.lower().split()))))


def _sampled_shingles(ids: list[int]) -> set[int]:
    """Hashes of the word 5-grams (of word hashes) that start on a sampled word (one word in four).

    Sampling by word keeps the choice consistent between two copies of a text, so the
    sample's Jaccard similarity estimates the full one at a quarter of the cost.
    """
    starts = compress(range(len(ids) - _SHINGLE_WORDS + 1), map(operator.not_, map(_SAMPLE_MASK.__and__, ids)))
    return {hash(tuple(ids[start : start + _SHINGLE_WORDS])) for start in starts}


def _band_keys(shingles: set[int]) -> BandKeys:
    """LSH band keys of a one-permutation MinHash signature of the sampled shingles.

    Each shingle hash falls into one of 32 bins (its low bits) and each bin keeps its least
    value (the high bits); 8 bands of 4 bins. Copies with Jaccard 0.9 share a band with
    probability above 0.99, unrelated articles almost never.
    """
    if not shingles:
        return ()
    signature = [_EMPTY_BIN] * _SIGNATURE_BINS
    for shingle in shingles:
        position, value = shingle & (_SIGNATURE_BINS - 1), shingle >> _BIN_BITS
        if value < signature[position]:
            signature[position] = value
    dense = _densified(signature)
    bands = (dense[start : start + _BAND_BINS] for start in range(0, _SIGNATURE_BINS, _BAND_BINS))
    return tuple((number, *band) for number, band in enumerate(bands))


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


def _all_shingles(body: str) -> frozenset[tuple[str, ...]]:
    """Every word 5-gram, of words as compared: lower case, punctuation stripped."""
    words = [token.strip(_PUNCTUATION) for token in body.lower().split()]
    return frozenset(zip(*(words[start:] for start in range(_SHINGLE_WORDS))))


def _nearly_equal(first: frozenset, second: frozenset) -> bool:
    """Jaccard similarity >= the threshold, in exact integer arithmetic."""
    shared = len(first & second)
    union = len(first) + len(second) - shared
    return shared * NEAR_DUPLICATE_JACCARD.denominator >= NEAR_DUPLICATE_JACCARD.numerator * union


def collapse_duplicates(articles: Sequence[RawArticle],
                        band_keys: Sequence[BandKeys] | None = None) -> tuple[list[RawArticle], list[Report]]:
    """Keep the first of each group of exact or near-exact copies; a warning for each other.

    Near copies (Jaccard >= 0.9 over word 5-shingles) are proposed by MinHash LSH and
    confirmed with the exact similarity: linear in the number of articles. `band_keys` are the
    articles' duplicate_band_keys when the caller has them already.
    """
    if band_keys is None:
        word_hashes = _WordHashes()
        band_keys = [duplicate_band_keys(article.body, word_hashes) for article in articles]
    kept: list[RawArticle] = []
    by_hash: dict[str, int] = {}
    by_band: dict[tuple[int, ...], list[int]] = {}
    reports = []
    for article, bands in zip(articles, band_keys, strict=True):
        original = by_hash.get(article.content_hash)
        if original is None:
            candidates = sorted({position for band in bands for position in by_band.get(band, ())})
            original = _near_copy_of(article.body, candidates, kept)
        if original is not None:
            reports.append(_duplicate_report(article, kept[original]))
            continue
        by_hash[article.content_hash] = len(kept)
        for band in bands:
            by_band.setdefault(band, []).append(len(kept))
        kept.append(article)
    return kept, reports


def _near_copy_of(body: str, candidates: list[int], kept: list[RawArticle]) -> int | None:
    """The earliest of the `candidates` (positions in `kept`) that `body` nearly copies, if any."""
    if not candidates:
        return None
    shingles = _all_shingles(body)
    return next((position for position in candidates if _nearly_equal(shingles, _all_shingles(kept[position].body))), None)


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

