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
from geodata.shapes import Shapes
from layouts import theme
from layouts.text import plotly_text

MARKED_EVENTS = (EventType.COUP, EventType.WITHDRAWAL_ANNOUNCED, EventType.WITHDRAWAL_COMPLETED)
MARKER_SYMBOLS = {
    EventType.COUP: "x",
    EventType.WITHDRAWAL_ANNOUNCED: "triangle-down-open",
    EventType.WITHDRAWAL_COMPLETED: "triangle-down",
}
ROW_HEIGHT = 26


def _row_label(dataset: Dataset, shapes: Shapes, p: Partnership, country: str | None, lang: Lang) -> str:
    name = plotly_text(dataset.partner_name(p.partner, lang))
    return name if country else f"{shapes.name(p.country, lang)} · {name}"


def timeline_title(data: AppData, view: View) -> str:
    if view.country:
        return t("timeline.title_country", view.lang, country=data.shapes.name(view.country, view.lang))
    return t("timeline.title", view.lang)


def timeline_figure(data: AppData, view: View) -> go.Figure:
    dataset, shapes, country, lang = data.dataset, data.shapes, view.country, view.lang
    on, today = data.as_of(view.period), data.today()
    countries = (country,) if country else FOCUS
    first = data.calendar().first.first_day
    rows: list[Partnership] = [
        p
        for p in dataset.partnerships
        if p.country in countries and (p.end_date is None or p.end_date > first)
    ]
    rows.sort(key=lambda p: (FOCUS.index(p.country), p.partner != FRANCE, p.partner != RUSSIA, p.partner))
    labels: list[str] = []
    for p in rows:
        label = _row_label(dataset, shapes, p, country, lang)
        if label not in labels:
            labels.append(label)
    markers_row = t("timeline.markers", lang)
    figure = go.Figure()
    for level in (1, 2, 3):
        chosen = [p for p in rows if int(p.level) == level]
        starts = [max(p.start_date, first) for p in chosen]
        ends = [min(p.end_date or today, today) for p in chosen]
        figure.add_trace(
            go.Bar(
                orientation="h",
                y=[_row_label(dataset, shapes, p, country, lang) for p in chosen],
                base=[s.isoformat() for s in starts],
                x=[(e - s).days * 86_400_000 for s, e in zip(starts, ends, strict=True)],
                marker={"color": theme.LENS_COLOURS[level], "line": {"color": theme.WHITE, "width": 0.5}},
                name=t(f"level.{level}", lang),
                customdata=[
                    [Period.containing(s).slider_value(), p.id] for s, p in zip(starts, chosen, strict=True)
                ],
                hovertext=[
                    f"<b>{plotly_text(getattr(p, f'name_{lang}'))}</b><br>"
                    f"{format_date(p.start_date, lang, p.start_precision)} – "
                    + (format_date(p.end_date, lang, p.end_precision) if p.end_date else t("base.open", lang))
                    for p in chosen
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    events = [
        e
        for e in dataset.events
        if e.type in MARKED_EVENTS and e.date >= first and any(c in countries for c in e.country)
    ]
    figure.add_trace(
        go.Scatter(
            x=[e.date.isoformat() for e in events],
            y=[markers_row] * len(events),
            mode="markers",
            marker={
                "symbol": [MARKER_SYMBOLS[e.type] for e in events],
                "size": 11,
                "color": theme.TEXT_COLOUR,
            },
            name=t("timeline.markers", lang),
            customdata=[[Period.containing(e.date).slider_value(), e.id] for e in events],
            hovertext=[
                f"<b>{format_date(e.date, lang, e.date_precision)}</b><br>"
                + plotly_text(getattr(e, f"title_{lang}"))
                for e in events
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    categories = [markers_row, *labels]
    figure.update_layout(
        barmode="overlay",
        height=90 + ROW_HEIGHT * len(categories),
        margin={"l": 10, "r": 10, "t": 30, "b": 30},
        font={"family": theme.FONT_FAMILY, "color": theme.TEXT_COLOUR, "size": 13},
        paper_bgcolor=theme.WHITE,
        plot_bgcolor=theme.WHITE,
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "title": {"text": ""}},
        xaxis={
            "type": "date",
            "range": [first.isoformat(), (today + dt.timedelta(days=60)).isoformat()],
            "gridcolor": theme.GRID,
            "dtick": "M12",
            "tickformat": "%Y",
        },
        yaxis={
            "categoryorder": "array",
            "categoryarray": list(reversed(categories)),
            "automargin": True,
        },
        shapes=[cursor_shape(on)],
        annotations=[cursor_label(on, lang)],
        hoverlabel={"font": {"family": theme.FONT_FAMILY}},
        dragmode=False,
    )
    return figure


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
