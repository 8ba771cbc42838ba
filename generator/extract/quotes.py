"""Direct quotes of one article and who said them.

A quote is text between double quotes (straight or curly). A quote broken by its attribution
(`"A," he said, "B."`) is one quote. Its speaker is found the way a reader finds it: the
subject of the speech verb next to it ("X said", "said X", "X told Reuters: ..."), a pronoun
("he said") resolved to the nearest person or anonymous source before it, or, for a paragraph
that is nothing but a quote, the speaker of the quote just before. Anonymous speakers keep
their description ("a senior administration official") with no actor key.

Scare quotes are not quotes: one or two quoted words ("deliberately targeted", "terrorist")
count only when a speech verb sits right next to them ("said: 'No.'").
"""

from __future__ import annotations

import bisect
import itertools

import re
from dataclasses import dataclass

from generator.lexicon import FUNCTION_WORDS, SPEECH_VERBS, TITLE_WORDS
from generator.models import EntityMention, Quote, Sentence
from generator.text import paragraph_spans, sentence_at

# Speech plus verbs that introduce a quotation ("according to", "recalled").
_SPEECH_VERBS = SPEECH_VERBS + (
    r"|continued|concluded|quoted|remarked|recalled|shouted|cried|writes|according\s+to"
)
# Words quoted as someone's judgement, right after its verb and object: "called the strike "a
# blatant aggression"", "condemned the attack as "a crime"".
_JUDGEMENT_BEFORE_QUOTE = re.compile(
    r"(?<![-\w])(?<!was\s)(?<!were\s)(?<!been\s)(?<!being\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
    r"(?:called|condemned|denounced|described)\s+(?!on\b|for\b|as\b)[^.!?,;:\"“”]{0,50}?\s*$")
_VERB = re.compile(rf"\b(?:{_SPEECH_VERBS})\b")
# "... Lavrov simply said: ", "... told the entire room, Lavrov included, that ": verb right before the quote.
_VERB_BEFORE_QUOTE = re.compile(rf"\b(?:{_SPEECH_VERBS})\b[^.!?\"“”]{{0,60}}?(?:\bthat|:|,)?\s*$")
_ADJACENT_VERB_BEFORE = re.compile(rf"\b(?:{_SPEECH_VERBS})\b(?:\s+\w+)?\s*[:,]?\s*$")
_ROLE = (
    r"official|source|analyst|diplomat|spokes(?:man|woman|person)|resident|activist|witness|commander|"
    r"officer|medic|doctor|journalist|correspondent|member|fighter|monitor|expert|aide|advis[eo]r|"
    r"negotiator|lawmaker|rebel|soldier|survivor|nurse|volunteer|worker|statement|researcher|"
    r"observer|militant|man|woman|father|mother|teacher|student"
)
_DESCRIPTION = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Aa]nother|[Oo]ne|[Tt]wo|[Ss]everal)\s+(?:[\w.’'-]+\s+){{0,4}}?(?:{_ROLE})s?\b"
    rf"(?:\s+(?:close\s+to|from|with|in|at|of|for|inside|near)\s+(?:the\s+)?[\w.’'-]+(?:\s+[A-Z][\w.’'-]*)*)?"
)
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_ATTRIBUTION_GAP = re.compile(rf"^[\s,]*(?P<clause>[^\"“”]{{1,120}}?\b(?:{_SPEECH_VERBS})\b[^\"“”]{{0,80}}?)[\s,:]*$")
_ATTRIBUTION_AFTER = re.compile(
    rf"[\s,]*(?:(?:he|she|they)\s+|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\s+)?(?:{_SPEECH_VERBS})\b"
)
_QUOTE_MARKS = re.compile(r"[\"“”]")
# What may stand before a speaker's name as its title: "NATO chief", "Ukraine's Foreign Minister",
# "UN human rights chief", "regional governor". A few words, no clause punctuation.
_TITLE_PHRASE = re.compile(r"^(?:[\w.’'-]+\s+){1,6}$")
# Lower-case words no title holds: a clause's ("When President X returned", "called Mr X's
# comments", "met with President X"), not a title's.
_NOT_IN_A_TITLE = FUNCTION_WORDS.difference({"the", "a", "an", "of", "for"}) | frozenset(
    "when while after before since because if although though once until where whom whose".split())
# Between a described speaker and the name in apposition: ", " or a lower-case title and ", ".
_APPOSITION_GAP = re.compile(r"(?:\s+[a-z][\w-]*){0,3}\s*,\s*")
# An apposition that ends right before the speech verb: "Jens Stoltenberg, the NATO chief, said".
_APPOSITION_BEFORE_VERB = re.compile(r",\s[^,;:\"“”]{1,80},\s*$")
_MIN_WORDS = 3  # shorter quotes are scare quotes unless a speech verb is adjacent
_LOOKBACK = 600  # characters searched backwards for a pronoun's antecedent
# An article is read for at most this many quotes (news has tens): text made of quote marks
# must not cost time in proportion to its square.
MAX_QUOTES_READ = 1000
_MAX_PRONOUNS_SCANNED = 64


@dataclass(frozen=True)
class _Span:
    """Quoted text: `start`/`end` are the quote marks, inner text between them."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]  # inner (start, end) of each quoted piece
    gap: tuple[int, int] | None = None  # the attribution between two pieces


@dataclass(frozen=True)
class _Speaker:
    key: str | None
    text: str
    position: int


class _Mentions:
    """The article's actor mentions by position: those inside a span are a slice found by
    bisection, so that the work per quote does not grow with the article."""

    def __init__(self, actors: tuple[EntityMention, ...]):
        self.items = sorted((m.start, m.end, actor.key, actor.kind, m.surface)
                            for actor in actors for m in actor.mentions)
        self.starts = [item[0] for item in self.items]
        self.person_ends = frozenset(b for _a, b, _key, kind, _surface in self.items if kind == "person")
        self.person_starts = frozenset(a for a, _b, _key, kind, _surface in self.items if kind == "person")

    def within(self, start: int, end: int) -> list[tuple[int, int, str, str, str]]:
        """Mentions that start and end inside [start, end)."""
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [item for item in self.items[first:last] if item[1] <= end]


def find_quotes(body: str, sentences: tuple[Sentence, ...], actors: tuple[EntityMention, ...]) -> tuple[Quote, ...]:
    """Quotes in order of appearance, each with its speaker when the article says who."""
    mentions = _Mentions(actors)
    quotes: list[Quote] = []
    previous: tuple[_Speaker | None, int, int] = (None, -1, 0)  # speaker of the last quote, its paragraph, its end
    spans = ((paragraph, p_start, p_end, span) for paragraph, (p_start, p_end) in enumerate(paragraph_spans(body))
             for span in _merge_continued(body, _quoted_spans(body, p_start, p_end)))
    for paragraph, p_start, p_end, span in itertools.islice(spans, MAX_QUOTES_READ):
        text = " ".join(body[a:b].strip() for a, b in span.parts).strip().rstrip(",").strip()
        whole_paragraph = not body[p_start : span.start].strip() and not body[span.end + 1 : p_end].strip()
        speaker = _speaker(body, sentences, span, mentions)
        if speaker is None and whole_paragraph and previous[1] == paragraph - 1:
            speaker = previous[0]  # a paragraph of quote continues the last speaker
        if speaker is None and previous[1] == paragraph and _nobody_else_between(body, previous, span.start, mentions):
            speaker = previous[0]  # '"A," the commander said. "B."': the same voice goes on
        if len(text.split()) < _MIN_WORDS and not _verb_adjacent(body, span):
            continue
        quotes.append(Quote(
            text=text,
            speaker=speaker.key if speaker else None,
            speaker_text=speaker.text if speaker else "",
            sentence=sentence_at(sentences, span.start),
        ))
        # the attribution after a quote is no one else's voice: what follows it is compared
        previous = (speaker, paragraph, max(span.end, speaker.position + len(speaker.text)) if speaker else span.end)
    return tuple(quotes)


def _nobody_else_between(body: str, previous: tuple[_Speaker | None, int, int], start: int, mentions: _Mentions) -> bool:
    """No other actor and no described source is named between the last quote and this one."""
    speaker, _, end = previous
    if speaker is None:
        return False
    others = [item for item in mentions.within(end, start) if item[3] != "place" and item[2] != speaker.key]
    return not others and _DESCRIPTION.search(body, end, start) is None


def _quoted_spans(body: str, start: int, end: int) -> list[_Span]:
    """Pairs of quote marks inside one paragraph; an unclosed quote runs to the paragraph end."""
    spans, opening = [], None
    for mark in _QUOTE_MARKS.finditer(body, start, end):
        char = mark.group()
        if opening is None and char != "”":
            opening = mark.start()
        elif opening is not None and char != "“":
            spans.append(_Span(opening, mark.start(), ((opening + 1, mark.start()),)))
            opening = None
    if opening is not None and body[opening + 1 : end].strip():
        spans.append(_Span(opening, end, ((opening + 1, end),)))
    return spans


def _merge_continued(body: str, spans: list[_Span]) -> list[_Span]:
    """`"A," he said, "B"` becomes one quote with its attribution remembered."""
    merged: list[_Span] = []
    for span in spans:
        if merged and merged[-1].gap is None:
            last = merged[-1]
            between = body[last.end + 1 : span.start]
            if body[last.end - 1] == "," and between.rstrip().endswith((",", ":")):
                if _ATTRIBUTION_GAP.match(between) and "." not in between.strip(" ,:"):
                    merged[-1] = _Span(last.start, span.end, (*last.parts, *span.parts), (last.end + 1, span.start))
                    continue
        merged.append(span)
    return merged


def _verb_adjacent(body: str, span: _Span) -> bool:
    """A speech verb right before the quote, or right after a quote that ends with punctuation."""
    before = body[max(0, span.start - 40) : span.start]
    if _ADJACENT_VERB_BEFORE.search(before):
        return True
    closes_speech = body[span.parts[-1][1] - 1 : span.parts[-1][1]] in (",", ".", "!", "?")
    return closes_speech and _ATTRIBUTION_AFTER.match(body, span.end + 1) is not None


def _speaker(body: str, sentences: tuple[Sentence, ...], span: _Span, mentions: list) -> _Speaker | None:
    if span.gap is not None:
        found = _subject_in(body, span.gap[0], span.gap[1], span, sentences, mentions)
        if found:
            return found
    sentence = sentences[sentence_at(sentences, span.start)] if sentences else None
    clause_start = sentence.start if sentence and sentence.start <= span.start else max(0, span.start - 200)
    clause_start = max(clause_start, span.start - _LOOKBACK)  # a sentence without end is read only so far
    before = body[clause_start : span.start]
    verb_before = _VERB_BEFORE_QUOTE.search(before)
    if verb_before and _ends_with_introducer(before):
        found = _subject_before(body, clause_start, clause_start + verb_before.start(), span, sentences, mentions)
        if found:
            return found
    after_end = min(_sentence_end(body, sentences, span.end), span.end + 1 + _LOOKBACK)
    found = _subject_in(body, span.end + 1, after_end, span, sentences, mentions)
    if found:
        return found
    first_verb = _VERB.search(before)  # "X said ... with “many still under the rubble.”"
    if first_verb:
        return _subject_before(body, clause_start, clause_start + first_verb.start(), span, sentences, mentions)
    judgement = _JUDGEMENT_BEFORE_QUOTE.search(before)
    if judgement:  # the sentence's subject: a name after it may be the verb's object's ("branded Mr X's request")
        return _sentence_subject(body, clause_start, clause_start + judgement.start(), span, sentences, mentions)
    return None


def _sentence_subject(body: str, start: int, end: int, span: _Span, sentences, mentions) -> _Speaker | None:
    """The first speaker candidate of a clause, or the person its title or apposition names
    ("Libyan government spokesman Musa Ibrahim", "The Chinese premier, Hu Jintao,")."""
    candidates = sorted(_candidates(body, start, end, span, sentences, mentions), key=lambda c: c.position)
    if not candidates:
        return None
    if not body[candidates[-1].position + len(candidates[-1].text) : end].strip():
        return candidates[-1]  # right before the verb: "what the Observatory called "a new massacre""
    return _named_subject(body, start, candidates, mentions) or candidates[0]


def _ends_with_introducer(before: str) -> bool:
    """The quote is introduced by its verb: "said:", "told AFP that", "said ..."."""
    return bool(re.search(r"(?:\bthat|:|\b(?:said|says|told|added|asked))\s*$", before))


def _sentence_end(body: str, sentences: tuple[Sentence, ...], offset: int) -> int:
    if not sentences:
        return min(len(body), offset + 200)
    sentence = sentences[sentence_at(sentences, offset)]
    end = sentence.end if sentence.end > offset else offset + 200
    following = sentence.index + 1
    same_paragraph = following < len(sentences) and sentences[following].paragraph == sentence.paragraph
    if end - offset < 3 and same_paragraph:  # the quote closed its sentence: `."  he said.`
        end = sentences[following].end
    return min(len(body), end)


def _subject_in(body: str, start: int, end: int, span: _Span, sentences, mentions) -> _Speaker | None:
    """Attribution after a quote: `, X said`, `, said X`, `X told Reuters`, `he said`."""
    clause = body[start:end]
    verb = _VERB.search(clause)
    if verb is None:
        return None
    lead = len(clause) - len(clause.lstrip(" ,.;:\n"))
    subject_zone = (start + lead, start + verb.start())
    if subject_zone[1] - subject_zone[0] <= 2:  # `, said X`: the subject follows the verb
        return _first_subject(body, start + verb.end(), min(end, start + verb.end() + 150), span, sentences, mentions)
    if subject_zone[1] - subject_zone[0] > 160:
        return None
    return _first_subject(body, subject_zone[0], subject_zone[1], span, sentences, mentions)


def _first_subject(body: str, start: int, end: int, span: _Span, sentences, mentions) -> _Speaker | None:
    candidates = sorted(_candidates(body, start, end, span, sentences, mentions), key=lambda c: c.position)
    if not candidates:
        return None
    named = _named_subject(body, start, candidates, mentions)
    if named is not None:
        return named
    return candidates[0] if candidates[0].position - start <= 12 else None


def _named_subject(body: str, start: int, candidates: list[_Speaker], mentions: _Mentions) -> _Speaker | None:
    """The person the subject's title or apposition names ("NATO chief Jens Stoltenberg", "The
    Chinese premier, Hu Jintao,"), of `candidates` in text order."""
    return (_titled_person(body, start, candidates, mentions)
            or _named_in_apposition(body, candidates[0], candidates, mentions))


def _titled_person(body: str, start: int, candidates: list[_Speaker], mentions: _Mentions) -> _Speaker | None:
    """The person a title introduces: "NATO chief Jens Stoltenberg" speaks, not NATO.

    The subject opens with a few words ending in a title word, then a person: the body or
    country before the title only says whose official the person is.
    """
    person = next((c for c in candidates if c.position in mentions.person_starts), None)
    if person is None or person.position - start > 60:
        return None
    prefix = body[start : person.position].lstrip(" ,.;:\n")
    if not _TITLE_PHRASE.match(prefix) or any(_clause_word(word) for word in prefix.split()):
        return None
    last_word = prefix.split()[-1].lower().rstrip(".")
    return person if TITLE_WORDS.intersection(last_word.split("-")) else None  # "Secretary-General" too


def _clause_word(word: str) -> bool:
    lower = word.lower()
    if word[0].isupper() and lower not in _NOT_IN_A_TITLE:
        return False
    return lower in _NOT_IN_A_TITLE or (lower.endswith("ed") and lower != "armed")  # "called", not "armed forces"


def _named_in_apposition(body: str, first: _Speaker, candidates: list[_Speaker], mentions: _Mentions) -> _Speaker | None:
    """"the spokesman for the Defence Ministry, Igor Konashenkov," names the described speaker."""
    if first.key is not None and first.position in mentions.person_starts:
        return None
    after = first.position + len(first.text)
    return next((c for c in candidates if c.position in mentions.person_starts  # "The Chinese premier, Hu Jintao,"
                 and _APPOSITION_GAP.fullmatch(body, after, c.position)), None)


def _subject_before(body: str, start: int, verb_at: int, span: _Span, sentences, mentions) -> _Speaker | None:
    """The subject of the speech verb before the quote: the last speaker candidate before the verb,
    or the person an apposition before the verb describes ("X, the NATO chief, said")."""
    candidates = _candidates(body, start, verb_at, span, sentences, mentions)
    if not candidates:
        return None
    apposition = _APPOSITION_BEFORE_VERB.search(body, start, verb_at)
    if apposition is not None:
        described = [c for c in candidates if c.position < apposition.start()
                     and c.position in mentions.person_starts
                     and body[c.position : apposition.start()] == c.text]
        if described:
            return described[-1]
    return max(candidates, key=lambda c: c.position)


def _candidates(body: str, start: int, end: int, span: _Span, sentences, mentions: _Mentions) -> list[_Speaker]:
    start = max(start, end - _LOOKBACK)  # a subject is near its verb: the zone is bounded
    found = [_Speaker(key, surface, a) for a, b, key, kind, surface in mentions.within(start, end) if kind != "place"]
    for match in _DESCRIPTION.finditer(body, start, end):
        found = [c for c in found if not (match.start() <= c.position < match.end())]
        if match.start() - 2 not in mentions.person_ends:  # "John Kerry, a senior US official, said" is Kerry
            found.append(_description_speaker(match))
    pronouns = list(itertools.islice(_PRONOUN.finditer(body, start, end), _MAX_PRONOUNS_SCANNED))
    for match in pronouns[:2] + pronouns[2:][-2:]:  # the subject is near the zone's start or its end
        antecedent = _antecedent(body, match.start(), span, mentions)
        if antecedent is not None:
            found.append(_Speaker(antecedent.key, antecedent.text, match.start()))
    return found


def _description_speaker(match: re.Match[str]) -> _Speaker:
    """"A US official", "a military source": anonymous, so described, never pinned on an actor.

    The nationality says whom the source works for, not who speaks: crediting "US government"
    with an unnamed official's words would put them on the government's page as its own.
    """
    return _Speaker(None, match.group(), match.start())


def _antecedent(body: str, pronoun_at: int, span: _Span, mentions: _Mentions) -> _Speaker | None:
    """Nearest person or anonymous source before the quote that "he"/"she" can refer to."""
    window_start = max(0, min(pronoun_at, span.start) - _LOOKBACK)
    limit = min(pronoun_at, span.start)
    people = [_Speaker(key, surface, a) for a, b, key, kind, surface in mentions.within(window_start, limit)
              if kind == "person"]
    sources = [
        _description_speaker(m)
        for m in _DESCRIPTION.finditer(body, window_start, limit)
        if m.start() - 2 not in mentions.person_ends  # "Ahmad Darwish, a resident": the apposition is him
    ]
    candidates = [c for c in people + sources if not _inside_quote(body, c.position, window_start)]
    return max(candidates, key=lambda c: c.position) if candidates else None


def _inside_quote(body: str, position: int, since: int) -> bool:
    """True when `position` is inside quoted text (an odd number of quote marks before it)."""
    line_start = body.rfind("\n", since, position) + 1 or since
    return len(_QUOTE_MARKS.findall(body, line_start, position)) % 2 == 1
