"""Every component id in the app, shared by layouts, callbacks and tests."""

from __future__ import annotations

from enum import StrEnum


class Id(StrEnum):
    LOCATION = "location"
    PAGE = "page"
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
