"""The published picture of a view: the map with its title, legend, as-of date and source credit
baked in, so it carries them wherever it is pasted.

`image_layout` is that addition alone: the server renders `image_figure` (see `publish.render`) and
the browser-side download merges the same layout into the map it already shows.
"""

from __future__ import annotations

import plotly.graph_objects as go

from data.compare import compare_title, difference_text, differences, in_order
from data.context import AppData
from data.describe import credit_line, review_notice
from data.i18n import format_date, t
from data.view import View
from layouts import theme
from layouts.compare import compare_legend
from layouts.labels import place_figure_labels
from layouts.legend import legend, legend_annotation
from layouts.map_figure import build_figure, map_arrays_for
from layouts.text import plotly_text

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


def image_figure(data: AppData, view: View, size: tuple[int, int] | None = None) -> go.Figure:
    """The published picture of a view (of two dates side by side, for a comparison); with its
    `size` in px, its labels are placed for that size (`layouts.labels`)."""
    if view.compare is not None:
        figure = compare_image_figure(data, view)
    else:
        figure = build_figure(data.shapes, map_arrays_for(data, view))
        figure.update_layout(image_layout(data, view))
    if size is not None:
        place_figure_labels(figure, data.shapes, *size)
    return figure


COMPARE_DOMAINS = ((0.0, 0.37), (0.39, 0.76))  # the two maps; the legend keeps the right-hand column


def compare_image_figure(data: AppData, view: View) -> go.Figure:
    """Two dates side by side in one picture: each map under its date, the differing countries
    outlined, the legend, what changed and the credit."""
    assert view.compare is not None
    lang = view.lang
    first, second = in_order(data, view.period, view.compare)
    found = differences(data, first, second)
    outlined = [d.country for d in found]
    figure = go.Figure()
    captions = []
    for period, geo, domain in zip((first, second), ("geo", "geo2"), COMPARE_DOMAINS, strict=True):
        shown = view.with_(period=period, compare=None)
        part = build_figure(data.shapes, map_arrays_for(data, shown, compact=True, outlined=outlined))
        for trace in part.data:
            trace.geo = geo
            figure.add_trace(trace)
        figure.update_layout(
            {geo: {**part.layout.geo.to_plotly_json(), "domain": {"x": list(domain), "y": [0, 0.93]}}}
        )
        captions.append(
            {
                "text": f"<b>{format_date(data.as_of(period), lang)}</b>",
                "xref": "paper",
                "yref": "paper",
                "x": domain[0],
                "y": 1.0,
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "font": {"size": 15, "color": theme.TEXT_COLOUR},
            }
        )
        figure.update_layout(
            font=part.layout.font,
            paper_bgcolor=part.layout.paper_bgcolor,
            showlegend=False,
            dragmode=False,
            hoverlabel=part.layout.hoverlabel,
        )
    lines = [difference_text(data, d, lang) for d in found] or [t("compare.none", lang)]
    changes = f"<b>{t('compare.changes_title', lang)}</b><br>" + "<br>".join(plotly_text(x) for x in lines)
    title = f"{t('app.title', lang)} — {compare_title(data, first, second, lang)}"
    review = review_notice(data, second, lang)
    if review:
        title += f"<br><span style='font-size:13px;color:{theme.TEXT_COLOUR}'>{review}</span>"
    note = {"xref": "paper", "yref": "paper", "xanchor": "left", "yanchor": "top", "align": "left"}
    bottom = 18 * (len(lines) + 1) + 34
    figure.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 18}},
        margin={"l": 8, "r": 8, "t": 66 if review else 48, "b": bottom},
        annotations=[
            *captions,
            {
                **note,
                "text": legend_annotation(compare_legend(data, view, short=True)),
                "x": MAP_DOMAIN_X[1] + 0.02,
                "y": 0.98,
                "showarrow": False,
                "font": {"size": 13, "color": theme.TEXT_COLOUR},
            },
            {
                **note,
                "text": changes,
                "x": 0,
                "y": 0,
                "yshift": -6,
                "showarrow": False,
                "font": {"size": 13, "color": theme.TEXT_COLOUR},
            },
            {
                **note,
                "text": credit_line(data, lang),
                "x": 1,
                "xanchor": "right",
                "y": 0,
                "yshift": -6 - 18 * (len(lines) + 1),
                "showarrow": False,
                "font": {"size": 12, "color": theme.MUTED_TEXT},
            },
        ],
    )
    return figure
