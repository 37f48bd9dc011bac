"""The events table with its search, filters and order, the switch that makes it follow the map,
and the CSV downloads (the rows shown, and the whole dataset).

The controls show the table's filters as applied (`data.view.table_filters`): `control_values`
writes them into the controls and `input_args` reads the controls back as the address's
parameters, which `data.view` reads with the same rule as an address.
"""

from __future__ import annotations

from collections.abc import Sequence

from dash import dcc, html

from data.context import AppData
from data.describe import source_labels
from data.glossary import definition, pieces
from data.i18n import Lang, format_date, t
from data.period import Calendar, Period
from data.schema import Confidence, Event
from data.view import (
    EVENT_TYPES,
    SEARCH_KEY,
    SEARCH_LENGTH,
    SORTS,
    TABLE_COUNTRY_KEY,
    TABLE_FOLLOW_KEY,
    TABLE_FROM_KEY,
    TABLE_PARTNER_KEY,
    TABLE_SORT_KEY,
    TABLE_TO_KEY,
    TABLE_TYPE_KEY,
    TableQuery,
    View,
    bound_token,
    download_url,
    glossary_url,
    table_csv_url,
    table_filters,
    table_parts,
)
from geodata.names import FOCUS
from layouts.ids import Id

DOWNLOADS = ("events", "partnerships", "sources", "bases")
ALL = "all"  # a dropdown's value for "no filter"
FOLLOW = "on"  # the follow switch's value when on
SEARCH_DEBOUNCE_S = 0.35  # a search is sent once typing pauses this long
# The controls that hold the table's parameters, in the order of `input_args`'s arguments.
CONTROLS = (
    Id.TABLE_SEARCH, Id.TABLE_COUNTRY, Id.TABLE_PARTNER, Id.TABLE_TYPE, Id.TABLE_FROM, Id.TABLE_TO,
    Id.TABLE_SORT, Id.TABLE_FOLLOW,
)  # fmt: skip


def _text(value: object) -> str:
    return value if isinstance(value, str) and value != ALL else ""


def input_args(
    search: object,
    country: object,
    partner: object,
    kind: object,
    start: object,
    end: object,
    sort: object,
    follow: object,
) -> dict[str, str]:
    """The controls' values (any JSON a client sends) as the table's address parameters."""
    on = isinstance(follow, list) and FOLLOW in follow
    return {
        SEARCH_KEY: search if isinstance(search, str) else "",
        TABLE_COUNTRY_KEY: _text(country),
        TABLE_PARTNER_KEY: _text(partner),
        TABLE_TYPE_KEY: _text(kind),
        TABLE_FROM_KEY: _text(start),
        TABLE_TO_KEY: _text(end),
        TABLE_SORT_KEY: _text(sort),
        TABLE_FOLLOW_KEY: "1" if on else "0",
    }


def control_values(filters: TableQuery) -> dict[Id, object]:
    """What each control shows for the table's filters as applied."""
    return {
        Id.TABLE_SEARCH: filters.search,
        Id.TABLE_COUNTRY: filters.country or ALL,
        Id.TABLE_PARTNER: filters.partner or ALL,
        Id.TABLE_TYPE: filters.type or ALL,
        Id.TABLE_FROM: bound_token(filters.start, last=False) if filters.start else ALL,
        Id.TABLE_TO: bound_token(filters.end, last=True) if filters.end else ALL,
        Id.TABLE_SORT: SORTS[1] if filters.oldest_first else SORTS[0],
        Id.TABLE_FOLLOW: [FOLLOW] if filters.follow else [],
    }


def query_data(query: TableQuery) -> dict[str, str]:
    """The table's own parameters as the page keeps them for its address (`TABLE_QUERY`)."""
    return dict(table_parts(query))


def date_options(calendar: Calendar, lang: Lang, chosen: Period | None, *, last: bool) -> list[dict]:
    """ "The beginning" or "Today", each year, and the date chosen when it is not a whole year (a
    month or day the table follows from the map, or an address's)."""
    options = [{"label": t("table.to_any" if last else "table.from_any", lang), "value": ALL}]
    options += [{"label": str(year), "value": str(year)} for year in calendar.years()]
    if chosen is not None and bound_token(chosen, last=last) != str(chosen.year):
        options.append({"label": chosen.label(lang), "value": bound_token(chosen, last=last)})
    return options


def count_text(count: int, total: int, lang: Lang) -> str:
    return t("table.count_of_one" if count == 1 else "table.count_of", lang, count=count, total=total)


def events_rows(
    data: AppData, events: Sequence[Event], lang: Lang, *, oldest_first: bool = False
) -> dict[str, object]:
    """The table of events as plain data, which `assets/table.js` writes into the page as text and
    links (a component per cell would take Dash seconds to draw for a few hundred events). Nothing
    in it is ever read as markup; each source's address was checked as an http(s) URL when the data
    loaded (`data.schema.Source`) and only becomes a link's address."""
    head = [
        t("table.date", lang),
        t("table.country", lang),
        t("table.event", lang),
        t("panel.sources", lang).strip(" :"),
    ]
    rows = []
    used: set[str] = set()  # the glossary entries named in these rows
    for e in events:
        seen: set[str] = set()  # each entry linked once a row, in its title or else its summary
        title, summary = getattr(e, f"title_{lang}"), getattr(e, f"summary_{lang}")
        terms = [pieces(title, lang, seen), pieces(summary, lang, seen)]
        used |= seen
        mark = (
            "" if e.confidence == Confidence.CONFIRMED else f"({t(f'confidence.{e.confidence.value}', lang)})"
        )
        sources = [
            [label.text, label.url, f"({label.detail})" if label.detail else ""]
            for label in source_labels(data, e.source_ids, lang)
        ]
        rows.append(
            [
                format_date(e.date, lang, e.date_precision),
                ", ".join(data.shapes.name(c, lang) for c in e.country),
                title,
                mark,
                summary,
                sources,
                terms if seen else None,  # the title and summary cut at the glossary's names
            ]
        )
    return {
        "head": head,
        "rows": rows,
        "sort": "ascending" if oldest_first else "descending",  # the date column's `aria-sort`
        "empty": t("table.none", lang),
        "terms": {
            key: {"href": glossary_url(lang, key), "definition": definition(key, lang)} for key in used
        },
    }


def events_table(data: AppData, view: View) -> html.Section:
    lang = view.lang
    calendar = data.calendar()
    filters = table_filters(view)
    values = control_values(filters)
    choices = data.table_choices
    names = {code: data.shapes.name(code, lang) for code in choices.countries}
    # The four first, then the others by name.
    others = sorted((c for c in choices.countries if c not in FOCUS), key=lambda c: names[c].casefold())
    partners = sorted(choices.partners, key=lambda code: data.dataset.partner_name(code, lang).casefold())

    def choice(label_key: str, component_id: Id, options: list[dict]) -> html.Label:
        return html.Label(
            [
                # Named so that the dropdown's button can be named by it (assets/table.js).
                html.Span(t(label_key, lang), id=f"{component_id}-label"),
                dcc.Dropdown(
                    id=component_id,
                    options=options,
                    value=values[component_id],
                    clearable=False,
                    searchable=False,
                ),
            ]
        )

    def every(pairs: list[tuple[str, str]]) -> list[dict]:
        """A dropdown's options, "All" first."""
        return [{"label": t("table.all", lang), "value": ALL}] + [{"label": n, "value": v} for n, v in pairs]

    search = html.Label(
        [
            t("table.search", lang),
            dcc.Input(
                id=Id.TABLE_SEARCH,
                type="search",
                value=filters.search,
                debounce=SEARCH_DEBOUNCE_S,
                maxLength=SEARCH_LENGTH,
                placeholder=t("table.search_hint", lang),
                autoComplete="off",
                spellCheck=False,
            ),
        ],
        className="table-search",
    )
    dropdowns = html.Div(
        [
            choice(
                "table.country",
                Id.TABLE_COUNTRY,
                every([(names[c], c) for c in (*FOCUS, *others) if c in names]),
            ),
            choice(
                "table.partner",
                Id.TABLE_PARTNER,
                every([(data.dataset.partner_name(code, lang), code) for code in partners]),
            ),
            choice(
                "table.type",
                Id.TABLE_TYPE,
                every([(t(f"table.type.{kind}", lang), kind) for kind in EVENT_TYPES]),
            ),
            choice("table.from", Id.TABLE_FROM, date_options(calendar, lang, filters.start, last=False)),
            choice("table.to", Id.TABLE_TO, date_options(calendar, lang, filters.end, last=True)),
            choice(
                "table.sort",
                Id.TABLE_SORT,
                [{"label": t(f"table.sort.{sort}", lang), "value": sort} for sort in SORTS],
            ),
        ],
        className="table-filters",
    )
    follow = html.Div(
        [
            dcc.Checklist(
                id=Id.TABLE_FOLLOW,
                options=[{"label": t("table.follow", lang), "value": FOLLOW}],
                value=values[Id.TABLE_FOLLOW],
                className="table-follow-switch",
            ),
            html.P(t("table.follow_help", lang), className="muted small"),
        ],
        className="table-follow",
    )
    status = html.Div(
        [
            html.P(id=Id.TABLE_COUNT, className="table-count", **{"aria-live": "polite"}),
            html.A(
                t("table.download_rows", lang),
                id=Id.TABLE_DOWNLOAD,
                href=table_csv_url(view),
                download=table_csv_name(lang),
            ),
        ],
        className="table-status",
    )
    downloads = html.P(
        [
            t("table.download", lang),
            *[
                item
                for name in DOWNLOADS
                for item in (" ", html.A(f"{name}.csv", href=download_url(name), download=f"{name}.csv"))
            ],
        ],
        className="downloads",
    )
    return html.Section(
        [
            html.H2(t("table.title", lang)),
            search,
            dropdowns,
            follow,
            status,
            # Set by assets/map.js when the section comes near the screen: the table (every event
            # with its sources, the largest part of the page) is sent then, not with the first view.
            dcc.Store(id=Id.TABLE_SHOWN, data=False),
            # Filled by the table's callback (the rows) and written by assets/table.js (the table).
            dcc.Store(id=Id.TABLE_ROWS),
            dcc.Store(id=Id.TABLE_ROWS_KEY),
            dcc.Store(id=Id.TABLE_QUERY, data=query_data(view.table)),
            dcc.Store(id=Id.TABLE_ASKED),
            # The page scrolls as a whole; the table's header row stays in view (`position: sticky`).
            html.Div(id=Id.TABLE_BODY, className="events-table"),
            downloads,
        ],
        className="data-section",
        id="data",
    )


def table_csv_name(lang: Lang) -> str:
    """The file name of the table's rows as CSV."""
    return f"sahel-realignment-events-selected-{lang}.csv"
