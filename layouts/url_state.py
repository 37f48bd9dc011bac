"""The view a URL asks for, and the notices for the parts of it we could not honour.

`parse_query` never fails: a bad value falls back to the default and leaves a notice (a translation
key and its values) that the page shows as text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from layouts.i18n import DEFAULT_LANG, Lang, parse_lang

Notice = tuple[str, dict[str, object]]


@dataclass(frozen=True)
class ViewState:
    year: int
    lang: Lang = DEFAULT_LANG
    notices: tuple[Notice, ...] = field(default=(), compare=False)


def _clean(value: str, limit: int = 40) -> str:
    """Shorten what we echo back; the page renders it as text, never as HTML."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def parse_query(args: Mapping[str, str], years: range) -> ViewState:
    default_year = years[-1]
    notices: list[Notice] = []
    year = default_year
    raw_year = args.get("year")
    if raw_year is not None:
        text = raw_year.strip()
        if text.isascii() and text.isdigit() and int(text) in years:
            year = int(text)
        else:
            notices.append(
                (
                    "notice.bad_year",
                    {
                        "value": _clean(raw_year),
                        "first": years[0],
                        "last": years[-1],
                        "year": year,
                    },
                )
            )
    lang: Lang = DEFAULT_LANG
    raw_lang = args.get("lang")
    if raw_lang is not None:
        parsed = parse_lang(raw_lang.strip().lower())
        if parsed is None:
            notices.append(("notice.bad_lang", {"value": _clean(raw_lang)}))
        else:
            lang = parsed
    return ViewState(year=year, lang=lang, notices=tuple(notices))


def to_query(view: ViewState, years: range) -> str:
    """The query string for a view, leaving out defaults ("" for the default view)."""
    parts = []
    if view.year != years[-1]:
        parts.append(f"year={view.year}")
    if view.lang != DEFAULT_LANG:
        parts.append(f"lang={view.lang}")
    return "?" + "&".join(parts) if parts else ""
