"""The render stage: a cross-referenced dossier -> (path, text) pairs; nothing is written here.

One module per page kind (briefing, entity, ledger, timeline, indexes, outlets), each with a
frozen `Sources` value from which its context is built and its page-cache key digested
(pages.py); links and the builder's URL style in links.py; the page cache in pagecache.py;
the caps on every list in limits.py. Article text is escaped by default (environment.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.export import export_files
from generator.models import Claim, ClaimOfEvent, EntityRef, Event, ExtractedArticle, RenderedFile, ResolvedArticle
from generator.notes import Notes
from generator.render.briefing import briefing_pages
from generator.render.entity import entity_pages, entity_tags
from generator.render.environment import SHIPPED_TEMPLATES, template_environment
from generator.render.fragments import full_text, tag_spellings
from generator.render.indexes import briefing_index_pages, connection_files, entity_index_pages, overview_files, tags_page
from generator.render.ledger import LedgerLayout, ledger_pages
from generator.render.links import Links
from generator.render.outlets import outlets_of, outlets_page
from generator.render.pagecache import ContextDigest, PageCache
from generator.render.pages import PageMaker
from generator.render.timeline import timeline_pages
from generator.sitebuilder import MKDOCS_MATERIAL, SiteBuilder
from generator.xref import CrossReference

__all__ = ["SHIPPED_TEMPLATES", "render_dossier"]


def _known_digest(fingerprints: Mapping[str, str]):
    """What stands for an article or a claim in a page digest, without pickling it: the
    article's extraction fingerprint names all it holds, and a claim is its article's figure
    with the ids resolution gave it."""
    def known(obj: object) -> str | None:
        if isinstance(obj, ExtractedArticle):
            return fingerprints.get(obj.id)
        if isinstance(obj, Claim) and obj.article.id in fingerprints:
            return repr((fingerprints[obj.article.id], obj.index, obj.place_id, obj.place_inferred, obj.claimant_id))
        return None
    return known


def render_dossier(xref: CrossReference, template_dirs: tuple[Path, ...], title: str, description: str,
                   notes: Notes | None = None, pages: PageCache | None = None, search_full_text: bool = True,
                   fingerprints: Mapping[str, str] | None = None,
                   site: SiteBuilder = MKDOCS_MATERIAL) -> tuple[RenderedFile, ...]:
    """All files of content/ that the generator owns, sorted by path. With `pages`, a page whose
    sources did not change since the last run is taken from content/ instead of rendered again.
    `search_full_text` puts the article text of briefings in the search index (else the lead)."""
    notes = notes or Notes()
    layout = LedgerLayout(xref.events)
    links = Links(xref.entities, xref.slugs, layout.page_of, site)
    env = template_environment(template_dirs, pages.bytecode_cache() if pages else None,
                               {**links.helpers(), "full_text": full_text, "site": site})
    digests = None
    if pages:
        # Objects that many pages share, digested once each (by identity) and then named by that digest.
        digests = ContextDigest(by_reference=(ExtractedArticle, ResolvedArticle, Event, Claim, ClaimOfEvent, EntityRef),
                                known=_known_digest(fingerprints or {}))
    maker = PageMaker(env, links, pages, digests)
    unsearched = dict(site.unsearched_page)
    outlets = outlets_of(xref)
    spellings = tag_spellings([*(tag for article in xref.dossier.articles for tag in article.tags),
                               *(tag for entity in xref.dossier.entities for tag in entity_tags(entity))])
    files = [
        *overview_files(maker, xref, title, description, len(outlets)),
        *briefing_index_pages(maker, xref.dossier.articles, unsearched),
        *entity_index_pages(maker, xref, "actor", unsearched),
        *entity_index_pages(maker, xref, "place", unsearched),
        *timeline_pages(maker, xref, unsearched),
        *ledger_pages(maker, layout, xref.events, xref.background, unsearched),
        outlets_page(maker, outlets, unsearched),
        *connection_files(maker, xref, unsearched),
        tags_page(maker, unsearched),
        *briefing_pages(maker, xref, notes, search_full_text, spellings),
        *entity_pages(maker, xref, notes, spellings),
        *export_files(xref, title, _ExportSources(xref, maker).part),
    ]
    return tuple(sorted(files, key=lambda f: f.path))


class _ExportSources:
    """What an article's or an event's parts of the exports are made from: the article as
    resolved; the event and its articles' slugs (one value per event, digested once)."""

    def __init__(self, xref: CrossReference, maker: PageMaker):
        self._xref, self._maker = xref, maker
        self._events: dict[str, tuple] = {}

    def part(self, kind: str, item: ExtractedArticle | Event, make) -> str:
        return self._maker.fragment(f"export {kind}", self._sources(item), make)

    def _sources(self, item: ExtractedArticle | Event) -> object:
        if isinstance(item, ExtractedArticle):
            return self._xref.resolved[item.id]
        if item.key not in self._events:
            self._events[item.key] = (item, [self._xref.slugs[claim.article.id] for claim in item.claims])
        return self._events[item.key]
