"""Casualty figures: who was killed, wounded or missing, how many, where, by whose count.

A Figure is a casualty claim about an event. Numbers that only look like one are not
figures: populations ("a city of 250,000"), war-wide tallies ("has cost more than 300,000
lives since 2011"), ages, percentages, years, times, money, distances, counts of buildings.

Decisions, so that every reader counts alike:

- kinds: killed (killed, dead, died, perished, executed, deaths, death toll, lives, bodies,
  martyrs, fatalities), wounded (wounded, injured, hurt), missing (missing, unaccounted for).
  "Under the rubble" is not a figure: the trapped may be alive. "Killed or wounded" and
  "casualties" mix two kinds and are skipped.
- vague amounts follow ACLED's conservative coding: tens = 10, dozens = 12, scores = 20,
  hundreds = 100, thousands = 1000. ACLED has no rule for "several"; we take 3, the least it
  can mean. The qualifier keeps the word ("dozens"), so nobody mistakes 12 for a count.
- qualifiers: exact, at least, more than, nearly, about, up to, or the vague word itself.
- a single named victim ("a medic ... was seriously hurt") is a figure of 1.
- who: the head noun after the number ("30 civilians including several children" ->
  civilians); generic heads (persons, others, individuals) and bare numbers -> people.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass, replace

from generator.lexicon import COMMUNITIES, MONTH_NUMBERS, NATIONALITY_NOUNS, NUMBER_WORDS, ORDINAL_NUMBERS, VAGUE_AMOUNTS
from generator.models import SETTLEMENT_KINDS, EntityMention, Figure, Mention, Sentence, Toll
from generator.regions import world_countries
from generator.text import TakenSpans


def _unnamed(pattern: str) -> str:
    """A pattern's named groups made anonymous, to reuse it inside another pattern."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_WORD_NUMBERS = NUMBER_WORDS
_MAX_COUNT_DIGITS = 9
_VAGUE_AMOUNTS = VAGUE_AMOUNTS
_QUALIFIERS = (
    ("at least", r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of"),
    ("more than", r"(?:well\s+)?(?:more\s+than|over)|upwards\s+of|in\s+excess\s+of"),
    ("nearly", r"nearly|almost|close\s+to|just\s+under|just\s+short\s+of"),
    ("about", r"about|around|some|approximately|roughly|an\s+estimated|estimated|approx\.?"),
    ("up to", r"up\s+to|as\s+many\s+as|at\s+most"),
)
_UNITS = (
    r"%|percent|per\s+cent|-?years?\b|-year|km|kilomet|miles?\b|met(?:er|re)s?\b|hours?\b|minutes?\b"
    r"|days?\b|weeks?\b|months?\b|[ap]\.?m\b|million|billion|dollars|euros|tons|tonnes|times\b"
)
_TENS = "|".join(word for word, number in NUMBER_WORDS.items() if number >= 20)
_UNITS_WORDS = "|".join(word for word, number in NUMBER_WORDS.items() if 1 <= number <= 9)
# Longest first: "fourteen" before "four".
_SMALL_NUMBERS = "|".join(sorted((word for word, number in NUMBER_WORDS.items() if number < 20), key=len, reverse=True))
_NUMBER = (
    r"(?P<number>"
    r"(?<![\w$£€.,/:-])\d{1,3}(?:,\d{3})+(?![\d,.:]\d)|(?<![\w$£€.,/:-])\d+(?![\d,.:]\d)"
    rf"|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and\s+(?:{_TENS}|\w+teen|ten|{_UNITS_WORDS}))?"
    rf"|(?:{_TENS})(?:[-\s](?:{_UNITS_WORDS}))?"
    rf"|half\s+a\s+dozen|(?:a|{_UNITS_WORDS})\s+dozen|{_SMALL_NUMBERS}"
    rf"|{'|'.join(VAGUE_AMOUNTS)}"
    r")(?!\s*(?:" + _UNITS + r"))"
)
_QUALIFIER = "(?:(?P<qualifier>" + "|".join(p for _, p in _QUALIFIERS) + r")\s+)?"
_QUANTITY = r"\b(?<!\bno\s)" + _QUALIFIER + _NUMBER  # not "no one was hurt"

def nationals_and_communities() -> frozenset[str]:
    """Plural nouns of every nationality of the world base ("syrians", "iraqis", "lebanese")
    and of religious and ethnic communities ("kurds", "alawites"): counts of people."""
    plurals = set(COMMUNITIES)
    for country in world_countries():
        for nationality in country.nationalities:
            word = nationality.lower()
            if word.isalpha() and not word.endswith(("sh", "ch")):  # not "British", "French": no count noun
                plurals.add(word if word.endswith(("s", "ese")) else word[:-3] + "men" if word in NATIONALITY_NOUNS
                            and word.endswith("man") else word + "s")
    return frozenset(plurals)


_PERSON_PLURALS = (
    "people|persons|civilians|children|kids|babies|infants|toddlers|teenagers|women|men|boys|girls"
    "|fighters|soldiers|troops|rebels|militants|members|insurgents|jihadists|terrorists|gunmen"
    "|militiamen|policemen|police|officers|guards|residents|villagers|workers|students|pupils"
    "|schoolchildren|teachers|pilots|personnel|servicemen|combatants|recruits|volunteers|staff"
    "|medics|doctors|nurses|paramedics|rescuers|journalists|activists|refugees|detainees"
    "|prisoners|inmates|hostages|worshippers|pilgrims|passengers|protesters|demonstrators"
    "|relatives|victims|citizens|nationals|others|individuals|elderly"
    "|commanders|leaders|operatives|mercenaries|extremists|guardsmen|family\\s+members"
    "|drivers|candidates|politicians|officials|farmers|miners|traders|vendors|mayors|lawyers|judges|priests"
    "|clerics|bodyguards|migrants|peacekeepers|contractors|airmen|sailors|marines|seamen|crewmen|conscripts"
    "|paratroopers|cadets|servicemembers|attackers|assailants|bandits|kidnappers|smugglers|gangsters|raiders"
    "|pirates|herders|herdsmen|fishermen|gendarmes|rangers|commandos|jawans|patients|bystanders|pedestrians"
    "|worshipers|mourners|shoppers|tourists|diplomats|shepherds|youths|monks|nuns|imams|guests|travellers"
    "|travelers|spectators|labourers|laborers|porters|cadres|maoists|naxals|reservists|guerrillas|guerillas"
    "|peace-keepers|separatists|paramilitaries|loyalists|peasants|settlers|inhabitants|convicts|employees|"
    + "|".join(sorted(nationals_and_communities(), key=lambda word: (-len(word), word)))
)
_PERSON_SINGULARS = (
    "person|civilian|child|boy|girl|woman|man|baby|infant|fighter|soldier|rebel|militant"
    "|member|officer|policeman|resident|medic|doctor|nurse|paramedic|rescuer|journalist"
    "|activist|pilot|worker|student|teacher|commander|volunteer|photographer|reporter|cameraman"
    "|driver|candidate|politician|official|farmer|miner|trader|vendor|mayor|lawyer|judge|priest|cleric"
    "|bodyguard|migrant|peacekeeper|contractor|guard|prisoner|inmate|hostage|councillor|councilor|businessman"
    "|guardsman|marine|sailor|airman|trooper|rifleman|sentry|serviceman|servicewoman|policewoman|diplomat|tourist"
    "|pilgrim|shepherd|teenager|youth|toddler|pensioner|monk|nun|imam|protester|demonstrator|villager"
    "|sergeant|corporal|lieutenant|captain|colonel|attacker|assailant|gunman|bandit|herder|herdsman|fisherman"
    "|gendarme|ranger|commando|jawan|patient|bystander|pedestrian|worshiper|worshipper"
    "|chief|elder|headman|principal|reservist"  # "a village chief", "a school principal"
    "|terrorist|insurgent|jihadist|extremist|guerrilla|guerilla|militiaman|gangster|constable|labourer|laborer|cadre|aide"
    "|peace-keeper|separatist|paramilitary|loyalist|peasant|settler|inhabitant|convict|employee"
    "|leader|blogger|writer|editor|mechanic|shopkeeper|engineer|professor|lecturer|pastor|preacher|bishop"
    "|father|mother|son|daughter|husband|wife|brother|sister|grandfather|grandmother|uncle|nephew|neighbour|neighbor"
)
# One of a community: "killed a Protestant", "a Sunni was shot"; the noun that follows is the
# person ("a Buddhist monk").
_PERSON_SINGULARS += (
    "|(?:" + "|".join(sorted({word.removesuffix("s") for word in COMMUNITIES}, key=lambda word: (-len(word), word)))
    + r")(?!\s+(?:" + _PERSON_SINGULARS + r")\b)"
)
_GENERIC_WHO = {"persons": "people", "others": "people", "individuals": "people", "him": "person", "her": "person"}
# A modifier between number and noun ("six Nusra Front fighters") is never itself a number,
# a date or a verb: "23 February 2015 Ten children were killed" must not read as 23 children.
_NOT_MODIFIER = (
    r"(?!(?:\d|(?:were|was|are|is|have|has|had|been|being|and|or|in|on|at|least|killed|dead|died|wounded"
    r"|injured|hurt|including|who|that|with|by|after|as|when|hundreds?|dozens?|several|tens|scores"
    r"|thousands?|" + "|".join(_WORD_NUMBERS) + "|" + "|".join(MONTH_NUMBERS) + r")\b))"
)
_MODIFIERS = r"(?:" + _NOT_MODIFIER + r"[\w'’.()-]+\s+){0,4}?"
# A word of a participle's phrase between a count and its verb: no verb, count or clause of its own.
_PHRASE_WORD = (r"(?!(?:were|was|are|is|have|has|had|been|and|or|but|who|that|which|killed|dead|died|wounded|injured"
                r"|said|says|\d+)\b)[\w'’.-]+")
# "of the" only before a noun: "fifteen of the wounded" is a part of an earlier figure.
_WHO = (
    r"(?:(?:\s+of(?:\s+(?:the|its|their|his|her))?)?"
    r"\s+(?P<who_phrase>" + _MODIFIERS + r"(?P<who>" + _PERSON_PLURALS + r")\b))?"
)
_WHO_REQUIRED = r"(?:\s+of(?:\s+(?:the|its|their|his|her))?)?\s+(?P<who_phrase>" + _MODIFIERS + r"(?P<who>" + _PERSON_PLURALS + r")\b)"

_KILLED_VERBS = (
    r"martyred|fall[ea]n\s+victims?|fell\s+victims?|killed|dead|died|perished|executed|slain|massacred|murdered|assassinated|"
    r"slaughtered|beheaded|decapitated|"
    r"lost\s+their\s+lives|shot\s+dead|gunned\s+down|(?:shot|beaten|stabbed|burned|burnt|hacked|tortured|stoned|clubbed)\s+to\s+death"
)
_WOUNDED_VERBS = r"wounded|injured|hurt|maimed"
_MISSING_VERBS = r"missing|unaccounted\s+for"
_KIND_VERBS = (
    r"(?:(?P<killed>" + _KILLED_VERBS + r")|(?P<wounded>" + _WOUNDED_VERBS + r")|(?P<missing>" + _MISSING_VERBS + r"))"
    r"(?!\s+(?:or|and/or)\s+(?:wounded|injured|killed))\b"
)
# (not one's kin: "killed a soldier's wife" counts no soldier)
_ONE_PERSON = (r"(?:an?|(?<!\bno\s)one|another)\s+(?:\d{1,3}-year-old\s+)?(?:" + _NOT_MODIFIER
               + r"(?![\w-]+['’]s\s)[\w'’-]+\s+){0,3}?(?:"
               + _PERSON_SINGULARS + r")")
# Between subject and verb: "— including one of the group's own members —", "including
# several children" (commas are often lost in scraped text), "in Idlib", "on board".
_INSERTION = (
    r"(?:\s*[—–]\s*[^—–.;]{1,90}?\s*[—–]|\s+--?\s+[^.;]{1,90}?\s+--?"  # "200 people -- many of them children --"
    r"|\s*\(.{1,60}?\)"
    # not ending in "and": "killed eight people, including two children, and wounded 28" is two figures
    # nor across ", and": "51, including 40 children, and that 79 people had been wounded"
    r"|,?\s+(?:including|among\s+them|mostly|most\s+of\s+them|many\s+of\s+them)\b(?:(?!,\s+and\s)[^.;:]){1,80}?(?<!\band)(?<!\bor),?"
    r"|\s+(?:in|from|at|near|inside|on)\s+(?:" + _NOT_MODIFIER + r"[\w'’.-]+\s+){0,3}?" + _NOT_MODIFIER + r"[\w'’.-]+"
    # a participle's phrase: "five Haitians traveling through Martissant town in public transport were shot dead"
    r"|\s+[a-z]+ing\s+(?:" + _PHRASE_WORD + r"\s+){0,6}?" + _PHRASE_WORD
    # "seven soldiers of the Colombian Army" (the text is folded to lower case), not "15 of the wounded"
    + r"|\s+of\s+the\s+(?:[\w'’.-]+\s+){0,3}?(?:army|forces|navy|police|military|guard|brigade|battalion|regiment"
    r"|division|mission|militia|group|force)\b"
    r"|\s+and\s+" + _unnamed(_QUANTITY + _WHO_REQUIRED) + r"|\s+and\s+" + _ONE_PERSON
    + r"|\s+and\s+(?:their|other|several|many|some)\s+[a-z'’-]+"  # "460 patients and their companions were killed"
    # one count of two nouns: "56 soldiers and policemen were killed", "27 soldiers and militants from Jaish al-Adl"
    + r"|\s+and\s+" + _MODIFIERS + r"(?:" + _PERSON_PLURALS + r")\b(?:\s+(?:of|from)\s+(?:" + _NOT_MODIFIER
    + r"[\w'’.-]+\s+){0,3}?" + _NOT_MODIFIER + r"[\w'’.-]+)?"
    + ")?"
)
_AUXILIARY = (
    r"(?:\s+(?:who|that|were|was|are|is|have|has|had|been|being|got|get|may|might|could|would|will|reportedly|also|all"
    r"|found"  # "Forty inmates were found dead"
    r"|allegedly|later|now|so\s+far|already|confirmed|reported|believed\s+to\s+have|said\s+to\s+have"
    r"|there|here"  # "about 50 people there were killed"
    # "Two police reservists were Wednesday morning killed"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?))*"
)
_ADVERB = r"(?:\s+\w+ly)?"
# "A teacher has been shot and killed", "an aid worker was abducted and later killed"
_DEED_BEFORE_DEATH = r"(?:\s+(?:shot|stabbed|attacked|abducted|kidnapped|captured|beaten|tortured)\s+and(?:\s+(?:later|then))?)?"

# "Nearly 30 civilians including several children were killed", "15 dead", "dozens wounded"
_SUBJECT_VERB = re.compile(
    "(?:" + _QUANTITY + _WHO + ")" + _INSERTION + "(?:" + _AUXILIARY + _ADVERB + _DEED_BEFORE_DEATH + r"\s+" + _KIND_VERBS + ")"
)
# "killed 15 civilians", "injuring 32", "claiming the lives of 8 persons", "shot dead six" — but not when the
# object is itself the subject of the next verb ("8 persons killed 58 others injured").
_OBJECT_VERBS = (
    r"(?P<killed>(?:kill|kills|killed|killing|executed|executing|massacred|martyred|slaughtered|slaughtering|beheaded|beheading"
    r"|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down)(?:\s+and\s+\w+ed)?"
    r"|(?:claimed|claiming|claims|took|taking)\s+(?:the\s+)?lives\s+of|deaths?\s+of|bodies\s+of|massacre\s+of"
    r"|(?:killing|murder|execution|executions|beheadings?|martyrdom|slaughter)\s+of)"
    r"|(?P<wounded>wound|wounds|wounded|wounding|injure|injures|injured|injuring|injury\s+of|injuring\s+of)"
)
_VERB_OBJECT = re.compile(
    r"(?:\b(?:" + _OBJECT_VERBS + ")"
    r"(?:\s+(?:another|a\s+further|an\s+additional|all))?\s+"  # "at least" is the quantity's qualifier; "killing all three"
    + _QUANTITY
    + _WHO
    + r")(?!(?:" + _AUXILIARY + r")\s+(?:killed|dead|died|wounded|injured|hurt)\b)"
)
# A killing verb split around its object: "rebels hacked 15 villagers to death", "shot two men dead".
_VERB_SPLIT_AROUND_OBJECT = (r"\b(?:hacked|hacking|stabbed|stabbing|beat|beaten|beating|burned|burning|burnt|clubbed"
                             r"|clubbing|stoned|stoning|tortured|torturing|shot|shooting)\s+")
_SPLIT_VERB_OBJECT = re.compile(_VERB_SPLIT_AROUND_OBJECT + _QUANTITY + _WHO + r"\s+(?:to\s+death|dead)\b")
# A pronoun as that object: "two gunmen burst into the house and shot him dead".
_PRONOUN_VICTIM = re.compile(_VERB_SPLIT_AROUND_OBJECT + r"(?P<who>him|her)\s+(?:to\s+death|dead)\b")
# "killed 31 jihadists and eight civilians", "killed 17 militants and a child": one figure
# per group, so that the civilians are not lost behind the fighters.
_AND = r"\s*,?\s+(?:and|as\s+well\s+as|plus)\s+"
_COORDINATED_GROUP = re.compile("(?:" + _AND + _QUANTITY + _WHO_REQUIRED + ")")
_COORDINATED_PERSON = re.compile(
    "(?:" + _AND + r"(?:an?|one)\s+(?P<who_phrase>" + _MODIFIERS + r"(?P<who>" + _PERSON_SINGULARS + r"))\b)"
)
# After a subject's verb, a group the verb counts too: "500 rebels were killed as well as 18 soldiers".
_GROUP_AFTER_VERB = re.compile(
    r"(?:\s*,?\s+(?:as\s+well\s+as|along\s+with|together\s+with)\s+" + _QUANTITY + _WHO_REQUIRED + ")")
# The group is the subject of its own verb ("... and 70 others were wounded").
_STARTS_OWN_CLAUSE = re.compile("(?:" + _AUXILIARY + r"\s+(?:" + _KILLED_VERBS + "|" + _WOUNDED_VERBS + "|" + _MISSING_VERBS + r")\b)")
# "12 deaths", "51 martyrs", "claimed 40 lives"
_COUNTED_NOUNS = r"deaths|fatalities|martyrs|bodies|corpses|lives|dead\s+bodies"
_COUNTED_NOUN = re.compile("(?:" + _QUANTITY + r"(?:\s+(?:more|other|civilian|new))?\s+(?P<noun>" + _COUNTED_NOUNS + r")\b)")
# "put the death toll at 15", "Death toll ... rises to 76", "the toll reached at least 112"
_TOLL_WORDS = (r"death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|those\s+killed|people\s+killed"
               r"|[a-z]+\s+(?:killed|who\s+(?:died|were\s+killed)))")  # "the number of protesters killed"
_DEATH_TOLL = re.compile(
    r"(?:\b(?:" + _TOLL_WORDS + ")"
    r"(?P<gap>[^.;:\d]{0,100}?)" + _QUANTITY + _WHO + ")"
)
# "the toll rose from 39 to 47": the count it rose to; "the death toll from a barrage that struck
# ... rose to 43": a longer gap before a verb of rising
_RISING_VERBS = r"rose|risen|rises|raised|climbed|climbs|jumped|increased|mounted|reached"
_RISING_TOLL = re.compile(
    r"(?:\b(?:" + _TOLL_WORDS + r")(?P<gap>[^.;:\d]{0,200}?\b(?:" + _RISING_VERBS + ")"
    r"(?:\s+from\s+[\d,]+)?\s+to)\s+" + _QUANTITY + _WHO + ")"
)
_LIFE_LOST = r"lost\s+(?:his|her)\s+life"  # "a British soldier lost his life": one killed
_UNIT_WORDS = r"(?:regiment|brigade|battalion|division|company|squadron|corps|battery|commando|platoon|unit)"
# "A medic with the aid group Shafak was seriously hurt", "One Syrian civilian was killed"
# "a 48-year-old man": an age is the one modifier with a digit
_ONE_PERSON_NAMED = _ONE_PERSON.replace("(?:" + _PERSON_SINGULARS, "(?P<who>" + _PERSON_SINGULARS, 1)
# The subject of its own passive may be one already introduced or owned: "when the village chief
# was killed", "Ecuador's youngest mayor and her aide were shot dead".
_DEFINITE = r"(?:an?|the|his|her|their|its|\w+['’]s|"
_ONE_OR_THE_PERSON_NAMED = _ONE_PERSON_NAMED.replace(r"(?:an?|", _DEFINITE, 1)
_ONE_OR_THE_PERSON = _ONE_PERSON.replace(r"(?:an?|", _DEFINITE, 1)
# One person joined before a counted group, the subject of one verb: "a doctor and six labourers".
_ONE_PERSON_AND_BEFORE = re.compile(r"\b(?P<who_phrase>" + _ONE_PERSON_NAMED + r")" + _AND + "$")
_ONE_PERSON_REACH = 80  # characters: the person's phrase and its "and"
_SINGLE_VICTIM = re.compile(
    r"\b(?P<who_phrase>" + _ONE_OR_THE_PERSON_NAMED + r")\b"
    r"(?P<second>\s+and\s+" + _ONE_OR_THE_PERSON + r")?\b"
    # "a medic with the aid group Shafak", not "a doctor at the hospital said 11 people": no count
    # or speech verb inside
    r"(?:\s+(?:(?:serving|working|stationed|deployed|living|based)\s+)?(?:with|from|of|in|at|for)\s+"
    # "a Kenyan police officer serving with the mission", "a soldier from 14 Signals Regiment"
    r"(?:(?!(?:said|says|told|reported)\b)(?:[^,.;\d]|\d+(?:st|nd|rd|th)?(?=(?:\s+[a-z]+)?\s+" + _UNIT_WORDS + r"\b))){1,50}?)?"
    # a relative clause: "a man who was murdered", "a captain who was shot in the head ... died" (not
    # "a teenager who died saving others in the stampede", one of its dead)
    r"(?:\s*,?\s+who(?=\s+(?:was|has|had)\s)(?:\s+(?:was|had\s+been)\s+(?:shot|stabbed|wounded|injured|hit|attacked)\b"
    r"[^.;]{0,80}?(?=\s+died\b))?)?"
    # a plural verb only after two victims: "three men and one woman ... were shot" is no count of one
    r"\s+(?:(?(second)(?:were|have\s+been|had\s+been|got)|(?:was|has\s+been|had\s+been|got))" + _ADVERB + _DEED_BEFORE_DEATH + r"\s+" + _KIND_VERBS
    # "died" needs no auxiliary: "a protester died in the clashes" (not "died of malaria"; "of his wounds" is one)
    + r"|" + _LIFE_LOST + r"|(?:(?:has|had)\s+)?(?:died|perished)\b(?!\s+(?:of|from)\s+(?!(?:his|her|their)\s+(?:wounds|injuries))))"
)
# A verb's one object: "with a drone, killing a local man", "a Russian drone killed a resident"
# (not "killed a soldier's wife", whose victim is another).
_ONE_VICTIM_VERBS = (r"killing|killed|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|(?:death|killing|murder)\s+of"
                     r"|(?:shot|stabbed|beaten|hacked)\s+to\s+death")
_SINGLE_VICTIM_OBJECT = re.compile(
    r"\b(?:" + _ONE_VICTIM_VERBS + r")\s+(?P<who_phrase>" + _ONE_PERSON_NAMED + r")\b(?![’'-])"
    r"(?P<second>\s+and\s+" + _ONE_PERSON + r"\b(?![’'-]))?"  # "the death of an officer and a civilian": two
)
# Without an auxiliary, where nothing but a time, a place or the next count can follow: "one
# rebel killed and three injured", "left one officer dead", "a British journalist killed
# Wednesday in Misrata" (not "a soldier killed the man": the verb acts).
_SINGLE_VICTIM_PARTICIPLE = re.compile(
    r"\b(?P<who_phrase>" + _ONE_PERSON_NAMED + r")\s+(?:killed|dead|shot\s+dead)"
    r"(?!\s+at\s+least)"  # "a rebel commander killed at least 2,000 civilians": the killer
    r"(?=\s*(?:[,.;)]|$)|\s+(?:and|on|in|at|near|during|when|while|after|last|yesterday|today|this|early|late"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
)

# Figures for the whole war or a year, not for the event: "since 2011", "since the war began".
_WAR_WIDE = re.compile(
    r"(?:\bsince\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|dawn|midnight"
    r"|early|late|last\s+night|the\s+(?:morning|evening|weekend|attack|strike|blast|bombing|explosion"
    r"|offensive|assault|operation|raids?|shelling|clashes))\b)"  # "since the offensive on Aleppo began": this one's
    r"|\b(?:war|conflict|uprising|crisis)\s+(?:began|erupted|started|broke\s+out)"
    r"|\b(?:war|conflict|crisis|uprising)\b(?![\s-]*(?:planes?|jets?|torn|crimes?|monitor|zones?)\b)"
    r"[^.;]{0,40}?\b(?:killed|claimed|cost|left)\b"
    r"|\btoll\s+(?:from|of|in)\s+(?:[\w-]+\s+){0,3}?(?:war|conflict|crisis|uprising)\b"
    r"|\bin\s+(?:the|\w+['’]?s)\s+(?:\w+[\s-]+)?(?:war|conflict)\b|\bthis\s+year\b|\bso\s+far\s+(?:this|in)\b"
    # "have been killed in a five-year-old separatist insurgency", "in a separatist rebellion"
    r"|\bin\s+(?:an?|the|\w+['’]?s)\s+(?:[\w-]+\s+){0,3}?(?:insurgency|rebellion)\b(?![\s-]*(?:plagued|hit|torn|wracked|racked|ravaged|affected|prone)))"
)
# "the deadliest attack since", "its most deadly fire since", "the worst ... since": the past compared
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:\w+iest|worst|biggest|largest|highest|most\s+\w+|first)\b[^.;,]{0,60}$")
# A word each alternative of _WAR_WIDE holds: a literal scan that spares it most sentences.
_WAR_WIDE_CUE = re.compile("since|war|conflict|crisis|uprising|year|far|insurgency|rebellion")
_CLAIM_BEFORE = re.compile(
    r"(?i:\b(?:according\s+to|citing|cited\s+by|quoted\s+by|reported\s+by|said\s+by|figures\s+from"
    r"|toll\s+from|data\s+from)\s+(?:[^,.;]{1,40},\s*)?(?:the\s+|a\s+)?)$"
)
_CLAIM_AFTER = re.compile(
    r"(?i:^(?:['’]s?)?[^.;\"“”]{0,60}?\b(said|says|say|reported|reports|announced|announces|stated"
    r"|put|puts|estimated|estimates|documented|counted|confirmed|added|told|claimed|claims"
    r"|recorded|tallied|gave|giving)\b)"
)
# A state's deed or weapon is no claimant: "Russian shelling", "an Israeli air strike", "Russian drones".
_DEED_NOUN = re.compile(
    r"\b(?:shelling|strikes?|air\s?strikes?|raids?|attacks?|bombing|bombardment|missiles?|drones?|rockets?|artillery"
    r"|offensive|fire|jets|warplanes|aircraft|helicopters|tanks)$", re.IGNORECASE)
_OWN_SUBJECT = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?=\w+$)", re.IGNORECASE)
# How far after a vague first report news gives the exact count.
_FIRMING_UP_SENTENCES = 4
# A place of the figure's own clause: "12 deaths in ... Beshkatine and 11 killed in Al-Bal".
_PLACE_WINDOW = 120
# "kill 70 people after rebel rocket fire on Damascus": what follows is another event, and its place.
_OTHER_EVENT_AFTER = re.compile(
    r"\b(?:after|following|in\s+(?:response|retaliation|reprisal)\s+(?:to|for)|days?\s+after|hours\s+after)\s",
    re.IGNORECASE)
# How far after a country's name a place still belongs to the same phrase ("Syria's northwestern
# province of Idlib").
_COUNTRY_PHRASE = 40
# A place named before the figure locates it only after a locative preposition, allowing up to
# three words between ("in rebel-held east Aleppo", "near the town of"); not a number ("updated
# at Jan 20 2015 Beirut": a dateline).
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|at|on|outside|around|across|inside|into|of|from|to|throughout)\s+(?:[^\W\d][\w'’-]*\s+){0,3}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Found:
    """A figure matched in one sentence, with body offsets for attribution and overlap."""

    kind: str
    count: int
    qualifier: str
    who: str
    start: int
    end: int


def find_figures(
    body: str,
    sentences: tuple[Sentence, ...],
    actors: tuple[EntityMention, ...],
    places: tuple[EntityMention, ...],
) -> tuple[Figure, ...]:
    """Every event casualty figure, in text order, with its place and claimant."""
    figures: list[Figure] = []
    context = _SentenceContext(sentences, actors, places)
    folded_body = _without_day_numbers(body.translate(_ASCII_LOWER))
    persons = _person_spans_by_sentence(actors)
    for sentence in _cued_sentences(folded_body, sentences):
        found = _figures_in_sentence(sentence, folded_body[sentence.start : sentence.end],
                                     persons.get(sentence.index, ()))
        for position, item in enumerate(found):
            next_start = _next_figures_start(found, position, sentence.end, folded_body)
            claimant = _claimant(item, sentence, context)
            figures.append(
                Figure(
                    kind=item.kind,
                    count=item.count,
                    qualifier=item.qualifier,
                    who=item.who,
                    place=_located(item, next_start, sentence, context),
                    source=claimant[0] if claimant else None,
                    source_text=claimant[1] if claimant else None,
                    sentence=sentence.index,
                    text=body[item.start : item.end],
                )
            )
    return tuple(figures)


# Matching runs on ASCII-lowercased text, which keeps offsets and is ~4x faster than re.I.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# Cheap pre-filter: most sentences name no casualty and skip the big patterns. Plain strings,
# each looked for with str.find: twice as fast as one regex alternation tried at every character.
_CASUALTY_CUES = (
    "kill", "dead", "die", "death", "toll", "wound", "injur", "hurt", "missing", "unaccounted", "perish",
    "execut", "slain", "massacr", "murder", "lives", "bodies", "corpses", "martyr", "fatalit", "victim", "behead",
    "assassinat", "slaughter", "gunned", "lost his life", "lost her life",
)


# Each figure pattern, the kind it fixes (None: its verb tells), and a search for the words it
# cannot match without: a cheap literal scan that spares the big pattern most sentences.
_KIND_VERB_CUE = re.compile("|".join((_KILLED_VERBS, _WOUNDED_VERBS, _MISSING_VERBS)))
# A stem of each alternative of _OBJECT_VERBS: literals, so 5x faster to look for than the
# alternation itself, and passing only 4% more sentences to _VERB_OBJECT.
_OBJECT_VERB_CUE = re.compile(
    r"kill|execut|massacre|martyr|lives\s+of|deaths?\s+of|bodies\s+of|murder\s+of|behead|slaughter|wound|injur"
    r"|dead|gunned|gunning"
)
_TOLL_CUE = re.compile(_TOLL_WORDS)
_FIGURE_PATTERNS = (
    (_SUBJECT_VERB, None, _KIND_VERB_CUE),
    (_VERB_OBJECT, None, _OBJECT_VERB_CUE),
    (_SPLIT_VERB_OBJECT, "killed", re.compile(r"to\s+death|dead")),
    (_PRONOUN_VICTIM, "killed", re.compile(r"(?:him|her)\s+(?:to\s+death|dead)")),
    (_COUNTED_NOUN, "killed", re.compile(_COUNTED_NOUNS)),
    (_DEATH_TOLL, "killed", _TOLL_CUE),
    (_RISING_TOLL, "killed", _TOLL_CUE),
    (_SINGLE_VICTIM, None, re.compile(_KIND_VERB_CUE.pattern + "|" + _LIFE_LOST)),
    (_SINGLE_VICTIM_PARTICIPLE, "killed", re.compile("killed|dead")),
    (_SINGLE_VICTIM_OBJECT, "killed", re.compile("killed|killing|dead|gunn|death of|murder of|to death")),
)


def _cued_sentences(folded_body: str, sentences: tuple[Sentence, ...]) -> list[Sentence]:
    """The sentences with a casualty cue, in text order, from scans of the body, not of each sentence.

    A cue is part of one word, and sentences are separated by white space, so each cue found
    lies inside one sentence; once a sentence has one, the scan for that cue resumes after it.
    """
    starts = [sentence.start for sentence in sentences]
    cued: set[int] = set()
    for cue in _CASUALTY_CUES:
        found = folded_body.find(cue)
        while found != -1:
            position = bisect.bisect_right(starts, found) - 1
            if position >= 0 and found + len(cue) <= sentences[position].end:
                cued.add(position)
                found = folded_body.find(cue, sentences[position].end)
            else:
                found = folded_body.find(cue, found + 1)
    return [sentences[position] for position in sorted(cued)]


_MONTH_WORDS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_MONTH_INITIALS = "".join(sorted({month[0] for month in MONTH_NUMBERS}))
# A day beside a month's name ("on july 30", "3 december"): a date's, never a count.
# It opens with a look-ahead for a digit or a month's first letter, which turns most positions down at once.
_DAY_NUMBER = re.compile(rf"(?=[0-9{_MONTH_INITIALS}])\b(?:(?:{_MONTH_WORDS})\.?\s+(?P<after>\d{{1,2}})|(?P<before>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_WORDS})\b)(?![\d,])")


def _without_day_numbers(folded: str) -> str:
    """The folded text with the digits of its dates' days blanked (offsets kept): "the death toll
    from the attack on Kyiv on July 30 has risen to 31" is 31 dead."""
    if not any(character.isdigit() for character in folded):
        return folded
    return _DAY_NUMBER.sub(lambda match: _blank(match, "after" if match.group("after") else "before"), folded)


def _blank(match: re.Match[str], group: str) -> str:
    start, end = match.span(group)
    text = match.group(0)
    return text[: start - match.start()] + "#" * (end - start) + text[end - match.start() :]


def _is_war_wide(folded: str) -> bool:
    """A figure for the whole war or a year (_WAR_WIDE), but not a comparison with the past:
    "its most deadly fire since Soviet times after 109 people died", "killing 35 people in the
    deadliest attack on civilians this year" count one event's dead."""
    return any(match.group().strip() not in ("since", "this year") or not _SUPERLATIVE_BEFORE.search(folded, 0, match.start())
               for match in _WAR_WIDE.finditer(folded))


def _figures_in_sentence(sentence: Sentence, folded: str, persons: tuple[tuple[int, int], ...] = ()) -> list[_Found]:
    """Figures of one sentence; `folded` is its text lowercased, offsets unchanged."""
    if _WAR_WIDE_CUE.search(folded) and _is_war_wide(folded):
        return []
    person_starts = frozenset(start - sentence.start for start, _ in persons)
    candidates = [
        found
        for pattern, fixed_kind, cue in _FIGURE_PATTERNS
        if cue.search(folded)
        for found in _matches(pattern, folded, sentence.start, fixed_kind, person_starts)
    ] + _named_victims(folded, sentence.start, persons)
    candidates = [found for found in candidates if not _CAMPAIGN_TALLY_BEFORE.search(
        folded, max(0, found.start - sentence.start - _TALLY_REACH), found.start - sentence.start)
        and not _SENTENCED_FOR_BEFORE.search(folded, max(0, found.start - sentence.start - _TALLY_REACH),
                                             found.start - sentence.start)]
    # Longest first, so "30 civilians including several children were killed" wins over the
    # "several children were killed" inside it.
    candidates.sort(key=lambda f: (f.start - f.end, f.start, f.kind))
    taken = TakenSpans()
    kept = [candidate for candidate in candidates if taken.take(candidate.start, candidate.end)]
    return sorted(kept, key=lambda f: (f.start, f.kind))


# A campaign's running tally in a sentence about one event: "Maoists killed 24 policemen ... to end an
# insurgency that has claimed more than 1,800 lives" (the 24 are the event's); not "the fighting that
# has left dozens dead", often the event's own.
_CAMPAIGN_TALLY_BEFORE = re.compile(
    r"\b(?:war|conflict|insurgency|rebellion|uprising|revolt|campaign|crisis|struggle)\s+(?:that|which)"
    r"\s+(?:has|have|had)\s+(?:so\s+far\s+|already\s+|now\s+)?(?:(?:claimed|killed|cost|left)\s+(?:the\s+lives\s+of\s+)?)?$")
_TALLY_REACH = 80  # characters before a figure
# A crime someone was judged for is a past one: "a former captain, jailed for the murder of a bishop".
_SENTENCED_FOR_BEFORE = re.compile(
    r"\b(?:jailed|convicted|sentenced|imprisoned|serving\s+(?:\w+\s+){0,3}?sentences?)\s+(?:\w+\s+){0,3}?"
    r"(?:for|of|over)\s+(?:the\s+)?$")


# After a person the article names: "Hamza bin Laden, son of ..., has been killed", "Nabil
# al-Quaety, a photojournalist, died", "a resident of Chorkuh, Vohid Vahhobov, was shot dead" (the
# name the apposition); a passive, or "died" ("Assad killed ..." acts).
_NAMED_VICTIM_AFTER = re.compile(
    r"(?:\s*,[^,;.]{1,80},|,)?\s+(?:(?:was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:killed|shot\s+dead|murdered|"
    r"assassinated|executed|slain|(?:shot|beaten|stabbed|burned|hacked|tortured)\s+to\s+death|found\s+dead)"
    r"|died(?!\s+(?:of|from)\s+(?:natural|old\s+age|an?\s+illness|illness|cancer|disease|a\s+heart|heart|complications)))\b")


def _person_spans_by_sentence(actors: tuple[EntityMention, ...]) -> dict[int, tuple[tuple[int, int], ...]]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for actor in actors:
        if actor.kind == "person":
            for mention in actor.mentions:
                spans.setdefault(mention.sentence, []).append((mention.start, mention.end))
    return {sentence: tuple(sorted(found)) for sentence, found in spans.items()}


def _named_victims(folded: str, offset: int, persons: tuple[tuple[int, int], ...]) -> list[_Found]:
    """One killed for each named person the sentence says was killed or died, or a killing verb
    takes as its object ("two gunmen shot and killed Gerardo Delgado")."""
    found = []
    for start, end in persons:
        match = _NAMED_VICTIM_AFTER.match(folded, end - offset)
        if match:
            found.append(_Found(kind="killed", count=1, qualifier="exact", who="person",
                                start=start, end=offset + match.end()))
        elif verb := _KILLING_VERB_BEFORE.search(folded, max(0, start - offset - 40), start - offset):
            found.append(_Found(kind="killed", count=1, qualifier="exact", who="person",
                                start=offset + verb.start(), end=end))
    return found


_KILLING_VERB_BEFORE = re.compile(r"\b(?:(?:shot|stabbed|hacked|beaten)\s+and\s+)?(?:killed|murdered|assassinated"
                                  r"|shot\s+dead|gunned\s+down|(?:shot|stabbed|hacked|beaten)\s+to\s+death)\s+$")


# "50 dead and wounded", "a toll of 69,000 dead and missing": one count of two kinds, which is
# neither a death toll nor a wounded count. ("killed 12 and wounded 30" is two counts: a number follows.)
_AND_ANOTHER_KIND_AFTER = re.compile(
    r"(?:\s+dead)?\s*(?:and|or|&|/)\s+(?:the\s+)?(?:wounded|injured|hurt|injuries|missing|disappeared)\b"
    r"(?!\s+(?:another\s+|a\s+further\s+|further\s+|at\s+least\s+|about\s+|some\s+|more\s+than\s+|nearly\s+|around\s+|over\s+)?"
    rf"(?:\d|(?:{_SMALL_NUMBERS}|{_TENS}|dozens|hundreds|scores|several|many|another)\b))"  # "killed six and injured twenty"
)
# "killing 100 people a day": a rate of the whole war, not the count of an event ("46 killed in a
# week" is a count).
_RATE_AFTER = re.compile(
    r"[^.;,]{0,25}?(?<!\bin )(?<!\bwithin )(?<!\bover )(?<!\bfor )\b(?:a|per|each|every)\s+(?:day|week|month|year)\b")


# A month's name before a number (in the lower-cased text the patterns run on; not "may", a verb there).
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(month for month in MONTH_NUMBERS if month != "may") + r")\.?\s+$")


def _matches(pattern: re.Pattern[str], text: str, offset: int, fixed_kind: str | None,
             person_starts: frozenset[int] = frozenset()) -> list[_Found]:
    """The figures one pattern finds in a sentence's folded `text`; `person_starts` are where the
    persons the article names start in it (a killing verb's object: _acts_on_an_object)."""
    found = []
    for match in pattern.finditer(text):
        groups = match.groupdict()
        # no kind's verb: _SINGLE_VICTIM's "lost his life"
        kind = fixed_kind or next((k for k in ("killed", "wounded", "missing") if groups.get(k)), "killed")
        if _AND_ANOTHER_KIND_AFTER.match(text, match.end()) or _RATE_AFTER.match(text, match.end()):
            continue
        if groups.get("number") and _MONTH_BEFORE.search(text, max(0, match.start("number") - 12),
                                                                      match.start("number")):
            continue  # "NIAMEY, March 22 (Reuters) - Gunmen killed 44": a dateline's day
        if pattern is _SUBJECT_VERB and _acts_on_an_object(text, match, kind, person_starts):
            continue  # "Two gunmen killed a teacher": the subject killed, it was not killed
        first = _found(match, kind, offset)
        if first is None:
            continue
        if pattern is _SUBJECT_VERB and groups.get("number") and (person := _ONE_PERSON_AND_BEFORE.search(
                text, max(0, match.start() - _ONE_PERSON_REACH), match.start())):
            # "A doctor and six labourers were killed", "One officer and 10 soldiers": one more, joined
            found += [_Found(kind, 1, "exact", _who(person.group("who")), offset + person.start(), offset + person.end("who_phrase")),
                      replace(first, start=offset + person.end("who_phrase"))]
            continue
        if pattern is _SUBJECT_VERB and match.group("who_phrase") and (
                group := _COORDINATED_GROUP.match(text, match.end("who_phrase"))
                or _COORDINATED_PERSON.match(text, match.end("who_phrase"))) and group.end() < match.end():
            # "four soldiers and two civilians were killed", "eleven civilians and one soldier were
            # killed": a figure for each group, the verb's span the second's
            second = _found(group, kind, offset)
            if second is not None:  # the second from its "and", as _coordinated's: one toll, see _joined_groups
                found += [replace(first, end=offset + match.end("who_phrase")),
                          replace(second, start=offset + match.end("who_phrase"), end=offset + match.end())]
                continue
        if pattern is _SUBJECT_VERB and (later := _ONE_MORE_LATER.match(text, match.end())) \
                and ORDINAL_NUMBERS.get(later.group("ordinal"), first.count + 1) == first.count + 1:
            first = replace(first, count=first.count + 1, end=offset + later.end())
        found.append(first)
        if pattern is _VERB_OBJECT:
            found.extend(_coordinated(text, match.end(), kind, offset))
        elif pattern is _SUBJECT_VERB:
            found.extend(_coordinated(text, match.end(), kind, offset, (_GROUP_AFTER_VERB,)))
    return found


# After a count's verb, the one who died after them: "Five soldiers were killed instantly and the
# sixth later died" (the ordinal must follow the count: _matches), "and another died afterwards".
_ONE_MORE_LATER = re.compile(
    r"(?:\s+\w+ly)?\s*,?\s+(?:and|while)\s+(?:(?:a|the)\s+(?P<ordinal>" + "|".join(ORDINAL_NUMBERS) + r")\b"
    r"(?:\s+(?!died\b)[\w'’-]+){0,4}?|another(?:\s+\w+ly|\s+later)?)\s+(?:died|was\s+killed|succumbed)\b")


# A verb that takes an object, and what opens one: "killed a teacher", "shot to death a monk",
# "wounded two policemen" (not "died", nor "killed in the attack", "killed on Monday").
_TRANSITIVE = re.compile(r"killed|executed|massacred|murdered|assassinated|slaughtered|beheaded|decapitated|shot\s+dead|gunned\s+down"
                         r"|\w+\s+to\s+death|wounded|injured")
_OBJECT_AFTER = re.compile(rf"\s+(?:a|an|the|his|her|their|its|\d|{_SMALL_NUMBERS}|{_TENS}|at\s+least|dozens|scores"
                           r"|hundreds|thousands|several|many)\b")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|got|get)\b")


def _acts_on_an_object(text: str, match: re.Match[str], kind: str, person_starts: frozenset[int]) -> bool:
    """A subject and a verb with no auxiliary between, and an object after (a person the article
    names too: "two gunmen shot and killed Delgado"): the subject's deed."""
    verb_start = match.start(kind)
    object_start = len(text) - len(text[match.end() :].lstrip())  # the first word after the verb
    return (_TRANSITIVE.fullmatch(match.group(kind)) is not None
            and (_OBJECT_AFTER.match(text, match.end()) is not None or object_start in person_starts)
            and not _PASSIVE.search(text, match.start(), verb_start))


def _coordinated(text: str, position: int, kind: str, offset: int,
                 patterns: tuple[re.Pattern[str], ...] = (_COORDINATED_GROUP, _COORDINATED_PERSON)) -> list[_Found]:
    """The figure of a group joined after a figure ("killed 31 jihadists and eight civilians",
    "500 rebels were killed as well as 18 soldiers"), unless it is the subject of a verb of its own."""
    for pattern in patterns:
        match = pattern.match(text, position)
        if match and not _STARTS_OWN_CLAUSE.match(text, match.end()):
            second = _found(match, kind, offset)
            return [second] if second else []
    return []


def _found(match: re.Match[str], kind: str, offset: int) -> _Found | None:
    groups = match.groupdict()
    number = groups.get("number")
    count = _count(number) if number else 2 if groups.get("second") else 1
    if count is None or _is_bare_year(number, groups.get("who")):
        return None
    return _Found(
        kind=kind,
        count=count,
        qualifier=_qualifier(groups.get("qualifier"), number),
        who=_who(groups.get("who")),
        start=offset + match.start(),
        end=offset + match.end(),
    )


def _count(number: str) -> int | None:
    """The integer a number phrase stands for ("1,200", "twenty-five", "a dozen", "dozens")."""
    words = re.sub(r"[\s-]+", " ", number.lower().replace(",", "")).strip()
    if words.isdigit():
        # No casualty count has ten digits; a longer run is an identifier (or past int's limit).
        return int(words) if len(words) <= _MAX_COUNT_DIGITS else None
    if words in _VAGUE_AMOUNTS:
        return _VAGUE_AMOUNTS[words]
    if words.endswith(" dozen"):  # "half a dozen", "a dozen", "two dozen"
        many = words.removesuffix(" dozen")
        return 6 if many == "half a" else 12 * (1 if many == "a" else _WORD_NUMBERS[many])
    if " hundred" in words:
        hundreds, _, rest = words.partition(" hundred")
        rest = rest.removeprefix(" and ").strip()
        return 100 * (1 if hundreds == "a" else _WORD_NUMBERS[hundreds]) + (_words_below_hundred(rest) or 0)
    return _words_below_hundred(words)


def _words_below_hundred(words: str) -> int | None:
    if not words:
        return None
    parts = words.split()
    if not all(part in _WORD_NUMBERS for part in parts):
        return None
    return sum(_WORD_NUMBERS[part] for part in parts)


def _is_bare_year(number: str, who: str | None) -> bool:
    """'in 2013 killed' is a year; '2000 people' is a count: years need a noun to be counts."""
    return who is None and bool(re.fullmatch(r"(?:19|20)\d\d", number))


def _qualifier(written: str | None, number: str | None) -> str:
    if number and number.lower() in _VAGUE_AMOUNTS:
        return number.lower()
    if number and "dozen" in number.lower():
        return "about"
    if written:
        normalized = " ".join(written.lower().split())
        for name, pattern in _QUALIFIERS:
            if re.fullmatch(pattern, normalized):
                return name
    return "exact"


def _who(head: str | None) -> str:
    if not head:
        return "people"
    head = " ".join(head.lower().split())
    return _GENERIC_WHO.get(head, head)


class _SentenceContext:
    """Claimant and place mentions of each sentence, looked up once per article.

    Figures of one sentence (and of its neighbours) share them; scanning every mention of the
    article for each figure made the cost grow with figures times mentions.
    """

    def __init__(self, sentences: tuple[Sentence, ...], actors: tuple[EntityMention, ...],
                 places: tuple[EntityMention, ...]):
        self.sentences, self.actors, self.places = sentences, actors, places
        self._place_of_key = {place.key: place for place in places}
        self._actor_mentions: dict[int, list[tuple[Mention, str]]] | None = None
        self._place_mentions: dict[int, list[tuple[Mention, str, bool]]] | None = None
        self._claimants: dict[int, list[tuple[int, str, str]]] = {}
        self._places: dict[int, list[tuple[int, str, bool]]] = {}

    def claimants_in(self, index: int) -> list[tuple[int, str, str]]:
        """(start, actor key, surface) of the mentions that report in sentence `index`."""
        if self._actor_mentions is None:
            self._actor_mentions = {}
            for actor in self.actors:
                for mention in actor.mentions:
                    self._actor_mentions.setdefault(mention.sentence, []).append((mention, actor.key))
        if index not in self._claimants:
            sentence = self.sentences[index]
            mentions = self._actor_mentions.get(index, ())
            starts = sorted(mention.start for mention, _ in mentions)
            self._claimants[index] = [
                (mention.start, key, mention.surface)
                for mention, key in mentions
                if not _DEED_NOUN.search(mention.surface) and _is_claimant(mention, sentence, starts)
            ]
        return self._claimants[index]

    def place_mentions(self, index: int) -> list[tuple[Mention, str, bool]]:
        """(mention, place key, whether a country) of the places of sentence `index`."""
        self.places_in(index)
        return self._place_mentions.get(index, []) if self._place_mentions else []

    def level(self, key: str) -> str:
        """A place's level, to tell a list ("Kyiv, Odesa and Lviv") from a place and the place it
        lies in ("Hamdaniyeh, Aleppo"): settlements are one level."""
        place = self._place_of_key.get(key)
        kind = place.kind if place else ""
        return "settlement" if kind in SETTLEMENT_KINDS else kind

    def country_key(self, key: str) -> str | None:
        """The key of the article's place that is the country of the place `key`, if it names it."""
        place = self._place_of_key.get(key)
        country = place.country if place else None
        return next((other.key for other in self.places if other.kind == "country" and other.country == country
                     and country is not None), None)

    def places_in(self, index: int) -> list[tuple[int, str, bool]]:
        """(start, place key, whether a country) of the places that may locate a figure of
        sentence `index`, in order."""
        if self._place_mentions is None:  # by sentence, once: a scan per sentence grows with the square
            self._place_mentions = {}
            for place in self.places:
                for mention in place.mentions:
                    self._place_mentions.setdefault(mention.sentence, []).append(
                        (mention, place.key, place.kind == "country"))
        if index not in self._places:
            sentence = self.sentences[index]
            self._places[index] = sorted(
                (mention.start, key, country)
                for mention, key, country in self._place_mentions.get(index, ())
                if not _is_attributive(mention, sentence)
            )
        return self._places[index]


def _claimant(item: _Found, sentence: Sentence, context: _SentenceContext) -> tuple[str, str] | None:
    """(actor key, as written) of who reports the figure: this sentence, else an adjoining one."""
    sentences = context.sentences
    for index in (sentence.index, sentence.index + 1, sentence.index - 1):
        if not 0 <= index < len(sentences) or sentences[index].paragraph != sentence.paragraph:
            continue
        claimants = context.claimants_in(index)
        if claimants:
            _distance, _start, key, surface = min(
                (abs(start - item.start), start, key, surface) for start, key, surface in claimants
            )
            return key, surface
    return None


def _is_claimant(mention: Mention, sentence: Sentence, starts: list[int]) -> bool:
    """The mention reports: "according to X", or "X said" where no other actor stands between
    it and the verb ("in Russian shelling of Pokrovsk, Governor Vadym Filashkin said": his)."""
    before = sentence.text[: mention.start - sentence.start]
    after = sentence.text[mention.end - sentence.start :]
    if _CLAIM_BEFORE.search(before[-80:]):
        return True
    claim = _CLAIM_AFTER.search(after)
    if claim is None:
        return False
    following = bisect.bisect_left(starts, mention.end)  # the first actor named after this one
    if following < len(starts) and starts[following] < mention.end + claim.start(1):
        return False
    # "... centre of the Syrian capital, a monitoring group said": the verb has its own subject
    return not _OWN_SUBJECT.search(after, 0, claim.end(1))


# "..., according to Egypt's health minister": the claimant's country, not where anyone died;
# "told journalists in Gusau", "at a press conference in Phnom Penh": where the claimant spoke.
_ACCORDING_TO_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_SPOKEN_IN_BEFORE = re.compile(
    r"\b(?:(?:told|briefed|briefing|addressing|addressed)\s+(?:journalists|reporters|the\s+press|the\s+media)"
    r"|(?:press|news)\s+(?:conference|briefing)|speaking|statement\s+issued)\s+in\s+$", re.IGNORECASE)
# Between two figures of one clause: "two killed and nine wounded in a strike on Kupiansk".
_COORDINATED_GAP = re.compile(r"\s*,?\s*(?:and|while|with)\s+(?:another\s+|a\s+further\s+)?")


def _next_figures_start(found: list[_Found], position: int, sentence_end: int, folded_body: str) -> int:
    """Where the next figure that is not coordinated with found[position] starts (the sentence's
    end if none): a place after "two killed and nine wounded" is the place of both."""
    following = position + 1
    while following < len(found) and _coordinated_pair(found[following - 1], found[following], folded_body):
        following += 1
    return found[following].start if following < len(found) else sentence_end


def _coordinated_pair(previous: _Found, following: _Found, folded_body: str) -> bool:
    """The two figures are joined by "and" (or "while", "with"): between them, or opening the
    second, as a subject's second group does ("four soldiers" "and two civilians were killed")."""
    if previous.end == following.start:
        return bool(_COORDINATED_GAP.match(folded_body, following.start))
    return bool(_COORDINATED_GAP.fullmatch(folded_body, previous.end, following.start))


def _located(item: _Found, next_start: int, sentence: Sentence, context: _SentenceContext) -> str | None:
    """The figure's place (_place_of); a place it is only near ("in an opposition district
    outside Damascus") yields to the next place the text names without such a word, in the
    sentence or the next one ("... strikes on the Eastern Ghouta district"), else to none."""
    in_sentence = context.places_in(sentence.index)
    key = _place_of(item, next_start, sentence, in_sentence)
    start = next((start for start, other, _ in in_sentence if other == key and start >= item.start), None)
    listed, place = _list_place(sentence, start, context) if key is not None and start is not None else (False, None)
    if listed:
        return place
    if key is None or start is None or not _is_near(sentence, start):
        return key
    later = [(sentence, other_start, other) for other_start, other, country in in_sentence
             if other_start > start and not country]
    if sentence.index + 1 < len(context.sentences):
        following = context.sentences[sentence.index + 1]
        later += [(following, other_start, other) for other_start, other, country in context.places_in(following.index)
                  if not country]
    return next((other for where, other_start, other in later if other != key and not _is_near(where, other_start)), None)


# Between two places of a list: "in Kyiv, Odesa and Lviv".
_LIST_LINK = re.compile(r"[^\S\n]*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?")
_CONTAINER_LINK = re.compile(r"(?:\s+\w+){0,2}?\s+(?:in|of)\s+(?:the\s+)?(?:(?:city|province|governorate|region)\s+of\s+)?")


def _list_place(sentence: Sentence, start: int, context: _SentenceContext) -> tuple[bool, str | None]:
    """Whether the place at `start` heads a list of places of one level ("killing 39 in Kyiv,
    Odesa and Lviv", not "in Hamdaniyeh, Aleppo", a district and its city), and then the place
    the figure is the list's: the one the list is said to be in ("the neighbourhoods of
    al-Hamadaniyeh and al-Midan in Aleppo city"), else the country of its first place."""
    mentions = sorted((mention.start, mention.end, key, context.level(key))
                      for mention, key, country in context.place_mentions(sentence.index) if not country)
    position = next((i for i, (mention_start, *_) in enumerate(mentions) if mention_start == start), None)
    last = position
    while (last is not None and last + 1 < len(mentions) and mentions[last + 1][3] == mentions[position][3]
           and _LIST_LINK.fullmatch(sentence.text, mentions[last][1] - sentence.start, mentions[last + 1][0] - sentence.start)):
        last += 1
    if last is None or last == position:
        return False, None
    after = mentions[last + 1] if last + 1 < len(mentions) else None
    if after is not None and _CONTAINER_LINK.fullmatch(sentence.text, mentions[last][1] - sentence.start, after[0] - sentence.start):
        return True, after[2]
    return True, context.country_key(mentions[position][2])


def _is_near(sentence: Sentence, mention_start: int) -> bool:
    return bool(_NEAR_BEFORE.search(sentence.text, 0, mention_start - sentence.start))


def _place_of(item: _Found, next_start: int, sentence: Sentence, in_sentence: list[tuple[int, str, bool]]) -> str | None:
    """The place named in the figure's own clause (a country only after a locative word:
    "killed 20 in Syria", not "killed 20, the United States said"), else the nearest one named
    before it after a locative word."""
    limit = min(next_start, item.end + _PLACE_WINDOW)
    other_event = _OTHER_EVENT_AFTER.search(sentence.text, item.end - sentence.start, limit - sentence.start)
    if other_event is not None:
        limit = sentence.start + other_event.start()
    after = [(start, key, country) for start, key, country in in_sentence
             if item.start <= start < limit and (not country or _is_locative(sentence, start))
             and not _ACCORDING_TO_BEFORE.search(sentence.text, 0, start - sentence.start)
             and not _SPOKEN_IN_BEFORE.search(sentence.text, 0, start - sentence.start)]
    if after:
        start, key, country = after[0]
        # "in Syria's Idlib province": the place the country's name introduces is the one meant
        inner = next((other for other_start, other, other_country in after[1:]
                      if not other_country and other_start - start <= _COUNTRY_PHRASE), None)
        return inner if country and inner else key
    before = [(key, country) for start, key, country in in_sentence if start < item.start and _is_locative(sentence, start)
              and not _SPOKEN_IN_BEFORE.search(sentence.text, 0, start - sentence.start)]
    if not before:
        return next((key for start, key, country in reversed(in_sentence)
                     if start < item.start and not country and _is_jurisdiction(sentence, start)), None)
    # "seized Goma, the main city in eastern DR Congo, as fighting left 100 dead": the country
    # places the town named before it, which is where the figure is
    town = next((key for key, country in reversed(before) if not country), None)
    return town if before[-1][1] and town else before[-1][0]


# Words that put a figure near a place, not in it: "outside Damascus", "around Aleppo", "30 km
# north of Mosul", "on the outskirts of Tripoli".
_NEAR_BEFORE = re.compile(
    r"\b(?:outside|near|nearby|around|outskirts\s+of|close\s+to|(?:north|south|east|west)(?:-?(?:east|west))?\s+of"
    r"|(?:km|kilometres|kilometers|miles)\s+(?:from|of))\s+(?:the\s+)?(?:(?:city|town|capital)\s+of\s+)?$",
    re.IGNORECASE)


# A place that names a local official's or authority's jurisdiction: "Kharkiv Governor Oleh
# Syniehubov said three people were killed", "the Sumy regional administration said": the
# figure they report is of their place.
_JURISDICTION = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){0,3}?[A-Z][\w'’.-]*(?:'s|’s)?\s+(?i:(?:(?:regional|provincial|district|city|state|municipal"
    r"|local|oblast|military|civil|civilian|police|health)\s+){0,3}(?:governor|mayor|administration|council|authorities"
    r"|prosecutors?|police|health\s+(?:department|directorate|office|officials?)|emergency\s+services))\b")


def _is_jurisdiction(sentence: Sentence, mention_start: int) -> bool:
    return _JURISDICTION.match(sentence.text, mention_start - sentence.start) is not None


def _is_locative(sentence: Sentence, mention_start: int) -> bool:
    """'in rebel-held east Aleppo ... 30 killed' locates the figure; 'blamed the U.S.' does not."""
    return bool(_LOCATIVE_BEFORE.search(sentence.text, 0, mention_start - sentence.start))


def _is_attributive(mention: Mention, sentence: Sentence) -> bool:
    """'the Britain-based Observatory': Britain locates the claimant, not the casualties."""
    return sentence.text[mention.end - sentence.start :].startswith("-based")


def headline_toll(figures: tuple[Figure, ...], sentences: tuple[Sentence, ...]) -> Toll:
    """Killed and wounded of the main event as the article first reports them.

    The main event is the one of the earliest sentence with a killed figure; when that
    sentence counts several groups, civilians/people are the toll readers look for. A vague
    first report ("dozens of civilians were killed") yields to an exact count at least as
    large in the next sentences, which is how news firms up its lead. The wounded figure
    must come from the same sentence, else it may be another event.
    """
    killed = [f for f in figures if f.kind == "killed"]
    if not killed:
        return Toll()
    killed = [f for f in killed if not _of_another_event(f, sentences)] or killed
    captions = _caption_paragraphs(sentences)
    killed = [f for f in killed if sentences[f.sentence].paragraph not in captions] or killed
    headline = _first_report(killed, sentences)
    if headline.qualifier in _VAGUE_AMOUNTS:
        headline = next(
            (
                f
                for f in killed
                if headline.sentence <= f.sentence <= headline.sentence + _FIRMING_UP_SENTENCES
                and f.qualifier not in _VAGUE_AMOUNTS
                and f.count >= headline.count
            ),
            headline,
        )
    if headline.count == 1 and _ONE_OBJECT.match(headline.text):
        # "the army killed a notorious commander in clashes ... 110 terrorists were killed": the
        # target the lead names, then the event's toll
        headline = next((f for f in killed if headline.sentence < f.sentence <= headline.sentence + _FIRMING_UP_SENTENCES
                         and f.count > 1 and f.qualifier not in _VAGUE_AMOUNTS), headline)
    headline = _risen_toll(headline, killed)
    wounded = next(
        (f.count for f in figures if f.kind == "wounded" and f.sentence in (headline.sentence, killed[0].sentence)),
        None,
    )
    return Toll(killed=headline.count + _joined_groups(headline, killed) + _victim_before(headline, killed)
                + _also_killed(headline, killed), wounded=wounded)


def _caption_paragraphs(sentences: tuple[Sentence, ...]) -> frozenset[int]:
    """The paragraphs that credit a photo: captions, often written before the story's latest
    count ("... the attack that killed at least 27 on Friday.Credit: AFP" over a lead of 37)."""
    return frozenset(sentence.paragraph for sentence in sentences if _PHOTO_CREDIT.search(sentence.text))


# "Credit: AFP", "(Photo by Munir Uz Zaman / AFP)", "Photo: Reuters", "[Mahmud Hossain Opu/Al Jazeera]"
_PHOTO_CREDIT = re.compile(r"\bCredit:\s*\S|\((?:AP\s+)?Photo(?:graph)?\b[^()\n]*\)|\bPhoto(?:graph)?\s*(?:by|credit)?\s*:"
                           r"|\[[^\[\]\n]{1,60}/[^\[\]\n]{1,40}\]|\bImage\s+caption\b")


def _also_killed(headline: Figure, killed: list[Figure]) -> int:
    """The dead of other groups the next sentences add to the headline's with "also": "the army
    said it killed 26 rebels. Four soldiers were also killed" is 30 dead of one clash ("several
    assailants were also killed" is no count to add)."""
    return sum(f.count for f in killed if headline.sentence < f.sentence <= headline.sentence + _ADDING_SENTENCES
               and f.who != headline.who and f.qualifier not in _VAGUE_AMOUNTS and _ALSO.search(f.text))


_ALSO = re.compile(r"\balso\b", re.IGNORECASE)
_ADDING_SENTENCES = 2


# the text of a _SINGLE_VICTIM_OBJECT figure of a killing that may be a target's ("the army killed a commander")
_ONE_OBJECT = re.compile(r"(?:killing|killed)\s", re.IGNORECASE)


def _risen_toll(headline: Figure, killed: list[Figure]) -> Figure:
    """The toll the lead's rose to, where the next sentences say so: "killed at least 20 people
    on Monday, and the toll rose to 23 on Tuesday" is 23. A count many times larger is another
    tally (the war's), not this event's."""
    return next((f for f in killed
                 if headline.sentence <= f.sentence <= headline.sentence + _FIRMING_UP_SENTENCES
                 and headline.count < f.count <= _MOST_AN_UPDATE_MULTIPLIES * headline.count
                 and f.who in (headline.who, "people") and _ROSE_TO.search(f.text)), headline)


_ROSE_TO = re.compile(rf"\b(?:{_RISING_VERBS})\b", re.IGNORECASE)
_MOST_AN_UPDATE_MULTIPLIES = 5


def _victim_before(headline: Figure, killed: list[Figure]) -> int:
    """One more dead where the count is of "other" people and no count came before it: "Twelve
    other people were killed" and "at least five other civilians also died" count those killed
    besides the victim the story is about (the prison boss, the photojournalist)."""
    return int(headline is killed[0] and bool(_OTHERS.search(headline.text)))


_OTHERS = re.compile(r"\bothers?\b", re.IGNORECASE)


# After a count, in its clause: the dead of another event ("where 12 soldiers were killed earlier
# this month, this time leaving one soldier dead", "three civilians were killed in four other attacks").
# (A time alone may date this event in a later report: "48 people killed ... last week".)
_ANOTHER_EVENT_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:(?:earlier\s+this|last)\s+(?:week|month|year)[^.;]{0,30}?\bthis\s+time"
    r"|in\s+(?:\w+\s+)?(?:other|previous|earlier)\s+(?:attacks?|incidents?|clashes|raids?))\b", re.IGNORECASE)
# Before it: "an IS leader who had previously killed three citizens", "a reprisal for the recent killing of three".
_ANOTHER_EVENT_BEFORE = re.compile(r"\b(?:previously|the\s+recent|recently)\s+$", re.IGNORECASE)


def _of_another_event(figure: Figure, sentences: tuple[Sentence, ...]) -> bool:
    """The figure's clause marks its dead as another event's (_ANOTHER_EVENT_AFTER, _BEFORE)."""
    text = sentences[figure.sentence].text if figure.sentence < len(sentences) else ""
    at = text.find(figure.text)
    return at >= 0 and bool(_ANOTHER_EVENT_AFTER.match(text, at + len(figure.text))
                            or _ANOTHER_EVENT_BEFORE.search(text, max(0, at - 30), at))


def _joined_groups(headline: Figure, killed: list[Figure]) -> int:
    """The dead of other groups the headline's clause joins to it: "killing two US soldiers and
    at least two Afghans" is four dead (a group "including" is part of the count, not joined)."""
    after = killed[killed.index(headline) + 1 :]
    joined = 0
    for figure in after:
        if figure.sentence != headline.sentence or not _JOINED_GROUP.match(figure.text) or figure.who == headline.who:
            break
        joined += figure.count
    return joined


_JOINED_GROUP = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as|along\s+with|together\s+with)\s", re.IGNORECASE)


def _first_report(killed: list[Figure], sentences: tuple[Sentence, ...]) -> Figure:
    in_first_sentence = _without_earlier_events([f for f in killed if f.sentence == killed[0].sentence], sentences)
    chosen = next((f for f in in_first_sentence if f.who in ("civilians", "people")), in_first_sentence[0])
    position = in_first_sentence.index(chosen)
    while position > 0 and _JOINED_GROUP.match(in_first_sentence[position].text) and (
            chosen.who == "people" or in_first_sentence[position - 1].who not in _COMBATANTS):
        # "killing nine children and 14 others", "killing 15 police officers and four civilians": one
        # toll; but civilians are what readers look for beside the other side's dead ("31 jihadists")
        position -= 1
    return in_first_sentence[position]


# The dead of an armed side, whom a count of civilians beside them is told apart from.
_COMBATANTS = frozenset(
    "fighters militants rebels insurgents jihadists terrorists gunmen attackers assailants extremists guerrillas"
    " guerillas militiamen separatists maoists naxals bandits mercenaries operatives cadres paramilitaries".split())


def _without_earlier_events(figures: list[Figure], sentences: tuple[Sentence, ...]) -> list[Figure]:
    """A sentence's figures less those of another event its first figure's clause is dated by:
    "Two police officers were killed ..., a day after a bomb in Istanbul killed 11 people"."""
    if len(figures) < 2:
        return figures
    text = sentences[figures[0].sentence].text
    first = text.find(figures[0].text)
    if first < 0:
        return figures
    first_end = first + len(figures[0].text)
    return [figures[0], *(f for f in figures[1:] if (at := text.find(f.text, first_end)) < 0
                          or not _EARLIER_EVENT_BETWEEN.search(text, first_end, at))]


# "a day after", "two days after", "hours after", "a week after": a clause about an earlier event
_EARLIER_EVENT_BETWEEN = re.compile(r"\b(?:a|one|two|three|several|\d+)\s+(?:hours?|days?|weeks?|months?)\s+after\b"
                                    r"|\bhours\s+after\b|\bdays\s+after\b", re.IGNORECASE)
