"""What every reader shares: dropping page furniture (browser notices, captions, credits,
"Related:" links, bylines, "Source: Reuters" lines, time stamps) while keeping the metadata it
declares, titles from a URL slug or the lead, and the Draft a reader yields.

Rules follow how news pages are written, never one site."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urlsplit

from generator.models import Metadata
from generator.readers.decoding import body_from_paragraphs, one_line
from generator.readers.detokenize import rejoin
from generator.readers.mojibake import Repair, combined, repair_all
from generator.readers.fields import WIRE_PATTERN, parse_date, wire_name
from generator.slugs import slugify
from generator.text import is_page_furniture, shorten, split_sentences, title_of_lead

# ---------------------------------------------------------------------------- boilerplate

_MAX_NOTICE_WORDS = 30  # rules that drop whole lines only touch short ones:
_MAX_CAPTION_WORDS = 60  # a one-line article that starts "Photo: ..." is kept
_NOTICE = re.compile(
    r"\bis not supported\b|\bbrowser\b.*\b(?:supported|update|upgrade|outdated)\b"
    r"|\benable javascript\b|\bjavascript is (?:disabled|required)\b|\bwe use cookies\b"
    r"|\b(?:site|website) uses cookies\b|\baccept (?:all )?cookies\b|^advertisement$"
    r"|^skip to (?:main )?content$|\b(?:sign up|subscribe) (?:for|to) (?:our|the) newsletter\b"
    r"|^share (?:this|on)\b|^follow us on\b|\ball rights reserved\b|^copyright\b|^©"
    # "Follow our live coverage on X", "Follow AP's coverage of the war at https://..."
    r"|^follow (?:our|\w+['’]s) [^.]{0,60}?\b(?:on|at)\b"
    # "Follow Garowe Online on X", "You can follow BBC News Afghanistan on Facebook and X", "Sign up for
    # The Times of Israel's Daily Edition": an outlet's own channels and letters
    r"|^(?:you can (?:now )?)?follow [^.]{1,60}? on (?:x|twitter|facebook|telegram|instagram|whatsapp|youtube|tiktok"
    r"|linkedin|threads|bluesky)\b|^you can (?:now )?(?:listen|watch|subscribe)\b|^sign up (?:for|to)\b"
    r"|^this (?:article|story|report|post) (?:was|has been) (?:amended|updated|corrected|changed)\b"
    # a share button's label ("Facebook icon", "e-mail icon"), a breadcrumb
    r"|^(?:[\w-]+\s+){1,2}icon$|^you are here\b",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^\(?(?:image|photo|picture|pictured|photograph|video|watch|caption|file photo|graphic"
    r"|gallery|illustration)s?(?: credit| caption)?\s*[:|—–]\s*(?P<caption>.*?)\)?$",
    re.IGNORECASE,
)
_PHOTO_AGENCY = rf"(?:(?i:{WIRE_PATTERN})|Getty Images|EPA(?:-EFE)?|Handout|File|Shutterstock)"
# A photo credit glued to the paragraph after it, its line break lost by the scraper:
# "Photograph: Owen Humphreys/PA A Coldstream Guardsman was killed ..." (the credit goes, the
# paragraph stays). A name, a slash (escaped or not) and one capitalised agency word.
_CREDIT_BEFORE_TEXT = re.compile(
    r"^(?i:photograph|photo|picture)\s*:\s*[^/\\:]{1,60}?\s*\\?/\s*[A-Z][\w.&-]*(?:\s+(?:Images|Pictures|Photos))?\s+(?=[A-Z\"“])")
_CREDIT_ENDING = re.compile(rf"(?:/\s*{_PHOTO_AGENCY}(?:\s+via\s+Getty Images)?|\bvia Getty Images)\s*\)?$")
_RELATED = re.compile(
    r"^(?:related(?: articles?| stories| coverage| content| news| topics| internet links)?|read more|read also"
    r"|also read|read next|see also|more on this(?: story)?|recommended(?: for you)?|you may also like"
    r"|most (?:read|popular|viewed|shared)|trending|keep reading|top stories|latest (?:news|stories|headlines)"
    # a wire's ticker ("Off the wire") and a site's feature links ("FEATURES, VIEWS, ANALYSIS")
    r"|off the wire|features,? views,? (?:and |& )?analysis|editor['’]?s picks|don['’]t miss)(?:\s*[:|—–-].*)?$",
    re.IGNORECASE,
)
# Headlines run together on one line between bullets: "Arson suspected at ... • 3 killed, 5 injured
# in blast in Italy • ...", a ticker of other stories, with their own places and tolls.
_BULLET = re.compile(r"\s+[•·]\s+")
_MIN_TICKER_HEADLINES = 3
# What a related-links heading alone lists below it: "list of 4 items", then the headlines.
_LINK_LIST_COUNT = re.compile(r"^list of \d+ items?$", re.IGNORECASE)
# A correspondent's line over or under the story: "Jason Burke in Jerusalem", "By Nailia
# Bagirova in Baku"; and a byline's biography: "Natalie Kitroeff is the Mexico bureau chief for The Times."
_WRITER = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}"
_WRITER_IN_PLACE = re.compile(
    rf"^(?:By\s+)?(?P<names>{_WRITER}(?:\s+and\s+{_WRITER})?)\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}$")
_WRITER_BIOGRAPHY = re.compile(
    rf"^{_WRITER}\s+is\s+(?:a|an|the)\s+[^.]{{0,120}}?\b(?:correspondent|reporter|editor|bureau\s+chief|writer"
    r"|journalist|columnist)\b[^.]{0,80}\.?$")
_SOURCE_LINE = re.compile(r"^/?\s*(?:source|sources|via)\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|al|bin|de|van|von|el))*"
_BYLINE = re.compile(rf"^(?:By|BY)\s+(?P<names>{_NAME}(?:\s*(?:,|\band\b|&|\||-|—)\s*{_NAME})*)$")
_NAME_SEPARATORS = re.compile(r"\s*(?:,|\band\b|&|\||\s-\s|—)\s*")
_WIRE_SIGNATURE = re.compile(rf"^[-–—(\s]*(?:{WIRE_PATTERN})(?:\s*(?:,|/|and|&)\s*(?:{WIRE_PATTERN}))*[)\s.]*$", re.IGNORECASE)
_CREDITS = re.compile(r"^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b", re.IGNORECASE)
# "The Associated Press contributed to this report.", "Reuters contributed reporting.", "Associated
# Press writers Peter Leonard in Kyiv and Jim Heintz in Moscow contributed."
_CONTRIBUTED = re.compile(
    r"^(?P<names>[^.]{1,120}?)\s+contributed\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story|article))\b[^.]{0,60}\.?$"
    r"|^(?P<writers>[^.]{0,60}?\b(?:writers?|reporters?|correspondents?)\s[^.]{1,120}?)\s+contributed\.?$")
# "Anton Troianovski reported from Berlin, and Ivan Nechepurenko from Tbilisi, Georgia.": the
# reporters' credit at a story's end
_REPORTED_FROM = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s+reported\s+from\s+[A-Z][^.]{0,150}\.?$")
_TIMESTAMP_PREFIX = re.compile(
    r"^(?:(?:first\s+)?published|(?:last\s+)?updated|posted|last modified)\s*(?:on\s*|:\s*)?",
    re.IGNORECASE,
)
_MAX_TIMESTAMP_WORDS = 12
_DATELINE_WIRE = re.compile(rf"^[^\n]{{0,80}}?\((?P<wire>{WIRE_PATTERN})\)\s*[-–—:]", re.IGNORECASE)
_DATELINE_PARAGRAPHS = 3
_NO_LETTERS = re.compile(r"^[\W\d_]*$")
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


@dataclass
class Harvest:
    """Metadata found while dropping boilerplate lines (local to one article)."""

    wires: list[str] = field(default_factory=list)
    byline: str | None = None
    published: dt.date | None = None
    captions: list[str] = field(default_factory=list)
    repair: Repair | None = None  # mojibake undone before the lines were read

    def add_wires(self, names: list[str]) -> None:
        self.wires.extend(name for name in names if name not in self.wires)


def _wires_in(names: str) -> list[str]:
    return [wire for wire in map(wire_name, _NAME_SEPARATORS.split(names)) if wire]


def _byline(line: str, harvest: Harvest) -> bool:
    """'By Jane Doe and John Roe, Reuters': names to the byline, agencies to the wires."""
    match = _BYLINE.match(line)
    if not match or len(line.split()) > 12:
        return False
    names = [name for name in _NAME_SEPARATORS.split(match["names"]) if name]
    people = [name for name in names if not wire_name(name) and not wire_name(name.removesuffix(" Staff"))]
    harvest.add_wires([wire_name(name.removesuffix(" Staff")) for name in names if name not in people])
    if people and harvest.byline is None:
        harvest.byline = ", ".join(people)
    return True


def _timestamp(line: str, words: int, harvest: Harvest) -> bool:
    """A line that is only a date ("Updated Sept. 23, 2016, 5:42 AM EDT")."""
    if words > _MAX_TIMESTAMP_WORDS:
        return False
    date = parse_date(_TIMESTAMP_PREFIX.sub("", line))
    if date is None:
        return False
    if harvest.published is None:
        harvest.published = date
    return True


def _is_boilerplate(line: str, harvest: Harvest) -> bool:
    """True when `line` is not article text; declared metadata in it goes into `harvest`."""
    words = line.count(" ") + 1  # a line of clean_lines is one_line()'s: words parted by one space
    if _NO_LETTERS.match(line) or URL_LINE.match(line) or _is_ticker(line):
        return True
    if words <= _MAX_NOTICE_WORDS and (_NOTICE.search(line) or _RELATED.match(line) or _CREDITS.match(line)):
        return True
    caption = _CAPTION.match(line)
    if caption and words <= _MAX_CAPTION_WORDS:
        harvest.captions.append(caption["caption"])
        return True
    if words <= _MAX_CAPTION_WORDS and _CREDIT_ENDING.search(line):
        return True
    contributed = _CONTRIBUTED.match(line) if words <= _MAX_NOTICE_WORDS else None
    if contributed:
        harvest.add_wires(_wires_in(contributed["names"] or contributed["writers"]))
        return True
    if words <= _MAX_NOTICE_WORDS and _REPORTED_FROM.match(line):
        return True
    source = _SOURCE_LINE.match(line)
    if source and words <= 8:
        harvest.add_wires(_wires_in(source["names"]))
        return True
    if _WIRE_SIGNATURE.match(line):
        harvest.add_wires(_wires_in(re.sub(r"[-–—()/.&]", ",", line)))
        return True
    writer = _WRITER_IN_PLACE.match(line)
    if writer:
        harvest.byline = harvest.byline or ", ".join(_NAME_SEPARATORS.split(writer["names"]))
        return True
    if words <= _MAX_NOTICE_WORDS and _WRITER_BIOGRAPHY.match(line):
        return True
    return _byline(line, harvest) or _timestamp(line, words, harvest)


def _is_ticker(line: str) -> bool:
    """A line of other stories' headlines between bullets (see _BULLET)."""
    if "•" not in line and "·" not in line:
        return False
    headlines = _BULLET.split(line)
    return len(headlines) >= _MIN_TICKER_HEADLINES and all(map(looks_like_headline, headlines))


def _without_link_lists(lines: list[str]) -> list[str]:
    """Drop the headlines a related-links heading alone lists below it ("Read more", "Keep
    reading", "list of 4 items", then titles without a full stop): other stories, whose tolls
    are not this one's."""
    kept, listing = [], False
    for line in lines:
        if not line:  # the blank line between two paragraphs
            pass
        elif len(line.split()) <= 4 and _RELATED.match(line):
            listing = True
        elif listing and (_LINK_LIST_COUNT.match(line) or looks_like_headline(line.removesuffix("?"))):
            continue
        else:
            listing = False
        kept.append(line)
    return kept


# Captions compared with every paragraph: a page has a few; text made of captions must not cost
# paragraphs times captions.
_MAX_CAPTIONS_COMPARED = 100


def _repeats_caption(line: str, captions: tuple[str, ...]) -> bool:
    """A caption printed twice (once labelled "Image:", once with its credit)."""
    return line.startswith(captions) if captions else False


def clean_lines(lines: list[str]) -> tuple[list[str], Harvest]:
    """Article paragraphs among `lines` (one paragraph each), and the metadata they declared."""
    # Repaired first, and as one text: "HervÃ", "© Gourdel" is a name a tokenizer split over two
    # lines, not a copyright line. (A line holds no blank line: the blank line joins them.)
    (text,), repair = repair_all(["\n\n".join(lines)])
    if repair is not None:
        lines = text.split("\n\n")
    harvest = Harvest(repair=repair)
    kept = [line for line in _without_link_lists([_CREDIT_BEFORE_TEXT.sub("", one_line(raw)) for raw in lines])
            if line and not _is_boilerplate(line, harvest)]
    long_captions = tuple(dict.fromkeys(c for c in harvest.captions if len(c.split()) >= 5))[:_MAX_CAPTIONS_COMPARED]
    kept = [line for line in kept if not _repeats_caption(line, long_captions)]
    for paragraph in kept[:_DATELINE_PARAGRAPHS]:
        dateline = _DATELINE_WIRE.match(paragraph)
        if dateline:
            harvest.add_wires([wire_name(dateline["wire"])])
    return kept, harvest


def looks_like_headline(line: str) -> bool:
    """Headlines have no closing punctuation and are short; body paragraphs end a sentence."""
    return 2 <= len(line.split()) <= 25 and not re.search(r"[.!?…:;,\"”’)]$", line)


# ---------------------------------------------------------------------------- titles

# A run of six or more letters and digits with a digit in it ("a1b2c3", "2016"); tried only at
# the start of a run and without backtracking, so a long word costs one pass.
_ID_LIKE = re.compile(r"\d+|(?<![a-z0-9])(?=[a-z0-9]{6})[a-z]*+\d[a-z0-9]*")
_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cms)$", re.IGNORECASE)
_WORD_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:]\s*)[\"'“‘(\[]*$", re.MULTILINE)
_MIN_SLUG_WORDS = 3


def _slug_words(url: str) -> list[str]:
    """Words of the URL's headline slug ("missiles-batter-syrias-aleppo-1288792")."""
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    for segment in reversed(segments):
        stem = _PAGE_EXTENSION.sub("", unquote(segment)).lower()
        words = [word for word in re.split(r"[-_+.]+", stem) if word]
        while words and _ID_LIKE.fullmatch(words[-1]):
            words.pop()
        while words and _ID_LIKE.fullmatch(words[0]):
            words.pop(0)
        if len(words) >= _MIN_SLUG_WORDS:
            return words
    return []


def _written_forms(body: str) -> dict[str, str]:
    """Slug key -> how the body writes that word mid-sentence ("syrias" -> "Syria's").

    Sentence-initial occurrences are ignored: they are capitalised whatever the word is.
    """
    forms: dict[str, Counter[str]] = {}
    for match in _WORD_TOKEN.finditer(body):
        if _SENTENCE_OPENING.search(body, max(0, match.start() - 4), match.start()):
            continue
        word = match[0]
        forms.setdefault(slugify(word).replace("-", ""), Counter())[word] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in forms.items()}


def title_from_url(url: str, body: str) -> str | None:
    """"Missiles batter Syria's Aleppo" from ".../missiles-batter-syrias-aleppo-1288792"."""
    words = _slug_words(url)
    if not words:
        return None
    forms = _written_forms(body)
    title = " ".join(forms.get(word, word) for word in words)
    return title[0].upper() + title[1:]


def title_from_lead(body: str) -> str | None:
    """The first sentence that reads as news, cut at a word boundary to about 100 characters:
    page furniture ("Good evening.", "You can now listen to our articles!") is not a title."""
    sentences = split_sentences(body)
    for sentence in sentences:
        if _reads_as_news(sentence.text):
            return title_of_lead(sentence.text)
    return shorten(sentences[0].text.rstrip(".")) if sentences else None


# Fewer words than this is a greeting, a caption or a cross-head, not a headline.
_MIN_TITLE_WORDS = 5


def _reads_as_news(sentence: str) -> bool:
    """Not a greeting, a call to action (they end with "!" or "?") or a shouted cross-head."""
    text = sentence.strip()
    return (len(text.split()) >= _MIN_TITLE_WORDS and not text.endswith(("!", "?")) and not text.isupper()
            and not is_page_furniture(text))


# ---------------------------------------------------------------------------- readers


@dataclass(frozen=True)
class Draft:
    """One article as a reader found it, before sidecars, ids and duplicate checks."""

    body: str
    declared: Metadata
    record: str | None = None
    own_id: str | None = None  # the record's own id in a collection
    warnings: tuple[str, ...] = ()


def make_draft(paragraphs: list[str], declared: Metadata, harvest: Harvest, warnings: tuple[str, ...] = (),
               **extra) -> Draft:
    """Fill the declared fields the input left empty with what boilerplate lines declared; undo
    mojibake (a warning says so), a tokenizer's spacing and slashes a scraper left escaped as in
    JSON ("Kim Badawi\\/Getty Images for CNN": a photo credit, as written)."""
    declared = replace(
        declared,
        wires=declared.wires or tuple(harvest.wires),
        byline=declared.byline or harvest.byline,
        published=declared.published or harvest.published,
    )
    declared, repair = _without_mojibake(declared)
    if repair := combined((harvest.repair, repair)):
        warnings = (*warnings, repair.reason())
    title = declared.title
    paragraphs = [line.replace("\\/", "/") for line in rejoin(paragraphs)
                  if not title or line.casefold() != title.casefold()]
    return Draft(body=body_from_paragraphs(paragraphs), declared=declared, warnings=warnings, **extra)


def _without_mojibake(declared: Metadata) -> tuple[Metadata, Repair | None]:
    """The declared title and byline repaired (the text's lines were, in clean_lines)."""
    fields = {name: value for name, value in (("title", declared.title), ("byline", declared.byline)) if value}
    texts, repair = repair_all(list(fields.values()))
    return (declared, None) if repair is None else (replace(declared, **dict(zip(fields, texts))), repair)
