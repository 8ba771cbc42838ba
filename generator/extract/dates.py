"""Publication date, date mentions and the date of the article's main event.

News states dates three ways: a header or dateline with a full date ("Sun 16 Apr 2017",
"Posted on April 2 2017", "02-09-2013"), a day without a year ("September 9", "on 4 July"),
and a weekday or deictic word relative to publication ("on Friday", "Saturday's blast",
"yesterday"). Relative words only mean something against the publication date:

- a weekday is the most recent such day on or before publication (an article published on
  a Friday that says "Friday" means that same day); "last Friday" is strictly before,
  "next Friday" strictly after;
- yesterday = published - 1, today/tonight = published, tomorrow = published + 1;
- a year-less date takes the publication year, or the previous year when that would put it
  more than a week after publication (a January article recalling "December 28");
- without a publication date, relative and year-less dates are dropped.

Numeric dates are read day first (02-09-2013 = 2 September), as the Middle Eastern and
European outlets of our corpora write them; ISO dates (2016-09-09) are year first.
"""

from __future__ import annotations


import datetime as dt
import re

from generator.lexicon import FIXED_HOLIDAYS, MONTH_NUMBERS, NUMBER_WORDS, WEEKDAYS
from generator.models import DateMention, Figure, Sentence
from generator.text import TakenSpans, sentence_at

_MONTHS = MONTH_NUMBERS
_WEEKDAYS = WEEKDAYS
_WEEKDAY_ABBREVIATIONS = "Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"

# Month names are matched capitalised only: "may" in running text is nearly always the verb.
_MONTH_NAMES = "|".join(sorted((name.capitalize() for name in _MONTHS), key=len, reverse=True))
_MONTH = "(?P<month>" + _MONTH_NAMES + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_LEADING_WEEKDAY = (
    r"(?:(?:" + "|".join(w.capitalize() for w in _WEEKDAYS) + "|" + _WEEKDAY_ABBREVIATIONS
    + r")\.?,?\s+)?"
)
# "9 September 2016", "4 July", "Sun 16 Apr 2017"
_DAY_MONTH = _LEADING_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?(?![\w-])"
# "September 9", "Sept. 9, 2016", "Apr 092017" (a scraped header that lost its space)
_MONTH_DAY = _LEADING_WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,?\s*" + _YEAR + r")?(?!\d)"
_ISO = r"(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)(?!\d)"
_NUMERIC_DAY_FIRST = r"(?P<num_day>[0-3]?\d)(?P<sep>[-./])(?P<num_month>[01]?\d)(?P=sep)(?P<num_year>(?:19|20)\d\d)(?!\d)"

# Each date pattern opens with a look-ahead for the characters a date can start with: it turns
# most positions down at once, before the alternations are tried (about 1.5x faster).
_ABSOLUTE_DATE = re.compile(
    r"(?=\d)(?<![\w-])(?:"
    + "|".join(f"(?:{p})" for p in (_ISO, _NUMERIC_DAY_FIRST))
    + ")",
)
_WEEKDAY_INITIALS = "".join(sorted({w[0].upper() for w in _WEEKDAYS}))
_MONTH_INITIALS = "".join(sorted({m[0].upper() for m in _MONTHS}))
_DAY_MONTH_DATE = re.compile(rf"(?=[\d{_WEEKDAY_INITIALS}])(?<![\w-])" + _DAY_MONTH)
_MONTH_DAY_DATE = re.compile(rf"(?=[{_WEEKDAY_INITIALS}{_MONTH_INITIALS}])(?<![\w-])" + _MONTH_DAY)
# "New Year's Day", "Christmas Eve": a day of the year without one, capitalised as a name.
_HOLIDAY_NAMES = "|".join(re.escape(name.title()).replace("'S", "['’]s").replace(r"\ ", r"\s+") for name in FIXED_HOLIDAYS)
_HOLIDAY_DATE = re.compile(r"(?<![\w-])(?P<holiday>" + _HOLIDAY_NAMES + r")\b")
# Each date pattern with a search for what it cannot match without (the separator and year of a
# numeric date, a day beside a month's name). These open with a character or word, which re skips
# to, so they reject a text in one fast scan; most texts hold no date of a given kind.
_DATE_PATTERNS = (
    (_ABSOLUTE_DATE, re.compile(r"[-./](?:[01]\d-|(?:19|20)\d\d)")),
    (_DAY_MONTH_DATE, re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH_NAMES + ")")),
    (_MONTH_DAY_DATE, re.compile("(?:" + _MONTH_NAMES + r")\.?\s+\d")),
    (_HOLIDAY_DATE, re.compile(r"\s(?:Day|Eve)\b")),
)

_MODIFIERS = ("last", "next", "this", "past")
_DEICTIC_WORDS = ("yesterday", "today", "tonight", "tomorrow", "last night")
# The same look-ahead as above, for the first letters of modifiers, weekdays and deictic words.
_RELATIVE_INITIALS = "".join(sorted({w[0] for w in _MODIFIERS} | set(_WEEKDAY_INITIALS) | {
    letter for w in _DEICTIC_WORDS for letter in (w[0], w[0].upper())
}))
_RELATIVE_DATE = re.compile(
    rf"(?=[{_RELATIVE_INITIALS}])(?:"
    r"\b(?:(?P<modifier>" + "|".join(_MODIFIERS) + r")\s+)?(?P<weekday>"
    + "|".join(w.capitalize() for w in _WEEKDAYS)
    + r")(?:['’]?s)?\b|\b(?P<deictic>"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _DEICTIC_WORDS)
    + r")\b)"
)
_DEICTIC_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}

# Labels that announce the publication date wherever they appear.
_PUBLICATION_LABEL = re.compile(
    r"(?i:(?=[dplu])(?:date of publication|published(?: on)?|posted(?: on)?|last updated(?: at| on)?|updated))"
    r"\s*:?\s*"
)
# Header dates sit before the lead; a full date this close to the start is the dateline.
_HEADER_WINDOW = 300
# A year-less date up to this far after publication is still in the publication year.
_FUTURE_TOLERANCE = dt.timedelta(days=7)
# The lead: where news states its main event (the first sentence may be a header).
_LEAD_SENTENCES = 3
# ... and where none of them has a date, as many more may be page furniture before it.
_FURNITURE_SENTENCES = 3
# A scraped page's lines before the story (a menu, a heading, a caption, a byline) are short or
# lack a stop; the story opens with the first sentence of prose, this long and ending with one.
_PROSE_WORDS = 8
_PROSE_END = re.compile(r"[.!?][\"'”’)]*$")
_PAGE_LINES = 8  # how many lines may stand before the story
# "the August 21 gas attack", "an attack near Damascus on August 21": a dated casualty event.
_ATTACK_NOUNS = r"(?:attacks?|massacres?|bombings?|air\s?strikes?|strikes?|raids?|blasts?|explosions?|assault|shelling)"
_ATTACK_AFTER_DATE = re.compile(rf",?\s+(?:[a-z]+\s+|[A-Z][a-z]+\s+(?=[a-z])){{0,3}}{_ATTACK_NOUNS}\b")  # "Monday's Russian missile attack"
_ATTACK_BEFORE_DATE = re.compile(rf"\b{_ATTACK_NOUNS}\b[^.;]{{0,40}}\bon\s+(?:the\s+)?$")
# "said on Sunday", "a report released Friday", "claimed responsibility on April 18": the date of the
# statement, not of the event it reports.
_REPORTING_BEFORE_DATE = re.compile(
    r"\b(?:said|says|reported|announced|told|added|stated|confirmed|statement|reports?|released|published|issued"
    r"|responsibility)\b"
    r"(?:\s+\w+){0,2}\s*(?:on\s+|late\s+|early\s+)?$"
)

_REPORTING_AFTER_DATE = re.compile(
    r"\s+(?:said|says|condemned|denounced|announced|reported|confirmed|warned|urged|called|declared|stated)\b")

# "since Monday", "since Wednesday afternoon": a running count that began that day.
_PERIOD_BEFORE_DATE = re.compile(r"\b(?:[Ss]ince|[Ss]tarting)\s+(?:last\s+|early\s+|late\s+)?$")
# "talks will resume on Friday", "a vote due on Monday": a plan, not something that happened.
# (A weekday is read as the latest such day up to publication; the plan's day is after it.)
_FUTURE_BEFORE_DATE = re.compile(
    r"\b(?:will|would|shall|due|scheduled|expected|planned|plans?|set\s+to|set\s+for|slated|to\s+be\s+held|going\s+to|"
    r"is\s+to|are\s+to|ahead\s+of|upcoming|until)\b[^.;]{0,50}$",
    re.IGNORECASE,
)
# "one year ago", "the anniversary of", "marked two years since": a date recalled, not reported.
_RECALLED = re.compile(r"\b(?:ago|anniversary|commemorat\w*|in\s+memory)\b", re.IGNORECASE)
# A stated year this far before publication dates history ("the September 11, 2001 attacks").
_HISTORY = dt.timedelta(days=180)
# A year named in prose ("in 2019"), not part of a number ("2019/20", "12,2019") nor a deadline
# ("by 2030", "until 2025"), which may lie after the day the story was written. The digits come
# first, so that re's scan skips to them; what is around them is checked after.
_A_YEAR_NAMED = re.compile(r"(?:19[5-9]|20\d)\d(?<![\w.,/-]....)(?<!\bby ....)(?<!\buntil ....)(?![\w/-]|[.,]\d)")


def find_published(body: str) -> dt.date | None:
    """The publication date the text states: a labelled date, else a full date in the header."""
    for label in _PUBLICATION_LABEL.finditer(body):
        found = _full_date_at(body, label.end())
        if found:
            return found
    for _start, _end, date, has_year in _absolute_dates(body[:_HEADER_WINDOW]):
        if has_year and date:
            return date
    return None


def _full_date_at(text: str, position: int) -> dt.date | None:
    for start, _end, date, has_year in _absolute_dates(text[position : position + 40]):
        if start == 0 and has_year:
            return date
    return None


# A movement or a revolution named after its day (with no year) is no date: "the March 23
# Movement (M23)", "the April 6 Youth Movement", "the February 17 Revolution"; not a header's "30
# November 2016 Coalition Letter to UN".
_NAMED_AFTER_A_DAY = re.compile(r"\s+(?:Youth\s+)?(?:Movement|Alliance|Coalition|Revolution|Revolutionaries|Brigades?|"
                                r"Front|Uprising|Martyrs|Accords?|Agreement)\b")


def _absolute_dates(text: str) -> list[tuple[int, int, dt.date | None, bool]]:
    """(start, end, date, has_year) of every absolute date, non-overlapping, in text order.

    Year-less dates carry the placeholder year 2000 (a leap year, so 29 February survives)
    until find_dates gives them a real one; a date that does not exist (30 February) is None.
    """
    found: list[tuple[int, int, dt.date | None, bool]] = []
    taken = TakenSpans()
    for pattern, required in _DATE_PATTERNS:
        if not required.search(text):
            continue
        for match in pattern.finditer(text):
            year, month, day = _date_parts(match)
            if (year is None and _NAMED_AFTER_A_DAY.match(text, match.end())) or not taken.take(*match.span()):
                continue
            found.append((match.start(), match.end(), _safe_date(year or 2000, month, day), year is not None))
    return sorted(found, key=lambda item: item[:2])


def _date_parts(match: re.Match[str]) -> tuple[int | None, int, int]:
    groups = match.groupdict()
    if groups.get("iso_year"):
        return int(groups["iso_year"]), int(groups["iso_month"]), int(groups["iso_day"])
    if groups.get("num_year"):
        return int(groups["num_year"]), int(groups["num_month"]), int(groups["num_day"])
    if groups.get("holiday"):
        return None, *FIXED_HOLIDAYS[re.sub(r"\s+", " ", groups["holiday"].replace("’", "'")).lower()]
    year = int(groups["year"]) if groups.get("year") else None
    return year, _MONTHS[groups["month"].lower()], int(groups["day"])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(
    body: str, sentences: tuple[Sentence, ...], published: dt.date | None
) -> tuple[DateMention, ...]:
    """Every absolute and relative date of the body, in text order, resolved to a calendar day."""
    found: list[tuple[int, DateMention]] = []
    absolute_spans = []
    latest_year: int | None = None
    for start, end, date, has_year in _absolute_dates(body):
        absolute_spans.append((start, end))
        if not has_year and not published and latest_year is None:
            latest_year = _latest_year(body) or 0  # once, and only for an undated article that needs it
        resolved = date if has_year else _year_less(date, published) if published else _in_year(date, latest_year)
        if resolved:
            found.append((start, DateMention(resolved, body[start:end], sentence_at(sentences, start), False)))
    if published:
        today = _dateline_day(body, found, published) or published
        for match in _RELATIVE_DATE.finditer(body):
            if any(start <= match.start() < end for start, end in absolute_spans):
                continue
            resolved = _resolve_relative(match, today)
            if resolved:
                mention = DateMention(resolved, match.group(0), sentence_at(sentences, match.start()), True)
                found.append((match.start(), mention))
    found.sort(key=lambda item: (item[0], item[1].text))
    return tuple(mention for _start, mention in found)


def _dateline_day(body: str, found: list[tuple[int, DateMention]], published: dt.date) -> dt.date | None:
    """The day a dateline gives ("BEIRUT, Lebanon, Sept. 18 —" in a paper of the 19th): the
    "today" and the weekdays of the story it opens, which was filed that day."""
    for start, mention in found:
        if start > _HEADER_WINDOW:
            return None
        if (0 <= (published - mention.date).days <= _DATELINE_DAYS_BEFORE
                and _follows_a_dateline_s_city(body[body.rfind("\n", 0, start) + 1 : start], body, start + len(mention.text))):
            return mention.date
    return None


_DATELINE_DAYS_BEFORE = 3  # a story is printed within days of being filed


def _year_less(placeholder: dt.date | None, published: dt.date | None) -> dt.date | None:
    if placeholder is None or published is None:
        return None
    for year in (published.year, published.year - 1):
        candidate = _safe_date(year, placeholder.month, placeholder.day)
        if candidate and candidate <= published + _FUTURE_TOLERANCE:
            return candidate
    return None


def _latest_year(body: str) -> int | None:
    """The latest year an undated article names: the year it was written in, or before it. A
    story without a publication date that says "on July 29" and "the worst since 2017 ... in
    2019" happened in 2019 (an exact date needs the real one: see the sidecar's `published`)."""
    years = [int(year) for year in _A_YEAR_NAMED.findall(body)]
    return max(years) if years else None


def _in_year(placeholder: dt.date | None, year: int | None) -> dt.date | None:
    return None if placeholder is None or not year else _safe_date(year, placeholder.month, placeholder.day)


def _resolve_relative(match: re.Match[str], published: dt.date) -> dt.date | None:
    if match.group("deictic"):
        return published + dt.timedelta(days=_DEICTIC_OFFSETS[match.group("deictic").lower()])
    weekday = _WEEKDAYS.index(match.group("weekday").lower())
    days_back = (published.weekday() - weekday) % 7
    modifier = (match.group("modifier") or "").lower()
    if modifier == "next":
        return published + dt.timedelta(days=(7 - days_back) if days_back else 7)
    if modifier in ("last", "past") and days_back == 0:
        days_back = 7
    return published - dt.timedelta(days=days_back)


# "LIMA, April 6 (AFP) -", "BEIRUT, Lebanon, Sept. 18 —": the city in capitals (and its country)
# before the day the story was filed.
_DATELINE_BEFORE_DATE = re.compile(r"^\s*[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3},(?:\s+[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2},)?\s*$")
# "Luanda/Brussels, 14 October 1993 - ": a press release's cities in any case, then a dash or a
# bracket, or the line's end ("Bamenda, 8 November 2024" under a communique's heading).
_RELEASE_LINE_BEFORE_DATE = re.compile(r"^\s*[A-Z][\w'’.-]*(?:[ /][A-Z][\w'’.-]*){0,3},\s*$")
_DATELINE_AFTER_DATE = re.compile(r"[ \t]*(?:\(|[-–—_]\s|\n|$)")
# "The attack took place on Sunday, April 3", "the killings began on Thursday evening", "an
# offensive launched on Tuesday": a later sentence telling when the event itself happened.
_EVENT_NOUNS = (r"attacks?|assault|raids?|massacres?|killings?|fighting|battle|clash(?:es)?|violence|rioting|bombings?|blasts?|"
                r"explosions?|air\s?strikes?|strikes?|shelling|offensive|ambush(?:es)?|shooting|incident|siege|hijacking|riots?|"
                r"gunfights?|firefights?|kidnappings?|abductions?")
_EVENT_TOLD = re.compile(rf"\b(?:{_EVENT_NOUNS})\b[^.;]{{0,80}}?\b(?:took\s+place|began|started|happened|occurred|"
                         r"erupted|broke\s+out|unfolded|was\s+carried\s+out|(?:was\s+)?launched)\b")
# "...attacked Bor on November 15", "stormed the camp early on Saturday": the day of an attack.
_ATTACK_VERB_BEFORE_DATE = re.compile(r"\b(?:attacked|stormed|overran|raided|bombed|shelled|ambushed|massacred)\b"
                                      r"[^.;]{0,60}?\bon\s+$")
# "the toll rose to 23 on Thursday", "By yesterday, ...": the day a count stood, not of the event.
_COUNT_STOOD_BEFORE_DATE = re.compile(r"(?:\b(?:rose|risen|climbed|jumped|reached|stood)\s+(?:to\s+|at\s+)?[\d,]+"
                                      r"(?:\s+\w+){0,2}?\s+(?:on\s+|by\s+)?|\b[Bb]y\s+)$")
_PART_OF_DAY = r"(?:night|morning|evening|afternoon)"  # "on the evening of 18 June 1994"
# "On the night of Sunday, 3 December 2023, an army drone struck ...": a sentence that opens with
# the day, then what was done.
_FRONTED_DATE_BEFORE = re.compile(r"(?:^|[.;:]\s+)On\s+(?:the\s+" + _PART_OF_DAY + r"\s+of\s+(?:the\s+)?)?"
                                  r"(?:[A-Z][a-z]+day,?\s+)?$")
_ATTACKED_AFTER_FRONTED_DATE = re.compile(r"[^.;]{0,80}?\b(?:attacked|struck|hit|killed|killing|stormed|raided|bombed|"
                                          r"shelled|fired|opened\s+fire|massacred|executed|abducted|exploded|detonated)\b")
_EVENT_TOLD_SENTENCES = 8  # how far into the story the telling may come
_EVENT_TOLD_DAYS = 31  # how long before its telling an event may be reported first
_EVENT_TOLD_DAYS_STATED = 180  # ... where the story states its full date (an inquiry or a report months later)
_DATE_RIGHT_AFTER = 60  # characters between the telling verb and its date


def find_event_date(
    body: str,
    sentences: tuple[Sentence, ...],
    dates: tuple[DateMention, ...],
    figures: tuple[Figure, ...],
    published: dt.date | None,
) -> dt.date | None:
    """The day of the main event: the date told with the first casualty figure or the lead.

    The lead (the first sentences) states the main event; the first killed figure marks it
    too when it is in the lead. A statement date ("said on Sunday") yields to an event date
    in the same sentence, and the header's own publication date comes last. The day a running
    count began ("killed since Monday") dates no event. A lead without deaths that dates no attack
    on the publication day is a reaction story: the attack it names by its date is its event.
    With no date near the lead, news is same-day: published.
    """
    story = _story_start(sentences)
    lead = tuple(s.index for s in sentences[: story + _LEAD_SENTENCES])
    first_killed = next((f.sentence for f in figures if f.kind == "killed"), None)
    if first_killed is not None and first_killed not in lead and first_killed < len(lead) + _FURNITURE_SENTENCES \
            and not any(mention.sentence in lead for mention in dates):
        # a title repeated, a subtitle and a caption may stand before the story's lead
        lead = (*lead, first_killed)
    candidates = ((first_killed,) if first_killed in lead else ()) + lead
    found = next(filter(None, (_told_then_done(sentences, i, dates, published) for i in candidates)), None)
    if found is None or found == published:
        found = _retold_event_date(sentences, candidates, dates, figures, published) or found
    lead_dates_its_event = found is not None and (found != published or _attack_dated(sentences, lead, dates, found,
                                                                                        published))
    if first_killed in lead or lead_dates_its_event:
        date = found or published
    else:
        date = _named_attack_date(sentences, dates, published) or found or published
    if date is None:
        return None
    date = _event_told_later(sentences, range(story + _EVENT_TOLD_SENTENCES), dates, date, published) or date
    return date - dt.timedelta(days=_days_before(sentences, figures, first_killed)) if first_killed in lead else date


def _retold_event_date(sentences: tuple[Sentence, ...], candidates: tuple[int, ...], dates: tuple[DateMention, ...],
                       figures: tuple[Figure, ...], published: dt.date | None) -> dt.date | None:
    """The full date, years before publication, of a lead that dates no later event and tells an old
    one as its story: the day it happened on, with its dead ("On July 1, 2016, the attack on the cafe
    left 22 people dead") or opening a sentence ("On the evening of 18 June 1994, 24 people gathered
    in the bar"); not one recalled ("nine years ago, on ...", "the anniversary of")."""
    if published is None:
        return None  # an undated story's old dates are no history: they are taken as they are
    killed_in = {figure.sentence for figure in figures if figure.kind == "killed"}
    for index in candidates:
        sentence = sentences[index]
        for mention in dates:
            if (mention.sentence == index and not mention.relative and published - mention.date > _HISTORY
                    and not _RECALLED.search(sentence.text) and not _YEARS_AFTER.search(sentence.text)
                    and _A_YEAR_NAMED.search(mention.text) and _preceded_by(_ON_BEFORE, sentence, mention)
                    and not _of_another_event(sentence, mention)
                    and (index in killed_in or _preceded_by(_FRONTED_DATE_BEFORE, sentence, mention))):
                return mention.date
    return None


# The day an event happened on ("on 5 August 2024, where 52 were killed"), not the date that names an
# attack ("the March 14, 2011 attack"), as history is referred to.
_ON_BEFORE = re.compile(r"\b[Oo]n\s+(?:the\s+(?:(?:early\s+)?" + _PART_OF_DAY + r"\s+of\s+)?(?:the\s+)?)?$")
# "Five years after the bombing on 12 March 2011 killed 30": the old event recalled from today.
_YEARS_AFTER = re.compile(r"(?:years|decades)\s+(?:after|since|later|on)", re.IGNORECASE)


# "An explosion ripped through a marketplace Wednesday", "fierce street fighting continued on Monday".
_ATTACK_TOLD = re.compile(rf"\b(?:{_EVENT_NOUNS}|kill\w*|attacked|shelled|bombed|struck|exploded|fired|opened\s+fire)\b",
                          re.IGNORECASE)


def _attack_dated(sentences: tuple[Sentence, ...], lead: tuple[int, ...], dates: tuple[DateMention, ...],
                  date: dt.date, published: dt.date | None) -> bool:
    """Whether a sentence of the lead gives `date` as the day of an attack, not as the day the
    news was told: a story of that day's attack, not a reaction story about an older one."""
    return any(mention.date == date and mention.sentence in lead
               and not _is_told(sentences[mention.sentence], mention, published)
               and _ATTACK_TOLD.search(sentences[mention.sentence].text) for mention in dates)


def _story_start(sentences: tuple[Sentence, ...]) -> int:
    """The index of the story's first sentence of prose: the page's lines before it count in the
    lead (a dateline's date may be among them) but not in how far the lead reaches."""
    for sentence in sentences[: _PAGE_LINES + 1]:
        text = sentence.text.strip()
        if len(text.split()) >= _PROSE_WORDS and _PROSE_END.search(text):
            return sentence.index
    return 0


# "Twenty people were still missing ... on Friday, two days after about 50 people there were
# killed": the dead of the lead are counted days before the day its sentence tells.
_DAYS_AFTER_BEFORE = re.compile(r"\b(?P<days>a|one|two|three|four|five|six|[1-6])\s+days?\s+after\s+[^.;,]{0,80}$",
                                re.IGNORECASE)
_EVENT_OF_ITS_OWN = re.compile(
    r"\b(?:kill\w*|attack\w*|hit|struck|shell\w*|bomb\w*|raid\w*|storm\w*|fir(?:ed|ing)|clash\w*|explo\w*|blast\w*"
    r"|strikes?|advanc\w*|seiz\w*|captur\w*|ambush\w*|carried\s+out)\b", re.IGNORECASE)


def _days_before(sentences: tuple[Sentence, ...], figures: tuple[Figure, ...], index: int | None) -> int:
    """How many days before its sentence's day the first killed figure of sentence `index` counts
    the dead (_DAYS_AFTER_BEFORE), 0 where it counts them on that day."""
    figure = next((f for f in figures if f.kind == "killed" and f.sentence == index), None)
    text = sentences[index].text if figure is not None else ""
    at = text.find(figure.text) if figure is not None else -1
    match = _DAYS_AFTER_BEFORE.search(text, 0, at) if at > 0 else None
    if match is None or _EVENT_OF_ITS_OWN.search(text, 0, match.start()):
        return 0  # "rebels hit a school a day after dozens were killed in Idlib": the dead are another event's
    days = match.group("days").lower()
    return int(days) if days.isdigit() else NUMBER_WORDS.get(days, 1)  # "a day after"


def _fronted_attack(sentence: Sentence, mention: DateMention) -> bool:
    position = sentence.text.find(mention.text)
    return (_preceded_by(_FRONTED_DATE_BEFORE, sentence, mention)
            and bool(_ATTACKED_AFTER_FRONTED_DATE.match(sentence.text, position + len(mention.text))))


def _only_told(before: tuple[Sentence, ...], dates: tuple[DateMention, ...], date: dt.date,
               published: dt.date | None) -> bool:
    """Whether the sentences `before` give `date` only as the day the news was told or filed:
    "the government said on Wednesday", a dateline, or no date at all (the publication date);
    not "pounded Aleppo early Friday"."""
    return all(_is_told(before[mention.sentence], mention, published) for mention in dates
               if mention.sentence < len(before) and mention.date == date)


def _is_told(sentence: Sentence, mention: DateMention, published: dt.date | None) -> bool:
    return (_is_header(mention, published) or _in_dateline(sentence, mention) or _is_statement_date(sentence, mention)
            or _preceded_by(_COUNT_STOOD_BEFORE_DATE, sentence, mention))


def _in_dateline(sentence: Sentence, mention: DateMention) -> bool:
    """The date follows the dateline's city on its line: the day the story was filed ("LIMA, April
    6 (AFP)", "Luanda/Brussels, 14 October 1993 - ", "COMMUNIQUE / Office of the Governor /
    Bamenda, 8 November 2024")."""
    position = sentence.text.find(mention.text)
    line = sentence.text.rfind("\n", 0, position) + 1
    return ((sentence.index <= 1 or sentence.end <= _HEADER_WINDOW) and position > 0
            and _follows_a_dateline_s_city(sentence.text[line:position], sentence.text, position + len(mention.text)))


def _follows_a_dateline_s_city(before: str, text: str, end: int) -> bool:
    """Whether `before` (the line up to a date that ends at `end` of `text`) is a dateline's
    city: in capitals, or a release's cities in any case with a dash or a bracket after the date."""
    return bool(_DATELINE_BEFORE_DATE.match(before)) or (
        bool(_RELEASE_LINE_BEFORE_DATE.match(before)) and bool(_DATELINE_AFTER_DATE.match(text, end)))


def _event_told_later(sentences: tuple[Sentence, ...], indices: range, dates: tuple[DateMention, ...], told: dt.date,
                      published: dt.date | None) -> dt.date | None:
    """The day a sentence of `indices` says the event happened ("The attack took place on Sunday,
    April 3", "attacked Bor on November 15", "On 3 December, a drone struck"), where the sentences
    up to it give the day `told` only as when the news was told: up to a month before the telling
    for a weekday, half a year for a stated date."""
    for sentence in sentences[indices.start : indices.stop]:
        telling = _EVENT_TOLD.search(sentence.text)
        attacked = [mention for mention in dates if mention.sentence == sentence.index
                    and (_preceded_by(_ATTACK_VERB_BEFORE_DATE, sentence, mention) or _fronted_attack(sentence, mention))]
        if telling is None and not attacked:
            continue
        if not _only_told(sentences[: sentence.index + 1], dates, told, published):
            return None
        for mention in dates:
            position = sentence.text.find(mention.text, telling.end()) if telling else -1
            if (mention.sentence == sentence.index
                    and (0 <= position - telling.end() <= _DATE_RIGHT_AFTER if telling else mention in attacked)
                    and mention.date <= told
                    and (told - mention.date).days <= (_EVENT_TOLD_DAYS if mention.relative else _EVENT_TOLD_DAYS_STATED)
                    and _plausible_event_date(mention, published) and not _opens_period(sentence, mention)
                    and not _is_plan(sentence, mention) and not _is_recalled(sentence, mention, published)
                    and not _of_another_event(sentence, mention)):
                return mention.date
    return None


def _told_then_done(sentences: tuple[Sentence, ...], index: int, dates: tuple[DateMention, ...],
                    published: dt.date | None) -> dt.date | None:
    """The event date of sentence `index`; where it has only the day the figure was told ("70
    were killed, a U.N. official said Friday"), the day the next sentence gives the event, if
    no later ("The attack on Thursday ...")."""
    date = _event_date_in_sentence(sentences[index], dates, published)
    if date is None or index + 1 >= len(sentences) or not all(
            _is_told(sentences[index], mention, published) for mention in dates
            if mention.sentence == index and mention.date == date):
        return date
    following = sentences[index + 1]
    told_there = _event_told_later(sentences, range(index + 1, index + 2), dates, date, published)
    if told_there is not None:
        return told_there  # "... where most of the killings took place on Tuesday": not the day of a visit
    then = next((mention.date for mention in dates if mention.sentence == following.index and mention.date <= date
                 and _plausible_event_date(mention, published) and not _is_statement_date(following, mention)
                 and not _opens_period(following, mention) and not _is_plan(following, mention)
                 and not _is_recalled(following, mention, published)), None)
    return then if then is not None and (date - then).days <= _TOLD_DAYS_AFTER else date


_TOLD_DAYS_AFTER = 3  # a death toll is told within days of the event


def _named_attack_date(
    sentences: tuple[Sentence, ...], dates: tuple[DateMention, ...], published: dt.date | None
) -> dt.date | None:
    """"the August 21 gas attack": a follow-up story names its event by the event's own date.

    Only used when the lead reports no deaths and no earlier date: reaction and diplomacy
    stories lead with the day they are told, and the attack they are about is dated further
    down. (With deaths in the lead, a dated attack further down is background.)
    """
    for mention in dates:
        if (mention.relative or not _plausible_event_date(mention, published) or mention.date == published
                or _is_recalled(sentences[mention.sentence], mention, published)
                or _of_another_event(sentences[mention.sentence], mention)):
            continue  # not "the attacks on September 11 2001" in a story of 2010: history, not its event
        text = sentences[mention.sentence].text
        for match in re.finditer(re.escape(mention.text), text):
            if _ATTACK_AFTER_DATE.match(text, match.end()) or _ATTACK_BEFORE_DATE.search(text, 0, match.start()):
                return mention.date
    return None


def _event_date_in_sentence(
    sentence: Sentence, dates: tuple[DateMention, ...], published: dt.date | None
) -> dt.date | None:
    """The sentence's likeliest event date: event dates, then statement dates, then the header."""
    in_sentence = [
        d for d in dates
        if d.sentence == sentence.index and _plausible_event_date(d, published) and not _opens_period(sentence, d)
        and not _is_plan(sentence, d) and not _is_recalled(sentence, d, published)
    ]
    ranked = sorted(
        range(len(in_sentence)),
        key=lambda i: (_is_header(in_sentence[i], published) or _in_dateline(sentence, in_sentence[i]),
                       _is_statement_date(sentence, in_sentence[i]), i),
    )
    return in_sentence[ranked[0]].date if ranked else None


def _is_header(mention: DateMention, published: dt.date | None) -> bool:
    """The dateline repeats the publication date; it says when the news was told, not when it happened."""
    return not mention.relative and mention.date == published and mention.sentence == 0


def _plausible_event_date(mention: DateMention, published: dt.date | None) -> bool:
    """Events are reported after they happen: a date after publication is a plan or deadline."""
    return published is None or mention.date <= published


def _is_plan(sentence: Sentence, mention: DateMention) -> bool:
    """"talks will resume on Friday": a relative day told of the future is no event's date."""
    return mention.relative and _preceded_by(_FUTURE_BEFORE_DATE, sentence, mention)


def _is_recalled(sentence: Sentence, mention: DateMention, published: dt.date | None) -> bool:
    """A date told as history: "one year ago, on ...", an anniversary, or a stated year long past."""
    if mention.relative or published is None or mention.date == published:
        return False
    return bool(_RECALLED.search(sentence.text)) or published - mention.date > _HISTORY


# "Similar attacks have previously occurred, including on July 23", "an earlier raid on May 3":
# another event than the story's.
_ANOTHER_EVENT_BEFORE = re.compile(rf"(?:\b(?:similar|previous|prior|earlier|another)\s+(?:\w+\s+)?(?:{_EVENT_NOUNS})"
                                   r"|\bpreviously)\b[^.;]{0,60}$", re.IGNORECASE)


def _of_another_event(sentence: Sentence, mention: DateMention) -> bool:
    """The sentence tells another event than the story's before the date ("a similar blast on ...")."""
    return _preceded_by(_ANOTHER_EVENT_BEFORE, sentence, mention)


def _opens_period(sentence: Sentence, mention: DateMention) -> bool:
    """"killed since Monday": the day a count began, not the day of an event."""
    return _preceded_by(_PERIOD_BEFORE_DATE, sentence, mention)


def _is_statement_date(sentence: Sentence, mention: DateMention) -> bool:
    """"said on Sunday", "today condemned": the day the news was told."""
    if _preceded_by(_REPORTING_BEFORE_DATE, sentence, mention):
        return True
    position = sentence.text.find(mention.text)
    return position >= 0 and bool(_REPORTING_AFTER_DATE.match(sentence.text, position + len(mention.text)))


def _preceded_by(words: re.Pattern[str], sentence: Sentence, mention: DateMention) -> bool:
    """Whether the sentence text right before the mention ends with `words`."""
    position = sentence.text.find(mention.text)
    return position > 0 and bool(words.search(sentence.text, 0, position))
