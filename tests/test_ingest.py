"""Ingest: every input form and encoding, boilerplate rules, sidecars, reports, duplicates, ids."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text import split_sentences
from generator.ingest import MIN_ARTICLE_WORDS, ingest
from generator.near_duplicates import WordHashes, collapse_duplicates, content_hash, duplicate_band_keys
from generator.models import Metadata, RawArticle
from generator.readers import UndecodableError, decode_bytes, normalize_text, parse_date, title_from_url
from generator.yamlio import YamlTooLarge, load_yaml
from generator.slugs import MAX_SLUG_LENGTH, slugify

SAMPLES = Path(__file__).resolve().parent / "fixtures"
SEEDS = SAMPLES / "seeds"  # the bundled dossier's two articles and their sidecars
FAKES = SAMPLES / "fakes-sample.jsonl"  # 74 FA-KES records (Abu Salem et al. 2019), CC BY 4.0
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

# Distinct article texts (no two are near-duplicates of each other).
STRIKE = (
    "Government aircraft struck a market in the town of Saraqeb on Tuesday, killing at least "
    "nine people and wounding dozens more, a monitoring group and local rescuers said."
)
CONVOY = (
    "An aid convoy carrying flour and medical supplies reached the besieged suburb of Douma on "
    "Thursday for the first time in four months, the United Nations relief agency said in a statement."
)
TALKS = (
    "Delegations from the government and the opposition met separately with the special envoy in "
    "Geneva on Monday as diplomats tried to revive negotiations over a nationwide ceasefire and prisoner releases."
)
SHELTER = (
    "Families who fled the fighting around the eastern villages are sleeping in schools and mosques "
    "in the provincial capital, where volunteers hand out blankets, bread and bottled water every evening."
)

SCHOOL = (
    "Teachers in the northern countryside reopened three primary schools in tents this week, "
    "saying that hundreds of displaced children had missed more than a year of lessons."
)
HARVEST = (
    "Farmers along the river valley warned that the wheat harvest could fall by half because "
    "irrigation pumps have no diesel and several canals were damaged during last winter's shelling."
)


def make_seeds(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (relative path -> text or bytes) under `root` and return `root`."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def only_article(root: Path):
    result = ingest([root], base=root)
    assert len(result.articles) == 1, result.reports
    return result.articles[0], result.reports


def reasons(result) -> list[tuple[str, str | None, str, str]]:
    return [(r.path, r.record, r.severity, r.reason) for r in result.reports]


# ---------------------------------------------------------------------------- the seeds


def test_seed_with_boilerplate_header_gives_title_wire_and_clean_body():
    article, reports = only_article_of(SEEDS / "000_95674d525cba9203.txt")
    assert reports == ()
    assert article.id == "000-95674d525cba9203"
    assert article.source_path == "000_95674d525cba9203.txt"
    assert article.record is None
    assert article.declared.title == "Aleppo Airstrikes: White Helmets' Centers Hit as Syria Cease-Fire Hopes Fade"
    assert article.declared.wires == ("Reuters",)
    for boilerplate in ("IE 11", "Image:", "Handout / AP", "Source:", "Related:", "Cease-Fire Hopes Fade"):
        assert boilerplate not in article.body
    assert article.body.startswith("Syria's White Helmets said they had been targeted")
    assert "\n\nFighter jets pounded rebel-held areas of Aleppo" in article.body
    assert "Kerry Laments" not in article.body
    assert "“stay away”" in article.body  # curly quotes survive


def test_seed_with_url_header_gives_url_and_title_from_slug():
    article, reports = only_article_of(SEEDS / "004_c2eec665b70e2dfb.txt")
    assert reports == ()
    assert article.declared.url == "http://www.thedailystar.net/backpage/missiles-batter-syrias-aleppo-1288792"
    assert article.declared.title == "Missiles batter Syria's Aleppo"
    assert article.body.startswith("Missiles rained down on rebel-held areas")
    assert not re.search(r"^\d+$", article.body, re.MULTILINE)


def only_article_of(path: Path):
    result = ingest([path], base=path.parent)
    assert len(result.articles) == 1
    return result.articles[0], result.reports


def test_seed_bodies_are_normalised_paragraphs():
    result = ingest([SEEDS], base=SEEDS)
    assert [a.source_path for a in result.articles] == ["000_95674d525cba9203.txt", "004_c2eec665b70e2dfb.txt"]
    for article in result.articles:
        assert article.body == article.body.strip()
        assert "\n\n\n" not in article.body and "  " not in article.body
        assert all(line for line in article.body.split("\n\n"))
        assert article.content_hash == content_hash(article.body)


# ---------------------------------------------------------------------------- plain-text rules


def test_general_boilerplate_rules_for_plain_text(tmp_path):
    text = "\n".join(
        [
            "Please enable JavaScript to view this page.",
            "Updated Sept. 23, 2016, 5:42 AM EDT",
            "Aid Convoy Reaches Besieged Douma",
            "By Jane Doe and John Roe, Reuters",
            f"DAMASCUS (Reuters) - {CONVOY}",
            "Photo: Trucks wait at a checkpoint outside the town. Omar Sanadiki/Reuters",
            "Read more: Why the siege of Douma matters",
            STRIKE,
            "Advertisement",
            "Reporting by Jane Doe; Editing by Sam Smith",
        ]
    )
    article, reports = only_article(make_seeds(tmp_path, {"a.txt": text}))
    assert reports == ()
    assert article.declared.title == "Aid Convoy Reaches Besieged Douma"
    assert article.declared.byline == "Jane Doe, John Roe"
    assert article.declared.wires == ("Reuters",)
    assert article.declared.published == dt.date(2016, 9, 23)
    assert article.body == f"DAMASCUS (Reuters) - {CONVOY}\n\n{STRIKE}"


def test_follow_lines_corrections_and_contribution_credits_are_page_furniture(tmp_path):
    text = "\n".join(["Aid Convoy Reaches Besieged Douma", CONVOY, STRIKE,
                      "Follow our live coverage on X and Facebook.",
                      "Follow AP's coverage of the war at https://apnews.com/hub/russia-ukraine",
                      "This article was amended on 23 March 2024 to correct the number of missiles.",
                      "The Associated Press contributed to this report.",
                      "Associated Press writers Peter Leonard in Kyiv and Jim Heintz in Moscow contributed.",
                      "Anton Troianovski reported from Berlin, and Ivan Nechepurenko from Tbilisi, Georgia."])
    article, _ = only_article(make_seeds(tmp_path, {"a.txt": text}))
    assert article.body == f"{CONVOY}\n\n{STRIKE}"
    assert article.declared.wires == ("AP",)


def test_a_correspondents_line_a_biography_and_the_headlines_under_a_links_heading_are_furniture(tmp_path):
    text = "\n".join(["Aid Convoy Reaches Besieged Douma", "Jason Burke in Jerusalem", CONVOY, STRIKE,
                      "Keep reading", "list of 4 items", "Sudan's army says it has broken RSF siege of El Obeid",
                      "Dozens killed in RSF drone strike on El Fasher hospital", "Read more:",
                      "Sudan's RSF accused of killing 124 in Gezira village raid",
                      "Natalie Kitroeff is the Mexico and Central America bureau chief for The Times."])
    article, _ = only_article(make_seeds(tmp_path, {"a.txt": text}))
    assert article.body == f"{CONVOY}\n\n{STRIKE}"
    assert article.declared.byline == "Jason Burke"


def test_a_ticker_of_other_headlines_feature_links_share_buttons_and_a_breadcrumb_are_furniture(tmp_path):
    ticker = ("Arson suspected at offices of rights group in Jerusalem • Tanzania sets out to ban plastic bags "
              "• 3 killed, 5 injured in shooting range blast in Italy")
    text = "\n".join(["Aid Convoy Reaches Besieged Douma", "Facebook icon", "e-mail icon", "Off the wire", ticker,
                      "You are here: Home", CONVOY, STRIKE, ticker, "FEATURES, VIEWS, ANALYSIS",
                      "Has China's housing bubble burst?", "Why a ballet principal quit"])
    article, _ = only_article(make_seeds(tmp_path, {"a.txt": text}))
    assert article.body == f"{CONVOY}\n\n{STRIKE}"
    # a sentence with a bullet in it is no ticker
    bulleted = f"{CONVOY} Aid • food • medicine reached the town, officials said."
    article, _ = only_article(make_seeds(tmp_path / "b", {"a.txt": "\n".join(["Aid Convoy Reaches Douma", bulleted])}))
    assert article.body == bulleted


def test_an_outlet_s_own_channels_letters_topics_and_labelled_captions_are_furniture(tmp_path):
    text = "\n".join(["Aid Convoy Reaches Besieged Douma", CONVOY, "Related Topics: Cameroon, Africa",
                      "You can follow BBC News Afghanistan on Facebook and X", "Follow Garowe Online on X: @GaroweOnline",
                      "Sign up for The Times of Israel's Daily Edition by email and never miss our top stories",
                      "Photo caption: Displaced people rest at a stadium in Cucuta. REUTERS/Carlos Eduardo Ramirez",
                      STRIKE, "Follow the money, he said, and you will find the killers on every street."])
    article, _ = only_article(make_seeds(tmp_path, {"a.txt": text}))
    assert article.body == f"{CONVOY}\n\n{STRIKE}\n\nFollow the money, he said, and you will find the killers on every street."


def test_a_photo_credit_glued_to_a_paragraph_goes_and_the_paragraph_stays(tmp_path):
    text = "\n".join(["Guardsman killed in Iraq", "Photograph: Owen Humphreys/PA " + STRIKE,
                      "Photo: Trucks wait at a checkpoint outside the town. Omar Sanadiki/Reuters", CONVOY])
    article, _ = only_article(make_seeds(tmp_path, {"a.txt": text}))
    assert article.body == f"{STRIKE}\n\n{CONVOY}"


def test_single_newlines_separate_paragraphs_and_spaces_collapse(tmp_path):
    article, _ = only_article(make_seeds(tmp_path, {"a.txt": f"{STRIKE}\n{CONVOY}  \n\n\n   {TALKS}\t\n"}))
    assert article.body == f"{STRIKE}\n\n{CONVOY}\n\n{TALKS}"


def test_title_falls_back_to_the_lead_sentence_cut_at_a_word(tmp_path):
    article, _ = only_article(make_seeds(tmp_path, {"a.txt": f"{TALKS}\n{SHELTER}"}))
    title = article.declared.title
    assert title.endswith("…") and len(title) <= 101
    assert TALKS.startswith(title[:-1])
    assert TALKS[len(title) - 1] == " "


def test_title_from_url_restores_written_forms_from_mid_sentence_words():
    body = "Rebels said Aleppo was quiet. Reports from Syria's north said Aleppo's airport was hit."
    assert title_from_url("https://x.test/news/aleppo-airport-hit-again/", body) == "Aleppo airport hit again"
    assert title_from_url("https://x.test/a/syrias-north-quiet-2016-09-23.html", body) == "Syria's north quiet"
    assert title_from_url("https://x.test/story/1288792", body) is None


# ---------------------------------------------------------------------------- Markdown and HTML


def test_markdown_front_matter_overrides_and_syntax_is_stripped(tmp_path):
    markdown = f"""---
title: Convoy reaches Douma
link: https://example.test/douma
source: Example Wire Service
date: 23 September 2016
author: [Jane Doe, John Roe]
wires: [afp, Reuters]
event_date: 2016-09-22
tags: aid, sieges
---
# Convoy reaches Douma

An **aid convoy** reached the [besieged suburb](https://example.test/douma) of *Douma* on
Thursday, the first in four months, said the _United Nations_ relief agency in `Geneva` today.

![A truck](truck.jpg)

## What the trucks carried

- {SHELTER}
"""
    article, reports = only_article(make_seeds(tmp_path, {"convoy.md": markdown}))
    assert reports == ()
    assert article.declared == Metadata(
        title="Convoy reaches Douma",
        url="https://example.test/douma",
        publisher="Example Wire Service",
        published=dt.date(2016, 9, 23),
        byline="Jane Doe, John Roe",
        wires=("AFP", "Reuters"),
        event_date=dt.date(2016, 9, 22),
        tags=("aid", "sieges"),
    )
    assert article.body == (
        "An aid convoy reached the besieged suburb of Douma on Thursday, the first in four months, "
        "said the United Nations relief agency in Geneva today.\n\nWhat the trucks carried\n\n" + SHELTER
    )


@pytest.mark.parametrize(
    ("front_matter", "reason"),
    [
        ("title: [unclosed\n", "front-matter is not valid YAML"),
        ("- just\n- a list\n", "front-matter is not a mapping"),
    ],
)
def test_bad_front_matter_is_reported_and_the_file_skipped(tmp_path, front_matter, reason):
    result = ingest([make_seeds(tmp_path, {"bad.md": f"---\n{front_matter}---\n{STRIKE}\n"})], base=tmp_path)
    assert result.articles == ()
    [(path, record, severity, text)] = reasons(result)
    assert (path, record, severity) == ("bad.md", None, "error")
    assert text.startswith(reason)


def test_html_page_main_text_and_metadata_without_navigation_scripts_or_ads():
    article, reports = only_article_of(FIXTURES / "saved_page.html")
    assert reports == ()
    assert article.declared.title == "Rescuers dig through rubble after Idlib market strike"
    assert article.declared.url.startswith("https://www.example-herald.test/world/rescuers-dig")
    assert article.declared.publisher == "The Example Herald"
    assert article.declared.published == dt.date(2016, 10, 12)
    assert article.declared.byline == "Leila Haddad"
    assert article.body.startswith("Rescue workers searched through the rubble")
    assert len(article.body.split("\n\n")) == 4
    for chrome in ("TRACKING", "Cheap flights", "Sign in", "Privacy", "All rights reserved"):
        assert chrome not in article.body


def test_html_without_article_text_is_reported(tmp_path):
    page = "<html><head><script>var a = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>"
    result = ingest([make_seeds(tmp_path, {"empty.html": page})], base=tmp_path)
    assert result.articles == ()
    [(path, record, severity, reason)] = reasons(result)
    assert (path, record, severity) == ("empty.html", None, "error")
    assert reason.startswith("no article text")


# ---------------------------------------------------------------------------- encodings


TRICKY = "“Aleppo” café – naïve Zoë says: it’s over"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32", "cp1252"])
def test_encodings_decode_to_the_same_text(tmp_path, encoding):
    text = f"{TRICKY}.\n{STRIKE}\n"
    if encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    article, reports = only_article(make_seeds(tmp_path, {"a.txt": data}))
    assert reports == ()
    assert article.body == f"{TRICKY}.\n\n{STRIKE}"


def test_decoding_rules():
    assert decode_bytes("Zoë says hello there".encode("utf-16-le")) == "Zoë says hello there"  # no BOM
    assert decode_bytes(b"caf\xe9 \x93quoted\x94 \x81") == "café “quoted” \x81"  # cp1252, latin-1 gap
    with pytest.raises(UndecodableError, match="binary file"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(UndecodableError, match="binary file"):
        decode_bytes(bytes(range(1, 32)) * 10)


def test_normalisation_of_newlines_unicode_and_invisible_characters():
    text = "e\u0301te\r\nline\rnext\u200b\u200dword\x07\tend\u202e"
    assert normalize_text(text) == "éte\nline\nnextword\tend"


# ---------------------------------------------------------------------------- bad inputs


def test_unusable_files_give_one_report_each_and_the_rest_is_ingested(tmp_path):
    root = make_seeds(
        tmp_path,
        {
            "good.txt": STRIKE,
            "picture.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            "empty.txt": b"",
            "blank.txt": "  \n\n \t\n",
            "short.txt": "Breaking: strike reported in Idlib.",
            "notes.docx": b"PK\x03\x04 not really a document",
        },
    )
    result = ingest([root, tmp_path / "missing.txt"], base=tmp_path)
    assert [a.source_path for a in result.articles] == ["good.txt"]
    assert reasons(result) == [
        ("blank.txt", None, "error", "empty file"),
        ("empty.txt", None, "error", "empty file"),
        ("missing.txt", None, "error", "no such file or directory"),
        ("notes.docx", None, "error", "unsupported file type '.docx'"),
        ("picture.txt", None, "error", "binary file"),
        ("short.txt", None, "error", "no article text (5 words)"),
    ]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["", ".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".tsv"]))
def test_any_bytes_give_articles_or_reports_never_an_exception(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "input" + suffix)
        path.write_bytes(data)
        Path(folder, "input.meta.yaml").write_bytes(data[:50])
        result = ingest([Path(folder)], base=Path(folder))
    assert result.articles or result.reports


def test_oversized_file_is_reported(tmp_path):
    result = ingest([make_seeds(tmp_path, {"long.txt": STRIKE * 2})], base=tmp_path, max_article_bytes=100)
    assert result.articles == ()
    assert reasons(result)[0][3].startswith("file too large")


# ---------------------------------------------------------------------------- collections


def test_a_slash_a_scraper_left_escaped_reads_as_a_slash(tmp_path):
    record = {"id": "a", "content": f"{STRIKE}\n\nKim Badawi\\/Getty Images for CNN. Either\\/or."}
    article, _ = only_article(make_seeds(tmp_path, {"batch.jsonl": json.dumps(record)}))
    assert article.body.endswith("Kim Badawi/Getty Images for CNN. Either/or.")


def test_broken_jsonl_keeps_every_good_record(tmp_path):
    lines = [
        json.dumps({"id": "a-1", "Title": "Strike", "Content": STRIKE, "source": "xyz", "gold": {"x": 1}}),
        '{"id": "a-2", "content": "unterminated',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "No text here"}),
        json.dumps({"headline": "Convoy", "text": CONVOY, "published_at": "2016-09-23T10:00:00Z"}),
        json.dumps({"id": "a-7", "body": TALKS, "date": "sometime in autumn"}),
    ]
    result = ingest([make_seeds(tmp_path, {"batch.jsonl": "\n".join(lines)})], base=tmp_path)
    assert [(a.id, a.record, a.declared.title) for a in result.articles] == [
        ("a-1", "line 1", "Strike"),
        ("batch-6", "line 6", "Convoy"),
        ("a-7", "line 7", TALKS[:100].rsplit(" ", 1)[0] + "…"),
    ]
    assert result.articles[0].declared.publisher == "xyz"
    assert result.articles[1].declared.published == dt.date(2016, 9, 23)
    assert result.articles[2].declared.published is None
    assert [(record, severity) for _, record, severity, _ in reasons(result)] == [
        ("line 2", "error"),
        ("line 4", "error"),
        ("line 5", "error"),
        ("line 7", "warning"),
    ]
    assert reasons(result)[0][3].startswith("invalid JSON")
    assert "sometime in autumn" in reasons(result)[3][3]


def test_json_list_under_a_key_and_invalid_json(tmp_path):
    document = {"meta": {"n": 2}, "Articles": [{"content": STRIKE, "link": "https://x.test/a"}, {"text": CONVOY}]}
    root = make_seeds(tmp_path, {"set.json": json.dumps(document), "broken.json": "[{", "none.json": "[]"})
    result = ingest([root], base=root)
    assert [(a.id, a.record, a.declared.url) for a in result.articles] == [
        ("set-1", "record 1", "https://x.test/a"),
        ("set-2", "record 2", None),
    ]
    assert [(path, reason[:12]) for path, _, _, reason in reasons(result)] == [
        ("broken.json", "invalid JSON"),
        ("none.json", "no records i"),
    ]


def test_csv_with_long_fields_and_a_malformed_row(tmp_path):
    long_body = " ".join([SHELTER] * 4000)  # over the csv module's default field limit
    csv_text = (
        "ID,Headline,Body,URL,Publication_Date,Outlet,Byline\n"
        f'c-1,"Strike, again","{STRIKE}",https://x.test/1,"September 23, 2016",Herald,Jane Doe\n'
        f"c-2,Extra,{CONVOY},https://x.test/2,2016-09-24,Herald,Jane Doe,unexpected\n"
        f'c-3,Shelter,"{long_body}",,Sep 25 2016,,\n'
    )
    result = ingest([make_seeds(tmp_path, {"feed.csv": csv_text})], base=tmp_path)
    first, third = result.articles
    assert (first.id, first.record, first.declared.title, first.declared.publisher) == ("c-1", "record 1", "Strike, again", "Herald")
    assert first.declared.published == dt.date(2016, 9, 23) and first.declared.byline == "Jane Doe"
    assert (third.id, third.declared.published, len(third.body)) == ("c-3", dt.date(2016, 9, 25), len(long_body))
    assert reasons(result) == [("feed.csv", "record 2", "error", "more fields than the header names")]


def test_fakes_sample_every_record_with_its_id():
    records = [json.loads(line) for line in FAKES.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 74
    result = ingest([FAKES], base=SAMPLES)
    accounted = {a.record for a in result.articles} | {r.record for r in result.reports}
    assert accounted == {f"line {n}" for n in range(1, 75)}
    assert len(result.articles) + len(result.reports) == 74
    assert {a.id for a in result.articles} <= {r["id"] for r in records}
    assert len({a.id for a in result.articles}) == len(result.articles)
    by_line = {a.record: a for a in result.articles}
    assert by_line["line 1"].id == records[0]["id"]
    assert by_line["line 1"].declared.publisher == records[0]["source"]
    assert by_line["line 1"].declared.title == records[0]["title"]
    duplicates = [r for r in result.reports if r.reason.startswith("duplicate of fakes-sample.jsonl (line ")]
    assert len(duplicates) >= 8  # records repeated verbatim in the corpus
    assert all(r.severity == "warning" for r in duplicates)


# ---------------------------------------------------------------------------- sidecars


def test_sidecars_override_everything_and_the_full_name_one_wins(tmp_path):
    root = make_seeds(
        tmp_path,
        {
            "a.txt": f"https://x.test/news/convoy-reaches-douma-99\nAid Convoy Reaches Douma\n{CONVOY}\n",
            "a.meta.yaml": "title: From the stem sidecar\npublisher: Stem Herald\npublished: 2016-09-20\n",
            "a.txt.meta.yaml": "title: From the full-name sidecar\nwires: AFP\n",
        },
    )
    article, reports = only_article(root)
    assert reports == ()
    assert article.declared.title == "From the full-name sidecar"
    assert article.declared.publisher == "Stem Herald"
    assert article.declared.published == dt.date(2016, 9, 20)
    assert article.declared.wires == ("AFP",)
    assert article.declared.url == "https://x.test/news/convoy-reaches-douma-99"


def test_collection_sidecar_has_file_wide_and_per_record_overrides(tmp_path):
    lines = [json.dumps({"id": "r1", "content": STRIKE}), json.dumps({"content": CONVOY, "source": "abc"})]
    sidecar = "publisher: Collection Herald\nrecords:\n  r1: {publisher: Record Herald, event_date: 2016-09-22}\n"
    root = make_seeds(tmp_path, {"b.jsonl": "\n".join(lines), "b.jsonl.meta.yaml": sidecar})
    first, second = ingest([root], base=root).articles
    assert (first.declared.publisher, first.declared.event_date) == ("Record Herald", dt.date(2016, 9, 22))
    assert (second.id, second.declared.publisher) == ("b-2", "Collection Herald")


@pytest.mark.parametrize("sidecar", ["title: [broken\n", "- a\n- list\n", "records: [1, 2]\n", b"\x00\x01\x02binary"])
def test_bad_sidecar_is_a_warning_and_the_file_is_still_ingested(tmp_path, sidecar):
    root = make_seeds(tmp_path, {"a.txt": STRIKE, "a.meta.yaml": sidecar})
    result = ingest([root], base=root)
    assert [a.source_path for a in result.articles] == ["a.txt"]
    [(path, record, severity, reason)] = reasons(result)
    assert (path, severity) == ("a.txt", "warning")
    assert reason.startswith("sidecar a.meta.yaml ignored")


@pytest.mark.parametrize(
    "text",
    ["title: T\npublished: 2016-09-20\nwires: [AFP, Reuters]\n", '{"title": "T", "n": 3}', "a: &x [1]\nb: *x\n", ""],
)
def test_load_yaml_gives_what_the_pure_python_safe_loader_gives(text):
    """The C loader and the pure-Python one agree; dates stay text for the generator's own parser."""
    from generator.yamlio import UNTRUSTED_SAFE_LOADER

    assert load_yaml(text) == yaml.load(text, Loader=UNTRUSTED_SAFE_LOADER)  # noqa: S506
    expected = yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506
    if isinstance(expected, dict) and "published" in expected:
        expected["published"] = expected["published"].isoformat()
    assert load_yaml(text) == expected


@pytest.mark.parametrize("text", ["a: !!python/object/apply:os.system [ls]\n", "!!python/name:os.system\n"])
def test_load_yaml_refuses_python_tags(text):
    with pytest.raises(yaml.constructor.ConstructorError):
        load_yaml(text)


@pytest.mark.parametrize("text", ["title: [unclosed\n", "a: b\n c: d\n", "\tkey: 1\n"])
def test_load_yaml_reports_problems_in_the_pure_python_loaders_words(text):
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506
    with pytest.raises(yaml.YAMLError) as got:
        load_yaml(text)
    assert str(got.value) == str(expected.value)


def test_load_yaml_nested_too_deeply_is_an_error_not_a_crash():
    """libyaml's composer would overflow the C stack here and kill the process."""
    with pytest.raises(YamlTooLarge, match="nested more than 50 levels"):
        load_yaml("[" * 100_000 + "]" * 100_000)


def test_load_yaml_refuses_an_alias_bomb_before_building_it():
    bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 9))
    with pytest.raises(YamlTooLarge, match="expands to more than"):
        load_yaml(bomb)
    assert load_yaml("a: &a [1, 2]\nb: *a\n") == {"a": [1, 2], "b": [1, 2]}  # a few aliases are fine


# ---------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text",
    [
        "2016-09-23",
        "2016-09-23T10:00:00Z",
        "2016-09-23T10:00:00+03:00",
        "September 23, 2016",
        "23 September 2016",
        "Sep 23 2016",
        "Sept. 23, 2016, 5:42 AM EDT",
        "Fri, 23 Sep 2016 10:00:00 +0000",
        "Friday 23rd September 2016",
        "2016/09/23",
    ],
)
def test_date_forms(text):
    assert parse_date(text) == dt.date(2016, 9, 23)


@pytest.mark.parametrize("value", ["23/09/2016", "yesterday", "February 30, 2016", "", 2016, None])
def test_unparseable_dates(value):
    assert parse_date(value) is None


@pytest.mark.parametrize(("value", "shown"), [
    ("not a date", "'not a date'"), (1.5, "'1.5'"), ({"at": "noon"}, "a mapping"), (True, "a true/false value"),
])
def test_an_unparseable_declared_date_is_reported_with_what_was_written(value, shown):
    from generator.readers import declared_fields

    fields, warnings = declared_fields({"published": value, "title": "T"})
    assert fields == {"title": "T"} and warnings == [f"unparseable date in 'published': {shown}"]


def test_yaml_dates_and_datetimes_are_accepted():
    assert parse_date(dt.datetime(2016, 9, 23, 10, 0)) == dt.date(2016, 9, 23)
    assert parse_date(dt.date(2016, 9, 23)) == dt.date(2016, 9, 23)


# ---------------------------------------------------------------------------- duplicates, ids, order


def test_exact_and_near_duplicates_collapse_to_the_first(tmp_path):
    long_text = " ".join([STRIKE, CONVOY, TALKS, SHELTER])
    near_copy = long_text.replace("at least nine", "at least ten")
    root = make_seeds(
        tmp_path,
        {
            "a.txt": long_text,
            "b.txt": long_text.upper().replace(" ", "  \n"),
            "c.jsonl": json.dumps({"id": "c1", "content": near_copy}),
            "d.txt": f"{STRIKE} {SHELTER}",
        },
    )
    result = ingest([root], base=root)
    assert [a.source_path for a in result.articles] == ["a.txt", "d.txt"]
    assert reasons(result) == [
        ("b.txt", None, "warning", "duplicate of a.txt"),
        ("c.jsonl", "line 1", "warning", "duplicate of a.txt"),
    ]


def test_ids_are_slugs_of_paths_and_unique(tmp_path):
    root = make_seeds(
        tmp_path,
        {
            "2016/a.txt": STRIKE,
            "A.md": CONVOY,
            "a.txt": TALKS,
            "Ünïcode Café.txt": SHELTER,
            "twice.jsonl": "\n".join(json.dumps({"id": "same", "content": text}) for text in (SCHOOL, HARVEST)),
        },
    )
    ids = [a.id for a in ingest([root], base=root).articles]
    assert ids[:2] == ["2016-a", "a"]
    assert re.fullmatch(r"a-[0-9a-f]{8}", ids[2])
    assert ids[3] == "same" and re.fullmatch(r"same-[0-9a-f]{8}", ids[4])
    assert ids[5] == "unicode-cafe"


def test_walk_skips_hidden_files_sidecars_and_readmes_but_not_named_files(tmp_path):
    root = make_seeds(
        tmp_path / "seeds",
        {"a.txt": STRIKE, ".hidden.txt": CONVOY, ".git/x.txt": TALKS, "README.md": SHELTER, "a.meta.yaml": "title: T\n"},
    )
    assert [a.source_path for a in ingest([root], base=root).articles] == ["a.txt"]
    named = ingest([root / "README.md", root / "a.meta.yaml"], base=tmp_path)
    assert [a.source_path for a in named.articles] == ["seeds/README.md"]
    outside = ingest([root / "a.txt"], base=tmp_path / "elsewhere")
    assert outside.articles[0].source_path == (root / "a.txt").as_posix()


def test_same_result_whatever_the_order_of_paths(tmp_path):
    root = make_seeds(
        tmp_path,
        {
            "x/1.txt": STRIKE,
            "x/2.md": f"---\ntitle: T\n---\n{CONVOY}",
            "y.jsonl": "\n".join(json.dumps({"content": text}) for text in (TALKS, SHELTER, "bad")),
            "z.txt": STRIKE,
            "w.txt": b"",
        },
    )
    paths = sorted(root.rglob("*"))
    shuffled = paths[:]
    random.Random(3).shuffle(shuffled)
    assert ingest(shuffled, base=root) == ingest(paths, base=root) == ingest(list(reversed(paths)), base=root)


def test_near_duplicate_detection_scales_to_ten_thousand_articles(monkeypatch):
    """Exact similarity is computed for band-sharing candidates only: a few per copy, not one per
    pair of articles (counted, not timed: a timing depends on the machine's load)."""
    from generator import near_duplicates

    sentences = [s.text for line in FAKES.read_text(encoding="utf-8").splitlines() for s in split_sentences(json.loads(line)["content"])]
    rng = random.Random(11)
    bodies = [" ".join(rng.sample(sentences, 12)) for _ in range(10_000)]
    copies = [body.replace(" the ", " a ", 1) + " Updated." for body in bodies[::500]]
    articles = [RawArticle(f"a{n}", f"{n:05d}.txt", None, body, Metadata(), content_hash(body)) for n, body in enumerate(bodies + copies)]
    compared = []
    exact = near_duplicates._nearly_equal
    monkeypatch.setattr(near_duplicates, "_nearly_equal", lambda first, second: compared.append(1) or exact(first, second))
    kept, reports = collapse_duplicates(articles)
    assert len(kept) == 10_000 and len(reports) == len(copies)
    # 1,612 measured: the 20 copies and the chance band matches of texts made of one corpus's
    # sentences; every pair would be 50 million, every kept article per copy 100,000
    assert len(compared) < len(articles) // 4


def test_duplicate_band_keys_are_the_same_in_every_process():
    """They are cached between runs: they must not depend on Python's per-process str hashing."""
    script = (
        "from generator.near_duplicates import WordHashes, duplicate_band_keys; import sys; "
        "print(duplicate_band_keys(sys.stdin.read(), WordHashes()))"
    )
    keys = {
        subprocess.run([sys.executable, "-c", script], input=STRIKE, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert keys == {f"{duplicate_band_keys(STRIKE, WordHashes())}\n"}


def test_given_band_keys_decide_as_computed_ones():
    long_text = " ".join([STRIKE, CONVOY, TALKS, SHELTER])
    bodies = [long_text, long_text.replace("at least nine", "at least ten"), SCHOOL]
    articles = [RawArticle(f"a{n}", f"{n}.txt", None, body, Metadata(), content_hash(body)) for n, body in enumerate(bodies)]
    word_hashes = WordHashes()
    given = [duplicate_band_keys(body, word_hashes) for body in bodies]
    assert collapse_duplicates(articles, given) == collapse_duplicates(articles)
    assert [article.id for article in collapse_duplicates(articles)[0]] == ["a0", "a2"]


def test_min_words_is_the_documented_limit(tmp_path):
    just_enough = " ".join(f"word{n}" for n in range(MIN_ARTICLE_WORDS))
    article, _ = only_article(make_seeds(tmp_path, {"a.txt": just_enough + "."}))
    assert article.body == just_enough + "."


# ---------------------------------------------------------------------------- slugs


def test_slug_examples():
    assert slugify("000_95674d525cba9203") == "000-95674d525cba9203"
    assert slugify("2016/a") == "2016-a"
    assert slugify("Dayr az-Zawr: Hélène’s café") == "dayr-az-zawr-helenes-cafe"
    assert re.fullmatch(r"x-[0-9a-f]{8}", slugify("حلب"))
    assert slugify("حلب") != slugify("حماة")
    assert re.fullmatch(r"hama-[0-9a-f]{8}", slugify("Hama حماة"))


@given(st.text())
def test_slugify_is_always_a_short_nonempty_stable_slug(text):
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert slugify(text) == slug
    assert slugify(slug) == slug


@given(st.lists(st.text(st.characters(min_codepoint=0x0621, max_codepoint=0x064A), min_size=1), min_size=2, max_size=2, unique=True))
def test_distinct_arabic_names_get_distinct_slugs(names):
    first, second = names
    assert slugify(first) != slugify(second)


# ---------------------------------------------------------------------------- not regular files


def test_links_out_of_the_seeds_fifos_and_devices_are_reported_and_never_read(tmp_path):
    """Nothing outside the seeds folder is published, and nothing can block or run forever."""
    seeds, outside = tmp_path / "seeds", tmp_path / "private"
    seeds.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(STRIKE.replace("Aleppo", "Secretville"), encoding="utf-8")
    (outside / "secret.meta.yaml").write_text("title: Leaked sidecar\n", encoding="utf-8")
    (seeds / "leak.txt").symlink_to(outside / "secret.txt")
    (seeds / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "inside.txt").write_text(STRIKE, encoding="utf-8")
    (seeds / "alias.txt").symlink_to(seeds / "inside.txt")  # a link within the folder is read
    (seeds / "inside.meta.yaml").symlink_to(outside / "secret.meta.yaml")
    result = ingest([seeds], base=seeds)
    assert reasons(result) == [
        ("inside.txt", None, "warning", "sidecar inside.meta.yaml ignored: a link to a file outside the folder being read; not read"),
        ("inside.txt", None, "warning", "duplicate of alias.txt"),
        ("leak.txt", None, "error", "a link to a file outside the folder being read; not read"),
        ("pipe.txt", None, "error", "not a regular file (a FIFO, a device or a socket); not read"),
        ("zero.txt", None, "error", "a link to a file outside the folder being read; not read"),
    ]
    assert [a.source_path for a in result.articles] == ["alias.txt"]
    assert "Leaked sidecar" not in repr(result)
    assert "Secretville" not in repr(result)


def test_impossible_and_out_of_range_dates_are_reported_and_the_article_kept(tmp_path):
    """A front-matter date YAML cannot build (2016-02-30) or one at the calendar's ends
    (9999-12-31 would overflow "the next day") is one warning; the article is still used."""
    for name, date in (("a", "2016-02-30"), ("b", "9999-12-31"), ("c", "0001-01-01"), ("d", "2016-09-23")):
        (tmp_path / f"{name}.md").write_text(f"---\npublished: {date}\n---\n{STRIKE}\n", encoding="utf-8")
    result = ingest([tmp_path], base=tmp_path, keep_duplicates=True)
    assert [(a.source_path, a.declared.published) for a in result.articles] == [
        ("a.md", None), ("b.md", None), ("c.md", None), ("d.md", dt.date(2016, 9, 23))]
    assert [r.reason for r in result.reports if r.reason.startswith(("unparseable", "date in"))] == [
        "unparseable date in 'published': '2016-02-30'",
        "date in 'published' out of range (1800-2199): 9999-12-31",
        "date in 'published' out of range (1800-2199): 0001-01-01"]
