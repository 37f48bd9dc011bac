"""The published picture of a view: the map with its title, legend, as-of date and source credit
baked in, so it carries them wherever it is pasted. A single date is laid out for its size by
`layouts.picture`; two dates compared are drawn side by side here.
"""

from __future__ import annotations

import plotly.graph_objects as go

from data.compare import compare_title, difference_text, differences, in_order
from data.context import AppData
from data.describe import credit_line, review_notice
from data.i18n import format_date, t
from data.presets import sized_preset
from data.view import HEIGHT, WIDTH, View
from layouts import theme
from layouts.compare import compare_legend
from layouts.labels import place_figure_labels
from layouts.legend import legend_annotation
from layouts.map_figure import build_figure, map_arrays_for
from layouts.picture import preset_figure
from layouts.text import plotly_text

MAP_DOMAIN_X = (0.0, 0.76)  # a comparison's legend takes the right-hand column


def image_figure(data: AppData, view: View, size: tuple[int, int] | None = None) -> go.Figure:
    """The published picture of a view at `size` (its layout in `layouts.picture`), or of two dates
    side by side for a comparison; with a `size` in px, its labels are placed for that size
    (`layouts.labels`)."""
    if view.compare is None:
        width, height = size or (WIDTH[2], HEIGHT[2])
        return preset_figure(data, view, sized_preset(width, height))[0]
    figure = compare_image_figure(data, view)
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
