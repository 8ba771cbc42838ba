"""sources.md: the outlets and wires, the briefings each carried, and whom they quote."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.models import ExtractedArticle, RenderedFile
from generator.render import limits
from generator.render.fragments import newest_first
from generator.render.pages import Fields, PageMaker
from generator.xref import CrossReference


@dataclass(frozen=True)
class QuotedSpeaker:
    entity_id: str | None  # None for a speaker the dossier has no page for
    text: str  # the speaker's name, or as the article describes them
    count: int


@dataclass(frozen=True)
class Outlet:
    name: str
    latest: list[ExtractedArticle]  # the latest limits.MAX_BRIEFINGS_PER_OUTLET
    carried: int
    quoted: list[QuotedSpeaker]


@dataclass(frozen=True)
class OutletsSources(Fields):
    meta: dict
    outlets: list[Outlet]  # the busiest limits.MAX_OUTLETS, by name
    more_outlets: int


def outlets_of(xref: CrossReference) -> list[Outlet]:
    """Every outlet and wire, by name."""
    carried: dict[str, list[ExtractedArticle]] = defaultdict(list)
    for article in xref.dossier.articles:
        carried[article.publisher or "Unknown outlet"].append(article)
        for wire in article.wires:
            carried[f"{wire} (wire)"].append(article)
    return [Outlet(name, newest_first(articles)[:limits.MAX_BRIEFINGS_PER_OUTLET], len(articles),
                   _quoted(xref, articles))
            for name, articles in sorted(carried.items(), key=lambda item: item[0].casefold())]


def _quoted(xref: CrossReference, articles: list[ExtractedArticle]) -> list[QuotedSpeaker]:
    """Whom the articles quote, most quoted first."""
    quoted: Counter[tuple[str | None, str]] = Counter()
    for article in articles:
        for quote in article.quotes:
            speaker = xref.local(article, "actor", quote.speaker)
            quoted[(speaker, xref.entities[speaker].name if speaker else quote.speaker_text)] += 1
    ranked = sorted(quoted.items(), key=lambda item: (-item[1], item[0][1].casefold()))
    return [QuotedSpeaker(speaker, text, count) for (speaker, text), count in ranked[:limits.MAX_TOP_ENTITIES]]


def outlets_page(maker: PageMaker, outlets: list[Outlet], meta: dict) -> RenderedFile:
    """sources.md: the limits.MAX_OUTLETS outlets that carried the most briefings, still by name."""
    shown = set(sorted(range(len(outlets)), key=lambda i: (-outlets[i].carried, i))[:limits.MAX_OUTLETS])
    busiest = [outlet for i, outlet in enumerate(outlets) if i in shown]
    return maker.page("sources.md", "sources.md.j2", OutletsSources(meta, busiest, len(outlets) - len(shown)))
