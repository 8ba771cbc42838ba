"""The orchestrator: the one place that knows the order of the stages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.config import Settings
from generator.extract.article import extract_article
from generator.ingest import ingest
from generator.knowledge import KnowledgeBase, load_knowledge_base
from generator.models import Dossier, Report
from generator.render import SHIPPED_TEMPLATES, render_dossier
from generator.resolve import resolve
from generator.write import WriteResult, write_content


@dataclass(frozen=True)
class Analysis:
    """A resolved dossier and every problem reported on the way."""

    dossier: Dossier
    reports: tuple[Report, ...]


@dataclass(frozen=True)
class GenerateResult:
    analysis: Analysis
    written: WriteResult


def knowledge_base_for(root: Path, settings: Settings) -> KnowledgeBase:
    analyst_file = root / settings.knowledge_base
    return load_knowledge_base(analyst_file if analyst_file.exists() else None)


def analyse(paths: list[Path], base: Path, kb: KnowledgeBase, keep_duplicates: bool = False) -> Analysis:
    """ingest -> extract -> resolve, for `dossier extract`, `check` and `generate`."""
    ingested = ingest(paths, base=base, keep_duplicates=keep_duplicates)
    articles = [extract_article(raw, kb) for raw in ingested.articles]
    return Analysis(resolve(articles, kb), ingested.reports)


def template_dirs(root: Path, settings: Settings) -> tuple[Path, ...]:
    """The user's templates first (overrides), then the shipped ones."""
    user = (root / settings.templates_dir).resolve()
    return (user, SHIPPED_TEMPLATES) if user != SHIPPED_TEMPLATES and user.is_dir() else (SHIPPED_TEMPLATES,)


def generate(root: Path, settings: Settings, force: bool = False) -> GenerateResult:
    """seeds/ -> content/: the whole pipeline."""
    kb = knowledge_base_for(root, settings)
    analysis = analyse([root / settings.seeds_dir], root / settings.seeds_dir, kb)
    files = render_dossier(analysis.dossier, template_dirs(root, settings), settings.title, settings.description)
    written = write_content(root / settings.content_dir, files, force=force)
    return GenerateResult(analysis, written)
