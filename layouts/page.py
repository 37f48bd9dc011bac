"""The main page: header, map with legend and year control, the year panel, credits.

Pure: it receives the loaded data and the requested view and returns components.
"""

from __future__ import annotations

from dash import dcc, html

from layouts import theme
from layouts.context import AppData
from layouts.i18n import Lang, format_date, t
from layouts.ids import Id
from layouts.map_figure import build_figure, map_arrays
from layouts.panel import changes_list, events_list
from layouts.summary import year_summary
from layouts.url_state import ViewState

PLAY_INTERVAL_MS = 1500


def legend(lang: Lang) -> html.Div:
    items = [
        html.Li(
            [
                html.Span(
                    className="swatch",
                    style={"background": theme.ALIGNMENT_COLOURS[name]},
                ),
                html.Span(t(f"alignment.{name}", lang)),
            ]
        )
        for name in theme.CLASS_ORDER
    ]
    items.append(
        html.Li(
            [
                html.Span(className="swatch swatch-changed"),
                html.Span(t("legend.changed", lang)),
            ]
        )
    )
    return html.Div(
        [html.H2(t("legend.title", lang), className="legend-title"), html.Ul(items)],
        id=Id.LEGEND,
        className="legend",
    )


def year_control(years: range, year: int, lang: Lang) -> html.Div:
    marks = {y: {"label": f"’{y % 100:02d}" if y not in (years[0], years[-1]) else str(y)} for y in years}
    return html.Div(
        [
            html.Div(
                str(year),
                id=Id.YEAR_DISPLAY,
                className="year-display",
                **{"aria-hidden": "true"},
            ),
            html.Div(
                [
                    html.Button(
                        "◀",
                        id=Id.PREV,
                        title=t("year.prev", lang),
                        **{"aria-label": t("year.prev", lang)},
                    ),
                    html.Button("▶ " + t("year.play", lang), id=Id.PLAY),
                    html.Button(
                        "▶|",
                        id=Id.NEXT,
                        title=t("year.next", lang),
                        **{"aria-label": t("year.next", lang)},
                    ),
                ],
                className="year-buttons",
            ),
            html.Div(
                dcc.Slider(
                    id=Id.YEAR_SLIDER,
                    min=years[0],
                    max=years[-1],
                    step=1,
                    value=year,
                    marks=marks,
                    allow_direct_input=False,
                    updatemode="drag",
                ),
                className="year-slider",
                **{"aria-label": t("year.label", lang)},
            ),
            dcc.Interval(id=Id.PLAY_TIMER, interval=PLAY_INTERVAL_MS, disabled=True),
        ],
        className="year-control",
    )


def shell() -> html.Div:
    """The document the server sends: the page itself is rendered for the URL once it is known."""
    return html.Div(
        [
            dcc.Location(id=Id.LOCATION, refresh=False),
            html.Span(id=Id.DOC_LANG, hidden=True),
            dcc.Store(id=Id.COMPACT, data=False),
            html.Div(html.P("…", className="loading"), id=Id.PAGE),
        ]
    )


def page(data: AppData, view: ViewState, topojson_url: str) -> html.Div:
    lang, year = view.lang, view.year
    on = data.as_of(year)
    states = data.states(year)
    changes = data.changes(year)
    figure = build_figure(data.shapes, map_arrays(data.shapes, states, changes, year, on, lang))
    notices = [html.P(t(key, lang, **values)) for key, values in view.notices]
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            html.Header(
                [
                    html.Div(
                        [
                            html.H1(t("app.title", lang)),
                            html.P(t("app.tagline", lang), className="tagline"),
                        ]
                    ),
                    html.P(
                        t("map.as_of", lang, date=format_date(on, lang)),
                        id=Id.AS_OF,
                        className="as-of",
                    ),
                ],
                className="site-header",
            ),
            html.Div(
                notices,
                id=Id.NOTICE,
                className="notice",
                role="status",
                hidden=not notices,
            ),
            html.Main(
                [
                    html.Section(
                        [
                            html.Div(
                                dcc.Graph(
                                    id=Id.MAP,
                                    figure=figure,
                                    config={
                                        "topojsonURL": topojson_url,
                                        "displaylogo": False,
                                        "scrollZoom": False,
                                        "responsive": True,
                                    },
                                    style={"height": "100%"},
                                ),
                                className="map",
                                role="region",
                                **{"aria-label": t("map.aria", lang)},
                            ),
                            legend(lang),
                            year_control(data.years(), year, lang),
                        ],
                        className="map-column",
                    ),
                    html.Aside(
                        [
                            html.H2(t("panel.summary_title", lang)),
                            html.P(
                                year_summary(data.shapes, states, year, on, lang),
                                id=Id.SUMMARY,
                                className="summary",
                                **{"aria-live": "polite"},
                            ),
                            html.H2(t("panel.changes_title", lang)),
                            html.Div(changes_list(data.shapes, changes, lang), id=Id.CHANGES),
                            html.H2(
                                t("panel.events_title", lang, year=year),
                                id=Id.EVENTS_TITLE,
                            ),
                            html.Div(
                                events_list(
                                    data.dataset,
                                    data.dataset.events_in_year(year),
                                    lang,
                                ),
                                id=Id.EVENTS,
                            ),
                        ],
                        className="panel",
                    ),
                ],
                className="layout",
            ),
            html.Footer(html.P(t("credit", lang)), className="site-footer"),
        ],
        className="page",
        lang=lang,
    )
