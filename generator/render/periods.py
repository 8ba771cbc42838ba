"""Month (and day) pages of the ledger and the timeline: their names, titles and neighbours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.lexicon import MONTH_NAMES  # not strftime("%B"): that follows the locale


@dataclass(frozen=True)
class PeriodLink:
    page: str  # "2016-09", the page's name in its section
    title: str  # "September 2016"


@dataclass(frozen=True)
class Neighbours:
    """The period pages before and after one, None at an end."""

    before: PeriodLink | None
    after: PeriodLink | None


def month_of(date: dt.date | None) -> str:
    """"2016-09", the name of the month page of a date; "undated" without a date."""
    return f"{date.year:04d}-{date.month:02d}" if date else "undated"


def period_title(period: str) -> str:
    """"September 2016" for "2016-09", "23 September 2016" for "2016-09-23"."""
    if period == "undated":
        return "Undated events"
    year, month, *day = period.split("-")
    return " ".join([*(str(int(d)) for d in day), MONTH_NAMES[int(month) - 1], year])


def neighbours(periods: list[str]) -> dict[str, Neighbours]:
    """period -> the pages before and after it."""
    pages = [PeriodLink(period, period_title(period)) for period in periods]
    return {period: Neighbours(pages[i - 1] if i else None, pages[i + 1] if i + 1 < len(pages) else None)
            for i, period in enumerate(periods)}
