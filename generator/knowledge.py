"""The knowledge base: the shipped list of known actors, corrected by the analyst's YAML file.

Extraction finds names; the knowledge base says which real-world entity a name is, so that
"Syria Civil Defense" and "the White Helmets" land on one page. Analysts fix what the shipped
list gets wrong in one YAML file, applied on top of it. Its schema (every key optional):

    actors:                  # add an actor, or amend the one whose name or alias matches
      - name: Ammar al Selmo
        kind: person         # person, organization, government, armed_group, media
        aliases: [Ammar al-Selmo]
        description: Head of the Syria Civil Defense in Aleppo.
    places:                  # same fields; kind is a place kind (village, district, ...)
      - {name: Beshkatine, kind: town, country: Syria, description: ...}
    merges:                  # fold entries into one; every name must be known
      - {into: White Helmets, names: [Syrian Civil Defense]}
    splits:                  # take aliases away from an entry; with `kind`, each becomes its own entry
      - {from: US government, aliases: [CENTCOM], kind: organization}
    renames:                 # change a canonical name; the old one stays an alias
      - {from: Sergey Lavrov, to: Sergei Lavrov}
    ignores: [Related, BlackBerry]   # surfaces that never become an actor

Entry fields are those of `KbEntry` (see generator/data/knowledge_base.yaml for their meaning).
Every problem in the analyst file is collected, then raised at once as one ConfigError.
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.config import yaml_problem
from generator.errors import ConfigError
from generator.models import ACTOR_KINDS, PLACE_KINDS
from generator.regions import AUTO_PACKS, pack_knowledge_file, packs_to_load, world_countries
from generator.slugs import slugify
from generator.text import web_host
from generator.lexicon import FUNCTION_WORDS
from generator.names import normalize_surface
from generator.yamlio import load_yaml, parsed_shipped

SHIPPED_FILE = Path(__file__).parent / "data" / "knowledge_base.yaml"
GIVEN_NAMES_FILE = Path(__file__).parent / "data" / "given_names.txt"  # built by tools/build_given_names.py
_CATEGORY_OF_SECTION = {"actors": "actor", "places": "place"}
_KINDS = {"actor": ACTOR_KINDS, "place": PLACE_KINDS}
_LIST_FIELDS = ("aliases", "domains", "demonyms", "metonyms", "references")
_TEXT_FIELDS = ("name", "kind", "description", "country")
_ENTRY_FIELDS = frozenset((*_LIST_FIELDS, *_TEXT_FIELDS, "wire"))
_ANALYST_SECTIONS = frozenset(("actors", "places", "merges", "splits", "renames", "ignores"))
_SHIPPED_SECTIONS = frozenset(("actors", "places", "given_names"))
_PACK_SECTIONS = frozenset(("actors",))
# Photo credits name an agency without the text being its copy ("... air strikes. Handout / AP").
_PHOTO_CREDIT_BEFORE = re.compile(r"(?:handout|photo|image|pool|file|getty|credit)\W{0,4}$", re.IGNORECASE)
_PHOTO_CREDIT_AFTER = re.compile(r"\s*(?:photo|/\s*getty|images)", re.IGNORECASE)


@dataclass(frozen=True)
class KbEntry:
    """One known actor or place; `id` is stable across analyst renames."""

    id: str
    name: str
    category: str  # "actor" or "place"
    kind: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    country: str | None = None
    domains: tuple[str, ...] = ()  # media: web domains and outlet codes
    wire: bool = False  # media: a news agency
    demonyms: tuple[str, ...] = ()  # governments: "Russian" (+ "warplanes")
    metonyms: tuple[str, ...] = ()  # governments: "Moscow", only when it acts
    references: tuple[str, ...] = ()  # lower-case generic phrases ("the regime")

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


# eq=False: identity hash, so per-KB caches (compiled matchers) are cheap to look up.
@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    entries: tuple[KbEntry, ...]  # sorted by id
    ignores: frozenset[str] = frozenset()  # casefolded surfaces
    given_names: frozenset[str] = frozenset()
    by_id: Mapping[str, KbEntry] = field(default_factory=dict, repr=False)
    warnings: tuple[str, ...] = ()  # "file: section: name: what was left out", one a line
    packs: tuple[str, ...] = AUTO_PACKS  # the region packs in force (generator.regions)

    def entry(self, kb_id: str) -> KbEntry | None:
        return self.by_id.get(kb_id)

    def is_ignored(self, surface: str) -> bool:
        return bool(self.ignores) and normalize_surface(surface) in self.ignores

    def actors(self) -> tuple[KbEntry, ...]:
        return tuple(entry for entry in self.entries if entry.category == "actor")

    def places(self) -> tuple[KbEntry, ...]:
        """The analyst's places (the shipped base holds actors only): found like gazetteer places."""
        return tuple(entry for entry in self.entries if entry.category == "place")


def load_knowledge_base(analyst_file: Path | None = None, packs: tuple[str, ...] = AUTO_PACKS) -> KnowledgeBase:
    """The shipped world knowledge base, the region packs' actors (all of them when each article
    chooses its packs), then the analyst's corrections on top."""
    problems: list[str] = []
    shipped = _read_yaml(SHIPPED_FILE, _SHIPPED_SECTIONS, problems, load=parsed_shipped)
    drafts = _Drafts()
    packs = AUTO_PACKS if packs == AUTO_PACKS else tuple(sorted(set(packs)))
    pack_files = [path for path in map(pack_knowledge_file, packs_to_load(packs)) if path.exists()]
    for path, data in [(SHIPPED_FILE, shipped),
                       *((path, _read_yaml(path, _PACK_SECTIONS, problems, load=parsed_shipped)) for path in pack_files)]:
        for section, category in _CATEGORY_OF_SECTION.items():
            for raw in _as_list(data.get(section), f"{path.name}: {section}", problems):
                drafts.upsert(raw, category, f"{path.name}: {section}", problems)
    _add_world_governments(drafts, problems)
    ignores: list[str] = []
    if analyst_file is not None:
        analyst = _read_yaml(Path(analyst_file), _ANALYST_SECTIONS, problems, load=load_yaml)
        _apply_analyst(analyst, drafts, ignores, Path(analyst_file).name, problems)
    problems.extend(drafts.alias_conflicts())
    if problems:
        raise ConfigError(problems)
    entries = drafts.freeze()
    return KnowledgeBase(
        entries=entries,
        ignores=frozenset(normalize_surface(text) for text in ignores),
        given_names=_given_names(shipped),
        by_id=types.MappingProxyType({entry.id: entry for entry in entries}),
        warnings=tuple(drafts.warnings),
        packs=packs,
    )


def _add_world_governments(drafts: _Drafts, problems: list[str]) -> None:
    """"<Nationality> government" for every country the shipped list lacks: "Libyan forces",
    "Mexican authorities" and "Tripoli said" are its government wherever the story is."""
    # a country's own government is named by its demonyms or its name; an agency (Pakistan's
    # Inter-Services Intelligence) is one body of it, not the government
    governed = {draft["country"] for draft in drafts.by_id.values()
                if draft["kind"] == "government" and (draft["demonyms"] or draft["metonyms"])}
    for country in world_countries():
        if country.name in governed or not country.nationalities:
            continue
        name = f"{country.nationalities[0]} government"
        if drafts.find(name, "actor") is not None:
            continue
        drafts.upsert({"name": name, "kind": "government", "country": country.name,
                       "demonyms": list(country.nationalities),
                       "metonyms": [country.name, *([country.capital] if country.capital else [])],
                       "description": f"The government of {country.name} and its armed forces."},
                      "actor", "generator/data/world.yaml: nationalities", problems)


def _given_names(shipped: dict) -> frozenset[str]:
    """The curated first names of every region, and the census list (see GIVEN_NAMES_FILE)."""
    census = (line.strip() for line in GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines())
    return frozenset((*(str(name) for name in shipped.get("given_names") or ()),
                      *(name for name in census if name and not name.startswith("#"))))


def _read_yaml(path: Path, allowed: frozenset[str], problems: list[str], load: Callable[[str], object]) -> dict:
    try:
        data = load(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        problems.append(f"{path}: cannot read: {error.strerror or error}")
        return {}
    except yaml.YAMLError as error:
        problems.append(yaml_problem(str(path), error))
        return {}
    except RecursionError:
        problems.append(f"{path}: not valid YAML: nested too deeply")
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(f"{path}: expected a mapping of sections, got {type(data).__name__}")
        return {}
    for key in sorted(set(map(str, data)) - allowed):
        problems.append(f"{path.name}: unknown section {key!r} (allowed: {', '.join(sorted(allowed))})")
    return data


def _as_list(value: object, where: str, problems: list[str]) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{where}: expected a list, got {type(value).__name__}")
        return []
    return value


def _apply_analyst(data: dict, drafts: _Drafts, ignores: list[str], name: str, problems: list[str]) -> None:
    for section, category in _CATEGORY_OF_SECTION.items():
        for raw in _as_list(data.get(section), f"{name}: {section}", problems):
            drafts.upsert(raw, category, f"{name}: {section}", problems)
    for raw in _as_list(data.get("merges"), f"{name}: merges", problems):
        drafts.merge(raw, f"{name}: merges", problems)
    for raw in _as_list(data.get("splits"), f"{name}: splits", problems):
        drafts.split(raw, f"{name}: splits", problems)
    for raw in _as_list(data.get("renames"), f"{name}: renames", problems):
        drafts.rename(raw, f"{name}: renames", problems)
    for surface in _as_list(data.get("ignores"), f"{name}: ignores", problems):
        if isinstance(surface, str) and surface.strip():
            ignores.append(surface)
        else:
            problems.append(f"{name}: ignores: expected a name, got {surface!r}")


def _directive(raw: object, required: dict[str, type], where: str, problems: list[str]) -> dict | None:
    """A merge/split/rename mapping with exactly the keys it needs, or None (problem noted)."""
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a mapping, got {raw!r}")
        return None
    unknown = sorted(set(map(str, raw)) - set(required) - {"kind", "description"})
    missing = [key for key, kind in required.items() if not isinstance(raw.get(key), kind)]
    for key in unknown:
        problems.append(f"{where}: unknown key {key!r}")
    for key in missing:
        problems.append(f"{where}: {key!r} is required ({required[key].__name__})")
    return None if unknown or missing else raw


class _Drafts:
    """Mutable entries while loading; frozen into KbEntry tuples at the end (load-local only)."""

    def __init__(self) -> None:
        self.by_id: dict[str, dict] = {}
        self.warnings: list[str] = []  # names left out; the entries are kept
        # Normalised name -> drafts that have it, in order of addition, while only upserts ran:
        # a scan of every draft per upsert made loading the shipped base quadratic. Merges,
        # splits and renames drop it (find then scans).
        self._index: dict[str, list[dict]] | None = {}

    def find(self, surface: str, category: str | None = None) -> dict | None:
        wanted = normalize_surface(surface)
        drafts = self.by_id.values() if self._index is None else self._index.get(wanted, ())
        for draft in drafts:
            if category in (None, draft["category"]) and wanted in _names_of(draft):
                return draft
        return None

    def _indexed(self, draft: dict) -> None:
        if self._index is not None:
            for name in _names_of(draft):
                listed = self._index.setdefault(name, [])
                if draft not in listed:
                    listed.append(draft)

    def upsert(self, raw: object, category: str, where: str, problems: list[str]) -> None:
        fields = _entry_fields(raw, category, where, problems, self.warnings)
        if fields is None:
            return
        existing = self.find(fields["name"], category)
        if existing is None:
            self._add(fields, category, where, problems)
            return
        for key in _LIST_FIELDS:
            existing[key] = _unique([*existing[key], *fields.get(key, ())])
        for key in ("kind", "description", "country", "wire"):
            if key in fields:
                existing[key] = fields[key]
        self._indexed(existing)

    def _add(self, fields: dict, category: str, where: str, problems: list[str]) -> None:
        if "kind" not in fields:
            problems.append(f"{where}: {fields['name']!r} is new and needs a kind")
            return
        entry_id = slugify(fields["name"])
        if entry_id in self.by_id:
            entry_id = slugify(f"{fields['name']} {category}")
        draft = {key: fields.get(key, ()) for key in _LIST_FIELDS}
        draft.update(id=entry_id, category=category, name=fields["name"], kind=fields["kind"],
                     description=fields.get("description"), country=fields.get("country"),
                     wire=bool(fields.get("wire", False)))
        if entry_id in self.by_id:
            self._index = None  # an entry replaced: the index no longer says which drafts exist
        self.by_id[entry_id] = draft
        self._indexed(draft)

    def merge(self, raw: object, where: str, problems: list[str]) -> None:
        self._index = None
        directive = _directive(raw, {"into": str, "names": list}, where, problems)
        if directive is None:
            return
        target = self._known(directive["into"], where, problems)
        for name in directive["names"]:
            other = self._known(str(name), where, problems)
            if target is None or other is None or other is target:
                continue
            for key in _LIST_FIELDS:
                target[key] = _unique([*target[key], *([other["name"]] if key == "aliases" else []), *other[key]])
            del self.by_id[other["id"]]

    def split(self, raw: object, where: str, problems: list[str]) -> None:
        self._index = None
        directive = _directive(raw, {"from": str, "aliases": list}, where, problems)
        if directive is None:
            return
        source = self._known(directive["from"], where, problems)
        if source is None:
            return
        kind = directive.get("kind")
        if kind is not None and kind not in _KINDS[source["category"]]:
            problems.append(f"{where}: bad kind {kind!r} for {source['category']} {source['name']!r}")
            kind = None
        for alias in map(str, directive["aliases"]):
            kept = [text for text in source["aliases"] if normalize_surface(text) != normalize_surface(alias)]
            if len(kept) == len(source["aliases"]):
                problems.append(f"{where}: {alias!r} is not an alias of {source['name']!r}")
                continue
            source["aliases"] = kept
            if kind is not None:
                fields = {"name": alias, "kind": kind, "description": directive.get("description")}
                self._add(fields, source["category"], where, problems)

    def rename(self, raw: object, where: str, problems: list[str]) -> None:
        self._index = None
        directive = _directive(raw, {"from": str, "to": str}, where, problems)
        draft = None if directive is None else self._known(directive["from"], where, problems)
        if draft is None:
            return
        old_name, draft["name"] = draft["name"], directive["to"].strip()
        draft["aliases"] = _unique([old_name, *draft["aliases"]])

    def _known(self, surface: str, where: str, problems: list[str]) -> dict | None:
        draft = self.find(surface)
        if draft is None:
            problems.append(f"{where}: unknown name {surface!r} (add it under actors/places first)")
        return draft

    def alias_conflicts(self) -> list[str]:
        """One problem per name claimed by two entries of one category."""
        owners: dict[tuple[str, str], set[str]] = {}
        for draft in self.by_id.values():
            for text in (draft["name"], *draft["aliases"]):
                owners.setdefault((draft["category"], normalize_surface(text)), set()).add(draft["name"])
        return [
            f"alias {surface!r} is claimed by several {category}s: {', '.join(sorted(names))}"
            for (category, surface), names in sorted(owners.items())
            if len(names) > 1
        ]

    def freeze(self) -> tuple[KbEntry, ...]:
        entries = []
        for entry_id in sorted(self.by_id):
            draft = self.by_id[entry_id]
            aliases = [text for text in draft["aliases"] if text != draft["name"]]
            entries.append(KbEntry(
                id=entry_id, name=draft["name"], category=draft["category"], kind=draft["kind"],
                aliases=tuple(aliases), description=draft["description"], country=draft["country"],
                domains=tuple(draft["domains"]), wire=draft["wire"], demonyms=tuple(draft["demonyms"]),
                metonyms=tuple(draft["metonyms"]), references=tuple(draft["references"]),
            ))
        return tuple(entries)


def _names_of(draft: dict) -> frozenset[str]:
    """Normalised name and aliases of a draft, recomputed only when they changed."""
    surfaces = (draft["name"], *draft["aliases"])
    if draft.get("_surfaces") != surfaces:
        draft["_surfaces"], draft["_names"] = surfaces, frozenset(map(normalize_surface, surfaces))
    return draft["_names"]


def _usable_name(text: str, where: str, warnings: list[str]) -> bool:
    """A name an article can contain: some letters or digits, not a function word ("the",
    "said"); else a warning and the name is left out."""
    words = _WORDS.findall(text)
    if not words:
        if text.strip():
            warnings.append(f"{where}: {text!r} has no letters or digits: left out")
        return False
    if len(words) == 1 and words[0].casefold() in FUNCTION_WORDS and not words[0].isupper():  # "WHO", "IS": acronyms
        warnings.append(f"{where}: {text!r} is a common word, it would mark every article: left out")
        return False
    return True


_WORDS = re.compile(r"\w+")


def _entry_fields(raw: object, category: str, where: str, problems: list[str],
                  warnings: list[str]) -> dict | None:
    """Validated fields of one entry mapping, or None when it cannot be used."""
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a mapping with a name, got {raw!r}")
        return None
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}: entry without a name: {raw!r}")
        return None
    label = f"{where}: {name!r}"
    if not _usable_name(name, label, warnings):
        return None
    ok = True
    for key in sorted(set(map(str, raw)) - _ENTRY_FIELDS):
        problems.append(f"{label}: unknown key {key!r} (allowed: {', '.join(sorted(_ENTRY_FIELDS))})")
        ok = False
    if "kind" in raw and raw["kind"] not in _KINDS[category]:
        problems.append(f"{label}: bad kind {raw['kind']!r} (allowed: {', '.join(_KINDS[category])})")
        ok = False
    fields: dict = {"name": name.strip()}
    for key in _LIST_FIELDS:
        if key in raw:
            values = raw[key]
            if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
                problems.append(f"{label}: {key} must be a list of names")
                ok = False
            else:
                fields[key] = [value.strip() for value in values if _usable_name(value, f"{label}: {key}", warnings)]
    for key in ("kind", "description", "country"):
        if key in raw and raw[key] is not None:
            fields[key] = str(raw[key]).strip()
    if "wire" in raw:
        fields["wire"] = bool(raw["wire"])
    return fields if ok else None


def _unique(values: list[str]) -> list[str]:
    """First occurrence of each value, keeping order (the YAML's order is meaningful)."""
    return list(dict.fromkeys(values))


# --- publishers and wires -----------------------------------------------------------------


def publisher_name(domain_or_code: str, kb: KnowledgeBase) -> str | None:
    """Display name of the outlet behind a URL, domain or short code ("sana"), if known."""
    lookup = _media_lookup(kb)
    host = web_host(domain_or_code)
    labels = host.split(".")
    for start in range(len(labels)):  # "edition.cnn.com" -> "cnn.com"
        name = lookup.get(".".join(labels[start:]))
        if name is not None:
            return name
    return lookup.get(normalize_surface(domain_or_code))


@functools.lru_cache(maxsize=8)
def _media_lookup(kb: KnowledgeBase) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for entry in kb.entries:
        if entry.category == "actor" and entry.kind == "media":
            for key in (*entry.domains, *map(normalize_surface, entry.surfaces)):
                lookup.setdefault(key.lower(), entry.name)
    return lookup


@functools.cache
def shipped_wire_names() -> Mapping[str, str]:
    """Lower-cased name or alias -> name, for every news agency of the shipped knowledge base:
    what readers recognise in bylines, datelines and "Source:" lines (they run before an
    analyst's file is read)."""
    return types.MappingProxyType({surface.lower(): entry.name for entry in load_knowledge_base(None).entries
                                   if entry.category == "actor" and entry.wire for surface in entry.surfaces})


def wires_in(text: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """News agencies whose copy the text carries ("told Reuters", "(AFP) -"), first seen first.

    Photo credits ("Handout / AP") are left out: the picture is the agency's, not the text.
    """
    pattern, name_of = _wire_pattern(kb)
    found: list[str] = []
    for match in pattern.finditer(text):
        if _PHOTO_CREDIT_BEFORE.search(text, max(0, match.start() - 14), match.start()):
            continue
        if _PHOTO_CREDIT_AFTER.match(text, match.end()):
            continue
        name = name_of[match.group(0)]
        if name not in found:
            found.append(name)
    return tuple(found)


@functools.lru_cache(maxsize=8)
def _wire_pattern(kb: KnowledgeBase) -> tuple[re.Pattern[str], dict[str, str]]:
    name_of = {
        surface: entry.name
        for entry in kb.entries
        if entry.category == "actor" and entry.wire
        for surface in entry.surfaces
    }
    alternatives = "|".join(re.escape(surface) for surface in sorted(name_of, key=lambda s: (-len(s), s)))
    # A look-ahead for the names' first letters turns most positions down before the alternation.
    guard = "(?=[" + re.escape("".join(sorted({surface[0] for surface in name_of}))) + "])" if name_of else ""
    return re.compile(rf"{guard}(?<![\w.-])(?:{alternatives})(?![\w-])"), name_of

