"""The embeddable view (/embed): the map, its legend, the period, an optional slider and the credit.

It is made to sit in another site's iframe: no header, a width that follows the frame, and a
credit line with the as-of date that links back to the full map. `assets/embed.js` tells the host
page its height.
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc, html

from data.context import AppData
from data.describe import credit_line, review_notice
from data.i18n import t
from data.view import View, map_url
from layouts.compare import compare_embed
from layouts.controls import period_slider
from layouts.ids import Id
from layouts.legend import legend, legend_html
from layouts.map_figure import as_of_text, build_figure, dark_figure, map_arrays_for
from layouts.page import map_graph, notices
from layouts.share import EMBED_MESSAGE, THEME_MESSAGE


def embed_texts(data: AppData, view: View) -> tuple[str, str, str, str]:
    """The period line, the review notice, the credit line and the full view's address."""
    period_line = as_of_text(data, view.period, view.lang)
    review = review_notice(data, view.period, view.lang)
    return period_line, review, credit_line(data, view.lang), map_url(view, data.calendar())


def embed_figure(data: AppData, view: View, theme: str) -> go.Figure:
    """The embed's map, framed on the four countries with short labels (embeds sit in narrow
    article columns), in the light or the dark theme."""
    figure = build_figure(data.shapes, map_arrays_for(data, view, compact=True))
    figure.update_layout(title=None, margin={"l": 0, "r": 0, "t": 0, "b": 0})
    return dark_figure(figure) if theme == "dark" else figure


def embed_page(data: AppData, view: View, topojson_url: str) -> html.Div:
    if view.compare is not None:
        return compare_embed(data, view, topojson_url)
    lang = view.lang
    period_line, review, credit, full_path = embed_texts(data, view)
    figure = embed_figure(data, view, "dark" if view.theme == "dark" else "light")
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            # The theme drawn; with `auto`, assets/embed.js sets it from the reader's setting.
            dcc.Store(id=Id.EMBED_THEME, data="dark" if view.theme == "dark" else "light"),
            dcc.Store(
                id=Id.EMBED_VIEW,
                data={"lang": lang, "country": view.country, "lens": view.lens, "bases": view.bases},
            ),
            notices(view),
            html.P(period_line, id=Id.EMBED_YEAR, className="embed-year"),
            html.P(review, id=Id.EMBED_REVIEW, className="review-notice", role="note"),
            map_graph(Id.EMBED_MAP, figure, topojson_url, lang, "embed-map", role="img"),
            period_slider(
                Id.EMBED_SLIDER,
                data.calendar(),
                view.period,
                lang,
                class_name="embed-slider",
                hidden=not view.controls,
            ),
            html.Div(legend_html(legend(data.dataset, view.lens, lang)), className="legend embed-legend"),
            html.P(
                [
                    html.Span(credit, id=Id.EMBED_CREDIT),
                    " · ",
                    html.A(
                        t("embed.full_view", lang),
                        id=Id.EMBED_FULL_LINK,
                        href=full_path,
                        target="_blank",
                        rel="noopener",
                    ),
                ],
                className="embed-credit",
            ),
        ],
        className="embed",
        lang=lang,
        **{
            "data-embed-message": EMBED_MESSAGE,
            "data-theme": view.theme,
            "data-theme-message": THEME_MESSAGE,
        },
    )
