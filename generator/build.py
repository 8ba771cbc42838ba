"""The orchestrator: the one place that knows the order of the stages."""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import CACHE_DIR, ExtractionCache, IngestCache
from generator.config import Settings
from generator.errors import ConfigError, NoArticlesError
from generator.ingest import ingest
from generator.knowledge import KnowledgeBase, load_knowledge_base
from generator.models import Dossier, ExtractedArticle, IngestResult, RawArticle, Report
from generator.notes import load_notes, unplaced
from generator.resolve import resolve
from generator.shipped import TEMPLATES as SHIPPED_TEMPLATES
from generator.write import WriteResult, read_manifest, write_content

if TYPE_CHECKING:
    from generator.xref import CrossReference

# generator.extract.article is imported in the functions that run it, not above: `dossier
# extract` forks its ingest helper (_ingest_while_preparing) before the extractors' patterns
# are compiled (a tenth of a second), so that the two overlap.


@dataclass(frozen=True)
class Analysis:
    """A resolved dossier and every problem reported on the way."""

    dossier: Dossier
    reports: tuple[Report, ...]
    # article id -> extraction-cache key: a digest of everything the article was extracted from
    # (empty without a cache); the page cache uses it instead of hashing whole articles.
    fingerprints: Mapping[str, str] = field(default_factory=dict)
    # article ids in input order (files by path, records in file order); the dossier is by date
    input_order: tuple[str, ...] = ()


@dataclass(frozen=True)
class GenerateResult:
    analysis: Analysis
    written: WriteResult
    notes_reports: tuple[Report, ...] = ()

    @property
    def reports(self) -> tuple[Report, ...]:
        """Every problem of the run: inputs, notes, then what the writer kept."""
        return self.analysis.reports + self.notes_reports + self.written.reports


def knowledge_base_for(root: Path, settings: Settings) -> KnowledgeBase:
    analyst_file = root / settings.knowledge_base
    return load_knowledge_base(analyst_file if analyst_file.exists() else None, settings.packs)


# Below this many articles to extract, starting worker processes costs more than it saves.
PARALLEL_MIN_ARTICLES = 48
_MAX_CHUNK = 64  # articles per task sent to a worker: amortises the hand-over, keeps progress moving
_MIN_CHUNK = 4
Progress = Callable[[int, int], None]  # (articles extracted so far, articles to extract)
Notice = Callable[[str], None]  # one line for the user about a wait ahead


def default_jobs() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class ExtractionPlan:
    """How `analyse` runs extraction: how many processes, which cache, whom to tell of progress
    and of a first run's wait."""

    jobs: int = 1
    cache: ExtractionCache | None = None
    progress: Progress | None = None
    notice: Notice | None = None


def analyse(paths: list[Path], base: Path, kb: KnowledgeBase, keep_duplicates: bool = False,
            plan: ExtractionPlan = ExtractionPlan(), max_file_mb: int = Settings.max_file_mb,
            ingest_cache: IngestCache | None = None) -> Analysis:
    """ingest -> extract -> resolve, for `dossier extract`, `check` and `generate`."""
    ingest_paths = functools.partial(ingest, paths, base=base, keep_duplicates=keep_duplicates,
                                     max_article_bytes=max_file_mb * 2**20, cache=ingest_cache)
    if ingest_cache is None and plan.cache is None and _forks_workers(plan.jobs):
        ingested = _ingest_while_preparing(ingest_paths, kb)
    else:
        ingested = ingest_paths()
    raws = ingested.articles
    keys = [plan.cache.key(raw) for raw in raws] if plan.cache else []
    articles = extract_all(raws, kb, plan, keys)
    fingerprints = {raw.id: key for raw, key in zip(raws, keys)}
    knowledge_reports = tuple(_knowledge_report(warning) for warning in kb.warnings)
    return Analysis(resolve(articles, kb), knowledge_reports + ingested.reports, fingerprints,
                    tuple(raw.id for raw in raws))


def _forks_workers(jobs: int) -> bool:
    return jobs > 1 and "fork" in multiprocessing.get_all_start_methods()


def _ingest_while_preparing(ingest_paths: Callable[[], IngestResult], kb: KnowledgeBase) -> IngestResult:
    """ingest in a forked process while this one imports the extractors and loads the gazetteers
    that extraction workers will share (prepare_extraction): without a cache every article is
    extracted, and the steps, half a second and a third of one at 1,600 articles, would otherwise
    leave one core idle. On a first run the gazetteers are built later, once the user is told
    of the wait (extract_all)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as helper:
        ingesting = helper.submit(ingest_paths)
        from generator.extract.article import first_run_notice, prepare_extraction  # after the fork: see the imports

        if first_run_notice(kb) is None:
            prepare_extraction(kb)
        return ingesting.result()


def _knowledge_report(warning: str) -> Report:
    """A knowledge-base warning ("knowledge.yaml: actors: 'the' ...") as a report line of its file."""
    path, _, reason = warning.partition(": ")
    return Report(path, reason, severity="warning")


def extract_all(raws: Sequence[RawArticle], kb: KnowledgeBase, plan: ExtractionPlan,
                keys: Sequence[str] = ()) -> tuple[ExtractedArticle, ...]:
    """Every article extracted, in input order: from the cache where possible, the rest anew.
    `keys` are the raws' cache keys when the caller has them already."""
    from generator.extract.article import first_run_notice, prepare_extraction

    cache = plan.cache
    keys = (keys or [cache.key(raw) for raw in raws]) if cache else []
    found = [cache.get(key) for key in keys] if cache else [None] * len(raws)
    missing = [index for index, article in enumerate(found) if article is None]
    if missing and plan.notice and (notice := first_run_notice(kb)):
        plan.notice(notice)
        prepare_extraction(kb)  # all of it now, as said: not a part now and the rest on a later run
    fresh = _extract([raws[index] for index in missing], kb, plan.jobs)
    for done, (index, article) in enumerate(zip(missing, fresh), start=1):
        found[index] = article
        if cache:
            cache.put(keys[index], article)
        if plan.progress:
            plan.progress(done, len(missing))
    return tuple(article for article in found if article is not None)


def _extract(raws: list[RawArticle], kb: KnowledgeBase, jobs: int) -> Iterator[ExtractedArticle]:
    """extract_article over `raws`, in order; in worker processes when there is enough work.

    Workers are forked, so they inherit the loaded knowledge base without pickling it; where
    fork is unavailable the work stays serial.
    """
    from generator.extract.article import extract_article, prepare_extraction

    if len(raws) < PARALLEL_MIN_ARTICLES or not _forks_workers(jobs):
        yield from (extract_article(raw, kb) for raw in raws)
        return
    prepare_extraction(kb)  # loaded once here, shared with the forked workers
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(kb,)) as pool:
        for extracted in pool.map(_extract_chunk_in_worker, _chunks(raws, jobs)):
            yield from extracted


def _chunks(raws: list[RawArticle], jobs: int) -> Iterator[list[RawArticle]]:
    """`raws` in consecutive tasks for the workers, shrinking towards the end: large tasks
    amortise the hand-over, and small last ones keep a worker from idling while another
    finishes a large one (each task is a quarter of what remains per worker, 4 to 64 articles)."""
    start = 0
    while start < len(raws):
        size = max(_MIN_CHUNK, min(_MAX_CHUNK, (len(raws) - start) // (jobs * 4)))
        yield raws[start : start + size]
        start += size


# Per-process state of a worker, set once by _start_worker in the worker; never used in the parent.
_worker_state: dict[str, KnowledgeBase] = {}


def _start_worker(kb: KnowledgeBase) -> None:
    """Runs once in each worker: the knowledge base (and, lazily, the gazetteer) is loaded once per worker."""
    _worker_state["kb"] = kb


def _extract_in_worker(raw: RawArticle) -> ExtractedArticle:
    from generator.extract.article import extract_article  # imported before the fork: a look-up

    return extract_article(raw, _worker_state["kb"])


def _extract_chunk_in_worker(raws: list[RawArticle]) -> list[ExtractedArticle]:
    return [_extract_in_worker(raw) for raw in raws]


def template_dirs(root: Path, settings: Settings) -> tuple[Path, ...]:
    """The user's templates first (overrides), then the shipped ones."""
    user = (root / settings.templates_dir).resolve()
    return (user, SHIPPED_TEMPLATES) if user != SHIPPED_TEMPLATES and user.is_dir() else (SHIPPED_TEMPLATES,)


def check_folders(root: Path, settings: Settings) -> None:
    """A project folder and a seeds folder that exist and can be read, before anything is
    written: a wrong setting must not leave content/ emptied."""
    problems = []
    seeds = root / settings.seeds_dir
    if not root.is_dir():
        problems.append(f"{root}: no such project folder")
    elif not seeds.is_dir():
        problems.append(f"seeds_dir '{settings.seeds_dir}': no such folder ({seeds.absolute()})")
    elif not os.access(seeds, os.R_OK | os.X_OK):
        problems.append(f"seeds_dir '{settings.seeds_dir}': the folder cannot be read ({seeds.absolute()})")
    if problems:
        raise ConfigError(problems)


def _check_not_emptied(content: Path, analysis: Analysis, force: bool) -> None:
    """No article but generated briefings in content/: keep them unless --force."""
    if analysis.dossier.articles or force:
        return
    briefings = [path for path in read_manifest(content) if path.startswith("briefings/") and
                 not path.startswith(("briefings/index", "briefings/page-"))]
    if briefings:
        raise NoArticlesError(f"the seeds gave no article; the {len(briefings)} generated briefing(s) in {content} "
                              "are kept (pass --force to remove them)")


def generate(root: Path, settings: Settings, force: bool = False, jobs: int = 1,
             progress: Progress | None = None, notice: Notice | None = None) -> GenerateResult:
    """seeds/ -> content/: the whole pipeline, reusing the extraction cache under root."""
    # Imported here: `dossier extract` and `check` never render, and jinja2 and the page
    # modules are a sixth of their start-up.
    from generator.render import render_dossier
    from generator.render.pagecache import PageCache, render_fingerprint
    from generator.xref import cross_reference

    check_folders(root, settings)
    kb = knowledge_base_for(root, settings)
    cache = ExtractionCache(root / CACHE_DIR / "extract", kb)
    plan = ExtractionPlan(jobs=jobs, cache=cache, progress=progress, notice=notice)
    analysis = analyse([root / settings.seeds_dir], root / settings.seeds_dir, kb, plan=plan,
                       max_file_mb=settings.max_file_mb, ingest_cache=IngestCache(root / CACHE_DIR / "ingest.pickle"))
    _check_not_emptied(root / settings.content_dir, analysis, force)
    cache.prune_unused()
    notes, notes_reports = load_notes(root / settings.notes_dir)
    xref = cross_reference(analysis.dossier)
    notes_reports += unplaced(notes, root / settings.notes_dir, _note_pages(xref))
    templates = template_dirs(root, settings)
    pages = PageCache(root / CACHE_DIR / "pages.pickle", root / settings.content_dir, render_fingerprint(templates))
    search_full_text = len(analysis.dossier.articles) <= settings.full_text_search_max_articles
    files = render_dossier(xref, templates, settings.title, settings.description, notes=notes, pages=pages,
                           search_full_text=search_full_text, fingerprints=analysis.fingerprints)
    written = write_content(root / settings.content_dir, files, force=force, on_disk=pages.verified_on_disk)
    pages.save()  # after the write: the index describes what content/ now holds
    return GenerateResult(analysis, written, notes_reports)


def _note_pages(xref: CrossReference) -> set[tuple[str, str]]:
    """(notes section, page id) of every page a note can be shown on."""
    entities = {("actors" if e.category == "actor" else "places", e.id) for e in xref.dossier.entities}
    return entities | {("briefings", slug) for slug in xref.slugs.values()}
