"""Dossier-wide entity resolution: one id (the page slug) per real-world actor or place.

Articles name the same entity differently ("Sergey Lavrov", "Sergei Lavrov", "Lavrov"), so
article-local entities are grouped by, in order: the knowledge-base id; the spelling-blind key
of a person's name; a surname alone, the last words of a name, or a variant of its given name
(a nickname, a vowel), when exactly one person so named is in the dossier; otherwise the normalised name. Places group by gazetteer id, else by
country and normalised name; an unknown place joins the known one of its country whose name is
another transliteration of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from generator.knowledge import KbEntry, KnowledgeBase
from generator.lexicon import GOVERNMENT_REFERENCES
from generator.models import SETTLEMENT_OR_DISTRICT_KINDS, Dossier, Entity, EntityMention, ExtractedArticle
from generator.names import fold_spelling, name_words, normalize_surface, person_key, same_given_name
from generator.slugs import slugify

_GroupKey = tuple[str, str]  # (how it was grouped, value)


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
    links = _UnionFind()
    named = _kb_names(kb)
    local = _local_entities(ordered, kb, named)
    for _, _, _, key in local:
        links.add(key)
    _link_surnames(local, links)
    _link_bodies_taken_for_people(local, links)
    _link_place_spellings(local, links)
    groups = _collect(local, links, kb, named)
    ids = _assign_ids(groups)
    generic = _generic_phrases(kb)
    names = _shown_names(groups)
    entities = tuple(sorted((_entity(ids[root], group, names[root], generic) for root, group in groups.items()),
                            key=lambda e: e.id))
    entity_of = {
        (article_id, group.category, local_key): ids[root]
        for root, group in groups.items()
        for article_id, local_key in group.members
    }
    return Dossier(articles=ordered, entities=entities, entity_of=entity_of)


def _local_entities(ordered: Sequence[ExtractedArticle], kb: KnowledgeBase,
                    named: dict) -> list[tuple[str, str, EntityMention, _GroupKey]]:
    """(article id, category, entity, group key) of every article-local entity, in dossier order.

    A key depends only on the entity's KB id, kind and name, which repeat across thousands of
    articles, so each is computed once (person_key is the costliest step of resolution).
    """
    person_index = _kb_person_index(kb)
    demonyms = _demonyms_of_countries(kb)
    actor_keys: dict[tuple[str | None, str, str], _GroupKey] = {}
    place_keys: dict[tuple[str | None, str, str | None], _GroupKey] = {}
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
    return local


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
    also under their _body_key form."""
    named = {
        (entry.category, normalize_surface(surface)): entry
        for entry in reversed(kb.entries)  # the first entry wins, as in the file
        for surface in entry.surfaces
    }
    for (category, surface), entry in list(named.items()):
        if category == "actor":
            named.setdefault((category, _body_key(surface)), entry)
    return named


def _body_key(name: str) -> str:
    """A normalised body's name with its words' plural "s" dropped and "for" said as "of": the
    "Islamic Revolutionary Guards Corps" and the "Islamic Revolutionary Guard Corps", the "Quds
    Forces" and the "Quds Force", the "International Organization for Migration" and "of
    Migration" are one body however a report words them."""
    return " ".join("of" if word == "for" else word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss")
                    else word for word in name.split(" "))


def _actor_key(actor: EntityMention, kb: KnowledgeBase, person_index: dict[str, str], named: dict,
               demonyms: dict[str, str]) -> _GroupKey:
    if actor.kb_id is not None and kb.entry(actor.kb_id) is not None:
        return ("kb", actor.kb_id)
    if actor.kind == "person":
        key = person_key(actor.name)
        return ("kb", person_index[key]) if key in person_index else ("person", key)
    if actor.kind == "media":
        core = _outlet_core(actor.name)
        known = named.get(("actor", core))
        return ("kb", known.id) if known else ("actor", core.replace(" ", ""))
    name = _body_key(normalize_surface(actor.name))
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


_OUTLET_PREFIX = re.compile(r"^(?:revista|diario|periodico|periódico|semanario|jornal)\s+(?=\S)")
_OUTLET_SUFFIX = re.compile(r"(?<=\S)\s+(?:tv|television|newspaper|magazine|daily)$")


def _outlet_core(name: str) -> str:
    """An outlet's name without the word for what it is or its web domain's ending:
    "Revista Proceso" and "Proceso", "Nile News TV" and "Nile News"; its key (spaces left out
    too) makes "VerdadAbierta.com" and "Verdad Abierta" one outlet."""
    core = _OUTLET_SUFFIX.sub("", _OUTLET_PREFIX.sub("", normalize_surface(name)))
    return _DOMAIN_END.sub("", core)


_DOMAIN_END = re.compile(r"(?<=\w)\.(?:com|org|net|info|news|tv)(?:\.[a-z]{2})?$")


def _place_key(place: EntityMention) -> _GroupKey:
    """By gazetteer id, else by country and name: the San Lorenzo of a story about Guatemala is
    not Colombia's."""
    return ("gazetteer", place.kb_id) if place.kb_id else ("place", f"{place.country or ''}:{normalize_surface(place.name)}")


def _link_surnames(local: list, links: _UnionFind) -> None:
    """"Lavrov" alone joins the one full-name person whose surname it is, if there is just one."""
    names = dict.fromkeys((entity.name, key) for _, category, entity, key in local  # once per name
                          if category == "actor" and entity.kind == "person")
    people = [(person_key(name).split(), key) for name, key in names]
    full_by_surname: dict[str, set[_GroupKey]] = {}
    for words, key in people:
        if len(words) > 1:
            full_by_surname.setdefault(words[-1], set()).add(links.find(key))
    for words, key in people:
        if len(words) == 1:
            owners = full_by_surname.get(words[0], set())
            if len(owners) == 1:
                links.union(next(iter(owners)), key)
    _link_name_tails(people, links)
    _link_shortened_names(people, links)
    _link_vowel_variants(people, links)
    _link_given_name_variants(local, links)


def _link_name_tails(people: list[tuple[list[str], _GroupKey]], links: _UnionFind) -> None:
    """"Sanchez Ceren" in one article joins "Salvador Sanchez Ceren" of another when he is the
    one person of the dossier whose name ends so (Spanish names carry two surnames)."""
    by_tail: dict[tuple[str, ...], set[_GroupKey]] = {}
    for words, key in people:
        for start in range(1, len(words) - 1):  # tails of two words or more, shorter than the name
            by_tail.setdefault(tuple(words[start:]), set()).add(links.find(key))
    for words, key in people:
        owners = by_tail.get(tuple(words), set()) if len(words) > 1 else set()
        if len(owners) == 1:
            links.union(next(iter(owners)), key)


def _link_shortened_names(people: list[tuple[list[str], _GroupKey]], links: _UnionFind) -> None:
    """A name of two or more words joins the one longer name of the dossier it shortens: its
    first and last words without the middle ones ("Anthony Wakefield", "Saif Gaddafi" for
    "Anthony John Wakefield", "Saif al-Islam Gaddafi"), or all but its second surname ("Byron
    Lima" for "Byron Lima Oliva"); not when two longer names do ("Saif al-Arab Gaddafi")."""
    by_short: dict[tuple[str, ...], set[_GroupKey]] = {}
    for words, key in people:
        if len(words) > 2:
            by_short.setdefault((words[0], words[-1]), set()).add(links.find(key))
            by_short.setdefault(tuple(words[:-1]), set()).add(links.find(key))
    for words, key in people:
        owners = by_short.get(tuple(words), set()) if len(words) > 1 else set()
        if len(owners) == 1:
            links.union(next(iter(owners)), key)


_VOWELS = frozenset("aiu")  # person_key has folded e into a, o into u and y into i
_MIN_SURNAME_LETTERS = 5
_MIN_VARIANT_LETTERS = 5  # "Ladin" and "Laden"; shorter surnames differ in one vowel too often ("Ali", "Ala")


def _link_vowel_variants(people: list[tuple[list[str], _GroupKey]], links: _UnionFind) -> None:
    """"Ayman al-Zawahri" joins "Ayman al-Zawahiri": the same given names and a surname that is
    the other's with one inner vowel dropped (a transliteration's unwritten short vowel, or a
    typo), when one person of the dossier is so named. So does a surname with one inner vowel
    written otherwise ("Hamza bin Ladin", "Hamza bin Laden")."""
    by_shorter: dict[tuple[str, ...], set[_GroupKey]] = {}
    by_pattern: dict[tuple[str, ...], set[_GroupKey]] = {}
    for words, key in people:
        surname = words[-1] if len(words) > 1 else ""
        if len(surname) < _MIN_VARIANT_LETTERS:
            continue
        for at in range(1, len(surname)):
            if surname[at] not in _VOWELS or surname[at - 1] in _VOWELS:
                continue
            if len(surname) > _MIN_SURNAME_LETTERS and at < len(surname) - 1:
                by_shorter.setdefault((*words[:-1], surname[:at] + surname[at + 1 :]), set()).add(links.find(key))
            by_pattern.setdefault((*words[:-1], f"{surname[:at]}*{surname[at + 1:]}"), set()).add(links.find(key))
    for words, key in people:
        owners = by_shorter.get(tuple(words), set()) if len(words) > 1 else set()
        if len(owners) == 1:
            links.union(next(iter(owners)), key)
    for owners in by_pattern.values():
        if len(owners) == 2:  # two spellings of one name; three or more are different people
            first, second = sorted(owners)
            links.union(first, second)


def _link_given_name_variants(local: list, links: _UnionFind) -> None:
    """"Mike Mullen" joins "Michael Mullen" and "Tony Blinken" "Antony Blinken" (an English
    nickname of the given name), "Khalid Ka'eem" "Khaled Kaim" (a given name with one inner
    vowel written otherwise, added or dropped: not its last letter, which tells "Mario" from
    "Maria" and "Khaled" from "Khaleda"), when the rest of the names is the same, each is the
    other's one such variant in the dossier, and no article names both (one that writes "Khaled
    el-Kweldi" and "Khalid el-Kweldi" means two people)."""
    keys: dict[str, _GroupKey] = {}
    articles: dict[str, set[str]] = {}
    for article_id, category, entity, key in local:
        if category == "actor" and entity.kind == "person":
            keys.setdefault(entity.name, key)
            articles.setdefault(entity.name, set()).add(article_id)
    given_names_by_rest: dict[tuple[str, ...], dict[str, list[str]]] = {}
    for name in keys:
        words = name_words(name)
        if len(words) > 1:
            rest = tuple(map(fold_spelling, words[1:]))
            given_names_by_rest.setdefault(rest, {}).setdefault(words[0], []).append(name)
    for given_names in given_names_by_rest.values():
        partners = {given: [other for other in given_names if other != given and same_given_name(given, other)]
                    for given in given_names}
        for given, found in partners.items():
            if len(found) != 1 or partners[found[0]] != [given]:
                continue
            names = given_names[given] + given_names[found[0]]
            cited = [articles[name] for name in names]
            if sum(map(len, cited)) == len(set().union(*cited)):  # no article names two of them
                for name in names[1:]:
                    links.union(keys[names[0]], keys[name])


def _link_bodies_taken_for_people(local: list, links: _UnionFind) -> None:
    """A name one article takes for a person's and another for a body's ("Guerreros Unidos" the
    cartel, "Verdad Abierta" the news site, "VerdadAbierta.com") is the body's: a body's kind
    comes from the words around it (a cartel, a newspaper), a person's from the name's shape."""
    bodies: dict[str, _GroupKey] = {}
    people: list[tuple[str, _GroupKey]] = []
    for _, category, entity, key in local:
        if category == "actor":
            joined = _outlet_core(entity.name).replace(" ", "")
            if entity.kind == "person":
                people.append((joined, key))
            else:
                bodies.setdefault(joined, key)
    for joined, key in people:
        if joined in bodies:
            links.union(bodies[joined], key)


def _link_place_spellings(local: list, links: _UnionFind) -> None:
    """A place the gazetteer does not know joins the one it knows of the same country whose name
    is another transliteration ("Rashideen" and "Rashidin", "al-Baida" and "Al Bayda": the
    spelling-blind key of person names); unknown ones so spelt join each other, and one an
    article could not put in a country joins the one country's place so spelt ("the Bajo Aguan"
    of a story that names no country). Two known places of one spelling stay apart (namesake
    villages)."""
    by_spelling: dict[tuple[str | None, str], set[_GroupKey]] = {}
    for _, category, entity, key in local:
        if category == "place" and entity.kind != "country" and (spelling := person_key(entity.name)):
            by_spelling.setdefault((entity.country, spelling), set()).add(key)
    countries_of_spelling: dict[str, list[str]] = {}
    for country, spelling in by_spelling:
        if country is not None:
            countries_of_spelling.setdefault(spelling, []).append(country)
    for (country, spelling), keys in by_spelling.items():
        if country is None and len(countries := countries_of_spelling.get(spelling, [])) == 1:
            keys |= by_spelling[(countries[0], spelling)]  # of no known country: the one place so spelt
    for keys in by_spelling.values():
        known = {links.find(key) for key in keys if key[0] == "gazetteer"}
        if len(keys) > 1 and len(known) <= 1:
            first, *rest = sorted(keys)
            for key in rest:
                links.union(first, key)


def _collect(local: list, links: _UnionFind, kb: KnowledgeBase, named: dict) -> dict[_GroupKey, _Group]:
    groups: dict[_GroupKey, _Group] = {}
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
    kinds = Counter({kind: count for kind, count in group.kinds.items() if kind != "person"}) or group.kinds
    return min(kinds, key=lambda kind: (-kinds[kind], kind))  # a body taken for a person: see _link_bodies_taken_for_people


def _assign_ids(groups: dict[_GroupKey, _Group]) -> dict[_GroupKey, str]:
    """Slug of the canonical name; on a clash every clashing entity gets its kind appended."""
    slugs = {root: slugify(_canonical_name(group)) for root, group in groups.items()}
    clashes = Counter(slugs.values())
    ids: dict[_GroupKey, str] = {}
    taken: set[str] = set()
    for root in sorted(groups, key=lambda r: (slugs[r], groups[r].category, _kind(groups[r]), r)):
        group = groups[root]
        candidate = slugs[root] if clashes[slugs[root]] == 1 else slugify(f"{_canonical_name(group)} {_kind(group)}")
        if candidate in taken:
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


def _shown_names(groups: dict[_GroupKey, _Group]) -> dict[_GroupKey, str]:
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


class _UnionFind:
    """Groups of keys that denote one entity; the smallest key of a group is its root."""

    def __init__(self) -> None:
        self.parent: dict[_GroupKey, _GroupKey] = {}

    def add(self, key: _GroupKey) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: _GroupKey) -> _GroupKey:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def roots(self) -> dict[_GroupKey, _GroupKey]:
        """Every key's root, for lookups after the last union."""
        return {key: self.find(key) for key in self.parent}

    def union(self, left: _GroupKey, right: _GroupKey) -> None:
        a, b = self.find(left), self.find(right)
        if a != b:
            # "kb" roots win so that a group stays a knowledge-base entity; then the smaller key.
            keep, drop = sorted((a, b), key=lambda k: (k[0] != "kb", k))
            self.parent[drop] = keep
