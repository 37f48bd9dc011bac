"""The embeddable view (/embed): the map, its legend, the year, an optional slider and the credit.

It is made to sit in another site's iframe: no header, a width that follows the frame, and a
credit line with the as-of date that links back to the full map. `assets/embed.js` tells the host
page its height.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash import dcc, html

from layouts.context import AppData
from layouts.i18n import format_date, t
from layouts.ids import Id
from layouts.map_figure import build_figure
from layouts.page import legend, map_arrays_for, map_graph, notices
from layouts.snapshot import credit_line, full_view_path
from layouts.url_state import ViewState

Notice = tuple[str, dict[str, object]]


def parse_controls(args: Mapping[str, str]) -> tuple[bool, list[Notice]]:
    """`controls=0|1` (default 1); anything else shows the controls with a notice."""
    raw = args.get("controls")
    if raw is None or raw.strip() == "1":
        return True, []
    if raw.strip() == "0":
        return False, []
    return True, [("notice.bad_controls", {"value": " ".join(raw.split())[:40]})]


def embed_texts(data: AppData, view: ViewState) -> tuple[str, str, str]:
    """The year line, the credit line and the full view's address for a view."""
    on = data.as_of(view.year)
    year_line = f"{view.year} — " + t("map.as_of", view.lang, date=format_date(on, view.lang))
    return year_line, credit_line(data, view), full_view_path(data, view)


def embed_page(data: AppData, view: ViewState, controls: bool, topojson_url: str) -> html.Div:
    lang = view.lang
    years = data.years()
    year_line, credit, full_path = embed_texts(data, view)
    # Framed on the four countries with short labels: embeds sit in narrow article columns.
    figure = build_figure(data.shapes, map_arrays_for(data, view, compact=True))
    figure.update_layout(title=None, margin={"l": 0, "r": 0, "t": 0, "b": 0})
    marks = {years[0]: str(years[0]), years[-1]: str(years[-1])}
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            dcc.Store(
                id=Id.EMBED_VIEW,
                data={"lang": lang, "country": view.country, "lens": view.lens, "bases": view.bases},
            ),
            notices(view),
            html.P(year_line, id=Id.EMBED_YEAR, className="embed-year"),
            map_graph(Id.EMBED_MAP, figure, topojson_url, lang, "embed-map", mode_bar=False, role="img"),
            html.Div(
                dcc.Slider(
                    id=Id.EMBED_SLIDER,
                    min=years[0],
                    max=years[-1],
                    step=1,
                    value=view.year,
                    marks=marks,
                    allow_direct_input=False,
                    updatemode="drag",
                ),
                className="embed-slider",
                hidden=not controls,
                **{"aria-label": t("year.label", lang)},
            ),
            html.Div(legend(data, view.lens, lang), className="legend embed-legend"),
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
    )
