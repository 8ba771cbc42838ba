"""Bounded work per article (issue 16): every extractor on pathological text of 200 KB, and
random hostile articles through the whole extraction, each within a time budget.

The budgets are ten times what the code needs on a slow CI core; work that grows with the
square of the text (an overlap check scanning every earlier match, a regex backtracking over a
run of one character, a quote resolver scanning every mention) takes minutes at these sizes.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract.article import extract_article
from generator.ingest import ingest
from generator.knowledge import load_knowledge_base

SIZE = 200_000
BUDGET_SECONDS = 5.0
# The shapes that made extraction quadratic or backtrack, each repeated to SIZE characters.
PATHOLOGICAL = {
    "hyphens": "-",
    "dots": ".",
    "exclamations": "!",
    "dates": "On 12 March 2016 and 13 March 2016, ",
    "unbalanced quotes": '"He said ',
    "nested quotes": "\"a 'b ",
    "zero-width spaces": "\u200b",
    "casualty phrases": "12 people killed 13 people wounded ",
    "comma lists": "killed 3, ",
    "capitalised names": "Al Abu Bin Ahmed Mohammed ",
    "particles": "al-",
    "byline": "By " + "-" * 40 + " ",
    "weekdays": "on Monday, on Tuesday, last Friday ",
    "numbers": "1,234,567 ",
    "one sentence again and again": "Rebels said 12 people were killed in Aleppo on Friday, the Observatory said. ",
    "captions": "Image: A man walks past a destroyed building in the old city of Aleppo. (Reuters)\n\n",
    "a name placed again and again": "Residents of Mary Ann Smith fled to Mary Ann Smith. ",
}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(None)


def _extract(tmp_path: Path, text: str, kb) -> float:
    """Seconds to ingest and extract `text` as one article."""
    path = tmp_path / "article.txt"
    path.write_text("Title of the article\n\n" + text, encoding="utf-8")
    started = time.perf_counter()
    for raw in ingest([path], base=tmp_path).articles:
        extract_article(raw, kb)
    return time.perf_counter() - started


# Runs inside one sentence: a line of only dots is dropped as furniture before any extractor.
INSIDE_A_SENTENCE = {"dots": ".", "exclamations": "!", "ellipses": "…", "question marks": "?"}


@pytest.mark.parametrize("name", sorted(INSIDE_A_SENTENCE))
def test_a_run_of_end_marks_inside_a_sentence_is_split_in_linear_time(tmp_path: Path, kb, name: str) -> None:
    text = "Hello" + INSIDE_A_SENTENCE[name] * SIZE + "x. Rebels said 12 people were killed in Aleppo."
    seconds = _extract(tmp_path, text, kb)
    assert seconds < BUDGET_SECONDS, f"{name}: {seconds:.1f} s"


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_text_of_200_kb_is_extracted_within_budget(tmp_path: Path, kb, name: str) -> None:
    unit = PATHOLOGICAL[name]
    seconds = _extract(tmp_path, unit * (SIZE // len(unit)), kb)
    assert seconds < BUDGET_SECONDS, f"{name}: {seconds:.1f} s"


HOSTILE_PIECES = st.sampled_from([
    " ", ".", ",", "\n", "\n\n", '"', "'", "“", "”", "-", "—", "!", "?", ":", ";", "(", ")", "\u200b", "\u202e",
    "killed", "wounded", "people", "said", "the Observatory", "Aleppo", "Al", "bin", "He", "she",
    "on Friday", "last week", "12", "1,200", "dozens", "at least", "more than", "2016", "March",
    "<script>", "{{", "}}", "[x](y)", "!!! note", "|", "#", "*", "`",
])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(HOSTILE_PIECES, min_size=1, max_size=3000), repeat=st.integers(min_value=1, max_value=20))
def test_random_hostile_articles_extract_within_a_budget_per_kilobyte(tmp_path: Path, kb, pieces, repeat) -> None:
    text = "".join(pieces) * repeat
    seconds = _extract(tmp_path, text, kb)
    assert seconds < 0.5 + len(text) / 1000 * 0.05, f"{len(text)} characters took {seconds:.1f} s"
