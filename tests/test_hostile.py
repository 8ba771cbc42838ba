"""Hostile and broken input, end to end: the bundled seeds plus tests/fixtures/hostile_seeds go
through `dossier generate` and `mkdocs build --strict`, then every built page is parsed.

The acceptance run in miniature: unusable files are reported by name and skipped, duplicates
collapse, every good input has its briefing whatever its encoding, nothing an article says
becomes markup in the site, and an analyst's pages and edits survive regeneration.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import bundled_project, build_site
from generator.escape import front_matter as front_matter_block
from generator.escape import one_line
from generator.ingest import MAX_ARTICLE_FILE_BYTES, printable_path
from generator.slugs import slugify

REPO = Path(__file__).resolve().parent.parent
HOSTILE_SEEDS = REPO / "tests" / "fixtures" / "hostile_seeds"
SHELL_NAME = "$(touch pwned); `id` & <img src=x onerror=alert(1)> 'quote\".txt"
HAND_WRITTEN = "analyst-notes.md"
HAND_WRITTEN_TEXT = "# Analyst notes\n\nWritten by hand; the generator must never touch this page.\n"

# Unusable inputs: (path under seeds/, record or None, words of the reason).
UNUSABLE = {
    ("hostile/binary.txt", None, "binary"),
    ("hostile/empty.txt", None, "empty"),
    ("hostile/whitespace_only.md", None, "empty"),
    ("hostile/unclosed_front_matter.md", None, "front-matter"),
    ("hostile/yaml_tag_front_matter.md", None, "front-matter"),
    ("hostile/oversized.txt", None, "too large"),
    ("hostile/broken_collection.jsonl", "line 2", "invalid JSON"),
    ("hostile/broken_collection.jsonl", "line 3", "not an object"),
    ("hostile/broken_collection.jsonl", "line 4", "no article text"),
    ("hostile/malformed_row.csv", "record 2", "more fields"),
}
# Every usable input: (source_path, record) of its briefing.
USABLE = {
    ("000_95674d525cba9203.txt", None),
    ("004_c2eec665b70e2dfb.txt", None),
    ("hostile/script_in_body.txt", None),
    ("hostile/front_matter_attack.md", None),
    ("hostile/yaml_tags_in_body.txt", None),
    ("hostile/sidecar_attack.txt", None),
    ("hostile/غارات حلب.txt", None),
    ("hostile/حلب.txt", None),
    (f"hostile/{SHELL_NAME}", None),
    ("hostile/utf16_bom.txt", None),
    ("hostile/cp1252_curly.txt", None),
    ("hostile/utf8_bom.txt", None),
    ("hostile/broken_collection.jsonl", "line 1"),
    ("hostile/broken_collection.jsonl", "line 5"),
    ("hostile/malformed_row.csv", "record 1"),
    ("hostile/malformed_row.csv", "record 3"),
    ("hostile/id_clash.jsonl", "line 1"),
    ("hostile/id_clash.jsonl", "line 2"),
}
DUPLICATES = ("hostile/dup_exact_copy.txt", "hostile/dup_near_copy.txt", "hostile/dup_original.txt")
# Template syntax written in articles, which must show as typed.
LITERAL_TEMPLATE_TEXT = ("{{ 7*7 }}", "{% for x in range(3) %}loop{% endfor %}", "{{ config.__class__ }}")
# Words the fixtures put in Markdown structure (heading, table, list, front-matter) in bodies.
STRUCTURE_MARKERS = ("MDHEADING", "MDTABLE", "MDLIST", "FMDELIM")
STRUCTURE_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "table", "thead", "tbody", "tr"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcset"}
EMBEDDING_TAGS = {"iframe", "frame", "frameset", "object", "embed", "base", "applet"}
DANGEROUS_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
# Relative prefixes differ by page depth; a script is the same script wherever it sits.
RELATIVE_PREFIX = re.compile(r'(?:\.\./)+|"(?:\.\.?/?)+"|"/"')


# ---------------------------------------------------------------------------- the project


def dossier(*args: str, root: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from generator.cli import run; run()", *args, "--root", str(root)]
    return subprocess.run(command, capture_output=True, text=True, env={**os.environ, "TZ": "UTC", **(env or {})})


def make_project(root: Path) -> Path:
    """The bundled dossier plus the hostile set, an oversized file made here (never committed),
    and one hand-written page in content/."""
    bundled_project(root)
    shutil.copytree(HOSTILE_SEEDS, root / "seeds" / "hostile")
    with open(root / "seeds" / "hostile" / "oversized.txt", "wb") as oversized:
        oversized.truncate(MAX_ARTICLE_FILE_BYTES + 1)  # sparse: costs no disk
    (root / "content").mkdir()
    (root / "content" / HAND_WRITTEN).write_text(HAND_WRITTEN_TEXT, encoding="utf-8")
    return root


@dataclass
class Built:
    root: Path
    generated: subprocess.CompletedProcess[str]
    site: Path

    @property
    def content(self) -> Path:
        return self.root / "content"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = make_project(tmp_path_factory.mktemp("hostile"))
    generated = dossier("generate", root=root)
    assert generated.returncode == 0, generated.stderr
    site = root / "site"
    result = build_site(root / "mkdocs.yml", site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return Built(root, generated, site)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path.name
    block, _, _ = text[4:].partition("\n---\n")
    data = yaml.safe_load(block)
    assert isinstance(data, dict), path.name
    return data


def briefings(content: Path) -> dict[tuple[str, str | None], Path]:
    pages = (p for p in sorted((content / "briefings").glob("*.md")) if p.name != "index.md")
    return {(meta["source_path"], meta["record"]): page for page in pages for meta in [front_matter(page)]}


def report_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(("error: ", "warning: "))]


# ---------------------------------------------------------------------------- reports


def test_every_unusable_input_is_reported_on_one_line_with_its_reason(built: Built) -> None:
    lines = report_lines(built.generated.stderr)
    for path, record, reason in UNUSABLE:
        where = f"{path} ({record})" if record else path
        matching = [line for line in lines if line.startswith(f"error: {where}: ")]
        assert len(matching) == 1, (where, lines)
        assert reason.casefold() in matching[0].casefold(), matching[0]
    assert len([line for line in lines if line.startswith("error: ")]) == len(UNUSABLE)


def test_run_ends_with_a_summary_and_strict_fails(built: Built) -> None:
    assert built.generated.stderr.splitlines()[-1].startswith("dossier: ")
    strict = dossier("generate", "--strict", root=built.root)
    assert strict.returncode == 6
    assert report_lines(strict.stderr) == report_lines(built.generated.stderr)


def test_check_reports_the_same_and_writes_nothing(built: Built) -> None:
    before = tree(built.content)
    checked = dossier("check", root=built.root)
    assert checked.returncode == 0
    assert report_lines(checked.stderr) == report_lines(built.generated.stderr)
    assert dossier("check", "--strict", root=built.root).returncode == 6
    assert tree(built.content) == before


def test_a_file_name_with_a_newline_is_still_one_report_line(tmp_path: Path) -> None:
    """A file name is article data too: it must not forge a second report line."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bad\nerror: forged.txt: looks like a report").write_bytes(b"\x00\x01binary")
    checked = dossier("check", root=tmp_path)
    lines = checked.stderr.splitlines()
    assert [line for line in lines if "forged" in line and "looks like" in line][0].startswith("error: bad")
    assert not [line for line in lines if line.startswith("error: forged")]


UNPRINTABLE = {"Cc", "Cf", "Zl", "Zp"}


@given(st.text(min_size=1))
def test_any_file_name_is_shown_printable_and_plain_names_unchanged(name: str) -> None:
    shown = printable_path(name)
    assert not [char for char in shown if unicodedata.category(char) in UNPRINTABLE]
    if not [char for char in name if unicodedata.category(char) in UNPRINTABLE]:
        assert shown == name


# Fragments with a meaning to YAML, Jinja, Markdown or HTML, mixed into arbitrary text.
SYNTAX = st.sampled_from([
    "!!python/object/apply:os.system", "!!binary", "&anchor", "*alias", "? ", ": ", "- ", "---", "...",
    "%YAML 1.1", "{{ x }}", "{% raw %}", "#", "|", ">", "<script>", "'", '"', "\\", "\n", "\t", "@", "`",
])
HOSTILE_TEXT = st.lists(st.one_of(SYNTAX, st.text(max_size=8)), max_size=8).map("".join)


@given(HOSTILE_TEXT, st.lists(HOSTILE_TEXT, max_size=3))
def test_front_matter_round_trips_hostile_values_as_plain_strings(value: str, tags: list[str]) -> None:
    block = str(front_matter_block({"publisher": value, "tags": tags}))
    loaded = yaml.safe_load(block.removeprefix("---\n").removesuffix("---\n"))
    assert loaded == {"publisher": one_line(value), "tags": [one_line(tag) for tag in tags]}


@given(HOSTILE_TEXT)
def test_any_file_name_gives_a_url_and_file_safe_slug(name: str) -> None:
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slugify(name))


# ---------------------------------------------------------------------------- what is kept


def test_every_usable_input_has_its_briefing_and_duplicates_collapse(built: Built) -> None:
    found = briefings(built.content)
    copies = [key for key in found if key[0] in DUPLICATES]
    assert len(copies) == 1
    assert set(found) - set(copies) == USABLE


def test_duplicate_report_names_every_copy(built: Built) -> None:
    kept = next(key[0] for key in briefings(built.content) if key[0] in DUPLICATES)
    lines = report_lines(built.generated.stderr)
    for copy in DUPLICATES:
        if copy != kept:
            assert f"warning: {copy}: duplicate of {kept}" in lines


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("hostile/cp1252_curly.txt", ("“This is a disgrace,”", "O’Brien", "Médecins Sans Frontières", "—")),
        ("hostile/utf16_bom.txt", ("“We heard the jets", "café")),
        ("hostile/utf8_bom.txt", ("Helicopters dropped barrel bombs",)),
        ("hostile/غارات حلب.txt", ("غارات جوية على حلب",)),
    ],
)
def test_every_encoding_reads_right(built: Built, source: str, expected: tuple[str, ...]) -> None:
    text = briefings(built.content)[(source, None)].read_text(encoding="utf-8")
    for fragment in expected:
        assert fragment in text
    assert "\ufeff" not in text and "\x00" not in text and "Ã" not in text


def test_file_names_in_any_script_become_safe_unique_slugs(built: Built) -> None:
    pages = briefings(built.content)
    slugs = [page.stem for page in pages.values()]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) for slug in slugs)
    arabic = {pages[(f"hostile/{name}", None)].stem for name in ("غارات حلب.txt", "حلب.txt")}
    assert len(arabic) == 2 and all(slug.startswith("hostile-") for slug in arabic)


def test_every_front_matter_parses_and_never_carries_a_title(built: Built) -> None:
    pages = sorted(built.content.rglob("*.md"))
    generated = [page for page in pages if page.name != HAND_WRITTEN]
    assert len(generated) > 50
    for page in generated:
        if page.read_text(encoding="utf-8").startswith("---\n"):
            assert "title" not in front_matter(page), page.name


def test_hand_written_page_is_untouched(built: Built) -> None:
    assert (built.content / HAND_WRITTEN).read_text(encoding="utf-8") == HAND_WRITTEN_TEXT


# ---------------------------------------------------------------------------- the built site


class PageScan(HTMLParser):
    """What a browser would run or embed from one page, parsed the way a browser parses it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.findings: list[str] = []
        self.text: list[str] = []
        self.structured_text: list[str] = []
        self._open: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            self._script = [values["src"]] if values.get("src") else []
        if tag in ("title", "textarea"):
            self.set_cdata_mode(tag)  # RCDATA, as in browsers: "<script>" in a title is text
        if tag in EMBEDDING_TAGS:
            self.findings.append(f"<{tag}>")
        for name, value in values.items():
            if name.startswith("on") or name == "srcdoc":
                self.findings.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and DANGEROUS_SCHEME.match(value):
                self.findings.append(f"<{tag} {name}={value!r}>")
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append(RELATIVE_PREFIX.sub("", "".join(self._script)))
            self._script = None
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
            return
        self.text.append(data)
        if STRUCTURE_TAGS & set(self._open):
            self.structured_text.append(data)


def scan(page: Path) -> PageScan:
    parser = PageScan()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_holds_an_injected_script_iframe_handler_or_javascript_link(built: Built, built_site: Path) -> None:
    theirs = {script for page in html_pages(built_site) for script in scan(page).scripts}
    problems = []
    for page in html_pages(built.site):
        scanned = scan(page)
        problems += [(page.name, finding) for finding in scanned.findings]
        problems += [(page.name, f"<script>{script[:80]}") for script in scanned.scripts if script not in theirs]
    assert problems == []


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value or "" for name, value in attrs if name == "id"]


def test_no_article_text_makes_an_element_id_another_element_has(built: Built) -> None:
    """A heading's id made from an article's title or outlet ("__config", "s0") would take the
    theme's settings script's (its JavaScript reads the first such element and breaks) or a
    sentence anchor's: no built page holds an id twice."""
    clashes = []
    for page in html_pages(built.site):
        parser = _Ids()
        parser.feed(page.read_text(encoding="utf-8"))
        clashes += [(page.name, id_) for id_, count in Counter(parser.ids).items() if count > 1]
    assert clashes == []


def test_template_syntax_in_articles_shows_literally(built: Built) -> None:
    text = "".join(text for page in html_pages(built.site / "briefings") for text in scan(page).text)
    for literal in LITERAL_TEMPLATE_TEXT:
        assert literal in text


def test_markdown_structure_in_bodies_stays_text(built: Built) -> None:
    for marker in STRUCTURE_MARKERS:
        pages = [page for page in html_pages(built.site / "briefings") if marker in "".join(scan(page).text)]
        assert pages, f"{marker} was lost"
        assert [page.name for page in pages if marker in "".join(scan(page).structured_text)] == []


def test_page_titles_show_hostile_titles_as_text(built: Built) -> None:
    page = briefings(built.content)[("hostile/broken_collection.jsonl", "line 1")]
    html = (built.site / "briefings" / f"{page.stem}.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title and "&lt;/title&gt;&lt;script&gt;" in title[1]


def test_search_index_carries_no_markup_from_articles(built: Built) -> None:
    """Material's search results insert titles, text and tags as HTML: all must arrive escaped."""
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    unescaped = re.compile(r"<(?!/?(?:p|ul|ol|li|code|pre|strong|em|b|i|blockquote|table|thead|tbody|tr|th|td|h\d)\b)")
    problems = []
    for doc in index["docs"]:
        for name in ("title", "text"):
            if unescaped.search(doc[name]):
                problems.append((doc["location"], name, doc[name][:80]))
        problems += [(doc["location"], "tags", tag) for tag in doc.get("tags", []) if re.search(r"[<>]", tag)]
    assert problems == []


# ---------------------------------------------------------------------------- regeneration


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    root = make_project(tmp_path)
    assert dossier("generate", root=root).returncode == 0
    yield root


def test_regenerating_twice_gives_the_same_tree(project: Path) -> None:
    before = tree(project / "content")
    again = dossier("generate", root=project)
    assert again.returncode == 0 and "0 file(s) written" in again.stderr
    assert tree(project / "content") == before


def test_hand_edit_survives_regeneration_is_named_and_force_overwrites(project: Path) -> None:
    content = project / "content"
    page = briefings(content)[("hostile/script_in_body.txt", None)]
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nAnalyst: checked against the Idlib health directorate.\n", encoding="utf-8")
    kept = dossier("generate", root=project)
    assert kept.returncode == 0
    assert f"warning: briefings/{page.name}: edited by hand" in kept.stderr
    assert "Analyst: checked" in page.read_text(encoding="utf-8")
    assert (content / HAND_WRITTEN).read_text(encoding="utf-8") == HAND_WRITTEN_TEXT
    assert dossier("generate", "--force", root=project).returncode == 0
    assert page.read_text(encoding="utf-8") == original
    assert (content / HAND_WRITTEN).read_text(encoding="utf-8") == HAND_WRITTEN_TEXT


def test_pages_of_removed_articles_go_only_when_unedited(project: Path) -> None:
    content = project / "content"
    pages = briefings(content)
    unedited, edited = pages[("hostile/utf8_bom.txt", None)], pages[("hostile/حلب.txt", None)]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAnalyst note.\n", encoding="utf-8")
    (project / "seeds" / "hostile" / "utf8_bom.txt").unlink()
    (project / "seeds" / "hostile" / "حلب.txt").unlink()
    result = dossier("generate", root=project)
    assert result.returncode == 0
    assert not unedited.exists()
    assert edited.read_text(encoding="utf-8").endswith("Analyst note.\n")
    assert f"briefings/{edited.name}: no longer generated but edited by hand" in result.stderr
    assert (content / HAND_WRITTEN).read_text(encoding="utf-8") == HAND_WRITTEN_TEXT
