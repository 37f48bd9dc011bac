"""Sentences that say in words what the map shows in colour."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from data.state import Alignment, CountryState
from geodata.names import FOCUS
from geodata.shapes import Shapes
from layouts.i18n import Lang, format_date, join_words, t


def year_summary(
    shapes: Shapes,
    states: Mapping[str, CountryState],
    year: int,
    on: dt.date,
    lang: Lang,
) -> str:
    """E.g. "At the end of 2023 — French forces: Chad. Russian forces or instructors: Mali."."""
    if on == dt.date(year, 12, 31):
        intro = t("summary.intro", lang, year=year)
    else:
        intro = t("summary.intro_current", lang, date=format_date(on, lang))
    groups = []
    for klass in Alignment:
        countries = [shapes.name(c, lang) for c in FOCUS if c in states and states[c].alignment == klass]
        if countries:
            label = t(f"alignment.{klass.value}", lang)
            groups.append(
                t(
                    "summary.group",
                    lang,
                    label=label,
                    countries=join_words(countries, lang),
                )
            )
    return f"{intro} — " + ". ".join(groups) + "."
