"""Caches that make a re-run cost what changed: parsed input files and per-article extraction
(rendered pages: generator.render.pagecache).

An extraction entry is keyed by everything `extract_article` depends on: the RawArticle itself (body,
declared metadata, id, path), the knowledge base in force, and a fingerprint of the generator's
own code and data files plus the gazetteer packages' versions. Editing an extractor, the
knowledge base or a seed therefore misses the cache; nothing has to be invalidated by hand.

An ingest entry is keyed by the bytes of one input file and of its sidecars, its path, and a
fingerprint of the ingest code: an unchanged file is not decoded, cleaned or shingled again.

Entries are pickles of the frozen dataclasses, kept in one pack file per cache
(`.dossier-cache/ingest.pickle`, `.dossier-cache/extract/pack.pickle`), read and written through
generator.stored: an unreadable, corrupt or foreign entry is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from generator.knowledge import KnowledgeBase
from generator.models import ExtractedArticle, RawArticle, Report
from generator.stored import PACKAGE_DIR, fingerprint, module_files, read_pickle, write_pickle

CACHE_DIR = ".dossier-cache"
_FORMAT = "dossier-extract-cache/2"
_PACK_FORMAT = "dossier-pack/1"
_EXTRACTION_PACK = "pack.pickle"
_INGEST_FORMAT = "dossier-ingest-cache/1"
_INGEST_ENTRY = "generator.ingest"
_EXTRACTION_ENTRY = "generator.extract.article"


def code_fingerprint() -> str:
    """Hash of the code extraction runs (its modules, found through their imports), the data
    files, the package version and the versions of the distributions that code imports.

    Hashing the sources, not just __version__, keeps the cache honest while extractors are being
    developed; following imports means editing render.py or a template does not empty it.
    """
    return fingerprint(_FORMAT, [*module_files(_EXTRACTION_ENTRY), *_shipped_data()]).hexdigest()


def _shipped_data() -> list[Path]:
    """The knowledge base and gazetteer additions (readers take the news agencies from it too)."""
    return sorted(path for folder in ("data", "packs") for path in (PACKAGE_DIR / folder).rglob("*") if path.is_file())


def kb_fingerprint(kb: KnowledgeBase) -> str:
    """Hash of the knowledge base's content (sets sorted: their order varies between runs)."""
    content = repr((kb.entries, sorted(kb.ignores), sorted(kb.given_names), kb.packs))
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
    """Hash of the ingest code (found through its imports), the shipped data, the versions of the
    distributions it imports and Python's version (band keys are built with its tuple hash)."""
    return fingerprint(f"{_INGEST_FORMAT}\0{sys.version}", [*module_files(_INGEST_ENTRY), *_shipped_data()]).hexdigest()


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
