"""What the generator must know of the static-site builder, in one place.

The pipeline's contract with the builder is Markdown + YAML front-matter + `mkdocs.yml`; the
few things beyond plain Markdown live here: the command that builds the site, the address a
page has once built (raw HTML links cannot be rewritten by the builder), and how a page or a
section is left out of the search index (Material's syntax). A Zensical adapter is another
SiteBuilder value.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from markupsafe import Markup


@dataclass(frozen=True)
class SiteBuilder:
    name: str
    build_argv: tuple[str, ...]  # run in the project folder
    # What a page's address ends with instead of `.md` once built (`use_directory_urls: false`).
    page_suffix: str
    # Environment of that command when content/ has just been generated (no second generation).
    build_env: Mapping[str, str] = field(default_factory=dict)
    # Front-matter that leaves a whole page out of the search index.
    unsearched_page: Mapping[str, object] = field(default_factory=dict)
    # Attribute list that leaves a heading's section out of the search index (after the heading text).
    unsearched_section: Markup = Markup("")
    # Attribute that leaves a raw HTML block out of the search index (`<div ATTR markdown>`).
    unsearched_block: Markup = Markup("")

    def page_address(self, page: str) -> str:
        """The built address of `page`, a content/ path without its `.md`."""
        return f"{page}{self.page_suffix}"


MKDOCS_MATERIAL = SiteBuilder(
    name="mkdocs",
    build_argv=(sys.executable, "-m", "mkdocs", "build", "--strict"),
    build_env=MappingProxyType({"DOSSIER_GENERATE": "false"}),  # read by mkdocs.yml's dossier plugin
    page_suffix=".html",
    unsearched_page=MappingProxyType({"search": {"exclude": True}}),
    unsearched_section=Markup(" { data-search-exclude }"),
    unsearched_block=Markup("data-search-exclude"),
)
