"""YAML in one place: which loader reads what, and how hostile text is kept from crashing it.

libyaml's C loader and emitter give the same data as PyYAML's pure-Python safe ones, several
times faster. But libyaml's composer recurses without a depth check (about 50,000 nested
brackets overflow the stack: a crash, not an error), so text that a person or an article wrote
reaches it only when too short to nest that deep.
"""

from __future__ import annotations

from typing import IO

import yaml

FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FAST_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_FAST_YAML_MAX_CHARS = 4096
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _without_timestamps(loader: type) -> type:
    """A loader that keeps dates as text: PyYAML builds `2016-02-30` or `10000-01-01` into a date
    and fails with a ValueError that is not a YAMLError; the generator's own date parser reads the
    text and reports what is wrong with it."""
    resolvers = {first: [(tag, pattern) for tag, pattern in found if tag != _TIMESTAMP]
                 for first, found in loader.yaml_implicit_resolvers.items()}
    return type(f"{loader.__name__}WithoutTimestamps", (loader,), {"yaml_implicit_resolvers": resolvers})


UNTRUSTED_FAST_LOADER = _without_timestamps(FAST_SAFE_LOADER)
UNTRUSTED_SAFE_LOADER = _without_timestamps(yaml.SafeLoader)


def load_shipped(source: str | IO[str]) -> object:
    """A data file shipped with the package: trusted, loaded with the fast loader whatever its size."""
    return yaml.load(source, Loader=FAST_SAFE_LOADER)  # noqa: S506 - a safe loader


def load_yaml(text: str) -> object:
    """Untrusted `text` loaded by a safe loader (tags like !!python/object are refused, never run),
    dates left as text.

    A problem is always reported in the pure-Python loader's words, whichever loader found it.
    """
    if len(text) <= _FAST_YAML_MAX_CHARS:
        try:
            return yaml.load(text, Loader=UNTRUSTED_FAST_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            pass  # parsed again below, for the usual message
    return yaml.load(text, Loader=UNTRUSTED_SAFE_LOADER)  # noqa: S506 - a safe loader
