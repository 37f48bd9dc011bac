"""Two dates compared (`?date=2021-12&compare=2024-12`): the two maps side by side (one under the
other on a phone), each with its date, the countries whose principal partner differs outlined on
both, and a compact list of what changed.

The same pieces make the map page's comparison, the embed's and the published image's; the "Compare
with…" picker on the map page leads here. Pure: functions of the data and the view.
"""

from __future__ import annotations

import dataclasses

import plotly.graph_objects as go
from dash import dcc, html

from data.cite import citation
from data.compare import compare_title, difference_text, differences, in_order
from data.context import AppData
from data.describe import credit_line, review_notice
from data.i18n import format_date, t
from data.period import Period
from data.view import View, embed_url, map_url, snapshot_url
from layouts.common import footer, header, map_graph, notices
from layouts.ids import Id
from layouts.legend import Legend, LegendEntry, legend, legend_html
from layouts.map_figure import build_figure, dark_figure, map_arrays_for
from layouts.share import CITE_ROWS, EMBED_MESSAGE, ORIGIN, embed_code


def compare_legend(data: AppData, view: View, *, short: bool = False) -> Legend:
    """The lens's colours, and the outline that marks a country that differs."""
    model = legend(data.dataset, view.lens, view.lang, changed=False, bases=view.bases, short=short)
    outline = LegendEntry(t("compare.outline_short" if short else "compare.outline", view.lang), outline=True)
    return dataclasses.replace(model, entries=(*model.entries, outline))


def periods_of(data: AppData, view: View) -> tuple[Period, Period]:
    """The two periods of a comparison, the earlier first."""
    assert view.compare is not None
    return in_order(data, view.period, view.compare)


def compare_figure(data: AppData, view: View, period: Period, compact: bool = False) -> go.Figure:
    """One of the two maps: the period's colours, the differing countries outlined."""
    assert view.compare is not None
    outlined = [d.country for d in differences(data, view.period, view.compare)]
    shown = view.with_(period=period, compare=None)
    figure = build_figure(data.shapes, map_arrays_for(data, shown, compact=compact, outlined=outlined))
    figure.update_layout(title=None, margin={"l": 0, "r": 0, "t": 0, "b": 0})
    return figure


def changes_list(data: AppData, view: View) -> html.Div:
    """ "What changed between the two dates": one line per country that differs."""
    assert view.compare is not None
    lang = view.lang
    found = differences(data, view.period, view.compare)
    body = (
        html.Ul([html.Li(difference_text(data, d, lang)) for d in found], className="changes")
        if found
        else html.P(t("compare.none", lang), className="muted")
    )
    return html.Div([html.H2(t("compare.changes_title", lang)), body], className="compare-changes")


def compare_maps(data: AppData, view: View, topojson_url: str, *, compact: bool) -> html.Div:
    """The two maps, each under its date."""
    lang = view.lang
    figures = []
    for graph_id, period in zip((Id.COMPARE_FIRST, Id.COMPARE_SECOND), periods_of(data, view), strict=True):
        figures.append(
            html.Figure(
                [
                    html.Figcaption(format_date(data.as_of(period), lang), className="compare-period"),
                    map_graph(
                        graph_id,
                        dark_figure(compare_figure(data, view, period, compact=compact))
                        if view.theme == "dark"
                        else compare_figure(data, view, period, compact=compact),
                        topojson_url,
                        lang,
                        "compare-map",
                        role="img",
                    ),
                ],
                className="compare-figure",
            )
        )
    return html.Div(figures, className="compare-maps")


def share_block(data: AppData, view: View) -> html.Details:
    """The comparison's links: its address, the embed code, and its snapshots. The browser puts the
    site's address in front of them (`data-origin` fields, assets/share.js)."""
    lang = view.lang
    calendar = data.calendar()
    first, second = periods_of(data, view)
    frame_id = f"sahel-map-{first.token()}-vs-{second.token()}"
    code = embed_code(ORIGIN + embed_url(view, calendar), frame_id, t("app.title", lang))
    # Written as the page is: dated with the server's day (the map page's dialog uses the reader's).
    cited = citation(data, view, ORIGIN, data.today())

    def field(label_key: str, field_id: Id, value: str, rows: int = 1, kind: str = "") -> html.Div:
        box = html.Textarea(
            value, id=field_id, readOnly=True, rows=rows, className=kind or None, **{"data-origin": ORIGIN}
        )
        return html.Div(
            [
                html.Label(t(label_key, lang), htmlFor=str(field_id)),
                html.Div(
                    [
                        box,
                        html.Button(t("share.copy", lang), className="copy", **{"data-copy": str(field_id)}),
                    ],
                    className="copy-row",
                ),
            ],
            className="share-field",
        )

    def snapshot(text: str, fmt: str) -> html.A:
        return html.A(text, href=snapshot_url(view, fmt), target="_blank", rel="noopener")

    return html.Details(
        [
            html.Summary(t("share.open", lang)),
            field("share.permalink", Id.COMPARE_LINK, ORIGIN + map_url(view, calendar)),
            field("share.embed", Id.COMPARE_EMBED, code, rows=3),
            html.P(t("share.embed_help", lang), className="muted small"),
            html.Details(
                [
                    html.Summary(t("cite.open", lang)),
                    html.P(t("cite.help", lang), className="muted small"),
                    *(
                        field(
                            f"cite.{name}", field_id, cited.as_dict()[name], CITE_ROWS[name], f"cite-{name}"
                        )
                        for name, field_id in (
                            ("chicago", Id.COMPARE_CITE_CHICAGO),
                            ("apa", Id.COMPARE_CITE_APA),
                            ("bibtex", Id.COMPARE_CITE_BIBTEX),
                        )
                    ),
                ],
                id=Id.COMPARE_CITE,
                className="share-cite",
            ),
            html.P(id=Id.COMPARE_STATUS, className="share-status", role="status"),
            html.P(
                [
                    t("share.server_images", lang),
                    " ",
                    snapshot("PNG", "png"),
                    " · ",
                    snapshot("SVG", "svg"),
                    " · ",
                    snapshot(t("share.alt", lang), "txt"),
                    " · ",
                    html.A(t("share.csv", lang), href=snapshot_url(view, "csv", download=True)),
                ],
                className="small",
            ),
        ],
        id=Id.COMPARE_SHARE,
        className="share",
        **{"data-copied": t("share.copied", lang), "data-copy-failed": t("share.copy_failed", lang)},
    )


def dates_form(data: AppData, view: View) -> html.Form:
    """Two month pickers and a button: another comparison (a plain form: it works without script)."""
    lang = view.lang
    months = list(data.calendar())
    first, second = periods_of(data, view)

    def picker(name: str, label_key: str, chosen: Period) -> html.Label:
        options = [
            html.Option(p.label(lang), value=p.token(), selected=p == chosen.month_of()) for p in months
        ]
        if chosen.day:  # a day stays a choice as it was asked for
            options.append(html.Option(chosen.label(lang), value=chosen.token(), selected=True))
        return html.Label([t(label_key, lang), html.Select(options, name=name)], className="compare-pick")

    kept = [
        dcc.Input(type="hidden", name=key, value=value)
        for key, value in (
            ("country", view.country),
            ("lens", view.lens if view.lens != "alignment" else None),
            ("bases", None if view.bases else "0"),
            ("lang", lang if lang != "en" else None),
        )
        if value
    ]
    return html.Form(
        [
            picker("date", "compare.first", first),
            picker("compare", "compare.second", second),
            *kept,
            html.Button(t("compare.go", lang), type="submit"),
        ],
        action="/",
        method="get",
        className="compare-form",
    )


def compare_page(data: AppData, view: View, topojson_url: str) -> html.Div:
    """The map page for two dates."""
    lang = view.lang
    calendar = data.calendar()
    first, second = periods_of(data, view)
    review = review_notice(data, second, lang)
    one_map = view.with_(compare=None)
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            header(
                data,
                view,
                compare_title(data, first, second, lang),
                review,
                lambda v: map_url(v, calendar),
            ),
            notices(view),
            html.Main(
                [
                    html.H2(compare_title(data, first, second, lang), className="compare-title"),
                    compare_maps(data, view, topojson_url, compact=True),
                    html.Div(legend_html(compare_legend(data, view)), className="legend"),
                    changes_list(data, view),
                    dates_form(data, view),
                    html.P(html.A(t("compare.stop", lang), href=map_url(one_map, calendar))),
                    share_block(data, view),
                ],
                className="compare",
            ),
            footer(lang),
        ],
        className="page compare-page",
        lang=lang,
    )


def compare_embed(data: AppData, view: View, topojson_url: str) -> html.Div:
    """The embed of a comparison: both maps, what changed, the credit and a link to the full view."""
    lang = view.lang
    calendar = data.calendar()
    first, second = periods_of(data, view)
    review = review_notice(data, second, lang)
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            notices(view),
            html.P(compare_title(data, first, second, lang), id=Id.EMBED_YEAR, className="embed-year"),
            html.P(review, id=Id.EMBED_REVIEW, className="review-notice", role="note"),
            compare_maps(data, view, topojson_url, compact=True),
            changes_list(data, view),
            html.Div(legend_html(compare_legend(data, view)), className="legend embed-legend"),
            html.P(
                [
                    html.Span(credit_line(data, lang), id=Id.EMBED_CREDIT),
                    " · ",
                    html.A(
                        t("embed.full_view", lang),
                        id=Id.EMBED_FULL_LINK,
                        href=map_url(view, calendar),
                        target="_blank",
                        rel="noopener",
                    ),
                ],
                className="embed-credit",
            ),
        ],
        className="embed embed-compare",
        lang=lang,
        # Drawn by the server in a light or dark theme (`auto` draws the light one).
        **{"data-embed-message": EMBED_MESSAGE, "data-theme": "dark" if view.theme == "dark" else "light"},
    )


def compare_picker(data: AppData, view: View) -> html.Div:
    """The map page's "Compare with…": pick a month, and the page shows it beside the one on screen."""
    lang = view.lang
    return html.Div(
        [
            html.Label(t("compare.pick", lang), htmlFor=str(Id.COMPARE_PICK)),
            dcc.Dropdown(
                id=Id.COMPARE_PICK,
                options=[{"label": p.label(lang), "value": p.token()} for p in data.calendar()],
                placeholder=t("compare.with", lang),
                clearable=False,
                searchable=True,
            ),
            dcc.Location(id=Id.COMPARE_GO, refresh=True),
        ],
        className="compare-picker",
    )
