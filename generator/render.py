"""Dossier -> (path, text) pairs through the Jinja2 templates; nothing is written here.

Every `{{ value }}` in a template is escaped as Markdown text unless the value is Markup built
here from escaped parts (see `_finalize`), so article text cannot inject structure.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.errors import RenderError
from generator.escape import front_matter, html_text, markdown_text, safe_url
from generator.export import export_files
from generator.models import Dossier, Entity, EntityMention, ExtractedArticle, RenderedFile
from generator.slugs import slugify

SHIPPED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
MAX_CONTEXTS_PER_ENTITY = 60  # longer lists live in the exports; keeps pages bounded at scale
MAX_LATEST_BRIEFINGS = 10
MAX_TOP_ENTITIES = 12


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


class Renderer:
    """Holds the template environment and the dossier's cross-reference for one render."""

    def __init__(self, dossier: Dossier, template_dirs: tuple[Path, ...], title: str, description: str):
        self.dossier = dossier
        self.title, self.description = title, description
        self.slugs = _briefing_slugs(dossier.articles)
        self.entities = {entity.id: entity for entity in dossier.entities}
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
        env.globals.update(entity_link=self.entity_link, briefing_link=self.briefing_link)
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

    # -- pages ------------------------------------------------------------------------------

    def render(self) -> tuple[RenderedFile, ...]:
        files = [
            self._page("index.md", "index.md.j2", **self._overview()),
            self._page("briefings/index.md", "briefings_index.md.j2", articles=self.dossier.articles),
            self._page("actors/index.md", "entities_index.md.j2", **self._entity_index("actor")),
            self._page("places/index.md", "entities_index.md.j2", **self._entity_index("place")),
            self._page("timeline.md", "timeline.md.j2", entries=self._timeline()),
            self._page("figures.md", "figures.md.j2", rows=self._figure_rows()),
            self._page("sources.md", "sources.md.j2", outlets=self._outlets()),
        ]
        files += [self._briefing(article) for article in self.dossier.articles]
        files += [self._entity_page(entity) for entity in self.dossier.entities]
        files += export_files(self.dossier, self.slugs)
        return tuple(sorted(files, key=lambda f: f.path))

    def _page(self, path: str, template: str, **context) -> RenderedFile:
        try:
            text = self.env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise RenderError(f"template {template} failed for {path}: {exc}") from exc
        return RenderedFile(path, text)

    def _entity_ids(self, article: ExtractedArticle, category: str) -> list[str]:
        found = article.actors if category == "actor" else article.places
        ids = {self.dossier.entity_of[(article.id, category, local.key)] for local in found}
        return sorted(ids, key=lambda entity_id: self.entities[entity_id].name.casefold())

    def _briefing(self, article: ExtractedArticle) -> RenderedFile:
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
            "tags": list(article.tags),
        }
        return self._page(
            f"briefings/{self.slugs[article.id]}.md",
            "briefing.md.j2",
            meta=meta,
            article=article,
            actor_ids=actor_ids,
            place_ids=place_ids,
            speaker=lambda key: self._local_entity(article, "actor", key),
            place_of=lambda key: self._local_entity(article, "place", key),
            full_text=self._full_text(article),
        )

    def _local_entity(self, article: ExtractedArticle, category: str, key: str | None) -> str | None:
        return self.dossier.entity_of.get((article.id, category, key)) if key else None

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
        section = "actors" if entity.category == "actor" else "places"
        return self._page(
            f"{section}/{entity.id}.md",
            f"{entity.category}.md.j2",
            entity=entity,
            briefings=_unique_articles(uses),
            contexts=[(use, sentence, highlight(sentence.text, m.start - sentence.start, m.end - sentence.start))
                      for use, sentence, m in contexts[:MAX_CONTEXTS_PER_ENTITY]],
            more_contexts=max(0, len(contexts) - MAX_CONTEXTS_PER_ENTITY),
            related=self._related(entity.id),
            quotes=self._quotes_by(entity) if entity.category == "actor" else [],
            figures=self._figures_about(entity),
        )

    def _quotes_by(self, entity: Entity) -> list[tuple[ExtractedArticle, object]]:
        return [
            (article, quote)
            for article in _unique_articles(self.uses.get(entity.id, ()))
            for quote in article.quotes
            if self._local_entity(article, "actor", quote.speaker) == entity.id
        ]

    def _figures_about(self, entity: Entity) -> list[tuple[ExtractedArticle, object, str | None]]:
        """Figures the actor claimed, or figures located at the place."""
        role = "actor" if entity.category == "actor" else "place"
        rows = []
        for article in _unique_articles(self.uses.get(entity.id, ())):
            for figure in article.figures:
                key = figure.source if role == "actor" else figure.place
                if self._local_entity(article, role, key) == entity.id:
                    rows.append((article, figure, self._local_entity(article, "actor", figure.source)))
        return rows

    def _related(self, entity_id: str) -> list[tuple[str, int]]:
        """Other entities named in the same briefings, with how many briefings they share."""
        counts: Counter[str] = Counter()
        for article in _unique_articles(self.uses.get(entity_id, ())):
            for category in ("actor", "place"):
                counts.update(other for other in self._entity_ids(article, category) if other != entity_id)
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
        return {"heading": heading, "category": category, "rows": rows}

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
            "top_actors": self._entity_index("actor")["rows"][:MAX_TOP_ENTITIES],
            "top_places": self._entity_index("place")["rows"][:MAX_TOP_ENTITIES],
            "outlets": self._outlets(),
            "figure_rows": self._figure_rows(),
        }

    def _timeline(self) -> list[tuple[dt.date, ExtractedArticle, object, str]]:
        entries = set()
        for article in self.dossier.articles:
            for mention in article.dates:
                sentence = article.sentences[mention.sentence]
                entries.add((mention.date, article.id, sentence.index, mention.text))
        by_id = {a.id: a for a in self.dossier.articles}
        return [
            (date, by_id[article_id], by_id[article_id].sentences[index], text)
            for date, article_id, index, text in sorted(entries)
        ]

    def _figure_rows(self) -> list[tuple]:
        rows = []
        for article in self.dossier.articles:
            for figure in article.figures:
                rows.append((
                    article.event_date or article.published,
                    self._local_entity(article, "place", figure.place),
                    figure,
                    self._local_entity(article, "actor", figure.source),
                    article,
                ))
        return sorted(rows, key=lambda r: (r[0] or dt.date.min, r[1] or "", r[2].kind, -r[2].count, r[4].id))

    def _outlets(self) -> list[tuple[str, list[ExtractedArticle]]]:
        outlets: dict[str, list[ExtractedArticle]] = defaultdict(list)
        for article in self.dossier.articles:
            outlets[article.publisher or "Unknown outlet"].append(article)
            for wire in article.wires:
                outlets[f"{wire} (wire)"].append(article)
        return sorted(outlets.items(), key=lambda item: item[0].casefold())


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


def render_dossier(dossier: Dossier, template_dirs: tuple[Path, ...], title: str, description: str):
    """All files of content/ that the generator owns, sorted by path."""
    return Renderer(dossier, template_dirs, title, description).render()
