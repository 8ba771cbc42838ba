"""Machine-readable views of the dossier: the SPEC's per-article JSON record and the exports."""

from __future__ import annotations

import csv
import io
import json

from generator.models import Dossier, Entity, ExtractedArticle, RenderedFile


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


def _entity_record(entity: Entity) -> dict:
    return {"id": entity.id, "category": entity.category, "name": entity.name, "kind": entity.kind,
            "aliases": list(entity.aliases), "description": entity.description, "country": entity.country,
            "region": entity.region, "lat": entity.lat, "lon": entity.lon}


def _csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def export_files(dossier: Dossier, briefing_slugs: dict[str, str]) -> list[RenderedFile]:
    """content/exports/: dossier.json (everything), figures.csv, actors.csv, places.csv."""
    records = article_records(dossier)
    document = {"articles": records, "entities": [_entity_record(e) for e in dossier.entities]}
    figures = [
        [r["id"], briefing_slugs[r["id"]], r["publisher"], ";".join(r["wires"]), r["event_date"], f["kind"],
         f["count"], f["qualifier"], f["who"], f["place"], f["source"], f["source_text"], f["sentence"]]
        for r in records for f in r["figures"]
    ]
    entity_rows = {"actor": [], "place": []}
    for entity in dossier.entities:
        entity_rows[entity.category].append(
            [entity.id, entity.name, entity.kind, ";".join(entity.aliases), entity.country, entity.region,
             entity.lat, entity.lon]
        )
    entity_header = ["id", "name", "kind", "aliases", "country", "region", "lat", "lon"]
    return [
        RenderedFile("exports/dossier.json", json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"),
        RenderedFile("exports/figures.csv", _csv(
            ["article", "briefing", "publisher", "wires", "event_date", "kind", "count", "qualifier", "who",
             "place", "claimant", "claimant_text", "sentence"], figures)),
        RenderedFile("exports/actors.csv", _csv(entity_header, entity_rows["actor"])),
        RenderedFile("exports/places.csv", _csv(entity_header, entity_rows["place"])),
    ]
