"""Dossier -> (path, text) pairs through the Jinja2 templates; nothing is written here.

Every `{{ value }}` in a template is escaped as Markdown text unless the value is Markup built
here from escaped parts (see `_finalize`), so article text cannot inject structure. Long lists
are capped (MAX_*) so that pages stay bounded at 10,000 articles; the exports hold everything.
The ledger and the timeline of a large dossier are split into a page per month (the ledger of a
crowded month into a page per day).
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.cache import ContextDigest, PageCache
from generator.cooccurrence import choose, matrix_svg, top_pairs
from generator.errors import RenderError
from generator.escape import front_matter, html_link, html_text, markdown_text, one_line, safe_url
from generator.export import export_files
from generator.models import Dossier, Entity, EntityMention, ExtractedArticle, RenderedFile, Sentence
from generator.notes import Notes
from generator.slugs import slugify
from generator.xref import Claim, CrossReference, Event

SHIPPED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Every page is bounded whatever the size of the dossier: long lists are capped here and the
# exports (content/exports/) hold everything. The ledger and the timeline are split instead: a
# ledger page holds the events of a month (of a day, in a crowded month), a timeline page the
# dates of a month. The caps also keep `mkdocs build` and the search index linear: a page costs
# MkDocs time per link and per table row.
MAX_CONTEXTS_PER_ENTITY = 30
MAX_BRIEFINGS_PER_PAGE = 50
MAX_QUOTES_PER_PAGE = 20
MAX_FIGURES_PER_PAGE = 30
MAX_LATEST_BRIEFINGS = 10
MAX_TOP_ENTITIES = 12
# Up to this many events, figures.md is the whole ledger; beyond, it is an overview (ledger
# pages, the events with the most claims) and each month has its ledger page, figures/2016-09.md;
# a month of more than MAX_EVENTS_PER_LEDGER_PAGE events has a page per day, figures/2016-09-23.md.
MAX_EVENTS = 100
MAX_EVENTS_PER_LEDGER_PAGE = 200
MAX_CLAIMS_PER_EVENT = 20
MAX_HEADLINE_EVENTS = 5
MAX_STRONG_PAIRS = 30
# Up to this many dates, timeline.md holds them all; beyond, it shows the busiest and each month
# has its page, timeline/2016-09.md.
MAX_TIMELINE_DATES = 60
MAX_ENTRIES_PER_DATE = 10  # statements per date; the JSON export has every one
MAX_OUTLETS = 100  # sources.md: the outlets with the most briefings
MAX_BRIEFINGS_PER_OUTLET = 20
MAX_TAG_LENGTH = 60
MAX_INDEX_ROWS = 300  # section index tables; the CSV exports list every entity
BRIEFINGS_PER_INDEX_PAGE = 200  # briefings/index.md, then briefings/page-2.md, ... linked in a row
# Material prints tag names unescaped (MkDocs templates do not autoescape): only characters
# that are inert in HTML text and attribute values survive.
_TAG_UNSAFE = re.compile(r"[^\w .,()'-]+")
_SENTENCE_OF = attrgetter("sentence")
_INDEX_PAGE_NAME = re.compile(r"index|page-\d+")
# Front-matter of the pages that only list what other pages hold: left out of the search index,
# which the browser builds on first search (smaller index, faster first result).
_NOT_SEARCHED = {"search": {"exclude": True}}


@dataclass(frozen=True)
class Use:
    """One article's use of one entity: the page's unit of cross-reference."""

    article: ExtractedArticle
    slug: str  # the briefing page slug
    local: EntityMention


def _briefing_slugs(articles: tuple[ExtractedArticle, ...]) -> dict[str, str]:
    """Unique, stable page slugs for article ids (ids from collections may be anything); never
    the name of a page of the briefings index (index, page-2, ...)."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for article in sorted(articles, key=lambda a: a.id):
        slug = slugify(article.id)
        if slug in taken or _INDEX_PAGE_NAME.fullmatch(slug):
            slug = f"{slug}-{slugify(article.source_path + (article.record or ''))[-8:]}"
        taken.add(slug)
        slugs[article.id] = slug
    return slugs


def tag_name(text: str) -> str:
    """A tag name safe to print unescaped: letters, digits, spaces and . , ( ) ' - only."""
    return one_line(_TAG_UNSAFE.sub(" ", one_line(text)))[:MAX_TAG_LENGTH].strip()


def tag_list(values) -> list[str]:
    return sorted({name for name in map(tag_name, values) if name}, key=lambda name: (name.casefold(), name))


def notes_block(text: str | None) -> Markup:
    """Analyst notes (trusted Markdown) as-is inside an "Analyst notes" admonition."""
    if not text:
        return Markup("")
    return Markup('!!! note "Analyst notes"\n\n' + textwrap.indent(text, "    ", lambda line: True) + "\n")


class Renderer:
    """Holds the template environment and the dossier's cross-reference for one render."""

    def __init__(self, dossier: Dossier, template_dirs: tuple[Path, ...], title: str, description: str,
                 notes: Notes, pages: PageCache | None = None, search_full_text: bool = True,
                 fingerprints: Mapping[str, str] | None = None):
        self.dossier = dossier
        self.search_full_text = search_full_text
        self.title, self.description = title, description
        self.notes = notes
        self.slugs = _briefing_slugs(dossier.articles)
        self.entities = {entity.id: entity for entity in dossier.entities}
        self.xref = CrossReference(dossier)
        self._by_id = {article.id: article for article in dossier.articles}
        self._events = {event.key: event for event in self.xref.events}
        self.ledger_split = len(self._events) > MAX_EVENTS
        month_sizes = Counter(_month_of(event.date) for event in self._events.values())
        self._months_by_day = {month for month, size in month_sizes.items()
                               if size > MAX_EVENTS_PER_LEDGER_PAGE and month != "undated"}
        self.figures_about = self._figures_by_entity()
        self.pages = pages
        self.env = self._environment(template_dirs)
        self._fingerprints = fingerprints or {}
        self._inputs = ContextDigest(by_reference=(ExtractedArticle, Event, Claim), known=self._known_digest) if pages else None
        self._resolved: dict[str, str] = {}  # article id -> digest of the article as this dossier resolves it
        self._event_digests: dict[str, str] = {}  # event key -> digest of the event and its articles' slugs
        # What the page being rendered looked up through the link helpers: (lookup, value).
        self._lookups: dict[tuple[str, str], object] = {}

    def _environment(self, template_dirs: tuple[Path, ...]) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
            undefined=jinja2.StrictUndefined,
            finalize=_finalize,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            # With autoescape on, macro output is Markup and finalize's Markdown escaping applies
            # to everything else. Templates must never use |safe or |e on article text.
            autoescape=True,
            bytecode_cache=self.pages.bytecode_cache() if self.pages else None,
        )
        env.filters.update(html=html_text, md=markdown_text, front_matter=front_matter, url=safe_url)
        env.globals.update(entity_link=self.entity_link, entity_name=self.entity_name, briefing_link=self.briefing_link,
                           event_link=self.event_link, event_title=self.event_title, event_heading=self.event_heading,
                           sentence_link=self.sentence_link, full_text=full_text,
                           entity_a=self.entity_a, entity_name_html=self.entity_name_html, briefing_a=self.briefing_a,
                           event_a=self.event_a, sentence_a=self.sentence_a)
        return env

    def _known_digest(self, obj: object) -> str | None:
        """What stands for an article or a claim in a page digest, without pickling it: the
        article's extraction fingerprint names all it holds, and a claim is its article's figure
        with the ids resolution gave it."""
        if isinstance(obj, ExtractedArticle):
            return self._fingerprints.get(obj.id)
        if isinstance(obj, Claim) and obj.article.id in self._fingerprints:
            return repr((self._fingerprints[obj.article.id], obj.index, obj.place_id, obj.place_inferred, obj.claimant_id))
        return None

    def briefings_of(self, entity_id: str) -> list[ExtractedArticle]:
        """The articles naming the entity, in dossier order."""
        return [self._by_id[article_id] for article_id in self.xref.holders(entity_id)]

    def uses_of(self, entity: Entity) -> list[Use]:
        """Each local entity of each briefing that the dossier resolves to `entity`, in dossier order."""
        return [Use(article, self.slugs[article.id], local) for article, local in self.xref.locals_of(entity.id)]

    # -- lookups by id: the only data a template reads that is not in its context ------------

    def lookup(self, kind: str, key: str) -> object:
        """An entity's (name, category), an article's page slug or the ledger page of an event;
        noted as an input of the page."""
        value = self._current(kind, key)
        self._lookups[(kind, key)] = value
        return value

    def _current(self, kind: str, key: str) -> object:
        if kind == "entity":
            entity = self.entities.get(key)
            return (entity.name, entity.category) if entity else None
        if kind == "ledger":
            return self._ledger_page(self._events[key]) if key in self._events else None
        return self.slugs.get(key)

    # -- links (Markup built from escaped parts) -------------------------------------------
    # Each link has two forms: Markdown (`entity_link`) for headings, prose and quotes, and raw
    # HTML (`entity_a`) for the long lists and tables, which Python-Markdown passes through
    # unparsed (about 30% less `mkdocs build` CPU). MkDocs neither rewrites nor checks links in
    # raw HTML, so the HTML forms point at the built `.html` pages (use_directory_urls: false).

    def _entity_target(self, entity_id: str, prefix: str) -> tuple[str, str]:
        """(name, page path without its extension) of an entity, noted as a page input."""
        name, category = self.lookup("entity", entity_id)
        section = "actors" if category == "actor" else "places"
        return name, f"{prefix}{section}/{entity_id}"

    def entity_link(self, entity_id: str, prefix: str = "../") -> Markup:
        name, page = self._entity_target(entity_id, prefix)
        return Markup(f"[{markdown_text(name)}]({page}.md)")

    def entity_a(self, entity_id: str, prefix: str = "../") -> Markup:
        name, page = self._entity_target(entity_id, prefix)
        return html_link(name, f"{page}.html")

    def entity_name(self, entity_id: str) -> Markup:
        return markdown_text(self.lookup("entity", entity_id)[0])

    def entity_name_html(self, entity_id: str) -> Markup:
        return html_text(self.lookup("entity", entity_id)[0])

    def _briefing_target(self, article: ExtractedArticle, prefix: str) -> str:
        return f"{prefix}briefings/{self.lookup('slug', article.id)}"

    def briefing_link(self, article: ExtractedArticle, prefix: str = "../", anchor: str = "") -> Markup:
        target = f"{self._briefing_target(article, prefix)}.md{anchor}"
        return Markup(f"[{markdown_text(article.title)}]({target})")

    def briefing_a(self, article: ExtractedArticle, prefix: str = "../", anchor: str = "") -> Markup:
        return html_link(article.title, f"{self._briefing_target(article, prefix)}.html{anchor}")

    @staticmethod
    def _outlet(article: ExtractedArticle) -> str:
        """"Outlet (wire)": short enough for a table cell."""
        outlet = article.publisher or "unknown outlet"
        return f"{outlet} ({', '.join(article.wires)})" if article.wires else outlet

    def sentence_link(self, article: ExtractedArticle, sentence: int, prefix: str = "../") -> Markup:
        """"Outlet (wire), s4" linked to the sentence."""
        target = f"{self._briefing_target(article, prefix)}.md#s{sentence}"
        return Markup(f"[{markdown_text(self._outlet(article))}, s{sentence}]({target})")

    def sentence_a(self, article: ExtractedArticle, sentence: int, prefix: str = "../") -> Markup:
        target = f"{self._briefing_target(article, prefix)}.html#s{sentence}"
        return html_link(f"{self._outlet(article)}, s{sentence}", target)

    def _event_title_parts(self, event: Event) -> tuple[str, str]:
        """(the event's area name or "place unknown", its date or "undated")."""
        where = self.lookup("entity", event.area_id)[0] if event.area_id else "place unknown"
        return where, event.date.isoformat() if event.date else "undated"

    def event_title(self, event: Event) -> Markup:
        where, when = self._event_title_parts(event)
        return Markup(f"{markdown_text(where)}, {when}")

    def event_heading(self, event: Event) -> Markup:
        """The event's title with its stable anchor (attr_list), for figures.md."""
        return Markup(f"{self.event_title(event)} {{#{event_anchor(event)}}}")

    def _ledger_page(self, event: Event) -> str:
        """The ledger page that holds the event, without its extension."""
        if not self.ledger_split:
            return "figures"
        return f"figures/{self._ledger_period(event)}"

    def _ledger_period(self, event: Event) -> str:
        """"2016-09", or "2016-09-23" in a month with too many events for one page."""
        month = _month_of(event.date)
        return event.date.isoformat() if month in self._months_by_day else month

    def event_link(self, event: Event, prefix: str = "../") -> Markup:
        """The event's entry on its ledger page."""
        page = self.lookup("ledger", event.key)
        return Markup(f"[{self.event_title(event)}]({prefix}{page}.md#{event_anchor(event)})")

    def event_a(self, event: Event, prefix: str = "../") -> Markup:
        page = self.lookup("ledger", event.key)
        return html_link(", ".join(self._event_title_parts(event)), f"{prefix}{page}.html#{event_anchor(event)}")

    # -- pages ------------------------------------------------------------------------------

    def render(self) -> tuple[RenderedFile, ...]:
        outlets = self._outlets()
        files = [
            self._page("index.md", "index.md.j2", **self._overview(len(outlets))),
            *self._briefing_index_pages(),
            self._page("actors/index.md", "entities_index.md.j2", meta=_NOT_SEARCHED, **self._entity_index("actor")),
            self._page("places/index.md", "entities_index.md.j2", meta=_NOT_SEARCHED, **self._entity_index("place")),
            *self._timeline_pages(),
            *self._ledger_pages(),
            self._page("sources.md", "sources.md.j2", meta=_NOT_SEARCHED, **_busiest(outlets)),
            self._page("connections.md", "connections.md.j2", meta=_NOT_SEARCHED, pairs=self._strong_pairs()),
            self._page("tags.md", "tags.md.j2", meta=_NOT_SEARCHED),
            RenderedFile("connections.svg", self._connections_svg()),
        ]
        related = self.xref.related_briefings()
        files += [self._briefing(article, related[article.id]) for article in self.dossier.articles]
        files += [self._entity_page(entity) for entity in self.dossier.entities]
        files += export_files(self.dossier, self.slugs, self.xref, self._export_part)
        return tuple(sorted(files, key=lambda f: f.path))

    def _page(self, path: str, template: str, **context) -> RenderedFile:
        """The page from the page cache when its context is that of the last run, else rendered."""
        inputs = self._inputs.digest(template, context) if self._inputs else ""
        return self._cached_page(path, template, inputs, lambda: context)

    def _cached_page(self, path: str, template: str, inputs: str, context_of: Callable[[], dict]) -> RenderedFile:
        """The page from the page cache when `inputs` (a digest of everything the page is made
        from) and its lookups are those of the last run; else its context is built and rendered."""
        if self.pages:
            text = self.pages.reuse(path, inputs, self._current)
            if text is not None:
                return RenderedFile(path, text)
        context = context_of()
        self._lookups = {}
        try:
            text = self.env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise RenderError(f"template {template} failed for {path}: {exc}") from exc
        if self.pages:
            self.pages.store(path, inputs, self._lookups, text)
        return RenderedFile(path, text)

    def _briefing_index_pages(self) -> list[RenderedFile]:
        """briefings/index.md, page-2.md, ...: a table of BRIEFINGS_PER_INDEX_PAGE rows each."""
        articles = self.dossier.articles
        starts = range(0, max(1, len(articles)), BRIEFINGS_PER_INDEX_PAGE)
        names = ["index.md"] + [f"page-{number}.md" for number in range(2, len(starts) + 1)]
        return [
            self._page(f"briefings/{name}", "briefings_index.md.j2", meta=_NOT_SEARCHED,
                       articles=articles[start:start + BRIEFINGS_PER_INDEX_PAGE], total=len(articles),
                       first=start + 1, pages=names, current=number)
            for number, (name, start) in enumerate(zip(names, starts), start=1)
        ]

    def _entity_ids(self, article: ExtractedArticle, category: str) -> list[str]:
        ids = self.xref.entity_ids(article, category)
        return sorted(ids, key=lambda entity_id: self.entities[entity_id].name.casefold())

    def _briefing(self, article: ExtractedArticle, related: list) -> RenderedFile:
        """A briefing page, looked up in the page cache by its sources (the article as resolved,
        its related briefings, notes, search setting) before its context is built."""
        slug = self.slugs[article.id]
        notes = notes_block(self.notes.get("briefings", slug))
        inputs = ""
        if self._inputs:
            sources = (self._resolved_digest(article), self.xref.claims_of(article), related, notes,
                       self.search_full_text)
            inputs = self._inputs.digest("briefing.md.j2", {"briefing page sources": sources})
        return self._cached_page(f"briefings/{slug}.md", "briefing.md.j2", inputs,
                                 lambda: self._briefing_context(article, related, notes))

    def _briefing_context(self, article: ExtractedArticle, related: list, notes: Markup) -> dict:
        actor_ids, place_ids = self._entity_ids(article, "actor"), self._entity_ids(article, "place")
        meta = {
            "id": article.id,
            "source_path": article.source_path,
            "record": article.record,
            "url": safe_url(article.url),
            "publisher": article.publisher,
            "wires": list(article.wires),
            "published": _iso(article.published),
            "event_date": _iso(article.event_date),
            "byline": article.byline,
            "word_count": article.word_count,
            "reading_time": article.reading_minutes,
            "headline_toll": {"killed": article.headline_toll.killed, "wounded": article.headline_toll.wounded},
            "actors": actor_ids,
            "places": place_ids,
            "tags": tag_list(article.tags),
        }
        return dict(
            meta=meta,
            article=article,
            actor_ids=actor_ids,
            place_ids=place_ids,
            claims=self.xref.claims_of(article),
            related=related,
            speakers={q.speaker: self.xref.local(article, "actor", q.speaker) for q in article.quotes},
            notes=notes,
            search_full_text=self.search_full_text,
        )

    def _entity_page(self, entity: Entity) -> RenderedFile:
        """An entity page, looked up in the page cache by its sources rather than its context:
        building the context (related entities, figures, contexts) costs more than rendering."""
        section = "actors" if entity.category == "actor" else "places"
        path, template = f"{section}/{entity.id}.md", f"{entity.category}.md.j2"
        notes = notes_block(self.notes.get(section, entity.id))
        hierarchy = self._hierarchy(entity) if entity.category == "place" else []
        inputs = ""
        if self._inputs:
            sources = [self._resolved_digest(article) for article in self.briefings_of(entity.id)]
            figures = self.figures_about.get(entity.id, [])
            inputs = self._inputs.digest(template, {"entity page sources": (entity, notes, hierarchy, sources, figures)})
        return self._cached_page(path, template, inputs, lambda: self._entity_context(entity, notes, hierarchy))

    def _resolved_digest(self, article: ExtractedArticle) -> str:
        """Everything a page can take from one article besides its related briefings: the
        article, its page slug, and the dossier entity (id, name, kind, geography) behind each
        of its local entities. (The casualty events of its figures are inputs of the pages that
        show them, not of every page of the article's entities.)"""
        found = self._resolved.get(article.id)
        if found is None:
            entities = [
                (category, local.key, entity.id, entity.name, entity.kind, entity.country, entity.region,
                 entity.lat, entity.lon)
                for category, locals_ in (("actor", article.actors), ("place", article.places))
                for local in locals_
                for entity in (self.entities[self.dossier.entity_of[(article.id, category, local.key)]],)
            ]
            found = self._inputs.digest("resolved article", {
                "article": article, "slug": self.slugs[article.id], "entities": entities})
            self._resolved[article.id] = found
        return found

    def _export_part(self, kind: str, item: ExtractedArticle | Event, make: Callable[[], str]) -> str:
        """An article's or an event's part of the exports, from the page cache while what it is
        made from (the article as resolved; the event and its articles' slugs) is unchanged."""
        if not self.pages:
            return make()
        if isinstance(item, ExtractedArticle):
            sources = self._resolved_digest(item)
        else:
            sources = self._event_digests.get(item.key)
            if sources is None:
                slugs = [self.slugs[claim.article.id] for claim in item.claims]
                sources = self._event_digests[item.key] = self._inputs.digest("event", {"sources": (item, slugs)})
        return self.pages.fragment(f"export {kind}: {sources}", make)

    def _entity_context(self, entity: Entity, notes: Markup, hierarchy: list) -> dict:
        uses = self.uses_of(entity)
        mentions = [(use, m) for use in uses for m in use.local.mentions]
        briefings = self.briefings_of(entity.id)
        quotes = self._quotes_by(entity) if entity.category == "actor" else []
        figures = self.figures_about.get(entity.id, [])
        tags = [entity.kind.replace("_", " ")] + ([entity.country] if entity.category == "place" and entity.country else [])
        return dict(
            meta={"id": entity.id, "category": entity.category, "kind": entity.kind,
                  "aliases": list(entity.aliases), "tags": tag_list(tags)},
            entity=entity,
            hierarchy=hierarchy,
            briefings=briefings[:MAX_BRIEFINGS_PER_PAGE],
            more_briefings=max(0, len(briefings) - MAX_BRIEFINGS_PER_PAGE),
            contexts=[_in_context(use, m) for use, m in mentions[:MAX_CONTEXTS_PER_ENTITY]],
            more_contexts=max(0, len(mentions) - MAX_CONTEXTS_PER_ENTITY),
            related_actors=self._related(entity.id, "actor"),
            related_places=self._related(entity.id, "place"),
            active_actors=self._actors_in_sentences_with(entity) if entity.category == "place" else [],
            quotes=quotes[:MAX_QUOTES_PER_PAGE],
            more_quotes=max(0, len(quotes) - MAX_QUOTES_PER_PAGE),
            figures=figures[:MAX_FIGURES_PER_PAGE],
            more_figures=max(0, len(figures) - MAX_FIGURES_PER_PAGE),
            notes=notes,
        )

    def _hierarchy(self, place: Entity) -> list[tuple[str, str | None, str]]:
        """(level, entity id or None, name) from country down to the place itself."""
        xref = self.xref
        levels = [("country", xref.country_of(place), place.country),
                  ("governorate", xref.governorate_of(place), place.region if place.kind not in ("governorate", "region", "country") else None),
                  ("city", xref.city_of(place), None)]
        chain = [(level, entity_id, self.entities[entity_id].name if entity_id else name)
                 for level, entity_id, name in levels if entity_id or name]
        return chain + [(place.kind, place.id, place.name)] if chain else []

    def _quotes_by(self, entity: Entity) -> list[tuple[ExtractedArticle, object]]:
        return [
            (article, quote)
            for article in self.briefings_of(entity.id)
            for quote in article.quotes
            if self.xref.local(article, "actor", quote.speaker) == entity.id
        ]

    def _figures_by_entity(self) -> dict[str, list[tuple[Claim, Event]]]:
        """Per entity, in dossier order: the figures an actor claimed, or the figures located at
        a place (or at an event there)."""
        rows: dict[str, list[tuple[Claim, Event]]] = defaultdict(list)
        for article in self.dossier.articles:
            for claim, event in self.xref.claims_of(article):
                if claim.claimant_id:
                    rows[claim.claimant_id].append((claim, event))
                if claim.place_id:
                    rows[claim.place_id].append((claim, event))
                if event.area_id and event.area_id != claim.place_id:
                    rows[event.area_id].append((claim, event))
        return rows

    def _related(self, entity_id: str, category: str) -> list[tuple[str, int]]:
        """Other actors (or places) named in the same briefings, with how many briefings they share."""
        counts: Counter[str] = Counter()
        for article in self.briefings_of(entity_id):
            counts.update(self.xref.entity_ids(article, category).keys())  # one each (keys, not counts)
        counts.pop(entity_id, None)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.entities[item[0]].name.casefold()))
        return ranked[:MAX_TOP_ENTITIES]

    def _actors_in_sentences_with(self, place: Entity) -> list[tuple[str, int]]:
        """Actors named in the same sentence as the place: who is active there, by sentence count."""
        counts: Counter[str] = Counter()
        for article, place_local in self.xref.locals_of(place.id):
            sentences = set(map(_SENTENCE_OF, place_local.mentions))
            for local in article.actors:
                together = len(sentences.intersection(map(_SENTENCE_OF, local.mentions)))
                if together:
                    counts[self.xref.local(article, "actor", local.key)] += together
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.entities[item[0]].name.casefold()))
        return ranked[:MAX_TOP_ENTITIES]

    def _entity_index(self, category: str) -> dict:
        rows = []
        for entity in self.dossier.entities:
            if entity.category != category:
                continue
            rows.append((entity, len(self.xref.holders(entity.id)), self.xref.mention_total(entity.id)))
        rows.sort(key=lambda row: (-row[2], row[0].name.casefold()))
        heading = "Actors" if category == "actor" else "Places"
        return {"heading": heading, "category": category, "rows": rows[:MAX_INDEX_ROWS],
                "more_rows": max(0, len(rows) - MAX_INDEX_ROWS)}

    def _members(self) -> dict[str, frozenset[str]]:
        return {entity.id: frozenset(holders) for entity in self.dossier.entities if (holders := self.xref.holders(entity.id))}

    def _connections_svg(self) -> str:
        members = self._members()
        names = {entity_id: self.entities[entity_id].name for entity_id in members}
        chosen = choose(members, names)
        return matrix_svg(chosen, names, top_pairs(members, chosen))

    def _strong_pairs(self) -> list[tuple[str, str, int]]:
        """The pairs of the matrix as text (screen readers, search), strongest first."""
        members = self._members()
        chosen = choose(members, {e: self.entities[e].name for e in members})
        pairs = [(a, b, n) for (a, b), n in top_pairs(members, chosen).items() if n]
        return sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))[:MAX_STRONG_PAIRS]

    def _headline_events(self) -> list[Event]:
        """Events with the most total claims: what the overview leads with."""
        ranked = sorted(self.xref.events, key=lambda e: (-sum(c.is_total for c in e.claims), -len(e.claims), e.key))
        return [e for e in ranked if any(c.is_total for c in e.claims)][:MAX_HEADLINE_EVENTS]

    def _overview(self, outlet_count: int) -> dict:
        articles = self.dossier.articles
        dates = sorted(a.published for a in articles if a.published)
        return {
            "title": self.title,
            "description": self.description,
            "articles": articles,
            "latest": sorted(articles, key=lambda a: (a.published or dt.date.min, a.id), reverse=True)[
                :MAX_LATEST_BRIEFINGS
            ],
            "date_range": (_iso(dates[0]), _iso(dates[-1])) if dates else None,
            "actor_count": sum(1 for e in self.dossier.entities if e.category == "actor"),
            "place_count": sum(1 for e in self.dossier.entities if e.category == "place"),
            "claim_count": sum(len(a.figures) for a in articles),
            "event_count": len(self.xref.events),
            "top_actors": self._entity_index("actor")["rows"][:MAX_TOP_ENTITIES],
            "top_places": self._entity_index("place")["rows"][:MAX_TOP_ENTITIES],
            "outlet_count": outlet_count,
            "headline_events": self._headline_events(),
        }

    def _timeline_pages(self) -> list[RenderedFile]:
        """timeline.md with every date; or, past MAX_TIMELINE_DATES dates, timeline.md with the
        busiest dates (ties go to the later date) and one page per month with all of its dates."""
        by_date = self._statements_by_date()
        if len(by_date) <= MAX_TIMELINE_DATES:
            return [self._page("timeline.md", "timeline.md.j2", meta=_NOT_SEARCHED,
                               dates=_capped_dates(by_date, sorted(by_date)), months=())]
        by_month: dict[str, list[dt.date]] = defaultdict(list)
        for date in sorted(by_date):
            by_month[_month_of(date)].append(date)
        busiest = sorted(by_date, key=lambda date: (-len(by_date[date]), -date.toordinal()))[:MAX_TIMELINE_DATES]
        months = [(month, _period_title(month), len(dates), sum(len(by_date[d]) for d in dates))
                  for month, dates in sorted(by_month.items())]
        overview = self._page("timeline.md", "timeline.md.j2", meta=_NOT_SEARCHED,
                              dates=_capped_dates(by_date, sorted(busiest)), months=months)
        dates_by_month = {month: _capped_dates(by_date, dates) for month, dates in by_month.items()}
        return [overview, *self._period_pages("timeline", "timeline_month.md.j2", "dates", dates_by_month)]

    def _statements_by_date(self) -> dict[dt.date, list[tuple[ExtractedArticle, Sentence, str]]]:
        """Every dated statement by date: (article, sentence, the date as written), in order."""
        entries = set()
        for article in self.dossier.articles:
            for mention in article.dates:
                entries.add((mention.date, article.id, mention.sentence, mention.text))
        by_id = {a.id: a for a in self.dossier.articles}
        by_date: dict[dt.date, list] = defaultdict(list)
        for date, article_id, index, text in sorted(entries):
            by_date[date].append((by_id[article_id], by_id[article_id].sentences[index], text))
        return by_date

    def _ledger_pages(self) -> list[RenderedFile]:
        """figures.md with every event in date order; or, past MAX_EVENTS events, figures.md as an
        overview of the ledger pages and of the events with the most claims, and one ledger page
        per month (per day in a month of more than MAX_EVENTS_PER_LEDGER_PAGE events)."""
        events = sorted(self.xref.events, key=_ledger_order)
        if not self.ledger_split:
            return [self._page("figures.md", "figures.md.j2", meta=_NOT_SEARCHED, events=events, periods=(),
                               max_claims=MAX_CLAIMS_PER_EVENT)]
        by_period: dict[str, list[Event]] = defaultdict(list)
        for event in events:
            by_period[self._ledger_period(event)].append(event)
        rows = [(period, _period_title(period), len(group), sum(len(e.claims) for e in group),
                 sum(bool(e.disagreements) for e in group)) for period, group in sorted(by_period.items())]
        busiest = sorted(events, key=lambda e: (-len(e.claims), e.key))[:MAX_EVENTS]
        overview = self._page("figures.md", "figures.md.j2", meta=_NOT_SEARCHED, events=busiest, periods=rows,
                              max_claims=MAX_CLAIMS_PER_EVENT, max_events_per_page=MAX_EVENTS_PER_LEDGER_PAGE)
        return [overview, *self._period_pages("figures", "figures_month.md.j2", "events", by_period,
                                              max_claims=MAX_CLAIMS_PER_EVENT)]

    def _period_pages(self, section: str, template: str, item: str, groups: Mapping[str, list],
                      **context) -> list[RenderedFile]:
        """`section`/2016-09.md (or 2016-09-23.md, undated.md): one page per period of `groups`,
        with its items under the name `item`, its title, and the pages before and after it."""
        periods = sorted(groups)
        around = _neighbours(periods)
        return [self._page(f"{section}/{period}.md", template, meta=_NOT_SEARCHED, title=_period_title(period),
                           around=around[period], **{item: groups[period]}, **context) for period in periods]

    def _outlets(self) -> list[tuple[str, list[ExtractedArticle], int, list[tuple[str | None, str, int]]]]:
        """(outlet, its latest briefings, how many it carried, whom it quotes: (actor id or None,
        as written, quote count)), by name."""
        outlets: dict[str, list[ExtractedArticle]] = defaultdict(list)
        for article in self.dossier.articles:
            outlets[article.publisher or "Unknown outlet"].append(article)
            for wire in article.wires:
                outlets[f"{wire} (wire)"].append(article)
        result = []
        for outlet, articles in sorted(outlets.items(), key=lambda item: item[0].casefold()):
            quoted: Counter[tuple[str | None, str]] = Counter()
            for article in articles:
                for quote in article.quotes:
                    speaker = self.xref.local(article, "actor", quote.speaker)
                    quoted[(speaker, self.entities[speaker].name if speaker else quote.speaker_text)] += 1
            ranked = sorted(quoted.items(), key=lambda item: (-item[1], item[0][1].casefold()))
            latest = sorted(articles, key=lambda a: (a.published or dt.date.min, a.id), reverse=True)
            result.append((outlet, latest[:MAX_BRIEFINGS_PER_OUTLET], len(articles),
                           [(speaker, text, n) for (speaker, text), n in ranked[:MAX_TOP_ENTITIES]]))
        return result


def _capped_dates(by_date: Mapping[dt.date, list], dates: list[dt.date]) -> list[tuple[dt.date, list, int]]:
    """(date, its first MAX_ENTRIES_PER_DATE statements, how many more) for each of `dates`."""
    return [(date, by_date[date][:MAX_ENTRIES_PER_DATE], max(0, len(by_date[date]) - MAX_ENTRIES_PER_DATE))
            for date in dates]


def _busiest(outlets: list) -> dict:
    """sources.md: the MAX_OUTLETS outlets that carried the most briefings, still by name."""
    shown = set(sorted(range(len(outlets)), key=lambda i: (-outlets[i][2], i))[:MAX_OUTLETS])
    return {"outlets": [row for i, row in enumerate(outlets) if i in shown], "more_outlets": len(outlets) - len(shown)}


def full_text(article: ExtractedArticle) -> Markup:
    """Paragraphs as HTML blocks with a span anchor per sentence (escaped; Markdown-inert).

    A template function rather than a context value: it depends on the article alone, so a
    cached page need not build it."""
    spans: dict[int, list[str]] = defaultdict(list)
    for sentence in article.sentences:
        spans[sentence.paragraph].append(f'<span class="sentence" id="s{sentence.index}">{html_text(sentence.text)}</span>')
    return Markup("\n\n".join(f'<p class="article-text" id="p{number}">{" ".join(spans[number])}</p>'
                                for number in range(len(article.paragraphs))))


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")  # not strftime("%B"): that follows the locale


def _month_of(date: dt.date | None) -> str:
    """"2016-09", the name of the event's month page; "undated" for events without a date."""
    return f"{date.year:04d}-{date.month:02d}" if date else "undated"


def _period_title(period: str) -> str:
    """"September 2016" for "2016-09", "23 September 2016" for "2016-09-23"."""
    if period == "undated":
        return "Undated events"
    year, month, *day = period.split("-")
    return " ".join([*(str(int(d)) for d in day), _MONTH_NAMES[int(month) - 1], year])


def _neighbours(periods: list[str]) -> dict[str, tuple[tuple[str, str] | None, tuple[str, str] | None]]:
    """period -> ((page, title) of the page before it, of the one after it), or None at an end."""
    pages = [(period, _period_title(period)) for period in periods]
    return {period: (pages[i - 1] if i else None, pages[i + 1] if i + 1 < len(pages) else None)
            for i, period in enumerate(periods)}


def _ledger_order(event: Event) -> tuple:
    """By date; on one date the event with the most totals first."""
    return (event.date or dt.date.min, -sum(c.is_total for c in event.claims), -len(event.claims), event.key)


def event_anchor(event: Event) -> str:
    return "event-" + slugify(event.key.replace("/", " "))


def _in_context(use: Use, mention) -> tuple[Use, object, Markup]:
    """(use, sentence, the sentence with the mention highlighted) for "Mentions in context"."""
    sentence = use.article.sentences[mention.sentence]
    return use, sentence, highlight(sentence.text, mention.start - sentence.start, mention.end - sentence.start)


def highlight(sentence: str, start: int, end: int) -> Markup:
    """The sentence as HTML text (for a raw HTML list) with one mention wrapped in <mark>."""
    before, after = sentence[:start], sentence[end:]
    gap_before = " " if before[-1:].isspace() else ""
    gap_after = " " if after[:1].isspace() else ""
    return Markup(
        f"{html_text(before)}{gap_before}<mark>{html_text(sentence[start:end])}</mark>"
        f"{gap_after}{html_text(after)}"
    )


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _finalize(value: object) -> object:
    """Escape-by-default: every interpolated value that is not Markup is inert Markdown text."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)):
        return value
    return markdown_text(value)


def render_dossier(dossier: Dossier, template_dirs: tuple[Path, ...], title: str, description: str,
                   notes: Notes | None = None, pages: PageCache | None = None,
                   search_full_text: bool = True,
                   fingerprints: Mapping[str, str] | None = None) -> tuple[RenderedFile, ...]:
    """All files of content/ that the generator owns, sorted by path; with `pages`, a page whose
    inputs did not change since the last run is taken from there instead of rendered again.
    `search_full_text` puts the article text of briefings in the search index (else only the lead)."""
    renderer = Renderer(dossier, template_dirs, title, description, notes or Notes(), pages, search_full_text,
                        fingerprints)
    return renderer.render()
