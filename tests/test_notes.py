"""Analyst notes: read from notes/<section>/<id>.md, shown as-is in an admonition, never written."""

import os
from pathlib import Path

import markdown

from generator.build import generate
from generator.config import Settings
from generator.notes import Notes, load_notes
from generator.render.fragments import notes_block

REPO = Path(__file__).resolve().parent.parent


def test_missing_folder_means_no_notes(tmp_path):
    assert load_notes(tmp_path / "absent") == (Notes(), ())


def test_notes_are_read_per_section_and_page_id(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "briefings").mkdir()
    (tmp_path / "actors" / "sergey-lavrov.md").write_text("Check **his** quotes.\r\n", encoding="utf-8")
    (tmp_path / "briefings" / "wire-1.md").write_text("   \n", encoding="utf-8")  # blank: no note
    (tmp_path / "actors" / "readme.txt").write_text("not a note", encoding="utf-8")
    notes, reports = load_notes(tmp_path)
    assert reports == ()
    assert notes.get("actors", "sergey-lavrov") == "Check **his** quotes."
    assert notes.get("briefings", "wire-1") is None
    assert len(notes.texts) == 1


def test_notes_block_is_an_admonition_with_the_markdown_kept():
    block = notes_block("First line with a [link](https://example.org).\n\n- a list item")
    html = markdown.markdown(str(block), extensions=["admonition"])
    assert 'class="admonition note"' in html and "Analyst notes" in html
    assert '<a href="https://example.org">link</a>' in html and "<li>a list item</li>" in html
    assert notes_block(None) == "" and Notes().get("actors", "x") is None


def test_generate_shows_notes_and_never_writes_them(tmp_path):
    root = tmp_path
    (root / "seeds").mkdir()
    for seed in (REPO / "tests" / "fixtures" / "seeds").glob("000_*"):
        (root / "seeds" / seed.name).write_bytes(seed.read_bytes())
    note = root / "notes" / "actors" / "white-helmets.md"
    note.parent.mkdir(parents=True)
    note.write_text("Verified with **two** sources.", encoding="utf-8")
    generate(root, Settings())
    generate(root, Settings())
    page = (root / "content" / "actors" / "white-helmets.md").read_text(encoding="utf-8")
    assert '!!! note "Analyst notes"\n\n    Verified with **two** sources.' in page
    assert note.read_text(encoding="utf-8") == "Verified with **two** sources."


def test_a_folder_a_fifo_or_a_link_outside_is_reported_and_never_read(tmp_path):
    notes_dir = tmp_path / "notes"
    (notes_dir / "actors" / "folder.md").mkdir(parents=True)
    os.mkfifo(notes_dir / "actors" / "fifo.md")  # reading it would block the run forever
    (tmp_path / "secret.txt").write_text("outside the project", encoding="utf-8")
    (notes_dir / "actors" / "leak.md").symlink_to(tmp_path / "secret.txt")
    (notes_dir / "actors" / "kept.md").write_text("Kept.", encoding="utf-8")
    notes, reports = load_notes(notes_dir)
    assert notes.texts == {("actors", "kept"): "Kept."}
    assert [(Path(r.path).name, r.reason.split(";")[0].split(" (")[0]) for r in reports] == [
        ("fifo.md", "not a regular file"), ("folder.md", "not a regular file"),
        ("leak.md", "a link to a file outside the notes folder")]


def test_a_note_for_a_page_the_dossier_lacks_is_reported(tmp_path):
    (tmp_path / "seeds").mkdir()
    for seed in (REPO / "tests" / "fixtures" / "seeds").glob("000_*"):
        (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "notes" / "actors").mkdir(parents=True)
    (tmp_path / "notes" / "actors" / "nobody-at-all.md").write_text("A typo in the page id.", encoding="utf-8")
    result = generate(tmp_path, Settings(title="T"))
    assert [(r.path.endswith("nobody-at-all.md"), r.reason) for r in result.reports] == [
        (True, "no such page in the dossier; the note is not shown")]
