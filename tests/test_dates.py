"""Publication date, date mentions and event date: the seeds and the header forms of FA-KES."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.dates import find_dates, find_event_date, find_published
from generator.extract.figures import find_figures
from generator.text import split_sentences

D = dt.date


def dates_of(body: str, published: dt.date | None) -> list[tuple[str, dt.date, bool]]:
    return [(d.text, d.date, d.relative) for d in find_dates(body, split_sentences(body), published)]


def event_of(body: str, published: dt.date | None) -> dt.date | None:
    sentences = split_sentences(body)
    figures = find_figures(body, sentences, (), ())
    return find_event_date(body, sentences, find_dates(body, sentences, published), figures, published)


def test_seeds_state_no_publication_date(seed_000, seed_004):
    assert find_published(seed_000) is None
    assert find_published(seed_004) is None


def test_seed_000_dates(seed_000):
    found = {text: date for text, date, _ in dates_of(seed_000, D(2016, 9, 23))}
    assert found == {
        "Friday": D(2016, 9, 23),
        "Friday's": D(2016, 9, 23),
        "Thursday": D(2016, 9, 22),
        "Thursday’s": D(2016, 9, 22),
    }
    assert event_of(seed_000, D(2016, 9, 23)) == D(2016, 9, 23)


def test_seed_004_dates(seed_004):
    found = dates_of(seed_004, D(2016, 9, 24))
    assert ("yesterday", D(2016, 9, 23), True) in found
    assert ("Thursday", D(2016, 9, 22), True) in found
    assert ("Monday", D(2016, 9, 19), True) in found
    assert ("September 9", D(2016, 9, 9), False) in found
    assert event_of(seed_004, D(2016, 9, 24)) == D(2016, 9, 23)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Date of publication 4 October 2016 Ten people were killed.", D(2016, 10, 4)),
        ("Wed 05 Apr 2017 Blast kills six.", D(2017, 4, 5)),
        ("Posted on April 2 2017 by a reporter.", D(2017, 4, 2)),
        ("Last updated at Apr 092017 At least 15 civilians were killed.", D(2017, 4, 9)),
        ("Published: 2016-09-09. Strikes hit Aleppo.", D(2016, 9, 9)),
        ("02-09-2013 Syrian Army Kills 40 Members.", D(2013, 9, 2)),
        ("21.08.2013Get short URL 0 0 Regime forces fired.", D(2013, 8, 21)),
        ("Tuesday 22 November 2016 A photo went viral.", D(2016, 11, 22)),
        ("Title of the story 6 October 2016 Aleppo SANA-Terrorists fired.", D(2016, 10, 6)),
        ("BEIRUT, Sept. 23, 2016 (AFP) - Strikes hit Aleppo.", D(2016, 9, 23)),
        ("Strikes hit Aleppo on Friday. The city has been held since July 2012.", None),
    ],
)
def test_find_published(body, expected):
    assert find_published(body) == expected


def test_late_date_in_body_is_not_publication():
    body = "Strikes hit Aleppo. " + "The city is under siege. " * 20 + "A truce began on 9 September 2016."
    assert find_published(body) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on 9 September 2016.", D(2016, 9, 9)),
        ("It happened on Sept. 9, 2016.", D(2016, 9, 9)),
        ("It happened on 2016-09-09.", D(2016, 9, 9)),
        ("It happened on September 9.", D(2016, 9, 9)),
        ("The video was released on 4 July.", D(2016, 7, 4)),
    ],
)
def test_absolute_dates(text, expected):
    assert [d for _, d, _ in dates_of(text, D(2016, 9, 24))] == [expected]


def test_year_less_date_after_publication_is_last_year():
    assert dates_of("The attack of December 28 was condemned.", D(2017, 1, 5)) == [
        ("December 28", D(2016, 12, 28), False)
    ]
    assert dates_of("Talks resume on January 9.", D(2017, 1, 5)) == [("January 9", D(2017, 1, 9), False)]


def test_impossible_dates_are_dropped():
    assert dates_of("Nothing happened on 30 February 2016.", D(2016, 3, 1)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strikes hit early Friday.", D(2016, 9, 23)),  # published on a Friday: that same day
        ("Friday's raids killed ten.", D(2016, 9, 23)),
        ("Saturdays blast killed ten.", D(2016, 9, 17)),  # scraped text without apostrophes
        ("The talks failed on Thursday.", D(2016, 9, 22)),
        ("The army struck yesterday.", D(2016, 9, 22)),
        ("The army strikes today.", D(2016, 9, 23)),
        ("The army struck last night.", D(2016, 9, 22)),
        ("They met last Friday.", D(2016, 9, 16)),
        ("They meet next Monday.", D(2016, 9, 26)),
    ],
)
def test_relative_dates(text, expected):
    assert [d for _, d, _ in dates_of(text, D(2016, 9, 23))] == [expected]


def test_relative_dates_need_a_publication_date():
    assert dates_of("Strikes hit Aleppo on Friday and on September 9 2016.", None) == [
        ("September 9 2016", D(2016, 9, 9), False)
    ]


def test_weekday_of_a_header_is_not_a_separate_mention():
    assert dates_of("Sun 16 Apr 2017 Blast kills 112.", D(2017, 4, 16)) == [("Sun 16 Apr 2017", D(2017, 4, 16), False)]


def test_event_date_is_the_date_of_the_first_figure_not_of_the_statement():
    body = "Sun 16 Apr 2017 At least 112 people were killed on Saturday in a blast, the Observatory said on Sunday."
    assert event_of(body, find_published(body)) == D(2017, 4, 15)


def test_a_toll_told_on_a_day_yields_to_the_day_the_next_sentence_gives_the_attack():
    body = ("Sat 5 Oct 2024 Gunmen killed at least 70 people in the town, a U.N. official said Friday. "
            "The attack on Thursday targeted a market.")
    assert event_of(body, find_published(body)) == D(2024, 10, 3)
    later = "Sat 5 Oct 2024 Gunmen killed 70 people, a U.N. official said Friday. Talks on Saturday followed."
    assert event_of(later, find_published(later)) == D(2024, 10, 4)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the report date, not the day the count began
        ("19.04.2017 Kurdish forces killed 47 militants in Tabqah since Monday, local media reported Wednesday.",
         D(2017, 4, 19)),
        # a dated lead, not the day the count began
        ("Fri 1 Jul 2016 Fighting raged north of Aleppo, a monitor said Thursday. "
         "The Observatory said 30 soldiers and 39 rebels had been killed since Wednesday afternoon.", D(2016, 6, 30)),
    ],
)
def test_a_count_running_since_a_day_is_not_dated_by_that_day(body, expected):
    assert event_of(body, find_published(body)) == expected


def test_event_date_from_the_lead_without_figures():
    body = "Thu Jul 30 2015 The army killed a commander in clashes in Lattakia on Wednesday. Much later, on Friday, talks began."
    assert event_of(body, find_published(body)) == D(2015, 7, 29)


def test_event_date_defaults_to_publication():
    assert event_of("Aleppo was quiet. Nobody expected talks.", D(2016, 9, 24)) == D(2016, 9, 24)
    assert event_of("Aleppo was quiet.", None) is None


def test_event_date_ignores_dates_after_publication():
    body = "Talks will resume on Monday 3 October 2016. Five people were killed."
    assert event_of(body, D(2016, 9, 24)) == D(2016, 9, 24)


def test_reaction_story_takes_the_date_of_the_attack_it_names():
    body = (
        "September 10 2013 France sought a U.N. resolution on Syria on Tuesday. Talks went on. "
        "Ministers met again.\n\nThe resolution would condemn the August 21 chemical weapons attack "
        "near Damascus which killed hundreds."
    )
    assert event_of(body, find_published(body)) == D(2013, 8, 21)


def test_a_reaction_story_years_later_is_not_dated_by_the_attack_it_recalls():
    body = (
        "Thu 23 Sep 2010 The Iranian president accused the US of orchestrating the attacks. Diplomats walked out. "
        "He repeated old theories.\n\nThey concern the terrorist attacks on September 11 2001 in New York."
    )
    assert event_of(body, find_published(body)) == D(2010, 9, 23)


def test_dated_attack_further_down_is_background_when_the_lead_reports_deaths():
    body = (
        "Sat 7 Oct 2017 At least 20 people were killed in air strikes on Saturday. Rescuers searched. "
        "Nobody claimed it.\n\nA similar bombing on July 25 killed seven people."
    )
    assert event_of(body, find_published(body)) == D(2017, 10, 7)


def test_sentence_at_finds_the_sentence_holding_an_offset():
    from generator.text import sentence_at, split_sentences

    body = "One two. Three four.\n\nFive six."
    sentences = split_sentences(body)
    assert [sentence_at(sentences, offset) for offset in (0, 7, 8, 9, 20, 22, len(body) + 5)] == [0, 0, 0, 1, 1, 2, 2]
    assert sentence_at((), 10) == 0
    assert sentence_at(sentences[1:], 0) == 1  # before the first sentence: the first one


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a plan told with a weekday: read as the past Friday, it would date the story's event
        ("Sat 9 Mar 2019 Rebel leaders will meet government envoys on Friday in Geneva. Fighting went on.",
         D(2019, 3, 9)),
        ("Sat 19 Feb 2011 A major rally is set for Sunday in Benghazi. Clashes went on.", D(2011, 2, 19)),
        # history recalled in the lead
        ("Mon 11 Sep 2006 Five years ago, on September 11, 2001, hijackers struck New York. "
         "Ceremonies were held.", D(2006, 9, 11)),
        ("Tue 5 Mar 2019 The March 14, 2011 attack killed 20 people, the families recalled.", D(2019, 3, 5)),
    ],
)
def test_plans_and_history_do_not_date_the_event(body, expected):
    assert event_of(body, find_published(body)) == expected


def test_an_undated_article_dates_a_day_and_month_by_the_latest_year_it_names():
    body = ("At least 57 inmates were killed at the Altamira prison on July 29, the worst massacre since 2017. "
            "Officials said the gangs had fought there in 2019 before. The state vows to end overcrowding by 2030.")
    assert event_of(body, None) == D(2019, 7, 29)
    assert event_of("Gunmen killed four people on March 28 in the Bajo Aguan valley.", None) is None


def test_the_day_a_report_was_released_is_not_the_day_of_the_killings_it_reports():
    body = ("Amnesty International said in a report released Friday that Eritrean soldiers killed more than 200 "
            "civilians in Axum on Nov. 28.")
    assert event_of(body, dt.date(2021, 2, 26)) == dt.date(2020, 11, 28)


def test_a_movement_named_after_its_day_is_no_date():
    body = "The rebels of the March 23 Movement (M23) took the town on 6 July, and the February 17 Revolution ended."
    assert [date for _, date, _ in dates_of(body, dt.date(2012, 7, 9))] == [dt.date(2012, 7, 6)]


def test_the_day_a_statement_is_made_before_its_verb_yields_to_the_event_s():
    body = "The United Nations today condemned the killing of at least 30 civilians during the night of Monday 14 May."
    assert event_of(body, dt.date(2018, 5, 17)) == dt.date(2018, 5, 14)


def test_a_lead_dated_only_when_told_yields_to_the_day_a_later_sentence_says_the_event_happened():
    dateline = ("LIMA, April 6 (AFP) - Guerrillas killed 69 peasants in the village of Lucanamarca, the government said "
                "on Wednesday. The attack took place on Sunday, April 3.")
    assert event_of(dateline, dt.date(1983, 4, 6)) == dt.date(1983, 4, 3)
    visit = ("At least 800 people were killed in Duekoue this week, the ICRC said on Saturday. Delegates who visited "
             "Duekoue on Thursday found bodies in the quarter where most of the killings took place on Tuesday, March 29.")
    assert event_of(visit, dt.date(2011, 4, 2)) == dt.date(2011, 3, 29)
    later = ("Ethiopia said on Sunday it had recaptured Badme and killed 300 troops. Officials met in Addis Ababa. "
             "A spokeswoman said troops had broken through in an offensive launched on Tuesday, February 23.")
    assert event_of(later, dt.date(1999, 2, 28)) == dt.date(1999, 2, 23)
    dated_lead = "Gunmen killed 12 people in Kano on Monday, police said on Wednesday. The attack began on Sunday night."
    assert event_of(dated_lead, dt.date(2024, 5, 8)) == dt.date(2024, 5, 6)
    clash = ("Gunmen killed two chiefs in Bambili, a local ruler said Monday. The victims were councillors of Bambili, "
             "where the clash took place last Thursday.")  # one clash, as "clashes" were
    assert event_of(clash, dt.date(2020, 4, 21)) == dt.date(2020, 4, 16)


def test_a_dateline_s_day_is_the_story_s_today_and_an_attack_or_a_count_dated_later_in_the_story():
    filed = "BEIRUT, Lebanon, Sept. 18 — Relief workers entered the camps today. Militiamen had come on Thursday."
    assert [date for text, date, _ in dates_of(filed, dt.date(1982, 9, 19)) if text != "Sept. 18"] == [
        dt.date(1982, 9, 18), dt.date(1982, 9, 16)]
    attacked = ("Fighters killed at least 2,000 civilians when they overran Bor last month, the SPLA said on Tuesday. "
                "A spokesman said the Nasir faction attacked Bor on November 15.")
    assert event_of(attacked, dt.date(1991, 12, 3)) == dt.date(1991, 11, 15)
    count = ("The death toll from the clashes rose to 23 on Thursday as troops patrolled the streets. The rioting "
             "broke out on Tuesday afternoon.")
    assert event_of(count, dt.date(1999, 1, 22)) == dt.date(1999, 1, 19)
    release = ("Luanda/Brussels, 14 October 1993 - MSF today condemned the shelling of Kuito, where shells killed at "
               "least 34 civilians on Monday 11 October.")
    assert event_of(release, dt.date(1993, 10, 14)) == dt.date(1993, 10, 11)


def test_a_communique_s_place_and_date_line_under_its_heading_is_when_it_was_told():
    body = ("COMMUNIQUE\n\nOffice of the Governor of the North-West Region\n\nBamenda, 8 November 2024\n\nThe Governor "
            "informs the public that on Wednesday, 6 November 2024, armed secessionist fighters attacked the village "
            "of Mbengwi-Ngyenmbo, killing nine civilians.")
    assert event_of(body, dt.date(2024, 11, 8)) == dt.date(2024, 11, 6)


def test_a_release_months_after_an_attack_whose_sentence_opens_with_its_day():
    body = ("Abuja, 14 March 2024 – The House committee on the Tudun Biri strike presented its report, saying 85 "
            "villagers were killed. On the night of Sunday, 3 December 2023, an army drone struck a religious gathering.")
    assert event_of(body, dt.date(2024, 3, 14)) == dt.date(2023, 12, 3)


def test_the_main_event_s_month_dates_no_earlier_event_of_its_own_toll(tmp_path):
    import json  # noqa: PLC0415

    from generator.extract.article import extract_article  # noqa: PLC0415
    from generator.ingest import ingest  # noqa: PLC0415
    from generator.knowledge import load_knowledge_base  # noqa: PLC0415

    body = ("Malian soldiers executed 300 civilian men in the town of Moura, Mali, in March, Human Rights Watch said "
            "today. On March 27, soldiers fired on people fleeing, killing about 30.")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "moura", "title": "Mali", "content": body,
                                                  "published": "2022-04-05"}) + "\n", encoding="utf-8")
    article = extract_article(ingest([tmp_path], base=tmp_path).articles[0], load_knowledge_base())
    assert article.event_date == dt.date(2022, 3, 27) and article.headline_toll.killed == 300


def test_page_furniture_before_the_lead_does_not_hide_the_events_day():
    """A subtitle and a caption may stand before the story: the first killed figure's day is the
    event's where none of the first sentences has a date, and where a dated caption, a sentence
    of prose, opens the lead that reaches it."""
    body = ("Security alert in the north.\n\nA file photo shows troops on patrol.\n\n"
            "The army is in the region with the blessing of the government.\n\n"
            "According to the army, the rebels attacked a bus travelling through the north-west of the country "
            "on the Karuma-Pakwach road on Wednesday, setting fire to it and killing 14 people.")
    assert event_of(body, D(2003, 5, 30)) == D(2003, 5, 28)
    dated_caption = body.replace("on patrol.", "on patrol on Friday.")
    assert event_of(dated_caption, D(2003, 5, 30)) == D(2003, 5, 28)


def test_the_dead_counted_days_before_the_day_a_follow_up_tells_are_of_that_earlier_day():
    body = ("Twenty people were still missing from a camp in the north on Friday, two days after about 50 people "
            "there were killed during an attack by rebels, officials said.")
    assert event_of(body, D(2004, 2, 6)) == D(2004, 2, 4)
    own_event = ("Rebels hit a school in the west of the city on Friday, a day after 20 people were killed "
                 "in air strikes, officials said.")
    assert event_of(own_event, D(2004, 2, 6)) == D(2004, 2, 6)


def test_the_lead_is_counted_from_the_story_not_from_a_menu_before_it():
    """A scraped page's menu lines (short, without a stop) stand before the story: its lead is
    the first sentences of prose, and its "Gunmen on Tuesday attacked" dates the event."""
    body = ("Home\n\nNews\n\nAfrica\n\nWorld\n\nVideo\n\n"
            "Gunmen on Tuesday attacked a camp for displaced people outside the town of Kavumu, officials said "
            "on Wednesday.\n\nThe camp held some 9,000 people.\n\nAid agencies said they had pulled out their staff.\n\n"
            "Witnesses said the gunmen fired on the tents at dusk, killing four people.")
    assert event_of(body, D(2024, 3, 14)) == D(2024, 3, 12)


def test_a_lead_that_dates_its_own_attack_on_the_publication_day_is_not_a_reaction_story():
    """"A bomb exploded ... on Monday" in a Monday paper dates the story's own attack; an older
    dated attack further down is background, not the event a reaction story is about."""
    body = ("KABUL (Reuters) - A bomb exploded in a crowded market in the city on Monday, wounding at least 12 "
            "people, police said.\n\nNo group said it had planted the bomb.\n\nThe city has seen several attacks "
            "this year.\n\nA suicide bombing at the same market on March 2 killed three people.")
    assert event_of(body, D(2024, 4, 8)) == D(2024, 4, 8)
    reaction = body.replace("A bomb exploded in a crowded market in the city on Monday, wounding at least 12 people",
                            "The United Nations called for calm in the city on Monday")
    assert event_of(reaction, D(2024, 4, 8)) == D(2024, 3, 2)


def test_a_date_told_of_a_similar_or_previous_attack_is_another_events():
    body = ("At least nine soldiers were killed in an attack on an army post in the north, the army said on "
            "Thursday.\n\nThe post lies near the border.\n\nThe assault began before dawn.\n\n"
            "Similar attacks have previously occurred in the province, including on June 3 when six guards were killed.")
    assert event_of(body, D(2023, 11, 9)) == D(2023, 11, 9)
    own = body.replace("Similar attacks have previously occurred", "The attack on the post occurred")
    assert event_of(own.replace(", including on June 3 when six guards were killed", " on November 8"),
                    D(2023, 11, 9)) == D(2023, 11, 8)


def test_the_day_a_group_claimed_responsibility_is_a_statements_not_the_attacks():
    body = ("The rebel group claimed responsibility on May 9 for the killing of three soldiers who went missing "
            "during a patrol in the hills.\n\nIts commander said the soldiers were shot in an ambush.\n\n"
            "The soldiers had been missing since the ambush, which took place on May 2 near the river.")
    assert event_of(body, D(2021, 5, 11)) == D(2021, 5, 2)


def test_a_holiday_on_a_fixed_day_is_that_day():
    body = ("Guards are on alert across the country after a New Year’s Day riot in which seven inmates were killed "
            "at a prison in the south, officials said.")
    assert event_of(body, D(2019, 1, 3)) == D(2019, 1, 1)
    assert ("Christmas Eve", D(2018, 12, 24), False) in dates_of("Rebels attacked the town on Christmas Eve.", D(2019, 1, 3))


@pytest.mark.parametrize("lead", [
    "On 12 May 2009, gunmen stormed the hotel and killed 14 guests.",
    "On the evening of 12 May 2009, forty guests gathered in the hotel's hall for a wedding.",
])
def test_a_story_told_years_later_that_dates_only_its_old_event_is_dated_by_it(lead):
    body = f"Fri 20 Mar 2015\n\n{lead} The gunmen came in through the kitchen. Nobody has been tried for the attack."
    assert event_of(body, find_published(body)) == D(2009, 5, 12)
