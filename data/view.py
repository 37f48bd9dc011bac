"""The view: what a reader is looking at, and the address of every page that shows it.

A `View` is the period (and the period it is compared with, if any), the language, the country in
the panel, the lens, whether bases are shown, and the settings of three pages: the embed's slider
(`controls`), the briefing's step (`step`) and the map page's events table (`table`: its search,
filters and order). It is read in one place from whatever brings it in — an address
(`parse_query`), the values of callback inputs (`view_from_inputs`), a snapshot's name and
arguments (`parse_snapshot`) — and written in one place as links (`map_url`, `embed_url`,
`present_url`, `methodology_url`, `snapshot_url`, `download_url`, `table_csv_url`, `oembed_url`).
Nothing else assembles a query string, in Python or in the browser.

Reading never fails. A bad value falls back to its default and leaves a `Notice` that a page shows
as text and a snapshot turns into an HTTP 400 line. Numbers are read only from short digit strings,
so no input can make `int()` raise. An empty value counts as absent. Links leave defaults out, so
the plainest view has the plainest address.
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from data.glossary import anchor
from data.i18n import DEFAULT_LANG, LANGS, Lang, t
from data.period import YEAR_TOKEN, Calendar, Period
from data.presets import DEFAULT_PRESET, PNG_SCALE, PRESETS, Preset, sized_preset
from data.schema import EventType
from data.state import EUROPEAN_UNION, FRANCE, RUSSIA, TURKEY, UNITED_NATIONS, UNITED_STATES
from geodata.names import FOCUS

ALIGNMENT_LENS = "alignment"
# The partners the map can be coloured by, besides the default principal-partner view.
PARTNER_LENSES: tuple[str, ...] = (FRANCE, RUSSIA, UNITED_NATIONS, EUROPEAN_UNION, UNITED_STATES, TURKEY)
LENSES: tuple[str, ...] = (ALIGNMENT_LENS, *PARTNER_LENSES)

MAP_PATH = "/"
EMBED_PATH = "/embed"
PRESENT_PATH = "/present"
NOTES_PATH = "/present/notes"  # the presenter's own window
METHODOLOGY_PATH = "/methodology"
DATA_CHANGES_PATH = "/data-changes"
SNAPSHOT_PREFIX = "/snapshot/"
DOWNLOAD_PREFIX = "/download/"
TABLE_CSV_PATH = DOWNLOAD_PREFIX + "table.csv"  # the events table's rows as shown (`table_csv_url`)
OEMBED_PATH = "/oembed"

PERIOD_KEY = "date"  # the query parameter that names the period: `2023-08` or `2023-08-15`
YEAR_KEY = "year"  # older links: `?year=2023` shows the end of 2023
COMPARE_KEY = "compare"  # a second period shown beside the first: `?date=2021-12&compare=2024-12`
TABLE_EXTRA = "table"  # the map page's events table: `q`, `t_country`, `t_partner`… (`TableQuery`)
# Parameters that belong to one page (the embed, the briefing, the map page's table).
EXTRAS = ("controls", "theme", "step", TABLE_EXTRA)
THEMES = ("light", "dark", "auto")  # /embed: `auto` follows the reader's system setting
ECHO_LENGTH = 40  # characters of a bad value echoed back
NUMBER_LENGTH = 12  # characters; a longer text is never read as a number

IMAGE_FORMATS = ("png", "svg")
SNAPSHOT_FORMATS = (*IMAGE_FORMATS, "txt", "csv")
WIDTH = (320, 4000, 1200)  # min, max, default (px)
HEIGHT = (240, 3000, 540)
COMPARE_HEIGHT = 460  # two maps side by side are wide and low
SCALE = (0.5, 4.0, 1.0)
MAX_PIXELS = 12_000_000  # width × height × scale²: 12 megapixels at most
# Sizes asked of the server are rounded to these steps, so nearby sizes share one cached image.
SIZE_STEP = 20  # px
SCALE_STEPS = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0)


def rounded_size(width: float, height: float, scale: float) -> tuple[int, int, float]:
    """A snapshot's size on the steps the server renders: pixels to `SIZE_STEP`, scale to the nearest
    of `SCALE_STEPS` (a tie goes to the smaller)."""

    def on_step(pixels: float) -> int:
        return int(SIZE_STEP * round(pixels / SIZE_STEP))

    return on_step(width), on_step(height), min(SCALE_STEPS, key=lambda step: (abs(step - scale), step))


@dataclass(frozen=True)
class Notice:
    """A value that could not be used: which parameter, what was wrong, and what is shown instead.

    `problem` and `fallback` name entries of the translation table (`problem.*`, `fallback.*`).
    """

    field: str
    problem: str
    values: tuple[tuple[str, object], ...] = ()
    fallback: str | None = None

    def _values(self, lang: Lang) -> dict[str, object]:
        return {k: v.label(lang) if isinstance(v, Period) else v for k, v in self.values}

    def problem_text(self, lang: Lang) -> str:
        return t(f"problem.{self.problem}", lang, **self._values(lang))

    def message(self, lang: Lang) -> str:
        """The sentence a page shows: the problem and what is shown instead."""
        if self.fallback is None:
            return t("notice.line_alone", lang, problem=self.problem_text(lang))
        fallback = t(f"fallback.{self.fallback}", lang, **self._values(lang))
        return t("notice.line", lang, problem=self.problem_text(lang), fallback=fallback)

    def error(self, lang: Lang) -> str:
        """The line of an HTTP 400 answer: `width: “x” is not a number`."""
        return f"{self.field}: {self.problem_text(lang)}"


# The events table's own parameters. Each starts with `t_` (the search is `q`), so none can clash
# with the map's.
SEARCH_KEY = "q"
TABLE_COUNTRY_KEY = "t_country"
TABLE_PARTNER_KEY = "t_partner"
TABLE_TYPE_KEY = "t_type"
TABLE_FROM_KEY = "t_from"  # a year (from its January) or a month: `2020`, `2020-03`
TABLE_TO_KEY = "t_to"  # a year (to its December), a month or a day: `2023`, `2023-03`, `2023-03-15`
TABLE_SORT_KEY = "t_sort"
TABLE_FOLLOW_KEY = "t_follow"  # `0`: the table keeps its own country and end date
TABLE_KEYS = (
    SEARCH_KEY, TABLE_COUNTRY_KEY, TABLE_PARTNER_KEY, TABLE_TYPE_KEY, TABLE_FROM_KEY, TABLE_TO_KEY,
    TABLE_SORT_KEY, TABLE_FOLLOW_KEY,
)  # fmt: skip
SORTS = ("newest", "oldest")  # by date; newest first is the default
SEARCH_LENGTH = 100  # characters of a search
EVENT_TYPES: tuple[str, ...] = tuple(kind.value for kind in EventType)


@dataclass(frozen=True)
class TableChoices:
    """What the events table's filters offer: every country of the dataset's events (the four
    first) and every partner."""

    countries: tuple[str, ...] = FOCUS
    partners: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableQuery:
    """The events table's search, filters and order, as the address holds them.

    While the table follows the map (`follow`, the default), its country and end date are the map's
    (`table_filters`), so `country` and `end` hold nothing of their own.
    """

    search: str = ""
    country: str | None = None
    partner: str | None = None
    type: str | None = None
    start: Period | None = None  # the first month shown
    end: Period | None = None  # the last month (or day) shown
    oldest_first: bool = False
    follow: bool = True

    def with_(self, **changes: object) -> TableQuery:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class View:
    period: Period
    lang: Lang = DEFAULT_LANG
    country: str | None = None  # one of the focus countries, or None for the four together
    lens: str = ALIGNMENT_LENS
    bases: bool = True
    controls: bool = True  # /embed: the slider under the map
    theme: str = "light"  # /embed: light, dark, or auto (the reader's `prefers-color-scheme`)
    step: int = 1  # /present: the step of the story, from 1
    compare: Period | None = None  # a second period, shown beside the first
    table: TableQuery = TableQuery()  # the map page: the events table's search, filters and order
    notices: tuple[Notice, ...] = field(default=(), compare=False)

    def with_(self, **changes: object) -> View:
        return dataclasses.replace(self, **changes)


def echo(raw: str) -> str:
    """A bad value as it is echoed back: one line, shortened. Pages render it as text, never HTML."""
    value = " ".join(raw.split())
    return value if len(value) <= ECHO_LENGTH else value[: ECHO_LENGTH - 1] + "…"


def query_args(search: str | None) -> dict[str, str]:
    """`?year=2023&lang=fr` -> {"year": "2023", "lang": "fr"}; the first value of a key wins."""
    args: dict[str, str] = {}
    for key, value in parse_qsl((search or "").removeprefix("?"), keep_blank_values=True):
        args.setdefault(key, value)
    return args


def read_int(raw: str) -> int | None:
    """An integer written with ASCII digits (and an optional sign), or None; never raises."""
    text = raw.strip()
    digits = text.removeprefix("-").removeprefix("+")
    if not (0 < len(text) <= NUMBER_LENGTH and digits.isascii() and digits.isdigit()):
        return None
    return int(text)


def read_float(raw: str) -> float | None:
    """A number (`1.5`, `2`, `nan`…), or None; never raises."""
    text = raw.strip()
    if not 0 < len(text) <= NUMBER_LENGTH or not text.isascii():
        return None
    try:
        return float(text)
    except ValueError:
        return None


# One reader per parameter: the raw text (never empty) -> the value, or a Notice.


def _period(raw: str, calendar: Calendar, fallback: Period) -> Period | Notice:
    period = calendar.parse(raw)
    if period is not None:
        return period
    values = (
        ("value", echo(raw)),
        ("first", calendar.first.token()),
        ("last", calendar.last.token()),
        ("period", fallback),  # written in the reader's language
    )
    return Notice(PERIOD_KEY, "period", values, "period")


def _compare(raw: str, calendar: Calendar) -> Period | Notice:
    period = calendar.parse(raw)
    if period is not None:
        return period
    values = (("value", echo(raw)), ("first", calendar.first.token()), ("last", calendar.last.token()))
    return Notice(COMPARE_KEY, "period", values, "compare")


def _lang(raw: str) -> Lang | Notice:
    wanted = raw.strip().lower()
    match = next((lang for lang in LANGS if lang == wanted), None)
    return match or Notice("lang", "lang", (("value", echo(raw)),), "lang")


def _country(raw: str) -> str | Notice:
    wanted = raw.strip().upper()
    if wanted in FOCUS:
        return wanted
    return Notice("country", "country", (("value", echo(raw)), ("codes", ", ".join(FOCUS))), "country")


def _lens(raw: str) -> str | Notice:
    wanted = raw.strip().lower()
    match = next((name for name in LENSES if name.lower() == wanted), None)
    return match or Notice("lens", "lens", (("value", echo(raw)), ("codes", ", ".join(LENSES))), "lens")


def _switch(name: str) -> object:
    def read(raw: str) -> bool | Notice:
        if raw.strip() in ("0", "1"):
            return raw.strip() == "1"
        return Notice(name, name, (("value", echo(raw)),), name)

    return read


def _theme(raw: str) -> str | Notice:
    wanted = raw.strip().lower()
    if wanted in THEMES:
        return wanted
    return Notice("theme", "theme", (("value", echo(raw)), ("themes", ", ".join(THEMES))), "theme")


def _step(raw: str, steps: int) -> int | Notice:
    number = read_int(raw)
    if number is not None and 1 <= number <= steps:
        return number
    return Notice("step", "step", (("value", echo(raw)), ("last", steps)), "step")


def _read(args: Mapping[str, str], key: str, reader, default, notices: list[Notice]):
    raw = args.get(key)
    if raw is None or not raw.strip():
        return default
    value = reader(raw)
    if isinstance(value, Notice):
        notices.append(value)
        return default
    return value


# The events table's parameters (read on the map page only, `TABLE_EXTRA`).


def search_text(raw: str) -> str:
    """A search as it is kept: one line, no control characters, spaces collapsed."""
    return " ".join("".join(c if c.isprintable() else " " for c in raw).split())


_FOLDED = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'", "‘": "'", "«": '"', "»": '"'})


def fold(text: str) -> str:
    """Text as a search compares it: case, accents and ligatures ignored ("État" -> "etat"),
    typographic apostrophes and quotes made plain."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLDED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _search(raw: str) -> str | Notice:
    text = search_text(raw)
    if len(text) > SEARCH_LENGTH:
        return Notice(
            SEARCH_KEY, "table_search", (("value", echo(raw)), ("most", SEARCH_LENGTH)), "table_search"
        )
    return text


def _one_of(key: str, problem: str, choices: tuple[str, ...]) -> object:
    """A reader of one code among `choices`, whatever its case."""

    def read(raw: str) -> str | Notice:
        wanted = raw.strip().casefold()
        match = next((code for code in choices if code.casefold() == wanted), None)
        return match or Notice(key, problem, (("value", echo(raw)), ("codes", ", ".join(choices))), problem)

    return read


def bound_token(period: Period, *, last: bool) -> str:
    """A table's first or last date in an address: a whole year as the year (`2020`), else the
    month or the day."""
    whole_year = period.day is None and period.month == (12 if last else 1)
    return str(period.year) if whole_year else period.token()


def _bound(key: str, calendar: Calendar, *, last: bool) -> object:
    def read(raw: str) -> Period | Notice:
        text = raw.strip()
        if YEAR_TOKEN.fullmatch(text) and int(text) in calendar.years():
            return Period(int(text), 12 if last else 1)
        period = Period.parse(text)
        if period is not None and period in calendar:
            return period
        values = (("value", echo(raw)), ("first", calendar.first.year), ("last", calendar.last.year))
        return Notice(key, "table_date", values, "table_to" if last else "table_from")

    return read


def _follow(raw: str) -> bool | Notice:
    if raw.strip() in ("0", "1"):
        return raw.strip() == "1"
    return Notice(TABLE_FOLLOW_KEY, "table_follow", (("value", echo(raw)),), "table_follow")


def _table(
    args: Mapping[str, str], calendar: Calendar, choices: TableChoices, notices: list[Notice]
) -> TableQuery:
    country = _read(
        args, TABLE_COUNTRY_KEY, _one_of(TABLE_COUNTRY_KEY, "table_country", choices.countries), None, notices
    )
    partner = _read(
        args, TABLE_PARTNER_KEY, _one_of(TABLE_PARTNER_KEY, "table_partner", choices.partners), None, notices
    )
    kind = _read(args, TABLE_TYPE_KEY, _one_of(TABLE_TYPE_KEY, "table_type", EVENT_TYPES), None, notices)
    start = _read(args, TABLE_FROM_KEY, _bound(TABLE_FROM_KEY, calendar, last=False), None, notices)
    end = _read(args, TABLE_TO_KEY, _bound(TABLE_TO_KEY, calendar, last=True), None, notices)
    sort = _read(args, TABLE_SORT_KEY, _one_of(TABLE_SORT_KEY, "table_sort", SORTS), SORTS[0], notices)
    follow = _read(args, TABLE_FOLLOW_KEY, _follow, None, notices)
    own = {TABLE_COUNTRY_KEY: country, TABLE_TO_KEY: end}
    if follow is None:  # an address that names the table's own country or end date asks it to keep them
        follow = not any(value is not None for value in own.values())
    if follow:
        for key, value in own.items():
            if value is not None:
                notices.append(Notice(key, "table_followed", (("value", echo(args[key])),)))
        country = end = None
    if start is not None and end is not None and start.first_day > end.last_day:
        values = (("value", echo(args[TABLE_TO_KEY])), ("start", echo(args[TABLE_FROM_KEY])))
        notices.append(Notice(TABLE_TO_KEY, "table_order", values, "table_to"))
        end = None
    return TableQuery(
        search=_read(args, SEARCH_KEY, _search, "", notices),
        country=country,
        partner=partner,
        type=kind,
        start=start,
        end=end,
        oldest_first=sort == SORTS[1],
        follow=follow,
    )


def table_args(raw: object) -> dict[str, str]:
    """The table's parameters among any JSON a client sends (text values only)."""
    if not isinstance(raw, Mapping):
        return {}
    return {key: value for key, value in raw.items() if key in TABLE_KEYS and isinstance(value, str)}


def table_from_args(args: Mapping[str, str], calendar: Calendar, choices: TableChoices) -> TableQuery:
    """The table's search, filters and order that parameters ask for, read as an address is (bad
    values fall back to the defaults)."""
    return _table(args, calendar, choices, [])


def parse_query(
    args: Mapping[str, str],
    calendar: Calendar,
    *,
    extras: Collection[str] = (),
    steps: int = 0,
    table: TableChoices | None = None,
) -> View:
    """The view an address asks for. `extras` are the page's own parameters (`controls`, `theme`,
    `step`, `table`); `steps` is the length of the briefing story, `table` what the events table's
    filters offer."""
    notices: list[Notice] = []
    latest = calendar.last
    # `date` names the period; an older link's `year` (`?year=2023`: December 2023) is read instead
    # when there is no `date`.
    key = PERIOD_KEY if (args.get(PERIOD_KEY) or "").strip() else YEAR_KEY
    period = _read(args, key, lambda raw: _period(raw, calendar, latest), latest, notices)
    view = View(
        period=period,
        compare=_read(args, COMPARE_KEY, lambda raw: _compare(raw, calendar), None, notices),
        country=_read(args, "country", _country, None, notices),
        lens=_read(args, "lens", _lens, ALIGNMENT_LENS, notices),
        bases=_read(args, "bases", _switch("bases"), True, notices),
        controls=_read(args, "controls", _switch("controls"), True, notices)
        if "controls" in extras
        else True,
        theme=_read(args, "theme", _theme, "light", notices) if "theme" in extras else "light",
        step=_read(args, "step", lambda raw: _step(raw, steps), 1, notices)
        if "step" in extras and steps
        else 1,
        lang=_read(args, "lang", _lang, DEFAULT_LANG, notices),
    )
    if TABLE_EXTRA in extras:
        view = view.with_(table=_table(args, calendar, table or TableChoices(), notices))
    return view.with_(notices=tuple(notices))


def _query(parts: list[tuple[str, str]]) -> str:
    return "?" + urlencode(parts) if parts else ""


def _lang_part(view: View) -> list[tuple[str, str]]:
    return [("lang", view.lang)] if view.lang != DEFAULT_LANG else []


def _parts(view: View, period: str | None, extras: Collection[str] = ()) -> list[tuple[str, str]]:
    """The view's non-default values as query parameters, in the order every link writes them."""
    parts = [(PERIOD_KEY, period)] if period is not None else []
    if view.compare is not None:
        parts.append((COMPARE_KEY, view.compare.token()))
    if view.country is not None:
        parts.append(("country", view.country))
    if view.lens != ALIGNMENT_LENS:
        parts.append(("lens", view.lens))
    if not view.bases:
        parts.append(("bases", "0"))
    if "controls" in extras and not view.controls:
        parts.append(("controls", "0"))
    if "theme" in extras and view.theme != "light":
        parts.append(("theme", view.theme))
    if "step" in extras and view.step != 1:
        parts.append(("step", str(view.step)))
    if TABLE_EXTRA in extras:
        parts += table_parts(view.table)
    return parts + _lang_part(view)


def table_parts(query: TableQuery) -> list[tuple[str, str]]:
    """The table's non-default values as query parameters (its own country and end date only when
    it does not follow the map)."""
    parts = [(SEARCH_KEY, query.search)] if query.search else []
    if not query.follow and query.country is not None:
        parts.append((TABLE_COUNTRY_KEY, query.country))
    if query.partner is not None:
        parts.append((TABLE_PARTNER_KEY, query.partner))
    if query.type is not None:
        parts.append((TABLE_TYPE_KEY, query.type))
    if query.start is not None:
        parts.append((TABLE_FROM_KEY, bound_token(query.start, last=False)))
    if not query.follow and query.end is not None:
        parts.append((TABLE_TO_KEY, bound_token(query.end, last=True)))
    if query.oldest_first:
        parts.append((TABLE_SORT_KEY, SORTS[1]))
    if not query.follow:
        parts.append((TABLE_FOLLOW_KEY, "0"))
    return parts


def table_filters(view: View) -> TableQuery:
    """The table's filters as applied: while it follows the map, the country chosen on the map and
    the events up to the day the map shows."""
    if not view.table.follow:
        return view.table
    return view.table.with_(country=view.country, end=view.period)


def to_query(
    view: View, calendar: Calendar, *, extras: Collection[str] = (), pin_period: bool = False
) -> str:
    """The query string for a view ("" for the default view): defaults are left out, unless
    `pin_period`, which always names the period (an embed must not move on with the years)."""
    pinned = pin_period or view.compare is not None  # two dates: both named, or the link would drift
    period = view.period.token() if pinned or view.period != calendar.last else None
    return _query(_parts(view, period, extras))


def view_from_inputs(
    calendar: Calendar,
    period: object = None,
    lang: object = DEFAULT_LANG,
    country: object = None,
    lens: object = ALIGNMENT_LENS,
    bases: object = True,
) -> View:
    """The view that callback inputs describe, whatever a client sends: bad values become defaults.

    `period` is a slider value, or a day's token (`2023-08-15`: a day shown exactly until the slider
    moves); `bases` is the checklist's value (a list) or a boolean.
    """
    day = calendar.parse(period) if isinstance(period, str) and len(period) <= 10 else None
    return View(
        period=calendar.from_slider(period) or day or calendar.last,
        lang=lang if isinstance(lang, str) and lang in LANGS else DEFAULT_LANG,  # type: ignore[arg-type]
        country=country if isinstance(country, str) and country in FOCUS else None,
        lens=lens if isinstance(lens, str) and lens in LENSES else ALIGNMENT_LENS,
        bases=bool(bases),
    )


def lang_from_input(lang: object) -> Lang:
    """The language a callback input names, or the default."""
    return lang if isinstance(lang, str) and lang in LANGS else DEFAULT_LANG  # type: ignore[return-value]


# The links of every page.


def map_url(view: View, calendar: Calendar, *, pin_period: bool = False) -> str:
    """`/?date=2023-10&lens=RUS`, with the events table's settings; `pin_period` names the period
    even when it is the latest (a citation's address must not move on with the months)."""
    return MAP_PATH + to_query(view, calendar, extras=(TABLE_EXTRA,), pin_period=pin_period)


def embed_url(view: View, calendar: Calendar) -> str:
    return EMBED_PATH + to_query(view, calendar, extras=("controls", "theme"), pin_period=True)


def present_query(view: View) -> str:
    """The briefing's query: its step and language (it shows the story, not the map's view)."""
    return _query(([("step", str(view.step))] if view.step != 1 else []) + _lang_part(view))


def present_url(view: View) -> str:
    return PRESENT_PATH + present_query(view)


def methodology_url(view: View) -> str:
    return METHODOLOGY_PATH + _query(_lang_part(view))


def glossary_url(lang: Lang, key: str) -> str:
    """A glossary entry on the methodology page, in a language: `/methodology?lang=fr#glossary-aes`."""
    return METHODOLOGY_PATH + _query([("lang", lang)] if lang != DEFAULT_LANG else []) + "#" + anchor(key)


def data_changes_url(view: View) -> str:
    return DATA_CHANGES_PATH + _query(_lang_part(view))


def snapshot_url(view: View, fmt: str, *, download: bool = False, size: tuple[int, int] | None = None) -> str:
    """`/snapshot/2023.png?lens=RUS&lang=fr`: the image, alt text or data of a view (of `size` pixels
    when given)."""
    parts = _parts(view, None) + ([("download", "1")] if download else [])
    if size is not None:
        parts += [("width", str(size[0])), ("height", str(size[1]))]
    return f"{SNAPSHOT_PREFIX}{view.period.token()}.{fmt}" + _query(parts)


def download_url(name: str) -> str:
    return f"{DOWNLOAD_PREFIX}{name}.csv"


def table_csv_url(view: View) -> str:
    """The events table's rows as shown, as CSV in the view's language: its filters written out as
    the table's own (a country and date it follows from the map included)."""
    shown = table_filters(view).with_(follow=False)
    return TABLE_CSV_PATH + _query(table_parts(shown) + _lang_part(view))


def oembed_url(address: str) -> str:
    """`/oembed?url=…&format=json`: the oEmbed answer for a page's full address."""
    return OEMBED_PATH + _query([("url", address), ("format", "json")])


# Snapshots: the same readers, but a bad value is refused (HTTP 400) instead of repaired.


@dataclass(frozen=True)
class SnapshotRequest:
    view: View
    fmt: str
    width: int = WIDTH[2]
    height: int = HEIGHT[2]
    scale: float = SCALE[2]
    preset: str | None = None  # laid out for one of `data.presets.PRESETS`, which sets the size
    auto_height: bool = False  # as tall as its layout needs (`height` is then a first guess)

    def key(self) -> tuple:
        """What makes two images the same (the cache key)."""
        v = self.view
        size = (self.preset,) if self.preset else (self.width, None if self.auto_height else self.height)
        return (self.fmt, v.period, v.compare, v.lang, v.lens, v.country, v.bases, *size, self.scale)

    def layout_preset(self) -> Preset:
        """The layout its picture gets: its preset, or one made for its size."""
        if self.preset is not None:
            return PRESETS[self.preset]
        return sized_preset(self.width, None if self.auto_height else self.height)

    def filename(self) -> str:
        parts = ["sahel", self.view.period.token()]
        if self.view.compare is not None:
            parts += ["vs", self.view.compare.token()]
        parts.append(self.view.lang)
        if self.view.lens != ALIGNMENT_LENS:
            parts.append(self.view.lens.lower())
        if self.view.country:
            parts.append(self.view.country.lower())
        if self.preset not in (None, DEFAULT_PRESET):
            parts.append(self.preset)
        return "-".join(parts) + "." + self.fmt


def _bounded(name: str, kind: type, bounds: tuple) -> object:
    low, high, _ = bounds

    def read(raw: str) -> float | Notice:
        value = read_int(raw) if kind is int else read_float(raw)
        if value is None:
            return Notice(name, "number", (("value", echo(raw)),))
        if not (low <= value <= high) or (isinstance(value, float) and math.isnan(value)):
            return Notice(name, "range", (("value", echo(raw)), ("low", low), ("high", high)))
        return value

    return read


def parse_snapshot(name: str, args: Mapping[str, str], calendar: Calendar) -> SnapshotRequest | list[Notice]:
    """`2023.png` + `{"lang": "fr", "width": "800"}` -> a request, or every problem found."""
    stem, _, fmt = name.rpartition(".")
    view = parse_query({**args, PERIOD_KEY: stem}, calendar)
    problems = list(view.notices)
    if not stem.strip():  # an address names its period; there is no default to fall back to
        problems.insert(0, _period(stem, calendar, calendar.last))
    if fmt not in SNAPSHOT_FORMATS:
        problems.insert(
            0, Notice("format", "format", (("value", echo(fmt)), ("formats", ", ".join(SNAPSHOT_FORMATS))))
        )
    preset = (args.get("preset") or "").strip().lower() or None
    if preset is not None and (preset not in PRESETS or view.compare is not None):
        choices = ", ".join(PRESETS) if view.compare is None else "—"
        problems.append(Notice("preset", "preset", (("value", echo(preset)), ("presets", choices))))
        preset = None
    sized = any((args.get(key) or "").strip() for key in ("width", "height"))
    if preset is None and not sized and view.compare is None:
        preset = DEFAULT_PRESET
    png_scale = PNG_SCALE if fmt == "png" else 1.0
    auto_height = False
    if preset is not None:  # the preset sets the size; an article's height follows its content
        chosen = PRESETS[preset]
        width, height, auto_height = chosen.width, chosen.height or chosen.width, chosen.height is None
        scale = _read(args, "scale", _bounded("scale", float, SCALE), png_scale, problems)
        scale = rounded_size(width, height, scale)[2]
    else:
        width = _read(args, "width", _bounded("width", int, WIDTH), WIDTH[2], problems)
        # A width alone: the picture is as tall as its layout needs (a comparison has its height).
        auto_height = view.compare is None and not (args.get("height") or "").strip()
        default_height = COMPARE_HEIGHT if view.compare is not None else HEIGHT[2]
        height = _read(args, "height", _bounded("height", int, HEIGHT), default_height, problems)
        scale = _read(args, "scale", _bounded("scale", float, SCALE), png_scale, problems)
        width, height, scale = rounded_size(width, height, scale)
    if width * height * scale * scale > MAX_PIXELS:
        problems.append(Notice("size", "pixels", (("pixels", f"{MAX_PIXELS:,}"),)))
    if problems:
        return problems
    return SnapshotRequest(
        view=view.with_(notices=()),
        fmt=fmt,
        width=width,
        height=height,
        scale=scale,
        preset=preset,
        auto_height=auto_height,
    )
