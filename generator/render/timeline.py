"""The timeline: timeline.md, and past limits.MAX_TIMELINE_DATES dates a page per month."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from generator.models import ExtractedArticle, RenderedFile, Sentence
from generator.render import limits
from generator.render.pages import Fields, PageMaker
from generator.render.periods import Neighbours, month_of, neighbours, period_title
from generator.xref import CrossReference


@dataclass(frozen=True)
class DateEntry:
    """A dated statement: the sentence, and the date as the article writes it."""

    article: ExtractedArticle
    sentence: Sentence
    text: str


@dataclass(frozen=True)
class TimelineDate:
    date: dt.date
    entries: list[DateEntry]  # the first limits.MAX_ENTRIES_PER_DATE
    more: int  # how many more the exports hold


@dataclass(frozen=True)
class TimelineMonth:
    """A row of the table of month pages."""

    month: str
    title: str
    date_count: int
    statement_count: int


@dataclass(frozen=True)
class TimelineSources(Fields):
    """timeline.md: every date (or, split, the busiest) and the table of month pages."""

    meta: dict
    dates: list[TimelineDate]
    months: list[TimelineMonth]


@dataclass(frozen=True)
class TimelineMonthSources(Fields):
    """A timeline page of one month: its dates and the months before and after it."""

    meta: dict
    title: str
    around: Neighbours
    dates: list[TimelineDate]


def statements_by_date(xref: CrossReference) -> dict[dt.date, list[DateEntry]]:
    """Every dated statement by date, in order (once each)."""
    entries = set()
    for article in xref.dossier.articles:
        for mention in article.dates:
            entries.add((mention.date, article.id, mention.sentence, mention.text))
    by_id = {a.id: a for a in xref.dossier.articles}
    by_date: dict[dt.date, list[DateEntry]] = defaultdict(list)
    for date, article_id, index, text in sorted(entries):
        by_date[date].append(DateEntry(by_id[article_id], by_id[article_id].sentences[index], text))
    return by_date


def _capped(by_date: dict[dt.date, list[DateEntry]], dates: list[dt.date]) -> list[TimelineDate]:
    return [TimelineDate(date, by_date[date][:limits.MAX_ENTRIES_PER_DATE],
                         max(0, len(by_date[date]) - limits.MAX_ENTRIES_PER_DATE)) for date in dates]


def timeline_pages(maker: PageMaker, xref: CrossReference, meta: dict) -> list[RenderedFile]:
    """timeline.md with every date; or, split, timeline.md with the busiest dates (ties go to the
    later date) and one page per month with all of its dates."""
    by_date = statements_by_date(xref)
    if len(by_date) <= limits.MAX_TIMELINE_DATES:
        return [maker.page("timeline.md", "timeline.md.j2", TimelineSources(meta, _capped(by_date, sorted(by_date)), []))]
    by_month: dict[str, list[dt.date]] = defaultdict(list)
    for date in sorted(by_date):
        by_month[month_of(date)].append(date)
    busiest = sorted(by_date, key=lambda date: (-len(by_date[date]), -date.toordinal()))[:limits.MAX_TIMELINE_DATES]
    months = [TimelineMonth(month, period_title(month), len(dates), sum(len(by_date[d]) for d in dates))
              for month, dates in sorted(by_month.items())]
    around = neighbours(sorted(by_month))
    return [maker.page("timeline.md", "timeline.md.j2", TimelineSources(meta, _capped(by_date, sorted(busiest)), months))] + [
        maker.page(f"timeline/{month}.md", "timeline_month.md.j2",
                   TimelineMonthSources(meta, period_title(month), around[month], _capped(by_date, dates)))
        for month, dates in sorted(by_month.items())]
