"""English words the pipeline reads and writes, in one place: another language is added as data
beside these, not by editing every extractor."""

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
WEEKDAY_WORDS = frozenset((*WEEKDAYS, "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"))

# Verbs that report speech: "X said", "told X". Each extractor adds the verbs only it needs.
SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|explained|noted|warned|urged|insisted|claimed|"
    r"confirmed|announced|declared|wrote|tweeted|argued|stressed|asked|replied|responded|vowed|"
    r"pledged"
)

# How an attack was made, for telling incidents apart: two reports of one day and place are one
# incident unless one says "car bomb" and the other only "air strike". A report may name several.
ATTACK_KINDS = MappingProxyType({
    "air strike": r"air\s*strikes?|strikes|air\s*raids?|raids|warplanes?|jets?|aircraft|helicopters?|barrel\s+bombs?"
                  r"|bombing\s+raids?|bombard\w*|aerial|drones?|missiles?|sorties",
    "shelling": r"shell(?:s|ing|ed)?|mortars?|rockets?|artillery|projectiles?",
    "bombing": r"car\s+bombs?|bomb\s+attacks?|suicide\s+bombers?|blasts?|explosions?|explosives?|suicide|ieds?|land\s*mines?|mines"
               r"|booby|detonat\w*",
    "chemical": r"chemical|gas|sarin|chlorine|toxic|poison(?:ous)?|nerve\s+agent|suffocation",
    "ground fighting": r"clash(?:es)?|fighting|battles?|offensive|ambush|gunmen|gunfire|sniper|shot",
    "massacre": r"massacre|executed|executions?|beheaded",
})

# Words that are never a name: an alias equal to one would mark every "the" or "said" of every
# article as a mention, so the knowledge base refuses it.
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of in on at to for by with from as is are was were be been it its he she they "
    "we i you him her them his their our this that these those who which what said says say told "
    "not no yes all any some one two there here also than then".split())
