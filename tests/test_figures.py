"""Casualty figures and the headline toll: the seed articles and the rules behind them."""

from __future__ import annotations

import datetime as dt


import pytest

from generator.extract.figures import find_figures, headline_toll
from generator.text import split_sentences
from generator.models import EntityMention, Figure, Mention, Toll



def figures_of(body: str, actors=(), places=()) -> tuple[Figure, ...]:
    return find_figures(body, split_sentences(body), actors, places)


def entity(body: str, key: str, surface: str, kind: str) -> EntityMention:
    """An entity with a mention at every occurrence of `surface` (as actors/places would give)."""
    sentences = split_sentences(body)
    mentions, start = [], body.find(surface)
    while start >= 0:
        index = next(s.index for s in sentences if s.start <= start < s.end)
        mentions.append(Mention(surface, index, start, start + len(surface)))
        start = body.find(surface, start + 1)
    return EntityMention(key=key, name=key, kind=kind, mentions=tuple(mentions))


def summary(figures) -> list[tuple[str, int, str, str]]:
    return [(f.kind, f.count, f.qualifier, f.who) for f in figures]


def test_seed_000_figures(seed_000):
    assert summary(figures_of(seed_000)) == [
        ("killed", 30, "more than", "people"),
        ("killed", 15, "exact", "people"),
        ("wounded", 1, "exact", "medic"),
        ("killed", 12, "dozens", "soldiers"),
    ]


def test_seed_000_background_numbers_are_not_figures(seed_000):
    counts = {f.count for f in figures_of(seed_000)}
    assert not counts & {250_000, 25, 20}


def test_seed_000_claimants(seed_000):
    actors = (
        entity(seed_000, "White Helmets", "The White Helmets", "organization"),
        entity(seed_000, "Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", "organization"),
        entity(seed_000, "Save the Children", "Save the Children", "organization"),
    )
    by_count = {f.count: f for f in figures_of(seed_000, actors=actors)}
    assert (by_count[30].source, by_count[30].source_text) == ("White Helmets", "The White Helmets")
    assert by_count[15].source == "Syrian Observatory for Human Rights"
    assert by_count[1].source == "Save the Children"


def test_seed_000_headline_toll(seed_000):
    figures = figures_of(seed_000)
    assert headline_toll(figures, split_sentences(seed_000)) == Toll(killed=30, wounded=None)
    assert figures[0].qualifier == "more than"


def test_seed_004_figures(seed_004):
    assert summary(figures_of(seed_004)) == [
        ("killed", 30, "nearly", "civilians"),
        ("wounded", 12, "dozens", "people"),
        ("killed", 12, "exact", "people"),
        ("killed", 11, "exact", "people"),
    ]


def test_seed_004_background_numbers_are_not_figures(seed_004):
    counts = {f.count for f in figures_of(seed_004)}
    assert not counts & {300_000, 250_000}


def test_seed_004_places_and_claimant(seed_004):
    places = tuple(
        entity(seed_004, key, key, kind)
        for key, kind in (("Aleppo", "city"), ("Beshkatine", "town"), ("Al-Bal", "town"))
    )
    actors = (entity(seed_004, "Syrian Observatory for Human Rights", "Observatory", "organization"),)
    figures = figures_of(seed_004, actors=actors, places=places)
    assert [(f.count, f.place) for f in figures if f.sentence == figures[-1].sentence] == [
        (12, "Beshkatine"),
        (11, "Al-Bal"),
    ]
    assert figures[0].source_text == "Observatory"
    assert figures[0].source == "Syrian Observatory for Human Rights"


def test_seed_004_headline_toll(seed_004):
    assert headline_toll(figures_of(seed_004), split_sentences(seed_004)) == Toll(killed=30, wounded=12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five people were killed in the strike.", ("killed", 5, "exact", "people")),
        ("The raid killed 1,200 people.", ("killed", 1200, "exact", "people")),
        ("Twenty-five civilians died on Monday.", ("killed", 25, "exact", "civilians")),
        ("The blast left at least 40 dead and 70 wounded.", ("killed", 40, "at least", "people")),
        ("Rockets killed a dozen soldiers.", ("killed", 12, "about", "soldiers")),
        ("An assault that killed two dozen people.", ("killed", 24, "about", "people")),
        ("Insurgents beheaded 11 people in the village.", ("killed", 11, "exact", "people")),
        ("Nine tourists were killed when shells hit a resort.", ("killed", 9, "exact", "tourists")),
        ("Six Naxals were killed in an encounter.", ("killed", 6, "exact", "naxals")),
        ("Hundreds of people were killed.", ("killed", 100, "hundreds", "people")),
        ("Tens of civilians were injured.", ("wounded", 10, "tens", "civilians")),
        ("Scores of fighters died.", ("killed", 20, "scores", "fighters")),
        ("Shelling killed several rebels.", ("killed", 3, "several", "rebels")),
        ("Three people are missing after the raid.", ("missing", 3, "exact", "people")),
        ("Up to 50 people may have been hurt.", ("wounded", 50, "up to", "people")),
        ("The death toll rose to 76 on Sunday.", ("killed", 76, "exact", "people")),
        ("The strike caused the deaths of 9 children.", ("killed", 9, "exact", "children")),
        ("The army said 40 militants were killed.", ("killed", 40, "exact", "militants")),
        ("Some 20 civilians were killed.", ("killed", 20, "about", "civilians")),
        ("Almost 100 people have died.", ("killed", 100, "nearly", "people")),
        ("Seven civilians were martyred in the attack.", ("killed", 7, "exact", "civilians")),
        ("The shelling claimed the lives of 8 persons.", ("killed", 8, "exact", "people")),
        ("A bomb killed six Nusra Front fighters.", ("killed", 6, "exact", "fighters")),
        ("Sixteen civilians - including three children - were killed.", ("killed", 16, "exact", "civilians")),
        ("Twelve Yemenis were killed in the raid.", ("killed", 12, "exact", "yemenis")),  # any nationality
        ("Five Alawites died in the attack.", ("killed", 5, "exact", "alawites")),
    ],
)
def test_patterns(text, expected):
    assert summary(figures_of(text))[0] == expected


def test_killed_and_wounded_in_one_sentence():
    text = "6 civilians including a woman and two children were killed and 12 other civilians were injured."
    assert summary(figures_of(text)) == [("killed", 6, "exact", "civilians"), ("wounded", 12, "exact", "civilians")]


def test_sentences_without_commas_keep_subject_and_object_apart():
    """Scraped text loses commas: '8 persons killed 58 others injured' is two figures."""
    assert summary(figures_of("8 persons killed 58 others injured in rocket attacks.")) == [
        ("killed", 8, "exact", "people"),
        ("wounded", 58, "exact", "people"),
    ]


def test_coordinated_groups_are_separate_figures():
    text = "Regime planes killed 31 jihadists and eight civilians in Raqa."
    assert summary(figures_of(text)) == [("killed", 31, "exact", "jihadists"), ("killed", 8, "exact", "civilians")]


def test_single_victims_count_one_or_two():
    assert summary(figures_of("A woman and a child were killed on Tuesday.")) == [("killed", 2, "exact", "woman")]
    assert summary(figures_of("One Syrian civilian was killed on Monday.")) == [("killed", 1, "exact", "civilian")]


def test_one_victim_as_object_a_life_lost_and_a_numbered_unit_count_one():
    assert summary(figures_of("A drone hit the village on Sunday, killing a local man.")) == [
        ("killed", 1, "exact", "man")]
    assert summary(figures_of("A British soldier lost his life in a roadside bomb attack north of Basra.")) == [
        ("killed", 1, "exact", "soldier")]
    assert summary(figures_of("A soldier from 14 Signals Regiment was killed in Helmand.")) == [
        ("killed", 1, "exact", "soldier")]
    assert figures_of("Gunmen killed a soldier's wife in Kabul.") == ()


def test_the_target_a_lead_names_yields_to_the_event_s_toll():
    body = ("The army killed a rebel commander in clashes on Friday. The fighting went on all day. "
            "At least 40 people were killed in the clashes, the monitor said.")
    assert headline_toll(figures_of(body), split_sentences(body)) == Toll(killed=40)


def test_a_place_the_country_introduces_locates_the_figure():
    body = ("An air strike killed 18 people in Syria's northwestern province of Idlib on Saturday. "
            "Shelling killed 4 people in Syria, the monitor said.")
    places = (entity(body, "Syria", "Syria", "country"), entity(body, "Idlib", "Idlib", "governorate"))
    assert [(f.count, f.place) for f in figures_of(body, places=places)] == [(18, "Idlib"), (4, "Syria")]


def test_an_including_clause_before_and_a_second_verb_leaves_two_figures():
    body = ("A missile attack on Dnipro on Friday killed eight people, including two children, and wounded 28 "
            "others, officials said. Ten people, including a child and a woman, were killed in the raid.")
    assert [(f.kind, f.count) for f in figures_of(body)] == [("killed", 8), ("wounded", 28), ("killed", 10)]


def test_at_least_after_the_verb_no_one_victims_of_every_service_and_an_age():
    body = ("The strike killed at least 39 civilians in Kyiv. The governor said no one was hurt. At least 13 Russian "
            "airmen were killed. Four sailors were killed. A 48-year-old man was killed.")
    assert [(f.kind, f.count, f.qualifier, f.who) for f in figures_of(body)] == [
        ("killed", 39, "at least", "civilians"), ("killed", 13, "at least", "airmen"), ("killed", 4, "exact", "sailors"),
        ("killed", 1, "exact", "man")]


def test_a_country_that_places_the_town_before_it_leaves_the_figure_at_the_town():
    body = ("Rebels seized most of Goma, the main city in eastern Congo, as fighting left at least 100 dead. "
            "In Congo, shelling killed 4 people.")
    places = (entity(body, "Congo", "Congo", "country"), entity(body, "Goma", "Goma", "city"))
    assert [(f.count, f.place) for f in figures_of(body, places=places)] == [(100, "Goma"), (4, "Congo")]


def test_a_singular_group_joined_a_force_named_and_more_victims_counted():
    body = ("Eleven civilians and one soldier were killed. Seven soldiers of the Colombian Army were killed. A Kenyan "
            "police officer serving with the mission has been killed. Gunmen killed 20 bandits. Three armed attackers "
            "were killed. Fifteen of the wounded are in critical condition.")
    assert [(f.count, f.who) for f in figures_of(body)] == [
        (11, "civilians"), (1, "soldier"), (7, "soldiers"), (1, "officer"), (20, "bandits"), (3, "attackers")]


def test_where_the_claimant_spoke_is_not_where_the_victims_died():
    body = ("The governor told journalists in Gusau, the state capital, that 27 people lost their lives. At a press "
            "conference in Phnom Penh, the ministry said 12 civilians were killed in Samraong.")
    places = (entity(body, "Gusau", "Gusau", "city"), entity(body, "Phnom Penh", "Phnom Penh", "city"),
              entity(body, "Samraong", "Samraong", "town"))
    assert [(f.count, f.place) for f in figures_of(body, places=places)] == [(27, None), (12, "Samraong")]


def test_a_local_official_s_jurisdiction_locates_the_figure_they_report():
    body = ("Kharkiv Governor Oleh Syniehubov said three people were killed. The Homs governor said five were killed. "
            "In the US, Kharkiv police said four were killed.")
    places = (entity(body, "Kharkiv", "Kharkiv", "region"), entity(body, "Homs", "Homs", "city"),
              entity(body, "US", "US", "country"))
    assert [(f.count, f.place) for f in figures_of(body, places=places)] == [(3, "Kharkiv"), (5, "Homs"), (4, "US")]


@pytest.mark.parametrize(
    "text",
    [
        "The conflict has cost more than 300,000 lives since 2011.",
        "IS has killed more than 400,000 people since the war began.",
        "The six-year-old civil war has claimed an estimated 400000 lives.",
        "Aleppo, a city of 250,000, was hit again.",
        "The 25-year-old was killed in the raid.",
        "Burns covered 20 percent of his body.",
        "The 2013 attack killed in daylight.",
        "The convoy was carrying at least 5000 people.",
        "Fifteen of the wounded are in critical condition.",
        "Three buildings were destroyed by dozens of airstrikes.",
        "23 February 2015 The brigade said clashes went on.",
        "More than 10000 people have died in Yemen's war.",  # any country's war, as "Syria's war"
    ],
)
def test_background_numbers_are_not_figures(text):
    assert figures_of(text) == ()


def test_a_comparison_with_the_past_is_no_war_wide_total():
    text = ("Russia mourned its most deadly fire since Soviet times after 109 people died in a nightclub. "
            "The worst attack since 2003 killed 40 people. Some 400,000 people have been killed since 2011.")
    assert [f.count for f in figures_of(text)] == [109, 40]


def test_the_headline_toll_adds_the_groups_its_clause_joins_but_not_a_part():
    joined = "A man in police uniform opened fire, killing two US soldiers and at least two Afghans."
    assert headline_toll(figures_of(joined), split_sentences(joined)) == Toll(killed=4)
    part = "A car bomb killed 12 people, including three children, in the market."
    assert headline_toll(figures_of(part), split_sentences(part)) == Toll(killed=12)
    # and so do the groups of a sentence's subject: "Ten soldiers and at least 15 rebels were killed"
    subject = "Ten soldiers and at least 15 rebels were killed in fighting in Vavuniya on Monday."
    assert headline_toll(figures_of(subject), split_sentences(subject)) == Toll(killed=25)



def test_counts_slaughtered_or_of_people_on_board_or_on_both_sides():
    for text, count in (("The 176 people on board were all killed.", 176),
                        ("More than 40 people on both sides were reported killed.", 40),
                        ("The slaughter of at least 20 people in a bar shocked the city.", 20),
                        ("Gunmen slaughtered 15 villagers.", 15), ("Nine people were slaughtered.", 9)):
        assert [(f.kind, f.count) for f in figures_of(text)] == [("killed", count)], text


def test_a_first_count_of_other_dead_adds_the_victim_the_story_is_about():
    text = "A bomb killed the photojournalist Wael al-Absi. At least five other civilians also died in the attack."
    assert headline_toll(figures_of(text), split_sentences(text)) == Toll(killed=6)
    counted = "Gunmen killed 12 people on Monday. Two others were killed on Tuesday."
    assert headline_toll(figures_of(counted), split_sentences(counted)) == Toll(killed=12)


def test_vague_first_report_yields_to_exact_count():
    text = (
        "Dozens of civilians have reportedly been killed by air strikes. "
        "At least 73 civilians were killed early on Tuesday, the monitor said."
    )
    assert headline_toll(figures_of(text), split_sentences(text)) == Toll(killed=73)
    text = ("Tensions rose amid claims that dozens of civilians have died in air strikes. The ministries said they "
            "would regulate raids. The UN mission backed the government. Soldiers entered the village of Nawabad "
            "last Friday. An investigation found that some 90 civilians were killed, the UN envoy said.")
    assert headline_toll(figures_of(text), split_sentences(text)) == Toll(killed=90)  # four sentences on


def test_a_place_a_figure_is_only_near_yields_to_the_place_named_next():
    body = ("Air force strikes killed at least 70 people in an opposition district outside Damascus, a monitoring "
            "group said. The Observatory said the air force struck the Eastern Ghouta district.")
    places = (entity(body, "damascus", "Damascus", "city"), entity(body, "ghouta", "Eastern Ghouta", "area"))
    assert [f.place for f in figures_of(body, places=places)] == ["ghouta"]
    assert [f.place for f in figures_of("Shelling killed 12 people in Aleppo on Monday.",
                                        places=(entity("Shelling killed 12 people in Aleppo on Monday.",
                                                       "aleppo", "Aleppo", "city"),))] == ["aleppo"]


def test_a_verb_with_its_own_subject_credits_no_actor_before_it():
    body = "Rockets hit the centre of the Syrian capital and killed 7 people, a monitoring group said."
    government = entity(body, "syria", "Syrian capital", "government")
    assert [f.source for f in figures_of(body, actors=(government,))] == [None]


def test_headline_prefers_civilians_in_the_first_sentence():
    text = "On Sunday regime planes killed 31 jihadists and eight civilians. Later 50 fighters were killed."
    assert headline_toll(figures_of(text), split_sentences(text)) == Toll(killed=8)


def test_headline_without_killed_figure_is_empty():
    text = "Three civilians were injured in rocket attacks."
    assert headline_toll(figures_of(text), split_sentences(text)) == Toll()


def test_wounded_only_from_the_headline_sentence():
    text = "Five people were killed in Homs. Elsewhere 40 people were wounded."
    assert headline_toll(figures_of(text), split_sentences(text)) == Toll(killed=5, wounded=None)


def test_claimant_in_adjoining_sentence_and_attributive_place():
    body = "Four people were killed in Idlib. The Britain-based Observatory said the toll may rise."
    actors = (entity(body, "SOHR", "Observatory", "organization"),)
    places = (entity(body, "Idlib", "Idlib", "governorate"), entity(body, "Britain", "Britain", "country"))
    (figure,) = figures_of(body, actors, places)
    assert (figure.place, figure.source, figure.source_text) == ("Idlib", "SOHR", "Observatory")


def test_the_claimant_is_the_subject_of_the_speech_verb_never_a_states_deed():
    body = ("Three civilians were killed in Russian shelling of Pokrovsk, Governor Vadym Filashkin said.\n\n"
            "Two people died in an Israeli air strike, the army said.")
    actors = (entity(body, "Filashkin", "Vadym Filashkin", "person"), entity(body, "Russia", "Russian shelling", "government"),
              entity(body, "Israel", "Israeli air strike", "government"))
    assert [(f.count, f.source) for f in figures_of(body, actors)] == [(3, "Filashkin"), (2, None)]


def test_coordinated_figures_share_the_place_after_them_and_each_group_of_a_subject_counts():
    body = ("Two people were killed and nine wounded in a strike on Kupiansk, officials said. Four soldiers and two "
            "civilians were killed in Kharkiv. The toll was 3, according to Egypt's health minister.")
    places = (entity(body, "Kupiansk", "Kupiansk", "city"), entity(body, "Kharkiv", "Kharkiv", "city"),
              entity(body, "Egypt", "Egypt", "country"))
    assert [(f.kind, f.count, f.who, f.place) for f in figures_of(body, places=places)] == [
        ("killed", 2, "people", "Kupiansk"), ("wounded", 9, "people", "Kupiansk"),
        ("killed", 4, "soldiers", "Kharkiv"), ("killed", 2, "civilians", "Kharkiv"), ("killed", 3, "people", None)]


def test_a_figure_over_a_list_of_places_is_the_lists_container_or_country_not_its_first_place():
    body = ("Missiles killed at least 39 civilians in Kyiv, Odesa and Lviv, officials in Ukraine said. Shells killed "
            "three women in the neighbourhoods of Hamdaniyeh and Midan in Aleppo city. Two died in Hamdaniyeh, Aleppo.")
    kinds = {"Kyiv": "city", "Odesa": "city", "Lviv": "city", "Ukraine": "country", "Hamdaniyeh": "district",
             "Midan": "district", "Aleppo": "city"}
    places = tuple(entity(body, name, name, kind) for name, kind in kinds.items())
    places = tuple(EntityMention(**{**place.__dict__, "country": "Ukraine" if place.key in ("Kyiv", "Odesa", "Lviv", "Ukraine")
                                    else "Syria"}) for place in places)
    assert [(f.count, f.place) for f in figures_of(body, places=places)] == [(39, "Ukraine"), (3, "Aleppo"), (2, "Hamdaniyeh")]


def test_a_toll_that_rose_is_the_count_it_rose_to_however_far_the_verb():
    body = ("The death toll rose from 39 to 47, the governor said. The death toll from a Russian missile barrage "
            "that struck the largest children's hospital and residential buildings across the country rose to 43. "
            "The toll in several air strikes on the town of Salma rose to at least 20 people. Estimates of the "
            "death toll vary from 10000 to 30000.")
    assert [(f.count, f.qualifier) for f in figures_of(body)] == [(47, "exact"), (43, "exact"), (20, "at least"),
                                                                 (10000, "exact")]


def test_output_is_deterministic(seed_000, seed_004):
    for body in (seed_000, seed_004):
        assert figures_of(body) == figures_of(body)


def test_place_before_the_figure_must_be_locative():
    body = ("Assad blamed the U.S. for the failure, citing a weekend attack that killed dozens of soldiers. "
            "In rebel-held east Aleppo, 12 people were killed.")
    places = (entity(body, "U.S.", "US", "country"), entity(body, "Aleppo", "Aleppo", "city"))
    figures = figures_of(body, places=places)
    assert [(f.count, f.place) for f in figures] == [(12, None), (12, "Aleppo")]


def test_a_place_after_after_belongs_to_the_other_event():
    """ "air strikes kill 70 people after rebel rocket fire on Damascus": Damascus is where the
    rockets fell, not where the 70 died; "killed 70 people in Douma after ..." keeps Douma."""
    body = "Syrian air strikes killed 70 people after rebel rocket fire on Damascus, a monitor said."
    figures = figures_of(body, places=(entity(body, "Damascus", "Damascus", "city"),))
    assert [(f.count, f.place) for f in figures] == [(70, None)]
    body = "Syrian air strikes killed 70 people in Douma following rebel rocket fire on Damascus."
    places = (entity(body, "Damascus", "Damascus", "city"), entity(body, "Douma", "Douma", "town"))
    assert [(f.count, f.place) for f in figures_of(body, places=places)] == [(70, "Douma")]


def test_a_dateline_after_a_date_does_not_locate_the_figure():
    """ "Last updated at Jan 20 2015 Beirut Syrian government air strikes killed 39": "at" reaches
    the date, not the dateline's city; "in rebel-held east Aleppo" still reaches its place."""
    body = "Last updated at Jan 20 2015 Beirut Syrian government air strikes on Tuesday killed at least 39 people."
    figures = figures_of(body, places=(entity(body, "Beirut", "Beirut", "city"),))
    assert [(f.count, f.place) for f in figures] == [(39, None)]
    body = "Last updated at noon in rebel-held east Aleppo air strikes on Tuesday killed at least 39 people."
    figures = figures_of(body, places=(entity(body, "Aleppo", "Aleppo", "city"),))
    assert [(f.count, f.place) for f in figures] == [(39, "Aleppo")]


@pytest.mark.parametrize(
    "text",
    [
        "Nearly 30 civilians including several children were killed and 12 others wounded.",
        "The strikes killed 15 civilians and injured 32, claiming the lives of 8 persons.",
        "Rescuers recovered 12 bodies; 51 martyrs and 40 deaths were counted, with 3 fatalities.",
        "The Observatory put the death toll at 15, and the number of the dead rose to 76.",
        "A medic with the aid group Shafak was seriously hurt and one nurse went missing.",
        "Dozens were unaccounted for after the massacre of 20 villagers; five fighters were executed.",
    ],
)
def test_each_figure_pattern_needs_its_cue(text):
    # The cue is a cheap pre-filter: skipping a sentence without it must never lose a figure.
    from generator.extract.figures import _ASCII_LOWER, _FIGURE_PATTERNS

    folded = text.translate(_ASCII_LOWER)
    matched = 0
    for pattern, _kind, cue in _FIGURE_PATTERNS:
        for start in range(len(folded)):
            if pattern.match(folded, start):
                matched += 1
                assert cue.search(folded[start:]), (pattern.pattern[:40], folded[start:])
    assert matched


@pytest.mark.parametrize("body", ["The blast left 50 dead and wounded in the market.",
                                  "Shelling has been killing 100 people a day, the UN said.",
                                  "At least 40 people were killed or injured."])
def test_combined_casualties_and_rates_are_no_death_toll(body):
    assert [f for f in find_figures(body, split_sentences(body), (), ()) if f.kind == "killed"] == []


def test_killed_and_wounded_with_their_own_numbers_are_two_counts():
    body = "An explosion inside a bus killed six people and injured another ten."
    assert [(f.kind, f.count) for f in find_figures(body, split_sentences(body), (), ())] == [("killed", 6), ("wounded", 10)]


def test_a_country_after_the_figure_locates_it_only_after_a_locative_word():
    body = "At least 45 people have been killed, the United States said. Twelve people were killed in Syria."
    places = (EntityMention("united-states", "United States", "country",
                            (Mention("United States", 0, body.index("United States"), body.index("United States") + 13),)),
              EntityMention("syria", "Syria", "country", (Mention("Syria", 1, body.index("Syria"), body.index("Syria") + 5),)))
    assert [(f.count, f.place) for f in find_figures(body, split_sentences(body), (), places)] == [(45, None), (12, "syria")]


def test_were_reported_killed_counts_the_dead():
    body = "Ten Libyan rebels were reported killed and 172 wounded in an attack on the port on Saturday."
    figures = find_figures(body, split_sentences(body), (), ())
    assert [(f.kind, f.count) for f in figures] == [("killed", 10), ("wounded", 172)]


def test_the_title_gives_the_toll_when_the_body_counts_no_dead():
    from generator.extract.article import _headline_toll  # noqa: PLC0415

    body = "Fighting continued in the north on Monday between the junta and loyalist troops."
    sentences = split_sentences(body)
    figures = find_figures(body, sentences, (), ())
    assert _headline_toll(figures, sentences, "Mali: 22 killed as fighting continues", None) == Toll(killed=22)
    counted = "Troops killed 3 people in the north on Monday."
    counted_sentences = split_sentences(counted)
    assert _headline_toll(find_figures(counted, counted_sentences, (), ()), counted_sentences,
                          "Mali: 22 killed as fighting continues", None) == Toll(killed=3)


def test_a_figure_of_a_sentence_dated_in_an_earlier_year_is_no_headline_toll():
    from generator.extract.article import _headline_toll  # noqa: PLC0415

    body = ("The journalist was buried in Aden on Tuesday after being shot in his car. "
            "In 2019 he survived a drone attack that left six soldiers dead.")
    sentences = split_sentences(body)
    figures = find_figures(body, sentences, (), ())
    assert [f.count for f in figures] == [6]
    assert _headline_toll(figures, sentences, None, dt.date(2020, 6, 5)) == Toll()
    assert _headline_toll(figures, sentences, None, dt.date(2019, 6, 5)) == Toll(killed=6)


@pytest.mark.parametrize(("body", "expected"), [
    ("So far the fighting has cost him dearly: one rebel killed and three injured.", [("killed", 1), ("wounded", 3)]),
    ("The attacks left one officer dead and three injured.", [("killed", 1), ("wounded", 3)]),
    ("The body of a British journalist killed Wednesday in Misrata reached port.", [("killed", 1)]),
    ("Three bus drivers were shot to death in a single day.", [("killed", 3)]),
    ("Another political candidate has been murdered in Mexico.", [("killed", 1)]),
    ("A Coldstream Guardsman was killed and another injured by the blast.", [("killed", 1)]),
    # a count within a week is no rate of a week
    ("At least 46 people have been killed in a week, including 16 last Monday.", [("killed", 46)]),
    ("The shelling is killing 100 people a week.", []),
    # the speaker is no victim: the count he gives is
    ("A doctor at Misrata hospital said 11 people had been killed and 20 wounded.", [("killed", 11), ("wounded", 20)]),
    ("A soldier killed the man who had attacked him.", []),  # the verb acts: no victim counted
])
def test_one_victim_without_an_auxiliary_and_deaths_by_a_means(body, expected):
    assert [(figure.kind, figure.count) for figure in figures_of(body)] == expected


def test_a_person_the_article_names_who_was_killed_or_died_is_one_victim():
    body = ("Officials said Hamza bin Laden, son of Osama bin Laden, has been killed in an operation. "
            "Nabil al-Quaety, a photojournalist, died in Aden. Mandela died of natural causes. Assad killed them.")
    people = tuple(entity(body, name, name, "person")
                   for name in ("Hamza bin Laden", "Osama bin Laden", "Nabil al-Quaety", "Mandela", "Assad"))
    assert [(figure.count, figure.text.split(",")[0]) for figure in figures_of(body, actors=people)] == [
        (1, "Hamza bin Laden"), (1, "Nabil al-Quaety")]


def test_the_day_of_a_datelines_date_is_no_count():
    figures = figures_of("NIAMEY, March 22 (Reuters) - Gunmen killed 44 civilians in an attack on a mosque on Friday.")
    assert [(f.kind, f.count) for f in figures] == [("killed", 44)]
    may = figures_of("Officials said on Monday that the fighting may kill 20 more people.")
    assert [f.count for f in may] == [20]  # "may" before a number is the verb, not the month


def test_gendarmes_rangers_and_patients_are_counted_people():
    assert [f.count for f in figures_of("Five gendarmes were killed late Monday at a checkpoint.")] == [5]
    assert [f.count for f in figures_of("Two rangers were killed in a bomb blast on Saturday.")] == [2]


def test_the_headline_toll_is_the_count_the_lead_says_it_rose_to_not_a_war_tally():
    body = "Armed men killed at least 20 people in Egbekaw on Monday, and the toll rose to 23 on Tuesday, officials said."
    assert headline_toll(figures_of(body), split_sentences(body)).killed == 23
    war = ("Gunmen killed 20 people in Egbekaw on Monday. The toll of the war has risen to 5,000 since 2017, "
           "the United Nations said.")
    assert headline_toll(figures_of(war), split_sentences(war)).killed == 20


def test_a_count_since_the_offensive_began_is_the_offensives_not_a_wars():
    body = ("The Syrian Observatory for Human Rights said at least 327 people had been killed since the offensive on "
            "Aleppo began, up from a toll of 277 it had given earlier on Saturday.")
    assert [f.count for f in figures_of(body)] == [327, 277]
    assert figures_of("At least 300,000 people have been killed since the war began in 2011.") == ()


@pytest.mark.parametrize(("body", "killed"), [
    ("Police shot dead six suspected drug dealers in a raid in Tondo on Tuesday.", 6),
    ("Soldiers gunned down two men at a checkpoint on Monday.", 2),
    ("The number of protesters killed in Zahedan, the provincial capital, has risen to 96, Amnesty said.", 96),
    ("A strike killed at least 43 people. The death toll had risen to 51, including 40 children, and that 79 "
     "people had been wounded.", 51),
])
def test_shooting_dead_and_the_number_of_a_group_killed(body, killed):
    figures = figures_of(body)
    assert headline_toll(figures, split_sentences(body)).killed == killed


def test_a_day_beside_its_month_a_killer_a_companion_noun_and_this_year_s_deadliest():
    def toll(body: str) -> int | None:
        return headline_toll(figures_of(body), split_sentences(body)).killed

    assert toll("The death toll from the overnight attack on Kyiv on July 30 has risen to 31. A strike on a prison "
                "killed 17 inmates.") == 31
    assert toll("Fighters loyal to a breakaway rebel commander killed at least 2,000 civilians in Bor.") == 2000
    assert toll("More than 460 patients and their companions were killed at the hospital. In Bara, 47 civilians "
                "were killed.") == 460
    assert toll("Missiles hit Sumy, killing 35 people in the deadliest attack on civilians this year. The ministry "
                "said it had killed more than 60 soldiers.") == 35
    assert toll("So far this year, 300 people were killed in the province.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A teacher has been shot and killed in front of a classroom.", ("killed", 1, "exact", "teacher")),
        ("An aid worker was abducted and later killed.", ("killed", 1, "exact", "worker")),
        ("Unidentified gunmen shot dead a village chief on Monday.", ("killed", 1, "exact", "chief")),
        ("Police blamed militants for the death of an officer and a civilian.", ("killed", 2, "exact", "officer")),
        ("The killing of an aid worker shocked the town.", ("killed", 1, "exact", "worker")),
        ("Two police reservists were Wednesday morning killed.", ("killed", 2, "exact", "reservists")),
        ("Soldiers captured the men, killing all three.", ("killed", 3, "exact", "people")),
    ],
)
def test_one_or_two_victims_and_counts_news_write_without_a_number_beside_the_verb(text, expected):
    assert summary(figures_of(text))[0] == expected


def test_one_victim_of_a_compound_subject_is_no_count_of_one():
    """"three men and one woman ... were shot and killed" killed four, not one: a plural verb
    after one victim says the subject began before it."""
    assert figures_of("The day after, three men and one woman of Mexican origin were shot and killed.") == ()


def test_a_subject_that_acts_on_an_object_was_not_killed():
    """"Two gunmen killed a teacher" counts the teacher, not the gunmen; "Two suspected insurgents
    shot to death a monk" the monk; "Two soldiers killed in an attack" are the dead."""
    assert summary(figures_of("Two gunmen killed a teacher on Monday.")) == [("killed", 1, "exact", "teacher")]
    assert summary(figures_of("Two suspected Muslim insurgents shot to death a 60-year-old Buddhist monk.")) == [
        ("killed", 1, "exact", "monk")]
    assert summary(figures_of("Two soldiers killed in an attack on Monday.")) == [("killed", 2, "exact", "soldiers")]


def test_a_count_of_wounded_after_the_dead_in_words_is_a_count_not_dead_and_wounded_together():
    assert [f.kind for f in figures_of("A powerful bomb killed six people and injured twenty Tuesday.")] == ["killed", "wounded"]
    assert summary(figures_of("The Taliban had killed one of his men and wounded another in the shoot-out.")) == [
        ("killed", 1, "exact", "men")]


def test_the_toll_of_an_earlier_event_a_lead_is_dated_by_is_not_its_own():
    body = ("Two police officers were killed in a car bomb attack on Wednesday, local media said, a day after a bomb "
            "targeting police in Istanbul killed 11 people.")
    assert headline_toll(figures_of(body), split_sentences(body)).killed == 2


def test_a_toll_of_an_insurgency_is_war_wide():
    assert figures_of("Yala is one of three provinces where more than 3,400 people have been killed in a five-year-old "
                      "separatist insurgency.") == ()


def test_a_participle_s_phrase_between_a_count_and_its_verb():
    body = "On Wednesday, five Haitians traveling through Martissant town in public transport were shot dead."
    assert summary(figures_of(body)) == [("killed", 5, "exact", "haitians")]
    assert summary(figures_of("Four children collecting litter yesterday were killed.")) == [("killed", 4, "exact", "children")]


@pytest.mark.parametrize(("body", "killed"), [
    ("A doctor and six labourers were killed when gunmen opened fire at a construction site.", 7),
    ("One officer and 10 soldiers were killed in the attack on the checkpoint.", 11),
    ("The missile attack on the school killed nine children and 14 others, the monitor said.", 23),
    ("On Sunday regime planes killed 31 jihadists and eight civilians.", 8),  # civilians, as readers look for
    ("A Hizbul Mujahideen terrorist was killed in an encounter with security forces on Monday.", 1),
    ("The bandits stormed the village and stayed till morning, when the village chief was killed.", 1),
    ("Officials said about 50 people there were killed during the attack on the camp.", 50),
    ("Ecuador's youngest mayor and her aide were shot dead on Sunday, police said.", 2),
    ("The army's commander was killed in the ambush on Monday, officials said.", 1),
])
def test_groups_one_verb_joins_are_one_toll(body, killed):
    assert headline_toll(figures_of(body), split_sentences(body)).killed == killed


@pytest.mark.parametrize(("body", "killed"), [
    ("Militants attacked the checkpoint where 12 soldiers were killed earlier this month, this time leaving one "
     "soldier dead.", 1),
    ("Three civilians were killed in four other attacks. Militants killed at least 15 soldiers at a checkpoint.", 15),
    ("Tribesmen burned an IS leader who had previously killed three citizens, a video showed. The man was killed.", 1),
    ("Ten children were among at least 48 people killed in a village last week, a monitor said.", 48),
])
def test_the_dead_of_another_event_are_no_headline_toll(body, killed):
    assert headline_toll(figures_of(body), split_sentences(body)).killed == killed


def test_a_named_victim_of_a_killing_verb_is_one_dead_and_the_killers_are_not():
    body = "On August 10, two gunmen shot and killed Gerardo Delgado outside his home in Manta, police said."
    victim = entity(body, "gerardo-delgado", "Gerardo Delgado", "person")
    assert headline_toll(figures_of(body, actors=(victim,)), split_sentences(body)).killed == 1


@pytest.mark.parametrize(("body", "killed"), [
    ("Three soldiers and five guerrillas were killed in a clash near the river crossing.", 8),
    ("At least two peace-keepers in the buffer zone have been killed, the mission said.", 2),
    ("Six separatists died when the army stormed their hideout, officials said.", 6),
])
def test_guerrillas_peace_keepers_and_separatists_are_counts_of_people(body, killed):
    assert headline_toll(figures_of(body), split_sentences(body)).killed == killed


@pytest.mark.parametrize(("body", "killed"), [
    ("At least 14 soldiers and policemen were killed when rebels overran the district headquarters.", 14),
    ("Some 30 troops and fighters of the Liberation Front died in the battle for the bridge.", 30),
])
def test_one_count_of_two_nouns_is_one_figure(body, killed):
    assert headline_toll(figures_of(body), split_sentences(body)).killed == killed


@pytest.mark.parametrize(("body", "killed"), [
    ("The army said 40 insurgents were killed as well as six soldiers in the battle for the town.", 46),
    ("Eight militants were killed along with two policemen when the siege ended.", 10),
    ("Eight militants were killed as well as two policemen were wounded when the siege ended.", 8),
])
def test_a_group_after_a_subject_s_verb_is_counted_by_the_same_verb(body, killed):
    assert headline_toll(figures_of(body), split_sentences(body)).killed == killed


def test_a_group_also_killed_in_the_next_sentence_adds_to_the_toll():
    body = ("Troops said they killed 12 rebels who attacked the border post. Three soldiers were also killed, "
            "the army said.")
    assert headline_toll(figures_of(body), split_sentences(body)).killed == 15
    body = "Troops said they killed 12 rebels at the post. Several soldiers were also killed, the army said."
    assert headline_toll(figures_of(body), split_sentences(body)).killed == 12


def test_dead_and_missing_together_are_no_death_toll():
    body = ("Two decades of clashes left a toll of 12,000 dead and missing, a commission found. Five soldiers died "
            "in an ambush on Friday.")
    assert headline_toll(figures_of(body), split_sentences(body)).killed == 5


def test_a_campaign_s_tally_beside_an_event_s_count_is_not_the_toll():
    body = ("Rebels killed nine soldiers at a checkpoint on Sunday, a blow to a peace process meant to end an "
            "insurgency that has claimed more than 4,000 lives.")
    assert summary(figures_of(body)) == [("killed", 9, "exact", "soldiers")]


def test_people_found_dead_are_a_count_of_the_dead():
    body = "Twelve prisoners were found dead on Tuesday after a riot at the central jail, officials said."
    assert summary(figures_of(body)) == [("killed", 12, "exact", "prisoners")]


def test_a_killing_verb_split_around_its_object_is_a_count_of_the_dead():
    body = "Witnesses said militiamen stabbed six farmers to death near the village well on Friday."
    assert summary(figures_of(body)) == [("killed", 6, "exact", "farmers")]


@pytest.mark.parametrize(("body", "killed"), [
    ("Police fired tear gas at the march and a student died in the clashes, witnesses said.", 1),
    ("One villager died after the raid on the market, the mayor said.", 1),
    ("A prisoner died of tuberculosis last week, the warden said.", None),
])
def test_one_person_who_died_is_a_count_of_one(body, killed):
    assert headline_toll(figures_of(body), split_sentences(body)).killed == killed


def test_a_named_victim_after_an_apposition_is_one_dead():
    body = "On Monday a shepherd from the hill village, Aram Tevosyan, was shot dead, the border service said."
    victim = entity(body, "aram-tevosyan", "Aram Tevosyan", "person")
    assert headline_toll(figures_of(body, actors=(victim,)), split_sentences(body)).killed == 1


@pytest.mark.parametrize("body", [
    "Gunmen said on Friday they killed a Protestant as he arrived for work.",
    "A Catholic father of three was gunned down at his front door.",
    "Two masked men walked into the shop and shot him dead.",
    "A blogger was hacked to death near his home on Tuesday.",
    "A Dutch aid worker living in the capital has died after he was shot.",
    "A prominent refugee leader has been shot dead in a camp.",
    "A man who was murdered outside a pub on Monday had received threats.",
    "A police captain who was shot in the neck during a protest died on Sunday, the army said.",
])
def test_one_victim_of_a_story_without_a_number_is_one_dead(body):
    body += " The police are looking for the killers."
    assert headline_toll(figures_of(body), split_sentences(body)) == Toll(killed=1)


def test_a_crime_judged_long_ago_a_dead_of_a_relative_clause_and_the_killers_are_no_victims():
    assert figures_of("Lima, a former army captain jailed for the murder of a bishop, wrote to the minister.") == ()
    assert figures_of("A teenager who died saving others in the stampede was buried on Friday.") == ()
    assert figures_of("Two gunmen gunned down a policeman.")[0].count == 1


@pytest.mark.parametrize("caption", [
    "Police guard the market after the bombing that killed at least 12 on Monday.Credit: AFP",
    "Mourners gather after the bombing that killed at least 12 people (Photo by Jane Doe / AFP)",
    "Police guard the market where the bomb killed 12 people [Jane Doe/Al Jazeera]",
])
def test_a_photo_caption_s_count_yields_to_the_lead_s(caption):
    body = f"{caption}\n\nA suicide bomber killed 15 people at a crowded market on Monday, officials said."
    assert headline_toll(figures_of(body), split_sentences(body)).killed == 15


def test_an_aside_between_double_hyphens_leaves_the_count_to_its_verb():
    body = "At least 120 people -- most of them women and children -- were killed when the ferry sank on Sunday."
    assert [(f.count, f.who) for f in figures_of(body)] == [(120, "people")]


def test_civilians_joined_to_other_victims_add_to_them_but_not_to_the_other_side_s_dead():
    victims = "Gunmen stormed the town hall on Friday, killing 11 prison guards and three civilians."
    assert headline_toll(figures_of(victims), split_sentences(victims)).killed == 14
    other_side = "Warplanes struck the camp on Friday, killing 20 militants and three civilians."
    assert headline_toll(figures_of(other_side), split_sentences(other_side)).killed == 3


@pytest.mark.parametrize(("body", "expected"), [
    ("Three of the guards were killed instantly and the fourth later died in hospital.", [4]),
    ("Two policemen were killed and another died afterwards.", [3]),
    ("Two policemen were killed and a fifth died.", [2]),  # no count of the one after them
])
def test_the_one_who_died_after_a_count_adds_to_it(body, expected):
    assert [f.count for f in figures_of(body)] == expected


def test_a_toll_raised_in_the_next_sentence_is_the_headline_toll():
    body = ("Police said on Monday that 12 people died in the blast. "
            "On Tuesday the death toll was raised to 14 after two of the wounded died.")
    assert headline_toll(figures_of(body), split_sentences(body)).killed == 14
