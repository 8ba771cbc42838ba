"""Machine-readable views of the dossier: the SPEC's per-article JSON record and the exports.

The exports hold everything the pages cap (contexts, claims, timeline entries), so a capped
page can point to them; tests check that both agree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from generator.models import Dossier, Entity, ExtractedArticle, RenderedFile
from generator.xref import CrossReference, Event


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
        row["aliases_seen"] = sorted(set(row.get("aliases_seen", [])) | set(local.aliases_seen))
        row["mentions"] = row.get("mentions", 0) + len(local.mentions)
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


def _json_one_item_per_line(lists: dict[str, list[str]]) -> str:
    """A JSON object of lists with each item (already JSON) on a line of its own: the fast C
    encoder (indent= would use the pure-Python one), and a git diff that shows one changed
    article per line."""
    parts = [f"{json.dumps(key)}: [\n" + ",\n".join(items) + "\n]" for key, items in lists.items()]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _publication(article: ExtractedArticle) -> tuple[str | None, str, str | None]:
    """Publisher, wires and event date (else publication date) columns of figures.csv."""
    return article.publisher, ";".join(article.wires), _iso(article.event_date or article.published)


def _csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
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
             "sentence": c.figure.sentence, "disagrees": event.disagrees(c)}
            for c in event.claims
        ],
    }


def _timeline(dossier: Dossier, briefing_slugs: dict[str, str]) -> list[dict]:
    entries = {
        (_iso(d.date), article.id, d.sentence, d.text, d.relative)
        for article in dossier.articles for d in article.dates
    }
    sentences = {a.id: a.sentences for a in dossier.articles}
    return [
        {"date": date, "article": article_id, "briefing": briefing_slugs[article_id], "sentence": index,
         "text": text, "relative": relative, "sentence_text": sentences[article_id][index].text}
        for date, article_id, index, text, relative in sorted(entries)
    ]


def export_files(dossier: Dossier, briefing_slugs: dict[str, str], xref: CrossReference,
                 article_line: Callable[[ExtractedArticle], str] | None = None) -> list[RenderedFile]:
    """content/exports/: dossier.json (everything), figures.csv, actors.csv, places.csv.

    `article_line` gives an article's line of dossier.json (article_json) when the caller keeps
    them from an earlier run; it is the larger part of the export."""
    entities = {entity.id: entity for entity in dossier.entities}
    article_lines = [article_line(a) if article_line else article_json(a, dossier, entities) for a in dossier.articles]
    events = [_event_record(event, briefing_slugs) for event in xref.events]
    document = {"articles": article_lines, "entities": [_json(_entity_record(e)) for e in dossier.entities],
                "events": [_json(e) for e in events], "timeline": [_json(t) for t in _timeline(dossier, briefing_slugs)]}
    by_id = {a.id: a for a in dossier.articles}
    figures = [
        [c["article"], c["briefing"], *_publication(by_id[c["article"]]), event["key"], c["kind"], c["count"],
         c["qualifier"], c["who"], c["place"], c["place_inferred"], c["claimant"],
         by_id[c["article"]].figures[c["figure"]].source_text, c["sentence"], c["disagrees"]]
        for event in events for c in event["claims"]
    ]
    entity_rows = {"actor": [], "place": []}
    for entity in dossier.entities:
        entity_rows[entity.category].append(
            [entity.id, entity.name, entity.kind, ";".join(entity.aliases), entity.country, entity.region,
             entity.lat, entity.lon, len(xref.holders(entity.id)), xref.mention_total(entity.id)]
        )
    entity_header = ["id", "name", "kind", "aliases", "country", "region", "lat", "lon", "briefings", "mentions"]
    return [
        RenderedFile("exports/dossier.json", _json_one_item_per_line(document)),
        RenderedFile("exports/figures.csv", _csv(
            ["article", "briefing", "publisher", "wires", "event_date", "event", "kind", "count", "qualifier", "who",
             "place", "place_inferred", "claimant", "claimant_text", "sentence", "disagrees"], figures)),
        RenderedFile("exports/actors.csv", _csv(entity_header, entity_rows["actor"])),
        RenderedFile("exports/places.csv", _csv(entity_header, entity_rows["place"])),
    ]
