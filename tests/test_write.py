"""The writer: atomic, idempotent, and it never destroys an analyst's work."""

import os
from pathlib import Path

import pytest

from generator import write as write_module
from generator.errors import WriteError
from generator.models import RenderedFile
from generator.write import MANIFEST, write_content


def _files(**pages: str) -> tuple[RenderedFile, ...]:
    return tuple(RenderedFile(path.replace("__", "/") + ".md", text) for path, text in sorted(pages.items()))


def test_first_run_writes_everything_and_a_manifest(tmp_path):
    result = write_content(tmp_path, _files(index="home\n", briefings__a="A\n"))
    assert result.written == ("briefings/a.md", "index.md")
    assert (tmp_path / "briefings/a.md").read_text() == "A\n"
    assert (tmp_path / MANIFEST).exists()


def test_rerun_with_same_output_rewrites_nothing(tmp_path):
    files = _files(index="home\n", briefings__a="A\n")
    write_content(tmp_path, files)
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    os.utime(tmp_path / "index.md", ns=(1, 1))
    stamps[tmp_path / "index.md"] = 1
    result = write_content(tmp_path, files)
    assert result.written == () and len(result.unchanged) == 2
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == stamps


def test_hand_written_page_is_never_touched(tmp_path):
    (tmp_path / "about.md").write_text("mine\n")
    write_content(tmp_path, _files(index="home\n"))
    write_content(tmp_path, _files(index="home 2\n"))
    assert (tmp_path / "about.md").read_text() == "mine\n"


def test_generated_path_colliding_with_hand_written_page_is_reported_not_overwritten(tmp_path):
    (tmp_path / "index.md").write_text("my own home page\n")
    result = write_content(tmp_path, _files(index="generated\n"))
    assert (tmp_path / "index.md").read_text() == "my own home page\n"
    assert [r.path for r in result.reports] == ["index.md"]


def test_hand_edit_survives_regeneration_and_force_overwrites(tmp_path):
    write_content(tmp_path, _files(briefings__a="A\n"))
    (tmp_path / "briefings/a.md").write_text("A, annotated\n")
    result = write_content(tmp_path, _files(briefings__a="A v2\n"))
    assert (tmp_path / "briefings/a.md").read_text() == "A, annotated\n"
    assert "edited by hand" in result.reports[0].reason
    again = write_content(tmp_path, _files(briefings__a="A v2\n"))
    assert (tmp_path / "briefings/a.md").read_text() == "A, annotated\n" and again.reports
    write_content(tmp_path, _files(briefings__a="A v2\n"), force=True)
    assert (tmp_path / "briefings/a.md").read_text() == "A v2\n"


def test_pages_of_removed_articles_are_deleted_only_when_unedited(tmp_path):
    write_content(tmp_path, _files(briefings__a="A\n", briefings__b="B\n"))
    (tmp_path / "briefings/b.md").write_text("B, annotated\n")
    result = write_content(tmp_path, ())
    assert not (tmp_path / "briefings/a.md").exists()
    assert (tmp_path / "briefings/b.md").read_text() == "B, annotated\n"
    assert result.removed == ("briefings/a.md",)


def test_a_failed_write_is_a_write_error_and_leaves_complete_files(tmp_path, monkeypatch):
    write_content(tmp_path, _files(a="old a\n", b="old b\n"))
    real_replace = os.replace
    calls = []

    def failing_replace(source, target):
        calls.append(target)
        if len(calls) == 3:  # the journal, a.md, then b.md fails
            raise OSError(28, "No space left on device", str(target))
        real_replace(source, target)

    monkeypatch.setattr(write_module.os, "replace", failing_replace)
    with pytest.raises(WriteError, match="cannot write .*b.md: No space left on device"):
        write_content(tmp_path, _files(a="new a\n", b="new b\n"))
    assert (tmp_path / "a.md").read_text() == "new a\n"
    assert (tmp_path / "b.md").read_text() == "old b\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _Killed(BaseException):
    """Stands for kill -9: nothing after it runs, no handler sees it."""


def _killed_before_rename(monkeypatch, stop_at: int, content: Path, files) -> None:
    """A write_content run of `files` that dies at its `stop_at`-th rename."""
    real_replace, calls = os.replace, []

    def killed_replace(source, target):
        calls.append(target)
        if len(calls) == stop_at:
            raise _Killed
        real_replace(source, target)

    monkeypatch.setattr(write_module.os, "replace", killed_replace)
    with pytest.raises(_Killed):
        write_content(content, files)
    monkeypatch.setattr(write_module.os, "replace", real_replace)


@pytest.mark.parametrize("stop_at", range(1, 7))  # the journal, four pages, the manifest
def test_a_run_stopped_at_any_write_then_run_again_equals_a_clean_run(tmp_path, monkeypatch, stop_at):
    """Killed before its n-th rename (the journal, pages, the manifest), a run leaves files the
    manifest does not list yet; the next run (of newer inputs) takes them as its own and keeps
    the hand edit."""
    content, clean = tmp_path / "content", tmp_path / "clean"
    old = _files(index="home\n", briefings__a="A\n", briefings__gone="G\n", notes="analyst\n")
    new = _files(index="home 2\n", briefings__a="A 2\n", briefings__b="B\n", notes="analyst\n", places__x="X\n")
    newer = _files(index="home 3\n", briefings__a="A 3\n", notes="analyst\n", places__x="X 3\n")
    write_content(content, old)
    (content / "notes.md").write_text("edited by hand\n")
    _killed_before_rename(monkeypatch, stop_at, content, new)
    result = write_content(content, newer)
    write_content(clean, old)
    (clean / "notes.md").write_text("edited by hand\n")
    write_content(clean, newer)
    assert _tree(content) == _tree(clean)
    assert [r.reason for r in result.reports] == ["edited by hand since generated; kept (--force overwrites)"]


def test_two_runs_killed_one_after_the_other_leave_nothing_the_next_run_disowns(tmp_path, monkeypatch):
    """The first killed run wrote a.md; the second planned another a.md and died before writing
    it: the journal must still know the first run's a.md, or the third run keeps it as foreign."""
    content, clean = tmp_path / "content", tmp_path / "clean"
    write_content(content, _files(a="A0\n"))
    for stop_at, version in ((3, "1"), (2, "2")):  # (the journal, a.md, then b.md) / (the journal, then a.md)
        _killed_before_rename(monkeypatch, stop_at, content, _files(a=f"A{version}\n", b=f"B{version}\n"))
    result = write_content(content, _files(a="A3\n", b="B3\n"))
    write_content(clean, _files(a="A0\n"))
    write_content(clean, _files(a="A3\n", b="B3\n"))
    assert result.reports == () and _tree(content) == _tree(clean)


def test_refuses_two_outputs_for_one_path_and_paths_outside_content(tmp_path):
    with pytest.raises(WriteError):
        write_content(tmp_path, (RenderedFile("a.md", "1"), RenderedFile("a.md", "2")))
    with pytest.raises(WriteError):
        write_content(tmp_path, (RenderedFile("../escape.md", "x"),))
    assert not Path(tmp_path.parent / "escape.md").exists()


def test_pages_the_caller_verified_on_disk_are_not_read_again(tmp_path, monkeypatch):
    files = _files(index="home\n", briefings__a="A\n")
    write_content(tmp_path, files)
    digest = write_module._digest(b"A\n")
    read = []
    monkeypatch.setattr(write_module, "_current_digest", lambda target: read.append(target.name) or digest)
    result = write_content(tmp_path, files, on_disk={"briefings/a.md": digest})
    assert result.written == () and "a.md" not in read and "index.md" in read
    stale = write_content(tmp_path, files, on_disk={"briefings/a.md": "a digest the manifest does not hold"})
    assert "a.md" in read and stale.written == ()
