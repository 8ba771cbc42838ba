"""The overview's coverage chart: articles and events per month (per week in a dossier of a
few months), as a static SVG built with ElementTree (labels are escaped by the emitter)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable

WIDTH, HEIGHT = 720, 170
_LEFT, _BOTTOM, _TOP = 34, 28, 22
_WEEKLY_SPAN_DAYS = 120  # a dossier spanning fewer days is charted by week
_ARTICLE_COLOUR, _EVENT_COLOUR = "#546e7a", "#ef6c00"


def _period_start(date: dt.date, weekly: bool) -> dt.date:
    return date - dt.timedelta(days=date.weekday()) if weekly else date.replace(day=1)


def _next_period(start: dt.date, weekly: bool) -> dt.date:
    if weekly:
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def periods(dates: list[dt.date], weekly: bool) -> list[dt.date]:
    """Every period from the first date's to the last date's, empty ones included."""
    if not dates:
        return []
    start, end = _period_start(min(dates), weekly), _period_start(max(dates), weekly)
    found = []
    while start <= end:
        found.append(start)
        start = _next_period(start, weekly)
    return found


def coverage_svg(article_dates: Iterable[dt.date], event_dates: Iterable[dt.date]) -> str:
    """Paired bars per period: articles published, events (by event date)."""
    articles, events = list(article_dates), list(event_dates)
    everything = articles + events
    weekly = bool(everything) and (max(everything) - min(everything)).days < _WEEKLY_SPAN_DAYS
    spans = periods(everything, weekly)
    article_counts = Counter(_period_start(d, weekly) for d in articles)
    event_counts = Counter(_period_start(d, weekly) for d in events)
    peak = max([*article_counts.values(), *event_counts.values(), 1])
    unit = "week" if weekly else "month"
    svg = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", width=str(WIDTH), height=str(HEIGHT),
                     viewBox=f"0 0 {WIDTH} {HEIGHT}", role="img",
                     **{"aria-label": f"Articles published and events per {unit}"})
    ET.SubElement(svg, "rect", width=str(WIDTH), height=str(HEIGHT), fill="#ffffff")
    _legend(svg, unit, peak)
    plot_height = HEIGHT - _BOTTOM - _TOP
    slot = (WIDTH - _LEFT - 6) / max(1, len(spans))
    bar = max(0.6, slot * 0.42)
    label_every = max(1, round(len(spans) / 12))
    for index, start in enumerate(spans):
        x = _LEFT + index * slot
        for offset, count, colour in ((0, article_counts[start], _ARTICLE_COLOUR),
                                      (bar, event_counts[start], _EVENT_COLOUR)):
            height = plot_height * count / peak
            ET.SubElement(svg, "rect", x=f"{x + offset:.1f}", y=f"{_TOP + plot_height - height:.1f}",
                          width=f"{bar:.1f}", height=f"{height:.1f}", fill=colour)
        if index % label_every == 0:
            label = ET.SubElement(svg, "text", x=f"{x:.1f}", y=str(HEIGHT - 10), **_FONT)
            label.text = start.isoformat() if weekly else start.strftime("%Y-%m")
    ET.SubElement(svg, "line", x1=str(_LEFT), x2=str(WIDTH - 4), y1=str(_TOP + plot_height),
                  y2=str(_TOP + plot_height), stroke="#90a4ae")
    return ET.tostring(svg, encoding="unicode") + "\n"


_FONT = {"font-family": "sans-serif", "font-size": "10", "fill": "#37474f"}


def _legend(svg: ET.Element, unit: str, peak: int) -> None:
    for x, colour, text in ((_LEFT, _ARTICLE_COLOUR, f"articles per {unit}"),
                            (_LEFT + 150, _EVENT_COLOUR, f"events per {unit}")):
        ET.SubElement(svg, "rect", x=str(x), y="6", width="10", height="10", fill=colour)
        label = ET.SubElement(svg, "text", x=str(x + 14), y="15", **_FONT)
        label.text = text
    top = ET.SubElement(svg, "text", x="4", y=str(_TOP + 8), **_FONT)
    top.text = str(peak)
