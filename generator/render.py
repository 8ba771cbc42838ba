"""Dossier -> (path, text) pairs through the Jinja2 templates; nothing is written here.

Every `{{ value }}` in a template is escaped as Markdown text unless the value is Markup built
here from escaped parts (see `_finalize`), so article text cannot inject structure. Long lists
are capped (MAX_*) so that pages stay bounded at 10,000 articles; the exports hold everything.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.cooccurrence import choose, matrix_svg, top_pairs
from generator.errors import RenderError
from generator.escape import front_matter, html_text, markdown_text, one_line, safe_url
from generator.export import export_files
from generator.models import Dossier, Entity, EntityMention, ExtractedArticle, RenderedFile
from generator.notes import Notes
from generator.slugs import slugify
from generator.xref import Claim, CrossReference, Event

SHIPPED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
MAX_CONTEXTS_PER_ENTITY = 60  # longer lists live in the exports; keeps pages bounded at scale
MAX_BRIEFINGS_PER_PAGE = 100
MAX_QUOTES_PER_PAGE = 60
MAX_FIGURES_PER_PAGE = 60
MAX_LATEST_BRIEFINGS = 10
MAX_TOP_ENTITIES = 12
MAX_EVENTS = 300  # figures.md: events with the most claims; the CSV export has them all
MAX_CLAIMS_PER_EVENT = 40
MAX_HEADLINE_EVENTS = 5
MAX_STRONG_PAIRS = 30
MAX_ENTRIES_PER_DATE = 25
MAX_TAG_LENGTH = 60
MAX_INDEX_ROWS = 1000  # section index tables; the CSV exports list every entity
# Material prints tag names unescaped (MkDocs templates do not autoescape): only characters
# that are inert in HTML text and attribute values survive.
_TAG_UNSAFE = re.compile(r"[^\w .,()'-]+")


@dataclass(frozen=True)
class Use:
    """One article's use of one entity: the page's unit of cross-reference."""

    article: ExtractedArticle
    slug: str  # the briefing page slug
    local: EntityMention


def _briefing_slugs(articles: tuple[ExtractedArticle, ...]) -> dict[str, str]:
    """Unique, stable page slugs for article ids (ids from collections may be anything)."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for article in sorted(articles, key=lambda a: a.id):
        slug = slugify(article.id)
        if slug in taken:
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
                 notes: Notes):
        self.dossier = dossier
        self.title, self.description = title, description
        self.notes = notes
        self.slugs = _briefing_slugs(dossier.articles)
        self.entities = {entity.id: entity for entity in dossier.entities}
        self.xref = CrossReference(dossier)
        self.uses = self._index_uses()
        self.env = self._environment(template_dirs)

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
        )
        env.filters.update(html=html_text, md=markdown_text, front_matter=front_matter, url=safe_url)
        env.globals.update(entity_link=self.entity_link, briefing_link=self.briefing_link,
                           event_link=self.event_link, event_title=self.event_title, event_heading=self.event_heading,
                           sentence_link=self.sentence_link)
        return env

    def _index_uses(self) -> dict[str, tuple[Use, ...]]:
        uses: dict[str, list[Use]] = defaultdict(list)
        for article in self.dossier.articles:
            for category, found in (("actor", article.actors), ("place", article.places)):
                for local in found:
                    entity_id = self.dossier.entity_of[(article.id, category, local.key)]
                    uses[entity_id].append(Use(article, self.slugs[article.id], local))
        return {entity_id: tuple(found) for entity_id, found in uses.items()}

    # -- links (Markup built from escaped parts) -------------------------------------------

    def entity_link(self, entity_id: str, prefix: str = "../") -> Markup:
        entity = self.entities[entity_id]
        section = "actors" if entity.category == "actor" else "places"
        return Markup(f"[{markdown_text(entity.name)}]({prefix}{section}/{entity.id}.md)")

    def briefing_link(self, article: ExtractedArticle, prefix: str = "../", anchor: str = "") -> Markup:
        target = f"{prefix}briefings/{self.slugs[article.id]}.md{anchor}"
        return Markup(f"[{markdown_text(article.title)}]({target})")

    def sentence_link(self, article: ExtractedArticle, sentence: int, prefix: str = "../") -> Markup:
        """"Outlet (wire), s4" linked to the sentence: short enough for a table cell."""
        outlet = article.publisher or "unknown outlet"
        if article.wires:
            outlet += f" ({', '.join(article.wires)})"
        target = f"{prefix}briefings/{self.slugs[article.id]}.md#s{sentence}"
        return Markup(f"[{markdown_text(outlet)}, s{sentence}]({target})")

    def event_title(self, event: Event) -> Markup:
        where = markdown_text(self.entities[event.area_id].name) if event.area_id else "place unknown"
        return Markup(f"{where}, {event.date.isoformat() if event.date else 'undated'}")

    def event_heading(self, event: Event) -> Markup:
        """The event's title with its stable anchor (attr_list), for figures.md."""
        return Markup(f"{self.event_title(event)} {{#{event_anchor(event)}}}")

    def event_link(self, event: Event, prefix: str = "../") -> Markup:
        return Markup(f"[{self.event_title(event)}]({prefix}figures.md#{event_anchor(event)})")

    # -- pages ------------------------------------------------------------------------------

    def render(self) -> tuple[RenderedFile, ...]:
        files = [
            self._page("index.md", "index.md.j2", **self._overview()),
            self._page("briefings/index.md", "briefings_index.md.j2", articles=self.dossier.articles),
            self._page("actors/index.md", "entities_index.md.j2", **self._entity_index("actor")),
            self._page("places/index.md", "entities_index.md.j2", **self._entity_index("place")),
            self._page("timeline.md", "timeline.md.j2", dates=self._timeline()),
            self._page("figures.md", "figures.md.j2", **self._ledger()),
            self._page("sources.md", "sources.md.j2", outlets=self._outlets()),
            self._page("connections.md", "connections.md.j2", pairs=self._strong_pairs()),
            self._page("tags.md", "tags.md.j2"),
            RenderedFile("connections.svg", self._connections_svg()),
        ]
        related = self.xref.related_briefings()
        files += [self._briefing(article, related[article.id]) for article in self.dossier.articles]
        files += [self._entity_page(entity) for entity in self.dossier.entities]
        files += export_files(self.dossier, self.slugs, self.xref)
        return tuple(sorted(files, key=lambda f: f.path))

    def _page(self, path: str, template: str, **context) -> RenderedFile:
        try:
            text = self.env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise RenderError(f"template {template} failed for {path}: {exc}") from exc
        return RenderedFile(path, text)

    def _entity_ids(self, article: ExtractedArticle, category: str) -> list[str]:
        ids = self.xref.entity_ids(article, category)
        return sorted(ids, key=lambda entity_id: self.entities[entity_id].name.casefold())

    def _briefing(self, article: ExtractedArticle, related: list) -> RenderedFile:
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
        return self._page(
            f"briefings/{self.slugs[article.id]}.md",
            "briefing.md.j2",
            meta=meta,
            article=article,
            actor_ids=actor_ids,
            place_ids=place_ids,
            claims=self.xref.claims_of(article),
            related=related,
            speaker=lambda key: self.xref.local(article, "actor", key),
            notes=notes_block(self.notes.get("briefings", self.slugs[article.id])),
            full_text=self._full_text(article),
        )

    @staticmethod
    def _full_text(article: ExtractedArticle) -> Markup:
        """Paragraphs as HTML blocks with a span anchor per sentence (escaped; Markdown-inert)."""
        blocks = []
        for number, _ in enumerate(article.paragraphs):
            spans = " ".join(
                f'<span class="sentence" id="s{s.index}">{html_text(s.text)}</span>'
                for s in article.sentences
                if s.paragraph == number
            )
            blocks.append(f'<p class="article-text" id="p{number}">{spans}</p>')
        return Markup("\n\n".join(blocks))

    def _entity_page(self, entity: Entity) -> RenderedFile:
        uses = self.uses.get(entity.id, ())
        contexts = [
            (use, use.article.sentences[m.sentence], m) for use in uses for m in use.local.mentions
        ]
        briefings = _unique_articles(uses)
        quotes = self._quotes_by(entity) if entity.category == "actor" else []
        figures = self._figures_about(entity)
        section = "actors" if entity.category == "actor" else "places"
        tags = [entity.kind.replace("_", " ")] + ([entity.country] if entity.category == "place" and entity.country else [])
        return self._page(
            f"{section}/{entity.id}.md",
            f"{entity.category}.md.j2",
            meta={"id": entity.id, "category": entity.category, "kind": entity.kind,
                  "aliases": list(entity.aliases), "tags": tag_list(tags)},
            entity=entity,
            hierarchy=self._hierarchy(entity) if entity.category == "place" else [],
            briefings=briefings[:MAX_BRIEFINGS_PER_PAGE],
            more_briefings=max(0, len(briefings) - MAX_BRIEFINGS_PER_PAGE),
            contexts=[(use, sentence, highlight(sentence.text, m.start - sentence.start, m.end - sentence.start))
                      for use, sentence, m in contexts[:MAX_CONTEXTS_PER_ENTITY]],
            more_contexts=max(0, len(contexts) - MAX_CONTEXTS_PER_ENTITY),
            related_actors=self._related(entity.id, "actor"),
            related_places=self._related(entity.id, "place"),
            active_actors=self._actors_in_sentences_with(entity) if entity.category == "place" else [],
            quotes=quotes[:MAX_QUOTES_PER_PAGE],
            more_quotes=max(0, len(quotes) - MAX_QUOTES_PER_PAGE),
            figures=figures[:MAX_FIGURES_PER_PAGE],
            more_figures=max(0, len(figures) - MAX_FIGURES_PER_PAGE),
            notes=notes_block(self.notes.get(section, entity.id)),
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
            for article in _unique_articles(self.uses.get(entity.id, ()))
            for quote in article.quotes
            if self.xref.local(article, "actor", quote.speaker) == entity.id
        ]

    def _figures_about(self, entity: Entity) -> list[tuple[Claim, Event]]:
        """Figures the actor claimed, or figures located at the place (or at an event there)."""
        rows = []
        for article in _unique_articles(self.uses.get(entity.id, ())):
            for claim, event in self.xref.claims_of(article):
                if entity.category == "actor":
                    if claim.claimant_id == entity.id:
                        rows.append((claim, event))
                elif entity.id in (claim.place_id, event.area_id):
                    rows.append((claim, event))
        return rows

    def _related(self, entity_id: str, category: str) -> list[tuple[str, int]]:
        """Other actors (or places) named in the same briefings, with how many briefings they share."""
        counts: Counter[str] = Counter()
        for article in _unique_articles(self.uses.get(entity_id, ())):
            counts.update(other for other in self.xref.entity_ids(article, category) if other != entity_id)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.entities[item[0]].name.casefold()))
        return ranked[:MAX_TOP_ENTITIES]

    def _actors_in_sentences_with(self, place: Entity) -> list[tuple[str, int]]:
        """Actors named in the same sentence as the place: who is active there, by sentence count."""
        counts: Counter[str] = Counter()
        for use in self.uses.get(place.id, ()):
            sentences = {m.sentence for m in use.local.mentions}
            for local in use.article.actors:
                together = sentences & {m.sentence for m in local.mentions}
                if together:
                    counts[self.xref.local(use.article, "actor", local.key)] += len(together)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.entities[item[0]].name.casefold()))
        return ranked[:MAX_TOP_ENTITIES]

    def _entity_index(self, category: str) -> dict:
        rows = []
        for entity in self.dossier.entities:
            if entity.category != category:
                continue
            uses = self.uses.get(entity.id, ())
            rows.append((entity, len(_unique_articles(uses)), sum(len(u.local.mentions) for u in uses)))
        rows.sort(key=lambda row: (-row[2], row[0].name.casefold()))
        heading = "Actors" if category == "actor" else "Places"
        return {"heading": heading, "category": category, "rows": rows[:MAX_INDEX_ROWS],
                "more_rows": max(0, len(rows) - MAX_INDEX_ROWS)}

    def _members(self) -> dict[str, frozenset[str]]:
        return {entity_id: frozenset(use.article.id for use in uses) for entity_id, uses in self.uses.items()}

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

    def _overview(self) -> dict:
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
            "outlets": self._outlets(),
            "headline_events": self._headline_events(),
        }

    def _timeline(self) -> list[tuple[dt.date, list, int]]:
        """(date, entries, entries left out) with entries (article, sentence, as written)."""
        entries = set()
        for article in self.dossier.articles:
            for mention in article.dates:
                entries.add((mention.date, article.id, mention.sentence, mention.text))
        by_id = {a.id: a for a in self.dossier.articles}
        by_date: dict[dt.date, list] = defaultdict(list)
        for date, article_id, index, text in sorted(entries):
            by_date[date].append((by_id[article_id], by_id[article_id].sentences[index], text))
        return [(date, found[:MAX_ENTRIES_PER_DATE], max(0, len(found) - MAX_ENTRIES_PER_DATE))
                for date, found in sorted(by_date.items())]

    def _ledger(self) -> dict:
        """figures.md: the events with the most claims (all of them when few), in date order."""
        events = self.xref.events
        shown = sorted(events, key=lambda e: (-len(e.claims), e.key))[:MAX_EVENTS]
        return {"events": sorted(shown, key=_ledger_order), "more_events": len(events) - len(shown),
                "max_claims": MAX_CLAIMS_PER_EVENT}

    def _outlets(self) -> list[tuple[str, list[ExtractedArticle], list[tuple[str | None, str, int]]]]:
        """(outlet, its briefings, whom it quotes: (actor id or None, as written, quote count))."""
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
            result.append((outlet, latest[:MAX_BRIEFINGS_PER_PAGE],
                           [(speaker, text, n) for (speaker, text), n in ranked[:MAX_TOP_ENTITIES]]))
        return result


def _ledger_order(event: Event) -> tuple:
    """By date; on one date the event with the most totals first."""
    return (event.date or dt.date.min, -sum(c.is_total for c in event.claims), -len(event.claims), event.key)


def event_anchor(event: Event) -> str:
    return "event-" + slugify(event.key.replace("/", " "))


def _unique_articles(uses) -> list[ExtractedArticle]:
    seen: dict[str, ExtractedArticle] = {}
    for use in uses:
        seen.setdefault(use.article.id, use.article)
    return list(seen.values())


def highlight(sentence: str, start: int, end: int) -> Markup:
    """The sentence as Markdown text with one mention wrapped in <mark>."""
    before, after = sentence[:start], sentence[end:]
    gap_before = " " if before[-1:].isspace() else ""
    gap_after = " " if after[:1].isspace() else ""
    return Markup(
        f"{markdown_text(before)}{gap_before}<mark>{markdown_text(sentence[start:end])}</mark>"
        f"{gap_after}{markdown_text(after)}"
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
                   notes: Notes | None = None) -> tuple[RenderedFile, ...]:
    """All files of content/ that the generator owns, sorted by path."""
    return Renderer(dossier, template_dirs, title, description, notes or Notes()).render()
