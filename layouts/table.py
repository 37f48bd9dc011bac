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


def _sources_cell(data: AppData, event: Event, lang: Lang) -> list[object]:
    """The event's sources as links: each address was checked as an http(s) URL when the data loaded
    (`data.schema.Source`) and goes into a link's `href`, never into markup."""
    parts: list[object] = []
    for label in source_labels(data, event.source_ids, lang):
        if parts:
            parts.append(" · ")
        parts.append(html.A(label.text, href=label.url, target="_blank", rel="noopener"))
        if label.detail:
            parts.append(f" ({label.detail})")
    return parts


def events_rows(data: AppData, events: Sequence[Event], lang: Lang) -> html.Table:
    """The table of events: plain text and links, so nothing in the data is read as markup."""
    head = [
        t("table.date", lang),
        t("table.country", lang),
        t("table.event", lang),
        t("panel.sources", lang).strip(" :"),
    ]
    rows = []
    for e in events:
        event: list[object] = [html.B(getattr(e, f"title_{lang}"))]
        if e.confidence != Confidence.CONFIRMED:
            event += [" ", html.I(f"({t(f'confidence.{e.confidence.value}', lang)})")]
        event.append(" — " + getattr(e, f"summary_{lang}"))
        rows.append(
            html.Tr(
                [
                    html.Td(format_date(e.date, lang, e.date_precision)),
                    html.Td(", ".join(data.shapes.name(c, lang) for c in e.country)),
                    html.Td(event),
                    html.Td(_sources_cell(data, e, lang)),
                ]
            )
        )
    return html.Table([html.Thead(html.Tr([html.Th(h) for h in head])), html.Tbody(rows)])


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
            html.Div(
                # Filled by the filter callback: the table is sent once, not twice.
                html.Div(id=Id.TABLE_BODY, className="events-table"),
                className="table-scroll",
            ),
            downloads,
        ],
        className="data-section",
        id="data",
    )
