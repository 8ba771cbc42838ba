"""Links between pages, and the lookups by id behind them.

Each link has two forms: Markdown (`entity_link`) for headings, prose and quotes, and raw HTML
(`entity_a`) for the long lists and tables, which Python-Markdown passes through unparsed (about
30% less `mkdocs build` CPU). The builder neither rewrites nor checks links in raw HTML, so the
HTML forms point at the built pages, at the address the site builder gives them.

An entity's name, an article's slug and the ledger page of an event are looked up by id, not
carried in a page's sources; every lookup is noted, so that the page cache renders a page again
when a value it looked up changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from markupsafe import Markup

from generator.escape import html_link, html_text, markdown_text
from generator.models import Entity, Event, ExtractedArticle
from generator.sitebuilder import SiteBuilder
from generator.slugs import slugify
from generator.text import shorten

Lookup = tuple[str, str]  # (kind, key): ("entity", id), ("slug", article id), ("ledger", event key)


def event_anchor(event: Event) -> str:
    return "event-" + slugify(event.key.replace("/", " "))


def outlet_of(article: ExtractedArticle) -> str:
    """Who published the article (extraction already takes the URL's host when the record names
    no outlet: extract.metadata.publisher_of)."""
    return article.publisher or "unknown outlet"


def outlet_label(article: ExtractedArticle) -> str:
    """"Outlet (wire)": short enough for a table cell."""
    outlet = outlet_of(article)
    return f"{outlet} ({', '.join(article.wires)})" if article.wires else outlet


# A briefing's title in a citation is cut to this many characters.
CITED_TITLE_LIMIT = 70


def citation(article: ExtractedArticle, sentence: int) -> str:
    """"Title — Outlet (wire), sentence 4": what a reader needs to know where a fact comes from."""
    return f"{shorten(article.title, CITED_TITLE_LIMIT)} — {outlet_label(article)}, sentence {sentence}"


class Links:
    """The link helpers templates call, and the lookups the page being rendered made."""

    def __init__(self, entities: Mapping[str, Entity], slugs: Mapping[str, str],
                 ledger_page: Callable[[str], str | None], site: SiteBuilder):
        self._entities, self._slugs, self._ledger_page = entities, slugs, ledger_page
        self._site = site
        self.noted: dict[Lookup, object] = {}  # what the page being rendered looked up: lookup -> value

    def helpers(self) -> dict[str, Callable]:
        """The functions templates call, by name."""
        return {name: getattr(self, name) for name in (
            "entity_link", "entity_a", "entity_name", "entity_name_html", "briefing_link", "briefing_a",
            "sentence_link", "sentence_a", "event_link", "event_a", "event_title", "event_heading", "outlet")}

    def current(self, kind: str, key: str) -> object:
        """An entity's (name, category), an article's page slug or the ledger page of an event."""
        if kind == "entity":
            entity = self._entities.get(key)
            return (entity.title, entity.category) if entity else None
        if kind == "ledger":
            return self._ledger_page(key)
        return self._slugs.get(key)

    def lookup(self, kind: str, key: str) -> object:
        """`current`, noted as an input of the page being rendered."""
        value = self.current(kind, key)
        self.noted[(kind, key)] = value
        return value

    def _built(self, page: str) -> str:
        return self._site.page_address(page)

    def _entity_target(self, entity_id: str, prefix: str) -> tuple[str, str]:
        """(name, page path without its extension) of an entity."""
        name, category = self.lookup("entity", entity_id)
        section = "actors" if category == "actor" else "places"
        return name, f"{prefix}{section}/{entity_id}"

    def entity_link(self, entity_id: str, prefix: str = "../") -> Markup:
        name, page = self._entity_target(entity_id, prefix)
        return Markup(f"[{markdown_text(name)}]({page}.md)")

    def entity_a(self, entity_id: str, prefix: str = "../") -> Markup:
        name, page = self._entity_target(entity_id, prefix)
        return html_link(name, self._built(page))

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
        return html_link(article.title, self._built(self._briefing_target(article, prefix)) + anchor)

    def sentence_link(self, article: ExtractedArticle, sentence: int, prefix: str = "../") -> Markup:
        """The citation (title, outlet, sentence) linked to the sentence."""
        target = f"{self._briefing_target(article, prefix)}.md#s{sentence}"
        return Markup(f"[{markdown_text(citation(article, sentence))}]({target})")

    def sentence_a(self, article: ExtractedArticle, sentence: int, prefix: str = "../") -> Markup:
        target = self._built(self._briefing_target(article, prefix)) + f"#s{sentence}"
        return html_link(citation(article, sentence), target)

    @staticmethod
    def outlet(article: ExtractedArticle) -> str:
        return outlet_of(article)

    def _event_title_parts(self, event: Event) -> tuple[str, str]:
        """(the event's area name or "place unknown", its date or "undated")."""
        where = self.lookup("entity", event.area_id)[0] if event.area_id else "place unknown"
        return where, event.date.isoformat() if event.date else "undated"

    def event_title(self, event: Event) -> Markup:
        """"Aleppo, 2016-09-23"; "Aleppo, 2016-09-23 (2)" for a second incident there that day."""
        where, when = self._event_title_parts(event)
        second = f" ({event.sequence})" if event.sequence > 1 else ""
        return Markup(f"{markdown_text(where)}, {when}{second}")

    def event_heading(self, event: Event) -> Markup:
        """The event's title with its stable anchor (attr_list), for the ledger pages."""
        return Markup(f"{self.event_title(event)} {{#{event_anchor(event)}}}")

    def event_link(self, event: Event, prefix: str = "../") -> Markup:
        """The event's entry on its ledger page."""
        page = self.lookup("ledger", event.key)
        return Markup(f"[{self.event_title(event)}]({prefix}{page}.md#{event_anchor(event)})")

    def event_a(self, event: Event, prefix: str = "../") -> Markup:
        page = self.lookup("ledger", event.key)
        target = self._built(f"{prefix}{page}") + f"#{event_anchor(event)}"
        return html_link(", ".join(self._event_title_parts(event)), target)
