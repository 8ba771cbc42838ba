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

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

import yaml

from generator.cache import IngestCache, IngestEntry
from generator.models import IngestResult, Metadata, RawArticle, Report
from generator.near_duplicates import WordHashes, collapse_duplicates, content_hash, duplicate_band_keys
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
from generator.text import has_words, word_count
from generator.yamlio import load_yaml

MAX_ARTICLE_FILE_BYTES = 20 * 1024 * 1024
MAX_COLLECTION_FILE_BYTES = 512 * 1024 * 1024
MIN_ARTICLE_WORDS = 8  # a headline-only record still names places and tolls
SIDECAR_SUFFIX = ".meta.yaml"
_NOT_ARTICLES = re.compile(r"^(?:readme|license|licence|changelog)(?:\.[a-z]+)?$", re.IGNORECASE)
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})  # Cs: bytes of a file name that were not UTF-8


def ingest(paths: Sequence[Path], base: Path | None = None, keep_duplicates: bool = False,
           max_article_bytes: int = MAX_ARTICLE_FILE_BYTES, cache: IngestCache | None = None) -> IngestResult:
    """Articles of every file under `paths`, sorted by (source_path, record order).

    Duplicates are always reported; they are dropped (one briefing per story) unless
    `keep_duplicates`, which `dossier extract` uses to print one object per input record.
    """
    files, reports = _input_files(paths, base)
    reader = _FileReader(max_article_bytes, cache)
    entries = [reader.entry(path, printable_path(source_path), folder) for source_path, path, folder in files]
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


def _input_files(paths: Sequence[Path], base: Path | None
                 ) -> tuple[list[tuple[str, Path, Path | None]], list[Report]]:
    """(source_path, path, the folder it was found in, or None when named itself) of every input
    file, sorted and without repeats."""
    found: dict[str, tuple[Path, Path | None]] = {}
    reports: list[Report] = []
    base_folder = os.path.abspath(base) if base is not None else None
    for given in map(Path, paths):
        if given.is_dir():
            candidates: Iterable[Path] = _walk(given)
            folder: Path | None = given
        elif given.exists():
            candidates = [] if given.name.endswith(SIDECAR_SUFFIX) else [given]
            folder = None
        else:
            reports.append(Report(printable_path(_source_path(given, base_folder)), "no such file or directory"))
            continue
        for path in candidates:
            found.setdefault(_source_path(path, base_folder), (path, folder))
    return [(source_path, path, folder) for source_path, (path, folder) in sorted(found.items())], reports


def refusal(path: Path, folder: Path | None) -> str | None:
    """Why `path` is not read, if it must not be: a link that leads out of the folder being read
    (its text would be published), or not a regular file (a FIFO would block the run, a device
    never end)."""
    try:
        if folder is not None and path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
            return "a link to a file outside the folder being read; not read"
        mode = os.stat(path).st_mode
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links
        return f"unreadable: {getattr(error, 'strerror', None) or error}"
    return None if stat.S_ISREG(mode) else "not a regular file (a FIFO, a device or a socket); not read"


def _record_position(record: str | None) -> int:
    """1-based position from "record 7" / "line 12"; -1 for whole-file reports."""
    return int(record.rsplit(" ", 1)[-1]) if record else -1


# ---------------------------------------------------------------------------- sidecars


SidecarFile = tuple[str, bytes | OSError]  # (file name, its bytes or why they could not be read)


def _sidecar_files(path: Path, folder: Path | None) -> list[SidecarFile]:
    """Least specific first: `a.meta.yaml`, then `a.txt.meta.yaml` (which wins). A sidecar that is
    a link leading out of the folder being read is not read (an error in its place).

    On strings, not Paths: this runs for every input of every run, and pathlib costs more than the
    system calls here."""
    parent = os.path.dirname(path)
    found = []
    for name in dict.fromkeys([path.stem + SIDECAR_SUFFIX, path.name + SIDECAR_SUFFIX]):
        full = os.path.join(parent, name)
        if _is_file(full):
            outside = folder is not None and os.path.islink(full) and refusal(Path(full), folder)
            found.append((name, PermissionError(errno.EACCES, outside) if outside else _bytes_or_error(full)))
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
        reason = (error.strerror if isinstance(error, OSError) and error.strerror else str(error)).split("\n")[0]
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
        self.word_hashes = WordHashes()

    def entry(self, path: Path, source_path: str, folder: Path | None) -> IngestEntry:
        suffix = path.suffix.lower()
        reader = READERS.get(suffix)
        if reader is None:
            return _unusable(Report(source_path, f"unsupported file type {suffix!r}"))
        problem = refusal(path, folder)
        if problem is None:
            problem, data = _file_bytes(path, suffix, self.max_article_bytes)
        if problem:
            return _unusable(Report(source_path, problem))
        sidecars = _sidecar_files(path, folder)
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
        articles, reports = _read_file(reader, data, sidecars, source_path, self.max_article_bytes)
        band_keys = tuple(duplicate_band_keys(article.body, self.word_hashes) for article in articles)
        return IngestEntry(tuple(articles), tuple(reports), band_keys)


def _unusable(report: Report) -> IngestEntry:
    return IngestEntry((), (report,), ())


def _read_file(reader: Reader, data: bytes, sidecars: list[SidecarFile], source_path: str,
               max_record_bytes: int) -> tuple[list[RawArticle], list[Report]]:
    if reader is READERS[".jsonl"]:
        problem, text, line_reports = _jsonl_text(data, source_path)
    else:
        (problem, text), line_reports = _file_text(data), []
    if problem:
        return [], [Report(source_path, problem)]
    sidecar, reports = _Sidecar.from_files(sidecars, source_path)
    reports = line_reports + reports
    file_id = slugify(PurePosixPath(source_path).with_suffix("").as_posix())
    articles = []
    items = list(reader(text, source_path))
    if not items:
        reports.append(Report(source_path, "no records in the collection"))
    for item in items:
        if isinstance(item, Report):
            reports.append(item)
            continue
        if item.record and len(item.body) > max_record_bytes:  # a JSONL, CSV or JSON record of 50 MB
            reports.append(Report(source_path, f"record too large ({len(item.body)} characters; the limit is "
                                               f"{max_record_bytes})", item.record))
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


def _jsonl_text(data: bytes, source_path: str) -> tuple[str | None, str, list[Report]]:
    """(problem, text, reports) of a JSONL file decoded line by line: each line is one record,
    so a line with a NUL byte is reported alone and lines in different encodings (UTF-8 and
    Windows-1252 appended to one file) each decode right. A skipped line stays as an empty one
    so that line numbers hold; a record too large is reported by _read_file, as in any collection."""
    if not data.strip():
        return "empty file", "", []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:2]:  # UTF-16/32: decoded whole
        problem, text = _file_text(data)
        return problem, text, []
    lines, reports = [], []
    for number, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        if not raw.strip():
            lines.append("")
            continue
        try:
            lines.append(decode_bytes(raw).replace("\n", " "))
        except UndecodableError as error:
            reports.append(Report(source_path, f"record skipped: {error}", f"line {number}"))
            lines.append("")
    text = "\n".join(lines)
    return (None, text, reports) if text.strip() else ("no readable records", "", reports)


def _article(draft: Draft, source_path: str, fallback_id: str, sidecar: _Sidecar) -> tuple[RawArticle | None, list[Report]]:
    """The finished article (sidecar applied, title settled), or None and why not."""
    reports = [Report(source_path, warning, draft.record, "warning") for warning in draft.warnings]
    if not has_words(draft.body, MIN_ARTICLE_WORDS):
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

