"""extract_article: runs every extractor on one article (metadata, actors, places, quotes, figures, dates).

`extract_article` is a pure function of one RawArticle and the knowledge base, so it can be
cached by content hash and run in parallel; everything dossier-wide happens in resolve.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from dataclasses import replace
from itertools import accumulate

from generator.extract.actors import find_actors
from generator.extract.actors import prepare as prepare_actors
from generator.extract.dates import find_dates, find_event_date, find_published
from generator.extract.figures import find_figures, headline_toll
from generator.extract.metadata import derive_title, lead_summary, publisher_of
from generator.extract.places import (
    cache_folder, find_places, follows_a_locative, is_prepared, main_country, placed_again, without_countries_as_governments)
from generator.extract.places import prepare as prepare_places
from generator.extract.quotes import find_quotes
from generator.knowledge import KbEntry, KnowledgeBase, wires_in
from generator.lexicon import (GOVERNMENT_AFTER, LED_AFTER, PLACE_KIND_AFTER, SPEECH_VERBS, VESSEL_NOUNS, VESSEL_PREFIXES,
                               names_an_earlier_time)
from generator.names import normalize_surface, without_leading_article
from generator.models import ACTOR_KINDS, EntityMention, ExtractedArticle, Figure, Mention, RawArticle, Sentence, Toll
from generator.text import paragraph_spans, split_sentences, word_count


def prepare_extraction(kb: KnowledgeBase) -> None:
    """Load what every extraction reads (gazetteers, the actor matcher) once, before worker
    processes are forked: they then share it instead of each loading or building it."""
    prepare_places(kb.packs)
    prepare_actors(kb)


def first_run_notice(kb: KnowledgeBase) -> str | None:
    """What a user waits for when this version's gazetteers are not built yet (a first run):
    else None. Said before the wait, so that a silent pause does not look like a hang."""
    if is_prepared(kb.packs):
        return None
    return f"building the place gazetteers of this version once (about 10 s); they are kept in {cache_folder()}"


@functools.lru_cache(maxsize=8)
def _analyst_places(kb: KnowledgeBase) -> tuple[KbEntry, ...]:
    """kb.places() once per knowledge base, not once per article: it scans every entry."""
    return kb.places()


def _without_overlaps(places: tuple[EntityMention, ...], actors: tuple[EntityMention, ...], body: str):
    """Drop place mentions inside actor mentions ("Moscow said", "Syria Civil Defense"), but for
    a country where something is as well as a government that acts ("travelling to Russia,
    which said") and a division whose government acts ("the Balochistan government"): a place
    and an actor at once."""
    taken = sorted((m.start, m.end) for actor in actors for m in actor.mentions)
    starts = [start for start, _ in taken]
    furthest_ends = list(accumulate((end for _, end in taken), max))  # of the spans taken[: i + 1]

    def overlaps(start: int, end: int) -> bool:
        before_end = bisect_left(starts, end)  # the spans starting before `end`
        return before_end > 0 and furthest_ends[before_end - 1] > start

    spans = set(taken)  # a country's bare name, not "to U.S. authorities": that names the authorities
    return _keeping_mentions(places, lambda place, mention: not overlaps(mention.start, mention.end)
                             or (place.kind == "country" and (mention.start, mention.end) in spans
                                 and follows_a_locative(body, mention.start)
                                 and not LED_AFTER.match(body, mention.end))  # "in the US and Nato-led operation"
                             or (place.kind in ("region", "governorate") and GOVERNMENT_AFTER.match(body, mention.end)))


def _with_the_country_of_the_places(candidates: tuple[EntityMention, ...],
                                    places: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """The country two or more of the article's places lie in, if the article names it most, is
    one of its places though the text names it only in bodies' names or as an owner ("the
    Revolutionary Armed Forces of Colombia" in a story set in Buenaventura and Tumaco); one town
    says little ("the town of Azaz near the Turkish border")."""
    local = tuple(place for place in places if place.kind != "country")
    main = main_country(local)
    if (main is None or main != main_country(candidates) or sum(place.country == main for place in local) < 2
            or any(place.kind == "country" and place.country == main for place in places)):
        return places
    country = next((place for place in candidates if place.kind == "country" and place.country == main), None)
    if country is None:
        return places
    return tuple(sorted((*places, country), key=lambda place: (place.mentions[0].start, place.key)))


def _keeping_mentions(places: tuple[EntityMention, ...], keep) -> tuple[EntityMention, ...]:
    """`places` with only the mentions `keep(place, mention)` accepts; a place left with none is dropped."""
    kept = []
    for place in places:
        mentions = tuple(m for m in place.mentions if keep(place, m))
        if len(mentions) == len(place.mentions):
            kept.append(place)
        elif mentions:
            kept.append(replace(place, mentions=mentions))
    return tuple(kept)


def _without_surnames(places: tuple[EntityMention, ...], actors: tuple[EntityMention, ...], body: str):
    """Drop place mentions written as the surname of a person named in full: "Londoño" after
    "Fernando Londoño Hoyos" is the man, though GeoNames lists it as London's Esperanto name,
    and "Santos" after "Juan Manuel Santos" is not the Brazilian port; or as a family's name
    ("the Valencia brothers"). Countries stay places, and so does a division listed beside
    another of its country ("followed by Guerrero (149), Tamaulipas (119)" of a story that quotes
    a professor Eduardo Guerrero)."""
    surnames = {word for actor in actors if actor.kind == "person" for mention in actor.mentions
                for word in mention.surface.split()[1:] if word[:1].isupper()}
    # "Jidda Al-amin, a resident, said ... Jidda pleaded": a person's first name that speaks
    first_names = {mention.surface.split()[0] for actor in actors if actor.kind == "person" for mention in actor.mentions
                   if " " in mention.surface}
    divisions = [(mention.start, place.key, place.country) for place in places if place.kind in _DIVISION_KINDS
                 for mention in place.mentions]

    def listed_with_a_division(place: EntityMention, mention: Mention) -> bool:
        return place.kind in _DIVISION_KINDS and any(
            key != place.key and country == place.country and abs(start - mention.start) <= _LISTED_WITHIN
            for start, key, country in divisions)

    return _keeping_mentions(places, lambda place, mention: place.kind == "country" or listed_with_a_division(
        place, mention) or PLACE_KIND_AFTER.match(body, mention.end) is not None
        or (mention.surface not in surnames and not _FAMILY_AFTER.match(body, mention.end)
            and not (mention.surface in first_names and _SPEAKS_AFTER.match(body, mention.end))))


_DIVISION_KINDS = frozenset({"region", "governorate"})
_LISTED_WITHIN = 40  # characters between two divisions' mentions of one list


_FAMILY_AFTER = re.compile(r"\s+(?:brothers|sisters|family)\b")
_SPEAKS_AFTER = re.compile(rf"\s+(?:{SPEECH_VERBS}|pleaded|lamented|recalled|narrated)\b")


# What follows a group's short name: "Sinaloa leader Juan Jose Esparragoza", "the Sinaloa clan".
_GROUP_MEMBER_AFTER = re.compile(
    r"(?:\s*,\s*[A-Z]\w+)*(?:\s*,?\s+(?:and|or)\s+[A-Z]\w+)?"  # "the Sinaloa, Gulf, and Familia gangs"
    r"\s+(?:leaders?|boss(?:es)?|clans?|gangs?|factions?|members|cells?|operatives|capos?|chiefs?|commanders?|hitmen"
    r"|organi[sz]ations?|networks?)\b")  # "the Sinaloa organization has penetrated state forces"


def _bare(name: str) -> str:
    return without_leading_article(normalize_surface(name))


def _without_namesakes_of_bodies(places: tuple[EntityMention, ...], actors: tuple[EntityMention, ...], body: str):
    """Drop mentions of a town named exactly as an outlet or a body of the article, but for
    those after a locative: "Reforma's count" and "the estimates of La Reforma" quote the
    newspaper La Reforma, not the Mexican town."""
    bodies = {_bare(actor.name) for actor in actors if actor.kind in ("media", "organization", "armed_group")}
    if not bodies:
        return places
    return _keeping_mentions(places, lambda place, mention: place.kind == "country" or _bare(place.name) not in bodies
                             or follows_a_locative(body, mention.start))


def _without_group_short_forms(places: tuple[EntityMention, ...], actors: tuple[EntityMention, ...], body: str):
    """Drop place mentions that are the short name of a group the article names after the place
    ("Sinaloa leader X" and "the Sinaloa clan" where "the Sinaloa Cartel" is named): the group's,
    not the state's."""
    prefixes = {actor.name.rsplit(" ", 1)[0] for actor in actors
                if actor.kind in ("armed_group", "organization") and " " in actor.name}
    if not any(mention.surface in prefixes for place in places for mention in place.mentions):
        return places
    return _keeping_mentions(places, lambda place, mention: place.kind == "country" or mention.surface not in prefixes
                             or not _GROUP_MEMBER_AFTER.match(body, mention.end))


def _without_publisher(actors: tuple[EntityMention, ...], publisher: str | None) -> tuple[EntityMention, ...]:
    """The outlet that published the page is not an actor of its own story ("By the CNN Wire
    Staff", "told CNN"); a wire it carries and the other outlets it cites are."""
    if publisher is None:
        return actors
    own = normalize_surface(publisher)
    return tuple(actor for actor in actors if actor.kind != "media" or normalize_surface(actor.name) != own)


_VESSEL_NAME = re.compile(
    r"(?:\b(?:" + "|".join(VESSEL_NOUNS) + r")\s+(?:the\s+)?|\b(?:" + "|".join(VESSEL_PREFIXES) + r")\s+)"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _vessel_names(body: str) -> frozenset[str]:
    """The names the article gives ships ("the warship Moskva", "the frigate Admiral Makarov")."""
    if not any(noun in body for noun in VESSEL_NOUNS) and not any(f"{prefix} " in body for prefix in VESSEL_PREFIXES):
        return frozenset()  # most texts name no ship: a few look-ups are cheaper than the pattern
    return frozenset(match["name"] for match in _VESSEL_NAME.finditer(body))


def _without_vessels(entities: tuple[EntityMention, ...], vessels: frozenset[str]) -> tuple[EntityMention, ...]:
    """Drop the mentions that are a ship's name or a part of one ("Makarov" of the frigate
    "Admiral Makarov"), but not a country's nor a known actor's ("the ship Hezbollah said it hit")."""
    if not vessels:
        return entities
    words = {word for vessel in vessels for word in vessel.split()}
    return _keeping_mentions(entities, lambda entity, mention: entity.kind == "country"
                             or (entity.kind in ACTOR_KINDS and entity.kb_id is not None)
                             or (mention.surface not in vessels and mention.surface not in words))


def _headline_toll(figures: tuple[Figure, ...], sentences: tuple[Sentence, ...], title: str | None,
                   event_date: dt.date | None) -> Toll:
    """The toll of the body's main event; when the body counts no dead, the title's ("Mali: 22
    killed as fighting continues" over a text that only tells the fighting). A figure of a
    sentence dated before the main event is another event's ("In 2019 he survived a drone
    attack that left six soldiers dead", in a 2020 story; not "executed 300 men in March" in an
    April report on that March event)."""
    earlier = {index for index in {f.sentence for f in figures}  # once per sentence: a long one holds many
               if names_an_earlier_time(sentences[index].text, event_date)}
    toll = headline_toll(tuple(f for f in figures if f.sentence not in earlier), sentences)
    if toll.killed is not None or not title:
        return toll
    title_sentences = split_sentences(title)
    title_toll = headline_toll(find_figures(title, title_sentences, (), ()), title_sentences)
    return title_toll if title_toll.killed is not None else toll


def extract_article(raw: RawArticle, kb: KnowledgeBase) -> ExtractedArticle:
    body, declared = raw.body, raw.declared
    sentences = split_sentences(body)
    published = declared.published or find_published(body)
    candidate_places = find_places(body, sentences, _analyst_places(kb), kb.packs)
    publisher = publisher_of(declared.publisher, declared.url, kb)
    vessels = _vessel_names(body)
    actors = _without_vessels(_without_publisher(find_actors(body, sentences, kb, candidate_places), publisher), vessels)
    candidate_places = _without_vessels(candidate_places, vessels)
    places = _with_the_country_of_the_places(candidate_places, without_countries_as_governments(placed_again(
        candidate_places, _without_namesakes_of_bodies(_without_group_short_forms(_without_surnames(
            _without_overlaps(candidate_places, actors, body), actors, body), actors, body), actors, body), actors), body))
    figures = find_figures(body, sentences, actors, places)
    dates = find_dates(body, sentences, published)
    event_date = declared.event_date or find_event_date(body, sentences, dates, figures, published)
    wires = declared.wires or wires_in(body, kb)
    return ExtractedArticle(
        id=raw.id,
        source_path=raw.source_path,
        record=raw.record,
        content_hash=raw.content_hash,
        title=derive_title(declared.title, sentences),
        url=declared.url,
        publisher=publisher,
        wires=tuple(sorted(set(wires))),
        published=published,
        byline=declared.byline,
        event_date=event_date,
        tags=declared.tags,
        body=body,
        paragraphs=tuple(body[start:end] for start, end in paragraph_spans(body)),
        sentences=sentences,
        summary=lead_summary(sentences),
        word_count=word_count(body),
        actors=actors,
        places=places,
        quotes=find_quotes(body, sentences, actors),
        figures=figures,
        dates=dates,
        # an undated story's earlier times are unknown: its event date was read from the text
        headline_toll=_headline_toll(figures, sentences, declared.title, event_date if published else None),
    )
