"""Pieces several pages share: the shell the server sends first, the header and footer, the
notices, and the map's graph in its labelled box."""

from __future__ import annotations

from collections.abc import Callable

from dash import dcc, html

from data.context import AppData
from data.i18n import LANGS, Lang, t
from data.view import View, map_url, methodology_url, present_url
from layouts.ids import Id


def shell() -> html.Div:
    """The document the server sends: the page itself is rendered for the address once it is known."""
    return html.Div(
        [
            dcc.Location(id=Id.LOCATION, refresh=False),
            html.Span(id=Id.DOC_LANG, hidden=True),
            html.Div(html.P("…", className="loading"), id=Id.PAGE),
        ]
    )


def map_graph(
    graph_id: Id,
    figure: object,
    topojson_url: str,
    lang: Lang,
    class_name: str,
    *,
    role: str = "region",
) -> html.Div:
    """The map's graph in its labelled box: offline topojson, no scroll zoom, follows its box's size.

    No plotly mode bar: its camera saves the map without legend, date or credit, and it can offer
    to send the chart to an outside service. The share dialog is the one place for images."""
    config: dict[str, object] = {
        "topojsonURL": topojson_url,
        "displaylogo": False,
        "displayModeBar": False,
        "showSendToCloud": False,
        "scrollZoom": False,
        "responsive": True,
    }
    return html.Div(
        dcc.Graph(id=graph_id, figure=figure, config=config, style={"height": "100%"}),
        className=class_name,
        role=role,
        **{"aria-label": t("map.aria", lang)},
    )


def notices(view: View) -> html.Div:
    """What the address asked for that could not be shown, in words."""
    items = [html.P(notice.message(view.lang)) for notice in view.notices]
    return html.Div(items, id=Id.NOTICE, className="notice", role="status", hidden=not items)


def header(
    data: AppData, view: View, on_text: str, review: str, url_for: Callable[[View], str]
) -> html.Header:
    """The site's header: title, the date shown and, past the data's review date, a notice that
    later changes are not shown; its EN | FR links open the same page (`url_for`) in the other
    language."""
    lang = view.lang
    switch = [
        html.A(
            other.upper(),
            href=url_for(view.with_(lang=other)),
            lang=other,
            className="lang-link" + (" current" if other == lang else ""),
            **({"aria-current": "true"} if other == lang else {}),
        )
        for other in LANGS
    ]
    first = data.calendar().first.year
    return html.Header(
        [
            html.Div(
                [
                    html.H1(t("app.title", lang)),
                    html.P(t("app.tagline", lang, first=first), className="tagline"),
                ]
            ),
            html.Div(
                [
                    html.P(on_text, id=Id.AS_OF, className="as-of"),
                    html.P(review, id=Id.REVIEW, className="review-notice", role="note"),
                    html.Nav(
                        [
                            html.Span(
                                switch, className="lang-switch", **{"aria-label": t("nav.language", lang)}
                            ),
                            html.A(t("nav.data", lang), href="#data"),
                            html.A(
                                t("nav.present", lang), href=present_url(View(period=view.period, lang=lang))
                            ),
                            html.A(t("nav.methodology", lang), href=methodology_url(view)),
                        ],
                        className="site-nav",
                    ),
                ],
                className="header-side",
            ),
        ],
        className="site-header",
    )


def footer(lang: Lang) -> html.Footer:
    return html.Footer(html.P(t("credit", lang)), className="site-footer")


def message_page(data: AppData, lang: Lang, message_key: str) -> html.Div:
    """A page that only says something (no such page, no story) and leads back to the map."""
    calendar = data.calendar()
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            html.H1(t("app.title", lang)),
            html.P(t(message_key, lang)),
            html.P(html.A(t("nav.map", lang), href=map_url(View(period=calendar.last, lang=lang), calendar))),
        ],
        className="page",
    )
