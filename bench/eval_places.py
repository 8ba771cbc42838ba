"""Development score of place extraction on FA-KES (fakes-dev.jsonl), and its speed.

"place" score: the share of articles whose gold governorate (FA-KES `gold.location`) is named
by one of the places extracted from title + content, either as the place itself or as its
region (bench/fakes_labels.governorate_of), with the syria pack. The gold is crowd-sourced and noisy.

    .venv/bin/python bench/eval_places.py [path/to/fakes-dev.jsonl] [--misses]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fakes_labels import PACKS, governorate_of  # noqa: E402
from generator.extract.places import find_places, load_gazetteer  # noqa: E402
from generator.text import split_sentences  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "fakes-dev.jsonl"


def load_articles(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def article_body(record: dict) -> str:
    return f"{record['title']}\n\n{record['content']}"


def main(argv: list[str]) -> None:
    show_misses = "--misses" in argv
    paths = [arg for arg in argv if not arg.startswith("--")]
    articles = load_articles(Path(paths[0]) if paths else DEFAULT_CORPUS)

    started = time.perf_counter()
    load_gazetteer(PACKS)
    load_seconds = time.perf_counter() - started

    bodies = [article_body(record) for record in articles]
    segmented = [(body, split_sentences(body)) for body in bodies]
    started = time.perf_counter()
    results = [find_places(body, sentences, packs=PACKS) for body, sentences in segmented]
    extract_seconds = time.perf_counter() - started

    hits = 0
    for record, places in zip(articles, results):
        gold = record["gold"]["location"]
        named = sorted({label for place in places if (label := governorate_of(place))})
        if gold in named:
            hits += 1
        elif show_misses:
            print(f"MISS {record['id']} gold={gold} found={named}")
            print(f"     places={[(p.name, p.region) for p in places]}")
            print(f"     {record['title'][:120]}")

    print(f"articles: {len(articles)}")
    print(f"place score: {hits / len(articles):.3f} ({hits}/{len(articles)})")
    print(f"gazetteer load: {load_seconds:.3f} s")
    print(f"find_places: {len(articles) / extract_seconds:.0f} articles/s")


if __name__ == "__main__":
    main(sys.argv[1:])
