"""The resolve stage's cross-reference of a dossier, which pages and exports share: briefing slugs,
articles as resolved, places, casualty events (generator.incidents: one event per incident, across
articles; generator.claim_roles: what each claim counts) and related briefings.

A claim whose sentence names no place takes the article's main place and is marked as inferred.
The main place is in the article's main country (the country whose places it names most: a
story about Syria told from Moscow happened in Syria) and in its main division there (the
first-level division whose places it names most: a town named three times is the story's, not
a city of another division named once for its distance); there it is the most-named city, else
the division, else a smaller place; failing all of those, the most-named such place anywhere
in the main country, else the country. Never a region beyond countries ("the Middle East").
The lead's mentions count twice. A district rolls up to the most-mentioned city of the same governorate in that briefing
(local reporting names the neighbourhood and leaves the city implicit).
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.claim_roles import BACKGROUND, LEAD_SENTENCES, claim_roles
from generator.incidents import (
    PlaceTree,
    edge_cities,
    edge_places,
    incident_reports,
    is_beyond_countries,
    make_events,
    resolve_incidents,
)
from generator.models import (
    Claim,
    ClaimOfEvent,
    Dossier,
    Entity,
    EntityMention,
    EntityRef,
    Event,
    ExtractedArticle,
    RelatedBriefing,
    ResolvedArticle,
)
from generator.slugs import is_index_page_name, slugify

_MAIN_PLACE_KINDS = (("city",), ("governorate", "region"), ("town", "village", "district", "area"), ("country",))
MAX_RELATED_BRIEFINGS = 8
# An entity named in more briefings than this says nothing about how two briefings relate
# ("Syria"), and skipping it keeps related-briefing lookups linear at 10,000 articles.
MAX_SHARED_ENTITY_BRIEFINGS = 200


def main_events(events: tuple[Event, ...]) -> dict[str, str]:
    """Article id -> key of its main event: the event holding its largest total (killed before
    wounded and missing), else its largest claim of any role."""
    best: dict[str, tuple] = {}
    for event in events:
        for claim in event.claims:
            rank = (claim.is_total, claim.figure.kind == "killed", claim.figure.count, -claim.index)
            held = best.get(claim.article.id)
            if held is None or rank > held[0]:
                best[claim.article.id] = (rank, event.key)
    return {article_id: key for article_id, (_rank, key) in best.items()}


def briefing_slugs(articles: tuple[ExtractedArticle, ...]) -> dict[str, str]:
    """Unique, stable page slugs for article ids (ids from collections may be anything); never
    the name of a page of the briefings index (index, page-2, ...)."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for article in sorted(articles, key=lambda a: a.id):
        slug = slugify(article.id)
        if slug in taken or is_index_page_name(slug):
            slug = f"{slug}-{slugify(article.source_path + (article.record or ''))[-8:]}"
        taken.add(slug)
        slugs[article.id] = slug
    return slugs


def cross_reference(dossier: Dossier) -> CrossReference:
    """The resolve stage's last step: everything pages and exports share, computed once."""
    return CrossReference(dossier)


@dataclass(frozen=True, eq=False)
class CrossReference:
    """A resolved dossier with its cross-reference: briefing slugs, each article as resolved,
    entity uses, places, casualty events and related briefings. Built once, then only read."""

    dossier: Dossier
    entities: Mapping[str, Entity] = field(init=False)
    slugs: Mapping[str, str] = field(init=False)  # article id -> briefing page slug
    resolved: Mapping[str, ResolvedArticle] = field(init=False)  # by article id
    events: tuple[Event, ...] = field(init=False)
    background: tuple[Claim, ...] = field(init=False)  # claims of earlier events and war-wide tallies
    related: Mapping[str, tuple[RelatedBriefing, ...]] = field(init=False)  # by article id
    event_of_article: Mapping[str, str] = field(init=False)  # article id -> key of its main event
    # entity id -> (article, local entity) of every local entity it resolves, in dossier order
    _locals: Mapping[str, list[tuple[ExtractedArticle, EntityMention]]] = field(init=False, repr=False)
    _refs: Mapping[str, EntityRef] = field(init=False, repr=False)
    _holders: Mapping[str, list[str]] = field(init=False, repr=False)  # entity id -> article ids, in order
    _place_mentions: Mapping[str, Counter[str]] = field(init=False, repr=False)
    _actor_mentions: Mapping[str, Counter[str]] = field(init=False, repr=False)
    _region_place: Mapping[tuple[str, str | None], str] = field(init=False, repr=False)
    _country_place: Mapping[str, str] = field(init=False, repr=False)
    _main_places: Mapping[str, str | None] = field(init=False, repr=False)
    _claims_by_article: Mapping[str, list[ClaimOfEvent]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        dossier = self.dossier
        put = object.__setattr__  # frozen: the fields are set here, once
        put(self, "entities", {entity.id: entity for entity in dossier.entities})
        put(self, "slugs", briefing_slugs(dossier.articles))
        put(self, "_refs", {entity.id: EntityRef.of(entity) for entity in dossier.entities})  # one each, shared
        put(self, "resolved", {a.id: self._resolve(a) for a in dossier.articles})
        put(self, "_locals", defaultdict(list))
        put(self, "_place_mentions", {a.id: self._mention_counts(a, "place") for a in dossier.articles})
        put(self, "_actor_mentions", {a.id: self._mention_counts(a, "actor") for a in dossier.articles})
        holders: dict[str, list[str]] = defaultdict(list)
        for article in dossier.articles:
            for counts in (self._actor_mentions[article.id], self._place_mentions[article.id]):
                for entity_id in counts:
                    holders[entity_id].append(article.id)
        put(self, "_holders", holders)
        put(self, "_region_place", {(e.kind, e.region): e.id for e in reversed(dossier.entities)
                                    if e.category == "place" and e.kind in ("governorate", "region")})
        put(self, "_country_place", {e.name: e.id for e in dossier.entities
                                     if e.category == "place" and e.kind == "country"})
        put(self, "_main_places", {a.id: self._most_named_place(a) for a in dossier.articles})
        claims = self.claims()
        put(self, "events", self._events(claims))
        put(self, "background", tuple(claim for claim in claims if claim.role == BACKGROUND))
        claims_by_article: dict[str, list[ClaimOfEvent]] = defaultdict(list)
        for event in self.events:
            for claim in event.claims:
                claims_by_article[claim.article.id].append(ClaimOfEvent(claim, event))
        for claim in self.background:
            claims_by_article[claim.article.id].append(ClaimOfEvent(claim, None))
        put(self, "_claims_by_article", claims_by_article)
        put(self, "event_of_article", main_events(self.events))
        put(self, "related", self._related_briefings())

    def _resolve(self, article: ExtractedArticle) -> ResolvedArticle:
        entity_of, refs = self.dossier.entity_of, self._refs
        return ResolvedArticle(
            article, self.slugs[article.id],
            tuple(refs[entity_of[(article.id, "actor", local.key)]] for local in article.actors),
            tuple(refs[entity_of[(article.id, "place", local.key)]] for local in article.places))

    def _mention_counts(self, article: ExtractedArticle, category: str) -> Counter[str]:
        counts: Counter[str] = Counter()
        for local, entity in self.resolved[article.id].locals_of(category):
            counts[entity.id] = counts.get(entity.id, 0) + len(local.mentions)  # no Counter.__missing__ call
            self._locals[entity.id].append((article, local))
        return counts

    def entity_ids(self, article: ExtractedArticle, category: str) -> Counter[str]:
        """Dossier ids of the article's actors or places, with their mention counts."""
        return (self._actor_mentions if category == "actor" else self._place_mentions)[article.id]

    def holders(self, entity_id: str) -> list[str]:
        """Ids of the articles naming the entity, in dossier order."""
        return self._holders.get(entity_id, [])

    def locals_of(self, entity_id: str) -> list[tuple[ExtractedArticle, EntityMention]]:
        """(article, local entity) of every article-local entity the dossier resolves to `entity_id`."""
        return self._locals.get(entity_id, [])

    def mention_total(self, entity_id: str) -> int:
        entity = self.entities.get(entity_id)
        counts = self._actor_mentions if entity and entity.category == "actor" else self._place_mentions
        return sum(counts[a][entity_id] for a in self.holders(entity_id))

    def local(self, article: ExtractedArticle, category: str, key: str | None) -> str | None:
        return self.dossier.entity_of.get((article.id, category, key)) if key else None

    # -- places -----------------------------------------------------------------------------

    def _ranked(self, counts: Counter[str], kinds: tuple[str, ...], region: str | None = None) -> str | None:
        candidates = [pid for pid in counts if self.entities[pid].kind in kinds
                      and (region is None or self.entities[pid].region == region)]
        return min(candidates, key=lambda pid: (-counts[pid], self.entities[pid].name.casefold(), pid), default=None)

    def main_place(self, article: ExtractedArticle) -> str | None:
        """Where the article's claims happened when their sentences do not say (module docstring)."""
        return self._main_places[article.id]

    def _most_named_place(self, article: ExtractedArticle) -> str | None:
        """See the module's docstring."""
        weights: Counter[str] = Counter()
        by_country: Counter[str] = Counter()
        for local, entity in self.resolved[article.id].locals_of("place"):
            weight = sum(2 if mention.sentence < LEAD_SENTENCES else 1 for mention in local.mentions)
            weights[entity.id] += weight
            if entity.country:
                by_country[entity.country] += weight
        home = min(by_country, key=lambda country: (-by_country[country], country), default=None)
        by_division: Counter[str] = Counter()
        for pid, weight in weights.items():
            place = self.entities[pid]
            if place.country == home and place.region and place.kind != "country":
                by_division[place.region] += weight
        division = min(by_division, key=lambda region: (-by_division[region], region), default=None)
        for region in dict.fromkeys((division, None)):
            for kinds in _MAIN_PLACE_KINDS:
                candidates = [pid for pid in weights if self.entities[pid].kind in kinds
                              and (home is None or self.entities[pid].country in (home, None))
                              and (region is None or self.entities[pid].region == region)
                              and not is_beyond_countries(self.entities[pid])]
                if candidates:
                    return min(candidates, key=lambda pid: (-weights[pid], self.entities[pid].name.casefold(), pid))
        return None

    def area(self, article: ExtractedArticle, place_id: str | None) -> str | None:
        """The settlement an event at `place_id` belongs to (a district rolls up to its city)."""
        if place_id is None or self.entities[place_id].kind != "district":
            return place_id
        place = self.entities[place_id]
        return self._ranked(self._place_mentions[article.id], ("city",), place.region) or place_id

    def city_of(self, place: Entity) -> str | None:
        """A district's city: the city of its governorate most mentioned alongside it, never its
        namesake ("Lira district" is the district around the town of Lira, not a quarter of it)."""
        if place.kind != "district" or not place.region:
            return None
        counts: Counter[str] = Counter()
        for article_id in self._holders[place.id]:
            counts.update(self._place_mentions[article_id])
        for pid in [pid for pid in counts if self.entities[pid].name == place.name]:
            del counts[pid]
        return self._ranked(counts, ("city",), place.region)

    def governorate_of(self, place: Entity) -> str | None:
        if place.kind in ("governorate", "region", "country") or not place.region:
            return None
        return self._region_place.get(("governorate", place.region)) or self._region_place.get(("region", place.region))

    def division_kind(self, country: str | None) -> str:
        """What a country's first-level divisions are called in this dossier: "governorate"
        where a region pack's are (Syria's), else "region" (the world base's)."""
        return "governorate" if country in self._countries_with_governorates else "region"

    @functools.cached_property
    def _countries_with_governorates(self) -> frozenset[str]:
        return frozenset(e.country for e in self.entities.values() if e.kind == "governorate" and e.country)

    def country_of(self, place: Entity) -> str | None:
        if place.kind == "country" or not place.country:
            return None
        return self._country_place.get(place.country)

    # -- casualty events --------------------------------------------------------------------

    def claims(self) -> list[Claim]:
        claims = []
        for article in self.dossier.articles:
            main = self.main_place(article)
            roles = claim_roles(article)
            for index, figure in enumerate(article.figures):
                own = self.local(article, "place", figure.place)
                claims.append(Claim(article, figure, index, own or main, own is None and main is not None,
                                    self.local(article, "actor", figure.source), roles[index]))
        return claims

    def _events(self, claims: list[Claim]) -> tuple[Event, ...]:
        tree = PlaceTree(self.entities, self._edge_places())
        reports = incident_reports(claims, tree, self.incident_place, self.area, self.named_settlements,
                                   self.edge_cities)
        return make_events(resolve_incidents(reports, tree), tree)

    def _edge_places(self) -> set[tuple[str, str]]:
        """(place, city) pairs of places any article puts on a city's edge (incidents.edge_places)."""
        return {pair for article in self.dossier.articles
                for pair in edge_places(article.body, self._place_spans[article.id])}

    def edge_cities(self, article: ExtractedArticle) -> frozenset[str]:
        """The places whose suburbs or outskirts the article speaks of (incidents.edge_cities)."""
        return edge_cities(article.body, self._place_spans[article.id])

    @functools.cached_property
    def _place_spans(self) -> dict[str, list[tuple[int, int, str]]]:
        """By article: (start, end, dossier id) of each place mention."""
        return {article.id: [(mention.start, mention.end, entity.id)
                             for local, entity in self.resolved[article.id].locals_of("place") for mention in local.mentions]
                for article in self.dossier.articles}

    def incident_place(self, article: ExtractedArticle) -> str | None:
        """Where the article's main incident is: its main place, rolled up to the settlement."""
        return self.area(article, self._main_places[article.id])

    def named_settlements(self, article: ExtractedArticle) -> frozenset[str]:
        """The places the article names, districts rolled up to their city."""
        return frozenset(self.area(article, place_id) for place_id in self._place_mentions[article.id])

    def claims_of(self, article: ExtractedArticle) -> tuple[ClaimOfEvent, ...]:
        """The article's figures as claims, in article order, each with its event."""
        return tuple(sorted(self._claims_by_article.get(article.id, []), key=lambda pair: pair.claim.index))

    # -- related briefings ------------------------------------------------------------------

    def _related_briefings(self) -> dict[str, tuple[RelatedBriefing, ...]]:
        """Per article: other briefings sharing entities or the event, best first (bounded).

        Score: one point per shared entity, three for the same event; ties by article id.
        """
        telling = {entity_id: ids for entity_id, ids in self._holders.items()
                   if len(ids) <= MAX_SHARED_ENTITY_BRIEFINGS}
        by_event: dict[str, list[str]] = defaultdict(list)
        for article_id, key in self.event_of_article.items():
            by_event[key].append(article_id)
        peers_of_event = {key: ids[:MAX_SHARED_ENTITY_BRIEFINGS] for key, ids in by_event.items()}
        peer_sets = {key: set(ids) for key, ids in peers_of_event.items() if len(ids) > 1}
        sort_name = {entity_id: entity.name.casefold() for entity_id, entity in self.entities.items()}
        by_id = {a.id: a for a in self.dossier.articles}
        held = {a.id: self._actor_mentions[a.id].keys() | self._place_mentions[a.id].keys()
                for a in self.dossier.articles}
        related = {}
        for article in self.dossier.articles:
            own = [entity_id for category in (self._actor_mentions, self._place_mentions)
                   for entity_id in category[article.id] if entity_id in telling]
            scores: Counter[str] = Counter()
            for entity_id in own:
                scores.update(telling[entity_id])  # C-level counting of each holder list
            event = self.event_of_article.get(article.id)
            for peer in peers_of_event.get(event, ()):
                scores[peer] += 3
            scores.pop(article.id, None)  # absent when it names no telling entity and sits past the event cap
            peers = peer_sets.get(event, ())
            related[article.id] = tuple(
                RelatedBriefing(by_id[other],
                                tuple(sorted(filter(held[other].__contains__, own), key=sort_name.__getitem__)),
                                other in peers)
                for other in best_scored(scores, MAX_RELATED_BRIEFINGS)
            )
        return related


def best_scored(scores: dict[str, int], limit: int) -> list[str]:
    """The `limit` keys of highest score, ties by key, best first.

    Sorts with C-level keys only: a Python key function per candidate (hundreds per briefing at
    scale) cost more than the rest of the cross-reference.
    """
    cutoff = sorted(scores.values(), reverse=True)[limit - 1] if len(scores) > limit else 0
    contenders = sorted([key for key, score in scores.items() if score >= cutoff])
    contenders.sort(key=scores.__getitem__, reverse=True)  # stable: equal scores stay in key order
    return contenders[:limit]
