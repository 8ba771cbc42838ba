"""Audit every regular expression of the generator for super-linear matching.

Run: `.venv/bin/python bench/regex_audit.py [--size N]`.

Imports every module of `generator`, collects each compiled pattern held at module level or
as a class attribute, and times `search` and `finditer` on pathological strings of `--size`
characters (runs of one character, of words, of particles, of quote marks, each ending in a
character that makes the match fail late). Patterns slower than the threshold are printed;
a linear pattern takes milliseconds at 20,000 characters.

Runs of white space are listed apart: every text an extractor or a metadata field reads has
passed through `escape.one_line` or `readers.cleanup.clean_lines`, which collapse white space to
single spaces (paragraph breaks to one blank line), so a pattern slow only on long runs of
white space cannot meet one. Patterns slow on anything else are the ones to fix.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import generator  # noqa: E402

UNITS = ["a", " ", "-", ".", "!", "'", '"', "\n", "1", "1,", "A ", "Al ", "al-", "Al Abu Bin ", "killed ",
         "12 people ", "on Monday ", "said ", "the ", "-- ", "\u200b", "(", "[", "(a", "a,", "a, ", "|", "#"]


def patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    for module_info in pkgutil.walk_packages(generator.__path__, "generator."):
        if module_info.name.endswith("mkdocs_plugin"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{module_info.name}.{name}"] = value
            elif isinstance(value, type) and value.__module__ == module.__name__:
                for attribute, inner in vars(value).items():
                    if isinstance(inner, re.Pattern):
                        found[f"{module_info.name}.{name}.{attribute}"] = inner
    return found


class _TooSlow(Exception):
    pass


def _stop(_signal, _frame) -> None:
    raise _TooSlow


def slowest(pattern: re.Pattern, size: int, limit: int, units: list[str]) -> tuple[float, str]:
    """The slowest of `units` for `pattern` and its time; a run past `limit` seconds is stopped
    and counted as `limit`."""
    worst = (0.0, "")
    if isinstance(pattern.pattern, bytes):
        return worst
    for unit in units:
        text = unit * (size // len(unit)) + "\x00"
        started = time.perf_counter()
        signal.alarm(limit)
        try:
            for _ in pattern.finditer(text):
                pass
            elapsed = time.perf_counter() - started
        except _TooSlow:
            elapsed = float(limit)
        finally:
            signal.alarm(0)
        worst = max(worst, (elapsed, unit))
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--threshold", type=float, default=0.25, help="seconds")
    parser.add_argument("--limit", type=int, default=5, help="seconds before a run is stopped")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _stop)
    found = patterns()
    print(f"{len(found)} patterns, {args.size} characters each; slower than {args.threshold} s:", flush=True)
    only_white_space, slow = [], 0
    visible = [unit for unit in UNITS if unit.strip()]
    blank = [unit for unit in UNITS if not unit.strip()]
    for name, pattern in sorted(found.items()):
        seconds, unit = slowest(pattern, args.size, args.limit, visible)
        if seconds > args.threshold:
            slow += 1
            print(f"  {seconds:7.2f} s  {name}  on {unit!r} repeated", flush=True)
        seconds, unit = slowest(pattern, args.size, args.limit, blank)
        if seconds > args.threshold:
            only_white_space.append((seconds, name, unit))
    print(f"{slow} slow on text an extractor can meet (a pattern only ever used anchored, with match or")
    print("fullmatch, on a bounded value such as a file name costs one pass there: see its use)")
    print(f"{len(only_white_space)} slow on runs of white space (collapsed before any extractor reads text):")
    for seconds, name, unit in only_white_space:
        print(f"  {seconds:7.2f} s  {name}  on {unit!r} repeated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
