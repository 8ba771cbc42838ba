"""The extraction and page caches: hits on unchanged inputs, misses on any change, never fatal
when broken, and a cached or incremental run gives exactly the output of a clean run."""

from __future__ import annotations

import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import generator.build as build
from generator.cache import (CACHE_DIR, ContextDigest, ExtractionCache, PageCache, _module_files, kb_fingerprint,
                             render_fingerprint)
from generator.config import Settings
from generator.extract.article import extract_article
from generator.ingest import ingest
from generator.knowledge import load_knowledge_base
from generator.models import ExtractedArticle

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
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
    pickle.dumps(("dossier-extract-cache/1", "another key", "an article")),
])
def test_corrupt_or_foreign_entry_is_a_miss(tmp_path, kb, raws, content):
    cache = ExtractionCache(tmp_path, kb)
    key = cache.key(raws[0])
    (tmp_path / f"{key}.pickle").write_bytes(content)
    assert cache.get(key) is None


def test_extraction_sources_followed_through_imports():
    names = {path.relative_to(REPO).as_posix() for path in _module_files("generator.extract.article")}
    assert {"generator/extract/places.py", "generator/knowledge.py", "generator/models.py"} <= names
    assert "generator/render.py" not in names, "editing templates or render must keep the cache"


def test_second_run_extracts_nothing_and_rewrites_nothing(tmp_path, monkeypatch):
    root = _project(tmp_path, "p", sorted(SEEDS.iterdir()))
    build.generate(root, SETTINGS)
    before = {p: p.stat().st_mtime_ns for p in (root / "content").rglob("*")}

    def must_not_extract(*_args):
        raise AssertionError("extract_article called although the cache holds every article")

    monkeypatch.setattr(build, "extract_article", must_not_extract)
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
    entries = list((root / CACHE_DIR / "extract").glob("*.pickle"))
    assert len(entries) == 2
    entries[0].write_bytes(b"\x80\x05garbage")
    entries[1].write_bytes(pickle.dumps(("dossier-extract-cache/1", entries[1].stem, None)))
    shutil.rmtree(root / "content")
    build.generate(root, SETTINGS)
    assert _tree(root / "content") == expected


def test_entries_of_removed_seeds_are_pruned(tmp_path):
    root = _project(tmp_path, "p", sorted(SEEDS.iterdir()))
    build.generate(root, SETTINGS)
    for path in _seed_files("004_"):
        (root / "seeds" / path.name).unlink()
    build.generate(root, SETTINGS)
    assert len(list((root / CACHE_DIR / "extract").iterdir())) == 1


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
    first, second = _seed_files("000_"), _seed_files("004_")
    root = _project(tmp_path, "p", first)
    build.generate(root, SETTINGS)
    untouched = {p for p in _tree(root / "content") if p.startswith("places/")}
    for path in second:
        shutil.copy(path, root / "seeds" / path.name)
    rendered = _count_renders(monkeypatch)
    build.generate(root, SETTINGS)
    assert any(p.startswith("briefings/004") for p in rendered)
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
    names = {path.relative_to(REPO).as_posix() for path in _module_files("generator.render")}
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
