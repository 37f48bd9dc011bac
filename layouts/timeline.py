"""The partnership timeline: one row per partner (per country and partner for the four together),
bars coloured by level, markers for coups and withdrawals, a cursor at the map's date."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from data.context import AppData
from data.i18n import Lang, format_date, t
from data.loader import Dataset
from data.period import Period
from data.schema import EventType, Partnership
from data.state import FRANCE, RUSSIA
from data.view import View
from geodata.names import FOCUS
from layouts import theme
from layouts.text import plotly_text

MARKED_EVENTS = (EventType.COUP, EventType.WITHDRAWAL_ANNOUNCED, EventType.WITHDRAWAL_COMPLETED)
MARKER_SYMBOLS = {
    EventType.COUP: "x",
    EventType.WITHDRAWAL_ANNOUNCED: "triangle-down-open",
    EventType.WITHDRAWAL_COMPLETED: "triangle-down",
}
ROW_HEIGHT = 26


def _partner_name(dataset: Dataset, p: Partnership, lang: Lang) -> str:
    return plotly_text(dataset.partner_name(p.partner, lang))


def timeline_title(data: AppData, view: View) -> str:
    if view.country:
        return t("timeline.title_country", view.lang, country=data.shapes.name(view.country, view.lang))
    return t("timeline.title", view.lang)


def timeline_figure(data: AppData, view: View, compact: bool = False) -> go.Figure:
    """One row per partner, grouped by country under its name (the country's own rows alone when
    the panel shows one); each bar in its partner's colour on the map, lighter for political ties and
    darkest for forces deployed; a row of coups and withdrawals per country, each kind with its mark.

    On a phone (`compact`), each country is a small multiple: its name as a heading, and each row's
    label written above its bar, so the bars keep the screen's width."""
    dataset, shapes, country, lang = data.dataset, data.shapes, view.country, view.lang
    on, today = data.as_of(view.period), data.today()
    countries = (country,) if country else FOCUS
    first = data.calendar().first.first_day
    partnerships: list[Partnership] = [
        p
        for p in dataset.partnerships
        if p.country in countries and (p.end_date is None or p.end_date > first)
    ]
    partnerships.sort(
        key=lambda p: (FOCUS.index(p.country), p.partner != FRANCE, p.partner != RUSSIA, p.partner)
    )
    markers_row = t("timeline.markers", lang)
    groups = {c: shapes.name(c, lang).upper() for c in countries}
    # The rows top to bottom: per country its partners, then its coups and withdrawals.
    rows: list[tuple[str, str]] = []
    for c in countries:
        rows += dict.fromkeys((c, _partner_name(dataset, p, lang)) for p in partnerships if p.country == c)
        rows.append((c, markers_row))
    place = _compact_places(rows) if compact else None

    def y_of(where: list[tuple[str, str]]) -> list:
        if place is not None:
            return [place[w] for w in where]
        return [[groups[c] for c, _ in where], [label for _, label in where]]

    figure = go.Figure()
    starts = [max(p.start_date, first) for p in partnerships]
    ends = [min(p.end_date or today, today) for p in partnerships]
    figure.add_trace(
        go.Bar(
            orientation="h",
            y=y_of([(p.country, _partner_name(dataset, p, lang)) for p in partnerships]),
            base=[s.isoformat() for s in starts],
            x=[(e - s).days * 86_400_000 for s, e in zip(starts, ends, strict=True)],
            width=0.5 if compact else None,
            marker={
                "color": [theme.partner_colour(p.partner, int(p.level)) for p in partnerships],
                "line": {"color": theme.WHITE, "width": 0.5},
            },
            showlegend=False,
            name=t("timeline.partnerships", lang),
            customdata=[
                [Period.containing(s).slider_value(), p.id] for s, p in zip(starts, partnerships, strict=True)
            ],
            hovertext=[
                f"<b>{plotly_text(getattr(p, f'name_{lang}'))}</b><br>"
                f"{t(f'level.{int(p.level)}', lang)}<br>"
                f"{format_date(p.start_date, lang, p.start_precision)} – "
                + (format_date(p.end_date, lang, p.end_precision) if p.end_date else t("base.open", lang))
                for p in partnerships
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    for kind in MARKED_EVENTS:
        marks = [
            (e, c)
            for e in dataset.events
            if e.type == kind and e.date >= first
            for c in e.country
            if c in countries
        ]
        figure.add_trace(
            go.Scatter(
                x=[e.date.isoformat() for e, _ in marks],
                y=y_of([(c, markers_row) for _, c in marks]),
                mode="markers",
                marker={"symbol": MARKER_SYMBOLS[kind], "size": 11, "color": theme.TEXT_COLOUR},
                name=t(f"timeline.{kind}", lang),
                customdata=[[Period.containing(e.date).slider_value(), e.id] for e, _ in marks],
                hovertext=[
                    f"<b>{format_date(e.date, lang, e.date_precision)}</b><br>"
                    + plotly_text(getattr(e, f"title_{lang}"))
                    for e, _ in marks
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    # The partners' colours, in the legend (the bars carry many colours, a legend entry only one).
    shown = dict.fromkeys(
        p.partner if p.partner in theme.LENS_RAMPS else theme.OTHER_PARTNERS for p in partnerships
    )
    for partner in shown:
        name = t("timeline.other_partners", lang) if partner == theme.OTHER_PARTNERS else None
        figure.add_trace(
            go.Bar(
                orientation="h",
                x=[None],
                y=y_of(rows[:1]),
                marker={"color": theme.partner_colour(partner, 3)},
                name=name or plotly_text(dataset.partner_name(partner, lang)),
                hoverinfo="skip",
            )
        )
    annotations = [cursor_label(on, lang)]
    if place is not None:
        annotations += _compact_labels(rows, place, groups, first, len(countries) > 1)
    figure.update_layout(
        barmode="overlay",
        height=(110 + COMPACT_ROW_HEIGHT * (len(rows) + len(countries)))
        if compact
        else 110 + ROW_HEIGHT * len(rows),
        margin={"l": 6 if compact else 10, "r": 6 if compact else 10, "t": 30, "b": 30},
        font={"family": theme.FONT_FAMILY, "color": theme.TEXT_COLOUR, "size": 13},
        paper_bgcolor=theme.WHITE,
        plot_bgcolor=theme.WHITE,
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "title": {"text": ""}},
        xaxis={
            "type": "date",
            "range": [first.isoformat(), (today + dt.timedelta(days=60)).isoformat()],
            "gridcolor": theme.GRID,
            "dtick": "M24" if compact else "M12",
            "tickformat": "%Y",
        },
        # Rows come in the order given, the first at the top.
        yaxis=(
            {"autorange": "reversed", "showticklabels": False, "showgrid": False, "zeroline": False}
            if compact
            else {
                "type": "multicategory",
                "autorange": "reversed",
                "automargin": True,
                "dividercolor": theme.LINE,
            }
        ),
        shapes=[cursor_shape(on)],
        annotations=annotations,
        hoverlabel={"font": {"family": theme.FONT_FAMILY}},
        dragmode=False,
    )
    return figure


COMPACT_ROW_HEIGHT = 34  # px: a label above a bar


def _compact_places(rows: list[tuple[str, str]]) -> dict[tuple[str, str], float]:
    """Each row's place on a numeric axis, with a heading's room before each country."""
    places, at, country = {}, 0.0, None
    for row in rows:
        if row[0] != country:
            country, at = row[0], at + 1  # the country's heading
        places[row] = at
        at += 1
    return places


def _compact_labels(
    rows: list[tuple[str, str]],
    place: dict[tuple[str, str], float],
    groups: dict[str, str],
    first: dt.date,
    headings: bool,
) -> list[dict]:
    """Each row's label above its bar, and each country's name above its rows."""
    labels = []
    for i, (c, label) in enumerate(rows):
        common = {"x": first.isoformat(), "xref": "x", "yref": "y", "xanchor": "left", "yanchor": "bottom"}
        labels.append(
            {**common, "y": place[(c, label)] - 0.25, "text": label, "showarrow": False, "font": {"size": 12}}
        )
        if headings and (i == 0 or rows[i - 1][0] != c):
            labels.append(
                {
                    **common,
                    "y": place[(c, label)] - 1.1,
                    "text": f"<b>{groups[c]}</b>",
                    "showarrow": False,
                    "font": {"size": 14},
                }
            )
    return labels


def cursor_shape(on: dt.date) -> dict:
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": on.isoformat(),
        "x1": on.isoformat(),
        "y0": 0,
        "y1": 1,
        "line": {"color": theme.SELECTED_BORDER, "width": 2},
    }


def cursor_label(on: dt.date, lang: Lang) -> dict:
    """The date the cursor stands for, written at its top."""
    return {
        "x": on.isoformat(),
        "xref": "x",
        "y": 1,
        "yref": "paper",
        "yanchor": "top",
        "xanchor": "left",
        "xshift": 4,
        "text": format_date(on, lang),
        "showarrow": False,
        "bgcolor": theme.WHITE,
        "font": {"size": 12, "color": theme.SELECTED_BORDER},
    }
