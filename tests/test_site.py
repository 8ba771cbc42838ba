"""The built site: every section and entity page, offline search, nothing fetched from outside."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from conftest import SECTION_PAGES
from mkdocs.config import load_config

REPO_ROOT = Path(__file__).resolve().parent.parent

SHIM = Path("assets/javascripts/iframe-worker/shim.js")
ENTITY_SECTIONS = ("briefings", "actors", "places")
# Elements that make the browser fetch something by themselves (links to click are fine).
FETCHING_ATTRIBUTES = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
CSS_REMOTE = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*(?:https?:)?//""", re.IGNORECASE)


class FetchedResources(HTMLParser):
    """Collects what a page makes the browser load: resource URLs and inline CSS."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.css: list[str] = []
        self.nav_links: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in FETCHING_ATTRIBUTES and FETCHING_ATTRIBUTES[tag] in values:
            self.urls.append(values[FETCHING_ATTRIBUTES[tag]])
        if tag == "img" and "srcset" in values:
            candidates = (part.split() for part in values["srcset"].split(","))
            self.urls.extend(words[0] for words in candidates if words)
        if "style" in values:
            self.css.append(values["style"])
        if tag == "a" and "md-nav__link" in values.get("class", "").split():
            self.nav_links.append(values.get("href", ""))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css.append(data)


def parse_page(path: Path) -> FetchedResources:
    parser = FetchedResources()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def entity_pages(site: Path, section: str) -> list[Path]:
    return sorted((p for p in (site / section).glob("*.html") if p.name != "index.html"), key=lambda p: p.stem)


def content_pages(config: Path, section: str) -> list[str]:
    docs = Path(load_config(str(config))["docs_dir"]) / section
    return sorted(p.stem for p in docs.glob("*.md") if p.name != "index.md")


@pytest.mark.parametrize("page", SECTION_PAGES)
def test_section_page_is_built(built_site: Path, page: str) -> None:
    assert (built_site / page).is_file()


@pytest.mark.parametrize("section", ENTITY_SECTIONS)
def test_every_entity_page_is_built(built_site: Path, mkdocs_config: Path, section: str) -> None:
    built = [p.stem for p in entity_pages(built_site, section)]
    assert built, f"no {section} pages in the site"
    assert built == content_pages(mkdocs_config, section)


def test_briefings_carry_sentence_anchors(built_site: Path) -> None:
    for page in entity_pages(built_site, "briefings"):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<span\b[^>]*\sid="s\d+"', html), f"{page.name} has no sentence anchors"


def test_search_index_is_inlined_for_file_urls(built_site: Path) -> None:
    """The offline plugin turns the index into a script, which file:// pages can load."""
    index = (built_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert index.startswith("var __index = ")
    assert "Lavrov" in index


def test_small_dossier_searches_the_full_text(built_site: Path) -> None:
    """The seed dossier is far below full_text_search_max_articles: words deep in an article are found."""
    index = (built_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert "negotiations are being conducted by fire" in index


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    remote = []
    for page in html_pages(built_site):
        parsed = parse_page(page)
        remote += [(page.name, url) for url in parsed.urls if REMOTE.match(url)]
        remote += [(page.name, css) for css in parsed.css if CSS_REMOTE.search(css)]
    assert remote == []


def test_no_stylesheet_imports_from_another_host(built_site: Path) -> None:
    sheets = sorted(built_site.rglob("*.css"))
    assert sheets
    remote = [sheet.name for sheet in sheets if CSS_REMOTE.search(sheet.read_text("utf-8"))]
    assert remote == []


def test_vendored_shim_is_shipped_and_loaded_before_material(built_site: Path) -> None:
    shipped = (built_site / SHIM).read_bytes()
    assert shipped == (REPO_ROOT / "generator" / "theme" / SHIM).read_bytes()
    recorded = (REPO_ROOT / "THIRD_PARTY.md").read_text(encoding="utf-8")
    assert hashlib.sha256(shipped).hexdigest() in recorded
    for page in html_pages(built_site):
        scripts = [url for url in parse_page(page).urls if url.endswith(".js")]
        shim = [i for i, url in enumerate(scripts) if url.endswith(SHIM.as_posix())]
        bundle = [i for i, url in enumerate(scripts) if "/bundle." in url]
        assert shim and bundle and shim[0] < bundle[0], f"{page.name}: {scripts}"


def test_nav_lists_sections_not_every_page(built_site: Path) -> None:
    """A briefing in the nav would put every briefing into every page (quadratic build)."""
    entity_link = re.compile(r"(?:^|/)(?:briefings|actors|places)/(?!index\.html)[^/]+\.html")
    for page in entity_pages(built_site, "briefings")[:1] + [built_site / "index.html"]:
        links = parse_page(page).nav_links
        assert links, f"{page.name} has no navigation"
        assert [link for link in links if entity_link.search(link)] == []


def read_mkdocs_yml(config: Path) -> dict:
    """mkdocs.yml as plain data; `!ENV [NAME, default]` read as its default."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    return yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)


def test_nav_is_the_seven_sections(mkdocs_config: Path) -> None:
    nav = [next(iter(item.values())) for item in read_mkdocs_yml(mkdocs_config)["nav"]]
    assert nav == [page.replace(".html", ".md") for page in SECTION_PAGES]


def test_no_extension_rewrites_article_text(mkdocs_config: Path) -> None:
    """Article text is data: nothing may turn its words into emoji, links or typography."""
    extensions = read_mkdocs_yml(mkdocs_config)["markdown_extensions"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    rewriting = ("emoji", "magiclink", "smarty", "smartsymbols", "betterem", "caret", "tilde")
    rewriting += ("mark", "critic", "keys")
    assert [name for name in names if name.split(".")[-1] in rewriting] == []


def test_site_url_comes_from_the_environment(
    mkdocs_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    assert not load_config(str(mkdocs_config))["site_url"]
    monkeypatch.setenv("SITE_URL", "https://example.org/dossier/")
    assert load_config(str(mkdocs_config))["site_url"] == "https://example.org/dossier/"


class Outline(HTMLParser):
    """Heading levels and link texts of a page's content (the article, not Material's chrome)."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []
        self.link_texts: list[str] = []
        self._depth = 0  # inside <article> when positive
        self._link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self._depth += 1
        if self._depth and re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if self._depth and tag == "a" and "headerlink" not in classes:
            self._link = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._depth = max(0, self._depth - 1)
        if tag == "a" and self._link is not None:
            self.link_texts.append(" ".join("".join(self._link).split()))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link.append(data)


def outline(page: Path) -> Outline:
    parser = Outline()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_page_has_one_h1_first_and_heading_levels_never_skip(built_site: Path) -> None:
    """Screen-reader users move by headings: h2 -> h4 hides a level, two h1s blur the page's topic."""
    problems = []
    for page in html_pages(built_site):
        levels = outline(page).levels
        skips = [(before, after) for before, after in zip(levels, levels[1:]) if after > before + 1]
        if levels[:1] != [1] or levels.count(1) != 1 or skips:
            problems.append((page.relative_to(built_site).as_posix(), levels[:12]))
    assert problems == []


# Link texts that say nothing out of context (WCAG 2.4.4): a list of links must make sense alone.
VAGUE_LINK_TEXT = re.compile(r"(?:click )?here|link|more|read more|this|s\d+|p\d+|#\d*|\d+|¶", re.IGNORECASE)


def test_link_texts_say_where_they_lead(built_site: Path) -> None:
    vague = sorted(
        {(page.relative_to(built_site).parts[0], text) for page in html_pages(built_site)
         for text in outline(page).link_texts if not text or VAGUE_LINK_TEXT.fullmatch(text)}
    )
    assert vague == []


def test_every_quote_is_its_own_blockquote(built_site: Path, mkdocs_config: Path) -> None:
    """Markdown joins adjacent blockquotes; each quote must stay apart, with its own speaker."""
    docs = Path(load_config(str(mkdocs_config))["docs_dir"]) / "briefings"
    for page in entity_pages(built_site, "briefings"):
        quotes = (docs / f"{page.stem}.md").read_text(encoding="utf-8").count("\n> — ")
        assert page.read_text(encoding="utf-8").count("<blockquote>") == quotes, page.name


class LinksAndIds(HTMLParser):
    """The href of every <a> on a page and every id it holds (fragment targets)."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.hrefs.append(values["href"])


def links_and_ids(page: Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[tuple[str, str]]:
    """(page, href) of every link inside the site whose file, or #fragment on it, is missing.

    The generator writes its long lists and tables as raw HTML, which MkDocs neither rewrites
    nor checks, so this is the check of those links."""
    pages = {page: links_and_ids(page) for page in html_pages(site)}
    broken = []
    for page, parsed in pages.items():
        for href in parsed.hrefs:
            if REMOTE.match(href) or re.match(r"[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
                continue
            path, _, fragment = unquote(href).partition("#")
            base = site if path.startswith("/") else page.parent  # 404.html links from the site root
            target = Path(os.path.normpath(base / path.split("?")[0].lstrip("/"))) if path else page
            if target.is_dir():
                target = target / "index.html"
            if target.suffix == ".html":
                missing = target not in pages or bool(fragment) and fragment not in pages[target].ids
            else:
                missing = not target.is_file()
            if missing:
                broken.append((page.relative_to(site).as_posix(), href))
    return broken


def test_every_link_inside_the_site_reaches_its_page_and_anchor(built_site: Path) -> None:
    assert broken_links(built_site) == []


def test_a_broken_link_or_anchor_is_found(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = next(p for p in entity_pages(site, "briefings"))
    html = page.read_text(encoding="utf-8")
    broken = '<a href="../actors/nobody.html">x</a><a href="../index.html#nowhere">y</a>'
    page.write_text(html.replace("</article>", broken + "</article>", 1), encoding="utf-8")
    assert broken_links(site) == [(f"briefings/{page.name}", "../actors/nobody.html"),
                                  (f"briefings/{page.name}", "../index.html#nowhere")]


def test_ledger_and_timeline_by_month_build_strict_and_every_link_reaches_its_anchor(tmp_path: Path, monkeypatch) -> None:
    """Past MAX_EVENTS events and MAX_TIMELINE_DATES dates the ledger and the timeline are a page
    per month, and a crowded month's ledger a page per day (here all past 3, on 30 FA-KES
    articles that span several months): a real strict build, every link and #anchor checked."""
    from conftest import MKDOCS_CONFIG, build_site, fakes_records, write_fakes_article

    import generator.build as build
    from generator.render import limits
    from generator.config import Settings

    for limit in ("MAX_EVENTS", "MAX_TIMELINE_DATES", "MAX_EVENTS_PER_LEDGER_PAGE"):
        monkeypatch.setattr(limits, limit, 3)
    for record in fakes_records("aleppo", 30):
        write_fakes_article(tmp_path / "seeds", record)
    build.generate(tmp_path, Settings(title="Ledger by month"))
    shutil.copy(MKDOCS_CONFIG, tmp_path / "mkdocs.yml")
    (tmp_path / "overrides").symlink_to(MKDOCS_CONFIG.parent / "overrides")
    site = tmp_path / "site"
    result = build_site(tmp_path / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    months = sorted((site / "figures").glob("*.html"))
    assert len(months) >= 3 and any(re.fullmatch(r"\d{4}-\d\d-\d\d\.html", page.name) for page in months)
    assert all(re.search(r'id="event-[\w-]+"', page.read_text(encoding="utf-8")) for page in months)
    overview = (site / "figures.html").read_text(encoding="utf-8")
    assert all(f'href="figures/{page.name}"' in overview for page in months)
    assert len(re.findall(r'href="[^"]*figures/[\w-]+\.html#event-', (site / "index.html").read_text(encoding="utf-8"))) >= 1
    timeline = (site / "timeline.html").read_text(encoding="utf-8")
    timeline_months = sorted((site / "timeline").glob("*.html"))
    assert len(timeline_months) >= 3 and all(f'href="timeline/{page.name}"' in timeline for page in timeline_months)
    assert broken_links(site) == []
