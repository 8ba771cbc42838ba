"""Scale benchmark: generate + mkdocs build of dossiers of thousands of real-derived articles.

Run: `.venv/bin/python bench/scale.py [--sizes 800,3200,10000] [--jobs N] [--search-sizes 3200]`.

Each dossier is made of distinct articles recombined from the sentences of FA-KES
(/work/shared/corpora/fakes-dev.jsonl) with a seeded RNG: a real title, 8-20 real sentences in
paragraphs of 2-4, and a sidecar giving the outlet and a publication date so dates resolve.
The tools run as subprocesses, as a user runs them, and each is measured on its own:

- generate (clean, no cache), a no-op re-run (files rewritten, mtimes kept), one added article;
- mkdocs build; pages, site size, median and largest briefing page (HTML), search index size;
- peak memory: ru_maxrss of the process (wait4: the largest single process of its tree) and the
  sampled sum of the RSS of the whole tree (the parallel workers included);
- the time from the first keystroke to the first search result in Chromium, from file://
  (at the --search-sizes).

Results are printed as Markdown tables and saved to bench/out/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "fakes-dev.jsonl"
BIN = ROOT / ".venv" / "bin"
OUT = ROOT / "bench" / "out"
SEED = 20240601
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
_MIN_SENTENCE_WORDS = 5


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system, the tree included: less sensitive to a busy machine
    max_rss_mb: float  # largest single process of the tree (ru_maxrss via wait4)
    tree_rss_mb: float  # largest sampled sum over the process tree
    stderr: str


@dataclass(frozen=True)
class Result:
    articles: int
    generate_s: float
    generate_cpu_s: float
    generate_max_rss_mb: float
    generate_tree_rss_mb: float
    noop_s: float
    noop_rewritten: int
    noop_mtimes_kept: bool
    add_one_s: float
    add_one_ratio: float
    build_s: float
    build_cpu_s: float
    build_max_rss_mb: float
    ms_per_article: float
    build_ms_per_page: float
    content_pages: int
    site_pages: int
    site_mb: float
    median_briefing_kb: float
    largest_briefing_kb: float
    largest_page: str
    largest_page_kb: float
    search_index_mb: float
    search_first_result_s: float | None = None


# ------------------------------------------------------------------------------ the corpus


def _sentences_and_titles() -> tuple[list[str], list[str], list[str]]:
    sentences, titles, outlets = [], [], []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        titles.append(record["title"].strip())
        outlets.append(record["source"])
        sentences += [s for s in _SENTENCE_END.split(record["content"]) if len(s.split()) >= _MIN_SENTENCE_WORDS]
    return sentences, titles, outlets


def write_seeds(seeds: Path, count: int, first: int = 0) -> None:
    """`count` articles numbered from `first`; article n is the same whatever the count."""
    sentences, titles, outlets = _sentences_and_titles()
    seeds.mkdir(parents=True, exist_ok=True)
    for number in range(first, first + count):
        rng = random.Random(SEED * 1_000_003 + number)
        chosen = rng.sample(sentences, rng.randint(8, 20))
        paragraphs, at = [], 0
        while at < len(chosen):
            size = rng.randint(2, 4)
            paragraphs.append(" ".join(chosen[at:at + size]))
            at += size
        published = f"{rng.randint(2012, 2018)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        name = f"article-{number:05d}.txt"
        (seeds / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        meta = {"title": rng.choice(titles), "published": published, "publisher": rng.choice(outlets)}
        (seeds / f"{name}.meta.yaml").write_text(json.dumps(meta) + "\n", encoding="utf-8")  # JSON is YAML


def make_project(root: Path, count: int, code: Path = ROOT) -> None:
    write_seeds(root / "seeds", count)
    shutil.copy(code / "mkdocs.yml", root / "mkdocs.yml")
    if (code / "overrides").is_dir():
        shutil.copytree(code / "overrides", root / "overrides")
    (root / "dossier.yml").write_text(f"title: Scale benchmark, {count} articles\n", encoding="utf-8")


# ------------------------------------------------------------------------------ measuring


def _tree_rss_bytes(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * _PAGE_BYTES
            stack += [int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


def run(command: list[str], cwd: Path, code: Path) -> Run:
    """Run one tool; its own wall time, peak RSS (wait4) and sampled peak RSS of its tree."""
    import subprocess

    # The build measures the build alone: the dossier plugin does not generate again.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TZ": "UTC", "PYTHONPATH": str(code), "DOSSIER_GENERATE": "false"}
    env.pop("SITE_URL", None)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                peak[0] = max(peak[0], _tree_rss_bytes(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-3000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 2**20, stderr)


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def _written(stderr: str) -> int:
    found = re.search(r"(\d+) file\(s\) written", stderr)
    return int(found.group(1)) if found else -1


def _search_first_result(site: Path, query: str) -> float:
    """Seconds from the first keystroke to the first visible result, from file://."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        page.goto((site / "index.html").as_uri())
        search = page.locator(".md-search__input")
        search.click()
        start = time.perf_counter()
        search.press_sequentially(query)
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=60_000)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed


def measure(count: int, work: Path, jobs: int | None, search: bool, code: Path) -> Result:
    root = work / f"dossier-{count}"
    make_project(root, count, code)
    dossier = [str(BIN / "dossier"), "generate", "--root", str(root)] + (["--jobs", str(jobs)] if jobs else [])
    generated = run(dossier, root, code)
    before = _mtimes(root / "content")
    noop = run(dossier, root, code)
    mtimes_kept = _mtimes(root / "content") == before
    write_seeds(root / "seeds", 1, first=count)
    added = run(dossier, root, code)
    built = run([str(BIN / "mkdocs"), "build", "-q", "-f", str(root / "mkdocs.yml")], root, code)
    site = root / "site"
    pages = [p for p in site.rglob("*.html")]
    briefings = sorted(p.stat().st_size for p in (site / "briefings").glob("*.html") if p.name != "index.html")
    largest = max(pages, key=lambda p: p.stat().st_size)
    return Result(
        articles=count,
        generate_s=round(generated.seconds, 2),
        generate_cpu_s=round(generated.cpu_seconds, 2),
        generate_max_rss_mb=round(generated.max_rss_mb),
        generate_tree_rss_mb=round(generated.tree_rss_mb),
        noop_s=round(noop.seconds, 2),
        noop_rewritten=_written(noop.stderr),
        noop_mtimes_kept=mtimes_kept,
        add_one_s=round(added.seconds, 2),
        add_one_ratio=round(added.seconds / generated.seconds, 3),
        build_s=round(built.seconds, 2),
        build_cpu_s=round(built.cpu_seconds, 2),
        build_max_rss_mb=round(built.max_rss_mb),
        ms_per_article=round(1000 * (generated.seconds + built.seconds) / count, 2),
        build_ms_per_page=round(1000 * built.seconds / len(pages), 2),
        content_pages=sum(1 for _ in (root / "content").rglob("*.md")),
        site_pages=len(pages),
        site_mb=round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1),
        median_briefing_kb=round(statistics.median(briefings) / 1024, 1),
        largest_briefing_kb=round(briefings[-1] / 1024, 1),
        largest_page=largest.relative_to(site).as_posix(),
        largest_page_kb=round(largest.stat().st_size / 1024, 1),
        search_index_mb=round((site / "search" / "search_index.js").stat().st_size / 2**20, 2),
        search_first_result_s=round(_search_first_result(site, "Aleppo"), 2) if search else None,
    )


def _table(results: list[Result]) -> str:
    names = list(asdict(results[0]))
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    lines += ["| " + " | ".join(str(value) for value in asdict(result).values()) + " |" for result in results]
    return "\n".join(lines)


def _growth(results: list[Result]) -> list[str]:
    lines = []
    for small, large in zip(results, results[1:]):
        factor = large.articles / small.articles
        total_small, total_large = small.generate_s + small.build_s, large.generate_s + large.build_s
        lines.append(
            f"{small.articles} -> {large.articles} articles (x{factor:.2f}): generate x{large.generate_s / small.generate_s:.2f}, "
            f"build x{large.build_s / small.build_s:.2f}, generate+build x{total_large / total_small:.2f}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="800,3200,10000", help="comma-separated article counts")
    parser.add_argument("--jobs", type=int, default=None, help="passed to dossier generate --jobs")
    parser.add_argument("--search-sizes", default="3200",
                        help="sizes at which to time the first search result in Chromium ('' for none)")
    parser.add_argument("--keep", type=Path, default=None, help="build the dossiers here and keep them")
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="the project copy whose generator, templates and mkdocs.yml to run (e.g. a frozen snapshot)")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    work = options.keep or Path(tempfile.mkdtemp(prefix="dossier-scale-"))
    results = []
    try:
        for count in sizes:
            search = str(count) in options.search_sizes.split(",")
            results.append(measure(count, work, options.jobs, search, options.code.resolve()))
            print(_table(results[-1:]), file=sys.stderr, flush=True)
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    OUT.mkdir(exist_ok=True)
    (OUT / "scale.json").write_text(json.dumps([asdict(r) for r in results], indent=1) + "\n", encoding="utf-8")
    print(_table(results))
    print()
    print("\n".join(_growth(results)))


if __name__ == "__main__":
    main()
