"""Issue 16, inputs from the open world through the real CLI: each bad input is one report line
naming its file (and record), the run exits 0, and every good input still has its briefing.

Each class is written here, small, into a project of its own: deep nesting in JSONL and in
front-matter, a number past Python's int limit in text and in JSON, YAML alias bombs in
front-matter and in a sidecar, a NUL byte in one JSONL record, UTF-8 and Windows-1252 lines in
one JSONL file, a file name that is not UTF-8, a JSONL record or a CSV field larger than an article may be, knowledge-base names that are punctuation or common words, and dates at the
ends of the calendar.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from conftest import bundled_project
from test_hostile import briefings, dossier, report_lines

LEAD = "Rebels said {count} people were killed in Aleppo on Friday, the Observatory said. Report {name} follows."
ALIAS_BOMB = "".join(
    [f"a0: &a0 [{', '.join(['lol'] * 9)}]\n"]
    + [f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]\n" for level in range(1, 9)]
    + ["title: bomb\ntags: *a8\n"])


def lead(count: int, name: str) -> str:
    return LEAD.format(count=count, name=name)


def record(title: str, count: int, name: str) -> str:
    return json.dumps({"title": title, "content": lead(count, name)}, ensure_ascii=False)


# (file under seeds/, its bytes, the record reported or None, words of the reason or None for no report)
CASES = {
    "deep-json": ("deep.jsonl", ('{"title": ' + "[" * 600 + '"x"' + "]" * 600 + ', "content": "x"}\n'
                                 + record("Deep sibling", 3, "deep") + "\n").encode(), "line 1", "nested"),
    "deep-front-matter": ("deep.md", ("---\ntitle: " + "[" * 600 + "x" + "]" * 600 + "\n---\n" + lead(4, "fm")
                                      + "\n").encode(), None, "nested"),
    "huge-number-text": ("huge.txt", ("Huge\n\nA blast killed " + "9" * 4301 + " people. " + lead(5, "huge")
                                      + "\n").encode(), None, None),
    "huge-number-json": ("number.jsonl", ('{"title": "Number", "content": "' + lead(6, "number") + '", "n": '
                                          + "9" * 4301 + "}\n").encode(), None, None),
    "alias-bomb": ("bomb.md", ("---\n" + ALIAS_BOMB + "---\n" + lead(7, "bomb") + "\n").encode(), None, "expands"),
    "nul-record": ("nul.jsonl", (record("First", 8, "nul-a") + "\n").encode() + b'{"title": "b\x00"}\n'
                   + (record("Third", 9, "nul-c") + "\n").encode(), "line 2", "binary"),
    "oversized-record": ("big.jsonl", (record("Small before", 14, "big-a") + "\n" + json.dumps(
        {"title": "Big", "content": "x " * 600_000}) + "\n" + record("Small after", 15, "big-c") + "\n").encode(),
        "line 2", "too large"),
    "oversized-csv-field": ("big.csv", ("title,content\nBefore," + lead(17, "csv-a").replace(",", "") + "\nHuge,"
                                        + "word " * 300_000 + "\nAfter," + lead(18, "csv-c").replace(",", "")
                                        + "\n").encode(), "record 2", "too large"),
    "mixed-encodings": ("mixed.jsonl", record("Café one", 10, "café-one").encode("utf-8") + b"\n"
                        + record("Café two", 11, "café-two").encode("cp1252") + b"\n", None, None),
    "calendar-ends": ("calendar.txt", ("Calendar\n\nOn 31 December 9999 a blast killed 3 people in Aleppo. "
                                       "On 1 January 0001 another. " + lead(12, "calendar") + "\n").encode(),
                      None, None),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):
    root = bundled_project(tmp_path_factory.mktemp("open-world"))
    settings = root / "dossier.yml"  # articles of at most 1 MB here, so that a record can pass it cheaply
    settings.write_text(settings.read_text(encoding="utf-8") + "max_file_mb: 1\n", encoding="utf-8")
    for name, data, _record, _words in CASES.values():
        (root / "seeds" / name).write_bytes(data)
    (root / "seeds").joinpath(os.fsdecode(b"bad\xffname.txt")).write_text("Bad name\n\n" + lead(16, "bad-name") + "\n",
                                                                      encoding="utf-8")
    (root / "seeds" / "side.txt").write_text("Side\n\n" + lead(13, "side") + "\n", encoding="utf-8")
    (root / "seeds" / "side.meta.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    (root / "knowledge.yaml").write_text(
        'actors:\n  - name: "(((("\n    kind: organization\n'
        '  - name: Foo Group\n    kind: organization\n    aliases: ["the", "said", "FG"]\n', encoding="utf-8")
    started = time.perf_counter()
    result = dossier("generate", root=root)
    return root, result, time.perf_counter() - started


def test_the_run_exits_0_quickly_with_no_traceback(run) -> None:
    _root, result, seconds = run
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert seconds < 60


@pytest.mark.parametrize("case", [case for case, (_n, _d, _r, words) in CASES.items() if words])
def test_each_bad_input_is_one_report_line_naming_it(run, case: str) -> None:
    _root, result, _seconds = run
    name, _data, record_label, words = CASES[case]
    where = f"{name} ({record_label})" if record_label else name
    lines = [line for line in report_lines(result.stderr) if f": {where}: " in line and words in line]
    assert len(lines) == 1, result.stderr


def test_the_alias_bomb_in_a_sidecar_is_reported_and_its_article_kept(run) -> None:
    root, result, _seconds = run
    assert any("side.txt" in line and "side.meta.yaml" in line and "expands" in line
               for line in report_lines(result.stderr))
    assert ("side.txt", None) in briefings(root / "content")


def test_knowledge_base_names_that_match_nothing_or_everything_are_left_out_with_a_warning(run) -> None:
    _root, result, _seconds = run
    lines = [line for line in report_lines(result.stderr) if "knowledge.yaml" in line]
    assert len(lines) == 3 and all(line.startswith("warning: ") for line in lines)
    assert {"'(((('", "'the'", "'said'"} == {word for line in lines for word in ("'(((('", "'the'", "'said'")
                                             if word in line}


def test_every_good_input_has_its_briefing(run) -> None:
    root, _result, _seconds = run
    made = briefings(root / "content")
    for expected in [("deep.jsonl", "line 2"), ("huge.txt", None), ("number.jsonl", "line 1"),
                     ("nul.jsonl", "line 1"), ("nul.jsonl", "line 3"), ("mixed.jsonl", "line 1"),
                     ("mixed.jsonl", "line 2"), ("calendar.txt", None), ("big.jsonl", "line 1"),
                     ("big.jsonl", "line 3"), ("big.csv", "record 1"), ("big.csv", "record 3")]:
        assert expected in made, (expected, sorted(made))
    mixed = made[("mixed.jsonl", "line 2")].read_text(encoding="utf-8")
    assert "Café two" in mixed and "CafÃ" not in mixed


def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_its_article_kept(run) -> None:
    root, result, _seconds = run
    assert ("bad\\udcffname.txt", None) in briefings(root / "content")
    assert "Traceback" not in result.stderr


def test_a_run_of_digits_is_never_a_casualty_count(run) -> None:
    root, _result, _seconds = run
    document = json.loads((root / "content" / "exports" / "dossier.json").read_text(encoding="utf-8"))
    assert all(len(str(claim["count"])) < 10 for event in document["events"] for claim in event["claims"])


def test_page_furniture_is_never_a_title(tmp_path) -> None:
    """Issue 13: "Good evening" as a record's title or first line, or a call to listen, is not a title."""
    from generator.build import analyse
    from generator.knowledge import load_knowledge_base

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    news = "Rebels said 12 people were killed in Aleppo on Friday, the Observatory said."
    (seeds / "furniture.jsonl").write_text("\n".join(json.dumps(record) for record in [
        {"title": "Good evening", "url": "https://www.example-news.com/a", "content": news},
        {"content": "Good evening.\n\nYou can now listen to our articles!\n\n" + news.replace("12", "14")},
    ]) + "\n", encoding="utf-8")
    articles = analyse([seeds], seeds, load_knowledge_base(None)).dossier.articles
    assert sorted(a.title for a in articles) == sorted([news.rstrip("."), news.replace("12", "14").rstrip(".")])
    assert {a.publisher for a in articles} == {"example-news.com", None}


def test_a_wire_byline_and_dateline_are_no_part_of_a_derived_title() -> None:
    """Wire copy without a title: the title starts where the news does, not at "By the CNN Wire
    Staff" or "TRIPOLI (Reuters) -"; brackets and a dash inside a sentence are left alone."""
    from generator.extract.metadata import derive_title
    from generator.text import split_sentences

    def title(text: str) -> str:
        return derive_title(None, split_sentences(text))

    news = "Libyan rebels scrambled to defend their eastern frontline outpost of Ajdabiyah on Sunday"
    assert title(f"By the CNN Wire Staff {news}.") == news
    assert title(f"AJDABIYAH , Libya | Sun Apr 17 , 2011 AJDABIYAH , Libya -LRB- Reuters -RRB- - {news}.") == news
    assert title(f"TRIPOLI (Reuters) - {news}.") == news
    assert title(f"TRIPOLI, Libya (CNN) -- {news}.") == news
    assert title(f"Tuesday 3 May 2005 11.57 BST {news}.") == news
    assert title(f"By the CNN Wire Staff NEW : {news}.") == news
    assert title(f"From Ben Wedeman and Amir Ahmed , CNN {news}.") == news
    plain = "From Tripoli came word that rebels had taken the port on Sunday"
    assert title(f"{plain}.") == plain
    assert title(f"Share your protest images with CNN iReport today and every day. {news}.") == news
    inside = "Rebels (FSA) - the main group - took the town of Azaz on Sunday after heavy fighting"
    assert title(f"{inside}.") == inside


def test_a_record_without_a_title_is_titled_from_where_its_news_starts(tmp_path) -> None:
    from generator.build import analyse
    from generator.knowledge import load_knowledge_base

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    news = "Libyan rebels scrambled to defend their eastern frontline outpost of Ajdabiyah on Sunday"
    (seeds / "wire.jsonl").write_text(json.dumps({"content": f"By the CNN Wire Staff {news}. More followed."}) + "\n",
                                      encoding="utf-8")
    assert [a.title for a in analyse([seeds], seeds, load_knowledge_base(None)).dossier.articles] == [news]
