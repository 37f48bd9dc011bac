"""The view a URL asks for, and the query string for a view: one tested pair of functions.

`parse_query` never fails: a bad value falls back to its default and leaves a notice (a translation
key and its values) that the page shows as text. `to_query` leaves defaults out, so the plainest
view has the plainest URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode

from geodata.names import FOCUS
from layouts.i18n import DEFAULT_LANG, Lang, parse_lang

Notice = tuple[str, dict[str, object]]

ALIGNMENT_LENS = "alignment"
# The partners the map can be coloured by (besides the default alignment view).
PARTNER_LENSES: tuple[str, ...] = ("FRA", "RUS", "UN", "EU", "USA", "TUR")
LENSES: tuple[str, ...] = (ALIGNMENT_LENS, *PARTNER_LENSES)


@dataclass(frozen=True)
class ViewState:
    year: int
    lang: Lang = DEFAULT_LANG
    country: str | None = None  # one of the focus countries, or None for the four together
    lens: str = ALIGNMENT_LENS
    bases: bool = True
    notices: tuple[Notice, ...] = field(default=(), compare=False)

    def with_(self, **changes: object) -> ViewState:
        return replace(self, **changes)


def _clean(value: str, limit: int = 40) -> str:
    """Shorten what we echo back; the page renders it as text, never as HTML."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def query_args(search: str | None) -> dict[str, str]:
    """`?year=2023&lang=fr` -> {"year": "2023", "lang": "fr"}; the first value of a key wins."""
    args: dict[str, str] = {}
    for key, value in parse_qsl((search or "").removeprefix("?"), keep_blank_values=True):
        args.setdefault(key, value)
    return args


def parse_query(args: Mapping[str, str], years: range) -> ViewState:
    notices: list[Notice] = []
    year = years[-1]
    raw = args.get("year")
    if raw is not None:
        text = raw.strip()
        if text.isascii() and text.isdigit() and int(text) in years:
            year = int(text)
        else:
            notices.append(
                (
                    "notice.bad_year",
                    {"value": _clean(raw), "first": years[0], "last": years[-1], "year": year},
                )
            )
    lang: Lang = DEFAULT_LANG
    raw = args.get("lang")
    if raw is not None:
        parsed = parse_lang(raw.strip().lower())
        if parsed is None:
            notices.append(("notice.bad_lang", {"value": _clean(raw)}))
        else:
            lang = parsed
    country = None
    raw = args.get("country")
    if raw is not None and raw.strip():
        if raw.strip().upper() in FOCUS:
            country = raw.strip().upper()
        else:
            notices.append(("notice.bad_country", {"value": _clean(raw)}))
    lens = ALIGNMENT_LENS
    raw = args.get("lens")
    if raw is not None and raw.strip():
        wanted = raw.strip()
        match = next((name for name in LENSES if name.lower() == wanted.lower()), None)
        if match is None:
            notices.append(("notice.bad_lens", {"value": _clean(raw)}))
        else:
            lens = match
    bases = True
    raw = args.get("bases")
    if raw is not None:
        if raw.strip() in ("0", "1"):
            bases = raw.strip() == "1"
        else:
            notices.append(("notice.bad_bases", {"value": _clean(raw)}))
    return ViewState(year=year, lang=lang, country=country, lens=lens, bases=bases, notices=tuple(notices))


def to_query(view: ViewState, years: range) -> str:
    """The query string for a view, leaving out defaults ("" for the default view)."""
    parts: list[tuple[str, str]] = []
    if view.year != years[-1]:
        parts.append(("year", str(view.year)))
    if view.country is not None:
        parts.append(("country", view.country))
    if view.lens != ALIGNMENT_LENS:
        parts.append(("lens", view.lens))
    if not view.bases:
        parts.append(("bases", "0"))
    if view.lang != DEFAULT_LANG:
        parts.append(("lang", view.lang))
    return "?" + urlencode(parts) if parts else ""


def coerce_year(value: object, years: range) -> int:
    """A year from a callback input (any JSON a client sends); the latest year when it is not one."""
    if isinstance(value, bool):
        return years[-1]
    if isinstance(value, int | float) and float(value).is_integer() and int(value) in years:
        return int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value) if int(value) in years else years[-1]
    return years[-1]


def view_from_inputs(
    years: range,
    year: object,
    lang: object = DEFAULT_LANG,
    country: object = None,
    lens: object = ALIGNMENT_LENS,
    bases: object = True,
) -> ViewState:
    """The view that callback inputs describe, whatever a client sends: bad values become defaults."""
    return ViewState(
        year=coerce_year(year, years),
        lang="fr" if lang == "fr" else DEFAULT_LANG,
        country=country if isinstance(country, str) and country in FOCUS else None,
        lens=lens if isinstance(lens, str) and lens in LENSES else ALIGNMENT_LENS,
        bases=bool(bases),
    )
