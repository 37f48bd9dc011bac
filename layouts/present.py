"""Briefing mode (/present): the map full screen with the story's moment written over it.

What is on the wall comes from `data.present` (the state and its `moment`); this module draws it.
Keys are read by `assets/present.js`.
"""

from __future__ import annotations

import dataclasses

import plotly.graph_objects as go
from dash import dcc, html

from data.context import AppData
from data.i18n import t
from data.present import Moment, PresentState, moment
from data.sites import NEAR_DEGREES, site_points
from data.view import ALIGNMENT_LENS, View
from layouts import theme
from layouts.common import map_graph, message_page, notices
from layouts.ids import Id
from layouts.legend import legend, legend_html
from layouts.map_figure import SELECTED_GROW, MapArrays, build_figure, map_arrays

LABEL_SCALE = 1.5  # map labels read from the back of the room
SELECTED_WIDTH = 6.0  # the step's countries, outlined so the room sees them
POINTED_OUT_SCALE = 2.2  # a base the step points out: larger than the others (LABEL_SCALE)
PLAY_INTERVAL_MS = 2000


def present_arrays(data: AppData, shown: Moment, lang: str) -> MapArrays:
    """The map for a moment: no change outlines, large labels, the step's countries outlined and
    the bases it points out drawn larger."""
    bases = data.bases_on(shown.on)
    arrays = map_arrays(
        data.shapes,
        data.dataset,
        data.states_on(shown.on),
        (),
        shown.period,
        shown.on,
        lang,  # type: ignore[arg-type]
        selected=shown.country,
        bases=bases,
        first=data.calendar().first,
        outlines=data.outlines,
        outlines_shown=data.outlines_shown_on(shown.on),
    )
    # The markers as map_arrays lists them; a marker holding a pointed-out base is drawn larger.
    pointed = [
        any(bases[i].id in shown.bases for i in point.members) for point in site_points(bases, NEAR_DEGREES)
    ]
    countries = [c for c in shown.countries if data.shapes.has_country(c)]
    return dataclasses.replace(
        arrays,
        label_sizes=[round(size * LABEL_SCALE) for size in arrays.label_sizes],
        base_sizes=[  # 13 → 20 px, a pointed-out base 29 px
            round(size * (POINTED_OUT_SCALE if out else LABEL_SCALE))
            for size, out in zip(arrays.base_sizes, pointed, strict=True)
        ],
        base_text_size=round(arrays.base_text_size * LABEL_SCALE),
        selected_width=SELECTED_WIDTH,
        selected_line=data.shapes.outline(countries, SELECTED_GROW) if countries else arrays.selected_line,
    )


def present_text(data: AppData, shown: Moment, state: PresentState) -> html.Div:
    """What is written over the map: period and date, legend, progress, caption and source."""
    lang = state.lang
    # The five colours only: nothing on this map is outlined as changed, and neighbours are obvious.
    colours = legend(data.dataset, ALIGNMENT_LENS, lang, neighbours=False, changed=False)
    children = [
        html.Div(
            [
                html.Div(shown.period_text, className="present-year"),
                html.Div(shown.date, className="present-date"),
                *([html.Div(shown.review, className="present-review")] if shown.review else []),
            ],
            className="present-when",
            **{"data-over-map": "1"},
        ),
        html.Div(legend_html(colours), className="present-legend", **{"data-over-map": "1"}),
        html.Div(
            [
                html.P(shown.caption, className="present-caption"),
                *([html.P(shown.changed, className="present-changed")] if shown.changed else []),
                html.P(shown.source, className="present-source"),
                html.Div(
                    [
                        html.Span(shown.progress, className="present-progress"),
                        html.Span(t("present.keys", lang), className="present-keys"),
                    ],
                    className="present-foot",
                ),
            ],
            className="present-band",
            **{"aria-live": "polite"},
        ),
        html.Div(
            className="present-bar",
            style={"width": f"{100 * state.step / max(1, len(data.dataset.story)):.1f}%"},
        ),
    ]
    # Esc leaves for the main map at the same date (read by assets/present.js).
    return html.Div(children, className="present-text-inner", lang=lang, **{"data-leave": shown.leave})


def present_figure(data: AppData, arrays: MapArrays) -> go.Figure:
    figure = build_figure(data.shapes, arrays)
    figure.update_layout(title=None, margin={"l": 0, "r": 0, "t": 0, "b": 0}, geo={"bgcolor": theme.OCEAN})
    return figure


def present_page(data: AppData, view: View, topojson_url: str) -> html.Div:
    lang = view.lang
    if not data.dataset.story:
        return message_page(data, lang, "present.no_story")
    state = PresentState(step=view.step, lang=lang)
    shown = moment(data, state)
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            dcc.Store(id=Id.PRESENT_STATE, data=state.as_dict()),
            dcc.Store(id=Id.PRESENT_KEY),
            dcc.Location(id=Id.PRESENT_LOCATION, refresh=False),
            dcc.Interval(id=Id.PRESENT_TIMER, interval=PLAY_INTERVAL_MS, disabled=True),
            map_graph(
                Id.PRESENT_MAP,
                present_figure(data, present_arrays(data, shown, lang)),
                topojson_url,
                lang,
                "present-map",
                role="img",
            ),
            html.Div(present_text(data, shown, state), id=Id.PRESENT_TEXT, className="present-text"),
            notices(view),
        ],
        className="present",
        lang=lang,
    )
