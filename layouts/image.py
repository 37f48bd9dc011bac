"""The published picture of a view: the map with its title, legend, as-of date and source credit
baked in, so it carries them wherever it is pasted.

`image_layout` is that addition alone: the server renders `image_figure` (see `publish.render`) and
the browser-side download merges the same layout into the map it already shows.
"""

from __future__ import annotations

import plotly.graph_objects as go

from data.context import AppData
from data.describe import credit_line, review_notice
from data.i18n import format_date, t
from data.view import View
from layouts import theme
from layouts.legend import legend, legend_annotation
from layouts.map_figure import build_figure, map_arrays_for

MAP_DOMAIN_X = (0.0, 0.76)  # the legend takes the right-hand column


def image_layout(data: AppData, view: View) -> dict:
    """The layout a published image adds to the map: title, legend, credit, full framing."""
    lang = view.lang
    title = f"{t('app.title', lang)} — " + t(
        "map.title", lang, date=format_date(data.as_of(view.period), lang)
    )
    if view.country:
        title += f" — {data.shapes.name(view.country, lang)}"
    review = review_notice(data, view.period, lang)
    if review:  # the picture says it too: it travels without the page
        title += f"<br><span style='font-size:13px;color:{theme.TEXT_COLOUR}'>{review}</span>"
    model = legend(data.dataset, view.lens, lang, bases=view.bases, short=True)
    annotations = [
        {
            "text": legend_annotation(model),
            "xref": "paper",
            "yref": "paper",
            "x": MAP_DOMAIN_X[1] + 0.02,
            "y": 0.98,
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            "font": {"size": 13, "color": theme.TEXT_COLOUR},
        },
        {
            "text": credit_line(data, lang),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "yshift": -12,
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            "font": {"size": 12, "color": theme.MUTED_TEXT},
        },
    ]
    return {
        "title": {"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 18}},
        "annotations": annotations,
        "margin": {"l": 8, "r": 8, "t": 66 if review else 48, "b": 40},
        "geo": {
            "domain": {"x": list(MAP_DOMAIN_X), "y": [0, 1]},
            "lonaxis": {"range": list(theme.LON_RANGE)},
            "lataxis": {"range": list(theme.LAT_RANGE)},
        },
    }


def image_figure(data: AppData, view: View) -> go.Figure:
    figure = build_figure(data.shapes, map_arrays_for(data, view))
    figure.update_layout(image_layout(data, view))
    return figure
