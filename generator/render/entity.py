"""Actor and place pages: one per entity (actors/<id>.md, places/<id>.md)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from generator.models import ClaimOfEvent, Entity, EntityMention, ExtractedArticle, Quote, RenderedFile, ResolvedArticle
from generator.notes import Notes
from generator.render import limits
from generator.render.fragments import highlight, notes_block, tag_list
from generator.render.pages import PageMaker
from generator.xref import CrossReference


@dataclass(frozen=True)
class PlaceLevel:
    """One step of "Where: Syria › Aleppo Governorate › Aleppo › this district"."""

    level: str  # country, governorate or region, city, or the place's own kind
    entity_id: str | None  # None when the dossier has no page for it
    name: str


@dataclass(frozen=True)
class MentionInContext:
    slug: str  # the briefing page's slug
    article: ExtractedArticle
    sentence: int
    text: Markup  # the sentence with the mention highlighted


@dataclass(frozen=True)
class AttributedQuote:
    article: ExtractedArticle
    quote: Quote


@dataclass(frozen=True)
class Tally:
    entity_id: str
    count: int


@dataclass(frozen=True)
class EntitySources:
    """The entity, its notes, its place in the place hierarchy, every briefing that names it (as
    resolved), and the figures it claimed or that are located at it."""

    entity: Entity
    notes: Markup
    hierarchy: tuple[PlaceLevel, ...]
    briefings: tuple[ResolvedArticle, ...]  # in dossier order
    figures: tuple[ClaimOfEvent, ...]
    tags: tuple[str, ...]  # in their dossier-wide spellings

    def _division_label(self) -> str:
        """What the place's first-level division is called: "governorate" in a region pack's
        country (Syria), else "region"."""
        if self.entity.kind in ("governorate", "region"):
            return self.entity.kind
        return next((step.level for step in self.hierarchy[:-1] if step.level in ("governorate", "region")), "region")

    def context(self) -> dict[str, object]:
        entity = self.entity
        uses = self._uses()
        mentions = [(resolved, mention) for resolved, local in uses for mention in local.mentions]
        quotes = self._quotes() if entity.category == "actor" else []
        return dict(
            meta={"id": entity.id, "category": entity.category, "kind": entity.kind,
                  "aliases": list(entity.aliases), "tags": list(self.tags)},
            entity=entity,
            hierarchy=self.hierarchy,
            division_label=self._division_label(),
            briefings=[resolved.article for resolved in self.briefings[:limits.MAX_BRIEFINGS_PER_PAGE]],
            more_briefings=max(0, len(self.briefings) - limits.MAX_BRIEFINGS_PER_PAGE),
            contexts=[_in_context(resolved, m) for resolved, m in mentions[:limits.MAX_CONTEXTS_PER_ENTITY]],
            more_contexts=max(0, len(mentions) - limits.MAX_CONTEXTS_PER_ENTITY),
            related_actors=self._related("actor"),
            related_places=self._related("place"),
            active_actors=self._active_actors(uses) if entity.category == "place" else [],
            quotes=quotes[:limits.MAX_QUOTES_PER_PAGE],
            more_quotes=max(0, len(quotes) - limits.MAX_QUOTES_PER_PAGE),
            figures=self.figures[:limits.MAX_FIGURES_PER_PAGE],
            more_figures=max(0, len(self.figures) - limits.MAX_FIGURES_PER_PAGE),
            notes=self.notes,
        )

    def _uses(self) -> list[tuple[ResolvedArticle, EntityMention]]:
        """Each article-local entity the dossier resolves to this entity, in dossier order."""
        return [(resolved, local) for resolved in self.briefings
                for local, entity in resolved.locals_of(self.entity.category) if entity.id == self.entity.id]

    def _quotes(self) -> list[AttributedQuote]:
        return [AttributedQuote(resolved.article, quote) for resolved in self.briefings
                for quote in resolved.article.quotes if resolved.entity_id("actor", quote.speaker) == self.entity.id]

    def _related(self, category: str) -> list[Tally]:
        """Other actors (or places) named in the same briefings, with how many briefings they share."""
        counts: Counter[str] = Counter()
        names: dict[str, str] = {}
        for resolved in self.briefings:
            for _, entity in resolved.locals_of(category):
                names[entity.id] = entity.name.casefold()
            counts.update(list(dict.fromkeys(entity.id for _, entity in resolved.locals_of(category))))  # once each, in order
        counts.pop(self.entity.id, None)
        return _ranked(counts, names)

    def _active_actors(self, uses: list[tuple[ResolvedArticle, EntityMention]]) -> list[Tally]:
        """Actors named in the same sentence as the place: who is active there, by sentence count."""
        counts: Counter[str] = Counter()
        names: dict[str, str] = {}
        for resolved, place_local in uses:
            sentences = {mention.sentence for mention in place_local.mentions}
            for local, actor in resolved.locals_of("actor"):
                together = len(sentences.intersection(mention.sentence for mention in local.mentions))
                if together:
                    counts[actor.id] += together
                    names[actor.id] = actor.name.casefold()
        return _ranked(counts, names)


def _ranked(counts: Counter[str], names: dict[str, str]) -> list[Tally]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], names[item[0]]))
    return [Tally(entity_id, count) for entity_id, count in ranked[:limits.MAX_TOP_ENTITIES]]


def _in_context(resolved: ResolvedArticle, mention) -> MentionInContext:
    """The sentence of a mention with the mention highlighted, for "Mentions in context"."""
    sentence = resolved.article.sentences[mention.sentence]
    text = highlight(sentence.text, mention.start - sentence.start, mention.end - sentence.start)
    return MentionInContext(resolved.slug, resolved.article, sentence.index, text)


def hierarchy(xref: CrossReference, place: Entity) -> tuple[PlaceLevel, ...]:
    """From country down to the place itself; empty when nothing above the place is known."""
    division = xref.governorate_of(place)
    levels = [("country", xref.country_of(place), place.country),
              (xref.entities[division].kind if division else xref.division_kind(place.country), division,
               place.region if place.kind not in ("governorate", "region", "country") else None),
              ("city", xref.city_of(place), None)]
    chain = [PlaceLevel(level, entity_id, xref.entities[entity_id].name if entity_id else name)
             for level, entity_id, name in levels if entity_id or name]
    return (*chain, PlaceLevel(place.kind, place.id, place.name)) if chain else ()


def figures_by_entity(xref: CrossReference) -> dict[str, list[ClaimOfEvent]]:
    """Per entity, in dossier order: the figures an actor claimed, or the figures located at
    a place (or at an event there)."""
    rows: dict[str, list[ClaimOfEvent]] = defaultdict(list)
    for article in xref.dossier.articles:
        for row in xref.claims_of(article):
            claim, event = row.claim, row.event
            if claim.claimant_id:
                rows[claim.claimant_id].append(row)
            if claim.place_id:
                rows[claim.place_id].append(row)
            if event and event.area_id and event.area_id != claim.place_id:
                rows[event.area_id].append(row)
    return rows


def entity_tags(entity: Entity) -> list[str]:
    """An actor's kind; a place's kind and country."""
    return [entity.kind.replace("_", " ")] + ([entity.country] if entity.category == "place" and entity.country else [])


def entity_pages(maker: PageMaker, xref: CrossReference, notes: Notes,
                 spellings: Mapping[str, str]) -> list[RenderedFile]:
    figures = figures_by_entity(xref)
    pages = []
    for entity in xref.dossier.entities:
        section = "actors" if entity.category == "actor" else "places"
        sources = EntitySources(
            entity, notes_block(notes.get(section, entity.id)),
            hierarchy(xref, entity) if entity.category == "place" else (),
            tuple(xref.resolved[article_id] for article_id in xref.holders(entity.id)),
            tuple(figures.get(entity.id, ())), tag_list(entity_tags(entity), spellings))
        pages.append(maker.page(f"{section}/{entity.id}.md", f"{entity.category}.md.j2", sources))
    return pages
