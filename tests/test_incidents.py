"""Synthesis rules on small realistic fixtures: claim roles, one event per incident across
articles (split and merge), updates and real disagreements (generator.claim_roles, generator.incidents)."""

import datetime as dt

import pytest

from generator.claim_roles import claim_roles
from generator.models import (
    DateMention,
    Dossier,
    Entity,
    EntityMention,
    ExtractedArticle,
    Figure,
    Mention,
    Sentence,
    Toll,
)
from generator.xref import CrossReference

FRIDAY = dt.date(2016, 9, 23)
PLACES = {  # key -> (name, kind, region)
    "aleppo": ("Aleppo", "city", "Aleppo"),
    "aleppo-governorate": ("Aleppo Governorate", "governorate", "Aleppo"),
    "beshkatine": ("Beshkatine", "town", "Aleppo"),
    "al-bab": ("Al-Bab", "town", "Aleppo"),
    "idlib": ("Idlib", "city", "Idlib"),
    "khan-sheikhoun": ("Khan Sheikhoun", "town", "Idlib"),
    "syria": ("Syria", "country", None),
    "moscow": ("Moscow", "city", "Moscow"),
    "middle-east": ("Middle East", "region", None),
    "damascus": ("Damascus", "city", "Damascus"),
    "eastern-ghouta": ("Eastern Ghouta", "area", "Rif Dimashq"),
    "douma": ("Douma", "city", "Rif Dimashq"),
    "jaramana": ("Jaramana", "city", "Rif Dimashq"),
}
COUNTRY_OF = {"moscow": "Russia", "middle-east": None}  # every other place is in Syria


def _figure(count, sentence=0, who="people", place=None, qualifier="exact", kind="killed", source=None, text=None):
    return Figure(kind, count, qualifier, who, place, source, source, sentence, text or f"{count} {who}")


def _article(article_id, sentences, figures, places=(), published=FRIDAY, title=None, publisher=None,
             actors=(), dates=()):
    """An extracted article whose sentences, places and figures are given."""
    body = " ".join(sentences)
    spans, start = [], 0
    for index, text in enumerate(sentences):
        spans.append(Sentence(index, 0, start, start + len(text), text))
        start += len(text) + 1
    locals_ = tuple(EntityMention(key, PLACES[key][0], PLACES[key][1], (_mention(body, PLACES[key][0]),) * weight,
                                  country=COUNTRY_OF.get(key, "Syria"), region=PLACES[key][2])
                    for key, weight in places)
    claimants = tuple(EntityMention(name, name, "organization", (Mention(name, 0, 0, 1),)) for name in actors)
    return ExtractedArticle(
        id=article_id, source_path=f"{article_id}.txt", record=None, content_hash=article_id,
        title=title or sentences[0], url=None, publisher=publisher or f"Outlet {article_id}", wires=(),
        published=published, byline=None, event_date=None, tags=(), body=body, paragraphs=(body,),
        sentences=tuple(spans), summary=sentences[0], word_count=len(body.split()), actors=claimants,
        places=locals_, quotes=(), figures=tuple(figures), dates=tuple(dates), headline_toll=Toll())


def _mention(body, name):
    """A mention where the body names the place first (at 0 where it does not)."""
    start = max(body.find(name), 0)
    return Mention(name, 0, start, start + len(name))


def _xref(*articles):
    entities, entity_of = {}, {}
    for article in articles:
        for place in article.places:
            name, kind, region = PLACES[place.key]
            entities[place.key] = Entity(place.key, "place", name, kind, (name,),
                                         country=name if kind == "country" else COUNTRY_OF.get(place.key, "Syria"),
                                         region=region)
            entity_of[(article.id, "place", place.key)] = place.key
        for actor in article.actors:
            entities[actor.key.lower()] = Entity(actor.key.lower(), "actor", actor.name, "organization", (actor.name,))
            entity_of[(article.id, "actor", actor.key)] = actor.key.lower()
    ordered = sorted(articles, key=lambda a: (a.published or dt.date.min, a.id))
    return CrossReference(Dossier(tuple(ordered), tuple(sorted(entities.values(), key=lambda e: e.id)), entity_of))


def _event_articles(xref):
    return sorted(tuple(sorted({c.article.id for c in e.claims})) for e in xref.events)


# -- roles -------------------------------------------------------------------------------------

def test_roles_read_parts_updates_and_background_from_the_sentence():
    sentences = [
        "Air strikes killed 30 people including 10 children in Aleppo on Friday.",
        "The death toll later rose to 45 people, the monitor said.",
        "Last week a car bomb killed 20 people in the same district.",
        "The war which began in 2011 has killed more than 280000 people.",
        "In one of the raids 7 people died.",
    ]
    article = _article("a", sentences, [
        _figure(30, 0, text="killed 30 people"), _figure(10, 0, who="children", text="10 children"),
        _figure(45, 1, text="45 people"), _figure(20, 2, text="killed 20 people"),
        _figure(280000, 3, qualifier="more than", text="killed more than 280000 people"),
        _figure(7, 4, text="7 people died")])
    assert claim_roles(article) == ("total", "partial", "update", "background", "background", "partial")


def test_war_tallies_are_background_and_a_war_named_in_passing_is_not():
    sentences = [
        "The Observatory, which monitors Syrias five-year conflict, said 26 civilians were killed.",
        "More than 146000 people have died in Syrias three-year war.",
        "The network said 12679 people died of torture from March 2011 to June 2016.",
        "An estimated 15000 people were killed.",
    ]
    article = _article("a", sentences, [
        _figure(26, 0, who="civilians", text="26 civilians were killed"),
        _figure(146000, 1, qualifier="more than", text="More than 146000 people have died"),
        _figure(12679, 2, text="12679 people died"), _figure(15000, 3, qualifier="about", text="15000 people")],
        published=dt.date(2016, 6, 27))
    assert claim_roles(article) == ("total", "background", "background", "background")


@pytest.mark.parametrize("tally", [
    "The committee has documented the deaths of 861 journalists over the past two decades.",
    "The latest raids took to 89 the number of civilians killed in the past seven days.",
    "Seven days of air strikes had left 89 civilians dead.",
])
def test_a_count_over_days_weeks_or_decades_is_background(tally):
    article = _article("a", ["Two photographers were killed in Misrata on Wednesday.", tally],
                       [_figure(2, 0, text="Two photographers were killed"), _figure(89, 1, text="89")])
    assert claim_roles(article) == ("total", "background")


def test_a_days_toll_is_no_tally():
    article = _article("a", ["Strikes killed 20 people in the past 24 hours, the monitor said."], [_figure(20, 0)])
    assert claim_roles(article) == ("total",)


@pytest.mark.parametrize(("sentence", "role"), [
    ("In June, a suicide bombing in Gwoza killed 32 people.", "background"),
    ("Before Monday, the hostilities had killed around 32 people.", "background"),
    ("In September, an attack killed 32 people.", "total"),  # the month of the article's event
    ("Niger declared three days of national mourning after an attack killed 32 people.", "total"),
])
def test_a_month_named_alone_or_a_day_before_is_earlier_and_days_of_mourning_are_no_tally(sentence, role):
    article = _article("a", [sentence], [_figure(32, 0, text="killed 32 people")])
    assert claim_roles(article) == (role,)


def test_counts_far_from_the_headline_toll_are_parts_or_other_events():
    sentences = [
        "A car bomb killed 112 people at Rashidin.",
        "Two people were killed in a nearby village.",
        "The toll rose to 126.",
        "Washington accused the regime of that attack, which it estimates killed 1429 people.",
    ]
    article = _article("a", sentences, [_figure(112, text="killed 112 people"), _figure(2, 1, text="Two people"),
                                         _figure(126, 2, text="126"), _figure(1429, 3, text="killed 1429 people")])
    article = ExtractedArticle(**{**article.__dict__, "headline_toll": Toll(killed=112)})
    assert claim_roles(article) == ("total", "partial", "update", "background")


def test_a_group_is_a_total_unless_the_article_counts_everyone():
    alone = _article("a", ["US-led strikes killed 35 jihadists overnight."], [_figure(35, who="jihadists")])
    assert claim_roles(alone) == ("total",)
    with_total = _article("b", ["Shelling killed 12 people.", "Five soldiers were among the dead."],
                          [_figure(12), _figure(5, 1, who="soldiers")])
    assert claim_roles(with_total) == ("total", "partial")


def test_a_date_two_days_before_the_report_makes_a_claim_background():
    article = _article("a", ["On Tuesday a blast killed 9 people in Aleppo.", "Today strikes killed 4 people."],
                       [_figure(9, 0, text="killed 9 people"), _figure(4, 1, text="killed 4 people")],
                       dates=(DateMention(FRIDAY - dt.timedelta(days=3), "On Tuesday", 0, True),))
    assert claim_roles(article) == ("background", "total")


def test_a_figure_of_that_attack_is_background_when_the_sentence_before_dates_it_earlier():
    """No headline toll to compare with (the story counts no dead of its own): "that attack"
    points back to the 2013 attack of the sentence before."""
    sentences = ["A helicopter dropped containers of toxic gas on the town overnight, rescuers said.",
                 "UN investigators established that sarin gas was used in Eastern Ghouta in 2013.",
                 "The United States accused Damascus of that attack which it estimates killed 1429 people.",
                 "Rescuers said that attack killed 3 people."]
    earlier = _article("a", sentences[:3], [_figure(1429, 2, text="killed 1429 people")],
                       published=dt.date(2016, 8, 1))
    assert claim_roles(earlier) == ("background",)
    today = _article("b", [sentences[0], sentences[3]], [_figure(3, 1, text="killed 3 people")],
                     published=dt.date(2016, 8, 1))
    assert claim_roles(today) == ("total",)


def test_a_figure_after_a_day_after_counts_the_earlier_event():
    sentences = ["Rebel rockets killed 6 children at a school in Aleppo on Thursday, "
                 "just a day after air strikes on a school in Idlib left 35 people dead.",
                 "Two days after the attack, the toll rose to 8."]
    article = _article("a", sentences, [_figure(6, text="6 children"), _figure(35, text="35 people"),
                                         _figure(8, 1, text="8")])
    assert claim_roles(article) == ("total", "background", "update")


# -- one event per incident --------------------------------------------------------------------

def test_a_next_day_report_joins_and_a_report_three_days_later_does_not():
    first = _article("a", ["Air strikes on Aleppo killed 30 people."], [_figure(30)], [("aleppo", 1)])
    next_day = _article("b", ["Air strikes on Aleppo killed 32 people."], [_figure(32)], [("aleppo", 1)],
                        published=FRIDAY + dt.timedelta(days=1))
    later = _article("c", ["Air strikes on Aleppo killed 8 people."], [_figure(8)], [("aleppo", 1)],
                     published=FRIDAY + dt.timedelta(days=3))
    assert _event_articles(_xref(first, next_day, later)) == [("a", "b"), ("c",)]


def test_places_that_nest_join_and_two_towns_of_one_governorate_stay_apart():
    city = _article("a", ["Air strikes killed 30 people in Aleppo."], [_figure(30, place="aleppo")], [("aleppo", 2)])
    province = _article("b", ["Raids killed 28 people in Aleppo province."], [_figure(28, place="aleppo-governorate")],
                        [("aleppo-governorate", 1)])
    town = _article("c", ["A raid killed 12 people in Beshkatine."], [_figure(12, place="beshkatine")],
                    [("beshkatine", 1)])
    other_town = _article("d", ["A raid killed 6 people in Al-Bab."], [_figure(6, place="al-bab")], [("al-bab", 1)])
    assert _event_articles(_xref(city, province, town, other_town)) == [("a", "b"), ("c",), ("d",)]


def test_places_named_by_both_reports_join_on_the_same_words():
    town = _article("a", ["A sarin gas attack on Khan Sheikhoun killed 58 people, hospitals in Idlib said."],
                    [_figure(58, place="khan-sheikhoun")], [("khan-sheikhoun", 2), ("idlib", 1)])
    city = _article("b", ["A sarin gas attack in Idlib killed 72 people, most of them in Khan Sheikhoun."],
                    [_figure(72, place="idlib")], [("idlib", 2), ("khan-sheikhoun", 1)])
    not_naming_the_town = _article("c", ["Barrel bombs hit a market in Idlib, killing 9 people."],
                                   [_figure(9, place="idlib")], [("idlib", 1)])
    assert _event_articles(_xref(town, city, not_naming_the_town)) == [("a", "b"), ("c",)]


def test_a_place_on_a_citys_edge_joins_a_report_on_the_citys_outskirts():
    suburb = _article("a", ["A gas attack on Eastern Ghouta, on the outskirts of Damascus, killed 300 people."],
                      [_figure(300, place="eastern-ghouta")], [("eastern-ghouta", 2), ("damascus", 1)])
    city = _article("b", ["A gas attack on the outskirts of Damascus killed 355 people."],
                    [_figure(355, place="damascus")], [("damascus", 1)])
    assert _event_articles(_xref(suburb, city)) == [("a", "b")]


@pytest.mark.parametrize("sentence", [
    "Shelling of Douma, a rebel-held suburb of Damascus, killed 9 people.",
    "Shelling of the Damascus suburb of Douma killed 9 people.",
    "Shelling of Douma, on the outskirts of Damascus, killed 9 people.",
])
def test_the_wordings_of_a_suburb_put_it_on_the_citys_edge_but_two_suburbs_stay_apart(sentence):
    suburb = _article("a", [sentence], [_figure(9, place="douma")], [("douma", 2), ("damascus", 1)])
    city = _article("b", ["Shelling killed 11 people in the suburbs of Damascus."], [_figure(11, place="damascus")],
                    [("damascus", 1)])
    other_suburb = _article("c", ["Shelling of the Damascus suburb of Jaramana killed 4 people."],
                            [_figure(4, place="jaramana")], [("jaramana", 1), ("damascus", 1)])
    assert _event_articles(_xref(suburb, city, other_suburb)) == [("a", "b"), ("c",)]
    assert _event_articles(_xref(suburb, other_suburb)) == [("a",), ("c",)]


def test_a_suburb_stays_apart_from_a_report_on_the_city_itself():
    suburb = _article("a", ["Air strikes on Douma, a suburb of Damascus, killed 45 people."],
                      [_figure(45, place="douma")], [("douma", 2), ("damascus", 1)])
    city = _article("b", ["Rebel rockets killed 3 people in Damascus."], [_figure(3, place="damascus")],
                    [("damascus", 1)])
    assert _event_articles(_xref(suburb, city)) == [("a",), ("b",)]


def test_one_article_naming_two_towns_reports_two_incidents():
    article = _article("a", ["The monitor reported 12 deaths in a raid on Beshkatine and 11 killed in Al-Bab."],
                       [_figure(12, place="beshkatine"), _figure(11, place="al-bab")],
                       [("beshkatine", 1), ("al-bab", 1)])
    xref = _xref(article)
    assert [e.key for e in xref.events] == ["2016-09-23/al-bab", "2016-09-23/beshkatine"]


def test_different_kinds_of_attack_on_one_day_in_one_city_stay_apart():
    car_bomb = _article("a", ["A car bomb exploded at a market in Idlib, killing 14 people."], [_figure(14)],
                        [("idlib", 1)])
    air_raid = _article("b", ["Warplanes hit a hospital in the north of the province, killing 9."], [_figure(9)],
                        [("idlib", 1)])
    xref = _xref(car_bomb, air_raid)
    assert _event_articles(xref) == [("a",), ("b",)]
    assert sorted((e.key, e.sequence) for e in xref.events) == [("2016-09-23/idlib", 1), ("2016-09-23/idlib-2", 2)]


def test_air_strikes_and_shelling_are_one_kind_of_attack():
    """Outlets call one bombardment by both names; a car bomb stays another incident."""
    raids = _article("a", ["Warplanes pounded Aleppo, killing 30 people."], [_figure(30)], [("aleppo", 1)])
    shelling = _article("b", ["Regime shelling of Aleppo killed 28 people."], [_figure(28)], [("aleppo", 1)])
    car_bomb = _article("c", ["A car bomb exploded at a market: 5 dead."], [_figure(5)], [("aleppo", 1)])
    assert _event_articles(_xref(raids, shelling, car_bomb)) == [("a", "b"), ("c",)]


def test_a_claim_without_a_place_is_placed_in_the_articles_main_country():
    """A story about Syria that names Moscow once and no Syrian town: the toll is Syria's."""
    article = _article("a", ["Putin spoke in Moscow of the gas attack in Syria.", "It killed 1400 people in Syria."],
                       [_figure(1400, 1)], [("moscow", 1), ("syria", 3)])
    assert [e.key for e in _xref(article).events] == ["2016-09-23/syria"]


def test_the_main_place_is_in_the_most_named_governorate():
    """A town named three times in one governorate is where the story happened, not a city of
    another named once for its distance ("60 km from Idlib")."""
    article = _article("a", ["Shelling of Beshkatine, 60 km from Idlib, killed 31 people.",
                             "Beshkatine had a truce.", "Medics in Beshkatine were among the dead."],
                       [_figure(31)], [("beshkatine", 3), ("idlib", 1)])
    assert [e.key for e in _xref(article).events] == ["2016-09-23/beshkatine"]


def test_a_count_stated_again_at_a_town_is_placed_there():
    """ "72 killed in a gas attack in Syria", then "72 died in Beshkatine": one figure, at the town;
    small counts recur by chance ("2 killed" here and there) and stay where they are."""
    article = _article("a", ["A gas attack in Syria killed 72 people, activists in Idlib said.",
                             "Idlib medics said the 72 people died in Beshkatine.", "Idlib was calm."],
                       [_figure(72, 0, place="syria"), _figure(72, 1, place="beshkatine")],
                       [("idlib", 4), ("beshkatine", 1), ("syria", 1)])
    assert [e.key for e in _xref(article).events] == ["2016-09-23/beshkatine"]
    small = _article("b", ["Shelling killed 2 people in Idlib.", "2 people died in Beshkatine."],
                     [_figure(2, 0, place="idlib"), _figure(2, 1, place="beshkatine")],
                     [("idlib", 2), ("beshkatine", 1)])
    assert [e.key for e in _xref(small).events] == ["2016-09-23/beshkatine", "2016-09-23/idlib"]


def test_a_region_beyond_countries_is_no_main_place():
    """ "The Middle East" says no more than the country: the toll is Syria's, like any other."""
    article = _article("a", ["The gas attack shook the Middle East.", "It killed 300 people, the Middle East's monitors said."],
                       [_figure(300, 1)], [("middle-east", 3), ("syria", 1)])
    assert [e.key for e in _xref(article).events] == ["2016-09-23/syria"]


def test_a_title_naming_another_attack_does_not_split_an_incident():
    chemical = _article("a", ["A chemical attack near Damascus killed 1300 people."], [_figure(1300)],
                        [("aleppo", 1)])
    factbox = _article("b", ["Washington says the attack killed 1400 people."], [_figure(1400)], [("aleppo", 1)],
                       title="Congress debates plan for Syria strikes")
    assert _event_articles(_xref(chemical, factbox)) == [("a", "b")]


def test_a_country_level_report_joins_only_on_the_same_words():
    placed = _article("a", ["A suicide bomber hit evacuee buses at Rashidin in Aleppo, killing 112 people."],
                      [_figure(112)], [("aleppo", 1)])
    similar = _article("b", ["Suicide bomber hits evacuee buses at Rashidin: 100 people killed in Syria."],
                       [_figure(100, place="syria")], [("syria", 1)])
    unrelated = _article("c", ["Shelling of a market in Syria killed 5 people."], [_figure(5, place="syria")],
                         [("syria", 1)])
    assert _event_articles(_xref(placed, similar, unrelated)) == [("a", "b"), ("c",)]


def test_an_undated_report_joins_only_a_shared_place_and_the_same_words():
    dated = _article("a", ["A suicide bomber hit evacuee buses at Rashidin in Aleppo, killing 112 people."],
                     [_figure(112)], [("aleppo", 1)])
    undated_same = _article("b", ["Suicide bomber hits evacuee buses at Rashidin in Aleppo, 43 killed."],
                            [_figure(43)], [("aleppo", 1)], published=None)
    undated_other = _article("c", ["Rebel rockets killed 3 people in a western district of Aleppo."],
                             [_figure(3)], [("aleppo", 1)], published=None)
    assert _event_articles(_xref(dated, undated_same, undated_other)) == [("a", "b"), ("c",)]


def test_events_do_not_depend_on_the_order_of_the_articles():
    articles = [_article(name, [f"Air strikes on Aleppo killed {count} people."], [_figure(count)], [("aleppo", 1)],
                         published=FRIDAY + dt.timedelta(days=day))
                for name, count, day in (("a", 30, 0), ("b", 31, 1), ("c", 9, 3), ("d", 10, 4))]
    forward, backward = _xref(*articles), _xref(*reversed(articles))
    assert [(e.key, _ids(e)) for e in forward.events] == [(e.key, _ids(e)) for e in backward.events]


def _ids(event):
    return tuple(sorted((c.article.id, c.index) for c in event.claims))


# -- updates and disagreements -----------------------------------------------------------------

def test_a_claimant_updating_its_toll_is_an_update_not_a_disagreement():
    day_one = _article("a", ["The Observatory said strikes on Aleppo killed 15 people."],
                       [_figure(15, source="Observatory")], [("aleppo", 1)], actors=("Observatory",))
    day_two = _article("b", ["The Observatory said strikes on Aleppo killed 29 people."],
                       [_figure(29, source="Observatory")], [("aleppo", 1)], actors=("Observatory",),
                       published=FRIDAY + dt.timedelta(days=1))
    (event,) = _xref(day_one, day_two).events
    (killed,) = event.estimates
    assert not killed.disagreement and (killed.low, killed.high) == (29, 29)
    assert [[c.figure.count for c in chain] for chain in event.updates] == [[15, 29]]


def test_a_claimants_toll_over_time_shows_a_days_reports_smaller_first():
    late_wire = _article("a", ["The Observatory said a blast near Aleppo killed 100 people."],
                         [_figure(100, source="Observatory")], [("aleppo", 1)], actors=("Observatory",))
    early_wire = _article("z", ["The Observatory counted 24 dead in the blast near Aleppo."],
                          [_figure(24, source="Observatory")], [("aleppo", 1)], actors=("Observatory",))
    next_day = _article("b", ["The Observatory said the blast near Aleppo killed 112 people."],
                        [_figure(112, source="Observatory")], [("aleppo", 1)], actors=("Observatory",),
                        published=FRIDAY + dt.timedelta(days=1))
    (event,) = _xref(late_wire, early_wire, next_day).events
    assert [[c.figure.count for c in chain] for chain in event.updates] == [[24, 100, 112]]


def test_one_claimant_on_one_day_in_two_reports_disagrees_but_not_within_one_article():
    first = _article("a", ["The Observatory said raids on Aleppo killed 15 people."],
                     [_figure(15, source="Observatory")], [("aleppo", 1)], actors=("Observatory",))
    second = _article("b", ["The Observatory said raids on Aleppo killed 29 people."],
                      [_figure(29, source="Observatory")], [("aleppo", 1)], actors=("Observatory",))
    (event,) = _xref(first, second).events
    assert event.disagreements
    one_article = _article("c", ["Raids on Aleppo killed 15 people.", "In all the raids on Aleppo killed 29 people."],
                           [_figure(15), _figure(29, 1)], [("aleppo", 1)])
    (alone,) = _xref(one_article).events
    assert not alone.disagreements


def test_counts_that_can_both_be_true_do_not_disagree():
    at_least = _article("a", ["Raids on Aleppo killed at least 112 people."], [_figure(112, qualifier="at least")],
                        [("aleppo", 1)])
    exact = _article("b", ["Raids on Aleppo killed 126 people."], [_figure(126)], [("aleppo", 1)])
    more_than = _article("c", ["Raids on Aleppo killed more than 30 people."], [_figure(30, qualifier="more than")],
                         [("aleppo", 1)])
    nearly = _article("d", ["Raids on Aleppo killed nearly 30 people."], [_figure(30, qualifier="nearly")],
                      [("aleppo", 1)])
    assert not _xref(at_least, exact).events[0].disagreements
    assert _xref(more_than, nearly).events[0].disagreements
