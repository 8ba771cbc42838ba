"""A static co-occurrence matrix (SVG) of the most-cited entities: works offline, bounded at scale.

Cell (row, column) holds the number of briefings naming both entities. Only the top
MAX_ENTITIES (by briefings, then name) are drawn, so 10,000 articles give the same size of
picture as two. Every label is XML-escaped: entity names derive from article text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from itertools import combinations

MAX_ENTITIES = 20
MAX_LABEL = 28
CELL = 24
LABEL_WIDTH = 200
FONT = "font-family='system-ui, sans-serif' font-size='11'"


def top_pairs(members: Mapping[str, frozenset[str]], chosen: Sequence[str]) -> dict[tuple[str, str], int]:
    """Shared-briefing counts of every pair of chosen entities (members: entity -> briefing ids)."""
    return {(a, b): len(members[a] & members[b]) for a, b in combinations(chosen, 2)}


def choose(members: Mapping[str, frozenset[str]], names: Mapping[str, str]) -> list[str]:
    """The entities shown: most briefings first, then by name, at most MAX_ENTITIES."""
    return sorted(members, key=lambda e: (-len(members[e]), names[e].casefold(), e))[:MAX_ENTITIES]


def _label(name: str) -> str:
    short = name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1] + "…"
    return escape(short, quote=True)


def matrix_svg(chosen: Sequence[str], names: Mapping[str, str], pairs: Mapping[tuple[str, str], int]) -> str:
    """The SVG document: names down the left and (rotated) across the top, one cell per pair."""
    size = len(chosen)
    top = LABEL_WIDTH
    width, height = LABEL_WIDTH + size * CELL + 10, top + size * CELL + 10
    peak = max(pairs.values(), default=0) or 1
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}'"
        f" role='img' aria-label='Co-occurrence of the most-cited actors and places'>",
        f"<rect width='{width}' height='{height}' fill='#ffffff'/>",
    ]
    for i, entity in enumerate(chosen):
        y = top + i * CELL + CELL * 0.7
        x = LABEL_WIDTH + i * CELL + CELL * 0.7
        parts.append(f"<text x='{LABEL_WIDTH - 6}' y='{y:.1f}' text-anchor='end' {FONT}>{_label(names[entity])}</text>")
        parts.append(f"<text transform='translate({x:.1f},{top - 6}) rotate(-60)' {FONT}>{_label(names[entity])}</text>")
    for i, row in enumerate(chosen):
        for j, column in enumerate(chosen):
            x, y = LABEL_WIDTH + j * CELL, top + i * CELL
            if i == j:
                parts.append(f"<rect x='{x}' y='{y}' width='{CELL}' height='{CELL}' fill='#eceff1'/>")
                continue
            count = pairs.get((row, column), pairs.get((column, row), 0))
            opacity = 0.12 + 0.88 * count / peak if count else 0
            parts.append(f"<rect x='{x}' y='{y}' width='{CELL}' height='{CELL}' fill='#37474f' "
                         f"fill-opacity='{opacity:.2f}' stroke='#cfd8dc' stroke-width='0.5'/>")
            if count:
                colour = "#ffffff" if opacity > 0.5 else "#263238"
                parts.append(f"<text x='{x + CELL / 2:.1f}' y='{y + CELL * 0.68:.1f}' text-anchor='middle' "
                             f"fill='{colour}' {FONT}>{count}</text>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
