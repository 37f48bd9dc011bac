"""The map page: header, the map with its legend and controls, the panel, the timeline and the
events table.

Pure: it receives the loaded data and the requested view and returns components. The page arrives
whole: the panel, the timeline and the buttons are drawn here, so their callbacks wait for the
reader's first change instead of drawing them again as the page mounts.
"""

from __future__ import annotations

from dash import dcc, html

from data.context import AppData
from data.describe import review_notice
from data.i18n import t
from data.view import TABLE_EXTRA, View, map_url, methodology_url, to_query
from layouts.common import footer, header, map_graph, notices
from layouts.compare import compare_page, compare_picker
from layouts.controls import country_buttons, view_controls, year_control
from layouts.ids import Id
from layouts.legend import legend, legend_html
from layouts.map_figure import as_of_text, build_figure, map_arrays_for
from layouts.panel import panel_content, panel_key
from layouts.share import share_dialog
from layouts.table import events_table
from layouts.timeline import timeline_figure, timeline_title

HISTORY_START = "?"  # what `HISTORY_LOCATION` starts at: never a page's `location.search`


def map_page(data: AppData, view: View, topojson_url: str) -> html.Div:
    if view.compare is not None:
        return compare_page(data, view, topojson_url)
    lang = view.lang
    calendar = data.calendar()
    search = to_query(view, calendar, extras=(TABLE_EXTRA,))
    figure = build_figure(data.shapes, map_arrays_for(data, view))
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            # A Store given None sets its data again as it mounts, which would redraw everything
            # that follows the country: "no country" is an absent value instead.
            dcc.Store(id=Id.COUNTRY, **({"data": view.country} if view.country else {})),
            # Neither reports a change as the page mounts (which would ask the server again for
            # what it just sent): the first starts at the address the page was drawn for; the
            # second at a query no address has ("?", read as ""), so that going back to the page's
            # first address, which the first one's writes do not tell it about, is a change too.
            dcc.Location(id=Id.PAGE_LOCATION, refresh=False, search=search),
            dcc.Location(id=Id.HISTORY_LOCATION, refresh=False, search=HISTORY_START),
            dcc.Store(id=Id.FOLLOWING),
            dcc.Store(id=Id.COMPACT, data=False),
            dcc.Store(id=Id.MAP_FRAMES),
            header(
                data,
                view,
                as_of_text(data, view.period, lang),
                review_notice(data, view.period, lang),
                lambda v: map_url(v, calendar),
            ),
            notices(view),
            html.Main(
                [
                    html.Section(
                        [
                            map_graph(Id.MAP, figure, topojson_url, lang, "map"),
                            # The key and the date control right under the map: on a laptop the
                            # legend folds to one row, so both are in view with the map.
                            html.Div(
                                legend_html(
                                    legend(data.dataset, view.lens, lang, guide_href=methodology_url(view)),
                                    foldable=True,
                                ),
                                id=Id.LEGEND,
                                className="legend",
                            ),
                            year_control(data, view),
                            view_controls(data, view),
                            compare_picker(data, view),
                            share_dialog(lang, calendar),
                        ],
                        className="map-column",
                    ),
                    html.Aside(
                        [
                            country_buttons(data, view),
                            html.Div(panel_content(data, view), id=Id.PANEL, **{"aria-live": "polite"}),
                            dcc.Store(id=Id.PANEL_KEY, data=panel_key(view)),
                        ],
                        className="panel",
                    ),
                ],
                className="layout",
            ),
            html.Section(
                [
                    html.H2(timeline_title(data, view), id=Id.TIMELINE_TITLE),
                    html.P(t("timeline.help", lang), className="muted small"),
                    dcc.Graph(
                        id=Id.TIMELINE,
                        figure=timeline_figure(data, view),
                        config={
                            "displaylogo": False,
                            "displayModeBar": False,
                            "showSendToCloud": False,
                            "responsive": True,
                        },
                    ),
                ],
                className="timeline-section",
            ),
            events_table(data, view),
            footer(lang),
        ],
        className="page",
        lang=lang,
    )
