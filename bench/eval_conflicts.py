"""Score actors, places, main-event toll and date on a hand-annotated sample of conflicts-dev.

The sample (every fourth record of ../shared/corpora/conflicts-dev.jsonl: Libya, Iraq, Egypt,
Mexico, Colombia, Central America, Yemen...) was annotated by reading the articles, with the
rules in bench/annotations/GUIDE.md; the annotation (names, kinds, countries, tolls and dates,
never the texts, which may not be redistributed) is bench/annotations/conflicts-dev-part-*.yaml.

The articles go through the real pipeline as one dossier (ingest of a JSONL file, extract,
resolve), with `packs: auto`, as a new user's dossier would. Per
article, the entities it mentions are scored as tests/test_seed_annotations.py does:
precision over what the tool lists (optional entities neither help nor hurt), recall over
what the annotation requires; summed over articles (micro-averaged).

    .venv/bin/python bench/eval_conflicts.py [--packs auto|syria|(none)] [--show actors|places|toll|date]

The held-out samples of wars neither corpus covers (bench/build_heldout.py makes their JSONL;
`--second` and `--third` the later samples, annotated in heldout-2-part-*.yaml and
heldout-3-part-*.yaml):

    .venv/bin/python bench/eval_conflicts.py --corpus heldout.jsonl --annotations 'heldout-part-*.yaml' ...
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "conflicts-dev.jsonl"
ANNOTATIONS = ROOT / "bench" / "annotations"
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "tests"))

from generator.build import analyse  # noqa: E402
from generator.knowledge import load_knowledge_base  # noqa: E402
from test_seed_annotations import Annotated, normalized  # noqa: E402  the seeds' scorer, shared
from test_seed_annotations import _annotated as annotated  # noqa: E402
from test_seed_annotations import _match as match  # noqa: E402


@dataclass
class Tally:
    listed: int = 0  # judged entities the tool lists (not optional)
    correct: int = 0
    required: int = 0
    found: int = 0
    splits: int = 0  # annotated entities found under two ids in one article
    wrong_country: int = 0

    def line(self, name: str) -> str:
        precision = self.correct / self.listed if self.listed else 1.0
        recall = self.found / self.required if self.required else 1.0
        return (f"{name:8} precision {precision:.3f} ({self.correct}/{self.listed})  "
                f"recall {recall:.3f} ({self.found}/{self.required})  splits {self.splits}  "
                f"wrong country {self.wrong_country}")


# One country under two names (annotators write what news write): not a wrong country.
COUNTRY_SPELLINGS = {normalized(name): normalized(canonical) for name, canonical in (
    ("East Timor", "Timor-Leste"), ("Democratic Republic of Congo", "Democratic Republic of the Congo"),
    ("DR Congo", "Democratic Republic of the Congo"), ("Ivory Coast", "Cote d'Ivoire"),
    ("Czech Republic", "Czechia"))}


def same_country(ours: str, gold: str) -> bool:
    ours, gold = normalized(ours), normalized(gold)
    return COUNTRY_SPELLINGS.get(ours, ours) == COUNTRY_SPELLINGS.get(gold, gold)


def score_article(entities, gold: list[Annotated], tally: Tally, show: list[str] | None) -> None:
    matches = [(entity, match(entity, gold)) for entity in entities]
    judged = [(entity, found) for entity, found in matches if found is None or found.required]
    tally.listed += len(judged)
    tally.correct += sum(found is not None for _, found in judged)
    found_names = Counter(found.name for _, found in matches if found is not None)
    required = [item for item in gold if item.required]
    tally.required += len(required)
    tally.found += sum(item.name in found_names for item in required)
    tally.splits += sum(count > 1 for count in found_names.values())
    tally.wrong_country += sum(
        1 for entity, found in matches
        if found is not None and found.country and getattr(entity, "country", None)
        and not same_country(entity.country, found.country)
    )
    if show is not None:
        show += [f"  junk: {entity.name} ({entity.kind})" for entity, found in judged if found is None]
        show += [f"  missed: {item.name} ({item.kind})" for item in required if item.name not in found_names]
        show += [f"  split: {name} as {[entity.name for entity, found in matches if found is not None and found.name == name]}"
                 for name, count in found_names.items() if count > 1]
        show += [f"  country: {entity.name} in {entity.country}, gold {found.country}" for entity, found in matches
                 if found is not None and found.country and getattr(entity, "country", None)
                 and not same_country(entity.country, found.country)]


def dossier_splits(matched: list[tuple[str, Annotated, set[str]]]) -> list[tuple[str, list[str]]]:
    """Annotated entities of several articles that the dossier puts on two pages or more, as the
    site shows them: one article's annotation knows nothing of another's, so annotations of the
    same category, kind and country (places) are one entity when they share a name, or an alias of two words or
    more that no other name has ("Mullen" alone may be another Mullen, an "Interior Ministry"
    another country's). Returns (annotated name, the dossier ids)."""
    parents = list(range(len(matched)))

    def root(index: int) -> int:
        while parents[index] != index:
            parents[index] = parents[parents[index]]
            index = parents[index]
        return index

    names_with: dict[tuple[str, str, str | None, str], set[str]] = {}
    for category, annotation, _ in matched:
        for key in annotation.keys:
            names_with.setdefault((category, annotation.kind, annotation.country, key), set()).add(normalized(annotation.name))
    first_with: dict[tuple[str, str, str | None, str], int] = {}
    for index, (category, annotation, _) in enumerate(matched):
        for key in annotation.keys:
            shared = (category, annotation.kind, annotation.country, key)
            if key == normalized(annotation.name) or (" " in key and len(names_with[shared]) == 1):
                parents[root(index)] = root(first_with.setdefault(shared, index))
    clusters: dict[int, list[int]] = {}
    for index in range(len(matched)):
        clusters.setdefault(root(index), []).append(index)
    splits = []
    for members in clusters.values():
        ids = sorted(set().union(*(matched[index][2] for index in members)))
        if len(ids) > 1:
            splits.append((f"{matched[members[0]][0]} {matched[members[0]][1].name}", ids))
    return sorted(splits)


def _annotation_files(pattern: str) -> list[Path]:
    """Files of one pattern: a probe's annotation may lie outside the repository."""
    if Path(pattern).is_absolute():
        return [Path(path) for path in glob.glob(pattern)]
    return list(ANNOTATIONS.glob(pattern))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", nargs="*", default=["auto"],
                        help="region packs: auto (the default of a new dossier), names, or none for the world base alone")
    parser.add_argument("--show", choices=["actors", "places", "toll", "date"], help="list the errors of one measure")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the articles (JSONL)")
    parser.add_argument("--annotations", nargs="+", default=["conflicts-dev-part-*.yaml"],
                        help="file patterns of their annotation, in bench/annotations unless absolute")
    args = parser.parse_args()
    gold = [entry for path in sorted({path for pattern in args.annotations for path in _annotation_files(pattern)})
            for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]
    wanted = {entry["id"] for entry in gold}
    records = [record for line in args.corpus.read_text(encoding="utf-8").splitlines()
               if (record := json.loads(line))["id"] in wanted]
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "sample.jsonl"
        sample.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
        analysis = analyse([sample], Path(folder), load_knowledge_base(packs=tuple(args.packs)))  # [] = world base
    dossier = analysis.dossier
    by_id = {entity.id: entity for entity in dossier.entities}
    articles = {article.id: article for article in dossier.articles}
    tallies = {"actor": Tally(), "place": Tally()}
    toll, date = Counter(), Counter()
    matched: list[tuple[str, Annotated, set[str]]] = []  # (category, annotation, its dossier ids) of each article
    for entry in gold:
        article = articles.get(entry["id"])
        if article is None:
            print(f"not built: {entry['id']}")
            continue
        shown: list[str] | None = [] if args.show else None
        for category, mentions in (("actor", article.actors), ("place", article.places)):
            ids = sorted({dossier.entity_of[(article.id, category, mention.key)] for mention in mentions
                          if (article.id, category, mention.key) in dossier.entity_of})
            gold_entities = annotated(entry, category)
            score_article([by_id[i] for i in ids], gold_entities, tallies[category],
                          shown if args.show == f"{category}s" else None)
            ids_of: dict[Annotated, set[str]] = {}
            for entity_id in ids:
                if (found := match(by_id[entity_id], gold_entities)) is not None:
                    ids_of.setdefault(found, set()).add(entity_id)
            matched += [(category, annotation, found_ids) for annotation, found_ids in ids_of.items()]
        event = entry.get("main_event") or {}
        if event.get("killed") is not None:
            toll["total"] += 1
            toll["hit"] += article.headline_toll.killed == event["killed"]
            if args.show == "toll" and article.headline_toll.killed != event["killed"]:
                shown.append(f"  toll {article.headline_toll.killed}, gold {event['killed']}")
        if event.get("date"):
            gold_date = event["date"] if isinstance(event["date"], dt.date) else dt.date.fromisoformat(str(event["date"]))
            date["total"] += 1
            close = article.event_date is not None and abs((article.event_date - gold_date).days) <= 1
            date["hit"] += close
            date["publication"] += article.published is not None and abs((article.published - gold_date).days) <= 1
            if args.show == "date" and not close:
                shown.append(f"  date {article.event_date}, gold {gold_date}, published {article.published}")
        if shown:
            print(entry["id"][:90])
            print("\n".join(shown))
    splits = dossier_splits(matched)
    if args.show in ("actors", "places"):
        print("\n".join(f"dossier split: {name} as {ids}" for name, ids in splits if name.startswith(args.show[:-1])))
    print(f"articles: {len(gold)} annotated, packs: {' '.join(args.packs) or 'none (world base)'}")
    print(tallies["actor"].line("actors"))
    print(tallies["place"].line("places"))
    print(f"dossier  splits across articles: actors {sum(name.startswith('actor') for name, _ in splits)}, "
          f"places {sum(name.startswith('place') for name, _ in splits)}")
    print(f"toll     {toll['hit'] / max(toll['total'], 1):.3f} ({toll['hit']}/{toll['total']})")
    print(f"date     {date['hit'] / max(date['total'], 1):.3f} ({date['hit']}/{date['total']}) "
          f"(publication date as the event date: {date['publication'] / max(date['total'], 1):.3f})")


if __name__ == "__main__":
    main()
