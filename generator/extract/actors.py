"""Actors of one article: people, organizations, governments and their forces, armed groups, media.

No statistical model: names come from the knowledge base first, then from rules about how news
is written. A capitalised sequence becomes a person only with evidence (a title before it, a
known given name, an apposition such as ", the head of ...", or a speech verb next to it), so
sentence-initial words, weekdays, captions and headline fragments ("Kerry Laments") never do.
Places found by the gazetteer are never persons. Governments act through metonyms ("Moscow
said"), demonyms ("Russian warplanes") and generic references ("the regime").
"""

from __future__ import annotations

import bisect
from collections import Counter
import functools
import re
from dataclasses import dataclass, replace
from itertools import accumulate, compress, repeat
from operator import attrgetter, itemgetter
from collections.abc import Iterator
from types import MappingProxyType
from typing import NamedTuple

from generator.knowledge import KbEntry, KnowledgeBase
from generator.extract.places import ARABIC_PLACE_HEADS, SETTLEMENT_KINDS, _qualifies_a_word, main_country
from generator.lexicon import (
    BACKING_FROM,
    COMMUNITIES,
    FACILITY_WORDS,
    FUNCTION_WORDS,
    GOVERNMENT_AFTER,
    GOVERNMENT_REFERENCES,
    HEAD_OF_STATE_AFTER,
    LED_AFTER,
    MINISTRY_FIELD_NAMES,
    MINISTRY_FIELDS,
    MONTH_NAMES,
    MONTH_NUMBERS,
    NAME_FIELD_NOUNS,
    NAME_HONORIFICS,
    NATIONALITY_NOUNS,
    NON_PERSON_NAME_ENDS,
    NUMBER_WORDS,
    OUTLET_NAME_ENDS,
    PLACE_KIND_AFTER,
    PLACE_NAME_ENDS,
    SPEECH_VERBS,
    TITLE_WORDS,
    WEEKDAY_WORDS,
)
from generator.models import EntityMention, Mention, Sentence
from generator.names import NAME_PARTICLES, PARTICLE_SURNAMES, normalize_surface
from generator.text import is_shouted, sentence_at

# "U.S." is one token; otherwise runs of letters and digits ("al-Assad" is "al", "Assad").
# A middle initial keeps its dot and its name together: "George W. Bush", not "George W".
_INITIAL = r"[A-Z]\.(?=[ \t][A-Z](?:[a-z]|['’][A-Z]))"  # "George W. Bush", "Michael E. O'Hanlon"
_INITIAL_WORD = re.compile(r"[A-Z]\.?")
_PARTY_AND_STATE = re.compile(r"[DRI]-[A-Z]")
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")  # "P.J. Crowley"; "U.S." and "U.N." are taken by the knowledge base first
# A word, with a lower-case tail after an inner apostrophe ("Ka'eem", "Sa'ad"; not "Gaddafi's", "don't").
_WORD = r"[^\W_]+(?:['’](?!(?:s|t|d|m|re|ve|ll)\b)[a-z]+)?"
_TOKEN = re.compile(rf"(?:[A-Z]\.){{2,}}|{_INITIAL}|{_WORD}")
# A token and what may follow it inside one name: a space, a hyphen, an apostrophe ("O'Brien"),
# a slash between acronyms (one outlet's two: "RFE/RL").
_TOKEN_AND_GAP = re.compile(rf"((?:[A-Z]\.){{2,}}|{_INITIAL}|{_WORD})((?<=[A-Z]{{2}})/(?=[A-Z]{{2,}}\b)|[ \t]?[-‐'’]?[ \t]?)")
# Lower-case particles inside Arabic, Dutch, French... names ("Ammar al Selmo", "de Mistura").
_CONNECTORS = frozenset(("of", "for"))  # inside organization names ("Ministry of Defence")
_FIELD_PREPOSITIONS = frozenset(("for", "to", "in"))  # "envoy for Yemen", "ambassador to Iraq", "commander in Gaza"
_MOST_FIELD_WORDS = 3  # after an "and" inside a body's name, before its head: "and Defense Council"
_OUTLET_CONNECTORS = frozenset(("of", "de", "do", "da", "del"))  # "Folha de Sao Paulo", "Diario de Morelos"
_WEEKDAYS_MONTHS = WEEKDAY_WORDS | frozenset(MONTH_NUMBERS)
# A faction in brackets after a party's name: "(Maoist)", "(Marxist-Leninist)", "(N)".
_FACTION_AFTER = re.compile(r" \((?:[A-Z]|[A-Z][a-z]+ists?(?:-[A-Z][a-z]+ists?)?|Provisional|Official|Unified)\)")
_FACTION_HEADS = frozenset("party league front movement army congress".split())
# Particles that open a European surname, written in lower case ("de Lima", "van Berlin"); not
# the Arabic articles "as", "at" ("as Moscow evacuates").
_SURNAME_PARTICLES = frozenset("de da do dos das del della di du van von der den la le y delos dela".split())
# Known bodies whose name after a country's or a people's is that country's own society: "the
# Kenya Red Cross" is no ICRC.
_NATIONAL_SOCIETIES = frozenset((("red", "cross"), ("red", "crescent")))
# A verb's auxiliary right after a name makes the name its subject: "Amnesty International Indonesia had".
_AUXILIARY_AFTER = re.compile(r"\s+(?:has|had|have|was|is|were|are|would|will)\b")
_FAITH_WORDS = frozenset("catholic protestant orthodox evangelical anglican jewish hindu buddhist christian muslim islamic".split())
_QUALIFIERS = frozenset("islamic muslim muslims christian sunni shiite shia kurdish arab".split())
_NEVER_NAMES = frozenset(
    """image images photo photos handout related source video file getty watch read more click share
    advertisement copyright caption update updated breaking exclusive reporting writing editing wire terms views thanks
    allah god islam muslim muslims christian christians sunni shiite shia kurdish arab arabs
    ceasefire cease fire truce""".split()
)
# Words that start a sentence or a phrase but never a name.
_STARTERS = frozenset(
    """the a an in on at but and or for from with after before as by of to this that these those it
    he she they we i you his her their its our my when while if since meanwhile however also
    according asked despite during under over among some many most more several one two three four
    five six seven eight nine ten both all each every no not yet so then there here what who why how
    where which whether later earlier last next new another other such than until unless although though
    because amid near outside inside between against without within even just only still already
    perhaps indeed instead thus hence therefore yesterday today tonight recently currently initially
    finally eventually separately similarly likewise moreover furthermore nonetheless nevertheless
    otherwise besides hey oh dear hello unlike easter christmas like about across along around upon via
    following including regarding concerning except throughout whereas alongside elsewhere afterwards
    once now soon sometimes often sorry thanks thank congratulations welcome goodbye please yes wow okay
    ok suspected alleged""".split()  # interjections open readers' comments: "Sorry Michelle, great post";
)  # no name opens with a suspicion: "Suspected Kuki militants"
_TITLE_WORDS = TITLE_WORDS
# Verbs that open a question ("Can al-Qaida survive?", "Will Washington act?"); some are also
# given names (Can, Will, May), so only where the sentence ends with a question mark.
_AUXILIARIES = frozenset("can could will would shall should may might must does did do is are was were has have had".split())
_SENTENCE_END = re.compile(r"[.!?\n]")


class _Ending:
    """A pattern that ends in white space and "$" after at most `words` words ("drug lord ").

    Its match starts inside the last `words` words of the text, so it is searched from there: a
    plain search tries it at every position of the 90 characters before a name.
    """

    def __init__(self, pattern: str, words: int, flags: int = 0):
        self.pattern, self.words = re.compile(pattern, flags), words

    def search(self, before: str) -> re.Match[str] | None:
        head = before.rstrip().rsplit(None, self.words)  # head[0] ends before the last `words` words
        return self.pattern.search(before, len(head[0]) if len(head) > self.words else 0)


# People named by their trade in passing: "Sephora Konate, a market trader,", "novelist Yukio Mishima".
_TRADES = (
    r"trader|vendor|shopkeeper|driver|labou?rer|miner|fisherman|pensioner|retiree|housewife|mechanic|tailor|shepherd|"
    r"economist|historian|scholar|lecturer|campaigner|novelist|filmmaker|musician|footballer|pilot|barber|instructor|"
    r"guard|watchman|clerk|carpenter|electrician"
)
# Titles news abbreviate with a full stop ("Gen. Petraeus"): the stop splits them from the name.
_DOTTED_TITLES = r"(?:Gen|Col|Lt|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Sgt|Adm|Capt|Maj|Cpl|Pvt|Pte|Brig|Cdr|Insp|Supt|Rev|Gov)\."
# Police ranks and offices written as acronyms, before a name or in apposition after it ("OC":
# officer in charge of a police station, "SI", "ASI": sub-inspector, assistant sub-inspector).
_RANK_ACRONYMS = r"ASP|DSP|CSP|SSP|ACP|DCP|AIG|DIG|IGP|SP|CP|ADGP|DGP|SHO|DPO|OCPD|OC|ASI|SI|RDC|MLA|MNA|MP"
_SETTLEMENT_NOUNS = r"(?:village|town|city|district|province|camp)"
_TITLE_BEFORE = _Ending(
    rf"\b(?:{_DOTTED_TITLES}|"
    r"[Pp]resident|[Mm]inister|[Ss]ecretary|[Ee]nvoy|[Ss]pokes(?:man|woman|person)|[Aa]mbassador|"
    r"[Cc]ommander|[Cc]hief|[Dd]irector|[Gg]overnor|[Mm]ayor|[Kk]ing|[Pp]rince|[Ss]heikh|[Gg]eneral|"
    r"[Cc]ounterpart|[Ll]eader|[Cc]hairman|"
    r"[Aa]dviser|[Aa]dvisor|[Oo]fficial|[Aa]ctivist|[Jj]ournalist|[Rr]esidents?|[Dd]octor|[Mm]edic|"
    r"[Hh]usband|[Ww]ife|[Ww]idow|[Ss]on|[Dd]aughter|[Ff]ather|[Mm]other|[Bb]rother|[Ss]ister|[Cc]ousin|"
    r"[Uu]ncle|[Nn]ephew|[Nn]iece|[Gg]randson|[Gg]randfather|[Pp]oet|[Aa]uthor|[Ww]riter|[Bb]logger|"
    r"[Cc]andidate|[Nn]eighbou?r|[Ll]awyer|[Ss]tudent|[Tt]eacher|[Ff]armer|[Pp]riest|[Cc]leric|"
    r"[Rr]eporter|[Cc]orrespondent|[Pp]hotographer|[Ss]inger|[Aa]rtist|[Bb]usinessman|[Oo]wner|[Oo]perative|"
    r"[Bb]oss|[Kk]ingpin|[Tt]rafficker|[Ff]ounder|[Aa]nalyst|[Rr]esearcher|[Ee]xpert|[Pp]rofessor|"
    r"[Pp]rosecutor|[Jj]udge|[Ll]awmaker|[Ss]enator|[Ee]ngineer|[Ff]ugitive|[Cc]apo|[Dd]rug\s+lord|[Hh]itman|"
    r"[Cc]ontender|[Cc]hallenger|[Rr]ival|[Ww]arlord|[Dd]issident|[Ee]xile|[Mm]onk|[Nn]un|"
    # occupations of the people news name in passing: "former soldier Edilson Duarte Meza", "drivers X and Y"
    r"(?:[Ss]oldier|[Dd]river|[Pp]oliceman|[Pp]olicewoman|[Gg]uard|[Dd]efendant|[Ss]uspect|[Aa]ide|[Ii]nspector|[Cc]onstable)s?"
    r"|[Oo]mbudsman|[Hh]eadman|[Ee]lder|[Pp]astor|[Bb]ishop|[Rr]ector|[Aa]dministrator|[Ss]uperintendent|"
    # police ranks and offices written as acronyms: "ASP Abubakar Sadiq Aliyu", "DSP Mohammed Shehu", "IGP
    # Kayode Egbetokun", "ADGP Anand Jain", "OCPD Joseph Kimani", "MP Kaushalendra Kumar"; honorifics
    rf"{_RANK_ACRONYMS}|Hon\.?|Engr\.?|Barr\.?|Shri|Smt\.?"
    # and its acronym or one place's name may come between: "National Security Advisor (NSA) Ajit
    # Doval", "Governor of Manipur Anusuiya Uikey", "a resident of Somoniyon village Davlatboy Nasriddinov"
    rf"|(?i:(?:{_TRADES})s?))(?:\s+\([A-Z]{{2,6}}\)|\s+of\s+(?!The\b)[A-Z][\w'’-]+(?:\s+{_SETTLEMENT_NOUNS})?)?\s+$",
    words=4,  # "drug lord (DL)", "Governor of Manipur", "resident of Somoniyon village"
)
# "Aguil Lual (@AguilB) called on...": a name with its social media handle is a person's.
_HANDLE_AFTER = re.compile(r"\s*\(@\w+\)")
_ROLE_NOUNS = (
    rf"{_TRADES}|head|chief|director|spokes(?:man|woman|person)|minister|president|commander|leader|official|"
    r"founder|member|coordinator|researcher|analyst|activist|journalist|reporter|photographer|doctor|"
    r"resident|professor|ambassador|envoy|representative|secretary|advis[eo]r|general|colonel|officer|"
    r"manager|deputy|chairman|executive|expert|fellow|editor|correspondent|medic|surgeon|nurse|"
    r"volunteer|worker|mayor|governor|lawmaker|senator|father|mother|brother|sister|son|daughter|"
    r"owner|teacher|student|lawyer|cleric|commissioner|rapporteur|negotiator|engineer|mufti|imam|"
    r"sheikh|partner|poet|author|writer|blogger|candidate|neighbou?r|widow|husband|wife|priest|farmer|"
    r"soldier|prosecutor|judge|victim|survivor|witness|singer|artist|businessman|businesswoman|supporter|loyalist|"
    r"ombudsman|headman|elder|pastor|bishop|rector|administrator|superintendent|chairwoman|chairperson|physician|"
    r"constable|jawan|policeman|policewoman|trooper|rifleman"
)
# People named after their tie to another: "another former Kadyrov associate, Umar Israilov,"
# (only before the name: after it, ", while his bodyguards" is no apposition).
_TIE_NOUNS = r"aide|associate|bodyguard|assistant|colleague|friend|relative|opponent|rival|critic|successor|predecessor|counterpart"
# "approved Marzieh Vahid Dastjerdi as health minister": appointed to a post only a person holds.
_AS_ROLE_AFTER = re.compile(rf"\s+as\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{_ROLE_NOUNS})\b")
_AGE_AFTER = re.compile(r"\s*,\s+(?:a|an)\s+\d{1,3}[- ]year[- ]old\b")
_RANKS_IN_CAPITALS = frozenset(_RANK_ACRONYMS.split("|"))
_RANK_AFTER = re.compile(rf"\s*,\s+(?:{_RANK_ACRONYMS})\b")  # "Vijay Kumar, ADGP (Kashmir), said"
_APPOSITION_AFTER = re.compile(  # "\s*,": tokenized corpora write "Musa Ibrahim , a spokesman"
    rf"\s*,\s+(?:(?:the|a|an|who|whose|his|her|both)\s+)?(?:[\w.'’-]+\s+){{0,5}}?(?i:{_ROLE_NOUNS})s?\b|\s*,\s+\d{{1,3}}\s*[,;.]"
    r"|\s*,\s+who\b"  # "Lianne Seymour, who lost her husband": only people are "who"
    rf"|\s*,\s+(?:an?|the|another)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_TIE_NOUNS})\b"  # "Zalmai Rassoul, an aide to the king,"
    rf"|{_AGE_AFTER.pattern}"  # "Khaleda el-Kweldi, a 6-year-old girl"
)
_KIN_NOUNS = (
    r"wife|husband|son|daughter|brother|sister|mother|father|uncle|aunt|widow"
    r"|cousin|nephew|niece|grandson|granddaughter|grandmother|grandfather|fiancée?|step(?:son|daughter|mother|father)"
)
_KIN_OR_NAMED_BEFORE = re.compile(  # "his son, Gamal,", "a man known as Alonso", "a rebel spokesman, called Abdelsalam"
    r"(?:(?:\b(?:his|her|their|whose|a|an)|['’]s)\s+(?:(?:[\w-]+-year-old|eldest|youngest|elder|younger|older|little|"
    rf"baby|teenage)\s+)?(?:{_KIN_NOUNS})"
    r"\s*,?|\b(?:man|woman|boy|girl|protester|witness|fighter|soldier|exile|dissident|monk|nun|refugee|bandit|gunman|kingpin"
    rf"|farmer|{_ROLE_NOUNS})s?\s*,?\s+(?:named|called|known\s+as))\s+$",
    re.IGNORECASE)
# The word _KIN_OR_NAMED_BEFORE ends with (before a comma and spaces): see _kin_or_named_before.
_KIN_OR_NAMING_WORD = re.compile(rf"{_KIN_NOUNS}|named|called|as", re.IGNORECASE)
# A title written in lower case before one word: "rebel spokesman Abdelsalam said", "division
# commander Prabhakar confirmed", "Maoist strongman Prachanda issued".
_LOWER_TITLE_BEFORE = _Ending(
    r"\b(?:president|minister|ambassador|envoy|spokes(?:man|woman|person)|senator|king|prince|chancellor|premier"
    r"|captain|colonel|lieutenant|sergeant|admiral|brigadier|corporal|commander|leader|chief|strongman|supremo)\s+$", words=1)
# Where news identify the dead, the wounded or a suspect, a name needs no known first name:
# "identified as Jangpao Touthang", "identified the deceased as", "The deceased: Deepak Kumar
# (23) | Satish Kumar (45)", "The other terrorists killed in the gun battle are Tauseef Shiekh",
# "70-year-old Domkhohoi Haokip", "Margaret Banyazaki, 60 and Tugume, 25".
_IDENTIFIED_BEFORE = re.compile(
    r"\bidentified(?:\s+(?:him|her|them|himself|herself|(?:some\s+of\s+)?the\s+[\w-]+(?:\s+[\w-]+)?))?"
    r"(?:\s+(?:only\s+)?as)?\s*:?\s+$|\b(?:deceased|dead|victims|injured|wounded|slain)\s*:\s*$"
    r"|\bgave\s+(?:his|her|their)\s+names?\s+(?:only\s+)?as\s+$", re.IGNORECASE)  # "who gave his name as Garba"
# ... and of a name of two words or more, where the dead are listed ("All the deceased are Meitei": a people).
_LISTED_DEAD_BEFORE = re.compile(
    r"\b(?:killed|dead|slain|deceased|victims|injured|wounded)\b[^.;:\"“”]{0,60}?\b(?:are|were|include[ds]?|including)\s+$",
    re.IGNORECASE)
# ... or of a certain person: "alongside one Mustapha Halilu".
_A_CERTAIN_BEFORE = re.compile(r"\b(?:alongside|with|and)\s+one\s+$|\ba\s+certain\s+$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]year[- ]old\s+$", re.IGNORECASE)
_AGE_AFTER_A_NAME = re.compile(r"\s*\(\s*\d{1,3}\s*\)|,\s+\d{1,3}(?=\s*(?:[,;.)]|and\b|$))")
# What may follow an identified name: the list or sentence goes on, or the person is described.
_IDENTIFIED_NAME_ENDS = re.compile(
    r"\s*(?:[,;.:|()]|and\b|$|\s(?:was|were|is|are|had|has|who|of|from|son|daughter|wife|alias|[sdw]/o)\b)")
# A person's noun in apposition to one word: "to see Nasib, a comatose baby", "Amgad, a mother of three".
_PERSON_APPOSITION_AFTER = re.compile(r"\s*,\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?(?i:baby|child|toddler|infant|teenager)\b")
# 'a man known in the area as alias "Cachetes"', 'goes by the aliases "Jair" and "El Loco"'
# What puts a person's nickname in quotes before it: 'alias "El Mellizo"', 'led by warlords
# "Macaco" and "Cuco Vanoy"', 'their nicknames "Truki" and "Nixon"'.
_NICKNAME_CUE = r"\b(?:alias(?:es)?|nicknamed|nicknames?|a\.k\.a\.?|aka|led\s+by(?:\s+(?:warlords?|bosses|commanders?))?|warlords?)"
_NICKNAME_BEFORE = re.compile(
    rf"(?:{_NICKNAME_CUE}|{_NICKNAME_CUE}\s+[\"“]\s?[^\"”]{{1,40}}[\"”],?\s+and)\s+[\"“'‘]\s?$", re.IGNORECASE)
_OPENING_QUOTES = frozenset("\"“'‘")  # what _NICKNAME_BEFORE ends with, but for spaces
_PLACE_NOUN_AFTER = re.compile(r"\s+(?:road|street|highway|avenue|bridge|roundabout|crossing|corridor)\b")
_OTHER_NAME_BEFORE = re.compile(r"\b(?:nom\s+de\s+guerre(?:\s+(?:is|was))?|real\s+name\s+(?:is|was))\s+$")
_NICKNAME_END = re.compile(r"\s?,?\s?[\"”]")
# Between a person's name and the nickname right after it: ' ("Tony Tormenta")', ' " El Coss ,"'.
_NICKNAME_AFTER_A_NAME = re.compile(r"\s?(?:\(\s?)?[\"“]\s?")
# A nickname inside a name: 'Ignacio "Nacho" Coronel', 'Joaquin "El Chapo" Guzman Loera', 'Ronald "Bato"
# dela Rosa'.
_NAME_TAIL = r"[a-zà-öø-ÿ'’-]+"  # a name word after its capital
_NAME_WORD = rf"[A-Z]{_NAME_TAIL}"
# The first capital opens the pattern, the word boundary before it checked behind it: re's fast
# scan for a capital then skips the lower-case words, where "\b" first was tried at each.
_NICKNAME_INSIDE = re.compile(
    rf"(?P<first>[A-Z](?<!\w.){_NAME_TAIL}(?:\s+{_NAME_WORD})?)\s+[\"“]\s?[A-Z][^\"”\n]{{0,30}}?\s?,?[\"”]\s+"
    rf"(?P<last>(?:(?:de|del|dela|delos|de\s+la|de\s+los|da|van|von)\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\b")
_ABBREVIATED_TITLE_BEFORE = re.compile(rf"\b{_DOTTED_TITLES}\s+$")
_SIBLING_NOUNS = ("brothers", "sisters", "siblings", "sons", "daughters", "cousins", "twins")
_AGE_IN_BRACKETS = r"(?:\s*\(\d{1,3}\))?"  # "Brothers Rory (18) and Gerard Cairns (22)"
_SIBLINGS = re.compile(
    rf"\b(?i:{'|'.join(_SIBLING_NOUNS)})\s+"
    rf"(?P<given>(?:[A-Z][a-z]+{_AGE_IN_BRACKETS},\s+)*[A-Z][a-z]+){_AGE_IN_BRACKETS},?\s+and\s+(?P<last>[A-Z][a-z]+\s+"
    r"(?P<surname>(?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+))\b")
# One given name, "and", then a person's given name and surname: "George and Gillian Williamson"
_SHARED_SURNAME = re.compile(
    r"(?<![\w'’-])(?P<given>[A-Z][a-z]+)\s+and\s+(?P<partner>[A-Z][a-z]+\s+(?P<surname>[A-Z][\w'’-]+))\b")
# A speaker named by one word and described as a person: "said Amgad, a mother of three",
# "said one young man, Haitham."
_PERSON_NOUNS = rf"{_ROLE_NOUNS}|man|woman|boy|girl|protester|fighter|rebel|demonstrator|villager|refugee"
_ONE_WORD_SPEAKER_AFTER = re.compile(rf"\s*,\s+(?:a|an)\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{_PERSON_NOUNS})\b")
# ... or not speaking: "Goodwill, a secondary school teacher, explained", "David, another teacher"
# (a place is no token of a name here: "Aleppo, a city" never reaches this test)
_ONE_WORD_PERSON_AFTER = re.compile(
    rf"\s*,\s+(?:who\s+(?:is|was)\s+)?(?:a|an|another)\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{_PERSON_NOUNS})\b(?!\s+(?:of|for)\b)")
_ONE_WORD_SPEAKER_BEFORE = re.compile(
    rf"\b(?:said|says|told|added)\s+(?:one|a|an|another)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON_NOUNS})\s*,\s*$")
_APPOSITION_BEFORE = re.compile(rf"\b(?:(?:{_PERSON_NOUNS}|{_TIE_NOUNS})s?\b[^.;:!?\"“”]{{0,70}}|\d{{1,3}}[- ]year[- ]old\s*),\s*$", re.IGNORECASE)
# Speech plus verbs of accusation and report, which also show that a name is a speaker.
_SPEECH_VERBS = SPEECH_VERBS + (
    r"|denied|described|reported|called|accused|blamed|demanded|acknowledged|admitted"
)
_SPEECH_AFTER = re.compile(rf"\s+(?:(?:also|then|later|simply|has|had|have|was|is|would|will)\s+)?(?:{_SPEECH_VERBS})\b")
# A name, its organisation, then what it said: "Mudafar Al-Juburi from the Dyala police station
# said", "Arnel dela Vega of the army's Western Mindanao Command said".
_AFFILIATION_THEN_SPEECH = re.compile(
    rf"\s+(?:of|from)\s+(?:the\s+)?[^.,;:\"“”()\[\]]{{1,60}}?\s+(?:{_SPEECH_VERBS}|writes|wrote|stated)\b")
_SPEECH_BEFORE = _Ending(
    r"\b(?:said|says|told|according to|killed|kidnapped|abducted|murdered|assassinated|arrested|detained"
    # what is done to people: "the murders of Secundino Orellana Romero and ...", "the arrest of"
    r"|(?:murders?|killings?|assassinations?|arrests?|capture|kidnappings?|abductions?|disappearances?|extraditions?)\s+of"
    r"|identified\s+(?:only\s+)?as)\s+$",  # "the deceased seaman was identified as Jaypee Galicha"
    words=3)
_BYLINE_BEFORE = re.compile(r"(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Pp]hotos?|[Ee]dited|[Ww]ritten|[Cc]ompiled)\s+by\s+$")
# The later names of a credit line: "Editing by Douglas Hamilton and Sophie Hares".
_CREDIT_LIST = re.compile(
    r"(?:(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Ee]dited|[Ww]ritten|[Cc]ompiled)\s+by|(?:\A|\n)[ \t]*By)"
    r"\s+[^.;()\n]{2,60}?(?:,|\band)\s+$")
# A possessive written with its apostrophe: where a text has one, an "s" without is a plural.
# It opens with the apostrophe, its letter or letter and space checked behind it: re's fast scan
# for that character then skips the rest of the text (10x faster than opening with "\w").
_APOSTROPHE_S = re.compile(r"['’](?:(?<=\w.)|(?<=\w .))s\b")
# A byline of its own line: "By Hamid Ould Ahmed and Mariam Karouny ALGIERS/TUNIS".
_LINE_BYLINE_BEFORE = re.compile(r"(?:\A|\n)[ \t]*By\s+$")
_CREDIT_BLOCK = re.compile(
    r"(?:\(|-LRB-)\s*(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)\s+by\b[^()\n]{0,600}?(?:\)|-RRB-)")
# "CNN's Alan Silverleib, Jill Dougherty and Mike Pearson contributed to this report"
_CONTRIBUTED = re.compile(r"[^.;\n]{0,200}?\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)", re.IGNORECASE)
# What a text _CONTRIBUTED matches holds once lower-cased: none of its letters is one that
# re.IGNORECASE also matches in another form (as "ı" and "İ" match "i"), so lower() keeps it.
_CONTRIBUTED_WORD = "contr"
# A government acts through its metonym: "Moscow said", "blamed Washington", "Iran-backed".
_PROGRESSIVE_VERBS = (
    r"calling|urging|pushing|seeking|pressing|demanding|asking|trying|considering|weighing|preparing|fighting|"
    r"planning|offering|providing|sending|threatening|insisting|warning|negotiating|supporting|backing|"
    r"arming|funding|refusing|rejecting|blocking|co-?operating|prioriti[sz]ing|deploying|pursuing|supplying|"
    # what a state buys, builds and tests: "Israel is buying bunker-buster bombs"
    r"buying|selling|purchasing|acquiring|developing|enriching|testing|"
    # "Washington is still waiting to get a full readout" (not "Saudi Arabia is waiting for you":
    # a refuge), hoping, lobbying
    r"waiting(?=\s+to\b)|hoping|lobbying|courting|mulling|reviewing|exploring|assessing"
)
_ACTION_VERBS = (
    rf"{_SPEECH_VERBS}|refused|rejected|agreed|launched|sent|supported|backed|pressed|pressured|wants|"
    r"wanted|responsible|supposed|threatened|condemned|criticised|criticized|welcomed|proposed|offered|backs|"
    r"sought|seeks|hopes|hoped|believes|deployed|carried|conducted|struck|bombed|intervened|signed|"
    r"approved|imposed|recognised|recognized|expressed|failed|continued|continues|decided|ordered|"
    r"promised|intends|plans|planned|tried|helped|withdrew|dispatched|opposed|supports|insists|warns|"
    r"demands|accuses|rejects|refuses|vetoed|blocked|expelled|summoned|recalled|denounced|accused|offers|sends|"
    r"promises|taken|abstained|voted|joined|pledged|pledges|provided|delivered|donated|contributed|suspended|"
    r"resumed|froze|evacuated|extradited|airlifted|issue|issued|issues|expels|expelled|retaliate|retaliated|"
    r"responded|protested|objected|denied|denies|admitted|admits|acknowledged|sided|appeared|appears|"
    r"stepped|floated|banned|bans|reacted|reacts|dismissed|dismisses|invited|invites|allowed|allows|"
    r"complained|complains|complain|claims|commented|comments|"
    # what only a state does to its prisoners, and pays: "Iran hanged two men", "claimed Israel financed it"
    r"executed|executes|hanged|financed|"
    # the blows only a state's forces deal: "as Israel hammered the territory"
    r"hammered|pounded|shelled|bombarded|invaded|raided|annexed|intensified|escalated|mobilised|mobilized|unleashed|"
    # the plural, after governments coordinated or an auxiliary: "Israel and the US accuse Iran"
    r"accuse|reject|deny|insist|demand|refuse|oppose|want|believe|fear|warn|claim|urge|agree|intend|condemn|consider|"
    # what a state does with a fugitive: "Nigeria has granted him sanctuary", "should turn him over"
    r"grant|grants|granted|hand|hands|handed|turn|turns|turned|give|gives|gave|release|releases|released|freed|send|"
    r"considers|keeps|kept|pursue|pursues|pursued|co-?operate|co-?operates|co-?operated|supplies|supplied|"
    r"arrest|arrests|arrested|detained|deport|deports|deported|extradite|harbou?red|sheltered|hosted|hosts|"
    r"bought|purchased|acquired|tested|test-fired|help|helps|reinforced|opened|pulled|drafted|tabled|called\s+for|"
    # what a state does to its pressure on another, and what only a state does in war: "the United
    # States paused intelligence sharing", "Moscow has since increased pressure", "Russia invaded"
    # (not "captured" nor "shelled": "forces in northern Syria have captured areas")
    r"paused|halted|stopped|increased|raised|reduced|escalated|intensified|ramped|boosted|expanded|lifted|eased|"
    r"tightened|invaded|annexed|downed|intercepted|mobili[sz]ed|"
    # "after Israel destroyed much of the group's infrastructure" (not "killed": "Bamako which killed 20" is the raid)
    r"destroyed|targeted|assassinated|waged|fought|"
    # what a state starts or lists: "since Washington began its campaign", "Baghdad designated the PKK"
    r"began|designated|designates|proscribed|outlawed|blacklisted|"
    # and the progressive: "Washington is calling on its ally"
    rf"{_PROGRESSIVE_VERBS}"
)
# A quotation may open at the verb: 'Washington is still "waiting to get a full readout"'.
_ACTS = (rf"(?:\s+(?:has|have|had|was|were|is|are|will|would|could|should|must|may|might|did|does|also|all|both|"
         r"strongly|firmly|openly|publicly|"
         rf"not|now|then|still|already|again|since|itself|on\s+\w+|and\s+\w+|in\s+(?:\d{{4}}|{'|'.join(MONTH_NAMES)}))){{0,3}}"
         rf"\s+[\"“]?(?:{_ACTION_VERBS})\b"  # "Baghdad in March designated the PKK"
         # "have been pushing for", not "has been called": the passive acts on it
         rf"|\s+(?:has|have|had)\s+been\s+(?:{_PROGRESSIVE_VERBS})\b"
         # "Washington had not been given advance notice": only people, and so a state, are told
         r"|\s+(?:has|have|had|was|were)\s+(?:not\s+)?been\s+(?:given|told|informed|notified|briefed|consulted)\b")
# "Moscow was in talks with Belarus", "Iraq is ready to": a stance only a government takes.
_STANCE = (r"\s+(?:is|was|are|were|(?:has|had)(?:\s+(?:for\s+)?long)?\s+been|remains?|remained)\s+"
           r"(?:\w+ly\s+|also\s+|still\s+|now\s+|not\s+)?"
           r"(?:in\s+(?:talks|contact)|involved|opposed|ready|prepared|willing|determined|reluctant|unwilling|keen|eager|adamant|wary|suspicious|"
           # "Moscow has for long been concerned about Islamist groups"
           r"concerned|worried|alarmed|troubled|disturbed|dismayed|disappointed|appalled|"
           # "Moscow has been a strong critic of the mission": a part only a state plays
           r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:critic|ally|supporter|backer|opponent|sponsor|patron|enemy|foe|"
           r"mediator|guarantor|signatory)s?\s+of)\b")
# "Moscow has its own military airbase", "Iran has missiles": what only a state has.
_ARMED = (r"\s+(?:has|have|had)\s+(?:its\s+own\s+)?(?:military|army|troops|forces|air\s?bases?|bases|navy|warships|"
          r"nuclear\s+weapons|missiles)\b")
# PLACE_KIND_AFTER without "state", which also follows an outlet ("SANA state news agency")
_DIVISION_AFTER = re.compile(r"\s+(?:province|region|governorate|district|county|city|town|village|neighbou?rhood)\b")
# "Fars initially reported", "Anadolu said": what an outlet does, and a province cannot.
_OUTLET_REPORTS_AFTER = re.compile(
    rf"\s+(?:(?:initially|later|first|also|earlier|then)\s+)?(?:{_SPEECH_VERBS}|reported|reports|quoted|cited|published)\b"
    r"|\s+(?:initially|later|then)\s+[a-z]+ed\b")  # "Fars later adjusted the toll"
_ACTING_AFTER = re.compile(rf"{_ACTS}|{_STANCE}|{_ARMED}|{LED_AFTER.pattern}")
# "Moscow had amassed troops", "Washington has stepped up accusations": a capital that has done
# something is its government (a country that "has suffered" is still where it happened).
_CAPITAL_ACTS_AFTER = re.compile(
    # "Tehran would employ its weapons", "Washington should not tolerate": a city has no will of its own
    r"\s+(?:would|could|should|will|can|may|might|must|shall)\s+(?:not\s+|also\s+|now\s+|still\s+|never\s+)?[a-z]+\b|"
    r"\s+were\s+to\s+[a-z]+\b|"  # "if Washington were to cut it"
    r"\s+(?:has|have|had)\s+(?:\w+ly\s+|also\s+|already\s+|now\s+|not\s+|long\s+)?"
    r"(?!(?:suffer|experienc|witness|endur|record|chang|flood|shak|rock)ed\b)[a-z]+ed\b")
# "travelling to Russia, which said on Sunday": a relative clause makes even a destination act.
_WHICH_ACTS_AFTER = re.compile(rf"\s*,?\s*which{_ACTS}")
# "the Supreme Leader of Iran", "the ambassador of Mexico": an office of the government.
_OFFICE_OF_BEFORE = _Ending(
    r"\b(?:president|premier|king|queen|emir|sultan|leader|ruler|minister|ambassador|envoy|embassy|consulate|"
    r"delegation|delegate|representative|decision|refusal|approval|consent|position|policy|praise|help|role|efforts)"
    r"\s+of\s+(?:the\s+)?$",
    words=3, flags=re.IGNORECASE)  # not "the Government of Honduras": that is "the Government"
# "forcing Moscow to divert troops", "would allow Moscow to push": a state is made to act.
_MADE_TO_BEFORE = re.compile(r"\b(?:forc|allow|enabl|compel|persuad|convinc|prompt|push|pressur|invit)\w*\s+$")
_TO_DO_AFTER = re.compile(r"\s+to\s+(?!the\b|a\b|an\b|its\b)[a-z]+\b")
_ACTED_ON_BEFORE = re.compile(
    r"\b(?:blamed|blames|blaming|accused|accuses|accusing|urged|urges|urging|called\s+on|calling\s+on|pressure\s+on|"
    r"pressed|pressing|warned|warning|criticised|criticizing|criticising|aligned\s+with|demanded|demanding|"
    r"criticized|condemned|asked|told|sanctions\s+on|demands\s+of|backed\s+by|supported\s+by|"
    # "militias trained and paid by Abu Dhabi": a state pays
    r"(?:trained|paid|funded|financed|armed|equipped)(?:\s+and\s+\w+ed)?\s+by|"
    r"agrees?\s+with|agreed\s+with|ties\s+with|relations\s+with|talks\s+with|"
    # "sent a message to Madrid and other European capitals": a state is written to
    r"(?:messages?|letters?|appeals?|ultimatums?|notes?\s+verbales?|diplomatic\s+notes?)\s+to|"
    # "officials from Britain, the US and Italy all said": a government's people
    r"(?i:officials|envoys|delegates|delegations?|ministers)\s+from|"  # "expels diplomats from London": the city
    r"(?:sent|sends|gives|gave|offered|offers|sold|sells|supplied|supplies)|"  # "world powers sent Tehran nuclear fuel"
    # "accusations against Pakistan", "angered Washington"
    r"(?:accusations|allegations|sanctions|threats|action|measures|case|campaign|resolution|complaints?|charges)"
    r"\s+against|angered|infuriated?|alarm(?:ed|ing|s)|worr(?:ied|ying|ies)|irk(?:ed|ing|s)|"
    # "a pact with Washington", "the war of words between Washington and Moscow"
    r"(?:pact|deal|agreement|alliance|disputes?|relationship|contacts|co-?operation|negotiations|partnership|"
    r"confrontation|standoff|rift|consultations)\s+with|"
    r"(?:relations|tensions?|rift|distrust|mistrust|talks|war\s+of\s+words|disputes?|rivalry|contacts|dialogue|"
    r"split|standoff|confrontation|negotiations|agreement|deal|pact|hostility|enmity|rapprochement|trust|"
    # ... or the second of the pair: "a rift between Karzai and Washington"
    r"process|war|conflict|discord|differences|friction|divide|co-?operation)\s+between"
    r"(?:\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}and)?|"
    # "its old enemy Washington", "its ally Moscow"
    r"\b(?:its|their|his|her)\s+(?:\w+\s+)?(?:enemy|ally|rival|foe|adversary|partner|patron|backer)|"
    # "the main ally of Tehran", "pointed the finger at Israel"
    r"\b(?:ally|allies|enemy|enemies|foe|proxy|proxies|patron|backer|backers)\s+of|\bfinger\s+at|"
    # "the new administration in Kabul", "the regime in Damascus": the government seated there
    r"\bthe\s+(?:[a-z-]+\s+)?(?:government|administration|regime)\s+in|"
    # the agent of a deed: "attempts by Britain", "the invasion by Iraq"; "trained by the US",
    # "armed by Iran" (not "bordered by Iraq")
    r"\b(?:attempts?|efforts?|moves?|bids?|decisions?|requests?|offers?|proposals?|plans?|interventions?|"
    r"invasion|occupation|recognition|annexation|crackdown|airstrikes?|air\s+strikes|raids?|bombing|shelling)\s+by|"
    r"\b(?!(?:border|surround|flank|separat|dominat|found|visit|cross|hit|struck|follow|preced)ed\b)[a-z]{3,}ed\s+by|"
    # "designated a foreign terrorist organisation by the United States"
    r"\b(?:designated|listed|blacklisted|classified|labell?ed|branded|proscribed)\s+(?:[\w-]+\s+){1,5}?by)\s+(?:the\s+)?$"
    rf"|(?i:{BACKING_FROM.pattern})"  # as places read it: "Calls for restraint from the US"
)
# "in Syria", "in northern Brazil", "across the eastern Congo": where, not who
_LOCATIVE_BEFORE = _Ending(r"\b(?:in|at|near|from|to|outside|around|into|across|of|over|towards?|inside|via)\s+(?:the\s+)?"
                           r"(?:(?:north|south|east|west)[\w-]*\s+|central\s+)?$", words=3, flags=re.IGNORECASE)
# What a government does things with: "Russian warplanes", "the Syrian army", "Syria's military".
_FORCE_NOUN = re.compile(
    r"(?:(?:federal|central|transitional(?:\s+federal)?|interim)\s+(?:government|forces|troops|authorities)|"
    r"(?:full[\s-]scale\s+)?(?:invasion|aggression|occupation|annexation)|"  # "Moscow's full-scale invasion"
    r"governments?|regime|army|military|armed\s+forces|special\s+forces|forces|troops|soldiers|"
    r"national\s+(?:army|armed\s+forces|guard)|(?:national\s+|people['’]s\s+)?defen[cs]e\s+forces?|"  # "Somali National Army", a state's army
    r"war\s?planes|fighter\s+jets|jets|aircraft|planes|helicopters|drones|drone\s+(?:strikes?|attacks?)|air\s?force|"
    r"navy|authorities|police|"
    r"coast\s+guard|support|backing|intervention|policy|refusal|reluctance|decision|position|stance|insistence|"
    r"intentions|motives|ambitions|demands|strategy|diplomacy|pressure|threats|assurances|guarantees|"
    r"officials?|diplomats|ministry|"  # a ministry of a field of MINISTRY_FIELDS is an actor of its own
    r"artillery|air\s?strikes?|"
    r"air\s+raids?|raids?|bombing|bombardment|shelling|offensive|strikes?|missiles?|tanks|officers|"
    r"delegation|intelligence|security\s+forces|general\s+staff|"
    r"border\s+(?:guards?|troops|forces|police|service))\b",  # "Tajik border guards shelled ..."
    re.IGNORECASE,
)
# A state's armed forces named after its country ("Kenya Defence Forces", "Uganda People's Defence
# Force", "Nigeria Police Force"): part of its government, as its army is.
_NATIONAL_FORCE_NAME = re.compile(
    r" (?:National )?(?:(?:People['’]s )?Defen[cs]e Forces?|Armed Forces|Army|Air Force|Navy|Police(?: Force| Service)?)\b")
# A country's name before its forces or officials, in lower case: "the Pakistan military", "Iraq
# officials said" (a country's own name, not a capital's: "Washington police" are the city's).
_COUNTRY_FORCE_AFTER = re.compile(r" (?:military|army|troops|forces|security forces|police|officials|navy|air force)\b")
# Bodies every state has, named alike: "Russia's Security Council" is no UN body and "Ukraine's
# Security Service" no MI5; each is an actor of its country's ("Security Council (Russia)").
_NATIONAL_BODY = re.compile(
    r"(?:National\s+Security\s+(?:and\s+Defen[cs]e\s+)?Council|Security\s+Council|(?:Federal\s+)?Security\s+Service"
    r"|Investigative\s+Committee|State\s+Emergency\s+Service|Emergency\s+Service|Border\s+(?:Guard\s+)?Service"
    r"|Foreign\s+Intelligence\s+Service|National\s+Police)\b")
# "The British embassy has called on Iran": an embassy that acts, not one bombed or stood outside.
_EMBASSY_ACTS = re.compile(rf"\s+(?:embassy|consulate)(?=(?:\s+in\s+[A-Z][\w-]+)?(?:\s+(?:has|had|also|then|later))?"
                           rf"\s+(?:{_SPEECH_VERBS}|issued|advised|condemned|confirmed)\b)", re.IGNORECASE)
# What only a government has, after its capital's possessive: "Tehran's stated willingness",
# "Washington's claims", "Moscow's food import ban" ("Moscow's mayor" is the city's).
_GOVERNMENT_POSSESSION = re.compile(
    r"(?:[a-z-]+\s+){0,2}?(?:claims?|accusations?|allegations?|nuclear|programmes?|programs?|willingness|interests?|"
    r"bans?|demands?|threats?|response|reaction|allies|ally|enemies|enemy|intentions?|ambitions?|influence|"
    r"involvement|strategy|plans?|proposals?|offers?|requests?|pressure|relations|relationship|ties|"
    r"diplomacy|diplomats?|envoys?|ambassadors?|sanctions|objections?|concerns?|refusal|demand|authorities|"
    r"officials|regulators|inspectors|watchdog|(?:federal|central|national)\s+government|"
    r"goals?|aims?|stance|policy|policies|presence|campaign|offensive|military(?!\s+administration)|"
    r"actions|incursions?|aggression|retaliation|assault|operations|blockade|siege)\b")  # "Israel's repeated aggression"
# "the survival of the regime is Tehran's goal", "Moscow's main military presence in Mali" (not
# "Kyiv's military administration", the city's)
# "Libyan leader Muammar Gaddafi": the country whose government his forces are.
_LEADER_BEFORE = re.compile(
    r"\b(?P<demonym>[A-Z][a-z]+)\s+(?:leader|president|dictator|strongman|ruler|king|emir|prime\s+minister)\s+$",
    re.IGNORECASE)
_LEADERS_FORCES_AFTER = re.compile(
    r"(?:\s?['’]s)?\s+(?:forces|troops|regime|government|loyalists|militiamen|brigades|army|military|soldiers)\b")
_PRO_FORCES_AFTER = re.compile(r"\s+(?:forces|troops|fighters|militias?|loyalists|units|soldiers)\b")
_FORMER_BEFORE = re.compile(r"\b(?:former|ex-?|late)\s*$", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(r"\ban?\s+$", re.IGNORECASE)  # "an American television interviewer": no one outlet
_BROADCASTER_AFTER = re.compile(r"\s+(?:state(?:[- ]run)?\s+|official\s+)?(?:TV|television|radio)\b")
# A demonym before an official's title speaks of that country's government: "Spanish Defense
# Minister Carme Chacon", "Iranian officials".
_OFFICIAL_AFTER = re.compile(
    r"\s(?:[A-Z][a-z]+\s+){0,2}(?:President|Prime\s+Minister|Minister|Secretary|Ambassador|Envoy|Chancellor|"
    r"Premier|Vice\s+President|officials?|ministers?|diplomats?|envoys?|ambassadors?|spokes(?:man|woman)|"
    r"[Rr]epresentatives?|[Dd]elegates?|[Dd]elegation|"
    r"(?:prime|foreign|defen[cs]e|interior)\s+minister|president|premier)\b")  # "Pakistan's prime minister"
# A ministry or service named without its country ("the Interior Ministry", "Ministry of
# Defence", "the National Police"): the government's of the country the story is about.
_MINISTRY_FIELD = "(?i:" + "|".join(
    r"\s+".join(field.split()) for field in sorted(MINISTRY_FIELDS, key=len, reverse=True)) + ")"
# A country's ministry after its demonym or possessive, in any case: "the Russian foreign
# ministry", "Egypt's Ministry of Health", "the Turkish Ministry of Foreign Affairs".
_MINISTRY = re.compile(
    rf"(?:(?P<field>{_MINISTRY_FIELD})\s+(?:ministry|department)|(?:ministry|department)\s+of\s+(?:the\s+)?(?P<of_field>{_MINISTRY_FIELD})"
    r"|(?P<office_field>foreign)\s+office)\b",  # "Pakistan's Foreign Office": its foreign ministry, not Britain's
    re.IGNORECASE)
# "the Iranian parliament", "Egypt's Parliament": a country's legislature, an actor of its own.
_LEGISLATURE = re.compile(r"(?i:parliament|legislature)\b(?!\s*(?:['’]s\s+)?(?:building|house|speaker|member|seat|election)s?\b)")
# "instructed the interior ministry": in lower case, after "the" (not "the interior ministry
# chief": a post)
_LOWER_CASE_MINISTRY = re.compile(rf"\bthe\s+(?P<name>(?P<field>{_MINISTRY_FIELD})\s+ministry)\b(?!\s+(?:chief|head)\b)")
# "Ministry of Foreign Affairs of Turkey": the country after the name
_FORCES_OF_COUNTRY = re.compile(r"(?:the\s+)?(?:Armed\s+Forces|National\s+Army|Army|Navy|Air\s+Force|National\s+Police)"
                                r"\s+of\s+(?:the\s+)?(?P<country>.+)")
_MINISTRY_OF_COUNTRY = re.compile(rf"Ministry\s+of\s+(?:the\s+)?(?P<field>{_MINISTRY_FIELD})\s+of\s+(?P<country>.+)")
_COUNTRYLESS_BODY = re.compile(
    rf"(?P<field>{_MINISTRY_FIELD})\s+Ministry|Ministry\s+of\s+(?:the\s+)?(?P<of_field>{_MINISTRY_FIELD})"
    rf"|Ministry\s+of\s+(?:the\s+)?{_MINISTRY_FIELD}\s+and\s+{_MINISTRY_FIELD}"
    r"|National\s+Police|Federal\s+Police|Armed\s+Forces|National\s+Army|Attorney\s+General['’]s\s+Office"
)
_PLACED_IN_A_CAPITAL = re.compile(
    r"\s+(?:(?:spokes(?:man|woman|person)|officials?|sources?)\s+)?in\s+(?P<capital>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
# Where a noun in apposition ends its phrase: "Corpades, a local NGO, said", not "a company spokesman".
_NOUN_PHRASE_ENDS = r"\b(?=\s*(?:[,.;:()\"”]|$|(?:that|which|who|whose|in|of|for|with|from|and|to|run|led|known|behind|[a-z]+ed)\b))"
# Words after an outlet's name that make another outlet's: an edition, a language, a medium
# ("BBC Mundo", "Al Jazeera English", "ITV News Channel"; not "Al Jazeera Television"); a place
# does too ("CNN Mexico").
_EDITION_WORDS = frozenset(
    """english arabic french spanish persian turkish urdu russian chinese mundo world international america americas
    africa asia europe brasil latino channel online digital radio burmese somali pashto dari hausa swahili ukrainian
    amharic tigrinya kurdish bangla bengali hindi nepali afrique uzbek azeri indonesian turk türk turkiye espanol
    español""".split())  # "CNN Turk", "CNN-Turk", "CNN en Español"
# Words after an outlet's name that are not part of it: credits and bylines ("AFP Photo", "CNN Wire Staff").
_EDITION_NOT = frozenset("photo photos image images staff wire correspondent reporter reported reports said says".split())
# The nouns that name an organisation beside its name: "mining company Continental Gold", "the
# law firm McCool Patterson Hemsi", "Corpades, a local NGO" (never a person, whatever its words).
_ORGANIZATION_NOUNS = frozenset("company firm corporation consultancy conglomerate charity watchdog ngo".split())
# The words before the noun that says what a name is: not a preposition ("Mohammad Samadi, a
# spokesman for the group" is a person).
_APPOSITION_FILLER = r"(?:(?!(?:for|of|from|with|at|in|to)\s)[\w'’-]+\s+)"
_ORGANIZATION_APPOSITION = re.compile(
    rf"\s*,\s+(?:a|an|the)\s+{_APPOSITION_FILLER}{{0,3}}?(?:company|firm|corporation|consultancy|charity|think[- ]tank|watchdog"
    r"|NGO|non-?governmental\s+organi[sz]ation|(?:advocacy|rights|campaign|research)\s+(?:group|organi[sz]ation))"
    + _NOUN_PHRASE_ENDS)
# A ship is named after its kind or prefix: never a person.
_VESSEL_PREFIXES = frozenset("USS HMS MV MS RFS INS".split())
_VESSEL_NOUNS = frozenset(
    "ship vessel warship destroyer frigate cruiser corvette carrier submarine tanker freighter ferry boat yacht trawler".split())
# The nouns that name an outlet beside its name ("the daily X", "X newspaper", "the news agency X").
_OUTLET_NOUNS = frozenset("newspaper daily weekly magazine broadcaster agency website outlet tabloid".split())
_OUTLET_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:newspaper|daily|weekly|magazine|broadcaster|news\s+agency|website|tabloid)\b",
    re.IGNORECASE)
# How news introduce a criminal or armed group they name: "a group known as", "members of the",
# "their rivals, the X", "X, an enforcer gang", "the X drug trafficking organization".
_CRIME_GROUP_NOUNS = r"(?:criminal|crime|drug[- ]trafficking|trafficking)\s+(?:organi[sz]ation|group|network|structure)"
_GROUP_NOUNS = rf"(?:gang|gangs|group|cartel|militia|faction|clan|clique|{_CRIME_GROUP_NOUNS})"
_GROUP_BEFORE = re.compile(
    rf"\b(?:(?:{_GROUP_NOUNS}|organi[sz]ation|alliance|affiliate|offshoot)(?:\s+of\s+[\w-]+)?,?"  # "a gang of assassins once known as"
    r"\s+(?:(?:once|often|also|sometimes|now|widely|commonly|locally)\s+)?(?:known\s+as|called|named|calling\s+itself|calls\s+itself)"
    r"|members\s+of|rivals,|(?:militant|armed|rebel|insurgent|jihadist|separatist|extremist)\s+group)"
    r"\s+(?:the\s+)?[\"“]?$")
_GROUP_AFTER = re.compile(  # "Jundallah (the Soldiers of Allah), a radical Sunni insurgency group": a gloss may come first
    rf"[\"”]?(?:\s*\([^()]{{1,60}}\))?,\s+(?:a|an|the)\s+{_APPOSITION_FILLER}{{0,3}}?(?:{_GROUP_NOUNS}|structure|allies|fighting\s+force|armed\s+wing|enforcers)"
    + _NOUN_PHRASE_ENDS)
# Two names and the plural of a group noun (match_groups_paired_with_groups).
_GROUP_PLURAL_WORDS = ("gangs", "cartels", "militias", "factions")
_GROUP_PLURALS = rf"(?:{'|'.join(_GROUP_PLURAL_WORDS)})\b"
_PAIRED_NAME = r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
_PAIRED_GROUP_AFTER = re.compile(rf"\s+and\s+(?:the\s+)?{_PAIRED_NAME}\s+{_GROUP_PLURALS}")
_PAIRED_GROUP_BEFORE = re.compile(rf"{_PAIRED_NAME}\s+and\s+(?:the\s+)?$")
_GROUP_PLURAL_AFTER = re.compile(rf"\s+{_GROUP_PLURALS}")
# "the Oajaca group", "the so-called X cartel", "the Samayoa clan", "the Villatoro organization":
# a name used as the noun's adjunct, after "the" (not "an opposition Islamist group", "Criminal gangs").
_GROUP_ADJUNCT_AFTER = re.compile(rf"[\"”]?\s+(?:{_GROUP_NOUNS}|organi[sz]ation)\b(?!s)")
# Spanish and Portuguese nouns of places that start a place's name, never a person's: "Vila da
# Prata", "Cidade de Deus", "Puerto Lempira", "Valle del Cauca".
_ROMANCE_PLACE_NOUNS = frozenset(
    "vila villa cidade ciudad puerto porto valle vale bahia bahía cerro sierra colonia barrio comuna morro complexo lago laguna "
    "isla ilha praia playa".split())
# A name after a saint's title is a place's ("Santa Ana Huista", "San Vicente del Caguan"), a person's never.
_SAINTS = frozenset("san santa santo sao são saint st sainte".split())
_NAMED_BY_NOUN_AFTER = re.compile(r"\s+(clan|organi[sz]ation)\b(?!s)", re.IGNORECASE)
# First words of parties' and movements' names that another name may go on from: the "Popular
# Congress Party" of Sudan is not India's "Congress Party".
_PARTY_WORDS = frozenset("congress national democratic popular party front council union movement islamic "
                         "revolutionary liberation united patriotic socialist communist republican unity justice".split())
_BODY_NOUN_BEFORE = re.compile(r"\b(?:rights|monitoring|advocacy|aid|relief|research|humanitarian|[A-Za-z]+-based)\s+"
                               r"(?:group|organi[sz]ation)\s+$")
_BODY_ADJUNCT_AFTER = re.compile(
    r"\s+(?P<field>(?:human\s+)?rights|monitoring|security|intelligence|research|aid|relief|advocacy|humanitarian|"
    r"conflict|press\s+freedom|watchdog)\s+(?:group|agency|organi[sz]ation|network|service|monitor|body|project)\b(?!s)")
_THE_BEFORE = re.compile(r"\b(?:the|so-called)\s+[\"“]?$", re.IGNORECASE)
_ALIAS_AFTER = re.compile(  # 'alias " El Loco ,"', "known as 'Pedro Orejas'"
    r"\s*,?\s+(?:alias|a\.k\.a\.?|aka|(?:also\s+|better\s+)?known\s+as|nicknamed|dubbed"
    r"|(?:whose|his|her)\s+(?:real\s+name|nom\s+de\s+guerre)\s+(?:is|was)"
    r"|(?:(?:also\s+|better\s+)?known\s+)?(?:by|under)\s+(?:his|her|the)\s+nom\s+de\s+guerre)\s+(?:[\"“'‘]\s?)?")
# One person's aliases, not several persons' ("known respectively by the aliases X and Y")
_ALIASES_BEFORE = re.compile(r"(?<!respectively by the )\baliases\s+[\"“]\s?$", re.IGNORECASE)
# not past a quote or "the other" ('one goes by the aliases "Jair" and "El Loco," and the other by the alias "Chumbi"')
_ALIAS_LATER = re.compile(r"(?:(?!\bother\b)[^.;\n\"“”]){0,80}?\b(?:by|under)\s+(?:the|his|her)\s+(?:alias|nickname|nom\s+de\s+guerre)\s+[\"“'‘]?\s?")
# An apposition that describes the person and gives their other name: "Jimmy Cherizier, a former
# police officer known as Barbecue".
_ALIAS_IN_APPOSITION = re.compile(
    r"\s*,\s+(?:a|an|the)\s+[^.;,\n\"“”]{0,60}?\b(?:(?:also\s+|better\s+|widely\s+)?known\s+as|nicknamed|dubbed)"
    r"\s+(?:[\"“'‘]\s?)?")
# A person's nom de guerre in quotes in apposition: 'Antonio Quispe Palomino, "Comrade Gabriel,"', 'X, or "Comrade Jose,"'.
_QUOTED_APPOSITION = re.compile(r"\s*,\s+(?:or\s+)?[\"“]\s?")
_ANOTHER_ALIAS = re.compile(r"\s?,?\s?[\"”],?\s+and\s+[\"“]\s?")
_POSSESSIVE_MARK = re.compile(r"\s?['’]")
_PLACED_BEFORE = re.compile(r"\b(?:in|at|near|outside)\s+$", re.IGNORECASE)
_CRIME_GROUP_AFTER = re.compile(rf"[\"”]?\s+{_CRIME_GROUP_NOUNS}\b")  # "the once powerful Cachiros drug trafficking organization"
# "Guaimaro de Taraza", "San Vicente del Caguan": a place's name, however its last word is used.
_PLACE_NAME_LINKS = frozenset(("de", "del"))
_ADJECTIVE_OF_ORIGIN = re.compile(r"(?:[iy]an|ean|can|ese|ish)$")  # "North African", "Libyan"
# Words before a capitalised word that make it a place or a thing's name, not a surname alone.
_NOT_BEFORE_A_SURNAME = frozenset(
    "in at near from to into of de del la el los las the a an pro anti".split())
_NAME_SUFFIXES = {"TV": "media", "party": "organization", "Watch": "organization",  # "Deep South Watch"
                  "radio": "media", "television": "media"}  # "Echo of Moscow radio", "NTV television"
# An acronym in brackets right after a name, alone or after the name in another language:
_BRACKET_TOKENS = frozenset(("LRB", "RRB", "LSB", "RSB", "LCB", "RCB"))  # of tokenized text's "-LRB-" and the like
# "(DEA)", "-LRB- SAS -RRB-" (tokenized text), "(Direccion Nacional de Investigacion Criminal - DNIC)".
_ACRONYM_AFTER = re.compile(
    r"\s*(?:\(|-LRB-)\s*(?:[^()\n]{0,90}?\s[-–—]\s*)?((?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]{1,9})\s*(?:\)|-RRB-)")
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and)\s+")
# A list item ends at a comma, an "and" or a lower-case word; "Nick Finney, North-West Syria
# Country Director" goes on with a capital: an apposition, not a second person.
_LIST_ITEM_END = re.compile(r"\s*(?:[,;.)]|and\b|[a-z])")
# "the People's Liberation Army", "the Women's Protection Units": a possessive that is part of the name.
_OWNERS_IN_NAMES = frozenset(("people", "women", "children"))
_OFFICES = frozenset("""general secretary president minister envoy ambassador rapporteur commissioner coordinator
    adviser advisor officer""".split())
_LONGER_BODY_HEADS = frozenset("ministries foundation society association institute trust federation network".split())
_PLURAL_OWNERS_IN_NAMES = frozenset(("peoples", "workers", "farmers", "martyrs", "veterans", "nations"))
_PLURAL_ARTICLES = frozenset(("los", "las"))  # "Los Rojos", "Los Pachencas": a gang's name, never a person
# Where news cite the outlet they draw on. After an article-led name ("El Heraldo") even "told"
# and "interview with" name an outlet; a one-word name needs a cue no person takes.
_CITED_AFTER = re.compile(r",?\s+(?:has\s+|had\s+|also\s+)?reported\b|\s+reports\s+that\b")
_CITED_BEFORE = re.compile(
    r"\b(?:[Aa]ccording\s+to|reported\s+by|reported|cited\s+by|quoted\s+by|told|interview\s+with(?:\s+the)?|"
    r"permission\s+from|(?:reported|published|quoted|cited|wrote)\s+in)\s+$")
_CITED_ONE_WORD_BEFORE = re.compile(r"\b(?:according\s+to|reported\s+by|cited\s+by|quoted\s+by|,\s+reported)\s+$")
_POSSESSIVE = re.compile(r" ?['’]s?\s+")  # " 's": text tokenized with the possessive apart
_SPACED_APOSTROPHE = re.compile(r"\s+['’]\s+")
_TRAILING_APOSTROPHE = re.compile(r"['’]\s+")
_HEADLINE_END = frozenset(".!?:\"”’)]")  # the last visible character of prose ("X commented:" introduces a quote)
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LINE = re.compile(r"[^\n]+")
_ORG_HEADS = frozenset(
    """diocese archdiocese prelature parish vicariate ministry ministries committee council front brigade brigades battalion battalions army party movement
    organization organisation agency network observatory union association institute foundation
    forces force corps division coalition crescent society center centre commission court university
    company bank fund alliance legion regiment guard guards police authority office department bureau service
    directorate administration federation assembly parliament congress senate church programme program
    initiative mission militia group command staff institution endowment academy branch cartel mafia
    column gang clan guerrillas unit units squad bloc airlines airways corporation motors industries holdings team
    confederation mujahideen mujahidin""".split()
)
# Adjectives of a region, not a country, before a group's name: "North African al-Qaeda".
_REGION_ADJECTIVES = frozenset("african asian european american arab arabian western eastern northern southern gulf".split())
# Words of "American television", "state radio": what kind of outlet, not its name.
_NOT_AN_OUTLET_S_NAME = _REGION_ADJECTIVES | frozenset("state regime official local national public independent western".split())
# A state's forces after its country's name or demonym, with only these words between: "the Rwanda
# Defence Force", "the Afghan National Army"; not the "Sudan Liberation Army".
_STATE_FORCE_HEADS = frozenset("force forces army navy guard corps police gendarmerie".split())
_STATE_FORCE_WORDS = frozenset("defence defense armed security national border air naval special republican".split())
# Head words of a state's own bodies: after its country's name or demonym, a government body.
# Not "party" or "council" ("the British Council"), nor "congress" of a party: "Indian National
# Congress" opens with a demonym, and is in the knowledge base, which is matched first.
_STATE_BODY_HEADS = frozenset("congress senate parliament assembly legislature college academy agency".split())
# Words of a post that "of" and a body follow: "Inspector General of Police", "Chief of Army
# Staff", "Member of Legislative Assembly" name a post, which is no actor (a person holds it).
# Not "secretary" ("Secretary of the Navy" is Mexico's navy ministry) nor "minister" or
# "president", which name the government or its head.
_POST_WORDS = frozenset("""inspector superintendent director chief member commissioner commander governor head
    deputy additional assistant senior speaker mayor judge prosecutor minister officer""".split())


def _post_before_of(tokens: list) -> int | None:
    """Where a post starts that "of" and a body follow: "Inspector General of Police", "Balaghat
    Superintendent of Police" (the place's), "Deputy Inspector General of Police of Kashmir"."""
    of = next((index for index, token in enumerate(tokens) if token.lower == "of"), None)
    if not of:
        return None
    start = of
    while start > 0 and (tokens[start - 1].lower in _POST_WORDS or tokens[start - 1].lower == "general"):
        start -= 1
    return start if tokens[start].lower in _POST_WORDS else None


# Heads of names that go on with "to" and a purpose ("Committee to Protect Journalists"); a
# "Mission to Probe" or a "Front to Defend" is a phrase.
_ADVOCACY_HEADS = frozenset("committee campaign coalition alliance foundation fund initiative center centre".split())
# Heads of names that go on with "on" and a field ("Inter-American Commission on Human Rights",
# "Committee on Foreign Affairs").
_DELIBERATIVE_HEADS = frozenset("commission committee council conference forum panel tribunal".split())
# Connectors that join a name only after their kind of head (_name_connector).
_HEADED_CONNECTORS = MappingProxyType({"to": _ADVOCACY_HEADS, "on": _DELIBERATIVE_HEADS})


def _name_connector(head: str, word: str) -> bool:
    """A lower-case word that joins an organisation's head to the rest of its name: "of" and
    "for" ("Ministry of Defence"); "to" after an advocacy head ("Committee to Protect
    Journalists", never "from Abbas to Netanyahu"); "on" after a deliberative one ("Commission on
    Human Rights", never "Russia on Monday")."""
    return word in _CONNECTORS or head in _HEADED_CONNECTORS.get(word, ())
# A run naming a building or a road is a place or a target, never an actor.
_ENGLISH_PARTICLES = frozenset(("at", "as", "an"))  # Arabic articles that are English words apart
_INSTITUTION_WORDS = frozenset(("church", "university"))  # a building, and a body that acts
_SCHOOL_WORDS = frozenset(("school", "college"))
# Someone's post at a body: "a research fellow at", "professor at", "an expert at the".
_AFFILIATION_BEFORE = re.compile(
    r"\b(?:fellow|professor|lecturer|researcher|scholar|expert|analyst|economist|director|dean|head|specialist"
    r"|student|graduate)s?\s+(?:[\w-]+\s+){0,3}?(?:at|of|from)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACED_OR_TARGETED_BEFORE = re.compile(  # not "at": "researchers at Rice University"
    r"\b(?:in|near|inside|outside|into|on|around|hit|hits|struck|strikes?|shelled|bombed|targeted|attacked|raided|stormed)"
    r"\s+(?:the\s+)?$", re.IGNORECASE)
_AT_BEFORE = re.compile(r"\bat\s+(?:the\s+)?$", re.IGNORECASE)
# Words that describe a person's role or employer, stripped from the front of a name
# ("Activist Mamun Abu Omar", "Commissioner for Human Rights Navi Pillay").
_DESCRIPTOR_WORDS = frozenset("human rights affairs refugees media activist activists staff operation rebel".split())
# With NAME_FIELD_NOUNS, the words of a minister's field: "Minister of Foreign Affairs", "of Interior".
_FIELD_ADJECTIVES = frozenset("foreign interior home internal defence defense public national social".split())
# One word after a title is a person only after a title that never names a place ("Sheikh Saad" does).
_STRONG_TITLES = frozenset(
    """president minister mr mrs ms dr gen general colonel col lt ambassador envoy spokesman
    spokeswoman senator sen king prince chancellor premier captain capt major maj lieutenant
    sergeant sgt admiral adm brigadier corporal cpl pope patriarch archbishop cardinal queen princess
    lord lady baroness comrade"""
    # the ranks of soldiers and policemen, the people news name by one word where one name is all
    # they have: "Private Tono", "police Senior Inspector Supono", "Police Chief Hasanudin"
    """ chief private pvt pte inspector superintendent supt constable commandant havildar naik sepoy subedar""".split()
)
# Titles of peers and knights, which go with a surname ("Lord Mountbatten", "Baroness Ashton").
_PEERAGE_TITLES = frozenset("lord lady baroness baron sir dame".split())
# Titles that make one name a person's common name: "Pope Francis", "Queen Rania".
_TITLES_OF_ONE_NAME = frozenset(
    "pope king queen prince princess emir patriarch cardinal ayatollah lord lady baroness comrade".split())
# Titles that are also surnames: after a given name, at the end of a name, one is the surname
# ("Erik Prince", "Angus King", "John Major", "Martin Luther King Jr.").
_SURNAME_TITLES = frozenset("king prince bishop judge major marshal sheriff chancellor constable cardinal pastor lord mufti".split())
_GENERATION_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Looks like an adjective of nationality: "Turkish Red Crescent" is not the "Red Crescent".
_NATIONALITY_LIKE = re.compile(r"(?:an|ish|ese|i|ic)$|^(?:National|Supreme|International|Higher|High|Free|Kurdish|Arab)$")
_ARMED_HEADS = frozenset(
    "front brigade brigades battalion battalions army forces force corps division legion regiment guard guards militia "
    "cartel mafia column gang clan guerrillas bloc mujahideen mujahidin".split())
_BLOCS_OF_STATES = frozenset("eastern western soviet communist socialist arab african".split())  # not "Calima Bloc"
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_NUMBERED_UNITS = frozenset("brigade battalion regiment division corps squadron team".split())  # "444 Combat Brigade", not a year
# Last words of the regiment or corps a numbered unit belongs to: "1st Battalion, 5th Marines",
# "1st Battalion, 26th Infantry Regiment", "4th Battalion, The Rifles".
_UNIT_ENDS = frozenset("marines regiment rifles guards fusiliers infantry dragoons hussars lancers highlanders "
                       "rangers commandos cavalry artillery brigade division".split())
_LONGEST_UNIT = 5  # tokens of the unit after the comma
_ARMED_PREFIXES = frozenset("jaish jaysh liwa jabhat harakat kataib katibat faylaq failaq ahrar saraya ansar".split())
_ARMED_NAME_STARTS = _ARMED_PREFIXES - {"ahrar", "ansar"}  # words no person's name starts with ("Ansar Abbasi" does)
# Outlets whose name starts with what they are (Spanish, Portuguese, French, Italian titles).
_MEDIA_PREFIXES = frozenset(
    "diario diário revista periodico periódico prensa noticias noticiero semanario cronica crónica jornal radio "
    "journal folha gazeta gaceta corriere giornale quotidien".split()
)
_ARTICLES = frozenset("el la los las le les o os il lo".split())
_MEDIA_HEADS = frozenset("news times post tv television radio channel gazette herald journal tribune press".split())
# Unions the per-run checks use, built once (a set union per call costs more than the check).
_ORGANIZATION_HEADS = _ORG_HEADS | _MEDIA_HEADS
_HEADS_BEFORE_OF = frozenset(("house",))  # "House of Representatives"; "Amport House" is a building
_NOT_A_FIRST_NAME = _STARTERS | _TITLE_WORDS
# English words written after a hyphen: "Saudi-led", "state-run", "US-made", "Syria-based".
_HYPHENED_WORDS = frozenset("led run made born based style type like free wide owned held era age old year "
                            "backed linked day week front army city".split())
_AWARD_WORDS = frozenset("medal prize award awards trophy cup".split())
# Head words of Spanish names of bodies, and the kind each makes; the words inside such names.
_SPANISH_HEADS = {
    **dict.fromkeys("oficina sindicato fundacion fundación asociacion asociación comite comité consejo coordinadora "
                    "movimiento partido organizacion organización instituto observatorio colectivo".split(),
                    "organization"),  # not "red": Red Cross
    **dict.fromkeys("direccion dirección ministerio secretaria secretaría fiscalia fiscalía policia policía "
                    "procuraduria procuraduría defensoria defensoría superintendencia unidad".split(), "government"),
    **dict.fromkeys("bloque autodefensas".split(), "armed_group"),
}  # written with and without accents: scraped text often drops them
_SPANISH_LINKS = frozenset("de del y e el la las los por para en".split())
_WEBSITE = re.compile(r"(?<![\w./@-])[A-Z][A-Za-z0-9-]*[a-z][A-Za-z0-9-]*\.(?:com|net|org|info|mx|co|tv)(?:\.[a-z]{2})?(?![\w/.-]|\.\w)")
_OUTLET_POSSESSIVE = re.compile(r"\s?['’]s\s+")
_SPOKEN_TO_BEFORE = re.compile(r"\b(?:told|asked\s+by|interviewed\s+by|interview\s+with|speaking\s+to|said\s+to)\s+$")
_TOP_LEVEL_DOMAIN = re.compile(r"\.(?<=[a-z]\.)(?:com|net|org|info|mx|co|tv)\b")  # the dot first: re's fast scan
# "Russia and China", "Belgium, Britain, Canada", "Denmark and the United States"
_COORDINATED = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+)(?:the\s+)?"
_COORDINATION = re.compile(_COORDINATED)
_LIST_GAP_BEFORE = re.compile(_COORDINATED + "$")
# Governments listed as a coalition's or alliance's members: "nine other announced partners:
# Belgium, Britain, Canada ...", "NATO members taking part include France, Britain ...".
_MEMBERS_BEFORE = re.compile(
    r"\b(?:partners|members|allies|participants|signatories|contributors|donors|backers|powers)\b[^.;:]{0,60}?"
    # "the six powers – the US, UK, France...", "Many members, notably Germany and Turkey"
    r"(?:\s+(?:include|including|includes|are|were)|:|\s+such\s+as|\s*[–—]|\s+-+|,\s+(?:notably|especially|particularly))"
    r"\s+(?:the\s+)?$")
_GAP_MAX = 10  # characters between two names that _found_just_before looks back over
_BRACKET_BETWEEN = re.compile(r"\s*(?:\(|-LRB-)\s*")
_KIN_PARTICLES = frozenset(("abu", "abd", "bin", "ibn", "bint"))  # "father of", "servant of", "son of": a name's words
# Occupations a sentence may start with before a name, as its title: "Archaeologist Ernesto
# Vargas", "User José Plata", "Housewife Heera Maya Dangol", "Pilots Ashok KC and Subhash Thapa".
_OCCUPATIONS = frozenset("""user archaeologist historian economist anthropologist sociologist criminologist
    scientist academic researcher analyst journalist photographer lawyer activist blogger housewife pilot
    barber tailor mechanic labourer laborer pensioner retiree""".split())
# "Lurgan, Co Armagh", "Co. Kerry": the Irish and British abbreviation of "County", before the county's name.
_COUNTY_ABBREVIATIONS = frozenset(("co",))
_LEADING_NON_NAMES = (_STARTERS | _TITLE_WORDS | NAME_PARTICLES | _ORG_HEADS | _DESCRIPTOR_WORDS | _OCCUPATIONS
                      | _COUNTY_ABBREVIATIONS
                      | frozenset(_SIBLING_NOUNS))  # "Brothers Rory (18) and Gerard Cairns": kin, then names
_TRAILING_NON_NAMES = _STARTERS | NAME_PARTICLES
_NOT_INSIDE_A_NAME = _TITLE_WORDS | _ORG_HEADS | _DESCRIPTOR_WORDS


class _Token(NamedTuple):  # a NamedTuple: made for every word, so it must be cheap
    text: str
    lower: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def acronym(self) -> bool:
        letters = self.text.replace(".", "")
        return len(letters) > 1 and letters.isupper()


@dataclass(frozen=True)
class _Found:
    """One actor mention before mentions are grouped into entities."""

    key: str
    kind: str
    kb_id: str | None
    start: int
    end: int


@dataclass(frozen=True)
class _Alias:
    entry: KbEntry
    tokens: tuple[str, ...]  # as written in the knowledge base
    strict: bool  # one word or an acronym: must match exactly, case included

    @property
    def is_part_of_a_persons_name(self) -> bool:
        """A person's alias short of the name: a surname ("Kerry"), or more of it ("Abdel Rahman" of
        Rami Abdel Rahman), which a longer name may hold."""
        return self.entry.kind == "person" and (self.is_short_person or len(self.tokens) < len(_token_texts(self.entry.name)))

    @property
    def is_short_person(self) -> bool:
        """"Kerry" or "bin Laden" alone (a surname, with its particle): a back-reference, never
        trusted in a headline, and no part of a longer name ("Hamza bin Laden")."""
        return self.entry.kind == "person" and (len(self.tokens) == 1
                                                or (len(self.tokens) == 2 and self.tokens[0].lower() in NAME_PARTICLES))


@dataclass(frozen=True)
class _Matcher:
    """Knowledge-base lookups by token n-gram, built once per knowledge base."""

    aliases: dict[tuple[str, ...], tuple[_Alias, ...]]
    lengths: dict[str, tuple[int, ...]]  # first token -> n-gram lengths to try, longest first
    prefixes: frozenset[tuple[str, ...]]  # every proper prefix of an alias: how far a match may reach
    pairs: frozenset[tuple[str, str]]  # the first two tokens of every longer alias
    lower_case_starts: frozenset[str]  # first tokens an alias may start with written in lower case
    one_word: frozenset[str]  # one-word aliases, which may also be written with a plural "s"
    metonyms: dict[tuple[str, ...], KbEntry]
    government_of: dict[str, KbEntry]  # country name -> its government (ministries without a country are its)
    metonym_starts: frozenset[str]  # first tokens of metonyms, to skip most words at once
    demonyms: dict[tuple[str, ...], KbEntry]  # token texts ("South", "African") -> government
    demonym_starts: frozenset[str]
    references: re.Pattern[str] | None
    # a phrase -> the entries it may mean, in the knowledge base's order ("maoists": Nepal's and
    # India's Maoist parties, told apart by the article's country); () for a government's phrase
    # of no one country ("the army")
    reference_entries: dict[str, tuple[KbEntry, ...]]
    surnames: dict[str, tuple[KbEntry, ...]]
    body_starts: frozenset[str]  # first tokens of the aliases of bodies and groups ("mara" of Mara Salvatrucha)
    lower_case_bodies: re.Pattern[str] | None  # "the " and lower-case words from a first word of those names
    lower_case_body_entry: dict[str, KbEntry]  # such a name in lower case -> its entry


def tokenize(text: str) -> tuple[list[_Token], list[bool]]:
    """Tokens, and for each whether the next token continues the same name (joined by a gap).

    This runs for every word, so it avoids a match object and a Python call per word: split()
    cuts the text into [between, word, gap, between, word, gap, ..., between], whose running
    lengths are the offsets, and the tuples are made by tuple.__new__ as NamedTuple._make does.
    """
    pieces = _TOKEN_AND_GAP.split(text)
    bounds = list(accumulate(map(len, pieces), initial=0))
    words = pieces[1::3]
    tokens = list(map(tuple.__new__, repeat(_Token), zip(words, map(str.lower, words), bounds[1::3], bounds[2::3])))
    # Joined: a gap after the word, and nothing between it and the next word.
    joined = [bool(gap) and not between for gap, between in zip(pieces[2::3], pieces[3:-1:3])]
    return tokens, [*joined, False] if words else []


@functools.lru_cache(maxsize=1 << 12)  # a name's words: _full_names compares every person's with every other's
def _token_texts(text: str) -> tuple[str, ...]:
    return tuple(match.group() for match in _TOKEN.finditer(text))


@functools.lru_cache(maxsize=8)
def _matcher(kb: KnowledgeBase) -> _Matcher:
    aliases: dict[tuple[str, ...], list[_Alias]] = {}
    metonyms, demonyms, reference_entries = {}, {}, {}
    surnames: dict[str, list[KbEntry]] = {}
    for entry in kb.actors():
        for surface in dict.fromkeys(spelling for surface in entry.surfaces for spelling in _acronym_spellings(surface)):
            tokens = _token_texts(surface)
            strict = len(tokens) == 1 or surface.replace(".", "").replace(" ", "").isupper()
            aliases.setdefault(tuple(t.lower() for t in tokens), []).append(_Alias(entry, tokens, strict))
        for surface in entry.metonyms:
            metonyms[tuple(t.lower() for t in _token_texts(surface))] = entry
        for surface in entry.demonyms:
            demonyms[_token_texts(surface)] = entry
        for phrase in entry.references:
            key = normalize_surface(phrase)
            reference_entries[key] = (*reference_entries.get(key, ()), entry)
        if entry.kind == "person":
            surnames.setdefault(_token_texts(entry.name)[-1], []).append(entry)
    lengths: dict[str, set[int]] = {}
    for key in aliases:
        lengths.setdefault(key[0], set()).add(len(key))
    for phrase in GOVERNMENT_REFERENCES:  # any country's: resolved to the article's (match_references)
        reference_entries.setdefault(normalize_surface(phrase), ())
    phrases = sorted(reference_entries, key=lambda phrase: (-len(phrase), phrase))
    references = _phrase_pattern(phrases) if phrases else None
    lower_case_starts = frozenset(
        key[0] for key, found in aliases.items() for alias in found
        if _case_agrees(alias, [key[0], *alias.tokens[1:]])
    )
    lower_case_bodies = _lower_case_bodies(kb)
    return _Matcher(
        aliases={key: tuple(found) for key, found in aliases.items()},
        lengths={first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()},
        prefixes=frozenset(key[:size] for key in aliases for size in range(1, len(key))),
        pairs=frozenset(key[:2] for key in aliases if len(key) > 1),
        lower_case_starts=lower_case_starts,
        one_word=frozenset(first for first, found in lengths.items() if 1 in found),
        body_starts=frozenset(key[0] for key, found in aliases.items() if any(a.entry.kind != "person" for a in found)),
        metonyms=metonyms, metonym_starts=frozenset(key[0] for key in metonyms), demonyms=demonyms,
        demonym_starts=frozenset(key[0] for key in demonyms), references=references, reference_entries=reference_entries,
        surnames={name: tuple(found) for name, found in surnames.items()},
        government_of=_governments_by_country(kb),
        lower_case_bodies=re.compile(
            r"the ((?:" + "|".join(sorted({re.escape(p.split()[0]) for p in lower_case_bodies})) + r")(?: [a-z]+){2,7})"
        ) if lower_case_bodies else None,
        lower_case_body_entry=lower_case_bodies,
    )


def _lower_case_bodies(kb: KnowledgeBase) -> dict[str, KbEntry]:
    """The names of three words or more of bodies of no one country, in lower case: house styles
    that lower-case institutions write "the international criminal court" (a country's body,
    "the national security council", may be any country's)."""
    found: dict[str, KbEntry] = {}
    for entry in kb.actors():
        if entry.kind == "person" or entry.kind == "government" or entry.country:
            continue
        for surface in entry.surfaces:
            words = surface.split()
            if len(words) >= 3 and surface[:1].isupper() and all(word.isalpha() for word in words):
                found.setdefault(surface.lower(), entry)
    return found


_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,3}(?=\s|$)")
_PLAIN_ACRONYM = re.compile(r"\b[A-Z]{2,3}(?=\s|$)")


def _acronym_spellings(surface: str) -> tuple[str, ...]:
    """A name and, where an acronym is or leads it, its other spelling: "UN High Commissioner for
    Refugees" is also written "U.N. High Commissioner for Refugees", the "CIA" the "C.I.A."."""
    dotted = _PLAIN_ACRONYM.sub(lambda match: ".".join(match.group(0)) + ".", surface)
    plain = _DOTTED_ACRONYM.sub(lambda match: match.group(0).replace(".", ""), surface)
    return (surface, dotted, plain)


_GOVERNMENT_REFERENCE_KEYS = frozenset(normalize_surface(phrase) for phrase in GOVERNMENT_REFERENCES)
_OF_A_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\b")  # "the government of Liberia"


def _governments_by_country(kb: KnowledgeBase) -> dict[str, KbEntry]:
    """Country -> its government: the entry that has the country's demonyms, else the first by id."""
    found: dict[str, KbEntry] = {}
    for entry in sorted(kb.actors(), key=lambda entry: (not entry.demonyms, entry.id)):
        if entry.kind == "government" and entry.country:
            found.setdefault(entry.country, entry)
    return found


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Any of `phrases` (longest first) as whole words, any case, a space also matching a hyphen.

    The leading look-ahead for the phrases' first letters rejects most positions at once, and
    the phrases are grouped by first word ("the (?:regime|army|...)"), so a word is compared
    with each first word once, not once per phrase (together 3-4x faster over an article).
    """
    first_letters = re.escape("".join(sorted({phrase[0] for phrase in phrases})))
    rests_by_first: dict[str, list[str]] = {}
    for phrase in phrases:
        first, _, rest = phrase.partition(" ")
        rests_by_first.setdefault(first, []).append(rest)
    if any(other != first and other.startswith(first) for first in rests_by_first for other in rests_by_first):
        # "u" and "u.s.": two groups could match at one place, and the list's order would be lost.
        rests_by_first = {phrase: [""] for phrase in phrases}
    groups = []
    for first, rests in rests_by_first.items():
        tails = "|".join(r"[\s-]+" + _spaced(rest) if rest else "" for rest in rests)
        groups.append(_spaced(first) + (f"(?:{tails})" if tails else ""))
    return re.compile(rf"\b(?=[{first_letters}])(?:{'|'.join(groups)})\b", re.IGNORECASE)


def _spaced(words: str) -> str:
    """`words` literally, a space also matching a hyphen or any white space."""
    return re.escape(words).replace(r"\ ", r"[\s-]+")


def find_actors(
    body: str, sentences: tuple[Sentence, ...], kb: KnowledgeBase, places: tuple[EntityMention, ...]
) -> tuple[EntityMention, ...]:
    """Every actor of the article with all its mentions, in order of first mention."""
    article = _Article(body, *tokenize(body), kb, _matcher(kb), places)
    article.match_knowledge_base()
    article.match_governments()
    article.match_division_governments()
    article.match_references()
    article.match_lower_case_bodies()
    article.match_websites()
    article.match_names_around_nicknames()
    article.match_siblings()  # before one sibling's given name is taken alone ("Brothers Rory (18) and ...")
    article.match_capitalised_names()
    article.match_groups_paired_with_groups()
    article.match_lower_case_ministries()
    article.match_shared_surnames()
    article.match_names_defined_by_acronyms()
    article.match_defined_acronyms()
    article.match_acronyms_of_named_bodies()
    article.match_surnames()
    found = _without_outlet_sections(_without_backers_only(_without_photo_credits(article.leaders_forces(), body), body), body)
    found = _without_channels(found, body)
    return _group(_with_nicknames(_short_forms_of_bodies(_full_names(found, body)), body), body, sentences, kb)


# "a statement on its Telegram account", "posted on Twitter", "Telegram channels": where a body posts.
# (not "an attack on the X", nor "attacks on westerners and Nato forces")
_POSTED_ON_BEFORE = re.compile(r"\b[Oo]n\s+(?:(?:its|his|her|their)\s+)?(?:official\s+)?(?:[A-Z]\w*\s+(?:and|or)\s+)?$")
_CHANNEL_AFTER = re.compile(r"\s+(?:accounts?|channels?|pages?|feeds?|posts?|videos?|messages?|handles?)\b")


def _without_channels(found: list[_Found], body: str) -> list[_Found]:
    """A body named only as where statements are posted ("on Telegram", "its Twitter account")
    is a channel, not an actor of the story; one that acts ("Twitter suspended the account") stays."""
    channel_only: dict[str, bool] = {}
    for item in found:
        if item.kind != "organization":
            continue
        posted = (_POSTED_ON_BEFORE.search(body, max(0, item.start - 25), item.start) is not None
                  or _CHANNEL_AFTER.match(body, item.end) is not None)
        channel_only[item.key] = channel_only.get(item.key, True) and posted
    return [item for item in found if not channel_only.get(item.key)]


# "RFE/RL's Tajik Service", "the BBC's Persian Service": a language desk of the outlet named before.
_OUTLET_SECTION = re.compile(r"(?:[A-Z][\w-]*\s+)?(?:Service|Desk|Section)")
_OWNED_BY = re.compile(r"['’]s?\s+")


def _without_outlet_sections(found: list[_Found], body: str) -> list[_Found]:
    """An outlet's language service is the outlet speaking, not a body of its own."""
    outlet_ends = {item.end for item in found if item.kind == "media"}
    return [item for item in found if not (
        item.kind == "organization" and _OUTLET_SECTION.fullmatch(body, item.start, item.end)
        and any(_OWNED_BY.fullmatch(body, end, item.start) for end in outlet_ends if item.start - 4 <= end < item.start))]


# "Iran-backed Houthi militiamen", "Saudi-allied forces": a group's backer, named to say who the
# group is, not a government the story shows acting.
_BACKING_AFTER = re.compile(r"\s?[-‐]\s?(?:backed|allied|aligned|supported|sponsored)\b")


def _without_backers_only(found: list[_Found], body: str) -> list[_Found]:
    """Governments named only as the backers of others are no actors of the story."""
    acting = {item.key for item in found if item.kind == "government" and not _BACKING_AFTER.match(body, item.end)}
    return [item for item in found if item.kind != "government" or item.key in acting]


# "AP Photo/Fernando Vergara", "Photo: Reuters", "Image credit: AFP": the agency took a picture;
# the story does not cite it.
_PHOTO_AFTER = re.compile(r"[ \t]+(?:Photos?|PHOTOS?|Images?)\b|/(?=\S)")  # on its line: "Handout / AP\n/ Source: Reuters" cites AP
_PHOTO_BEFORE = _Ending(r"\b(?:Photo(?:graph)?s?|Images?|Pictures?|Credits?)(?:\s+(?:by|credit|courtesy(?:\s+of)?))?\s*:?\s*$",
                        words=4, flags=re.IGNORECASE)  # "Photo courtesy of :"
# "Kim Badawi/Getty Images for CNN", "Ben Curtis/AP": a photographer and the agency of the picture.
_AGENCY_OF_A_PHOTO_AFTER = re.compile(r"\s*/\s*(?:Getty\s+Images|AFP|AP|Reuters|EPA|Corbis|Xinhua|Anadolu|[\w ]*Photos?\b)")
# "(AP Photo/Ben Curtis)", "Photo: AP/...", "REUTERS/Sam Phelps"
_PHOTOGRAPHER_BEFORE = re.compile(r"(?:\b(?:Photo|Image)s?\s*(?::\s*[\w.]+\s*)?|\b(?:REUTERS|Reuters|AFP|AP|EPA|Xinhua))/\s*$")
# "PORT-AU-PRINCE, Haiti (AP) — Gangs ...", "... the capital of the Central African Republic (AP)\n":
# the wire that wrote the story or took the picture, in its dateline or at a caption's end.
_WIRE_MARK_AFTER = re.compile(r"\)[ \t]*(?:[—–_-]|$)", re.MULTILINE)  # "(AP) _": an old wire's dash
_CREDITED_KINDS = frozenset(("media", "organization"))  # "Photo: Twitter/ @caribbeannewsuk"
# "... on the Islamists [AFP]", "(Reuters: Ibraheem Abu Mustafa)": a caption's credit in brackets.
_BRACKETED_CREDIT_AFTER = re.compile(r"\]|:\s*[A-Z][^()\[\]\n]{0,40}\)")


def _without_photo_credits(found: list[_Found], body: str) -> list[_Found]:
    """The outlets found, less those that only took a picture or wrote the story (their
    photographers are dropped as persons by _is_person)."""
    # "Radio Free Europe/Radio Liberty": one outlet's two names on either side of the slash
    starts = {(item.start, item.kb_id) for item in found if item.kb_id is not None}
    return [item for item in found if item.kind not in _CREDITED_KINDS or not (
        (_PHOTO_AFTER.match(body, item.end) and (item.end + 1, item.kb_id) not in starts)
        or _PHOTO_BEFORE.pattern.search(body, max(0, item.start - 30), item.start)
        or (body[item.start - 1 : item.start] == "(" and _WIRE_MARK_AFTER.match(body, item.end))
        or (item.kind == "media" and body[item.start - 1 : item.start] in ("(", "[")
            and _BRACKETED_CREDIT_AFTER.match(body, item.end)))]  # not an editor's gloss: "the AFI [Federal ... Agency]"


def prepare(kb: KnowledgeBase) -> None:
    """Build the knowledge base's matcher now (before worker processes fork and share it)."""
    _matcher(kb)


def _with_nicknames(found: list[_Found], body: str) -> list[_Found]:
    """ "Pedro Nel Rincon, alias "Pedro Orejas"", "Joaquin Guzman, a.k.a. El Chapo", "Oziel
    Barbosa, a drug dealer who went by the alias "Maranhao"": the name after "alias" is the
    person's own, wherever the article uses it."""
    starts = {item.start: item for item in found}
    nickname_of: dict[str, str] = {}
    for item in found:
        if item.kind != "person":
            continue
        alias = _ALIAS_AFTER.match(body, item.end)
        if alias is None and _ALIASES_BEFORE.search(body, max(0, item.start - 60), item.start):
            alias = _ANOTHER_ALIAS.match(body, item.end)  # 'goes by the aliases "Jair" and "El Loco"'
        if alias is None:
            alias = _NICKNAME_AFTER_A_NAME.match(body, item.end)  # 'Antonio Cardenas Guillen ("Tony Tormenta")'
        if alias is None:
            alias = _ALIAS_LATER.match(body, item.end)  # 'Oziel Barbosa, a drug dealer who went by the alias "Maranhao"'
        if alias is None:
            alias = _ALIAS_IN_APPOSITION.match(body, item.end)
        if alias is None:
            alias = _QUOTED_APPOSITION.match(body, item.end)
        nickname = starts.get(alias.end()) if alias else None
        if nickname is None or nickname.key == item.key:
            continue
        if nickname.kb_id is None:
            nickname_of.setdefault(nickname.key, item.key)
        elif item.kb_id is None:  # "Ahmed Hussein, better known as Abu Mohammed al-Jolani": the known name
            nickname_of.setdefault(item.key, nickname.key)
    if not nickname_of:
        return found
    return [replace(item, key=nickname_of[item.key], kind="person", kb_id=None) if item.key in nickname_of else item
            for item in found]


def _full_names(found: list[_Found], body: str) -> list[_Found]:
    """"Perez Esparza" after "David Perez Esparza", "Leonel Rivera" after "Devis Leonel Rivera
    Maradiaga": a person named by two or more consecutive words of one other person's name in
    the same article is that person (Spanish names carry two given names and two surnames).
    So is a person named by one word of one other person's name ("his brother Obdulio" of
    "Obdulio Angulo Zamora", "his father, Moammar," of a known person written "Moammar Gadhafi");
    a word of several ("Keys" of Reg Keys and Tom Keys) is no one."""
    persons = {item.key for item in found if item.kind == "person" and item.kb_id is None}
    known = _known_persons_words(found, body)  # "his father, Moammar," of "Moammar Gadhafi" (known as Muammar Gaddafi)
    longer_of: dict[str, str] = {}
    fragments: set[str] = set()
    for key in persons:
        words = _token_texts(key)
        if len(words) == 2 and words[0].lower() in _PEERAGE_TITLES:
            # "Lord Mountbatten" after "Louis Mountbatten": a peer's title and surname
            bearers = [other for other in persons if other != key and _token_texts(other)[-1] == words[1]]
            if len(bearers) == 1 and len(_token_texts(bearers[0])) > 1:
                longer_of[key] = bearers[0]
                continue
        known_owners = [other for other, other_words in known.items() if len(words) == 1 and words[0] in other_words]
        if known_owners:
            if len(known_owners) == 1 and not any(other != key and words[0] in _token_texts(other) for other in persons):
                longer_of[key] = known_owners[0]
            else:
                fragments.add(key)
            continue
        without_initials = _without_initials(key)
        same = [other for other in persons if other != key and _without_initials(other) == without_initials]
        if len(same) == 1 and len(_token_texts(same[0])) > len(_token_texts(key)):
            longer_of[key] = same[0]  # "John Brennan" is "John O. Brennan"
            continue
        if len(words) < 2:
            owners = [other for other in persons if other != key and words[0] in _token_texts(other)]
        else:
            owners = [other for other in persons if other != key and _contains_words(_token_texts(other), words)]
        if len(owners) == 1:
            longer_of[key] = owners[0]
        elif owners and len(words) < 2:
            fragments.add(key)
    if not longer_of and not fragments:
        return found
    kb_ids = {item.key: item.kb_id for item in found if item.kb_id is not None}
    return [replace(item, key=longer_of[item.key], kb_id=kb_ids.get(longer_of[item.key])) if item.key in longer_of else item
            for item in found if item.key not in fragments]


_BODY_KINDS = frozenset(("organization", "armed_group", "government", "media"))
_OWNER_LINKS = frozenset(("of", "the", "for", "and", "de", "del", "la"))


def _short_forms_of_bodies(found: list[_Found]) -> list[_Found]:
    """"the People's Party" after "the Pakistan People's Party", "the Search Bloc" after "the
    Medellin Search Bloc": a body named by the last two or more words of one other body's name
    in the same article is that body (a leading word narrows a name; "United Nations" is not
    "United Nations Security Council", nor "European Union" the "Council of the European Union":
    only the end of a name counts, and not after "of")."""
    words_of = {item.key: tuple(normalize_surface(item.key).replace("'", "").split())
                for item in found if item.kind in _BODY_KINDS}
    longer_of: dict[str, _Found] = {}
    for key, words in words_of.items():
        if len(words) < 2:
            continue
        owners = {other for other, other_words in words_of.items()
                  if len(other_words) > len(words) and other_words[-len(words):] == words
                  and other_words[-len(words) - 1] not in _OWNER_LINKS}  # "Council of the European Union"
        if len(owners) == 1:
            owner = owners.pop()
            longer_of[key] = next(item for item in found if item.key == owner)
    longer_of |= _outlets_by_first_word(found)
    if not longer_of:
        return found
    return [replace(item, key=longer_of[item.key].key, kind=longer_of[item.key].kind, kb_id=longer_of[item.key].kb_id)
            if item.key in longer_of else item for item in found]


def _outlets_by_first_word(found: list[_Found]) -> dict[str, _Found]:
    """"the state news agency Jamahiriya" after "the Jamahiriya News Agency": an outlet the
    knowledge base does not know, named by one word that opens the name of the article's one
    other outlet, is that outlet ("BBC" stays apart from "BBC Persian"); so is "the Post" after
    "The Washington Post": the word for what the one outlet ending in it is."""
    outlets = {item.key: item for item in found if item.kind == "media"}
    longer_of = {}
    for key, item in outlets.items():
        if " " in key or item.kb_id is not None:
            continue
        owners = [item for other, item in outlets.items() if other != key and (
            other.split()[0] == key or (key.lower() in _MEDIA_HEADS and other.split()[-1] == key))]
        if len(owners) == 1:
            longer_of[key] = owners[0]
    return longer_of


def _known_persons_words(found: list[_Found], body: str) -> dict[str, set[str]]:
    """Knowledge-base persons of the article -> the words of the names it gives them."""
    words: dict[str, set[str]] = {}
    for item in found:
        if item.kind == "person" and item.kb_id is not None:
            words.setdefault(item.key, set()).update(_token_texts(body[item.start : item.end]))
    return words


class _Article:
    """The state of one find_actors call: tokens, what is taken, what was found."""

    def __init__(self, body: str, tokens: list[_Token], joined: list[bool], kb: KnowledgeBase,
                 matcher: _Matcher, places: tuple[EntityMention, ...]):
        self.body, self.tokens, self.kb, self.matcher = body, tokens, kb, matcher
        self.found: list[_Found] = []
        self.starts = list(map(attrgetter("start"), tokens))
        self.taken = [False] * len(tokens)
        self.joined = joined
        self.writes_apostrophes = _APOSTROPHE_S.search(body) is not None
        self.shouted = is_shouted(body)  # in capitals: "WHO WAS PASSING BY" names no WHO
        self.headline = _headline_mask(body, tokens)
        # Only these can be name tokens; the passes below skip the lower-case majority.
        first_letters = map(itemgetter(0), map(itemgetter(0), tokens))  # token.text[0], without a Python loop
        self.capitalised = list(compress(range(len(tokens)), map(str.isupper, first_letters)))
        place_spans = sorted((m.start, m.end) for place in places for m in place.mentions)
        self.place_span_of = {i: span for i, span in _overlaps(tokens, self.starts, place_spans)}
        self.city_starts = {m.start for place in places if place.kind == "city" for m in place.mentions}
        self.country_ends = {m.end: place.country for place in places if place.kind == "country" for m in place.mentions}
        self.place_country_ends = {m.end: place.country for place in places if place.country for m in place.mentions}
        # Places a known body's name of the same words wins (_place_a_body_may_take)
        self.places_a_body_may_take = {(m.start, m.end) for place in places for m in place.mentions
                                       if _place_a_body_may_take(place, body[m.start : m.end])}
        self.names_on_places = self._names_on_places()
        self.town_spans = {(m.start, m.end) for place in places if place.kind in SETTLEMENT_KINDS for m in place.mentions}
        self.unknown_place_spans = {(m.start, m.end) for place in places if place.kb_id is None for m in place.mentions}
        self.place_names = {normalize_surface(p.name) for p in places} | {
            normalize_surface(p.country) for p in places if p.country
        }
        self.places = places
        self.surnames_of_places = self._surnames_of_places()
        name_starts = {tokens[index].start for index in self.names_on_places}  # "Salvador Sanchez Ceren" is no Brazilian city
        self.main_country = main_country(tuple(
            replace(place, mentions=tuple(m for m in place.mentions if not _qualifies_a_word(body, m.start)))
            for place in places if not all(m.surface in self.surnames_of_places or m.start in name_starts
                                           for m in place.mentions)))

    def _honorific_in_a_name(self, run: list[int], tokens: list[_Token], index: int) -> bool:
        """"Abdirahman Sheik Mohamed", "Sharif Sheikh Ahmed": Somali and Arabic names carry
        "Sheikh" after a given name, where no title word follows a person's first name; not
        after a place's or a nation's name ("Dubai Sheikh", "Saudi Sheikh")."""
        return (index == 1 and tokens[1].lower in NAME_HONORIFICS and len(tokens) > 2
                and run[0] not in self.place_span_of and (tokens[0].text,) not in self.matcher.demonyms
                and tokens[0].lower not in _TITLE_WORDS and tokens[0].lower not in _ORG_HEADS)

    def _surnames_of_places(self) -> frozenset[str]:
        """Places' names the article also writes after a given name: in "Byron Lima Oliva ... Lima
        said" and "Anthony Washington ... Washington said" every "Lima" and "Washington" is the
        man, neither a government nor a sign that the story is about Peru or the US ("George
        Washington University" and "Fareed Zakaria Washington Post" name no one)."""
        tokens, given, count = self.tokens, self.kb.given_names, len(self.tokens)
        towns = {self.body[start:end] for start, end in self.town_spans}
        return frozenset(
            tokens[index].text for index in self.capitalised
            if index > 0 and tokens[index].text in towns and self.joined[index - 1]
            and tokens[index - 1].text in given and tokens[index - 1].capitalised
            and tokens[index - 1].lower not in _WEEKDAYS_MONTHS  # "Sunday", "June" are given names too
            and (index + 1 >= count or tokens[index + 1].lower not in _ORGANIZATION_HEADS))  # "Washington Post"

    def _names_on_places(self) -> frozenset[int]:
        """Tokens found as a one-word place that are a name's: a first name before a capitalised
        word no place covers ("Norman Benotman", "Cesar Tulio Sandoval" are persons, not Norman,
        Oklahoma), a surname after a first name ("Robert Amsterdam"), or an outlet's name after
        its noun ("the newspaper Reforma")."""
        found, tokens, count = set(), self.tokens, len(self.tokens)
        for index, (start, end) in self.place_span_of.items():
            following = index + 1
            if (tokens[index].start == start and tokens[index].end == end and following < count
                    and self.joined[index] and tokens[index].text in self.kb.given_names
                    and tokens[following].capitalised and following not in self.place_span_of
                    and tokens[following].lower not in _NOT_INSIDE_A_NAME):
                found.add(index)
            previous = index - 1
            if (tokens[index].start == start and tokens[index].end == end and previous >= 0 and self.joined[previous]
                    and tokens[previous].text in self.kb.given_names and previous not in self.place_span_of
                    and (index + 1 >= count or not (self.joined[index] and tokens[index + 1].capitalised))):
                found.add(index)  # "Robert Amsterdam, the international counsel": a surname, not the city
            if (previous >= 0 and self.joined[previous] and tokens[previous].lower in _OUTLET_NOUNS
                    and tokens[previous].text.islower()):
                found.add(index)  # "the newspaper Reforma": an outlet named like a town
            if tokens[index].start == start and tokens[index].end == end and self._pair_with_a_person_cue(index):
                found.add(index)
        return frozenset(found)

    def _pair_with_a_person_cue(self, index: int) -> bool:
        """A one-word place and a capitalised word no place covers, together a name described as a
        person or a titled speaker: "Farooq Wardak, the Afghan education minister", "spokesman said
        Angus Robertson said" (not "Kabul Bank said": a body's head word is no name's)."""
        tokens, joined, count = self.tokens, self.joined, len(self.tokens)
        # The pair is the whole run (not "Front to Defend Egypt Protesters"): capitalised words
        # joined to it on neither side.
        before = index > 0 and joined[index - 1] and tokens[index - 1].capitalised
        after = index + 1 < count and joined[index] and tokens[index + 1].capitalised
        if before == after:
            return False
        last = index + 1 if after else index
        first = last - 1
        particle = (after and tokens[last].lower in ("al", "el") and last + 1 < count and joined[last]
                    and self.body[tokens[last].end : tokens[last + 1].start] == "-")
        if particle:
            last += 1  # "Jidda Al-amin, a resident": the name's second word opens with its article
        if (not (particle or self._other_name_word(index + 1 if after else index - 1))
                or (first > 0 and joined[first - 1] and tokens[first - 1].capitalised)
                or (last + 1 < count and joined[last] and tokens[last + 1].capitalised)):
            return False
        following = self.body[tokens[last].end : tokens[last].end + 120]
        if _APPOSITION_AFTER.match(following):
            return True
        # speech alone is no person's ("Scotland Yard refused", "Yemen Updates tweeted"): with a
        # title or a verb of speech before it, it is
        preceding = self.body[max(0, tokens[first].start - 90) : tokens[first].start]
        return bool(_SPEECH_AFTER.match(following)) and bool(
            _TITLE_BEFORE.search(preceding) or _SPEECH_BEFORE.search(preceding))

    def _other_name_word(self, index: int) -> bool:
        token = self.tokens[index]
        return (token.capitalised and not token.text.isupper() and index not in self.place_span_of
                and token.lower not in _NOT_A_FIRST_NAME and token.lower not in _NOT_INSIDE_A_NAME
                and (token.text,) not in self.matcher.demonyms and not self.headline[index])

    # --- passes ---------------------------------------------------------------------------

    def match_knowledge_base(self) -> None:
        starts, lower_case, one_word = self.matcher.lengths, self.matcher.lower_case_starts, self.matcher.one_word
        matched_until = 0
        # Most words start no alias (or only one written with a capital): only the few that may are tried.
        candidates = [
            i for i, token in enumerate(self.tokens)
            if (token.text[0].isupper() and (token.lower in starts or token.lower[:-1] in one_word))
            or token.lower in lower_case
        ]
        for index in candidates:
            if index >= matched_until:
                matched_until = index + (self._match_alias_at(index) or 1)

    def _match_alias_at(self, index: int) -> int:
        """Length of the knowledge-base alias matched at `index` (0 when none)."""
        first = self.tokens[index].lower
        lengths = self.matcher.lengths.get(first, ())
        if first.endswith("s") and 1 in self.matcher.lengths.get(first[:-1], ()):
            lengths = (*lengths, 1)
        if 1 not in lengths and not self._may_continue(index):
            return 0  # "the", "Syria": most tokens that begin a longer alias are not followed by its next one
        reach = self._reach(index)
        for length in lengths:
            end = index + length
            if length > reach or end > len(self.tokens) or not all(self.joined[index : end - 1]):
                continue
            texts = [token.text for token in self.tokens[index:end]]
            if tuple(text.lower() for text in texts) in _NATIONAL_SOCIETIES and (society := self._national_society(index, end)):
                return society
            aliases = self._aliases_for(texts)
            if texts[-1] != self.tokens[end - 1].text and self._of_follows(end):
                continue  # a plural heading a longer name: "the Guardians of the Revolution" are no "The Guardian"
            for alias in aliases:
                if self._accepts(alias, texts, index, end) and not self._of_another_country(alias.entry, index):
                    edition = self._edition(index, end) if alias.entry.kind == "media" else None
                    if edition is not None:  # "BBC Mundo", "El Pais Brasil", "Animal Politico": an outlet of its own
                        first, last = edition
                        self._take(self.body[self.tokens[first].start : self.tokens[last - 1].end], "media", None, first, last)
                        return last - index
                    # a name of two words or more: "YouTube Syria" and "IFRC Syria" are a channel's and a delegation's
                    section = self._national_section(end) if alias.entry.kind == "organization" and length > 1 else None
                    if section is not None:  # "Amnesty International Indonesia said": a body of its own
                        self._take(self.body[self.tokens[index].start : self.tokens[section - 1].end], "organization",
                                   None, index, section)
                        return section - index
                    body_end = (self._end_of_a_body_within(end) if alias.entry.kind == "organization" and length <= 2
                                and texts[-1] == self.tokens[end - 1].text else None)  # not "Syrian Coalitions Media Office"
                    if body_end is not None:  # "the United Nations Verification Mission in Colombia"
                        first = index - 1 if self._country_opens_a_body(index) else index  # "Kenya Red Cross Society"
                        tokens = self.tokens[first:body_end]
                        self._take(self.body[tokens[0].start : tokens[-1].end],
                                   _kind_of_a_body(tokens, _organization_head(tokens)), None, first, body_end)
                        return body_end - index
                    self._take(alias.entry.name, alias.entry.kind, alias.entry.id, index, end)
                    return length
        return 0

    def _national_society(self, index: int, end: int) -> int:
        """ "the Kenya Red Cross", "the Chinese Red Cross", "the Democratic Republic of the Congo
        Red Cross": a country's own society, not the ICRC; its length from `index` (0 if none)."""
        before = index - 1
        if before < 0 or not self.joined[before] or self.taken[before]:
            return 0
        first = before
        if (self.tokens[before].text,) not in self.matcher.demonyms:
            if self.country_ends.get(self.tokens[before].end) is None:
                return 0
            while first > 0 and self.place_span_of.get(first - 1) == self.place_span_of.get(before):
                first -= 1
        # one name with or without "Society": "the Kenya Red Cross Society" is the Kenya Red Cross
        last = end + 1 if end < len(self.tokens) and self.joined[end - 1] and self.tokens[end].lower == "society" else end
        self._take(self.body[self.tokens[first].start : self.tokens[end - 1].end], "organization", None, first, last)
        return last - index

    def _national_section(self, end: int) -> int | None:
        """Where a known organisation's national section ends, if a country's name joined after
        it ends its name before punctuation, a possessive or what it said ("Amnesty International
        Indonesia said", "Save the Children UK's director"; not "the UN Syria envoy")."""
        span = self.place_span_of.get(end)
        if (span is None or end >= len(self.tokens) or not self.joined[end - 1] or self.tokens[end].start != span[0]
                or self.country_ends.get(span[1]) is None):
            return None
        last = end
        while last + 1 < len(self.tokens) and self.place_span_of.get(last + 1) == span:
            last += 1
        after = self.body[span[1] : span[1] + 1]
        if after in (",", ".", ";", ":", ")", "'", "’") or _SPEECH_AFTER.match(self.body, span[1]) or _AUXILIARY_AFTER.match(
                self.body, span[1]):
            return last + 1
        return None

    def _country_opens_a_body(self, index: int) -> bool:
        """A country's name or people joined before a body's name is the name's own ("Kenya Red
        Cross Society", "Nigerian Red Cross Society")."""
        before = index - 1
        return (before >= 0 and self.joined[before] and not self.taken[before]
                and ((self.tokens[before].text,) in self.matcher.demonyms
                     or self.country_ends.get(self.tokens[before].end) is not None))

    def _end_of_a_body_within(self, after: int) -> int | None:
        """Where the name of a body inside a known organisation ends, if one follows its name:
        capitalised words up to a head word ("Verification Mission", "Group of Experts",
        "Integrated Office"), and a place after "in" ("in Colombia"). None if none follows; not
        a title ("UN Secretary-General Antonio Guterres")."""
        head, index = None, after
        while index < len(self.tokens) and index - after < _MOST_WORDS_OF_A_BODY_WITHIN and self.joined[index - 1]:
            token = self.tokens[index]
            if token.lower in _CONNECTORS and head is not None and index + 1 < len(self.tokens) and self.joined[index] \
                    and self.tokens[index + 1].capitalised and not self.taken[index + 1]:
                index += 1  # "Group of Experts"
                continue
            if (not token.capitalised or self.taken[index] or self.headline[index] or token.lower in _TITLE_WORDS
                    or token.lower in FUNCTION_WORDS or self._starts_sentence(index)):
                break
            if token.lower in _ORG_HEADS:
                head = index
            index += 1
        if head is None:
            return None
        end = head + 1
        if end < len(self.tokens) and self.tokens[end].lower in ("of", "for") and end + 1 < index:
            end = index  # the words after "of" that the walk took: "Group of Experts"
        return self._with_place_after(list(range(after - 1, end)), _CONNECTORS | {"in"})[-1] + 1

    def _of_another_country(self, entry: KbEntry, index: int) -> bool:
        """A known body of one country inside a longer name another country's place opens:
        "Uganda People's Defence Forces" is not Myanmar's People's Defence Force, the "West Papua
        National Liberation Army" not Colombia's."""
        if not entry.country or entry.kind == "media" or index == 0 or not self.joined[index - 1]:
            return False  # an outlet's name after a place is its edition's or a lost comma's ("in Syria Al Mayadeen TV")
        country = self.place_country_ends.get(self.tokens[index - 1].end)
        return country is not None and country != entry.country

    def _of_follows(self, end: int) -> bool:
        return end < len(self.tokens) and self.joined[end - 1] and self.tokens[end].lower == "of"

    def _edition(self, start: int, end: int) -> tuple[int, int] | None:
        """The token span of a longer outlet's name around a known outlet's: capitalised words
        joined to it ("BBC Mundo", "CNN Mexico", "Animal Politico"), but not a day, a credit
        ("AFP Photo"), a reporter's first name or the first word of a sentence. None if none."""
        first, last = start, end
        romance = self.tokens[start].lower in _ARTICLES  # "La Prensa Grafica" is not "La Prensa"
        while (last < len(self.tokens) and last - end < 2 and self.joined[last - 1] and self._edition_word(last)
               and (romance or self.tokens[last].lower in _EDITION_WORDS or last in self.place_span_of)
               and not (last > end and self.tokens[last - 1].lower in _EDITION_WORDS)):  # "BBC Somali Jubbaland Deputy"
            last += 1
        if (last > end and last < len(self.tokens) and self.joined[last - 1] and self.tokens[last].text.isdigit()
                and self.tokens[last - 1].lower in ("radio", "channel")):
            last += 1  # "BBC Radio 4"
        if (first > 0 and self.joined[first - 1] and self._edition_word(first - 1)
                and (self.tokens[first - 1].text,) not in self.matcher.demonyms  # "the Russian Interfax agency": its country
                and first > 1 and self.joined[first - 2] and self.tokens[first - 2].text.islower()):
            first -= 1  # "told Animal Politico", not "Then CNN said"
        return (first, last) if (first, last) != (start, end) else None

    def _edition_word(self, index: int) -> bool:
        token = self.tokens[index]
        return (token.capitalised and not token.text.isupper() and not self.taken[index] and token.lower not in _STARTERS
                and token.lower not in _WEEKDAYS_MONTHS and token.lower not in _EDITION_NOT
                and token.text not in self.kb.given_names
                and ((token.text,) not in self.matcher.demonyms or token.lower in _EDITION_WORDS))  # "BBC Burmese"

    def _may_continue(self, index: int) -> bool:
        """Whether the token after `index` is joined to it and, as written or without a plural "s"
        (see _aliases_for), the second token of an alias that starts with this one."""
        if index + 1 >= len(self.tokens) or not self.joined[index]:
            return False
        first, second = self.tokens[index].lower, self.tokens[index + 1].lower
        return (first, second) in self.matcher.pairs or (first, second[:-1]) in self.matcher.pairs

    def _reach(self, index: int) -> int:
        """Most tokens an alias starting at `index` can span: joined tokens that begin some alias.

        Spares the look-ups of longer n-grams after "the", "Syrian", "al" that no alias continues.
        """
        prefixes, reach = self.matcher.prefixes, 1
        while (index + reach < len(self.tokens) and self.joined[index + reach - 1]
               and tuple(token.lower for token in self.tokens[index : index + reach]) in prefixes):
            reach += 1
        return reach

    def _aliases_for(self, texts: list[str]) -> tuple[_Alias, ...]:
        """Aliases spelled by `texts`, also without a possessive "s" where the scraper dropped
        the apostrophes ("Assads forces"): a text that writes them elsewhere means a plural
        ("Baghdadis agree" are the people of Baghdad, not al-Baghdadi)."""
        key = tuple(text.lower() for text in texts)
        found = self.matcher.aliases.get(key, ())
        # an "S" in capitals is an acronym's own letter ("SAAS" is no plural of "SAA")
        if not found and texts[-1].endswith("s") and len(key[-1]) > 3:
            found = self.matcher.aliases.get((*key[:-1], key[-1][:-1]), ())
            if self.writes_apostrophes:  # a plural: "Knights Templars", not a surname
                found = tuple(alias for alias in found if not alias.is_short_person)
            texts[-1] = texts[-1][:-1]
        return found

    def _accepts(self, alias: _Alias, texts: list[str], start: int, end: int) -> bool:
        tokens = self.tokens[start:end]
        if not (_case_agrees(alias, texts) or self._title_cased_acronym(alias, texts, start)):
            return False
        if self.shouted and len(texts) == 1 and texts[0].isupper() and "." not in texts[0]:
            return False  # an acronym is no different from a word in capitals; "U.S." still is
        if self.headline[start] and (alias.is_short_person or alias.entry.kind == "government"):
            return False
        if len(texts) == 1 and len(texts[0]) <= 2 and start > 0 and self.tokens[start - 1].lower in _OWNERS:
            return False  # "his CV", "her PC": a thing someone has, not the group of those letters
        if len(texts) == 1 and texts[0].isupper() and self._inside_a_word_in_capitals(tokens[0]):
            return False  # "PORT-AU-PRINCE" names no African Union
        span = (tokens[0].start, tokens[-1].end)
        if alias.entry.kind == "media" and len(texts) == 1:
            # an outlet named after its province: "Fars province" is the place, "Fars reported" the agency
            if _DIVISION_AFTER.match(self.body, span[1]):
                return False
            if _OUTLET_REPORTS_AFTER.match(self.body, span[1]):
                return not self._inside_longer_name(alias, start)
        if self.place_span_of.get(start) == span and span not in self.places_a_body_may_take:
            return False  # exactly a gazetteer place ("Fars" the province): metonym rules decide
        if alias.entry.kind == "person" and self.place_span_of.get(start, span)[1] > span[1]:
            return False  # the start of a longer place's name: "Khamis Mushait" is no Khamis Gaddafi
        return not self._inside_longer_name(alias, start)

    def _inside_a_word_in_capitals(self, token: _Token) -> bool:
        """The token is hyphened or joined by an apostrophe to a word in capitals: "AU" of a
        dateline's "PORT-AU-PRINCE", "SANA" of "SANA'A" (not "ISIS'S")."""
        before, after = self.body[max(0, token.start - 2) : token.start], self.body[token.end : token.end + 2]
        return (len(before) == 2 and before[1] == "-" and before[0].isupper()) or (
            len(after) == 2 and after[0] in "-'’" and after[1].isupper() and after[1] != "S")

    def _title_cased_acronym(self, alias: _Alias, texts: list[str], start: int) -> bool:
        """A house style writes an acronym said as a word in title case ("Ecowas", "Isis", "Nato"):
        one of four letters or more matches so inside a sentence (at its start, "Model" is a word),
        not after a capitalised word (a surname: "Fernando Quintero Mena" is no MENA)."""
        acronym = alias.tokens[0]
        return (len(texts) == 1 and len(acronym) >= 4 and acronym.isalpha() and acronym.isupper()
                and texts[0] == acronym.title() and not self._starts_sentence(start)
                and not (self.joined[start - 1] and self.tokens[start - 1].capitalised))  # "Fernando Quintero Mena"

    def _opens_a_question(self, index: int) -> bool:
        """Token `index` opens a sentence, or a quotation, that ends with a question mark ("they
        ask: \"Can al-Qaida make the transition?\"")."""
        if index and not self._starts_sentence(index):
            gap = self.body[self.tokens[index - 1].end : self.tokens[index].start].strip()
            if gap[-1:] not in ("\"", "“") or gap[:-1].strip()[-1:] not in (".", "!", "?", ":"):
                return False
        end = _SENTENCE_END.search(self.body, self.tokens[index].end)
        return end is not None and end.group(0) == "?"

    def _after_a_label(self, start: int) -> bool:
        """"SEE ALSO : El Salvador News and Profiles": a link's title after its label, not an outlet."""
        return self.body[max(0, start - 3) : start].strip().endswith(":")

    def _starts_sentence(self, index: int) -> bool:
        """Token `index` opens the text or follows a full stop, "!" or "?"."""
        return index == 0 or self.body[self.tokens[index - 1].end : self.tokens[index].start].strip()[-1:] in (".", "!", "?")

    def _inside_longer_name(self, alias: _Alias, start: int) -> bool:
        """"Turkish Red Crescent" is not the "Red Crescent"; "Hafez al-Assad" is not "Assad", nor
        is "Mubarak Atrous al-Rishawi" Mubarak or "Al-Baghdadi Ali al-Mahmudi" al-Baghdadi."""
        if alias.is_part_of_a_persons_name and self._name_goes_on(start + len(alias.tokens)):
            return True  # nor is "Abdel Rahman Shadid" Rami Abdel Rahman
        if alias.entry.kind == "person" and (self._one_more_surname(start + len(alias.tokens))
                                             or self._facility_named_after(start + len(alias.tokens))):
            return True  # nor "Joaquin Guzman Lopez" his father, nor "Hamid Karzai International Airport" a man
        if (alias.entry.kind in ("organization", "media") and self._body_name_goes_on(start + len(alias.tokens))
                # a word that opens no name found by its words stays the known body's: "Christian
                # Aid Ministries" would lose "Christian"
                and self.tokens[start].lower not in _NEVER_NAMES):
            return True  # "Thomson Reuters Foundation" is not Reuters
        if start == 0 or not self.joined[start - 1] or self.taken[start - 1]:
            return False
        before = self.tokens[start - 1]
        if (before.lower == "and" and start >= 2 and self.joined[start - 2] and self.tokens[start - 2].capitalised
                and (self.tokens[start - 2].lower in NAME_FIELD_NOUNS or self._body_named_before(start - 2))):
            # "National Intelligence and Security Service" is no MI5 ("Security Service"), the
            # "Committee of Emergency Situations and Civil Defence" no White Helmets
            return True
        if alias.is_short_person:
            if before.lower in NAME_PARTICLES:
                return True
            return before.capitalised and before.lower not in _NOT_A_FIRST_NAME and start - 1 not in self.place_span_of
        government = self.matcher.demonyms.get((before.text,))
        if government is not None and alias.entry.country and government.country == alias.entry.country:
            return False  # "British Special Air Service" is the SAS, its own country named
        if (alias.entry.kind != "person" and before.lower in NAME_PARTICLES and start >= 2 and self.joined[start - 2]
                and self.tokens[start - 2].capitalised and not self.taken[start - 2] and not self._starts_sentence(start - 2)
                and (self.tokens[start - 2].text,) not in self.matcher.demonyms
                and self.tokens[start - 2].lower not in _REGION_ADJECTIVES):  # not "North African al-Qaeda"
            return True  # "Mohammed Ali al-Houthi": a man's family name, not the Houthis
        if ((alias.entry.kind == "armed_group" or (alias.entry.kind == "organization" and alias.tokens[0].lower() in _PARTY_WORDS))
                and self._starts_a_longer_group_name(start - 1)):
            return True  # "Kataeb Hezbollah" is not Hezbollah, the "Popular Congress Party" not India's
        # "Turkish Red Crescent"; not "the heroic White Helmets", "a hawkish Washington Post op-ed",
        # nor "Can al-Qaida survive?"
        return (alias.entry.kind != "person" and before.capitalised and _NATIONALITY_LIKE.search(before.text) is not None
                and not (before.lower in _AUXILIARIES and self._opens_a_question(start - 1)))

    def _facility_named_after(self, after: int) -> bool:
        """Capitalised words after a person's name that end in a facility's: "Hamid Karzai
        International Airport", "King Faisal Specialist Hospital"."""
        for index in range(after, min(after + 3, len(self.tokens))):
            if not self.joined[index - 1] or not self.tokens[index].capitalised:
                return False
            if self.tokens[index].lower in FACILITY_WORDS:
                return True
        return False

    def _body_named_before(self, last: int) -> bool:
        """A body's name, its head before "of" or "for", runs up to token `last`: "Committee of
        Emergency Situations"."""
        index = last
        while index > 0 and last - index < _MOST_WORDS_OF_A_BODY_WITHIN and self.joined[index - 1]:
            previous = self.tokens[index - 1]
            if previous.lower in _CONNECTORS:
                return index >= 2 and self.tokens[index - 2].lower in _ORG_HEADS
            if not previous.capitalised:
                return False
            index -= 1
        return False

    def _one_more_surname(self, after: int) -> bool:
        """One capitalised word after a known person's full name that only a surname can be:
        the name goes on there, and stops after it; no given name (a list whose commas were
        lost: "Sergei Lavrov Yusuf bin Alawi"), no known name's first word ("Staffan de
        Mistura Southern Front"), no people ("Assad's Alawite")."""
        if not self._name_goes_on(after):
            return False
        token = self.tokens[after]
        following = after + 1
        return (not (following < len(self.tokens) and self.joined[after] and self.tokens[following].capitalised)
                and token.text not in self.kb.given_names and token.lower not in self.matcher.body_starts
                and not _NATIONALITY_LIKE.search(token.text) and f"{token.lower}s" not in COMMUNITIES)

    def _starts_a_longer_group_name(self, index: int) -> bool:
        """A capitalised word right before a group's name that is a name's own: not a demonym,
        a faith, a title, a starter or the first word of a sentence ("Lebanese Hezbollah",
        "mainly Muslim Seleka rebels", "Yesterday Hamas")."""
        token = self.tokens[index]
        return (token.capitalised and not self._starts_sentence(index) and not token.text.isupper() and (token.text,) not in self.matcher.demonyms
                and token.lower not in _NOT_A_FIRST_NAME and token.lower not in _QUALIFIERS and index not in self.place_span_of
                and not _NATIONALITY_LIKE.search(token.text))

    def _body_name_goes_on(self, after: int) -> bool:
        """A known body's name followed, after a space, by a capitalised word that ends another
        body's name: "Thomson Reuters Foundation", "Save the Children Foundation"."""
        return (after < len(self.tokens) and self.body[self.tokens[after - 1].end : self.tokens[after].start] == " "
                and self.tokens[after].capitalised and self.tokens[after].lower in _LONGER_BODY_HEADS)

    def _name_goes_on(self, after: int) -> bool:
        """A capitalised word right after a surname, in the same sentence, that is a name's:
        not a title, an organisation's head word, a weekday or a month ("Assad Monday")."""
        if after >= len(self.tokens) or not self.joined[after - 1]:
            return False
        token = self.tokens[after]
        if not self.body[self.tokens[after - 1].end : token.start].isspace():
            return False  # "a Kerry-Lavrov meeting" pairs two men
        return (token.capitalised and not self.headline[after] and token.lower not in _NOT_A_FIRST_NAME
                and token.lower not in _ORG_HEADS and token.lower not in _WEEKDAYS_MONTHS and not token.text.isupper()
                and after not in self.place_span_of and (token.text,) not in self.matcher.demonyms)

    def match_governments(self) -> None:
        """Metonyms that act ("Moscow said") and demonyms with a force noun ("Russian warplanes")."""
        starts, demonyms = self.matcher.metonym_starts, self.matcher.demonym_starts
        candidates = [index for index, token in enumerate(self.tokens) if token.lower in starts or token.text in demonyms]
        for index in candidates:
            if not (self.taken[index] or self.headline[index] or self.tokens[index].text in self.surnames_of_places):
                self._match_metonym(index) or self._match_demonym(index)

    def _match_metonym(self, index: int) -> bool:
        if self.tokens[index].lower not in self.matcher.metonym_starts:
            return False
        for length in (3, 2, 1):
            end = index + length
            if end > len(self.tokens) or not all(self.joined[index : end - 1]) or any(self.taken[index:end]):
                continue
            entry = self.matcher.metonyms.get(tuple(t.lower for t in self.tokens[index:end]))
            if entry is None or not self.tokens[index].capitalised:
                continue
            if self._branch_of_a_body(index):
                return False
            if index > 0 and self.joined[index - 1] and self.tokens[index - 1].text in _SURNAME_PARTICLES:
                return False  # "Ms. de Lima said", "Mr. van Berlin": a surname with its particle
            last = self.tokens[end - 1]
            force_name = _NATIONAL_FORCE_NAME.match(self.body, last.end) or (
                _COUNTRY_FORCE_AFTER.match(self.body, last.end) if last.end in self.country_ends else None)
            if force_name:  # "Kenya Defence Forces", "the Pakistan military": the state's own forces
                self._take_span(entry, self.tokens[index].start, force_name.end())
                return True
            possessive = _POSSESSIVE.match(self.body, last.end)
            if possessive and (self._take_ministry(entry, index, possessive.end())
                               or self._take_legislature(entry, index, possessive.end())
                               or self._take_national_body(entry, index, possessive.end())):
                return True  # "Egypt's health ministry", "Iran's parliament", "Russia's Security Council"
            force = (_FORCE_NOUN.match(self.body, possessive.end()) or _GOVERNMENT_POSSESSION.match(self.body, possessive.end())
                     if possessive else None)
            if force:
                self._take_span(entry, self.tokens[index].start, force.end())
                return True
            if possessive and possessive.group(0).lstrip()[:1] in "'’" and _OFFICIAL_AFTER.match(self.body, possessive.end() - 1):
                # "Guatemala's Interior Minister Mauricio Lopez Bonilla": the country's name is
                # its government's mention; the title and the name stay for the person.
                self._take(entry.name, entry.kind, entry.id, index, end)
                return True
            before = self.body[max(0, self.tokens[index].start - 70) : self.tokens[index].start]
            if _OFFICE_OF_BEFORE.search(before):
                self._take(entry.name, entry.kind, entry.id, index, end)
                return True
            # "pressure from the US": no place it is in; "aid from the US Bureau of Prisons" is the bureau's;
            # "in the US-led invasion": the country leads
            acted_on = ((_ACTED_ON_BEFORE.search(before) and not self._starts_a_longer_name(end))
                        or LED_AFTER.match(self.body, last.end)
                        or (_MADE_TO_BEFORE.search(before) and _TO_DO_AFTER.match(self.body, last.end)))
            if _LOCATIVE_BEFORE.search(before) and not _WHICH_ACTS_AFTER.match(self.body, last.end) and not acted_on:
                return False
            if (_ACTING_AFTER.match(self.body, last.end) or _WHICH_ACTS_AFTER.match(self.body, last.end)
                    or (self.tokens[index].start in self.city_starts and _CAPITAL_ACTS_AFTER.match(self.body, last.end))
                    or acted_on
                    or _MEMBERS_BEFORE.search(self.body, max(0, self.tokens[index].start - 100), self.tokens[index].start)
                    or self._after_a_government(index)):
                if not self._take_listed_before(index):  # "Britain, France and the US said": all three said
                    return False  # "experts from the UK, the US and Italy say": places, all of them
                self._take(entry.name, entry.kind, entry.id, index, end)
                return True
        return False

    def _branch_of_a_body(self, index: int) -> bool:
        """"Amnesty International Nigeria said": the country names the body's branch, which speaks."""
        if index == 0 or not self.joined[index - 1] or not self.taken[index - 1]:
            return False
        body = self._found_just_before(self.tokens[index].start, _ONE_SPACE)
        return body is not None and body.kind in ("organization", "media")

    def _starts_a_longer_name(self, after: int) -> bool:
        """A capitalised word follows the name in the same run ("the US Bureau of Prisons")."""
        return (after < len(self.tokens) and self.joined[after - 1] and self.tokens[after].capitalised
                and self.body[self.tokens[after - 1].end : self.tokens[after].start].isspace())

    def _take_ministry(self, government: KbEntry, index: int, at: int) -> bool:
        """A ministry of the government's country named from token `index` to a ministry at
        `at`: an actor of its own, named as every form of it is (ministry_name)."""
        ministry = _MINISTRY.match(self.body, at) if government.country else None
        if ministry is None:
            return False
        tokens = self._token_range(self.tokens[index].start, ministry.end())
        known = any(self.taken[i] for i in tokens)
        if "department" in ministry.group(0).lower() and not known:
            return False  # a department only where a known one of another country was read: "Mexico's Defense Department"
        if ((ministry.group("office_field") or known)
                and not self._replaces_known_bodies(government, tokens[0], ministry.end())):
            # "Britain's Foreign Office" is the known British Foreign Office, "Mexico's Defense
            # Department" no Pentagon
            return False
        field = ministry.group("field") or ministry.group("of_field") or ministry.group("office_field")
        self._take(ministry_name(field, government.country), "government", None, tokens[0], tokens[-1] + 1)
        return True

    def _take_legislature(self, government: KbEntry, index: int, at: int) -> bool:
        """The parliament of the government's country named from token `index` to `at`: one
        actor however it is written ("Parliament (Iran)" for "the Iranian parliament" and "Iran's
        Parliament"); not "the Iranian parliament building", a place."""
        legislature = _LEGISLATURE.match(self.body, at) if government.country else None
        if legislature is None:
            return False
        tokens = self._token_range(self.tokens[index].start, legislature.end())
        self._take(f"Parliament ({government.country})", "government", None, tokens[0], tokens[-1] + 1)
        return True

    def _replaces_known_bodies(self, government: KbEntry, first: int, end: int) -> bool:
        """Drop the known bodies found from token `first` to `end` ("Pakistan's Foreign Office" is
        not Britain's), unless one is the government's own: then keep them all and say False."""
        inside = [item for item in self.found if item.start >= self.tokens[first].start and item.end <= end]
        if any(item.kb_id is not None and (known := self.kb.entry(item.kb_id)) is not None
               and known.country == government.country for item in inside):
            return False
        self.found = [item for item in self.found if item not in inside]
        return True

    def _take_national_body(self, government: KbEntry, index: int, at: int) -> bool:
        """A body of the government's country that every state has (_NATIONAL_BODY), named from
        token `index` to `at`: "Security Service (Ukraine)" for "Ukraine's Security Service",
        over the knowledge base's body of another country or none that has the same name."""
        body = _NATIONAL_BODY.match(self.body, at) if government.country else None
        if body is None:
            return False
        tokens = self._token_range(self.tokens[index].start, body.end())
        if not self._replaces_known_bodies(government, tokens[0], body.end()):
            return False  # "Britain's Security Service" is MI5
        self._take(f"{' '.join(body.group(0).split())} ({government.country})", "government", None, tokens[0], tokens[-1] + 1)
        return True

    def _take_listed_before(self, index: int) -> bool:
        """Take the countries listed right before the metonym at `index` as governments: they
        share its verb ("Britain, France and the United States said"). False when the list is
        places ("experts from the UK, the US and Italy say"): then none is taken."""
        listed = []
        while True:
            gap = _LIST_GAP_BEFORE.search(self.body, max(0, self.tokens[index].start - 12), self.tokens[index].start)
            last = bisect.bisect_right(self.starts, gap.start()) - 1 if gap else -1
            if last < 0 or self.tokens[last].end != gap.start():
                break
            item = next(((self.matcher.metonyms[key], begin) for begin in (last - 2, last - 1, last)
                         if begin >= 0 and self.tokens[begin].capitalised
                         and (key := tuple(t.lower for t in self.tokens[begin : last + 1])) in self.matcher.metonyms),
                        None)
            if item is None:
                break
            listed.append((*item, last + 1))
            index = item[1]
        if not listed:
            return True
        head = self.tokens[index].start
        before = self.body[max(0, head - 40) : head]
        if _LOCATIVE_BEFORE.search(before) and not _ACTED_ON_BEFORE.search(before):
            return False  # "experts from the UK, the US": places; "calls from the US, Russia": governments
        for entry, begin, end in listed:
            if not any(self.taken[begin:end]):  # one already taken as an actor stays as it is
                self._take(entry.name, entry.kind, entry.id, begin, end)
        return True

    def _after_a_government(self, index: int) -> bool:
        """"Russia and China have taken a softer line": coordinated with a government taken."""
        previous = self._found_just_before(self.tokens[index].start, _COORDINATION)
        return previous is not None and previous.kind == "government"

    def _found_just_before(self, start: int, gap: re.Pattern[str]) -> _Found | None:
        """The actor found whose mention ends right before `start`, with only `gap` between
        ("Russia| and |China", "CNN|'s |Candy Crowley", "Institute| (|Instituto ..."). The
        passes find actors out of text order, so the last one found is not always it."""
        return next((item for item in reversed(self.found)
                     if start - _GAP_MAX <= item.end < start and gap.fullmatch(self.body, item.end, start)), None)

    def _match_demonym(self, index: int) -> bool:
        found = self._demonym_at(index)
        if found is None:
            return False
        entry, last = found
        token, end = self.tokens[index], self.tokens[last].end
        after = self.body[end : end + 60]
        if last == index and token.text.endswith("s") and self.body[max(0, token.start - 4) : token.start].lower() == "the ":
            self._take_span(entry, token.start - 4, token.end)  # "the Russians", "the Americans"
            return True
        coordinated = re.match(r"\s+(?:and|or)\s+([A-Z][\w.]*)\s+", after)
        if coordinated and (coordinated.group(1),) in self.matcher.demonyms:
            force = _FORCE_NOUN.match(after, coordinated.end())
            if force:  # "Syrian and Russian military": the first demonym shares the noun
                self._take_span(entry, token.start, end)
                return True
        if after[:1] not in (" ", "-"):
            return False
        broadcaster = _BROADCASTER_AFTER.match(after)
        if broadcaster is not None and not _INDEFINITE_BEFORE.search(self.body, max(0, token.start - 4), token.start):  # "Libyan state TV": the state's broadcaster, a source of its own
            last_token = self._token_range(end, end + broadcaster.end())[-1]
            medium = "radio" if broadcaster.group(0).rstrip().lower().endswith("radio") else "television"
            # "Libyan state TV", "Libyan state television" and "Libyan TV" are one broadcaster
            self._take(f"{self.body[token.start:end]} state {medium}", "media", None, index, last_token + 1)
            return True
        if (self._take_ministry(entry, index, end + 1) or self._take_legislature(entry, index, end + 1)
                or self._take_national_body(entry, index, end + 1)):
            return True  # "the Russian foreign ministry", "the British parliament"
        force = _FORCE_NOUN.match(after, 1) or _EMBASSY_ACTS.match(after)
        if force is not None and not (index > 1 and self.tokens[index - 1].lower == "of"
                                      and self.tokens[index - 2].lower in _ORG_HEADS and self.tokens[index - 2].capitalised
                                      and _NAME_GOES_ON_AFTER.match(after, force.end())):
            # (not "the National Union of Haitian Police Officers": a body's name the words go on into)
            self._take_span(entry, token.start, end + force.end())
            return True
        if (_OFFICIAL_AFTER.match(after) and not HEAD_OF_STATE_AFTER.match(after)
                and not _FORMER_BEFORE.search(self.body, max(0, token.start - 12), token.start)):
            # "British Defence Secretary Liam Fox": the government's mention is the demonym;
            # the title and the name stay for the person ("former French foreign minister
            # Juppe" speaks for no government).
            self._take_span(entry, token.start, end)
            return True
        return False

    def _demonym_at(self, index: int) -> tuple[KbEntry, int] | None:
        """The government whose demonym starts at token `index` ("South African" before "South"),
        and the demonym's last token."""
        for length in (2, 1):
            last = index + length - 1
            if last >= len(self.tokens) or not all(self.joined[index:last]):
                continue
            entry = self.matcher.demonyms.get(tuple(t.text for t in self.tokens[index : last + 1]))
            if entry is not None:
                return entry, last
        return None

    def match_references(self) -> None:
        """Generic phrases ("the regime", "the Observatory") for actors the article is about."""
        if self.matcher.references is None:
            return
        present = {found.kb_id for found in self.found}
        for match in self.matcher.references.finditer(self.body):
            phrase = normalize_surface(match.group())
            entry = next((entry for entry in self.matcher.reference_entries[phrase] if self._in_context(entry, present)), None)
            end = match.end()
            if entry is None:
                # "the government", "regime forces" of a story about Libya are Libya's, and "the
                # government of Liberia" Liberia's in any story
                entry = self._main_government if phrase in _GOVERNMENT_REFERENCE_KEYS else None
                owner = self._government_named_after(end) if entry is not None else None
                if owner is not None:
                    entry, end = owner
            if entry is None:
                continue
            indexes = self._token_range(match.start(), end)
            # A place inside the phrase is part of it ("the Britain-based monitor"); the place
            # mention is dropped later for lying inside an actor's.
            if any(self.taken[i] or self.headline[i] for i in indexes):
                continue
            self._take(entry.name, entry.kind, entry.id, indexes[0], indexes[-1] + 1)

    def _government_named_after(self, end: int) -> tuple[KbEntry, int] | None:
        """The government of the country named by "of" after `end`, and where its name ends
        ("the government of Liberia", "of the United States"; the longest name that is one)."""
        owner = _OF_A_COUNTRY.match(self.body, end)
        if owner is None:
            return None
        words = owner.group(1).split()
        for size in range(len(words), 0, -1):
            entry = self.matcher.government_of.get(" ".join(words[:size]))
            if entry is not None:
                return entry, owner.start(1) + len(" ".join(words[:size]))
        return None

    def match_division_governments(self) -> None:
        """"the Balochistan government", "the Tigray regional government": a province's or a
        state's government is an actor of its own (a country's is match_governments')."""
        for place in self.places:
            if place.kind not in ("region", "governorate"):
                continue
            for mention in place.mentions:
                government = GOVERNMENT_AFTER.match(self.body, mention.end)
                indexes = self._token_range(mention.start, government.end()) if government else ()
                if indexes and not any(self.taken[i] for i in indexes):
                    self._take(f"{place.name} government", "government", None, indexes[0], indexes[-1] + 1)

    def match_lower_case_bodies(self) -> None:
        """"the international criminal court": a body's name all in lower case, after "the"."""
        pattern = self.matcher.lower_case_bodies
        if pattern is None:
            return
        names = self.matcher.lower_case_body_entry
        for match in pattern.finditer(self.body):  # "the" opens the pattern, unanchored: re skips to it
            if match.start() and self.body[match.start() - 1].isalnum():
                continue  # "breathe ..."
            words = match.group(1).split(" ")
            # the longest name the words begin with ("the international criminal court and ...")
            size = next((size for size in range(len(words), 2, -1) if " ".join(words[:size]) in names), None)
            if size is None:
                continue
            name = " ".join(words[:size])
            start = match.start(1)
            indexes = self._token_range(start, start + len(name))
            if indexes and not any(self.taken[i] or self.headline[i] for i in indexes):
                entry = names[name]
                self._take(entry.name, entry.kind, entry.id, indexes[0], indexes[-1] + 1)

    def leaders_forces(self) -> list[_Found]:
        """The found mentions, where "Gaddafi's forces", "pro-Gaddafi troops" or "the Gaddafi
        regime" are the government of the country the article makes him the leader of ("Libyan
        leader Muammar Gaddafi"); without such a title they stay his, and so does the titled
        mention ("Egyptian President Hosni Mubarak's regime" names him too)."""
        governments: dict[str, KbEntry] = {}
        titled: set[int] = set()
        for item in self.found:
            title = _LEADER_BEFORE.search(self.body, max(0, item.start - 40), item.start) if item.kind == "person" else None
            government = self.matcher.demonyms.get((title.group("demonym"),)) if title else None
            if government is not None and government.kind == "government":
                governments.setdefault(item.key, government)
                titled.add(item.start)
        if not governments:
            return self.found
        kept = []
        for item in self.found:
            government = governments.get(item.key) if item.start not in titled else None
            forces = _LEADERS_FORCES_AFTER.match(self.body, item.end) if government is not None else None
            pro = government is not None and self.body[max(0, item.start - 4) : item.start].lower() == "pro-"
            if forces is None and pro:
                forces = _PRO_FORCES_AFTER.match(self.body, item.end)
            if forces is None:
                kept.append(item)
            else:
                start = item.start - 4 if pro else item.start
                kept.append(_Found(government.name, government.kind, government.id, start, forces.end()))
        return kept

    def _in_context(self, entry: KbEntry, present: set[str | None]) -> bool:
        """The actor is named, or its country is the one the article is about: "the army" of a
        story about Egypt that names Syria once is not Syria's."""
        if entry.id in present:
            return True
        if not entry.country:
            return False
        if self.main_country is not None:
            return entry.country == self.main_country
        return normalize_surface(entry.country) in self.place_names or any(demonym in self.body for demonym in entry.demonyms)

    def match_websites(self) -> None:
        """A site named by its domain ("wrote on Maliweb.net", "ElSalvador.com reported") is an
        outlet; addresses with a path or "www." are links, not names."""
        if _TOP_LEVEL_DOMAIN.search(self.body) is None:  # most texts name no site: one cheap scan
            return
        for match in _WEBSITE.finditer(self.body):
            indexes = self._token_range(match.start(), match.end())
            if indexes and not any(self.taken[i] or self.headline[i] for i in indexes):
                self._take(match.group(), "media", None, indexes[0], indexes[-1] + 1)

    def match_capitalised_names(self) -> None:
        for run in self._capitalised_runs():
            if not all(self.taken[index] for index in run):  # not "Sixth Marines" of "3rd Battalion/Sixth Marines"
                self._classify_run(run)

    def _capitalised_runs(self) -> list[list[int]]:
        """Token indexes of capitalised sequences, with particles and connectors inside.

        Visits the capitalised tokens only (a name token is capitalised); the lower-case tokens
        between two of them join a run only if each bridges, so a run's gap is checked only
        until its first token that does not.
        """
        runs, current = [], []
        for index in self.capitalised:
            if current:
                for between in range(current[-1] + 1, index):
                    if not self._bridges(between, current):
                        runs.append(current)
                        current = []
                        break
                    current.append(between)
            if self._name_token(index) or self._qualifier_inside_a_name(index, current):
                if current and (not (self.joined[current[-1]] and current[-1] == index - 1)
                                or self._possessive_between(current[-1])):
                    runs.append(current)
                    current = []
                current.append(index)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        return [self._with_hyphenated_syllable(_trim_lower_tail(run, self.tokens)) for run in runs]

    def _without_a_leading_place(self, run: list[int], tokens: list[_Token]) -> tuple[list[int], list[_Token]]:
        """"special envoy for Yemen Hans Grundberg": a country's name (or a found place's) after a
        preposition, then a name of two words or more, is the title's field, not the name's start."""
        if not run or run[0] == 0 or self.tokens[run[0] - 1].lower not in _FIELD_PREPOSITIONS:
            return run, tokens
        length = next((length for length in (3, 2, 1) if len(run) >= length + 2
                       and tuple(token.lower for token in tokens[:length]) in self.matcher.metonyms), 0)
        if not length and run[0] in self.place_span_of:
            place_end = self.place_span_of[run[0]][1]
            length = sum(1 for token in tokens if token.end <= place_end)
        if not length or len(run) - length < 2:
            return run, tokens  # "in Santa Cruz Barillas": a place's name, however long
        return run[length:], tokens[length:]

    def _with_hyphenated_syllable(self, run: list[int]) -> list[int]:
        """"Yolanda Yu Hoi-kwan", "Lee Myung-bak", "Prayut Chan-o-cha": lower-case syllables
        hyphened to a name's last word are part of it (not "Saudi-led" or "Iran-backed", English words)."""
        after = run[-1] + 1 if run else 0
        if len(run) < 2 or after >= len(self.tokens):
            return run
        syllables = []
        while after < len(self.tokens) and self._hyphened_syllable(after - 1, after, chained=bool(syllables)):
            syllables.append(after)  # "Chan-o-cha": one syllable after another
            after += 1
        return [*run, *syllables]

    def _hyphened_syllable(self, previous: int, index: int, chained: bool) -> bool:
        """A short lower-case syllable hyphened to the token before; one letter only inside a
        chain ("o" of "Chan-o-cha")."""
        token = self.tokens[index]
        return (self.body[self.tokens[previous].end : token.start] == "-" and token.text.isalpha() and token.text.islower()
                and (1 if chained or self.body[token.end : token.end + 1] == "-" else 2) <= len(token.text) <= 5
                and token.text not in _HYPHENED_WORDS and not token.text.endswith(("ed", "ing")))

    def _qualifier_inside_a_name(self, index: int, current: list[int]) -> bool:
        """ "Muslim" in "the Association of Muslim Clerics": a word that never starts a name
        (faiths and peoples, _QUALIFIERS) continues one after its "of" or "for" when a name word
        follows; so does a place's one word after a body's head and its connector ("the
        Coordinating Committee on Manipur Integrity", "the Ministry of Kurdistan Affairs")."""
        if not (current and current[-1] == index - 1 and self.joined[index - 1] and index + 1 < len(self.tokens)
                and self.joined[index] and self._name_token(index + 1)):
            return False
        connector, head = self.tokens[index - 1].lower, self.tokens[index - 2].lower if index > 1 else ""
        if self.tokens[index].lower in _QUALIFIERS:
            return connector in _CONNECTORS
        return index in self.place_span_of and head in _ORG_HEADS and _name_connector(head, connector)

    def _possessive_between(self, index: int) -> bool:
        """"Studies' Stephen Flanagan", "Studies ' Stephen" (tokenized): a name ends before a
        possessive (not "Enrique 'Kiki' Camarena")."""
        if index + 1 >= len(self.tokens):
            return False
        gap = self.body[self.tokens[index].end : self.tokens[index + 1].start]
        if self.tokens[index].lower in _PLURAL_OWNERS_IN_NAMES and self.tokens[index].capitalised:
            return False  # "the Peoples' Democratic Party", "the Kurdistan Workers' Party": the name goes on
        return bool(_SPACED_APOSTROPHE.fullmatch(gap) or (self.tokens[index].lower.endswith("s")
                                                           and _TRAILING_APOSTROPHE.fullmatch(gap)))

    def _name_token(self, index: int) -> bool:
        token = self.tokens[index]
        return (  # the look-ups first, the string tests (acronym) last
            not self.taken[index]
            and not self.headline[index]
            and (index not in self.place_span_of or index in self.names_on_places)
            and (token.lower not in _WEEKDAYS_MONTHS or self._abbreviation_in_a_name(index))
            and (token.lower not in _NEVER_NAMES or self._after_a_joined_particle(index)  # "Saif al-Arab"
                 or self._faith_word_in_a_name(index))
            and token.capitalised
            and not token.text.isdigit()
            and (not token.acronym or self._regnal_number(index) or self._surname_in_capitals(index)
                 or self._initials_in_capitals(index)
                 or (index + 1 < len(self.tokens) and self.joined[index] and self.tokens[index + 1].capitalised
                                       and (_DOTTED_INITIALS.fullmatch(token.text) is not None
                                            or (self.tokens[index + 1].lower in _ORG_HEADS
                                                and token.text not in _BRACKET_TOKENS)))  # "the SITE Institute"
                 or (index + 1 < len(self.tokens) and self.joined[index]  # "BFM TV", "MCOT radio"
                     and _NAME_SUFFIXES.get(self.tokens[index + 1].text) == "media"))
        )

    def _surname_in_capitals(self, index: int) -> bool:
        """"Ashok KC", "Yadav KC": a South Asian surname of two capitals ends a name after its given
        name; not an acronym the knowledge base knows ("Kabul UN"), a rank ("Kumar MP") nor an
        outlet's kind ("Syria TV")."""
        token, previous, following = self.tokens[index], self.tokens[index - 1], index + 1
        return (len(token.text) == 2 and index > 0 and self.body[previous.end : token.start] == " "
                and previous.capitalised and len(previous.text) > 2 and not previous.acronym
                and previous.lower not in _TITLE_WORDS and token.text not in _NAME_SUFFIXES
                and not (following < len(self.tokens) and self.joined[index] and self.tokens[following].capitalised)
                and token.text not in _RANKS_IN_CAPITALS and (token.text,) not in self.matcher.aliases)

    def _initials_in_capitals(self, index: int) -> bool:
        """"IGP AKM Shahidul Hoque", "Commissioner SM Mostak Ahmed": South Asian initials written
        without stops open a name after a title, before a given name and a surname; not a rank
        ("IGP") nor a body the knowledge base knows ("UN"), nor a time zone ("10:00 BST Marla")."""
        token, title, given, surname = self.tokens[index], index - 1, index + 1, index + 2
        return (len(token.text) in (2, 3) and token.text.isalpha() and surname < len(self.tokens) and title >= 0
                and self.joined[title] and (self.tokens[title].lower in _TITLE_WORDS or self.tokens[title].text in _RANKS_IN_CAPITALS)
                and self.joined[index] and self.joined[given] and self.body[token.end : token.end + 1] == " "
                and self.tokens[given].text in self.kb.given_names and self.tokens[surname].capitalised
                and token.text not in _RANKS_IN_CAPITALS and (token.text,) not in self.matcher.aliases)

    def _regnal_number(self, index: int) -> bool:
        """ "II" of "Pope John Paul II", "III" of "Ahmed Shah III": a numeral after a name."""
        return (_REGNAL_NUMBER.fullmatch(self.tokens[index].text) is not None and index > 0 and self.joined[index - 1]
                and self.tokens[index - 1].capitalised and not self.tokens[index - 1].acronym
                and self.tokens[index - 1].lower != "war")  # not "World War II"

    def _faith_word_in_a_name(self, index: int) -> bool:
        """"Islam" after a Bengali name's "-ul" ("Rafiqul Islam", "Nazrul Islam"), "Christian"
        after a given name ("Roch Marc Christian Kabore"): names, not faiths."""
        previous = index - 1
        if previous < 0 or not self.joined[previous] or not self.tokens[previous].capitalised:
            return False
        word, before = self.tokens[index].lower, self.tokens[previous]
        return (word == "islam" and before.lower.endswith("ul")) or (word == "christian" and before.text in self.kb.given_names)

    def _after_a_joined_particle(self, index: int) -> bool:
        """The word is joined by a hyphen to a particle before it ("al-Arab", "al-Islam"): a name's."""
        before = index - 1
        return (before >= 0 and self.tokens[before].lower in NAME_PARTICLES
                and self.body[self.tokens[before].end : self.tokens[index].start] == "-")

    def _abbreviation_in_a_name(self, index: int) -> bool:
        """A month's or weekday's three letters that are a name's syllable: hyphened ("Kim
        Sun-il") or after a name's word with no full stop or day after ("Abdul Hakim Jan,"; not
        "KABUL Jan 5")."""
        token, following = self.tokens[index], index + 1
        if len(token.text) != 3:
            return False
        after = self.body[token.end : token.end + 1]
        if after == "-":
            return True
        return (index > 0 and self.joined[index - 1] and self.tokens[index - 1].capitalised
                and not self.tokens[index - 1].text.isupper() and self.tokens[index - 1].lower not in _WEEKDAYS_MONTHS
                and after != "." and not (following < len(self.tokens) and self.tokens[following].text[:1].isdigit()))

    def _bridges(self, index: int, run: list[int]) -> bool:
        """A lower-case particle or connector between two name tokens ("al", "of"), or an "and"
        inside an organisation's name (see _and_inside_a_name)."""
        token = self.tokens[index]
        if token.lower == "and":
            return self._and_inside_a_name(index, run)
        if token.text == "y":  # Spanish double surnames: "Claudia Paz y Paz"
            return (self.joined[index - 1] and self.joined[index] and index + 1 < len(self.tokens)
                    and self._name_token(index + 1) and self._name_token(index - 1))
        if token.text == "s":
            if self.body[token.start - 1 : token.start] not in ("'", "’") or index + 1 >= len(self.tokens):
                return False
            owner, following = self.tokens[index - 1], index + 1
            return ((owner.lower in _TITLE_WORDS and self.tokens[following].lower == "office")  # "the President's Office"
                    or (owner.lower in _OWNERS_IN_NAMES and owner.capitalised and self.joined[index]
                        and self._name_token(following)))  # "the People's Liberation Army"
        if token.lower in _HEADED_CONNECTORS and not _name_connector(self.tokens[index - 1].lower, token.lower):
            return False
        if token.lower not in NAME_PARTICLES and token.lower not in _CONNECTORS and token.lower not in _HEADED_CONNECTORS \
                and token.lower != "the":
            return False
        if token.lower in _ENGLISH_PARTICLES and self.body[token.end : token.end + 1] not in ("-", "‐"):
            return False  # "Researchers at Rice University": "at" is Arabic only as "at-Tall"
        if not (self.joined[index - 1] and self.joined[index]) or token.capitalised:
            return False
        following = index + 1
        while following < len(self.tokens) and self.joined[following] and (
                self.tokens[following].lower == "the"
                or (self.tokens[following].lower in NAME_PARTICLES and not self.tokens[following].capitalised)):
            following += 1  # "the", or a second particle: "Ursula von der Leyen", "de la Cruz"
        return following < len(self.tokens) and (
            self._name_token(following) or self._qualifier_inside_a_name(following, [following - 1]))

    def _and_inside_a_name(self, index: int, run: list[int]) -> bool:
        """"Center for Strategic and International Studies": after an organisation's head and its
        "of" or "for", an "and" between two name words whose tail ends in a noun of a field
        (lexicon.NAME_FIELD_NOUNS); "the Ministry of Defence and John Smith" are two names."""
        if not (self.joined[index - 1] and self.joined[index] and self._name_token(index - 1)):
            return False
        connector = max((i for i in run if _name_connector(self.tokens[i - 1].lower, self.tokens[i].lower)), default=None)
        if connector is None:
            return self._and_between_fields(index, run)
        if self.tokens[connector - 1].lower not in _ORG_HEADS:
            return False
        last = index + 1
        if last >= len(self.tokens) or not self._name_token(last):
            return False
        while (last + 1 < len(self.tokens) and self.joined[last] and self._name_token(last + 1)
               and not self._possessive_between(last)):
            last += 1
        tail = self.tokens[index + 1 : last + 1]
        return tail[-1].lower in NAME_FIELD_NOUNS and not any(token.lower in _ORGANIZATION_HEADS for token in tail)

    def _and_between_fields(self, index: int, run: list[int]) -> bool:
        """"the National Security and Defense Council", "the Justice and Development Party": with
        no "of" before it, an "and" beside a field noun joins two fields of one body's name that
        ends in an organisation's head a few words on; not "Kerry and Defense Department" (no field
        noun), nor "Russia and Ukraine" (places)."""
        if any(self.tokens[i].lower in _ORGANIZATION_HEADS or i in self.place_span_of for i in run):
            return False
        last = index + 1
        if last >= len(self.tokens) or not self._name_token(last):
            return False
        while (last + 1 < len(self.tokens) and last - index < _MOST_FIELD_WORDS and self.tokens[last].lower not in _ORG_HEADS
               and self.joined[last] and self._name_token(last + 1)):
            last += 1
        return (self.tokens[last].lower in _ORG_HEADS and last > index + 1
                and NAME_FIELD_NOUNS.intersection((self.tokens[index - 1].lower, self.tokens[index + 1].lower)) != set())

    def _classify_run(self, run: list[int]) -> None:
        if self._spanish_body(run) or self._nickname(run) or self._other_name(run) or self._compass_of_a_place(run):
            return
        if (len(run) > 2 and self.tokens[run[0]].lower in _PEOPLE_OF and self.tokens[run[1]].lower == "of"
                and self._starts_sentence(run[0])):
            # "Soldiers of the Army's 20th Infantry Battalion", "Members of the National Guard": a
            # sentence's first word, capitalised as such, then the body they belong to
            rest = run[3:] if self.tokens[run[2]].lower == "the" else run[2:]
            if len(rest) > 1:
                self._classify_run(rest)
            return
        if len(run) > 1 and self.tokens[run[0]].lower in _AUXILIARIES and self._opens_a_question(run[0]):
            self._classify_run(run[1:])  # "Can al-Qaida survive?": the verb of a question, not "Can" Dündar
            return
        suffix = self._name_suffix(run[-1])
        # not "But Nile TV", nor "Broadcaster Haberturk TV": a sentence's first word, or what the outlet is
        named = [index for index in run
                 if self.tokens[index].lower not in _STARTERS and self.tokens[index].lower not in _OUTLET_NOUNS]
        if suffix is not None and suffix[0] == "media" and self.tokens[suffix[1]].text.islower() and any(
                (self.tokens[index].text,) in self.matcher.demonyms or self.tokens[index].lower in _NOT_AN_OUTLET_S_NAME
                for index in run):
            suffix = None  # "American television", "state radio": what kind of outlet, not which
        if suffix is not None and named:  # "Nile TV", "the Wafd party": the run and the word that says what it is
            kind, last = suffix
            first = named[0]
            while first > 0 and self.tokens[first - 1].lower in NAME_PARTICLES and self.body[self.tokens[first - 1].end] == "-":
                first -= 1  # "al-Ghad party"
            self._take(self.body[self.tokens[first].start : self.tokens[last].end], kind, None, first, last + 1)
            return
        if self._number_after_unit(run):
            return
        if self.tokens[run[-1]].lower in _ORGANIZATION_HEADS and run[0] > 0 and self.joined[run[0] - 1]:
            before = run[0] - 1
            if self.tokens[run[-1]].lower in _ORG_HEADS and (_ORDINAL.fullmatch(self.tokens[before].text) or (
                    self.tokens[before].text.isdigit() and len(self.tokens[before].text) <= 3
                    and self.tokens[run[-1]].lower in _NUMBERED_UNITS)):
                run = [before, *run]  # "82nd Airborne Division", "33rd Front", "444 Combat Brigade": the unit's number
                if self._numbered_unit(run):
                    return
            elif (len(run) == 1 and before in self.place_span_of and not self.taken[before]
                  and not (self.tokens[run[0]].lower in _MEDIA_HEADS and self._after_a_label(self.place_span_of[before][0]))
                  # "in Bui Division": the division places found by its word (places._an_administrative_division)
                  and not (self.tokens[run[0]].lower == "division" and self.place_span_of[before] in self.unknown_place_spans)):
                while before > 0 and self.place_span_of.get(before - 1) == self.place_span_of[run[0] - 1]:
                    before -= 1
                run = [*range(before, run[0]), *run]  # "Medellin Cartel", "Vatican Radio": a place and a head word
        tokens = [self.tokens[i] for i in run]
        if self._employer_school(tokens):
            self._take(self.body[tokens[0].start : tokens[-1].end], "organization", None, run[0], run[-1] + 1)
            return
        if ((any(t.lower in FACILITY_WORDS for t in tokens) and not self._institution(run)) or self._split_at_of_the(run)
                or _a_guarded_post(tokens)):
            return
        lead = 1 if len(tokens) > 2 and tokens[0].lower in _ARTICLES else 0
        if len(tokens) > lead + 1 and tokens[lead].lower == "daily":
            # "Daily Excelsior": two words; what follows is another name whose full stop was lost
            # ("reports Daily Excelsior The Border Security Force said")
            self._take(self.body[tokens[0].start : tokens[lead + 1].end], "media", None, run[0], run[lead + 1] + 1)
            if len(tokens) > lead + 2:
                self._classify_run(run[lead + 2 :])
            return
        if len(tokens) > lead + 1 and (tokens[lead].lower in _MEDIA_PREFIXES  # "El Diario de Hoy", "Revista Zeta"
                                       or (tokens[-1].lower in OUTLET_NAME_ENDS  # "Business Insider", "Kyiv Post"
                                           and tokens[lead].text not in self.kb.given_names)):
            self._take(self.body[tokens[0].start : tokens[-1].end], "media", None, run[0], run[-1] + 1)
            return
        before = self.tokens[run[0] - 1] if run[0] > 0 else None
        if (len(tokens) == 2 and tokens[0].text == "The" and not self._starts_sentence(run[0])
                and tokens[1].lower not in _ORGANIZATION_HEADS and self._cited_as_source(run, _CITED_BEFORE)):
            # "according to The Nation": a title's capital "The" inside a sentence, where news cite an outlet
            self._take(self.body[tokens[0].start : tokens[-1].end], "media", None, run[0], run[-1] + 1)
            return
        if len(tokens) > 1 and tokens[0].lower in _ARTICLES and (
                self._named_as_outlet(run, before) or self._cited_as_source(run, _CITED_BEFORE)
                or (tokens[-1].capitalised and self.body[tokens[0].end : tokens[1].start] == " "
                    and _SPEECH_AFTER.match(self.body, tokens[-1].end) and not self._ends_a_persons_name(tokens))):
            # "the newspaper El Pais", "according to El Heraldo", "La Republica reported", "La
            # Repubblica said" (a name after a Romance article is no person's, but for the
            # surname of one named before: "Le Drian said" after "Jean-Yves Le Drian"; "El-Gallal" is)
            self._take(self.body[tokens[0].start : tokens[-1].end], "media", None, run[0], run[-1] + 1)
            return
        if any(t.lower in _CONNECTORS for t in tokens) or _organization_head(tokens) is not None:
            if self._organization(run):
                return
            cut = max(i for i, t in enumerate(tokens) if t.lower in _CONNECTORS | {"the"}) if any(
                t.lower in _CONNECTORS for t in tokens) else -1
            if cut > 1 and tokens[cut - 1].lower not in _CONNECTORS | {"the"} and not _THE_BEFORE.search(
                    self.body[max(0, tokens[0].start - 20) : tokens[0].start]):
                # "Thulane Ngubane of Aurora said": a name, then where it works (not "the Islamic
                # Emirate of Barqa", one name)
                self._classify_run(run[:cut])
            run, tokens = run[cut + 1 :], tokens[cut + 1 :]
        run, tokens = self._without_a_leading_place(run, tokens)
        title = None
        if (len(tokens) > 1 and run[0] >= 2 and self.tokens[run[0] - 1].lower == "of"
                and self.tokens[run[0] - 2].lower in _TITLE_WORDS):
            # "Minister of Information Moammar al-Eryani": the title's field, then the name
            # (not "the Coordinator of Community Authorities", which names no field)
            field = 0
            while field < len(tokens) - 1 and (tokens[field].lower in NAME_FIELD_NOUNS
                                               or tokens[field].lower in _FIELD_ADJECTIVES):
                field += 1
            if field:
                title, run, tokens = self.tokens[run[0] - 2].lower, run[field:], tokens[field:]
        while len(tokens) > 2 and tokens[0].lower in NAME_FIELD_NOUNS and tokens[1].text in self.kb.given_names:
            # "Minister of the Interior, Justice and Peace Gustavo Gonzalez": the title's field
            run, tokens = run[1:], tokens[1:]
        if len(tokens) > 2 and tokens[0].lower in _FAITH_WORDS and tokens[1].text in self.kb.given_names:
            run, tokens = run[1:], tokens[1:]  # "Catholic Martin Moran": the victim's faith, then his name
        article = run[0] if len(tokens) > 1 and tokens[0].lower in _ARTICLES and tokens[0].capitalised else None
        while tokens and (tokens[0].lower in _LEADING_NON_NAMES or self._plural_title(tokens, run)
                          or ((tokens[0].text,) in self.matcher.demonyms
                              and not (len(tokens) > 2 and tokens[0].text in self.kb.given_names))):  # "German Arturo Lopez"
            if (tokens[0].lower in NAME_PARTICLES and len(tokens) > 2 and self.body[tokens[0].end : tokens[0].end + 1] in "-‐"
                    or tokens[0].lower in _KIN_PARTICLES and len(tokens) > 1):
                break  # "Prime Minister Al-Baghdadi Ali al-Mahmudi", "Abu Aziz Selem": the name's own first word
            # a title (plural before several names: "Senators Fernando Baeza and ..."), or a noun
            # of nationality, which only a person is: "Briton Ken Bigley"
            stripped = (tokens[0].lower[:-1] if self._plural_title(tokens, run) else tokens[0].lower
                        if tokens[0].lower in _TITLE_WORDS or tokens[0].lower in NATIONALITY_NOUNS
                        or tokens[0].lower in _OCCUPATIONS else title)
            # "Prime Minister Sheikh Hasina": the strong title stands for the run of them
            title = title if title in _STRONG_TITLES and stripped not in _STRONG_TITLES else stripped
            run, tokens = run[1:], tokens[1:]
        if len(tokens) > 3 and (tokens[0].text, tokens[1].text) in self.matcher.demonyms:
            run, tokens = run[2:], tokens[2:]  # "South African Anton Hammerl"
        while tokens and tokens[-1].lower in _TRAILING_NON_NAMES and not (
                tokens[-1].text.islower() and self.body[tokens[-1].start - 1 : tokens[-1].start] == "-"  # "Prom-in"
                or _particle_as_surname(tokens)):
            run, tokens = run[:-1], tokens[:-1]
        surname = self._title_as_surname(tokens, title)
        inner_title = max((i for i, t in enumerate(tokens[:-1]) if i and t.lower in _TITLE_WORDS and i != surname
                           and not self._honorific_in_a_name(run, tokens, i)), default=None)
        if inner_title is not None and not any(t.lower in _ORG_HEADS for t in tokens[inner_title:]):
            # "Economy Minister Philipp Roesler", "South African President Jacob Zuma": the
            # words before the title qualify it; the name follows the last title word. A body
            # before the title is an actor of its own ("European Council President Herman van Rompuy").
            owned = run[0] > 0 and self.joined[run[0] - 1] and self.taken[run[0] - 1]  # "Hamas Political Bureau"
            if any(t.lower in _ORG_HEADS for t in tokens[:inner_title]) and not owned:
                self._classify_run(run[:inner_title])
            title = tokens[inner_title].lower
            run, tokens = run[inner_title + 1 :], tokens[inner_title + 1 :]
            surname = None if surname is None else surname - inner_title - 1
        if not tokens or any(t.lower in _NOT_INSIDE_A_NAME and tokens[i].lower not in NAME_PARTICLES and i + 1 != surname
                             and not self._honorific_in_a_name(run, tokens, i + 1)
                             for i, t in enumerate(tokens[1:])):  # but "Hussein Abd Emir", "Abdul Malik"
            return
        if title is not None and all(t.lower in _TITLE_WORDS for t in tokens):
            return  # "Transitional President Colonel" before a known name: titles, no name
        before = self.tokens[run[0] - 1] if run[0] > 0 else None
        if before is not None and (before.text in _VESSEL_PREFIXES or before.lower in _VESSEL_NOUNS):
            return  # "the destroyer USS Cole", "the tanker Abqaiq": a ship, no actor
        if title is None and ((len(tokens) > 1 and tokens[0].lower in _PLURAL_ARTICLES)
                              or ((len(tokens) > 1 or (self._plain_word_is_a_name(run[0])
                                                       and not self._a_persons_family(tokens)))
                                  and self._named_as_group(run))):
            # "Los Rojos", "the Cachiros drug trafficking organization", "a gang known as the Noles";
            # a name's own article stays ("La Linea")
            if article is not None and article == run[0] - 1:
                run = [article, *run]
            noun = _NAMED_BY_NOUN_AFTER.match(self.body, tokens[-1].end)  # "the Samayoa clan" is its name
            name = self.body[self.tokens[run[0]].start : tokens[-1].end] + (f" {noun.group(1).lower()}" if noun else "")
            self._take(name, "armed_group", None, run[0], run[-1] + 1)
            return
        if self._named_as_outlet(run, before) or (len(tokens) == 1 and title is None and self._cited_one_word(run[0])):
            run = self._with_place_after(run, _OUTLET_CONNECTORS)  # "Folha de Sao Paulo"
            self._take(self.body[tokens[0].start : self.tokens[run[-1]].end], "media", None, run[0], run[-1] + 1)
            return
        if title is None and (adjunct := self._body_by_its_adjunct(run)) is not None:
            first = next(index for index in run if self.tokens[index].lower != "the")
            self._take(self.body[self.tokens[first].start : self.tokens[run[-1]].end], adjunct, None, first, run[-1] + 1)
            return
        if len(run) + len(tokens[0].text) > 2 and self._named_as_organization(run, before):  # not "S" of "S-RM"
            self._take(self.body[tokens[0].start : tokens[-1].end], "organization", None, run[0], run[-1] + 1)
            return
        if self._is_person(tokens, title):
            first = run[0]
            if len(tokens) == 1 and self.tokens[run[0] - 1].lower == title and (
                    title in _TITLES_OF_ONE_NAME or self._quoted_with_its_title(run[0] - 1, tokens[0])):
                first = run[0] - 1  # "Pope Francis", "King Abdullah": the title is the name's
            self._take(self.body[self.tokens[first].start : tokens[-1].end], "person", None, first, run[-1] + 1)

    def _quoted_with_its_title(self, title: int, name: _Token) -> bool:
        """'identified himself as "General Skeleton"': a title and one word in quotes are a nom de guerre."""
        opening = self.body[max(0, self.tokens[title].start - 2) : self.tokens[title].start].strip()[-1:]
        return opening in _OPENING_QUOTES and _NICKNAME_END.match(self.body, name.end) is not None

    def _plural_title(self, tokens: list[_Token], run: list[int]) -> bool:
        """"Senators Fernando Baeza and ...": a plural title; a plural occupation only before a list
        of names ("Pilots Ashok KC and Subhash Thapa", not "Activists Use Pokemon Go")."""
        if _plural_title(tokens):
            return True
        if not (len(tokens) > 2 and tokens[0].lower[-1:] == "s" and tokens[0].lower[:-1] in _OCCUPATIONS):
            return False
        gap = _LIST_GAP.match(self.body, self.tokens[run[-1]].end)
        return gap is not None and self.body[gap.end() : gap.end() + 1].isupper()

    def _title_as_surname(self, tokens: list[_Token], title: str | None) -> int | None:
        """Where a title word is the surname of the name in `tokens`: the last name word (before
        "Jr." or "III"), straight after a given name ("Erik Prince", "Martin Luther King Jr.") or
        after one word a strong title names ("Chief Minister Mehbooba Mufti"); "Crown Prince" and
        "Prime Minister" have no given name before their last word."""
        last = len(tokens) - 1
        while last > 1 and tokens[last].lower in _GENERATION_SUFFIXES:
            last -= 1
        if (last >= 1 and tokens[last].lower in _SURNAME_TITLES and tokens[last].capitalised
                and (tokens[last - 1].text in self.kb.given_names or (title in _STRONG_TITLES and last == 1))
                and tokens[last - 1].lower not in _TITLE_WORDS):
            return last
        return None

    def _compass_of_a_place(self, run: list[int]) -> bool:
        """"West" of "West Papua": a point of the compass alone before a place is the place's."""
        after = run[-1] + 1
        return (len(run) == 1 and self.tokens[run[0]].text in _COMPASS_NAME_WORDS and after < len(self.tokens)
                and self.joined[run[0]] and after in self.place_span_of)

    def _nickname(self, run: list[int]) -> bool:
        """A name in quotes after "alias", "nicknamed", "led by"...: a person, article and all
        ("El Mellizo"). Cheap test first: most runs follow no quote."""
        start, end = self.tokens[run[0]].start, self.tokens[run[-1]].end
        if self.body[max(0, start - 2) : start].strip()[-1:] not in ('"', "“"):
            return False
        if not _NICKNAME_END.match(self.body, end):
            return False
        if not (_NICKNAME_BEFORE.search(self.body, max(0, start - 90), start) or self._after_a_person(start)):
            return False
        self._take(self.body[start:end], "person", None, run[0], run[-1] + 1)
        return True

    def _other_name(self, run: list[int]) -> bool:
        """A name after "nom de guerre" or "real name is" is a person's: "known by his nom de
        guerre Abu Hafs" (_with_nicknames makes it the person named before)."""
        start, end = self.tokens[run[0]].start, self.tokens[run[-1]].end
        if not _OTHER_NAME_BEFORE.search(self.body, max(0, start - 30), start):
            return False
        self._take(self.body[start:end], "person", None, run[0], run[-1] + 1)
        return True

    def _after_a_person(self, start: int) -> bool:
        """A person's name ends right before this nickname's quote (_with_nicknames links them)."""
        found = self._found_just_before(start, _NICKNAME_AFTER_A_NAME)
        return found is not None and found.kind == "person"

    def match_names_around_nicknames(self) -> None:
        """'Ignacio "Nacho" Coronel': a given name, a nickname in quotes, a surname; the person
        is "Ignacio Coronel", the mention all of it as written."""
        if '"' not in self.body and "“" not in self.body:
            return
        for match in _NICKNAME_INSIDE.finditer(self.body):
            first, last, start = match.group("first"), match.group("last"), match.start()
            if first.split()[0] not in self.kb.given_names and first.split()[-1] in self.kb.given_names:
                start = match.end("first") - len(first.split()[-1])  # "Recall Ignacio "Nacho" Coronel"
                first = first.split()[-1]
            surname = next(word for word in last.split() if word[0].isupper())  # "dela Rosa": Rosa
            if first.split()[0] not in self.kb.given_names or surname.lower() in FUNCTION_WORDS:
                continue
            tokens = self._token_range(start, match.end("last"))
            if not any(self.taken[i] for i in tokens):
                self._take(f"{first} {last}", "person", None, tokens[0], tokens[-1] + 1)

    def _spanish_body(self, run: list[int]) -> bool:
        """A body named in Spanish, head word first: "Oficina de Envigado", "Dirección Nacional de
        Investigación Criminal", "Fundación Paz y Reconciliación" (a place inside belongs to it)."""
        first = next((i for i in run if self.tokens[i].lower in _SPANISH_HEADS and self.tokens[i].capitalised), None)
        if first is None:
            return False
        kind = _SPANISH_HEADS[self.tokens[first].lower]
        last, index = first, first + 1
        while index < len(self.tokens) and self.joined[index - 1] and not self.taken[index]:
            token = self.tokens[index]
            if token.capitalised and not token.text.isupper():
                last = index
            elif token.lower not in _SPANISH_LINKS:
                break
            index += 1
        if last == first:
            return False
        if first > 0 and self.joined[first - 1] and self.tokens[first - 1].text in ("El", "La", "Los", "Las"):
            first -= 1  # "El Bloque Virgilio Peralta": the name's own article
        name, kb_id = self.body[self.tokens[first].start : self.tokens[last].end], None
        previous = self._found_just_before(self.tokens[first].start, _BRACKET_BETWEEN)
        if previous is not None and previous.kind != "person":
            # "the Colombian Agrarian Reform Institute (Instituto Colombiano de la Reforma Agraria)"
            name, kind, kb_id = previous.key, previous.kind, previous.kb_id
        self._take(name, kind, kb_id, first, last + 1)
        prefix = _trim_lower_tail([i for i in run if i < first], self.tokens)
        if prefix:  # "Members of the Oficina de Envigado": what comes before is classified alone
            self._classify_run(prefix)
        return True

    def _split_at_of_the(self, run: list[int]) -> bool:
        """"John Smith of the Brookings Institution": a name, then the organisation it is of, each
        classified on its own (not "Ministry of the Interior", whose tail has no head word)."""
        for position in range(1, len(run) - 3):
            if self.tokens[run[position]].lower != "of" or self.tokens[run[position + 1]].lower != "the":
                continue
            tail = run[position + 2 :]
            if self.tokens[run[position - 1]].lower in _ORG_HEADS:
                return False  # "General Operations Branch of the National Civil Police" is one name
            if _organization_head([self.tokens[i] for i in tail]) is not None:
                self._classify_run(tail)
                self._classify_run(run[:position])
                return True
        return False

    def _organization(self, run: list[int]) -> bool:
        tokens = [self.tokens[i] for i in run]
        while tokens and tokens[0].lower in _STARTERS and not self._number_opening_a_name(run[0]):
            run, tokens = run[1:], tokens[1:]
        inner_the = next((i for i, t in enumerate(tokens) if i and t.lower == "the" and tokens[i - 1].lower not in _CONNECTORS), None)
        if inner_the is not None:  # "Occasionally the Ministry of Defense": the name starts after "the"
            run, tokens = run[inner_the + 1 :], tokens[inner_the + 1 :]
        head = _organization_head(tokens)
        if head is None or tokens[0].lower in FUNCTION_WORDS:
            return False  # not "Are Defenders Program" (of "We Are Defenders Program")
        post = _post_before_of(tokens)
        if post is not None:  # a post, not a body; a name before it is its holder's
            if post > 1:
                self._classify_run(run[:post])  # "Anoop T Mathew Senior Superintendent of Police"
            return True
        placed = run[0] in self.place_span_of  # "Eastern Mindanao Command": a place opens the name
        while run[0] > 0 and self.joined[run[0] - 1] and run[0] - 1 in self.place_span_of and not self.taken[run[0] - 1]:
            run = [run[0] - 1, *run]  # "Aleppo Police Command": the place is part of the name
            tokens = [self.tokens[run[0]], *tokens]
            placed = True
        if placed and run[0] > 0 and self.joined[run[0] - 1] and self.tokens[run[0] - 1].text in _COMPASS_NAME_WORDS:
            run = [run[0] - 1, *run]  # and so is a point of the compass before it: "West Papua National Liberation Army"
            tokens = [self.tokens[run[0]], *tokens]
        kind = _kind_of_a_body(tokens, head)
        if kind == "organization" and head.lower in _STATE_BODY_HEADS and self._names_a_state(tokens[0]):
            kind = "government"  # "the US Congress", "the Pakistani Senate", "the US Army War College"
        elif (kind == "armed_group" and head.lower in _STATE_FORCE_HEADS and self._names_a_state(tokens[0])
              and all(token.lower in _STATE_FORCE_WORDS for token in tokens[1:-1])):
            kind = "government"  # "the Rwanda Defence Force", "the Afghan National Army"; not the "Sudan Liberation Army"
        run = self._with_place_after(run)  # "Revolutionary Armed Forces of Colombia"
        name = self.body[tokens[0].start : self.tokens[run[-1]].end]
        self._take(*self._body_name(name, kind, self.tokens[run[-1]].end), None, run[0], run[-1] + 1)
        return True

    def _numbered_unit(self, run: list[int]) -> bool:
        """A state's military unit by its number: "the 82nd Airborne Division", "Task Force 145",
        "Infantry Battalion 275", with the unit it belongs to after a comma ("1st Battalion, 5th
        Marines", "4th Battalion, The Rifles"). Not an armed group's "33rd Front"."""
        if self.tokens[run[-1]].lower not in _NUMBERED_UNITS:
            return False
        last = self._unit_it_belongs_to(run[-1]) or run[-1]
        self._take(self.body[self.tokens[run[0]].start : self.tokens[last].end], "government", None, run[0], last + 1)
        return True

    def _number_after_unit(self, run: list[int]) -> bool:
        """A unit named with its number after it: "Task Force 145", "Infantry Battalion 275"."""
        head, after = self.tokens[run[-1]], run[-1] + 1
        if not (head.lower in _NUMBERED_UNITS or (head.lower == "force" and len(run) > 1 and self.tokens[run[-2]].lower == "task")):
            return False
        if (after >= len(self.tokens) or not self.tokens[after].text.isdigit() or len(self.tokens[after].text) > 3
                or self.body[head.end : self.tokens[after].start] != " "):
            return False
        first = next(index for index in run if self.tokens[index].lower not in _STARTERS or index == run[-1])
        self._take(self.body[self.tokens[first].start : self.tokens[after].end], "government", None, first, after + 1)
        return True

    def _unit_it_belongs_to(self, head: int) -> int | None:
        """The last token of "5th Marines" or "The Rifles" after "1st Battalion, " (or "3rd
        Battalion/Sixth Marines"), if a unit's name follows."""
        first = head + 1
        if first >= len(self.tokens) or self.body[self.tokens[head].end : self.tokens[first].start] not in (", ", "/"):
            return None
        if self.tokens[first].lower == "the" and self.tokens[first].capitalised:
            first += 1
        last = None
        for index in range(first, min(first + _LONGEST_UNIT, len(self.tokens))):
            token = self.tokens[index]
            if index > first and not self.joined[index - 1]:
                break
            if not (token.capitalised or (index == first and _ORDINAL.fullmatch(token.text))):
                break
            if token.lower in _UNIT_ENDS:
                last = index
        return last

    def _names_a_state(self, token: _Token) -> bool:
        """A country's name or its demonym that a government of the knowledge base answers to."""
        entry = self.matcher.metonyms.get((token.lower,)) or self.matcher.demonyms.get((token.text,))
        return entry is not None and entry.kind == "government"

    def _number_opening_a_name(self, index: int) -> bool:
        """"the Three Brotherhood Alliance", "the Group of Seven"'s like: a number word written
        with a capital inside a sentence is the name's own word (at a sentence's start the
        capital says nothing)."""
        return self.tokens[index].lower in NUMBER_WORDS and not self._starts_sentence(index)

    def _body_name(self, name: str, kind: str, end: int) -> tuple[str, str]:
        """A government body's name and kind: "the Interior Ministry" of a story about Egypt is
        Egypt's ("Interior Ministry (Egypt)"), and so is "Ministry of the Interior of Egypt"."""
        forces_of = _FORCES_OF_COUNTRY.fullmatch(name)
        if forces_of is not None:  # "the Armed Forces of the Philippines": its government's
            government = self.matcher.metonyms.get(tuple(t.lower() for t in _token_texts(forces_of.group("country"))))
            if government is not None and government.kind == "government":
                return government.name, "government"
        of_country = _MINISTRY_OF_COUNTRY.fullmatch(name)
        if of_country is not None:
            government = self.matcher.metonyms.get(tuple(t.lower() for t in _token_texts(of_country.group("country"))))
            if government is not None and government.country:
                return ministry_name(of_country.group("field"), government.country), "government"
        countryless = _COUNTRYLESS_BODY.fullmatch(name)
        government = (self._government_placed_after(end) or self._main_government) if countryless else None
        if government is None:
            return name, kind
        field = countryless.group("field") or countryless.group("of_field")
        return (ministry_name(field, government.country) if field else f"{name} ({government.country})"), "government"

    def _government_placed_after(self, end: int) -> KbEntry | None:
        """The government of the capital a body is placed in: "a Ministry of Defence spokesman in
        London" speaks for Britain's, whatever country the story is about."""
        placed = _PLACED_IN_A_CAPITAL.match(self.body, end)
        if placed is None:
            return None
        government = self.matcher.metonyms.get(tuple(t.lower() for t in _token_texts(placed.group("capital"))))
        return government if government is not None and government.kind == "government" and government.country else None

    @functools.cached_property
    def _main_government(self) -> KbEntry | None:
        """The government of the country the article names most (with its places), if known."""
        return self.matcher.government_of.get(self.main_country)

    def _named_as_outlet(self, run: list[int], before: _Token | None) -> bool:
        """"the daily El Tiempo", "La Prensa newspaper", "Semana, a news magazine": an outlet by
        the noun beside it, never a person."""
        if before is not None and before.lower in _OUTLET_NOUNS and before.text.islower() and self.joined[run[0] - 1]:
            return not self._owned_noun(run)  # "the daily X"; not "CNN's website X", an actor's noun
        after = run[-1] + 1
        if after >= len(self.tokens):
            return False
        following = self.tokens[after].lower
        noun = after + 1 if following == "news" and after + 1 < len(self.tokens) else after
        if self.tokens[noun].lower in _OUTLET_NOUNS:
            # "X newspaper", "X news agency"; but "the Communist newspaper Il Manifesto" names Y,
            # and "an Arabic website" or "a Turkish daily" name a language or a country
            if len(run) == 1 and (self.tokens[run[0]].lower.endswith("ic") or _ADJECTIVE_OF_ORIGIN.search(self.tokens[run[0]].lower)):
                return False
            return not (noun + 1 < len(self.tokens) and self.joined[noun] and self.tokens[noun + 1].capitalised)
        return self.body.startswith(",", self.tokens[run[-1]].end) and bool(
            _OUTLET_APPOSITION.match(self.body, self.tokens[run[-1]].end))

    def _named_as_organization(self, run: list[int], before: _Token | None) -> bool:
        """"mining company Continental Gold", "the NGO Earthworks", "Corpades, a local NGO": an
        organisation by the noun beside it (not "CNN's company X", an actor's noun)."""
        if (before is not None and before.lower in _ORGANIZATION_NOUNS and (before.text.islower() or before.text == "NGO")
                and self.joined[run[0] - 1]):
            return not self._owned_noun(run)
        start = self.tokens[run[0]].start
        if _BODY_NOUN_BEFORE.search(self.body, max(0, start - 40), start):
            return True  # "the rights group Hengaw", "the Norway-based group Hengaw"
        return bool(_ORGANIZATION_APPOSITION.match(self.body, self.tokens[run[-1]].end))

    def _body_by_its_adjunct(self, run: list[int]) -> str | None:
        """The kind of "the X monitoring group", "the Hengaw rights group", "the Shin Bet security
        agency": a name used as the adjunct of what a body does and a body noun, after "the" (a
        state's security or intelligence service is its government's)."""
        start = self.tokens[run[0]].start
        if not (self.tokens[run[0]].lower == "the" and len(run) > 1) and not _THE_BEFORE.search(self.body, max(0, start - 12), start):
            return None
        adjunct = _BODY_ADJUNCT_AFTER.match(self.body, self.tokens[run[-1]].end)
        if adjunct is None:
            return None
        named = [index for index in run if self.tokens[index].lower != "the"]
        if len(named) == 1 and (self.tokens[named[0]].lower in _FAITH_WORDS or (self.tokens[named[0]].text,) in self.matcher.demonyms):
            return None  # "the Catholic aid agency Caritas", "the French aid group": what it is, not its name
        return "government" if adjunct.group("field").lower() in ("security", "intelligence") else "organization"

    def _owned_noun(self, run: list[int]) -> bool:
        """The noun right before the run is an actor's own ("CNN's website X", "Pemex's company X")."""
        owner = run[0] - 3 if run[0] > 2 and self.tokens[run[0] - 2].lower == "s" else run[0] - 2
        return owner >= 0 and self.taken[owner]

    def _institution(self, run: list[int]) -> bool:
        """"Researchers at Rice University", "the Catholic Church said": a church or a university
        acts as a body, except where the text places something at it ("in", "near", "hit")."""
        tokens = [self.tokens[i] for i in run]
        if tokens[-1].lower not in _INSTITUTION_WORDS and not (len(tokens) > 2 and tokens[0].lower in _INSTITUTION_WORDS
                                                               and tokens[1].lower == "of"):
            return False
        start = tokens[0].start
        before = self.body[max(0, start - 30) : start]
        # "bombs went off at Santa Maria Church": what happens at a church happens in the
        # building (people work "at" a university, which is a body there)
        placed_at = tokens[-1].lower == "church" and _AT_BEFORE.search(before)
        return not (_PLACED_OR_TARGETED_BEFORE.search(before) or placed_at)

    def _employer_school(self, tokens: list[_Token]) -> bool:
        """A school or a college named as someone's employer is a body ("a research fellow at the
        London School of Economics", "professor at Columbia Law School"); otherwise a building,
        since schools are hit in wars."""
        return any(t.lower in _SCHOOL_WORDS for t in tokens) and bool(
            _AFFILIATION_BEFORE.search(self.body, max(0, tokens[0].start - 60), tokens[0].start))

    def _name_suffix(self, last: int) -> tuple[str, int] | None:
        """The kind and index of a word that ends a name though no name word: "TV" (an acronym)
        after a channel's name, a lower-case "party" after a party's, "Watch" (a word of page
        furniture) after a monitor's."""
        following = last + 1
        if following >= len(self.tokens) or not self.joined[last] or self.taken[following]:
            return None
        if (self.tokens[following].text.isdigit() and following + 1 < len(self.tokens) and self.joined[following]
                and _NAME_SUFFIXES.get(self.tokens[following + 1].text) == "media"):
            following += 1  # "Channel 11 television", "Kanal 7 TV": a channel's number is its name's
        kind = _NAME_SUFFIXES.get(self.tokens[following].text)
        if kind is None or (self.tokens[following].text == "party" and following + 1 < len(self.tokens)
                            and self.joined[following] and self._name_token(following + 1)):
            return None  # "the Islamist party Ennahda": the party's name follows its description
        return kind, following

    def _named_as_group(self, run: list[int]) -> bool:
        """A name the text calls a gang, cartel or group: "a group known as X", "members of the X",
        "X, an enforcer gang", "the X drug trafficking organization", "the so-called X group"."""
        start, end = self.tokens[run[0]].start, self.tokens[run[-1]].end
        before = max(0, start - 40)
        return bool(_GROUP_AFTER.match(self.body, end) or _GROUP_BEFORE.search(self.body, before, start)
                    or _CRIME_GROUP_AFTER.match(self.body, end) or (
            _GROUP_ADJUNCT_AFTER.match(self.body, end) and _THE_BEFORE.search(self.body, before, start)))

    def _cited_as_source(self, run: list[int], cue_before: re.Pattern[str]) -> bool:
        """Named where news name the outlet they draw on: "according to X", "X reported"."""
        start, end = self.tokens[run[0]].start, self.tokens[run[-1]].end
        return bool((_CITED_AFTER.match(self.body, end) and not _PLACED_BEFORE.search(self.body, max(0, start - 10), start))
                    or cue_before.search(self.body, max(0, start - 30), start))  # not "facilities in Ulang reported"

    def _plain_word_is_a_name(self, index: int) -> bool:
        """A lone capitalised word reads as a name only inside a sentence ("Residents reported",
        "Sadly, ..." are capitalised by their place) and not as an adverb or an adjective of origin."""
        token = self.tokens[index]
        before = self.body[max(0, token.start - 3) : token.start].rstrip(" \t\"“'‘`(")
        return not (not before or before[-1] in ".!?:\n" or token.lower.endswith("ly")
                    or _ADJECTIVE_OF_ORIGIN.search(token.lower) or token.lower.endswith(("ic", "ist")))

    def _a_persons_family(self, tokens: list[_Token]) -> bool:
        """"members of Hamidi's family" after "Khouildi Hamidi": a person's, not a group's ("members
        of the Maute" are of the group named after the family of Abdullah Maute)."""
        return self.body[tokens[-1].end : tokens[-1].end + 2] in ("'s", "’s") and self._ends_a_persons_name(tokens)

    def _ends_a_persons_name(self, tokens: list[_Token]) -> bool:
        texts = tuple(token.text for token in tokens)
        return any(found.kind == "person" and _token_texts(found.key)[-len(texts):] == texts for found in self.found)

    def _cited_one_word(self, index: int) -> bool:
        """"according to Semana", "Excelsior reported": one word cited as a source is an outlet,
        unless it is a first name or the surname of a person the article has named."""
        text = self.tokens[index].text
        if not self._cited_as_source([index], _CITED_ONE_WORD_BEFORE) or not self._plain_word_is_a_name(index):
            return False
        return text not in self.kb.given_names and not self._ends_a_persons_name([self.tokens[index]])

    def _with_place_after(self, run: list[int], connectors: frozenset[str] = _CONNECTORS) -> list[int]:
        """`run` and the "of [the] <place>" that ends an organisation's name, if one follows."""
        connector, count = run[-1] + 1, len(self.tokens)
        if connector + 1 >= count or self.tokens[connector].lower not in connectors or not (
                self.joined[run[-1]] and self.joined[connector]):
            return run
        place = connector + 1
        if self.tokens[place].lower == "the" and place + 1 < count and self.joined[place]:
            place += 1
        span = self.place_span_of.get(place)
        if span is None or self.taken[place]:
            return run
        last = place
        while last + 1 < count and self.place_span_of.get(last + 1) == span:
            last += 1
        return [*run, *range(connector, last + 1)]

    def _is_person(self, tokens: list[_Token], title: str | None) -> bool:
        names = [t for t in tokens if t.lower not in NAME_PARTICLES and not _REGNAL_NUMBER.fullmatch(t.text)]
        if (not names or len(names) > 4 or names[0].lower in FUNCTION_WORDS or names[0].lower in _SAINTS
                or (len(names) > 1 and (names[0].lower in _ROMANCE_PLACE_NOUNS or names[0].lower in ARABIC_PLACE_HEADS))):
            return False  # not "Are All Khaled Said" (of "We Are All Khaled Said"); "Khaled Said" is
        if tuple(t.text for t in tokens) in self.matcher.demonyms or names[-1].lower in _AWARD_WORDS:
            return False  # "Hong Konger's rights": a people; "the Robert Capa Gold Medal": an award
        if (len(names) > 1 and names[0].text in _COMPASS_NAME_WORDS) or _NUMBER_AFTER_A_NAME.match(self.body, tokens[-1].end):
            return False  # "on East Falkland": a place; "dubbed Val-Fajr 10": an operation's code name
        if len(names) > 1 and (names[-1].lower in PLACE_NAME_ENDS or names[-1].lower in NON_PERSON_NAME_ENDS):
            return False  # "Faisal Town", "Shah Faisal Colony": a quarter named after a person; "Response Plan"
        if _PLACE_NOUN_AFTER.match(self.body, tokens[-1].end):
            return False  # "along the Salah al-Din road": a road named after a person
        if names[-1].lower.endswith("is") and names[-1].lower[:-2] in self.place_names:
            return False  # "Ordinary Baghdadis": the people of a place the article names
        if names[-1].text.endswith("s") and (names[-1].text[:-1],) in self.matcher.demonyms:
            return False  # "Poor Peruvians", "Young Egyptians": a people
        start, end = tokens[0].start, tokens[-1].end
        before, after = self.body[max(0, start - 90) : start], self.body[end : end + 240]  # a credit line's names
        odd = [t for t in names if _not_a_name_word(t)  # but the initials of "AKM Shahidul Hoque" (_initials_in_capitals)
               and not (t is names[0] and len(names) > 2 and len(t.text) <= 3 and names[1].text in self.kb.given_names)]
        if odd and not (odd == [names[-1]] and (self._surname_may_look_like_a_verb(names, title, before)
                                                 or (len(names) > 1 and len(names[-1].text) == 2))):
            return False
        # The patterns that end in "$" scan all of `before`; how it ends rules most out at once.
        trimmed = before.rstrip()
        ends_with = trimmed[-2:]
        if ((ends_with == "by" and _BYLINE_BEFORE.search(before)) or (ends_with == "By" and _LINE_BYLINE_BEFORE.search(before))
                or (trimmed.endswith((",", "and")) and _CREDIT_LIST.search(before)) or (_CONTRIBUTED_WORD in after.lower() and _CONTRIBUTED.match(after))
                or _PHOTO_BEFORE.search(before) or (ends_with[-1:] == "/" and _PHOTOGRAPHER_BEFORE.search(before))
                or _AGENCY_OF_A_PHOTO_AFTER.match(after)
                or any(low <= start < high for low, high in self._credit_blocks)):
            return False  # wire sign-offs and credits name journalists, not actors
        if _PARTY_AND_STATE.match(self.body, start):
            return False  # "Sen. John McCain, R-Arizona"
        if len(names) < 2:
            # One word is a person's name only with a title, or where only a person can be meant:
            # "his wife Ibtisam", "a protester named Wong", "Nahla, a 25-year-old student".
            return (title in _STRONG_TITLES or _kin_or_named_before(before)
                    or bool(_AGE_AFTER.match(after)) or self._identified(names, before, after)
                    or (ends_with[-1:] in _OPENING_QUOTES and bool(_NICKNAME_BEFORE.search(before)))
                    or (ends_with[-1:] == "." and bool(_ABBREVIATED_TITLE_BEFORE.search(before)))
                    # not "spokesman Brig. Gen.", nor the given name before a nickname ('leader Joaquin "El Chapo" Guzman')
                    or (bool(_LOWER_TITLE_BEFORE.search(before)) and not after.startswith(".")
                        and not _NICKNAME_AFTER_A_NAME.match(after))
                    or bool(_PERSON_APPOSITION_AFTER.match(after))
                    or (names[0].text in self.kb.given_names and names[0].lower not in self.matcher.body_starts
                        and bool(_SPEECH_AFTER.match(after)) and not trimmed.endswith((" of", " from")))
                    # "Jorge said", not "Mara said" of Mara Salvatrucha nor where "X of Aurora said" works
                    or (bool(_SPEECH_BEFORE.search(before)) and bool(_ONE_WORD_SPEAKER_AFTER.match(after)))
                    or (names[0].lower not in _STARTERS and bool(_ONE_WORD_PERSON_AFTER.match(after))
                        and not _LOCATIVE_BEFORE.search(before))  # not "In Saraqeb, an activist said"
                    or (after.lstrip()[:1] in (".", ",", "") and bool(_ONE_WORD_SPEAKER_BEFORE.search(before))))
        if title or _TITLE_BEFORE.search(before) or self._after_an_outlets_possessive(start):
            return True
        if _THE_BEFORE.search(before):
            return False  # "at the Gare du Nord": a person's name takes no article
        if self._placed_somewhere(start, end):
            # "a state of siege in Santa Cruz Barillas": a town's name, whatever its first word,
            # unless the name speaks
            return bool(_SPEECH_AFTER.match(after)) or bool(_SPEECH_BEFORE.search(before))
        return (
            names[0].text in self.kb.given_names
            or _kin_or_named_before(before)  # "a hostage negotiator called Felicity Arbuthnot"
            or bool(_HANDLE_AFTER.match(after))
            or bool(_ALIAS_AFTER.match(after))  # "Nemesio Oseguera Cervantes, alias "El Mencho""
            or bool(_APPOSITION_AFTER.match(after)) or bool(_RANK_AFTER.match(after))
            or (ends_with[-1:] == "," and bool(_APPOSITION_BEFORE.search(before)))
            or bool(_AS_ROLE_AFTER.match(after))
            or bool(_SPEECH_AFTER.match(after))
            or bool(_SPEECH_BEFORE.search(before))
            or bool(_AFFILIATION_THEN_SPEECH.match(after))
            or (not any(t.lower in _PLACE_NAME_LINKS for t in tokens) and self._named_alone_elsewhere(names[-1]))
            or (self._listed_after_a_person(start) and _LIST_ITEM_END.match(after) is not None)
            or self._identified(names, before, after)
        )

    @staticmethod
    def _identified(names: list[_Token], before: str, after: str) -> bool:
        """Named where news identify the dead, the wounded or a suspect: by an age in brackets, or
        by an age before it or after "identified as" where the name ends there (not "a 25-year-old
        Californian with", "identified as Hamas members"); one word so only if it is no acronym."""
        if _AGE_AFTER_A_NAME.match(after):
            return True
        return ((len(names) > 1 or not names[0].text.isupper()) and bool(_IDENTIFIED_NAME_ENDS.match(after))
                and bool(_AGE_BEFORE.search(before[-30:]) or _IDENTIFIED_BEFORE.search(before[-60:])
                         or (len(names) > 1 and (_LISTED_DEAD_BEFORE.search(before[-90:])
                                                 or _A_CERTAIN_BEFORE.search(before[-30:])))))

    def _surname_may_look_like_a_verb(self, names: list[_Token], title: str | None, before: str) -> bool:
        """"Being Silently Slaughtered" is no name, but "Melissa Fleming" and "shop owner Cai
        Jixing" are: after a given name or a title, a surname may end in -ing or -ly."""
        last = names[-1]
        return (len(names) > 1 and _verb_like(last) and not last.acronym
                and (names[0].text in self.kb.given_names or title is not None or _TITLE_BEFORE.search(before) is not None))

    def _placed_somewhere(self, start: int, end: int) -> bool:
        """The name follows "in", "at", "near" or "outside" here or elsewhere in the article, not
        as a possessive ("in Obama's speech"). Once per name: a name repeated n times is read
        n times, not n squared."""
        name = self.body[start:end]
        placed = self._placed_names.get(name)
        if placed is None:
            placed = self._placed_names[name] = any(
                _PLACED_BEFORE.search(self.body, max(0, found - 12), found)
                and not _POSSESSIVE_MARK.match(self.body, found + len(name))
                for found in _occurrences(self.body, name))
        return placed

    @functools.cached_property
    def _placed_names(self) -> dict[str, bool]:
        return {}

    def _after_an_outlets_possessive(self, start: int) -> bool:
        """"told CNN's Candy Crowley", "asked by CNN's Reza Sayah": a name after the possessive of an
        outlet someone speaks to is its journalist's (not "El Faro's Sala Negra", its unit)."""
        if not self.body[max(0, start - 4) : start].rstrip().endswith("s"):
            return False  # most names follow no possessive: no look-back over the actors found
        outlet = self._found_just_before(start, _OUTLET_POSSESSIVE)
        return (outlet is not None and outlet.kind == "media"
                and _SPOKEN_TO_BEFORE.search(self.body, max(0, outlet.start - 30), outlet.start) is not None)

    def _listed_after_a_person(self, start: int) -> bool:
        """"his counterparts, Nikos Dendias, Nikos Christodoulides and Jean-Yves Le Drian": a name
        listed right after a person's is a person's."""
        previous = self.found[-1] if self.found else None
        return (previous is not None and previous.kind == "person"
                and _LIST_GAP.fullmatch(self.body, previous.end, start) is not None)

    @functools.cached_property
    def _credit_blocks(self) -> list[tuple[int, int]]:
        """Wire credits however long: "(Reporting by A and B in Tripoli, C in Ras Lanuf; Writing by
        D; Editing by E)" names journalists, not actors."""
        return [match.span() for match in _CREDIT_BLOCK.finditer(self.body)] if "by" in self.body else []

    def _named_alone_elsewhere(self, last: _Token) -> bool:
        """"Sharif Hotak ... Hotak also alleged": news call a person by the surname alone once named
        in full; a place or an organisation's last word seldom stands alone."""
        return (len(last.text) > 2 and self._alone_counts[last.text] > 0 and (last.text,) not in self.matcher.demonyms
                and not _ADJECTIVE_OF_ORIGIN.search(last.text))

    @functools.cached_property
    def _alone_counts(self) -> Counter[str]:
        """Capitalised words that stand alone (no name word joined before or after), by text."""
        counts: Counter[str] = Counter()
        capitalised, tokens, joined = set(self.capitalised), self.tokens, self.joined
        for index in self.capitalised:
            if (self.headline[index] or self.taken[index] or index in self.place_span_of
                    or (index - 1 in capitalised and joined[index - 1] and tokens[index - 1].lower not in _TITLE_WORDS)
                    or (index + 1 in capitalised and joined[index])  # "Ms Sgrena" stands alone after her title
                    or (index > 0 and tokens[index - 1].lower in _NOT_BEFORE_A_SURNAME)):
                continue
            counts[tokens[index].text] += 1
        return counts

    def match_names_defined_by_acronyms(self) -> None:
        """"the Liberation Tigers of Tamil Eelam (LTTE)", "the Indigenous Tribal Leaders' Forum
        (ITLF)": capitalised words whose initials are the acronym bracketed right after them are
        one organisation's name, whether or not the knowledge base or a head word knows it (a
        known body inside it, "Islamic State" of "Islamic State Mozambique (ISM)", gives way)."""
        for match in _BRACKETED_ACRONYM.finditer(self.body):
            acronym = match.group(1).replace(".", "")
            before = bisect.bisect_left(self.starts, match.start()) - 1
            span = self._name_with_initials(before, acronym)
            if span is None:
                continue
            first, last = span
            start, end = self.tokens[first].start, self.tokens[last].end
            if (self.tokens[first].lower == "operation" or self.tokens[last].lower in _NOT_A_BODY_ENDS
                    or self.tokens[last].lower in _OFFICES or _post_before_of(self.tokens[first : last + 1]) == 0):
                # "Operation Liberation of the People (OLP)", "International Humanitarian Law (IHL)",
                # "the UN Secretary-General (UNSG)", "Additional Director General of Police (ADGP)":
                # no body; nor is a known body of the same letters meant ("National Security
                # Advisor (NSA)" is no National Security Agency)
                self.found = [item for item in self.found
                              if not (item.kb_id and self.body[item.start : item.end].replace(".", "") == acronym)]
                continue
            inside = [item for item in self.found if start <= item.start and item.end <= end]
            if self.place_span_of.get(first) == (start, end) or any(
                    item.kind == "person" or (item.start, item.end) == (start, end) for item in inside):
                continue  # a place ("Central African Republic (CAR)"), a person, a body found under that very name
            if any(self.taken[index] for index in range(first, last + 1)) and not inside:
                continue  # part of a longer name already found
            self.found = [item for item in self.found if item not in inside]
            for index in range(first, last + 1):
                self.taken[index] = False
            tokens = self.tokens[first : last + 1]
            # "Islamic State Mozambique", "Liberation Tigers of Tamil Eelam": armed, though no head word says so
            armed = (any(item.kind == "armed_group" for item in inside)
                     or any(token.lower in _ARMED_WORDS_OF_A_NAME for token in tokens))
            kind = "armed_group" if armed else _kind_of_a_body(tokens, _organization_head(tokens))
            self._take(self.body[start:end], kind, None, first, last + 1)

    def _name_with_initials(self, last: int, acronym: str) -> tuple[int, int] | None:
        """The first and last token of the name ending at token `last` whose capitalised words'
        initials spell `acronym` (its connectors and articles aside), if there is one."""
        letters = ""
        for index in range(last, max(-1, last - 2 * len(acronym) - 1), -1):
            token = self.tokens[index]
            if index < last and not self.joined[index]:
                return None  # the name is cut by a comma or a line
            if token.capitalised:
                # an acronym inside the name counts whole or by its initial: "US Agency for
                # International Development (USAID)", "Union for Peace in CAR (UPC)"
                whole = token.text.replace(".", "") + letters if token.acronym else None
                letters = whole if whole is not None and acronym.endswith(whole) else token.text[0] + letters
                if letters == acronym:
                    return index, last
                if not acronym.endswith(letters):
                    return None
            elif token.lower not in _INITIALS_SKIPPED or index == last:
                return None
        return None

    def match_defined_acronyms(self) -> None:
        """"the Drug Enforcement Administration (DEA)", "National Police (PNC)": the acronym in
        brackets after a name is that actor wherever the article uses it; where the knowledge
        base knows the acronym, the name is that entry's."""
        defined: dict[str, _Found] = {}
        known_at = {found.start: found for found in self.found if found.kb_id}
        for position, found in enumerate(self.found):
            if found.kind == "person":
                continue
            match = _ACRONYM_AFTER.match(self.body, found.end)
            if match is None:
                continue
            known = known_at.get(match.start(1))
            if found.kb_id is None and known is not None and (known.kind == "media") == (found.kind == "media"):
                # "the People's Liberation Army (EPL)": the knowledge base's EPL, under another name
                self.found[position] = replace(found, key=known.key, kind=known.kind, kb_id=known.kb_id)
            else:
                defined.setdefault(match.group(1).replace(".", ""), found)
                if known is not None and known.kb_id != found.kb_id:
                    self._rename_acronym(match.group(1), known.kb_id, found)
        if not defined:
            return
        defined.update({".".join(acronym) + ".": found for acronym, found in defined.items()})  # "U.N." too
        for index in [index for index, token in enumerate(self.tokens) if token.text in defined]:
            found = defined[self.tokens[index].text]
            if not self.taken[index]:
                self._take(found.key, found.kind, found.kb_id, index, index + 1)

    def match_acronyms_of_named_bodies(self) -> None:
        """"the Rapid Support Forces ... The RSF said": a known acronym whose letters are the
        initials of a body the article names in full is that body's, not another entry's of the
        same letters (Reporters Without Borders), bracketed or not."""
        loose = [index for index in self.capitalised if not self.taken[index] and 2 <= len(self.tokens[index].text) <= 6
                 and self.tokens[index].text.isalpha() and self.tokens[index].text.isupper()]
        if not loose and not any(self.body[item.start : item.end].isupper() for item in self.found):
            return  # most articles use no acronym: no initials to compute
        bodies = {_initials(self.body[item.start : item.end]): item for item in self.found
                  if item.kind != "person" and " " in self.body[item.start : item.end]}
        for position, item in enumerate(self.found):
            text = self.body[item.start : item.end]
            body = bodies.get(text) if text.isupper() and 2 <= len(text) <= 6 else None
            if body is not None and body.kb_id != item.kb_id and body.key != item.key:
                self.found[position] = replace(item, key=body.key, kind=body.kind, kb_id=body.kb_id)
        for index in loose:  # "The RSF said" where no entry owns the letters alone
            if (body := bodies.get(self.tokens[index].text)) is not None and not self.shouted:
                self._take(body.key, body.kind, body.kb_id, index, index + 1)

    def _rename_acronym(self, acronym: str, other_kb_id: str | None, found: _Found) -> None:
        """"the Rapid Support Forces (RSF)": a known body's acronym defined by this article is
        that body's wherever the article uses it, not another entry's of the same letters
        (Reporters Without Borders)."""
        for position, mention in enumerate(self.found):
            if mention.kb_id == other_kb_id and self.body[mention.start : mention.end] == acronym:
                self.found[position] = replace(mention, key=found.key, kind=found.kind, kb_id=found.kb_id)

    def match_lower_case_ministries(self) -> None:
        """"the interior ministry": a house style that writes a ministry in lower case names the
        ministry of the country the story is about, as "the Interior Ministry" does."""
        government = self._main_government
        if government is None or "ministry" not in self.body:
            return
        for match in _LOWER_CASE_MINISTRY.finditer(self.body):
            indexes = self._token_range(match.start("name"), match.end())
            if indexes and not any(self.taken[index] for index in indexes):
                self._take(ministry_name(match.group("field"), government.country), "government", None,
                           indexes[0], indexes[-1] + 1)

    def match_groups_paired_with_groups(self) -> None:
        """"a clash between the Los Lobos and R7 gangs", "the Jalisco Nueva Generacion and Sinaloa
        cartels": a name joined by "and" to an armed group's, the two before a group noun's
        plural, is an armed group too."""
        for item in [item for item in self.found if item.kind == "armed_group"]:
            after = _PAIRED_GROUP_AFTER.match(self.body, item.end)
            plural = (_GROUP_PLURAL_AFTER.match(self.body, item.end)
                      or self.body[item.start : item.end].lower().endswith(_GROUP_PLURAL_WORDS))  # "Sinaloa cartels"
            before = _PAIRED_GROUP_BEFORE.search(self.body, max(0, item.start - 60), item.start) if plural else None
            for match in (after, before):
                if match is None:
                    continue
                indexes = self._token_range(match.start("name"), match.end("name"))
                while indexes and (self.tokens[indexes[0]].text,) in self.matcher.demonyms:
                    indexes = indexes[1:]  # "the Mexican Jalisco Nueva Generacion": the name after its nationality
                if indexes and not any(self.taken[i] for i in indexes):
                    first, last = self.tokens[indexes[0]], self.tokens[indexes[-1]]
                    name = self.body[first.start : last.end]
                    if "cartel" in self.body[item.start : item.end + 9].lower() and "cartel" not in name.lower():
                        name += " Cartel"  # "the Juarez and Sinaloa Cartels": the Juarez Cartel
                    self._take(name, "armed_group", None, indexes[0], indexes[-1] + 1)

    def match_siblings(self) -> None:
        """"the brothers Hermen, Obdulio and Iber Angulo Zamora": each first name of the list is
        a person of the surname the last one carries."""
        if not any(noun in self.body or noun.capitalize() in self.body for noun in _SIBLING_NOUNS):
            return  # most texts have none: a few scans for a word are cheaper than one for the pattern
        for match in _SIBLINGS.finditer(self.body):
            surname = match.group("surname")
            names = [(f"{given.group()} {surname}", match.start("given") + given.start(), match.start("given") + given.end())
                     for given in re.finditer(r"[A-Z][a-z]+", match.group("given"))]
            names.append((match.group("last"), match.start("last"), match.end("last")))
            for name, start, end in names:
                indexes = self._token_range(start, end)
                if not any(self.taken[index] for index in indexes):
                    self._take(name, "person", None, indexes[0], indexes[-1] + 1)

    def match_shared_surnames(self) -> None:
        """"George and Gillian Williamson": a lone given name before "and" and a person's given
        name and surname shares that surname (a couple, or kin named together)."""
        for match in _SHARED_SURNAME.finditer(self.body):
            given, partner = match.group("given"), match.group("partner")
            if given not in self.kb.given_names or partner.split()[0] not in self.kb.given_names:
                continue
            index, = self._token_range(match.start("given"), match.end("given"))
            if self.taken[index] or (index and self.joined[index - 1] and self.tokens[index - 1].capitalised):
                continue  # "Pope Francis and Mary Smith": the first name is another's, or taken
            partner_found = (found.kind == "person" and (found.start, found.end) == match.span("partner") for found in self.found)
            if any(partner_found):
                self._take(f"{given} {match.group('surname')}", "person", None, index, index + 1)

    def match_surnames(self) -> None:
        """"Kerry", "Selmo": a surname alone refers to the one person of that name found so far."""
        persons = {found.key: found for found in self.found if found.kind == "person"}
        by_surname: dict[str, set[str]] = {}
        for key in persons:
            by_surname.setdefault(_token_texts(key)[-1], set()).add(key)
        for index in [index for index in self.capitalised if self.tokens[index].text in by_surname]:
            keys = by_surname[self.tokens[index].text]
            if len(keys) != 1 or not (self._name_token(index) or self._surname_found_as_place(index)):
                continue
            if PLACE_KIND_AFTER.match(self.body, self.tokens[index].end):
                continue  # "stormed Kundu village ... said Yusuf Kundu": the village, named like him
            found = persons[next(iter(keys))]
            start = self._surname_start(index, _token_texts(found.key))
            if (index + 1 < len(self.tokens) and self.joined[index] and self._name_token(index + 1)) or (
                start > 0 and self.joined[start - 1] and self._name_token(start - 1)
                and self.tokens[start - 1].lower not in _NOT_A_FIRST_NAME
            ):
                continue  # part of a longer name ("Kerry Smith"), not "Later Kerry"
            self._take(found.key, "person", found.kb_id, start, index + 1)

    def _surname_start(self, index: int, name_words: tuple[str, ...]) -> int:
        """Where the surname at `index` starts with the particles before it that the full name has
        too: "Le Drian" of "Jean-Yves Le Drian", "von der Leyen" of "Ursula von der Leyen"."""
        start = index
        while (start > 0 and self.joined[start - 1] and not self.taken[start - 1]
               and self.tokens[start - 1].lower in NAME_PARTICLES
               and len(name_words) > index - start + 1
               and name_words[-(index - start + 2)] == self.tokens[start - 1].text):
            start -= 1
        return start

    def _surname_found_as_place(self, index: int) -> bool:
        """"Foreign Secretary William Hague ... Hague made clear": a city's or a town's name that is
        the surname of a person of the article, not introduced as a place ("in Medina"), is that person."""
        token = self.tokens[index]
        span = self.place_span_of.get(index)
        if span != (token.start, token.end) or span not in self.town_spans or self.taken[index] or self.headline[index]:
            return False
        return not _LOCATIVE_BEFORE.search(self.body[max(0, token.start - 20) : token.start])

    # --- helpers --------------------------------------------------------------------------

    def _take(self, key: str, kind: str, kb_id: str | None, start: int, end: int) -> None:
        first, last = self.tokens[start], self.tokens[end - 1]
        if self.kb.is_ignored(self.body[first.start : last.end]) or self.kb.is_ignored(key):
            return
        stop = last.end
        if kb_id is None and not _FACTION_HEADS.isdisjoint(key.lower().split()) and (
                faction := _FACTION_AFTER.match(self.body, last.end)) is not None:
            # "the Communist Party of Nepal (Maoist)", "the Pakistan Muslim League (N)": the faction,
            # its closing bracket too, is the name's
            key, end, stop = key + faction.group(0), self._token_range(faction.start(), faction.end())[-1] + 1, faction.end()
        for i in range(start, end):
            self.taken[i] = True
        self.found.append(_Found(key, kind, kb_id, first.start, stop))

    def _take_span(self, entry: KbEntry, start: int, end: int) -> None:
        indexes = self._token_range(start, end)
        if any(self.taken[i] for i in indexes):
            return
        if self.kb.is_ignored(self.body[start:end]):
            return
        for i in indexes:
            self.taken[i] = True
        self.found.append(_Found(entry.name, entry.kind, entry.id, start, end))

    def _token_range(self, start: int, end: int) -> list[int]:
        index = max(0, bisect.bisect_right(self.starts, start) - 1)
        found = []
        while index < len(self.tokens) and self.tokens[index].start < end:
            if self.tokens[index].end > start:
                found.append(index)
            index += 1
        return found


@functools.lru_cache(maxsize=1 << 12)  # as _token_texts
def _without_initials(name: str) -> tuple[str, ...]:
    return tuple(word for word in _token_texts(name) if not _INITIAL_WORD.fullmatch(word))


def _occurrences(text: str, part: str) -> Iterator[int]:
    found = text.find(part)
    while found != -1:
        yield found
        found = text.find(part, found + 1)


def _contains_words(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """`words` run consecutively inside the longer `name`."""
    return len(name) > len(words) and any(
        name[start : start + len(words)] == words for start in range(len(name) - len(words) + 1))


def _kin_or_named_before(before: str) -> bool:
    """_KIN_OR_NAMED_BEFORE.search(before), sooner: its match ends with a kin noun or a naming
    word, which a space precedes and only a comma and spaces follow, so `before`'s last word
    must be one. Most words before a name are none, and that test spares searching the whole
    window, whose every position the pattern's long lists of nouns are tried at."""
    words = before.rstrip().removesuffix(",").rsplit(maxsplit=1)
    return (bool(words) and _KIN_OR_NAMING_WORD.fullmatch(words[-1]) is not None
            and _KIN_OR_NAMED_BEFORE.search(before) is not None)


def _particle_as_surname(tokens: list[_Token]) -> bool:
    """"Ananta Bijoy Das", "Tarun De": a capitalised particle that ends a name after a name word
    is a South or East Asian surname; a particle only opens the words of a name."""
    return (len(tokens) > 1 and tokens[-1].lower in PARTICLE_SURNAMES and tokens[-1].capitalised
            and tokens[-2].lower not in NAME_PARTICLES)


def _plural_title(tokens: list[_Token]) -> bool:
    return len(tokens) > 2 and tokens[0].lower[-1:] == "s" and tokens[0].lower[:-1] in _TITLE_WORDS


# "(LTTE)", "(U.N.H.C.R.)": an acronym of three letters or more in brackets (two-letter ones are
# mostly known bodies' or a state's: "(UN)", "(US)").
_BRACKETED_ACRONYM = re.compile(r"(?:\(|-LRB-)\s*((?:[A-Z]\.){3,}|[A-Z]{3,8})\s*(?:\)|-RRB-)")
# Words an acronym does not spell: "Liberation Tigers of Tamil Eelam", "Forces for the Defence of ...".
_INITIALS_SKIPPED = frozenset(("of", "for", "the", "and", "in", "on", "de", "du", "des", "la", "le", "el", "al",
                               "pour", "en", "et", "les", "por", "para", "del", "y", "da", "do", "dos", "das"))
# Last words of what news define acronyms for besides bodies: laws, accords, weapons, systems.
_NOT_A_BODY_ENDS = frozenset("""law laws act agreement accord accords treaty convention resolution plan index system
    systems transit corridor route zone device devices vehicle vehicles weapon weapons destruction product rate""".split())
_ARMED_WORDS_OF_A_NAME = frozenset(("tigers", "rebels", "insurgents", "mujahideen", "liberation", "resistance"))


_ONE_SPACE = re.compile(r" ")
_PEOPLE_OF = frozenset("soldiers members fighters troops residents officials militants supporters leaders "
                       "relatives families commanders officers hundreds thousands dozens scores".split())
_MOST_WORDS_OF_A_BODY_WITHIN = 5
_REGNAL_NUMBER = re.compile(r"I{2,3}|IV|VI{1,3}|IX|XI{1,3}|XIV|XVI")
_NUMBER_AFTER_A_NAME = re.compile(r" \d+\b")
_COMPASS_NAME_WORDS = frozenset("North South East West Northern Southern Eastern Western Central".split())


# A capitalised word after a people's force: "the National Union of Haitian Police Officers" goes on.
_NAME_GOES_ON_AFTER = re.compile(r" [A-Z][a-z]")
# A force's post is a place it guards, not a newspaper: "Hamey Police Post", "the Border Post".
_GUARDED_POSTS = frozenset("police border army military observation security guard checkpoint".split())


def _a_guarded_post(tokens: list[_Token]) -> bool:
    return len(tokens) > 1 and tokens[-1].lower == "post" and tokens[-2].lower in _GUARDED_POSTS


def _kind_of_a_body(tokens: list[_Token], head: _Token | None) -> str:
    """An outlet or an armed group where the head word of its name (_organization_head), a news
    agency's words or an Arabic word for a force opening it says so ("Nile TV", "Syrian
    Democratic Forces", "Jaish al-Islam"; not the "Eastern Bloc" of states), else an organisation."""
    if head is not None and (head.lower in _MEDIA_HEADS
                             or (head.lower == "agency" and any(token.lower in _MEDIA_HEADS for token in tokens))):
        return "media"  # "Nile TV", "Saudi Press Agency"
    if ((head is not None and head.lower in _ARMED_HEADS and not (head.lower == "bloc" and tokens[0].lower in _BLOCS_OF_STATES))
            or tokens[0].lower in _ARMED_PREFIXES):
        return "armed_group"
    return "organization"


def _initials(name: str) -> str:
    """"RSF" of "Rapid Support Forces", "ISWAP" of "Islamic State West Africa Province": the
    capitals of a name's words, less its articles and connectors."""
    return "".join(word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper() and word.lower() not in ("the", "al"))


def ministry_name(field: str, country: str) -> str:
    """One name for a country's ministry however it is written: "Foreign Ministry (Russia)" for
    "the Russian Ministry of Foreign Affairs" and "Russia's foreign ministry"."""
    field = " ".join(field.lower().split())
    named = MINISTRY_FIELD_NAMES.get(field) or " ".join(word if word == "and" else word.capitalize() for word in field.split())
    return f"{named} Ministry ({country})"


def _organization_head(tokens: list[_Token]) -> _Token | None:
    """The word that makes a run an organisation's name: its last ("Syrian Democratic Forces"),
    or the last before its first "of"/"for" ("Ministry of Defence", "Front for the Liberation of X"),
    or before "to" ("Committee to Protect Journalists")."""
    if len(tokens) < 2:
        return None
    if tokens[-1].lower in _ORGANIZATION_HEADS:
        return tokens[-1]
    if tokens[0].lower in _ARMED_NAME_STARTS:  # "Jaish al-Fursan": Arabic for an army, a brigade, a front
        return tokens[0]
    if tokens[0].lower in _ARMED_PREFIXES and len(tokens) > 2 and tokens[1].lower in ("al", "el"):
        return tokens[0]  # "Ansar al-Sharia", "Ahrar al-Sham": the supporters, the free men of something
    connector = next((i for i, token in enumerate(tokens) if _name_connector(tokens[i - 1].lower if i else "", token.lower)),
                     None)
    if connector and connector + 1 < len(tokens) and (tokens[connector - 1].lower in _ORGANIZATION_HEADS
                                                      or tokens[connector - 1].lower in _HEADS_BEFORE_OF):
        return tokens[connector - 1]
    return None


# Possessive determiners: what follows is a thing owned, not a body named by its initials.
_OWNERS = frozenset("his her their my your its our".split())
# Head nouns news often write in lower case after a group's name: "the Mahdi army", "the Labour party".
_LOWER_CASE_HEADS = frozenset(
    "army party cartel corps brigade brigades front movement militia commission council court bank parliament".split())


def _case_agrees(alias: _Alias, texts: list[str]) -> bool:
    """One-word aliases and acronyms match exactly; longer ones need the alias's capitals, but
    for a head noun after the name ("the Mahdi army" is the Mahdi Army)."""
    if alias.strict:
        return list(alias.tokens) == texts
    last = len(texts) - 1
    # Some house styles capitalise a body's first word only ("the UN security council", "the
    # International criminal court"): past a capitalised first word, a name of three words or
    # more, or one led by an acronym, may go on in lower case ("an Islamic state" is no group).
    lower_rest = texts[0][0].isupper() and (len(texts) >= 3 or (len(texts[0]) > 1 and texts[0].isupper()))
    return all(
        t[0].isupper() or not a[0].isupper() or a.lower() in NAME_PARTICLES or a.lower() in ("the", "of", "for", "and")
        or (index == last and index > 0 and a.lower() in _LOWER_CASE_HEADS and texts[0][0].isupper())
        or (index > 0 and lower_rest)
        for index, (a, t) in enumerate(zip(alias.tokens, texts, strict=True))
    )


def _place_a_body_may_take(place: EntityMention, surface: str) -> bool:
    """A place found by words that are not its name, or by no gazetteer: a translation GeoNames
    lists ("White House" for Casablanca), one word in capitals that only a spelling fold made a
    place ("ETA" for Etah, India), a name only the wording made ("Plaza Publica")."""
    return (place.kb_id is None
            or (normalize_surface(surface) != normalize_surface(place.name) and (" " in surface or surface.isupper())))


def _not_a_name_word(token: _Token) -> bool:
    """Acronyms ("MSFs" too), and -ing/-ly words ("Being Silently Slaughtered") are not names."""
    text = token.text
    if _DOTTED_INITIALS.fullmatch(text):
        return False  # initials: "P.J. Crowley" (a run holds them only before a name word)
    if _PARTY_AND_STATE.match(text):
        return True  # "D-Massachusetts", "R-Texas": a lawmaker's party and state
    return token.acronym or (len(text) > 2 and text[:-1].isupper()) or _verb_like(token)


def _verb_like(token: _Token) -> bool:
    """"Being", "Silently"; not the names that end like an adverb ("Anatoly", "Vitaly")."""
    return len(token.text) > 5 and token.text.endswith(("ing", "ly")) and not token.text.endswith(("aly", "oly"))


def _trim_lower_tail(run: list[int], tokens: list[_Token]) -> list[int]:
    while run and not tokens[run[-1]].capitalised:
        run = run[:-1]
    return run


def _headline_mask(body: str, tokens: list[_Token]) -> list[bool]:
    """True for tokens on Title Case or ALL CAPS lines: headlines, captions, "Related:" links."""
    spans = [(m.start(), m.end()) for m in _LINE.finditer(body) if _is_headline(m.group())]
    if not spans:
        return [False] * len(tokens)
    token_starts = [token.start for token in tokens]
    mask = [False] * len(tokens)
    for start, end in spans:  # one slice per headline line, not a search per token
        first, last = bisect.bisect_left(token_starts, start), bisect.bisect_left(token_starts, end)
        mask[first:last] = [True] * (last - first)
    return mask


def _is_headline(line: str) -> bool:
    """Cheap tests first: most lines are paragraphs of prose, told by their last character."""
    if line.upper() == line and len(_HEADLINE_WORD.findall(line)) >= 2:
        return True
    if line.rstrip()[-1:] in _HEADLINE_END:
        return False  # prose ends with punctuation; headlines do not
    long_words = [w for w in _HEADLINE_WORD.findall(line) if len(w) >= 4]
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _overlaps(tokens: list[_Token], starts: list[int], spans: list[tuple[int, int]]):
    """(token index, place span) for every token inside a place mention (spans sorted); `starts`
    are the tokens' start offsets."""
    for start, end in spans:
        index = max(0, bisect.bisect_right(starts, start) - 1)
        while index < len(tokens) and tokens[index].start < end:
            if tokens[index].end > start:
                yield index, (start, end)
            index += 1


def _group(found: list[_Found], body: str, sentences: tuple[Sentence, ...], kb: KnowledgeBase) -> tuple[EntityMention, ...]:
    by_key: dict[str, list[_Found]] = {}
    for item in sorted(found, key=lambda f: (f.start, f.end)):
        by_key.setdefault(item.key, []).append(item)
    entities = []
    for key, items in by_key.items():
        mentions = tuple(Mention(body[f.start : f.end], sentence_at(sentences, f.start), f.start, f.end) for f in items)
        entities.append(EntityMention(key=key, name=key, kind=items[0].kind, mentions=mentions, kb_id=items[0].kb_id))
    return tuple(sorted(entities, key=lambda e: (e.mentions[0].start, e.key)))
