"""The real pipeline (ingest + extract + resolve) on both seeds against a hand annotation.

tests/fixtures/seed_annotations.yaml says what an analyst would list and why; here actors and
places are scored per category: precision over what the tool lists (optional entities neither
help nor hurt), recall over what the annotation requires.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.build import analyse
from generator.knowledge import load_knowledge_base

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
ANNOTATIONS = Path(__file__).resolve().parent / "fixtures" / "seed_annotations.yaml"
MIN_PRECISION = MIN_RECALL = 0.9
_CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)


def normalized(name: str) -> str:
    """Case, accents, a leading "the", hyphens and curly apostrophes do not make another name
    ("Junín" is "Junin", as the gazetteer's ASCII display writes it)."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))
    text = plain.lower().replace("’", "'").replace("-", " ")
    return re.sub(r"^the\s+", "", " ".join(text.split()))


@dataclass(frozen=True)
class Annotated:
    name: str
    kind: str
    keys: frozenset[str]
    required: bool
    country: str | None = None  # places: the country the annotation puts it in


def _annotated(data: dict, category: str) -> list[Annotated]:
    """The annotation's entities of one category (bench/eval_conflicts.py reads its own with this too)."""
    entries = [(entry, True) for entry in data.get(f"{category}s") or []]
    entries += [(entry, False) for entry in data.get(f"{category}s_optional") or []]
    return [
        Annotated(entry["name"], entry.get("kind", ""), frozenset(map(normalized, [entry["name"], *(entry.get("aliases") or [])])),
                  required, entry.get("country"))
        for entry, required in entries
    ]


def _match(entity, annotated: list[Annotated]) -> Annotated | None:
    """The annotated entity named by the entity's name, else by one of its aliases."""
    for names in ([entity.name], entity.aliases):
        for annotation in annotated:
            if any(normalized(name) in annotation.keys for name in names):
                return annotation
    return None


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    unmatched: tuple[str, ...]  # listed by the tool, not annotated
    missed: tuple[str, ...]  # annotated as required, not listed
    matches: tuple[tuple[object, Annotated], ...]


def score(entities, annotated: list[Annotated]) -> Score:
    matches = [(entity, _match(entity, annotated)) for entity in entities]
    judged = [(entity, found) for entity, found in matches if found is None or found.required]
    found_required = {found.name for _, found in judged if found is not None}
    required = [a for a in annotated if a.required]
    return Score(
        precision=sum(found is not None for _, found in judged) / len(judged) if judged else 1.0,
        recall=len(found_required) / len(required),
        unmatched=tuple(entity.name for entity, found in judged if found is None),
        missed=tuple(a.name for a in required if a.name not in found_required),
        matches=tuple((entity, found) for entity, found in matches if found is not None),
    )


@pytest.fixture(scope="module")
def annotation() -> dict:
    return yaml.safe_load(ANNOTATIONS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dossier():
    return analyse([SEEDS], SEEDS, load_knowledge_base()).dossier


def _entities(dossier, category: str):
    return [entity for entity in dossier.entities if entity.category == category]


@pytest.mark.parametrize("category", ["actor", "place"])
def test_precision_and_recall_against_the_hand_annotation(dossier, annotation, category):
    result = score(_entities(dossier, category), _annotated(annotation, category))
    assert result.precision >= MIN_PRECISION, f"not annotated: {result.unmatched}"
    assert result.recall >= MIN_RECALL, f"missed: {result.missed}"


@pytest.mark.parametrize("category", ["actor", "place"])
def test_no_real_world_entity_under_two_ids(dossier, annotation, category):
    ids_of: dict[str, list[str]] = {}
    for entity, found in score(_entities(dossier, category), _annotated(annotation, category)).matches:
        ids_of.setdefault(found.name, []).append(entity.id)
    assert {name: ids for name, ids in ids_of.items() if len(ids) > 1} == {}


def test_actor_kinds_agree_with_the_annotation(dossier, annotation):
    matches = score(_entities(dossier, "actor"), _annotated(annotation, "actor")).matches
    assert [(entity.name, entity.kind, found.kind) for entity, found in matches if entity.kind != found.kind] == []


def test_no_calendar_word_caption_word_or_headline_fragment_is_an_entity(dossier, annotation):
    forbidden = _CALENDAR_WORDS | {normalized(word) for word in annotation["never_entities"]}
    names = {normalized(name) for entity in dossier.entities for name in (entity.name, *entity.aliases)}
    assert names & forbidden == set()


def test_score_counts_optional_entities_neither_way():
    """The scorer itself: an optional match is no error and no requirement; an unknown one is an error."""

    @dataclass(frozen=True)
    class Listed:
        name: str
        aliases: tuple[str, ...] = ()

    annotated = [
        Annotated("Aleppo", "city", frozenset({"aleppo", "east aleppo"}), True),
        Annotated("Geneva", "city", frozenset({"geneva"}), True),
        Annotated("Russia", "country", frozenset({"russia"}), False),
    ]
    result = score([Listed("East Aleppo"), Listed("Russia"), Listed("Kerry Laments")], annotated)
    assert (result.precision, result.recall) == (0.5, 0.5)
    assert (result.unmatched, result.missed) == (("Kerry Laments",), ("Geneva",))


def test_the_scorer_compares_names_without_case_accents_or_a_leading_the():
    assert normalized("Junín") == normalized("junin") == normalized("The Junin")
