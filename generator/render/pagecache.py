"""The page cache: skips rendering the pages whose inputs did not change since the last run.

A page's inputs are digested (ContextDigest) from the frozen `Sources` value of its page kind
before any context is built; a page whose digest and recorded lookups match the last run is
taken from content/, after checking its bytes are still what was rendered.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.stored import PACKAGE_DIR, fingerprint, read_pickle, write_pickle

_PAGES_FORMAT = "dossier-page-cache/2"


def render_fingerprint(template_dirs: tuple[Path, ...]) -> str:
    """Hash of what turns a page's inputs into its text: the generator's code, the templates in
    force (user overrides included) and the distributions the code imports.

    All the code, not only render's imports (found by parsing every module, slower than hashing
    them): an edit to extraction changes every article's fingerprint, and so every page, anyway."""
    digest = fingerprint(_PAGES_FORMAT, PACKAGE_DIR.rglob("*.py"))
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

    def digest(self, template: str, context: object) -> str:
        return self._hash((template, context))

    def once(self, value: object) -> str:
        """The digest of `value`, computed once per object (an export part asks for its sources'
        digest more than once)."""
        known = self._digests.get(id(value))
        if known is None:
            digest = self._stand_in(value)[1][0] if type(value) in self._table else self._hash(value)
            known = self._digests[id(value)] = (value, digest)
        return known[1]

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
