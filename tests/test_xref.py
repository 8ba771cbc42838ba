"""Cross-reference rules: event keys, place roll-up, UCDP/ACLED estimates, related briefings."""

import datetime as dt

from generator.models import Dossier, Entity, EntityMention, ExtractedArticle, Figure, Mention, Sentence, Toll
from generator.xref import CrossReference, best_scored

DAY = dt.date(2016, 9, 23)


def _place(key, name, kind, mentions=1, region="Aleppo"):
    return EntityMention(key, name, kind, tuple(Mention(name, 0, 0, len(name)) for _ in range(mentions)),
                         country="Syria", region=region)


def _figure(count, who="people", place=None, qualifier="exact", kind="killed"):
    return Figure(kind, count, qualifier, who, place, None, None, 0, f"{count} {who}")


def _article(article_id, places, figures, published=DAY):
    return ExtractedArticle(
        id=article_id, source_path=f"{article_id}.txt", record=None, content_hash=article_id, title=article_id,
        url=None, publisher=f"Outlet {article_id}", wires=(), published=published, byline=None, event_date=None,
        tags=(), body="x.", paragraphs=("x.",), sentences=(Sentence(0, 0, 0, 2, "x."),), summary="x.",
        word_count=1, actors=(), places=tuple(places), quotes=(), figures=tuple(figures), dates=(),
        headline_toll=Toll())


def _dossier(*articles):
    entities, entity_of = {}, {}
    for article in articles:
        for place in article.places:
            entity_id = place.name.lower()
            entities[entity_id] = Entity(entity_id, "place", place.name, place.kind, (place.name,),
                                         country="Syria", region=place.region)
            entity_of[(article.id, "place", place.key)] = entity_id
    return Dossier(tuple(articles), tuple(sorted(entities.values(), key=lambda e: e.id)), entity_of)


def test_placeless_claims_join_the_main_place_and_disagree():
    a = _article("a", [_place("c", "Aleppo", "city", 3), _place("t", "Town", "town")],
                 [_figure(30, qualifier="more than"), _figure(5, place="t")])
    b = _article("b", [_place("c", "Aleppo", "city")], [_figure(15), _figure(1, who="medic", kind="wounded")])
    xref = CrossReference(_dossier(a, b))
    keys = [e.key for e in xref.events]
    assert keys == ["2016-09-23/aleppo", "2016-09-23/town"]
    aleppo = xref.events[0]
    killed = next(e for e in aleppo.estimates if e.kind == "killed")
    assert (killed.low, killed.best, killed.high, killed.disagreement) == (15, 15, 30, True)
    assert killed.conservative.article.id == "b"
    assert all(c.place_inferred for c in aleppo.claims)
    wounded = next(e for e in aleppo.estimates if e.kind == "wounded")
    assert not wounded.disagreement and not aleppo.disagrees(next(c for c in aleppo.claims if c.figure.who == "medic"))


def test_a_district_rolls_up_to_the_city_of_its_governorate():
    a = _article("a", [_place("c", "Aleppo", "city", 2), _place("d", "Ansari", "district"),
                       _place("h", "Homs", "city", 5, region="Homs")], [_figure(4, place="d")])
    xref = CrossReference(_dossier(a))
    assert [e.key for e in xref.events] == ["2016-09-23/aleppo"]
    assert xref.events[0].claims[0].place_id == "ansari" and not xref.events[0].claims[0].place_inferred
    assert xref.city_of(xref.entities["ansari"]) == "aleppo"


def test_only_totals_are_compared():
    a = _article("a", [_place("c", "Aleppo", "city")], [_figure(20), _figure(3, who="children")])
    event = CrossReference(_dossier(a)).events[0]
    assert not event.disagreements


def test_related_briefings_share_entities_or_the_event():
    a = _article("a", [_place("c", "Aleppo", "city")], [])
    b = _article("b", [_place("c", "Aleppo", "city")], [], published=dt.date(2016, 9, 24))
    c = _article("c", [_place("h", "Homs", "city", region="Homs")], [])
    related = CrossReference(_dossier(a, b, c)).related
    assert [(r.article.id, r.shared, r.same_event) for r in related["a"]] == [("b", ("aleppo",), False)]
    assert related["c"] == ()


def test_best_scored_ranks_by_score_then_key_and_cuts_ties_by_key():
    scores = {"d": 1, "b": 3, "a": 1, "c": 3, "e": 5, "f": 1}
    assert best_scored(scores, 4) == ["e", "b", "c", "a"]
    assert best_scored(scores, 10) == ["e", "b", "c", "a", "d", "f"]
    assert best_scored({}, 8) == []


def test_best_scored_matches_a_full_sort():
    scores = {f"k{n:03}": (n * 7919) % 5 + 1 for n in range(300)}
    expected = sorted(scores, key=lambda key: (-scores[key], key))
    for limit in (1, 8, 59, 60, 61, 299, 300, 301):
        assert best_scored(scores, limit) == expected[:limit]


def test_a_district_named_after_its_town_is_not_a_quarter_of_it():
    a = _article("a", [_place("c", "Lira", "city", 2, region="Northern"), _place("d", "Lira", "district", region="Northern")],
                 [_figure(4, place="d")])
    entities = (Entity("lira-city", "place", "Lira", "city", ("Lira",), country="Uganda", region="Northern"),
                Entity("lira-district", "place", "Lira", "district", ("Lira",), country="Uganda", region="Northern"))
    dossier = Dossier((a,), entities, {("a", "place", "c"): "lira-city", ("a", "place", "d"): "lira-district"})
    xref = CrossReference(dossier)
    assert xref.city_of(xref.entities["lira-district"]) is None
