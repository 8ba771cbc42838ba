"""Rendering: pages from a hand-made dossier; hostile text stays text; front-matter parses."""

import datetime as dt
import re
from dataclasses import replace

import markdown
import yaml

from generator.text import paragraph_spans, split_sentences
from generator.models import (DateMention, Dossier, Entity, EntityMention, ExtractedArticle, Figure, Mention, Quote,
                              Toll)
from generator.escape import html_link
from generator.render import limits, periods
from generator.render.fragments import tag_list, tag_name, tag_spellings
from generator.render.ledger import LedgerLayout
from generator.render.links import Links
from generator.sitebuilder import MKDOCS_MATERIAL
from generator.xref import CrossReference
from generator.notes import Notes
from generator.render import SHIPPED_TEMPLATES, render_dossier

HOSTILE_TAG = "<img src=x onerror=alert(1)>"
HOSTILE_TITLE = '<script>alert("t")</script> {{ 7*7 }} [x](javascript:alert(1))'
BODY = (
    "Rebels said 12 people were killed in Aleppo on Friday. <img src=x onerror=alert(1)>\n\n"
    '"We are {{ config }} here," said Jane Doe. | not | a | table |'
)


def _article() -> ExtractedArticle:
    sentences = split_sentences(BODY)
    aleppo = BODY.index("Aleppo")
    jane = BODY.index("Jane Doe")
    return ExtractedArticle(
        id="a-1", source_path="x/<b>.txt", record=None, content_hash="h", title=HOSTILE_TITLE,
        url="javascript:alert(1)", publisher="Evil <i>Outlet</i>", wires=("AFP",),
        published=dt.date(2016, 9, 24), byline=None, event_date=dt.date(2016, 9, 23), tags=(HOSTILE_TAG, "Aleppo"),
        body=BODY, paragraphs=tuple(BODY[a:b] for a, b in paragraph_spans(BODY)), sentences=sentences,
        summary="# not a heading", word_count=20,
        actors=(EntityMention("Jane Doe", "Jane Doe", "person", (Mention("Jane Doe", 1, jane, jane + 8),)),),
        places=(EntityMention("g:1", "Aleppo", "city", (Mention("Aleppo", 0, aleppo, aleppo + 6),),
                              country="Syria", region="Aleppo", lat=36.2, lon=37.16),),
        quotes=(Quote("We are {{ config }} here,", "Jane Doe", "Jane Doe", 1),),
        figures=(Figure("killed", 12, "exact", "people", "g:1", None, "Rebels", 0, "12 people were killed"),),
        dates=(DateMention(dt.date(2016, 9, 23), "on Friday", 0, True),),
        headline_toll=Toll(12, None),
    )


def _dossier() -> Dossier:
    article = _article()
    entities = (
        Entity("aleppo", "place", "Aleppo", "city", ("Aleppo",), None, "Syria", "Aleppo", 36.2, 37.16),
        Entity("jane-doe", "actor", "Jane Doe", "person", ("Jane Doe",), "A <b>test</b> person"),
    )
    entity_of = {("a-1", "place", "g:1"): "aleppo", ("a-1", "actor", "Jane Doe"): "jane-doe"}
    return Dossier((article,), entities, entity_of)


def _render(notes: Notes | None = None, search_full_text: bool = True) -> dict[str, str]:
    files = render_dossier(CrossReference(_dossier()), (SHIPPED_TEMPLATES,), "Test dossier", "Scope", notes=notes,
                           search_full_text=search_full_text)
    return {f.path: f.text for f in files}


def test_expected_pages_are_rendered():
    pages = _render()
    for path in ["index.md", "briefings/index.md", "briefings/a-1.md", "actors/index.md", "actors/jane-doe.md",
                 "places/index.md", "places/aleppo.md", "timeline.md", "figures.md", "sources.md",
                 "exports/dossier.json", "exports/figures.csv"]:
        assert path in pages, path


def test_front_matter_parses_and_never_carries_a_title():
    for path, text in _render().items():
        if path.endswith(".md") and text.startswith("---\n"):
            meta = yaml.safe_load(text.split("---\n")[1])
            assert isinstance(meta, dict) and "title" not in meta, path


def test_hostile_text_creates_no_markup():
    extensions = ["attr_list", "tables", "admonition", "md_in_html", "toc"]
    for path, text in _render().items():
        if not path.endswith(".md"):
            continue
        html = markdown.markdown(text.split("---\n", 2)[-1], extensions=extensions)
        html = html.replace('<img alt="Co-occurrence matrix of the most-cited actors and places" src="connections.svg" />', "")
        html = re.sub(r'<img alt="[^"<>]*" src="coverage.svg" />', "", html)  # the overview's chart: ours
        assert not re.search(r"<(script|img|iframe|i|b)\b", html), path
        assert "javascript:" not in re.sub(r"&[^;]+;", "", " ".join(re.findall(r'href="([^"]*)"', html))), path
        assert "{{" not in text or "&#123;" in text


def test_briefing_links_back_to_sentences_and_entities():
    page = _render()["briefings/a-1.md"]
    assert '<span class="sentence" id="s0">' in page
    assert '<a href="../places/aleppo.html">Aleppo</a>' in page and '<a href="../actors/jane-doe.html">' in page
    assert '<a href="#s0">sentence 0</a>' in page


def test_entity_page_shows_mention_in_context_and_quote():
    page = _render()["actors/jane-doe.md"]
    assert "<mark>Jane Doe</mark>" in page
    assert "../briefings/a-1.html#s1" in page
    assert "We are &#123;&#123; config &#125;&#125; here," in page


def test_a_place_shown_as_the_articles_write_it_names_the_gazetteer_s_spelling_too():
    dossier = _dossier()
    aleppo = replace(dossier.entities[0], name="Halab", gazetteer_name="Aleppo")
    pages = {f.path: f.text for f in render_dossier(CrossReference(replace(dossier, entities=(aleppo, *dossier.entities[1:]))),
                                                     (SHIPPED_TEMPLATES,), "Test dossier", "Scope")}
    assert "# Halab" in pages["places/aleppo.md"] and "**Gazetteer name:** Aleppo" in pages["places/aleppo.md"]
    assert "Gazetteer name" not in _render()["places/aleppo.md"]


def test_a_place_with_a_namesake_is_titled_and_linked_with_its_qualifier():
    dossier = _dossier()
    aleppo = replace(dossier.entities[0], qualifier="city")
    pages = {f.path: f.text for f in render_dossier(CrossReference(replace(dossier, entities=(aleppo, *dossier.entities[1:]))),
                                                     (SHIPPED_TEMPLATES,), "Test dossier", "Scope")}
    assert "# Aleppo (city) { #title }" in pages["places/aleppo.md"]
    assert '<a href="../places/aleppo.html">Aleppo (city)</a>' in pages["briefings/a-1.md"]
    assert "# Aleppo { #title }" in _render()["places/aleppo.md"]


def test_rendering_is_deterministic():
    assert _render() == _render()


def test_tag_names_keep_only_inert_characters():
    assert tag_name(HOSTILE_TAG) == "img src x onerror alert(1)"
    assert tag_name('a"b`c&d{{e}}') == "a b c d e"
    spellings = tag_spellings(["Syria", "syria", "Syria", "barrel-bombs", "Barrel bombs", "Barrel bombs"])
    assert tag_list(["Syria", "syria ", "", "<>", "armed group"], spellings) == ("armed group", "Syria")
    assert tag_list(["barrel bombs", "BARREL-BOMBS"], spellings) == ("Barrel bombs",)  # one anchor, one name


def test_pages_carry_sanitised_tags():
    pages = _render()
    briefing = yaml.safe_load(pages["briefings/a-1.md"].split("---\n")[1])
    assert briefing["tags"] == ["Aleppo", "img src x onerror alert(1)"]
    place = yaml.safe_load(pages["places/aleppo.md"].split("---\n")[1])
    assert place["tags"] == ["city", "Syria"]
    assert "<!-- material/tags -->" in pages["tags.md"]


def test_notes_appear_on_their_page_only():
    pages = _render(Notes({("places", "aleppo"): "Shelled *daily*.", ("briefings", "a-1"): "Source checked."}))
    assert '!!! note "Analyst notes"\n\n    Shelled *daily*.' in pages["places/aleppo.md"]
    assert "    Source checked." in pages["briefings/a-1.md"]
    assert "Analyst notes" not in pages["actors/jane-doe.md"]


def test_figures_ledger_groups_by_event_with_estimates():
    page = _render()["figures.md"]
    assert "## Aleppo, 2016-09-23 {#event-2016-09-23-aleppo}" in page
    assert "killed: low 12 · best 12 · high 12 · most conservative 12" in page
    assert "(Reuters" not in page and "Evil &lt;i&gt;Outlet&lt;/i&gt; (AFP), sentence 0" in page


def test_connections_svg_escapes_names_and_is_linked():
    pages = _render()
    svg = pages["connections.svg"]
    assert svg.startswith("<svg") and "<b>" not in svg and "Jane Doe" in svg
    assert "![Co-occurrence matrix of the most-cited actors and places](connections.svg)" in pages["connections.md"]


def test_hostile_tag_is_inert_in_a_real_mkdocs_build(tmp_path):
    """Material prints tag names unescaped; the sanitised name must reach the HTML as plain text."""
    from conftest import MKDOCS_CONFIG, build_site
    from generator.write import write_content

    write_content(tmp_path / "content", render_dossier(CrossReference(_dossier()), (SHIPPED_TEMPLATES,), "Test", "Scope"))
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "overrides").symlink_to(MKDOCS_CONFIG.parent / "overrides")
    result = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    built = (tmp_path / "site" / "briefings" / "a-1.html").read_text(encoding="utf-8")
    assert "img src x onerror alert(1)" in built  # the tag is shown ...
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<img\b[^>]*onerror", html), page  # ... and never markup


def _dossier_of(count: int, ids: list[str] | None = None) -> Dossier:
    """`count` copies of the test article under other ids, naming the same entities."""
    base = _dossier()
    ids = ids or [f"a-{n}" for n in range(1, count + 1)]
    articles = tuple(replace(base.articles[0], id=i, published=dt.date(2016, 9, 1 + n % 28),
                             dates=(DateMention(dt.date(2016, 8, 1 + n % 28), "in August", 0, False),))
                     for n, i in enumerate(ids))
    entity_of = {(i, category, key): entity for i in ids for (_, category, key), entity in base.entity_of.items()}
    return Dossier(articles, base.entities, entity_of)


def test_briefings_index_is_paginated_with_links_between_pages(monkeypatch):
    monkeypatch.setattr(limits, "BRIEFINGS_PER_INDEX_PAGE", 2)
    pages = {f.path: f.text for f in render_dossier(CrossReference(_dossier_of(5)), (SHIPPED_TEMPLATES,), "T", "S")}
    assert [p for p in pages if re.fullmatch(r"briefings/(index|page-\d+)\.md", p)] == [
        "briefings/index.md", "briefings/page-2.md", "briefings/page-3.md"]
    assert "**Pages:** **1** · [2](page-2.md) · [3](page-3.md)" in pages["briefings/index.md"]
    assert "[1](index.md) · **2** · [3](page-3.md)" in pages["briefings/page-2.md"]
    assert "5 briefings" in pages["briefings/page-3.md"] and "5 to 5 on this page" in pages["briefings/page-3.md"]
    assert sum(p.count('<a href="../briefings/a-') for path, p in pages.items() if "/page-" in path or path.endswith("/index.md")
               and path.startswith("briefings")) == 5


def test_the_actors_and_places_indexes_are_paginated_and_link_every_entity(monkeypatch):
    monkeypatch.setattr(limits, "ENTITIES_PER_INDEX_PAGE", 1)
    dossier = _dossier()
    extra = tuple(replace(e, id=f"{e.id}-2", name=f"{e.name} Two") for e in dossier.entities)  # named by no briefing
    dossier = replace(dossier, entities=tuple(sorted(dossier.entities + extra, key=lambda e: e.id)))
    pages = {f.path: f.text for f in render_dossier(CrossReference(dossier), (SHIPPED_TEMPLATES,), "T", "S")}
    for section, category in (("actors", "actor"), ("places", "place")):
        ids = [e.id for e in dossier.entities if e.category == category]
        assert [p for p in pages if re.fullmatch(rf"{section}/(index|page-\d+)\.md", p)] == [
            f"{section}/index.md", f"{section}/page-2.md"]
        assert all(f'href="../{section}/{i}.html"' in pages[f"{section}/index.md"] + pages[f"{section}/page-2.md"] for i in ids)
        assert "**Pages:** **1** · [2](page-2.md)" in pages[f"{section}/index.md"]
        assert f"2 {section} named in the dossier, most mentioned first; 2 to 2 on this page" in pages[f"{section}/page-2.md"]


def test_article_ids_never_take_the_index_pages_names():
    pages = {f.path for f in render_dossier(CrossReference(_dossier_of(3, ["index", "page-2", "x"])), (SHIPPED_TEMPLATES,), "T", "S")}
    briefings = {p for p in pages if p.startswith("briefings/")}
    assert len(briefings) == 4 and "briefings/index.md" in briefings and "briefings/page-2.md" not in briefings


def test_long_lists_are_capped_with_a_pointer_to_the_exports(monkeypatch):
    monkeypatch.setattr(limits, "MAX_BRIEFINGS_PER_OUTLET", 2)
    monkeypatch.setattr(limits, "MAX_BRIEFINGS_PER_PAGE", 2)
    pages = {f.path: f.text for f in render_dossier(CrossReference(_dossier_of(4)), (SHIPPED_TEMPLATES,), "T", "S")}
    assert '2 earlier briefings are in the <a href="exports/dossier.json">dossier export</a>' in pages["sources.md"]
    assert "2 more briefings are listed in the [exports]" in pages["actors/jane-doe.md"]


def test_past_max_timeline_dates_every_date_is_on_the_timeline_page_of_its_month(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TIMELINE_DATES", 1)
    monkeypatch.setattr(limits, "MAX_ENTRIES_PER_DATE", 1)
    articles = _dossier_of(4).articles
    doubled = replace(articles[0], dates=articles[0].dates + (DateMention(dt.date(2016, 8, 1), "1 August", 0, False),))
    dossier = replace(_dossier_of(4), articles=(doubled,) + articles[1:])
    pages = {f.path: f.text for f in render_dossier(CrossReference(dossier), (SHIPPED_TEMPLATES,), "T", "S")}
    overview = pages["timeline.md"]
    assert re.findall(r"\n## (\S+)", overview) == ["By", "2016-08-01"]
    assert '<a href="timeline/2016-08.html">August 2016</a></td><td>4</td><td>5</td>' in overview
    month = pages["timeline/2016-08.md"]
    assert re.findall(r"\n## (\S+)", month) == ["2016-08-01", "2016-08-02", "2016-08-03", "2016-08-04"]
    assert '(<a href="../briefings/a-1.html#s0">' in month
    assert '1 more statements for this date are in the <a href="../exports/dossier.json">exports</a>' in month
    assert [path for path in pages if path.startswith("timeline")] == ["timeline.md", "timeline/2016-08.md"]


def test_up_to_max_timeline_dates_timeline_md_holds_every_date():
    pages = {f.path: f.text for f in render_dossier(CrossReference(_dossier_of(4)), (SHIPPED_TEMPLATES,), "T", "S")}
    assert len(re.findall(r"\n## 2016-08-\d\d", pages["timeline.md"])) == 4 and "By month" not in pages["timeline.md"]
    assert not [path for path in pages if path.startswith("timeline/")]


def test_full_text_is_searchable_only_when_asked():
    assert "## Full text\n" in _render()["briefings/a-1.md"]
    assert "## Full text { data-search-exclude }\n" in _render(search_full_text=False)["briefings/a-1.md"]


def test_bulky_sections_and_listing_pages_stay_out_of_the_search_index():
    pages = _render(search_full_text=False)
    for path in ["briefings/index.md", "actors/index.md", "timeline.md", "figures.md", "sources.md", "tags.md"]:
        assert yaml.safe_load(pages[path].split("---\n")[1])["search"] == {"exclude": True}, path
    briefing = pages["briefings/a-1.md"]
    for heading in ["Figures", "Quotes", "Places", "Related briefings", "Full text"]:
        if f"## {heading}" in briefing:
            assert f"## {heading} {{ data-search-exclude }}" in briefing, heading
    assert "## Summary\n" in briefing and "## Actors\n" in briefing and "<div data-search-exclude markdown>" in briefing
    assert "## Mentions in context { data-search-exclude }" in pages["actors/jane-doe.md"]


def _seed_pages(monkeypatch, max_events: int) -> dict[str, str]:
    from pathlib import Path

    from generator.build import analyse
    from generator.knowledge import load_knowledge_base

    seeds = Path(__file__).resolve().parent / "fixtures" / "seeds"
    dossier = analyse([seeds], seeds, load_knowledge_base()).dossier
    monkeypatch.setattr(limits, "MAX_EVENTS", max_events)
    return {f.path: f.text for f in render_dossier(CrossReference(dossier), (SHIPPED_TEMPLATES,), "T", "S")}


EVENT_LINK = re.compile(r"(figures(?:/[\w-]+)?)\.(?:md|html)#(event-[\w-]+)[)\"]")


def test_past_max_events_every_event_is_on_the_ledger_page_of_its_month(monkeypatch):
    """Past MAX_EVENTS events, figures.md is an overview and each month has its ledger page;
    every event link of every page points at an anchor of the month page that holds it."""
    pages = _seed_pages(monkeypatch, 1)
    month_pages = {path for path in pages if path.startswith("figures/")}
    assert month_pages == {"figures/2016-09.md"}
    anchors = {(path.removesuffix(".md"), anchor) for path in month_pages
               for anchor in re.findall(r"\{#(event-[\w-]+)\}", pages[path])}
    assert len(anchors) >= 2, "the seeds report at least two events"
    linked = {target for text in pages.values() for target in EVENT_LINK.findall(text)}
    assert linked == anchors
    overview = pages["figures.md"]
    assert '<a href="figures/2016-09.html">September 2016</a>' in overview
    assert "{#event-" not in overview and overview.count('href="figures/2016-09.html#event-') == 1
    assert "# Figures: September 2016" in pages["figures/2016-09.md"]
    assert pages["figures/2016-09.md"].count("\n[all ledger pages](../figures.md#ledger-pages)\n") == 2


def test_a_month_of_too_many_events_has_a_ledger_page_per_day(monkeypatch):
    monkeypatch.setattr(limits, "MAX_EVENTS_PER_LEDGER_PAGE", 1)
    pages = _seed_pages(monkeypatch, 1)
    day_pages = sorted(path for path in pages if path.startswith("figures/"))
    assert day_pages and all(re.fullmatch(r"figures/2016-09-\d\d\.md", path) for path in day_pages)
    anchors = {(path.removesuffix(".md"), anchor) for path in day_pages
               for anchor in re.findall(r"\{#(event-[\w-]+)\}", pages[path])}
    linked = {target for text in pages.values() for target in EVENT_LINK.findall(text)}
    assert len(anchors) >= 2 and linked == anchors
    assert "# Figures: 23 September 2016" in pages["figures/2016-09-23.md"]
    assert "(of its day, in a month of more than\n1 events)" in pages["figures.md"]


def test_up_to_max_events_figures_md_is_the_whole_ledger(monkeypatch):
    pages = _seed_pages(monkeypatch, 100)
    assert not [path for path in pages if path.startswith("figures/")]
    anchors = {("figures", anchor) for anchor in re.findall(r"\{#(event-[\w-]+)\}", pages["figures.md"])}
    linked = {target for text in pages.values() for target in EVENT_LINK.findall(text)}
    assert len(anchors) >= 2 and linked == anchors


def _links(split: bool = False) -> tuple[Links, CrossReference]:
    xref = CrossReference(_dossier())
    layout = LedgerLayout(xref.events)
    layout.split = split
    return Links(xref.entities, xref.slugs, layout.page_of, MKDOCS_MATERIAL), xref


def test_html_links_escape_text_and_address_and_point_at_built_pages():
    links, xref = _links()
    article = xref.dossier.articles[0]
    link = links.briefing_a(article, prefix="", anchor="#s1")
    assert link.startswith('<a href="briefings/a-1.html#s1">&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; ')
    assert "&#123;&#123; 7*7 &#125;&#125;" in link and link.endswith("[x](javascript:alert(1))</a>")
    assert links.entity_a("jane-doe") == '<a href="../actors/jane-doe.html">Jane Doe</a>'
    assert links.sentence_a(article, 1) == (
        '<a href="../briefings/a-1.html#s1">&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &#123;&#123; 7*7 &#125;&#125; '
        '[x](javascript:alert(1)) — Evil &lt;i&gt;Outlet&lt;/i&gt; (AFP), sentence 1</a>')
    assert html_link('x" onclick="y', 'a"b') == '<a href="a&quot;b">x&quot; onclick=&quot;y</a>'


def test_html_and_markdown_links_note_the_same_lookups():
    """The page cache re-renders a page when something it looked up changed: both forms must
    look up the same things."""
    links, xref = _links()
    article = xref.dossier.articles[0]
    event = xref.events[0]
    calls = [("entity_link", "entity_a", ("aleppo",)), ("briefing_link", "briefing_a", (article,)),
             ("sentence_link", "sentence_a", (article, 0)), ("event_link", "event_a", (event,)),
             ("entity_name", "entity_name_html", ("jane-doe",))]
    for markdown_form, html_form, args in calls:
        noted = []
        for name in (markdown_form, html_form):
            links.noted = {}
            getattr(links, name)(*args)
            noted.append(links.noted)
        assert noted[0] == noted[1] != {}, markdown_form


def test_event_link_points_at_the_ledger_page_of_the_event():
    links, xref = _links()
    event = xref.events[0]
    assert links.event_a(event) == '<a href="../figures.html#event-2016-09-23-aleppo">Aleppo, 2016-09-23</a>'
    links, xref = _links(split=True)
    assert links.event_a(event) == '<a href="../figures/2016-09.html#event-2016-09-23-aleppo">Aleppo, 2016-09-23</a>'
    assert links.event_link(event, prefix="") == "[Aleppo, 2016-09-23](figures/2016-09.md#event-2016-09-23-aleppo)"


def test_month_pages_link_to_the_months_before_and_after():
    before, after = periods.PeriodLink("2016-08", "August 2016"), periods.PeriodLink("undated", "Undated events")
    september = periods.PeriodLink("2016-09", "September 2016")
    assert periods.neighbours(["2016-08", "2016-09", "undated"]) == {
        "2016-08": periods.Neighbours(None, september),
        "2016-09": periods.Neighbours(before, after),
        "undated": periods.Neighbours(september, None),
    }


def test_month_pages_are_named_and_titled_whatever_the_locale():
    assert periods.month_of(dt.date(2016, 9, 23)) == "2016-09" and periods.month_of(None) == "undated"
    assert periods.period_title("2016-09") == "September 2016" and periods.period_title("undated") == "Undated events"
    assert periods.period_title("2016-09-03") == "3 September 2016"


def test_an_override_can_extend_the_shipped_template_and_replace_one_block(tmp_path):
    """A user's templates folder overrides file by file; `shipped/NAME` is the shipped template,
    so an override can change one section and keep the rest as shipped."""
    (tmp_path / "briefing.md.j2").write_text(
        '{% extends "shipped/briefing.md.j2" %}\n{% block summary %}\n## Lead\n\n{{ article.summary }}\n{% endblock %}\n',
        encoding="utf-8")
    (tmp_path / "place.md.j2").write_text('{% extends "shipped/place.md.j2" %}{% block contexts %}{% endblock %}',
                                          encoding="utf-8")
    shipped = {f.path: f.text for f in render_dossier(CrossReference(_dossier()), (SHIPPED_TEMPLATES,), "T", "S")}
    overridden = {f.path: f.text for f in render_dossier(CrossReference(_dossier()), (tmp_path, SHIPPED_TEMPLATES),
                                                          "T", "S")}
    briefing = overridden["briefings/a-1.md"]
    assert "## Lead\n\n&#35; not a heading" in briefing and "## Summary" not in briefing
    assert briefing.replace("## Lead", "## Summary") == shipped["briefings/a-1.md"]
    assert "Mentions in context" not in overridden["places/aleppo.md"]
    assert "Mentions in context" in overridden["actors/jane-doe.md"] == shipped["actors/jane-doe.md"]


def test_links_take_the_address_style_of_the_site_builder():
    xref = CrossReference(_dossier())
    directory_urls = replace(MKDOCS_MATERIAL, page_suffix="/")
    links = Links(xref.entities, xref.slugs, LedgerLayout(xref.events).page_of, directory_urls)
    assert links.entity_a("jane-doe") == '<a href="../actors/jane-doe/">Jane Doe</a>'
    assert links.entity_link("jane-doe") == "[Jane Doe](../actors/jane-doe.md)"  # Markdown links: the builder's job


def test_the_overview_ranks_entities_by_the_briefings_naming_them_the_count_it_shows():
    """One article repeating a name does not outrank a name two reports carry."""
    base = _article()
    jane = base.actors[0]
    john = EntityMention("John Roe", "John Roe", "person", (Mention("John Roe", 1, 0, 8),))
    first = replace(base, actors=(replace(jane, mentions=jane.mentions * 3), john))
    second = replace(base, id="a-2", actors=(john,))
    entities = _dossier().entities + (Entity("john-roe", "actor", "John Roe", "person", ("John Roe",), None),)
    entity_of = {(article, "actor", "John Roe"): "john-roe" for article in ("a-1", "a-2")}
    entity_of |= {("a-1", "actor", "Jane Doe"): "jane-doe", ("a-1", "place", "g:1"): "aleppo",
                  ("a-2", "place", "g:1"): "aleppo"}
    pages = {f.path: f.text for f in render_dossier(
        CrossReference(Dossier((first, second), entities, entity_of)), (SHIPPED_TEMPLATES,), "T", "S")}
    overview = pages["index.md"]
    assert overview.index("[John Roe](actors/john-roe.md) (2)") < overview.index("[Jane Doe](actors/jane-doe.md) (1)")
    actors_index = pages["actors/index.md"]
    assert actors_index.index("Jane Doe") < actors_index.index("John Roe")  # the index: most mentioned first


def test_the_overview_leaves_cited_outlets_to_the_sources_page():
    """A wire every report cites would lead the list of actors: the overview names the event's
    actors, and the outlet stays on the actors index."""
    base = _article()
    wire = EntityMention("Reuters", "Reuters", "media", (Mention("Reuters", 1, 0, 7),))
    first = replace(base, actors=base.actors + (wire,))
    second = replace(base, id="a-2", actors=(wire,))
    entities = _dossier().entities + (Entity("reuters", "actor", "Reuters", "media", ("Reuters",), None),)
    entity_of = {(article, "actor", "Reuters"): "reuters" for article in ("a-1", "a-2")}
    entity_of |= {("a-1", "actor", "Jane Doe"): "jane-doe", ("a-1", "place", "g:1"): "aleppo",
                  ("a-2", "place", "g:1"): "aleppo"}
    pages = {f.path: f.text for f in render_dossier(
        CrossReference(Dossier((first, second), entities, entity_of)), (SHIPPED_TEMPLATES,), "T", "S")}
    top_actors = pages["index.md"].split("## Most-mentioned actors")[1].split("##")[0]
    assert "[Jane Doe](actors/jane-doe.md) (1)" in top_actors and "Reuters" not in top_actors
    assert "Reuters" in pages["actors/index.md"]
