"""Build a held-out sample of real articles on wars the development corpora do not cover.

The texts come from one pinned public GitHub snapshot (the "Entities" timeline-summarization
dataset: Guardian articles, 1999-2014, tokenized like T17), read with `git show` from a bare
clone; nothing is downloaded and no text is committed (the articles carry no redistribution
licence). The annotation of the sample, made by reading it with bench/annotations/GUIDE.md, is
bench/annotations/heldout-*.yaml; `bench/eval_conflicts.py --corpus OUT --annotations
'heldout-*.yaml'` scores it.

    .venv/bin/python bench/build_heldout.py --repo GIT_DIR [--out heldout.jsonl] [--second | --third]

GIT_DIR: a clone of DaivikSojitra/Timeline-Summarization-in-the-Era-of-LLMs holding COMMIT.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
from pathlib import Path

COMMIT = "ff0a2963d36965d09c4a29421b4c9018ff58cbfa"
# entity timeline -> (war it covers, articles to take)
TOPICS = {
    "Hamid_Karzai": ("Afghanistan war", 24),
    "Charles_Taylor": ("Liberia and Sierra Leone civil wars", 12),
    "Nawaz_Sharif": ("Pakistan (Taliban insurgency, Kashmir)", 12),
    "Morgan_Tsvangirai": ("Zimbabwe political violence", 12),
}
# The third sample (heldout-3-part-*.yaml) takes other conflicts again, drawn after the first two
# had been used for development: every article about violence these timelines hold, up to the count.
THIRD_TOPICS = {
    "Mahmoud_Ahmadinejad": ("Iran (bombings, post-election unrest) and its wars abroad", 16),
    "Jacob_Zuma": ("Ivory Coast 2011, Libya 2011, South African mine killings", 10),
    "Dmitry_Medvedev": ("Georgia 2008, North Caucasus, Kyrgyzstan 2010", 10),
    "Hassan_Rouhani": ("Iran and the wars in Iraq and Syria", 8),
    "Hu_Jintao": ("Xinjiang and Tibet unrest", 3),
}
# An article about violence names it several times; profiles and politics pieces rarely do.
_VIOLENCE = re.compile(r"\b(?:killed|killing|dead|died|attacks?|bomb\w*|fighting|troops|rebels|"
                       r"militants|insurgents|soldiers|wounded|clashes|massacre)\b", re.IGNORECASE)
_SHORTEST, _LONGEST, _VIOLENCE_WORDS = 1500, 7000, 6

csv.field_size_limit(1 << 30)


def _rows(repo: Path, entity: str) -> list[list[str]]:
    path = f"Dataset/Entities/{entity}/outputwithpub.csv"
    text = subprocess.run(["git", "--git-dir", str(repo), "show", f"{COMMIT}:{path}"],
                          check=True, capture_output=True, text=True).stdout
    return list(csv.reader(io.StringIO(text)))


def _about_violence(text: str) -> bool:
    return _SHORTEST <= len(text) <= _LONGEST and len(_VIOLENCE.findall(text)) >= _VIOLENCE_WORDS


def _evenly(items: list, count: int, second: bool) -> list:
    """Every k-th item, so the sample spans the whole timeline, not its first years; the second
    sample takes the items halfway between the first's."""
    step = len(items) / count
    first = {int(index * step) for index in range(count)} & set(range(len(items)))
    if not second:
        return [items[pick] for pick in sorted(first)]
    halfway = {int((index + 0.5) * step) for index in range(count)} & set(range(len(items)))
    return [items[pick] for pick in sorted(halfway - first)]


def build(repo: Path, second: bool = False, third: bool = False) -> list[dict]:
    records = []
    for entity, (topic, count) in (THIRD_TOPICS if third else TOPICS).items():
        candidates = [(row_number, row) for row_number, row in enumerate(_rows(repo, entity))
                      if len(row) >= 2 and _about_violence(row[1])]
        if third:  # a timeline may hold one article twice, slightly edited
            openings: set[str] = set()
            candidates = [(row_number, row) for row_number, row in candidates
                          if not (row[1][:300] in openings or openings.add(row[1][:300]))]
        for row_number, (published, text) in _evenly(candidates, count, second):
            records.append({"id": f"entities-{entity}-{row_number}", "title": None,
                            "content": text.replace("\n", "\n\n"), "published": published,
                            "url": None, "source": None, "topic": topic})
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("heldout.jsonl"))
    sample = parser.add_mutually_exclusive_group()
    sample.add_argument("--second", action="store_true", help="the second sample (heldout-2-part-*.yaml)")
    sample.add_argument("--third", action="store_true", help="the third sample (heldout-3-part-*.yaml)")
    arguments = parser.parse_args()
    records = build(arguments.repo, arguments.second, arguments.third)
    arguments.out.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records),
                             encoding="utf-8")
    print(f"{len(records)} articles -> {arguments.out}")


if __name__ == "__main__":
    main()
