"""Every component id in the app, shared by layouts, callbacks and tests."""

from __future__ import annotations

from enum import StrEnum


class Id(StrEnum):
    LOCATION = "location"
    PAGE = "page"
    PAGE_LOCATION = "page-location"  # the address as the map page writes it
    HISTORY_LOCATION = "history-location"  # the address as back and forward change it
    FOLLOWING = "following-store"  # the address back/forward chose, while the controls catch up
    DOC_LANG = "document-lang"
    COMPACT = "compact-store"
    LANG = "lang-store"
    NOTICE = "notice"
    MAP = "map"
    MAP_FRAMES = "map-frames"  # every year's map arrays for the current lens, country and bases
    YEAR_SLIDER = "year-slider"
    YEAR_DISPLAY = "year-display"
    AS_OF = "as-of"
    REVIEW = "review-notice"  # "Data reviewed up to … — later changes are not shown"
    PREV = "year-prev"
    NEXT = "year-next"
    PLAY = "year-play"
    SPEED = "year-speed"  # play speed, read by assets/map.js
    SETTLED = "settled-store"  # the slider's month once it has rested (assets/map.js)
    SUMMARY = "year-summary"
    CHANGES = "year-changes"
    EVENTS = "year-events"
    EVENTS_TITLE = "year-events-title"
    LEGEND = "legend"
    GUIDE_TOGGLE = "guide-toggle"  # the "?" beside the legend's title (assets/legend.js)
    GUIDE = "reading-guide"  # how to read the map, behind the "?"
    GUIDE_SECTION = "how-to-read"  # the same sentences atop the methodology page
    LENS = "lens"
    BASES = "bases-toggle"
    COUNTRY = "country-store"
    COUNTRY_BUTTON = "country-button"  # pattern-matching: {"type": COUNTRY_BUTTON, "country": ISO3 or "ALL"}
    PANEL = "panel"
    PANEL_KEY = "panel-key"  # the year, country and language the panel's second part shows
    TIMELINE = "timeline"
    TIMELINE_TITLE = "timeline-title"
    TABLE_SEARCH = "table-search"
    TABLE_COUNTRY = "table-country"
    TABLE_PARTNER = "table-partner"
    TABLE_TYPE = "table-type"
    TABLE_FROM = "table-from"
    TABLE_TO = "table-to"
    TABLE_SORT = "table-sort"
    TABLE_FOLLOW = "table-follow"  # the table's country and end date follow the map's
    TABLE_QUERY = "table-query"  # the table's own parameters, for the address (`data.view.table_parts`)
    TABLE_ASKED = "table-asked"  # the table's parameters of an address reached by back or forward
    TABLE_DOWNLOAD = "table-download"  # "Download these rows"
    TABLE_BODY = "table-body"  # written by assets/table.js from TABLE_ROWS
    TABLE_ROWS = "table-rows"
    TABLE_ROWS_KEY = "table-rows-key"  # which rows were sent: the same rows are not sent again
    TABLE_COUNT = "table-count"
    TABLE_SHOWN = "table-shown"  # the events table has come near the screen (assets/map.js)
    # The embeddable view (/embed)
    EMBED_VIEW = "embed-view"  # the view's fixed settings: lang, country, lens, bases
    EMBED_THEME = "embed-theme"  # the theme drawn: light or dark (`auto` resolved by the reader's browser)
    EMBED_MAP = "embed-map"
    EMBED_SLIDER = "embed-slider"
    EMBED_YEAR = "embed-year"
    EMBED_CREDIT = "embed-credit"
    EMBED_REVIEW = "embed-review"
    EMBED_FULL_LINK = "embed-full-link"
    # The share dialog
    SHARE = "share"
    SHARE_LINK = "share-link"
    SHARE_EMBED = "share-embed"
    SHARE_COPY_LINK = "share-copy-link"
    SHARE_COPY_EMBED = "share-copy-embed"
    SHARE_STATUS = "share-status"
    SHARE_PNG = "share-png"
    SHARE_SVG = "share-svg"
    SHARE_CSV = "share-csv"
    SHARE_SERVER_PNG = "share-server-png"
    SHARE_SERVER_SVG = "share-server-svg"
    SHARE_SERVER_TXT = "share-server-txt"
    SHARE_EMBED_DATE = "share-embed-date"  # the embed builder's options
    SHARE_EMBED_MONTH = "share-embed-month"
    SHARE_EMBED_OPTIONS = "share-embed-options"
    SHARE_EMBED_LANG = "share-embed-lang"
    SHARE_EMBED_THEME = "share-embed-theme"
    SHARE_EMBED_HEIGHT = "share-embed-height"
    SHARE_EMBED_ASK = "share-embed-ask"  # the view and options, sent while the share dialog is open
    SHARE_EMBED_BUILT = "share-embed-built"  # the embed they make: code, address, height
    SHARE_PREVIEW = "share-preview"
    SHARE_PRESET = "share-preset"  # the size of the picture the dialog makes
    SHARE_IMAGE = "share-image"  # the image to make in the browser: format, file name, layout
    SHARE_TEXT = "share-text"  # translated strings the share scripts need
    SHARE_CITE = "share-cite"  # "Cite this view": the view's citation in three formats
    SHARE_CITE_CHICAGO = "share-cite-chicago"
    SHARE_CITE_APA = "share-cite-apa"
    SHARE_CITE_BIBTEX = "share-cite-bibtex"
    # A copy button's id is its field's with `copy-` after `share-` (assets/share.js reads it so).
    SHARE_COPY_CITE_CHICAGO = "share-copy-cite-chicago"
    SHARE_COPY_CITE_APA = "share-copy-cite-apa"
    SHARE_COPY_CITE_BIBTEX = "share-copy-cite-bibtex"
    SHARE_CITE_ASK = "share-cite-ask"  # the view and the reader's day, sent while the citation is open
    SHARE_CITE_BUILT = "share-cite-built"  # the citations it makes
    # Two dates compared (?compare=)
    COMPARE_FIRST = "compare-first"  # the earlier date's map
    COMPARE_SECOND = "compare-second"
    COMPARE_PICK = "compare-pick"  # the map page's "Compare with…"
    COMPARE_GO = "compare-go"  # the address the picker leads to
    COMPARE_LINK = "compare-link"
    COMPARE_EMBED = "compare-embed"
    COMPARE_STATUS = "compare-status"
    COMPARE_SHARE = "compare-share"
    COMPARE_CITE = "compare-cite"
    COMPARE_CITE_CHICAGO = "compare-cite-chicago"
    COMPARE_CITE_APA = "compare-cite-apa"
    COMPARE_CITE_BIBTEX = "compare-cite-bibtex"
    # Briefing mode (/present)
    PRESENT_STATE = "present-state"
    PRESENT_KEY = "present-key"  # set by assets/present.js: {"action": ..., "n": a counter}
    PRESENT_LOCATION = "present-location"
    PRESENT_TIMER = "present-timer"
    PRESENT_MAP = "present-map"
    PRESENT_TEXT = "present-text"
    # The presenter's notes (/present/notes), kept in step with the wall by assets/present.js
    NOTES_STATE = "notes-state"
    NOTES_KEY = "notes-key"
    NOTES_TEXT = "notes-text"
    NOTES_LOCATION = "notes-location"
