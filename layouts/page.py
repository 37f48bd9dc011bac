"""The pages: the map page (header, map with legend and controls, the panel, the timeline, the
events table) and the shell the server sends before the URL is known.

Pure: functions receive the loaded data and the requested view and return components.
"""

from __future__ import annotations

from dash import dcc, html

from data.state import country_history
from geodata.names import FOCUS
from layouts import theme
from layouts.context import AppData
from layouts.i18n import LANGS, Lang, format_date, t
from layouts.ids import Id
from layouts.map_figure import MapArrays, build_figure, map_arrays, map_frames, partner_name
from layouts.methodology import methodology_page
from layouts.panel import changes_list, country_panel, events_list
from layouts.share import share_dialog
from layouts.summary import year_summary
from layouts.table import events_table
from layouts.timeline import timeline_figure
from layouts.url_state import ALIGNMENT_LENS, LENSES, ViewState, to_query

PLAY_INTERVAL_MS = 1500
METHODOLOGY_PATH = "/methodology"
EMBED_PATH = "/embed"
PRESENT_PATH = "/present"


def shell() -> html.Div:
    """The document the server sends: the page itself is rendered for the URL once it is known."""
    return html.Div(
        [
            dcc.Location(id=Id.LOCATION, refresh=False),
            html.Span(id=Id.DOC_LANG, hidden=True),
            html.Div(html.P("…", className="loading"), id=Id.PAGE),
        ]
    )


def legend(data: AppData, lens: str, lang: Lang) -> list:
    def item(colour_key: str, text: str) -> html.Li:
        return html.Li(
            [
                html.Span(className="swatch", style={"background": theme.ALIGNMENT_COLOURS[colour_key]}),
                html.Span(text),
            ]
        )

    if lens == ALIGNMENT_LENS:
        title = t("legend.title", lang)
        items = [item(name, t(f"alignment.{name}", lang)) for name in theme.ALIGNMENT_LEGEND]
        items.append(
            html.Li([html.Span(className="swatch swatch-changed"), html.Span(t("legend.changed", lang))])
        )
    else:
        title = t("lens.legend_title", lang, partner=partner_name(data.dataset, lens, lang))
        items = [item(f"level{level}", t(f"lens.level{level}", lang)) for level in theme.LENS_COLOURS]
        items.append(item(theme.CONTEXT, t("alignment.context", lang)))
    marks = {"FRA": "□", "RUS": "◇", "USA": "△", "UN": "○"}
    bases = [
        html.Li(
            [
                html.Span(marks[code], className="base-mark", **{"aria-hidden": "true"}),
                html.Span(partner_name(data.dataset, code, lang)),
            ]
        )
        for code in theme.BASE_STYLES
    ]
    bases.append(
        html.Li(
            [
                html.Span("✚", className="base-mark", **{"aria-hidden": "true"}),
                html.Span(t("bases.other", lang)),
            ]
        )
    )
    return [
        html.H2(title, className="legend-title"),
        html.Ul(items),
        html.H2(t("bases.legend", lang), className="legend-title"),
        html.Ul(bases, className="bases-legend"),
    ]


def year_control(years: range, year: int, turning_years: set[int], lang: Lang) -> html.Div:
    def mark(y: int) -> dict:
        label = str(y) if y in (years[0], years[-1]) else f"’{y % 100:02d}"
        style = {"fontWeight": 700, "color": "#1A1A1A"} if y in turning_years else {"color": "#6B6B6B"}
        return {"label": label, "style": style}

    return html.Div(
        [
            html.Div(str(year), id=Id.YEAR_DISPLAY, className="year-display", **{"aria-hidden": "true"}),
            html.Div(
                [
                    html.Button(
                        "◀", id=Id.PREV, title=t("year.prev", lang), **{"aria-label": t("year.prev", lang)}
                    ),
                    html.Button("▶ " + t("year.play", lang), id=Id.PLAY),
                    html.Button(
                        "▶|", id=Id.NEXT, title=t("year.next", lang), **{"aria-label": t("year.next", lang)}
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
                    marks={y: mark(y) for y in years},
                    allow_direct_input=False,
                    updatemode="drag",
                ),
                className="year-slider",
                **{"aria-label": t("year.label", lang)},
            ),
            html.P(t("year.marks_help", lang), className="muted small year-help"),
            dcc.Interval(id=Id.PLAY_TIMER, interval=PLAY_INTERVAL_MS, disabled=True),
        ],
        className="year-control",
    )


def view_controls(data: AppData, view: ViewState, lang: Lang) -> html.Div:
    lens_options = [{"label": t("lens.alignment", lang), "value": ALIGNMENT_LENS}] + [
        {"label": partner_name(data.dataset, code, lang), "value": code} for code in LENSES[1:]
    ]
    return html.Div(
        [
            html.Fieldset(
                [
                    html.Legend(t("lens.label", lang)),
                    dcc.RadioItems(
                        id=Id.LENS,
                        options=lens_options,
                        value=view.lens,
                        inline=True,
                        className="lens-options",
                    ),
                ],
                className="lens",
            ),
            dcc.Checklist(
                id=Id.BASES,
                options=[{"label": t("bases.toggle", lang), "value": "on"}],
                value=["on"] if view.bases else [],
                className="bases-toggle",
            ),
        ],
        className="view-controls",
    )


def country_buttons(data: AppData, selected: str | None, lang: Lang) -> html.Div:
    def button(code: str, text: str) -> html.Button:
        pressed = (code == "ALL" and selected is None) or code == selected
        return html.Button(
            text,
            id={"type": Id.COUNTRY_BUTTON, "country": code},
            className="country-button",
            **{"aria-pressed": "true" if pressed else "false"},
        )

    return html.Div(
        [button("ALL", t("country.all", lang))] + [button(c, data.shapes.name(c, lang)) for c in FOCUS],
        className="country-buttons",
        role="group",
        **{"aria-label": t("country.label", lang)},
    )


def panel_content(data: AppData, year: int, country: str | None, lang: Lang) -> list:
    """The panel: the year's overview, or one country's story when a country is selected."""
    on = data.as_of(year)
    states = data.states(year)
    if country is not None:
        events = [e for e in data.dataset.events_in_year(year) if country in e.country]
        history = country_history(data.dataset.partnerships, country, data.clock())
        return country_panel(data.dataset, data.shapes, country, states[country], events, history, year, lang)
    return [
        html.H2(t("panel.summary_title", lang)),
        html.P(year_summary(data.shapes, states, year, on, lang), className="summary"),
        html.H2(t("panel.changes_title", lang)),
        *changes_list(data.shapes, data.changes(year), lang),
        html.H2(t("panel.events_title", lang, year=year)),
        *events_list(data.dataset, data.dataset.events_in_year(year), lang),
    ]


def map_arrays_for(data: AppData, view: ViewState, compact: bool = False) -> MapArrays:
    year = view.year
    on = data.as_of(year)
    arrays = map_arrays(
        data.shapes,
        data.dataset,
        data.states(year),
        data.changes(year),
        year,
        on,
        view.lang,
        lens=view.lens,
        selected=view.country,
        bases=data.bases(year),
        show_bases=view.bases,
        compact=compact,
    )
    return arrays


def map_frames_for(data: AppData, view: ViewState, compact: bool = False) -> dict[str, object]:
    """The map of every year for the view's lens, country and bases (see `map_frames`)."""
    frames = {}
    for year in data.years():
        arrays = map_arrays_for(data, view.with_(year=year), compact=compact)
        frames[year] = (arrays, t("map.as_of", view.lang, date=format_date(data.as_of(year), view.lang)))
    return map_frames(frames)


def map_graph(
    graph_id: Id,
    figure: object,
    topojson_url: str,
    lang: Lang,
    class_name: str,
    *,
    mode_bar: bool = True,
    role: str = "region",
) -> html.Div:
    """The map's graph in its labelled box: offline topojson, no scroll zoom, follows its box's size."""
    config: dict[str, object] = {
        "topojsonURL": topojson_url,
        "displaylogo": False,
        "scrollZoom": False,
        "responsive": True,
    }
    if not mode_bar:
        config["displayModeBar"] = False
    return html.Div(
        dcc.Graph(id=graph_id, figure=figure, config=config, style={"height": "100%"}),
        className=class_name,
        role=role,
        **{"aria-label": t("map.aria", lang)},
    )


def header(data: AppData, view: ViewState, on_text: str) -> html.Header:
    lang = view.lang
    years = data.years()
    switch = [
        html.A(
            other.upper(),
            href="/" + to_query(view.with_(lang=other), years),
            lang=other,
            className="lang-link" + (" current" if other == lang else ""),
            **({"aria-current": "true"} if other == lang else {}),
        )
        for other in LANGS
    ]
    return html.Header(
        [
            html.Div([html.H1(t("app.title", lang)), html.P(t("app.tagline", lang), className="tagline")]),
            html.Div(
                [
                    html.P(on_text, id=Id.AS_OF, className="as-of"),
                    html.Nav(
                        [
                            html.Span(
                                switch, className="lang-switch", **{"aria-label": t("nav.language", lang)}
                            ),
                            html.A(t("nav.data", lang), href="#data"),
                            html.A(
                                t("nav.present", lang),
                                href=PRESENT_PATH + ("?lang=fr" if lang == "fr" else ""),
                            ),
                            html.A(
                                t("nav.methodology", lang),
                                href=METHODOLOGY_PATH + ("?lang=fr" if lang == "fr" else ""),
                            ),
                        ],
                        className="site-nav",
                    ),
                ],
                className="header-side",
            ),
        ],
        className="site-header",
    )


def notices(view: ViewState) -> html.Div:
    items = [html.P(t(key, view.lang, **values)) for key, values in view.notices]
    return html.Div(items, id=Id.NOTICE, className="notice", role="status", hidden=not items)


def page(data: AppData, view: ViewState, topojson_url: str) -> html.Div:
    lang, year = view.lang, view.year
    on = data.as_of(year)
    figure = build_figure(data.shapes, map_arrays_for(data, view))
    turning_years = {y for y in data.years() if data.changes(y)}
    timeline_title = (
        t("timeline.title_country", lang, country=data.shapes.name(view.country, lang))
        if view.country
        else t("timeline.title", lang)
    )
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            dcc.Store(id=Id.COUNTRY, data=view.country),
            dcc.Location(id=Id.PAGE_LOCATION, refresh=False),
            dcc.Location(id=Id.HISTORY_LOCATION, refresh=False),
            dcc.Store(id=Id.COMPACT, data=False),
            dcc.Store(id=Id.MAP_FRAMES),
            header(data, view, t("map.as_of", lang, date=format_date(on, lang))),
            notices(view),
            html.Main(
                [
                    html.Section(
                        [
                            map_graph(Id.MAP, figure, topojson_url, lang, "map"),
                            html.Div(legend(data, view.lens, lang), id=Id.LEGEND, className="legend"),
                            year_control(data.years(), year, turning_years, lang),
                            view_controls(data, view, lang),
                            share_dialog(lang),
                        ],
                        className="map-column",
                    ),
                    html.Aside(
                        [
                            country_buttons(data, view.country, lang),
                            html.Div(
                                panel_content(data, year, view.country, lang),
                                id=Id.PANEL,
                                **{"aria-live": "polite"},
                            ),
                        ],
                        className="panel",
                    ),
                ],
                className="layout",
            ),
            html.Section(
                [
                    html.H2(timeline_title, id=Id.TIMELINE_TITLE),
                    html.P(t("timeline.help", lang), className="muted small"),
                    dcc.Graph(
                        id=Id.TIMELINE,
                        figure=timeline_figure(
                            data.dataset, data.shapes, view.country, on, data.clock(), lang
                        ),
                        config={"displaylogo": False, "displayModeBar": False, "responsive": True},
                    ),
                ],
                className="timeline-section",
            ),
            events_table(data.dataset, data.shapes, data.years(), lang),
            html.Footer(html.P(t("credit", lang)), className="site-footer"),
        ],
        className="page",
        lang=lang,
    )


def methodology(data: AppData, view: ViewState) -> html.Div:
    lang = view.lang
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            header(data, view, t("map.as_of", lang, date=format_date(data.clock(), lang))),
            notices(view),
            methodology_page(data.methodology, lang, "/" + ("?lang=fr" if lang == "fr" else "")),
            html.Footer(html.P(t("credit", lang)), className="site-footer"),
        ],
        className="page",
        lang=lang,
    )


def not_found(data: AppData, view: ViewState) -> html.Div:
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=view.lang),
            html.H1(t("app.title", view.lang)),
            html.P(t("page.not_found", view.lang)),
            html.P(html.A(t("nav.map", view.lang), href="/")),
        ],
        className="page",
    )
