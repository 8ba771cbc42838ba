"""Briefing pages: one per article (briefings/<slug>.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from generator.escape import safe_url
from generator.models import ClaimOfEvent, RelatedBriefing, RenderedFile, ResolvedArticle
from generator.notes import Notes
from generator.render.fragments import iso, notes_block, tag_list
from generator.render.pages import PageMaker
from generator.xref import CrossReference

TEMPLATE = "briefing.md.j2"


@dataclass(frozen=True)
class BriefingSources:
    """The article as resolved (its text, metadata, slug, and the dossier entity behind each of
    its actors and places), its claims with their events, its related briefings, its notes, and
    whether search indexes its full text."""

    resolved: ResolvedArticle
    claims: tuple[ClaimOfEvent, ...]
    related: tuple[RelatedBriefing, ...]
    notes: Markup
    search_full_text: bool
    tags: tuple[str, ...]  # in their dossier-wide spellings

    def context(self) -> dict[str, object]:
        article = self.resolved.article
        actor_ids, place_ids = self.resolved.entity_ids("actor"), self.resolved.entity_ids("place")
        meta = {
            "id": article.id,
            "source_path": article.source_path,
            "record": article.record,
            "url": safe_url(article.url),
            "publisher": article.publisher,
            "wires": list(article.wires),
            "published": iso(article.published),
            "event_date": iso(article.event_date),
            "byline": article.byline,
            "word_count": article.word_count,
            "reading_time": article.reading_minutes,
            "headline_toll": {"killed": article.headline_toll.killed, "wounded": article.headline_toll.wounded},
            "actors": actor_ids,
            "places": place_ids,
            "tags": list(self.tags),
        }
        return dict(
            meta=meta,
            article=article,
            actor_ids=actor_ids,
            place_ids=place_ids,
            claims=self.claims,
            related=self.related,
            speakers={q.speaker: self.resolved.entity_id("actor", q.speaker) for q in article.quotes},
            notes=self.notes,
            search_full_text=self.search_full_text,
        )


def briefing_pages(maker: PageMaker, xref: CrossReference, notes: Notes, search_full_text: bool,
                   spellings: Mapping[str, str]) -> list[RenderedFile]:
    pages = []
    for article in xref.dossier.articles:
        resolved = xref.resolved[article.id]
        sources = BriefingSources(resolved, xref.claims_of(article), xref.related[article.id],
                                  notes_block(notes.get("briefings", resolved.slug)), search_full_text,
                                  tag_list(article.tags, spellings))
        pages.append(maker.page(f"briefings/{resolved.slug}.md", TEMPLATE, sources))
    return pages
