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
from generator.models import Claim, Event, ExtractedArticle, RenderedFile, ResolvedArticle
from generator.notes import Notes
from generator.render.briefing import briefing_pages
from generator.render.entity import entity_pages
from generator.render.environment import SHIPPED_TEMPLATES, template_environment
from generator.render.fragments import full_text
from generator.render.indexes import briefing_index_pages, connection_files, entity_index_page, overview_page, tags_page
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
        digests = ContextDigest(by_reference=(ExtractedArticle, ResolvedArticle, Event, Claim),
                                known=_known_digest(fingerprints or {}))
    maker = PageMaker(env, links, pages, digests)
    unsearched = dict(site.unsearched_page)
    outlets = outlets_of(xref)
    files = [
        overview_page(maker, xref, title, description, len(outlets)),
        *briefing_index_pages(maker, xref.dossier.articles, unsearched),
        entity_index_page(maker, xref, "actor", unsearched),
        entity_index_page(maker, xref, "place", unsearched),
        *timeline_pages(maker, xref, unsearched),
        *ledger_pages(maker, layout, xref.events, unsearched),
        outlets_page(maker, outlets, unsearched),
        *connection_files(maker, xref, unsearched),
        tags_page(maker, unsearched),
        *briefing_pages(maker, xref, notes, search_full_text),
        *entity_pages(maker, xref, notes),
        *export_files(xref, title, lambda kind, item, make: maker.fragment(f"export {kind}", _export_source(xref, item), make)),
    ]
    return tuple(sorted(files, key=lambda f: f.path))


def _export_source(xref: CrossReference, item: ExtractedArticle | Event) -> object:
    """What an article's or an event's part of the exports is made from: the article as
    resolved; the event and its articles' slugs."""
    if isinstance(item, ExtractedArticle):
        return xref.resolved[item.id]
    return (item, [xref.slugs[claim.article.id] for claim in item.claims])
