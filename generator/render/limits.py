"""How much each page shows: every page is bounded whatever the size of the dossier.

Long lists are capped and the exports (content/exports/) hold everything. The ledger and the
timeline are split instead: a ledger page holds the events of a month (of a day, in a crowded
month), a timeline page the dates of a month. The caps also keep `mkdocs build` and the search
index linear: a page costs the builder time per link and per table row.

Modules read these as `limits.NAME` at call time, so that tests can lower them.
"""

MAX_CONTEXTS_PER_ENTITY = 30
MAX_BRIEFINGS_PER_PAGE = 50
MAX_QUOTES_PER_PAGE = 20
MAX_FIGURES_PER_PAGE = 30
MAX_LATEST_BRIEFINGS = 8
MAX_TOP_ENTITIES = 12
# Up to this many events, figures.md is the whole ledger; beyond, it is an overview (ledger
# pages, the events with the most claims) and each month has its ledger page, figures/2016-09.md;
# a month of more than MAX_EVENTS_PER_LEDGER_PAGE events has a page per day, figures/2016-09-23.md.
MAX_EVENTS = 100
MAX_EVENTS_PER_LEDGER_PAGE = 200
MAX_CLAIMS_PER_EVENT = 20
MAX_HEADLINE_EVENTS = 5
MAX_BACKGROUND_CLAIMS = 30  # figures.md: background claims shown; figures.csv has every one
MAX_STRONG_PAIRS = 30
# Up to this many dates, timeline.md holds them all; beyond, it shows the busiest and each month
# has its page, timeline/2016-09.md.
MAX_TIMELINE_DATES = 60
MAX_ENTRIES_PER_DATE = 10  # statements per date; the JSON export has every one
MAX_OUTLETS = 100  # sources.md: the outlets with the most briefings
MAX_BRIEFINGS_PER_OUTLET = 20
ENTITIES_PER_INDEX_PAGE = 300  # actors/index.md, then actors/page-2.md, ...; places alike
BRIEFINGS_PER_INDEX_PAGE = 200  # briefings/index.md, then briefings/page-2.md, ... linked in a row
