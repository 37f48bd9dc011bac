"""Briefing mode (/present): the map full screen with the story's moment written over it.

What is on the wall comes from `data.present` (the state and its `moment`); this module draws it.
Keys are read by `assets/present.js`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import plotly.graph_objects as go
from dash import dcc, html

from data.context import AppData
from data.describe import source_labels, status_text
from data.i18n import Lang, format_date, t
from data.present import Moment, PresentState, moment
from data.sites import NEAR_DEGREES, site_points, sites
from data.view import ALIGNMENT_LENS, View
from geodata.names import FOCUS
from layouts import theme
from layouts.common import map_graph, message_page, notices
from layouts.glossary import linked
from layouts.ids import Id
from layouts.legend import legend, legend_html
from layouts.map_figure import SELECTED_GROW, MapArrays, build_figure, map_arrays

LABEL_SCALE = 1.5  # map labels read from the back of the room
SELECTED_WIDTH = 6.0  # the step's countries, outlined so the room sees them
CLOSED_SIZE = 30  # a closed base's cross, px
CLOSED_TEXT = 22  # its name, px: 2 % of a 1080 px wall
POINTED_OUT_SCALE = 2.2  # a base the step points out: larger than the others (LABEL_SCALE)
PLAY_INTERVAL_MS = 2000


def present_arrays(data: AppData, shown: Moment, lang: str, bases: bool = False) -> MapArrays:
    """The map for a moment: no change outlines, large labels, the step's countries outlined; the
    bases' marks when asked for (K) or when the step points some out, those drawn larger."""
    in_use = data.bases_on(shown.on)
    arrays = map_arrays(
        data.shapes,
        data.dataset,
        data.states_on(shown.on),
        (),
        shown.period,
        shown.on,
        lang,  # type: ignore[arg-type]
        selected=shown.country,
        bases=in_use,
        first=data.calendar().first,
        outlines=data.outlines,
        outlines_shown=data.outlines_shown_on(shown.on),
    )
    # The markers as map_arrays lists them; a marker holding a pointed-out base is drawn larger.
    pointed = [
        any(in_use[i].id in shown.bases for i in point.members) for point in site_points(in_use, NEAR_DEGREES)
    ]
    countries = [c for c in shown.countries if data.shapes.has_country(c)]
    # A focus country's label is its name and, for a year after a coup, the coup's dated badge: its
    # status is what its colour and the legend say, and at the wall's size it would push the badge out.
    labels = [label.rsplit("<br>", 1)[0] if "<br>" in label else label for label in arrays.labels]
    return dataclasses.replace(
        arrays,
        labels=labels,
        label_sizes=[round(size * LABEL_SCALE) for size in arrays.label_sizes],
        base_sizes=[  # 13 → 20 px, a pointed-out base 29 px
            round(size * (POINTED_OUT_SCALE if out else LABEL_SCALE))
            for size, out in zip(arrays.base_sizes, pointed, strict=True)
        ],
        base_text_size=round(arrays.base_text_size * LABEL_SCALE),
        selected_width=SELECTED_WIDTH,
        selected_line=data.shapes.outline(countries, SELECTED_GROW) if countries else arrays.selected_line,
        show_bases=(bases or bool(shown.bases)) and arrays.show_bases,
    )


def before_after(data: AppData, lang: Lang) -> html.Table:
    """The closing strip: each of the four countries at the story's first step and at its last, its
    colour and that colour in words."""
    story = data.dataset.story
    first, last = story[0].date, story[-1].date

    def cell(country: str, on: dt.date) -> html.Td:
        state = data.states_on(on)[country]
        swatch = html.Span(
            className="swatch", style={"background": theme.class_colour_css(state.alignment.value)}
        )
        return html.Td([swatch, " ", status_text(data.dataset, state, lang)])

    return html.Table(
        [
            html.Thead(
                html.Tr([html.Th(""), html.Th(format_date(first, lang)), html.Th(format_date(last, lang))])
            ),
            html.Tbody(
                [
                    html.Tr([html.Th(data.shapes.name(c, lang), scope="row"), cell(c, first), cell(c, last)])
                    for c in FOCUS
                ]
            ),
        ],
        className="present-strip",
    )


def present_text(data: AppData, shown: Moment, state: PresentState) -> html.Div:
    """What is written over the map: period and date, legend, progress, caption and source."""
    lang = state.lang
    # The five colours only: nothing on this map is outlined as changed, and neighbours are obvious.
    colours = legend(data.dataset, ALIGNMENT_LENS, lang, neighbours=False, changed=False, bases=state.bases)
    n_steps = len(data.dataset.story)
    progress = t("present.end_progress", lang, count=n_steps) if state.end else shown.progress
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
                html.P(linked(shown.caption, lang, "wall"), className="present-caption"),
                *([html.P(shown.changed, className="present-changed")] if shown.changed else []),
                html.P(shown.source, className="present-source"),
                html.Div(
                    [
                        html.Span(progress, className="present-progress"),
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
            style={"width": f"{100 * state.step / max(1, n_steps):.1f}%"},
        ),
    ]
    if state.end:
        children.append(
            html.Div(
                [
                    html.H1(t("present.end", lang), className="present-end-title"),
                    html.P(t("present.end_steps", lang, count=n_steps), className="present-end-count"),
                    before_after(data, lang),
                    html.P(t("present.end_leave", lang), className="present-end-leave"),
                ],
                className="present-end",
            )
        )
    # Q leaves for the main map at the same date; the country whose colour changed pulses and the
    # bases closed are crossed out for a moment; the notes window follows the state (all read by
    # assets/present.js).
    attributes = {
        "data-leave": shown.leave,
        "data-pulse": "" if state.playing or state.end else shown.pulse,
        "data-closed": "" if state.playing or state.end else ";".join(base.id for base in shown.closed),
        "data-present-state": json.dumps(state.as_dict(), sort_keys=True, separators=(",", ":")),
    }
    return html.Div(children, className="present-text-inner", lang=lang, **attributes)


def closed_marks(shown: Moment, lang: str) -> dict[str, list]:
    """The bases the step's countries lost since the story last spoke of them: at each site, its
    marker struck through, with the short names of the bases closed there, one a line."""
    closed = shown.closed
    groups = sites(closed, NEAR_DEGREES)
    return {
        "lon": [round(sum(closed[i].lon for i in g) / len(g), 4) for g in groups],
        "lat": [round(sum(closed[i].lat for i in g) / len(g), 4) for g in groups],
        "text": ["<br>".join(getattr(closed[i], f"label_{lang}") for i in g) for g in groups],
        "symbol": [
            theme.base_symbol(closed[g[0]].operator) if len(g) == 1 else theme.TOGETHER_SYMBOL for g in groups
        ],
        "colour": [
            theme.base_colour(closed[g[0]].operator) if len(g) == 1 else theme.BASE_OUTLINE for g in groups
        ],
    }


def closed_index(arrays: MapArrays) -> int:
    """The first of the two traces of closed bases: after `build_figure`'s own (the selected
    country's line is its last); the strokes through them follow."""
    return 3 + len(arrays.outlines) + 1


def closed_patch(shown: Moment, arrays: MapArrays, lang: str) -> dict[tuple, object]:
    index, marks = closed_index(arrays), closed_marks(shown, lang)
    return {
        **{("data", i, key): marks[key] for i in (index, index + 1) for key in ("lon", "lat")},
        ("data", index, "text"): marks["text"],
        ("data", index, "marker", "symbol"): marks["symbol"],
        ("data", index, "marker", "line", "color"): marks["colour"],
    }


def present_figure(data: AppData, arrays: MapArrays, shown: Moment, lang: str) -> go.Figure:
    figure = build_figure(data.shapes, arrays)
    # The bases closed since: their markers, struck through, and their names, which fade out a few
    # seconds after the step arrives (assets/present.js; they stay for a reader who asks for
    # reduced motion).
    marks = closed_marks(shown, lang)
    figure.add_trace(
        go.Scattergeo(
            lon=marks["lon"],
            lat=marks["lat"],
            text=marks["text"],
            mode="markers+text",
            textposition="bottom center",
            textfont={
                "size": CLOSED_TEXT,
                "color": theme.TEXT_COLOUR,
                "family": theme.FONT_FAMILY,
                "shadow": "auto",
            },
            marker={
                "symbol": marks["symbol"],
                "size": CLOSED_SIZE,
                "color": theme.BASE_FILL,
                "opacity": 1,
                "line": {"width": 2.5, "color": marks["colour"]},
            },
            hoverinfo="skip",
            name="closed",
            uid="closed",
        )
    )
    figure.add_trace(
        go.Scattergeo(
            lon=marks["lon"],
            lat=marks["lat"],
            mode="markers",
            marker={
                "symbol": "line-ne",
                "size": CLOSED_SIZE * 1.5,
                "line": {"width": 5, "color": theme.CLOSED_STROKE},
            },
            hoverinfo="skip",
            name="closed-stroke",
            uid="closed-stroke",
        )
    )
    if len(figure.data) != closed_index(arrays) + 2:
        raise AssertionError("the closed bases' traces are not where closed_patch writes")
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
                present_figure(data, present_arrays(data, shown, lang, state.bases), shown, lang),
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
        # Focus labels may leave their country to keep a coup's badge (read by assets/labels.js).
        **{"data-labels-loose": "1"},
    )


def notes_text(data: AppData, state: PresentState) -> html.Div:
    """The presenter's window: the step on the wall and the next one, the speaker notes, the sources
    with their dates."""
    lang, story = state.lang, data.dataset.story
    shown = moment(data, state)
    step = story[state.step - 1]

    def card(heading: str, when: str, caption: str, class_name: str) -> html.Section:
        caption_text = linked(caption, lang, class_name)
        texts = [html.P(when, className="notes-when"), html.P(caption_text, className="notes-caption")]
        return html.Section([html.H2(heading), *texts], className=class_name)

    now = card(t("present.notes_now", lang), f"{shown.progress} · {shown.date}", shown.caption, "notes-now")
    # Next: the step after this one; while playing the years, the step they left; after the last, the end.
    following = state.step if state.period is not None else state.step + 1
    if state.end or following > len(story):
        after = card(t("present.notes_next", lang), "", t("present.end", lang), "notes-next")
    else:
        nxt = story[following - 1]
        progress = t("present.progress", lang, step=following, count=len(story))
        when = f"{progress} · {format_date(nxt.date, lang)}"
        after = card(t("present.notes_next", lang), when, getattr(nxt, f"caption_{lang}"), "notes-next")
    notes = getattr(step, f"notes_{lang}") or t("present.notes_none", lang)
    sources = [html.Li(label.text) for label in source_labels(data, step.source_ids, lang)]
    head = html.Header(
        [
            html.H1(t("present.notes_title", lang)),
            html.P(
                [
                    html.Span(t("present.notes_elapsed", lang) + " "),
                    html.Span("0:00", className="notes-clock", **{"aria-live": "off"}),
                ],
                className="notes-elapsed",
            ),
        ],
        className="notes-head",
    )
    children = [
        head,
        now,
        after,
        html.Section([html.H2(t("present.notes_notes", lang)), html.P(notes, className="notes-notes")]),
        html.Section(
            [html.H2(t("present.notes_sources", lang)), html.Ul(sources, className="notes-sources")]
        ),
        html.P(t("present.notes_keys", lang), className="notes-keys"),
    ]
    attributes = {"data-present-state": json.dumps(state.as_dict(), sort_keys=True, separators=(",", ":"))}
    return html.Div(children, className="notes-text-inner", lang=lang, **attributes)


def notes_page(data: AppData, view: View, topojson_url: str) -> html.Div:
    """`/present/notes`: what the presenter reads in a second window, in step with the wall."""
    lang = view.lang
    if not data.dataset.story:
        return message_page(data, lang, "present.no_story")
    state = PresentState(step=view.step, lang=lang)
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            dcc.Store(id=Id.NOTES_STATE, data=state.as_dict()),
            dcc.Store(id=Id.NOTES_KEY),
            dcc.Location(id=Id.NOTES_LOCATION, refresh=False),
            html.Div(notes_text(data, state), id=Id.NOTES_TEXT),
            notices(view),
        ],
        className="present-notes",
        lang=lang,
    )
