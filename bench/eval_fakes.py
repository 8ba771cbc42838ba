"""Score figures, dates (and places, once the pipeline exists) against FA-KES gold labels.

Run standalone: `.venv/bin/python bench/eval_fakes.py [--failures toll|any|date|place]`.

The gold is crowd-sourced and noisy (about one article in five has a date or count the text
does not support), so the scores are aggregate development numbers, not per-article truth:

- toll: headline_toll.killed == gold nb_civilians, over articles with nb_civilians > 0
- any-toll: some killed figure counts gold nb_civilians (same subset)
- date: event date within one day of gold event_date
- date-stated: some date the text states (publication, explicit or relative) is within one day
  of gold: the ceiling for any rule that picks the event date among the dates of the text
- place: gold governorate named by an extracted place or its region (full pipeline only)
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import sys
import time
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "fakes-dev.jsonl"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from fakes_labels import PACKS, governorate_of  # noqa: E402


def _pipeline_extractor() -> Callable | None:
    """The lead's extract_article, or None while the pipeline cannot be imported yet."""
    for module_name in ("generator.extract.article", "generator.extract"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if hasattr(module, "extract_article"):
            return module.extract_article
    return None


def _stage_modules_importable() -> None:
    """Let figures/dates import even when generator/extract/__init__ imports unfinished siblings."""
    try:
        importlib.import_module("generator.extract")
    except ImportError:
        for name in [n for n in sys.modules if n.startswith("generator.extract")]:
            del sys.modules[name]
        package = types.ModuleType("generator.extract")
        package.__path__ = [str(ROOT / "generator" / "extract")]
        sys.modules["generator.extract"] = package


@dataclass(frozen=True)
class Outcome:
    """What one article yields, whichever way it was extracted."""

    killed_counts: tuple[int, ...]
    headline_killed: int | None
    event_date: dt.date | None
    stated_dates: tuple[dt.date, ...]  # the publication date and every date mention
    governorates: tuple[str, ...] | None  # None: places not extracted


def load_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def stage_outcomes(records: list[dict]) -> list[Outcome]:
    """Figures and dates only, with no actors or places (they do not change the counts)."""
    _stage_modules_importable()
    from generator.extract.dates import find_dates, find_event_date, find_published
    from generator.extract.figures import find_figures, headline_toll
    from generator.text import split_sentences

    outcomes = []
    for record in records:
        body = record["content"]
        sentences = split_sentences(body)
        published = find_published(body)
        figures = find_figures(body, sentences, (), ())
        dates = find_dates(body, sentences, published)
        event = find_event_date(body, sentences, dates, figures, published)
        toll = headline_toll(figures, sentences)
        killed = tuple(f.count for f in figures if f.kind == "killed")
        stated = tuple(filter(None, (published, *(d.date for d in dates))))
        outcomes.append(Outcome(killed, toll.killed, event, stated, None))
    return outcomes


def pipeline_outcomes(records: list[dict], extract_article: Callable) -> list[Outcome]:
    """The full per-article extraction, as `dossier extract` runs it (places scored too)."""
    from generator.knowledge import load_knowledge_base
    from generator.models import Metadata, RawArticle

    kb = load_knowledge_base(packs=PACKS)
    outcomes = []
    for record in records:
        raw = RawArticle(
            id=record["id"],
            source_path=CORPUS.name,
            record=record["id"],
            body=record["content"],
            declared=Metadata(title=record.get("title")),
            content_hash=record["id"],
        )
        article = extract_article(raw, kb)
        killed = tuple(f.count for f in article.figures if f.kind == "killed")
        stated = tuple(filter(None, (article.published, *(d.date for d in article.dates))))
        outcomes.append(Outcome(killed, article.headline_toll.killed, article.event_date, stated,
                                _governorates(article)))
    return outcomes


def _governorates(article) -> tuple[str, ...]:
    """Every extracted place name and its governorate, normalized for comparison with gold."""
    names = {n for place in article.places for n in (place.name, place.region, governorate_of(place)) if n}
    return tuple(sorted({_normalized(n) for n in names}))


def _normalized(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").replace("'", "").split())


def scores(records: list[dict], outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """(hits, total) per measure."""
    tolled = [(r, o) for r, o in zip(records, outcomes) if (r["gold"].get("nb_civilians") or 0) > 0]
    dated = [(r, o) for r, o in zip(records, outcomes) if r["gold"].get("event_date")]
    result = {
        "toll": (sum(_toll_hit(r, o) for r, o in tolled), len(tolled)),
        "any-toll": (sum(_any_toll_hit(r, o) for r, o in tolled), len(tolled)),
        "date": (sum(_date_hit(r, o) for r, o in dated), len(dated)),
        "date-stated": (sum(_stated_date_hit(r, o) for r, o in dated), len(dated)),
    }
    placed = [(r, o) for r, o in zip(records, outcomes) if o.governorates is not None and r["gold"].get("location")]
    if placed:
        result["place"] = (sum(_place_hit(r, o) for r, o in placed), len(placed))
    return result


def _toll_hit(record: dict, outcome: Outcome) -> bool:
    return outcome.headline_killed == record["gold"]["nb_civilians"]


def _any_toll_hit(record: dict, outcome: Outcome) -> bool:
    return record["gold"]["nb_civilians"] in outcome.killed_counts


def _date_hit(record: dict, outcome: Outcome) -> bool:
    gold = dt.date.fromisoformat(record["gold"]["event_date"])
    return outcome.event_date is not None and abs((outcome.event_date - gold).days) <= 1


def _stated_date_hit(record: dict, outcome: Outcome) -> bool:
    gold = dt.date.fromisoformat(record["gold"]["event_date"])
    return any(abs((date - gold).days) <= 1 for date in outcome.stated_dates)


def _place_hit(record: dict, outcome: Outcome) -> bool:
    return _normalized(record["gold"]["location"]) in (outcome.governorates or ())


_HIT_TESTS = {"toll": _toll_hit, "any": _any_toll_hit, "date": _date_hit, "place": _place_hit}


def print_failures(records: list[dict], outcomes: list[Outcome], measure: str) -> None:
    """The articles a measure misses, with what was found, for reading (not for tuning to)."""
    for record, outcome in zip(records, outcomes):
        gold = record["gold"]
        relevant = (gold.get("nb_civilians") or 0) > 0 if measure in ("toll", "any") else bool(gold.get("event_date"))
        if relevant and not _HIT_TESTS[measure](record, outcome):
            print(f"--- {record['id']} gold={gold.get('nb_civilians')} {gold.get('event_date')} {gold.get('location')}")
            print(f"    got toll={outcome.headline_killed} killed={outcome.killed_counts} date={outcome.event_date}")
            print("    " + record["content"][:700].replace("\n", " "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--failures", choices=sorted(_HIT_TESTS), help="print the misses of one measure")
    parser.add_argument("--stages", action="store_true", help="score figures/dates alone even if the pipeline exists")
    args = parser.parse_args()

    records = load_corpus(args.corpus)
    extract_article = None if args.stages else _pipeline_extractor()
    use_pipeline = extract_article is not None
    started = time.perf_counter()
    outcomes = pipeline_outcomes(records, extract_article) if use_pipeline else stage_outcomes(records)
    elapsed = time.perf_counter() - started

    print(f"corpus: {args.corpus.name} ({len(records)} articles), scoring: {'pipeline' if use_pipeline else 'figures+dates'}")
    print(f"{'measure':<12} {'hits':>5} {'total':>6} {'score':>7}")
    for name, (hits, total) in scores(records, outcomes).items():
        print(f"{name:<12} {hits:>5} {total:>6} {hits / total if total else 0:>7.3f}")
    print(f"speed: {len(records) / elapsed:,.0f} articles/s ({elapsed * 1000:.0f} ms)")
    if args.failures:
        print_failures(records, outcomes, args.failures)


if __name__ == "__main__":
    main()
