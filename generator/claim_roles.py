"""What a casualty figure counts, read from its article: the role of a claim.

- background: the figure belongs to another event than the one reported, or to the whole war:
  its sentence dates it three days or more before the article's event ("on March 3", "last
  week", "a weekend attack"), in an earlier month or year ("in March 2011", "since 2011"), or
  speaks of the war as a whole ("have died in Syria's six-year war", "the conflict which has
  lasted five years", "millions fled"); or the count is a tally no incident reaches (TALLY_COUNT).
  A figure after "a day after", "weeks after" (in the same sentence) counts the earlier event,
  and so does one of "that attack" when the sentence before dates its event so.
- update: a running or updated total: "the toll rose to 112", "bringing the total to",
  "since Monday". It is a total, newer than the same claimant's earlier figure.
- partial: a part of a total: a group counted inside a larger figure ("including 10 children",
  "among them"), a group (children, soldiers) when the article gives a total of the same kind,
  or one strike of several ("in one of the raids", "in another strike").
  A count five times smaller than the article's headline toll (the main event's toll as the
  article first reports it) is also a part.
- background also: a count five times the headline toll or more, past the lead, that is not an
  update ("the attack, which it estimates killed 1429").
- total: anything else: the count of the whole event as the claimant gives it.

Only totals and updates are compared between sources (see generator.incidents).
"""

from __future__ import annotations

import datetime as dt
import re

from generator.lexicon import names_an_earlier_time
from generator.models import TOTAL_WHO, ExtractedArticle, Figure

# Totals and updates are what sources are compared on (models.Claim.is_total).
TOTAL, UPDATE, PARTIAL, BACKGROUND = "total", "update", "partial", "background"
# A date this many days or more before the article's event is another event's.
BACKGROUND_DAYS = 3
# A count this many times smaller than the article's headline toll is a part of it; this many
# times larger, past the lead, is another event's or a tally ("which it estimates killed 1429").
HEADLINE_FACTOR = 5
LEAD_SENTENCES = 2
# How far before the figure's phrase a cue of a part or an update is read (characters).
_CUE_WINDOW = 60

_PAST_TIME = re.compile(
    r"\b(?:last|previous|past)\s+(?:week|weekend|month|year|spring|summer|autumn|fall|winter"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\bearlier\s+(?:this|last)\s+(?:week|month|year)\b|\b(?:a|the)\s+weekend\s+(?:attack|strike|raid|bombing|blast)"
    r"|\b(?:weeks|months|years)\s+(?:ago|earlier|before)\b|\ba\s+(?:week|month|year)\s+(?:ago|earlier|before)\b"
    r"|\bsince\s+the\s+(?:start|beginning|outbreak)\b|\b(?:anniversary|similar\s+attack|previous\s+attack)\b"
    r"|\bbefore\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)\b"  # "Before Monday, ... had killed 600"
    # the whole war: "Syria's three-year war", "the conflict which has lasted five years", "millions fled"
    r"|\b(?:war|conflict|uprising|crisis|insurgency)\b[^.;]{0,40}?\b(?:which|that)\s+(?:has\s+)?(?:lasted|started"
    r"|began|erupted|broke\s+out)\b|\bmillions\s+(?:\w+\s+){0,3}?(?:fled|flee|displaced|homeless|refugees)\b",
    re.IGNORECASE,
)
# "more than 146000 people have died in Syria's three-year war": a war's length with a perfect
# tense is the war's toll ("the Observatory, which monitors the five-year conflict, said 26
# were killed" is not).
_WAR_LENGTH = re.compile(
    r"\b(?:\w+-year|years-long|decade-long)[\s-]+(?:old\s+)?(?:civil\s+)?(?:war|conflict|uprising|crisis|insurgency)\b",
    re.IGNORECASE,
)
_PERFECT_TOLL = re.compile(
    r"\b(?:has|have)\s+(?:been\s+)?(?:killed|died|claimed|cost|caused|left|perished)\b", re.IGNORECASE)
# "a day after airstrikes on a school left 35 dead", "weeks after the bombing that killed 20": the
# figure that follows belongs to the earlier event.
_TIME_AFTER = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|several|few|\d+)\s+(?:days?|weeks?|months?|years?)|the\s+day)"
    r"\s+after\b(?![^.;]*\b(?:rose|risen|climbed|reached|bringing)\b)[^.;]*$",
    re.IGNORECASE,
)
_AFTER_WINDOW = 100
_BACK_REFERENCE = re.compile(
    r"\b(?:that|those|the\s+same)\s+(?:attacks?|strikes?|massacres?|bombings?|assaults?|raids?|incidents?"
    r"|shelling|explosions?|blasts?)\b", re.IGNORECASE)
# No single incident of the wars we report kills this many: a larger count is a tally.
TALLY_COUNT = 10_000
_UPDATE_CUE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|mounted|mounts|increased|jumped|soared|reached|reaches"
    r"|bringing|brought|brings|raising|raised|up)\s+(?:[\w'’-]+\s+){0,4}?(?:to|at)\s+(?:[\w'’-]+\s+){0,2}$"
    r"|\b(?:total|tally|overall|cumulative)\s+(?:[\w'’-]+\s+){0,3}?(?:of|to|at|is|was|stood\s+at)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_RUNNING_SINCE = re.compile(
    r"\bsince\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|dawn|the\s+morning"
    r"|the\s+start\s+of\s+the\s+(?:offensive|operation|assault|attack|week)|the\s+beginning\s+of\s+the\s+"
    r"(?:offensive|operation|assault|attack|week))\b|\bso\s+far\b",
    re.IGNORECASE,
)
_PART_CUE = re.compile(
    r"\b(?:including|included|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+(?:dead|victims|killed))"
    r"\s+(?:[\w'’-]+\s+){0,2}$"
    r"|\bin\s+(?:one|another|a\s+separate|a\s+second|a\s+third|the\s+first|the\s+second|one\s+of\s+the)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:strikes?|raids?|attacks?|blasts?|bombings?|explosions?|incidents?)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


def claim_roles(article: ExtractedArticle) -> tuple[str, ...]:
    """The role of each of the article's figures, aligned with article.figures."""
    past: dict[int, bool] = {}  # sentence -> it speaks of the past: figures of a sentence share it
    return tuple(_role(article, figure, past) for figure in article.figures)


def _role(article: ExtractedArticle, figure: Figure, past: dict[int, bool]) -> str:
    sentence = article.sentences[figure.sentence].text if figure.sentence < len(article.sentences) else ""
    wide = _text_before(sentence, figure.text, _AFTER_WINDOW)
    before = wide[-_CUE_WINDOW:]
    if figure.sentence not in past:
        past[figure.sentence] = _speaks_of_the_past(article, figure.sentence, sentence)
    if figure.count >= TALLY_COUNT or past[figure.sentence] or _TIME_AFTER.search(wide):
        return BACKGROUND
    if _PART_CUE.search(before):
        return PARTIAL
    if _UPDATE_CUE.search(before) or _RUNNING_SINCE.search(sentence):
        return UPDATE
    headline = _headline(article, figure.kind)
    if headline and figure.count * HEADLINE_FACTOR <= headline:
        return PARTIAL
    if headline and figure.count >= headline * HEADLINE_FACTOR and figure.sentence >= LEAD_SENTENCES:
        return BACKGROUND
    if figure.who not in TOTAL_WHO and _has_larger_total(article, figure):
        return PARTIAL
    return TOTAL


def _headline(article: ExtractedArticle, kind: str) -> int | None:
    """The toll of the article's main event as it first reports it (extract's headline_toll)."""
    return {"killed": article.headline_toll.killed, "wounded": article.headline_toll.wounded}.get(kind)


def _text_before(sentence: str, phrase: str, window: int) -> str:
    """The words just before the figure's phrase in its sentence (the sentence's start if not found)."""
    at = sentence.find(phrase)
    return sentence[max(0, at - window):at] if at > 0 else ""


def _speaks_of_the_past(article: ExtractedArticle, index: int, sentence: str) -> bool:
    """The sentence dates what it counts before the article's event, or speaks of the whole war;
    or it points back to the event of the sentence before ("that attack") and that one does
    ("sarin was used in Eastern Ghouta in 2013. The United States ... estimates that attack
    killed 1429")."""
    if _dated_in_the_past(article, index, sentence):
        return True
    return (index > 0 and _BACK_REFERENCE.search(sentence) is not None
            and _dated_in_the_past(article, index - 1, article.sentences[index - 1].text))


def _dated_in_the_past(article: ExtractedArticle, index: int, sentence: str) -> bool:
    if _PAST_TIME.search(sentence):
        return True
    if _WAR_LENGTH.search(sentence) and _PERFECT_TOLL.search(sentence):
        return True
    reference = article.event_date or article.published
    if names_an_earlier_time(sentence, reference):
        return True
    if reference is None:
        return False
    return any(mention.sentence == index and mention.date <= reference - dt.timedelta(days=BACKGROUND_DAYS)
               for mention in article.dates)


def _has_larger_total(article: ExtractedArticle, figure: Figure) -> bool:
    """True when the article counts everyone of the same kind, in a larger figure."""
    return any(other.kind == figure.kind and other.who in TOTAL_WHO and other.count >= figure.count
               for other in article.figures)
