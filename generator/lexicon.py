"""English words the pipeline reads and writes, in one place: another language is added as data
beside these, not by editing every extractor."""

import datetime as dt
import re
from types import MappingProxyType

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
# Every way news writes a month, lower-case -> its number ("sept" -> 9).
MONTH_NUMBERS = MappingProxyType({
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{abbreviation: next(number for number, name in enumerate(MONTH_NAMES, start=1)
                          if name.lower().startswith(abbreviation[:3]))
       for abbreviation in MONTH_ABBREVIATIONS},
})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # Monday is 0
# Holidays on a fixed day of the year, named for the day of an event ("a New Year's Day riot").
FIXED_HOLIDAYS = MappingProxyType({
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24), "christmas day": (12, 25),
    "boxing day": (12, 26),
})
WEEKDAY_WORDS = frozenset((*WEEKDAYS, "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"))

# "in March 2011", "since 2011", "from 2013 to 2016": a year (and month) a sentence dates its
# events by; before the article's own, they are another event's.
YEAR_REFERENCE = re.compile(
    r"\b(?P<preposition>in|since|during|from|until|between|of)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?:(?P<month>" + "|".join(name.lower() for name in MONTH_NAMES) + r")\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# What YEAR_REFERENCE cannot match without, found by re's fast scan for its first digit: most
# sentences name no year, and the search for the whole pattern tries every word of them.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


# "the US-led coalition", "Iran-backed" (tokenized: "US - led"), "the US and Nato-led operation":
# a state that leads or backs acts, and is no place anything is in.
LED_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w.]*)?\s?[-‐]\s?(?:backed|led|supported|sponsored|allied|brokered|installed|appointed)\b")
# "the Balochistan government", "the Tigray regional government", "the Kaduna State Government": a
# division's government, an actor, and the division a place of the story as well.
GOVERNMENT_AFTER = re.compile(r"\s+(?:(?:state|provincial|regional)\s+)?government\b", re.IGNORECASE)
# A head of state's or of government's title after a country or its demonym names its holder, who
# is listed: "French President Nicolas Sarkozy", "UK Prime Minister Theresa May" are no mention of
# their governments (actors where the story has them act otherwise: their ministers, forces, their
# country's name) and of no place.
HEAD_OF_STATE_AFTER = re.compile(r"\s(?:(?:[Vv]ice|[Aa]cting|[Ii]nterim)\s+)?(?:President|Prime\s+Minister|Chancellor|Premier|"
                                 r"president|prime\s+minister|premier)\b")


# "calls for restraint from the US", "pressure from Washington", "aid from Britain", "denials from
# Washington": what comes from a country there is its government's doing; the country is no place
# anything is in (but "expels diplomats from London": the city they leave).
BACKING_FROM = re.compile(
    r"\b(?:(?:calls?|demands?|requests?)(?:\s+for\s+[\w-]+)?|pressure|support|aid|help|assistance|backing|criticism|"
    r"condemnation|warnings?|approval|permission|opposition|funding|space|denials?|assurances?|threats?|"
    r"protests?|objections?|guarantees?|signals?|statements?|aggression|interference|retaliation|instructions|"
    r"accusations?|allegations?|complaints?|claims|charges|comments?|response|reaction|word|"  # "no comment from Israel"
    # what a state supplies: "buying bombs from the US", "attention from America"
    r"orders|attention|weapons|arms|bombs|missiles|equipment|loans?|money|funds|grants?|"
    r"offers?(?:\s+of\s+[\w-]+)?|invitations?|asylum)\s+from\s+(?:the\s+)?$",  # "an offer of asylum from Nigeria"
    re.IGNORECASE)


# "the deaths of 861 journalists over the past two decades", "89 civilians killed in the past
# seven days", "seven days of airstrikes had left 75 dead": a count over days, weeks or years is
# a tally, not one event's (a day's toll, "in the past 24 hours", is not).
_SEVERAL = r"(?:three|four|five|six|seven|eight|nine|ten|several|few|\d{1,3})"
PAST_PERIOD = re.compile(
    r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:(?:\w+\s+)?(?:years|months|decades?|weeks)|" + _SEVERAL + r"\s+days)\b"
    # "four days of fighting", not "three days of national mourning"
    r"|\b" + _SEVERAL + r"\s+(?:days|weeks|months|years)\s+of\s+(?:[\w-]+\s+)?(?:fighting|clashes|violence|air\s?strikes"
    r"|air\s?raids|strikes|shelling|bombardments?|bombings?|attacks|raids|battles?|combat|unrest|protests|hostilities"
    r"|war|conflict|siege|offensive|operations|killings)\b",
    re.IGNORECASE)
# "In June, a suicide bombing killed 32": a month named alone, not the reference's, is past (a
# figure is counted after it happens); with a day or a year the dates module reads it.
_MONTH_ALONE = re.compile(
    r"\b(?i:in|during)\s+(?i:early\s+|late\s+|mid-?)?(?P<month>" + "|".join(MONTH_NAMES) + r")\b(?!\s*,?\s*\d)")


# "two rangers were shot dead last year", "a bombing two years ago": a year or more back.
_YEARS_BACK = re.compile(r"\b(?:last|previous)\s+year\b|\b(?:years|a\s+year|one\s+year)\s+(?:ago|earlier)\b",
                         re.IGNORECASE)


def names_an_earlier_time(sentence: str, reference: dt.date | None) -> bool:
    """The sentence dates something by a year (and month) before `reference`, or a year or
    more back, or counts over past years or decades; "since 2011" counts from long ago even
    when the reference is unknown."""
    if PAST_PERIOD.search(sentence) or _YEARS_BACK.search(sentence):
        return True
    if reference is not None and any(MONTH_NUMBERS[match["month"].lower()] != reference.month
                                     for match in _MONTH_ALONE.finditer(sentence)):
        return True
    for match in YEAR_REFERENCE.finditer(sentence) if _YEAR_DIGITS.search(sentence) else ():
        if reference is None:
            if match["preposition"].lower() in ("since", "from", "between"):
                return True
            continue
        month = MONTH_NUMBERS.get(match["month"].lower(), 0) if match["month"] else 0
        if (int(match["year"]), month or reference.month) < (reference.year, reference.month):
            return True
    return False

# Verbs that report speech: "X said", "told X". Each extractor adds the verbs only it needs.
SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|explained|noted|warned|urged|insisted|claimed|"
    r"confirmed|announced|declared|wrote|tweeted|argued|stressed|asked|replied|responded|vowed|"
    r"pledged"
)

# Numbers written as words, and the vague amounts news give instead ("dozens" counts as 12).
NUMBER_WORDS = MappingProxyType({
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
})  # fmt: skip
# The ordinal of each count up to twenty: "five were killed and the sixth died later" counts six.
ORDINAL_NUMBERS = MappingProxyType({word: number for number, word in enumerate(
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth"
    " sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=2)})
VAGUE_AMOUNTS = MappingProxyType({"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "several": 3})

# Titles and roles written before a name: stripped from it, and evidence that it is a person. South
# Asian, Spanish, Portuguese and French ranks too, and honorifics ("Shri Ravindra Netam", "Engr. Musa
# Bello", "Hon Abdulmalik Zubairu"); not "Mullah" or "Haji", which open names known by them (the
# knowledge base's given names). Ranks written as acronyms ("ADGP Anand Jain") are never inside a
# name's run of capitalised words: actors._TITLE_BEFORE knows them.
TITLE_WORDS = frozenset(
    """president prime minister secretary foreign defense defence interior state general gen lt col
    colonel major maj captain capt brigadier brig adm cdr cmdr supt commander chief director country spokesman spokeswoman
    spokesperson ambassador envoy special deputy vice senator sen rep representative governor gov
    mayor king queen prince princess crown emir sheikh sheik imam ayatollah mufti patriarch pope
    bishop archbishop dr doctor prof professor mr mrs ms miss sir chancellor premier
    speaker chairman chairwoman chairperson head leader officer sergeant sgt admiral marshal lieutenant
    undersecretary commissioner high coordinator rapporteur counterpart executive regional
    humanitarian affairs adviser advisor senior prosecutor judge specialist spc pfc cpl corporal
    pvt private inspector sheriff analyst researcher economist attorney lawyer journalist journalists
    photojournalist photojournalists reporter correspondent photographer actress actor singer poet
    writer blogger businessman businesswoman priest cleric cameraman camerawoman superintendent pte lance
    rifleman guardsman trooper sapper gunner fusilier criminologist sociologist ombudsman lord lady baroness
    constable havildar havaldar hawaldar naik sepoy subedar cardinal pastor reverend rev justice
    father sister comandante subcomandante teniente tenente capitan comodoro vicecomodoro
    almirante sargento commandant capitaine sainik shri shrimati smt engr barr mallam ustaz comrade parliamentarian congressman
    congresswoman legislator lawmaker hon honourable honorable """  # a space: the next string's first word is its own
    # and the roles news give the people they quote: "Villager Myo Min said", "Witness Abas Ahmed"
    """witness eyewitness villager resident policeman policewoman survivor herder fisherman shopkeeper
    trader vendor driver teacher nurse medic paramedic""".split()
)

# Honorifics that Somali and Arabic names carry after a given name ("Hassan Sheikh Mohamud").
NAME_HONORIFICS = frozenset(("sheikh", "sheik", "shaikh"))

# Capitalised last words of a quarter's, a street's or a market's own name, never of a person's
# nor of a country's: "Faisal Town", "Lahore's Joseph Colony", "Mali Colony", "Iran Road".
PLACE_NAME_ENDS = frozenset(
    "town city colony road street square avenue boulevard highway bridge bazaar chowk district village sector block camp market"
    " area township".split())  # "Jere Local Government Area", "Monywa Township"
# Last words of the names of forces, armed groups and parties, which often open with a region's
# name: "Royal Ulster Constabulary", "Ulster Freedom Fighters", "Kachin Independence Army".
FORCE_NAME_ENDS = frozenset(
    "constabulary fighters force forces regiment volunteers army brigade brigades militia party association".split())
# Last words of newspapers' and news sites' names, which often open with their city's ("Belfast
# Telegraph", "The Jakarta Post", "Columbus Dispatch") and make a person of no first name before
# them ("Business Insider", "Kyiv Post"; not "Emily Post").
OUTLET_NAME_ENDS = frozenset(
    "telegraph times post herald tribune gazette journal chronicle observer examiner courier inquirer insider dispatch"
    .split())
# A kind of place after a name makes it that place, whoever shares the name: "stormed Kundu
# village ... said Yusuf Kundu".
PLACE_KIND_AFTER = re.compile(
    r"\s+(?:village|town|city|district|province|state|region|county|camp|area|neighbou?rhood)\b")
# Last words of the names of plans, agreements and polities, never of a person: "the Humanitarian
# Response Plan", "the Minsk Agreement", "the Donetsk People's Republic".
NON_PERSON_NAME_ENDS = frozenset(
    """plan agreement agreements accord accords treaty resolution doctrine protocol memorandum roadmap strategy
    republic kingdom emirate caliphate causeway roundabout harbor harbour""".split())

# Nouns after a nationality word that make it a language ("its Spanish acronym", "Arabic-language
# media"): no sign of which country an article is about.
LANGUAGE_NOUNS = frozenset(
    "acronym acronyms initials language languages word words name names term terms translation speaking speakers speaker subtitles version edition".split())

# The nouns that end the field of an organisation's name after an "and": "Center for Strategic and
# International Studies", "Directorate of Arms and Munitions Control", "Ministry of Labour and
# Social Affairs". An "and" before any other word ("Ministry of Defence and John Smith") joins two names.
NAME_FIELD_NOUNS = frozenset(
    """studies affairs development control research cooperation security peace justice reconciliation
    reconstruction relief planning information communications rights liberties freedom
    freedoms democracy accountability transparency trade industry investment finance economy
    agriculture health welfare labour labor employment education culture tourism environment
    energy transport transportation infrastructure housing services operations analysis policy
    policies intelligence munitions explosives firearms weapons arms drugs narcotics crime
    prevention protection documentation monitoring unity dialogue progress liberation resistance
    resources migration refugees displacement statistics technology sciences science combat""".split())

# How an attack was made, for telling incidents apart: two reports of one day and place are one
# incident unless one says "car bomb" and the other only "air strike". A report may name several.
# Fire from afar is one kind: witnesses and outlets often cannot tell a missile from a rocket, or
# an air raid from shelling, and call one attack by both.
ATTACK_KINDS = MappingProxyType({
    "bombardment": r"air\s*strikes?|strikes|air\s*raids?|raids|warplanes?|jets?|aircraft|helicopters?|barrel\s+bombs?"
                   r"|bombing\s+raids?|bombard\w*|aerial|drones?|missiles?|sorties"
                   r"|shell(?:s|ing|ed)?|mortars?|rockets?|artillery|projectiles?",
    "bombing": r"car\s+bombs?|bomb\s+attacks?|suicide\s+bombers?|blasts?|explosions?|explosives?|suicide|ieds?|land\s*mines?|mines"
               r"|booby|detonat\w*",
    "chemical": r"chemical|gas|sarin|chlorine|toxic|poison(?:ous)?|nerve\s+agent|suffocation",
    "ground fighting": r"clash(?:es)?|fighting|battles?|offensive|ambush|gunmen|gunfire|sniper|shot",
    "massacre": r"massacre|executed|executions?|beheaded",
})

# Religious and ethnic communities counted in tolls ("12 Kurds", "five Alawites"); nationalities
# come from the world base.
COMMUNITIES = frozenset(
    "shiites sunnis alawites christians muslims kurds yazidis druze jews copts turks protestants catholics hindus"
    " buddhists sikhs".split())

# Words that are never a name: an alias equal to one would mark every "the" or "said" of every
# article as a mention, so the knowledge base refuses it.
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of in on at to for by with from as is are was were be been it its he she they "
    "we i you him her them his their our this that these those who which what said says say told "
    "not no yes all any some one two there here also than then".split())

# Phrases that name the government of the country a story is about, whichever it is: "the
# government denies", "regime forces shelled" (a region pack may tie more to one government).
# Not names: an entity's aliases leave them out.
GOVERNMENT_REFERENCES = ("the government", "the regime", "government forces", "government troops",
                         "pro-government forces", "regime forces", "regime troops", "government soldiers",
                         "the federal government", "the central government", "the transitional government",
                         "the transitional federal government", "the interim government", "federal forces",
                         "federal troops", "the junta", "the military junta", "the ruling junta", "junta forces",
                         "junta troops", "junta soldiers", "the military council", "the military government",
                         "the internationally recognised government", "the internationally recognized government",
                         "the army", "army troops", "army soldiers")

# Nouns of nationality, which name a person ("Briton Ken Bigley", "Spaniard Manuel Varela"); the
# countries' data lists them with their adjectives (world.yaml nationalities, the knowledge base's
# demonyms).
NATIONALITY_NOUNS = frozenset(
    "briton spaniard frenchman frenchwoman englishman englishwoman scotsman welshman irishman dutchman swede".split())

# What a government's ministries are for, as news names them ("the Health Ministry", "Ministry
# of Foreign Affairs"), and the one name each field's ministry takes ("Foreign Ministry (Russia)"
# for "Russia's Ministry of Foreign Affairs" and "the Russian foreign ministry").
MINISTRY_FIELDS = (
    "foreign affairs", "foreign", "interior", "internal affairs", "home affairs", "defence", "defense", "justice",
    "health", "finance", "information", "public security", "security", "education", "higher education",
    "agriculture", "energy", "oil", "electricity", "water", "transport", "labour", "labor", "culture", "tourism",
    "economy", "trade", "industry", "environment", "social affairs", "human rights", "planning", "communications",
    "housing", "religious affairs", "migration", "displacement and migration", "emergencies", "emergency situations",
    "public health")
MINISTRY_FIELD_NAMES = MappingProxyType({"foreign affairs": "Foreign", "internal affairs": "Interior",
                                         "defence": "Defense", "labour": "Labor", "public health": "Health"})

# Words that make a name a building or a facility, not an actor: "Buckingham Palace", "Dar
# al-Shifa hospital", "Tahrir Street".
FACILITY_WORDS = frozenset(
    """mosque hospital school church street square airport airbase base prison stadium bridge camp
    dam road highway market souq bakery university clinic complex palace hotel station""".split()
)

# Nouns for a ship, and the prefixes navies put before ships' names: the name after them is a
# vessel's ("the warship Moskva", "the landing ship Saratov", "USS Carney"), not the place or
# the person it is named after.
VESSEL_NOUNS = ("warship", "cruiser", "frigate", "destroyer", "corvette", "submarine", "vessel", "tanker", "freighter",
                "flagship", "ship", "boat", "trawler", "ferry", "aircraft carrier")
VESSEL_PREFIXES = ("USS", "HMS", "INS", "HMCS", "HMAS", "MV", "MT")

# British spellings and the American ones news also use, for one body's name in either: the "Ulster
# Defence Association" and the "Ulster Defense Association".
AMERICAN_SPELLINGS = MappingProxyType({
    "defence": "defense", "offence": "offense", "centre": "center", "theatre": "theater",
    "organisation": "organization", "labour": "labor", "programme": "program",
    "honour": "honor", "neighbourhood": "neighborhood", "armoured": "armored", "harbour": "harbor",
})
