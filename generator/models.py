"""Frozen dataclasses passed between the pipeline stages.

ingest -> RawArticle (+ Report)
extract -> ExtractedArticle (entities keyed per article)
resolve -> Dossier (entities with dossier-wide ids), then its cross-reference
           (generator.xref.CrossReference: ResolvedArticle, Claim, Event, RelatedBriefing)
render -> RenderedFile (path, text), written by write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ACTOR_KINDS = ("person", "organization", "government", "armed_group", "media")
PLACE_KINDS = ("country", "governorate", "region", "city", "district", "town", "village", "area")
SETTLEMENT_KINDS = frozenset({"city", "town", "village"})  # not a division or a country: "Guerrero" the state
SETTLEMENT_OR_DISTRICT_KINDS = SETTLEMENT_KINDS | {"district"}
DIVISION_KINDS = frozenset({"governorate", "region"})  # a country's first-level divisions
FIGURE_KINDS = ("killed", "wounded", "missing")


@dataclass(frozen=True)
class Report:
    """One problem with one input: printed as a single line naming the file and record."""

    path: str
    reason: str
    record: str | None = None
    severity: str = "error"  # "error": input skipped; "warning": used, but something was off

    def line(self) -> str:
        where = f"{self.path} ({self.record})" if self.record else self.path
        return f"{self.severity}: {where}: {self.reason}"


@dataclass(frozen=True)
class Metadata:
    """Article metadata; None means unknown. Ingest fills what the file declares."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    byline: str | None = None
    wires: tuple[str, ...] = ()
    event_date: dt.date | None = None  # analyst override only
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawArticle:
    """One article as read from seeds/, before any extraction.

    `body` is the cleaned text: boilerplate removed, paragraphs separated by one blank line,
    no leading/trailing white space. `declared` holds metadata the input states (sidecar,
    front-matter, collection fields, URL header, "/ Source: Reuters" lines); extraction only
    fills the fields left None.
    """

    id: str  # the record's own id, or a stable id derived from the file
    source_path: str  # posix path relative to the seeds root (or as given on the command line)
    record: str | None  # position inside a collection ("record 3"), None for single files
    body: str
    declared: Metadata
    content_hash: str  # sha256 of the normalized body, for duplicate detection and caching


@dataclass(frozen=True)
class IngestResult:
    """Usable articles (duplicates already collapsed) and one Report per problem."""

    articles: tuple[RawArticle, ...]  # sorted by source_path, then record order
    reports: tuple[Report, ...]


@dataclass(frozen=True)
class Sentence:
    index: int  # 0-based, over the whole body
    paragraph: int  # 0-based paragraph number
    start: int  # character offsets into RawArticle.body
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    surface: str  # the text as written
    sentence: int
    start: int  # offsets into RawArticle.body
    end: int


@dataclass(frozen=True)
class EntityMention:
    """An actor or place as found in one article (article-local; resolve gives dossier ids)."""

    key: str  # article-local identity: the canonical name as best known in this article
    name: str  # display name
    kind: str  # one of ACTOR_KINDS or PLACE_KINDS
    mentions: tuple[Mention, ...]
    kb_id: str | None = None  # knowledge-base or gazetteer id when matched
    country: str | None = None  # places: country name
    region: str | None = None  # places: first-level division (governorate)
    lat: float | None = None
    lon: float | None = None
    curated: bool = False  # places: the name is a curated entry's ("Kyiv"), kept whatever the articles write
    # places: the kb id of the first-level division a city's bare name may mean ("in Veracruz"),
    # where the article never says which; resolution reads it by the rest of the dossier
    namesake_division: str | None = None

    @property
    def aliases_seen(self) -> tuple[str, ...]:
        return tuple(sorted({m.surface for m in self.mentions}))


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None  # key of an actor of the same article, when resolved
    speaker_text: str  # how the article names the speaker ("a senior administration official")
    sentence: int  # first sentence of the quote


@dataclass(frozen=True)
class Figure:
    kind: str  # one of FIGURE_KINDS
    count: int
    qualifier: str  # exact, at least, more than, nearly, about, up to, dozens, ...
    who: str  # people, civilians, children, fighters, soldiers, ...
    place: str | None  # key of a place of the same article
    source: str | None  # key of the claimant actor ("the Observatory said")
    source_text: str | None  # the claimant as written
    sentence: int
    text: str  # the matched phrase, for display


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    text: str  # as written ("on Friday", "September 9")
    sentence: int
    relative: bool  # resolved against the publication date


@dataclass(frozen=True)
class Toll:
    killed: int | None = None
    wounded: int | None = None


@dataclass(frozen=True)
class ExtractedArticle:
    id: str
    source_path: str
    record: str | None
    content_hash: str
    title: str
    url: str | None
    publisher: str | None
    wires: tuple[str, ...]
    published: dt.date | None
    byline: str | None
    event_date: dt.date | None
    tags: tuple[str, ...]
    body: str
    paragraphs: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    summary: str
    word_count: int
    actors: tuple[EntityMention, ...]
    places: tuple[EntityMention, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    dates: tuple[DateMention, ...]
    headline_toll: Toll

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.word_count / 230))


@dataclass(frozen=True)
class Entity:
    """A real-world actor or place, dossier-wide; `id` is the slug of its page."""

    id: str
    category: str  # "actor" or "place"
    name: str
    kind: str
    aliases: tuple[str, ...]
    description: str | None = None
    country: str | None = None
    region: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_name: str | None = None  # places: the gazetteer's spelling, where the name is the articles'
    qualifier: str | None = None  # what tells it from a namesake of its category ("district", "Lebanon")

    @property
    def title(self) -> str:
        """The name pages and links show: with its qualifier where a namesake needs one."""
        return f"{self.name} ({self.qualifier})" if self.qualifier else self.name


@dataclass(frozen=True)
class Dossier:
    """Everything render needs: articles, entities, and which local key is which entity."""

    articles: tuple[ExtractedArticle, ...]  # sorted by (published, id)
    entities: tuple[Entity, ...]  # sorted by id
    # (article id, "actor"|"place", article-local key) -> entity id
    entity_of: dict[tuple[str, str, str], str] = field(default_factory=dict, hash=False)


TOTAL_WHO = frozenset({"people", "civilians"})


@dataclass(frozen=True)
class EntityRef:
    """What a page or an export shows of an entity an article names: all but its aliases and
    description, which change with every article that names it (its own page shows those)."""

    id: str
    name: str
    kind: str
    country: str | None
    region: str | None
    lat: float | None
    lon: float | None

    @classmethod
    def of(cls, entity: Entity) -> EntityRef:
        return cls(entity.id, entity.name, entity.kind, entity.country, entity.region, entity.lat, entity.lon)


@dataclass(frozen=True)
class ResolvedArticle:
    """An article with its briefing page's slug and the dossier entity behind each of its
    article-local actors and places (aligned with article.actors and article.places)."""

    article: ExtractedArticle
    slug: str
    actors: tuple[EntityRef, ...]
    places: tuple[EntityRef, ...]

    def locals_of(self, category: str) -> zip:
        """(local entity, dossier entity) pairs of one category, in article order."""
        if category == "actor":
            return zip(self.article.actors, self.actors)
        return zip(self.article.places, self.places)

    def entity_id(self, category: str, key: str | None) -> str | None:
        """The dossier id of the article-local entity `key` (None for None or an unknown key)."""
        for local, entity in self.locals_of(category):
            if local.key == key:
                return entity.id
        return None

    def entity_ids(self, category: str) -> list[str]:
        """The dossier ids of one category, once each, by name (ties in article order)."""
        names = {entity.id: entity.name.casefold() for _, entity in self.locals_of(category)}
        return sorted(names, key=names.__getitem__)


@dataclass(frozen=True)
class Claim:
    """One casualty figure as one article reports it, with dossier-wide ids."""

    article: ExtractedArticle
    figure: Figure
    index: int  # position in article.figures
    place_id: str | None  # the figure's own place, else the article's main place
    place_inferred: bool  # True when the sentence named no place
    claimant_id: str | None
    role: str = "total"  # total, update, partial or background (generator.claim_roles)

    @property
    def is_total(self) -> bool:
        """A count of the whole event (a total or an updated total): what sources are compared on."""
        return self.role in ("total", "update")


@dataclass(frozen=True)
class Estimate:
    """Low / best / high of one casualty kind at one event, over its current totals (each
    claimant's newest), and whether those totals disagree."""

    kind: str
    low: int
    best: int
    high: int
    conservative: Claim  # ACLED: the lowest total claim
    disagreement: bool
    compared: tuple[Claim, ...] = ()  # the totals the estimate is made of, lowest first

    def counts(self, claim: Claim) -> bool:
        return any(claim is other for other in self.compared)


@dataclass(frozen=True)
class Event:
    """Casualty claims of one incident, across articles (see generator.incidents for the rule)."""

    key: str  # "2016-09-23/aleppo"; stable, used as the anchor on figures.md
    date: dt.date | None
    area_id: str | None
    claims: tuple[Claim, ...]
    estimates: tuple[Estimate, ...]
    # per claimant who updated a total: its totals oldest first (the toll over time)
    updates: tuple[tuple[Claim, ...], ...] = ()
    sequence: int = 1  # 2, 3... for other incidents of the same place and date (key "…-2")

    @property
    def disagreements(self) -> tuple[Estimate, ...]:
        return tuple(e for e in self.estimates if e.disagreement)

    @property
    def independent_reports(self) -> int:
        """How many independent sources report the event: a wire story counts once however many
        outlets carry it; an outlet's own reporting counts once per outlet."""
        return len({claim.article.wires[0] if claim.article.wires else claim.article.publisher or claim.article.id
                    for claim in self.claims})

    def disagrees(self, claim: Claim) -> bool:
        """True for a current total of a kind on which this event's sources give different numbers."""
        return any(e.counts(claim) for e in self.disagreements)


@dataclass(frozen=True)
class ClaimOfEvent:
    """A claim together with the event it was grouped into (None for a background claim)."""

    claim: Claim
    event: Event | None


@dataclass(frozen=True)
class RelatedBriefing:
    """Another briefing sharing entities or the casualty event with a briefing."""

    article: ExtractedArticle
    shared: tuple[str, ...]  # ids of the entities both name, by name
    same_event: bool


@dataclass(frozen=True)
class RenderedFile:
    path: str  # posix path relative to content/
    text: str
