"""Every component id in the app, shared by layouts, callbacks and tests."""

from __future__ import annotations

from enum import StrEnum


class Id(StrEnum):
    LOCATION = "location"
    PAGE = "page"
    PAGE_LOCATION = "page-location"  # the address as the map page reads and writes it
    DOC_LANG = "document-lang"
    COMPACT = "compact-store"
    LANG = "lang-store"
    NOTICE = "notice"
    MAP = "map"
    YEAR_SLIDER = "year-slider"
    YEAR_DISPLAY = "year-display"
    AS_OF = "as-of"
    PREV = "year-prev"
    NEXT = "year-next"
    PLAY = "year-play"
    PLAY_TIMER = "play-timer"
    SUMMARY = "year-summary"
    CHANGES = "year-changes"
    EVENTS = "year-events"
    EVENTS_TITLE = "year-events-title"
    LEGEND = "legend"
    LENS = "lens"
    BASES = "bases-toggle"
    COUNTRY = "country-store"
    COUNTRY_BUTTON = "country-button"  # pattern-matching: {"type": COUNTRY_BUTTON, "country": ISO3 or "ALL"}
    PANEL = "panel"
    TIMELINE = "timeline"
    TIMELINE_TITLE = "timeline-title"
    TABLE_COUNTRY = "table-country"
    TABLE_YEAR = "table-year"
    TABLE_PARTNER = "table-partner"
    TABLE_BODY = "table-body"
    TABLE_COUNT = "table-count"
