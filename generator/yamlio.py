"""YAML in one place: which loader reads what, and how hostile text is kept from crashing it.

libyaml's C loader and emitter give the same data as PyYAML's pure-Python safe ones, several
times faster. But libyaml's composer recurses without a depth check (about 50,000 nested
brackets overflow the stack: a crash, not an error), so text that a person or an article wrote
reaches it only when too short to nest that deep.
"""

from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=16)
def parsed_shipped(text: str) -> object:
    """load_shipped of a shipped file's text, parsed once per process; callers never change it.
    The readers load the shipped knowledge base at import for its wire names, and a command
    loads it again with its packs."""
    return load_shipped(text)


# A document of article metadata or analyst settings needs neither: deeper nesting or more values
# (aliases expand: nine levels of nine make 387 million) is an attack on the reader.
MAX_YAML_DEPTH = 50
MAX_YAML_VALUES = 100_000


class YamlTooLarge(yaml.YAMLError):
    """A document refused for its shape, before anything is built from it."""


def load_yaml(text: str) -> object:
    """Untrusted `text` loaded by a safe loader (tags like !!python/object are refused, never run),
    dates left as text; a document nested deeper than MAX_YAML_DEPTH or whose aliases expand to
    more than MAX_YAML_VALUES values is refused (YamlTooLarge) before it is built.

    A problem is always reported in the pure-Python loader's words, whichever loader found it.
    """
    if len(text) <= _FAST_YAML_MAX_CHARS:
        try:
            return _load_checked(text, UNTRUSTED_FAST_LOADER)
        except YamlTooLarge:
            raise
        except yaml.YAMLError:
            pass  # parsed again below, for the usual message
    return _load_checked(text, UNTRUSTED_SAFE_LOADER)


def _load_checked(text: str, loader_class: type) -> object:
    loader = loader_class(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise YamlTooLarge(f"nested more than {MAX_YAML_DEPTH} levels deep") from None
        if node is None:
            return None
        _check_shape(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_shape(root: yaml.Node) -> None:
    """Depth and expanded size of the node graph, without recursion (aliases are shared nodes:
    each is counted as often as it is used, computed once)."""
    expanded: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if depth > MAX_YAML_DEPTH:
            raise YamlTooLarge(f"nested more than {MAX_YAML_DEPTH} levels deep")
        children = _children(node)
        if children_done or not children:
            expanded[id(node)] = 1 + sum(expanded[id(child)] for child in children)
            if expanded[id(node)] > MAX_YAML_VALUES:
                raise YamlTooLarge(f"expands to more than {MAX_YAML_VALUES:,} values (aliases)")
            continue
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children if id(child) not in expanded)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []
