"""`dossier pack`: the built site as one reproducible zip (opened in a browser in test_browser.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.pack import PackError, pack_site


def make_site(root: Path) -> Path:
    site = root / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>\n", encoding="utf-8")
    (site / "assets" / "app.js").write_text("var x = 1;\n", encoding="utf-8")
    return site


def test_zip_holds_every_file_under_one_folder(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    count = pack_site(site, tmp_path / "dossier-site.zip")
    with zipfile.ZipFile(tmp_path / "dossier-site.zip") as zipped:
        names = zipped.namelist()
        assert zipped.read("dossier-site/index.html") == b"<p>home</p>\n"
        assert zipped.testzip() is None
    assert count == 2
    assert names == ["dossier-site/assets/app.js", "dossier-site/index.html"]


def test_same_site_gives_the_same_bytes_whatever_the_file_times(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    pack_site(site, tmp_path / "first" / "dossier-site.zip")
    for path in site.rglob("*"):
        os.utime(path, (2_000_000_000, 2_000_000_000))
    pack_site(site, tmp_path / "second" / "dossier-site.zip")
    first, second = ((tmp_path / run / "dossier-site.zip").read_bytes() for run in ("first", "second"))
    assert first == second


def test_symbolic_links_are_not_followed_out_of_the_site(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    (tmp_path / "secret.txt").write_text("not part of the site", encoding="utf-8")
    (site / "leak.txt").symlink_to(tmp_path / "secret.txt")
    pack_site(site, tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as zipped:
        assert "out/leak.txt" not in zipped.namelist()


def test_no_built_site_and_archive_inside_the_site_are_errors(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="dossier build"):
        pack_site(tmp_path / "site", tmp_path / "x.zip")
    site = make_site(tmp_path)
    with pytest.raises(PackError, match="inside"):
        pack_site(site, site / "x.zip")
    assert not (site / "x.zip").exists()


def test_failed_write_leaves_no_partial_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(tmp_path)
    (tmp_path / "dossier-site.zip").write_bytes(b"previous archive")

    def failing_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("generator.pack.os.replace", failing_replace)
    with pytest.raises(PackError, match="No space left"):
        pack_site(site, tmp_path / "dossier-site.zip")
    assert (tmp_path / "dossier-site.zip").read_bytes() == b"previous archive"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier-site.zip", "site"]


def dossier(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from generator.cli import run; run()", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_pack_command_writes_the_zip_and_fails_with_code_8_without_a_site(tmp_path: Path) -> None:
    missing = dossier("pack", "--root", str(tmp_path))
    assert missing.returncode == 8 and "dossier build" in missing.stderr
    make_site(tmp_path)
    packed = dossier("pack", "--root", str(tmp_path), "--output", "out/briefing.zip")
    assert packed.returncode == 0, packed.stderr
    with zipfile.ZipFile(tmp_path / "out" / "briefing.zip") as zipped:
        assert "briefing/index.html" in zipped.namelist()
