"""Machine-readable views of the dossier: the SPEC's per-article JSON record and the exports.

The exports hold everything the pages cap (contexts, claims, timeline entries), so a capped
page can point to them; tests check that both agree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.escape import csv_cell
from generator.models import Claim, Dossier, Entity, Event, ExtractedArticle, RenderedFile

if TYPE_CHECKING:  # only export_files takes one; `dossier extract` needs the records alone
    from generator.xref import CrossReference


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def _entity_rows(article: ExtractedArticle, category: str, dossier: Dossier, entities: dict[str, Entity]):
    """One row per dossier entity (several local keys may resolve to one entity)."""
    merged: dict[str, dict] = {}
    for local in article.actors if category == "actor" else article.places:
        entity = entities[dossier.entity_of[(article.id, category, local.key)]]
        row = merged.setdefault(entity.id, {"id": entity.id, "name": entity.name, "kind": entity.kind})
        if category == "place":
            row.update(country=entity.country, region=entity.region, lat=entity.lat, lon=entity.lon)
        row.setdefault("aliases_seen", set()).update(mention.surface for mention in local.mentions)
        row["mentions"] = row.get("mentions", 0) + len(local.mentions)
    for row in merged.values():
        row["aliases_seen"] = sorted(row["aliases_seen"])
    return [merged[key] for key in sorted(merged)]


def article_record(article: ExtractedArticle, dossier: Dossier, entities: dict[str, Entity]) -> dict:
    """The `dossier extract` object of SPEC, field names fixed."""

    def entity_id(category: str, key: str | None) -> str | None:
        return dossier.entity_of.get((article.id, category, key)) if key else None

    return {
        "id": article.id,
        "source_path": article.source_path,
        "title": article.title,
        "url": article.url,
        "publisher": article.publisher,
        "wires": list(article.wires),
        "published": _iso(article.published),
        "event_date": _iso(article.event_date),
        "summary": article.summary,
        "actors": _entity_rows(article, "actor", dossier, entities),
        "places": _entity_rows(article, "place", dossier, entities),
        "quotes": [
            {"text": q.text, "speaker": entity_id("actor", q.speaker), "speaker_text": q.speaker_text,
             "sentence": q.sentence}
            for q in article.quotes
        ],
        "figures": [
            {"kind": f.kind, "count": f.count, "qualifier": f.qualifier, "who": f.who,
             "place": entity_id("place", f.place), "source": entity_id("actor", f.source),
             "source_text": f.source_text, "sentence": f.sentence, "text": f.text}
            for f in article.figures
        ],
        "dates": [{"date": _iso(d.date), "text": d.text, "sentence": d.sentence, "relative": d.relative}
                  for d in article.dates],
        "headline_toll": {"killed": article.headline_toll.killed, "wounded": article.headline_toll.wounded},
        "word_count": article.word_count,
        "byline": article.byline,
    }


def article_records(dossier: Dossier) -> list[dict]:
    entities = {entity.id: entity for entity in dossier.entities}
    return [article_record(article, dossier, entities) for article in dossier.articles]


def article_json(article: ExtractedArticle, dossier: Dossier, entities: dict[str, Entity]) -> str:
    """The article's record as one line of JSON, as dossier.json holds it."""
    return _json(article_record(article, dossier, entities))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _entity_record(entity: Entity) -> dict:
    return {"id": entity.id, "category": entity.category, "name": entity.name, "kind": entity.kind,
            "aliases": list(entity.aliases), "description": entity.description, "country": entity.country,
            "region": entity.region, "lat": entity.lat, "lon": entity.lon}


def _json_one_item_per_line(title: str, lists: dict[str, list[str]]) -> str:
    """A JSON object (the dossier's title, then lists) with each item (already JSON) on a line of
    its own: the fast C encoder (indent= would use the pure-Python one), and a git diff that
    shows one changed article per line."""
    parts = [f'"title": {_json(title)}']
    parts += [f"{json.dumps(key)}: [\n" + ",\n".join(items) + "\n]" for key, items in lists.items()]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _publication(article: ExtractedArticle) -> tuple[str | None, str, str | None]:
    """Publisher, wires and event date (else publication date) columns of figures.csv."""
    return article.publisher, ";".join(article.wires), _iso(article.event_date or article.published)


def _csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([list(map(csv_cell, row)) for row in rows])
    return buffer.getvalue()


def _event_record(event: Event, briefing_slugs: dict[str, str]) -> dict:
    return {
        "key": event.key,
        "date": _iso(event.date),
        "place": event.area_id,
        "estimates": [
            {"kind": e.kind, "low": e.low, "best": e.best, "high": e.high, "disagreement": e.disagreement,
             "most_conservative": {"count": e.conservative.figure.count, "qualifier": e.conservative.figure.qualifier,
                                   "claimant": e.conservative.claimant_id, "article": e.conservative.article.id}}
            for e in event.estimates
        ],
        "claims": [
            {"article": c.article.id, "briefing": briefing_slugs[c.article.id], "figure": c.index,
             "kind": c.figure.kind, "count": c.figure.count, "qualifier": c.figure.qualifier, "who": c.figure.who,
             "place": c.place_id, "place_inferred": c.place_inferred, "claimant": c.claimant_id,
             "sentence": c.figure.sentence, "role": c.role, "current": _is_current(event, c),
             "disagrees": event.disagrees(c)}
            for c in event.claims
        ],
    }


def _is_current(event: Event, claim: Claim) -> bool:
    """True when the claim is one of the totals the event's estimates are made of."""
    return any(estimate.counts(claim) for estimate in event.estimates)


def _background_record(claim: Claim, briefing_slugs: dict[str, str]) -> dict:
    return {"article": claim.article.id, "briefing": briefing_slugs[claim.article.id], "figure": claim.index,
            "kind": claim.figure.kind, "count": claim.figure.count, "qualifier": claim.figure.qualifier,
            "who": claim.figure.who, "claimant": claim.claimant_id, "sentence": claim.figure.sentence}


def _timeline_entries(article: ExtractedArticle) -> list[tuple]:
    """(date, article id, sentence, as written, relative) of the article's dated statements, once each."""
    return sorted({(_iso(d.date), article.id, d.sentence, d.text, d.relative) for d in article.dates})


def _timeline_json(article: ExtractedArticle, slug: str) -> str:
    """The article's lines of the timeline in dossier.json, in _timeline_entries order."""
    return "\n".join(
        _json({"date": date, "article": article_id, "briefing": slug, "sentence": index, "text": text,
               "relative": relative, "sentence_text": article.sentences[index].text})
        for date, article_id, index, text, relative in _timeline_entries(article)
    )


def _figure_rows(event: Event | None, claims: tuple[Claim, ...], briefing_slugs: dict[str, str]) -> str:
    """The rows of figures.csv of an event's claims (or of background claims, with no event)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        list(map(csv_cell, [c.article.id, briefing_slugs[c.article.id], *_publication(c.article),
                            event.key if event else None, c.figure.kind, c.figure.count, c.figure.qualifier,
                            c.figure.who, c.place_id, c.place_inferred, c.claimant_id, c.figure.source_text,
                            c.figure.sentence, c.role, bool(event and event.disagrees(c))]))
        for c in claims
    )
    return buffer.getvalue()


# (what is made, the article or event it is made from, how to make it) -> the text. A caller
# that keeps these texts from run to run (the renderer's page cache) passes its own.
Memo = Callable[[str, object, Callable[[], str]], str]


def _made_now(_kind: str, _item: object, make: Callable[[], str]) -> str:
    return make()


def export_files(xref: CrossReference, title: str, memo: Memo = _made_now) -> list[RenderedFile]:
    """content/exports/: dossier.json (everything), figures.csv, actors.csv, places.csv.

    Each article's and each event's part is made through `memo`, so that a run that changed
    one article need not make them all again."""
    dossier, briefing_slugs, entities = xref.dossier, xref.slugs, xref.entities
    articles = dossier.articles
    timeline = sorted(
        (entry, line)
        for article in articles if (entries := _timeline_entries(article))
        for entry, line in zip(entries, memo("timeline", article, lambda a=article: _timeline_json(
            a, briefing_slugs[a.id])).split("\n"))
    )
    document = {
        "articles": [memo("article", a, lambda a=a: article_json(a, dossier, entities)) for a in articles],
        "entities": [_json(_entity_record(e)) for e in dossier.entities],
        "events": [memo("event", e, lambda e=e: _json(_event_record(e, briefing_slugs))) for e in xref.events],
        "background_claims": [_json(_background_record(c, briefing_slugs)) for c in xref.background],
        "timeline": [line for _entry, line in timeline],
    }
    figure_rows = "".join(memo("figures.csv rows", e, lambda e=e: _figure_rows(e, e.claims, briefing_slugs))
                          for e in xref.events) + _figure_rows(None, xref.background, briefing_slugs)
    entity_rows = {"actor": [], "place": []}
    for entity in dossier.entities:
        entity_rows[entity.category].append(
            [entity.id, entity.name, entity.kind, ";".join(entity.aliases), entity.country, entity.region,
             entity.lat, entity.lon, len(xref.holders(entity.id)), xref.mention_total(entity.id)]
        )
    entity_header = ["id", "name", "kind", "aliases", "country", "region", "lat", "lon", "briefings", "mentions"]
    figures_header = _csv(["article", "briefing", "publisher", "wires", "event_date", "event", "kind", "count",
                           "qualifier", "who", "place", "place_inferred", "claimant", "claimant_text", "sentence",
                           "role", "disagrees"], [])
    return [
        RenderedFile("exports/dossier.json", _json_one_item_per_line(title, document)),
        RenderedFile("exports/figures.csv", figures_header + figure_rows),
        RenderedFile("exports/actors.csv", _csv(entity_header, entity_rows["actor"])),
        RenderedFile("exports/places.csv", _csv(entity_header, entity_rows["place"])),
    ]
