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


def _group(dataset: Dataset, p: Partnership, lang: Lang) -> tuple[str, str]:
    """A bar's place on the time axis: its country's group and its partner's row."""
    return (p.country, plotly_text(dataset.partner_name(p.partner, lang)))


def timeline_title(data: AppData, view: View) -> str:
    if view.country:
        return t("timeline.title_country", view.lang, country=data.shapes.name(view.country, view.lang))
    return t("timeline.title", view.lang)


def timeline_figure(data: AppData, view: View) -> go.Figure:
    """One row per partner, grouped by country under its name (the country's own rows alone when
    the panel shows one); each bar in its partner's colour on the map, lighter for political ties and
    darkest for forces deployed; a row of coups and withdrawals per country, each kind with its mark."""
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
    markers_row = t("timeline.markers", lang)
    groups = {c: shapes.name(c, lang).upper() for c in countries}
    categories: list[tuple[str, str]] = []
    for c in countries:
        categories.append((groups[c], markers_row))
        for p in rows:
            place = (groups[c], _group(dataset, p, lang)[1])
            if p.country == c and place not in categories:
                categories.append(place)
    figure = go.Figure()
    starts = [max(p.start_date, first) for p in rows]
    ends = [min(p.end_date or today, today) for p in rows]
    figure.add_trace(
        go.Bar(
            orientation="h",
            y=[[groups[p.country] for p in rows], [_group(dataset, p, lang)[1] for p in rows]],
            base=[s.isoformat() for s in starts],
            x=[(e - s).days * 86_400_000 for s, e in zip(starts, ends, strict=True)],
            marker={
                "color": [theme.partner_colour(p.partner, int(p.level)) for p in rows],
                "line": {"color": theme.WHITE, "width": 0.5},
            },
            showlegend=False,
            name=t("timeline.partnerships", lang),
            customdata=[
                [Period.containing(s).slider_value(), p.id] for s, p in zip(starts, rows, strict=True)
            ],
            hovertext=[
                f"<b>{plotly_text(getattr(p, f'name_{lang}'))}</b><br>"
                f"{t(f'level.{int(p.level)}', lang)}<br>"
                f"{format_date(p.start_date, lang, p.start_precision)} – "
                + (format_date(p.end_date, lang, p.end_precision) if p.end_date else t("base.open", lang))
                for p in rows
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
                y=[[groups[c] for _, c in marks], [markers_row] * len(marks)],
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
    shown = dict.fromkeys(p.partner if p.partner in theme.LENS_RAMPS else theme.OTHER_PARTNERS for p in rows)
    for partner in shown:
        name = t("timeline.other_partners", lang) if partner == theme.OTHER_PARTNERS else None
        figure.add_trace(
            go.Bar(
                orientation="h",
                x=[None],
                y=[[categories[0][0]], [categories[0][1]]],
                marker={"color": theme.partner_colour(partner, 3)},
                name=name or plotly_text(dataset.partner_name(partner, lang)),
                hoverinfo="skip",
            )
        )
    figure.update_layout(
        barmode="overlay",
        height=110 + ROW_HEIGHT * len(categories),
        margin={"l": 10, "r": 10, "t": 30, "b": 30},
        font={"family": theme.FONT_FAMILY, "color": theme.TEXT_COLOUR, "size": 13},
        paper_bgcolor=theme.WHITE,
        plot_bgcolor=theme.WHITE,
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "title": {"text": ""}},
        xaxis={
            "type": "date",
            "range": [first.isoformat(), (today + dt.timedelta(days=60)).isoformat()],
            "gridcolor": theme.GRID,
            "dtick": "M12",
            "tickformat": "%Y",
        },
        yaxis={
            "type": "multicategory",
            # Rows come in the order the bars name them (countries, then France, Russia, others),
            # each country's coups and withdrawals last; the first at the top.
            "autorange": "reversed",
            "automargin": True,
            "dividercolor": theme.LINE,
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
