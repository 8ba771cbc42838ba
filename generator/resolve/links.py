"""How article-local entities are linked into one: the rules beyond an equal key (a surname
alone, a name's last words or shortened form, a spelling or nickname of it, a body taken for a
person, a place's other transliteration), applied to a union-find of group keys."""

from __future__ import annotations

import functools
import re

from generator.lexicon import AMERICAN_SPELLINGS
from generator.names import (
    ARABIC_ARTICLES, FOLDED_VOWELS, fold_spelling, is_nickname, name_words, normalize_surface, person_key, plain_words,
    same_given_name, without_leading_article)

GroupKey = tuple[str, str]  # (how it was grouped, value)


def link_entities(local: list, links: UnionFind, given_names: frozenset[str]) -> None:
    """Join in `links` the keys of `local` ((article id, category, entity, key) of every
    article-local entity) that these rules find to be one entity; `given_names` are first names
    as person_key spells them."""
    _link_people(local, links, given_names)
    _link_bodies_taken_for_people(local, links)
    _link_body_spellings(local, links)
    _link_place_spellings(local, links)


def body_key(name: str) -> str:
    """A normalised body's name with its words' plural "s" dropped and "for" said as "of": the
    "Islamic Revolutionary Guards Corps" and the "Islamic Revolutionary Guard Corps", the "Quds
    Forces" and the "Quds Force", the "International Organization for Migration" and "of
    Migration" are one body however a report words them."""
    return " ".join("of" if word == "for" else word[:-1] if len(word) > 3 and word.endswith("s")
                    and not word.endswith("ss") else word for word in name.split(" "))


@functools.lru_cache(maxsize=1 << 14)  # every mention of every body; names repeat across articles
def _body_spelling(name: str) -> str:
    """body_key with each word's transliteration folded and no "the": the "World Uighur Congress"
    and the "World Uyghur Congress", the "Assistance Association for Political Prisoners" and
    "for the Political Prisoners", the "Ulster Defence Association" and the "Ulster Defense Association"."""
    return " ".join(fold_spelling(AMERICAN_SPELLINGS.get(word, word))
                    for word in body_key(normalize_surface(name)).split(" ") if word != "the")


def _link_body_spellings(local: list, links: UnionFind) -> None:
    """Bodies (not people or outlets) one spelling apart (_body_spelling) are one, unless two
    knowledge-base entries are so spelt; and a body the knowledge base does not know that an
    article also calls by another body's name of two words or more is that body, when one body
    of the dossier has that name:
    "the Sudanese Rapid Support Forces" an article goes on to call the "Rapid Support Forces",
    the "Colombian Ombudsman's Office" that is the "Ombudsman's Office" of other articles; and
    see _link_shortened_bodies."""
    by_spelling: dict[str, set[GroupKey]] = {}
    also_called: list[tuple[GroupKey, set[str]]] = []
    in_article: dict[str, dict[str, GroupKey]] = {}
    for article_id, category, entity, key in local:
        if category != "actor" or entity.kind in ("person", "media"):
            continue
        spelling = _body_spelling(entity.name)
        by_spelling.setdefault(spelling, set()).add(key)
        in_article.setdefault(article_id, {})[spelling] = key
        if key[0] == "kb":
            continue  # a known body's other names are its own ("Popular" or "People's Liberation Army")
        others = {_body_spelling(mention.surface) for mention in entity.mentions
                  if " " in mention.surface.strip() and not mention.surface.isupper()} - {spelling}
        if others:
            also_called.append((key, others))
    for keys in by_spelling.values():
        if len(keys) > 1 and sum(key[0] == "kb" for key in keys) <= 1:
            first, *rest = sorted(keys)
            for key in rest:
                links.union(first, key)
    for key, others in also_called:
        for other in others:
            owners = {links.find(owner) for owner in by_spelling.get(other, ())}
            if len(owners) == 1:
                links.union(next(iter(owners)), key)
    for bodies in in_article.values():
        _link_shortened_bodies(bodies, links)


_OF = fold_spelling("of")  # as _body_spelling writes it


def _link_shortened_bodies(bodies: dict[str, GroupKey], links: UnionFind) -> None:
    """In one article, a body's name of two words or more that ends the name of one other body
    is that body's short form: "the Election Commission" after "the High National Elections
    Commission"; not the body another is part of ("the Council of the European Union")."""
    for short, key in bodies.items():
        if " " not in short:
            continue
        longer = [other for spelling, other in bodies.items()
                  if spelling.endswith(f" {short}") and not spelling.endswith(f" {_OF} {short}")]
        if len(longer) == 1:
            links.union(longer[0], key)


def _link_people(local: list, links: UnionFind, given_names: frozenset[str]) -> None:
    """"Lavrov" alone joins the one full-name person whose surname it is, if there is just one;
    then the rules for a name's tail, shortened form, spellings and nicknames."""
    names = dict.fromkeys((entity.name, key) for _, category, entity, key in local  # once per name
                          if category == "actor" and entity.kind == "person")
    people = [(person_key(name).split(), key) for name, key in names]
    full_by_surname: dict[str, set[GroupKey]] = {}
    for words, key in people:
        if len(words) > 1:
            full_by_surname.setdefault(words[-1], set()).add(links.find(key))
    for words, key in people:
        if len(words) == 1:
            owners = full_by_surname.get(words[0], set())
            if len(owners) == 1:
                links.union(next(iter(owners)), key)
    _link_name_tails(people, links, given_names)
    _link_shortened_names(people, links)
    _link_vowel_variants(people, links)
    _link_given_name_variants(local, links)
    _link_people_by_nickname(local, links)


def _link_name_tails(people: list[tuple[list[str], GroupKey]], links: UnionFind, given_names: frozenset[str]) -> None:
    """"Sanchez Ceren" in one article joins "Salvador Sanchez Ceren" of another when he is the
    one person of the dossier whose name ends so (Spanish names carry two surnames); a tail
    that opens with a first name is another person's whole name ("Muhammad Ali" is not "Safaa
    Mohammed Ali", whose father's name it ends with)."""
    by_tail: dict[tuple[str, ...], set[GroupKey]] = {}
    for words, key in people:
        for start in range(1, len(words) - 1):  # tails of two words or more, shorter than the name
            if words[start] not in given_names or words[start] in _SURNAME_OPENERS:
                by_tail.setdefault(tuple(words[start:]), set()).add(links.find(key))
    for words, key in people:
        owners = by_tail.get(tuple(words), set()) if len(words) > 1 else set()
        if len(owners) == 1:
            links.union(next(iter(owners)), key)


# First names that also open surnames: "Ben" (son of) in Maghrebi names ("Zine El Abidine Ben Ali").
_SURNAME_OPENERS = frozenset(map(fold_spelling, ("ben",)))


def _link_shortened_names(people: list[tuple[list[str], GroupKey]], links: UnionFind) -> None:
    """A name of two or more words joins the one longer name of the dossier it shortens: its
    first and last words without the middle ones ("Anthony Wakefield", "Saif Gaddafi" for
    "Anthony John Wakefield", "Saif al-Islam Gaddafi"), all but its second surname ("Byron
    Lima" for "Byron Lima Oliva"), or its first given name and first surname ("Miguel Trevino"
    for "Miguel Angel Trevino Morales"), or a middle name's initial ("Vikram K Doraiswami" for
    "Vikram Kumar Doraiswami"); not when two longer names do ("Saif al-Arab Gaddafi")."""
    by_short: dict[tuple[str, ...], set[GroupKey]] = {}
    for words, key in people:
        if len(words) > 2:
            by_short.setdefault((words[0], words[-1]), set()).add(links.find(key))
            by_short.setdefault(tuple(words[:-1]), set()).add(links.find(key))
            for middle in range(1, len(words) - 1):
                if len(words[middle]) > 1:
                    initialled = (*words[:middle], words[middle][0], *words[middle + 1 :])
                    by_short.setdefault(initialled, set()).add(links.find(key))
        if len(words) > 3:
            by_short.setdefault((words[0], words[-2]), set()).add(links.find(key))
    for words, key in people:
        owners = by_short.get(tuple(words), set()) if len(words) > 1 else set()
        if len(owners) == 1:
            links.union(next(iter(owners)), key)


_MIN_SURNAME_LETTERS = 5
_MIN_VARIANT_LETTERS = 5  # "Ladin" and "Laden"; shorter surnames differ in one vowel too often ("Ali", "Ala")


def _link_vowel_variants(people: list[tuple[list[str], GroupKey]], links: UnionFind) -> None:
    """"Ayman al-Zawahri" joins "Ayman al-Zawahiri": the same given names and a surname that is
    the other's with one inner vowel dropped (a transliteration's unwritten short vowel, or a
    typo), when one person of the dossier is so named. So does a surname with one inner vowel
    written otherwise ("Hamza bin Ladin", "Hamza bin Laden")."""
    by_shorter: dict[tuple[str, ...], set[GroupKey]] = {}
    by_pattern: dict[tuple[str, ...], set[GroupKey]] = {}
    for words, key in people:
        surname = words[-1] if len(words) > 1 else ""
        if len(surname) < _MIN_VARIANT_LETTERS:
            continue
        for at in range(1, len(surname)):
            if surname[at] not in FOLDED_VOWELS or surname[at - 1] in FOLDED_VOWELS:
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


def _link_given_name_variants(local: list, links: UnionFind) -> None:
    """"Mike Mullen" joins "Michael Mullen" and "Tony Blinken" "Antony Blinken" (an English
    nickname of the given name), "Khalid Ka'eem" "Khaled Kaim" (a given name with one inner
    vowel written otherwise, added or dropped: not its last letter, which tells "Mario" from
    "Maria" and "Khaled" from "Khaleda"), when the rest of the names is the same, each is the
    other's one such variant in the dossier, and, for a vowel, no article names both (one that
    writes "Khaled el-Kweldi" and "Khalid el-Kweldi" means two people; one that writes "Antony
    Blinken" and "Tony Blinken" does not)."""
    keys: dict[str, GroupKey] = {}
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
            if is_nickname(given, found[0]) or sum(map(len, cited)) == len(set().union(*cited)):
                for name in names[1:]:
                    links.union(keys[names[0]], keys[name])


def _link_people_by_nickname(local: list, links: UnionFind) -> None:
    """Two people of the dossier that articles give one nickname ("Eduardo Costilla, alias El
    Coss" and "Jorge Eduardo Costilla Sanchez ("El Coss")") and that share a word of their names
    are one: the shared word keeps apart two men nicknamed "El Loco"."""
    by_nickname: dict[str, list[tuple[frozenset[str], GroupKey]]] = {}
    for _, category, entity, key in local:
        if category != "actor" or entity.kind != "person":
            continue
        words = frozenset(person_key(entity.name).split())
        for nickname in {person_key(mention.surface) for mention in entity.mentions}:
            if nickname and not words.issuperset(nickname.split()):
                by_nickname.setdefault(nickname, []).append((words, key))
    for named in by_nickname.values():
        for (words, key), (other_words, other_key) in zip(named, named[1:]):
            if words & other_words:
                links.union(key, other_key)


def _link_bodies_taken_for_people(local: list, links: UnionFind) -> None:
    """A name one article takes for a person's and another for a body's ("Guerreros Unidos" the
    cartel, "Verdad Abierta" the news site, "VerdadAbierta.com") is the body's: a body's kind
    comes from the words around it (a cartel, a newspaper), a person's from the name's shape."""
    bodies: dict[str, GroupKey] = {}
    people: list[tuple[str, GroupKey]] = []
    for _, category, entity, key in local:
        if category == "actor":
            joined = outlet_key(entity.name)
            if entity.kind == "person":
                people.append((joined, key))
            else:
                bodies.setdefault(joined, key)
    for joined, key in people:
        if joined in bodies:
            links.union(bodies[joined], key)


def _link_place_spellings(local: list, links: UnionFind) -> None:
    """A place the gazetteer does not know joins the one it knows of the same country whose name
    is another transliteration of its name or of a spelling the articles use for it ("Rashideen"
    and "Rashidin", "al-Baida" and "Al Bayda", "Baqouba" and "Baquba": see _place_spelling);
    unknown ones so spelt join each other, and one an
    article could not put in a country joins the one country's place so spelt ("the Bajo Aguan"
    of a story that names no country). Two known places of one spelling stay apart (namesake
    villages)."""
    by_spelling: dict[tuple[str | None, str], set[GroupKey]] = {}
    for _, category, entity, key in local:
        if category != "place" or entity.kind == "country":
            continue
        written = {entity.name}
        if key[0] == "gazetteer":
            written.update(mention.surface for mention in entity.mentions)
        for spelling in filter(None, map(_place_spelling, written)):
            # a district is never its namesake town: "Lira district" and "Lira town" are two places
            by_spelling.setdefault((entity.country, f"{_tier(entity.kind)}:{spelling}"), set()).add(key)
    countries_of_spelling: dict[str, list[str]] = {}
    for country, spelling in by_spelling:
        if country is not None:
            countries_of_spelling.setdefault(spelling, []).append(country)
    for (country, spelling), keys in by_spelling.items():
        if (country is None and len(countries := countries_of_spelling.get(spelling, [])) == 1
                and not any(key[0] == "gazetteer" for key in keys)):
            # of no known country: the one place so spelt, unless a place of no country is so
            # spelt ("the Sahel region" is the Sahel, not Burkina Faso's Sahel Region)
            keys |= by_spelling[(countries[0], spelling)]
    for keys in by_spelling.values():
        known = {links.find(key) for key in keys if key[0] == "gazetteer"}
        if len(keys) > 1 and len(known) <= 1:
            first, *rest = sorted(keys)
            for key in rest:
                links.union(first, key)


def _tier(kind: str) -> str:
    return "division" if kind in ("district", "region", "governorate") else "ground"


def _place_spelling(name: str) -> str:
    """A place's name with each word's transliteration folded (names.fold_spelling: "Baqubah"
    and "Baquba", "Rashideen" and "Rashidin") and without an article ("al-Baida", "La Concepción"); other
    particles stay, as "Abu Shouk" is no "Souk"."""
    return " ".join(fold_spelling(word) for word in plain_words(name) if word not in _ARTICLES)


_ARTICLES = ARABIC_ARTICLES | frozenset("the la le les los las lo il".split())  # "La Concepción" and "Concepción"


_OUTLET_PREFIX = re.compile(r"^(?:revista|diario|periodico|periódico|semanario|jornal)\s+(?=\S)")
_OUTLET_SUFFIX = re.compile(r"(?<=\S)\s+(?:tv|television|newspaper|magazine|daily)$")


def outlet_core(name: str) -> str:
    """An outlet's name without the word for what it is or its web domain's ending:
    "Revista Proceso" and "Proceso", "Nile News TV" and "Nile News"."""
    core = _OUTLET_SUFFIX.sub("", _OUTLET_PREFIX.sub("", normalize_surface(name)))
    return _DOMAIN_END.sub("", core)


def outlet_key(name: str) -> str:
    """outlet_core without a leading article or spaces, which reports drop or keep: "La Prensa
    Libre" and "Prensa Libre", "VerdadAbierta.com" and "Verdad Abierta" are one outlet."""
    return without_leading_article(outlet_core(name)).replace(" ", "")


_DOMAIN_END = re.compile(r"(?<=\w)\.(?:com|org|net|info|news|tv)(?:\.[a-z]{2})?$")


class UnionFind:
    """Groups of keys that denote one entity; the smallest key of a group is its root."""

    def __init__(self) -> None:
        self.parent: dict[GroupKey, GroupKey] = {}

    def add(self, key: GroupKey) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: GroupKey) -> GroupKey:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def roots(self) -> dict[GroupKey, GroupKey]:
        """Every key's root, for lookups after the last union."""
        return {key: self.find(key) for key in self.parent}

    def union(self, left: GroupKey, right: GroupKey) -> None:
        a, b = self.find(left), self.find(right)
        if a != b:
            # "kb" roots win so that a group stays a knowledge-base entity; then the smaller key.
            keep, drop = sorted((a, b), key=lambda k: (k[0] != "kb", k))
            self.parent[drop] = keep
