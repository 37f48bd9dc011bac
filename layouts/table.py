"""The events table with its filters, and the CSV download links."""

from __future__ import annotations

from collections.abc import Sequence

from dash import dcc, html

from data.context import AppData
from data.describe import source_labels
from data.i18n import Lang, format_date, t
from data.loader import Dataset
from data.period import Calendar
from data.schema import Confidence, Event
from data.view import download_url
from geodata.names import FOCUS
from geodata.shapes import Shapes
from layouts.ids import Id

DOWNLOADS = ("events", "partnerships", "sources", "bases")
ALL = "all"


def table_year(value: object, calendar: Calendar) -> int | None:
    """The year the year filter names (any value a client sends), or None for all years."""
    text = value if isinstance(value, str) else ""
    return int(text) if text.isascii() and text.isdigit() and int(text) in calendar.years() else None


def filter_events(
    events: Sequence[Event], country: str | None, year: int | None, partner: str | None
) -> list[Event]:
    return [
        e
        for e in events
        if (country is None or country in e.country)
        and (year is None or e.date.year == year)
        and (partner is None or partner in e.actors)
    ]


def events_rows(data: AppData, events: Sequence[Event], lang: Lang) -> dict[str, object]:
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
    for e in events:
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
                getattr(e, f"title_{lang}"),
                mark,
                getattr(e, f"summary_{lang}"),
                sources,
            ]
        )
    return {"head": head, "rows": rows}


def events_table(dataset: Dataset, shapes: Shapes, calendar: Calendar, lang: Lang) -> html.Section:
    partners = sorted(dataset.partners.values(), key=lambda p: getattr(p, f"name_{lang}").casefold())

    def choice(label_key: str, component_id: Id, options: list[tuple[str, str]]) -> html.Label:
        """A labelled dropdown whose first option is "All"."""
        return html.Label(
            [
                t(label_key, lang),
                dcc.Dropdown(
                    id=component_id,
                    options=[{"label": t("table.all", lang), "value": ALL}]
                    + [{"label": label, "value": value} for label, value in options],
                    value=ALL,
                    clearable=False,
                    searchable=False,
                ),
            ]
        )

    filters = html.Div(
        [
            choice("table.country", Id.TABLE_COUNTRY, [(shapes.name(c, lang), c) for c in FOCUS]),
            choice("table.year", Id.TABLE_YEAR, [(str(year), str(year)) for year in calendar.years()]),
            choice("table.partner", Id.TABLE_PARTNER, [(getattr(p, f"name_{lang}"), p.id) for p in partners]),
        ],
        className="table-filters",
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
            filters,
            html.P(id=Id.TABLE_COUNT, className="muted", **{"aria-live": "polite"}),
            # Set by assets/map.js when the section comes near the screen: the table (every event
            # with its sources, the largest part of the page) is sent then, not with the first view.
            dcc.Store(id=Id.TABLE_SHOWN, data=False),
            # Filled by the filter callback (the rows, sent once) and assets/table.js (the table).
            dcc.Store(id=Id.TABLE_ROWS),
            html.Div(html.Div(id=Id.TABLE_BODY, className="events-table"), className="table-scroll"),
            downloads,
        ],
        className="data-section",
        id="data",
    )
