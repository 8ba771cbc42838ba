"""The synthesis issue's overview check: a dossier of the dev corpus built as a user builds it,
then measured in headless Chromium at 1366×900.

Run: `.venv/bin/python bench/overview_height.py [--corpus PATH] [--keep DIR] [--site SITE]`.

Prints the overview's height in screens (document height ÷ 900), the disagreements the
overview shows and whether any of them rests on one article and one claimant, and saves
screenshots of the overview and of the first event it lists to bench/out/.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from eval_events import CORPUS, generate  # noqa: E402

OUT = ROOT / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"
SCREEN = {"width": 1366, "height": 900}


def single_source_disagreements(document: dict) -> list[str]:
    """Keys of events flagged as disagreeing whose disagreeing claims share one article and one claimant."""
    flagged = []
    for event in document["events"]:
        rivals = {(c["article"], c["claimant"]) for c in event["claims"] if c["disagrees"]}
        if any(e["disagreement"] for e in event["estimates"]) and len(rivals) < 2:
            flagged.append(event["key"])
    return flagged


def measure(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport=SCREEN)
        page.goto((site / "index.html").as_uri())
        height = page.evaluate("document.documentElement.scrollHeight")
        print(f"overview: {height} px = {height / SCREEN['height']:.2f} screens of {SCREEN['height']} px")
        page.screenshot(path=str(OUT / "overview.png"), full_page=True)
        listed = page.locator("article li a[href*='figures']").first
        if listed.count():
            href = listed.get_attribute("href")
            print(f"first event listed: {href}")
            page.goto(str((site / "index.html").as_uri()).rsplit("/", 1)[0] + "/" + href)
            page.screenshot(path=str(OUT / "event.png"))
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, help="make the project here and keep it")
    parser.add_argument("--site", type=Path, help="measure this built site instead (e.g. one bench/scale.py --keep made)")
    args = parser.parse_args()
    if args.site:
        measure(args.site)
        return 0
    folder = args.keep or Path(tempfile.mkdtemp())
    shutil.rmtree(folder, ignore_errors=True)
    try:
        document = generate(args.corpus, folder)
        print(f"articles: {len(document['articles'])}; events: {len(document['events'])}")
        print(f"disagreeing events resting on one article and one claimant: {single_source_disagreements(document)}")
        subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-q"], cwd=folder, check=True)
        measure(folder / "site")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
