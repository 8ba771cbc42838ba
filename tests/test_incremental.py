"""Incremental regeneration gives exactly the output of a clean run, through a sequence of edits.

The pages are looked up in the page cache by their sources (articles, entities, events, related
briefings, notes), not by their full context; a source missing from a page's key would show here
as a stale page. The dossier is 30 real FA-KES articles about one governorate, so that articles
share actors, places and casualty events and every edit reaches pages of other articles.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import generator.build as build
from conftest import fakes_records, write_fakes_article
from generator.render import limits
from generator.config import Settings
from generator.render import SHIPPED_TEMPLATES

SETTINGS = Settings(title="Incremental test")
ARTICLES = 30


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return fakes_records("aleppo", ARTICLES)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _assert_same_as_clean_run(project: Path, tmp_path: Path, step: str, settings: Settings = SETTINGS) -> set[str]:
    """Generate `project` incrementally, then a copy of its inputs (seeds, notes, templates,
    knowledge base; the same settings) from scratch: same content/. Returns the files the
    incremental run wrote."""
    written = set(build.generate(project, settings).written.written)
    clean = tmp_path / f"clean-{step}"
    for folder in ("seeds", "notes", "templates"):
        if (project / folder).exists():
            shutil.copytree(project / folder, clean / folder)
    for name in ("knowledge.yaml",):
        if (project / name).exists():
            shutil.copy(project / name, clean / name)
    build.generate(clean, settings)
    incremental, expected = _tree(project / "content"), _tree(clean / "content")
    stale = sorted(path for path in expected.keys() | incremental.keys() if incremental.get(path) != expected.get(path))
    assert not stale, f"after {step}: pages differ from a clean run: {stale[:10]}"
    again = build.generate(project, settings).written
    assert (again.written, again.removed) == ((), ()), f"after {step}: a no-op run rewrote {again.written[:5]}"
    return written


# The whole ledger on figures.md and timeline on timeline.md; and (past 3 events or dates) a
# ledger page and a timeline page per month, and a ledger page per day in months of more than 3
# events: edits move events between those pages.
@pytest.mark.parametrize("split_past", [None, 3])
def test_edit_sequence_matches_clean_runs(tmp_path, records, monkeypatch, split_past):
    if split_past:
        for limit in ("MAX_EVENTS", "MAX_TIMELINE_DATES", "MAX_EVENTS_PER_LEDGER_PAGE"):
            monkeypatch.setattr(limits, limit, split_past)
    project = tmp_path / "project"
    seeds = project / "seeds"
    for record in records[:24]:
        write_fakes_article(seeds, record)
    build.generate(project, SETTINGS)
    for folder in ("figures", "timeline"):
        assert (project / "content" / folder).is_dir() == bool(split_past)

    write_fakes_article(seeds, records[24])
    _assert_same_as_clean_run(project, tmp_path, "one article added")

    for record in records[25:]:
        write_fakes_article(seeds, record)
    _assert_same_as_clean_run(project, tmp_path, "five articles added")

    for suffix in (".txt", ".txt.meta.yaml"):
        (seeds / f"{records[3]['id']}{suffix}").unlink()
    _assert_same_as_clean_run(project, tmp_path, "an article removed")

    write_fakes_article(seeds, records[7], title="A retitled briefing")
    _assert_same_as_clean_run(project, tmp_path, "a sidecar edited")

    events = json.loads((project / "content" / "exports" / "dossier.json").read_text(encoding="utf-8"))["events"]
    aleppo_day = next(e["date"] for e in events if e["place"] == "aleppo" and e["date"] and len(e["claims"]) > 1)
    (seeds / "rival.txt").write_text(
        "At least 99 people were killed in air strikes on Aleppo, the Syrian Observatory for Human Rights said.\n",
        encoding="utf-8")
    (seeds / "rival.txt.meta.yaml").write_text(json.dumps({"title": "Rival toll", "published": aleppo_day}) + "\n",
                                               encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "a rival figure for a known event")

    content = project / "content"
    some_actor = sorted((content / "actors").glob("*.md"))[1].stem
    some_briefing = sorted((content / "briefings").glob("fakes-*.md"))[0].stem
    for section, name in (("actors", some_actor), ("briefings", some_briefing)):
        (project / "notes" / section).mkdir(parents=True, exist_ok=True)
        (project / "notes" / section / f"{name}.md").write_text("Checked by the desk.\n", encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "notes added")

    (project / "knowledge.yaml").write_text(
        "renames: [{from: Syrian Observatory for Human Rights, to: The Monitor}]\n", encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "the knowledge base renamed an actor")


def test_settings_templates_knowledge_and_notes_edits_match_clean_runs(tmp_path, records):
    """Each kind of input besides the seeds, changed in turn: every page it reaches is rendered
    again, none is left stale (a value a page shows but its cache key misses would show here)."""
    project = tmp_path / "project"
    for record in records[:12]:
        write_fakes_article(project / "seeds", record)
    settings = Settings(title="First title", description="First scope.")
    build.generate(project, settings)
    assert build.generate(project, settings).written.written == ()

    settings = Settings(title="Second title", description="First scope.")
    written = _assert_same_as_clean_run(project, tmp_path, "title", settings)
    assert "index.md" in written and "# Second title" in (project / "content" / "index.md").read_text()
    settings = Settings(title="Second title", description="Another scope.")
    assert "index.md" in _assert_same_as_clean_run(project, tmp_path, "description", settings)
    settings = Settings(title="Second title", description="Another scope.", full_text_search_max_articles=5)
    written = _assert_same_as_clean_run(project, tmp_path, "search limit", settings)
    assert sum(path.startswith("briefings/fakes-") for path in written) == 12  # every briefing's full text

    templates = project / "templates"
    templates.mkdir()
    shipped = (SHIPPED_TEMPLATES / "briefing.md.j2").read_text(encoding="utf-8")
    (templates / "briefing.md.j2").write_text(shipped + "\nOverride one.\n", encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "template override added", settings)
    (templates / "briefing.md.j2").write_text(shipped + "\nOverride two.\n", encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "template override edited", settings)
    (templates / "briefing.md.j2").unlink()
    macros = (SHIPPED_TEMPLATES / "_macros.md.j2").read_text(encoding="utf-8")
    (templates / "_macros.md.j2").write_text(macros.replace("not attributed", "no claimant named"), encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "macro override", settings)
    (templates / "_macros.md.j2").unlink()
    _assert_same_as_clean_run(project, tmp_path, "overrides removed", settings)

    actors = sorted(p.stem for p in (project / "content" / "actors").glob("*.md") if p.stem != "index")
    knowledge = project / "knowledge.yaml"
    knowledge.write_text("actors:\n  - {name: Syrian Observatory for Human Rights, kind: organization,\n"
                         "     description: A monitor based in Britain.}\n", encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "an actor description", settings)
    knowledge.write_text(knowledge.read_text(encoding="utf-8") + "ignores: [Aleppo]\n", encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "an ignore", settings)
    knowledge.write_text(knowledge.read_text(encoding="utf-8")
                         + "merges: [{into: Syrian Observatory for Human Rights, names: [White Helmets]}]\n",
                         encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "a merge", settings)

    note = project / "notes" / "actors" / f"{actors[0]}.md"
    note.parent.mkdir(parents=True)
    note.write_text("First note.\n", encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "a note added", settings)
    note.write_text("Second note.\n", encoding="utf-8")
    _assert_same_as_clean_run(project, tmp_path, "a note edited", settings)
    note.unlink()
    _assert_same_as_clean_run(project, tmp_path, "a note removed", settings)
