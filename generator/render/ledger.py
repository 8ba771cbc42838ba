"""The figures ledger: figures.md, and past limits.MAX_EVENTS events a ledger page per month
(per day in a month of more than limits.MAX_EVENTS_PER_LEDGER_PAGE events)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.models import Claim, Event, RenderedFile
from generator.render import limits
from generator.render.pages import Fields, PageMaker
from generator.render.periods import Neighbours, month_of, neighbours, period_title


@dataclass(frozen=True)
class LedgerPeriod:
    """A row of the table of ledger pages."""

    period: str
    title: str
    event_count: int
    claim_count: int
    disputed: int  # events where sources disagree


@dataclass(frozen=True)
class LedgerSources(Fields):
    """figures.md: every event (or, split, the busiest), the table of ledger pages, and the
    first background claims (earlier events, war tallies: in no event)."""

    meta: dict
    events: list[Event]
    periods: list[LedgerPeriod]
    max_claims: int
    max_events_per_page: int
    background: list[Claim]
    background_total: int


@dataclass(frozen=True)
class LedgerPeriodSources(Fields):
    """A ledger page of one month or day: its events and the pages before and after it."""

    meta: dict
    title: str
    around: Neighbours
    events: list[Event]
    max_claims: int


class LedgerLayout:
    """Which ledger page holds each event."""

    def __init__(self, events: tuple[Event, ...]):
        self._events = {event.key: event for event in events}
        self.split = len(self._events) > limits.MAX_EVENTS
        month_sizes = Counter(month_of(event.date) for event in events)
        self._months_by_day = {month for month, size in month_sizes.items()
                               if size > limits.MAX_EVENTS_PER_LEDGER_PAGE and month != "undated"}

    def page_of(self, event_key: str) -> str | None:
        """The ledger page (without its extension) that holds the event, None for no event."""
        event = self._events.get(event_key)
        if event is None:
            return None
        return f"figures/{self.period_of(event)}" if self.split else "figures"

    def period_of(self, event: Event) -> str:
        """"2016-09", or "2016-09-23" in a month with too many events for one page."""
        month = month_of(event.date)
        return event.date.isoformat() if month in self._months_by_day else month


def ledger_order(event: Event) -> tuple:
    """By date; on one date the event with the most totals first."""
    return (event.date or dt.date.min, -sum(c.is_total for c in event.claims), -len(event.claims), event.key)


def ledger_pages(maker: PageMaker, layout: LedgerLayout, events: tuple[Event, ...], background: tuple[Claim, ...],
                 meta: dict) -> list[RenderedFile]:
    """figures.md with every event in date order; or, split, figures.md as an overview of the
    ledger pages and of the events with the most claims, and one page per period. figures.md
    ends with the first background claims (all of them are in figures.csv)."""
    ordered = sorted(events, key=ledger_order)
    shown = list(background[:limits.MAX_BACKGROUND_CLAIMS])
    if not layout.split:
        sources = LedgerSources(meta, ordered, [], limits.MAX_CLAIMS_PER_EVENT, limits.MAX_EVENTS_PER_LEDGER_PAGE,
                                shown, len(background))
        return [maker.page("figures.md", "figures.md.j2", sources)]
    by_period: dict[str, list[Event]] = defaultdict(list)
    for event in ordered:
        by_period[layout.period_of(event)].append(event)
    rows = [LedgerPeriod(period, period_title(period), len(group), sum(len(e.claims) for e in group),
                         sum(bool(e.disagreements) for e in group)) for period, group in sorted(by_period.items())]
    busiest = sorted(ordered, key=lambda e: (-len(e.claims), e.key))[:limits.MAX_EVENTS]
    overview = LedgerSources(meta, busiest, rows, limits.MAX_CLAIMS_PER_EVENT, limits.MAX_EVENTS_PER_LEDGER_PAGE,
                             shown, len(background))
    around = neighbours(sorted(by_period))
    return [maker.page("figures.md", "figures.md.j2", overview)] + [
        maker.page(f"figures/{period}.md", "figures_month.md.j2",
                   LedgerPeriodSources(meta, period_title(period), around[period], by_period[period],
                                       limits.MAX_CLAIMS_PER_EVENT))
        for period in sorted(by_period)]
