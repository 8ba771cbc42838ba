"""Cross-reference of a dossier that pages and exports share: places, events, related briefings.

Event key (how casualty claims are grouped): the article's event date (its publication date
when no event date is known) and the claim's place rolled up to a settlement: a district rolls
up to the most-mentioned city of the same governorate in that briefing (local reporting names the
neighbourhood and leaves the city implicit); cities, towns, villages, areas, governorates and
countries stay themselves. A claim whose sentence names no place takes the article's main place
(its most-mentioned city, else governorate, else any place) and is marked as inferred.

Per event and kind, estimates follow UCDP (low / best / high: lowest claim, median claim,
highest claim) and ACLED (the most conservative claim is the lowest). Only totals (who is
"people" or "civilians") are compared: "1 medic hurt" is part of a toll, not a rival figure.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.models import Dossier, Entity, EntityMention, ExtractedArticle, Figure

TOTAL_WHO = frozenset({"people", "civilians"})
_MAIN_PLACE_KINDS = (("city",), ("governorate", "region"), ("town", "village", "district", "area"), ("country",))
MAX_RELATED_BRIEFINGS = 8
# An entity named in more briefings than this says nothing about how two briefings relate
# ("Syria"), and skipping it keeps related-briefing lookups linear at 10,000 articles.
MAX_SHARED_ENTITY_BRIEFINGS = 200


@dataclass(frozen=True)
class Claim:
    """One casualty figure as one article reports it, with dossier-wide ids."""

    article: ExtractedArticle
    figure: Figure
    index: int  # position in article.figures
    place_id: str | None  # the figure's own place, else the article's main place
    place_inferred: bool  # True when the sentence named no place
    claimant_id: str | None

    @property
    def is_total(self) -> bool:
        return self.figure.who in TOTAL_WHO


@dataclass(frozen=True)
class Estimate:
    """Low / best / high of one casualty kind at one event, and whether the claims disagree."""

    kind: str
    low: int
    best: int
    high: int
    conservative: Claim  # ACLED: the lowest total claim
    disagreement: bool


@dataclass(frozen=True)
class Event:
    key: str  # "2016-09-23/aleppo"; stable, used as the anchor on figures.md
    date: dt.date | None
    area_id: str | None
    claims: tuple[Claim, ...]
    estimates: tuple[Estimate, ...]

    @property
    def disagreements(self) -> tuple[Estimate, ...]:
        return tuple(e for e in self.estimates if e.disagreement)

    def disagrees(self, claim: Claim) -> bool:
        """True for a total claim of a kind on which this event's sources give different numbers."""
        return claim.is_total and any(e.kind == claim.figure.kind for e in self.disagreements)


def event_date(article: ExtractedArticle) -> dt.date | None:
    return article.event_date or article.published


def event_key(date: dt.date | None, area_id: str | None) -> str:
    return f"{date.isoformat() if date else 'undated'}/{area_id or 'unplaced'}"


class CrossReference:
    """Lookups over one dossier, computed once per render."""

    def __init__(self, dossier: Dossier):
        self.dossier = dossier
        self.entities = {entity.id: entity for entity in dossier.entities}
        # entity id -> (article, local entity) of every local entity it resolves, in dossier order
        self._locals: dict[str, list[tuple[ExtractedArticle, EntityMention]]] = defaultdict(list)
        self._place_mentions = {a.id: self._mention_counts(a, "place") for a in dossier.articles}
        self._actor_mentions = {a.id: self._mention_counts(a, "actor") for a in dossier.articles}
        self._holders: dict[str, list[str]] = defaultdict(list)  # entity id -> article ids, in dossier order
        for article in dossier.articles:
            for counts in (self._actor_mentions[article.id], self._place_mentions[article.id]):
                for entity_id in counts:
                    self._holders[entity_id].append(article.id)
        self._region_place = {(e.kind, e.region): e.id for e in reversed(dossier.entities)
                              if e.category == "place" and e.kind in ("governorate", "region")}
        self._country_place = {e.name: e.id for e in dossier.entities if e.category == "place" and e.kind == "country"}
        self._main_places = {a.id: self._most_mentioned_place(a) for a in dossier.articles}
        self.events = self._events()
        self._claims_by_article: dict[str, list[tuple[Claim, Event]]] = defaultdict(list)
        for event in self.events:
            for claim in event.claims:
                self._claims_by_article[claim.article.id].append((claim, event))
        self.event_of_article = {a.id: event_key(event_date(a), self.area(a, self._main_places[a.id]))
                                 for a in dossier.articles}

    def _mention_counts(self, article: ExtractedArticle, category: str) -> Counter[str]:
        entity_of = self.dossier.entity_of
        counts: Counter[str] = Counter()
        for local in article.actors if category == "actor" else article.places:
            entity_id = entity_of[(article.id, category, local.key)]
            counts[entity_id] = counts.get(entity_id, 0) + len(local.mentions)  # no Counter.__missing__ call
            self._locals[entity_id].append((article, local))
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
        """The most-mentioned city, else governorate, else smaller place, else country."""
        return self._main_places[article.id]

    def _most_mentioned_place(self, article: ExtractedArticle) -> str | None:
        counts = self._place_mentions[article.id]
        for kinds in _MAIN_PLACE_KINDS:
            found = self._ranked(counts, kinds)
            if found:
                return found
        return None

    def area(self, article: ExtractedArticle, place_id: str | None) -> str | None:
        """The settlement an event at `place_id` belongs to (a district rolls up to its city)."""
        if place_id is None or self.entities[place_id].kind != "district":
            return place_id
        place = self.entities[place_id]
        return self._ranked(self._place_mentions[article.id], ("city",), place.region) or place_id

    def city_of(self, place: Entity) -> str | None:
        """A district's city: the city of its governorate most mentioned alongside it."""
        if place.kind != "district" or not place.region:
            return None
        counts: Counter[str] = Counter()
        for article_id in self._holders[place.id]:
            counts.update(self._place_mentions[article_id])
        return self._ranked(counts, ("city",), place.region)

    def governorate_of(self, place: Entity) -> str | None:
        if place.kind in ("governorate", "region", "country") or not place.region:
            return None
        return self._region_place.get(("governorate", place.region)) or self._region_place.get(("region", place.region))

    def country_of(self, place: Entity) -> str | None:
        if place.kind == "country" or not place.country:
            return None
        return self._country_place.get(place.country)

    # -- casualty events --------------------------------------------------------------------

    def claims(self) -> list[Claim]:
        claims = []
        for article in self.dossier.articles:
            main = self.main_place(article)
            for index, figure in enumerate(article.figures):
                own = self.local(article, "place", figure.place)
                claims.append(Claim(article, figure, index, own or main, own is None and main is not None,
                                    self.local(article, "actor", figure.source)))
        return claims

    def _events(self) -> tuple[Event, ...]:
        grouped: dict[tuple, list[Claim]] = defaultdict(list)
        for claim in self.claims():
            date = event_date(claim.article)
            grouped[(date or dt.date.min, self.area(claim.article, claim.place_id) or "")].append(claim)
        events = []
        for (date, area_id), claims in sorted(grouped.items()):
            claims.sort(key=lambda c: (c.figure.kind, not c.is_total, -c.figure.count, c.article.id, c.index))
            real_date = None if date == dt.date.min else date
            events.append(Event(event_key(real_date, area_id or None), real_date, area_id or None,
                                tuple(claims), _estimates(claims)))
        return tuple(events)

    def claims_of(self, article: ExtractedArticle) -> list[tuple[Claim, Event]]:
        """The article's figures as claims, in article order, each with its event."""
        return sorted(self._claims_by_article.get(article.id, []), key=lambda pair: pair[0].index)

    # -- related briefings ------------------------------------------------------------------

    def related_briefings(self) -> dict[str, list[tuple[ExtractedArticle, list[str], bool]]]:
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
            event = self.event_of_article[article.id]
            for peer in peers_of_event[event]:
                scores[peer] += 3
            scores.pop(article.id, None)  # absent when it names no telling entity and sits past the event cap
            peers = peer_sets.get(event, ())
            related[article.id] = [
                (by_id[other], sorted(filter(held[other].__contains__, own), key=sort_name.__getitem__),
                 other in peers)
                for other in best_scored(scores, MAX_RELATED_BRIEFINGS)
            ]
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


def _estimates(claims: list[Claim]) -> tuple[Estimate, ...]:
    estimates = []
    for kind in sorted({c.figure.kind for c in claims}):
        of_kind = [c for c in claims if c.figure.kind == kind]
        compared = [c for c in of_kind if c.is_total] or of_kind
        counts = sorted(c.figure.count for c in compared)
        conservative = min(compared, key=lambda c: (c.figure.count, c.article.id, c.index))
        estimates.append(Estimate(kind, counts[0], counts[(len(counts) - 1) // 2], counts[-1], conservative,
                                  len(set(counts)) > 1))
    return tuple(estimates)
