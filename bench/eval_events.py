"""Score event resolution on FA-KES with the pair metric of the synthesis issue.

Run: `.venv/bin/python bench/eval_events.py [--corpus PATH] [--keep DIR] [--failures N]`.

The corpus is made one dossier (a new project with the JSONL collection as its only seed),
generated with the installed `dossier`, and scored from `content/exports/dossier.json`:

- an article's main event is the event holding its largest killed claim (ties: the first such
  claim in the export); an article with no killed claim has no main event;
- gold: two articles report one event when their gold `location` and `event_date` are equal;
- recall: of the gold pairs, the share the dossier puts in one event. Printed over every gold
  pair (an article without a killed claim misses all its pairs) and over the pairs whose two
  articles both have a main event;
- precision: of the pairs the dossier puts in one event, the share whose gold locations are
  equal and gold dates at most three days apart;
- main-event place: the share of articles with a main event whose event place lies in the gold
  governorate (a measure of where events are put that no gold date error touches);
- gold-place ceiling: the same two scores for the articles grouped by their gold location and the
  event date the dossier read (or the publication date): what perfect places and event
  resolution would score with these dates, so the gap left to the dates and the gold;
- gold-date audit: how many of the wrong and missed pairs involve an article whose gold date is
  more than AUDIT_DAYS from the publication date the dossier read (a gold date of 2012 on a
  2016 report, say): an upper bound on what gold date errors cost, not a correction.

FA-KES gold is crowd-sourced and noisy: these are aggregate development numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "fakes-dev.jsonl"
DOSSIER = ROOT / ".venv" / "bin" / "dossier"
PRECISION_DAYS = 3
AUDIT_DAYS = 7


sys.path.insert(0, str(ROOT / "bench"))
from fakes_labels import FAKES_LABEL_OF_REGION  # noqa: E402


def generate(corpus: Path, project: Path) -> dict:
    """The dossier.json of a new project whose only seed is the corpus."""
    subprocess.run([str(DOSSIER), "-q", "new", str(project), "--title", "FA-KES events"], check=True)
    seeds = project / "seeds"
    for old in seeds.iterdir():
        if old.name != "README.md":
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    shutil.copy(corpus, seeds / corpus.name)
    subprocess.run([str(DOSSIER), "-q", "generate", "--root", str(project)], check=True)
    return json.loads((project / "content" / "exports" / "dossier.json").read_text(encoding="utf-8"))


def main_events(document: dict) -> dict[str, str]:
    """Article id -> key of the event holding its largest killed claim."""
    best: dict[str, tuple[int, str]] = {}
    for event in document["events"]:
        for claim in event["claims"]:
            if claim["kind"] != "killed":
                continue
            held = best.get(claim["article"])
            if held is None or claim["count"] > held[0]:
                best[claim["article"]] = (claim["count"], event["key"])
    return {article: key for article, (_count, key) in best.items()}


def gold_of(records: list[dict]) -> dict[str, tuple[str, dt.date | None]]:
    gold = {}
    for record in records:
        label = record.get("gold") or {}
        try:
            date = dt.date.fromisoformat(label.get("event_date") or "")
        except ValueError:
            date = None
        gold[record["id"]] = (label.get("location") or "", date)
    return gold


def pairs(groups: dict[object, list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(pair)) for members in groups.values() for pair in itertools.combinations(members, 2)}


def score(records: list[dict], document: dict, failures: int) -> None:
    gold = gold_of(records)
    main = main_events(document)
    gold_groups: dict[object, list[str]] = defaultdict(list)
    for article_id, (location, date) in gold.items():
        if location and date:
            gold_groups[(location, date)].append(article_id)
    dossier_groups: dict[object, list[str]] = defaultdict(list)
    for article_id, key in main.items():
        dossier_groups[key].append(article_id)
    gold_pairs, dossier_pairs = pairs(gold_groups), pairs(dossier_groups)
    found = gold_pairs & dossier_pairs
    with_events = {pair for pair in gold_pairs if pair[0] in main and pair[1] in main}

    def near(pair: tuple[str, str]) -> bool:
        (place_a, date_a), (place_b, date_b) = gold[pair[0]], gold[pair[1]]
        return bool(place_a) and place_a == place_b and date_a is not None and date_b is not None \
            and abs((date_a - date_b).days) <= PRECISION_DAYS

    right = {pair for pair in dossier_pairs if near(pair)}
    print(f"articles: {len(records)}; with a main event: {len(main)}; events: {len(document['events'])}")
    print(f"gold pairs: {len(gold_pairs)}; dossier pairs: {len(dossier_pairs)}")
    print(f"recall (all gold pairs): {len(found) / max(1, len(gold_pairs)):.3f} ({len(found)}/{len(gold_pairs)})")
    found_with = found & with_events
    print(f"recall (both with a main event): {len(found_with) / max(1, len(with_events)):.3f} "
          f"({len(found_with)}/{len(with_events)})")
    print(f"precision (same gold location, dates within {PRECISION_DAYS} days): "
          f"{len(right) / max(1, len(dossier_pairs)):.3f} ({len(right)}/{len(dossier_pairs)})")
    print_place_and_audit(document, gold, main, dossier_pairs - right, gold_pairs - found)
    print_ceilings(document, gold, gold_pairs, near)
    if failures:
        print("\nmissed gold pairs (both with a main event):")
        for a, b in sorted(with_events - found)[:failures]:
            print(f"  {a} {main[a]}  |  {b} {main[b]}   gold {gold[a][0]} {gold[a][1]}")
        print("\nwrong dossier pairs:")
        for a, b in sorted(dossier_pairs - right)[:failures]:
            print(f"  {main[a]}: {a} gold {gold[a]}  |  {b} gold {gold[b]}")


def print_place_and_audit(document: dict, gold: dict, main: dict[str, str], wrong: set, missed: set) -> None:
    entities = {entity["id"]: entity for entity in document["entities"]}
    place_of_event = {event["key"]: entities.get(event["place"] or "") for event in document["events"]}
    labelled = [article for article in main if gold[article][0]]
    in_gold = sum(1 for article in labelled if _label(place_of_event[main[article]]) == gold[article][0])
    print(f"main-event place in the gold governorate: {in_gold / max(1, len(labelled)):.3f} ({in_gold}/{len(labelled)})")
    published = {article["id"]: article["published"] for article in document["articles"]}
    doubtful = {article for article, (_place, date) in gold.items()
                if date and published.get(article)
                and abs((dt.date.fromisoformat(published[article]) - date).days) > AUDIT_DAYS}
    wrong_doubtful = sum(1 for a, b in wrong if a in doubtful or b in doubtful)
    missed_doubtful = sum(1 for a, b in missed if a in doubtful or b in doubtful)
    print(f"gold-date audit: {len(doubtful)} articles' gold dates are over {AUDIT_DAYS} days from their publication "
          f"date; they are in {wrong_doubtful} of {len(wrong)} wrong pairs and {missed_doubtful} of {len(missed)} "
          "missed pairs")


def print_ceilings(document: dict, gold: dict, gold_pairs: set, near) -> None:
    for field in ("event_date", "published"):
        groups: dict[object, list[str]] = defaultdict(list)
        for article in document["articles"]:
            location = gold.get(article["id"], ("", None))[0]
            if location and article[field]:
                groups[(location, article[field])].append(article["id"])
        grouped = pairs(groups)
        right = sum(1 for pair in grouped if near(pair))
        print(f"gold-place ceiling, grouped by gold location and {field}: recall "
              f"{len(grouped & gold_pairs) / max(1, len(gold_pairs)):.3f}, precision {right / max(1, len(grouped)):.3f} "
              f"({right}/{len(grouped)})")


def _label(place: dict | None) -> str | None:
    if not place or place.get("country") != "Syria" or not place.get("region"):
        return None
    return FAKES_LABEL_OF_REGION.get(place["region"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, help="make the project here and keep it (default: a temporary folder)")
    parser.add_argument("--failures", type=int, default=0, help="list this many missed and wrong pairs")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        document = generate(args.corpus, args.keep)
    else:
        with tempfile.TemporaryDirectory() as folder:
            document = generate(args.corpus, Path(folder) / "project")
    score(records, document, args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
