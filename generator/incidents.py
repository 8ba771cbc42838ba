"""Event resolution: the casualty claims of all articles grouped into incidents.

The rule, in order:

1. **Reports.** An article's claims are split into the incidents its text distinguishes: claims
   whose places differ (a town and another town, a city and a town outside it) are different
   incidents; a claim whose sentence names no place, only a country or region that holds the
   article's main place, or only a region beyond countries ("the Middle East"), belongs to the
   article's main place. A claim placed no lower than a division takes the settlement inside it
   where the article states the same count again (see _restated_places). Background claims (an
   earlier event, a war tally: see generator.claim_roles) report no incident of the dossier and
   are left out.
2. **Dates.** A report's date is the article's event date (its publication date when it gives
   none). Reports join an incident first reported at most `DATE_TOLERANCE_DAYS` earlier: next-day
   reports and late counts join, a series of daily strikes on one city does not chain into one.
3. **Places.** A report joins an incident when its place and every place of the incident nest
   (a district in its city, a city in its governorate or region, anything in its country) or are
   equal; two towns of one governorate stay apart. Places that do not nest still fit when the
   reports' words are strongly similar (rule 4) and each side's articles name the other's place,
   and a place any article puts in a city's suburbs or outskirts ("Douma, a suburb of Damascus")
   fits a report at that city whose article speaks of the city's suburbs or outskirts (an attack
   "on the outskirts of Damascus"; rockets on Damascus itself stay apart from air strikes on
   Douma). Two reports of one article never join.
4. **Evidence.** A report placed only at country level (or not at all) joins only on strong
   evidence: the words of its title and claim sentences weigh at least `STRONG_SIMILARITY`
   (idf-weighted overlap) against a report of the incident. Undated reports join only on strong
   evidence and a shared place below country level.
5. **Kinds of attack.** Reports that each name a kind of attack (lexicon.ATTACK_KINDS) but no
   kind in common stay apart unless their words are strongly similar.
6. Among the incidents a report may join it takes the most similar; ties go to the incident
   made first. Reports are taken in date order, then by article id: the result is the same
   whatever the order of the input files.

Per incident and casualty kind, only current totals are compared: claims whose role is total or
update, counting everyone (people, civilians) when some claim does, of one article and one
claimant only the largest (the smaller are its parts), and of each claimant (the actor credited,
else the outlet) only its newest report date; an older total of the same claimant
is an update, shown as the toll over time. Totals disagree when their counts cannot both be true
("more than 30" and "nearly 30"; "at least 112" and 126 agree) and they come from different
claimants, or from one claimant on one day in different articles. Low / best / high (UCDP) and
the most conservative total (ACLED) are computed over current totals.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from generator.claim_roles import BACKGROUND
from generator.lexicon import ATTACK_KINDS
from generator.models import TOTAL_WHO, Claim, Entity, Estimate, Event, ExtractedArticle

DATE_TOLERANCE_DAYS = 1
STRONG_SIMILARITY = 0.35
RESTATED_MIN_COUNT = 10
_PLACE_DEPTH = {"country": 0, "governorate": 1, "region": 1, "city": 2, "town": 2, "village": 2, "area": 2,
                "district": 3}
_WORD = re.compile(r"[a-z][a-z'’-]{3,}")
_ATTACK_KIND_NAMES = tuple(ATTACK_KINDS)
# One pass over the text finds every kind: group k{i} is the i-th kind of ATTACK_KINDS.
_ATTACK_WORDS = re.compile(
    r"\b(?:" + "|".join(f"(?P<k{i}>{words})" for i, words in enumerate(ATTACK_KINDS.values())) + r")\b", re.IGNORECASE)
# Words of news about any incident: they say nothing about which one. (Words of one war, its
# country and its monitors, weigh little anyway: the weights are the dossier's own idf.)
_COMMON_WORDS = frozenset(
    "said says that with from were have been this they their after killed people civilians wounded injured "
    "dead death toll according also other more than least about into over some which while when where "
    "report reported reports attack attacks".split())


def is_beyond_countries(place: Entity) -> bool:
    """A region or area of no one country ("the Middle East", "the Mediterranean"): it tells
    no incident apart and is no article's main place."""
    return place.kind in ("region", "area") and place.country is None


# Between two place names, the first lies on the edge of the second: "Douma, a rebel-held suburb
# of Damascus", "Eastern Ghouta, on the outskirts of Damascus", "the Ghouta suburbs of Damascus",
# "Eastern Ghouta is a key rebel bastion on the outskirts of Damascus".
_EDGE_WORDS = r"(?:suburbs?|outskirts|edge)"
_EDGE_OF_NEXT = re.compile(
    r"(?:,|\s+(?:is|lies))?\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?)?(?:(?:on|in)\s+the\s+)?"
    rf"{_EDGE_WORDS}\s+of\s+(?:the\s+)?", re.IGNORECASE)
# ... and the second on the edge of the first: "the Damascus suburb of Jaramana".
_NEXT_ON_EDGE = re.compile(r"\s+suburb\s+of\s+", re.IGNORECASE)
# Before a city's name: the text speaks of its edge ("on the outskirts of Damascus").
_EDGE_BEFORE = re.compile(rf"\b{_EDGE_WORDS}\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def edge_places(body: str, spans: Iterable[tuple[int, int, str]]) -> set[tuple[str, str]]:
    """(place, city) pairs where the text puts a place in a city's suburbs or outskirts, from the
    (start, end, place id) spans of an article's place mentions."""
    ordered = sorted(spans)
    pairs = set()
    for (_, end, first), (start, _, second) in zip(ordered, ordered[1:]):
        gap = body[end:start]
        if _NEXT_ON_EDGE.fullmatch(gap):
            pairs.add((second, first))
        elif _EDGE_OF_NEXT.fullmatch(gap):
            pairs.add((first, second))
    return {(inner, outer) for inner, outer in pairs if inner != outer}


def edge_cities(body: str, spans: Iterable[tuple[int, int, str]]) -> frozenset[str]:
    """The places whose suburbs or outskirts the text speaks of."""
    return frozenset(place for start, _, place in spans if _EDGE_BEFORE.search(body, max(0, start - 30), start))


class PlaceTree:
    """Which places nest in which, from the kinds, regions and countries of the dossier's places,
    and which lie on a city's edge by the dossier's articles (see edge_places)."""

    def __init__(self, entities: Mapping[str, Entity], edges: Iterable[tuple[str, str]] = ()):
        self._entities = entities
        self._edges = frozenset((inner, outer) for inner, outer in edges
                                if entities[outer].kind in ("city", "town") and self.depth(inner) >= 2)

    def on_edge(self, inner_id: str | None, outer_id: str | None) -> bool:
        """Whether an article puts the first place in the second's suburbs or outskirts."""
        return (inner_id, outer_id) in self._edges

    def depth(self, place_id: str | None) -> int:
        """0 for a country, a region beyond countries or no place, 1 for a first-level division,
        2 for a settlement, 3 below."""
        place = self._entities.get(place_id) if place_id else None
        return 0 if place is None or is_beyond_countries(place) else _PLACE_DEPTH.get(place.kind, 2)

    def is_specific(self, place_id: str | None) -> bool:
        """Below country level: a place that tells incidents apart."""
        return self.depth(place_id) > 0

    def contains(self, outer_id: str, inner_id: str) -> bool:
        outer, inner = self._entities[outer_id], self._entities[inner_id]
        if outer.kind == "country":
            return inner.kind != "country" and inner.country == outer.name
        if outer.kind in ("governorate", "region"):
            return (self.depth(inner_id) > 1 and outer.region is not None and inner.region == outer.region
                    and inner.country == outer.country)
        if outer.kind == "city":
            return inner.kind == "district" and inner.region == outer.region and inner.country == outer.country
        return False

    def nest(self, a: str | None, b: str | None) -> bool:
        """Equal, one inside the other, or one of them unknown."""
        return a is None or b is None or a == b or self.contains(a, b) or self.contains(b, a)


@dataclass(frozen=True)
class IncidentReport:
    """The claims one article makes about one incident."""

    article: ExtractedArticle
    claims: tuple[Claim, ...]
    date: dt.date | None
    place_id: str | None
    words: frozenset[str]
    attack_kinds: frozenset[str]
    named_places: frozenset[str]  # every place the article names, districts rolled up to their city
    edge_cities: frozenset[str]  # the places whose suburbs or outskirts the article speaks of

    @property
    def order(self) -> tuple:
        return (self.date is None, self.date or dt.date.min, self.article.id, self.claims[0].index)


@dataclass(eq=False)  # compared by identity: two incidents are never "equal"
class _Incident:
    """An incident while reports are added to it."""

    reports: list[IncidentReport] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    named_places: set[str] = field(default_factory=set)

    def add(self, report: IncidentReport) -> None:
        self.reports.append(report)
        self.articles.add(report.article.id)
        self.named_places.update(report.named_places)
        if report.place_id:
            self.places.add(report.place_id)


def incident_reports(claims: Iterable[Claim], tree: PlaceTree,
                     main_place: Callable[[ExtractedArticle], str | None],
                     settlement: Callable[[ExtractedArticle, str | None], str | None],
                     named_places: Callable[[ExtractedArticle], frozenset[str]],
                     edge_cities: Callable[[ExtractedArticle], frozenset[str]]) -> list[IncidentReport]:
    """Each article's claims split into the incidents its text distinguishes (rule 1); places
    are rolled up by `settlement` (a district to its city)."""
    grouped: dict[tuple, list[Claim]] = defaultdict(list)
    kept = [claim for claim in claims if claim.role != BACKGROUND]
    restated = _restated_places(kept, tree, settlement)
    for claim in kept:
        place = restated.get((claim.article.id, claim.index)) or settlement(claim.article, claim.place_id)
        main = main_place(claim.article)
        if not tree.is_specific(place) or (main and place != main and tree.contains(place, main)
                                           and tree.depth(place) < 2):
            place = main or place
        grouped[(claim.article.id, place or "")].append(claim)
    reports = []
    named: dict[str, tuple[frozenset[str], frozenset[str]]] = {}  # by article: it may report several incidents
    for (article_id, place), members in grouped.items():
        article = members[0].article
        if article_id not in named:
            named[article_id] = named_places(article), edge_cities(article)
        reports.append(IncidentReport(article, tuple(members), article.event_date or article.published,
                                      place or None, _words(article, members), _attack_kinds(article, members),
                                      *named[article_id]))
    reports.sort(key=lambda report: report.order)
    return reports


def _restated_places(claims: list[Claim], tree: PlaceTree,
                     settlement: Callable[[ExtractedArticle, str | None], str | None]) -> dict[tuple[str, int], str]:
    """(article id, figure index) -> the settlement where the article states the same count again:
    "72 killed in a gas attack in Syria" and "72 people died in Khan Sheikhoun" are one figure, at
    Khan Sheikhoun, for a claim placed no lower than a division that holds that settlement.
    Counts below RESTATED_MIN_COUNT recur by chance ("2 killed in A, 2 in B")."""
    settled: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for claim in claims:
        place = None if claim.place_inferred else settlement(claim.article, claim.place_id)
        if claim.figure.count >= RESTATED_MIN_COUNT and tree.depth(place) >= 2:
            settled[(claim.article.id, claim.figure.kind, claim.figure.count)].append(place)
    restated = {}
    for claim in claims:
        own = None if claim.place_inferred else claim.place_id
        if tree.depth(own) >= 2:
            continue
        places = sorted(set(settled.get((claim.article.id, claim.figure.kind, claim.figure.count), ())))
        inside = [place for place in places if not tree.is_specific(own) or tree.contains(own, place)]
        if len(inside) == 1:
            restated[(claim.article.id, claim.index)] = inside[0]
    return restated


def _words(article: ExtractedArticle, claims: list[Claim]) -> frozenset[str]:
    sentences = {claim.figure.sentence for claim in claims}
    text = " ".join([article.title, *(article.sentences[i].text for i in sorted(sentences) if i < len(article.sentences))])
    return frozenset(word for word in _WORD.findall(text.lower()) if word not in _COMMON_WORDS)


def _attack_kinds(article: ExtractedArticle, claims: list[Claim]) -> frozenset[str]:
    """The kinds of attack the claims' own sentences name (a title may name another event's:
    "Congress debates plan for Syria strikes" over a chemical attack's toll)."""
    sentences = {claim.figure.sentence for claim in claims}
    return _kinds_in(" ".join(article.sentences[i].text for i in sorted(sentences) if i < len(article.sentences)))


def _kinds_in(text: str) -> frozenset[str]:
    return frozenset(_ATTACK_KIND_NAMES[int(match.lastgroup[1:])] for match in _ATTACK_WORDS.finditer(text))


class _Similarity:
    """Idf-weighted overlap of the words of two reports: shared weight over the smaller report's."""

    def __init__(self, reports: list[IncidentReport]):
        document_words: dict[str, set[str]] = defaultdict(set)
        for report in reports:
            document_words[report.article.id].update(report.words)
        frequency = Counter(word for words in document_words.values() for word in words)
        total = max(1, len(document_words))
        self._idf = {word: math.log(1 + total / count) for word, count in frequency.items()}
        self._weight: dict[int, float] = {}

    def _total(self, report: IncidentReport) -> float:
        key = id(report)
        if key not in self._weight:
            self._weight[key] = sum(self._idf[word] for word in report.words)
        return self._weight[key]

    def __call__(self, a: IncidentReport, b: IncidentReport) -> float:
        smaller = min(self._total(a), self._total(b))
        if smaller == 0:
            return 0.0
        return sum(self._idf[word] for word in a.words & b.words) / smaller


def resolve_incidents(reports: list[IncidentReport], tree: PlaceTree) -> list[list[IncidentReport]]:
    """Reports grouped into incidents (rules 2 to 6), in the order incidents were first reported."""
    similarity = _Similarity(reports)
    incidents: list[_Incident] = []
    by_first_date: dict[dt.date, list[_Incident]] = defaultdict(list)
    by_place: dict[str, list[_Incident]] = defaultdict(list)
    for report in reports:
        if report.date is not None:
            candidates = [incident for days in range(DATE_TOLERANCE_DAYS, -1, -1)
                          for incident in by_first_date.get(report.date - dt.timedelta(days=days), ())]
        elif tree.is_specific(report.place_id):
            candidates = list(by_place.get(report.place_id, ()))
        else:
            candidates = []
        joined = _best_incident(report, candidates, tree, similarity)
        if joined is None:
            joined = _Incident()
            incidents.append(joined)
            if report.date is not None:
                by_first_date[report.date].append(joined)
        if report.place_id and report.place_id not in joined.places:
            by_place[report.place_id].append(joined)
        joined.add(report)
    return [incident.reports for incident in incidents]


def _best_incident(report: IncidentReport, candidates: list[_Incident], tree: PlaceTree,
                   similarity: _Similarity) -> _Incident | None:
    best, best_score = None, -1.0
    for incident in candidates:
        if report.article.id in incident.articles:
            continue
        misfits = [place for place in incident.places if not tree.nest(report.place_id, place)
                   and not _on_an_edge_it_speaks_of(report, incident, place, tree)]
        if not all(_named_by_both(report, incident, place) for place in misfits):
            continue
        score = max(similarity(report, other) for other in incident.reports)
        strong = score >= STRONG_SIMILARITY
        if misfits and not strong:
            continue
        specific = tree.is_specific(report.place_id) and any(tree.is_specific(place) for place in incident.places)
        if report.date is None:
            if not (strong and specific):
                continue
        elif not specific and not strong:
            continue
        kinds = frozenset().union(*(other.attack_kinds for other in incident.reports))
        if report.attack_kinds and kinds and not (report.attack_kinds & kinds) and not strong:
            continue
        if score > best_score:
            best, best_score = incident, score
    return best


def _on_an_edge_it_speaks_of(report: IncidentReport, incident: _Incident, place: str, tree: PlaceTree) -> bool:
    """Whether one of the two places lies on the other's edge (a suburb and its city) and the
    report at the city comes from an article speaking of the city's suburbs or outskirts."""
    if tree.on_edge(report.place_id, place):
        return any(place in other.edge_cities for other in incident.reports if other.place_id == place)
    return tree.on_edge(place, report.place_id) and report.place_id in report.edge_cities


def _named_by_both(report: IncidentReport, incident: _Incident, place: str) -> bool:
    """Whether the report's article names an incident's place and the incident's articles name
    the report's: "gas attack in Syria's Idlib" (the city, in an article that also names Khan
    Sheikhoun) and "gas attack in Khan Sheikhoun" (in an article that also names Idlib) may be
    one incident, if their words are strongly similar too."""
    return place in report.named_places and report.place_id in incident.named_places


# -- estimates --------------------------------------------------------------------------------

def claimant_of(claim: Claim) -> str:
    """Whose count a claim is: the actor credited, else the outlet that printed it."""
    return claim.claimant_id or f"outlet:{claim.article.publisher or claim.article.id}"


def report_date(claim: Claim) -> dt.date:
    article = claim.article
    return article.published or article.event_date or dt.date.min


def current_totals(claims: Iterable[Claim]) -> tuple[list[Claim], list[tuple[Claim, ...]]]:
    """The totals to compare (each claimant's newest report date), and per claimant that
    reported on several dates its totals oldest first (within one day the smaller first: a
    day's reports firm up, "24 dead" in an early wire before "at least 100")."""
    largest: dict[tuple[str, str], Claim] = {}  # one article's figures from one claimant: the largest is the total
    for claim in claims:
        key = (claim.article.id, claimant_of(claim))
        if claim.is_total and (key not in largest or claim.figure.count > largest[key].figure.count):
            largest[key] = claim
    by_claimant: dict[str, list[Claim]] = defaultdict(list)
    for claim in largest.values():
        by_claimant[claimant_of(claim)].append(claim)
    current, updates = [], []
    for claimant in sorted(by_claimant):
        own = sorted(by_claimant[claimant], key=lambda c: (report_date(c), c.figure.count, c.article.id, c.index))
        newest = report_date(own[-1])
        current.extend(c for c in own if report_date(c) == newest)
        if report_date(own[0]) != newest:
            updates.append(tuple(own))
    return current, updates


def count_range(claim: Claim) -> tuple[float, float]:
    """The counts a claim allows: "more than 30" is 31 or more, "nearly 30" 24 to 29, "about 30"
    24 to 36, "up to 30" 1 to 30; a vague word ("dozens", counted as 12) is only a lower bound."""
    count, qualifier = claim.figure.count, claim.figure.qualifier
    if qualifier == "exact":
        return count, count
    if qualifier == "at least":
        return count, math.inf
    if qualifier == "more than":
        return count + 1, math.inf
    if qualifier == "nearly":
        return math.floor(count * 0.8), max(count - 1, 0)
    if qualifier == "about":
        return math.floor(count * 0.8), math.ceil(count * 1.2)
    if qualifier == "up to":
        return 1, count
    return count, math.inf


def disagree(totals: list[Claim]) -> bool:
    """Two totals whose counts cannot both be true (see count_range), from different claimants,
    or from one claimant on one day in different articles."""
    ranges = [count_range(claim) for claim in totals]
    for a_index, a in enumerate(totals):
        for b_index in range(a_index + 1, len(totals)):
            b = totals[b_index]
            (a_low, a_high), (b_low, b_high) = ranges[a_index], ranges[b_index]
            if a_high >= b_low and b_high >= a_low:
                continue
            if claimant_of(a) != claimant_of(b) or a.article.id != b.article.id:
                return True
    return False


def estimates(claims: list[Claim]) -> tuple[tuple[Estimate, ...], tuple[tuple[Claim, ...], ...]]:
    """Per casualty kind with totals: low / best / high over current totals, and the updates.

    A count of one group ("1 medic") is compared only when the event has no count of everyone
    (people, civilians) of that kind."""
    result, all_updates = [], []
    for kind in sorted({c.figure.kind for c in claims}):
        of_kind = [c for c in claims if c.figure.kind == kind]
        everyone = [c for c in of_kind if c.figure.who in TOTAL_WHO]
        current, updates = current_totals(everyone if any(c.is_total for c in everyone) else of_kind)
        all_updates.extend(updates)
        if not current:
            continue
        current.sort(key=lambda c: (count_range(c), c.article.id, c.index))
        counts = sorted(c.figure.count for c in current)
        conservative = current[0]  # the lowest range, ties by article
        result.append(Estimate(kind, counts[0], counts[(len(counts) - 1) // 2], counts[-1], conservative,
                               disagree(current), tuple(current)))
    return tuple(result), tuple(all_updates)


def make_events(groups: list[list[IncidentReport]], tree: PlaceTree) -> tuple[Event, ...]:
    """Events of the grouped reports, keyed "date/place" (with -2, -3... when two share it)."""
    events, taken = [], Counter()
    for reports in groups:
        claims = [claim for report in reports for claim in report.claims]
        claims.sort(key=lambda c: (c.figure.kind, not c.is_total, -c.figure.count, c.article.id, c.index))
        dates = Counter(report.date for report in reports if report.date)
        date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
        places = [report.place_id for report in reports if report.place_id]
        area = max(places, key=lambda p: (tree.depth(p), places.count(p), p), default=None)
        base = f"{date.isoformat() if date else 'undated'}/{area or 'unplaced'}"
        taken[base] += 1
        key = base if taken[base] == 1 else f"{base}-{taken[base]}"
        estimates_of, updates = estimates(claims)
        events.append(Event(key, date, area, tuple(claims), estimates_of, updates, taken[base]))
    events.sort(key=lambda e: (e.date or dt.date.min, e.key))
    return tuple(events)
