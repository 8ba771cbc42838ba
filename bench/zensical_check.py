"""Builds the dossier with MkDocs and with Zensical from the same mkdocs.yml; prints differences.

Material for MkDocs reaches end of life in 2027 and Zensical, which reads mkdocs.yml, is its
successor: this tells how far the site is from switching. It installs nothing; without the
`zensical` package it says so and exits 0.

    .venv/bin/python bench/zensical_check.py
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# (source in this repository, name in the project copy). Zensical runs no MkDocs plugin, so the
# copy's custom_dir holds the shipped theme that the dossier plugin would add.
PROJECT_FILES = (("mkdocs.yml", "mkdocs.yml"), ("generator/theme", "overrides"), ("content", "content"))
SCRIPT_SRC = re.compile(r'<script[^>]*\ssrc="([^"]+)"')
ELEMENT_ID = re.compile(r'\sid="([^"]+)"')
REMOTE_RESOURCE = re.compile(
    r'<(?:script|link|img|iframe)[^>]*\s(?:src|href)="((?:https?:)?//[^"]+)"'
)
SEARCH_INDEXES = ("search/search_index.js", "search/search_index.json", "search.js", "search.json")


def timed_build(
    command: list[str], project: Path
) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, result


def copy_project(target: Path) -> None:
    """Zensical builds into site_dir below the project and wants docs_dir inside it."""
    for name, copied in PROJECT_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / copied)
        else:
            shutil.copy2(source, target / copied)


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def page_facts(page: Path) -> dict[str, set[str]]:
    html = page.read_text(encoding="utf-8")
    return {
        "scripts": {Path(src).name for src in SCRIPT_SRC.findall(html)},
        "ids": set(ELEMENT_ID.findall(html)),
        "remote": set(REMOTE_RESOURCE.findall(html)),
    }


def report_set(label: str, only_mkdocs: set[str], only_zensical: set[str]) -> None:
    for name, items in (("only MkDocs", only_mkdocs), ("only Zensical", only_zensical)):
        if items:
            print(f"  {label}, {name} ({len(items)}): {', '.join(sorted(items)[:8])}")


def compare(mkdocs_site: Path, zensical_site: Path) -> None:
    mkdocs_pages, zensical_pages = pages(mkdocs_site), pages(zensical_site)
    print(f"pages: MkDocs {len(mkdocs_pages)}, Zensical {len(zensical_pages)}")
    report_set("pages", mkdocs_pages - zensical_pages, zensical_pages - mkdocs_pages)
    for site, name in ((mkdocs_site, "MkDocs"), (zensical_site, "Zensical")):
        found = [index for index in SEARCH_INDEXES if (site / index).is_file()]
        print(f"search index, {name}: {', '.join(found) or 'none'}")
    differing = 0
    for page in sorted(mkdocs_pages & zensical_pages):
        ours, theirs = page_facts(mkdocs_site / page), page_facts(zensical_site / page)
        if theirs["remote"]:
            print(f"  {page}: Zensical loads from other hosts: {sorted(theirs['remote'])}")
        missing_ids = {i for i in ours["ids"] - theirs["ids"] if re.fullmatch(r"[ps]\d+", i)}
        if missing_ids:
            differing += 1
            print(f"  {page}: anchors lost in Zensical: {sorted(missing_ids)[:8]}")
        if "shim.js" in ours["scripts"] and "shim.js" not in theirs["scripts"]:
            print(f"  {page}: Zensical does not load the iframe-worker shim")
    print(f"pages whose paragraph/sentence anchors differ: {differing}")


def main() -> int:
    if importlib.util.find_spec("zensical") is None:
        print("zensical is not installed in this environment: nothing to compare")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        mkdocs_site = work / "mkdocs-site"
        mkdocs_command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
        mkdocs_command += ["--site-dir", str(mkdocs_site)]
        mkdocs_seconds, mkdocs_result = timed_build(mkdocs_command, REPO_ROOT)
        project = work / "zensical-project"
        project.mkdir()
        copy_project(project)
        zensical_command = [sys.executable, "-m", "zensical", "build", "--strict", "--clean"]
        zensical_seconds, zensical_result = timed_build(zensical_command, project)
        for name, result, seconds in (
            ("MkDocs", mkdocs_result, mkdocs_seconds),
            ("Zensical", zensical_result, zensical_seconds),
        ):
            status = "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
            print(f"{name} build: {status} in {seconds:.2f} s")
            if result.returncode != 0:
                print((result.stdout + result.stderr).strip())
        if mkdocs_result.returncode or zensical_result.returncode:
            return 1
        print(f"time ratio Zensical/MkDocs: {zensical_seconds / mkdocs_seconds:.2f}")
        compare(mkdocs_site, project / "site")
    return 0


if __name__ == "__main__":
    sys.exit(main())
