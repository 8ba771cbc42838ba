"""Exports parse, hold the timeline and events, and agree with the pages rendered from the same dossier."""

import csv
import io
import json

from test_render import _render


def test_exports_parse_and_agree_with_the_pages():
    pages = _render()
    document = json.loads(pages["exports/dossier.json"])
    assert set(document) == {"title", "articles", "entities", "events", "background_claims", "timeline"}
    assert document["title"] == "Test dossier" and pages["index.md"].startswith("# Test dossier\n")
    figures = list(csv.DictReader(io.StringIO(pages["exports/figures.csv"])))
    assert len(figures) == sum(len(a["figures"]) for a in document["articles"]) == 1
    row = figures[0]
    assert row["event"] == document["events"][0]["key"] == "2016-09-23/aleppo"
    assert row["count"] == "12" and row["claimant_text"] == "Rebels" and row["disagrees"] == "False"
    assert "#event-2016-09-23-aleppo" in pages["briefings/a-1.md"]
    assert "{#event-2016-09-23-aleppo}" in pages["figures.md"]
    actors = list(csv.DictReader(io.StringIO(pages["exports/actors.csv"])))
    places = list(csv.DictReader(io.StringIO(pages["exports/places.csv"])))
    assert [(r["id"], r["briefings"], r["mentions"]) for r in actors] == [("jane-doe", "1", "1")]
    assert [r["id"] for r in places] == ["aleppo"]
    assert ('<td><a href="../actors/jane-doe.html">Jane Doe</a></td><td>person</td><td style="text-align: right;">1</td>'
            '<td style="text-align: right;">1</td>') in pages["actors/index.md"]


def test_timeline_export_lists_every_dated_sentence():
    pages = _render()
    timeline = json.loads(pages["exports/dossier.json"])["timeline"]
    assert [(t["date"], t["sentence"], t["text"]) for t in timeline] == [("2016-09-23", 0, "on Friday")]
    assert "## 2016-09-23" in pages["timeline.md"] and "#s0" in pages["timeline.md"]
