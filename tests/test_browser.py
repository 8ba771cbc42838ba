"""The built site in a real browser, from disk (file://) and from a local web server.

Drives Debian's chromium (/usr/bin/chromium, installed by `make test`) through Playwright;
Playwright's own browser download is not used.
"""

from __future__ import annotations

import functools
import re
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect, sync_playwright

from conftest import SECTION_PAGES
from generator.pack import pack_site

REPO_ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = REPO_ROOT / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# Schemes that never leave the machine; http(s) is allowed only to the test server.
LOCAL_SCHEMES = ("file", "data", "blob", "about")
LOCAL_HOST = "127.0.0.1"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        """The access log would only bury test failures."""


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """The built site over HTTP on a free local port, as GitHub Pages would serve it."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(params=["file", "http"])
def site_url(request: pytest.FixtureRequest, built_site: Path) -> str:
    """Base URL of the site: opened from disk, or served (the server starts only if needed)."""
    if request.param == "file":
        return built_site.as_uri() + "/"
    return request.getfixturevalue("site_server")


@dataclass
class Watched:
    """A page plus everything it did that a test must not let pass silently."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def offsite_requests(self) -> list[str]:
        return sorted({url for url in self.requests if not is_local(url)})

    def assert_clean(self) -> None:
        assert self.offsite_requests() == []
        assert self.errors == []


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == LOCAL_HOST


def open_page(browser: Browser, viewport: dict[str, int]) -> Iterator[Watched]:
    context = browser.new_context(viewport=viewport)
    # Everything is local: anything slower than this is a hang, not a slow network.
    context.set_default_timeout(10_000)
    watched = Watched(context.new_page())
    context.on("request", watched.on_request)
    watched.page.on("console", watched.on_console)
    watched.page.on("pageerror", lambda error: watched.errors.append(f"page: {error}"))
    yield watched
    context.close()


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Watched]:
    yield from open_page(browser, DESKTOP)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Watched]:
    yield from open_page(browser, PHONE)


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def origin_name(site_url: str) -> str:
    return "file" if site_url.startswith("file:") else "http"


def test_search_finds_lavrov_and_opens_a_result(desktop: Watched, site_url: str) -> None:
    page = desktop.page
    page.goto(site_url + "index.html")
    search = page.locator(".md-search__input")
    search.click()
    # Typed key by key: Material searches on keyboard events, which fill() does not send.
    search.press_sequentially("Lavrov")
    results = page.locator(".md-search-result__item")
    expect(results.nth(1)).to_be_visible()
    screenshot(page, f"search-{origin_name(site_url)}")
    results.first.locator("a").first.click()
    page.wait_for_load_state()
    expect(page.locator(".md-content")).to_contain_text("Lavrov")
    desktop.assert_clean()


def test_actor_page_leads_to_the_sentence_in_a_briefing(desktop: Watched, site_url: str) -> None:
    page = desktop.page
    page.goto(site_url + "actors/index.html")
    page.locator(".md-content a", has_text="Lavrov").first.click()
    expect(page.locator(".md-content h1")).to_contain_text("Lavrov")

    sentence_link = page.locator('.md-content a[href*="briefings/"][href*="#s"]').first
    fragment = sentence_link.get_attribute("href").rsplit("#", 1)[1]
    assert re.fullmatch(r"s\d+", fragment)
    sentence_link.click()
    page.wait_for_url(re.compile(rf"/briefings/[^/]+\.html#{fragment}$"))
    sentence = page.locator(f'[id="{fragment}"]')
    expect(sentence).to_be_in_viewport()
    expect(sentence).not_to_be_empty()
    screenshot(page, f"sentence-{origin_name(site_url)}")
    desktop.assert_clean()


def first_briefing(site: Path) -> str:
    pages = sorted(p.name for p in (site / "briefings").glob("*.html") if p.name != "index.html")
    return "briefings/" + pages[0]


def test_phone_pages_do_not_scroll_sideways(phone: Watched, built_site: Path) -> None:
    page = phone.page
    for path in SECTION_PAGES + (first_briefing(built_site),):
        page.goto(built_site.as_uri() + "/" + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        screenshot(page, "phone-" + path.replace("/", "-").removesuffix(".html"))
        assert overflow <= 0, f"{path} is {overflow}px wider than the phone"
    phone.assert_clean()


def test_briefing_prints_without_site_chrome_and_spells_out_links(desktop: Watched, built_site: Path) -> None:
    page = desktop.page
    linked = next(p for p in sorted((built_site / "briefings").glob("*.html")) if 'href="http' in p.read_text("utf-8"))
    page.emulate_media(color_scheme="dark")  # the reader's screen is dark; the paper is not
    page.goto(linked.as_uri())
    page.emulate_media(media="print")
    text_color = page.locator(".md-content p").first.evaluate("p => getComputedStyle(p).color")
    assert max(map(int, re.findall(r"\d+", text_color)[:3])) < 80, text_color
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-search"):
        for element in page.locator(chrome).all():
            expect(element).to_be_hidden()
    expect(page.locator(".md-content h1")).to_be_visible()
    external = page.locator('.md-content a[href^="http"]').first
    after = external.evaluate("link => getComputedStyle(link, '::after').content")
    assert external.get_attribute("href") in after
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "briefing-print.pdf"))
    desktop.assert_clean()


@pytest.fixture(scope="module")
def unpacked_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as a reader gets it: `dossier pack`, then unzipped somewhere else."""
    archive = tmp_path_factory.mktemp("pack") / "dossier-site.zip"
    pack_site(built_site, archive)
    unzipped = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unzipped)
    return unzipped / "dossier-site"


def test_unzipped_pack_works_from_disk_with_search(desktop: Watched, unpacked_site: Path) -> None:
    page = desktop.page
    page.goto(unpacked_site.as_uri() + "/index.html")
    page.locator(".md-tabs__link", has_text="Actors").click()
    expect(page.locator(".md-content h1")).to_contain_text("Actors")
    search = page.locator(".md-search__input")
    search.click()
    search.press_sequentially("Lavrov")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    results.first.locator("a").first.click()
    page.wait_for_load_state()
    expect(page.locator(".md-content")).to_contain_text("Lavrov")
    assert all(url.startswith(unpacked_site.as_uri()) for url in desktop.requests if url.startswith("file:"))
    desktop.assert_clean()
