"""Escaping of untrusted text: nothing an article says may become markup."""

import html

import markdown
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.escape import front_matter, html_text, markdown_text, one_line, safe_url

EXTENSIONS = ["attr_list", "tables", "admonition", "md_in_html", "toc"]
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "# Heading",
    "- item",
    "1. item",
    "> quote",
    "| a | b |",
    "{{ config }} {% raw %}",
    "**bold** _em_ `code`",
    "text {#anchor .class onclick=alert(1)}",
    "---\ntitle: injected\n---",
    "<iframe src=https://evil.example></iframe>",
]


def _rendered(text: str) -> str:
    return markdown.markdown(f"Before {markdown_text(text)} after", extensions=EXTENSIONS)


def _inner(output: str) -> str:
    assert output.startswith("<p>Before ") and output.endswith(" after</p>"), output
    return output.removeprefix("<p>Before ").removesuffix(" after</p>")


def test_hostile_strings_render_as_their_own_text():
    for text in HOSTILE:
        inner = _inner(_rendered(text))
        assert "<" not in inner, text
        assert html.unescape(inner) == one_line(text)


def test_value_at_line_start_opens_no_block():
    for text in ["# Heading", "- item", "1. item", "> quote", "+ item", "=== ", '!!! danger "Take over"',
                 '??? note "Hidden"', '=== "Tab"', "*[HTML]: Hyper", "[^1]: note", "{: .x }", "| a | b |", "---"]:
        output = markdown.markdown(str(markdown_text(text)), extensions=[*EXTENSIONS, "pymdownx.details",
                                                                          "pymdownx.tabbed", "abbr", "footnotes"])
        assert output.startswith("<p>") and output.count("<") == 2, output


def test_csv_cells_never_start_a_formula():
    from generator.escape import csv_cell

    assert [csv_cell(v) for v in ("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "Aleppo", 12, None, -3)] == [
        "'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\tx", "Aleppo", 12, None, -3]
    # where ";" separates a spreadsheet's cells, no part of a cell starts one either
    assert csv_cell("Wire;=cmd|' /C calc'!A0") == "Wire;'=cmd|' /C calc'!A0"
    assert csv_cell("AFP; -1;Reuters") == "AFP; '-1;Reuters"


@given(st.text())
def test_any_text_renders_to_one_paragraph_without_tags(text):
    inner = _inner(_rendered(text))
    assert "<" not in inner
    assert html.unescape(inner) == one_line(text)


@given(st.text())
def test_html_text_has_no_raw_markup(text):
    escaped = str(html_text(text))
    assert not set("<>\"'") & set(escaped)
    assert html.unescape(escaped) == one_line(text)


@given(st.dictionaries(st.sampled_from(["title", "url", "publisher", "tags"]),
                       st.one_of(st.text(), st.lists(st.text(), max_size=3), st.none(), st.integers())))
def test_front_matter_round_trips(data):
    block = str(front_matter(data))
    assert block.startswith("---\n") and block.endswith("---\n")
    body = block[4:-4]
    assert "\n---\n" not in f"\n{body}"
    loaded = yaml.safe_load(body) or {}
    expected = {k: ([one_line(i) for i in v] if isinstance(v, list) else one_line(v) if isinstance(v, str) else v)
                for k, v in data.items()}
    assert loaded == expected


def test_safe_url_accepts_only_http():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example",
                'https://a.b/"onmouseover=alert(1)', "vbscript:x", "", None]:
        assert safe_url(bad) is None
