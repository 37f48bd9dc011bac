"""The events table with its filters, and the CSV download links."""

from __future__ import annotations

from collections.abc import Sequence

from dash import dcc, html

from data.loader import Dataset
from data.schema import Event
from geodata.names import FOCUS
from geodata.shapes import Shapes
from layouts.i18n import Lang, format_date, t
from layouts.ids import Id

DOWNLOADS = ("events", "partnerships", "sources", "bases")
ALL = "all"


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


def events_rows(dataset: Dataset, shapes: Shapes, events: Sequence[Event], lang: Lang) -> list:
    rows = []
    for e in events:
        links: list = []
        for source_id in e.source_ids:
            source = dataset.sources[source_id]
            if links:
                links.append(" · ")
            links.append(html.A(source.publisher, href=source.url, target="_blank", rel="noopener"))
        rows.append(
            html.Tr(
                [
                    html.Td(format_date(e.date, lang, e.date_precision), className="date"),
                    html.Td(", ".join(shapes.name(c, lang) for c in e.country)),
                    html.Td(
                        [html.Strong(getattr(e, f"title_{lang}")), html.Br(), getattr(e, f"summary_{lang}")]
                    ),
                    html.Td(links, className="sources"),
                ]
            )
        )
    return rows


def events_table(dataset: Dataset, shapes: Shapes, years: range, lang: Lang) -> html.Section:
    partners = sorted(dataset.partners.values(), key=lambda p: getattr(p, f"name_{lang}").casefold())
    filters = html.Div(
        [
            html.Label(
                [
                    t("table.country", lang),
                    dcc.Dropdown(
                        id=Id.TABLE_COUNTRY,
                        options=[{"label": t("table.all", lang), "value": ALL}]
                        + [{"label": shapes.name(c, lang), "value": c} for c in FOCUS],
                        value=ALL,
                        clearable=False,
                        searchable=False,
                    ),
                ]
            ),
            html.Label(
                [
                    t("table.year", lang),
                    dcc.Dropdown(
                        id=Id.TABLE_YEAR,
                        options=[{"label": t("table.all", lang), "value": ALL}]
                        + [{"label": str(y), "value": str(y)} for y in years],
                        value=ALL,
                        clearable=False,
                        searchable=False,
                    ),
                ]
            ),
            html.Label(
                [
                    t("table.partner", lang),
                    dcc.Dropdown(
                        id=Id.TABLE_PARTNER,
                        options=[{"label": t("table.all", lang), "value": ALL}]
                        + [{"label": getattr(p, f"name_{lang}"), "value": p.id} for p in partners],
                        value=ALL,
                        clearable=False,
                        searchable=False,
                    ),
                ]
            ),
        ],
        className="table-filters",
    )
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("table.date", lang), scope="col"),
                html.Th(t("table.country", lang), scope="col"),
                html.Th(t("table.event", lang), scope="col"),
                html.Th(t("panel.sources", lang).strip(" :"), scope="col"),
            ]
        )
    )
    downloads = html.P(
        [
            t("table.download", lang),
            *[
                item
                for name in DOWNLOADS
                for item in (" ", html.A(f"{name}.csv", href=f"/download/{name}.csv", download=f"{name}.csv"))
            ],
        ],
        className="downloads",
    )
    return html.Section(
        [
            html.H2(t("table.title", lang)),
            filters,
            html.P(id=Id.TABLE_COUNT, className="muted", **{"aria-live": "polite"}),
            html.Div(
                html.Table(
                    [head, html.Tbody(events_rows(dataset, shapes, dataset.events, lang), id=Id.TABLE_BODY)],
                    className="events-table",
                ),
                className="table-scroll",
            ),
            downloads,
        ],
        className="data-section",
        id="data",
    )
