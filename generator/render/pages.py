"""Making one page: from the page cache when its sources are unchanged, else rendered.

Every page kind declares a frozen `Sources` value: everything its page is made from. The page
cache key is the digest of that value, and the template context is built from that value alone
(`Sources.context()`), so a key cannot miss an input the page shows. What a template looks up
beyond it (an entity's name, an article's slug) goes through `Links`, which notes each lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Protocol

import jinja2

from generator.errors import RenderError
from generator.models import RenderedFile
from generator.render.links import Links
from generator.render.pagecache import ContextDigest, PageCache


class Sources(Protocol):
    """What one page is made from (a frozen dataclass), and the template context built from it."""

    def context(self) -> dict[str, object]: ...


@dataclass(frozen=True)
class Fields:
    """Sources whose fields are the template context as they are (listing pages)."""

    def context(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


class PageMaker:
    """Renders pages through the template environment, reusing unchanged ones from the page cache."""

    def __init__(self, env: jinja2.Environment, links: Links, pages: PageCache | None,
                 digests: ContextDigest | None):
        self._env, self._links, self._pages, self._digests = env, links, pages, digests

    def digest(self, label: str, value: object) -> str:
        """A digest of `value` as page inputs are digested ("" without a page cache)."""
        return self._digests.digest(label, value) if self._digests else ""

    def page(self, path: str, template: str, sources: Sources) -> RenderedFile:
        inputs = self.digest(template, sources)
        if self._pages:
            text = self._pages.reuse(path, inputs, self._links.current)
            if text is not None:
                return RenderedFile(path, text)
        context = sources.context()
        self._links.noted = {}
        try:
            text = self._env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise RenderError(f"template {template} failed for {path}: {exc}") from exc
        if self._pages:
            self._pages.store(path, inputs, self._links.noted, text)
        return RenderedFile(path, text)

    def fragment(self, label: str, value: object, make) -> str:
        """Text made from `value` (an export's part), kept by the page cache while `value`'s
        digest is unchanged."""
        if not self._pages:
            return make()
        return self._pages.fragment(f"{label}: {self._digests.once(value)}", make)
