"""Dossier-wide entity resolution: one id (the page slug) per real-world actor or place.

Articles name the same entity differently ("Sergey Lavrov", "Sergei Lavrov", "Lavrov"), so
article-local entities are grouped by, in order: the knowledge-base id; the spelling-blind key
of a person's name; otherwise the normalised name (a body's in one number and with its country
as a demonym, an outlet's without its article, medium or web domain). Places group by gazetteer
id, else by country and normalised name; a city's bare name ("in Veracruz") by its namesake
division's id where the dossier names the division at least as often. The links of
resolve/links.py then join groups that
name one entity otherwise: a surname alone, a name's tail or shortened form, a nickname or a
spelling of a given name, when exactly one person so named is in the dossier; a body one
article took for a person; a place's other transliteration.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter

from generator.knowledge import KbEntry, KnowledgeBase
from generator.lexicon import GOVERNMENT_REFERENCES
from generator.models import DIVISION_KINDS, SETTLEMENT_OR_DISTRICT_KINDS, Dossier, Entity, EntityMention, ExtractedArticle
from generator.names import fold_spelling, normalize_surface, person_key
from generator.resolve.links import GroupKey, UnionFind, body_key, link_entities, outlet_core, outlet_key
from generator.slugs import is_index_page_name, slugify

@dataclass
class _Group:
    """Everything seen of one entity across the dossier (built, then turned into an Entity)."""

    category: str
    entry: KbEntry | None = None
    names: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)
    geography: EntityMention | None = None  # first place mention that knows its country or coordinates
    members: list[tuple[str, str]] = field(default_factory=list)  # (article id, local key)
    spellings: Counter[str] | None = None  # a settlement's mentions as written, counted
    curated: bool = False  # a place named by the world base or a region pack


def resolve(articles: Sequence[ExtractedArticle], kb: KnowledgeBase) -> Dossier:
    ordered = tuple(sorted(articles, key=lambda a: (a.published or dt.date.max, a.id)))
    links = UnionFind()
    named = _kb_names(kb)
    local = _local_entities(ordered, kb, named)
    for _, _, _, key in local:
        links.add(key)
    link_entities(local, links, frozenset(map(fold_spelling, map(str.lower, kb.given_names))))
    groups = _collect(local, links, kb, named)
    ids = _assign_ids(groups)
    generic = _generic_phrases(kb)
    names = _shown_names(groups)
    entities = _with_namesakes_told_apart(
        tuple(sorted((_entity(ids[root], group, names[root], generic) for root, group in groups.items()), key=lambda e: e.id)))
    entity_of = {
        (article_id, group.category, local_key): ids[root]
        for root, group in groups.items()
        for article_id, local_key in group.members
    }
    return Dossier(articles=ordered, entities=entities, entity_of=entity_of)


def _local_entities(ordered: Sequence[ExtractedArticle], kb: KnowledgeBase,
                    named: dict) -> list[tuple[str, str, EntityMention, GroupKey]]:
    """(article id, category, entity, group key) of every article-local entity, in dossier order.

    A key depends only on the entity's KB id, kind and name, which repeat across thousands of
    articles, so each is computed once (person_key is the costliest step of resolution).
    """
    person_index = _kb_person_index(kb)
    demonyms = _demonyms_of_countries(kb)
    actor_keys: dict[tuple[str | None, str, str], GroupKey] = {}
    place_keys: dict[tuple[str | None, str, str | None], GroupKey] = {}
    local = []
    for article in ordered:
        for actor in article.actors:
            seen = (actor.kb_id, actor.kind, actor.name)
            key = actor_keys.get(seen)
            if key is None:
                key = actor_keys[seen] = _actor_key(actor, kb, person_index, named, demonyms)
            local.append((article.id, "actor", actor, key))
        for place in article.places:
            seen_place = (place.kb_id, place.name, place.country)
            key = place_keys.get(seen_place)
            if key is None:
                key = place_keys[seen_place] = _place_key(place)
            local.append((article.id, "place", place, key))
    return _with_bare_names_read_as_divisions(local)


def _with_bare_names_read_as_divisions(local: list) -> list:
    """A city's bare name (EntityMention.namesake_division: "killed in Veracruz") is read as its
    namesake division where the dossier's articles name the division at least as often as the
    city: a Mexican dossier's "state of Veracruz" tells what a bare "Veracruz" means, a
    Brazilian one's "Rio de Janeiro" stays the city. Counted in articles, so no order matters."""
    divisions: dict[str, EntityMention] = {}
    articles_naming: Counter[str] = Counter()
    for _, category, entity, _ in local:
        if category == "place" and entity.kb_id is not None:
            articles_naming[entity.kb_id] += 1
            if entity.kind in DIVISION_KINDS:
                divisions.setdefault(entity.kb_id, entity)
    if not any(entity.namesake_division in divisions for _, category, entity, _ in local if category == "place"):
        return local  # most dossiers: no bare name whose division another article names
    result = []
    for article_id, category, entity, key in local:
        division = divisions.get(entity.namesake_division) if category == "place" and entity.namesake_division else None
        if division is not None and articles_naming[division.kb_id] >= articles_naming[entity.kb_id]:
            entity = replace(entity, kb_id=division.kb_id, name=division.name, kind=division.kind, region=division.region,
                             lat=division.lat, lon=division.lon, curated=division.curated, namesake_division=None)
            key = _place_key(entity)
        result.append((article_id, category, entity, key))
    return result


def _kb_person_index(kb: KnowledgeBase) -> dict[str, str]:
    """Spelling-blind key of every full name of a known person -> its KB id."""
    index: dict[str, str] = {}
    for entry in kb.actors():
        if entry.kind == "person":
            for surface in entry.surfaces:
                key = person_key(surface)
                if " " in key:
                    index.setdefault(key, entry.id)
    return index


def _kb_names(kb: KnowledgeBase) -> dict[tuple[str, str], KbEntry]:
    """(category, normalised name or alias) -> entry, for names found without a KB id; actors
    also under their body_key form."""
    named = {
        (entry.category, normalize_surface(surface)): entry
        for entry in reversed(kb.entries)  # the first entry wins, as in the file
        for surface in entry.surfaces
    }
    for (category, surface), entry in list(named.items()):
        if category == "actor":
            named.setdefault((category, body_key(surface)), entry)
    return named


def _actor_key(actor: EntityMention, kb: KnowledgeBase, person_index: dict[str, str], named: dict,
               demonyms: dict[str, str]) -> GroupKey:
    if actor.kb_id is not None and kb.entry(actor.kb_id) is not None:
        return ("kb", actor.kb_id)
    if actor.kind == "person":
        key = person_key(actor.name)
        return ("kb", person_index[key]) if key in person_index else ("person", key)
    if actor.kind == "media":
        core = outlet_core(actor.name)
        known = named.get(("actor", core))
        return ("kb", known.id) if known else ("actor", outlet_key(actor.name))
    name = body_key(normalize_surface(actor.name))
    known = named.get(("actor", name))
    if known is None:
        name = _with_demonym(name, demonyms)
        known = named.get(("actor", name))
    return ("kb", known.id) if known else ("actor", name)


def _demonyms_of_countries(kb: KnowledgeBase) -> dict[str, str]:
    """Normalised country name -> its government's first normalised demonym."""
    return {normalize_surface(entry.country): normalize_surface(entry.demonyms[0]) for entry in kb.entries
            if entry.kind == "government" and entry.country and entry.demonyms}


_POSSESSIVE_END = re.compile(r"'s?$")


def _with_demonym(name: str, demonyms: dict[str, str]) -> str:
    """A body's normalised name with the country that opens it said as its demonym: "Honduras'
    Congress" and the "Honduran Congress" are one body."""
    words = name.split(" ")
    for length in range(min(3, len(words) - 1), 0, -1):  # "sierra leone army", not "sierra" alone
        demonym = demonyms.get(_POSSESSIVE_END.sub("", " ".join(words[:length])))
        if demonym is not None:
            return " ".join([demonym, *words[length:]])
    return name


def _place_key(place: EntityMention) -> GroupKey:
    """By gazetteer id, else by country and name: the San Lorenzo of a story about Guatemala is
    not Colombia's."""
    return ("gazetteer", place.kb_id) if place.kb_id else ("place", f"{place.country or ''}:{normalize_surface(place.name)}")


def _collect(local: list, links: UnionFind, kb: KnowledgeBase, named: dict) -> dict[GroupKey, _Group]:
    groups: dict[GroupKey, _Group] = {}
    root_of = links.roots()
    place_notes: dict[str, KbEntry | None] = {}  # place name -> analyst note; names repeat across articles
    surface = attrgetter("surface")
    for article_id, category, entity, key in local:
        root = root_of[key]
        group = groups.get(root)
        if group is None:  # not setdefault: a _Group (two Counters, a set, a list) per mention is costly
            group = groups[root] = _Group(category, kb.entry(root[1]) if root[0] == "kb" else None)
        if group.entry is None and category == "place" and root[0] != "kb":
            if entity.name not in place_notes:
                place_notes[entity.name] = named.get(("place", normalize_surface(entity.name)))
            group.entry = place_notes[entity.name]
        names, kinds = group.names, group.kinds
        names[entity.name] = names.get(entity.name, 0) + 1  # not +=: no Counter.__missing__ call
        kinds[entity.kind] = kinds.get(entity.kind, 0) + 1
        group.surfaces.update(map(surface, entity.mentions))  # aliases_seen, unsorted: a set
        group.curated |= entity.curated
        # only settlements are shown as spelt: articles write a division with its kind ("state of Aragua")
        if category == "place" and entity.kind in SETTLEMENT_OR_DISTRICT_KINDS:
            if group.spellings is None:
                group.spellings = Counter()
            group.spellings.update(map(surface, entity.mentions))
        if group.geography is None and (entity.country or entity.lat is not None):
            group.geography = entity
        group.members.append((article_id, entity.key))
    return groups


def _canonical_name(group: _Group) -> str:
    """The knowledge base's name, else the one most mentions carry: what the id is made of, so a
    place's page keeps its address whichever spelling later articles prefer."""
    if group.entry is not None:
        return group.entry.name
    return min(group.names, key=lambda name: (-group.names[name], -len(name), name))


def _display_name(group: _Group) -> str:
    """The canonical name, unless it is a gazetteer settlement's spelling no article writes
    ("Misratah", "Al Burayqah", "Acapulco de Juarez"): then the spelling the articles write
    most ("Misrata", "Brega", "Acapulco"), the one readers know. A name the world base or a
    region pack chose stays ("Kyiv" where articles write "Kiev"). Spellings that differ only in
    case, hyphens or apostrophes count as one; one set in capitals (a dateline) is not shown."""
    name = _canonical_name(group)
    if group.entry is not None or group.curated or not group.spellings:
        return name
    forms: Counter[str] = Counter()
    for spelling, count in group.spellings.items():
        forms[normalize_surface(spelling)] += count
    if normalize_surface(name) in forms:
        return name
    written = [spelling for spelling in group.spellings if not spelling.isupper()]
    if not written:
        return name
    return min(written, key=lambda spelling: (-forms[normalize_surface(spelling)], -group.spellings[spelling], spelling))


def _kind(group: _Group) -> str:
    if group.entry is not None:
        return group.entry.kind
    # a body one article took for a person is the body (links._link_bodies_taken_for_people)
    kinds = Counter({kind: count for kind, count in group.kinds.items() if kind != "person"}) or group.kinds
    return min(kinds, key=lambda kind: (-kinds[kind], kind))


def _assign_ids(groups: dict[GroupKey, _Group]) -> dict[GroupKey, str]:
    """Slug of the canonical name; on a clash every clashing entity gets its kind appended."""
    slugs = {root: slugify(_canonical_name(group)) for root, group in groups.items()}
    clashes = Counter(slugs.values())
    ids: dict[GroupKey, str] = {}
    taken: set[str] = set()
    for root in sorted(groups, key=lambda r: (slugs[r], groups[r].category, _kind(groups[r]), r)):
        group = groups[root]
        candidate = slugs[root] if clashes[slugs[root]] == 1 else slugify(f"{_canonical_name(group)} {_kind(group)}")
        if candidate in taken or is_index_page_name(candidate):  # a place named "Index" is not places/index.md
            candidate = slugify(f"{candidate} {group.category}")
        suffix, unique = 2, candidate
        while unique in taken:
            unique, suffix = f"{candidate}-{suffix}", suffix + 1
        ids[root] = unique
        taken.add(unique)
    return ids


def _generic_phrases(kb: KnowledgeBase) -> frozenset[str]:
    """"the regime", "the observatory", "government forces": how a text refers to an actor,
    not a name of it. An entity's aliases leave them out: one dossier's "the government" is
    several governments."""
    return frozenset((*(normalize_surface(phrase) for entry in kb.actors() for phrase in entry.references),
                      *(normalize_surface(phrase) for phrase in GOVERNMENT_REFERENCES)))


def _shown_names(groups: dict[GroupKey, _Group]) -> dict[GroupKey, str]:
    """Each entity's display name, but the canonical one where the articles' spelling would give
    a page the title of another entity of its category: two Mexican towns, "Cadereyta" and
    "Cadereyta Jimenez", are not both shown as "Cadereyta"."""
    canonical = {root: _canonical_name(group) for root, group in groups.items()}
    shown = {root: _display_name(group) for root, group in groups.items()}
    taken = Counter((groups[root].category, normalize_surface(name)) for root, name in canonical.items())
    for root, name in shown.items():
        if name != canonical[root]:
            taken[(groups[root].category, normalize_surface(name))] += 1
    return {root: name if name == canonical[root] or taken[(groups[root].category, normalize_surface(name))] == 1
            else canonical[root] for root, name in shown.items()}


def _with_namesakes_told_apart(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Entities of one category that still share a name (a city and its district, "Lira"; the
    Tripolis of Libya and Lebanon) get what tells them apart as a qualifier: each one's country
    where each has its own and none is the country itself, else the kind, else both ("Lira
    (district)", "Tripoli (Lebanon)", "Georgia (country)"), so no two pages or links read the same."""
    namesakes: dict[tuple[str, str], list[Entity]] = {}
    for entity in entities:
        namesakes.setdefault((entity.category, normalize_surface(entity.name)), []).append(entity)
    qualifier_of = {}
    for group in namesakes.values():
        if len(group) > 1:
            qualifier_of |= zip((entity.id for entity in group), _qualifiers(group))
    if not qualifier_of:
        return entities
    return tuple(replace(entity, qualifier=qualifier_of.get(entity.id)) for entity in entities)


def _qualifiers(namesakes: list[Entity]) -> list[str | None]:
    """The first labels that differ for every namesake (None for each when none do)."""
    kinds = [entity.kind.replace("_", " ") for entity in namesakes]
    countries = [entity.country for entity in namesakes]
    both = [f"{kind}, {country}" if country else None for kind, country in zip(kinds, countries)]
    by_country = countries if "country" not in kinds else []
    for labels in (by_country, kinds, both):
        if labels and all(labels) and len(set(labels)) == len(labels):
            return labels
    return [None] * len(namesakes)


def _entity(entity_id: str, group: _Group, name: str, generic: frozenset[str]) -> Entity:
    geography = group.geography
    entry = group.entry
    canonical = _canonical_name(group)
    return Entity(
        id=entity_id,
        category=group.category,
        name=name,
        kind=_kind(group),
        aliases=tuple(sorted(surface for surface in group.surfaces if normalize_surface(surface) not in generic)),
        description=entry.description if entry else None,
        country=(geography.country if geography else None) or (entry.country if entry else None),
        region=geography.region if geography else None,
        lat=geography.lat if geography else None,
        lon=geography.lon if geography else None,
        gazetteer_name=canonical if canonical != name else None,
    )
