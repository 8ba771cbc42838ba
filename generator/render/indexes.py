"""The overview (index.md), the section indexes (briefings, actors, places), tags and connections."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.cooccurrence import choose, matrix_svg, top_pairs
from generator.incidents import claimant_of
from generator.models import Entity, Estimate, Event, ExtractedArticle, RenderedFile
from generator.render import limits
from generator.render.coverage import coverage_svg
from generator.render.fragments import iso, newest_first
from generator.render.pages import Fields, PageMaker
from generator.xref import CrossReference


@dataclass(frozen=True)
class EntityRow:
    entity: Entity
    briefings: int
    mentions: int


@dataclass(frozen=True)
class DateRange:
    first: str
    last: str


@dataclass(frozen=True)
class Disagreement:
    """The widest disagreement of one event, for the overview's one-line list."""

    event: Event
    estimate: Estimate
    claimants: int


@dataclass(frozen=True)
class OverviewSources(Fields):
    """index.md: the dossier at a glance."""

    title: str
    description: str
    articles: tuple[ExtractedArticle, ...]
    latest: list[ExtractedArticle]
    date_range: DateRange | None
    actor_count: int
    place_count: int
    claim_count: int
    event_count: int
    top_actors: list[EntityRow]
    top_places: list[EntityRow]
    outlet_count: int
    most_reported: list[Event]
    disagreements: list[Disagreement]
    undated_articles: int


@dataclass(frozen=True)
class BriefingsIndexSources(Fields):
    """One page of the briefings index."""

    meta: dict
    articles: tuple[ExtractedArticle, ...]
    total: int
    first: int  # the number of the first briefing on this page
    pages: list[str]  # the names of every page of the index
    current: int  # this page's number, from 1


@dataclass(frozen=True)
class EntityIndexSources(Fields):
    """One page of the actors' or the places' index."""

    meta: dict
    heading: str
    category: str
    rows: list[EntityRow]
    total: int
    first: int  # the rank of the first row on this page
    pages: list[str]  # the names of every page of the index
    current: int  # this page's number, from 1


@dataclass(frozen=True)
class Pair:
    left: str
    right: str
    count: int


@dataclass(frozen=True)
class ConnectionsSources(Fields):
    meta: dict
    pairs: list[Pair]


@dataclass(frozen=True)
class TagsSources(Fields):
    meta: dict


def entity_rows(xref: CrossReference, category: str) -> list[EntityRow]:
    """Every entity of the category, most mentioned first."""
    rows = [EntityRow(entity, len(xref.holders(entity.id)), xref.mention_total(entity.id))
            for entity in xref.dossier.entities if entity.category == category]
    rows.sort(key=lambda row: (-row.mentions, row.entity.name.casefold()))
    return rows


def most_reported_entities(xref: CrossReference, category: str) -> list[EntityRow]:
    """The overview's entities: those the most briefings name first, since the overview shows
    that count and breadth across reports says more than one long article's repetitions. News
    outlets are left out: nearly every briefing cites one, so they would crowd out the event's
    actors, and the sources page lists them."""
    rows = [row for row in entity_rows(xref, category) if row.entity.kind != "media"]
    rows.sort(key=lambda row: (-row.briefings, -row.mentions, row.entity.name.casefold()))
    return rows[:limits.MAX_TOP_ENTITIES]


def most_reported_events(events: tuple[Event, ...]) -> list[Event]:
    """Events with totals, reported by the most independent sources first (then most claims,
    then newest): what the overview leads with."""
    ranked = sorted((e for e in events if e.estimates),
                    key=lambda e: (-e.independent_reports, -len(e.claims), -(e.date or dt.date.min).toordinal(), e.key))
    return ranked[:limits.MAX_HEADLINE_EVENTS]


def largest_disagreements(events: tuple[Event, ...]) -> list[Disagreement]:
    """Per disagreeing event its widest estimate (highest ÷ lowest), the widest first."""
    found = []
    for event in events:
        for estimate in event.disagreements:
            found.append(Disagreement(event, estimate, len({claimant_of(c) for c in estimate.compared})))
    found.sort(key=lambda d: (-d.estimate.high / max(1, d.estimate.low), -d.claimants, d.event.key, d.estimate.kind))
    chosen, seen = [], set()
    for disagreement in found:
        if disagreement.event.key not in seen:
            seen.add(disagreement.event.key)
            chosen.append(disagreement)
    return chosen[:limits.MAX_HEADLINE_EVENTS]


def overview_files(maker: PageMaker, xref: CrossReference, title: str, description: str,
                   outlet_count: int) -> list[RenderedFile]:
    """index.md and its coverage chart, coverage.svg."""
    articles = xref.dossier.articles
    dates = sorted(a.published for a in articles if a.published)
    entities = xref.dossier.entities
    sources = OverviewSources(
        title=title,
        description=description,
        articles=articles,
        latest=newest_first(articles)[:limits.MAX_LATEST_BRIEFINGS],
        date_range=DateRange(iso(dates[0]), iso(dates[-1])) if dates else None,
        actor_count=sum(1 for e in entities if e.category == "actor"),
        place_count=sum(1 for e in entities if e.category == "place"),
        claim_count=sum(len(a.figures) for a in articles),
        event_count=len(xref.events),
        top_actors=most_reported_entities(xref, "actor"),
        top_places=most_reported_entities(xref, "place"),
        outlet_count=outlet_count,
        most_reported=most_reported_events(xref.events),
        disagreements=largest_disagreements(xref.events),
        undated_articles=len(articles) - len(dates),
    )
    chart = coverage_svg(dates, [event.date for event in xref.events if event.date])
    return [maker.page("index.md", "index.md.j2", sources), RenderedFile("coverage.svg", chart)]


def _index_pages(count: int, size: int) -> list[tuple[int, str, int]]:
    """(number from 1, file name, first row) of each page of an index of `count` rows: index.md,
    page-2.md, ... (names no briefing or entity takes: slugs.is_index_page_name)."""
    starts = range(0, max(1, count), size)
    return [(number, "index.md" if number == 1 else f"page-{number}.md", start)
            for number, start in enumerate(starts, start=1)]


def briefing_index_pages(maker: PageMaker, articles: tuple[ExtractedArticle, ...], meta: dict) -> list[RenderedFile]:
    """briefings/index.md, page-2.md, ...: a table of limits.BRIEFINGS_PER_INDEX_PAGE rows each."""
    size = limits.BRIEFINGS_PER_INDEX_PAGE
    pages = _index_pages(len(articles), size)
    names = [name for _, name, _ in pages]
    return [maker.page(f"briefings/{name}", "briefings_index.md.j2",
                       BriefingsIndexSources(meta, articles[start:start + size], len(articles), start + 1, names, number))
            for number, name, start in pages]


def entity_index_pages(maker: PageMaker, xref: CrossReference, category: str, meta: dict) -> list[RenderedFile]:
    """actors/index.md or places/index.md, page-2.md, ...: every entity, most mentioned first,
    limits.ENTITIES_PER_INDEX_PAGE to a page, so each entity's page is linked from its index."""
    rows = entity_rows(xref, category)
    section, heading = ("actors", "Actors") if category == "actor" else ("places", "Places")
    size = limits.ENTITIES_PER_INDEX_PAGE
    pages = _index_pages(len(rows), size)
    names = [name for _, name, _ in pages]
    return [maker.page(f"{section}/{name}", "entities_index.md.j2",
                       EntityIndexSources(meta, heading, category, rows[start:start + size], len(rows), start + 1,
                                          names, number))
            for number, name, start in pages]


def _members(xref: CrossReference) -> dict[str, frozenset[str]]:
    return {entity.id: frozenset(holders) for entity in xref.dossier.entities if (holders := xref.holders(entity.id))}


def connection_files(maker: PageMaker, xref: CrossReference, meta: dict) -> list[RenderedFile]:
    """connections.md (the strongest pairs as text, for screen readers and search) and the
    co-occurrence matrix it shows, connections.svg."""
    members = _members(xref)
    names = {entity_id: xref.entities[entity_id].name for entity_id in members}
    chosen = choose(members, names)
    matrix = top_pairs(members, chosen)
    pairs = sorted(((a, b, n) for (a, b), n in matrix.items() if n), key=lambda p: (-p[2], p[0], p[1]))
    strongest = [Pair(*pair) for pair in pairs[:limits.MAX_STRONG_PAIRS]]
    return [maker.page("connections.md", "connections.md.j2", ConnectionsSources(meta, strongest)),
            RenderedFile("connections.svg", matrix_svg(chosen, names, matrix))]


def tags_page(maker: PageMaker, meta: dict) -> RenderedFile:
    return maker.page("tags.md", "tags.md.j2", TagsSources(meta))
