"""Two dates side by side: which countries' principal partner differs between them, and since when.

`?date=2021-12&compare=2024-12` shows two maps; this module says in words what differs ("Mali:
French forces → Russian forces, instructors or arms, 15 August 2022"), for the page, the embed, the
snapshots and their alt text alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from data.context import AppData
from data.i18n import Lang, format_date, t
from data.period import Period
from data.state import Alignment
from geodata.names import FOCUS


@dataclass(frozen=True)
class Difference:
    """A country coloured differently on the two dates: from the earlier colour to the later, and
    the day of the last change between them."""

    country: str
    before: Alignment
    after: Alignment
    on: dt.date | None


def in_order(data: AppData, first: Period, second: Period) -> tuple[Period, Period]:
    """The two periods, the earlier first."""
    return (first, second) if data.as_of(first) <= data.as_of(second) else (second, first)


def differences(data: AppData, first: Period, second: Period) -> tuple[Difference, ...]:
    """The focus countries whose colour differs between the two periods, in map order."""
    earlier, later = in_order(data, first, second)
    start, end = data.as_of(earlier), data.as_of(later)
    before, after = data.states_on(start), data.states_on(end)
    found = []
    for country in FOCUS:
        if before[country].alignment == after[country].alignment:
            continue
        between = [c.on for c in data.country_changes(country) if start < c.on <= end]
        last = max(between, default=None)
        found.append(Difference(country, before[country].alignment, after[country].alignment, last))
    return tuple(found)


def difference_text(data: AppData, difference: Difference, lang: Lang) -> str:
    """ "Mali: French forces → Russian forces, instructors or arms, 15 August 2022"."""
    text = t(
        "panel.change",
        lang,
        country=data.shapes.name(difference.country, lang),
        before=t(f"alignment.{difference.before.value}", lang),
        after=t(f"alignment.{difference.after.value}", lang),
    )
    return text + (f", {format_date(difference.on, lang)}" if difference.on else "")


def compare_title(data: AppData, first: Period, second: Period, lang: Lang) -> str:
    """ "31 December 2021 and 31 December 2024 compared"."""
    earlier, later = in_order(data, first, second)
    return t(
        "compare.title",
        lang,
        first=format_date(data.as_of(earlier), lang),
        second=format_date(data.as_of(later), lang),
    )


def compare_summary(data: AppData, first: Period, second: Period, lang: Lang) -> str:
    """What differs, in one sentence list (alt text, the text snapshot)."""
    found = differences(data, first, second)
    if not found:
        return t("compare.none", lang)
    lines = t("compare.sep", lang).join(difference_text(data, d, lang) for d in found)
    return f"{t('compare.changed', lang)} {lines}."
